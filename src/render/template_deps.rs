//! Which template files each template needs: itself, what it extends, what it and they
//! include (and, when a template defines Tera components, every template that defines one).
//!
//! Derived statically from the templates' text rather than recorded while rendering: Tera
//! does not say which templates a render reached, and a template's set is the same for every
//! page it renders, so it is found once per template set. The scan ([`scan_references`]) may
//! find too much (a name in a comment or a `raw` block) but must not find too little, and that
//! is proven by Tera itself: the set is parsed on its own as a template set
//! ([`Templates::parse`]), which fails when a template in it extends, includes or calls a
//! component of a template outside it. A set that cannot be proven is `None`: the template
//! then counts as needing every file. `serve` uses the sets to render again, after an edit of
//! templates, only the pages whose template needs an edited file, and keys its render cache on
//! the texts of a template's set rather than of every template.

use std::collections::{BTreeMap, BTreeSet};

use crate::fingerprint::Fingerprinter;
use crate::load::Template;
use crate::render::Templates;

/// Each template's set of template files (names), proven complete, or `None` when it could
/// not be: then it needs every file.
#[derive(Debug, Clone, Default)]
pub struct TemplateDeps {
    sets: BTreeMap<String, Option<BTreeSet<String>>>,
    /// A fingerprint of the names and texts of each proven set, for the render cache.
    fingerprints: BTreeMap<String, u128>,
}

/// What has been proven of template sets, by [`set_fingerprint`]: `serve` keeps it between
/// rebuilds, so a set is parsed on its own once, not after every edit.
pub type Proven = std::collections::HashMap<u128, bool>;

impl TemplateDeps {
    /// The sets of every template of `templates`, proving each with `proven`'s answers or by
    /// parsing it (and remembering the answer in `proven`).
    pub fn new(templates: &[Template], proven: &mut Proven) -> TemplateDeps {
        let by_name: BTreeMap<&str, &Template> =
            templates.iter().map(|t| (t.name.as_str(), t)).collect();
        let direct: BTreeMap<&str, Vec<String>> = templates
            .iter()
            .map(|t| (t.name.as_str(), scan_references(&t.file.text)))
            .collect();
        // Components are found by name across the whole set: any template that defines one
        // is in every set, if there are any.
        let definers: Vec<&str> = templates
            .iter()
            .filter(|t| defines_component(&t.file.text))
            .map(|t| t.name.as_str())
            .collect();
        let mut deps = TemplateDeps::default();
        for template in templates {
            let mut set = BTreeSet::new();
            let mut todo: Vec<&str> = vec![template.name.as_str()];
            todo.extend(definers.iter().copied());
            let mut complete = true;
            while let Some(name) = todo.pop() {
                if !set.insert(name.to_owned()) {
                    continue;
                }
                match direct.get(name) {
                    Some(names) => todo.extend(names.iter().map(String::as_str)),
                    // A name no template has: the set can never parse on its own.
                    None => complete = false,
                }
            }
            let members: Vec<&Template> = set
                .iter()
                .filter_map(|n| by_name.get(n.as_str()).copied())
                .collect();
            let fingerprint = set_fingerprint(&members);
            let proven_complete = complete
                && *proven.entry(fingerprint).or_insert_with(|| {
                    let own: Vec<Template> = members.iter().copied().cloned().collect();
                    Templates::parse(&own).is_ok()
                });
            if proven_complete {
                deps.fingerprints.insert(template.name.clone(), fingerprint);
                deps.sets.insert(template.name.clone(), Some(set));
            } else {
                deps.sets.insert(template.name.clone(), None);
            }
        }
        deps
    }

    /// Whether rendering template `name` may read any of the template files `changed` (by
    /// name): always, when its set is unknown or not proven.
    pub fn needs_any(&self, name: &str, changed: &BTreeSet<String>) -> bool {
        match self.sets.get(name) {
            Some(Some(set)) => changed.iter().any(|c| set.contains(c)),
            _ => true,
        }
    }

    /// The fingerprint of template `name`'s proven set (names and texts), if it has one.
    pub fn fingerprint(&self, name: &str) -> Option<u128> {
        self.fingerprints.get(name).copied()
    }

    /// The proven set of template `name`.
    pub fn set(&self, name: &str) -> Option<&BTreeSet<String>> {
        self.sets.get(name)?.as_ref()
    }
}

/// A fingerprint of templates' names and texts, in the order given (name order).
fn set_fingerprint(members: &[&Template]) -> u128 {
    let mut fingerprint = Fingerprinter::new();
    for template in members {
        let name = template.name.as_bytes();
        let text = template.file.text.as_bytes();
        fingerprint
            .add(&name.len().to_le_bytes())
            .add(name)
            .add(&text.len().to_le_bytes())
            .add(text);
    }
    fingerprint.finish()
}

/// The names a template's text extends or includes: every `{% extends "..." %}` and
/// `{% include "..." %}` (with `{%-`, any quotes Tera takes), wherever they are.
pub fn scan_references(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for tag in tags(text) {
        let Some(rest) = tag
            .strip_prefix("include")
            .or_else(|| tag.strip_prefix("extends"))
        else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`'))
        else {
            continue;
        };
        if let Some((name, _)) = rest[1..].split_once(quote) {
            names.push(name.to_owned());
        }
    }
    names
}

/// The names a template's text includes (not those it extends): every `{% include "..." %}`.
pub fn scan_includes(text: &str) -> Vec<String> {
    tags(text)
        .filter_map(|tag| quoted_name(tag.strip_prefix("include")?))
        .collect()
}

/// The quoted name at the start of `rest` (after spaces), in any quotes Tera takes.
fn quoted_name(rest: &str) -> Option<String> {
    let rest = rest.trim_start();
    let quote = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    rest[1..].split_once(quote).map(|(name, _)| name.to_owned())
}

/// The names a template's text sets, wherever it sets them: `{% set NAME %}` and
/// `{% set_global NAME %}` (not a loop's variables). May find too much, never too little.
pub fn scan_sets(text: &str) -> Vec<String> {
    tags(text)
        .filter_map(|tag| {
            let rest = tag
                .strip_prefix("set_global")
                .or_else(|| tag.strip_prefix("set"))?;
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

/// Whether a template's text defines a Tera component (`{% component Name(...) %}`).
pub fn defines_component(text: &str) -> bool {
    tags(text).any(|tag| tag.starts_with("component"))
}

/// The start of every tag's contents, after `{%` or `{%-` and any spaces.
fn tags(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("{%").map(move |(at, _)| {
        let rest = &text[at + 2..];
        rest.strip_prefix('-').unwrap_or(rest).trim_start()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(name: &str, text: &str) -> Template {
        Template::from_text(name, text)
    }

    #[test]
    fn references_are_found_in_every_spelling_tera_takes() {
        let text = "{% extends \"base.html\" %}{%- include 'a.html' -%}{%include `b.html`%}\
                    {% block x %}{%   include \"c.html\" %}{% endblock x %}{{ include }}";
        assert_eq!(
            scan_references(text),
            ["base.html", "a.html", "b.html", "c.html"]
        );
    }

    #[test]
    fn includes_and_sets_are_found_in_every_spelling() {
        let text = "{% extends \"base.html\" %}{%- include 'a.html' -%}{% set x = 1 %}\
                    {%- set_global y = 2 %}{% for k, v in m %}{% endfor %}{% for i in l %}\
                    {% endfor %}{% set z %}b{% endset %}{{ set }}";
        assert_eq!(scan_includes(text), ["a.html"]);
        assert_eq!(scan_sets(text), ["x", "y", "z"]);
    }

    #[test]
    fn a_set_is_what_a_template_extends_and_includes_all_the_way_down() {
        let templates = [
            template(
                "base.html",
                "<main>{% block main %}{% endblock main %}</main>{% include \"footer.html\" %}",
            ),
            template(
                "footer.html",
                "<footer>{% include \"links.html\" %}</footer>",
            ),
            template("links.html", "<a href=\"/\">home</a>"),
            template(
                "page.html",
                "{% extends \"base.html\" %}{% block main %}{% include \"card.html\" %}{% endblock main %}",
            ),
            template("card.html", "<div></div>"),
            template("404.html", "<p>Not found</p>"),
        ];
        let deps = TemplateDeps::new(&templates, &mut Proven::new());
        let set: Vec<&str> = deps
            .set("page.html")
            .unwrap()
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(
            set,
            [
                "base.html",
                "card.html",
                "footer.html",
                "links.html",
                "page.html"
            ]
        );
        let changed = |name: &str| BTreeSet::from([name.to_owned()]);
        assert!(deps.needs_any("page.html", &changed("links.html")));
        assert!(!deps.needs_any("404.html", &changed("links.html")));
        assert!(deps.needs_any("404.html", &changed("404.html")));
        assert!(deps.needs_any("unknown.html", &changed("404.html")));
        assert_ne!(deps.fingerprint("page.html"), deps.fingerprint("404.html"));
    }

    #[test]
    fn a_set_the_scan_cannot_prove_needs_every_file() {
        // It includes a template the set does not have: its own set cannot parse alone.
        let templates = [
            template("page.html", "{% include \"missing.html\" %}"),
            template("other.html", "<p></p>"),
        ];
        let deps = TemplateDeps::new(&templates, &mut Proven::new());
        assert!(deps.set("page.html").is_none());
        assert!(deps.needs_any("page.html", &BTreeSet::from(["other.html".to_owned()])));
        assert!(deps.fingerprint("page.html").is_none());
        assert!(deps.set("other.html").is_some());
    }

    #[test]
    fn proofs_are_remembered_by_the_sets_texts() {
        let templates = [template("a.html", "<p></p>")];
        let mut proven = Proven::new();
        TemplateDeps::new(&templates, &mut proven);
        assert_eq!(proven.len(), 1);
        // A forged answer stands for the same texts: the set is not parsed again.
        for answer in proven.values_mut() {
            *answer = false;
        }
        assert!(
            TemplateDeps::new(&templates, &mut proven)
                .set("a.html")
                .is_none()
        );
    }
}
