//! The search index as `hubsite serve` keeps it between rebuilds, so that an edit to one
//! page's text updates only that document's terms and the shards that hold them, instead of
//! indexing every document again. Its files are exactly a full build's: the same postings,
//! entries and cuts (see [`super::layout`]); `tests/serve.rs` compares them byte for byte.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;

use super::documents::SearchDocument;
use super::index::Postings;
use super::layout::{
    MANIFEST, RECORDS_PER_FILE, SHARD_BYTES, entries, manifest, record_bytes, record_file_bytes,
    record_path, render_entry, shard_bytes_of, shard_path, shard_ranges,
};
use super::text::Analysis;
use crate::model::Site;

/// A laid-out index and what it was made from.
#[derive(Debug)]
pub struct KeptIndex {
    /// How its text became terms (the site's language's).
    analysis: Analysis,
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
    /// Each document's record, by document number.
    records: Vec<Vec<u8>>,
    /// Each record file, by its number.
    record_files: Vec<Arc<Vec<u8>>>,
    /// Record files whose records changed since the last layout.
    changed_files: BTreeSet<usize>,
    /// Record file numbers in the order of their paths (`search/d/10.json` before
    /// `.../2.json`).
    record_order: Vec<usize>,
}

/// Every search file of a layout, each run in path order.
#[derive(Debug, Clone)]
pub struct SearchFiles {
    /// `search/t/<n>.json`.
    pub shards: Vec<(String, Arc<Vec<u8>>)>,
    /// `search/d/<n>.json`, [`RECORDS_PER_FILE`] records each.
    pub records: Vec<(String, Arc<Vec<u8>>)>,
    /// `search/manifest.json`.
    pub manifest: Arc<Vec<u8>>,
}

impl SearchFiles {
    /// Every file, as (path, bytes).
    pub fn into_files(self) -> impl Iterator<Item = (String, Arc<Vec<u8>>)> {
        let manifest = (MANIFEST.to_owned(), self.manifest);
        self.shards
            .into_iter()
            .chain(self.records)
            .chain(std::iter::once(manifest))
    }
}

impl KeptIndex {
    /// The index of `site`. When `previous` indexed the same documents (by kind and address,
    /// in the same order), only those that differ are replaced in it; otherwise every
    /// document is indexed.
    pub fn build(site: &Site, previous: Option<KeptIndex>) -> (KeptIndex, SearchFiles) {
        let documents = super::documents(site);
        let analysis = Analysis::for_language(&site.config.language);
        match previous {
            Some(mut kept) if kept.analysis == analysis && kept.indexes_the_same(&documents) => {
                kept.replace_all(documents.into_iter().enumerate().collect());
                let files = kept.lay_out();
                (kept, files)
            }
            _ => KeptIndex::from_documents(documents, analysis, SHARD_BYTES),
        }
    }

    /// Indexes `documents` with `analysis` and lays the index out in shards of `shard_bytes`.
    pub fn from_documents(
        documents: Vec<SearchDocument>,
        analysis: Analysis,
        shard_bytes: usize,
    ) -> (KeptIndex, SearchFiles) {
        let postings = Postings::build(&documents, analysis);
        let entries = entries(&postings)
            .into_iter()
            .map(|(term, entry)| (term.clone(), entry))
            .collect();
        let records: Vec<Vec<u8>> = documents.par_iter().map(record_bytes).collect();
        let record_files = records
            .chunks(RECORDS_PER_FILE)
            .map(|run| Arc::new(record_file_bytes(run.iter())))
            .collect::<Vec<_>>();
        let mut record_order: Vec<usize> = (0..record_files.len()).collect();
        record_order.sort_by_cached_key(|&n| record_path(n));
        let mut kept = KeptIndex {
            analysis,
            documents,
            postings,
            entries,
            shard_bytes,
            shards: HashMap::new(),
            changed: BTreeSet::new(),
            records,
            record_files,
            changed_files: BTreeSet::new(),
            record_order,
        };
        let files = kept.lay_out();
        (kept, files)
    }

    fn indexes_the_same(&self, documents: &[SearchDocument]) -> bool {
        self.documents.len() == documents.len()
            && self
                .documents
                .iter()
                .zip(documents)
                .all(|(a, b)| a.kind == b.kind && a.url == b.url)
    }

    /// The documents indexed, in the index's order.
    pub fn documents(&self) -> &[SearchDocument] {
        &self.documents
    }

    /// Whether a document of the same kind and address is indexed.
    pub fn has(&self, document: &SearchDocument) -> bool {
        self.documents
            .iter()
            .any(|d| d.kind == document.kind && d.url == document.url)
    }

    /// Puts `document` in the place of the document with the same kind and address; `false`
    /// (and nothing changed) when there is none, as after an addition.
    pub fn replace(&mut self, document: SearchDocument) -> bool {
        let Some(doc) = self
            .documents
            .iter()
            .position(|d| d.kind == document.kind && d.url == document.url)
        else {
            return false;
        };
        self.replace_all(vec![(doc, document)]);
        true
    }

    /// Puts each of `documents` in the place of the document with the same kind and address,
    /// all together; `false` (and nothing changed) when any of them has none.
    pub fn replace_many(&mut self, documents: Vec<SearchDocument>) -> bool {
        let mut by_url: HashMap<&str, Vec<usize>> = HashMap::new();
        for (doc, document) in self.documents.iter().enumerate() {
            by_url.entry(document.url.as_str()).or_default().push(doc);
        }
        let places: Option<Vec<usize>> = documents
            .iter()
            .map(|document| {
                by_url.get(document.url.as_str()).and_then(|docs| {
                    docs.iter()
                        .copied()
                        .find(|&doc| self.documents[doc].kind == document.kind)
                })
            })
            .collect();
        let Some(places) = places else {
            return false;
        };
        self.replace_all(places.into_iter().zip(documents).collect());
        true
    }

    /// Puts each document in the place of the document of its number: the postings of those
    /// whose terms changed are updated together, each changed term's entry is rendered once,
    /// and records are made again only for documents that differ.
    fn replace_all(&mut self, replaced: Vec<(usize, SearchDocument)>) {
        let replaced: Vec<(usize, SearchDocument)> = replaced
            .into_par_iter()
            .filter(|(doc, document)| self.documents[*doc] != *document)
            .collect();
        let changes: Vec<(u32, &SearchDocument, &SearchDocument)> = replaced
            .iter()
            .map(|(doc, document)| (*doc as u32, &self.documents[*doc], document))
            .collect();
        let terms = self.postings.replace_documents(self.analysis, &changes);
        // A common word has a posting in nearly every document: its entry is long, so entries
        // are rendered across cores.
        let postings = &self.postings;
        let entries: Vec<(String, Option<String>)> = terms
            .into_par_iter()
            .map(|term| {
                let entry = postings
                    .terms
                    .get(&term)
                    .map(|lists| render_entry(&term, lists, postings));
                (term, entry)
            })
            .collect();
        for (term, entry) in entries {
            let unchanged = self.entries.get(&term) == entry.as_ref();
            match entry {
                Some(entry) => self.entries.insert(term.clone(), entry),
                None => self.entries.remove(&term),
            };
            if !unchanged {
                self.changed.insert(term);
            }
        }
        let records: Vec<(usize, Vec<u8>)> = replaced
            .par_iter()
            .map(|(doc, document)| (*doc, record_bytes(document)))
            .collect();
        for (doc, record) in records {
            if self.records[doc] != record {
                self.records[doc] = record;
                self.changed_files.insert(doc / RECORDS_PER_FILE);
            }
        }
        for (doc, document) in replaced {
            self.documents[doc] = document;
        }
    }

    /// Cuts the entries into shards as a full build does, reusing the bytes of every shard
    /// that holds the same run of terms as before and none that changed.
    pub fn lay_out(&mut self) -> SearchFiles {
        let entries: Vec<(&String, &String)> = self.entries.iter().collect();
        let ranges = shard_ranges(
            entries.iter().map(|(_, entry)| entry.len()),
            self.shard_bytes,
        );
        let mut shards = HashMap::with_capacity(ranges.len());
        let mut files: Vec<(String, Arc<Vec<u8>>)> = Vec::with_capacity(ranges.len());
        for (n, range) in ranges.iter().enumerate() {
            let (first, last) = (entries[range.start].0, entries[range.end - 1].0);
            let unchanged = self
                .changed
                .range::<String, _>(first..=last)
                .next()
                .is_none();
            let bytes = match self.shards.get(first) {
                Some((was_last, bytes)) if was_last == last && unchanged => Arc::clone(bytes),
                _ => Arc::new(shard_bytes_of(
                    entries[range.clone()]
                        .iter()
                        .map(|(_, entry)| entry.as_str()),
                )),
            };
            files.push((shard_path(n), Arc::clone(&bytes)));
            shards.insert(first.clone(), (last.clone(), bytes));
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let firsts = ranges
            .iter()
            .map(|range| entries[range.start].0.clone())
            .collect();
        let manifest = Arc::new(manifest(
            &self.documents,
            self.postings.doc_count,
            self.analysis,
            firsts,
        ));
        self.shards = shards;
        self.changed.clear();
        for n in std::mem::take(&mut self.changed_files) {
            let run = self
                .records
                .chunks(RECORDS_PER_FILE)
                .nth(n)
                .unwrap_or_default();
            self.record_files[n] = Arc::new(record_file_bytes(run.iter()));
        }
        let records = self
            .record_order
            .iter()
            .map(|&n| (record_path(n), Arc::clone(&self.record_files[n])))
            .collect();
        SearchFiles {
            shards: files,
            records,
            manifest,
        }
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
            booking: None,
        }
    }

    /// Files as a map, for comparing with a full layout.
    fn all(files: SearchFiles) -> BTreeMap<String, Vec<u8>> {
        files
            .into_files()
            .map(|(path, bytes)| (path, bytes.to_vec()))
            .collect()
    }

    #[test]
    fn replacing_a_documents_text_gives_a_full_layouts_files() {
        let words = [
            "calm", "listen", "agree", "money", "sleep", "school", "anger", "repair", "play",
            "rest",
        ];
        let body = |n: usize, shift: usize| {
            (0..40)
                .map(|i| words[(i * (n + 1) + shift) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut documents: Vec<SearchDocument> = (0..30).map(|n| doc(n, &body(n, 0))).collect();
        let (mut kept, _) = KeptIndex::from_documents(documents.clone(), Analysis::English, 300);
        let mut renamed = doc(5, &body(5, 0));
        renamed.title = "A new title".into();
        let steps = [
            doc(3, "an entirely new vocabulary: zebra quokka"),
            doc(3, &body(3, 1)),
            doc(17, ""),
            doc(0, "calm calm calm"),
            renamed,
        ];
        for (step, document) in steps.into_iter().enumerate() {
            let n = documents
                .iter()
                .position(|d| d.url == document.url)
                .expect("indexed");
            documents[n] = document.clone();
            assert!(kept.replace(document));
            let updated = all(kept.lay_out());
            let full: BTreeMap<String, Vec<u8>> = lay_out_with(
                &documents,
                &Postings::build(&documents, Analysis::English),
                Analysis::English,
                300,
            )
            .into_iter()
            .collect();
            assert_eq!(
                updated.keys().collect::<Vec<_>>(),
                full.keys().collect::<Vec<_>>(),
                "step {step}"
            );
            for (path, bytes) in &full {
                assert!(updated[path] == *bytes, "step {step}: {path} differs");
            }
        }
        assert!(
            !kept.replace(doc(99, "not there")),
            "a document not indexed is not added"
        );
    }

    #[test]
    fn a_changed_record_makes_only_its_own_record_file_again() {
        let documents: Vec<SearchDocument> = (0..20).map(|n| doc(n, "calm words")).collect();
        let (mut kept, before) =
            KeptIndex::from_documents(documents.clone(), Analysis::English, 300);
        assert_eq!(before.records.len(), 20usize.div_ceil(RECORDS_PER_FILE));
        let mut changed = doc(9, "calm words");
        changed.summary = "About something else.".into();
        assert!(kept.replace(changed));
        let after = kept.lay_out();
        for ((path, was), (_, now)) in before.records.iter().zip(&after.records) {
            let holds_nine = *path == record_path(9 / RECORDS_PER_FILE);
            assert_eq!(!Arc::ptr_eq(was, now), holds_nine, "{path}");
        }
    }

    #[test]
    fn replacing_many_documents_at_once_gives_a_full_layouts_files() {
        let words = [
            "calm", "listen", "agree", "money", "sleep", "school", "anger",
        ];
        let body = |n: usize, shift: usize| {
            (0..20)
                .map(|i| words[(i * (n + 2) + shift) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        let documents: Vec<SearchDocument> = (0..40).map(|n| doc(n, &body(n, 0))).collect();
        let (mut kept, before) =
            KeptIndex::from_documents(documents.clone(), Analysis::English, 200);
        // A new section name only: records change, every shard keeps its bytes, shared.
        let renamed: Vec<SearchDocument> = documents
            .iter()
            .cloned()
            .map(|mut document| {
                document.section = "Renamed".into();
                document
            })
            .collect();
        kept.replace_all(renamed.into_iter().enumerate().collect());
        let after = kept.lay_out();
        assert_eq!(before.shards.len(), after.shards.len());
        for ((path, was), (_, now)) in before.shards.iter().zip(&after.shards) {
            assert!(Arc::ptr_eq(was, now), "{path} was made again");
        }
        assert!(
            before
                .records
                .iter()
                .zip(&after.records)
                .all(|(a, b)| a.1 != b.1)
        );
        // Every document's section (a record, not a term), a third's text, one emptied, one
        // with words no other has.
        let mut changed = documents.clone();
        for (n, document) in changed.iter_mut().enumerate() {
            document.section = "Renamed".into();
            if n % 3 == 0 {
                document.body = body(n, 1).into();
            }
        }
        changed[7].body = Default::default();
        changed[8].body = "quokka zebra".into();
        kept.replace_all(changed.iter().cloned().enumerate().collect());
        let updated = all(kept.lay_out());
        let full: BTreeMap<String, Vec<u8>> = lay_out_with(
            &changed,
            &Postings::build(&changed, Analysis::English),
            Analysis::English,
            200,
        )
        .into_iter()
        .collect();
        assert_eq!(updated, full);
    }
}
