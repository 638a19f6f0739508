//! `hubsite import oruk URL` against a live Open Referral UK API (issue 21, item 4): a local
//! server on 127.0.0.1 serves the profile's own examples in pages (`service_list.json` as
//! `/services?page=N`, `service_full.json` as `/services/{id}`). A feed reads into the same
//! files as the same services from a file; a feed that is slow, answers with a web page,
//! loops its pages or sends too much is a clear error, and nothing is written.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use common::*;
use hubsite::import::feed::{FeedLimits, Scheme};
use hubsite::import::{FeedOptions, ImportOptions, ImportReport, import_oruk, import_oruk_feed};
use serde_json::{Value, json};

/// What the test server answers.
enum Reply {
    Json(Value),
    Html(&'static str),
    Status(u16),
    /// Waits this long before answering.
    Slow(Duration),
    /// A JSON answer that goes on for this many bytes.
    Endless(u64),
}

/// Serves `route` (from a request's path and query to a reply) on 127.0.0.1; the base address.
fn serve(route: impl Fn(&str) -> Reply + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let route = Arc::new(route);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let route = Arc::clone(&route);
            std::thread::spawn(move || answer(stream, &*route));
        }
    });
    base
}

fn answer(mut stream: TcpStream, route: &dyn Fn(&str) -> Reply) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap_or_default();
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let target = first.split(' ').nth(1).unwrap_or("/").to_owned();
    let head = |status: u16, kind: &str, length: u64| {
        format!(
            "HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
        )
    };
    let (status, kind, body) = match route(&target) {
        Reply::Json(value) => (200, "application/json", value.to_string()),
        Reply::Html(text) => (200, "text/html; charset=utf-8", text.to_owned()),
        Reply::Status(status) => (status, "text/plain", "no".to_owned()),
        Reply::Slow(wait) => {
            std::thread::sleep(wait);
            (200, "application/json", "{\"contents\": []}".to_owned())
        }
        Reply::Endless(length) => {
            let _ = stream.write_all(head(200, "application/json", length).as_bytes());
            let _ = stream.write_all(b"{\"contents\": [\"");
            let chunk = vec![b'a'; 64 * 1024];
            let mut sent = 0;
            while sent < length && stream.write_all(&chunk).is_ok() {
                sent += chunk.len() as u64;
            }
            return;
        }
    };
    let _ = stream.write_all(head(status, kind, body.len() as u64).as_bytes());
    let _ = stream.write_all(body.as_bytes());
}

fn example(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/oruk-examples")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const NAMES: [&str; 3] = ["Community Counselling", "Family Mediation", "Money Advice"];

/// The profile's full service example as service `n` (1-based) of the feed.
fn full_service(n: usize) -> Value {
    let mut service = example("service_full.json");
    service["id"] = json!(format!("service-{n}"));
    service["name"] = json!(NAMES[n - 1]);
    service
}

/// The profile's list example as page `n` of three, one service a page (list items carry
/// only one-to-one fields, so each service is fetched in full).
fn list_page(n: usize) -> Value {
    let mut page = example("service_list.json");
    page["page_number"] = json!(n);
    page["total_pages"] = json!(3);
    page["total_items"] = json!(3);
    page["first_page"] = json!(n == 1);
    page["last_page"] = json!(n == 3);
    page["contents"][0]["id"] = json!(format!("service-{n}"));
    page["contents"][0]["name"] = json!(NAMES[n - 1]);
    page
}

/// An ORUK API of three services in three pages, under `/api/v3`.
fn good_feed(target: &str) -> Reply {
    let page = |n: &str| n.parse::<usize>().ok().filter(|n| (1..=3).contains(n));
    if let Some(n) = target.strip_prefix("/api/v3/services?page=").and_then(page) {
        return Reply::Json(list_page(n));
    }
    match target
        .strip_prefix("/api/v3/services/service-")
        .and_then(page)
    {
        Some(n) => Reply::Json(full_service(n)),
        None => Reply::Status(404),
    }
}

fn limits() -> FeedLimits {
    FeedLimits {
        scheme: Scheme::AllowHttp,
        ..FeedLimits::default()
    }
}

fn from_feed(root: &Path, url: &str, limits: FeedLimits) -> Result<ImportReport, hubsite::Error> {
    import_oruk_feed(&FeedOptions {
        root: root.to_path_buf(),
        url: url.to_owned(),
        force: false,
        limits,
    })
}

/// The council example site, whose directory a failed import must leave as it was.
fn council() -> tempfile::TempDir {
    scratch_copy("council")
}

#[test]
fn a_paged_feed_imports_the_same_files_as_its_services_from_a_file() {
    let base = serve(good_feed);
    let fed = council();
    let report = from_feed(fed.path(), &format!("{base}/api/v3"), limits()).expect("imports");
    assert_eq!(report.created.len(), 3, "{report:?}");

    let filed = council();
    let file = filed.path().join("services.json");
    let services: Vec<Value> = (1..=3).map(full_service).collect();
    std::fs::write(&file, Value::Array(services).to_string()).unwrap();
    let from_file = import_oruk(&ImportOptions {
        root: filed.path().to_path_buf(),
        file,
        force: false,
    })
    .unwrap();
    assert_eq!(report, from_file, "the same report as from a file");
    assert_eq!(
        read_tree(&fed.path().join("content/directory")),
        read_tree(&filed.path().join("content/directory"))
    );
    // The full service, not the list's one-to-one fields: its fee and cost option came.
    let imported =
        std::fs::read_to_string(fed.path().join("content/directory/family-mediation.toml"))
            .unwrap();
    assert!(imported.contains("Under 18s and Over 60s"), "{imported}");

    // Importing again changes nothing.
    let again = from_feed(fed.path(), &format!("{base}/api/v3/services"), limits()).unwrap();
    assert_eq!(again.unchanged.len(), 3, "{again:?}");
}

/// Runs a failing import on the council site and checks that its directory is as it was.
fn fails_writing_nothing(url: &str, limits: FeedLimits) -> String {
    let site = council();
    let before = read_tree(&site.path().join("content/directory"));
    let error = from_feed(site.path(), url, limits).expect_err("the feed is refused");
    assert_eq!(
        read_tree(&site.path().join("content/directory")),
        before,
        "nothing written"
    );
    let shown = error.to_string();
    assert!(shown.contains("[E1006]"), "{shown}");
    shown
}

#[test]
fn a_slow_feed_times_out() {
    let base = serve(|_| Reply::Slow(Duration::from_secs(5)));
    let shown = fails_writing_nothing(
        &base,
        FeedLimits {
            timeout: Duration::from_millis(300),
            ..limits()
        },
    );
    assert!(
        shown.contains("did not answer within 0.3 seconds"),
        "{shown}"
    );
}

#[test]
fn a_web_page_is_not_a_feed() {
    let base = serve(|_| Reply::Html("<!doctype html><title>Our directory</title>"));
    let shown = fails_writing_nothing(&format!("{base}/directory"), limits());
    assert!(
        shown.contains("/directory/services?page=1: the feed answered with a web page, not JSON"),
        "{shown}"
    );
    assert!(
        shown.contains("hint: give the address of the ORUK API"),
        "{shown}"
    );
}

#[test]
fn a_next_link_to_itself_is_a_circle() {
    let base = serve(|target| {
        let mut page = list_page(1);
        page["next"] = json!("/services?page=1");
        match target {
            "/services?page=1" => Reply::Json(page),
            _ => good_feed(&format!("/api/v3{target}")),
        }
    });
    let shown = fails_writing_nothing(&base, limits());
    assert!(
        shown.contains("the feed goes round in a circle: its pages lead back to this page"),
        "{shown}"
    );
}

#[test]
fn a_feed_that_ignores_page_is_a_circle() {
    let base = serve(|target| match target.starts_with("/services?") {
        true => Reply::Json(json!({"total_pages": 5, "contents": list_page(1)["contents"]})),
        false => good_feed(&format!("/api/v3{target}")),
    });
    let shown = fails_writing_nothing(&base, limits());
    assert!(
        shown.contains("page 2 repeats services already read"),
        "{shown}"
    );
}

#[test]
fn a_feed_that_sends_100_mb_is_stopped_at_20() {
    let base = serve(|_| Reply::Endless(100 * 1024 * 1024));
    let shown = fails_writing_nothing(&base, limits());
    assert!(
        shown.contains("the feed sent more than 20 MB in one answer"),
        "{shown}"
    );
}

#[test]
fn a_feed_with_too_many_pages_is_stopped() {
    let base = serve(|target| {
        let n: usize = target.rsplit('=').next().unwrap().parse().unwrap_or(1);
        let mut page = list_page(1);
        page["total_pages"] = json!(1_000_000);
        page["last_page"] = json!(false);
        page["contents"][0]["id"] = json!(format!("service-{n}"));
        Reply::Json(page)
    });
    let shown = fails_writing_nothing(
        &base,
        FeedLimits {
            max_pages: 4,
            ..limits()
        },
    );
    assert!(shown.contains("more than 4 pages"), "{shown}");
}

#[test]
fn a_missing_service_or_plain_http_is_refused() {
    let base = serve(|target| match target {
        "/services?page=1" => Reply::Json(list_page(3)),
        _ => Reply::Status(404),
    });
    let shown = fails_writing_nothing(&base, limits());
    assert!(
        shown.contains("/services/service-3: the feed answered 404"),
        "{shown}"
    );
    let shown = fails_writing_nothing(
        &base,
        FeedLimits {
            scheme: Scheme::HttpsOnly,
            ..limits()
        },
    );
    assert!(shown.contains("--allow-http"), "{shown}");
}
