//! Stage 4, outputs: ORUK's page envelope serialized as its items are made, for the directory
//! export's full dump (`services-full.json`), so that the export never holds every service as
//! a `serde_json::Value` at once (at 10,000 services those trees were a few hundred MB beside
//! the directory's PDFs: docs/performance.md, 'Bounded memory').
//!
//! The text is byte for byte what serializing [`super::oruk::page_envelope`]'s `Value` gives:
//! the same keys in the same (sorted, as a `serde_json::Map` keeps them) order, the same
//! numbers and the items serialized one by one as the same values.

use std::cell::RefCell;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// ORUK's page envelope around `contents`, which has `len` items.
pub(super) struct Envelope<C> {
    /// The items of the page.
    pub(super) contents: C,
    /// How many there are.
    pub(super) len: usize,
    /// This page's number, from 1.
    pub(super) page: usize,
    /// How many pages the list has.
    pub(super) pages: usize,
    /// How many items the list has on all its pages.
    pub(super) total: usize,
    /// Items a page.
    pub(super) size: usize,
}

impl<C: Serialize> Serialize for Envelope<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // In the order `page_envelope`'s `Value` (a sorted map) writes them.
        let mut map = serializer.serialize_map(Some(8))?;
        map.serialize_entry("contents", &self.contents)?;
        map.serialize_entry("empty", &(self.len == 0))?;
        map.serialize_entry("first_page", &(self.page == 1))?;
        map.serialize_entry("last_page", &(self.page == self.pages))?;
        map.serialize_entry("page_number", &self.page)?;
        map.serialize_entry("size", &self.size)?;
        map.serialize_entry("total_items", &self.total)?;
        map.serialize_entry("total_pages", &self.pages)?;
        map.end()
    }
}

/// A list whose items are made only as it is serialized, each by `make` from one of `from`
/// and dropped once written; `make` may hand the item elsewhere too (the export writes each
/// service's own file from the value it puts in the dump), so it runs once per item.
pub(super) struct MadeList<'a, T, F> {
    from: &'a [T],
    make: RefCell<F>,
}

impl<'a, T, F, V> MadeList<'a, T, F>
where
    F: FnMut(&T) -> V,
    V: Serialize,
{
    /// The list of `make` of each of `from`, in order.
    pub(super) fn new(from: &'a [T], make: F) -> Self {
        MadeList {
            from,
            make: RefCell::new(make),
        }
    }
}

impl<T, F, V> Serialize for MadeList<'_, T, F>
where
    F: FnMut(&T) -> V,
    V: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.from.len()))?;
        for item in self.from {
            // Serialization runs once, on one thread: the borrow is never held twice.
            let value = (self.make.borrow_mut())(item);
            seq.serialize_element(&value)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn pretty(value: &impl Serialize) -> String {
        serde_json::to_string_pretty(value).unwrap_or_default()
    }

    #[test]
    fn an_envelope_made_item_by_item_is_the_value_envelope_byte_for_byte() {
        let items = vec![
            json!({"b": 1, "a": [1, 2.5, "x\ny"], "c": {"z": null, "d": []}}),
            json!("text with \"quotes\""),
            json!({}),
        ];
        for (page, pages, total, size) in [(1, 1, 3, 3), (2, 5, 40, 10), (5, 5, 3, 1)] {
            let value = super::super::oruk::page_envelope(items.clone(), page, pages, total, size);
            let mut made = 0;
            let text = {
                let list = MadeList::new(&items, |item: &Value| {
                    made += 1;
                    item.clone()
                });
                pretty(&Envelope {
                    contents: &list,
                    len: items.len(),
                    page,
                    pages,
                    total,
                    size,
                })
            };
            assert_eq!(text, pretty(&value));
            assert_eq!(made, items.len(), "each item made once");
        }
        let none: Vec<Value> = Vec::new();
        let empty = Envelope {
            contents: &MadeList::new(&none, |item: &Value| item.clone()),
            len: 0,
            page: 1,
            pages: 1,
            total: 0,
            size: 0,
        };
        let value = super::super::oruk::page_envelope(none.clone(), 1, 1, 0, 0);
        assert_eq!(pretty(&empty), pretty(&value));
    }
}
