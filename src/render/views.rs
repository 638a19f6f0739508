//! Typed views: exactly what each kind of template receives. One struct per kind of page,
//! built in one place, so a template's inputs can be read here rather than guessed.

use serde::Serialize;

use crate::config::{Contact, HelpLine, Organisation};
use crate::model::audience::Audience;
use crate::model::i18n::Direction;
use crate::model::paths::{Section, topic_url};
use crate::model::sensitivity::Sensitivity;
use crate::model::translation::{Fallback, TextField};
use crate::model::{ById, Page, PageKind, Site};
use crate::render::inputs::PageReads;
use crate::render::markdown::Heading;
use crate::text::format::{Dates, iso_date};

/// What every page knows about the site: name, navigation, footer, safety.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// The site's name.
    pub title: String,
    /// One sentence about it.
    pub description: String,
    /// The content language (`en-GB`).
    pub language: String,
    /// Which way its script runs, for the page's `dir`.
    pub direction: Direction,
    /// The public address, without a trailing slash.
    pub base_url: String,
    /// Who runs it.
    pub organisation: Option<Organisation>,
    /// How to reach them.
    pub contact: Contact,
    /// The main navigation.
    pub nav: Vec<Link>,
    /// The footer's links (accessibility, privacy, hiding your visit).
    pub footer_links: Vec<Link>,
    /// Helplines for 'Get help now'.
    pub help_now: Vec<HelpLine>,
    /// Where 'Exit this page' goes.
    pub exit_url: String,
    /// The 'How to hide your visit' page, if the site has one.
    pub hide_your_visit_url: Option<String>,
    /// The search page, for the header's search box, if the site has one.
    pub search_url: Option<String>,
    /// The site's icon: its own `static/favicon.png` or `.ico` if it has one, else
    /// `favicon.svg` (the theme's, unless the site has its own).
    pub favicon: crate::model::paths::Favicon,
}

/// A link: text that makes sense alone, and where it goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The link text.
    pub title: String,
    /// The site path or address.
    pub url: String,
    /// The language of the text when it is not the page's (a topic's name or a section's
    /// title that fell back to the default language): templates write it as `lang` on the
    /// link, so that a screen reader says it right (WCAG 3.1.2). Left out when `None`, so a
    /// view without one serialises as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl Link {
    /// A link whose text is in the page's language.
    pub fn new(title: String, url: String) -> Link {
        Link {
            title,
            url,
            lang: None,
        }
    }

    /// A link whose text is in `lang` when given (a field's fallback), else the page's.
    pub fn in_language(title: String, url: String, lang: Option<&str>) -> Link {
        Link {
            title,
            url,
            lang: lang.filter(|tag| !tag.is_empty()).map(str::to_owned),
        }
    }

    /// A topic's name linking to `url`, marked when the name fell back.
    pub fn topic(topic: &crate::model::Topic, url: String) -> Link {
        Link::in_language(
            topic.name.clone(),
            url,
            topic.fallback.lang(TextField::Name),
        )
    }
}

/// A link whose text is a sentence made in Rust (`{{ link.title | safe }}`): a value in it
/// shown in another language than the page's is marked with `lang`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarkedLink {
    /// The link text, as HTML.
    pub title: crate::render::sentence::Html,
    /// The site path or address.
    pub url: String,
}

/// A page in a list: a section's children, 'related pages'.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    /// Its title, as the link text.
    pub title: String,
    /// Its address.
    pub url: String,
    /// One sentence about it.
    pub summary: String,
    /// A date to show beside it ('5 March 2024'), if any.
    pub date: Option<String>,
    /// For practitioners only: marked 'For practitioners'.
    pub for_practitioners: bool,
    /// Fields shown in the default language (`fallback.title` for a service's name,
    /// `.summary`): marked with `lang`.
    pub fallback: CardFallback,
}

/// Which of a card's fields are shown in the default language, by the names cards use.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CardFallback {
    /// The language of the title, when it is not the page's.
    pub title: Option<String>,
    /// The language of the summary, when it is not the page's.
    pub summary: Option<String>,
}

impl CardFallback {
    /// A card's fallback from an item's: `title_field` is the item's field cards show as title.
    pub fn of(fallback: &Fallback, title_field: TextField) -> CardFallback {
        CardFallback {
            title: fallback.lang(title_field).map(str::to_owned),
            summary: fallback.lang(TextField::Summary).map(str::to_owned),
        }
    }
}

/// The facts about the page being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    /// The page's title, its `<h1>`.
    pub title: String,
    /// One sentence about it, used for the meta description too.
    pub summary: String,
    /// Its site path.
    pub url: String,
    /// Its full public address.
    pub canonical_url: String,
    /// Its top-level section (`self-help`), or empty.
    pub section: String,
    /// Minutes to read, rounded up; 0 for very short pages.
    pub reading_minutes: usize,
    /// 'Last reviewed' date, written out.
    pub last_reviewed: Option<String>,
    /// The same date, ISO form for `<time>`.
    pub last_reviewed_iso: Option<String>,
    /// Publication date, written out.
    pub date: Option<String>,
    /// The same date, ISO form.
    pub date_iso: Option<String>,
    /// Its topics, linked to their pages.
    pub topics: Vec<Link>,
    /// Who it is for.
    pub audience: Vec<&'static str>,
    /// For practitioners only (its `audience`): marked 'For practitioners'.
    pub for_practitioners: bool,
    /// Show 'Get help now': what the page shows is sensitive.
    pub safety: bool,
    /// The language of its title, summary and body when not the page's (a page not
    /// translated, shown in the default language); templates mark them with it.
    pub lang: Option<String>,
}

impl PageMeta {
    /// The same facts, showing 'Get help now' when `sensitivity` says so.
    pub fn with_sensitivity(mut self, sensitivity: Sensitivity) -> PageMeta {
        self.safety = sensitivity.is_sensitive();
        self
    }
}

/// The view of a Markdown page, section or the home page.
#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// This page.
    pub page: PageMeta,
    /// Its body as HTML.
    pub content: String,
    /// Its `##` headings, for a contents list on long pages.
    pub toc: Vec<Heading>,
    /// The way back up: home, section.
    pub breadcrumbs: Vec<Link>,
    /// For sections and home: the pages inside.
    pub children: Vec<Card>,
    /// For sections: the pages inside grouped by topic, in the topics' order.
    pub by_topic: Vec<TopicGroup>,
    /// For sections whose pages include some for practitioners only: those for families,
    /// then those for practitioners; empty otherwise.
    pub by_audience: Vec<AudienceGroup>,
    /// Services of the directory that share a topic with this page.
    pub related_services: Vec<Card>,
    /// Resources from the library that share a topic with the page.
    pub related_resources: Vec<crate::render::resources::ResourceView>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// A section's pages for one kind of reader.
#[derive(Debug, Clone, Serialize)]
pub struct AudienceGroup {
    /// 'For parents and families'
    pub title: &'static str,
    /// The anchor of its heading: `for-families`.
    pub id: &'static str,
    /// The pages.
    pub pages: Vec<Card>,
}

/// A section's pages split into those for families and those for practitioners only; empty
/// when there is only one kind, so the list stays as it was.
pub fn group_by_audience(
    site: &Site,
    children: &[crate::model::PageId],
    reads: &mut PageReads,
) -> Vec<AudienceGroup> {
    let (practitioners, families): (Vec<Card>, Vec<Card>) = children
        .iter()
        .map(|&id| card(reads.page(site, id), &site.dates))
        .partition(|c| c.for_practitioners);
    if practitioners.is_empty() || families.is_empty() {
        return Vec::new();
    }
    vec![
        AudienceGroup {
            title: "For parents and families",
            id: "for-families",
            pages: families,
        },
        AudienceGroup {
            title: "For practitioners",
            id: "for-practitioners",
            pages: practitioners,
        },
    ]
}

/// Pages that share a topic.
#[derive(Debug, Clone, Serialize)]
pub struct TopicGroup {
    /// The topic, linked to its page.
    pub topic: Link,
    /// The pages.
    pub pages: Vec<Card>,
}

/// A section's pages grouped by topic; empty when none of them has a topic.
pub fn group_by_topic(
    site: &Site,
    children: &[crate::model::PageId],
    reads: &mut PageReads,
) -> Vec<TopicGroup> {
    site.topics
        .list
        .with_ids()
        .filter_map(|(index, topic)| {
            let pages: Vec<Card> = children
                .iter()
                .map(|&id| reads.page(site, id))
                .filter(|p| p.topics.contains(&index))
                .map(|p| card(p, &site.dates))
                .collect();
            (!pages.is_empty()).then(|| TopicGroup {
                topic: Link::topic(topic, topic_url(&topic.slug)),
                pages,
            })
        })
        .collect()
}

/// One group of filter links: the programme's day, audience, format or topic, or one of the
/// directory's facets.
#[derive(Debug, Clone, Serialize)]
pub struct FilterGroup {
    /// 'Day'.
    pub title: String,
    /// The query name the script uses: day, audience, format, topic.
    pub key: &'static str,
    /// Each value with its own page.
    pub options: Vec<FilterOption>,
}

/// One value of a filter.
#[derive(Debug, Clone, Serialize)]
pub struct FilterOption {
    /// 'Tuesday 5 March'.
    pub title: String,
    /// 'tuesday-5-march' or '2024-03-05'.
    pub value: String,
    /// The page listing only these sessions.
    pub url: String,
    /// How many sessions match.
    pub count: usize,
}

/// The view of the 404 page.
#[derive(Debug, Clone, Serialize)]
pub struct NotFoundView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// Builds the site view shared by every page, in the site's language.
pub fn site_view(site: &Site) -> SiteView {
    let config = &site.config;
    let language = &config.language;
    let published = |url: &str| is_published(site, url);
    let links = |candidates: &[(&str, &str)]| -> Vec<Link> {
        candidates
            .iter()
            .filter(|(_, url)| published(url))
            .map(|(key, url)| Link::new(site.t(key), (*url).to_owned()))
            .collect()
    };
    SiteView {
        title: config.title.clone(),
        description: config.description.clone(),
        language: language.clone(),
        direction: Direction::of(language),
        base_url: config.base_url.clone(),
        organisation: config.organisation.clone(),
        contact: config.contact.clone(),
        nav: links(&[
            ("nav-programme", Section::Programme.url()),
            ("nav-self-help", "/self-help/"),
            ("nav-directory", Section::Directory.url()),
            ("nav-resources", Section::Resources.url()),
            ("nav-search", Section::Search.url()),
        ]),
        footer_links: links(&[
            ("footer-accessibility", "/accessibility/"),
            ("footer-privacy", "/privacy/"),
            ("footer-hide-your-visit", "/hide-your-visit/"),
            ("footer-about-the-week", "/about-the-week/"),
        ]),
        help_now: config.help_now.clone(),
        exit_url: config.safety.exit_url.clone(),
        hide_your_visit_url: published("/hide-your-visit/").then(|| "/hide-your-visit/".to_owned()),
        search_url: published(Section::Search.url()).then(|| Section::Search.url().to_owned()),
        favicon: site.favicon.clone(),
    }
}

/// Whether the site publishes a page at `url` (a Markdown page or a generated section).
pub fn is_published(site: &Site, url: &str) -> bool {
    site.pages.iter().any(|p| p.url.as_str() == url) || generated_sections(site).contains(&url)
}

/// Sections that no Markdown file makes but the build publishes.
fn generated_sections(site: &Site) -> Vec<&'static str> {
    let mut sections = vec![Section::Search.url()];
    if !site.weeks.is_empty() {
        sections.push(Section::Programme.url());
    }
    if !site.services.is_empty() {
        sections.push(Section::Directory.url());
    }
    if !site.topics.list.is_empty() {
        sections.push(Section::Topics.url());
    }
    if !site.resources.is_empty() {
        sections.push(Section::Resources.url());
    }
    sections
}

/// Whether a page in `section` shows the exit button: always when the model found what it
/// shows sensitive, and on every page of the sections `exit_sections` names.
pub fn shows_exit(site: &Site, section: &str, sensitivity: Sensitivity) -> bool {
    let sections = &site.config.safety.exit_sections;
    sensitivity.is_sensitive() || sections.iter().any(|s| s == "*" || s == section)
}

/// The one 'report a change' mechanism, for services, the practitioners' guide and the resource
/// library: an email to the site's contact address whose subject names `what`; `None` when the
/// site has no contact email.
pub fn report_change_link(site: &Site, what: &str) -> Option<String> {
    let email = site.config.contact.email.as_ref()?;
    let subject = site.t_with(
        "report-change-subject",
        &[("what", crate::model::i18n::ArgValue::Text(what.to_owned()))],
    );
    Some(format!(
        "mailto:{email}?subject={}",
        crate::text::percent::percent_encode(&subject)
    ))
}

/// A page's topics, linked to their pages (what [`PageMeta::topics`] holds).
pub fn topic_links(site: &Site, topics: &[crate::model::TopicId]) -> Vec<Link> {
    topics
        .iter()
        .map(|&t| {
            let topic = &site.topics.list[t];
            Link::topic(topic, topic_url(&topic.slug))
        })
        .collect()
}

/// The facts about one page.
pub fn page_meta(site: &Site, page: &Page, words: usize) -> PageMeta {
    let config = &site.config;
    PageMeta {
        title: page.title.clone(),
        summary: page.summary.clone(),
        url: page.url.to_string(),
        canonical_url: config.absolute_url(page.url.as_str()),
        section: page.section_name.clone(),
        reading_minutes: words.div_ceil(200),
        last_reviewed: page.last_reviewed.map(|d| site.dates.date(d)),
        last_reviewed_iso: page.last_reviewed.map(iso_date),
        date: page.date.map(|d| site.dates.date(d)),
        date_iso: page.date.map(iso_date),
        topics: topic_links(site, &page.topics),
        audience: page.audience.iter().map(|a| a.label()).collect(),
        for_practitioners: Audience::practitioners_only(&page.audience),
        safety: page.sensitivity.is_sensitive(),
        lang: page.lang.clone(),
    }
}

/// The facts of a generated page (not from a Markdown file): title, summary, address.
pub fn simple_meta(
    site: &Site,
    title: &str,
    summary: &str,
    url: &crate::model::UrlPath,
    section: Section,
) -> PageMeta {
    PageMeta {
        title: title.to_owned(),
        summary: summary.to_owned(),
        url: url.to_string(),
        canonical_url: site.config.absolute_url(url.as_str()),
        section: section.name().to_owned(),
        reading_minutes: 0,
        last_reviewed: None,
        last_reviewed_iso: None,
        date: None,
        date_iso: None,
        topics: Vec::new(),
        audience: Vec::new(),
        for_practitioners: false,
        safety: false,
        lang: None,
    }
}

/// A page as an item in a list.
pub fn card(page: &Page, dates: &Dates) -> Card {
    Card {
        title: page.title.clone(),
        url: page.url.to_string(),
        summary: page.summary.clone(),
        date: page.date.map(|d| dates.date(d)),
        // A page's title and summary are in one language: the page's text's.
        fallback: CardFallback {
            title: page.lang.clone(),
            summary: page.lang.clone(),
        },
        for_practitioners: Audience::practitioners_only(&page.audience),
    }
}

/// Home, then each section above the page (each recorded in `reads` as read for the
/// breadcrumbs: they show its title, address, language and whether it is the home page, no
/// more, and walk up by its parent).
pub fn breadcrumbs(site: &Site, page: &Page, reads: &mut PageReads) -> Vec<Link> {
    let mut crumbs = Vec::new();
    let mut parent = page.parent;
    while let Some(id) = parent {
        let ancestor = reads.crumb(site, id);
        // The home crumb's words are the theme's, in the page's language ('Hafan').
        crumbs.push(match ancestor.kind {
            PageKind::Home => Link::new("Home".to_owned(), ancestor.url.to_string()),
            _ => Link::in_language(
                ancestor.title.clone(),
                ancestor.url.to_string(),
                ancestor.lang.as_deref(),
            ),
        });
        parent = ancestor.parent;
    }
    crumbs.reverse();
    crumbs
}
