//! The fourth shortcut: an edit to the practice weeks (a session's fields, its description file,
//! a week's `week.toml`) where no week or session comes, goes or moves. The weeks under
//! `sessions/` are read again (they are few files), and in each language the kept model is
//! updated with them ([`update_sessions`]: weeks, sessions, their related lists and the
//! booklets made again, every page, topic and service the kept model's). Then only what reads
//! the weeks is made again: the programme (weeks, days, sessions, filters, hosts, booklets'
//! pages), the home page (its 'coming up' list and the latest week), the topic index (its
//! counts) and the pages of the topics an edited week's sessions have or had, the calendars,
//! the 'my sessions' data, the PDF booklets of edited weeks, and the search documents of
//! sessions that differ. Every other file is the last build's: no other page, feed or export
//! reads a session (but the practitioners' guide, which shows the latest week's feedback
//! address when the site gives none: a change to that address runs the whole pipeline), and
//! the sitemap is the same while the programme's pages and their dates are (checked: anything
//! else runs the whole pipeline, which reports as a build does).

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{Changes, Edited, Kept, fit_last_build, patched};
use crate::diag::Diagnostics;
use crate::load::sessions::WeekSource;
use crate::load::{Sources, load_weeks};
use crate::model::{ModelOptions, PageId, PageKind, Site, TopicId, update_sessions};
use crate::output::origins::CleanPages;
use crate::output::search::documents::{SearchDocument, documents_from_sessions};
use crate::output::{Contents, Output, booklet_pdf, calendar, my_sessions};
use crate::pipeline::{BuildOptions, Built};
use crate::render::directory::guide::feedback_url;
use crate::render::inputs::{Generated, GeneratedRecord, PageReads};
use crate::render::{Downloads, RenderedPage, RenderedSite, TopicPages, render_pages};
use crate::site_url::language_output_prefix;

/// Applies `changes` to `kept` if they edit only files of the weeks under `sessions/` that the
/// site has, moving nothing; `None` otherwise (on a site in several languages one language's
/// search index may be updated already: the whole pipeline then updates it as it would any
/// index).
pub(super) fn apply_session_edits(
    kept: &mut Kept,
    changes: &Changes,
    clean_pages: &CleanPages,
    options: &BuildOptions,
) -> Option<Edited> {
    if changes.config
        || changes.rescan
        || changes.paths.is_empty()
        || !changes.paths.iter().all(|p| p.starts_with("sessions"))
    {
        return None;
    }
    let mut problems = Diagnostics::default();
    let weeks = load_weeks(&kept.built.sources.root, &mut problems);
    if !problems.is_empty() {
        return None;
    }
    let touched = edited_weeks(&kept.built.sources.weeks, &weeks)?;
    if touched.is_empty() {
        return Some(Edited {
            output: Arc::clone(&kept.output),
            pages: 0,
        });
    }
    let merged = Arc::clone(&kept.output);
    let mut plans = Vec::new();
    for (part, own) in kept.parts(&merged) {
        let language = Language {
            weeks: &weeks,
            touched: &touched,
            own,
            merged: &merged,
            clean_pages,
            options,
        };
        plans.push(language.plan(part)?);
    }
    apply_plans(kept, plans, options)
}

/// Applies each language's plan to `kept` (the default language's first), and returns the
/// output: `None` if a search document has no place in its language's index.
pub(super) fn apply_plans(
    kept: &mut Kept,
    plans: Vec<Plan>,
    options: &BuildOptions,
) -> Option<Edited> {
    let merged = Arc::clone(&kept.output);
    let tags = kept.built.sources.config.languages.clone();
    let pages = plans.iter().map(|p| p.rendered).sum();
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
        if index > 0 {
            part.output = patched(
                &part.output,
                plan.replaced.clone(),
                vec![(String::new(), files.clone())],
            );
        }
        for (path, bytes) in plan.replaced {
            replaced.push((format!("{folder}{path}"), bytes));
        }
        searches.push((folder, files));
        for (id, reads) in plan.reads {
            part.inputs.set(id, reads);
        }
        for (group, record) in plan.records {
            part.inputs.set_generated(group, record);
        }
        part.downloads = plan.downloads;
        replaced_models.push((
            std::mem::replace(&mut part.sources, plan.sources),
            std::mem::replace(&mut part.site, plan.site),
        ));
    }
    let replaced_paths: Vec<String> = replaced.iter().map(|(path, _)| path.clone()).collect();
    let output = Arc::new(patched(&merged, replaced, searches));
    kept.output = Arc::clone(&output);
    kept.built.warnings =
        super::warnings_again(&kept.built, &merged, &output, &replaced_paths, options.now);
    // The last models are large: freed beside the server rather than before it is told.
    std::thread::spawn(move || drop(replaced_models));
    Some(Edited { output, pages })
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

/// The indexes of the weeks of `new` whose files differ from `old`'s; `None` when a week or
/// a session (or its description file) was added, removed or renamed.
fn edited_weeks(old: &[WeekSource], new: &[WeekSource]) -> Option<BTreeSet<usize>> {
    if old.len() != new.len() {
        return None;
    }
    let mut touched = BTreeSet::new();
    for (index, (a, b)) in old.iter().zip(new).enumerate() {
        let same_files = a.name == b.name
            && a.sessions.len() == b.sessions.len()
            && a.sessions.iter().zip(&b.sessions).all(|(x, y)| {
                x.name == y.name
                    && x.description_file.as_ref().map(|f| &f.path)
                        == y.description_file.as_ref().map(|f| &f.path)
            });
        if !same_files {
            return None;
        }
        let text = |week: &WeekSource| -> Vec<String> {
            std::iter::once(week.file.text.clone())
                .chain(week.sessions.iter().flat_map(|s| {
                    std::iter::once(s.file.text.clone())
                        .chain(s.description_file.iter().map(|f| f.text.clone()))
                }))
                .collect()
        };
        if text(a) != text(b) {
            touched.insert(index);
        }
    }
    Some(touched)
}

/// What one language's part of the last build is checked against.
struct Language<'a> {
    /// The weeks as they are on disk now.
    weeks: &'a [WeekSource],
    /// The indexes of the weeks whose files changed.
    touched: &'a BTreeSet<usize>,
    /// This language's output ([`Language::merged`] for the default language).
    own: &'a Output,
    /// Every language's.
    merged: &'a Output,
    clean_pages: &'a CleanPages,
    options: &'a BuildOptions,
}

/// One language's part of an edit, made and checked but not yet applied.
pub(super) struct Plan {
    pub(super) sources: Sources,
    pub(super) site: Site,
    /// What the pages rendered again read (the home page).
    pub(super) reads: Vec<(PageId, PageReads)>,
    /// Each group rendered again's record.
    pub(super) records: Vec<(Generated, GeneratedRecord)>,
    /// The search documents of the sessions that differ.
    pub(super) documents: Vec<SearchDocument>,
    /// Files of this language's output to replace, by their own paths.
    pub(super) replaced: Vec<(String, Arc<Vec<u8>>)>,
    /// The sizes of the files pages offer for download, with the booklets printed again.
    pub(super) downloads: Downloads,
    /// Pages rendered again.
    pub(super) rendered: usize,
}

impl Language<'_> {
    /// This language's model with the new weeks, what reads them made again and checked as a
    /// build checks it.
    fn plan(&self, part: &Built) -> Option<Plan> {
        let mut sources = part.sources.clone();
        sources.weeks = self.weeks.to_vec();
        let model = ModelOptions {
            drafts: self.options.drafts,
            now: self.options.now,
        };
        let old = &part.site;
        let site = update_sessions(old, &part.sources, &sources, &model)?;
        // The practitioners' guide (a directory page) asks for feedback at the latest week's
        // address when the site gives none: a change to it is left to the whole pipeline.
        if feedback_url(old) != feedback_url(&site) {
            return None;
        }
        let edited = |week: crate::model::week::WeekId| self.touched.contains(&week.index());
        // A topic's page lists the sessions with its topic: only the pages of the topics an
        // edited week's sessions have or had are made again (the index, with its counts, is
        // made every time).
        let topics: BTreeSet<TopicId> = old
            .sessions
            .iter()
            .zip(&site.sessions)
            .filter(|(session, _)| edited(session.week))
            .flat_map(|(a, b)| a.topics.iter().chain(&b.topics))
            .copied()
            .collect();
        // The booklets of edited weeks, printed again first: the pages show their sizes.
        let mut downloads = part.downloads.clone();
        let mut replaced: Vec<(String, Arc<Vec<u8>>)> = Vec::new();
        for booklet in site.booklets.iter().filter(|b| edited(b.week)) {
            let printed = booklet_pdf::print_booklet(&site, booklet).ok()?;
            downloads.insert(&printed.path, printed.bytes.len());
            replaced.push((printed.path, Arc::new(printed.bytes)));
        }
        // The home page shows the sessions coming up and the latest week; no other content
        // page reads a week or a session.
        let homes: Vec<PageId> = site
            .pages
            .iter()
            .enumerate()
            .filter(|(_, page)| page.kind == PageKind::Home)
            .map(|(id, _)| PageId::new(id))
            .collect();
        let (rendered, reads, mut records) = render_pages(
            &site,
            &part.templates,
            &homes,
            &[Generated::Programme, Generated::Topics],
            TopicPages::Only(&topics),
            &downloads,
            None,
        )
        .ok()?;
        // The same pages with the same dates (what the sitemap shows of them): the programme's
        // all of them, the topics' those made again (the others are the last build's).
        let last = part.inputs.generated();
        for (group, record) in records.iter_mut() {
            let before = last.get(group)?;
            match group {
                Generated::Topics => {
                    if !record.pages.iter().all(|page| before.pages.contains(page)) {
                        return None;
                    }
                    record.pages = before.pages.clone();
                    record.templates.extend(before.templates.iter().cloned());
                }
                _ if record.pages != before.pages => return None,
                _ => {}
            }
        }
        let count = rendered.pages.len();
        replaced.extend(changed_files(
            &sources,
            rendered,
            self.own,
            self.merged,
            self.clean_pages,
        )?);
        for file in calendar::render_calendars(&site) {
            replaced.push((file.path, Arc::new(file.text.into_bytes())));
        }
        for file in my_sessions::render_events_files(&site).ok()? {
            replaced.push((file.path, Arc::new(file.text.into_bytes())));
        }
        // Every file is one the last build published.
        if !published_before(&replaced, self.own) {
            return None;
        }
        let documents =
            changed_documents(documents_from_sessions(old), documents_from_sessions(&site));
        Some(Plan {
            rendered: count,
            sources,
            site,
            reads,
            records,
            documents,
            replaced,
            downloads,
        })
    }
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
