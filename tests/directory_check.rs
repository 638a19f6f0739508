//! `hubsite check` on the directory: stale entries, entries without contact details and
//! services no page links to are warnings, located, that do not fail the check.

mod common;

use std::fs;

use common::*;

#[test]
fn stale_unreachable_and_unlinked_services_are_warnings() {
    let site = scratch_copy("directory");
    let report = common::check(&options(site.path())).expect("warnings do not fail the check");
    insta::assert_snapshot!("directory_check_warnings", report.warnings.to_string());
}

#[test]
fn the_stale_limit_comes_from_hubsite_toml() {
    let site = scratch_copy("directory");
    let config = site.path().join("hubsite.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        format!("{text}\n[directory]\nstale_after_months = 120\n"),
    )
    .unwrap();
    let report = common::check(&options(site.path())).unwrap();
    assert!(
        !report.warnings.to_string().contains("last reviewed"),
        "{}",
        report.warnings
    );
    fs::write(
        &config,
        format!("{text}\n[directory]\nstale_after_month = 1\n"),
    )
    .unwrap();
    let error = common::check(&options(site.path()))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("hubsite.toml:") && error.contains("unknown field"),
        "{error}"
    );
}
