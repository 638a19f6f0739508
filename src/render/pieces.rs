//! Where a page's topic links are in its HTML, for `serve` to splice a topic's new name into
//! the kept pages instead of rendering them again.
//!
//! The built-in theme renders a page's topic links through one partial,
//! [`TOPIC_LINKS`], included once by `page.html`. When the templates are parsed, every
//! `{% include "partials/topic_links.html" %}` of a built-in template is wrapped in two markers
//! carrying a random number drawn once per process ([`Markers`]): a page's content, written
//! before the process started, cannot hold them. Each page rendered is stripped of them at once
//! ([`strip`]), so no page ever holds a marker, and where the partial's output was is kept
//! beside the page's fingerprint ([`crate::render::cache::RenderCache::piece`]). A page
//! rendered where a marker could be misplaced (its addresses rewritten after rendering) is
//! stripped without keeping where.
//!
//! The partial reads `page.topics` only, with the template function `t` (which reads
//! `site.language`) and the filter `url`, the same for every page of a language: rendered alone
//! with a view holding only those ([`TopicLinksView`]) it gives what it gives inside the page. `serve` checks that a kept
//! page holds, at the place recorded, the partial rendered alone with the old topics, and only
//! then puts the partial rendered with the new ones in its place.

use std::hash::{BuildHasher, RandomState};
use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;

use crate::render::views::Link;

/// The partial of a page's topic links.
pub const TOPIC_LINKS: &str = "partials/topic_links.html";

/// Its include, as the built-in `page.html` writes it.
const INCLUDE: &str = "{% include \"partials/topic_links.html\" %}";

/// The two markers around the partial's output, with a number drawn at random once per
/// process, between private-use characters.
pub struct Markers {
    open: String,
    close: String,
}

static MARKERS: LazyLock<Markers> = LazyLock::new(|| {
    let random = RandomState::new();
    let nonce = format!("{:016x}{:016x}", random.hash_one(1u8), random.hash_one(2u8));
    Markers {
        open: format!("\u{F8FD}hubsite-piece-{nonce}\u{F8FD}"),
        close: format!("\u{F8FC}hubsite-piece-{nonce}\u{F8FC}"),
    }
});

/// The markers of this process.
pub fn markers() -> &'static Markers {
    &MARKERS
}

/// A built-in template's text with its includes of [`TOPIC_LINKS`] wrapped in markers; `None`
/// when it has none.
pub fn marked_template(text: &str) -> Option<String> {
    if !text.contains(INCLUDE) {
        return None;
    }
    let markers = markers();
    Some(text.replace(
        INCLUDE,
        &format!("{}{INCLUDE}{}", markers.open, markers.close),
    ))
}

/// `html` without the markers, and where the partial's output is in it when the page holds
/// exactly one pair of them, in order.
pub fn strip(mut html: String) -> (String, Option<Range<usize>>) {
    let markers = markers();
    let Some(open) = html.find(&markers.open) else {
        return (html, None);
    };
    let start = open + markers.open.len();
    let piece = html[start..]
        .find(&markers.close)
        .map(|close| start..start + close)
        .filter(|piece| {
            let rest = &html[piece.end + markers.close.len()..];
            !html[..open].contains(&markers.close)
                && !html[piece.clone()].contains(&markers.open)
                && !rest.contains(&markers.open)
                && !rest.contains(&markers.close)
        });
    match piece {
        // The one pair, in order (every page of the theme): taken out where they are, the
        // page not copied.
        Some(piece) => {
            html.replace_range(piece.end..piece.end + markers.close.len(), "");
            html.replace_range(open..start, "");
            (html, Some(open..open + piece.len()))
        }
        None => (
            html.replace(&markers.open, "").replace(&markers.close, ""),
            None,
        ),
    }
}

/// All the partial [`TOPIC_LINKS`] reads of a page's view.
#[derive(Debug, Serialize)]
pub struct TopicLinksView<'a> {
    /// The site: its language only, which the template function `t` reads.
    pub site: LanguageSite<'a>,
    /// The page: its topics only.
    pub page: TopicLinksPage<'a>,
}

/// The site's language, as [`crate::render::views::SiteView`] has it: all a partial that
/// calls the template function `t` reads of the site.
#[derive(Debug, Serialize)]
pub struct LanguageSite<'a> {
    /// The language's tag (`cy`).
    pub language: &'a str,
}

/// A page's topics, as [`crate::render::views::PageMeta`] has them.
#[derive(Debug, Serialize)]
pub struct TopicLinksPage<'a> {
    /// Its topics, linked to their pages.
    pub topics: &'a [Link],
}

/// The partial of the heading of one topic's group among a section page's 'by topic' lists,
/// which the built-in `section.html` includes once per group, when it shows more than one.
/// It reads `heading` only (the topic's link, which `section.html` sets to the group's
/// before the include) with the filter `url`, the same for every page of a language: rendered
/// alone with a view holding only that ([`TopicHeadingView`]) it gives what it gives inside
/// the page. `serve` finds where it is in a kept section page as it finds a service's cards
/// (`pipeline/cache/headings.rs`): the partial rendered alone with the topic as it was, found
/// exactly once in the page.
pub const TOPIC_HEADING: &str = "partials/topic_heading.html";

/// All the partial [`TOPIC_HEADING`] reads of a page's view.
#[derive(Debug, Serialize)]
pub struct TopicHeadingView<'a> {
    /// The topic, linked to its page, as the group's view has it.
    pub heading: &'a Link,
}

/// The partial of a page's breadcrumbs, which every built-in template that shows them includes
/// once, in its `breadcrumbs` block. It reads `breadcrumbs` only, with the template function
/// `t` (which reads `site.language`) and the filter `url`, the same for every page of a
/// language: rendered alone with a view holding only those ([`BreadcrumbsView`]) it gives what
/// it gives inside the page. `serve` finds it in a kept page as it finds a service's cards
/// (`pipeline/cache/crumbs.rs`): rendered alone with the breadcrumbs as they were, found exactly
/// once in the page.
pub const BREADCRUMBS: &str = "partials/breadcrumbs.html";

/// All the partial [`BREADCRUMBS`] reads of a page's view.
#[derive(Debug, Serialize)]
pub struct BreadcrumbsView<'a> {
    /// The site: its language only, which the template function `t` reads.
    pub site: LanguageSite<'a>,
    /// Home, then each section above the page ([`crate::render::views::breadcrumbs`]).
    pub breadcrumbs: &'a [Link],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_of_markers_gives_the_range_between_them() {
        let m = markers();
        let html = format!("<p>a</p>{}<b>x</b>{}<p>z</p>", m.open, m.close);
        let (stripped, range) = strip(html);
        assert_eq!(stripped, "<p>a</p><b>x</b><p>z</p>");
        assert_eq!(&stripped[range.unwrap()], "<b>x</b>");
    }

    #[test]
    fn markers_out_of_order_or_twice_are_stripped_without_a_range() {
        let m = markers();
        for html in [
            format!("a{}b{}c{}d{}", m.open, m.close, m.open, m.close),
            format!("a{}b{}c", m.close, m.open),
            format!("a{}b", m.open),
        ] {
            let (stripped, range) = strip(html);
            assert!(!stripped.contains('\u{F8FD}') && !stripped.contains('\u{F8FC}'));
            assert_eq!(range, None);
        }
    }

    #[test]
    fn only_the_include_is_marked() {
        let text = "<main>{% include \"partials/topic_links.html\" %}\n</main>";
        let marked = marked_template(text).unwrap();
        let m = markers();
        assert_eq!(
            marked,
            format!(
                "<main>{}{{% include \"partials/topic_links.html\" %}}{}\n</main>",
                m.open, m.close
            )
        );
        assert_eq!(marked_template("<main></main>"), None);
    }
}
