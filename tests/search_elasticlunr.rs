//! Search ranking held to elasticlunr.js itself, not to another copy of its scoring.
//!
//! For the `search` fixture, the council site and the example site, this takes the documents
//! the build indexes, writes the search files the build would publish, and runs the queries
//! below through the Rust twin of the script ([`Searcher`]). `tests/js/elasticlunr.test.js`
//! then indexes the same documents with the npm `elasticlunr` package (0.9.5, installed by
//! `./scripts/test` into `tests/browser/node_modules/`), runs the same queries, and checks that
//! the Rust twin and `themes/hub/static/js/search.js` (over the published files) both find the
//! same documents, in the same order, with the same scores (to the rounding of the integer
//! weights) as elasticlunr.js.
//!
//! Where hubsite deliberately differs (documented in README.md, 'Search'), the reference is
//! configured to do the same and the difference itself is tested there:
//! - words are split by hubsite's tokeniser (`text::tokenize`: punctuation splits, apostrophes
//!   are dropped), so elasticlunr.js is given text already split that way;
//! - while typing only the last word matches the terms it begins, by its stemmed and its typed
//!   form, not below two letters nor across more than three shards.

mod common;
mod tools;

use std::fs;
use std::path::Path;

use common::*;
use hubsite::load::{LoadOptions, load_site};
use hubsite::model::{ModelOptions, build_site};
use hubsite::output::search::documents;
use hubsite::output::search::index::{FIELDS, Postings};
use hubsite::output::search::layout::{Manifest, lay_out};
use hubsite::output::search::query::{Mode, Searcher};
use hubsite::output::search::text::{Analysis, tokenize};
use serde_json::{Value, json};

/// Queries a family might type, with stop words, repeats, numbers and nothing to find.
const EXACT: &[&str] = &[
    "mediation",
    "free counselling",
    "parents arguing",
    "the children of separating parents",
    "haven't spoken",
    "teenagers",
    "talking with teenagers",
    "family",
    "domestic abuse",
    "money worries",
    "grief after a loss",
    "online",
    "tuesday webinar",
    "dads breakfast",
    "2024",
    "a b c",
    "mediation mediation",
    "xylophone",
    "the",
];

/// Queries as they are being typed: the last word is a prefix.
const TYPING: &[&str] = &[
    "media",
    "teen",
    "counsel",
    "pare",
    "c",
    "tuesday webi",
    "domestic ab",
    "talking with te",
    "famil",
    "happ",
    "bre",
];

/// One document's fields (in [`FIELDS`] order) as the index reads them: split by hubsite's
/// tokeniser and joined by spaces, which elasticlunr.js's tokeniser splits the same way.
fn fields(doc: &hubsite::output::search::SearchDocument) -> Vec<String> {
    let topics = doc.topics.join(", ");
    let facts = doc.facts.join(", ");
    [doc.title.as_str(), &topics, &doc.summary, &facts, &doc.body]
        .into_iter()
        .map(|text| tokenize(text).join(" "))
        .collect()
}

/// The site at `root` as the reference needs it; its search files are written to `public`.
fn site(name: &str, root: &Path, public: &Path) -> Value {
    let sources = load_site(root, &LoadOptions::default()).expect("loads");
    let now = hubsite::model::time::parse_now(NOW).unwrap();
    let (site, _warnings) =
        build_site(&sources, &ModelOptions { drafts: false, now }).expect("models");
    let documents = documents(&site);
    let postings = Postings::build(&documents, Analysis::English);
    let files = lay_out(&documents, &postings, Analysis::English);
    for (path, bytes) in &files {
        let path = public.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(public.join("search/manifest.json")).unwrap()).unwrap();
    let queries: Vec<Value> = EXACT
        .iter()
        .map(|q| (q, Mode::Exact))
        .chain(TYPING.iter().map(|q| (q, Mode::Typing)))
        .map(|(query, mode)| {
            let mut fetch = |path: &str| fs::read(public.join(path)).ok();
            let hits = Searcher::new(&manifest, &mut fetch).search(query, mode);
            json!({
                "query": query,
                "words": tokenize(query),
                "typing": mode == Mode::Typing,
                "docs": hits.iter().map(|h| h.doc).collect::<Vec<_>>(),
                "scores": hits.iter().map(|h| h.score).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "name": name,
        "public": public,
        "documents": documents.iter().map(fields).collect::<Vec<_>>(),
        "queries": queries,
    })
}

#[test]
fn ranking_equals_elasticlunr_js_for_the_rust_twin_and_the_script() {
    if !tools::require(
        "search_elasticlunr",
        &["node"],
        &["tests/browser/node_modules/elasticlunr/elasticlunr.js"],
    ) {
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sites = [
        ("search", fixture("search")),
        ("council", fixture("council")),
        ("example", example.to_path_buf()),
    ]
    .map(|(name, root)| site(name, &root, &scratch.path().join(name)));
    let cases = scratch.path().join("cases.json");
    let fields: Vec<Value> = FIELDS
        .iter()
        .map(|(name, boost)| json!({ "name": name, "boost": boost }))
        .collect();
    fs::write(
        &cases,
        serde_json::to_vec(&json!({ "fields": fields, "sites": sites })).unwrap(),
    )
    .unwrap();
    tools::node_test(
        "tests/js/elasticlunr.test.js",
        &[("ELASTICLUNR_CASES", cases.as_os_str())],
        4,
    );
}
