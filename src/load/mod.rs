//! Stage 1, load: reads a site folder into [`Sources`]. The only stage that reads the disk.
//!
//! Files are found with walkdir (sorted, so that every later stage sees one order), read and
//! parsed in parallel, and every problem is collected before loading fails.

pub mod front_matter;
pub mod page;
pub mod sessions;
pub mod theme;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Deserialize;
use walkdir::WalkDir;

use crate::config::{CONFIG_FILE, Config, Overrides, parse_config};
use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile};
use crate::error::Error;
use crate::languages::SiteLanguages;
pub use page::{RawFrontMatter, RawPage};
pub use theme::{Asset, AssetSource, MessageFile, MessageOrigin, Template, is_built_in_template};

/// Everything the later stages need from the site folder, read into memory.
#[derive(Debug, Clone)]
pub struct Sources {
    /// The site folder.
    pub root: PathBuf,
    /// The validated `hubsite.toml` (shared with the model, which the later stages read).
    pub config: Arc<Config>,
    /// Markdown pages and section indexes (`_index.md`), in path order (each shared with the
    /// model's page it becomes): the pages of the language being built.
    pub pages: Vec<Arc<RawPage>>,
    /// Translations of pages (`about.cy.md`) into the site's other languages, in path order.
    pub translations: Vec<Arc<RawPage>>,
    /// Pages in the site's default language that the language being built has no
    /// translation of: links to them lead to the original (see `pipeline`'s languages).
    pub untranslated: Vec<Arc<RawPage>>,
    /// The site's languages and which pages each publishes (set by the pipeline on a site in
    /// several languages).
    pub languages: Arc<SiteLanguages>,
    /// The shared topics from `content/topics.toml`; `None` when the file has problems (they
    /// are reported, and the topics it names are then not reported unknown everywhere).
    pub topics: Option<Vec<RawTopic>>,
    /// `content/topics.toml`, kept to locate errors about topics.
    pub topics_file: Option<SourceFile>,
    /// Other TOML data under `content/` (directory, resources), in path order.
    pub data_files: Vec<SourceFile>,
    /// The practice weeks under `sessions/`, in folder order.
    pub weeks: Vec<sessions::WeekSource>,
    /// Templates: the theme's, overridden by the site's own.
    pub templates: Vec<Template>,
    /// Translations of the theme's words: the theme's `i18n/*.ftl`, and the site's own.
    pub messages: Vec<MessageFile>,
    /// Files copied as they are: the theme's static files, the site's, and content assets.
    pub assets: Vec<Asset>,
    /// The text of every published `.css` file, for the check that nothing loads from
    /// another origin (`output::origins`).
    pub stylesheets: Vec<SourceFile>,
    /// The text of every HTML file published as written (`static/` or `content/`), for the
    /// same check: such a file carries none of the pages' protections.
    pub published_html: Vec<SourceFile>,
    /// The text of the theme's published `.js` files, by output path: `output` publishes them
    /// minified (`output::scripts`). A site's own scripts (in `static/` or `content/`) are
    /// published as the site wrote them.
    pub scripts: BTreeMap<String, Arc<str>>,
    /// A hash of the bytes of every published style sheet and script, by output path: what
    /// `build` names their fingerprinted copies after (`output::host`).
    pub asset_hashes: BTreeMap<String, u64>,
    /// Problems met while loading. Loading goes on past them, so that the model stage can
    /// report its own problems in the same run; the model stage fails if any are here.
    pub problems: Diagnostics,
}

impl Sources {
    /// Whether `asset` is published once for every language, at the site's root: the theme's
    /// and the site's static files. Files beside pages in `content/` go with their pages into
    /// each language's folder.
    pub fn is_shared_asset(&self, asset: &Asset) -> bool {
        let content = self.root.join("content");
        !matches!(&asset.source, AssetSource::Disk(path) if path.starts_with(&content))
    }
}

/// How to load a site.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Changes to `hubsite.toml` from the command line.
    pub overrides: Overrides,
    /// Where the pages' Markdown bodies are kept after load.
    pub bodies: Bodies,
}

/// Where the pages' Markdown bodies are kept between load and render.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Bodies {
    /// In memory with their front matter (`check`, `serve`).
    #[default]
    InMemory,
    /// Left in their files as each page is read: only what comes before the body is kept, and
    /// the search index and render read the body again ([`RawPage::source`]). `hubsite build`,
    /// in bounded memory, where the bodies are most of what the sources weigh (about 460 MB
    /// at 100,000 pages), so they are never all in memory at once, not even during load.
    OnDisk,
}

/// `content/topics.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopicsFile {
    #[serde(default)]
    topic: Vec<RawTopic>,
}

/// An item's `[translations.<tag>]` tables as written: language tag, then field name, then
/// its value (checked by the model: `model::translation`).
pub type RawTranslations =
    BTreeMap<toml::Spanned<String>, BTreeMap<toml::Spanned<String>, toml::Spanned<toml::Value>>>;

/// One shared topic as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    /// The topic's identifier, used in every other file.
    pub slug: toml::Spanned<String>,
    /// Its name as readers see it.
    pub name: String,
    /// One sentence about it.
    #[serde(default)]
    pub description: String,
    /// Readers may be at risk: every page about it shows 'Exit this page' and 'Get help now'.
    #[serde(default)]
    pub sensitive: bool,
    /// Its name and description in the site's other languages.
    #[serde(default)]
    pub translations: RawTranslations,
}

/// Pages loaded before that can stand for their files: `serve` hands over the last build's,
/// with the paths its watcher saw change since (a changed folder covers what is in it).
#[derive(Debug, Default)]
pub struct KnownPages {
    /// Pages by their path relative to the site root.
    pages: HashMap<PathBuf, Arc<RawPage>>,
    /// Paths relative to the site root changed since they were read.
    changed: BTreeSet<PathBuf>,
}

impl KnownPages {
    /// `pages`, of which those under `changed` are read again.
    pub fn new(pages: Vec<Arc<RawPage>>, changed: BTreeSet<PathBuf>) -> KnownPages {
        KnownPages {
            pages: pages
                .into_iter()
                .map(|page| (page.file.path.clone(), page))
                .collect(),
            changed,
        }
    }

    /// The page known for `path` (relative to the site root), unless that path changed.
    fn take(&mut self, path: &Path) -> Option<Arc<RawPage>> {
        if self.changed.iter().any(|changed| path.starts_with(changed)) {
            return None;
        }
        self.pages.remove(path)
    }
}

/// Reads the site at `root`: configuration, content, sessions, theme.
pub fn load_site(root: &Path, options: &LoadOptions) -> Result<Sources, Error> {
    load_site_knowing(root, options, KnownPages::default())
}

/// [`load_site`], taking pages from `known` instead of reading their files again (the
/// Markdown pages are most of a large site's files; everything else is read).
pub fn load_site_knowing(
    root: &Path,
    options: &LoadOptions,
    mut known: KnownPages,
) -> Result<Sources, Error> {
    let config_file = read_source(root, &root.join(CONFIG_FILE)).map_err(|d| match d.hint {
        Some(_) => Error::Content(d.into()),
        None => Error::Content(
            d.hint("run `hubsite new DIR` to start a site, or pass --root DIR")
                .into(),
        ),
    })?;
    // A bad language or time zone is reported with every other problem of the site.
    let (config, mut problems) =
        parse_config(&config_file, &options.overrides).map_err(Error::Content)?;

    let content = walk_files(root, &root.join("content"), &mut problems);
    let (page_paths, rest): (Vec<_>, Vec<_>) =
        content.into_iter().partition(|p| has_extension(p, "md"));
    let (toml_paths, asset_paths): (Vec<_>, Vec<_>) =
        rest.into_iter().partition(|p| has_extension(p, "toml"));

    let known_pages = page_paths
        .iter()
        .map(|path| known.take(&crate::diag::display_path(root, path)))
        .collect();
    let all_pages = read_all_knowing(root, &page_paths, known_pages, &mut problems, |file| {
        let content_path = relative_slash_path(&root.join("content"), &root.join(&file.path));
        let mut page = match translation_of(&content_path, &config) {
            Some((original, tag)) => {
                let language = translation_language(&file, tag, &config)?;
                page::parse_page_in(file, original, Some(language))?
            }
            None => page::parse_page(file, content_path)?,
        };
        if options.bodies == Bodies::OnDisk {
            page.set_body_aside(root);
        }
        Ok(Arc::new(page))
    });
    let (translations, pages): (Vec<_>, Vec<_>) =
        all_pages.into_iter().partition(|p| p.language.is_some());
    // Originals as files, read or not: one whose front matter has a problem still exists.
    // The paths start with `root` already (joining them to it again would double a relative
    // root: `tests/sites/council/tests/sites/council/content/...`).
    let originals: BTreeSet<String> = page_paths
        .iter()
        .map(|path| relative_slash_path(&root.join("content"), path))
        .filter(|path| translation_of(path, &config).is_none())
        .collect();
    check_translations(&originals, &translations, &mut problems);
    let mut data_files = read_all(root, &toml_paths, &mut problems, Ok);
    let topics_file = take_file(&mut data_files, Path::new("content/topics.toml"));
    let topics = match &topics_file {
        Some(file) => parse_topics(file, &mut problems),
        None => Some(Vec::new()),
    };
    let weeks = load_weeks(root, &mut problems);
    let theme = theme::load_theme(root, &config.theme, &mut problems);
    let mut assets = theme.assets;
    assets.extend(content_assets(root, asset_paths));
    let stylesheets = read_stylesheets(root, &assets, &mut problems);
    let published_html = read_published_html(root, &assets, &mut problems);
    let scripts = read_scripts(&assets);
    let asset_hashes = hash_sheets_and_scripts(&assets);

    Ok(Sources {
        root: root.to_path_buf(),
        config: Arc::new(config),
        pages,
        translations,
        untranslated: Vec::new(),
        languages: Arc::default(),
        topics,
        topics_file,
        data_files,
        weeks,
        templates: theme.templates,
        messages: theme.messages,
        assets,
        stylesheets,
        published_html,
        scripts,
        asset_hashes,
        problems,
    })
}

/// The practice weeks under `sessions/`, read and parsed (`serve` reads them again alone after
/// an edit to a session: they are few files).
pub fn load_weeks(root: &Path, problems: &mut Diagnostics) -> Vec<sessions::WeekSource> {
    let session_paths = walk_files(root, &root.join("sessions"), problems);
    let session_files = read_all(root, &session_paths, problems, Ok);
    sessions::parse_weeks(session_files, problems)
}

/// The original's path and the language of a page named as a translation (`about.cy.md`): its
/// tag is one of the site's languages, or a two-letter language of the IANA registry (`pl`,
/// `ar-EG`; reported when undeclared). Anything else before `.md` (`about.us.md`,
/// `minutes.jan.md`, `notes.v2.md`) is part of a page's own name, as it always was.
fn translation_of<'a>(content_path: &'a str, config: &Config) -> Option<(String, &'a str)> {
    let (original, tag) = page::split_language(content_path)?;
    let primary = tag.split('-').next().unwrap_or(tag);
    let registered = primary.len() == 2
        && language_tags::LanguageTag::parse(tag).is_ok_and(|t| t.validate().is_ok());
    (config.has_language(tag) || registered).then_some((original, tag))
}

/// The language of a translated page, as `languages` spells it: one of the site's languages
/// other than the default (whose pages have no tag).
fn translation_language(
    file: &SourceFile,
    tag: &str,
    config: &Config,
) -> Result<String, Diagnostics> {
    let declared = config
        .languages
        .iter()
        .find(|l| l.eq_ignore_ascii_case(tag));
    let problem = |message: String, hint: String| {
        Diagnostics::from(
            Diagnostic::file(file.path.clone(), message)
                .code(Code::PageTranslation)
                .hint(hint),
        )
    };
    match declared {
        Some(language) if language == config.default_language() => Err(problem(
            format!(
                "this page is in `{language}`, the site's default language, whose pages have no language in their names"
            ),
            format!(
                "rename it without `.{tag}` (the default language's pages are plain .md files)"
            ),
        )),
        Some(language) => Ok(language.clone()),
        None => Err(problem(
            format!("this page is in `{tag}`, which is not one of the site's languages"),
            format!(
                "add \"{tag}\" to `languages` in hubsite.toml (now {:?}, the default first), or rename the file",
                config.languages
            ),
        )),
    }
}

/// Every translation has its original, and sets only what is translated.
fn check_translations(
    originals: &BTreeSet<String>,
    translations: &[Arc<RawPage>],
    problems: &mut Diagnostics,
) {
    let mut seen: BTreeMap<(&str, &str), &Path> = BTreeMap::new();
    for translation in translations {
        let language = translation.language.as_deref().unwrap_or_default();
        let key = (translation.content_path.as_str(), language);
        if let Some(first) = seen.insert(key, &translation.file.path) {
            problems.push(
                Diagnostic::file(
                    translation.file.path.clone(),
                    format!(
                        "a second `{language}` translation of content/{}, beside {}",
                        translation.content_path,
                        first.display()
                    ),
                )
                .code(Code::PageTranslation)
                .hint(
                    "keep one file for each page and language (a tag means the same in any case)",
                ),
            );
        }
        let original = translation.content_path.as_str();
        if !originals.contains(original) {
            problems.push(
                Diagnostic::file(
                    translation.file.path.clone(),
                    format!("this page translates content/{original}, which does not exist"),
                )
                .code(Code::PageTranslation)
                .hint("write the page in the default language first (a translation stands beside its original), or correct the file's name"),
            );
        }
        let set = page::structural_fields(&translation.front);
        if !set.is_empty() {
            problems.push(
                translation
                    .file
                    .error_at(translation.front_offset..translation.front_offset, format!(
                        "a translation sets {}, which come from the original",
                        set.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
                    ))
                    .code(Code::PageTranslation)
                    .hint(format!("remove them here and set them in content/{original}: a translation holds only title, summary, draft and extra")),
            );
        }
    }
}

/// Reads one file as text, with its path relative to the site root.
pub fn read_source(root: &Path, path: &Path) -> Result<SourceFile, Diagnostic> {
    let shown = crate::diag::display_path(root, path);
    let bytes = fs::read(path).map_err(|error| {
        let message = match error.kind() {
            std::io::ErrorKind::NotFound => "file not found".to_owned(),
            _ => format!("cannot read this file: {error}"),
        };
        Diagnostic::file(&shown, message).code(Code::FileUnreadable)
    })?;
    SourceFile::new(shown, bytes)
}

/// Reads and parses files in parallel, keeping their order and collecting every problem.
fn read_all<T: Send>(
    root: &Path,
    paths: &[PathBuf],
    problems: &mut Diagnostics,
    parse: impl Fn(SourceFile) -> Result<T, Diagnostics> + Sync,
) -> Vec<T> {
    read_all_knowing(
        root,
        paths,
        paths.iter().map(|_| None).collect(),
        problems,
        parse,
    )
}

/// [`read_all`], where `known[i]`, if given, stands for `paths[i]` without reading it.
fn read_all_knowing<T: Send>(
    root: &Path,
    paths: &[PathBuf],
    known: Vec<Option<T>>,
    problems: &mut Diagnostics,
    parse: impl Fn(SourceFile) -> Result<T, Diagnostics> + Sync,
) -> Vec<T> {
    let to_read = known.iter().filter(|k| k.is_none()).count();
    let read = || -> Vec<Result<T, Diagnostics>> {
        paths
            .par_iter()
            .zip(known)
            .map(|(path, known)| match known {
                Some(value) => Ok(value),
                None => read_source(root, path)
                    .map_err(Diagnostics::from)
                    .and_then(&parse),
            })
            .collect()
    };
    let results = match reading_pool(to_read) {
        Some(pool) => pool.install(read),
        None => read(),
    };
    let mut values = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(value) => values.push(value),
            Err(found) => problems.extend(found),
        }
    }
    values
}

/// How many files a load reads before it reads them on more threads than cores.
const READ_WIDELY_FROM: usize = 256;

/// How many threads read a large site's files.
const READING_THREADS: usize = 8;

/// Threads to read `count` files on, when they are many: a file not in the system's cache
/// keeps its thread waiting for the disk, and with one thread a core, the cores waited too
/// (half the load of a 10,000-page site whose files had left the cache:
/// docs/performance.md, 'Build', session 16). More reads at once keep the disk busy and the
/// cores parse what has come. `None` (the build's own threads) for a few files, or if no
/// thread can be started.
fn reading_pool(count: usize) -> Option<rayon::ThreadPool> {
    if count < READ_WIDELY_FROM {
        return None;
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(READING_THREADS.max(rayon::current_num_threads()))
        .thread_name(|n| format!("hubsite-read-{n}"))
        .build()
        .ok()
}

/// Every file under `dir` in name order, skipping hidden and editor temporary files.
/// A missing folder is an empty one; a symlink loop is a problem.
pub fn walk_files(root: &Path, dir: &Path, problems: &mut Diagnostics) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    for entry in walker.filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name())) {
        match entry {
            Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
            Ok(_) => {}
            Err(error) => {
                let path = error.path().unwrap_or(dir);
                let shown = crate::diag::display_path(root, path);
                let message = match error.loop_ancestor() {
                    Some(_) => {
                        "this symbolic link points back into a folder that contains it".to_owned()
                    }
                    None => format!("cannot read: {error}"),
                };
                problems.push(
                    Diagnostic::file(shown, message)
                        .code(Code::FileUnreadable)
                        .hint("remove or fix the link"),
                );
            }
        }
    }
    files
}

/// Hidden files and editors' temporary files are never part of a site.
fn is_ignored(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.starts_with("#")
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension().is_some_and(|e| e == extension)
}

/// `path` relative to `base`, with `/` separators whatever the platform.
pub fn relative_slash_path(base: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    let parts: Vec<_> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

fn take_file(files: &mut Vec<SourceFile>, path: &Path) -> Option<SourceFile> {
    let index = files.iter().position(|f| f.path == path)?;
    Some(files.remove(index))
}

/// The topics of `content/topics.toml` (`file`); `None` with its problems in `problems`.
pub fn parse_topics(file: &SourceFile, problems: &mut Diagnostics) -> Option<Vec<RawTopic>> {
    crate::parse::parse_toml::<RawTopicsFile>(file, &file.text, 0)
        .map(|raw| raw.topic)
        .map_err(|found| problems.extend(found))
        .ok()
}

/// The text of the published style sheets, in output order.
pub fn read_stylesheets(
    root: &Path,
    assets: &[Asset],
    problems: &mut Diagnostics,
) -> Vec<SourceFile> {
    read_asset_texts(root, assets, is_css_file, problems)
}

/// Whether a file published at `output_path` is a style sheet (`.css`, any case: a host may
/// serve `.CSS` as one, so it is checked and rewritten as one).
pub fn is_css_file(output_path: &str) -> bool {
    let bytes = output_path.as_bytes();
    bytes.len() >= 4 && bytes[bytes.len() - 4..].eq_ignore_ascii_case(b".css")
}

/// Whether a file published at `output_path` is an HTML page (`.html`, `.htm`, any case).
/// XHTML is not: browsers read it as XML (README, 'Known gaps').
pub(crate) fn is_html_file(output_path: &str) -> bool {
    let lower = output_path.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// The text of every HTML file published as written, in output order: UTF-8, as the pages are,
/// so that the check reads what a browser reads.
pub(crate) fn read_published_html(
    root: &Path,
    assets: &[Asset],
    problems: &mut Diagnostics,
) -> Vec<SourceFile> {
    read_asset_texts(root, assets, is_html_file, problems)
}

/// The text of every asset whose output path `keep` takes, in output order (UTF-8, as every
/// source is), each one that cannot be read a problem.
fn read_asset_texts(
    root: &Path,
    assets: &[Asset],
    keep: impl Fn(&str) -> bool,
    problems: &mut Diagnostics,
) -> Vec<SourceFile> {
    let mut files = Vec::new();
    for asset in assets.iter().filter(|a| keep(&a.output_path)) {
        let file = match &asset.source {
            AssetSource::Disk(path) => read_source(root, path),
            AssetSource::Embedded(bytes) => SourceFile::new(
                format!("<built-in hub theme>/static/{}", asset.output_path),
                bytes.to_vec(),
            ),
        };
        match file {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    files
}

/// The text of each of the theme's published scripts, by output path (a site's own file of the
/// same name replaces the theme's asset, and is left as written).
fn read_scripts(assets: &[Asset]) -> BTreeMap<String, Arc<str>> {
    assets
        .iter()
        .filter(|a| a.output_path.ends_with(".js"))
        .filter_map(|asset| match &asset.source {
            AssetSource::Embedded(bytes) => {
                let text = std::str::from_utf8(bytes).ok()?;
                Some((asset.output_path.clone(), Arc::from(text)))
            }
            AssetSource::Disk(_) => None,
        })
        .collect()
}

/// A stable hash (SipHash-1-3 with fixed keys, the same on every machine and every run) of
/// each `.css` and `.js` asset's bytes. One that cannot be read is left out: it is reported
/// when it is copied.
pub fn hash_sheets_and_scripts(assets: &[Asset]) -> BTreeMap<String, u64> {
    use crate::fingerprint::stable_hash;
    assets
        .iter()
        .filter(|a| is_css_file(&a.output_path) || a.output_path.ends_with(".js"))
        .filter_map(|asset| {
            let bytes = match &asset.source {
                AssetSource::Disk(path) => std::borrow::Cow::Owned(fs::read(path).ok()?),
                AssetSource::Embedded(bytes) => std::borrow::Cow::Borrowed(*bytes),
            };
            Some((asset.output_path.clone(), stable_hash(&bytes)))
        })
        .collect()
}

/// Files in `content/` that are neither pages nor data are published at the same path.
fn content_assets(root: &Path, paths: Vec<PathBuf>) -> Vec<Asset> {
    let content = root.join("content");
    paths
        .into_iter()
        .map(|path| Asset {
            output_path: relative_slash_path(&content, &path),
            source: AssetSource::Disk(path),
        })
        .collect()
}
