//! A sessions sheet's rows into session tables: the header row names the columns
//! ([`super::columns`]), and each later row becomes the TOML table of one session file, or
//! located problems. Pure: cells in, tables and diagnostics out; the model's own checks run
//! later, on the written text, through the normal pipeline.

use jiff::civil::{Date, DateTime, Time};
use toml::Value;
use toml::value::{Datetime, Table as TomlTable};

use crate::diag::{Code, Diagnostic};
use crate::import::columns::{COLUMNS, Column, Kind, Place, by_header, normalise_header};
use crate::import::sheet::{Cell, Row, Table};
use crate::import::values::{RowReader, read_value, text_of};
use crate::import::when::{cell_date, cell_time};
use crate::model::slug::Slug;

pub use crate::import::values::clean_text;

/// A problem, with the row and column it is at (for ordering the report).
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The row number (the header row for a column's problem).
    pub row: usize,
    /// The 0-based column.
    pub column: usize,
    /// The problem.
    pub diagnostic: Diagnostic,
}

/// The header row: which sheet column holds which of [`COLUMNS`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    /// Each known column found, with its 0-based position in the sheet.
    pub found: Vec<(usize, &'static Column)>,
    /// How many cells the header row has.
    pub width: usize,
}

impl Header {
    /// Where the column with this header is, if the sheet has it.
    pub fn position(&self, header: &str) -> Option<usize> {
        self.found
            .iter()
            .find(|(_, c)| c.header == header)
            .map(|(n, _)| *n)
    }
}

/// One row, ready to be written as a session file.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// The file name, without `.toml`.
    pub slug: String,
    /// The row it came from.
    pub row: usize,
    /// The session file's content.
    pub table: TomlTable,
    /// The columns whose cells have problems (their values are left out, or stand in, so
    /// that the model can still check the rest of the row in the same run).
    pub faults: Vec<usize>,
}

/// Reads the header row and every row after it. Returns the header, every row (a row with
/// problems has its faulty columns listed, and stands-in times on `fallback_day` when its own
/// cannot be read) and every problem found.
pub fn read_rows(
    table: &Table,
    fallback_day: Option<Date>,
) -> (Header, Vec<Planned>, Vec<Located>) {
    let mut problems = Vec::new();
    let Some((first, rest)) = table.rows.split_first() else {
        problems.push(Located {
            row: 1,
            column: 0,
            diagnostic: table
                .at(
                    1,
                    0,
                    Code::SheetColumn,
                    "this sheet is empty: it has no header row",
                )
                .hint("start from `hubsite import sessions --template sessions.xlsx`"),
        });
        return (Header::default(), Vec::new(), problems);
    };
    let header = read_header(table, first, &mut problems);
    let mut planned: Vec<Planned> = Vec::new();
    for row in rest {
        let mut found = Vec::new();
        let mut session = read_row(table, &header, row, &mut found);
        if !found.is_empty() {
            session.faults = found.iter().map(|p| p.column).collect();
            stand_in_times(&mut session, &header, fallback_day);
        }
        planned.push(session);
        problems.extend(found);
    }
    clashes(table, &header, &planned, &mut problems);
    (header, planned, problems)
}

fn read_header(table: &Table, row: &Row, problems: &mut Vec<Located>) -> Header {
    let mut header = Header {
        found: Vec::new(),
        width: row.cells.len(),
    };
    let mut at = |column: usize, message: String, hint: String| {
        problems.push(Located {
            row: row.number,
            column,
            diagnostic: table
                .at(row.number, column, Code::SheetColumn, message)
                .hint(hint),
        });
    };
    let known: Vec<&str> = COLUMNS.iter().map(|c| c.header).collect();
    for (n, cell) in row.cells.iter().enumerate() {
        let text = match cell {
            Cell::Empty => continue,
            Cell::Text(text) => text.clone(),
            _ => String::new(),
        };
        match by_header(&text) {
            Some(column) if header.position(column.header).is_some() => at(
                n,
                format!("the column `{}` is here twice", column.header),
                "keep one of them, so that no value is lost unnoticed".into(),
            ),
            Some(column) => header.found.push((n, column)),
            None => {
                let wanted = normalise_header(&text);
                let near = known
                    .iter()
                    .min_by_key(|k| strsim::levenshtein(k, &wanted))
                    .filter(|k| strsim::levenshtein(k, &wanted) <= 3);
                let hint = match near {
                    Some(near) => format!(
                        "did you mean `{near}`? The columns are: {}",
                        known.join(", ")
                    ),
                    None => format!(
                        "the columns are: {} (delete a column hubsite does not read)",
                        known.join(", ")
                    ),
                };
                at(n, format!("hubsite has no column `{}`", text.trim()), hint)
            }
        }
    }
    for column in COLUMNS.iter().filter(|c| c.required) {
        if header.position(column.header).is_none() {
            at(
                header.width,
                format!("this sheet has no `{}` column", column.header),
                format!(
                    "add a column headed `{}` (every session needs one)",
                    column.header
                ),
            );
        }
    }
    header
}

/// A row whose day or times cannot be read gets stand-ins (an hour at noon on the week's first
/// day) so that the model can check its other cells; its date, start and end count as faulty.
fn stand_in_times(session: &mut Planned, header: &Header, fallback_day: Option<Date>) {
    if let Some(Value::Datetime(start)) = session.table.get("start") {
        if !session.table.contains_key("end") && !session.table.contains_key("duration") {
            let mut end = *start;
            if let Some(time) = end.time.as_mut() {
                time.hour = (time.hour + 1).min(23);
            }
            session.table.insert("end".into(), Value::Datetime(end));
        }
        return;
    }
    let Some(day) = fallback_day else {
        return;
    };
    let start = day.to_datetime(Time::constant(12, 0, 0, 0));
    let end = day.to_datetime(Time::constant(13, 0, 0, 0));
    session
        .table
        .insert("start".into(), Value::Datetime(toml_datetime(start)));
    session.table.remove("duration");
    session
        .table
        .insert("end".into(), Value::Datetime(toml_datetime(end)));
    for column in ["date", "start", "end", "duration"] {
        session.faults.extend(header.position(column));
    }
}

fn read_row(table: &Table, header: &Header, row: &Row, problems: &mut Vec<Located>) -> Planned {
    let mut reader = RowReader {
        table,
        header,
        row,
        problems,
    };
    for (n, cell) in row.cells.iter().enumerate().skip(header.width) {
        if !cell.is_blank() {
            reader.problem(
                n,
                Code::SheetColumn,
                "a value in a column with no header".into(),
                Some("give the column a header hubsite knows, or clear the cell".into()),
            );
            break;
        }
    }
    let mut session = TomlTable::new();
    let mut slug = None;
    for &(n, column) in &header.found {
        let cell = row.cells.get(n).unwrap_or(&Cell::Empty);
        if let Cell::Error(error) = cell {
            reader.problem(
                n,
                Code::BadValue,
                format!("the formula in this cell failed ({error})"),
                Some("correct the formula, or type the value".into()),
            );
            continue;
        }
        if cell.is_blank() {
            if column.required {
                reader.problem(
                    n,
                    Code::MissingField,
                    format!("this session has no {}", column.header),
                    Some(column.help.into()),
                );
            }
            continue;
        }
        match column.kind {
            Kind::Slug => slug = read_slug(&mut reader, n, cell),
            Kind::Date | Kind::Time | Kind::EndTime => {}
            _ => {
                if let Some(value) = read_value(&mut reader, n, column, cell) {
                    put(&mut session, column.place, value);
                }
            }
        }
    }
    read_times(&mut reader, &mut session);
    let title = session
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let slug = slug.or_else(|| {
        let made = Slug::from_text(title).map(|s| s.to_string());
        if made.is_none() && !title.is_empty() {
            let n = reader.header.position("title").unwrap_or(0);
            reader.problem(
                n,
                Code::BadName,
                "no file name can be made from this title".into(),
                Some("give the session a slug (lower-case letters, digits and hyphens)".into()),
            );
        }
        made
    });
    Planned {
        slug: slug.unwrap_or_else(|| format!("row-{}", row.number)),
        row: row.number,
        table: session,
        faults: Vec::new(),
    }
}

fn read_slug(reader: &mut RowReader<'_>, n: usize, cell: &Cell) -> Option<String> {
    let text = text_of(cell);
    match Slug::parse(text.trim()) {
        Ok(slug) if slug.as_str() != "week" => Some(slug.to_string()),
        Ok(_) => {
            reader.problem(
                n,
                Code::BadName,
                "`week` is the week's own file name".into(),
                Some("choose another slug".into()),
            );
            None
        }
        Err(message) => {
            let hint = Slug::from_text(&text).map(|s| format!("write `{s}`"));
            reader.problem(n, Code::BadName, message.to_string(), hint);
            None
        }
    }
}

/// `date`, `start` and `end` (or `duration`) into `start` and `end` date-times.
fn read_times(reader: &mut RowReader<'_>, session: &mut TomlTable) {
    let date = match reader.cell("date") {
        Some((n, cell)) if !cell.is_blank() => match cell_date(cell) {
            Ok(date) => Some(date),
            Err(e) => {
                reader.unclear(n, e);
                None
            }
        },
        _ => None,
    };
    let start = match reader.cell("start") {
        Some((n, cell)) if !cell.is_blank() => match cell_time(cell) {
            Ok((Some(day), _)) if date.is_some_and(|d| d != day) => {
                reader.problem(
                    n,
                    Code::BadDate,
                    format!(
                        "this cell says {day}, but the date column says {}",
                        date.unwrap_or(day)
                    ),
                    Some("give the time alone here, and the day in the date column".into()),
                );
                None
            }
            Ok((_, time)) => date.map(|d| d.to_datetime(time)),
            Err(e) => {
                reader.unclear(n, e);
                None
            }
        },
        _ => None,
    };
    let Some(start) = start else {
        return;
    };
    session.insert("start".into(), Value::Datetime(toml_datetime(start)));
    if let Some((n, cell)) = reader.cell("end").filter(|(_, c)| !c.is_blank()) {
        match cell_time(cell) {
            Ok((Some(day), time)) => {
                let end = day.to_datetime(time);
                session.insert("end".into(), Value::Datetime(toml_datetime(end)));
            }
            Ok((None, time)) => {
                let end = next_after(start, time);
                let hours = end.duration_since(start).as_hours();
                if end.date() != start.date() && hours >= 12 {
                    reader.problem(
                        n,
                        Code::WrongOrder,
                        format!("this session would end at {} the next day, {hours} hours after it starts", time.strftime("%H:%M")),
                        Some(format!("check am and pm; if it does run past midnight, write the end's date too: {} {}", end.date().strftime("%d/%m/%Y"), time.strftime("%H:%M"))),
                    );
                    return;
                }
                session.insert("end".into(), Value::Datetime(toml_datetime(end)));
            }
            Err(e) => reader.unclear(n, e),
        }
    } else if !session.contains_key("duration") {
        let n = reader
            .header
            .position("end")
            .or(reader.header.position("start"))
            .unwrap_or(0);
        reader.problem(
            n,
            Code::SessionEnd,
            "this session has no end and no duration".into(),
            Some("give the time it ends (end) or how long it lasts (duration, 1h30m)".into()),
        );
    }
}

/// A time on the start's day, or the next day when it is earlier than the start (a session
/// past midnight).
fn next_after(start: DateTime, time: Time) -> DateTime {
    let same_day = start.date().to_datetime(time);
    if time < start.time() {
        start
            .date()
            .tomorrow()
            .map_or(same_day, |d: Date| d.to_datetime(time))
    } else {
        same_day
    }
}

/// A local date-time as TOML writes it.
pub fn toml_datetime(when: DateTime) -> Datetime {
    Datetime {
        date: Some(toml::value::Date {
            year: when.year() as u16,
            month: when.month() as u8,
            day: when.day() as u8,
        }),
        time: Some(toml::value::Time {
            hour: when.hour() as u8,
            minute: when.minute() as u8,
            second: Some(when.second() as u8),
            nanosecond: None,
        }),
        offset: None,
    }
}

fn put(session: &mut TomlTable, place: Place, value: Value) {
    match place {
        Place::Top(key) => {
            session.insert(key.into(), value);
        }
        Place::In(table, key) => {
            if let Value::Table(inner) = session
                .entry(table)
                .or_insert_with(|| Value::Table(TomlTable::new()))
            {
                inner.insert(key.into(), value);
            }
        }
        Place::FileName => {}
    }
}

/// Two rows that would write the same file are an error at both.
fn clashes(table: &Table, header: &Header, planned: &[Planned], problems: &mut Vec<Located>) {
    let column = header
        .position("slug")
        .or(header.position("title"))
        .unwrap_or(0);
    for (n, session) in planned.iter().enumerate() {
        if let Some(other) = planned[..n].iter().find(|p| p.slug == session.slug) {
            for row in [other.row, session.row] {
                problems.push(Located {
                    row,
                    column,
                    diagnostic: table
                        .at(
                            row,
                            column,
                            Code::AddressClash,
                            format!(
                                "rows {} and {} would both be the session `{}`",
                                other.row, session.row, session.slug
                            ),
                        )
                        .hint("give one of them another slug (or title)"),
                });
            }
        }
    }
}
