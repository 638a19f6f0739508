//! Translated text fields of sessions, weeks, hosts, services, topics and resources (issue 20,
//! item 2): `[translations.<tag>]` tables, taken when the model is built for another language,
//! with what is not translated shown in the default language and marked `lang="en-GB"`, and
//! every bad table located. Until the pipeline builds each language, the Welsh pages are built
//! through the library: the fixture's configuration cloned with `language = "cy"`.

mod common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use hubsite::Error;
use hubsite::diag::Code;
use hubsite::load::{LoadOptions, load_site};
use hubsite::model::{ModelOptions, Site, build_site};
use hubsite::render::templates::Templates;
use hubsite::render::{Downloads, RenderedSite, render_site};

const FIXTURE: &str = "bilingual-data";

/// The fixture's model and pages in `language`.
fn build_in(root: &Path, language: &str) -> (Site, RenderedSite) {
    let mut sources = load_site(root, &LoadOptions::default()).expect("the fixture loads");
    let mut config = (*sources.config).clone();
    config.language = language.to_owned();
    sources.config = Arc::new(config);
    let options = ModelOptions {
        drafts: false,
        now: hubsite::model::time::parse_now(common::NOW).expect("valid now"),
    };
    let (site, _) = build_site(&sources, &options).expect("the fixture builds");
    let templates = Templates::parse(&sources.templates)
        .expect("the theme's templates")
        .with_messages(Arc::clone(&site.messages));
    let rendered =
        render_site(&site, &templates, &Downloads::default(), None).expect("the pages render");
    (site, rendered)
}

/// The rendered page at `url`.
fn page<'a>(rendered: &'a RenderedSite, url: &str) -> &'a str {
    rendered
        .pages
        .iter()
        .find(|p| p.url.as_str() == url)
        .map(|p| p.html.text().unwrap_or_default())
        .unwrap_or_else(|| panic!("no page at {url}"))
}

fn assert_has(html: &str, wanted: &str) {
    assert!(html.contains(wanted), "missing {wanted:?} in:\n{html}");
}

#[test]
fn welsh_pages_take_the_translated_text_of_the_model() {
    let (site, _) = build_in(&common::fixture(FIXTURE), "cy");
    let titles: Vec<_> = site.sessions.iter().map(|s| s.title.as_str()).collect();
    assert!(titles.contains(&"Bore coffi i deuluoedd"), "{titles:?}");
    assert!(titles.contains(&"Talking with teenagers"), "{titles:?}");
    assert_eq!(site.weeks[0].name, "Wythnos deuluoedd y gwanwyn 2024");
    assert_eq!(
        site.weeks[0].summary, "A week of sessions for parents and carers.",
        "not translated: the English"
    );
    assert_eq!(site.topics.list[0].name, "Siarad gyda'n gilydd");
    let centre = site
        .services
        .iter()
        .find(|s| s.id.as_str() == "family-centre")
        .expect("the family centre");
    assert_eq!(centre.name, "Canolfan Deuluoedd Cwm Hyfryd");
    assert_eq!(centre.eligibility, "Teuluoedd â phlant hyd at 18 oed.");
    assert_eq!(
        centre.url.as_str(),
        "/directory/family-centre/",
        "ids and addresses are not translated"
    );
    assert_eq!(
        site.resources[0].id.as_str(),
        "listening-to-your-child",
        "a resource's id comes from its title as written"
    );
}

#[test]
fn translated_text_is_shown_unmarked_and_what_falls_back_is_marked_en_gb() {
    let (_, rendered) = build_in(&common::fixture(FIXTURE), "cy");
    let coffee = page(&rendered, "/sessions/spring-2024/coffee-morning/");
    assert_has(coffee, "<h1>Bore coffi i deuluoedd</h1>");
    assert_has(coffee, "<div class=\"prose\"><p>Dewch i gwrdd");
    assert_has(coffee, ", Gweithiwr teulu, <a");
    assert_has(
        coffee,
        "<p class=\"note\" lang=\"en-GB\">Times are placeholders.</p>",
    );

    let teenagers = page(&rendered, "/sessions/spring-2024/talking-with-teenagers/");
    assert_has(teenagers, "<h1 lang=\"en-GB\">Talking with teenagers</h1>");
    assert_has(
        teenagers,
        "<p class=\"lead\" lang=\"en-GB\">How to keep talking when your teenager goes quiet.</p>",
    );
    assert_has(teenagers, "<div class=\"prose\" lang=\"en-GB\">");
    assert_has(teenagers, "<span lang=\"en-GB\">Family practitioner</span>");
    // Inside one of the theme's sentences, the title that fell back is marked too.
    assert_has(
        teenagers,
        "ar gyfer <span lang=\"en-GB\">Talking with teenagers</span></a>",
    );
    // And in the sentences made in Rust: the booking button names the session.
    assert_has(
        teenagers,
        "Archebu lle: <span lang=\"en-GB\">Talking with teenagers</span></a>",
    );
    assert!(
        !coffee.contains("<span lang=\"en-GB\">Bore coffi"),
        "translated: unmarked"
    );

    let week = page(&rendered, "/sessions/spring-2024/");
    assert_has(week, "<h1>Wythnos deuluoedd y gwanwyn 2024</h1>");
    assert_has(
        week,
        "<a href=\"/sessions/spring-2024/coffee-morning/\">Bore coffi i deuluoedd</a>",
    );
    assert_has(
        week,
        "<a href=\"/sessions/spring-2024/talking-with-teenagers/\" lang=\"en-GB\">Talking with teenagers</a>",
    );
    assert_has(
        week,
        "<span lang=\"en-GB\">A week of sessions for parents and carers.</span>",
    );

    let directory = page(&rendered, "/directory/");
    assert_has(
        directory,
        "<a href=\"/directory/family-centre/\">Canolfan Deuluoedd Cwm Hyfryd</a>",
    );
    assert_has(
        directory,
        "<a href=\"/directory/money-advice/\" lang=\"en-GB\">Money Advice Line</a>",
    );
    let centre = page(&rendered, "/directory/family-centre/");
    assert_has(centre, "<h1>Canolfan Deuluoedd Cwm Hyfryd</h1>");
    let course = page(&rendered, "/directory/parenting-course/");
    assert_has(course, "<h1 lang=\"en-GB\">Parenting Together course</h1>");

    let guide = page(&rendered, "/directory/for-practitioners/");
    assert_has(
        guide,
        "<a href=\"/directory/money-advice/\" lang=\"en-GB\">Money Advice Line</a>",
    );
    assert_has(
        guide,
        "<a href=\"/directory/family-centre/\">Canolfan Deuluoedd Cwm Hyfryd</a>",
    );
    let poster = page(&rendered, "/sessions/spring-2024/poster/");
    assert_has(
        poster,
        "<h2 class=\"poster-item__title\" lang=\"en-GB\">Talking with teenagers</h2>",
    );

    let topic = page(&rendered, "/topics/talking-together/");
    assert_has(topic, "<h1>Siarad gyda&#39;n gilydd</h1>");
    assert_has(
        topic,
        "<a href=\"https://example.org/listening\" lang=\"en-GB\">Listening to your child</a>",
    );
    assert_has(
        topic,
        "<span lang=\"en-GB\">Small ways to show your child you are listening.</span>",
    );
}

#[test]
fn the_default_language_keeps_its_own_text_and_marks_nothing() {
    let (site, rendered) = build_in(&common::fixture(FIXTURE), "en-GB");
    assert_eq!(site.weeks[0].name, "Spring family week 2024");
    assert!(
        site.sessions
            .iter()
            .any(|s| s.title == "Coffee morning for families")
    );
    for page in &rendered.pages {
        assert_eq!(
            page.html
                .text()
                .unwrap_or_default()
                .matches(" lang=\"en-GB\"")
                .count(),
            1,
            "only <html lang> on {}",
            page.url
        );
    }
}

/// The problems of a build of `root`, as the user reads them.
fn problems(root: &Path) -> Vec<(String, Option<Code>)> {
    match common::check(&common::options(root)) {
        Err(Error::Content(found)) => found.0.iter().map(|d| (d.to_string(), d.code)).collect(),
        other => panic!("expected located problems, got {other:?}"),
    }
}

fn append(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    let mut written = fs::read_to_string(&path).expect("fixture file");
    written.push_str(text);
    fs::write(path, written).expect("write");
}

#[test]
fn every_bad_translation_is_located_in_one_run() {
    let site = common::scratch_copy(FIXTURE);
    let root = site.path();
    // An undeclared language; a field that is not translatable; text that is not text; in a
    // session, a service, a topic, a resource, a host and a week.
    append(
        root,
        "sessions/spring-2024/talking-with-teenagers.toml",
        "\n[translations.pl]\ntitle = \"Rozmowy z nastolatkami\"\n",
    );
    append(
        root,
        "content/directory/money-advice.toml",
        "\n[translations.cy]\nlevel = \"specialist\"\n",
    );
    append(root, "content/topics.toml", "sensitive = true\n");
    append(
        root,
        "content/resources/library.toml",
        "\n[resource.translations.cy]\ntitle = 7\n",
    );
    append(
        root,
        "sessions/spring-2024/week.toml",
        "start_date = 2024-03-12\n",
    );
    let found = problems(root);
    let text: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    let has = |start: &str, code: Code| {
        found
            .iter()
            .any(|(t, c)| t.starts_with(start) && *c == Some(code))
    };
    assert!(
        has(
            "sessions/spring-2024/talking-with-teenagers.toml:21:15: a language used in this file but not declared: `pl`",
            Code::UndeclaredLanguage
        ),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|t| t.contains(
            "add it to `languages` in hubsite.toml: languages = [\"en-GB\", \"cy\", \"pl\"]"
        )),
        "{text:#?}"
    );
    assert!(
        has(
            "content/directory/money-advice.toml:17:1: `level` is not a field a translation of a service holds: those are name, summary, description, eligibility, referral, notice and accreditations",
            Code::UntranslatableField
        ),
        "{text:#?}"
    );
    assert!(
        has(
            "content/topics.toml:9:1: `sensitive` is not a field a translation of a topic holds: those are name and description",
            Code::UntranslatableField
        ),
        "{text:#?}"
    );
    assert!(
        has(
            "content/resources/library.toml:10:9: `title` in a translation must be text, not integer",
            Code::WrongType
        ),
        "{text:#?}"
    );
    assert!(
        has(
            "sessions/spring-2024/week.toml:16:1: `start_date` is not a field a translation of a week holds",
            Code::UntranslatableField
        ),
        "{text:#?}"
    );
    assert_eq!(found.len(), 5, "{text:#?}");
}

#[test]
fn a_one_language_site_with_a_translation_reports_the_language_undeclared() {
    let site = common::scratch_copy(FIXTURE);
    let root = site.path();
    let config = fs::read_to_string(root.join("hubsite.toml")).unwrap();
    fs::write(
        root.join("hubsite.toml"),
        config.replace("languages = [\"en-GB\", \"cy\"]", "language = \"en-GB\""),
    )
    .unwrap();
    let found = problems(root);
    let undeclared: Vec<&str> = found
        .iter()
        .filter(|(_, c)| *c == Some(Code::UndeclaredLanguage))
        .map(|(t, _)| t.as_str())
        .collect();
    // The topic, the week, the two translated sessions and a host, and the translated service.
    assert_eq!(undeclared.len(), found.len(), "{found:#?}");
    assert_eq!(undeclared.len(), 6, "{undeclared:#?}");
    assert!(
        undeclared
            .iter()
            .any(|t| t.starts_with("sessions/spring-2024/coffee-morning.toml:22:21:")),
        "{undeclared:#?}"
    );
}

#[test]
fn a_sessions_export_says_which_files_have_translations_it_does_not_carry() {
    let site = common::scratch_copy(FIXTURE);
    let report = hubsite::import::export_sessions(&hubsite::import::ExportOptions {
        root: site.path().to_path_buf(),
        week: "spring-2024".into(),
        file: site.path().join("sessions.csv"),
    })
    .expect("the week exports");
    assert_eq!(report.sessions, 3);
    let translated: Vec<&String> = report
        .notes
        .iter()
        .filter(|n| n.contains("translations are not in the spreadsheet"))
        .collect();
    assert_eq!(translated.len(), 2, "{:#?}", report.notes);
    for (note, file) in translated.iter().zip(["coffee-morning", "messy-play"]) {
        assert!(
            note.starts_with(&format!("sessions/spring-2024/{file}.toml:")),
            "{translated:?}"
        );
    }
}

#[test]
fn a_dead_link_in_a_translated_description_is_located_in_the_translation() {
    let site = common::scratch_copy(FIXTURE);
    let root = site.path();
    let path = root.join("sessions/spring-2024/coffee-morning.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace(
            "[am yr wythnos](/sessions/spring-2024/)",
            "[am yr wythnos](nowhere.md)",
        ),
    )
    .unwrap();
    let mut sources = load_site(root, &LoadOptions::default()).expect("the site loads");
    let mut config = (*sources.config).clone();
    config.language = "cy".to_owned();
    sources.config = Arc::new(config);
    let options = ModelOptions {
        drafts: false,
        now: hubsite::model::time::parse_now(common::NOW).expect("valid now"),
    };
    let (site, _) = build_site(&sources, &options).expect("the model builds");
    let templates = Templates::parse(&sources.templates)
        .expect("the theme's templates")
        .with_messages(Arc::clone(&site.messages));
    let report = match render_site(&site, &templates, &Downloads::default(), None) {
        Err(Error::Content(found)) => found.to_string(),
        other => panic!("expected the dead link, got {:?}", other.map(|_| ())),
    };
    // Where the link is written in the translation: its line, and the column of its `[`.
    let written = fs::read_to_string(&path).unwrap();
    let (line, text) = written
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("nowhere.md"))
        .expect("the link");
    let column = text.chars().position(|c| c == '[').expect("a link") + 1;
    let at = format!(
        "sessions/spring-2024/coffee-morning.toml:{}:{column}:",
        line + 1
    );
    assert!(report.contains(&at), "{at} in {report}");
}

#[test]
fn a_sessions_family_details_and_access_are_translated_or_marked() {
    let (site, rendered) = build_in(&common::fixture(FIXTURE), "cy");
    let play = page(&rendered, "/sessions/spring-2024/messy-play/");
    assert_has(play, "<dd>£2. Am ddim i deuluoedd ar Gredyd Cynhwysol</dd>");
    assert_has(
        play,
        "<dd>Sgwosh a ffrwythau i blant, te a choffi i oedolion</dd>",
    );
    assert_has(
        play,
        "<dd>Maes parcio am ddim y tu ôl i&#39;r ganolfan</dd>",
    );
    assert_has(
        play,
        "<dd lang=\"en-GB\">Level path from the bus stop on High Street</dd>",
    );
    assert_has(
        play,
        "<ul><li>Mynedfa heb risiau</li><li>Ystafell newid babanod</li></ul>",
    );
    assert_has(play, "<li lang=\"en-GB\">A quiet room is available</li>");
    // The calendar's description takes the same text.
    let session = site
        .sessions
        .iter()
        .find(|s| s.slug.as_str() == "messy-play")
        .expect("the session");
    assert_eq!(
        session.family.refreshments.as_deref(),
        Some("Sgwosh a ffrwythau i blant, te a choffi i oedolion")
    );

    let (_, english) = build_in(&common::fixture(FIXTURE), "en-GB");
    let play = page(&english, "/sessions/spring-2024/messy-play/");
    assert_has(
        play,
        "<dd>Squash and fruit for children, tea and coffee for grown-ups</dd>",
    );
    assert_has(
        play,
        "<ul><li>Step-free entrance</li><li>Baby changing room</li></ul>",
    );
    assert!(
        !play.contains("lang=\"en-GB\">Level path"),
        "nothing marked in English"
    );
}

#[test]
fn a_nested_translation_table_is_checked_field_by_field() {
    let site = common::scratch_copy(FIXTURE);
    let root = site.path();
    let path = root.join("sessions/spring-2024/messy-play.toml");
    let written = fs::read_to_string(&path).expect("fixture file");
    let written = written.replace(
        "access = [\"Mynedfa heb risiau\", \"Ystafell newid babanod\"]",
        "access = \"Mynedfa heb risiau\"",
    );
    fs::write(&path, written + "bus = \"Bws 23\"\n").expect("write");
    let found = problems(root);
    let text: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        found.iter().any(|(t, c)| t.starts_with(
            "sessions/spring-2024/messy-play.toml:38:1: `transport.bus` is not a field a translation of a session holds"
        ) && *c == Some(Code::UntranslatableField)),
        "{text:#?}"
    );
    assert!(
        found.iter().any(|(t, c)| t.starts_with(
            "sessions/spring-2024/messy-play.toml:34:10: `venue.access` in a translation must be a list of text, not string"
        ) && *c == Some(Code::WrongType)),
        "{text:#?}"
    );
    assert_eq!(found.len(), 2, "{text:#?}");
}
