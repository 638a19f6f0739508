//! A site in several languages (issue 20): the council's site is bilingual (English, and Welsh
//! for its home page, a safety page and the page on hiding a visit). Each language's pages link
//! to each other's, untranslated pages lead to the original, what every language shares is
//! published once, and the problems a translation can have are located.

mod common;

use std::collections::BTreeMap;
use std::fs;

use common::{build, check, check_problems, html_pages, options, read_output, scratch_copy};
use hubsite::Error;
use hubsite::diag::Code;
use hubsite::output::Contents;

const ORIGIN: &str = "https://council.example.gov.uk";

/// Every HTML page of the council site's build, by output path.
fn pages() -> BTreeMap<String, String> {
    html_pages(scratch_copy("council").path())
}

/// The links of a page that name their language: `(hreflang, href)`, from `<a>` and
/// `<link rel="alternate">`.
fn language_links(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for tag in html.split('<').filter(|t| t.contains("hreflang=\"")) {
        let attribute = |name: &str| {
            let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
            Some(tag[start..start + tag[start..].find('"')?].to_owned())
        };
        if let (Some(language), Some(href)) = (attribute("hreflang"), attribute("href")) {
            found.push((language, href));
        }
    }
    found
}

/// The output file a link from the host's root leads to.
fn output_path(href: &str) -> String {
    let path = href
        .strip_prefix(ORIGIN)
        .unwrap_or(href)
        .strip_prefix("/familyhub/")
        .unwrap_or_else(|| panic!("{href} is under the site's folder"));
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    }
}

#[test]
fn each_translated_page_links_to_its_other_language_both_ways() {
    let pages = pages();
    let welsh = &pages["cy/self-help/is-it-abuse/index.html"];
    let english = &pages["self-help/is-it-abuse/index.html"];
    assert!(welsh.starts_with("<!DOCTYPE html>\n<html lang=\"cy\" dir=\"ltr\">"));
    assert!(welsh.contains("<h1>Ai gwrthdaro yw hyn, neu gam-drin?</h1>"));
    assert!(welsh.contains(
        r#"<a href="/familyhub/self-help/is-it-abuse/" hreflang="en-GB" lang="en-GB" dir="ltr" data-language-link>English</a>"#
    ));
    assert!(english.contains(
        r#"<a href="/familyhub/cy/self-help/is-it-abuse/" hreflang="cy" lang="cy" dir="ltr" data-language-link>Cymraeg</a>"#
    ));
    for page in [welsh, english] {
        assert!(page.contains(r#"<link rel="alternate" hreflang="cy" href="https://council.example.gov.uk/familyhub/cy/self-help/is-it-abuse/">"#));
        assert!(page.contains(r#"<link rel="alternate" hreflang="en-GB" href="https://council.example.gov.uk/familyhub/self-help/is-it-abuse/">"#));
        assert!(page.contains(r#"<link rel="alternate" hreflang="x-default" href="https://council.example.gov.uk/familyhub/self-help/is-it-abuse/">"#));
    }
    // The Welsh page's own words are Welsh: the theme's and the content's.
    assert!(
        welsh.contains(">Gadael y dudalen hon<"),
        "the exit control in Welsh"
    );
    assert!(!welsh.contains(">Exit this page<"));
}

#[test]
fn every_link_to_another_language_leads_to_a_published_page() {
    let pages = pages();
    let mut checked = 0;
    for (path, html) in &pages {
        for (language, href) in language_links(html) {
            if language == "x-default" {
                continue;
            }
            let target = output_path(&href);
            let target_html = pages
                .get(&target)
                .unwrap_or_else(|| panic!("{path}: {language} link {href} leads nowhere"));
            assert!(
                target_html.contains(&format!("<html lang=\"{language}\"")),
                "{path}: the {language} link leads to {target}, which is not in {language}"
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} language links");
}

#[test]
fn a_page_not_translated_leads_to_the_other_languages_home_and_says_so() {
    let pages = pages();
    assert!(!pages.contains_key("cy/self-help/talking-after-a-loss/index.html"));
    let english = &pages["self-help/talking-after-a-loss/index.html"];
    assert!(english.contains(
        r#"<a href="/familyhub/cy/" hreflang="cy" lang="cy" dir="ltr" data-language-link>Hafan Gymraeg (nid yw'r dudalen hon ar gael yn Gymraeg)</a>"#
    ));
    assert!(
        !english.contains(r#"<link rel="alternate" hreflang="cy""#),
        "no alternate for a page that has none"
    );
    // The Welsh home page's link to it leads to the English original, at the site's root.
    let home = &pages["cy/index.html"];
    assert!(home.contains(r#"<a href="/familyhub/self-help/talking-after-a-loss/">canllaw ar"#));
    assert!(home.contains(r#"<a href="/familyhub/cy/self-help/is-it-abuse/">ganllaw i rieni</a>"#));
}

#[test]
fn sections_above_a_translation_are_published_in_the_default_language_and_marked_so() {
    let pages = pages();
    let section = &pages["cy/self-help/index.html"];
    assert!(section.starts_with("<!DOCTYPE html>\n<html lang=\"cy\""));
    assert!(section.contains(r#"<h1 lang="en-GB">Guides for parents</h1>"#));
    assert!(section.contains(r#"<div class="prose" lang="en-GB">"#));
    // Its list holds the Welsh page only.
    assert!(section.contains(r#"href="/familyhub/cy/self-help/is-it-abuse/""#));
    assert!(!section.contains("talking-after-a-loss"));
    let translated = &pages["cy/self-help/is-it-abuse/index.html"];
    assert!(!translated.contains(r#"lang="en-GB">Ai gwrthdaro"#));
}

#[test]
fn what_every_language_shares_is_published_once() {
    let site = scratch_copy("council");
    build(site.path()).expect("builds");
    let public = site.path().join("public");
    for once in [
        "cy/css",
        "cy/js",
        "cy/robots.txt",
        "cy/directory/oruk",
        "cy/directory/directory.csv",
    ] {
        assert!(
            !public.join(once).exists(),
            "{once} is published for Welsh too"
        );
    }
    // Each language has its 404 page, which hosts answer with for a missing page in its
    // folder (tests/hosts.rs serves them).
    for each in [
        "cy/404.html",
        "cy/.htaccess",
        "cy/index.html",
        "cy/search/index.html",
        "cy/sessions/index.html",
        "cy/directory/index.html",
        "directory/oruk/index.json",
    ] {
        assert!(public.join(each).exists(), "{each} is missing");
    }
    let welsh = read_output(site.path(), "cy/index.html");
    let sheet = welsh
        .split("<link rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a style sheet");
    assert!(sheet.starts_with("/familyhub/css/site."), "{sheet}");
    assert!(public.join(&sheet["/familyhub/".len()..]).exists());
    let sitemap = read_output(site.path(), "sitemap.xml");
    assert!(sitemap.contains(r#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#));
    assert!(
        sitemap.contains(
            "<loc>https://council.example.gov.uk/familyhub/cy/self-help/is-it-abuse/</loc>"
        )
    );
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="cy" href="https://council.example.gov.uk/familyhub/cy/self-help/is-it-abuse/"/>"#));
    assert_eq!(
        sitemap
            .matches("<loc>https://council.example.gov.uk/familyhub/cy/</loc>")
            .count(),
        1
    );
}

#[test]
fn a_translations_problems_are_located_and_reported_together() {
    let site = scratch_copy("council");
    let content = site.path().join("content");
    // A language the site does not declare, a translation without its original, and a
    // translation that sets what comes from the original.
    fs::write(
        content.join("accessibility.pl.md"),
        "+++\ntitle = \"Dostępność\"\n+++\n",
    )
    .unwrap();
    fs::write(
        content.join("no-such-page.cy.md"),
        "+++\ntitle = \"Dim\"\n+++\n",
    )
    .unwrap();
    fs::write(
        content.join("accessibility.cy.md"),
        "+++\ntitle = \"Hygyrchedd\"\ntopics = [\"talking-together\"]\nweight = 3\n+++\n",
    )
    .unwrap();
    let found = check_problems(site.path());
    let ours: Vec<_> = found
        .0
        .iter()
        .filter(|d| d.code == Some(Code::PageTranslation))
        .map(|d| (d.path.display().to_string(), d.position, d.message.clone()))
        .collect();
    assert_eq!(ours.len(), 3, "{ours:#?}");
    assert_eq!(ours[0].0, "content/accessibility.cy.md");
    assert_eq!(ours[0].1, Some((2, 1)));
    assert!(ours[0].2.contains("`topics`, `weight`"), "{}", ours[0].2);
    assert!(
        ours[1]
            .2
            .contains("`pl`, which is not one of the site's languages")
    );
    assert!(
        ours[2]
            .2
            .contains("translates content/no-such-page.md, which does not exist")
    );
    // `build` says the same, and leaves nothing behind.
    let built = build(site.path());
    assert!(matches!(built, Err(Error::Content(ref same)) if same.0.len() == found.0.len()));
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_language_builds_byte_for_byte_the_same_twice() {
    let site = scratch_copy("council");
    let first = check(&options(site.path())).expect("builds");
    let second = check(&options(site.path())).expect("builds");
    assert_eq!(first.output.files.len(), second.output.files.len());
    for (a, b) in first.output.files.iter().zip(&second.output.files) {
        assert_eq!(a.path, b.path);
        if let (Contents::Bytes(x), Contents::Bytes(y)) = (&a.contents, &b.contents) {
            assert!(x == y, "{} differs", a.path);
        }
    }
}

#[test]
fn the_sites_name_is_translated_and_a_translation_in_no_language_of_the_site_is_located() {
    let pages = pages();
    assert!(
        pages["cy/index.html"].contains(
            r#"<a class="site-header__name" href="/familyhub/cy/">Teuluoedd Northmoor</a>"#
        )
    );
    assert!(
        pages["index.html"]
            .contains(r#"<a class="site-header__name" href="/familyhub/">Northmoor Families</a>"#)
    );
    let site = scratch_copy("council");
    let config = site.path().join("hubsite.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        format!("{text}\n[translations.pl]\ntitle = \"Rodziny\"\n"),
    )
    .unwrap();
    let found = check_problems(site.path());
    let problem = &found.0[0];
    assert_eq!(problem.code, Some(Code::UndeclaredLanguage));
    assert_eq!(problem.path.display().to_string(), "hubsite.toml");
    assert!(
        problem.message.contains("`[translations.pl]`"),
        "{}",
        problem.message
    );
    assert!(problem.position.is_some());
}

#[test]
fn related_pages_without_a_translation_drafts_and_names_that_only_look_like_languages() {
    let site = scratch_copy("council");
    let content = site.path().join("content");
    // The home page (shown in English on the Welsh home page) names a page with no Welsh.
    let home = fs::read_to_string(content.join("_index.md")).unwrap();
    fs::write(
        content.join("_index.md"),
        home.replacen(
            "+++\n",
            "+++\nrelated_pages = [\"self-help/talking-after-a-loss.md\"]\n",
            1,
        ),
    )
    .unwrap();
    // A draft whose Welsh translation is not marked draft stays unpublished in both.
    fs::write(
        content.join("plans.md"),
        "+++\ntitle = \"Plans\"\ndraft = true\n+++\nSoon.\n",
    )
    .unwrap();
    fs::write(
        content.join("plans.cy.md"),
        "+++\ntitle = \"Cynlluniau\"\n+++\nCyn bo hir.\n",
    )
    .unwrap();
    // A name that only looks like a language is a page of its own, as it always was.
    fs::write(
        content.join("notes-us.us.md"),
        "+++\ntitle = \"Notes\"\n+++\nText.\n",
    )
    .unwrap();
    let run = check(&options(site.path())).unwrap_or_else(|e| panic!("builds: {e}"));
    let paths: Vec<&str> = run.output.files.iter().map(|f| f.path.as_str()).collect();
    assert!(
        !paths.iter().any(|p| p.contains("plans")),
        "a draft leaked: {paths:?}"
    );
    assert!(
        paths.contains(&"notes-us.us/index.html")
            || paths.iter().any(|p| p.starts_with("notes-us")),
        "{paths:?}"
    );
}

#[test]
fn a_second_translation_and_a_folder_named_like_a_language_are_located() {
    let site = scratch_copy("council");
    let content = site.path().join("content");
    fs::copy(
        content.join("hide-your-visit.cy.md"),
        content.join("hide-your-visit.CY.md"),
    )
    .unwrap();
    let found = check_problems(site.path());
    assert!(
        found.0.iter().any(|d| d.code == Some(Code::PageTranslation)
            && d.message.contains("a second `cy` translation")),
        "{found:?}"
    );
    fs::remove_file(content.join("hide-your-visit.CY.md")).unwrap();
    fs::create_dir_all(content.join("cy")).unwrap();
    fs::write(
        content.join("cy/info.md"),
        "+++\ntitle = \"Info\"\n+++\nText.\n",
    )
    .unwrap();
    let found = check_problems(site.path());
    assert!(
        found
            .0
            .iter()
            .any(|d| d.message.contains("in the folder where its `cy` pages go")),
        "{found:?}"
    );
}
