//! Scanners over the HTML and CSS the build makes: start tags as a browser reads them
//! ([`start_tags`], html5ever's tokenizer: character references decoded, comments, raw text
//! and odd markup as the HTML standard says), start tags with where each value sits in the
//! text ([`tags`], a small scanner for rewriting the site's own addresses), and the addresses
//! in a style sheet. A leaf module: the origin check (stage 4) reads with [`start_tags`] and
//! [`css_urls`], and [`crate::site_url`] rewrites the site's own addresses with [`tags`] when
//! the site is hosted under a folder.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// A start tag as a browser's tokenizer reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartTag {
    /// The element's name, lower-cased (`img`; `image` and `feimage` inside SVG too).
    pub name: String,
    /// Its attributes: lower-cased name (`xlink:href` as written), value with character
    /// references decoded (`https&#58;//` is `https://`).
    pub attributes: Vec<(String, String)>,
    /// For `<style>`: the style sheet it holds, up to its end tag.
    pub text: Option<String>,
}

/// Every start tag of an HTML text, in order, read by html5ever's tokenizer as the HTML
/// standard says: names lower-cased, character references decoded, nothing inside comments,
/// and the content of `script`, `style`, `textarea`, `title` and the like read as text.
/// `noscript` content is read as markup, as a browser without JavaScript reads it.
pub fn start_tags(html: &str) -> Vec<StartTag> {
    let tokenizer = Tokenizer::new(TagSink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(html.into());
    // No sink result stops the tokenizer (no script is run), so one feed reads everything.
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.tags.take()
}

/// Collects start tags, and the text of `<style>` elements.
#[derive(Default)]
struct TagSink {
    tags: RefCell<Vec<StartTag>>,
    /// Inside a `<style>` element, whose text is being collected.
    in_style: RefCell<bool>,
}

impl TokenSink for TagSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                let name = tag.name.to_string();
                let raw = match name.as_str() {
                    "script" => Some(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                    "title" | "textarea" => Some(RawKind::Rcdata),
                    _ => None,
                };
                let style = name == "style";
                *self.in_style.borrow_mut() = style;
                self.tags.borrow_mut().push(StartTag {
                    attributes: tag
                        .attrs
                        .into_iter()
                        .map(|a| {
                            let name = match a.name.prefix {
                                Some(prefix) => format!("{prefix}:{}", a.name.local),
                                None => a.name.local.to_string(),
                            };
                            (name, a.value.to_string())
                        })
                        .collect(),
                    name,
                    text: style.then(String::new),
                });
                // `<script/>` opens a script all the same: HTML ignores the slash.
                raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData)
            }
            Token::TagToken(_) => {
                *self.in_style.borrow_mut() = false;
                TokenSinkResult::Continue
            }
            Token::CharacterTokens(text) if *self.in_style.borrow() => {
                if let Some(style) = self
                    .tags
                    .borrow_mut()
                    .last_mut()
                    .and_then(|t| t.text.as_mut())
                {
                    style.push_str(&text);
                }
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

/// One start tag: its lower-cased name, attributes (lower-cased name, raw value, value
/// offset in the text) and where it ends.
#[derive(Debug)]
pub struct Tag<'a> {
    /// The element's name, lower-cased.
    pub name: Cow<'a, str>,
    /// Its attributes: lower-cased name, the value as written, the value's byte offset.
    pub attributes: Vec<Attribute<'a>>,
    /// The byte offset just after the tag's `>`.
    pub end: usize,
}

/// An attribute of a [`Tag`]: lower-cased name, the value as written, the value's byte offset.
pub type Attribute<'a> = (Cow<'a, str>, &'a str, usize);

/// The start tags of an HTML text, skipping comments. A small scanner, forgiving like browsers.
pub fn tags(html: &str) -> Vec<Tag<'_>> {
    scan(html).0
}

/// The start tags of a piece of HTML that goes into a page (a page body's Markdown), and
/// whether the piece ends where it began: outside any comment, tag or `<style>` element. When
/// it does, [`tags`] reads the page it goes into as the piece, then the rest of the page;
/// when it does not (an unclosed comment or tag), the rest of the page is read differently.
pub fn fragment_tags(html: &str) -> (Vec<Tag<'_>>, bool) {
    let (found, closed) = scan(html);
    let styles_closed = found
        .iter()
        .all(|tag| tag.name != "style" || style_body(html, tag.end).len() < html.len() - tag.end);
    (found, closed && styles_closed)
}

/// [`tags`], and whether the text ends outside a comment and a tag.
fn scan(html: &str) -> (Vec<Tag<'_>>, bool) {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    let mut closed = true;
    while let Some(lt) = html[i..].find('<').map(|p| p + i) {
        if html[lt..].starts_with("<!--") {
            match html[lt..].find("-->") {
                Some(p) => i = lt + p + 3,
                None => {
                    i = html.len();
                    closed = false;
                }
            }
            continue;
        }
        let name_start = lt + 1;
        let mut j = name_start;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-') {
            j += 1;
        }
        if j == name_start || !bytes[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = lowercase(&html[name_start..j]);
        let (attributes, end, ended) = attributes(html, j);
        closed = ended;
        found.push(Tag {
            name,
            attributes,
            end,
        });
        i = end.max(lt + 1);
    }
    (found, closed)
}

/// Parses attributes from `start` up to the closing `>`; returns them, the offset after it and
/// whether there was one (false: the text ended inside the tag).
fn attributes(html: &str, start: usize) -> (Vec<Attribute<'_>>, usize, bool) {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut i = start;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (found, bytes.len(), false);
        }
        if bytes[i] == b'>' {
            return (found, i + 1, true);
        }
        let name_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let name = lowercase(&html[name_start..i]);
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let (value, value_start, next) = attribute_value(html, i);
            found.push((name, value, value_start));
            i = next;
        } else {
            found.push((name, "", i));
        }
    }
}

/// `name` with ASCII letters lower-cased, copied only when it has a capital (the build's own
/// HTML has none: this runs over every page of a site hosted under a folder).
fn lowercase(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// A quoted or unquoted attribute value at `i`: the value, where it starts, where parsing goes on.
fn attribute_value(html: &str, i: usize) -> (&str, usize, usize) {
    let bytes = html.as_bytes();
    match bytes.get(i) {
        Some(&quote @ (b'"' | b'\'')) => {
            let start = i + 1;
            let end = html[start..]
                .find(quote as char)
                .map_or(html.len(), |p| start + p);
            (&html[start..end], start, (end + 1).min(html.len()))
        }
        _ => {
            let end = html[i..]
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .map_or(html.len(), |p| i + p);
            (&html[i..end], i, end)
        }
    }
}

/// The body of a `<style>` element whose start tag ends at `end`, up to `</style`.
pub fn style_body(html: &str, end: usize) -> &str {
    let body = &html[end..];
    &body[..body
        .to_ascii_lowercase()
        .find("</style")
        .unwrap_or(body.len())]
}

/// The addresses in an attribute value with their offsets in it: `srcset` holds several
/// `url width` candidates, other attributes one address.
pub fn urls_in_attribute(value: &str) -> Vec<(&str, usize)> {
    fn trimmed(part: &str, at: usize) -> (&str, usize) {
        (part.trim(), at + part.len() - part.trim_start().len())
    }
    if value.contains(',') && value.contains(' ') {
        let mut found = Vec::new();
        let mut at = 0;
        for candidate in value.split(',') {
            let (candidate_text, offset) = trimmed(candidate, at);
            if let Some(url) = candidate_text.split_ascii_whitespace().next() {
                found.push((url, offset));
            }
            at += candidate.len() + 1;
        }
        found
    } else {
        vec![trimmed(value, 0)]
    }
}

/// How a style sheet names an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CssUrlKind {
    /// `url(...)`: a font or image.
    Url,
    /// `@import`: another style sheet.
    Import,
}

/// An address in a style sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CssUrl<'a> {
    /// How it is named.
    pub kind: CssUrlKind,
    /// The address, without quotes.
    pub url: &'a str,
    /// Its byte offset in the style sheet.
    pub offset: usize,
}

/// Every address in a style sheet: `url(...)` and `@import "..."`, outside comments.
pub fn css_urls(css: &str) -> Vec<CssUrl<'_>> {
    let mut found = Vec::new();
    let lower = css.to_ascii_lowercase();
    let mut i = 0;
    while i < css.len() {
        if lower[i..].starts_with("/*") {
            i = lower[i + 2..]
                .find("*/")
                .map_or(css.len(), |p| i + 2 + p + 2);
            continue;
        }
        if lower[i..].starts_with("url(") {
            let start = i + 4;
            let end = css[start..].find(')').map_or(css.len(), |p| start + p);
            let (url, offset) = unquote(css, start, end);
            found.push(CssUrl {
                kind: CssUrlKind::Url,
                url,
                offset,
            });
            i = end;
            continue;
        }
        if lower[i..].starts_with("@import") {
            let start = i + "@import".len();
            let rest = &css[start..];
            let skipped = rest.len() - rest.trim_start().len();
            let after = rest.trim_start();
            if after.to_ascii_lowercase().starts_with("url(") {
                let start = start + skipped + 4;
                let end = css[start..].find(')').map_or(css.len(), |p| start + p);
                let (url, offset) = unquote(css, start, end);
                found.push(CssUrl {
                    kind: CssUrlKind::Import,
                    url,
                    offset,
                });
                i = end;
            } else {
                let value_start = start + skipped;
                let end = css[value_start..]
                    .find([';', '\n'])
                    .map_or(css.len(), |p| value_start + p);
                let value_end = css[value_start..end]
                    .find(char::is_whitespace)
                    .map_or(end, |p| value_start + p);
                let (url, offset) = unquote(css, value_start, value_end);
                found.push(CssUrl {
                    kind: CssUrlKind::Import,
                    url,
                    offset,
                });
                i = start;
            }
            continue;
        }
        i += css[i..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// The text between `start` and `end` without surrounding spaces and quotes, and its offset.
fn unquote(text: &str, start: usize, end: usize) -> (&str, usize) {
    let raw = &text[start..end];
    let trimmed = raw.trim_start();
    let offset = start + (raw.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    let inner = trimmed.trim_matches(|c| c == '"' || c == '\'');
    let quote = usize::from(trimmed.starts_with(['"', '\'']));
    (inner, offset + quote)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_are_located() {
        let html = r#"<a href="/a/" class=x><img src='/i.png' alt=""><!-- <a href="/no/"> -->"#;
        let found = tags(html);
        assert_eq!(found.len(), 2);
        let (name, value, offset) = &found[0].attributes[0];
        assert_eq!(
            (name.as_ref(), *value, &html[*offset..*offset + 3]),
            ("href", "/a/", "/a/")
        );
        assert_eq!(found[1].attributes[0].1, "/i.png");
        // Names are lower-cased, copied only when they have a capital.
        let found = tags(r#"<IMG SRC="/i.png" alt=x><Style>"#);
        assert_eq!(found[0].name, "img");
        assert_eq!(found[0].attributes[0].0, "src");
        assert!(matches!(found[0].attributes[1].0, Cow::Borrowed("alt")));
        assert_eq!(found[1].name, "style");
    }

    #[test]
    fn start_tags_are_read_as_a_browser_reads_them() {
        let html = "<IMG SRC=\"https&#58;//x.example/a.png\"><!--><img src=/shown>--> \
                    <script>document.write('<img src=/not-a-tag>')</script>\
                    <svg><image xlink:href=\"https://y.example/b.png\"/></svg>\
                    <style>a{b:url(/c)}</style><p>";
        let tags = start_tags(html);
        let names: Vec<&str> = tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            ["img", "img", "script", "svg", "image", "style", "p"]
        );
        assert_eq!(tags[0].attributes[0].1, "https://x.example/a.png");
        // `<!-->` is a whole comment: what follows it is markup.
        assert_eq!(tags[1].attributes[0].1, "/shown");
        assert_eq!(tags[4].attributes[0].0, "xlink:href");
        assert_eq!(tags[5].text.as_deref(), Some("a{b:url(/c)}"));
    }

    #[test]
    fn srcset_candidates_are_located() {
        let value = "/a.png 1x, /b.png 2x";
        let found = urls_in_attribute(value);
        assert_eq!(found, vec![("/a.png", 0), ("/b.png", 11)]);
        assert_eq!(urls_in_attribute(" /c.png "), vec![("/c.png", 1)]);
    }

    #[test]
    fn css_addresses_are_located() {
        let css = "/* url(/no) */ a { background: url(\"/img/a.png\") } @import '/b.css';";
        let found = css_urls(css);
        assert_eq!(
            found.iter().map(|f| (f.kind, f.url)).collect::<Vec<_>>(),
            vec![
                (CssUrlKind::Url, "/img/a.png"),
                (CssUrlKind::Import, "/b.css")
            ]
        );
        assert!(found.iter().all(|f| css[f.offset..].starts_with(f.url)));
    }
}
