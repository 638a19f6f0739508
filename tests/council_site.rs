//! The second example site, `tests/sites/council/`: an invented council that shares nothing
//! with the Ealing example (hosted under /familyhub/, two weeks across the clock changes and
//! midnight, email-only and phone-only booking, hosts with Arabic and Chinese names, three
//! services and none of them targeted, a Welsh-named venue, partner text with mixed-case
//! payloads). It keeps the example from being the only truth: it must check clean, build the
//! same twice, and its key pages are reviewed snapshots of their `<main>`.

mod common;

use common::{read_output, read_tree, scratch_copy};
use hubsite::pipeline::BuildOptions;

/// 'Now' for this site: 1 March 2027, booking open for the spring fortnight.
const NOW: &str = "2027-03-01T09:00:00Z";

fn options(root: &std::path::Path) -> BuildOptions {
    BuildOptions {
        now: hubsite::model::time::parse_now(NOW).expect("valid now"),
        ..common::options(root)
    }
}

/// The `<main>` element of a page: what the page says, without the chrome every page shares.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html.find("</main>").expect("a closed <main>") + "</main>".len();
    &html[start..end]
}

#[test]
fn the_council_site_checks_clean_with_only_the_warnings_it_deserves() {
    let site = scratch_copy("council");
    let report = common::check(&options(site.path())).unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<String> = report.warnings.0.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!(warnings.join("\n"));
}

#[test]
fn the_council_site_builds_byte_identical_twice() {
    let (first, second) = (scratch_copy("council"), scratch_copy("council"));
    for site in [&first, &second] {
        hubsite::pipeline::run(
            &options(site.path()),
            hubsite::pipeline::Sink::Folder,
            None,
            &|_| {},
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(
        read_tree(&first.path().join("public")),
        read_tree(&second.path().join("public"))
    );
}

#[test]
fn key_pages_of_the_council_site() {
    let site = scratch_copy("council");
    hubsite::pipeline::run(
        &options(site.path()),
        hubsite::pipeline::Sink::Folder,
        None,
        &|_| {},
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for page in [
        "index.html",
        "self-help/talking-after-a-loss/index.html",
        "self-help/is-it-abuse/index.html",
        "sessions/spring-2027/index.html",
        "sessions/spring-2027/dads-breakfast/index.html",
        "sessions/spring-2027/talking-with-teenagers/index.html",
        "sessions/autumn-2027/night-listening/index.html",
        "directory/index.html",
        "directory/couples-counselling/index.html",
    ] {
        let html = read_output(site.path(), page);
        let name = page
            .trim_end_matches("/index.html")
            .trim_end_matches("index.html")
            .replace('/', "__");
        let name = if name.is_empty() {
            "home".to_owned()
        } else {
            name
        };
        insta::assert_snapshot!(format!("council_{name}"), main_of(&html));
    }
}
