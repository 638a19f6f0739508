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
use rustc_hash::{FxHashMap, FxHashSet};

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Site, material_checks};
use crate::output::links::{PageLink, page_link, page_links, resolves};
use crate::output::{Contents, Output, OutputFile};

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
    let (mut problems, linked) = checked_links(output);
    problems.extend(material_checks::check_materials(site));
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
        // Only which paths are linked: the links' problems are the verdict's.
        let linked = linked_paths(output, PAGES_AT_ONCE, None);
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

/// How many HTML pages' links are read at once: each chunk's are checked and let go before
/// the next chunk's are read, so that a large site's links (about 20 a page, 2.6 million at
/// 100,000 pages) are never all in memory together (docs/performance.md, 'Bounded memory').
const PAGES_AT_ONCE: usize = 4096;

/// Every published HTML page's links checked (the problems in page order), and the site
/// paths that pages outside the directory link to; a chunk of pages at a time.
fn checked_links(output: &Output) -> (Diagnostics, HashSet<String>) {
    checked_links_by(output, PAGES_AT_ONCE)
}

/// [`checked_links`], `pages_at_once` pages at a time (tests use a few).
fn checked_links_by(output: &Output, pages_at_once: usize) -> (Diagnostics, HashSet<String>) {
    let mut problems = Diagnostics::default();
    let linked = linked_paths(output, pages_at_once, Some(&mut problems));
    (problems, linked)
}

/// The site paths that pages outside the directory link to, a chunk of pages at a time; each
/// page's links are read once for both, and checked into `problems` when it is given.
fn linked_paths(
    output: &Output,
    pages_at_once: usize,
    mut problems: Option<&mut Diagnostics>,
) -> HashSet<String> {
    let html: Vec<&OutputFile> = output
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .collect();
    let mut linked = HashSet::new();
    for chunk in html.chunks(pages_at_once.max(1)) {
        let pages = html_pages(chunk);
        let links = links_of(&pages, output);
        // The links' problems on the other cores while the linked paths are gathered.
        let (found, linked_here) = rayon::join(
            || {
                problems
                    .is_some()
                    .then(|| check_output_links(output, &pages, &links))
            },
            || linked_from_pages(&pages, &links),
        );
        if let (Some(problems), Some(found)) = (problems.as_deref_mut(), found) {
            problems.extend(found);
        }
        for path in linked_here {
            if !linked.contains(path) {
                linked.insert(path.to_owned());
            }
        }
    }
    linked
}

/// The HTML pages among `files`: their output paths, and their text or kept links.
fn html_pages<'a>(files: &[&'a OutputFile]) -> Vec<(&'a str, PageText<'a>)> {
    files
        .iter()
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
            let mut seen = FxHashSet::default();
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
    // Each site path the pages link to looked up once (most links are the same few: the
    // navigation, the breadcrumbs, a part's pages).
    let targets: FxHashSet<&str> = links
        .iter()
        .flatten()
        .filter_map(|link| match *link {
            PageLink::Site(to) => Some(to),
            PageLink::Outside(_) => None,
        })
        .collect();
    let published: FxHashMap<&str, bool> = targets
        .into_par_iter()
        .map(|to| (to, resolves(output, to)))
        .collect();
    // Page by page across cores; each page's problems in its place, so in the pages' order.
    let per_page: Vec<Vec<Diagnostic>> = pages
        .par_iter()
        .zip(links)
        .map(|((path, _), links)| page_link_problems(&published, output, path, links))
        .collect();
    Diagnostics(per_page.into_iter().flatten().collect())
}

/// The problems of one published page's links, in their order (`published`: whether each
/// site path linked to [`resolves`]).
fn page_link_problems(
    published: &FxHashMap<&str, bool>,
    output: &Output,
    path: &str,
    links: &[PageLink],
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for link in links {
        match *link {
            PageLink::Site(to) if !published.get(to).copied().unwrap_or(false) => problems.push(
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
    problems
}

/// Site paths (without `#` or `?` parts) linked from pages outside `/directory/`. A hash set:
/// every link of every page goes in (a quarter of a million at 1,000 pages in three languages),
/// and the directory's check only asks whether a service's path is there.
fn linked_from_pages<'a>(
    pages: &[(&str, PageText<'a>)],
    links: &[Vec<PageLink<'a>>],
) -> FxHashSet<&'a str> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site_url::SiteUrls;

    /// An output of HTML pages in memory, each linking to `links`.
    fn output(pages: &[(&str, &[&str])]) -> Output {
        let urls = SiteUrls::parse("https://council.example.gov.uk/familyhub/").expect("a url");
        let mut files: Vec<crate::output::OutputFile> = pages
            .iter()
            .map(|(path, links)| {
                let html: String = links
                    .iter()
                    .map(|l| format!("<a href=\"{l}\">x</a>"))
                    .collect();
                crate::output::OutputFile {
                    path: (*path).to_owned(),
                    contents: Contents::Bytes(Arc::new(html.into_bytes())),
                }
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Output {
            files,
            page_count: pages.len(),
            urls,
        }
    }

    /// Pages' links read a few pages at a time find what one pass over every page finds: the
    /// same problems in the same order, the same pages linked.
    #[test]
    fn links_checked_a_few_pages_at_a_time_are_checked_as_all_at_once() {
        let output = output(&[
            (
                "a/index.html",
                &["/familyhub/b/", "/familyhub/gone/", "/familyhub/a/"],
            ),
            ("b/index.html", &["/elsewhere/", "/familyhub/a/"]),
            (
                "c/index.html",
                &["/familyhub/directory/s/", "/familyhub/c/#top"],
            ),
            ("directory/s/index.html", &["/familyhub/directory/t/"]),
            (
                "directory/t/index.html",
                &["/familyhub/missing/", "/familyhub/b/"],
            ),
            ("index.html", &["/familyhub/c/?q=1", "/familyhub/gone/"]),
        ]);
        let (problems, linked) = checked_links_by(&output, usize::MAX);
        assert_eq!(problems.0.len(), 4, "{problems:?}");
        assert!(linked.contains("/directory/s/") && !linked.contains("/directory/t/"));
        for at_once in [1, 2, 4] {
            let (chunked, chunked_linked) = checked_links_by(&output, at_once);
            assert_eq!(chunked.0, problems.0, "{at_once} at once");
            assert_eq!(chunked_linked, linked, "{at_once} at once");
        }
    }
}
