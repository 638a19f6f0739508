//! Pages and sections: Markdown files placed in the site's tree of URLs.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::RawPage;
use crate::model::address::{Addresses, Claim, Claimant};
use crate::model::audience::Audience;
use crate::model::id::Id;
use crate::model::related::RelatedLists;
use crate::model::relations::{ExplicitRelations, Subject};
use crate::model::sensitivity::Sensitivity;
use crate::model::slug::{Slug, UrlPath};
use crate::model::time::parse_date;
use crate::model::topic::{TopicId, Topics};

/// A page's position in [`crate::model::Site::pages`].
pub type PageId = Id<Page>;

/// What a Markdown file is in the site's tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `content/_index.md`
    Home,
    /// A folder's `_index.md`: lists the pages in that folder.
    Section,
    /// Any other Markdown file.
    Page,
}

/// How a section orders its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// By `weight`, then title.
    #[default]
    Weight,
    /// Alphabetically by title.
    Title,
    /// Newest first.
    Date,
}

/// A page of the site, validated.
#[derive(Debug, Clone)]
pub struct Page {
    /// Its index in `Sources::pages`.
    pub raw: usize,
    /// Its file as read: front matter and body.
    pub text: Arc<RawPage>,
    /// Where it is published.
    pub url: UrlPath,
    /// Home, section or page.
    pub kind: PageKind,
    /// The name of its top-level section (`self-help`), or empty at the root.
    pub section_name: String,
    /// Its title.
    pub title: String,
    /// One sentence about it.
    pub summary: String,
    /// Indexes into the site's topics.
    pub topics: Vec<TopicId>,
    /// Who it is for.
    pub audience: Vec<Audience>,
    /// Publication date.
    pub date: Option<Date>,
    /// When it was last checked.
    pub last_reviewed: Option<Date>,
    /// Order within its section.
    pub weight: i64,
    /// Sensitive when it says `safety = true` or has a sensitive topic: it shows 'Exit this
    /// page' and 'Get help now', and its related lists follow the safety rules.
    pub sensitivity: Sensitivity,
    /// Its `related_*` lists (front matter), resolved once everything is known.
    pub related: ExplicitRelations,
    /// The related lists it shows, chosen once everything is known.
    pub related_lists: RelatedLists,
    /// A template other than the default for its kind.
    pub template: Option<String>,
    /// The section it belongs to (the home page for top-level pages).
    pub parent: Option<PageId>,
    /// For sections: the pages and sections directly inside, in display order.
    pub children: Vec<PageId>,
    /// For sections: how children are ordered.
    pub sort_by: SortBy,
    /// The language of its text when that is not the language being built (a home page or
    /// section not translated, shown in the default language): what its title, summary and
    /// body are marked with (`lang="en-GB"`) so that screen readers say them right.
    pub lang: Option<String>,
}

impl Page {
    /// What its related lists are chosen for.
    pub fn subject(&self) -> Subject<'_> {
        Subject {
            topics: &self.topics,
            sensitivity: self.sensitivity,
            explicit: &self.related,
        }
    }
}

/// Validates pages, places them at their URLs and links sections to their children.
pub fn build_pages(
    raw_pages: &[Arc<RawPage>],
    topics: &Topics,
    drafts: bool,
    problems: &mut Diagnostics,
) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut by_url: BTreeMap<String, PageId> = BTreeMap::new();
    let mut addresses = Addresses::default();
    // Built across cores, each page's problems kept in its place; claimed in order.
    let built: Vec<(Option<Page>, Diagnostics)> = raw_pages
        .par_iter()
        .enumerate()
        .map(|(index, raw)| {
            let mut found = Diagnostics::default();
            let page = match raw.front.draft && !drafts {
                true => None,
                false => build_page(index, raw, topics, &mut found),
            };
            (page, found)
        })
        .collect();
    for ((page, found), raw) in built.into_iter().zip(raw_pages) {
        problems.extend(found);
        let Some(page) = page else {
            continue;
        };
        // Pages are claimed here, before sections are linked, so that a page that would take
        // another's address is left out; the model claims them again beside everything else.
        if !addresses.claim_or_report(
            page.url.as_str(),
            Claim::file(Claimant::Page, &raw.file.path),
            problems,
        ) {
            continue;
        }
        by_url.insert(page.url.to_string(), Id::new(pages.len()));
        pages.push(page);
    }
    let home_failed_to_load = problems
        .0
        .iter()
        .any(|d| d.path.as_path() == std::path::Path::new("content/_index.md"));
    if !home_failed_to_load && !pages.iter().any(|p| p.kind == PageKind::Home) {
        problems.push(
            Diagnostic::file("content/_index.md", "the home page is missing")
                .code(Code::FileInWrongPlace)
                .hint("add content/_index.md with a title in its front matter"),
        );
    }
    link_sections(&mut pages, &by_url);
    pages
}

/// `old`, the pages built from raw pages that differ from `raw_pages` only at the indexes
/// `changed`, with the pages of those files built again (keeping their places in the tree) and
/// the children of their sections, and their own, sorted again: what [`build_pages`] gives for
/// `raw_pages` when no page moves. `None` when one does: a changed file that is a draft now,
/// was one and is no longer, has a problem, or is at another address.
pub fn rebuild_pages(
    old: &[Page],
    raw_pages: &[Arc<RawPage>],
    changed: &BTreeSet<usize>,
    topics: &Topics,
    drafts: bool,
) -> Option<Vec<Page>> {
    let mut pages = old.to_vec();
    let mut problems = Diagnostics::default();
    let mut sections = BTreeSet::new();
    let mut found = 0;
    for id in (0..pages.len()).map(PageId::new) {
        let raw_index = pages[id].raw;
        if !changed.contains(&raw_index) {
            continue;
        }
        found += 1;
        let raw = raw_pages.get(raw_index)?;
        if raw.front.draft && !drafts {
            return None;
        }
        let mut page = build_page(raw_index, raw, topics, &mut problems)?;
        let before = &pages[id];
        if page.url != before.url || page.kind != before.kind {
            return None;
        }
        page.parent = before.parent;
        page.children = std::mem::take(&mut pages[id].children);
        page.lang = pages[id].lang.clone();
        sections.extend(page.parent);
        sections.insert(id);
        pages[id] = page;
    }
    // A changed file the pages did not come from was a draft: it must be one still.
    let still_drafts = found == changed.len()
        || changed.iter().all(|&raw| {
            old.iter().any(|page| page.raw == raw)
                || raw_pages
                    .get(raw)
                    .is_some_and(|raw| raw.front.draft && !drafts)
        });
    if !still_drafts || !problems.is_empty() {
        return None;
    }
    for id in sections {
        let mut children = std::mem::take(&mut pages[id].children);
        sort_children(&mut children, &pages, pages[id].sort_by);
        pages[id].children = children;
    }
    Some(pages)
}

fn build_page(
    index: usize,
    raw: &Arc<RawPage>,
    topics: &Topics,
    problems: &mut Diagnostics,
) -> Option<Page> {
    let file = &raw.file;
    let front = &raw.front;
    let (url, kind) = match page_url(&raw.content_path) {
        Ok(found) => found,
        Err(error) => {
            problems.push(
                Diagnostic::file(&file.path, error.to_string())
                    .code(Code::BadName)
                    .hint("name files with letters, digits and hyphens"),
            );
            return None;
        }
    };
    let offset = raw.front_offset;
    let mut date_of = |value: &Option<toml::Spanned<toml::value::Datetime>>| {
        value.as_ref().and_then(|v| {
            parse_date(v, file, offset)
                .map_err(|d| problems.push(d))
                .ok()
        })
    };
    let date = date_of(&front.date);
    let last_reviewed = date_of(&front.last_reviewed);
    let sort_by = match &front.sort_by {
        None => SortBy::Weight,
        Some(value) => match value.get_ref().as_str() {
            "weight" => SortBy::Weight,
            "title" => SortBy::Title,
            "date" => SortBy::Date,
            other => {
                let span = value.span();
                problems.push(
                    file.error_at(
                        span.start + offset..span.end + offset,
                        format!("unknown sort_by `{other}`"),
                    )
                    .code(Code::UnknownValue)
                    .hint("use weight, title or date"),
                );
                SortBy::Weight
            }
        },
    };
    let topic_ids = topics.resolve(&front.topics, file, offset, problems);
    let sensitivity = Sensitivity::when(front.safety).or(topics.sensitivity_of(&topic_ids));
    Some(Page {
        raw: index,
        text: Arc::clone(raw),
        section_name: url.as_str().split('/').nth(1).unwrap_or("").to_owned(),
        url,
        kind,
        title: front.title.clone(),
        summary: front.summary.clone(),
        topics: topic_ids,
        audience: Audience::resolve(&front.audience, file, offset, problems),
        date,
        last_reviewed,
        weight: front.weight,
        sensitivity,
        related: ExplicitRelations::default(),
        related_lists: RelatedLists::default(),
        template: front
            .template
            .as_ref()
            .and_then(|t| template_name(t, file, offset, problems)),
        parent: None,
        children: Vec::new(),
        sort_by,
        lang: None,
    })
}

/// A template name from front matter: a path under `templates/` that cannot leave it.
fn template_name(
    value: &toml::Spanned<String>,
    file: &crate::diag::SourceFile,
    offset: usize,
    problems: &mut Diagnostics,
) -> Option<String> {
    let name = value.get_ref();
    if is_safe_template_name(name) {
        return Some(name.clone());
    }
    let span = value.span();
    problems.push(
        file.error_at(span.start + offset..span.end + offset, format!("`{name}` is not a template name")).code(Code::BadTemplateName)
            .hint("name a file under templates/, such as \"page.html\" or \"partials/card.html\", without `..`, `\\` or a leading `/`"),
    );
    None
}

/// True for `page.html` or `partials/card.html`; false for anything that could name a file
/// outside `templates/` (`..`, absolute paths, backslashes, drive letters, empty segments).
pub fn is_safe_template_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('/').all(|segment| {
            !segment.is_empty()
                && segment != "."
                && segment != ".."
                && segment
                    .chars()
                    .all(|c| c.is_alphanumeric() || "-_.".contains(c))
        })
}

/// A folder or file name with nothing in it that can be part of an address (`!!.md`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` cannot be made into a web address")]
pub struct Unaddressable(pub String);

/// The URL of a page from its path under `content/`: `a/_index.md` is `/a/`, `a/b.md` is `/a/b/`.
pub fn page_url(content_path: &str) -> Result<(UrlPath, PageKind), Unaddressable> {
    let mut segments: Vec<&str> = content_path.split('/').collect();
    let file_name = segments.pop().unwrap_or_default();
    let stem = file_name.strip_suffix(".md").unwrap_or(file_name);
    let kind = match (stem, segments.is_empty()) {
        ("_index", true) => PageKind::Home,
        ("_index", false) => PageKind::Section,
        _ => {
            segments.push(stem);
            PageKind::Page
        }
    };
    let slugs = segments
        .iter()
        .map(|segment| Slug::from_text(segment).ok_or_else(|| Unaddressable((*segment).to_owned())))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((UrlPath::from_slugs(&slugs), kind))
}

/// Resolves `path` (relative to `dir`, or to `content/` when it starts with `/`) to a content
/// path without `.` or `..`; `None` when it climbs out of `content/`.
pub fn join_content_path(dir: &str, path: &str) -> Option<String> {
    let base = if path.starts_with('/') { "" } else { dir };
    let mut parts: Vec<&str> = Vec::new();
    for segment in base.split('/').chain(path.split('/')) {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// Gives every page its parent section and every section its ordered children.
fn link_sections(pages: &mut [Page], by_url: &BTreeMap<String, PageId>) {
    for id in (0..pages.len()).map(PageId::new) {
        if pages[id].kind == PageKind::Home {
            continue;
        }
        let parent = ancestors(pages[id].url.as_str()).find_map(|url| by_url.get(url).copied());
        pages[id].parent = parent;
        if let Some(parent) = parent {
            pages[parent].children.push(id);
        }
    }
    for id in (0..pages.len()).map(PageId::new) {
        let mut children = std::mem::take(&mut pages[id].children);
        sort_children(&mut children, pages, pages[id].sort_by);
        pages[id].children = children;
    }
}

/// The URLs above `/a/b/c/`: `/a/b/`, `/a/`, `/`.
fn ancestors(url: &str) -> impl Iterator<Item = &str> {
    let trimmed = &url[..url.len() - 1];
    trimmed
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == '/')
        .map(move |(i, _)| &url[..=i])
}

fn sort_children(children: &mut [PageId], pages: &[Page], sort_by: SortBy) {
    children.sort_by(|&a, &b| {
        let (a, b) = (&pages[a], &pages[b]);
        let primary = match sort_by {
            SortBy::Weight => a.weight.cmp(&b.weight),
            SortBy::Title => std::cmp::Ordering::Equal,
            SortBy::Date => b.date.cmp(&a.date),
        };
        primary
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.url.cmp(&b.url))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_the_content_tree() {
        assert_eq!(
            page_url("_index.md").unwrap(),
            (UrlPath::root(), PageKind::Home)
        );
        let (url, kind) = page_url("self-help/_index.md").unwrap();
        assert_eq!((url.as_str(), kind), ("/self-help/", PageKind::Section));
        let (url, kind) = page_url("self-help/Arguing Well.md").unwrap();
        assert_eq!(
            (url.as_str(), kind),
            ("/self-help/arguing-well/", PageKind::Page)
        );
        assert!(page_url("!!.md").is_err());
    }

    #[test]
    fn template_names_cannot_leave_the_templates_folder() {
        assert!(is_safe_template_name("page.html"));
        assert!(is_safe_template_name("partials/card.html"));
        for bad in [
            "",
            "../x.html",
            "/etc/passwd",
            "a//b.html",
            "..\\x.html",
            "C:x.html",
            "./page.html",
            "a/../b",
        ] {
            assert!(!is_safe_template_name(bad), "{bad}");
        }
    }

    fn raw(path: &str, front: &str) -> Arc<RawPage> {
        let text = format!("+++\n{front}\n+++\nText.\n");
        let file =
            crate::diag::SourceFile::new(format!("content/{path}"), text.into_bytes()).unwrap();
        Arc::new(crate::load::page::parse_page(file, path.to_owned()).unwrap())
    }

    #[test]
    fn pages_rebuilt_after_an_edit_are_the_pages_built_again() {
        let mut raws = vec![
            raw("_index.md", "title = \"Home\""),
            raw("a/_index.md", "title = \"A\"\nsort_by = \"title\""),
            raw("a/one.md", "title = \"Apple\""),
            raw("a/two.md", "title = \"Banana\""),
            raw("a/later.md", "title = \"Later\"\ndraft = true"),
        ];
        let topics = Topics::default();
        let mut problems = Diagnostics::default();
        let old = build_pages(&raws, &topics, false, &mut problems);
        let edit = |raws: &[Arc<RawPage>], raw: usize| {
            rebuild_pages(&old, raws, &BTreeSet::from([raw]), &topics, false)
        };
        // A title that moves the page to the end of its section's list, and the section's own.
        raws[2] = raw("a/one.md", "title = \"Cherry\"");
        raws[1] = raw("a/_index.md", "title = \"Fruit\"\nsort_by = \"title\"");
        let rebuilt = rebuild_pages(&old, &raws, &BTreeSet::from([1, 2]), &topics, false);
        let again = build_pages(&raws, &topics, false, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            format!("{:?}", rebuilt.expect("nothing moved")),
            format!("{again:?}")
        );
        assert_eq!(again[1].children, [PageId::new(3), PageId::new(2)]);
        // A draft edited stays out; a draft published, or a page made a draft, moves pages.
        raws[4] = raw("a/later.md", "title = \"Still later\"\ndraft = true");
        assert!(edit(&raws, 4).is_some());
        raws[4] = raw("a/later.md", "title = \"Now\"");
        assert!(edit(&raws, 4).is_none());
        raws[3] = raw("a/two.md", "title = \"Banana\"\ndraft = true");
        assert!(edit(&raws, 3).is_none());
    }

    #[test]
    fn ancestors_climb_to_the_root() {
        let found: Vec<_> = ancestors("/a/b/c/").collect();
        assert_eq!(found, vec!["/a/b/", "/a/", "/"]);
        assert_eq!(ancestors("/").count(), 0);
    }
}
