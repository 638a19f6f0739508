//! The booklet page of a week (`/sessions/<week>/booklet/`): the week's [`Booklet`] document
//! (made by the model) with its introduction rendered as HTML, and a link to the PDF with its
//! size. The PDF itself is printed by the output stage, before the pages, so that the page can
//! say how large it is (see [`Downloads`]).

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::model::booklet::{Booklet, introduction, pdf_path};
use crate::model::paths::Section;
use crate::model::sensitivity::Sensitivity;
use crate::model::{Site, UrlPath};
use crate::render::markdown::SiteLink;
use crate::render::templates::Templates;
use crate::render::views::{Link, PageMeta, SiteView, shows_exit, simple_meta};
use crate::render::{Downloads, PageHtml, RenderedPage};

/// The booklet as its page shows it: the document, and its introduction as HTML.
#[derive(Debug, Serialize)]
pub struct BookletPage<'a> {
    /// The document the PDF prints too.
    #[serde(flatten)]
    pub document: &'a Booklet,
    /// The introduction as HTML.
    pub introduction_html: String,
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
    pub booklet: BookletPage<'a>,
    /// The PDF.
    pub pdf: PdfLink,
    /// The week's programme.
    pub week_url: String,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
    /// Where to give feedback on the week (its `feedback_url`), with a QR code for print.
    pub feedback: Option<crate::model::booklet::FeedbackLink>,
}

/// '84 KB', rounded up, for a link's text.
pub fn size_text(bytes: usize) -> String {
    format!("{} KB", bytes.div_ceil(1024).max(1))
}

/// A booklet page, or the problems that stopped it.
type BookletPageResult = Result<RenderedPage, Vec<Diagnostic>>;

/// Renders every booklet page, in parallel, in week order; with each, the site links its
/// introduction makes.
pub fn render_booklets(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    downloads: &Downloads,
    weeks: crate::render::programme::ProgrammeWeeks,
) -> Vec<(BookletPageResult, Vec<SiteLink>)> {
    site.booklets
        .par_iter()
        .filter(|booklet| weeks.wants(booklet.week))
        .map(|booklet| {
            let week = &site.weeks[booklet.week];
            let mut problems = Vec::new();
            let (introduction_html, links) =
                crate::render::programme::markdown_html(site, introduction(week), &mut problems);
            let page = render_booklet(
                site,
                templates,
                site_view,
                downloads,
                booklet,
                introduction_html,
            )
            .map_err(|p| vec![p]);
            let page = if problems.is_empty() {
                page
            } else {
                Err(problems)
            };
            (page, links)
        })
        .collect()
}

/// Renders the booklet page of a week with a published booklet.
fn render_booklet(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    downloads: &Downloads,
    booklet: &Booklet,
    introduction_html: String,
) -> Result<RenderedPage, Diagnostic> {
    let week = &site.weeks[booklet.week];
    let page_url = UrlPath::from_path(&format!("{}booklet/", week.url));
    let pdf_path = pdf_path(week);
    let view = BookletView {
        site: site_view,
        page: simple_meta(
            site,
            &booklet.title,
            &week.summary,
            &page_url,
            Section::Programme,
        ),
        booklet: BookletPage {
            document: booklet,
            introduction_html,
        },
        pdf: PdfLink {
            size: size_text(downloads.size(&pdf_path)),
            url: pdf_path,
        },
        week_url: week.url.to_string(),
        breadcrumbs: crate::render::programme::breadcrumbs_to(site, Some(week)),
        show_exit: shows_exit(site, Section::Programme.name(), Sensitivity::Ordinary),
        feedback: booklet.feedback.clone(),
    };
    let html = templates.render("booklet.html", &view, &week.source.to_string_lossy())?;
    Ok(RenderedPage {
        url: page_url,
        html: PageHtml::Text(html),
        source: PathBuf::from(&week.source),
        last_modified: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_up_to_whole_kilobytes() {
        assert_eq!(size_text(1), "1 KB");
        assert_eq!(size_text(2049), "3 KB");
    }
}
