//! The rules that place an imported Open Referral UK service on the pathway of support: its
//! level (universal, targeted, specialist) and how families get to it (self-referral,
//! professional referral, drop-in). A table: the site's `[[import.oruk.rules]]` from
//! hubsite.toml, tried in order, then hubsite's built-in rules, then the fallback (universal,
//! self-referral). The first rule that matches and gives a level decides the level; the first
//! that matches and gives access decides access; each service's report names the rule.
//! Pure: the validated configuration and the service's terms and categories in, a placement
//! out.

use std::fmt;

use serde_json::Value;
use toml::Spanned;

use crate::config::{OrukImportSettings, RawOrukRule};
use crate::diag::{Code, Diagnostics, SourceFile};
use crate::model::service::vocab::{Access, Category, Level};

/// What a rule looks for in a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matcher {
    /// One of the service's taxonomy terms (its `term`, `code` or `id`), lower case.
    Term(String),
    /// One of the service's categories.
    Category(Category),
    /// Every service.
    Any,
}

/// Where a rule comes from, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The n-th `[[import.oruk.rules]]` of hubsite.toml (1-based).
    Site(usize),
    /// hubsite's own table.
    BuiltIn,
    /// Nothing else matched.
    Fallback,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// What it matches.
    pub matcher: Matcher,
    /// The level it gives, if any.
    pub level: Option<Level>,
    /// The access routes it gives, if any.
    pub access: Option<Vec<Access>>,
    /// Where it comes from.
    pub origin: Origin,
}

/// The whole table, in the order rules are tried, and the fallback when none matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    rules: Vec<Rule>,
    fallback: Rule,
}

/// A service's level and access, each with the rule that gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement<'a> {
    /// The level, and the rule that gave it.
    pub level: (Level, &'a Rule),
    /// The access routes, and the rule that gave them.
    pub access: (Vec<Access>, &'a Rule),
}

/// hubsite's own rules: counselling and domestic abuse support are specialist; mediation,
/// parenting programmes, relationship support and money advice targeted.
const BUILT_IN: &[(Category, Level)] = &[
    (Category::Counselling, Level::Specialist),
    (Category::DomesticAbuse, Level::Specialist),
    (Category::Mediation, Level::Targeted),
    (Category::ParentingProgramme, Level::Targeted),
    (Category::RelationshipSupport, Level::Targeted),
    (Category::MoneyAdvice, Level::Targeted),
];

impl Default for Rules {
    fn default() -> Self {
        Rules::with_site_rules(Vec::new(), false)
    }
}

impl Rules {
    fn with_site_rules(mut rules: Vec<Rule>, replace_built_in: bool) -> Rules {
        if !replace_built_in {
            rules.extend(BUILT_IN.iter().map(|(category, level)| Rule {
                matcher: Matcher::Category(*category),
                level: Some(*level),
                access: None,
                origin: Origin::BuiltIn,
            }));
        }
        let fallback = Rule {
            matcher: Matcher::Any,
            level: Some(Level::Universal),
            access: Some(vec![Access::SelfReferral]),
            origin: Origin::Fallback,
        };
        Rules { rules, fallback }
    }

    /// The table for a site: its `[import.oruk]` rules (every faulty value reported at its
    /// place in `file`, hubsite.toml), then the built-in ones unless replaced.
    pub fn from_settings(
        settings: &OrukImportSettings,
        file: &SourceFile,
    ) -> Result<Rules, Diagnostics> {
        let mut problems = Diagnostics::default();
        let rules: Vec<Rule> = settings
            .rules
            .iter()
            .enumerate()
            .filter_map(|(n, raw)| parse_rule(n + 1, raw, file, &mut problems))
            .collect();
        problems.into_result(Rules::with_site_rules(
            rules,
            settings.replace_built_in_rules,
        ))
    }

    /// Every rule, in the order they are tried (the fallback not included).
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Places a service whose taxonomy terms are `terms` and categories `categories`.
    pub fn place(&self, terms: &[String], categories: &[Category]) -> Placement<'_> {
        let matching = || self.rules.iter().filter(|r| r.matches(terms, categories));
        let level = matching()
            .find_map(|r| r.level.map(|l| (l, r)))
            .unwrap_or((Level::Universal, &self.fallback));
        let access = matching()
            .find_map(|r| r.access.clone().map(|a| (a, r)))
            .unwrap_or((vec![Access::SelfReferral], &self.fallback));
        Placement { level, access }
    }
}

impl Rule {
    fn matches(&self, terms: &[String], categories: &[Category]) -> bool {
        match &self.matcher {
            Matcher::Term(term) => terms.iter().any(|t| t.to_lowercase() == *term),
            Matcher::Category(category) => categories.contains(category),
            Matcher::Any => true,
        }
    }
}

impl fmt::Display for Rule {
    /// How the report names a rule: `rule 2 of hubsite.toml (term "Counselling")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match &self.matcher {
            Matcher::Term(term) => format!("term \"{term}\""),
            Matcher::Category(category) => format!("category {}", category.slug()),
            Matcher::Any => "every service".to_owned(),
        };
        match self.origin {
            Origin::Site(n) => write!(f, "rule {n} of [[import.oruk.rules]] ({what})"),
            Origin::BuiltIn => write!(f, "the built-in rule for {what}"),
            Origin::Fallback => write!(f, "the fallback, as no rule matched"),
        }
    }
}

/// The terms of a service's taxonomy attributes: each term's `term`, `code` and `id`.
pub fn service_terms(service: &Value) -> Vec<String> {
    service["attributes"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|a| {
            ["term", "code", "id"]
                .into_iter()
                .filter_map(|k| a["taxonomy_term"][k].as_str().map(str::trim))
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn parse_rule(
    n: usize,
    raw: &RawOrukRule,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<Rule> {
    let before = problems.0.len();
    let matcher = match (&raw.term, &raw.category) {
        (Some(_), Some(category)) => {
            problems.push(
                file.error_at(
                    category.span(),
                    "a rule matches a term or a category, not both",
                )
                .code(Code::ImportRule)
                .hint("write two rules, one with `term` and one with `category`"),
            );
            None
        }
        (Some(term), None) if term.get_ref().trim().is_empty() => {
            problems.push(
                file.error_at(term.span(), "the term is empty")
                    .code(Code::ImportRule)
                    .hint("write the taxonomy term as the directory's feed names it, such as term = \"Counselling\""),
            );
            None
        }
        (Some(term), None) => Some(Matcher::Term(term.get_ref().trim().to_lowercase())),
        (None, Some(category)) => vocabulary(
            category,
            Category::from_slug,
            Category::ALL,
            Category::slug,
            "category",
            file,
            problems,
        )
        .map(Matcher::Category),
        (None, None) => Some(Matcher::Any),
    };
    let level = raw.level.as_ref().and_then(|level| {
        vocabulary(
            level,
            Level::from_slug,
            Level::ALL,
            Level::slug,
            "level",
            file,
            problems,
        )
    });
    let access = raw.access.as_ref().map(|list| {
        if list.get_ref().is_empty() {
            problems.push(
                file.error_at(list.span(), "the list of access routes is empty")
                    .code(Code::ImportRule)
                    .hint(format!(
                        "name one or more of {}",
                        choices(Access::ALL, Access::slug)
                    )),
            );
        }
        list.get_ref()
            .iter()
            .filter_map(|a| {
                vocabulary(
                    a,
                    Access::from_slug,
                    Access::ALL,
                    Access::slug,
                    "access route",
                    file,
                    problems,
                )
            })
            .collect::<Vec<_>>()
    });
    if raw.level.is_none() && raw.access.is_none() {
        let at = raw
            .term
            .as_ref()
            .or(raw.category.as_ref())
            .map_or(0..0, Spanned::span);
        problems.push(
            file.error_at(at, format!("rule {n} of [[import.oruk.rules]] gives neither a level nor access"))
                .code(Code::ImportRule)
                .hint("add level = \"targeted\" (universal, targeted or specialist) or access = [\"professional-referral\"]"),
        );
    }
    (problems.0.len() == before).then(|| Rule {
        matcher: matcher.unwrap_or(Matcher::Any),
        level,
        access,
        origin: Origin::Site(n),
    })
}

/// A value of one of hubsite's vocabularies, or a located problem naming the choices.
fn vocabulary<T: Copy>(
    value: &Spanned<String>,
    parse: fn(&str) -> Option<T>,
    all: &[T],
    slug: fn(T) -> &'static str,
    what: &str,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<T> {
    let text = value.get_ref().trim();
    let found = parse(text);
    if found.is_none() {
        let near = all
            .iter()
            .map(|v| slug(*v))
            .find(|s| strsim::jaro_winkler(s, &text.to_lowercase()) > 0.85);
        let hint = match near {
            Some(near) => format!("did you mean `{near}`? The choices: {}", choices(all, slug)),
            None => format!("the choices: {}", choices(all, slug)),
        };
        problems.push(
            file.error_at(value.span(), format!("unknown {what} `{text}`"))
                .code(Code::ImportRule)
                .hint(hint),
        );
    }
    found
}

fn choices<T: Copy>(all: &[T], slug: fn(T) -> &'static str) -> String {
    all.iter().map(|v| slug(*v)).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(toml_text: &str) -> Result<Rules, Diagnostics> {
        let file = SourceFile::new("hubsite.toml", toml_text.as_bytes().to_vec()).unwrap();
        #[derive(serde::Deserialize)]
        struct Doc {
            import: crate::config::ImportSettings,
        }
        let doc: Doc = toml::from_str(&file.text).unwrap();
        Rules::from_settings(&doc.import.oruk, &file)
    }

    #[test]
    fn built_in_rules_put_counselling_at_specialist_and_name_the_rule() {
        let table = Rules::default();
        let placed = table.place(&[], &[Category::FamilyHub, Category::Counselling]);
        assert_eq!(placed.level.0, Level::Specialist);
        assert_eq!(
            placed.level.1.to_string(),
            "the built-in rule for category counselling"
        );
        assert_eq!(placed.access.0, [Access::SelfReferral]);
        assert_eq!(placed.access.1.origin, Origin::Fallback);
        assert_eq!(
            table.place(&[], &[Category::Helpline]).level.0,
            Level::Universal
        );
    }

    #[test]
    fn a_site_rule_comes_before_the_built_in_ones() {
        let table = rules(
            "[[import.oruk.rules]]\nterm = \"Counselling\"\naccess = [\"professional-referral\"]\n\n\
             [[import.oruk.rules]]\ncategory = \"counselling\"\nlevel = \"targeted\"\n",
        )
        .unwrap();
        let placed = table.place(&["counselling".into()], &[Category::Counselling]);
        assert_eq!(placed.level.0, Level::Targeted);
        assert_eq!(placed.level.1.origin, Origin::Site(2));
        assert_eq!(placed.access.0, [Access::ProfessionalReferral]);
        assert_eq!(
            placed.access.1.to_string(),
            "rule 1 of [[import.oruk.rules]] (term \"counselling\")"
        );
    }

    #[test]
    fn replacing_the_built_in_rules_leaves_the_fallback() {
        let table = rules(
            "[import.oruk]\nreplace_built_in_rules = true\n[[import.oruk.rules]]\nterm = \"x\"\nlevel = \"specialist\"\n",
        )
        .unwrap();
        assert_eq!(table.rules().len(), 1);
        assert_eq!(
            table.place(&[], &[Category::Counselling]).level.0,
            Level::Universal
        );
    }

    #[test]
    fn faulty_rules_are_all_reported_at_their_place() {
        let problems = rules(
            "[[import.oruk.rules]]\nterm = \"Counselling\"\nlevel = \"specalist\"\naccess = [\"self\", \"drop-in\"]\n\n\
             [[import.oruk.rules]]\ncategory = \"counseling\"\n",
        )
        .unwrap_err();
        let shown: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 4, "{shown:#?}");
        assert!(
            shown[0].starts_with("hubsite.toml:3:9: unknown level `specalist`"),
            "{}",
            shown[0]
        );
        assert!(
            shown[0].contains("did you mean `specialist`?"),
            "{}",
            shown[0]
        );
        assert!(
            shown[1].starts_with("hubsite.toml:4:11: unknown access route `self`"),
            "{}",
            shown[1]
        );
        assert!(
            shown[2].starts_with("hubsite.toml:7:12: unknown category `counseling`"),
            "{}",
            shown[2]
        );
        assert!(
            shown[3].contains("rule 2 of [[import.oruk.rules]] gives neither"),
            "{}",
            shown[3]
        );
    }

    #[test]
    fn terms_are_read_from_attributes() {
        let service = serde_json::json!({"attributes": [{"taxonomy_term": {"id": "t1", "term": "Counselling", "code": ""}}]});
        assert_eq!(service_terms(&service), ["Counselling", "t1"]);
    }
}
