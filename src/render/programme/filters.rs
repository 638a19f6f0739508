//! Stage 3, render: a week's filters (by day, audience, format and topic), as the groups of
//! links on the week's page and as the filter pages that work without JavaScript.

use std::collections::BTreeMap;

use crate::model::audience::Audience;
use crate::model::family::{Childcare, Cost, PartOfWeek, TimeOfDay};
use crate::model::i18n::ArgValue;
use crate::model::session::{Format, Session};
use crate::model::week::Week;
use crate::model::{Site, Slug, UrlPath};
use crate::render::views::Link;

use super::{FilterGroup, FilterOption, WeekFilter, week_sessions};

/// A way to filter a week's sessions; each value has its own page at `<week>/<key>/<value>/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// The day a session is on.
    Day,
    /// Morning, afternoon or evening ([`TimeOfDay`] sets the boundaries).
    TimeOfDay,
    /// Weekdays or the weekend.
    PartOfWeek,
    /// Who a session is for.
    Audience,
    /// In person, online or both.
    Format,
    /// Free sessions.
    Cost,
    /// A creche, or children welcome.
    Childcare,
    /// A session's topics.
    Topic,
}

/// When a filter is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// Always, for every value some session has: its pages have long been published.
    Always,
    /// Only when the week's sessions differ on it: a week of free sessions has no 'Free'.
    WhenSessionsDiffer,
}

impl FilterKind {
    /// Every filter, in the order the week's page shows them.
    pub const ALL: [FilterKind; 8] = [
        FilterKind::Day,
        FilterKind::TimeOfDay,
        FilterKind::PartOfWeek,
        FilterKind::Audience,
        FilterKind::Format,
        FilterKind::Cost,
        FilterKind::Childcare,
        FilterKind::Topic,
    ];

    /// The message of its heading: 'Who it is for'.
    pub fn title_key(self) -> &'static str {
        match self {
            FilterKind::Day => "filter-day",
            FilterKind::TimeOfDay => "filter-time-of-day",
            FilterKind::PartOfWeek => "filter-part-of-week",
            FilterKind::Audience => "filter-audience",
            FilterKind::Format => "filter-format",
            FilterKind::Cost => "filter-cost",
            FilterKind::Childcare => "filter-childcare",
            FilterKind::Topic => "filter-topic",
        }
    }

    /// Its name in addresses, in the script's query and in the cards' `data-` attributes
    /// (one word, so that the script reads it as `dataset[key]`): `audience`.
    pub fn key(self) -> &'static str {
        match self {
            FilterKind::Day => "day",
            FilterKind::TimeOfDay => "time",
            FilterKind::PartOfWeek => "when",
            FilterKind::Audience => "audience",
            FilterKind::Format => "format",
            FilterKind::Cost => "cost",
            FilterKind::Childcare => "childcare",
            FilterKind::Topic => "topic",
        }
    }

    fn shown(self) -> Shown {
        match self {
            FilterKind::Day | FilterKind::Audience | FilterKind::Format | FilterKind::Topic => {
                Shown::Always
            }
            FilterKind::TimeOfDay
            | FilterKind::PartOfWeek
            | FilterKind::Cost
            | FilterKind::Childcare => Shown::WhenSessionsDiffer,
        }
    }

    /// How a filter page names its value after the week: 'for parents', 'on domestic abuse'.
    fn page_label(self, site: &Site, title: &str) -> String {
        let (key, value) = self.page_label_parts(title);
        match key {
            Some(key) => site.t_with(key, &[("value", ArgValue::Text(value))]),
            None => value,
        }
    }

    /// The message that makes the phrase, if any, and the value as it goes in it.
    fn page_label_parts(self, title: &str) -> (Option<&'static str>, String) {
        match self {
            FilterKind::Day | FilterKind::Cost => (None, title.to_owned()),
            FilterKind::Audience => (Some("filter-page-for"), title.to_lowercase()),
            FilterKind::Format | FilterKind::TimeOfDay | FilterKind::Childcare => {
                (None, title.to_lowercase())
            }
            FilterKind::PartOfWeek => (Some("filter-page-at-the"), title.to_lowercase()),
            FilterKind::Topic => (Some("filter-page-on"), title.to_lowercase()),
        }
    }

    /// A session's values of this filter, as (value, label) in the filter's order.
    pub fn values_of(self, site: &Site, session: &Session) -> Vec<(String, String)> {
        let pair = |slug: &str, key: &str| (slug.to_owned(), site.t(key));
        match self {
            FilterKind::Day => {
                let date = session.local_start.date();
                vec![(date.to_string(), site.dates.day(date))]
            }
            FilterKind::TimeOfDay => {
                let time = session.time_of_day();
                vec![pair(time.slug(), time.message_key())]
            }
            FilterKind::PartOfWeek => {
                let part = session.part_of_week();
                vec![pair(part.slug(), part.message_key())]
            }
            FilterKind::Audience => session
                .audience
                .iter()
                .map(|a| pair(a.slug(), a.message_key()))
                .collect(),
            FilterKind::Format => vec![pair(session.format.slug(), session.format.message_key())],
            FilterKind::Cost => match session.family.cost {
                Some(Cost::Free) => vec![pair("free", "cost-free")],
                _ => Vec::new(),
            },
            FilterKind::Childcare => match session.family.childcare {
                Some(c @ (Childcare::Creche | Childcare::ChildrenWelcome)) => {
                    vec![pair(c.slug(), c.message_key())]
                }
                _ => Vec::new(),
            },
            FilterKind::Topic => session
                .topics
                .iter()
                .map(|&t| &site.topics.list[t])
                .map(|topic| (topic.slug.to_string(), topic.name.clone()))
                .collect(),
        }
    }

    /// Where a value sorts among the filter's values (values of no fixed order sort by name).
    fn rank(self, value: &str) -> Option<usize> {
        match self {
            FilterKind::TimeOfDay => TimeOfDay::ALL.iter().position(|t| t.slug() == value),
            FilterKind::PartOfWeek => PartOfWeek::ALL.iter().position(|p| p.slug() == value),
            FilterKind::Audience => Audience::ALL.iter().position(|a| a.slug() == value),
            FilterKind::Format => Format::ALL.iter().position(|(_, s)| *s == value),
            FilterKind::Childcare => Childcare::ALL.iter().position(|(_, s)| *s == value),
            FilterKind::Day | FilterKind::Cost | FilterKind::Topic => None,
        }
    }
}

/// One filter with the values some session of the week has.
struct Filter<'a> {
    kind: FilterKind,
    values: Vec<FilterValue<'a>>,
}

/// One value of a filter and the sessions that have it.
struct FilterValue<'a> {
    /// Its slug or date: `parents`, `2024-03-05`.
    value: String,
    /// Its label: 'Parents', 'Tuesday 5 March 2024'.
    title: String,
    sessions: Vec<&'a Session>,
}

/// A filter's values, in order, from one (value, label) list per session.
fn group<'a>(site: &Site, kind: FilterKind, sessions: &[&'a Session]) -> Vec<FilterValue<'a>> {
    let mut values: BTreeMap<String, (String, Vec<&Session>)> = BTreeMap::new();
    for &session in sessions {
        for (value, title) in kind.values_of(site, session) {
            values
                .entry(value)
                .or_insert_with(|| (title, Vec::new()))
                .1
                .push(session);
        }
    }
    let mut values: Vec<FilterValue> = values
        .into_iter()
        .map(|(value, (title, sessions))| FilterValue {
            value,
            title,
            sessions,
        })
        .collect();
    values.sort_by_key(|v| kind.rank(&v.value));
    values
}

/// Whether some value of a filter sets some of the sessions apart from the others.
fn sessions_differ(values: &[FilterValue], all: usize) -> bool {
    values.iter().any(|v| v.sessions.len() < all)
}

/// The filters offered for a week, each with the values some session has and the sessions
/// matching; a filter shown only when sessions differ is left out when they do not.
fn filter_values<'a>(site: &'a Site, sessions: &[&'a Session]) -> Vec<Filter<'a>> {
    FilterKind::ALL
        .into_iter()
        .map(|kind| Filter {
            kind,
            values: group(site, kind, sessions),
        })
        .filter(|f| f.kind.shown() == Shown::Always || sessions_differ(&f.values, sessions.len()))
        .collect()
}

fn filter_url(week: &Week, kind: FilterKind, value: &str) -> UrlPath {
    let key = Slug::from_text(kind.key()).expect("filter keys are slugs");
    let value = Slug::from_text(value)
        .unwrap_or_else(|| Slug::from_text("other").expect("a constant slug"));
    week.url.join(&key).join(&value)
}

/// The groups of filter links on a week's page.
pub(super) fn filter_groups(site: &Site, week: &Week, sessions: &[&Session]) -> Vec<FilterGroup> {
    filter_values(site, sessions)
        .into_iter()
        .map(|filter| FilterGroup {
            title: site.t(filter.kind.title_key()),
            key: filter.kind.key(),
            options: filter
                .values
                .into_iter()
                .map(|v| FilterOption {
                    url: filter_url(week, filter.kind, &v.value).to_string(),
                    title: v.title,
                    value: v.value,
                    count: v.sessions.len(),
                })
                .collect(),
        })
        .collect()
}

/// Every filter page of a week.
pub(super) fn filter_pages<'a>(site: &'a Site, week: &Week) -> Vec<WeekFilter<'a>> {
    let sessions = week_sessions(site, week);
    let mut pages = Vec::new();
    for filter in filter_values(site, &sessions) {
        for value in filter.values {
            let url = filter_url(week, filter.kind, &value.value);
            let topic = (filter.kind == FilterKind::Topic)
                .then(|| {
                    site.topics
                        .list
                        .iter()
                        .find(|t| t.slug.as_str() == value.value)
                })
                .flatten();
            let sensitivity = topic.map(|t| t.sensitivity).unwrap_or_default();
            pages.push(WeekFilter {
                link: Link::new(filter.kind.page_label(site, &value.title), url.to_string()),
                url,
                sessions: value.sessions,
                sensitivity,
            });
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_filter_key_is_a_distinct_slug() {
        let keys: Vec<&str> = FilterKind::ALL.iter().map(|k| k.key()).collect();
        for key in &keys {
            assert_eq!(Slug::from_text(key).as_ref().map(Slug::as_str), Some(*key));
        }
        let mut distinct = keys.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), keys.len());
    }

    #[test]
    fn filter_pages_name_their_value_as_a_phrase() {
        let parts = |kind: FilterKind, title: &str| {
            let (key, value) = kind.page_label_parts(title);
            (key, value)
        };
        assert_eq!(
            parts(FilterKind::Audience, "Parents"),
            (Some("filter-page-for"), "parents".to_owned())
        );
        assert_eq!(
            parts(FilterKind::Topic, "Domestic abuse"),
            (Some("filter-page-on"), "domestic abuse".to_owned())
        );
        assert_eq!(
            parts(FilterKind::Format, "Online"),
            (None, "online".to_owned())
        );
        assert_eq!(
            parts(FilterKind::Day, "Tuesday 5 March"),
            (None, "Tuesday 5 March".to_owned())
        );
    }
}
