//! The booklet of a week (`/sessions/<week>/booklet/`): an introduction, contents, each day and
//! session with its summary, hosts and materials, and further resources from the library.
//!
//! One [`Booklet`] is built from the model and rendered twice: as an HTML page (readable on
//! screen, a proper A4 document in print) and as a PDF (`booklet.pdf` beside it, made by
//! [`crate::output::booklet_pdf`]). The page offers the PDF with its size, so the PDF is made
//! first.

use std::collections::BTreeSet;
use std::path::PathBuf;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::Serialize;

use crate::diag::{Code, Diagnostic};
use crate::model::Site;
use crate::model::booking::BookingStatus;
use crate::model::material::Material;
pub use crate::model::material::short_url;
use crate::model::resource::related_resources;
use crate::model::session::Session;
use crate::model::week::Week;
use crate::render::RenderedPage;
use crate::render::format::{format_day, format_time_range};
use crate::render::markdown::SiteLink;
use crate::render::programme::session::MaterialView;
use crate::render::programme::url_path;
use crate::render::qr::render_qr_svg;
use crate::render::templates::Templates;
use crate::render::views::{Link, PageMeta, SiteView, shows_exit, simple_meta};

/// A link as a booklet prints it: the material, its address in short form, and a QR code.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedLink {
    /// Title, address, kind, source, description, duration.
    #[serde(flatten)]
    pub material: MaterialView,
    /// The address without `https://`, `www.` or a trailing slash.
    pub short_url: String,
    /// The address as a QR code, inline SVG (empty if it cannot be encoded).
    pub qr_svg: String,
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
    /// 'Online'.
    pub format: &'static str,
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
    /// 'Relationships Matter week 2024'.
    pub title: String,
    /// 'Monday 4 March 2024 to Friday 8 March 2024'.
    pub dates: String,
    /// The week's theme.
    pub theme: Option<String>,
    /// Who publishes it.
    pub publisher: String,
    /// The introduction as HTML.
    pub introduction_html: String,
    /// The introduction as plain paragraphs.
    pub introduction: Vec<String>,
    /// The days.
    pub days: Vec<BookletDay>,
    /// Resources from the library on the week's topics, not already listed.
    pub further: Vec<PrintedLink>,
    /// The week's programme page, in full.
    pub programme_url: String,
    /// The same in short form, for print.
    pub programme_short_url: String,
}

/// The booklet's PDF, as the page offers it.
#[derive(Debug, Clone, Serialize)]
pub struct PdfLink {
    /// Site path.
    pub url: String,
    /// Its size: '84 KB'.
    pub size: String,
}

/// The view of a week's booklet page.
#[derive(Debug, Serialize)]
pub struct BookletView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: PageMeta,
    /// The booklet.
    pub booklet: &'a Booklet,
    /// The PDF.
    pub pdf: PdfLink,
    /// The week's programme.
    pub week_url: String,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// A rendered booklet: its page and its PDF.
pub struct RenderedBooklet {
    /// The page.
    pub page: RenderedPage,
    /// The PDF, at `sessions/<week>/booklet.pdf`.
    pub pdf: crate::render::RenderedFile,
}

fn printed(material: &Material) -> PrintedLink {
    PrintedLink {
        material: MaterialView::from(material),
        short_url: short_url(&material.url),
        qr_svg: render_qr_svg(&material.url, &format!("QR code for {}", material.title))
            .unwrap_or_default(),
    }
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
        printed(&Material {
            title: format!("Recording of {}", session.title),
            url: url.clone(),
            kind: crate::model::material::MaterialKind::Video,
            source: None,
            description: None,
            minutes: None,
            origin: Default::default(),
        })
    });
    BookletSession {
        id: format!("session-{}", session.slug),
        title: session.title.clone(),
        url: site.sources.config.absolute_url(session.url.as_str()),
        time: format_time_range(session.local_start.time(), session.local_end.time()),
        format: session.format.label(),
        summary: session.summary.clone(),
        hosts,
        cancelled: session.booking.status == BookingStatus::Cancelled,
        recording,
        materials: session.follow_on.iter().map(printed).collect(),
    }
}

/// Builds the booklet of `week` from the model.
pub fn build_booklet(site: &Site, week: &Week, introduction_html: String) -> Booklet {
    let sessions: Vec<&Session> = week.sessions.iter().map(|&i| &site.sessions[i]).collect();
    let topics: BTreeSet<usize> = sessions
        .iter()
        .flat_map(|s| s.topics.iter().copied())
        .collect();
    let topics: Vec<usize> = topics.into_iter().collect();
    let listed: BTreeSet<&str> = sessions
        .iter()
        .flat_map(|s| s.follow_on.iter().map(|m| m.url.as_str()))
        .collect();
    let further: Vec<&Material> = related_resources(&site.resources, &topics, usize::MAX)
        .into_iter()
        .map(|r| &r.material)
        .filter(|m| !listed.contains(m.url.as_str()))
        .collect();
    // QR codes are the costly part of a booklet: make them across cores first (they are
    // remembered by address, so the pages and the PDF below find them made).
    let addresses: Vec<&str> = listed
        .iter()
        .copied()
        .chain(further.iter().map(|m| m.url.as_str()))
        .collect();
    addresses
        .par_iter()
        .for_each(|address| drop(crate::render::qr::qr_code(address)));
    let mut days: Vec<BookletDay> = Vec::new();
    for session in &sessions {
        let date = session.local_start.date();
        let id = format!("day-{date}");
        if days.last().is_none_or(|d| d.id != id) {
            days.push(BookletDay {
                id,
                title: format_day(date),
                sessions: Vec::new(),
            });
        }
        if let Some(day) = days.last_mut() {
            day.sessions.push(booklet_session(site, session));
        }
    }
    let further = further.into_iter().map(printed).collect();
    let markdown = week
        .booklet_introduction
        .as_ref()
        .or(week.introduction.as_ref());
    let config = &site.sources.config;
    Booklet {
        title: format!("{}: the booklet", week.name),
        dates: format!(
            "{} to {}",
            format_day(week.start_date),
            format_day(week.end_date)
        ),
        theme: week.theme.clone(),
        publisher: config
            .organisation
            .as_ref()
            .map_or_else(|| config.title.clone(), |o| o.name.clone()),
        introduction_html,
        introduction: markdown
            .map(|m| plain_paragraphs(&m.text))
            .unwrap_or_default(),
        days,
        further,
        programme_url: config.absolute_url(week.url.as_str()),
        programme_short_url: short_url(&config.absolute_url(week.url.as_str())),
    }
}

/// '84 KB', rounded up, for a link's text.
pub fn size_text(bytes: usize) -> String {
    format!("{} KB", bytes.div_ceil(1024).max(1))
}

/// A rendered booklet, or the problems that stopped it.
type BookletResult = Result<RenderedBooklet, Vec<Diagnostic>>;

/// Renders every published booklet, in parallel (each PDF takes a while to make), in week
/// order; with each, the site links its introduction makes.
pub fn render_booklets(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
) -> Vec<(BookletResult, Vec<SiteLink>)> {
    let weeks: Vec<&Week> = site.weeks.iter().filter(|w| w.booklet_published).collect();
    weeks
        .par_iter()
        .map(|week| {
            let mut problems = Vec::new();
            let markdown = week
                .booklet_introduction
                .as_ref()
                .or(week.introduction.as_ref());
            let (introduction, links) =
                crate::render::programme::markdown_html(site, markdown, &mut problems);
            let booklet =
                render_booklet(site, templates, site_view, week, introduction).map_err(|p| vec![p]);
            let booklet = if problems.is_empty() {
                booklet
            } else {
                Err(problems)
            };
            (booklet, links)
        })
        .collect()
}

/// Renders the booklet page of a week with a published booklet, and its PDF.
pub fn render_booklet(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    week: &Week,
    introduction_html: String,
) -> Result<RenderedBooklet, Diagnostic> {
    let booklet = build_booklet(site, week, introduction_html);
    let language = &site.sources.config.language;
    let pdf = crate::output::booklet_pdf::render_booklet_pdf(&booklet, language, site.now)
        .map_err(|message| {
            Diagnostic::file(
                &week.source,
                format!("the booklet PDF could not be made: {message}"),
            )
            .code(Code::Internal)
        })?;
    let page_url = url_path(&format!("{}booklet/", week.url));
    let pdf_path = format!("{}booklet.pdf", week.url);
    let view = BookletView {
        site: site_view,
        page: simple_meta(site, &booklet.title, &week.summary, &page_url, "sessions"),
        booklet: &booklet,
        pdf: PdfLink {
            url: pdf_path.clone(),
            size: size_text(pdf.len()),
        },
        week_url: week.url.to_string(),
        breadcrumbs: crate::render::programme::breadcrumbs_to(Some(week)),
        show_exit: shows_exit(
            site,
            "sessions",
            crate::model::sensitivity::Sensitivity::Ordinary,
        ),
    };
    let html = templates.render("booklet.html", &view, &week.source.to_string_lossy())?;
    let page = RenderedPage {
        url: page_url,
        html,
        source: PathBuf::from(&week.source),
        last_modified: None,
    };
    let pdf = crate::render::RenderedFile {
        path: pdf_path.trim_start_matches('/').to_owned(),
        bytes: pdf,
        source: week.source.clone(),
    };
    Ok(RenderedBooklet { page, pdf })
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

    #[test]
    fn sizes_round_up_to_whole_kilobytes() {
        assert_eq!(size_text(1), "1 KB");
        assert_eq!(size_text(2049), "3 KB");
    }
}
