//! Follow-on materials, the resource library and the week's booklet (page and PDF), and the
//! material checks of `hubsite check`. The PDF is read back with poppler's tools
//! (`pdftotext`, `pdfinfo`, `pdftohtml`), which `scripts/test` installs.

mod common;
mod pdf_tools;

use std::path::Path;

use common::*;
use hubsite::load::load_site;
use hubsite::model::{ModelOptions, build_site};
use hubsite::output::{Contents, Output};
use pdf_tools::{decoded_qr_codes, escaped, poppler, squeeze};

/// Builds `root` in memory at [`NOW`].
fn output_of(root: &Path) -> std::sync::Arc<Output> {
    common::check(&options(root))
        .expect("the site builds")
        .output
}

fn bytes(output: &Output, path: &str) -> Vec<u8> {
    match output.get(path).map(|f| &f.contents) {
        Some(Contents::Bytes(bytes)) => bytes.to_vec(),
        _ => panic!("{path} is not in the output"),
    }
}

fn text(output: &Output, path: &str) -> String {
    String::from_utf8(bytes(output, path)).expect("UTF-8")
}

/// For every week with a published booklet: the page lists every session's materials, and the
/// PDF opens, has the title, language, tags, outline and links, and holds every title.
fn check_booklets(root: &Path) -> usize {
    let sources = load_site(root, &Default::default()).expect("loads");
    let (site, _warnings) = build_site(
        &sources,
        &ModelOptions {
            drafts: false,
            now: options(root).now,
        },
    )
    .expect("models");
    let output = output_of(root);
    let mut checked = 0;
    for week in site.weeks.iter().filter(|w| w.booklet_published) {
        let page = text(
            &output,
            &format!(
                "{}booklet/index.html",
                week.url.as_str().trim_start_matches('/')
            ),
        );
        let pdf = bytes(
            &output,
            &format!("{}booklet.pdf", week.url.as_str().trim_start_matches('/')),
        );
        assert!(
            page.contains("booklet.pdf\" download>Download the booklet (PDF, "),
            "{} offers its PDF",
            week.url
        );
        let pdf_text = squeeze(&poppler("pdftotext", &[], &pdf));
        let info = poppler("pdfinfo", &[], &pdf);
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(
            info.contains(&format!("Title:           {}: the booklet", week.name)),
            "{info}"
        );
        assert!(
            String::from_utf8_lossy(&pdf).contains(&format!("/Lang({})", site.config.language))
        );
        let xml = poppler("pdftohtml", &["-xml", "-stdout", "-q"], &pdf);
        assert!(xml.contains("<outline>"), "the PDF has an outline");
        for &id in &week.sessions {
            let session = &site.sessions[id];
            assert!(
                xml.contains(&format!(">{}</item>", escaped(&session.title))),
                "outline entry for {}",
                session.title
            );
            for material in &session.follow_on {
                assert!(
                    page.contains(&format!(
                        "<a href=\"{}\">{}</a>",
                        escaped(&material.url),
                        escaped(&material.title)
                    )),
                    "{} on the page",
                    material.title
                );
                assert!(
                    pdf_text.contains(&squeeze(&material.title)),
                    "{} in the PDF text",
                    material.title
                );
                assert!(
                    xml.contains(&format!("href=\"{}\"", escaped(&material.url))),
                    "a link to {} in the PDF",
                    material.url
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn the_booklet_lists_every_sessions_materials_on_the_page_and_in_the_pdf() {
    let checked = check_booklets(&fixture("booklet"));
    assert_eq!(checked, 3, "the fixture's three follow-on materials");
}

#[test]
fn the_example_sites_booklets_list_every_sessions_materials() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        check_booklets(root) > 0,
        "the example site publishes booklets with materials"
    );
}

#[test]
fn the_booklet_pdf_text_is_golden() {
    let output = output_of(&fixture("booklet"));
    let pdf = bytes(&output, "sessions/spring/booklet.pdf");
    insta::assert_snapshot!("booklet_pdf_text", poppler("pdftotext", &["-layout"], &pdf));
}

#[test]
fn the_booklet_pdfs_qr_codes_scan_to_the_materials_addresses() {
    let pdf = bytes(
        &output_of(&fixture("booklet")),
        "sessions/spring/booklet.pdf",
    );
    let mut decoded = decoded_qr_codes(&pdf);
    decoded.sort();
    assert_eq!(
        decoded,
        [
            "https://example.org/recordings/teenagers",
            "https://example.org/resources/arguing-better-video",
            "https://example.org/resources/staying-close",
            "https://example.org/slides/evening.pdf",
            "https://example.org/talking",
            "https://www.example.org/guides/arguing-better/with/a/very/long/address/that/must/wrap/somewhere/sensible/",
        ],
        "every material, recording and further resource, each once"
    );
}

#[test]
fn the_booklet_pdf_is_byte_identical_across_builds() {
    let first = bytes(
        &output_of(&fixture("booklet")),
        "sessions/spring/booklet.pdf",
    );
    let second = bytes(
        &output_of(&fixture("booklet")),
        "sessions/spring/booklet.pdf",
    );
    assert!(
        first == second,
        "two builds at the same now give the same PDF"
    );
    assert!(first.starts_with(b"%PDF-"));
}

#[test]
fn the_booklet_page_is_golden_and_offers_print_addresses_with_qr_codes() {
    let output = output_of(&fixture("booklet"));
    let page = text(&output, "sessions/spring/booklet/index.html");
    assert!(page.contains("<p class=\"printed-link__address\">example.org/guides/arguing-better/with/a/very/long/address/that/must/wrap/somewhere/sensible</p>"));
    assert!(page.contains("<svg role=\"img\" aria-label=\"QR code for Talking with teenagers\""));
    assert!(!page.contains(" style="), "no inline styles under the CSP");
    let start = page.find("<main").unwrap();
    let end = page.find("</main>").unwrap();
    let main: String = page[start..end]
        .lines()
        .filter(|l| !l.contains("<svg"))
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("booklet_page_main", main);
}

#[test]
fn week_and_finished_session_pages_link_to_the_booklet() {
    let output = output_of(&fixture("booklet"));
    assert!(
        text(&output, "sessions/spring/index.html").contains("href=\"/sessions/spring/booklet/\"")
    );
    assert!(
        text(&output, "sessions/spring/teenagers/index.html")
            .contains("href=\"/sessions/spring/booklet/\"")
    );
}

#[test]
fn the_library_has_pages_by_kind_and_topic() {
    let output = output_of(&fixture("booklet"));
    let library = text(&output, "resources/index.html");
    for title in [
        "Staying close to your teenager",
        "Arguing better: tips for parents",
        "Budgeting together",
    ] {
        assert!(library.contains(&escaped(title)), "{title} in the library");
    }
    let videos = text(&output, "resources/kind/video/index.html");
    assert!(videos.contains("Arguing better") && !videos.contains("Budgeting together"));
    let money = text(&output, "resources/topic/money/index.html");
    assert!(money.contains("Budgeting together") && !money.contains("Staying close"));
    assert!(
        output.get("resources/kind/podcast/index.html").is_none(),
        "no page for a kind without resources"
    );
}

#[test]
fn resources_appear_on_self_help_topic_and_session_pages_by_shared_topic() {
    let output = output_of(&fixture("booklet"));
    let self_help = text(&output, "self-help/teenagers/index.html");
    assert!(
        self_help.contains("Staying close to your teenager")
            && !self_help.contains("Budgeting together")
    );
    let topic = text(&output, "topics/teenagers/index.html");
    assert!(
        topic.contains("Staying close to your teenager")
            && topic.contains("href=\"/resources/topic/teenagers/\"")
    );
    let session = text(&output, "sessions/spring/evening/index.html");
    assert!(
        session.contains("Arguing better: tips for parents") && !session.contains("Staying close")
    );
}

#[test]
fn further_resources_share_the_weeks_topics() {
    let output = output_of(&fixture("booklet"));
    let page = text(&output, "sessions/spring/booklet/index.html");
    let further = &page[page
        .find("id=\"further-resources\"")
        .expect("a further resources section")..];
    assert!(further.contains("Staying close to your teenager"));
    assert!(
        !further.contains("Budgeting together"),
        "money is not a topic of the week"
    );
}

#[test]
fn a_finished_session_leads_with_its_recording_and_materials() {
    let lead = |now: &str| {
        let site = scratch_copy("booklet");
        let mut options = options(site.path());
        options.now = hubsite::model::time::parse_now(now).unwrap();
        let output = common::check(&options).unwrap().output;
        let html = text(&output, "sessions/spring/teenagers/index.html");
        let steps = &html[html.find("class=\"next-steps\"").unwrap()..];
        let visible = steps
            .split("<section ")
            .skip(1)
            .find(|s| !s.split('>').next().unwrap_or("").contains(" hidden"))
            .unwrap();
        visible.split('>').next().unwrap().to_owned()
    };
    assert!(lead("2024-03-10T12:00:00Z").contains("data-phase=\"booking\""));
    assert!(lead("2024-03-26T12:00:00Z").contains("data-phase=\"finished\""));
}

#[test]
fn check_reports_unusable_and_duplicate_materials() {
    let site = scratch_copy("bad-materials");
    let report = match common::check(&options(site.path())) {
        Ok(_) => panic!("check found nothing"),
        Err(error) => error.to_string(),
    };
    insta::assert_snapshot!(report);
}

#[test]
fn a_bad_resource_file_is_located() {
    insta::assert_snapshot!(build_errors("bad-resources"));
}
