//! `serve`'s third shortcut: an edit of templates or static files renders again only the
//! outputs whose template needs an edited file (its template, what that extends and
//! includes), and makes again only the edited style sheets. After every edit the served output
//! is compared with a fresh full build byte for byte, so a page left out that should have been
//! rendered again fails here; a template with an error must be reported as a build reports it,
//! with the last good site still served.

mod common;

use std::fs;
use std::path::Path;

use common::serve::{batch, edit, write};
use common::{assert_served_equals_full_build, options, output_contents, scratch_copy};
use hubsite::serve::server::file_bytes;
use hubsite::serve::{LiveSite, Rebuild};

fn theme_file(path: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/hub")
            .join(path),
    )
    .expect("theme file")
}

fn update(live: &mut LiveSite, paths: &[&str]) -> std::sync::Arc<hubsite::serve::state::Snapshot> {
    live.update(&batch(paths))
}

/// The output files an update changed.
fn changed(snapshot: &hubsite::serve::state::Snapshot) -> Vec<&str> {
    snapshot.change.paths.iter().map(String::as_str).collect()
}

/// The council site (English and Welsh, hosted under /familyhub/) with overrides of the
/// session page, the footer every page includes and the style sheet, as a site that restyles
/// the theme has.
fn council_with_overrides() -> tempfile::TempDir {
    let site = scratch_copy("council");
    let root = site.path();
    for template in ["session.html", "partials/footer.html"] {
        write(
            root,
            &format!("templates/{template}"),
            &theme_file(&format!("templates/{template}")),
        );
    }
    write(
        root,
        "static/css/site.css",
        &theme_file("static/css/site.css"),
    );
    site
}

#[test]
fn a_template_only_session_pages_use_renders_only_them_in_both_languages() {
    let site = council_with_overrides();
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let pages = live.shared().current().output.page_count;
    edit(
        root,
        "templates/session.html",
        "{% block head %}",
        "{% block head %}<meta name=\"x-session\" content=\"1\">",
    );
    let snapshot = update(&mut live, &["templates/session.html"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert_served_equals_full_build(&live, root, "session template");
    // Nine sessions in two weeks, in English and in Welsh: nothing else is rendered.
    let stats = live.last_stats().expect("stats");
    assert!(
        stats.misses > 0 && stats.misses <= 2 * 9,
        "rendered {} of {pages}",
        stats.misses
    );
    let paths = changed(&snapshot);
    assert!(!paths.is_empty());
    assert!(
        paths
            .iter()
            .all(|path| path.starts_with("sessions/") || path.starts_with("cy/sessions/")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|path| path.starts_with("cy/")),
        "{paths:?}"
    );

    // The week pages were left out of that render, and still count as the programme's: an
    // override of their template renders them again.
    write(
        root,
        "templates/week.html",
        &theme_file("templates/week.html").replacen(
            "{% block head %}",
            "{% block head %}{# mine #}",
            1,
        ),
    );
    let snapshot = update(&mut live, &["templates/week.html"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert!(changed(&snapshot).is_empty(), "a comment changes no page");
    edit(root, "templates/week.html", "{# mine #}", "<!-- mine -->");
    let snapshot = update(&mut live, &["templates/week.html"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert_served_equals_full_build(&live, root, "week template");
    assert!(!changed(&snapshot).is_empty());
}

#[test]
fn template_edits_of_a_site_in_two_languages_equal_full_builds() {
    let site = council_with_overrides();
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    let pages = live.shared().current().output.page_count;

    // A new override of the 404 page: only the two languages' 404 pages change.
    write(
        root,
        "templates/404.html",
        &theme_file("templates/404.html").replace("<h1>", "<h1 class=\"lost\">"),
    );
    let snapshot = update(&mut live, &["templates/404.html"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert_served_equals_full_build(&live, root, "404 override added");
    assert_eq!(changed(&snapshot), ["404.html", "cy/404.html"]);
    assert_eq!(live.last_stats().expect("stats").misses, 2);

    // The footer every page includes: spliced into every page but the two 404 pages, which
    // are rendered again (tests/serve_partial.rs).
    edit(
        root,
        "templates/partials/footer.html",
        "<div class=\"wrap\">",
        "<div class=\"wrap wrap--footer\">",
    );
    let snapshot = update(&mut live, &["templates/partials/footer.html"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert_served_equals_full_build(&live, root, "shared partial");
    let stats = live.last_stats().expect("stats");
    assert_eq!((stats.misses, stats.spliced), (2, pages - 2));
    assert!(changed(&snapshot).contains(&"cy/index.html"));

    // Two templates in one batch, and the override removed again.
    edit(
        root,
        "templates/session.html",
        "{% block head %}",
        "{% block head %}<!-- session -->",
    );
    fs::remove_file(root.join("templates/404.html")).expect("remove");
    update(&mut live, &["templates/session.html", "templates/404.html"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert_served_equals_full_build(&live, root, "two templates, one removed");

    // A template saved unchanged changes nothing.
    let snapshot = update(&mut live, &["templates/session.html"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert!(changed(&snapshot).is_empty());

    // A template and a page in one batch: the whole pipeline.
    edit(root, "templates/session.html", "<!-- session -->", "");
    edit(
        root,
        "content/accessibility.md",
        "+++",
        "+++\n# edited with a template",
    );
    update(
        &mut live,
        &["templates/session.html", "content/accessibility.md"],
    );
    assert_eq!(live.last_rebuild(), Some(Rebuild::Full));
    assert_served_equals_full_build(&live, root, "a template and a page");
}

#[test]
fn a_style_sheet_edit_makes_again_only_the_style_sheet() {
    let site = council_with_overrides();
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    // A root-relative address: under /familyhub/ it is rewritten, so the sheet is made again.
    let css = "static/css/site.css";
    edit(
        root,
        css,
        ":root {",
        ".logo { background: url(/images/logo.svg); }\n\n:root {",
    );
    let snapshot = update(&mut live, &[css]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert_served_equals_full_build(&live, root, "style sheet");
    assert_eq!(changed(&snapshot), ["css/site.css"]);
    assert_eq!(live.last_stats().expect("stats").misses, 0);
    let served = live.shared().current();
    let bytes = file_bytes(&served.output, "css/site.css").expect("the sheet");
    assert!(
        String::from_utf8_lossy(&bytes).contains("url(/familyhub/images/logo.svg)"),
        "the sheet's addresses go under the site's folder"
    );

    // A load from another site is a problem, reported as a build reports it.
    edit(
        root,
        css,
        "url(/images/logo.svg)",
        "url(https://fonts.example.com/logo.svg)",
    );
    let snapshot = update(&mut live, &[css]);
    let expected = common::check(&options(root))
        .expect_err("a build fails")
        .to_string();
    assert_eq!(snapshot.errors.as_deref(), Some(expected.as_str()));
    assert!(expected.contains("static/css/site.css:"), "{expected}");
    edit(
        root,
        css,
        "url(https://fonts.example.com/logo.svg)",
        "url(/images/logo.svg)",
    );
    update(&mut live, &[css]);
    assert_served_equals_full_build(&live, root, "style sheet fixed");

    // Another static file: published from disk, nothing rendered.
    write(root, "static/notes.txt", "first\n");
    update(&mut live, &["static/notes.txt"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Full), "a new file");
    write(root, "static/notes.txt", "second\n");
    let snapshot = update(&mut live, &["static/notes.txt"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert_eq!(changed(&snapshot), ["notes.txt"]);
    assert_served_equals_full_build(&live, root, "a static file");
    fs::remove_file(root.join("static/notes.txt")).expect("remove");
    update(&mut live, &["static/notes.txt"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Full), "a file removed");
    assert_served_equals_full_build(&live, root, "a static file removed");
}

#[test]
fn a_template_with_an_error_is_reported_as_a_build_reports_it_and_the_last_site_stays() {
    let site = council_with_overrides();
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    let before = output_contents(&live.shared().current().output);
    edit(
        root,
        "templates/session.html",
        "{% block head %}",
        "{% block head %}{% if %}",
    );
    let snapshot = update(&mut live, &["templates/session.html"]);
    let expected = common::check(&options(root))
        .expect_err("a build fails")
        .to_string();
    assert_eq!(snapshot.errors.as_deref(), Some(expected.as_str()));
    assert!(expected.contains("templates/session.html:2:"), "{expected}");
    assert!(
        output_contents(&snapshot.output) == before,
        "the last good site stays served"
    );

    // An error found while rendering (an unknown variable) is reported too.
    edit(
        root,
        "templates/session.html",
        "{% if %}",
        "{{ no_such_value.field }}",
    );
    let snapshot = update(&mut live, &["templates/session.html"]);
    let expected = common::check(&options(root))
        .expect_err("a build fails")
        .to_string();
    assert_eq!(snapshot.errors.as_deref(), Some(expected.as_str()));

    edit(
        root,
        "templates/session.html",
        "{{ no_such_value.field }}",
        "",
    );
    update(&mut live, &["templates/session.html"]);
    assert_served_equals_full_build(&live, root, "fixed");
    // The next edit takes the shortcut again.
    edit(
        root,
        "templates/session.html",
        "{% block head %}",
        "{% block head %}<!-- again -->",
    );
    update(&mut live, &["templates/session.html"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert_served_equals_full_build(&live, root, "edited after the fix");
}

#[test]
fn template_edits_of_a_site_in_one_language_equal_full_builds() {
    let site = scratch_copy("minimal");
    let root = site.path();
    write(
        root,
        "templates/page.html",
        &theme_file("templates/page.html"),
    );
    write(
        root,
        "templates/topic.html",
        &theme_file("templates/topic.html"),
    );
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    for (path, from, to) in [
        ("templates/page.html", "<h1", "<h1 data-page"),
        ("templates/topic.html", "<h1", "<h1 data-topic"),
    ] {
        edit(root, path, from, to);
        let snapshot = update(&mut live, &[path]);
        assert_eq!(live.last_rebuild(), Some(Rebuild::Theme), "{path}");
        assert_served_equals_full_build(&live, root, path);
        let changed = changed(&snapshot);
        assert!(!changed.is_empty(), "{path}");
        let topics = changed.iter().all(|p| p.starts_with("topics/"));
        assert_eq!(topics, path.ends_with("topic.html"), "{path}: {changed:?}");
    }
}

#[test]
fn an_edit_of_a_theme_on_disk_equals_a_full_build() {
    let site = scratch_copy("minimal");
    let root = site.path();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/hub"),
        &root.join("themes/hub"),
    );
    let mut live = LiveSite::start(options(root));
    for (path, from, to) in [
        (
            "themes/hub/templates/partials/breadcrumbs.html",
            "<nav",
            "<nav data-crumbs",
        ),
        (
            "themes/hub/static/css/site.css",
            ":root {",
            ":root {\n  --edited: 1;",
        ),
        ("themes/hub/templates/search.html", "<h1", "<h1 data-search"),
    ] {
        edit(root, path, from, to);
        let snapshot = update(&mut live, &[path]);
        assert_eq!(live.last_rebuild(), Some(Rebuild::Theme), "{path}");
        assert_served_equals_full_build(&live, root, path);
        assert!(!changed(&snapshot).is_empty(), "{path}");
    }
}

/// A front-matter edit renders again only the topic pages of the edited page's topics (none
/// here); the topics' record must still name `topic.html` and its partials, or a later edit
/// of one of them would leave every topic's page as it was.
#[test]
fn a_template_edit_after_a_front_matter_edit_reaches_the_topic_pages() {
    let site = scratch_copy("council");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    edit(
        root,
        "content/accessibility.md",
        "title = \"Accessibility statement\"",
        "title = \"Accessibility\"",
    );
    update(&mut live, &["content/accessibility.md"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::FrontMatter));
    assert_served_equals_full_build(&live, root, "a page with no topics retitled");
    write(
        root,
        "templates/partials/cards.html",
        &theme_file("templates/partials/cards.html").replacen("<li", "<li data-edited", 1),
    );
    let snapshot = update(&mut live, &["templates/partials/cards.html"]);
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert!(
        changed(&snapshot).iter().any(|p| p.contains("topics/")),
        "the topic pages show cards: {:?}",
        changed(&snapshot)
    );
    assert_served_equals_full_build(&live, root, "the cards partial after it");
}

/// On a site at its host's root a style sheet needs no rewriting; it used to be served from
/// disk, so an edit that failed the origin check was served all the same.
#[test]
fn a_style_sheet_edit_that_fails_the_check_is_not_served() {
    let site = scratch_copy("minimal");
    let root = site.path();
    let css = "static/css/extra.css";
    write(root, css, "p { color: #0b0c0c; }\n");
    let mut live = LiveSite::start(options(root));
    let sheet = |live: &LiveSite| {
        let served = live.shared().current();
        let bytes = file_bytes(&served.output, "css/extra.css").expect("the sheet");
        String::from_utf8_lossy(&bytes).into_owned()
    };
    assert_eq!(sheet(&live), "p { color: #0b0c0c; }\n");
    write(
        root,
        css,
        "p { background: url(https://tracker.example/p.png); }\n",
    );
    let snapshot = update(&mut live, &[css]);
    assert!(snapshot.errors.is_some(), "the edit fails the check");
    assert_eq!(
        sheet(&live),
        "p { color: #0b0c0c; }\n",
        "the last good sheet"
    );
    write(root, css, "p { color: #1d70b8; }\n");
    update(&mut live, &[css]);
    assert_eq!(sheet(&live), "p { color: #1d70b8; }\n");
    assert_served_equals_full_build(&live, root, "a style sheet fixed");
}
