//! `serve`'s session shortcut: an edit to the practice weeks (a session's fields, its
//! description file, a week's `week.toml`) makes again only what reads the weeks (the
//! programme, the home page, the topics, calendars, 'my sessions' data, booklets, search).
//! After every edit the served output is compared with a fresh full build byte for byte, so
//! anything that reads a session without being made again fails here; edits that add, remove
//! or move a session, or break one, must fall back to the whole pipeline.

mod common;

use std::fs;

use common::serve::{Change, Edit, batch, edit_and_compare, run_edits};
use common::{assert_served_equals_full_build, options, scratch_copy};
use hubsite::serve::{LiveSite, Rebuild};

const DADS: &str = "sessions/spring-2027/dads-breakfast.toml";
const COOK: &str = "sessions/spring-2027/family-cook-and-eat.toml";
const NIGHT: &str = "sessions/autumn-2027/night-listening.toml";
const TEENS: &str = "sessions/spring-2027/talking-with-teenagers.toml";
const TEENS_TEXT: &str = "sessions/spring-2027/talking-with-teenagers.md";
const SPRING: &str = "sessions/spring-2027/week.toml";

const NEW_SESSION: &str = r#"title = "A new session"
summary = "Added while serving."
start = 2027-03-24T10:00:00
end = 2027-03-24T11:00:00
format = "online"
audience = ["parents"]
topics = ["talking-together"]

[online]
platform = "Teams"

[booking]
status = "not-required"
"#;

#[test]
fn session_edits_of_the_council_site_equal_full_builds() {
    use Change::{Remove, Rename, Replace, Write};
    use Rebuild::{Full, Sessions};
    run_edits(
        "council",
        &[
            Edit {
                name: "a session's title (its page, the week and day, topics, home, search, calendars)",
                changes: &[Replace(
                    DADS,
                    "title = \"Dads' breakfast\"",
                    "title = \"Breakfast for dads\"",
                )],
                how: Sessions,
            },
            Edit {
                name: "a session's start, later the same day (the day's order, calendars, filters)",
                changes: &[Replace(
                    DADS,
                    "start = 2027-03-28T09:30:00",
                    "start = 2027-03-28T10:15:00",
                )],
                how: Sessions,
            },
            Edit {
                name: "a session's day, another day that has sessions (the same day pages and filters)",
                changes: &[
                    Replace(
                        COOK,
                        "start = 2027-03-24T17:30:00",
                        "start = 2027-03-23T17:30:00",
                    ),
                    Replace(
                        COOK,
                        "end = 2027-03-24T19:30:00",
                        "end = 2027-03-23T19:30:00",
                    ),
                ],
                how: Sessions,
            },
            Edit {
                name: "the only session of a day moved to another: a day's page comes and goes, the whole pipeline",
                changes: &[
                    Replace(
                        DADS,
                        "start = 2027-03-28T10:15:00",
                        "start = 2027-03-29T09:30:00",
                    ),
                    Replace(
                        DADS,
                        "end = 2027-03-28T11:00:00",
                        "end = 2027-03-29T11:00:00",
                    ),
                ],
                how: Full,
            },
            Edit {
                name: "a session's summary and booking email",
                changes: &[
                    Replace(
                        DADS,
                        "on the morning the clocks go forward.",
                        "with bacon rolls.",
                    ),
                    Replace(
                        DADS,
                        "email = \"dads@example.org\"",
                        "email = \"breakfast@example.org\"",
                    ),
                ],
                how: Sessions,
            },
            Edit {
                name: "a session's topics (the topic page it joins, the index's counts)",
                changes: &[Replace(
                    NIGHT,
                    "topics = [\"talking-together\"]",
                    "topics = [\"bereavement\", \"talking-together\"]",
                )],
                how: Sessions,
            },
            Edit {
                name: "a session's description file",
                changes: &[Replace(
                    TEENS_TEXT,
                    "This session covers:",
                    "This session covers, in order:",
                )],
                how: Sessions,
            },
            Edit {
                name: "a week's name (every session's search record, the programme, home)",
                changes: &[Replace(
                    SPRING,
                    "name = \"Talking Families fortnight, spring 2027\"",
                    "name = \"Talking Families, spring 2027\"",
                )],
                how: Sessions,
            },
            Edit {
                name: "two sessions in one batch",
                changes: &[
                    Replace(
                        DADS,
                        "title = \"Breakfast for dads\"",
                        "title = \"Dads' breakfast\"",
                    ),
                    Replace(TEENS, "title = \"", "title = \"Still "),
                ],
                how: Sessions,
            },
            Edit {
                name: "a session made sensitive (a sensitive topic: safety exits): the whole pipeline",
                changes: &[Replace(
                    DADS,
                    "topics = [\"talking-together\"]",
                    "topics = [\"domestic-abuse\"]",
                )],
                how: Full,
            },
            Edit {
                name: "a session added: the whole pipeline",
                changes: &[Write("sessions/spring-2027/new-session.toml", NEW_SESSION)],
                how: Full,
            },
            Edit {
                name: "the new session's title: the shortcut again",
                changes: &[Replace(
                    "sessions/spring-2027/new-session.toml",
                    "A new session",
                    "A newer session",
                )],
                how: Sessions,
            },
            Edit {
                name: "a session moved to another week: the whole pipeline",
                changes: &[
                    Rename(
                        "sessions/spring-2027/new-session.toml",
                        "sessions/autumn-2027/new-session.toml",
                    ),
                    Replace(
                        "sessions/autumn-2027/new-session.toml",
                        "start = 2027-03-24",
                        "start = 2027-10-28",
                    ),
                    Replace(
                        "sessions/autumn-2027/new-session.toml",
                        "end = 2027-03-24",
                        "end = 2027-10-28",
                    ),
                ],
                how: Full,
            },
            Edit {
                name: "a session removed: the whole pipeline",
                changes: &[Remove("sessions/autumn-2027/new-session.toml")],
                how: Full,
            },
            Edit {
                name: "a session's file changed but for nothing (the same text)",
                changes: &[Replace(DADS, "Dads' breakfast", "Dads' breakfast")],
                how: Sessions,
            },
        ],
    );
}

#[test]
fn a_broken_session_falls_back_and_reports_then_its_fix_is_served() {
    let site = scratch_copy("council");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    let file = root.join(DADS);
    let good = fs::read_to_string(&file).expect("session");
    fs::write(
        &file,
        good.replace("start = 2027-03-28T09:30:00", "start = \"soon\""),
    )
    .expect("write");
    let batch = batch(&[DADS]);
    live.update(&batch);
    assert!(
        live.shared().current().errors.is_some(),
        "a session without a start is reported"
    );
    fs::write(&file, good.replace("Dads' breakfast", "Breakfast for dads")).expect("write");
    live.update(&batch);
    assert_served_equals_full_build(&live, root, "the session fixed");
}

#[test]
fn a_week_feedback_address_the_practitioners_guide_shows_equals_full_builds() {
    use Change::Replace;
    // Without its own `feedback_url`, the guide (a directory page) asks for feedback at the
    // latest week's address: a week's edit that changes it reaches the guide.
    run_edits(
        "council",
        &[
            Edit {
                name: "the guide's own feedback address taken out (configuration)",
                changes: &[Replace(
                    "hubsite.toml",
                    "feedback_url = \"https://example.org/feedback/referral-guide\"",
                    "",
                )],
                how: Rebuild::Full,
            },
            Edit {
                name: "the spring week's feedback address, which the guide now shows",
                changes: &[Replace(
                    SPRING,
                    "audience = [\"parents\", \"practitioners\"]",
                    "audience = [\"parents\", \"practitioners\"]\nfeedback_url = \"https://example.org/feedback/spring\"",
                )],
                how: Rebuild::Full,
            },
            Edit {
                name: "its title, the guide unchanged",
                changes: &[Replace(
                    SPRING,
                    "fortnight, spring 2027",
                    "fortnight, spring",
                )],
                how: Rebuild::Sessions,
            },
        ],
    );
}

#[test]
fn session_edits_of_a_week_with_a_booklet_equal_full_builds() {
    use Change::Replace;
    use Rebuild::Sessions;
    run_edits(
        "booklet",
        &[
            Edit {
                name: "a session's title (the booklet's pages and its PDF)",
                changes: &[Replace(
                    "sessions/spring/evening.toml",
                    "title = \"An evening for parents, by email\"",
                    "title = \"An evening for parents\"",
                )],
                how: Sessions,
            },
            Edit {
                name: "a session's follow-on material (the booklet)",
                changes: &[Replace(
                    "sessions/spring/evening.toml",
                    "title = \"Slides from the evening\"",
                    "title = \"The evening's slides\"",
                )],
                how: Sessions,
            },
        ],
    );
}

const COUNSELLING: &str = "content/directory/couples-counselling.toml";
const CENTRE: &str = "content/directory/northmoor-family-centre.toml";

#[test]
fn service_edits_of_the_council_site_equal_full_builds() {
    use Change::{Remove, Replace, Write};
    use Rebuild::{Full, Services};
    run_edits(
        "council",
        &[
            Edit {
                name: "a service's name (its page, the lists, related services, ORUK, search)",
                changes: &[Replace(
                    COUNSELLING,
                    "name = \"Couples counselling\"",
                    "name = \"Counselling for couples\"",
                )],
                how: Services,
            },
            Edit {
                name: "a service's description and summary",
                changes: &[
                    Replace(
                        COUNSELLING,
                        "- evenings available",
                        "- evenings and Saturdays",
                    ),
                    Replace(
                        CENTRE,
                        "Drop in for advice, play sessions",
                        "Drop in for advice, play",
                    ),
                ],
                how: Services,
            },
            Edit {
                name: "a service's topics (the pages that list it as related)",
                changes: &[Replace(
                    COUNSELLING,
                    "topics = [\"talking-together\"]",
                    "topics = [\"talking-together\", \"bereavement\"]",
                )],
                how: Services,
            },
            Edit {
                name: "a service's file changed but for nothing (the same text)",
                changes: &[Replace(COUNSELLING, "couples", "couples")],
                how: Services,
            },
            Edit {
                name: "a service made sensitive: the whole pipeline",
                changes: &[Replace(
                    COUNSELLING,
                    "topics = [\"talking-together\", \"bereavement\"]",
                    "topics = [\"domestic-abuse\"]",
                )],
                how: Full,
            },
            Edit {
                name: "a service added: the whole pipeline",
                changes: &[Write(
                    "content/directory/new-service.toml",
                    "name = \"A new service\"\norganisation = \"Northmoor\"\nsummary = \"New.\"\n\
                     level = \"universal\"\ncategories = [\"counselling\"]\ntopics = [\"talking-together\"]\n\
                     access = [\"self-referral\"]\nlast_reviewed = 2026-10-01\n\n[cost]\nfree = true\n",
                )],
                how: Full,
            },
            Edit {
                name: "the new service's name: the shortcut again",
                changes: &[Replace(
                    "content/directory/new-service.toml",
                    "A new service",
                    "A newer service",
                )],
                how: Services,
            },
            Edit {
                name: "a service removed: the whole pipeline",
                changes: &[Remove("content/directory/new-service.toml")],
                how: Full,
            },
        ],
    );
}

/// A service only one week's session lists (by hand), renamed, then a page both weeks'
/// sessions list retitled, and the service renamed again: with the theme's templates the
/// session's page has its new cards spliced in (`pipeline/cache/cards.rs`), the programme not
/// rendered; with a template of the site's own (no splice) the programme's pages of that week
/// alone are made again, the other week's kept. Both byte for byte against full builds.
fn a_service_one_week_lists(own_template: bool) {
    use Change::Replace;
    const GRIEF: &str = "sessions/autumn-2027/grief-circle.toml";
    const SUPPORT: &str = "content/directory/family-intensive-support.toml";
    let site = scratch_copy("council");
    let root = site.path();
    if own_template {
        common::serve::write(
            root,
            "templates/plain.html",
            "{% extends \"page.html\" %}{% block main %}{{ super() }}{% endblock main %}",
        );
    }
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let spliced = |live: &LiveSite| live.last_stats().map_or(0, |stats| stats.spliced);
    let steps: [(&str, Change, Rebuild, bool); 4] = [
        (
            "an autumn session lists by hand a service no other session lists",
            Replace(
                GRIEF,
                "topics = [\"bereavement\"]",
                "topics = [\"bereavement\"]\nrelated_services = [\"family-intensive-support\"]",
            ),
            Rebuild::Sessions,
            false,
        ),
        (
            "the service renamed: the autumn session's page spliced, or its week's pages made \
             again (the spring week's the last build's)",
            Replace(
                SUPPORT,
                "name = \"Family Intensive Support Team\"",
                "name = \"Family Intensive Support Team (Northmoor)\"",
            ),
            Rebuild::Services,
            true,
        ),
        (
            "a page both weeks' sessions list, retitled: every week's session pages",
            Replace(
                "content/self-help/raising-conflict-with-parents.md",
                "title = \"Raising conflict between parents: notes for staff\"",
                "title = \"Raising conflict between parents: notes for our staff\"",
            ),
            Rebuild::FrontMatter,
            false,
        ),
        (
            "the service renamed again",
            Replace(SUPPORT, " (Northmoor)", ""),
            Rebuild::Services,
            true,
        ),
    ];
    for (step, change, how, session_spliced) in steps {
        edit_and_compare(&mut live, root, step, &[change], how);
        if session_spliced {
            // The session's page in English and in Welsh, spliced or rendered.
            let expected = if own_template { 0 } else { 2 };
            assert_eq!(spliced(&live), expected, "{step}: pages spliced");
        }
    }
}

#[test]
fn a_service_one_week_lists_is_spliced_into_its_session_page_and_equals_full_builds() {
    a_service_one_week_lists(false);
}

#[test]
fn a_service_one_week_lists_renders_that_week_and_equals_full_builds() {
    a_service_one_week_lists(true);
}

/// A week's programme made again in part, then a page only the other week's session lists
/// retitled: that session's page must show the new title (the programme's record of what its
/// pages read keeps the other weeks', `Fit::Part`). The front-matter shortcut renders the
/// programme here for the pages the spring week reads as well, so this holds without that too;
/// it pins the sequence.
#[test]
fn a_page_only_a_kept_week_lists_is_shown_retitled_after_another_week_edit() {
    use Change::Replace;
    use Rebuild::{FrontMatter, Sessions};
    const GRIEF: &str = "sessions/autumn-2027/grief-circle.toml";
    run_edits(
        "council",
        &[
            Edit {
                name: "an autumn session lists a page by hand",
                changes: &[Replace(
                    GRIEF,
                    "topics = [\"bereavement\"]",
                    "topics = [\"bereavement\"]\nrelated_pages = [\"growing-up/teenagers.md\"]",
                )],
                how: Sessions,
            },
            Edit {
                name: "a spring session's title: the spring week's pages made again alone",
                changes: &[Replace(
                    DADS,
                    "title = \"Dads' breakfast\"",
                    "title = \"Dads' big breakfast\"",
                )],
                how: Sessions,
            },
            Edit {
                name: "the page only the autumn session lists, retitled",
                changes: &[Replace(
                    "content/growing-up/teenagers.md",
                    "title = \"Talking with teenagers\"",
                    "title = \"Talking with teenagers at home\"",
                )],
                how: FrontMatter,
            },
        ],
    );
}

#[test]
fn service_edits_shown_as_related_equal_full_builds() {
    use Change::Replace;
    use Rebuild::Services;
    run_edits(
        "related",
        &[
            Edit {
                name: "a service a page lists by hand, renamed",
                changes: &[Replace(
                    "content/directory/couples.toml",
                    "name = \"Couples counselling\"",
                    "name = \"Counselling for two\"",
                )],
                how: Services,
            },
            Edit {
                name: "its level, the only targeted service's: a level's page goes, the whole pipeline",
                changes: &[Replace(
                    "content/directory/couples.toml",
                    "level = \"targeted\"",
                    "level = \"universal\"",
                )],
                how: Rebuild::Full,
            },
        ],
    );
}

#[test]
fn a_session_material_problem_is_reported_as_a_build_reports_it() {
    let site = scratch_copy("booklet");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    let path = "sessions/spring/evening.toml";
    let file = root.join(path);
    let good = fs::read_to_string(&file).expect("session");
    // The same material twice: a problem of the verdict's, not of the model's.
    let twice = format!(
        "{good}\n[[follow_on]]\ntitle = \"The slides again\"\nurl = \"https://example.org/slides/evening.pdf\"\nkind = \"slides\"\n"
    );
    fs::write(&file, twice).expect("write");
    let batch = batch(&[path]);
    live.update(&batch);
    let errors = live.shared().current().errors.clone();
    assert!(
        errors
            .as_deref()
            .is_some_and(|e| e.contains("evening.toml")),
        "the duplicate material is reported: {errors:?}"
    );
    fs::write(&file, good).expect("write");
    live.update(&batch);
    assert_served_equals_full_build(&live, root, "the material fixed");
}

const KINSHIP: &str = "sessions/autumn-2027/kinship-carers-evening.toml";

/// A full session's page offers the other dates of a session by its title, in any week: an
/// edit that gives a spring session the title of a full autumn one reaches the autumn week's
/// pages (the session shortcut renders only the weeks an edit can change), and so does the
/// title taken away again.
#[test]
fn a_session_titled_as_a_full_one_of_another_week_equals_full_builds() {
    use Change::Replace;
    use Rebuild::Sessions;
    run_edits(
        "council",
        &[
            Edit {
                name: "the autumn session full",
                changes: &[Replace(KINSHIP, "status = \"closed\"", "status = \"full\"")],
                how: Sessions,
            },
            Edit {
                name: "a spring session given its title",
                changes: &[Replace(
                    DADS,
                    "title = \"Dads' breakfast\"",
                    "title = \"Kinship carers' evening\"",
                )],
                how: Sessions,
            },
            Edit {
                name: "the spring session's start, its title kept",
                changes: &[Replace(
                    DADS,
                    "start = 2027-03-28T09:30:00",
                    "start = 2027-03-28T09:45:00",
                )],
                how: Sessions,
            },
            Edit {
                name: "the title taken away again",
                changes: &[Replace(
                    DADS,
                    "title = \"Kinship carers' evening\"",
                    "title = \"Dads' breakfast\"",
                )],
                how: Sessions,
            },
        ],
    );
}
