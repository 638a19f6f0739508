//! The directory of local support: `/directory/` (the pathway of support, filters, every
//! service), `/directory/a-z/`, one page per service and one page per single filter value,
//! so that every filter works without JavaScript.

pub mod facets;
pub mod views;

use std::path::PathBuf;

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::model::service::vocab::Level;
use crate::model::{Service, Site, UrlPath};
use crate::render::RenderedPage;
use crate::render::programme::session::{MaterialView, related_pages};
use crate::render::programme::{FilterGroup, FilterOption};
use crate::render::templates::Templates;
use crate::render::views::{Card, Link, SiteView, shows_exit};
use facets::{Facet, build_facets};
use views::{
    DirectoryMeta, ServiceCard, ServiceDetail, meta, report_change_url, service_cards,
    service_detail,
};

/// The view of `/directory/`.
#[derive(Debug, Serialize)]
pub struct DirectoryHomeView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: DirectoryMeta,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
    /// The pathway of support, from universal to specialist.
    pub levels: Vec<LevelView>,
    /// Every filter with its values.
    pub facets: Vec<FilterGroup>,
    /// Every service, family hubs first.
    pub services: Vec<ServiceCard>,
}

/// A level of the pathway of support.
#[derive(Debug, Serialize)]
pub struct LevelView {
    /// `universal`
    pub slug: &'static str,
    /// 'Universal'
    pub label: &'static str,
    /// What it means, in a sentence.
    pub description: &'static str,
    /// Its filter page.
    pub url: String,
    /// How many services it has.
    pub count: usize,
}

/// The view of `/directory/a-z/`.
#[derive(Debug, Serialize)]
pub struct AzView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: DirectoryMeta,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
    /// Services grouped by the first letter of their names.
    pub letters: Vec<LetterGroup>,
}

/// Services whose names start with one letter.
#[derive(Debug, Serialize)]
pub struct LetterGroup {
    /// The letter.
    pub letter: String,
    /// The services, by name.
    pub services: Vec<ServiceCard>,
}

/// The view of one filter value's page, such as `/directory/category/counselling/`.
#[derive(Debug, Serialize)]
pub struct FilterView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: DirectoryMeta,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
    /// 'Category'
    pub facet: &'static str,
    /// 'Counselling'
    pub value: String,
    /// The matching services.
    pub services: Vec<ServiceCard>,
    /// Every filter, to move to another value.
    pub facets: Vec<FilterGroup>,
}

/// The view of a service's page.
#[derive(Debug, Serialize)]
pub struct ServiceView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: DirectoryMeta,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
    /// Every detail of the service.
    pub service: ServiceDetail,
    /// Self-help pages that share a topic with it.
    pub related_pages: Vec<Card>,
    /// Resources of the library that share a topic with it.
    pub related_resources: Vec<MaterialView>,
    /// A `mailto:` link to report a change, if the site has a contact email.
    pub report_change_url: Option<String>,
}

/// Renders every page of the directory; nothing when the site has no services.
pub fn render_directory_pages(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
) -> Result<Vec<RenderedPage>, Diagnostic> {
    if site.services.is_empty() {
        return Ok(Vec::new());
    }
    let facets = build_facets(&site.services);
    let ordered = display_order(&site.services);
    let context = Context {
        site,
        templates,
        site_view,
        facets: &facets,
        show_exit: shows_exit(site, "directory", false),
    };
    let mut pages = vec![context.home(&ordered)?, context.a_to_z()?];
    for facet in &facets {
        for (option, members) in facet.group.options.iter().zip(&facet.members) {
            pages.push(context.filter_page(&facet.group, option, members)?);
        }
    }
    for service in &site.services {
        pages.push(context.service_page(service)?);
    }
    Ok(pages)
}

/// What every directory page is rendered with.
struct Context<'a> {
    site: &'a Site,
    templates: &'a Templates,
    site_view: &'a SiteView,
    facets: &'a [Facet],
    show_exit: bool,
}

impl Context<'_> {
    fn crumbs(&self, with_directory: bool) -> Vec<Link> {
        let mut crumbs = vec![Link {
            title: "Home".into(),
            url: "/".into(),
        }];
        if with_directory {
            crumbs.push(Link {
                title: "Directory".into(),
                url: "/directory/".into(),
            });
        }
        crumbs
    }

    fn home(&self, ordered: &[&Service]) -> Result<RenderedPage, Diagnostic> {
        let levels = Level::ALL
            .iter()
            .map(|&level| LevelView {
                slug: level.slug(),
                label: level.label(),
                description: level_description(level),
                url: format!("/directory/level/{}/", level.slug()),
                count: self
                    .site
                    .services
                    .iter()
                    .filter(|s| s.level == level)
                    .count(),
            })
            .collect();
        let view = DirectoryHomeView {
            site: self.site_view,
            page: meta(
                self.site,
                "Find local support",
                "Services for families: from help open to everyone to specialist support.",
                "/directory/",
            ),
            breadcrumbs: self.crumbs(false),
            show_exit: self.show_exit,
            levels,
            facets: self.facets.iter().map(|f| f.group.clone()).collect(),
            services: service_cards(ordered, self.facets, self.site),
        };
        self.render("directory.html", &view, "/directory/")
    }

    fn a_to_z(&self) -> Result<RenderedPage, Diagnostic> {
        let mut by_name: Vec<&Service> = self.site.services.iter().collect();
        by_name.sort_by_key(|s| (s.name.to_lowercase(), s.id.clone()));
        let mut letters: Vec<LetterGroup> = Vec::new();
        for service in by_name {
            let letter = service
                .name
                .chars()
                .next()
                .map(|c| c.to_uppercase().to_string())
                .unwrap_or_default();
            let card = views::service_card(service, self.facets, self.site);
            match letters.last_mut() {
                Some(group) if group.letter == letter => group.services.push(card),
                _ => letters.push(LetterGroup {
                    letter,
                    services: vec![card],
                }),
            }
        }
        let view = AzView {
            site: self.site_view,
            page: meta(
                self.site,
                "Services A to Z",
                "Every service in the directory, by name.",
                "/directory/a-z/",
            ),
            breadcrumbs: self.crumbs(true),
            show_exit: self.show_exit,
            letters,
        };
        self.render("directory_az.html", &view, "/directory/a-z/")
    }

    fn filter_page(
        &self,
        facet: &FilterGroup,
        value: &FilterOption,
        members: &[usize],
    ) -> Result<RenderedPage, Diagnostic> {
        let members: Vec<&Service> = members.iter().map(|&i| &self.site.services[i]).collect();
        let title = format!("{}: {}", facet.title, value.title);
        let summary = format!(
            "Services in the directory for {}: {}.",
            facet.title.to_lowercase(),
            value.title
        );
        let view = FilterView {
            site: self.site_view,
            page: meta(self.site, &title, &summary, &value.url),
            breadcrumbs: self.crumbs(true),
            show_exit: self.show_exit,
            facet: facet.title,
            value: value.title.clone(),
            services: service_cards(&display_order_of(members), self.facets, self.site),
            facets: self.facets.iter().map(|f| f.group.clone()).collect(),
        };
        self.render("directory_filter.html", &view, &value.url)
    }

    fn service_page(&self, service: &Service) -> Result<RenderedPage, Diagnostic> {
        let view = ServiceView {
            site: self.site_view,
            page: meta(
                self.site,
                &service.name,
                &service.summary,
                service.url.as_str(),
            ),
            breadcrumbs: self.crumbs(true),
            show_exit: self.show_exit,
            service: service_detail(service),
            related_pages: related_pages(self.site, &service.topics),
            related_resources: views::related_resources(self.site, &service.topics),
            report_change_url: report_change_url(self.site, service),
        };
        let source = service.path.to_string_lossy().into_owned();
        let html = self.templates.render("service.html", &view, &source)?;
        Ok(RenderedPage {
            url: service.url.clone(),
            html,
            source: service.path.clone(),
            last_modified: Some(service.last_reviewed),
        })
    }

    fn render(
        &self,
        template: &str,
        view: &impl Serialize,
        url: &str,
    ) -> Result<RenderedPage, Diagnostic> {
        let html = self.templates.render(template, view, url)?;
        let url = parse_url(url)?;
        Ok(RenderedPage {
            url,
            html,
            source: PathBuf::from("content/directory"),
            last_modified: None,
        })
    }
}

/// A generated site path as a [`UrlPath`]; every segment is checked to be a slug.
fn parse_url(url: &str) -> Result<UrlPath, Diagnostic> {
    let slugs = url
        .split('/')
        .filter(|s| !s.is_empty())
        .map(crate::model::Slug::parse)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|m| Diagnostic::file("content/directory", m))?;
    Ok(UrlPath::from_slugs(&slugs))
}

/// Family hub centres first, then by name.
fn display_order(services: &[Service]) -> Vec<&Service> {
    display_order_of(services.iter().collect())
}

fn display_order_of(mut services: Vec<&Service>) -> Vec<&Service> {
    services.sort_by_key(|s| (!s.family_hub, s.name.to_lowercase(), s.id.clone()));
    services
}

/// What each level of the pathway of support means, for families.
pub fn level_description(level: Level) -> &'static str {
    match level {
        Level::Universal => {
            "Open to every family, with no referral: family hubs, helplines, drop-ins and self-help."
        }
        Level::Targeted => {
            "Extra help when things are harder: parenting and relationship programmes, money advice."
        }
        Level::Specialist => {
            "Intensive support, often by referral: counselling, mediation and domestic abuse support."
        }
    }
}
