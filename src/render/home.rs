//! The home page: what the hub offers, three routes in, and sessions happening now or soon.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::model::Site;
use crate::render::format::format_date;
use crate::render::programme::cards::{SessionCard, session_card};
use crate::render::views::PageView;

/// How far ahead 'Coming up' looks.
const COMING_UP: SignedDuration = SignedDuration::from_hours(14 * 24);
/// The most sessions 'Coming up' lists.
const COMING_UP_LIMIT: usize = 6;

/// A way in from the home page.
#[derive(Debug, Clone, Serialize)]
pub struct Route {
    /// The heading and link text.
    pub title: String,
    /// Where it goes.
    pub url: String,
    /// One sentence on what is there.
    pub description: String,
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

/// The home page's view, from its page view.
pub fn home_view<'a>(site: &Site, base: PageView<'a>) -> HomeView<'a> {
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
    HomeView {
        routes: routes(site),
        base,
        happening_now,
        coming_up,
    }
}

fn routes(site: &Site) -> Vec<Route> {
    let mut routes = Vec::new();
    if let Some(week) = featured_week(site) {
        let when = format!(
            "{} to {}",
            format_date(week.start_date),
            format_date(week.end_date)
        );
        let description = match &week.theme {
            Some(theme) => format!("{when}. {theme}: talks, webinars and workshops."),
            None => format!("{when}: talks, webinars and workshops."),
        };
        routes.push(Route {
            title: week.name.clone(),
            url: week.url.to_string(),
            description,
        });
    }
    if crate::render::views::is_published(site, "/self-help/") {
        routes.push(Route {
            title: "Self-help for families".into(),
            url: "/self-help/".into(),
            description:
                "Short guides on arguments, separating, new babies, teenagers and money worries."
                    .into(),
        });
    }
    if crate::render::views::is_published(site, "/directory/") {
        routes.push(Route {
            title: "Find local support".into(),
            url: "/directory/".into(),
            description: "Services near you, from drop-ins to counselling and mediation.".into(),
        });
    }
    routes
}

/// The current week, else the next one, else the latest.
fn featured_week<'a>(site: &'a Site) -> Option<&'a crate::model::week::Week> {
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
