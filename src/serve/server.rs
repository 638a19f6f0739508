//! The HTTP side of `serve`: answers requests from the snapshot in memory, adds the live
//! reload script (and the error overlay) to served HTML, and answers the reload script's
//! long polls. Nothing here is ever part of `hubsite build` output.

use std::borrow::Cow;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tiny_http::{Header, Request, Response, Server};

use super::state::{Shared, Snapshot};
use crate::load::AssetSource;
use crate::output::{Contents, Output};

/// Where the reload script, the overlay's stylesheet and the change feed are served.
pub const RELOAD_JS: &str = "/__hubsite/reload.js";
const OVERLAY_CSS: &str = "/__hubsite/overlay.css";
const CHANGES: &str = "/__hubsite/changes";
/// How long one long poll waits for a change before answering 'none'.
const POLL: Duration = Duration::from_secs(25);
/// How many ports after the asked one to try when it is busy.
const PORT_TRIES: u16 = 20;

/// No port of those tried could be listened on.
#[derive(Debug, thiserror::Error)]
#[error("cannot listen on {interface} ports {first} to {last}")]
pub struct BindError {
    /// The address.
    pub interface: IpAddr,
    /// The port asked for.
    pub first: u16,
    /// The last port tried.
    pub last: u16,
    /// Why the first port could not be used.
    #[source]
    pub source: Box<dyn std::error::Error + Send + Sync>,
}

/// Listens on `interface:port`, or the next free port after it, saying so when it moves.
pub fn bind(interface: IpAddr, port: u16) -> Result<(Server, SocketAddr), BindError> {
    let mut first_error = None;
    for candidate in (0..PORT_TRIES).filter_map(|n| port.checked_add(n)) {
        let address = SocketAddr::new(interface, candidate);
        match listen(address) {
            Ok(server) => {
                if candidate != port {
                    eprintln!("Port {port} is busy; using {candidate} instead");
                }
                let bound = server.server_addr().to_ip().unwrap_or(address);
                return Ok((server, bound));
            }
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    Err(BindError {
        interface,
        first: port,
        last: port.saturating_add(PORT_TRIES - 1),
        source: first_error.unwrap_or_else(|| "no port to try".into()),
    })
}

/// How many reload long polls may wait at once; more are told to come back later (503), which
/// the reload script does after a second. Each waiting poll holds a thread.
pub const MAX_WAITING_POLLS: usize = 32;
/// How many threads answer page requests, so that a client that reads slowly holds up one of
/// them, not the server.
const RESPONDERS: usize = 4;

/// How long a client may take to send a request (answered 408 after that), and to take in a
/// response, before its connection is closed: a stalled client holds a thread only this long.
const SEND_TIMEOUT: Duration = Duration::from_secs(15);
const TAKE_TIMEOUT: Duration = Duration::from_secs(5);
/// The most header bytes a request may have; more is answered 431.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// A server on `address` whose connections time out ([`SEND_TIMEOUT`], [`TAKE_TIMEOUT`]): Linux gives each
/// accepted connection the listening socket's timeouts.
fn listen(address: SocketAddr) -> Result<Server, Box<dyn std::error::Error + Send + Sync>> {
    use rustix::net::sockopt::{Timeout, set_socket_timeout};
    let listener = std::net::TcpListener::bind(address)?;
    set_socket_timeout(&listener, Timeout::Recv, Some(SEND_TIMEOUT))?;
    set_socket_timeout(&listener, Timeout::Send, Some(TAKE_TIMEOUT))?;
    Server::from_listener(listener, None)
}

/// Answers requests until the server is dropped: pages from a few responder threads, long
/// polls on a thread each, at most [`MAX_WAITING_POLLS`] of them.
pub fn run(server: &Server, shared: &Arc<Shared>) {
    let (queue, requests) = std::sync::mpsc::sync_channel::<Request>(64);
    let requests = Arc::new(std::sync::Mutex::new(requests));
    for _ in 0..RESPONDERS {
        let (requests, shared) = (Arc::clone(&requests), Arc::clone(shared));
        std::thread::spawn(move || {
            loop {
                let next = requests.lock().map(|r| r.recv());
                let Ok(Ok(request)) = next else { return };
                let reply = respond(&shared.current(), request.url());
                send(request, reply);
            }
        });
    }
    let waiting = Arc::new(AtomicUsize::new(0));
    for request in server.incoming_requests() {
        let header_bytes: usize = request
            .headers()
            .iter()
            .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len())
            .sum();
        if header_bytes > MAX_HEADER_BYTES {
            send(request, too_large());
        } else if !request.url().starts_with(CHANGES) {
            if queue.send(request).is_err() {
                return;
            }
        } else if waiting.fetch_add(1, Ordering::SeqCst) < MAX_WAITING_POLLS {
            let (shared, waiting) = (Arc::clone(shared), Arc::clone(&waiting));
            std::thread::spawn(move || {
                answer_changes(request, &shared);
                waiting.fetch_sub(1, Ordering::SeqCst);
            });
        } else {
            waiting.fetch_sub(1, Ordering::SeqCst);
            send(request, busy());
        }
    }
}

/// The answer to a request with more than [`MAX_HEADER_BYTES`] of headers.
fn too_large() -> Reply {
    Reply {
        status: 431,
        mime: "text/plain; charset=utf-8",
        location: None,
        body: b"Request headers too large".to_vec(),
    }
}

/// The answer to a long poll over the limit.
fn busy() -> Reply {
    Reply {
        status: 503,
        mime: "text/plain; charset=utf-8",
        location: None,
        body: b"Too many pages are waiting for changes; try again in a second".to_vec(),
    }
}

/// A response before it is sent.
#[derive(Debug, PartialEq, Eq)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Content-Type.
    pub mime: &'static str,
    /// Where to go instead (for 301).
    pub location: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    fn ok(mime: &'static str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            mime,
            location: None,
            body: body.into(),
        }
    }
}

/// The reply to a GET of `url` from this snapshot.
pub fn respond(snapshot: &Snapshot, url: &str) -> Reply {
    match url.split(['?', '#']).next().unwrap_or("/") {
        RELOAD_JS => return Reply::ok("text/javascript; charset=utf-8", include_str!("reload.js")),
        OVERLAY_CSS => return Reply::ok("text/css; charset=utf-8", include_str!("overlay.css")),
        _ => {}
    }
    match resolve(&snapshot.output, url) {
        Some(Resolved::File(path)) => match file_bytes(&snapshot.output, &path) {
            Some(bytes) => {
                let mime = mime_type(Path::new(&path));
                Reply::ok(mime, served_bytes(snapshot, mime, bytes))
            }
            None => not_found(snapshot, url),
        },
        Some(Resolved::Redirect(location)) => Reply {
            status: 301,
            mime: "text/plain; charset=utf-8",
            location: Some(location),
            body: b"Moved".to_vec(),
        },
        None => not_found(snapshot, url),
    }
}

fn not_found(snapshot: &Snapshot, url: &str) -> Reply {
    let page = not_found_page(&snapshot.output, url);
    let body = file_bytes(&snapshot.output, &page).unwrap_or(Cow::Borrowed(b"Not found"));
    let mime = "text/html; charset=utf-8";
    Reply {
        status: 404,
        mime,
        location: None,
        body: served_bytes(snapshot, mime, body),
    }
}

/// The 404 page for a missing `url`: that of the deepest folder above it that has one of its own
/// (`cy/404.html` for `/cy/...` on a site in several languages), as a host is told to answer
/// (`output::host`), or the site's.
fn not_found_page(output: &Output, url: &str) -> String {
    let raw = url.split(['?', '#']).next().unwrap_or("/");
    let path = output.urls.site_path(raw).unwrap_or_default();
    let folders: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    (1..folders.len())
        .rev()
        .map(|depth| format!("{}/404.html", folders[..depth].join("/")))
        .chain(std::iter::once("404.html".to_owned()))
        .find(|page| output.get(page).is_some())
        .unwrap_or_else(|| "404.html".to_owned())
}

/// HTML gets the reload script and, after a failed rebuild, the overlay; the rest is as built.
fn served_bytes(snapshot: &Snapshot, mime: &str, bytes: Cow<'_, [u8]>) -> Vec<u8> {
    if !mime.starts_with("text/html") {
        return bytes.into_owned();
    }
    let html = String::from_utf8_lossy(&bytes);
    inject(&html, snapshot.generation, snapshot.errors.as_deref()).into_bytes()
}

/// Inserts the reload script, and the overlay when there are errors, before `</body>`.
pub fn inject(html: &str, generation: u64, errors: Option<&str>) -> String {
    let mut extra = String::new();
    if let Some(errors) = errors {
        extra.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{OVERLAY_CSS}\"><div class=\"hubsite-overlay\" role=\"alert\">\
             <h2>The site has problems</h2><pre>{}</pre>\
             <p>You are seeing the last good build. Fix the files above and this page will reload.</p></div>",
            escape(errors)
        ));
    }
    extra.push_str(&format!(
        "<script src=\"{RELOAD_JS}\" data-generation=\"{generation}\" defer></script>"
    ));
    let at = html.rfind("</body>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + extra.len());
    out.push_str(&html[..at]);
    out.push_str(&extra);
    out.push_str(&html[at..]);
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Waits for a generation newer than `since`, then says what the page `page` should do.
fn answer_changes(request: Request, shared: &Shared) {
    let query = request.url().split_once('?').map_or("", |(_, q)| q);
    let since = query_value(query, "since")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let page = query_value(query, "page").unwrap_or_else(|| "/".into());
    let snapshot = shared.wait_newer(since, POLL);
    let body = changes_json(&snapshot, since, &page);
    send(request, Reply::ok("application/json", body));
}

/// The change feed's answer: the generation now, and what to do.
pub fn changes_json(snapshot: &Snapshot, since: u64, page: &str) -> String {
    let action = if snapshot.generation == since {
        "none"
    } else if snapshot.generation != since + 1 {
        // Missed a change, or the server restarted: reload to be sure.
        "reload"
    } else {
        let file = match resolve(&snapshot.output, page) {
            Some(Resolved::File(path)) => Some(path),
            _ => None,
        };
        snapshot
            .change
            .action_for(Some(file.as_deref().unwrap_or("404.html")))
            .as_str()
    };
    format!(
        "{{\"generation\":{},\"action\":\"{action}\"}}",
        snapshot.generation
    )
}

fn query_value(query: &str, key: &str) -> Option<String> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
        .and_then(percent_decode)
}

fn send(request: Request, reply: Reply) {
    let mut response = Response::from_data(reply.body).with_status_code(reply.status);
    let headers = [
        Some(("Content-Type", reply.mime.to_owned())),
        Some(("Cache-Control", "no-store".to_owned())),
        reply.location.map(|l| ("Location", l)),
        // A refused request's connection is closed, so that it holds none of tiny_http's
        // threads (one per open connection) longer than it must.
        matches!(reply.status, 431 | 503).then(|| ("Connection", "close".to_owned())),
    ];
    for (name, value) in headers.into_iter().flatten() {
        if let Ok(header) = Header::from_bytes(name, value) {
            response.add_header(header);
        }
    }
    let _ = request.respond(response);
}

/// What a URL path names in the output.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// This output file.
    File(String),
    /// A folder asked for without its slash: send the browser here.
    Redirect(String),
}

/// The output file a URL names; `None` for anything that is not in the site or that would
/// climb out of it (`..`, encoded or not, backslashes, NUL). A site hosted under a folder
/// (`/familyhub/`) is served under it, as its host will serve it: `/` and the folder without
/// its slash lead to it, and other paths outside it are not found.
pub fn resolve(output: &Output, url: &str) -> Option<Resolved> {
    let raw = url.split(['?', '#']).next().unwrap_or("/");
    let urls = &output.urls;
    if !urls.base_path().is_empty() && (raw == "/" || raw == urls.base_path()) {
        return Some(Resolved::Redirect(urls.root()));
    }
    let raw = urls.site_path(raw)?;
    let decoded = percent_decode(raw)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            part => parts.push(part),
        }
    }
    let path = parts.join("/");
    let index = if path.is_empty() {
        "index.html".to_owned()
    } else {
        format!("{path}/index.html")
    };
    if decoded.ends_with('/') || path.is_empty() {
        return output.get(&index).map(|_| Resolved::File(index));
    }
    if output.get(&path).is_some() {
        Some(Resolved::File(path))
    } else {
        output
            .get(&index)
            .map(|_| Resolved::Redirect(urls.href(&format!("/{path}/")).into_owned()))
    }
}

/// The bytes of output file `path`: generated ones from memory, static ones from their source.
pub fn file_bytes<'a>(output: &'a Output, path: &str) -> Option<Cow<'a, [u8]>> {
    match &output.get(path)?.contents {
        Contents::Bytes(bytes) => Some(Cow::Borrowed(bytes)),
        Contents::Asset(AssetSource::Embedded(bytes)) => Some(Cow::Borrowed(bytes)),
        Contents::Asset(AssetSource::Disk(file)) => std::fs::read(file).ok().map(Cow::Owned),
        // `serve` builds into memory: no page of its output was written.
        Contents::Written(_) => None,
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file, by extension.
pub fn mime_type(path: &Path) -> &'static str {
    let guessed = mime_guess::from_path(path)
        .first_raw()
        .unwrap_or("application/octet-stream");
    // Every text file hubsite writes is UTF-8: say so for those a browser decodes as text.
    // JavaScript as RFC 9239 names it (mime_guess still says `application/javascript`).
    match guessed {
        "text/html" => "text/html; charset=utf-8",
        "text/css" => "text/css; charset=utf-8",
        "text/javascript" | "application/javascript" => "text/javascript; charset=utf-8",
        "text/plain" => "text/plain; charset=utf-8",
        "text/calendar" => "text/calendar; charset=utf-8",
        "text/csv" => "text/csv; charset=utf-8",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::OutputFile;

    fn output(paths: &[&str]) -> Output {
        let mut files: Vec<_> = paths
            .iter()
            .map(|p| OutputFile {
                path: p.to_string(),
                contents: Contents::Bytes(format!("<body>{p}</body>").into_bytes().into()),
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Output {
            files,
            page_count: 0,
            urls: Default::default(),
        }
    }

    #[test]
    fn paths_that_climb_out_are_refused() {
        let site = output(&["index.html", "a/index.html", "css/site.css"]);
        let file = |p: &str| Some(Resolved::File(p.to_owned()));
        assert_eq!(resolve(&site, "/"), file("index.html"));
        assert_eq!(resolve(&site, "/a/?x=1"), file("a/index.html"));
        assert_eq!(resolve(&site, "/a"), Some(Resolved::Redirect("/a/".into())));
        assert_eq!(resolve(&site, "/css/site.css"), file("css/site.css"));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/%2E%2E/%2e%2e/x",
            "/a\\..\\b",
            "/a%5c..%5cb",
            "/%2",
            "/a%00",
            "/a/..%2f..%2fb",
            "/%252e%252e/index.html",
            "/a/%5c..%5c..%5cindex.html",
        ] {
            assert_eq!(resolve(&site, bad), None, "{bad}");
        }
        assert_eq!(resolve(&site, "/missing"), None);
    }

    #[test]
    fn the_script_goes_before_the_body_ends_and_errors_are_escaped() {
        let html = inject("<body><p>x</p></body></html>", 7, Some("a.md:1:2: <bad>"));
        assert!(
            html.contains("data-generation=\"7\" defer></script></body></html>"),
            "{html}"
        );
        assert!(html.contains("a.md:1:2: &lt;bad&gt;"));
        assert!(!html.contains("style="));
        assert!(!inject("<body></body>", 1, None).contains("hubsite-overlay"));
    }

    #[test]
    fn a_missing_page_gets_the_404_page_of_its_folder_or_the_sites() {
        let snapshot = Snapshot {
            output: Arc::new(output(&[
                "index.html",
                "404.html",
                "cy/404.html",
                "cy/index.html",
            ])),
            ..Snapshot::default()
        };
        let body = |url: &str| {
            let reply = respond(&snapshot, url);
            assert_eq!(reply.status, 404, "{url}");
            String::from_utf8(reply.body).unwrap()
        };
        assert!(body("/cy/dim-tudalen/").contains("<body>cy/404.html"));
        assert!(body("/cy/a/b/c.html").contains("<body>cy/404.html"));
        assert!(body("/cyan/").contains("<body>404.html"));
        assert!(body("/nope/").contains("<body>404.html"));
    }

    #[test]
    fn only_html_is_changed_when_served() {
        let snapshot = Snapshot {
            output: Arc::new(output(&["index.html", "css/site.css"])),
            ..Snapshot::default()
        };
        assert_eq!(
            respond(&snapshot, "/css/site.css").body,
            b"<body>css/site.css</body>"
        );
        let page = respond(&snapshot, "/");
        assert!(String::from_utf8(page.body).unwrap().contains(RELOAD_JS));
        let missing = respond(&snapshot, "/nope/");
        assert_eq!(missing.status, 404);
        assert_eq!(
            mime_type(Path::new("a.ics")),
            "text/calendar; charset=utf-8"
        );
    }

    #[test]
    fn content_types_come_from_mime_guess_with_utf8_for_text() {
        for (path, mime) in [
            ("index.html", "text/html; charset=utf-8"),
            ("css/site.css", "text/css; charset=utf-8"),
            ("js/search.js", "text/javascript; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("search/manifest.json", "application/json"),
            ("images/logo.svg", "image/svg+xml"),
            ("booklet.pdf", "application/pdf"),
            ("fonts/a.woff2", "font/woff2"),
            // Beyond the hand table this replaced: files a site may publish from static/.
            ("directory/services.csv", "text/csv; charset=utf-8"),
            ("media/welcome.mp4", "video/mp4"),
            ("images/photo.avif", "image/avif"),
            ("no-extension", "application/octet-stream"),
        ] {
            assert_eq!(mime_type(Path::new(path)), mime, "{path}");
        }
    }
}
