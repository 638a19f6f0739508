//! The search script (`themes/hub/static/js/search.js`) against the build, under Node's test
//! runner: the same terms for every word of the example site and some awkward ones, and the
//! same ranking as the Rust twin of the script ([`hubsite::output::search::query`]) for the
//! fixture site. Needs `node` (see `tests/tools/mod.rs`).

mod common;
mod tools;

use std::fs;
use std::path::Path;

use common::*;
use hubsite::output::search::layout::{Manifest, front_coded};
use hubsite::output::search::query::{Mode, Searcher};
use hubsite::output::search::text::{Analysis, pipeline, terms, tokenize};
use serde_json::json;

/// Awkward words: apostrophes straight and curly, hyphens, dashes, non-ASCII letters,
/// numbers, stop words, and Porter's hard cases.
const AWKWARD: &str = "haven't haven’t children’s parents' it's don’t co-parenting 10am–11am 7pm \
    café naïve résumé Zoë São Paulo ½ x² 🙂 emoji🙂word ÉCOLE İstanbul straße \
    caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled \
    sized hopping tanned falling hissing fizzed failing filing happy sky relational conditional \
    rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli \
    vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti \
    sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness \
    revival allowance inference airliner gyroscopic adjustable defensible irritant replacement \
    adjustment dependent adoption homologou communism activate angulariti homologous effective \
    bowdlerize probate rate cease controll roll logi archaeology yy ay oy by a I _under_score__";

/// Awkward words of other languages and scripts, for the plain tokeniser: Welsh with
/// circumflexes and apostrophes, Arabic with its punctuation, short vowels and tatweel,
/// Gurmukhi with vowel signs, virama and danda, Urdu, Polish, digits of other scripts.
const OTHER_SCRIPTS: &str = "Tŷ'r Teulu: ŵyr, wyres a’u neiniau. Ŵyr Ŷd     مرحبًا، كيف حالك؟ الأسرة ـ والأطفال؛ ١٢٣     ਪਰਿਵਾਰ ਸਹਾਇਤਾ। ਕੀ ਹਾਲ ਹੈ? ੧੨     خاندان کی مدد۔ بچّوں     Zażółć gęślą jaźń — rodzina_pomoc İstanbul ΣΊΣΥΦΟΣ 🙂emoji";

fn texts() -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let welsh = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/cymraeg");
    let mut texts = vec![AWKWARD.to_owned(), OTHER_SCRIPTS.to_owned()];
    let files = walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .into_iter()
        .chain(walkdir::WalkDir::new(&welsh).sort_by_file_name());
    for entry in files {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            texts.push(fs::read_to_string(entry.path()).unwrap());
        }
    }
    let pipeline = pipeline();
    texts
        .into_iter()
        .map(|text| {
            json!({
                "tokens": tokenize(&text),
                "terms": terms(&pipeline, &text),
                "plain": Analysis::Plain.tokenize(&text),
                "text": text,
            })
        })
        .collect()
}

fn queries(public: &Path) -> Vec<serde_json::Value> {
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(public.join("search/manifest.json")).unwrap()).unwrap();
    let list = [
        ("mediation", Mode::Exact),
        ("free counselling", Mode::Exact),
        ("tuesday webinar", Mode::Exact),
        ("haven't spoken", Mode::Exact),
        ("the children", Mode::Exact),
        ("teenagers", Mode::Exact),
        ("media", Mode::Typing),
        ("teen", Mode::Typing),
        ("tuesday webi", Mode::Typing),
        ("c", Mode::Typing),
        ("counsel", Mode::Typing),
        ("xylophone", Mode::Exact),
        ("the", Mode::Exact),
    ];
    list.into_iter()
        .map(|(query, mode)| {
            let mut fetch = |path: &str| fs::read(public.join(path)).ok();
            let hits = Searcher::new(&manifest, &mut fetch).search(query, mode);
            json!({
                "query": query,
                "typing": mode == Mode::Typing,
                "docs": hits.iter().map(|h| h.doc).collect::<Vec<_>>(),
                "scores": hits.iter().map(|h| h.score).collect::<Vec<_>>(),
            })
        })
        .collect()
}

#[test]
fn the_script_processes_and_ranks_exactly_as_the_build() {
    if !tools::require("search_js", &["node"], &[]) {
        return;
    }
    let site = scratch_copy("search");
    build(site.path()).expect("fixture builds");
    let public = site.path().join("public");
    let parity = site.path().join("parity.json");
    fs::write(
        &parity,
        serde_json::to_vec(&json!({
            "texts": texts(),
            "queries": queries(&public),
            "front": front_coded(),
        }))
        .unwrap(),
    )
    .unwrap();
    let env = [
        ("SEARCH_PARITY", parity.as_os_str()),
        ("SEARCH_PUBLIC", public.as_os_str()),
    ];
    tools::node_test("tests/js/search.test.js", &env, 6);
    // The copy readers get is minified (`output::scripts`): it must do exactly the same.
    let published = public.join("js/search.js");
    let source = fs::read_to_string("themes/hub/static/js/search.js").unwrap();
    assert!(fs::read_to_string(&published).unwrap().len() < source.len() * 3 / 4);
    let env = [env[0], env[1], ("SEARCH_SCRIPT", published.as_os_str())];
    tools::node_test("tests/js/search.test.js", &env, 6);
}

/// First terms of shards as the manifest writes them (front coded), and as they are: shared
/// prefixes longer than nine characters, digits, Welsh, Arabic and Gurmukhi, an astral emoji.
fn front_coded() -> serde_json::Value {
    let terms: Vec<String> = [
        "0",
        "1400",
        "2",
        "2311",
        "9am",
        "anxieti",
        "anxiou",
        "cydweithio",
        "cydweithiodd",
        "cydweithiwr",
        "cymorthdaliadau",
        "cymorthdaliadaut",
        "ŵyr",
        "ŵyrion",
        "الأسرة",
        "الأطفال",
        "ਪਰਿਵਾਰ",
        "ਪਰਿਵਾਰਕ",
        "🙂a",
        "🙂b",
    ]
    .map(String::from)
    .to_vec();
    json!({ "text": front_coded::encode(&terms), "terms": terms })
}
