//! iCalendar files (RFC 5545): one per session, one per week, one for every session of the
//! site. Times are written in UTC, which needs no VTIMEZONE and is right across the UK clock
//! changes. The icalendar crate escapes text, folds lines at 75 octets and ends them with CRLF.
//!
//! Every word the files add to the sessions' own text (the family details' labels, 'Book by
//! email', 'Details', 'Online') is a theme message in the site's language, and the calendar's
//! name, each event's SUMMARY, DESCRIPTION and LOCATION carry that language as RFC 5545's
//! `LANGUAGE` parameter (section 3.2.10; RFC 7986 allows it on NAME, and X-WR-CALNAME, an
//! extension property, takes any parameter), so that a calendar app can show and read them in it.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

use crate::model::booking::{BookingRoute, BookingStatus};
use crate::model::i18n::ArgValue;
use crate::model::session::Session;
use crate::model::{ById, Site};
use crate::render::ProgrammeWeeks;
use crate::render::programme::cards::family_facts;

/// A calendar file ready to write.
#[derive(Debug, Clone)]
pub struct CalendarFile {
    /// Its output path.
    pub path: String,
    /// The iCalendar text.
    pub text: String,
}

/// The identifier calendars see for the product that made the file.
const PRODID: &str = "-//hubsite//programme//EN";

/// The calendar files of the site (of `weeks`, and the site's of every session); none when there
/// are no weeks.
pub fn render_calendars(site: &Site, weeks: ProgrammeWeeks) -> Vec<CalendarFile> {
    if site.weeks.is_empty() {
        return Vec::new();
    }
    let mut files = Vec::new();
    // A session's and a week's calendars read only the week's sessions: `serve`, after an edit
    // to some weeks, makes only theirs (and the site's, which holds every session).
    for (_, week) in site.weeks.with_ids().filter(|(id, _)| weeks.wants(*id)) {
        let sessions: Vec<&Session> = week.sessions.iter().map(|&id| &site.sessions[id]).collect();
        for session in &sessions {
            files.push(CalendarFile {
                path: format!("{}calendar.ics", &session.url.as_str()[1..]),
                text: render_calendar(site, &session.title, &[session]),
            });
        }
        files.push(CalendarFile {
            path: format!("{}week.ics", &week.url.as_str()[1..]),
            text: render_calendar(site, &week.name, &sessions),
        });
    }
    let all: Vec<&Session> = site
        .weeks
        .iter()
        .flat_map(|w| w.sessions.iter().map(|&id| &site.sessions[id]))
        .collect();
    // Every session of the site: the calendar is named after the site, whatever its weeks are called.
    files.push(CalendarFile {
        path: "sessions/all.ics".into(),
        text: render_calendar(site, &site.config.title, &all),
    });
    files
}

/// One calendar holding `sessions`.
pub fn render_calendar(site: &Site, name: &str, sessions: &[&Session]) -> String {
    let mut calendar = Calendar::empty();
    calendar.append_property(("VERSION", "2.0"));
    calendar.append_property(("PRODID", PRODID));
    calendar.append_property(("CALSCALE", "GREGORIAN"));
    calendar.append_property(("METHOD", "PUBLISH"));
    // Escaped here: the icalendar crate does not know NAME and X-WR-CALNAME as text.
    let name = calendar_name(name);
    for key in ["NAME", "X-WR-CALNAME"] {
        calendar.append_property(in_language(site, key, &name));
    }
    for session in sessions {
        calendar.push(session_event(site, session));
    }
    calendar.to_string()
}

/// One session's event (`BEGIN:VEVENT` to `END:VEVENT`, CRLF line ends, folded), exactly as
/// its own calendar file and the week's hold it: the 'my sessions' page puts chosen ones
/// together in the reader's browser (see [`super::my_sessions`]).
pub fn render_event(site: &Site, session: &Session) -> String {
    // Writing to a String cannot fail.
    session_event(site, session)
        .try_into_string()
        .unwrap_or_default()
}

/// What a calendar named `name` holds around its events: everything before the first
/// `BEGIN:VEVENT` and the closing `END:VCALENDAR` line, as [`render_calendar`] writes them.
pub fn calendar_frame(site: &Site, name: &str) -> (String, String) {
    const END: &str = "END:VCALENDAR\r\n";
    let empty = render_calendar(site, name, &[]);
    let start = empty.strip_suffix(END).unwrap_or(&empty).to_owned();
    (start, END.to_owned())
}

fn utc(t: jiff::Timestamp) -> DateTime<Utc> {
    DateTime::from_timestamp(t.as_second(), 0).unwrap_or_default()
}

fn session_event(site: &Site, session: &Session) -> Event {
    let config = &site.config;
    let page = config.absolute_url(session.url.as_str());
    let host = config
        .base_url
        .split_once("://")
        .map_or(config.base_url.as_str(), |(_, rest)| rest);
    let mut event = Event::new();
    // Stable across builds: the session's address, never a random identifier.
    event.uid(&format!(
        "{}@{}",
        session.url.as_str().trim_matches('/').replace('/', "."),
        host
    ));
    event.timestamp(utc(site.now));
    event.sequence(session.sequence);
    event.append_property(in_language(site, "SUMMARY", &calendar_text(&session.title)));
    event.starts(utc(session.start));
    event.ends(utc(session.end));
    event.url(&page);
    let description = format!("{}{}", session.summary, family_text(site, session))
        + &booking_text(site, session)
        + "\n\n"
        + &site.t_with("calendar-details", &[("url", text(&page))]);
    event.append_property(in_language(
        site,
        "DESCRIPTION",
        &calendar_text(&description),
    ));
    event.append_property(in_language(
        site,
        "LOCATION",
        &calendar_text(&location(site, session)),
    ));
    if session.booking.status == BookingStatus::Cancelled {
        event.status(EventStatus::Cancelled);
    } else {
        event.status(EventStatus::Confirmed);
    }
    event.done()
}

/// A text property (`key`) in the site's language: `SUMMARY;LANGUAGE=cy:...`.
fn in_language(site: &Site, key: &str, value: &str) -> Property {
    Property::new(key, value)
        .add_parameter("LANGUAGE", &site.config.language)
        .done()
}

fn text(value: &str) -> ArgValue {
    ArgValue::Text(value.to_owned())
}

/// The ways to book, each after a blank line ('Book by email: ...'); nothing when the session
/// takes no bookings.
fn booking_text(site: &Site, session: &Session) -> String {
    if !session.booking.status.takes_bookings() {
        return String::new();
    }
    let mut words = String::new();
    for route in &session.booking.routes {
        let line = match route {
            BookingRoute::Form(url) => site.t_with("calendar-book-form", &[("url", text(url))]),
            BookingRoute::Email { address, .. } => {
                site.t_with("book-email", &[("address", text(address))])
            }
            BookingRoute::Phone(number) => site.t_with("book-phone", &[("number", text(number))]),
        };
        words.push_str("\n\n");
        words.push_str(&line);
    }
    words
}

/// What a family needs to know, a fact a line after a blank line ('Cost: £5'), in the site's
/// language; nothing when the session says none of it.
fn family_text(site: &Site, session: &Session) -> String {
    let mut lines: Vec<String> = family_facts(site, &session.family, &session.fallback)
        .into_iter()
        .map(|fact| {
            site.t_with(
                "calendar-fact",
                &[("label", text(&fact.label)), ("text", text(&fact.text))],
            )
        })
        .collect();
    let interpreters = &session.accessibility.interpreters;
    if !interpreters.is_empty() {
        lines.push(site.t_with(
            "session-interpreters",
            &[("languages", text(&interpreters.join(", ")))],
        ));
    }
    if lines.is_empty() {
        String::new()
    } else {
        format!("\n\n{}", lines.join("\n"))
    }
}

/// Text as RFC 5545 allows it: the icalendar crate escapes line feeds, commas and semicolons,
/// but a carriage return or other control character from a session file would reach the file
/// as it is and could start a new line (a new property) in some readers. Line breaks of any
/// kind become line feeds; other control characters but tab become spaces.
pub fn calendar_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => '\n',
            '\n' | '\t' => c,
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// The calendar's name, escaped here: the icalendar crate does not know `NAME` and
/// `X-WR-CALNAME` as text, so it writes them as they are. A name is one line.
pub fn calendar_name(name: &str) -> String {
    calendar_text(name)
        .replace(['\n', '\t'], " ")
        .replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
}

fn location(site: &Site, session: &Session) -> String {
    match &session.venue {
        Some(v) => [Some(v.name.clone()), v.address.clone(), v.postcode.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
        None => match session.online.as_ref().and_then(|o| o.platform.as_deref()) {
            Some(platform) => site.t_with("calendar-online-on", &[("platform", text(platform))]),
            None => site.t("place-online"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriage_returns_and_control_characters_cannot_start_a_line() {
        assert_eq!(
            calendar_text("a\r\nATTACH:x\rDTSTART:y\u{0}z\tw"),
            "a\nATTACH:x\nDTSTART:y z\tw"
        );
        assert_eq!(
            calendar_name("Week\r\nATTACH:x; a, b\\"),
            "Week ATTACH:x\\; a\\, b\\\\"
        );
    }
}
