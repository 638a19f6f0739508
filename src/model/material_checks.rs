//! Checks over follow-on materials and the resource library that `hubsite check` adds: links
//! that cannot be followed as written, and the same material listed twice.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::Site;
use crate::model::material::Material;

/// Why an address that starts with http(s) still cannot be used, if it cannot.
pub fn unusable_url(url: &str) -> Option<&'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let name = host.split(':').next().unwrap_or("");
    if url.chars().any(char::is_whitespace) {
        Some("this address has a space in it")
    } else if name.is_empty() {
        Some("this address has no website in it")
    } else if !name.contains('.') || name.ends_with('.') {
        Some("this address does not name a public website")
    } else if url.starts_with("http://") {
        Some("this address is not secure (http://)")
    } else {
        None
    }
}

/// A comparable form of an address: no scheme, no `www.`, no trailing slash, lowercase host.
pub fn url_key(url: &str) -> String {
    let short = crate::model::material::short_url(url);
    match short.split_once('/') {
        Some((host, path)) => format!("{}/{path}", host.to_lowercase()),
        None => short.to_lowercase(),
    }
}

fn check_url(material: &Material, problems: &mut Diagnostics) {
    if let Some(reason) = unusable_url(&material.url) {
        let hint = if material.url.starts_with("http://") {
            "use the site's https:// address; readers' browsers may warn about or block http://"
        } else {
            "give the full https:// address readers can follow, or remove the material"
        };
        problems.push(
            material
                .origin
                .diagnostic(
                    Code::MaterialAddress,
                    format!("`{}`: {reason}", material.title),
                )
                .hint(hint),
        );
    }
}

fn duplicate(material: &Material, first: &Material, what: &str) -> Diagnostic {
    let at = &first.origin;
    material
        .origin
        .diagnostic(
            Code::DuplicateMaterial,
            format!(
                "`{}` {what} ({}:{}:{})",
                material.title,
                at.path.display(),
                at.line,
                at.column
            ),
        )
        .hint("list each material once")
}

/// Every material and resource problem in the site, in file order.
pub fn check_materials(site: &Site) -> Diagnostics {
    let mut problems = Diagnostics::default();
    for session in &site.sessions {
        let mut seen: BTreeMap<String, &Material> = BTreeMap::new();
        for material in &session.follow_on {
            check_url(material, &mut problems);
            match seen.get(&url_key(&material.url)) {
                Some(first) => problems.push(duplicate(
                    material,
                    first,
                    "has the same address as another material of this session",
                )),
                None => {
                    seen.insert(url_key(&material.url), material);
                }
            }
        }
    }
    let mut by_url: BTreeMap<String, &Material> = BTreeMap::new();
    let mut by_title: BTreeMap<String, &Material> = BTreeMap::new();
    for resource in &site.resources {
        let material = &resource.material;
        check_url(material, &mut problems);
        if let Some(first) = by_url.get(&url_key(&material.url)) {
            problems.push(duplicate(
                material,
                first,
                "has the same address as another resource",
            ));
        } else if let Some(first) = by_title.get(&material.title.trim().to_lowercase()) {
            problems.push(duplicate(
                material,
                first,
                "has the same title as another resource",
            ));
        }
        by_url.entry(url_key(&material.url)).or_insert(material);
        by_title
            .entry(material.title.trim().to_lowercase())
            .or_insert(material);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usable_addresses_pass() {
        assert_eq!(unusable_url("https://example.org/a?b=c"), None);
        assert_eq!(unusable_url("https://www.example.org"), None);
    }

    #[test]
    fn unusable_addresses_say_why() {
        assert_eq!(
            unusable_url("https://"),
            Some("this address has no website in it")
        );
        assert_eq!(
            unusable_url("https://todo/slides"),
            Some("this address does not name a public website")
        );
        assert_eq!(
            unusable_url("https://example.org/a b"),
            Some("this address has a space in it")
        );
        assert_eq!(
            unusable_url("http://example.org/a"),
            Some("this address is not secure (http://)")
        );
    }

    #[test]
    fn address_keys_ignore_scheme_www_case_and_trailing_slash() {
        assert_eq!(
            url_key("https://www.Example.org/A/"),
            url_key("http://example.org/A")
        );
        assert_ne!(
            url_key("https://example.org/A"),
            url_key("https://example.org/a")
        );
    }
}
