//! A site hosted under a folder (`https://council.example.gov.uk/familyhub/`): every address
//! the build publishes, in every kind of file, stays under that folder. Checked on the council
//! site (hosted under /familyhub/ in its hubsite.toml) and on the example site built with
//! `--base-url https://hub.example.net/sub/`, which has every kind of page (posters, booklets,
//! calendars, feeds, the directory, the resource library).
//!
//! The scanner here is deliberately not the build's (`hubsite::html_scan`): it looks for the
//! text of an address after any attribute or CSS function that holds one, so a page the
//! build's rewriter misread is still caught.

mod common;

use std::fs;
use std::path::Path;

use hubsite::config::Overrides;
use hubsite::load::LoadOptions;
use hubsite::pipeline::BuildOptions;

/// Builds the site at `root` into a scratch folder, at `now`, optionally for another address.
fn build_into(root: &Path, base_url: Option<&str>, now: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("scratch folder");
    let overrides = Overrides {
        base_url: base_url.map(str::to_owned),
        output_dir: Some(out.path().join("public")),
    };
    let options = BuildOptions {
        root: root.to_path_buf(),
        load: LoadOptions {
            overrides,
            ..LoadOptions::default()
        },
        drafts: false,
        now: hubsite::model::time::parse_now(now).expect("valid now"),
    };
    hubsite::pipeline::run(&options, hubsite::pipeline::Sink::Folder, None, &|_| {})
        .unwrap_or_else(|e| panic!("build of {} failed: {e}", root.display()));
    out
}

/// What a published site must respect: its folder, its host, and the addresses on that host
/// outside the folder that its settings name on purpose (the organisation's own website).
struct Hosting<'a> {
    folder: &'a str,
    host: &'a str,
    allowed: &'a [&'a str],
}

/// Root-relative addresses that do not start with the folder, and absolute addresses on the
/// host outside it, in the text of one published file.
fn escapes(path: &str, text: &str, hosting: &Hosting) -> Vec<String> {
    let mut found = Vec::new();
    let lower = text.to_ascii_lowercase();
    let extension = path.rsplit('.').next().unwrap_or_default();
    // Where an address starts: after an attribute that holds one, url( in CSS, a JS or JSON
    // string, a robots.txt rule.
    let mut starts: Vec<usize> = Vec::new();
    if matches!(extension, "html" | "svg" | "xml") {
        for attribute in [
            "href=",
            "src=",
            "action=",
            "formaction=",
            "srcset=",
            "poster=",
            "data=",
            "content=",
            "cite=",
        ] {
            for (i, _) in lower.match_indices(attribute) {
                let boundary = i == 0
                    || !lower.as_bytes()[i - 1].is_ascii_alphanumeric()
                        && lower.as_bytes()[i - 1] != b'-';
                if boundary {
                    let mut start = i + attribute.len();
                    if matches!(text.as_bytes().get(start), Some(b'"' | b'\'')) {
                        start += 1;
                    }
                    starts.push(start);
                    if attribute == "srcset=" {
                        let end = text[start..]
                            .find(['"', '\'', '>'])
                            .map_or(text.len(), |p| start + p);
                        starts.extend(text[start..end].match_indices(',').map(|(p, _)| {
                            let after = start + p + 1;
                            after + text[after..].len() - text[after..].trim_start().len()
                        }));
                    }
                }
            }
        }
    }
    if matches!(extension, "html" | "css" | "svg") {
        for (i, _) in lower.match_indices("url(") {
            let mut start = i + 4;
            if matches!(text.as_bytes().get(start), Some(b'"' | b'\'')) {
                start += 1;
            }
            starts.push(start);
        }
    }
    if matches!(extension, "js" | "json") {
        // A string literal that starts with `/` and a name: '/search/', "/self-help/x/".
        for quote in ['"', '\''] {
            for (i, _) in text.match_indices(quote) {
                if text[i + 1..].starts_with('/')
                    && text[i + 2..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == quote)
                {
                    starts.push(i + 1);
                }
            }
        }
    }
    if extension == "txt" {
        starts.extend(text.match_indices(": /").map(|(i, _)| i + 2));
    }
    for start in starts {
        let rest = &text[start..];
        if rest.starts_with('/')
            && !rest.starts_with("//")
            && !rest.starts_with(&format!("{}/", hosting.folder))
        {
            let shown: String = rest
                .chars()
                .take_while(|c| !matches!(c, '"' | '\'' | '>' | ')' | '\n' | ' '))
                .collect();
            found.push(format!("{path}: {shown}"));
        }
    }
    // Absolute addresses on the host must be under the folder too (calendar UIDs name the
    // folder without a slash after it: `x@host/familyhub`).
    for (i, _) in lower.match_indices(hosting.host) {
        let after = &text[i + hosting.host.len()..];
        let before = &text[..i];
        let under = after.strip_prefix(hosting.folder).is_some_and(|rest| {
            !rest.starts_with(|c: char| {
                c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'
            })
        });
        let allowed = hosting.allowed.iter().any(|url| {
            let host_at = url.find(hosting.host).unwrap_or(0);
            i >= host_at && text[i - host_at..].starts_with(url)
        });
        let boundary =
            !before.ends_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '@'));
        if boundary && !under && !allowed {
            let shown: String = after
                .chars()
                .take(30)
                .take_while(|c| !matches!(c, '"' | '\'' | '<' | '\n'))
                .collect();
            found.push(format!("{path}: {}{shown}", hosting.host));
        }
    }
    found
}

/// Every escape in a built output folder, and the kinds of file (extensions) that were read.
fn escapes_in(dir: &Path, hosting: &Hosting) -> (Vec<String>, Vec<String>) {
    let mut found = Vec::new();
    let mut kinds: Vec<String> = Vec::new();
    for (path, bytes) in common::read_tree(dir) {
        let extension = path.rsplit('.').next().unwrap_or_default().to_owned();
        if !matches!(
            extension.as_str(),
            "html" | "xml" | "ics" | "json" | "js" | "css" | "txt" | "svg" | "csv" | "pdf"
        ) {
            continue;
        }
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        if extension == "pdf" {
            // The booklets' text (with the programme's address) is compressed: read it as poppler does.
            let pdf = std::process::Command::new("pdftotext")
                .arg(dir.join(&path))
                .arg("-")
                .output();
            text = String::from_utf8_lossy(&pdf.expect("pdftotext runs (poppler-utils)").stdout)
                .into_owned();
            assert!(
                text.contains(hosting.host),
                "{path} names the site's address"
            );
        }
        if extension == "ics" {
            // Calendars fold long lines (RFC 5545): unfold them, or addresses are cut in two.
            text = text.replace("\r\n ", "");
        }
        if path.ends_with("/mine/events.json") {
            // The 'my sessions' data holds the same calendar text, as JSON strings.
            text = text.replace("\\r\\n ", "");
        }
        found.extend(escapes(&path, &text, hosting));
        if !kinds.contains(&extension) {
            kinds.push(extension);
        }
    }
    kinds.sort();
    (found, kinds)
}

#[test]
fn the_council_site_links_only_under_its_folder() {
    let out = build_into(&common::fixture("council"), None, "2027-03-01T09:00:00Z");
    let public = out.path().join("public");
    let hosting = Hosting {
        folder: "/familyhub",
        host: "council.example.gov.uk",
        allowed: &["https://council.example.gov.uk/\""],
    };
    let (found, kinds) = escapes_in(&public, &hosting);
    assert!(
        found.is_empty(),
        "addresses outside /familyhub/:\n{}",
        found.join("\n")
    );
    for kind in ["css", "html", "ics", "js", "json", "txt", "xml"] {
        assert!(
            kinds.iter().any(|k| k == kind),
            "no .{kind} file was checked: {kinds:?}"
        );
    }
    // The stylesheet, the scripts and the search files are where the pages say they are.
    let home = fs::read_to_string(public.join("index.html")).unwrap();
    // Its fingerprinted copy (output::host), under the folder.
    let sheet = home
        .split(r#"<link rel="stylesheet" href="/familyhub/"#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no style sheet under the folder: {home}"));
    assert!(
        sheet.starts_with("css/site.") && sheet != "css/site.css",
        "{sheet}"
    );
    assert!(public.join(sheet).is_file(), "{sheet}");
    let robots = fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(
        robots.contains("Allow: /familyhub/\n")
            && robots.contains("Sitemap: https://council.example.gov.uk/familyhub/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn the_example_site_built_for_a_folder_links_only_under_it() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Another host than example.org, which the example's services and resources use as a
    // placeholder for their own websites: every address on this one is the site's.
    let out = build_into(repo, Some("https://hub.example.net/sub/"), common::NOW);
    let public = out.path().join("public");
    let hosting = Hosting {
        folder: "/sub",
        host: "hub.example.net",
        allowed: &[],
    };
    let (found, kinds) = escapes_in(&public, &hosting);
    assert!(
        found.is_empty(),
        "addresses outside /sub/:\n{}",
        found.join("\n")
    );
    for kind in [
        "css", "csv", "html", "ics", "js", "json", "pdf", "txt", "xml",
    ] {
        assert!(
            kinds.iter().any(|k| k == kind),
            "no .{kind} file was checked: {kinds:?}"
        );
    }
}

/// `serve` serves a site hosted under a folder under it, as its host will: pages, style sheets
/// and search files at /familyhub/..., `/` and the bare folder lead there, paths outside it are
/// not found; the reload script stays at /__hubsite/; rebuilt pages keep the folder.
#[test]
fn serve_serves_the_council_site_under_its_folder() {
    use hubsite::serve::LiveSite;
    use hubsite::serve::server::{RELOAD_JS, changes_json, respond};
    use hubsite::serve::watch::Batch;

    let site = common::scratch_copy("council");
    let root = site.path();
    let mut options = common::options(root);
    options.now = hubsite::model::time::parse_now("2027-03-01T09:00:00Z").expect("valid now");
    let mut live = LiveSite::start(options);
    let snapshot = live.shared().current();

    let page = respond(&snapshot, "/familyhub/self-help/is-it-abuse/");
    assert_eq!(page.status, 200);
    let html = String::from_utf8(page.body).expect("html");
    assert!(
        html.contains(r#"href="/familyhub/css/site.css""#) && html.contains(RELOAD_JS),
        "{html}"
    );
    for (path, mime) in [
        ("/familyhub/css/site.css", "text/css"),
        ("/familyhub/js/exit.js", "text/javascript"),
        ("/familyhub/search/manifest.json", "application/json"),
    ] {
        let reply = respond(&snapshot, path);
        assert_eq!(
            (reply.status, reply.mime.split(';').next().unwrap()),
            (200, mime),
            "{path}"
        );
    }
    assert_eq!(respond(&snapshot, RELOAD_JS).status, 200);
    for (from, to) in [
        ("/", "/familyhub/"),
        ("/familyhub", "/familyhub/"),
        ("/familyhub/self-help", "/familyhub/self-help/"),
    ] {
        let reply = respond(&snapshot, from);
        assert_eq!(
            (reply.status, reply.location.as_deref()),
            (301, Some(to)),
            "{from}"
        );
    }
    for outside in ["/self-help/is-it-abuse/", "/css/site.css", "/familyhubx/"] {
        assert_eq!(respond(&snapshot, outside).status, 404, "{outside}");
    }

    // An edit to the page's text is applied to the last build: the page keeps the folder, and
    // the reload script's question about it (asked with the page's own path) is understood.
    let file = root.join("content/self-help/is-it-abuse.md");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replacen(
            "All couples disagree.",
            "All couples disagree sometimes.",
            1,
        ),
    )
    .unwrap();
    let batch = Batch {
        paths: [std::path::PathBuf::from("content/self-help/is-it-abuse.md")].into(),
        ..Batch::default()
    };
    let rebuilt = live.update(&batch);
    assert_eq!(rebuilt.errors, None);
    let html =
        String::from_utf8(respond(&rebuilt, "/familyhub/self-help/is-it-abuse/").body).unwrap();
    assert!(
        html.contains("disagree sometimes") && html.contains(r#"href="/familyhub/css/site.css""#),
        "{html}"
    );
    let json = changes_json(
        &rebuilt,
        rebuilt.generation - 1,
        "/familyhub/self-help/is-it-abuse/",
    );
    assert!(json.contains("\"reload\""), "{json}");
}

/// Content names pages by their site path; a link copied from the browser, with the folder,
/// is reported with the path to write instead.
#[test]
fn a_markdown_link_written_with_the_folder_is_reported_with_the_site_path_to_write() {
    let site = common::scratch_copy("council");
    let root = site.path();
    fs::write(
        root.join("content/self-help/copied-link.md"),
        "+++\ntitle = \"A copied link\"\nsummary = \"Links to a page.\"\n+++\nRead [is it abuse?](/familyhub/self-help/is-it-abuse/).\n",
    )
    .unwrap();
    let mut options = common::options(root);
    options.now = hubsite::model::time::parse_now("2027-03-01T09:00:00Z").expect("valid now");
    let error = common::check(&options)
        .expect_err("the link leads nowhere")
        .to_string();
    assert!(
        error.contains(
            "content/self-help/copied-link.md:5:6: link to /familyhub/self-help/is-it-abuse/"
        ),
        "{error}"
    );
    assert!(error.contains("write /self-help/is-it-abuse/: links are written from the site's root, and the build adds /familyhub"), "{error}");
}
