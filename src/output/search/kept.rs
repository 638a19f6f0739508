//! The search index as `hubsite serve` keeps it between rebuilds, so that an edit to one
//! page's text updates only that document's terms and the shards that hold them, instead of
//! indexing every document again. Its files are exactly a full build's: the same postings,
//! entries and cuts (see [`super::layout`]); `tests/serve.rs` compares them byte for byte.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;

use super::documents::SearchDocument;
use super::index::Postings;
use super::layout::{SHARD_BYTES, entries, manifest, record_bytes, record_path, render_entry, shard_bytes_of, shard_path, shard_ranges};
use crate::model::Site;

/// Where the shards are: every output path under it is a shard.
pub const SHARDS: &str = "search/t/";

/// A laid-out index and what it was made from.
#[derive(Debug)]
pub struct KeptIndex {
    documents: Vec<SearchDocument>,
    postings: Postings,
    /// Where shards are cut ([`SHARD_BYTES`] but in tests).
    shard_bytes: usize,
    /// Each term's rendered entry, in term order.
    entries: BTreeMap<String, String>,
    /// The shards of the last layout by first term: last term and bytes.
    shards: HashMap<String, (String, Arc<Vec<u8>>)>,
    /// Terms whose entries changed since the last layout.
    changed: BTreeSet<String>,
    /// Documents whose records changed since the last layout.
    changed_records: BTreeSet<usize>,
}

/// The search files of a layout: every shard, the manifest, and the records that changed
/// (all of them after a first layout).
#[derive(Debug)]
pub struct SearchFiles {
    /// `search/t/<n>.json`, in order.
    pub shards: Vec<(String, Arc<Vec<u8>>)>,
    /// `search/manifest.json` and records, by path.
    pub others: Vec<(String, Arc<Vec<u8>>)>,
}

impl KeptIndex {
    /// Indexes every document of `site` and lays the index out.
    pub fn build(site: &Site) -> (KeptIndex, SearchFiles) {
        KeptIndex::from_documents(super::documents(site), SHARD_BYTES)
    }

    /// Indexes `documents` and lays the index out in shards of `shard_bytes`.
    pub fn from_documents(documents: Vec<SearchDocument>, shard_bytes: usize) -> (KeptIndex, SearchFiles) {
        let postings = Postings::build(&documents);
        let entries = entries(&postings).into_iter().map(|(term, entry)| (term.clone(), entry)).collect();
        let changed_records = (0..documents.len()).collect();
        let mut kept =
            KeptIndex { documents, postings, entries, shard_bytes, shards: HashMap::new(), changed: BTreeSet::new(), changed_records };
        let files = kept.lay_out();
        (kept, files)
    }

    /// Puts `document` in the place of the document with the same kind and address; `false`
    /// (and nothing changed) when there is none, as after an addition.
    pub fn replace(&mut self, document: SearchDocument) -> bool {
        let Some(doc) = self.documents.iter().position(|d| d.kind == document.kind && d.url == document.url) else {
            return false;
        };
        let terms = self.postings.replace_document(doc as u32, &self.documents[doc], &document);
        // A document's common words have a posting in nearly every document: their entries
        // are long, so they are rendered across cores.
        let postings = &self.postings;
        let entries: Vec<(String, Option<String>)> = terms
            .into_par_iter()
            .map(|term| {
                let entry = postings.terms.get(&term).map(|lists| render_entry(&term, lists, postings));
                (term, entry)
            })
            .collect();
        for (term, entry) in entries {
            match entry {
                Some(entry) => self.entries.insert(term.clone(), entry),
                None => self.entries.remove(&term),
            };
            self.changed.insert(term);
        }
        if record_bytes(&self.documents[doc]) != record_bytes(&document) {
            self.changed_records.insert(doc);
        }
        self.documents[doc] = document;
        true
    }

    /// Cuts the entries into shards as a full build does, reusing the bytes of every shard
    /// that holds the same run of terms as before and none that changed.
    pub fn lay_out(&mut self) -> SearchFiles {
        let entries: Vec<(&String, &String)> = self.entries.iter().collect();
        let ranges = shard_ranges(entries.iter().map(|(_, entry)| entry.len()), self.shard_bytes);
        let mut shards = HashMap::with_capacity(ranges.len());
        let mut files = SearchFiles { shards: Vec::with_capacity(ranges.len()), others: Vec::new() };
        for (n, range) in ranges.iter().enumerate() {
            let (first, last) = (entries[range.start].0, entries[range.end - 1].0);
            let unchanged = self.changed.range::<String, _>(first..=last).next().is_none();
            let bytes = match self.shards.get(first) {
                Some((was_last, bytes)) if was_last == last && unchanged => Arc::clone(bytes),
                _ => Arc::new(shard_bytes_of(entries[range.clone()].iter().map(|(_, entry)| entry.as_str()))),
            };
            files.shards.push((shard_path(n), Arc::clone(&bytes)));
            shards.insert(first.clone(), (last.clone(), bytes));
        }
        let firsts = ranges.iter().map(|range| entries[range.start].0.clone()).collect();
        files.others.push(("search/manifest.json".to_owned(), Arc::new(manifest(&self.documents, &self.postings, firsts))));
        for &doc in &self.changed_records {
            files.others.push((record_path(doc), Arc::new(record_bytes(&self.documents[doc]))));
        }
        self.shards = shards;
        self.changed.clear();
        self.changed_records.clear();
        files
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::search::SearchKind;
    use crate::output::search::layout::lay_out_with;

    fn doc(n: usize, body: &str) -> SearchDocument {
        SearchDocument {
            kind: SearchKind::Page,
            url: format!("/p{n}/"),
            title: format!("Guide {n}"),
            summary: "About talking calmly.".into(),
            topics: vec!["Wellbeing".into()],
            body: body.into(),
            facts: Vec::new(),
            section: String::new(),
        }
    }

    /// Files as a map, shards included, for comparing with a full layout.
    fn all(files: &SearchFiles, records: &mut BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
        for (path, bytes) in &files.others {
            records.insert(path.clone(), bytes.to_vec());
        }
        let mut map = records.clone();
        map.extend(files.shards.iter().map(|(path, bytes)| (path.clone(), bytes.to_vec())));
        map
    }

    #[test]
    fn replacing_a_documents_text_gives_a_full_layouts_files() {
        let words = ["calm", "listen", "agree", "money", "sleep", "school", "anger", "repair", "play", "rest"];
        let body = |n: usize, shift: usize| (0..40).map(|i| words[(i * (n + 1) + shift) % words.len()]).collect::<Vec<_>>().join(" ");
        let mut documents: Vec<SearchDocument> = (0..30).map(|n| doc(n, &body(n, 0))).collect();
        let (mut kept, files) = KeptIndex::from_documents(documents.clone(), 300);
        let mut records = BTreeMap::new();
        all(&files, &mut records);
        for (step, (n, text)) in [(3, "an entirely new vocabulary: zebra quokka"), (3, &body(3, 1) as &str), (17, ""), (0, "calm calm calm")].into_iter().enumerate() {
            documents[n] = doc(n, text);
            assert!(kept.replace(documents[n].clone()));
            let updated = all(&kept.lay_out(), &mut records);
            let full: BTreeMap<String, Vec<u8>> = lay_out_with(&documents, &Postings::build(&documents), 300).into_iter().collect();
            assert_eq!(updated.keys().collect::<Vec<_>>(), full.keys().collect::<Vec<_>>(), "step {step}");
            for (path, bytes) in &full {
                assert!(updated[path] == *bytes, "step {step}: {path} differs");
            }
        }
        assert!(!kept.replace(doc(99, "not there")), "a document not indexed is not added");
    }
}
