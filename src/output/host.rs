//! Stage 4, outputs, for `hubsite build` only: what a static host needs beside the pages.
//!
//! - Fingerprinted copies of the style sheets and scripts (`css/site.1a2b3c4d5e6f.css`),
//!   which every page then loads instead, so that a deploy never pairs a new page with an old
//!   script from a cache; they may be cached for a year. The plain names stay published too,
//!   for anything that names them (a site's own template, a bookmark).
//! - The response headers hubsite wants, from one table ([`headers`]): written as `_headers`
//!   (Netlify, Cloudflare Pages) and `.htaccess` (Apache), and given as an nginx snippet
//!   ([`render_nginx`], printed in docs/publishing.md).
//!
//! `serve` does without both: it sends `no-store` and reloads its pages itself.

use std::collections::BTreeMap;
use std::hash::Hasher;
use std::sync::Arc;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use super::{Contents, Output, OutputFile};
use crate::site_url::SiteUrls;

/// The Content Security Policy of every page, as the theme's `<meta>` tag gives it to hosts
/// that send no headers (a test keeps the two in step).
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/// `html` (an HTML file the site publishes as written) with the policy and referrer `<meta>`s
/// every page carries (a host that sends no headers, such as GitHub Pages, would otherwise
/// protect it with nothing) first in it: after its doctype (before it, a browser would read the
/// page in quirks mode) and any spaces and comments before that, else at its start. A `<meta>`
/// policy applies to what comes after it, so nothing the file loads comes first.
pub fn with_page_policy(html: &str) -> String {
    let metas = format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{CSP}"><meta name="referrer" content="no-referrer">"#
    );
    let body = html.strip_prefix('\u{feff}').unwrap_or(html);
    let bom = html.len() - body.len();
    // Spaces and comments may come before the doctype.
    let mut at = bom;
    loop {
        let rest = &html[at..];
        let trimmed = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        at += rest.len() - trimmed.len();
        match trimmed.strip_prefix("<!--").and_then(|c| c.find("-->")) {
            Some(end) => at += "<!--".len() + end + "-->".len(),
            None => break,
        }
    }
    let rest = &html[at..];
    let doctype = rest
        .get(..9)
        .is_some_and(|s| s.eq_ignore_ascii_case("<!doctype"));
    let insert = if doctype {
        rest.find('>').map_or(html.len(), |end| at + end + 1)
    } else {
        bom
    };
    format!("{}{metas}{}", &html[..insert], &html[insert..])
}

/// The browser features a page may use: none of these, ever.
const DENIED_FEATURES: [&str; 14] = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "serial",
    "usb",
];

/// How long a fingerprinted file may be kept: its name changes with its bytes.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// What a fingerprinted name looks like, as a regular expression both Apache and nginx read.
const FINGERPRINTED: &str = r"\.[0-9a-f]{12}\.(css|js)$";

/// The headers of every response, in the order they are written.
pub fn headers() -> Vec<(&'static str, String)> {
    let features: Vec<String> = DENIED_FEATURES.iter().map(|f| format!("{f}=()")).collect();
    vec![
        (
            "Content-Security-Policy",
            // A <meta> policy cannot say who may frame the page; a header can.
            format!("{CSP}; frame-ancestors 'none'"),
        ),
        ("Referrer-Policy", "no-referrer".to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("X-Frame-Options", "DENY".to_owned()),
        ("Permissions-Policy", features.join(", ")),
    ]
}

/// `output` ready for a static host: fingerprinted style sheets and scripts, pages loading
/// them, and the headers files. `hashes` are the sources' (`Sources::asset_hashes`).
pub fn host_ready(mut output: Output, hashes: &BTreeMap<String, u64>) -> Output {
    let renamed = fingerprint(&mut output, hashes);
    let fingerprinted: Vec<String> = renamed.values().cloned().collect();
    let urls = output.urls.clone();
    let folders = not_found_folders(&output);
    let mut add = |path: &str, text: String| {
        // A site's own file of the same name (in static/) wins.
        if output.get(path).is_none() {
            output.files.push(OutputFile {
                path: path.to_owned(),
                contents: Contents::Bytes(Arc::new(text.into_bytes())),
            });
        }
    };
    add("_headers", render_headers_file(&urls, &fingerprinted));
    add(".htaccess", render_htaccess(&urls));
    for folder in folders {
        add(
            &format!("{folder}/.htaccess"),
            render_folder_htaccess(&urls, &folder),
        );
    }
    output.files.sort_by(|a, b| a.path.cmp(&b.path));
    output
}

/// The folders below the root with a 404 page of their own (`cy/404.html`: each language of a
/// site in several languages; or a site's own `static/<folder>/404.html`), which a host should
/// answer with for a missing page in that folder, as Cloudflare Pages does by itself.
pub fn not_found_folders(output: &Output) -> Vec<String> {
    output
        .files
        .iter()
        .filter_map(|file| file.path.strip_suffix("/404.html"))
        .map(str::to_owned)
        .collect()
}

/// `<folder>/.htaccess`: Apache answers a missing page in the folder with its own 404 page
/// (the headers stay the root's, which Apache merges in).
fn render_folder_htaccess(urls: &SiteUrls, folder: &str) -> String {
    format!(
        "# Written by hubsite (docs/publishing.md): this folder's own page for a missing page.\n\
         ErrorDocument 404 {}\n",
        urls.href(&format!("/{folder}/404.html"))
    )
}

/// Adds a fingerprinted copy of each style sheet and script and points every page at it;
/// returns the new name of each, by old name.
fn fingerprint(output: &mut Output, hashes: &BTreeMap<String, u64>) -> BTreeMap<String, String> {
    let names = Fingerprints::new(hashes, &output.urls, |path| {
        output.get(path).map(|file| &file.contents)
    });
    for (path, new) in &names.renamed {
        let Some(file) = output.get(path) else {
            continue;
        };
        let copy = OutputFile {
            path: new.clone(),
            contents: file.contents.clone(),
        };
        output.files.push(copy);
    }
    output.files.sort_by(|a, b| a.path.cmp(&b.path));
    output.files.par_iter_mut().for_each(|file| {
        if !file.path.ends_with(".html") {
            return;
        }
        if let Contents::Bytes(bytes) = &file.contents
            && let Some(rewritten) = names.rewrite(bytes)
        {
            file.contents = Contents::Bytes(Arc::new(rewritten));
        }
    });
    names.renamed
}

/// The fingerprinted name of each style sheet and script, and how to point a page at them:
/// [`host_ready`] uses it over the whole output, and `hubsite build` on each page as it is
/// written (a page written as it rendered is no longer in the output to rewrite).
#[derive(Debug, Default)]
pub struct Fingerprints {
    /// The new name of each file, by its plain name.
    renamed: BTreeMap<String, String>,
    /// Finds the plain names, quoted, in a page.
    finder: Option<AhoCorasick>,
    /// What each found name becomes.
    to: Vec<String>,
}

impl Fingerprints {
    /// The names for `hashes` (`Sources::asset_hashes`) of the files the site publishes, as
    /// `published` gives their contents, under `urls`.
    pub fn new<'c>(
        hashes: &BTreeMap<String, u64>,
        urls: &SiteUrls,
        published: impl Fn(&str) -> Option<&'c Contents>,
    ) -> Fingerprints {
        let renamed: BTreeMap<String, String> = hashes
            .iter()
            .filter_map(|(path, hash)| {
                // A file made from its source (a minified script, a style sheet under a
                // folder) is named after what is published, so a change in the making
                // renames it too.
                let hash = match published(path)? {
                    Contents::Bytes(bytes) => crate::fingerprint::stable_hash(bytes),
                    Contents::Asset(_) | Contents::Written(_) => *hash,
                };
                Some((path.clone(), fingerprinted_name(path, hash, urls)?))
            })
            .collect();
        let (from, to): (Vec<String>, Vec<String>) = renamed
            .iter()
            .flat_map(|(old, new)| {
                let (old, new) = (
                    urls.href(&format!("/{old}")).into_owned(),
                    urls.href(&format!("/{new}")).into_owned(),
                );
                [
                    (format!("\"{old}\""), format!("\"{new}\"")),
                    (format!("'{old}'"), format!("'{new}'")),
                ]
            })
            .unzip();
        let finder = match from.is_empty() {
            true => None,
            false => AhoCorasick::new(&from).ok(),
        };
        Fingerprints {
            renamed,
            finder,
            to,
        }
    }

    /// `html` loading the fingerprinted names, if it names any plain one.
    pub fn rewrite(&self, html: &[u8]) -> Option<Vec<u8>> {
        let finder = self.finder.as_ref()?;
        finder
            .is_match(html)
            .then(|| finder.replace_all_bytes(html, &self.to))
    }
}

/// `css/site.css` as `css/site.1a2b3c4d5e6f.css`: twelve hex digits of the file's hash and of
/// the folder the site is hosted under (which its published bytes depend on).
fn fingerprinted_name(path: &str, hash: u64, urls: &SiteUrls) -> Option<String> {
    let (stem, extension) = path.rsplit_once('.')?;
    let mut hasher = siphasher::sip::SipHasher13::new();
    hasher.write_u64(hash);
    hasher.write(urls.base_path().as_bytes());
    let digest = format!("{:016x}", hasher.finish());
    Some(format!("{stem}.{}.{extension}", &digest[..12]))
}

/// `_headers`, as Netlify and Cloudflare Pages read it: the headers on every path under the
/// site's folder, and a year's caching on each fingerprinted file.
pub fn render_headers_file(urls: &SiteUrls, fingerprinted: &[String]) -> String {
    let mut out = String::from(
        "# Written by hubsite (docs/publishing.md): read by Netlify and Cloudflare Pages.\n",
    );
    out.push_str(&format!("{}*\n", urls.root()));
    for (name, value) in headers() {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    for path in fingerprinted {
        out.push_str(&format!(
            "{}\n  Cache-Control: {IMMUTABLE}\n",
            urls.href(&format!("/{path}"))
        ));
    }
    out
}

/// `.htaccess`, as Apache reads it (with `AllowOverride FileInfo` and mod_headers).
pub fn render_htaccess(urls: &SiteUrls) -> String {
    let mut out = String::from(
        "# Written by hubsite (docs/publishing.md): Apache reads it where AllowOverride allows\n\
         # FileInfo; the headers need mod_headers (a2enmod headers).\n",
    );
    out.push_str(&format!("ErrorDocument 404 {}\n", urls.href("/404.html")));
    out.push_str("<IfModule mod_headers.c>\n");
    for (name, value) in headers() {
        out.push_str(&format!("  Header always set {name} \"{value}\"\n"));
    }
    out.push_str(&format!(
        "  <FilesMatch \"{FINGERPRINTED}\">\n    Header set Cache-Control \"{IMMUTABLE}\"\n  </FilesMatch>\n</IfModule>\n"
    ));
    out
}

/// An nginx `location` block for the site, to put inside a `server` block whose `root` is
/// `root`: the built site is then `{root}{base path}/`. Each of `folders` (with a 404 page of
/// its own: [`not_found_folders`]) answers a missing page with it, in a nested block that
/// inherits the headers (it adds none of its own).
pub fn render_nginx(urls: &SiteUrls, root: &str, folders: &[String]) -> String {
    let header_lines = |indent: &str| -> String {
        headers()
            .into_iter()
            .map(|(name, value)| format!("{indent}add_header {name} \"{value}\" always;\n"))
            .collect()
    };
    let location = urls.root();
    let own_pages: String = folders
        .iter()
        .map(|folder| {
            format!(
                "    location {} {{\n        error_page 404 {};\n    }}\n",
                urls.href(&format!("/{folder}/")),
                urls.href(&format!("/{folder}/404.html"))
            )
        })
        .collect();
    format!(
        "# hubsite: the built site in {root}{location} (docs/publishing.md)\n\
         location {location} {{\n    root {root};\n    error_page 404 {not_found};\n{outer}    \
         # add_header in a nested block replaces the outer ones: all are repeated.\n    \
         location ~ \"{FINGERPRINTED}\" {{\n{inner}        add_header Cache-Control \"{IMMUTABLE}\" always;\n    }}\n{own_pages}}}\n",
        not_found = urls.href("/404.html"),
        outer = header_lines("    "),
        inner = header_lines("        "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(files: &[(&str, &str)], urls: &SiteUrls) -> Output {
        Output {
            files: files
                .iter()
                .map(|(path, text)| OutputFile {
                    path: (*path).into(),
                    contents: Contents::Bytes(Arc::new(text.as_bytes().to_vec())),
                })
                .collect(),
            page_count: 1,
            urls: urls.clone(),
        }
    }

    fn text(output: &Output, path: &str) -> String {
        match &output.get(path).unwrap().contents {
            Contents::Bytes(bytes) => String::from_utf8(bytes.to_vec()).unwrap(),
            Contents::Asset(_) | Contents::Written(_) => panic!("{path} is not in memory"),
        }
    }

    #[test]
    fn pages_load_the_fingerprinted_copies_under_the_sites_folder() {
        let urls = SiteUrls::parse("https://council.example.gov.uk/familyhub/").unwrap();
        let page = r#"<link rel="stylesheet" href="/familyhub/css/site.css"><script src='/familyhub/js/a.js'></script><a href="/familyhub/css/site.css.txt">x</a>"#;
        let built = output(
            &[
                ("css/site.css", "body{}"),
                ("index.html", page),
                ("js/a.js", "1"),
            ],
            &urls,
        );
        let hashes = BTreeMap::from([("css/site.css".into(), 1), ("js/a.js".into(), 2)]);
        let ready = host_ready(built, &hashes);
        let css = ready
            .files
            .iter()
            .find(|f| f.path.starts_with("css/site.") && f.path != "css/site.css")
            .unwrap()
            .path
            .clone();
        assert!(regex_like_fingerprint(&css), "{css}");
        let html = text(&ready, "index.html");
        assert!(
            html.contains(&format!("href=\"/familyhub/{css}\"")),
            "{html}"
        );
        assert!(html.contains("src='/familyhub/js/a."), "{html}");
        assert!(
            html.contains("href=\"/familyhub/css/site.css.txt\""),
            "{html}"
        );
        assert!(ready.get("css/site.css").is_some(), "the plain name stays");
        let headers = text(&ready, "_headers");
        assert!(headers.starts_with("# Written by hubsite"));
        assert!(headers.contains("\n/familyhub/*\n  Content-Security-Policy: "));
        assert!(headers.contains(&format!("/familyhub/{css}\n  Cache-Control: {IMMUTABLE}")));
        let htaccess = text(&ready, ".htaccess");
        assert!(htaccess.contains("ErrorDocument 404 /familyhub/404.html"));
        // Sorted, so that lookups by path work.
        assert!(ready.files.windows(2).all(|w| w[0].path < w[1].path));
    }

    fn regex_like_fingerprint(path: &str) -> bool {
        let parts: Vec<&str> = path.rsplitn(3, '.').collect();
        parts.len() == 3
            && parts[1].len() == 12
            && parts[1]
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    }

    #[test]
    fn the_name_changes_with_the_bytes_and_the_folder() {
        let root = SiteUrls::parse("https://hub.example.org/").unwrap();
        let folder = SiteUrls::parse("https://hub.example.org/hub/").unwrap();
        let a = fingerprinted_name("css/site.css", 1, &root).unwrap();
        assert_eq!(a, fingerprinted_name("css/site.css", 1, &root).unwrap());
        assert_ne!(a, fingerprinted_name("css/site.css", 2, &root).unwrap());
        assert_ne!(a, fingerprinted_name("css/site.css", 1, &folder).unwrap());
    }

    #[test]
    fn a_sites_own_headers_file_wins() {
        let urls = SiteUrls::parse("https://hub.example.org/").unwrap();
        let built = output(&[("_headers", "/*\n  X-Mine: yes\n")], &urls);
        let ready = host_ready(built, &BTreeMap::new());
        assert_eq!(text(&ready, "_headers"), "/*\n  X-Mine: yes\n");
        assert!(ready.get(".htaccess").is_some());
    }

    #[test]
    fn a_published_page_gets_the_policy_after_its_doctype_and_before_anything_it_loads() {
        let metas = with_page_policy("");
        assert!(metas.starts_with(r#"<meta http-equiv="Content-Security-Policy" content=""#));
        assert!(metas.ends_with(r#"<meta name="referrer" content="no-referrer">"#));
        for (html, before) in [
            (
                "<!DOCTYPE html>\n<script src=x.js></script>",
                "<!DOCTYPE html>",
            ),
            (
                "\u{feff} <!-- made by hand -->\n<!doctype html><p>",
                "\u{feff} <!-- made by hand -->\n<!doctype html>",
            ),
            ("<p>no doctype <img src=/a.png>", ""),
            ("\u{feff}<html><head>", "\u{feff}"),
            ("<!-- a comment --><p>then no doctype", ""),
        ] {
            let published = with_page_policy(html);
            assert_eq!(
                published,
                format!("{before}{metas}{}", &html[before.len()..]),
                "{html}"
            );
        }
    }

    #[test]
    fn the_themes_meta_policy_is_the_headers_policy() {
        let base = include_str!("../../themes/hub/templates/base.html");
        assert!(
            base.contains(&format!(
                r#"<meta http-equiv="Content-Security-Policy" content="{CSP}">"#
            )),
            "themes/hub/templates/base.html and output::host::CSP differ"
        );
        assert!(base.contains(r#"<meta name="referrer" content="no-referrer">"#));
        let (_, policy) = &headers()[0];
        assert!(policy.ends_with("; frame-ancestors 'none'"));
    }
}
