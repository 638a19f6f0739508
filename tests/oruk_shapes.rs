//! `hubsite import oruk` on the Open Referral UK profile's own examples, as a new user tries
//! them (issue 21, item 3): a bad location is left out and said, not the whole service;
//! services at locations and organisations with services are imported; organisations alone
//! and taxonomies are named as what they are; a missing file says why once.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use hubsite::import::{ImportOptions, import_oruk};

fn site() -> tempfile::TempDir {
    let site = scratch_copy("directory");
    fs::remove_dir_all(site.path().join("content/directory")).unwrap();
    // Its self-help pages link to the fixture's own services.
    fs::remove_dir_all(site.path().join("content/self-help")).unwrap();
    site
}

#[test]
fn a_location_with_a_bad_postcode_is_left_out_and_said_not_the_whole_service() {
    let site = site();
    let report = import_example(site.path(), "service_full.json").expect("imports");
    assert_eq!(
        report.created,
        ["content/directory/community-counselling.toml"],
        "{report:?}"
    );
    assert!(
        report.notes.iter().any(|n| n.contains(
            "left out the location MyCity Civic Center: `ABC 1234` is not a UK postcode"
        )),
        "{report:?}"
    );
    build(site.path()).expect("the imported service builds");
}

#[test]
fn services_at_locations_and_organisations_with_services_are_imported() {
    for name in ["service_at_location_full.json", "organization_full.json"] {
        let site = site();
        let report = import_example(site.path(), name).expect("imports");
        assert_eq!(report.created.len(), 1, "{name}: {report:?}");
        assert!(report.skipped.is_empty(), "{name}: {report:?}");
    }
}

#[test]
fn organisations_alone_and_taxonomies_are_named_as_what_they_are() {
    let site = site();
    for (name, says) in [
        (
            "organization_list.json",
            "a list of organisations without their services",
        ),
        (
            "taxonomy_term_list.json",
            "a taxonomy (or its terms), not services",
        ),
    ] {
        let error = import_example(site.path(), name).unwrap_err().to_string();
        assert!(error.contains(says), "{name}: {error}");
    }
    assert!(
        !site.path().join("content/directory").exists(),
        "nothing written"
    );
}

#[test]
fn a_missing_file_says_why_once() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(["import", "oruk", "no-such-feed.json", "--root"])
        .arg(common::fixture("directory"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The cause, in words and with the system's number, said once.
    assert_eq!(stderr.matches("does not exist").count(), 1, "{stderr}");
    assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
}

/// Each field of the profile's full service example a family needs, and where it shows (or,
/// where hubsite has no place for it, that the report names it).
#[test]
fn the_full_service_example_keeps_what_families_need_and_names_the_rest() {
    let site = site();
    let report = import_example(site.path(), "service_full.json").expect("imports");
    build(site.path()).expect("builds");
    let page = read_output(site.path(), "directory/community-counselling/index.html");
    for (field, shown) in [
        ("cost_options amount", "£35"),
        ("cost_options option", "Under 18s and Over 60s"),
        ("cost_options amount_description", "per 1 hour session"),
        ("schedules description", "not available on public holidays"),
        ("schedules notes", "lunch break"),
        ("schedules attending_type (remote)", "Online"),
        ("minimum_age", "12"),
        ("service_areas", "residents of the MyCity area"),
        (
            "alert",
            "Please note:</strong> Following COVID-19 we have moved",
        ),
        ("accreditations", "accredited by the BASC, UKCP"),
        (
            "contacts name, title",
            "Ask for: Ann Persona, Reception Manager",
        ),
    ] {
        assert!(
            page.contains(shown),
            "{field}: `{shown}` is not on the page"
        );
    }
    let file = fs::read_to_string(
        site.path()
            .join("content/directory/community-counselling.toml"),
    )
    .unwrap();
    assert!(
        file.contains("level = \"specialist\""),
        "counselling is specialist: {file}"
    );
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("not carried") && n.contains("funding (")),
        "funding, which has no place, is named in the report: {:?}",
        report.notes
    );
}

#[test]
fn a_forced_reimport_keeps_what_an_organiser_added_that_the_feed_does_not_carry() {
    let site = site();
    import_example(site.path(), "service_full.json").expect("imports");
    let path = site
        .path()
        .join("content/directory/community-counselling.toml");
    let edited = fs::read_to_string(&path).unwrap().replace(
        "summary = \"Counselling Services",
        "referral = \"Ask your GP, or call us.\"\nsummary = \"Our counselling Services",
    );
    fs::write(&path, &edited).unwrap();
    let report = import_example(site.path(), "service_full.json").expect("imports");
    assert_eq!(report.skipped.len(), 1, "left alone without --force");
    let forced = import_oruk(&ImportOptions {
        root: site.path().to_path_buf(),
        file: oruk_example("service_full.json"),
        force: true,
    })
    .expect("imports");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("referral = \"Ask your GP, or call us.\""),
        "{text}"
    );
    assert!(
        text.contains("summary = \"Counselling Services"),
        "the feed's: {text}"
    );
    assert!(
        forced
            .notes
            .iter()
            .any(|n| n.contains("kept from your edits, as the feed does not carry them: referral")),
        "{:?}",
        forced.notes
    );
    // The merged file is the import's own: a later import keeps the organiser's field.
    let again = import_example(site.path(), "service_full.json").expect("imports");
    assert_eq!(again.unchanged.len(), 1, "{again:?}");
    build(site.path()).expect("builds");
}

/// The new fields (notice, accreditations, a named contact) go out in hubsite's own export
/// and come back from it.
#[test]
fn a_notice_accreditations_and_a_named_contact_survive_export_and_import_example() {
    let first = site();
    import_example(first.path(), "service_full.json").expect("imports");
    build(first.path()).expect("builds");
    let second = site();
    import_oruk(&ImportOptions {
        root: second.path().to_path_buf(),
        file: first
            .path()
            .join("public/directory/oruk/services-full.json"),
        force: false,
    })
    .expect("imports the export");
    let table = |root: &Path| -> toml::Table {
        fs::read_to_string(root.join("content/directory/community-counselling.toml"))
            .unwrap()
            .parse()
            .unwrap()
    };
    let (a, b) = (table(first.path()), table(second.path()));
    for key in ["notice", "accreditations", "contact"] {
        assert!(a.contains_key(key), "{key}");
        assert_eq!(a.get(key), b.get(key), "{key}");
    }
}
