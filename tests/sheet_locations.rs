//! A spreadsheet's problems in machine formats (issue 21): `hubsite import sessions
//! --format json` gives each problem's sheet and cell as fields of their own, and
//! `--format github` leads the annotation's message with them, as `FILE:Sheet!C7` does for
//! people.

mod common;

use std::path::Path;
use std::process::Output;

use common::*;

fn import(root: &Path, format: &str) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .current_dir(root)
        .args([
            "import",
            "sessions",
            "week.xlsx",
            "--week",
            "spring-2027",
            "--format",
            format,
        ])
        .output()
        .unwrap()
}

#[test]
fn json_gives_the_sheet_and_cell_of_a_workbook_problem() {
    let site = scratch_copy("council");
    workbook_with_a_number_for_a_date(&site.path().join("week.xlsx"), "Week 1");
    let out = import(site.path(), "json");
    assert!(!out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout.lines().next().expect("one problem a line");
    let problem: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(problem["file"], "week.xlsx", "{line}");
    assert_eq!(problem["sheet"], "Week 1", "{line}");
    assert_eq!(problem["cell"], "B2", "{line}");
    assert_eq!(problem["line"], serde_json::Value::Null, "{line}");
    assert_eq!(problem["code"], "E1003", "{line}");
    assert_eq!(
        problem["message"], "`46469` is a number, not a date",
        "{line}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nothing was imported"), "{stderr}");
}

#[test]
fn github_annotations_lead_with_the_sheet_and_cell() {
    let site = scratch_copy("council");
    workbook_with_a_number_for_a_date(&site.path().join("week.xlsx"), "Week 1");
    let out = import(site.path(), "github");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("::error file=week.xlsx,title=hubsite E1003"),
        "{stdout}"
    );
    assert!(
        stdout.contains("::'Week 1'!B2: `46469` is a number, not a date"),
        "{stdout}"
    );
}

#[test]
fn people_still_read_file_sheet_and_cell_together() {
    let site = scratch_copy("council");
    workbook_with_a_number_for_a_date(&site.path().join("week.xlsx"), "Week 1");
    let out = import(site.path(), "human");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("week.xlsx:'Week 1'!B2: `46469` is a number, not a date [E1003]"),
        "{stderr}"
    );
}
