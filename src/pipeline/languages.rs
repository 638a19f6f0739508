//! A site in several languages (`languages = ["en-GB", "cy"]`) is built once per language from
//! the same sources, each language as if it were a site hosted in a folder of its own
//! (`/cy/`), and the outputs are put together.
//!
//! What a language's build is given ([`language_sources`]): the site's configuration with its
//! `language`, and addresses under its folder ([`SiteUrls::for_language`]) except for what
//! every language shares at the root (style sheets, scripts, the theme's and the site's static
//! files, and the pages it has no translation of); its Markdown pages: each translation
//! (`about.cy.md`) in place of its original, with the original's front matter but for what is
//! translated, the home page and the sections above a translation in the default language
//! (their text marked as such), and no other page (a link to one leads to the original).
//! Everything made from the model (the programme, the directory, topics, the library, search,
//! calendars, the booklets) is made in every language.
//!
//! Put together ([`merge`]): the default language's output as it is, each other language's
//! under its folder, less what is published once (static files, the directory export,
//! `robots.txt`); one sitemap with each page's alternates.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::config::{CONFIG_FILE, Config};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::languages::SiteLanguages;
use crate::load::{RawPage, Sources};
use crate::model::page::page_url;
use crate::output::{Contents, Output, OutputFile, oruk, sitemap};
use crate::site_url::language_output_prefix;

/// The sources of each language's build, the default first.
pub(super) fn language_sources(sources: &Sources, drafts: bool) -> Vec<Sources> {
    let config = &sources.config;
    let tags = &config.languages;
    let shown = |page: &RawPage| drafts || !page.front.draft;
    // Each language's pages, in the order of the default language's.
    let mut chosen: Vec<Chosen> = vec![Chosen::default_language(sources)];
    chosen.extend(tags.iter().skip(1).map(|tag| {
        let translated: BTreeMap<&str, &Arc<RawPage>> = sources
            .translations
            .iter()
            .filter(|t| t.language.as_deref() == Some(tag.as_str()) && shown(t))
            .map(|t| (t.content_path.as_str(), t))
            .collect();
        let needed = sections_above(translated.keys().copied());
        let mut language = Chosen::default();
        for page in &sources.pages {
            match translated.get(page.content_path.as_str()) {
                Some(translation) => language
                    .pages
                    .push(Arc::new(translated_page(page, translation))),
                None if needed.contains(page.content_path.as_str()) => {
                    language.pages.push(Arc::clone(page));
                }
                None => language.untranslated.push(Arc::clone(page)),
            }
        }
        language
    }));
    let mut published: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, language) in chosen.iter().enumerate() {
        for page in language.pages.iter().filter(|p| shown(p)) {
            if let Ok((url, _)) = page_url(&page.content_path) {
                published.entry(url.to_string()).or_default().push(index);
            }
        }
    }
    let languages = Arc::new(SiteLanguages::new(
        tags.clone(),
        published,
        config.urls.clone(),
    ));
    let shared_files = static_files(sources);
    chosen
        .into_iter()
        .enumerate()
        .map(|(index, language)| {
            let mut config: Config = (**config).clone();
            config.language = tags[index].clone();
            if let Some(text) = config.translations.get(&config.language).cloned() {
                config.title = text.title.unwrap_or(config.title);
                config.description = text.description.unwrap_or(config.description);
            }
            if index > 0 {
                let mut at_root = shared_files.clone();
                at_root.extend(
                    language
                        .untranslated
                        .iter()
                        .filter_map(|p| page_url(&p.content_path).ok())
                        .map(|(url, _)| url.to_string()),
                );
                config.urls = config.urls.for_language(&tags[index], Arc::new(at_root));
            }
            let mut tree = sources.clone();
            tree.config = Arc::new(config);
            tree.pages = language.pages;
            tree.untranslated = language.untranslated;
            tree.languages = Arc::clone(&languages);
            tree
        })
        .collect()
}

/// Another language's sources after an edit to pages' front matter and text: `kept`, what
/// [`language_sources`] made of `old` (the default language's sources) for that language, with
/// the pages of the files that differ in `new` made again as [`language_sources`] makes them,
/// so that `serve` need not derive every language's sources again. `None` when the edit could
/// change which pages a language has (a page or translation made a draft, or no longer one):
/// then [`language_sources`] is what knows.
pub(super) fn patched_language_sources(
    old: &Sources,
    new: &Sources,
    kept: &Sources,
) -> Option<Sources> {
    let pages = changed_files(&old.pages, &new.pages)?;
    let translations = changed_files(&old.translations, &new.translations)?;
    let originals: BTreeMap<&str, &Arc<RawPage>> = pages
        .iter()
        .map(|p| (p.content_path.as_str(), *p))
        .collect();
    let edited: BTreeSet<&std::path::Path> =
        translations.iter().map(|t| t.file.path.as_path()).collect();
    let mut tree = kept.clone();
    tree.translations = new.translations.clone();
    // Each page of the language is an original (the home page and sections above a
    // translation) or a translation in its original's place, made from both.
    let rebuilt = |page: &mut Arc<RawPage>| -> Option<()> {
        let original = originals.get(page.content_path.as_str());
        if let Some(original) = original.filter(|o| o.file.path == page.file.path) {
            *page = Arc::clone(original);
        } else if original.is_some() || edited.contains(page.file.path.as_path()) {
            let translation = new
                .translations
                .iter()
                .find(|t| t.file.path == page.file.path)?;
            let original = new
                .pages
                .iter()
                .find(|p| p.content_path == page.content_path)?;
            *page = Arc::new(translated_page(original, translation));
        }
        Some(())
    };
    for page in tree.pages.iter_mut() {
        rebuilt(page)?;
    }
    for page in tree.untranslated.iter_mut() {
        if let Some(original) = originals.get(page.content_path.as_str()) {
            *page = Arc::clone(original);
        }
    }
    Some(tree)
}

/// The files of `after` that are not those of `before` (the same list, edited); `None` when
/// the lists differ or an edited file was made a draft or is no longer one.
fn changed_files<'a>(
    before: &[Arc<RawPage>],
    after: &'a [Arc<RawPage>],
) -> Option<Vec<&'a Arc<RawPage>>> {
    if before.len() != after.len() {
        return None;
    }
    before
        .iter()
        .zip(after)
        .filter(|(a, b)| !Arc::ptr_eq(a, b))
        .map(|(a, b)| (a.front.draft == b.front.draft && a.file.path == b.file.path).then_some(b))
        .collect()
}

/// One language's Markdown pages, and the default language's pages it has no translation of.
#[derive(Default)]
struct Chosen {
    pages: Vec<Arc<RawPage>>,
    untranslated: Vec<Arc<RawPage>>,
}

impl Chosen {
    fn default_language(sources: &Sources) -> Chosen {
        Chosen {
            pages: sources.pages.clone(),
            untranslated: Vec::new(),
        }
    }
}

/// The home page and every section index above the pages at `paths`.
fn sections_above<'a>(paths: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    let mut needed = BTreeSet::from(["_index.md".to_owned()]);
    for path in paths {
        let mut dir = path.rsplit_once('/').map(|(dir, _)| dir);
        // A section's own index lives in its folder: its parent's is the next one up.
        if path.ends_with("/_index.md") {
            dir = dir.and_then(|d| d.rsplit_once('/').map(|(up, _)| up));
        }
        while let Some(folder) = dir {
            needed.insert(format!("{folder}/_index.md"));
            dir = folder.rsplit_once('/').map(|(up, _)| up);
        }
    }
    needed
}

/// A translation as its language's page: its own file (title, summary, body) with the
/// original's front matter for everything else (related pages without a translation are left
/// out of its lists by the model: `relations::Targets::untranslated`).
fn translated_page(original: &RawPage, translation: &RawPage) -> RawPage {
    let mut front = original.front.clone();
    front.title = translation.front.title.clone();
    front.summary = translation.front.summary.clone();
    // A draft stays a draft in every language, whatever its translation says.
    front.draft = original.front.draft || translation.front.draft;
    front.extra = translation.front.extra.clone();
    RawPage {
        file: translation.file.clone(),
        content_path: original.content_path.clone(),
        language: translation.language.clone(),
        front,
        front_offset: translation.front_offset,
        body_offset: translation.body_offset,
        body: translation.body.clone(),
    }
}

/// The site paths of the files every language shares: the theme's and the site's static files
/// (files beside pages in `content/` go with their pages).
fn static_files(sources: &Sources) -> BTreeSet<String> {
    sources
        .assets
        .iter()
        .filter(|asset| sources.is_shared_asset(asset))
        .map(|asset| format!("/{}", asset.output_path))
        .collect()
}

/// The outputs of every language as one: the default language's as they are, each other's
/// under its folder, less what the site publishes once; one sitemap for all.
pub(super) fn merge(outputs: Vec<Output>, sources: &Sources) -> Result<Output, Diagnostics> {
    let mut outputs = outputs.into_iter();
    let Some(mut merged) = outputs.next() else {
        return Ok(Output::default());
    };
    // A language's folder is its own: the default language publishing under it would mix
    // with that language's pages.
    let mut problems = Diagnostics::default();
    for tag in sources.config.languages.iter().skip(1) {
        let folder = language_output_prefix(tag);
        if let Some(file) = merged.files.iter().find(|f| f.path.starts_with(&folder)) {
            problems.push(
                Diagnostic::file(
                    CONFIG_FILE,
                    format!("the site publishes {} itself, in the folder where its `{tag}` pages go", file.path),
                )
                .code(Code::PageTranslation)
                .hint(format!("rename the folder {folder} under content/ or static/: /{folder} holds the site in `{tag}`")),
            );
        }
    }
    problems.into_result(()).map_err(|p| p.sorted())?;
    let shared = static_files(sources);
    let mut sitemaps: Vec<Arc<Vec<u8>>> = Vec::new();
    let mut keep_sitemap = |file: &OutputFile| {
        if let Contents::Bytes(bytes) = &file.contents {
            sitemaps.push(Arc::clone(bytes));
        }
    };
    if let Some(file) = merged.get(sitemap::SITEMAP) {
        keep_sitemap(file);
    }
    for (output, tag) in outputs.zip(sources.config.languages.iter().skip(1)) {
        let folder = language_output_prefix(tag);
        merged.page_count += output.page_count;
        for file in output.files {
            let site_path = format!("/{}", file.path);
            if file.path == sitemap::SITEMAP {
                keep_sitemap(&file);
            } else if !shared.contains(&site_path) && !is_published_once(&file.path) {
                merged.files.push(OutputFile {
                    path: format!("{folder}{}", file.path),
                    contents: file.contents,
                });
            }
        }
    }
    if let Some(first) = merged.files.iter_mut().find(|f| f.path == sitemap::SITEMAP) {
        first.contents = Contents::Bytes(Arc::new(sitemap::merge(&sitemaps)));
    }
    merged.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(merged)
}

/// Files a site publishes once, from its default language. (Each language keeps its 404 page,
/// which hosts answer with for a missing page in its folder: `output::host`.)
fn is_published_once(path: &str) -> bool {
    path == "robots.txt" || oruk::is_export(path)
}
