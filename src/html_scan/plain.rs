//! A quick reading of plain HTML's start tags, for the origin check: the pages hubsite renders
//! are plain (lower-case names, quoted values, the character references HTML escaping writes,
//! scripts without `<`), and html5gum's tokenizer, which reads any HTML as a browser does,
//! reads them one byte at a time. [`read_plain_start_tags`] gives a [`StartTagReader`] exactly
//! what [`super::read_start_tags`] (html5gum) gives it, for HTML within the narrow form below,
//! and refuses anything else ([`NotPlain`]), which is then read by html5gum. It never guesses:
//! whatever html5gum's reading might read otherwise, it refuses.
//!
//! Plain HTML, as read here: no carriage return and no NUL anywhere (the tokenizer rewrites
//! both); every `<` begins a start tag or an end tag with a lower-case name of letters, digits
//! and `-` (an end tag written `</name>`, nothing after the name), a comment whose first `--`
//! is its `-->`, or `<!DOCTYPE html>`; start tags whose attribute names are ASCII letters
//! (lower-cased, as the tokenizer does), digits, `-`, `_`, `:` and `.`, whose values are
//! quoted or unquoted without `"`, `'`, `<`, `=` or a backtick, and whose character references,
//! in the values the reader keeps, are the named `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` or
//! a numeric one for a printable character, each with its `;` (see [`decode`]); after the
//! start tag of an element whose content the tokenizer reads as text (a script, a style sheet,
//! a title: [`super::text_state`], the one list both readings switch by), no `<` before its
//! end tag, written as above. Everything else the text may hold (character references in text
//! and in values not kept, other characters in values and text) the tokenizer reads without
//! changing what it does with the tags.
//!
//! Being html5gum's reading, it shares that reading's known gap (README, 'Known gaps'): a
//! `<style>` or `<title>` inside `<svg>` or `<math>` is read as raw text up to its end tag, as
//! in HTML, where a browser reads markup.
//!
//! `tests/origin_reader.rs` holds it to html5gum's reading: every page of the example and
//! council sites, the markup chosen to trip tokenizers up, and random pages made of it.

use std::ops::Range;

use super::{Attributes, StartTagReader, is_space, lowercase, text_state};

/// The HTML is not plain as [`read_plain_start_tags`] reads it: read it with
/// [`super::read_start_tags`] instead (the reader may have been given some of its tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotPlain;

/// Reads the start tags of plain HTML (see the module's comment) as
/// [`super::read_start_tags`] does, giving `reader` what it asks for of each; refuses any other.
pub fn read_plain_start_tags(html: &str, reader: &mut impl StartTagReader) -> Result<(), NotPlain> {
    let bytes = html.as_bytes();
    if memchr::memchr2(b'\r', b'\0', bytes).is_some() {
        return Err(NotPlain);
    }
    let mut kept = Kept::default();
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        at = match bytes.get(lt + 1) {
            Some(b) if b.is_ascii_lowercase() => {
                let (name, end) = start_tag(html, lt + 1, reader, &mut kept)?;
                after_start_tag(html, name, end, reader)?
            }
            Some(b'/') => end_tag(html, lt + 2, reader)?,
            Some(b'!') => declaration(bytes, lt + 2)?,
            _ => return Err(NotPlain),
        };
    }
    Ok(())
}

/// The kept attributes of the tag being read: names and values (references decoded) in `text`,
/// their ranges in `spans`; reused from tag to tag.
#[derive(Default)]
struct Kept {
    text: Vec<u8>,
    spans: Vec<(Range<usize>, Range<usize>)>,
}

/// Reads the start tag whose name begins at `from`, gives it to `reader`; its name and the
/// offset after its `>`.
fn start_tag<'h>(
    html: &'h str,
    from: usize,
    reader: &mut impl StartTagReader,
    kept: &mut Kept,
) -> Result<(&'h str, usize), NotPlain> {
    let bytes = html.as_bytes();
    let name_end = name_end(bytes, from);
    let name = &html[from..name_end];
    // A name with anything else in it (`<feImage>`, `<é>`) is html5gum's to read.
    if !matches!(
        bytes.get(name_end),
        Some(&b) if is_space(b) || b == b'/' || b == b'>'

    ) {
        return Err(NotPlain);
    }
    kept.text.clear();
    kept.spans.clear();
    let mut element_wanted = None;
    let mut i = name_end;
    loop {
        i = skip_space(bytes, i);
        match bytes.get(i) {
            None => return Err(NotPlain),
            Some(b'>') => break,
            Some(b'/') if bytes.get(i + 1) == Some(&b'>') => {
                i += 1;
                break;
            }
            Some(_) => {}
        }
        let name_start = i;
        while bytes.get(i).is_some_and(|&b| is_attribute_name_byte(b)) {
            i += 1;
        }
        if i == name_start {
            return Err(NotPlain);
        }
        // Lower-cased, as the tokenizer reads it (`viewBox` is `viewbox`).
        let attribute = lowercase(&html[name_start..i]);
        let after_name = skip_space(bytes, i);
        let value = if bytes.get(after_name) == Some(&b'=') {
            let (value, next) = attribute_value(bytes, skip_space(bytes, after_name + 1))?;
            i = next;
            &bytes[value]
        } else {
            i = after_name;
            &[]
        };
        let wanted = *element_wanted.get_or_insert_with(|| reader.wants_element(name))
            || reader.wants_attribute(&attribute);
        // Of a name given twice, the first is kept, as the tokenizer keeps it.
        let first = !kept
            .spans
            .iter()
            .any(|(n, _)| kept.text[n.clone()] == *attribute.as_bytes());
        if wanted && first {
            let name_at = kept.text.len();
            kept.text.extend_from_slice(attribute.as_bytes());
            let value_at = kept.text.len();
            decode(value, &mut kept.text)?;
            kept.spans
                .push((name_at..value_at, value_at..kept.text.len()));
        }
    }
    let attributes = Attributes {
        spans: &kept.spans,
        text: &kept.text,
    };
    reader.start_tag(name, attributes);
    Ok((name, i + 1))
}

/// Appends `value` to `out` with its character references decoded, if each is one of the
/// named `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` or a decimal or hexadecimal one of at most
/// six digits for a printable character (`&#39;`, `&#x27;`), each with its `;`: these decode
/// alike wherever they stand; refuses any other.
fn decode(value: &[u8], out: &mut Vec<u8>) -> Result<(), NotPlain> {
    let mut rest = value;
    while let Some(amp) = memchr::memchr(b'&', rest) {
        out.extend_from_slice(&rest[..amp]);
        let (decoded, len) = reference(&rest[amp + 1..]).ok_or(NotPlain)?;
        out.extend_from_slice(decoded.encode_utf8(&mut [0; 4]).as_bytes());
        rest = &rest[amp + 1 + len..];
    }
    out.extend_from_slice(rest);
    Ok(())
}

/// The character a reference after its `&` stands for, and its length, if it is one of the
/// forms [`decode`] reads.
fn reference(after: &[u8]) -> Option<(char, usize)> {
    const NAMED: [(&[u8], char); 5] = [
        (b"amp;", '&'),
        (b"lt;", '<'),
        (b"gt;", '>'),
        (b"quot;", '"'),
        (b"apos;", '\''),
    ];
    if let Some((name, decoded)) = NAMED.iter().find(|(name, _)| after.starts_with(name)) {
        return Some((*decoded, name.len()));
    }
    let number = after.strip_prefix(b"#")?;
    let (radix, digits) = match number.first() {
        Some(b'x' | b'X') => (16, &number[1..]),
        _ => (10, number),
    };
    let count = digits
        .iter()
        .take_while(|b| b.is_ascii_digit() || (radix == 16 && b.is_ascii_hexdigit()))
        .count();
    if count == 0 || count > 6 || digits.get(count) != Some(&b';') {
        return None;
    }
    let code = u32::from_str_radix(std::str::from_utf8(&digits[..count]).ok()?, radix).ok()?;
    // Not NUL, controls (C1 ones are read as Windows-1252), surrogates or non-characters.
    let printable = matches!(code, 0x20..=0x7e | 0xa0..=0xd7ff | 0xe000..=0xfdcf);
    let len = 1 + (number.len() - digits.len()) + count + 1;
    printable.then(|| char::from_u32(code).map(|c| (c, len)))?
}

/// A value starting at `i` (after `=` and any spaces): its range and the offset after it.
fn attribute_value(bytes: &[u8], i: usize) -> Result<(Range<usize>, usize), NotPlain> {
    match bytes.get(i) {
        Some(&quote @ (b'"' | b'\'')) => {
            let start = i + 1;
            let end = start + memchr::memchr(quote, &bytes[start..]).ok_or(NotPlain)?;
            Ok((start..end, end + 1))
        }
        Some(_) => {
            let mut end = i;
            while bytes.get(end).is_some_and(|&b| is_unquoted_value_byte(b)) {
                end += 1;
            }
            // An empty value before `>` or a character the tokenizer complains of.
            match bytes.get(end) {
                Some(&b) if end > i && (is_space(b) || b == b'>') => Ok((i..end, end)),
                _ => Err(NotPlain),
            }
        }
        None => Err(NotPlain),
    }
}

/// After a start tag ending at `end`: past the text of an element whose content the tokenizer
/// reads as text (and its end tag), else `end`.
fn after_start_tag(
    html: &str,
    name: &str,
    end: usize,
    reader: &mut impl StartTagReader,
) -> Result<usize, NotPlain> {
    if text_state(name).is_none() {
        return Ok(end);
    }
    // Read as text up to the first `<`, which must begin the element's end tag as written here
    // (`</name>`): the text then holds no markup, and the tokenizer ends it there too.
    let bytes = html.as_bytes();
    let text_end = end + memchr::memchr(b'<', &bytes[end..]).ok_or(NotPlain)?;
    let closed = bytes[text_end..]
        .strip_prefix(b"</")
        .and_then(|rest| rest.strip_prefix(name.as_bytes()))
        .is_some_and(|rest| rest.first() == Some(&b'>'));
    if !closed {
        return Err(NotPlain);
    }
    if name == "style" && text_end > end {
        reader.style_sheet(&html[end..text_end]);
    }
    reader.end_tag(name);
    Ok(text_end + "</".len() + name.len() + ">".len())
}

/// Reads the end tag whose name begins at `from` (`</name>`), gives it to `reader`; the offset
/// after its `>`.
fn end_tag(html: &str, from: usize, reader: &mut impl StartTagReader) -> Result<usize, NotPlain> {
    let bytes = html.as_bytes();
    if !bytes.get(from).is_some_and(u8::is_ascii_lowercase) {
        return Err(NotPlain);
    }
    let name_end = name_end(bytes, from);
    if bytes.get(name_end) != Some(&b'>') {
        return Err(NotPlain);
    }
    reader.end_tag(&html[from..name_end]);
    Ok(name_end + 1)
}

/// Past a comment or `<!DOCTYPE html>` whose `<!` ends at `from`.
fn declaration(bytes: &[u8], from: usize) -> Result<usize, NotPlain> {
    let rest = &bytes[from..];
    if let Some(comment) = rest.strip_prefix(b"--") {
        // `<!-->` and `<!--->` end at once; else the first `--` must be the `-->` that ends it.
        if comment.starts_with(b">") || comment.starts_with(b"->") {
            return Err(NotPlain);
        }
        let dashes = memchr::memmem::find(comment, b"--").ok_or(NotPlain)?;
        return match comment.get(dashes + 2) {
            Some(b'>') => Ok(from + 2 + dashes + 3),
            _ => Err(NotPlain),
        };
    }
    const DOCTYPE: &[u8] = b"doctype html>";
    match rest.get(..DOCTYPE.len()) {
        Some(doctype) if doctype.eq_ignore_ascii_case(DOCTYPE) => Ok(from + DOCTYPE.len()),
        _ => Err(NotPlain),
    }
}

/// Where a tag's name that begins at `from` ends: letters, digits and `-`, lower case.
fn name_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while bytes
        .get(end)
        .is_some_and(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        end += 1;
    }
    end
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|&b| is_space(b)) {
        i += 1;
    }
    i
}

fn is_attribute_name_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b':' | b'.')
}

fn is_unquoted_value_byte(b: u8) -> bool {
    !is_space(b) && !matches!(b, b'>' | b'"' | b'\'' | b'<' | b'=' | b'`')
}
