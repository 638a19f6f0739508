//! A list of cards rendered alone, for `serve` to splice a directory service's new card into
//! the kept pages that list it as related instead of rendering them again.
//!
//! The built-in `page.html` renders a page's related services as `{% set cards =
//! related_services %}{% include "partials/cards.html" %}`. The partial ([`CARDS`]) reads
//! `cards` only, with the template function `t` (which reads `site.language`) and the filter
//! `url`, the same for every page of a language: rendered alone with a view holding only those
//! ([`CardsView`]) it gives what it gives inside the page. `serve` finds where it is in a kept
//! page by finding the partial rendered alone with the old cards exactly once in the page (the
//! template wrote the partial's output at one place, so bytes found exactly once are that
//! place's, provided the page holds the partial's output byte for byte: it does, because a
//! page's addresses are made by `url` as the partial's are; a page whose Markdown leaves a
//! comment or tag open is rendered otherwise under a folder, and then fails the build's link
//! check, so no kept build holds one), proves the page's start up to there is read in the
//! tokenizer's data state, and keeps the place for the next edit (`pipeline/cache/cards.rs`,
//! `pipeline/cache/splice.rs`).

use serde::Serialize;

use crate::render::views::Card;

/// The partial of a list of cards.
pub const CARDS: &str = "partials/cards.html";

/// All the partial [`CARDS`] reads of a page's view.
#[derive(Debug, Serialize)]
pub struct CardsView<'a> {
    /// The site: its language only, which the template function `t` reads.
    pub site: CardsSite<'a>,
    /// The cards, as the page's view has them (`related_services`).
    pub cards: &'a [Card],
}

/// The site's language, as [`crate::render::views::SiteView`] has it.
#[derive(Debug, Serialize)]
pub struct CardsSite<'a> {
    /// The language's tag (`cy`).
    pub language: &'a str,
}
