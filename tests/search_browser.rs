//! Search in a real headless browser: builds the `search` fixture, serves it on 127.0.0.1,
//! and drives Debian's Chromium through chromedriver from `tests/js/search.browser.test.js`.
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

#[test]
fn typing_a_query_in_chromium_shows_ranked_results_and_the_kind_filter_works() {
    if !tools::require(
        "search_browser",
        &["node", "chromium", "chromedriver", "python3"],
        &[],
    ) {
        return;
    }
    let site = scratch_copy("search");
    build(site.path()).expect("fixture builds");
    let (web, driver) = (free_port(), free_port());
    let public = site.path().join("public");
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
            .arg(&public)
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
    let output = Command::new("node")
        .args(["--test", "tests/js/search.browser.test.js"])
        .current_dir(root)
        .env("SEARCH_SITE", format!("http://127.0.0.1:{web}"))
        .env("WEBDRIVER", format!("http://127.0.0.1:{driver}"))
        .env("SEARCH_SCREENSHOT", root.join("target/search-browser.png"))
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "browser test failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(report.contains("# pass 3"), "{report}");
}
