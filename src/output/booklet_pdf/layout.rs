//! Layout of a printed document (the booklet, the directory): blocks of text in reading order,
//! wrapped greedily by the font's advance widths and placed on pages of its paper size. Page
//! breaks come where the document asks and where a page is full; a heading never ends a page
//! (it keeps at least the first lines of what follows, or the whole entry it asks to keep).
//! Drawing, tags and links are the parent module's job; what goes in each document is its
//! own module's (`booklet`, `directory`).

use super::fonts::Fonts;
use crate::model::booklet::{LabelledQr, Paper};
use crate::model::i18n::Direction;

/// The side of a QR code, in points (about 19 mm: scannable from paper).
pub(super) const QR_SIZE: f32 = 54.0;
/// Room kept at the right of a block's text for its QR code.
pub(super) const QR_ROOM: f32 = QR_SIZE + 12.0;
/// Room kept at the right of a contents line for its page number.
const PAGE_NUMBER_ROOM: f32 = 40.0;

/// A page's size and margins, in points, and which way its lines run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Sheet {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) margin: f32,
    /// Right to left: lines start at the right margin, and QR codes and page numbers stand
    /// at the left.
    pub(super) direction: Direction,
}

impl Sheet {
    /// The sheet of a paper size: A4 with 2 cm margins, A5 with 1.27 cm.
    pub(super) fn of(paper: Paper, direction: Direction) -> Sheet {
        let (width, height, margin) = match paper {
            Paper::A4 => (595.28, 841.89, 56.0),
            // Whole points, as poppler and printers' drivers name A5 (420 x 595).
            Paper::A5 => (420.0, 595.0, 36.0),
        };
        Sheet {
            width,
            height,
            margin,
            direction,
        }
    }

    /// Where a line `width` wide starts, `indent` in from the side lines start at.
    pub(super) fn line_x(self, indent: f32, width: f32) -> f32 {
        match self.direction {
            Direction::Ltr => self.margin + indent,
            Direction::Rtl => self.width - self.margin - indent - width,
        }
    }

    /// Where something `width` wide stands at the end of the lines (a QR code, a page
    /// number): the right margin, or the left for right-to-left lines.
    pub(super) fn end_x(self, width: f32) -> f32 {
        match self.direction {
            Direction::Ltr => self.width - self.margin - width,
            Direction::Rtl => self.margin,
        }
    }

    /// The lowest baseline text may reach (the footer is below it).
    pub(super) fn bottom(self) -> f32 {
        self.height - self.margin - 20.0
    }

    pub(super) fn text_width(self) -> f32 {
        self.width - 2.0 * self.margin
    }
}

/// How a block of text looks (`fonts::STYLES` counts them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Style {
    Title,
    Heading2,
    Heading3,
    Heading4,
    Body,
    Strong,
    Small,
}

impl Style {
    pub(super) fn size(self) -> f32 {
        match self {
            Style::Title => 22.0,
            Style::Heading2 => 17.0,
            Style::Heading3 => 13.0,
            Style::Heading4 => 11.5,
            Style::Body | Style::Strong => 10.5,
            Style::Small => 9.0,
        }
    }

    pub(super) fn bold(self) -> bool {
        !matches!(self, Style::Body | Style::Small)
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
    /// How many of the blocks that follow to keep on this block's page when they fit on one
    /// (a service's whole entry); a heading keeps at least the first lines of the next.
    pub(super) keep_with: usize,
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
            keep_with: 0,
        }
    }

    pub(super) fn p(style: Style, text: impl Into<String>) -> Block {
        Block::new(Role::Paragraph, style, text)
    }

    pub(super) fn space(mut self, points: f32) -> Block {
        self.space_before = points;
        self
    }

    pub(super) fn heading(level: u16, text: impl Into<String>, anchor: &str) -> Block {
        let style = match level {
            1 => Style::Title,
            2 => Style::Heading2,
            3 => Style::Heading3,
            _ => Style::Heading4,
        };
        Block {
            anchor: Some(anchor.to_owned()),
            ..Block::new(Role::Heading(level), style, text)
        }
    }

    pub(super) fn link(mut self, target: LinkTarget) -> Block {
        self.link = Some(target);
        self
    }

    /// The block with room kept at its right for a QR code beside it.
    pub(super) fn beside_qr(mut self) -> Block {
        self.right = QR_ROOM;
        self
    }

    /// Its text as lines on `sheet`.
    fn lines(&self, fonts: &Fonts, sheet: Sheet) -> Vec<String> {
        let reserve = if self.page_of.is_some() {
            PAGE_NUMBER_ROOM
        } else {
            0.0
        };
        wrap(
            &self.text,
            sheet.text_width() - self.indent - reserve - self.right,
            &|t| fonts.width(t, self.style),
        )
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

/// Splits `text` into lines no wider than `width`, breaking at spaces, and inside words (such
/// as long addresses) only when a word alone is too wide. `measure` must add up (a line is as
/// wide as its words and spaces), as [`Fonts::width`] does, so each word is measured once.
pub(super) fn wrap(text: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let space = measure(" ");
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let word_width = measure(word);
        let longer = if line.is_empty() {
            word_width
        } else {
            line_width + space + word_width
        };
        if longer <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_width = longer;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        for c in word.chars() {
            let advance = measure(c.encode_utf8(&mut [0; 4]));
            if line_width + advance > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(c);
            line_width += advance;
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
    sheet: Sheet,
}

impl Cursor {
    fn next_page(&mut self) {
        self.page += 1;
        self.y = self.sheet.margin;
        self.floor = self.sheet.margin;
    }
}

/// The height `block` takes with `lines` of its text, its space before it included, and the
/// QR code beside it.
fn height(block: &Block, lines: usize) -> f32 {
    let text = block.style.leading() * lines as f32 + block.space_before;
    if block.qr.is_some() {
        text.max(QR_SIZE + block.style.leading())
    } else {
        text
    }
}

/// The room block `index` needs on its page before it starts: a heading's with the headings
/// after it and the first lines of the block they lead to (or the whole of the blocks it keeps,
/// when they fit on a page), so that a page never ends with a heading; any other block's first
/// line (or its QR code).
fn room_needed(items: &[Item], index: usize, fonts: &Fonts, sheet: Sheet) -> f32 {
    let Some(Item::Block(block)) = items.get(index) else {
        return 0.0;
    };
    let own = block.lines(fonts, sheet).len();
    if !matches!(block.role, Role::Heading(_)) {
        return height(block, own.min(1)) - block.space_before;
    }
    let mut needed = height(block, own) - block.space_before;
    if let Some(Item::Block(next)) = items.get(index + 1) {
        needed += next.space_before;
        needed += if matches!(next.role, Role::Heading(_)) {
            room_needed(items, index + 1, fonts, sheet)
        } else {
            height(next, next.lines(fonts, sheet).len().min(2)) - next.space_before
        };
    }
    let kept: f32 = items[index + 1..]
        .iter()
        .take(block.keep_with)
        .map_while(|item| match item {
            Item::Block(next) => Some(height(next, next.lines(fonts, sheet).len())),
            Item::PageBreak => None,
        })
        .sum();
    let whole = height(block, own) - block.space_before + kept;
    if whole <= sheet.bottom() - sheet.margin {
        needed.max(whole)
    } else {
        needed
    }
}

/// Places blocks on pages of `sheet`; a heading never ends a page, and a QR code never
/// overlaps another.
pub(super) fn layout(items: &[Item], fonts: &Fonts, sheet: Sheet) -> Vec<Placed> {
    let mut placed = Vec::new();
    let mut at = Cursor {
        page: 0,
        y: sheet.margin,
        floor: sheet.margin,
        sheet,
    };
    for (index, item) in items.iter().enumerate() {
        let block = match item {
            Item::PageBreak => {
                at.next_page();
                continue;
            }
            Item::Block(block) => block,
        };
        let (size, leading) = (block.style.size(), block.style.leading());
        if at.y > sheet.margin {
            at.y += block.space_before;
        }
        if block.qr.is_some() || block.right == 0.0 {
            at.y = at.y.max(at.floor);
        }
        if at.y > sheet.margin && at.y + room_needed(items, index, fonts, sheet) > sheet.bottom() {
            at.next_page();
        }
        // Text that starts below the QR code beside it takes the whole width.
        let below_qr;
        let block = if block.qr.is_none() && block.right > 0.0 && at.y >= at.floor {
            below_qr = Block {
                right: 0.0,
                ..block.clone()
            };
            &below_qr
        } else {
            block
        };
        let texts = block.lines(fonts, sheet);
        let mut lines = Vec::new();
        for text in texts {
            if at.y + leading > sheet.bottom() {
                at.next_page();
            }
            at.y += leading;
            let width = fonts.width(&text, block.style);
            lines.push(Line {
                page: at.page,
                x: sheet.line_x(block.indent, width),
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

/// A contents or index line: a link to `key`, with the page it is on at the right.
pub(super) fn contents_line(title: &str, key: &str, indent: f32, style: Style) -> Block {
    Block {
        indent,
        space_before: if indent == 0.0 { 6.0 } else { 1.0 },
        link: Some(LinkTarget::Internal(key.to_owned())),
        page_of: Some(key.to_owned()),
        ..Block::p(style, title)
    }
}

/// A part of the contents: its line, then a line for each of its `(title, key)` entries.
pub(super) fn contents_group<'a>(
    title: &str,
    key: &str,
    entries: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<Block> {
    std::iter::once(contents_line(title, key, 0.0, Style::Strong))
        .chain(entries.map(|(title, key)| contents_line(title, key, 14.0, Style::Body)))
        .collect()
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

    /// Categories (H3) each leading to entries (H4 keeping their facts), of varied lengths.
    fn entries(count: usize) -> Vec<Item> {
        let mut items = Vec::new();
        for n in 0..count {
            if n % 4 == 0 {
                items.push(Item::Block(Block::heading(3, "Category", "c").space(14.0)));
            }
            let facts: Vec<Block> = (0..3 + n % 9)
                .map(|_| Block::p(Style::Body, "A fact about the service. ".repeat(1 + n % 3)))
                .collect();
            let mut name = Block::heading(4, format!("Service {n}"), "s").space(12.0);
            name.keep_with = facts.len();
            items.push(Item::Block(name));
            items.extend(facts.into_iter().map(Item::Block));
        }
        items
    }

    #[test]
    fn a_heading_never_ends_a_page_and_an_entry_that_fits_stays_on_one() {
        let fonts = Fonts::load(Direction::Ltr).unwrap();
        for paper in [Paper::A5, Paper::A4] {
            let placed = layout(&entries(120), &fonts, Sheet::of(paper, Direction::Ltr));
            assert!(placed.last().unwrap().lines[0].page > 10, "many pages");
            for (i, p) in placed.iter().enumerate() {
                let Role::Heading(_) = p.block.role else {
                    continue;
                };
                let heading_page = p.lines.last().unwrap().page;
                assert_eq!(
                    placed[i + 1].lines[0].page,
                    heading_page,
                    "{paper:?}: `{}` is left at the foot of page {heading_page}",
                    p.block.text
                );
                let kept = &placed[i + 1..=i + p.block.keep_with];
                assert!(
                    kept.iter()
                        .flat_map(|k| &k.lines)
                        .all(|l| l.page == heading_page),
                    "{paper:?}: `{}` is split across pages",
                    p.block.text
                );
            }
        }
    }
}
