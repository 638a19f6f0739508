//! Reading a spreadsheet into rows of cells: CSV (UTF-8, with or without a byte-order mark, or
//! Windows-1252 as Excel saves it; comma, semicolon or tab separated) through `csv`, and XLSX,
//! XLS and ODS through `calamine`. Every cell keeps its place, so that a problem is reported
//! as `FILE:7:3` (CSV: line 7, third column) or `FILE:Sheet!C7` (a workbook).

use std::path::{Path, PathBuf};

use std::io::Cursor;

use calamine::{
    Data, OdsError, Reader, Sheets, XlsError, XlsbError, XlsxError, open_workbook_auto_from_rs,
    open_workbook_from_rs,
};

use crate::diag::{Code, Diagnostic};
use crate::import::columns::letters;

/// One cell's value, as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text (CSV cells are all text).
    Text(String),
    /// A number.
    Number(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// A date cell, a time cell, or both.
    When(When),
    /// A cell whose formula failed (`#REF!`).
    Error(String),
}

/// A date and time cell's parts; a cell formatted as a date alone has no time, and a time
/// alone has no date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// Year, month, day.
    pub date: Option<(i16, i8, i8)>,
    /// Hour, minute, second.
    pub time: Option<(i8, i8, i8)>,
}

impl Cell {
    /// True when the cell holds nothing but spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// One row that holds something.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its row number in the sheet, or the line a CSV record starts on (1-based).
    pub number: usize,
    /// Its cells, from the first column.
    pub cells: Vec<Cell>,
}

/// A sheet of rows, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file, as the user named it.
    pub file: PathBuf,
    /// The sheet's name, for a workbook; `None` for CSV.
    pub sheet: Option<String>,
    /// Rows that hold something, in order (blank rows are left out).
    pub rows: Vec<Row>,
    /// Something the user should know about how the file was read (its encoding).
    pub notes: Vec<String>,
}

impl Table {
    /// A problem at a cell: `FILE:Sheet!C7` for a workbook, `FILE:7:3` for CSV.
    pub fn at(
        &self,
        row: usize,
        column: usize,
        code: Code,
        message: impl Into<String>,
    ) -> Diagnostic {
        match &self.sheet {
            Some(sheet) => Diagnostic::file(&self.file, message)
                .in_cell(sheet, format!("{}{row}", letters(column)))
                .code(code),
            None => Diagnostic::at(&self.file, row, column + 1, message).code(code),
        }
    }
}

/// The kinds of file the import reads, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Comma-separated values (also `.tsv` and `.txt`, whatever the separator).
    Csv,
    /// Excel or OpenDocument workbooks.
    Workbook,
}

impl FileKind {
    /// The kind a file's extension names, if hubsite reads it.
    pub fn of(path: &Path) -> Option<FileKind> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        match extension.as_str() {
            "csv" | "tsv" | "txt" => Some(FileKind::Csv),
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some(FileKind::Workbook),
            _ => None,
        }
    }
}

/// Reads the sessions sheet of `bytes`, the file `file`: a workbook's sheet named
/// `Sessions` (any case), else its first sheet.
pub fn read_table(file: &Path, bytes: Vec<u8>) -> Result<Table, Diagnostic> {
    match FileKind::of(file) {
        Some(FileKind::Csv) => read_csv(file, &bytes),
        Some(FileKind::Workbook) => read_workbook(file, bytes),
        None => Err(Diagnostic::file(
            file,
            "hubsite reads sessions from .csv, .xlsx, .xls and .ods files",
        )
        .code(Code::SheetUnreadable)
        .hint("save the spreadsheet as .xlsx, .ods or .csv (UTF-8) and import that file")),
    }
}

/// The text of a CSV file: UTF-8 (a byte-order mark is dropped), UTF-16 with its mark, or
/// else Windows-1252, which Excel writes on Windows ('Save as CSV'). Returns a note when the
/// encoding was not UTF-8.
fn decode(bytes: &[u8]) -> (String, Option<String>) {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, _) = encoding.decode(bytes);
        let note = (encoding != encoding_rs::UTF_8).then(|| format!("read as {}", encoding.name()));
        return (text.into_owned(), note);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), None),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (
                text.into_owned(),
                Some("not UTF-8: read as Windows-1252, as Excel saves CSV on Windows".into()),
            )
        }
    }
}

/// The separator a CSV file uses: the one its first line has most of (comma when none).
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&s| (first.bytes().filter(|&b| b == s).count(), s == b','))
        .unwrap_or(b',')
}

fn read_csv(file: &Path, bytes: &[u8]) -> Result<Table, Diagnostic> {
    let (text, note) = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            Diagnostic::at(
                file,
                line.max(1),
                1,
                format!("this line cannot be read as CSV: {e}"),
            )
            .code(Code::SheetUnreadable)
            .hint("check the quotes on this line: a field that starts with \" must end with \"")
        })?;
        let number = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        let cells: Vec<Cell> = record
            .iter()
            .map(|field| match field.trim() {
                "" => Cell::Empty,
                _ => Cell::Text(field.to_owned()),
            })
            .collect();
        if cells.iter().any(|c| !c.is_blank()) {
            rows.push(Row { number, cells });
        }
    }
    Ok(Table {
        file: file.to_path_buf(),
        sheet: None,
        rows,
        notes: note.into_iter().collect(),
    })
}

fn read_workbook(file: &Path, bytes: Vec<u8>) -> Result<Table, Diagnostic> {
    let unreadable = |e: &dyn std::fmt::Display| {
        Diagnostic::file(
            file,
            format!("this file cannot be read as a spreadsheet: {e}"),
        )
        .code(Code::SheetUnreadable)
        .hint("open it in Excel or LibreOffice and save it again as .xlsx, or as .csv (UTF-8)")
    };
    let mut book = open_book(file, bytes).map_err(|e| unreadable(&e))?;
    let names = book.sheet_names();
    let Some(name) = names
        .iter()
        .find(|n| n.trim().eq_ignore_ascii_case("sessions"))
        .or(names.first())
        .cloned()
    else {
        return Err(unreadable(&"it has no sheets"));
    };
    let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
    let merged = merged_regions(&mut book, &name);
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut grid: Vec<Vec<Cell>> = range
        .rows()
        .map(|row| {
            let mut cells: Vec<Cell> = (0..left).map(|_| Cell::Empty).collect();
            cells.extend(row.iter().map(cell));
            cells
        })
        .collect();
    // A value merged over several rows (a date written once for a whole day) belongs to
    // each of them; a row that has nothing else is still blank.
    let blank: Vec<bool> = grid
        .iter()
        .map(|cells| cells.iter().all(Cell::is_blank))
        .collect();
    for region in merged {
        fill_merged(&mut grid, top, region);
    }
    let rows = grid
        .into_iter()
        .enumerate()
        .filter(|(n, _)| !blank[*n])
        .map(|(n, cells)| Row {
            number: top as usize + n + 1,
            cells,
        })
        .collect();
    Ok(Table {
        file: file.to_path_buf(),
        sheet: Some(name),
        rows,
        notes: Vec::new(),
    })
}

/// A workbook of the kind its extension names (so that a damaged file's error is that
/// format's), else of the kind its bytes look like.
fn open_book(file: &Path, bytes: Vec<u8>) -> Result<Sheets<Cursor<Vec<u8>>>, String> {
    let data = Cursor::new(bytes);
    let extension = file.extension().map(|e| e.to_string_lossy().to_lowercase());
    let text = |e: &dyn std::fmt::Display| e.to_string();
    match extension.as_deref() {
        Some("xlsx" | "xlsm") => open_workbook_from_rs(data)
            .map(Sheets::Xlsx)
            .map_err(|e: XlsxError| text(&e)),
        Some("xlsb") => open_workbook_from_rs(data)
            .map(Sheets::Xlsb)
            .map_err(|e: XlsbError| text(&e)),
        Some("xls") => open_workbook_from_rs(data)
            .map(Sheets::Xls)
            .map_err(|e: XlsError| text(&e)),
        Some("ods") => open_workbook_from_rs(data)
            .map(Sheets::Ods)
            .map_err(|e: OdsError| text(&e)),
        _ => open_workbook_auto_from_rs(data).map_err(|e| text(&e)),
    }
}

/// The merged regions of an XLSX sheet (other formats leave merged cells empty but the first).
fn merged_regions<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    name: &str,
) -> Vec<calamine::Dimensions> {
    match book {
        Sheets::Xlsx(xlsx) => match xlsx.load_merged_regions() {
            Ok(()) => xlsx
                .merged_regions()
                .iter()
                .filter(|(sheet, _, _)| sheet == name)
                .map(|(_, _, d)| *d)
                .collect(),
            Err(_) => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn fill_merged(grid: &mut [Vec<Cell>], top: u32, region: calamine::Dimensions) {
    let at = |row: u32| row.checked_sub(top).map(|r| r as usize);
    let (Some(first), Some(last)) = (at(region.start.0), at(region.end.0)) else {
        return;
    };
    let (left, right) = (region.start.1 as usize, region.end.1 as usize);
    let Some(value) = grid.get(first).and_then(|r| r.get(left)).cloned() else {
        return;
    };
    for row in grid.iter_mut().take(last + 1).skip(first) {
        for column in left..=right.min(row.len().saturating_sub(1)) {
            row[column] = value.clone();
        }
    }
}

/// A calamine cell as a [`Cell`].
fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) if text.trim().is_empty() => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        // OpenDocument's date and time cells: `2027-03-24`, `2027-03-24T10:00:00`, `PT10H00M00S`.
        Data::DateTimeIso(text) => iso_date_time(text).unwrap_or_else(|| Cell::Text(text.clone())),
        Data::DurationIso(text) => iso_time(text)
            .map(|time| {
                Cell::When(When {
                    date: None,
                    time: Some(time),
                })
            })
            .unwrap_or_else(|| Cell::Text(text.clone())),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Bool(*b),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::DateTime(when) => {
            let value = when.as_f64();
            let (y, mo, d, h, mi, s, milli) = when.to_ymd_hms_milli();
            // Round to the second: a time cell holds a fraction of a day.
            let (h, mi, s) = if milli >= 500 {
                let total = (h as u32 * 3600 + mi as u32 * 60 + s as u32 + 1) % 86_400;
                (
                    (total / 3600) as u8,
                    (total / 60 % 60) as u8,
                    (total % 60) as u8,
                )
            } else {
                (h, mi, s)
            };
            let date = (value >= 1.0).then_some((y as i16, mo as i8, d as i8));
            let time =
                (value.fract() != 0.0 || value < 1.0).then_some((h as i8, mi as i8, s as i8));
            Cell::When(When { date, time })
        }
    }
}

/// An OpenDocument date cell's value.
fn iso_date_time(text: &str) -> Option<Cell> {
    let (date, time) = match text.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let date: jiff::civil::Date = date.parse().ok()?;
    let time = match time {
        Some(time) => {
            let time: jiff::civil::Time = time.parse().ok()?;
            Some((time.hour(), time.minute(), time.second()))
        }
        None => None,
    };
    Some(Cell::When(When {
        date: Some((date.year(), date.month(), date.day())),
        time,
    }))
}

/// An OpenDocument time cell's value, `PT10H30M00S`.
fn iso_time(text: &str) -> Option<(i8, i8, i8)> {
    let rest = text.strip_prefix("PT")?;
    let (hours, rest) = rest.split_once('H')?;
    let (minutes, rest) = rest.split_once('M')?;
    let seconds = rest.strip_suffix('S').unwrap_or("0");
    let seconds: f64 = seconds.parse().ok()?;
    let (h, m): (i8, i8) = (hours.parse().ok()?, minutes.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m) && (0.0..60.0).contains(&seconds)).then_some((
        h,
        m,
        seconds.round().min(59.0) as i8,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_windows_1252_is_read_and_said() {
        let bytes = b"title,venue\nCaf\xe9 morning,Ty\xf4 Hall\n".to_vec();
        let table = read_table(Path::new("s.csv"), bytes).unwrap();
        assert_eq!(table.rows[1].cells[0], Cell::Text("Café morning".into()));
        assert!(table.notes[0].contains("Windows-1252"));
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_header() {
        let bytes = "\u{feff}title;date\nA;22/03/2027\n".as_bytes().to_vec();
        let table = read_table(Path::new("s.csv"), bytes).unwrap();
        assert_eq!(table.rows[0].cells[0], Cell::Text("title".into()));
        assert_eq!(table.rows[1].cells[1], Cell::Text("22/03/2027".into()));
        assert!(table.notes.is_empty());
    }

    #[test]
    fn blank_rows_are_left_out_and_rows_keep_their_lines() {
        let bytes = b"title\n\n,,\n\"two\nlines\"\nlast\n".to_vec();
        let table = read_table(Path::new("s.csv"), bytes).unwrap();
        let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 4, 6]);
    }

    #[test]
    fn places_read_as_spreadsheets_and_editors_name_them() {
        let csv = Table {
            file: "s.csv".into(),
            sheet: None,
            rows: vec![],
            notes: vec![],
        };
        assert!(
            csv.at(7, 2, Code::Internal, "m")
                .to_string()
                .starts_with("s.csv:7:3: m")
        );
        let book = Table {
            sheet: Some("Sessions".into()),
            file: "s.xlsx".into(),
            ..csv.clone()
        };
        assert!(
            book.at(7, 2, Code::Internal, "m")
                .to_string()
                .starts_with("s.xlsx:Sessions!C7: m")
        );
        let spaced = Table {
            sheet: Some("Week 1".into()),
            ..book
        };
        assert!(
            spaced
                .at(7, 2, Code::Internal, "m")
                .to_string()
                .starts_with("s.xlsx:'Week 1'!C7: m")
        );
    }

    #[test]
    fn opendocument_date_and_time_cells_are_read_as_such() {
        let when = |date, time| Cell::When(When { date, time });
        assert_eq!(
            cell(&Data::DateTimeIso("2027-03-24".into())),
            when(Some((2027, 3, 24)), None)
        );
        assert_eq!(
            cell(&Data::DateTimeIso("2027-03-24T10:30:00".into())),
            when(Some((2027, 3, 24)), Some((10, 30, 0)))
        );
        assert_eq!(
            cell(&Data::DurationIso("PT19H00M00S".into())),
            when(None, Some((19, 0, 0)))
        );
        assert_eq!(
            cell(&Data::DurationIso("P1D".into())),
            Cell::Text("P1D".into())
        );
    }

    #[test]
    fn a_file_of_another_kind_is_refused_with_a_hint() {
        let error = read_table(Path::new("s.pdf"), vec![]).unwrap_err();
        assert!(error.hint.unwrap().contains(".xlsx"));
        let error = read_table(Path::new("s.xlsx"), b"not a zip".to_vec()).unwrap_err();
        assert!(error.message.contains("cannot be read"), "{error}");
    }
}
