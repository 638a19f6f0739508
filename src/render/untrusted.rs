//! Markdown from partners and imports, made inert: part of the render stage.
//!
//! Session descriptions and directory entries come from people outside the organisers' team
//! and from imported data. [`defuse`] rewrites each Markdown event so that nothing in such text
//! can run script, load from another site, or break out of the page's markup: raw HTML becomes
//! text (escaped on output), and links and images keep only safe destinations.

use pulldown_cmark::{CowStr, Event, Tag};

/// One Markdown event, made safe to publish.
pub fn defuse(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let dest_url = if is_safe_link(&dest_url) { dest_url } else { CowStr::from("") };
            Event::Start(Tag::Link { link_type, dest_url, title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            // An image elsewhere would tell another site who is reading; an empty src loads nothing.
            let dest_url = if is_local(&dest_url) { dest_url } else { CowStr::from("") };
            Event::Start(Tag::Image { link_type, dest_url, title, id })
        }
        other => other,
    }
}

/// Links may go to web pages, email, phones, this site and its files; never `javascript:`,
/// `data:` or other schemes that run or embed content.
pub fn is_safe_link(url: &str) -> bool {
    match scheme(url) {
        Some(scheme) => ["http", "https", "mailto", "tel"].contains(&scheme.as_str()),
        None => true,
    }
}

/// A path on this site: no scheme and not `//host`, which browsers read as another site.
pub fn is_local(url: &str) -> bool {
    scheme(url).is_none() && !url.trim_start().starts_with("//") && !url.trim_start().starts_with("\\\\")
}

/// The scheme of a URL as a browser reads it, lowercased: browsers drop ASCII whitespace and
/// control characters, so `java\tscript:` is still `javascript:`.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).collect();
    let colon = cleaned.find(':')?;
    let before_path = cleaned.find(['/', '?', '#']).is_none_or(|slash| colon < slash);
    let candidate = &cleaned[..colon];
    let looks_like_scheme = !candidate.is_empty()
        && candidate.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    (before_path && looks_like_scheme).then(|| candidate.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_schemes_are_refused_however_they_are_spelt() {
        for bad in ["javascript:alert(1)", "JaVaScRiPt:x", " javascript:x", "java\tscript:x", "data:text/html,x", "vbscript:x"] {
            assert!(!is_safe_link(bad), "{bad}");
        }
        for good in ["https://example.org", "mailto:a@example.org", "tel:0123", "/sessions/", "b.md#x", "#top", "a/b:c"] {
            assert!(is_safe_link(good), "{good}");
        }
    }

    #[test]
    fn only_local_images_are_kept() {
        assert!(is_local("/images/a.png"));
        assert!(!is_local("https://tracker.example/p.gif"));
        assert!(!is_local("//tracker.example/p.gif"));
        assert!(!is_local("data:image/svg+xml,<svg onload=alert(1)>"));
    }

    #[test]
    fn raw_html_becomes_text() {
        assert_eq!(defuse(Event::Html("<script>".into())), Event::Text("<script>".into()));
        assert_eq!(defuse(Event::InlineHtml("<b>".into())), Event::Text("<b>".into()));
    }
}
