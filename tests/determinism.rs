//! The same input and the same 'now' give byte-identical output, whatever the number of
//! threads and whatever order the file system lists the site's files in.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;

/// Builds `root` into `output` with the binary, on `threads` worker threads.
fn build_with_threads(root: &Path, output: &Path, threads: usize) {
    let out = Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .env("RAYON_NUM_THREADS", threads.to_string())
        .args(["build", "--now", NOW, "--root"])
        .arg(root)
        .arg("--output")
        .arg(output)
        .output()
        .expect("hubsite runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Copies a folder tree creating folders and files in reverse name order, so that file
/// systems which list entries in creation order list them backwards.
fn copy_tree_reversed(from: &Path, to: &Path) {
    let mut entries: Vec<_> = walkdir::WalkDir::new(from)
        .into_iter()
        .map(|e| e.expect("readable"))
        .collect();
    entries.sort_by(|a, b| b.path().cmp(a.path()));
    for entry in &entries {
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create folder");
        } else {
            fs::create_dir_all(target.parent().expect("has a folder")).expect("create folder");
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

fn assert_same_output_every_way(fixture_name: &str) {
    let scratch = tempfile::tempdir().unwrap();
    let (forward, backward) = (
        scratch.path().join("forward"),
        scratch.path().join("backward"),
    );
    copy_tree(&fixture(fixture_name), &forward);
    copy_tree_reversed(&fixture(fixture_name), &backward);
    let outputs = [
        (&forward, 1, "one-thread"),
        (&forward, 4, "four-threads"),
        (&backward, 4, "reversed-four-threads"),
        (&backward, 1, "reversed-one-thread"),
    ];
    let mut trees = Vec::new();
    for (root, threads, name) in outputs {
        let output = scratch.path().join(name);
        build_with_threads(root, &output, threads);
        trees.push((name, read_tree(&output)));
    }
    let (first_name, first) = &trees[0];
    assert!(first.len() > 5, "{fixture_name} published files");
    for (name, tree) in &trees[1..] {
        let paths =
            |t: &Vec<(String, Vec<u8>)>| t.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        assert_eq!(
            paths(tree),
            paths(first),
            "{name} and {first_name} publish different files"
        );
        for ((path, bytes), (_, first_bytes)) in tree.iter().zip(first) {
            assert!(
                bytes == first_bytes,
                "{path} differs between {name} and {first_name}"
            );
        }
    }
}

#[test]
fn programme_output_does_not_depend_on_threads_or_file_order() {
    assert_same_output_every_way("programme");
}

#[test]
fn minimal_output_does_not_depend_on_threads_or_file_order() {
    assert_same_output_every_way("minimal");
}
