//! Stage 2, model: whether a reader may be at risk for reading something. A fact of content,
//! not of folders: a topic marked `sensitive = true` in `content/topics.toml` makes every page,
//! session and service about it sensitive, as do `safety = true` on a page and a specialist
//! safety service. Computed once here; every view asks for the answer instead of deriving it.

use serde::Serialize;

/// Whether reading something could put a reader at risk if someone saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sensitivity {
    /// Nothing to hide.
    #[default]
    Ordinary,
    /// Show 'Exit this page' and 'Get help now'; relations follow the safety rules.
    Sensitive,
}

impl Sensitivity {
    /// `Sensitive` when `condition` holds.
    pub fn when(condition: bool) -> Sensitivity {
        if condition {
            Sensitivity::Sensitive
        } else {
            Sensitivity::Ordinary
        }
    }

    /// True for [`Sensitivity::Sensitive`].
    pub fn is_sensitive(self) -> bool {
        self == Sensitivity::Sensitive
    }

    /// Sensitive when either is.
    pub fn or(self, other: Sensitivity) -> Sensitivity {
        self.max(other)
    }

    /// Sensitive when any of `all` is.
    pub fn any(all: impl IntoIterator<Item = Sensitivity>) -> Sensitivity {
        all.into_iter().max().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_sensitive_part_makes_the_whole_sensitive() {
        use Sensitivity::*;
        assert_eq!(Sensitivity::any([Ordinary, Sensitive, Ordinary]), Sensitive);
        assert_eq!(Sensitivity::any([Ordinary]), Ordinary);
        assert_eq!(Sensitivity::any([]), Ordinary);
        assert_eq!(Ordinary.or(Sensitive), Sensitive);
        assert!(Sensitivity::when(true).is_sensitive());
    }
}
