//! `hubsite serve`: builds the site and serves the output folder on the local machine.
//! Live reload and incremental rebuilds arrive with the serve issue; this serves one build.

use std::fs;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};

use tiny_http::{Header, Response, Server};

/// Serves `dir` at `address` until the process ends.
pub fn serve_folder(dir: &Path, address: SocketAddr) -> Result<(), String> {
    let server = Server::http(address).map_err(|e| format!("cannot listen on {address}: {e}"))?;
    eprintln!("Serving {} at http://{address}/ (Ctrl+C to stop)", dir.display());
    for request in server.incoming_requests() {
        let (status, body, mime) = match resolve(dir, request.url()) {
            Some(path) => match fs::read(&path) {
                Ok(bytes) => (200, bytes, mime_type(&path)),
                Err(_) => not_found(dir),
            },
            None => not_found(dir),
        };
        let header = Header::from_bytes("Content-Type", mime).expect("static header is valid");
        let _ = request.respond(Response::from_data(body).with_status_code(status).with_header(header));
    }
    Ok(())
}

fn not_found(dir: &Path) -> (u16, Vec<u8>, &'static str) {
    (404, fs::read(dir.join("404.html")).unwrap_or_else(|_| b"Not found".to_vec()), "text/html; charset=utf-8")
}

/// The file a URL path names inside `dir`; `None` for anything that would leave it.
pub fn resolve(dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut file = dir.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
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
    String::from_utf8(out).ok().filter(|s| !s.contains('\0'))
}

/// The Content-Type for a file, by extension.
pub fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_climb_out_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("index.html"), "home").unwrap();
        assert!(resolve(dir.path(), "/").is_some());
        assert!(resolve(dir.path(), "/../etc/passwd").is_none());
        assert!(resolve(dir.path(), "/%2e%2e/etc/passwd").is_none());
        assert!(resolve(dir.path(), "/%2").is_none());
    }
}
