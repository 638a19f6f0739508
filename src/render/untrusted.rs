//! Markdown from partners and imports, made inert: part of the render stage.
//!
//! Session descriptions and directory entries come from people outside the organisers' team
//! and from imported data. [`defuse`] rewrites each Markdown event so that nothing in such text
//! can run script, load from another site, or break out of the page's markup: raw HTML becomes
//! text (escaped on output), and links and images keep only safe schemes.

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
            // An image on another site is kept for the output's origin check, which fails the
            // build with the image's location (src/output/origins.rs): the organiser is told.
            let dest_url = if is_safe_link(&dest_url) { dest_url } else { CowStr::from("") };
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
    fn images_with_script_schemes_lose_their_source() {
        let image = |url: &'static str| Event::Start(Tag::Image {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url: url.into(),
            title: "".into(),
            id: "".into(),
        });
        assert_eq!(defuse(image("javascript:alert(1)")), image(""));
        assert_eq!(defuse(image("/images/a.png")), image("/images/a.png"));
    }

    #[test]
    fn raw_html_becomes_text() {
        assert_eq!(defuse(Event::Html("<script>".into())), Event::Text("<script>".into()));
        assert_eq!(defuse(Event::InlineHtml("<b>".into())), Event::Text("<b>".into()));
    }
}
