//! The origin check reads pages as a browser does (html5gum's tokenizer, which reads them as
//! html5ever's does: tests/origin_reader.rs), so loads a simple scanner would miss fail the
//! build too: an address written with a character reference, an
//! SVG image, a `<base>` that sends every relative address to another site, and a
//! `</noscript>` in an attribute, after which a browser with JavaScript on loads an image that
//! one without reads as text. On the
//! council site (hosted under a folder), from a page's Markdown.

mod common;

use common::*;

#[test]
fn loads_hidden_from_a_simple_scanner_fail_the_council_build() {
    let site = scratch_copy("council");
    std::fs::write(
        site.path().join("content/self-help/hidden-loads.md"),
        r#"+++
title = "Hidden loads"
summary = "A page that would tell other sites about a visit."
topics = ["talking-together"]
audience = ["parents"]
+++
Ways to load from another site that a browser follows.

<img alt="" src="https&#58;//tracker.example/pixel.png">

<svg viewBox="0 0 1 1" aria-hidden="true"><image href="https://img.example/a.png"/></svg>

<base href="https://other.example/">

<noscript><p title="</noscript><img alt="" src=//noscript.example/p.png>"></noscript>
"#,
    )
    .unwrap();
    let error = build(site.path()).unwrap_err().to_string();
    for url in [
        "loads an image from https://tracker.example/pixel.png",
        "loads an image from https://img.example/a.png",
        "reads every relative address of the page against https://other.example/",
        "loads an image from //noscript.example/p.png",
    ] {
        assert!(error.contains(url), "{url} not in:\n{error}");
    }
    for line in [9, 11, 13, 15] {
        assert!(
            error.contains(&format!("content/self-help/hidden-loads.md:{line}:")),
            "nothing located at line {line}:\n{error}"
        );
    }
    assert!(
        !site.path().join("public").exists(),
        "a failed build writes nothing"
    );
    // Published as written, a page whose `</noscript>` sits in an attribute cannot be read as
    // a browser with JavaScript reads it (the image after it loads).
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(
        site.path().join("static/old.html"),
        "<!doctype html>\n<title>Old</title>\n\
         <noscript><p title=\"</noscript><img src=//noscript.example/q.png>\"></noscript>\n",
    )
    .unwrap();
    let error = build(site.path()).unwrap_err().to_string();
    assert!(
        error.contains("static/old.html:3:") && error.contains("a `</noscript` here is inside"),
        "{error}"
    );
}

#[test]
fn a_style_sheet_hiding_an_address_in_escapes_or_image_set_fails_the_council_build() {
    let site = scratch_copy("council");
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(
        site.path().join("static/extra.css"),
        "/* url(//in-a-comment.example/) */\n\
         .hero { background: url(\\2f\\2f escaped.example/a.png); }\n\
         .logo { background: image-set(\"https://set.example/b.png\" 1x); }\n\
         .quote::before { content: \"url(//in-a-string.example/)\"; }\n",
    )
    .unwrap();
    let error = build(site.path()).unwrap_err().to_string();
    for (url, line) in [
        ("loads a font or image from //escaped.example/a.png", 2),
        ("loads a font or image from https://set.example/b.png", 3),
    ] {
        assert!(
            error.contains(&format!("static/extra.css:{line}:")) && error.contains(url),
            "{url} not at line {line}:\n{error}"
        );
    }
    assert!(!error.contains("in-a-comment") && !error.contains("in-a-string"));
}

#[test]
fn a_style_sheet_named_in_capitals_is_checked_too() {
    let site = scratch_copy("council");
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(
        site.path().join("static/OLD.CSS"),
        "body { background: url(https://tracker.example/bg.png); }\n",
    )
    .unwrap();
    let error = build(site.path()).unwrap_err().to_string();
    assert!(
        error.contains("static/OLD.CSS:1:")
            && error.contains("loads a font or image from https://tracker.example/bg.png"),
        "{error}"
    );
}
