//! Stage 5, write: puts the output on disk. The only stage that writes.
//!
//! The whole site is written into a staging folder beside the output folder and swapped in
//! only when every file is written, so a failed or interrupted build never leaves a broken or
//! empty output folder. On Linux the swap is one atomic `renameat2(RENAME_EXCHANGE)`.
//! hubsite only ever deletes its own staging folders and output folders it made itself.

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
    let parent = output_dir.parent().ok_or_else(|| unsafe_output(&output_dir, "it has no parent folder"))?;
    fs::create_dir_all(parent).map_err(|e| Error::io("cannot create", parent, e))?;
    remove_stale_staging(&output_dir);
    let staging = staging_path(&output_dir, "new");
    let written = write_files(output, &staging);
    if let Err(error) = written {
        remove_own_folder(&staging);
        return Err(error);
    }
    swap_in(&staging, &output_dir)
}

/// Refuses output folders whose replacement would destroy something that is not hubsite's.
pub fn check_output_dir(output_dir: &Path, site_root: &Path) -> Result<(), Error> {
    let output = canonical_or_self(output_dir);
    let root = canonical_or_self(site_root);
    if output.parent().is_none() {
        return Err(unsafe_output(output_dir, "it is the root of the file system"));
    }
    if root.starts_with(&output) {
        return Err(unsafe_output(output_dir, "it is the site folder or contains it"));
    }
    if std::env::var_os("HOME").is_some_and(|home| canonical_or_self(Path::new(&home)) == output) {
        return Err(unsafe_output(output_dir, "it is your home folder"));
    }
    if output.is_file() {
        return Err(unsafe_output(output_dir, "it is a file"));
    }
    if output.is_dir() && !output.join(MARKER_FILE).exists() && !is_empty_dir(&output) {
        return Err(unsafe_output(
            output_dir,
            "it holds files hubsite did not write; empty it yourself or choose another --output",
        ));
    }
    Ok(())
}

fn unsafe_output(path: &Path, reason: &str) -> Error {
    Error::UnsafeOutput { path: path.to_path_buf(), reason: reason.to_owned() }
}

fn absolute(path: &Path) -> Result<PathBuf, Error> {
    std::path::absolute(path).map_err(|e| Error::io("cannot resolve", path, e))
}

fn canonical_or_self(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn is_empty_dir(path: &Path) -> bool {
    fs::read_dir(path).map(|mut entries| entries.next().is_none()).unwrap_or(false)
}

/// `.public.hubsite-new-1234` beside `public`.
fn staging_path(output_dir: &Path, kind: &str) -> PathBuf {
    let name = output_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    output_dir.with_file_name(format!(".{name}.hubsite-{kind}-{}", std::process::id()))
}

/// Removes staging folders left by builds that were killed; only folders named as ours.
fn remove_stale_staging(output_dir: &Path) {
    let (Some(parent), Some(name)) = (output_dir.parent(), output_dir.file_name()) else { return };
    let prefix = format!(".{}.hubsite-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) {
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

/// Removes a folder hubsite wrote, its marker last: a build killed half way through leaves
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

fn write_files(output: &Output, staging: &Path) -> Result<(), Error> {
    fs::create_dir_all(staging).map_err(|e| Error::io("cannot create", staging, e))?;
    // The marker goes first, so that a killed build's staging folder is recognised as ours.
    fs::write(staging.join(MARKER_FILE), b"").map_err(|e| Error::io("cannot write", staging, e))?;
    let mut folders: Vec<PathBuf> =
        output.files.iter().filter_map(|f| Path::new(&f.path).parent().map(|p| staging.join(p))).collect();
    folders.dedup();
    for folder in &folders {
        fs::create_dir_all(folder).map_err(|e| Error::io("cannot create", folder, e))?;
    }
    output.files.par_iter().try_for_each(|file| {
        let target = staging.join(&file.path);
        let result = match &file.contents {
            Contents::Bytes(bytes) => fs::write(&target, bytes),
            Contents::Asset(AssetSource::Embedded(bytes)) => fs::write(&target, bytes),
            Contents::Asset(AssetSource::Disk(source)) => fs::copy(source, &target).map(drop),
        };
        result.map_err(|e| Error::io("cannot write", &target, e))
    })
}

/// Puts the staging folder in the output folder's place.
fn swap_in(staging: &Path, output_dir: &Path) -> Result<(), Error> {
    if !output_dir.exists() {
        return fs::rename(staging, output_dir).map_err(|e| Error::io("cannot move into place", output_dir, e));
    }
    match exchange(staging, output_dir) {
        // The staging path now holds the previous output.
        Ok(()) => {
            remove_own_folder(staging);
            Ok(())
        }
        Err(_) => {
            let old = staging_path(output_dir, "old");
            fs::rename(output_dir, &old).map_err(|e| Error::io("cannot move aside", output_dir, e))?;
            fs::rename(staging, output_dir).map_err(|e| Error::io("cannot move into place", output_dir, e))?;
            remove_own_folder(&old);
            Ok(())
        }
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
        assert_eq!(fs::read_to_string(foreign.join("notes.txt")).unwrap(), "not ours");
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
}
