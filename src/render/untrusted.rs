//! Text from outside the organisers' team, made safe to publish: part of the render stage.
//!
//! Session descriptions (written by partner organisations) and service descriptions (written by
//! partners or imported from other directories) are Markdown that may hold HTML. Both go
//! through one cleaner, [`clean_html`]: the Markdown is rendered, then ammonia rebuilds the HTML
//! keeping only an allow-list, so that whatever the renderer or the partner wrote, nothing can
//! run script, submit a form, restyle or hide the page, or break out of its markup.
//!
//! One policy, with one difference between its two names ([`Policy`]). Kept: paragraphs,
//! headings (with their anchors), lists, emphasis, quotes, code, tables (and the scrolling
//! wrapper the renderer puts round them), and links to http(s), mailto, tel and this site, with
//! `rel="noopener noreferrer nofollow"`. Removed with their content: script, style, iframe,
//! object, embed, template, svg, math, noscript; removed keeping their text: every other tag;
//! dropped: every other attribute (event handlers, `style`, `class`, `src` on anything but an
//! image). URLs are read as browsers read them (WHATWG parsing), so `java\tscript:` and
//! `&#106;avascript:` are refused too. The difference: session descriptions may show images,
//! and the output's origin check fails the build at the image's line if one is on another site
//! (src/output/origins.rs); service descriptions show none, because imports and the ORUK export
//! move them between sites, where an image elsewhere could not load and one from another site
//! would stop the build on data nobody on the team wrote.
//!
//! Why HTML is cleaned rather than shown as text: descriptions imported from other directories
//! are often HTML (hubsite's own ORUK export writes HTML there), and a family should read a
//! list, not its tags. Why ammonia rather than checks on Markdown events: the HTML a partner
//! types arrives in fragments (`<b>`, text, `</b>`) that only a real HTML parser can judge.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{Options, Parser, html};

/// What a description may hold, by where it comes from. Everything but images is shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// A session's description: images from this site or the web are kept.
    SessionDescription,
    /// A directory service's description, hand-written or imported: no images.
    ServiceDescription,
}

/// Tags either policy keeps.
const TAGS: &[&str] = &[
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
    "del",
    "hr",
    "div",
];

/// Tags removed together with everything inside them.
const REMOVED_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "template", "svg", "math", "noscript",
];

/// Link schemes either policy keeps; addresses without a scheme (this site) are kept too.
const SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Removes from `html` everything `policy` does not allow.
pub fn clean_html(html: &str, policy: Policy) -> String {
    let cleaner = match policy {
        Policy::SessionDescription => &*SESSION_CLEANER,
        Policy::ServiceDescription => &*SERVICE_CLEANER,
    };
    cleaner.clean(html).to_string()
}

/// Renders a service description (Markdown that may hold HTML) into HTML safe to put in a
/// page or an export. Session descriptions go through the site's Markdown renderer instead
/// (links to pages, heading anchors), which hands its HTML to [`clean_html`].
pub fn render_service_description(text: &str) -> String {
    let mut raw_html = String::new();
    html::push_html(
        &mut raw_html,
        Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH),
    );
    clean_html(&raw_html, Policy::ServiceDescription)
}

// Built once: the allow-lists do not change while hubsite runs.
static SESSION_CLEANER: LazyLock<ammonia::Builder<'static>> =
    LazyLock::new(|| cleaner(Policy::SessionDescription));
static SERVICE_CLEANER: LazyLock<ammonia::Builder<'static>> =
    LazyLock::new(|| cleaner(Policy::ServiceDescription));

fn cleaner(policy: Policy) -> ammonia::Builder<'static> {
    let mut tags: HashSet<&str> = TAGS.iter().copied().collect();
    let mut attributes: HashMap<&str, HashSet<&str>> = HashMap::from([
        ("a", HashSet::from(["href"])),
        ("abbr", HashSet::from(["title"])),
        ("ol", HashSet::from(["start"])),
        // The renderer's scrolling wrapper round a table (its class is allowed below).
        ("div", HashSet::from(["role", "aria-label", "tabindex"])),
    ]);
    for heading in ["h2", "h3", "h4", "h5", "h6"] {
        attributes.insert(heading, HashSet::from(["id"]));
    }
    if policy == Policy::SessionDescription {
        tags.insert("img");
        attributes.insert("img", HashSet::from(["src", "alt", "title"]));
    }
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(HashSet::from(["lang", "title"]))
        .tag_attributes(attributes)
        .allowed_classes(HashMap::from([("div", HashSet::from(["table-wrap"]))]))
        .url_schemes(SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer nofollow"));
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let out = render_service_description(
            "Hi <script>alert(1)</script><img src=x onerror=alert(2)>\n\n[x](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\" onclick=\"alert(5)\">y</a>",
        );
        for bad in [
            "<script",
            "alert(1)",
            "onerror",
            "onclick",
            "javascript",
            "JaVaScRiPt",
            "<img",
        ] {
            assert!(!out.contains(bad), "{bad} survived in {out}");
        }
    }

    #[test]
    fn script_schemes_are_refused_however_they_are_spelt() {
        for policy in [Policy::SessionDescription, Policy::ServiceDescription] {
            for bad in [
                "javascript:x",
                "JaVaScRiPt:x",
                " javascript:x",
                "java\tscript:x",
                "&#106;avascript:x",
                "data:text/html,x",
                "vbscript:x",
            ] {
                let out = clean_html(&format!("<a href=\"{bad}\">y</a>"), policy);
                assert_eq!(
                    out, "<a rel=\"noopener noreferrer nofollow\">y</a>",
                    "{bad}"
                );
            }
            for good in [
                "https://example.org",
                "mailto:a@example.org",
                "tel:0123",
                "/sessions/",
                "b/#x",
                "#top",
            ] {
                let out = clean_html(&format!("<a href=\"{good}\">y</a>"), policy);
                assert!(out.contains(&format!("href=\"{good}\"")), "{good}: {out}");
            }
        }
    }

    #[test]
    fn iframes_and_hiding_styles_are_removed_but_text_survives() {
        let out = clean_html(
            "<iframe src=\"https://evil.example\"></iframe><p style=\"display:none\" class=\"x\">Kept</p>",
            Policy::ServiceDescription,
        );
        assert_eq!(out, "<p>Kept</p>");
    }

    #[test]
    fn markdown_and_safe_links_survive_with_rel() {
        let out =
            render_service_description("**Bold** and [site](https://example.org)\n\n- one\n- two");
        assert!(out.contains("<strong>Bold</strong>"));
        assert!(
            out.contains(
                r#"<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>"#
            ),
            "{out}"
        );
        assert!(out.contains("<li>two</li>"));
    }

    #[test]
    fn only_session_descriptions_keep_images_and_then_only_with_safe_sources() {
        let html = r#"<img src="/a.png" alt="A"><img src="javascript:alert(1)" alt="B">"#;
        assert_eq!(
            clean_html(html, Policy::SessionDescription),
            r#"<img src="/a.png" alt="A"><img alt="B">"#
        );
        assert_eq!(clean_html(html, Policy::ServiceDescription), "");
    }

    #[test]
    fn the_renderers_table_wrapper_and_heading_anchors_survive_but_no_other_class_or_id() {
        let wrapper = r#"<div class="table-wrap" role="region" aria-label="Table" tabindex="0"><table></table></div>"#;
        assert_eq!(clean_html(wrapper, Policy::SessionDescription), wrapper);
        let out = clean_html(
            r#"<h2 id="top" class="exit-this-page">T</h2><div id="main" class="visually-hidden">x</div>"#,
            Policy::SessionDescription,
        );
        // ammonia leaves an empty `class` where it took every class out.
        assert_eq!(out, r#"<h2 id="top">T</h2><div class="">x</div>"#);
    }
}
