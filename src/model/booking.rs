//! Booking: what a session's page should say, and lead with, at a given moment.
//!
//! A session moves through phases as time passes: booking not yet open, booking (open,
//! few places, waiting list, full or not needed), booking closed, happening now, finished.
//! The build renders the phase at its 'now'; the theme's script moves readers on to later
//! phases without a rebuild, using the same boundaries (see `themes/hub/static/js/phases.js`).

use jiff::Timestamp;
use serde::Serialize;

/// What the organiser says about booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BookingStatus {
    /// Places can be booked.
    Open,
    /// Full, but a waiting list is open.
    Waitlist,
    /// No places and no waiting list.
    Full,
    /// Booking has closed.
    Closed,
    /// The session will not happen.
    Cancelled,
    /// Just turn up.
    NotRequired,
}

impl BookingStatus {
    /// Every status, with its identifier in files.
    pub const ALL: [(BookingStatus, &'static str); 6] = [
        (BookingStatus::Open, "open"),
        (BookingStatus::Waitlist, "waitlist"),
        (BookingStatus::Full, "full"),
        (BookingStatus::Closed, "closed"),
        (BookingStatus::Cancelled, "cancelled"),
        (BookingStatus::NotRequired, "not-required"),
    ];

    /// The status named `text`, if any.
    pub fn parse(text: &str) -> Option<BookingStatus> {
        BookingStatus::ALL
            .iter()
            .find(|(_, name)| *name == text)
            .map(|(status, _)| *status)
    }
}

impl BookingStatus {
    /// Whether readers book places for a session with this status, and so need a way to.
    pub fn takes_bookings(self) -> bool {
        matches!(self, BookingStatus::Open | BookingStatus::Waitlist)
    }

    /// The identifier in files and pages (`not-required`).
    pub fn slug(self) -> &'static str {
        BookingStatus::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("open", |(_, name)| name)
    }
}

/// One way to book a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookingRoute {
    /// A booking form: an https address.
    Form(String),
    /// An email address. Pages link to a message whose subject names the session, unless the
    /// organiser wrote their own `mailto:` link (kept as written).
    Email {
        /// The address.
        address: String,
        /// The organiser's own `mailto:` link, if they wrote one.
        link: Option<String>,
    },
    /// A phone number, as people dial it.
    Phone(String),
}

impl BookingRoute {
    /// The form's address, if this is a form.
    pub fn form_url(&self) -> Option<&str> {
        match self {
            BookingRoute::Form(url) => Some(url),
            _ => None,
        }
    }
}

/// A session's booking details, with the week's defaults applied.
#[derive(Debug, Clone)]
pub struct Booking {
    /// What the organiser says.
    pub status: BookingStatus,
    /// The ways to book, in the order pages offer them: the session's own if it names any,
    /// else its week's. Never empty when the status takes bookings.
    pub routes: Vec<BookingRoute>,
    /// Places in all.
    pub capacity: Option<u32>,
    /// Places left.
    pub places_left: Option<u32>,
    /// When booking opens.
    pub opens: Option<Timestamp>,
    /// When booking closes.
    pub closes: Option<Timestamp>,
}

/// Where a session is in its life at some moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Booking opens later.
    NotYetOpen,
    /// Booking is as the organiser says (open, few places, waitlist, full, not needed).
    Booking,
    /// Booking has closed; the session is still to come.
    BookingClosed,
    /// It has started and not yet ended.
    HappeningNow,
    /// It has ended: recording and follow-on materials next.
    Finished,
    /// It will not happen.
    Cancelled,
}

impl Phase {
    /// Every phase.
    pub const ALL: [Phase; 6] = [
        Phase::NotYetOpen,
        Phase::Booking,
        Phase::BookingClosed,
        Phase::HappeningNow,
        Phase::Finished,
        Phase::Cancelled,
    ];

    /// The phase whose identifier is `slug`, if any.
    pub fn from_slug(slug: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// The identifier used in HTML `data-phase` attributes and by the script.
    pub fn slug(self) -> &'static str {
        match self {
            Phase::NotYetOpen => "not-yet-open",
            Phase::Booking => "booking",
            Phase::BookingClosed => "booking-closed",
            Phase::HappeningNow => "happening-now",
            Phase::Finished => "finished",
            Phase::Cancelled => "cancelled",
        }
    }
}

/// How few places count as 'few places left'.
pub const FEW_PLACES: u32 = 5;

/// The phase of a session that runs from `start` to `end`, at `now`.
pub fn phase_at(booking: &Booking, start: Timestamp, end: Timestamp, now: Timestamp) -> Phase {
    if booking.status == BookingStatus::Cancelled {
        Phase::Cancelled
    } else if now >= end {
        Phase::Finished
    } else if now >= start {
        Phase::HappeningNow
    } else if booking.status == BookingStatus::NotRequired {
        Phase::Booking
    } else if booking.opens.is_some_and(|opens| now < opens) {
        // Before opening, even a session marked closed says when booking opens.
        Phase::NotYetOpen
    } else if booking.status == BookingStatus::Closed
        || booking.closes.is_some_and(|closes| now >= closes)
    {
        Phase::BookingClosed
    } else {
        Phase::Booking
    }
}

/// The phases a session can still pass through after `now`, in order; the page carries a
/// block for each so the script can move on without a rebuild.
pub fn phases_from(
    booking: &Booking,
    start: Timestamp,
    end: Timestamp,
    now: Timestamp,
) -> Vec<Phase> {
    let mut phases = vec![phase_at(booking, start, end, now)];
    let mut moments: Vec<Timestamp> = [booking.opens, booking.closes, Some(start), Some(end)]
        .into_iter()
        .flatten()
        .collect();
    moments.sort();
    for moment in moments.into_iter().filter(|m| *m > now) {
        let phase = phase_at(booking, start, end, moment);
        if !phases.contains(&phase) {
            phases.push(phase);
        }
    }
    phases
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: i64) -> Timestamp {
        Timestamp::from_second(hour * 3600).unwrap()
    }

    fn booking(status: BookingStatus) -> Booking {
        Booking {
            status,
            routes: Vec::new(),
            capacity: None,
            places_left: None,
            opens: Some(at(10)),
            closes: Some(at(20)),
        }
    }

    /// The table shared with the page script's test (tests/js/phases.test.js).
    const TABLE: &str = include_str!("../../tests/tables/booking-phases.json");

    #[test]
    fn every_status_in_every_phase_matches_the_shared_table() {
        let table: serde_json::Value = serde_json::from_str(TABLE).unwrap();
        let time = |v: &serde_json::Value| {
            v.as_str()
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<Timestamp>().unwrap())
        };
        let (start, end) = (time(&table["start"]).unwrap(), time(&table["end"]).unwrap());
        let moments = table["moments"].as_array().unwrap();
        let mut checked = 0;
        for case in table["cases"].as_array().unwrap() {
            let status = BookingStatus::parse(case["status"].as_str().unwrap()).unwrap();
            let mut booking = booking(status);
            (booking.opens, booking.closes) = (time(&case["opens"]), time(&case["closes"]));
            let expected = case["phases"].as_array().unwrap();
            assert_eq!(expected.len(), moments.len(), "{case}");
            for (moment, phase) in moments.iter().zip(expected) {
                let now = time(&moment[1]).unwrap();
                let want = Phase::from_slug(phase.as_str().unwrap()).unwrap();
                assert_eq!(
                    phase_at(&booking, start, end, now),
                    want,
                    "{} {}: {}",
                    case["status"],
                    moment[0],
                    case
                );
                checked += 1;
            }
        }
        let statuses: Vec<_> = table["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["status"].as_str().unwrap())
            .collect();
        assert!(
            BookingStatus::ALL
                .iter()
                .all(|(_, name)| statuses.contains(name)),
            "every status is in the table"
        );
        assert!(checked >= 6 * 5, "only {checked} checks");
    }

    #[test]
    fn a_closed_session_says_when_booking_opens_until_it_does() {
        let closed = booking(BookingStatus::Closed);
        assert_eq!(phase_at(&closed, at(30), at(32), at(5)), Phase::NotYetOpen);
        assert_eq!(
            phase_at(&closed, at(30), at(32), at(15)),
            Phase::BookingClosed
        );
    }

    #[test]
    fn phases_follow_the_clock() {
        let open = booking(BookingStatus::Open);
        let (start, end) = (at(30), at(32));
        assert_eq!(phase_at(&open, start, end, at(5)), Phase::NotYetOpen);
        assert_eq!(phase_at(&open, start, end, at(10)), Phase::Booking);
        assert_eq!(phase_at(&open, start, end, at(25)), Phase::BookingClosed);
        assert_eq!(phase_at(&open, start, end, at(30)), Phase::HappeningNow);
        assert_eq!(phase_at(&open, start, end, at(32)), Phase::Finished);
    }

    #[test]
    fn cancelled_and_drop_in_sessions_skip_booking_phases() {
        let (start, end) = (at(30), at(32));
        assert_eq!(
            phase_at(&booking(BookingStatus::Cancelled), start, end, at(40)),
            Phase::Cancelled
        );
        assert_eq!(
            phase_at(&booking(BookingStatus::NotRequired), start, end, at(25)),
            Phase::Booking
        );
    }

    #[test]
    fn later_phases_are_listed_in_order() {
        let phases = phases_from(&booking(BookingStatus::Open), at(30), at(32), at(5));
        assert_eq!(
            phases,
            vec![
                Phase::NotYetOpen,
                Phase::Booking,
                Phase::BookingClosed,
                Phase::HappeningNow,
                Phase::Finished
            ]
        );
        assert_eq!(
            phases_from(&booking(BookingStatus::Open), at(30), at(32), at(40)),
            vec![Phase::Finished]
        );
    }
}
