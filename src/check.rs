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

use jiff::Timestamp;
use rayon::prelude::*;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Site, material_checks};
use crate::output::links::{PageLink, page_links, resolves};
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
    let links: Vec<Vec<PageLink>> = pages
        .par_iter()
        .map(|(_, html)| page_links(html, &output.urls))
        .collect();
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
        let links: Vec<Vec<PageLink>> = pages
            .par_iter()
            .map(|(_, html)| page_links(html, &output.urls))
            .collect();
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
    let pages = [(path, Cow::Borrowed(html))];
    let links = [page_links(html, &output.urls)];
    linked_from_pages(&pages, &links).into_iter().collect()
}

/// The published HTML pages: their output paths and text.
fn html_pages(output: &Output) -> Vec<(&str, Cow<'_, str>)> {
    output
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .filter_map(|f| match &f.contents {
            Contents::Bytes(bytes) => Some((f.path.as_str(), String::from_utf8_lossy(bytes))),
            _ => None,
        })
        .collect()
}

/// Links in generated HTML that lead to no published file, or out of the site's folder.
fn check_output_links(
    output: &Output,
    pages: &[(&str, Cow<'_, str>)],
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
    pages: &[(&str, Cow<'a, str>)],
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
