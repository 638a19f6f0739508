//! 128-bit fingerprints of generated text, for the memos that let a rebuild skip work it has
//! done before (pages rendered from the same view, pages the origin check found clean).
//!
//! SipHash-1-3 with 128-bit output and keys drawn at random once per process: a page crafted
//! (say, in a partner's session description) to collide with a page already checked would
//! have to guess the keys. Fingerprints never reach the output, so the random keys cannot
//! make two builds differ.
//!
//! [`stable_hash`] is the other kind: fixed keys, the same on every machine and every run, for
//! names that do reach the output (the fingerprinted copies of style sheets and scripts).

use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::LazyLock;

use siphasher::sip128::{Hasher128, SipHasher13};

static KEYS: LazyLock<(u64, u64)> = LazyLock::new(|| {
    let random = RandomState::new();
    (random.hash_one(1u8), random.hash_one(2u8))
});

/// A 64-bit SipHash-1-3 of `bytes` with fixed keys: the same on every machine and every run.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut hasher = siphasher::sip::SipHasher13::new();
    hasher.write(bytes);
    hasher.finish()
}

/// Collects bytes into a fingerprint; also an [`std::io::Write`], so that serialisers can write
/// straight into it.
#[derive(Debug)]
pub struct Fingerprinter(SipHasher13);

impl Fingerprinter {
    /// An empty fingerprinter.
    pub fn new() -> Fingerprinter {
        Fingerprinter(SipHasher13::new_with_keys(KEYS.0, KEYS.1))
    }

    /// Adds `bytes`, with their length, so that ("ab", "c") and ("a", "bc") differ.
    pub fn add(&mut self, bytes: &[u8]) -> &mut Fingerprinter {
        self.0.write_usize(bytes.len());
        self.0.write(bytes);
        self
    }

    /// The fingerprint of everything added.
    pub fn finish(&self) -> u128 {
        self.0.finish128().as_u128()
    }
}

impl Default for Fingerprinter {
    fn default() -> Fingerprinter {
        Fingerprinter::new()
    }
}

impl std::io::Write for Fingerprinter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_tell_apart_what_was_added_and_how_it_was_split() {
        let of = |parts: &[&str]| {
            let mut f = Fingerprinter::new();
            for part in parts {
                f.add(part.as_bytes());
            }
            f.finish()
        };
        assert_eq!(of(&["a", "bc"]), of(&["a", "bc"]));
        assert_ne!(of(&["a", "bc"]), of(&["ab", "c"]));
        assert_ne!(of(&["a"]), of(&["b"]));
    }
}
