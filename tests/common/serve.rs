//! Helpers shared by the `serve` tests: edits written to a site on disk, the batch the watcher
//! would hand over, and the check after each edit that it was rebuilt the expected way and that
//! what is served equals a fresh full build byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use hubsite::serve::watch::Batch;
use hubsite::serve::{LiveSite, Rebuild};

use super::{assert_served_equals_full_build, options, scratch_copy};

/// What an edit does to one file.
pub enum Change {
    /// Replace the first `from` with `to`.
    Replace(&'static str, &'static str, &'static str),
    /// Write a new file.
    Write(&'static str, &'static str),
    /// Delete a file.
    Remove(&'static str),
    /// Move a file.
    Rename(&'static str, &'static str),
}

/// One edit (one batch of changes) and how it must be rebuilt.
pub struct Edit {
    pub name: &'static str,
    pub changes: &'static [Change],
    pub how: Rebuild,
}

/// The batch the watcher hands over for `paths` (a configuration change when it names
/// `hubsite.toml`).
pub fn batch<P: AsRef<Path>>(paths: &[P]) -> Batch {
    Batch {
        paths: paths.iter().map(|p| p.as_ref().to_path_buf()).collect(),
        config: paths
            .iter()
            .any(|p| p.as_ref() == Path::new("hubsite.toml")),
        ..Batch::default()
    }
}

/// Replaces the first `from` in the file at `path` (under `root`) with `to`; fails if the
/// file has no `from`.
pub fn edit(root: &Path, path: &str, from: &str, to: &str) {
    let file = root.join(path);
    let text = fs::read_to_string(&file).expect("file to edit");
    assert!(text.contains(from), "{path} has no {from:?}");
    fs::write(&file, text.replacen(from, to, 1)).expect("write");
}

/// Writes `text` to the file at `path` (under `root`), making its folders.
pub fn write(root: &Path, path: &str, text: &str) {
    let file = root.join(path);
    fs::create_dir_all(file.parent().expect("in a folder")).expect("folder");
    fs::write(file, text).expect("write");
}

/// Makes `changes` to the site at `root`; the paths they touch. `step` names the edit in
/// failures (a `Replace` whose `from` is not in the file fails).
pub fn make_changes(root: &Path, step: &str, changes: &[Change]) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for change in changes {
        match *change {
            Change::Replace(path, from, to) => {
                let text = fs::read_to_string(root.join(path)).expect("file to edit");
                assert!(text.contains(from), "{step}: {path} has no {from:?}");
                edit(root, path, from, to);
                paths.push(PathBuf::from(path));
            }
            Change::Write(path, text) => {
                write(root, path, text);
                paths.push(PathBuf::from(path));
            }
            Change::Remove(path) => {
                fs::remove_file(root.join(path)).expect("remove");
                paths.push(PathBuf::from(path));
            }
            Change::Rename(from, to) => {
                fs::rename(root.join(from), root.join(to)).expect("rename");
                paths.push(PathBuf::from(from));
                paths.push(PathBuf::from(to));
            }
        }
    }
    paths
}

/// Makes `changes` to the site `live` serves from `root`, hands them over as one batch, and
/// checks that the site was rebuilt `how` and equals a fresh full build.
pub fn edit_and_compare(
    live: &mut LiveSite,
    root: &Path,
    step: &str,
    changes: &[Change],
    how: Rebuild,
) {
    let paths = make_changes(root, step, changes);
    live.update(&batch(&paths));
    // Checked first: a rebuild that fails leaves the last one's way in place.
    assert_eq!(live.shared().current().errors, None, "{step}");
    assert_eq!(live.last_rebuild(), Some(how), "{step}");
    assert_served_equals_full_build(live, root, step);
}

/// Serves the site at `root`, then makes each of `edits` in turn, comparing after each.
pub fn run_edits_at(root: &Path, edits: &[Edit]) {
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    for edit in edits {
        edit_and_compare(&mut live, root, edit.name, edit.changes, edit.how);
    }
}

/// [`run_edits_at`] on a scratch copy of fixture `fixture`.
pub fn run_edits(fixture: &str, edits: &[Edit]) {
    let site = scratch_copy(fixture);
    run_edits_at(site.path(), edits);
}

/// A scratch copy of the example site itself (the repository's `content/`, `sessions/`,
/// `themes/` and `hubsite.toml`): English and Welsh, with resources and a directory.
pub fn example_copy() -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("scratch folder");
    let (repo, root) = (Path::new(env!("CARGO_MANIFEST_DIR")), site.path());
    for folder in ["content", "sessions", "themes"] {
        super::copy_tree(&repo.join(folder), &root.join(folder));
    }
    fs::copy(repo.join("hubsite.toml"), root.join("hubsite.toml")).expect("configuration");
    site
}
