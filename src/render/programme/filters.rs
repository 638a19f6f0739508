//! Stage 3, render: a week's filters (by day, audience, format and topic), as the groups of
//! links on the week's page and as the filter pages that work without JavaScript.

use std::collections::BTreeMap;

use crate::model::audience::Audience;
use crate::model::session::{Format, Session};
use crate::model::week::Week;
use crate::model::{Site, Slug, UrlPath};
use crate::render::views::Link;
use crate::text::format::format_day;

use super::{FilterGroup, FilterOption, WeekFilter, week_sessions};

/// A way to filter a week's sessions; each value has its own page at `<week>/<key>/<value>/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// The day a session is on.
    Day,
    /// Who a session is for.
    Audience,
    /// In person, online or both.
    Format,
    /// A session's topics.
    Topic,
}

impl FilterKind {
    /// Every filter, in the order the week's page shows them.
    pub const ALL: [FilterKind; 4] = [
        FilterKind::Day,
        FilterKind::Audience,
        FilterKind::Format,
        FilterKind::Topic,
    ];

    /// Its heading: 'Who it is for'.
    pub fn title(self) -> &'static str {
        match self {
            FilterKind::Day => "Day",
            FilterKind::Audience => "Who it is for",
            FilterKind::Format => "Format",
            FilterKind::Topic => "Topic",
        }
    }

    /// Its name in addresses and in the script's query: `audience`.
    pub fn key(self) -> &'static str {
        match self {
            FilterKind::Day => "day",
            FilterKind::Audience => "audience",
            FilterKind::Format => "format",
            FilterKind::Topic => "topic",
        }
    }

    /// How a filter page names its value after the week: 'for parents', 'on domestic abuse'.
    fn page_label(self, title: &str) -> String {
        match self {
            FilterKind::Day => title.to_owned(),
            FilterKind::Audience => format!("for {}", title.to_lowercase()),
            FilterKind::Format => title.to_lowercase(),
            FilterKind::Topic => format!("on {}", title.to_lowercase()),
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

/// Each filter's values, in order, from one (value, label) list per session.
fn group<'a>(
    sessions: &[&'a Session],
    values_of: impl Fn(&Session) -> Vec<(String, String)>,
) -> Vec<FilterValue<'a>> {
    let mut values: BTreeMap<String, (String, Vec<&Session>)> = BTreeMap::new();
    for &session in sessions {
        for (value, title) in values_of(session) {
            values
                .entry(value)
                .or_insert_with(|| (title, Vec::new()))
                .1
                .push(session);
        }
    }
    values
        .into_iter()
        .map(|(value, (title, sessions))| FilterValue {
            value,
            title,
            sessions,
        })
        .collect()
}

/// The values of each filter that some session of the week has, with the sessions matching.
fn filter_values<'a>(site: &'a Site, sessions: &[&'a Session]) -> Vec<Filter<'a>> {
    FilterKind::ALL
        .into_iter()
        .map(|kind| {
            let values = match kind {
                FilterKind::Day => group(sessions, |s| {
                    let date = s.local_start.date();
                    vec![(date.to_string(), format_day(date))]
                }),
                FilterKind::Audience => {
                    let mut values = group(sessions, |s| {
                        s.audience
                            .iter()
                            .map(|a| (a.slug().to_owned(), a.label().to_owned()))
                            .collect()
                    });
                    values.sort_by_key(|v| Audience::ALL.iter().position(|a| a.slug() == v.value));
                    values
                }
                FilterKind::Format => {
                    let mut values = group(sessions, |s| {
                        vec![(s.format.slug().to_owned(), s.format.label().to_owned())]
                    });
                    values.sort_by_key(|v| Format::ALL.iter().position(|(_, s)| *s == v.value));
                    values
                }
                FilterKind::Topic => group(sessions, |s| {
                    s.topics
                        .iter()
                        .map(|&t| &site.topics.list[t])
                        .map(|topic| (topic.slug.to_string(), topic.name.clone()))
                        .collect()
                }),
            };
            Filter { kind, values }
        })
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
            title: filter.kind.title(),
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
                link: Link {
                    title: filter.kind.page_label(&value.title),
                    url: url.to_string(),
                },
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
        assert_eq!(FilterKind::Audience.page_label("Parents"), "for parents");
        assert_eq!(
            FilterKind::Topic.page_label("Domestic abuse"),
            "on domestic abuse"
        );
        assert_eq!(FilterKind::Format.page_label("Online"), "online");
        assert_eq!(
            FilterKind::Day.page_label("Tuesday 5 March"),
            "Tuesday 5 March"
        );
    }
}
