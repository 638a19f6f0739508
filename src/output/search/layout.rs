//! Lays the index out as small files, so that a first query fetches only what it needs:
//!
//! - `search/manifest.json`: the fields and boosts, the number of documents, the weight scale,
//!   how the index's text was analysed (English or plain: the script treats queries the same
//!   way), how many records a record file holds, and the first term of every shard, front
//!   coded (see [`front_coded`]: it is fetched by every first query, and this form gzips to
//!   less than half of a list of the terms);
//! - `search/t/<n>.json`: shard `n`, the next run of sorted terms (about [`SHARD_BYTES`]
//!   each); a term maps to one list per field of `doc, weight` pairs, documents as deltas
//!   from the previous one, weights as integers with elasticlunr's field length norm folded
//!   in (`round(tf / sqrt(field length) * SCALE)`);
//! - `search/d/<n>.json`: the records of documents `n × RECORDS_PER_FILE` onwards, what a
//!   result shows, [`RECORDS_PER_FILE`] to a file (an array; the last file may hold fewer).
//!
//! A term whose postings are larger than a shard gets a shard to itself.
//!
//! Records are packed so that a site writes about one file per page, not two (issue 23): a
//! first query fetches the files holding its first ten results, so a file holds few records,
//! and a record only what a result line shows (docs/performance.md measures the cost, what won
//! it back, and the orders of packing that were tried). Packing by document number keeps an
//! edit to one page in `serve` to its one record file (`kept`).

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use serde::{Deserialize, Serialize};

use super::documents::{BookingState, SearchDocument};
use super::index::{FIELDS, Postings};
use super::text::Analysis;

/// Integer weights are elasticlunr's weights times this.
pub const SCALE: f64 = 10_000.0;

/// Where the shards are: every output path under it is a shard.
pub const SHARDS: &str = "search/t/";
/// Where the records are: every output path under it is a record.
pub const RECORDS: &str = "search/d/";
/// Where the manifest is.
pub const MANIFEST: &str = "search/manifest.json";

/// The size a shard is cut at, in bytes of JSON before compression.
pub const SHARD_BYTES: usize = 16 * 1024;

/// How many documents' records one file holds. Eight: a 10,000-page site writes 1.4 files a
/// page instead of 2.2 (about 1.2 on issue 23's corpus). A first page of results reads one
/// file per result however records are packed, so this costs a first query about 4.7 KiB
/// gzipped more in records; the front-coded manifest ([`front_coded`]), records without
/// topics and the minified script (`output::scripts`) win more than that back
/// (docs/performance.md, 'Record files').
pub const RECORDS_PER_FILE: usize = 8;

/// The manifest: everything a query needs before it fetches a shard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Format version.
    pub v: u32,
    /// How text became terms: a query's words go the same way.
    pub text: Analysis,
    /// How many records a record file holds.
    pub per: usize,
    /// Field names, in posting order.
    pub fields: Vec<String>,
    /// Each field's boost.
    pub boosts: Vec<u32>,
    /// How many documents there are (for idf).
    pub docs: usize,
    /// What integer weights were multiplied by.
    pub scale: f64,
    /// The first term of each shard, in order (front coded in the file: [`front_coded`]).
    #[serde(with = "front_coded")]
    pub shards: Vec<String>,
    /// Documents are numbered by kind: each kind's code, first number and one past its last.
    pub kinds: Vec<(String, u32, u32)>,
}

/// What a result shows, and nothing else (a first query fetches the files holding its first
/// ten results, so every byte here is paid ten times): one entry of a record file per
/// document. A document's topics are searched but not shown, so they are not here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Site path.
    pub u: String,
    /// Title.
    pub t: String,
    /// Kind (`self-help`).
    pub k: String,
    /// Summary.
    pub s: String,
    /// Key facts.
    pub f: Vec<String>,
    /// Section.
    pub c: String,
    /// A session's booking state, which the page script turns into the tag true when read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<BookingState>,
}

/// The search files, as (path under the output folder, bytes).
pub fn lay_out(
    documents: &[SearchDocument],
    postings: &Postings,
    analysis: Analysis,
) -> Vec<(String, Vec<u8>)> {
    lay_out_with(documents, postings, analysis, SHARD_BYTES)
}

/// [`lay_out`] with shards cut at `shard_bytes` (tests use small shards).
pub fn lay_out_with(
    documents: &[SearchDocument],
    postings: &Postings,
    analysis: Analysis,
    shard_bytes: usize,
) -> Vec<(String, Vec<u8>)> {
    let entries = entries(postings);
    let ranges = shard_ranges(entries.iter().map(|(_, entry)| entry.len()), shard_bytes);
    let mut files: Vec<(String, Vec<u8>)> = ranges
        .iter()
        .enumerate()
        .map(|(n, range)| {
            (
                shard_path(n),
                shard_bytes_of(entries[range.clone()].iter().map(|(_, e)| e.as_str())),
            )
        })
        .collect();
    let firsts = ranges
        .iter()
        .map(|range| entries[range.start].0.clone())
        .collect();
    push_manifest_and_records(&mut files, documents, postings.doc_count, analysis, firsts);
    files
}

/// Puts after the shards in `files` the manifest (`firsts`: each shard's first term) and the
/// record files of `documents`, as every layout of the index ends.
pub(super) fn push_manifest_and_records(
    files: &mut Vec<(String, Vec<u8>)>,
    documents: &[SearchDocument],
    doc_count: usize,
    analysis: Analysis,
    firsts: Vec<String>,
) {
    let put = |path, bytes| (path, bytes);
    put_manifest_and_records(documents, doc_count, analysis, firsts, &put, files);
}

/// Where each search file goes as soon as it is made: given its path and bytes, from any
/// thread (a build's layout hands on each folder's files in turn, on a core of their own,
/// beside the layout's work on the others), it gives what the caller keeps of the file; a
/// layout gives those in the files' order.
pub type Put<'a, T> = dyn Fn(String, Vec<u8>) -> T + Sync + 'a;

/// [`push_manifest_and_records`], each file handed to `put` as it is made, across cores, and
/// what `put` gives pushed to `out` in order: the manifest, then the record files.
pub(super) fn put_manifest_and_records<T: Send>(
    documents: &[SearchDocument],
    doc_count: usize,
    analysis: Analysis,
    firsts: Vec<String>,
    put: &Put<T>,
    out: &mut Vec<T>,
) {
    out.push(put(
        MANIFEST.to_owned(),
        manifest(documents, doc_count, analysis, firsts),
    ));
    out.par_extend(
        documents
            .par_chunks(RECORDS_PER_FILE)
            .enumerate()
            .map(|(n, docs)| put_record_file(n, docs, put)),
    );
}

/// The record file `n`, of `docs`, handed to `put`.
pub(super) fn put_record_file<T>(n: usize, docs: &[SearchDocument], put: &Put<T>) -> T {
    let records: Vec<Vec<u8>> = docs.iter().map(record_bytes).collect();
    put(record_path(n), record_file_bytes(records.iter()))
}

/// Every term's entry, in term order, rendered across cores.
pub(super) fn entries(postings: &Postings) -> Vec<(&String, String)> {
    postings
        .terms
        .par_iter()
        .map(|(term, lists)| (term, render_entry(term, lists, postings)))
        .collect()
}

/// Where shards are cut, given each entry's length in term order: a shard takes entries
/// while it stays within `shard_bytes` (braces and commas counted), and at least one.
pub(super) fn shard_ranges(
    lengths: impl Iterator<Item = usize>,
    shard_bytes: usize,
) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let (mut start, mut size, mut count) = (0, 0, 0);
    for (i, length) in lengths.enumerate() {
        if i > start && size + length + 2 > shard_bytes {
            ranges.push(start..i);
            (start, size) = (i, 0);
        }
        size += if i > start { length + 1 } else { length };
        count = i + 1;
    }
    if count > start {
        ranges.push(start..count);
    }
    ranges
}

/// A shard file's bytes: its entries as one JSON object.
pub(super) fn shard_bytes_of<'a>(entries: impl Iterator<Item = &'a str> + Clone) -> Vec<u8> {
    let mut json = Vec::with_capacity(entries.clone().map(|e| e.len() + 1).sum::<usize>() + 2);
    json.push(b'{');
    for (i, entry) in entries.enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.extend_from_slice(entry.as_bytes());
    }
    json.push(b'}');
    json
}

pub(super) fn shard_path(n: usize) -> String {
    format!("{SHARDS}{n}.json")
}

/// The path of record file `n`, which holds the records of documents from
/// `n × RECORDS_PER_FILE`.
pub fn record_path(n: usize) -> String {
    format!("{RECORDS}{n}.json")
}

/// The record file holding document `doc`'s record, and its place in the file.
pub fn record_file_of(doc: u32) -> (usize, usize) {
    let doc = doc as usize;
    (doc / RECORDS_PER_FILE, doc % RECORDS_PER_FILE)
}

/// A record file's bytes: its records (each a JSON object) as one JSON array.
pub(super) fn record_file_bytes<'a>(records: impl Iterator<Item = &'a Vec<u8>>) -> Vec<u8> {
    let mut json = vec![b'['];
    for (i, record) in records.enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.extend_from_slice(record);
    }
    json.push(b']');
    json
}

/// Reads a record file back: its records, in document order.
pub fn parse_record_file(json: &[u8]) -> Result<Vec<Record>, serde_json::Error> {
    serde_json::from_slice(json)
}

/// The manifest's bytes, given the first term of each shard.
pub(super) fn manifest(
    documents: &[SearchDocument],
    doc_count: usize,
    analysis: Analysis,
    shards: Vec<String>,
) -> Vec<u8> {
    to_json(&Manifest {
        v: 3,
        text: analysis,
        per: RECORDS_PER_FILE,
        fields: FIELDS.iter().map(|(f, _)| (*f).to_owned()).collect(),
        boosts: FIELDS.iter().map(|(_, b)| *b).collect(),
        docs: doc_count,
        scale: SCALE,
        shards,
        kinds: kind_ranges(documents),
    })
}

/// A document's record, as its record file holds it.
pub(super) fn record_bytes(doc: &SearchDocument) -> Vec<u8> {
    to_json(&record(doc))
}

/// The run of document numbers of each kind; `documents` are sorted by kind.
fn kind_ranges(documents: &[SearchDocument]) -> Vec<(String, u32, u32)> {
    let mut ranges: Vec<(String, u32, u32)> = Vec::new();
    for (i, doc) in documents.iter().enumerate() {
        let i = i as u32;
        match ranges.last_mut() {
            Some(last) if last.0 == doc.kind.code() => last.2 = i + 1,
            _ => ranges.push((doc.kind.code().to_owned(), i, i + 1)),
        }
    }
    ranges
}

/// The record of a document.
pub fn record(doc: &SearchDocument) -> Record {
    Record {
        u: doc.url.clone(),
        t: doc.title.clone(),
        k: doc.kind.code().to_owned(),
        s: doc.summary.clone(),
        f: doc.facts.clone(),
        c: doc.section.clone(),
        b: doc.booking.clone(),
    }
}

/// One term's entry: `"term":[[d,w,d,w],[],...]`, trailing empty fields left out.
pub(super) fn render_entry(term: &str, lists: &[Vec<(u32, f64)>], postings: &Postings) -> String {
    let used = lists
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    render_entry_with(
        term,
        used,
        |field| lists[field].iter().copied(),
        |doc, field, tf| postings.weight(doc, field, tf),
    )
}

/// [`render_entry`] from each field's list of (document, term frequency) in document order
/// (`list(field)`, fields `0..used`, the last not empty) and elasticlunr's `weight` of a term
/// frequency in a document's field.
pub(super) fn render_entry_with<L: Iterator<Item = (u32, f64)>>(
    term: &str,
    used: usize,
    mut list: impl FnMut(usize) -> L,
    weight: impl Fn(u32, usize, f64) -> f64,
) -> String {
    let mut out = serde_json::to_string(term).unwrap_or_default();
    out.push_str(":[");
    for field in 0..used {
        if field > 0 {
            out.push(',');
        }
        out.push('[');
        let mut previous = 0;
        for (i, (doc, tf)) in list(field).enumerate() {
            if i > 0 {
                out.push(',');
            }
            let weight = (weight(doc, field, tf) * SCALE).round() as u64;
            let mut digits = itoa::Buffer::new();
            out.push_str(digits.format(doc - previous));
            out.push(',');
            out.push_str(digits.format(weight.max(1)));
            previous = doc;
        }
        out.push(']');
    }
    out.push(']');
    out
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// A shard as read back: term → per field list of (document, integer weight).
pub type Shard = BTreeMap<String, Vec<Vec<(u32, u64)>>>;

/// Reads a shard file, undoing the delta encoding.
pub fn parse_shard(json: &[u8]) -> Result<Shard, serde_json::Error> {
    let raw: BTreeMap<String, Vec<Vec<u64>>> = serde_json::from_slice(json)?;
    Ok(raw
        .into_iter()
        .map(|(term, fields)| {
            let lists = fields
                .into_iter()
                .map(|flat| {
                    let mut doc = 0u64;
                    flat.chunks(2)
                        .map(|pair| {
                            doc += pair[0];
                            (doc as u32, pair.get(1).copied().unwrap_or(0))
                        })
                        .collect()
                })
                .collect();
            (term, lists)
        })
        .collect())
}

/// The manifest's first terms as one string, front coded: each term is the number of leading
/// characters it shares with the one before (one digit, at most 9) followed by the rest of it,
/// and terms are separated by spaces (no term holds whitespace: the tokenisers split on it).
/// Sorted terms share long prefixes (`anxieti`, `anxiou`), so this gzips to less than half of
/// a JSON list of the terms: about 2.3 KiB instead of 5.2 for 1,908 shards, on every first
/// query. `themes/hub/static/js/search.js` (`firstTerms`) reads it back.
pub mod front_coded {
    use serde::{Deserialize, Deserializer, Serializer};

    /// The longest prefix one entry can say it shares.
    const MAX_SHARED: usize = 9;

    /// `terms` front coded.
    pub fn encode(terms: &[String]) -> String {
        let mut out = String::new();
        let mut previous: &str = "";
        for (i, term) in terms.iter().enumerate() {
            debug_assert!(!term.contains(char::is_whitespace), "{term:?}");
            let shared = previous
                .chars()
                .zip(term.chars())
                .take(MAX_SHARED)
                .take_while(|(a, b)| a == b)
                .count();
            if i > 0 {
                out.push(' ');
            }
            out.push(char::from(b'0' + shared as u8));
            out.extend(term.chars().skip(shared));
            previous = term;
        }
        out
    }

    /// The terms of a front-coded string; `None` if an entry is malformed.
    pub fn decode(text: &str) -> Option<Vec<String>> {
        let mut terms: Vec<String> = Vec::new();
        if text.is_empty() {
            return Some(terms);
        }
        for entry in text.split(' ') {
            let mut chars = entry.chars();
            let shared = chars.next()?.to_digit(10)? as usize;
            let mut term: String = match terms.last() {
                Some(previous) => previous.chars().take(shared).collect(),
                None => String::new(),
            };
            term.extend(chars);
            terms.push(term);
        }
        Some(terms)
    }

    pub(crate) fn serialize<S: Serializer>(terms: &[String], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&encode(terms))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        let text = String::deserialize(d)?;
        decode(&text).ok_or_else(|| serde::de::Error::custom("a malformed front-coded term"))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn front_coded_terms_read_back_as_they_were() {
            let terms: Vec<String> = [
                "0",
                "1400",
                "2",
                "9am",
                "anxieti",
                "anxiou",
                "cymorth",
                "cymorthdaliadau",
                "cymorthdaliadaut",
                "الأسرة",
                "الأطفال",
                "ਪਰਿਵਾਰ",
            ]
            .map(String::from)
            .to_vec();
            let text = encode(&terms);
            assert!(text.starts_with("00 01400 02 09am 0anxieti 4ou 0cymorth "));
            // Nine shared characters at most: the tenth is written again.
            assert!(text.contains(" 7daliadau 9liadaut "), "{text}");
            assert_eq!(decode(&text).unwrap(), terms);
            assert_eq!(decode(&encode(&[])).unwrap(), Vec::<String>::new());
            assert_eq!(decode("x1"), None);
        }
    }
}
