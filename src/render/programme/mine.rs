//! A week's 'my sessions' page (`/sessions/<week>/mine/`), and what every programme page tells
//! its script about it.
//!
//! The reader's choice lives only in the address's fragment (`#s=slug1,slug2`): nothing is
//! stored on the device. The page is a real page of the theme (`mine.html`) holding every
//! session of the week as a card; `my-sessions.js` shows the chosen ones, offers one calendar
//! file built from `events.json` (published beside the page by `output::my_sessions`) and a
//! link that reopens the choice elsewhere. Without JavaScript the page says how to download
//! each session's own calendar file instead.

use serde::Serialize;

use super::cards::SessionCard;
use super::{LazyWeek, WeekDetails, breadcrumbs_to, page, week_sessions};
use crate::diag::Diagnostic;
use crate::model::paths::{Section, my_sessions_url};
use crate::model::sensitivity::Sensitivity;
use crate::model::week::Week;
use crate::model::{Site, UrlPath};
use crate::render::RenderedPage;
use crate::render::templates::Templates;
use crate::render::views::{Link, PageMeta, SiteView, shows_exit, simple_meta};

/// What a programme page's script needs to offer 'Add to my sessions'.
#[derive(Debug, Clone, Serialize)]
pub struct MySessionsView {
    /// The week's 'my sessions' page.
    pub url: String,
    /// On a session's page: its slug, as the page's address names it.
    pub session: Option<String>,
}

impl MySessionsView {
    /// For a page of `week`; `session` on a session's page.
    pub fn new(week: &Week, session: Option<&crate::model::session::Session>) -> MySessionsView {
        MySessionsView {
            url: my_sessions_url(&week.url),
            session: session.map(|s| s.slug.to_string()),
        }
    }
}

/// The view of a week's 'my sessions' page.
#[derive(Debug, Serialize)]
pub struct MineView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: PageMeta,
    /// The week.
    pub week: WeekDetails,
    /// Every session of the week, in its order; the script shows the chosen ones.
    pub sessions: Vec<SessionCard>,
    /// This page's address, for the script.
    pub my_sessions: MySessionsView,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// Renders `week`'s 'my sessions' page. It may list any of the week's sessions, so it is
/// sensitive when any of them is.
pub(super) fn render_mine(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    week: &Week,
    shared: &LazyWeek,
) -> Result<RenderedPage, Diagnostic> {
    let sessions = week_sessions(site, week);
    let sensitivity = Sensitivity::when(sessions.iter().any(|s| s.sensitivity.is_sensitive()));
    let my_sessions = MySessionsView::new(week, None);
    let url = UrlPath::from_path(&my_sessions.url);
    let view = MineView {
        site: site_view,
        // The title and every word around the list are the template's.
        page: simple_meta(site, &week.name, &week.summary, &url, Section::Programme)
            .with_sensitivity(sensitivity),
        week: shared.get().details.clone(),
        sessions: sessions
            .iter()
            .map(|s| shared.get().card(site, s))
            .collect(),
        my_sessions,
        breadcrumbs: breadcrumbs_to(site, Some(week)),
        show_exit: shows_exit(site, Section::Programme.name(), sensitivity),
    };
    let html = templates.render("mine.html", &view, &week.source.to_string_lossy())?;
    Ok(page(url, html, &week.source))
}
