//! Typed views of the directory's pages: one struct per kind of page, built here.

use serde::Serialize;

use crate::model::i18n::ArgValue;
use crate::model::material::MaterialText;
use crate::model::resource::ResourceId;
use crate::model::service::vocab::ServiceAudience;
pub use crate::model::service::words::{ages, cost_text, day_list, opening_line};
use crate::model::service::{Location, Service, ServiceIndex};
use crate::model::translation::{Fallback, TextField};
use crate::model::{ById, Site};
use crate::render::untrusted::render_service_description;
use crate::render::views::CardFallback;
use crate::render::views::{Card, report_change_link};
use crate::text::format::iso_date;

/// The facts `base.html` needs about any page.
#[derive(Debug, Clone, Serialize)]
pub struct DirectoryMeta {
    /// The `<h1>` and title.
    pub title: String,
    /// The meta description.
    pub summary: String,
    /// The full public address.
    pub canonical_url: String,
}

/// A service in a list of results.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceCard {
    /// Its name, the link text.
    pub name: String,
    /// Its page.
    pub url: String,
    /// Who runs it.
    pub organisation: String,
    /// One line about it.
    pub summary: String,
    /// 'Universal', 'Targeted', 'Specialist'.
    pub level: String,
    /// 'Free' or 'Paid'.
    pub cost: String,
    /// How to access it, as labels.
    pub access: Vec<String>,
    /// A family hub centre.
    pub family_hub: bool,
    /// Only practitioners refer to it ('For practitioners').
    pub for_practitioners: bool,
    /// Facet values for the filter script, as `data-<key>` attributes.
    pub filters: Vec<FilterAttribute>,
    /// Fields shown in the default language (`fallback.name`, `.summary`): marked with `lang`.
    pub fallback: Fallback,
}

/// One `data-filter-<key>="<slugs>"` attribute of a result.
#[derive(Debug, Clone, Serialize)]
pub struct FilterAttribute {
    /// The facet key.
    pub key: String,
    /// Space-separated value slugs.
    pub values: String,
}

/// A service's page: every detail, in the order a family needs them.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceDetail {
    /// Its id.
    pub id: String,
    /// Who runs it.
    pub organisation: String,
    /// What it offers, sanitised HTML.
    pub description: String,
    /// 'Universal', with the level's page when the family directory publishes it.
    pub level: MaybeLink,
    /// Categories, linked to their pages when published (a practitioner-only service may be
    /// the only one of its category, which the family directory then has no page for).
    pub categories: Vec<MaybeLink>,
    /// Who it is for.
    pub eligibility: String,
    /// 'Ages 0 to 18', or empty.
    pub ages: String,
    /// How to access it, as labels.
    pub access: Vec<String>,
    /// How to get referred.
    pub referral: String,
    /// How it is delivered, as labels.
    pub delivery: Vec<String>,
    /// 'Free' or what it costs.
    pub cost: String,
    /// Languages, each linked to its filter page when it has one.
    pub languages: Vec<MaybeLink>,
    /// The area served.
    pub area: String,
    /// A notice to read first, or empty.
    pub notice: String,
    /// Who accredits it, or empty.
    pub accreditations: String,
    /// Someone to ask for: 'Ann Persona, Reception Manager', or empty.
    pub contact_person: String,
    /// Opening times, one line each.
    pub opening_times: Vec<String>,
    /// Where it is.
    pub locations: Vec<LocationView>,
    /// Phone, as written.
    pub phone: Option<String>,
    /// Phone without spaces, for `tel:`.
    pub phone_link: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Only practitioners refer to it ('For practitioners').
    pub for_practitioners: bool,
    /// How practitioners refer a family, if the service says.
    pub route: Option<super::guide::RouteView>,
    /// 'Last checked on' date, written out.
    pub last_reviewed: String,
    /// The same, ISO form.
    pub last_reviewed_iso: String,
    /// Fields shown in the default language (`fallback.name`, `.summary`, `.description`,
    /// `.eligibility`, `.referral`, `.notice`, `.accreditations`): marked with `lang`.
    pub fallback: Fallback,
}

/// A label that links to its page when there is one: a language whose name makes no slug
/// (no Latin letters or digits) has no filter page, so it is named without a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MaybeLink {
    /// The text.
    pub title: String,
    /// Its page, if published.
    pub url: Option<String>,
}

/// A language as a label, linked to `/directory/language/<slug>/` when its name has a slug
/// (the same rule [`super::facets::build_facets`] uses to publish that page).
pub fn language_link(language: &str) -> MaybeLink {
    let slug = crate::model::slug::slugify(language);
    MaybeLink {
        title: language.trim().to_owned(),
        url: (!slug.is_empty()).then(|| format!("/directory/language/{slug}/")),
    }
}

/// A location of a service.
#[derive(Debug, Clone, Serialize)]
pub struct LocationView {
    /// Its name.
    pub name: String,
    /// Address and postcode.
    pub address: String,
    /// A plain link to a map on OpenStreetMap: nothing loads until it is followed.
    pub map_url: String,
    /// Access notes.
    pub accessibility: Vec<String>,
}

/// A card for each service, family hubs first, then by name.
pub fn service_cards(
    services: &[&Service],
    facets: &[super::facets::Facet],
    site: &Site,
) -> Vec<ServiceCard> {
    services
        .iter()
        .map(|s| service_card(s, facets, site))
        .collect()
}

/// One service as a result.
pub fn service_card(
    service: &Service,
    facets: &[super::facets::Facet],
    site: &Site,
) -> ServiceCard {
    let index = site
        .services
        .with_ids()
        .find(|(_, s)| s.id == service.id)
        .map_or(ServiceIndex::new(0), |(id, _)| id);
    ServiceCard {
        name: service.name.clone(),
        url: service.url.to_string(),
        organisation: service.organisation.clone(),
        summary: service.summary.clone(),
        level: site.t(service.level.key()),
        cost: site.t(if service.cost.free {
            "cost-free"
        } else {
            "cost-paid"
        }),
        access: service.access.iter().map(|a| site.t(a.key())).collect(),
        family_hub: service.family_hub,
        for_practitioners: service.audience == ServiceAudience::Practitioners,
        filters: super::facets::service_filter_data(facets, index)
            .into_iter()
            .map(|(key, values)| FilterAttribute { key, values })
            .collect(),
        fallback: service.fallback.clone(),
    }
}

/// Every detail of a service for its page; `facets` say which filter pages are published.
pub fn service_detail(
    service: &Service,
    facets: &[super::facets::Facet],
    site: &Site,
) -> ServiceDetail {
    let dates = &site.dates;
    let words = site.words();
    let link = |key: &str, slug: &str, label: &str| {
        let url = format!("/directory/{key}/{slug}/");
        let published = facets
            .iter()
            .any(|f| f.group.options.iter().any(|o| o.url == url));
        MaybeLink {
            title: site.t(label),
            url: published.then_some(url),
        }
    };
    ServiceDetail {
        id: service.id.to_string(),
        organisation: service.organisation.clone(),
        description: render_service_description(&service.description),
        level: link("level", service.level.slug(), service.level.key()),
        categories: service
            .categories
            .iter()
            .map(|c| link("category", c.slug(), c.key()))
            .collect(),
        eligibility: service.eligibility.clone(),
        ages: ages(service.min_age, service.max_age, &words),
        access: service.access.iter().map(|a| site.t(a.key())).collect(),
        referral: service.referral.clone(),
        delivery: service.delivery.iter().map(|d| site.t(d.key())).collect(),
        cost: cost_text(service, &words),
        languages: service.languages.iter().map(|l| language_link(l)).collect(),
        area: service.area.clone(),
        notice: service.notice.clone(),
        accreditations: service.accreditations.clone(),
        contact_person: [&service.contact.name, &service.contact.role]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
        opening_times: service
            .schedule
            .iter()
            .map(|o| opening_line(o, &service.locations, &words))
            .collect(),
        locations: service.locations.iter().map(location_view).collect(),
        phone: service.contact.phone.clone(),
        phone_link: service
            .contact
            .phone
            .as_ref()
            .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect()),
        email: service.contact.email.clone(),
        website: service.contact.website.clone(),
        for_practitioners: service.audience == ServiceAudience::Practitioners,
        route: service
            .referral_route
            .as_ref()
            .map(|r| super::guide::route_view(r, site)),
        last_reviewed: dates.date(service.last_reviewed),
        last_reviewed_iso: iso_date(service.last_reviewed),
        fallback: service.fallback.clone(),
    }
}

fn location_view(location: &Location) -> LocationView {
    let map_url = match location.coordinates {
        Some((lat, lon)) => {
            format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
        }
        None => format!(
            "https://www.openstreetmap.org/search?query={}",
            location.postcode.replace(' ', "%20")
        ),
    };
    LocationView {
        name: location.name.clone(),
        address: format!("{}, {}", location.address, location.postcode),
        map_url,
        accessibility: location.accessibility.clone(),
    }
}

/// The services a page or session lists (the organiser's list, or the suggestion of the
/// model's safety rules: see [`suggest_services`](crate::model::relations::suggest_services)), as cards.
pub fn related_services(site: &Site, chosen: &[ServiceIndex]) -> Vec<Card> {
    chosen
        .iter()
        .map(|&n| &site.services[n])
        .map(|s| Card {
            title: s.name.clone(),
            url: s.url.to_string(),
            summary: s.summary.clone(),
            date: None,
            for_practitioners: s.audience == ServiceAudience::Practitioners,
            fallback: CardFallback::of(&s.fallback, TextField::Name),
        })
        .collect()
}

/// A service's resources (the organiser's list, or those that share most topics with it), as
/// shown.
pub fn related_resources(site: &Site, chosen: &[ResourceId]) -> Vec<MaterialText> {
    chosen
        .iter()
        .map(|&n| MaterialText::from(&site.resources[n].material))
        .collect()
}

/// The 'report a change' link of a service: an email to the site's contact with the service
/// named.
pub fn report_change_url(site: &Site, service: &Service) -> Option<String> {
    report_change_link(
        site,
        &site.t_with(
            "report-change-service",
            &[
                ("name", ArgValue::Text(service.name.clone())),
                ("id", ArgValue::Text(service.id.to_string())),
            ],
        ),
    )
}

/// Wraps the site view with page facts, for every directory page.
pub fn meta(site: &Site, title: &str, summary: &str, url: &str) -> DirectoryMeta {
    DirectoryMeta {
        title: title.to_owned(),
        summary: summary.to_owned(),
        canonical_url: site.config.absolute_url(url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_naturally() {
        use crate::model::service::vocab::Day::*;
        let messages = crate::model::i18n::theme_english();
        let dates = crate::text::format::Dates::default();
        let words = crate::model::i18n::Words::new(&messages, "en-GB", &dates);
        let day_list = |days: &[crate::model::service::vocab::Day]| day_list(days, &words);
        assert_eq!(
            day_list(&[Monday, Tuesday, Wednesday, Thursday, Friday]),
            "Monday to Friday"
        );
        assert_eq!(day_list(&[Wednesday]), "Wednesday");
        assert_eq!(
            day_list(&[Monday, Wednesday, Friday]),
            "Monday, Wednesday and Friday"
        );
        assert_eq!(
            day_list(&[Saturday, Monday, Tuesday]),
            "Monday, Tuesday and Saturday"
        );
    }

    #[test]
    fn a_language_without_a_slug_is_named_without_a_link() {
        assert_eq!(
            language_link(" Polski ").url.as_deref(),
            Some("/directory/language/polski/")
        );
        // Names in any script are transliterated, so only a name with no letters at all has
        // no page to link to.
        assert_eq!(
            language_link("العربية").url.as_deref(),
            Some("/directory/language/lrby/")
        );
        let dash = language_link("—");
        assert_eq!((dash.title.as_str(), dash.url), ("—", None));
    }

    #[test]
    fn ages_and_encoding() {
        let messages = crate::model::i18n::theme_english();
        let dates = crate::text::format::Dates::default();
        let words = crate::model::i18n::Words::new(&messages, "en-GB", &dates);
        let ages = |min, max| ages(min, max, &words);
        assert_eq!(ages(Some(0), Some(18)), "Ages 0 to 18");
        assert_eq!(ages(None, None), "");
        assert_eq!(crate::text::percent::percent_encode("a b&c"), "a%20b%26c");
    }
}
