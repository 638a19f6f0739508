//! Search in a real headless browser: builds the `search` fixture (and the Welsh one), serves
//! it on 127.0.0.1, and drives Debian's Chromium through chromedriver from
//! `tests/js/search.browser.test.js` (and `search.welsh.browser.test.js`).
//! Needs node, chromium, chromedriver and python3, which `./scripts/test` installs first;
//! without them it fails under `CI=true` and skips visibly elsewhere (`tests/tools/mod.rs`).

mod common;
mod tools;

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::*;

/// A child process that is ended when dropped, even if the test fails.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Waits (bounded) until something listens on `port`.
fn wait_for(port: u16) {
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("nothing listening on port {port}");
}

/// Serves `served` on 127.0.0.1, starts chromedriver and runs `script` under `node --test`
/// with `SEARCH_SITE` and `WEBDRIVER` set; returns its report, after checking it passed.
fn run_in_chromium(served: &Path, script: &str, extra: &[(&str, &Path)]) -> String {
    let (web, driver) = (free_port(), free_port());
    let _server = Running(
        Command::new("python3")
            .args([
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                &web.to_string(),
                "--directory",
            ])
            .arg(served)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 serves the site"),
    );
    let _driver = Running(
        Command::new("chromedriver")
            .arg(format!("--port={driver}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    wait_for(web);
    wait_for(driver);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut node = Command::new("node");
    node.args(["--test", script])
        .current_dir(root)
        .env("SEARCH_SITE", format!("http://127.0.0.1:{web}"))
        .env("WEBDRIVER", format!("http://127.0.0.1:{driver}"));
    for (name, value) in extra {
        node.env(name, value);
    }
    let output = node.output().expect("node runs");
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "browser test failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    report
}

fn browser_here(test: &str) -> bool {
    tools::require(test, &["node", "chromium", "chromedriver", "python3"], &[])
}

#[test]
fn typing_a_query_in_chromium_shows_ranked_results_and_the_kind_filter_works() {
    if !browser_here("search_browser") {
        return;
    }
    let site = scratch_copy("search");
    build(site.path()).expect("fixture builds");
    let screenshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/search-browser.png");
    let report = run_in_chromium(
        &site.path().join("public"),
        "tests/js/search.browser.test.js",
        &[("SEARCH_SCREENSHOT", &screenshot)],
    );
    assert!(report.contains("# pass 3"), "{report}");
}

/// The Welsh site (hosted under `/teuluoedd/`): a Welsh word finds its page, and the script
/// speaks Welsh (issue 20).
#[cfg(unix)]
#[test]
fn a_welsh_site_searches_welsh_words_and_answers_in_welsh() {
    if !browser_here("search_browser: Welsh") {
        return;
    }
    let site = scratch_copy("cymraeg");
    build(site.path()).expect("the Welsh site builds");
    // Served from a folder holding the site as `teuluoedd/`, its base_url's folder.
    let host = tempfile::tempdir().expect("a scratch folder");
    std::os::unix::fs::symlink(site.path().join("public"), host.path().join("teuluoedd"))
        .expect("a link to the site");
    let report = run_in_chromium(host.path(), "tests/js/search.welsh.browser.test.js", &[]);
    assert!(report.contains("# pass 1"), "{report}");
}
