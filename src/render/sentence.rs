//! Stage 3, render: a theme message with values in it, as HTML. What the template function `t`
//! writes, and what Rust code that builds a view writes when one of the values may be shown in
//! another language than the page's (a session title that fell back to English on a Welsh
//! page): that value goes in a `<span lang="en-GB">` inside the sentence, so that a screen
//! reader pronounces it in its own language (WCAG 3.1.2).
//!
//! Escaping: every value is escaped as a template escapes a value (`&#39;` for an
//! apostrophe); the message's own words are the theme's (or the site's), like a template's
//! own text, so they are escaped to make no markup but keep their apostrophes (attributes are
//! always in double quotes). So moving words from a template into a message changes no byte.

use serde::Serialize;

use crate::model::Site;
use crate::model::i18n::{ArgValue, Messages, fluent_args};
use crate::text::escape::escape_html_text;

/// Stands for a value that goes in as HTML while the message is formatted and escaped: a
/// private-use character no translation writes.
const MARK: char = '\u{F8FF}';

/// One variable of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A number: the language's plural rules apply to it.
    Number(f64),
    /// Text, escaped; in a `<span lang>` when it is in `lang`, another language than the
    /// page's (a field's fallback: `None` when it is in the page's language).
    Text {
        /// The words.
        text: String,
        /// The language they are in, when not the page's.
        lang: Option<String>,
    },
    /// Markup a template made (a link, with `t_html`): goes in as it is.
    Markup(String),
}

impl Arg {
    /// Text in the page's language.
    pub fn text(text: impl Into<String>) -> Arg {
        Arg::Text {
            text: text.into(),
            lang: None,
        }
    }

    /// Text shown in `lang` when that is given (`Fallback::lang`), else in the page's
    /// language.
    pub fn marked(text: impl Into<String>, lang: Option<&str>) -> Arg {
        Arg::Text {
            text: text.into(),
            lang: lang.filter(|tag| !tag.is_empty()).map(str::to_owned),
        }
    }
}

/// HTML to be written as it is (`{{ line | safe }}`): made only by [`sentence`] and
/// [`Html::text`], so every byte of text in it was escaped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Html(String);

impl Html {
    /// Plain text, escaped as the theme's words are.
    pub fn text(text: &str) -> Html {
        Html(escape_html_text(text))
    }

    /// The markup.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Message `key` in `language` with `args`, as HTML; `None` when no translation has it.
pub fn sentence<'a>(
    messages: &Messages,
    language: &str,
    key: &str,
    args: impl IntoIterator<Item = (&'a str, Arg)>,
) -> Option<Html> {
    // A value that needs escaping or marking goes in as a placeholder, put back once the
    // message's own words are escaped; plain values (the choices of a selector: `ways="both"`)
    // and numbers go in as they are.
    let mut parts: Vec<String> = Vec::new();
    let mut placeholder = |html: String| {
        parts.push(html);
        ArgValue::Text(format!("{MARK}{}{MARK}", parts.len() - 1))
    };
    let values: Vec<(&str, ArgValue)> = args
        .into_iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Number(number) => ArgValue::Number(number),
                Arg::Markup(html) => placeholder(html),
                Arg::Text {
                    text,
                    lang: Some(tag),
                } => placeholder(format!(
                    "<span lang=\"{}\">{}</span>",
                    escape_value(&tag),
                    escape_value(&text)
                )),
                Arg::Text { text, lang: None } => {
                    if text.contains(['&', '<', '>', '"', '\'', MARK]) {
                        placeholder(escape_value(&text))
                    } else {
                        ArgValue::Text(text)
                    }
                }
            };
            (name, value)
        })
        .collect();
    let text = messages.text(language, key, Some(&fluent_args(values)))?;
    let escaped = escape_html_text(&text);
    let mut html = String::with_capacity(escaped.len());
    for (i, part) in escaped.split(MARK).enumerate() {
        match (i % 2, part.parse::<usize>().ok().and_then(|n| parts.get(n))) {
            (1, Some(value)) => html.push_str(value),
            _ => html.push_str(part),
        }
    }
    Some(Html(html))
}

/// Message `key` in the site's language with `args`, as HTML: the key itself when no
/// translation has it (as `Site::t_with` does).
pub fn site_sentence<'a>(
    site: &Site,
    key: &str,
    args: impl IntoIterator<Item = (&'a str, Arg)>,
) -> Html {
    sentence(&site.messages, &site.config.language, key, args).unwrap_or_else(|| Html::text(key))
}

/// A value escaped as a template escapes it.
fn escape_value(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    tera::escape_html(text, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::i18n::theme_english;

    #[test]
    fn a_value_in_another_language_is_marked_and_every_value_escaped() {
        let messages = theme_english();
        let marked = sentence(
            &messages,
            "en-GB",
            "book-form",
            [("title", Arg::marked("Rhianta <gyda'n> gilydd", Some("cy")))],
        )
        .unwrap();
        assert_eq!(
            marked.as_str(),
            "Book a place: <span lang=\"cy\">Rhianta &lt;gyda&#39;n&gt; gilydd</span>"
        );
        let plain = sentence(
            &messages,
            "en-GB",
            "book-form",
            [("title", Arg::marked("Parents & carers", None))],
        )
        .unwrap();
        assert_eq!(plain.as_str(), "Book a place: Parents &amp; carers");
        assert_eq!(sentence(&messages, "en-GB", "no-such-message", []), None);
    }

    #[test]
    fn numbers_choose_the_plural_form() {
        let messages = theme_english();
        let one = sentence(
            &messages,
            "en-GB",
            "step-places-left",
            [("count", Arg::Number(1.0))],
        );
        let many = sentence(
            &messages,
            "en-GB",
            "step-places-left",
            [("count", Arg::Number(4.0))],
        );
        assert_ne!(one, many);
        assert!(many.unwrap().as_str().contains('4'));
    }
}
