//! Stage 4, outputs: the data of each week's 'my sessions' page (`/sessions/<week>/mine/`),
//! published as `sessions/<week>/mine/events.json`.
//!
//! A reader's choice of sessions lives only in the page's address (`#s=slug1,slug2`), so the
//! one calendar file holding them is put together in the reader's browser: the script
//! (`my-sessions.js`) writes `calendar_start`, the chosen sessions' `event`s in the week's
//! order, then `calendar_end`. Each piece is written by [`super::calendar`], the code that writes
//! the per-session and week files, so an event carries the same UID, SEQUENCE, DTSTAMP, times
//! and text as the session's own `calendar.ics` (a later download replaces rather than
//! duplicates it in a calendar app), and choosing every session gives the week's `week.ics`
//! byte for byte.

use serde::Serialize;

use super::calendar::{calendar_frame, render_event};
use crate::model::paths::my_sessions_events_url;
use crate::model::{ById, Site};
use crate::render::ProgrammeWeeks;

/// The published file of one week.
#[derive(Debug, Serialize)]
struct EventsFile {
    /// The calendar's first lines, up to its first event (CRLF line ends).
    calendar_start: String,
    /// Its last line.
    calendar_end: String,
    /// Every session of the week, in the week's order.
    sessions: Vec<SessionEvent>,
}

/// One session's event.
#[derive(Debug, Serialize)]
struct SessionEvent {
    /// The session's slug, as the page's address names it.
    slug: String,
    /// Its `VEVENT`, as its own calendar file holds it.
    event: String,
}

/// A week's data file: its output path and its JSON.
#[derive(Debug, Clone)]
pub struct EventsJson {
    /// `sessions/<week>/mine/events.json`.
    pub path: String,
    /// The JSON text.
    pub text: String,
}

/// One data file per week of `weeks`; none when the site has no weeks.
pub fn render_events_files(
    site: &Site,
    weeks: ProgrammeWeeks,
) -> Result<Vec<EventsJson>, serde_json::Error> {
    // Each file reads only its week's sessions: `serve`, after an edit to some weeks, makes only
    // theirs.
    site.weeks
        .with_ids()
        .filter(|(id, _)| weeks.wants(*id))
        .map(|(_, week)| {
            let (calendar_start, calendar_end) = calendar_frame(site, &week.name);
            let file = EventsFile {
                calendar_start,
                calendar_end,
                sessions: week
                    .sessions
                    .iter()
                    .map(|&id| {
                        let session = &site.sessions[id];
                        SessionEvent {
                            slug: session.slug.to_string(),
                            event: render_event(site, session),
                        }
                    })
                    .collect(),
            };
            Ok(EventsJson {
                path: my_sessions_events_url(&week.url)[1..].to_owned(),
                text: serde_json::to_string(&file)?,
            })
        })
        .collect()
}
