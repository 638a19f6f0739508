//! `serve`'s topic shortcut: an edit to `content/topics.toml` that changes only topics' names
//! or descriptions (or their Welsh) makes again only what shows a topic (the pages, sessions and
//! services with it, the topic pages, sections' 'by topic' groups, the resource library, the
//! printed directory, the ORUK export, search). After every edit the served output is compared
//! with a fresh full build byte for byte, so anything that shows a topic without being made
//! again fails here; edits that add, remove, move or rename a topic, change its sensitivity or
//! break the file must run the whole pipeline.

mod common;

use common::serve::{Change, Edit, edit_and_compare, example_copy, run_edits, run_edits_at};
use common::{assert_served_equals_full_build, options};
use hubsite::serve::{LiveSite, Rebuild};

const TOPICS: &str = "content/topics.toml";

/// The council site (English and Welsh under /familyhub/): its topic 'Talking together' is on
/// self-help pages, every session, three services (so the printed directory, whose index
/// names topics, is printed again) and the sections that group pages by topic.
#[test]
fn topic_edits_of_the_council_site_equal_full_builds() {
    use Change::Replace;
    use Rebuild::{Full, Topics};
    run_edits(
        "council",
        &[
            Edit {
                name: "a topic's name (pages, sessions, services, topic pages, search, ORUK, print)",
                changes: &[Replace(
                    TOPICS,
                    "name = \"Talking together\"",
                    "name = \"Talking things through\"",
                )],
                how: Topics,
            },
            Edit {
                name: "a topic's description (its page, the index, its search document)",
                changes: &[Replace(
                    TOPICS,
                    "description = \"When a family loses someone.\"",
                    "description = \"When a family loses someone close.\"",
                )],
                how: Topics,
            },
            Edit {
                name: "a sensitive topic's name (the exit shows on its pages either way)",
                changes: &[Replace(
                    TOPICS,
                    "name = \"Domestic abuse\"",
                    "name = \"Abuse at home\"",
                )],
                how: Topics,
            },
            Edit {
                name: "a Welsh name for a topic (its Welsh pages lose their fall-back mark)",
                changes: &[Replace(
                    TOPICS,
                    "description = \"When a family loses someone close.\"\n",
                    "description = \"When a family loses someone close.\"\n\n\
                     [topic.translations.cy]\nname = \"Colled a galar\"\n",
                )],
                how: Topics,
            },
            Edit {
                name: "the Welsh name edited",
                changes: &[Replace(TOPICS, "Colled a galar", "Galar a cholled")],
                how: Topics,
            },
            Edit {
                name: "a comment only: nothing shown changes",
                changes: &[Replace(TOPICS, "[[topic]]", "# Topics.\n[[topic]]")],
                how: Topics,
            },
            Edit {
                name: "a topic's sensitivity: every page with it shows the exit (whole pipeline)",
                changes: &[
                    Replace(
                        TOPICS,
                        "name = \"Galar a cholled\"",
                        "name = \"Galar a cholled\"\n",
                    ),
                    Replace(
                        TOPICS,
                        "description = \"When a family loses someone close.\"",
                        "description = \"When a family loses someone close.\"\nsensitive = true",
                    ),
                ],
                how: Full,
            },
            Edit {
                name: "a topic added (whole pipeline)",
                changes: &[Replace(
                    TOPICS,
                    "# Topics.\n",
                    "[[topic]]\nslug = \"money\"\nname = \"Money\"\n\n",
                )],
                how: Full,
            },
            Edit {
                name: "the new topic's name: on no page, session or service (the topic index, \
                       its page, the ORUK export's taxonomy)",
                changes: &[Replace(
                    TOPICS,
                    "name = \"Money\"",
                    "name = \"Money matters\"",
                )],
                how: Topics,
            },
            Edit {
                name: "topics moved (whole pipeline)",
                changes: &[Replace(
                    TOPICS,
                    "[[topic]]\nslug = \"money\"\nname = \"Money matters\"\n\n",
                    "",
                )],
                how: Full,
            },
            Edit {
                name: "after the fall-backs, a name again",
                changes: &[Replace(
                    TOPICS,
                    "name = \"Abuse at home\"",
                    "name = \"Domestic abuse\"",
                )],
                how: Topics,
            },
        ],
    );
}

/// A broken topics file is reported as a build reports it; its fix is served as a full build.
#[test]
fn a_broken_topics_file_is_reported_then_its_fix_is_served() {
    let site = common::scratch_copy("council");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    let broken = [Change::Replace(
        TOPICS,
        "name = \"Loss and grief\"",
        "name = ",
    )];
    let paths = common::serve::make_changes(root, "broken", &broken);
    live.update(&common::serve::batch(&paths));
    assert!(
        live.shared().current().errors.is_some(),
        "a topic without a name is reported"
    );
    let fixed = [Change::Replace(TOPICS, "name = \n", "name = \"Grief\"\n")];
    edit_and_compare(&mut live, root, "fixed", &fixed, Rebuild::Full);
    let again = [Change::Replace(
        TOPICS,
        "name = \"Grief\"",
        "name = \"Loss\"",
    )];
    edit_and_compare(&mut live, root, "then a name", &again, Rebuild::Topics);
    assert_served_equals_full_build(&live, root, "last");
}

/// The example site (English and Welsh, every topic translated): its first topic is on
/// self-help pages, sessions of three weeks, services and resources of the library.
#[test]
fn topic_edits_of_the_example_site_equal_full_builds() {
    use Change::Replace;
    use Rebuild::Topics;
    let site = example_copy();
    run_edits_at(
        site.path(),
        &[
            Edit {
                name: "the first topic's name (the benchmark's edit)",
                changes: &[Replace(
                    TOPICS,
                    "name = \"Arguments and conflict between parents\"",
                    "name = \"Conflict between parents\"",
                )],
                how: Topics,
            },
            Edit {
                name: "its Welsh name",
                changes: &[Replace(
                    TOPICS,
                    "name = \"Dadleuon a gwrthdaro rhwng rhieni\"",
                    "name = \"Gwrthdaro rhwng rhieni\"",
                )],
                how: Topics,
            },
            Edit {
                name: "another topic's Welsh description",
                changes: &[Replace(
                    TOPICS,
                    "description = \"Gwneud penderfyniadau pan fydd perthynas yn dod i ben",
                    "description = \"Penderfyniadau pan fydd perthynas yn dod i ben",
                )],
                how: Topics,
            },
        ],
    );
}
