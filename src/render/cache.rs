//! Memoised rendering for `hubsite serve`: a page's HTML is a pure function of the template
//! set and its typed view, so a rebuild looks the pair up and skips Tera when neither changed.
//!
//! Keys are 128-bit fingerprints of (the texts of the template's own set of files, proven by
//! [`crate::render::template_deps`], or of every template; template name; view as JSON);
//! the cache keeps what the last two builds used and forgets the rest, so it never grows
//! beyond two builds of HTML.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use serde::Serialize;

use crate::fingerprint::Fingerprinter;
use crate::load::Template;
use crate::render::markdown::{MarkdownSource, Rendered, render_markdown};
use crate::render::template_deps::{Proven, TemplateDeps};

/// A table's lock: entries are inserted whole, so a poisoned table is still consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// A 128-bit key: a [`Fingerprinter`] fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RenderKey(u128);

impl RenderKey {
    /// The key for rendering template `name` of template set `generation` with `view`: the
    /// view is serialised as JSON straight into the fingerprint, never held in memory.
    pub fn new(
        generation: u64,
        name: &str,
        view: &impl Serialize,
    ) -> serde_json::Result<RenderKey> {
        let mut fingerprint = Fingerprinter::new();
        fingerprint
            .add(&generation.to_le_bytes())
            .add(name.as_bytes());
        serde_json::to_writer(&mut fingerprint, view)?;
        Ok(RenderKey(fingerprint.finish()))
    }
}

/// Rendered HTML by key, shared by the render threads of one build and kept between builds;
/// and each page body's Markdown rendering, by its text and place.
#[derive(Debug, Default)]
pub struct RenderCache {
    maps: Mutex<Generations>,
    markdown: Mutex<TwoBuilds<u128, Arc<MemoisedMarkdown>>>,
    /// Which template sets Tera has proven complete, by their texts (a pure function of them).
    proven: Mutex<Proven>,
    /// Where each page rendered holds its topic links ([`crate::render::pieces`]), by the
    /// page's fingerprint.
    pieces: Mutex<HashMap<u128, Range<usize>>>,
    /// Where each page `serve` spliced holds its pieces, by the very bytes it published
    /// ([`RenderCache::place_pieces`]).
    placed: Mutex<HashMap<usize, Placed>>,
    /// The top-level names of the views rendered in this process ([`RenderCache::note_view`]).
    views: Mutex<ViewNames>,
}

/// The top-level names of every type of view rendered, read once per type: a view's names are
/// its type's fields (no view leaves a field out when empty or flattens a map in).
#[derive(Debug, Default)]
struct ViewNames {
    /// The types read, by name.
    types: std::collections::HashSet<&'static str>,
    names: std::collections::BTreeSet<String>,
    /// A view that did not serialise as a map of names: any name may be a view's.
    unknown: bool,
}

/// A spliced page's pieces: the page's bytes, held weakly (so that no other page's bytes can
/// take their address while the entry lives, and nothing can change them: `Arc::get_mut`
/// refuses an `Arc` with weak references), and where each piece known is in them.
#[derive(Debug)]
struct Placed {
    page: Weak<Vec<u8>>,
    at: Vec<(Piece, Range<usize>)>,
}

/// A piece of a page that `serve` splices in place of rendering the page again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The page's topic links ([`crate::render::pieces`]).
    TopicLinks,
    /// The cards of its related services ([`crate::render::cards`]).
    Cards,
    /// The footer every page includes ([`crate::render::partial`]).
    Footer,
    /// The heading of a topic's group in a section page ([`crate::render::pieces`]): the last
    /// one spliced (a section page has one per topic its pages have).
    TopicHeading,
    /// The page's breadcrumbs ([`crate::render::pieces::BREADCRUMBS`]).
    Breadcrumbs,
}

/// How many pages' topic links [`RenderCache`] keeps before forgetting them all (a few times
/// a large site's pages: each build adds the pages whose HTML changed).
const PIECES_KEPT: usize = 250_000;

/// The fingerprint a page's piece is kept by.
fn piece_key(html: &[u8]) -> u128 {
    Fingerprinter::new().add(html).finish()
}

#[derive(Debug, Default)]
struct Generations {
    pages: TwoBuilds<RenderKey, Arc<str>>,
    hits: usize,
    misses: usize,
}

/// A memo that keeps what the last two builds used.
#[derive(Debug)]
struct TwoBuilds<K, V> {
    /// Used by the build under way.
    current: HashMap<K, V>,
    /// Used by the build before; moved to `current` when used again.
    previous: HashMap<K, V>,
}

impl<K, V> Default for TwoBuilds<K, V> {
    fn default() -> Self {
        TwoBuilds {
            current: HashMap::new(),
            previous: HashMap::new(),
        }
    }
}

impl<K: Eq + std::hash::Hash + Copy, V: Clone> TwoBuilds<K, V> {
    fn start_build(&mut self) {
        self.previous = std::mem::take(&mut self.current);
    }

    fn abandon_build(&mut self) {
        let previous = std::mem::take(&mut self.previous);
        self.current.extend(previous);
    }

    fn get(&mut self, key: K) -> Option<V> {
        match self.current.get(&key) {
            Some(value) => Some(value.clone()),
            None => self.previous.remove(&key).inspect(|value| {
                self.current.insert(key, value.clone());
            }),
        }
    }

    fn insert(&mut self, key: K, value: V) {
        self.current.insert(key, value);
    }
}

/// A page body rendered, with the link lookups it made: still right while each lookup gives
/// the same answer (a renamed page changes where links to it go).
#[derive(Debug)]
struct MemoisedMarkdown {
    rendered: Rendered,
    lookups: Vec<(String, Option<String>)>,
}

/// How much of a build the cache saved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Renders skipped.
    pub hits: usize,
    /// Renders done.
    pub misses: usize,
    /// Pages made from the last build's by splicing a new piece in, without rendering
    /// (`serve`'s topic names: [`crate::render::pieces`]).
    pub spliced: usize,
}

impl RenderCache {
    /// Starts a build: what the last build used stays available, anything older goes.
    pub fn start_build(&self) {
        let mut maps = self.lock();
        maps.pages.start_build();
        maps.hits = 0;
        maps.misses = 0;
        self.lock_markdown().start_build();
    }

    /// Gives up a build that failed: everything the last good build used stays available to
    /// the next one, so a fix does not render the whole site again.
    pub fn abandon_build(&self) {
        self.lock().pages.abandon_build();
        self.lock_markdown().abandon_build();
    }

    /// Forgets everything (after a configuration change).
    pub fn clear(&self) {
        self.lock_pieces().clear();
        self.lock_placed().clear();
        *self.lock() = Generations::default();
        *self.lock_markdown() = TwoBuilds::default();
    }

    /// The HTML rendered for `key` in this build or the last.
    pub fn get(&self, key: RenderKey) -> Option<Arc<str>> {
        let mut maps = self.lock();
        let found = maps.pages.get(key);
        match found {
            Some(_) => maps.hits += 1,
            None => maps.misses += 1,
        }
        found
    }

    /// Remembers that `html` (a page as published) holds its topic links at `piece`.
    pub fn insert_piece(&self, html: &str, piece: Range<usize>) {
        let key = piece_key(html.as_bytes());
        let mut pieces = self.lock_pieces();
        if pieces.len() >= PIECES_KEPT {
            pieces.clear();
        }
        pieces.insert(key, piece);
    }

    /// Where `html` (a page as published) holds its topic links, if a page of exactly these
    /// bytes was rendered in this process (a spliced page's pieces, proven, are found by
    /// [`RenderCache::placed`]).
    pub fn piece(&self, html: &[u8]) -> Option<Range<usize>> {
        let key = piece_key(html);
        self.lock_pieces()
            .get(&key)
            .cloned()
            .filter(|piece| piece.end <= html.len())
    }

    /// Remembers that the page `page` (bytes as published, spliced by `serve`) holds each piece
    /// of `at` where it says. The caller vouches for what a spliced page is proven to be
    /// (`pipeline/cache/splice.rs`): clean, read by the origin check's tokenizer in its data
    /// state where each piece starts, its links leading to published files.
    pub fn place_pieces(&self, page: &Arc<Vec<u8>>, at: Vec<(Piece, Range<usize>)>) {
        let kept = Placed {
            page: Arc::downgrade(page),
            at,
        };
        self.lock_placed().insert(Arc::as_ptr(page) as usize, kept);
    }

    /// Where `page` holds the pieces known, if these very bytes (not equal ones: the same
    /// `Arc`) are a page `serve` spliced ([`RenderCache::place_pieces`]); none otherwise.
    pub fn placed(&self, page: &Arc<Vec<u8>>) -> Vec<(Piece, Range<usize>)> {
        let placed = self.lock_placed();
        // The entry's weak reference keeps the allocation (and so its address) from being
        // reused: the entry found by the pointer is these bytes'.
        placed
            .get(&(Arc::as_ptr(page) as usize))
            .map(|kept| {
                (kept.at.iter())
                    .filter(|(_, at)| at.end <= page.len())
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Forgets the spliced pages no output holds any more (each splice calls it first, so the
    /// table holds about the pages the last splice published).
    pub fn forget_unplaced(&self) {
        self.lock_placed()
            .retain(|_, kept| kept.page.strong_count() > 0);
    }

    /// Notes the top-level names of `view`'s type, the first time a view of its type is
    /// rendered: what a template may read of a page's view besides its own variables.
    pub fn note_view<V: Serialize + ?Sized>(&self, view: &V) {
        let name = std::any::type_name::<V>();
        let mut views = lock(&self.views);
        if !views.types.insert(name) {
            return;
        }
        match serde_json::to_value(view) {
            Ok(serde_json::Value::Object(map)) => views.names.extend(map.keys().cloned()),
            _ => views.unknown = true,
        }
    }

    /// Whether a view rendered in this process may hold `name` at its top level.
    pub fn a_view_holds(&self, name: &str) -> bool {
        let views = lock(&self.views);
        views.unknown || views.names.contains(name)
    }

    fn lock_placed(&self) -> MutexGuard<'_, HashMap<usize, Placed>> {
        self.placed.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lock_pieces(&self) -> MutexGuard<'_, HashMap<u128, Range<usize>>> {
        self.pieces.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Remembers the HTML rendered for `key`.
    pub fn insert(&self, key: RenderKey, html: &str) {
        self.lock().pages.insert(key, Arc::from(html));
    }

    /// A page body's Markdown rendered, from the memo when the same text at the same place
    /// was rendered before and its links still lead where they did.
    pub fn markdown(
        &self,
        source: &MarkdownSource,
        resolve: &dyn Fn(&str) -> Option<String>,
    ) -> Rendered {
        let mut fingerprint = Fingerprinter::new();
        for part in [
            source.file.path.as_os_str().as_encoded_bytes(),
            source.file.text.as_bytes(),
            source.content_dir.as_bytes(),
        ] {
            fingerprint.add(part);
        }
        let key = fingerprint.add(&source.offset.to_le_bytes()).finish();
        let memo = self.lock_markdown().get(key);
        if let Some(memo) = memo.filter(|memo| {
            memo.lookups
                .iter()
                .all(|(path, answer)| resolve(path) == *answer)
        }) {
            return memo.rendered.clone();
        }
        let lookups = std::cell::RefCell::new(Vec::new());
        let recording = |path: &str| {
            let answer = resolve(path);
            lookups.borrow_mut().push((path.to_owned(), answer.clone()));
            answer
        };
        let rendered = render_markdown(&source.file.text[source.offset..], source, &recording);
        let lookups = lookups.into_inner();
        self.lock_markdown().insert(
            key,
            Arc::new(MemoisedMarkdown {
                rendered: rendered.clone(),
                lookups,
            }),
        );
        rendered
    }

    /// Each template's set of files, proven with what earlier builds proved.
    pub fn template_deps(&self, templates: &[Template]) -> TemplateDeps {
        let mut proven = self
            .proven
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        TemplateDeps::new(templates, &mut proven)
    }

    /// Hits and misses since the build started.
    pub fn stats(&self) -> CacheStats {
        let maps = self.lock();
        CacheStats {
            hits: maps.hits,
            misses: maps.misses,
            spliced: 0,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Generations> {
        // Entries are inserted whole, so a poisoned map is still consistent.
        self.maps
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn lock_markdown(&self) -> MutexGuard<'_, TwoBuilds<u128, Arc<MemoisedMarkdown>>> {
        self.markdown
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn key(generation: u64, name: &str, view: serde_json::Value) -> RenderKey {
        RenderKey::new(generation, name, &view).unwrap()
    }

    #[test]
    fn entries_live_for_two_builds_unless_used() {
        let cache = RenderCache::default();
        let key = key(1, "page.html", json!({}));
        cache.insert(key, "<p>x</p>");
        cache.start_build();
        assert_eq!(cache.get(key).as_deref(), Some("<p>x</p>"));
        cache.start_build();
        cache.start_build();
        assert_eq!(cache.get(key), None);
        assert_eq!(
            cache.stats(),
            CacheStats {
                hits: 0,
                misses: 1,
                spliced: 0
            }
        );
    }

    #[test]
    fn a_failed_build_keeps_what_the_last_good_one_rendered() {
        let cache = RenderCache::default();
        let key = key(1, "page.html", json!({}));
        cache.insert(key, "<p>x</p>");
        cache.start_build();
        cache.abandon_build();
        cache.start_build();
        assert_eq!(cache.get(key).as_deref(), Some("<p>x</p>"));
    }

    #[test]
    fn keys_differ_by_template_set_name_and_view() {
        let first = key(1, "page.html", json!({}));
        assert_ne!(first, key(2, "page.html", json!({})));
        assert_ne!(first, key(1, "section.html", json!({})));
        assert_ne!(first, key(1, "page.html", json!({"a": 1})));
        assert_eq!(first, key(1, "page.html", json!({})));
    }

    #[test]
    fn a_memoised_body_is_rendered_again_when_a_link_leads_elsewhere() {
        let cache = RenderCache::default();
        let file =
            crate::diag::SourceFile::new("content/a.md", b"+++\n+++\nSee [b](b.md).\n".to_vec())
                .unwrap();
        let source = MarkdownSource {
            file: &file,
            offset: 8,
            content_dir: "",
        };
        let first = cache.markdown(&source, &|_| Some("/b/".into()));
        assert!(first.html.contains("href=\"/b/\""), "{}", first.html);
        assert_eq!(
            cache.markdown(&source, &|_| Some("/b/".into())).html,
            first.html
        );
        let moved = cache.markdown(&source, &|_| Some("/c/".into()));
        assert!(moved.html.contains("href=\"/c/\""), "{}", moved.html);
        let gone = cache.markdown(&source, &|_| None);
        assert!(
            !gone.problems.is_empty(),
            "a link to a page that went is a problem again"
        );
    }
}
