//! The fifth shortcut: an edit to services of the directory (`content/directory/*.toml`) where
//! no service comes, goes or moves. The edited files are read again, and in each language the
//! kept model is updated with them ([`update_services`]: services, every related list and the
//! printed directory made again). Then only what reads a service is made again: the
//! directory's pages, the content pages that list an edited service as related (or whose
//! related lists changed: a plain page's new cards are spliced into the kept page,
//! [`super::cards`]) and the home page (its route into the directory), the pages of sessions
//! that list an edited service (their new cards spliced in: [`super::cards`]; the programme's
//! pages of a week made again only for a session that cannot be), the printed directory's
//! PDFs (printed beside the pages: [`super::plans::render_beside_pdfs`]), the Open Referral
//! UK export and the
//! search documents of services that differ. Anything else runs the whole pipeline, which
//! reports as a build does.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use super::plans::{
    Fit, Language, Plan, Sitemap, apply_plans, changed_documents, fit_records, oruk_export_again,
    plan_languages, programme_among, render_beside_pdfs,
};
use super::{Changes, Edited, Kept};
use crate::check::directory::directory_warnings;
use crate::load::read_source;
use crate::model::service::is_service_file;
use crate::model::week::WeekId;
use crate::model::{PageId, PageKind, Service, update_services};
use crate::output::origins::CleanPages;
use crate::output::search::documents::documents_from_services;
use crate::pipeline::{BuildOptions, Built};
use crate::render::inputs::Generated;
use crate::render::{GeneratedSubset, ProgrammeWeeks, TopicPages};

/// Applies `changes` to `kept` if they edit only service files the site has, moving nothing;
/// `None` otherwise (see [`super::sessions::apply_session_edits`] for what may be left half
/// updated then).
pub(super) fn apply_service_edits(
    kept: &mut Kept,
    changes: &Changes,
    clean_pages: &CleanPages,
    options: &BuildOptions,
) -> Option<Edited> {
    if changes.config || changes.rescan || changes.paths.is_empty() {
        return None;
    }
    let sources = &kept.built.sources;
    let mut files = Vec::new();
    for path in &changes.paths {
        let at = sources
            .data_files
            .iter()
            .position(|f| f.path == *path && is_service_file(f))?;
        let file = read_source(&sources.root, &sources.root.join(path)).ok()?;
        if file.text != sources.data_files[at].text {
            files.push((at, file));
        }
    }
    if files.is_empty() {
        return Some(Edited::nothing(kept));
    }
    let edited: BTreeSet<PathBuf> = files.iter().map(|(_, f)| f.path.clone()).collect();
    let edit = ServiceEdit {
        files: &files,
        edited: &edited,
    };
    let plans = plan_languages(kept, edit, clean_pages, options, |language, part| {
        language.plan(part)
    })?;
    apply_plans(kept, plans, Sitemap::Kept, options)
}

/// The edit: the service files read again.
#[derive(Clone, Copy)]
struct ServiceEdit<'a> {
    /// The edited files, read again, with their places among the data files.
    files: &'a [(usize, crate::diag::SourceFile)],
    /// Their paths.
    edited: &'a BTreeSet<PathBuf>,
}

impl Language<'_, ServiceEdit<'_>> {
    /// This language's model with the edited services, what reads them made again and checked
    /// as a build checks it.
    fn plan(&self, part: &Built) -> Option<Plan> {
        let mut sources = part.sources.clone();
        for (at, file) in self.edit.files {
            sources.data_files[*at] = file.clone();
        }
        let model = self.model_options();
        let old = &part.site;
        let site = update_services(old, &sources, &model)?;
        if old.printed_directory.is_some() != site.printed_directory.is_some() {
            return None;
        }
        // The warnings a build gives of services (not reviewed, no contact details) are the
        // same, or the whole pipeline tells.
        let config = &site.config;
        let today = config.time_zone.to_datetime(self.options.now).date();
        let stale = config.directory.stale_after_months;
        let warnings =
            |services: &[Service]| directory_warnings(services, today, stale, &HashSet::new());
        if warnings(&old.services) != warnings(&site.services) {
            return None;
        }
        let changed: BTreeSet<usize> = site
            .services
            .iter()
            .enumerate()
            .filter(|(_, s)| self.edit.edited.contains(&s.path))
            .map(|(index, _)| index)
            .collect();
        let lists_edited = |services: &[crate::model::service::ServiceIndex]| {
            services.iter().any(|s| changed.contains(&s.index()))
        };
        // The content pages that show an edited service (as related), whose related lists
        // changed, and the home page.
        let ids: Vec<PageId> = old
            .pages
            .iter()
            .zip(site.pages.iter())
            .enumerate()
            .filter(|(_, (a, b))| {
                b.kind == PageKind::Home
                    || a.related_lists != b.related_lists
                    || lists_edited(&b.related_lists.services)
            })
            .map(|(id, _)| PageId::new(id))
            .collect();
        // The sessions that list an edited service or whose lists changed: only a session's
        // own page shows its related services (no page of a week reads another week's
        // sessions' lists), as cards, spliced into the kept page where they can be; the
        // programme's pages of the weeks of the others are made again.
        let sessions: Vec<usize> = old
            .sessions
            .iter()
            .zip(&site.sessions)
            .enumerate()
            .filter(|(_, (a, b))| {
                a.related_lists != b.related_lists || lists_edited(&b.related_lists.services)
            })
            .map(|(at, _)| at)
            .collect();
        let splice = self.splice((old, &site), &part.templates, &sources);
        let sessions = splice.session_cards(sessions);
        let weeks: BTreeSet<WeekId> = sessions
            .rest
            .iter()
            .map(|&at| site.sessions[at].week)
            .collect();
        let mut groups = vec![Generated::Directory];
        if !weeks.is_empty() {
            groups.push(Generated::Programme);
        }
        let mut downloads = part.downloads.clone();
        let mut replaced: Vec<(String, Arc<Vec<u8>>)> = Vec::new();
        // A plain page shows a service only in its related list: the new cards are spliced
        // into the kept page.
        let no_topics = BTreeSet::new();
        let subset = GeneratedSubset {
            topics: TopicPages::Only(&no_topics),
            weeks: ProgrammeWeeks::Only(&weeks),
        };
        let (spliced, (rendered, reads, mut records)) = render_beside_pdfs(
            &site,
            &part.templates,
            || splice.related_services(ids),
            (&groups, subset),
            true,
            (&mut downloads, &mut replaced),
        )?;
        // The same pages with the same dates (what the sitemap shows of them): the
        // programme's, those of the weeks not made again set aside, the last build's.
        let last = part.inputs.generated();
        fit_records(&mut records, last, |group, record, before| match group {
            Generated::Programme if programme_among(&site, &weeks, record, before) => Fit::Part,
            Generated::Programme => Fit::Not,
            _ if record.pages == before.pages => Fit::Whole,
            _ => Fit::Not,
        })?;
        let spliced = spliced.join(sessions.spliced);
        let count = rendered.pages.len();
        let spliced_count = spliced.files.len();
        replaced.extend(self.changed_files(&sources, rendered)?);
        // Spliced pages are checked as they are spliced.
        replaced.extend(spliced.files);
        oruk_export_again(&site, &mut replaced);
        if !self.published_before(&replaced) {
            return None;
        }
        let documents =
            changed_documents(documents_from_services(old), documents_from_services(&site));
        Some(Plan {
            rendered: count,
            spliced: spliced_count,
            same_links: spliced.same_links,
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
