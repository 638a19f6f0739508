//! The referral guide for practitioners, `/directory/for-practitioners/`: the pathway as a map
//! from need to service (level, then category, then service, with links), 'which service when'
//! (each category in the site's words) and every service's referral route. Every service is in
//! it, practitioner-only ones too. Its words are the site's (`[directory.guide]`,
//! `[directory.categories]`, `[directory.levels]`), else the theme's.
//!
//! Safety: joint-work services (mediation, couples' work) are never listed under domestic abuse
//! support, and every one carries the warning that joint work is not safe where there is abuse,
//! naming the specialist safety services instead (the rule of [`crate::model::relations`]).

use serde::Serialize;

use crate::model::service::vocab::{Category, Level, ServiceAudience};
use crate::model::service::{ReferralRoute, Service};
use crate::model::{Site, UrlPath};
use crate::render::views::Link;

use super::level_views;

/// The site path of the guide.
pub const GUIDE_URL: &str = "/directory/for-practitioners/";

/// The message naming the guide when the site gives no title.
pub const DEFAULT_TITLE: &str = "guide-title";

/// The message summing up the guide when the site gives no summary.
pub const DEFAULT_SUMMARY: &str = "guide-summary";

/// The guide's content below its heading (the page facts are the directory's).
#[derive(Debug, Serialize)]
pub struct Guide {
    /// The site's introduction, as HTML, or empty for the theme's.
    pub introduction: String,
    /// The pathway: each level some service has, its categories, their services.
    pub levels: Vec<GuideLevel>,
    /// 'Which service when': each category some service has, the safety one first.
    pub categories: Vec<GuideCategory>,
    /// Every service's referral route, in pathway order.
    pub services: Vec<GuideService>,
    /// The specialist safety services, named in every joint-work warning.
    pub safety_services: Vec<Link>,
    /// Where practitioners give feedback, if anywhere.
    pub feedback_url: Option<String>,
}

/// A level of the pathway with what sits at it.
#[derive(Debug, Serialize)]
pub struct GuideLevel {
    /// `targeted`
    pub slug: &'static str,
    /// 'Targeted'
    /// (English: pages show the theme's message for the slug, `level-<slug>` or `category-<slug>`.)
    pub label: &'static str,
    /// The site's words for it, or `None` for the theme's.
    pub description: Option<String>,
    /// The categories with services at this level, domestic abuse support first.
    pub categories: Vec<GuideGroup>,
}

/// One category's services at one level.
#[derive(Debug, Serialize)]
pub struct GuideGroup {
    /// 'Counselling'
    /// (English: pages show the theme's message for the slug, `level-<slug>` or `category-<slug>`.)
    pub label: &'static str,
    /// `counselling`: the anchor of its 'which service when' entry.
    pub slug: &'static str,
    /// The services, by name.
    pub services: Vec<GuideLink>,
}

/// A service named in a list: its page and its referral route in the guide.
#[derive(Debug, Serialize)]
pub struct GuideLink {
    /// Its name.
    pub name: String,
    /// Its page.
    pub url: String,
    /// The anchor of its referral route in the guide: `route-<id>`.
    pub anchor: String,
    /// Only practitioners refer to it (families cannot contact it themselves).
    pub for_practitioners: bool,
    /// Works with both partners together: never where there is domestic abuse.
    pub joint_work: bool,
    /// Fields shown in the default language (`fallback.name`): marked with `lang`.
    pub fallback: crate::model::translation::Fallback,
}

/// A category explained: 'which service when'.
#[derive(Debug, Serialize)]
pub struct GuideCategory {
    /// `mediation`
    pub slug: &'static str,
    /// 'Mediation'
    /// (English: pages show the theme's message for the slug, `level-<slug>` or `category-<slug>`.)
    pub label: &'static str,
    /// The site's words, or `None` for the theme's.
    pub description: Option<String>,
    /// Some of its services work with both partners together.
    pub joint_work: bool,
    /// Its services.
    pub services: Vec<GuideLink>,
}

/// One service's referral route.
#[derive(Debug, Serialize)]
pub struct GuideService {
    /// Name, page, anchor and marks.
    pub link: GuideLink,
    /// Who runs it.
    pub organisation: String,
    /// 'Targeted'
    pub level: String,
    /// 'Families and practitioners'
    pub audience: String,
    /// How families reach it: 'Self-referral', 'Professional referral'.
    pub access: Vec<String>,
    /// The service's sentence on referral, if any.
    pub referral: String,
    /// Who it is for.
    pub eligibility: String,
    /// The route for practitioners, if the service gives one.
    pub route: Option<RouteView>,
    /// The service's own phone, when the route names none.
    pub phone: Option<String>,
    /// The same without spaces, for `tel:`.
    pub phone_link: Option<String>,
    /// The service's own email, when the route names none.
    pub email: Option<String>,
    /// A specialist safety service.
    pub safety: bool,
}

/// A referral route as shown.
#[derive(Debug, Clone, Serialize)]
pub struct RouteView {
    /// Who can refer.
    pub who: String,
    /// How.
    pub how: String,
    /// A form on the web.
    pub form: Option<String>,
    /// An email address.
    pub email: Option<String>,
    /// A phone number as written.
    pub phone: Option<String>,
    /// The same without spaces, for `tel:`.
    pub phone_link: Option<String>,
    /// What to include.
    pub include: Vec<String>,
    /// How soon the service replies.
    pub response: String,
    /// What the family must agree to, in words.
    pub consent: Option<String>,
}

/// Builds the guide; `introduction` is the site's introduction already rendered.
pub fn guide(site: &Site, introduction: String) -> Guide {
    let mut ordered: Vec<&Service> = site.services.iter().collect();
    ordered.sort_by_key(|s| (s.level, !s.safety, s.name.to_lowercase(), s.id.clone()));
    let levels = level_views(&site.services, &site.config.directory.levels)
        .into_iter()
        .filter_map(|view| {
            let level = Level::from_slug(view.slug)?;
            let at_level: Vec<&Service> = ordered
                .iter()
                .copied()
                .filter(|s| s.level == level)
                .collect();
            Some(GuideLevel {
                slug: view.slug,
                label: view.label,
                description: view.description,
                categories: groups(&at_level),
            })
        })
        .collect();
    Guide {
        introduction,
        levels,
        categories: categories(site, &ordered),
        services: ordered.iter().map(|s| guide_service(s, site)).collect(),
        safety_services: ordered
            .iter()
            .filter(|s| s.safety)
            .map(|s| Link::new(s.name.clone(), s.url.to_string()))
            .collect(),
        feedback_url: feedback_url(site),
    }
}

/// Categories in the order readers should meet them: domestic abuse support first, so the
/// safe route is seen before any joint work; then the vocabulary's order.
fn category_order() -> impl Iterator<Item = Category> {
    std::iter::once(Category::DomesticAbuse).chain(
        Category::ALL
            .iter()
            .copied()
            .filter(|c| *c != Category::DomesticAbuse),
    )
}

/// Whether `service` is listed under `category`: a joint-work service never is under domestic
/// abuse support, whatever it says.
fn listed_under(service: &Service, category: Category) -> bool {
    service.categories.contains(&category)
        && !(category == Category::DomesticAbuse && service.joint_work)
}

fn groups(services: &[&Service]) -> Vec<GuideGroup> {
    category_order()
        .map(|category| GuideGroup {
            label: category.label(),
            slug: category.slug(),
            services: services
                .iter()
                .filter(|s| listed_under(s, category))
                .map(|s| guide_link(s))
                .collect(),
        })
        .filter(|g| !g.services.is_empty())
        .collect()
}

fn categories(site: &Site, ordered: &[&Service]) -> Vec<GuideCategory> {
    category_order()
        .map(|category| {
            let services: Vec<&Service> = ordered
                .iter()
                .copied()
                .filter(|s| listed_under(s, category))
                .collect();
            GuideCategory {
                slug: category.slug(),
                label: category.label(),
                description: site
                    .config
                    .directory
                    .categories
                    .get(category.slug())
                    .map(str::to_owned),
                joint_work: services.iter().any(|s| s.joint_work),
                services: services.iter().map(|s| guide_link(s)).collect(),
            }
        })
        .filter(|c| !c.services.is_empty())
        .collect()
}

fn guide_link(service: &Service) -> GuideLink {
    GuideLink {
        name: service.name.clone(),
        url: service.url.to_string(),
        anchor: format!("route-{}", service.id),
        for_practitioners: service.audience == ServiceAudience::Practitioners,
        joint_work: service.joint_work,
        fallback: service.fallback.clone(),
    }
}

fn guide_service(service: &Service, site: &Site) -> GuideService {
    let route = service.referral_route.as_ref().map(|r| route_view(r, site));
    let names_a_way = route
        .as_ref()
        .is_some_and(|r| r.form.is_some() || r.email.is_some() || r.phone.is_some());
    GuideService {
        link: guide_link(service),
        organisation: service.organisation.clone(),
        level: site.t(service.level.key()),
        audience: site.t(service.audience.key()),
        access: service.access.iter().map(|a| site.t(a.key())).collect(),
        referral: service.referral.clone(),
        eligibility: service.eligibility.clone(),
        route,
        phone_link: service
            .contact
            .phone
            .as_ref()
            .filter(|_| !names_a_way)
            .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect()),
        phone: service.contact.phone.clone().filter(|_| !names_a_way),
        email: service.contact.email.clone().filter(|_| !names_a_way),
        safety: service.safety,
    }
}

/// A referral route as the guide and the service's page show it.
pub fn route_view(route: &ReferralRoute, site: &Site) -> RouteView {
    RouteView {
        who: route.who.clone(),
        how: route.how.clone(),
        form: route.form.clone(),
        email: route.email.clone(),
        phone_link: route
            .phone
            .as_ref()
            .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect()),
        phone: route.phone.clone(),
        include: route.include.clone(),
        response: route.response.clone(),
        consent: route.consent.map(|c| site.t(c.key())),
    }
}

/// The guide's own `feedback_url`, else that of the latest week that has one.
pub fn feedback_url(site: &Site) -> Option<String> {
    if let Some(url) = &site.config.directory.guide.feedback_url {
        return Some(url.get_ref().trim().to_owned());
    }
    site.weeks
        .iter()
        .filter(|w| w.feedback_url.is_some())
        .max_by_key(|w| w.start_date)
        .and_then(|w| w.feedback_url.clone())
}

/// The guide's address as a [`UrlPath`].
pub fn guide_url() -> UrlPath {
    let slug = |s| crate::model::Slug::from_text(s).unwrap_or_else(|| unreachable!("a slug"));
    UrlPath::root()
        .join(&slug("directory"))
        .join(&slug("for-practitioners"))
}
