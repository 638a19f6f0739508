//! Site search end to end on the `search` fixture site: realistic queries find the right page
//! first, the sharded layout ranks exactly as the unsplit elasticlunr index, and the search
//! page works without JavaScript.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::*;
use hubsite::load::{LoadOptions, load_site};
use hubsite::model::{ModelOptions, build_site};
use hubsite::output::search::index::{FIELDS, Postings, build_index};
use hubsite::output::search::layout::{Manifest, lay_out_with};
use hubsite::output::search::query::{Hit, Mode, Searcher, query_words};
use hubsite::output::search::text::pipeline;
use hubsite::output::search::{SearchDocument, documents};

/// The fixture built into a scratch folder.
fn built(name: &str) -> tempfile::TempDir {
    let site = scratch_copy(name);
    build(site.path()).expect("fixture builds");
    site
}

/// The URLs a query finds in a built site, best first, through the same steps as the script.
fn urls(public: &Path, query: &str, mode: Mode) -> Vec<String> {
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(public.join("search/manifest.json")).unwrap()).unwrap();
    let mut fetch = |path: &str| fs::read(public.join(path)).ok();
    let mut searcher = Searcher::new(&manifest, &mut fetch);
    let hits = searcher.search(&pipeline(), query, mode);
    hits.iter()
        .map(|hit| {
            let record: serde_json::Value = serde_json::from_slice(
                &fs::read(public.join(format!("search/d/{}.json", hit.doc))).unwrap(),
            )
            .unwrap();
            record["u"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn realistic_queries_find_the_expected_page_first() {
    let site = built("search");
    let public = site.path().join("public");
    let cases = [
        ("mediation", Mode::Exact, "/self-help/mediation/"),
        ("a mediator", Mode::Exact, "/self-help/mediation/"),
        ("teenagers", Mode::Exact, "/self-help/teenagers/"),
        ("teenager", Mode::Exact, "/self-help/teenagers/"),
        ("free counselling", Mode::Exact, "/self-help/counselling/"),
        ("counsellor", Mode::Exact, "/self-help/counselling/"),
        ("Tuesday webinar", Mode::Exact, "/news/webinar/"),
        ("webinars on tuesdays", Mode::Exact, "/news/webinar/"),
        ("haven't spoken", Mode::Exact, "/self-help/mediation/"),
        ("haven’t", Mode::Exact, "/self-help/mediation/"),
        ("havent", Mode::Exact, "/self-help/mediation/"),
        ("the children", Mode::Exact, "/self-help/arguments/"),
        ("Separating and divorce", Mode::Exact, "/topics/separation/"),
        (
            "webinar about stress",
            Mode::Exact,
            "/sessions/spring/dads-webinar/",
        ),
        // A session's day and time are facts, searched too; its booking state is not (it
        // changes as time passes, so results show it as the page script finds it).
        ("7pm", Mode::Exact, "/sessions/spring/dads-webinar/"),
        ("media", Mode::Typing, "/self-help/mediation/"),
        ("counsel", Mode::Typing, "/self-help/counselling/"),
        ("teen", Mode::Typing, "/self-help/teenagers/"),
        ("tuesday webi", Mode::Typing, "/news/webinar/"),
    ];
    for (query, mode, expected) in cases {
        let found = urls(&public, query, mode);
        assert_eq!(
            found.first().map(String::as_str),
            Some(expected),
            "query {query:?} ({mode:?}) found {found:?}"
        );
    }
}

#[test]
fn stop_words_and_unknown_words_find_nothing() {
    let site = built("search");
    let public = site.path().join("public");
    assert!(urls(&public, "the and of", Mode::Exact).is_empty());
    assert!(urls(&public, "xylophone", Mode::Exact).is_empty());
    assert!(urls(&public, "", Mode::Typing).is_empty());
    // Prefixes are only for the word being typed.
    assert!(urls(&public, "media", Mode::Exact).is_empty());
}

/// elasticlunr.js's scoring over the unsplit index (full-precision term frequencies and field
/// lengths, no shards): the reference the sharded layout must match.
fn reference(postings: &Postings, query: &str) -> BTreeMap<u32, f64> {
    let words: Vec<String> = query_words(&pipeline(), query)
        .into_iter()
        .map(|w| w.term)
        .collect();
    let mut totals = BTreeMap::new();
    if words.is_empty() {
        return totals;
    }
    for (field, (_, boost)) in FIELDS.iter().enumerate() {
        let mut scores: BTreeMap<u32, f64> = BTreeMap::new();
        let mut matched: BTreeMap<u32, usize> = BTreeMap::new();
        for word in &words {
            let Some(list) = postings.terms.get(word).map(|lists| &lists[field]) else {
                continue;
            };
            let idf = 1.0 + (postings.doc_count as f64 / (list.len() as f64 + 1.0)).ln();
            for &(doc, tf) in list {
                let length = postings.lengths[doc as usize][field];
                let norm = if length == 0 {
                    1.0
                } else {
                    1.0 / (length as f64).sqrt()
                };
                *scores.entry(doc).or_default() += tf * idf * norm;
                *matched.entry(doc).or_default() += 1;
            }
        }
        for (doc, score) in scores {
            *totals.entry(doc).or_default() +=
                score * matched[&doc] as f64 / words.len() as f64 * f64::from(*boost);
        }
    }
    totals
}

fn site_documents(root: &Path) -> Vec<SearchDocument> {
    let sources = load_site(root, &LoadOptions::default()).expect("loads");
    let now = hubsite::model::time::parse_now(NOW).unwrap();
    let (site, _warnings) = build_site(
        std::sync::Arc::new(sources),
        &ModelOptions { drafts: false, now },
    )
    .expect("models");
    documents(&site)
}

/// Checks that `hits` (from the shards) rank as `expected` (from the unsplit index): same
/// documents, scores within rounding, and no pair out of order unless their scores tie.
fn assert_same_ranking(query: &str, hits: &[Hit], expected: &BTreeMap<u32, f64>) {
    let found: Vec<u32> = hits.iter().map(|h| h.doc).collect();
    let mut wanted: Vec<u32> = expected.keys().copied().collect();
    wanted.sort_by(|a, b| expected[b].total_cmp(&expected[a]).then(a.cmp(b)));
    assert_eq!(
        found.len(),
        wanted.len(),
        "{query:?}: {found:?} vs {wanted:?}"
    );
    for hit in hits {
        let exact = expected[&hit.doc];
        assert!(
            (hit.score - exact).abs() <= 1e-3 * exact,
            "{query:?}: doc {} scored {} not {exact}",
            hit.doc,
            hit.score
        );
    }
    for pair in found.windows(2) {
        let (a, b) = (expected[&pair[0]], expected[&pair[1]]);
        assert!(
            a >= b * (1.0 - 1e-3),
            "{query:?}: {found:?} puts {} before {} but the index ranks it lower",
            pair[0],
            pair[1]
        );
    }
    if found != wanted {
        // Only near-ties may differ; the loop above proved that.
        eprintln!("{query:?}: ties ordered {found:?} vs {wanted:?}");
    }
}

#[test]
fn sharded_ranking_equals_the_unsplit_elasticlunr_index() {
    let site = scratch_copy("search");
    let documents = site_documents(site.path());
    let postings = Postings::from_index(&build_index(&documents)).unwrap();
    // Tiny shards, so that queries cross many of them.
    let files: BTreeMap<String, Vec<u8>> = lay_out_with(&documents, &postings, 200)
        .into_iter()
        .collect();
    let manifest: Manifest = serde_json::from_slice(&files["search/manifest.json"]).unwrap();
    assert!(
        manifest.shards.len() > 10,
        "only {} shards",
        manifest.shards.len()
    );
    let queries = [
        "mediation",
        "children",
        "parents arguing",
        "free counselling for couples",
        "teenager rules",
        "tuesday webinar",
        "the children of separating parents",
        "haven't spoken",
        "family",
        "space to talk",
        "access",
        "2024",
        "a b c",
        "mediation mediation",
    ];
    for query in queries {
        let mut fetch = |path: &str| files.get(path).cloned();
        let mut searcher = Searcher::new(&manifest, &mut fetch);
        let hits = searcher.search(&pipeline(), query, Mode::Exact);
        assert_same_ranking(query, &hits, &reference(&postings, query));
        let needed: std::collections::BTreeSet<usize> = query_words(&pipeline(), query)
            .iter()
            .map(|w| searcher.shard_of(&w.term))
            .collect();
        assert_eq!(
            searcher.fetched.len(),
            needed.len(),
            "{query:?} fetched {:?}",
            searcher.fetched
        );
    }
}

#[test]
fn index_files_are_laid_out_by_kind_with_one_record_per_document() {
    let site = built("search");
    let public = site.path().join("public");
    let manifest = read_output(site.path(), "search/manifest.json");
    insta::assert_snapshot!("search_manifest", manifest);
    insta::assert_snapshot!("search_record", read_output(site.path(), "search/d/8.json"));
    let manifest: Manifest = serde_json::from_str(&manifest).unwrap();
    assert_eq!(
        fs::read_dir(public.join("search/d")).unwrap().count(),
        manifest.docs
    );
    assert_eq!(
        fs::read_dir(public.join("search/t")).unwrap().count(),
        manifest.shards.len()
    );
}

#[test]
fn the_search_page_works_without_javascript_and_the_header_has_a_search_box() {
    let site = built("search");
    let page = read_output(site.path(), "search/index.html");
    assert!(page.contains(r#"<script src="/js/search.js" defer></script>"#));
    assert!(page.contains(r#"<label class="search-form__label" for="search-query">"#));
    assert!(page.contains(r#"role="status" aria-live="polite""#));
    // Only ways of browsing that this site publishes.
    assert!(page.contains(r#"<a href="/topics/">Topics</a>"#));
    assert!(page.contains(r#"<a href="/self-help/">Self-help</a>"#));
    assert!(page.contains(r#"<a href="/sessions/">The programme of sessions</a>"#));
    assert!(!page.contains("/directory/a-z/"));
    // The filter offers the kinds the site has.
    assert!(
        page.contains(r#"value="self-help""#)
            && page.contains(r#"value="topic""#)
            && page.contains(r#"value="session""#)
            && !page.contains(r#"value="service""#)
    );
    let home = read_output(site.path(), "index.html");
    assert!(home.contains(r#"<li><a href="/search/">Search</a></li>"#));
    assert!(home.contains(
        r#"<label class="visually-hidden" for="site-search-q">Search this site</label>"#
    ));
    // The header's input has no name: a query is never put in an address.
    assert!(!home.contains(r#"name="q""#));
    for html in [&page, &home] {
        assert!(
            !html.contains(" style=") && !html.contains("<script>"),
            "inline style or script"
        );
    }
}

#[test]
fn every_site_gets_search() {
    let site = built("minimal");
    let page = read_output(site.path(), "search/index.html");
    assert!(page.contains(r#"<a href="/topics/">Topics</a>"#));
    assert!(read_output(site.path(), "search/manifest.json").contains(r#""docs":"#));
}

/// The example site's self-help pages: realistic queries a family might type. The index is
/// built from the model in memory, so this runs even while the example site's links to the
/// directory (not merged yet) keep the full build from finishing.
#[test]
fn example_site_queries_find_the_expected_self_help_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let documents = site_documents(root);
    let postings = Postings::from_index(&build_index(&documents)).unwrap();
    let files: BTreeMap<String, Vec<u8>> = lay_out_with(&documents, &postings, 16 * 1024)
        .into_iter()
        .collect();
    let manifest: Manifest = serde_json::from_slice(&files["search/manifest.json"]).unwrap();
    // Sessions with the words in their titles ('Understanding your teenagers') come first for
    // some queries; there the self-help page must still be on the first screen (top 3).
    let cases = [
        ("money worries", Mode::Exact, "/self-help/money-worries/", 1),
        (
            "arguing in front of the kids",
            Mode::Exact,
            "/self-help/arguments-in-front-of-children/",
            1,
        ),
        (
            "teenagers",
            Mode::Exact,
            "/sessions/2027/understanding-your-teenagers/",
            1,
        ),
        (
            "teenagers",
            Mode::Exact,
            "/self-help/parenting-teenagers-together/",
            3,
        ),
        (
            "teenager",
            Mode::Exact,
            "/self-help/parenting-teenagers-together/",
            3,
        ),
        ("co-parenting", Mode::Exact, "/self-help/co-parenting/", 1),
        // The specialist service, named for it, may come first; the guide must be next.
        (
            "domestic abuse",
            Mode::Exact,
            "/self-help/domestic-abuse/",
            2,
        ),
        (
            "domestic abuse",
            Mode::Exact,
            "/directory/domestic-abuse-support/",
            2,
        ),
        ("mediation", Mode::Exact, "/directory/family-mediation/", 3),
        (
            "becoming parents",
            Mode::Exact,
            "/self-help/becoming-parents/",
            3,
        ),
        ("a new baby", Mode::Exact, "/self-help/becoming-parents/", 1),
        ("separating", Mode::Exact, "/self-help/separating-well/", 1),
        (
            "calm down an argument",
            Mode::Exact,
            "/self-help/calming-an-argument/",
            1,
        ),
        (
            "teena",
            Mode::Typing,
            "/self-help/parenting-teenagers-together/",
            3,
        ),
    ];
    let mut wrong = Vec::new();
    for (query, mode, expected, within) in cases {
        let mut fetch = |path: &str| files.get(path).cloned();
        let hits = Searcher::new(&manifest, &mut fetch).search(&pipeline(), query, mode);
        let found: Vec<&str> = hits
            .iter()
            .take(3)
            .map(|h| documents[h.doc as usize].url.as_str())
            .collect();
        if !found.iter().take(within).any(|url| *url == expected) {
            wrong.push(format!(
                "{query:?} found {found:?}: {expected} not in the first {within}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
