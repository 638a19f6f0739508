//! Reading one Markdown page: its front matter as written ([`RawFrontMatter`]) and its body.

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile};
use crate::load::front_matter::{SplitError, split_front_matter};

/// The front matter of a page or section, exactly as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrontMatter {
    /// The page's title, its only `<h1>`.
    pub title: String,
    /// One sentence about the page.
    #[serde(default)]
    pub summary: String,
    /// Topic slugs from `content/topics.toml`.
    #[serde(default)]
    pub topics: Vec<Spanned<String>>,
    /// Who the page is for.
    #[serde(default)]
    pub audience: Vec<Spanned<String>>,
    /// Publication date.
    #[serde(default)]
    pub date: Option<Spanned<Datetime>>,
    /// When someone last checked the page.
    #[serde(default)]
    pub last_reviewed: Option<Spanned<Datetime>>,
    /// Drafts are left out unless the build asks for them.
    #[serde(default)]
    pub draft: bool,
    /// Order within the section, lower first.
    #[serde(default)]
    pub weight: i64,
    /// Sensitive whatever its topics: show 'Exit this page' and 'Get help now'.
    #[serde(default)]
    pub safety: bool,
    /// Another template than the default for its kind.
    #[serde(default)]
    pub template: Option<Spanned<String>>,
    /// How a section orders its pages.
    #[serde(default)]
    pub sort_by: Option<Spanned<String>>,
    /// Services to list instead of the automatic choice: ids or paths (`../directory/x.toml`).
    #[serde(default)]
    pub related_services: Option<Vec<Spanned<String>>>,
    /// Pages to list instead of the automatic choice: source paths, as in links.
    #[serde(default)]
    pub related_pages: Option<Vec<Spanned<String>>>,
    /// Resources to list instead of the automatic choice: their addresses.
    #[serde(default)]
    pub related_resources: Option<Vec<Spanned<String>>>,
    /// Free-form data for templates.
    #[serde(default)]
    pub extra: toml::Table,
}

/// A Markdown page as read from disk.
#[derive(Debug, Clone, PartialEq)]
pub struct RawPage {
    /// The file, with its path relative to the site root.
    pub file: SourceFile,
    /// The path relative to `content/`, with `/` separators (e.g. `self-help/arguments.md`).
    /// A translation (`self-help/arguments.cy.md`) has its original's path: it is the same
    /// page in another language.
    pub content_path: String,
    /// The language of a translation (`cy` for `arguments.cy.md`, as `languages` spells it);
    /// `None` for a page in the site's default language.
    pub language: Option<String>,
    /// The parsed front matter.
    pub front: RawFrontMatter,
    /// Where the front matter starts in the file: TOML spans are relative to it.
    pub front_offset: usize,
    /// Where the Markdown body starts in the file.
    pub body_offset: usize,
    /// Whether the body is in [`RawPage::file`] or was left on disk.
    pub body: Body,
}

/// Where a page's Markdown body is kept between load and render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// In [`RawPage::file`], after the front matter.
    InMemory,
    /// Left in the file at `path`, read again when the search index and render need it
    /// (`hubsite build`, in bounded memory): [`RawPage::file`] holds only what comes before
    /// the body. The body's length and hash as loaded tell a body read again that was edited
    /// meanwhile (the search index and the page would otherwise show different texts).
    OnDisk {
        /// The file.
        path: PathBuf,
        /// The body's length in bytes, as loaded.
        len: usize,
        /// The body's hash, as loaded.
        hash: u64,
    },
}

/// A body's hash, to tell whether it changed since it was loaded.
fn body_hash(body: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    body.hash(&mut hasher);
    hasher.finish()
}

impl RawPage {
    /// The whole file, body included: read again if its body was left on disk (a file whose
    /// front matter changed since it was loaded is a problem: the model was built from the
    /// old one).
    pub fn source(&self) -> Result<Cow<'_, SourceFile>, Diagnostic> {
        let Body::OnDisk { path, len, hash } = &self.body else {
            return Ok(Cow::Borrowed(&self.file));
        };
        let shown = &self.file.path;
        let bytes = fs::read(path).map_err(|error| {
            Diagnostic::file(shown, format!("cannot read this file again: {error}"))
                .code(Code::FileUnreadable)
        })?;
        let file = SourceFile::new(shown.clone(), bytes)?;
        let body = file.text.get(self.body_offset..).unwrap_or_default();
        if !file.text.starts_with(&self.file.text) || body.len() != *len || body_hash(body) != *hash
        {
            return Err(
                Diagnostic::file(shown, "this file changed while the site was built")
                    .code(Code::FileUnreadable)
                    .hint("build again"),
            );
        }
        Ok(Cow::Owned(file))
    }

    /// The Markdown body in `file`, this page's whole file ([`RawPage::source`]).
    pub fn body_in<'f>(&self, file: &'f SourceFile) -> &'f str {
        &file.text[self.body_offset..]
    }

    /// Keeps in memory only what comes before the body, which stays in the file under `root`
    /// to be read again ([`Body::OnDisk`]).
    pub fn set_body_aside(&mut self, root: &Path) {
        if self.body == Body::InMemory {
            let body = &self.file.text[self.body_offset..];
            let (len, hash) = (body.len(), body_hash(body));
            self.file.text.truncate(self.body_offset);
            self.file.text.shrink_to_fit();
            self.body = Body::OnDisk {
                path: root.join(&self.file.path),
                len,
                hash,
            };
        }
    }

    /// Everything before the body: the fences and the front matter between them.
    pub fn head(&self) -> &str {
        &self.file.text[..self.body_offset]
    }
}

/// Parses a page's front matter; the body is kept as text for the render stage.
pub fn parse_page(file: SourceFile, content_path: String) -> Result<RawPage, Diagnostics> {
    parse_page_in(file, content_path, None)
}

/// [`parse_page`] for a page in `language` (a translation), named by its original's path.
pub fn parse_page_in(
    file: SourceFile,
    content_path: String,
    language: Option<String>,
) -> Result<RawPage, Diagnostics> {
    let split = split_front_matter(&file.text).map_err(|error| match error {
        SplitError::NoOpeningFence => file
            .error_at(0..0, "this page has no front matter")
            .code(Code::FrontMatter)
            .hint(
                "start the file with a line `+++`, then `title = \"...\"`, then another `+++` line",
            ),
        SplitError::NoClosingFence(span) => file
            .error_at(span, "the front matter opened here is never closed")
            .code(Code::FrontMatter)
            .hint("add a line with only `+++` after the last front matter line"),
    })?;
    let front = crate::parse::parse_toml::<RawFrontMatter>(&file, split.front, split.front_offset)?;
    let (front_offset, body_offset) = (split.front_offset, split.body_offset);
    Ok(RawPage {
        file,
        content_path,
        language,
        front,
        front_offset,
        body_offset,
        body: Body::InMemory,
    })
}

/// A page file's language tag, if its name has one: `about.cy.md` is (`about.md`, `cy`).
/// Only a tag's shape counts here (two or three letters, then optional subtags:
/// `pa-Guru`, `en-GB`), so `notes.v2.md` and `report.final.md` are pages of their own.
pub fn split_language(content_path: &str) -> Option<(String, &str)> {
    let (dir, name) = match content_path.rsplit_once('/') {
        Some((dir, name)) => (Some(dir), name),
        None => (None, content_path),
    };
    let (stem, tag) = name.strip_suffix(".md")?.rsplit_once('.')?;
    let mut parts = tag.split('-');
    let primary = parts.next()?;
    let looks_like_tag = (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if stem.is_empty() || !looks_like_tag {
        return None;
    }
    let original = match dir {
        Some(dir) => format!("{dir}/{stem}.md"),
        None => format!("{stem}.md"),
    };
    Some((original, tag))
}

/// The fields a translation's front matter may set: what is read, not how the page is
/// placed. The rest comes from the original, so that languages cannot disagree.
pub fn structural_fields(front: &RawFrontMatter) -> Vec<&'static str> {
    let set = [
        ("topics", !front.topics.is_empty()),
        ("audience", !front.audience.is_empty()),
        ("date", front.date.is_some()),
        ("last_reviewed", front.last_reviewed.is_some()),
        ("weight", front.weight != 0),
        ("safety", front.safety),
        ("template", front.template.is_some()),
        ("sort_by", front.sort_by.is_some()),
        ("related_services", front.related_services.is_some()),
        ("related_pages", front.related_pages.is_some()),
        ("related_resources", front.related_resources.is_some()),
    ];
    set.into_iter()
        .filter(|(_, set)| *set)
        .map(|(name, _)| name)
        .collect()
}

/// The path of a page's file relative to the site root.
pub fn page_file_path(content_path: &str) -> PathBuf {
    PathBuf::from("content").join(content_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page, or its first problem.
    fn page(text: &str) -> Result<RawPage, crate::diag::Diagnostic> {
        let file = SourceFile::new("content/a.md", text.as_bytes().to_vec()).unwrap();
        parse_page(file, "a.md".into()).map_err(|found| found.0[0].clone())
    }

    #[test]
    fn a_body_set_aside_is_read_again_whole_and_a_changed_head_is_a_problem() {
        let root = tempfile::tempdir().unwrap();
        let text = "\u{feff}+++\r\ntitle = \"A\"\r\n+++\r\nThe body, which stays on disk.\r\n";
        fs::create_dir_all(root.path().join("content")).unwrap();
        fs::write(root.path().join("content/a.md"), text).unwrap();
        let mut raw = page(text).unwrap();
        let whole = raw.file.clone();
        raw.set_body_aside(root.path());
        assert_eq!(
            raw.file.text, "+++\r\ntitle = \"A\"\r\n+++\r\n",
            "only the head is kept"
        );
        let file = raw.source().unwrap();
        assert_eq!(
            *file, whole,
            "read again as it was loaded, without the byte-order mark"
        );
        assert_eq!(raw.body_in(&file), "The body, which stays on disk.\r\n");
        // An edited body (of the same length, or another) or front matter is a problem: the
        // search index and the page would show different texts, or the model another page.
        for edited in [
            text.replace("stays", "lasts"),
            text.replace("stays", "stayed"),
            text.replace("\"A\"", "\"B\""),
        ] {
            fs::write(root.path().join("content/a.md"), &edited).unwrap();
            let problem = raw.source().unwrap_err();
            assert_eq!(problem.path, PathBuf::from("content/a.md"), "{problem:?}");
            assert!(
                problem.message.contains("changed while the site was built"),
                "{edited:?}: {problem:?}"
            );
        }
        fs::write(root.path().join("content/a.md"), text).unwrap();
        assert_eq!(
            *raw.source().unwrap(),
            whole,
            "the same bytes again are fine"
        );
        fs::remove_file(root.path().join("content/a.md")).unwrap();
        assert!(
            raw.source()
                .unwrap_err()
                .message
                .contains("cannot read this file again")
        );
    }

    #[test]
    fn a_language_tag_before_md_names_a_translation() {
        assert_eq!(
            split_language("self-help/arguments.cy.md"),
            Some(("self-help/arguments.md".to_owned(), "cy"))
        );
        assert_eq!(
            split_language("_index.pa-Guru.md"),
            Some(("_index.md".to_owned(), "pa-Guru"))
        );
        for page in [
            "about.md",
            "notes.v2.md",
            "report.final.md",
            ".cy.md",
            "a/b.c-d.md",
        ] {
            assert_eq!(split_language(page), None, "{page}");
        }
    }

    #[test]
    fn error_lines_count_the_opening_fence() {
        let error = page("+++\ntitle = 'A'\nsumary = 'x'\n+++\n").unwrap_err();
        assert_eq!(error.position, Some((3, 1)));
    }

    #[test]
    fn crlf_and_bom_files_locate_errors_on_the_right_line() {
        let file = SourceFile::new(
            "content/a.md",
            b"\xef\xbb\xbf+++\r\ntitle = 'A'\r\nweight = 'x'\r\n+++\r\n".to_vec(),
        )
        .unwrap();
        let error = parse_page(file, "a.md".into()).unwrap_err();
        assert_eq!(error.0[0].position, Some((3, 10)));
    }

    #[test]
    fn empty_front_matter_reports_the_missing_title() {
        let error = page("+++\n+++\nBody").unwrap_err();
        assert!(
            error.message.contains("missing field `title`"),
            "{}",
            error.message
        );
        assert!(error.position.is_some());
    }

    #[test]
    fn every_fault_of_the_front_matter_is_reported_at_once() {
        let file = SourceFile::new(
            "content/a.md",
            b"+++
sumary = 'x'
weight = 'heavy'
topcis = []
+++
"
            .to_vec(),
        )
        .unwrap();
        let found = parse_page(file, "a.md".into()).unwrap_err();
        let report: Vec<String> = found.0.iter().map(ToString::to_string).collect();
        assert_eq!(report.len(), 4, "{report:#?}");
        assert!(report[0].starts_with("content/a.md:2:1: unknown field `sumary`"));
        assert!(report[0].contains("did you mean `summary`?"));
        assert!(report[2].starts_with("content/a.md:3:10: invalid type"));
        assert!(report[3].starts_with("content/a.md:4:1: unknown field `topcis`"));
        assert!(report[1].starts_with("content/a.md:2:1: missing field `title`"));
    }
}
