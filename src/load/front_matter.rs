//! Splitting a Markdown file into its TOML front matter (between `+++` lines) and its body.

use std::ops::Range;

/// A Markdown file cut into front matter and body, with the byte offsets of each part so that
/// errors in either can be located in the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML between the fences.
    pub front: &'a str,
    /// The byte offset of `front` in the file.
    pub front_offset: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// The byte offset of `body` in the file.
    pub body_offset: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `+++` line.
    NoOpeningFence,
    /// No `+++` line closes the front matter that opens at this range.
    NoClosingFence(Range<usize>),
}

/// Splits `text` into front matter and body. The opening fence must be the first line; the
/// closing fence is the next line that is `+++` alone (trailing spaces and `\r` allowed).
pub fn split_front_matter(text: &str) -> Result<Split<'_>, SplitError> {
    let mut lines = line_spans(text);
    let first = lines.next().ok_or(SplitError::NoOpeningFence)?;
    if !is_fence(&text[first.clone()]) {
        return Err(SplitError::NoOpeningFence);
    }
    let front_offset = first.end;
    for line in lines {
        if is_fence(&text[line.clone()]) {
            return Ok(Split {
                front: &text[front_offset..line.start],
                front_offset,
                body: &text[line.end..],
                body_offset: line.end,
            });
        }
    }
    Err(SplitError::NoClosingFence(first.start..first.end))
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "+++"
}

/// Byte ranges of each line, each including its line ending.
fn line_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let line = start..end;
        start = end;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let split = split_front_matter("+++\ntitle = 'A'\n+++\nBody\n").unwrap();
        assert_eq!(split.front, "title = 'A'\n");
        assert_eq!(split.front_offset, 4);
        assert_eq!(split.body, "Body\n");
        assert_eq!(split.body_offset, 20);
    }

    #[test]
    fn handles_crlf_and_empty_front_matter() {
        let split = split_front_matter("+++\r\n+++\r\nBody").unwrap();
        assert_eq!(split.front, "");
        assert_eq!(split.body, "Body");
    }

    #[test]
    fn missing_fences_are_errors() {
        assert_eq!(
            split_front_matter("# Title"),
            Err(SplitError::NoOpeningFence)
        );
        assert_eq!(split_front_matter(""), Err(SplitError::NoOpeningFence));
        assert_eq!(
            split_front_matter("+++\ntitle = 'A'\n"),
            Err(SplitError::NoClosingFence(0..4))
        );
    }

    #[test]
    fn a_fence_inside_a_longer_line_does_not_close() {
        let split = split_front_matter("+++\na = '+++'\n+++ \n").unwrap();
        assert_eq!(split.front, "a = '+++'\n");
        assert_eq!(split.body, "");
    }
}
