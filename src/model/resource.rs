//! The resource library: `content/resources/*.toml`, each a list of `[[resource]]` entries
//! (title, url, kind, source, topics, description), validated like a session's follow-on
//! materials. Kept minimal: service pages list the resources that share their topics.

use std::path::PathBuf;

use serde::Deserialize;

use crate::diag::{Diagnostics, SourceFile};
use crate::load::sessions::RawMaterial;
use crate::model::material::{Material, build_material};
use crate::model::topic::Topics;

/// The folder of resource lists under the site root.
pub const RESOURCES_DIR: &str = "content/resources/";

/// A resource list file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResourceFile {
    #[serde(default)]
    resource: Vec<RawMaterial>,
}

/// A resource of the library, validated.
#[derive(Debug, Clone)]
pub struct Resource {
    /// What it is and where.
    pub material: Material,
    /// Indexes into the site's topics.
    pub topics: Vec<usize>,
    /// The file that lists it.
    pub path: PathBuf,
}

/// Validates every `[[resource]]` in `content/resources/*.toml`, in file order.
pub fn build_resources(files: &[SourceFile], topics: &Topics, problems: &mut Diagnostics) -> Vec<Resource> {
    let mut resources = Vec::new();
    for file in files.iter().filter(|f| f.path.to_string_lossy().replace('\\', "/").starts_with(RESOURCES_DIR)) {
        let raw: RawResourceFile = match toml::from_str(&file.text) {
            Ok(raw) => raw,
            Err(error) => {
                problems.push(file.toml_error(&error, 0));
                continue;
            }
        };
        for entry in &raw.resource {
            let topics = topics.resolve(&entry.topics, file, 0, problems);
            if let Some(material) = build_material(entry, file, problems) {
                resources.push(Resource { material, topics, path: file.path.clone() });
            }
        }
    }
    resources
}
