//! `hubsite serve` under load and abuse (issue 25): many pages waiting for changes, clients
//! that send or read slowly, oversized headers and encoded attempts to climb out of the site
//! each get the right answer, and page requests are still answered.

mod common;

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hubsite::serve::LiveSite;
use hubsite::serve::server::{MAX_WAITING_POLLS, bind, run};

/// Serves the council site (under /familyhub/) on a free port, on a thread of its own.
fn serve_council() -> (tempfile::TempDir, SocketAddr) {
    let site = common::scratch_copy("council");
    let live = LiveSite::start(common::options(site.path()));
    let (server, address) = bind(IpAddr::V4(Ipv4Addr::LOCALHOST), 0).unwrap();
    let shared = Arc::clone(live.shared());
    std::thread::spawn(move || {
        let _live = live;
        run(&server, &shared);
    });
    (site, address)
}

fn connect(address: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
}

/// The status of a GET of `path` with `extra` header lines, or 0 if the server closed the
/// connection without an answer.
fn status(address: SocketAddr, path: &str, extra: &str) -> (u16, String) {
    let mut stream = connect(address);
    let _ = write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\n{extra}Connection: close\r\n\r\n"
    );
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let code = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (code, text)
}

#[test]
fn many_waiting_reload_polls_leave_pages_answered() {
    let (_site, address) = serve_council();
    assert_eq!(status(address, "/familyhub/", "").0, 200);
    let polls: Vec<TcpStream> = (0..MAX_WAITING_POLLS * 3)
        .map(|_| {
            let mut stream = connect(address);
            write!(
                stream,
                "GET /__hubsite/changes?since=1&page=/familyhub/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
            )
            .unwrap();
            // As pages open over time. (A burst of connections in the same instant waits
            // behind busy ones in tiny_http's thread pool until those time out.)
            std::thread::sleep(Duration::from_millis(20));
            stream
        })
        .collect();
    // The polls over the limit are told at once to come back later; the others wait.
    let started = Instant::now();
    let mut busy = vec![false; polls.len()];
    while busy.iter().filter(|b| **b).count() < polls.len() - MAX_WAITING_POLLS {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "only {} of the polls over the limit were refused",
            busy.iter().filter(|b| **b).count()
        );
        std::thread::sleep(Duration::from_millis(50));
        for (stream, refused) in polls.iter().zip(busy.iter_mut()) {
            let mut head = [0u8; 12];
            stream.set_nonblocking(true).unwrap();
            let peeked = stream.peek(&mut head);
            if !*refused && peeked.is_ok_and(|n| n == 12) {
                *refused = head.ends_with(b"503");
            }
        }
    }
    for _ in 0..10 {
        let started = Instant::now();
        assert_eq!(status(address, "/familyhub/self-help/", "").0, 200);
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "answered promptly"
        );
    }
}

#[test]
fn slow_clients_hold_up_no_one_else() {
    let (_site, address) = serve_council();
    // Sends half a request and stops.
    let mut half = connect(address);
    write!(half, "GET /familyhub/ HTTP/1.1\r\nHost: loc").unwrap();
    // Asks for pages and never reads them.
    let mut unread: Vec<TcpStream> = Vec::new();
    for _ in 0..8 {
        let mut stream = connect(address);
        for _ in 0..50 {
            let _ = write!(
                stream,
                "GET /familyhub/search/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
            );
        }
        unread.push(stream);
        std::thread::sleep(Duration::from_millis(20));
    }
    // At worst the responders wait out the send timeout on the unread connections.
    let started = Instant::now();
    let mut stream = connect(address);
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "GET /familyhub/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).unwrap();
    assert_eq!(&head, b"HTTP/1.1 200");
    assert!(started.elapsed() < Duration::from_secs(15));
    // The half-sent request's connection is closed once its client has been silent too long.
    let mut answer = String::new();
    half.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let closed = half.read_to_string(&mut answer);
    assert!(
        closed.is_ok() && (answer.is_empty() || answer.starts_with("HTTP/1.1 408")),
        "{closed:?} {answer}"
    );
    drop(half);
    drop(unread);
}

#[test]
fn oversized_headers_are_refused_and_the_server_goes_on() {
    let (_site, address) = serve_council();
    let huge = format!("X-Filler: {}\r\n", "a".repeat(1 << 20));
    let (code, _) = status(address, "/familyhub/", &huge);
    assert_eq!(code, 431);
    assert_eq!(status(address, "/familyhub/", "").0, 200);
}

#[test]
fn encoded_paths_never_leave_the_site() {
    let (_site, address) = serve_council();
    for path in [
        "/familyhub/../../../../etc/passwd",
        "/familyhub/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/familyhub/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/familyhub/%252e%252e/%252e%252e/etc/passwd",
        "/familyhub/..%5c..%5c..%5cetc%5cpasswd",
        "/familyhub/..\\..\\etc\\passwd",
        "/familyhub/self-help/%2e%2e/%2e%2e/hubsite.toml",
        "/familyhub/%00",
        "/familyhub/%c0%ae%c0%ae/etc/passwd",
        "/etc/passwd",
    ] {
        let (code, text) = status(address, path, "");
        assert!(code == 404 || code == 400, "{path}: {code}\n{text}");
        assert!(!text.contains("root:"), "{path}");
        assert!(!text.contains("base_url"), "{path}");
    }
}
