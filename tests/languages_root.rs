//! A site in several languages loads the same whether `--root` is absolute or relative: each
//! translation finds its original (a relative root was once joined twice to the walked paths,
//! so every translation was reported as translating a page that does not exist, E0910).

use std::path::Path;

use hubsite::load::{LoadOptions, load_site};

/// The bilingual council site, from the package folder (where cargo runs tests) by a relative
/// path, as `hubsite build --root tests/sites/council` would be given it.
#[test]
fn translations_find_their_originals_under_a_relative_root() {
    let relative = Path::new("tests/sites/council");
    assert!(relative.is_relative() && relative.join("content/_index.cy.md").is_file());
    let sources = load_site(relative, &LoadOptions::default()).expect("the council site loads");
    let problems = format!("{:?}", sources.problems);
    assert!(
        !problems.contains("which does not exist"),
        "translations lost their originals under a relative root: {problems}"
    );
    assert!(!sources.translations.is_empty());
    let absolute = load_site(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(relative),
        &LoadOptions::default(),
    )
    .expect("the council site loads");
    assert_eq!(
        format!("{:?}", absolute.problems),
        problems,
        "the same problems whichever way the root is written"
    );
    assert_eq!(absolute.translations.len(), sources.translations.len());
}
