//! The addresses of a language's pages on a site hosted under a folder (issue 20): the theme's
//! templates make every address with the folder and the language's prefix in the first place
//! (the `url` and `site_html` filters), and a site's own templates, written with plain site
//! paths, are rewritten once rendered, as before. Both ways give the same pages, byte for byte.

mod common;

use std::fs;
use std::path::Path;

/// A page pair for the council site whose Welsh body has links and raw HTML of its own;
/// `front` goes in the original's front matter (a translation takes its template).
fn add_notes(root: &Path, front: &str, welsh_body: &str) {
    fs::write(
        root.join("content/notes.md"),
        format!("+++\ntitle = \"Notes\"\nsummary = \"Notes for families.\"\n{front}+++\nSee [the directory](/directory/).\n"),
    )
    .unwrap();
    fs::write(
        root.join("content/notes.cy.md"),
        format!(
            "+++\ntitle = \"Nodiadau\"\nsummary = \"Nodiadau i deuluoedd.\"\n+++\n{welsh_body}\n"
        ),
    )
    .unwrap();
}

/// Every file the build of `root` published.
fn built(root: &Path) -> Vec<(String, Vec<u8>)> {
    common::build(root).unwrap_or_else(|e| panic!("build failed: {e}"));
    common::read_tree(&root.join("public"))
}

/// The files of two builds that differ, by name.
fn differing(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)]) -> Vec<String> {
    let names = |files: &[(String, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(a), names(b), "the two builds published other files");
    a.iter()
        .zip(b)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, _)| x.0.clone())
        .collect()
}

#[test]
fn a_welsh_page_links_under_cy_from_the_theme_a_site_template_and_markdown() {
    let site = common::scratch_copy("council");
    let root = site.path();
    add_notes(
        root,
        "template = \"own.html\"\n",
        "Gweler [y cyfeiriadur](/directory/), [y canllaw](self-help/is-it-abuse.md) a'r \
         [canllaw Saesneg](self-help/talking-after-a-loss.md).\n\n\
         <p class=\"raw\"><a href=\"/self-help/is-it-abuse/\">crai</a></p>",
    );
    // A template of the site's own, written with site paths and no filter, as the docs show.
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/own.html"),
        "{% extends \"base.html\" %}\n{% block main %}<h1>{{ page.title }}</h1>\n\
         <p class=\"own\"><a href=\"/directory/\">own</a> <a href=\"{{ page.url }}\">here</a></p>\n\
         {{ content | safe }}\n{% endblock main %}\n",
    )
    .unwrap();
    common::build(root).unwrap_or_else(|e| panic!("build failed: {e}"));

    // The site's own template, rewritten once rendered.
    let notes = common::read_output(root, "cy/notes/index.html");
    for link in [
        // Its literal address and the page's site path, under the folder and /cy/.
        r#"<p class="own"><a href="/familyhub/cy/directory/">own</a> <a href="/familyhub/cy/notes/">here</a></p>"#,
        // Markdown links: a page made in every language, a translated page, an English one.
        r#"<a href="/familyhub/cy/directory/">y cyfeiriadur</a>"#,
        r#"<a href="/familyhub/cy/self-help/is-it-abuse/">y canllaw</a>"#,
        r#"<a href="/familyhub/self-help/talking-after-a-loss/">canllaw Saesneg</a>"#,
        // Raw HTML in the Markdown.
        r#"<p class="raw"><a href="/familyhub/cy/self-help/is-it-abuse/">crai</a></p>"#,
        // The theme's base template around it: its home link, and the shared style sheet.
        r#"<a class="site-header__name" href="/familyhub/cy/">"#,
        r#"<link rel="stylesheet" href="/familyhub/css/site."#,
        // The switcher's link to the English page, written from the host's root.
        r#"<a href="/familyhub/notes/" hreflang="en-GB""#,
    ] {
        assert!(notes.contains(link), "no {link} in:\n{notes}");
    }

    // A page of the theme's own templates on the same site.
    let home = common::read_output(root, "cy/index.html");
    for link in [
        r#"<a href="/familyhub/cy/self-help/is-it-abuse/">ganllaw i rieni</a>"#,
        r#"<a href="/familyhub/cy/directory/">"#,
        r#"<a href="/familyhub/self-help/talking-after-a-loss/">"#,
        r#"<a class="site-header__name" href="/familyhub/cy/">"#,
    ] {
        assert!(home.contains(link), "no {link} in:\n{home}");
    }
    // No address of a Welsh page leads outside the folder, nor to an English page that has a
    // Welsh translation.
    for page in [&notes, &home] {
        for wrong in [
            "href=\"/directory/",
            "href=\"/self-help/",
            "href=\"/familyhub/self-help/is-it-abuse/\">",
            "href=\"/familyhub/directory/\"",
        ] {
            assert!(!page.contains(wrong), "{wrong} in:\n{page}");
        }
    }
}

/// The council site with the notes whose Welsh body is `welsh_body`, twice: as it is (the theme's
/// templates make every address), and with a template of its own, used by no page (every page
/// is rewritten once rendered, as every page was before the theme made its addresses).
fn made_and_rewritten(welsh_body: &str) -> (tempfile::TempDir, tempfile::TempDir) {
    let made = common::scratch_copy("council");
    let rewritten = common::scratch_copy("council");
    for site in [&made, &rewritten] {
        add_notes(site.path(), "", welsh_body);
    }
    fs::create_dir_all(rewritten.path().join("templates")).unwrap();
    fs::write(
        rewritten.path().join("templates/unused.html"),
        "{% extends \"base.html\" %}\n",
    )
    .unwrap();
    (made, rewritten)
}

#[test]
fn pages_made_by_the_theme_equal_pages_rewritten_once_rendered() {
    let (made, rewritten) = made_and_rewritten(
        "Gweler [y cyfeiriadur](/directory/).\n\n<div><img src=\"/favicon.svg\" alt=\"\" \
         style=\"background: url(/favicon.svg)\"></div>\n\n<!-- [hen](/directory/) -->",
    );
    let (made, rewritten) = (built(made.path()), built(rewritten.path()));
    let differ = differing(&made, &rewritten);
    assert!(differ.is_empty(), "these files differ: {differ:?}");
    let notes = made
        .iter()
        .find(|f| f.0 == "cy/notes/index.html")
        .map(|f| String::from_utf8(f.1.clone()).unwrap())
        .expect("the Welsh notes");
    assert!(
        notes.contains(r#"<img src="/familyhub/favicon.svg" alt="" style="background: url(/familyhub/favicon.svg)">"#),
        "{notes}"
    );
}

#[test]
fn a_body_that_leaves_a_comment_open_is_read_as_the_whole_page_was() {
    // The rest of the page is inside the comment: its links were not rewritten, and the
    // build says so (links outside the folder); a page made by the theme must say the same,
    // not put the commented-out links under the folder.
    let (made, rewritten) =
        made_and_rewritten("Gweler [y cyfeiriadur](/directory/).\n\n<!-- heb ei gau");
    let failed = |root: &Path| match common::build(root) {
        Ok(_) => panic!("{} built", root.display()),
        Err(error) => error.to_string(),
    };
    let (made, rewritten) = (failed(made.path()), failed(rewritten.path()));
    assert_eq!(made, rewritten);
    assert!(made.contains("outside /familyhub/"), "{made}");
}
