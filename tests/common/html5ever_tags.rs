//! The origin check's reading of a page before session 11 (html5ever's tokenizer and the
//! sink `src/html_scan.rs` had then), kept as the reference that `hubsite::html_scan::start_tags`
//! (html5gum's tokenizer) is compared with: `tests/origin_reader.rs` and
//! `examples/time_origins.rs --compare`.

use std::cell::RefCell;

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use hubsite::html_scan::StartTag;

/// Every start tag of an HTML text, as html5ever's tokenizer reads it.
pub fn start_tags(html: &str) -> Vec<StartTag> {
    let tokenizer = Tokenizer::new(TagSink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(html.into());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.tags.take()
}

/// Collects start tags, and the text of `<style>` elements.
#[derive(Default)]
struct TagSink {
    tags: RefCell<Vec<StartTag>>,
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
