//! The one place that runs the stages in order: load, model, render, outputs, write.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::check;
use crate::diag::Diagnostics;
use crate::error::Error;
use crate::load::{KnownPages, LoadOptions, load_site_knowing};
use crate::model::Site;
use crate::model::{ModelOptions, build_site};
use crate::output::origins::CleanPages;
use crate::output::search::kept::KeptIndex;
use crate::output::{Output, SearchIndex, build_outputs, model_files_keeping};
use crate::render::cache::RenderCache;
use crate::render::{Templates, render_site};
use crate::write::write_output;

/// What a build needs to know beyond the site folder.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Command-line changes to the configuration.
    pub load: LoadOptions,
    /// Include drafts.
    pub drafts: bool,
    /// The moment the site describes.
    pub now: Timestamp,
}

/// The stages, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading files.
    Load,
    /// Checking and linking content.
    Model,
    /// Rendering this many pages.
    Render(usize),
    /// Writing this many files.
    Write(usize),
}

/// A built site, in memory.
#[derive(Debug)]
pub struct Built {
    /// Every file.
    pub output: Output,
    /// Where it would be written.
    pub output_dir: PathBuf,
    /// What the model found worth a word that does not stop the build.
    pub warnings: Diagnostics,
}

/// What a finished build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// HTML pages written.
    pub pages: usize,
    /// Files written in all.
    pub files: usize,
    /// Where.
    pub output_dir: PathBuf,
    /// How long it took.
    pub elapsed: Duration,
    /// What the model found worth a word that does not stop the build.
    pub warnings: Diagnostics,
}

/// Builds the site in memory: every stage but write, the verdict included.
pub fn build(options: &BuildOptions, progress: &dyn Fn(Stage)) -> Result<Built, Error> {
    let parts = build_parts(options, None, progress, None)?;
    Ok(Built {
        output: parts.output,
        output_dir: parts.output_dir,
        warnings: parts.warnings,
    })
}

/// What `hubsite check` found when the site has no problem: pages checked, and warnings.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// HTML pages checked.
    pub pages: usize,
    /// Things to look at that do not stop a build.
    pub warnings: Diagnostics,
}

/// `hubsite check`: [`build`] without writing. It runs exactly the checks a build runs, so the
/// two always agree.
pub fn check_site_with_warnings(options: &BuildOptions) -> Result<CheckReport, Error> {
    let built = build(options, &|_: Stage| {})?;
    Ok(CheckReport {
        pages: built.output.page_count,
        warnings: built.warnings,
    })
}

/// What `hubsite serve` keeps between rebuilds so that they skip work done before (see
/// [`build_parts`]): pages rendered from the same template set and view, page bodies'
/// Markdown, and pages the origin check found clean.
#[derive(Debug, Default)]
pub struct Memos {
    /// Rendered pages.
    pub render: Arc<RenderCache>,
    /// Pages the origin check found clean.
    pub clean_pages: CleanPages,
}

/// A build in memory with what made it: the model (which holds the sources), the parsed
/// templates and, when asked for, the search index. `serve` keeps them to apply an edit to a
/// page's text without building again.
#[derive(Debug)]
pub struct Parts {
    /// The model.
    pub site: Site,
    /// The templates, with the render cache when the build had one.
    pub templates: Templates,
    /// Every file.
    pub output: Output,
    /// The search index, if kept.
    pub search: Option<KeptIndex>,
    /// The model's warnings.
    pub warnings: Diagnostics,
    /// Where the output would be written.
    pub output_dir: PathBuf,
}

/// What a `serve` rebuild carries over from the last good build.
#[derive(Debug, Default)]
pub struct Carried {
    /// Pages to take instead of reading their files again.
    pub pages: KnownPages,
    /// The search index to update rather than make anew.
    pub search: Option<KeptIndex>,
}

/// Every stage but write, keeping the model and the templates, and, for `serve` (when given
/// what it carried over), the search index.
pub fn build_parts(
    options: &BuildOptions,
    memos: Option<&Memos>,
    progress: &dyn Fn(Stage),
    carried: Option<Carried>,
) -> Result<Parts, Error> {
    progress(Stage::Load);
    let (known, search) = match carried {
        Some(carried) => (
            carried.pages,
            SearchIndex::Keep(carried.search.map(Box::new)),
        ),
        None => (KnownPages::default(), SearchIndex::Drop),
    };
    let sources = load_site_knowing(&options.root, &options.load, known)?;
    progress(Stage::Model);
    let templates = Templates::parse(&sources.templates)
        .map_err(Error::Content)
        .map(|t| t.with_urls(&sources.config.urls))
        .map(|t| match memos {
            Some(memos) => t.with_cache(Arc::clone(&memos.render)),
            None => t,
        });
    let sources = Arc::new(sources);
    let site = build_site(
        Arc::clone(&sources),
        &ModelOptions {
            drafts: options.drafts,
            now: options.now,
        },
    );
    let (templates, (site, warnings)) = both(templates, site)?;
    progress(Stage::Render(site.pages.len()));
    let (output, search) =
        render_and_output_keeping(&site, &templates, memos.map(|m| &m.clean_pages), search)?;
    let verdict = check::verify(&site, &output, options.now);
    verdict.problems.into_result(()).map_err(Error::Content)?;
    let mut warnings = warnings;
    warnings.extend(verdict.warnings);
    let warnings = warnings.sorted();
    let output_dir = sources.config.output_path(&options.root);
    Ok(Parts {
        site,
        templates,
        output,
        search,
        warnings,
        output_dir,
    })
}

/// Stages 3 and 4: the files made from the model alone (search index, calendars, feeds,
/// exports and the booklets' PDFs, whose sizes the pages show), then the pages; then every
/// output is gathered and checked. Each runs across cores; they run one after the other, so
/// that the search index's working memory is freed before the pages fill it (side by side,
/// peak memory at 10,000 pages was a fifth higher, for no measurable gain in time).
pub fn render_and_output(
    site: &Site,
    templates: &Templates,
    clean: Option<&CleanPages>,
) -> Result<Output, Error> {
    render_and_output_keeping(site, templates, clean, SearchIndex::Drop).map(|(output, _)| output)
}

/// [`render_and_output`], also giving back the search index if asked to keep it.
fn render_and_output_keeping(
    site: &Site,
    templates: &Templates,
    clean: Option<&CleanPages>,
    search: SearchIndex,
) -> Result<(Output, Option<KeptIndex>), Error> {
    let mut model_files = model_files_keeping(site, search);
    let rendered = render_site(site, templates, &model_files.downloads);
    let search = model_files.search.take();
    Ok((build_outputs(site, rendered?, model_files, clean)?, search))
}

/// Builds the site and writes it, replacing the output folder only if everything succeeded.
pub fn build_and_write(
    options: &BuildOptions,
    progress: &dyn Fn(Stage),
) -> Result<BuildReport, Error> {
    let started = Instant::now();
    let built = build(options, progress)?;
    progress(Stage::Write(built.output.files.len()));
    write_output(&built.output, &built.output_dir, &options.root)?;
    Ok(BuildReport {
        pages: built.output.page_count,
        files: built.output.files.len(),
        output_dir: built.output_dir,
        elapsed: started.elapsed(),
        warnings: built.warnings,
    })
}

/// Both values, or the problems of both together so that one run reports everything.
fn both<A, B>(a: Result<A, Error>, b: Result<B, Error>) -> Result<(A, B), Error> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Err(Error::Content(mut first)), Err(Error::Content(second))) => {
            first.extend(second);
            Err(Error::Content(first.sorted()))
        }
        (Err(error), _) | (_, Err(error)) => Err(error),
    }
}

/// The site folder as given, or the current folder.
pub fn site_root(root: Option<&Path>) -> PathBuf {
    root.map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}
