//! Builds the index with elasticlunr-rs, then reads its inverted index back as plain postings
//! ready to be laid out in shards (see [`super::layout`]).
//!
//! elasticlunr-rs keeps its index private and offers only JSON, so we serialise it once and
//! read that JSON back with a streaming visitor into [`Postings`]: no copy of the scoring, the
//! field lengths or the term frequencies is computed here; they are elasticlunr's.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use elasticlunr::{Index, IndexBuilder};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

use super::documents::SearchDocument;
use super::text::{Analysis, PlainLanguage};
use super::words::{RUN, Run, WordTerms, run_postings, texts_of, with_word_terms};

/// The indexed fields, in order, with their boosts: a word in a title counts five times one
/// in the body.
pub const FIELDS: [(&str, u32); 5] = [
    ("title", 5),
    ("topics", 3),
    ("summary", 2),
    ("facts", 2),
    ("body", 1),
];

/// Builds the elasticlunr index of `documents` with `analysis`; document `i` has the ref `i`.
pub fn build_index(documents: &[SearchDocument], analysis: Analysis) -> Index {
    let mut builder = match analysis {
        Analysis::English => IndexBuilder::new(),
        Analysis::Plain => IndexBuilder::with_language(Box::new(PlainLanguage)),
    }
    .save_docs(false);
    for (field, _) in FIELDS {
        builder =
            builder.add_field_with_tokenizer(field, Box::new(move |text| analysis.tokenize(text)));
    }
    let mut index = builder.build();
    for (i, doc) in documents.iter().enumerate() {
        let topics = doc.topics.join(", ");
        let facts = doc.facts.join(", ");
        index.add_doc(
            &i.to_string(),
            [doc.title.as_str(), &topics, &doc.summary, &facts, &doc.body],
        );
    }
    index
}

/// elasticlunr's inverted index, flattened: for each term and field, the documents holding
/// it with elasticlunr's term frequency; and each document's field lengths.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Postings {
    /// How many documents were indexed.
    pub doc_count: usize,
    /// Term → one list per field (in [`FIELDS`] order) of (document, term frequency).
    pub terms: BTreeMap<String, Vec<Vec<(u32, f64)>>>,
    /// Document → its length in tokens in each field.
    pub lengths: Vec<Vec<usize>>,
}

impl Postings {
    /// The postings elasticlunr would give for `documents`, computed directly and across cores:
    /// the same tokenizer and pipeline (`analysis`'s), a field's length in tokens after the pipeline,
    /// and a term's frequency as the square root of its count, as `Index::add_doc` does. Equal
    /// to `Postings::from_index(&build_index(documents, analysis))` (tested), without elasticlunr's
    /// trie keyed by strings or the JSON round trip, which took most of a large build.
    pub fn build(documents: &[SearchDocument], analysis: Analysis) -> Postings {
        // Runs of documents across cores, each worker thread with its own word → term memo
        // (elasticlunr's pipeline is not `Sync`); then the runs are joined in document order.
        let runs: Vec<Run> = documents
            .par_chunks(RUN)
            .enumerate()
            .map(|(n, docs)| {
                let mut run = with_word_terms(analysis, |words| {
                    run_postings((n * RUN) as u32, docs, words)
                });
                // Runs wait for each other to be joined: keep none of their growth room
                // meanwhile.
                run.postings.shrink_to_fit();
                run
            })
            .collect();
        join_runs(documents.len(), runs, analysis)
    }

    /// Replaces each document `doc`, which was `old`, with `new`: the postings and field
    /// lengths become what [`Postings::build`] would give, the other documents' stay. Returns
    /// every term whose entry may read differently: a posting added, removed or counted
    /// differently, and every term of a field whose length changed (its weights depend on it).
    ///
    /// The edits are gathered per term and field first, so that each list is rewritten once
    /// however many documents changed: the cost grows with the lists touched, not with the
    /// product of documents and list lengths (a section's title in every document's record
    /// once made this quadratic).
    pub fn replace_documents(
        &mut self,
        analysis: Analysis,
        replaced: &[(u32, &SearchDocument, &SearchDocument)],
    ) -> BTreeSet<String> {
        let mut edits: BTreeMap<(String, usize), ListEdit> = BTreeMap::new();
        let mut changed = BTreeSet::new();
        // A document with the same text in every field the index reads (a page whose section
        // alone was renamed: thousands of them) has the same postings and lengths.
        let replaced: Vec<&(u32, &SearchDocument, &SearchDocument)> = replaced
            .iter()
            .filter(|(_, old, new)| !same_fields(old, new))
            .collect();
        // Each document's postings, old and new, are counted across cores (a topic renamed
        // changes thousands of documents); what they change is gathered in order.
        let counted: Vec<(u32, bool, DocumentPostings, DocumentPostings)> = replaced
            .par_iter()
            .map(|&&(doc, old, new)| {
                with_word_terms(analysis, |words| {
                    // Fields are counted apart: a body that did not change (a topic renamed)
                    // has the same postings and length, so only the other fields are read
                    // again.
                    let same_body = old.body == new.body;
                    let (old, new) = match same_body {
                        true => (
                            DocumentPostings::of(doc, &without_body(old), words),
                            DocumentPostings::of(doc, &without_body(new), words),
                        ),
                        false => (
                            DocumentPostings::of(doc, old, words),
                            DocumentPostings::of(doc, new, words),
                        ),
                    };
                    (doc, same_body, old, new)
                })
            })
            .collect();
        for (doc, same_body, old, mut new) in counted {
            for posting in old.postings.difference(&new.postings) {
                let edit = edits.entry((posting.0.clone(), posting.1)).or_default();
                edit.removed.push(doc);
            }
            for posting in new.postings.difference(&old.postings) {
                let edit = edits.entry((posting.0.clone(), posting.1)).or_default();
                edit.added.push((doc, f64::from(posting.2).sqrt()));
            }
            let weighed_anew = |(_, field, _): &&(String, usize, u32)| {
                old.lengths.get(*field) != new.lengths.get(*field)
            };
            let reweighed = old.postings.iter().chain(&new.postings);
            changed.extend(reweighed.filter(weighed_anew).map(|p| p.0.clone()));
            changed.extend(
                old.postings
                    .symmetric_difference(&new.postings)
                    .map(|p| p.0.clone()),
            );
            if let Some(slot) = self.lengths.get_mut(doc as usize) {
                if same_body
                    && let (Some(kept), Some(body)) = (slot.get(BODY), new.lengths.get_mut(BODY))
                {
                    *body = *kept;
                }
                *slot = new.lengths;
            }
        }
        for ((term, field), edit) in edits {
            let lists = self
                .terms
                .entry(term.clone())
                .or_insert_with(|| vec![Vec::new(); FIELDS.len()]);
            edit.apply(&mut lists[field]);
            // A full build has no term without documents.
            if lists.iter().all(Vec::is_empty) {
                self.terms.remove(&term);
            }
        }
        changed
    }

    /// The postings of `index`, read from its JSON.
    pub fn from_index(index: &Index) -> Result<Postings, serde_json::Error> {
        Postings::from_json(&index.to_json())
    }

    /// The postings of an elasticlunr index serialised as JSON.
    pub fn from_json(json: &str) -> Result<Postings, serde_json::Error> {
        let raw: RawIndex = serde_json::from_str(json)?;
        let mut postings = Postings {
            doc_count: raw.document_store.length,
            ..Postings::default()
        };
        for (f, (field, _)) in FIELDS.iter().enumerate() {
            let Some(tree) = raw.index.get(*field) else {
                continue;
            };
            let mut word = String::new();
            tree.root.walk(&mut word, &mut |term, docs| {
                let lists = postings
                    .terms
                    .entry(term.to_owned())
                    .or_insert_with(|| vec![Vec::new(); FIELDS.len()]);
                lists[f].extend(docs.iter().copied());
            });
        }
        postings.lengths = vec![vec![0; FIELDS.len()]; postings.doc_count];
        for (doc, info) in raw.document_store.doc_info {
            let Ok(id) = doc.parse::<usize>() else {
                continue;
            };
            for (f, (field, _)) in FIELDS.iter().enumerate() {
                if let Some(slot) = postings.lengths.get_mut(id) {
                    slot[f] = info.get(*field).copied().unwrap_or(0);
                }
            }
        }
        for lists in postings.terms.values_mut() {
            lists
                .iter_mut()
                .for_each(|list| list.sort_by_key(|&(doc, _)| doc));
        }
        Ok(postings)
    }

    /// elasticlunr's weight of a term in a document's field: term frequency times the field
    /// length norm `1/sqrt(length)`.
    pub fn weight(&self, doc: u32, field: usize, tf: f64) -> f64 {
        let length = self.lengths.get(doc as usize).map_or(0, |l| l[field]);
        if length == 0 {
            tf
        } else {
            tf / (length as f64).sqrt()
        }
    }
}

/// Joins the runs in document order into one term → field → postings map, each list
/// allocated once at its final size.
fn join_runs(doc_count: usize, runs: Vec<Run>, analysis: Analysis) -> Postings {
    let mut numbers: FxHashMap<u32, u32> = FxHashMap::default();
    let mut names: Vec<u32> = Vec::new();
    let mut sizes: Vec<[usize; FIELDS.len()]> = Vec::new();
    let numbered: Vec<Vec<u32>> = runs
        .iter()
        .map(|run| {
            let global: Vec<u32> = run
                .terms
                .iter()
                .map(|term| {
                    *numbers.entry(*term).or_insert_with(|| {
                        names.push(*term);
                        sizes.push([0; FIELDS.len()]);
                        (names.len() - 1) as u32
                    })
                })
                .collect();
            run.postings
                .iter()
                .for_each(|p| sizes[global[p.term as usize] as usize][p.field as usize] += 1);
            global
        })
        .collect();
    let mut lists: Vec<Vec<Vec<(u32, f64)>>> = sizes
        .iter()
        .map(|per_field| per_field.iter().map(|&n| Vec::with_capacity(n)).collect())
        .collect();
    for (run, global) in runs.iter().zip(&numbered) {
        for p in &run.postings {
            lists[global[p.term as usize] as usize][p.field as usize]
                .push((p.doc, f64::from(p.count).sqrt()));
        }
    }
    let terms = texts_of(analysis, &names)
        .iter()
        .map(|name| name.to_string())
        .zip(lists)
        .collect();
    Postings {
        doc_count,
        terms,
        lengths: runs.into_iter().flat_map(|run| run.lengths).collect(),
    }
}

/// One document's postings as a set of (term, field, count), and its field lengths.
struct DocumentPostings {
    postings: BTreeSet<(String, usize, u32)>,
    lengths: Vec<usize>,
}

/// The place of the body among [`FIELDS`].
const BODY: usize = 4;
const _: () = assert!(matches!(FIELDS[BODY].0.as_bytes(), b"body"));

/// Whether `a` and `b` hold the same text in every field the index reads, [`FIELDS`] (as
/// [`run_postings`] reads them): their postings and lengths are then the same.
fn same_fields(a: &SearchDocument, b: &SearchDocument) -> bool {
    a.title == b.title
        && a.topics == b.topics
        && a.summary == b.summary
        && a.facts == b.facts
        && a.body == b.body
}

/// `document` without its body ([`DocumentPostings`] of the other fields).
fn without_body(document: &SearchDocument) -> SearchDocument {
    SearchDocument {
        kind: document.kind,
        url: document.url.clone(),
        title: document.title.clone(),
        summary: document.summary.clone(),
        topics: document.topics.clone(),
        body: Default::default(),
        facts: document.facts.clone(),
        section: document.section.clone(),
        booking: document.booking.clone(),
    }
}

impl DocumentPostings {
    fn of(doc: u32, document: &SearchDocument, words: &mut WordTerms) -> DocumentPostings {
        let run = run_postings(doc, std::slice::from_ref(document), words);
        let texts = texts_of(words.analysis(), &run.terms);
        let postings = run
            .postings
            .iter()
            .map(|p| {
                (
                    texts[p.term as usize].to_string(),
                    p.field as usize,
                    p.count,
                )
            })
            .collect();
        DocumentPostings {
            postings,
            lengths: run.lengths.into_iter().next().unwrap_or_default(),
        }
    }
}

/// The changes to one term's list in one field: documents to take out, postings to put in.
#[derive(Default)]
struct ListEdit {
    removed: Vec<u32>,
    added: Vec<(u32, f64)>,
}

impl ListEdit {
    /// Rewrites `list` (in document order) once: removals first, then the additions merged in.
    fn apply(mut self, list: &mut Vec<(u32, f64)>) {
        self.removed.sort_unstable();
        self.added.sort_by_key(|&(doc, _)| doc);
        let kept = std::mem::take(list)
            .into_iter()
            .filter(|(doc, _)| self.removed.binary_search(doc).is_err());
        let mut merged = Vec::with_capacity(kept.size_hint().1.unwrap_or(0) + self.added.len());
        let mut added = self.added.into_iter().peekable();
        for posting in kept {
            while let Some(next) = added.next_if(|next| next.0 < posting.0) {
                merged.push(next);
            }
            merged.push(posting);
        }
        merged.extend(added);
        *list = merged;
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawIndex {
    index: BTreeMap<String, RawField>,
    document_store: RawStore,
}

#[derive(Deserialize)]
struct RawField {
    root: Node,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawStore {
    doc_info: BTreeMap<String, BTreeMap<String, usize>>,
    length: usize,
}

#[derive(Deserialize)]
struct Tf {
    tf: f64,
}

/// The documents at a trie node: (document, term frequency).
type Docs = [(u32, f64)];

/// A node of elasticlunr's character trie: `docs`, `df`, and one key per next character.
#[derive(Default)]
struct Node {
    docs: Vec<(u32, f64)>,
    children: Vec<(char, Node)>,
}

impl Node {
    fn walk(&self, word: &mut String, visit: &mut dyn FnMut(&str, &Docs)) {
        if !self.docs.is_empty() {
            visit(word, &self.docs);
        }
        for (c, child) in &self.children {
            word.push(*c);
            child.walk(word, visit);
            word.pop();
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_map(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an elasticlunr index node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut node = Node::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "docs" => {
                    let docs: BTreeMap<String, Tf> = map.next_value()?;
                    for (doc, tf) in docs {
                        let id = doc.parse::<u32>().map_err(de::Error::custom)?;
                        node.docs.push((id, tf.tf));
                    }
                }
                "df" => {
                    map.next_value::<de::IgnoredAny>()?;
                }
                _ => {
                    let mut chars = key.chars();
                    let (Some(c), None) = (chars.next(), chars.next()) else {
                        return Err(de::Error::custom(format!(
                            "unexpected key {key:?} in an index node"
                        )));
                    };
                    node.children.push((c, map.next_value()?));
                }
            }
        }
        Ok(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::search::SearchKind;

    fn doc(title: &str, body: &str) -> SearchDocument {
        SearchDocument {
            kind: SearchKind::Page,
            url: format!("/{}/", title.to_lowercase()),
            title: title.into(),
            summary: String::new(),
            topics: vec![],
            body: body.into(),
            facts: vec![],
            section: String::new(),
            booking: None,
        }
    }

    #[test]
    fn postings_are_elasticlunrs_per_field() {
        let docs = [
            doc("Mediation", "mediation helps parents parents"),
            doc("Teenagers", "talking with teenagers"),
        ];
        let postings = Postings::from_index(&build_index(&docs, Analysis::English)).unwrap();
        assert_eq!(postings.doc_count, 2);
        assert_eq!(postings.terms["mediat"][0], vec![(0, 1.0)]);
        assert_eq!(postings.terms["parent"][4], vec![(0, 2f64.sqrt())]);
        assert_eq!(postings.terms["teenag"][4], vec![(1, 1.0)]);
        assert_eq!(postings.lengths[0], vec![1, 0, 0, 0, 4]);
        assert!((postings.weight(0, 4, 2f64.sqrt()) - 2f64.sqrt() / 2.0).abs() < 1e-12);
    }

    #[test]
    fn built_directly_equals_elasticlunrs() {
        let mut docs = vec![
            doc(
                "Mediation",
                "mediation helps parents parents; the the and a",
            ),
            doc(
                "Teenagers",
                "talking with teenagers, 2024 co-parenting it's",
            ),
            doc("", ""),
        ];
        docs[1].topics = vec!["Parenting apart".into(), "Money worries".into()];
        docs[1].facts = vec!["Free".into(), "Online, Tuesday 10am".into()];
        docs[0].summary = "A summary: with punctuation — and dashes.".into();
        assert_eq!(
            Postings::build(&docs, Analysis::English),
            Postings::from_index(&build_index(&docs, Analysis::English)).unwrap()
        );
    }

    /// Each field's words are counted by their terms' numbers: words repeated, words that stem
    /// alike, stop words (not in the length), words trimmed to nothing (in the length) and
    /// apostrophes must count as elasticlunr counts them word by word.
    #[test]
    fn words_counted_by_term_equal_elasticlunrs() {
        let mut docs = vec![
            doc(
                "Parents, parent's parenting",
                "parents parent's Parents PARENT the the and é é café parenting' 'parents",
            ),
            doc("é", "the é the"),
            doc("Talking", "talk talking talked talks talk"),
        ];
        docs[0].summary = "the parents the".into();
        docs[2].topics = vec!["Talking".into(), "talking".into()];
        for analysis in [Analysis::English, Analysis::Plain] {
            assert_eq!(
                Postings::build(&docs, analysis),
                Postings::from_index(&build_index(&docs, analysis)).unwrap(),
                "{analysis:?}"
            );
        }
        let postings = Postings::build(&docs, Analysis::English);
        // parents, parent's, Parents, PARENT, parenting', 'parents: one term, six times.
        assert_eq!(postings.terms["parent"][4], vec![(0, 6f64.sqrt())]);
    }

    #[test]
    fn plain_postings_built_directly_equal_elasticlunrs() {
        let docs = [
            doc(
                "Cymorth i deuluoedd",
                "Mae'r teuluoedd yn cael cymorth; a'r plant hefyd.",
            ),
            doc("الأسرة", "مرحبًا، كيف حالك؟ الأسرة والأطفال"),
            doc("ਪਰਿਵਾਰ", "ਪਰਿਵਾਰ ਸਹਾਇਤਾ। the and a"),
        ];
        let postings = Postings::build(&docs, Analysis::Plain);
        assert_eq!(
            postings,
            Postings::from_index(&build_index(&docs, Analysis::Plain)).unwrap()
        );
        // Nothing stemmed or dropped: English stop words are words like any other here.
        assert_eq!(postings.lengths[2], vec![1, 0, 0, 0, 5]);
        assert!(postings.terms.contains_key("teuluoedd") && postings.terms.contains_key("the"));
        // The English memo on the same thread is not the plain one.
        assert!(
            Postings::build(&docs, Analysis::English)
                .terms
                .keys()
                .all(|t| t != "the")
        );
    }

    #[test]
    fn postings_joined_across_runs_equal_elasticlunrs() {
        let words = [
            "mediation",
            "parents",
            "teenagers",
            "money",
            "the",
            "calm",
            "co-parenting",
            "debt",
        ];
        let docs: Vec<SearchDocument> = (0..RUN * 2 + 37)
            .map(|n| {
                let body: Vec<&str> = (0..n % 11 + 1)
                    .map(|k| words[(n * 7 + k * 3) % words.len()])
                    .collect();
                doc(&format!("Page {n}"), &body.join(" "))
            })
            .collect();
        assert_eq!(
            Postings::build(&docs, Analysis::English),
            Postings::from_index(&build_index(&docs, Analysis::English)).unwrap()
        );
    }

    #[test]
    fn replacing_documents_together_gives_a_build_of_the_new_ones() {
        let words = [
            "mediation",
            "parents",
            "teenagers",
            "money",
            "the",
            "calm",
            "debt",
        ];
        let body = |n: usize| {
            (0..n % 9 + 1)
                .map(|k| words[(n * 5 + k * 3) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        let old: Vec<SearchDocument> = (0..60)
            .map(|n| doc(&format!("Page {n}"), &body(n)))
            .collect();
        let mut new = old.clone();
        new[3].body = "calm calm calm".into();
        new[4].body = Default::default();
        new[5].title = "A title with new words".into();
        new[6].section = "Not indexed".into();
        // One change in each other field the index reads (`same_fields` must name each).
        new[7].summary = "A summary about quokkas".into();
        new[8].topics = vec!["Money worries".into()];
        new[9].facts = vec!["Free".into()];
        new[59].body = format!("{} quokka", new[59].body).into();
        let mut postings = Postings::build(&old, Analysis::English);
        let replaced: Vec<(u32, &SearchDocument, &SearchDocument)> = (3..10)
            .chain([59])
            .map(|n| (n as u32, &old[n], &new[n]))
            .collect();
        let terms = postings.replace_documents(Analysis::English, &replaced);
        assert_eq!(postings, Postings::build(&new, Analysis::English));
        assert!(terms.contains("quokka") && terms.contains("calm"));
        // A change to what is not indexed (the section) changes no term's entry.
        let mut postings = Postings::build(&old, Analysis::English);
        assert!(
            postings
                .replace_documents(Analysis::English, &[(6, &old[6], &new[6])])
                .is_empty()
        );
    }
}
