//! The index a one-off build lays out, made in bounded memory (issue 23, 'Bounded memory').
//!
//! [`super::index::Postings`] holds every posting as a 16-byte pair in lists keyed by
//! strings, after every document's text was made at once: fine for `serve`, which keeps and
//! edits it ([`super::kept`]), but at 10,000 pages that was about 200 MiB alive at once. Here:
//!
//! - documents are indexed a batch at a time ([`BATCH_RUNS`] runs of [`RUN`] documents, the
//!   runs across cores): a page's text is made just before its run is indexed and dropped
//!   after it, so only the texts of the runs being indexed are ever alive;
//! - postings are coded ([`TermPostings`]): per posting, the document as a varint delta from
//!   the term's previous posting, then `count << 3 | field` as a varint (two or three bytes
//!   for most postings, instead of sixteen); a run's postings are coded where it was indexed,
//!   in one allocation ([`Segment`]);
//! - [`lay_out`] renders entries a few thousand terms at a time in term order, each from its
//!   lists in every segment, and cuts shards as it goes: no list of every entry beside the
//!   shards made of them.
//!
//! The files are byte for byte those of [`super::layout::lay_out`] over
//! [`super::index::Postings::build`] (tested below, on made-up documents and on every fixture site): the same term
//! frequencies (`sqrt(count)`), field lengths, weights and cuts.

use rayon::prelude::*;

use super::documents::SearchDocument;
use super::index::FIELDS;
use super::layout::{
    MANIFEST, Put, RECORDS_PER_FILE, manifest, put_record_file, render_entry_with, shard_bytes_of,
    shard_path,
};
use super::text::Analysis;
use super::words::{RUN, Run, run_postings, texts_of, with_word_terms};

/// How many runs of [`RUN`] documents a batch indexes, across cores. Each run's texts and raw
/// postings live only while it is indexed (one run on each core at a time: a batch keeps only
/// its runs' coded segments, which are all kept anyway), so a batch can be large: with four
/// runs a batch, the cores waited at the end of every batch for its slowest run. 16,384
/// documents a batch: a 10,000-page site is one batch, 100,000 pages seven.
pub const BATCH_RUNS: usize = 64;

/// How many terms' entries are rendered at once, across cores, before they are cut into
/// shards. A chunk's entries render while the previous chunk's shards are written, so two
/// chunks' worth are alive at once: half the 4,096 of session 15, for the same peak.
const ENTRIES_AT_ONCE: usize = 2048;

/// Bits of a coded posting's second number that hold the field.
const FIELD_BITS: u32 = 3;
const _: () = assert!(FIELDS.len() <= 1 << FIELD_BITS);

/// Every term's postings, coded, and each document's field lengths.
#[derive(Debug)]
pub struct CompactPostings {
    /// How the documents' text became terms (and which numbering the terms' are in).
    analysis: Analysis,
    /// How many documents were indexed.
    doc_count: usize,
    /// Each document's length in tokens in each field.
    lengths: Vec<[u32; FIELDS.len()]>,
    /// One per run, in document order.
    segments: Vec<Segment>,
}

/// The postings of one run of documents in one allocation, each term's coded as a
/// [`TermPostings`] (its first document counted from 0). A term's postings are its lists in
/// every segment, in document order. (A list per term, growing a posting at a time, left more
/// memory in the allocator's free blocks than the lists held.)
#[derive(Debug, Default)]
struct Segment {
    bytes: Vec<u8>,
    /// (term number, start, end in `bytes`): terms by their numbers for the process
    /// ([`texts_of`]).
    terms: Vec<(u32, u32, u32)>,
    /// Each document's field lengths.
    lengths: Vec<[u32; FIELDS.len()]>,
}

impl Segment {
    /// A run's postings, coded (made where the run was indexed, across cores).
    fn of(run: Run) -> Segment {
        let Run {
            lengths,
            terms,
            postings,
        } = run;
        // The postings by term (a counting sort: each term's stay in document and field order).
        let mut starts = vec![0u32; terms.len() + 1];
        for p in &postings {
            starts[p.term as usize + 1] += 1;
        }
        for t in 1..starts.len() {
            starts[t] += starts[t - 1];
        }
        let mut order = vec![0u32; postings.len()];
        for (i, p) in postings.iter().enumerate() {
            let slot = &mut starts[p.term as usize];
            order[*slot as usize] = i as u32;
            *slot += 1;
        }
        drop(starts);
        let mut segment = Segment {
            bytes: Vec::with_capacity(postings.len() * 3),
            terms: Vec::with_capacity(terms.len()),
            lengths: lengths
                .into_iter()
                .map(|fields| {
                    let mut lengths = [0; FIELDS.len()];
                    for (slot, length) in lengths.iter_mut().zip(fields) {
                        *slot = length as u32;
                    }
                    lengths
                })
                .collect(),
        };
        let mut previous = 0;
        for (k, &i) in order.iter().enumerate() {
            let p = &postings[i as usize];
            if k == 0 || postings[order[k - 1] as usize].term != p.term {
                let at = segment.bytes.len() as u32;
                segment.terms.push((terms[p.term as usize], at, at));
                previous = 0;
            }
            let posting = Posting {
                doc: p.doc,
                field: p.field as usize,
                count: p.count,
            };
            push_posting(&mut segment.bytes, &mut previous, posting);
            if let Some(last) = segment.terms.last_mut() {
                last.2 = segment.bytes.len() as u32;
            }
        }
        segment.bytes.shrink_to_fit();
        segment
    }
}

/// One term's postings in every field, coded in document order (a document's in field
/// order): varint(document − previous posting's document), varint(count << 3 | field).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TermPostings {
    bytes: Vec<u8>,
    /// The document of the last posting pushed.
    last: u32,
}

/// One posting of a term: its count in one field of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The document.
    pub doc: u32,
    /// The field, in [`FIELDS`] order.
    pub field: usize,
    /// How many times the term is in it (elasticlunr's term frequency is its square root).
    pub count: u32,
}

impl TermPostings {
    /// Adds a posting after the others: documents in order, a document's fields in order.
    pub fn push(&mut self, posting: Posting) {
        push_posting(&mut self.bytes, &mut self.last, posting);
    }

    /// The postings, in the order they were pushed.
    pub fn iter(&self) -> impl Iterator<Item = Posting> + '_ {
        postings_of(&self.bytes)
    }

    /// The coded size, in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether there are no postings.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// Codes `posting` after one of document `previous`, which becomes its document.
fn push_posting(out: &mut Vec<u8>, previous: &mut u32, posting: Posting) {
    debug_assert!(posting.doc >= *previous && posting.field < FIELDS.len());
    write_varint(out, u64::from(posting.doc - *previous));
    write_varint(
        out,
        u64::from(posting.count) << FIELD_BITS | posting.field as u64,
    );
    *previous = posting.doc;
}

/// The postings coded in `bytes`, the first one's document counted from 0.
fn postings_of(bytes: &[u8]) -> impl Iterator<Item = Posting> + '_ {
    let mut at = 0;
    let mut doc = 0u32;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        doc += read_varint(bytes, &mut at) as u32;
        let second = read_varint(bytes, &mut at);
        Some(Posting {
            doc,
            field: (second & ((1 << FIELD_BITS) - 1)) as usize,
            count: (second >> FIELD_BITS) as u32,
        })
    })
}

/// LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last.
fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn read_varint(bytes: &[u8], at: &mut usize) -> u64 {
    let (mut value, mut shift) = (0u64, 0);
    while let Some(&byte) = bytes.get(*at) {
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            break;
        }
        shift += 7;
    }
    value
}

impl CompactPostings {
    /// Indexes `documents` with `analysis`, a batch at a time: `fill(n, document)` is called on
    /// document `n` just before it is indexed (a one-off build makes a page's body there), and
    /// every document's body is emptied once it is indexed.
    pub fn build(
        documents: &mut [SearchDocument],
        analysis: Analysis,
        fill: impl Fn(usize, &mut SearchDocument) + Sync,
    ) -> CompactPostings {
        CompactPostings::build_in_batches(documents, analysis, fill, BATCH_RUNS)
    }

    /// [`CompactPostings::build`] with `batch_runs` runs a batch (tests use one).
    pub fn build_in_batches(
        documents: &mut [SearchDocument],
        analysis: Analysis,
        fill: impl Fn(usize, &mut SearchDocument) + Sync,
        batch_runs: usize,
    ) -> CompactPostings {
        let mut postings = CompactPostings {
            analysis,
            doc_count: documents.len(),
            lengths: Vec::with_capacity(documents.len()),
            segments: Vec::new(),
        };
        let batch = RUN * batch_runs.max(1);
        for (b, documents) in documents.chunks_mut(batch).enumerate() {
            let first = b * batch;
            let runs: Vec<Segment> = documents
                .par_chunks_mut(RUN)
                .enumerate()
                .map(|(r, docs)| {
                    let first = first + r * RUN;
                    for (n, document) in docs.iter_mut().enumerate() {
                        fill(first + n, document);
                    }
                    let run =
                        with_word_terms(analysis, |words| run_postings(first as u32, docs, words));
                    for document in docs.iter_mut() {
                        document.body = Default::default();
                    }
                    Segment::of(run)
                })
                .collect();
            for segment in runs {
                postings.add(segment);
            }
        }
        postings
    }

    /// Adds a run's segment, the runs in document order.
    fn add(&mut self, mut segment: Segment) {
        self.lengths.append(&mut segment.lengths);
        segment.lengths = Vec::new();
        self.segments.push(segment);
    }

    /// Every term with postings, by its text, and its number, in the terms' order.
    fn numbered_terms_in_order(&self) -> Vec<(std::sync::Arc<str>, u32)> {
        let mut present: Vec<bool> = Vec::new();
        for segment in &self.segments {
            for &(term, _, _) in &segment.terms {
                let at = term as usize;
                if at >= present.len() {
                    present.resize(at + 1, false);
                }
                present[at] = true;
            }
        }
        let numbers: Vec<u32> = (0..present.len() as u32)
            .filter(|&n| present[n as usize])
            .collect();
        let mut terms: Vec<_> = texts_of(self.analysis, &numbers)
            .into_iter()
            .zip(numbers)
            .collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        terms
    }

    /// How many documents were indexed.
    pub fn doc_count(&self) -> usize {
        self.doc_count
    }

    /// Each term and its postings, in term order (for tests: a build lays them out instead).
    pub fn terms(&self) -> Vec<(std::sync::Arc<str>, Vec<Posting>)> {
        self.numbered_terms_in_order()
            .into_iter()
            .map(|(term, n)| {
                let lists = self.segments.iter().filter_map(move |segment| {
                    let &(_, start, end) = segment.terms.iter().find(|t| t.0 == n)?;
                    Some(&segment.bytes[start as usize..end as usize])
                });
                (term, lists.flat_map(postings_of).collect())
            })
            .collect()
    }

    /// A document's length in tokens in a field.
    pub fn length(&self, doc: u32, field: usize) -> u32 {
        self.lengths.get(doc as usize).map_or(0, |l| l[field])
    }

    /// elasticlunr's weight of a term in a document's field, as
    /// [`super::index::Postings::weight`] gives it.
    fn weight(&self, doc: u32, field: usize, tf: f64) -> f64 {
        let length = self.length(doc, field);
        if length == 0 {
            tf
        } else {
            tf / f64::from(length).sqrt()
        }
    }
}

/// One term's entry, as [`super::layout::render_entry`] renders it from the same postings:
/// `lists` are its coded lists, one a segment, in order.
fn render_entry(term: &str, lists: &[&[u8]], postings: &CompactPostings) -> String {
    // Decoded once, then placed by field (a counting sort, so each field's stay in document
    // order).
    let mut all: Vec<Posting> = Vec::with_capacity(lists.iter().map(|l| l.len() / 2).sum());
    let mut per_field = [0usize; FIELDS.len()];
    for bytes in lists {
        decode_into(bytes, &mut all, &mut per_field);
    }
    let used = per_field.iter().rposition(|&n| n > 0).map_or(0, |f| f + 1);
    let mut starts = [0usize; FIELDS.len() + 1];
    for field in 0..FIELDS.len() {
        starts[field + 1] = starts[field] + per_field[field];
    }
    let mut by_field = vec![(0u32, 0u32); all.len()];
    let mut next = starts;
    for posting in &all {
        by_field[next[posting.field]] = (posting.doc, posting.count);
        next[posting.field] += 1;
    }
    drop(all);
    render_entry_with(
        term,
        used,
        |field| {
            by_field[starts[field]..starts[field + 1]]
                .iter()
                .map(|&(doc, count)| (doc, f64::from(count).sqrt()))
        },
        |doc, field, tf| postings.weight(doc, field, tf),
    )
}

/// Appends the postings coded in `bytes` (as [`postings_of`] reads them) to `out`, counting
/// each field's.
fn decode_into(bytes: &[u8], out: &mut Vec<Posting>, per_field: &mut [usize; FIELDS.len()]) {
    for posting in postings_of(bytes) {
        per_field[posting.field] += 1;
        out.push(posting);
    }
}

/// The search files of `documents` (bodies not needed) and their `postings`, as
/// [`super::layout::lay_out_with`] makes them: shards, manifest, record files, each handed
/// to `put` (path, bytes) as soon as it is made, one folder's files in turn (see
/// [`lay_out_in_chunks`]), so that a build need not hold them all; gives what `put` gave for
/// each, in that order.
pub fn lay_out<T: Send>(
    documents: &[SearchDocument],
    postings: CompactPostings,
    analysis: Analysis,
    shard_bytes: usize,
    put: &Put<T>,
) -> Vec<T> {
    lay_out_in_chunks(
        documents,
        postings,
        analysis,
        shard_bytes,
        ENTRIES_AT_ONCE,
        put,
    )
}

/// [`lay_out`], rendering `entries_at_once` terms' entries at a time (tests use few, so that
/// shard cuts fall on the chunks' edges).
///
/// Files are created one after another in each folder: creating a file locks its folder, and
/// two threads creating files in one folder spent a tenth of the search's time spinning on
/// that lock (docs/performance.md, 'Build', session 16). So the record files (which need only
/// the documents) are written in turn on one core while the term shards are laid out on the
/// others, and each chunk's shards are written in turn while the next chunk's entries render.
fn lay_out_in_chunks<T: Send>(
    documents: &[SearchDocument],
    postings: CompactPostings,
    analysis: Analysis,
    shard_bytes: usize,
    entries_at_once: usize,
    put: &Put<T>,
) -> Vec<T> {
    let doc_count = postings.doc_count;
    let (records, (firsts, mut out)) = rayon::join(
        || {
            documents
                .chunks(RECORDS_PER_FILE)
                .enumerate()
                .map(|(n, docs)| put_record_file(n, docs, put))
                .collect::<Vec<T>>()
        },
        || put_shards(postings, shard_bytes, entries_at_once, put),
    );
    out.push(put(
        MANIFEST.to_owned(),
        manifest(documents, doc_count, analysis, firsts),
    ));
    out.extend(records);
    out
}

/// The term shards, each handed to `put` in order: gives each shard's first term and what
/// `put` gave for each.
fn put_shards<T: Send>(
    mut postings: CompactPostings,
    shard_bytes: usize,
    entries_at_once: usize,
    put: &Put<T>,
) -> (Vec<String>, Vec<T>) {
    let terms = postings.numbered_terms_in_order();
    let segments = ranked_segments(std::mem::take(&mut postings.segments), &terms);
    let mut cursors = vec![0usize; segments.len()];
    let mut firsts: Vec<String> = Vec::new();
    // The shard being filled: its entries and their size as `shard_ranges` counts it.
    let mut shard: Vec<String> = Vec::new();
    let mut size = 0;
    // A chunk's shards, written while the next chunk's entries render.
    let mut cuts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut out: Vec<T> = Vec::new();
    let cut = |shard: &mut Vec<String>, shards: usize, cuts: &mut Vec<(String, Vec<u8>)>| {
        let bytes = shard_bytes_of(shard.iter().map(String::as_str));
        cuts.push((shard_path(shards), bytes));
        shard.clear();
    };
    let put_in_turn = |files: Vec<(String, Vec<u8>)>| -> Vec<T> {
        files
            .into_iter()
            .map(|(path, bytes)| put(path, bytes))
            .collect()
    };
    let chunks = terms.len().div_ceil(entries_at_once);
    for (chunk, terms) in terms.chunks(entries_at_once).enumerate() {
        let lists = chunk_lists(
            &segments,
            &mut cursors,
            chunk * entries_at_once,
            terms.len(),
        );
        let previous = std::mem::take(&mut cuts);
        let (entries, written) = rayon::join(
            || -> Vec<String> {
                terms
                    .par_iter()
                    .zip(&lists)
                    .map(|((term, _), of_term)| render_entry(term, of_term, &postings))
                    .collect()
            },
            || put_in_turn(previous),
        );
        out.extend(written);
        drop(lists);
        for ((term, _), entry) in terms.iter().zip(entries) {
            // As `layout::shard_ranges` cuts: a shard takes entries while it stays within
            // `shard_bytes`, braces and commas counted, and at least one.
            if !shard.is_empty() && size + entry.len() + 2 > shard_bytes {
                cut(&mut shard, firsts.len() - 1, &mut cuts);
                size = 0;
            }
            if shard.is_empty() {
                firsts.push(term.to_string());
                size += entry.len();
            } else {
                size += entry.len() + 1;
            }
            shard.push(entry);
        }
        if chunk + 1 == chunks && !shard.is_empty() {
            cut(&mut shard, firsts.len() - 1, &mut cuts);
        }
    }
    out.extend(put_in_turn(cuts));
    (firsts, out)
}

/// Each segment's terms by their term's rank in `terms` (sorted), so that a chunk of terms'
/// lists are found at a cursor in every segment: only a chunk's lists are gathered at a time
/// (a list of every term's lists in every segment was 16 bytes for each of about 8 million at
/// 100,000 pages, the largest holder at the build's peak: docs/performance.md, 'Bounded
/// memory').
fn ranked_segments(
    mut segments: Vec<Segment>,
    terms: &[(std::sync::Arc<str>, u32)],
) -> Vec<Segment> {
    let mut rank = vec![
        0u32;
        terms
            .iter()
            .map(|&(_, n)| n as usize + 1)
            .max()
            .unwrap_or(0)
    ];
    for (r, (_, n)) in terms.iter().enumerate() {
        rank[*n as usize] = r as u32;
    }
    segments.par_iter_mut().for_each(|segment| {
        for term in &mut segment.terms {
            term.0 = rank[term.0 as usize];
        }
        segment.terms.sort_unstable_by_key(|term| term.0);
    });
    segments
}

/// The lists of the `count` terms ranked from `first` on, each term's in segment (so
/// document) order; `cursors` (one a segment) move past them.
fn chunk_lists<'s>(
    segments: &'s [Segment],
    cursors: &mut [usize],
    first: usize,
    count: usize,
) -> Vec<Vec<&'s [u8]>> {
    let end = (first + count) as u32;
    let mut lists: Vec<Vec<&[u8]>> = vec![Vec::new(); count];
    for (segment, cursor) in segments.iter().zip(cursors) {
        while let Some(&(r, start, stop)) = segment.terms.get(*cursor)
            && r < end
        {
            lists[r as usize - first].push(&segment.bytes[start as usize..stop as usize]);
            *cursor += 1;
        }
    }
    lists
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::search::SearchKind;
    use crate::output::search::index::Postings;
    use crate::output::search::layout::lay_out_with;

    #[test]
    fn a_coded_postings_list_reads_back_as_it_was_pushed() {
        let postings = [
            Posting {
                doc: 0,
                field: 0,
                count: 1,
            },
            Posting {
                doc: 0,
                field: 4,
                count: 300,
            },
            Posting {
                doc: 1,
                field: 2,
                count: 15,
            },
            Posting {
                doc: 1,
                field: 3,
                count: 16,
            },
            Posting {
                doc: 200,
                field: 4,
                count: 1,
            },
            Posting {
                doc: u32::MAX - 1,
                field: 1,
                count: u32::MAX,
            },
        ];
        let mut list = TermPostings::default();
        assert!(list.is_empty());
        for posting in postings {
            list.push(posting);
        }
        assert_eq!(list.iter().collect::<Vec<_>>(), postings);
        // Small deltas and counts take a byte each: (0, 1·8), then two bytes for 300·8+4...
        assert_eq!(&list.bytes[..2], &[0, 8]);
        let mut bytes = Vec::new();
        for value in [0, 1, 127, 128, 16_383, 16_384, u64::from(u32::MAX) << 3 | 7] {
            bytes.clear();
            write_varint(&mut bytes, value);
            let mut at = 0;
            assert_eq!(read_varint(&bytes, &mut at), value);
            assert_eq!(at, bytes.len());
        }
        assert_eq!(bytes.len(), 5);
    }

    fn doc(n: usize, body: &str) -> SearchDocument {
        SearchDocument {
            kind: if n.is_multiple_of(5) {
                SearchKind::Page
            } else {
                SearchKind::SelfHelp
            },
            url: format!("/p{n}/"),
            title: format!("Guide {n} to talking"),
            summary: "About talking calmly.".into(),
            topics: if n.is_multiple_of(3) {
                vec!["Wellbeing".into(), "Money worries".into()]
            } else {
                Vec::new()
            },
            body: body.into(),
            facts: if n.is_multiple_of(4) {
                vec!["Free".into(), "Tuesday 5 March 2024, 10am".into()]
            } else {
                Vec::new()
            },
            section: "Self-help".into(),
            booking: None,
        }
    }

    /// The files a layout hands on, in the order it gives them back.
    fn collected(
        lay_out: impl FnOnce(&Put<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)>,
    ) -> Vec<(String, Vec<u8>)> {
        lay_out(&|path, bytes| (path, bytes))
    }

    #[test]
    fn the_index_built_in_batches_lays_out_as_the_index_built_at_once() {
        let words = [
            "mediation",
            "parents",
            "teenagers",
            "money",
            "the",
            "calm",
            "co-parenting",
            "debt",
            "talking",
            "free",
            "it's",
            "2024",
        ];
        let body = |n: usize| {
            (0..n % 23 + (n % 7) * 40)
                .map(|k| words[(n * 7 + k * k * 3) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        // More than two runs, the last one short; one document with no body at all.
        let documents: Vec<SearchDocument> = (0..RUN * 3 + 41)
            .map(|n| doc(n, &if n == 9 { String::new() } else { body(n) }))
            .collect();
        for (analysis, shard_bytes) in [(Analysis::English, 300), (Analysis::Plain, 2_000)] {
            let at_once = lay_out_with(
                &documents,
                &Postings::build(&documents, analysis),
                analysis,
                shard_bytes,
            );
            for batch_runs in [1, 2, 4, BATCH_RUNS] {
                // Bodies made as they are indexed, as a build makes pages' bodies.
                let mut heads: Vec<SearchDocument> = documents
                    .iter()
                    .map(|d| SearchDocument {
                        body: Default::default(),
                        ..d.clone()
                    })
                    .collect();
                let postings = CompactPostings::build_in_batches(
                    &mut heads,
                    analysis,
                    |n, document| document.body = documents[n].body.clone(),
                    batch_runs,
                );
                assert!(heads.iter().all(|d| d.body.is_empty()), "bodies let go");
                assert_eq!(postings.doc_count(), documents.len());
                // Entries rendered a few terms at a time too, so that shard cuts fall on the
                // chunks' edges (and one term a chunk), as well as all at once.
                let mut in_chunks = Vec::new();
                for entries_at_once in [1, 2, 3, 5, ENTRIES_AT_ONCE] {
                    let postings = CompactPostings::build_in_batches(
                        &mut heads,
                        analysis,
                        |n, document| document.body = documents[n].body.clone(),
                        batch_runs,
                    );
                    in_chunks.push((
                        entries_at_once,
                        collected(|put| {
                            lay_out_in_chunks(
                                &heads,
                                postings,
                                analysis,
                                shard_bytes,
                                entries_at_once,
                                put,
                            )
                        }),
                    ));
                }
                let in_batches =
                    collected(|put| lay_out(&heads, postings, analysis, shard_bytes, put));
                assert!(in_batches.len() > 10);
                in_chunks.push((0, in_batches));
                for (entries_at_once, in_batches) in &in_chunks {
                    assert_eq!(
                        in_batches.iter().map(|f| &f.0).collect::<Vec<_>>(),
                        at_once.iter().map(|f| &f.0).collect::<Vec<_>>(),
                        "{analysis:?}, {batch_runs} runs a batch, {entries_at_once} entries"
                    );
                    for (a, b) in in_batches.iter().zip(&at_once) {
                        assert!(
                            a.1 == b.1,
                            "{analysis:?}, {batch_runs}, {entries_at_once}: {} differs",
                            a.0
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn compact_postings_hold_what_the_postings_hold() {
        let documents: Vec<SearchDocument> = (0..40)
            .map(|n| doc(n, "calm calm parents talking money"))
            .collect();
        let full = Postings::build(&documents, Analysis::English);
        let compact = CompactPostings::build(&mut documents.clone(), Analysis::English, |_, _| {});
        let terms = compact.terms();
        assert_eq!(
            terms.iter().map(|t| &*t.0).collect::<Vec<_>>(),
            full.terms.keys().map(String::as_str).collect::<Vec<_>>()
        );
        for (term, list) in terms {
            for (field, expected) in full.terms[&*term].iter().enumerate() {
                let got: Vec<(u32, f64)> = list
                    .iter()
                    .filter(|p| p.field == field)
                    .map(|p| (p.doc, f64::from(p.count).sqrt()))
                    .collect();
                assert_eq!(&got, expected, "{term}, field {field}");
            }
        }
        for (doc, lengths) in full.lengths.iter().enumerate() {
            for (field, &length) in lengths.iter().enumerate() {
                assert_eq!(compact.length(doc as u32, field) as usize, length);
            }
        }
    }
}
