//! Sessions of a practice week: validated, with times as instants and booking resolved.

use std::path::PathBuf;

use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::diag::{Code, Diagnostics, SourceFile};
use crate::load::sessions::{RawPerson, SessionSource};
use crate::model::audience::Audience;
use crate::model::booking::{Booking, BookingRoute, BookingStatus};
use crate::model::duration::parse_duration_minutes;
use crate::model::family::{
    Family, PartOfWeek, SessionShape, TimeOfDay, build_family, interpreters,
};
use crate::model::id::Id;
use crate::model::material::{Material, build_material};
use crate::model::related::RelatedLists;
use crate::model::relations::{ExplicitRelations, Subject, WrittenRelations};
use crate::model::sensitivity::Sensitivity;
use crate::model::service::shapes::{
    ShapeError, check_email, check_phone, parse_postcode, postcode_hint,
};
use crate::model::slug::{Slug, UrlPath};
use crate::model::time::parse_local_datetime;
use crate::model::topic::{TopicId, Topics};
use crate::model::translation::{Fallback, Languages, TextField, TextKind, Translation};
use crate::model::week::{WeekId, translated_markdown};

/// How people take part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// On a video call.
    Online,
    /// In a room.
    InPerson,
    /// Either.
    Hybrid,
}

impl Format {
    /// Every format with its identifier in files and URLs.
    pub const ALL: [(Format, &'static str); 3] = [
        (Format::Online, "online"),
        (Format::InPerson, "in-person"),
        (Format::Hybrid, "hybrid"),
    ];

    /// The identifier.
    pub fn slug(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("online", |(_, s)| s)
    }

    /// The name readers see.
    /// The theme's message for its name on pages (`label` stays English for machine outputs).
    pub fn message_key(self) -> &'static str {
        match self {
            Format::Online => "format-online",
            Format::InPerson => "format-in-person",
            Format::Hybrid => "format-hybrid",
        }
    }

    /// The English name, for machine outputs (the ORUK export, search records).
    pub fn label(self) -> &'static str {
        match self {
            Format::Online => "Online",
            Format::InPerson => "In person",
            Format::Hybrid => "In person and online",
        }
    }
}

/// Someone who hosts or organises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Name or description.
    pub name: String,
    /// Role.
    pub role: Option<String>,
    /// Organisation.
    pub organisation: Option<String>,
    /// Its role shown in the default language, on a translation.
    pub fallback: Fallback,
}

impl Person {
    /// A host or organiser written in `file`, with their role in the language being built.
    pub fn build(
        raw: &RawPerson,
        file: &SourceFile,
        languages: &Languages,
        problems: &mut Diagnostics,
    ) -> Person {
        let mut translation = Translation::check(
            &raw.translations,
            TextKind::Person,
            file,
            languages,
            problems,
        );
        Person {
            name: raw.name.get_ref().clone(),
            role: translation.optional(TextField::Role, raw.role.as_deref()),
            organisation: raw.organisation.as_ref().map(|o| o.get_ref().clone()),
            fallback: translation.into_fallback(),
        }
    }
}

/// Where an in-person session happens.
#[derive(Debug, Clone, Serialize)]
pub struct Venue {
    /// Building.
    pub name: String,
    /// Street address.
    pub address: Option<String>,
    /// Postcode.
    pub postcode: Option<String>,
    /// Access notes.
    pub access: Vec<String>,
}

/// How an online session is joined.
#[derive(Debug, Clone, Serialize)]
pub struct Online {
    /// Teams, Zoom...
    pub platform: Option<String>,
    /// A public joining link, if any; usually sent after booking.
    pub join_url: Option<String>,
}

/// Captions, BSL and languages.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Accessibility {
    /// Live captions.
    pub captions: bool,
    /// BSL interpretation.
    pub bsl: bool,
    /// Languages it is held in.
    pub languages: Vec<String>,
    /// Languages an interpreter puts it into (BSL is `bsl`).
    pub interpreters: Vec<String>,
    /// Anything else.
    pub notes: Option<String>,
}

/// Markdown text and where it was written, so links in it can be checked and located.
#[derive(Debug, Clone)]
pub struct Markdown {
    /// The Markdown.
    pub text: String,
    /// The file it is in.
    pub file: SourceFile,
    /// Where it starts in the file.
    pub offset: usize,
}

/// A session's position in `Site::sessions`.
pub type SessionId = Id<Session>;

/// A validated session.
#[derive(Debug, Clone)]
pub struct Session {
    /// Its week.
    pub week: WeekId,
    /// From its file name.
    pub slug: Slug,
    /// Its page.
    pub url: UrlPath,
    /// Its file, for messages.
    pub source: PathBuf,
    /// Title.
    pub title: String,
    /// One sentence.
    pub summary: String,
    /// The long description.
    pub description: Option<Markdown>,
    /// Start, as written (local time).
    pub local_start: DateTime,
    /// End, local time.
    pub local_end: DateTime,
    /// Start instant.
    pub start: Timestamp,
    /// End instant.
    pub end: Timestamp,
    /// Online, in person or both.
    pub format: Format,
    /// Where, in person.
    pub venue: Option<Venue>,
    /// How, online.
    pub online: Option<Online>,
    /// Who it is for.
    pub audience: Vec<Audience>,
    /// Indexes into the site's topics.
    pub topics: Vec<TopicId>,
    /// Who leads it.
    pub hosts: Vec<Person>,
    /// Booking, with the week's defaults applied.
    pub booking: Booking,
    /// Captions, BSL, languages, interpreters.
    pub accessibility: Accessibility,
    /// Cost, childcare, ages, refreshments, getting there.
    pub family: Family,
    /// Why it was cancelled, if it was and a reason is given.
    pub cancellation_reason: Option<String>,
    /// A recording.
    pub recording: Option<String>,
    /// Where to give feedback on it, if it has its own (else the week's is offered).
    pub feedback_url: Option<String>,
    /// Materials shared after it.
    pub follow_on: Vec<Material>,
    /// A note for readers.
    pub note: Option<String>,
    /// iCalendar SEQUENCE: the organiser's revision, plus one once cancelled.
    pub sequence: u32,
    /// Sensitive when one of its topics is.
    pub sensitivity: Sensitivity,
    /// Its `related_*` lists as written.
    pub written_relations: WrittenRelations,
    /// Its `related_*` lists, resolved once everything is known.
    pub related: ExplicitRelations,
    /// The related lists it shows, chosen once everything is known.
    pub related_lists: RelatedLists,
    /// Its fields shown in the default language, on a translation.
    pub fallback: Fallback,
}

impl Session {
    /// What its related lists are chosen for.
    pub fn subject(&self) -> Subject<'_> {
        Subject {
            topics: &self.topics,
            sensitivity: self.sensitivity,
            explicit: &self.related,
        }
    }

    /// Morning, afternoon or evening, from its local start.
    pub fn time_of_day(&self) -> TimeOfDay {
        TimeOfDay::of(self.local_start.time())
    }

    /// Weekday or weekend, from its local start.
    pub fn part_of_week(&self) -> PartOfWeek {
        PartOfWeek::of(self.local_start.date())
    }

    /// Whether `other` is another date of this session, which a full session's page offers
    /// in any week: the same title, regardless of ASCII case. The one rule for both the
    /// session's page (render::programme::instead) and which weeks an edit can change
    /// (pipeline::cache::sessions).
    pub fn is_other_date_of(&self, other: &Session) -> bool {
        self.title.eq_ignore_ascii_case(&other.title)
    }
}

/// What a session inherits from its week.
pub struct WeekDefaults<'a> {
    /// The week.
    pub index: WeekId,
    /// The week's page.
    pub url: &'a UrlPath,
    /// Its time zone.
    pub time_zone: &'a TimeZone,
    /// The week's ways to book; in a form's address `{slug}` stands for each session's slug.
    pub routes: Vec<BookingRoute>,
    /// Whether the week's `[booking]` names a way to book, valid or not (a broken one is
    /// reported once, in week.toml, not again for every session).
    pub names_a_route: bool,
    /// Booking opens.
    pub opens: Option<Timestamp>,
    /// Booking closes.
    pub closes: Option<Timestamp>,
    /// The language being built, and the site's languages (for translated text).
    pub languages: &'a Languages,
}

impl WeekDefaults<'_> {
    /// The week's ways to book for the session `slug`.
    pub fn routes_for(&self, slug: &Slug) -> Vec<BookingRoute> {
        let fill = |route: &BookingRoute| match route {
            BookingRoute::Form(template) => {
                BookingRoute::Form(template.replace("{slug}", slug.as_str()))
            }
            other => other.clone(),
        };
        self.routes.iter().map(fill).collect()
    }
}

/// Validates one session file; `None` (with problems recorded) when it cannot be used.
/// Things worth a word that do not stop the build go in `warnings`.
pub fn build_session(
    source: &SessionSource,
    week: &WeekDefaults,
    topics: &Topics,
    problems: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<Session> {
    let raw = &source.raw;
    let file = &source.file;
    let slug = Slug::from_text(&source.name).or_else(|| {
        problems.push(
            crate::diag::Diagnostic::file(
                &file.path,
                "this file name cannot be made into a web address",
            )
            .code(Code::BadName),
        );
        None
    })?;
    // Check every field before giving up, so that one run reports every problem in the file.
    let local_start = parse_local_datetime(&raw.start, file, 0)
        .map_err(|d| problems.push(d))
        .ok();
    let start =
        local_start.and_then(|local| instant(&raw.start, local, week.time_zone, file, problems));
    if let (Some(local), Some(start)) = (local_start, start) {
        warnings.0.extend(repeated_time(
            &raw.start,
            local,
            start,
            week.time_zone,
            file,
        ));
    }
    let times = match (local_start, start) {
        (Some(local), Some(start)) => {
            session_end(source, local, start, week.time_zone, problems, warnings)
                .map(|end| (local, start, end))
        }
        _ => None,
    };
    let format = parse_format(&raw.format, file, problems);
    let mut translation = Translation::check(
        &raw.translations,
        TextKind::Session,
        file,
        week.languages,
        problems,
    );
    let venue = raw.venue.as_ref().map(|v| Venue {
        name: v.name.clone(),
        address: v.address.clone(),
        postcode: v
            .postcode
            .as_ref()
            .and_then(|p| venue_postcode(p, file, problems)),
        access: translation.list(TextField::VenueAccess, &v.access),
    });
    if let Some(format) = format.filter(|f| venue.is_none() && *f != Format::Online) {
        problems.push(
            file.error_at(
                raw.format.span(),
                format!(
                    "a session {} needs a [venue]",
                    format.label().to_lowercase()
                ),
            )
            .code(Code::MissingField)
            .hint("add [venue] with name, address and postcode, or set format = \"online\""),
        );
    }
    let online = raw.online.as_ref().map(|o| Online {
        platform: o.platform.clone(),
        join_url: join_url(o.join_url.as_ref(), file, problems),
    });
    let cancelled = raw.cancellation.is_some();
    let booking = build_booking(source, &slug, week, start, cancelled, problems);
    let description = session_description(source, problems);
    let description = match translation.translated(TextField::Description, description.is_none()) {
        Some(text) => translated_markdown(file, text),
        None => description,
    };
    let audience = Audience::resolve(&raw.audience, file, 0, problems);
    let shape = SessionShape {
        format,
        audience: &audience,
    };
    let family = build_family(raw, &shape, &mut translation, file, problems);
    let interpreters = interpreters(&raw.accessibility, file, problems);
    let (format, (local_start, start, (local_end, end)), booking) = (format?, times?, booking?);
    let follow_on = raw
        .follow_on
        .iter()
        .filter_map(|m| build_material(m, file, week.languages, problems))
        .collect();
    let topic_ids = topics.resolve(&raw.topics, file, 0, problems);
    let sequence = raw.revision + u32::from(booking.status == BookingStatus::Cancelled);
    Some(Session {
        week: week.index,
        url: week.url.join(&slug),
        slug,
        source: file.path.clone(),
        title: translation.text(TextField::Title, &raw.title),
        summary: translation.text(TextField::Summary, &raw.summary),
        description,
        local_start,
        local_end,
        start,
        end,
        format,
        venue,
        online,
        audience,
        sensitivity: topics.sensitivity_of(&topic_ids),
        topics: topic_ids,
        hosts: raw
            .hosts
            .iter()
            .map(|host| Person::build(host, file, week.languages, problems))
            .collect(),
        booking,
        accessibility: Accessibility {
            captions: raw.accessibility.captions,
            bsl: raw.accessibility.bsl,
            languages: raw.accessibility.languages.clone(),
            interpreters,
            notes: translation.optional(
                TextField::AccessibilityNotes,
                raw.accessibility.notes.as_deref(),
            ),
        },
        family,
        cancellation_reason: raw
            .cancellation
            .as_ref()
            .map(|c| translation.text(TextField::CancellationReason, &c.reason)),
        recording: web_url(raw.recording.as_ref(), file, problems),
        feedback_url: web_url(raw.feedback_url.as_ref(), file, problems),
        follow_on,
        note: translation.optional(TextField::Note, raw.note.as_deref()),
        sequence,
        written_relations: WrittenRelations {
            services: raw.related_services.clone(),
            pages: raw.related_pages.clone(),
            resources: raw.related_resources.clone(),
        },
        related: ExplicitRelations::default(),
        related_lists: RelatedLists::default(),
        fallback: translation.into_fallback(),
    })
}

/// The instant of a local time in the week's zone. A time that the clocks skip (the hour
/// lost when they go forward) does not exist and is an error; a repeated hour takes the first.
pub fn instant(
    value: &Spanned<Datetime>,
    local: DateTime,
    zone: &TimeZone,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<Timestamp> {
    let ambiguous = zone.to_ambiguous_timestamp(local);
    if let AmbiguousOffset::Gap { .. } = ambiguous.offset() {
        problems.push(
            file.error_at(
                value.span(),
                format!("{local} does not exist here: the clocks go forward then"),
            )
            .code(Code::ClocksSkip)
            .hint("choose a time outside the missing hour"),
        );
        return None;
    }
    ambiguous
        .compatible()
        .map_err(|e| {
            problems.push(
                file.error_at(value.span(), e.to_string())
                    .code(Code::BadDate),
            )
        })
        .ok()
}

/// A warning when `local` happens twice in `zone` (the hour repeated when the clocks go back):
/// which of the two instants was taken (the first, as RFC 5545 section 3.3.5 says), and which not.
pub fn repeated_time(
    value: &Spanned<Datetime>,
    local: DateTime,
    chosen: Timestamp,
    zone: &TimeZone,
    file: &SourceFile,
) -> Option<crate::diag::Diagnostic> {
    let AmbiguousOffset::Fold { after, .. } = zone.to_ambiguous_timestamp(local).offset() else {
        return None;
    };
    let second = after.to_timestamp(local).ok()?;
    let reading = |instant: Timestamp| {
        let abbreviation = zone.to_offset_info(instant).abbreviation().to_owned();
        let (local, utc) = (local.time().strftime("%H:%M"), instant.strftime("%H:%M"));
        format!("{local} {abbreviation} ({utc} UTC)")
    };
    let zone_name = zone.iana_name().unwrap_or("this time zone");
    Some(
        file.error_at(
            value.span(),
            format!(
                "{local} happens twice in {zone_name}, as the clocks go back: taking the first, {}, not the second, {}",
                reading(chosen),
                reading(second),
            ),
        ).code(Code::ClocksRepeat)
        .hint("if the second was meant, move the time out of the repeated hour, or say which in a note"),
    )
}

fn session_end(
    source: &SessionSource,
    local_start: DateTime,
    start: Timestamp,
    zone: &TimeZone,
    problems: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<(DateTime, Timestamp)> {
    let (raw, file) = (&source.raw, &source.file);
    let (local_end, end) = match (&raw.end, &raw.duration) {
        (Some(end), None) => {
            let local_end = parse_local_datetime(end, file, 0)
                .map_err(|d| problems.push(d))
                .ok()?;
            let instant = instant(end, local_end, zone, file, problems)?;
            warnings
                .0
                .extend(repeated_time(end, local_end, instant, zone, file));
            (local_end, instant)
        }
        (None, Some(duration)) => {
            let minutes = parse_duration_minutes(duration.get_ref())
                .map_err(|m| {
                    problems.push(
                        file.error_at(duration.span(), m.to_string())
                            .code(Code::BadDuration)
                            .hint("write durations like 90m or 1h30m"),
                    )
                })
                .ok()?;
            let end = start
                .checked_add(SignedDuration::from_mins(i64::from(minutes)))
                .ok()?;
            (zone.to_datetime(end), end)
        }
        (Some(end), Some(_)) => {
            problems.push(
                file.error_at(end.span(), "give either end or duration, not both")
                    .code(Code::SessionEnd),
            );
            return None;
        }
        (None, None) => {
            problems.push(
                file.error_at(raw.start.span(), "this session has a start but no end")
                    .code(Code::SessionEnd)
                    .hint("add end = 2024-03-05T11:30:00, or duration = \"90m\""),
            );
            return None;
        }
    };
    if end <= start {
        let span = raw.end.as_ref().map_or(raw.start.span(), |e| e.span());
        let when = if end == start { "when" } else { "before" };
        problems.push(
            file.error_at(
                span,
                format!("the session ends ({local_end}) {when} it starts ({local_start})"),
            )
            .code(Code::WrongOrder)
            .hint("check the end: it must be after the start (or write duration = \"90m\")"),
        );
        return None;
    }
    Some((local_end, end))
}

/// A public joining link: people follow it to a call, so it must be https.
fn join_url(
    value: Option<&Spanned<String>>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<String> {
    let value = value?;
    let url = value.get_ref().trim();
    if url.starts_with("https://") {
        return Some(url.to_owned());
    }
    problems.push(
        file.error_at(
            value.span(),
            format!("joining link `{url}` must start with https://"),
        )
        .code(Code::WebAddress)
        .hint("meeting platforms give https links; copy the link exactly as the platform gives it"),
    );
    None
}

fn parse_format(
    value: &Spanned<String>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<Format> {
    let found = Format::ALL
        .iter()
        .find(|(_, name)| name == value.get_ref())
        .map(|(f, _)| *f);
    if found.is_none() {
        problems.push(
            file.error_at(
                value.span(),
                format!("unknown format `{}`", value.get_ref()),
            )
            .code(Code::UnknownValue)
            .hint("use online, in-person or hybrid"),
        );
    }
    found
}

/// An optional https address; anything else is a located problem.
pub fn web_url(
    value: Option<&Spanned<String>>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<String> {
    let value = value?;
    let url = value.get_ref().trim();
    if url.starts_with("https://") || url.starts_with("http://") {
        Some(url.to_owned())
    } else {
        problems.push(
            file.error_at(value.span(), format!("`{url}` is not a web address"))
                .code(Code::WebAddress)
                .hint("start it with https://"),
        );
        None
    }
}

fn build_booking(
    source: &SessionSource,
    slug: &Slug,
    week: &WeekDefaults,
    start: Option<Timestamp>,
    cancelled: bool,
    problems: &mut Diagnostics,
) -> Option<Booking> {
    let (raw, file) = (&source.raw.booking, &source.file);
    let status = match (&raw.status, cancelled) {
        (_, true) => BookingStatus::Cancelled,
        (None, false) => BookingStatus::Open,
        (Some(text), false) => BookingStatus::parse(text.get_ref()).or_else(|| {
            problems.push(
                file.error_at(
                    text.span(),
                    format!("unknown booking status `{}`", text.get_ref()),
                )
                .code(Code::UnknownValue)
                .hint("use open, waitlist, full, closed, cancelled or not-required"),
            );
            None
        })?,
    };
    let (opens, closes) = booking_window(source, week, start, problems);
    check_places(source, status, problems);
    let routes = booking_routes(source, slug, week, status, problems);
    Some(Booking {
        status,
        routes,
        capacity: raw.capacity,
        places_left: raw.places_left.as_ref().map(|p| *p.get_ref()),
        opens,
        closes,
    })
}

/// When booking opens and closes. A session's own times win; otherwise booking opens when
/// the week's does and closes at the week's closing time or when the session starts,
/// whichever is earlier (Monday's session does not take bookings until Friday).
fn booking_window(
    source: &SessionSource,
    week: &WeekDefaults,
    start: Option<Timestamp>,
    problems: &mut Diagnostics,
) -> (Option<Timestamp>, Option<Timestamp>) {
    let (raw, file) = (&source.raw.booking, &source.file);
    let own_opens = local_instant(raw.opens.as_ref(), week.time_zone, file, problems);
    let own_closes = local_instant(raw.closes.as_ref(), week.time_zone, file, problems);
    let opens = own_opens.or(week.opens);
    let closes = own_closes.or_else(|| week.closes.map(|c| start.map_or(c, |s| c.min(s))));
    if let (Some(o), Some(c)) = (opens, closes)
        && c <= o
    {
        if let Some(value) = raw.closes.as_ref().or(raw.opens.as_ref()) {
            problems.push(
                file.error_at(value.span(), "booking closes before it opens")
                    .code(Code::WrongOrder),
            );
        } else if start.is_some_and(|s| s <= o) {
            let opens_at = week.time_zone.to_datetime(o);
            problems.push(
                file.error_at(
                    source.raw.start.span(),
                    format!("this session starts before its booking opens ({opens_at})"),
                )
                .code(Code::WrongOrder)
                .hint("check the start, or give the session its own [booking] opens"),
            );
        }
        // Otherwise both come from the week, whose file reports it.
    }
    (opens, closes)
}

/// Places left that contradict the status or the capacity.
fn check_places(source: &SessionSource, status: BookingStatus, problems: &mut Diagnostics) {
    let (raw, file) = (&source.raw.booking, &source.file);
    let Some(left) = &raw.places_left else { return };
    if let Some(capacity) = raw.capacity.filter(|c| left.get_ref() > c) {
        problems.push(
            file.error_at(
                left.span(),
                format!("{} places left, but only {capacity} in all", left.get_ref()),
            )
            .code(Code::Places),
        );
    }
    if status == BookingStatus::Full && *left.get_ref() > 0 {
        problems.push(
            file.error_at(left.span(), format!("status is \"full\", but {} places are left", left.get_ref())).code(Code::Places)
                .hint("set places_left = 0 (or remove it) if the session is full, or status = \"open\" if places are left"),
        );
    }
}

/// The ways to book: the session's own if it names any (valid or not), else its week's. A
/// session that takes bookings with no way to book is a problem, unless the week names a way
/// that is itself reported as broken.
fn booking_routes(
    source: &SessionSource,
    slug: &Slug,
    week: &WeekDefaults,
    status: BookingStatus,
    problems: &mut Diagnostics,
) -> Vec<BookingRoute> {
    let (raw, file) = (&source.raw.booking, &source.file);
    let names_own = raw.url.is_some() || raw.email.is_some() || raw.phone.is_some();
    let routes = if names_own {
        own_routes(source, problems)
    } else {
        week.routes_for(slug)
    };
    if routes.is_empty() && !names_own && !week.names_a_route && status.takes_bookings() {
        let span = raw
            .status
            .as_ref()
            .map(|s| s.span())
            .or_else(|| file.text.find("[booking]").map(|i| i..i + 9));
        problems.push(
            file.error_at(span.unwrap_or(0..0), "this session takes bookings but gives no way to book").code(Code::BookingRoute)
                .hint("under [booking] add url = \"https://...\", email = \"...\" or phone = \"...\" (or give the week's [booking] a url_template, email or phone); or set status = \"not-required\""),
        );
    }
    routes
}

/// A session's own ways to book, in the order pages offer them: form, email, phone.
fn own_routes(source: &SessionSource, problems: &mut Diagnostics) -> Vec<BookingRoute> {
    let (raw, file) = (&source.raw.booking, &source.file);
    let mut routes: Vec<BookingRoute> = raw
        .url
        .as_ref()
        .and_then(|url| parse_booking_url(url, file, problems))
        .into_iter()
        .collect();
    if let Some(address) = raw
        .email
        .as_ref()
        .and_then(|e| checked_email(e, file, problems))
    {
        let known = routes.iter().any(|r| matches!(r, BookingRoute::Email { address: a, .. } if a.eq_ignore_ascii_case(&address)));
        if !known {
            routes.push(BookingRoute::Email {
                address,
                link: None,
            });
        }
    }
    routes.extend(
        raw.phone
            .as_ref()
            .and_then(|p| checked_phone(p, file, problems))
            .map(BookingRoute::Phone),
    );
    routes
}

/// A session's `url`: a form (https) or an email link (mailto:, kept as written).
fn parse_booking_url(
    url: &Spanned<String>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<BookingRoute> {
    let text = url.get_ref().trim();
    if text.starts_with("https://") {
        return Some(BookingRoute::Form(text.to_owned()));
    }
    if let Some(rest) = text.strip_prefix("mailto:") {
        let address = rest.split('?').next().unwrap_or_default();
        return match check_email(address) {
            Ok(()) => Some(BookingRoute::Email {
                address: address.to_owned(),
                link: Some(text.to_owned()),
            }),
            Err(error) => {
                problems.push(
                    file.error_at(url.span(), error.to_string())
                        .code(Code::BookingRoute)
                        .hint("write mailto:name@example.org, or use email = \"...\""),
                );
                None
            }
        };
    }
    problems.push(
        file.error_at(url.span(), format!("booking url `{text}` must start with https:// or mailto:")).code(Code::BookingRoute)
            .hint("booking forms must be secure (https); or give an email with email = \"...\", or a phone number with phone = \"...\""),
    );
    None
}

/// A booking email address, checked; a problem is recorded when it is not one.
pub fn checked_email(
    value: &Spanned<String>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<String> {
    let hint = "write the address alone, such as bookings@example.org";
    checked(value, file, problems, check_email, (Code::Email, hint))
}

/// A booking phone number, checked like services' numbers; a problem is recorded when it is not one.
pub fn checked_phone(
    value: &Spanned<String>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<String> {
    let hint = "write the number as people dial it, such as 0113 496 0000";
    checked(value, file, problems, check_phone, (Code::Phone, hint))
}

/// The trimmed text of `value` if `check` accepts it; otherwise a problem with this code and
/// hint is recorded.
fn checked(
    value: &Spanned<String>,
    file: &SourceFile,
    problems: &mut Diagnostics,
    check: fn(&str) -> Result<(), ShapeError>,
    (code, hint): (Code, &str),
) -> Option<String> {
    let text = value.get_ref().trim();
    match check(text) {
        Ok(()) => Some(text.to_owned()),
        Err(error) => {
            problems.push(
                file.error_at(value.span(), error.to_string())
                    .code(code)
                    .hint(hint),
            );
            None
        }
    }
}

/// The instant of an optional local date-time written in `file`; problems are recorded.
pub fn local_instant(
    value: Option<&Spanned<Datetime>>,
    zone: &TimeZone,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<Timestamp> {
    let value = value?;
    let local = parse_local_datetime(value, file, 0)
        .map_err(|d| problems.push(d))
        .ok()?;
    instant(value, local, zone, file, problems)
}

/// A venue's postcode, checked as a service's is, and written the same way (`W7 3PN`).
fn venue_postcode(
    value: &Spanned<String>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<String> {
    parse_postcode(value.get_ref())
        .map_err(|error| {
            problems.push(
                file.error_at(value.span(), error.to_string())
                    .code(Code::Postcode)
                    .hint(postcode_hint(value.get_ref())),
            )
        })
        .ok()
}

fn session_description(source: &SessionSource, problems: &mut Diagnostics) -> Option<Markdown> {
    if let (Some(file), Some(field)) = (&source.description_file, &source.raw.description) {
        problems.push(
            source
                .file
                .error_at(
                    field.span(),
                    format!(
                        "this session has a description here and in {}",
                        file.path.display()
                    ),
                )
                .code(Code::DescriptionTwice)
                .hint(format!(
                    "keep one: delete this field, or delete {}",
                    file.path.display()
                )),
        );
        return None;
    }
    if let Some(file) = &source.description_file {
        return Some(Markdown {
            text: file.text.clone(),
            file: file.clone(),
            offset: 0,
        });
    }
    let value = source.raw.description.as_ref()?;
    // The span covers the quotes; the text starts after them (three for a multi-line string).
    let quote = if source.file.text[value.span()].starts_with("\"\"\"")
        || source.file.text[value.span()].starts_with("'''")
    {
        3
    } else {
        1
    };
    Some(Markdown {
        text: value.get_ref().clone(),
        file: source.file.clone(),
        offset: value.span().start + quote,
    })
}
