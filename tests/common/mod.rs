//! Helpers shared by the integration tests: fixture sites copied to scratch folders, builds
//! at a fixed 'now', and output read back as text.

#![allow(dead_code)]

pub mod serve;

use std::fs;
use std::path::{Path, PathBuf};

use hubsite::Error;
use hubsite::load::LoadOptions;
use hubsite::pipeline::{BuildOptions, Run};

/// The fixed 'now' of golden tests: Monday 4 March 2024, 09:00 UTC.
pub const NOW: &str = "2024-03-04T09:00:00Z";

/// The folder of fixture site `name`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sites")
        .join(name)
}

/// A copy of fixture `name` in a scratch folder, so builds can write `public/` beside it.
pub fn scratch_copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("scratch folder");
    copy_tree(&fixture(name), dir.path());
    dir
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("inside fixture"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create folder");
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Build options for the site at `root`, at [`NOW`].
pub fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        load: LoadOptions::default(),
        drafts: false,
        now: hubsite::model::time::parse_now(NOW).expect("valid now"),
    }
}

/// Runs the pipeline over `options` in memory, as `hubsite check` does.
pub fn check(options: &BuildOptions) -> Result<Run, Error> {
    hubsite::pipeline::run(options, hubsite::pipeline::Sink::Memory, None, &|_| {})
}

/// Builds the site at `root` into its `public/`.
pub fn build(root: &Path) -> Result<Run, Error> {
    hubsite::pipeline::run(
        &options(root),
        hubsite::pipeline::Sink::Folder,
        None,
        &|_| {},
    )
}

/// The problems a build of fixture `name` reports, as the user sees them.
pub fn build_errors(name: &str) -> String {
    let site = scratch_copy(name);
    match build(site.path()) {
        Ok(_) => panic!("fixture {name} built without errors"),
        Err(error) => error.to_string(),
    }
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn read_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let path = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            (path, fs::read(e.path()).expect("readable"))
        })
        .collect();
    files.sort();
    files
}

/// A text file of the output.
pub fn read_output(root: &Path, path: &str) -> String {
    fs::read_to_string(root.join("public").join(path))
        .unwrap_or_else(|_| panic!("{path} in the output"))
}

/// A scratch copy of fixture `directory` holding the example site's directory and topics
/// (from the repository root) instead of its own, in the example's languages.
pub fn example_site() -> tempfile::TempDir {
    let site = scratch_copy("directory");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::remove_dir_all(site.path().join("content/directory")).expect("fixture directory");
    copy_tree(
        &repo.join("content/directory"),
        &site.path().join("content/directory"),
    );
    fs::copy(
        repo.join("content/topics.toml"),
        site.path().join("content/topics.toml"),
    )
    .expect("topics");
    fs::remove_dir_all(site.path().join("content/self-help")).expect("fixture self-help");
    // The example's topics carry their Welsh (`[topic.translations.cy]`), which a site must
    // declare: the example's languages, as its hubsite.toml has them.
    let config = site.path().join("hubsite.toml");
    let text = fs::read_to_string(&config).expect("fixture config");
    fs::write(&config, format!("languages = [\"en-GB\", \"cy\"]\n{text}")).expect("config");
    site
}

/// Folders a build left beside `public/` in `parent`, other than the previous output that
/// builds keep there on purpose (which must carry hubsite's marker).
pub fn staging_folders(parent: &Path) -> Vec<String> {
    let previous = parent.join(".public.hubsite-previous");
    if previous.exists() {
        assert!(
            previous.join(hubsite::write::MARKER_FILE).exists(),
            "the previous output is marked as hubsite's"
        );
    }
    fs::read_dir(parent)
        .expect("site folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".hubsite-") && name != ".public.hubsite-previous")
        .collect()
}

/// One of the Open Referral UK examples under `tests/oruk-examples/`.
pub fn oruk_example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/oruk-examples")
        .join(name)
}

/// `hubsite import oruk` of the example `name` into the site at `root`, not forced.
pub fn import_example(
    root: &Path,
    name: &str,
) -> Result<hubsite::import::ImportReport, hubsite::Error> {
    hubsite::import::import_oruk(&hubsite::import::ImportOptions {
        root: root.to_path_buf(),
        file: oruk_example(name),
        force: false,
    })
}

/// A workbook whose sheet `sheet` has one session whose date (B2) is a number: the cell
/// shows 46469, not a date, which the import must report at its cell.
pub fn workbook_with_a_number_for_a_date(path: &Path, sheet: &str) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let page = book.add_worksheet().set_name(sheet).expect("a sheet name");
    for (n, value) in ["title", "date", "start", "end", "format"]
        .iter()
        .enumerate()
    {
        page.write_string(0, n as u16, *value).expect("a cell");
    }
    page.write_string(1, 0, "Numbers").expect("a cell");
    page.write_number(1, 1, 46469).expect("a cell");
    page.write_string(1, 2, "10am").expect("a cell");
    page.write_string(1, 3, "11am").expect("a cell");
    page.write_string(1, 4, "online").expect("a cell");
    book.save(path).expect("the workbook saved");
}

/// `table` (a session file) without its `[translations.*]` tables or its hosts' and
/// organisers': what a sessions spreadsheet carries (translations are not in it).
pub fn without_translations(table: &mut toml::Table) {
    table.remove("translations");
    for people in ["hosts", "organisers"] {
        if let Some(toml::Value::Array(list)) = table.get_mut(people) {
            for person in list.iter_mut().filter_map(toml::Value::as_table_mut) {
                person.remove("translations");
            }
        }
    }
}

/// Every HTML page a check of the site at `root` makes, by output path.
pub fn html_pages(root: &Path) -> std::collections::BTreeMap<String, String> {
    let run = check(&options(root)).unwrap_or_else(|e| panic!("the site builds: {e}"));
    run.output
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .filter_map(|f| match &f.contents {
            hubsite::output::Contents::Bytes(bytes) => {
                Some((f.path.clone(), String::from_utf8_lossy(bytes).into_owned()))
            }
            hubsite::output::Contents::Asset(_) | hubsite::output::Contents::Written(_) => None,
        })
        .collect()
}

/// The problems a check of the site at `root` reports; fails if it builds.
pub fn check_problems(root: &Path) -> hubsite::diag::Diagnostics {
    match check(&options(root)) {
        Err(Error::Content(found)) => found,
        Err(other) => panic!("expected problems in the content, got {other}"),
        Ok(run) => panic!(
            "expected problems, but {} files were built",
            run.output.files.len()
        ),
    }
}

/// Every output file of `output` with its bytes, in order.
pub fn output_contents(output: &hubsite::output::Output) -> Vec<(String, Vec<u8>)> {
    output
        .files
        .iter()
        .map(|f| {
            let bytes =
                hubsite::serve::server::file_bytes(output, &f.path).expect("readable output");
            (f.path.clone(), bytes.into_owned())
        })
        .collect()
}

/// What a fresh full build of `root` gives.
pub fn full_build(root: &Path) -> Vec<(String, Vec<u8>)> {
    output_contents(&check(&options(root)).expect("full build succeeds").output)
}

/// Asserts that what `serve` serves equals a fresh full build, byte for byte, showing the
/// first file that differs.
pub fn assert_served_equals_full_build(live: &hubsite::serve::LiveSite, root: &Path, step: &str) {
    let snapshot = live.shared().current();
    assert_eq!(snapshot.errors, None, "{step}: unexpected errors");
    let served = output_contents(&snapshot.output);
    let fresh = full_build(root);
    let served_paths: Vec<_> = served.iter().map(|(p, _)| p).collect();
    let fresh_paths: Vec<_> = fresh.iter().map(|(p, _)| p).collect();
    assert_eq!(served_paths, fresh_paths, "{step}: different files");
    for ((path, a), (_, b)) in served.iter().zip(&fresh) {
        assert!(
            a == b,
            "{step}: {path} differs from a full build:\n--- served\n{}\n--- full build\n{}",
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b)
        );
    }
}
