//! Bad input, as busy organisers, partners and imports produce it: every case gives located
//! errors (snapshotted as the user sees them), exit status 1, and the previous `public/`
//! exactly as it was. Each case starts from a good build of the `minimal` fixture, then lays
//! the files of `tests/sites/hostile/<case>/` over it, or changes it at run time for what git
//! does not store well (symbolic links, non-UTF-8 bytes, very large files).

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;

/// Runs `hubsite build` on `root` at the fixed 'now'.
fn run_build(root: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(["build", "--now", NOW, "--root"])
        .arg(root)
        .output()
        .expect("hubsite runs")
}

/// Builds the minimal site, applies `change`, builds again, and checks that the second build
/// failed with status 1, left `public/` byte for byte as the first build wrote it, and left no
/// staging folder behind. Returns what the user sees on stderr.
fn refused(change: impl FnOnce(&Path)) -> String {
    let site = scratch_copy("minimal");
    let first = run_build(site.path());
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = read_tree(&site.path().join("public"));
    change(site.path());
    let second = run_build(site.path());
    let stderr = String::from_utf8_lossy(&second.stderr).into_owned();
    assert_eq!(
        second.status.code(),
        Some(1),
        "the build should fail: {stderr}"
    );
    assert!(
        read_tree(&site.path().join("public")) == before,
        "public/ changed after a failed build"
    );
    assert_eq!(
        staging_folders(site.path()),
        Vec::<String>::new(),
        "staging folders left behind"
    );
    stderr
}

/// Builds the minimal site after `change` and expects success.
fn accepted(change: impl FnOnce(&Path)) -> tempfile::TempDir {
    let site = scratch_copy("minimal");
    change(site.path());
    let out = run_build(site.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    site
}

/// Lays `tests/sites/hostile/<case>/` over the site.
fn overlay(case: &str) -> impl FnOnce(&Path) {
    let from = fixture("hostile").join(case);
    move |root: &Path| copy_tree(&from, root)
}

/// One test per overlay case, named after the case, snapshotting what the user sees.
macro_rules! hostile_case {
    ($name:ident, $case:literal) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(refused(overlay($case)));
        }
    };
}

hostile_case!(wrong_types_are_located, "wrong-types");
hostile_case!(malformed_toml_is_located, "malformed-toml");
hostile_case!(duplicate_addresses_and_topics_are_refused, "duplicates");
hostile_case!(
    climbing_template_names_and_links_are_refused,
    "climbing-paths"
);
hostile_case!(an_empty_page_is_refused, "empty-page");
hostile_case!(an_empty_config_is_refused, "empty-config");
hostile_case!(an_empty_session_file_is_refused, "empty-session");
hostile_case!(
    a_template_extending_a_missing_parent_is_refused,
    "template-missing-parent"
);
hostile_case!(
    a_template_with_an_unknown_filter_is_refused,
    "template-unknown-filter"
);

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_refused() {
    insta::assert_snapshot!(refused(|root| {
        std::os::unix::fs::symlink("..", root.join("content/guides/loop")).unwrap();
    }));
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_is_refused() {
    let stderr = refused(|root| {
        std::os::unix::fs::symlink("nowhere.md", root.join("content/guides/gone.md")).unwrap();
    });
    assert!(stderr.starts_with("content/guides/gone.md: "), "{stderr}");
}

#[test]
fn files_that_are_not_utf8_are_located() {
    insta::assert_snapshot!(refused(|root| {
        fs::create_dir_all(root.join("sessions/week")).unwrap();
        fs::write(
            root.join("sessions/week/week.toml"),
            "name = \"Week\"\nstart_date = 2024-03-25\nend_date = 2024-03-31\n",
        )
        .unwrap();
        fs::write(
            root.join("sessions/week/latin1.toml"),
            b"title = \"Caf\xe9 chat\"\n",
        )
        .unwrap();
        fs::write(
            root.join("content/topics.toml"),
            b"[[topic]]\nslug = \"x\"\nname = \"\xff\xfe\"\n",
        )
        .unwrap();
    }));
}

#[test]
fn a_config_that_is_not_utf8_is_located() {
    insta::assert_snapshot!(refused(|root| {
        fs::write(
            root.join("hubsite.toml"),
            b"title = \"Caf\xe9\"\nbase_url = \"https://example.org\"\n",
        )
        .unwrap();
    }));
}

#[test]
fn a_ten_megabyte_page_builds() {
    let site = accepted(|root| {
        let paragraph = "Talking helps. ".repeat(60) + "\n\n";
        let body = paragraph.repeat(10 * 1024 * 1024 / paragraph.len() + 1);
        fs::write(
            root.join("content/guides/huge.md"),
            format!("+++\ntitle = \"Huge\"\n+++\n{body}"),
        )
        .unwrap();
    });
    let html = read_output(site.path(), "guides/huge/index.html");
    assert!(html.len() > 10 * 1024 * 1024, "the whole page is published");
}

#[test]
fn a_ten_megabyte_file_without_front_matter_is_located() {
    let stderr = refused(|root| {
        fs::write(
            root.join("content/guides/noise.md"),
            "x".repeat(10 * 1024 * 1024),
        )
        .unwrap();
    });
    insta::assert_snapshot!(stderr);
}

#[test]
fn ten_thousand_nested_block_quotes_and_lists_do_not_overflow_the_stack() {
    let site = accepted(|root| {
        let quotes = ">".repeat(10_000) + " deep\n";
        fs::write(
            root.join("content/guides/quotes.md"),
            format!("+++\ntitle = \"Quotes\"\n+++\n{quotes}"),
        )
        .unwrap();
        let lists: String = (0..10_000)
            .map(|depth| format!("{}- item\n", "  ".repeat(depth)))
            .collect();
        fs::write(
            root.join("content/guides/lists.md"),
            format!("+++\ntitle = \"Lists\"\n+++\n{lists}"),
        )
        .unwrap();
        let brackets = "[".repeat(10_000) + "x" + &"](/guides/)".repeat(10_000);
        fs::write(
            root.join("content/guides/links.md"),
            format!("+++\ntitle = \"Links\"\n+++\n{brackets}\n"),
        )
        .unwrap();
    });
    assert!(read_output(site.path(), "guides/quotes/index.html").contains("deep"));
    assert!(read_output(site.path(), "guides/lists/index.html").contains("item"));
}
