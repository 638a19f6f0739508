//! One cell of a sessions row into the value its session file holds: text, numbers, yes or
//! no, lists, hosts and materials (`a | b | c` a line), `[extra]` TOML and date-times; each
//! problem located at its cell. Pure, like [`super::rows`], which reads whole rows with it.

use std::collections::BTreeMap;

use toml::Value;
use toml::value::Table as TomlTable;

use crate::diag::Code;
use crate::import::columns::{Column, Kind, Place};
use crate::import::rows::{Header, Located, toml_datetime};
use crate::import::sheet::{Cell, Row, Table};
use crate::import::when::{Unclear, cell_time};

/// What a row has read so far, and where its problems go.
pub(crate) struct RowReader<'a> {
    pub(crate) table: &'a Table,
    pub(crate) header: &'a Header,
    pub(crate) row: &'a Row,
    pub(crate) problems: &'a mut Vec<Located>,
}

impl RowReader<'_> {
    pub(crate) fn cell(&self, header: &str) -> Option<(usize, &Cell)> {
        let n = self.header.position(header)?;
        Some((n, self.row.cells.get(n).unwrap_or(&Cell::Empty)))
    }

    pub(crate) fn problem(
        &mut self,
        column: usize,
        code: Code,
        message: String,
        hint: Option<String>,
    ) {
        let mut diagnostic = self.table.at(self.row.number, column, code, message);
        diagnostic.hint = hint;
        self.problems.push(Located {
            row: self.row.number,
            column,
            diagnostic,
        });
    }

    pub(crate) fn unclear(&mut self, column: usize, what: Unclear) {
        let code = if what.ambiguous {
            Code::AmbiguousDate
        } else {
            Code::BadDate
        };
        self.problem(column, code, what.message, Some(what.hint));
    }
}

/// A cell's text; numbers as they would be typed.
pub(crate) fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Bool(b) => if *b { "yes" } else { "no" }.into(),
        _ => String::new(),
    }
}

/// Text as the file keeps it: line endings as `\n`, no blank lines around it, and a final
/// line break on text of several lines (as a TOML `"""` string written by hand has).
pub fn clean_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_start_matches(['\n', ' ', '\t']).trim_end();
    if text.contains('\n') {
        format!("{text}\n")
    } else {
        text.to_owned()
    }
}

fn items(text: &str, commas: bool) -> Vec<String> {
    text.split(|c: char| c == '\n' || c == ';' || (commas && c == ','))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(crate) fn read_value(
    reader: &mut RowReader<'_>,
    n: usize,
    column: &Column,
    cell: &Cell,
) -> Option<Value> {
    if matches!(cell, Cell::When(_)) && !matches!(column.kind, Kind::DateTime) {
        reader.problem(
            n,
            Code::WrongType,
            format!(
                "`{}` holds text, and this cell is formatted as a date",
                column.header
            ),
            Some("format the cell as text and type the value again".into()),
        );
        return None;
    }
    let text = text_of(cell);
    match column.kind {
        Kind::Text => {
            if matches!(cell, Cell::Number(_)) && column.place == Place::In("booking", "phone") {
                reader.problem(
                    n,
                    Code::Phone,
                    "this phone number is stored as a number, so it has lost its first 0".into(),
                    Some(
                        "format the column as text and type the number again, 0113 496 0000".into(),
                    ),
                );
                return None;
            }
            Some(Value::String(clean_text(&text)))
        }
        Kind::Number => read_number(reader, n, cell, &text),
        Kind::YesNo => match (cell, text.trim().to_lowercase().as_str()) {
            (Cell::Bool(b), _) => Some(Value::Boolean(*b)),
            (_, "yes" | "y" | "true" | "1") => Some(Value::Boolean(true)),
            (_, "no" | "n" | "false" | "0") => Some(Value::Boolean(false)),
            _ => {
                reader.problem(
                    n,
                    Code::WrongType,
                    format!("`{}` takes yes or no, not `{}`", column.header, text.trim()),
                    Some("write yes or no".into()),
                );
                None
            }
        },
        Kind::List | Kind::SlugList => Some(Value::Array(
            items(&text, column.kind == Kind::SlugList)
                .into_iter()
                .map(Value::String)
                .collect(),
        )),
        Kind::Hosts => read_parts(reader, n, &text, &HOST_PARTS, true),
        Kind::FollowOn => read_parts(reader, n, &text, &MATERIAL_PARTS, false),
        Kind::Extra => match text.parse::<TomlTable>() {
            Ok(extra) => Some(Value::Table(extra)),
            Err(e) => {
                reader.problem(
                    n,
                    Code::TomlSyntax,
                    format!("`extra` is not TOML: {}", e.message()),
                    Some("write one `key = \"value\"` a line".into()),
                );
                None
            }
        },
        Kind::DateTime => read_datetime(reader, n, cell),
        Kind::Slug | Kind::Date | Kind::Time | Kind::EndTime => None,
    }
}

fn read_number(reader: &mut RowReader<'_>, n: usize, cell: &Cell, text: &str) -> Option<Value> {
    let number = match cell {
        Cell::Number(x) if x.fract() == 0.0 && *x >= 0.0 && *x <= f64::from(u32::MAX) => {
            Some(*x as i64)
        }
        Cell::Text(t) => t.trim().parse::<u32>().ok().map(i64::from),
        _ => None,
    };
    if number.is_none() {
        reader.problem(
            n,
            Code::WrongType,
            format!("expected a whole number, found `{}`", text.trim()),
            Some("write the number alone, 12".into()),
        );
    }
    number.map(Value::Integer)
}

fn read_datetime(reader: &mut RowReader<'_>, n: usize, cell: &Cell) -> Option<Value> {
    match cell_time(cell) {
        Ok((Some(date), time)) => Some(Value::Datetime(toml_datetime(date.to_datetime(time)))),
        Ok((None, _)) => {
            reader.problem(
                n,
                Code::BadDate,
                "this needs a date as well as a time".into(),
                Some("write the date and the time: 11/01/2027 09:00".into()),
            );
            None
        }
        Err(e) => {
            reader.unclear(n, e);
            None
        }
    }
}

/// The parts of one host, in the order a cell gives them: `name | role | organisation`.
const HOST_PARTS: [&str; 3] = ["name", "role", "organisation"];
/// The parts of one follow-on material.
const MATERIAL_PARTS: [&str; 6] = ["title", "url", "kind", "source", "duration", "description"];

/// Entries of `name | role | organisation` (hosts: `;` also separates entries) into tables.
fn read_parts(
    reader: &mut RowReader<'_>,
    n: usize,
    text: &str,
    keys: &[&'static str],
    semicolons: bool,
) -> Option<Value> {
    let entries: Vec<&str> = text
        .split(|c: char| c == '\n' || (semicolons && c == ';'))
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    let needed = if keys.len() == 3 { 1 } else { 3 };
    let mut tables = Vec::new();
    for entry in entries {
        let parts: Vec<&str> = entry.split('|').map(str::trim).collect();
        if parts.len() > keys.len() || parts.iter().take(needed).any(|p| p.is_empty()) {
            reader.problem(
                n,
                Code::BadValue,
                format!("`{entry}` is not {}", keys.join(" | ")),
                Some(format!(
                    "write one a line as {} (the first {needed} needed)",
                    keys.join(" | ")
                )),
            );
            return None;
        }
        let table: BTreeMap<String, Value> = keys
            .iter()
            .zip(parts)
            .filter(|(_, part)| !part.is_empty())
            .map(|(key, part)| ((*key).to_owned(), Value::String(part.to_owned())))
            .collect();
        tables.push(Value::Table(table.into_iter().collect()));
    }
    Some(Value::Array(tables))
}
