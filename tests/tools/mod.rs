//! Outside tools some tests need (node, Chromium, chromedriver, python3, npm packages).
//!
//! `./scripts/test` installs every one of them before `cargo test` runs, so there a test never
//! skips. Elsewhere a test whose tool is missing:
//! - **fails** when `CI=true` (a CI run that skipped the browser would pass without one);
//! - otherwise **skips, visibly**: it says so on stderr (shown with `--nocapture`) and adds a
//!   line to `target/tmp/skipped-tests.txt`, which `./scripts/test` prints after the run
//!   (libtest swallows a passing test's stderr, so that line is where a human sees it).

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where skips are recorded for `./scripts/test` to print.
pub fn skip_log() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("skipped-tests.txt")
}

/// Whether `program --version` runs.
pub fn runs(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether this is a CI run (`CI=true`, as CI services and `.ci/run` set it).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// `true` when every program in `programs` runs and every path in `files` (relative to the
/// repository) exists; otherwise fails the test under CI, or records a visible skip and
/// returns `false`. `test` names the test in the message.
pub fn require(test: &str, programs: &[&str], files: &[&str]) -> bool {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing: Vec<String> = programs
        .iter()
        .filter(|p| !runs(p))
        .map(|p| p.to_string())
        .collect();
    missing.extend(
        files
            .iter()
            .filter(|f| !root.join(f).exists())
            .map(|f| f.to_string()),
    );
    if missing.is_empty() {
        return true;
    }
    let message = format!(
        "{test}: {} missing; ./scripts/test installs it",
        missing.join(", ")
    );
    assert!(
        !in_ci(),
        "{message} (CI=true: a missing tool fails the test)"
    );
    eprintln!("SKIPPED {message}");
    if let Ok(mut log) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(skip_log())
    {
        let _ = writeln!(log, "{message}");
    }
    false
}

/// Runs `node --test <script>` (a path from the repository's root) with `env`, and returns
/// its report; fails the test, showing the report, unless every test in the script passed and
/// there were `passes` of them (so that a script that ran nothing cannot pass).
pub fn node_test(script: &str, env: &[(&str, &std::ffi::OsStr)], passes: usize) -> String {
    let output = std::process::Command::new("node")
        .args(["--test", script])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .envs(env.iter().copied())
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "node --test {script} failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        report.contains(&format!("# pass {passes}\n")) && report.contains("# fail 0"),
        "{report}"
    );
    report
}
