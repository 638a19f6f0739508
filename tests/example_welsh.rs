//! The example site in English and Welsh (issue 20, item 6): its home page, safety pages, two
//! self-help guides, the 2027 week with three sessions, and its topics are in Welsh; each Welsh
//! page and its English original lead to each other, untranslated pages say where they lead,
//! and the safety wording is all there in Welsh.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{check, options};

/// Every HTML page of the example's build (this repository's own site), by output path.
fn example_pages() -> BTreeMap<String, String> {
    common::html_pages(Path::new(env!("CARGO_MANIFEST_DIR")))
}

fn page<'a>(pages: &'a BTreeMap<String, String>, path: &str) -> &'a str {
    pages
        .get(path)
        .unwrap_or_else(|| panic!("{path} in the output"))
}

/// The pages translated into Welsh, by their English address.
const TRANSLATED: &[&str] = &[
    "/",
    "/self-help/",
    "/self-help/domestic-abuse/",
    "/hide-your-visit/",
    "/self-help/calming-an-argument/",
    "/self-help/arguments-in-front-of-children/",
];

fn output_path(site_path: &str) -> String {
    format!("{}index.html", site_path.trim_start_matches('/'))
}

#[test]
fn each_welsh_page_and_its_english_original_link_to_each_other() {
    let pages = example_pages();
    for english in TRANSLATED {
        let welsh = format!("/cy{english}");
        let en = page(&pages, &output_path(english));
        let cy = page(&pages, &output_path(&welsh));
        assert!(en.contains("<html lang=\"en-GB\""), "{english}");
        assert!(cy.contains("<html lang=\"cy\""), "{welsh}");
        // The switcher, both ways, and the alternates in the head.
        assert!(
            en.contains(&format!("<a href=\"{welsh}\" hreflang=\"cy\" lang=\"cy\"")),
            "{english} leads to {welsh}"
        );
        assert!(
            cy.contains(&format!(
                "<a href=\"{english}\" hreflang=\"en-GB\" lang=\"en-GB\""
            )),
            "{welsh} leads to {english}"
        );
        for html in [en, cy] {
            assert!(html.contains(&format!(
                "<link rel=\"alternate\" hreflang=\"cy\" href=\"https://example.org{welsh}\">"
            )));
        }
    }
}

#[test]
fn an_untranslated_page_leads_welsh_readers_to_the_welsh_home_page_and_says_so() {
    let pages = example_pages();
    let about = page(&pages, "about-the-week/index.html");
    assert!(about.contains(
        "<a href=\"/cy/\" hreflang=\"cy\" lang=\"cy\" dir=\"ltr\" data-language-link>Hafan Gymraeg (nid yw'r dudalen hon ar gael yn Gymraeg)</a>"
    ));
    assert!(!pages.contains_key("cy/about-the-week/index.html"));
    // The Welsh home page's link to it leads to the English page.
    assert!(page(&pages, "cy/index.html").contains("<a href=\"/about-the-week/\">"));
}

#[test]
fn the_welsh_safety_pages_keep_every_safety_step() {
    let pages = example_pages();
    let abuse = page(&pages, "cy/self-help/domestic-abuse/index.html");
    for words in [
        // The exit control, in Welsh, and the emergency steps.
        "Gadael y dudalen hon",
        "ffoniwch 999.",
        "pwyswch 55",
        "01632 960100",
        // Joint work is named only to say it is not safe.
        "nid yw cwnsela i gyplau, cyrsiau perthynas i gyplau na chyfryngu teuluol yn\nddiogel nac yn addas",
        "<strong>wasanaeth cam-drin domestig arbenigol</strong>",
        "href=\"/cy/hide-your-visit/\"",
    ] {
        assert!(abuse.contains(words), "the Welsh abuse page has {words:?}");
    }
    let hide = page(&pages, "cy/hide-your-visit/index.html");
    for words in [
        "Gadael y dudalen hon",
        "ffoniwch 999",
        "Shift</strong> 3 gwaith",
        "Nid yw’n cuddio eich bod chi wedi bod yma.",
        "href=\"/cy/self-help/domestic-abuse/\"",
    ] {
        assert!(
            hide.contains(words),
            "the Welsh hide-your-visit page has {words:?}"
        );
    }
}

#[test]
fn the_2027_week_its_translated_sessions_and_topics_are_in_welsh_and_the_rest_is_marked_english() {
    let pages = example_pages();
    let week = page(&pages, "cy/sessions/2027/index.html");
    assert!(week.contains("<h1>Wythnos Perthnasoedd yn Bwysig 2027</h1>"));
    assert!(week.contains("Caffi sgwrsio cymunedol"));
    // A session without a translation shows its English title, marked as English.
    assert!(week.contains("lang=\"en-GB\">Understanding your teenagers</a>"));
    let morning = page(&pages, "cy/sessions/2027/family-morning/index.html");
    assert!(
        morning
            .contains("<h1>Bore i&#39;r teulu: chwarae, straeon ac amser gyda&#39;n gilydd</h1>")
    );
    assert!(morning.contains("Tîm yr hwb teulu"));
    let topic = page(&pages, "cy/topics/domestic-abuse/index.html");
    assert!(topic.contains("<h1>Cam-drin domestig</h1>"));
}

/// `hubsite check --root tests/sites/council` (a relative path of several folders) reported
/// every translation's original as missing (E0910): the originals' paths were joined to the
/// root twice.
#[test]
fn a_site_given_by_a_relative_path_finds_the_originals_of_its_translations() {
    let relative = Path::new("tests/sites/council");
    assert!(relative.is_relative() && relative.join("content/_index.cy.md").is_file());
    if let Err(error) = check(&options(relative)) {
        panic!("the council site, from a relative root: {error}");
    }
}
