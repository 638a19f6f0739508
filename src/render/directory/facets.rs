//! The directory's filters: for each facet (category, level, age band, cost, access,
//! language, open on a day), the values that some service has, with their members.

use serde::Serialize;

use crate::model::Service;
use crate::model::service::vocab::{AGE_BANDS, Access, Category, Day, Level};
use crate::model::slug::slugify;

/// One way to filter the directory, such as 'Category'.
#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    /// The URL segment and query key (`category`).
    pub key: &'static str,
    /// The name readers see.
    pub label: &'static str,
    /// The values that at least one service has, in display order.
    pub values: Vec<FacetValue>,
}

/// One value of a facet, with its page.
#[derive(Debug, Clone, Serialize)]
pub struct FacetValue {
    /// Its identifier in URLs (`counselling`).
    pub slug: String,
    /// Its name.
    pub label: String,
    /// Its page: `/directory/category/counselling/`.
    pub url: String,
    /// How many services have it.
    pub count: usize,
    /// Indexes of the services that have it.
    #[serde(skip)]
    pub members: Vec<usize>,
}

/// Every facet of these services; values no service has are left out.
pub fn build_facets(services: &[Service]) -> Vec<Facet> {
    let facet = |key, label, candidates: Vec<(String, String)>, test: &dyn Fn(&Service, &str) -> bool| {
        let values = candidates
            .into_iter()
            .map(|(slug, label)| {
                let members: Vec<usize> = services.iter().enumerate().filter(|(_, s)| test(s, &slug)).map(|(i, _)| i).collect();
                FacetValue { url: format!("/directory/{key}/{slug}/"), count: members.len(), slug, label, members }
            })
            .filter(|v| v.count > 0)
            .collect();
        Facet { key, label, values }
    };
    let pairs = |list: Vec<(&str, &str)>| list.into_iter().map(|(s, l)| (s.to_owned(), l.to_owned())).collect::<Vec<_>>();
    vec![
        facet("category", "Category", pairs(Category::ALL.iter().map(|c| (c.slug(), c.label())).collect()), &|s, v| {
            s.categories.iter().any(|c| c.slug() == v)
        }),
        facet("level", "Level of support", pairs(Level::ALL.iter().map(|l| (l.slug(), l.label())).collect()), &|s, v| s.level.slug() == v),
        facet("age", "Age", pairs(AGE_BANDS.iter().map(|b| (b.0, b.1)).collect()), &|s, v| {
            AGE_BANDS.iter().any(|b| b.0 == v && s.serves_ages(b.2, b.3))
        }),
        facet("cost", "Cost", pairs(vec![("free", "Free"), ("paid", "Paid")]), &|s, v| (v == "free") == s.cost.free),
        facet("access", "How to access", pairs(Access::ALL.iter().map(|a| (a.slug(), a.label())).collect()), &|s, v| {
            s.access.iter().any(|a| a.slug() == v)
        }),
        facet("language", "Language", languages(services), &|s, v| s.languages.iter().any(|l| slugify(l) == v)),
        facet("open", "Open on", pairs(Day::ALL.iter().map(|d| (d.slug(), d.label())).collect()), &|s, v| {
            Day::from_slug(v).is_some_and(|d| s.open_on(d))
        }),
    ]
}

/// The languages services offer, English first, then alphabetically.
fn languages(services: &[Service]) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> =
        services.iter().flat_map(|s| &s.languages).map(|l| (slugify(l), l.trim().to_owned())).filter(|(s, _)| !s.is_empty()).collect();
    found.sort_by(|a, b| (a.0 != "english", &a.0).cmp(&(b.0 != "english", &b.0)));
    found.dedup_by(|a, b| a.0 == b.0);
    found
}

/// The facet values a service has, as `key -> space-separated slugs`, for the filter script.
pub fn service_filter_data(facets: &[Facet], index: usize) -> Vec<(String, String)> {
    facets
        .iter()
        .map(|f| {
            let values: Vec<&str> = f.values.iter().filter(|v| v.members.contains(&index)).map(|v| v.slug.as_str()).collect();
            (f.key.to_owned(), values.join(" "))
        })
        .collect()
}
