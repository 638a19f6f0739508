//! Words shown in another language than the page's are marked with `lang` wherever a page
//! shows them (WCAG 3.1.2, language of parts), beyond a page's own title and text: the
//! breadcrumbs' section and week names, topic tags, and the resource library's pages for a
//! topic (heading, lead, list of topics). On the council site no topic and only some sections
//! have Welsh, so its Welsh pages show English names that must be marked; its English pages
//! must carry no such mark.

mod common;

use std::fs;
use std::path::Path;

use common::{html_pages, scratch_copy};

/// The HTML of `path` among `pages`.
fn page<'a>(pages: &'a std::collections::BTreeMap<String, String>, path: &str) -> &'a str {
    pages
        .get(path)
        .unwrap_or_else(|| panic!("{path} in the output"))
}

#[test]
fn breadcrumbs_mark_section_titles_that_fell_back() {
    let pages = html_pages(&common::fixture("council"));
    let cy = page(&pages, "cy/growing-up/early-years/play/index.html");
    // 'Growing up' and 'The early years' have no Welsh: English, marked.
    assert!(
        cy.contains("<a href=\"/familyhub/cy/growing-up/\" lang=\"en-GB\">Growing up</a>"),
        "{cy}"
    );
    assert!(cy.contains(
        "<a href=\"/familyhub/cy/growing-up/early-years/\" lang=\"en-GB\">The early years</a>"
    ));
    // The home page has Welsh: its crumb is the page's language.
    assert!(cy.contains("<li><a href=\"/familyhub/cy/\">Hafan</a></li>"));
    let en = page(&pages, "growing-up/early-years/play/index.html");
    assert!(en.contains("<a href=\"/familyhub/growing-up/\">Growing up</a>"));
    assert!(
        !en.contains("lang=\"en-GB\">"),
        "no part marked on an English page"
    );
}

#[test]
fn the_home_crumb_is_in_the_page_language_when_the_home_page_fell_back() {
    let site = scratch_copy("council");
    fs::remove_file(site.path().join("content/_index.cy.md")).expect("the Welsh home page");
    let pages = html_pages(site.path());
    let cy = page(&pages, "cy/growing-up/early-years/play/index.html");
    assert!(
        cy.contains("<li><a href=\"/familyhub/cy/\">Hafan</a></li>"),
        "{cy}"
    );
}

#[test]
fn topic_tags_mark_names_that_fell_back() {
    let pages = html_pages(&common::fixture("council"));
    let cy = page(&pages, "cy/self-help/is-it-abuse/index.html");
    assert!(cy.contains(
        "<a href=\"/familyhub/cy/topics/domestic-abuse/\" lang=\"en-GB\">Domestic abuse</a>"
    ));
    let en = page(&pages, "self-help/is-it-abuse/index.html");
    assert!(en.contains("<a href=\"/familyhub/topics/domestic-abuse/\">Domestic abuse</a>"));
}

#[test]
fn the_week_crumb_is_marked_when_the_week_has_no_welsh() {
    let pages = html_pages(Path::new(env!("CARGO_MANIFEST_DIR")));
    // The example's 2023 week has no Welsh; its 2027 week has.
    let old = page(&pages, "cy/sessions/2023/mine/index.html");
    assert!(
        old.contains("<a href=\"/cy/sessions/2023/\" lang=\"en-GB\">"),
        "{old}"
    );
    let new = page(&pages, "cy/sessions/2027/mine/index.html");
    assert!(new.contains("<a href=\"/cy/sessions/2027/\">"));
}

#[test]
fn the_library_page_of_a_topic_marks_its_name_and_description() {
    let site = scratch_copy("council");
    fs::create_dir_all(site.path().join("content/resources")).expect("resources folder");
    fs::write(
        site.path().join("content/resources/library.toml"),
        r#"[[resource]]
title = "Talking with teenagers"
url = "https://example.org/talking-with-teenagers"
kind = "article"
source = "Northmoor Council"
topics = ["talking-together"]
description = "Ways into a conversation."
"#,
    )
    .expect("library");
    let pages = html_pages(site.path());
    let cy = page(&pages, "cy/resources/topic/talking-together/index.html");
    // The heading's sentence is Welsh, the topic's name in it English, marked.
    assert!(
        cy.contains("<h1>Adnoddau ar <span lang=\"en-GB\">talking together</span></h1>"),
        "{cy}"
    );
    assert!(cy.contains(
        "<p class=\"lead\" lang=\"en-GB\">Everyday conversations between parents, and with children.</p>"
    ));
    assert!(cy.contains("aria-current=\"page\" lang=\"en-GB\">Talking together</a>"));
    let en = page(&pages, "resources/topic/talking-together/index.html");
    assert!(en.contains("<h1>Resources on talking together</h1>"));
    assert!(en.contains("<p class=\"lead\">Everyday conversations"));
}
