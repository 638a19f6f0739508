//! Partner-written text: Markdown to HTML, then cleaned with ammonia so that only safe markup
//! survives. Scripts, event handlers, `javascript:` links, iframes, forms and `style`
//! attributes (which could hide content) are dropped; links get `rel="noopener noreferrer nofollow"`.

use std::collections::HashSet;

use pulldown_cmark::{Options, Parser, html};

/// Tags a partner's description may use: text structure, lists, links, tables.
const TAGS: &[&str] = &[
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code", "pre",
    "table", "thead", "tbody", "tr", "th", "td", "abbr", "del", "hr",
];

/// Renders untrusted Markdown (which may hold raw HTML) into HTML safe to put in a page.
pub fn render_untrusted_markdown(text: &str) -> String {
    let mut raw_html = String::new();
    html::push_html(&mut raw_html, Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH));
    clean_html(&raw_html)
}

/// Keeps only the allowed tags and attributes, and only http, https, mailto and tel links.
pub fn clean_html(html: &str) -> String {
    let tags: HashSet<&str> = TAGS.iter().copied().collect();
    let schemes: HashSet<&str> = ["http", "https", "mailto", "tel"].into_iter().collect();
    ammonia::Builder::default()
        .tags(tags)
        .clean_content_tags(["script", "style", "iframe", "object", "embed", "template", "svg", "math", "noscript"].into_iter().collect())
        .generic_attributes(HashSet::from(["lang", "title"]))
        .tag_attributes([("a", HashSet::from(["href"])), ("abbr", HashSet::from(["title"]))].into_iter().collect())
        .url_schemes(schemes)
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let out = render_untrusted_markdown(
            "Hi <script>alert(1)</script><img src=x onerror=alert(2)>\n\n[x](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\" onclick=\"alert(5)\">y</a>",
        );
        for bad in ["<script", "alert(1)", "onerror", "onclick", "javascript", "JaVaScRiPt", "<img"] {
            assert!(!out.contains(bad), "{bad} survived in {out}");
        }
    }

    #[test]
    fn iframes_and_hiding_styles_are_removed_but_text_survives() {
        let out = clean_html("<iframe src=\"https://evil.example\"></iframe><p style=\"display:none\" class=\"x\">Kept</p>");
        assert_eq!(out, "<p>Kept</p>");
    }

    #[test]
    fn markdown_and_safe_links_survive_with_rel() {
        let out = render_untrusted_markdown("**Bold** and [site](https://example.org)\n\n- one\n- two");
        assert!(out.contains("<strong>Bold</strong>"));
        assert!(out.contains(r#"<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>"#), "{out}");
        assert!(out.contains("<li>two</li>"));
    }
}
