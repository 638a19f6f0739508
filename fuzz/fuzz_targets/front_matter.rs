//! The front matter splitter: never panics, and its parts are slices of the text at the
//! offsets it reports.
#![no_main]

use hubsite::load::front_matter::split_front_matter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(split) = split_front_matter(text) {
        assert!(split.front_offset <= split.body_offset && split.body_offset <= text.len());
        assert_eq!(&text[split.front_offset..split.front_offset + split.front.len()], split.front);
        assert_eq!(&text[split.body_offset..], split.body);
    }
});
