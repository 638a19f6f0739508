//! `hubsite build` writes each page to the staging folder as soon as it is rendered, instead of
//! holding the whole site in memory (issue 23, item 4; `src/pipeline/stream.rs`), and still
//! publishes nothing until every check passed and every file is written.

mod common;

use std::cell::Cell;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use common::*;
use hubsite::load::load_site;
use hubsite::output::Contents;
use hubsite::output::host::host_ready;
use hubsite::pipeline::{Sink, Stage, run};
use hubsite::write::write_output;

/// The staging folders beside `public/` in `site`.
fn staged_beside(site: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(site)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".public.hubsite-"))
        .collect();
    names.sort();
    names
}

#[test]
fn pages_are_in_the_staging_folder_before_the_rest_is_written() {
    // The council site: in two languages, hosted under a folder, with fingerprinted sheets.
    let site = scratch_copy("council");
    let staging = site.path().join(".public.hubsite-previous");
    let checked = Cell::new(false);
    let progress = |stage: Stage| {
        if let Stage::Write(_) = stage {
            for page in ["index.html", "cy/index.html", "self-help/index.html"] {
                assert!(
                    staging.join(page).is_file(),
                    "{page} is written before the write stage"
                );
            }
            assert!(
                !site.path().join("public").exists(),
                "nothing published yet"
            );
            checked.set(true);
        }
    };
    let built = run(&options(site.path()), Sink::Folder, None, &progress).expect("it builds");
    assert!(checked.get());
    // What stays in memory of a page is its size and links, not its text.
    for page in ["index.html", "cy/index.html"] {
        let file = built.output.get(page).expect("listed");
        assert!(
            matches!(&file.contents, Contents::Written(written) if written.len > 0),
            "{page}: {:?}",
            file.contents
        );
    }
    let published = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    assert!(published.starts_with("<!DOCTYPE html>") || published.starts_with("<!doctype html>"));
}

/// A streamed build publishes what a build in memory, made ready for a host and written
/// whole, publishes: the same paths, the same bytes.
fn assert_streamed_equals_in_memory(site: &Path) {
    let options = options(site);
    run(&options, Sink::Folder, None, &|_| {}).expect("it builds");
    let in_memory = run(&options, Sink::Memory, None, &|_| {}).expect("it builds");
    let sources = load_site(site, &options.load).expect("it loads");
    let ready = host_ready(
        Arc::unwrap_or_clone(in_memory.output),
        &sources.asset_hashes,
    );
    let whole = tempfile::tempdir().unwrap();
    write_output(&ready, &whole.path().join("public"), site).expect("written");
    let streamed = read_tree(&site.join("public"));
    let written = read_tree(&whole.path().join("public"));
    assert_eq!(
        streamed.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        written.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for ((path, a), (_, b)) in streamed.iter().zip(&written) {
        assert!(a == b, "{path} differs");
    }
}

#[test]
fn a_streamed_build_writes_what_a_build_in_memory_makes() {
    let site = scratch_copy("council");
    assert_streamed_equals_in_memory(site.path());
    let streamed = read_tree(&site.path().join("public"));
    // Pages point at the fingerprinted style sheet, as `host_ready` makes them.
    let home =
        String::from_utf8_lossy(&streamed.iter().find(|(p, _)| p == "index.html").unwrap().1)
            .into_owned();
    assert!(!home.contains("\"/familyhub/css/site.css\""), "{home}");
}

#[test]
fn a_page_loading_from_another_site_is_found_as_it_is_written() {
    let site = scratch_copy("council");
    let options = options(site.path());
    fs::create_dir_all(site.path().join("templates")).unwrap();
    fs::write(
        site.path().join("templates/tracked.html"),
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><title>{{ page.title }}</title></head>\
         <body><img src=\"https://tracker.example.com/pixel.gif\" alt=\"\"></body></html>\n",
    )
    .unwrap();
    fs::write(
        site.path().join("content/tracked.md"),
        "+++\ntitle = \"Tracked\"\nsummary = \"A page that loads an image from elsewhere.\"\ntemplate = \"tracked.html\"\n+++\nText.\n",
    )
    .unwrap();
    let error = run(&options, Sink::Folder, None, &|_| {})
        .expect_err("the load from another site fails the build")
        .to_string();
    assert!(error.contains("templates/tracked.html:"), "{error}");
    assert!(error.contains("tracker.example.com"), "{error}");
    let checked = check(&options).expect_err("check agrees").to_string();
    assert_eq!(error, checked, "the same problems as a build in memory");
    assert!(!site.path().join("public").exists());
    // What was staged stays only as the (marked) previous output, never published.
    assert_eq!(staged_beside(site.path()), vec![".public.hubsite-previous"]);
    assert!(common::staging_folders(site.path()).is_empty());
}
