//! The sixth shortcut: an edit to `content/topics.toml` that changes only topics' names and
//! descriptions (or their translations), no topic coming, going, moving, taking another slug or
//! another sensitivity. In each language the kept model is updated ([`update_topics`]: the
//! topics built again, the printed directory made again when it shows an edited topic), and
//! only what shows an edited topic is made again, found by reading every use of
//! `site.topics` in render and output:
//!
//! - content pages with an edited topic (their list of topics), sections with a page of one
//!   among their children (the 'by topic' groups), and pages listing a resource with one
//!   (a resource's view carries its topics); a plain page's new topic links and a section
//!   page's new heading are spliced into the kept page ([`super::splice`],
//!   [`super::headings`]);
//! - the topic index and the edited topics' pages (and those of topics of a resource with an
//!   edited topic: a topic's page lists its resources, whose views carry their topics);
//! - the programme's pages of the weeks with a session that has an edited topic (its page,
//!   the week's topic filters, whose values sort by name) or lists a resource with one;
//! - the resource library when a resource has one (its topic links and pages);
//! - the directory when a service has one or lists a resource with one, or when the printed
//!   directory (whose index lists topics by name) is printed again;
//! - the Open Referral UK export (its taxonomy names every topic, its services theirs);
//! - the search documents that show a topic's name: the topics' own, and those of the pages,
//!   sessions and services with an edited topic, where they differ.
//!
//! The home page shows no topic of its own, but may list related resources, whose views carry
//! their topics: the content pages' filter (a page listing a resource with an edited topic)
//! covers it. No feed, calendar, 'my sessions' file or booklet shows a topic, and the sitemap
//! is the same (the same pages at the same addresses). Anything else runs the whole pipeline,
//! which reports as a build does.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::plans::{
    Fit, Language, Plan, Sitemap, apply_plans, changed_documents, fit_records, oruk_export_again,
    pages_among, plan_languages, programme_among, render_beside_pdfs,
};
use super::splice::plain_theme_page;
use super::{Changes, Edited, Kept};
use crate::diag::{Diagnostics, SourceFile};
use crate::load::{RawTopic, parse_topics, read_source};
use crate::model::related::RelatedLists;
use crate::model::week::WeekId;
use crate::model::{PageId, PageKind, Printed, Site, TopicId, UpdatedTopics, update_topics};
use crate::output::origins::CleanPages;
use crate::output::search::documents::{
    documents_from_services, documents_from_sessions, documents_from_topics,
};
use crate::pipeline::{BuildOptions, Built};
use crate::render::inputs::Generated;
use crate::render::{GeneratedSubset, ProgrammeWeeks, TopicPages};

/// The topics file, relative to the site folder.
const TOPICS_FILE: &str = "content/topics.toml";

/// Applies `changes` to `kept` if they edit only topics' names and descriptions in
/// `content/topics.toml`; `None` otherwise (see [`super::plans::apply_plans`] for what may be
/// left half updated then).
pub(super) fn apply_topic_edits(
    kept: &mut Kept,
    changes: &Changes,
    clean_pages: &CleanPages,
    options: &BuildOptions,
) -> Option<Edited> {
    let only_topics = changes.paths.len() == 1 && changes.paths.contains(Path::new(TOPICS_FILE));
    if changes.config || changes.rescan || !only_topics {
        return None;
    }
    let sources = &kept.built.sources;
    let old = sources.topics_file.as_ref()?;
    let file = read_source(&sources.root, &sources.root.join(TOPICS_FILE)).ok()?;
    if file.text == old.text {
        return Some(Edited::nothing(kept));
    }
    let mut problems = Diagnostics::default();
    let raw = parse_topics(&file, &mut problems)?;
    if !problems.is_empty() {
        return None;
    }
    let edit = TopicEdit {
        file: &file,
        raw: &raw,
    };
    let plans = plan_languages(kept, edit, clean_pages, options, |language, part| {
        language.plan(part)
    })?;
    apply_plans(kept, plans, Sitemap::Kept, options)
}

/// The edit: the topics file read again, and its topics.
#[derive(Clone, Copy)]
struct TopicEdit<'a> {
    file: &'a SourceFile,
    raw: &'a [RawTopic],
}

impl Language<'_, TopicEdit<'_>> {
    /// This language's model with the topics read again, what shows an edited topic made again
    /// and checked as a build checks it.
    fn plan(&self, part: &Built) -> Option<Plan> {
        let mut sources = part.sources.clone();
        sources.topics = Some(self.edit.raw.to_vec());
        sources.topics_file = Some(self.edit.file.clone());
        let model = self.model_options();
        let old = &part.site;
        let UpdatedTopics {
            site,
            edited,
            printed,
        } = update_topics(old, &sources, &model)?;
        let edits = Edits {
            site: &site,
            edited: &edited,
        };
        let shows = |topics: &[TopicId]| edits.shows(topics);
        let lists = |lists: &RelatedLists| edits.lists(lists);
        let ids: Vec<PageId> = site
            .pages
            .iter()
            .enumerate()
            .filter(|(_, page)| {
                shows(&page.topics)
                    || lists(&page.related_lists)
                    || (page.kind == PageKind::Section
                        && page.children.iter().any(|&c| shows(&site.pages[c].topics)))
            })
            .map(|(id, _)| PageId::new(id))
            .collect();
        let mut downloads = part.downloads.clone();
        let mut replaced: Vec<(String, Arc<Vec<u8>>)> = Vec::new();
        let (groups, weeks) = groups_to_render(&site, &edited, printed);
        // A topic's page lists its resources, whose views carry their topics: the pages of the
        // topics of a resource with an edited topic too.
        let topics: BTreeSet<TopicId> = site
            .resources
            .iter()
            .filter(|r| shows(&r.topics))
            .flat_map(|r| r.topics.iter().copied())
            .chain(edited.iter().copied())
            .collect();
        // A plain page of the theme's `page.html` shows a topic's name only in its topic links:
        // no other template it reaches (`base.html` and the partials it and `page.html`
        // include: related resources' `materials.html` among them) writes a topic's name, and
        // the splice is made only when every template is the theme's. Its new names are
        // spliced into the kept page. A section page of the theme's `section.html` shows one
        // in the heading of its pages' group by the topic: the new heading spliced in too.
        let only_links = plain_theme_page;
        let splice = self.splice((old, &site), &part.templates, &sources);
        let (spliced, (rendered, reads, mut records)) = render_beside_pdfs(
            &site,
            &part.templates,
            || {
                splice
                    .topic_links(ids, only_links)
                    .then(|rest| splice.topic_headings(rest, &edited))
            },
            (
                &groups,
                GeneratedSubset {
                    topics: TopicPages::Only(&topics),
                    weeks: ProgrammeWeeks::Only(&weeks),
                },
            ),
            printed == Printed::Again,
            (&mut downloads, &mut replaced),
        )?;
        // The same pages with the same dates (what the sitemap shows of them): every group's
        // rendered again, the topics' and the weeks' those made again (the others are the last
        // build's).
        let last = part.inputs.generated();
        fit_records(&mut records, last, |group, record, before| match group {
            Generated::Topics if pages_among(record, before) => Fit::Part,
            Generated::Programme if programme_among(&site, &weeks, record, before) => Fit::Part,
            Generated::Topics | Generated::Programme => Fit::Not,
            _ if record.pages == before.pages => Fit::Whole,
            _ => Fit::Not,
        })?;
        let count = rendered.pages.len();
        let spliced_count = spliced.files.len();
        replaced.extend(self.changed_files(&sources, rendered)?);
        // Spliced pages are checked as they are spliced.
        replaced.extend(spliced.files);
        // The export's taxonomy lists every topic by name, with or without services.
        if !edited.is_empty() {
            oruk_export_again(&site, &mut replaced);
        }
        if !self.published_before(&replaced) {
            return None;
        }
        let mut documents =
            changed_documents(documents_from_topics(old), documents_from_topics(&site));
        // An edit of topics leaves every page's Markdown as it was (a topic may be on
        // thousands of pages: their bodies are the kept index's).
        let pages = site.pages.par_iter().filter(|page| shows(&page.topics));
        documents.extend(self.documents_keeping_bodies(&site, pages));
        if site.sessions.iter().any(|s| shows(&s.topics)) {
            documents.extend(changed_documents(
                documents_from_sessions(old),
                documents_from_sessions(&site),
            ));
        }
        if site.services.iter().any(|s| shows(&s.topics)) {
            documents.extend(changed_documents(
                documents_from_services(old),
                documents_from_services(&site),
            ));
        }
        Some(Plan {
            rendered: count,
            spliced: spliced_count,
            same_links: spliced.same_links,
            sources,
            site,
            reads,
            records,
            documents,
            replaced,
            downloads: (printed == Printed::Again).then_some(downloads),
        })
    }
}

/// The groups of generated pages that show an edited topic: the topics' always (the index
/// lists every topic), the others when one of their items has or lists an item with one; with
/// the weeks whose pages show one (a session's page its topics and its related resources'; the
/// week's topic filters, whose values sort by name, its sessions' topics): no page of a week
/// shows another week's sessions' topics.
fn groups_to_render(
    site: &Site,
    edited: &BTreeSet<TopicId>,
    printed: Printed,
) -> (Vec<Generated>, BTreeSet<WeekId>) {
    let edits = Edits { site, edited };
    let shows = |topics: &[TopicId]| edits.shows(topics);
    let lists = |lists: &RelatedLists| edits.lists(lists);
    let weeks: BTreeSet<WeekId> = site
        .sessions
        .iter()
        .filter(|s| shows(&s.topics) || lists(&s.related_lists))
        .map(|s| s.week)
        .collect();
    let resources = site.resources.iter().any(|r| shows(&r.topics));
    let directory = printed == Printed::Again
        || site
            .services
            .iter()
            .any(|s| shows(&s.topics) || lists(&s.related_lists));
    let mut groups = vec![Generated::Topics];
    groups.extend((!weeks.is_empty()).then_some(Generated::Programme));
    groups.extend(resources.then_some(Generated::Resources));
    groups.extend(directory.then_some(Generated::Directory));
    (groups, weeks)
}

/// The edited topics, and what shows one in a model.
struct Edits<'a> {
    site: &'a Site,
    edited: &'a BTreeSet<TopicId>,
}

impl Edits<'_> {
    /// Whether `topics` has an edited topic.
    fn shows(&self, topics: &[TopicId]) -> bool {
        topics.iter().any(|t| self.edited.contains(t))
    }

    /// Whether `lists` lists a resource with an edited topic (a resource's view carries its
    /// topics).
    fn lists(&self, lists: &RelatedLists) -> bool {
        lists
            .resources
            .iter()
            .any(|&r| self.shows(&self.site.resources[r].topics))
    }
}
