//! `serve`'s splice of a shared partial: an edit of the site's override of the footer every
//! page includes is spliced into the kept pages instead of every page rendered again
//! (`src/pipeline/cache/partial.rs`). After every edit the served output is compared with a
//! fresh full build byte for byte; a footer that reads the page, or whose old output a page
//! also holds in its content, must be rendered whole.

mod common;

use std::fs;
use std::path::Path;

use common::serve::{batch, edit, example_copy, write};
use common::{assert_served_equals_full_build, options, scratch_copy};
use hubsite::serve::{LiveSite, Rebuild};

const FOOTER: &str = "templates/partials/footer.html";

fn theme_footer() -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/hub")
            .join(FOOTER),
    )
    .expect("theme footer")
}

/// Edits the footer override, serves the edit and checks it against a full build; returns how
/// many pages were rendered and spliced.
fn footer_edit(
    live: &mut LiveSite,
    root: &Path,
    from: &str,
    to: &str,
    step: &str,
) -> (usize, usize) {
    edit(root, FOOTER, from, to);
    live.update(&batch(&[FOOTER]));
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme), "{step}");
    assert_served_equals_full_build(live, root, step);
    let stats = live.last_stats().expect("stats");
    (stats.misses, stats.spliced)
}

#[test]
fn footer_edits_of_the_council_site_are_spliced_in_both_languages() {
    let site = scratch_copy("council");
    let root = site.path();
    write(root, FOOTER, &theme_footer());
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let pages = live.shared().current().output.page_count;
    // Twice in a row: the second finds the pages where the first spliced them.
    let (rendered, spliced) = footer_edit(
        &mut live,
        root,
        "<div class=\"wrap\">",
        "<div class=\"wrap\" data-edit=\"1\">",
        "first footer edit",
    );
    // The two 404 pages are rendered; every other page is spliced.
    assert_eq!((rendered, spliced), (2, pages - 2));
    let (rendered, spliced) = footer_edit(
        &mut live,
        root,
        "data-edit=\"1\"",
        "data-edit=\"2\"",
        "second footer edit",
    );
    assert_eq!((rendered, spliced), (2, pages - 2));
    // Welsh words in the footer, in both languages' pages.
    let (_, spliced) = footer_edit(
        &mut live,
        root,
        "<div class=\"site-footer__contact\">",
        "<div class=\"site-footer__contact\"><p lang=\"cy\">Croeso i’r ŵyl: Teuluoedd</p>",
        "Welsh words",
    );
    assert_eq!(spliced, pages - 2);
    // A link of the site's own in the new footer: spliced, its address under the folder.
    let (_, spliced) = footer_edit(
        &mut live,
        root,
        "<p lang=\"cy\">",
        "<p><a href=\"{{ \"/accessibility/\" | url }}\">a11y</a></p><p lang=\"cy\">",
        "a new link",
    );
    assert_eq!(spliced, pages - 2);
    // The override removed: the theme's footer spliced back in (every template the theme's).
    fs::remove_file(root.join(FOOTER)).expect("remove the override");
    live.update(&batch(&[FOOTER]));
    assert_eq!(live.last_rebuild(), Some(Rebuild::Theme));
    assert_served_equals_full_build(&live, root, "override removed");
    assert_eq!(live.last_stats().expect("stats").spliced, pages - 2);
    // A topic's new name after it, on pages whose footer was spliced.
    edit(root, "content/topics.toml", "name = \"", "name = \"Edited ");
    live.update(&batch(&["content/topics.toml"]));
    assert_served_equals_full_build(&live, root, "a topic after the footer");
}

#[test]
fn footer_edits_of_the_example_site_are_spliced() {
    let site = example_copy();
    let root = site.path();
    write(root, FOOTER, &theme_footer());
    let mut live = LiveSite::start(options(root));
    let pages = live.shared().current().output.page_count;
    let edits = [
        (
            "<div class=\"wrap\">",
            "<div class=\"wrap\" data-edit=\"0\">",
        ),
        ("data-edit=\"0\"", "data-edit=\"1\""),
    ];
    for (from, to) in edits {
        let (rendered, spliced) = footer_edit(&mut live, root, from, to, to);
        assert_eq!((rendered, spliced), (2, pages - 2), "{to}");
    }
}

/// The council site with the theme's footer as its override, edited to `to`: every page must
/// be rendered whole.
fn rendered_whole_from_the_theme_footer(to: &str, step: &str) {
    let site = scratch_copy("council");
    let root = site.path();
    write(root, FOOTER, &theme_footer());
    let mut live = LiveSite::start(options(root));
    let pages = live.shared().current().output.page_count;
    let (rendered, spliced) = footer_edit(&mut live, root, "<div class=\"wrap\">", to, step);
    assert_eq!((rendered, spliced), (pages, 0), "{step}");
}

#[test]
fn a_footer_that_reads_the_page_is_rendered_whole() {
    rendered_whole_from_the_theme_footer(
        "<div class=\"wrap\">{% if page is defined %}<p>{{ page.title }}</p>{% endif %}",
        "page title",
    );
}

/// A name the footer sets only under a condition is read from the page's view when the
/// condition fails: from the theme's footer (which qualifies), only the views' names refuse it.
#[test]
fn a_footer_that_sets_a_views_name_under_a_condition_is_rendered_whole() {
    rendered_whole_from_the_theme_footer(
        "{% if site.nothing %}{% set page = 1 %}{% endif %}<div class=\"wrap\">{% if page is defined %}<p>{{ page.title }}</p>{% endif %}",
        "a name set under a condition",
    );
}

/// A site template that extends the footer and fills a block of it: a page of it holds the
/// footer otherwise than alone (the new footer moves the block), so nothing is spliced.
/// The council site with `footer` as its override and its accessibility page's front matter
/// end replaced by `page_end`, with `files` written, served and checked against a full build:
/// the site's folder, the live site and how many pages it has.
fn council_with_footer(
    footer: &str,
    page_end: &str,
    files: &[(&str, &str)],
) -> (tempfile::TempDir, LiveSite, usize) {
    let site = scratch_copy("council");
    let root = site.path();
    write(root, FOOTER, footer);
    for (path, text) in files {
        write(root, path, text);
    }
    edit(root, "content/accessibility.md", "\n+++\n", page_end);
    let live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let pages = live.shared().current().output.page_count;
    (site, live, pages)
}

/// A site template that extends the footer and fills a block of it: a page of it holds the
/// footer otherwise than alone (the new footer moves the block), so nothing is spliced.
#[test]
fn a_footer_another_template_extends_is_rendered_whole() {
    let (site, mut live, pages) = council_with_footer(
        "{% block top %}{% endblock top %}<footer class=\"site-footer\"><p>{{ site.title }}</p></footer>\n",
        "\ntemplate = \"bare.html\"\n+++\n",
        &[(
            "templates/bare.html",
            "{% extends \"partials/footer.html\" %}{% block top %}<p>Bare</p>{% endblock top %}",
        )],
    );
    let (rendered, spliced) = footer_edit(
        &mut live,
        site.path(),
        "{% block top %}{% endblock top %}<footer class=\"site-footer\"><p>{{ site.title }}</p></footer>",
        "<footer class=\"site-footer\"><p>{{ site.title }}!</p></footer>{% block top %}{% endblock top %}",
        "the block moved",
    );
    assert_eq!((rendered, spliced), (pages, 0));
}

#[test]
fn a_page_that_holds_the_footer_in_its_content_is_rendered_whole() {
    // The page's own HTML is the footer as every page holds it: found twice there.
    let (site, mut live, pages) = council_with_footer(
        "<footer class=\"site-footer\"><p>{{ site.title }}</p></footer>\n",
        "\n+++\n\n<footer class=\"site-footer\"><p>Northmoor Families</p></footer>\n",
        &[],
    );
    let (rendered, spliced) = footer_edit(
        &mut live,
        site.path(),
        "<p>{{ site.title }}</p>",
        "<p>{{ site.title }}.</p>",
        "footer in a page's content",
    );
    assert_eq!((rendered, spliced), (3, pages - 3));
}
