//! Family safety: a site whose pages or style sheets would load anything from another origin
//! fails both `check` and `build`, each finding located in the file that holds the address.

use std::process::Command;

mod common;

fn hubsite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hubsite"))
}

#[test]
fn third_party_script_font_and_image_fail_the_build() {
    insta::assert_snapshot!(common::build_errors("third-party"));
}

#[test]
fn check_fails_a_site_that_loads_from_another_origin() {
    let site = common::scratch_copy("third-party");
    let out = hubsite()
        .args(["check", "--now", common::NOW, "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    insta::assert_snapshot!(stderr);
    assert!(!site.path().join("public").exists(), "check must not write");
}

#[test]
fn own_origin_and_plain_links_to_other_sites_pass() {
    let site = common::scratch_copy("third-party");
    // Take out the three foreign loads; what is left (a link, an image on the site's own
    // origin, a font from the site itself) must build.
    std::fs::remove_file(site.path().join("templates/partials/footer.html")).unwrap();
    std::fs::remove_file(site.path().join("static/css/fonts.css")).unwrap();
    let index = site.path().join("content/_index.md");
    let text = std::fs::read_to_string(&index)
        .unwrap()
        .replace("https://images.example.com/family.jpg", "/family.jpg");
    std::fs::write(&index, text).unwrap();
    std::fs::write(site.path().join("content/family.jpg"), b"").unwrap();
    common::build(site.path()).unwrap();
}

#[test]
fn a_third_party_image_in_a_session_description_is_located_there() {
    let site = common::scratch_copy("programme");
    let description = site.path().join("sessions/spring/teenagers.md");
    let mut text = std::fs::read_to_string(&description).unwrap();
    // Session descriptions keep images (service descriptions do not); one on another site
    // must fail the build at its line.
    text.push_str("\n![](https://tracker.example.net/pixel.gif)\n");
    std::fs::write(&description, text).unwrap();
    let error = common::build(site.path()).unwrap_err().to_string();
    insta::assert_snapshot!(error);
}
