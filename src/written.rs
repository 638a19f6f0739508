//! Pages written to the staging folder as they render (`hubsite build`), and what the later
//! stages keep of each in their place: its size and its links, for the verdict. A leaf
//! module: render makes [`WrittenPage`]s through a hook the pipeline gives it, outputs lists
//! them and the verdict reads their links, so none of them needs another's types. The files
//! made from the model (search index, PDFs, calendars, feeds, exports) are kept the same way
//! once written, with no links.
//!
//! A page's links are kept as numbers into one [`HrefTable`] per build: most links (the
//! navigation, the footer, the style sheets) are the same on every page, so each address is
//! stored once, and a page's list costs four bytes a link.

use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::{FxHashMap, FxHashSet};

/// Every distinct root-relative `href` and `src` of the pages written in a build.
#[derive(Debug, Default)]
pub struct HrefTable(Mutex<Table>);

#[derive(Debug, Default)]
struct Table {
    numbers: FxHashMap<Arc<str>, u32>,
    hrefs: Vec<Arc<str>>,
}

impl HrefTable {
    /// The numbers of `hrefs`, in their order, each distinct one once (the verdict reports a
    /// page's dead link once however often the page repeats it).
    pub fn numbers<'a>(&self, hrefs: impl IntoIterator<Item = &'a str>) -> Box<[u32]> {
        let mut table = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let mut numbers: Vec<u32> = Vec::new();
        let mut seen = FxHashSet::default();
        for href in hrefs {
            let number = match table.numbers.get(href) {
                Some(&number) => number,
                None => {
                    let number = u32::try_from(table.hrefs.len()).unwrap_or(u32::MAX);
                    let href: Arc<str> = Arc::from(href);
                    table.hrefs.push(Arc::clone(&href));
                    table.numbers.insert(href, number);
                    number
                }
            };
            if seen.insert(number) {
                numbers.push(number);
            }
        }
        numbers.into_boxed_slice()
    }

    /// The addresses numbered `numbers`.
    pub fn hrefs(&self, numbers: &[u32]) -> Vec<Arc<str>> {
        let table = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        numbers
            .iter()
            .filter_map(|&n| table.hrefs.get(n as usize).cloned())
            .collect()
    }
}

/// A page already in the staging folder: what is left of it in memory.
#[derive(Debug, Clone)]
pub struct WrittenPage {
    /// Its size in bytes, as written.
    pub len: usize,
    /// Its root-relative `href`s and `src`s as the page wrote them (before fingerprinted style
    /// sheet names were put in), each once.
    pub hrefs: Box<[u32]>,
    /// The table the numbers are in.
    pub table: Arc<HrefTable>,
}

impl WrittenPage {
    /// The page's root-relative `href`s and `src`s, each once.
    pub fn hrefs(&self) -> Vec<Arc<str>> {
        self.table.hrefs(&self.hrefs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_is_stored_once_and_read_back_in_order() {
        let table = Arc::new(HrefTable::default());
        let a = table.numbers(["/a/", "/b/", "/a/"]);
        let b = table.numbers(["/b/", "/c/"]);
        assert_eq!(a.len(), 2);
        assert_eq!(a[1], b[0]);
        let page = WrittenPage {
            len: 0,
            hrefs: b,
            table: Arc::clone(&table),
        };
        let read: Vec<String> = page.hrefs().iter().map(|h| h.to_string()).collect();
        assert_eq!(read, ["/b/", "/c/"]);
    }
}
