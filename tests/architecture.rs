//! The pipeline held by the tests: no module imports a later stage.
//!
//! hubsite is one crate whose top-level modules are the stages (load -> model -> render ->
//! output -> check -> write -> pipeline) with leaf modules below them and the commands above.
//! This test parses every file of `src/` with `syn`, resolves each `crate::` and `super::`
//! path to the top-level module it names, and fails on any path that goes against the
//! pipeline (a later stage, or a command). Comments and doc links are not paths, so they may
//! mention any module.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// Each top-level module and its place in the pipeline: a module may use modules at its own
/// level or below. Leaves (level 0) are helpers every stage shares.
const LEVELS: &[(&str, u8)] = &[
    ("diag", 0),
    ("error", 0),
    ("fingerprint", 0),
    ("css_scan", 0),
    ("html_scan", 0),
    ("parse", 0),
    ("qr", 0),
    ("languages", 0),
    ("site_url", 0),
    ("text", 0),
    ("written", 0),
    ("config", 1),
    ("load", 2),
    ("model", 3),
    ("render", 4),
    ("output", 5),
    ("check", 6),
    ("write", 7),
    ("pipeline", 8),
    ("import", 9),
    ("probe", 9),
    ("reference", 9),
    ("scaffold", 9),
    ("serve", 9),
    ("cli", 9),
];

fn level(module: &str) -> Option<u8> {
    LEVELS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The module path of a file: `src/render/programme/mod.rs` is `render::programme`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// Collects the top-level module each `crate::`/`super::` path leads to.
struct Targets<'a> {
    module: &'a [String],
    /// Nesting of inline `mod x { .. }` blocks, which `super` climbs out of first.
    inline: usize,
    found: BTreeSet<String>,
}

impl Targets<'_> {
    fn resolve(&mut self, segments: &[String]) {
        let Some(first) = segments.first() else {
            return;
        };
        let target = match first.as_str() {
            "crate" => segments.get(1).cloned(),
            "super" => {
                let supers = segments.iter().take_while(|s| *s == "super").count();
                let climbs = supers.saturating_sub(self.inline);
                let depth = self.module.len();
                if climbs == 0 || climbs < depth {
                    // Still inside this file's own top-level module.
                    return;
                }
                segments.get(supers).cloned()
            }
            _ => return,
        };
        if let Some(target) = target {
            self.found.insert(target);
        }
    }
}

impl<'ast> Visit<'ast> for Targets<'_> {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.resolve(&segments);
        syn::visit::visit_path(self, path);
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let mut paths = Vec::new();
        flatten(&item.tree, &mut Vec::new(), &mut paths);
        for segments in paths {
            self.resolve(&segments);
        }
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        self.inline += usize::from(item.content.is_some());
        syn::visit::visit_item_mod(self, item);
        self.inline -= usize::from(item.content.is_some());
    }
}

/// Every path a `use` tree names, as segments.
fn flatten(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => out.push([prefix.clone(), vec![n.ident.to_string()]].concat()),
        syn::UseTree::Rename(r) => out.push([prefix.clone(), vec![r.ident.to_string()]].concat()),
        syn::UseTree::Glob(_) => out.push(prefix.clone()),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| flatten(t, prefix, out)),
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("src/ is readable").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every import of `src/` against the pipeline, as `file: stage -> later stage`.
fn violations() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let module = module_path(&src, &file);
        // The binary's root and the scaffold's starter site are not library stages.
        let Some(top) = module.first() else { continue };
        if top == "main" || file.components().any(|c| c.as_os_str() == "site") {
            continue;
        }
        let Some(own) = level(top) else {
            found.push(format!(
                "{}: `{top}` has no place in the pipeline: add it to LEVELS in tests/architecture.rs",
                file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&file).display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("source is readable");
        let syntax = syn::parse_file(&text).expect("source parses");
        let mut targets = Targets {
            module: &module,
            inline: 0,
            found: BTreeSet::new(),
        };
        targets.visit_file(&syntax);
        for target in targets.found.iter().filter(|t| *t != top) {
            match level(target) {
                Some(theirs) if theirs <= own => {}
                Some(_) => found.push(format!(
                    "{}: `{top}` imports `{target}`, a later stage",
                    file.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                        .unwrap_or(&file)
                        .display()
                )),
                None => found.push(format!(
                    "{}: `{target}` has no place in the pipeline: add it to LEVELS",
                    file.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                        .unwrap_or(&file)
                        .display()
                )),
            }
        }
    }
    found
}

#[test]
fn no_module_imports_a_later_stage() {
    let found = violations();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_top_level_module_has_a_place_in_the_pipeline() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs is readable");
    let syntax = syn::parse_file(&lib).expect("lib.rs parses");
    for item in syntax.items {
        if let syn::Item::Mod(module) = item {
            let name = module.ident.to_string();
            assert!(level(&name).is_some(), "`{name}` has no place in LEVELS");
        }
    }
}

/// The check itself can fail: a later stage named from an earlier one is caught, through
/// `crate::` and through `super::`, while a doc comment naming it is not.
#[test]
fn the_check_catches_an_import_against_the_pipeline() {
    let source = "//! See [`crate::output`].\nuse crate::output::Output;\nfn f() { super::super::write::x(); }";
    let syntax = syn::parse_file(source).expect("parses");
    let module = vec!["render".to_owned(), "booklet".to_owned()];
    let mut targets = Targets {
        module: &module,
        inline: 0,
        found: BTreeSet::new(),
    };
    targets.visit_file(&syntax);
    assert_eq!(
        targets.found.into_iter().collect::<Vec<_>>(),
        ["output", "write"]
    );
}
