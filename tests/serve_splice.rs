//! `serve`'s topic shortcut splicing a topic's new name into the kept pages that show it in
//! their topic links, instead of rendering them again (`src/pipeline/cache/splice.rs`), and
//! the front matter shortcut splicing a section's new title into the breadcrumbs below it
//! (`src/pipeline/cache/crumbs.rs`). After
//! every edit the served output is compared with a fresh full build byte for byte, and the
//! pages must have been spliced (`CacheStats::spliced`), not rendered: names with characters
//! HTML escapes, a Welsh name that ends a fall-back, and a page whose own text holds the old name
//! and its old link (only the topic links may change).

mod common;

use common::serve::{Change, edit_and_compare, example_copy, write};
use common::{assert_served_equals_full_build, options, scratch_copy};
use hubsite::serve::{LiveSite, Rebuild};

const TOPICS: &str = "content/topics.toml";

/// A page of the council site whose text holds its topic's name and the topic link as the
/// theme renders it: a splice that searched for the old name or the old link would change it.
const OWN_TEXT: &str = "content/self-help/naming-things.md";
const OWN_TEXT_PAGE: &str = "+++
title = \"Naming things\"
summary = \"Why 'Talking together' is a good name.\"
topics = [\"talking-together\"]
+++
Talking together is what this page is about: Talking together.

<ul class=\"tags\">
<li><a href=\"/topics/talking-together/\">Talking together</a></li>
</ul>
";

/// The pages spliced by the last rebuild.
fn spliced(live: &LiveSite) -> usize {
    live.last_stats().map_or(0, |stats| stats.spliced)
}

#[test]
fn topic_names_spliced_into_the_council_site_equal_full_builds() {
    use Change::Replace;
    let site = scratch_copy("council");
    let root = site.path();
    write(root, OWN_TEXT, OWN_TEXT_PAGE);
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let edits: [(&str, &[Change]); 5] = [
        (
            "a name with characters HTML escapes",
            &[Replace(
                TOPICS,
                "name = \"Talking together\"",
                "name = \"Talking & 'listening' <together> \\\"now\\\"\"",
            )],
        ),
        (
            "the escaped name edited again (the kept pages are the spliced ones)",
            &[Replace(
                TOPICS,
                "name = \"Talking & 'listening' <together> \\\"now\\\"\"",
                "name = \"Talking > listening\"",
            )],
        ),
        (
            "a Welsh name: the Welsh pages' links lose their fall-back mark",
            &[Replace(
                TOPICS,
                "description = \"Everyday conversations between parents, and with children.\"\n",
                "description = \"Everyday conversations between parents, and with children.\"\n\n\
                 [topic.translations.cy]\nname = \"Siarad & gwrando\"\n",
            )],
        ),
        (
            "the name back to what the page's own text says",
            &[Replace(
                TOPICS,
                "name = \"Talking > listening\"",
                "name = \"Talking together\"",
            )],
        ),
        (
            "a name the page's own text holds, given to another topic",
            &[Replace(
                TOPICS,
                "name = \"Loss and grief\"",
                "name = \"Talking together\"",
            )],
        ),
    ];
    for (step, changes) in edits {
        edit_and_compare(&mut live, root, step, changes, Rebuild::Topics);
        // Without the splice every page with the topic is rendered again (none spliced).
        assert!(
            spliced(&live) > 0,
            "{step}: the pages with the topic are spliced, not rendered ({} spliced)",
            spliced(&live)
        );
    }
}

/// Splices after splices: the second edit of a topic finds each page as the first splice left
/// it (by the bytes it published), a page whose text was edited in between as its render left
/// it, all byte for byte against full builds.
#[test]
fn topic_names_spliced_again_and_after_a_text_edit_equal_full_builds() {
    use Change::Replace;
    let site = scratch_copy("council");
    let root = site.path();
    write(root, OWN_TEXT, OWN_TEXT_PAGE);
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let steps: [(&str, Vec<Change>, Rebuild, bool); 5] = [
        (
            "a first name",
            vec![Replace(
                TOPICS,
                "name = \"Talking together\"",
                "name = \"Talking; together\"",
            )],
            Rebuild::Topics,
            true,
        ),
        (
            "a second name: the pages as the first splice published them",
            vec![Replace(
                TOPICS,
                "name = \"Talking; together\"",
                "name = \"Talking, together\"",
            )],
            Rebuild::Topics,
            true,
        ),
        (
            "the page's text edited: rendered again",
            vec![Replace(
                OWN_TEXT,
                "is what this page is about",
                "is what this page covers",
            )],
            Rebuild::PageText,
            false,
        ),
        (
            "a third name: that page as its render left it, the others as spliced",
            vec![Replace(
                TOPICS,
                "name = \"Talking, together\"",
                "name = \"Talking & together\"",
            )],
            Rebuild::Topics,
            true,
        ),
        (
            "the name back",
            vec![Replace(
                TOPICS,
                "name = \"Talking & together\"",
                "name = \"Talking together\"",
            )],
            Rebuild::Topics,
            true,
        ),
    ];
    for (step, changes, how, spliced_some) in steps {
        edit_and_compare(&mut live, root, step, &changes, how);
        assert_eq!(
            spliced(&live) > 0,
            spliced_some,
            "{step}: {}",
            spliced(&live)
        );
    }
}

/// The example site at its root (English and Welsh, every topic translated): the benchmark's
/// edit, with an ampersand and quotes.
#[test]
fn topic_names_spliced_into_the_example_site_equal_full_builds() {
    use Change::Replace;
    let site = example_copy();
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let edits: [(&str, &[Change]); 3] = [
        (
            "the first topic's name",
            &[Replace(
                TOPICS,
                "name = \"Arguments and conflict between parents\"",
                "name = \"Arguments & \\\"conflict\\\" <between> parents\"",
            )],
        ),
        (
            "its name again: the English pages as the splice left them",
            &[Replace(
                TOPICS,
                "name = \"Arguments & \\\"conflict\\\" <between> parents\"",
                "name = \"Arguments between parents\"",
            )],
        ),
        (
            "its Welsh name",
            &[Replace(
                TOPICS,
                "name = \"Dadleuon a gwrthdaro rhwng rhieni\"",
                "name = \"Dadleuon & gwrthdaro\"",
            )],
        ),
    ];
    for (step, changes) in edits {
        edit_and_compare(&mut live, root, step, changes, Rebuild::Topics);
        assert!(spliced(&live) > 0, "{step}: pages spliced, not rendered");
    }
}

/// A site with a template of its own never marks the theme's include: its template could hide
/// the markers from the step that strips them (here, a filter section around `super()`), and
/// a published page must never hold them.
#[test]
fn a_site_with_its_own_templates_publishes_no_markers() {
    let site = scratch_copy("council");
    let root = site.path();
    write(
        root,
        "templates/shouting.html",
        "{% extends \"page.html\" %}{% block main %}{% filter upper %}{{ super() }}{% endfilter %}{% endblock main %}",
    );
    write(
        root,
        "content/self-help/shouting.md",
        "+++\ntitle = \"Shouting\"\ntemplate = \"shouting.html\"\ntopics = [\"talking-together\"]\n+++\nLoud.\n",
    );
    common::build(root).expect("builds");
    let page = std::fs::read_to_string(root.join("public/self-help/shouting/index.html"))
        .expect("the page");
    assert!(page.contains("TALKING TOGETHER"), "{page}");
    assert!(
        !page.contains(['\u{F8FD}', '\u{F8FC}']),
        "no marker is published: {page}"
    );
}

/// A section page groups its pages by topic under a heading per topic: a topic's new name is
/// spliced into its heading (`src/pipeline/cache/headings.rs`), the section page not rendered
/// again. The council site's 'Guides for parents' has pages of three topics, one of them alone
/// on 'Loss and grief' (`talking-after-a-loss.md`): an edit of that name splices the page's
/// topic links and the section's heading, two pages (the Welsh pages show the topic's Welsh
/// name, which is not edited). Then another topic's heading (the place the last splice
/// recorded holds the wrong topic's: found again), and the first again.
#[test]
fn topic_headings_spliced_into_section_pages_equal_full_builds() {
    use Change::Replace;
    let site = scratch_copy("council");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let steps: [(&str, Change, Option<usize>); 4] = [
        (
            "a name with characters HTML escapes",
            Replace(
                TOPICS,
                "name = \"Loss and grief\"",
                "name = \"Loss & <grief>\"",
            ),
            Some(2),
        ),
        (
            "another topic's name, on most pages",
            Replace(
                TOPICS,
                "name = \"Talking together\"",
                "name = \"Talking, together\"",
            ),
            None,
        ),
        (
            "the first name again: its heading found again",
            Replace(
                TOPICS,
                "name = \"Loss & <grief>\"",
                "name = \"Loss, grief\"",
            ),
            Some(2),
        ),
        (
            "and again: where the last splice put it",
            Replace(
                TOPICS,
                "name = \"Loss, grief\"",
                "name = \"Loss and grief\"",
            ),
            Some(2),
        ),
    ];
    for (step, change, expected) in steps {
        edit_and_compare(&mut live, root, step, &[change], Rebuild::Topics);
        match expected {
            Some(pages) => assert_eq!(spliced(&live), pages, "{step}: pages spliced"),
            None => assert!(spliced(&live) > 0, "{step}: pages spliced"),
        }
    }
}

/// A section's new title reaches the pages below it only in their breadcrumbs: spliced into
/// the kept pages (`src/pipeline/cache/crumbs.rs`), not rendered again, on the council site
/// (hosted under a folder, Welsh and English; `growing-up/` holds a section two levels deep).
/// The section's own page, and the pages that list it, are rendered. Its six pages spliced
/// are four in English (a page and a nested section's page and its two pages) and two in
/// Welsh (the nested section, which the Welsh build has above its translation, and the
/// translation). A title with characters
/// HTML escapes; the same title again (where the last splice put the breadcrumbs); a text edit
/// of a page below (rendered: its place found again next time); the nested section's title.
#[test]
fn section_titles_spliced_into_breadcrumbs_equal_full_builds() {
    use Change::Replace;
    const GROWING_UP: &str = "content/growing-up/_index.md";
    const EARLY_YEARS: &str = "content/growing-up/early-years/_index.md";
    let site = scratch_copy("council");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let steps: [(&str, Change, Rebuild, usize); 5] = [
        (
            "the top section's title, with characters HTML escapes",
            Replace(
                GROWING_UP,
                "title = \"Growing up\"",
                "title = \"Growing up & <older>\"",
            ),
            Rebuild::FrontMatter,
            6,
        ),
        (
            "again: where the last splice put the breadcrumbs",
            Replace(
                GROWING_UP,
                "title = \"Growing up & <older>\"",
                "title = \"Children growing up\"",
            ),
            Rebuild::FrontMatter,
            6,
        ),
        (
            "a page below, its text: rendered",
            Replace(
                "content/growing-up/early-years/bedtime.md",
                "A short, calm routine",
                "A calm routine",
            ),
            Rebuild::PageText,
            0,
        ),
        (
            "the top section's title: that page's breadcrumbs found again",
            Replace(
                GROWING_UP,
                "title = \"Children growing up\"",
                "title = \"Growing up\"",
            ),
            Rebuild::FrontMatter,
            6,
        ),
        (
            "the nested section's title",
            Replace(
                EARLY_YEARS,
                "title = \"The early years\"",
                "title = \"Birth to five\"",
            ),
            Rebuild::FrontMatter,
            3,
        ),
    ];
    for (step, change, how, pages) in steps {
        edit_and_compare(&mut live, root, step, &[change], how);
        assert_eq!(spliced(&live), pages, "{step}: pages spliced");
    }
}

/// The example site's self-help section (English and Welsh): its new title spliced into the
/// breadcrumbs of every page below it.
#[test]
fn a_section_title_spliced_into_the_example_site_equals_full_builds() {
    let site = example_copy();
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    let change = Change::Replace(
        "content/self-help/_index.md",
        "title = \"Self-help for families\"",
        "title = \"Help for families\"",
    );
    let step = "the self-help section's title";
    edit_and_compare(&mut live, root, step, &[change], Rebuild::FrontMatter);
    assert!(
        spliced(&live) > 5,
        "{step}: {} pages spliced",
        spliced(&live)
    );
}
