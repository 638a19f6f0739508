//! Stage 4, outputs: the published scripts, minified. Comments and indentation are a third of
//! the theme's scripts, and `js/search.js` is fetched by every first search on a slow phone
//! (issue 23: 8.0 KiB gzipped as written, 5.7 minified), so the scripts go out without them;
//! the theme's files stay readable. Names are kept: only comments and whitespace that no
//! statement needs are dropped (rustdoc's minifier, token by token).

/// `source` minified.
pub fn minify(source: &str) -> String {
    minifier::js::minify(source).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_indentation_go_and_the_code_stays() {
        let source = "// A comment.\n(function () {\n  'use strict';\n  /* block */\n  var re = /^[\\p{L}]+$/u; // a word\n  return re.test('a // b');\n})();\n";
        let minified = minify(source);
        assert!(!minified.contains("A comment") && !minified.contains("block"));
        assert!(minified.contains("/^[\\p{L}]+$/u") && minified.contains("'a // b'"));
        assert!(minified.len() < source.len() * 3 / 4, "{minified}");
    }
}
