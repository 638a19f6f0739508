//! The one place that knows where the site is published: its origin and the folder under it
//! (`https://council.example.gov.uk` and `/familyhub`). A leaf module: config parses
//! `base_url` into a [`SiteUrls`], and every stage that writes an address asks it.
//!
//! The model, the views and the content name pages by their *site path* (`/self-help/x/`):
//! it names the output file, the search document and the link-check target, and it does not
//! change when the same site is built for another address (`--base-url`). Only what is
//! published carries the public address: [`SiteUrls::href`] for links inside the site
//! (`/familyhub/self-help/x/`), [`SiteUrls::absolute`] for feeds, calendars, the sitemap and
//! QR codes, and [`SiteUrls::rewrite_html`] / [`SiteUrls::rewrite_css`], which pass every
//! root-relative address of a rendered page or style sheet through `href`, so that neither the
//! theme's nor a site's own templates, nor Markdown, need to know the folder.

use std::borrow::Cow;

use crate::html_scan::{css_urls, style_body, tags, urls_in_attribute};

/// A `base_url` (or `--base-url`) that is not the address of a site's folder; each holds the
/// text as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaseUrlError {
    /// Neither https:// nor http://.
    #[error("base_url `{0}` must start with https:// or http://")]
    Scheme(String),
    /// No host, spaces, or an empty folder name.
    #[error("base_url `{0}` is not a web address")]
    NotAnAddress(String),
    /// The URL parser refused it.
    #[error("base_url `{base_url}` is not a web address")]
    Unparsable {
        /// As written.
        base_url: String,
        /// What the parser said.
        #[source]
        source: url::ParseError,
    },
    /// `?` or `#`.
    #[error("base_url `{0}` has a query or fragment; give only the address of the site's folder")]
    QueryOrFragment(String),
    /// `user:password@`.
    #[error("base_url `{0}` holds a user name or password")]
    Credentials(String),
}

/// Where the site is published.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SiteUrls {
    /// `https://council.example.gov.uk`: scheme, host and port, no trailing slash.
    origin: String,
    /// `/familyhub` for a site hosted under a folder; empty at the root of its host.
    base_path: String,
}

impl SiteUrls {
    /// Parses a site's public address (`https://council.example.gov.uk/familyhub/`).
    pub fn parse(base_url: &str) -> Result<SiteUrls, BaseUrlError> {
        let fail = |error: fn(String) -> BaseUrlError| error(base_url.to_owned());
        let trimmed = base_url.trim_end_matches('/');
        let rest = trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"))
            .ok_or_else(|| fail(BaseUrlError::Scheme))?;
        if rest.is_empty() || rest.contains(char::is_whitespace) {
            return Err(fail(BaseUrlError::NotAnAddress));
        }
        let url = url::Url::parse(trimmed).map_err(|source| BaseUrlError::Unparsable {
            base_url: base_url.to_owned(),
            source,
        })?;
        if url.query().is_some() || url.fragment().is_some() {
            return Err(fail(BaseUrlError::QueryOrFragment));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(fail(BaseUrlError::Credentials));
        }
        let Some(host) = url.host_str() else {
            return Err(fail(BaseUrlError::NotAnAddress));
        };
        // As written (a path as given, less a trailing slash): origin plus folder is what the
        // site has always published as its base URL.
        let host_end = rest.find('/').unwrap_or(rest.len());
        let origin = &trimmed[..trimmed.len() - rest.len() + host_end];
        let base_path = url.path().trim_end_matches('/');
        if host.is_empty() || base_path.contains("//") {
            return Err(fail(BaseUrlError::NotAnAddress));
        }
        Ok(SiteUrls {
            origin: origin.to_owned(),
            base_path: base_path.to_owned(),
        })
    }

    /// The public address of the site, without a trailing slash (`https://h.example/familyhub`).
    pub fn base_url(&self) -> String {
        format!("{}{}", self.origin, self.base_path)
    }

    /// `https://council.example.gov.uk`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The folder the site is hosted under, `/familyhub`, or empty at the root of its host.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// The site's root as a link: `/familyhub/`, or `/`.
    pub fn root(&self) -> String {
        self.href("/").into_owned()
    }

    /// The link to a site path: `/self-help/x/` becomes `/familyhub/self-help/x/`. Anything
    /// that is not a root-relative path (`https://…`, `//host/`, `#top`, `x/`) is kept.
    pub fn href<'a>(&self, site_path: &'a str) -> Cow<'a, str> {
        if self.base_path.is_empty() || !is_site_path(site_path) {
            Cow::Borrowed(site_path)
        } else {
            Cow::Owned(format!("{}{}", self.base_path, site_path))
        }
    }

    /// The full public address of a site path: `https://council.example.gov.uk/familyhub/x/`.
    pub fn absolute(&self, site_path: &str) -> String {
        format!("{}{}", self.origin, self.href(site_path))
    }

    /// The site path a root-relative link leads to (`/familyhub/x/` is `/x/`); `None` when it
    /// leaves the site's folder (`/x/` on a site under `/familyhub/`).
    pub fn site_path<'a>(&self, href: &'a str) -> Option<&'a str> {
        if self.base_path.is_empty() {
            return Some(href);
        }
        let rest = href.strip_prefix(self.base_path.as_str())?;
        match rest.as_bytes().first() {
            None => Some("/"),
            Some(b'/') => Some(rest),
            Some(b'?' | b'#') => None,
            Some(_) => None,
        }
    }

    /// An HTML page with every root-relative address (`href`, `src`, `action`, `srcset`,
    /// `url()` in styles...) turned into a link under the site's folder. Unchanged, and not
    /// copied, at the root of a host.
    pub fn rewrite_html<'a>(&self, html: &'a str) -> Cow<'a, str> {
        if self.base_path.is_empty() {
            return Cow::Borrowed(html);
        }
        let mut edits: Vec<usize> = Vec::new();
        for tag in tags(html) {
            for (name, value, offset) in &tag.attributes {
                if is_url_attribute(&tag.name, name) {
                    edits.extend(
                        urls_in_attribute(value)
                            .into_iter()
                            .filter(|(url, _)| is_site_path(url))
                            .map(|(_, at)| offset + at),
                    );
                } else if name == "style" {
                    edits.extend(
                        css_urls(value)
                            .into_iter()
                            .filter(|found| is_site_path(found.url))
                            .map(|found| offset + found.offset),
                    );
                }
            }
            if tag.name == "style" {
                let body = style_body(html, tag.end);
                edits.extend(
                    css_urls(body)
                        .into_iter()
                        .filter(|found| is_site_path(found.url))
                        .map(|found| tag.end + found.offset),
                );
            }
        }
        self.insert_base_path(html, edits)
    }

    /// A style sheet with every root-relative `url()` and `@import` under the site's folder.
    pub fn rewrite_css<'a>(&self, css: &'a str) -> Cow<'a, str> {
        if self.base_path.is_empty() {
            return Cow::Borrowed(css);
        }
        let edits = css_urls(css)
            .into_iter()
            .filter(|found| is_site_path(found.url))
            .map(|found| found.offset)
            .collect();
        self.insert_base_path(css, edits)
    }

    /// `text` with the base path inserted at each offset.
    fn insert_base_path<'a>(&self, text: &'a str, mut offsets: Vec<usize>) -> Cow<'a, str> {
        if offsets.is_empty() {
            return Cow::Borrowed(text);
        }
        offsets.sort_unstable();
        offsets.dedup();
        let mut out = String::with_capacity(text.len() + offsets.len() * self.base_path.len());
        let mut last = 0;
        for offset in offsets {
            out.push_str(&text[last..offset]);
            out.push_str(&self.base_path);
            last = offset;
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }
}

/// A root-relative path (`/x/`), not a protocol-relative address (`//host/`, `/\host`).
fn is_site_path(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\")
}

/// The attributes whose value is an address, by element.
fn is_url_attribute(tag: &str, attribute: &str) -> bool {
    match attribute {
        "href" | "src" | "srcset" | "action" | "formaction" | "poster" | "cite" | "background"
        | "ping" | "xlink:href" => true,
        "data" => tag == "object",
        "longdesc" | "manifest" | "codebase" | "icon" | "usemap" => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_folder() -> SiteUrls {
        SiteUrls::parse("https://council.example.gov.uk/familyhub/").unwrap()
    }

    #[test]
    fn parses_origin_and_folder() {
        let urls = at_folder();
        assert_eq!(
            (urls.origin(), urls.base_path()),
            ("https://council.example.gov.uk", "/familyhub")
        );
        assert_eq!(urls.base_url(), "https://council.example.gov.uk/familyhub");
        let root = SiteUrls::parse("https://example.org/").unwrap();
        assert_eq!(
            (root.origin(), root.base_path(), root.base_url().as_str()),
            ("https://example.org", "", "https://example.org")
        );
        let port = SiteUrls::parse("http://localhost:8080/a/b").unwrap();
        assert_eq!(
            (port.origin(), port.base_path()),
            ("http://localhost:8080", "/a/b")
        );
        for bad in [
            "example.org",
            "https://",
            "https://a b/",
            "https://example.org/?x=1",
            "https://example.org/#x",
            "https://u:p@example.org/",
            "ftp://x",
        ] {
            assert!(SiteUrls::parse(bad).is_err(), "{bad}");
        }
        let unparsable = SiteUrls::parse("https://[zz/").unwrap_err();
        assert_eq!(
            crate::error::full_message(&unparsable),
            "base_url `https://[zz/` is not a web address: invalid IPv6 address"
        );
    }

    #[test]
    fn links_and_addresses_carry_the_folder() {
        let urls = at_folder();
        assert_eq!(urls.href("/self-help/x/"), "/familyhub/self-help/x/");
        assert_eq!(urls.href("/"), "/familyhub/");
        assert_eq!(urls.root(), "/familyhub/");
        assert_eq!(
            urls.absolute("/sitemap.xml"),
            "https://council.example.gov.uk/familyhub/sitemap.xml"
        );
        for kept in [
            "https://x.example/",
            "//cdn.example/x",
            "#top",
            "x/",
            "mailto:a@b",
        ] {
            assert_eq!(urls.href(kept), kept);
        }
        let root = SiteUrls::parse("https://example.org").unwrap();
        assert_eq!(root.href("/a/"), "/a/");
        assert_eq!(root.root(), "/");
    }

    #[test]
    fn site_paths_come_back_from_links() {
        let urls = at_folder();
        assert_eq!(urls.site_path("/familyhub/x/"), Some("/x/"));
        assert_eq!(urls.site_path("/familyhub/"), Some("/"));
        assert_eq!(urls.site_path("/familyhub"), Some("/"));
        for outside in ["/x/", "/familyhubx/", "/", "/familyhub?x"] {
            assert_eq!(urls.site_path(outside), None, "{outside}");
        }
        assert_eq!(
            SiteUrls::parse("https://example.org")
                .unwrap()
                .site_path("/x/"),
            Some("/x/")
        );
    }

    #[test]
    fn html_addresses_are_rewritten_and_nothing_else() {
        let urls = at_folder();
        let html = r##"<link rel="stylesheet" href="/css/site.css"><a href=/a/>/a/</a><img src='/i.png' srcset="/i.png 1x, /j.png 2x" alt="/x/">
<form action="/search/"><a href="https://x.example/"><a href="//cdn/x"><a href="#top"><!-- <a href="/c/"> -->
<div style="background: url(/bg.png)"></div><style>a { background: url('/s.png') }</style><p>href="/text/"</p>"##;
        let expected = r##"<link rel="stylesheet" href="/familyhub/css/site.css"><a href=/familyhub/a/>/a/</a><img src='/familyhub/i.png' srcset="/familyhub/i.png 1x, /familyhub/j.png 2x" alt="/x/">
<form action="/familyhub/search/"><a href="https://x.example/"><a href="//cdn/x"><a href="#top"><!-- <a href="/c/"> -->
<div style="background: url(/familyhub/bg.png)"></div><style>a { background: url('/familyhub/s.png') }</style><p>href="/text/"</p>"##;
        assert_eq!(urls.rewrite_html(html), expected);
        let root = SiteUrls::parse("https://example.org").unwrap();
        assert!(matches!(root.rewrite_html(html), Cow::Borrowed(_)));
    }

    #[test]
    fn css_addresses_are_rewritten() {
        let css = "/* url(/no) */ a { background: url(\"/img/a.png\") } @import '/b.css'; b { background: url(https://x/y) }";
        assert_eq!(
            at_folder().rewrite_css(css),
            "/* url(/no) */ a { background: url(\"/familyhub/img/a.png\") } @import '/familyhub/b.css'; b { background: url(https://x/y) }"
        );
    }
}
