//! Words that belong to the site (issue 16, item 11): what a reader sees comes from the site's
//! content or the theme's templates and describes what this site has, so the council site
//! never reads as Ealing's, nor its weeks as 'Relationships Matter'.

mod common;

use std::fs;

use common::*;

#[test]
fn the_council_site_never_names_ealing_or_relationships_matter() {
    let site = scratch_copy("council");
    build(site.path()).expect("council builds");
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(site.path().join("public"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if !path.extension().is_some_and(|e| e == "html" || e == "ics") {
            continue;
        }
        pages += 1;
        let text = fs::read_to_string(path).unwrap();
        for foreign in ["Ealing", "Relationships Matter", "Acton"] {
            assert!(
                !text.contains(foreign),
                "{} says `{foreign}`",
                path.display()
            );
        }
    }
    assert!(pages > 50, "only {pages} pages read");
}

#[test]
fn the_council_home_page_routes_describe_its_own_week_guides_and_services() {
    let site = scratch_copy("council");
    build(site.path()).unwrap();
    let home = read_output(site.path(), "index.html");
    for wording in [
        // The week to come, with its own theme.
        "Talking Families fortnight, spring 2027</a></h2>\n    <p>22 March 2027 to 2 April 2027: Talking together.</p>",
        // The self-help section's own title and summary (content/self-help/_index.md).
        "Guides for parents</a></h2>\n    <p>Short guides for parents and carers in Northmoor.</p>",
        // The directory's count and its most common categories.
        "Find local support</a></h2>\n    <p>3 services near you, including counselling, domestic abuse support and family hubs.</p>",
    ] {
        assert!(home.contains(wording), "missing `{wording}` in:\n{home}");
    }
}

#[test]
fn host_pages_name_the_weeks_their_sessions_are_in() {
    let site = scratch_copy("council");
    build(site.path()).unwrap();
    let host = read_output(site.path(), "sessions/hosts/zofia-wojcik/index.html");
    let sentence = "Sessions led by Zofia Wójcik in Talking Families week, autumn 2027.";
    assert!(
        host.contains(&format!("<p class=\"lead\">{sentence}</p>")),
        "{host}"
    );
    assert!(
        host.contains(&format!(
            "<meta name=\"description\" content=\"{sentence}\">"
        )),
        "{host}"
    );
    let weeks = read_output(site.path(), "sessions/index.html");
    assert!(
        weeks.contains("<h1>Programme</h1>\n<p class=\"lead\">2 weeks of sessions.</p>"),
        "{weeks}"
    );
}

#[test]
fn the_directory_reads_in_the_themes_general_words_without_level_descriptions() {
    let site = scratch_copy("council");
    build(site.path()).unwrap();
    let directory = read_output(site.path(), "directory/index.html");
    for wording in [
        "<meta name=\"description\" content=\"Services for families: from help open to every family to more intensive, specialist support.\">",
        "<p class=\"lead\">Local support for families, from help open to every family to more intensive, specialist support. Family hub centres are listed first.</p>",
        "(1 service): Open to every family, with no referral needed.</li>",
        "(2 services): Intensive support for families who need it, often by referral.</li>",
    ] {
        assert!(
            directory.contains(wording),
            "missing `{wording}` in:\n{directory}"
        );
    }
}

#[test]
fn the_example_site_keeps_its_own_level_descriptions() {
    let config =
        fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("hubsite.toml"))
            .unwrap();
    let site = example_site();
    let levels = config
        .split("[directory.levels]")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("[directory.levels]");
    let path = site.path().join("hubsite.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{text}\n[directory.levels]{levels}\n")).unwrap();
    build(site.path()).unwrap();
    let directory = read_output(site.path(), "directory/index.html");
    assert!(directory.contains("Intensive support, often by referral: counselling, mediation and domestic abuse support.</li>"), "{directory}");
}
