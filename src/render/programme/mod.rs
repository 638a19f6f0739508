//! The practice-week programme: the list of weeks, each week by day, filter pages that work
//! without JavaScript, a page per session, a page per host or organisation, and a poster.

pub mod cards;
pub mod filters;
pub mod instead;
pub mod mine;
pub mod session;

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::Timestamp;
use rayon::prelude::*;
use serde::Serialize;

use crate::diag::{Code, Diagnostic};
use crate::model::i18n::ArgValue;
use crate::model::paths::Section;
use crate::model::sensitivity::Sensitivity;
use crate::model::session::Session;
use crate::model::translation::Fallback;
use crate::model::week::{Week, WeekId};
use crate::model::{Site, Slug, UrlPath};
use crate::render::markdown::{
    MarkdownSource, SiteLink, Trust, render_markdown, render_partner_markdown,
};
use crate::render::templates::{NOT_RENDERED, Templates};
use crate::render::views::{
    Card, FilterGroup, FilterOption, Link, PageMeta, SiteView, shows_exit, simple_meta,
};
use crate::render::{PageHtml, RenderedPage};

use cards::{PhaseClock, PhaseText, SessionCard, session_card};
use filters::{filter_groups, filter_pages};
use mine::{MySessionsView, render_mine};
use session::{
    HostView, NextStep, SessionDetails, json_ld, next_steps, related_pages, session_details,
};

/// A week in the list of weeks.
#[derive(Debug, Clone, Serialize)]
pub struct WeekCard {
    /// Its name.
    pub name: String,
    /// Its programme.
    pub url: String,
    /// Its theme.
    pub theme: Option<String>,
    /// '4 March 2024 to 8 March 2024'.
    pub dates: String,
    /// One sentence.
    pub summary: String,
    /// Fields shown in the default language (`fallback.name`, `.summary`): marked with `lang`.
    pub fallback: Fallback,
}

/// The view of `/sessions/`.
#[derive(Debug, Serialize)]
pub struct WeeksView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: PageMeta,
    /// Weeks on now.
    pub current: Vec<WeekCard>,
    /// Weeks to come, soonest first.
    pub upcoming: Vec<WeekCard>,
    /// Weeks gone, latest first.
    pub past: Vec<WeekCard>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// The sessions of one day.
#[derive(Debug, Clone, Serialize)]
pub struct Day {
    /// 'Tuesday 5 March 2024'.
    pub title: String,
    /// '2024-03-05', for anchors and filters.
    pub id: String,
    /// The sessions, by start time.
    pub sessions: Vec<SessionCard>,
}

/// The view of a week's programme, or of one filter of it.
#[derive(Debug, Serialize)]
pub struct WeekView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: PageMeta,
    /// The week.
    pub week: WeekDetails,
    /// The introduction, as HTML (the week page only).
    pub introduction: String,
    /// The sessions by day (filtered on filter pages).
    pub days: Vec<Day>,
    /// How many sessions are listed.
    pub count: usize,
    /// Filters, each value a page of its own.
    pub filters: Vec<FilterGroup>,
    /// Every session of the week as its filter values (JSON), for the script's counts.
    pub filter_data: String,
    /// On a filter page: what is shown.
    pub filter: Option<Link>,
    /// For 'Add to my sessions'.
    pub my_sessions: MySessionsView,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// The facts of a week for its pages.
#[derive(Debug, Clone, Serialize)]
pub struct WeekDetails {
    /// Name.
    pub name: String,
    /// Programme page.
    pub url: String,
    /// Theme.
    pub theme: Option<String>,
    /// 'Monday 4 March 2024 to Friday 8 March 2024'.
    pub dates: String,
    /// Who it is for.
    pub audience: Vec<String>,
    /// Organisers.
    pub organisers: Vec<crate::model::session::Person>,
    /// Contact email.
    pub email: Option<String>,
    /// Contact phone.
    pub phone: Option<String>,
    /// Feedback form.
    pub feedback_url: Option<String>,
    /// A note for readers.
    pub note: Option<String>,
    /// The week's calendar file.
    pub ics_url: String,
    /// The same, as a webcal:// subscription.
    pub webcal_url: String,
    /// The printable poster.
    pub poster_url: String,
    /// The booklet, once published.
    pub booklet_url: Option<String>,
    /// Whether it has ended.
    pub finished: bool,
    /// Fields shown in the default language (`fallback.name`, `.summary`, `.introduction`,
    /// `.note`): marked with `lang`.
    pub fallback: Fallback,
}

/// The view of a session's page.
#[derive(Debug, Serialize)]
pub struct SessionView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: PageMeta,
    /// The session.
    pub session: SessionDetails,
    /// Its description as HTML.
    pub description: String,
    /// When it changes phase.
    pub clock: PhaseClock,
    /// Its state as a tag, per phase.
    pub tags: Vec<PhaseText>,
    /// What to do next, per phase.
    pub next_steps: Vec<NextStep>,
    /// Related self-help pages.
    pub related: Vec<Card>,
    /// Services of the directory that share a topic with the session.
    pub related_services: Vec<Card>,
    /// Related resources from the library.
    pub related_resources: Vec<crate::render::resources::ResourceView>,
    /// The week's booklet, once published.
    pub booklet_url: Option<String>,
    /// schema.org Event.
    pub json_ld: String,
    /// For 'Add to my sessions'.
    pub my_sessions: MySessionsView,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// The view of a host's or organisation's page.
#[derive(Debug, Serialize)]
pub struct HostPageView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: PageMeta,
    /// Their sessions, latest week first.
    pub sessions: Vec<SessionCard>,
    /// The people who lead them.
    pub people: Vec<HostView>,
    /// The names of the weeks their sessions are in, in the site's order of weeks.
    pub weeks: Vec<String>,
    /// The same as one phrase: 'Autumn week, Winter week and Spring week'.
    pub weeks_text: String,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// A session on the poster.
#[derive(Debug, Serialize)]
pub struct PosterItem {
    /// The session.
    pub card: SessionCard,
    /// The address the QR code holds, shown in short form.
    pub link_text: String,
    /// The QR code, inline SVG.
    pub qr_svg: String,
}

/// The view of a week's poster.
#[derive(Debug, Serialize)]
pub struct PosterView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: PageMeta,
    /// The week.
    pub week: WeekDetails,
    /// Its sessions (not cancelled).
    pub items: Vec<PosterItem>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// Everything the programme publishes, rendered.
pub struct ProgrammePages {
    /// The pages.
    pub pages: Vec<RenderedPage>,
    /// Links written in descriptions, to check.
    pub site_links: Vec<SiteLink>,
}

/// The URL of the page for a host or organisation named `name` (the model has checked that
/// every host has one, and that no two share it).
pub fn host_url(name: &str) -> String {
    crate::model::host::host_url(name).map_or_else(
        || Section::Programme.url().to_owned(),
        |url| url.to_string(),
    )
}

/// Which weeks' own pages [`render_programme`] makes (a week's programme, filter pages,
/// poster, 'my sessions' page, session pages and booklet page); the weeks' index and the hosts'
/// pages are made every time.
#[derive(Debug, Clone, Copy)]
pub enum ProgrammeWeeks<'a> {
    /// Every week's: a build.
    Every,
    /// These weeks' only: `serve`, after an edit to sessions that no other week's pages show.
    /// The other weeks' pages are the last build's.
    Only(&'a std::collections::BTreeSet<WeekId>),
}

impl ProgrammeWeeks<'_> {
    /// Whether the pages of `week` are made.
    pub fn wants(self, week: WeekId) -> bool {
        match self {
            ProgrammeWeeks::Every => true,
            ProgrammeWeeks::Only(weeks) => weeks.contains(&week),
        }
    }
}

/// Renders every page of the programme; nothing when the site has no weeks.
pub fn render_programme(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    downloads: &crate::render::Downloads,
    weeks: ProgrammeWeeks,
    hook: Option<&dyn crate::render::PageHook>,
) -> Result<ProgrammePages, Vec<Diagnostic>> {
    let mut out = ProgrammePages {
        pages: Vec::new(),
        site_links: Vec::new(),
    };
    if site.weeks.is_empty() {
        return Ok(out);
    }
    let mut problems = Vec::new();
    let mut results = vec![render_weeks_index(site, templates, site_view)];
    // Booklets (their PDFs are the slowest pages of a small site) start at once, beside the weeks.
    let (weeks, booklets) = rayon::join(
        || -> Vec<WeekPages> {
            site.weeks
                .par_iter()
                .enumerate()
                .filter(|&(index, _)| weeks.wants(WeekId::new(index)))
                .map(|(_, week)| {
                    let mut pages = render_week_pages(site, templates, site_view, week);
                    // Each week's pages go to the hook as soon as they are rendered, not once
                    // the whole programme is (349 MB of HTML at 100,000 pages).
                    if let Some(hook) = hook {
                        pages
                            .results
                            .iter_mut()
                            .flatten()
                            .for_each(|page| hook.finished(page));
                    }
                    pages
                })
                .collect()
        },
        || crate::render::booklet::render_booklets(site, templates, site_view, downloads, weeks),
    );
    for week in weeks {
        results.extend(week.results);
        out.site_links.extend(week.site_links);
        problems.extend(week.problems);
    }
    results.extend(render_host_pages(site, templates, site_view));
    for (booklet, links) in booklets {
        out.site_links.extend(links);
        match booklet {
            Ok(page) => results.push(Ok(page)),
            Err(found) => problems.extend(found),
        }
    }
    for result in results {
        match result {
            Ok(page) => out.pages.push(page),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A week's own pages: its programme, filter pages, poster and sessions.
struct WeekPages {
    results: Vec<Result<RenderedPage, Diagnostic>>,
    site_links: Vec<SiteLink>,
    problems: Vec<Diagnostic>,
}

/// What every page of a week that lists its sessions shows alike (the week page and its filter
/// pages, the poster, the 'my sessions' page): made once for the week, when the first of them
/// needs it, rather than once a page (a week has dozens of filter pages).
pub(super) struct WeekShared {
    /// The week's facts.
    details: WeekDetails,
    /// The groups of filter links (every page of the week shows all of them).
    filters: Vec<FilterGroup>,
    /// [`cards::filter_data`] of every session of the week.
    filter_data: String,
    /// Each session's card, by its address.
    cards: BTreeMap<UrlPath, SessionCard>,
}

impl WeekShared {
    fn new(site: &Site, week: &Week) -> WeekShared {
        let all = week_sessions(site, week);
        WeekShared {
            details: week_details(site, week),
            filters: filter_groups(site, week, &all),
            filter_data: cards::filter_data(site, &all),
            cards: all
                .iter()
                .map(|s| (s.url.clone(), session_card(site, s)))
                .collect(),
        }
    }

    /// The card of `session`, a session of the week.
    fn card(&self, site: &Site, session: &Session) -> SessionCard {
        match self.cards.get(&session.url) {
            Some(card) => card.clone(),
            None => session_card(site, session),
        }
    }
}

/// A week's [`WeekShared`], made when first asked for (not at all when a template edit leaves
/// every page of the week out).
pub(super) struct LazyWeek<'a> {
    site: &'a Site,
    week: &'a Week,
    shared: std::cell::OnceCell<WeekShared>,
}

impl LazyWeek<'_> {
    fn get(&self) -> &WeekShared {
        self.shared
            .get_or_init(|| WeekShared::new(self.site, self.week))
    }
}

fn render_week_pages(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    week: &Week,
) -> WeekPages {
    let mut problems = Vec::new();
    let (introduction, mut site_links) =
        markdown_html(site, week.introduction.as_ref(), &mut problems);
    let shared = LazyWeek {
        site,
        week,
        shared: std::cell::OnceCell::new(),
    };
    let mut results = vec![render_week(
        site,
        templates,
        site_view,
        week,
        &introduction,
        None,
        &shared,
    )];
    for filter in filter_pages(site, week) {
        results.push(render_week(
            site,
            templates,
            site_view,
            week,
            "",
            Some(filter),
            &shared,
        ));
    }
    results.push(render_poster(site, templates, site_view, week, &shared));
    results.push(render_mine(site, templates, site_view, week, &shared));
    let sessions: Vec<_> = week
        .sessions
        .par_iter()
        .map(|&id| {
            let session = &site.sessions[id];
            let mut problems = Vec::new();
            let (html, links) = markdown_html_as(
                site,
                session.description.as_ref(),
                Trust::Partner,
                &mut problems,
            );
            (
                render_session(site, templates, site_view, session, html),
                links,
                problems,
            )
        })
        .collect();
    for (result, links, found) in sessions {
        results.push(result);
        site_links.extend(links);
        problems.extend(found);
    }
    WeekPages {
        results,
        site_links,
        problems,
    }
}

/// Week introductions: the organisers' own Markdown.
pub(crate) fn markdown_html(
    site: &Site,
    markdown: Option<&crate::model::session::Markdown>,
    problems: &mut Vec<Diagnostic>,
) -> (String, Vec<SiteLink>) {
    markdown_html_as(site, markdown, Trust::Organiser, problems)
}

/// Session descriptions may come from partners, so they are rendered as [`Trust::Partner`].
fn markdown_html_as(
    site: &Site,
    markdown: Option<&crate::model::session::Markdown>,
    trust: Trust,
    problems: &mut Vec<Diagnostic>,
) -> (String, Vec<SiteLink>) {
    let Some(md) = markdown else {
        return (String::new(), Vec::new());
    };
    let source = MarkdownSource {
        file: &md.file,
        offset: md.offset,
        content_dir: "",
    };
    let resolve = |path: &str| {
        site.by_content_path
            .get(path)
            .map(|&id| site.pages[id].url.to_string())
    };
    let rendered = match trust {
        Trust::Organiser => render_markdown(&md.text, &source, &resolve),
        Trust::Partner => render_partner_markdown(&md.text, &source, &resolve),
    };
    problems.extend(rendered.problems);
    (rendered.html, rendered.site_links)
}

fn page(url: UrlPath, html: String, source: &std::path::Path) -> RenderedPage {
    RenderedPage {
        url,
        html: PageHtml::Text(html),
        source: PathBuf::from(source),
        last_modified: None,
    }
}

fn week_card(week: &Week, site: &Site) -> WeekCard {
    WeekCard {
        name: week.name.clone(),
        url: week.url.to_string(),
        theme: week.theme.clone(),
        dates: date_range(
            site,
            site.dates.date(week.start_date),
            site.dates.date(week.end_date),
        ),
        summary: week.summary.clone(),
        fallback: week.fallback.clone(),
    }
}

/// Whether the week is over, on now, or to come, in its own time zone.
fn week_state(week: &Week, now: Timestamp) -> std::cmp::Ordering {
    let today = week.time_zone.to_datetime(now).date();
    if today > week.end_date {
        std::cmp::Ordering::Less
    } else if today < week.start_date {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

fn render_weeks_index(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
) -> Result<RenderedPage, Diagnostic> {
    let url = UrlPath::root().join(
        &Slug::parse("sessions")
            .map_err(|e| Diagnostic::file("sessions", e.to_string()).code(Code::Internal))?,
    );
    let by_state = |state| -> Vec<WeekCard> {
        site.weeks
            .iter()
            .filter(|w| week_state(w, site.now) == state)
            .map(|w| week_card(w, site))
            .collect()
    };
    let mut past = by_state(std::cmp::Ordering::Less);
    past.reverse();
    let view = WeeksView {
        site: site_view,
        // The summary is the template's: it depends on which weeks there are.
        page: simple_meta(site, &site.t("nav-programme"), "", &url, Section::Programme),
        current: by_state(std::cmp::Ordering::Equal),
        upcoming: by_state(std::cmp::Ordering::Greater),
        past,
        show_exit: shows_exit(site, Section::Programme.name(), Sensitivity::Ordinary),
    };
    Ok(page(
        url,
        templates.render("weeks.html", &view, "sessions/")?,
        std::path::Path::new("sessions"),
    ))
}

fn week_details(site: &Site, week: &Week) -> WeekDetails {
    let ics = format!("{}week.ics", week.url);
    let absolute_ics = site.config.absolute_url(&ics);
    let without_scheme = absolute_ics.split_once("://").map_or("", |(_, rest)| rest);
    WeekDetails {
        name: week.name.clone(),
        url: week.url.to_string(),
        theme: week.theme.clone(),
        dates: date_range(
            site,
            site.dates.day(week.start_date),
            site.dates.day(week.end_date),
        ),
        audience: week
            .audience
            .iter()
            .map(|a| site.t(a.message_key()))
            .collect(),
        organisers: week.organisers.clone(),
        email: week.contact_email.clone(),
        phone: week.contact_phone.clone(),
        feedback_url: week.feedback_url.clone(),
        note: week.note.clone(),
        webcal_url: format!("webcal://{without_scheme}"),
        ics_url: ics,
        poster_url: format!("{}poster/", week.url),
        booklet_url: week
            .booklet_published
            .then(|| format!("{}booklet/", week.url)),
        finished: week_state(week, site.now) == std::cmp::Ordering::Less,
        fallback: week.fallback.clone(),
    }
}

fn days_of(site: &Site, sessions: &[&Session], shared: &WeekShared) -> Vec<Day> {
    let mut days: BTreeMap<String, Day> = BTreeMap::new();
    for session in sessions {
        let date = session.local_start.date();
        let day = days.entry(date.to_string()).or_insert_with(|| Day {
            title: site.dates.day(date),
            id: date.to_string(),
            sessions: Vec::new(),
        });
        day.sessions.push(shared.card(site, session));
    }
    days.into_values().collect()
}

fn week_sessions<'a>(site: &'a Site, week: &Week) -> Vec<&'a Session> {
    week.sessions.iter().map(|&id| &site.sessions[id]).collect()
}

/// Home, Programme and, if given, the week: the way back up from a programme page.
pub(crate) fn breadcrumbs_to(site: &Site, week: Option<&Week>) -> Vec<Link> {
    let mut crumbs = vec![
        Link::new(site.t("breadcrumb-home"), "/".into()),
        Link::new(site.t("nav-programme"), Section::Programme.url().into()),
    ];
    if let Some(week) = week {
        crumbs.push(Link::in_language(
            week.name.clone(),
            week.url.to_string(),
            week.fallback
                .lang(crate::model::translation::TextField::Name),
        ));
    }
    crumbs
}

/// One filter page of a week: the sessions with one value of one filter.
struct WeekFilter<'a> {
    /// 'on domestic abuse', with the page's address.
    link: Link,
    /// The same address.
    url: UrlPath,
    /// The sessions it lists.
    sessions: Vec<&'a Session>,
    /// Sensitive for a sensitive topic's page.
    sensitivity: Sensitivity,
}

fn render_week(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    week: &Week,
    introduction: &str,
    filter: Option<WeekFilter>,
    shared: &LazyWeek,
) -> Result<RenderedPage, Diagnostic> {
    let all = week_sessions(site, week);
    let (filter_link, sessions, url, sensitivity) = match filter {
        Some(f) => (Some(f.link), f.sessions, f.url, f.sensitivity),
        None => (None, all.clone(), week.url.clone(), Sensitivity::Ordinary),
    };
    // `serve`, after an edit of templates the week's pages do not use: no view to build.
    if templates.leaves_out("week.html") {
        return Ok(page(url, NOT_RENDERED.to_owned(), &week.source));
    }
    let title = match &filter_link {
        Some(link) => format!("{}: {}", week.name, link.title),
        None => week.name.clone(),
    };
    let shared = shared.get();
    let view = WeekView {
        site: site_view,
        page: simple_meta(site, &title, &week.summary, &url, Section::Programme)
            .with_sensitivity(sensitivity),
        week: shared.details.clone(),
        introduction: if filter_link.is_none() {
            introduction.to_owned()
        } else {
            String::new()
        },
        days: days_of(site, &sessions, shared),
        count: sessions.len(),
        filters: shared.filters.clone(),
        filter_data: shared.filter_data.clone(),
        filter: filter_link,
        my_sessions: MySessionsView::new(week, None),
        breadcrumbs: breadcrumbs_to(site, if url == week.url { None } else { Some(week) }),
        show_exit: shows_exit(site, Section::Programme.name(), sensitivity),
    };
    let html = templates.render("week.html", &view, &week.source.to_string_lossy())?;
    Ok(page(url, html, &week.source))
}

fn render_session(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    session: &Session,
    description: String,
) -> Result<RenderedPage, Diagnostic> {
    let week = &site.weeks[session.week];
    let (clock, next_steps, tags) = next_steps(site, session);
    let view = SessionView {
        site: site_view,
        page: simple_meta(
            site,
            &session.title,
            &session.summary,
            &session.url,
            Section::Programme,
        )
        .with_sensitivity(session.sensitivity),
        session: session_details(site, session, &host_url),
        description,
        clock,
        tags,
        next_steps,
        related: related_pages(site, &session.related_lists.pages),
        related_services: crate::render::directory::views::related_services(
            site,
            &session.related_lists.services,
        ),
        related_resources: crate::render::resources::related_resource_views(
            site,
            &session.related_lists.resources,
        ),
        booklet_url: week
            .booklet_published
            .then(|| format!("{}booklet/", week.url)),
        json_ld: json_ld(site, session),
        my_sessions: MySessionsView::new(week, Some(session)),
        breadcrumbs: breadcrumbs_to(site, Some(week)),
        show_exit: shows_exit(site, Section::Programme.name(), session.sensitivity),
    };
    let html = templates.render("session.html", &view, &session.source.to_string_lossy())?;
    Ok(page(session.url.clone(), html, &session.source))
}

fn render_host_pages(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
) -> Vec<Result<RenderedPage, Diagnostic>> {
    let mut hosts: BTreeMap<String, (String, Vec<&Session>, Vec<HostView>)> = BTreeMap::new();
    for session in &site.sessions {
        for host in &session.hosts {
            let name = host
                .organisation
                .clone()
                .unwrap_or_else(|| host.name.clone());
            let entry = hosts
                .entry(host_url(&name))
                .or_insert_with(|| (name, Vec::new(), Vec::new()));
            if !entry.1.iter().any(|s| std::ptr::eq(*s, session)) {
                entry.1.push(session);
            }
            let person = HostView {
                name: host.name.clone(),
                role: host.role.clone(),
                organisation: host.organisation.clone(),
                url: String::new(),
                fallback: host.fallback.clone(),
            };
            if !entry
                .2
                .iter()
                .any(|p| p.name == person.name && p.role == person.role)
            {
                entry.2.push(person);
            }
        }
    }
    hosts
        .into_iter()
        .map(|(url, (name, mut sessions, people))| {
            sessions.sort_by_key(|s| std::cmp::Reverse(s.start));
            let path = UrlPath::from_path(&url);
            let view = HostPageView {
                site: site_view,
                // The summary is the template's, from the host's name and weeks.
                page: simple_meta(site, &name, "", &path, Section::Programme),
                weeks_text: list_and(site, &week_names(site, &sessions), ", "),
                weeks: week_names(site, &sessions),
                sessions: sessions.iter().map(|s| session_card(site, s)).collect(),
                people,
                breadcrumbs: breadcrumbs_to(site, None),
                show_exit: shows_exit(site, Section::Programme.name(), Sensitivity::Ordinary),
            };
            let html = templates.render("host.html", &view, &format!("host page {name}"))?;
            Ok(page(path, html, std::path::Path::new("sessions")))
        })
        .collect()
}

/// Two dates as a range: 'Monday 4 March 2024 to Friday 8 March 2024', in the site's language.
pub(crate) fn date_range(site: &Site, from: String, to: String) -> String {
    site.t_with(
        "date-range",
        &[("from", ArgValue::Text(from)), ("to", ArgValue::Text(to))],
    )
}

/// Items as one phrase: 'a, b and c' ('and' in the site's language), `separator` between all
/// but the last two.
pub(crate) fn list_and(site: &Site, items: &[String], separator: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(separator), site.t("list-and")),
    }
}

/// The names of the weeks these sessions belong to, each once, in the site's order of weeks.
fn week_names(site: &Site, sessions: &[&Session]) -> Vec<String> {
    let mut weeks: Vec<WeekId> = sessions.iter().map(|s| s.week).collect();
    weeks.sort_unstable();
    weeks.dedup();
    weeks
        .into_iter()
        .map(|w| site.weeks[w].name.clone())
        .collect()
}

fn render_poster(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    week: &Week,
    shared: &LazyWeek,
) -> Result<RenderedPage, Diagnostic> {
    let url = UrlPath::root()
        .join(&Slug::from_text("sessions").expect("slug"))
        .join(&week.slug)
        .join(&Slug::from_text("poster").expect("slug"));
    // `serve`, after an edit of templates the poster does not use: no view to build.
    if templates.leaves_out("poster.html") {
        return Ok(page(url, NOT_RENDERED.to_owned(), &week.source));
    }
    let shared = shared.get();
    // Across cores: each item draws a QR code, the costly part of the poster.
    let items = week_sessions(site, week)
        .into_par_iter()
        .filter(|s| s.booking.status != crate::model::booking::BookingStatus::Cancelled)
        .map(|session| {
            let target = session
                .booking
                .routes
                .iter()
                .find_map(|r| r.form_url())
                .map(str::to_owned)
                .unwrap_or_else(|| site.config.absolute_url(session.url.as_str()));
            let link_text = target.trim_start_matches("https://").to_owned();
            let qr_svg = crate::qr::render_qr_svg(
                &target,
                &site.t_with(
                    "poster-qr",
                    &[("title", ArgValue::Text(session.title.clone()))],
                ),
            )
            .unwrap_or_default();
            PosterItem {
                card: shared.card(site, session),
                link_text,
                qr_svg,
            }
        })
        .collect();
    let view = PosterView {
        site: site_view,
        page: simple_meta(
            site,
            &site.t_with(
                "poster-title",
                &[("week", ArgValue::Text(week.name.clone()))],
            ),
            &week.summary,
            &url,
            Section::Programme,
        ),
        week: shared.details.clone(),
        items,
        show_exit: false,
    };
    let html = templates.render("poster.html", &view, &week.source.to_string_lossy())?;
    Ok(page(url, html, &week.source))
}
