//! The addresses in a style sheet, read as browsers read style sheets: by cssparser's
//! tokenizer (CSS Syntax Level 3, Servo's and Firefox's), so escapes are decoded and nothing
//! inside comments or other strings is taken. A leaf module: the origin check (stage 4) reads
//! with [`css_urls`] what a style sheet would load, and [`crate::site_url`] puts a site's own
//! addresses under its folder at the offsets it gives.

use std::borrow::Cow;

/// How a style sheet names an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CssUrlKind {
    /// `url(...)`, `src(...)` or a string in `image-set(...)`: a font or image.
    Url,
    /// `@import`: another style sheet.
    Import,
    /// Blocks nested deeper than the tokenizer reads ([`CSS_NESTING_READ`]): what is in them
    /// is not known. The address is empty; the offset is where the unread block starts.
    Unread,
    /// `var()`, `env()` or `attr()` in `image-set()`, `url()` or `src()`: an address made when
    /// the page is shown. The address is empty; the offset is where the function starts.
    Substituted,
}

/// How deep [`css_urls`] reads nested blocks (cssparser's limit, against running out of stack).
pub const CSS_NESTING_READ: u8 = 75;

/// An address in a style sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CssUrl<'a> {
    /// How it is named.
    pub kind: CssUrlKind,
    /// The address as a browser reads it: without quotes, escapes decoded.
    pub url: Cow<'a, str>,
    /// The byte offset in the style sheet where it is written.
    pub offset: usize,
}

/// Every address in a style sheet, read by cssparser's tokenizer (CSS Syntax Level 3, as
/// browsers read style sheets: escapes such as `url(\2f\2f host)` decoded, nothing inside
/// comments or other strings): `url(...)` and `src(...)`, the strings of `image-set(...)`, and
/// `@import "..."`. An `@namespace`'s address names a namespace and is not fetched.
pub fn css_urls(css: &str) -> Vec<CssUrl<'_>> {
    let mut parser = cssparser::Parser::new(css);
    parser.set_nested_block_limit(CSS_NESTING_READ);
    let mut found = Vec::new();
    read_css_block(&mut parser, css, CssBlock::Other, &mut found);
    found
}

/// The kind of block [`read_css_block`] reads: the strings of `url("...")` and `src("...")`
/// are addresses of the kind given (`None`: an `@namespace`'s, which is not fetched), and so
/// are those in `image-set(...)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CssBlock {
    Address(Option<CssUrlKind>),
    ImageSet,
    Other,
}

/// The at-rule whose prelude is being read, if its addresses are special.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prelude {
    Import,
    Namespace,
    Other,
}

/// Reads one block's tokens (the whole sheet, or what is inside a function's or block's
/// brackets), adding the addresses found to `found`.
fn read_css_block<'i>(
    parser: &mut cssparser::Parser<'i>,
    css: &'i str,
    block: CssBlock,
    found: &mut Vec<CssUrl<'i>>,
) {
    use cssparser::Token;
    let mut prelude = Prelude::Other;
    loop {
        let start = parser.position().byte_index();
        let Ok(token) = parser.next_including_whitespace_and_comments().cloned() else {
            return;
        };
        let kind = match (block, prelude) {
            (CssBlock::Address(kind), _) => kind,
            (_, Prelude::Import) => Some(CssUrlKind::Import),
            (_, Prelude::Namespace) => None,
            (_, Prelude::Other) => Some(CssUrlKind::Url),
        };
        let nested = match token {
            Token::AtKeyword(name) => {
                prelude = match name.to_ascii_lowercase().as_str() {
                    "import" => Prelude::Import,
                    "namespace" => Prelude::Namespace,
                    _ => Prelude::Other,
                };
                continue;
            }
            Token::Semicolon => {
                prelude = Prelude::Other;
                continue;
            }
            Token::UnquotedUrl(url) => {
                // The address starts after `url(` (its name perhaps escaped) and spaces.
                let raw = &css[start..parser.position().byte_index()];
                let open = raw.find('(').map_or(raw.len(), |p| p + 1);
                let spaces = raw[open..].len() - raw[open..].trim_start().len();
                push_css_url(found, css, kind, &url, start + open + spaces);
                continue;
            }
            Token::QuotedString(url) if block != CssBlock::Other || prelude != Prelude::Other => {
                push_css_url(found, css, kind, &url, start + 1);
                continue;
            }
            Token::Function(name) => match name.to_ascii_lowercase().as_str() {
                "var" | "env" | "attr" if block != CssBlock::Other => {
                    found.push(CssUrl {
                        kind: CssUrlKind::Substituted,
                        url: Cow::Borrowed(""),
                        offset: start,
                    });
                    CssBlock::Other
                }
                "url" | "src" => CssBlock::Address(kind),
                "image-set" | "-webkit-image-set" => CssBlock::ImageSet,
                _ => CssBlock::Other,
            },
            Token::CurlyBracketBlock => {
                prelude = Prelude::Other;
                CssBlock::Other
            }
            Token::ParenthesisBlock | Token::SquareBracketBlock => CssBlock::Other,
            _ => continue,
        };
        let read = parser.parse_nested_block(|inner| {
            read_css_block(inner, css, nested, found);
            Ok::<(), cssparser::ParseError<()>>(())
        });
        // Too deep: the parser reads on inside the block it did not open, as if it were this
        // one (blocks in it are skipped); one such finding says enough of a style sheet.
        if read.is_err() && !found.iter().any(|f| f.kind == CssUrlKind::Unread) {
            found.push(CssUrl {
                kind: CssUrlKind::Unread,
                url: Cow::Borrowed(""),
                offset: start,
            });
        }
    }
}

/// Adds an address of a kind that is fetched (`None`: an `@namespace`'s).
fn push_css_url<'i>(
    found: &mut Vec<CssUrl<'i>>,
    css: &'i str,
    kind: Option<CssUrlKind>,
    url: &str,
    offset: usize,
) {
    let Some(kind) = kind else { return };
    if url.trim().is_empty() {
        return;
    }
    // Borrowed when written as read (no escapes), as nearly every address is.
    let url = match css.get(offset..offset + url.len()) {
        Some(written) if written == url => Cow::Borrowed(written),
        _ => Cow::Owned(url.to_owned()),
    };
    found.push(CssUrl { kind, url, offset });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_addresses_are_located() {
        let css = "/* url(/no) */ a { background: url(\"/img/a.png\") } @import '/b.css';";
        let found = css_urls(css);
        assert_eq!(
            found
                .iter()
                .map(|f| (f.kind, f.url.as_ref()))
                .collect::<Vec<_>>(),
            vec![
                (CssUrlKind::Url, "/img/a.png"),
                (CssUrlKind::Import, "/b.css")
            ]
        );
        assert!(found.iter().all(|f| css[f.offset..].starts_with(&*f.url)));
        // Where each is written, quotes, spaces, comments and escaped names around it.
        let css = r#"a{b:URL(  /u.png )} c{d:url(  "/q.png" )} e{f:u\72l(/e.png)} @IMPORT url('/i.css');"#;
        let found = css_urls(css);
        let at: Vec<_> = found.iter().map(|f| (f.url.as_ref(), f.offset)).collect();
        let written = |text: &str| css.find(text).unwrap();
        assert_eq!(
            at,
            [
                ("/u.png", written("/u.png")),
                ("/q.png", written("/q.png")),
                ("/e.png", written("/e.png")),
                ("/i.css", written("/i.css")),
            ]
        );
        assert_eq!(found[3].kind, CssUrlKind::Import);
        // Escaped: read decoded, located where it is written.
        let found = css_urls(r"a{b:url(\2f x.png)}");
        assert_eq!((found[0].url.as_ref(), found[0].offset), ("/x.png", 8));
    }
}
