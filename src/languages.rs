//! A site's languages and which pages each publishes: what the language switcher, the
//! `hreflang` alternates and the sitemap read. A leaf module, like [`crate::site_url`]: the
//! pipeline works it out from the loaded pages before any language is built, the model keeps
//! it, and render and outputs ask it.
//!
//! The default language is served at the site's root, each other under `/<tag>/`
//! ([`crate::site_url::language_folder`]). Every page the build makes from the model (the
//! programme, the directory, topics, the library, search) is published in every language; a
//! Markdown page only in the languages it has a translation in (and the home page and the
//! sections above a translation, which fall back to the default language's text).

use std::collections::BTreeMap;

use crate::site_url::{SiteUrls, language_folder};

/// The site's languages and the Markdown pages each publishes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SiteLanguages {
    /// The languages' tags, the default first; empty on a site in one language.
    tags: Vec<String>,
    /// Each Markdown page's site path, with the languages (indexes into `tags`) it is published
    /// in. A site path not here is a page made from the model: every language has it.
    pages: BTreeMap<String, Vec<usize>>,
    /// The site's own addresses (without a language's folder).
    urls: SiteUrls,
}

/// One language's version of a page, as the switcher and the alternates show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate<'a> {
    /// Its tag: `cy`.
    pub tag: &'a str,
    /// The link to it, from the host's root (`/familyhub/cy/about/`); the language's home page
    /// when the page is not in that language.
    pub href: String,
    /// Its full address.
    pub absolute: String,
    /// Whether the page itself is in that language (false: `href` is that language's home).
    pub has_page: bool,
}

impl SiteLanguages {
    /// A site in the languages `tags` (the default first), where each Markdown page's site
    /// path is published in the languages listed for it.
    pub fn new(
        tags: Vec<String>,
        pages: BTreeMap<String, Vec<usize>>,
        urls: SiteUrls,
    ) -> SiteLanguages {
        SiteLanguages {
            tags,
            pages,
            urls: urls.site_root(),
        }
    }

    /// Whether the site is published in more than one language.
    pub fn is_multilingual(&self) -> bool {
        self.tags.len() > 1
    }

    /// The languages' tags, the default first (empty on a site in one language).
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// Whether language `index` publishes a page at `site_path`.
    pub fn has_page(&self, index: usize, site_path: &str) -> bool {
        self.pages
            .get(site_path)
            .is_none_or(|languages| languages.contains(&index))
    }

    /// The site path of a page in language `index`, from the site's root: `/cy/about/`.
    pub fn site_path_in(&self, index: usize, site_path: &str) -> String {
        match index {
            0 => site_path.to_owned(),
            _ => format!("{}{site_path}", language_folder(&self.tags[index])),
        }
    }

    /// The page at `site_path` in every language, in the order of `languages`.
    pub fn alternates(&self, site_path: &str) -> Vec<Alternate<'_>> {
        self.tags
            .iter()
            .enumerate()
            .map(|(index, tag)| {
                let has_page = self.has_page(index, site_path);
                let path = self.site_path_in(index, if has_page { site_path } else { "/" });
                Alternate {
                    tag,
                    href: self.urls.href(&path).into_owned(),
                    absolute: self.urls.absolute(&path),
                    has_page,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_has_its_translations_and_the_model_pages_are_in_every_language() {
        let urls = SiteUrls::parse("https://council.example.gov.uk/familyhub/").unwrap();
        let pages = BTreeMap::from([
            ("/".to_owned(), vec![0, 1]),
            ("/about/".to_owned(), vec![0, 1]),
            ("/only-english/".to_owned(), vec![0]),
        ]);
        let languages = SiteLanguages::new(vec!["en-GB".into(), "cy".into()], pages, urls);
        let about = languages.alternates("/about/");
        assert_eq!(about[1].href, "/familyhub/cy/about/");
        assert_eq!(
            about[1].absolute,
            "https://council.example.gov.uk/familyhub/cy/about/"
        );
        assert_eq!(about[0].href, "/familyhub/about/");
        let english = languages.alternates("/only-english/");
        assert_eq!(
            (english[1].href.as_str(), english[1].has_page),
            ("/familyhub/cy/", false)
        );
        assert!(languages.has_page(1, "/directory/"));
        assert!(!SiteLanguages::default().is_multilingual());
    }
}
