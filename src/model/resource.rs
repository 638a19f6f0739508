//! The resource library: `content/resources/*.toml` files of `[[resource]]` entries, validated
//! into [`Resource`]s (a [`Material`] with topics and an id) and linked to what shares a topic.

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::diag::{Diagnostics, SourceFile};
use crate::load::sessions::RawMaterial;
use crate::model::id::Id;
use crate::model::material::{Material, MaterialKind, build_material};
use crate::model::slug::Slug;
use crate::model::topic::{TopicId, Topics};
use crate::model::translation::Languages;

/// The folder under `content/` that holds the library.
pub const RESOURCES_DIR: &str = "content/resources/";

/// A resources file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResourceFile {
    #[serde(default)]
    resource: Vec<RawMaterial>,
}

/// A resource's position in `Site::resources`.
pub type ResourceId = Id<Resource>;

/// A validated resource of the library.
#[derive(Debug, Clone)]
pub struct Resource {
    /// From its title, unique in the library (`title-2` for a second of the same name).
    pub id: Slug,
    /// Title, address, kind, source, description, duration.
    pub material: Material,
    /// Indexes into the site's topics.
    pub topics: Vec<TopicId>,
}

/// Validates every `content/resources/*.toml` among the data files, in path order.
pub fn build_resources(
    data_files: &[SourceFile],
    topics: &Topics,
    languages: &Languages,
    problems: &mut Diagnostics,
) -> Vec<Resource> {
    let mut resources = Vec::new();
    let mut ids = BTreeSet::new();
    for file in data_files.iter().filter(|f| is_resource_file(f)) {
        let raw = match crate::parse::parse_toml::<RawResourceFile>(file, &file.text, 0) {
            Ok(raw) => raw,
            Err(found) => {
                problems.extend(found);
                continue;
            }
        };
        for entry in &raw.resource {
            let topic_ids = topics.resolve(&entry.topics, file, 0, problems);
            let Some(material) = build_material(entry, file, languages, problems) else {
                continue;
            };
            // From the title as written, so that a resource has one id in every language.
            let id = unique_id(&entry.title, &mut ids);
            resources.push(Resource {
                id,
                material,
                topics: topic_ids,
            });
        }
    }
    resources
}

fn is_resource_file(file: &SourceFile) -> bool {
    file.path
        .to_string_lossy()
        .replace('\\', "/")
        .starts_with(RESOURCES_DIR)
}

/// A slug of `title` not yet in `taken` (`title-2`, `title-3` when it is), recorded as taken.
fn unique_id(title: &str, taken: &mut BTreeSet<Slug>) -> Slug {
    let base = Slug::from_text(title).map_or_else(|| "resource".to_owned(), |s| s.to_string());
    let mut candidate = base.clone();
    let mut n = 1;
    loop {
        if let Some(slug) = Slug::from_text(&candidate).filter(|s| !taken.contains(s)) {
            taken.insert(slug.clone());
            return slug;
        }
        n += 1;
        candidate = format!("{base}-{n}");
    }
}

/// Resources that share a topic with `topics`, most shared topics first, then by title.
pub fn related_resources<'a>(
    resources: &'a [Resource],
    topics: &[TopicId],
    limit: usize,
) -> Vec<&'a Resource> {
    let chosen = super::topic::best_matches(
        resources,
        |_| true,
        |r| &r.topics,
        |r| r.material.title.as_str(),
        topics,
        limit,
    );
    chosen.into_iter().map(|n| &resources[n]).collect()
}

/// The kinds the library has, in [`MaterialKind::ALL`] order.
pub fn kinds_in(resources: &[Resource]) -> Vec<MaterialKind> {
    MaterialKind::ALL
        .iter()
        .copied()
        .filter(|k| resources.iter().any(|r| r.material.kind == *k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics() -> Topics {
        Topics::default()
    }

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "content/resources/library.toml".into(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn ids_are_unique_even_for_equal_titles() {
        let mut taken = BTreeSet::new();
        assert_eq!(
            unique_id("Arguing better", &mut taken).as_str(),
            "arguing-better"
        );
        assert_eq!(
            unique_id("Arguing better!", &mut taken).as_str(),
            "arguing-better-2"
        );
        assert_eq!(unique_id("???", &mut taken).as_str(), "resource");
    }

    #[test]
    fn only_files_under_resources_are_read() {
        let text =
            "[[resource]]\ntitle = \"A\"\nurl = \"https://example.org/a\"\nkind = \"article\"\n";
        let other = SourceFile {
            path: "content/directory/a.toml".into(),
            text: "name = 1".into(),
        };
        let mut problems = Diagnostics::default();
        let found = build_resources(
            &[file(text), other],
            &topics(),
            &Languages::default(),
            &mut problems,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].material.origin.line, 3);
    }

    #[test]
    fn an_unknown_field_is_located() {
        let mut problems = Diagnostics::default();
        build_resources(
            &[file("[[resource]]\ntitel = \"A\"\n")],
            &topics(),
            &Languages::default(),
            &mut problems,
        );
        // Every problem at once: the misspelt field, and the fields truly missing (not
        // `title`, which the misspelling stands for).
        let report = problems.to_string();
        let titel = problems
            .0
            .iter()
            .find(|p| p.message.contains("`titel`"))
            .expect("the misspelt field");
        assert_eq!(titel.position, Some((2, 1)));
        assert!(
            report.contains("missing field `url`") && report.contains("missing field `kind`"),
            "{report}"
        );
        assert!(!report.contains("missing field `title`"), "{report}");
    }
}
