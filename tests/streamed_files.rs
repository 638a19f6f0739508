//! `hubsite build` in bounded memory beyond the pages (issue 23, item 4): the files made from
//! the model (search index, booklet and directory PDFs, calendars, feeds, the directory's
//! export) go to the staging folder as soon as each is made, and the pages' Markdown stays on
//! disk until the search index and render read it again. Nothing is published until every
//! check passed and every file is written.

mod common;

use std::cell::RefCell;
use std::fs;
use std::path::Path;

use hubsite::output::{Contents, Output};
use hubsite::pipeline::{Sink, Stage, run};

/// The files of `output` made from the model alone, as a build in memory lists them: the
/// search index's, PDFs, calendars, feeds and the directory's export.
fn model_files(output: &Output) -> Vec<String> {
    output
        .files
        .iter()
        .map(|f| f.path.clone())
        .filter(|p| {
            p.contains("search/")
                || [".pdf", ".ics", ".xml", ".csv"]
                    .iter()
                    .any(|e| p.ends_with(e))
                || p.starts_with("directory/oruk/")
        })
        .filter(|p| !p.ends_with("sitemap.xml") && !p.ends_with(".html"))
        .collect()
}

#[test]
fn files_made_from_the_model_are_staged_before_the_write_stage() {
    // The council site: in two languages, hosted under a folder, with a directory and weeks.
    let site = common::scratch_copy("council");
    let options = common::options(site.path());
    let in_memory = common::check(&options).expect("it checks");
    let expected = model_files(&in_memory.output);
    for kind in [
        "search/manifest.json",
        "cy/search/manifest.json",
        ".pdf",
        ".ics",
    ] {
        assert!(
            expected.iter().any(|p| p.contains(kind)),
            "{kind} in {expected:?}"
        );
    }
    let staging = site.path().join(".public.hubsite-previous");
    let missing = RefCell::new(None);
    let progress = |stage: Stage| {
        if let Stage::Write(_) = stage {
            let not_staged: Vec<&String> = expected
                .iter()
                .filter(|p| !staging.join(p).is_file())
                .collect();
            *missing.borrow_mut() = Some(format!("{not_staged:?}"));
        }
    };
    let built = run(&options, Sink::Folder, None, &progress).expect("it builds");
    assert_eq!(
        missing.into_inner().as_deref(),
        Some("[]"),
        "staged before write"
    );
    // What stays in memory of each is its size, not its bytes.
    for path in &expected {
        let file = built.output.get(path).expect("listed");
        assert!(
            matches!(&file.contents, Contents::Written(w) if w.len > 0),
            "{path}: {:?}",
            file.contents
        );
    }
    // And they are published as a build in memory makes them.
    for path in &expected {
        let published = fs::read(site.path().join("public").join(path)).expect("published");
        let Some(Contents::Bytes(bytes)) = in_memory.output.get(path).map(|f| &f.contents) else {
            panic!("{path} in memory");
        };
        assert!(published == **bytes, "{path} differs");
    }
}

#[test]
fn a_build_failing_after_the_model_files_were_staged_leaves_public_as_it_was() {
    let site = common::scratch_copy("council");
    let options = common::options(site.path());
    run(&options, Sink::Folder, None, &|_| {}).expect("it builds");
    let public = site.path().join("public");
    let before = common::read_tree(&public);
    // A new page changes the search index (and is found by it); its link to a page the site
    // does not publish fails the build only at the verdict, after every file was staged.
    fs::write(
        site.path().join("content/self-help/stay-calm.md"),
        "+++\ntitle = \"Staying calm with a toddler\"\nsummary = \"Tantrums, and what helps.\"\n+++\n\
         Breathe slowly. See [nowhere](/no-such-page/).\n",
    )
    .unwrap();
    let error = run(&options, Sink::Folder, None, &|_| {})
        .expect_err("the dead link fails the build")
        .to_string();
    assert!(error.contains("content/self-help/stay-calm.md:"), "{error}");
    assert!(error.contains("no-such-page"), "{error}");
    // The new search index was staged (the staging folder stays as the previous output,
    // marked as hubsite's), and not published.
    let manifest = "search/manifest.json";
    let staged = fs::read(site.path().join(".public.hubsite-previous").join(manifest)).unwrap();
    let published = fs::read(public.join(manifest)).unwrap();
    assert!(staged != published, "the new search index was staged");
    assert!(common::read_tree(&public) == before, "public/ is as it was");
    assert!(common::staging_folders(site.path()).is_empty());
}

/// The error of a streamed build and of a build in memory (`check`) of the site at `site`
/// with `page` (under `content/self-help/`) added, which must be the same.
fn errors_with_page(site: &Path, name: &str, text: &str) -> String {
    let page = site.join("content/self-help").join(name);
    fs::write(&page, text).unwrap();
    let options = common::options(site);
    let built = run(&options, Sink::Folder, None, &|_| {})
        .expect_err("the problem fails the build")
        .to_string();
    let checked = common::check(&options)
        .expect_err("check agrees")
        .to_string();
    assert_eq!(built, checked);
    fs::remove_file(page).unwrap();
    built
}

#[test]
fn problems_in_a_page_body_left_on_disk_are_located_as_in_memory() {
    // The body is read again when rendered and when a problem in it is located: the same
    // lines and columns as a build that kept it in memory.
    let site = common::scratch_copy("council");
    let head = "+++\ntitle = \"Tracked\"\nsummary = \"A page with a problem in its text.\"\n+++\n\
                First paragraph.\n\n";
    let image = format!("{head}![A pixel](https://tracker.example.com/pixel.gif)\n");
    let error = errors_with_page(site.path(), "tracked.md", &image);
    assert!(
        error.contains("content/self-help/tracked.md:7:"),
        "the image, located: {error}"
    );
    let link = format!("{head}Text.\n\nSee [the lost page](lost.md).\n");
    let error = errors_with_page(site.path(), "lost-link.md", &link);
    assert!(
        error.contains("content/self-help/lost-link.md:9:"),
        "the link, located: {error}"
    );
    assert!(!site.path().join("public").exists());
}
