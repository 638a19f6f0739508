//! Published scripts are minified (`output::scripts`, issue 23: `js/search.js` is fetched by
//! every first search): every theme script goes out smaller and still parses, and a site's own
//! scripts are copied as they are. What the minified search script does is checked in
//! `tests/search_js.rs`, which runs its Node tests on the published copy.

mod common;
mod tools;

use std::fs;
use std::path::Path;

use common::*;
use hubsite::output::scripts::minify;

#[test]
fn every_theme_script_is_published_minified_and_still_parses() {
    let site = scratch_copy("minimal");
    // A site's own script in Latin-1, as an old editor saves it: copied byte for byte.
    fs::create_dir_all(site.path().join("static/js")).unwrap();
    let latin1 = b"// caf\xe9\nvar x = 1;\n".to_vec();
    fs::write(site.path().join("static/js/old.js"), &latin1).unwrap();
    // And one in UTF-8: a site's own script is published as the site wrote it, comments and
    // all (a minifier's slip must never break a council's own code).
    let own = "// Our own counter.\nvar count = 0;\n";
    fs::write(site.path().join("static/js/own.js"), own).unwrap();
    build(site.path()).expect("fixture builds");
    let public = site.path().join("public");
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/hub/static/js");
    let node = tools::require("scripts", &["node"], &[]);
    let mut checked = 0;
    for entry in fs::read_dir(&theme).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = fs::read_to_string(&path).unwrap();
        let published = public.join("js").join(&name);
        let text = fs::read_to_string(&published).unwrap();
        assert_eq!(text, minify(&source), "{name}");
        assert!(
            text.len() < source.len() * 9 / 10,
            "{name} is hardly smaller"
        );
        assert!(!text.contains("\n  "), "{name} keeps its indentation");
        if node {
            let check = std::process::Command::new("node")
                .arg("--check")
                .arg(&published)
                .output()
                .expect("node runs");
            assert!(
                check.status.success(),
                "{name} minified does not parse:\n{}",
                String::from_utf8_lossy(&check.stderr)
            );
        }
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} scripts");
    assert_eq!(fs::read(public.join("js/old.js")).unwrap(), latin1);
    assert_eq!(fs::read_to_string(public.join("js/own.js")).unwrap(), own);
}
