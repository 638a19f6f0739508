//! Translated text of data items, part of the model stage: sessions, weeks, hosts and
//! organisers, services, topics, resources and follow-on materials carry, beside their own
//! fields, `[translations.<tag>]` tables (`[hosts.translations.cy]`, `[topic.translations.cy]`
//! for an item of a list) holding only the text a reader reads. Takes the tables as written
//! ([`RawTranslations`]), checks them (a language the site does not declare, a field that is not
//! a translatable one of that kind, text that is not text), and, when the model is built for a
//! language other than the default, gives each field its translation or, where there is none,
//! keeps the default language's text and records that it fell back ([`Fallback`]), so that the
//! templates mark it with `lang`.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::ser::{Serialize, SerializeMap, Serializer};
use toml::Spanned;

use crate::config::Config;
use crate::diag::{Code, Diagnostics, SourceFile, hints};

pub use crate::load::RawTranslations;

/// A text field that can be translated (named as in the files).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextField {
    /// A session's, resource's or material's title.
    Title,
    /// A week's, service's or topic's name.
    Name,
    /// A week's theme.
    Theme,
    /// One sentence.
    Summary,
    /// A description (Markdown for sessions and services).
    Description,
    /// A week's introduction (Markdown).
    Introduction,
    /// A note for readers.
    Note,
    /// A host's or organiser's role.
    Role,
    /// Who can use a service.
    Eligibility,
    /// How to be referred to a service.
    Referral,
    /// A service's notice.
    Notice,
    /// Who accredits a service.
    Accreditations,
    /// What there is to eat and drink at a session.
    Refreshments,
    /// Who pays less for a session, and how much.
    Concessions,
    /// Help getting to a session (`[transport] help`).
    TransportHelp,
    /// Parking (`[transport] parking`).
    Parking,
    /// A step-free route (`[transport] step_free_route`).
    StepFreeRoute,
    /// The venue's access notes (`[venue] access`, a list).
    VenueAccess,
    /// Anything else about access (`[accessibility] notes`).
    AccessibilityNotes,
    /// Why a session is cancelled (`[cancellation] reason`).
    CancellationReason,
}

impl TextField {
    /// Its name in files: `transport.parking` for a field of a nested table
    /// (`[translations.cy.transport] parking`).
    pub fn name(self) -> &'static str {
        match self {
            TextField::Title => "title",
            TextField::Name => "name",
            TextField::Theme => "theme",
            TextField::Summary => "summary",
            TextField::Description => "description",
            TextField::Introduction => "introduction",
            TextField::Note => "note",
            TextField::Role => "role",
            TextField::Eligibility => "eligibility",
            TextField::Referral => "referral",
            TextField::Notice => "notice",
            TextField::Accreditations => "accreditations",
            TextField::Refreshments => "refreshments",
            TextField::Concessions => "concessions",
            TextField::TransportHelp => "transport.help",
            TextField::Parking => "transport.parking",
            TextField::StepFreeRoute => "transport.step_free_route",
            TextField::VenueAccess => "venue.access",
            TextField::AccessibilityNotes => "accessibility.notes",
            TextField::CancellationReason => "cancellation.reason",
        }
    }

    /// Its name in views' `fallback`: the file's name with `_` for `.`
    /// (`fallback.venue_access`).
    pub fn key(self) -> String {
        self.name().replace('.', "_")
    }

    /// Whether its text is a list of text (`access = ["Lift", "Hearing loop"]`).
    pub fn is_list(self) -> bool {
        self == TextField::VenueAccess
    }
}

/// A kind of item that carries translations, with the fields it translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// `sessions/<week>/<slug>.toml`.
    Session,
    /// `sessions/<week>/week.toml`.
    Week,
    /// A session's `[[hosts]]` or a week's `[[organisers]]`.
    Person,
    /// `content/directory/<id>.toml`.
    Service,
    /// A `[[topic]]` of `content/topics.toml`.
    Topic,
    /// A `[[resource]]` of the library or a session's `[[follow_on]]`.
    Material,
}

impl TextKind {
    /// The fields a translation of this kind may hold: what a reader reads, never ids, dates,
    /// addresses, numbers or web addresses. A person's name and organisation stay as written:
    /// they are proper names, and name the host's page.
    pub fn fields(self) -> &'static [TextField] {
        use TextField::*;
        match self {
            TextKind::Session => &[
                Title,
                Summary,
                Description,
                Note,
                Refreshments,
                Concessions,
                TransportHelp,
                Parking,
                StepFreeRoute,
                VenueAccess,
                AccessibilityNotes,
                CancellationReason,
            ],
            TextKind::Week => &[Name, Theme, Summary, Introduction, Note],
            TextKind::Person => &[Role],
            TextKind::Service => &[
                Name,
                Summary,
                Description,
                Eligibility,
                Referral,
                Notice,
                Accreditations,
            ],
            TextKind::Topic => &[Name, Description],
            TextKind::Material => &[Title, Description],
        }
    }

    /// The kind in words, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            TextKind::Session => "a session",
            TextKind::Week => "a week",
            TextKind::Person => "a host or organiser",
            TextKind::Service => "a service",
            TextKind::Topic => "a topic",
            TextKind::Material => "a resource or follow-on material",
        }
    }
}

/// The languages a model is built for: the one being built, and those the site declares.
#[derive(Debug, Clone)]
pub struct Languages {
    /// The language of the pages being built.
    pub building: String,
    /// Every language of the site, the default first.
    pub declared: Vec<String>,
}

impl Default for Languages {
    /// A site in British English only.
    fn default() -> Self {
        Languages {
            building: "en-GB".to_owned(),
            declared: vec!["en-GB".to_owned()],
        }
    }
}

impl Languages {
    /// The languages of `config`.
    pub fn of(config: &Config) -> Languages {
        Languages {
            building: config.language.clone(),
            declared: config.languages.clone(),
        }
    }

    /// The default language (served at the root).
    pub fn default_language(&self) -> &str {
        self.declared.first().map_or("en-GB", String::as_str)
    }

    /// Whether the language being built is not the default.
    pub fn is_translation(&self) -> bool {
        !self.building.eq_ignore_ascii_case(self.default_language())
    }

    fn declares(&self, tag: &str) -> bool {
        self.declared.iter().any(|l| l.eq_ignore_ascii_case(tag))
    }
}

/// The default language's tag on each field of an item that shows it untranslated, in a model
/// built for another language; empty on the default language (nothing fell back). Views
/// serialize it as a map from the name of each field that fell back to the tag
/// (`fallback.title`; a field not in it is undefined, which `if` takes as false), so a template
/// writes `{% if x.fallback.title %} lang="{{ x.fallback.title }}"{% endif %}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fallback(BTreeMap<TextField, String>);

impl Fallback {
    /// The language `field` is shown in, when it is not the language being built.
    pub fn lang(&self, field: TextField) -> Option<&str> {
        self.0.get(&field).map(String::as_str)
    }

    /// Whether every field is in the language being built.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Fallback {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (field, tag) in &self.0 {
            map.serialize_entry(&field.key(), tag)?;
        }
        map.end()
    }
}

/// One translated value: its text, and where the text starts in the file (for Markdown, whose
/// links are located).
#[derive(Debug, Clone)]
pub struct TranslatedText {
    /// The translation.
    pub text: String,
    /// The byte offset in the file where the text starts (after the opening quotes).
    pub offset: usize,
}

/// An item's text in the language being built, once its translations are checked.
#[derive(Debug, Default)]
pub struct Translation {
    /// The default language, when the model is built for another one; `None` otherwise.
    default: Option<String>,
    /// The fields translated into the language being built.
    fields: BTreeMap<TextField, TranslatedText>,
    /// The list fields translated into the language being built.
    lists: BTreeMap<TextField, Vec<String>>,
    /// The fields that fell back so far.
    fallback: Fallback,
}

impl Translation {
    /// Checks `raw`, an item of `kind` written in `file` (its spans relative to byte `offset`),
    /// reporting every problem; keeps the translation into the language being built.
    pub fn check(
        raw: &RawTranslations,
        kind: TextKind,
        file: &SourceFile,
        languages: &Languages,
        problems: &mut Diagnostics,
    ) -> Translation {
        let translating = languages.is_translation();
        let mut translation = Translation {
            default: translating.then(|| languages.default_language().to_owned()),
            ..Translation::default()
        };
        for (tag, fields) in raw {
            let declared = languages.declares(tag.get_ref());
            let default = tag
                .get_ref()
                .eq_ignore_ascii_case(languages.default_language());
            if default {
                problems.push(
                    file.error_at(
                        tag.span(),
                        format!(
                            "`{}` is the site's default language: a translation into it is never shown",
                            tag.get_ref()
                        ),
                    )
                    .code(Code::UndeclaredLanguage)
                    .hint(hints::default_language_translation(&languages.declared)),
                );
            } else if !declared {
                problems.push(
                    file.error_at(
                        tag.span(),
                        format!(
                            "a language used in this file but not declared: `{}`",
                            tag.get_ref()
                        ),
                    )
                    .code(Code::UndeclaredLanguage)
                    .hint(hints::undeclared_language(
                        tag.get_ref(),
                        &languages.declared,
                    )),
                );
            }
            let keep =
                declared && translating && tag.get_ref().eq_ignore_ascii_case(&languages.building);
            for (name, value) in fields {
                for (name, value) in nested_fields(kind, name, value, file) {
                    let Some(field) = check_field(kind, &name, tag.get_ref(), file, problems)
                    else {
                        continue;
                    };
                    match check_value(field, &value, file, problems) {
                        Some(Checked::Text(text)) if keep => {
                            translation.fields.insert(field, text);
                        }
                        Some(Checked::List(items)) if keep => {
                            translation.lists.insert(field, items);
                        }
                        _ => {}
                    }
                }
            }
        }
        translation
    }

    /// `values` (the default language's items of the list `field`) in the language being
    /// built: their translation, or themselves, recorded as fallen back when there are any.
    pub fn list(&mut self, field: TextField, values: &[String]) -> Vec<String> {
        let Some(default) = self.default.as_ref() else {
            return values.to_vec();
        };
        match self.lists.get(&field) {
            Some(items) => items.clone(),
            None => {
                if !values.is_empty() {
                    self.fallback.0.insert(field, default.clone());
                }
                values.to_vec()
            }
        }
    }

    /// `value` (the default language's text of `field`) in the language being built: its
    /// translation, or itself, recorded as fallen back when it has text.
    pub fn text(&mut self, field: TextField, value: &str) -> String {
        self.translated(field, value.trim().is_empty())
            .map_or_else(|| value.to_owned(), |t| t.text)
    }

    /// [`Translation::text`] for an optional field.
    pub fn optional(&mut self, field: TextField, value: Option<&str>) -> Option<String> {
        match self.translated(field, value.is_none_or(|v| v.trim().is_empty())) {
            Some(t) => Some(t.text),
            None => value.map(str::to_owned),
        }
    }

    /// The translation of `field`, if any; when there is none, the field is recorded as fallen
    /// back unless `empty` (nothing is shown).
    pub fn translated(&mut self, field: TextField, empty: bool) -> Option<TranslatedText> {
        let default = self.default.as_ref()?;
        match self.fields.get(&field) {
            Some(text) => Some(text.clone()),
            None => {
                if !empty {
                    self.fallback.0.insert(field, default.clone());
                }
                None
            }
        }
    }

    /// Which fields fell back, once every field has been asked for.
    pub fn into_fallback(self) -> Fallback {
        self.fallback
    }
}

/// The field `name` of a translation into `tag`, if `kind` translates it; a problem otherwise.
fn check_field(
    kind: TextKind,
    name: &Spanned<String>,
    tag: &str,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<TextField> {
    let fields = kind.fields();
    let found = fields.iter().copied().find(|f| f.name() == name.get_ref());
    if found.is_none() {
        let names: Vec<_> = fields.iter().map(|f| f.name()).collect();
        problems.push(
            file.error_at(
                name.span(),
                format!(
                    "`{}` is not a field a translation of {} holds: those are {}",
                    name.get_ref(),
                    kind.noun(),
                    hints::list_in_words(&names),
                ),
            )
            .code(Code::UntranslatableField)
            .hint(hints::untranslatable_field(name.get_ref(), tag, &names)),
        );
    }
    found
}

/// The fields of one entry of a translation table: the entry itself, or, for a table whose
/// name starts fields of `kind` (`[translations.cy.transport]`, as the original's
/// `[transport]`), each of its entries under its dotted name (`transport.parking`), located at
/// its key and value as found in the table's text (a nested value keeps no place of its own;
/// the table's place when the key cannot be found).
fn nested_fields(
    kind: TextKind,
    name: &Spanned<String>,
    value: &Spanned<toml::Value>,
    file: &SourceFile,
) -> Vec<(Spanned<String>, Spanned<toml::Value>)> {
    let prefix = format!("{}.", name.get_ref());
    let nests = kind.fields().iter().any(|f| f.name().starts_with(&prefix));
    match value.get_ref() {
        toml::Value::Table(table) if nests => table
            .iter()
            .map(|(inner, inner_value)| {
                let (key, at) = find_entry(&file.text, value.span(), inner)
                    .unwrap_or((value.span(), value.span()));
                (
                    Spanned::new(key, format!("{prefix}{inner}")),
                    Spanned::new(at, inner_value.clone()),
                )
            })
            .collect(),
        _ => vec![(name.clone(), value.clone())],
    }
}

/// Where the entry `key = value` is written in `text` in the table at `span` (a `[header]`, to
/// the next header, or an inline table): the spans of its key and of its value (to the end of
/// its line), if the key begins a line or follows `{` or `,`.
fn find_entry(text: &str, span: Range<usize>, key: &str) -> Option<(Range<usize>, Range<usize>)> {
    let end = text
        .get(span.end..)?
        .find("\n[")
        .map_or(text.len(), |at| span.end + at);
    let span = span.start..end;
    let within = text.get(span.clone())?;
    within.match_indices(key).find_map(|(at, _)| {
        let before = within[..at].trim_end_matches([' ', '\t']);
        let starts = before.is_empty() || before.ends_with(['\n', '{', ',']);
        let after = &within[at + key.len()..];
        let rest = after.trim_start_matches([' ', '\t']).strip_prefix('=')?;
        if !starts {
            return None;
        }
        let value_start = span.start + at + key.len() + (after.len() - rest.len());
        let value_start = value_start + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
        let value_end = text[value_start..]
            .find('\n')
            .map_or(text.len(), |end| value_start + end);
        let key_start = span.start + at;
        Some((key_start..key_start + key.len(), value_start..value_end))
    })
}

/// A translated value, checked.
enum Checked {
    Text(TranslatedText),
    List(Vec<String>),
}

/// The text (or, for a list field, the list of text) of a translated value, or a problem when
/// it is not what `field` holds.
fn check_value(
    field: TextField,
    value: &Spanned<toml::Value>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<Checked> {
    let span = value.span();
    let name = field.name();
    match value.get_ref() {
        toml::Value::String(text) if !field.is_list() => Some(Checked::Text(TranslatedText {
            text: text.clone(),
            offset: span.start + quote_length(&file.text, &span),
        })),
        toml::Value::Array(items) if field.is_list() => {
            let texts: Option<Vec<String>> = items
                .iter()
                .map(|item| item.as_str().map(str::to_owned))
                .collect();
            if texts.is_none() {
                problems.push(
                    file.error_at(
                        span,
                        format!("`{name}` in a translation must be a list of text"),
                    )
                    .code(Code::WrongType)
                    .hint("write each translated item in quotes, as the list is written above it"),
                );
            }
            texts.map(Checked::List)
        }
        other => {
            let (wanted, hint) = if field.is_list() {
                (
                    "a list of text",
                    "write the translated items as a list in quotes, as the field is written above it: [\"…\", \"…\"]",
                )
            } else {
                (
                    "text",
                    "write the translated text in quotes, as the field is written above it",
                )
            };
            problems.push(
                file.error_at(
                    span,
                    format!(
                        "`{name}` in a translation must be {wanted}, not {}",
                        other.type_str()
                    ),
                )
                .code(Code::WrongType)
                .hint(hint),
            );
            None
        }
    }
}

/// The length of what opens the TOML string at `span` before its text: its quotes, three for a
/// multi-line one, with the line break that TOML drops right after them.
fn quote_length(text: &str, span: &Range<usize>) -> usize {
    let written = text.get(span.clone()).unwrap_or_default();
    if !(written.starts_with("\"\"\"") || written.starts_with("'''")) {
        return 1;
    }
    let rest = &written[3..];
    3 + if rest.starts_with("\r\n") {
        2
    } else {
        usize::from(rest.starts_with('\n'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Item {
        title: String,
        #[serde(default)]
        summary: String,
        #[serde(default)]
        translations: RawTranslations,
    }

    fn welsh() -> Languages {
        Languages {
            building: "cy".into(),
            declared: vec!["en-GB".into(), "cy".into()],
        }
    }

    fn check(text: &str, languages: &Languages) -> (Item, Translation, Diagnostics) {
        let file = SourceFile {
            path: "sessions/w/s.toml".into(),
            text: text.to_owned(),
        };
        let item: Item = toml::from_str(text).unwrap();
        let mut problems = Diagnostics::default();
        let translation = Translation::check(
            &item.translations,
            TextKind::Session,
            &file,
            languages,
            &mut problems,
        );
        (item, translation, problems)
    }

    const ITEM: &str =
        "title = \"Coffee\"\nsummary = \"A chat\"\n\n[translations.cy]\ntitle = \"Coffi\"\n";

    #[test]
    fn a_translated_field_is_taken_and_an_untranslated_one_falls_back() {
        let (item, mut translation, problems) = check(ITEM, &welsh());
        assert!(problems.is_empty(), "{problems}");
        assert_eq!(translation.text(TextField::Title, &item.title), "Coffi");
        assert_eq!(
            translation.text(TextField::Summary, &item.summary),
            "A chat"
        );
        assert_eq!(translation.text(TextField::Note, ""), "");
        let fallback = translation.into_fallback();
        assert_eq!(fallback.lang(TextField::Summary), Some("en-GB"));
        assert_eq!(fallback.lang(TextField::Title), None);
        assert_eq!(fallback.lang(TextField::Note), None, "nothing shown");
    }

    #[test]
    fn the_default_language_keeps_its_text_and_marks_nothing() {
        let english = Languages {
            building: "en-GB".into(),
            ..welsh()
        };
        let (item, mut translation, problems) = check(ITEM, &english);
        assert!(problems.is_empty(), "{problems}");
        assert_eq!(translation.text(TextField::Title, &item.title), "Coffee");
        assert_eq!(
            translation.text(TextField::Summary, &item.summary),
            "A chat"
        );
        assert!(translation.into_fallback().is_empty());
    }

    #[test]
    fn every_problem_is_located() {
        let text = "title = \"T\"\n[translations.pl]\ntitle = \"P\"\n[translations.cy]\nstart = \"x\"\nsummary = 3\n";
        let (_, _, problems) = check(text, &welsh());
        let problems = problems.sorted();
        let found: Vec<_> = problems.0.iter().map(|p| (p.code, p.position)).collect();
        assert_eq!(
            found,
            vec![
                (Some(Code::UndeclaredLanguage), Some((2, 15))),
                (Some(Code::UntranslatableField), Some((5, 1))),
                (Some(Code::WrongType), Some((6, 11))),
            ]
        );
        let report = problems.to_string();
        assert!(
            report.contains("title, summary, description, note, refreshments, concessions"),
            "{report}"
        );
        assert!(
            report.contains("languages = [\"en-GB\", \"cy\", \"pl\"]"),
            "{report}"
        );
    }

    #[test]
    fn a_translation_into_the_default_language_is_reported() {
        let text = "title = \"T\"\n[translations.en-GB]\ntitle = \"T2\"\n";
        let (_, _, problems) = check(text, &welsh());
        assert_eq!(problems.0.len(), 1, "{problems}");
        assert_eq!(problems.0[0].code, Some(Code::UndeclaredLanguage));
        assert_eq!(problems.0[0].position, Some((2, 15)));
        assert!(
            problems.to_string().contains("other languages (cy)"),
            "{problems}"
        );
    }

    #[test]
    fn a_one_language_site_reports_any_translation() {
        let (_, _, problems) = check(ITEM, &Languages::default());
        assert_eq!(problems.0.len(), 1, "{problems}");
        assert_eq!(problems.0[0].code, Some(Code::UndeclaredLanguage));
    }

    #[test]
    fn a_nested_field_is_read_from_its_table_and_a_list_as_a_list() {
        let text = "title = \"T\"\n[translations.cy]\ntransport = { parking = \"Parcio\", bus = 3 }\n[translations.cy.venue]\naccess = [\"Lifft\"]\n";
        let (_, mut translation, problems) = check(text, &welsh());
        let found: Vec<_> = problems.0.iter().map(|p| (p.code, p.position)).collect();
        assert_eq!(
            found,
            vec![(Some(Code::UntranslatableField), Some((3, 35)))]
        );
        assert_eq!(
            translation.optional(TextField::Parking, Some("Parking")),
            Some("Parcio".to_owned())
        );
        assert_eq!(
            translation.list(TextField::VenueAccess, &["Lift".to_owned()]),
            vec!["Lifft".to_owned()]
        );
        assert_eq!(
            translation.optional(TextField::StepFreeRoute, Some("Level")),
            Some("Level".to_owned())
        );
        let json = serde_json::to_value(translation.into_fallback()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "transport_step_free_route": "en-GB" })
        );
    }

    #[test]
    fn the_fallback_names_the_fields_that_fell_back_for_templates() {
        let mut translation = Translation {
            default: Some("en-GB".into()),
            ..Translation::default()
        };
        translation.text(TextField::Title, "Coffee");
        let json = serde_json::to_value(translation.into_fallback()).unwrap();
        assert_eq!(json, serde_json::json!({ "title": "en-GB" }));
    }
}
