//! The link scan before session 11, with `str::find`: the reference `site_paths_in_html` (memchr
//! since) is compared with (tests/origin_reader.rs, examples/time_origins.rs `--compare`).

/// Every `href="` and `src="` value that starts with one `/`, as the scan found them.
pub fn site_paths_by_find(html: &str) -> Vec<&str> {
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
