//! A shared partial (the footer) rendered alone, for `serve` to splice an edit of it into the
//! kept pages instead of rendering every page again.
//!
//! The theme's `base.html`, which every page's template extends, includes its partials
//! `partials/footer.html` once, at its top level: outside every block, `if`, `for` and filter
//! section, so that every render of a template that extends it renders the partial exactly once
//! and no child template can wrap it ([`TOP_LEVEL_PARTIALS`], pinned by a test). Tera's include
//! renders the partial with the includer's variables: its own `set`s first, then those the page's
//! templates set, then the page's view. A partial that reads only `site` (and what it sets
//! itself) renders the same inside every page of a language as alone with the language's
//! [`SiteView`], which every view holds as `site`, made once per language by
//! [`crate::render::views::site_view`], provided no template of the set binds `site` or a name the
//! partial binds ([`partial_alone`] says what is checked; [`Templates::render_partial`] renders
//! it). Where the partial is in a page is then found by its bytes (`pipeline/cache/partial.rs`).

use std::collections::BTreeSet;

use serde::Serialize;

use crate::load::{Template, is_built_in_template};
use crate::render::Templates;
use crate::render::template_deps::{defines_component, scan_includes, scan_references, scan_sets};
use crate::render::views::SiteView;

/// The template every page's template extends.
pub const BASE: &str = "base.html";

/// The partials the theme's own `base.html` includes once at its top level (outside every
/// block, `if`, `for` and filter section): every page that extends it renders each once.
pub const TOP_LEVEL_PARTIALS: &[&str] = &["partials/footer.html"];

/// All a partial rendered alone reads of a page's view: the site.
#[derive(Debug, Serialize)]
pub struct PartialView<'a> {
    /// The language's site, as every page's view has it.
    pub site: &'a SiteView,
}

/// A partial whose edit may be spliced: its name, and the names it sets (old and new text),
/// which neither the page's view ([`render_alone`]) nor its templates
/// ([`SplicedPartial::renders_alone_in`]) may hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplicedPartial {
    /// The partial's name (`partials/footer.html`).
    pub name: String,
    /// The names its old and new texts set (`set`, `set_global`).
    pub bindings: BTreeSet<String>,
}

/// The partial of an edit that changed only `changed` (by name), from the template set `old` to
/// `new`, when its output can be spliced into every page that includes it: it is one of
/// [`TOP_LEVEL_PARTIALS`], included by the theme's own `base.html` (unchanged) and by no other
/// template; no template includes `base.html` or defines a component; the partial (old and new)
/// includes and extends nothing, reads no variable but `site` (Tera's own reading of its
/// top-level variables), calls no `languages()` (which reads the page), does not dump the
/// context and sets no `site`. `None` otherwise. Which pages' templates let it render as alone
/// is [`SplicedPartial::renders_alone_in`].
pub fn partial_alone(
    old: &Templates,
    new: &Templates,
    changed: &BTreeSet<String>,
) -> Option<SplicedPartial> {
    let [name] = changed.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    if !TOP_LEVEL_PARTIALS.contains(&name.as_str()) {
        return None;
    }
    let mut bindings = BTreeSet::new();
    for templates in [old, new] {
        let partial = templates.sources().iter().find(|t| t.name == *name)?;
        if !scan_references(&partial.file.text).is_empty()
            || !templates.reads_only_site(name)
            || calls_page_readers(&partial.file.text)
        {
            return None;
        }
        bindings.extend(scan_sets(&partial.file.text));
    }
    for templates in [old, new] {
        if !set_fits(templates.sources(), name) {
            return None;
        }
    }
    (!bindings.contains("site")).then(|| SplicedPartial {
        name: name.clone(),
        bindings,
    })
}

impl SplicedPartial {
    /// Whether the template set `members` (a page's template's own, by name, among
    /// `templates`) lets the partial render inside its pages as alone: it holds the partial and
    /// `base.html` (the partial's only includer), and none of its other templates sets `site` or a name the partial sets (a `set` at a
    /// block's top level is seen by the partial's include; a loop's variables are the loop's).
    pub fn renders_alone_in(&self, members: &BTreeSet<String>, templates: &[Template]) -> bool {
        members.contains(&self.name)
            && members.contains(BASE)
            && templates
                .iter()
                .filter(|t| t.name != self.name && members.contains(&t.name))
                .all(|t| {
                    scan_sets(&t.file.text)
                        .iter()
                        .all(|b| b != "site" && !self.bindings.contains(b))
                })
    }
}

/// `partial` rendered alone by `templates` with the language's `site`, as every page of the
/// language that includes it holds it; `None` when it cannot be rendered alone, or a view
/// rendered in this process holds a name the partial binds: Tera reads a name the partial sets
/// only under a condition from the page's view when the condition fails.
pub fn render_alone(
    templates: &Templates,
    partial: &SplicedPartial,
    site: &SiteView,
) -> Option<String> {
    let cache = templates.cache()?;
    if partial.bindings.iter().any(|name| cache.a_view_holds(name)) {
        return None;
    }
    templates.render_partial(&partial.name, &PartialView { site })
}

/// Whether, in one template set, `name` is named only by the theme's own `base.html`, in one
/// include (no template extends it: a child overriding its blocks would render it otherwise
/// than alone), and nothing includes `base.html` or defines a component.
fn set_fits(templates: &[Template], name: &str) -> bool {
    let Some(base) = templates.iter().find(|t| t.name == BASE) else {
        return false;
    };
    if !is_built_in_template(BASE, &base.file.text) {
        return false;
    }
    templates.iter().all(|t| {
        let names_partial = scan_references(&t.file.text)
            .iter()
            .filter(|n| *n == name)
            .count();
        let expected = usize::from(t.name == BASE);
        names_partial == expected
            && !scan_includes(&t.file.text).iter().any(|n| n == BASE)
            && !defines_component(&t.file.text)
    })
}

/// Whether a partial's text may call a function that reads the page (`languages()`) or dump
/// the whole context (`__tera_context`): a scan that may find too much, never too little.
fn calls_page_readers(text: &str) -> bool {
    text.contains("__tera")
        || text
            .match_indices("languages")
            .any(|(at, _)| text[at + "languages".len()..].trim_start().starts_with('('))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where each partial of [`TOP_LEVEL_PARTIALS`] is included in a template's text: the names
    /// included at the top level (outside every block, `if`, `for`, filter section and `set`
    /// block), by a scan of the tags that opens and closes them. For the theme's own `base.html`,
    /// which holds no `raw` block or comment with a tag in it.
    fn top_level_includes(text: &str) -> Vec<String> {
        let mut depth: usize = 0;
        let mut names = Vec::new();
        for (at, _) in text.match_indices("{%") {
            let rest = &text[at + 2..];
            let tag = rest.strip_prefix('-').unwrap_or(rest).trim_start();
            let word: String = tag
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            match word.as_str() {
                "block" | "if" | "for" | "filter" => depth += 1,
                // A `set` without `=` is a block (`{% set x %}...{% endset %}`).
                "set" | "set_global" if !tag.split("%}").next().unwrap_or("").contains('=') => {
                    depth += 1;
                }
                w if w.starts_with("end") => depth = depth.saturating_sub(1),
                // The first include from here is this tag's.
                "include" if depth == 0 => {
                    names.extend(scan_includes(&text[at..]).into_iter().take(1))
                }
                _ => {}
            }
        }
        names
    }

    #[test]
    fn the_themes_base_includes_the_footer_once_at_its_top_level() {
        let site = tempfile::tempdir().unwrap();
        let mut problems = crate::diag::Diagnostics::default();
        let theme = crate::load::theme::load_theme(site.path(), "hub", &mut problems);
        let base = theme.templates.iter().find(|t| t.name == BASE).unwrap();
        let text = &base.file.text;
        for partial in TOP_LEVEL_PARTIALS {
            assert!(top_level_includes(text).iter().any(|n| n == partial));
            assert_eq!(
                scan_includes(text).iter().filter(|n| n == partial).count(),
                1
            );
        }
        // Nothing the scan cannot read: no raw block, no comment.
        assert!(!text.contains("{% raw") && !text.contains("{#"));
    }

    #[test]
    fn an_include_inside_a_block_or_an_if_is_not_at_the_top_level() {
        let text = "{% block a %}{% include \"x\" %}{% endblock a %}{% if b %}\
                    {% include \"y\" %}{% endif %}{% include \"z\" %}{% set s %}\
                    {% include \"w\" %}{% endset %}{% set t = 1 %}{% include \"v\" %}";
        assert_eq!(top_level_includes(text), ["z", "v"]);
    }

    #[test]
    fn a_call_of_languages_reads_the_page() {
        assert!(calls_page_readers("{% set l = languages () %}"));
        assert!(calls_page_readers("{{ __tera_context }}"));
        assert!(!calls_page_readers("{{ t(key=\"languages\") }}"));
    }
}
