//! Publishing anywhere (issue 25): an output folder that is a mount point, a full disk, and
//! I/O errors that say their cause once; a build that fails after its pages were written to
//! the staging folder (issue 23, item 4) publishes nothing.
//!
//! The mount tests need root (CI runs as root) and mount a tmpfs, which they always unmount;
//! elsewhere they say why they did not run, and the same paths are shown by a simulated
//! failing swap and full disk (the `FaultyDisk` tests here and in `src/write.rs`). Under
//! `CI=true` a mount that cannot be made fails the test rather than skipping it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hubsite::pipeline::{Sink, Stage, run};
use hubsite::write::{Fault, FaultyDisk, IN_PLACE_STAGING, NoSwap, Published, write_output_to};

fn hubsite(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1709542800")
        .output()
        .expect("hubsite runs")
}

/// A tmpfs mounted for one test, unmounted when dropped (also when the test fails).
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// Mounts a tmpfs of `size` (as `mount -o size=` reads it) at `at`; `None`, saying why,
    /// where this machine cannot (not root, no mount permission), unless under CI.
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        fs::create_dir_all(at).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .output();
        match status {
            Ok(out) if out.status.success() => Some(Tmpfs(at.to_path_buf())),
            other => {
                let why = match other {
                    Ok(out) => String::from_utf8_lossy(&out.stderr).into_owned(),
                    Err(e) => e.to_string(),
                };
                assert!(
                    std::env::var("CI").as_deref() != Ok("true"),
                    "CI runs as root and must mount a tmpfs: {why}"
                );
                eprintln!("skipped: cannot mount a tmpfs here ({why})");
                None
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Entries beside `folder` whose names say a build staged them.
fn staged_beside(folder: &Path) -> Vec<String> {
    let name = folder.file_name().unwrap().to_string_lossy().into_owned();
    fs::read_dir(folder.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.hubsite-")))
        .collect()
}

#[test]
fn the_example_site_publishes_into_a_tmpfs_mount_point() {
    let scratch = tempfile::tempdir().unwrap();
    let public = scratch.path().join("public");
    let Some(_mount) = Tmpfs::mount(&public, "64m") else {
        return;
    };
    let root = repo().to_string_lossy().into_owned();
    let output = public.to_string_lossy().into_owned();
    for round in ["first", "second"] {
        let out = hubsite(&["build", "--root", &root, "--output", &output]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{round} build: {stderr}");
        assert_eq!(
            stderr.matches("could not be swapped").count(),
            1,
            "{round} build says so once: {stderr}"
        );
        assert!(stderr.contains("mount point"), "{stderr}");
        assert!(public.join("index.html").is_file());
        assert!(public.join("404.html").is_file());
        assert!(!public.join(IN_PLACE_STAGING).exists());
        assert!(staged_beside(&public).is_empty(), "{round} build");
    }
}

#[test]
fn a_mount_point_is_built_in_memory_and_nothing_is_written_beside_it() {
    let scratch = tempfile::tempdir().unwrap();
    let public = scratch.path().join("public");
    let Some(_mount) = Tmpfs::mount(&public, "64m") else {
        return;
    };
    let site = common::scratch_copy("council");
    let mut options = common::options(site.path());
    options.load.overrides.output_dir = Some(public.clone());
    // Pages are not streamed into a folder beside a mount point (its parent may be read-only,
    // a bind-mounted working copy): at the write stage nothing is there.
    let beside = std::cell::RefCell::new(Vec::new());
    let progress = |stage: Stage| {
        if let Stage::Write(_) = stage {
            *beside.borrow_mut() = staged_beside(&public);
        }
    };
    run(&options, Sink::Folder, None, &progress).expect("it builds");
    assert!(beside.borrow().is_empty(), "{:?}", beside.borrow());
    assert!(public.join("index.html").is_file());
    assert!(staged_beside(&public).is_empty());
}

#[test]
fn a_full_disk_leaves_the_previous_output_and_nothing_staged() {
    let site = common::scratch_copy("council");
    // How much the council site takes, in the pages a tmpfs counts.
    let measure = tempfile::tempdir().unwrap();
    let measured = measure.path().join("public");
    let mut options = common::options(site.path());
    options.load.overrides.output_dir = Some(measured.clone());
    let built = run(&options, Sink::Memory, None, &|_| {}).unwrap();
    let pages: u64 = built
        .output
        .files
        .iter()
        .map(|f| {
            let len = match &f.contents {
                hubsite::output::Contents::Bytes(b) => b.len() as u64,
                hubsite::output::Contents::Asset(hubsite::load::AssetSource::Embedded(b)) => {
                    b.len() as u64
                }
                hubsite::output::Contents::Asset(hubsite::load::AssetSource::Disk(p)) => {
                    fs::metadata(p).unwrap().len()
                }
                hubsite::output::Contents::Written(page) => page.len as u64,
            };
            len.div_ceil(4096).max(1)
        })
        .sum();
    // Room for one copy of the site, not two: the second build's staging cannot fit.
    let disk = site.path().join("disk");
    let size = format!("{}k", (pages + pages / 2) * 4);
    let Some(_mount) = Tmpfs::mount(&disk, &size) else {
        return;
    };
    let public = disk.join("public");
    let root = site.path().to_string_lossy().into_owned();
    let output = public.to_string_lossy().into_owned();
    let first = hubsite(&["build", "--root", &root, "--output", &output]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = common::read_tree(&public);
    fs::write(
        site.path().join("content/self-help/new-guide.md"),
        "+++\ntitle = \"A new guide\"\n+++\nNew.\n",
    )
    .unwrap();
    let second = hubsite(&["build", "--root", &root, "--output", &output]);
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(!second.status.success(), "{stderr}");
    assert_eq!(stderr.matches("os error 28").count(), 1, "{stderr}");
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert!(stderr.contains("free some space"), "{stderr}");
    assert!(
        stderr.ends_with("the output folder was left as it was\n"),
        "{stderr}"
    );
    assert!(
        common::read_tree(&public) == before,
        "the output is as it was"
    );
    assert!(staged_beside(&public).is_empty(), "nothing staged is left");
}

#[test]
fn a_mount_point_simulated_publishes_the_council_site_file_by_file() {
    let site = common::scratch_copy("council");
    let public = site.path().join("public");
    let built = run(&common::options(site.path()), Sink::Memory, None, &|_| {}).unwrap();
    // EBUSY (a mount point) on the first build, EXDEV (another file system) on the second.
    for errno in [16, 18] {
        let disk = FaultyDisk::new(Fault::Swap { errno });
        let published = write_output_to(&built.output, &public, site.path(), &disk).unwrap();
        assert!(matches!(published, Published::InPlace(NoSwap::Refused(_))));
        let written = common::read_tree(&public);
        let names: Vec<&str> = written.iter().map(|(path, _)| path.as_str()).collect();
        let wanted: Vec<&str> = built.output.files.iter().map(|f| f.path.as_str()).collect();
        let mut expected = wanted.clone();
        expected.push(hubsite::write::MARKER_FILE);
        expected.sort();
        assert_eq!(names, expected);
        assert!(staged_beside(&public).is_empty());
    }
}

#[test]
fn a_missing_import_file_prints_its_cause_once() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path().to_string_lossy().into_owned();
    let out = hubsite(&["import", "oruk", "no-such-file.json", "--root", &root]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("cannot read no-such-file.json: it does not exist"),
        "{stderr}"
    );
}

#[test]
fn a_new_site_has_a_workflow_that_checks_pull_requests_and_publishes_main() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    hubsite::scaffold::create_site(&root).unwrap();
    let workflow = fs::read_to_string(root.join(".github/workflows/hubsite.yml")).unwrap();
    assert!(!workflow.contains('\t'), "YAML is indented with spaces");
    for needed in [
        "pull_request:",
        "branches: [main]",
        "hubsite check --format github",
        "pages: write",
        "id-token: write",
        "actions/upload-pages-artifact",
        "path: public",
        "actions/deploy-pages",
        "--base-url \"${{ steps.pages.outputs.base_url }}/\"",
    ] {
        assert!(workflow.contains(needed), "{needed} in:\n{workflow}");
    }
    // Publishing runs only on main, never for a pull request.
    let publish = workflow.split("  publish:").nth(1).unwrap();
    assert!(publish.contains("github.event_name != 'pull_request'"));
    assert!(publish.contains("needs: check"));
}

#[test]
fn a_build_failing_after_its_pages_were_staged_leaves_public_and_keeps_the_previous_output() {
    let site = common::scratch_copy("council");
    let options = common::options(site.path());
    // Two builds: the second leaves the first's output beside `public/` as the next staging
    // folder, which the failing build then writes its pages into.
    run(&options, Sink::Folder, None, &|_| {}).expect("it builds");
    run(&options, Sink::Folder, None, &|_| {}).expect("it builds again");
    let public = site.path().join("public");
    assert!(
        !staged_beside(&public).is_empty(),
        "the previous output is kept"
    );
    let before = common::read_tree(&public);
    // A page whose own template links to a page the site does not publish: only the verdict,
    // which reads every page's links after every page was rendered and written, finds it.
    fs::create_dir_all(site.path().join("templates")).unwrap();
    fs::write(
        site.path().join("templates/dead-end.html"),
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><title>{{ page.title }}</title></head>\
         <body><a href=\"/familyhub/no-such-page/\">Nowhere</a></body></html>\n",
    )
    .unwrap();
    fs::write(
        site.path().join("content/dead-end.md"),
        "+++\ntitle = \"Dead end\"\nsummary = \"A page with a link to nowhere.\"\ntemplate = \"dead-end.html\"\n+++\nText.\n",
    )
    .unwrap();
    let rendered = std::cell::Cell::new(false);
    let written = std::cell::Cell::new(false);
    let progress = |stage: Stage| match stage {
        Stage::Render(_) => rendered.set(true),
        Stage::Write(_) => written.set(true),
        _ => {}
    };
    let error = run(&options, Sink::Folder, None, &progress)
        .expect_err("the dead link fails the build")
        .to_string();
    assert!(
        rendered.get() && !written.get(),
        "it fails after render, before write"
    );
    assert!(
        error.contains("no-such-page/, which is not published [E0601]"),
        "{error}"
    );
    let checked = common::check(&options)
        .expect_err("check agrees")
        .to_string();
    assert_eq!(error, checked, "the same problems as a build in memory");
    assert!(common::read_tree(&public) == before, "public/ is as it was");
    // The folder beside it stays, as the previous output (partly brought up to date), so that
    // the next build rewrites only what changed; nothing else is left there.
    assert_eq!(
        staged_beside(&public),
        vec![".public.hubsite-previous".to_owned()]
    );
    assert!(common::staging_folders(site.path()).is_empty());
    // Fixed, the next build publishes the page.
    fs::remove_file(site.path().join("templates/dead-end.html")).unwrap();
    fs::write(
        site.path().join("content/dead-end.md"),
        "+++\ntitle = \"Dead end\"\nsummary = \"A page with a link to nowhere.\"\n+++\nText.\n",
    )
    .unwrap();
    run(&options, Sink::Folder, None, &|_| {}).expect("it builds");
    assert!(public.join("dead-end/index.html").is_file());
    // What it published from the partly updated folder is what a build into a new folder makes.
    let fresh = tempfile::tempdir().unwrap();
    let mut into_new = options.clone();
    into_new.load.overrides.output_dir = Some(fresh.path().join("public"));
    run(&into_new, Sink::Folder, None, &|_| {}).expect("it builds into a new folder");
    assert!(common::read_tree(&public) == common::read_tree(&fresh.path().join("public")));
}
