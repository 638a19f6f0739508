//! The one place that runs the stages in order: load, model, render, outputs, check, write.
//!
//! [`run`] is the only entry. `hubsite build` runs it into the output folder, `hubsite check`
//! in memory, and `serve` in memory with a [`Cache`] and the [`Changes`] its watcher saw, so
//! that each stage can take its own part of the last build (see [`cache`]). All three run the
//! same stages and the same verdict, so they always agree.

mod cache;
mod languages;
mod stream;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::Timestamp;

pub use cache::{Cache, Changes, Rebuild};

use crate::check;
use crate::diag::Diagnostics;
use crate::error::Error;
use crate::load::{Bodies, KnownPages, LoadOptions, Sources, load_site_knowing};
use crate::model::Site;
use crate::model::{ModelOptions, build_site};
use crate::output::host::host_ready;
use crate::output::origins::CleanPages;
use crate::output::search::kept::KeptIndex;
use crate::output::{FileHook, Output, SearchIndex, build_outputs, model_files_keeping};
use crate::render::cache::{CacheStats, RenderCache};
use crate::render::inputs::RenderInputs;
use crate::render::{Downloads, PageHook, Templates, render_site};
use crate::write::{Published, write_output};
use stream::Stream;

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

/// Where a run puts what it built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sink {
    /// Into the output folder, replacing it only if every stage succeeded (`hubsite build`).
    Folder,
    /// Nowhere: the output stays in memory (`hubsite check`, `serve`).
    Memory,
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

/// What a run built and found.
#[derive(Debug)]
pub struct Run {
    /// Every file of the site.
    pub output: Arc<Output>,
    /// Where it is (or would be) written.
    pub output_dir: PathBuf,
    /// What the model and the verdict found worth a word that does not stop the build.
    pub warnings: Diagnostics,
    /// How long the run took.
    pub elapsed: Duration,
    /// Whether the whole pipeline ran or only an edit to pages' text was applied.
    pub how: Rebuild,
    /// Pages rendered and pages taken from the cache.
    pub stats: CacheStats,
    /// How the output was put in place ([`Sink::Folder`] only).
    pub published: Option<Published>,
}

impl Run {
    /// HTML pages built.
    pub fn pages(&self) -> usize {
        self.output.page_count
    }
}

/// Runs the pipeline over the site `options` name: load, model, render, outputs and the
/// verdict, then, for [`Sink::Folder`], write. With a `cache` (serve), each stage reuses what
/// the cache's last build holds and the changes noted in it allow.
pub fn run(
    options: &BuildOptions,
    sink: Sink,
    cache: Option<&mut Cache>,
    progress: &dyn Fn(Stage),
) -> Result<Run, Error> {
    let started = Instant::now();
    let mut stream = None;
    let Made {
        mut output,
        output_dir,
        warnings,
        how,
        stats,
        asset_hashes,
    } = match cache {
        Some(cache) => cache.rebuild(options, progress)?,
        None => {
            // `hubsite build` writes each page as it renders (see [`stream`]).
            let mut streaming = (sink == Sink::Folder).then(|| Stream::new(options.root.clone()));
            let built = stages(options, Reuse::default(), streaming.as_mut(), progress)?;
            stream = streaming;
            Made {
                stats: CacheStats {
                    misses: built.output.page_count,
                    hits: 0,
                    spliced: 0,
                },
                how: Rebuild::Full,
                output: Arc::new(built.output),
                output_dir: built.output_dir,
                warnings: built.warnings,
                asset_hashes: built.sources.asset_hashes,
            }
        }
    };
    let published = match sink {
        Sink::Folder => {
            // What a host needs beside the pages (headers, fingerprinted style sheets and
            // scripts): for the folder a host serves, not for `serve`, which reloads them.
            let ready = host_ready(Arc::unwrap_or_clone(output), &asset_hashes);
            output = Arc::new(ready);
            progress(Stage::Write(output.files.len()));
            match stream.and_then(Stream::into_staging) {
                Some(staging) => Some(staging.finish(&output)?),
                None => Some(write_output(&output, &output_dir, &options.root)?),
            }
        }
        Sink::Memory => None,
    };
    Ok(Run {
        output,
        output_dir,
        warnings,
        elapsed: started.elapsed(),
        how,
        stats,
        published,
    })
}

/// What the stages made, before write.
struct Made {
    output: Arc<Output>,
    output_dir: PathBuf,
    warnings: Diagnostics,
    how: Rebuild,
    stats: CacheStats,
    /// The hashes of the style sheets and scripts, for their fingerprinted names.
    asset_hashes: BTreeMap<String, u64>,
}

/// What a run may take from the last build: each stage's own part of the [`Cache`].
#[derive(Debug, Default)]
struct Reuse<'a> {
    /// load: pages to take instead of reading their files again.
    pages: KnownPages,
    /// render: pages rendered from the same template set and view.
    render: Option<&'a Arc<RenderCache>>,
    /// outputs: pages the origin check found clean.
    clean: Option<&'a CleanPages>,
    /// outputs: the search index to update rather than make anew (`None` inside: make one and
    /// keep it).
    search: Option<Option<KeptIndex>>,
    /// outputs: on a site in several languages, each other language's search index, in the
    /// order of the languages.
    other_searches: Vec<KeptIndex>,
}

/// Every stage but write, with what the build made on the way: the sources, the model, the
/// templates and, when asked to keep it, the search index.
#[derive(Debug)]
struct Built {
    sources: Sources,
    site: Site,
    templates: Templates,
    output: Output,
    search: Option<KeptIndex>,
    /// What each content page's view read (the default language's, on a site in several).
    inputs: RenderInputs,
    /// The sizes of the files pages offer for download, which the pages show.
    downloads: Downloads,
    /// On a site in several languages, each other language's build (with its own output,
    /// before the outputs are put together), kept when the search index is (`serve`).
    others: Vec<Built>,
    warnings: Diagnostics,
    output_dir: PathBuf,
}

/// Load, model, render, outputs and the verdict; with a `stream`, pages are written to its
/// staging folder as they render.
fn stages(
    options: &BuildOptions,
    reuse: Reuse,
    stream: Option<&mut Stream>,
    progress: &dyn Fn(Stage),
) -> Result<Built, Error> {
    progress(Stage::Load);
    // Streamed: the pages' Markdown stays on disk until indexed and rendered.
    let load = LoadOptions {
        bodies: if stream.is_some() {
            Bodies::OnDisk
        } else {
            options.load.bodies
        },
        ..options.load.clone()
    };
    let sources = load_site_knowing(&options.root, &load, reuse.pages)?;
    progress(Stage::Model);
    let reuse = LanguageReuse {
        render: reuse.render,
        clean: reuse.clean,
        search: reuse.search,
        other_searches: reuse.other_searches,
    };
    let built = if sources.config.languages.len() > 1 {
        several_languages(sources, options, reuse, stream, progress)?
    } else {
        one_language(sources, options, reuse, stream, None, progress)?
    };
    let verdict = check::verify(&built.site, &built.output, options.now);
    verdict.problems.into_result(()).map_err(Error::Content)?;
    let mut warnings = built.warnings;
    warnings.extend(verdict.warnings);
    Ok(Built {
        warnings: warnings.sorted(),
        ..built
    })
}

/// What one language's build may take from the last build (the pages were loaded already).
#[derive(Debug, Default)]
struct LanguageReuse<'a> {
    render: Option<&'a Arc<RenderCache>>,
    clean: Option<&'a CleanPages>,
    search: Option<Option<KeptIndex>>,
    other_searches: Vec<KeptIndex>,
}

/// Model, render and outputs of the site in one language (the verdict is the caller's);
/// `tag` is the language of a site in several, other than the default, whose pages a `stream`
/// writes under its folder.
fn one_language(
    sources: Sources,
    options: &BuildOptions,
    reuse: LanguageReuse,
    mut stream: Option<&mut Stream>,
    tag: Option<&str>,
    progress: &dyn Fn(Stage),
) -> Result<Built, Error> {
    let templates = Templates::parse(&sources.templates)
        .map_err(Error::Content)
        .map(|t| t.with_urls(&sources.config.urls))
        .map(|t| match reuse.render {
            Some(cache) => t.with_cache(Arc::clone(cache)),
            None => t,
        });
    let output_dir = sources.config.output_path(&options.root);
    let model = model(&sources, options);
    let (templates, (site, warnings)) = both(templates, model)?;
    if let Some(stream) = stream.as_deref_mut() {
        stream.open(&sources)?;
    }
    let templates = templates
        .with_messages(Arc::clone(&site.messages))
        .with_languages(Arc::clone(&site.languages));
    progress(Stage::Render(site.pages.len()));
    let search = match reuse.search {
        Some(previous) => SearchIndex::Keep(previous.map(Box::new)),
        None => SearchIndex::Drop,
    };
    let stream = stream.as_deref();
    let writer = stream.and_then(|stream| stream.writer(&sources, tag));
    let hooks = writer
        .as_ref()
        .map(|w| (w as &dyn PageHook, w as &dyn FileHook));
    let made = render_and_output(&site, &sources, &templates, reuse.clean, search, hooks);
    // What the pages showed as they were written joins what the outputs found.
    let made = match (made, stream.map(Stream::take_findings)) {
        (Ok(made), None) => made,
        (Ok(made), Some(Ok(found))) => found.into_result(made).map_err(Error::Content)?,
        (Err(Error::Content(mut problems)), Some(Ok(found))) => {
            problems.extend(found);
            return Err(Error::Content(problems.sorted()));
        }
        (Err(error), _) | (_, Some(Err(error))) => return Err(error),
    };
    Ok(Built {
        sources,
        site,
        templates,
        output: made.output,
        search: made.search,
        inputs: made.inputs,
        downloads: made.downloads,
        others: Vec::new(),
        warnings,
        output_dir,
    })
}

/// Each language in turn, the default first, then their outputs put together (see
/// [`languages`]). The default language's model, templates and search index are what `serve`
/// keeps, with each other language's beside them. When the default language has problems, they are reported alone: every other
/// language shares its data and front matter, so would repeat them.
fn several_languages(
    sources: Sources,
    options: &BuildOptions,
    mut reuse: LanguageReuse,
    mut stream: Option<&mut Stream>,
    progress: &dyn Fn(Stage),
) -> Result<Built, Error> {
    let mut trees = languages::language_sources(&sources, options.drafts).into_iter();
    let first = trees.next().ok_or_else(|| {
        Error::Content(
            crate::diag::Diagnostic::file("hubsite.toml", "no language to build")
                .code(crate::diag::Code::Internal)
                .into(),
        )
    })?;
    let render = reuse.render;
    // `serve` keeps every language's build, so that an edit to one language's page is applied
    // to that language's part of the last build.
    let keep = reuse.search.is_some();
    let mut previous = std::mem::take(&mut reuse.other_searches).into_iter();
    let mut built = one_language(first, options, reuse, stream.as_deref_mut(), None, progress)?;
    let mut outputs = vec![std::mem::take(&mut built.output)];
    let mut problems = crate::diag::Diagnostics::default();
    for tree in trees {
        let reuse = LanguageReuse {
            render,
            search: keep.then(|| previous.next()),
            ..LanguageReuse::default()
        };
        let tag = tree.config.language.clone();
        let stream = stream.as_deref_mut();
        match one_language(tree, options, reuse, stream, Some(&tag), progress) {
            // Its warnings are the default language's again (the same data and messages).
            Ok(mut language) if keep => {
                outputs.push(language.output.clone());
                language.output.files.shrink_to_fit();
                built.others.push(language);
            }
            Ok(language) => outputs.push(language.output),
            Err(Error::Content(found)) => problems.extend(found),
            Err(error) => return Err(error),
        }
    }
    problems.sorted().into_result(()).map_err(Error::Content)?;
    built.output = languages::merge(outputs, &built.sources).map_err(Error::Content)?;
    Ok(built)
}

fn model(sources: &Sources, options: &BuildOptions) -> Result<(Site, Diagnostics), Error> {
    build_site(
        sources,
        &ModelOptions {
            drafts: options.drafts,
            now: options.now,
        },
    )
}

/// Stages 3 and 4: the files made from the model alone (search index, calendars, feeds,
/// exports and the booklets' PDFs, whose sizes the pages show), then the pages; then every
/// output is gathered and checked. With `hooks` (`hubsite build`), each page and each file
/// made from the model is handed over as soon as it is made (see [`stream`]). Each runs across cores; they run one after the other, so
/// that the search index's working memory is freed before the pages fill it (side by side,
/// peak memory at 10,000 pages was a fifth higher, for no measurable gain in time).
pub(crate) fn render_and_output(
    site: &Site,
    sources: &Sources,
    templates: &Templates,
    clean: Option<&CleanPages>,
    search: SearchIndex,
    hooks: Option<(&dyn PageHook, &dyn FileHook)>,
) -> Result<RenderedAndOutput, Error> {
    let mut model_files = model_files_keeping(site, search, hooks.map(|h| h.1));
    let mut rendered = render_site(site, templates, &model_files.downloads, hooks.map(|h| h.0))?;
    let search = model_files.search.take();
    let inputs = std::mem::take(&mut rendered.inputs);
    let downloads = model_files.downloads.clone();
    Ok(RenderedAndOutput {
        output: build_outputs(site, sources, rendered, model_files, clean)?,
        search,
        inputs,
        downloads,
    })
}

/// What [`render_and_output`] made: the output, and what `serve` keeps of the way there.
pub(crate) struct RenderedAndOutput {
    /// Every file of the site.
    pub(crate) output: Output,
    search: Option<KeptIndex>,
    inputs: RenderInputs,
    downloads: Downloads,
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
