//! The third shortcut: an edit of templates (the site's `templates/` overrides or the theme's)
//! or of static files (`static/`, the theme's `static/`), the content unchanged. The template
//! set is read and parsed again (a problem in it runs the whole pipeline, which reports it as
//! a build does); then only the outputs whose template needs an edited file are rendered again:
//! a content page's template is its front matter's or its kind's, a group of pages made from
//! the model records the templates it rendered with
//! ([`GeneratedRecord::templates`](crate::render::inputs::GeneratedRecord)), and each
//! template's set of files (what it extends and includes, all the way down) is derived from
//! the templates and proven complete by Tera ([`TemplateDeps`]). The pages rendered again are
//! checked as a build checks them (origins, links) and take their places in the last build;
//! every other file is the last build's. Nothing else reads a template: the model, search,
//! feeds and the sitemap are made without them.
//!
//! A static file's bytes are published as they are, but for style sheets, which are checked
//! for loads from other origins and, on a site hosted under a folder, have their root-relative
//! addresses put under it: those are read again, checked and made again. Pages link to static
//! files by their plain names in `serve` (only `hubsite build` publishes fingerprinted copies
//! and points pages at them: `output::host`), so no page changes with a static file. A file
//! added, removed or moved among the static files (which the model reads: the favicon) runs the
//! whole pipeline.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::partial::PartialSplice;
use super::splice::Splice;
use super::{Changes, Edited, Kept, fit_last_build, replace_files};
use crate::diag::{Diagnostics, display_path};
use crate::load::theme::load_theme;
use crate::load::{
    Asset, AssetSource, Template, hash_sheets_and_scripts, is_css_file, is_html_file,
    read_stylesheets,
};
use crate::model::{ById, PageId, UrlPath};
use crate::output::origins::{self, CleanPages};
use crate::output::{self, Contents, Output};
use crate::pipeline::{BuildOptions, Built};
use crate::render::cache::RenderCache;
use crate::render::inputs::Generated;
use crate::render::partial::partial_alone;
use crate::render::templates::NOT_RENDERED;
use crate::render::{
    GeneratedSubset, PageHtml, RenderedPage, Templates, default_template, render_pages,
};
use crate::site_url::language_output_prefix;

/// Applies `changes` to `kept` if they edit only templates and static files the site has (a
/// template may be added or removed: an override); `None` otherwise, or when anything does not
/// fit (the whole pipeline then runs and reports it).
pub(super) fn apply_theme_edits(
    kept: &mut Kept,
    changes: &Changes,
    render: &Arc<RenderCache>,
    clean_pages: &CleanPages,
    options: &BuildOptions,
) -> Option<Edited> {
    if changes.config || changes.rescan || changes.paths.is_empty() {
        return None;
    }
    let edit = ThemeEdit::read(&kept.built, changes)?;
    let merged = Arc::clone(&kept.output);
    let mut parts: Vec<&Built> = vec![&kept.built];
    parts.extend(kept.built.others.iter());
    // Every language is planned before any is changed.
    let mut plans = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        let own = if index == 0 { &*merged } else { &part.output };
        plans.push(edit.plan(part, own, &merged, render, clean_pages)?);
    }
    let tags = kept.built.sources.config.languages.clone();
    // Pages Tera rendered (others came from the render cache: their template's files and
    // view are unchanged).
    let pages = render.stats().misses;
    let spliced = plans.iter().map(|plan| plan.spliced).sum();
    let mut same_links = BTreeSet::new();
    let mut replaced: BTreeMap<String, Contents> = BTreeMap::new();
    // What the edit replaces is freed beside the server rather than before it is told.
    let mut old_outputs = Vec::new();
    let mut old_templates = Vec::new();
    for (index, plan) in plans.into_iter().enumerate() {
        let part = match index {
            0 => &mut kept.built,
            _ => &mut kept.built.others[index - 1],
        };
        let folder = match index {
            0 => String::new(),
            _ => language_output_prefix(&tags[index]),
        };
        if index > 0 {
            let output = replace_files(&part.output, &plan.replaced);
            old_outputs.push(std::mem::replace(&mut part.output, output));
        }
        same_links.extend(plan.same_links.iter().map(|path| format!("{folder}{path}")));
        for (path, contents) in &plan.replaced {
            // Static files are published once, by the default language.
            if index == 0 || !plan.assets.contains(path) {
                replaced.insert(format!("{folder}{path}"), contents.clone());
            }
        }
        for (id, reads) in plan.reads {
            part.inputs.set(id, reads);
        }
        for (group, record) in plan.records {
            part.inputs.set_generated(group, record);
        }
        if let Some(templates) = plan.templates {
            old_templates.push(std::mem::replace(&mut part.templates, templates));
            part.sources.templates = edit.templates.clone();
        }
        if let Some((stylesheets, hashes)) = plan.sheets {
            part.sources.stylesheets = stylesheets;
            part.sources.asset_hashes = hashes;
        }
    }
    let replaced_paths: Vec<String> = replaced
        .keys()
        .filter(|path| !same_links.contains(*path))
        .cloned()
        .collect();
    let output = Arc::new(replace_files(&merged, &replaced));
    kept.output = Arc::clone(&output);
    kept.built.warnings =
        super::warnings_again(&kept.built, &merged, &output, &replaced_paths, options.now);
    std::thread::spawn(move || drop((old_outputs, old_templates)));
    Some(Edited {
        output,
        pages,
        spliced,
    })
}

/// What a batch changed among templates and static files, read again from disk.
struct ThemeEdit {
    /// The template set as it is now.
    templates: Vec<Template>,
    /// The names of the templates whose text changed, that were added or removed.
    changed_templates: BTreeSet<String>,
    /// The static files the batch names (whose bytes may have changed).
    changed_assets: Vec<Asset>,
}

impl ThemeEdit {
    /// The batch's templates and static files read again; `None` if it names anything else,
    /// the theme has a problem, or a static file was added, removed or moved.
    fn read(built: &Built, changes: &Changes) -> Option<ThemeEdit> {
        let sources = &built.sources;
        let root = &sources.root;
        let mut problems = Diagnostics::default();
        let theme = load_theme(root, &sources.config.theme, &mut problems);
        if !problems.is_empty() {
            return None;
        }
        // The assets are the theme's and the site's static files, then the content's files.
        let content = root.join("content");
        let in_content = |asset: &Asset| matches!(&asset.source, AssetSource::Disk(path) if path.starts_with(&content));
        let old_static: Vec<&Asset> = sources.assets.iter().filter(|a| !in_content(a)).collect();
        let same_assets = theme.assets.len() == old_static.len()
            && theme
                .assets
                .iter()
                .zip(old_static)
                .all(|(new, old)| new.output_path == old.output_path && same_source(new, old));
        if !same_assets {
            return None;
        }
        let old: BTreeMap<&str, &Template> = sources
            .templates
            .iter()
            .map(|t| (t.name.as_str(), t))
            .collect();
        let new: BTreeMap<&str, &Template> = theme
            .templates
            .iter()
            .map(|t| (t.name.as_str(), t))
            .collect();
        let changed_templates: BTreeSet<String> = old
            .keys()
            .chain(new.keys())
            .filter(|name| match (old.get(*name), new.get(*name)) {
                (Some(a), Some(b)) => a.file.path != b.file.path || a.file.text != b.file.text,
                _ => true,
            })
            .map(|name| (*name).to_owned())
            .collect();
        let template_files: BTreeSet<&Path> = old
            .values()
            .chain(new.values())
            .map(|t| t.file.path.as_path())
            .collect();
        let asset_files: BTreeMap<PathBuf, &Asset> = theme
            .assets
            .iter()
            .filter_map(|asset| match &asset.source {
                AssetSource::Disk(path) => Some((display_path(root, path), asset)),
                AssetSource::Embedded(_) => None,
            })
            .collect();
        let mut changed_assets = Vec::new();
        for path in &changes.paths {
            if template_files.contains(path.as_path()) {
                continue;
            }
            changed_assets.push(Asset::clone(asset_files.get(path)?));
        }
        Some(ThemeEdit {
            templates: theme.templates,
            changed_templates,
            changed_assets,
        })
    }

    /// One language's part of the edit, made and checked but not yet applied: `own` is its
    /// output, `merged` every language's.
    fn plan(
        &self,
        part: &Built,
        own: &Output,
        merged: &Output,
        render: &Arc<RenderCache>,
        clean_pages: &CleanPages,
    ) -> Option<Plan> {
        let mut plan = Plan::default();
        if !self.changed_templates.is_empty() {
            self.plan_templates(part, own, merged, render, clean_pages, &mut plan)?;
        }
        if !self.changed_assets.is_empty() {
            self.plan_assets(part, &mut plan)?;
        }
        Some(plan)
    }

    /// The pages whose templates need an edited file, rendered again with the new set.
    fn plan_templates(
        &self,
        part: &Built,
        own: &Output,
        merged: &Output,
        render: &Arc<RenderCache>,
        clean_pages: &CleanPages,
        plan: &mut Plan,
    ) -> Option<()> {
        let (sources, site) = (&part.sources, &part.site);
        // Made as a build makes them (`pipeline::one_language`).
        let templates = Templates::parse(&self.templates)
            .ok()?
            .with_urls(&sources.config.urls)
            .with_cache(Arc::clone(render))
            .with_messages(Arc::clone(&site.messages))
            .with_languages(Arc::clone(&site.languages));
        let deps = templates.deps()?;
        let needs = |name: &str| deps.needs_any(name, &self.changed_templates);
        let mut ids: Vec<PageId> = site
            .pages
            .ids()
            .filter(|&id| {
                let page = &site.pages[id];
                needs(
                    page.template
                        .as_deref()
                        .unwrap_or_else(|| default_template(page.kind)),
                )
            })
            .collect();
        let mut groups: Vec<Generated> = Generated::ALL
            .into_iter()
            .filter(|group| {
                part.inputs
                    .generated()
                    .get(group)
                    .is_none_or(|record| record.templates.iter().any(|t| needs(t)))
            })
            .collect();
        // A shared partial's edit: its new output spliced into the pages that hold it.
        if let Some(partial) = partial_alone(&part.templates, &templates, &self.changed_templates) {
            let splice = PartialSplice {
                partial: &partial,
                old: &part.templates,
                splice: Splice {
                    old: site,
                    site,
                    templates: &templates,
                    sources,
                    own,
                    merged,
                    clean_pages,
                },
            };
            if let Some(spliced) = splice.pages(&ids, &groups, part.inputs.generated(), deps) {
                (ids, groups) = (spliced.rest_ids, spliced.rest_groups);
                plan.spliced = spliced.files.len();
                for (path, bytes) in spliced.files {
                    if spliced.same_links {
                        plan.same_links.insert(path.clone());
                    }
                    plan.replaced.insert(path, Contents::Bytes(bytes));
                }
            }
        }
        // In a group, a page whose template needs no edited file is not rendered: it is the
        // last build's as it was. Any other output that took such a render in (none does)
        // would show it, and is left to the whole pipeline.
        let only = templates.only_needing(self.changed_templates.clone());
        let (mut rendered, reads, records) = render_pages(
            site,
            &only,
            &ids,
            &groups,
            GeneratedSubset::EVERY,
            &part.downloads,
            None,
        )
        .ok()?;
        let skipped = |html: &str| html == NOT_RENDERED;
        let took_in = |html: &str| html != NOT_RENDERED && html.contains(NOT_RENDERED);
        if rendered.pages.iter().any(|p| took_in(p.html.in_memory()))
            || took_in(&rendered.not_found)
        {
            return None;
        }
        // A page that came out as the last build has it fits as it did: only the others are
        // checked and replaced (a group is rendered whole, most of its pages the same).
        rendered
            .pages
            .retain(|page| !skipped(page.html.in_memory()));
        rendered.pages.retain(|page| {
            !matches!(own.get(&page.url.output_file()).map(|f| &f.contents),
                Some(Contents::Bytes(bytes)) if **bytes == page.html.in_memory().as_bytes())
        });
        // The same pages as before: the model did not change.
        let same_pages = records.iter().all(|(group, record)| {
            part.inputs.generated().get(group).map(|old| &old.pages) == Some(&record.pages)
        });
        if !same_pages {
            return None;
        }
        let not_found = groups.contains(&Generated::NotFound)
            && !skipped(&rendered.not_found)
            && !matches!(own.get("404.html").map(|f| &f.contents),
                Some(Contents::Bytes(bytes)) if **bytes == rendered.not_found.as_bytes());
        if !fit_last_build(
            sources,
            &rendered.pages,
            &rendered.site_links,
            own,
            merged,
            clean_pages,
        ) {
            return None;
        }
        if not_found {
            let page = RenderedPage {
                url: UrlPath::root(),
                html: PageHtml::Text(std::mem::take(&mut rendered.not_found)),
                source: PathBuf::from("404.html"),
                last_modified: None,
            };
            let page = [page];
            if !origins::not_found_origins(sources, page[0].html.in_memory()).is_empty()
                || !fit_last_build(sources, &page, &[], own, merged, clean_pages)
            {
                return None;
            }
            let [page] = page;
            plan.replaced.insert(
                "404.html".to_owned(),
                Contents::Bytes(Arc::new(page.html.into_bytes())),
            );
        }
        for page in rendered.pages {
            plan.same_links.remove(&page.url.output_file());
            plan.replaced.insert(
                page.url.output_file(),
                Contents::Bytes(Arc::new(page.html.into_bytes())),
            );
        }
        if !plan.replaced.keys().all(|path| own.get(path).is_some()) {
            return None;
        }
        plan.reads = reads;
        plan.records = records;
        plan.templates = Some(templates);
        Some(())
    }

    /// The style sheets read again and checked, and the edited ones made again as a build
    /// makes them (`output::build_outputs`); any other static file is published from disk.
    fn plan_assets(&self, part: &Built, plan: &mut Plan) -> Option<()> {
        // An HTML file published as written is checked by the whole pipeline's origin check.
        if self
            .changed_assets
            .iter()
            .any(|a| is_html_file(&a.output_path))
        {
            return None;
        }
        let mut sources = part.sources.clone();
        let mut problems = Diagnostics::default();
        sources.stylesheets = read_stylesheets(&sources.root, &sources.assets, &mut problems);
        if !problems.is_empty() || !origins::stylesheet_origins(&sources).is_empty() {
            return None;
        }
        let config = &part.site.config;
        for asset in &self.changed_assets {
            let path = &asset.output_path;
            if !is_css_file(path) {
                continue;
            }
            let sheet = sources
                .assets
                .iter()
                .filter(|a| is_css_file(&a.output_path))
                .zip(&sources.stylesheets)
                .find(|(a, _)| a.output_path == *path)
                .map(|(_, sheet)| sheet)?;
            plan.replaced
                .insert(path.clone(), output::stylesheet_contents(config, sheet));
            plan.assets.insert(path.clone());
        }
        plan.sheets = Some((
            sources.stylesheets,
            hash_sheets_and_scripts(&sources.assets),
        ));
        Some(())
    }
}

/// One language's part of a theme edit.
#[derive(Default)]
struct Plan {
    /// Files of this language's output to replace, by their own paths.
    replaced: BTreeMap<String, Contents>,
    /// Which of them are static files (published once, by the default language).
    assets: BTreeSet<String>,
    reads: Vec<(PageId, crate::render::inputs::PageReads)>,
    records: Vec<(Generated, crate::render::inputs::GeneratedRecord)>,
    /// The new template set, when templates changed.
    templates: Option<Templates>,
    /// Pages spliced with a shared partial's new output ([`super::partial`]), among `replaced`.
    spliced: usize,
    /// Those of them that link where their last version did: the warnings need not read them.
    same_links: BTreeSet<String>,
    /// The style sheets and the hashes of style sheets and scripts, when static files changed.
    sheets: Option<(Vec<crate::diag::SourceFile>, BTreeMap<String, u64>)>,
}

/// Whether two static files of the same output path come from the same place.
fn same_source(a: &Asset, b: &Asset) -> bool {
    match (&a.source, &b.source) {
        (AssetSource::Disk(a), AssetSource::Disk(b)) => a == b,
        (AssetSource::Embedded(a), AssetSource::Embedded(b)) => std::ptr::eq(*a, *b),
        _ => false,
    }
}
