//! What hubsite says about content that would otherwise be published wrong (issue 16, items 6,
//! 8, 9 and 10): addresses two things would share, partner text, clock changes and fields
//! that were not checked.

use std::fs;

mod common;

#[test]
fn hosts_in_non_latin_scripts_get_pages_of_their_own() {
    let site = common::scratch_copy("council");
    common::build(site.path()).expect("the council site builds");
    let hosts = site.path().join("public/sessions/hosts");
    let mut pages: Vec<String> = fs::read_dir(&hosts)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert!(!pages.contains(&"unnamed".to_owned()), "{pages:?}");
    for (slug, name) in [("ftm-hsn", "فاطمة حسن"), ("li-ming", "李明")] {
        let html = fs::read_to_string(hosts.join(slug).join("index.html"))
            .unwrap_or_else(|_| panic!("no page {slug} in {pages:?}"));
        assert!(html.contains(name), "{slug} is not {name}'s page");
    }
}

#[test]
fn things_that_would_share_an_address_are_located_and_named() {
    insta::assert_snapshot!(common::build_errors("bad-addresses"));
}
