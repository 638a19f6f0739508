//! Stage 2, model: validates what was loaded and links it into a [`Site`]. No I/O, no templates.

pub mod address;
pub mod audience;
pub mod booking;
pub mod booklet;
pub mod duration;
pub mod family;
pub mod host;
pub mod i18n;
pub mod id;
pub mod material;
pub mod material_checks;
pub mod page;
pub mod paths;
pub mod printed_directory;
pub mod related;
pub mod relations;
pub mod resource;
pub mod search;
pub mod sensitivity;
pub mod service;
pub mod session;
pub mod slug;
pub mod time;
pub mod topic;
pub mod translation;
pub mod update;
pub mod week;

use crate::text::format::Dates;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use jiff::Timestamp;

use crate::config::Config;
use crate::diag::Diagnostics;
use crate::error::Error;
use crate::load::Sources;
pub use id::{ById, Id};
pub use page::{Page, PageId, PageKind};
pub use service::{Service, ServiceId};
pub use slug::{Slug, UrlPath};
pub use topic::{Topic, TopicId, Topics};
pub use update::{Printed, UpdatedTopics, update_services, update_sessions, update_topics};

/// How to model a site.
#[derive(Debug, Clone)]
pub struct ModelOptions {
    /// Include pages marked `draft = true`.
    pub drafts: bool,
    /// The moment the build describes: booking states and 'coming up' lists depend on it.
    pub now: Timestamp,
}

/// The validated site: everything the render and output stages need, linked together.
#[derive(Debug)]
pub struct Site {
    /// The validated `hubsite.toml`.
    pub config: Arc<Config>,
    /// How dates and times are written in the site's language.
    pub dates: Dates,
    /// The theme's words in the site's language (`themes/<theme>/i18n/`, the site's `i18n/`).
    pub messages: Arc<i18n::Messages>,
    /// The moment the build describes.
    pub now: Timestamp,
    /// Every published page and section; shared, not copied, by the models `serve`'s shortcuts
    /// make from a kept one when no page changed ([`Site::remade`]).
    pub pages: Arc<Vec<Page>>,
    /// The shared topics.
    pub topics: Topics,
    /// The practice weeks, in folder order.
    pub weeks: Vec<week::Week>,
    /// Every session of every week; each week lists its own.
    pub sessions: Vec<session::Session>,
    /// The resource library (`content/resources/`), in file order.
    pub resources: Vec<resource::Resource>,
    /// Pages by their path under `content/` (`self-help/arguments.md`), to resolve links.
    pub by_content_path: BTreeMap<String, PageId>,
    /// The services of the directory, by id.
    pub services: Vec<Service>,
    /// The booklet of each week with a published booklet, in week order.
    pub booklets: Vec<booklet::Booklet>,
    /// The directory as printed (`[directory.print]`); `None` when no service is chosen.
    pub printed_directory: Option<printed_directory::PrintedDirectory>,
    /// The site's icon.
    pub favicon: paths::Favicon,
    /// The site's languages and which pages each publishes (one language: empty).
    pub languages: Arc<crate::languages::SiteLanguages>,
    /// Pages of the default language that the language being built has no translation of,
    /// by content path, with their site paths: a link to one leads to the original.
    pub untranslated: BTreeMap<String, String>,
}

/// Validates the loaded sources; reports every problem at once. Beside the site come its
/// warnings: things worth a word that never stop a build (a time the clocks repeat, a week
/// months long). They are a separate list, not a severity on each problem, so that no code
/// path can fail a build on a warning or publish despite an error.
pub fn build_site(sources: &Sources, options: &ModelOptions) -> Result<(Site, Diagnostics), Error> {
    let mut problems = sources.problems.clone();
    let mut warnings = Diagnostics::default();
    let languages = translation::Languages::of(&sources.config);
    let topics = Topics::build(
        sources.topics.as_deref(),
        sources.topics_file.as_ref(),
        &languages,
        &mut problems,
    );
    let mut pages = page::build_pages(&sources.pages, &topics, options.drafts, &mut problems);
    let config = &sources.config;
    for page in pages.iter_mut() {
        let text = page
            .text
            .language
            .as_deref()
            .unwrap_or(config.default_language());
        page.lang = (text != config.language).then(|| text.to_owned());
    }
    let (weeks, mut sessions) = week::build_weeks(
        &sources.weeks,
        &sources.config,
        &languages,
        &topics,
        &mut problems,
        &mut warnings,
    );
    let mut services =
        service::build_services(&sources.data_files, &topics, &languages, &mut problems);
    let resources =
        resource::build_resources(&sources.data_files, &topics, &languages, &mut problems);
    let mut addresses = address::Addresses::default();
    address::claim_model(
        &mut addresses,
        (&pages, &sources.pages),
        &topics,
        &weeks,
        &sessions,
        &services,
        &mut problems,
    );
    host::claim_hosts(&sources.weeks, &mut addresses, &mut problems);
    let by_content_path = pages
        .with_ids()
        .map(|(id, page)| (sources.pages[page.raw].content_path.clone(), id))
        .collect();
    let i18n::Parsed {
        messages,
        warnings: message_warnings,
    } = i18n::Messages::parse(&sources.messages, &message_languages(&sources.config));
    warnings.extend(message_warnings);
    let messages = messages.unwrap_or_else(|found| {
        problems.extend(found);
        i18n::Messages::empty()
    });
    relations::resolve_site_relations(
        sources,
        &mut pages,
        &mut sessions,
        &mut services,
        &resources,
        &by_content_path,
        &mut problems,
    );
    let print_selection = printed_directory::choose(
        &sources.config.directory.print,
        &services,
        &resources,
        &topics,
        &mut problems,
    );
    problems.into_result(()).map_err(Error::Content)?;
    choose_related(&mut pages, &mut sessions, &mut services, &resources);
    let mut site = Site {
        dates: Dates::for_language(&sources.config.language),
        messages: Arc::new(messages),
        config: Arc::clone(&sources.config),
        now: options.now,
        pages: Arc::new(pages),
        topics,
        weeks,
        sessions,
        by_content_path,
        services,
        resources,
        booklets: Vec::new(),
        printed_directory: None,
        favicon: paths::favicon(&sources.assets),
        languages: Arc::clone(&sources.languages),
        untranslated: untranslated_pages(sources),
    };
    let (booklets, printed) = rayon::join(
        || booklet::build_booklets(&site),
        || printed_directory::build_printed_directory(&site, &print_selection),
    );
    site.booklets = booklets;
    site.printed_directory = printed;
    Ok((site, warnings.sorted()))
}

/// The model of `sources` made from `old`, the model of `old_sources`, when the two differ
/// only in pages' front matter and text (`serve`'s front-matter shortcut): the pages of the
/// files that changed are built again ([`page::rebuild_pages`]), every page's relations
/// resolved and every related list chosen again, and the rest (topics, weeks, sessions,
/// services, resources, booklets, the printed directory, the theme's messages, the addresses
/// claimed) is `old`'s, which no page's front matter reaches. `None` when a page moves, leaves
/// or comes (a draft), or has a problem: then the whole pipeline tells (and reports) what
/// changed.
pub fn update_pages(
    old: &Site,
    old_sources: &Sources,
    sources: &Sources,
    options: &ModelOptions,
) -> Option<Site> {
    let same_files = old_sources.pages.len() == sources.pages.len()
        && old_sources
            .pages
            .iter()
            .zip(&sources.pages)
            .all(|(a, b)| a.file.path == b.file.path && a.content_path == b.content_path);
    if options.now != old.now || !sources.problems.is_empty() || !same_files {
        return None;
    }
    let changed: BTreeSet<usize> = old_sources
        .pages
        .iter()
        .zip(&sources.pages)
        .enumerate()
        .filter(|(_, (a, b))| !Arc::ptr_eq(a, b))
        .map(|(index, _)| index)
        .collect();
    let mut pages = page::rebuild_pages(
        &old.pages,
        &sources.pages,
        &changed,
        &old.topics,
        options.drafts,
    )?;
    let mut problems = Diagnostics::default();
    let mut sessions = old.sessions.clone();
    let mut services = old.services.clone();
    relations::resolve_site_relations(
        sources,
        &mut pages,
        &mut sessions,
        &mut services,
        &old.resources,
        &old.by_content_path,
        &mut problems,
    );
    if !problems.is_empty() {
        return None;
    }
    choose_related(&mut pages, &mut sessions, &mut services, &old.resources);
    Some(old.remade(
        sources,
        Remade {
            pages: Some(pages),
            sessions: Some(sessions),
            services: Some(services),
            ..Remade::default()
        },
    ))
}

/// The parts of the model an edit made again (`serve`'s shortcuts): each `None` is the kept
/// model's.
#[derive(Default)]
pub(crate) struct Remade {
    pub(crate) pages: Option<Vec<Page>>,
    pub(crate) weeks: Option<Vec<week::Week>>,
    pub(crate) sessions: Option<Vec<session::Session>>,
    pub(crate) services: Option<Vec<Service>>,
    pub(crate) booklets: Option<Vec<booklet::Booklet>>,
    pub(crate) printed_directory: Option<Option<printed_directory::PrintedDirectory>>,
    pub(crate) topics: Option<Topics>,
}

impl Site {
    /// This model with the parts `remade`, and the configuration and languages of `sources`
    /// (the same settings, read again); every other part is this one's.
    pub(crate) fn remade(&self, sources: &Sources, remade: Remade) -> Site {
        Site {
            dates: self.dates.clone(),
            messages: Arc::clone(&self.messages),
            config: Arc::clone(&sources.config),
            now: self.now,
            pages: remade
                .pages
                .map_or_else(|| Arc::clone(&self.pages), Arc::new),
            topics: remade.topics.unwrap_or_else(|| self.topics.clone()),
            weeks: remade.weeks.unwrap_or_else(|| self.weeks.clone()),
            sessions: remade.sessions.unwrap_or_else(|| self.sessions.clone()),
            by_content_path: self.by_content_path.clone(),
            services: remade.services.unwrap_or_else(|| self.services.clone()),
            resources: self.resources.clone(),
            booklets: remade.booklets.unwrap_or_else(|| self.booklets.clone()),
            printed_directory: remade
                .printed_directory
                .unwrap_or_else(|| self.printed_directory.clone()),
            favicon: self.favicon.clone(),
            languages: Arc::clone(&sources.languages),
            untranslated: self.untranslated.clone(),
        }
    }
}

/// The languages whose words the site shows: the one being built first (its warnings are the
/// ones that matter), then the site's others, whose names the language switcher shows.
fn message_languages(config: &Config) -> Vec<String> {
    let mut languages = vec![config.language.clone()];
    languages.extend(
        config
            .languages
            .iter()
            .filter(|l| **l != config.language)
            .cloned(),
    );
    languages
}

/// [`Site::untranslated`] from the sources.
fn untranslated_pages(sources: &Sources) -> BTreeMap<String, String> {
    sources
        .untranslated
        .iter()
        .filter_map(|raw| {
            let (url, _) = page::page_url(&raw.content_path).ok()?;
            Some((raw.content_path.clone(), url.to_string()))
        })
        .collect()
}

/// Records in every page, session and service the related lists it shows.
fn choose_related(
    pages: &mut [Page],
    sessions: &mut [session::Session],
    services: &mut [Service],
    resources: &[resource::Resource],
) {
    let candidates = related::Candidates {
        pages,
        services,
        resources,
    };
    let chosen = related::choose_related(candidates, sessions);
    pages
        .iter_mut()
        .zip(chosen.pages)
        .for_each(|(item, lists)| item.related_lists = lists);
    sessions
        .iter_mut()
        .zip(chosen.sessions)
        .for_each(|(item, lists)| item.related_lists = lists);
    services
        .iter_mut()
        .zip(chosen.services)
        .for_each(|(item, lists)| item.related_lists = lists);
}

impl Site {
    /// The theme's message `key` in the site's language (the key itself if no translation has
    /// it, which the tests of the theme's files rule out).
    pub fn t(&self, key: &str) -> String {
        self.t_with(key, &[])
    }

    /// Message `key` with variables: numbers choose plural forms by the language's rules.
    pub fn t_with(&self, key: &str, args: &[(&str, i18n::ArgValue)]) -> String {
        self.words().t_with(key, args)
    }

    /// The theme's words in the site's language.
    pub fn words(&self) -> i18n::Words<'_> {
        i18n::Words::new(&self.messages, &self.config.language, &self.dates)
    }

    /// The theme's words in English, for outputs that stay in English (the ORUK export and its
    /// CSV), with the site's own form of dates and times.
    pub fn english_words(&self) -> i18n::Words<'_> {
        i18n::Words::new(&self.messages, i18n::DEFAULT_LANGUAGE, &self.dates)
    }
    /// The home page.
    pub fn home(&self) -> Option<&Page> {
        self.pages.iter().find(|p| p.kind == PageKind::Home)
    }

    /// The raw source of a page.
    pub fn raw<'a>(&self, page: &'a Page) -> &'a crate::load::RawPage {
        &page.text
    }

    /// The URL of a content path: a page (`self-help/a.md`) or a service (`directory/x.toml`).
    pub fn url_of_content_path(&self, path: &str) -> Option<String> {
        if let Some(&id) = self.by_content_path.get(path) {
            return Some(self.pages[id].url.to_string());
        }
        if let Some(url) = self.untranslated.get(path) {
            return Some(url.clone());
        }
        let id = path.strip_prefix("directory/")?.strip_suffix(".toml")?;
        self.services
            .iter()
            .find(|s| s.id.as_str() == id)
            .map(|s| s.url.to_string())
    }

    /// Sensitive when anything the site publishes is: a topic, page, session or service.
    pub fn sensitivity(&self) -> sensitivity::Sensitivity {
        let topics = self.topics.list.iter().map(|t| t.sensitivity);
        let pages = self.pages.iter().map(|p| p.sensitivity);
        let sessions = self.sessions.iter().map(|s| s.sensitivity);
        let services = self.services.iter().map(|s| s.sensitivity);
        sensitivity::Sensitivity::any(topics.chain(pages).chain(sessions).chain(services))
    }

    /// The top-level section at `/name/`, if the site has one.
    pub fn section(&self, name: &str) -> Option<&Page> {
        // Read for every page's search document: no address is made to compare.
        self.pages.iter().find(|p| {
            let inner = p
                .url
                .as_str()
                .strip_prefix('/')
                .and_then(|u| u.strip_suffix('/'));
            p.kind == PageKind::Section && inner == Some(name)
        })
    }
}
