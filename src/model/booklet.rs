//! The booklet of a week as a document, part of the model stage: title and dates, each day's
//! sessions with their hosts and follow-on materials, further resources from the library, and
//! a QR code for every printed address. One [`Booklet`] is made per week with a published
//! booklet; the render stage shows it as a page (`/sessions/<week>/booklet/`) and the output
//! stage prints it as `booklet.pdf`, so both say the same thing and each code is encoded once
//! per build.

use std::collections::BTreeSet;
use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::{Serialize, Serializer};

use crate::model::Site;
use crate::model::booking::BookingStatus;
use crate::model::i18n::ArgValue;
use crate::model::id::Id;
use crate::model::material::{Material, MaterialKind, MaterialText, short_url};
use crate::model::resource::related_resources;
use crate::model::session::Session;
use crate::model::topic::TopicId;
use crate::model::week::{Week, WeekId};
use crate::qr::QrCode;

/// A QR code with the words a screen reader says for it. Templates see it as inline SVG
/// (`qr_svg`, empty when the address is too long to encode); the PDF draws its modules.
#[derive(Debug, Clone)]
pub struct LabelledQr {
    /// The code, if the address can be encoded.
    pub code: Option<Arc<QrCode>>,
    /// 'QR code for Parenting together'.
    pub label: String,
}

impl Serialize for LabelledQr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let svg = self.code.as_ref().map(|code| code.svg(&self.label));
        serializer.serialize_str(svg.as_deref().unwrap_or_default())
    }
}

/// The paper a document is printed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Paper {
    /// 210 by 297 mm: office printers.
    A4,
    /// 148 by 210 mm: a booklet to hand to a family or keep in a bag.
    A5,
}

impl Paper {
    /// 'A4'.
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A5 => "A5",
        }
    }
}

/// A link as a booklet prints it: the material, its address in short form, and a QR code.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedLink {
    /// Title, address, kind, source, description, duration.
    #[serde(flatten)]
    pub material: MaterialText,
    /// The address without `https://`, `www.` or a trailing slash.
    pub short_url: String,
    /// The address as a QR code.
    #[serde(rename = "qr_svg")]
    pub qr: LabelledQr,
}

/// A session in the booklet.
#[derive(Debug, Clone, Serialize)]
pub struct BookletSession {
    /// Anchor: `session-<slug>`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Its page on the site, in full.
    pub url: String,
    /// '10am to 11:30am'.
    pub time: String,
    /// 'Online', in the site's language.
    pub format: String,
    /// One sentence.
    pub summary: String,
    /// 'Name, role, organisation' for each host.
    pub hosts: Vec<String>,
    /// Whether it was cancelled.
    pub cancelled: bool,
    /// The recording, if there is one.
    pub recording: Option<PrintedLink>,
    /// Its follow-on materials.
    pub materials: Vec<PrintedLink>,
}

/// A day of the booklet.
#[derive(Debug, Clone, Serialize)]
pub struct BookletDay {
    /// Anchor: 'day-2024-03-05'.
    pub id: String,
    /// 'Tuesday 5 March 2024'.
    pub title: String,
    /// Its sessions, by start time.
    pub sessions: Vec<BookletSession>,
}

/// The booklet of a week, for both the page and the PDF.
#[derive(Debug, Clone, Serialize)]
pub struct Booklet {
    /// The week it is the booklet of.
    #[serde(skip)]
    pub week: WeekId,
    /// 'Relationships Matter week 2024'.
    pub title: String,
    /// 'Monday 4 March 2024 to Friday 8 March 2024'.
    pub dates: String,
    /// The week's theme.
    pub theme: Option<String>,
    /// Who publishes it.
    pub publisher: String,
    /// The introduction as plain paragraphs (the page renders the Markdown itself).
    pub introduction: Vec<String>,
    /// The days.
    pub days: Vec<BookletDay>,
    /// Resources from the library on the week's topics, not already listed.
    pub further: Vec<PrintedLink>,
    /// The week's programme page, in full.
    pub programme_url: String,
    /// The same in short form, for print.
    pub programme_short_url: String,
    /// Where to tell the organisers what readers thought (the week's `feedback_url`).
    pub feedback: Option<FeedbackLink>,
}

/// The week's feedback address as the booklet offers it, on screen and in print.
#[derive(Debug, Clone, Serialize)]
pub struct FeedbackLink {
    /// The address.
    pub url: String,
    /// The address without `https://`, `www.` or a trailing slash.
    pub short_url: String,
    /// The address as a QR code.
    #[serde(rename = "qr_svg")]
    pub qr: LabelledQr,
}

/// The feedback link of a week that has a `feedback_url`.
fn feedback_link(site: &Site, week: &Week) -> Option<FeedbackLink> {
    let url = week.feedback_url.as_ref()?;
    Some(FeedbackLink {
        url: url.clone(),
        short_url: short_url(url),
        qr: LabelledQr {
            code: QrCode::encode(url).map(Arc::new),
            label: site.t_with("booklet-feedback-qr", &[("week", text(&week.name))]),
        },
    })
}

/// The booklets of every week with a published booklet, in week order, made across cores (a
/// booklet's QR codes are the costly part).
pub fn build_booklets(site: &Site) -> Vec<Booklet> {
    site.weeks
        .par_iter()
        .enumerate()
        .filter(|(_, week)| week.booklet_published)
        .map(|(index, week)| build_booklet(site, Id::new(index), week))
        .collect()
}

/// [`build_booklets`] after an edit to the weeks, with `old`'s booklet (the last model's) kept
/// for each week `unchanged` says was read from the same files: a booklet reads only its week,
/// the week's sessions and what the edit leaves as it was (resources, topics, words, the
/// configuration), so it would be built the same, QR codes and all.
pub fn build_booklets_keeping(
    site: &Site,
    old: &[Booklet],
    unchanged: impl Fn(WeekId) -> bool + Sync,
) -> Vec<Booklet> {
    site.weeks
        .par_iter()
        .enumerate()
        .filter(|(_, week)| week.booklet_published)
        .map(|(index, week)| {
            let id = Id::new(index);
            match old.iter().find(|b| b.week == id) {
                Some(kept) if unchanged(id) => kept.clone(),
                _ => build_booklet(site, id, week),
            }
        })
        .collect()
}

/// The week's introduction for the booklet: its own, or else the week's.
pub fn introduction(week: &Week) -> Option<&crate::model::session::Markdown> {
    week.booklet_introduction
        .as_ref()
        .or(week.introduction.as_ref())
}

/// Where a week's booklet PDF is published: `/sessions/<week>/booklet.pdf`.
pub fn pdf_path(week: &Week) -> String {
    format!("{}booklet.pdf", week.url)
}

/// Builds the booklet of `week` from the model.
pub fn build_booklet(site: &Site, index: WeekId, week: &Week) -> Booklet {
    let sessions: Vec<&Session> = week.sessions.iter().map(|&i| &site.sessions[i]).collect();
    let topics: BTreeSet<TopicId> = sessions
        .iter()
        .flat_map(|s| s.topics.iter().copied())
        .collect();
    let topics: Vec<TopicId> = topics.into_iter().collect();
    let listed: BTreeSet<&str> = sessions
        .iter()
        .flat_map(|s| s.follow_on.iter().map(|m| m.url.as_str()))
        .collect();
    let further: Vec<&Material> = related_resources(&site.resources, &topics, usize::MAX)
        .into_iter()
        .map(|r| &r.material)
        .filter(|m| !listed.contains(m.url.as_str()))
        .collect();
    let mut days: Vec<BookletDay> = Vec::new();
    for session in &sessions {
        let date = session.local_start.date();
        let id = format!("day-{date}");
        if days.last().is_none_or(|d| d.id != id) {
            days.push(BookletDay {
                id,
                title: site.dates.day(date),
                sessions: Vec::new(),
            });
        }
        if let Some(day) = days.last_mut() {
            day.sessions.push(booklet_session(site, session));
        }
    }
    let config = &site.config;
    Booklet {
        week: index,
        title: site.t_with("booklet-title", &[("week", text(&week.name))]),
        dates: site.t_with(
            "date-range",
            &[
                ("from", ArgValue::Text(site.dates.day(week.start_date))),
                ("to", ArgValue::Text(site.dates.day(week.end_date))),
            ],
        ),
        theme: week.theme.clone(),
        publisher: config
            .organisation
            .as_ref()
            .map_or_else(|| config.title.clone(), |o| o.name.clone()),
        introduction: introduction(week)
            .map(|m| plain_paragraphs(&m.text))
            .unwrap_or_default(),
        days,
        further: further.into_par_iter().map(|m| printed(site, m)).collect(),
        programme_url: config.absolute_url(week.url.as_str()),
        programme_short_url: short_url(&config.absolute_url(week.url.as_str())),
        feedback: feedback_link(site, week),
    }
}

/// A material as printed: its facts, its address in short form and its QR code (named for
/// screen readers in the site's language).
pub fn printed(site: &Site, material: &Material) -> PrintedLink {
    PrintedLink {
        material: MaterialText::from(material),
        short_url: short_url(&material.url),
        qr: LabelledQr {
            code: QrCode::encode(&material.url).map(Arc::new),
            label: site.t_with("poster-qr", &[("title", text(&material.title))]),
        },
    }
}

fn booklet_session(site: &Site, session: &Session) -> BookletSession {
    let hosts = session
        .hosts
        .iter()
        .map(|h| {
            [Some(h.name.clone()), h.role.clone(), h.organisation.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    let recording = session.recording.as_ref().map(|url| {
        printed(
            site,
            &Material {
                title: site.t_with("booklet-recording-of", &[("title", text(&session.title))]),
                url: url.clone(),
                kind: MaterialKind::Video,
                source: None,
                description: None,
                minutes: None,
                origin: Default::default(),
                fallback: Default::default(),
            },
        )
    });
    BookletSession {
        id: format!("session-{}", session.slug),
        title: session.title.clone(),
        url: site.config.absolute_url(session.url.as_str()),
        time: site
            .dates
            .time_range(session.local_start.time(), session.local_end.time()),
        format: site.t(session.format.message_key()),
        summary: session.summary.clone(),
        hosts,
        cancelled: session.booking.status == BookingStatus::Cancelled,
        recording,
        materials: session
            .follow_on
            .par_iter()
            .map(|m| printed(site, m))
            .collect(),
    }
}

/// Text handed to a message.
fn text(value: &str) -> ArgValue {
    ArgValue::Text(value.to_owned())
}

/// Markdown as plain paragraphs: text kept, markup dropped; links keep their text.
pub fn plain_paragraphs(markdown: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Start(Tag::Item) => current.push_str("• "),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                let text = current.trim().to_owned();
                if !text.is_empty() && text != "•" {
                    paragraphs.push(text);
                }
                current.clear();
            }
            _ => {}
        }
    }
    if !current.trim().is_empty() {
        paragraphs.push(current.trim().to_owned());
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_plain_paragraphs() {
        let md = "A [link](https://x.org) and **bold**.\n\n- one\n- two\n\n## Head";
        assert_eq!(
            plain_paragraphs(md),
            vec!["A link and bold.", "• one", "• two", "Head"]
        );
    }
}
