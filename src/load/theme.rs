//! Reading the theme: its templates and static files, with the site's own files of the same
//! name taking their place. The default theme, `hub`, is also built into the binary, so a site
//! made by `hubsite new` needs no copy of it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile};
use crate::load::{read_source, relative_slash_path, walk_files};

/// The default theme, as it was when this binary was built.
static BUILT_IN_HUB: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/hub");

/// A Tera template with its name (its path under `templates/`, e.g. `partials/header.html`).
#[derive(Debug, Clone)]
pub struct Template {
    /// The name other templates and the renderer use.
    pub name: String,
    /// Its text and where it came from.
    pub file: SourceFile,
}

/// A file published as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Its path in the output, with `/` separators (e.g. `css/site.css`).
    pub output_path: String,
    /// Where its bytes are.
    pub source: AssetSource,
}

/// Where an asset's bytes are.
#[derive(Debug, Clone)]
pub enum AssetSource {
    /// A file on disk, copied at write time.
    Disk(PathBuf),
    /// A file of the built-in theme.
    Embedded(&'static [u8]),
}

/// The theme's templates and static files after the site's overrides.
#[derive(Debug, Default)]
pub struct Theme {
    /// Templates by name.
    pub templates: Vec<Template>,
    /// Static files by output path.
    pub assets: Vec<Asset>,
}

/// Loads theme `name` for the site at `root`, then the site's own `templates/` and `static/`.
pub fn load_theme(root: &Path, name: &str, problems: &mut Diagnostics) -> Theme {
    let mut templates = BTreeMap::new();
    let mut assets = BTreeMap::new();
    let theme_dir = root.join("themes").join(name);
    if theme_dir.is_dir() {
        add_disk_templates(root, &theme_dir.join("templates"), &mut templates, problems);
        add_disk_assets(root, &theme_dir.join("static"), &mut assets, problems);
    } else if name == "hub" {
        add_built_in(&mut templates, &mut assets);
    } else {
        problems.push(
            Diagnostic::file(
                "hubsite.toml",
                format!("theme `{name}` not found in themes/{name}/"),
            )
            .code(Code::TemplateNotFound)
            .hint("use theme = \"hub\" (the built-in theme) or add the theme's folder"),
        );
    }
    add_disk_templates(root, &root.join("templates"), &mut templates, problems);
    add_disk_assets(root, &root.join("static"), &mut assets, problems);
    Theme {
        templates: templates.into_values().collect(),
        assets: assets.into_values().collect(),
    }
}

fn add_disk_templates(
    root: &Path,
    dir: &Path,
    templates: &mut BTreeMap<String, Template>,
    problems: &mut Diagnostics,
) {
    for path in walk_files(root, dir, problems) {
        match read_source(root, &path) {
            Ok(file) => {
                let name = relative_slash_path(dir, &path);
                templates.insert(name.clone(), Template { name, file });
            }
            Err(problem) => problems.push(problem),
        }
    }
}

fn add_disk_assets(
    root: &Path,
    dir: &Path,
    assets: &mut BTreeMap<String, Asset>,
    problems: &mut Diagnostics,
) {
    for path in walk_files(root, dir, problems) {
        let output_path = relative_slash_path(dir, &path);
        assets.insert(
            output_path.clone(),
            Asset {
                output_path,
                source: AssetSource::Disk(path),
            },
        );
    }
}

fn add_built_in(templates: &mut BTreeMap<String, Template>, assets: &mut BTreeMap<String, Asset>) {
    for file in all_files(&BUILT_IN_HUB) {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if let Some(name) = path.strip_prefix("templates/") {
            let shown = PathBuf::from("<built-in hub theme>").join(&path);
            // The built-in theme is ours and is UTF-8; a failure here is a bug caught by tests.
            if let Ok(source) = SourceFile::new(shown, file.contents().to_vec()) {
                templates.insert(
                    name.to_owned(),
                    Template {
                        name: name.to_owned(),
                        file: source,
                    },
                );
            }
        } else if let Some(output_path) = path.strip_prefix("static/") {
            let asset = Asset {
                output_path: output_path.to_owned(),
                source: AssetSource::Embedded(file.contents()),
            };
            assets.insert(output_path.to_owned(), asset);
        }
    }
}

fn all_files(dir: &'static Dir<'static>) -> Vec<&'static include_dir::File<'static>> {
    let mut files: Vec<_> = dir.files().collect();
    for sub in dir.dirs() {
        files.extend(all_files(sub));
    }
    files.sort_by_key(|f| f.path());
    files
}

/// A font of the built-in theme (`themes/hub/fonts/<name>`), for the booklet PDF. Fonts are
/// part of the binary, so a build never fetches or looks for one on the machine.
pub fn built_in_font(name: &str) -> Option<&'static [u8]> {
    BUILT_IN_HUB
        .get_file(format!("fonts/{name}"))
        .map(|file| file.contents())
}
