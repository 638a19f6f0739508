//! The model made again after an edit to the practice weeks alone, to the directory's
//! services alone, or to the topics' names and descriptions alone (`serve`'s data shortcuts). After a session edit: the weeks and sessions are built again from their sources, their relations
//! resolved and their related lists (theirs alone) chosen again, the booklets of weeks with an
//! edited file made again; the pages, topics,
//! services, resources and the printed directory are the kept model's, since none of them reads
//! a session (a session is never a candidate for another item's related lists).

use std::collections::BTreeSet;

use crate::diag::Diagnostics;
use crate::load::Sources;
use crate::model::TopicId;
use crate::model::address::Addresses;
use crate::model::id::ById;
use crate::model::topic::{Topic, Topics};
use crate::model::week::WeekId;
use crate::model::{
    ModelOptions, Remade, Site, booklet, host, material_checks, printed_directory, related,
    relations, service, translation, week,
};

/// The model of `sources` made from `old`, the model of `old_sources`, when the two differ only
/// in `sessions/` (a session's fields, a week's), with the weeks' warnings: `None` when a week
/// or session is added, removed or moved (another address, week or file), a session's
/// sensitivity changes (every page's safety exit may read it), the weeks' warnings change (the
/// build's list would), or anything has a problem (a session's materials too): then the whole pipeline tells (and reports)
/// what changed.
pub fn update_sessions(
    old: &Site,
    old_sources: &Sources,
    sources: &Sources,
    options: &ModelOptions,
) -> Option<Site> {
    if options.now != old.now || !sources.problems.is_empty() {
        return None;
    }
    let languages = translation::Languages::of(&sources.config);
    let mut problems = Diagnostics::default();
    let weeks_of = |sources: &Sources, problems: &mut Diagnostics| {
        let mut warnings = Diagnostics::default();
        let (weeks, sessions) = week::build_weeks(
            &sources.weeks,
            &sources.config,
            &languages,
            &old.topics,
            problems,
            &mut warnings,
        );
        (weeks, sessions, warnings.sorted())
    };
    let (weeks, mut sessions, warnings) = weeks_of(sources, &mut problems);
    let (_, _, old_warnings) = weeks_of(old_sources, &mut Diagnostics::default());
    // Hosts' pages claim addresses: their names must still make good ones.
    host::claim_hosts(&sources.weeks, &mut Addresses::default(), &mut problems);
    if !problems.is_empty() || warnings != old_warnings {
        return None;
    }
    let same_weeks = weeks.len() == old.weeks.len()
        && weeks.iter().zip(&old.weeks).all(|(a, b)| {
            a.slug == b.slug
                && a.url == b.url
                && a.source == b.source
                && a.booklet_published == b.booklet_published
        });
    let same_sessions = sessions.len() == old.sessions.len()
        && sessions.iter().zip(&old.sessions).all(|(a, b)| {
            a.week == b.week
                && a.slug == b.slug
                && a.url == b.url
                && a.source == b.source
                && a.sensitivity == b.sensitivity
        });
    if !same_weeks || !same_sessions {
        return None;
    }
    // A session's related lists: its relations resolved against the kept pages and services
    // (no page is resolved again: none changed), then chosen among them.
    let mut services = old.services.clone();
    relations::resolve_site_relations(
        sources,
        &mut [],
        &mut sessions,
        &mut services,
        &old.resources,
        &old.by_content_path,
        &mut problems,
    );
    if !problems.is_empty() {
        return None;
    }
    let candidates = related::Candidates {
        pages: &old.pages,
        services: &old.services,
        resources: &old.resources,
    };
    // Sessions' lists only: the pages' and services' are the kept model's (a session is never
    // a candidate for another item's list).
    let chosen = related::choose_related_for_sessions(candidates, &sessions);
    sessions
        .iter_mut()
        .zip(chosen)
        .for_each(|(session, lists)| session.related_lists = lists);
    let mut site = old.remade(
        sources,
        Remade {
            weeks: Some(weeks),
            sessions: Some(sessions),
            booklets: Some(Vec::new()),
            ..Remade::default()
        },
    );
    // The verdict's checks of sessions' materials (problems, not warnings): the whole pipeline
    // reports them.
    if !material_checks::check_materials(&site).is_empty() {
        return None;
    }
    // The booklets of weeks read from the same files are the last model's.
    let unchanged = |week: WeekId| {
        let index = week.index();
        matches!(
            (old_sources.weeks.get(index), sources.weeks.get(index)),
            (Some(a), Some(b)) if a.same_files(b)
        )
    };
    site.booklets = booklet::build_booklets_keeping(&site, &old.booklets, unchanged);
    Some(site)
}

/// The model of `sources` made from `old`, the model of `old_sources`, when the two differ only
/// in the directory's service files (`content/directory/*.toml`): the services are built again,
/// every relation resolved and every related list chosen again (services are candidates for
/// pages' lists), the printed directory chosen and made again; the pages (but their related
/// lists), weeks, sessions, booklets, topics and resources are the kept model's. `None` when a
/// service is added, removed or moved (another id, address or file), its sensitivity changes,
/// or anything has a problem.
pub fn update_services(old: &Site, sources: &Sources, options: &ModelOptions) -> Option<Site> {
    if options.now != old.now || !sources.problems.is_empty() {
        return None;
    }
    let languages = translation::Languages::of(&sources.config);
    let mut problems = Diagnostics::default();
    let mut services =
        service::build_services(&sources.data_files, &old.topics, &languages, &mut problems);
    let same_services = services.len() == old.services.len()
        && services.iter().zip(&old.services).all(|(a, b)| {
            a.id == b.id && a.url == b.url && a.path == b.path && a.sensitivity == b.sensitivity
        });
    if !problems.is_empty() || !same_services {
        return None;
    }
    let mut pages = Vec::clone(&old.pages);
    let mut sessions = old.sessions.clone();
    relations::resolve_site_relations(
        sources,
        &mut pages,
        &mut sessions,
        &mut services,
        &old.resources,
        &old.by_content_path,
        &mut problems,
    );
    let selection = printed_directory::choose(
        &sources.config.directory.print,
        &services,
        &old.resources,
        &old.topics,
        &mut problems,
    );
    if !problems.is_empty() {
        return None;
    }
    // Sessions' lists may change (a service is a candidate); their booklets show none.
    super::choose_related(&mut pages, &mut sessions, &mut services, &old.resources);
    let mut site = old.remade(
        sources,
        Remade {
            pages: Some(pages),
            sessions: Some(sessions),
            services: Some(services),
            printed_directory: Some(None),
            ..Remade::default()
        },
    );
    site.printed_directory = printed_directory::build_printed_directory(&site, &selection);
    Some(site)
}

/// The model of `sources` made from `old` when the two differ only in `content/topics.toml`,
/// and only in topics' names and descriptions (their translations too), with the topics that
/// differ: the topics are built again and the printed directory made again when it shows one
/// of them (its index lists its services' topics by name); everything else is `old`'s, since
/// pages, sessions, services and resources hold topics by their place in the list. `None` when
/// a topic is added, removed, moved or renamed (another slug), its sensitivity changes (every
/// page with it shows the safety exit by it), or anything has a problem.
pub fn update_topics(
    old: &Site,
    sources: &Sources,
    options: &ModelOptions,
) -> Option<UpdatedTopics> {
    if options.now != old.now || !sources.problems.is_empty() {
        return None;
    }
    let languages = translation::Languages::of(&sources.config);
    let mut problems = Diagnostics::default();
    let topics = Topics::build(
        Some(sources.topics.as_deref()?),
        sources.topics_file.as_ref(),
        &languages,
        &mut problems,
    );
    let same_place = |a: &Topic, b: &Topic| a.slug == b.slug && a.sensitivity == b.sensitivity;
    let in_place = topics.list.len() == old.topics.list.len()
        && topics
            .list
            .iter()
            .zip(&old.topics.list)
            .all(|(a, b)| same_place(a, b));
    if !problems.is_empty() || !in_place {
        return None;
    }
    let shown = |a: &Topic, b: &Topic| {
        let Topic {
            slug: _,
            name,
            description,
            sensitivity: _,
            fallback,
        } = a;
        *name != b.name || *description != b.description || *fallback != b.fallback
    };
    let edited: BTreeSet<TopicId> = topics
        .list
        .with_ids()
        .zip(&old.topics.list)
        .filter(|((_, new), old)| shown(new, old))
        .map(|((id, _), _)| id)
        .collect();
    let printed = if old.printed_directory.is_some()
        && old
            .services
            .iter()
            .any(|s| s.topics.iter().any(|t| edited.contains(t)))
    {
        Printed::Again
    } else {
        Printed::Kept
    };
    let selection = (printed == Printed::Again).then(|| {
        printed_directory::choose(
            &sources.config.directory.print,
            &old.services,
            &old.resources,
            &topics,
            &mut problems,
        )
    });
    if !problems.is_empty() {
        return None;
    }
    let mut site = old.remade(
        sources,
        Remade {
            topics: Some(topics),
            ..Remade::default()
        },
    );
    if let Some(selection) = selection {
        site.printed_directory = printed_directory::build_printed_directory(&site, &selection);
    }
    Some(UpdatedTopics {
        site,
        edited,
        printed,
    })
}

/// What [`update_topics`] made.
pub struct UpdatedTopics {
    /// The model with the topics built again.
    pub site: Site,
    /// The topics whose names or descriptions differ.
    pub edited: BTreeSet<TopicId>,
    /// Whether the printed directory was made again.
    pub printed: Printed,
}

/// Whether an update made the printed directory again (it shows an edited topic) or kept the
/// last one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Printed {
    /// The kept model's (or none).
    Kept,
    /// Made again: the site prints one and one of its services has an edited topic.
    Again,
}
