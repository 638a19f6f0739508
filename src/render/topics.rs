//! Topic pages: `/topics/` lists the shared topics, `/topics/<slug>/` what the site has on each.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Serialize;

use crate::diag::{Code, Diagnostic};
use crate::model::paths::Section;
use crate::model::sensitivity::Sensitivity;
use crate::model::{ById, PageKind, Site, Topic, TopicId, UrlPath};
use crate::render::templates::Templates;
use crate::render::views::{Card, Link, SiteView, card};
use crate::render::{PageHtml, RenderedPage};

/// The view of `/topics/`.
#[derive(Debug, Serialize)]
pub struct TopicsView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// Every topic with how much the site has on it.
    pub topics: Vec<TopicSummary<'a>>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// A topic in the list of topics.
#[derive(Debug, Serialize)]
pub struct TopicSummary<'a> {
    /// The topic.
    pub topic: &'a Topic,
    /// Its page.
    pub url: String,
    /// How many pages are tagged with it.
    pub count: usize,
}

/// The view of one topic's page.
#[derive(Debug, Serialize)]
pub struct TopicView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// The topic.
    pub topic: &'a Topic,
    /// Pages tagged with it.
    pub pages: Vec<Card>,
    /// Sessions of the practice weeks on it, latest first.
    pub sessions: Vec<crate::render::programme::cards::SessionCard>,
    /// Resources from the library on it.
    pub resources: Vec<crate::render::resources::ResourceView>,
    /// The library's page for this topic, when it has resources.
    pub resources_url: Option<String>,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
    /// Whether to show 'Get help now': the topic is sensitive.
    pub help_now: bool,
}

/// Which topics' pages to render (the topic index is always rendered).
#[derive(Debug, Clone, Copy)]
pub enum TopicPages<'a> {
    /// Every topic's: a build.
    Every,
    /// These topics' only: `serve`, after an edit to pages that have or had these topics (a
    /// topic's page lists the pages with its topic and nothing else of other pages). The
    /// other topics' pages are the last build's.
    Only(&'a BTreeSet<TopicId>),
}

/// Renders the topic index and one page per topic (those `which` names); nothing when the
/// site has no topics.
pub fn render_topic_pages(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    which: TopicPages,
) -> Result<Vec<RenderedPage>, Diagnostic> {
    if site.topics.list.is_empty() {
        return Ok(Vec::new());
    }
    let show_exit =
        |sensitivity| crate::render::views::shows_exit(site, Section::Topics.name(), sensitivity);
    let index_url = UrlPath::root().join(
        &crate::model::Slug::parse("topics")
            .map_err(|e| Diagnostic::file("topics", e.to_string()).code(Code::Internal))?,
    );
    let tagged = |index: TopicId| {
        site.pages
            .iter()
            .filter(move |p| p.kind == PageKind::Page && p.topics.contains(&index))
    };
    let summaries = site
        .topics
        .list
        .with_ids()
        .map(|(i, topic)| TopicSummary {
            topic,
            url: index_url.join(&topic.slug).to_string(),
            count: tagged(i).count() + sessions_on(site, i).len() + resources_on(site, i),
        })
        .collect();
    let index_view = TopicsView {
        site: site_view,
        topics: summaries,
        show_exit: show_exit(Sensitivity::Ordinary),
    };
    let mut pages = vec![page(
        index_url.clone(),
        templates.render("topics.html", &index_view, "topics")?,
    )];
    let crumbs = vec![
        Link::new("Home".into(), "/".into()),
        Link::new(site.t("topics-title"), index_url.to_string()),
    ];
    let wanted = |i: &TopicId| match which {
        TopicPages::Every => true,
        TopicPages::Only(topics) => topics.contains(i),
    };
    for (i, topic) in site.topics.list.with_ids().filter(|(i, _)| wanted(i)) {
        let sessions = sessions_on(site, i)
            .into_iter()
            .map(|s| crate::render::programme::cards::session_card(site, s))
            .collect();
        let resources: Vec<_> = site
            .resources
            .iter()
            .filter(|r| r.topics.contains(&i))
            .map(|r| crate::render::resources::resource_view(site, r))
            .collect();
        let resources_url = (!resources.is_empty())
            .then(|| format!("{}topic/{}/", Section::Resources.url(), topic.slug));
        let view = TopicView {
            site: site_view,
            topic,
            pages: tagged(i).map(|p| card(p, &site.dates)).collect(),
            sessions,
            resources,
            resources_url,
            breadcrumbs: crumbs.clone(),
            show_exit: show_exit(topic.sensitivity),
            help_now: topic.sensitivity.is_sensitive(),
        };
        let name = format!("topic {}", topic.slug);
        pages.push(page(
            index_url.join(&topic.slug),
            templates.render("topic.html", &view, &name)?,
        ));
    }
    Ok(pages)
}

/// Sessions on topic `index`, latest first.
fn sessions_on(site: &Site, index: TopicId) -> Vec<&crate::model::session::Session> {
    let mut sessions: Vec<_> = site
        .sessions
        .iter()
        .filter(|s| s.topics.contains(&index))
        .collect();
    sessions.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.title.cmp(&b.title)));
    sessions
}

fn resources_on(site: &Site, index: TopicId) -> usize {
    site.resources
        .iter()
        .filter(|r| r.topics.contains(&index))
        .count()
}

fn page(url: UrlPath, html: String) -> RenderedPage {
    RenderedPage {
        url,
        html: PageHtml::Text(html),
        source: PathBuf::from("content/topics.toml"),
        last_modified: None,
    }
}
