//! The search page, `/search/`: the form, the kind filter and an empty results list that
//! `js/search.js` fills in; without JavaScript, a clear message and ways to browse instead.

use std::path::PathBuf;

use crate::text::plural::{Plural, whole_number_samples};
use serde::Serialize;

use crate::diag::{Code, Diagnostic};
use crate::model::i18n::ArgValue;
use crate::model::paths::{DIRECTORY_A_TO_Z, Section};
use crate::model::search::{SearchKind, kinds_present};
use crate::model::{Site, UrlPath};
use crate::render::templates::Templates;
use crate::render::views::{Link, SiteView, is_published, shows_exit};
use crate::render::{PageHtml, RenderedPage};

/// The view of the search page.
#[derive(Debug, Serialize)]
pub struct SearchView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// Its full public address.
    pub canonical_url: String,
    /// The kinds of result the site has, for the filter.
    pub kinds: Vec<KindOption>,
    /// Where to browse without search: the A to Z, topics, the programme (those that exist);
    /// each title is the name of the theme's message for it.
    pub browse: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
    /// What the script says, in the site's language.
    pub messages: Vec<ScriptMessage>,
}

/// A message the search script shows, as the page hands it over: `{count}`, `{query}`,
/// `{kind}` and `{section}` are filled in by the script.
#[derive(Debug, Serialize)]
pub struct ScriptMessage {
    /// How the script asks for it (`count-kind`).
    pub name: &'static str,
    /// Its text, when it has no plural forms.
    pub text: Option<String>,
    /// Its text for each of the language's CLDR plural categories, when it counts.
    pub plurals: Vec<PluralForm>,
}

/// One plural form of a message: what `data-plural-<category>` holds.
#[derive(Debug, Serialize)]
pub struct PluralForm {
    /// `zero`, `one`, `two`, `few`, `many` or `other`.
    pub category: &'static str,
    /// The message in that form.
    pub text: String,
}

/// One choice of the kind filter.
#[derive(Debug, Serialize)]
pub struct KindOption {
    /// The code the index uses (`self-help`).
    pub code: &'static str,
}

/// Renders `/search/`.
pub fn render_search_page(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
) -> Result<RenderedPage, Diagnostic> {
    let present = kinds_present(site);
    let kinds = SearchKind::ALL
        .into_iter()
        .filter(|k| present.contains(k))
        .map(|k| KindOption { code: k.code() })
        .collect();
    let browse = [
        ("search-browse-a-to-z", DIRECTORY_A_TO_Z),
        ("search-browse-topics", Section::Topics.url()),
        ("search-browse-programme", Section::Programme.url()),
        ("search-browse-self-help", "/self-help/"),
    ]
    .into_iter()
    .filter(|(_, url)| is_published(site, url))
    .map(|(title, url)| Link::new(title.to_owned(), url.to_owned()))
    .collect();
    let view = SearchView {
        site: site_view,
        canonical_url: site.config.absolute_url(Section::Search.url()),
        kinds,
        browse,
        // Always, when the site has anything sensitive: the page is the same for every query
        // (results are drawn in the reader's browser), so it works without JavaScript and the
        // control never appears under the reader's finger halfway through typing.
        show_exit: shows_exit(site, Section::Search.name(), site.sensitivity()),
        messages: script_messages(site),
    };
    let html = templates.render("search.html", &view, "search page")?;
    let url = UrlPath::from_slugs(&[crate::model::Slug::parse("search")
        .map_err(|e| Diagnostic::file("search", e.to_string()).code(Code::Internal))?]);
    Ok(RenderedPage {
        url,
        html: PageHtml::Text(html),
        source: PathBuf::from("search"),
        last_modified: None,
    })
}

/// The words `js/search.js` shows, from the theme's messages in the site's language.
fn script_messages(site: &Site) -> Vec<ScriptMessage> {
    let text = |name, key| ScriptMessage {
        name,
        text: Some(site.t_with(key, &placeholders())),
        plurals: Vec::new(),
    };
    let counted = |name, key| ScriptMessage {
        name,
        text: None,
        plurals: plural_forms(site, key),
    };
    vec![
        counted("count", "search-result-count"),
        counted("count-kind", "search-result-count-kind"),
        text("none", "search-no-results"),
        text("none-kind", "search-no-results-kind"),
        text("failed", "search-failed"),
        text("kind-in-section", "search-kind-in-section"),
    ]
}

/// The script's placeholders, as the values of a message's variables.
fn placeholders() -> Vec<(&'static str, ArgValue)> {
    ["number", "query", "kind", "section"]
        .into_iter()
        .map(|name| {
            let placeholder = if name == "number" { "count" } else { name };
            (name, ArgValue::Text(format!("{{{placeholder}}}")))
        })
        .collect()
}

/// Message `key` in each plural category of the site's language: formatted with a number of
/// that category as `$count`, and the script's placeholders as the other variables. A script
/// falls back to `other`, which some languages' whole numbers never reach (Polish's is for
/// fractions): it is given with a fraction then.
fn plural_forms(site: &Site, key: &str) -> Vec<PluralForm> {
    let mut samples: Vec<(&'static str, f64)> = whole_number_samples(&site.config.language)
        .into_iter()
        .map(|(category, n)| (category.name(), f64::from(n)))
        .collect();
    if !samples
        .iter()
        .any(|(category, _)| *category == Plural::Other.name())
    {
        samples.push((Plural::Other.name(), 1.5));
    }
    samples
        .into_iter()
        .map(|(category, n)| {
            let mut args = placeholders();
            args.push(("count", ArgValue::Number(n)));
            PluralForm {
                category,
                text: site.t_with(key, &args),
            }
        })
        .collect()
}
