//! Practice weeks: each edition with its sessions, validated and in time order.

use std::path::PathBuf;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile};
use crate::load::sessions::{RawWeekBooking, WeekSource};
use crate::model::audience::Audience;
use crate::model::booking::BookingRoute;
use crate::model::id::Id;
use crate::model::service::shapes::{check_email, check_phone};
use crate::model::session::{
    Markdown, Person, Session, SessionId, WeekDefaults, build_session, checked_email,
    checked_phone, local_instant, web_url,
};
use crate::model::slug::{Slug, UrlPath};
use crate::model::time::parse_date;
use crate::model::topic::Topics;
use crate::model::translation::{Fallback, Languages, TextField, TextKind, Translation};

/// A week's position in `Site::weeks`.
pub type WeekId = Id<Week>;

/// A 'week' longer than this many days is probably a typo in one of its dates: a warning.
pub const LONGEST_LIKELY_WEEK_DAYS: i32 = 31;

/// The URL under which every week is published.
pub const PROGRAMME_PATH: &str = "sessions";

/// A validated practice week.
#[derive(Debug, Clone)]
pub struct Week {
    /// From its folder name.
    pub slug: Slug,
    /// Its programme page.
    pub url: UrlPath,
    /// `week.toml`, for messages.
    pub source: PathBuf,
    /// The edition's name.
    pub name: String,
    /// Its theme.
    pub theme: Option<String>,
    /// First day.
    pub start_date: Date,
    /// Last day.
    pub end_date: Date,
    /// One sentence.
    pub summary: String,
    /// Markdown introduction.
    pub introduction: Option<Markdown>,
    /// Who it is for.
    pub audience: Vec<Audience>,
    /// Its time zone's IANA name.
    pub time_zone_name: String,
    /// Its time zone.
    pub time_zone: TimeZone,
    /// Where to give feedback.
    pub feedback_url: Option<String>,
    /// A note for readers.
    pub note: Option<String>,
    /// Who runs it.
    pub organisers: Vec<Person>,
    /// Contact email.
    pub contact_email: Option<String>,
    /// Contact phone.
    pub contact_phone: Option<String>,
    /// Whether the booklet is out.
    pub booklet_published: bool,
    /// The booklet's introduction.
    pub booklet_introduction: Option<Markdown>,
    /// Its sessions, by start time then title.
    pub sessions: Vec<SessionId>,
    /// Its fields shown in the default language, on a translation.
    pub fallback: Fallback,
}

/// Validates every week and its sessions.
pub fn build_weeks(
    sources: &[WeekSource],
    config: &Config,
    languages: &Languages,
    topics: &Topics,
    problems: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> (Vec<Week>, Vec<Session>) {
    let mut weeks = Vec::new();
    let mut sessions = Vec::new();
    let root = UrlPath::root().join(&Slug::from_text(PROGRAMME_PATH).expect("a constant slug"));
    for source in sources {
        let Some(mut week) = build_week(source, config, languages, &root, problems, warnings)
        else {
            continue;
        };
        let week_for_defaults = week.clone();
        let index = Id::new(weeks.len());
        let defaults = week_defaults(source, &week_for_defaults, index, languages, problems);
        let mut week_sessions = Vec::new();
        // Two sessions at one address are reported with every other clash (model::address).
        for session_source in &source.sessions {
            let Some(session) =
                build_session(session_source, &defaults, topics, problems, warnings)
            else {
                continue;
            };
            // A week that ends before it starts is reported once, not once per session.
            if week.start_date <= week.end_date {
                check_inside_week(&week, &session_source.file, &session, problems);
            }
            week_sessions.push(Id::new(sessions.len()));
            sessions.push(session);
        }
        week.sessions = week_sessions;
        week.sessions.sort_by(|&a, &b| {
            let (a, b) = (&sessions[a], &sessions[b]);
            (a.start, &a.title).cmp(&(b.start, &b.title))
        });
        weeks.push(week);
    }
    (weeks, sessions)
}

fn build_week(
    source: &WeekSource,
    config: &Config,
    languages: &Languages,
    root: &UrlPath,
    problems: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<Week> {
    let (raw, file) = (&source.raw, &source.file);
    let slug = Slug::from_text(&source.name).or_else(|| {
        problems.push(
            Diagnostic::file(
                &file.path,
                "this week's folder name cannot be made into a web address",
            )
            .code(Code::BadName),
        );
        None
    })?;
    let start_date = parse_date(&raw.start_date, file, 0)
        .map_err(|d| problems.push(d))
        .ok();
    let end_date = parse_date(&raw.end_date, file, 0)
        .map_err(|d| problems.push(d))
        .ok();
    let (start_date, end_date) = (start_date?, end_date?);
    if end_date < start_date {
        problems.push(
            file.error_at(raw.end_date.span(), "the week ends before it starts")
                .code(Code::WrongOrder),
        );
    }
    warnings
        .0
        .extend(long_week(&raw.end_date, start_date, end_date, file));
    let (time_zone_name, time_zone) = match &raw.time_zone {
        None => (config.time_zone_name.clone(), config.time_zone.clone()),
        Some(name) => match TimeZone::get(name.get_ref()) {
            Ok(zone) => (name.get_ref().clone(), zone),
            Err(_) => {
                problems.push(
                    file.error_at(
                        name.span(),
                        format!("unknown time zone `{}`", name.get_ref()),
                    )
                    .code(Code::UnknownTimeZone)
                    .hint("use an IANA name such as Europe/London"),
                );
                return None;
            }
        },
    };
    check_booking_defaults(&raw.booking, file, problems);
    let mut translation =
        Translation::check(&raw.translations, TextKind::Week, file, languages, problems);
    let introduction =
        match translation.translated(TextField::Introduction, raw.introduction.trim().is_empty()) {
            Some(text) => translated_markdown(file, text),
            None => toml_markdown(file, &raw.introduction),
        };
    Some(Week {
        url: root.join(&slug),
        slug,
        source: file.path.clone(),
        name: translation.text(TextField::Name, &raw.name),
        theme: translation.optional(TextField::Theme, raw.theme.as_deref()),
        start_date,
        end_date,
        summary: translation.text(TextField::Summary, &raw.summary),
        introduction,
        audience: Audience::resolve(&raw.audience, file, 0, problems),
        time_zone_name,
        time_zone,
        feedback_url: web_url(raw.feedback_url.as_ref(), file, problems),
        note: translation.optional(TextField::Note, raw.note.as_deref()),
        organisers: raw
            .organisers
            .iter()
            .map(|person| Person::build(person, file, languages, problems))
            .collect(),
        contact_email: raw.contact.email.clone(),
        contact_phone: raw.contact.phone.clone(),
        booklet_published: raw.booklet.published,
        booklet_introduction: toml_markdown(file, &raw.booklet.introduction),
        sessions: Vec::new(),
        fallback: translation.into_fallback(),
    })
}

/// A warning for a week so long that one of its dates is probably mistyped (2027-08-01 for
/// 2027-03-08): its length, and where it ends.
fn long_week(
    end: &toml::Spanned<toml::value::Datetime>,
    start_date: Date,
    end_date: Date,
    file: &SourceFile,
) -> Option<Diagnostic> {
    let days = start_date.until(end_date).ok()?.get_days() + 1;
    (days > LONGEST_LIKELY_WEEK_DAYS).then(|| {
        file.error_at(end.span(), format!("this week is {days} days long ({start_date} to {end_date})")).code(Code::LongWeek)
            .hint(format!(
                "a week of sessions longer than {LONGEST_LIKELY_WEEK_DAYS} days is usually a typo in start_date or end_date: check the month and year"
            ))
    })
}

fn check_booking_defaults(booking: &RawWeekBooking, file: &SourceFile, problems: &mut Diagnostics) {
    if let Some(template) = &booking.url_template
        && !template.get_ref().starts_with("https://")
    {
        problems.push(
            file.error_at(template.span(), "url_template must start with https://")
                .code(Code::WebAddress)
                .hint("booking forms must be secure; use {slug} where each session's slug goes"),
        );
    }
    // Checked here, once; `week_defaults` keeps only what passes.
    if let Some(email) = &booking.email {
        checked_email(email, file, problems);
    }
    if let Some(phone) = &booking.phone {
        checked_phone(phone, file, problems);
    }
}

/// The week's ways to book: its form if it has a `url_template`, else its email; and its phone.
fn week_routes(booking: &RawWeekBooking) -> Vec<BookingRoute> {
    let valid = |value: &Option<toml::Spanned<String>>, accept: fn(&str) -> bool| {
        value
            .as_ref()
            .map(|v| v.get_ref().trim().to_owned())
            .filter(|v| accept(v))
    };
    let form = valid(&booking.url_template, |t| t.starts_with("https://"));
    let email = valid(&booking.email, |t| check_email(t).is_ok());
    let phone = valid(&booking.phone, |t| check_phone(t).is_ok());
    let first = form.map(BookingRoute::Form).or_else(|| {
        email.map(|address| BookingRoute::Email {
            address,
            link: None,
        })
    });
    first
        .into_iter()
        .chain(phone.map(BookingRoute::Phone))
        .collect()
}

fn week_defaults<'a>(
    source: &'a WeekSource,
    week: &'a Week,
    index: WeekId,
    languages: &'a Languages,
    problems: &mut Diagnostics,
) -> WeekDefaults<'a> {
    let (raw, file) = (&source.raw.booking, &source.file);
    let opens = local_instant(raw.opens.as_ref(), &week.time_zone, file, problems);
    let closes = local_instant(raw.closes.as_ref(), &week.time_zone, file, problems);
    if let (Some(o), Some(c), Some(value)) = (opens, closes, raw.closes.as_ref())
        && c <= o
    {
        problems.push(
            file.error_at(value.span(), "booking closes before it opens")
                .code(Code::WrongOrder)
                .hint("check the week's [booking] opens and closes"),
        );
    }
    WeekDefaults {
        index,
        url: &week.url,
        time_zone: &week.time_zone,
        routes: week_routes(raw),
        names_a_route: raw.url_template.is_some() || raw.email.is_some() || raw.phone.is_some(),
        opens,
        closes,
        languages,
    }
}

fn check_inside_week(
    week: &Week,
    file: &SourceFile,
    session: &Session,
    problems: &mut Diagnostics,
) {
    let day = session.local_start.date();
    if day < week.start_date || day > week.end_date {
        let span = file.text.find("start").map_or(0..0, |i| i..i + 5);
        problems.push(
            file.error_at(
                span,
                format!(
                    "this session is on {day}, outside the week ({} to {})",
                    week.start_date, week.end_date
                ),
            )
            .code(Code::OutsideWeek)
            .hint("check the date, or the week's start_date and end_date"),
        );
    }
}

/// Markdown written in a TOML string: located at the start of the file (TOML strings carry
/// escapes, so exact columns inside them are not kept).
fn toml_markdown(file: &SourceFile, text: &str) -> Option<Markdown> {
    (!text.trim().is_empty()).then(|| Markdown {
        text: text.to_owned(),
        file: file.clone(),
        offset: 0,
    })
}

/// A translated Markdown text, located where the translation is written.
pub fn translated_markdown(
    file: &SourceFile,
    text: crate::model::translation::TranslatedText,
) -> Option<Markdown> {
    (!text.text.trim().is_empty()).then(|| Markdown {
        text: text.text,
        file: file.clone(),
        offset: text.offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routes(toml: &str) -> Vec<BookingRoute> {
        week_routes(&toml::from_str::<RawWeekBooking>(toml).unwrap())
    }

    #[test]
    fn a_weeks_form_wins_over_its_email_and_its_phone_is_offered_too() {
        let form = "url_template = \"https://f.example.org/?s={slug}\"\nemail = \"a@example.org\"\nphone = \"0113 496 0000\"";
        assert_eq!(
            routes(form),
            vec![
                BookingRoute::Form("https://f.example.org/?s={slug}".into()),
                BookingRoute::Phone("0113 496 0000".into())
            ]
        );
        assert_eq!(
            routes("email = \"a@example.org\""),
            vec![BookingRoute::Email {
                address: "a@example.org".into(),
                link: None
            }]
        );
        assert_eq!(
            routes("phone = \"call us\"\nurl_template = \"http://f.example.org/\""),
            vec![],
            "broken ones are left out"
        );
    }
}
