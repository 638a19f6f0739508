//! Who a page, session or service is for.

use serde::Serialize;
use toml::Spanned;

use crate::diag::{Code, Diagnostics, SourceFile};

/// A group of readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Mothers, fathers and carers.
    Parents,
    /// Whole families, children included.
    Families,
    /// People who work with families.
    Practitioners,
    /// Young people themselves.
    YoungPeople,
    /// Anyone in the local community.
    Community,
}

impl Audience {
    /// Every audience, in the order filters list them.
    pub const ALL: [Audience; 5] = [
        Audience::Parents,
        Audience::Families,
        Audience::Practitioners,
        Audience::YoungPeople,
        Audience::Community,
    ];

    /// The identifier used in files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Audience::Parents => "parents",
            Audience::Families => "families",
            Audience::Practitioners => "practitioners",
            Audience::YoungPeople => "young-people",
            Audience::Community => "community",
        }
    }

    /// The theme's message for its name on pages (`label` stays English for machine outputs).
    pub fn message_key(self) -> &'static str {
        match self {
            Audience::Parents => "audience-parents",
            Audience::Families => "audience-families",
            Audience::Practitioners => "audience-practitioners",
            Audience::YoungPeople => "audience-young-people",
            Audience::Community => "audience-community",
        }
    }

    /// The name in English.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Parents => "Parents and carers",
            Audience::Families => "Families",
            Audience::Practitioners => "Practitioners",
            Audience::YoungPeople => "Young people",
            Audience::Community => "Community",
        }
    }

    /// True when `audiences` names practitioners and no one else: such a page is marked 'For
    /// practitioners' and listed apart from those for families.
    pub fn practitioners_only(audiences: &[Audience]) -> bool {
        !audiences.is_empty() && audiences.iter().all(|a| *a == Audience::Practitioners)
    }

    /// Resolves the audiences a file names; unknown ones are located problems.
    pub fn resolve(
        names: &[Spanned<String>],
        file: &SourceFile,
        offset: usize,
        problems: &mut Diagnostics,
    ) -> Vec<Audience> {
        let mut found = Vec::new();
        for name in names {
            match Audience::ALL.iter().find(|a| a.slug() == name.get_ref()) {
                Some(audience) if !found.contains(audience) => found.push(*audience),
                Some(_) => {}
                None => {
                    let span = name.span();
                    let known: Vec<_> = Audience::ALL.iter().map(|a| a.slug()).collect();
                    problems.push(
                        file.error_at(
                            span.start + offset..span.end + offset,
                            format!("unknown audience `{}`", name.get_ref()),
                        )
                        .code(Code::UnknownValue)
                        .hint(format!("use one of: {}", known.join(", "))),
                    );
                }
            }
        }
        found
    }
}
