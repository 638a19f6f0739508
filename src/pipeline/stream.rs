//! `hubsite build` in bounded memory: each page and each file made from the model is written
//! to the staging folder as soon as it is made, and only what the later stages need of it
//! stays in memory.
//!
//! The design, stage by stage:
//!
//! - **Load, model**: as before, except that each page keeps only what comes before its
//!   Markdown body, from the moment it is read (`load::Bodies::OnDisk`): the search index and
//!   render read the body again from its file. The staging folder ([`Staging`], the write stage's) is
//!   opened once the first language's model and templates are good, so that a site with
//!   problems in its content reports them before any question about its output folder.
//! - **Files made from the model** (search index, booklet and directory PDFs, calendars, feeds,
//!   the directory's export) are handed to the same [`PageWriter`] (output's [`FileHook`]) as
//!   each is made, the search index's file by file as it is laid out, and written under the
//!   language's folder; the output lists each as [`Contents::Written`] (its size). A file a
//!   language's merge leaves out is removed by [`Staging::finish`], as a page would be.
//! - **Render** hands every finished page to a [`PageWriter`] (render's [`PageHook`]), across
//!   threads. The writer checks what the output stage would have checked of the page alone
//!   (what it loads from other origins, with the same located messages), notes its
//!   root-relative links by number in one [`HrefTable`], points it at the fingerprinted style
//!   sheets and scripts as `host_ready` would, and writes it into the staging folder under
//!   its path (under the language's folder on a site in several languages). The page's HTML is
//!   then dropped: the rendered page holds a [`WrittenPage`] (its size and link numbers).
//! - **Outputs** gather the rest (sitemap, robots.txt, static files, 404) in memory as before,
//!   and list each written page and file as [`Contents::Written`], so the clash and link
//!   checks see every path.
//! - **The verdict** reads a written page's links from its numbers instead of its text.
//! - **Write**: `host_ready` adds the fingerprinted copies and headers files, and
//!   [`Staging::finish`] writes every file not written yet, removes what the new output no
//!   longer has and swaps the staging folder in.
//!
//! On any problem or error the [`Staging`] is dropped unfinished: the output folder was never
//! touched, and the staging folder stays as the previous output (removed only after a failure
//! to write into it). An output folder that cannot be swapped (a mount point) is not streamed
//! into: its pages stay in memory and `write_output` updates it in place, as before. Output is byte for byte what a build in
//! memory writes (`tests/determinism.rs`, `tests/bounded_memory.rs`). `serve` and `hubsite
//! check` keep every page in memory as before ([`super::Sink::Memory`]).
//!
//! [`Contents::Written`]: crate::output::Contents::Written

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use crate::diag::Diagnostics;
use crate::error::Error;
use crate::load::Sources;
use crate::output::host::Fingerprints;
use crate::output::links::site_paths_in_html;
use crate::output::origins::page_origins;
use crate::output::{Contents, FileHook, asset_files};
use crate::render::{PageHook, PageHtml, RenderedPage};
use crate::site_url::language_output_prefix;
use crate::write::{RealDisk, Staging, stages_beside};
use crate::written::{HrefTable, WrittenPage};

/// What a streaming build shares between its languages.
#[derive(Debug)]
pub(super) struct Stream {
    /// The site folder, which the output folder may not contain.
    root: PathBuf,
    /// The staging folder, once opened.
    staging: Option<Staging<'static>>,
    /// The fingerprinted names pages load, once the staging folder is opened.
    fingerprints: Fingerprints,
    /// Every page's links, by number.
    table: Arc<HrefTable>,
    /// Problems found in pages as they were written.
    problems: Mutex<Diagnostics>,
    /// The first error writing a page.
    error: Mutex<Option<Error>>,
}

impl Stream {
    /// A stream for the site at `root`, writing nothing until [`Stream::open`].
    pub(super) fn new(root: PathBuf) -> Stream {
        Stream {
            root,
            staging: None,
            fingerprints: Fingerprints::default(),
            table: Arc::default(),
            problems: Mutex::default(),
            error: Mutex::default(),
        }
    }

    /// Opens the staging folder for the site whose (default language's) sources are
    /// `sources`, unless open already, or unless the output folder cannot be swapped for it
    /// (a mount point: the pages then stay in memory and are written in place).
    pub(super) fn open(&mut self, sources: &Sources) -> Result<(), Error> {
        if self.staging.is_some() {
            return Ok(());
        }
        let output_dir = sources.config.output_path(&self.root);
        if !stages_beside(&output_dir)? {
            // A mount point is updated in place, from the output in memory (`write_output`).
            return Ok(());
        }
        let disk: &'static RealDisk = &RealDisk;
        self.staging = Some(Staging::open(&output_dir, &self.root, disk)?);
        // The names `host_ready` gives the published style sheets and scripts.
        let assets: BTreeMap<String, Contents> = asset_files(sources)
            .into_iter()
            .map(|(path, contents, _)| (path, contents))
            .collect();
        self.fingerprints =
            Fingerprints::new(&sources.asset_hashes, &sources.config.urls, |path| {
                assets.get(path)
            });
        Ok(())
    }

    /// The hook that writes the pages of one language, whose `sources` are given: `tag` is
    /// its language on a site in several, `None` for the default one.
    pub(super) fn writer<'a>(
        &'a self,
        sources: &'a Sources,
        tag: Option<&str>,
    ) -> Option<PageWriter<'a>> {
        Some(PageWriter {
            stream: self,
            staging: self.staging.as_ref()?,
            sources,
            folder: tag.map(language_output_prefix),
        })
    }

    /// The problems found in pages as they were written, and the first error writing one.
    pub(super) fn take_findings(&self) -> Result<Diagnostics, Error> {
        let error = self
            .error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let problems =
            std::mem::take(&mut *self.problems.lock().unwrap_or_else(PoisonError::into_inner));
        match error {
            Some(error) if problems.is_empty() => Err(error),
            _ => Ok(problems),
        }
    }

    /// The staging folder, to finish the build with.
    pub(super) fn into_staging(self) -> Option<Staging<'static>> {
        self.staging
    }
}

/// Render's [`PageHook`] for one language of a streaming build (see the module's comment).
pub(super) struct PageWriter<'a> {
    stream: &'a Stream,
    staging: &'a Staging<'static>,
    sources: &'a Sources,
    /// `cy/` for a language other than the default.
    folder: Option<String>,
}

impl PageHook for PageWriter<'_> {
    fn finished(&self, page: &mut RenderedPage) {
        let PageHtml::Text(html) = &page.html else {
            return;
        };
        let found = page_origins(self.sources, page, html);
        if !found.is_empty() {
            let mut problems = self
                .stream
                .problems
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            found.into_iter().for_each(|d| problems.push(d));
        }
        let hrefs = self.stream.table.numbers(site_paths_in_html(html));
        let path = page.url.output_file();
        // As `host_ready` does to every HTML file it is given.
        let rewritten = match path.ends_with(".html") {
            true => self.stream.fingerprints.rewrite(html.as_bytes()),
            false => None,
        };
        let bytes = rewritten.as_deref().unwrap_or(html.as_bytes());
        page.html = PageHtml::Written(self.put(&path, bytes, hrefs));
    }
}

impl FileHook for PageWriter<'_> {
    fn made(&self, path: &str, bytes: Vec<u8>) -> Contents {
        // Not HTML (feeds, calendars, search index, PDFs, exports): no links for the verdict,
        // nothing for `host_ready` to rewrite.
        Contents::Written(self.put(path, &bytes, Box::default()))
    }
}

impl PageWriter<'_> {
    /// Writes `bytes` at `path` (under the language's folder) into the staging folder, unless
    /// a write failed already, and notes the first error; gives what stays in memory.
    fn put(&self, path: &str, bytes: &[u8], hrefs: Box<[u32]>) -> WrittenPage {
        let path = match &self.folder {
            Some(folder) => format!("{folder}{path}"),
            None => path.to_owned(),
        };
        let failed = self
            .stream
            .error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some();
        // After one failed write the build has failed: the rest are not written.
        if !failed && let Err(error) = self.staging.put(&path, bytes) {
            let mut first = self
                .stream
                .error
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            first.get_or_insert(error);
        }
        WrittenPage {
            len: bytes.len(),
            hrefs,
            table: Arc::clone(&self.stream.table),
        }
    }
}
