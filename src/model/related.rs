//! Stage 2, model: the 'related' lists every page, session and service shows, chosen once per
//! build at the end of [`build_site`](crate::model::build_site) and kept in the item
//! ([`RelatedLists`]), so that render and check only read them. An organiser's own list wins;
//! an automatic one is chosen by [`relations`](crate::model::relations)' rules. On a large
//! site most items share their set of topics with many others and choosing a list scans every
//! candidate, so each distinct list (its [`ListKind`], length and topics) is chosen once, the
//! distinct lists across cores.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::model::page::{Page, PageId, PageKind};
use crate::model::relations::{Subject, suggest_services};
use crate::model::resource::{Resource, ResourceId};
use crate::model::sensitivity::Sensitivity;
use crate::model::service::{Service, ServiceIndex};
use crate::model::session::Session;
use crate::model::topic::{TopicId, best_matches};

/// How many self-help pages a session or service lists.
pub const GUIDES_SHOWN: usize = 4;
/// How many services a self-help page or session lists: short enough to read.
pub const SERVICES_SHOWN: usize = 6;
/// How many resources a page or session lists.
pub const RESOURCES_SHOWN: usize = 5;
/// How many resources a service lists.
pub const SERVICE_RESOURCES_SHOWN: usize = 6;

/// The related lists one page, session or service shows, each the organiser's own list or the
/// chosen one; empty where its kind shows no such list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RelatedLists {
    /// Self-help pages ('Related guides').
    pub pages: Arc<[PageId]>,
    /// Services of the directory ('Services that can help').
    pub services: Arc<[ServiceIndex]>,
    /// Resources of the library.
    pub resources: Arc<[ResourceId]>,
}

/// Which automatic list: what it lists and by which rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListKind {
    /// Self-help pages sharing most topics, then by title.
    Guides,
    /// Directory services under the safety rules for a subject of this sensitivity.
    Services(Sensitivity),
    /// Resources of the library sharing most topics, then by title.
    Resources,
}

/// One automatic list: its kind, its length and the sorted topics it is chosen for.
type ListKey = (ListKind, usize, Box<[TopicId]>);

/// One list a subject shows: its kind and length.
#[derive(Debug, Clone, Copy)]
struct Wanted {
    kind: ListKind,
    limit: usize,
}

/// The lists each kind of subject shows, as render lays them out.
fn wanted_for_page(page: &Page) -> Vec<Wanted> {
    let mut wanted = Vec::with_capacity(2);
    if page.kind == PageKind::Page {
        wanted.push(Wanted::services(page.sensitivity));
    }
    wanted.push(Wanted::resources(RESOURCES_SHOWN));
    wanted
}

fn wanted_for_session(session: &Session) -> Vec<Wanted> {
    vec![
        Wanted::guides(),
        Wanted::services(session.sensitivity),
        Wanted::resources(RESOURCES_SHOWN),
    ]
}

fn wanted_for_service() -> Vec<Wanted> {
    vec![Wanted::guides(), Wanted::resources(SERVICE_RESOURCES_SHOWN)]
}

impl Wanted {
    fn guides() -> Wanted {
        Wanted {
            kind: ListKind::Guides,
            limit: GUIDES_SHOWN,
        }
    }

    fn services(sensitivity: Sensitivity) -> Wanted {
        Wanted {
            kind: ListKind::Services(sensitivity),
            limit: SERVICES_SHOWN,
        }
    }

    fn resources(limit: usize) -> Wanted {
        Wanted {
            kind: ListKind::Resources,
            limit,
        }
    }

    /// Whether the organiser wrote this list for `subject` (it is then not chosen).
    fn is_written(self, subject: Subject) -> bool {
        match self.kind {
            ListKind::Guides => subject.explicit.pages.is_some(),
            ListKind::Services(_) => subject.explicit.services.is_some(),
            ListKind::Resources => subject.explicit.resources.is_some(),
        }
    }

    fn key(self, topics: &[TopicId]) -> ListKey {
        let mut set = topics.to_vec();
        set.sort_unstable();
        set.dedup();
        (self.kind, self.limit, set.into())
    }
}

/// What automatic lists are chosen from.
#[derive(Debug, Clone, Copy)]
pub struct Candidates<'a> {
    /// Every published page (self-help pages are the candidates).
    pub pages: &'a [Page],
    /// The directory's services.
    pub services: &'a [Service],
    /// The resource library.
    pub resources: &'a [Resource],
}

/// One automatic list, as chosen.
#[derive(Debug, Clone)]
enum Chosen {
    Guides(Arc<[PageId]>),
    Services(Arc<[ServiceIndex]>),
    Resources(Arc<[ResourceId]>),
}

impl Candidates<'_> {
    /// Chooses one automatic list.
    fn choose(&self, key: &ListKey) -> Chosen {
        let (kind, limit, topics) = key;
        match *kind {
            ListKind::Guides => Chosen::Guides(
                best_matches(
                    self.pages,
                    |p| p.kind == PageKind::Page && p.section_name == "self-help",
                    |p| &p.topics,
                    |p| p.title.as_str(),
                    topics,
                    *limit,
                )
                .into(),
            ),
            ListKind::Services(sensitivity) => Chosen::Services(
                suggest_services(self.services, topics, sensitivity, *limit).into(),
            ),
            ListKind::Resources => Chosen::Resources(
                best_matches(
                    self.resources,
                    |_| true,
                    |r| &r.topics,
                    |r| r.material.title.as_str(),
                    topics,
                    *limit,
                )
                .into(),
            ),
        }
    }
}

/// The related lists of every page, session and service of a site, in their orders.
#[derive(Debug, Default)]
pub struct ChosenLists {
    /// One for each page.
    pub pages: Vec<RelatedLists>,
    /// One for each session.
    pub sessions: Vec<RelatedLists>,
    /// One for each service.
    pub services: Vec<RelatedLists>,
}

/// Chooses the related lists of every page, session and service: each distinct automatic list
/// once, across cores.
pub fn choose_related(candidates: Candidates, sessions: &[Session]) -> ChosenLists {
    let subjects: Vec<(Subject, Vec<Wanted>)> = candidates
        .pages
        .iter()
        .map(|p| (p.subject(), wanted_for_page(p)))
        .chain(
            sessions
                .iter()
                .map(|s| (s.subject(), wanted_for_session(s))),
        )
        .chain(
            candidates
                .services
                .iter()
                .map(|s| (s.subject(), wanted_for_service())),
        )
        .collect();
    let mut lists = lists_for(candidates, &subjects).into_iter();
    ChosenLists {
        pages: lists.by_ref().take(candidates.pages.len()).collect(),
        sessions: lists.by_ref().take(sessions.len()).collect(),
        services: lists.collect(),
    }
}

/// The related lists of `sessions` alone, each what [`choose_related`] chooses for it with the
/// same candidates: a list is chosen from its key and the candidates only, so the pages' and
/// services' lists, which `serve` keeps after an edit to sessions, need not be chosen again.
pub fn choose_related_for_sessions(
    candidates: Candidates,
    sessions: &[Session],
) -> Vec<RelatedLists> {
    let subjects: Vec<(Subject, Vec<Wanted>)> = sessions
        .iter()
        .map(|s| (s.subject(), wanted_for_session(s)))
        .collect();
    lists_for(candidates, &subjects)
}

/// Each subject's lists: each distinct automatic list chosen once, across cores.
fn lists_for(candidates: Candidates, subjects: &[(Subject, Vec<Wanted>)]) -> Vec<RelatedLists> {
    let mut keys: Vec<ListKey> = subjects
        .iter()
        .flat_map(|(subject, wanted)| {
            wanted
                .iter()
                .filter(|w| !w.is_written(*subject))
                .map(|w| w.key(subject.topics))
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let chosen: HashMap<ListKey, Chosen> = keys
        .into_par_iter()
        .map(|key| {
            let list = candidates.choose(&key);
            (key, list)
        })
        .collect();
    subjects
        .iter()
        .map(|(subject, wanted)| lists_of(*subject, wanted, &chosen))
        .collect()
}

/// The lists `subject` shows: written ones as written, the others as chosen.
fn lists_of(
    subject: Subject,
    wanted: &[Wanted],
    chosen: &HashMap<ListKey, Chosen>,
) -> RelatedLists {
    let mut lists = RelatedLists::default();
    let explicit = subject.explicit;
    for &want in wanted {
        // Looked up only for a list the organiser did not write.
        let found = || chosen.get(&want.key(subject.topics));
        match want.kind {
            ListKind::Guides => {
                lists.pages = written_or(explicit.pages.as_deref(), || match found() {
                    Some(Chosen::Guides(list)) => Some(Arc::clone(list)),
                    _ => None,
                });
            }
            ListKind::Services(_) => {
                lists.services = written_or(explicit.services.as_deref(), || match found() {
                    Some(Chosen::Services(list)) => Some(Arc::clone(list)),
                    _ => None,
                });
            }
            ListKind::Resources => {
                lists.resources = written_or(explicit.resources.as_deref(), || match found() {
                    Some(Chosen::Resources(list)) => Some(Arc::clone(list)),
                    _ => None,
                });
            }
        }
    }
    lists
}

/// The organiser's list if written, else the chosen one (none for a list not chosen).
fn written_or<I: Copy>(
    written: Option<&[I]>,
    chosen: impl FnOnce() -> Option<Arc<[I]>>,
) -> Arc<[I]> {
    written
        .map(Arc::from)
        .or_else(chosen)
        .unwrap_or_else(|| Arc::from([]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::Id;
    use crate::model::relations::ExplicitRelations;

    fn t(n: usize) -> TopicId {
        Id::new(n)
    }

    #[test]
    fn an_explicit_list_wins_even_with_joint_work() {
        let explicit = ExplicitRelations {
            services: Some(vec![Id::new(1)]),
            ..Default::default()
        };
        let subject = Subject {
            topics: &[t(0)],
            sensitivity: Sensitivity::Sensitive,
            explicit: &explicit,
        };
        let wanted = [Wanted::services(Sensitivity::Sensitive), Wanted::guides()];
        assert!(wanted[0].is_written(subject) && !wanted[1].is_written(subject));
        let chosen = HashMap::from([
            (
                wanted[0].key(&[t(0)]),
                Chosen::Services(Arc::from([Id::new(0), Id::new(2)])),
            ),
            (
                wanted[1].key(&[t(0)]),
                Chosen::Guides(Arc::from([Id::new(7)])),
            ),
        ]);
        let lists = lists_of(subject, &wanted, &chosen);
        assert_eq!(&*lists.services, &[Id::new(1)]);
        assert_eq!(&*lists.pages, &[Id::new(7)]);
        assert!(lists.resources.is_empty());
    }

    #[test]
    fn a_list_is_chosen_for_its_set_of_topics_whatever_their_order() {
        let wanted = Wanted::resources(RESOURCES_SHOWN);
        assert_eq!(wanted.key(&[t(3), t(1), t(3)]), wanted.key(&[t(1), t(3)]));
        assert_ne!(
            wanted.key(&[t(1)]),
            Wanted::resources(SERVICE_RESOURCES_SHOWN).key(&[t(1)])
        );
        assert_ne!(
            Wanted::services(Sensitivity::Sensitive).key(&[t(1)]),
            Wanted::services(Sensitivity::Ordinary).key(&[t(1)])
        );
    }
}
