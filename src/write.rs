//! Stage 5, write: puts the output on disk. The only stage that writes.
//!
//! The site is written into a folder beside the output folder and swapped in only when every
//! file is written, so a failed or interrupted build never leaves a broken or empty output
//! folder. On Linux the swap is one atomic `renameat2(RENAME_EXCHANGE)`.
//!
//! The swapped-out output is kept beside the new one as `.public.hubsite-previous` and is
//! where the next build writes: only files whose bytes changed are rewritten, stale ones are
//! removed, and unchanged ones keep their inode and modification time (so `rsync` and
//! deploy tools see only real changes). Rebuilding a large site then costs what changed, not
//! the creation and deletion of every file. It is safe to delete at any time.
//!
//! hubsite only ever deletes inside folders it made itself (they carry [`MARKER_FILE`]).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;
use crate::load::AssetSource;
use crate::output::{Contents, Output};

/// A file placed in every output folder, so that hubsite can tell its own folders from others.
pub const MARKER_FILE: &str = ".hubsite-output";

/// Writes `output` to `output_dir`, replacing what was there only once everything is written.
pub fn write_output(output: &Output, output_dir: &Path, site_root: &Path) -> Result<(), Error> {
    let output_dir = absolute(output_dir)?;
    check_output_dir(&output_dir, site_root)?;
    let parent = output_dir
        .parent()
        .ok_or_else(|| unsafe_output(&output_dir, "it has no parent folder"))?;
    fs::create_dir_all(parent).map_err(|e| Error::io("cannot create", parent, e))?;
    let _turn = wait_for_turn(parent)?;
    remove_stale_staging(&output_dir);
    let staging = previous_output_path(&output_dir);
    claim_staging(&staging)?;
    // On failure the staging folder stays: it is marked as ours, public/ is untouched, and
    // the next build brings it up to date like any other.
    sync_folder(output, &staging)?;
    swap_in(&staging, &output_dir)?;
    mark_previous_output(&staging);
    Ok(())
}

/// Refuses output folders whose replacement would destroy something that is not hubsite's.
pub fn check_output_dir(output_dir: &Path, site_root: &Path) -> Result<(), Error> {
    let output = canonical_or_self(output_dir);
    let root = canonical_or_self(site_root);
    if output.parent().is_none() {
        return Err(unsafe_output(
            output_dir,
            "it is the root of the file system",
        ));
    }
    if root.starts_with(&output) {
        return Err(unsafe_output(
            output_dir,
            "it is the site folder or contains it",
        ));
    }
    if std::env::var_os("HOME").is_some_and(|home| canonical_or_self(Path::new(&home)) == output) {
        return Err(unsafe_output(output_dir, "it is your home folder"));
    }
    if output.is_file() {
        return Err(unsafe_output(output_dir, "it is a file"));
    }
    if output.is_dir() && !is_ours_or_empty(&output) {
        return Err(unsafe_output(
            output_dir,
            "it holds files hubsite did not write; empty it yourself or choose another --output",
        ));
    }
    Ok(())
}

fn unsafe_output(path: &Path, reason: &str) -> Error {
    Error::UnsafeOutput {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    }
}

fn absolute(path: &Path) -> Result<PathBuf, Error> {
    std::path::absolute(path).map_err(|e| Error::io("cannot resolve", path, e))
}

fn canonical_or_self(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn is_ours_or_empty(path: &Path) -> bool {
    path.join(MARKER_FILE).exists()
        || fs::read_dir(path)
            .map(|mut entries| entries.next().is_none())
            .unwrap_or(false)
}

/// Two builds writing beside the same output folder take turns: they would otherwise write
/// into the same staging folder at once. The lock is released when the process ends.
fn wait_for_turn(parent: &Path) -> Result<fs::File, Error> {
    let folder = fs::File::open(parent).map_err(|e| Error::io("cannot open", parent, e))?;
    rustix::fs::flock(&folder, rustix::fs::FlockOperation::LockExclusive)
        .map_err(|e| Error::io("cannot lock", parent, e.into()))?;
    Ok(folder)
}

/// `.public.hubsite-previous` beside `public`: the staging folder, which holds the previous
/// output between builds.
fn previous_output_path(output_dir: &Path) -> PathBuf {
    sibling(output_dir, "previous")
}

/// `.public.hubsite-{kind}` beside `public`.
fn sibling(output_dir: &Path, kind: &str) -> PathBuf {
    let name = output_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    output_dir.with_file_name(format!(".{name}.hubsite-{kind}"))
}

/// Removes staging folders left by builds that were killed or by earlier versions (named
/// `.public.hubsite-new-PID` and the like); only folders named and marked as ours.
fn remove_stale_staging(output_dir: &Path) {
    let (Some(parent), Some(name)) = (output_dir.parent(), output_dir.file_name()) else {
        return;
    };
    let prefix = format!(".{}.hubsite-", name.to_string_lossy());
    let keep = previous_output_path(output_dir);
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) || entry.path() == keep {
            continue;
        }
        if entry.path().join(MARKER_FILE).exists() {
            remove_own_folder(&entry.path());
        } else {
            // A build killed between creating its folder and writing the marker leaves it
            // empty; remove_dir removes only an empty folder, so nothing else is at risk.
            let _ = fs::remove_dir(entry.path());
        }
    }
}

/// Removes a folder hubsite wrote, its marker last: a removal killed half way through leaves
/// either a folder that still carries the marker or an empty one, and the next build can tell
/// both are its own and finish the job.
fn remove_own_folder(path: &Path) {
    if let Ok(entries) = fs::read_dir(path) {
        for entry in entries.flatten() {
            if entry.file_name() == MARKER_FILE {
                continue;
            }
            let _ = match entry.file_type() {
                Ok(kind) if kind.is_dir() => fs::remove_dir_all(entry.path()),
                _ => fs::remove_file(entry.path()),
            };
        }
    }
    let _ = fs::remove_file(path.join(MARKER_FILE));
    let _ = fs::remove_dir(path);
}

/// Makes sure the staging folder exists and is ours, marker first, so that a folder left by
/// a killed build is recognised as ours.
fn claim_staging(staging: &Path) -> Result<(), Error> {
    match fs::symlink_metadata(staging) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir(staging).map_err(|e| Error::io("cannot create", staging, e))?;
        }
        Err(e) => return Err(Error::io("cannot read", staging, e)),
        Ok(found) if !found.is_dir() => return Err(unsafe_output(staging, "it is not a folder")),
        Ok(_) if !is_ours_or_empty(staging) => {
            return Err(unsafe_output(
                staging,
                "it holds files hubsite did not write; move them away",
            ));
        }
        Ok(_) => {}
    }
    fs::write(staging.join(MARKER_FILE), b"").map_err(|e| Error::io("cannot write", staging, e))
}

/// What is already in a folder, by path relative to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Folder,
    File {
        len: u64,
    },
    /// A symbolic link or anything else hubsite never writes: replaced, never followed.
    Other,
}

fn found_in(root: &Path) -> Result<HashMap<PathBuf, Found>, Error> {
    let mut found = HashMap::new();
    for entry in walkdir::WalkDir::new(root).min_depth(1) {
        let entry = entry.map_err(|e| Error::io("cannot read", root, e.into()))?;
        let kind = entry.file_type();
        let what = if kind.is_dir() {
            Found::Folder
        } else if kind.is_file() {
            Found::File {
                len: entry
                    .metadata()
                    .map_err(|e| Error::io("cannot read", entry.path(), e.into()))?
                    .len(),
            }
        } else {
            Found::Other
        };
        let relative = entry
            .path()
            .strip_prefix(root)
            .expect("walkdir stays inside its root");
        found.insert(relative.to_path_buf(), what);
    }
    Ok(found)
}

/// Makes `root` hold exactly `output` (and the marker), touching only what differs.
fn sync_folder(output: &Output, root: &Path) -> Result<(), Error> {
    let found = found_in(root)?;
    let files: BTreeSet<&Path> = output.files.iter().map(|f| Path::new(&f.path)).collect();
    let folders: BTreeSet<&Path> = files
        .iter()
        .flat_map(|file| file.ancestors().skip(1))
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    remove_unwanted(root, &found, |path, what| match what {
        Found::Folder => folders.contains(path),
        Found::File { .. } => files.contains(path) || path == Path::new(MARKER_FILE),
        Found::Other => false,
    })?;
    // BTreeSet order puts every folder after its parent.
    for folder in &folders {
        if found.get(*folder) != Some(&Found::Folder) {
            let path = root.join(folder);
            fs::create_dir(&path).map_err(|e| Error::io("cannot create", &path, e))?;
        }
    }
    output.files.par_iter().try_for_each(|file| {
        let known = match found.get(Path::new(&file.path)) {
            Some(Found::File { len }) => Some(*len),
            _ => None,
        };
        write_if_changed(&file.contents, &root.join(&file.path), known)
    })
}

fn remove_unwanted(
    root: &Path,
    found: &HashMap<PathBuf, Found>,
    wanted: impl Fn(&Path, Found) -> bool,
) -> Result<(), Error> {
    let mut unwanted: Vec<(&PathBuf, Found)> = found
        .iter()
        .filter(|(path, what)| !wanted(path, **what))
        .map(|(path, what)| (path, *what))
        .collect();
    unwanted.sort_by(|a, b| a.0.cmp(b.0));
    for (path, what) in unwanted {
        let path = root.join(path);
        let removed = match what {
            Found::Folder => fs::remove_dir_all(&path),
            _ => fs::remove_file(&path),
        };
        match removed {
            // Already gone with a folder removed before it.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            other => other.map_err(|e| Error::io("cannot remove", &path, e))?,
        }
    }
    Ok(())
}

/// Writes `contents` to `target` unless the file there (of `known_len` bytes) already holds them.
fn write_if_changed(
    contents: &Contents,
    target: &Path,
    known_len: Option<u64>,
) -> Result<(), Error> {
    let bytes: Cow<[u8]> = match contents {
        Contents::Bytes(bytes) => Cow::Borrowed(bytes),
        Contents::Asset(AssetSource::Embedded(bytes)) => Cow::Borrowed(bytes),
        Contents::Asset(AssetSource::Disk(source)) => {
            Cow::Owned(fs::read(source).map_err(|e| Error::io("cannot read", source, e))?)
        }
    };
    if known_len == Some(bytes.len() as u64) && fs::read(target).is_ok_and(|old| old == *bytes) {
        return Ok(());
    }
    fs::write(target, &bytes).map_err(|e| Error::io("cannot write", target, e))
}

/// Puts the staging folder in the output folder's place; the staging path then holds the
/// previous output (or nothing, after a first build).
fn swap_in(staging: &Path, output_dir: &Path) -> Result<(), Error> {
    if fs::symlink_metadata(output_dir).is_err() {
        return fs::rename(staging, output_dir)
            .map_err(|e| Error::io("cannot move into place", output_dir, e));
    }
    if exchange(staging, output_dir).is_ok() {
        return Ok(());
    }
    let old = sibling(output_dir, &format!("old-{}", std::process::id()));
    fs::rename(output_dir, &old).map_err(|e| Error::io("cannot move aside", output_dir, e))?;
    fs::rename(staging, output_dir)
        .map_err(|e| Error::io("cannot move into place", output_dir, e))?;
    if fs::rename(&old, staging).is_err() {
        remove_own_folder(&old);
    }
    Ok(())
}

/// Marks the folder holding the previous output as ours and hides it from git, whose
/// ignore files written before this folder existed would otherwise list it.
fn mark_previous_output(previous: &Path) {
    if previous.is_dir() {
        let _ = fs::write(previous.join(MARKER_FILE), b"");
        let _ = fs::write(previous.join(".gitignore"), b"*\n");
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_root_the_site_and_its_parents() {
        let site = tempfile::tempdir().unwrap();
        assert!(check_output_dir(Path::new("/"), site.path()).is_err());
        assert!(check_output_dir(site.path(), site.path()).is_err());
        assert!(check_output_dir(site.path().parent().unwrap(), site.path()).is_err());
        assert!(check_output_dir(&site.path().join("public"), site.path()).is_ok());
    }

    #[test]
    fn staging_folders_of_killed_builds_are_cleared_but_nothing_else() {
        let site = tempfile::tempdir().unwrap();
        let output = site.path().join("public");
        let empty = site.path().join(".public.hubsite-new-1");
        let marked = site.path().join(".public.hubsite-new-2");
        let foreign = site.path().join(".public.hubsite-new-3");
        for dir in [&empty, &marked, &foreign] {
            fs::create_dir(dir).unwrap();
        }
        fs::write(marked.join(MARKER_FILE), "").unwrap();
        fs::write(foreign.join("notes.txt"), "not ours").unwrap();
        remove_stale_staging(&output);
        assert!(!empty.exists() && !marked.exists());
        assert_eq!(
            fs::read_to_string(foreign.join("notes.txt")).unwrap(),
            "not ours"
        );
    }

    #[test]
    fn refuses_a_folder_with_files_it_did_not_write() {
        let site = tempfile::tempdir().unwrap();
        let other = site.path().join("docs");
        fs::create_dir(&other).unwrap();
        fs::write(other.join("notes.txt"), "mine").unwrap();
        assert!(check_output_dir(&other, site.path()).is_err());
        fs::write(other.join(MARKER_FILE), "").unwrap();
        assert!(check_output_dir(&other, site.path()).is_ok());
    }

    fn output(files: &[(&str, &str)]) -> Output {
        let files = files
            .iter()
            .map(|(path, text)| crate::output::OutputFile {
                path: (*path).into(),
                contents: Contents::Bytes(text.as_bytes().to_vec().into()),
            })
            .collect();
        Output {
            files,
            page_count: 0,
            urls: Default::default(),
        }
    }

    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).unwrap().ino()
    }

    #[test]
    fn a_rebuild_rewrites_only_what_changed_and_keeps_the_previous_output() {
        let site = tempfile::tempdir().unwrap();
        let public = site.path().join("public");
        let previous = site.path().join(".public.hubsite-previous");
        let first = output(&[
            ("a/index.html", "A"),
            ("b/index.html", "B"),
            ("gone/index.html", "old"),
        ]);
        write_output(&first, &public, site.path()).unwrap();
        write_output(&first, &public, site.path()).unwrap();
        assert_eq!(
            fs::read_to_string(previous.join("a/index.html")).unwrap(),
            "A"
        );
        let (unchanged, changed) = (
            inode(&previous.join("a/index.html")),
            inode(&previous.join("b/index.html")),
        );

        let second = output(&[
            ("a/index.html", "A"),
            ("b/index.html", "B2"),
            ("b/new.txt", "N"),
        ]);
        write_output(&second, &public, site.path()).unwrap();
        assert_eq!(
            inode(&public.join("a/index.html")),
            unchanged,
            "an unchanged file keeps its inode"
        );
        assert_eq!(
            inode(&public.join("b/index.html")),
            changed,
            "a changed file is rewritten in place"
        );
        assert_eq!(
            fs::read_to_string(public.join("b/index.html")).unwrap(),
            "B2"
        );
        assert_eq!(fs::read_to_string(public.join("b/new.txt")).unwrap(), "N");
        assert!(
            !public.join("gone").exists(),
            "stale files and folders are removed"
        );
        assert!(!public.join(".gitignore").exists());
        assert!(previous.join(MARKER_FILE).exists() && previous.join(".gitignore").exists());
        assert_eq!(
            fs::read_to_string(previous.join("b/index.html")).unwrap(),
            "B",
            "the previous output is kept"
        );
    }

    #[test]
    fn whatever_a_killed_build_left_in_the_staging_folder_is_corrected() {
        let site = tempfile::tempdir().unwrap();
        let public = site.path().join("public");
        let staging = site.path().join(".public.hubsite-previous");
        let outside = site.path().join("outside.txt");
        fs::write(&outside, "not ours").unwrap();
        fs::create_dir_all(staging.join("page")).unwrap();
        fs::write(staging.join(MARKER_FILE), "").unwrap();
        fs::write(staging.join("page/index.html"), "half wri").unwrap();
        fs::write(staging.join("folder"), "a file where a folder goes").unwrap();
        fs::create_dir_all(staging.join("file.txt/inner")).unwrap();
        std::os::unix::fs::symlink(&outside, staging.join("link.txt")).unwrap();

        let wanted = output(&[
            ("page/index.html", "half written"),
            ("folder/index.html", "F"),
            ("file.txt", "T"),
            ("link.txt", "L"),
        ]);
        write_output(&wanted, &public, site.path()).unwrap();
        for file in &wanted.files {
            let Contents::Bytes(bytes) = &file.contents else {
                unreachable!()
            };
            assert_eq!(
                fs::read(public.join(&file.path)).unwrap(),
                **bytes,
                "{}",
                file.path
            );
        }
        assert!(
            !fs::symlink_metadata(public.join("link.txt"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(&outside).unwrap(),
            "not ours",
            "a link is replaced, never followed"
        );
    }

    #[test]
    fn a_staging_folder_with_files_not_ours_is_refused() {
        let site = tempfile::tempdir().unwrap();
        let staging = site.path().join(".public.hubsite-previous");
        fs::create_dir(&staging).unwrap();
        fs::write(staging.join("notes.txt"), "mine").unwrap();
        assert!(
            write_output(
                &output(&[("index.html", "I")]),
                &site.path().join("public"),
                site.path()
            )
            .is_err()
        );
        assert_eq!(
            fs::read_to_string(staging.join("notes.txt")).unwrap(),
            "mine"
        );
    }
}
