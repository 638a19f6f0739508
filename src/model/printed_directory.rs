//! The directory of local support as a printed document, part of the model stage: the
//! services `[directory.print]` chooses, grouped by level then category, each with everything
//! a practitioner needs to refer a family (what it offers, who it is for, how to get there,
//! cost, languages, contact details in full, opening times, a QR code to its page and when it
//! was last checked), the chosen online resources, an index by topic and category, and the
//! safety services and 'Get help now' numbers for the back cover. The output stage prints it
//! as `/directory/directory-a5.pdf` and `/directory/directory-a4.pdf`; the directory page
//! links to both with their sizes.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::{CONFIG_FILE, LevelDescriptions, PrintChoice, PrintSettings};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::Site;
use crate::model::booklet::{LabelledQr, Paper, PrintedLink, printed};
use crate::model::i18n::{ArgValue, Words};
use crate::model::id::Id;
use crate::model::material::short_url;
use crate::model::relations::near_matches;
use crate::model::resource::{Resource, ResourceId};
use crate::model::service::vocab::{Category, Level};
use crate::model::service::words::{ages, cost_text, opening_line};
use crate::model::service::{Service, ServiceIndex};
use crate::model::topic::Topics;
use crate::qr::QrCode;

/// Where the printed directory on `paper` is published: `/directory/directory-a5.pdf`.
pub fn pdf_path(paper: Paper) -> String {
    format!("/directory/directory-{}.pdf", paper.label().to_lowercase())
}

/// The papers the directory is printed for, in the order the page offers them.
pub const PAPERS: [Paper; 2] = [Paper::A5, Paper::A4];

/// What `[directory.print]` chose, by position in the site's lists.
#[derive(Debug, Clone, Default)]
pub struct PrintSelection {
    /// The services to print, in the site's order.
    pub services: Vec<ServiceIndex>,
    /// The resources to print, in the library's order.
    pub resources: Vec<ResourceId>,
}

/// The printed directory, for the PDFs.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedDirectory {
    /// 'Northmoor Families: directory of local support'.
    pub title: String,
    /// Who publishes it.
    pub publisher: String,
    /// 'Made on 4 March 2024', in the site's language (as every text here).
    pub made_on: String,
    /// The directory online, in short form.
    pub directory_short_url: String,
    /// The directory online, in full.
    pub directory_url: String,
    /// The levels that have services, in pathway order.
    pub levels: Vec<PrintedLevel>,
    /// The online resources chosen.
    pub resources: Vec<PrintedLink>,
    /// Topics and categories, A to Z, with the services on each.
    pub index: Vec<IndexEntry>,
    /// The site's safety services, for the back cover (whether printed inside or not).
    pub safety: Vec<SafetyLine>,
    /// The site's 'Get help now' numbers, for the back cover.
    pub help_now: Vec<HelpNowLine>,
}

/// A level of the pathway with its services.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedLevel {
    /// Anchor: `level-universal`.
    pub id: String,
    /// 'Universal support'.
    pub title: String,
    /// What it means, in the site's words or the theme's.
    pub description: String,
    /// Its categories that have services, in vocabulary order.
    pub categories: Vec<PrintedCategory>,
}

/// A category within a level.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedCategory {
    /// Anchor: `universal-counselling`.
    pub id: String,
    /// 'Counselling'.
    pub title: String,
    /// The services whose first category this is (the index lists each under all of its).
    pub services: Vec<PrintedService>,
}

/// A service as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedService {
    /// Anchor: `service-<id>`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Who runs it.
    pub organisation: String,
    /// What it offers, in a line or two.
    pub summary: String,
    /// A notice to read first, or empty.
    pub notice: String,
    /// 'Ages 16 and over. Parents in Little Brook.', or empty.
    pub who_for: String,
    /// 'Self-referral or professional referral. Call or email to ask for a place.'
    pub access: String,
    /// 'Free'.
    pub cost: String,
    /// 'English, Welsh', or empty.
    pub languages: String,
    /// Contact details in full, one line each, labelled: a person, phone, email.
    pub contact: Vec<String>,
    /// Its own website, in full.
    pub website: Option<String>,
    /// 'Name, address, postcode', one line each.
    pub locations: Vec<String>,
    /// One line each.
    pub opening_times: Vec<String>,
    /// 'Last checked 1 October 2026'.
    pub last_checked: String,
    /// Its page on the site, in full.
    pub url: String,
    /// The same in short form.
    pub short_url: String,
    /// Its page as a QR code.
    pub qr: LabelledQr,
}

/// A topic or category with the services on it.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    /// 'Bereavement'.
    pub term: String,
    /// (name, anchor), by name.
    pub services: Vec<(String, String)>,
}

/// A safety service on the back cover.
#[derive(Debug, Clone, Serialize)]
pub struct SafetyLine {
    /// Its name.
    pub name: String,
    /// How to reach it: phone, email, website, whichever it has.
    pub contact: String,
    /// When it is open, or empty.
    pub hours: String,
}

/// A 'Get help now' number on the back cover.
#[derive(Debug, Clone, Serialize)]
pub struct HelpNowLine {
    /// 'Emergency services'.
    pub name: String,
    /// '999', the website, or both.
    pub contact: String,
    /// 'If you or a child are in danger now', or empty.
    pub when: String,
}

/// Reads `[directory.print]` against the site's services, resources and topics; every name
/// that matches nothing is a problem located in `hubsite.toml`.
pub fn choose(
    settings: &PrintSettings,
    services: &[Service],
    resources: &[Resource],
    topics: &Topics,
    problems: &mut Diagnostics,
) -> PrintSelection {
    let service_ids: Vec<&str> = services.iter().map(|s| s.id.as_str()).collect();
    let category_slugs: Vec<&str> = Category::ALL.iter().map(|c| c.slug()).collect();
    let resource_ids: Vec<&str> = resources.iter().map(|r| r.id.as_str()).collect();
    let topic_slugs: Vec<&str> = topics.list.iter().map(|t| t.slug.as_str()).collect();
    let mut named = |choices: &[PrintChoice], known: &[&str], what: &str| -> Vec<String> {
        let mut found = Vec::new();
        for choice in choices {
            if known.contains(&choice.name.as_str()) {
                found.push(choice.name.clone());
            } else {
                problems.push(unknown(choice, known, what));
            }
        }
        found
    };
    let by_id = settings
        .services
        .as_deref()
        .map(|c| named(c, &service_ids, "service"));
    let by_category = settings
        .categories
        .as_deref()
        .map(|c| named(c, &category_slugs, "category"));
    let resources_named = named(&settings.resources, &resource_ids, "resource");
    let resource_topics = named(&settings.resource_topics, &topic_slugs, "topic");
    let everything = by_id.is_none() && by_category.is_none();
    let chosen_services = services
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            everything
                || by_id
                    .as_ref()
                    .is_some_and(|ids| ids.iter().any(|id| id == s.id.as_str()))
                || by_category.as_ref().is_some_and(|slugs| {
                    s.categories
                        .iter()
                        .any(|c| slugs.iter().any(|slug| slug == c.slug()))
                })
        })
        .map(|(i, _)| Id::new(i))
        .collect();
    let chosen_resources = resources
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            resources_named.iter().any(|id| id == r.id.as_str())
                || r.topics.iter().any(|&t| {
                    resource_topics
                        .iter()
                        .any(|slug| slug == topics.list[t].slug.as_str())
                })
        })
        .map(|(i, _)| Id::new(i))
        .collect();
    PrintSelection {
        services: chosen_services,
        resources: chosen_resources,
    }
}

/// A name in `[directory.print]` that matches nothing, with the nearest names or the list.
fn unknown(choice: &PrintChoice, known: &[&str], what: &str) -> Diagnostic {
    let message = format!(
        "[directory.print] names the {what} `{}`, which this site does not have",
        choice.name
    );
    let mut problem = Diagnostic::file(CONFIG_FILE, message).code(Code::UnknownValue);
    problem.position = choice.position;
    let near = near_matches(&choice.name, known);
    let hint = if !near.is_empty() {
        format!("did you mean {}?", near.join(" or "))
    } else if known.is_empty() {
        format!("this site has no {what} to name: take the entry out")
    } else if known.len() <= 12 {
        format!("the site's {what} names: {}", known.join(", "))
    } else {
        format!("check the spelling: a {what} is named by its id")
    };
    problem.hint(hint)
}

/// The printed directory of `site`, or `None` when nothing is chosen to print.
pub fn build_printed_directory(
    site: &Site,
    selection: &PrintSelection,
) -> Option<PrintedDirectory> {
    if selection.services.is_empty() {
        return None;
    }
    let config = &site.config;
    let chosen: Vec<&Service> = selection
        .services
        .iter()
        .map(|&i| &site.services[i])
        .collect();
    let printed_services: BTreeMap<&str, PrintedService> = chosen
        .par_iter()
        .map(|s| (s.id.as_str(), printed_service(site, s)))
        .collect();
    let directory_url = config.absolute_url("/directory/");
    let words = site.words();
    let today = site
        .dates
        .date(config.time_zone.to_datetime(site.now).date());
    Some(PrintedDirectory {
        title: words.t_with("printed-directory-title", &[("site", text(&config.title))]),
        publisher: config
            .organisation
            .as_ref()
            .map_or_else(|| config.title.clone(), |o| o.name.clone()),
        made_on: words.t_with(
            "printed-directory-made-on",
            &[("date", ArgValue::Text(today))],
        ),
        directory_short_url: short_url(&directory_url),
        directory_url,
        levels: levels(site, &chosen, &printed_services),
        resources: selection
            .resources
            .par_iter()
            .map(|&i| printed(site, &site.resources[i].material))
            .collect(),
        index: index(site, &chosen, &words),
        safety: site
            .services
            .iter()
            .filter(|s| s.safety)
            .map(|s| safety_line(s, &words))
            .collect(),
        help_now: config
            .help_now
            .iter()
            .map(|h| HelpNowLine {
                name: h.name.clone(),
                contact: [h.phone.clone(), h.url.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
                when: h.when.clone().unwrap_or_default(),
            })
            .collect(),
    })
}

/// The levels that have chosen services, each with its categories.
fn levels(
    site: &Site,
    chosen: &[&Service],
    printed: &BTreeMap<&str, PrintedService>,
) -> Vec<PrintedLevel> {
    let descriptions = &site.config.directory.levels;
    let words = site.words();
    Level::ALL
        .iter()
        .filter_map(|&level| {
            let at_level: Vec<&Service> = chosen
                .iter()
                .copied()
                .filter(|s| s.level == level)
                .collect();
            let categories: Vec<PrintedCategory> = Category::ALL
                .iter()
                .filter_map(|&category| {
                    printed_category(level, category, &at_level, printed, &words)
                })
                .collect();
            (!categories.is_empty()).then(|| PrintedLevel {
                id: format!("level-{}", level.slug()),
                title: words.t(&format!("printed-level-{}", level.slug())),
                description: site_level_description(descriptions, level).map_or_else(
                    || words.t(&format!("level-description-{}", level.slug())),
                    str::to_owned,
                ),
                categories,
            })
        })
        .collect()
}

/// The site's sentence for a level, from `[directory.levels]`; blank counts as none.
pub fn site_level_description(descriptions: &LevelDescriptions, level: Level) -> Option<&str> {
    let text = match level {
        Level::Universal => &descriptions.universal,
        Level::Targeted => &descriptions.targeted,
        Level::Specialist => &descriptions.specialist,
    };
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

fn printed_category(
    level: Level,
    category: Category,
    at_level: &[&Service],
    printed: &BTreeMap<&str, PrintedService>,
    words: &Words,
) -> Option<PrintedCategory> {
    let mut in_category: Vec<&Service> = at_level
        .iter()
        .copied()
        .filter(|s| s.categories.first() == Some(&category))
        .collect();
    in_category.sort_by_key(|s| (!s.family_hub, s.name.to_lowercase(), s.id.clone()));
    let services: Vec<PrintedService> = in_category
        .into_iter()
        .filter_map(|s| printed.get(s.id.as_str()).cloned())
        .collect();
    (!services.is_empty()).then(|| PrintedCategory {
        id: format!("{}-{}", level.slug(), category.slug()),
        title: words.t(category.key()),
        services,
    })
}

fn printed_service(site: &Site, service: &Service) -> PrintedService {
    let words = site.words();
    let url = site.config.absolute_url(service.url.as_str());
    let who_for = sentences([
        &ages(service.min_age, service.max_age, &words),
        &service.eligibility,
    ]);
    let routes: Vec<String> = service
        .access
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let label = words.t(a.key());
            if i == 0 { label } else { label.to_lowercase() }
        })
        .collect();
    let routes = match routes.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), words.t("list-or"))
        }
        _ => routes.concat(),
    };
    let access = sentences([&routes, &service.referral]);
    let contact = &service.contact;
    let person = [contact.name.clone(), contact.role.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let line = |key: &str, name: &str, value: Option<&String>| {
        value
            .filter(|t| !t.is_empty())
            .map(|t| words.t_with(key, &[(name, text(t))]))
    };
    let contact_lines = [
        line("service-ask-for", "person", Some(&person)),
        line("contact-phone", "phone_html", contact.phone.as_ref()),
        line("contact-email", "email_html", contact.email.as_ref()),
    ]
    .into_iter()
    .flatten()
    .collect();
    PrintedService {
        id: format!("service-{}", service.id),
        name: service.name.clone(),
        organisation: service.organisation.clone(),
        summary: service.summary.trim().to_owned(),
        notice: service.notice.clone(),
        who_for,
        access,
        cost: cost_text(service, &words),
        languages: service.languages.join(", "),
        contact: contact_lines,
        website: contact.website.clone(),
        locations: service
            .locations
            .iter()
            .map(|l| format!("{}, {}, {}", l.name, l.address, l.postcode))
            .collect(),
        opening_times: service
            .schedule
            .iter()
            .map(|o| opening_line(o, &service.locations, &words))
            .collect(),
        last_checked: words.t_with(
            "service-last-checked",
            &[(
                "date_html",
                ArgValue::Text(site.dates.date(service.last_reviewed)),
            )],
        ),
        short_url: short_url(&url),
        qr: LabelledQr {
            code: QrCode::encode(&url).map(Arc::new),
            label: words.t_with("poster-qr", &[("title", text(&service.name))]),
        },
        url,
    }
}

/// Each text as a sentence (a full stop added where it has no closing mark), blanks left out,
/// joined with spaces.
fn sentences<const N: usize>(texts: [&str; N]) -> String {
    texts
        .into_iter()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            if t.ends_with(['.', '!', '?', '。', '؟', '۔']) {
                t.to_owned()
            } else {
                format!("{t}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text handed to a message.
fn text(value: &str) -> ArgValue {
    ArgValue::Text(value.to_owned())
}

/// Every topic and category of the chosen services, A to Z, with its services by name.
fn index(site: &Site, chosen: &[&Service], words: &Words) -> Vec<IndexEntry> {
    let mut terms: BTreeMap<(String, String), Vec<(String, String)>> = BTreeMap::new();
    for service in chosen {
        let entry = (service.name.clone(), format!("service-{}", service.id));
        let names = service
            .topics
            .iter()
            .map(|&t| site.topics.list[t].name.clone())
            .chain(service.categories.iter().map(|c| words.t(c.key())));
        for name in names {
            terms
                .entry((name.to_lowercase(), name))
                .or_default()
                .push(entry.clone());
        }
    }
    terms
        .into_iter()
        .map(|((_, term), mut services)| {
            services.sort_by_key(|(name, id)| (name.to_lowercase(), id.clone()));
            services.dedup();
            IndexEntry { term, services }
        })
        .collect()
}

fn safety_line(service: &Service, words: &Words) -> SafetyLine {
    let contact = &service.contact;
    SafetyLine {
        name: service.name.clone(),
        contact: [
            contact.phone.clone(),
            contact.email.clone(),
            contact.website.clone(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", "),
        hours: service
            .schedule
            .iter()
            .map(|o| opening_line(o, &service.locations, words))
            .collect::<Vec<_>>()
            .join("; "),
    }
}
