//! Reading the practice weeks under `sessions/`: `<week>/week.toml`, one TOML file per session,
//! and an optional `<session>.md` beside it for a long description. Types mirror the files.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::load::RawTranslations;
use crate::parse::parse_toml;

use crate::diag::{Code, DATE_TO_FILL, Diagnostic, Diagnostics, SourceFile};

/// A person who organises or hosts, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    /// Their name, or a description such as "A family practitioner".
    pub name: Spanned<String>,
    /// Their role.
    #[serde(default)]
    pub role: Option<String>,
    /// Where they work.
    #[serde(default)]
    pub organisation: Option<Spanned<String>>,
    /// Their role in the site's other languages.
    #[serde(default)]
    pub translations: RawTranslations,
}

/// `[contact]` of a week.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeekContact {
    /// An email address.
    #[serde(default)]
    pub email: Option<String>,
    /// A phone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// `[booking]` of a week: defaults for its sessions.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeekBooking {
    /// A booking address with `{slug}` standing for each session's slug.
    #[serde(default)]
    pub url_template: Option<Spanned<String>>,
    /// Where to email when there is no booking form.
    #[serde(default)]
    pub email: Option<Spanned<String>>,
    /// A phone number to book on, as people dial it.
    #[serde(default)]
    pub phone: Option<Spanned<String>>,
    /// When booking opens.
    #[serde(default)]
    pub opens: Option<Spanned<Datetime>>,
    /// When booking closes.
    #[serde(default)]
    pub closes: Option<Spanned<Datetime>>,
}

/// `[booklet]` of a week.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBooklet {
    /// Whether the booklet is out.
    #[serde(default)]
    pub published: bool,
    /// Its introduction, in Markdown.
    #[serde(default)]
    pub introduction: String,
}

/// `week.toml` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeek {
    /// The edition's name.
    pub name: String,
    /// Its theme.
    #[serde(default)]
    pub theme: Option<String>,
    /// First day.
    pub start_date: Spanned<Datetime>,
    /// Last day.
    pub end_date: Spanned<Datetime>,
    /// One sentence.
    #[serde(default)]
    pub summary: String,
    /// Markdown.
    #[serde(default)]
    pub introduction: String,
    /// Who it is for.
    #[serde(default)]
    pub audience: Vec<Spanned<String>>,
    /// Overrides the site's time zone.
    #[serde(default)]
    pub time_zone: Option<Spanned<String>>,
    /// Where to give feedback.
    #[serde(default)]
    pub feedback_url: Option<Spanned<String>>,
    /// A note for readers, e.g. that details are placeholders.
    #[serde(default)]
    pub note: Option<String>,
    /// Who runs it.
    #[serde(default)]
    pub organisers: Vec<RawPerson>,
    /// How to reach them.
    #[serde(default)]
    pub contact: RawWeekContact,
    /// Booking defaults.
    #[serde(default)]
    pub booking: RawWeekBooking,
    /// The booklet.
    #[serde(default)]
    pub booklet: RawBooklet,
    /// Its text in the site's other languages.
    #[serde(default)]
    pub translations: RawTranslations,
    /// Free-form data for templates.
    #[serde(default)]
    pub extra: toml::Table,
}

/// `[venue]` of a session.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVenue {
    /// The building.
    pub name: String,
    /// Street address.
    #[serde(default)]
    pub address: Option<String>,
    /// Postcode.
    #[serde(default)]
    pub postcode: Option<Spanned<String>>,
    /// Access notes, one per item: "Step-free access", "Hearing loop".
    #[serde(default)]
    pub access: Vec<String>,
}

/// `[online]` of a session.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOnline {
    /// Teams, Zoom...
    #[serde(default)]
    pub platform: Option<String>,
    /// The joining link, when it is public.
    #[serde(default)]
    pub join_url: Option<Spanned<String>>,
}

/// `[booking]` of a session.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSessionBooking {
    /// open, waitlist, full, closed, cancelled, not-required.
    #[serde(default)]
    pub status: Option<Spanned<String>>,
    /// The booking form.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    /// Where to email to book.
    #[serde(default)]
    pub email: Option<Spanned<String>>,
    /// A phone number to book on, as people dial it.
    #[serde(default)]
    pub phone: Option<Spanned<String>>,
    /// Places in all.
    #[serde(default)]
    pub capacity: Option<u32>,
    /// Places not yet taken.
    #[serde(default)]
    pub places_left: Option<Spanned<u32>>,
    /// When booking opens.
    #[serde(default)]
    pub opens: Option<Spanned<Datetime>>,
    /// When booking closes.
    #[serde(default)]
    pub closes: Option<Spanned<Datetime>>,
}

/// `[accessibility]` of a session.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAccessibility {
    /// Live captions.
    #[serde(default)]
    pub captions: bool,
    /// British Sign Language interpretation.
    #[serde(default)]
    pub bsl: bool,
    /// Languages spoken or materials available in.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Languages an interpreter puts the session into (BSL is `bsl`, not here).
    #[serde(default)]
    pub interpreters: Vec<Spanned<String>>,
    /// Anything else.
    #[serde(default)]
    pub notes: Option<String>,
}

/// `[transport]` of a session: getting there.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTransport {
    /// Help offered: "Bus fares paid back; ask when you book".
    #[serde(default)]
    pub help: Option<Spanned<String>>,
    /// Parking: "Free car park behind the hub".
    #[serde(default)]
    pub parking: Option<Spanned<String>>,
    /// A step-free route from the nearest stop or station.
    #[serde(default)]
    pub step_free_route: Option<Spanned<String>>,
}

/// `[cancellation]` of a session.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCancellation {
    /// Why, in a sentence.
    pub reason: String,
}

/// One follow-on material (and, in `content/resources/`, one resource), as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMaterial {
    /// Its title.
    pub title: String,
    /// Where it is.
    pub url: Spanned<String>,
    /// video, talk, article, slides, handout, toolkit, website, podcast.
    pub kind: Spanned<String>,
    /// Who made it.
    #[serde(default)]
    pub source: Option<String>,
    /// Why it is useful, in a line.
    #[serde(default)]
    pub description: Option<String>,
    /// How long it takes, "20m".
    #[serde(default)]
    pub duration: Option<Spanned<String>>,
    /// Shared topics (resources only).
    #[serde(default)]
    pub topics: Vec<Spanned<String>>,
    /// Its title and description in the site's other languages.
    #[serde(default)]
    pub translations: RawTranslations,
}

/// A session file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSession {
    /// Its title.
    pub title: String,
    /// One sentence.
    #[serde(default)]
    pub summary: String,
    /// Markdown; or put it in `<slug>.md` beside the file.
    #[serde(default)]
    pub description: Option<Spanned<String>>,
    /// Local start.
    pub start: Spanned<Datetime>,
    /// Local end; or `duration`.
    #[serde(default)]
    pub end: Option<Spanned<Datetime>>,
    /// "90m", "1h30m".
    #[serde(default)]
    pub duration: Option<Spanned<String>>,
    /// online, in-person, hybrid.
    pub format: Spanned<String>,
    /// Who it is for.
    #[serde(default)]
    pub audience: Vec<Spanned<String>>,
    /// Shared topics.
    #[serde(default)]
    pub topics: Vec<Spanned<String>>,
    /// A note for readers.
    #[serde(default)]
    pub note: Option<String>,
    /// Where, in person.
    #[serde(default)]
    pub venue: Option<RawVenue>,
    /// How, online.
    #[serde(default)]
    pub online: Option<RawOnline>,
    /// Who leads it.
    #[serde(default)]
    pub hosts: Vec<RawPerson>,
    /// Booking, over the week's defaults.
    #[serde(default)]
    pub booking: RawSessionBooking,
    /// Captions, BSL, languages, interpreters.
    #[serde(default)]
    pub accessibility: RawAccessibility,
    /// "free", or an amount in pounds: "£5", "£2.50".
    #[serde(default)]
    pub cost: Option<Spanned<String>>,
    /// Who pays less, for a session that costs something.
    #[serde(default)]
    pub concessions: Option<Spanned<String>>,
    /// creche, children-welcome or none.
    #[serde(default)]
    pub childcare: Option<Spanned<String>>,
    /// The children's ages: "0-5", "0-12 months", "11+".
    #[serde(default)]
    pub ages: Option<Spanned<String>>,
    /// What there is to eat and drink.
    #[serde(default)]
    pub refreshments: Option<Spanned<String>>,
    /// Getting there, in person.
    #[serde(default)]
    pub transport: Option<RawTransport>,
    /// Present when the session is cancelled.
    #[serde(default)]
    pub cancellation: Option<RawCancellation>,
    /// A recording, once there is one.
    #[serde(default)]
    pub recording: Option<Spanned<String>>,
    /// Where to give feedback on this session (else the week's).
    #[serde(default)]
    pub feedback_url: Option<Spanned<String>>,
    /// Materials shared after it.
    #[serde(default)]
    pub follow_on: Vec<RawMaterial>,
    /// Raise when the date, time or place changes, so calendars update (iCalendar SEQUENCE).
    #[serde(default)]
    pub revision: u32,
    /// Services to list instead of the automatic choice: ids or paths (`../directory/x.toml`).
    #[serde(default)]
    pub related_services: Option<Vec<Spanned<String>>>,
    /// Pages to list instead of the automatic choice: source paths, as in links.
    #[serde(default)]
    pub related_pages: Option<Vec<Spanned<String>>>,
    /// Resources to list instead of the automatic choice: their addresses.
    #[serde(default)]
    pub related_resources: Option<Vec<Spanned<String>>>,
    /// Its text in the site's other languages.
    #[serde(default)]
    pub translations: RawTranslations,
    /// Free-form data for templates.
    #[serde(default)]
    pub extra: toml::Table,
}

/// A session file, parsed, with its optional Markdown description file.
#[derive(Debug, Clone)]
pub struct SessionSource {
    /// The file name without `.toml`.
    pub name: String,
    /// The TOML file.
    pub file: SourceFile,
    /// Its contents.
    pub raw: RawSession,
    /// `<name>.md` beside it, if any.
    pub description_file: Option<SourceFile>,
}

/// A week folder, parsed.
#[derive(Debug, Clone)]
pub struct WeekSource {
    /// The folder name.
    pub name: String,
    /// `week.toml`.
    pub file: SourceFile,
    /// Its contents.
    pub raw: RawWeek,
    /// Its sessions, in file name order.
    pub sessions: Vec<SessionSource>,
}

impl WeekSource {
    /// Whether `other` was read from the same files with the same texts: the week and its
    /// sessions then model the same (with the same site around them).
    pub fn same_files(&self, other: &WeekSource) -> bool {
        let same = |a: &SourceFile, b: &SourceFile| a.path == b.path && a.text == b.text;
        self.name == other.name
            && same(&self.file, &other.file)
            && self.sessions.len() == other.sessions.len()
            && self.sessions.iter().zip(&other.sessions).all(|(a, b)| {
                a.name == b.name
                    && same(&a.file, &b.file)
                    && match (&a.description_file, &b.description_file) {
                        (Some(a), Some(b)) => same(a, b),
                        (None, None) => true,
                        _ => false,
                    }
            })
    }
}

/// Groups the files under `sessions/` into weeks and parses them; every problem is collected.
pub fn parse_weeks(files: Vec<SourceFile>, problems: &mut Diagnostics) -> Vec<WeekSource> {
    let mut folders: BTreeMap<String, Vec<(String, SourceFile)>> = BTreeMap::new();
    for file in files {
        let parts: Vec<String> = file
            .path
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        match parts.as_slice() {
            [_, week, name] => folders
                .entry(week.clone())
                .or_default()
                .push((name.clone(), file)),
            _ => problems.push(
                Diagnostic::file(
                    &file.path,
                    "files under sessions/ belong in a week's folder",
                )
                .code(Code::FileInWrongPlace)
                .hint("put it in sessions/<week>/ (one folder per week, no deeper folders)"),
            ),
        }
    }
    folders
        .into_iter()
        .filter_map(|(name, files)| parse_week(name, files, problems))
        .collect()
}

/// A time written alone in a session file is answered with the week's date: its one day, or
/// its first day and the days it runs.
fn with_week_date(mut found: Diagnostics, week: Option<&(String, String)>) -> Diagnostics {
    let Some((start, end)) = week else {
        return found;
    };
    for hint in found.0.iter_mut().filter_map(|d| d.hint.as_mut()) {
        if hint.contains(DATE_TO_FILL) {
            let filled = hint.replace(DATE_TO_FILL, start);
            *hint = if start == end {
                filled
            } else {
                format!("{filled} (the week runs from {start} to {end}: check the day)")
            };
        }
    }
    found
}

fn parse_week(
    name: String,
    files: Vec<(String, SourceFile)>,
    problems: &mut Diagnostics,
) -> Option<WeekSource> {
    let mut week_file = None;
    let mut tomls = Vec::new();
    let mut markdown: BTreeMap<String, SourceFile> = BTreeMap::new();
    for (file_name, file) in files {
        if file_name == "week.toml" {
            week_file = Some(file);
        } else if let Some(stem) = file_name.strip_suffix(".toml") {
            tomls.push((stem.to_owned(), file));
        } else if let Some(stem) = file_name.strip_suffix(".md") {
            markdown.insert(stem.to_owned(), file);
        } else {
            problems.push(
                Diagnostic::file(&file.path, "unexpected file in a week's folder").code(Code::FileInWrongPlace)
                    .hint("a week holds week.toml, <session>.toml and <session>.md files; put other files in static/"),
            );
        }
    }
    let week = week_file
        .as_ref()
        .map(|file| parse_toml::<RawWeek>(file, &file.text, 0));
    let week_dates = match &week {
        Some(Ok(raw)) => Some((
            raw.start_date.get_ref().to_string(),
            raw.end_date.get_ref().to_string(),
        )),
        _ => None,
    };
    let sessions: Vec<SessionSource> = tomls
        .into_iter()
        .filter_map(|(stem, file)| {
            let description_file = markdown.remove(&stem);
            let raw = parse_toml::<RawSession>(&file, &file.text, 0)
                .map_err(|e| problems.extend(with_week_date(e, week_dates.as_ref())))
                .ok()?;
            Some(SessionSource {
                name: stem,
                file,
                raw,
                description_file,
            })
        })
        .collect();
    for (_, orphan) in markdown {
        problems.push(
            Diagnostic::file(
                &orphan.path,
                "this description has no session file beside it",
            )
            .code(Code::FileInWrongPlace)
            .hint("a session's description file must share its name with a <session>.toml file"),
        );
    }
    let Some(file) = week_file else {
        problems.push(
            Diagnostic::file(
                format!("sessions/{name}/week.toml"),
                "this week has no week.toml",
            )
            .code(Code::FileInWrongPlace)
            .hint("add week.toml with the week's name, start_date and end_date"),
        );
        return None;
    };
    let raw = week?.map_err(|e| problems.extend(e)).ok()?;
    Some(WeekSource {
        name,
        file,
        raw,
        sessions,
    })
}
