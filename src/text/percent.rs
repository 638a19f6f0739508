//! Percent-encoding for a value in a URL's query (`mailto:` subjects, calendar links, maps
//! searches), through the `percent-encoding` crate.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// RFC 3986's unreserved characters are kept; every other byte is encoded.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes text for a URL query value: `A & B` becomes `A%20%26%20B`.
pub fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, QUERY_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_unreserved_characters_and_encodes_the_rest_as_utf8() {
        assert_eq!(percent_encode("a-b.c_d~e"), "a-b.c_d~e");
        assert_eq!(percent_encode("A & B/?="), "A%20%26%20B%2F%3F%3D");
        assert_eq!(percent_encode("محمد"), "%D9%85%D8%AD%D9%85%D8%AF");
        assert_eq!(percent_encode("\n"), "%0A");
    }
}
