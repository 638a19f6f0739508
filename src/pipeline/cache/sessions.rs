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

use super::plans::{
    Plan, Sitemap, apply_plans, changed_documents, changed_files, published_before,
};
use super::{Changes, Edited, Kept};
use crate::diag::Diagnostics;
use crate::load::load_weeks;
use crate::load::sessions::WeekSource;
use crate::model::{ModelOptions, PageId, PageKind, TopicId, update_sessions};
use crate::output::origins::CleanPages;
use crate::output::search::documents::documents_from_sessions;
use crate::output::{Output, booklet_pdf, calendar, my_sessions};
use crate::pipeline::{BuildOptions, Built};
use crate::render::directory::guide::feedback_url;
use crate::render::inputs::Generated;
use crate::render::{TopicPages, render_pages};

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
    apply_plans(kept, plans, Sitemap::Kept, options)
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
            downloads: Some(downloads),
        })
    }
}
