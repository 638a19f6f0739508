//! `serve`'s session shortcut on the example site (English and Welsh, three weeks, two of them
//! with a published booklet): the edits `bench_serve` times (a session's title and start in the
//! 2027 week) and an edit to a week with a booklet beside another week's booklet. What the
//! session shortcut keeps from the last build (the booklets of weeks with no edited file, the
//! calendars and 'my sessions' files of weeks not made again, the pages' and services' related
//! lists, each week's shared parts of its pages) must be what a full build makes: after every
//! edit the served output is compared with a fresh full build byte for byte.

mod common;

use common::serve::{Change, Edit, example_copy, run_edits_at};
use hubsite::serve::Rebuild;

const MORNING: &str = "sessions/2027/family-morning.toml";
const COMMUNITIES: &str = "sessions/2024/engaging-communities.toml";

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
