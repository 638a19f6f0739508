//! Measures a built site's search index for `scripts/bench-search`: total and gzipped size,
//! and the gzipped bytes a first query fetches (script, manifest, the shards holding its
//! words, and the record files holding the first ten results), for each query and their median. With
//! `--pagefind-fetched FILE` (one line per query: the query, a tab, then the paths Pagefind
//! fetched, tab-separated), it measures Pagefind's first queries the same way.
//!
//! `cargo run --release --example bench_search -- --site DIR --public DIR --script FILE
//!  [--pagefind-fetched FILE] [--unsplit] QUERY...`

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;
use hubsite::load::{LoadOptions, load_site};
use hubsite::model::{ModelOptions, build_site};
use hubsite::output::search::layout::{Manifest, record_file_of, record_path};
use hubsite::output::search::query::{Mode, Searcher};
use hubsite::output::search::text::Analysis;

/// Results a first screen shows.
const FIRST_PAGE: usize = 10;

/// Bytes after gzip at the level web servers commonly use (6); files already gzipped as they
/// are (Pagefind's).
fn gz(bytes: &[u8]) -> usize {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return bytes.len();
    }
    let mut encoder = GzEncoder::new(Vec::new(), Compression::new(6));
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory").len()
}

fn median(mut values: Vec<usize>) -> usize {
    values.sort_unstable();
    match values.len() {
        0 => 0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2,
    }
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// Every file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

struct Args {
    site: PathBuf,
    public: PathBuf,
    script: PathBuf,
    pagefind: Option<PathBuf>,
    unsplit: bool,
    queries: Vec<String>,
}

fn args() -> Args {
    let mut parsed = Args {
        site: PathBuf::new(),
        public: PathBuf::new(),
        script: PathBuf::new(),
        pagefind: None,
        unsplit: false,
        queries: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value =
            || PathBuf::from(args.next().unwrap_or_else(|| panic!("{arg} needs a value")));
        match arg.as_str() {
            "--site" => parsed.site = value(),
            "--public" => parsed.public = value(),
            "--script" => parsed.script = value(),
            "--pagefind-fetched" => parsed.pagefind = Some(value()),
            "--unsplit" => parsed.unsplit = true,
            _ => parsed.queries.push(arg),
        }
    }
    parsed
}

/// Ours: what search.js fetches for each query, gzipped.
fn ours(args: &Args) -> Vec<usize> {
    let public = &args.public;
    let manifest_bytes =
        fs::read(public.join("search/manifest.json")).expect("a built site with search");
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes).expect("a manifest");
    let script = gz(&fs::read(&args.script).expect("the script"));
    let search_files = files(&public.join("search"));
    let total: usize = search_files
        .iter()
        .map(|p| fs::metadata(p).map_or(0, |m| m.len() as usize))
        .sum();
    let total_gz: usize = search_files
        .iter()
        .map(|p| gz(&fs::read(p).unwrap_or_default()))
        .sum();
    let largest_shard = files(&public.join("search/t"))
        .iter()
        .map(|p| gz(&fs::read(p).unwrap_or_default()))
        .max()
        .unwrap_or(0);
    println!(
        "hubsite index: {} files, {} ({} gzipped); manifest {} gzipped, {} shards (largest {} gzipped), script {} gzipped",
        search_files.len(),
        kib(total),
        kib(total_gz),
        kib(gz(&manifest_bytes)),
        manifest.shards.len(),
        kib(largest_shard),
        kib(script)
    );
    args.queries
        .iter()
        .map(|query| {
            let mut fetch = |path: &str| fs::read(public.join(path)).ok();
            let mut searcher = Searcher::new(&manifest, &mut fetch);
            let hits = searcher.search(query, Mode::Exact);
            let shards: usize = searcher
                .fetched
                .iter()
                .map(|p| gz(&fs::read(public.join(p)).unwrap_or_default()))
                .sum();
            // Each record file once, however many of the first results it holds.
            let files: std::collections::BTreeSet<usize> = hits
                .iter()
                .take(FIRST_PAGE)
                .map(|h| record_file_of(h.doc).0)
                .collect();
            let records: usize = files
                .iter()
                .map(|&n| gz(&fs::read(public.join(record_path(n))).unwrap_or_default()))
                .sum();
            let bytes = script + gz(&manifest_bytes) + shards + records;
            println!(
                "  {query:<28} {:>3} results  {} shard(s) {:>9}  records {:>9}  first query {:>9}",
                hits.len(),
                searcher.fetched.len(),
                kib(shards),
                kib(records),
                kib(bytes)
            );
            bytes
        })
        .collect()
}

/// Pagefind: the files its first query fetched (as recorded in a browser), gzipped.
fn pagefind(public: &Path, fetched: &Path) -> Vec<usize> {
    let bundle = files(&public.join("pagefind"));
    let total: usize = bundle
        .iter()
        .map(|p| fs::metadata(p).map_or(0, |m| m.len() as usize))
        .sum();
    let total_gz: usize = bundle
        .iter()
        .map(|p| gz(&fs::read(p).unwrap_or_default()))
        .sum();
    println!(
        "pagefind bundle: {} files, {} ({} as served gzipped)",
        bundle.len(),
        kib(total),
        kib(total_gz)
    );
    let text = fs::read_to_string(fetched).expect("the Pagefind fetch log");
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut parts = line.split('\t');
            let query = parts.next().unwrap_or_default();
            let paths: Vec<&str> = parts.filter(|p| !p.is_empty()).collect();
            let bytes: usize = paths
                .iter()
                .map(|p| gz(&fs::read(public.join(p.trim_start_matches('/'))).unwrap_or_default()))
                .sum();
            println!(
                "  {query:<28} {:>3} files fetched  first query {:>9}",
                paths.len(),
                kib(bytes)
            );
            bytes
        })
        .collect()
}

/// The unsplit elasticlunr index (as Zola ships it: one file every reader downloads).
fn unsplit(site: &Path) {
    let sources = load_site(site, &LoadOptions::default()).expect("the site loads");
    let now = jiff::Timestamp::UNIX_EPOCH;
    let (site, _warnings) =
        build_site(&sources, &ModelOptions { drafts: false, now }).expect("the site models");
    let documents = hubsite::output::search::documents(&site);
    let analysis = Analysis::for_language(&site.config.language);
    let json = hubsite::output::search::index::build_index(&documents, analysis).to_json();
    println!(
        "unsplit elasticlunr index (one file): {} ({} gzipped)",
        kib(json.len()),
        kib(gz(json.as_bytes()))
    );
}

fn main() {
    let args = args();
    if args.unsplit {
        unsplit(&args.site);
    }
    let ours = ours(&args);
    println!("hubsite median first query: {} gzipped", kib(median(ours)));
    if let Some(fetched) = &args.pagefind {
        let theirs = pagefind(&args.public, fetched);
        println!(
            "pagefind median first query: {} gzipped",
            kib(median(theirs))
        );
    }
}
