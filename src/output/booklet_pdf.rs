//! The booklet as a PDF, made by the build itself with krilla (see `docs/booklet.md` for why):
//! A4 pages, selectable text in an embedded, subsetted font, a contents list and an outline
//! (bookmarks) that lead to each day and session, working links, page numbers, title and
//! language metadata, and a tag tree validated as PDF/UA-1 for screen readers.
//!
//! Layout is deliberately simple: blocks of text wrapped greedily by the font's advance widths,
//! each day on a new page. The output is a pure function of the booklet and `now`.

use std::collections::BTreeMap;
use std::num::NonZeroU16;

use jiff::Timestamp;
use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::configure::{ConfigurationBuilder, Validator};
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};

use crate::render::booklet::{Booklet, BookletSession, PrintedLink};

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.0;
const BOTTOM: f32 = PAGE_HEIGHT - MARGIN - 20.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const LINK_BLUE: (u8, u8, u8) = (29, 78, 216);

/// How a block of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    Title,
    Day,
    Session,
    Body,
    Strong,
    Small,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Style::Title => 22.0,
            Style::Day => 17.0,
            Style::Session => 13.0,
            Style::Body | Style::Strong => 10.5,
            Style::Small => 9.0,
        }
    }

    fn bold(self) -> bool {
        matches!(self, Style::Title | Style::Day | Style::Session | Style::Strong)
    }

    fn leading(self) -> f32 {
        self.size() * 1.35
    }
}

/// What a block is, for the tag tree.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Heading(u16),
    Paragraph,
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
enum LinkTarget {
    /// Another website.
    Uri(String),
    /// A place in this document, by key.
    Internal(String),
}

/// A block of text before layout.
#[derive(Debug, Clone)]
struct Block {
    role: Role,
    style: Style,
    text: String,
    indent: f32,
    space_before: f32,
    link: Option<LinkTarget>,
    /// This block is where `key` leads (contents, outline).
    anchor: Option<String>,
    /// Show the page of this key at the right (contents lines).
    page_of: Option<String>,
}

impl Block {
    fn new(role: Role, style: Style, text: impl Into<String>) -> Block {
        Block { role, style, text: text.into(), indent: 0.0, space_before: 0.0, link: None, anchor: None, page_of: None }
    }

    fn p(style: Style, text: impl Into<String>) -> Block {
        Block::new(Role::Paragraph, style, text)
    }

    fn space(mut self, points: f32) -> Block {
        self.space_before = points;
        self
    }
}

/// The document before layout: blocks, and page breaks between them.
#[derive(Debug, Clone)]
enum Item {
    Block(Block),
    PageBreak,
}

/// A line placed on a page.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    x: f32,
    baseline: f32,
    text: String,
    width: f32,
}

/// A block after layout.
#[derive(Debug, Clone)]
struct Placed {
    block: Block,
    lines: Vec<Line>,
}

/// A font with its advance widths.
struct FontFace {
    font: Font,
    face: ttf_parser::Face<'static>,
}

impl FontFace {
    fn load(name: &str) -> Result<FontFace, String> {
        let bytes = crate::load::theme::built_in_font(name).ok_or_else(|| format!("the theme has no font {name}"))?;
        let face = ttf_parser::Face::parse(bytes, 0).map_err(|e| format!("{name}: {e}"))?;
        let font = Font::new(bytes.into(), 0).ok_or_else(|| format!("{name} is not a usable font"))?;
        Ok(FontFace { font, face })
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let upem = f32::from(self.face.units_per_em());
        let fallback = self.face.units_per_em() / 2;
        let units: u32 = text
            .chars()
            .map(|c| u32::from(self.face.glyph_index(c).and_then(|g| self.face.glyph_hor_advance(g)).unwrap_or(fallback)))
            .sum();
        units as f32 * size / upem
    }
}

/// The two faces the booklet uses.
struct Fonts {
    regular: FontFace,
    bold: FontFace,
}

impl Fonts {
    fn load() -> Result<Fonts, String> {
        Ok(Fonts { regular: FontFace::load("DejaVuSans.ttf")?, bold: FontFace::load("DejaVuSans-Bold.ttf")? })
    }

    fn face(&self, style: Style) -> &FontFace {
        if style.bold() { &self.bold } else { &self.regular }
    }
}

/// Splits `text` into lines no wider than `width`, breaking at spaces, and inside words (such
/// as long addresses) only when a word alone is too wide.
fn wrap(text: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if measure(&candidate) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if measure(&longer) > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Places blocks on pages; a heading never ends a page.
fn layout(items: &[Item], fonts: &Fonts) -> Vec<Placed> {
    let mut placed = Vec::new();
    let (mut page, mut y) = (0usize, MARGIN);
    for item in items {
        let block = match item {
            Item::PageBreak => {
                page += 1;
                y = MARGIN;
                continue;
            }
            Item::Block(block) => block,
        };
        let face = fonts.face(block.style);
        let size = block.style.size();
        let reserve = if block.page_of.is_some() { 40.0 } else { 0.0 };
        let texts = wrap(&block.text, TEXT_WIDTH - block.indent - reserve, &|t| face.width(t, size));
        let needed = match block.role {
            Role::Heading(_) => block.style.leading() * texts.len() as f32 + 60.0,
            Role::Paragraph => block.style.leading(),
        };
        if y > MARGIN {
            y += block.space_before;
        }
        if y + needed > BOTTOM {
            page += 1;
            y = MARGIN;
        }
        let mut lines = Vec::new();
        for text in texts {
            if y + block.style.leading() > BOTTOM {
                page += 1;
                y = MARGIN;
            }
            y += block.style.leading();
            let width = face.width(&text, size);
            lines.push(Line { page, x: MARGIN + block.indent, baseline: y - block.style.leading() * 0.25, text, width });
        }
        placed.push(Placed { block: block.clone(), lines });
    }
    placed
}

fn material_blocks(link: &PrintedLink, indent: f32) -> Vec<Block> {
    let m = &link.material;
    let mut title = Block::p(Style::Strong, &m.title).space(6.0);
    title.link = Some(LinkTarget::Uri(m.url.clone()));
    title.indent = indent;
    let mut facts = vec![m.kind.to_owned()];
    facts.extend(m.duration.clone());
    facts.extend(m.source.as_ref().map(|s| format!("from {s}")));
    let mut blocks = vec![title, Block { indent, ..Block::p(Style::Small, facts.join(", ")) }];
    if let Some(description) = &m.description {
        blocks.push(Block { indent, ..Block::p(Style::Body, description) });
    }
    let mut address = Block { indent, ..Block::p(Style::Small, &link.short_url) };
    address.link = Some(LinkTarget::Uri(m.url.clone()));
    blocks.push(address);
    blocks
}

fn session_blocks(session: &BookletSession) -> Vec<Block> {
    let mut heading = Block::new(Role::Heading(3), Style::Session, &session.title).space(14.0);
    heading.anchor = Some(session.id.clone());
    let mut blocks = vec![heading, Block::p(Style::Small, format!("{}. {}.", session.time, session.format))];
    if session.cancelled {
        blocks.push(Block::p(Style::Strong, "This session was cancelled."));
    }
    if !session.summary.is_empty() {
        blocks.push(Block::p(Style::Body, &session.summary).space(2.0));
    }
    if !session.hosts.is_empty() {
        blocks.push(Block::p(Style::Body, format!("Led by {}.", session.hosts.join("; "))).space(2.0));
    }
    if let Some(recording) = &session.recording {
        blocks.extend(material_blocks(recording, 0.0));
    }
    if !session.materials.is_empty() {
        blocks.push(Block::p(Style::Strong, "Follow-on materials").space(6.0));
        for material in &session.materials {
            blocks.extend(material_blocks(material, 12.0));
        }
    }
    blocks
}

/// The booklet as blocks and page breaks, in reading order.
fn document_items(booklet: &Booklet) -> Vec<Item> {
    let mut items = vec![Item::Block(Block::new(Role::Heading(1), Style::Title, &booklet.title))];
    let mut cover = vec![Block::p(Style::Strong, &booklet.dates).space(6.0)];
    cover.extend(booklet.theme.as_ref().map(|t| Block::p(Style::Body, format!("Theme: {t}"))));
    cover.push(Block::p(Style::Small, format!("Published by {}. The programme online: {}", booklet.publisher, booklet.programme_short_url)));
    cover.extend(booklet.introduction.iter().map(|p| Block::p(Style::Body, p).space(8.0)));
    let mut contents = Block::new(Role::Heading(2), Style::Day, "Contents").space(18.0);
    contents.anchor = Some("contents".into());
    cover.push(contents);
    for day in &booklet.days {
        cover.push(contents_line(&day.title, &day.id, 0.0, Style::Strong));
        cover.extend(day.sessions.iter().map(|s| contents_line(&s.title, &s.id, 14.0, Style::Body)));
    }
    if !booklet.further.is_empty() {
        cover.push(contents_line("Further resources", "further", 0.0, Style::Strong));
    }
    items.extend(cover.into_iter().map(Item::Block));
    for day in &booklet.days {
        items.push(Item::PageBreak);
        let mut heading = Block::new(Role::Heading(2), Style::Day, &day.title);
        heading.anchor = Some(day.id.clone());
        items.push(Item::Block(heading));
        items.extend(day.sessions.iter().flat_map(session_blocks).map(Item::Block));
    }
    if !booklet.further.is_empty() {
        items.push(Item::PageBreak);
        let mut heading = Block::new(Role::Heading(2), Style::Day, "Further resources");
        heading.anchor = Some("further".into());
        items.push(Item::Block(heading));
        items.push(Item::Block(Block::p(Style::Body, "More from the resource library on the topics of this week.")));
        items.extend(booklet.further.iter().flat_map(|l| material_blocks(l, 0.0)).map(Item::Block));
    }
    items
}

fn contents_line(title: &str, key: &str, indent: f32, style: Style) -> Block {
    Block {
        indent,
        space_before: if indent == 0.0 { 6.0 } else { 1.0 },
        link: Some(LinkTarget::Internal(key.to_owned())),
        page_of: Some(key.to_owned()),
        ..Block::p(style, title)
    }
}

/// Where each anchor is: page and top of its first line.
fn anchors(placed: &[Placed]) -> BTreeMap<String, (usize, f32)> {
    placed
        .iter()
        .filter_map(|p| {
            let key = p.block.anchor.clone()?;
            let line = p.lines.first()?;
            Some((key, (line.page, line.baseline - p.block.style.size())))
        })
        .collect()
}

fn fill(color: (u8, u8, u8)) -> Fill {
    Fill { paint: rgb::Color::new(color.0, color.1, color.2).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

/// Draws one text run, tagged as a span or as an artifact.
fn draw_run(surface: &mut Surface, fonts: &Fonts, style: Style, at: Point, text: &str, tag: ContentTag) -> Identifier {
    let id = surface.start_tagged(tag);
    surface.draw_text(at, fonts.face(style).font.clone(), style.size(), text, false, TextDirection::Auto);
    surface.end_tagged();
    id
}

/// Tag-tree identifiers of one block: its text and its link annotations.
#[derive(Default)]
struct BlockIds {
    spans: Vec<Identifier>,
    annotations: Vec<Identifier>,
}

fn link_target(link: &LinkTarget, anchors: &BTreeMap<String, (usize, f32)>) -> Option<Target> {
    match link {
        LinkTarget::Uri(uri) => Some(Target::Action(LinkAction::new(uri.clone()).into())),
        LinkTarget::Internal(key) => {
            let &(page, y) = anchors.get(key)?;
            Some(Target::Destination(Destination::Xyz(XyzDestination::new(page, Point::from_xy(MARGIN, y)))))
        }
    }
}

/// Draws every page; returns each block's identifiers for the tag tree.
fn draw_pages(document: &mut Document, placed: &[Placed], fonts: &Fonts, booklet: &Booklet) -> Vec<BlockIds> {
    let anchors = anchors(placed);
    let pages = placed.iter().flat_map(|p| p.lines.iter().map(|l| l.page)).max().map_or(1, |last| last + 1);
    let mut ids: Vec<BlockIds> = placed.iter().map(|_| BlockIds::default()).collect();
    for page_index in 0..pages {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).unwrap_or_else(|| PageSettings::new(krilla::geom::Size::from_wh(PAGE_WIDTH, PAGE_HEIGHT).unwrap_or_else(|| unreachable!())));
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for (i, p) in placed.iter().enumerate() {
            for line in p.lines.iter().filter(|l| l.page == page_index) {
                let color = if p.block.link.is_some() { LINK_BLUE } else { (11, 12, 12) };
                surface.set_fill(Some(fill(color)));
                let id = draw_run(&mut surface, fonts, p.block.style, Point::from_xy(line.x, line.baseline), &line.text, ContentTag::Span(SpanTag::empty()));
                ids[i].spans.push(id);
            }
            if let (Some(key), Some(first)) = (&p.block.page_of, p.lines.first().filter(|l| l.page == page_index)) {
                if let Some(&(target, _)) = anchors.get(key) {
                    let number = (target + 1).to_string();
                    let width = fonts.face(p.block.style).width(&number, p.block.style.size());
                    surface.set_fill(Some(fill((11, 12, 12))));
                    let id = draw_run(&mut surface, fonts, p.block.style, Point::from_xy(PAGE_WIDTH - MARGIN - width, first.baseline), &number, ContentTag::Span(SpanTag::empty()));
                    ids[i].spans.push(id);
                }
            }
        }
        let footer = format!("{}   Page {} of {}", booklet.title, page_index + 1, pages);
        surface.set_fill(Some(fill((80, 90, 95))));
        let artifact = ContentTag::Artifact(Artifact::new(ArtifactType::Footer, None));
        surface.start_tagged(artifact);
        surface.draw_text(Point::from_xy(MARGIN, PAGE_HEIGHT - MARGIN + 12.0), fonts.regular.font.clone(), Style::Small.size(), &footer, false, TextDirection::Auto);
        surface.end_tagged();
        surface.finish();
        for (i, p) in placed.iter().enumerate() {
            let Some(link) = &p.block.link else { continue };
            for line in p.lines.iter().filter(|l| l.page == page_index) {
                let Some(target) = link_target(link, &anchors) else { continue };
                let size = p.block.style.size();
                let Some(rect) = Rect::from_xywh(line.x, line.baseline - size, line.width.max(1.0), size * 1.3) else { continue };
                let alt = match &p.block.link {
                    Some(LinkTarget::Uri(uri)) => format!("{} ({uri})", p.block.text),
                    _ => format!("Go to {}", p.block.text),
                };
                let annotation = Annotation::new_link(LinkAnnotation::new(rect, target), Some(alt));
                ids[i].annotations.push(page.add_tagged_annotation(annotation));
            }
        }
        page.finish();
    }
    ids
}

fn tag_tree(placed: &[Placed], ids: Vec<BlockIds>, language: &str) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(language.to_owned()));
    for (p, ids) in placed.iter().zip(ids) {
        let tag: TagKind = match p.block.role {
            Role::Heading(level) => Tag::Hn(NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN), Some(p.block.text.clone())).into(),
            Role::Paragraph => Tag::P.into(),
        };
        let mut group = TagGroup::new(tag);
        if p.block.link.is_some() && !ids.annotations.is_empty() {
            let mut link = TagGroup::new(Tag::Link);
            ids.spans.into_iter().for_each(|id| link.push(id));
            ids.annotations.into_iter().for_each(|id| link.push(id));
            group.push(link);
        } else {
            ids.spans.into_iter().for_each(|id| group.push(id));
            // A link that could not be placed still needs its annotations in the tree.
            ids.annotations.into_iter().for_each(|id| group.push(id));
        }
        tree.push(group);
    }
    tree
}

fn outline(booklet: &Booklet, anchors: &BTreeMap<String, (usize, f32)>) -> Outline {
    let node = |title: &str, key: &str| {
        let &(page, y) = anchors.get(key)?;
        Some(OutlineNode::new(title.to_owned(), XyzDestination::new(page, Point::from_xy(MARGIN, y))))
    };
    let mut outline = Outline::new();
    outline.extend_nodes(node("Contents", "contents"));
    for day in &booklet.days {
        let Some(mut day_node) = node(&day.title, &day.id) else { continue };
        day.sessions.iter().filter_map(|s| node(&s.title, &s.id)).for_each(|n| day_node.push_child(n));
        outline.push_child(day_node);
    }
    outline.extend_nodes(node("Further resources", "further"));
    outline
}

/// Helps push optional nodes.
trait ExtendNodes {
    fn extend_nodes(&mut self, node: Option<OutlineNode>);
}

impl ExtendNodes for Outline {
    fn extend_nodes(&mut self, node: Option<OutlineNode>) {
        if let Some(node) = node {
            self.push_child(node);
        }
    }
}

fn metadata(booklet: &Booklet, language: &str, now: Timestamp) -> Metadata {
    let utc = jiff::tz::TimeZone::UTC.to_datetime(now);
    let date = DateTime::new(u16::try_from(utc.year()).unwrap_or(2000))
        .month(utc.month().unsigned_abs())
        .day(utc.day().unsigned_abs())
        .hour(utc.hour().unsigned_abs())
        .minute(utc.minute().unsigned_abs())
        .second(utc.second().unsigned_abs())
        .utc_offset_hour(0)
        .utc_offset_minute(0);
    Metadata::new()
        .title(booklet.title.clone())
        .language(language.to_owned())
        .authors(vec![booklet.publisher.clone()])
        .creator("hubsite".to_owned())
        .description(format!("{}. {}", booklet.title, booklet.dates))
        .document_id(crate::model::slug::slugify(&format!("{} {}", booklet.publisher, booklet.title)))
        .creation_date(date)
}

/// The booklet as PDF bytes, or why it could not be made.
pub fn render_booklet_pdf(booklet: &Booklet, language: &str, now: Timestamp) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    let placed = layout(&document_items(booklet), &fonts);
    let configuration = ConfigurationBuilder::new().set_validator(Validator::Ua(krilla::configure::Accessibility::UA1)).finish().map_err(|e| format!("{e:?}"))?;
    let settings = SerializeSettings { configuration, enable_tagging: true, ..SerializeSettings::default() };
    let mut document = Document::new_with(settings);
    let ids = draw_pages(&mut document, &placed, &fonts, booklet);
    document.set_outline(outline(booklet, &anchors(&placed)));
    document.set_metadata(metadata(booklet, language, now));
    document.set_tag_tree(tag_tree(&placed, ids, language));
    document.finish().map_err(|e| format!("{e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_and_inside_long_words() {
        let measure = |t: &str| t.chars().count() as f32;
        assert_eq!(wrap("one two three", 7.0, &measure), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4.0, &measure), vec!["abcd", "efgh", "ij"]);
        assert!(wrap("   ", 4.0, &measure).is_empty());
    }

    #[test]
    fn the_built_in_fonts_load_and_measure() {
        let fonts = Fonts::load().unwrap();
        let narrow = fonts.regular.width("iii", 10.0);
        let wide = fonts.regular.width("WWW", 10.0);
        assert!(narrow > 0.0 && wide > narrow);
        assert!(fonts.bold.width("WWW", 10.0) >= wide);
    }
}
