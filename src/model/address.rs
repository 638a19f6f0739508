//! One rule for addresses, part of the model stage: two things that would be published at one
//! address are a located error that names both, never a silent merge.
//!
//! The model claims the address of every page, week, session, host page, service and topic
//! page in one [`Addresses`]; the output stage claims every file's path in another, so that
//! what the render stage adds (filter pages, calendars, static files) is held to the same rule
//! and reported in the same words.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::RawPage;
use crate::model::page::Page;
use crate::model::service::Service;
use crate::model::session::Session;
use crate::model::slug::{Slug, UrlPath};
use crate::model::topic::Topics;
use crate::model::week::Week;

/// What kind of thing claims an address; each kind makes its address in its own way, which
/// the hint says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claimant {
    /// A Markdown page or section under `content/`.
    Page,
    /// A practice week (`sessions/<week>/`).
    Week,
    /// A session of a week.
    Session,
    /// A host's or organisation's page of sessions.
    Host,
    /// A service of the directory.
    Service,
    /// A shared topic's page.
    Topic,
    /// A file of the output (a page, a generated file or a static file).
    File,
}

impl Claimant {
    fn noun(self) -> &'static str {
        match self {
            Claimant::Page => "page",
            Claimant::Week => "week",
            Claimant::Session => "session",
            Claimant::Host => "host",
            Claimant::Service => "service",
            Claimant::Topic => "topic",
            Claimant::File => "file",
        }
    }

    /// Where the address comes from, so the user knows what to change.
    fn made_from(self) -> &'static str {
        match self {
            Claimant::Page => "a page's address comes from its file and folder names",
            Claimant::Week => "a week's address comes from its folder name",
            Claimant::Session => "a session's address comes from its file name",
            Claimant::Host => {
                "a host's page comes from their organisation, or else their name: spell one host the same way everywhere, and tell two hosts apart"
            }
            Claimant::Service => "a service's address comes from its file name",
            Claimant::Topic => "a topic's address comes from its slug in content/topics.toml",
            Claimant::File => "an output file's path comes from where its source is",
        }
    }
}

/// Who claims an address, and where they were written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// What kind of thing.
    pub kind: Claimant,
    /// Its name when the file alone does not say which it is (a host, a topic).
    pub label: Option<String>,
    /// The file it was written in.
    pub path: PathBuf,
    /// Line and column in that file, when known.
    pub position: Option<(usize, usize)>,
}

impl Claim {
    /// A claim by a whole file.
    pub fn file(kind: Claimant, path: impl Into<PathBuf>) -> Claim {
        Claim {
            kind,
            label: None,
            path: path.into(),
            position: None,
        }
    }

    fn diagnostic(&self, message: String) -> Diagnostic {
        match self.position {
            Some((line, column)) => {
                Diagnostic::at(&self.path, line, column, message).code(Code::AddressClash)
            }
            None => Diagnostic::file(&self.path, message).code(Code::AddressClash),
        }
    }
}

impl fmt::Display for Claim {
    /// `the host `محمد علي` (sessions/a/b.toml:12:8)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the {}", self.kind.noun())?;
        if let Some(label) = &self.label {
            write!(f, " `{label}`")?;
        }
        write!(f, " of {}", self.path.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        Ok(())
    }
}

/// The addresses claimed so far, each with its first claimant.
#[derive(Debug, Default)]
pub struct Addresses {
    claimed: BTreeMap<String, Claim>,
}

impl Addresses {
    /// Claims `address` for `claim`; an error naming both when someone else has it already.
    pub fn claim(&mut self, address: &str, claim: Claim) -> Result<(), Diagnostic> {
        match self.claimed.get(address) {
            None => {
                self.claimed.insert(address.to_owned(), claim);
                Ok(())
            }
            Some(first) => Err(clash(address, first, &claim)),
        }
    }

    /// [`Addresses::claim`], recording the clash, if any, in `problems`; true if claimed.
    pub fn claim_or_report(
        &mut self,
        address: &str,
        claim: Claim,
        problems: &mut Diagnostics,
    ) -> bool {
        self.claim(address, claim)
            .map_err(|d| problems.push(d))
            .is_ok()
    }
}

/// The error for `second` wanting the address `first` has: located at `second`, naming both.
pub fn clash(address: &str, first: &Claim, second: &Claim) -> Diagnostic {
    let mut what = format!("this {}", second.kind.noun());
    if let Some(label) = &second.label {
        what.push_str(&format!(" `{label}`"));
    }
    let hint = if first.kind == second.kind {
        format!("rename one of the two: {}", first.kind.made_from())
    } else {
        format!(
            "rename one of the two: {}; {}",
            first.kind.made_from(),
            second.kind.made_from()
        )
    };
    second
        .diagnostic(format!(
            "{what} would be published at {address}, where {first} already is"
        ))
        .hint(hint)
}

/// Claims the address of every page, topic page, week, session and service of the model
/// (hosts are claimed by [`crate::model::host`]).
pub fn claim_model(
    addresses: &mut Addresses,
    (pages, raw_pages): (&[Page], &[std::sync::Arc<RawPage>]),
    topics: &Topics,
    weeks: &[Week],
    sessions: &[Session],
    services: &[Service],
    problems: &mut Diagnostics,
) {
    for page in pages {
        addresses.claim_or_report(
            page.url.as_str(),
            Claim::file(Claimant::Page, &raw_pages[page.raw].file.path),
            problems,
        );
    }
    if let (false, Some(index)) = (topics.list.is_empty(), Slug::from_text("topics")) {
        let index = UrlPath::root().join(&index);
        addresses.claim_or_report(
            index.as_str(),
            Claim::file(Claimant::Topic, "content/topics.toml"),
            problems,
        );
        for topic in &topics.list {
            let claim = Claim {
                label: Some(topic.slug.to_string()),
                ..Claim::file(Claimant::Topic, "content/topics.toml")
            };
            addresses.claim_or_report(index.join(&topic.slug).as_str(), claim, problems);
        }
    }
    for week in weeks {
        addresses.claim_or_report(
            week.url.as_str(),
            Claim::file(Claimant::Week, &week.source),
            problems,
        );
    }
    for session in sessions {
        addresses.claim_or_report(
            session.url.as_str(),
            Claim::file(Claimant::Session, &session.source),
            problems,
        );
    }
    for service in services {
        addresses.claim_or_report(
            service.url.as_str(),
            Claim::file(Claimant::Service, &service.path),
            problems,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_names_both_and_says_where_each_address_comes_from() {
        let mut addresses = Addresses::default();
        let first = Claim {
            label: Some("Jo Smith".into()),
            position: Some((3, 8)),
            ..Claim::file(Claimant::Host, "sessions/a/x.toml")
        };
        assert!(addresses.claim("/sessions/hosts/jo-smith/", first).is_ok());
        let second = Claim {
            label: Some("Jo  Smith".into()),
            position: Some((9, 8)),
            ..Claim::file(Claimant::Host, "sessions/b/y.toml")
        };
        let error = addresses
            .claim("/sessions/hosts/jo-smith/", second)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "sessions/b/y.toml:9:8: this host `Jo  Smith` would be published at /sessions/hosts/jo-smith/, where the host `Jo Smith` of sessions/a/x.toml:3:8 already is [E0504]\n  hint: rename one of the two: a host's page comes from their organisation, or else their name: spell one host the same way everywhere, and tell two hosts apart"
        );
    }

    #[test]
    fn clashes_between_kinds_give_both_reasons() {
        let mut addresses = Addresses::default();
        addresses
            .claim(
                "/topics/",
                Claim::file(Claimant::Page, "content/topics/_index.md"),
            )
            .unwrap();
        let error = addresses
            .claim(
                "/topics/",
                Claim::file(Claimant::Topic, "content/topics.toml"),
            )
            .unwrap_err();
        assert!(
            error
                .hint
                .unwrap()
                .contains("file and folder names; a topic's address")
        );
    }
}
