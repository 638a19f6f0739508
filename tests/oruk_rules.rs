//! Level and access of imported Open Referral UK services (issue 21, item 3): hubsite's
//! built-in rules place the profile's counselling example at specialist, a council's
//! `[[import.oruk.rules]]` in hubsite.toml override them, the report names the rule that
//! placed each service, and a faulty rule is reported at its place before anything is read.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// The council site, with `rules` added to its hubsite.toml.
fn council_with(rules: &str) -> tempfile::TempDir {
    let site = scratch_copy("council");
    let config = site.path().join("hubsite.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("{text}\n{rules}")).unwrap();
    site
}

fn imported(root: &Path) -> String {
    fs::read_to_string(root.join("content/directory/community-counselling.toml")).unwrap()
}

#[test]
fn the_built_in_rules_place_counselling_at_specialist_and_say_so() {
    let site = council_with("");
    let report = import_example(site.path(), "service_full.json").unwrap();
    let text = imported(site.path());
    assert!(text.contains("level = \"specialist\""), "{text}");
    assert!(text.contains("access = [\"self-referral\"]"), "{text}");
    assert!(
        report.notes.contains(&"content/directory/community-counselling.toml: level specialist: the built-in rule for category counselling; access self-referral: the fallback, as no rule matched".to_owned()),
        "{:#?}",
        report.notes
    );
}

#[test]
fn a_council_overrides_the_built_in_rules_in_hubsite_toml() {
    // Northmoor offers counselling as targeted help, by referral from a practitioner; the
    // profile's example service has the taxonomy term `name`.
    let site = council_with(
        "[[import.oruk.rules]]\nterm = \"Name\"\naccess = [\"professional-referral\"]\n\n\
         [[import.oruk.rules]]\ncategory = \"counselling\"\nlevel = \"targeted\"\n",
    );
    let report = import_example(site.path(), "service_full.json").unwrap();
    let text = imported(site.path());
    assert!(text.contains("level = \"targeted\""), "{text}");
    assert!(
        text.contains("access = [\"professional-referral\"]"),
        "{text}"
    );
    assert!(
        report.notes.contains(&"content/directory/community-counselling.toml: level targeted: rule 2 of [[import.oruk.rules]] (category counselling); access professional-referral: rule 1 of [[import.oruk.rules]] (term \"name\")".to_owned()),
        "{:#?}",
        report.notes
    );
    // The council's site still builds with the rules in its hubsite.toml.
    check(&options(site.path())).expect("the site checks");
}

#[test]
fn a_faulty_rule_is_located_in_hubsite_toml_and_nothing_is_imported() {
    let site =
        council_with("[[import.oruk.rules]]\ncategory = \"counseling\"\nlevel = \"specalist\"\n");
    let lines = fs::read_to_string(site.path().join("hubsite.toml"))
        .unwrap()
        .lines()
        .count();
    let error = import_example(site.path(), "service_full.json").expect_err("refused");
    let shown = error.to_string();
    assert!(
        shown.contains(&format!(
            "hubsite.toml:{}:12: unknown category `counseling` [E1005]",
            lines - 1
        )),
        "{shown}"
    );
    assert!(
        shown.contains(&format!(
            "hubsite.toml:{lines}:9: unknown level `specalist` [E1005]\n  hint: did you mean `specialist`?"
        )),
        "{shown}"
    );
    assert!(
        !site
            .path()
            .join("content/directory/community-counselling.toml")
            .exists()
    );
}
