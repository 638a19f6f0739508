//! `serve`'s second shortcut: an edit to pages' front matter renders again only the pages whose
//! recorded inputs (the dependency map kept beside the last build) include a page that
//! changed. After every edit the served output is compared with a fresh full build byte for
//! byte, so a page whose view read an edited page without recording it fails here; edits that
//! move a page (or change anything but pages) must fall back to the whole pipeline.

mod common;

use std::fs;
use std::path::PathBuf;

use common::serve::{Change::Replace, Edit, batch, run_edits};
use common::{assert_served_equals_full_build, options, scratch_copy};
use hubsite::serve::{LiveSite, Rebuild};

const FIRST: &str = "content/guides/first.md";
const SECOND: &str = "content/guides/second.md";
const GUIDES: &str = "content/guides/_index.md";

#[test]
fn front_matter_edits_of_the_minimal_site_equal_full_builds() {
    use Rebuild::{FrontMatter, Full};
    run_edits(
        "minimal",
        &[
            Edit {
                name: "a page's title (its section's list, topic pages, search)",
                changes: &[Replace(
                    FIRST,
                    "title = \"First guide\"",
                    "title = \"The first guide\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "a page's summary",
                changes: &[Replace(FIRST, "The first one.", "The very first one.")],
                how: FrontMatter,
            },
            Edit {
                name: "a page's date (the section sorts by date; sitemap and feed)",
                changes: &[Replace(SECOND, "date = 2024-04-01", "date = 2024-02-01")],
                how: FrontMatter,
            },
            Edit {
                name: "a page's topics (the section's groups, the topic page)",
                changes: &[Replace(
                    FIRST,
                    "topics = [\"money-worries\"]",
                    "topics = []",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "a page's topic back, and its audience (the section's groups by reader)",
                changes: &[
                    Replace(FIRST, "topics = []", "topics = [\"money-worries\"]"),
                    Replace(
                        FIRST,
                        "audience = [\"parents\"]",
                        "audience = [\"practitioners\"]",
                    ),
                ],
                how: FrontMatter,
            },
            Edit {
                name: "a section's title (its pages' breadcrumbs and search records)",
                changes: &[Replace(
                    GUIDES,
                    "title = \"Guides\"",
                    "title = \"Our guides\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "the home page's title",
                changes: &[Replace(
                    "content/_index.md",
                    "title = \"Minimal Hub\"",
                    "title = \"A minimal hub\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "two pages in one batch, title and text",
                changes: &[
                    Replace(
                        FIRST,
                        "title = \"The first guide\"",
                        "title = \"First guide\"",
                    ),
                    Replace(SECOND, "title = \"Second guide\"", "title = \"Guide two\""),
                    Replace(SECOND, "Because.", "Because it helps."),
                ],
                how: FrontMatter,
            },
            Edit {
                name: "a draft's front matter (no page of the model changes)",
                changes: &[Replace(
                    "content/guides/draft.md",
                    "title = \"Not ready\"",
                    "title = \"Nearly ready\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "a page made a draft: it leaves the site (and the link to it goes)",
                changes: &[
                    Replace(FIRST, "(second.md#why)", "(/guides/)"),
                    Replace(
                        SECOND,
                        "date = 2024-02-01",
                        "draft = true\ndate = 2024-02-01",
                    ),
                ],
                how: Full,
            },
            Edit {
                name: "a draft published: it joins the site",
                changes: &[
                    Replace(SECOND, "draft = true\n", ""),
                    Replace(FIRST, "(/guides/)", "(second.md#why)"),
                ],
                how: Full,
            },
            Edit {
                name: "the section's order (every page stays where it is)",
                changes: &[Replace(GUIDES, "sort_by = \"date\"", "sort_by = \"title\"")],
                how: FrontMatter,
            },
            Edit {
                name: "a topic's name: not a page (the topic shortcut)",
                changes: &[Replace(
                    "content/topics.toml",
                    "name = \"Money worries\"",
                    "name = \"Worries about money\"",
                )],
                how: Rebuild::Topics,
            },
            Edit {
                name: "a title after the fall-backs",
                changes: &[Replace(
                    SECOND,
                    "title = \"Guide two\"",
                    "title = \"Second guide\"",
                )],
                how: FrontMatter,
            },
        ],
    );
}

#[test]
fn a_page_moved_by_its_front_matter_falls_back_to_the_whole_pipeline() {
    let site = scratch_copy("minimal");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    // A page renamed is a new file and a file gone: the batch names a path the site lacks.
    fs::rename(root.join(SECOND), root.join("content/guides/two.md")).expect("rename");
    let first = fs::read_to_string(root.join(FIRST)).expect("page");
    fs::write(root.join(FIRST), first.replace("second.md", "two.md")).expect("write");
    live.update(&batch(&[SECOND, "content/guides/two.md", FIRST]));
    assert_eq!(live.last_rebuild(), Some(Rebuild::Full));
    assert_served_equals_full_build(&live, root, "a page renamed");
}

const SELF_HELP: &str = "content/self-help/_index.md";
const ABUSE: &str = "content/self-help/ai-cam-drin-yw-e.md";
const GRANDPARENTS: &str = "content/self-help/neiniau-a-theidiau.md";

/// A site in Welsh only: the words around what changed are the theme's Welsh, the dates
/// Welsh dates; the home page shows the self-help section's title and summary (its view reads
/// that page, so the map must record it); pages with a sensitive topic list services.
#[test]
fn front_matter_edits_of_a_welsh_site_equal_full_builds() {
    use Rebuild::FrontMatter;
    run_edits(
        "cymraeg",
        &[
            Edit {
                name: "the self-help section's title, which the home page shows",
                changes: &[Replace(
                    SELF_HELP,
                    "title = \"Canllawiau i rieni\"",
                    "title = \"Canllawiau i rieni a gofalwyr\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "its summary, which the home page shows too",
                changes: &[Replace(SELF_HELP, "Canllawiau byr", "Canllawiau cryno")],
                how: FrontMatter,
            },
            Edit {
                name: "a page's title and review date",
                changes: &[
                    Replace(
                        ABUSE,
                        "Ai ffraeo neu gam-drin yw e?",
                        "Ffraeo neu gam-drin?",
                    ),
                    Replace(
                        ABUSE,
                        "last_reviewed = 2024-03-04",
                        "last_reviewed = 2024-05-06",
                    ),
                ],
                how: FrontMatter,
            },
            Edit {
                name: "a page given a sensitive topic (exit button, help, related services)",
                changes: &[Replace(
                    GRANDPARENTS,
                    "summary = \"Pan",
                    "topics = [\"cam-drin-domestig\"]\nsummary = \"Pan",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "and the topic taken off again",
                changes: &[Replace(
                    GRANDPARENTS,
                    "topics = [\"cam-drin-domestig\"]\n",
                    "",
                )],
                how: FrontMatter,
            },
        ],
    );
}

/// On a site in several languages each language's part of the last build is edited: its
/// model made again from its own sources (a translation takes the original's front matter but
/// for its title and summary), its pages that read a changed page rendered again, its search
/// documents replaced, and the sitemaps of all languages put together again.
#[test]
fn front_matter_edits_of_the_bilingual_council_site_equal_full_builds() {
    use Rebuild::FrontMatter;
    const ABUSE_EN: &str = "content/self-help/is-it-abuse.md";
    const ABUSE_CY: &str = "content/self-help/is-it-abuse.cy.md";
    run_edits(
        "council",
        &[
            Edit {
                name: "a section's title with no Welsh translation (Welsh shows it too)",
                changes: &[Replace(
                    SELF_HELP,
                    "title = \"Guides for parents\"",
                    "title = \"Guides for parents and carers\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "a Welsh translation's title",
                changes: &[Replace(
                    ABUSE_CY,
                    "title = \"Ai gwrthdaro yw hyn, neu gam-drin?\"",
                    "title = \"Gwrthdaro neu gam-drin?\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "the English original's title",
                changes: &[Replace(
                    ABUSE_EN,
                    "title = \"Is it conflict or is it abuse?\"",
                    "title = \"Conflict or abuse?\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "the original's topics, which its translation shows too",
                changes: &[Replace(
                    ABUSE_EN,
                    "topics = [\"domestic-abuse\", \"talking-together\"]",
                    "topics = [\"domestic-abuse\"]",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "a page with no translation: its review date",
                changes: &[Replace(
                    "content/self-help/talking-after-a-loss.md",
                    "last_reviewed = 2026-09-01",
                    "last_reviewed = 2026-10-01",
                )],
                how: FrontMatter,
            },
        ],
    );
}

/// The text shortcut on a site in several languages, per language: a translation's text
/// changes its language's page only; a page of the default language changes its own page and
/// every language's page that shows it for want of a translation (the home page and sections
/// above a translation). Each compared with a full build of both languages.
#[test]
fn text_edits_of_the_bilingual_council_site_apply_per_language_and_equal_full_builds() {
    use Rebuild::PageText;
    run_edits(
        "council",
        &[
            Edit {
                name: "a Welsh translation's text: the Welsh page and its search document",
                changes: &[Replace(
                    "content/self-help/is-it-abuse.cy.md",
                    "Mae pob cwpl yn anghytuno.",
                    "Mae pob cwpl yn anghytuno weithiau.",
                )],
                how: PageText,
            },
            Edit {
                name: "the English original of a translated page: the English page only",
                changes: &[Replace(
                    "content/self-help/is-it-abuse.md",
                    "All couples disagree.",
                    "All couples disagree sometimes.",
                )],
                how: PageText,
            },
            Edit {
                name: "a section with no Welsh translation: English, and the Welsh fallback",
                changes: &[Replace(
                    SELF_HELP,
                    "Guides written with parents",
                    "Guides written together with parents",
                )],
                how: PageText,
            },
            Edit {
                name: "a page with no translation: English only",
                changes: &[Replace(
                    "content/self-help/talking-after-a-loss.md",
                    "Children grieve differently",
                    "Take your time. Children grieve differently",
                )],
                how: PageText,
            },
            Edit {
                name: "the Welsh home page and the English one in one batch",
                changes: &[
                    Replace("content/_index.cy.md", "Darllenwch", "Darllenwch hefyd"),
                    Replace(
                        "content/_index.md",
                        "is the borough's front door",
                        "is the front door",
                    ),
                ],
                how: PageText,
            },
        ],
    );
}

/// A link to nowhere written in a Welsh page's text is left to the whole pipeline, which
/// reports it as a build does; the fix is applied as text again.
#[test]
fn a_dead_link_in_a_welsh_page_is_reported_and_its_fix_applied() {
    let site = scratch_copy("council");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    let page = "content/self-help/is-it-abuse.cy.md";
    let file = root.join(page);
    let text = fs::read_to_string(&file).expect("page");
    let broken = text.replacen("yn anghytuno.", "yn anghytuno, [yma](/nowhere/).", 1);
    let batch = || batch(&[page]);
    fs::write(&file, broken).expect("write");
    let failed = live.update(&batch());
    assert!(
        failed
            .errors
            .as_deref()
            .is_some_and(|e| e.contains(page) && e.contains("/nowhere/")),
        "{:?}",
        failed.errors
    );
    fs::write(
        &file,
        text.replacen("yn anghytuno.", "yn anghytuno bob hyn a hyn.", 1),
    )
    .expect("write");
    live.update(&batch());
    assert_served_equals_full_build(&live, root, "link fixed");
}

/// Runs `edits` (each one batch of replacements) through `serve`'s cache and compares each
/// rebuild's warnings with a full build's: `serve` prints them after every rebuild.
fn assert_warnings_follow_edits(fixture: &str, edits: &[(&str, &str, &str, Rebuild)]) {
    use hubsite::pipeline::{Cache, Changes, Sink, run};
    let site = scratch_copy(fixture);
    let root = site.path();
    let options = options(root);
    let mut cache = Cache::new();
    run(&options, Sink::Memory, Some(&mut cache), &|_| {}).expect("first build");
    for &(path, from, to, how) in edits {
        let file = root.join(path);
        let text = fs::read_to_string(&file).expect("file to edit");
        assert!(text.contains(from), "{path} has no {from:?}");
        fs::write(&file, text.replacen(from, to, 1)).expect("write");
        cache.note(Changes {
            paths: [PathBuf::from(path)].into_iter().collect(),
            ..Changes::default()
        });
        let served = run(&options, Sink::Memory, Some(&mut cache), &|_| {}).expect("rebuild");
        assert_eq!(served.how, how, "{path}: {to:?}");
        let fresh = common::check(&options).expect("full build");
        assert_eq!(
            served.warnings.as_warnings(),
            fresh.warnings.as_warnings(),
            "{path}: {to:?}"
        );
    }
}

/// A page made sensitive lists no safety service: `check` warns, and so must `serve` after
/// the front-matter shortcut; the warning goes when the page is ordinary again.
#[test]
fn a_front_matter_edit_updates_the_safety_warnings() {
    use Rebuild::FrontMatter;
    assert_warnings_follow_edits(
        "minimal",
        &[
            (
                FIRST,
                "audience = [\"parents\"]",
                "audience = [\"parents\"]\nsafety = true",
                FrontMatter,
            ),
            (FIRST, "safety = true", "safety = false", FrontMatter),
        ],
    );
    // A sensitive page's own list of services, with and without the safety service.
    let list = "content/self-help/unsafe-list.md";
    assert_warnings_follow_edits(
        "related",
        &[
            (
                list,
                "related_services = [\"chat\"]",
                "related_services = [\"chat\", \"abuse-line\"]",
                FrontMatter,
            ),
            (
                list,
                "related_services = [\"chat\", \"abuse-line\"]",
                "related_services = [\"chat\"]",
                FrontMatter,
            ),
        ],
    );
}

/// The one link to a service taken out of a page, by its front matter and text or by its
/// text alone: `check` warns that no page links to the service, and so must `serve`.
#[test]
fn an_edit_that_unlinks_a_service_updates_the_warnings() {
    use Rebuild::{FrontMatter, PageText};
    let home = "content/_index.md";
    let link = "Find [the one service we list](directory/parent-talk.toml).";
    let no_link = "Find the one service we list.";
    assert_warnings_follow_edits(
        "one-service",
        &[
            (
                home,
                "title = \"Little Brook Families\"\nsummary = \"Support for families in Little Brook.\"\n+++\nFind [the one service we list](directory/parent-talk.toml).",
                "title = \"Little Brook\"\nsummary = \"Support for families in Little Brook.\"\n+++\nFind the one service we list.",
                FrontMatter,
            ),
            (home, no_link, link, PageText),
            (home, link, no_link, PageText),
            (
                home,
                "Little Brook\"",
                "Little Brook Families\"",
                FrontMatter,
            ),
        ],
    );
}

/// On a site with translated pages, a front-matter edit of a page no translation shows renders
/// the same pages as the same edit made twice: a translated page, whose text `serve` makes
/// again every run, is not taken for a changed one (it was, and every one was rendered again).
#[test]
fn a_front_matter_edit_leaves_translated_pages_it_does_not_touch() {
    use hubsite::pipeline::{Cache, Changes, Sink, run};
    let site = scratch_copy("council");
    let root = site.path();
    let options = options(root);
    let mut cache = Cache::new();
    run(&options, Sink::Memory, Some(&mut cache), &|_| {}).expect("first build");
    let path = "content/self-help/talking-after-a-loss.md";
    let mut rendered = Vec::new();
    for (from, to) in [
        ("last_reviewed = 2026-09-01", "last_reviewed = 2026-10-01"),
        ("last_reviewed = 2026-10-01", "last_reviewed = 2026-09-01"),
    ] {
        let file = root.join(path);
        let text = fs::read_to_string(&file).expect("file to edit");
        fs::write(&file, text.replacen(from, to, 1)).expect("write");
        cache.note(Changes {
            paths: [PathBuf::from(path)].into_iter().collect(),
            ..Changes::default()
        });
        let served = run(&options, Sink::Memory, Some(&mut cache), &|_| {}).expect("rebuild");
        assert_eq!(served.how, Rebuild::FrontMatter);
        rendered.push(served.stats.misses);
    }
    // The page, its section's list, its topics' pages and the groups that read every page,
    // in both languages: 84 pages here; with every translated page taken for changed, 170.
    assert!(rendered[0] < 120, "{rendered:?} pages rendered again");
    assert_eq!(rendered[0], rendered[1], "{rendered:?}");
}

/// Nested sections on the bilingual council site (`content/growing-up/`, whose `early-years/`
/// lists its pages by title and has one page in Welsh): a section's title reaches every page
/// below it, two levels down and in Welsh (the sections above a translation are in the Welsh
/// build); a title that reorders a list; a nested section made a draft falls back.
#[test]
fn nested_section_edits_of_the_council_site_equal_full_builds() {
    use Rebuild::{FrontMatter, Full};
    const GROWING_UP: &str = "content/growing-up/_index.md";
    const EARLY_YEARS: &str = "content/growing-up/early-years/_index.md";
    const BEDTIME: &str = "content/growing-up/early-years/bedtime.md";
    const PLAY_CY: &str = "content/growing-up/early-years/play.cy.md";
    run_edits(
        "council",
        &[
            Edit {
                name: "the top section's title (breadcrumbs two levels down, search records)",
                changes: &[Replace(
                    GROWING_UP,
                    "title = \"Growing up\"",
                    "title = \"Children growing up\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "the nested section's title (its pages' breadcrumbs, in both languages)",
                changes: &[Replace(
                    EARLY_YEARS,
                    "title = \"The early years\"",
                    "title = \"Birth to five\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "a title that moves a page in a list sorted by title",
                changes: &[Replace(
                    BEDTIME,
                    "title = \"Bedtime without battles\"",
                    "title = \"Settling at bedtime\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "the Welsh translation's title, below a section only in English",
                changes: &[Replace(
                    PLAY_CY,
                    "title = \"Chwarae gyda'n gilydd\"",
                    "title = \"Amser chwarae\"",
                )],
                how: FrontMatter,
            },
            Edit {
                name: "both sections' titles in one batch",
                changes: &[
                    Replace(
                        GROWING_UP,
                        "title = \"Children growing up\"",
                        "title = \"Growing up\"",
                    ),
                    Replace(
                        EARLY_YEARS,
                        "title = \"Birth to five\"",
                        "title = \"The early years\"",
                    ),
                ],
                how: FrontMatter,
            },
            Edit {
                name: "a page made a draft (it leaves the site): the whole pipeline",
                changes: &[Replace(BEDTIME, "+++\ntitle", "+++\ndraft = true\ntitle")],
                how: Full,
            },
            Edit {
                name: "the nested section's order changed to by weight: a title after",
                changes: &[Replace(
                    EARLY_YEARS,
                    "sort_by = \"title\"",
                    "sort_by = \"weight\"",
                )],
                how: FrontMatter,
            },
        ],
    );
}
