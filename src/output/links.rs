//! Internal links: does a site path lead to a published file?

use crate::output::Output;

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
        let mut rest = html;
        while let Some(i) = rest.find(attribute) {
            rest = &rest[i + attribute.len()..];
            let value = &rest[..rest.find('"').unwrap_or(rest.len())];
            if value.starts_with('/') && !value.starts_with("//") {
                found.push(value);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_root_relative_links_only() {
        let html = r#"<a href="/a/">a</a><a href="https://x">x</a><img src="/i.png"><a href="//cdn">c</a>"#;
        assert_eq!(site_paths_in_html(html), vec!["/a/", "/i.png"]);
    }
}
