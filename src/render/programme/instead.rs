//! Stage 3, render: what a reader can do instead when a session is full and has no waiting
//! list: other dates of the same session or topic, the organisers' contact, and the recording
//! when one is planned.

use serde::Serialize;

use crate::model::Site;
use crate::model::booking::BookingStatus;
use crate::model::i18n::ArgValue;
use crate::model::session::Session;
use crate::render::programme::session::session_title;
use crate::render::sentence::{Arg, site_sentence};
use crate::render::views::{Link, MarkedLink};

use crate::text::percent::percent_encode;

/// At most this many other dates are offered.
const MOST_OTHER_DATES: usize = 3;

/// The ways on from a full session.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Instead {
    /// Sessions still to come with the same title, or in the same week on a shared topic,
    /// that still have places: 'Family morning, Sunday 28 March 2027 at 10am'.
    pub other_dates: Vec<MarkedLink>,
    /// The organisers' email and phone.
    pub contact: Vec<Link>,
    /// The recording, when its address is already known.
    pub recording: Option<MarkedLink>,
}

/// Whether a session has no places and no waiting list.
pub fn full_without_waiting_list(session: &Session) -> bool {
    let booking = &session.booking;
    booking.status == BookingStatus::Full
        || (booking.status == BookingStatus::Open && booking.places_left == Some(0))
}

/// What to offer a reader who cannot get a place at `session`.
pub fn instead(site: &Site, session: &Session) -> Instead {
    let week = &site.weeks[session.week];
    let mut contact = Vec::new();
    if let Some(email) = &week.contact_email {
        let subject = site.t_with(
            "instead-subject",
            &[("title", ArgValue::Text(session.title.clone()))],
        );
        contact.push(Link::new(
            site.t_with(
                "instead-email",
                &[("address", ArgValue::Text(email.clone()))],
            ),
            format!("mailto:{email}?subject={}", percent_encode(&subject)),
        ));
    }
    if let Some(phone) = &week.contact_phone {
        let digits: String = phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        contact.push(Link::new(
            site.t_with(
                "instead-phone",
                &[("number", ArgValue::Text(phone.clone()))],
            ),
            format!("tel:{digits}"),
        ));
    }
    Instead {
        other_dates: other_dates(site, session),
        contact,
        recording: session.recording.as_ref().map(|url| MarkedLink {
            title: site_sentence(
                site,
                "instead-recording",
                [("title", session_title(session))],
            ),
            url: url.clone(),
        }),
    }
}

/// Other sessions a reader of a full one may book: to come, not cancelled, not full, with
/// the same title (another date of the same session) or in the same week on a shared topic;
/// same-title sessions first, then by start.
fn other_dates(site: &Site, session: &Session) -> Vec<MarkedLink> {
    let same_title = |s: &Session| s.is_other_date_of(session);
    let shares_topic =
        |s: &Session| s.week == session.week && s.topics.iter().any(|t| session.topics.contains(t));
    let mut found: Vec<&Session> = site
        .sessions
        .iter()
        .filter(|s| !std::ptr::eq(*s, session) && s.url != session.url)
        .filter(|s| s.start > site.now && s.booking.status != BookingStatus::Cancelled)
        .filter(|s| !full_without_waiting_list(s))
        .filter(|s| same_title(s) || shares_topic(s))
        .collect();
    found.sort_by_key(|s| (!same_title(s), s.start));
    found
        .into_iter()
        .take(MOST_OTHER_DATES)
        .map(|s| MarkedLink {
            title: site_sentence(
                site,
                "instead-other-date",
                [
                    ("title", session_title(s)),
                    ("day", Arg::text(site.dates.day(s.local_start.date()))),
                    ("time", Arg::text(site.dates.time(s.local_start.time()))),
                ],
            ),
            url: s.url.to_string(),
        })
        .collect()
}
