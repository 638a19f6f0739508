//! A session's page: the one next step first, then the details, calendar links and JSON-LD.

use serde::Serialize;
use serde_json::json;

use crate::model::PageId;
use crate::model::Site;
use crate::model::booking::{BookingRoute, BookingStatus, Phase};
use crate::model::family::Cost;
use crate::model::i18n::ArgValue;
use crate::model::material::MaterialText;
use crate::model::paths::topic_url;
use crate::model::session::{Format, Session};
use crate::model::translation::Fallback;
use crate::model::translation::TextField;
use crate::render::programme::cards::{
    FamilyFact, PhaseClock, PhaseText, family_facts, moment_text, phase_clock, phase_texts,
    tag_text,
};
use crate::render::programme::instead::{Instead, full_without_waiting_list, instead};
use crate::render::sentence::{Arg, Html, site_sentence};
use crate::render::views::{Card, Link, MarkedLink};

use crate::text::percent::percent_encode;

/// What to do next, for one phase of the session.
#[derive(Debug, Clone, Serialize)]
pub struct NextStep {
    /// The phase it belongs to.
    pub phase: &'static str,
    /// Hidden at build time (another phase is current).
    pub hidden: bool,
    /// The headline: 'Book a place', 'Fully booked', 'Happening now'...
    pub heading: String,
    /// Sentences under it.
    pub lines: Vec<Html>,
    /// The buttons: one per way to book, or the joining link, or the recording.
    pub actions: Vec<MarkedLink>,
    /// A second link (the recording, the materials).
    pub secondary: Option<MarkedLink>,
    /// Show the follow-on materials right here.
    pub materials: bool,
    /// For a full session with no waiting list: what to do instead.
    pub instead: Option<Instead>,
}

/// Someone who leads the session, linked to their page.
#[derive(Debug, Clone, Serialize)]
pub struct HostView {
    /// Name.
    pub name: String,
    /// Role.
    pub role: Option<String>,
    /// Organisation.
    pub organisation: Option<String>,
    /// The page listing their sessions.
    pub url: String,
    /// Fields shown in the default language (`fallback.role`): marked with `lang`.
    pub fallback: Fallback,
}

/// The facts of a session for its page.
#[derive(Debug, Clone, Serialize)]
pub struct SessionDetails {
    /// Title.
    pub title: String,
    /// 'Tuesday 5 March 2024'.
    pub day: String,
    /// '10am to 11:30am'.
    pub time: String,
    /// 'UK time' or the zone's name.
    pub zone: String,
    /// 'Online'.
    pub format: String,
    /// 'online'.
    pub format_slug: &'static str,
    /// Venue, if in person.
    pub venue: Option<crate::model::session::Venue>,
    /// A map link for the venue's postcode (loads nothing until followed).
    pub map_url: Option<String>,
    /// Online details.
    pub online: Option<crate::model::session::Online>,
    /// Who it is for.
    pub audience: Vec<String>,
    /// Who leads it.
    pub hosts: Vec<HostView>,
    /// Captions, BSL, languages, interpreters.
    pub accessibility: crate::model::session::Accessibility,
    /// Cost, children, ages, refreshments, getting there.
    pub family: Vec<FamilyFact>,
    /// A note for readers.
    pub note: Option<String>,
    /// The week's name.
    pub week: String,
    /// The week's programme.
    pub week_url: String,
    /// This session's calendar file.
    pub ics_url: String,
    /// Add to Google Calendar.
    pub google_url: String,
    /// Add to Outlook.
    pub outlook_url: String,
    /// Materials shared after it.
    pub follow_on: Vec<MaterialText>,
    /// Its topics.
    pub topics: Vec<Link>,
    /// Whether it is cancelled.
    pub cancelled: bool,
    /// Fields shown in the default language (`fallback.title`, `.summary`, `.description`,
    /// `.note`): the templates mark them with `lang`.
    pub fallback: Fallback,
    /// The week's fields shown in the default language (`week_fallback.name`).
    pub week_fallback: Fallback,
}

/// The details of a session.
pub fn session_details(
    site: &Site,
    session: &Session,
    host_url: &dyn Fn(&str) -> String,
) -> SessionDetails {
    let week = &site.weeks[session.week];
    let zone = if week.time_zone_name == "Europe/London" {
        site.t("session-uk-time")
    } else {
        week.time_zone_name.replace('_', " ")
    };
    SessionDetails {
        title: session.title.clone(),
        day: site.dates.day(session.local_start.date()),
        time: site
            .dates
            .time_range(session.local_start.time(), session.local_end.time()),
        zone,
        format: site.t(session.format.message_key()),
        format_slug: session.format.slug(),
        map_url: session.venue.as_ref().and_then(map_url),
        venue: session.venue.clone(),
        online: session.online.clone(),
        audience: session
            .audience
            .iter()
            .map(|a| site.t(a.message_key()))
            .collect(),
        hosts: session
            .hosts
            .iter()
            .map(|h| HostView {
                name: h.name.clone(),
                role: h.role.clone(),
                organisation: h.organisation.clone(),
                url: host_url(h.organisation.as_deref().unwrap_or(&h.name)),
                fallback: h.fallback.clone(),
            })
            .collect(),
        accessibility: session.accessibility.clone(),
        family: family_facts(site, &session.family, &session.fallback),
        note: session.note.clone(),
        week: week.name.clone(),
        week_url: week.url.to_string(),
        ics_url: format!("{}calendar.ics", session.url),
        google_url: google_calendar_url(site, session),
        outlook_url: outlook_url(site, session),
        follow_on: session.follow_on.iter().map(MaterialText::from).collect(),
        topics: session
            .topics
            .iter()
            .map(|&t| Link::topic(&site.topics.list[t], topic_url(&site.topics.list[t].slug)))
            .collect(),
        cancelled: session.booking.status == BookingStatus::Cancelled,
        fallback: session.fallback.clone(),
        week_fallback: week.fallback.clone(),
    }
}

/// An OpenStreetMap search for the venue: a plain link, nothing loads until it is followed.
fn map_url(venue: &crate::model::session::Venue) -> Option<String> {
    let place = venue.postcode.as_deref().or(venue.address.as_deref())?;
    Some(format!(
        "https://www.openstreetmap.org/search?query={}",
        percent_encode(place)
    ))
}

fn compact_utc(t: jiff::Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn location_text(site: &Site, session: &Session) -> String {
    match (&session.venue, session.format) {
        (Some(v), _) => [Some(v.name.clone()), v.address.clone(), v.postcode.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
        (None, _) => session
            .online
            .as_ref()
            .and_then(|o| o.platform.clone())
            .unwrap_or_else(|| site.t("place-online")),
    }
}

fn google_calendar_url(site: &Site, session: &Session) -> String {
    let page = site.config.absolute_url(session.url.as_str());
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}&location={}",
        percent_encode(&session.title),
        compact_utc(session.start),
        compact_utc(session.end),
        percent_encode(&format!("{}\n\n{page}", session.summary)),
        percent_encode(&location_text(site, session)),
    )
}

fn outlook_url(site: &Site, session: &Session) -> String {
    let page = site.config.absolute_url(session.url.as_str());
    format!(
        "https://outlook.office.com/calendar/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={}&startdt={}&enddt={}&body={}&location={}",
        percent_encode(&session.title),
        percent_encode(&session.start.to_string()),
        percent_encode(&session.end.to_string()),
        percent_encode(&format!("{}\n\n{page}", session.summary)),
        percent_encode(&location_text(site, session)),
    )
}

/// The next step for every phase the session can still reach.
pub fn next_steps(site: &Site, session: &Session) -> (PhaseClock, Vec<NextStep>, Vec<PhaseText>) {
    let texts = phase_texts(session, site, tag_text);
    let steps = texts
        .iter()
        .map(|text| {
            let phase = phase_by_slug(text.phase);
            let mut step = next_step(site, session, phase);
            step.hidden = text.hidden;
            step
        })
        .collect();
    (phase_clock(session, site.now), steps, texts)
}

fn phase_by_slug(slug: &str) -> Phase {
    Phase::from_slug(slug).unwrap_or(Phase::Booking)
}

fn step(phase: Phase, heading: impl Into<String>) -> NextStep {
    NextStep {
        phase: phase.slug(),
        hidden: false,
        heading: heading.into(),
        lines: Vec::new(),
        actions: Vec::new(),
        secondary: None,
        materials: false,
        instead: None,
    }
}

fn next_step(site: &Site, session: &Session, phase: Phase) -> NextStep {
    let booking = &session.booking;
    let title = || session_title(session);
    let closes = booking.closes.map(|t| {
        site_sentence(
            site,
            "step-closes-at",
            [("moment", Arg::text(moment_text(site, session, t)))],
        )
    });
    match phase {
        Phase::NotYetOpen => {
            let mut s = step(phase, site.t("step-not-open"));
            if let Some(opens) = booking.opens {
                s.lines.push(site_sentence(
                    site,
                    "step-opens-at",
                    [("moment", Arg::text(moment_text(site, session, opens)))],
                ));
            }
            s
        }
        Phase::Booking => booking_step(site, session, closes),
        Phase::BookingClosed => {
            let mut s = step(phase, site.t("step-closed"));
            s.lines.push(site_sentence(site, "step-closed-line", []));
            s
        }
        Phase::HappeningNow => {
            let mut s = step(phase, site.t("step-now"));
            match session.online.as_ref().and_then(|o| o.join_url.clone()) {
                Some(url) => s.actions.push(MarkedLink {
                    title: site_sentence(site, "step-join", []),
                    url,
                }),
                None if session.format != Format::InPerson => {
                    s.lines.push(site_sentence(site, "step-use-link", []))
                }
                None => s.lines.push(site_sentence(site, "step-started", [])),
            }
            s
        }
        Phase::Finished => {
            let mut s = step(phase, site.t("step-finished"));
            if let Some(url) = &session.recording {
                s.actions.push(MarkedLink {
                    title: site_sentence(site, "step-watch", [("title", title())]),
                    url: url.clone(),
                });
            }
            let week = &site.weeks[session.week];
            if let Some(url) = session.feedback_url.as_ref().or(week.feedback_url.as_ref()) {
                s.secondary = Some(MarkedLink {
                    title: site_sentence(site, "step-feedback", [("title", title())]),
                    url: url.clone(),
                });
            }
            s.materials = !session.follow_on.is_empty();
            if !s.materials && session.recording.is_none() {
                s.lines.push(site_sentence(site, "step-no-materials", []));
            }
            s
        }
        Phase::Cancelled => {
            let mut s = step(phase, site.t("step-cancelled"));
            s.lines.push(match &session.cancellation_reason {
                Some(reason) => site_sentence(
                    site,
                    "step-cancelled-because",
                    [(
                        "reason",
                        Arg::marked(
                            reason.clone(),
                            session.fallback.lang(TextField::CancellationReason),
                        ),
                    )],
                ),
                None => site_sentence(site, "step-cancelled-line", []),
            });
            s
        }
    }
}

fn booking_step(site: &Site, session: &Session, closes: Option<Html>) -> NextStep {
    let booking = &session.booking;
    let links = |list: RouteList| {
        booking
            .routes
            .iter()
            .map(|route| route_link(site, session, route, list))
            .collect::<Vec<_>>()
    };
    let mut s = match booking.status {
        BookingStatus::Waitlist => {
            let mut s = step(Phase::Booking, site.t("step-waiting"));
            s.lines.push(site_sentence(site, "step-waiting-line", []));
            s.actions = links(RouteList::Waiting);
            s
        }
        _ if full_without_waiting_list(session) => {
            let mut s = step(Phase::Booking, site.t("step-full"));
            s.lines.push(site_sentence(site, "step-no-places", []));
            s.instead = Some(instead(site, session));
            return s;
        }
        BookingStatus::NotRequired => {
            let mut s = step(Phase::Booking, site.t("step-no-need"));
            s.lines.push(site_sentence(site, "step-just-come", []));
            return s;
        }
        BookingStatus::Open
        | BookingStatus::Full
        | BookingStatus::Closed
        | BookingStatus::Cancelled => {
            let mut s = step(Phase::Booking, site.t("step-book"));
            if let Some(left) = booking.places_left {
                s.lines.push(match left {
                    0 => site_sentence(site, "step-no-places", []),
                    n => site_sentence(
                        site,
                        "step-places-left",
                        [("count", Arg::Number(f64::from(n)))],
                    ),
                });
            }
            s.actions = links(RouteList::Places);
            s
        }
    };
    if session.format != Format::InPerson {
        s.lines.push(site_sentence(site, "step-link-sent", []));
    }
    s.lines.extend(closes);
    s
}

/// What booking through a route gets: a place, or a place on the waiting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteList {
    /// A place.
    Places,
    /// A place on the waiting list.
    Waiting,
}

/// A way to book as a link: 'Book a place: {title}' to the form, 'Book by email: {address}'
/// to a message whose subject names the session, 'Book by phone: {number}' to `tel:`.
pub fn route_link(
    site: &Site,
    session: &Session,
    route: &BookingRoute,
    list: RouteList,
) -> MarkedLink {
    // Each way's message, and its waiting-list twin (`book-form-waiting`).
    let title = |way: &str, name: &str, value: Arg| {
        let key = match list {
            RouteList::Waiting => format!("book-{way}-waiting"),
            RouteList::Places => format!("book-{way}"),
        };
        site_sentence(site, &key, [(name, value)])
    };
    match route {
        BookingRoute::Form(url) => MarkedLink {
            title: title("form", "title", session_title(session)),
            url: url.clone(),
        },
        BookingRoute::Email { address, link } => MarkedLink {
            title: title("email", "address", Arg::text(address.clone())),
            url: link
                .clone()
                .unwrap_or_else(|| mailto(site, session, address)),
        },
        BookingRoute::Phone(number) => MarkedLink {
            title: title("phone", "number", Arg::text(number.clone())),
            url: format!(
                "tel:{}",
                number
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect::<String>()
            ),
        },
    }
}

/// A session's title as a sentence's variable: marked when it fell back to the default
/// language.
pub fn session_title(session: &Session) -> Arg {
    Arg::marked(
        session.title.clone(),
        session.fallback.lang(TextField::Title),
    )
}

/// A `mailto:` link whose subject tells the organiser which session is meant.
fn mailto(site: &Site, session: &Session, address: &str) -> String {
    let week = &site.weeks[session.week];
    let subject = site.t_with(
        "book-email-subject",
        &[
            ("title", text(session.title.clone())),
            ("day", text(site.dates.day(session.local_start.date()))),
            ("week", text(week.name.clone())),
        ],
    );
    format!("mailto:{address}?subject={}", percent_encode(&subject))
}

/// A message's variable of text.
fn text(value: String) -> ArgValue {
    ArgValue::Text(value)
}

/// schema.org Event as JSON-LD, safe to place in a `<script>` element.
pub fn json_ld(site: &Site, session: &Session) -> String {
    let config = &site.config;
    let week = &site.weeks[session.week];
    let offset_time = |t: jiff::Timestamp| {
        let zoned = t.to_zoned_datetime(week.time_zone.clone());
        zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    };
    let status = match session.booking.status {
        BookingStatus::Cancelled => "https://schema.org/EventCancelled",
        _ => "https://schema.org/EventScheduled",
    };
    let mode = match session.format {
        Format::Online => "https://schema.org/OnlineEventAttendanceMode",
        Format::InPerson => "https://schema.org/OfflineEventAttendanceMode",
        Format::Hybrid => "https://schema.org/MixedEventAttendanceMode",
    };
    let page = config.absolute_url(session.url.as_str());
    let mut locations = Vec::new();
    if let Some(venue) = &session.venue {
        locations.push(json!({"@type": "Place", "name": venue.name, "address": {
            "@type": "PostalAddress", "streetAddress": venue.address, "postalCode": venue.postcode, "addressCountry": "GB"}}));
    }
    if session.format != Format::InPerson {
        let url = session
            .online
            .as_ref()
            .and_then(|o| o.join_url.clone())
            .unwrap_or_else(|| page.clone());
        locations.push(json!({"@type": "VirtualLocation", "url": url}));
    }
    let organizer = config
        .organisation
        .as_ref()
        .map(|o| json!({"@type": "Organization", "name": o.name, "url": o.url}));
    let performers: Vec<_> = session
        .hosts
        .iter()
        .map(|h| match &h.organisation {
            Some(org) => json!({"@type": "Person", "name": h.name, "affiliation": {"@type": "Organization", "name": org}}),
            None => json!({"@type": "Person", "name": h.name}),
        })
        .collect();
    let mut event = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.title,
        "description": session.summary,
        "url": page,
        "startDate": offset_time(session.start),
        "endDate": offset_time(session.end),
        "eventStatus": status,
        "eventAttendanceMode": mode,
        "location": if locations.len() == 1 { locations[0].clone() } else { json!(locations) },
        "organizer": organizer,
        "performer": performers,
        "inLanguage": config.language,
    });
    let offer_url = session
        .booking
        .routes
        .iter()
        .find(|r| !matches!(r, BookingRoute::Phone(_)))
        .map(|r| route_link(site, session, r, RouteList::Places).url);
    let cost = session.family.cost.as_ref();
    let cancelled = session.booking.status == BookingStatus::Cancelled;
    if !cancelled && (offer_url.is_some() || cost.is_some()) {
        let availability = match session.booking.status {
            BookingStatus::Full => "https://schema.org/SoldOut",
            BookingStatus::Waitlist => "https://schema.org/LimitedAvailability",
            _ => "https://schema.org/InStock",
        };
        let mut offer = json!({"@type": "Offer", "availability": availability});
        if let Some(cost) = cost {
            // The real price, only when the organiser says it: no cost given is no price.
            offer["price"] = json!(cost.price());
            offer["priceCurrency"] = json!("GBP");
        }
        if let Some(url) = offer_url {
            offer["url"] = json!(url);
        }
        event["offers"] = offer;
    }
    if let Some(cost) = cost {
        event["isAccessibleForFree"] = json!(*cost == Cost::Free);
    }
    script_safe_json(&serde_json::to_string_pretty(&event).unwrap_or_default())
}

/// JSON that can sit inside a `<script>` element whatever its strings hold: `<`, `>` and `&`
/// become `\u003c`, `\u003e` and `\u0026`, the same text to a JSON parser, so neither `</script>`
/// nor `<!--` can end or change the element.
pub fn script_safe_json(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The related pages of a session or service (see [`RelatedLists`](crate::model::related::RelatedLists)), as cards.
pub fn related_pages(site: &Site, chosen: &[PageId]) -> Vec<Card> {
    chosen
        .iter()
        .map(|&n| crate::render::views::card(&site.pages[n], &site.dates))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_means_the_same_and_cannot_close_the_script() {
        let value = json!({"name": "</script><!--<script>a & b>c"});
        let safe = script_safe_json(&value.to_string());
        assert!(!safe.contains(['<', '>', '&']), "{safe}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&safe).unwrap(),
            value
        );
    }
}
