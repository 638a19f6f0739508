//! Sessions in lists and their booking state as tags that stay true as time passes.

use jiff::Timestamp;
use serde::Serialize;

use crate::model::Site;
use crate::model::booking::{Booking, BookingStatus, FEW_PLACES, Phase, phases_from};
use crate::model::family::{AgeUnit, Ages, Cost, Family};
use crate::model::i18n::ArgValue;
use crate::model::session::{Format, Session};
use crate::model::translation::{Fallback, TextField};
use crate::render::programme::filters::FilterKind;

/// The moments a page's script needs to move a session on to its next phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseClock {
    /// The phase at build time.
    pub current: &'static str,
    /// Booking opens (RFC 3339, UTC), or empty.
    pub opens: String,
    /// Booking closes, or empty.
    pub closes: String,
    /// The session starts.
    pub start: String,
    /// The session ends.
    pub end: String,
    /// The organiser's booking status (`open`, `cancelled`...).
    pub status: &'static str,
}

/// A piece of text that belongs to one phase; only the current one is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseText {
    /// The phase's identifier.
    pub phase: &'static str,
    /// What to say.
    pub text: String,
    /// Whether it is hidden at build time.
    pub hidden: bool,
    /// A style hint for the tag: open, warning, closed, now, past.
    pub tone: &'static str,
}

/// A session as an item in a programme, topic page or host page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionCard {
    /// Title.
    pub title: String,
    /// Its page.
    pub url: String,
    /// One sentence.
    pub summary: String,
    /// 'Tuesday 5 March 2024'.
    pub day: String,
    /// '2024-03-05'.
    pub date_iso: String,
    /// '10am to 11:30am'.
    pub time: String,
    /// 'Online'.
    pub format: String,
    /// Where: 'Acton Family Hub', 'Online: Microsoft Teams', or both for a hybrid session.
    pub place: String,
    /// Who leads it: 'Jo Bloggs, Ealing Council', one entry a host.
    pub hosts: Vec<String>,
    /// The same as one phrase: 'Jo Bloggs, Ealing Council; Sam Smith and Ali Khan'.
    pub hosts_text: String,
    /// 'online'.
    pub format_slug: &'static str,
    /// 'Parents and carers', ...
    pub audience: Vec<String>,
    /// 'parents', ... (for filtering in place)
    pub audience_slugs: Vec<&'static str>,
    /// Topic slugs (for filtering in place).
    pub topic_slugs: Vec<String>,
    /// Its values of every filter, for `data-` attributes.
    pub filters: Vec<CardFilter>,
    /// 'Free', 'Creche', 'Ages 0 to 5': what a family looks for first.
    pub family: Vec<String>,
    /// The week's name.
    pub week: String,
    /// When it changes phase.
    pub clock: PhaseClock,
    /// Its booking tag, one per phase it can still be in.
    pub tags: Vec<PhaseText>,
    /// Fields shown in the default language (`fallback.title`, `.summary`): marked with `lang`.
    pub fallback: crate::model::translation::Fallback,
}

/// A session's values of one filter: `data-{key}="{values joined by spaces}"` on its card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardFilter {
    /// The filter's key: `audience`.
    pub key: &'static str,
    /// The session's values: `parents`, `families`.
    pub values: Vec<String>,
}

/// A session as a list item.
pub fn session_card(site: &Site, session: &Session) -> SessionCard {
    let week = &site.weeks[session.week];
    SessionCard {
        title: session.title.clone(),
        url: session.url.to_string(),
        summary: session.summary.clone(),
        day: site.dates.day(session.local_start.date()),
        date_iso: session.local_start.date().to_string(),
        time: site
            .dates
            .time_range(session.local_start.time(), session.local_end.time()),
        format: site.t(session.format.message_key()),
        format_slug: session.format.slug(),
        place: place_text(site, session),
        hosts: session.hosts.iter().map(host_text).collect(),
        hosts_text: super::list_and(
            site,
            &session.hosts.iter().map(host_text).collect::<Vec<_>>(),
            "; ",
        ),
        audience: session
            .audience
            .iter()
            .map(|a| site.t(a.message_key()))
            .collect(),
        audience_slugs: session.audience.iter().map(|a| a.slug()).collect(),
        topic_slugs: session
            .topics
            .iter()
            .map(|&t| site.topics.list[t].slug.to_string())
            .collect(),
        filters: card_filters(site, session),
        family: family_card_words(site, &session.family),
        week: week.name.clone(),
        clock: phase_clock(session, site.now),
        tags: phase_texts(session, site, tag_text),
        fallback: session.fallback.clone(),
    }
}

/// Where a session happens, in a few words: the venue's name, 'Online: {platform}', or both.
pub fn place_text(site: &Site, session: &Session) -> String {
    let (key, args) = place_words(
        session.format,
        session.venue.as_ref().map(|v| v.name.as_str()),
        session.online.as_ref().and_then(|o| o.platform.as_deref()),
    );
    match key {
        Some(key) => site.t_with(key, &args),
        None => args
            .into_iter()
            .find_map(|(_, value)| match value {
                ArgValue::Text(text) => Some(text),
                ArgValue::Number(_) => None,
            })
            .unwrap_or_default(),
    }
}

/// The message that says where a session is, with its variables (no message: the venue alone).
fn place_words(
    format: Format,
    venue: Option<&str>,
    platform: Option<&str>,
) -> (Option<&'static str>, Vec<(&'static str, ArgValue)>) {
    let text = |s: &str| ArgValue::Text(s.to_owned());
    match (format, venue, platform) {
        (Format::Online, _, None) | (_, None, None) => (Some("place-online"), Vec::new()),
        (Format::Online, _, Some(platform)) | (_, None, Some(platform)) => {
            (Some("place-online-on"), vec![("platform", text(platform))])
        }
        (Format::InPerson, Some(venue), _) => (None, vec![("venue", text(venue))]),
        (Format::Hybrid, Some(venue), None) => {
            (Some("place-or-online"), vec![("venue", text(venue))])
        }
        (Format::Hybrid, Some(venue), Some(platform)) => (
            Some("place-or-online-on"),
            vec![("venue", text(venue)), ("platform", text(platform))],
        ),
    }
}

/// A session's family details as a page lists them: (label, text) in the site's language, each
/// text marked with the language it fell back to (`fallback`: the session's).
pub fn family_facts(site: &Site, family: &Family, fallback: &Fallback) -> Vec<FamilyFact> {
    let fact = |key: &str, text: String, field: Option<TextField>| FamilyFact {
        label: site.t(key),
        text,
        lang: field.and_then(|f| fallback.lang(f)).map(str::to_owned),
    };
    let mut facts = Vec::new();
    if let Some(cost) = &family.cost {
        let (text, field) = match cost {
            Cost::Free => (site.t("cost-free"), None),
            Cost::Paid {
                concessions: Some(less),
                ..
            } => (
                format!("{}. {less}", cost.label()),
                Some(TextField::Concessions),
            ),
            Cost::Paid { .. } => (cost.label(), None),
        };
        facts.push(fact("family-cost", text, field));
    }
    facts.extend(
        family
            .childcare
            .map(|c| fact("family-children", site.t(c.message_key()), None)),
    );
    facts.extend(
        family
            .ages
            .map(|a| fact("family-ages", ages_text(site, &a), None)),
    );
    let texts = [
        (
            "family-refreshments",
            TextField::Refreshments,
            family.refreshments.as_ref(),
        ),
        (
            "family-help-getting-there",
            TextField::TransportHelp,
            family.transport.as_ref().and_then(|t| t.help.as_ref()),
        ),
        (
            "family-parking",
            TextField::Parking,
            family.transport.as_ref().and_then(|t| t.parking.as_ref()),
        ),
        (
            "family-step-free-route",
            TextField::StepFreeRoute,
            family
                .transport
                .as_ref()
                .and_then(|t| t.step_free_route.as_ref()),
        ),
    ];
    for (key, field, text) in texts {
        facts.extend(text.map(|t| fact(key, t.clone(), Some(field))));
    }
    facts
}

/// The few words a card shows: 'Free', 'Creche', 'Ages 0 to 5', in the site's language.
pub fn family_card_words(site: &Site, family: &Family) -> Vec<String> {
    let mut words: Vec<String> = family
        .cost
        .iter()
        .map(|c| match c {
            Cost::Free => site.t("cost-free"),
            Cost::Paid { .. } => c.label(),
        })
        .collect();
    words.extend(family.childcare.map(|c| site.t(c.message_key())));
    words.extend(family.ages.map(|a| {
        site.t_with(
            "family-ages-card",
            &[("ages", ArgValue::Text(ages_text(site, &a)))],
        )
    }));
    words
}

/// Children's ages: '0 to 5', '0 to 12 months', '11 and over'.
fn ages_text(site: &Site, ages: &Ages) -> String {
    let from = ("from", ArgValue::Number(f64::from(ages.from)));
    let months = ages.unit == AgeUnit::Months;
    match ages.to {
        Some(to) => site.t_with(
            if months {
                "child-ages-range-months"
            } else {
                "child-ages-range"
            },
            &[from, ("to", ArgValue::Number(f64::from(to)))],
        ),
        None => site.t_with(
            if months {
                "child-ages-over-months"
            } else {
                "child-ages-over"
            },
            &[from],
        ),
    }
}

/// One family detail on a session's page: ('Cost', '£5').
#[derive(Debug, Clone, Serialize)]
pub struct FamilyFact {
    /// 'Cost'.
    pub label: String,
    /// '£5. Free for families on Universal Credit'.
    pub text: String,
    /// The language the text is in, when it fell back to the default language's.
    pub lang: Option<String>,
}

/// A host as a card names them: 'name, organisation' (the organisation left out when it is
/// the name).
fn host_text(host: &crate::model::session::Person) -> String {
    match &host.organisation {
        Some(org) if *org != host.name => format!("{}, {org}", host.name),
        _ => host.name.clone(),
    }
}

/// What the programme's script needs to count the sessions of any choice of filters, on the
/// week page and on each filter page (which lists only some of them): every session of the
/// week as its values for each filter key, as JSON safe inside a `<script>` element.
pub fn filter_data(site: &Site, sessions: &[&Session]) -> String {
    let data: Vec<serde_json::Map<String, serde_json::Value>> = sessions
        .iter()
        .map(|session| {
            card_filters(site, session)
                .into_iter()
                .map(|f| (f.key.to_owned(), serde_json::json!(f.values)))
                .collect()
        })
        .collect();
    super::session::script_safe_json(&serde_json::json!(data).to_string())
}

/// A session's values of every filter, for the script to filter cards in place.
fn card_filters(site: &Site, session: &Session) -> Vec<CardFilter> {
    FilterKind::ALL
        .into_iter()
        .map(|kind| CardFilter {
            key: kind.key(),
            values: kind
                .values_of(site, session)
                .into_iter()
                .map(|(value, _)| value)
                .collect(),
        })
        .collect()
}

/// The moments of a session for the script.
pub fn phase_clock(session: &Session, now: Timestamp) -> PhaseClock {
    let iso = |t: Option<Timestamp>| t.map(|t| t.to_string()).unwrap_or_default();
    let booking = &session.booking;
    PhaseClock {
        current: crate::model::booking::phase_at(booking, session.start, session.end, now).slug(),
        opens: iso(booking.opens),
        closes: iso(booking.closes),
        start: session.start.to_string(),
        end: session.end.to_string(),
        status: booking.status.slug(),
    }
}

/// One text per phase the session can still reach, made by `text`; only the current one shows.
pub fn phase_texts(
    session: &Session,
    site: &Site,
    text: fn(&Session, &Site, Phase) -> (String, &'static str),
) -> Vec<PhaseText> {
    let phases = phases_from(&session.booking, session.start, session.end, site.now);
    phases
        .iter()
        .enumerate()
        .map(|(i, &phase)| {
            let (words, tone) = text(session, site, phase);
            PhaseText {
                phase: phase.slug(),
                text: words,
                hidden: i > 0,
                tone,
            }
        })
        .collect()
}

/// The short tag for a phase: words, never colour alone, in the site's language.
pub fn tag_text(session: &Session, site: &Site, phase: Phase) -> (String, &'static str) {
    let zone = &site.weeks[session.week].time_zone;
    match phase {
        Phase::NotYetOpen => {
            let opens = session
                .booking
                .opens
                .map(|t| site.dates.date(zone.to_datetime(t).date()))
                .unwrap_or_default();
            (
                site.t_with("booking-opens", &[("date", ArgValue::Text(opens))]),
                "closed",
            )
        }
        Phase::Booking => booking_tag(site, &session.booking),
        Phase::BookingClosed => (site.t("booking-closed"), "closed"),
        Phase::HappeningNow => (site.t("happening-now"), "now"),
        Phase::Finished => (site.t("finished"), "past"),
        Phase::Cancelled => (site.t("cancelled"), "warning"),
    }
}

fn booking_tag(site: &Site, booking: &Booking) -> (String, &'static str) {
    let places = |key: &str, n: u32| site.t_with(key, &[("count", ArgValue::Number(f64::from(n)))]);
    match booking.status {
        BookingStatus::Waitlist => (site.t("waiting-list"), "warning"),
        BookingStatus::Full => (site.t("fully-booked"), "closed"),
        BookingStatus::NotRequired => (site.t("no-need-to-book"), "open"),
        BookingStatus::Closed => (site.t("booking-closed"), "closed"),
        BookingStatus::Cancelled => (site.t("cancelled"), "warning"),
        BookingStatus::Open => match booking.places_left {
            Some(0) => (site.t("fully-booked"), "closed"),
            Some(n) if n <= FEW_PLACES => (places("places-left", n), "warning"),
            Some(n) => (places("booking-open-places-left", n), "open"),
            None => (site.t("booking-open"), "open"),
        },
    }
}

/// 'at 9am on Monday 11 January 2027'
pub fn moment_text(site: &Site, session: &Session, moment: Timestamp) -> String {
    let local = site.weeks[session.week].time_zone.to_datetime(moment);
    site.t_with(
        "moment",
        &[
            ("time", ArgValue::Text(site.dates.time(local.time()))),
            ("day", ArgValue::Text(site.dates.day(local.date()))),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_names_the_place_or_the_platform_and_both_for_hybrid() {
        let teams = Some("Microsoft Teams");
        let shape = |format, venue, platform| {
            let (key, args) = place_words(format, venue, platform);
            (
                key,
                args.into_iter().map(|(name, _)| name).collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            shape(Format::Online, None, teams),
            (Some("place-online-on"), vec!["platform"])
        );
        assert_eq!(
            shape(Format::Online, None, None),
            (Some("place-online"), vec![])
        );
        assert_eq!(
            shape(Format::InPerson, Some("Acton Family Hub"), None),
            (None, vec!["venue"])
        );
        assert_eq!(
            shape(Format::Hybrid, Some("Acton Family Hub"), teams),
            (Some("place-or-online-on"), vec!["venue", "platform"])
        );
        assert_eq!(
            shape(Format::Hybrid, None, teams),
            (Some("place-online-on"), vec!["platform"])
        );
    }
}
