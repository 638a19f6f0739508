//! The built site served by real web servers, as a council would publish it (issue 25): nginx
//! with the snippet hubsite gives (docs/publishing.md), Apache with the `.htaccess` hubsite
//! writes. Each serves the council site (hosted under /familyhub/) and must send every header
//! of `output::host::headers`, a year's caching on fingerprinted files, and the site's own 404
//! page.
//!
//! nginx and apache2 are Debian packages. Where one is not installed the test says so and
//! passes, except under CI=true once `scripts/test` installs them (then it must run).

mod common;

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use hubsite::output::host::{IMMUTABLE, headers, render_nginx};
use hubsite::site_url::SiteUrls;

const BASE_URL: &str = "https://council.example.gov.uk/familyhub/";

/// True when `program` can run here; otherwise says why the test does not run, or fails under
/// CI once `scripts/test` installs the servers.
fn available(program: &str) -> bool {
    if Command::new(program)
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
    {
        return true;
    }
    let installed_by_ci = include_str!("../scripts/test").contains(program);
    assert!(
        !(installed_by_ci && std::env::var("CI").as_deref() == Ok("true")),
        "{program} is installed by scripts/test but cannot run"
    );
    eprintln!("skipped: {program} is not installed (apt-get install nginx apache2)");
    false
}

/// The council site built into `<www>/familyhub/`, readable by a server's own user.
fn built_site() -> (tempfile::TempDir, PathBuf) {
    let site = common::scratch_copy("council");
    let www = site.path().join("www");
    let public = www.join("familyhub");
    let out = Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(["build", "--now", "2027-03-01T10:00:00Z", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Apache's workers run as www-data: the scratch folders are private by default.
    for dir in [site.path(), www.as_path()] {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
    (site, www)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A server process, stopped (politely, so its workers go too) when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .status();
        let _ = self.0.wait();
    }
}

/// A response: status, headers (names lowercased) and body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn get(port: u16, path: &str) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Answer {
        status,
        headers,
        body: body.to_owned(),
    }
}

fn wait_for(port: u16, log: &Path) {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the server did not start: {}",
            fs::read_to_string(log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// What every host must send for the site served on `port`.
fn check_site(port: u16, www: &Path) {
    let home = get(port, "/familyhub/");
    assert_eq!(home.status, 200, "{}", home.body);
    for (name, value) in headers() {
        assert_eq!(
            home.header(name),
            Some(value.as_str()),
            "{name} on the home page"
        );
    }
    let css = fs::read_dir(www.join("familyhub/css"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("site.") && name != "site.css")
        .expect("a fingerprinted style sheet");
    assert!(home.body.contains(&format!("/familyhub/css/{css}")));
    let sheet = get(port, &format!("/familyhub/css/{css}"));
    assert_eq!(sheet.status, 200);
    assert_eq!(sheet.header("Cache-Control"), Some(IMMUTABLE));
    assert!(
        sheet
            .header("Content-Type")
            .unwrap_or("")
            .starts_with("text/css")
    );
    assert_eq!(sheet.header("X-Content-Type-Options"), Some("nosniff"));
    let icon = get(port, "/familyhub/favicon.svg");
    assert_eq!(icon.status, 200);
    let missing = get(port, "/familyhub/no-such-page/");
    assert_eq!(missing.status, 404);
    let not_found = fs::read_to_string(www.join("familyhub/404.html")).unwrap();
    assert_eq!(missing.body, not_found, "the site's own 404 page");
    // The council site is also in Welsh: a missing Welsh page gets the Welsh 404 page.
    let missing = get(port, "/familyhub/cy/dim-tudalen/");
    assert_eq!(missing.status, 404);
    let welsh = fs::read_to_string(www.join("familyhub/cy/404.html")).unwrap();
    assert!(welsh.contains("<html lang=\"cy\""), "{welsh}");
    assert_eq!(missing.body, welsh, "the Welsh 404 page");
}

#[test]
fn nginx_serves_the_site_with_the_headers_and_the_404_page() {
    if !available("nginx") {
        return;
    }
    let (site, www) = built_site();
    let port = free_port();
    let dir = site.path().join("nginx");
    fs::create_dir_all(dir.join("tmp")).unwrap();
    let urls = SiteUrls::parse(BASE_URL).unwrap();
    let snippet = render_nginx(&urls, &www.to_string_lossy(), &["cy".to_owned()]);
    let conf = format!(
        "user root;\nworker_processes 1;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
         events {{}}\nhttp {{\n  include /etc/nginx/mime.types;\n  access_log off;\n  \
         client_body_temp_path {d}/tmp;\n  proxy_temp_path {d}/tmp;\n  fastcgi_temp_path {d}/tmp;\n  \
         uwsgi_temp_path {d}/tmp;\n  scgi_temp_path {d}/tmp;\n  server {{\n    listen 127.0.0.1:{port};\n{snippet}  }}\n}}\n",
        d = dir.display()
    );
    fs::write(dir.join("nginx.conf"), conf).unwrap();
    let child = Command::new("nginx")
        .arg("-p")
        .arg(&dir)
        .arg("-c")
        .arg(dir.join("nginx.conf"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _server = Server(child);
    wait_for(port, &dir.join("error.log"));
    check_site(port, &www);
}

#[test]
fn apache_serves_the_site_with_its_htaccess() {
    if !available("apache2") {
        return;
    }
    let (site, www) = built_site();
    let port = free_port();
    let dir = site.path().join("apache");
    fs::create_dir_all(&dir).unwrap();
    let modules = "/usr/lib/apache2/modules";
    let conf = format!(
        "ServerRoot {d}\nServerName localhost\nListen 127.0.0.1:{port}\nPidFile {d}/httpd.pid\n\
         ErrorLog {d}/error.log\n\
         LoadModule mpm_event_module {modules}/mod_mpm_event.so\n\
         LoadModule authz_core_module {modules}/mod_authz_core.so\n\
         LoadModule headers_module {modules}/mod_headers.so\n\
         LoadModule mime_module {modules}/mod_mime.so\n\
         LoadModule dir_module {modules}/mod_dir.so\n\
         TypesConfig /etc/mime.types\nUser www-data\nGroup www-data\nDirectoryIndex index.html\n\
         DocumentRoot {www}\n<Directory {www}>\n  AllowOverride FileInfo\n  Require all granted\n</Directory>\n",
        d = dir.display(),
        www = www.display(),
    );
    fs::write(dir.join("httpd.conf"), conf).unwrap();
    let child = Command::new("apache2")
        .arg("-f")
        .arg(dir.join("httpd.conf"))
        .arg("-DFOREGROUND")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _server = Server(child);
    wait_for(port, &dir.join("error.log"));
    check_site(port, &www);
}

#[test]
fn the_nginx_snippet_in_the_docs_is_the_one_hubsite_makes() {
    let docs = include_str!("../docs/publishing.md");
    let root = SiteUrls::parse("https://hub.example.org/").unwrap();
    let snippet = render_nginx(&root, "/var/www/hub", &[]);
    assert!(
        docs.contains(&snippet),
        "docs/publishing.md should show, as it is:\n{snippet}"
    );
}
