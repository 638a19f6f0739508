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
//! When the output folder cannot be swapped (a mount point such as a Docker volume, a folder
//! on another file system than its parent, Windows), the build is published in place
//! instead ([`Published::InPlace`]): every changed file is first written whole into
//! `public/.hubsite-staging/`, then each is renamed over its old self (one rename per file,
//! on one file system, so a reader never gets half a file), and stale files are removed last.
//!
//! A write that fails (a full disk, a read-only file system, permission denied, a name too
//! long) removes what it staged and leaves the output as it was. Every change to the disk goes
//! through a [`Disk`], so tests can make any of these happen at the Nth file ([`FaultyDisk`]).
//!
//! hubsite only ever deletes inside folders it made itself (they carry [`MARKER_FILE`]).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::error::Error;
use crate::load::AssetSource;
use crate::output::{Contents, Output, OutputFile};

/// A file placed in every output folder, so that hubsite can tell its own folders from others.
pub const MARKER_FILE: &str = ".hubsite-output";

/// The folder inside the output folder where an in-place publish stages its files.
pub const IN_PLACE_STAGING: &str = ".hubsite-staging";

/// How the new output was put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// Swapped for the old output in one step.
    Swapped,
    /// Written file by file into the output folder, which could not be swapped.
    InPlace(NoSwap),
}

/// Why the output folder could not be swapped for the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSwap {
    /// It is a mount point, or on another file system than the folder it is in.
    MountPoint,
    /// The system refused to move it (a bind mount, a folder in use).
    Refused(io::ErrorKind),
    /// This system cannot swap folders.
    Platform,
}

impl Published {
    /// What to tell the user, once, when the output was not swapped in.
    pub fn note(&self, output_dir: &Path) -> Option<String> {
        let Published::InPlace(why) = self else {
            return None;
        };
        let why = match why {
            NoSwap::MountPoint => "it is a mount point or on another file system".to_owned(),
            NoSwap::Refused(kind) => format!("the system refused to move it ({kind})"),
            NoSwap::Platform => "this system cannot swap folders".to_owned(),
        };
        Some(format!(
            "note: {} could not be swapped for the new output ({why}), so it was updated file by file; each file was replaced whole",
            output_dir.display()
        ))
    }
}

/// Every change the write stage makes to the disk (reading and cleaning up go straight to
/// `std::fs`): the real file system ([`RealDisk`]), or a test double ([`FaultyDisk`]).
pub trait Disk: Sync {
    /// Creates or replaces the file at `path` with `bytes`.
    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Creates one folder.
    fn create_dir(&self, path: &Path) -> io::Result<()>;
    /// Renames a file or folder, replacing a file at `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Swaps two folders in one step, where the system can.
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()>;
}

/// The file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        fs::write(path, bytes)
    }
    fn create_dir(&self, path: &Path) -> io::Result<()> {
        fs::create_dir(path)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
        exchange(a, b)
    }
}

/// What a [`FaultyDisk`] gets wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The Nth file written (counting from 1) fails with this OS error (28 ENOSPC, 13 EACCES,
    /// 30 EROFS, 36 ENAMETOOLONG), and so does every file after it.
    Write {
        /// Which write fails first.
        nth: usize,
        /// The OS error number.
        errno: i32,
    },
    /// Folders cannot be swapped or renamed, as for a mount point (EBUSY) or another file
    /// system (EXDEV); files rename as usual.
    Swap {
        /// The OS error number.
        errno: i32,
    },
}

/// The real disk with one fault: a test double for the write stage's failure paths.
#[derive(Debug)]
pub struct FaultyDisk {
    fault: Fault,
    writes: AtomicUsize,
}

impl FaultyDisk {
    /// A disk that gets `fault` wrong.
    pub fn new(fault: Fault) -> FaultyDisk {
        FaultyDisk {
            fault,
            writes: AtomicUsize::new(0),
        }
    }
}

impl Disk for FaultyDisk {
    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let n = self.writes.fetch_add(1, Ordering::SeqCst) + 1;
        match self.fault {
            Fault::Write { nth, errno } if n >= nth => Err(io::Error::from_raw_os_error(errno)),
            _ => RealDisk.write(path, bytes),
        }
    }
    fn create_dir(&self, path: &Path) -> io::Result<()> {
        RealDisk.create_dir(path)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        match self.fault {
            Fault::Swap { errno } if from.is_dir() => Err(io::Error::from_raw_os_error(errno)),
            _ => RealDisk.rename(from, to),
        }
    }
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
        match self.fault {
            Fault::Swap { errno } => Err(io::Error::from_raw_os_error(errno)),
            _ => RealDisk.exchange(a, b),
        }
    }
}

/// Writes `output` to `output_dir`, replacing what was there only once everything is written.
pub fn write_output(
    output: &Output,
    output_dir: &Path,
    site_root: &Path,
) -> Result<Published, Error> {
    write_output_to(output, output_dir, site_root, &RealDisk)
}

/// [`write_output`] through `disk`.
pub fn write_output_to(
    output: &Output,
    output_dir: &Path,
    site_root: &Path,
    disk: &dyn Disk,
) -> Result<Published, Error> {
    Staging::open(output_dir, site_root, disk)?.finish(output)
}

/// The staging folder of a build: where `hubsite build` writes each page as soon as it is
/// rendered ([`Staging::put`], from any thread), then the rest of the output
/// ([`Staging::finish`]), which puts it in the output folder's place. Nothing is published
/// until then: a build that fails (or is killed) after some files were written leaves the
/// output folder as it was, and dropping an unfinished `Staging` removes what it staged.
///
/// The staging folder is `.public.hubsite-previous`, the previous output (see the module's
/// comment): [`Staging::put`] rewrites a file only if its bytes differ, replaces a file or
/// link where a folder is now needed (and the other way round), and [`Staging::finish`]
/// removes whatever the new output no longer has.
pub struct Staging<'d> {
    output_dir: PathBuf,
    staging: PathBuf,
    disk: &'d dyn Disk,
    /// What the staging folder held when the build began.
    found: HashMap<PathBuf, Found>,
    /// Folders known to be in place in the staging folder.
    folders: Mutex<HashSet<PathBuf>>,
    /// Files written that were not there when the build began: [`Staging::finish`] removes
    /// those the output does not list after all (a page another language's merge left out).
    written: Mutex<Vec<PathBuf>>,
    finished: bool,
    /// Whether writing into the staging folder failed (a full disk): an unfinished build then
    /// removes it, to give the space back; after any other failure it stays, as the previous
    /// output brought partly up to date (which the next build's comparisons handle), so that
    /// one failed build does not make the next rewrite every file.
    write_failed: std::sync::atomic::AtomicBool,
    /// Held until the build ends: one build at a time writes beside an output folder.
    _turn: fs::File,
}

impl std::fmt::Debug for Staging<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Staging")
            .field("output_dir", &self.output_dir)
            .field("staging", &self.staging)
            .finish_non_exhaustive()
    }
}

impl<'d> Staging<'d> {
    /// Checks that `output_dir` may be replaced, takes this build's turn at it and claims its
    /// staging folder, through `disk`.
    pub fn open(
        output_dir: &Path,
        site_root: &Path,
        disk: &'d dyn Disk,
    ) -> Result<Staging<'d>, Error> {
        let output_dir = absolute(output_dir)?;
        check_output_dir(&output_dir, site_root)?;
        let parent = output_dir
            .parent()
            .ok_or_else(|| unsafe_output(&output_dir, "it has no parent folder"))?;
        fs::create_dir_all(parent).map_err(|e| Error::io("cannot create", parent, e))?;
        let turn = take_turn(parent, &output_dir)?;
        remove_stale_staging(&output_dir);
        let staging = previous_output_path(&output_dir);
        if let Err(error) = claim_staging(&staging, disk) {
            if matches!(error, Error::Io { .. }) && is_ours_or_empty(&staging) {
                remove_own_folder(&staging);
            }
            return Err(error);
        }
        let found = match found_in(&staging) {
            Ok(found) => found,
            Err(error) => {
                remove_own_folder(&staging);
                return Err(error);
            }
        };
        Ok(Staging {
            output_dir,
            staging,
            disk,
            found,
            folders: Mutex::new(HashSet::new()),
            written: Mutex::new(Vec::new()),
            finished: false,
            write_failed: std::sync::atomic::AtomicBool::new(false),
            _turn: turn,
        })
    }

    /// Puts `bytes` at `path` (relative to the output folder, `/` separators) in the staging
    /// folder, unless the file there already holds them.
    pub fn put(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        let put = self.put_unnoted(path, bytes);
        if put.is_err() {
            self.write_failed
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        put
    }

    /// [`Staging::put`], a failure not yet noted.
    fn put_unnoted(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        let relative = Path::new(path);
        let target = self.staging.join(relative);
        let found = self.found.get(relative);
        let same = matches!(found, Some(Found::File { len }) if *len == bytes.len() as u64)
            && fs::read(&target).is_ok_and(|old| old == bytes);
        if same {
            return Ok(());
        }
        self.make_folders(relative)?;
        let removed = match found {
            Some(Found::Folder) => fs::remove_dir_all(&target),
            // A link is replaced, never followed.
            Some(Found::Other) => fs::remove_file(&target),
            _ => Ok(()),
        };
        match removed {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(Error::io("cannot remove", &target, e));
            }
            _ => {}
        }
        self.disk
            .write(&target, bytes)
            .map_err(|e| Error::io("cannot write", &target, e))?;
        if found.is_none() {
            self.written
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(relative.to_path_buf());
        }
        Ok(())
    }

    /// Makes the folders `relative` is in, replacing whatever else is found in their place.
    ///
    /// The folders are made outside the lock on the set of those made: making one took about
    /// 50 µs on ext4, and with the lock held the other cores' pages waited for it (a tenth of
    /// the pages, docs/performance.md, 'Build', session 16). Two threads may make the same
    /// folder at once: the second finds it made, and each makes a folder's parents before it.
    fn make_folders(&self, relative: &Path) -> Result<(), Error> {
        let Some(parent) = relative.parent().filter(|p| !p.as_os_str().is_empty()) else {
            return Ok(());
        };
        let mut needed: Vec<&Path> = {
            let made = self.folders.lock().unwrap_or_else(PoisonError::into_inner);
            if made.contains(parent) {
                return Ok(());
            }
            parent
                .ancestors()
                .filter(|p| !p.as_os_str().is_empty())
                .take_while(|p| !made.contains(*p))
                .collect()
        };
        needed.reverse();
        for folder in &needed {
            self.make_folder(folder)?;
        }
        let mut made = self.folders.lock().unwrap_or_else(PoisonError::into_inner);
        made.extend(needed.into_iter().map(Path::to_path_buf));
        Ok(())
    }

    /// Makes one folder, whose parent is in place, unless it is there already.
    fn make_folder(&self, folder: &Path) -> Result<(), Error> {
        let path = self.staging.join(folder);
        let create = |path: &Path| match self.disk.create_dir(path) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                Err(Error::io("cannot create", path, e))
            }
            _ => Ok(()),
        };
        match self.found.get(folder) {
            Some(Found::Folder) => Ok(()),
            None => create(&path),
            Some(_) => {
                // Something else in its place (a file of the last output): replaced once, under
                // the lock, and noted as made before another thread can look.
                let mut made = self.folders.lock().unwrap_or_else(PoisonError::into_inner);
                if made.contains(folder) {
                    return Ok(());
                }
                fs::remove_file(&path).map_err(|e| Error::io("cannot remove", &path, e))?;
                create(&path)?;
                made.insert(folder.to_path_buf());
                Ok(())
            }
        }
    }

    /// Writes the files of `output` not written yet (all but [`Contents::Written`] pages,
    /// which [`Staging::put`] wrote as they rendered), removes what `output` no longer has,
    /// and puts the staging folder in the output folder's place.
    pub fn finish(mut self, output: &Output) -> Result<Published, Error> {
        output
            .files
            .par_iter()
            .filter(|file| !matches!(file.contents, Contents::Written(_)))
            .try_for_each(|file| self.put(&file.path, &file_bytes(file)?))?;
        let wanted = Wanted::of(output);
        // What this build wrote or made counts as found too: it goes if not wanted.
        let made = std::mem::take(
            self.folders
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner),
        );
        let written = std::mem::take(
            self.written
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner),
        );
        for folder in made {
            self.found.entry(folder).or_insert(Found::Folder);
        }
        for file in written {
            self.found.entry(file).or_insert(Found::File { len: 0 });
        }
        // A path the output uses was replaced by `put` with the right kind of thing.
        remove_unwanted(&self.staging, &self.found, |path, what| {
            wanted.keeps(path, what) || wanted.files.contains(path) || wanted.folders.contains(path)
        })?;
        self.finished = true;
        let (staging, output_dir, disk) = (&self.staging, &self.output_dir, self.disk);
        let in_place = |why: NoSwap| {
            // Published from the staging folder, file by file; it then goes, as it would
            // only be a copy.
            let staged = staged_output(output, staging);
            let published = publish_in_place(&staged, output_dir, disk);
            remove_own_folder(staging);
            published.map(|()| Published::InPlace(why))
        };
        if let Some(why) = cannot_swap(output_dir) {
            return in_place(why);
        }
        match swap_in(staging, output_dir, disk) {
            Ok(()) => {
                mark_previous_output(staging);
                Ok(Published::Swapped)
            }
            Err(error) => match error.io_kind() {
                Some(
                    kind @ (io::ErrorKind::ResourceBusy
                    | io::ErrorKind::CrossesDevices
                    | io::ErrorKind::PermissionDenied
                    | io::ErrorKind::Unsupported),
                ) => in_place(NoSwap::Refused(kind)),
                _ => {
                    remove_own_folder(staging);
                    Err(error)
                }
            },
        }
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        if self.write_failed.load(std::sync::atomic::Ordering::Relaxed) {
            // A full disk, say: whatever was staged goes, to give the space back.
            remove_own_folder(&self.staging);
        } else {
            // A problem in the site: the folder stays as the previous output (marked as
            // hubsite's, so that the next build takes it up again).
            mark_previous_output(&self.staging);
        }
    }
}

/// `output` as the staging folder now holds it: each file read from there.
fn staged_output(output: &Output, staging: &Path) -> Output {
    Output {
        files: output
            .files
            .iter()
            .map(|file| OutputFile {
                path: file.path.clone(),
                contents: Contents::Asset(AssetSource::Disk(staging.join(&file.path))),
            })
            .collect(),
        page_count: output.page_count,
        urls: output.urls.clone(),
    }
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

/// Two builds writing beside the same output folder would write into the same staging folder
/// at once: the second one stops, saying so. The lock is released when the process ends. It is
/// the parent folder's, so builds of two outputs in one folder take turns too (and the message
/// says so): a lock of the output's own would need a file of its own beside it, for the output
/// and its staging folder swap places.
fn take_turn(parent: &Path, output_dir: &Path) -> Result<fs::File, Error> {
    let folder = fs::File::open(parent).map_err(|e| Error::io("cannot open", parent, e))?;
    match folder.try_lock() {
        Ok(()) => Ok(folder),
        Err(fs::TryLockError::WouldBlock) => Err(Error::OutputBusy {
            path: output_dir.to_path_buf(),
            folder: parent.to_path_buf(),
        }),
        Err(fs::TryLockError::Error(e)) => Err(Error::io("cannot lock", parent, e)),
    }
}

/// Whether a build may write into the folder beside `output_dir` and swap it in: not when the
/// output folder is a mount point or on another device than its parent (then it is updated
/// in place from a build in memory, and nothing is written beside it).
pub fn stages_beside(output_dir: &Path) -> Result<bool, Error> {
    Ok(cannot_swap(&absolute(output_dir)?).is_none())
}

/// Why the output folder cannot be swapped for the staging folder beside it, when that can be
/// told before writing: a mount point, or a folder on another device than its parent.
#[cfg(unix)]
fn cannot_swap(output_dir: &Path) -> Option<NoSwap> {
    use std::os::unix::fs::MetadataExt;
    let here = fs::metadata(output_dir).ok()?;
    let parent = fs::metadata(output_dir.parent()?).ok()?;
    (here.dev() != parent.dev()).then_some(NoSwap::MountPoint)
}

#[cfg(not(unix))]
fn cannot_swap(output_dir: &Path) -> Option<NoSwap> {
    output_dir.is_dir().then_some(NoSwap::Platform)
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
fn claim_staging(staging: &Path, disk: &dyn Disk) -> Result<(), Error> {
    match fs::symlink_metadata(staging) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            disk.create_dir(staging)
                .map_err(|e| Error::io("cannot create", staging, e))?;
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
    let marker = staging.join(MARKER_FILE);
    disk.write(&marker, b"")
        .map_err(|e| Error::io("cannot write", &marker, e))
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
    let walk = walkdir::WalkDir::new(root)
        .min_depth(1)
        .into_iter()
        .filter_entry(|entry| entry.depth() != 1 || entry.file_name() != IN_PLACE_STAGING);
    for entry in walk {
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
            // Already gone with a folder removed before it, or with a folder replaced by a
            // file (by `Staging::put`).
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) => {}
            other => other.map_err(|e| Error::io("cannot remove", &path, e))?,
        }
    }
    Ok(())
}

/// The bytes of `file`, unless `target` (found as `found` says) already holds them.
fn changed_bytes<'a>(
    file: &'a OutputFile,
    target: &Path,
    found: &HashMap<PathBuf, Found>,
) -> Result<Option<Cow<'a, [u8]>>, Error> {
    let bytes = file_bytes(file)?;
    let same = matches!(found.get(Path::new(&file.path)), Some(Found::File { len }) if *len == bytes.len() as u64)
        && fs::read(target).is_ok_and(|old| old == *bytes);
    Ok((!same).then_some(bytes))
}

/// The bytes of `file`.
fn file_bytes(file: &OutputFile) -> Result<Cow<'_, [u8]>, Error> {
    Ok(match &file.contents {
        Contents::Bytes(bytes) => Cow::Borrowed(bytes),
        Contents::Asset(AssetSource::Embedded(bytes)) => Cow::Borrowed(bytes),
        Contents::Asset(AssetSource::Disk(source)) => {
            Cow::Owned(fs::read(source).map_err(|e| Error::io("cannot read", source, e))?)
        }
        Contents::Written(_) => {
            return Err(Error::io(
                "cannot read",
                Path::new(&file.path),
                io::Error::other("a page written while it rendered has no bytes in memory"),
            ));
        }
    })
}

/// Publishes `output` into `output_dir` itself, for a folder that cannot be swapped: every
/// changed file is written whole into [`IN_PLACE_STAGING`] first (a failure there leaves the
/// output as it was), then renamed into place one by one; stale files are removed last.
fn publish_in_place(output: &Output, output_dir: &Path, disk: &dyn Disk) -> Result<(), Error> {
    if !output_dir.exists() {
        disk.create_dir(output_dir)
            .map_err(|e| Error::io("cannot create", output_dir, e))?;
    }
    let inbox = output_dir.join(IN_PLACE_STAGING);
    if inbox.exists() {
        // Left by a build killed while publishing: only ever hubsite's staged files.
        fs::remove_dir_all(&inbox).map_err(|e| Error::io("cannot remove", &inbox, e))?;
    }
    let marker = output_dir.join(MARKER_FILE);
    if !marker.exists() {
        disk.write(&marker, b"")
            .map_err(|e| Error::io("cannot write", &marker, e))?;
    }
    disk.create_dir(&inbox)
        .map_err(|e| Error::io("cannot create", &inbox, e))?;
    let staged = stage_changed_files(output, output_dir, &inbox, disk);
    let result = staged.and_then(|(found, changed)| {
        move_into_place(output, output_dir, &inbox, &found, &changed, disk)?;
        // What was found before the files moved in: a path the output now uses is kept
        // whatever it was, since moving in already put the right kind of thing there.
        let wanted = Wanted::of(output);
        remove_unwanted(output_dir, &found, |path, what| {
            wanted.keeps(path, what) || wanted.files.contains(path) || wanted.folders.contains(path)
        })
    });
    let _ = fs::remove_dir_all(&inbox);
    result
}

/// Writes every file of `output` that differs from what `output_dir` holds into `inbox`, under
/// its index in `output.files`; returns what was found and the indexes written.
fn stage_changed_files(
    output: &Output,
    output_dir: &Path,
    inbox: &Path,
    disk: &dyn Disk,
) -> Result<(HashMap<PathBuf, Found>, Vec<usize>), Error> {
    let found = found_in(output_dir)?;
    let changed: Vec<usize> = output
        .files
        .par_iter()
        .enumerate()
        .map(|(i, file)| {
            let target = output_dir.join(&file.path);
            let Some(bytes) = changed_bytes(file, &target, &found)? else {
                return Ok(None);
            };
            let staged = inbox.join(i.to_string());
            disk.write(&staged, &bytes)
                .map_err(|e| Error::io("cannot write", &target, e))?;
            Ok(Some(i))
        })
        .collect::<Result<Vec<_>, Error>>()?
        .into_iter()
        .flatten()
        .collect();
    Ok((found, changed))
}

/// Renames each staged file over its target, making the folders it needs first.
fn move_into_place(
    output: &Output,
    output_dir: &Path,
    inbox: &Path,
    found: &HashMap<PathBuf, Found>,
    changed: &[usize],
    disk: &dyn Disk,
) -> Result<(), Error> {
    for folder in Wanted::of(output).folders_in_order() {
        let path = output_dir.join(folder);
        match found.get(folder) {
            Some(Found::Folder) => continue,
            Some(_) => fs::remove_file(&path).map_err(|e| Error::io("cannot remove", &path, e))?,
            None => {}
        }
        if !path.is_dir() {
            disk.create_dir(&path)
                .map_err(|e| Error::io("cannot create", &path, e))?;
        }
    }
    for &i in changed {
        let file = &output.files[i];
        let target = output_dir.join(&file.path);
        if found.get(Path::new(&file.path)) == Some(&Found::Folder) {
            fs::remove_dir_all(&target).map_err(|e| Error::io("cannot remove", &target, e))?;
        }
        disk.rename(&inbox.join(i.to_string()), &target)
            .map_err(|e| Error::io("cannot move into place", &target, e))?;
    }
    Ok(())
}

/// The files and folders of an output, by path relative to its folder.
struct Wanted<'a> {
    /// Hashed, not ordered: a build asks of every file and folder it found or wrote (some twenty
    /// thousand at 10,000 pages), and ordered `Path`s compare component by component.
    files: FxHashSet<&'a Path>,
    /// Every folder the files need.
    folders: FxHashSet<&'a Path>,
}

impl<'a> Wanted<'a> {
    fn of(output: &'a Output) -> Wanted<'a> {
        let files: FxHashSet<&Path> = output.files.iter().map(|f| Path::new(&f.path)).collect();
        let folders = files
            .iter()
            .flat_map(|file| file.ancestors().skip(1))
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        Wanted { files, folders }
    }

    /// The folders, each after its parent.
    fn folders_in_order(&self) -> Vec<&'a Path> {
        let mut folders: Vec<&Path> = self.folders.iter().copied().collect();
        folders.sort();
        folders
    }

    /// True when `path`, found as `what`, stays: it is part of the output, or the marker.
    fn keeps(&self, path: &Path, what: Found) -> bool {
        match what {
            Found::Folder => self.folders.contains(path),
            Found::File { .. } => self.files.contains(path) || path == Path::new(MARKER_FILE),
            Found::Other => false,
        }
    }
}

/// Puts the staging folder in the output folder's place; the staging path then holds the
/// previous output (or nothing, after a first build). On failure the output is as it was.
fn swap_in(staging: &Path, output_dir: &Path, disk: &dyn Disk) -> Result<(), Error> {
    if fs::symlink_metadata(output_dir).is_err() {
        return disk
            .rename(staging, output_dir)
            .map_err(|e| Error::io("cannot move into place", output_dir, e));
    }
    if disk.exchange(staging, output_dir).is_ok() {
        return Ok(());
    }
    let old = sibling(output_dir, &format!("old-{}", std::process::id()));
    disk.rename(output_dir, &old)
        .map_err(|e| Error::io("cannot move aside", output_dir, e))?;
    if let Err(e) = disk.rename(staging, output_dir) {
        let _ = disk.rename(&old, output_dir);
        return Err(Error::io("cannot move into place", output_dir, e));
    }
    if disk.rename(&old, staging).is_err() {
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

    #[test]
    fn a_file_staged_but_not_in_the_output_is_not_published() {
        let site = tempfile::tempdir().unwrap();
        let public = site.path().join("public");
        let staging = Staging::open(&public, site.path(), &RealDisk).unwrap();
        // Written as it rendered, then left out of the output after all.
        staging.put("stray/deep/index.html", b"stray").unwrap();
        staging.put("a/index.html", b"A").unwrap();
        staging.finish(&output(&[("a/index.html", "A")])).unwrap();
        assert!(public.join("a/index.html").is_file());
        assert!(
            !public.join("stray").exists(),
            "neither the file nor its folders"
        );
    }

    #[test]
    fn a_build_failing_before_it_finishes_keeps_the_folder_as_the_previous_output() {
        let site = tempfile::tempdir().unwrap();
        let public = site.path().join("public");
        let previous = site.path().join(".public.hubsite-previous");
        let staging = Staging::open(&public, site.path(), &RealDisk).unwrap();
        staging.put("a/index.html", b"A").unwrap();
        drop(staging);
        assert!(previous.join(MARKER_FILE).is_file(), "kept, and marked");
        assert!(!public.exists());
        // The next build takes it up and publishes only what it makes.
        write_output(&output(&[("b/index.html", "B")]), &public, site.path()).unwrap();
        assert!(public.join("b/index.html").is_file());
        assert!(!public.join("a").exists());
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

    /// Folders are made outside the lock: many threads making the same folders at once, one
    /// of them a file of the last output to replace, still publish every file.
    #[test]
    fn folders_made_by_many_threads_at_once_hold_every_file() {
        let site = tempfile::tempdir().unwrap();
        let public = site.path().join("public");
        let staging = site.path().join(".public.hubsite-previous");
        fs::create_dir_all(&staging).unwrap();
        fs::write(staging.join(MARKER_FILE), "").unwrap();
        fs::write(staging.join("shared"), "a file where a folder goes").unwrap();
        let paths: Vec<String> = (0..400)
            .map(|n| format!("shared/part-{}/page-{n}/index.html", n % 7))
            .collect();
        let files: Vec<(&str, &str)> = paths.iter().map(|p| (p.as_str(), p.as_str())).collect();
        write_output(&output(&files), &public, site.path()).unwrap();
        for path in &paths {
            assert_eq!(fs::read_to_string(public.join(path)).unwrap(), *path);
        }
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

    /// Every entry beside `public` whose name says hubsite staged it.
    fn staged_beside(site: &Path) -> Vec<String> {
        fs::read_dir(site)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".public.hubsite-"))
            .collect()
    }

    fn tree(root: &Path) -> Vec<(String, String)> {
        let mut files: Vec<_> = walkdir::WalkDir::new(root)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let relative = e.path().strip_prefix(root).unwrap();
                (
                    relative.to_string_lossy().into_owned(),
                    fs::read_to_string(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn a_failed_write_leaves_the_output_as_it_was_and_nothing_staged() {
        // ENOSPC, EACCES, EROFS, ENAMETOOLONG, at the first, second and last file.
        for errno in [28, 13, 30, 36] {
            for nth in [1, 2, 4] {
                let site = tempfile::tempdir().unwrap();
                let public = site.path().join("public");
                let first = output(&[("a/index.html", "A"), ("b.txt", "B")]);
                write_output(&first, &public, site.path()).unwrap();
                let before = tree(&public);
                let second = output(&[("a/index.html", "A2"), ("b.txt", "B2"), ("c.txt", "C")]);
                let disk = FaultyDisk::new(Fault::Write { nth, errno });
                let error = write_output_to(&second, &public, site.path(), &disk).unwrap_err();
                let text = format!("{:#}", anyhow::Error::new(error));
                assert_eq!(
                    text.matches(&format!("os error {errno}")).count(),
                    1,
                    "{text}"
                );
                assert!(text.starts_with("cannot write "), "{text}");
                assert_eq!(tree(&public), before, "errno {errno} at file {nth}");
                assert!(
                    staged_beside(site.path()).is_empty(),
                    "errno {errno} at file {nth}"
                );
            }
        }
    }

    #[test]
    fn a_failed_first_build_leaves_nothing_behind() {
        let site = tempfile::tempdir().unwrap();
        let public = site.path().join("public");
        let disk = FaultyDisk::new(Fault::Write { nth: 2, errno: 28 });
        assert!(write_output_to(&output(&[("a.txt", "A")]), &public, site.path(), &disk).is_err());
        assert!(!public.exists());
        assert!(staged_beside(site.path()).is_empty());
    }

    #[test]
    fn an_output_folder_that_cannot_be_swapped_is_published_file_by_file() {
        for errno in [16, 18] {
            let site = tempfile::tempdir().unwrap();
            let public = site.path().join("public");
            let disk = FaultyDisk::new(Fault::Swap { errno });
            let first = output(&[
                ("a/index.html", "A"),
                ("b/index.html", "B"),
                ("gone.txt", "G"),
            ]);
            let published = write_output_to(&first, &public, site.path(), &disk).unwrap();
            assert!(matches!(published, Published::InPlace(NoSwap::Refused(_))));
            let unchanged = inode(&public.join("a/index.html"));
            let second = output(&[
                ("a/index.html", "A"),
                ("b/index.html", "B2"),
                ("gone.txt/index.html", "a folder where a file was"),
            ]);
            let published = write_output_to(&second, &public, site.path(), &disk).unwrap();
            assert!(published.note(&public).unwrap().contains("file by file"));
            assert_eq!(
                tree(&public),
                vec![
                    (MARKER_FILE.to_owned(), String::new()),
                    ("a/index.html".to_owned(), "A".to_owned()),
                    ("b/index.html".to_owned(), "B2".to_owned()),
                    (
                        "gone.txt/index.html".to_owned(),
                        "a folder where a file was".to_owned()
                    ),
                ]
            );
            assert_eq!(inode(&public.join("a/index.html")), unchanged);
            assert!(!public.join(IN_PLACE_STAGING).exists());
            assert!(staged_beside(site.path()).is_empty());
        }
    }

    #[test]
    fn a_failed_write_in_place_leaves_the_output_as_it_was() {
        let site = tempfile::tempdir().unwrap();
        let public = site.path().join("public");
        let swapless = FaultyDisk::new(Fault::Swap { errno: 16 });
        write_output_to(
            &output(&[("a.txt", "A"), ("b.txt", "B")]),
            &public,
            site.path(),
            &swapless,
        )
        .unwrap();
        let before = tree(&public);
        // The swap is never tried once the folder is known to be unswappable; here the write
        // fails first, in the staging folder beside it.
        let full = FaultyDisk::new(Fault::Write { nth: 2, errno: 28 });
        let second = output(&[("a.txt", "A2"), ("b.txt", "B2")]);
        assert!(publish_in_place(&second, &public, &full).is_err());
        assert_eq!(tree(&public), before);
        assert!(!public.join(IN_PLACE_STAGING).exists());
    }

    #[test]
    fn two_builds_at_once_on_one_output_the_second_says_so() {
        let site = tempfile::tempdir().unwrap();
        let public = site.path().join("public");
        let first = take_turn(site.path(), &public).unwrap();
        let error = write_output(&output(&[("a.txt", "A")]), &public, site.path()).unwrap_err();
        assert!(matches!(error, Error::OutputBusy { .. }));
        assert!(
            error.to_string().contains("wait for it to finish"),
            "{error}"
        );
        assert!(!public.exists());
        // Another output in the same folder takes its turn too: the message names the folder
        // the builds share, not an output nobody is writing.
        let preview = site.path().join("preview");
        let error = write_output(&output(&[("a.txt", "A")]), &preview, site.path()).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains(&format!("writing an output in {}", site.path().display()))
                && message.contains("another folder"),
            "{message}"
        );
        drop(first);
        write_output(&output(&[("a.txt", "A")]), &public, site.path()).unwrap();
    }
}
