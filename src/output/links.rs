//! Internal links: does a site path lead to a published file?

use memchr::{memchr, memmem};

use crate::output::Output;
use crate::site_url::SiteUrls;

/// True when `path` (such as `/self-help/` or `/css/site.css`) names a published file.
pub fn resolves(output: &Output, path: &str) -> bool {
    let path = path.split(['#', '?']).next().unwrap_or_default();
    let relative = path.trim_start_matches('/');
    if relative.is_empty() {
        return output.get("index.html").is_some();
    }
    if relative.ends_with('/') {
        return output.get(&format!("{relative}index.html")).is_some();
    }
    output.get(relative).is_some() || output.get(&format!("{relative}/index.html")).is_some()
}

/// Every root-relative `href` and `src` in an HTML page (`/self-help/`), in order.
/// A small scanner is enough: the theme and renderer always quote attributes with `"`.
pub fn site_paths_in_html(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        // Each search goes on just after the last `href="` found, as `str::find` in a loop
        // would (memchr's SIMD search: a quarter of the time over a large site's pages).
        for at in memmem::find_iter(html.as_bytes(), attribute) {
            let rest = &html[at + attribute.len()..];
            let value = &rest[..memchr(b'"', rest.as_bytes()).unwrap_or(rest.len())];
            if value.starts_with('/') && !value.starts_with("//") {
                found.push(value);
            }
        }
    }
    found
}

/// A root-relative link of a published page, read back as a site path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageLink<'a> {
    /// It leads to this site path: `/familyhub/x/` on a site hosted under `/familyhub/` is `/x/`.
    Site(&'a str),
    /// It leaves the folder the site is hosted in (`/x/` on a site under `/familyhub/`), as written.
    Outside(&'a str),
}

/// Every root-relative `href` and `src` of a published page, as the site paths they lead to.
pub fn page_links<'a>(html: &'a str, urls: &SiteUrls) -> Vec<PageLink<'a>> {
    site_paths_in_html(html)
        .into_iter()
        .map(|href| page_link(href, urls))
        .collect()
}

/// A root-relative `href` or `src` of a published page, as the site path it leads to.
pub fn page_link<'a>(href: &'a str, urls: &SiteUrls) -> PageLink<'a> {
    urls.site_path(href)
        .map_or(PageLink::Outside(href), PageLink::Site)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_root_relative_links_only() {
        let html = r#"<a href="/a/">a</a><a href="https://x">x</a><img src="/i.png"><a href="//cdn">c</a>"#;
        assert_eq!(site_paths_in_html(html), vec!["/a/", "/i.png"]);
    }

    #[test]
    fn links_under_the_folder_are_site_paths_and_others_leave_it() {
        let urls = SiteUrls::parse("https://council.example.gov.uk/familyhub/").unwrap();
        let html =
            r#"<a href="/familyhub/a/">a</a><a href="/b/">b</a><a href="/familyhub/">home</a>"#;
        assert_eq!(
            page_links(html, &urls),
            vec![
                PageLink::Site("/a/"),
                PageLink::Outside("/b/"),
                PageLink::Site("/")
            ]
        );
        let root = SiteUrls::parse("https://example.org").unwrap();
        assert_eq!(page_links(html, &root)[1], PageLink::Site("/b/"));
    }
}
