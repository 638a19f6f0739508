//! Layout of the booklet PDF: the booklet as blocks of text in reading order, wrapped greedily
//! by the font's advance widths and placed on A4 pages (each day on a new page; a heading never
//! ends a page). Drawing, tags and links are the parent module's job.

use krilla::text::Font;

use super::PdfError;

use crate::model::booklet::{Booklet, BookletSession, LabelledQr, PrintedLink};

pub(super) const PAGE_WIDTH: f32 = 595.28;
pub(super) const PAGE_HEIGHT: f32 = 841.89;
pub(super) const MARGIN: f32 = 56.0;
pub(super) const BOTTOM: f32 = PAGE_HEIGHT - MARGIN - 20.0;
pub(super) const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// The side of a material's QR code, in points (about 19 mm: scannable from paper).
pub(super) const QR_SIZE: f32 = 54.0;
/// Room kept at the right of a material's text for its QR code.
const QR_ROOM: f32 = QR_SIZE + 12.0;

/// How a block of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Style {
    Title,
    Day,
    Session,
    Body,
    Strong,
    Small,
}

impl Style {
    pub(super) fn size(self) -> f32 {
        match self {
            Style::Title => 22.0,
            Style::Day => 17.0,
            Style::Session => 13.0,
            Style::Body | Style::Strong => 10.5,
            Style::Small => 9.0,
        }
    }

    pub(super) fn bold(self) -> bool {
        matches!(
            self,
            Style::Title | Style::Day | Style::Session | Style::Strong
        )
    }

    pub(super) fn leading(self) -> f32 {
        self.size() * 1.35
    }
}

/// What a block is, for the tag tree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Role {
    Heading(u16),
    Paragraph,
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum LinkTarget {
    /// Another website.
    Uri(String),
    /// A place in this document, by key.
    Internal(String),
}

/// A block of text before layout.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub(super) role: Role,
    pub(super) style: Style,
    pub(super) text: String,
    pub(super) indent: f32,
    pub(super) space_before: f32,
    pub(super) link: Option<LinkTarget>,
    /// This block is where `key` leads (contents, outline).
    pub(super) anchor: Option<String>,
    /// Show the page of this key at the right (contents lines).
    pub(super) page_of: Option<String>,
    /// Draw this QR code at the right of the block's first line (room is kept even when the
    /// address was too long to encode).
    pub(super) qr: Option<LabelledQr>,
    /// Room to keep free at the right of the lines.
    pub(super) right: f32,
}

impl Block {
    pub(super) fn new(role: Role, style: Style, text: impl Into<String>) -> Block {
        Block {
            role,
            style,
            text: text.into(),
            indent: 0.0,
            space_before: 0.0,
            link: None,
            anchor: None,
            page_of: None,
            qr: None,
            right: 0.0,
        }
    }

    pub(super) fn p(style: Style, text: impl Into<String>) -> Block {
        Block::new(Role::Paragraph, style, text)
    }

    pub(super) fn space(mut self, points: f32) -> Block {
        self.space_before = points;
        self
    }
}

/// The document before layout: blocks, and page breaks between them.
#[derive(Debug, Clone)]
pub(super) enum Item {
    Block(Block),
    PageBreak,
}

/// A line placed on a page.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) page: usize,
    pub(super) x: f32,
    pub(super) baseline: f32,
    pub(super) text: String,
    pub(super) width: f32,
}

/// A block after layout.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    pub(super) block: Block,
    pub(super) lines: Vec<Line>,
}

/// A font with its advance widths.
pub(super) struct FontFace {
    pub(super) font: Font,
    pub(super) face: ttf_parser::Face<'static>,
}

impl FontFace {
    pub(super) fn load(name: &'static str) -> Result<FontFace, PdfError> {
        let bytes = crate::load::theme::built_in_font(name).ok_or(PdfError::NoFont(name))?;
        let face = ttf_parser::Face::parse(bytes, 0)
            .map_err(|source| PdfError::BadFont { name, source })?;
        let font = Font::new(bytes.into(), 0).ok_or(PdfError::UnusableFont(name))?;
        Ok(FontFace { font, face })
    }

    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        let upem = f32::from(self.face.units_per_em());
        let fallback = self.face.units_per_em() / 2;
        let units: u32 = text
            .chars()
            .map(|c| {
                u32::from(
                    self.face
                        .glyph_index(c)
                        .and_then(|g| self.face.glyph_hor_advance(g))
                        .unwrap_or(fallback),
                )
            })
            .sum();
        units as f32 * size / upem
    }
}

/// The two faces the booklet uses.
pub(super) struct Fonts {
    pub(super) regular: FontFace,
    pub(super) bold: FontFace,
}

impl Fonts {
    pub(super) fn load() -> Result<Fonts, PdfError> {
        Ok(Fonts {
            regular: FontFace::load("DejaVuSans.ttf")?,
            bold: FontFace::load("DejaVuSans-Bold.ttf")?,
        })
    }

    pub(super) fn face(&self, style: Style) -> &FontFace {
        if style.bold() {
            &self.bold
        } else {
            &self.regular
        }
    }
}

/// Splits `text` into lines no wider than `width`, breaking at spaces, and inside words (such
/// as long addresses) only when a word alone is too wide.
pub(super) fn wrap(text: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
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

/// Where the next line goes.
struct Cursor {
    page: usize,
    y: f32,
    /// The bottom of the last QR code on this page: what follows a material starts below it.
    floor: f32,
}

impl Cursor {
    fn next_page(&mut self) {
        self.page += 1;
        self.y = MARGIN;
        self.floor = MARGIN;
    }
}

/// Places blocks on pages; a heading never ends a page, and a QR code never overlaps another.
pub(super) fn layout(items: &[Item], fonts: &Fonts) -> Vec<Placed> {
    let mut placed = Vec::new();
    let mut at = Cursor {
        page: 0,
        y: MARGIN,
        floor: MARGIN,
    };
    for item in items {
        let block = match item {
            Item::PageBreak => {
                at.next_page();
                continue;
            }
            Item::Block(block) => block,
        };
        let (face, size, leading) = (
            fonts.face(block.style),
            block.style.size(),
            block.style.leading(),
        );
        let reserve = if block.page_of.is_some() { 40.0 } else { 0.0 };
        let texts = wrap(
            &block.text,
            TEXT_WIDTH - block.indent - reserve - block.right,
            &|t| face.width(t, size),
        );
        let needed = match (block.role, &block.qr) {
            (Role::Heading(_), _) => leading * texts.len() as f32 + 60.0,
            (Role::Paragraph, Some(_)) => QR_SIZE + leading,
            (Role::Paragraph, None) => leading,
        };
        if at.y > MARGIN {
            at.y += block.space_before;
        }
        if block.qr.is_some() || block.right == 0.0 {
            at.y = at.y.max(at.floor);
        }
        if at.y + needed > BOTTOM {
            at.next_page();
        }
        let mut lines = Vec::new();
        for text in texts {
            if at.y + leading > BOTTOM {
                at.next_page();
            }
            at.y += leading;
            let width = face.width(&text, size);
            lines.push(Line {
                page: at.page,
                x: MARGIN + block.indent,
                baseline: at.y - leading * 0.25,
                text,
                width,
            });
        }
        if let (Some(first), Some(_)) = (lines.first().filter(|l| l.page == at.page), &block.qr) {
            at.floor = first.baseline - size + QR_SIZE + 6.0;
        }
        placed.push(Placed {
            block: block.clone(),
            lines,
        });
    }
    placed
}

pub(super) fn material_blocks(link: &PrintedLink, indent: f32) -> Vec<Block> {
    let m = &link.material;
    let at = |block: Block| Block {
        indent,
        right: QR_ROOM,
        ..block
    };
    let mut title = at(Block::p(Style::Strong, &m.title).space(10.0));
    title.link = Some(LinkTarget::Uri(m.url.clone()));
    title.qr = Some(link.qr.clone());
    let mut facts = vec![m.kind.to_owned()];
    facts.extend(m.duration.clone());
    facts.extend(m.source.as_ref().map(|s| format!("from {s}")));
    let mut blocks = vec![title, at(Block::p(Style::Small, facts.join(", ")))];
    if let Some(description) = &m.description {
        blocks.push(at(Block::p(Style::Body, description)));
    }
    let mut address = at(Block::p(Style::Small, &link.short_url));
    address.link = Some(LinkTarget::Uri(m.url.clone()));
    blocks.push(address);
    blocks
}

pub(super) fn session_blocks(session: &BookletSession) -> Vec<Block> {
    let mut heading = Block::new(Role::Heading(3), Style::Session, &session.title).space(14.0);
    heading.anchor = Some(session.id.clone());
    let mut blocks = vec![
        heading,
        Block::p(
            Style::Small,
            format!("{}. {}.", session.time, session.format),
        ),
    ];
    if session.cancelled {
        blocks.push(Block::p(Style::Strong, "This session was cancelled."));
    }
    if !session.summary.is_empty() {
        blocks.push(Block::p(Style::Body, &session.summary).space(2.0));
    }
    if !session.hosts.is_empty() {
        blocks.push(
            Block::p(Style::Body, format!("Led by {}.", session.hosts.join("; "))).space(2.0),
        );
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
pub(super) fn document_items(booklet: &Booklet) -> Vec<Item> {
    let mut items = vec![Item::Block(Block::new(
        Role::Heading(1),
        Style::Title,
        &booklet.title,
    ))];
    let mut cover = vec![Block::p(Style::Strong, &booklet.dates).space(6.0)];
    cover.extend(
        booklet
            .theme
            .as_ref()
            .map(|t| Block::p(Style::Body, format!("Theme: {t}"))),
    );
    cover.push(Block::p(
        Style::Small,
        format!(
            "Published by {}. The programme online: {}",
            booklet.publisher, booklet.programme_short_url
        ),
    ));
    cover.extend(
        booklet
            .introduction
            .iter()
            .map(|p| Block::p(Style::Body, p).space(8.0)),
    );
    let mut contents = Block::new(Role::Heading(2), Style::Day, "Contents").space(18.0);
    contents.anchor = Some("contents".into());
    cover.push(contents);
    for day in &booklet.days {
        cover.push(contents_line(&day.title, &day.id, 0.0, Style::Strong));
        cover.extend(
            day.sessions
                .iter()
                .map(|s| contents_line(&s.title, &s.id, 14.0, Style::Body)),
        );
    }
    if !booklet.further.is_empty() {
        cover.push(contents_line(
            "Further resources",
            "further",
            0.0,
            Style::Strong,
        ));
    }
    items.extend(cover.into_iter().map(Item::Block));
    for day in &booklet.days {
        items.push(Item::PageBreak);
        let mut heading = Block::new(Role::Heading(2), Style::Day, &day.title);
        heading.anchor = Some(day.id.clone());
        items.push(Item::Block(heading));
        items.extend(
            day.sessions
                .iter()
                .flat_map(session_blocks)
                .map(Item::Block),
        );
    }
    if !booklet.further.is_empty() {
        items.push(Item::PageBreak);
        let mut heading = Block::new(Role::Heading(2), Style::Day, "Further resources");
        heading.anchor = Some("further".into());
        items.push(Item::Block(heading));
        items.push(Item::Block(Block::p(
            Style::Body,
            "More from the resource library on the topics of this week.",
        )));
        items.extend(
            booklet
                .further
                .iter()
                .flat_map(|l| material_blocks(l, 0.0))
                .map(Item::Block),
        );
    }
    items
}

pub(super) fn contents_line(title: &str, key: &str, indent: f32, style: Style) -> Block {
    Block {
        indent,
        space_before: if indent == 0.0 { 6.0 } else { 1.0 },
        link: Some(LinkTarget::Internal(key.to_owned())),
        page_of: Some(key.to_owned()),
        ..Block::p(style, title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_and_inside_long_words() {
        let measure = |t: &str| t.chars().count() as f32;
        assert_eq!(
            wrap("one two three", 7.0, &measure),
            vec!["one two", "three"]
        );
        assert_eq!(
            wrap("abcdefghij", 4.0, &measure),
            vec!["abcd", "efgh", "ij"]
        );
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
