//! Untrusted text cannot inject script into pages, calendars or JSON: every payload of
//! `tests/xss/payloads.txt` is written into every text field of the fixture site
//! `tests/sites/xss/`, which is built and checked file by file (see tests/xss/README.md).

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// The payloads, with `\n` and `\r` turned into line feeds and carriage returns.
fn payloads() -> Vec<String> {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xss/payloads.txt")).unwrap();
    text.lines().filter(|l| !l.is_empty()).map(|l| l.replace("\\n", "\n").replace("\\r", "\r")).collect()
}

/// A TOML string holding `text` exactly.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// The generated files of the fixture: for each payload, a session (every text field, and a
/// Markdown description beside it) and a page (title and summary). Path → contents.
fn fixture_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (n, payload) in payloads().iter().enumerate() {
        let p = toml_string(payload);
        let session = format!(
            "title = {p}\nsummary = {p}\nnote = {p}\nstart = 2024-03-26T10:00:00\nduration = \"1h\"\nformat = \"hybrid\"\n\
             \n[venue]\nname = {p}\naddress = {p}\npostcode = {p}\naccess = [{p}]\n\
             \n[online]\nplatform = {p}\n\
             \n[accessibility]\nlanguages = [{p}]\nnotes = {p}\n\
             \n[[hosts]]\nname = \"Host {n}\"\nrole = {p}\norganisation = {p}\n"
        );
        files.push((format!("sessions/xss/payload-{n:02}.toml"), session));
        files.push((format!("sessions/xss/payload-{n:02}.md"), format!("{payload}\n\n{payload}\n")));
        files.push((
            format!("content/payloads/payload-{n:02}.md"),
            format!("+++\ntitle = {p}\nsummary = {p}\n+++\nA page whose title and summary are hostile.\n"),
        ));
    }
    files
}

#[test]
fn the_xss_fixture_holds_every_payload() {
    let root = fixture("xss");
    let update = std::env::var_os("XSS_UPDATE").is_some();
    let files = fixture_files();
    for folder in ["sessions/xss", "content/payloads"] {
        for entry in fs::read_dir(root.join(folder)).unwrap().filter_map(Result::ok) {
            let path = format!("{folder}/{}", entry.file_name().to_string_lossy());
            if path.contains("/payload-") && !files.iter().any(|(p, _)| *p == path) {
                if update {
                    fs::remove_file(entry.path()).unwrap();
                } else {
                    panic!("{path} holds no payload any more: run XSS_UPDATE=1 cargo test --test xss the_xss_fixture");
                }
            }
        }
    }
    for (path, contents) in files {
        let target = root.join(&path);
        if update {
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::write(&target, &contents).unwrap();
        }
        let committed = fs::read_to_string(&target).unwrap_or_default();
        assert!(committed == contents, "{path} is out of date: run XSS_UPDATE=1 cargo test --test xss the_xss_fixture");
    }
}

#[test]
fn payloads_render_inert_in_every_output() {
    let site = scratch_copy("xss");
    build(site.path()).expect("the xss fixture builds");
    let public = site.path().join("public");
    let mut checked = 0;
    for (path, bytes) in read_tree(&public) {
        let text = String::from_utf8_lossy(&bytes);
        let problems = match path.rsplit('.').next().unwrap_or("") {
            "html" => html_problems(&text),
            "ics" => ics_problems(&text),
            "json" => json_problems(&text),
            "xml" => xml_problems(&text),
            _ => continue,
        };
        assert!(problems.is_empty(), "{path}:\n{}", problems.join("\n"));
        checked += 1;
    }
    assert!(checked > 2 * payloads().len(), "every session and page was checked");
    let session = read_output(site.path(), "sessions/xss/payload-00/index.html");
    assert!(session.contains("&lt;script&gt;window.__xss=1"), "payloads are shown as text");
}

#[test]
fn script_urls_in_url_fields_are_refused() {
    let site = scratch_copy("xss");
    let session = "title = \"Links\"\nstart = 2024-03-26T10:00:00\nduration = \"1h\"\nformat = \"online\"\n\
                   recording = \"javascript:alert(1)\"\n\n[online]\njoin_url = \"JAVASCRIPT:alert(2)\"\n\n\
                   [booking]\nurl = \"data:text/html,<script>alert(3)</script>\"\n";
    fs::write(site.path().join("sessions/xss/links.toml"), session).unwrap();
    let error = build(site.path()).unwrap_err().to_string();
    for field in ["links.toml:5:13:", "links.toml:8:12:", "links.toml:11:7:"] {
        assert!(error.contains(&format!("sessions/xss/{field}")), "{field} in\n{error}");
    }
}

/// Every tag of a page, as (name, attributes) with lowercased names.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        found.push(parse_tag(&rest[..end]));
        rest = &rest[end..];
    }
    found
}

/// `a href="x" class="y"` → ("a", [("href", "x"), ("class", "y")]). Values are quoted with `"`
/// by the theme and by pulldown-cmark; anything else shows up as a strange attribute name.
fn parse_tag(tag: &str) -> (String, Vec<(String, String)>) {
    let name_end = tag.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(tag.len());
    let mut attributes = Vec::new();
    let mut rest = tag[name_end..].trim_start_matches(['/', ' ', '\n', '\t']);
    while !rest.is_empty() {
        let key_end = rest.find(|c: char| c == '=' || c.is_whitespace() || c == '/').unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = &rest[key_end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix("=\"") {
            let close = after.find('"').unwrap_or(after.len());
            value = after[..close].to_owned();
            rest = after.get(close + 1..).unwrap_or("");
        } else if let Some(after) = rest.strip_prefix('=') {
            let close = after.find(char::is_whitespace).unwrap_or(after.len());
            value = after[..close].to_owned();
            rest = &after[close..];
        }
        if !key.is_empty() {
            attributes.push((key, value));
        }
        rest = rest.trim_start_matches(['/', ' ', '\n', '\t']);
    }
    (tag[..name_end].to_ascii_lowercase(), attributes)
}

/// A URL that stays on this site, or a data: image (allowed by the pages' CSP).
fn loads_from_this_site(url: &str) -> bool {
    (url.starts_with('/') && !url.starts_with("//")) || url.is_empty() || url.starts_with("data:image/png")
}

fn html_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, attributes) in tags(html) {
        let attribute = |key: &str| attributes.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        match name.as_str() {
            // The theme's own search box is the one form a page may hold.
            "form" if attributes.iter().any(|(k, v)| k == "action" && v == "/search/") => {}
            "iframe" | "object" | "embed" | "base" | "style" | "form" | "math" | "frame" => {
                problems.push(format!("a <{name}> element"));
            }
            "script" => match (attribute("src"), attribute("type")) {
                (Some(src), None) if loads_from_this_site(src) => {}
                (None, Some("application/ld+json")) => {}
                _ => problems.push(format!("a script that is not the theme's: {attributes:?}")),
            },
            "meta" if attribute("http-equiv").is_some() => {
                let strict = attribute("content").is_some_and(|c| c.contains("script-src 'self';") && !c.contains("unsafe"));
                if attribute("http-equiv") != Some("Content-Security-Policy") || !strict {
                    problems.push(format!("a <meta http-equiv> that is not the strict policy: {attributes:?}"));
                }
            }
            // Canonical and alternate links name addresses; they load nothing.
            "link" if !attribute("href").is_some_and(loads_from_this_site)
                && !matches!(attribute("rel"), Some("alternate" | "canonical")) =>
            {
                problems.push(format!("a <link> to another site: {attributes:?}"))
            }
            "img" | "source" | "video" | "audio" if !attribute("src").is_none_or(loads_from_this_site) => {
                problems.push(format!("<{name}> loads from another site: {attributes:?}"))
            }
            _ => {}
        }
        for (key, value) in &attributes {
            let squeezed: String = value.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            if key.starts_with("on") || key == "style" || key == "srcdoc" || key.contains(['"', '\'', '<', '=']) {
                problems.push(format!("attribute `{key}` on <{name}>"));
            }
            if ["javascript:", "vbscript:", "data:text"].iter().any(|s| squeezed.starts_with(s)) {
                problems.push(format!("a script URL in `{key}` on <{name}>: {value}"));
            }
        }
    }
    problems.extend(json_ld_problems(html));
    problems
}

/// JSON-LD blocks parse as JSON and hold no `<`, so nothing can close the script element.
fn json_ld_problems(html: &str) -> Vec<String> {
    let opening = "<script type=\"application/ld+json\">";
    let mut problems = Vec::new();
    for block in html.split(opening).skip(1) {
        let json = &block[..block.find("</script>").unwrap_or(block.len())];
        if json.contains('<') {
            problems.push("a `<` inside JSON-LD".into());
        }
        problems.extend(json_problems(json));
    }
    problems
}

fn json_problems(json: &str) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(_) => Vec::new(),
        Err(error) => vec![format!("JSON that does not parse: {error}")],
    }
}

fn xml_problems(xml: &str) -> Vec<String> {
    let lower = xml.to_ascii_lowercase();
    ["<script", "<img", "<svg", "<iframe", "javascript:"]
        .iter()
        .filter(|needle| lower.contains(*needle))
        .map(|needle| format!("`{needle}` in XML"))
        .collect()
}

/// Properties a calendar of this fixture may hold; a payload that adds a line adds another.
const ICS_PROPERTIES: &[&str] = &[
    "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME", "UID", "DTSTAMP", "SEQUENCE",
    "SUMMARY", "DTSTART", "DTEND", "URL", "DESCRIPTION", "LOCATION", "STATUS",
];

fn ics_problems(ics: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let bytes = ics.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let bare_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        let bare_lf = b == b'\n' && (i == 0 || bytes[i - 1] != b'\r');
        if bare_cr || bare_lf {
            problems.push(format!("a bare {} at byte {i}", if bare_cr { "CR" } else { "LF" }));
        }
    }
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    let mut starts_in_event = 0;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let name = line.split([':', ';']).next().unwrap_or("");
        if !ICS_PROPERTIES.contains(&name) {
            problems.push(format!("an unexpected calendar line: {line}"));
        }
        if line.starts_with("BEGIN:") && line != "BEGIN:VEVENT" && line != "BEGIN:VCALENDAR" {
            problems.push(format!("an unexpected component: {line}"));
        }
        match name {
            "BEGIN" => starts_in_event = 0,
            "DTSTART" => {
                starts_in_event += 1;
                if starts_in_event > 1 {
                    problems.push("a second DTSTART in one event".into());
                }
            }
            _ => {}
        }
    }
    problems
}

#[test]
fn the_checks_catch_what_they_look_for() {
    assert!(!html_problems("<p><img src=x onerror=alert(1)></p>").is_empty());
    assert!(!html_problems("<a href=\"javascript:alert(1)\">x</a>").is_empty());
    assert!(!html_problems("<a href=\" java script:x\">x</a>").is_empty());
    assert!(!html_problems("<script>alert(1)</script>").is_empty());
    assert!(!html_problems("<form action=\"https://evil.example/\">").is_empty());
    assert!(!html_problems("<div style=\"display:none\">").is_empty());
    assert!(!html_problems("<img src=\"https://tracker.example/p.gif\">").is_empty());
    assert!(!html_problems("<script type=\"application/ld+json\">{\"a\": \"</script><script>\"}</script>").is_empty());
    assert!(html_problems("<p>&lt;script&gt;</p><script src=\"/js/site.js\" defer></script>").is_empty());
    assert!(!ics_problems("BEGIN:VEVENT\r\nSUMMARY:a\nATTACH:x\r\nEND:VEVENT\r\n").is_empty());
    assert!(!ics_problems("BEGIN:VEVENT\r\nSUMMARY:a\r\nATTACH:x\r\nEND:VEVENT\r\n").is_empty());
    assert!(ics_problems("BEGIN:VEVENT\r\nSUMMARY:a\\nATTACH:x\r\n  folded\r\nEND:VEVENT\r\n").is_empty());
}
