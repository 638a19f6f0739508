//! `hubsite export sessions --week SLUG FILE` and `hubsite import sessions --template FILE`:
//! a week's sessions out as a spreadsheet of the shape the import reads (XLSX with date and
//! time cells, or CSV in UTF-8 with a byte-order mark so that Excel shows every script), and
//! the empty template with one example row. Each exported row is read back by the import's
//! own reader before anything is written: a session whose row would not give back the same
//! file is an error, so the round trip never loses anything unnoticed.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::civil::{Date, DateTime, Time};
use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use toml::Value;
use toml::value::Table as TomlTable;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::error::Error;
use crate::import::columns::{COLUMNS, Column, Kind, Place};
use crate::import::rows::{clean_text, read_rows};
use crate::import::sessions::find_week;
use crate::import::sheet::{Cell, FileKind, Row, Table, When};
use crate::load::sessions::SessionSource;
use crate::load::{LoadOptions, load_site};

/// What to export, and where.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The week's folder name.
    pub week: String,
    /// The spreadsheet to write (.xlsx or .csv).
    pub file: PathBuf,
}

/// What an export did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ExportReport {
    /// Sessions written, one a row.
    pub sessions: usize,
    /// What the spreadsheet does not carry (comments and translations in the files).
    pub notes: Vec<String>,
}

/// One cell to write, typed so that a workbook gets real date and time cells.
#[derive(Debug, Clone, PartialEq)]
enum Out {
    Empty,
    Text(String),
    Number(i64),
    Date(Date),
    Time(Time),
    DateTime(DateTime),
}

/// Writes a week's sessions to a spreadsheet, in order of their start.
pub fn export_sessions(options: &ExportOptions) -> Result<ExportReport, Error> {
    let kind = output_kind(&options.file)?;
    let sources = load_site(&options.root, &LoadOptions::default())?;
    let week = find_week(&sources, &options.week)?;
    let mut sessions: Vec<&SessionSource> = week.sessions.iter().collect();
    sessions.sort_by_key(|s| (s.raw.start.get_ref().to_string(), s.name.clone()));
    let mut rows = Vec::new();
    let mut problems = Diagnostics::default();
    let mut report = ExportReport::default();
    for session in sessions {
        match session_row(session, kind) {
            Ok(row) => rows.push(row),
            Err(problem) => problems.push(problem),
        }
        if session
            .file
            .text
            .lines()
            .any(|l| l.trim_start().starts_with('#'))
        {
            report.notes.push(format!(
                "{}: its comments are not in the spreadsheet",
                session.file.path.display()
            ));
        }
        if has_translations(session) {
            report.notes.push(format!(
                "{}: its translations are not in the spreadsheet: keep this file, or add them again after an import replaces it",
                session.file.path.display()
            ));
        }
    }
    problems.into_result(()).map_err(Error::Content)?;
    report.sessions = rows.len();
    let bytes = match kind {
        FileKind::Csv => csv_bytes(&rows),
        FileKind::Workbook => xlsx_bytes(&rows, false),
    }
    .map_err(|m| internal(&options.file, m))?;
    write_bytes(&options.file, &bytes)?;
    Ok(report)
}

/// The session without its translations, its hosts' and its materials': a spreadsheet has no
/// cell for them (the export says so, see [`has_translations`]).
fn without_translations(table: &mut TomlTable) {
    table.remove("translations");
    for list in ["hosts", "follow_on"] {
        if let Some(Value::Array(items)) = table.get_mut(list) {
            for item in items.iter_mut().filter_map(Value::as_table_mut) {
                item.remove("translations");
            }
        }
    }
}

/// Whether a session, one of its hosts or one of its materials has `[translations.<tag>]`.
fn has_translations(session: &SessionSource) -> bool {
    let raw = &session.raw;
    !raw.translations.is_empty()
        || raw.hosts.iter().any(|h| !h.translations.is_empty())
        || raw.follow_on.iter().any(|m| !m.translations.is_empty())
}

/// Writes the template: the header row and one example row, and for XLSX a second sheet that
/// explains each column.
pub fn write_template(file: &Path) -> Result<(), Error> {
    let row: Vec<Out> = COLUMNS
        .iter()
        .map(|c| match c.example {
            "" => Out::Empty,
            text => Out::Text(text.to_owned()),
        })
        .collect();
    let bytes = match output_kind(file)? {
        FileKind::Csv => csv_bytes(&[row]),
        FileKind::Workbook => xlsx_bytes(&[row], true),
    }
    .map_err(|m| internal(file, m))?;
    write_bytes(file, &bytes)
}

fn output_kind(file: &Path) -> Result<FileKind, Error> {
    let extension = file.extension().map(|e| e.to_string_lossy().to_lowercase());
    match extension.as_deref() {
        Some("xlsx") => Ok(FileKind::Workbook),
        Some("csv") => Ok(FileKind::Csv),
        _ => Err(Error::Content(
            Diagnostic::file(
                file,
                "hubsite writes sessions spreadsheets as .xlsx or .csv",
            )
            .code(Code::SheetUnreadable)
            .hint("name the file sessions.xlsx (Excel, LibreOffice, Google Sheets) or sessions.csv")
            .into(),
        )),
    }
}

fn internal(file: &Path, message: String) -> Error {
    Error::Content(
        Diagnostic::file(
            file,
            format!("the spreadsheet could not be made: {message}"),
        )
        .code(Code::Internal)
        .into(),
    )
}

/// A session file as a row, checked by reading it back as the import would.
fn session_row(session: &SessionSource, kind: FileKind) -> Result<Vec<Out>, Diagnostic> {
    let cannot = |key: &str| {
        Diagnostic::file(
            &session.file.path,
            format!("`{key}` cannot be carried by a spreadsheet cell as it is written"),
        )
        .code(Code::SheetValue)
        .hint("a host, a material or a list entry cannot hold `|`, `;` or a line break (commas neither, in audience and topics): split it or reword it")
    };
    let mut table: TomlTable = session.file.text.parse().map_err(|_| cannot("the file"))?;
    without_translations(&mut table);
    if let Some(md) = &session.description_file {
        table.insert("description".into(), Value::String(clean_text(&md.text)));
    }
    let start = local(table.get("start")).ok_or_else(|| cannot("start"))?;
    let row: Vec<Out> = COLUMNS
        .iter()
        .map(|column| out_cell(column, &table, &session.name, start))
        .collect::<Result<_, String>>()
        .map_err(|key| cannot(&key))?;
    let back = read_back(&row, kind);
    let (_, planned, problems) = read_rows(&back, None);
    match (planned.first(), problems.first()) {
        (Some(p), None) if p.slug == session.name && p.table == table => Ok(row),
        (Some(p), None) => {
            let key = table
                .iter()
                .find(|(k, v)| p.table.get(*k) != Some(*v))
                .map(|(k, _)| k.clone())
                .or_else(|| p.table.keys().find(|k| !table.contains_key(*k)).cloned())
                .unwrap_or_else(|| "slug".into());
            Err(cannot(&key))
        }
        (_, Some(problem)) => Err(Diagnostic::file(
            &session.file.path,
            format!("its row would not import: {}", problem.diagnostic.message),
        )
        .code(Code::SheetValue)),
        (None, None) => Err(cannot("the file")),
    }
}

/// A TOML local date-time as jiff's.
fn local(value: Option<&Value>) -> Option<DateTime> {
    let Value::Datetime(when) = value? else {
        return None;
    };
    let (date, time) = (when.date?, when.time?);
    if when.offset.is_some() {
        return None;
    }
    DateTime::new(
        date.year as i16,
        date.month as i8,
        date.day as i8,
        time.hour as i8,
        time.minute as i8,
        time.second.unwrap_or(0) as i8,
        0,
    )
    .ok()
}

fn value_at(table: &TomlTable, place: Place) -> Option<&Value> {
    match place {
        Place::Top(key) => table.get(key),
        Place::In(inner, key) => table.get(inner)?.as_table()?.get(key),
        Place::FileName => None,
    }
}

/// A column's cell for a session; `Err(key)` when its value does not fit a cell.
fn out_cell(
    column: &Column,
    table: &TomlTable,
    name: &str,
    start: DateTime,
) -> Result<Out, String> {
    let key = || column.header.to_owned();
    let value = value_at(table, column.place);
    Ok(match (column.kind, value) {
        (Kind::Slug, _) => Out::Text(name.to_owned()),
        (Kind::Date, _) => Out::Date(start.date()),
        (Kind::Time, _) => Out::Time(start.time()),
        (_, None) => Out::Empty,
        (Kind::EndTime, value) => {
            let end = local(value).ok_or_else(key)?;
            let next_day = start.date().tomorrow().ok() == Some(end.date());
            if (end.date() == start.date() && end.time() >= start.time())
                || (next_day && end.time() < start.time())
            {
                Out::Time(end.time())
            } else {
                Out::DateTime(end)
            }
        }
        (Kind::DateTime, value) => Out::DateTime(local(value).ok_or_else(key)?),
        (Kind::Number, Some(Value::Integer(n))) => Out::Number(*n),
        (Kind::YesNo, Some(Value::Boolean(b))) => Out::Text(if *b { "yes" } else { "no" }.into()),
        (Kind::Text, Some(Value::String(text))) => Out::Text(text.clone()),
        (Kind::List | Kind::SlugList, Some(Value::Array(items))) => {
            let separator = if column.kind == Kind::SlugList {
                ", "
            } else {
                "; "
            };
            let texts: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
            Out::Text(texts.ok_or_else(key)?.join(separator))
        }
        (Kind::Hosts, Some(Value::Array(items))) => {
            Out::Text(entries(items, &["name", "role", "organisation"]).ok_or_else(key)?)
        }
        (Kind::FollowOn, Some(Value::Array(items))) => Out::Text(
            entries(
                items,
                &["title", "url", "kind", "source", "duration", "description"],
            )
            .ok_or_else(key)?,
        ),
        (Kind::Extra, Some(Value::Table(extra))) => {
            Out::Text(toml::to_string(extra).map_err(|_| key())?)
        }
        _ => return Err(key()),
    })
}

/// Tables as lines of `a | b | c`, empty parts at the end left out.
fn entries(items: &[Value], keys: &[&str]) -> Option<String> {
    let lines: Option<Vec<String>> = items
        .iter()
        .map(|item| {
            let table = item.as_table()?;
            let mut parts: Vec<&str> = keys
                .iter()
                .map(|k| table.get(*k).and_then(Value::as_str).unwrap_or_default())
                .collect();
            while parts.last() == Some(&"") {
                parts.pop();
            }
            Some(parts.join(" | "))
        })
        .collect();
    Some(lines?.join("\n"))
}

/// The row as the import will read it: all text from CSV; typed cells from a workbook.
fn read_back(row: &[Out], kind: FileKind) -> Table {
    let header = Row {
        number: 1,
        cells: COLUMNS
            .iter()
            .map(|c| Cell::Text(c.header.to_owned()))
            .collect(),
    };
    let cells = row
        .iter()
        .map(|out| match (out, kind) {
            (Out::Empty, _) => Cell::Empty,
            (Out::Number(n), FileKind::Workbook) => Cell::Number(*n as f64),
            (Out::Date(d), FileKind::Workbook) => Cell::When(When {
                date: Some((d.year(), d.month(), d.day())),
                time: None,
            }),
            (Out::Time(t), FileKind::Workbook) => Cell::When(When {
                date: None,
                time: Some((t.hour(), t.minute(), t.second())),
            }),
            (Out::DateTime(w), FileKind::Workbook) => Cell::When(When {
                date: Some((w.year(), w.month(), w.day())),
                time: Some((w.hour(), w.minute(), w.second())),
            }),
            (out, _) => Cell::Text(text(out)),
        })
        .collect();
    Table {
        file: PathBuf::from("export"),
        sheet: None,
        rows: vec![header, Row { number: 2, cells }],
        notes: Vec::new(),
    }
}

/// A cell as CSV writes it.
fn text(out: &Out) -> String {
    let time = |t: &Time| match t.second() {
        0 => t.strftime("%H:%M").to_string(),
        _ => t.strftime("%H:%M:%S").to_string(),
    };
    match out {
        Out::Empty => String::new(),
        Out::Text(text) => text.clone(),
        Out::Number(n) => n.to_string(),
        Out::Date(d) => d.strftime("%d/%m/%Y").to_string(),
        Out::Time(t) => time(t),
        Out::DateTime(w) => format!("{} {}", w.date().strftime("%d/%m/%Y"), time(&w.time())),
    }
}

fn csv_bytes(rows: &[Vec<Out>]) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    let failed = |e: csv::Error| e.to_string();
    writer
        .write_record(COLUMNS.iter().map(|c| c.header))
        .map_err(failed)?;
    for row in rows {
        writer.write_record(row.iter().map(text)).map_err(failed)?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

fn xlsx_bytes(rows: &[Vec<Out>], with_help: bool) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    fill_sessions(sheet, rows).map_err(|e| e.to_string())?;
    if with_help {
        fill_help(book.add_worksheet()).map_err(|e| e.to_string())?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

fn fill_sessions(sheet: &mut Worksheet, rows: &[Vec<Out>]) -> Result<(), XlsxError> {
    sheet.set_name("Sessions")?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let time = Format::new().set_num_format("hh:mm");
    let date_time = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    for (n, column) in COLUMNS.iter().enumerate() {
        let n = n as u16;
        sheet.write_string_with_format(0, n, column.header, &bold)?;
        sheet.set_column_width(n, width(column))?;
        if let Some(values) = choices(column) {
            let rule = DataValidation::new()
                .allow_list_strings(values)?
                .ignore_blank(true);
            sheet.add_data_validation(1, n, 10_000, n, &rule)?;
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, out) in row.iter().enumerate() {
            let c = c as u16;
            match out {
                Out::Empty => {}
                Out::Text(text) => {
                    sheet.write_string_with_format(r, c, text, &wrap)?;
                }
                Out::Number(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                Out::Date(d) => {
                    let cell =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    sheet.write_datetime_with_format(r, c, &cell, &date)?;
                }
                Out::Time(t) => {
                    let cell = ExcelDateTime::from_hms(
                        t.hour() as u16,
                        t.minute() as u8,
                        t.second() as u8,
                    )?;
                    sheet.write_datetime_with_format(r, c, &cell, &time)?;
                }
                Out::DateTime(w) => {
                    let cell =
                        ExcelDateTime::from_ymd(w.year() as u16, w.month() as u8, w.day() as u8)?
                            .and_hms(w.hour() as u16, w.minute() as u8, w.second() as u8)?;
                    sheet.write_datetime_with_format(r, c, &cell, &date_time)?;
                }
            }
        }
    }
    Ok(())
}

/// The values a column takes, offered as a drop-down list.
fn choices(column: &Column) -> Option<&'static [&'static str]> {
    match (column.header, column.kind) {
        ("format", _) => Some(&["online", "in-person", "hybrid"]),
        ("status", _) => Some(&[
            "open",
            "waitlist",
            "full",
            "closed",
            "cancelled",
            "not-required",
        ]),
        (_, Kind::YesNo) => Some(&["yes", "no"]),
        _ => None,
    }
}

fn width(column: &Column) -> f64 {
    match column.kind {
        Kind::Date | Kind::Time | Kind::EndTime | Kind::YesNo | Kind::Number => 12.0,
        Kind::DateTime => 17.0,
        _ if column.header == "title" || column.header == "summary" => 40.0,
        _ if column.header == "description" || column.kind == Kind::Hosts => 50.0,
        _ => 22.0,
    }
}

fn fill_help(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_name("Columns")?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (n, title) in ["column", "needed", "what it holds", "example"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(0, n as u16, *title, &bold)?;
    }
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 10)?;
    sheet.set_column_width(2, 80)?;
    sheet.set_column_width(3, 40)?;
    for (n, column) in COLUMNS.iter().enumerate() {
        let r = n as u32 + 1;
        sheet.write_string(r, 0, column.header)?;
        sheet.write_string(r, 1, if column.required { "yes" } else { "" })?;
        sheet.write_string_with_format(r, 2, column.help, &wrap)?;
        sheet.write_string(r, 3, column.example)?;
    }
    let r = COLUMNS.len() as u32 + 2;
    sheet.write_string_with_format(r, 2, "One row per session on the Sessions sheet; blank rows are skipped. Import with: hubsite import sessions FILE.xlsx --week WEEK. Every problem is reported at its cell (Sessions!C7) and nothing is written until every row is right.", &wrap)?;
    Ok(())
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| Error::io("cannot create", dir, e))?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".hubsite-tmp");
    fs::write(&temporary, bytes).map_err(|e| Error::io("cannot write", &temporary, e))?;
    fs::rename(&temporary, path).map_err(|e| Error::io("cannot replace", path, e))
}
