//! The one place that knows where the site is published: its origin and the folder under it
//! (`https://council.example.gov.uk` and `/familyhub`). A leaf module: config parses
//! `base_url` into a [`SiteUrls`], and every stage that writes an address asks it.
//!
//! The model, the views and the content name pages by their *site path* (`/self-help/x/`):
//! it names the output file, the search document and the link-check target, and it does not
//! change when the same site is built for another address (`--base-url`). Only what is
//! published carries the public address: [`SiteUrls::href`] for links inside the site
//! (`/familyhub/self-help/x/`), [`SiteUrls::absolute`] for feeds, calendars, the sitemap and
//! QR codes, [`SiteUrls::rewrite_attribute`] and [`SiteUrls::rewrite_fragment`] for the
//! theme's templates, which make each page's addresses in place (the filters `url` and
//! `site_html`), and [`SiteUrls::rewrite_html`] / [`SiteUrls::rewrite_css`], which pass every
//! root-relative address of a rendered page or style sheet through `href`, so that neither a
//! site's own templates nor its style sheets need to know the folder.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::Arc;

use crate::css_scan::css_urls;
use crate::html_scan::{Tag, fragment_tags, style_body, tags, urls_in_attribute};

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
///
/// On a site in several languages each language other than the default is built as if hosted
/// in a folder of its own (`/familyhub/cy`, see [`SiteUrls::for_language`]): its pages link to
/// each other under it, and to what every language shares (style sheets, scripts, the directory
/// export, pages not translated) at the site's root.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SiteUrls {
    /// `https://council.example.gov.uk`: scheme, host and port, no trailing slash.
    origin: String,
    /// `/familyhub` for a site hosted under a folder; empty at the root of its host.
    base_path: String,
    /// `/cy` for the pages of a language other than the site's default; empty otherwise.
    language_prefix: String,
    /// Site paths a language's pages lead to at the site's root rather than under their
    /// language's folder: files every language shares and pages not translated.
    at_root: Arc<BTreeSet<String>>,
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
            language_prefix: String::new(),
            at_root: Arc::default(),
        })
    }

    /// The addresses of a language's pages: under `/<tag>/` (`tag` as given, in lower case),
    /// except the site paths in `at_root`, which every language shares at the site's root.
    pub fn for_language(&self, tag: &str, at_root: Arc<BTreeSet<String>>) -> SiteUrls {
        SiteUrls {
            origin: self.origin.clone(),
            base_path: self.base_path.clone(),
            language_prefix: language_folder(tag),
            at_root,
        }
    }

    /// The addresses of the site itself, without a language's folder.
    pub fn site_root(&self) -> SiteUrls {
        SiteUrls {
            origin: self.origin.clone(),
            base_path: self.base_path.clone(),
            language_prefix: String::new(),
            at_root: Arc::default(),
        }
    }

    /// `/cy` for a language other than the default, or empty.
    pub fn language_prefix(&self) -> &str {
        &self.language_prefix
    }

    /// What goes before a site path in a link: the folder, then the language's folder unless
    /// the path is one every language shares.
    fn prefix_of(&self, site_path: &str) -> (&str, &str) {
        if self.language_prefix.is_empty() || self.is_shared(site_path) {
            (&self.base_path, "")
        } else {
            (&self.base_path, &self.language_prefix)
        }
    }

    /// Whether a language's link to `site_path` leads to the site's root (a file every
    /// language shares, or a page not translated).
    pub fn is_shared(&self, site_path: &str) -> bool {
        let path = site_path.split(['?', '#']).next().unwrap_or(site_path);
        self.at_root.contains(path)
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
        let (base, language) = self.prefix_of(site_path);
        if (base.is_empty() && language.is_empty()) || !is_site_path(site_path) {
            Cow::Borrowed(site_path)
        } else {
            Cow::Owned(format!("{base}{language}{site_path}"))
        }
    }

    /// The full public address of a site path: `https://council.example.gov.uk/familyhub/x/`.
    pub fn absolute(&self, site_path: &str) -> String {
        format!("{}{}", self.origin, self.href(site_path))
    }

    /// The site path a root-relative link leads to (`/familyhub/x/` is `/x/`); `None` when it
    /// leaves the site's folder (`/x/` on a site under `/familyhub/`).
    pub fn site_path<'a>(&self, href: &'a str) -> Option<&'a str> {
        let in_folder = |folder: &str| -> Option<&'a str> {
            if folder.is_empty() {
                return Some(href);
            }
            let rest = href.strip_prefix(folder)?;
            match rest.as_bytes().first() {
                None => Some("/"),
                Some(b'/') => Some(rest),
                Some(_) => None,
            }
        };
        if self.language_prefix.is_empty() {
            return in_folder(&self.base_path);
        }
        let language = format!("{}{}", self.base_path, self.language_prefix);
        in_folder(&language).or_else(|| in_folder(&self.base_path).filter(|p| self.is_shared(p)))
    }

    /// An HTML page with every root-relative address (`href`, `src`, `action`, `srcset`,
    /// `url()` in styles...) turned into a link under the site's folder. Unchanged, and not
    /// copied, at the root of a host.
    ///
    /// The theme's own templates make their addresses with the `url` filter instead (see
    /// [`crate::render::templates`]); a page is rewritten only when the site has templates of
    /// its own. The language switcher's links (marked `data-language-link`) are written in full
    /// by the theme, since they lead to another language's pages: they are kept as they are.
    pub fn rewrite_html<'a>(&self, html: &'a str) -> Cow<'a, str> {
        if self.is_identity() {
            return Cow::Borrowed(html);
        }
        let edits = self.edits_in(html, &tags(html));
        self.insert_base_path(html, edits)
    }

    /// A piece of HTML that goes into a page (a page body's Markdown, made by the site) as
    /// [`SiteUrls::rewrite_html`] would rewrite it inside the page; `None` when the piece would
    /// change how the rest of the page is read (it ends inside a comment or a tag), so that only
    /// the whole page can be rewritten as before.
    pub fn rewrite_fragment<'a>(&self, html: &'a str) -> Option<Cow<'a, str>> {
        if self.is_identity() {
            return Some(Cow::Borrowed(html));
        }
        let (found, closed) = fragment_tags(html);
        if !closed {
            return None;
        }
        let edits = self.edits_in(html, &found);
        Some(self.insert_base_path(html, edits))
    }

    /// The value of an address attribute (`href`, `src`, `srcset`...), as written in the page
    /// (escaped), with its root-relative addresses under the site's folder, as
    /// [`SiteUrls::rewrite_html`] rewrites it: what the templates' `url` filter gives.
    pub fn rewrite_attribute<'a>(&self, value: &'a str) -> Cow<'a, str> {
        if self.is_identity() {
            return Cow::Borrowed(value);
        }
        let edits = urls_in_attribute(value)
            .into_iter()
            .filter(|(url, _)| is_site_path(url))
            .map(|(url, at)| (at, Cow::Borrowed(url)))
            .collect();
        self.insert_base_path(value, edits)
    }

    /// Whether an address attribute's value `value` (escaped or not) holds a site path this
    /// site's addresses put under a folder: whether [`SiteUrls::rewrite_attribute`] can
    /// change it.
    pub fn has_site_path(&self, value: &str) -> bool {
        !self.is_identity()
            && urls_in_attribute(value)
                .iter()
                .any(|(url, _)| is_site_path(url))
    }

    /// Whether every address is its site path: the site at the root of its host, in its
    /// default language.
    pub fn is_identity(&self) -> bool {
        self.base_path.is_empty() && self.language_prefix.is_empty()
    }

    /// Where the site's addresses of `html`'s tags start, and the addresses.
    fn edits_in<'a>(&self, html: &'a str, found: &[Tag<'a>]) -> Vec<(usize, Cow<'a, str>)> {
        let mut edits: Vec<(usize, Cow<'a, str>)> = Vec::new();
        for tag in found {
            if tag
                .attributes
                .iter()
                .any(|(name, _, _)| name == LANGUAGE_LINK)
            {
                continue;
            }
            for (name, value, offset) in &tag.attributes {
                if is_url_attribute(&tag.name, name) {
                    edits.extend(
                        urls_in_attribute(value)
                            .into_iter()
                            .filter(|(url, _)| is_site_path(url))
                            .map(|(url, at)| (offset + at, Cow::Borrowed(url))),
                    );
                } else if name == "style" {
                    edits.extend(
                        css_urls(value)
                            .into_iter()
                            .filter(|found| is_site_path(&found.url))
                            .map(|found| (offset + found.offset, found.url)),
                    );
                }
            }
            if tag.name == "style" {
                let body = style_body(html, tag.end);
                edits.extend(
                    css_urls(body)
                        .into_iter()
                        .filter(|found| is_site_path(&found.url))
                        .map(|found| (tag.end + found.offset, found.url)),
                );
            }
        }
        edits
    }

    /// A style sheet with every root-relative `url()` and `@import` under the site's folder.
    pub fn rewrite_css<'a>(&self, css: &'a str) -> Cow<'a, str> {
        if self.is_identity() {
            return Cow::Borrowed(css);
        }
        let edits = css_urls(css)
            .into_iter()
            .filter(|found| is_site_path(&found.url))
            .map(|found| (found.offset, found.url))
            .collect();
        self.insert_base_path(css, edits)
    }

    /// `text` with the folder (and the language's folder, see [`SiteUrls::href`]) inserted
    /// before the site path at each offset.
    fn insert_base_path<'a>(
        &self,
        text: &'a str,
        mut edits: Vec<(usize, Cow<'_, str>)>,
    ) -> Cow<'a, str> {
        edits.retain(|(_, url)| self.prefix_of(url) != ("", ""));
        if edits.is_empty() {
            return Cow::Borrowed(text);
        }
        edits.sort_unstable_by_key(|(offset, _)| *offset);
        edits.dedup_by_key(|(offset, _)| *offset);
        let longest = self.base_path.len() + self.language_prefix.len();
        let mut out = String::with_capacity(text.len() + edits.len() * longest);
        let mut last = 0;
        for (offset, url) in edits {
            let (base, language) = self.prefix_of(&url);
            out.push_str(&text[last..offset]);
            out.push_str(base);
            out.push_str(language);
            last = offset;
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }
}

/// The attribute that marks a link written in full from the host's root (the language
/// switcher's), which [`SiteUrls::rewrite_html`] leaves as it is.
pub const LANGUAGE_LINK: &str = "data-language-link";

/// The folder of a language's pages, from its tag: `/cy`, `/pa-guru`.
pub fn language_folder(tag: &str) -> String {
    format!("/{}", tag.to_ascii_lowercase())
}

/// What the paths of a language's files start with in the output (`cy/`: its
/// [`language_folder`] as an output path).
pub fn language_output_prefix(tag: &str) -> String {
    format!("{}/", tag.to_ascii_lowercase())
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
    fn a_language_links_under_its_folder_and_to_what_is_shared_at_the_root() {
        let shared: BTreeSet<String> = ["/css/site.css", "/only-english/"]
            .into_iter()
            .map(String::from)
            .collect();
        let welsh = at_folder().for_language("cy", Arc::new(shared));
        assert_eq!(welsh.href("/about/"), "/familyhub/cy/about/");
        assert_eq!(welsh.href("/css/site.css"), "/familyhub/css/site.css");
        assert_eq!(
            welsh.href("/only-english/#part"),
            "/familyhub/only-english/#part"
        );
        assert_eq!(
            welsh.absolute("/"),
            "https://council.example.gov.uk/familyhub/cy/"
        );
        assert_eq!(welsh.site_path("/familyhub/cy/about/"), Some("/about/"));
        assert_eq!(
            welsh.site_path("/familyhub/css/site.css"),
            Some("/css/site.css")
        );
        assert_eq!(welsh.site_path("/familyhub/about/"), None);
        let html = r#"<a href="/about/">a</a><link rel="stylesheet" href="/css/site.css"><a href="/familyhub/about/" hreflang="en-GB" data-language-link>English</a><a href="/x/" hreflang="cy">x</a>"#;
        assert_eq!(
            welsh.rewrite_html(html),
            r#"<a href="/familyhub/cy/about/">a</a><link rel="stylesheet" href="/familyhub/css/site.css"><a href="/familyhub/about/" hreflang="en-GB" data-language-link>English</a><a href="/familyhub/cy/x/" hreflang="cy">x</a>"#
        );
        let at_root = SiteUrls::parse("https://example.org")
            .unwrap()
            .for_language("pa-Guru", Arc::default());
        assert_eq!(at_root.href("/x/"), "/pa-guru/x/");
        assert_eq!(at_root.site_root().href("/x/"), "/x/");
    }

    #[test]
    fn a_piece_of_a_page_or_an_attribute_is_rewritten_as_the_whole_page_would_be() {
        let welsh =
            at_folder().for_language("cy", Arc::new(BTreeSet::from(["/css/site.css".to_owned()])));
        let piece = r#"<p><a href="/about/">a</a> <img src='/i.png' srcset="/i.png 1x, /css/site.css 2x"></p><style>p { background: url(/b.png) }</style>"#;
        let page = format!("<main>{piece}</main>");
        let whole = welsh.rewrite_html(&page);
        assert_eq!(
            welsh
                .rewrite_fragment(piece)
                .map(|p| format!("<main>{p}</main>")),
            Some(whole.into_owned())
        );
        // A piece that ends inside a comment, a tag or a style element changes how the rest of
        // the page is read: only the whole page can be rewritten.
        for open in [
            "<p>a</p><!-- b",
            "<a href=\"/x/\"",
            "<a title=\"x>",
            "<style>a { }",
        ] {
            assert_eq!(welsh.rewrite_fragment(open), None, "{open}");
        }
        assert_eq!(welsh.rewrite_attribute("/about/"), "/familyhub/cy/about/");
        assert_eq!(
            welsh.rewrite_attribute("/css/site.css"),
            "/familyhub/css/site.css"
        );
        assert_eq!(
            welsh.rewrite_attribute("/a.png 1x, /b.png 2x"),
            "/familyhub/cy/a.png 1x, /familyhub/cy/b.png 2x"
        );
        for kept in ["https://x.example/", "#top", "mailto:a@b"] {
            assert_eq!(welsh.rewrite_attribute(kept), kept);
        }
        let root = SiteUrls::parse("https://example.org").unwrap();
        assert!(root.is_identity());
        assert!(matches!(
            root.rewrite_attribute("/a/"),
            Cow::Borrowed("/a/")
        ));
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
