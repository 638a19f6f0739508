//! Untrusted text cannot inject script into pages, calendars or JSON: every payload of
//! `tests/xss/payloads.txt` is written into every text field of the fixture site
//! `tests/sites/xss/`, which is built and checked file by file (see tests/xss/README.md).

mod common;
#[path = "xss/inert.rs"]
mod inert;

use std::fs;
use std::path::Path;

use common::*;
use hubsite::import::{ImportOptions, import_oruk};
use inert::*;

/// The payloads, with `\n`, `\r` and `\t` turned into line feeds, carriage returns and tabs.
fn payloads() -> Vec<String> {
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xss/payloads.txt"))
            .unwrap();
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.replace("\\n", "\n")
                .replace("\\r", "\r")
                .replace("\\t", "\t")
        })
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
        files.push((
            format!("sessions/xss/payload-{n:02}.toml"),
            session_file(n, payload, &p),
        ));
        files.push((
            format!("sessions/xss/payload-{n:02}.md"),
            format!("{payload}\n\n{payload}\n"),
        ));
        files.push((
            format!("content/payloads/payload-{n:02}.md"),
            format!("+++\ntitle = {p}\nsummary = {p}\ndate = 2024-02-20\ntopics = [\"payload-{n:02}\"]\n+++\nA page whose title and summary are hostile.\n"),
        ));
        files.push((
            format!("content/directory/payload-{n:02}.toml"),
            service_file(n, payload),
        ));
        topics.push_str(&format!(
            "[[topic]]\nslug = \"payload-{n:02}\"\nname = {p}\ndescription = {p}\n\n"
        ));
    }
    files.push(("content/topics.toml".into(), topics));
    files
}

/// A session with the payload in every free-text field. The venue's postcode is checked (a
/// UK postcode) and a host's organisation names a page (it needs a letter or digit, hence the
/// number after the payload); both refusals are tested in tests/content_checks.rs.
fn session_file(n: usize, payload: &str, p: &str) -> String {
    let organisation = toml_string(&format!("{payload} {n}"));
    format!(
        "title = {p}\nsummary = {p}\nnote = {p}\nstart = 2024-03-26T10:00:00\nduration = \"1h\"\nformat = \"hybrid\"\n\
         \n[venue]\nname = {p}\naddress = {p}\npostcode = \"ub1 3ab\"\naccess = [{p}]\n\
         \n[online]\nplatform = {p}\n\
         \n[accessibility]\nlanguages = [{p}]\nnotes = {p}\n\
         \n[[hosts]]\nname = \"Host {n}\"\nrole = {p}\norganisation = {organisation}\n"
    )
}

/// A service with the payload in every free-text field. Fields whose shape is checked (web
/// address, email, phone, postcode) hold values that pass the check yet try to break out of
/// an attribute or a URL; the checks refusing everything else are tested in tests/directory.rs.
fn service_file(n: usize, payload: &str) -> String {
    let p = toml_string(payload);
    let description = toml_string(&format!("{payload}\n\n{payload}\n\n[more]({payload})\n"));
    let website = toml_string(&format!(
        "https://example.org/{n}?q=%22%3E%3Cscript%3Ealert({n})%3C/script%3E&x=javascript:alert({n})#%27onmouseover=alert({n})"
    ));
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
        for entry in fs::read_dir(root.join(folder))
            .unwrap()
            .filter_map(Result::ok)
        {
            let path = format!("{folder}/{}", entry.file_name().to_string_lossy());
            if path.contains("/payload-") && !files.iter().any(|(p, _)| *p == path) {
                if update {
                    fs::remove_file(entry.path()).unwrap();
                } else {
                    panic!(
                        "{path} holds no payload any more: run XSS_UPDATE=1 cargo test --test xss the_xss_fixture"
                    );
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
        assert!(
            committed == contents,
            "{path} is out of date: run XSS_UPDATE=1 cargo test --test xss the_xss_fixture"
        );
    }
}

#[test]
fn payloads_render_inert_in_every_output() {
    let site = scratch_copy("xss");
    build(site.path()).expect("the xss fixture builds");
    let checked = assert_inert(&site.path().join("public"));
    for n in 0..payloads().len() {
        for page in [
            "sessions/xss/payload-{n}/index.html",
            "payloads/payload-{n}/index.html",
            "directory/payload-{n}/index.html",
        ] {
            let page = page.replace("{n}", &format!("{n:02}"));
            assert!(checked.contains(&page), "{page} was not checked");
        }
    }
    for output in [
        "directory/directory.csv",
        "directory/oruk/services-full.json",
        "sessions/xss/week.ics",
        "sitemap.xml",
        "payloads/atom.xml",
    ] {
        assert!(
            checked.iter().any(|p| p == output),
            "{output} was not checked"
        );
    }
    assert!(
        checked.iter().any(|p| p.starts_with("search/d/")),
        "the search records were checked"
    );
    let session = read_output(site.path(), "sessions/xss/payload-00/index.html");
    assert!(
        session.contains("&lt;script&gt;window.__xss=1"),
        "payloads are shown as text"
    );
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
            assert!(
                problems
                    .iter()
                    .any(|p| p.contains("a script that is not the theme's")),
                "the control's inline script is caught: {problems:?}"
            );
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
    let services: Vec<serde_json::Value> = payloads()
        .iter()
        .enumerate()
        .map(|(n, p)| hostile_oruk_service(n, p))
        .collect();
    fs::write(
        &feed,
        serde_json::json!({ "contents": services }).to_string(),
    )
    .unwrap();
    let options = ImportOptions {
        root: site.path().to_path_buf(),
        file: feed,
        force: false,
    };
    let report = import_oruk(&options).expect("the import runs");
    assert!(
        report.skipped.is_empty(),
        "every hostile service is imported: {:?}",
        report.skipped
    );
    assert_eq!(report.created.len(), payloads().len());
    for created in &report.created {
        let name = created
            .strip_prefix("content/directory/")
            .and_then(|n| n.strip_suffix(".toml"))
            .unwrap_or("");
        assert!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{created}"
        );
    }
    build(site.path()).expect("the imported services build");
    let checked = assert_inert(&site.path().join("public"));
    let pages = checked
        .iter()
        .filter(|p| p.starts_with("directory/") && p.ends_with("/index.html"))
        .count();
    assert!(
        pages > 2 * payloads().len(),
        "the imported services' pages were checked ({pages})"
    );
    let first = report.created[0]
        .trim_start_matches("content/")
        .trim_end_matches(".toml");
    let page = read_output(site.path(), &format!("{first}/index.html"));
    assert!(
        page.contains("&lt;script&gt;window.__xss=1"),
        "the imported payload is shown as text on {first}"
    );
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
        assert!(
            error.contains(&format!("sessions/xss/{field}")),
            "{field} in\n{error}"
        );
    }
}
