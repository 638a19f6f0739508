//! The directory of local support: `/directory/` (the pathway of support, filters, every
//! service), `/directory/a-z/`, one page per service and one page per single filter value,
//! so that every filter works without JavaScript.

pub mod facets;
pub mod guide;
pub mod views;

use std::path::PathBuf;

use serde::Serialize;

use crate::config::LevelDescriptions;
use crate::diag::{Code, Diagnostic};
use crate::model::i18n::ArgValue;
use crate::model::material::MaterialText;
use crate::model::paths::{DIRECTORY_A_TO_Z, Section};
use crate::model::printed_directory::{PAPERS, pdf_path, site_level_description};
use crate::model::sensitivity::Sensitivity;
use crate::model::service::ServiceIndex;
use crate::model::service::vocab::Level;
use crate::model::{Service, Site, UrlPath};
use crate::render::booklet::size_text;
use crate::render::programme::session::related_pages;
use crate::render::templates::Templates;
use crate::render::views::{Card, Link, SiteView, shows_exit};
use crate::render::views::{FilterGroup, FilterOption};
use crate::render::{Downloads, PageHtml, RenderedPage};
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
    /// The pathway of support, from universal to specialist: only the levels services have.
    pub levels: Vec<LevelView>,
    /// 'from help open to every family to more intensive, specialist support': the lightest
    /// and heaviest levels, for the lead and description (used when there are two or more).
    pub pathway: String,
    /// Whether any service is a family hub centre (they are listed first).
    pub has_family_hubs: bool,
    /// Every filter with its values.
    pub facets: Vec<FilterGroup>,
    /// Every service, family hubs first.
    pub services: Vec<ServiceCard>,
    /// The practitioners' guide.
    pub guide_url: &'static str,
    /// The printed directory's PDFs, A5 first; empty when nothing is chosen to print.
    pub printed: Vec<PrintedCopy>,
}

/// One of the printed directory's PDFs, as the directory page offers it.
#[derive(Debug, Serialize)]
pub struct PrintedCopy {
    /// 'A5'.
    pub paper: &'static str,
    /// Its site path.
    pub url: String,
    /// Its size: '84 KB'.
    pub size: String,
}

/// The view of `/directory/for-practitioners/`.
#[derive(Debug, Serialize)]
pub struct GuideView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: DirectoryMeta,
    /// The way back up.
    pub breadcrumbs: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
    /// Whether to show 'Get help now': it lists a specialist safety service.
    pub help_now: bool,
    /// The guide itself.
    pub guide: guide::Guide,
    /// A `mailto:` link to report a change to the guide, if the site has a contact email.
    pub report_change_url: Option<String>,
}

/// A level of the pathway of support that at least one service has.
#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    /// `universal`
    pub slug: &'static str,
    /// 'Universal'
    /// (English: pages show the theme's message for the slug, `level-<slug>` or `category-<slug>`.)
    pub label: &'static str,
    /// Where it sits on the whole pathway: 1 (universal) to 3 (specialist), for the diagram.
    pub step: usize,
    /// What it means, in the site's words (`[directory.levels]`); `None` for the theme's.
    pub description: Option<String>,
    /// Its filter page.
    pub url: String,
    /// How many services it has (never 0).
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
    /// Whether to show 'Get help now': it lists a specialist safety service.
    pub help_now: bool,
    /// 'Category'
    pub facet: String,
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
    /// Whether to show 'Get help now': the service is sensitive.
    pub help_now: bool,
    /// Every detail of the service.
    pub service: ServiceDetail,
    /// Self-help pages that share a topic with it.
    pub related_pages: Vec<Card>,
    /// Resources of the library that share a topic with it.
    pub related_resources: Vec<MaterialText>,
    /// A `mailto:` link to report a change, if the site has a contact email.
    pub report_change_url: Option<String>,
    /// The practitioners' guide.
    pub guide_url: &'static str,
}

/// Renders every page of the directory; nothing when the site has no services.
pub fn render_directory_pages(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    downloads: &Downloads,
    hook: Option<&dyn crate::render::PageHook>,
) -> Result<Vec<RenderedPage>, Diagnostic> {
    if site.services.is_empty() {
        return Ok(Vec::new());
    }
    let listing = site.config.directory.practitioner_services;
    let listed = |s: &Service| s.in_family_directory(listing);
    let facets = build_facets(&site.services, &listed, &site.words());
    let family: Vec<&Service> = site.services.iter().filter(|s| listed(s)).collect();
    let ordered = display_order_of(family.clone());
    let context = Context {
        site,
        templates,
        site_view,
        facets: &facets,
        downloads,
    };
    // Each page goes to the hook as soon as it is rendered, not once the whole directory is
    // (147 MB of HTML at 10,000 services).
    let finished = |mut page: RenderedPage| {
        if let Some(hook) = hook {
            hook.finished(&mut page);
        }
        page
    };
    let mut pages = vec![
        finished(context.home(&ordered)?),
        finished(context.a_to_z(&family)?),
        finished(context.guide()?),
    ];
    for facet in &facets {
        for (option, members) in facet.group.options.iter().zip(&facet.members) {
            pages.push(finished(context.filter_page(
                &facet.group,
                option,
                members,
            )?));
        }
    }
    for service in &site.services {
        pages.push(finished(context.service_page(service)?));
    }
    Ok(pages)
}

/// What every directory page is rendered with.
struct Context<'a> {
    site: &'a Site,
    templates: &'a Templates,
    site_view: &'a SiteView,
    facets: &'a [Facet],
    downloads: &'a Downloads,
}

impl Context<'_> {
    /// Whether a directory page showing something of `sensitivity` shows 'Exit this page'.
    fn show_exit(&self, sensitivity: Sensitivity) -> bool {
        shows_exit(self.site, "directory", sensitivity)
    }

    fn crumbs(&self, with_directory: bool) -> Vec<Link> {
        let mut crumbs = vec![Link::new(self.site.t("breadcrumb-home"), "/".into())];
        if with_directory {
            crumbs.push(Link::new(
                self.site.t("nav-directory"),
                Section::Directory.url().into(),
            ));
        }
        crumbs
    }

    fn home(&self, ordered: &[&Service]) -> Result<RenderedPage, Diagnostic> {
        let levels = level_views(ordered, &self.site.config.directory.levels);
        let view = DirectoryHomeView {
            site: self.site_view,
            // The summary is the template's: it depends on which levels the directory has.
            page: meta(
                self.site,
                &self.site.t("home-find-support"),
                "",
                Section::Directory.url(),
            ),
            breadcrumbs: self.crumbs(false),
            show_exit: self.show_exit(Sensitivity::Ordinary),
            levels: levels.clone(),
            pathway: pathway_span(self.site, &levels),
            has_family_hubs: ordered.iter().any(|s| s.family_hub),
            guide_url: guide::GUIDE_URL,
            facets: self.facets.iter().map(|f| f.group.clone()).collect(),
            services: service_cards(ordered, self.facets, self.site),
            printed: self.printed_copies(),
        };
        self.render("directory.html", &view, Section::Directory.url())
    }

    /// The printed directory's PDFs with their sizes, if the site prints one.
    fn printed_copies(&self) -> Vec<PrintedCopy> {
        if self.site.printed_directory.is_none() {
            return Vec::new();
        }
        PAPERS
            .iter()
            .map(|&paper| {
                let url = pdf_path(paper);
                PrintedCopy {
                    paper: paper.label(),
                    size: size_text(self.downloads.size(&url)),
                    url,
                }
            })
            .collect()
    }

    fn a_to_z(&self, family: &[&Service]) -> Result<RenderedPage, Diagnostic> {
        let mut by_name: Vec<&Service> = family.to_vec();
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
                &self.site.t("directory-a-to-z-title"),
                &self.site.t("directory-a-to-z-summary"),
                DIRECTORY_A_TO_Z,
            ),
            breadcrumbs: self.crumbs(true),
            show_exit: self.show_exit(Sensitivity::Ordinary),
            letters,
        };
        self.render("directory_az.html", &view, DIRECTORY_A_TO_Z)
    }

    fn guide(&self) -> Result<RenderedPage, Diagnostic> {
        let settings = &self.site.config.directory.guide;
        let text = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        let title = text(&settings.title).unwrap_or_else(|| self.site.t(guide::DEFAULT_TITLE));
        let summary =
            text(&settings.summary).unwrap_or_else(|| self.site.t(guide::DEFAULT_SUMMARY));
        let introduction = self.guide_introduction()?;
        let sensitivity = Sensitivity::when(self.site.services.iter().any(|s| s.safety));
        let view = GuideView {
            site: self.site_view,
            page: meta(self.site, &title, &summary, guide::GUIDE_URL),
            breadcrumbs: self.crumbs(true),
            show_exit: self.show_exit(sensitivity),
            help_now: sensitivity.is_sensitive(),
            guide: guide::guide(self.site, introduction),
            report_change_url: crate::render::views::report_change_link(self.site, &title),
        };
        self.render("directory_guide.html", &view, guide::GUIDE_URL)
    }

    /// The site's introduction to the guide as HTML (organiser's Markdown), or empty.
    fn guide_introduction(&self) -> Result<String, Diagnostic> {
        let Some(text) = self.site.config.directory.guide.introduction.as_deref() else {
            return Ok(String::new());
        };
        if text.trim().is_empty() {
            return Ok(String::new());
        }
        let file =
            crate::diag::SourceFile::new(crate::config::CONFIG_FILE, text.as_bytes().to_vec())?;
        let markdown = crate::model::session::Markdown {
            text: text.to_owned(),
            file,
            offset: 0,
        };
        let mut problems = Vec::new();
        let (html, _) =
            crate::render::programme::markdown_html(self.site, Some(&markdown), &mut problems);
        match problems.into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(html),
        }
    }

    fn filter_page(
        &self,
        facet: &FilterGroup,
        value: &FilterOption,
        members: &[ServiceIndex],
    ) -> Result<RenderedPage, Diagnostic> {
        let members: Vec<&Service> = members.iter().map(|&i| &self.site.services[i]).collect();
        let sensitivity = Sensitivity::when(members.iter().any(|s| s.safety));
        let facet_title = self.site.t(&facet.title);
        let title = format!("{facet_title}: {}", value.title);
        let summary = self.site.t_with(
            "directory-filter-summary",
            &[
                ("facet", ArgValue::Text(facet_title.to_lowercase())),
                ("value", ArgValue::Text(value.title.clone())),
            ],
        );
        let view = FilterView {
            site: self.site_view,
            page: meta(self.site, &title, &summary, &value.url),
            breadcrumbs: self.crumbs(true),
            show_exit: self.show_exit(sensitivity),
            help_now: sensitivity.is_sensitive(),
            facet: facet_title,
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
            show_exit: self.show_exit(service.sensitivity),
            help_now: service.sensitivity.is_sensitive(),
            service: service_detail(service, self.facets, self.site),
            related_pages: related_pages(self.site, &service.related_lists.pages),
            related_resources: views::related_resources(
                self.site,
                &service.related_lists.resources,
            ),
            report_change_url: report_change_url(self.site, service),
            guide_url: guide::GUIDE_URL,
        };
        let source = service.path.to_string_lossy().into_owned();
        let html = self.templates.render("service.html", &view, &source)?;
        Ok(RenderedPage {
            url: service.url.clone(),
            html: PageHtml::Text(html),
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
            html: PageHtml::Text(html),
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
        .map_err(|e| Diagnostic::file("content/directory", e.to_string()).code(Code::Internal))?;
    Ok(UrlPath::from_slugs(&slugs))
}

fn display_order_of(mut services: Vec<&Service>) -> Vec<&Service> {
    services.sort_by_key(|s| (!s.family_hub, s.name.to_lowercase(), s.id.clone()));
    services
}

/// 'from <lightest level's phrase> to <heaviest's>', in the site's language; empty without levels.
fn pathway_span(site: &Site, levels: &[LevelView]) -> String {
    let phrase =
        |level: &LevelView| ArgValue::Text(site.t(&format!("level-phrase-{}", level.slug)));
    match (levels.first(), levels.last()) {
        (Some(lightest), Some(heaviest)) => site.t_with(
            "directory-pathway-span",
            &[
                ("lightest", phrase(lightest)),
                ("heaviest", phrase(heaviest)),
            ],
        ),
        _ => String::new(),
    }
}

/// The levels of the pathway that some service has, in pathway order, with their counts and
/// the site's own description of each, if it gives one.
pub fn level_views<S: std::borrow::Borrow<Service>>(
    services: &[S],
    descriptions: &LevelDescriptions,
) -> Vec<LevelView> {
    Level::ALL
        .iter()
        .enumerate()
        .map(|(index, &level)| LevelView {
            slug: level.slug(),
            label: level.label(),
            step: index + 1,
            description: site_level_description(descriptions, level).map(str::to_owned),
            url: format!("/directory/level/{}/", level.slug()),
            count: services
                .iter()
                .filter(|s| s.borrow().level == level)
                .count(),
        })
        .filter(|level| level.count > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostics, SourceFile};
    use crate::model::service::build_services;
    use crate::model::topic::Topics;

    /// Services named `id = level`, built as from their files.
    fn services(levels: &[(&str, &str)]) -> Vec<Service> {
        let files: Vec<SourceFile> = levels
            .iter()
            .map(|(id, level)| {
                let text = format!(
                    "name = \"{id}\"\norganisation = \"O\"\nsummary = \"S\"\nlevel = \"{level}\"\n\
                     categories = [\"counselling\"]\naccess = [\"drop-in\"]\nlast_reviewed = 2024-01-01\n[cost]\nfree = true\n"
                );
                SourceFile::new(format!("content/directory/{id}.toml"), text.into_bytes()).unwrap()
            })
            .collect();
        let mut problems = Diagnostics::default();
        let services = build_services(
            &files,
            &Topics::default(),
            &Default::default(),
            &mut problems,
        );
        assert!(problems.0.is_empty(), "{problems:?}");
        services
    }

    #[test]
    fn the_pathway_leaves_out_levels_no_service_has() {
        let services = services(&[("a", "universal"), ("b", "specialist"), ("c", "specialist")]);
        let levels = level_views(&services, &LevelDescriptions::default());
        let shown: Vec<_> = levels
            .iter()
            .map(|l| (l.slug, l.step, l.count, l.url.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("universal", 1, 1, "/directory/level/universal/"),
                ("specialist", 3, 2, "/directory/level/specialist/")
            ]
        );
        assert!(level_views::<Service>(&[], &LevelDescriptions::default()).is_empty());
    }

    #[test]
    fn a_level_reads_in_the_sites_words_when_it_gives_some() {
        let services = services(&[("a", "universal"), ("b", "targeted")]);
        let descriptions = LevelDescriptions {
            universal: Some("  ".into()),
            targeted: Some(" Groups. ".into()),
            specialist: Some("Unused.".into()),
        };
        let levels = level_views(&services, &descriptions);
        let words: Vec<_> = levels.iter().map(|l| l.description.as_deref()).collect();
        assert_eq!(
            words,
            [None, Some("Groups.")],
            "blank is the theme's, text is trimmed"
        );
    }
}
