//! A forced re-import over a file an organiser has edited: what the feed carries comes from
//! the feed, and what the organiser added that the feed does not carry (topics, a referral
//! route, related pages...) is kept, and named in the file's header so that later imports keep
//! it too. Pure: texts in, text out.

use toml::Table;

/// The header line that names the keys kept from an organiser's edits.
const KEPT_PREFIX: &str = "# Kept from hand edits (the feed does not carry them): ";

/// The new file: `fresh` (an imported file's body, without its header) with the keys of `existing`
/// that `fresh` lacks, when `existing` was edited by hand (`edited`), or those an earlier
/// merge kept. Returns the text and the keys kept.
pub fn merge_kept(fresh: &str, existing: &str, edited: bool) -> (String, Vec<String>) {
    let (Ok(new), Ok(old)) = (fresh.parse::<Table>(), existing.parse::<Table>()) else {
        return (fresh.to_owned(), Vec::new());
    };
    let earlier: Vec<&str> = existing
        .lines()
        .find_map(|l| l.strip_prefix(KEPT_PREFIX))
        .map(|keys| keys.split(", ").map(str::trim).collect())
        .unwrap_or_default();
    let kept: Table = old
        .into_iter()
        .filter(|(key, _)| !new.contains_key(key))
        .filter(|(key, _)| edited || earlier.contains(&key.as_str()))
        .collect();
    if kept.is_empty() {
        return (fresh.to_owned(), Vec::new());
    }
    let keys: Vec<String> = kept.keys().cloned().collect();
    let (values, tables): (Table, Table) = kept
        .into_iter()
        .partition(|(_, v)| !v.is_table() && !is_array_of_tables(v));
    let (head, rest) = split_at_tables(fresh);
    let mut text = head.to_owned();
    text.push_str(&toml::to_string(&values).unwrap_or_default());
    text.push_str(rest);
    if !tables.is_empty() {
        text.push('\n');
        text.push_str(&toml::to_string(&tables).unwrap_or_default());
    }
    (text, keys)
}

/// The line that names the kept keys, for the header.
pub fn kept_line(keys: &[String]) -> String {
    format!("{KEPT_PREFIX}{}", keys.join(", "))
}

fn is_array_of_tables(value: &toml::Value) -> bool {
    value
        .as_array()
        .is_some_and(|items| !items.is_empty() && items.iter().all(toml::Value::is_table))
}

/// The file's top-level keys (with the header), and its tables from the first `[`.
fn split_at_tables(text: &str) -> (&str, &str) {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with('[') {
            break;
        }
        at += line.len();
    }
    let head = &text[..at];
    // Keep the blank line before the first table after the kept keys.
    let trimmed = head.trim_end_matches('\n');
    let cut = if trimmed.len() < head.len() {
        trimmed.len() + 1
    } else {
        head.len()
    };
    (&text[..cut], &text[cut..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRESH: &str = "name = \"A\"\nsummary = \"From the feed\"\n\n[cost]\nfree = true\n";

    #[test]
    fn an_edited_file_keeps_what_the_feed_lacks_and_takes_what_it_carries() {
        let existing = "name = \"A\"\nsummary = \"Mine\"\nreferral = \"Ask your GP\"\ntopics = [\"sleep\"]\n\n[cost]\nfree = true\n";
        let (text, kept) = merge_kept(FRESH, existing, true);
        assert_eq!(kept, ["referral", "topics"]);
        let merged: Table = text.parse().unwrap();
        assert_eq!(merged["summary"].as_str(), Some("From the feed"));
        assert_eq!(merged["referral"].as_str(), Some("Ask your GP"));
        assert!(merged["cost"].is_table());
    }

    #[test]
    fn an_untouched_file_keeps_only_what_an_earlier_merge_kept() {
        let existing = format!(
            "{}\nname = \"A\"\nreferral = \"Ask your GP\"\nold = 1\n",
            kept_line(&["referral".into()])
        );
        let (_, kept) = merge_kept(FRESH, &existing, false);
        assert_eq!(kept, ["referral"]);
        assert_eq!(
            merge_kept(FRESH, "name = \"A\"\nold = 1\n", false).1,
            Vec::<String>::new()
        );
    }
}
