//! Stage 4 check for pages `serve` makes by splicing a piece of HTML into a page this process
//! found clean (`pipeline/cache/splice.rs`), proven without reading the page whole.
//!
//! The scanner ([`read_start_tags`]) carries nothing from one token to the next once its
//! tokenizer is back in its data state (a `<style>` text is handed over at the next tag, a
//! raw-text element switches the state away from data), so a page whose start ends in the
//! data state reads as its start, then whatever follows read from a fresh start. A clean page
//! `start + old + rest` whose start ends in the data state, and whose `old` piece read alone
//! ends there too, has a clean start and a clean `rest` read from the data state; putting in
//! its place a `new` piece that loads nothing and ends in the data state gives a clean page.
//! The proof holds for the scanner, which is what the check is: a browser reading `<svg>` or
//! `<math>` content differs from it there (README, 'Known gaps'); the pieces are the theme's
//! escaped HTML.

use super::{CleanPages, clean_key, foreign_loads_in_html, own_origin};
use crate::html_scan::{Attributes, StartTagReader, mentions_noscript, read_start_tags};
use crate::load::Sources;

/// A tag no page of the site writes (a text holding it is never proven): read as a start tag
/// after a text only when the tokenizer reads that text's end in its data state.
pub(super) const PROBE: &str = "hubsite-origin-probe";

/// Whether the tokenizer, reading `text` from its data state (the start of a page, or a piece
/// read alone), is in its data state at its end: the probe tag after it is read as a start
/// tag, with nothing of it taken as an attribute, only in that state (after a lone `<` too,
/// which is refused first).
pub fn ends_in_data_state(text: &str) -> bool {
    // After a `<noscript>` a browser with JavaScript and one without may read a text
    // differently (see `noscript_ends_read_alike`): the probe reads one way, so proves nothing.
    if text.ends_with('<') || text.contains(PROBE) || mentions_noscript(text) {
        return false;
    }
    /// Notes whether the last start tag was the probe's, whole.
    struct Probe(bool);
    impl StartTagReader for Probe {
        fn wants_element(&self, name: &str) -> bool {
            name == PROBE
        }
        fn wants_attribute(&self, _name: &str) -> bool {
            false
        }
        fn start_tag(&mut self, name: &str, attributes: Attributes<'_>) {
            self.0 = name == PROBE && attributes.iter().next().is_none();
        }
        fn style_sheet(&mut self, _css: &str) {}
    }
    let mut probe = Probe(false);
    read_start_tags(&format!("{text}<{PROBE}>"), &mut probe);
    probe.0
}

/// Whether `piece`, read from the tokenizer's data state, loads nothing from another origin
/// than the site's and ends in the data state: what a piece spliced into a page must be.
pub fn piece_is_clean(sources: &Sources, piece: &str) -> bool {
    ends_in_data_state(piece)
        && foreign_loads_in_html(piece, &own_origin(&sources.config.base_url)).is_empty()
}

/// Whether the page `html` loads nothing from another origin: known when the origin check
/// of this process found it clean, else read whole (and remembered when clean).
pub fn found_clean(sources: &Sources, clean: &CleanPages, html: &str) -> bool {
    let own = own_origin(&sources.config.base_url);
    let key = clean_key(&own, html);
    if clean.0.lock().is_ok_and(|known| known.contains(&key)) {
        return true;
    }
    let found = foreign_loads_in_html(html, &own).is_empty();
    if found {
        clean.0.lock().map(|mut known| known.insert(key)).ok();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_ends_in_the_data_state_only_outside_tags_comments_and_raw_text() {
        for text in [
            "",
            "<p>a</p>",
            "<p>a &amp; b",
            "<style>a{}</style>",
            "<script>1 < 2</script>x",
            "<!-- c -->",
            "<a href=\"/x/\">x</a>",
        ] {
            assert!(ends_in_data_state(text), "{text}");
        }
        for text in [
            "<p",
            "<p class=\"a",
            "<",
            "<!-- c",
            "<style>a{}",
            "<script>x",
            "<title>t",
            "<textarea>",
            "<p>hubsite-origin-probe",
        ] {
            assert!(!ends_in_data_state(text), "{text}");
        }
    }
}
