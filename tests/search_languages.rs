//! Search in the site's language (issue 20): a Welsh site's index keeps Welsh words whole
//! (no English trimmer, stop words or stemmer), the query path the script takes finds them,
//! and the words search shows (the script's messages, its records' facts) are Welsh; Arabic is
//! searched by whole, unstemmed words.

mod common;

use std::collections::BTreeMap;

use common::{check, options, scratch_copy};
use hubsite::output::Contents;
use hubsite::output::search::index::Postings;
use hubsite::output::search::layout::{
    MANIFEST, Manifest, Record, lay_out, parse_record_file, record_file_of, record_path,
};
use hubsite::output::search::query::{Mode, Searcher};
use hubsite::output::search::text::Analysis;
use hubsite::output::search::{SearchDocument, SearchKind};

/// Every file the Welsh fixture site builds, by path.
fn welsh_site() -> BTreeMap<String, Vec<u8>> {
    let site = scratch_copy("cymraeg");
    let run = check(&options(site.path())).expect("the Welsh site builds");
    run.output
        .files
        .iter()
        .filter_map(|f| match &f.contents {
            Contents::Bytes(bytes) => Some((f.path.clone(), bytes.to_vec())),
            Contents::Asset(_) | Contents::Written(_) => None,
        })
        .collect()
}

fn manifest(files: &BTreeMap<String, Vec<u8>>) -> Manifest {
    serde_json::from_slice(&files[MANIFEST]).expect("a manifest")
}

/// The record of document `doc`, from its record file.
fn record(files: &BTreeMap<String, Vec<u8>>, doc: u32) -> Record {
    let (file, at) = record_file_of(doc);
    parse_record_file(&files[&record_path(file)]).expect("a record file")[at].clone()
}

/// The addresses a query finds, best first, as the script finds them.
fn found(files: &BTreeMap<String, Vec<u8>>, query: &str, mode: Mode) -> Vec<String> {
    let manifest = manifest(files);
    let mut fetch = |path: &str| files.get(path).cloned();
    let hits = Searcher::new(&manifest, &mut fetch).search(query, mode);
    hits.iter().map(|hit| record(files, hit.doc).u).collect()
}

const GRANDPARENTS: &str = "/teuluoedd/self-help/neiniau-a-theidiau/";

#[test]
fn a_welsh_only_word_finds_its_page_in_the_welsh_index() {
    let files = welsh_site();
    // English's trimmer would cut 'ŵyr' (grandson) to 'yr' ('the'), found on most pages, and
    // 'tŷ' (house) to 't'.
    for query in ["ŵyr", "Ŵyr", "tŷ", "wyres", "hwyrion"] {
        assert_eq!(found(&files, query, Mode::Exact), [GRANDPARENTS], "{query}");
    }
    for cut in ["yr", "t"] {
        assert!(found(&files, cut, Mode::Exact).is_empty(), "{cut}");
    }
    // Nothing stemmed: 'neiniau' (grandmothers) is not 'nain'; typing finds it by its start.
    assert_eq!(found(&files, "neiniau", Mode::Exact), [GRANDPARENTS]);
    assert_eq!(found(&files, "neini", Mode::Typing), [GRANDPARENTS]);
    assert!(found(&files, "nain", Mode::Exact).is_empty());
    // Words English drops as stop words are Welsh words here ('am': about, for).
    assert!(found(&files, "am", Mode::Exact).contains(&GRANDPARENTS.to_owned()));
    assert_eq!(manifest(&files).text, Analysis::Plain);
}

#[test]
fn the_words_search_shows_on_a_welsh_site_are_welsh() {
    let files = welsh_site();
    let page = String::from_utf8_lossy(&files["search/index.html"]).into_owned();
    for welsh in [
        r#"data-search-message="count" data-plural-zero="#,
        "data-plural-two=\"{count} ganlyniad ar gyfer ‘{query}’\"",
        "data-plural-few=\"{count} chanlyniad ar gyfer ‘{query}’\"",
        "data-plural-other=\"{count} canlyniad ar gyfer ‘{query}’\"",
        "data-text=\"Nid yw chwilio’n gweithio ar hyn o bryd.",
        "data-text=\"{kind}, {section}\"",
    ] {
        assert!(page.contains(welsh), "the search page lacks {welsh}");
    }
    // A session's facts as its page says them: its format in Welsh.
    let manifest = manifest(&files);
    let session = manifest
        .kinds
        .iter()
        .find(|(kind, _, _)| kind == "session")
        .expect("the site has sessions");
    let facts: Vec<String> = (session.1..session.2)
        .flat_map(|doc| record(&files, doc).f)
        .collect();
    assert!(facts.iter().any(|f| f == "Ar-lein"), "{facts:?}");
    assert!(!facts.iter().any(|f| f == "Online"), "{facts:?}");
}

/// Arabic, as a council's Arabic index holds it: words split at Arabic punctuation, short
/// vowels and all kept, nothing stemmed (the article stays: 'الأسرة' is not 'أسرة').
#[test]
fn arabic_words_are_found_whole_and_unstemmed() {
    let doc = |url: &str, title: &str, body: &str| SearchDocument {
        kind: SearchKind::SelfHelp,
        url: url.into(),
        title: title.into(),
        summary: String::new(),
        topics: Vec::new(),
        body: body.into(),
        facts: Vec::new(),
        section: String::new(),
        booking: None,
    };
    let documents = [
        doc(
            "/a/",
            "دعم الأسرة",
            "مرحبًا، كيف حالك؟ نحن هنا لمساعدة الأسرة والأطفال.",
        ),
        doc("/b/", "المال", "نصائح عن الديون؛ والمال في البيت."),
    ];
    let analysis = Analysis::for_language("ar");
    assert_eq!(analysis, Analysis::Plain);
    let postings = Postings::build(&documents, analysis);
    let files: BTreeMap<String, Vec<u8>> = lay_out(&documents, &postings, analysis)
        .into_iter()
        .collect();
    let manifest = manifest(&files);
    let search = |query: &str| {
        let mut fetch = |path: &str| files.get(path).cloned();
        let hits = Searcher::new(&manifest, &mut fetch).search(query, Mode::Exact);
        hits.iter()
            .map(|h| documents[h.doc as usize].url.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(search("الأسرة؟"), ["/a/"]);
    assert_eq!(search("الديون"), ["/b/"]);
    assert_eq!(search("حالك"), ["/a/"]);
    assert!(search("أسرة").is_empty(), "not stemmed");
}
