//! The Open Referral UK export: its shape against the published ORUK schemas (validated by
//! tests/oruk_validate.py with Python's jsonschema), golden output, and every service in it.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// Validates `public/directory/oruk/` of a built site; panics with every problem found.
fn validate_export(root: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oruk_validate.py");
    let output = Command::new("python3")
        .arg(&script)
        .arg(root.join("public/directory/oruk"))
        .output()
        .expect("python3 runs (./scripts/test installs jsonschema)");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the ORUK export does not validate:\n{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn fixture_export_validates_against_the_oruk_schemas() {
    let site = scratch_copy("directory");
    build(site.path()).unwrap();
    validate_export(site.path());
}

#[test]
fn example_site_export_validates_and_lists_every_service() {
    let site = example_site();
    build(site.path()).expect("the example directory builds");
    validate_export(site.path());
    let services: Vec<_> = std::fs::read_dir(site.path().join("content/directory"))
        .unwrap()
        .collect();
    assert!(
        services.len() >= 20,
        "the example has twenty or more services"
    );
    let mut listed = 0;
    for page in 1.. {
        let path = site
            .path()
            .join(format!("public/directory/oruk/services/page-{page}.json"));
        let Ok(text) = std::fs::read_to_string(path) else {
            break;
        };
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        listed += value["contents"].as_array().unwrap().len();
        assert_eq!(value["total_items"], services.len());
    }
    assert_eq!(listed, services.len(), "every service is in the paged list");
    let csv = read_output(site.path(), "directory/directory.csv");
    assert_eq!(
        csv.lines().count(),
        services.len() + 1,
        "one CSV row per service"
    );
}

/// The built fixture site and the first page of its services list, as text and as JSON.
fn built_fixture_first_page() -> (tempfile::TempDir, String, serde_json::Value) {
    let site = scratch_copy("directory");
    build(site.path()).unwrap();
    let page = read_output(site.path(), "directory/oruk/services/page-1.json");
    let value = serde_json::from_str(&page).unwrap();
    (site, page, value)
}

#[test]
fn export_is_golden() {
    let (site, page, value) = built_fixture_first_page();
    let id = value["contents"][0]["id"].as_str().unwrap().to_owned();
    insta::assert_snapshot!(
        "oruk_root",
        read_output(site.path(), "directory/oruk/index.json")
    );
    insta::assert_snapshot!("oruk_services_page", page);
    insta::assert_snapshot!(
        "oruk_service_full",
        read_output(site.path(), &format!("directory/oruk/services/{id}.json"))
    );
    insta::assert_snapshot!(
        "oruk_csv",
        read_output(site.path(), "directory/directory.csv")
    );
}

#[test]
fn exported_descriptions_are_sanitised() {
    let (_site, _, value) = built_fixture_first_page();
    for item in value["contents"].as_array().unwrap() {
        let description = item["description"].as_str().unwrap_or_default();
        assert!(
            !description.contains("<script") && !description.contains("javascript:"),
            "{description}"
        );
    }
}

/// `services-full.json` of a built site, parsed back into the service's own files: the dump
/// is written service by service as each is made (bounded memory), and must stay byte for
/// byte the page envelope of every service's own file.
fn assert_dump_is_every_service_file_in_one_envelope(root: &Path) {
    let dump = read_output(root, "directory/oruk/services-full.json");
    let value: serde_json::Value = serde_json::from_str(&dump).unwrap();
    let contents: Vec<serde_json::Value> = value["contents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|service| {
            let id = service["id"].as_str().unwrap();
            let own = read_output(root, &format!("directory/oruk/services/{id}.json"));
            serde_json::from_str(&own).unwrap()
        })
        .collect();
    assert!(!contents.is_empty(), "the site exports services");
    let total = contents.len();
    let expected = hubsite::output::oruk::page_envelope(contents, 1, 1, total, total);
    let mut expected = serde_json::to_string_pretty(&expected).unwrap();
    expected.push('\n');
    assert_eq!(dump, expected);
}

#[test]
fn the_full_dump_is_every_service_file_in_one_envelope_byte_for_byte() {
    let site = example_site();
    build(site.path()).unwrap();
    assert_dump_is_every_service_file_in_one_envelope(site.path());
    let council = scratch_copy("council");
    build(council.path()).unwrap();
    assert_dump_is_every_service_file_in_one_envelope(council.path());
}
