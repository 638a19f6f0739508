//! The generator core, end to end on small fixture sites (tests/sites/<case>/).

mod common;

use std::fs;

use common::*;

#[test]
fn minimal_site_builds_pretty_urls_sitemap_feed_and_assets() {
    let site = scratch_copy("minimal");
    build(site.path()).expect("minimal site builds");
    let files: Vec<String> = read_tree(&site.path().join("public"))
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    insta::assert_debug_snapshot!("minimal_files", files);
}

#[test]
fn minimal_site_page_html_is_golden() {
    let site = scratch_copy("minimal");
    build(site.path()).expect("minimal site builds");
    insta::assert_snapshot!(
        "minimal_first_guide",
        read_output(site.path(), "guides/first/index.html")
    );
    insta::assert_snapshot!("minimal_sitemap", read_output(site.path(), "sitemap.xml"));
    insta::assert_snapshot!("minimal_feed", read_output(site.path(), "guides/atom.xml"));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = scratch_copy("minimal");
    build(site.path()).unwrap();
    assert!(!site.path().join("public/guides/draft").exists());
    let mut options = options(site.path());
    options.drafts = true;
    hubsite::pipeline::run(&options, hubsite::pipeline::Sink::Folder, None, &|_| {}).unwrap();
    assert!(site.path().join("public/guides/draft/index.html").exists());
}

#[test]
fn two_builds_are_byte_identical() {
    let first = scratch_copy("minimal");
    let second = scratch_copy("minimal");
    build(first.path()).unwrap();
    build(second.path()).unwrap();
    build(second.path()).unwrap();
    assert_eq!(
        read_tree(&first.path().join("public")),
        read_tree(&second.path().join("public"))
    );
}

#[test]
fn a_failing_build_leaves_the_previous_output_untouched() {
    let site = scratch_copy("minimal");
    build(site.path()).unwrap();
    let before = read_tree(&site.path().join("public"));
    fs::write(
        site.path().join("content/guides/second.md"),
        "+++\ntitle = 3\n+++\n",
    )
    .unwrap();
    assert!(build(site.path()).is_err());
    assert_eq!(read_tree(&site.path().join("public")), before);
    let leftovers: Vec<_> = fs::read_dir(site.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("hubsite-"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left behind");
}

#[test]
fn a_rebuild_replaces_files_that_no_longer_exist() {
    let site = scratch_copy("minimal");
    build(site.path()).unwrap();
    fs::remove_file(site.path().join("content/guides/second.md")).unwrap();
    fs::write(
        site.path().join("content/guides/first.md"),
        "+++\ntitle = \"First\"\n+++\n",
    )
    .unwrap();
    build(site.path()).unwrap();
    assert!(!site.path().join("public/guides/second").exists());
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_make() {
    let site = scratch_copy("minimal");
    let precious = site.path().join("precious");
    fs::create_dir(&precious).unwrap();
    fs::write(precious.join("thesis.txt"), "years of work").unwrap();
    let mut options = options(site.path());
    options.load.overrides.output_dir = Some(precious.clone());
    let error = hubsite::pipeline::run(&options, hubsite::pipeline::Sink::Folder, None, &|_| {})
        .unwrap_err();
    assert!(error.to_string().contains("did not write"), "{error}");
    assert_eq!(
        fs::read_to_string(precious.join("thesis.txt")).unwrap(),
        "years of work"
    );
    options.load.overrides.output_dir = Some(site.path().to_path_buf());
    assert!(
        hubsite::pipeline::run(&options, hubsite::pipeline::Sink::Folder, None, &|_| {}).is_err()
    );
}

#[test]
fn unknown_field_error_is_located() {
    insta::assert_snapshot!(build_errors("unknown-field"));
}

#[test]
fn all_content_errors_are_reported_together() {
    insta::assert_snapshot!(build_errors("many-errors"));
}

#[test]
fn crlf_and_bom_files_are_located_on_the_right_line() {
    insta::assert_snapshot!(build_errors("crlf-bom"));
}

#[test]
fn template_syntax_error_names_the_template_and_line() {
    insta::assert_snapshot!(build_errors("bad-template"));
}

#[test]
fn missing_template_names_the_page() {
    insta::assert_snapshot!(build_errors("missing-template"));
}

#[test]
fn bad_config_reports_every_problem() {
    insta::assert_snapshot!(build_errors("bad-config"));
}

#[test]
fn empty_front_matter_reports_the_missing_title() {
    insta::assert_snapshot!(build_errors("empty-front-matter"));
}

#[test]
fn a_file_that_is_not_utf8_is_named() {
    let site = scratch_copy("minimal");
    fs::write(
        site.path().join("content/guides/latin1.md"),
        b"+++\ntitle = \"Caf\xe9\"\n+++\n",
    )
    .unwrap();
    let error = build(site.path()).unwrap_err().to_string();
    assert!(error.starts_with("content/guides/latin1.md:2:"), "{error}");
    assert!(error.contains("not valid UTF-8"));
}

#[test]
fn check_reports_template_links_to_missing_pages() {
    let site = scratch_copy("minimal");
    fs::create_dir_all(site.path().join("templates")).unwrap();
    fs::write(
        site.path().join("templates/section.html"),
        "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1><a href=\"/nowhere/\">x</a>{% endblock main %}",
    )
    .unwrap();
    let error = common::check(&options(site.path()))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("public/guides/index.html: links to /nowhere/"),
        "{error}"
    );
}

#[test]
fn new_site_builds_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    hubsite::scaffold::create_site(&root).unwrap();
    common::check(&options(&root)).expect("scaffold checks clean");
    build(&root).expect("scaffold builds");
    assert!(
        hubsite::scaffold::create_site(&root).is_err(),
        "new refuses a folder that is not empty"
    );
}
