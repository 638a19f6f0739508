//! `serve`'s session shortcut chooses the related lists of sessions alone
//! (`related::choose_related_for_sessions`) rather than every page's, session's and service's
//! again: each session's lists must be the ones the whole choice gives it, on the council site,
//! the example site and the fixture with written and automatic lists.

mod common;

use std::path::Path;

use hubsite::load::load_site;
use hubsite::model::related::{Candidates, choose_related, choose_related_for_sessions};
use hubsite::model::{ModelOptions, build_site};

fn sessions_lists_match(root: &Path) {
    let sources = load_site(root, &Default::default()).expect("loads");
    let model = ModelOptions {
        drafts: false,
        now: common::options(root).now,
    };
    let (site, _) = build_site(&sources, &model).expect("models");
    assert!(!site.sessions.is_empty(), "{}: no sessions", root.display());
    let candidates = Candidates {
        pages: &site.pages,
        services: &site.services,
        resources: &site.resources,
    };
    let whole = choose_related(candidates, &site.sessions);
    let alone = choose_related_for_sessions(candidates, &site.sessions);
    assert_eq!(alone, whole.sessions, "{}", root.display());
    let built: Vec<_> = site
        .sessions
        .iter()
        .map(|s| s.related_lists.clone())
        .collect();
    assert_eq!(alone, built, "{}", root.display());
    // Something was chosen: a test of empty lists would prove nothing.
    assert!(
        alone
            .iter()
            .any(|l| !l.pages.is_empty() || !l.services.is_empty() || !l.resources.is_empty()),
        "{}: no session has a related list",
        root.display()
    );
}

#[test]
fn sessions_alone_get_the_lists_the_whole_choice_gives_them() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    sessions_lists_match(&repo.join("tests/sites/council"));
    sessions_lists_match(&repo.join("tests/sites/related"));
    sessions_lists_match(repo);
}
