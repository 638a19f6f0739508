//! The first shortcut: an edit to the text of pages already in the site (their front matter
//! unchanged, nothing else among the changes) applied to what the last build kept: the pages
//! are read and rendered again, their search documents replaced in the kept index, and every
//! other file is the last build's (the module [`super`] says why a page's text reaches
//! nothing else).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Changes, Edited, Kept, fit_last_build, patched, warnings_again};
use crate::load::page::parse_page_in;
use crate::load::{RawPage, Sources, read_source};
use crate::model::PageId;
use crate::output::Output;
use crate::output::origins::CleanPages;
use crate::output::search::documents::{SearchDocument, page_document};
use crate::pipeline::Built;
use crate::render::{RenderedPage, render_one_page};
use crate::site_url::language_output_prefix;

/// A file the batch names, read again: a page of the default language or a translation, with
/// its front matter unchanged.
struct NewText {
    path: PathBuf,
    page: Arc<RawPage>,
}

/// Applies `changes` to `kept` if it only changes the text of pages the site has, and every
/// edited page renders without a problem; `None` otherwise. Then the caller runs the whole
/// pipeline: `kept`'s model may be half changed, but its search indexes are untouched until
/// nothing can fail, so the pipeline can update them.
///
/// On a site in several languages each language's part of the last build is patched: a
/// translation's text shows only in its language; a page of the default language shows in the
/// default language and in every language that shows it for want of a translation (the home
/// page and the sections above a translation).
pub(super) fn apply_page_text_edits(
    kept: &mut Kept,
    changes: &Changes,
    clean_pages: &CleanPages,
    now: jiff::Timestamp,
) -> Option<Edited> {
    if changes.config || changes.rescan {
        return None;
    }
    let texts = reread_page_texts(&kept.built.sources, changes)?;
    if texts.is_empty() {
        return Some(Edited::nothing(kept));
    }
    let merged = Arc::clone(&kept.output);
    let tags: Vec<String> = kept.built.sources.config.languages.clone();
    let mut patches = Vec::new();
    let default = render_language(&mut kept.built, &texts, &merged, &merged, clean_pages)?;
    patches.push((String::new(), default));
    for (other, tag) in kept.built.others.iter_mut().zip(tags.iter().skip(1)) {
        let own = Arc::new(std::mem::take(&mut other.output));
        let patch = render_language(other, &texts, &own, &merged, clean_pages);
        other.output = Arc::unwrap_or_clone(own);
        let folder = language_output_prefix(tag);
        patches.push((folder, patch?));
    }
    // Every file the batch names shows in some language (a draft shows in none).
    if !texts
        .iter()
        .all(|text| patches.iter().any(|(_, p)| p.shows(&text.path)))
    {
        return None;
    }
    let pages = patches.iter().map(|(_, p)| p.pages.len()).sum();
    let mut replaced = Vec::new();
    let mut searches = Vec::new();
    let mut languages = std::iter::once(&mut kept.search).chain(
        kept.built
            .others
            .iter_mut()
            .filter_map(|other| other.search.as_mut()),
    );
    for (folder, patch) in &patches {
        let search = languages.next()?;
        if !patch.documents.iter().all(|d| search.has(d)) {
            return None;
        }
        if !patch.pages.is_empty() {
            search.replace_many(patch.documents.clone());
        }
        for page in &patch.pages {
            replaced.push((
                format!("{folder}{}", page.url.output_file()),
                Arc::new(page.html.clone().into_bytes()),
            ));
        }
        searches.push((folder.clone(), search.lay_out()));
    }
    for (other, (folder, search)) in kept.built.others.iter_mut().zip(searches.iter().skip(1)) {
        let own: Vec<(String, Arc<Vec<u8>>)> = replaced
            .iter()
            .filter_map(|(path, bytes)| {
                Some((path.strip_prefix(folder)?.to_owned(), Arc::clone(bytes)))
            })
            .collect();
        other.output = patched(&other.output, own, vec![(String::new(), search.clone())]);
    }
    let replaced_paths: Vec<String> = replaced.iter().map(|(path, _)| path.clone()).collect();
    let output = Arc::new(patched(&kept.output, replaced, searches));
    kept.built.warnings = warnings_again(&kept.built, &kept.output, &output, &replaced_paths, now);
    kept.output = Arc::clone(&output);
    Some(Edited {
        output,
        pages,
        spliced: 0,
    })
}

/// One language's pages rendered again after an edit to pages' text, with their search
/// documents.
struct LanguagePatch {
    pages: Vec<RenderedPage>,
    documents: Vec<SearchDocument>,
    /// The files of `pages`.
    files: BTreeSet<PathBuf>,
}

impl LanguagePatch {
    fn shows(&self, path: &PathBuf) -> bool {
        self.files.contains(path)
    }
}

/// Points the pages of `built` that show the files of `texts` at their new text and renders
/// them again, checked as a build checks them: their loads (origins), their Markdown links
/// against `own` (this language's output) and their HTML links against `merged` (every
/// language's). `None` when anything does not fit.
fn render_language(
    built: &mut Built,
    texts: &[NewText],
    own: &Output,
    merged: &Output,
    clean_pages: &CleanPages,
) -> Option<LanguagePatch> {
    let mut edited = Vec::new();
    for text in texts {
        for raw in 0..built.sources.pages.len() {
            let old = &built.sources.pages[raw];
            if old.file.path == text.path {
                let new = RawPage {
                    file: text.page.file.clone(),
                    front_offset: text.page.front_offset,
                    body_offset: text.page.body_offset,
                    body: text.page.body.clone(),
                    ..RawPage::clone(old)
                };
                built.sources.pages[raw] = Arc::new(new);
                edited.push(raw);
            }
        }
    }
    // The model's pages share their text with the sources: point them at the new text (the
    // pages are copied first if another model shares them).
    for page in Arc::make_mut(&mut built.site.pages).iter_mut() {
        if edited.contains(&page.raw) {
            page.text = Arc::clone(&built.sources.pages[page.raw]);
        }
    }
    let site = &built.site;
    let mut patch = LanguagePatch {
        pages: Vec::new(),
        documents: Vec::new(),
        files: BTreeSet::new(),
    };
    let mut site_links = Vec::new();
    for raw in &edited {
        // A draft is in the sources but not in the model: nothing shows it.
        let Some(id) = site.pages.iter().position(|p| p.raw == *raw) else {
            continue;
        };
        let id = PageId::new(id);
        let page = &site.pages[id];
        let (html, links) = render_one_page(site, &built.templates, id).ok()?;
        patch.documents.extend(page_document(site, page));
        patch.files.insert(site.raw(page).file.path.clone());
        patch.pages.push(html);
        site_links.extend(links);
    }
    let fits = fit_last_build(
        &built.sources,
        &patch.pages,
        &site_links,
        own,
        merged,
        clean_pages,
    );
    fits.then_some(patch)
}

/// Where a page's file is among the sources: `pages` or `translations`, and at which index.
#[derive(Clone, Copy)]
pub(super) enum Place {
    Page(usize),
    Translation(usize),
}

impl Place {
    /// The list of `sources` it is in, and its index there.
    pub(super) fn in_sources(self, sources: &mut Sources) -> (&mut Vec<Arc<RawPage>>, usize) {
        match self {
            Place::Page(at) => (&mut sources.pages, at),
            Place::Translation(at) => (&mut sources.translations, at),
        }
    }
}

/// The page or translation of `sources` at `path`, read again: where it is, what it was, and
/// what it is now if its file changed; `None` if `path` is neither, or cannot be read or
/// parsed (the whole pipeline reports it).
pub(super) fn read_again<'a>(
    sources: &'a Sources,
    path: &PathBuf,
) -> Option<(Place, &'a RawPage, Option<RawPage>)> {
    let place = match sources.pages.iter().position(|p| p.file.path == *path) {
        Some(at) => Place::Page(at),
        None => Place::Translation(
            sources
                .translations
                .iter()
                .position(|p| p.file.path == *path)?,
        ),
    };
    let old = match place {
        Place::Page(at) => &sources.pages[at],
        Place::Translation(at) => &sources.translations[at],
    };
    let file = read_source(&sources.root, &sources.root.join(path)).ok()?;
    if file.text == old.file.text {
        return Some((place, old, None));
    }
    let new = parse_page_in(file, old.content_path.clone(), old.language.clone()).ok()?;
    Some((place, old, Some(new)))
}

/// Reads again the files `changes` names; `None` if the batch holds anything but pages and
/// translations the site has whose front matter is unchanged.
fn reread_page_texts(sources: &Sources, changes: &Changes) -> Option<Vec<NewText>> {
    let mut texts = Vec::new();
    for path in &changes.paths {
        let (_, old, new) = read_again(sources, path)?;
        let Some(new) = new else {
            continue;
        };
        if new.head() != old.head() {
            return None;
        }
        texts.push(NewText {
            path: path.clone(),
            page: Arc::new(new),
        });
    }
    Some(texts)
}
