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

#[cfg(test)]
impl Template {
    /// A template named `name` with `text`, as if read from `templates/<name>` (unit tests).
    pub(crate) fn from_text(name: &str, text: &str) -> Template {
        Template {
            name: name.into(),
            file: SourceFile::new(format!("templates/{name}"), text.as_bytes().to_vec())
                .expect("a template's text is UTF-8"),
        }
    }
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

/// A translation of the theme's words (`i18n/cy.ftl`): the theme's own, or a site's, whose
/// messages override the theme's one by one.
#[derive(Debug, Clone)]
pub struct MessageFile {
    /// The language tag, from the file name (`cy`, `en-GB`).
    pub language: String,
    /// Whose file it is.
    pub origin: MessageOrigin,
    /// Its text and where it came from.
    pub file: SourceFile,
}

/// Whose translation file: the site's messages override the theme's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MessageOrigin {
    /// The theme's `i18n/`.
    Theme,
    /// The site's own `i18n/`.
    Site,
}

/// The theme's templates and static files after the site's overrides.
#[derive(Debug, Default)]
pub struct Theme {
    /// Templates by name.
    pub templates: Vec<Template>,
    /// Translations of the theme's words, the theme's and the site's.
    pub messages: Vec<MessageFile>,
    /// Static files by output path.
    pub assets: Vec<Asset>,
}

/// Loads theme `name` for the site at `root`, then the site's own `templates/` and `static/`.
pub fn load_theme(root: &Path, name: &str, problems: &mut Diagnostics) -> Theme {
    let mut templates = BTreeMap::new();
    let mut assets = BTreeMap::new();
    let mut messages = Vec::new();
    let theme_dir = root.join("themes").join(name);
    if theme_dir.is_dir() {
        add_disk_templates(root, &theme_dir.join("templates"), &mut templates, problems);
        add_disk_assets(root, &theme_dir.join("static"), &mut assets, problems);
        add_disk_messages(
            root,
            &theme_dir.join("i18n"),
            MessageOrigin::Theme,
            &mut messages,
            problems,
        );
    } else if name == "hub" {
        add_built_in(&mut templates, &mut assets, &mut messages);
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
    add_disk_messages(
        root,
        &root.join("i18n"),
        MessageOrigin::Site,
        &mut messages,
        problems,
    );
    Theme {
        templates: templates.into_values().collect(),
        messages,
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

/// The translation files in `dir` (`cy.ftl`); a file of another kind there is an error, since
/// a misnamed translation would otherwise be silently ignored.
fn add_disk_messages(
    root: &Path,
    dir: &Path,
    origin: MessageOrigin,
    messages: &mut Vec<MessageFile>,
    problems: &mut Diagnostics,
) {
    for path in walk_files(root, dir, problems) {
        let name = relative_slash_path(dir, &path);
        let Some(language) = name.strip_suffix(".ftl").filter(|l| !l.contains('/')) else {
            problems.push(
                Diagnostic::file(crate::diag::display_path(root, &path), "not a translation file")
                    .code(Code::FileInWrongPlace)
                    .hint("i18n/ holds one Fluent file per language, named by its tag: i18n/cy.ftl, i18n/en-GB.ftl"),
            );
            continue;
        };
        match read_source(root, &path) {
            Ok(file) => messages.push(MessageFile {
                language: language.to_owned(),
                origin,
                file,
            }),
            Err(problem) => problems.push(problem),
        }
    }
}

fn add_built_in(
    templates: &mut BTreeMap<String, Template>,
    assets: &mut BTreeMap<String, Asset>,
    messages: &mut Vec<MessageFile>,
) {
    for file in all_files(&BUILT_IN_HUB) {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if let Some(language) = path
            .strip_prefix("i18n/")
            .and_then(|name| name.strip_suffix(".ftl"))
        {
            let shown = PathBuf::from("<built-in hub theme>").join(&path);
            if let Ok(source) = SourceFile::new(shown, file.contents().to_vec()) {
                messages.push(MessageFile {
                    language: language.to_owned(),
                    origin: MessageOrigin::Theme,
                    file: source,
                });
            }
        } else if let Some(name) = path.strip_prefix("templates/") {
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

/// Whether `text` is the built-in theme's template `name`, byte for byte (a site that uses the
/// theme as it is, from the binary or a copy in `themes/hub/`). The theme's templates write
/// every address of the site through the filter `url`, so their pages need not be rewritten.
pub fn is_built_in_template(name: &str, text: &str) -> bool {
    BUILT_IN_HUB
        .get_file(format!("templates/{name}"))
        .is_some_and(|file| file.contents() == text.as_bytes())
}

/// A font of the built-in theme (`themes/hub/fonts/<name>`), for the booklet PDF. Fonts are
/// part of the binary, so a build never fetches or looks for one on the machine.
pub fn built_in_font(name: &str) -> Option<&'static [u8]> {
    BUILT_IN_HUB
        .get_file(format!("fonts/{name}"))
        .map(|file| file.contents())
}
