//! A session's table written as a session file, with its keys in the order of
//! docs/content-model.md (as organisers write them by hand) rather than alphabetical, and
//! long text as `"""` blocks. Each line is remembered with the column it came from, so that a
//! problem the model finds in the file is reported at the spreadsheet's cell.

use toml::Value;
use toml::value::Table;

use crate::import::columns::{Column, by_place, named};

/// The keys of a session, in the order they are written.
const TOP: &[&str] = &[
    "title",
    "summary",
    "description",
    "start",
    "end",
    "duration",
    "format",
    "audience",
    "topics",
    "note",
    "cost",
    "concessions",
    "childcare",
    "ages",
    "refreshments",
    "related_services",
    "related_pages",
    "related_resources",
    "recording",
    "feedback_url",
    "revision",
];

/// The tables of a session and their keys, in order; `true`: an array of tables.
const TABLES: &[(&str, bool, &[&str])] = &[
    ("venue", false, &["name", "address", "postcode", "access"]),
    ("online", false, &["platform", "join_url"]),
    ("hosts", true, &["name", "role", "organisation"]),
    (
        "booking",
        false,
        &[
            "status",
            "url",
            "email",
            "phone",
            "capacity",
            "places_left",
            "opens",
            "closes",
        ],
    ),
    (
        "accessibility",
        false,
        &["captions", "bsl", "languages", "interpreters", "notes"],
    ),
    ("transport", false, &["help", "parking", "step_free_route"]),
    ("cancellation", false, &["reason"]),
    (
        "follow_on",
        true,
        &["title", "url", "kind", "source", "description", "duration"],
    ),
];

/// A session file's text, and the column each of its lines came from (by 1-based line).
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// The TOML text.
    pub text: String,
    /// The column of each line, by line number from 1.
    pub lines: Vec<&'static Column>,
}

impl Written {
    fn line(&mut self, text: &str, column: &'static Column) {
        for line in text.lines() {
            self.text.push_str(line);
            self.text.push('\n');
            self.lines.push(column);
        }
    }

    /// The column a line of the text came from.
    pub fn column_of_line(&self, line: usize) -> Option<&'static Column> {
        line.checked_sub(1).and_then(|n| self.lines.get(n)).copied()
    }
}

/// Writes a session's table.
pub fn write_session(session: &Table) -> Written {
    let mut out = Written {
        text: String::new(),
        lines: Vec::new(),
    };
    for key in TOP {
        if let Some(value) = session.get(*key) {
            let column = by_place(None, key).unwrap_or(named("title"));
            out.line(&format!("{key} = {}", repr(value)), column);
        }
    }
    for (name, array, keys) in TABLES {
        let column_of = |key: &str| {
            by_place(Some(name), key)
                .or(by_place(None, name))
                .unwrap_or(named("title"))
        };
        let tables: Vec<&Table> = match session.get(*name) {
            Some(Value::Table(table)) if !array => vec![table],
            Some(Value::Array(items)) if *array => {
                items.iter().filter_map(Value::as_table).collect()
            }
            _ => continue,
        };
        for table in tables {
            let header = if *array {
                format!("\n[[{name}]]")
            } else {
                format!("\n[{name}]")
            };
            out.line(&header, column_of(keys[0]));
            for key in *keys {
                if let Some(value) = table.get(*key) {
                    out.line(&format!("{key} = {}", repr(value)), column_of(key));
                }
            }
        }
    }
    if let Some(extra) = session.get("extra") {
        let mut wrapper = Table::new();
        wrapper.insert("extra".into(), extra.clone());
        let text = toml::to_string(&wrapper).unwrap_or_default();
        out.line("", named("extra"));
        out.line(&text, named("extra"));
    }
    out
}

/// A value as TOML writes it; text of several lines as a `"""` block when it can be.
fn repr(value: &Value) -> String {
    match value {
        Value::String(text) if text.contains('\n') && plain_block(text) => {
            format!("\"\"\"\n{text}\"\"\"")
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(repr).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

/// True when text can go between `"""` lines as it is: no escapes, control characters or
/// quotes that would end the block.
fn plain_block(text: &str) -> bool {
    !text.contains('\\')
        && !text.contains("\"\"\"")
        && !text.ends_with('"')
        && text
            .chars()
            .all(|c| c == '\n' || c == '\t' || !c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_in_the_documented_order_and_read_back_the_same() {
        let text = r#"
title = "T"
format = "online"
start = 2027-03-22T10:00:00
description = """
Line one.
Line "two" \\ here.
"""
[booking]
places_left = 3
status = "open"
[[hosts]]
role = "R"
name = "N"
[extra]
colour = "green"
"#;
        let table: Table = text.parse().unwrap();
        let written = write_session(&table);
        assert!(
            written.text.starts_with("title = \"T\"\ndescription = "),
            "{}",
            written.text
        );
        assert!(
            written
                .text
                .contains("[booking]\nstatus = \"open\"\nplaces_left = 3\n")
        );
        assert!(
            written
                .text
                .contains("[[hosts]]\nname = \"N\"\nrole = \"R\"\n")
        );
        let again: Table = written.text.parse().unwrap();
        assert_eq!(again, table);
        let line = written
            .text
            .lines()
            .position(|l| l.starts_with("places_left"))
            .unwrap();
        assert_eq!(
            written.column_of_line(line + 1).unwrap().header,
            "places_left"
        );
    }

    #[test]
    fn plain_long_text_is_a_block() {
        let value = Value::String("One.\nTwo.\n".into());
        assert_eq!(repr(&value), "\"\"\"\nOne.\nTwo.\n\"\"\"");
    }
}
