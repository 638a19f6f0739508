//! Querying the sharded index, exactly as `themes/hub/static/js/search.js` does: the same
//! text processing, the same shards fetched, elasticlunr.js's scoring. Used by tests (to
//! check results and that ranking equals the unsplit index's) and by the benchmark (to count
//! the bytes a query fetches).

use std::collections::BTreeMap;

use elasticlunr::Pipeline;

use super::layout::{Manifest, Shard, parse_shard};
use super::text::Analysis;

/// The shortest word (in characters) that is expanded by prefix while typing.
pub const MIN_PREFIX: usize = 2;
/// A prefix whose terms span more shards than this is matched exactly instead.
pub const MAX_PREFIX_SHARDS: usize = 3;

/// How a query is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every word matched exactly (after stemming), as elasticlunr does.
    Exact,
    /// The reader is still typing: the last word also matches the terms it begins.
    Typing,
}

/// One result: a document and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// The document's number.
    pub doc: u32,
    /// Its elasticlunr score.
    pub score: f64,
}

/// A query's words: each processed as the index was, with its raw (unstemmed) form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    /// As the index holds it (trimmed, stemmed).
    pub term: String,
    /// As typed, lowercased, without apostrophes.
    pub raw: String,
}

/// The words of a query, with stop words dropped, as an index whose text went through
/// `analysis` (and its `pipeline`) processed its text.
pub fn query_words(analysis: Analysis, pipeline: &Pipeline, query: &str) -> Vec<QueryWord> {
    analysis
        .tokenize(query)
        .into_iter()
        .filter_map(|raw| {
            pipeline
                .run(vec![raw.clone()])
                .pop()
                .map(|term| QueryWord { term, raw })
        })
        .collect()
}

/// Queries a sharded index, fetching shards through `fetch` and remembering what it fetched.
pub struct Searcher<'a> {
    manifest: &'a Manifest,
    /// The pipeline of the manifest's analysis.
    pipeline: Pipeline,
    fetch: &'a mut dyn FnMut(&str) -> Option<Vec<u8>>,
    shards: BTreeMap<usize, Shard>,
    /// Every path fetched so far, in order.
    pub fetched: Vec<String>,
}

impl<'a> Searcher<'a> {
    /// A searcher over `manifest`, fetching files (paths like `search/t/3.json`) with `fetch`.
    pub fn new(manifest: &'a Manifest, fetch: &'a mut dyn FnMut(&str) -> Option<Vec<u8>>) -> Self {
        Searcher {
            manifest,
            pipeline: manifest.text.pipeline(),
            fetch,
            shards: BTreeMap::new(),
            fetched: Vec::new(),
        }
    }

    /// The documents matching `query`, best first (ties by document number).
    pub fn search(&mut self, query: &str, mode: Mode) -> Vec<Hit> {
        let words = query_words(self.manifest.text, &self.pipeline, query);
        if words.is_empty() {
            return Vec::new();
        }
        let keys: Vec<Vec<String>> = words
            .iter()
            .enumerate()
            .map(|(i, word)| {
                let typing = mode == Mode::Typing && i + 1 == words.len();
                if typing {
                    self.expand(word)
                } else {
                    self.exact(&word.term)
                }
            })
            .collect();
        let mut totals: BTreeMap<u32, f64> = BTreeMap::new();
        for (field, &boost) in self.manifest.boosts.iter().enumerate() {
            for (doc, score) in self.field_scores(&words, &keys, field) {
                *totals.entry(doc).or_insert(0.0) += score * f64::from(boost);
            }
        }
        let mut hits: Vec<Hit> = totals
            .into_iter()
            .map(|(doc, score)| Hit { doc, score })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }

    /// elasticlunr.js's `fieldSearch` with OR: tf·norm·idf·penalty summed, then the coord norm
    /// (the share of the query's words whose own term the document holds).
    fn field_scores(
        &self,
        words: &[QueryWord],
        keys: &[Vec<String>],
        field: usize,
    ) -> BTreeMap<u32, f64> {
        let mut scores: BTreeMap<u32, f64> = BTreeMap::new();
        let mut matched: BTreeMap<u32, usize> = BTreeMap::new();
        let n = self.manifest.docs as f64;
        for (word, keys) in words.iter().zip(keys) {
            for key in keys {
                let Some(list) = self.postings(key, field) else {
                    continue;
                };
                let idf = 1.0 + (n / (list.len() as f64 + 1.0)).ln();
                let penalty = if *key == word.term {
                    1.0
                } else {
                    penalty(key, &word.term)
                };
                for &(doc, weight) in list {
                    *scores.entry(doc).or_insert(0.0) +=
                        weight as f64 / self.manifest.scale * idf * penalty;
                    // As elasticlunr.js's coordNorm: only the word's own term counts as
                    // the word found, never the terms it was expanded to.
                    if *key == word.term {
                        *matched.entry(doc).or_insert(0) += 1;
                    }
                }
            }
        }
        // A document found only through expanded terms keeps its score, as in elasticlunr.js.
        let count = words.len() as f64;
        for (doc, score) in scores.iter_mut() {
            if let Some(&found) = matched.get(doc) {
                *score *= found as f64 / count;
            }
        }
        scores
    }

    fn postings(&self, term: &str, field: usize) -> Option<&Vec<(u32, u64)>> {
        let shard = self.shards.get(&self.shard_of(term))?;
        shard.get(term)?.get(field).filter(|list| !list.is_empty())
    }

    /// The shard that would hold `term`.
    pub fn shard_of(&self, term: &str) -> usize {
        self.manifest
            .shards
            .partition_point(|first| first.as_str() <= term)
            .saturating_sub(1)
    }

    fn load(&mut self, shard: usize) {
        if self.shards.contains_key(&shard) {
            return;
        }
        let path = format!("search/t/{shard}.json");
        let parsed = (self.fetch)(&path)
            .and_then(|bytes| parse_shard(&bytes).ok())
            .unwrap_or_default();
        self.fetched.push(path);
        self.shards.insert(shard, parsed);
    }

    fn exact(&mut self, term: &str) -> Vec<String> {
        if self.manifest.shards.is_empty() {
            return Vec::new();
        }
        self.load(self.shard_of(term));
        vec![term.to_owned()]
    }

    /// The terms that begin with the word (stemmed or as typed), when that is cheap enough.
    fn expand(&mut self, word: &QueryWord) -> Vec<String> {
        let mut keys = self.exact(&word.term);
        for prefix in [&word.term, &word.raw] {
            if prefix.chars().count() < MIN_PREFIX || self.manifest.shards.is_empty() {
                continue;
            }
            let (first, last) = (
                self.shard_of(prefix),
                self.shard_of(&format!("{prefix}\u{10FFFF}")),
            );
            if last - first >= MAX_PREFIX_SHARDS {
                continue;
            }
            (first..=last).for_each(|s| self.load(s));
            for s in first..=last {
                keys.extend(
                    self.shards[&s]
                        .keys()
                        .filter(|t| t.starts_with(prefix.as_str()))
                        .cloned(),
                );
            }
        }
        keys.sort();
        keys.dedup();
        keys
    }
}

/// elasticlunr.js's penalty for a term found by expanding `token`.
pub fn penalty(key: &str, token: &str) -> f64 {
    let (key_len, token_len) = (key.chars().count() as f64, token.chars().count() as f64);
    (1.0 - (key_len - token_len) / key_len) * 0.15
}
