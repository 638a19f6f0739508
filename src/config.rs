//! Site configuration: `hubsite.toml` as written ([`RawConfig`]) and as validated ([`Config`]).

use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile};
use crate::site_url::SiteUrls;

/// The name of the configuration file at the root of every site.
pub const CONFIG_FILE: &str = "hubsite.toml";

/// `hubsite.toml` exactly as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    base_url: Spanned<String>,
    #[serde(default)]
    language: Option<Spanned<String>>,
    #[serde(default)]
    languages: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    time_zone: Option<Spanned<String>>,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default = "default_output_dir")]
    output_dir: PathBuf,
    #[serde(default)]
    organisation: Option<Organisation>,
    #[serde(default)]
    contact: Contact,
    #[serde(default)]
    safety: Safety,
    #[serde(default)]
    help_now: Vec<HelpLine>,
    #[serde(default)]
    directory: DirectorySettings,
    #[serde(default)]
    import: ImportSettings,
    #[serde(default)]
    translations: std::collections::BTreeMap<Spanned<String>, SiteText>,
    #[serde(default)]
    extra: toml::Table,
}

/// The site's name and description in another language: `[translations.cy]` in hubsite.toml.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SiteText {
    /// The site's name in that language.
    pub title: Option<String>,
    /// Its description in that language.
    pub description: Option<String>,
}

fn default_theme() -> String {
    "hub".into()
}
fn default_output_dir() -> PathBuf {
    "public".into()
}

/// The organisation that runs the site.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Its name, e.g. "Ealing Council".
    pub name: String,
    /// Its own website.
    #[serde(default)]
    pub url: Option<String>,
}

/// How to reach the people who run the site.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// An email address.
    pub email: Option<String>,
    /// A phone number as people dial it.
    pub phone: Option<String>,
    /// A postal address on one line.
    pub address: Option<String>,
}

/// Safety settings for readers who may be at risk at home.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    /// The neutral site that 'Exit this page' goes to.
    #[serde(default = "default_exit_url")]
    pub exit_url: String,
    /// The sections that show the exit button; `"*"` means every page.
    #[serde(default = "default_exit_sections")]
    pub exit_sections: Vec<String>,
}

impl Default for Safety {
    fn default() -> Self {
        Safety {
            exit_url: default_exit_url(),
            exit_sections: default_exit_sections(),
        }
    }
}

fn default_exit_url() -> String {
    "https://www.bbc.co.uk/weather".into()
}
fn default_exit_sections() -> Vec<String> {
    vec!["self-help".into(), "directory".into()]
}

/// Settings for the directory of local support.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DirectorySettings {
    /// `hubsite check` warns about services last reviewed longer ago than this.
    #[serde(default = "default_stale_after_months")]
    pub stale_after_months: u16,
    /// The site's own sentence for each level of the pathway of support; the theme says
    /// something general where a level has none.
    #[serde(default)]
    pub levels: LevelDescriptions,
    /// Whether the family directory also lists services for practitioners only.
    #[serde(default)]
    pub practitioner_services: PractitionerServices,
    /// `[directory.guide]`: the referral guide for practitioners.
    #[serde(default)]
    pub guide: GuideSettings,
    /// `[directory.categories]`: 'which service when', in the site's words.
    #[serde(default)]
    pub categories: CategoryDescriptions,
    /// `[directory.print]`: what the printed directory (its PDFs) holds.
    #[serde(default)]
    pub print: PrintSettings,
}

impl Default for DirectorySettings {
    fn default() -> Self {
        DirectorySettings {
            stale_after_months: default_stale_after_months(),
            levels: LevelDescriptions::default(),
            practitioner_services: PractitionerServices::default(),
            guide: GuideSettings::default(),
            categories: CategoryDescriptions::default(),
            print: PrintSettings::default(),
        }
    }
}

/// `[directory.print]`: which services and online resources the printed directory holds.
/// Without `services` or `categories`, every service; with either, those listed and those in
/// a category listed. Resources of the library are left out unless listed, by id or topic.
/// The model checks each name against the site's services, categories, resources and topics.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PrintSettings {
    /// Services by id (their file names).
    pub services: Option<Vec<PrintChoice>>,
    /// Services by category slug.
    pub categories: Option<Vec<PrintChoice>>,
    /// Resources of the library by id (from their titles: `/resources/#<id>`).
    #[serde(default)]
    pub resources: Vec<PrintChoice>,
    /// Resources of the library on these topics.
    #[serde(default)]
    pub resource_topics: Vec<PrintChoice>,
}

impl PrintSettings {
    /// Every name written, to locate each once the file is known.
    fn choices_mut(&mut self) -> impl Iterator<Item = &mut PrintChoice> {
        let lists = [
            self.services.as_mut(),
            self.categories.as_mut(),
            Some(&mut self.resources),
            Some(&mut self.resource_topics),
        ];
        lists.into_iter().flatten().flat_map(|list| list.iter_mut())
    }
}

/// A name in `[directory.print]`, with where it is written, so that the model (which knows
/// the services it must name) can report it at its place in `hubsite.toml`.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(from = "Spanned<String>")]
pub struct PrintChoice {
    /// The name as written, trimmed.
    pub name: String,
    /// Its byte span in `hubsite.toml`.
    #[serde(skip)]
    span: std::ops::Range<usize>,
    /// Its line and column in `hubsite.toml`, once the configuration is validated.
    #[serde(skip)]
    pub position: Option<(usize, usize)>,
}

impl From<Spanned<String>> for PrintChoice {
    fn from(value: Spanned<String>) -> Self {
        PrintChoice {
            span: value.span(),
            name: value.into_inner().trim().to_owned(),
            position: None,
        }
    }
}

/// `[directory.levels]`: what each level of the pathway means for families in this area.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LevelDescriptions {
    /// Universal: open to every family.
    pub universal: Option<String>,
    /// Targeted: extra help when things are harder.
    pub targeted: Option<String>,
    /// Specialist: intensive support.
    pub specialist: Option<String>,
}

fn default_stale_after_months() -> u16 {
    18
}

/// `[import]`: how `hubsite import` reads other systems' data into this site.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ImportSettings {
    /// `[import.oruk]`: Open Referral UK directories.
    #[serde(default)]
    pub oruk: OrukImportSettings,
}

/// `[import.oruk]`: the rules that place an imported service on the pathway of support. Its
/// values are checked against hubsite's vocabularies by `hubsite import oruk`, which reports
/// them at their place in this file (the import stage knows the vocabularies; this stage
/// only reads the file).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OrukImportSettings {
    /// Leave out hubsite's built-in rules, so that only the site's apply (and then the
    /// fallback: universal, self-referral).
    #[serde(default)]
    pub replace_built_in_rules: bool,
    /// `[[import.oruk.rules]]`, tried in order before the built-in ones.
    #[serde(default)]
    pub rules: Vec<RawOrukRule>,
}

/// One `[[import.oruk.rules]]` entry as written: what it matches (a taxonomy term, a
/// category, or with neither every service) and the level and access it gives.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawOrukRule {
    /// An ORUK taxonomy term of the service (its `term`, `code` or `id`), case ignored.
    #[serde(default)]
    pub term: Option<Spanned<String>>,
    /// A hubsite category slug the service has (from the feed or guessed from its text).
    #[serde(default)]
    pub category: Option<Spanned<String>>,
    /// The level slug this rule gives.
    #[serde(default)]
    pub level: Option<Spanned<String>>,
    /// The access slugs this rule gives.
    #[serde(default)]
    pub access: Option<Spanned<Vec<Spanned<String>>>>,
}

/// A helpline shown in 'Get help now' boxes.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HelpLine {
    /// Who answers, e.g. "Emergency services".
    pub name: String,
    /// The number to call.
    pub phone: Option<String>,
    /// A website, if any.
    pub url: Option<String>,
    /// When to call, e.g. "If you are in danger now".
    pub when: Option<String>,
}

/// The validated configuration that every stage reads.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site's name.
    pub title: String,
    /// One sentence about the site.
    pub description: String,
    /// The public address of the site, without a trailing slash.
    pub base_url: String,
    /// The same address as origin and folder: what turns site paths into links and addresses.
    pub urls: SiteUrls,
    /// The language of the content, as a BCP 47 tag: on a site in several languages, the
    /// language of the pages being built (each language is built in turn).
    pub language: String,
    /// Every language the site publishes in, the default first (served at the root; each
    /// other under `/<tag>/`). One entry on a site in one language.
    pub languages: Vec<String>,
    /// The IANA name of the site's time zone.
    pub time_zone_name: String,
    /// The site's time zone.
    pub time_zone: TimeZone,
    /// The theme's name, a folder under `themes/`.
    pub theme: String,
    /// The output folder, relative to the site root unless absolute.
    pub output_dir: PathBuf,
    /// Who runs the site.
    pub organisation: Option<Organisation>,
    /// How to reach them.
    pub contact: Contact,
    /// Exit button settings.
    pub safety: Safety,
    /// Helplines.
    pub help_now: Vec<HelpLine>,
    /// Directory settings.
    pub directory: DirectorySettings,
    /// How `hubsite import` reads other systems' data.
    pub import: ImportSettings,
    /// Free-form settings for a theme's own use.
    pub extra: toml::Table,
    /// The site's name and description in each other language, by its tag as `languages`
    /// spells it.
    pub translations: std::collections::BTreeMap<String, SiteText>,
}

/// Options given on the command line that change the configuration.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--base-url`
    pub base_url: Option<String>,
    /// `--output`
    pub output_dir: Option<PathBuf>,
}

/// Parses and validates `hubsite.toml`. Problems that leave a usable configuration (a bad
/// time zone or language tag: the defaults stand in) come beside it, so the rest of the site
/// is still checked in the same run; a file that cannot be read, or a base_url that is no web
/// address, stops here.
pub fn parse_config(
    file: &SourceFile,
    overrides: &Overrides,
) -> Result<(Config, Diagnostics), Diagnostics> {
    let raw: RawConfig = crate::parse::parse_toml(file, &file.text, 0)?;
    validate(raw, file, overrides)
}

fn validate(
    raw: RawConfig,
    file: &SourceFile,
    overrides: &Overrides,
) -> Result<(Config, Diagnostics), Diagnostics> {
    // Destructure every field, so that a new key cannot be silently ignored.
    let RawConfig {
        title,
        description,
        base_url,
        language,
        languages,
        time_zone,
        theme,
        output_dir,
        organisation,
        contact,
        safety,
        help_now,
        import,
        mut directory,
        translations,
        extra,
    } = raw;
    for choice in directory.print.choices_mut() {
        choice.position = file.error_at(choice.span.clone(), "").position;
    }
    let mut problems = Diagnostics::default();
    let urls = match &overrides.base_url {
        Some(url) => SiteUrls::parse(url).map_err(|e| {
            Diagnostic::file("--base-url", crate::error::full_message(&e)).code(Code::WebAddress)
        }),
        None => SiteUrls::parse(base_url.get_ref()).map_err(|e| {
            file.error_at(base_url.span(), crate::error::full_message(&e))
                .code(Code::WebAddress)
        }),
    };
    let urls = urls.map_err(|d| {
        let hint = "write the site's public address, such as https://example.org or https://example.org/familyhub/";
        Diagnostics::from(d.hint(hint))
    });
    let (time_zone_name, time_zone) = match time_zone {
        None => ("Europe/London".to_owned(), london()),
        Some(name) => match TimeZone::get(name.get_ref()) {
            Ok(zone) => (name.get_ref().clone(), zone),
            Err(_) => {
                problems.push(
                    file.error_at(
                        name.span(),
                        format!("unknown time zone `{}`", name.get_ref()),
                    )
                    .code(Code::UnknownTimeZone)
                    .hint("use an IANA name such as Europe/London"),
                );
                ("Europe/London".to_owned(), london())
            }
        },
    };
    let languages = check_languages(language, languages, file, &mut problems);
    let language = languages[0].clone();
    let translations = check_site_translations(translations, &languages, file, &mut problems);
    let output_dir = overrides.output_dir.clone().unwrap_or(output_dir);
    if let Some(url) = &directory.guide.feedback_url
        && !is_web_address(url.get_ref())
    {
        problems.push(
            file.error_at(
                url.span(),
                format!("`{}` is not a web address", url.get_ref()),
            )
            .code(Code::WebAddress)
            .hint("write the full address, starting with https://"),
        );
    }
    let urls = match urls {
        Ok(urls) => urls,
        Err(mut fatal) => {
            fatal.extend(problems);
            return Err(fatal.sorted());
        }
    };
    let base_url = urls.base_url();
    let config = Config {
        title,
        description,
        base_url,
        urls,
        language,
        languages,
        time_zone_name,
        time_zone,
        theme,
        output_dir,
        organisation,
        contact,
        safety,
        help_now,
        directory,
        import,
        extra,
        translations,
    };
    Ok((config, problems.sorted()))
}

/// The site's languages, the default first: `languages = ["en-GB", "cy"]`, or the one
/// `language = "cy"` (British English when neither is given). A bad tag is reported and left
/// out (British English stands in for a site left with none), so the rest of the site is still
/// checked in the same run.
fn check_languages(
    language: Option<Spanned<String>>,
    languages: Option<Spanned<Vec<Spanned<String>>>>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Vec<String> {
    let written: Vec<Spanned<String>> = match (language, languages) {
        (None, None) => vec![],
        (Some(one), None) => vec![one],
        (None, Some(list)) => {
            if list.get_ref().is_empty() {
                problems.push(
                    file.error_at(list.span(), "`languages` is empty")
                        .code(Code::BadLanguage)
                        .hint("name at least one language, the default first: languages = [\"en-GB\", \"cy\"]"),
                );
            }
            list.into_inner()
        }
        (Some(one), Some(list)) => {
            problems.push(
                file.error_at(one.span(), "both `language` and `languages` are given")
                    .code(Code::BadLanguage)
                    .hint("keep `languages` (the default language first) and remove `language`"),
            );
            list.into_inner()
        }
    };
    let mut tags: Vec<String> = Vec::new();
    for tag in written {
        let span = tag.span();
        match check_language(tag, file) {
            Ok(tag) if tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) => problems.push(
                file.error_at(span, format!("`{tag}` is listed twice in `languages`"))
                    .code(Code::BadLanguage)
                    .hint("list each language once, the default first"),
            ),
            Ok(tag) => tags.push(tag),
            Err(problem) => problems.push(problem),
        }
    }
    if tags.is_empty() {
        tags.push(DEFAULT_LANGUAGE.to_owned());
    }
    tags
}

/// `[translations.<tag>]`: each tag one of the site's languages other than the default (whose
/// words are the settings themselves), as `languages` spells it.
fn check_site_translations(
    written: std::collections::BTreeMap<Spanned<String>, SiteText>,
    languages: &[String],
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> std::collections::BTreeMap<String, SiteText> {
    let mut kept = std::collections::BTreeMap::new();
    for (tag, text) in written {
        let declared = languages
            .iter()
            .skip(1)
            .find(|l| l.eq_ignore_ascii_case(tag.get_ref()));
        match declared {
            Some(language) => {
                kept.insert(language.clone(), text);
            }
            None => problems.push(
                file.error_at(
                    tag.span(),
                    format!("`[translations.{}]` is not in one of the site's other languages", tag.get_ref()),
                )
                .code(Code::UndeclaredLanguage)
                .hint(format!(
                    "name a language of `languages` other than the first (now {languages:?}); the default language's title and description are `title` and `description`"
                )),
            ),
        }
    }
    kept
}

/// A site's language when its configuration names none.
const DEFAULT_LANGUAGE: &str = "en-GB";

/// The site's language: a BCP 47 tag whose every part is in the IANA subtag registry, since
/// browsers, screen readers and search engines read it from every page's `lang`.
fn check_language(language: Spanned<String>, file: &SourceFile) -> Result<String, Diagnostic> {
    let tag = language.get_ref().trim();
    let refused = |reason: String| {
        file.error_at(language.span(), format!("`{tag}` is not a valid language tag: {reason}")).code(Code::BadLanguage)
            .hint("write a BCP 47 tag such as en-GB, cy (Welsh) or pl (Polish): a language, then optionally a region")
    };
    let parsed = language_tags::LanguageTag::parse(tag).map_err(|e| refused(e.to_string()))?;
    parsed.validate().map_err(|e| refused(e.to_string()))?;
    Ok(tag.to_owned())
}

fn london() -> TimeZone {
    // The bundled tz database always has Europe/London; UTC is only a guard.
    TimeZone::get("Europe/London").unwrap_or(TimeZone::UTC)
}

impl Config {
    /// The absolute output folder for a site at `root`.
    pub fn output_path(&self, root: &Path) -> PathBuf {
        root.join(&self.output_dir)
    }

    /// The full public address of a site path such as `/self-help/`.
    pub fn absolute_url(&self, path: &str) -> String {
        self.urls.absolute(path)
    }

    /// The link to a site path: `/self-help/` under the folder the site is hosted in.
    pub fn href<'a>(&self, path: &'a str) -> std::borrow::Cow<'a, str> {
        self.urls.href(path)
    }

    /// The site's default language: the first of `languages`, served at the root.
    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }

    /// Whether the pages being built are in a language other than the default (a
    /// translation: its text falls back to the default language where not translated).
    pub fn is_translation(&self) -> bool {
        self.language != self.default_language()
    }

    /// Whether `tag` is one of the site's languages (as written in `languages`, any case).
    pub fn has_language(&self, tag: &str) -> bool {
        self.languages.iter().any(|l| l.eq_ignore_ascii_case(tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The configuration, or every problem (those that leave it usable too).
    fn parse(text: &str) -> Result<Config, Diagnostics> {
        let file = SourceFile::new("hubsite.toml", text.as_bytes().to_vec()).unwrap();
        let (config, problems) = parse_config(&file, &Overrides::default())?;
        problems.into_result(config)
    }

    #[test]
    fn minimal_config_gets_defaults() {
        let config = parse("title = 'Hub'\nbase_url = 'https://example.org/'\n").unwrap();
        assert_eq!(config.base_url, "https://example.org");
        assert_eq!(config.time_zone_name, "Europe/London");
        assert_eq!(config.language, "en-GB");
    }

    #[test]
    fn unknown_key_is_located() {
        let problems =
            parse("title = 'Hub'\nbase_url = 'https://example.org'\ntitel = 'x'\n").unwrap_err();
        assert_eq!(problems.0[0].position, Some((3, 1)));
        assert!(problems.0[0].message.contains("unknown field"));
    }

    #[test]
    fn languages_come_default_first() {
        let config = parse(
            "title = 'Hub'\nbase_url = 'https://example.org/'\nlanguages = ['cy', 'en-GB']\n",
        )
        .unwrap();
        assert_eq!(config.languages, ["cy", "en-GB"]);
        assert_eq!(config.language, "cy");
        assert_eq!(config.default_language(), "cy");
        assert!(!config.is_translation());
        let one =
            parse("title = 'Hub'\nbase_url = 'https://example.org/'\nlanguage = 'ar'\n").unwrap();
        assert_eq!(one.languages, ["ar"]);
    }

    #[test]
    fn bad_twice_or_both_language_settings_are_each_located() {
        let problems = parse(
            "title = 'Hub'\nbase_url = 'https://example.org/'\nlanguage = 'cy'\nlanguages = ['cy', 'xx-Nope', 'CY']\n",
        )
        .unwrap_err();
        let found: Vec<_> = problems
            .0
            .iter()
            .map(|p| (p.position, p.message.clone()))
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].1.contains("both `language` and `languages`"));
        assert!(found[1].1.contains("`xx-Nope` is not a valid language tag"));
        assert!(found[2].1.contains("`CY` is listed twice"));
        assert_eq!(found[2].0, Some((4, 31)));
        let empty = parse("title = 'Hub'\nbase_url = 'https://example.org/'\nlanguages = []\n")
            .unwrap_err();
        assert!(empty.0[0].message.contains("`languages` is empty"));
    }

    #[test]
    fn bad_time_zone_and_base_url_are_reported_together() {
        let problems = parse("title = 'Hub'\nbase_url = 'example.org'\ntime_zone = 'Mars/Base'\n")
            .unwrap_err();
        assert_eq!(problems.0.len(), 2);
    }
}

/// Where services with `audience = "practitioners"` are listed.
#[derive(Debug, Clone, Copy, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PractitionerServices {
    /// In the practitioners' guide (and on their own pages) only: the default.
    #[default]
    Guide,
    /// In the family directory too.
    Listed,
}

/// `[directory.guide]`: the referral guide for practitioners at `/directory/for-practitioners/`.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GuideSettings {
    /// Its title; the theme's when left out.
    pub title: Option<String>,
    /// One sentence about it.
    pub summary: Option<String>,
    /// What the guide is for, in Markdown, before the pathway.
    pub introduction: Option<String>,
    /// Where practitioners give feedback; else the latest week's `feedback_url`.
    pub feedback_url: Option<Spanned<String>>,
}

/// `[directory.categories]`: what each category of service is for, and when to choose it, in
/// the site's words ('which service when'). Keys are the categories' slugs (docs/content-model.md).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CategoryDescriptions {
    /// counselling
    pub counselling: Option<String>,
    /// mediation
    pub mediation: Option<String>,
    /// parenting-programme
    pub parenting_programme: Option<String>,
    /// relationship-support
    pub relationship_support: Option<String>,
    /// domestic-abuse
    pub domestic_abuse: Option<String>,
    /// money-advice
    pub money_advice: Option<String>,
    /// family-hub
    pub family_hub: Option<String>,
    /// drop-in
    pub drop_in: Option<String>,
    /// health
    pub health: Option<String>,
    /// helpline
    pub helpline: Option<String>,
    /// peer-support
    pub peer_support: Option<String>,
    /// online
    pub online: Option<String>,
}

impl CategoryDescriptions {
    /// The site's words for the category with this slug; blank counts as none.
    pub fn get(&self, slug: &str) -> Option<&str> {
        let text = match slug {
            "counselling" => &self.counselling,
            "mediation" => &self.mediation,
            "parenting-programme" => &self.parenting_programme,
            "relationship-support" => &self.relationship_support,
            "domestic-abuse" => &self.domestic_abuse,
            "money-advice" => &self.money_advice,
            "family-hub" => &self.family_hub,
            "drop-in" => &self.drop_in,
            "health" => &self.health,
            "helpline" => &self.helpline,
            "peer-support" => &self.peer_support,
            "online" => &self.online,
            _ => &None,
        };
        text.as_deref().map(str::trim).filter(|t| !t.is_empty())
    }
}

/// An http(s) address with a host.
fn is_web_address(text: &str) -> bool {
    url::Url::parse(text.trim())
        .is_ok_and(|u| matches!(u.scheme(), "https" | "http") && u.host().is_some())
}
