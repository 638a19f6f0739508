//! Text processing for search, shared by the index and (ported line for line) by
//! `themes/hub/static/js/search.js`: split into words, then, for English, elasticlunr-rs's
//! English pipeline (trimmer, stop words, Porter stemmer). Each index is in one language (the
//! site's, built once per language) and says in its manifest which [`Analysis`] it used, so the
//! script treats queries the same way.
//!
//! elasticlunr-rs splits only on spaces and hyphens, so `mediation/counselling` would be one
//! word and `haven’t` would keep its curly apostrophe. Our tokeniser, given to elasticlunr as
//! the tokeniser of every field, lowercases, drops apostrophes (`haven't` → `havent`,
//! `children’s` → `childrens` → `children`) and splits on everything in [`is_separator`].
//! The script must match it exactly: `tests/search_js.rs` checks both over a word list.
//!
//! Every other language (Welsh, Arabic, Urdu, Punjabi, Polish...) gets [`Analysis::Plain`]:
//! words are runs of letters, marks, digits and connectors (Unicode general categories L, M, N
//! and Pc, so Arabic's short vowels and Gurmukhi's vowel signs stay inside their word),
//! lowercased, apostrophes dropped; no stop words and no stemming. elasticlunr-rs has stemmers
//! for some other languages behind features, but the script would need the same Snowball
//! stemmer in JavaScript, byte for byte, for each; none of the theme's languages but English
//! has one there (Arabic's is a light stemmer we choose not to use: no stemming for Arabic
//! script), so none is enabled.

use std::borrow::Cow;

use elasticlunr::Pipeline;
use elasticlunr::lang::{English, Language};
use serde::{Deserialize, Serialize};
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// How an index turns text into terms: chosen by the language of the pages it indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Analysis {
    /// Our tokeniser, then elasticlunr's English trimmer, stop words and Porter stemmer.
    English,
    /// Words on Unicode letter boundaries, lowercased; nothing dropped, nothing stemmed.
    Plain,
}

impl Analysis {
    /// The analysis for pages in `language` (a BCP 47 tag): English for `en` and `en-*`,
    /// plain for every other language.
    pub fn for_language(language: &str) -> Analysis {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Analysis::English
        } else {
            Analysis::Plain
        }
    }

    /// The pipeline terms go through after the tokeniser: empty for plain text.
    pub fn pipeline(self) -> Pipeline {
        match self {
            Analysis::English => pipeline(),
            Analysis::Plain => Pipeline { queue: Vec::new() },
        }
    }

    /// Splits text into lowercase words.
    pub fn tokenize(self, text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        self.for_each_word(text, |word| tokens.push(word.to_owned()));
        tokens
    }

    /// Calls `visit` with each word of `text`, as [`Analysis::tokenize`] splits it.
    pub fn for_each_word(self, text: &str, visit: impl FnMut(&str)) {
        match self {
            Analysis::English => split_words(text, is_separator, visit),
            Analysis::Plain => split_words(text, |c| !is_word_char(c), visit),
        }
    }

    /// Calls `visit` with each word of `lower` (text already [`lowercase`]d) as
    /// [`Analysis::for_each_word`] splits it, borrowed from `lower` where it can be (a word
    /// joined across apostrophes is a copy).
    pub fn for_each_lowered_word<'a>(self, lower: &'a str, visit: impl FnMut(Cow<'a, str>)) {
        match self {
            Analysis::English => split_lowered(lower, is_separator, visit),
            Analysis::Plain => split_lowered(lower, |c| !is_word_char(c), visit),
        }
    }

    /// A text's terms as the index holds them.
    pub fn terms(self, text: &str) -> Vec<String> {
        self.pipeline().run(self.tokenize(text))
    }
}

/// Whether `c` belongs inside a word of plain text: a letter, mark, number or connector
/// (`_`). The script tests `/[\p{L}\p{M}\p{N}\p{Pc}]/u`.
pub fn is_word_char(c: char) -> bool {
    // Most of a site's text is ASCII or Arabic letters: answered without the general
    // category's table search (a binary search per character).
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    if let Some(answer) = arabic_word_char(c) {
        return answer;
    }
    match c.general_category_group() {
        GeneralCategoryGroup::Letter
        | GeneralCategoryGroup::Mark
        | GeneralCategoryGroup::Number => true,
        GeneralCategoryGroup::Punctuation => {
            c.general_category() == GeneralCategory::ConnectorPunctuation
        }
        _ => false,
    }
}

/// The Arabic block's letters (U+0620 to U+064A, with tatweel), harakat (U+064B to U+065F) and
/// Arabic-Indic digits (U+0660 to U+0669) are all word characters; `None` outside them.
fn arabic_word_char(c: char) -> Option<bool> {
    matches!(c, '\u{0620}'..='\u{0669}').then_some(true)
}

/// Plain text as elasticlunr's index takes a language: our plain tokeniser and no pipeline.
pub struct PlainLanguage;

impl Language for PlainLanguage {
    fn name(&self) -> String {
        "Plain".into()
    }

    fn code(&self) -> String {
        "plain".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        Analysis::Plain.tokenize(text)
    }

    fn make_pipeline(&self) -> Pipeline {
        Analysis::Plain.pipeline()
    }
}

/// Apostrophes, which are removed rather than split on: `don't` is one word.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}')
}

/// Whether `c` (already lowercased) separates words: ASCII other than `[0-9a-z_]`, and the
/// Unicode spaces, dashes and punctuation of Latin-1 and General Punctuation.
pub fn is_separator(c: char) -> bool {
    let code = c as u32;
    if c.is_ascii() {
        return !(c.is_ascii_digit() || c.is_ascii_lowercase() || c == '_');
    }
    matches!(code, 0x80..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x206F | 0x3000 | 0xFEFF)
}

/// Splits English text into lowercase words, as the index and the script both do.
pub fn tokenize(text: &str) -> Vec<String> {
    Analysis::English.tokenize(text)
}

/// Calls `visit` with each word of English `text` as [`tokenize`] splits it, without
/// allocating one string per word (the index reads millions of them).
pub fn for_each_word(text: &str, visit: impl FnMut(&str)) {
    Analysis::English.for_each_word(text, visit);
}

/// Lowercases `text`, drops apostrophes and calls `visit` with each run between separators.
fn split_words(text: &str, separates: impl Fn(char) -> bool, mut visit: impl FnMut(&str)) {
    let lower = lowercase(text);
    split_lowered(&lower, separates, |word| visit(&word));
}

/// [`split_words`] of text already lowercased ([`lowercase`]): each word is a slice of
/// `lower`, or, when it had apostrophes in it, its pieces joined (rare: the only copies).
fn split_lowered<'a>(
    lower: &'a str,
    separates: impl Fn(char) -> bool,
    mut visit: impl FnMut(Cow<'a, str>),
) {
    // The current word is `lower[start..]` up to the next separator, or, when it has an
    // apostrophe in it, `joined` (its pieces without the apostrophes) and then that.
    let mut start: Option<usize> = None;
    let mut joined = String::new();
    let mut end_word = |start: &mut Option<usize>, joined: &mut String, at: usize| {
        let piece = start.take().map_or("", |from| &lower[from..at]);
        if joined.is_empty() {
            if !piece.is_empty() {
                visit(Cow::Borrowed(piece));
            }
        } else {
            joined.push_str(piece);
            visit(Cow::Owned(std::mem::take(joined)));
        }
    };
    for (at, c) in lower.char_indices() {
        if is_apostrophe(c) {
            if let Some(from) = start.take() {
                joined.push_str(&lower[from..at]);
            }
        } else if separates(c) {
            end_word(&mut start, &mut joined, at);
        } else if start.is_none() {
            start = Some(at);
        }
    }
    end_word(&mut start, &mut joined, lower.len());
}

/// `text` lowercased as a whole, not char by char, as the script's toLowerCase does (a Greek
/// final sigma depends on its neighbours). Text of ASCII and the Arabic block alone (which has
/// no case) needs only its ASCII letters lowercased, without looking each character up.
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    lowercase_into(text, &mut out);
    out
}

/// [`lowercase`] into `out` (cleared first), reusing its room: the index lowercases every
/// field of every document.
pub fn lowercase_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || matches!(c, '\u{0600}'..='\u{06FF}'))
    {
        out.push_str(text);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// elasticlunr-rs's English pipeline: trimmer, stop-word filter, Porter stemmer.
pub fn pipeline() -> Pipeline {
    English::new().make_pipeline()
}

/// A text's terms as the index holds them: tokenised, then through the pipeline.
pub fn terms(pipeline: &Pipeline, text: &str) -> Vec<String> {
    pipeline.run(tokenize(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_join_and_punctuation_splits() {
        assert_eq!(
            tokenize("Haven’t we? mediation/counselling"),
            ["havent", "we", "mediation", "counselling"]
        );
        assert_eq!(
            tokenize("co-parenting, 10am–11am"),
            ["co", "parenting", "10am", "11am"]
        );
        assert_eq!(tokenize("  "), Vec::<String>::new());
    }

    #[test]
    fn the_pipeline_drops_stop_words_and_stems() {
        let p = pipeline();
        assert_eq!(
            terms(&p, "The teenagers’ arguments, and a parent's worries"),
            ["teenag", "argument", "parent", "worri"]
        );
        assert_eq!(terms(&p, "it's"), Vec::<String>::new());
    }

    #[test]
    fn english_and_only_english_is_stemmed() {
        assert_eq!(Analysis::for_language("en-GB"), Analysis::English);
        assert_eq!(Analysis::for_language("en"), Analysis::English);
        for tag in ["cy", "cy-GB", "ar", "ur", "pa-Guru", "pl"] {
            assert_eq!(Analysis::for_language(tag), Analysis::Plain, "{tag}");
        }
    }

    #[test]
    fn plain_text_splits_on_unicode_letters_and_keeps_every_word_whole() {
        let plain = Analysis::Plain;
        // Welsh: circumflexes kept, apostrophes dropped, no stop words, no stemming.
        assert_eq!(
            plain.terms("Dŵr a'r Teuluoedd: ymgynghori, cwnsela."),
            ["dŵr", "ar", "teuluoedd", "ymgynghori", "cwnsela"]
        );
        // Arabic: its comma and question mark split; short vowels stay in the word.
        assert_eq!(
            plain.terms("مرحبًا، كيف حالك؟ الأسرة"),
            ["مرحبًا", "كيف", "حالك", "الأسرة"]
        );
        // Gurmukhi: vowel signs and the virama are marks, inside the word; the danda splits.
        assert_eq!(plain.terms("ਪਰਿਵਾਰ ਸਹਾਇਤਾ।"), ["ਪਰਿਵਾਰ", "ਸਹਾਇਤਾ"]);
        assert_eq!(plain.terms("the parents"), ["the", "parents"]);
    }

    /// The general category alone, as `is_word_char` answered before its fast paths.
    fn by_category(c: char) -> bool {
        matches!(
            c.general_category_group(),
            GeneralCategoryGroup::Letter
                | GeneralCategoryGroup::Mark
                | GeneralCategoryGroup::Number
        ) || c.general_category() == GeneralCategory::ConnectorPunctuation
    }

    #[test]
    fn the_fast_paths_agree_with_the_general_category() {
        for c in ('\0'..='\u{0FFF}').chain(['\u{FB50}', '\u{FE70}', '\u{1F600}']) {
            assert_eq!(is_word_char(c), by_category(c), "{c:?} U+{:04X}", c as u32);
        }
        // The Arabic block has no case: lowercasing its text touches only the ASCII letters.
        for c in '\u{0600}'..='\u{06FF}' {
            assert_eq!(
                c.to_lowercase().collect::<String>(),
                c.to_string(),
                "U+{:04X}",
                c as u32
            );
        }
        for text in ["ΟΔΟΣ Σ", "İstanbul", "SCHLOSS ẞ", "Dŵr A'R", "العربية ABC"] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
            let mut into = String::from("room left over");
            lowercase_into(text, &mut into);
            assert_eq!(into, text.to_lowercase(), "{text}, into");
        }
    }

    /// Words as the splitter made them before it cut them from the text rather than copying
    /// them character by character.
    fn split_by_copying(text: &str, separates: impl Fn(char) -> bool) -> Vec<String> {
        let mut words = Vec::new();
        let mut current = String::new();
        for c in text.to_lowercase().chars() {
            if is_apostrophe(c) {
                continue;
            }
            if separates(c) {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            } else {
                current.push(c);
            }
        }
        if !current.is_empty() {
            words.push(current);
        }
        words
    }

    #[test]
    fn words_are_cut_from_the_text_as_they_were_copied() {
        let texts = [
            "",
            "'",
            "' ' ''",
            "Haven’t we? don't 'quoted' parents' rock'n'roll",
            "'start end' mid'dle 'both' a'b'c ' lone",
            "co-parenting, 10am–11am ΟΔΟΣ Σ",
            "مرحبًا، كيف حالك؟ الأسرة 'عربي' ١٢٣",
            "Dŵr a'r Teuluoedd: ymgynghori, cwnsela.",
            "ਪਰਿਵਾਰ ਸਹਾਇਤਾ। ‘ਸ਼’",
        ];
        for text in texts {
            for analysis in [Analysis::English, Analysis::Plain] {
                let mut words = Vec::new();
                analysis.for_each_word(text, |w| words.push(w.to_owned()));
                let expected = match analysis {
                    Analysis::English => split_by_copying(text, is_separator),
                    Analysis::Plain => split_by_copying(text, |c| !by_category(c)),
                };
                assert_eq!(words, expected, "{analysis:?}: {text}");
                // Split from text lowercased first, as the index counts a field's words.
                let lower = lowercase(text);
                let mut lowered = Vec::new();
                analysis.for_each_lowered_word(&lower, |w| lowered.push(w.into_owned()));
                assert_eq!(lowered, expected, "{analysis:?}, lowered first: {text}");
            }
        }
    }
}
