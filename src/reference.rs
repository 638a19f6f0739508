//! The field reference in the binary: `hubsite help content [KIND]` prints
//! docs/content-model.md, embedded at build time, so the binary and the docs cannot drift.
//! A leaf module.

/// docs/content-model.md as it was when hubsite was built.
pub const CONTENT_MODEL: &str = include_str!("../docs/content-model.md");

/// The kinds of file a user can ask for, each with the start of its `## ` heading.
pub const KINDS: &[(&str, &str)] = &[
    ("config", "## hubsite.toml"),
    ("page", "## Pages"),
    ("topics", "## Topics"),
    ("week", "## A practice week"),
    ("session", "## A session"),
    ("service", "## A service"),
    ("safety", "## Family safety"),
    ("resource", "## Resources"),
    ("translations", "## Translations"),
];

/// Other names people use for a kind.
const ALIASES: &[(&str, &str)] = &[
    ("hubsite.toml", "config"),
    ("site", "config"),
    ("pages", "page"),
    ("topic", "topics"),
    ("sessions", "session"),
    ("services", "service"),
    ("directory", "service"),
    ("related", "safety"),
    ("resources", "resource"),
    ("translation", "translations"),
];

/// The whole reference, or the section for one kind of file; for an unknown kind, an error
/// that lists the kinds.
pub fn content_reference(kind: Option<&str>) -> Result<&'static str, UnknownKind> {
    let Some(asked) = kind else {
        return Ok(CONTENT_MODEL);
    };
    let asked = asked.trim().to_ascii_lowercase();
    let name = ALIASES
        .iter()
        .find(|(alias, _)| *alias == asked)
        .map_or(asked.as_str(), |(_, name)| name);
    KINDS
        .iter()
        .find(|(kind, _)| *kind == name)
        .and_then(|(_, heading)| section(heading))
        .ok_or(UnknownKind(asked))
}

/// A kind of file the reference has no section for, as asked (lowercased).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no kind of file is called `{0}`; the kinds are: {kinds}", kinds = kind_names())]
pub struct UnknownKind(pub String);

fn kind_names() -> String {
    let kinds: Vec<&str> = KINDS.iter().map(|(kind, _)| *kind).collect();
    kinds.join(", ")
}

/// The text from the `## ` heading that starts with `heading` to the next `## ` heading.
fn section(heading: &str) -> Option<&'static str> {
    let start = CONTENT_MODEL
        .match_indices("\n## ")
        .map(|(i, _)| i + 1)
        .find(|&i| CONTENT_MODEL[i..].starts_with(heading))?;
    let end = CONTENT_MODEL[start + 3..]
        .find("\n## ")
        .map_or(CONTENT_MODEL.len(), |i| start + 3 + i + 1);
    Some(&CONTENT_MODEL[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_of_the_content_model_is_a_kind_and_every_kind_a_section() {
        let headings: Vec<&str> = CONTENT_MODEL
            .lines()
            .filter(|line| line.starts_with("## "))
            .collect();
        for heading in &headings {
            assert!(
                KINDS.iter().any(|(_, start)| heading.starts_with(start)),
                "docs/content-model.md's `{heading}` is not reachable with `hubsite help content KIND`: add it to reference::KINDS"
            );
        }
        for (kind, start) in KINDS {
            let text = content_reference(Some(kind)).unwrap();
            assert!(text.starts_with(start), "{kind}");
            assert_eq!(
                text.matches("\n## ").count(),
                0,
                "{kind} runs into the next section"
            );
        }
    }

    #[test]
    fn a_kind_shows_its_own_fields_and_an_unknown_kind_lists_the_kinds() {
        let session = content_reference(Some("Session")).unwrap();
        assert!(session.contains("places_left"));
        assert!(!session.contains("last_reviewed"));
        assert!(
            content_reference(Some("directory"))
                .unwrap()
                .contains("last_reviewed")
        );
        assert_eq!(content_reference(None).unwrap(), CONTENT_MODEL);
        let error = content_reference(Some("wek")).unwrap_err().to_string();
        assert!(
            error.contains("week") && error.contains("session"),
            "{error}"
        );
    }
}
