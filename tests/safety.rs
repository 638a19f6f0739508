//! Family safety (issue 18): sensitivity is a fact of content, every sensitive page kind shows
//! 'Exit this page' and 'Get help now', related lists never suggest joint work on sensitive
//! subjects, explicit lists replace the automatic ones and are checked.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{build_errors, fixture};
use hubsite::load::LoadOptions;
use hubsite::model::related::SERVICES_SHOWN;
use hubsite::model::relations::suggest_services;
use hubsite::model::service::ServiceIndex;
use hubsite::model::{ById, PageKind, Site};
use hubsite::output::Contents;
use hubsite::pipeline::BuildOptions;

/// For each subject (a page, session or topic, by name), the services it is offered:
/// (id, a safety service, joint work).
type Suggestions = Vec<(String, Vec<(String, bool, bool)>)>;

/// What a test needs of a built site: the services each domestic abuse subject is offered (id,
/// safety, joint work), and every HTML page by its site path.
struct Built {
    suggestions: Suggestions,
    html: BTreeMap<String, String>,
}

fn build(root: &Path, now: &str) -> Built {
    let options = BuildOptions {
        root: root.to_path_buf(),
        load: LoadOptions::default(),
        drafts: false,
        now: hubsite::model::time::parse_now(now).expect("now"),
    };
    let built = common::check(&options).expect("the site builds");
    // The model, for the services each page suggests: the same stages `run` starts with.
    let sources = hubsite::load::load_site(&options.root, &options.load).expect("the site loads");
    let model = hubsite::model::ModelOptions {
        drafts: false,
        now: options.now,
    };
    let (site, _) = hubsite::model::build_site(&sources, &model).expect("the model builds");
    let suggestions = domestic_abuse_suggestions(&site, &built.output);
    let html = built
        .output
        .files
        .iter()
        .filter(|f| f.path.ends_with("index.html"))
        .filter_map(|f| match &f.contents {
            Contents::Bytes(bytes) => Some((
                format!("/{}", f.path.trim_end_matches("index.html")),
                String::from_utf8_lossy(bytes).into_owned(),
            )),
            _ => None,
        })
        .collect();
    Built { suggestions, html }
}

/// The services offered on every page, session and topic about domestic abuse.
fn domestic_abuse_suggestions(site: &Site, _: &hubsite::output::Output) -> Suggestions {
    let topic = site
        .topics
        .list
        .with_ids()
        .find(|(_, t)| t.slug.as_str() == "domestic-abuse")
        .map(|(id, _)| id)
        .expect("the topic");
    let offered = |chosen: &[ServiceIndex]| -> Vec<(String, bool, bool)> {
        chosen
            .iter()
            .map(|&n| &site.services[n])
            .map(|s| (s.id.to_string(), s.safety, s.joint_work))
            .collect()
    };
    let mut found = Vec::new();
    for page in site
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Page && p.topics.contains(&topic))
    {
        found.push((page.url.to_string(), offered(&page.related_lists.services)));
    }
    for session in site.sessions.iter().filter(|s| s.topics.contains(&topic)) {
        found.push((
            session.url.to_string(),
            offered(&session.related_lists.services),
        ));
    }
    let suggested = suggest_services(
        &site.services,
        &[topic],
        site.topics.list[topic].sensitivity,
        SERVICES_SHOWN,
    );
    found.push(("the domestic-abuse topic".to_owned(), offered(&suggested)));
    found
}

fn example() -> Built {
    build(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        "2027-03-01T10:00:00Z",
    )
}

fn council() -> Built {
    build(&fixture("council"), "2027-03-01T10:00:00Z")
}

fn page<'a>(built: &'a Built, path: &str) -> &'a str {
    built
        .html
        .get(path)
        .unwrap_or_else(|| panic!("{path} is published"))
}

/// The 'Services that can help' list of a page, as links.
fn services_listed(html: &str) -> Vec<&str> {
    let Some(start) = html.find("Services that can help</h2>") else {
        return Vec::new();
    };
    let rest = &html[start + 1..];
    let end = [rest.find("<h2"), rest.find("</section>")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
    let section = &rest[..end];
    section
        .split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

#[test]
fn the_examples_domestic_abuse_pages_never_suggest_joint_work_and_put_the_safety_service_first() {
    let built = example();
    assert!(
        built
            .suggestions
            .iter()
            .any(|(at, _)| at == "/self-help/domestic-abuse/"),
        "{:?}",
        built.suggestions
    );
    assert!(
        built
            .suggestions
            .iter()
            .filter(|(at, _)| at.starts_with("/sessions/"))
            .count()
            >= 2,
        "sessions about it are checked"
    );
    for (at, offered) in &built.suggestions {
        assert!(
            offered.first().is_some_and(|(_, safety, _)| *safety),
            "{at}: the safety service comes first: {offered:?}"
        );
        assert!(
            !offered.iter().any(|(_, _, joint)| *joint),
            "{at}: joint work suggested: {offered:?}"
        );
    }
    let listed = services_listed(page(&built, "/self-help/domestic-abuse/"));
    assert_eq!(
        listed.first(),
        Some(&"/directory/domestic-abuse-support/"),
        "{listed:?}"
    );
    for joint in [
        "family-mediation",
        "couple-counselling",
        "parents-as-partners",
        "online-relationship-course",
    ] {
        assert!(
            !listed.iter().any(|l| l.contains(joint)),
            "{joint} listed: {listed:?}"
        );
    }
}

#[test]
fn is_it_abuse_suggests_the_abuse_service_and_not_couples_counselling() {
    let built = council();
    let listed = services_listed(page(&built, "/self-help/is-it-abuse/"));
    assert!(
        listed
            .iter()
            .any(|l| l.ends_with("/directory/northmoor-domestic-abuse-service/")),
        "{listed:?}"
    );
    assert!(
        !listed.iter().any(|l| l.contains("couples-counselling")),
        "{listed:?}"
    );
    let offered = &built
        .suggestions
        .iter()
        .find(|(at, _)| at == "/self-help/is-it-abuse/")
        .expect("the page")
        .1;
    assert_eq!(
        offered.first().map(|(id, ..)| id.as_str()),
        Some("northmoor-domestic-abuse-service")
    );
}

fn assert_safe(built: &Built, path: &str) {
    let html = page(built, path);
    assert!(
        html.contains("data-exit-this-page"),
        "{path} has no exit control"
    );
    assert!(
        html.contains("class=\"help-now\""),
        "{path} has no 'Get help now' box"
    );
}

#[test]
fn every_sensitive_page_kind_of_the_example_shows_the_exit_control_and_help_now() {
    let built = example();
    // exit_sections is self-help and directory: each of these is sensitive by its content.
    for path in [
        "/topics/domestic-abuse/",
        "/sessions/2027/topic/domestic-abuse/",
        "/resources/topic/domestic-abuse/",
        "/sessions/2027/healthy-relationships-for-young-people/",
    ] {
        assert_safe(&built, path);
    }
    assert!(
        page(&built, "/search/").contains("data-exit-this-page"),
        "the search page always has it"
    );
    // Ordinary pages outside those sections stay as they were.
    for path in [
        "/topics/money-worries/",
        "/sessions/2027/",
        "/sessions/2027/topic/teenagers/",
        "/resources/",
    ] {
        assert!(
            !page(&built, path).contains("data-exit-this-page"),
            "{path} is not sensitive"
        );
    }
}

#[test]
fn every_sensitive_page_kind_of_the_council_shows_the_exit_control_and_help_now() {
    let built = council();
    // exit_sections is only self-help: services and directory filters are sensitive by content.
    for path in [
        "/self-help/is-it-abuse/",
        "/topics/domestic-abuse/",
        "/directory/northmoor-domestic-abuse-service/",
        "/directory/category/domestic-abuse/",
        "/directory/level/specialist/",
    ] {
        assert_safe(&built, path);
    }
    for path in [
        "/directory/northmoor-family-centre/",
        "/directory/category/counselling/",
        "/topics/bereavement/",
    ] {
        assert!(
            !page(&built, path).contains("data-exit-this-page"),
            "{path} is not sensitive"
        );
    }
}

#[test]
fn explicit_lists_replace_the_automatic_ones_and_may_name_joint_work() {
    let built = build(&fixture("related"), common::NOW);
    let abuse = page(&built, "/self-help/abuse/");
    assert_eq!(
        services_listed(abuse),
        ["/directory/abuse-line/", "/directory/couples/"]
    );
    assert!(
        abuse.contains("https://example.org/talking"),
        "the listed resource"
    );
    // An ordinary page: joint work may be suggested.
    let talking = services_listed(page(&built, "/self-help/talking/"));
    assert!(
        talking.contains(&"/directory/couples/") && talking.contains(&"/directory/mediation/"),
        "{talking:?}"
    );
    // A sensitive session with automatic lists: the safety service first, no joint work.
    let session = services_listed(page(&built, "/sessions/spring/safe-at-home/"));
    assert_eq!(session, ["/directory/abuse-line/", "/directory/chat/"]);
    // A service's own related pages.
    assert!(page(&built, "/directory/abuse-line/").contains("href=\"/self-help/abuse/\""));
}

#[test]
fn check_warns_when_a_sensitive_pages_list_has_no_safety_service() {
    let options = BuildOptions {
        root: fixture("related"),
        load: LoadOptions::default(),
        drafts: false,
        now: hubsite::model::time::parse_now(common::NOW).expect("now"),
    };
    let report = common::check(&options).expect("the site checks");
    let warnings: Vec<String> = report
        .warnings
        .0
        .iter()
        .map(|w| format!("{}: {}", w.path.display(), w.message))
        .collect();
    assert_eq!(
        warnings,
        [
            "content/self-help/unsafe-list.md: this page is about a sensitive topic but lists no specialist safety service"
        ]
    );
}

#[test]
fn unknown_related_entries_are_located_with_near_matches() {
    insta::assert_snapshot!(build_errors("related-errors"));
}
