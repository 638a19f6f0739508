//! Rebuilds for `serve`: the whole pipeline runs on every change, with pages whose template
//! set and view did not change taken from the render cache instead of Tera. A configuration
//! change empties the cache. The output is, by construction, what a full build gives; the
//! tests in `tests/serve.rs` check that byte for byte.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::output::{Contents, Output};
use crate::pipeline::{BuildOptions, Memos, build_with_cache};
use crate::render::cache::CacheStats;

use super::watch::Batch;

/// Rebuilds one site again and again, keeping what can be reused.
#[derive(Debug)]
pub struct Rebuilder {
    options: BuildOptions,
    memos: Memos,
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// The new output.
    pub output: Output,
    /// How long it took.
    pub elapsed: Duration,
    /// Pages rendered and pages reused.
    pub stats: CacheStats,
}

impl Rebuilder {
    /// A rebuilder for the site `options` describe; nothing is cached yet.
    pub fn new(options: BuildOptions) -> Rebuilder {
        Rebuilder { options, memos: Memos::default() }
    }

    /// Builds the site as it is on disk now, after the changes in `batch`.
    pub fn rebuild(&mut self, batch: &Batch) -> Result<Rebuilt, Error> {
        let started = Instant::now();
        let cache = &self.memos.render;
        if batch.config {
            cache.clear();
        }
        cache.start_build();
        let built = build_with_cache(&self.options, Some(&self.memos), &|_| {}).inspect_err(|_| cache.abandon_build())?;
        Ok(Rebuilt { output: built.output, elapsed: started.elapsed(), stats: cache.stats() })
    }
}

/// The output paths whose contents differ between two builds: generated files compared by
/// bytes, static files by source and by whether the batch touched that source.
pub fn changed_paths(old: &Output, new: &Output, batch: &Batch, root: &std::path::Path) -> BTreeSet<String> {
    let touched: BTreeSet<_> = batch.paths.iter().map(|p| root.join(p)).collect();
    let mut changed = BTreeSet::new();
    for file in &new.files {
        let same = match (old.get(&file.path).map(|f| &f.contents), &file.contents) {
            (Some(Contents::Bytes(a)), Contents::Bytes(b)) => a == b,
            (Some(Contents::Asset(a)), Contents::Asset(b)) => same_asset(a, b, &touched),
            _ => false,
        };
        if !same {
            changed.insert(file.path.clone());
        }
    }
    for file in &old.files {
        if new.get(&file.path).is_none() {
            changed.insert(file.path.clone());
        }
    }
    changed
}

fn same_asset(a: &crate::load::AssetSource, b: &crate::load::AssetSource, touched: &BTreeSet<std::path::PathBuf>) -> bool {
    use crate::load::AssetSource::{Disk, Embedded};
    match (a, b) {
        (Disk(a), Disk(b)) => a == b && !touched.contains(b),
        (Embedded(a), Embedded(b)) => a == b,
        _ => false,
    }
}
