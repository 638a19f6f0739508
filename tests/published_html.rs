//! Family safety: an HTML file a site publishes as written (from `static/` or among its
//! content) carries none of the pages' protections, so anything it would load from another
//! site fails `build` and `check` alike, located in the file; `serve` reports it as a build
//! does. The council site (hosted under /familyhub/, English and Welsh) is the site.

mod common;

use std::fs;

use common::serve::{batch, write};
use common::{assert_served_equals_full_build, options, scratch_copy};
use hubsite::serve::{LiveSite, Rebuild};

const WIDGET: &str = "<!doctype html>\n<title>Book a place</title>\n\
    <script src=\"https://widgets.example.com/book.js\"></script>\n\
    <form action=\"/familyhub/\"><input type=\"submit\" formaction=\"https://forms.example.net/send\"></form>\n";

#[test]
fn a_published_html_file_that_loads_from_another_site_fails_build_and_check_alike() {
    let site = scratch_copy("council");
    let root = site.path();
    write(root, "static/widgets/book.html", WIDGET);
    write(
        root,
        "content/forms/old-form.HTM",
        "<p>Old form</p>\n<img src=\"//pixel.example.org/p.gif\" alt=\"\">\n",
    );
    let built = common::build(root)
        .expect_err("the build fails")
        .to_string();
    let checked = common::check(&options(root))
        .expect_err("the check fails")
        .to_string();
    assert_eq!(built, checked, "build and check report the same problems");
    for (place, url) in [
        (
            "static/widgets/book.html:3:14",
            "https://widgets.example.com/book.js",
        ),
        (
            "static/widgets/book.html:4:61",
            "https://forms.example.net/send",
        ),
        (
            "content/forms/old-form.HTM:2:11",
            "//pixel.example.org/p.gif",
        ),
    ] {
        let line = built
            .lines()
            .find(|line| line.contains(place))
            .unwrap_or_else(|| panic!("{place} in:\n{built}"));
        assert!(line.contains(url), "{line}");
    }
    assert!(built.contains("published as written"), "{built}");
    assert!(
        !root.join("public").exists(),
        "a failed build publishes nothing"
    );

    // A page in another encoding would be read by a browser other than as checked.
    fs::write(
        root.join("static/widgets/book.html"),
        b"\xff\xfe<\x00p\x00>\x00",
    )
    .expect("write");
    let built = common::build(root)
        .expect_err("the build fails")
        .to_string();
    assert!(built.contains("static/widgets/book.html"), "{built}");
    assert!(built.contains("UTF-8"), "{built}");

    // Its own addresses and plain links to other sites are fine.
    write(
        root,
        "static/widgets/book.html",
        "<!doctype html>\n<title>Book</title>\n<script>document.title = \"Book\";</script><a href=\"/familyhub/\">Home</a>\n\
         <a href=\"https://forms.example.net/\">Book on the provider's site</a>\n",
    );
    fs::remove_file(root.join("content/forms/old-form.HTM")).expect("remove");
    common::build(root).expect("builds");
    // Published with the pages' policy first, so a browser loads nothing from other sites
    // even on a host that sends no headers.
    let published = fs::read_to_string(root.join("public/widgets/book.html")).expect("published");
    let policy = published
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("the policy");
    assert!(published.starts_with("<!doctype html><meta"), "{published}");
    assert!(policy < published.find("<script").expect("the script"));
}

#[test]
fn serve_checks_an_edited_html_file_as_a_build_does() {
    let site = scratch_copy("council");
    let root = site.path();
    write(root, "static/widgets/book.html", "<p>Book by phone.</p>\n");
    let mut live = LiveSite::start(options(root));
    write(root, "static/widgets/book.html", WIDGET);
    let snapshot = live.update(&batch(&["static/widgets/book.html"]));
    let expected = common::check(&options(root))
        .expect_err("a build fails")
        .to_string();
    assert_eq!(snapshot.errors.as_deref(), Some(expected.as_str()));
    assert!(
        expected.contains("static/widgets/book.html:3:14"),
        "{expected}"
    );

    write(
        root,
        "static/widgets/book.html",
        "<p>Book by phone or email.</p>\n",
    );
    live.update(&batch(&["static/widgets/book.html"]));
    assert_eq!(live.last_rebuild(), Some(Rebuild::Full));
    assert_served_equals_full_build(&live, root, "an HTML file fixed");
}
