//! What every shortcut through the dependency map shares (front matter, sessions, services,
//! topics): a [`Plan`] per language, made and checked against the last build but not yet
//! applied, and [`apply_plans`], which applies them all or none of what can fail; with the
//! checks the plans are made with (the pages that changed, the files published before, the
//! search documents that differ).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use super::splice::{Splice, Spliced};
use super::{Edited, Kept, fit_last_build, patched};
use crate::load::Sources;
use crate::model::week::WeekId;
use crate::model::{ById, ModelOptions, Page, PageId, Site, UrlPath};
use crate::output::origins::CleanPages;
use crate::output::search::documents::{SearchDocument, page_body, page_head};
use crate::output::search::kept::KeptIndex;
use crate::output::{Contents, Output, booklet_pdf, oruk, sitemap};
use crate::pipeline::{BuildOptions, Built};
use crate::render::inputs::{Generated, GeneratedRecord, PageReads};
use crate::render::{
    Downloads, GeneratedSubset, PageHtml, RenderedAgain, RenderedPage, RenderedSite, Templates,
    last_modified, render_pages,
};
use crate::site_url::language_output_prefix;

/// One language's part of an edit, made and checked but not yet applied.
pub(super) struct Plan {
    pub(super) sources: Sources,
    pub(super) site: Site,
    /// What the content pages rendered again read.
    pub(super) reads: Vec<(PageId, PageReads)>,
    /// Each group rendered again's record.
    pub(super) records: Vec<(Generated, GeneratedRecord)>,
    /// The search documents that differ.
    pub(super) documents: Vec<SearchDocument>,
    /// Files of this language's output to replace (the sitemap aside), by their own paths.
    pub(super) replaced: Vec<(String, Arc<Vec<u8>>)>,
    /// The sizes of the files pages offer for download, when a PDF was printed again.
    pub(super) downloads: Option<Downloads>,
    /// Pages rendered again.
    pub(super) rendered: usize,
    /// Pages spliced ([`super::splice`]), among `replaced`, not counted in `rendered`.
    pub(super) spliced: usize,
    /// The files of those that link where their last versions did.
    pub(super) same_links: Vec<String>,
}

/// What one language's part of the last build is checked against, in every shortcut: the edit
/// (`E`, the same in every language: what was read again) and the outputs.
pub(super) struct Language<'a, E> {
    /// What was edited, read again.
    pub(super) edit: E,
    /// This language's output (the merged one for the default language).
    pub(super) own: &'a Output,
    /// Every language's.
    pub(super) merged: &'a Output,
    /// This language's search index, as the last build left it.
    pub(super) search: Option<&'a KeptIndex>,
    pub(super) clean_pages: &'a CleanPages,
    pub(super) options: &'a BuildOptions,
}

impl<'a, E> Language<'a, E> {
    /// A splice of this language's pages from `old` to `site` (after the edit, whose sources
    /// are `sources`).
    pub(super) fn splice<'b>(
        &'b self,
        (old, site): (&'b Site, &'b Site),
        templates: &'b Templates,
        sources: &'b Sources,
    ) -> Splice<'b>
    where
        'a: 'b,
    {
        Splice {
            old,
            site,
            templates,
            sources,
            own: self.own,
            merged: self.merged,
            clean_pages: self.clean_pages,
        }
    }

    /// The options the model is updated with: the build's.
    pub(super) fn model_options(&self) -> ModelOptions {
        ModelOptions {
            drafts: self.options.drafts,
            now: self.options.now,
        }
    }

    /// [`changed_files`] against this language's output.
    pub(super) fn changed_files(
        &self,
        sources: &Sources,
        rendered: RenderedSite,
    ) -> Option<Vec<(String, Arc<Vec<u8>>)>> {
        changed_files(sources, rendered, self.own, self.merged, self.clean_pages)
    }

    /// The search documents of `pages`, whose Markdown the edit left as it was: each its head
    /// (title, topics, section...) from `site` and its body, the plain text of its Markdown,
    /// the kept index's (read again, across cores, where it holds none).
    pub(super) fn documents_keeping_bodies<'p>(
        &self,
        site: &Site,
        pages: impl IntoParallelIterator<Item = &'p Page>,
    ) -> Vec<SearchDocument> {
        let bodies: HashMap<&str, &SearchDocument> = self
            .search
            .map(|index| index.documents().iter().map(|d| (d.url.as_str(), d)))
            .into_iter()
            .flatten()
            .collect();
        pages
            .into_par_iter()
            .filter_map(|page| {
                let mut document = page_head(site, page)?;
                document.body = match bodies.get(document.url.as_str()) {
                    Some(kept) if kept.kind == document.kind => kept.body.clone(),
                    _ => page_body(site, page),
                };
                Some(document)
            })
            .collect()
    }

    /// [`published_before`] in this language's output.
    pub(super) fn published_before(&self, replaced: &[(String, Arc<Vec<u8>>)]) -> bool {
        published_before(replaced, self.own)
    }
}

/// Files of a language's output to replace, by their own paths.
pub(super) type Files = Vec<(String, Arc<Vec<u8>>)>;

/// Prints the directory again into `replaced`, recording each PDF's size in `downloads` (the
/// pages show it); `None` if one fails to print (the whole pipeline then reports it).
fn print_directory_again(
    site: &Site,
    downloads: &mut Downloads,
    replaced: &mut Files,
) -> Option<()> {
    for printed in booklet_pdf::print_directory(site) {
        let printed = printed.ok()?;
        downloads.insert(&printed.path, printed.bytes.len());
        replaced.push((printed.path, Arc::new(printed.bytes)));
    }
    Some(())
}

/// What `splice` leaves to render (it runs first) and the groups `groups`, rendered as
/// [`render_pages`] renders them, with the printed directory's PDFs printed again when `print`
/// (into `downloads` and `replaced`): beside the pages, for only the directory's pages show a
/// PDF's size (`downloads`); they are rendered once the PDFs are printed, the other pages with
/// the sizes as they were.
pub(super) fn render_beside_pdfs(
    site: &Site,
    templates: &Templates,
    splice: impl FnOnce() -> Spliced + Send,
    (groups, subset): (&[Generated], GeneratedSubset),
    print: bool,
    (downloads, replaced): (&mut Downloads, &mut Files),
) -> Option<(Spliced, RenderedAgain)> {
    let shows_sizes = |group: &&Generated| **group == Generated::Directory;
    let (after, before): (Vec<Generated>, Vec<Generated>) =
        groups.iter().partition(|group| print && shows_sizes(group));
    let sizes = downloads.clone();
    let (printed, rendered) = rayon::join(
        || match print {
            true => print_directory_again(site, downloads, replaced),
            false => Some(()),
        },
        || {
            let spliced = splice();
            let rendered = render_pages(
                site,
                templates,
                &spliced.rest,
                &before,
                subset,
                &sizes,
                None,
            );
            (spliced, rendered)
        },
    );
    printed?;
    let (spliced, rendered) = rendered;
    let (mut rendered, mut reads, mut records) = rendered.ok()?;
    if !after.is_empty() {
        let (more, more_reads, more_records) =
            render_pages(site, templates, &[], &after, subset, downloads, None).ok()?;
        rendered.pages.extend(more.pages);
        rendered.pages.sort_by(|a, b| a.url.cmp(&b.url));
        rendered.site_links.extend(more.site_links);
        reads.extend(more_reads);
        records.extend(more_records);
    }
    Some((spliced, (rendered, reads, records)))
}

/// Makes the Open Referral UK export again into `replaced`: it is published once, in the
/// default language (nothing in a translation).
pub(super) fn oruk_export_again(site: &Site, replaced: &mut Files) {
    if site.config.is_translation() {
        return;
    }
    for export in oruk::render_oruk_export(site) {
        replaced.push((export.path, Arc::new(export.text.into_bytes())));
    }
}

/// How a group's record made again fits the last build's.
pub(super) enum Fit {
    /// It does not: the whole pipeline runs.
    Not,
    /// It is the whole group's, as it stands.
    Whole,
    /// It is part of the group's (some topics', some weeks'): the last build's pages (the same
    /// pages with the same dates, what the sitemap shows of them), templates and reads are
    /// kept beside it (the pages not rendered again still need theirs: a later template edit
    /// must find them, and a later edit of a page they read must render them again).
    Part,
}

/// Checks each group's record made again against the last build's with `fit`, completing
/// those made in part; `None` if one does not fit or the last build has no record of it.
pub(super) fn fit_records(
    records: &mut [(Generated, GeneratedRecord)],
    last: &BTreeMap<Generated, GeneratedRecord>,
    fit: impl Fn(Generated, &GeneratedRecord, &GeneratedRecord) -> Fit,
) -> Option<()> {
    for (group, record) in records.iter_mut() {
        let before = last.get(group)?;
        match fit(*group, record, before) {
            Fit::Not => return None,
            Fit::Whole => {}
            Fit::Part => {
                record.pages = before.pages.clone();
                record.templates.extend(before.templates.iter().cloned());
                record.reads.extend(&before.reads);
            }
        }
    }
    Some(())
}

/// Whether a group's record made for some of its pages has only pages (with their dates) the
/// last build's had.
pub(super) fn pages_among(record: &GeneratedRecord, before: &GeneratedRecord) -> bool {
    record.pages.iter().all(|page| before.pages.contains(page))
}

/// Whether the programme's record made for the weeks `weeks` of `site` only (every page but
/// the other weeks' own) has the pages (with their dates) the last build's had, but those of
/// the other weeks, which are the last build's.
pub(super) fn programme_among(
    site: &Site,
    weeks: &BTreeSet<WeekId>,
    record: &GeneratedRecord,
    before: &GeneratedRecord,
) -> bool {
    let kept_weeks: Vec<String> = site
        .weeks
        .with_ids()
        .filter(|(id, _)| !weeks.contains(id))
        .map(|(_, week)| week.url.to_string())
        .collect();
    let of_kept_week = |url: &UrlPath| {
        kept_weeks
            .iter()
            .any(|w| url.as_str().starts_with(w.as_str()))
    };
    let made: BTreeSet<_> = record.pages.iter().collect();
    let expected: BTreeSet<_> = before
        .pages
        .iter()
        .filter(|(url, _)| !of_kept_week(url))
        .collect();
    made == expected
}

/// Each language's plan for `edit`, the default language's first: `None` as soon as one
/// language's is (the whole pipeline then runs; the other languages' plans are made all the
/// same, side by side, and dropped). The languages are planned side by side: a plan reads the
/// last build and writes only to memos whose entries are right whoever writes them first (the
/// render cache, where pieces are, the clean pages), so each is what it would be alone, and
/// most of a plan (the model updated, the groups of pages made from it) runs on one core.
pub(super) fn plan_languages<E: Copy + Send + Sync>(
    kept: &Kept,
    edit: E,
    clean_pages: &CleanPages,
    options: &BuildOptions,
    plan: impl Fn(&Language<'_, E>, &Built) -> Option<Plan> + Sync,
) -> Option<Vec<Plan>> {
    let merged = Arc::clone(&kept.output);
    let parts: Vec<(usize, (&Built, &Output))> = kept.parts(&merged).enumerate().collect();
    parts
        .into_par_iter()
        .map(|(index, (part, own))| {
            let language = Language {
                edit,
                own,
                merged: &merged,
                search: kept.search_of(index, part),
                clean_pages,
                options,
            };
            plan(&language, part)
        })
        .collect()
}

/// Whether the sitemap is made again after the plans are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sitemap {
    /// The last build's: no page's address or date changed.
    Kept,
    /// Every language's made again from its model and groups' records, and put together.
    Again,
}

/// Applies each language's plan to `kept` (the default language's first), and returns the
/// output: `None` if a search document has no place in its language's index (on a site in
/// several languages one language's index may be updated already then: the whole pipeline
/// updates it as it would any index).
pub(super) fn apply_plans(
    kept: &mut Kept,
    plans: Vec<Plan>,
    sitemap: Sitemap,
    options: &BuildOptions,
) -> Option<Edited> {
    let merged = Arc::clone(&kept.output);
    let tags = kept.built.sources.config.languages.clone();
    let pages = plans.iter().map(|p| p.rendered).sum();
    let spliced = plans.iter().map(|p| p.spliced).sum();
    let mut same_links = BTreeSet::new();
    let mut replaced = Vec::new();
    let mut searches = Vec::new();
    let mut replaced_models = Vec::new();
    for (index, plan) in plans.into_iter().enumerate() {
        let folder = match index {
            0 => String::new(),
            _ => language_output_prefix(&tags[index]),
        };
        let part = match index {
            0 => &mut kept.built,
            _ => &mut kept.built.others[index - 1],
        };
        let search = match index {
            0 => &mut kept.search,
            _ => part.search.as_mut()?,
        };
        if !search.replace_many(plan.documents) {
            return None;
        }
        let files = search.lay_out();
        for (id, reads) in plan.reads {
            part.inputs.set(id, reads);
        }
        for (group, record) in plan.records {
            part.inputs.set_generated(group, record);
        }
        if let Some(downloads) = plan.downloads {
            part.downloads = downloads;
        }
        replaced_models.push((
            std::mem::replace(&mut part.sources, plan.sources),
            std::mem::replace(&mut part.site, plan.site),
        ));
        if index > 0 {
            let mut own = plan.replaced.clone();
            if sitemap == Sitemap::Again {
                let made = language_sitemap(&part.site, part.inputs.generated());
                own.push((sitemap::SITEMAP.to_owned(), Arc::new(made.into_bytes())));
            }
            part.output = patched(&part.output, own, vec![(String::new(), files.clone())]);
        }
        for (path, bytes) in plan.replaced {
            replaced.push((format!("{folder}{path}"), bytes));
        }
        same_links.extend(plan.same_links.iter().map(|path| format!("{folder}{path}")));
        searches.push((folder, files));
    }
    if sitemap == Sitemap::Again {
        replaced.push((sitemap::SITEMAP.to_owned(), merged_sitemap(kept)));
    }
    // The warnings read where pages link: a spliced page links where it did.
    let replaced_paths: Vec<String> = replaced
        .iter()
        .map(|(path, _)| path)
        .filter(|path| !same_links.contains(*path))
        .cloned()
        .collect();
    let output = Arc::new(patched(&merged, replaced, searches));
    kept.output = Arc::clone(&output);
    kept.built.warnings =
        super::warnings_again(&kept.built, &merged, &output, &replaced_paths, options.now);
    // The last models are large: freed beside the server rather than before it is told.
    std::thread::spawn(move || drop(replaced_models));
    Some(Edited {
        output,
        pages,
        spliced,
    })
}

/// The site's sitemap: the default language's made again, with every other language's as its
/// output has it (made again already by [`apply_plans`]).
fn merged_sitemap(kept: &Kept) -> Arc<Vec<u8>> {
    let default = language_sitemap(&kept.built.site, kept.built.inputs.generated());
    let mut sitemaps = vec![Arc::new(default.into_bytes())];
    for other in &kept.built.others {
        if let Some(Contents::Bytes(bytes)) =
            other.output.get(sitemap::SITEMAP).map(|f| &f.contents)
        {
            sitemaps.push(Arc::clone(bytes));
        }
    }
    match sitemaps.as_slice() {
        [one] => Arc::clone(one),
        several => Arc::new(sitemap::merge(several)),
    }
}

/// A language's sitemap from its model and its groups' records.
fn language_sitemap(site: &Site, generated: &BTreeMap<Generated, GeneratedRecord>) -> String {
    let every_page = every_page(site, generated);
    sitemap::render_sitemap(&site.config, &site.languages, &every_page)
}

/// Every page of the site for the sitemap, in URL order: its address and date (all the
/// sitemap reads of a page), content pages from the model, generated ones from their groups'
/// records.
fn every_page(site: &Site, generated: &BTreeMap<Generated, GeneratedRecord>) -> Vec<RenderedPage> {
    let content = site.pages.iter().map(|page| RenderedPage {
        url: page.url.clone(),
        html: PageHtml::default(),
        source: PathBuf::new(),
        last_modified: last_modified(page),
    });
    let made = generated.values().flat_map(|group| {
        group.pages.iter().map(|(url, date)| RenderedPage {
            url: url.clone(),
            html: PageHtml::default(),
            source: PathBuf::new(),
            last_modified: *date,
        })
    });
    let mut pages: Vec<RenderedPage> = content.chain(made).collect();
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    pages
}

/// The pages of `pages` that differ from their last version in `own`: only those need
/// checking and replacing (a page the last build published as it is now was checked then, and
/// the shortcuts publish the same files, so its links lead where they did).
pub(super) fn changed_pages(pages: Vec<RenderedPage>, own: &Output) -> Vec<RenderedPage> {
    pages
        .into_iter()
        .filter(|page| {
            !matches!(
                own.get(&page.url.output_file()).map(|f| &f.contents),
                Some(Contents::Bytes(bytes)) if bytes.as_slice() == page.html.in_memory().as_bytes()
            )
        })
        .collect()
}

/// Whether every file of `replaced` is one the last build published in `own` (a file coming
/// or going is left to the whole pipeline).
pub(super) fn published_before(replaced: &[(String, Arc<Vec<u8>>)], own: &Output) -> bool {
    replaced.iter().all(|(path, _)| own.get(path).is_some())
}

/// The documents of `after` that differ from their places in `before` (the same items in the
/// same order: nothing came or went).
pub(super) fn changed_documents(
    before: Vec<SearchDocument>,
    after: Vec<SearchDocument>,
) -> Vec<SearchDocument> {
    before
        .into_iter()
        .zip(after)
        .filter(|(before, after)| before != after)
        .map(|(_, after)| after)
        .collect()
}

/// The pages of `rendered` that came out different from their last versions in `own`,
/// checked as a build checks them ([`fit_last_build`]), as files to replace; `None` when one
/// does not fit (the whole pipeline then reports it).
pub(super) fn changed_files(
    sources: &Sources,
    rendered: RenderedSite,
    own: &Output,
    merged: &Output,
    clean_pages: &CleanPages,
) -> Option<Vec<(String, Arc<Vec<u8>>)>> {
    let pages = changed_pages(rendered.pages, own);
    if !fit_last_build(
        sources,
        &pages,
        &rendered.site_links,
        own,
        merged,
        clean_pages,
    ) {
        return None;
    }
    Some(
        pages
            .into_iter()
            .map(|page| (page.url.output_file(), Arc::new(page.html.into_bytes())))
            .collect(),
    )
}
