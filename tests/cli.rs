//! The command line as a user meets it: exit codes and what is printed.

use std::process::Command;

mod common;

fn hubsite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hubsite"))
}

#[test]
fn build_prints_a_summary_and_check_succeeds() {
    let site = common::scratch_copy("minimal");
    let out = hubsite()
        .args(["build", "--now", common::NOW, "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Built "));
    let out = hubsite()
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success());
}

#[test]
fn a_broken_site_exits_non_zero_with_located_errors() {
    let site = common::scratch_copy("many-errors");
    let out = hubsite()
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/_index.md:3:11: unknown topic `nope`"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("the output folder was left as it was\n"),
        "{stderr}"
    );
}

#[test]
fn source_date_epoch_is_the_default_now() {
    let site = common::scratch_copy("minimal");
    let out = hubsite()
        .env("SOURCE_DATE_EPOCH", "not-a-number")
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH"));
}
