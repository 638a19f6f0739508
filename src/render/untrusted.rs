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

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pulldown_cmark::{Event, Options, Parser, html};

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
    let text = without_script_blocks(text);
    let text = text.as_ref();
    let mut raw_html = String::new();
    html::push_html(
        &mut raw_html,
        Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH),
    );
    clean_html(&raw_html, Policy::ServiceDescription)
}

/// Elements removed with their content that also open a CommonMark HTML block running to the
/// element's end tag (type 1), with the state an HTML tokenizer reads their content in.
const BLOCK_RAW_TEXT: &[(&str, RawKind)] =
    &[("script", RawKind::ScriptData), ("style", RawKind::Rawtext)];

/// `markdown` with every `<script>` and `<style>` element written in it blanked out (spaces,
/// newlines kept, so positions in the text stay true), before the Markdown is parsed.
///
/// Why: CommonMark ends a `<script>` HTML block only on a line holding `</script>`, and
/// pulldown-cmark matches that in lower case only, so `<ScRiPt>..</ScRiPt>`, `</script >` or an
/// unclosed tag made the rest of the text one raw HTML block, shown as unrendered Markdown.
/// Where the element ends is decided by html5ever's tokenizer, as a browser would (any case,
/// attributes, whitespace); an element never closed ends with its Markdown paragraph. Only
/// HTML the Markdown parser saw is touched: `<script>` in a code span stays text.
pub fn without_script_blocks(markdown: &str) -> Cow<'_, str> {
    let lower = markdown.to_ascii_lowercase();
    if !BLOCK_RAW_TEXT
        .iter()
        .any(|(tag, _)| lower.contains(&format!("<{tag}")))
    {
        return Cow::Borrowed(markdown);
    }
    let mut blanks: Vec<Range<usize>> = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        // Only HTML blocks run past their element; inline HTML ends with its paragraph, and
        // ammonia removes inline script and style as they are.
        let Event::Html(_) = event else {
            continue;
        };
        if blanks.last().is_some_and(|b| b.end > range.start) {
            continue;
        }
        let Some(&(tag, kind)) = BLOCK_RAW_TEXT
            .iter()
            .find(|(tag, _)| opens(&lower[range.start..], tag))
        else {
            continue;
        };
        let rest = &markdown[range.start..];
        let end = element_end(rest, tag, kind).unwrap_or_else(|| paragraph_end(rest));
        blanks.push(range.start..range.start + end);
    }
    let mut bytes = markdown.as_bytes().to_vec();
    for range in blanks {
        bytes[range]
            .iter_mut()
            .filter(|b| **b != b'\n' && **b != b'\r')
            .for_each(|b| *b = b' ');
    }
    // Only whole characters were replaced by ASCII spaces, so this is UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_default())
}

/// True when `lower` (lower-cased text) starts with the start tag of `tag`.
fn opens(lower: &str, tag: &str) -> bool {
    lower
        .strip_prefix('<')
        .and_then(|rest| rest.strip_prefix(tag))
        .is_some_and(|after| {
            after.is_empty()
                || after.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        })
}

/// Where a paragraph ends: at its first blank line, or the end of the text.
fn paragraph_end(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && line.trim().is_empty() {
            return offset;
        }
        offset += line.len();
    }
    text.len()
}

/// Byte offset just past the end tag of the `tag` element that `text` starts with, as an
/// HTML tokenizer reads it; `None` when the element is never closed.
fn element_end(text: &str, tag: &str, kind: RawKind) -> Option<usize> {
    let sink = EndTagSink {
        tag,
        kind,
        ended: Cell::new(false),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    // One character at a time, so that the moment the end tag is read gives its offset.
    for (offset, c) in text.char_indices() {
        queue.push_back(StrTendril::from_slice(&text[offset..offset + c.len_utf8()]));
        let _ = tokenizer.feed(&queue);
        if tokenizer.sink.ended.get() {
            return Some(offset + c.len_utf8());
        }
    }
    None
}

/// Puts the tokenizer into `kind` on `tag`'s start tag, and notes its end tag.
struct EndTagSink<'a> {
    tag: &'a str,
    kind: RawKind,
    ended: Cell<bool>,
}

impl TokenSink for EndTagSink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) if &*tag.name == self.tag && tag.kind == TagKind::StartTag => {
                TokenSinkResult::RawData(self.kind)
            }
            Token::TagToken(tag) if &*tag.name == self.tag => {
                self.ended.set(true);
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
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
    fn script_blocks_end_where_a_browser_ends_them_and_the_rest_is_markdown() {
        for script in [
            "<ScRiPt>alert(1)</ScRiPt>",
            "<SCRIPT type=\"text/javascript\">alert(1)</SCRIPT >",
            "<script>\nalert(1)\n</script\n>",
            "<StYlE>p { display: none }</sTyLe>",
            "<script>alert(1)",
        ] {
            let out = render_service_description(&format!(
                "**Before**\n\n{script}\n\n- one\n- two\n\nAfter *this*."
            ));
            assert!(
                out.contains("<li>two</li>") && out.contains("<em>this</em>"),
                "{script}: {out}"
            );
            assert!(
                !out.to_lowercase().contains("alert") && !out.contains("display"),
                "{script}: {out}"
            );
        }
    }

    #[test]
    fn script_blanking_keeps_positions_and_leaves_code_alone() {
        let text = "a\n<ScRiPt>x()</ScRiPt>\n`<script>` é";
        let out = without_script_blocks(text);
        assert_eq!(out.len(), text.len());
        assert_eq!(out.lines().count(), text.lines().count());
        assert!(out.ends_with("`<script>` é"), "{out}");
        assert!(matches!(without_script_blocks("no tags"), Cow::Borrowed(_)));
    }

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
