//! The theme's words in the site's language (issue 20): Fluent translation files, a site's
//! own overrides, right-to-left pages, and the problems a translation can have.

mod common;

use std::fs;
use std::path::Path;

use common::{check, options, scratch_copy};
use hubsite::Error;
use hubsite::diag::Code;

/// The theme's English messages that need no variable: `(name, text)`.
fn english_messages() -> Vec<(String, String)> {
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/hub/i18n/en-GB.ftl"))
            .expect("the theme's English translation");
    text.lines()
        .filter(|line| !line.starts_with([' ', '#']) && !line.contains('{'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(name, text)| (name.trim().to_owned(), text.trim().to_owned()))
        .collect()
}

/// Every page's visible text (tags dropped), by path.
fn page_texts(root: &Path) -> Vec<(String, String)> {
    common::html_pages(root).into_iter().collect()
}

#[test]
fn a_welsh_site_shows_no_english_word_of_the_theme_frame() {
    let site = scratch_copy("cymraeg");
    let pages = page_texts(site.path());
    assert!(pages.len() >= 5, "the Welsh site has its pages");
    let english = english_messages();
    assert!(
        english.len() > 20,
        "the English file lists the theme's words"
    );
    for (path, html) in &pages {
        // A text in an element or an attribute: between '>' and '<', or in quotes.
        for (name, text) in &english {
            for shape in [format!(">{text}<"), format!("\"{text}\"")] {
                assert!(
                    !html.contains(&shape),
                    "{path} shows the English `{name}` ({text}) on a Welsh site"
                );
            }
        }
        assert!(html.contains("<html lang=\"cy\" dir=\"ltr\">"), "{path}");
    }
    let abuse = &pages
        .iter()
        .find(|(p, _)| p == "self-help/ai-cam-drin-yw-e/index.html")
        .expect("the sensitive page")
        .1;
    for welsh in [
        ">Gadael y dudalen hon<",
        "Cael help nawr",
        "ffoniwch <a href=\"tel:999\">999</a>",
        "Neidio i'r prif gynnwys",
        "data-press-one-more=\"Shift, pwyswch unwaith eto\"",
        // Dates in Welsh's own form, from CLDR.
        "Adolygwyd ddiwethaf ar <time datetime=\"2024-03-04\">4 Mawrth 2024</time>",
    ] {
        assert!(abuse.contains(welsh), "the sensitive page lacks {welsh}");
    }
}

#[test]
fn an_arabic_site_runs_right_to_left_with_the_exit_control_in_arabic() {
    let site = scratch_copy("cymraeg");
    let config = site.path().join("hubsite.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        text.replace("language = \"cy\"", "language = \"ar\""),
    )
    .unwrap();
    let pages = page_texts(site.path());
    let abuse = &pages
        .iter()
        .find(|(p, _)| p == "self-help/ai-cam-drin-yw-e/index.html")
        .expect("the sensitive page")
        .1;
    assert!(abuse.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(
        abuse.contains(">غادر هذه الصفحة<"),
        "the exit control in Arabic"
    );
    // The Arabic file is partial: what it lacks is a warning naming each message, not an error.
    let run = check(&options(site.path())).expect("builds with a partial translation");
    assert!(
        !run.warnings
            .0
            .iter()
            .any(|w| w.code == Some(Code::MissingMessage)),
        "the Arabic translation has every message of the frame: {:?}",
        run.warnings
    );
}

#[test]
fn a_site_overrides_one_message_and_keeps_the_rest() {
    let site = scratch_copy("council");
    fs::create_dir_all(site.path().join("i18n")).unwrap();
    fs::write(
        site.path().join("i18n/en-GB.ftl"),
        "exit-this-page = Leave this site now\n",
    )
    .unwrap();
    let pages = page_texts(site.path());
    let abuse = &pages
        .iter()
        .find(|(p, _)| p == "self-help/is-it-abuse/index.html")
        .expect("the sensitive page")
        .1;
    assert!(abuse.contains(">Leave this site now</a>"));
    assert!(
        abuse.contains("Get help now"),
        "other messages stay the theme's"
    );
}

#[test]
fn a_language_the_theme_lacks_is_a_warning_naming_what_to_translate() {
    let site = scratch_copy("council");
    let config = site.path().join("hubsite.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        text.replace(
            "languages = [\"en-GB\", \"cy\"]",
            "languages = [\"pl\", \"cy\"]",
        ),
    )
    .unwrap();
    let run = check(&options(site.path())).expect("builds in English words");
    let warning = run
        .warnings
        .0
        .iter()
        .find(|w| w.code == Some(Code::MissingMessage))
        .expect("a warning that the theme has no Polish");
    assert!(warning.message.contains("`pl`"), "{}", warning.message);

    // With the site's own Polish file, what it lacks is listed, and what it has is used.
    fs::create_dir_all(site.path().join("i18n")).unwrap();
    fs::write(
        site.path().join("i18n/pl.ftl"),
        "exit-this-page = Opuść tę stronę\n",
    )
    .unwrap();
    let run = check(&options(site.path())).expect("builds");
    let warning = run
        .warnings
        .0
        .iter()
        .find(|w| w.code == Some(Code::MissingMessage))
        .expect("a warning listing the messages pl.ftl lacks");
    assert!(warning.path.ends_with("i18n/pl.ftl"), "{warning:?}");
    assert!(
        warning.message.contains("skip-to-content"),
        "{}",
        warning.message
    );
    assert!(
        !warning.message.contains("exit-this-page,"),
        "{}",
        warning.message
    );
    let pages = page_texts(site.path());
    let abuse = &pages
        .iter()
        .find(|(p, _)| p == "self-help/is-it-abuse/index.html")
        .unwrap()
        .1;
    assert!(abuse.contains(">Opuść tę stronę</a>"));
    assert!(
        abuse.contains("Skip to main content"),
        "the rest falls back to English"
    );
}

#[test]
fn a_translation_fluent_cannot_read_is_located_and_publishes_nothing() {
    let site = scratch_copy("cymraeg");
    fs::create_dir_all(site.path().join("i18n")).unwrap();
    fs::write(
        site.path().join("i18n/cy.ftl"),
        "nav-search = Chwilio\nexit-this-page: Gadael\n",
    )
    .unwrap();
    let error = match common::build(site.path()) {
        Err(Error::Content(problems)) => problems,
        other => panic!("expected a located error, got {other:?}"),
    };
    let problem = error
        .0
        .iter()
        .find(|d| d.code == Some(Code::Translation))
        .expect("the Fluent error");
    assert_eq!(problem.path, Path::new("i18n/cy.ftl"));
    assert_eq!(
        problem.position.map(|(line, _)| line),
        Some(2),
        "{problem:?}"
    );
    assert!(!site.path().join("public").exists(), "nothing published");
}

#[test]
fn a_file_in_i18n_that_is_not_a_translation_is_named() {
    let site = scratch_copy("cymraeg");
    fs::create_dir_all(site.path().join("i18n")).unwrap();
    fs::write(site.path().join("i18n/cy.txt"), "nav-search = Chwilio\n").unwrap();
    let error = check(&options(site.path())).expect_err("a misnamed translation");
    assert!(error.to_string().contains("i18n/cy.txt"), "{error}");
}

/// The theme's translation files as the build reads them.
fn theme_messages(languages: &[&str]) -> hubsite::model::i18n::Messages {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/hub/i18n");
    let files: Vec<hubsite::load::MessageFile> = ["en-GB", "cy", "ar"]
        .iter()
        .map(|tag| hubsite::load::MessageFile {
            language: (*tag).to_owned(),
            origin: hubsite::load::MessageOrigin::Theme,
            file: hubsite::diag::SourceFile::new(
                format!("{tag}.ftl"),
                fs::read(dir.join(format!("{tag}.ftl"))).unwrap(),
            )
            .unwrap(),
        })
        .collect();
    let languages: Vec<String> = languages.iter().map(|l| (*l).to_owned()).collect();
    let parsed = hubsite::model::i18n::Messages::parse(&files, &languages);
    assert!(
        !parsed
            .warnings
            .0
            .iter()
            .any(|w| w.message.contains("the cy translation")),
        "the Welsh translation is complete: {:?}",
        parsed.warnings
    );
    parsed.messages.expect("the theme's translations read")
}

#[test]
fn places_left_follow_each_languages_plural_rules() {
    use hubsite::model::i18n::{ArgValue, fluent_args};
    let messages = theme_messages(&["en-GB", "cy", "ar"]);
    let places = |language: &str, n: f64| {
        let args = fluent_args([("count", ArgValue::Number(n))]);
        messages.text(language, "places-left", Some(&args)).unwrap()
    };
    assert_eq!(places("en-GB", 1.0), "1 place left");
    assert_eq!(places("en-GB", 3.0), "3 places left");
    assert_eq!(places("cy", 1.0), "1 lle ar ôl");
    assert_eq!(places("cy", 2.0), "2 le ar ôl");
    assert_eq!(places("cy", 5.0), "5 lle ar ôl");
    assert_eq!(places("ar", 2.0), "مكانان متبقيان");
    assert_eq!(places("ar", 4.0), "4 أماكن متبقية");
    assert_eq!(places("ar", 11.0), "11 مكانًا متبقيًا");
}

#[test]
fn a_welsh_programme_counts_filters_and_books_in_welsh() {
    let site = scratch_copy("cymraeg");
    let pages = page_texts(site.path());
    let page = |path: &str| {
        &pages
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("{path} is built"))
            .1
    };
    let week = page("sessions/wythnos-teuluoedd-2024/index.html");
    for welsh in [
        // Welsh keeps the noun singular after a number.
        ">2 sesiwn</p>",
        "data-plural-two=\"{count} sesiwn\"",
        ">Hidlo sesiynau<",
        ">Fformat</p>",
        "<span class=\"filter-label\">Ar-lein</span>",
        "<span class=\"visually-hidden\">Pryd: </span>",
        "Ar gyfer rhieni a gofalwyr.",
        "I deuluoedd: </span>£2. Crèche. Oed 0 i 5.",
        "Gyda Siân Evans, Cyngor Cwm Tawel",
        "data-add=\"Ychwanegu at fy sesiynau\"",
    ] {
        assert!(week.contains(welsh), "the Welsh week lacks {welsh}");
    }
    let session = page("sessions/wythnos-teuluoedd-2024/bore-coffi-teuluoedd/index.html");
    for welsh in [
        "<dt>Pryd</dt>",
        "(amser y DU)",
        "<dt>Oedrannau</dt><dd>0 i 5</dd>",
        ">Archebu drwy e-bost: bore-coffi@example.org<",
        "<h2>Ychwanegu at eich calendr</h2>",
    ] {
        assert!(session.contains(welsh), "the Welsh session lacks {welsh}");
    }
    let online = page("sessions/wythnos-teuluoedd-2024/siarad-gyda-phobl-ifanc/index.html");
    assert!(
        online.contains("<p>3 lle ar ôl.</p>"),
        "places left in Welsh"
    );
    assert!(online.contains("<li>Capsiynau byw</li>"));
}

#[test]
fn a_message_written_twice_in_one_file_is_located_at_the_second() {
    let site = scratch_copy("cymraeg");
    fs::create_dir_all(site.path().join("i18n")).unwrap();
    fs::write(
        site.path().join("i18n/cy.ftl"),
        "nav-search = Chwilio\nexit-this-page = Gadael\nnav-search = Chwilio'r wefan\n",
    )
    .unwrap();
    let error = check(&options(site.path())).expect_err("a message twice");
    let Error::Content(problems) = error else {
        panic!("expected a located problem, got {error}")
    };
    let problem = problems
        .0
        .iter()
        .find(|d| d.code == Some(Code::Translation))
        .expect("the second nav-search");
    assert_eq!(problem.position, Some((3, 1)), "{problem:?}");
    assert!(problem.message.contains("`nav-search` is written twice"));
}
