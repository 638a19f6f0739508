//! `hubsite import` and `hubsite export`: brings other systems' data into a site's content,
//! and a week's sessions out to a spreadsheet. The mappings are pure ([`oruk`], [`rows`],
//! [`session_toml`], [`when`]); this module and [`sessions`] and [`export`] are the commands'
//! edges, which read the input file and the site's existing files and write the new ones
//! (each through a temporary file and a rename, so that a file is never half-written).

pub mod columns;
pub mod export;
pub mod feed;
mod merge;
pub mod oruk;
mod oruk_fields;
pub mod rows;
pub mod rules;
pub mod session_toml;
pub mod sessions;
pub mod sheet;
mod stamp;
mod values;
pub mod when;

pub use export::{ExportOptions, ExportReport, export_sessions, write_template};
pub use sessions::{SessionsOptions, SessionsReport, import_sessions};

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::config::CONFIG_FILE;
use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile};
use crate::error::Error;
use crate::load::{LoadOptions, load_site};
use crate::model::Topics;
use crate::model::service::build_services;
use feed::{FeedError, FeedLimits};
use oruk::{Skipped, import_service, is_untouched_import, parse_services};
use rules::Rules;

/// What to import, and where.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The ORUK JSON file.
    pub file: PathBuf,
    /// Replace files even when they were edited by hand.
    pub force: bool,
}

/// What to import from a live Open Referral UK API, and where.
#[derive(Debug, Clone)]
pub struct FeedOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The API's address (or its `/services`).
    pub url: String,
    /// Replace files even when they were edited by hand.
    pub force: bool,
    /// Timeouts, size and page limits, and whether http is allowed.
    pub limits: FeedLimits,
}

/// What an import did, file by file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportReport {
    /// New files.
    pub created: Vec<String>,
    /// Files replaced with newer data.
    pub updated: Vec<String>,
    /// Files that already held exactly this data.
    pub unchanged: Vec<String>,
    /// Services not imported, and why (including files left alone because they were edited).
    pub skipped: Vec<Skipped>,
    /// Defaults filled in, per file.
    pub notes: Vec<String>,
}

/// Imports every service of an ORUK JSON document into `content/directory/`.
pub fn import_oruk(options: &ImportOptions) -> Result<ImportReport, Error> {
    // The file the organiser named first: a mistyped name is the likelier slip, and says so.
    let json = fs::read_to_string(&options.file)
        .map_err(|e| Error::io("cannot read", &options.file, e))?;
    let site = SiteData::read(&options.root)?;
    let services = parse_services(&json).map_err(|m| {
        Error::Content(
            Diagnostic::file(&options.file, m)
                .code(Code::Internal)
                .into(),
        )
    })?;
    write_services(&options.root, &site, &services, options.force)
}

/// Imports every service of a live ORUK API into `content/directory/`: every page is read
/// (and every service in full) before anything is written, so a feed that fails part way
/// changes nothing.
pub fn import_oruk_feed(options: &FeedOptions) -> Result<ImportReport, Error> {
    let site = SiteData::read(&options.root)?;
    let services = feed::fetch_services(&options.url, &options.limits).map_err(feed_error)?;
    let services = parse_services(&Value::Array(services).to_string()).map_err(|m| {
        feed_error(FeedError {
            url: options.url.clone(),
            message: m,
            hint: "",
        })
    })?;
    write_services(&options.root, &site, &services, options.force)
}

fn feed_error(error: FeedError) -> Error {
    let diagnostic = Diagnostic::file(&error.url, error.message).code(Code::FeedUnreadable);
    Error::Content(match error.hint {
        "" => diagnostic.into(),
        hint => diagnostic.hint(hint).into(),
    })
}

/// What an import needs from the site: its topics, and its rules for level and access.
struct SiteData {
    topics: Topics,
    rules: Rules,
}

impl SiteData {
    /// Reads the site; a faulty `[[import.oruk.rules]]` stops the import before any feed is read.
    fn read(root: &Path) -> Result<SiteData, Error> {
        let sources = load_site(root, &LoadOptions::default())?;
        let topics = Topics::build(
            sources.topics.as_deref(),
            sources.topics_file.as_ref(),
            &crate::model::translation::Languages::of(&sources.config),
            &mut Diagnostics::default(),
        );
        let settings = &sources.config.import.oruk;
        // Read again for the rules' places: the loaded configuration keeps spans, not text.
        let path = root.join(CONFIG_FILE);
        let bytes = fs::read(&path).map_err(|e| Error::io("cannot read", &path, e))?;
        let file = SourceFile::new(CONFIG_FILE, bytes).map_err(|d| Error::Content(d.into()))?;
        let rules = Rules::from_settings(settings, &file);
        Ok(SiteData {
            topics,
            rules: rules.map_err(Error::Content)?,
        })
    }
}

/// Writes each service as a directory file, by the rules of every import: never over a hand
/// edit unless forced, and then keeping what the feed does not carry.
fn write_services(
    root: &Path,
    site: &SiteData,
    services: &[Value],
    force: bool,
) -> Result<ImportReport, Error> {
    let topics = &site.topics;
    let slugs: Vec<String> = topics.list.iter().map(|t| t.slug.to_string()).collect();
    let dir = root.join("content/directory");
    let mut report = ImportReport::default();
    let mut seen: Vec<String> = Vec::new();
    for (n, service) in services.iter().enumerate() {
        let name = service["name"]
            .as_str()
            .map_or_else(|| format!("service {} in the file", n + 1), str::to_owned);
        let imported = match import_service(service, &slugs, &site.rules) {
            Ok(imported) => imported,
            Err(reason) => {
                report.skipped.push(Skipped { name, reason });
                continue;
            }
        };
        let shown = format!("content/directory/{}.toml", imported.id);
        if seen.contains(&imported.id) {
            report.skipped.push(Skipped {
                name,
                reason: format!("another service in this file is also {shown}"),
            });
            continue;
        }
        seen.push(imported.id.clone());
        let path = dir.join(format!("{}.toml", imported.id));
        let existing = fs::read_to_string(&path).ok();
        let edited = existing.as_deref().is_some_and(|e| !is_untouched_import(e));
        if edited && !force {
            report.skipped.push(Skipped {
                name,
                reason: format!("{shown} was edited by hand (or not written by an import): use --force to replace it, keeping what you added that the feed does not carry"),
            });
            continue;
        }
        let (text, kept) = match &existing {
            Some(existing) => merge_kept(&imported, existing, edited),
            None => (imported.text.clone(), Vec::new()),
        };
        if let Err(reason) = validate(&shown, &text, topics) {
            report.skipped.push(Skipped { name, reason });
            continue;
        }
        report
            .notes
            .extend(imported.notes.iter().map(|note| format!("{shown}: {note}")));
        if !kept.is_empty() {
            report.notes.push(format!(
                "{shown}: kept from your edits, as the feed does not carry them: {}; the rest is the feed's",
                kept.join(", ")
            ));
        }
        match existing {
            Some(existing) if existing == text => report.unchanged.push(shown),
            Some(_) => {
                write_file(&path, &text)?;
                report.updated.push(shown);
            }
            None => {
                write_file(&path, &text)?;
                report.created.push(shown);
            }
        }
    }
    Ok(report)
}

/// The imported file, with what an organiser added that the feed does not carry kept (named
/// in its header, under the import's own stamp).
fn merge_kept(imported: &oruk::Imported, existing: &str, edited: bool) -> (String, Vec<String>) {
    let (merged, kept) = merge::merge_kept(&imported.body, existing, edited);
    if kept.is_empty() {
        return (imported.text.clone(), kept);
    }
    let text =
        oruk::with_header(&merged).replacen('\n', &format!("\n{}\n", merge::kept_line(&kept)), 1);
    (text, kept)
}

/// The generated file must pass the same checks as a hand-written one.
fn validate(shown: &str, text: &str, topics: &Topics) -> Result<(), String> {
    let file = SourceFile::new(shown, text.as_bytes().to_vec()).map_err(|d| d.message)?;
    let mut problems = Diagnostics::default();
    // An imported file has no translations: the default language is all there is to check.
    let languages = crate::model::translation::Languages::default();
    build_services(
        std::slice::from_ref(&file),
        topics,
        &languages,
        &mut problems,
    );
    match problems.0.first() {
        None => Ok(()),
        Some(first) => Err(format!(
            "it does not pass hubsite's checks: {}",
            first.message
        )),
    }
}

fn write_file(path: &Path, text: &str) -> Result<(), Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io("cannot create", dir, e))?;
    let temporary = path.with_extension("toml.hubsite-tmp");
    fs::write(&temporary, text).map_err(|e| Error::io("cannot write", &temporary, e))?;
    fs::rename(&temporary, path).map_err(|e| Error::io("cannot replace", path, e))
}
