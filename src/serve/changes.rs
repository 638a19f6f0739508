//! What a rebuild changed, for live reload: the output paths whose contents differ between
//! two builds.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::sync::Arc;

use crate::output::{Contents, Output};

use super::watch::Batch;

/// The output paths whose contents differ between two builds: generated files compared by
/// bytes, static files by source and by whether the batch touched that source.
pub fn changed_paths(
    old: &Output,
    new: &Output,
    batch: &Batch,
    root: &std::path::Path,
) -> BTreeSet<String> {
    let touched: BTreeSet<_> = batch.paths.iter().map(|p| root.join(p)).collect();
    let mut changed = BTreeSet::new();
    // Both lists are sorted by path: walk them side by side.
    let (mut old_files, mut new_files) = (old.files.iter().peekable(), new.files.iter().peekable());
    loop {
        let order = match (old_files.peek(), new_files.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(a), Some(b)) => a.path.cmp(&b.path),
        };
        let (gone_or_changed, same) = match order {
            Ordering::Less => (old_files.next(), false),
            Ordering::Greater => (new_files.next(), false),
            Ordering::Equal => {
                let (a, b) = (old_files.next(), new_files.next());
                let same = match (a.map(|f| &f.contents), b.map(|f| &f.contents)) {
                    (Some(Contents::Bytes(a)), Some(Contents::Bytes(b))) => {
                        Arc::ptr_eq(a, b) || a == b
                    }
                    (Some(Contents::Asset(a)), Some(Contents::Asset(b))) => {
                        same_asset(a, b, &touched)
                    }
                    _ => false,
                };
                (b, same)
            }
        };
        if let (Some(file), false) = (gone_or_changed, same) {
            changed.insert(file.path.clone());
        }
    }
    changed
}

fn same_asset(
    a: &crate::load::AssetSource,
    b: &crate::load::AssetSource,
    touched: &BTreeSet<std::path::PathBuf>,
) -> bool {
    use crate::load::AssetSource::{Disk, Embedded};
    match (a, b) {
        (Disk(a), Disk(b)) => a == b && !touched.contains(b),
        (Embedded(a), Embedded(b)) => a == b,
        _ => false,
    }
}
