//! `serve`'s service shortcut splicing a directory service's new card into the kept pages that
//! list it as related, instead of rendering them again (`src/pipeline/cache/cards.rs`). After
//! every edit the served output is compared with a fresh full build byte for byte, and pages
//! must have been spliced (`CacheStats::spliced`), not rendered: names and summaries with
//! characters HTML escapes, a Welsh name (the Welsh pages' cards lose their fall-back mark), a
//! page whose own text holds the old cards (it must be rendered whole), and a topic's name
//! spliced into pages whose cards were spliced before (their topic links moved).

mod common;

use std::fs;
use std::path::Path;

use common::serve::{Change, edit_and_compare, example_copy, write};
use common::{assert_served_equals_full_build, options, scratch_copy};
use hubsite::serve::{LiveSite, Rebuild};

const COUNSELLING: &str = "content/directory/couples-counselling.toml";

/// The service's name edited, as the benchmark edits it.
const RENAMED: Change = Change::Replace(
    COUNSELLING,
    "name = \"Couples counselling\"",
    "name = \"Counselling for couples\"",
);

/// The pages spliced by the last rebuild.
fn spliced(live: &LiveSite) -> usize {
    live.last_stats().map_or(0, |stats| stats.spliced)
}

/// The related services' cards of the page published at `path` under `root`'s output, as the
/// theme writes them (the list after the section's heading, as the partial writes it).
fn cards_of(root: &Path, path: &str) -> String {
    let page = fs::read_to_string(root.join("public").join(path)).expect("the page");
    let start = page
        .find("<h2 id=\"related-services-title\">")
        .and_then(|at| {
            page[at..]
                .find("<ul class=\"cards\">")
                .map(|list| at + list)
        })
        .expect("related services");
    // With the line's end: the partial's output ends there.
    let end = page[start..].find("</ul>\n").expect("the list's end") + start + "</ul>\n".len();
    page[start..end].to_owned()
}

#[test]
fn service_cards_spliced_into_the_council_site_equal_full_builds() {
    use Change::Replace;
    let site = scratch_copy("council");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let edits: [(&str, &[Change]); 4] = [
        (
            "a name with characters HTML escapes",
            &[Replace(
                COUNSELLING,
                "name = \"Couples counselling\"",
                "name = \"Couples & 'partners' <counselling> \\\"now\\\"\"",
            )],
        ),
        (
            "the name edited again (the kept pages are the spliced ones)",
            &[Replace(
                COUNSELLING,
                "name = \"Couples & 'partners' <counselling> \\\"now\\\"\"",
                "name = \"Zebra counselling\"",
            )],
        ),
        (
            "its summary",
            &[Replace(
                COUNSELLING,
                "summary = \"Counselling for couples who want",
                "summary = \"Counselling & support for couples who want",
            )],
        ),
        (
            "a Welsh name and summary: the Welsh pages' cards lose their fall-back marks",
            &[Replace(
                COUNSELLING,
                "website = \"https://example.org/counselling\"\n",
                "website = \"https://example.org/counselling\"\n\n[translations.cy]\n\
                 name = \"Cwnsela i gyplau\"\nsummary = \"Cwnsela & cymorth.\"\n",
            )],
        ),
    ];
    for (step, changes) in edits {
        edit_and_compare(&mut live, root, step, changes, Rebuild::Services);
        // Without the splice every page listing the service is rendered again (none spliced).
        assert!(
            spliced(&live) > 0,
            "{step}: the pages listing the service are spliced, not rendered"
        );
    }
    // A topic's name after the cards were spliced: the pages' topic links moved with them,
    // and are spliced where they now are.
    edit_and_compare(
        &mut live,
        root,
        "a topic's name, in pages whose cards were spliced",
        &[Replace(
            "content/topics.toml",
            "name = \"Talking together\"",
            "name = \"Talking & listening\"",
        )],
        Rebuild::Topics,
    );
    assert!(spliced(&live) > 0, "the topic's pages are spliced");
}

/// A page whose own text holds the cards as the theme writes them: the old cards are then found
/// twice, so the page is rendered whole (a splice of the first place would change its text).
#[test]
fn a_page_holding_the_old_cards_in_its_text_is_rendered_whole() {
    let site = scratch_copy("council");
    let root = site.path();
    common::build(root).expect("builds");
    let cards = cards_of(root, "self-help/raising-conflict-with-parents/index.html");
    let own = fs::read_to_string(root.join("content/self-help/raising-conflict-with-parents.md"))
        .expect("the page");
    // Written as site paths (the body's addresses go under the site's folder as it renders),
    // in a `<pre>`: an HTML block that only its closing tag ends, whatever lines it holds.
    let written = cards.replace("\"/familyhub/", "\"/");
    let written = format!("<pre>{written}</pre>");
    write(
        root,
        "content/self-help/raising-conflict-with-parents.md",
        &format!("{own}\n\n{written}\n"),
    );
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let served = live.shared().current();
    let page = served
        .output
        .get("self-help/raising-conflict-with-parents/index.html")
        .expect("the page");
    let text = match &page.contents {
        hubsite::output::Contents::Bytes(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        _ => String::new(),
    };
    assert_eq!(text.matches(&cards).count(), 2, "the cards twice: {text}");
    edit_and_compare(
        &mut live,
        root,
        "the service's name",
        &[RENAMED],
        Rebuild::Services,
    );
}

/// The example site at its root (English and Welsh): the benchmark's edit, which moves the
/// service among others in the lists (they sort by name), then its Welsh name.
#[test]
fn service_cards_spliced_into_the_example_site_equal_full_builds() {
    use Change::Replace;
    let site = example_copy();
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    let edits: [(&str, &[Change]); 2] = [
        (
            "the benchmark's edit of a name",
            &[Replace(
                "content/directory/parenting-drop-in.toml",
                "name = \"Parenting advice drop-in\"",
                "name = \"Edit 0 of Parenting advice drop-in\"",
            )],
        ),
        (
            "a name with characters HTML escapes",
            &[Replace(
                "content/directory/parenting-drop-in.toml",
                "name = \"Edit 0 of Parenting advice drop-in\"",
                "name = \"Parenting & <advice> \\\"drop-in\\\"\"",
            )],
        ),
    ];
    for (step, changes) in edits {
        edit_and_compare(&mut live, root, step, changes, Rebuild::Services);
        assert!(spliced(&live) > 0, "{step}: pages spliced, not rendered");
    }
}

/// A topic spliced, then the service's cards spliced into the same pages, then the topic again:
/// where the topic links are must be carried through the cards' splice whichever way the page
/// was last made (a topic splice records its pages by their bytes, not by their fingerprint),
/// so the second topic edit splices as many pages as the first.
#[test]
fn a_topic_splice_after_a_cards_splice_after_a_topic_splice_splices_as_many_pages() {
    use Change::Replace;
    let site = scratch_copy("council");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    const TOPICS: &str = "content/topics.toml";
    let (together, listening) = (
        "name = \"Talking together\"",
        "name = \"Talking & listening\"",
    );
    edit_and_compare(
        &mut live,
        root,
        "a topic's name",
        &[Replace(TOPICS, together, listening)],
        Rebuild::Topics,
    );
    let first = spliced(&live);
    assert!(first > 0, "the topic's pages are spliced");
    edit_and_compare(
        &mut live,
        root,
        "the service's name",
        &[RENAMED],
        Rebuild::Services,
    );
    edit_and_compare(
        &mut live,
        root,
        "the topic's name again",
        &[Replace(TOPICS, listening, together)],
        Rebuild::Topics,
    );
    assert_eq!(
        spliced(&live),
        first,
        "as many pages spliced the second time"
    );
}

/// The service's cards spliced into pages a render made, then a topic edit: the pages' topic
/// links, where their render recorded them, are proven and carried through the cards' splice,
/// so the topic edit splices as many pages as it does on pages a render made.
#[test]
fn a_topic_splice_after_a_cards_splice_splices_as_many_pages_as_after_a_render() {
    use Change::Replace;
    const TOPICS: &str = "content/topics.toml";
    let rename = || {
        Replace(
            TOPICS,
            "name = \"Talking together\"",
            "name = \"Talking & listening\"",
        )
    };
    let topic_alone = {
        let site = scratch_copy("council");
        let mut live = LiveSite::start(options(site.path()));
        edit_and_compare(
            &mut live,
            site.path(),
            "a topic's name",
            &[rename()],
            Rebuild::Topics,
        );
        spliced(&live)
    };
    assert!(topic_alone > 0, "the topic's pages are spliced");
    let site = scratch_copy("council");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    edit_and_compare(
        &mut live,
        root,
        "the service's name",
        &[RENAMED],
        Rebuild::Services,
    );
    assert!(spliced(&live) > 0, "the service's pages are spliced");
    edit_and_compare(
        &mut live,
        root,
        "a topic's name",
        &[rename()],
        Rebuild::Topics,
    );
    assert_eq!(
        spliced(&live),
        topic_alone,
        "as many pages spliced after the cards' splice"
    );
}
