//! The addresses the build itself publishes, in one place: the sections no Markdown file has
//! to make (the programme, the directory, topics, the resource library, search) and the pages
//! under them, and the site's icon. Every stage asks here rather than writing `"/directory/"`
//! again.

use serde::Serialize;

/// A section the build publishes from the model, whatever `content/` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The practice weeks and their sessions: `/sessions/`.
    Programme,
    /// The directory of local support: `/directory/`.
    Directory,
    /// Pages by shared topic: `/topics/`.
    Topics,
    /// The library of follow-on materials: `/resources/`.
    Resources,
    /// The search page: `/search/`.
    Search,
}

impl Section {
    /// Every generated section, in the order the navigation lists them.
    pub const ALL: [Section; 5] = [
        Section::Programme,
        Section::Directory,
        Section::Topics,
        Section::Resources,
        Section::Search,
    ];

    /// The section's folder name, as page views and `safety.exit_sections` name sections.
    pub const fn name(self) -> &'static str {
        match self {
            Section::Programme => "sessions",
            Section::Directory => "directory",
            Section::Topics => "topics",
            Section::Resources => "resources",
            Section::Search => "search",
        }
    }

    /// The section's site path: `/directory/`.
    pub const fn url(self) -> &'static str {
        match self {
            Section::Programme => "/sessions/",
            Section::Directory => "/directory/",
            Section::Topics => "/topics/",
            Section::Resources => "/resources/",
            Section::Search => "/search/",
        }
    }
}

/// The directory's A to Z of services.
pub const DIRECTORY_A_TO_Z: &str = "/directory/a-z/";

/// The page of one shared topic: `/topics/<slug>/`.
pub fn topic_url(slug: impl std::fmt::Display) -> String {
    format!("{}{slug}/", Section::Topics.url())
}

/// A week's 'my sessions' page, `/sessions/<week>/mine/`, from the week's address: the reader's
/// chosen sessions, named in the page's fragment.
pub fn my_sessions_url(week_url: impl std::fmt::Display) -> String {
    format!("{week_url}mine/")
}

/// The data that page builds its calendar file from, beside it.
pub fn my_sessions_events_url(week_url: impl std::fmt::Display) -> String {
    format!("{}events.json", my_sessions_url(week_url))
}

/// Where the site's icon is and what it is, for `<link rel="icon">`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Favicon {
    /// Its site path (`/favicon.svg`).
    pub url: String,
    /// Its media type (`image/svg+xml`).
    pub mime: &'static str,
}

/// The site's icon among `assets`: a site's own PNG or ICO wins over the SVG every site has.
pub fn favicon(assets: &[crate::load::Asset]) -> Favicon {
    const CHOICES: [(&str, &str); 3] = [
        ("favicon.png", "image/png"),
        ("favicon.ico", "image/x-icon"),
        ("favicon.svg", "image/svg+xml"),
    ];
    let (path, mime) = CHOICES
        .iter()
        .find(|(path, _)| assets.iter().any(|a| a.output_path == *path))
        .unwrap_or(&CHOICES[2]);
    Favicon {
        url: format!("/{path}"),
        mime,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_section_lives_in_its_folder() {
        for section in Section::ALL {
            assert_eq!(section.url(), format!("/{}/", section.name()));
        }
        assert!(DIRECTORY_A_TO_Z.starts_with(Section::Directory.url()));
        assert_eq!(topic_url("money"), "/topics/money/");
        assert_eq!(my_sessions_url("/sessions/2027/"), "/sessions/2027/mine/");
        assert_eq!(
            my_sessions_events_url("/sessions/2027/"),
            "/sessions/2027/mine/events.json"
        );
    }
}
