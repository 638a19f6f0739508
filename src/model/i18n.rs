//! The theme's words in the reader's language: Project Fluent translation files
//! (`themes/hub/i18n/<tag>.ftl`), with a site's own `i18n/<tag>.ftl` overriding any message.
//!
//! Every word the theme shows comes from here: templates call `{{ t(key="exit-this-page") }}`
//! (with variables: `t(key="places-left", count=3)`), and Rust code that makes words calls
//! [`Messages::text`]. Fluent handles plurals by each language's CLDR rules (Welsh has six
//! forms) and grammar in the translation, not in code. A message a translation lacks falls back
//! to the theme's default language (British English), and `hubsite check` warns about it.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::MessageFile;
use crate::text::format::Dates;
use crate::text::plural::{Plural, whole_number_samples, with_count_placeholder};

/// The language every theme has in full, and the one any missing message falls back to.
pub const DEFAULT_LANGUAGE: &str = "en-GB";

/// One language's messages: the theme's translation with the site's overrides on top.
struct Bundle {
    bundle: FluentBundle<FluentResource>,
    /// The names of its messages.
    ids: BTreeSet<String>,
}

/// The theme's words in each language it (or the site) has a translation for.
pub struct Messages {
    /// By the tag in the file name (`cy`, `en-GB`).
    bundles: BTreeMap<String, Bundle>,
    /// For each language a page may be in, the bundles to try in order (its own translation,
    /// then the default language's).
    chains: BTreeMap<String, Vec<String>>,
    /// A hash of every translation file's text: what the render cache keys on.
    generation: u64,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .field("chains", &self.chains)
            .finish()
    }
}

/// What reading the translation files found.
pub struct Parsed {
    /// The messages, or the problems that stop the build (a file Fluent cannot read).
    pub messages: Result<Messages, Diagnostics>,
    /// Messages a used translation lacks, and languages the theme has no words for.
    pub warnings: Diagnostics,
}

impl Messages {
    /// Reads every translation file and prepares the messages for the site's `languages`
    /// (the first is the site's default). Syntax errors are located in their file.
    pub fn parse(files: &[MessageFile], languages: &[String]) -> Parsed {
        let mut problems = Diagnostics::default();
        let mut warnings = Diagnostics::default();
        let mut hasher = DefaultHasher::new();
        // Theme files first, then the site's, so that the site's messages override.
        let mut ordered: Vec<&MessageFile> = files.iter().collect();
        ordered.sort_by_key(|f| (f.origin, f.language.clone()));
        let mut bundles: BTreeMap<String, Bundle> = BTreeMap::new();
        for file in ordered {
            (&file.language, &file.file.text).hash(&mut hasher);
            let resource = match FluentResource::try_new(file.file.text.clone()) {
                Ok(resource) => resource,
                Err((_, errors)) => {
                    for error in errors {
                        problems.push(
                            file.file
                                .error_at(error.pos.clone(), format!("this translation cannot be read: {error}"))
                                .code(Code::Translation)
                                .hint("each message is `name = text` on its own line; a continued line starts with spaces; variables are written { $name }; see docs/languages.md"),
                        );
                    }
                    continue;
                }
            };
            let entry = bundles.entry(file.language.clone()).or_insert_with(|| {
                let id = file
                    .language
                    .parse::<LanguageIdentifier>()
                    .unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Pages mark direction with `dir`; Unicode isolation marks around every
                // variable would end up in attributes, titles and copied text.
                bundle.set_use_isolating(false);
                Bundle {
                    bundle,
                    ids: BTreeSet::new(),
                }
            });
            let mut in_file = BTreeSet::new();
            for item in resource.entries() {
                if let ast::Entry::Message(message) = item {
                    let id = message.id.name;
                    if !in_file.insert(id) {
                        problems.push(twice(file, id));
                    }
                    entry.ids.insert(id.to_owned());
                }
            }
            entry.bundle.add_resource_overriding(resource);
        }
        if !bundles.contains_key(DEFAULT_LANGUAGE) {
            problems.push(
                Diagnostic::file(
                    format!("i18n/{DEFAULT_LANGUAGE}.ftl"),
                    format!("the theme has no {DEFAULT_LANGUAGE} translation, which every other language falls back to"),
                )
                .code(Code::Translation)
                .hint(format!("add themes/<theme>/i18n/{DEFAULT_LANGUAGE}.ftl, or use the built-in theme's")),
            );
        }
        if !problems.is_empty() {
            return Parsed {
                messages: Err(problems),
                warnings,
            };
        }
        let chains = languages
            .iter()
            .map(|language| {
                let chain = chain_for(language, &bundles, files, &mut warnings);
                (language.clone(), chain)
            })
            .collect();
        Parsed {
            messages: Ok(Messages {
                bundles,
                chains,
                generation: hasher.finish(),
            }),
            warnings,
        }
    }

    /// No messages at all: for checking templates' syntax when the translations cannot be read.
    pub fn empty() -> Messages {
        Messages {
            bundles: BTreeMap::new(),
            chains: BTreeMap::new(),
            generation: 0,
        }
    }

    /// A hash of every translation, so that pages rendered with other words are not reused.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Message `key` in `language` with `args`, falling back to the default language; `None`
    /// when no translation has it.
    pub fn text(&self, language: &str, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let default = [DEFAULT_LANGUAGE.to_owned()];
        let chain = self
            .chains
            .get(language)
            .map(Vec::as_slice)
            .unwrap_or(&default);
        chain.iter().find_map(|tag| {
            let bundle = &self.bundles.get(tag)?.bundle;
            let pattern = bundle.get_message(key)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            Some(match text {
                Cow::Borrowed(text) => text.to_owned(),
                Cow::Owned(text) => text,
            })
        })
    }

    /// Message `key` (whose variable `$count` chooses its plural form) once for each CLDR
    /// category whole numbers fall in in `language`: formatted with the smallest number of the
    /// category, that number then written `{count}` for the page's script to fill in. `None`
    /// when no translation has the message.
    pub fn plural_forms(&self, language: &str, key: &str) -> Option<Vec<PluralForm>> {
        let mut forms = whole_number_samples(language)
            .into_iter()
            .map(|(category, n)| {
                let mut args = FluentArgs::new();
                args.set("count", FluentValue::from(n));
                let text = self.text(language, key, Some(&args))?;
                Some(PluralForm {
                    category,
                    text: with_count_placeholder(&text, n),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        // A script falls back to `other`, which some languages' whole numbers never reach
        // (Polish's is for fractions): the message's default form, given `{count}` as it is.
        if !forms.iter().any(|f| f.category == Plural::Other) {
            let mut args = FluentArgs::new();
            args.set("count", FluentValue::from("{count}"));
            forms.push(PluralForm {
                category: Plural::Other,
                text: self.text(language, key, Some(&args))?,
            });
        }
        Some(forms)
    }
}

/// The translations to try for `language`: the closest the theme or site has (cy-GB takes
/// cy), then the default. Warns when the language has none, or when one it uses lacks
/// messages the default has.
fn chain_for(
    language: &str,
    bundles: &BTreeMap<String, Bundle>,
    files: &[MessageFile],
    warnings: &mut Diagnostics,
) -> Vec<String> {
    let available: Vec<LanguageIdentifier> =
        bundles.keys().filter_map(|tag| tag.parse().ok()).collect();
    let requested: Vec<LanguageIdentifier> = language.parse().into_iter().collect();
    let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Lookup)
        .first()
        .map(|id| id.to_string());
    let mut chain = Vec::new();
    match chosen {
        Some(tag) if tag != DEFAULT_LANGUAGE => {
            if let (Some(own), Some(default)) = (bundles.get(&tag), bundles.get(DEFAULT_LANGUAGE)) {
                let have = message_ids(own);
                let missing: Vec<String> = message_ids(default)
                    .into_iter()
                    .filter(|id| !have.contains(id))
                    .collect();
                if !missing.is_empty() {
                    let shown = files
                        .iter()
                        .rev()
                        .find(|f| f.language == tag)
                        .map(|f| f.file.path.clone())
                        .unwrap_or_else(|| format!("i18n/{tag}.ftl").into());
                    warnings.push(
                        Diagnostic::file(
                            shown,
                            format!(
                                "the {tag} translation lacks {} of the theme's {} messages, shown in English instead: {}",
                                missing.len(),
                                message_ids(default).len(),
                                missing.join(", ")
                            ),
                        )
                        .code(Code::MissingMessage)
                        .hint(format!("add them to the site's i18n/{tag}.ftl (copy each from the theme's {DEFAULT_LANGUAGE}.ftl and translate it)")),
                    );
                }
            }
            chain.push(tag);
        }
        Some(tag) => chain.push(tag),
        None => {
            let primary = language.split('-').next().unwrap_or(language);
            if primary != "en" {
                warnings.push(
                    Diagnostic::file(
                        "hubsite.toml",
                        format!("the theme has no words in `{language}`: its navigation, booking states and exit control are shown in English"),
                    )
                    .code(Code::MissingMessage)
                    .hint(format!("add i18n/{language}.ftl to the site with the theme's messages translated (copy the theme's {DEFAULT_LANGUAGE}.ftl)")),
                );
            }
        }
    }
    if !chain.iter().any(|tag| tag == DEFAULT_LANGUAGE) {
        chain.push(DEFAULT_LANGUAGE.to_owned());
    }
    chain
}

/// A message written twice in one file: Fluent would keep the last without a word, so one of
/// the two texts would never show. Located at the second.
fn twice(file: &MessageFile, id: &str) -> Diagnostic {
    let text = &file.file.text;
    let mut starts = text.match_indices(id).filter(|&(at, _)| {
        let line_start = at == 0 || text.as_bytes()[at - 1] == b'\n';
        let rest = text[at + id.len()..].trim_start_matches([' ', '\t']);
        line_start && rest.starts_with('=')
    });
    let second = starts.nth(1).map_or(0, |(at, _)| at);
    file.file
        .error_at(second..second + id.len(), format!("`{id}` is written twice in this file; only the last would show"))
        .code(Code::Translation)
        .hint("keep one of the two (a message's name is its key: give a different message another name)")
}

fn message_ids(bundle: &Bundle) -> Vec<String> {
    bundle.ids.iter().cloned().collect()
}

/// Fluent arguments from a template's other keyword arguments: numbers stay numbers, so that
/// plural rules apply to them.
pub fn fluent_args<'a>(pairs: impl IntoIterator<Item = (&'a str, ArgValue)>) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        match value {
            ArgValue::Number(n) => args.set(name, FluentValue::from(n)),
            ArgValue::Text(t) => args.set(name, FluentValue::from(t)),
        }
    }
    args
}

/// The theme's words in one language: what Rust code that writes words for readers reads
/// (the site's language for pages, [`DEFAULT_LANGUAGE`] for outputs that stay in English).
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    messages: &'a Messages,
    language: &'a str,
    /// Dates and times in the same language.
    pub dates: &'a Dates,
}

impl<'a> Words<'a> {
    /// `messages` in `language`, with its `dates`.
    pub fn new(messages: &'a Messages, language: &'a str, dates: &'a Dates) -> Words<'a> {
        Words {
            messages,
            language,
            dates,
        }
    }

    /// The language the words are in (a BCP 47 tag).
    pub fn language(&self) -> &'a str {
        self.language
    }

    /// Message `key`; its name when no translation has it.
    pub fn t(&self, key: &str) -> String {
        self.t_with(key, &[])
    }

    /// Message `key` with variables: numbers choose plural forms by the language's rules.
    pub fn t_with(&self, key: &str, args: &[(&str, ArgValue)]) -> String {
        let args = fluent_args(args.iter().map(|(n, v)| (*n, v.clone())));
        self.messages
            .text(self.language, key, Some(&args))
            .unwrap_or_else(|| key.to_owned())
    }
}

/// The theme's own English messages, for unit tests of code that writes words.
#[cfg(test)]
pub fn theme_english() -> Messages {
    let file = MessageFile {
        language: DEFAULT_LANGUAGE.into(),
        origin: crate::load::MessageOrigin::Theme,
        file: crate::diag::SourceFile::new(
            "themes/hub/i18n/en-GB.ftl",
            include_bytes!("../../themes/hub/i18n/en-GB.ftl").to_vec(),
        )
        .expect("the theme's English file"),
    };
    Messages::parse(&[file], &[])
        .messages
        .expect("the theme's English file parses")
}

/// A count message's words for one plural category, with `{count}` where the number goes: what
/// a page gives its script as `data-plural-<category>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluralForm {
    /// The category (`few`).
    pub category: Plural,
    /// '{count} sesiwn'.
    pub text: String,
}

/// A value handed to a message.
#[derive(Debug, Clone)]
pub enum ArgValue {
    /// A number: plural rules apply.
    Number(f64),
    /// Text.
    Text(String),
}

/// Which way a language's script runs: a page's `dir`, so that Arabic and Urdu pages mirror.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The direction of `language` (a BCP 47 tag), from CLDR's list of right-to-left
    /// languages; a tag that cannot be read is left to right.
    pub fn of(language: &str) -> Direction {
        match language.parse::<LanguageIdentifier>() {
            Ok(id) if id.character_direction() == unic_langid::CharacterDirection::RTL => {
                Direction::Rtl
            }
            _ => Direction::Ltr,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The theme's English and Welsh files, for a Welsh site.
    fn theme_welsh() -> Messages {
        let file = |language: &str, path: &str, text: &[u8]| MessageFile {
            language: language.into(),
            origin: crate::load::MessageOrigin::Theme,
            file: crate::diag::SourceFile::new(path, text.to_vec()).expect("a theme file"),
        };
        let files = [
            file(
                DEFAULT_LANGUAGE,
                "themes/hub/i18n/en-GB.ftl",
                include_bytes!("../../themes/hub/i18n/en-GB.ftl"),
            ),
            file(
                "cy",
                "themes/hub/i18n/cy.ftl",
                include_bytes!("../../themes/hub/i18n/cy.ftl"),
            ),
        ];
        Messages::parse(&files, &["cy".to_owned()])
            .messages
            .expect("the theme's files parse")
    }

    fn forms(messages: &Messages, language: &str, key: &str) -> Vec<(&'static str, String)> {
        messages
            .plural_forms(language, key)
            .expect("the message exists")
            .into_iter()
            .map(|f| (f.category.name(), f.text))
            .collect()
    }

    #[test]
    fn the_welsh_count_messages_give_a_form_for_each_of_the_six_categories() {
        let messages = theme_welsh();
        let owned =
            |pairs: [(&'static str, &str); 6]| pairs.map(|(c, t)| (c, t.to_owned())).to_vec();
        assert_eq!(
            forms(&messages, "cy", "directory-service-count"),
            owned([
                ("zero", "{count} gwasanaeth"),
                ("one", "{count} gwasanaeth"),
                ("two", "{count} wasanaeth"),
                ("few", "{count} gwasanaeth"),
                ("many", "{count} gwasanaeth"),
                ("other", "{count} gwasanaeth"),
            ])
        );
        assert_eq!(
            forms(&messages, "cy", "sessions-count"),
            owned([
                ("zero", "{count} sesiwn"),
                ("one", "{count} sesiwn"),
                ("two", "{count} sesiwn"),
                ("few", "{count} sesiwn"),
                ("many", "{count} sesiwn"),
                ("other", "{count} sesiwn"),
            ])
        );
        // English has two categories, and 0 is 'other'.
        assert_eq!(
            forms(&messages, DEFAULT_LANGUAGE, "sessions-count"),
            [
                ("one", "{count} session".to_owned()),
                ("other", "{count} sessions".to_owned())
            ]
        );
        assert_eq!(messages.plural_forms("cy", "no-such-message"), None);
        // Polish's whole numbers are never 'other', but a script falls back to it: the
        // message's default form (English's here, as the theme has no Polish).
        assert_eq!(
            forms(&messages, "pl", "sessions-count")
                .into_iter()
                .map(|(c, _)| c)
                .collect::<Vec<_>>(),
            ["one", "few", "many", "other"]
        );
    }
}
