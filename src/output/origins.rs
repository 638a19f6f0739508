//! Stage 4 check, family safety: nothing the site publishes may load anything from another
//! origin. A script, font, image, frame or form served by another site would tell that site
//! (and anyone watching the network) that a family visited a page about conflict or abuse, so
//! a page or style sheet that would do so fails the build.
//!
//! Takes rendered pages, the site's style sheets and the HTML files it publishes itself; gives
//! one located diagnostic per finding, placed in the Markdown page, the site's template, the
//! style sheet or the HTML file that holds the address.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::css_scan::{CssUrlKind, css_urls};
use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile, line_column};
use crate::fingerprint::Fingerprinter;
use crate::html_scan::{
    Attributes, StartTagReader, noscript_ends_read_alike, read_plain_start_tags, read_start_tags,
    urls_of,
};
use crate::load::Sources;
use crate::output::{Contents, Output};
use crate::render::RenderedPage;

mod spliced;

pub use spliced::{ends_in_data_state, found_clean, piece_is_clean};

/// What a page would fetch from another origin, or what of it the check cannot read as a
/// browser would (and so cannot say what it fetches).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Load<'a> {
    /// Which of the two it is.
    pub found: Found,
    /// For a load, what kind of thing is fetched, in words: "loads a script from", "loads an
    /// image from"; for what cannot be read, why, in a sentence.
    pub kind: &'static str,
    /// For a load, the address as a browser reads it (CSS escapes and character references
    /// decoded); for what cannot be read, the text that shows where it is, if any.
    pub url: Cow<'a, str>,
    /// Its byte offset in a style sheet; HTML loads are located by their address instead.
    pub offset: usize,
}

/// What the check found: a load, or something it cannot read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Something fetched from another origin.
    Load,
    /// Markup or a style sheet the check cannot read as every browser would.
    Unreadable,
}

impl Load<'_> {
    fn into_owned(self) -> Load<'static> {
        Load {
            url: Cow::Owned(self.url.into_owned()),
            ..self
        }
    }
}

const HINT: &str = "pages must load nothing from other sites, or a family's visit is seen there: \
                    put the file in static/ and use a path such as /images/photo.png, or make it a plain link";
const PUBLISHED_HTML_HINT: &str = "this file is published as written, so a browser fetches whatever \
                    it loads and the other site sees a family's visit: put what it loads in static/ and use \
                    a path such as /images/photo.png, make it a plain link, or make the file a Markdown page";

/// Every load from another origin in the site's pages and style sheets; pages in `clean`
/// (which `serve` keeps between rebuilds) are not scanned again, and clean ones are added.
pub fn check_origins(
    sources: &Sources,
    pages: &[RenderedPage],
    not_found: &str,
    clean: Option<&CleanPages>,
) -> Diagnostics {
    let mut problems = Diagnostics::default();
    for diagnostic in check_page_origins(sources, pages, clean) {
        problems.push(diagnostic);
    }
    for diagnostic in not_found_origins(sources, not_found) {
        problems.push(diagnostic);
    }
    for diagnostic in stylesheet_origins(sources) {
        problems.push(diagnostic);
    }
    for diagnostic in published_html_origins(sources) {
        problems.push(diagnostic);
    }
    problems
}

/// The loads from other origins in the HTML files published as written (`static/`,
/// `content/`): such a page has none of the pages' protections (no Content-Security-Policy),
/// so whatever it loads, a browser fetches.
fn published_html_origins(sources: &Sources) -> Vec<Diagnostic> {
    let own = own_origin(&sources.config.base_url);
    let mut problems = Vec::new();
    for file in &sources.published_html {
        for load in foreign_loads_in_html(&file.text, &own) {
            let (line, column) = find_load(file, &load).unwrap_or((1, 1));
            problems.push(
                Diagnostic::at(&file.path, line, column, message(&load))
                    .code(Code::OtherOrigin)
                    .hint(PUBLISHED_HTML_HINT),
            );
        }
    }
    problems
}

/// The 404 page's loads from other origins.
pub fn not_found_origins(sources: &Sources, not_found: &str) -> Vec<Diagnostic> {
    let own = own_origin(&sources.config.base_url);
    foreign_loads_in_html(not_found, &own)
        .iter()
        .map(|load| locate_html_load(sources, None, load))
        .collect()
}

/// The loads from other origins in the site's published style sheets.
pub fn stylesheet_origins(sources: &Sources) -> Vec<Diagnostic> {
    let own = own_origin(&sources.config.base_url);
    let mut problems = Vec::new();
    for sheet in &sources.stylesheets {
        for load in foreign_loads_in_css(&sheet.text, &own) {
            let (line, column) = line_column(&sheet.text, load.offset);
            problems.push(
                Diagnostic::at(&sheet.path, line, column, message(&load))
                    .code(Code::OtherOrigin)
                    .hint(HINT),
            );
        }
    }
    problems
}

/// The pages' loads from other origins, in the pages' order; pages in `clean` are skipped and
/// pages found clean are added to it.
pub fn check_page_origins(
    sources: &Sources,
    pages: &[RenderedPage],
    clean: Option<&CleanPages>,
) -> Vec<Diagnostic> {
    check_pages(sources, pages, clean, None)
}

/// [`check_page_origins`] for pages rendered again by `serve`: a page whose last version in
/// `kept` was found clean, and that differs from it only in a run of text
/// ([`clean_as_before`]), is clean without being read whole.
pub fn check_page_origins_since(
    sources: &Sources,
    pages: &[RenderedPage],
    clean: &CleanPages,
    kept: &Output,
) -> Vec<Diagnostic> {
    check_pages(sources, pages, Some(clean), Some(kept))
}

fn check_pages(
    sources: &Sources,
    pages: &[RenderedPage],
    clean: Option<&CleanPages>,
    kept: Option<&Output>,
) -> Vec<Diagnostic> {
    let own = own_origin(&sources.config.base_url);
    let known_clean =
        |clean: &CleanPages, key: u128| clean.0.lock().is_ok_and(|known| known.contains(&key));
    // Pages are scanned across cores; findings keep the pages' order, so output is the same.
    let per_page: Vec<Vec<Diagnostic>> = pages
        .par_iter()
        .map(|page| {
            // A page written as it rendered was checked then (see [`page_origins`]).
            let Some(html) = page.html.text() else {
                return Vec::new();
            };
            let key = clean.map(|_| clean_key(&own, html));
            if let (Some(clean), Some(key)) = (clean, key)
                && known_clean(clean, key)
            {
                return Vec::new();
            }
            let before = kept.and_then(|kept| match &kept.get(&page.url.output_file())?.contents {
                Contents::Bytes(bytes) => std::str::from_utf8(bytes).ok(),
                Contents::Asset(_) | Contents::Written(_) => None,
            });
            if let (Some(clean), Some(key), Some(before)) = (clean, key, before)
                && known_clean(clean, clean_key(&own, before))
                && clean_as_before(before, html)
            {
                clean.0.lock().map(|mut known| known.insert(key)).ok();
                return Vec::new();
            }
            let found: Vec<Diagnostic> = foreign_loads_in_html(html, &own)
                .iter()
                .map(|load| locate_html_load(sources, Some(page), load))
                .collect();
            if let (Some(clean), Some(key), true) = (clean, key, found.is_empty()) {
                clean.0.lock().map(|mut known| known.insert(key)).ok();
            }
            found
        })
        .collect();
    per_page.into_iter().flatten().collect()
}

/// One page's loads from other origins, as [`check_page_origins`] finds them: for a page
/// checked on its own as soon as it is rendered, before it is written.
pub fn page_origins(sources: &Sources, page: &RenderedPage, html: &str) -> Vec<Diagnostic> {
    let own = own_origin(&sources.config.base_url);
    foreign_loads_in_html(html, &own)
        .iter()
        .map(|load| locate_html_load(sources, Some(page), load))
        .collect()
}

/// Whether `new` loads what `old` loads, known without reading all of it: the two differ in
/// one run of text that holds no `<` (nor does what each had there), at a point where the
/// tokeniser reads text (its data state, not a tag, comment, style sheet, script or title).
/// Then both have the same start tags and the same style sheets: the text read from there on is
/// characters only, and the tokeniser is back in its data state where the two agree again. The
/// common start is read once with a probe tag after it, which the tokeniser reads as a start
/// tag only in its data state (after a lone `<`, too: that is refused first).
fn clean_as_before(old: &str, new: &str) -> bool {
    let mut prefix = common_prefix(old.as_bytes(), new.as_bytes());
    while !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
    let mut suffix = common_suffix(old_rest.as_bytes(), new_rest.as_bytes());
    while !old_rest.is_char_boundary(old_rest.len() - suffix)
        || !new_rest.is_char_boundary(new_rest.len() - suffix)
    {
        suffix -= 1;
    }
    let start = &new[..prefix];
    let changed = |rest: &str| rest[..rest.len() - suffix].contains('<');
    !changed(old_rest) && !changed(new_rest) && ends_in_data_state(start)
}

/// How many bytes `a` and `b` share from their starts: compared a block at a time (a page
/// rendered again is mostly its last version's), then byte by byte.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let len = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= len && a[at..at + BLOCK] == b[at..at + BLOCK] {
        at += BLOCK;
    }
    at + a[at..len]
        .iter()
        .zip(&b[at..len])
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many bytes `a` and `b` share at their ends, as [`common_prefix`] counts.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let len = a.len().min(b.len());
    let (a_end, b_end) = (a.len(), b.len());
    let mut at = 0;
    while at + BLOCK <= len
        && a[a_end - at - BLOCK..a_end - at] == b[b_end - at - BLOCK..b_end - at]
    {
        at += BLOCK;
    }
    at + a[..a_end - at]
        .iter()
        .rev()
        .zip(b[..b_end - at].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Pages found to load nothing from elsewhere, by [`clean_key`], kept by `serve` between
/// rebuilds: they re-render few pages, and scanning every page again took a third of a
/// rebuild on a large site. Pages with findings are always scanned again. A one-off build
/// keeps none: it would fingerprint every page for nothing.
#[derive(Debug, Default)]
pub struct CleanPages(Mutex<FxHashSet<u128>>);

/// The fingerprint of a page and the site's own origin (see [`crate::fingerprint`]: hashing
/// is several times cheaper than scanning).
fn clean_key(own: &str, html: &str) -> u128 {
    Fingerprinter::new()
        .add(own.as_bytes())
        .add(html.as_bytes())
        .finish()
}

fn message(load: &Load) -> String {
    match load.found {
        Found::Load => format!("{} {}, another site", load.kind, load.url),
        Found::Unreadable => load.kind.to_owned(),
    }
}

/// The page's Markdown if the address is written there, else a site template that holds it,
/// else the published page itself.
fn locate_html_load(sources: &Sources, page: Option<&RenderedPage>, load: &Load) -> Diagnostic {
    let own = page
        .map(|p| source_files(sources, &p.source))
        .unwrap_or_default();
    let own_templates = sources
        .templates
        .iter()
        .map(|t| Cow::Borrowed(&t.file))
        .filter(|f| !f.path.starts_with("<built-in hub theme>"));
    for file in own.into_iter().chain(own_templates) {
        if let Some((line, column)) = find_load(&file, load) {
            return Diagnostic::at(&file.path, line, column, message(load))
                .code(Code::OtherOrigin)
                .hint(HINT);
        }
    }
    let published = page.map_or_else(|| "404.html".to_owned(), |p| p.url.output_file());
    let shown = page.map_or_else(|| Path::new("404.html").to_path_buf(), |p| p.source.clone());
    Diagnostic::file(shown, format!("{} (in public/{published})", message(load)))
        .code(Code::OtherOrigin)
        .hint(HINT)
}

/// The files a page is made from: its Markdown (read again if its body was left on disk), or
/// a week's, session's or service's TOML file and the Markdown beside it with the same name
/// (`teenagers.toml`, `teenagers.md`).
fn source_files<'a>(sources: &'a Sources, source: &Path) -> Vec<Cow<'a, SourceFile>> {
    let stem = source.with_extension("");
    let pages = sources
        .pages
        .iter()
        .filter(|raw| raw.file.path == source)
        .map(|raw| raw.source().unwrap_or(Cow::Borrowed(&raw.file)));
    let sessions = sources.weeks.iter().flat_map(|week| {
        let sessions = week
            .sessions
            .iter()
            .flat_map(|s| std::iter::once(&s.file).chain(&s.description_file));
        std::iter::once(&week.file).chain(sessions)
    });
    let data = sessions
        .chain(&sources.data_files)
        .filter(|f| f.path.with_extension("") == stem);
    pages.chain(data.map(Cow::Borrowed)).collect()
}

/// Where `file` writes the address `load` fetches: as it is, with `&amp;` read or written, or
/// (written with character references, `https&#58;//x`) from its `//` on.
fn find_load(file: &SourceFile, load: &Load) -> Option<(usize, usize)> {
    let decoded = load.url.replace("&amp;", "&");
    let escaped = load.url.replace('&', "&amp;");
    let rest = load.url.find("//").map(|i| &load.url[i..]);
    find_in(file, &load.url)
        .or_else(|| find_in(file, &decoded))
        .or_else(|| find_in(file, &escaped))
        .or_else(|| rest.and_then(|rest| find_in(file, rest)))
}

/// The line and column of the first place `needle` occurs in `file`.
fn find_in(file: &SourceFile, needle: &str) -> Option<(usize, usize)> {
    file.text
        .find(needle)
        .map(|offset| line_column(&file.text, offset))
}

/// `https://hub.example.org` from a base URL, lower-cased, without path or trailing slash.
fn own_origin(base_url: &str) -> String {
    let lower = base_url.trim().to_ascii_lowercase();
    match lower.find("://") {
        Some(i) => {
            let after = &lower[i + 3..];
            let host_end = after.find(['/', '?', '#']).unwrap_or(after.len());
            format!("{}{}", &lower[..i + 3], &after[..host_end])
        }
        None => lower,
    }
}

/// True when fetching `url` from a page of this site would contact another origin.
pub fn is_foreign(url: &str, own: &str) -> bool {
    // As a browser's URL parser reads it: spaces and control characters at either end dropped,
    // tabs and line breaks anywhere removed (`/&#9;/x` is `//x`, `h&#10;ttps://x` is
    // `https://x`), backslashes read as slashes.
    let url: String = url
        .trim_matches(|c: char| c.is_whitespace() || c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| match c {
            '\\' => '/',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    if url.starts_with("//") {
        return true;
    }
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    if !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return false;
    }
    if url[colon + 1..].starts_with("//") {
        return own_origin(&url) != own;
    }
    // `http:evil.example/x` without slashes: a browser reads a special scheme other than the
    // page's own as `http://evil.example/x`; the page's own (`https:x`) as a relative address.
    let own_scheme = own.split(':').next().unwrap_or_default();
    matches!(scheme, "http" | "https" | "ws" | "wss" | "ftp") && scheme != own_scheme
}

/// When an element's [`fetching_attributes`] fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fetches {
    Always,
    /// `<input>` whose `type` is `image`.
    IfImageInput,
    /// `<input>` that sends its form: `type` `submit` or `image`.
    IfSubmitInput,
    /// `<link>` whose `rel` fetches ([`link_fetches`]).
    IfFetchingLink,
    /// `<meta>` whose `http-equiv` is `refresh`: its `content` sends the reader on, unasked.
    IfRefresh,
}

impl Fetches {
    /// Whether an element's attributes fetch, given its other attributes' values by name.
    fn holds<'a>(self, value_of: impl Fn(&str) -> Option<&'a str>) -> bool {
        match self {
            Fetches::Always => true,
            // Matched as browsers match an enumerated attribute: any case, no spaces around.
            Fetches::IfImageInput => {
                value_of("type").is_some_and(|t| t.eq_ignore_ascii_case("image"))
            }
            Fetches::IfSubmitInput => value_of("type").is_some_and(|t| {
                t.eq_ignore_ascii_case("submit") || t.eq_ignore_ascii_case("image")
            }),
            Fetches::IfFetchingLink => value_of("rel").is_some_and(link_fetches),
            Fetches::IfRefresh => {
                value_of("http-equiv").is_some_and(|t| t.trim().eq_ignore_ascii_case("refresh"))
            }
        }
    }
}

/// An attribute that makes a browser fetch something: its name, what it does, and when.
type Fetching = (&'static str, &'static str, Fetches);

/// The attributes that make a browser fetch something, by element; `None` for an element none
/// of whose attributes fetch (a `style` attribute aside, which every element may have).
fn fetching_attributes(tag: &str) -> Option<&'static [Fetching]> {
    use Fetches::{Always, IfFetchingLink, IfImageInput, IfRefresh, IfSubmitInput};
    const IMAGE: &str = "loads an image from";
    const MEDIA: &str = "loads a video or sound from";
    const SCRIPT: &str = "loads a script from";
    const DRAWING: &str = "loads a drawing from";
    const OBJECT: &str = "loads an embedded object from";
    const FORM: &str = "sends a form's answers to";
    let attributes: &'static [Fetching] = match tag {
        "script" => &[
            ("src", SCRIPT, Always),
            ("href", SCRIPT, Always),
            ("xlink:href", SCRIPT, Always),
        ],
        "img" => &[("src", IMAGE, Always), ("srcset", IMAGE, Always)],
        "source" => &[("src", MEDIA, Always), ("srcset", IMAGE, Always)],
        "video" | "audio" | "track" => &[("src", MEDIA, Always), ("poster", IMAGE, Always)],
        "iframe" | "frame" => &[("src", "loads a frame from", Always)],
        "embed" => &[("src", OBJECT, Always)],
        "object" => &[("data", OBJECT, Always)],
        "input" => &[
            ("src", IMAGE, IfImageInput),
            ("formaction", FORM, IfSubmitInput),
        ],
        "link" => &[
            (
                "href",
                "loads a style sheet, font or icon from",
                IfFetchingLink,
            ),
            ("imagesrcset", IMAGE, IfFetchingLink),
        ],
        "meta" => &[("content", "sends the reader on to", IfRefresh)],
        "form" => &[("action", FORM, Always)],
        "button" => &[("formaction", FORM, Always)],
        // `ping`: a followed link is reported to these addresses.
        "a" | "area" => &[("ping", "reports the link's use to", Always)],
        "body" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" => {
            &[("background", IMAGE, Always)]
        }
        // SVG's image (HTML also reads `<image src>` as `<img>`), pattern and filter images.
        "image" | "feimage" => &[
            ("src", IMAGE, Always),
            ("href", IMAGE, Always),
            ("xlink:href", IMAGE, Always),
        ],
        "use" => &[("href", DRAWING, Always), ("xlink:href", DRAWING, Always)],
        // Every relative address of the page would then be read against the other site.
        "base" => &[(
            "href",
            "reads every relative address of the page against",
            Always,
        )],
        _ => return None,
    };
    Some(attributes)
}

/// `<link rel>` values that make the browser fetch the target.
fn link_fetches(rel: &str) -> bool {
    rel.split_ascii_whitespace().any(|r| {
        matches!(
            r.to_ascii_lowercase().as_str(),
            "stylesheet"
                | "preload"
                | "modulepreload"
                | "prefetch"
                | "prerender"
                | "icon"
                | "apple-touch-icon"
                | "manifest"
                | "preconnect"
                | "dns-prefetch"
        )
    })
}

/// Every load from another origin in an HTML text, in order, as a browser would read the
/// page (see [`read_start_tags`]). Only the attributes that may fetch, and `style`, are read.
/// A plain page (the build's own) found clean by the quick reading is clean; any other, and any
/// with a finding, is read by html5gum ([`foreign_loads_read_whole`]), so every finding and how
/// it is reported are that reading's.
pub fn foreign_loads_in_html(html: &str, own: &str) -> Vec<Load<'static>> {
    if plainly_clean(html, own) {
        Vec::new()
    } else {
        foreign_loads_read_whole(html, own)
    }
}

/// [`foreign_loads_in_html`] read by html5gum alone, without the quick reading of plain pages:
/// what that reading is held to (`tests/origin_reader.rs`).
pub fn foreign_loads_read_whole(html: &str, own: &str) -> Vec<Load<'static>> {
    let mut finder = LoadFinder::new(own, Some(html));
    // Each `<iframe srcdoc>` is a page of its own, read as one: in turn rather than within
    // its parent, so that frames nested in frames cannot run the stack out.
    while let Some(page) = finder.frames.pop() {
        finder.noscript_ends = 0;
        read_start_tags(&page, &mut finder);
        if !noscript_ends_read_alike(&page, finder.noscript_ends) {
            finder.loads.push(Load {
                found: Found::Unreadable,
                kind: NOSCRIPT_UNREAD,
                url: Cow::Borrowed("</noscript"),
                offset: 0,
            });
        }
    }
    finder.loads
}

/// Whether `html` is plain (as [`read_plain_start_tags`] reads it, which gives the same
/// [`LoadFinder`] exactly the tags html5gum's reading would) and loads nothing from another
/// origin: no load, no frame to read and every `</noscript` read alike.
fn plainly_clean(html: &str, own: &str) -> bool {
    let mut finder = LoadFinder::new(own, None);
    read_plain_start_tags(html, &mut finder).is_ok()
        && finder.loads.is_empty()
        && finder.frames.is_empty()
        && noscript_ends_read_alike(html, finder.noscript_ends)
}

/// What is said of a page whose `<noscript>` a browser reads otherwise with JavaScript on.
const NOSCRIPT_UNREAD: &str = "a `</noscript` here is inside an attribute, comment, style \
    sheet or drawing, where a browser with JavaScript on may end the `<noscript>` instead, so \
    what the page would load, from this site or another, is not known: write the `<noscript>` \
    with plain content";

/// Finds the loads from another origin in the start tags it is given.
struct LoadFinder<'a> {
    /// The `</noscript>` end tags read in the page being read.
    noscript_ends: usize,
    own: &'a str,
    loads: Vec<Load<'static>>,
    /// The pages not yet read: the page, then the `srcdoc` pages of the frames met.
    frames: Vec<Cow<'a, str>>,
}

impl<'a> LoadFinder<'a> {
    /// A finder of loads from origins other than `own`, with `page` to read first.
    fn new(own: &'a str, page: Option<&'a str>) -> LoadFinder<'a> {
        LoadFinder {
            own,
            loads: Vec::new(),
            frames: page.map(Cow::Borrowed).into_iter().collect(),
            noscript_ends: 0,
        }
    }

    fn css(&mut self, css: &str) {
        self.loads.extend(
            foreign_loads_in_css(css, self.own)
                .into_iter()
                .map(Load::into_owned),
        );
    }
}

impl StartTagReader for LoadFinder<'_> {
    fn wants_element(&self, name: &str) -> bool {
        fetching_attributes(name).is_some()
    }

    fn wants_attribute(&self, name: &str) -> bool {
        name == "style"
    }

    fn start_tag(&mut self, name: &str, attributes: Attributes<'_>) {
        if let Some(fetching) = fetching_attributes(name) {
            let value_of = |name: &str| attributes.get(name);
            for (attribute, kind, _) in fetching.iter().filter(|(_, _, when)| when.holds(value_of))
            {
                for (_, value) in attributes.iter().filter(|(n, _)| n == attribute) {
                    for (url, _) in urls_of(attribute, value) {
                        if is_foreign(url, self.own) {
                            self.loads.push(Load {
                                found: Found::Load,
                                kind,
                                url: Cow::Owned(url.to_owned()),
                                offset: 0,
                            });
                        }
                    }
                }
            }
        }
        for (_, style) in attributes.iter().filter(|(n, _)| *n == "style") {
            self.css(style);
        }
        // A style sheet written into its address: read as one.
        if name == "link" && Fetches::IfFetchingLink.holds(|n| attributes.get(n)) {
            let sheets = attributes.iter().filter(|(n, _)| *n == "href");
            for sheet in sheets.filter_map(|(_, url)| data_style_sheet(url)) {
                self.css(&sheet);
            }
        }
        if name == "iframe" {
            let frames = attributes.iter().filter(|(n, _)| *n == "srcdoc");
            self.frames
                .extend(frames.map(|(_, page)| Cow::Owned(page.to_owned())));
        }
        // A frame or object whose address is a `data:` document: that document is read too.
        let framing = match name {
            "iframe" | "frame" | "embed" => "src",
            "object" => "data",
            _ => return,
        };
        let Some(url) = attributes.get(framing) else {
            return;
        };
        match data_document(url) {
            DataDocument::Inert => {}
            DataDocument::Page(page) => self.frames.push(Cow::Owned(page)),
            DataDocument::Unread => self.loads.push(Load {
                found: Found::Unreadable,
                kind: DATA_UNREAD,
                url: Cow::Owned(url.to_owned()),
                offset: 0,
            }),
        }
    }

    fn style_sheet(&mut self, css: &str) {
        self.css(css);
    }

    fn end_tag(&mut self, name: &str) {
        self.noscript_ends += usize::from(name == "noscript");
    }
}

/// What a `data:` address in a frame or object holds, for the check.
#[derive(Debug, PartialEq, Eq)]
enum DataDocument {
    /// Not a `data:` address, or one a browser shows without loading anything: an image
    /// other than SVG, sound, video, plain text, a PDF, a font.
    Inert,
    /// An HTML page, decoded as a browser decodes it (a byte order mark, else the `charset`
    /// parameter, else UTF-8).
    Page(String),
    /// Anything else (XML, SVG, a type a browser may sniff as a page): the check reads HTML
    /// only, so what it would load is not known.
    Unread,
}

fn data_document(url: &str) -> DataDocument {
    let Ok(data) = data_url::DataUrl::process(url.trim()) else {
        return DataDocument::Inert;
    };
    let mime = data.mime_type();
    let (kind, subtype) = (mime.type_.as_str(), mime.subtype.as_str());
    let inert = matches!(kind, "audio" | "video" | "font")
        || (kind == "image" && subtype != "svg+xml")
        || matches!((kind, subtype), ("text", "plain") | ("application", "pdf"));
    if inert {
        return DataDocument::Inert;
    }
    if (kind, subtype) != ("text", "html") {
        return DataDocument::Unread;
    }
    data_text(&data).map_or(DataDocument::Unread, DataDocument::Page)
}

/// A `data:` address's content as text, decoded as a browser decodes it: by its byte order
/// mark, else its `charset` parameter, else as UTF-8.
fn data_text(data: &data_url::DataUrl) -> Option<String> {
    let (bytes, _) = data.decode_to_vec().ok()?;
    let encoding = encoding_rs::Encoding::for_bom(&bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| {
            let label = data.mime_type().get_parameter("charset")?;
            encoding_rs::Encoding::for_label(label.as_bytes())
        })
        .unwrap_or(encoding_rs::UTF_8);
    Some(encoding.decode(&bytes).0.into_owned())
}

/// What is said of a `data:` document in a frame or object that is not an HTML page.
const DATA_UNREAD: &str = "a frame or object here shows a `data:` document that is not an \
    HTML page (XML, SVG or a type a browser may read as a page), which the check does not read, \
    so what it would load, from this site or another, is not known: publish it as a file, or \
    use an image";

/// Every load from another origin in a style sheet: `url(...)` and `@import "..."`, and in
/// the `data:` style sheets it imports. Blocks nested too deeply to be read count as one:
/// legitimate style sheets do not nest so.
pub fn foreign_loads_in_css<'a>(css: &'a str, own: &str) -> Vec<Load<'a>> {
    let mut loads = Vec::new();
    let mut imported = Vec::new();
    css_loads(css, own, &mut loads, &mut imported);
    // In turn rather than within each other, so that imports in imports cannot run the stack out.
    while let Some(sheet) = imported.pop() {
        let mut found = Vec::new();
        css_loads(&sheet, own, &mut found, &mut imported);
        loads.extend(
            found
                .into_iter()
                .map(|load| -> Load<'a> { load.into_owned() }),
        );
    }
    loads
}

/// The loads of one style sheet, and the `data:` style sheets it imports.
fn css_loads<'a>(css: &'a str, own: &str, loads: &mut Vec<Load<'a>>, imported: &mut Vec<String>) {
    for found in css_urls(css) {
        let (kind, what) = match found.kind {
            CssUrlKind::Url => ("loads a font or image from", Found::Load),
            CssUrlKind::Import => ("loads a style sheet from", Found::Load),
            CssUrlKind::Unread => (UNREAD_CSS, Found::Unreadable),
            CssUrlKind::Substituted => (SUBSTITUTED_CSS, Found::Unreadable),
        };
        if found.kind == CssUrlKind::Import {
            imported.extend(data_style_sheet(&found.url));
        }
        if what == Found::Load && !is_foreign(&found.url, own) {
            continue;
        }
        loads.push(Load {
            found: what,
            kind,
            url: found.url,
            offset: found.offset,
        });
    }
}

/// The style sheet a `data:` address holds (`data:text/css,...`), if it is one.
fn data_style_sheet(url: &str) -> Option<String> {
    let data = data_url::DataUrl::process(url.trim()).ok()?;
    let mime = data.mime_type();
    if (mime.type_.as_str(), mime.subtype.as_str()) != ("text", "css") {
        return None;
    }
    data_text(&data)
}

/// What is said of an address made of `var()`, `env()` or `attr()`.
const SUBSTITUTED_CSS: &str = "a style sheet here builds an address from `var()`, `env()` or \
    `attr()` in `image-set()` or `src()`, which the check does not follow, so what it would \
    load, from this site or another, is not known: write the address itself";

/// What is said of a style sheet nested deeper than [`crate::css_scan::CSS_NESTING_READ`].
const UNREAD_CSS: &str = "a style sheet here nests blocks more than 75 deep, deeper than the \
    check reads, so what it would load, from this site or another, is not known";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html_scan::start_tags;

    const OWN: &str = "https://hub.example.org";

    #[test]
    fn common_starts_and_ends_are_counted_across_blocks() {
        let long = "a".repeat(700);
        for (a, b) in [
            (format!("{long}x{long}"), format!("{long}yy{long}")),
            (format!("{long}x"), long.clone()),
            (String::new(), long.clone()),
            (format!("b{long}"), format!("c{long}")),
        ] {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let slow_prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            let slow_suffix = a
                .iter()
                .rev()
                .zip(b.iter().rev())
                .take_while(|(x, y)| x == y)
                .count();
            assert_eq!(common_prefix(a, b), slow_prefix);
            assert_eq!(common_suffix(a, b), slow_suffix);
        }
    }

    #[test]
    fn a_page_that_differs_in_a_run_of_text_loads_what_it_did() {
        let page = |crumb: &str| {
            format!(
                "<html><head><link rel=\"stylesheet\" href=\"/a.css\"></head><body>\
                 <nav><a href=\"/part/\">{crumb}</a></nav><img src=\"/x.png\"></body></html>"
            )
        };
        assert!(clean_as_before(&page("Part 0"), &page("Edit 1 of Part 0")));
        assert!(clean_as_before(&page("Part 0"), &page("Part 0 &amp; more")));
        // Markup in the change, or a change inside a tag, a comment, a style sheet or a title.
        assert!(!clean_as_before(
            &page("Part 0"),
            &page("<img src=//evil.example/x>")
        ));
        let pairs = [
            (
                "<img src=\"https://hub.example.org/a\">",
                "<img src=\"https://hubx.example.org/a\">",
            ),
            (
                "<ink href=\"https://evil.example/a\">",
                "<link href=\"https://evil.example/a\">",
            ),
            ("<!-- a --><p>b</p>", "<!-- a <img src=//x> --><p>b</p>"),
            (
                "<style>p { color: red }</style>",
                "<style>p { background: url(//evil.example/x) }</style>",
            ),
            ("<title>a</title>", "<title>a b</title>"),
            ("<p><", "<p><img src=//evil.example/x>"),
            ("<p><b", "<p><bimg"),
        ];
        for (old, new) in pairs {
            assert!(!clean_as_before(old, new), "{old} -> {new}");
        }
        // The same page, or text changed after the last tag.
        assert!(clean_as_before(&page("a"), &page("a")));
        assert!(clean_as_before("<p>a</p>tail", "<p>a</p>tails"));
    }

    fn urls(loads: Vec<Load<'_>>) -> Vec<(&'static str, String)> {
        loads
            .into_iter()
            .map(|l| (l.kind, l.url.into_owned()))
            .collect()
    }

    fn pairs(expected: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        expected.iter().map(|(k, u)| (*k, u.to_string())).collect()
    }

    #[test]
    fn foreign_means_another_origin() {
        assert!(is_foreign("https://cdn.example.com/x.js", OWN));
        assert!(is_foreign("//cdn.example.com/x.js", OWN));
        assert!(is_foreign("HTTP://HUB.EXAMPLE.ORG:8080/x", OWN));
        assert!(is_foreign("\\\\evil.example/x", OWN));
        // A browser drops tabs and line breaks inside an address, and control characters at
        // its ends.
        assert!(is_foreign("/\t/evil.example/x", OWN));
        assert!(is_foreign("h\nttps://evil.example/x", OWN));
        assert!(is_foreign("\u{1}//evil.example/x", OWN));
        assert!(is_foreign(" https://evil.example/x\u{0}", OWN));
        assert!(!is_foreign("/\tpath/x.png", OWN));
        assert!(!is_foreign("https://hub.example.org\n/a.png", OWN));
        assert!(!is_foreign("https://hub.example.org/css/site.css", OWN));
        assert!(!is_foreign("/css/site.css", OWN));
        assert!(!is_foreign("images/a.png", OWN));
        assert!(!is_foreign("data:image/png;base64,AAAA", OWN));
        assert!(!is_foreign("mailto:a@b.c", OWN));
        // A special scheme without slashes: another scheme's is another site
        // (`http:evil.example` is `http://evil.example`), the page's own a relative address.
        assert!(is_foreign("http:evil.example/x.png", OWN));
        assert!(is_foreign("wss:evil.example/socket", OWN));
        assert!(!is_foreign("https:a.png", OWN));
        assert!(!is_foreign("javascript:void(0)", OWN));
    }

    #[test]
    fn finds_pings_form_buttons_row_backgrounds_and_image_preloads() {
        let html = r#"<a href="/a/" ping="/count https://track.example/p">a</a>
<button formaction="https://forms.example/send">Send</button>
<table><tr background="https://img.example/r.png"><td>x</td></tr></table>
<link rel="preload" as="image" imagesrcset="/a.png 1x, https://img.example/b.png 2x">"#;
        assert_eq!(
            urls(foreign_loads_in_html(html, OWN)),
            pairs(&[
                ("reports the link's use to", "https://track.example/p"),
                ("sends a form's answers to", "https://forms.example/send"),
                ("loads an image from", "https://img.example/r.png"),
                ("loads an image from", "https://img.example/b.png"),
            ])
        );
    }

    #[test]
    fn an_input_that_sends_its_form_elsewhere_is_found_and_only_that_one() {
        let html = r#"<form action="/send/">
<input type="submit" formaction="https://forms.example/a">
<input type="IMAGE" src="/go.png" formaction="https://forms.example/b">
<input type=" image " formaction="https://forms.example/a-text-box">
<input type="text" formaction="https://forms.example/never" src="https://img.example/never.png">
<input type="submit" src="https://img.example/not-an-image-input.png"></form>"#;
        assert_eq!(
            urls(foreign_loads_in_html(html, OWN)),
            pairs(&[
                ("sends a form's answers to", "https://forms.example/a"),
                ("sends a form's answers to", "https://forms.example/b"),
            ])
        );
    }

    #[test]
    fn a_frame_written_into_the_page_is_read_as_a_page() {
        let html = r#"<iframe title="map" srcdoc="<p>Where we are</p><img src=&quot;https://maps.example/tile.png&quot;>
<iframe srcdoc='<script src=&amp;quot;//deep.example/x.js&amp;quot;></script>'></iframe>"></iframe>
<p srcdoc="<img src=https://not-a-frame.example/>">"#;
        assert_eq!(
            urls(foreign_loads_in_html(html, OWN)),
            pairs(&[
                ("loads an image from", "https://maps.example/tile.png"),
                ("loads a script from", "//deep.example/x.js"),
            ])
        );
        // Frames within frames, each escaped once more, are read down to the last.
        let mut deep = String::from("<img src=//bottom.example/>");
        for _ in 0..40 {
            let escaped = deep.replace('&', "&amp;").replace('"', "&quot;");
            deep = format!("<iframe srcdoc=\"{escaped}\"></iframe>");
        }
        assert_eq!(
            urls(foreign_loads_in_html(&deep, OWN)),
            pairs(&[("loads an image from", "//bottom.example/")])
        );
    }

    #[test]
    fn style_sheets_are_read_as_browsers_read_them() {
        let css = r#"a { background: url(\2f\2f esc.example/a.png) }
b { background: image-set("//set.example/b.png" 1x, url(//set2.example/c.png) 2x) }
@namespace svg url(http://www.w3.org/2000/svg);
c::after { content: "url(//not-an-address.example/)" }
@import "//imp.example/d.css" supports(display: grid);
d { mask: src("https://src.example/m.svg") }"#;
        assert_eq!(
            urls(foreign_loads_in_css(css, OWN)),
            pairs(&[
                ("loads a font or image from", "//esc.example/a.png"),
                ("loads a font or image from", "//set.example/b.png"),
                ("loads a font or image from", "//set2.example/c.png"),
                ("loads a style sheet from", "//imp.example/d.css"),
                ("loads a font or image from", "https://src.example/m.svg"),
            ])
        );
        // Nested deeper than is read: one finding, located where the unread block starts.
        let depth = usize::from(crate::css_scan::CSS_NESTING_READ) + 5;
        let deep = format!("p {{ {}x: url(//deep.example/) }}", "a { ".repeat(depth));
        let loads = foreign_loads_in_css(&deep, OWN);
        assert_eq!(loads[0].kind, UNREAD_CSS, "{loads:?}");
        assert_eq!(loads.iter().filter(|l| l.kind == UNREAD_CSS).count(), 1);
        assert!(deep[loads[0].offset..].starts_with("{ a {"));
        assert!(UNREAD_CSS.contains(&crate::css_scan::CSS_NESTING_READ.to_string()));
        assert_eq!(message(&loads[0]), UNREAD_CSS);
    }

    #[test]
    fn a_data_document_in_a_frame_or_object_is_read_as_a_page() {
        let html = r#"<iframe src="data:text/html,%3Cimg%20src%3D%22https://a.example/p.png%22%3E"></iframe>
<embed src=" DATA:text/html;charset=utf-8,<script src=//c.example/s.js></script>">
<iframe src="data:text/html;base64,//48AGkAbQBnACAAcwByAGMAPQAvAC8AdQAuAGUAeABhAG0AcABsAGUALwA+AA=="></iframe>
<img src="data:text/html,<img src=//not-a-document.example/>">
<iframe src="data:text/plain,<img src=//plain-text.example/>"></iframe>
<object data="data:image/png;base64,iVBORw0KGgo="></object>"#;
        assert_eq!(
            urls(foreign_loads_in_html(html, OWN)),
            pairs(&[
                // UTF-16 by its byte order mark, as a browser reads it.
                ("loads an image from", "//u.example/"),
                ("loads a script from", "//c.example/s.js"),
                ("loads an image from", "https://a.example/p.png"),
            ])
        );
        // XML and SVG are not read: unknown, so a finding.
        for unread in [
            r#"<object data="data:image/svg+xml;base64,PHN2Zz48aW1hZ2UgaHJlZj0iLy9iLmV4YW1wbGUvcS5wbmciLz48L3N2Zz4="></object>"#,
            r#"<iframe src="data:application/xml,<html xmlns='http://www.w3.org/1999/xhtml'/>"></iframe>"#,
        ] {
            let loads = foreign_loads_in_html(unread, OWN);
            assert_eq!(loads.len(), 1, "{unread}");
            assert_eq!(
                (loads[0].found, loads[0].kind),
                (Found::Unreadable, DATA_UNREAD)
            );
        }
    }

    #[test]
    fn data_style_sheets_and_substituted_addresses_are_read() {
        let html = r#"<link rel=stylesheet href="data:text/css,@import%20%22data:text/css,p%7Bbackground:url(//inner.example/a.png)%7D%22;%20q%7Bbackground:url(//outer.example/b.png)%7D">
<link rel=icon href="data:image/png;base64,iVBORw0KGgo=">"#;
        assert_eq!(
            urls(foreign_loads_in_html(html, OWN)),
            pairs(&[
                ("loads a font or image from", "//outer.example/b.png"),
                ("loads a font or image from", "//inner.example/a.png"),
            ])
        );
        let css = ":root { --u: \"https://var.example/a.png\" }\n\
                   a { background-image: image-set(var(--u) 1x); } b { color: var(--c); }";
        let loads = foreign_loads_in_css(css, OWN);
        assert_eq!(loads.len(), 1, "{loads:?}");
        assert_eq!(
            (loads[0].found, loads[0].kind),
            (Found::Unreadable, SUBSTITUTED_CSS)
        );
        assert!(css[loads[0].offset..].starts_with("var(--u)"));
    }

    #[test]
    fn a_noscript_read_otherwise_with_javascript_is_unreadable() {
        let unread = |html: &str| {
            foreign_loads_in_html(html, OWN)
                .iter()
                .filter(|l| l.found == Found::Unreadable)
                .count()
        };
        // With JavaScript on, the image after the first `</noscript>` loads.
        assert_eq!(
            unread(r#"<NOSCRIPT><p title="</noscript><img src=//on.example/a>"></noscript>"#),
            1
        );
        // An SVG `<noscript>` is no HTML one: a browser reads on as markup.
        assert_eq!(
            unread(r#"<svg><noscript><a title="</noscript>"></a></noscript></svg>"#),
            1
        );
        // Plain ones read alike: their content is read as markup, every load found.
        let plain = "<noscript><img src=//off.example/b></noscript><p>noscript";
        assert_eq!(unread(plain), 0);
        assert_eq!(
            urls(foreign_loads_in_html(plain, OWN)),
            pairs(&[("loads an image from", "//off.example/b")])
        );
        // In a frame written into the page too, its `noscript` hidden by a reference (the
        // page's own `</noscript` in the attribute counts as well); nested frames are each read
        // once.
        let framed = r#"<iframe srcdoc="<&#110;oscript><p title=&quot;</noscript><img src=//f.example/>&quot;>"></iframe>"#;
        assert_eq!(unread(framed), 2);
        let mut deep = String::from("<noscript></noscript><img src=/x.png>");
        for _ in 0..30 {
            let escaped = deep.replace('&', "&amp;").replace('"', "&quot;");
            deep = format!("<noscript></noscript><iframe srcdoc=\"{escaped}\"></iframe>");
        }
        // (Each page but the last holds its frame's `</noscript>` in an attribute.)
        assert_eq!(foreign_loads_in_html(&deep, OWN).len(), 30);
    }

    #[test]
    fn a_change_after_a_noscript_is_not_proven_clean_by_the_probe() {
        // Read without scripting, the `X` is text; with scripting, it is in an attribute of
        // the `<img>`, so turning it into `" src=//x` loads.
        let start = r#"<noscript><!-- </noscript><img alt=" --><p>"#;
        let old = format!("{start}X</p>");
        let new = format!("{start}\" src=//x.example/ \"</p>");
        assert!(!foreign_loads_in_html(&new, OWN).is_empty());
        assert!(!clean_as_before(&old, &new));
    }

    #[test]
    fn a_refresh_to_another_site_is_found() {
        for content in [
            "0; url=https://evil.example/",
            "0;URL='https://evil.example/'",
            "5, url = \"//evil.example/\"",
            "0 https://evil.example/",
        ] {
            let html = format!(
                r#"<meta http-equiv="Refresh" content="{}">"#,
                content.replace('"', "&quot;")
            );
            assert_eq!(foreign_loads_in_html(&html, OWN).len(), 1, "{html}");
        }
        for html in [
            r#"<meta http-equiv="refresh" content="30">"#,
            r#"<meta http-equiv="refresh" content="0; url=/elsewhere/">"#,
            r#"<meta name="description" content="https://not.a.refresh/">"#,
        ] {
            assert!(foreign_loads_in_html(html, OWN).is_empty(), "{html}");
        }
    }

    #[test]
    fn only_srcset_is_read_as_candidates() {
        // A tab inside a single address, after a comma and a space: one address, which a
        // browser fetches from the other site (cut at the tab, it looked like a path).
        let html = r#"<img alt="" src="h&#9;ttps://evil.example/x.png?a=1, b">
<script src="/&#10;/evil.example/s.js?x, y"></script>
<img alt="" srcset="/a.png 1x, //evil.example/b.png 2x, h&#9;ttps://evil.example/c.png 3x">"#;
        // In a `srcset` a tab ends the address (`h`, a path), as a browser reads it.
        assert_eq!(foreign_loads_in_html(html, OWN).len(), 3);
        assert!(foreign_loads_in_html(r#"<a href="/search/?q=a, b">s</a>"#, OWN).is_empty());
    }

    #[test]
    fn finds_scripts_images_frames_and_forms() {
        let html = r#"<script src="https://cdn.example/a.js"></script>
<img alt="" src='//img.example/b.png' srcset="/x.png 1x, https://img.example/c.png 2x">
<IFRAME SRC=https://video.example/embed></IFRAME><object data="https://o.example/f.swf"></object>
<form action="https://forms.example/send"><input type="image" src="https://i.example/go.png"></form>
<video poster="https://v.example/p.jpg"><source src="https://v.example/v.mp4"></video>"#;
        assert_eq!(
            urls(foreign_loads_in_html(html, OWN)),
            pairs(&[
                ("loads a script from", "https://cdn.example/a.js"),
                ("loads an image from", "//img.example/b.png"),
                ("loads an image from", "https://img.example/c.png"),
                ("loads a frame from", "https://video.example/embed"),
                ("loads an embedded object from", "https://o.example/f.swf"),
                ("sends a form's answers to", "https://forms.example/send"),
                ("loads an image from", "https://i.example/go.png"),
                ("loads an image from", "https://v.example/p.jpg"),
                ("loads a video or sound from", "https://v.example/v.mp4"),
            ])
        );
    }

    #[test]
    fn plain_links_and_canonical_are_not_loads() {
        let html = r#"<a href="https://www.bbc.co.uk/weather">Exit</a><link rel="canonical" href="https://other.example/">
<link rel="stylesheet" href="/css/site.css"><!-- <script src="https://x.example/a.js"></script> -->"#;
        assert!(foreign_loads_in_html(html, OWN).is_empty());
    }

    #[test]
    fn finds_stylesheets_and_icons_by_rel() {
        let html = r#"<link href="https://fonts.example/css" rel="preload stylesheet"><link rel=icon href=https://x.example/i.ico>"#;
        assert_eq!(foreign_loads_in_html(html, OWN).len(), 2);
    }

    #[test]
    fn finds_css_imports_and_urls_outside_comments() {
        let css = "/* url(https://no.example/a) */\n@import \"https://fonts.example/css\";\n@import url('https://fonts.example/b.css');\n\
                   @font-face { src: url(https://fonts.example/f.woff2) format('woff2'); }\nbody { background: url(\"/img/ok.png\"); }";
        let loads = foreign_loads_in_css(css, OWN);
        assert_eq!(
            urls(loads.clone()),
            pairs(&[
                ("loads a style sheet from", "https://fonts.example/css"),
                ("loads a style sheet from", "https://fonts.example/b.css"),
                (
                    "loads a font or image from",
                    "https://fonts.example/f.woff2"
                ),
            ])
        );
        assert_eq!(line_column(css, loads[0].offset), (2, 10));
    }

    #[test]
    fn finds_inline_style_blocks() {
        let html = "<style>body{background:url(https://x.example/a.png)}</style><p style=\"background:url('//y.example/b.png')\">";
        assert_eq!(foreign_loads_in_html(html, OWN).len(), 2);
    }

    /// Three loads the hand-written scanner this replaced let through (issue 24).
    #[test]
    fn finds_loads_a_browser_would_make_that_a_simple_scanner_misses() {
        for (html, kind, url) in [
            (
                r#"<img alt="" src="https&#58;//tracker.example/pixel.png">"#,
                "loads an image from",
                "https://tracker.example/pixel.png",
            ),
            (
                r#"<svg viewBox="0 0 1 1"><image href="https://img.example/a.png"/></svg>"#,
                "loads an image from",
                "https://img.example/a.png",
            ),
            (
                r#"<base href="https://other.example/"><img alt="" src="/logo.png">"#,
                "reads every relative address of the page against",
                "https://other.example/",
            ),
        ] {
            assert_eq!(
                urls(foreign_loads_in_html(html, OWN)),
                pairs(&[(kind, url)]),
                "{html}"
            );
        }
        // And these, read as a browser reads them.
        let html = r#"<!--><img alt="" src="https://a.example/x.png">--><svg><use xlink:href="https://b.example/s.svg#i"/></svg>
<noscript><img alt="" src="//c.example/y.png"></noscript><script>var s = '<img src="https://no.example/">';</script>
<textarea><img src="https://no.example/"></textarea><base href="/folder/">"#;
        assert_eq!(
            urls(foreign_loads_in_html(html, OWN)),
            pairs(&[
                ("loads an image from", "https://a.example/x.png"),
                ("loads a drawing from", "https://b.example/s.svg#i"),
                ("loads an image from", "//c.example/y.png"),
            ])
        );
    }

    /// The loads of every start tag with all its attributes, as the check found them before
    /// it read only the attributes that may fetch (session 11).
    fn loads_of_every_tag(html: &str) -> Vec<Load<'static>> {
        let mut loads = Vec::new();
        for tag in start_tags(html) {
            let value_of = |name: &str| {
                tag.attributes
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.as_str())
            };
            if let Some(fetching) = fetching_attributes(&tag.name) {
                for (attribute, kind, _) in
                    fetching.iter().filter(|(_, _, when)| when.holds(value_of))
                {
                    for (_, value) in tag.attributes.iter().filter(|(n, _)| n == attribute) {
                        for (url, _) in urls_of(attribute, value) {
                            if is_foreign(url, OWN) {
                                loads.push(Load {
                                    found: Found::Load,
                                    kind,
                                    url: Cow::Owned(url.to_owned()),
                                    offset: 0,
                                });
                            }
                        }
                    }
                }
            }
            for (_, style) in tag.attributes.iter().filter(|(n, _)| n == "style") {
                let found = foreign_loads_in_css(style, OWN);
                loads.extend(found.into_iter().map(Load::into_owned));
            }
            if let Some(sheet) = &tag.text {
                let found = foreign_loads_in_css(sheet, OWN);
                loads.extend(found.into_iter().map(Load::into_owned));
            }
            if tag.name == "iframe" {
                for (_, page) in tag.attributes.iter().filter(|(n, _)| n == "srcdoc") {
                    loads.extend(loads_of_every_tag(page));
                }
            }
        }
        loads
    }

    #[test]
    fn reading_only_the_attributes_that_fetch_finds_what_reading_all_finds() {
        let pieces = [
            r#"<img src="/a" SRC="//first-wins.example/" src=//no.example/ style="background:url(//s.example/)" style="x:url(//no.example/)">"#,
            r#"<p style=" background : URL( '//p.example/a.png' ) " style="url(//no.example/)">"#,
            r#"<input src=//i.example/ type=Image><input src=//no.example/ type=text><input src=//no.example/>"#,
            r#"<link href=//l.example/ rel="preload"><link href=//no.example/ rel=canonical><link rel=icon rel=x href=//m.example/>"#,
            r#"<style>@import "//a.example/";</style><style media=x></style><p><style>b{c:url(//b.example/)}</style>"#,
            r#"<svg><feImage href=//f.example/ /><use xlink:href=//u.example/#a /><image src=//g.example/></svg>"#,
            r#"<td background=//t.example/ style="background-image:url(//t2.example/)"><script href=//sh.example/ src=/ok.js></script>"#,
            r#"<source srcset="/a.png 1x, //c.example/b.png 2x" src="//d.example/v.mp4"><base href=//e.example/>"#,
            r#"<a href=//no.example/ style=background:url(//h.example/)><img src="#,
            "><style>d{e:url(//unclosed.example/)}<img src=//in-the-style-sheet.example/>",
        ];
        let frame = r#"<iframe srcdoc="<img src=//frame.example/a.png>"></iframe>"#;
        assert_eq!(
            foreign_loads_in_html(frame, OWN),
            loads_of_every_tag(frame),
            "{frame}"
        );
        for piece in pieces {
            assert_eq!(
                foreign_loads_in_html(piece, OWN),
                loads_of_every_tag(piece),
                "{piece}"
            );
        }
        let all = pieces.concat();
        let loads = foreign_loads_in_html(&all, OWN);
        assert_eq!(loads, loads_of_every_tag(&all));
        assert!(loads.len() > 15, "{loads:?}");
        assert!(
            !loads.iter().any(|l| l.url.contains("no.example")),
            "{loads:?}"
        );
    }

    #[test]
    fn finds_addresses_a_browser_reads_without_their_tabs_and_line_breaks() {
        let html = "<img alt=\"\" src=\"/&#9;/a.example/x.png\"><script src=\"h&#10;ttps://b.example/s.js\"></script>\
                    <img alt=\"\" src=\"&#1;//c.example/y.png\"><img alt=\"\" src=\"/&#9;ok.png\">";
        assert_eq!(
            urls(foreign_loads_in_html(html, OWN)),
            pairs(&[
                ("loads an image from", "/\t/a.example/x.png"),
                ("loads a script from", "h\nttps://b.example/s.js"),
                ("loads an image from", "\u{1}//c.example/y.png"),
            ])
        );
    }

    #[test]
    fn scanner_survives_broken_html() {
        for html in [
            "<",
            "<img src=",
            "<img src=\"https://x.example/a",
            "<!--",
            "<a <b",
            "<style>url(",
            "<é src=x>",
        ] {
            let _ = foreign_loads_in_html(html, OWN);
        }
        for css in [
            "url(",
            "@import",
            "/*",
            "@import \"",
            "url('",
            "@import\n\"x\"",
            "@import url(",
            "url(')",
            "@import \"é",
        ] {
            let _ = foreign_loads_in_css(css, OWN);
        }
    }
}
