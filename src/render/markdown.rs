//! Markdown to HTML with pulldown-cmark: heading anchors, a table of contents, a word count,
//! and links to source files (`separating.md`) checked and turned into pretty URLs.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use serde::Serialize;

use crate::diag::{Code, Diagnostic, SourceFile};
use crate::model::page::join_content_path;
use crate::model::slug::slugify;
use crate::render::untrusted::{Policy, clean_html};

/// A `##` heading of a page, for its contents list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// The anchor, unique within the page.
    pub id: String,
    /// The heading's text.
    pub title: String,
}

/// A link to a site path (`/sessions/2024/`) found in Markdown, checked once all outputs exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLink {
    /// The path, without any `#fragment` or `?query`.
    pub path: String,
    /// Where it was written.
    pub location: Diagnostic,
}

/// The HTML of a Markdown text and what was learnt while rendering it.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// The page's `##` headings.
    pub toc: Vec<Heading>,
    /// Words of running text, for reading time.
    pub words: usize,
    /// Links to site paths, to check against the outputs.
    pub site_links: Vec<SiteLink>,
    /// Links to source files that do not exist, and other located problems.
    pub problems: Vec<Diagnostic>,
}

/// Where a Markdown text sits, so that links can be resolved and problems located.
pub struct MarkdownSource<'a> {
    /// The file it comes from.
    pub file: &'a SourceFile,
    /// Where the Markdown starts in the file.
    pub offset: usize,
    /// The folder of the file under `content/` (`self-help`), for relative links.
    pub content_dir: &'a str,
}

/// Who wrote a Markdown text, and so what it may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// The site's organisers (pages under `content/`): raw HTML is kept, as they mean it.
    Organiser,
    /// Partners (session descriptions): the HTML, theirs and the renderer's, is cleaned to an
    /// allow-list ([`crate::render::untrusted`]); no footnotes, whose ids the cleaner drops.
    Partner,
}

/// Renders Markdown. `resolve` maps a content path (`self-help/arguments.md`) to its URL.
pub fn render_markdown(
    text: &str,
    source: &MarkdownSource,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> Rendered {
    render_trusted_as(text, source, resolve, Trust::Organiser)
}

/// Renders Markdown written by partners: nothing in it can run, and only images can load
/// (from another site only to be refused by the output's origin check).
pub fn render_partner_markdown(
    text: &str,
    source: &MarkdownSource,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> Rendered {
    render_trusted_as(text, source, resolve, Trust::Partner)
}

fn render_trusted_as(
    text: &str,
    source: &MarkdownSource,
    resolve: &dyn Fn(&str) -> Option<String>,
    trust: Trust,
) -> Rendered {
    let mut rendered = Rendered::default();
    let mut events: Vec<Event> = Vec::new();
    let mut heading_start: Option<usize> = None;
    let options = match trust {
        Trust::Organiser => options(),
        Trust::Partner => options() - Options::ENABLE_FOOTNOTES,
    };
    // Partner text loses its script and style elements before parsing, whatever their case
    // (positions in the text stay true: they are blanked, not cut).
    let text = match trust {
        Trust::Organiser => std::borrow::Cow::Borrowed(text),
        Trust::Partner => crate::render::untrusted::without_script_blocks(text),
    };
    let text = text.as_ref();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let at = || {
                    source
                        .file
                        .error_at(source.offset + range.start..source.offset + range.end, "")
                        .code(Code::DeadLink)
                };
                let dest_url =
                    rewrite_link(dest_url, source.content_dir, resolve, at, &mut rendered);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading_start = Some(events.len());
                // The page title is the only <h1>: body headings start at <h2>.
                Event::Start(Tag::Heading {
                    level: level.max(HeadingLevel::H2),
                    id,
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = heading_start.take() {
                    add_anchor(&mut events, start, &mut rendered.toc);
                }
                Event::End(TagEnd::Heading(level.max(HeadingLevel::H2)))
            }
            // Wide tables scroll on their own rather than making the page scroll sideways.
            Event::Start(Tag::Table(_)) => {
                events.push(Event::Html(CowStr::from(
                    r#"<div class="table-wrap" role="region" aria-label="Table" tabindex="0">"#,
                )));
                event
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                Event::Html(CowStr::from("</div>"))
            }
            Event::Text(ref words) => {
                rendered.words += count_words(words);
                event
            }
            other => other,
        };
        events.push(event);
    }
    html::push_html(&mut rendered.html, events.into_iter());
    if trust == Trust::Partner {
        rendered.html = clean_html(&rendered.html, Policy::SessionDescription);
    }
    rendered
}

/// How many words `text` has, as `split_whitespace` counts them (Unicode's white space), read
/// a byte at a time where it is ASCII: every page's text is counted, and the iterator of
/// `char`s cost more than the rest of the Markdown's reading.
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while let Some(&b) = bytes.get(i) {
        let (space, len) = if b.is_ascii() {
            (b.is_ascii_whitespace() || b == b'\x0b', 1)
        } else {
            text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
        i += len;
    }
    words
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Gives the heading that starts at `events[start]` a unique id; `##` headings join the contents.
fn add_anchor(events: &mut [Event], start: usize, toc: &mut Vec<Heading>) {
    let title: String = events[start + 1..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[start] {
        let anchor = id
            .clone()
            .map(|i| i.to_string())
            .unwrap_or_else(|| unique_id(&slugify(&title), toc));
        if *level == HeadingLevel::H2 {
            toc.push(Heading {
                id: anchor.clone(),
                title,
            });
        }
        *id = Some(CowStr::from(anchor));
    }
}

fn unique_id(base: &str, taken: &[Heading]) -> String {
    let base = if base.is_empty() { "section" } else { base };
    let mut candidate = base.to_owned();
    let mut n = 2;
    while taken.iter().any(|h| h.id == candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// Source-file links become pretty URLs; site paths are recorded for checking; others stay.
fn rewrite_link<'a>(
    dest: CowStr<'a>,
    content_dir: &str,
    resolve: &dyn Fn(&str) -> Option<String>,
    at: impl Fn() -> Diagnostic,
    rendered: &mut Rendered,
) -> CowStr<'a> {
    if has_scheme(&dest) || dest.starts_with('#') || dest.starts_with("//") {
        return dest;
    }
    let (path, fragment) = match dest.find(['#', '?']) {
        Some(i) => (&dest[..i], &dest[i..]),
        None => (&dest[..], ""),
    };
    if path.ends_with(".md") || path.ends_with(".toml") {
        let target = join_content_path(content_dir, path);
        return match target.as_deref().and_then(resolve) {
            Some(url) => CowStr::from(format!("{url}{fragment}")),
            None => {
                let mut problem = at();
                problem.message =
                    format!("link to `{path}`, which is not a page or service of this site");
                rendered.problems.push(problem.hint("link to a Markdown file or a directory service's .toml file under content/, relative to this one"));
                dest
            }
        };
    }
    if path.starts_with('/') {
        rendered.site_links.push(SiteLink {
            path: path.to_owned(),
            location: at(),
        });
    }
    dest
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && i > 0
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            " ",
            "one",
            " two  words ",
            "a\tb\nc\x0bd\x0ce\rf",
            "no\u{a0}break and\u{2003}em\u{3000}ideographic",
            "Welsh: ŵyr ŷ, Arabic: مرحبا بكم",
            "\u{85}next\u{2028}line\u{1680}",
        ] {
            assert_eq!(
                count_words(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    fn render(text: &str) -> Rendered {
        let file = SourceFile::new(
            "content/self-help/a.md",
            format!("+++\n+++\n{text}").into_bytes(),
        )
        .unwrap();
        let source = MarkdownSource {
            file: &file,
            offset: 8,
            content_dir: "self-help",
        };
        render_markdown(text, &source, &|path| {
            (path == "self-help/b.md").then(|| "/self-help/b/".to_owned())
        })
    }

    #[test]
    fn links_to_source_files_become_urls() {
        let out = render("See [b](b.md#part) and [c](c.md).");
        assert!(
            out.html.contains(r#"href="/self-help/b/#part""#),
            "{}",
            out.html
        );
        assert_eq!(out.problems.len(), 1);
        assert_eq!(out.problems[0].position, Some((3, 24)));
    }

    #[test]
    fn headings_get_anchors_and_h1_is_demoted() {
        let out = render("# Top\n\n## What helps\n\n## What helps\n");
        assert!(
            out.html.contains(r#"<h2 id="top">Top</h2>"#),
            "{}",
            out.html
        );
        assert_eq!(
            out.toc.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
            vec!["top", "what-helps", "what-helps-2"]
        );
    }

    #[test]
    fn site_paths_are_recorded_and_external_links_kept() {
        let out =
            render("[w](/sessions/2024/#day) [x](https://example.org) [m](mailto:a@example.org)");
        assert_eq!(out.site_links.len(), 1);
        assert_eq!(out.site_links[0].path, "/sessions/2024/");
    }

    #[test]
    fn content_paths_cannot_climb_out() {
        assert_eq!(
            join_content_path("a/b", "../c.md").as_deref(),
            Some("a/c.md")
        );
        assert_eq!(join_content_path("a", "/x/y.md").as_deref(), Some("x/y.md"));
        assert_eq!(join_content_path("", "../../etc.md"), None);
        assert_eq!(
            join_content_path("..", ""),
            None,
            "the folder is normalised too"
        );
    }
}
