//! What the rebuild loop and the request threads share: the build being served, the problems
//! of the latest rebuild if it failed, and a generation number that browsers wait on.
//!
//! The rebuild loop publishes a new [`Snapshot`] whole; request threads take an `Arc` to the
//! current one, so a request never sees half a build.

use std::collections::BTreeSet;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use crate::output::Output;

/// One published state of the served site.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The last good build.
    pub output: Arc<Output>,
    /// The located problems of the latest rebuild, when it failed.
    pub errors: Option<String>,
    /// Counts publications; browsers ask for anything newer than the one they have.
    pub generation: u64,
    /// What this generation changed from the one before.
    pub change: Change,
}

/// What one generation changed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Change {
    /// Output paths whose bytes changed, appeared or went.
    pub paths: BTreeSet<String>,
    /// The errors shown appeared, changed or cleared.
    pub errors: bool,
}

/// What a browser showing one page should do after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Nothing it shows changed.
    None,
    /// Only stylesheets changed: fetch them again.
    Restyle,
    /// Load the page again.
    Reload,
}

impl Action {
    /// The word the reload script understands.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::None => "none",
            Action::Restyle => "restyle",
            Action::Reload => "reload",
        }
    }
}

impl Change {
    /// What a browser showing output file `page` (e.g. `a/index.html`) should do.
    pub fn action_for(&self, page: Option<&str>) -> Action {
        let page_changed = page.is_none_or(|page| self.paths.contains(page));
        if self.errors || page_changed {
            Action::Reload
        } else if self.paths.iter().any(|p| crate::load::is_css_file(p)) {
            Action::Restyle
        } else {
            Action::None
        }
    }
}

/// The served state, behind a lock, with a condition variable for browsers waiting on it.
#[derive(Debug, Default)]
pub struct Shared {
    current: Mutex<Arc<Snapshot>>,
    published: Condvar,
}

impl Shared {
    /// Starts with a first build.
    pub fn new(output: Output) -> Shared {
        let snapshot = Snapshot {
            output: Arc::new(output),
            ..Snapshot::default()
        };
        Shared {
            current: Mutex::new(Arc::new(snapshot)),
            published: Condvar::new(),
        }
    }

    /// The snapshot being served now.
    pub fn current(&self) -> Arc<Snapshot> {
        Arc::clone(&self.lock())
    }

    /// Publishes a successful rebuild: it is served from now on and its errors are cleared.
    pub fn publish_build(&self, output: Arc<Output>, paths: BTreeSet<String>) -> Arc<Snapshot> {
        self.publish(|previous| {
            let change = Change {
                paths,
                errors: previous.errors.is_some(),
            };
            Snapshot {
                output,
                errors: None,
                generation: previous.generation + 1,
                change,
            }
        })
    }

    /// Publishes a failed rebuild: the last good build stays, with these errors over it.
    pub fn publish_errors(&self, errors: String) -> Arc<Snapshot> {
        self.publish(|previous| {
            let change = Change {
                paths: BTreeSet::new(),
                errors: previous.errors.as_ref() != Some(&errors),
            };
            let output = Arc::clone(&previous.output);
            Snapshot {
                output,
                errors: Some(errors),
                generation: previous.generation + 1,
                change,
            }
        })
    }

    fn publish(&self, next: impl FnOnce(&Snapshot) -> Snapshot) -> Arc<Snapshot> {
        let mut current = self.lock();
        let snapshot = Arc::new(next(&current));
        *current = Arc::clone(&snapshot);
        drop(current);
        self.published.notify_all();
        snapshot
    }

    /// The first snapshot other than `generation` (newer, or older after a restart), waiting
    /// up to `timeout` for one; the current snapshot when none came.
    pub fn wait_newer(&self, generation: u64, timeout: Duration) -> Arc<Snapshot> {
        let guard = self.lock();
        let (guard, _) = self
            .published
            .wait_timeout_while(guard, timeout, |current| current.generation == generation)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        Arc::clone(&guard)
    }

    fn lock(&self) -> MutexGuard<'_, Arc<Snapshot>> {
        // A panic elsewhere cannot leave a half-written snapshot: it is replaced whole.
        self.current
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(paths: &[&str], errors: bool) -> Change {
        Change {
            paths: paths.iter().map(|p| p.to_string()).collect(),
            errors,
        }
    }

    #[test]
    fn a_page_reloads_only_when_it_or_the_errors_changed() {
        assert_eq!(
            change(&["a/index.html"], false).action_for(Some("a/index.html")),
            Action::Reload
        );
        assert_eq!(
            change(&["b/index.html"], false).action_for(Some("a/index.html")),
            Action::None
        );
        assert_eq!(
            change(&[], true).action_for(Some("a/index.html")),
            Action::Reload
        );
        assert_eq!(
            change(&["css/site.css"], false).action_for(Some("a/index.html")),
            Action::Restyle
        );
        assert_eq!(
            change(&["b/index.html"], false).action_for(None),
            Action::Reload
        );
    }

    #[test]
    fn errors_keep_the_last_good_build_and_clear_on_success() {
        let shared = Shared::new(Output::default());
        let failed = shared.publish_errors("content/a.md:1:1: oops".into());
        assert_eq!((failed.generation, failed.change.errors), (1, true));
        let same = shared.publish_errors("content/a.md:1:1: oops".into());
        assert!(!same.change.errors);
        let fixed = shared.publish_build(Arc::default(), BTreeSet::new());
        assert_eq!(
            (
                fixed.generation,
                fixed.errors.is_none(),
                fixed.change.errors
            ),
            (3, true, true)
        );
        assert_eq!(shared.wait_newer(2, Duration::ZERO).generation, 3);
    }
}
