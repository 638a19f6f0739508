//! `hubsite serve`: builds the site into memory, serves it on this computer, watches the
//! site folder, rebuilds on every change and tells open pages to reload.
//!
//! - [`watch`]: notify events coalesced into batches, editors' temporary files ignored.
//! - [`changes`]: which served files a rebuild changed, for live reload (the rebuild itself is
//!   [`crate::pipeline::run`] with a [`Cache`]).
//! - [`state`]: the snapshot being served, swapped whole after each rebuild.
//! - [`server`]: HTTP from memory, with the reload script and error overlay added to HTML.
//!
//! A failed rebuild prints its located problems and keeps the last good build served, with
//! the problems shown over every page until a rebuild succeeds.

pub mod changes;
pub mod server;
pub mod state;
pub mod watch;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::output::Output;
pub use crate::pipeline::Rebuild;
use crate::pipeline::{BuildOptions, Cache, Changes, Sink, run};
use crate::render::cache::CacheStats;
use changes::changed_paths;
use state::{Shared, Snapshot};
use watch::{Batch, SiteWatcher};

pub use server::{mime_type, resolve};

/// What `hubsite serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site and how to build it.
    pub build: BuildOptions,
    /// The address to listen on.
    pub interface: IpAddr,
    /// The port to try first.
    pub port: u16,
    /// Open the site in a browser once it is served.
    pub open: bool,
}

/// A site kept built in memory: the rebuild machinery without the watcher or the server, so
/// tests can drive it through edits.
#[derive(Debug)]
pub struct LiveSite {
    cache: Cache,
    shared: Arc<Shared>,
    options: BuildOptions,
    last_rebuild: Option<Rebuild>,
    last_stats: Option<CacheStats>,
}

impl LiveSite {
    /// Builds the site once. When that fails, the problems are published over an empty site.
    pub fn start(options: BuildOptions) -> LiveSite {
        let shared = Arc::new(Shared::new(Output::default()));
        let mut live = LiveSite {
            cache: Cache::new(),
            shared,
            options,
            last_rebuild: None,
            last_stats: None,
        };
        live.update(&Batch {
            config: true,
            ..Batch::default()
        });
        live
    }

    /// The state the server reads.
    pub fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    /// How the last successful rebuild was done.
    pub fn last_rebuild(&self) -> Option<Rebuild> {
        self.last_rebuild
    }

    /// How many pages the last successful rebuild rendered, and how many it kept.
    pub fn last_stats(&self) -> Option<CacheStats> {
        self.last_stats
    }

    /// Rebuilds after `batch`, publishes the result and says what happened.
    pub fn update(&mut self, batch: &Batch) -> Arc<Snapshot> {
        let previous = self.shared.current();
        self.cache.note(Changes {
            paths: batch.paths.clone(),
            config: batch.config,
            rescan: batch.rescan,
        });
        match run(&self.options, Sink::Memory, Some(&mut self.cache), &|_| {}) {
            Ok(rebuilt) => {
                let paths =
                    changed_paths(&previous.output, &rebuilt.output, batch, &self.options.root);
                let snapshot = self.shared.publish_build(rebuilt.output, paths);
                self.last_rebuild = Some(rebuilt.how);
                self.last_stats = Some(rebuilt.stats);
                let since_save = batch
                    .first_seen
                    .map(|t| format!(", {} ms from save to served", t.elapsed().as_millis()));
                let how = match rebuilt.how {
                    Rebuild::PageText => " (page text)",
                    Rebuild::FrontMatter => " (front matter)",
                    Rebuild::Theme => " (templates and static files)",
                    Rebuild::Sessions => " (sessions)",
                    Rebuild::Services => " (services)",
                    Rebuild::Topics => " (topics)",
                    Rebuild::Full => "",
                };
                let spliced = match rebuilt.stats.spliced {
                    0 => String::new(),
                    n => format!(", {n} spliced"),
                };
                eprintln!(
                    "Rebuilt in {} ms{}{how}: {} rendered{spliced}, {} reused, {} changed",
                    rebuilt.elapsed.as_millis(),
                    since_save.unwrap_or_default(),
                    counted(rebuilt.stats.misses, "page"),
                    rebuilt.stats.hits,
                    counted(snapshot.change.paths.len(), "file"),
                );
                eprint!("{}", rebuilt.warnings.as_warnings());
                snapshot
            }
            Err(error) => {
                eprintln!(
                    "{}\nerror: the rebuild failed; still serving the last good build",
                    crate::error::full_message(&error)
                );
                self.shared.publish_errors(error.to_string())
            }
        }
    }
}

/// "1 page", "2 pages".
fn counted(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// Why `serve` could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The site folder cannot be watched.
    #[error(transparent)]
    Watch(#[from] watch::WatchError),
    /// No port could be listened on.
    #[error(transparent)]
    Bind(#[from] server::BindError),
}

/// Builds, serves and rebuilds until the process is stopped. Fails only when it cannot
/// listen or watch; problems in the site are shown, not returned.
pub fn serve(options: ServeOptions) -> Result<(), ServeError> {
    // Watching starts first, so that a save during the first build is rebuilt too.
    let mut watcher = SiteWatcher::new(&options.build.root)?;
    let mut live = LiveSite::start(options.build.clone());
    let (http, address) = server::bind(options.interface, options.port)?;
    // A site hosted under a folder is served under it, as its host will; `/` leads there.
    let root = live.shared().current().output.urls.root();
    let url = format!("http://{address}{root}");
    eprintln!(
        "Serving {} at {url} (Ctrl+C to stop)",
        options.build.root.display()
    );
    if options.open {
        // No browser is not a problem: the address is printed above.
        let _ = open::that_detached(&url);
    }
    let shared = Arc::clone(live.shared());
    std::thread::spawn(move || server::run(&http, &shared));
    loop {
        if let Some(batch) = watcher.next_batch(Duration::from_secs(3600)) {
            let mut names: Vec<_> = batch
                .paths
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            if batch.rescan {
                names.push("(changes the system could not name)".into());
            }
            eprintln!("Changed: {}", names.join(", "));
            live.update(&batch);
        }
    }
}
