//! Memoised rendering for `hubsite serve`: a page's HTML is a pure function of the template
//! set and its typed view, so a rebuild looks the pair up and skips Tera when neither changed.
//!
//! Keys are 128-bit fingerprints of (template set, template name, view as JSON);
//! the cache keeps what the last two builds used and forgets the rest, so it never grows
//! beyond two builds of HTML.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;

use crate::fingerprint::Fingerprinter;

/// A 128-bit key: a [`Fingerprinter`] fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RenderKey(u128);

impl RenderKey {
    /// The key for rendering template `name` of template set `generation` with `view`: the
    /// view is serialised as JSON straight into the fingerprint, never held in memory.
    pub fn new(generation: u64, name: &str, view: &impl Serialize) -> serde_json::Result<RenderKey> {
        let mut fingerprint = Fingerprinter::new();
        fingerprint.add(&generation.to_le_bytes()).add(name.as_bytes());
        serde_json::to_writer(&mut fingerprint, view)?;
        Ok(RenderKey(fingerprint.finish()))
    }
}

/// Rendered HTML by key, shared by the render threads of one build and kept between builds.
#[derive(Debug, Default)]
pub struct RenderCache {
    maps: Mutex<Generations>,
}

#[derive(Debug, Default)]
struct Generations {
    /// Used by the build under way.
    current: HashMap<RenderKey, Arc<str>>,
    /// Used by the build before; moved to `current` when used again.
    previous: HashMap<RenderKey, Arc<str>>,
    hits: usize,
    misses: usize,
}

/// How much of a build the cache saved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Renders skipped.
    pub hits: usize,
    /// Renders done.
    pub misses: usize,
}

impl RenderCache {
    /// Starts a build: what the last build used stays available, anything older goes.
    pub fn start_build(&self) {
        let mut maps = self.lock();
        let used = std::mem::take(&mut maps.current);
        maps.previous = used;
        maps.hits = 0;
        maps.misses = 0;
    }

    /// Gives up a build that failed: everything the last good build used stays available to
    /// the next one, so a fix does not render the whole site again.
    pub fn abandon_build(&self) {
        let mut maps = self.lock();
        let previous = std::mem::take(&mut maps.previous);
        maps.current.extend(previous);
    }

    /// Forgets everything (after a configuration change).
    pub fn clear(&self) {
        *self.lock() = Generations::default();
    }

    /// The HTML rendered for `key` in this build or the last.
    pub fn get(&self, key: RenderKey) -> Option<Arc<str>> {
        let mut maps = self.lock();
        let found = match maps.current.get(&key) {
            Some(html) => Some(Arc::clone(html)),
            None => maps.previous.remove(&key).inspect(|html| {
                maps.current.insert(key, Arc::clone(html));
            }),
        };
        match found {
            Some(_) => maps.hits += 1,
            None => maps.misses += 1,
        }
        found
    }

    /// Remembers the HTML rendered for `key`.
    pub fn insert(&self, key: RenderKey, html: &str) {
        self.lock().current.insert(key, Arc::from(html));
    }

    /// Hits and misses since the build started.
    pub fn stats(&self) -> CacheStats {
        let maps = self.lock();
        CacheStats { hits: maps.hits, misses: maps.misses }
    }

    fn lock(&self) -> MutexGuard<'_, Generations> {
        // Entries are inserted whole, so a poisoned map is still consistent.
        self.maps.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
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
        assert_eq!(cache.stats(), CacheStats { hits: 0, misses: 1 });
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
}
