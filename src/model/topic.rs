//! Topics: the tags that self-help pages, sessions, services and resources share.

use std::collections::BTreeMap;

use serde::Serialize;
use toml::Spanned;

use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile};
use crate::load::RawTopic;
use crate::model::id::{ById, Id};
use crate::model::sensitivity::Sensitivity;
use crate::model::slug::Slug;
use crate::model::translation::{Fallback, Languages, TextField, TextKind, Translation};

/// A shared topic.
#[derive(Debug, Clone, Serialize)]
pub struct Topic {
    /// Its identifier, used in every file and in its URL.
    pub slug: Slug,
    /// Its name as readers see it.
    pub name: String,
    /// One sentence about it.
    pub description: String,
    /// Whether everything about it is sensitive (`sensitive = true` in topics.toml).
    pub sensitivity: Sensitivity,
    /// Its fields shown in the default language, on a translation.
    pub fallback: Fallback,
}

/// A topic's position in `Site::topics.list`.
pub type TopicId = Id<Topic>;

/// The site's topics, looked up by slug.
#[derive(Debug, Clone, Default)]
pub struct Topics {
    /// In the order of `content/topics.toml`.
    pub list: Vec<Topic>,
    by_slug: BTreeMap<String, TopicId>,
    /// The topics file could not be read: its problems are reported, and a topic named
    /// elsewhere is not also reported unknown (it may well be in the file).
    unreadable: bool,
}

impl Topics {
    /// Validates the topics file: slugs must be slugs and unique.
    pub fn build(
        raw: Option<&[RawTopic]>,
        file: Option<&SourceFile>,
        languages: &Languages,
        problems: &mut Diagnostics,
    ) -> Topics {
        let mut topics = Topics {
            unreadable: raw.is_none(),
            ..Topics::default()
        };
        for topic in raw.unwrap_or_default() {
            let at = |code: Code, message: String| match file {
                Some(file) => file.error_at(topic.slug.span(), message).code(code),
                None => Diagnostic::file("content/topics.toml", message).code(code),
            };
            let slug = match Slug::parse(topic.slug.get_ref()) {
                Ok(slug) => slug,
                Err(error) => {
                    problems.push(at(Code::BadName, error.to_string()));
                    continue;
                }
            };
            if topics.by_slug.contains_key(slug.as_str()) {
                problems.push(at(
                    Code::AddressClash,
                    format!("topic `{slug}` is defined twice"),
                ));
                continue;
            }
            topics
                .by_slug
                .insert(slug.as_str().to_owned(), Id::new(topics.list.len()));
            let mut translation = match file {
                Some(file) => Translation::check(
                    &topic.translations,
                    TextKind::Topic,
                    file,
                    languages,
                    problems,
                ),
                None => Translation::default(),
            };
            topics.list.push(Topic {
                slug,
                name: translation.text(TextField::Name, &topic.name),
                description: translation.text(TextField::Description, &topic.description),
                sensitivity: Sensitivity::when(topic.sensitive),
                fallback: translation.into_fallback(),
            });
        }
        topics
    }

    /// Resolves the topic slugs a file names; unknown ones are problems located in that file.
    pub fn resolve(
        &self,
        names: &[Spanned<String>],
        file: &SourceFile,
        offset: usize,
        problems: &mut Diagnostics,
    ) -> Vec<TopicId> {
        let mut found = Vec::new();
        for name in names {
            match self.by_slug.get(name.get_ref().as_str()) {
                Some(&index) if !found.contains(&index) => found.push(index),
                Some(_) => {}
                None if self.unreadable => {}
                None => {
                    let span = name.span();
                    let known: Vec<_> = self.list.iter().map(|t| t.slug.as_str()).collect();
                    let hint = if known.is_empty() {
                        "define topics in content/topics.toml".to_owned()
                    } else {
                        format!(
                            "known topics: {}; or add it to content/topics.toml",
                            known.join(", ")
                        )
                    };
                    problems.push(
                        file.error_at(
                            span.start + offset..span.end + offset,
                            format!("unknown topic `{}`", name.get_ref()),
                        )
                        .code(Code::UnknownTopic)
                        .hint(hint),
                    );
                }
            }
        }
        found
    }

    /// Sensitive when any of `topics` is.
    pub fn sensitivity_of(&self, topics: &[TopicId]) -> Sensitivity {
        Sensitivity::any(
            topics
                .iter()
                .filter_map(|&t| self.list.by_id(t))
                .map(|t| t.sensitivity),
        )
    }
}
/// The ids in `items` of the `limit` eligible items that share most topics with
/// `topics` (none that share none), ties in order of `key` and then of position: every
/// 'related' list. Chosen without sorting all the matches, which on a large site are
/// thousands for each of thousands of pages.
pub fn best_matches<'a, T, K: Ord>(
    items: &'a [T],
    eligible: impl Fn(&T) -> bool,
    item_topics: impl Fn(&T) -> &[TopicId],
    key: impl Fn(&'a T) -> K,
    topics: &[TopicId],
    limit: usize,
) -> Vec<Id<T>> {
    let mut scored: Vec<(std::cmp::Reverse<usize>, K, usize)> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| eligible(item))
        .filter_map(|(n, item)| {
            let shared = item_topics(item)
                .iter()
                .filter(|t| topics.contains(t))
                .count();
            (shared > 0).then(|| (std::cmp::Reverse(shared), key(item), n))
        })
        .collect();
    if scored.len() > limit {
        scored.select_nth_unstable(limit);
        scored.truncate(limit);
    }
    scored.sort_unstable();
    scored.into_iter().map(|(_, _, n)| Id::new(n)).collect()
}
