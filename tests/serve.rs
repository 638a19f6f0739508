//! `hubsite serve`: the rebuild machinery driven through edits, additions, renames and
//! deletions, with the served output compared byte for byte with a fresh full build after
//! each; the real watcher end to end; the HTTP side's path safety and port handling.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use common::serve::{batch, edit, write};
use common::{assert_served_equals_full_build, full_build, options, output_contents, scratch_copy};
use hubsite::serve::server::{self};
use hubsite::serve::watch::{Batch, SiteWatcher};
use hubsite::serve::{LiveSite, Rebuild};

/// One change to a site: what to do on disk, and the paths it touches.
struct Step {
    name: &'static str,
    apply: fn(&Path),
    paths: &'static [&'static str],
}

const THIRD: &str =
    "+++\ntitle = \"Third guide\"\nsummary = \"New.\"\ntopics = [\"money-worries\"]\n+++\nThird.\n";

fn theme_page_template() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/hub/templates/page.html"))
        .expect("theme")
}

const MINIMAL_STEPS: &[Step] = &[
    Step {
        name: "edit a page's body",
        apply: |r| {
            edit(
                r,
                "content/guides/second.md",
                "Because.",
                "Because it helps.",
            )
        },
        paths: &["content/guides/second.md"],
    },
    Step {
        name: "edit a page's title (lists and topic pages change)",
        apply: |r| {
            edit(
                r,
                "content/guides/first.md",
                "First guide",
                "The first guide",
            )
        },
        paths: &["content/guides/first.md"],
    },
    Step {
        name: "add a page",
        apply: |r| write(r, "content/guides/third.md", THIRD),
        paths: &["content/guides/third.md"],
    },
    Step {
        name: "rename a page",
        apply: |r| {
            fs::rename(
                r.join("content/guides/third.md"),
                r.join("content/guides/fourth.md"),
            )
            .expect("rename")
        },
        paths: &["content/guides/third.md", "content/guides/fourth.md"],
    },
    Step {
        name: "delete a page",
        apply: |r| fs::remove_file(r.join("content/guides/fourth.md")).expect("delete"),
        paths: &["content/guides/fourth.md"],
    },
    Step {
        name: "rename a folder of pages (the watcher names the folders only)",
        apply: |r| {
            fs::rename(r.join("content/guides"), r.join("content/advice")).expect("rename");
            edit(
                r,
                "content/_index.md",
                "(guides/first.md)",
                "(advice/first.md)",
            );
            edit(r, "content/_index.md", "(/guides/)", "(/advice/)");
        },
        paths: &["content/guides", "content/advice", "content/_index.md"],
    },
    Step {
        name: "replace a folder by one with the same file names",
        apply: |r| {
            common::copy_tree(&r.join("content/advice"), &r.join("content/advice-new"));
            edit(
                r,
                "content/advice-new/second.md",
                "Because",
                "Since it helps",
            );
            fs::remove_dir_all(r.join("content/advice")).expect("remove");
            fs::rename(r.join("content/advice-new"), r.join("content/advice")).expect("rename");
        },
        paths: &["content/advice", "content/advice-new"],
    },
    Step {
        name: "override a template",
        apply: |r| {
            write(
                r,
                "templates/page.html",
                &theme_page_template().replacen("<h1{%", "<h1 class=\"mine\"{%", 1),
            )
        },
        paths: &["templates/page.html"],
    },
    Step {
        name: "remove the override",
        apply: |r| fs::remove_file(r.join("templates/page.html")).expect("delete"),
        paths: &["templates/page.html"],
    },
    Step {
        name: "add a stylesheet",
        apply: |r| write(r, "static/css/extra.css", "p { color: #0b0c0c; }\n"),
        paths: &["static/css/extra.css"],
    },
    Step {
        name: "edit a topic",
        apply: |r| {
            edit(
                r,
                "content/topics.toml",
                "Money worries",
                "Worries about money",
            )
        },
        paths: &["content/topics.toml"],
    },
    Step {
        name: "change the configuration",
        apply: |r| edit(r, "hubsite.toml", "Minimal Hub", "Smallest Hub"),
        paths: &["hubsite.toml"],
    },
];

/// Runs `steps` on a copy of fixture `name`, checking the served output after each.
fn run_steps(name: &str, steps: &[Step]) {
    let site = scratch_copy(name);
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    assert_served_equals_full_build(&live, root, "first build");
    for step in steps {
        (step.apply)(root);
        live.update(&batch(step.paths));
        assert_served_equals_full_build(&live, root, step.name);
    }
}

#[test]
fn rebuilds_equal_full_builds_through_edits_additions_renames_and_deletions() {
    run_steps("minimal", MINIMAL_STEPS);
}

const PROGRAMME_STEPS: &[Step] = &[
    Step {
        name: "edit a session",
        apply: |r| {
            edit(
                r,
                "sessions/spring/evening.toml",
                "An evening for parents",
                "An evening for all parents",
            )
        },
        paths: &["sessions/spring/evening.toml"],
    },
    Step {
        name: "change a session's time",
        apply: |r| edit(r, "sessions/spring/evening.toml", "T18:30:00", "T18:00:00"),
        paths: &["sessions/spring/evening.toml"],
    },
    Step {
        name: "delete a session",
        apply: |r| fs::remove_file(r.join("sessions/spring/cancelled.toml")).expect("delete"),
        paths: &["sessions/spring/cancelled.toml"],
    },
    Step {
        name: "rename a session",
        apply: |r| {
            fs::rename(
                r.join("sessions/spring/evening.toml"),
                r.join("sessions/spring/late.toml"),
            )
            .expect("rename")
        },
        paths: &["sessions/spring/evening.toml", "sessions/spring/late.toml"],
    },
];

#[test]
fn rebuilds_of_the_programme_equal_full_builds() {
    run_steps("programme", PROGRAMME_STEPS);
}

const COUNCIL_SECTION_STEPS: &[Step] = &[
    Step {
        name: "edit a section's title (breadcrumbs, lists and every search record below it)",
        apply: |r| {
            edit(
                r,
                "content/self-help/_index.md",
                "title = \"Guides for parents\"",
                "title = \"Guides for parents and carers\"",
            )
        },
        paths: &["content/self-help/_index.md"],
    },
    Step {
        name: "edit the section's summary",
        apply: |r| {
            edit(
                r,
                "content/self-help/_index.md",
                "Short guides",
                "Brief guides",
            )
        },
        paths: &["content/self-help/_index.md"],
    },
    Step {
        name: "a page's text after the section edits",
        apply: |r| {
            edit(
                r,
                "content/self-help/talking-after-a-loss.md",
                "Children grieve differently",
                "Take your time. Children grieve differently",
            )
        },
        paths: &["content/self-help/talking-after-a-loss.md"],
    },
    Step {
        name: "the section's title back",
        apply: |r| {
            edit(
                r,
                "content/self-help/_index.md",
                "title = \"Guides for parents and carers\"",
                "title = \"Guides for parents\"",
            )
        },
        paths: &["content/self-help/_index.md"],
    },
];

#[test]
fn section_front_matter_edits_on_the_council_site_equal_full_builds() {
    run_steps("council", COUNCIL_SECTION_STEPS);
}

#[test]
fn a_broken_edit_keeps_the_last_good_build_with_the_located_error_until_fixed() {
    let site = scratch_copy("minimal");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    let good = output_contents(&live.shared().current().output);

    edit(root, "content/guides/first.md", "title =", "titel =");
    let failed = live.update(&batch(&["content/guides/first.md"]));
    let errors = failed.errors.clone().expect("the rebuild fails");
    insta::assert_snapshot!("serve_broken_edit_errors", errors);
    assert_eq!(
        output_contents(&failed.output),
        good,
        "the last good build is still served"
    );
    let page = server::respond(&failed, "/guides/second/");
    let html = String::from_utf8(page.body).expect("html");
    assert!(
        html.contains("hubsite-overlay") && html.contains("content/guides/first.md:2:1"),
        "{html}"
    );

    edit(root, "content/guides/first.md", "titel =", "title =");
    let fixed = live.update(&batch(&["content/guides/first.md"]));
    assert!(fixed.change.errors, "browsers are told the errors cleared");
    let changed: Vec<_> = fixed.change.paths.iter().map(String::as_str).collect();
    assert!(
        changed.is_empty(),
        "the fix restored the last good build: {changed:?}"
    );
    let html = String::from_utf8(server::respond(&fixed, "/guides/second/").body).expect("html");
    assert!(!html.contains("hubsite-overlay"));
    assert_served_equals_full_build(&live, root, "fixed");
}

#[test]
fn a_one_page_edit_renders_only_what_shows_that_page() {
    let site = scratch_copy("minimal");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    edit(
        root,
        "content/guides/second.md",
        "Because.",
        "Because it helps.",
    );
    let snapshot = live.update(&batch(&["content/guides/second.md"]));
    let changed: Vec<_> = snapshot.change.paths.iter().map(String::as_str).collect();
    // The page and the search shard that holds its new word; nothing else.
    assert_eq!(changed, ["guides/second/index.html", "search/t/0.json"]);
    let json = server::changes_json(&snapshot, snapshot.generation - 1, "/guides/second/");
    assert!(json.contains("\"reload\""), "{json}");
    let json = server::changes_json(&snapshot, snapshot.generation - 1, "/guides/first/");
    assert!(json.contains("\"none\""), "{json}");
}

#[test]
fn edits_to_page_text_are_applied_to_the_last_build_and_equal_full_builds() {
    let site = scratch_copy("minimal");
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    let steps: &[(&str, &str, &str, &str, Rebuild)] = &[
        (
            "a page's text, new words",
            "content/guides/second.md",
            "Because.",
            "Because it helps: zebras and quokkas.",
            Rebuild::PageText,
        ),
        (
            "the same page, a word gone",
            "content/guides/second.md",
            "zebras and ",
            "",
            Rebuild::PageText,
        ),
        (
            "a page's links",
            "content/guides/first.md",
            "(second.md#why)",
            "(/guides/)",
            Rebuild::PageText,
        ),
        (
            "a section's text",
            "content/guides/_index.md",
            "+++\n",
            "+++\nEvery guide we have.\n",
            Rebuild::PageText,
        ),
        (
            "the home page's text",
            "content/_index.md",
            "Read [",
            "Start here. Read [",
            Rebuild::PageText,
        ),
        (
            "a draft's text",
            "content/guides/draft.md",
            "+++\n",
            "+++\nStill a draft.\n",
            // No page of the model differs: nothing but the pages made from the model is
            // rendered again.
            Rebuild::FrontMatter,
        ),
        (
            "a page's title",
            "content/guides/first.md",
            "First guide",
            "The first guide",
            Rebuild::FrontMatter,
        ),
        (
            "text after a full rebuild",
            "content/guides/first.md",
            "trusted",
            "kept",
            Rebuild::PageText,
        ),
    ];
    for &(step, path, from, to, how) in steps {
        let text = fs::read_to_string(root.join(path)).expect("page");
        // "+++\n" stands for the closing fence: the edit goes just after the front matter.
        let at = if from == "+++\n" {
            text.rfind(&from).expect("closing fence")
        } else {
            text.find(from).expect("text to edit")
        };
        fs::write(
            root.join(path),
            format!("{}{to}{}", &text[..at], &text[at + from.len()..]),
        )
        .expect("write");
        live.update(&batch(&[path]));
        assert_eq!(live.last_rebuild(), Some(how), "{step}");
        assert_served_equals_full_build(&live, root, step);
    }

    // A link to nowhere in a page's text is reported as a full build reports it; the fix
    // brings back the last good build.
    edit(
        root,
        "content/guides/second.md",
        "Because",
        "See [nothing](/nowhere/). Because",
    );
    let failed = live.update(&batch(&["content/guides/second.md"]));
    assert!(
        failed
            .errors
            .as_deref()
            .is_some_and(|e| e.contains("content/guides/second.md") && e.contains("/nowhere/")),
        "{:?} {:?}",
        failed.errors,
        live.last_rebuild()
    );
    edit(
        root,
        "content/guides/second.md",
        "See [nothing](/nowhere/). Because",
        "Because",
    );
    live.update(&batch(&["content/guides/second.md"]));
    assert_served_equals_full_build(&live, root, "link fixed");
}

#[test]
fn edits_to_the_example_sites_page_text_equal_full_builds() {
    let site = common::serve::example_copy();
    let root = site.path();
    let mut live = LiveSite::start(options(root));
    let path = "content/self-help/calming-an-argument.md";
    edit(
        root,
        path,
        "it is hard to think clearly.",
        "it is hard to think clearly. Breathe slowly; count to ten.",
    );
    edit(root, path, "(co-parenting.md)", "(separating-well.md)");
    // The example is in English and Welsh, and this page has a Welsh translation: each
    // language's page is rendered again in its own part of the last build
    // (`src/pipeline/cache.rs`), and both languages equal a full build.
    let welsh = "content/self-help/calming-an-argument.cy.md";
    edit(
        root,
        welsh,
        "mae'n anodd meddwl yn glir.",
        "mae'n anodd meddwl yn glir. Anadlwch yn araf.",
    );
    live.update(&batch(&[path, welsh]));
    assert_eq!(live.last_rebuild(), Some(Rebuild::PageText));
    assert_served_equals_full_build(&live, root, "a self-help page's text and links");
    let served = output_contents(&live.shared().current().output);
    let page = served
        .iter()
        .find(|(path, _)| path.ends_with("cy/self-help/calming-an-argument/index.html"))
        .expect("the Welsh page is served");
    assert!(String::from_utf8_lossy(&page.1).contains("Anadlwch yn araf."));
}

#[test]
fn the_watcher_sees_edits_and_replace_by_rename_saves_and_ignores_temporary_files() {
    let site = scratch_copy("minimal");
    let root = site.path().canonicalize().expect("root");
    let mut watcher = SiteWatcher::new(&root).expect("watcher starts");
    let mut live = LiveSite::start(options(&root));
    let wait = Duration::from_secs(10);

    edit(
        &root,
        "content/guides/second.md",
        "Because.",
        "Because it helps.",
    );
    let first = next_batch_with(&mut watcher, wait, "content/guides/second.md");
    live.update(&first);
    assert_served_equals_full_build(&live, &root, "watched edit");

    // An editor's save: write a temporary file beside the page, then rename it over the page.
    let temporary = root.join("content/guides/.second.md.swp");
    fs::write(
        &temporary,
        "+++\ntitle = \"Second guide\"\n+++\nSaved by rename.\n",
    )
    .expect("write");
    fs::rename(&temporary, root.join("content/guides/second.md")).expect("rename");
    let saved = next_batch_with(&mut watcher, wait, "content/guides/second.md");
    assert!(
        saved
            .paths
            .iter()
            .all(|p| !p.to_string_lossy().contains(".swp")),
        "{saved:?}"
    );
    live.update(&saved);
    assert_served_equals_full_build(&live, &root, "rename-and-replace save");

    // The same with a temporary name no rule knows (as `sed -i` and some editors use): the
    // file came and went within the save, so the batch names only the page, and the edit to
    // its text is applied to the last build.
    let temporary = root.join("content/guides/second.md___tmp123");
    fs::write(
        &temporary,
        "+++\ntitle = \"Second guide\"\n+++\nSaved by rename again.\n",
    )
    .expect("write");
    fs::rename(&temporary, root.join("content/guides/second.md")).expect("rename");
    let saved = next_batch_with(&mut watcher, wait, "content/guides/second.md");
    let names: Vec<_> = saved
        .paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["content/guides/second.md"]);
    live.update(&saved);
    assert_eq!(live.last_rebuild(), Some(Rebuild::PageText));
    assert_served_equals_full_build(&live, &root, "save through an unknown temporary name");

    // A folder that did not exist when serving started is watched once it appears.
    write(&root, "templates/page.html", &theme_page_template());
    let created = next_batch_with(&mut watcher, wait, "templates/page.html");
    live.update(&created);
    edit(
        &root,
        "templates/page.html",
        "<h1{%",
        "<h1 class=\"mine\"{%",
    );
    let edited = next_batch_with(&mut watcher, wait, "templates/page.html");
    live.update(&edited);
    assert_served_equals_full_build(&live, &root, "template in a new folder");

    edit(&root, "hubsite.toml", "Minimal Hub", "Smallest Hub");
    let config = next_batch_with(&mut watcher, wait, "hubsite.toml");
    assert!(config.config);
}

/// Batches until one names `path`; fails after `wait` without one.
fn next_batch_with(watcher: &mut SiteWatcher, wait: Duration, path: &str) -> Batch {
    let deadline = std::time::Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let batch = watcher
            .next_batch(left)
            .unwrap_or_else(|| panic!("no change to {path} seen"));
        if batch.paths.contains(Path::new(path)) {
            return batch;
        }
    }
}

/// Sends a raw GET and returns the status line and body.
fn get(port: u16, target: &str) -> (String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let status = response.lines().next().unwrap_or_default().to_owned();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn the_server_listens_on_loopback_moves_off_a_busy_port_and_refuses_climbing_paths() {
    let busy = TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = busy.local_addr().expect("address").port();
    let loopback = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let (http, address) = server::bind(loopback, port).expect("binds a later port");
    assert_ne!(address.port(), port);
    assert!(address.ip().is_loopback());

    let site = scratch_copy("minimal");
    let live = LiveSite::start(options(site.path()));
    let shared = Arc::clone(live.shared());
    std::thread::spawn(move || server::run(&http, &shared));
    let port = address.port();

    let (status, body) = get(port, "/guides/first/");
    assert!(status.contains("200"), "{status}");
    assert!(
        body.contains("<script src=\"/__hubsite/reload.js\""),
        "the reload script is added to served pages"
    );
    assert!(get(port, "/__hubsite/reload.js").0.contains("200"));
    assert!(get(port, "/guides/first").0.contains("301"));
    let climbing = [
        "/../hubsite.toml",
        "/%2e%2e/hubsite.toml",
        "/guides/..%2f..%2fhubsite.toml",
        "/guides\\..\\..\\hubsite.toml",
        "/guides/%5c..%5c..%5chubsite.toml",
        "/%2E%2E%2Fhubsite.toml",
        "//hubsite.toml",
        "/hubsite.toml%00.html",
        "http://127.0.0.1/../hubsite.toml",
    ];
    for target in climbing {
        let (status, body) = get(port, target);
        assert!(status.contains("404"), "{target}: {status}");
        assert!(
            !body.contains("Minimal Hub\"\nbase_url"),
            "{target} leaked a site file"
        );
    }
    let json = get(
        port,
        &format!("/__hubsite/changes?since={}&page=/", u64::MAX - 5),
    )
    .1;
    assert!(
        json.contains("\"reload\""),
        "a browser from an earlier run reloads: {json}"
    );
}

#[test]
fn full_builds_carry_no_reload_script() {
    let site = scratch_copy("minimal");
    for (path, bytes) in full_build(site.path()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__hubsite"),
            "{path} mentions the serve-only endpoints"
        );
    }
}

/// A `hubsite serve` process, killed when dropped (also when a test fails).
struct ServeProcess(Child);

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `hubsite serve --port 0` for `root` with `extra` arguments; returns the process and
/// the address it says it serves at.
fn start_serve(root: &Path, extra: &[&str]) -> (ServeProcess, SocketAddr) {
    let child = Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hubsite serve starts");
    let mut process = ServeProcess(child);
    let stderr = BufReader::new(process.0.stderr.take().expect("stderr"));
    for line in stderr.lines().map_while(Result::ok) {
        if let Some(url) = line.split(" at http://").nth(1) {
            let address = url
                .split('/')
                .next()
                .unwrap_or_default()
                .parse()
                .expect("an address");
            return (process, address);
        }
    }
    panic!("hubsite serve stopped without saying where it serves");
}

// On Linux every 127.x.y.z address reaches this computer, so a socket bound to every interface
// answers on 127.0.0.2 while one bound to 127.0.0.1 does not: that tells the two apart.
#[cfg(target_os = "linux")]
#[test]
fn serve_listens_on_this_computer_only_unless_told_otherwise() {
    let site = scratch_copy("minimal");
    let (_serve, address) = start_serve(site.path(), &[]);
    assert_eq!(
        address.ip(),
        IpAddr::V4(Ipv4Addr::LOCALHOST),
        "the default interface"
    );
    assert!(
        TcpStream::connect(address).is_ok(),
        "it answers on 127.0.0.1"
    );
    assert!(
        TcpStream::connect((Ipv4Addr::new(127, 0, 0, 2), address.port())).is_err(),
        "only on 127.0.0.1"
    );

    let (_everywhere, address) = start_serve(site.path(), &["--interface", "0.0.0.0"]);
    assert!(
        address.ip().is_unspecified(),
        "--interface is obeyed: {address}"
    );
    assert!(
        TcpStream::connect((Ipv4Addr::new(127, 0, 0, 2), address.port())).is_ok(),
        "the check above can fail"
    );
}
