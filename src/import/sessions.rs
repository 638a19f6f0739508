//! `hubsite import sessions FILE --week SLUG`: one session per row of a spreadsheet into
//! `sessions/<week>/<slug>.toml`. The rows are read ([`super::rows`]), written as session
//! files ([`super::session_toml`]) and checked by the normal pipeline (load's parser and the
//! model, with the new files in place of the old), each problem reported at its cell. All or
//! nothing: if any row has a problem, every problem is reported and no file is written.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile};
use crate::error::Error;
use crate::import::oruk::Skipped;
use crate::import::rows::{Header, Located, Planned, clean_text, read_rows};
use crate::import::session_toml::{Written, write_session};
use crate::import::sheet::{Table, read_table};
use crate::import::stamp::{is_untouched, with_stamp};
use crate::load::sessions::{WeekSource, parse_weeks};
use crate::load::{LoadOptions, Sources, load_site};
use crate::model::{ModelOptions, build_site};

/// The first line of every session file the import writes.
pub const HEADER: &str = "# Imported from a spreadsheet by `hubsite import sessions`.";

/// What to import, and where.
#[derive(Debug, Clone)]
pub struct SessionsOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The spreadsheet.
    pub file: PathBuf,
    /// The week's folder name under `sessions/`.
    pub week: String,
    /// Replace files even when they were edited by hand.
    pub force: bool,
}

/// What an import of sessions did, file by file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SessionsReport {
    /// New files.
    pub created: Vec<String>,
    /// Files replaced with the spreadsheet's rows.
    pub updated: Vec<String>,
    /// Files that already held exactly the row.
    pub unchanged: Vec<String>,
    /// Rows not written, and why (files edited by hand, left alone without --force).
    pub skipped: Vec<Skipped>,
    /// Session files of the week that no row names: left as they are.
    pub kept: Vec<String>,
    /// How the file was read, and warnings about rows.
    pub notes: Vec<String>,
}

/// Imports every row of the spreadsheet into the week's folder.
pub fn import_sessions(options: &SessionsOptions) -> Result<SessionsReport, Error> {
    let bytes = fs::read(&options.file).map_err(|e| Error::io("cannot read", &options.file, e))?;
    let table = read_table(&options.file, bytes).map_err(|d| Error::Content(d.into()))?;
    let sources = load_site(&options.root, &LoadOptions::default())?;
    let week = find_week(&sources, &options.week)?;
    let first_day = week
        .raw
        .start_date
        .get_ref()
        .date
        .and_then(|d| jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok());
    let (header, planned, mut problems) = read_rows(&table, first_day);
    let planned = descriptions_beside(&table, &header, week, planned, &mut problems);
    let written: Vec<(Planned, Written)> = planned
        .into_iter()
        .map(|p| {
            let written = write_session(&p.table);
            (p, written)
        })
        .collect();
    let existing: Vec<String> = week.sessions.iter().map(|s| s.name.clone()).collect();
    let (found, warnings) = model_problems(sources, &options.week, &table, &header, &written)?;
    problems.extend(found);
    if !problems.is_empty() {
        problems.sort_by_key(|p| (p.row, p.column));
        problems.dedup();
        return Err(Error::Content(Diagnostics(
            problems.into_iter().map(|p| p.diagnostic).collect(),
        )));
    }
    let mut report = SessionsReport {
        notes: table
            .notes
            .iter()
            .map(|n| format!("{}: {n}", options.file.display()))
            .chain(warnings)
            .collect(),
        ..SessionsReport::default()
    };
    let folder = Path::new("sessions").join(&options.week);
    for (planned, written) in &written {
        let shown = format!("sessions/{}/{}.toml", options.week, planned.slug);
        let text = with_stamp(HEADER, "hubsite import sessions", &written.text);
        let path = options
            .root
            .join(&folder)
            .join(format!("{}.toml", planned.slug));
        match fs::read_to_string(&path) {
            Ok(old) if old == text => report.unchanged.push(shown),
            Ok(old) if !options.force && !is_untouched(HEADER, &old) => {
                report.skipped.push(Skipped {
                    name: format!("row {}", planned.row),
                    reason: format!("{shown} was edited by hand (or not written by an import): use --force to replace it"),
                })
            }
            Ok(_) => {
                write_file(&path, &text)?;
                report.updated.push(shown);
            }
            Err(_) => {
                write_file(&path, &text)?;
                report.created.push(shown);
            }
        }
    }
    report.kept = existing
        .into_iter()
        .filter(|name| written.iter().all(|(p, _)| &p.slug != name))
        .map(|name| format!("sessions/{}/{name}.toml", options.week))
        .collect();
    Ok(report)
}

/// The week the rows go into; it must exist (its time zone and dates check the rows).
pub fn find_week<'a>(sources: &'a Sources, name: &str) -> Result<&'a WeekSource, Error> {
    sources.weeks.iter().find(|w| w.name == name).ok_or_else(|| {
        let weeks: Vec<&str> = sources.weeks.iter().map(|w| w.name.as_str()).collect();
        let hint = if weeks.is_empty() {
            "create the week first: sessions/<week>/week.toml with its name, start_date and end_date".to_owned()
        } else {
            format!("the site's weeks are: {}; or create sessions/{name}/week.toml first", weeks.join(", "))
        };
        Error::Content(
            Diagnostic::file(
                format!("sessions/{name}/week.toml"),
                format!("the site has no week `{name}`"),
            )
            .code(Code::FileInWrongPlace)
            .hint(hint)
            .into(),
        )
    })
}

/// A session whose description is kept in `<slug>.md` beside its file keeps it there: a row
/// with that same description writes none into the file, and a row with another one is a
/// problem (it would be a description given twice).
fn descriptions_beside(
    table: &Table,
    header: &Header,
    week: &WeekSource,
    planned: Vec<Planned>,
    problems: &mut Vec<Located>,
) -> Vec<Planned> {
    let mut kept = Vec::new();
    for mut session in planned {
        let beside = week
            .sessions
            .iter()
            .find(|s| s.name == session.slug)
            .and_then(|s| s.description_file.as_ref());
        let (Some(file), Some(description)) = (beside, session.table.get("description")) else {
            kept.push(session);
            continue;
        };
        if description.as_str().map(clean_text) == Some(clean_text(&file.text)) {
            session.table.remove("description");
            kept.push(session);
            continue;
        }
        let column = header.position("description").unwrap_or(0);
        problems.push(Located {
            row: session.row,
            column,
            diagnostic: table
                .at(session.row, column, Code::DescriptionTwice, format!("this session's description is kept in {}, which says something else", file.path.display()))
                .hint(format!("change the description in {} (or delete that file to keep it in the spreadsheet), then import again", file.path.display())),
        });
    }
    kept
}

/// The problems (and warnings, as notes) the normal pipeline finds in the written files, at
/// their rows' cells: the site is loaded with the new files in place of the week's old ones
/// and modelled.
fn model_problems(
    mut sources: Sources,
    week: &str,
    table: &Table,
    header: &Header,
    written: &[(Planned, Written)],
) -> Result<(Vec<Located>, Vec<String>), Error> {
    let Some(index) = sources.weeks.iter().position(|w| w.name == week) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let old = sources.weeks.remove(index);
    let mut ours = BTreeMap::new();
    let mut files = vec![old.file];
    for session in old.sessions {
        if written.iter().all(|(p, _)| p.slug != session.name) {
            files.push(session.file);
        }
        files.extend(session.description_file);
    }
    for (n, (planned, text)) in written.iter().enumerate() {
        let mut path = PathBuf::from(format!("sessions/{week}/{}.toml", planned.slug));
        if ours.contains_key(&path) {
            // A clash of rows, reported at both: the later row is checked under another name.
            path = PathBuf::from(format!(
                "sessions/{week}/{}-row-{}.toml",
                planned.slug, planned.row
            ));
        }
        let file = SourceFile::new(&path, text.text.clone().into_bytes())
            .map_err(|d| Error::Content(d.into()))?;
        ours.insert(path, n);
        files.push(file);
    }
    let mut parsed = Diagnostics::default();
    let weeks = parse_weeks(files, &mut parsed);
    sources.weeks.splice(index..index, weeks);
    sources.problems.extend(parsed);
    let options = ModelOptions {
        drafts: false,
        now: jiff::Timestamp::UNIX_EPOCH,
    };
    let (found, warnings) = match build_site(&sources, &options) {
        Ok((_, warnings)) => (Vec::new(), warnings.0),
        Err(Error::Content(problems)) => (problems.0, Vec::new()),
        Err(other) => return Err(other),
    };
    let at_cell = |d: Diagnostic| -> Option<Located> {
        let (planned, text) = &written[*ours.get(&d.path)?];
        let column = d
            .position
            .and_then(|(line, _)| text.column_of_line(line))
            .map(|c| match d.code {
                Some(Code::OutsideWeek) => "date",
                _ => c.header,
            })
            .and_then(|h| header.position(h))
            .or(header.position("title"))
            .unwrap_or(0);
        if planned.faults.contains(&column) {
            return None;
        }
        let mut diagnostic = table.at(
            planned.row,
            column,
            d.code.unwrap_or(Code::Internal),
            d.message,
        );
        diagnostic.hint = d.hint;
        Some(Located {
            row: planned.row,
            column,
            diagnostic,
        })
    };
    let problems = found.into_iter().filter_map(at_cell).collect();
    let warnings = warnings
        .into_iter()
        .filter_map(at_cell)
        .map(|w| format!("warning: {}", w.diagnostic))
        .collect();
    Ok((problems, warnings))
}

fn write_file(path: &Path, text: &str) -> Result<(), Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io("cannot create", dir, e))?;
    let temporary = path.with_extension("toml.hubsite-tmp");
    fs::write(&temporary, text).map_err(|e| Error::io("cannot write", &temporary, e))?;
    fs::rename(&temporary, path).map_err(|e| Error::io("cannot replace", path, e))
}
