//! Scanners over the HTML the build makes: start tags as a browser reads them
//! ([`read_start_tags`] and [`start_tags`], html5gum's tokenizer: character references decoded,
//! comments, raw text and odd markup as the HTML standard says), start tags with where each
//! value sits in the text ([`tags`], a small scanner for rewriting the site's own addresses);
//! style sheets are [`crate::css_scan`]'s. A leaf module: the origin check (stage 4) reads
//! plain pages (the build's own) with [`read_plain_start_tags`], a quick reading that gives
//! exactly what [`read_start_tags`] would or refuses the page, and the rest with
//! [`read_start_tags`]; [`crate::site_url`] rewrites the site's own addresses with [`tags`]
//! when the site is hosted under a folder.

use std::borrow::Cow;
use std::convert::Infallible;
use std::ops::Range;

use html5gum::{Emitter, State, Tokenizer};

mod plain;

pub use plain::{NotPlain, read_plain_start_tags};

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

/// Every start tag of an HTML text, in order, read by a tokenizer that follows the HTML
/// standard (html5gum's): names lower-cased, character references decoded, nothing inside
/// comments, and the content of `script`, `style`, `textarea`, `title` and the like read as
/// text. `noscript` content is read as markup, as a browser without JavaScript reads it (with
/// JavaScript, a browser reads it as text: see [`noscript_ends_read_alike`]).
/// [`read_start_tags`] reads the same way, keeping only what its reader asks for.
pub fn start_tags(html: &str) -> Vec<StartTag> {
    /// Keeps everything.
    #[derive(Default)]
    struct All(Vec<StartTag>);
    impl StartTagReader for All {
        fn wants_element(&self, _name: &str) -> bool {
            true
        }
        fn wants_attribute(&self, _name: &str) -> bool {
            true
        }
        fn start_tag(&mut self, name: &str, attributes: Attributes<'_>) {
            self.0.push(StartTag {
                name: name.to_owned(),
                attributes: attributes
                    .iter()
                    .map(|(n, v)| (n.to_owned(), v.to_owned()))
                    .collect(),
                text: (name == "style").then(String::new),
            });
        }
        fn style_sheet(&mut self, css: &str) {
            if let Some(text) = self.0.last_mut().and_then(|t| t.text.as_mut()) {
                text.push_str(css);
            }
        }
    }
    let mut all = All::default();
    read_start_tags(html, &mut all);
    all.0
}

/// Whether an HTML text has `noscript` in it, in any case.
pub fn mentions_noscript(html: &str) -> bool {
    noscript_at(html, b"noscript").next().is_some()
}

/// Whether a browser with JavaScript reads the page as one without does, given how many
/// `</noscript>` end tags the reading without ([`read_start_tags`], which reads a
/// `<noscript>`'s content as markup) found. With JavaScript a `<noscript>`'s content is text up
/// to the first `</noscript` followed by a space, `/` or `>`: when every such text in the page
/// was an end tag of that reading too, each text run ends where that reading is between tags,
/// and the two read the same from there on, the one's text being the other's markup. When one
/// was not (inside an attribute, a comment, a style sheet, an SVG element),
/// `<noscript><p title="</noscript><img src=//x>">` loads only with JavaScript on.
pub fn noscript_ends_read_alike(html: &str, end_tags_read: usize) -> bool {
    let bytes = html.as_bytes();
    // `<` and `/` have no case: every `</noscript`, in any case, starts with a `</`, found by one
    // SIMD search for the pair (a page has a `<` every few bytes, a `</` half as often).
    let written = memchr::memmem::find_iter(bytes, b"</")
        .filter(|&at| {
            bytes
                .get(at + 2..at + 10)
                .is_some_and(|name| name.eq_ignore_ascii_case(b"noscript"))
                && bytes
                    .get(at + 10)
                    .is_some_and(|&b| is_space(b) || matches!(b, b'/' | b'>'))
        })
        .count();
    written == end_tags_read
}

/// Where each `needle` (lower case, starting with `n`) ends in `html`, any case.
fn noscript_at<'a>(html: &'a str, needle: &'static [u8]) -> impl Iterator<Item = usize> + 'a {
    let bytes = html.as_bytes();
    let first = needle[0];
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes).filter_map(move |at| {
        let end = at + needle.len();
        bytes
            .get(at..end)
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
            .then_some(end)
    })
}

/// What a reader of an HTML text's start tags ([`read_start_tags`]) wants kept of them. The
/// tokenizer copies only the attribute values asked for (into buffers it reuses), so a reader
/// that wants a few attributes of a few elements costs little more than the tokenizing.
pub trait StartTagReader {
    /// Whether every attribute of an element with this lower-cased name is wanted.
    fn wants_element(&self, name: &str) -> bool;
    /// Whether this lower-cased attribute is wanted on every element.
    fn wants_attribute(&self, name: &str) -> bool;
    /// A start tag, with the attributes wanted of it (of a name given twice, the first, as a
    /// browser keeps it).
    fn start_tag(&mut self, name: &str, attributes: Attributes<'_>);
    /// The text of the `<style>` element whose start tag came last, up to its end tag (or the
    /// end of the HTML), before the next start tag is given; not called when it is empty.
    fn style_sheet(&mut self, css: &str);
    /// An end tag, by its lower-cased name.
    fn end_tag(&mut self, _name: &str) {}
}

/// The attributes of a start tag that its [`StartTagReader`] asked for.
#[derive(Debug, Clone, Copy)]
pub struct Attributes<'a> {
    /// Each attribute's name and value, as ranges of `text`.
    spans: &'a [(Range<usize>, Range<usize>)],
    text: &'a [u8],
}

impl<'a> Attributes<'a> {
    /// Each attribute's lower-cased name and its value (character references decoded), in
    /// the order written.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        let text = self.text;
        self.spans
            .iter()
            .map(move |(name, value)| (utf8(&text[name.clone()]), utf8(&text[value.clone()])))
    }

    /// The value of the attribute with this lower-cased name.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// Bytes the tokenizer gave as a name or value: UTF-8, as the HTML they were read from is, or
/// the character references it decoded; a value cut inside a character (which cannot happen)
/// would read as nothing rather than stop the build.
fn utf8(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// Reads the start tags of an HTML text as [`start_tags`] does, giving `reader` what it asks
/// for of each.
pub fn read_start_tags(html: &str, reader: &mut impl StartTagReader) {
    let emitter = TagEmitter {
        reader,
        tag: Vec::new(),
        current: Current::Other,
        last_start_tag: Vec::new(),
        element_wanted: None,
        text: Vec::new(),
        spans: Vec::new(),
        attribute: None,
        in_style: false,
        style: Vec::new(),
    };
    // Reading a `&str` cannot fail.
    let Ok(()) = Tokenizer::new_with_emitter(html, emitter).finish();
}

/// What the tokenizer is reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Current {
    StartTag,
    EndTag,
    /// A comment or doctype, or nothing yet.
    Other,
}

/// The attribute being read: its name's range in [`TagEmitter::text`], and whether it is kept
/// (once known: when its value starts or it ends).
#[derive(Debug)]
struct OpenAttribute {
    name: Range<usize>,
    kept: Option<bool>,
}

/// html5gum's [`Emitter`] for a [`StartTagReader`]: keeps the current tag's name, and the
/// names and values of the attributes the reader wants in one buffer reused for every tag.
/// Switches the tokenizer to raw text after `script`, `style` and the like, as a browser's
/// tree builder would (the same elements html5ever's tokenizer is told of).
struct TagEmitter<'r, R> {
    reader: &'r mut R,
    /// The current tag's name.
    tag: Vec<u8>,
    current: Current,
    /// The last start tag's name, to know which end tag ends a raw-text element.
    last_start_tag: Vec<u8>,
    /// Whether the reader wants every attribute of the current tag, once asked (when the
    /// first attribute's value starts or it ends: the tag's name is whole then).
    element_wanted: Option<bool>,
    /// The names and values of the current tag's kept attributes, then the open attribute's name.
    text: Vec<u8>,
    /// The kept attributes of the current tag: name and value ranges in `text`.
    spans: Vec<(Range<usize>, Range<usize>)>,
    attribute: Option<OpenAttribute>,
    /// Inside a `<style>` element, whose text is collected in `style`.
    in_style: bool,
    style: Vec<u8>,
}

impl<R: StartTagReader> TagEmitter<'_, R> {
    /// Whether the open attribute is kept: on a start tag, a first one of its name that the
    /// reader wants. Its name is whole once its value starts.
    fn keep_attribute(&mut self) -> bool {
        let (name, known) = match &self.attribute {
            Some(open) => (open.name.clone(), open.kept),
            None => return false,
        };
        if let Some(kept) = known {
            return kept;
        }
        let kept = self.current == Current::StartTag && {
            let element_wanted = *self
                .element_wanted
                .get_or_insert_with(|| self.reader.wants_element(utf8(&self.tag)));
            let name_bytes = &self.text[name.clone()];
            (element_wanted || self.reader.wants_attribute(utf8(name_bytes)))
                && !self
                    .spans
                    .iter()
                    .any(|(n, _)| &self.text[n.clone()] == name_bytes)
        };
        if !kept {
            self.text.truncate(name.start);
        }
        if let Some(open) = &mut self.attribute {
            open.kept = Some(kept);
        }
        kept
    }

    /// Ends the open attribute, if any: a kept one joins the tag's attributes.
    fn finish_attribute(&mut self) {
        if self.attribute.is_none() {
            return;
        }
        let kept = self.keep_attribute();
        if let Some(open) = self.attribute.take()
            && kept
        {
            let value = open.name.end..self.text.len();
            self.spans.push((open.name, value));
        }
    }

    /// Gives the reader the `<style>` text read so far.
    fn finish_style(&mut self) {
        if self.in_style {
            self.in_style = false;
            if !self.style.is_empty() {
                self.reader.style_sheet(utf8(&self.style));
                self.style.clear();
            }
        }
    }
}

impl<R: StartTagReader> Emitter for TagEmitter<'_, R> {
    type Token = Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag.clear();
        self.last_start_tag
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.finish_style();
    }

    fn emit_error(&mut self, _error: html5gum::Error) {}

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    fn emit_string(&mut self, text: &[u8]) {
        if self.in_style {
            self.style.extend_from_slice(text);
        }
    }

    fn init_start_tag(&mut self) {
        self.tag.clear();
        self.current = Current::StartTag;
        self.element_wanted = None;
        self.text.clear();
        self.spans.clear();
        self.attribute = None;
    }

    fn init_end_tag(&mut self) {
        self.tag.clear();
        self.current = Current::EndTag;
        self.text.clear();
        self.spans.clear();
        self.attribute = None;
    }

    fn init_comment(&mut self) {
        self.current = Current::Other;
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.finish_attribute();
        // As html5ever's tokenizer sink read it: any tag ends a style sheet.
        self.finish_style();
        if self.current == Current::EndTag {
            self.reader.end_tag(utf8(&self.tag));
        }
        if self.current != Current::StartTag {
            return None;
        }
        self.last_start_tag.clear();
        self.last_start_tag.extend_from_slice(&self.tag);
        let name = utf8(&self.tag);
        self.reader.start_tag(
            name,
            Attributes {
                spans: &self.spans,
                text: &self.text,
            },
        );
        // `<script/>` opens a script all the same: HTML ignores the slash.
        if name == "style" {
            self.in_style = true;
        }
        text_state(name)
    }

    fn emit_current_comment(&mut self) {}

    fn emit_current_doctype(&mut self) {}

    fn set_self_closing(&mut self) {}

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, name: &[u8]) {
        self.tag.extend_from_slice(name);
    }

    fn push_comment(&mut self, _text: &[u8]) {}

    fn push_doctype_name(&mut self, _name: &[u8]) {}

    fn init_doctype(&mut self) {
        self.current = Current::Other;
    }

    fn init_attribute(&mut self) {
        self.finish_attribute();
        let at = self.text.len();
        self.attribute = Some(OpenAttribute {
            name: at..at,
            kept: None,
        });
    }

    fn push_attribute_name(&mut self, name: &[u8]) {
        if let Some(open) = &mut self.attribute {
            self.text.extend_from_slice(name);
            open.name.end = self.text.len();
        }
    }

    fn init_attribute_value(&mut self) {
        self.keep_attribute();
    }

    fn push_attribute_value(&mut self, value: &[u8]) {
        if self.keep_attribute() {
            self.text.extend_from_slice(value);
        }
    }

    fn set_doctype_public_identifier(&mut self, _value: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _value: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _value: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _value: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.current == Current::EndTag
            && !self.last_start_tag.is_empty()
            && self.last_start_tag == self.tag
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

/// The tokenizer's state after the start tag of element `name` when what follows is read as
/// text up to its end tag (a script, a style sheet, a title...), switched by the name alone as
/// the tree builder switches it outside SVG and MathML (README, 'Known gaps'); `None` for
/// markup. Both readings of start tags ([`read_start_tags`] and [`read_plain_start_tags`])
/// switch by it, so that a change here changes both.
fn text_state(name: &str) -> Option<State> {
    match name {
        "script" => Some(State::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(State::RawText),
        "title" | "textarea" => Some(State::RcData),
        _ => None,
    }
}

/// Whether `byte` is HTML's ASCII white space as the tokenizer reads it (carriage returns are
/// line feeds by then).
fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0c' | b' ')
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

/// The addresses of attribute `name` as a browser reads them, with their offsets in `value`:
/// `srcset` and `imagesrcset` hold `url width` candidates separated by commas, `ping` addresses
/// separated by spaces, `content` (of a `<meta http-equiv=refresh>`) the address after the
/// delay, every other attribute one address, its whole value (a comma and a space in it do not
/// make it a `srcset`: `src="h&#9;ttps://x.example/a, b"` is one address).
pub fn urls_of<'a>(name: &str, value: &'a str) -> Vec<(&'a str, usize)> {
    match name {
        "srcset" | "imagesrcset" => {
            let mut found = Vec::new();
            let mut at = 0;
            for candidate in value.split(',') {
                let start = candidate.len() - candidate.trim_start().len();
                if let Some(url) = candidate.trim().split_ascii_whitespace().next() {
                    found.push((url, at + start));
                }
                at += candidate.len() + 1;
            }
            found
        }
        "ping" => value
            .split_ascii_whitespace()
            .map(|url| (url, url.as_ptr() as usize - value.as_ptr() as usize))
            .collect(),
        // A `<meta http-equiv=refresh>`'s: `5; url='https://...'`, as the HTML standard reads it.
        "content" => {
            let after_time = value.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            let rest = after_time
                .trim_start()
                .trim_start_matches([';', ','])
                .trim_start();
            let rest = match rest.get(..3) {
                Some(url) if url.eq_ignore_ascii_case("url") => {
                    match rest[3..].trim_start().strip_prefix('=') {
                        Some(after) => after.trim_start(),
                        None => rest,
                    }
                }
                _ => rest,
            };
            let url = match rest.chars().next() {
                Some(quote @ ('\'' | '"')) => {
                    let inner = &rest[1..];
                    &inner[..inner.find(quote).unwrap_or(inner.len())]
                }
                _ => rest,
            };
            if url.trim().is_empty() {
                Vec::new()
            } else {
                vec![(url, url.as_ptr() as usize - value.as_ptr() as usize)]
            }
        }
        _ => vec![(value, 0)],
    }
}

/// The addresses in an attribute value with their offsets in it, for rewriting the site's own
/// addresses (the attribute's name unknown): a value with a comma and a space is read as a
/// `srcset`'s `url width` candidates, any other as one address.
pub fn urls_in_attribute(value: &str) -> Vec<(&str, usize)> {
    if value.contains(',') && value.contains(' ') {
        urls_of("srcset", value)
    } else {
        let trimmed = value.trim();
        vec![(trimmed, value.len() - value.trim_start().len())]
    }
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
    fn noscript_ends_are_counted_as_written() {
        let read = |html: &str| {
            struct Ends(usize);
            impl StartTagReader for Ends {
                fn wants_element(&self, _: &str) -> bool {
                    false
                }
                fn wants_attribute(&self, _: &str) -> bool {
                    false
                }
                fn start_tag(&mut self, _: &str, _: Attributes<'_>) {}
                fn style_sheet(&mut self, _: &str) {}
                fn end_tag(&mut self, name: &str) {
                    self.0 += usize::from(name == "noscript");
                }
            }
            let mut ends = Ends(0);
            read_start_tags(html, &mut ends);
            noscript_ends_read_alike(html, ends.0)
        };
        assert!(read("<NoScript><p>Turn on JavaScript</p></NOSCRIPT >"));
        assert!(read("<p>noscript and </noscriptx> are not end tags"));
        assert!(read(
            "<noscript>a</NoScRiPt\t>b<noscript></noscript/><noscript></noscript"
        ));
        assert!(!read("<p title='</noscript>'>"));
        assert!(!read(
            r#"<noscript><p title="</noscript><img src=//x.example/>">"#
        ));
        assert!(!read("<noscript><style></noscript></style>"));
        assert!(!read("<svg><noscript><a title='</noscript>'>"));
        assert!(mentions_noscript("a NoScript") && !mentions_noscript("no script"));
    }

    #[test]
    fn srcset_candidates_are_located() {
        let value = "/a.png 1x, /b.png 2x";
        let found = urls_in_attribute(value);
        assert_eq!(found, vec![("/a.png", 0), ("/b.png", 11)]);
        assert_eq!(urls_in_attribute(" /c.png "), vec![("/c.png", 1)]);
    }
}
