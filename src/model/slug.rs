//! Identifiers that are safe in a URL: [`Slug`] and [`UrlPath`].

use std::fmt;

use serde::Serialize;

/// Text that [`Slug::parse`] refused, as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotASlug {
    /// Not made of lowercase letters, digits and single hyphens.
    #[error("`{0}` is not a valid identifier: use lowercase letters, digits and hyphens")]
    Invalid(String),
    /// Longer than a file system or host may take.
    #[error(
        "`{0}` is longer than {MAX_SLUG_LEN} characters, too long for some file systems and hosts"
    )]
    TooLong(String),
}

/// A lowercase identifier made of `a-z`, `0-9` and single hyphens: safe as a URL segment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Accepts text that is already a slug.
    pub fn parse(text: &str) -> Result<Slug, NotASlug> {
        if text.len() > MAX_SLUG_LEN {
            return Err(NotASlug::TooLong(text.to_owned()));
        }
        if !text.is_empty() && slugify(text) == text {
            Ok(Slug(text.to_owned()))
        } else {
            Err(NotASlug::Invalid(text.to_owned()))
        }
    }

    /// Makes a slug from any text, such as a file name; `None` when nothing usable is left.
    pub fn from_text(text: &str) -> Option<Slug> {
        let slug = slugify(text);
        (!slug.is_empty()).then_some(Slug(slug))
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lowercases, transliterates every script to ASCII (é becomes e, 李明 li-ming, محمد mhmd, via
/// `deunicode`), keeps letters and digits, and turns every other run into one hyphen.
/// Apostrophes are dropped rather than made hyphens, so that "what's" stays one word. Text
/// with letters or digits that transliterate to nothing (a lone hamza, a character `deunicode`
/// does not know) gets their code points instead (`u621`), so that it is never left without one.
pub fn slugify(text: &str) -> String {
    shorten(slugify_whole(text))
}

/// The longest slug made from text, in bytes (ASCII). A page's slug names a folder, and file
/// systems refuse names over 255 bytes (fewer after encryption or on some hosts): a long title
/// is cut at a word, well below that. Two titles that then read the same are caught by the
/// model's address check (`model::address`), which names both.
pub const MAX_SLUG_LEN: usize = 80;

fn shorten(mut slug: String) -> String {
    if slug.len() > MAX_SLUG_LEN {
        let cut = slug[..=MAX_SLUG_LEN]
            .rfind('-')
            .filter(|&at| at >= MAX_SLUG_LEN / 2)
            .unwrap_or(MAX_SLUG_LEN);
        slug.truncate(cut);
    }
    slug
}

fn slugify_whole(text: &str) -> String {
    let slug = transliterate(text);
    if slug.is_empty() {
        let code_points: Vec<String> = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .map(|c| format!("u{:x}", u32::from(c)))
            .collect();
        return code_points.join("-");
    }
    slug
}

fn transliterate(text: &str) -> String {
    let ascii = deunicode::deunicode_with_tofu(text, "-");
    let mut slug = String::with_capacity(ascii.len());
    let mut pending_hyphen = false;
    for c in ascii.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c);
        } else if c != '\'' && c != '`' {
            pending_hyphen = true;
        }
    }
    slug
}

/// A site path that starts and ends with `/`, such as `/self-help/arguments/`; every segment
/// is a slug, so it can never climb out of the output folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct UrlPath(String);

impl UrlPath {
    /// The site's root, `/`.
    pub fn root() -> UrlPath {
        UrlPath("/".into())
    }

    /// A site path made of slugs (`/resources/kind/toolkit/`) back into a [`UrlPath`]; a
    /// segment that is not a slug is dropped.
    pub fn from_path(path: &str) -> UrlPath {
        let slugs: Vec<Slug> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .filter_map(Slug::from_text)
            .collect();
        UrlPath::from_slugs(&slugs)
    }

    /// The path made of these segments.
    pub fn from_slugs<'a>(segments: impl IntoIterator<Item = &'a Slug>) -> UrlPath {
        let mut path = String::from("/");
        for segment in segments {
            path.push_str(segment.as_str());
            path.push('/');
        }
        UrlPath(path)
    }

    /// A child of this path.
    pub fn join(&self, segment: &Slug) -> UrlPath {
        UrlPath(format!("{}{}/", self.0, segment))
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The file that holds this page in the output folder, e.g. `self-help/arguments/index.html`.
    pub fn output_file(&self) -> String {
        format!("{}index.html", &self.0[1..])
    }
}

impl fmt::Display for UrlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_is_cut_at_a_word_below_the_limit() {
        let title = "A very long title for a session that a council wrote out in full, \
                     with every detail of who it is for and where it happens and when";
        let slug = slugify(title);
        assert!(slug.len() <= MAX_SLUG_LEN, "{slug}");
        assert!(
            slug.starts_with("a-very-long-title") && !slug.ends_with('-'),
            "{slug}"
        );
        let unbroken = "x".repeat(300);
        assert_eq!(slugify(&unbroken).len(), MAX_SLUG_LEN);
        assert!(Slug::parse(&"a".repeat(MAX_SLUG_LEN + 1)).is_err());
        assert!(
            Slug::from_text(&"é".repeat(200)).is_some_and(|s| s.as_str().len() <= MAX_SLUG_LEN)
        );
    }

    #[test]
    fn slugify_makes_readable_identifiers() {
        assert_eq!(
            slugify("Arguing in front of children"),
            "arguing-in-front-of-children"
        );
        assert_eq!(
            slugify("  Co-parenting: what's next?  "),
            "co-parenting-whats-next"
        );
        assert_eq!(slugify("Café Crèche"), "cafe-creche");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn slugify_transliterates_every_script() {
        assert_eq!(slugify("محمد علي"), "mhmd-ly");
        assert_eq!(slugify("فاطمة حسن"), "ftm-hsn");
        assert_eq!(slugify("李明"), "li-ming");
        assert_eq!(slugify("Siân Llewelyn-ap Rhys"), "sian-llewelyn-ap-rhys");
        assert_eq!(slugify("Zofia Wójcik"), "zofia-wojcik");
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("Ольга"), "olga");
        assert_eq!(slugify("ء"), "u621");
    }

    proptest::proptest! {
        #[test]
        fn slugs_of_text_with_letters_are_never_empty_and_always_slugs(
            before in "[ !?.,:;()\\-]{0,4}",
            letters in "[\\p{L}&&[a-zA-Zéøß\\p{Greek}\\p{Cyrillic}\\p{Arabic}\\p{Hebrew}\\x{4E00}-\\x{9FFF}\\p{Devanagari}\\p{Hangul}]]{1,12}",
            after in "[ !?.,:;()\\-]{0,4}",
        ) {
            let text = format!("{before}{letters}{after}");
            let slug = slugify(&text);
            proptest::prop_assert!(!slug.is_empty(), "{text:?} gave an empty slug");
            proptest::prop_assert!(Slug::parse(&slug).is_ok(), "{text:?} gave {slug:?}");
            proptest::prop_assert_eq!(slugify(&slug), slug.clone(), "slugify is stable on its own output");
            proptest::prop_assert_eq!(slugify(&text), slug, "slugify gives the same slug every time");
        }
    }

    #[test]
    fn slug_parse_accepts_only_slugs() {
        assert!(Slug::parse("parental-conflict").is_ok());
        assert!(Slug::parse("Parental Conflict").is_err());
        assert!(Slug::parse("a--b").is_err());
        assert!(Slug::parse("").is_err());
    }

    #[test]
    fn url_paths_map_to_index_files() {
        let path = UrlPath::root().join(&Slug::parse("self-help").unwrap());
        assert_eq!(path.as_str(), "/self-help/");
        assert_eq!(path.output_file(), "self-help/index.html");
        assert_eq!(UrlPath::root().output_file(), "index.html");
    }
}
