//! Tera templates: parsed once per build, rendered from typed views, errors located.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use serde::Serialize;
use tera::{Context, ErrorKind, Kwargs, State, Tera, Value};

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::languages::SiteLanguages;
use crate::load::Template;
use crate::model::i18n::{ArgValue, DEFAULT_LANGUAGE, Direction, Messages, fluent_args};
use crate::render::cache::{RenderCache, RenderKey};
use crate::render::sentence::{Arg, sentence};
use crate::render::template_deps::TemplateDeps;
use crate::render::{cards, partial, pieces};
use crate::site_url::SiteUrls;

/// What a render gives for a template that [`Templates::only_needing`] leaves out: no page
/// holds it (a private-use character and a NUL), so a page that shows it whole, or any part
/// of a page that took it in, is found.
pub const NOT_RENDERED: &str = "\u{0}\u{F8FE}hubsite: not rendered again\u{F8FE}\u{0}";

/// The site's templates, parsed and ready to render.
pub struct Templates {
    tera: Arc<Tera>,
    /// Where each template came from, to locate errors.
    paths: Arc<BTreeMap<String, PathBuf>>,
    /// The templates as loaded, for [`TemplateDeps`] (`serve` only).
    sources: Arc<[Template]>,
    /// A hash of every template's name and text, and of what the template functions read.
    generation: u64,
    /// A hash of what the template functions read (addresses, the theme's words, languages):
    /// with a template's own set of files ([`TemplateDeps`]), what the render cache keys on.
    context: u64,
    /// Each template's set of files, when rendering for `serve` ([`Templates::with_cache`]).
    deps: Option<Arc<TemplateDeps>>,
    /// The names of the templates rendered, when asked ([`Templates::recording`]).
    used: Option<Arc<Mutex<BTreeSet<String>>>>,
    /// Edited templates: only a template that needs one is rendered, any other gives
    /// [`NOT_RENDERED`] ([`Templates::only_needing`]).
    only_needing: Option<Arc<BTreeSet<String>>>,
    /// Rendered HTML kept between builds by `hubsite serve`; `None` for one-off builds.
    cache: Option<Arc<RenderCache>>,
    /// Where the site is published: every page's root-relative links go under its folder.
    urls: SiteUrls,
    /// The same, for the filters `url` and `site_html` ([`Templates::with_urls`]).
    filter_urls: Arc<OnceLock<SiteUrls>>,
    /// Whether every template is the built-in theme's, which writes every address of the site
    /// through the filters `url` and `site_html`: then pages are made with their addresses
    /// under the site's folder ([`Addresses::Made`]) rather than rewritten once rendered.
    theme_only: bool,
    /// The theme's words, in every language the site has: the model's, given once the model
    /// is built ([`Templates::with_messages`]); the template functions `t` and `t_html` read it.
    messages: Arc<OnceLock<Arc<Messages>>>,
    /// The site's languages, and this language's addresses: the template function
    /// `languages` reads them ([`Templates::with_languages`]).
    languages: Arc<OnceLock<(Arc<SiteLanguages>, SiteUrls)>>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("names", &self.paths.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Templates {
    /// Parses every template; a syntax error is located in its file. Templates show the
    /// theme's words through `t(key="...")`, in the page's language, once
    /// [`Templates::with_messages`] has given them.
    pub fn parse(templates: &[Template]) -> Result<Templates, Diagnostics> {
        let paths: BTreeMap<_, _> = templates
            .iter()
            .map(|t| (t.name.clone(), t.file.path.clone()))
            .collect();
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        let messages: Arc<OnceLock<Arc<Messages>>> = Arc::default();
        tera.register_function(
            "t",
            Translate {
                messages: Arc::clone(&messages),
                markup: false,
                made: Made::default(),
            },
        );
        tera.register_function(
            "t_html",
            Translate {
                messages: Arc::clone(&messages),
                markup: true,
                made: Made::default(),
            },
        );
        let languages: Arc<OnceLock<(Arc<SiteLanguages>, SiteUrls)>> = Arc::default();
        tera.register_function(
            "languages",
            LanguageLinks {
                messages: Arc::clone(&messages),
                languages: Arc::clone(&languages),
                entries: OnceLock::new(),
            },
        );
        let filter_urls: Arc<OnceLock<SiteUrls>> = Arc::default();
        tera.register_filter(
            "url",
            UrlFilter {
                urls: Arc::clone(&filter_urls),
            },
        );
        tera.register_filter(
            "site_html",
            SiteHtmlFilter {
                urls: Arc::clone(&filter_urls),
            },
        );
        tera.register_function(
            "t_plurals",
            PluralAttributes {
                messages: Arc::clone(&messages),
                made: Made::default(),
            },
        );
        let theme_only = templates
            .iter()
            .all(|t| crate::load::is_built_in_template(&t.name, &t.file.text));
        // The built-in theme's include of a page's topic links is marked (`serve` splices
        // them), only when every template is the theme's: a site's own template could change
        // the markers (a filter section around `super()`) so that nothing strips them.
        let marked: Vec<(&str, Cow<str>)> = templates
            .iter()
            .map(|t| {
                let text = theme_only
                    .then(|| pieces::marked_template(&t.file.text).map(Cow::Owned))
                    .flatten();
                (
                    t.name.as_str(),
                    text.unwrap_or(Cow::Borrowed(t.file.text.as_str())),
                )
            })
            .collect();
        let sources = marked.iter().map(|(name, text)| (*name, text.as_ref()));
        let mut parsed = Templates {
            tera: Arc::new(tera),
            paths: Arc::new(paths),
            sources: Arc::from(templates),
            generation: template_set_hash(templates),
            context: 0,
            deps: None,
            used: None,
            only_needing: None,
            cache: None,
            urls: SiteUrls::default(),
            filter_urls,
            theme_only,
            messages,
            languages,
        };
        // Pages made with their addresses in place and pages rewritten once rendered are the
        // same bytes (tests/language_addresses.rs); the cache keeps them apart all the same.
        let theme_only = parsed.theme_only;
        parsed.mix(theme_only);
        let tera = Arc::get_mut(&mut parsed.tera).expect("a new template set is not shared");
        if let Err(error) = tera.add_raw_templates(sources) {
            let located = match error.kind() {
                ErrorKind::Msg(message) => parsed.located_reports(message),
                _ => Vec::new(),
            };
            if !located.is_empty() {
                return Err(Diagnostics(located));
            }
            return Err(parsed.diagnostic(&error, None).into());
        }
        Ok(parsed)
    }

    /// Renders for a site published at `urls`: root-relative links in every page the templates
    /// make (`/css/site.css`, `/self-help/`) go under its folder and the language's: made so by
    /// the theme's templates (the filters `url` and `site_html`), or, when the site has
    /// templates of its own, rewritten in each page once rendered ([`SiteUrls::rewrite_html`]).
    pub fn with_urls(mut self, urls: &SiteUrls) -> Templates {
        self.mix(urls);
        self.urls = urls.clone();
        // A fresh set of templates is given its addresses once, as its words.
        let _ = self.filter_urls.set(urls.clone());
        self
    }

    /// Uses `cache` to skip rendering pages whose template's files and view are unchanged.
    pub fn with_cache(mut self, cache: Arc<RenderCache>) -> Templates {
        self.deps = Some(Arc::new(cache.template_deps(&self.sources)));
        self.cache = Some(cache);
        self
    }

    /// Each template's set of files (`serve` only: see [`Templates::with_cache`]).
    pub fn deps(&self) -> Option<&TemplateDeps> {
        self.deps.as_deref()
    }

    /// The templates as loaded.
    pub fn sources(&self) -> &[Template] {
        &self.sources
    }

    /// The same templates, recording the name of each template rendered through them (and
    /// only them): what a group of pages used ([`Templates::used`]).
    pub fn recording(&self) -> Templates {
        Templates {
            used: Some(Arc::default()),
            ..self.shared()
        }
    }

    /// The same templates, rendering only templates whose set of files includes one of
    /// `changed` (by name; any template when the sets are not known): any other render gives
    /// [`NOT_RENDERED`] instead, without building the page's cache key or running Tera. For
    /// `serve` after an edit of templates, where such a page is the last build's as it was.
    pub fn only_needing(&self, changed: BTreeSet<String>) -> Templates {
        Templates {
            only_needing: Some(Arc::new(changed)),
            ..self.shared()
        }
    }

    /// Whether a render of template `name` gives [`NOT_RENDERED`] ([`Templates::only_needing`]):
    /// a page's view need not be built for it. It counts as a render of `name` for
    /// [`Templates::recording`].
    pub fn leaves_out(&self, name: &str) -> bool {
        let left_out = match (&self.only_needing, &self.deps) {
            (Some(changed), Some(deps)) => self.has(name) && !deps.needs_any(name, changed),
            _ => false,
        };
        if left_out
            && let Some(used) = &self.used
            && let Ok(mut used) = used.lock()
        {
            used.insert(name.to_owned());
        }
        left_out
    }

    /// These templates again, sharing everything.
    fn shared(&self) -> Templates {
        Templates {
            tera: Arc::clone(&self.tera),
            paths: Arc::clone(&self.paths),
            sources: Arc::clone(&self.sources),
            generation: self.generation,
            context: self.context,
            deps: self.deps.clone(),
            used: self.used.clone(),
            only_needing: self.only_needing.clone(),
            cache: self.cache.clone(),
            urls: self.urls.clone(),
            filter_urls: Arc::clone(&self.filter_urls),
            theme_only: self.theme_only,
            messages: Arc::clone(&self.messages),
            languages: Arc::clone(&self.languages),
        }
    }

    /// The templates rendered through these ([`Templates::recording`]); empty otherwise.
    pub fn used(&self) -> BTreeSet<String> {
        self.used
            .as_ref()
            .and_then(|used| used.lock().ok().map(|used| used.clone()))
            .unwrap_or_default()
    }

    /// Mixes `value` into the hashes the render cache keys on.
    fn mix(&mut self, value: impl Hash) {
        let mix = |seed: u64| {
            let mut hasher = DefaultHasher::new();
            (seed, &value).hash(&mut hasher);
            hasher.finish()
        };
        self.generation = mix(self.generation);
        self.context = mix(self.context);
    }

    /// What the render cache keys template `name` on: the texts of its own set of files when
    /// they are known, of every template otherwise.
    fn generation_of(&self, name: &str) -> u64 {
        match self.deps.as_ref().and_then(|deps| deps.fingerprint(name)) {
            Some(fingerprint) => {
                let mut hasher = DefaultHasher::new();
                (self.context, fingerprint).hash(&mut hasher);
                hasher.finish()
            }
            None => self.generation,
        }
    }

    /// Gives the templates the theme's words (the model's [`crate::model::Site::messages`]).
    pub fn with_messages(mut self, messages: Arc<Messages>) -> Templates {
        self.mix(messages.generation());
        // A fresh set of templates is given its words once; a second call keeps the first.
        let _ = self.messages.set(messages);
        self
    }

    /// Gives the templates the site's languages (the model's
    /// [`crate::model::Site::languages`]), for the template function `languages`; call it after
    /// [`Templates::with_urls`].
    pub fn with_languages(mut self, languages: Arc<SiteLanguages>) -> Templates {
        self.mix(&*languages);
        let _ = self.languages.set((languages, self.urls.clone()));
        self
    }

    /// The render cache, when rendering for `serve`.
    pub fn cache(&self) -> Option<&RenderCache> {
        self.cache.as_deref()
    }

    /// True when the theme or site has a template of this name.
    pub fn has(&self, name: &str) -> bool {
        self.paths.contains_key(name)
    }

    /// Renders template `name` with a typed view; `page` names the page for error messages.
    pub fn render(
        &self,
        name: &str,
        view: &impl Serialize,
        page: &str,
    ) -> Result<String, Diagnostic> {
        if !self.has(name) {
            return Err(Diagnostic::file(page, format!("template `{name}` not found")).code(Code::TemplateNotFound)
                .hint(format!("add templates/{name} to the site or the theme, or remove `template` from the front matter")));
        }
        if let Some(used) = &self.used
            && let Ok(mut used) = used.lock()
        {
            used.insert(name.to_owned());
        }
        if let Some(cache) = &self.cache {
            cache.note_view(view);
        }
        if self.leaves_out(name) {
            return Ok(NOT_RENDERED.to_owned());
        }
        let Some(cache) = &self.cache else {
            return self
                .render_uncached(name, view, page)
                .map(|html| pieces::strip(html).0);
        };
        let key = RenderKey::new(self.generation_of(name), name, view).map_err(|e| {
            Diagnostic::file(page, format!("cannot render: {e}")).code(Code::Internal)
        })?;
        let html = match cache.get(key) {
            Some(html) => html.to_string(),
            None => {
                let html = self.render_uncached(name, view, page)?;
                cache.insert(key, &html);
                html
            }
        };
        // Where the page's topic links are, kept by the page's fingerprint.
        let (html, piece) = pieces::strip(html);
        if let Some(piece) = piece {
            cache.insert_piece(&html, piece);
        }
        Ok(html)
    }

    /// Renders the partial of a page's topic links alone, as it renders inside a page
    /// ([`pieces::TopicLinksView`]); `None` unless every template is the built-in theme's,
    /// whose partial reads nothing else of a page.
    pub fn render_topic_links(&self, view: &pieces::TopicLinksView) -> Option<String> {
        self.render_theme_partial(pieces::TOPIC_LINKS, view)
    }

    /// Renders the heading of a topic's group in a section page alone, as it renders inside the
    /// page ([`pieces::TopicHeadingView`]); `None` unless every template is the built-in
    /// theme's, whose partial reads nothing else of a page.
    pub fn render_topic_heading(&self, view: &pieces::TopicHeadingView) -> Option<String> {
        self.render_theme_partial(pieces::TOPIC_HEADING, view)
    }

    /// Renders a page's breadcrumbs alone, as they render inside the page
    /// ([`pieces::BreadcrumbsView`]); `None` unless every template is the built-in theme's,
    /// whose partial reads nothing else of a page.
    pub fn render_breadcrumbs(&self, view: &pieces::BreadcrumbsView) -> Option<String> {
        self.render_theme_partial(pieces::BREADCRUMBS, view)
    }

    /// Renders the partial of a list of cards alone, as it renders inside a page
    /// ([`cards::CardsView`]); `None` unless every template is the built-in theme's, whose
    /// partial reads nothing else of a page.
    pub fn render_cards(&self, view: &cards::CardsView) -> Option<String> {
        self.render_theme_partial(cards::CARDS, view)
    }

    /// Renders partial `name` alone with the language's site as its context, as a page of the
    /// language made by these templates holds it, for [`crate::render::partial`] (which says
    /// when that is so): with its addresses made by the filters, or rewritten as a page's are
    /// (then the piece must end outside any comment and tag, as [`SiteUrls::rewrite_fragment`]
    /// asks). `None` if that cannot be, or the render fails.
    pub fn render_partial(&self, name: &str, view: &partial::PartialView) -> Option<String> {
        let context = Context::from_serialize(view).ok()?;
        self.render_alone(name, &context)
    }

    /// [`Templates::render_partial`] with a context of its own.
    fn render_alone(&self, name: &str, context: &Context) -> Option<String> {
        if self.theme_only && !self.urls.is_identity() {
            let (html, whole) = rendering(Addresses::Made, || self.tera.render(name, context));
            return whole.then_some(html.ok()?);
        }
        let (html, _) = rendering(Addresses::Rewritten, || self.tera.render(name, context));
        let html = html.ok()?;
        if self.urls.is_identity() {
            return Some(html);
        }
        self.urls.rewrite_fragment(&html).map(Cow::into_owned)
    }

    /// Whether template `name` reads no variable of its context but `site` (Tera's reading of
    /// its top-level variables: those it reads before setting them).
    pub fn reads_only_site(&self, name: &str) -> bool {
        self.tera
            .get_template_variables(name)
            .is_ok_and(|names| names.iter().all(|n| *n == "site"))
    }

    /// Renders one of the theme's partials alone with `view` as its context, as it renders
    /// inside a page; `None` unless every template is the built-in theme's (a site's own
    /// template may read more of a page), or if the render fails.
    fn render_theme_partial(&self, name: &str, view: &impl serde::Serialize) -> Option<String> {
        if !self.theme_only {
            return None;
        }
        let context = Context::from_serialize(view).ok()?;
        let addresses = match self.urls.is_identity() {
            true => Addresses::Rewritten,
            false => Addresses::Made,
        };
        let (html, whole) = rendering(addresses, || self.tera.render(name, &context));
        whole.then_some(html.ok()?)
    }

    fn render_uncached(
        &self,
        name: &str,
        view: &impl Serialize,
        page: &str,
    ) -> Result<String, Diagnostic> {
        let context = Context::from_serialize(view).map_err(|e| self.diagnostic(&e, Some(page)))?;
        let render = |addresses| {
            let (html, whole) = rendering(addresses, || self.tera.render(name, &context));
            // Every page is held until written: without the room the renderer grew it by.
            let html = html.map(|mut html| {
                html.shrink_to_fit();
                html
            });
            (html.map_err(|e| self.diagnostic(&e, Some(page))), whole)
        };
        if self.theme_only && !self.urls.is_identity() {
            let (html, whole) = render(Addresses::Made);
            // Unless a page's Markdown would change how the rest of the page is read.
            if whole {
                return html;
            }
        }
        let (html, _) = render(Addresses::Rewritten);
        let html = html?;
        if self.urls.is_identity() {
            return Ok(html);
        }
        // Rewritten once rendered: the partial alone is not, so where it was is not kept (the
        // markers go).
        Ok(match self.urls.rewrite_html(&html) {
            Cow::Borrowed(_) => pieces::strip(html).0,
            Cow::Owned(rewritten) => pieces::strip(rewritten).0,
        })
    }

    /// Turns a Tera error into a diagnostic located in the template, naming the page.
    fn diagnostic(&self, error: &tera::Error, page: Option<&str>) -> Diagnostic {
        let diagnostic = match error.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                let path = self.path_of(report.filename());
                let span = report.span();
                Diagnostic::at(
                    path,
                    span.start_line,
                    span.start_col + 1,
                    report.message().to_owned(),
                )
                .code(Code::Template)
            }
            ErrorKind::MissingParent { current, parent } => Diagnostic::file(
                self.path_of(current),
                format!("extends `{parent}`, which does not exist"),
            )
            .code(Code::TemplateNotFound),
            ErrorKind::TemplateNotFound(name) => Diagnostic::file(
                page.unwrap_or("templates"),
                format!("template `{name}` not found"),
            )
            .code(Code::TemplateNotFound),
            _ => Diagnostic::file(page.unwrap_or("templates"), error.to_string())
                .code(Code::Template),
        };
        match page {
            Some(page) => diagnostic.hint(format!("while rendering {page}")),
            None => diagnostic,
        }
    }

    /// Tera reports unknown filters, tests, functions and blocks as one message of reports,
    /// each `error: message` then ` --> name:line:column`; each becomes a located diagnostic.
    fn located_reports(&self, message: &str) -> Vec<Diagnostic> {
        let lines: Vec<&str> = message.lines().collect();
        lines
            .windows(2)
            .filter_map(|pair| {
                let text = pair[0].strip_prefix("error: ")?;
                let mut place = pair[1].trim_start().strip_prefix("--> ")?.rsplitn(3, ':');
                let column = place.next()?.parse().ok()?;
                let line = place.next()?.parse().ok()?;
                Some(
                    Diagnostic::at(self.path_of(place.next()?), line, column, text)
                        .code(Code::Template),
                )
            })
            .collect()
    }

    fn path_of(&self, name: &str) -> PathBuf {
        self.paths
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from("templates").join(name))
    }
}

/// How the page being rendered gets its addresses under the site's folder and its language's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Addresses {
    /// The templates make them: the filters `url` and `site_html` put every address of the
    /// site under the folders. The built-in theme writes every address through them.
    Made,
    /// The page is rewritten once rendered ([`SiteUrls::rewrite_html`]), and the filters give
    /// what they are given (escaped, as any value): for a site with templates of its own, which
    /// may write addresses without the filters, and for a page whose Markdown ends inside a
    /// comment or a tag (which changes how the rest of the page is read).
    Rewritten,
}

thread_local! {
    /// How the page being rendered on this thread gets its addresses, and whether every piece
    /// of HTML given to `site_html` could be rewritten alone (see [`SiteUrls::rewrite_fragment`]).
    static RENDERING: Cell<(Addresses, bool)> = const { Cell::new((Addresses::Rewritten, true)) };
}

/// Runs `render` with the filters making addresses as `addresses` says; returns what it gave
/// and whether every piece of HTML given to `site_html` could be rewritten alone.
fn rendering<T>(addresses: Addresses, render: impl FnOnce() -> T) -> (T, bool) {
    RENDERING.set((addresses, true));
    let rendered = render();
    let (_, whole) = RENDERING.replace((Addresses::Rewritten, true));
    (rendered, whole)
}

/// The filter `url`, for every address attribute the theme writes: `href="{{ page.url | url }}"`,
/// `src="{{ "/js/exit.js" | url }}"`. A site path comes out under the site's folder and the
/// language's (`/familyhub/cy/about/`), escaped as any value, as
/// [`SiteUrls::rewrite_attribute`] says; anything else (`https://...`, `#part`, every address
/// of a site at the root of its host in its default language) is given back as it is, to be
/// escaped as any value is. Inside a string the template builds, follow it with `| escape`.
struct UrlFilter {
    urls: Arc<OnceLock<SiteUrls>>,
}

impl<'a> tera::Filter<&'a Value, tera::TeraResult<Value>> for UrlFilter {
    fn call(&self, value: &'a Value, _kwargs: Kwargs, state: &State) -> tera::TeraResult<Value> {
        let (Addresses::Made, Some(urls)) = (RENDERING.get().0, self.urls.get()) else {
            return Ok(value.clone());
        };
        let Some(text) = value.as_str() else {
            return Ok(value.clone());
        };
        // Most addresses are one site path with nothing to escape: its link as it is.
        let plain = !text.contains(['&', '<', '>', '"', '\'', ',']) && text.trim() == text;
        if plain {
            return Ok(match urls.href(text) {
                Cow::Owned(href) => Value::safe_string(&href),
                Cow::Borrowed(_) => value.clone(),
            });
        }
        if !urls.has_site_path(text) {
            return Ok(value.clone());
        }
        let written = state.escape_if_needed(value)?;
        Ok(Value::safe_string(&urls.rewrite_attribute(&written)))
    }
}

/// The filter `site_html`, for HTML the site made (a page body's Markdown) written into a page
/// as it is (as `safe` does), with its addresses under the site's folder and the language's.
struct SiteHtmlFilter {
    urls: Arc<OnceLock<SiteUrls>>,
}

impl tera::Filter<Value, tera::TeraResult<Value>> for SiteHtmlFilter {
    fn call(&self, html: Value, _kwargs: Kwargs, _state: &State) -> tera::TeraResult<Value> {
        let (Addresses::Made, Some(urls)) = (RENDERING.get().0, self.urls.get()) else {
            return Ok(html);
        };
        let Some(text) = html.as_str() else {
            return Ok(html);
        };
        Ok(match urls.rewrite_fragment(text) {
            Some(Cow::Owned(rewritten)) => Value::from(rewritten),
            Some(Cow::Borrowed(_)) => html,
            None => {
                // The page is rendered again and rewritten whole.
                RENDERING.set((Addresses::Made, false));
                html
            }
        })
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// The template function `t`: message `key` in the page's language (its `site.language`), with
/// the call's other arguments as the message's variables (`t(key="places-left", count=3)`).
/// Every argument is escaped as any other value is; the message's own words are escaped too,
/// but keep their apostrophes, as a template's own text does (so moving words from a template
/// into a message changes no byte). With `t_html`, arguments named `..._html` are markup the
/// template made (a link): they go in as they are. The result is not escaped again.
struct Translate {
    messages: Arc<OnceLock<Arc<Messages>>>,
    /// Whether arguments named `..._html` are kept as markup (`t_html`).
    markup: bool,
    /// Messages called with no argument but their key, as made the first time.
    made: Made,
}

/// What a template function made for a message in a language, when nothing else goes into it:
/// made once per set of templates (one language's build), not on every page.
#[derive(Default)]
struct Made(RwLock<HashMap<String, HashMap<String, String>>>);

impl Made {
    fn get(&self, language: &str, key: &str) -> Option<String> {
        let made = self.0.read().ok()?;
        made.get(language)?.get(key).cloned()
    }

    fn keep(&self, language: &str, key: &str, text: &str) {
        if let Ok(mut made) = self.0.write() {
            made.entry(language.to_owned())
                .or_default()
                .insert(key.to_owned(), text.to_owned());
        }
    }
}

/// The ending of an argument that gives the language of the argument it names (`title_lang`).
const LANG_SUFFIX: &str = "_lang";

impl tera::Function<tera::TeraResult<String>> for Translate {
    fn call(&self, kwargs: Kwargs, state: &State) -> tera::TeraResult<String> {
        let key: String = kwargs.must_get("key")?;
        let language = page_language(state)?;
        let plain = kwargs.iter().all(|(name, _)| name.as_str() == Some("key"));
        if plain && let Some(made) = self.made.get(&language, &key) {
            return Ok(made);
        }
        // A value shown in another language than the page's (a default-language title that
        // fell back on a Welsh page) is marked: `title_lang="en-GB"` beside `title=...` puts
        // the title in a `<span lang="en-GB">`. An empty tag marks nothing.
        let langs: BTreeMap<&str, &str> = kwargs
            .iter()
            .filter_map(|(name, value)| {
                let value = value.as_str().filter(|tag| !tag.is_empty())?;
                Some((name.as_str()?.strip_suffix(LANG_SUFFIX)?, value))
            })
            .collect();
        let args = kwargs.iter().filter_map(|(name, value)| {
            let name = name
                .as_str()
                .filter(|name| *name != "key" && !name.ends_with(LANG_SUFFIX))?;
            let text = || {
                value
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| value.to_string())
            };
            let arg = if self.markup && name.ends_with("_html") {
                Arg::Markup(text())
            } else if let Some(tag) = langs.get(name) {
                Arg::marked(text(), Some(tag))
            } else if let Some(number) = value.as_f64() {
                Arg::Number(number)
            } else {
                Arg::text(text())
            };
            Some((name, arg))
        });
        let messages = loaded(&self.messages)?;
        let html = sentence(messages, &language, &key, args)
            .map(|html| html.as_str().to_owned())
            .ok_or_else(|| no_message(&key))?;
        if plain {
            self.made.keep(&language, &key, &html);
        }
        Ok(html)
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// The template function `languages()`: the page being rendered in each of the site's
/// languages, for the language switcher and the `hreflang` alternates; empty on a site in one
/// language. Each entry has `tag`, `name` (the language's own name for itself) and `label` (both
/// escaped already: write them with `| safe`), `href` (from the
/// host's root: a link with `hreflang` is not rewritten), `absolute`, `has_page` (false: the
/// link leads to that language's home page, and `label` says so in that language) and
/// `current`. The page is the one whose `canonical_url` (or `page.canonical_url`) the context
/// holds.
struct LanguageLinks {
    messages: Arc<OnceLock<Arc<Messages>>>,
    languages: Arc<OnceLock<(Arc<SiteLanguages>, SiteUrls)>>,
    /// What each language's entry has on every page, made on the first call (once the words
    /// and the languages are given).
    entries: OnceLock<Vec<LanguageEntry>>,
}

/// What a language's entry in `languages()` has on every page.
struct LanguageEntry {
    tag: Value,
    /// Its own name, escaped.
    name: Value,
    /// The label of a link to the page in this language: its name.
    label_page: Value,
    /// The label of a link to this language's home page instead ('Cymraeg (home page)').
    label_home: Value,
    current: Value,
    direction: Value,
}

impl LanguageLinks {
    /// Each language's entry, made once for the site's languages and words.
    fn entries(
        &self,
        languages: &SiteLanguages,
        urls: &SiteUrls,
        messages: &Messages,
    ) -> &[LanguageEntry] {
        self.entries.get_or_init(|| {
            let current = urls.language_prefix();
            let default = &languages.tags()[0];
            let own_name = |tag: &str| {
                let name = messages.text(tag, "language-name", None)?;
                // A language with no words of its own would take the default's name.
                let borrowed = tag != default
                    && messages.text(default, "language-name", None).as_deref() == Some(&name);
                (!borrowed).then_some(name)
            };
            // Escaped as the theme's words are, keeping apostrophes (`| safe` in templates).
            let escape = crate::text::escape::escape_html_text;
            languages
                .tags()
                .iter()
                .map(|tag| {
                    let name = own_name(tag).unwrap_or_else(|| tag.to_owned());
                    let args = fluent_args([("language", ArgValue::Text(name.clone()))]);
                    let home = messages
                        .text(tag, "language-home-instead", Some(&args))
                        .unwrap_or_else(|| name.clone());
                    let is_current = crate::site_url::language_folder(tag) == current
                        || (current.is_empty() && tag == default);
                    LanguageEntry {
                        tag: Value::from(tag.as_str()),
                        name: Value::from(escape(&name)),
                        label_page: Value::from(escape(&name)),
                        label_home: Value::from(escape(&home)),
                        current: Value::from(is_current),
                        direction: Value::from_serializable(&Direction::of(tag)),
                    }
                })
                .collect()
        })
    }
}

impl tera::Function<tera::TeraResult<Value>> for LanguageLinks {
    fn call(&self, _kwargs: Kwargs, state: &State) -> tera::TeraResult<Value> {
        let (Some((languages, urls)), Some(messages)) = (self.languages.get(), self.messages.get())
        else {
            return Ok(Value::from(&[] as &[Value]));
        };
        if !languages.is_multilingual() {
            return Ok(Value::from(&[] as &[Value]));
        }
        let canonical = |value: Option<Value>| -> Option<String> {
            let value = value?;
            let found = match value.as_map() {
                Some(map) => map.get(&tera::value::Key::Str("canonical_url"))?.clone(),
                None => value,
            };
            found.as_str().map(str::to_owned)
        };
        let address = canonical(state.get("page")?)
            .or(canonical(state.get("canonical_url")?))
            .unwrap_or_default();
        let root = urls.absolute("/");
        let site_path = address
            .strip_prefix(root.trim_end_matches('/'))
            .filter(|p| p.starts_with('/'))
            .unwrap_or("/");
        let entries = self.entries(languages, urls, messages);
        let values: Vec<Value> = languages
            .alternates(site_path)
            .into_iter()
            .zip(entries)
            .map(|(alternate, entry)| {
                let label = if alternate.has_page {
                    &entry.label_page
                } else {
                    &entry.label_home
                };
                let map: BTreeMap<&'static str, Value> = [
                    ("tag", entry.tag.clone()),
                    ("name", entry.name.clone()),
                    ("label", label.clone()),
                    ("href", Value::from(alternate.href)),
                    ("absolute", Value::from(alternate.absolute)),
                    ("has_page", Value::from(alternate.has_page)),
                    ("current", entry.current.clone()),
                    ("direction", entry.direction.clone()),
                ]
                .into_iter()
                .collect();
                Value::from(map)
            })
            .collect();
        Ok(Value::from(values))
    }
}

/// The language of the page being rendered: its `site.language`.
fn page_language(state: &State) -> tera::TeraResult<String> {
    let site: Option<Value> = state.get("site")?;
    Ok(site
        .as_ref()
        .and_then(Value::as_map)
        .and_then(|map| map.get(&tera::value::Key::Str("language")))
        .and_then(Value::as_str)
        .unwrap_or(DEFAULT_LANGUAGE)
        .to_owned())
}

fn loaded(messages: &OnceLock<Arc<Messages>>) -> tera::TeraResult<&Messages> {
    messages.get().map(Arc::as_ref).ok_or_else(|| {
        tera::Error::message("the theme's words are not loaded yet (Templates::with_messages)")
    })
}

fn no_message(key: &str) -> tera::Error {
    tera::Error::message(format!(
        "the theme's translations have no message `{key}` (add it to i18n/{DEFAULT_LANGUAGE}.ftl)"
    ))
}

/// The template function `t_plurals(key="sessions-count")`: the attributes a page's script
/// counts with, one per plural category of the page's language, each the message (whose
/// `$count` chooses the form) with `{count}` where the number goes:
/// `data-plural-one="{count} session" data-plural-other="{count} sessions"`. The script picks
/// one with `Intl.PluralRules` (themes/hub/static/js/plural.js). Escaped as `t`'s words are.
struct PluralAttributes {
    messages: Arc<OnceLock<Arc<Messages>>>,
    /// Each message's attributes, as made the first time.
    made: Made,
}

impl tera::Function<tera::TeraResult<String>> for PluralAttributes {
    fn call(&self, kwargs: Kwargs, state: &State) -> tera::TeraResult<String> {
        let key: String = kwargs.must_get("key")?;
        let language = page_language(state)?;
        if let Some(made) = self.made.get(&language, &key) {
            return Ok(made);
        }
        let forms = loaded(&self.messages)?
            .plural_forms(&language, &key)
            .ok_or_else(|| no_message(&key))?;
        let attributes = forms
            .iter()
            .map(|form| {
                format!(
                    "data-plural-{}=\"{}\"",
                    form.category.name(),
                    crate::text::escape::escape_html_text(&form.text)
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        self.made.keep(&language, &key, &attributes);
        Ok(attributes)
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// A hash of every template's name and text, in name order.
fn template_set_hash(templates: &[Template]) -> u64 {
    let mut hasher = DefaultHasher::new();
    let mut sorted: Vec<_> = templates.iter().map(|t| (&t.name, &t.file.text)).collect();
    sorted.sort();
    sorted.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;

    /// The theme's words: one English message.
    fn messages() -> Arc<Messages> {
        let file = crate::load::MessageFile {
            language: DEFAULT_LANGUAGE.into(),
            origin: crate::load::MessageOrigin::Theme,
            file: SourceFile::new(
                "i18n/en-GB.ftl",
                b"hello = Hello, { $name }!\nhello-link = Hello, { $name_html }!\nthings = { $count ->\n    [one] { $count } \"thing\"\n   *[other] { $count } things\n  }\n".to_vec(),
            )
            .unwrap(),
        };
        Arc::new(Messages::parse(&[file], &[]).messages.unwrap())
    }

    fn template(name: &str, text: &str) -> Template {
        Template::from_text(name, text)
    }

    #[test]
    fn syntax_errors_are_located_in_the_template() {
        let error = Templates::parse(&[template("page.html", "<p>\n{% if %}</p>")]).unwrap_err();
        let first = &error.0[0];
        assert_eq!(first.path, PathBuf::from("templates/page.html"));
        assert_eq!(first.position.map(|p| p.0), Some(2));
    }

    #[test]
    fn unknown_filters_are_located_one_by_one() {
        let error =
            Templates::parse(&[template("page.html", "{{ a | shout }}\n{{ b | whisper }}")])
                .unwrap_err();
        let shown: Vec<String> = error.0.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            shown,
            [
                "templates/page.html:1:8: Unknown filter `shout` [E0901]",
                "templates/page.html:2:8: Unknown filter `whisper` [E0901]"
            ]
        );
    }

    #[test]
    fn rendering_errors_name_the_page() {
        let templates = Templates::parse(&[template("page.html", "{{ missing.field }}")]).unwrap();
        let error = templates
            .render("page.html", &serde_json::json!({}), "content/a.md")
            .unwrap_err();
        assert!(error.hint.unwrap().contains("content/a.md"));
    }

    #[test]
    fn messages_are_escaped_and_markup_arguments_kept_whole() {
        let templates = Templates::parse(&[template(
            "page.html",
            "{{ t(key=\"hello\", name=who) }}|{{ t_html(key=\"hello-link\", name_html=link) }}|{{ t(key=\"hello\", name=\"Jo's\") }}",
        )])
        .unwrap()
        .with_messages(messages());
        let view = serde_json::json!({
            "site": {"language": "en-GB"},
            "who": "<Jo>",
            "link": "<a href=\"/jo/\">Jo</a>",
        });
        let html = templates.render("page.html", &view, "a").unwrap();
        // The message's own apostrophe stays; an argument's is escaped as every value's is.
        assert_eq!(
            html,
            "Hello, &lt;Jo&gt;!|Hello, <a href=\"/jo/\">Jo</a>!|Hello, Jo&#39;s!"
        );
    }

    #[test]
    fn a_value_in_another_language_is_marked_inside_the_sentence() {
        let templates = Templates::parse(&[template(
            "page.html",
            "{{ t(key=\"hello\", name=who, name_lang=fallback.name | default(value=\"\")) }}|{{ t(key=\"hello\", name=who, name_lang=fallback.none | default(value=\"\")) }}",
        )])
        .unwrap()
        .with_messages(messages());
        let view = serde_json::json!({
            "site": {"language": "en-GB"},
            "who": "Jo's <b>",
            "fallback": {"name": "cy"},
        });
        let html = templates.render("page.html", &view, "a").unwrap();
        assert_eq!(
            html,
            "Hello, <span lang=\"cy\">Jo&#39;s &lt;b&gt;</span>!|Hello, Jo&#39;s &lt;b&gt;!"
        );
    }

    #[test]
    fn a_count_message_gives_an_attribute_for_each_plural_category_of_the_page() {
        let templates =
            Templates::parse(&[template("page.html", "<p {{ t_plurals(key=\"things\") }}>")])
                .unwrap()
                .with_messages(messages());
        let html = templates
            .render(
                "page.html",
                &serde_json::json!({"site": {"language": "en-GB"}}),
                "a",
            )
            .unwrap();
        assert_eq!(
            html,
            "<p data-plural-one=\"{count} &quot;thing&quot;\" data-plural-other=\"{count} things\">"
        );
    }

    #[test]
    fn the_render_cache_keys_a_page_on_its_own_templates_files_only() {
        let cache = Arc::new(RenderCache::default());
        let set = |card: &str, other: &str| {
            Templates::parse(&[
                template(
                    "page.html",
                    "<main>{% include \"card.html\" %}{{ text }}</main>",
                ),
                template("card.html", card),
                template("other.html", other),
            ])
            .unwrap()
            .with_cache(Arc::clone(&cache))
        };
        let view = serde_json::json!({"text": "hello"});
        let render = |templates: &Templates| {
            cache.start_build();
            let html = templates.render("page.html", &view, "a").unwrap();
            (html, cache.stats())
        };
        let (first, stats) = render(&set("<b>card</b>", "<p>other</p>"));
        assert_eq!(
            (first.as_str(), stats.misses),
            ("<main><b>card</b>hello</main>", 1)
        );
        // Another template changed: the page's own files did not, so it comes from the cache.
        let (html, stats) = render(&set("<b>card</b>", "<p>changed</p>"));
        assert_eq!((html, stats.hits), (first, 1));
        // A file it includes changed: rendered again.
        let (html, stats) = render(&set("<i>card</i>", "<p>changed</p>"));
        assert_eq!(
            (html.as_str(), stats.misses),
            ("<main><i>card</i>hello</main>", 1)
        );
    }

    #[test]
    fn only_templates_that_need_an_edited_file_are_rendered_when_asked() {
        let templates = Templates::parse(&[
            template("page.html", "<main>{% include \"card.html\" %}</main>"),
            template("card.html", "<b>card</b>"),
            template("other.html", "<p>other</p>"),
        ])
        .unwrap()
        .with_cache(Arc::default())
        .only_needing(BTreeSet::from(["card.html".to_owned()]));
        let view = serde_json::json!({});
        assert_eq!(
            templates.render("page.html", &view, "a").unwrap(),
            "<main><b>card</b></main>"
        );
        assert_eq!(
            templates.render("other.html", &view, "a").unwrap(),
            NOT_RENDERED
        );
    }

    #[test]
    fn the_built_in_theme_makes_its_own_addresses_and_a_site_template_is_rewritten() {
        let site = tempfile::tempdir().unwrap();
        let mut problems = Diagnostics::default();
        let theme = crate::load::theme::load_theme(site.path(), "hub", &mut problems);
        assert!(problems.0.is_empty() && !theme.templates.is_empty());
        assert!(Templates::parse(&theme.templates).unwrap().theme_only);
        let mut own = theme.templates.clone();
        own.push(template("own.html", "x"));
        assert!(!Templates::parse(&own).unwrap().theme_only);
    }

    /// Templates made as the built-in theme's are, for the Welsh pages of a site under a folder.
    fn welsh_theme(text: &str) -> Templates {
        let welsh = SiteUrls::parse("https://example.org/hub/")
            .unwrap()
            .for_language("cy", Arc::default());
        let mut templates = Templates::parse(&[template("page.html", text)])
            .unwrap()
            .with_urls(&welsh);
        templates.theme_only = true;
        templates
    }

    #[test]
    fn the_url_filter_makes_an_address_and_site_html_its_links() {
        let templates = welsh_theme(
            "<a href=\"{{ \"/a/\" | url }}\">a</a><a href=\"{{ path | url }}\">b</a>{{ body | site_html }}<a href=\"/kept/\">c</a>",
        );
        let view = serde_json::json!({"path": "/b/?x=1&y=2", "body": "<a href=\"/c/\">c</a>"});
        assert_eq!(
            templates.render("page.html", &view, "a").unwrap(),
            // Made, not rewritten: an address written without the filter stays as it is.
            "<a href=\"/hub/cy/a/\">a</a><a href=\"/hub/cy/b/?x=1&amp;y=2\">b</a><a href=\"/hub/cy/c/\">c</a><a href=\"/kept/\">c</a>"
        );
        // A body that leaves a comment open: the page is rendered again and rewritten whole,
        // which leaves what follows the comment's start as it was.
        let templates = welsh_theme(
            "<a href=\"{{ \"/a/\" | url }}\">a</a>{{ body | site_html }}<a href=\"{{ \"/d/\" | url }}\">d</a>",
        );
        let view = serde_json::json!({"body": "<a href=\"/c/\">c</a><!-- open"});
        assert_eq!(
            templates.render("page.html", &view, "a").unwrap(),
            "<a href=\"/hub/cy/a/\">a</a><a href=\"/hub/cy/c/\">c</a><!-- open<a href=\"/d/\">d</a>"
        );
    }

    #[test]
    fn values_are_escaped_in_html() {
        let templates = Templates::parse(&[template("page.html", "{{ text }}")]).unwrap();
        let html = templates
            .render("page.html", &serde_json::json!({"text": "<script>"}), "a")
            .unwrap();
        assert_eq!(html, "&lt;script&gt;");
    }
}
