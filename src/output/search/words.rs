//! Counting words into postings, a run of documents at a time, as `Index::add_doc` counts
//! them: each worker thread keeps a memo of every word's term ([`WordTerms`]) and counts a
//! field's terms in place by their number, so that a word costs one lookup in the memo and no
//! map of its own (the index's largest cost in a cold build: docs/performance.md, 'Search').

use std::sync::{Arc, Mutex, PoisonError};

use elasticlunr::Pipeline;
use rustc_hash::FxHashMap;

use super::documents::SearchDocument;
use super::index::FIELDS;
use super::text::{Analysis, lowercase_into};

/// How many documents one worker indexes at a time.
pub(super) const RUN: usize = 256;

/// The postings of a run of documents, compactly: a posting is 16 bytes here, where a list per
/// term and field per run took most of a large build's memory.
pub(super) struct Run {
    /// Each document's field lengths.
    pub(super) lengths: Vec<Vec<usize>>,
    /// The run's terms (their numbers in [`texts_of`]), by their number in this run.
    pub(super) terms: Vec<u32>,
    /// In document order, and each document's in field order.
    pub(super) postings: Vec<RunPosting>,
}

/// A term's count in one field of one document.
pub(super) struct RunPosting {
    /// Its number in the run's terms.
    pub(super) term: u32,
    pub(super) field: u32,
    pub(super) doc: u32,
    pub(super) count: u32,
}

/// What the pipeline makes of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
    /// Dropped (a stop word): not counted in the field's length.
    Dropped,
    /// Trimmed to nothing: counted in the length, but the trie cannot hold it.
    Empty,
    /// A term, by its number for the process ([`texts_of`]).
    Known(u32),
}

impl Term {
    /// The memo's value for [`Term::Dropped`]; [`Term::Empty`] is the one below it.
    const DROPPED: u32 = u32::MAX;
    const EMPTY: u32 = u32::MAX - 1;

    /// As the memo stores it: four bytes, beside the key in its table.
    fn code(self) -> u32 {
        match self {
            Term::Dropped => Term::DROPPED,
            Term::Empty => Term::EMPTY,
            Term::Known(n) => n,
        }
    }

    fn of_code(code: u32) -> Term {
        match code {
            Term::DROPPED => Term::Dropped,
            Term::EMPTY => Term::Empty,
            n => Term::Known(n),
        }
    }
}

/// Every term any thread has met, numbered once for the process (one numbering per
/// analysis): runs hand on their terms as numbers, so that no worker copies a term's text for
/// each run it is in and no join looks each one up by its text (a term is met once per thread).
///
/// Process-wide, as the threads' memos of words ([`WordTerms`]) are, rather than the build's
/// (style.md's rule for caches): the memos are per worker thread and outlive a build so that
/// `serve`'s rebuilds reuse them, and they store these numbers, so the numbering must live as
/// long as they do. **Invariant: a memo's codes are valid only while this interner lives;
/// never reset one without the other.** It grows with every term a process meets (a 10,000-page
/// site has about 48,000 distinct words; `serve` adds only the new terms of edits). Numbers
/// differ between runs and threads; nothing published is ordered by them (terms are sorted by
/// their text).
#[derive(Default)]
struct Interner {
    texts: Vec<Arc<str>>,
    numbers: FxHashMap<Arc<str>, u32>,
}

/// The interners, by analysis.
static INTERNERS: [Mutex<Option<Interner>>; 2] = [const { Mutex::new(None) }; 2];

/// Runs `f` with the interner of `analysis`'s terms.
fn with_interner<T>(analysis: Analysis, f: impl FnOnce(&mut Interner) -> T) -> T {
    let at = match analysis {
        Analysis::English => 0,
        Analysis::Plain => 1,
    };
    let mut interner = INTERNERS[at].lock().unwrap_or_else(PoisonError::into_inner);
    f(interner.get_or_insert_with(Interner::default))
}

/// The number of term `text` for `analysis`, given one when first met.
fn number_of(analysis: Analysis, text: String) -> u32 {
    with_interner(analysis, |interner| {
        if let Some(&number) = interner.numbers.get(text.as_str()) {
            return number;
        }
        let number = interner.texts.len() as u32;
        assert!(number < Term::EMPTY, "more terms than a u32 numbers");
        let text: Arc<str> = text.into();
        interner.texts.push(Arc::clone(&text));
        interner.numbers.insert(text, number);
        number
    })
}

/// The texts of terms `numbers` (numbers runs hand on, for `analysis`), in that order.
pub(super) fn texts_of(analysis: Analysis, numbers: &[u32]) -> Vec<Arc<str>> {
    with_interner(analysis, |interner| {
        numbers
            .iter()
            .map(|&n| {
                let text = interner.texts.get(n as usize);
                Arc::clone(text.expect("a term number the interner gave"))
            })
            .collect()
    })
}

thread_local! {
    // Kept for the thread's life, one per analysis: `serve` rebuilds reuse it, and a word's
    // term never changes.
    static WORD_TERMS: std::cell::RefCell<Vec<WordTerms>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` with this thread's memo of words and terms for `analysis`.
pub(super) fn with_word_terms<T>(analysis: Analysis, f: impl FnOnce(&mut WordTerms) -> T) -> T {
    WORD_TERMS.with_borrow_mut(|memos| {
        let at = match memos.iter().position(|m| m.memo.analysis == analysis) {
            Some(at) => at,
            None => {
                memos.push(WordTerms::new(analysis));
                memos.len() - 1
            }
        };
        f(&mut memos[at])
    })
}

/// A thread's memo of words' terms, and its room to count a field's terms in.
pub(super) struct WordTerms {
    memo: Memo,
    /// By term number: its count in the field being counted (0 once the field is done).
    counts: Vec<u32>,
    /// The terms counted in the field being counted, in the order first met.
    touched: Vec<u32>,
    /// By term number: its number in the run being counted, plus one (0: not in the run).
    in_run: Vec<u32>,
    /// The terms given a number in the run being counted (to clear `in_run` after it).
    run_terms: Vec<u32>,
    /// The field being counted, lowercased (kept to reuse its room).
    lower: String,
    /// How many postings the last run had.
    postings_hint: usize,
}

/// Each word's term, remembered: pages share most of their words, and the pipeline (a Porter
/// stemmer) is the costly part of indexing.
struct Memo {
    analysis: Analysis,
    pipeline: Pipeline,
    /// Words of at most [`TINY`] bytes (most words), packed into the key itself: a lookup
    /// reads the table's slot alone, not a string elsewhere in memory (the memo is a site's
    /// every word, too large for the cache), and a slot is 16 bytes.
    tiny: FxHashMap<u64, u32>,
    /// Words of at most [`SHORT`] bytes, packed likewise (a slot of 24 bytes).
    short: FxHashMap<[u64; 2], u32>,
    /// Longer words.
    long: FxHashMap<Box<str>, u32>,
}

/// The longest word [`Memo::short`] holds: its 16th byte is the word's length.
const SHORT: usize = 15;

/// The longest word [`Memo::tiny`] holds: its 8th byte is the word's length.
const TINY: usize = 7;

/// A tiny word as [`Memo::tiny`]'s key: its bytes, then zeros, its length last.
fn packed_tiny(word: &str) -> u64 {
    let mut key = (word.len() as u64) << 56;
    for (i, byte) in word.bytes().enumerate() {
        key |= u64::from(byte) << (8 * i);
    }
    key
}

/// A short word as [`Memo::short`]'s key: its bytes, then zeros, its length last (so no two
/// words share a key).
fn packed(word: &str) -> [u64; 2] {
    let mut key = [0u64, (word.len() as u64) << 56];
    for (i, byte) in word.bytes().enumerate() {
        key[i / 8] |= u64::from(byte) << (8 * (i % 8));
    }
    key
}

impl Memo {
    fn term(&mut self, word: &str) -> Term {
        let Memo {
            analysis,
            pipeline,
            tiny,
            short,
            long,
        } = self;
        let made = || made(pipeline, *analysis, word);
        if word.len() <= TINY {
            remembered(tiny, packed_tiny(word), made)
        } else if word.len() <= SHORT {
            remembered(short, packed(word), made)
        } else {
            // Looked up by the borrowed word: its key is copied only when it is new.
            match long.get(word) {
                Some(&code) => Term::of_code(code),
                None => remembered(long, word.into(), made),
            }
        }
    }
}

/// The term `memo` holds for `key`, made and remembered when it holds none.
fn remembered<K: std::hash::Hash + Eq>(
    memo: &mut FxHashMap<K, u32>,
    key: K,
    made: impl FnOnce() -> Term,
) -> Term {
    Term::of_code(*memo.entry(key).or_insert_with(|| made().code()))
}

/// What `pipeline` makes of `word`, met for the first time.
fn made(pipeline: &mut Pipeline, analysis: Analysis, word: &str) -> Term {
    // The pipeline works word by word, so one word at a time gives what a whole text would.
    match pipeline.run(vec![word.to_owned()]).pop() {
        None => Term::Dropped,
        Some(text) if text.is_empty() => Term::Empty,
        Some(text) => Term::Known(number_of(analysis, text)),
    }
}

impl WordTerms {
    /// The analysis this memo's words went through.
    pub(super) fn analysis(&self) -> Analysis {
        self.memo.analysis
    }

    fn new(analysis: Analysis) -> WordTerms {
        WordTerms {
            memo: Memo {
                analysis,
                pipeline: analysis.pipeline(),
                tiny: FxHashMap::default(),
                short: FxHashMap::default(),
                long: FxHashMap::default(),
            },
            counts: Vec::new(),
            touched: Vec::new(),
            in_run: Vec::new(),
            run_terms: Vec::new(),
            lower: String::new(),
            postings_hint: 0,
        }
    }

    /// Counts `value`'s terms into `counts` and `touched`; returns its length in tokens (stop
    /// words left out).
    fn count_field(&mut self, value: &str) -> usize {
        let mut lower = std::mem::take(&mut self.lower);
        lowercase_into(value, &mut lower);
        let mut length = 0;
        let analysis = self.memo.analysis;
        analysis.for_each_lowered_word(&lower, |word| match self.memo.term(&word) {
            Term::Dropped => {}
            Term::Empty => length += 1,
            Term::Known(term) => {
                length += 1;
                let term = term as usize;
                if term >= self.counts.len() {
                    self.counts.resize(term + 1, 0);
                }
                if self.counts[term] == 0 {
                    self.touched.push(term as u32);
                }
                self.counts[term] += 1;
            }
        });
        self.lower = lower;
        length
    }

    /// Forgets what a run or a field left half counted (only a panic leaves any).
    fn clear_counts(&mut self) {
        for term in self.touched.drain(..) {
            self.counts[term as usize] = 0;
        }
        for term in self.run_terms.drain(..) {
            self.in_run[term as usize] = 0;
        }
    }

    /// This run's number for `term`, given one (and `run_terms` the term) when first met.
    fn in_run(&mut self, term: u32, run_terms: &mut Vec<u32>) -> u32 {
        let at = term as usize;
        if at >= self.in_run.len() {
            self.in_run.resize(at + 1, 0);
        }
        if self.in_run[at] == 0 {
            run_terms.push(term);
            self.run_terms.push(term);
            self.in_run[at] = run_terms.len() as u32;
        }
        self.in_run[at] - 1
    }
}

/// What `Index::add_doc` records for a run of documents numbered from `first`.
pub(super) fn run_postings(first: u32, docs: &[SearchDocument], words: &mut WordTerms) -> Run {
    let mut run = Run {
        lengths: Vec::with_capacity(docs.len()),
        terms: Vec::new(),
        // About as many as the last run had (runs are alike), so the list seldom grows.
        postings: Vec::with_capacity(words.postings_hint.min(docs.len() * 1024)),
    };
    words.clear_counts();
    for (n, doc) in docs.iter().enumerate() {
        // The fields of `FIELDS`: `index::same_fields` compares these.
        let (topics, facts) = (doc.topics.join(", "), doc.facts.join(", "));
        let values = [doc.title.as_str(), &topics, &doc.summary, &facts, &doc.body];
        let mut lengths = Vec::with_capacity(FIELDS.len());
        for (field, value) in values.into_iter().enumerate() {
            lengths.push(words.count_field(value));
            let touched = std::mem::take(&mut words.touched);
            for &term in &touched {
                let count = std::mem::take(&mut words.counts[term as usize]);
                run.postings.push(RunPosting {
                    term: words.in_run(term, &mut run.terms),
                    field: field as u32,
                    doc: first + n as u32,
                    count,
                });
            }
            words.touched = touched;
            words.touched.clear();
        }
        run.lengths.push(lengths);
    }
    words.clear_counts();
    words.postings_hint = run.postings.len();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_pack_into_distinct_keys_and_long_ones_go_by_text() {
        let words = ["a", "a\0", "ab", "ba", "", "fifteen-bytes!!", "é", "الأسرة"];
        let keys: std::collections::BTreeSet<[u64; 2]> =
            words.iter().map(|word| packed(word)).collect();
        assert_eq!(keys.len(), words.len());
        let tiny: std::collections::BTreeSet<u64> = ["a", "a\0", "ab", "ba", "", "seven!!", "é"]
            .iter()
            .map(|word| packed_tiny(word))
            .collect();
        assert_eq!(tiny.len(), 7);
        with_word_terms(Analysis::Plain, |words| {
            for word in [
                "talk",
                "parents",
                "sixteen-bytes!!!",
                "a-much-longer-word-than-that",
            ] {
                let term = words.memo.term(word);
                let Term::Known(number) = term else {
                    panic!("{word}: {term:?}");
                };
                assert_eq!(words.memo.term(word), term, "{word}, remembered");
                assert_eq!(&*texts_of(Analysis::Plain, &[number])[0], word);
            }
        });
        for term in [Term::Dropped, Term::Empty, Term::Known(0), Term::Known(7)] {
            assert_eq!(Term::of_code(term.code()), term);
        }
    }
}
