//! `serve`'s session shortcut on the example site (English and Welsh, three weeks, two of them
//! with a published booklet): the edits `bench_serve` times (a session's title and start in the
//! 2027 week) and an edit to a week with a booklet beside another week's booklet. What the
//! session shortcut keeps from the last build (the booklets of weeks with no edited file, the
//! calendars and 'my sessions' files of weeks not made again, the pages' and services' related
//! lists, each week's shared parts of its pages) must be what a full build makes: after every
//! edit the served output is compared with a fresh full build byte for byte.

mod common;

use common::serve::{Change, Edit, example_copy, run_edits, run_edits_at};
use hubsite::serve::Rebuild;

const MORNING: &str = "sessions/2027/family-morning.toml";
const COMMUNITIES: &str = "sessions/2024/engaging-communities.toml";
const DADS: &str = "sessions/spring-2027/dads-breakfast.toml";

#[test]
fn session_edits_of_the_example_site_equal_full_builds() {
    use Change::Replace;
    use Rebuild::Sessions;
    let site = example_copy();
    run_edits_at(
        site.path(),
        &[
            Edit {
                name: "the benchmark's edit: a 2027 session's title",
                changes: &[Replace(
                    MORNING,
                    "title = \"Family morning: play, stories and time together\"",
                    "title = \"Family morning: play and stories\"",
                )],
                how: Sessions,
            },
            Edit {
                name: "the benchmark's other edit: its start, a minute later",
                changes: &[Replace(
                    MORNING,
                    "start = 2027-03-28T10:00:00",
                    "start = 2027-03-28T10:01:00",
                )],
                how: Sessions,
            },
            Edit {
                name: "a 2024 session's title (its week's booklet made again, 2023's kept)",
                changes: &[Replace(
                    COMMUNITIES,
                    "title = \"Engaging communities and connecting with people\"",
                    "title = \"Engaging communities\"",
                )],
                how: Sessions,
            },
            Edit {
                name: "a 2024 session's follow-on material (the booklet's printed links)",
                changes: &[Replace(
                    COMMUNITIES,
                    "title = \"Slides: Community Champions in Ealing\"",
                    "title = \"Slides: Ealing's Community Champions\"",
                )],
                how: Sessions,
            },
            Edit {
                name: "the 2027 session's Welsh title",
                changes: &[Replace(
                    MORNING,
                    "title = \"Bore i'r teulu: chwarae, straeon ac amser gyda'n gilydd\"",
                    "title = \"Bore i'r teulu: chwarae a straeon\"",
                )],
                how: Sessions,
            },
        ],
    );
}

/// A session edit's model shares the kept model's pages rather than copying them, and the
/// languages are planned side by side: the shortcuts after it (a page's text, which points the
/// shared pages at the new text; a page's title, which builds pages again) must still give
/// what a full build gives, in both languages, and so must a session edit after them.
macro_rules! session_then_page_edits {
    ($session:expr, $old:literal, $new:literal, $page_title:literal, $text:literal) => {{
        use Change::Replace;
        use Rebuild::{FrontMatter, PageText, Sessions};
        const PAGE: &str = "content/accessibility.md";
        [
            Edit {
                name: "a session's title",
                changes: &[Replace($session, $old, $new)],
                how: Sessions,
            },
            Edit {
                name: "then a page's text (the pages the session edit's model shares)",
                changes: &[Replace(PAGE, $text, "Please write to")],
                how: PageText,
            },
            Edit {
                name: "then the page's title",
                changes: &[Replace(PAGE, $page_title, "title = \"Accessibility\"")],
                how: FrontMatter,
            },
            Edit {
                name: "then the session's title back",
                changes: &[Replace($session, $new, $old)],
                how: Sessions,
            },
        ]
    }};
}

#[test]
fn page_edits_after_a_session_edit_of_the_example_site_equal_full_builds() {
    let site = example_copy();
    run_edits_at(
        site.path(),
        &session_then_page_edits!(
            MORNING,
            "title = \"Family morning: play, stories and time together\"",
            "title = \"Family morning: play and stories\"",
            "title = \"Accessibility statement\"",
            "This accessibility statement"
        ),
    );
}

#[test]
fn page_edits_after_a_session_edit_of_the_council_site_equal_full_builds() {
    run_edits(
        "council",
        &session_then_page_edits!(
            DADS,
            "title = \"Dads' breakfast\"",
            "title = \"Breakfast for dads\"",
            "title = \"Accessibility statement\"",
            "Email"
        ),
    );
}
