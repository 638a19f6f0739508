//! The stamp an import puts at the top of each file it writes: who wrote it, and a hash of the
//! body, so that a later import can tell a file still as written (safe to replace) from one an
//! organiser has edited (left alone unless forced).

const HASH_PREFIX: &str = "# content-hash: ";

/// Puts `header` (a comment line naming the import), a line on editing, and the hash of the
/// body above the body; `command` is the import that leaves edited files alone.
pub fn with_stamp(header: &str, command: &str, body: &str) -> String {
    format!(
        "{header}\n# Edit freely: once this file is edited, `{command}` leaves it alone unless given --force.\n{HASH_PREFIX}{}\n\n{body}",
        content_hash(body)
    )
}

/// True when a file starts with `header` and still holds exactly what the import wrote (its
/// hash matches its body).
pub fn is_untouched(header: &str, text: &str) -> bool {
    let Some(start) = text.find(HASH_PREFIX) else {
        return false;
    };
    let rest = &text[start + HASH_PREFIX.len()..];
    let Some((hash, body)) = rest.split_once('\n') else {
        return false;
    };
    text.starts_with(header)
        && body
            .strip_prefix('\n')
            .is_some_and(|body| content_hash(body) == hash.trim())
}

/// A stable 64-bit FNV-1a hash, in hex.
fn content_hash(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_body_or_another_header_is_not_untouched() {
        let text = with_stamp("# Imported by x.", "x", "a = 1\n");
        assert!(is_untouched("# Imported by x.", &text));
        assert!(!is_untouched("# Imported by y.", &text));
        assert!(!is_untouched(
            "# Imported by x.",
            &text.replace("a = 1", "a = 2")
        ));
    }
}
