//! Sessions from organisers' spreadsheets (issue 21, items 1 and 2): the example's 2027 week
//! kept as a spreadsheet imports as its TOML files; export then import gives back the same
//! files; dates and times as people type them; every problem at its cell, nothing written.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use hubsite::Error;
use hubsite::import::{
    ExportOptions, SessionsOptions, SessionsReport, export_sessions, import_sessions,
    write_template,
};

fn import(root: &Path, file: &Path, week: &str, force: bool) -> Result<SessionsReport, Error> {
    import_sessions(&SessionsOptions {
        root: root.to_path_buf(),
        file: file.to_path_buf(),
        week: week.into(),
        force,
    })
}

fn export(root: &Path, week: &str, file: &Path) {
    export_sessions(&ExportOptions {
        root: root.to_path_buf(),
        week: week.into(),
        file: file.to_path_buf(),
    })
    .expect("export runs");
}

/// Each session file of a week folder, parsed (comments and key order do not count), without
/// the translations a spreadsheet does not carry (the example's Welsh).
fn week_tables(root: &Path, week: &str) -> Vec<(String, toml::Table)> {
    read_tree(&root.join("sessions").join(week))
        .into_iter()
        .filter(|(path, _)| path.ends_with(".toml") && path != "week.toml")
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            let mut table = text.parse::<toml::Table>().unwrap();
            without_translations(&mut table);
            (path, table)
        })
        .collect()
}

/// The example site with its sessions (the `directory` fixture with the repository's content).
fn example_with_sessions() -> tempfile::TempDir {
    let site = example_site();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let _ = fs::remove_dir_all(site.path().join("sessions"));
    copy_tree(&repo.join("sessions"), &site.path().join("sessions"));
    site
}

#[test]
fn the_example_2027_spreadsheet_imports_as_the_2027_week() {
    let site = example_with_sessions();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let before = week_tables(repo, "2027");
    let sheet = repo.join("sheets/2027.xlsx");
    // The week's files were written by hand: the import leaves them alone unless forced.
    let report = import(site.path(), &sheet, "2027", false).expect("imports");
    assert_eq!(report.skipped.len(), before.len(), "{report:?}");
    let report = import(site.path(), &sheet, "2027", true).expect("imports");
    assert_eq!(report.updated.len(), before.len(), "{report:?}");
    assert!(
        report.created.is_empty() && report.kept.is_empty(),
        "{report:?}"
    );
    assert_eq!(week_tables(site.path(), "2027"), before);
    build(site.path()).expect("the imported week builds");
    // Again: nothing changes.
    let report = import(site.path(), &sheet, "2027", false).expect("imports");
    assert_eq!(report.unchanged.len(), before.len(), "{report:?}");
}

#[test]
fn exporting_then_importing_gives_back_the_same_files() {
    for (site, week) in [
        (scratch_copy("council"), "spring-2027"),
        (scratch_copy("council"), "autumn-2027"),
        (example_with_sessions(), "2027"),
        (example_with_sessions(), "2024"),
    ] {
        let before = week_tables(site.path(), week);
        let descriptions: Vec<_> = read_tree(&site.path().join("sessions").join(week))
            .into_iter()
            .filter(|(p, _)| p.ends_with(".md"))
            .collect();
        for name in ["week.xlsx", "week.csv"] {
            let sheet = site.path().join(name);
            export(site.path(), week, &sheet);
            let report = import(site.path(), &sheet, week, true).expect("imports");
            assert!(report.kept.is_empty(), "{week} {name}: {report:?}");
            assert_eq!(week_tables(site.path(), week), before, "{week} {name}");
        }
        let after: Vec<_> = read_tree(&site.path().join("sessions").join(week))
            .into_iter()
            .filter(|(p, _)| p.ends_with(".md"))
            .collect();
        assert_eq!(
            after, descriptions,
            "descriptions beside stay where they are"
        );
        build(site.path()).expect("the imported week builds");
    }
}

#[test]
fn a_csv_typed_by_hand_in_windows_1252_imports_and_builds() {
    let site = scratch_copy("council");
    let sheet = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sheets/typed-windows-1252.csv");
    let report = import(site.path(), &sheet, "spring-2027", false).expect("imports");
    assert_eq!(
        report.created,
        [
            "sessions/spring-2027/sians-story-cafe.toml",
            "sessions/spring-2027/evening-call.toml"
        ]
    );
    assert!(report.notes[0].contains("Windows-1252"), "{report:?}");
    let cafe = fs::read_to_string(
        site.path()
            .join("sessions/spring-2027/sians-story-cafe.toml"),
    )
    .unwrap();
    for line in [
        "title = \"Siân's story café\"",
        "summary = \"Tea, cake (£1) and a talk about family stories.\"",
        "start = 2027-03-25T10:00:00",
        "end = 2027-03-25T11:30:00",
        "audience = [\"parents\", \"community\"]",
        "[[hosts]]\nname = \"Siân Evans\"\nrole = \"Family worker\"\norganisation = \"Northmoor Borough Council\"",
    ] {
        assert!(cafe.contains(line), "{line}\n{cafe}");
    }
    let call =
        fs::read_to_string(site.path().join("sessions/spring-2027/evening-call.toml")).unwrap();
    assert!(
        call.contains("start = 2027-03-30T19:00:00\nend = 2027-03-30T20:30:00"),
        "{call}"
    );
    build(site.path()).expect("the imported sessions build");
}

#[test]
fn every_problem_of_a_sheet_is_reported_at_its_cell_and_nothing_is_written() {
    let site = scratch_copy("council");
    let before = read_tree(site.path());
    let sheet = Path::new("tests/sheets/faults.csv");
    let error = import(site.path(), sheet, "spring-2027", false).unwrap_err();
    assert_eq!(read_tree(site.path()), before, "nothing written");
    insta::assert_snapshot!(error.to_string());
}

/// A workbook as organisers make them: a notes sheet first, a date merged over a day's rows, a
/// formula, blank rows, and a date typed into a cell formatted as a number.
#[test]
fn a_workbook_with_merged_cells_formulas_and_a_second_sheet_is_read_as_it_shows() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let site = scratch_copy("council");
    let path = site.path().join("programme.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Read me")
        .unwrap()
        .write_string(0, 0, "Notes for the comms team")
        .unwrap();
    let sheet = book.add_worksheet().set_name("Sessions").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (n, header) in [
        "Title",
        "Date",
        "Start",
        "End",
        "Format",
        "Places left",
        "Booking email",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, n as u16, *header).unwrap();
    }
    let day = ExcelDateTime::from_ymd(2027, 3, 23).unwrap();
    sheet.merge_range(1, 1, 3, 1, "", &date).unwrap();
    sheet.write_datetime_with_format(1, 1, &day, &date).unwrap();
    for (row, title, start, end) in [
        (1, "Tuesday stories", "10am", "11am"),
        (3, "Tuesday songs", "2pm", "3pm"),
    ] {
        sheet.write_string(row, 0, title).unwrap();
        sheet.write_string(row, 2, start).unwrap();
        sheet.write_string(row, 3, end).unwrap();
        sheet.write_string(row, 4, "online").unwrap();
        sheet.write_string(row, 6, "stories@example.org").unwrap();
        sheet
            .write_formula(row, 5, Formula::new("=10-4").set_result("6"))
            .unwrap();
    }
    book.save(&path).unwrap();
    let report = import(site.path(), &path, "spring-2027", false).expect("imports");
    assert_eq!(report.created.len(), 2, "{report:?}");
    let songs =
        fs::read_to_string(site.path().join("sessions/spring-2027/tuesday-songs.toml")).unwrap();
    assert!(songs.contains("start = 2027-03-23T14:00:00"), "{songs}");
    assert!(songs.contains("places_left = 6"), "{songs}");

    // A date typed where the cell shows a number is an error at its cell.
    workbook_with_a_number_for_a_date(&path, "Sessions");
    let error = import(site.path(), &path, "spring-2027", false)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with(&format!(
            "{}:Sessions!B2: `46469` is a number, not a date [E1003]",
            path.display()
        )),
        "{error}"
    );
}

#[test]
fn ten_thousand_rows_and_a_row_of_500_columns_give_located_errors_and_no_panic() {
    let site = scratch_copy("council");
    let mut text = String::from("title,date,start,end,format,booking_email\n");
    for n in 0..10_000 {
        text.push_str(&format!(
            "Session {n},24/03/2027,10:00,11:00,online,book@example.org\n"
        ));
    }
    text.push_str("Wide,24/03/2027,10:00,11:00,online,book@example.org");
    text.push_str(&",x".repeat(494));
    text.push('\n');
    let path = site.path().join("big.csv");
    fs::write(&path, text).unwrap();
    let before = read_tree(site.path().join("sessions").as_path());
    let error = import(site.path(), &path, "spring-2027", false)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with(&format!(
            "{}:10002:7: a value in a column with no header [E1002]",
            path.display()
        )),
        "{error}"
    );
    assert!(error.contains("1 problem found"), "{error}");
    assert_eq!(read_tree(site.path().join("sessions").as_path()), before);
}

#[test]
fn a_file_edited_after_import_is_kept_unless_forced() {
    let site = scratch_copy("council");
    // The week's own session files (others add to the council site, so they are counted).
    let hand_written = fs::read_dir(site.path().join("sessions/spring-2027"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.path().extension().is_some_and(|x| x == "toml") && e.file_name() != "week.toml"
        })
        .count();
    let sheet = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sheets/typed-windows-1252.csv");
    import(site.path(), &sheet, "spring-2027", false).expect("imports");
    let file = site.path().join("sessions/spring-2027/evening-call.toml");
    let edited = fs::read_to_string(&file)
        .unwrap()
        .replace("after bedtime", "at 8pm");
    fs::write(&file, &edited).unwrap();
    let report = import(site.path(), &sheet, "spring-2027", false).expect("imports");
    assert_eq!(report.skipped.len(), 1, "{report:?}");
    assert_eq!(fs::read_to_string(&file).unwrap(), edited);
    let report = import(site.path(), &sheet, "spring-2027", true).expect("imports");
    assert_eq!(report.updated, ["sessions/spring-2027/evening-call.toml"]);
    assert_eq!(
        report.kept.len(),
        hand_written,
        "the hand-written sessions stay: {report:?}"
    );
}

#[test]
fn the_template_has_every_column_an_example_row_and_a_sheet_explaining_them() {
    use calamine::Reader;
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("template.xlsx");
    write_template(&xlsx).unwrap();
    let mut book = calamine::open_workbook_auto(&xlsx).unwrap();
    assert_eq!(book.sheet_names(), ["Sessions", "Columns"]);
    let help = book.worksheet_range("Columns").unwrap();
    assert_eq!(help.get_value((0, 2)).unwrap().to_string(), "what it holds");
    assert!(
        help.rows()
            .any(|r| r[0] == "format" && r[2].to_string().contains("online, in-person or hybrid"))
    );
    let csv = dir.path().join("template.csv");
    write_template(&csv).unwrap();
    // Its example row imports into a week of its dates.
    let site = example_with_sessions();
    for template in [&xlsx, &csv] {
        let report = import(site.path(), template, "2027", true).expect("the example row imports");
        assert_eq!(
            report.updated.len() + report.unchanged.len(),
            1,
            "{report:?}"
        );
    }
}

#[test]
fn the_import_cli_fails_with_located_errors_and_writes_nothing() {
    let site = scratch_copy("council");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args([
            "import",
            "sessions",
            "tests/sheets/faults.csv",
            "--week",
            "spring-2027",
        ])
        .arg("--root")
        .arg(site.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("tests/sheets/faults.csv:2:3: "), "{stderr}");
    assert!(
        stderr.ends_with("error: nothing was imported (every row must be right first)\n"),
        "{stderr}"
    );
}

/// An OpenDocument spreadsheet (LibreOffice's own format), with date and time cells.
#[test]
fn an_ods_spreadsheet_with_date_and_time_cells_imports() {
    use std::io::Write;
    let cell = |value: &str| {
        format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{value}</text:p></table:table-cell>"
        )
    };
    let header: String = ["title", "date", "start", "end", "format", "booking_email"]
        .iter()
        .map(|h| cell(h))
        .collect();
    let row = format!(
        "{}<table:table-cell office:value-type=\"date\" office:date-value=\"2027-03-24\"><text:p>24/03/27</text:p></table:table-cell>\
         <table:table-cell office:value-type=\"time\" office:time-value=\"PT10H00M00S\"><text:p>10:00</text:p></table:table-cell>\
         <table:table-cell office:value-type=\"time\" office:time-value=\"PT11H30M00S\"><text:p>11:30</text:p></table:table-cell>{}{}",
        cell("Toddler songs"),
        cell("online"),
        cell("songs@example.org")
    );
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sessions"><table:table-row>{header}</table:table-row><table:table-row>{row}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let site = scratch_copy("council");
    let path = site.path().join("programme.ods");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
    )
    .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
    let report = import(site.path(), &path, "spring-2027", false).expect("imports");
    assert_eq!(report.created, ["sessions/spring-2027/toddler-songs.toml"]);
    let text =
        fs::read_to_string(site.path().join("sessions/spring-2027/toddler-songs.toml")).unwrap();
    assert!(
        text.contains("start = 2027-03-24T10:00:00\nend = 2027-03-24T11:30:00"),
        "{text}"
    );
}
