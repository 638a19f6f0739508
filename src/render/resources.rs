//! The resource library's pages: `/resources/` (everything, by kind), and one page per kind
//! (`/resources/kind/<kind>/`) and per topic (`/resources/topic/<topic>/`) that has resources.
//! Also the 'related resources' lists other pages show.

use std::path::PathBuf;

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::model::UrlPath;
use crate::model::i18n::ArgValue;
use crate::model::material::MaterialKind;
use crate::model::material::MaterialText;
use crate::model::paths::Section;
use crate::model::resource::{Resource, ResourceId, kinds_in};
use crate::model::sensitivity::Sensitivity;
use crate::model::translation::TextField;
use crate::model::{ById, Site, Slug};
use crate::render::sentence::{Arg, Html, site_sentence};
use crate::render::templates::Templates;
use crate::render::views::{Link, PageMeta, SiteView, shows_exit, simple_meta};
use crate::render::{PageHtml, RenderedPage};

/// A resource as shown: the material, its anchor and its topics.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceView {
    /// Its identifier in the library, unique: for templates that want anchors.
    pub id: String,
    /// Title, address, kind, source, description, duration.
    #[serde(flatten)]
    pub material: MaterialText,
    /// Its topics, linked to their library pages.
    pub topics: Vec<Link>,
}

/// A titled group of resources.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceGroup {
    /// 'Articles'.
    pub title: String,
    /// Anchor.
    pub id: String,
    /// The resources, by title.
    pub resources: Vec<ResourceView>,
}

/// The view of a library page.
#[derive(Debug, Serialize)]
pub struct LibraryView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: PageMeta,
    /// The resources, grouped by kind.
    pub groups: Vec<ResourceGroup>,
    /// How many resources are listed.
    pub count: usize,
    /// The page's heading, as HTML: its title, with a topic's name that fell back to the
    /// default language marked with `lang` (the `<title>` is `page.title`, plain text).
    pub heading: Html,
    /// The language of the lead (`page.summary`) when it is not the page's: a topic's
    /// description that fell back.
    pub summary_lang: Option<String>,
    /// A page per kind.
    pub kinds: Vec<Link>,
    /// A page per topic.
    pub topics: Vec<Link>,
    /// On a kind or topic page: the whole library.
    pub library_url: Option<String>,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
    /// A `mailto:` link to report a broken or out-of-date resource, if the site has a contact
    /// email (the directory's mechanism).
    pub report_change_url: Option<String>,
}

/// The plural a heading uses for a kind, in the site's language: 'Videos', 'Slides'.
fn kind_plural(site: &Site, kind: MaterialKind) -> String {
    site.t(kind.plural_key())
}

/// A resource as shown.
pub fn resource_view(site: &Site, resource: &Resource) -> ResourceView {
    ResourceView {
        id: resource.id.to_string(),
        material: MaterialText::from(&resource.material),
        topics: resource
            .topics
            .iter()
            .map(|&t| {
                let topic = &site.topics.list[t];
                Link::topic(topic, topic_url(&topic.slug))
            })
            .collect(),
    }
}

/// The resources a self-help page or session lists, as shown: the organiser's list, or those
/// sharing most topics with it.
pub fn related_resource_views(site: &Site, chosen: &[ResourceId]) -> Vec<ResourceView> {
    chosen
        .iter()
        .map(|&n| resource_view(site, &site.resources[n]))
        .collect()
}

fn topic_url(slug: &Slug) -> String {
    format!("{}topic/{slug}/", Section::Resources.url())
}

fn kind_url(kind: MaterialKind) -> String {
    format!("{}kind/{}/", Section::Resources.url(), kind.slug())
}

/// Groups resources by kind, each group by title.
fn by_kind(site: &Site, resources: &[&Resource]) -> Vec<ResourceGroup> {
    MaterialKind::ALL
        .iter()
        .filter_map(|&kind| {
            let mut list: Vec<&Resource> = resources
                .iter()
                .copied()
                .filter(|r| r.material.kind == kind)
                .collect();
            list.sort_by(|a, b| {
                a.material
                    .title
                    .cmp(&b.material.title)
                    .then_with(|| a.id.cmp(&b.id))
            });
            (!list.is_empty()).then(|| ResourceGroup {
                title: kind_plural(site, kind),
                id: kind.slug().to_owned(),
                resources: list.into_iter().map(|r| resource_view(site, r)).collect(),
            })
        })
        .collect()
}

/// Renders the library pages; nothing when the site has no resources.
pub fn render_resource_pages(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
) -> Result<Vec<RenderedPage>, Diagnostic> {
    if site.resources.is_empty() {
        return Ok(Vec::new());
    }
    let kinds: Vec<Link> = kinds_in(&site.resources)
        .into_iter()
        .map(|k| Link::new(kind_plural(site, k), kind_url(k)))
        .collect();
    let topics: Vec<Link> = site
        .topics
        .list
        .with_ids()
        .filter(|(i, _)| site.resources.iter().any(|r| r.topics.contains(i)))
        .map(|(_, t)| Link::topic(t, topic_url(&t.slug)))
        .collect();
    let all: Vec<&Resource> = site.resources.iter().collect();
    let mut pages = Vec::new();
    let home = Link::new(site.t("breadcrumb-home"), "/".into());
    let library = Link::new(site.t("nav-resources"), Section::Resources.url().into());
    let summary = site.t("resources-summary");
    let summary = summary.as_str();
    let mut render = |title: String,
                      heading: Html,
                      summary: (&str, Option<&str>),
                      url: String,
                      list: &[&Resource],
                      crumbs: Vec<Link>,
                      sensitivity: Sensitivity|
     -> Result<(), Diagnostic> {
        let path = UrlPath::from_path(&url);
        let view = LibraryView {
            site: site_view,
            page: simple_meta(site, &title, summary.0, &path, Section::Resources)
                .with_sensitivity(sensitivity),
            heading,
            summary_lang: summary.1.map(str::to_owned),
            groups: by_kind(site, list),
            count: list.len(),
            kinds: kinds.clone(),
            topics: topics.clone(),
            library_url: (url != Section::Resources.url())
                .then(|| Section::Resources.url().to_owned()),
            breadcrumbs: crumbs,
            show_exit: shows_exit(site, Section::Resources.name(), sensitivity),
            report_change_url: crate::render::views::report_change_link(
                site,
                &site.t_with(
                    "report-change-library",
                    &[("title", ArgValue::Text(title.clone()))],
                ),
            ),
        };
        let html = templates.render(
            "resources.html",
            &view,
            &format!("resource library page {url}"),
        )?;
        pages.push(RenderedPage {
            url: path,
            html: PageHtml::Text(html),
            source: PathBuf::from("content/resources"),
            last_modified: None,
        });
        Ok(())
    };
    let title = site.t("nav-resources");
    render(
        title.clone(),
        Html::text(&title),
        (summary, None),
        Section::Resources.url().into(),
        &all,
        vec![home.clone()],
        Sensitivity::Ordinary,
    )?;
    for kind in kinds_in(&site.resources) {
        let list: Vec<&Resource> = all
            .iter()
            .copied()
            .filter(|r| r.material.kind == kind)
            .collect();
        let title = site.t_with(
            "resources-kind-title",
            &[(
                "kinds",
                ArgValue::Text(kind_plural(site, kind).to_lowercase()),
            )],
        );
        render(
            title.clone(),
            Html::text(&title),
            (summary, None),
            kind_url(kind),
            &list,
            vec![home.clone(), library.clone()],
            Sensitivity::Ordinary,
        )?;
    }
    for (i, topic) in site.topics.list.with_ids() {
        let list: Vec<&Resource> = all
            .iter()
            .copied()
            .filter(|r| r.topics.contains(&i))
            .collect();
        if !list.is_empty() {
            let name = topic.name.to_lowercase();
            let title = site.t_with(
                "resources-topic-title",
                &[("topic", ArgValue::Text(name.clone()))],
            );
            let heading = site_sentence(
                site,
                "resources-topic-title",
                [(
                    "topic",
                    Arg::marked(name, topic.fallback.lang(TextField::Name)),
                )],
            );
            render(
                title,
                heading,
                (
                    &topic.description,
                    topic.fallback.lang(TextField::Description),
                ),
                topic_url(&topic.slug),
                &list,
                vec![home.clone(), library.clone()],
                topic.sensitivity,
            )?;
        }
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_under_the_library() {
        assert_eq!(kind_url(MaterialKind::Toolkit), "/resources/kind/toolkit/");
        assert_eq!(
            UrlPath::from_path("/resources/kind/toolkit/").as_str(),
            "/resources/kind/toolkit/"
        );
    }
}
