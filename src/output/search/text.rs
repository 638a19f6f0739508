//! Text processing for search, shared by the index and (ported line for line) by
//! `themes/hub/static/js/search.js`: split into words, then elasticlunr-rs's English pipeline
//! (trimmer, stop words, Porter stemmer).
//!
//! elasticlunr-rs splits only on spaces and hyphens, so `mediation/counselling` would be one
//! word and `haven’t` would keep its curly apostrophe. Our tokeniser, given to elasticlunr as
//! the tokeniser of every field, lowercases, drops apostrophes (`haven't` → `havent`,
//! `children’s` → `childrens` → `children`) and splits on everything in [`is_separator`].
//! The script must match it exactly: `tests/search_js.rs` checks both over a word list.

use elasticlunr::Pipeline;
use elasticlunr::lang::{English, Language};

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

/// Splits text into lowercase words, as the index and the script both do.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for_each_word(text, |word| tokens.push(word.to_owned()));
    tokens
}

/// Calls `visit` with each word of `text` as [`tokenize`] splits it, without allocating one
/// string per word (the index reads millions of them).
pub fn for_each_word(text: &str, mut visit: impl FnMut(&str)) {
    // Lowercased as a whole, not char by char, as the script's toLowerCase does (a Greek
    // final sigma depends on its neighbours).
    let lower = text.to_lowercase();
    let mut current = String::new();
    for c in lower.chars() {
        if is_apostrophe(c) {
            continue;
        }
        if is_separator(c) {
            if !current.is_empty() {
                visit(&current);
                current.clear();
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        visit(&current);
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
}
