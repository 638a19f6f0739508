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

/// A session's booking details, with the week's defaults applied.
#[derive(Debug, Clone)]
pub struct Booking {
    /// What the organiser says.
    pub status: BookingStatus,
    /// Where to book: a form (https) or an email (mailto, with a useful subject).
    pub url: Option<String>,
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
    } else if booking.status == BookingStatus::Closed
        || booking.closes.is_some_and(|closes| now >= closes)
    {
        Phase::BookingClosed
    } else if booking.opens.is_some_and(|opens| now < opens) {
        Phase::NotYetOpen
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
            url: None,
            capacity: None,
            places_left: None,
            opens: Some(at(10)),
            closes: Some(at(20)),
        }
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
