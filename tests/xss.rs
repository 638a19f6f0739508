//! Untrusted text cannot inject script into pages, calendars or JSON: every payload of
//! `tests/xss/payloads.txt` is written into every text field of the fixture site
//! `tests/sites/xss/`, which is built and checked file by file (see tests/xss/README.md).

mod common;

use std::fs;
use std::path::Path;

use common::*;
use hubsite::import::{ImportOptions, import_oruk};

/// The payloads, with `\n`, `\r` and `\t` turned into line feeds, carriage returns and tabs.
fn payloads() -> Vec<String> {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xss/payloads.txt")).unwrap();
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t"))
        .collect()
}

/// A TOML string holding `text` exactly.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// The generated files of the fixture: for each payload, a session (every text field, and a
/// Markdown description beside it), a page (title and summary), a directory service (every
/// text field) and a topic. Path → contents.
fn fixture_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut topics = String::new();
    for (n, payload) in payloads().iter().enumerate() {
        let p = toml_string(payload);
        files.push((format!("sessions/xss/payload-{n:02}.toml"), session_file(n, &p)));
        files.push((format!("sessions/xss/payload-{n:02}.md"), format!("{payload}\n\n{payload}\n")));
        files.push((
            format!("content/payloads/payload-{n:02}.md"),
            format!("+++\ntitle = {p}\nsummary = {p}\ndate = 2024-02-20\ntopics = [\"payload-{n:02}\"]\n+++\nA page whose title and summary are hostile.\n"),
        ));
        files.push((format!("content/directory/payload-{n:02}.toml"), service_file(n, payload)));
        topics.push_str(&format!("[[topic]]\nslug = \"payload-{n:02}\"\nname = {p}\ndescription = {p}\n\n"));
    }
    files.push(("content/topics.toml".into(), topics));
    files
}

fn session_file(n: usize, p: &str) -> String {
    format!(
        "title = {p}\nsummary = {p}\nnote = {p}\nstart = 2024-03-26T10:00:00\nduration = \"1h\"\nformat = \"hybrid\"\n\
         \n[venue]\nname = {p}\naddress = {p}\npostcode = {p}\naccess = [{p}]\n\
         \n[online]\nplatform = {p}\n\
         \n[accessibility]\nlanguages = [{p}]\nnotes = {p}\n\
         \n[[hosts]]\nname = \"Host {n}\"\nrole = {p}\norganisation = {p}\n"
    )
}

/// A service with the payload in every free-text field. Fields whose shape is checked (web
/// address, email, phone, postcode) hold values that pass the check yet try to break out of
/// an attribute or a URL; the checks refusing everything else are tested in tests/directory.rs.
fn service_file(n: usize, payload: &str) -> String {
    let p = toml_string(payload);
    let description = toml_string(&format!("{payload}\n\n{payload}\n\n[more]({payload})\n"));
    let website = toml_string(&format!("https://example.org/{n}?q=%22%3E%3Cscript%3Ealert({n})%3C/script%3E&x=javascript:alert({n})#%27onmouseover=alert({n})"));
    format!(
        "name = {p}\norganisation = {p}\nsummary = {p}\ndescription = {description}\n\
         level = \"targeted\"\ncategories = [\"peer-support\"]\ntopics = [\"payload-{n:02}\"]\naccess = [\"drop-in\"]\n\
         delivery = [\"in-person\", \"online\"]\nreferral = {p}\neligibility = {p}\nmin_age = 0\nmax_age = 18\n\
         languages = [{p}]\narea = {p}\nlast_reviewed = 2024-02-01\n\
         \n[cost]\nfree = false\ndescription = {p}\n\
         \n[contact]\nphone = \"+44 (0)1632 960-{n:03}\"\nemail = \"x&y=z+'{n}@example.org\"\nwebsite = {website}\n\
         \n[[locations]]\nname = {p}\naddress = {p}\npostcode = \"ub1 3ab\"\nlatitude = 51.5\nlongitude = -0.27\naccessibility = [{p}]\n\
         \n[[schedule]]\ndays = [\"monday\", \"saturday\"]\nopens = \"10:00\"\ncloses = \"12:00\"\nlocation = {p}\nnote = {p}\n"
    )
}

#[test]
fn the_xss_fixture_holds_every_payload() {
    let root = fixture("xss");
    let update = std::env::var_os("XSS_UPDATE").is_some();
    let files = fixture_files();
    for folder in ["sessions/xss", "content/payloads", "content/directory"] {
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
    let checked = assert_inert(&site.path().join("public"));
    for n in 0..payloads().len() {
        for page in ["sessions/xss/payload-{n}/index.html", "payloads/payload-{n}/index.html", "directory/payload-{n}/index.html"] {
            let page = page.replace("{n}", &format!("{n:02}"));
            assert!(checked.contains(&page), "{page} was not checked");
        }
    }
    for output in ["directory/directory.csv", "directory/oruk/services-full.json", "sessions/xss/week.ics", "sitemap.xml", "payloads/atom.xml"] {
        assert!(checked.iter().any(|p| p == output), "{output} was not checked");
    }
    assert!(checked.iter().any(|p| p.starts_with("search/d/")), "the search records were checked");
    let session = read_output(site.path(), "sessions/xss/payload-00/index.html");
    assert!(session.contains("&lt;script&gt;window.__xss=1"), "payloads are shown as text");
}

/// The fixture's negative control: a page whose organisers' template runs script on purpose.
const CONTROL: &str = "xss-control/index.html";

/// Checks every output file under `public` by its kind; returns the paths checked. The
/// negative control, if present, must be caught.
fn assert_inert(public: &Path) -> Vec<String> {
    let mut checked = Vec::new();
    for (path, bytes) in read_tree(public) {
        let text = String::from_utf8_lossy(&bytes);
        let problems = match path.rsplit('.').next().unwrap_or("") {
            "html" => html_problems(&text),
            "ics" => ics_problems(&text),
            "json" if path.starts_with("search/d/") => search_record_problems(&text),
            "json" => json_problems(&text),
            "csv" => csv_problems(&text),
            "xml" => xml_problems(&text),
            _ => continue,
        };
        if path == CONTROL {
            assert!(problems.iter().any(|p| p.contains("a script that is not the theme's")), "the control's inline script is caught: {problems:?}");
        } else {
            assert!(problems.is_empty(), "{path}:\n{}", problems.join("\n"));
        }
        checked.push(path);
    }
    checked
}

#[test]
fn hostile_oruk_imports_render_inert() {
    let site = scratch_copy("xss");
    let feed = site.path().join("feed.json");
    let services: Vec<serde_json::Value> = payloads().iter().enumerate().map(|(n, p)| hostile_oruk_service(n, p)).collect();
    fs::write(&feed, serde_json::json!({ "contents": services }).to_string()).unwrap();
    let options = ImportOptions { root: site.path().to_path_buf(), file: feed, force: false };
    let report = import_oruk(&options).expect("the import runs");
    assert!(report.skipped.is_empty(), "every hostile service is imported: {:?}", report.skipped);
    assert_eq!(report.created.len(), payloads().len());
    for created in &report.created {
        let name = created.strip_prefix("content/directory/").and_then(|n| n.strip_suffix(".toml")).unwrap_or("");
        assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{created}");
    }
    build(site.path()).expect("the imported services build");
    let checked = assert_inert(&site.path().join("public"));
    let pages = checked.iter().filter(|p| p.starts_with("directory/") && p.ends_with("/index.html")).count();
    assert!(pages > 2 * payloads().len(), "the imported services' pages were checked ({pages})");
    let first = report.created[0].trim_start_matches("content/").trim_end_matches(".toml");
    let page = read_output(site.path(), &format!("{first}/index.html"));
    assert!(page.contains("&lt;script&gt;window.__xss=1"), "the imported payload is shown as text on {first}");
}

/// An ORUK service as another directory might publish it, with the payload in every text
/// field, in the `hubsite` extension, and (where it passes the checks) in its addresses.
fn hostile_oruk_service(n: usize, payload: &str) -> serde_json::Value {
    serde_json::json!({
        "id": format!("../../{payload}"),
        "name": format!("{payload} {n}"),
        "description": format!("{payload}\n\n{payload}\n\n<p onclick=\"alert({n})\">{payload}</p>"),
        "url": format!("https://example.org/{n}?q=%3Cscript%3E#javascript:alert({n})"),
        "email": format!("x&y=z+'{n}@example.org"),
        "status": "active",
        "fees": payload,
        "assured_date": "2024-01-01",
        "organization": { "name": payload, "description": payload },
        "languages": [{ "name": payload }],
        "service_areas": [{ "name": payload }],
        "cost_options": [{ "option": payload, "amount_description": payload }],
        "contacts": [{ "name": payload, "phones": [{ "number": "01632 960123" }] }],
        "service_at_locations": [{ "id": "here", "location": {
            "name": payload, "description": payload,
            "addresses": [{ "address_1": payload, "city": payload, "postal_code": "W3 6NE" }],
            "accessibility": [{ "description": payload }],
        }}],
        "schedules": [{ "byday": "MO,TU", "opens_at": "09:00", "closes_at": "12:00", "notes": payload, "service_at_location_id": "here" }],
        "attributes": [
            { "taxonomy_term": { "taxonomy": "hubsite-category", "term": "counselling" } },
            { "taxonomy_term": { "taxonomy": "hubsite-topic", "term": payload } },
            { "taxonomy_term": { "taxonomy": payload, "term": payload } },
        ],
        "hubsite": { "id": payload, "eligibility": payload, "referral": payload },
    })
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

/// A URL that stays on this site (a path, absolute or relative), or a data: image (allowed
/// by the pages' CSP). Read as browsers read it: tabs and line breaks are dropped, spaces
/// trimmed, and `\` counts as `/`, so `/\evil.example` leaves the site.
fn loads_from_this_site(url: &str) -> bool {
    let url: String = url.trim().chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect::<String>().replace('\\', "/");
    let scheme_end = url.find(':').filter(|&colon| url.find(['/', '?', '#']).is_none_or(|path| colon < path));
    match scheme_end {
        Some(_) => url.starts_with("data:image/png"),
        None => !url.starts_with("//"),
    }
}

/// The forms the theme writes: (action, its `data-` attribute).
const THEME_FORMS: &[(&str, &str)] = &[
    ("/search/", "data-site-search"),
    ("/search/", "data-search-form"),
    ("/directory/", "data-directory-filter"),
];

fn theme_marker(attributes: &[(String, String)]) -> &str {
    attributes.iter().map(|(k, _)| k.as_str()).find(|k| k.starts_with("data-")).unwrap_or("")
}

fn html_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, attributes) in tags(html) {
        let attribute = |key: &str| attributes.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        match name.as_str() {
            // The theme's own forms (search box, search page, directory filters), marked as such.
            "form" if THEME_FORMS.contains(&(attribute("action").unwrap_or(""), theme_marker(&attributes))) => {}
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

/// A search record (what search.js shows for a hit) parses, and its address stays on the site.
fn search_record_problems(json: &str) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(record) => match record["u"].as_str() {
            Some(url) if loads_from_this_site(url) && !url.is_empty() => Vec::new(),
            other => vec![format!("a search record whose address is not on this site: {other:?}")],
        },
        Err(error) => vec![format!("JSON that does not parse: {error}")],
    }
}

/// Every row has the heading's number of fields, and no field starts the way a spreadsheet
/// formula does (OWASP's list: `=`, `+`, `-`, `@`, tab, carriage return).
fn csv_problems(csv: &str) -> Vec<String> {
    let rows = match parse_csv(csv) {
        Ok(rows) => rows,
        Err(problem) => return vec![problem],
    };
    let mut problems = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        if row.len() != rows[0].len() {
            problems.push(format!("row {} has {} fields, the heading {}", n + 1, row.len(), rows[0].len()));
        }
        for field in row.iter().filter(|f| f.starts_with(['=', '+', '-', '@', '\t', '\r'])) {
            problems.push(format!("row {}: a field a spreadsheet would run as a formula: {field:?}", n + 1));
        }
    }
    problems
}

/// RFC 4180: rows end with CRLF; a field in quotes may hold commas, quotes (doubled) and line
/// breaks; a quote anywhere else is an error.
fn parse_csv(csv: &str) -> Result<Vec<Vec<String>>, String> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = csv.chars().peekable();
    let (mut quoted, mut at_field_start) = (false, true);
    while let Some(c) = chars.next() {
        let field_start = std::mem::replace(&mut at_field_start, false);
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => field.push(chars.next().unwrap_or('"')),
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field_start => quoted = true,
            (false, '"') => return Err(format!("a quote inside an unquoted field, row {}", rows.len() + 1)),
            (false, ',') => {
                row.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_field_start = true;
            }
            (false, '\r' | '\n') => return Err(format!("a bare line break in an unquoted field, row {}", rows.len() + 1)),
            (false, c) => field.push(c),
        }
    }
    if quoted || !field.is_empty() || !row.is_empty() {
        return Err("the last row is not ended by CRLF".into());
    }
    Ok(rows)
}

/// Sitemaps and Atom feeds: no markup but their own, no text a feed reader would render as
/// HTML (`type="html"` or `"xhtml"`), and every address a web address.
fn xml_problems(xml: &str) -> Vec<String> {
    let lower = xml.to_ascii_lowercase();
    let mut problems: Vec<String> = ["<script", "<img", "<svg", "<iframe", "type=\"html\"", "type=\"xhtml\""]
        .iter()
        .filter(|needle| lower.contains(*needle))
        .map(|needle| format!("`{needle}` in XML"))
        .collect();
    for (open, close) in [("href=\"", "\""), ("<loc>", "</loc>"), ("<id>", "</id>")] {
        for value in lower.split(open).skip(1).map(|rest| &rest[..rest.find(close).unwrap_or(rest.len())]) {
            if !value.starts_with("https://") && !value.starts_with("http://") {
                problems.push(format!("an address that is not a web address in XML: {value}"));
            }
        }
    }
    problems
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
    assert!(!html_problems("<img src=\"/\\tracker.example/p.gif\">").is_empty());
    assert!(!html_problems("<img src=\" //tracker.example/p.gif\">").is_empty());
    assert!(html_problems("<img src=\"x\"><img src=\"../a.png\"><img src=\"/b.png?c=d:e\">").is_empty());
    assert!(!html_problems("<script type=\"application/ld+json\">{\"a\": \"</script><script>\"}</script>").is_empty());
    assert!(html_problems("<p>&lt;script&gt;</p><script src=\"/js/site.js\" defer></script>").is_empty());
    assert!(!ics_problems("BEGIN:VEVENT\r\nSUMMARY:a\nATTACH:x\r\nEND:VEVENT\r\n").is_empty());
    assert!(!ics_problems("BEGIN:VEVENT\r\nSUMMARY:a\r\nATTACH:x\r\nEND:VEVENT\r\n").is_empty());
    assert!(ics_problems("BEGIN:VEVENT\r\nSUMMARY:a\\nATTACH:x\r\n  folded\r\nEND:VEVENT\r\n").is_empty());
    assert!(!xml_problems("<feed><link href=\"javascript:alert(1)\"/></feed>").is_empty());
    assert!(!xml_problems("<feed><summary type=\"html\">&lt;b&gt;</summary></feed>").is_empty());
    assert!(xml_problems("<feed><title>javascript:&lt;script&gt;</title><link href=\"https://a.example/\"/></feed>").is_empty());
    assert!(!csv_problems("a,b\r\n=1+1,x\r\n").is_empty());
    assert!(!csv_problems("a,b\r\n\"\t=1\",x\r\n").is_empty());
    assert!(!csv_problems("a,b\r\nx,y\nz\r\n").is_empty(), "a bare line feed adds a row");
    assert!(!csv_problems("a,b\r\nx\r\n").is_empty(), "a short row");
    assert!(csv_problems("a,b\r\n\"'=1, \"\"q\"\"\r\nz\",'@x\r\n").is_empty());
    assert!(!search_record_problems(r#"{"u":"javascript:alert(1)","t":"x"}"#).is_empty());
    assert!(search_record_problems(r#"{"u":"/directory/x/","t":"<script>"}"#).is_empty());
}
