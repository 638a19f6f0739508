//! `hubsite import oruk`: importing the export reproduces the directory; running it twice
//! changes nothing; files edited by hand are left alone unless forced; skips are explained.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use hubsite::import::{ImportOptions, ImportReport, import_oruk};

fn import(root: &Path, file: &Path, force: bool) -> ImportReport {
    import_oruk(&ImportOptions {
        root: root.to_path_buf(),
        file: file.to_path_buf(),
        force,
    })
    .expect("import runs")
}

/// A site with the example's topics (and its languages, which their Welsh needs) and an empty
/// directory.
fn empty_site(topics_from: &Path) -> tempfile::TempDir {
    let site = scratch_copy("directory");
    fs::remove_dir_all(site.path().join("content/directory")).unwrap();
    fs::remove_dir_all(site.path().join("content/self-help")).unwrap();
    for file in ["content/topics.toml", "hubsite.toml"] {
        fs::copy(topics_from.join(file), site.path().join(file)).unwrap();
    }
    site
}

/// Every file of the ORUK export and the CSV, by path.
fn export_of(root: &Path) -> Vec<(String, Vec<u8>)> {
    read_tree(&root.join("public/directory"))
        .into_iter()
        .filter(|(p, _)| p.starts_with("oruk/") || p.ends_with(".csv"))
        .collect()
}

#[test]
fn importing_the_example_export_reproduces_an_equivalent_directory() {
    let example = example_site();
    build(example.path()).expect("example directory builds");
    let dump = example
        .path()
        .join("public/directory/oruk/services-full.json");
    let site = empty_site(example.path());
    let report = import(site.path(), &dump, false);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let originals: Vec<_> = read_tree(&example.path().join("content/directory"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let imported: Vec<_> = read_tree(&site.path().join("content/directory"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(imported, originals, "the same files");
    build(site.path()).expect("the imported directory builds");
    assert!(
        export_of(site.path()) == export_of(example.path()),
        "the imported directory exports the same ORUK data"
    );
    for (path, _) in read_tree(&example.path().join("public/directory"))
        .iter()
        .filter(|(p, _)| p.ends_with("index.html"))
    {
        assert_eq!(
            read_output(site.path(), &format!("directory/{path}")),
            read_output(example.path(), &format!("directory/{path}")),
            "{path}"
        );
    }
}

#[test]
fn importing_twice_changes_nothing_and_hand_edits_survive_unless_forced() {
    let example = example_site();
    build(example.path()).unwrap();
    let dump = example
        .path()
        .join("public/directory/oruk/services-full.json");
    let site = empty_site(example.path());
    let first = import(site.path(), &dump, false);
    let before = read_tree(&site.path().join("content/directory"));
    let second = import(site.path(), &dump, false);
    assert_eq!(second.unchanged.len(), first.created.len());
    assert!(second.created.is_empty() && second.updated.is_empty() && second.skipped.is_empty());
    assert_eq!(read_tree(&site.path().join("content/directory")), before);

    let edited = site.path().join("content/directory/money-advice.toml");
    let text = fs::read_to_string(&edited)
        .unwrap()
        .replace("Money and debt advice", "Money advice (edited)");
    fs::write(&edited, &text).unwrap();
    let third = import(site.path(), &dump, false);
    assert_eq!(third.skipped.len(), 1);
    assert!(
        third.skipped[0].reason.contains("edited by hand"),
        "{}",
        third.skipped[0].reason
    );
    assert_eq!(
        fs::read_to_string(&edited).unwrap(),
        text,
        "a hand-edited file is kept"
    );
    let forced = import(site.path(), &dump, true);
    assert_eq!(
        forced.updated,
        vec!["content/directory/money-advice.toml".to_owned()]
    );
}

#[test]
fn services_that_cannot_be_imported_are_reported_with_reasons() {
    let example = example_site();
    let site = empty_site(example.path());
    let file = site.path().join("feed.json");
    fs::write(
        &file,
        r#"{"contents": [
            {"id": "a", "name": "No date", "description": "Counselling for all.", "status": "active"},
            {"id": "b", "name": "Bad postcode counselling", "status": "active", "assured_date": "2024-01-01",
             "service_at_locations": [{"id": "s", "location": {"id": "l", "location_type": "physical", "name": "Hall",
               "addresses": [{"address_1": "1 Road", "city": "Town", "postal_code": "NOPE"}]}}]},
            {"id": "c", "name": "Unknown kind", "status": "active", "assured_date": "2024-01-01"},
            {"id": "d", "name": "Community counselling", "status": "active", "assured_date": "2024-01-01"}
        ]}"#,
    )
    .unwrap();
    let report = import(site.path(), &file, false);
    let reasons: Vec<String> = report
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.name, s.reason))
        .collect();
    insta::assert_snapshot!(
        "import_skipped",
        format!(
            "{}\ncreated: {:?}\nnotes: {:?}",
            reasons.join("\n"),
            report.created,
            report.notes
        )
    );
}

#[test]
fn hostile_shapes_are_skipped_or_imported_inside_the_directory_folder() {
    let example = example_site();
    let site = empty_site(example.path());
    let file = site.path().join("feed.json");
    let counselling = r#""assured_date": "2024-01-01", "attributes": [{"taxonomy_term": {"taxonomy": "hubsite-category", "term": "counselling"}}]"#;
    let nested = format!("{}1{}", "[".repeat(100), "]".repeat(100));
    fs::write(
        &file,
        format!(
            r#"[
            null, 7, "a string", [],
            {{"name": 5}},
            {{"name": "...", {counselling}}},
            {{"name": "../../../etc/passwd", {counselling}, "hubsite": {{"id": "../../escape"}}}},
            {{"name": "/absolute/path", {counselling}, "hubsite": {{"id": "/tmp/x"}}}},
            {{"name": "Wrong types", "description": {{}}, "fees": 3, "languages": "English", "schedules": [null, {{"byday": 1}}],
              "service_at_locations": 7, "contacts": [{{"phones": "01632"}}], "minimum_age": 1e300, "maximum_age": -1,
              "cost_options": [{{"amount": "free"}}], {counselling}}},
            {{"name": "Nested", "description": {nested}, {counselling}}}
        ]"#,
        ),
    )
    .unwrap();
    let report = import(site.path(), &file, false);
    let written: Vec<String> = read_tree(&site.path().join("content/directory"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        written,
        [
            "absolute-path.toml",
            "etc-passwd.toml",
            "nested.toml",
            "wrong-types.toml"
        ],
        "{report:?}"
    );
    assert_eq!(report.skipped.len(), 6, "{:?}", report.skipped);
    build(site.path()).expect("what was imported builds");
    let too_deep = site.path().join("deep.json");
    fs::write(
        &too_deep,
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .unwrap();
    let error = import_oruk(&ImportOptions {
        root: site.path().to_path_buf(),
        file: too_deep,
        force: false,
    })
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("deep.json: not JSON: recursion limit exceeded"),
        "{error}"
    );
}
