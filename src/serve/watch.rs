//! Watching the site folder with notify: the folders a site is made of and `hubsite.toml`,
//! never the output folder. Events are coalesced into batches: a batch closes once the folder
//! has been quiet for [`QUIET`], so an editor's save (write a temporary file, rename it over
//! the old one) makes one rebuild, and its temporary files are ignored: those with the names
//! editors use, and any file the batch saw created that is gone when it closes (it was not
//! there before the batch and is not there after, so the site cannot have changed by it).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::config::CONFIG_FILE;

/// The folders of a site that `serve` watches.
pub const WATCHED: [&str; 5] = ["content", "sessions", "themes", "templates", "static"];
/// How long the folder must be quiet before a batch of changes is rebuilt.
pub const QUIET: Duration = Duration::from_millis(8);
/// The longest a batch waits for quiet, so a stream of writes still rebuilds.
pub const LONGEST: Duration = Duration::from_millis(200);

/// Changes to rebuild for.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Batch {
    /// Every changed path, relative to the site folder.
    pub paths: BTreeSet<PathBuf>,
    /// `hubsite.toml` changed: rebuild everything.
    pub config: bool,
    /// The system lost events (its queue overflowed): rebuild, whatever the paths say.
    pub rescan: bool,
    /// When the first change of the batch arrived.
    pub first_seen: Option<Instant>,
}

/// Why the site folder cannot be watched.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The site folder cannot be found.
    #[error("cannot watch {}", path.display())]
    Root {
        /// The folder as given.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The system's watcher cannot start.
    #[error("cannot watch files")]
    Start(#[source] notify::Error),
    /// The system refused to watch the folder.
    #[error("cannot watch {}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the watcher said.
        source: notify::Error,
    },
}

/// A running watcher over one site folder.
pub struct SiteWatcher {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    watching: BTreeSet<PathBuf>,
}

impl std::fmt::Debug for SiteWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SiteWatcher")
            .field("root", &self.root)
            .field("watching", &self.watching)
            .finish()
    }
}

impl SiteWatcher {
    /// Starts watching the site at `root`.
    pub fn new(root: &Path) -> Result<SiteWatcher, WatchError> {
        let root = root.canonicalize().map_err(|source| WatchError::Root {
            path: root.to_path_buf(),
            source,
        })?;
        let (sender, events) = channel();
        let mut watcher = notify::recommended_watcher(sender).map_err(WatchError::Start)?;
        // The site folder itself, not its subfolders: hubsite.toml, and watched folders appearing.
        watcher
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|source| WatchError::Folder {
                path: root.clone(),
                source,
            })?;
        let mut site = SiteWatcher {
            root,
            watcher,
            events,
            watching: BTreeSet::new(),
        };
        let _already_there = site.watch_folders();
        Ok(site)
    }

    /// Adds a recursive watch on each site folder that exists and is not yet watched; returns
    /// the files already in the folders it started watching, which no event will name.
    fn watch_folders(&mut self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        for name in WATCHED {
            let dir = self.root.join(name);
            if dir.is_dir()
                && !self.watching.contains(&dir)
                && self.watcher.watch(&dir, RecursiveMode::Recursive).is_ok()
            {
                let files = walkdir::WalkDir::new(&dir)
                    .into_iter()
                    .filter_map(Result::ok);
                found.extend(
                    files
                        .filter(|e| e.file_type().is_file())
                        .map(walkdir::DirEntry::into_path),
                );
                self.watching.insert(dir);
            }
        }
        self.watching.retain(|dir| dir.is_dir());
        found
    }

    /// Waits up to `timeout` for a change, then gathers the changes that follow it until the
    /// folder is quiet. `None` when nothing relevant changed in time or the watcher stopped.
    pub fn next_batch(&mut self, timeout: Duration) -> Option<Batch> {
        let deadline = Instant::now() + timeout;
        loop {
            let batch = self.gather(deadline)?;
            // A batch of files that came and went changed nothing.
            if !batch.paths.is_empty() || batch.rescan {
                return Some(batch);
            }
        }
    }

    /// One batch: the first change before `deadline`, and what follows until quiet.
    fn gather(&mut self, deadline: Instant) -> Option<Batch> {
        let mut batch = Batch::default();
        let mut created = BTreeSet::new();
        while batch.paths.is_empty() && !batch.rescan {
            let left = deadline.checked_duration_since(Instant::now())?;
            let event = self.events.recv_timeout(left).ok()?;
            self.add(&mut batch, &mut created, event);
        }
        let first = Instant::now();
        batch.first_seen = Some(first);
        loop {
            let wait = QUIET.min(LONGEST.saturating_sub(first.elapsed()));
            match self.events.recv_timeout(wait) {
                Ok(event) if !wait.is_zero() => self.add(&mut batch, &mut created, event),
                Ok(event) => {
                    self.add(&mut batch, &mut created, event);
                    break;
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        let root = &self.root;
        batch.paths.retain(|path| {
            !created.contains(path) || fs::symlink_metadata(root.join(path)).is_ok()
        });
        for path in self.watch_folders() {
            if let Some(relative) = relevant(&self.root, &path) {
                batch.paths.insert(relative);
            }
        }
        Some(batch)
    }

    /// Adds `event` to `batch`; `created` gathers the paths whose first event in the batch
    /// created them.
    fn add(
        &self,
        batch: &mut Batch,
        created: &mut BTreeSet<PathBuf>,
        event: notify::Result<notify::Event>,
    ) {
        let Ok(event) = event else {
            batch.rescan = true;
            return;
        };
        batch.rescan |= event.need_rescan();
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            if let Some(relative) = relevant(&self.root, &path) {
                batch.config |= relative == Path::new(CONFIG_FILE);
                if matches!(event.kind, EventKind::Create(_)) && !batch.paths.contains(&relative) {
                    created.insert(relative.clone());
                }
                batch.paths.insert(relative);
            }
        }
    }
}

/// `path` relative to the site folder when a change there matters to the site: a file in a
/// watched folder or `hubsite.toml`, and not a hidden or editor's temporary file.
pub fn relevant(root: &Path, path: &Path) -> Option<PathBuf> {
    let relative = path.strip_prefix(root).ok()?;
    let mut parts = relative.components();
    let first = parts.next()?.as_os_str().to_str()?;
    if relative == Path::new(CONFIG_FILE) {
        return Some(relative.to_path_buf());
    }
    if !WATCHED.contains(&first) {
        return None;
    }
    let temporary = relative
        .components()
        .any(|c| is_temporary(&c.as_os_str().to_string_lossy()));
    (!temporary).then(|| relative.to_path_buf())
}

/// Hidden files and the temporary files editors write while saving: the files loading
/// skips, and vim's probe file `4913`.
fn is_temporary(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_files_matter() {
        let root = Path::new("/site");
        let yes = |p: &str| relevant(root, &root.join(p)).is_some();
        assert!(yes("hubsite.toml"));
        assert!(yes("content/a.md"));
        assert!(yes("themes/hub/templates/page.html"));
        assert!(yes("static/css/x.css"));
        assert!(!yes("public/index.html"));
        assert!(!yes("target/debug/x"));
        assert!(!yes("content/.a.md.swp"));
        assert!(!yes("content/a.md~"));
        assert!(!yes("content/#a.md#"));
        assert!(!yes("content/4913"));
        assert!(!yes("content/.git/x"));
        assert!(relevant(root, Path::new("/elsewhere/a.md")).is_none());
    }
}
