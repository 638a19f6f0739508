//! Follow-on materials and resources: links to talks, articles, slides and toolkits.

use std::path::PathBuf;

use serde::Serialize;

use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile, line_column};
use crate::load::sessions::RawMaterial;
use crate::model::duration::parse_duration_minutes;
use crate::model::translation::{Fallback, Languages, TextField, TextKind, Translation};
use crate::text::format::minutes_text;

/// What kind of thing a material is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MaterialKind {
    /// A recorded video.
    Video,
    /// A recorded talk.
    Talk,
    /// Something to read.
    Article,
    /// A slide deck.
    Slides,
    /// A handout to print.
    Handout,
    /// A set of tools for practitioners.
    Toolkit,
    /// A website.
    Website,
    /// An audio programme.
    Podcast,
}

impl MaterialKind {
    /// Every kind, in the order lists show them.
    pub const ALL: [MaterialKind; 8] = [
        MaterialKind::Video,
        MaterialKind::Talk,
        MaterialKind::Article,
        MaterialKind::Slides,
        MaterialKind::Handout,
        MaterialKind::Toolkit,
        MaterialKind::Website,
        MaterialKind::Podcast,
    ];

    /// The identifier in files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            MaterialKind::Video => "video",
            MaterialKind::Talk => "talk",
            MaterialKind::Article => "article",
            MaterialKind::Slides => "slides",
            MaterialKind::Handout => "handout",
            MaterialKind::Toolkit => "toolkit",
            MaterialKind::Website => "website",
            MaterialKind::Podcast => "podcast",
        }
    }

    /// The theme's message naming this kind (`material-kind-video`).
    pub fn key(self) -> &'static str {
        match self {
            MaterialKind::Video => "material-kind-video",
            MaterialKind::Talk => "material-kind-talk",
            MaterialKind::Article => "material-kind-article",
            MaterialKind::Slides => "material-kind-slides",
            MaterialKind::Handout => "material-kind-handout",
            MaterialKind::Toolkit => "material-kind-toolkit",
            MaterialKind::Website => "material-kind-website",
            MaterialKind::Podcast => "material-kind-podcast",
        }
    }

    /// The theme's message naming several of this kind, as a heading (`material-kinds-video`).
    pub fn plural_key(self) -> &'static str {
        match self {
            MaterialKind::Video => "material-kinds-video",
            MaterialKind::Talk => "material-kinds-talk",
            MaterialKind::Article => "material-kinds-article",
            MaterialKind::Slides => "material-kinds-slides",
            MaterialKind::Handout => "material-kinds-handout",
            MaterialKind::Toolkit => "material-kinds-toolkit",
            MaterialKind::Website => "material-kinds-website",
            MaterialKind::Podcast => "material-kinds-podcast",
        }
    }

    /// The name in English, as the printed booklet and machine outputs write it; pages show
    /// [`key`](Self::key)'s message.
    pub fn label(self) -> &'static str {
        match self {
            MaterialKind::Video => "Video",
            MaterialKind::Talk => "Talk",
            MaterialKind::Article => "Article",
            MaterialKind::Slides => "Slides",
            MaterialKind::Handout => "Handout",
            MaterialKind::Toolkit => "Toolkit",
            MaterialKind::Website => "Website",
            MaterialKind::Podcast => "Podcast",
        }
    }
}

/// A follow-on material or resource, validated.
#[derive(Debug, Clone, Serialize)]
pub struct Material {
    /// Its title.
    pub title: String,
    /// Its address (http or https).
    pub url: String,
    /// Its kind.
    pub kind: MaterialKind,
    /// Who made it.
    pub source: Option<String>,
    /// Why it is useful.
    pub description: Option<String>,
    /// Minutes it takes, if given.
    pub minutes: Option<u32>,
    /// Where its address is written, for `hubsite check`.
    #[serde(skip)]
    pub origin: Origin,
    /// Its fields shown in the default language, on a translation.
    pub fallback: Fallback,
}

/// Where a material's address is written: file, line and column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file, relative to the site root.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl Origin {
    /// A problem located at this address.
    pub fn diagnostic(&self, code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(&self.path, self.line, self.column, message).code(code)
    }
}

/// An address in short form for print: no scheme, no `www.`, no trailing slash.
pub fn short_url(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.strip_suffix('/').unwrap_or(rest).to_owned()
}

/// Validates a material; problems are located in `file`.
pub fn build_material(
    raw: &RawMaterial,
    file: &SourceFile,
    languages: &Languages,
    problems: &mut Diagnostics,
) -> Option<Material> {
    let mut translation = Translation::check(
        &raw.translations,
        TextKind::Material,
        file,
        languages,
        problems,
    );
    let kind = MaterialKind::ALL
        .iter()
        .copied()
        .find(|k| k.slug() == raw.kind.get_ref());
    if kind.is_none() {
        let known: Vec<_> = MaterialKind::ALL.iter().map(|k| k.slug()).collect();
        problems.push(
            file.error_at(
                raw.kind.span(),
                format!("unknown kind `{}`", raw.kind.get_ref()),
            )
            .code(Code::UnknownValue)
            .hint(format!("use one of: {}", known.join(", "))),
        );
    }
    let url = raw.url.get_ref().trim();
    let url_ok = url.starts_with("https://") || url.starts_with("http://");
    if !url_ok {
        problems.push(
            file.error_at(raw.url.span(), format!("`{url}` is not a web address"))
                .code(Code::MaterialAddress)
                .hint("materials need a full address starting with https://"),
        );
    }
    let minutes = match &raw.duration {
        None => None,
        Some(text) => match parse_duration_minutes(text.get_ref()) {
            Ok(minutes) => Some(minutes),
            Err(message) => {
                problems.push(
                    file.error_at(text.span(), message.to_string())
                        .code(Code::BadDuration)
                        .hint("write durations like 20m, 1h or 1h30m"),
                );
                None
            }
        },
    };
    Some(Material {
        title: translation.text(TextField::Title, &raw.title),
        url: url.to_owned(),
        kind: kind?,
        source: raw.source.clone(),
        description: translation.optional(TextField::Description, raw.description.as_deref()),
        minutes,
        origin: {
            let (line, column) = line_column(&file.text, raw.url.span().start);
            Origin {
                path: file.path.clone(),
                line,
                column,
            }
        },
        fallback: translation.into_fallback(),
    })
    .filter(|_| url_ok)
}

/// A material in words, as pages and printed booklets show it.
#[derive(Debug, Clone, Serialize)]
pub struct MaterialText {
    /// Title, the link text.
    pub title: String,
    /// Address.
    pub url: String,
    /// 'Video', in English (for machine outputs; pages and PDFs show `kind_key`'s message).
    pub kind: &'static str,
    /// The theme's message naming its kind (`material-kind-video`): what pages show.
    pub kind_key: &'static str,
    /// Who made it.
    pub source: Option<String>,
    /// Why it is useful.
    pub description: Option<String>,
    /// '20 minutes', in English (pages and PDFs show the `duration-...` messages).
    pub duration: Option<String>,
    /// The whole hours of its duration, for the theme's `duration-...` messages.
    pub hours: Option<u32>,
    /// The minutes past the hours.
    pub minutes: Option<u32>,
    /// Fields shown in the default language (`fallback.title`, `.description`).
    pub fallback: Fallback,
}

impl From<&Material> for MaterialText {
    fn from(m: &Material) -> Self {
        MaterialText {
            title: m.title.clone(),
            url: m.url.clone(),
            kind: m.kind.label(),
            kind_key: m.kind.key(),
            source: m.source.clone(),
            description: m.description.clone(),
            duration: m.minutes.map(minutes_text),
            hours: m.minutes.map(|n| n / 60),
            minutes: m.minutes.map(|n| n % 60),
            fallback: m.fallback.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_urls_drop_scheme_www_and_trailing_slash() {
        assert_eq!(short_url("https://www.example.org/a/"), "example.org/a");
        assert_eq!(short_url("http://example.org"), "example.org");
    }
}
