//! The directory's filters: for each facet (category, level, age band, cost, access,
//! language, open on a day), the values that some service has, with their members. The
//! view of each facet is the programme's [`FilterGroup`] (in `render::views`), so both kinds of filter share one shape.

use crate::model::i18n::Words;
use crate::model::service::ServiceIndex;
use crate::model::service::vocab::{AGE_BANDS, Access, Category, Day, Level};
use crate::model::slug::slugify;
use crate::model::{ById, Service};
use crate::render::views::{FilterGroup, FilterOption};

/// One way to filter the directory, such as 'Category': its view (key `category`, title,
/// and each value with its page and count), and which services have each value. The group's
/// `title` is the theme's message naming the facet (`facet-category`): templates show
/// `t(key=facet.title)`; each value's title is already in the site's language.
#[derive(Debug, Clone)]
pub struct Facet {
    /// The view: `group.options[i]` is a value that at least one service has.
    pub group: FilterGroup,
    /// `members[i]`: the services that have `group.options[i]`.
    pub members: Vec<Vec<ServiceIndex>>,
}

/// Every facet of the services `listed` keeps (the family directory leaves out those for
/// practitioners only); values no listed service has are left out.
pub fn build_facets(
    services: &[Service],
    listed: &dyn Fn(&Service) -> bool,
    words: &Words,
) -> Vec<Facet> {
    let facet =
        |key, title, candidates: Vec<(String, String)>, test: &dyn Fn(&Service, &str) -> bool| {
            let (options, members) = candidates
                .into_iter()
                .map(|(value, title)| {
                    let members: Vec<ServiceIndex> = services
                        .with_ids()
                        .filter(|(_, s)| listed(s) && test(s, &value))
                        .map(|(i, _)| i)
                        .collect();
                    (
                        FilterOption {
                            url: format!("/directory/{key}/{value}/"),
                            count: members.len(),
                            value,
                            title,
                        },
                        members,
                    )
                })
                .filter(|(option, _)| option.count > 0)
                .unzip();
            Facet {
                group: FilterGroup {
                    title: String::from(title),
                    key,
                    options,
                },
                members,
            }
        };
    // (slug, message) pairs, each message in the site's language.
    let pairs = |list: Vec<(&str, &str)>| {
        list.into_iter()
            .map(|(s, key)| (s.to_owned(), words.t(key)))
            .collect::<Vec<_>>()
    };
    let age_keys: Vec<(&str, String)> = AGE_BANDS
        .iter()
        .map(|b| (b.0, format!("age-{}", b.0)))
        .collect();
    vec![
        facet(
            "category",
            "facet-category",
            pairs(Category::ALL.iter().map(|c| (c.slug(), c.key())).collect()),
            &|s, v| s.categories.iter().any(|c| c.slug() == v),
        ),
        facet(
            "level",
            "facet-level",
            pairs(Level::ALL.iter().map(|l| (l.slug(), l.key())).collect()),
            &|s, v| s.level.slug() == v,
        ),
        facet(
            "age",
            "facet-age",
            pairs(age_keys.iter().map(|(s, k)| (*s, k.as_str())).collect()),
            &|s, v| {
                AGE_BANDS
                    .iter()
                    .any(|b| b.0 == v && s.serves_ages(b.2, b.3))
            },
        ),
        facet(
            "cost",
            "facet-cost",
            pairs(vec![("free", "cost-free"), ("paid", "cost-paid")]),
            &|s, v| (v == "free") == s.cost.free,
        ),
        facet(
            "access",
            "facet-access",
            pairs(Access::ALL.iter().map(|a| (a.slug(), a.key())).collect()),
            &|s, v| s.access.iter().any(|a| a.slug() == v),
        ),
        facet(
            "language",
            "facet-language",
            languages(services, listed),
            &|s, v| s.languages.iter().any(|l| slugify(l) == v),
        ),
        facet(
            "open",
            "facet-open",
            pairs(Day::ALL.iter().map(|d| (d.slug(), d.key())).collect()),
            &|s, v| Day::from_slug(v).is_some_and(|d| s.open_on(d)),
        ),
    ]
}

/// The languages services offer, English first, then alphabetically.
fn languages(services: &[Service], listed: &dyn Fn(&Service) -> bool) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = services
        .iter()
        .filter(|s| listed(s))
        .flat_map(|s| &s.languages)
        .map(|l| (slugify(l), l.trim().to_owned()))
        .filter(|(s, _)| !s.is_empty())
        .collect();
    found.sort_by(|a, b| (a.0 != "english", &a.0).cmp(&(b.0 != "english", &b.0)));
    found.dedup_by(|a, b| a.0 == b.0);
    found
}

/// The facet values a service has, as `key -> space-separated slugs`, for the filter script.
pub fn service_filter_data(facets: &[Facet], index: ServiceIndex) -> Vec<(String, String)> {
    facets
        .iter()
        .map(|f| {
            let values: Vec<&str> = f
                .group
                .options
                .iter()
                .zip(&f.members)
                .filter(|(_, members)| members.contains(&index))
                .map(|(option, _)| option.value.as_str())
                .collect();
            (f.group.key.to_owned(), values.join(" "))
        })
        .collect()
}
