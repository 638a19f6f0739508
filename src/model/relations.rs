//! Stage 2, model: the 'related' lists of pages, sessions and services. An organiser's own
//! list (`related_services`, `related_pages`, `related_resources`) replaces the automatic one
//! and is checked here, entry by entry. Automatic lists follow the safety rules: on anything
//! sensitive, specialist safety services come first and services that work with both partners
//! together (mediation, couple counselling, couples' courses) are never suggested.

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use crate::diag::{Code, Diagnostics, SourceFile};
use crate::load::Sources;
use crate::model::id::ById;
use crate::model::page::{Page, PageId, join_content_path};
use crate::model::resource::Resource;
use crate::model::resource::ResourceId;
use crate::model::sensitivity::Sensitivity;
use crate::model::service::{Service, ServiceAudience, ServiceIndex};
use crate::model::session::Session;
use crate::model::topic::{TopicId, best_matches};

/// The `related_*` lists of a page, session or service, as written; `None` where not written.
#[derive(Debug, Clone, Default)]
pub struct WrittenRelations {
    /// Services by id (`relate`) or source path (`../directory/relate.toml`).
    pub services: Option<Vec<Spanned<String>>>,
    /// Pages by source path, as in links (`separating.md`, `../self-help/separating.md`).
    pub pages: Option<Vec<Spanned<String>>>,
    /// Resources of the library by their address.
    pub resources: Option<Vec<Spanned<String>>>,
}

/// The organiser's lists, resolved: the site's services, pages and resources, in the order
/// written; `None` where the list is chosen automatically.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExplicitRelations {
    /// Services of the directory.
    pub services: Option<Vec<ServiceIndex>>,
    /// Pages.
    pub pages: Option<Vec<PageId>>,
    /// Resources of the library.
    pub resources: Option<Vec<ResourceId>>,
}

/// What a 'related' list is chosen for: a page, session or service.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// Its topics (indexes into the site's topics).
    pub topics: &'a [TopicId],
    /// Whether it is sensitive: the safety rules apply.
    pub sensitivity: Sensitivity,
    /// The organiser's own lists, which win.
    pub explicit: &'a ExplicitRelations,
}

/// Where a list was written: its file, the offset of the TOML in it, and the folder under
/// `content/` that relative paths start from (as for links in Markdown).
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The file.
    pub file: &'a SourceFile,
    /// Where the TOML starts in it (front matter), so spans become file positions.
    pub offset: usize,
    /// The folder relative paths start from: `self-help` for a self-help page.
    pub content_dir: &'a str,
}

/// What explicit lists may name.
#[derive(Debug, Clone, Copy)]
pub struct Targets<'a> {
    /// The directory's services.
    pub services: &'a [Service],
    /// Published pages by their path under `content/`.
    pub pages: &'a BTreeMap<String, PageId>,
    /// Pages of the default language the language being built has no translation of, by
    /// their path under `content/`: an entry naming one is left out of that language's lists.
    pub untranslated: &'a BTreeSet<String>,
    /// The resource library.
    pub resources: &'a [Resource],
}

/// Resolves every entry of `written`; unknown entries are problems located at the entry, with
/// a hint naming the nearest known entries.
pub fn resolve(
    written: &WrittenRelations,
    origin: Origin,
    targets: Targets,
    problems: &mut Diagnostics,
) -> ExplicitRelations {
    let service_ids: Vec<&str> = targets.services.iter().map(|s| s.id.as_str()).collect();
    let resource_urls: Vec<&str> = targets
        .resources
        .iter()
        .map(|r| r.material.url.as_str())
        .collect();
    // Most files write no list: nothing to resolve (and the near-match candidates below cost
    // a pass over every page, which for every page of a large site would be quadratic).
    if written.services.is_none() && written.pages.is_none() && written.resources.is_none() {
        return ExplicitRelations::default();
    }
    let services = written.services.as_ref().map(|list| {
        resolve_list(list, origin, problems, |entry| {
            let id = service_id_of(entry, origin.content_dir);
            match service_ids.iter().position(|known| Some(*known) == id.as_deref()) {
                Some(index) => Ok(Some(ServiceIndex::new(index))),
                None => Err(unknown(&format!("no service `{entry}` in the directory"), id.as_deref().unwrap_or(entry), &service_ids)
                    .hint_suffix("name a service by its id (its file name without .toml) or by its path, such as ../directory/relate.toml")),
            }
        })
    });
    let pages = written.pages.as_ref().map(|list| {
        resolve_list(list, origin, problems, |entry| {
            let path = join_content_path(origin.content_dir, entry).unwrap_or_default();
            match targets.pages.get(&path) {
                Some(&id) => Ok(Some(id)),
                None if targets.untranslated.contains(&path) => Ok(None),
                None => Err(unknown(
                    &format!("no page at `{entry}`"),
                    entry,
                    &page_paths(origin, &targets)
                        .iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>(),
                )
                .hint_suffix("name a page by its file, relative to this one as in a link")),
            }
        })
    });
    let resources = written.resources.as_ref().map(|list| {
        resolve_list(list, origin, problems, |entry| {
            match resource_urls.iter().position(|url| *url == entry) {
                Some(index) => Ok(Some(ResourceId::new(index))),
                None => Err(unknown(
                    &format!("no resource in content/resources/ has the address `{entry}`"),
                    entry,
                    &resource_urls,
                )
                .hint_suffix("name a resource by its url, exactly as in content/resources/")),
            }
        })
    });
    ExplicitRelations {
        services,
        pages,
        resources,
    }
}

/// Every page as a link from the writing file would name it: the candidates for near matches.
fn page_paths(origin: Origin, targets: &Targets) -> Vec<String> {
    targets
        .pages
        .keys()
        .map(|path| relative_path(origin.content_dir, path))
        .collect()
}

/// A problem and its hint, before it is located.
struct Unknown {
    message: String,
    hint: String,
}

impl Unknown {
    fn hint_suffix(mut self, advice: &str) -> Unknown {
        self.hint = if self.hint.is_empty() {
            advice.to_owned()
        } else {
            format!("{}; {advice}", self.hint)
        };
        self
    }
}

fn unknown(message: &str, wanted: &str, known: &[&str]) -> Unknown {
    let near = near_matches(wanted, known);
    let hint = if near.is_empty() {
        String::new()
    } else {
        format!("did you mean {}?", near.join(" or "))
    };
    Unknown {
        message: message.to_owned(),
        hint,
    }
}

fn resolve_list<I: PartialEq>(
    list: &[Spanned<String>],
    origin: Origin,
    problems: &mut Diagnostics,
    find: impl Fn(&str) -> Result<Option<I>, Unknown>,
) -> Vec<I> {
    let mut found = Vec::new();
    for entry in list {
        match find(entry.get_ref().trim()) {
            Ok(Some(index)) if !found.contains(&index) => found.push(index),
            Ok(_) => {}
            Err(problem) => {
                let span = entry.span();
                let at = span.start + origin.offset..span.end + origin.offset;
                problems.push(
                    origin
                        .file
                        .error_at(at, problem.message)
                        .code(Code::UnknownRelated)
                        .hint(problem.hint),
                );
            }
        }
    }
    found
}

/// The service id an entry names: an id as it is, or the file name of a path that leads to
/// `content/directory/<id>.toml`.
fn service_id_of(entry: &str, content_dir: &str) -> Option<String> {
    if !entry.contains('/') && !entry.ends_with(".toml") {
        return Some(entry.to_owned());
    }
    let path = join_content_path(content_dir, entry)?;
    path.strip_prefix("directory/")?
        .strip_suffix(".toml")
        .filter(|id| !id.contains('/'))
        .map(str::to_owned)
}

/// Resolves the `related_*` lists of every page, session and service of a site, recording
/// each in its item; every unknown entry is a located problem.
pub fn resolve_site_relations(
    sources: &Sources,
    pages: &mut [Page],
    sessions: &mut [Session],
    services: &mut [Service],
    resources: &[Resource],
    by_content_path: &BTreeMap<String, PageId>,
    problems: &mut Diagnostics,
) {
    let untranslated: BTreeSet<String> = sources
        .untranslated
        .iter()
        .map(|p| p.content_path.clone())
        .collect();
    let targets = Targets {
        services,
        pages: by_content_path,
        untranslated: &untranslated,
        resources,
    };
    let for_pages: Vec<ExplicitRelations> = pages
        .iter()
        .map(|page| {
            let raw = &sources.pages[page.raw];
            let front = &raw.front;
            let written = WrittenRelations {
                services: front.related_services.clone(),
                pages: front.related_pages.clone(),
                resources: front.related_resources.clone(),
            };
            let content_dir = raw.content_path.rsplit_once('/').map_or("", |(dir, _)| dir);
            resolve(
                &written,
                Origin {
                    file: &raw.file,
                    offset: raw.front_offset,
                    content_dir,
                },
                targets,
                problems,
            )
        })
        .collect();
    let session_files: BTreeMap<&std::path::Path, &SourceFile> = sources
        .weeks
        .iter()
        .flat_map(|w| &w.sessions)
        .map(|s| (s.file.path.as_path(), &s.file))
        .collect();
    let for_sessions: Vec<ExplicitRelations> = sessions
        .iter()
        .map(
            |session| match session_files.get(session.source.as_path()) {
                Some(file) => resolve(
                    &session.written_relations,
                    Origin {
                        file,
                        offset: 0,
                        content_dir: "",
                    },
                    targets,
                    problems,
                ),
                None => ExplicitRelations::default(),
            },
        )
        .collect();
    let data_files: BTreeMap<&std::path::Path, &SourceFile> = sources
        .data_files
        .iter()
        .map(|f| (f.path.as_path(), f))
        .collect();
    let for_services: Vec<ExplicitRelations> = services
        .iter()
        .map(|service| match data_files.get(service.path.as_path()) {
            Some(file) => resolve(
                &service.written_relations,
                Origin {
                    file,
                    offset: 0,
                    content_dir: "directory",
                },
                targets,
                problems,
            ),
            None => ExplicitRelations::default(),
        })
        .collect();
    pages
        .iter_mut()
        .zip(for_pages)
        .for_each(|(item, found)| item.related = found);
    sessions
        .iter_mut()
        .zip(for_sessions)
        .for_each(|(item, found)| item.related = found);
    services
        .iter_mut()
        .zip(for_services)
        .for_each(|(item, found)| item.related = found);
}

/// The path from folder `dir` to `path` (both under `content/`), as a link from there reads.
fn relative_path(dir: &str, path: &str) -> String {
    let from: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = path.split('/').collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts = vec![".."; from.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
}

/// Up to three of `known` that look like `wanted` (or end in the same file name), nearest
/// first, each in backticks.
pub fn near_matches(wanted: &str, known: &[&str]) -> Vec<String> {
    let file_name = |text: &str| text.rsplit('/').next().unwrap_or(text).to_owned();
    let score = |k: &str| {
        if file_name(k) == file_name(wanted) {
            1.0
        } else {
            strsim::jaro_winkler(wanted, k)
        }
    };
    let mut scored: Vec<(f64, &str)> = known
        .iter()
        .map(|k| (score(k), *k))
        .filter(|(score, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, k)| format!("`{k}`"))
        .collect()
}

/// The services a subject suggests, at most `limit`: those that
/// share most topics with it, family hubs before others, then by name. On a sensitive subject
/// every specialist safety service comes first and no joint-work service is suggested. Services
/// for practitioners only are never suggested (families cannot contact them; the practitioners'
/// guide lists them, and an explicit list may name them).
pub fn suggest_services(
    services: &[Service],
    topics: &[TopicId],
    sensitivity: Sensitivity,
    limit: usize,
) -> Vec<ServiceIndex> {
    let key = |s: &Service| (!s.family_hub, s.name.to_lowercase());
    let for_families = |s: &Service| s.audience != ServiceAudience::Practitioners;
    if !sensitivity.is_sensitive() {
        return best_matches(services, for_families, |s| &s.topics, key, topics, limit);
    }
    let mut safety: Vec<ServiceIndex> = services
        .with_ids()
        .filter(|(_, s)| s.safety && for_families(s))
        .map(|(n, _)| n)
        .collect();
    safety.sort_by_cached_key(|&n| {
        let shared = services[n]
            .topics
            .iter()
            .filter(|t| topics.contains(t))
            .count();
        (std::cmp::Reverse(shared), key(&services[n]), n)
    });
    safety.truncate(limit);
    let room = limit - safety.len();
    let safe_to_suggest = |s: &Service| !s.safety && !s.joint_work && for_families(s);
    safety.extend(best_matches(
        services,
        safe_to_suggest,
        |s| &s.topics,
        key,
        topics,
        room,
    ));
    safety
}

/// Whether a list of services includes a specialist safety service.
pub fn has_safety_service(services: &[Service], chosen: &[ServiceIndex]) -> bool {
    chosen
        .iter()
        .any(|&n| services.by_id(n).is_some_and(|s| s.safety))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::RawTopic;
    use crate::model::id::Id;
    use crate::model::service::build_services;
    use crate::model::topic::Topics;

    fn t(n: usize) -> TopicId {
        Id::new(n)
    }

    fn topics() -> Topics {
        #[derive(serde::Deserialize)]
        struct File {
            topic: Vec<RawTopic>,
        }
        let text = "[[topic]]\nslug = \"domestic-abuse\"\nname = \"Domestic abuse\"\nsensitive = true\n[[topic]]\nslug = \"talking\"\nname = \"Talking\"\n";
        let file: File = toml::from_str(text).unwrap();
        let mut problems = Diagnostics::default();
        Topics::build(Some(&file.topic), None, &Default::default(), &mut problems)
    }

    fn service(id: &str, categories: &str, topics: &str, extra: &str) -> SourceFile {
        let text = format!(
            "name = \"{id}\"\norganisation = \"O\"\nsummary = \"S\"\nlevel = \"specialist\"\ncategories = [{categories}]\ntopics = [{topics}]\naccess = [\"self-referral\"]\nlast_reviewed = 2026-01-01\n{extra}\n[cost]\nfree = true\n"
        );
        SourceFile {
            path: format!("content/directory/{id}.toml").into(),
            text,
        }
    }

    fn services() -> Vec<Service> {
        let files = [
            service("abuse-line", "\"domestic-abuse\"", "\"domestic-abuse\"", ""),
            service(
                "couples",
                "\"counselling\"",
                "\"talking\", \"domestic-abuse\"",
                "joint_work = true",
            ),
            service("mediation", "\"mediation\"", "\"talking\"", ""),
            service("chat", "\"drop-in\"", "\"talking\"", ""),
            service("refuge", "\"helpline\"", "", "safety = true"),
        ];
        let mut problems = Diagnostics::default();
        let found = build_services(&files, &topics(), &Default::default(), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        found
    }

    fn ids(services: &[Service], chosen: &[ServiceIndex]) -> Vec<String> {
        chosen.iter().map(|&n| services[n].id.to_string()).collect()
    }

    #[test]
    fn on_a_sensitive_subject_safety_services_come_first_and_joint_work_never() {
        let services = services();
        let chosen = suggest_services(&services, &[t(0), t(1)], Sensitivity::Sensitive, 6);
        assert_eq!(ids(&services, &chosen), ["abuse-line", "refuge", "chat"]);
    }

    #[test]
    fn on_an_ordinary_subject_joint_work_may_be_suggested() {
        let services = services();
        let chosen = suggest_services(&services, &[t(1)], Sensitivity::Ordinary, 6);
        assert_eq!(ids(&services, &chosen), ["chat", "couples", "mediation"]);
    }

    #[test]
    fn the_limit_holds_even_with_many_safety_services() {
        let services = services();
        assert_eq!(
            ids(
                &services,
                &suggest_services(&services, &[t(0)], Sensitivity::Sensitive, 1)
            ),
            ["abuse-line"]
        );
    }

    #[test]
    fn mediation_is_joint_work_by_default_and_abuse_services_are_safety_services() {
        let services = services();
        let by_id = |id: &str| {
            services
                .iter()
                .find(|s| s.id.as_str() == id)
                .map(|s| (s.safety, s.joint_work))
        };
        assert_eq!(by_id("mediation"), Some((false, true)));
        assert_eq!(by_id("abuse-line"), Some((true, false)));
        assert_eq!(by_id("couples"), Some((false, true)));
        assert_eq!(by_id("chat"), Some((false, false)));
    }

    #[test]
    fn entries_resolve_by_id_or_path_and_unknown_ones_are_located_with_near_matches() {
        let services = services();
        let pages = BTreeMap::from([("self-help/a.md".to_owned(), Id::new(0))]);
        let text = "related_services = [\"chat\", \"../directory/refuge.toml\", \"mediaton\"]\nrelated_pages = [\"a.md\", \"b.md\"]\n";
        let file = SourceFile {
            path: "content/self-help/x.md".into(),
            text: format!("+++\n{text}+++\n"),
        };
        #[derive(serde::Deserialize)]
        struct Lists {
            related_services: Vec<Spanned<String>>,
            related_pages: Vec<Spanned<String>>,
        }
        let lists: Lists = toml::from_str(text).unwrap();
        let written = WrittenRelations {
            services: Some(lists.related_services),
            pages: Some(lists.related_pages),
            resources: None,
        };
        let mut problems = Diagnostics::default();
        let origin = Origin {
            file: &file,
            offset: 4,
            content_dir: "self-help",
        };
        let found = resolve(
            &written,
            origin,
            Targets {
                services: &services,
                pages: &pages,
                untranslated: &BTreeSet::new(),
                resources: &[],
            },
            &mut problems,
        );
        assert_eq!(
            ids(&services, found.services.as_deref().unwrap()),
            ["chat", "refuge"]
        );
        assert_eq!(found.pages, Some(vec![Id::new(0)]));
        assert_eq!(found.resources, None);
        let messages: Vec<String> = problems
            .0
            .iter()
            .map(|d| {
                format!(
                    "{:?} {} | {}",
                    d.position,
                    d.message,
                    d.hint.as_deref().unwrap_or("")
                )
            })
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].starts_with("Some((2, 57)) no service `mediaton`"),
            "{messages:?}"
        );
        assert!(
            messages[0].contains("did you mean `mediation`?"),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("Some((3, 26)) no page at `b.md`"),
            "{messages:?}"
        );
        assert!(messages[1].contains("did you mean `a.md`?"), "{messages:?}");
    }

    #[test]
    fn suggested_paths_read_from_the_writing_file() {
        assert_eq!(
            relative_path("directory", "self-help/a.md"),
            "../self-help/a.md"
        );
        assert_eq!(relative_path("", "self-help/a.md"), "self-help/a.md");
        assert_eq!(relative_path("self-help", "self-help/a.md"), "a.md");
        assert_eq!(
            near_matches("abuse.md", &["self-help/abuse.md", "other.md"]),
            ["`self-help/abuse.md`"]
        );
    }

    #[test]
    fn service_paths_must_lead_into_the_directory() {
        assert_eq!(
            service_id_of("relate", "self-help").as_deref(),
            Some("relate")
        );
        assert_eq!(
            service_id_of("../directory/relate.toml", "self-help").as_deref(),
            Some("relate")
        );
        assert_eq!(
            service_id_of("directory/relate.toml", "").as_deref(),
            Some("relate")
        );
        assert_eq!(
            service_id_of("relate.toml", "directory").as_deref(),
            Some("relate")
        );
        assert_eq!(service_id_of("../../relate.toml", "self-help"), None);
        assert_eq!(service_id_of("../news/relate.toml", "self-help"), None);
    }
}
