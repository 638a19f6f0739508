//! What a rebuild changed, for live reload: the output paths whose contents differ between
//! two builds.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;

use crate::output::{Contents, Output};

use super::watch::Batch;

/// A file of both builds whose bytes are not shared: its path, its old bytes and its new.
type Compared<'a> = (&'a String, &'a Arc<Vec<u8>>, &'a Arc<Vec<u8>>);

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
    // Files whose bytes are not shared are compared afterwards, across cores (a shared
    // partial's edit changes every page, each near its end).
    let mut to_compare: Vec<Compared> = Vec::new();
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
                let same = match (a.map(|f| &f.contents), b) {
                    (Some(Contents::Bytes(a)), Some(file)) => match &file.contents {
                        Contents::Bytes(b) if Arc::ptr_eq(a, b) => true,
                        Contents::Bytes(b) => {
                            to_compare.push((&file.path, a, b));
                            true
                        }
                        Contents::Asset(_) | Contents::Written(_) => false,
                    },
                    (Some(Contents::Asset(a)), Some(file)) => match &file.contents {
                        Contents::Asset(b) => same_asset(a, b, &touched),
                        Contents::Bytes(_) | Contents::Written(_) => false,
                    },
                    _ => false,
                };
                (b, same)
            }
        };
        if let (Some(file), false) = (gone_or_changed, same) {
            changed.insert(file.path.clone());
        }
    }
    let differ: Vec<String> = to_compare
        .par_iter()
        .filter(|(_, a, b)| !same_bytes(a, b))
        .map(|(path, _, _)| (*path).clone())
        .collect();
    changed.extend(differ);
    changed
}

/// Whether two files hold the same bytes, their ends compared first: a page whose footer
/// changed differs near its end, and equal pages are read once either way.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let tail = a.len().saturating_sub(4096);
    a.len() == b.len() && a[tail..] == b[tail..] && a[..tail] == b[..tail]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_the_same_only_when_every_byte_is() {
        let page = vec![b'a'; 10_000];
        let mut end = page.clone();
        end[9_999] = b'b';
        let mut start = page.clone();
        start[0] = b'b';
        assert!(same_bytes(&page, &page.clone()));
        assert!(!same_bytes(&page, &end));
        assert!(!same_bytes(&page, &start));
        assert!(!same_bytes(&page, &page[..9_999]));
        assert!(same_bytes(b"", b""));
    }
}
