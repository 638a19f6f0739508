//! A build killed at any moment (`kill -9`) never leaves a broken or empty `public/`: the
//! folder holds either the previous complete output or the new complete output, and the next
//! build clears the killed build's staging folder and succeeds.

mod common;

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Pages in the generated site: enough that writing takes a while.
const PAGES: usize = 2000;
/// How many builds are killed.
const KILLS: u64 = 6;

/// Writes a site of `PAGES` small pages whose home page says `edition`.
fn generate_site(root: &Path, edition: &str) {
    fs::create_dir_all(root.join("content/notes")).unwrap();
    fs::write(
        root.join("hubsite.toml"),
        "title = \"Large Hub\"\nbase_url = \"https://hub.example.org\"\n",
    )
    .unwrap();
    fs::write(
        root.join("content/_index.md"),
        format!("+++\ntitle = \"Large Hub\"\n+++\nEdition {edition}.\n"),
    )
    .unwrap();
    fs::write(
        root.join("content/notes/_index.md"),
        "+++\ntitle = \"Notes\"\n+++\n",
    )
    .unwrap();
    for n in 0..PAGES {
        let body = format!("## Note {n}\n\nTalking helps, edition {edition}. ").repeat(20);
        fs::write(
            root.join(format!("content/notes/note-{n:04}.md")),
            format!("+++\ntitle = \"Note {n}\"\n+++\n{body}\n"),
        )
        .unwrap();
    }
}

fn build_command(root: &Path, output: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hubsite"));
    command
        .args(["build", "--now", NOW, "--root"])
        .arg(root)
        .arg("--output")
        .arg(output);
    command.stdout(Stdio::null()).stderr(Stdio::null());
    command
}

/// A fingerprint of a folder: every path and the hash of its bytes.
fn fingerprint(dir: &Path) -> Vec<(String, u64)> {
    read_tree(dir)
        .into_iter()
        .map(|(path, bytes)| {
            let mut hasher = DefaultHasher::new();
            bytes.hash(&mut hasher);
            (path, hasher.finish())
        })
        .collect()
}

/// Spread-out, repeatable moments in (0, 1): no clock or random source in the choice.
fn moment(kill: u64) -> f64 {
    let scrambled = kill.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17) % 1000;
    (kill as f64 + scrambled as f64 / 1000.0) / KILLS as f64
}

#[test]
fn killing_a_build_at_any_moment_leaves_a_complete_output() {
    let dir = tempfile::tempdir().unwrap();
    let (site, public, expected) = (
        dir.path().join("site"),
        dir.path().join("public"),
        dir.path().join("expected"),
    );
    generate_site(&site, "one");
    assert!(build_command(&site, &public).status().unwrap().success());
    let previous = fingerprint(&public);
    assert!(previous.len() > PAGES, "the first build wrote every page");

    generate_site(&site, "two");
    let started = Instant::now();
    assert!(build_command(&site, &expected).status().unwrap().success());
    let full_build = started.elapsed();
    let next = fingerprint(&expected);
    assert_ne!(previous, next);

    for kill in 0..KILLS {
        let mut child = build_command(&site, &public).spawn().unwrap();
        std::thread::sleep(Duration::from_secs_f64(
            full_build.as_secs_f64() * moment(kill),
        ));
        let _ = child.kill(); // SIGKILL on Unix: no chance to clean up.
        let _ = child.wait();
        let now = fingerprint(&public);
        assert!(
            now == previous || now == next,
            "public/ was neither output after kill {kill}"
        );
    }

    assert!(
        build_command(&site, &public).status().unwrap().success(),
        "a build after the kills succeeds"
    );
    assert_eq!(fingerprint(&public), next);
    assert_eq!(
        staging_folders(dir.path()),
        Vec::<String>::new(),
        "killed builds' staging folders are cleared"
    );
}
