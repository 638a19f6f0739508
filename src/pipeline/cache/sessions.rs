//! The fourth shortcut: an edit to the practice weeks (a session's fields, its description file,
//! a week's `week.toml`) where no week or session comes, goes or moves. The weeks under
//! `sessions/` are read again (they are few files), and in each language the kept model is
//! updated with them ([`update_sessions`]: weeks, sessions, their related lists and the
//! booklets made again, every page, topic and service the kept model's). Then only what an
//! edit can change is made again:
//!
//! - the programme's pages of the weeks it can change ([`weeks_to_render`]: the edited weeks,
//!   and those with another date of an edited session, which a full session's page offers);
//! - the home page only when what it shows of the weeks differs ([`home::weeks_shown`]: its
//!   route into the featured week, the sessions on now and coming up);
//! - the topic index (its counts), and the pages of only the topics an edited session has or
//!   had;
//! - the calendars, the 'my sessions' data, the PDF booklets of edited weeks, and the search
//!   documents of sessions that differ.
//!
//! Every other file is the last build's: no other page, feed or export reads a session (but
//! the practitioners' guide, which shows the latest week's feedback address when the site gives
//! none: a change to that address runs the whole pipeline), and the sitemap is the same while
//! the programme's pages and their dates are (checked: anything else runs the whole pipeline,
//! which reports as a build does).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use super::plans::{
    Fit, Language, Plan, Sitemap, apply_plans, changed_documents, fit_records, pages_among,
    plan_languages, programme_among,
};
use super::{Changes, Edited, Kept};
use crate::diag::Diagnostics;
use crate::load::load_weeks;
use crate::load::sessions::{SessionSource, WeekSource};
use crate::model::session::Session;
use crate::model::week::WeekId;
use crate::model::{PageId, PageKind, Site, TopicId, update_sessions};
use crate::output::origins::CleanPages;
use crate::output::search::documents::documents_from_sessions;
use crate::output::{booklet_pdf, calendar, my_sessions};
use crate::pipeline::{BuildOptions, Built};
use crate::render::directory::guide::feedback_url;
use crate::render::inputs::Generated;
use crate::render::{GeneratedSubset, ProgrammeWeeks, TopicPages, home, render_pages};

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
    if touched.weeks.is_empty() {
        return Some(Edited::nothing(kept));
    }
    let edit = SessionEdit {
        weeks: &weeks,
        touched: &touched,
    };
    let plans = plan_languages(kept, edit, clean_pages, options, |language, part| {
        language.plan(part)
    })?;
    apply_plans(kept, plans, Sitemap::Kept, options)
}

/// What an edit to the weeks changed: the weeks with a changed file, and the sessions whose
/// own files (or whose week's `week.toml`) changed.
struct Touched {
    /// Indexes of the weeks.
    weeks: BTreeSet<usize>,
    /// The sessions' TOML files.
    sessions: BTreeSet<PathBuf>,
}

/// What differs between `old` and `new`; `None` when a week or a session (or its description
/// file) was added, removed or renamed.
fn edited_weeks(old: &[WeekSource], new: &[WeekSource]) -> Option<Touched> {
    if old.len() != new.len() {
        return None;
    }
    let mut touched = Touched {
        weeks: BTreeSet::new(),
        sessions: BTreeSet::new(),
    };
    for (index, (a, b)) in old.iter().zip(new).enumerate() {
        let same_files = a.name == b.name
            && a.sessions.len() == b.sessions.len()
            && a.sessions.iter().zip(&b.sessions).all(|(x, y)| {
                x.name == y.name
                    && x.file.path == y.file.path
                    && x.description_file.as_ref().map(|f| &f.path)
                        == y.description_file.as_ref().map(|f| &f.path)
            });
        if !same_files {
            return None;
        }
        let week_changed = a.file.text != b.file.text;
        fn text(s: &SessionSource) -> (&str, Option<&str>) {
            (
                &s.file.text,
                s.description_file.as_ref().map(|f| f.text.as_str()),
            )
        }
        for (x, y) in a.sessions.iter().zip(&b.sessions) {
            if week_changed || text(x) != text(y) {
                touched.sessions.insert(y.file.path.clone());
            }
        }
        // The one definition of an edited week, which the model's kept booklets use too.
        if !a.same_files(b) {
            touched.weeks.insert(index);
        }
    }
    Some(touched)
}

/// The edit: the weeks read again.
#[derive(Clone, Copy)]
struct SessionEdit<'a> {
    /// The weeks as they are on disk now.
    weeks: &'a [WeekSource],
    /// The weeks and sessions whose files changed.
    touched: &'a Touched,
}

impl Language<'_, SessionEdit<'_>> {
    /// This language's model with the new weeks, what reads them made again and checked as a
    /// build checks it.
    fn plan(&self, part: &Built) -> Option<Plan> {
        let mut sources = part.sources.clone();
        sources.weeks = self.edit.weeks.to_vec();
        let model = self.model_options();
        let old = &part.site;
        let site = update_sessions(old, &part.sources, &sources, &model)?;
        // The practitioners' guide (a directory page) asks for feedback at the latest week's
        // address when the site gives none: a change to it is left to the whole pipeline.
        if feedback_url(old) != feedback_url(&site) {
            return None;
        }
        let edited =
            |week: crate::model::week::WeekId| self.edit.touched.weeks.contains(&week.index());
        // A topic's page lists the sessions with its topic (each a card of its own fields and
        // its week's): only the pages of the topics an edited session has or had are made again
        // (the index, with its counts, is made every time).
        let topics: BTreeSet<TopicId> = old
            .sessions
            .iter()
            .zip(&site.sessions)
            .filter(|(session, _)| self.edit.touched.sessions.contains(&session.source))
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
        // The home page shows the sessions on now and coming up and the featured week; no
        // other content page reads a week or a session. Rendered again only when what it shows
        // of them differs.
        let home_changed = home::weeks_shown(old) != home::weeks_shown(&site);
        let homes: Vec<PageId> = site
            .pages
            .iter()
            .enumerate()
            .filter(|(_, page)| home_changed && page.kind == PageKind::Home)
            .map(|(id, _)| PageId::new(id))
            .collect();
        let weeks = weeks_to_render(old, &site, self.edit.touched);
        let subset = GeneratedSubset {
            topics: TopicPages::Only(&topics),
            weeks: ProgrammeWeeks::Only(&weeks),
        };
        let (rendered, reads, mut records) = render_pages(
            &site,
            &part.templates,
            &homes,
            &[Generated::Programme, Generated::Topics],
            subset,
            &downloads,
            None,
        )
        .ok()?;
        // The same pages with the same dates (what the sitemap shows of them): the topics'
        // made again among the last build's; the programme's, those of the weeks not made
        // again set aside, the last build's.
        let last = part.inputs.generated();
        fit_records(&mut records, last, |group, record, before| {
            let fits = match group {
                Generated::Topics => pages_among(record, before),
                _ => programme_among(&site, &weeks, record, before),
            };
            match fits {
                true => Fit::Part,
                false => Fit::Not,
            }
        })?;
        let count = rendered.pages.len();
        replaced.extend(self.changed_files(&sources, rendered)?);
        for file in calendar::render_calendars(&site, ProgrammeWeeks::Only(&weeks)) {
            replaced.push((file.path, Arc::new(file.text.into_bytes())));
        }
        for file in my_sessions::render_events_files(&site, ProgrammeWeeks::Only(&weeks)).ok()? {
            replaced.push((file.path, Arc::new(file.text.into_bytes())));
        }
        // Every file is one the last build published.
        if !self.published_before(&replaced) {
            return None;
        }
        let documents =
            changed_documents(documents_from_sessions(old), documents_from_sessions(&site));
        Some(Plan {
            rendered: count,
            spliced: 0,
            same_links: Vec::new(),
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

/// The weeks whose own pages an edit to the sessions of `touched` can change: the edited
/// weeks, and those with a session that is another date of an edited session before or after
/// ([`Session::is_other_date_of`]: a full session's page offers them, in any week). No other
/// page of a week reads another week's sessions.
fn weeks_to_render(old: &Site, new: &Site, touched: &Touched) -> BTreeSet<WeekId> {
    let edited: Vec<&Session> = [old, new]
        .iter()
        .flat_map(|site| site.sessions.iter())
        .filter(|s| touched.sessions.contains(&s.source))
        .collect();
    let mut weeks: BTreeSet<WeekId> = touched.weeks.iter().map(|&i| WeekId::new(i)).collect();
    for site in [old, new] {
        weeks.extend(
            site.sessions
                .iter()
                .filter(|s| edited.iter().any(|e| e.is_other_date_of(s)))
                .map(|s| s.week),
        );
    }
    weeks
}
