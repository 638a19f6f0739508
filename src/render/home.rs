//! The home page: what the hub offers, three routes in, and sessions happening now or soon.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::model::paths::Section;
use crate::model::{ById, Site};
use crate::render::inputs::PageReads;
use crate::render::programme::cards::{SessionCard, session_card};
use crate::render::views::PageView;

/// How far ahead 'Coming up' looks.
const COMING_UP: SignedDuration = SignedDuration::from_hours(14 * 24);
/// The most sessions 'Coming up' lists.
const COMING_UP_LIMIT: usize = 6;

/// A way in from the home page: what the site has there, for the template to describe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Route {
    /// The practice week to feature: the current one, else the next, else the latest.
    Programme {
        /// The week's name, the heading and link text.
        title: String,
        /// Its page.
        url: String,
        /// '3 to 7 May 2027'.
        dates: String,
        /// Its theme, if it has one.
        theme: Option<String>,
        /// Its summary, from week.toml.
        summary: String,
        /// The week's fields shown in the default language (`fallback.name`, `.theme`,
        /// `.summary`): marked with `lang`.
        fallback: crate::model::translation::Fallback,
    },
    /// The self-help section, in its own words (its `_index.md`).
    SelfHelp {
        /// The section's title.
        title: String,
        /// Its page.
        url: String,
        /// The section's summary; may be empty.
        summary: String,
        /// How many pages it lists.
        pages: usize,
    },
    /// The directory of local support.
    Directory {
        /// Its page.
        url: String,
        /// How many services it lists.
        services: usize,
        /// Its most common categories (at most three), most common first, in the site's
        /// language.
        categories: Vec<String>,
    },
}

/// The view of the home page: a page view plus routes and sessions.
#[derive(Debug, Serialize)]
pub struct HomeView<'a> {
    /// Everything a page has.
    #[serde(flatten)]
    pub base: PageView<'a>,
    /// The routes in: the practice week, self-help, local support.
    pub routes: Vec<Route>,
    /// Sessions on now.
    pub happening_now: Vec<SessionCard>,
    /// Sessions starting soon.
    pub coming_up: Vec<SessionCard>,
}

/// The home page's view, from its page view; the pages it shows are recorded in `reads`.
pub fn home_view<'a>(site: &Site, base: PageView<'a>, reads: &mut PageReads) -> HomeView<'a> {
    let (happening_now, coming_up) = session_lists(site);
    HomeView {
        routes: routes(site, reads),
        base,
        happening_now,
        coming_up,
    }
}

/// What the home page shows of the practice weeks: its route into the featured week and the
/// sessions on now and coming up (the rest of its view reads pages, services and resources
/// only). `serve` compares it before and after an edit to sessions: the home page is rendered
/// again only when it differs.
pub fn weeks_shown(site: &Site) -> WeeksShown {
    let mut reads = PageReads::default();
    let (happening_now, coming_up) = session_lists(site);
    let programme: Vec<Route> = routes(site, &mut reads)
        .into_iter()
        .filter(|route| matches!(route, Route::Programme { .. }))
        .collect();
    WeeksShown {
        programme,
        happening_now,
        coming_up,
    }
}

/// What the home page shows of the practice weeks ([`weeks_shown`]).
#[derive(Debug, PartialEq, Eq)]
pub struct WeeksShown {
    /// Its route into the featured week (none when the site has no week).
    programme: Vec<Route>,
    /// The sessions on now, as cards.
    happening_now: Vec<SessionCard>,
    /// The sessions coming up, as cards.
    coming_up: Vec<SessionCard>,
}

/// The sessions on now and those starting soon (at most [`COMING_UP_LIMIT`]), as cards.
fn session_lists(site: &Site) -> (Vec<SessionCard>, Vec<SessionCard>) {
    let now = site.now;
    let soon = now.checked_add(COMING_UP).unwrap_or(Timestamp::MAX);
    let mut happening_now = Vec::new();
    let mut coming_up = Vec::new();
    let mut sessions: Vec<_> = site
        .sessions
        .iter()
        .filter(|s| s.booking.status != crate::model::booking::BookingStatus::Cancelled)
        .collect();
    sessions.sort_by_key(|s| s.start);
    for session in sessions {
        if session.start <= now && now < session.end {
            happening_now.push(session_card(site, session));
        } else if now < session.start && session.start < soon && coming_up.len() < COMING_UP_LIMIT {
            coming_up.push(session_card(site, session));
        }
    }
    (happening_now, coming_up)
}

fn routes(site: &Site, reads: &mut PageReads) -> Vec<Route> {
    let mut routes = Vec::new();
    if let Some(week) = featured_week(site) {
        routes.push(Route::Programme {
            title: week.name.clone(),
            url: week.url.to_string(),
            dates: crate::render::programme::date_range(
                site,
                site.dates.date(week.start_date),
                site.dates.date(week.end_date),
            ),
            theme: week.theme.clone(),
            summary: week.summary.clone(),
            fallback: week.fallback.clone(),
        });
    }
    let self_help = site
        .pages
        .with_ids()
        .find(|(_, p)| p.url.as_str() == SELF_HELP_URL);
    if let Some(section) = self_help.map(|(id, _)| reads.page(site, id)) {
        routes.push(Route::SelfHelp {
            title: section.title.clone(),
            url: SELF_HELP_URL.into(),
            summary: section.summary.clone(),
            pages: section.children.len(),
        });
    }
    if !site.services.is_empty() {
        // The family directory's count: services for practitioners only are in their guide.
        let listing = site.config.directory.practitioner_services;
        let family: Vec<&crate::model::Service> = site
            .services
            .iter()
            .filter(|s| s.in_family_directory(listing))
            .collect();
        routes.push(Route::Directory {
            url: Section::Directory.url().into(),
            services: family.len(),
            categories: common_categories(&family, 3)
                .into_iter()
                .map(|c| site.t(c.key()))
                .collect(),
        });
    }
    routes
}

const SELF_HELP_URL: &str = "/self-help/";

/// The `limit` categories most services have, most common first (ties in vocabulary order).
fn common_categories<S: std::borrow::Borrow<crate::model::Service>>(
    services: &[S],
    limit: usize,
) -> Vec<crate::model::service::vocab::Category> {
    use crate::model::service::vocab::Category;
    let mut counted: Vec<(usize, usize, Category)> = Category::ALL
        .iter()
        .enumerate()
        .map(|(order, &category)| {
            (
                services
                    .iter()
                    .filter(|s| s.borrow().categories.contains(&category))
                    .count(),
                order,
                category,
            )
        })
        .filter(|(count, _, _)| *count > 0)
        .collect();
    counted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    counted
        .into_iter()
        .take(limit)
        .map(|(_, _, category)| category)
        .collect()
}

/// The current week, else the next one, else the latest.
fn featured_week(site: &Site) -> Option<&crate::model::week::Week> {
    let today = |w: &crate::model::week::Week| w.time_zone.to_datetime(site.now).date();
    let current = site
        .weeks
        .iter()
        .find(|w| w.start_date <= today(w) && today(w) <= w.end_date);
    let next = site
        .weeks
        .iter()
        .filter(|w| w.start_date > today(w))
        .min_by_key(|w| w.start_date);
    let latest = site.weeks.iter().max_by_key(|w| w.end_date);
    current.or(next).or(latest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostics, SourceFile};
    use crate::model::service::build_services;
    use crate::model::topic::Topics;

    fn services(categories: &[&str]) -> Vec<crate::model::Service> {
        let files: Vec<SourceFile> = categories
            .iter()
            .enumerate()
            .map(|(n, list)| {
                let text = format!(
                    "name = \"S{n}\"\norganisation = \"O\"\nsummary = \"S\"\nlevel = \"universal\"\n\
                     categories = [{list}]\naccess = [\"drop-in\"]\nlast_reviewed = 2024-01-01\n[cost]\nfree = true\n"
                );
                SourceFile::new(format!("content/directory/s{n}.toml"), text.into_bytes()).unwrap()
            })
            .collect();
        let mut problems = Diagnostics::default();
        let services = build_services(
            &files,
            &Topics::default(),
            &Default::default(),
            &mut problems,
        );
        assert!(problems.0.is_empty(), "{problems:?}");
        services
    }

    #[test]
    fn the_directory_route_names_the_categories_most_services_have() {
        let services = services(&[
            "\"mediation\", \"helpline\"",
            "\"helpline\"",
            "\"health\"",
            "\"counselling\"",
        ]);
        let slugs = |services: &[crate::model::Service]| -> Vec<&str> {
            common_categories(services, 3)
                .into_iter()
                .map(|c| c.slug())
                .collect()
        };
        // Helplines (2) first; then ties of one in the vocabulary's order.
        assert_eq!(slugs(&services), ["helpline", "counselling", "mediation"]);
        assert_eq!(slugs(&services[..1]), ["mediation", "helpline"]);
        assert!(common_categories::<crate::model::Service>(&[], 3).is_empty());
    }
}
