//! The directory of local support on fixture sites: pages, filters, sanitising, errors.

mod common;

use common::*;

/// Every service has its page, appears in the A to Z and on each filter page it belongs to.
#[test]
fn every_service_has_its_page_and_appears_in_a_to_z_and_its_filter_pages() {
    let site = scratch_copy("directory");
    build(site.path()).expect("directory site builds");
    let a_to_z = read_output(site.path(), "directory/a-z/index.html");
    let home = read_output(site.path(), "directory/index.html");
    for (id, filters) in [
        (
            "helpline",
            &[
                "category/helpline",
                "level/universal",
                "cost/free",
                "access/self-referral",
                "language/polish",
                "open/friday",
                "age/under-5",
            ][..],
        ),
        (
            "family-mediation",
            &[
                "category/mediation",
                "level/specialist",
                "cost/paid",
                "access/professional-referral",
                "language/english",
                "open/wednesday",
                "age/adults",
            ][..],
        ),
        (
            "unsafe-partner",
            &[
                "category/peer-support",
                "level/targeted",
                "cost/free",
                "access/drop-in",
                "open/saturday",
            ][..],
        ),
    ] {
        let link = format!("href=\"/directory/{id}/\"");
        read_output(site.path(), &format!("directory/{id}/index.html"));
        assert!(a_to_z.contains(&link), "{id} missing from the A to Z");
        assert!(home.contains(&link), "{id} missing from the directory home");
        for filter in filters {
            let page = read_output(site.path(), &format!("directory/{filter}/index.html"));
            assert!(page.contains(&link), "{id} missing from {filter}");
        }
    }
    let paid = read_output(site.path(), "directory/cost/paid/index.html");
    assert!(
        !paid.contains("href=\"/directory/helpline/\""),
        "a free service is on the paid page"
    );
    assert!(
        !site.path().join("public/directory/open/sunday").exists(),
        "a filter page with no services"
    );
}

#[test]
fn descriptions_with_scripts_handlers_and_javascript_links_render_inert() {
    let site = scratch_copy("directory");
    build(site.path()).unwrap();
    let html = read_output(site.path(), "directory/unsafe-partner/index.html");
    let description = html
        .split("<div class=\"prose\">")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .unwrap();
    for bad in [
        "<script",
        "alert(",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "style=",
        "<img",
    ] {
        assert!(
            !description.contains(bad),
            "`{bad}` survived in:\n{description}"
        );
    }
    assert!(description.contains(
        r#"<a href="https://example.org/safe" rel="noopener noreferrer nofollow">Safe link</a>"#
    ));
    insta::assert_snapshot!("directory_unsafe_description", description);
}

#[test]
fn service_page_and_directory_home_are_golden() {
    let site = scratch_copy("directory");
    build(site.path()).unwrap();
    insta::assert_snapshot!(
        "directory_service_page",
        read_output(site.path(), "directory/family-mediation/index.html")
    );
    insta::assert_snapshot!(
        "directory_home",
        read_output(site.path(), "directory/index.html")
    );
}

#[test]
fn self_help_pages_link_to_services_by_source_path_and_show_related_services() {
    let site = scratch_copy("directory");
    build(site.path()).unwrap();
    let page = read_output(site.path(), "self-help/arguments/index.html");
    assert!(page.contains(r#"href="/directory/family-mediation/""#));
    let related = page
        .split("related-services-title")
        .last()
        .expect("related services section");
    assert!(related.contains(r#"href="/directory/helpline/""#));
    let nav = read_output(site.path(), "index.html");
    assert!(
        nav.contains(r#"<a href="/directory/">Directory</a>"#),
        "the nav shows the directory"
    );
}

#[test]
fn service_errors_are_located() {
    insta::assert_snapshot!("directory_errors", build_errors("directory-errors"));
}

#[test]
fn sessions_show_related_services() {
    let site = scratch_copy("directory");
    build(site.path()).unwrap();
    let session = read_output(site.path(), "sessions/spring/arguments/index.html");
    let services = session
        .split("Services that can help")
        .nth(1)
        .expect("a related services section");
    assert!(
        services.contains(r#"href="/directory/helpline/""#),
        "{services}"
    );
    assert!(
        !services.contains(r#"href="/directory/family-mediation/""#),
        "mediation shares no topic"
    );
}

#[test]
fn service_pages_show_related_resources_by_shared_topic() {
    let site = scratch_copy("directory");
    build(site.path()).unwrap();
    let mediation = read_output(site.path(), "directory/family-mediation/index.html");
    let resources = mediation
        .split("Related resources")
        .nth(1)
        .expect("a related resources section");
    assert!(resources.contains("https://example.org/resources/separating-well"));
    assert!(
        !resources.contains("https://example.org/resources/money"),
        "no shared topic"
    );
}
