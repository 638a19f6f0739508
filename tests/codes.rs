//! Error codes, `hubsite explain` and the field reference in the binary (issue 17 items 3, 4).

use std::process::{Command, Output};

use hubsite::diag::Code;

mod common;

fn hubsite(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every problem and warning `check` reports for the error fixtures carries a known code.
#[test]
fn every_problem_of_every_error_fixture_has_a_code() {
    let sites = std::fs::read_dir(common::fixture("")).unwrap();
    let mut checked = 0;
    for site in sites {
        let path = site.unwrap().path();
        let out = hubsite(&[
            "check",
            "--format",
            "json",
            "--now",
            common::NOW,
            "--root",
            path.to_str().unwrap(),
        ]);
        let lines = stdout(&out);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("bad-") {
            assert!(!out.status.success() && !lines.is_empty(), "{name}");
        }
        for line in lines.lines() {
            let json: serde_json::Value = serde_json::from_str(line).unwrap();
            let code = json["code"]
                .as_str()
                .unwrap_or_else(|| panic!("{name}: {line}"));
            let code = Code::parse(code).unwrap_or_else(|| panic!("{name}: unknown {code}"));
            let warning = json["severity"] == "warning";
            assert_eq!(code.is_warning(), warning, "{name}: {line}");
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} problems checked");
}

#[test]
fn the_human_report_shows_the_code_after_the_place_and_message() {
    let out = hubsite(&[
        "check",
        "--root",
        common::fixture("unknown-field").to_str().unwrap(),
    ]);
    let report = String::from_utf8_lossy(&out.stderr);
    let line = report
        .lines()
        .find(|l| l.contains("unknown field"))
        .unwrap();
    assert!(line.ends_with(" [E0102]"), "{line}");
    assert!(
        line.split(':').nth(1).unwrap().parse::<usize>().is_ok(),
        "{line}"
    );
}

#[test]
fn explain_prints_a_codes_page_and_lists_every_code() {
    let out = hubsite(&["explain", "e0102"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(
        page.starts_with("E0102: A field hubsite does not know\n"),
        "{page}"
    );
    assert!(page.contains("Wrong:\n    sumary") && page.contains("Right:\n    summary"));

    let list = stdout(&hubsite(&["explain"]));
    assert_eq!(list.lines().count(), Code::ALL.len());
    for code in Code::ALL {
        assert!(
            list.contains(&format!("{code}  {}", code.title())),
            "{code}"
        );
    }
}

#[test]
fn explain_an_unknown_code_fails_and_names_the_near_ones() {
    let out = hubsite(&["explain", "E0112"]);
    assert!(!out.status.success());
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(error.contains("`E0112` is not a hubsite code"), "{error}");
    assert!(
        error.contains("E0102  A field hubsite does not know"),
        "{error}"
    );
}

#[test]
fn help_content_prints_the_content_model_or_one_kind_of_file() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content-model.md"),
    )
    .unwrap();
    let whole = hubsite(&["help", "content"]);
    assert!(whole.status.success());
    assert_eq!(stdout(&whole), doc);
    assert_eq!(stdout(&hubsite(&["explain", "content"])), doc);

    let session = stdout(&hubsite(&["help", "content", "session"]));
    assert!(session.starts_with("## A session"), "{session}");
    assert!(doc.contains(&session));
    assert!(!session.contains("## A service"));

    let unknown = hubsite(&["help", "content", "wek"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("week, session"));

    let build = stdout(&hubsite(&["help", "build"]));
    assert!(build.contains("--format"), "{build}");
}
