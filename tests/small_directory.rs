//! A small directory (issue 16, item 7): the pathway, the filters and the filter pages show only
//! what the services have, so every internal link of the built site leads to a published file,
//! for a directory of one service, for the council site's three, and for a site with none.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// The path part of the site's `base_url` (`/familyhub/`), or `/` when it has none.
fn base_path(root: &Path) -> String {
    let config = fs::read_to_string(root.join("hubsite.toml")).expect("hubsite.toml");
    let url = config
        .lines()
        .find_map(|line| line.trim().strip_prefix("base_url = \""))
        .and_then(|rest| rest.split('"').next())
        .expect("base_url");
    let after_host = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_host.find('/').map_or("/", |i| &after_host[i..]);
    format!("{}/", path.trim_end_matches('/'))
}

/// Every `href="/..."` and `src="/..."` in the built HTML that leads to no published file, as
/// `page -> link`. A link under the site's base path is looked up below it.
fn dangling_links(root: &Path) -> Vec<String> {
    let public = root.join("public");
    let base = base_path(root);
    let mut dangling = Vec::new();
    for entry in walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = fs::read_to_string(entry.path()).expect("readable page");
        let page = entry
            .path()
            .strip_prefix(&public)
            .expect("inside")
            .display()
            .to_string();
        for attribute in ["href=\"", "src=\""] {
            for value in html
                .split(attribute)
                .skip(1)
                .filter_map(|rest| rest.split('"').next())
            {
                if !value.starts_with('/') || value.starts_with("//") {
                    continue;
                }
                let path = value.split(['#', '?']).next().unwrap_or_default();
                let relative = path
                    .strip_prefix(base.as_str())
                    .unwrap_or(path)
                    .trim_start_matches('/');
                let file = public.join(relative);
                let published = if relative.is_empty() || relative.ends_with('/') {
                    file.join("index.html").is_file()
                } else {
                    file.is_file() || file.join("index.html").is_file()
                };
                if !published {
                    dangling.push(format!("{page} -> {value}"));
                }
            }
        }
    }
    dangling.sort();
    dangling.dedup();
    dangling
}

fn built(name: &str) -> tempfile::TempDir {
    let site = scratch_copy(name);
    build(site.path()).unwrap_or_else(|e| panic!("{name} builds: {e}"));
    site
}

#[test]
fn a_directory_of_one_service_links_only_to_published_pages() {
    let site = built("one-service");
    assert_eq!(dangling_links(site.path()), Vec::<String>::new());
    let home = read_output(site.path(), "directory/index.html");
    assert!(home.contains(r#"<a href="/directory/level/targeted/">Targeted</a> (1 service)"#));
    for absent in [
        "level/universal",
        "level/specialist",
        "pathway__diagram",
        "data-directory-filter",
        "Family hub centres",
    ] {
        assert!(
            !home.contains(absent),
            "the directory of one service shows `{absent}`:\n{home}"
        );
    }
    let service = read_output(site.path(), "directory/parent-talk/index.html");
    assert!(
        service.contains(r#"<a href="/directory/language/english/">English</a>, <a href="/directory/language/lrby/">العربية</a></dd>"#),
        "{service}"
    );
    let front = read_output(site.path(), "index.html");
    assert!(
        front.contains("1 service near you, including peer support."),
        "{front}"
    );
}

#[test]
fn the_council_directory_has_no_targeted_level_and_links_only_to_published_pages() {
    let site = built("council");
    assert_eq!(dangling_links(site.path()), Vec::<String>::new());
    let home = read_output(site.path(), "directory/index.html");
    assert!(
        !home.contains("targeted"),
        "a level no service has is shown:\n{home}"
    );
    assert_eq!(
        home.matches("<rect class=\"pathway__step").count(),
        2,
        "{home}"
    );
    assert!(home.contains(r#"<rect class="pathway__step pathway__step--specialist" x="307" y="10" width="292" height="120"></rect>"#));
    assert!(
        home.contains("data-directory-filter"),
        "three services keep the filter form"
    );
}

#[test]
fn a_site_without_a_directory_never_links_to_one() {
    let site = built("minimal");
    assert_eq!(dangling_links(site.path()), Vec::<String>::new());
    assert!(!site.path().join("public/directory").exists());
    for entry in walkdir::WalkDir::new(site.path().join("public"))
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = fs::read_to_string(entry.path()).unwrap();
            assert!(
                !html.contains("/directory/"),
                "{} links to the directory",
                entry.path().display()
            );
        }
    }
}

#[test]
fn check_finds_no_missing_pages_in_small_directories() {
    for name in ["one-service", "council", "minimal"] {
        let options = options(&fixture(name));
        if let Err(e) = common::check(&options) {
            panic!("{name}: {e}");
        }
    }
}

#[test]
fn a_site_describes_its_own_levels_and_a_misspelt_level_is_located() {
    let site = scratch_copy("one-service");
    let config = site.path().join("hubsite.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        format!(
            "{text}\n[directory.levels]\ntargeted = \"Groups run by parents in the parish.\"\n"
        ),
    )
    .unwrap();
    build(site.path()).unwrap();
    let home = read_output(site.path(), "directory/index.html");
    assert!(
        home.contains("(1 service): Groups run by parents in the parish.</li>"),
        "{home}"
    );

    fs::write(
        &config,
        format!("{text}\n[directory.levels]\ntargetted = \"Groups.\"\n"),
    )
    .unwrap();
    let error = build(site.path())
        .expect_err("a misspelt level")
        .to_string();
    assert!(
        error.contains("hubsite.toml:8:1: unknown field `targetted`"),
        "{error}"
    );
}
