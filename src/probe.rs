//! One file's bytes through the real load, model, render and output stages, in memory.
//!
//! Fuzz targets (`fuzz/`) and property tests use [`Probe`] to feed arbitrary bytes to hubsite
//! as if they were a page under `content/`, a session file under `sessions/` or a directory
//! service under `content/directory/`, without
//! touching the disk. Whatever the bytes, the answer is a built site or located problems:
//! never a panic.

use std::path::Path;

use jiff::Timestamp;

use crate::config::{Config, Overrides, parse_config};
use crate::diag::{Code, Diagnostics, SourceFile};
use crate::error::Error;
use crate::load::sessions::parse_weeks;
use crate::load::{Sources, page::parse_page, theme::load_theme};
use crate::model::i18n::Messages;
use crate::model::{ModelOptions, build_site};
use crate::output::SearchIndex;
use crate::pipeline::render_and_output;
use crate::render::Templates;

/// The fixed site around the file under test.
const CONFIG: &str = "title = \"Probe\"\nbase_url = \"https://hub.example.org\"\n";
const HOME: &str = "+++\ntitle = \"Home\"\n+++\nWelcome.\n";
// Its sessions can be booked by email, so a session file need not say how to book to build.
const WEEK: &str = "name = \"Probe week\"\nstart_date = 2024-03-25\nend_date = 2024-03-31\n\
                    [booking]\nemail = \"probe@example.org\"\n";

/// A tiny site, parsed once, into which one file's bytes are dropped.
pub struct Probe {
    config: Config,
    templates: Templates,
    template_sources: Vec<crate::load::Template>,
    messages: Vec<crate::load::MessageFile>,
    now: Timestamp,
}

impl std::fmt::Debug for Probe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Probe").finish_non_exhaustive()
    }
}

/// What a probe produced: the number of output files, or the problems found.
pub type ProbeResult = Result<usize, Error>;

impl Probe {
    /// Parses the fixed configuration and the built-in theme.
    pub fn new() -> Result<Probe, Error> {
        let file = SourceFile::new("hubsite.toml", CONFIG.as_bytes().to_vec())
            .map_err(|d| Error::Content(d.into()))?;
        let (config, problems) =
            parse_config(&file, &Overrides::default()).map_err(Error::Content)?;
        let config = problems.into_result(config).map_err(Error::Content)?;
        let mut problems = Diagnostics::default();
        let theme = load_theme(Path::new("/nonexistent-probe-site"), "hub", &mut problems);
        problems.into_result(()).map_err(Error::Content)?;
        let messages = Messages::parse(&theme.messages, std::slice::from_ref(&config.language))
            .messages
            .map_err(Error::Content)?;
        let templates = Templates::parse(&theme.templates)
            .map_err(Error::Content)?
            .with_messages(std::sync::Arc::new(messages));
        let now =
            Timestamp::from_second(1_710_000_000).map_err(|e| Error::Content(probe_problem(e)))?;
        Ok(Probe {
            config,
            templates,
            template_sources: theme.templates,
            messages: theme.messages,
            now,
        })
    }

    /// Builds a site whose `content/probe.md` holds `bytes`.
    pub fn page(&self, bytes: &[u8]) -> ProbeResult {
        let mut sources = self.sources();
        match SourceFile::new("content/probe.md", bytes.to_vec())
            .map_err(Diagnostics::from)
            .and_then(|f| parse_page(f, "probe.md".into()))
        {
            Ok(page) => sources.pages.push(std::sync::Arc::new(page)),
            Err(found) => sources.problems.extend(found),
        }
        self.build(sources)
    }

    /// Builds a site whose `sessions/probe/session.toml` holds `bytes`.
    pub fn session(&self, bytes: &[u8]) -> ProbeResult {
        let mut sources = self.sources();
        let mut files = Vec::new();
        match SourceFile::new("sessions/probe/session.toml", bytes.to_vec()) {
            Ok(file) => files.push(file),
            Err(problem) => sources.problems.push(problem),
        }
        if let Ok(week) = SourceFile::new("sessions/probe/week.toml", WEEK.as_bytes().to_vec()) {
            files.push(week);
        }
        sources.weeks = parse_weeks(files, &mut sources.problems);
        self.build(sources)
    }

    /// Builds a site whose `content/directory/probe.toml` (a directory service) holds `bytes`.
    pub fn service(&self, bytes: &[u8]) -> ProbeResult {
        let mut sources = self.sources();
        match SourceFile::new("content/directory/probe.toml", bytes.to_vec()) {
            Ok(file) => sources.data_files.push(file),
            Err(problem) => sources.problems.push(problem),
        }
        self.build(sources)
    }

    fn sources(&self) -> Sources {
        let mut problems = Diagnostics::default();
        let mut pages = Vec::new();
        match SourceFile::new("content/_index.md", HOME.as_bytes().to_vec())
            .map_err(Diagnostics::from)
            .and_then(|f| parse_page(f, "_index.md".into()))
        {
            Ok(home) => pages.push(std::sync::Arc::new(home)),
            Err(found) => problems.extend(found),
        }
        Sources {
            root: Path::new("/nonexistent-probe-site").to_path_buf(),
            config: std::sync::Arc::new(self.config.clone()),
            pages,
            translations: Vec::new(),
            untranslated: Vec::new(),
            languages: Default::default(),
            topics: Some(Vec::new()),
            topics_file: None,
            data_files: Vec::new(),
            weeks: Vec::new(),
            templates: self.template_sources.clone(),
            messages: self.messages.clone(),
            assets: Vec::new(),
            asset_hashes: Default::default(),
            stylesheets: Vec::new(),
            published_html: Vec::new(),
            scripts: Default::default(),
            problems,
        }
    }

    fn build(&self, sources: Sources) -> ProbeResult {
        let (site, _warnings) = build_site(
            &sources,
            &ModelOptions {
                drafts: true,
                now: self.now,
            },
        )?;
        Ok(render_and_output(
            &site,
            &sources,
            &self.templates,
            None,
            SearchIndex::Drop,
            None,
        )?
        .output
        .files
        .len())
    }
}

fn probe_problem(error: impl std::fmt::Display) -> Diagnostics {
    crate::diag::Diagnostic::file("probe", error.to_string())
        .code(Code::Internal)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_page_and_session_build() {
        let probe = Probe::new().unwrap();
        assert!(
            probe
                .page(b"+++\ntitle = \"A\"\n+++\nHello [home](_index.md).\n")
                .unwrap()
                > 0
        );
        let session =
            b"title = \"S\"\nstart = 2024-03-26T10:00:00\nduration = \"1h\"\nformat = \"online\"\n";
        assert!(probe.session(session).unwrap() > 0);
        let service = b"name = \"S\"\norganisation = \"O\"\nsummary = \"A <b>line</b>.\"\nlevel = \"universal\"\n\
                        categories = [\"helpline\"]\naccess = [\"self-referral\"]\nlast_reviewed = 2024-01-01\n\
                        [cost]\nfree = true\n[contact]\nphone = \"0800 123 456\"\n";
        assert!(
            probe.service(service).unwrap() > probe.session(session).unwrap(),
            "the directory's pages and exports"
        );
    }

    #[test]
    fn bad_bytes_are_located_problems() {
        let probe = Probe::new().unwrap();
        let error = probe
            .page(b"+++\ntitle = 3\n+++\n")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("content/probe.md:2:9:"), "{error}");
        let error = probe.session(b"\xff").unwrap_err().to_string();
        assert!(
            error.starts_with("sessions/probe/session.toml:1:1:"),
            "{error}"
        );
        let error = probe.service(b"name = 1\n").unwrap_err().to_string();
        assert!(
            error.starts_with("content/directory/probe.toml:1:8:"),
            "{error}"
        );
    }
}
