//! Stage 5, the verdict: checks over the model and the finished output that every command
//! runs (`build`, `check` and `serve` agree, so anything `check` calls an error also fails a
//! build and shows in `serve`'s banner). Errors: links the templates make to pages that do not
//! exist or that leave the site's folder, and follow-on materials or resources that cannot be
//! followed. Warnings, which never fail a build: directory entries to review (see
//! [`directory`]) and sensitive pages that list no safety service (see [`safety`]).

pub mod directory;
pub mod safety;

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use jiff::Timestamp;
use rayon::prelude::*;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Site, material_checks};
use crate::output::links::{PageLink, page_link, page_links, resolves};
use crate::output::{Contents, Output};

/// What the verdict found: problems that stop a build, and warnings that do not.
#[derive(Debug, Default)]
pub struct Verdict {
    /// Problems: the build fails and `public/` is left as it was.
    pub problems: Diagnostics,
    /// Things worth a word.
    pub warnings: Diagnostics,
}

/// Every check over the model and the output of a build at `now`.
pub fn verify(site: &Site, output: &Output, now: Timestamp) -> Verdict {
    let config = &site.config;
    let today = config.time_zone.to_datetime(now).date();
    let stale_after = config.directory.stale_after_months;
    let pages = html_pages(output);
    // Each page's links are read once, across cores, for both checks that need them.
    let links = links_of(&pages, output);
    let mut problems = check_output_links(output, &pages, &links);
    problems.extend(material_checks::check_materials(site));
    let linked = linked_from_pages(&pages, &links);
    let mut warnings = directory::directory_warnings(&site.services, today, stale_after, &linked);
    warnings.extend(safety::safety_warnings(site));
    Verdict { problems, warnings }
}

/// The verdict's warnings that read what pages show, made again from `site` and `output` in
/// the place of those in `warnings` (`serve` applies an edit to pages without the verdict):
/// sensitive pages that list no safety service, always (the model says), and services no page
/// links to when `links_moved` (reading every page's links, as the verdict does).
pub fn page_warnings_again(
    warnings: Diagnostics,
    site: &Site,
    output: &Output,
    now: Timestamp,
    links_moved: bool,
) -> Diagnostics {
    let again = |w: &Diagnostic| {
        w.code == Some(Code::NoSafetyService) || (links_moved && w.code == Some(Code::Unlinked))
    };
    let mut kept = Diagnostics(warnings.0.into_iter().filter(|w| !again(w)).collect());
    kept.extend(safety::safety_warnings(site));
    if links_moved {
        let config = &site.config;
        let today = config.time_zone.to_datetime(now).date();
        let pages = html_pages(output);
        let links = links_of(&pages, output);
        let linked = linked_from_pages(&pages, &links);
        let stale_after = config.directory.stale_after_months;
        let unlinked = directory::directory_warnings(&site.services, today, stale_after, &linked)
            .0
            .into_iter()
            .filter(|w| w.code == Some(Code::Unlinked));
        kept.0.extend(unlinked);
    }
    kept.sorted()
}

/// The site paths the published page at `path` links to, as the check for services no page
/// links to counts them (none for the directory's own pages).
pub fn counted_links<'a>(path: &str, html: &'a str, output: &Output) -> BTreeSet<&'a str> {
    let pages = [(path, PageText::Html(Cow::Borrowed(html)))];
    let links = [page_links(html, &output.urls)];
    linked_from_pages(&pages, &links).into_iter().collect()
}

/// What the verdict reads of a published page.
enum PageText<'a> {
    /// Its text, in memory.
    Html(Cow<'a, str>),
    /// The root-relative `href`s and `src`s of a page written as it rendered.
    Hrefs(Vec<Arc<str>>),
}

/// The published HTML pages: their output paths, and their text or kept links.
fn html_pages(output: &Output) -> Vec<(&str, PageText<'_>)> {
    output
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .filter_map(|f| match &f.contents {
            Contents::Bytes(bytes) => Some((
                f.path.as_str(),
                PageText::Html(String::from_utf8_lossy(bytes)),
            )),
            Contents::Written(page) => Some((f.path.as_str(), PageText::Hrefs(page.hrefs()))),
            Contents::Asset(_) => None,
        })
        .collect()
}

/// Each page's links, across cores, each distinct one once (as a page written while it
/// rendered keeps them), so that a page in memory and one written are checked alike.
fn links_of<'a>(pages: &'a [(&str, PageText<'a>)], output: &Output) -> Vec<Vec<PageLink<'a>>> {
    pages
        .par_iter()
        .map(|(_, text)| {
            let links: Vec<PageLink> = match text {
                PageText::Html(html) => page_links(html, &output.urls),
                PageText::Hrefs(hrefs) => hrefs
                    .iter()
                    .map(|href| page_link(href, &output.urls))
                    .collect(),
            };
            let mut seen = HashSet::new();
            links
                .into_iter()
                .filter(|link| seen.insert(*link))
                .collect()
        })
        .collect()
}

/// Links in generated HTML that lead to no published file, or out of the site's folder.
fn check_output_links(
    output: &Output,
    pages: &[(&str, PageText<'_>)],
    links: &[Vec<PageLink>],
) -> Diagnostics {
    let mut problems = Diagnostics::default();
    for ((path, _), links) in pages.iter().zip(links) {
        for link in links {
            match *link {
                PageLink::Site(to) if !resolves(output, to) => problems.push(
                    Diagnostic::file(format!("public/{path}"), format!("links to {to}, which is not published")).code(Code::DeadLink)
                        .hint("fix the template or content that makes this link"),
                ),
                PageLink::Site(_) => {}
                PageLink::Outside(href) => problems.push(
                    Diagnostic::file(
                        format!("public/{path}"),
                        format!("links to {href}, outside {}/ where the site is published", output.urls.base_path()),
                    ).code(Code::LinkOutsideFolder)
                    .hint("write links as site paths (/self-help/) and let the build add the folder; to link elsewhere on the host, give the full address"),
                ),
            }
        }
    }
    problems
}

/// Site paths (without `#` or `?` parts) linked from pages outside `/directory/`. A hash set:
/// every link of every page goes in (a quarter of a million at 1,000 pages in three languages),
/// and the directory's check only asks whether a service's path is there.
fn linked_from_pages<'a>(
    pages: &[(&str, PageText<'a>)],
    links: &[Vec<PageLink<'a>>],
) -> HashSet<&'a str> {
    pages
        .iter()
        .zip(links)
        .filter(|((path, _), _)| !path.starts_with("directory/"))
        .flat_map(|(_, links)| links)
        .filter_map(|link| match *link {
            PageLink::Site(p) => Some(p.split(['#', '?']).next().unwrap_or(p)),
            PageLink::Outside(_) => None,
        })
        .collect()
}
