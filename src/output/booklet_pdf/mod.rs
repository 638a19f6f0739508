//! Printed documents as PDFs, made by the build itself with krilla (see `docs/booklet.md` for
//! why): the week's booklet (A4) and the directory of local support (A5 and A4). Selectable
//! text in an embedded, subsetted font, a contents list and an outline (bookmarks, from the
//! headings) that lead to each part, working links, QR codes, page numbers, title and language
//! metadata, and a tag tree validated as PDF/UA-1 for screen readers.
//!
//! Each document is made into blocks of text by its own module (`booklet`, `directory`), laid
//! out by `layout` (wrapped greedily by the font's advance widths) and drawn here. The output
//! is a pure function of the document and `now`.

use std::collections::BTreeMap;
use std::num::NonZeroU16;

use jiff::Timestamp;
use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::configure::{ConfigurationBuilder, Validator};
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic};
use crate::model::Site;
use crate::model::booklet::{Paper, pdf_path};
use crate::model::i18n::{ArgValue, Direction, Words};
use crate::qr::QrCode;
use fonts::Fonts;
use layout::{Item, LinkTarget, Placed, QR_SIZE, Role, Sheet, Style, layout};

mod booklet;
mod directory;
mod fonts;
mod layout;
mod runs;

pub use directory::{print_directory, print_directory_then};

/// A document ready to lay out and print.
struct Printable {
    /// Its title: metadata and every page's footer.
    title: String,
    /// Who publishes it: the author in the metadata.
    publisher: String,
    /// One sentence about it, for the metadata.
    description: String,
    paper: Paper,
    /// Its blocks and page breaks, in reading order.
    items: Vec<Item>,
}

/// Where each anchor is: page and top of its first line.
fn anchors(placed: &[Placed]) -> Anchors {
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
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// Draws one line of text, tagged as a span or as an artifact.
fn draw_run(
    surface: &mut Surface,
    fonts: &Fonts,
    style: Style,
    at: Point,
    text: &str,
    tag: ContentTag,
) -> Identifier {
    let id = surface.start_tagged(tag);
    fonts.draw(surface, style, at, text);
    surface.end_tagged();
    id
}

/// Tag-tree identifiers of one block: its text, its link annotations and its QR code.
#[derive(Default)]
struct BlockIds {
    spans: Vec<Identifier>,
    annotations: Vec<Identifier>,
    qr: Option<Identifier>,
}

/// Draws a QR code with its top right corner at (`right`, `top`), as a figure.
fn draw_qr(surface: &mut Surface, code: &QrCode, right: f32, top: f32) -> Option<Identifier> {
    let unit = QR_SIZE / (code.width() + 2) as f32;
    let mut path = PathBuilder::new();
    for (y, x, run) in code.dark_runs() {
        path.push_rect(Rect::from_xywh(x as f32, y as f32, run as f32, 1.0)?);
    }
    let path = path.finish()?;
    surface.set_fill(Some(fill((0, 0, 0))));
    let id = surface.start_tagged(ContentTag::Other);
    // Drawn in module units and scaled once: whole-number coordinates keep the page small.
    surface.push_transform(&Transform::from_row(
        unit,
        0.0,
        0.0,
        unit,
        right - QR_SIZE + unit,
        top + unit,
    ));
    surface.draw_path(&path);
    surface.pop();
    surface.end_tagged();
    Some(id)
}

fn link_target(link: &LinkTarget, anchors: &Anchors, sheet: Sheet) -> Option<Target> {
    match link {
        LinkTarget::Uri(uri) => Some(Target::Action(LinkAction::new(uri.clone()).into())),
        LinkTarget::Internal(key) => {
            let &(page, y) = anchors.get(key)?;
            Some(Target::Destination(Destination::Xyz(XyzDestination::new(
                page,
                Point::from_xy(sheet.margin, y),
            ))))
        }
    }
}

/// Where each anchor is, by key.
type Anchors = BTreeMap<String, (usize, f32)>;

const TEXT_COLOUR: (u8, u8, u8) = (11, 12, 12);
const LINK_BLUE: (u8, u8, u8) = (29, 78, 216);

/// Draws the text of page `index`: every line placed there, and contents lines' page numbers.
fn draw_page_text(
    surface: &mut Surface,
    (placed, on_page): (&[Placed], &[usize]),
    (index, sheet): (usize, Sheet),
    fonts: &Fonts,
    anchors: &Anchors,
    ids: &mut [BlockIds],
) {
    for &i in on_page {
        let p = &placed[i];
        let style = p.block.style;
        for line in p.lines.iter().filter(|l| l.page == index) {
            surface.set_fill(Some(fill(if p.block.link.is_some() {
                LINK_BLUE
            } else {
                TEXT_COLOUR
            })));
            let at = Point::from_xy(line.x, line.baseline);
            ids[i].spans.push(draw_run(
                surface,
                fonts,
                style,
                at,
                &line.text,
                ContentTag::Span(SpanTag::empty()),
            ));
        }
        let first = p.lines.first().filter(|l| l.page == index);
        let code = p.block.qr.as_ref().and_then(|qr| qr.code.as_deref());
        if let (Some(first), Some(code)) = (first, code) {
            ids[i].qr = draw_qr(
                surface,
                code,
                sheet.end_x(QR_SIZE) + QR_SIZE,
                first.baseline - p.block.style.size(),
            );
        }
        let target = p.block.page_of.as_ref().and_then(|key| anchors.get(key));
        if let (Some(first), Some(&(target, _))) = (first, target) {
            let number = (target + 1).to_string();
            let at = Point::from_xy(sheet.end_x(fonts.width(&number, style)), first.baseline);
            surface.set_fill(Some(fill(TEXT_COLOUR)));
            ids[i].spans.push(draw_run(
                surface,
                fonts,
                style,
                at,
                &number,
                ContentTag::Span(SpanTag::empty()),
            ));
        }
    }
}

/// The footer: the booklet's title and the page number, marked as an artifact.
fn draw_footer(surface: &mut Surface, fonts: &Fonts, sheet: Sheet, text: &str) {
    surface.set_fill(Some(fill((80, 90, 95))));
    surface.start_tagged(ContentTag::Artifact(Artifact::new(
        ArtifactType::Footer,
        None,
    )));
    let x = sheet.line_x(0.0, fonts.width(text, Style::Small));
    let at = Point::from_xy(x, sheet.height - sheet.margin + 12.0);
    fonts.draw(surface, Style::Small, at, text);
    surface.end_tagged();
}

/// A link annotation over every line of a linked block on page `index`.
fn add_links(
    page: &mut krilla::page::Page,
    (placed, on_page): (&[Placed], &[usize]),
    ((index, sheet), words): ((usize, Sheet), &Words),
    anchors: &Anchors,
    ids: &mut [BlockIds],
) {
    for &i in on_page {
        let p = &placed[i];
        let Some(link) = &p.block.link else { continue };
        let alt = match link {
            LinkTarget::Uri(uri) => format!("{} ({uri})", p.block.text),
            LinkTarget::Internal(_) => words.t_with(
                "pdf-go-to",
                &[("title", ArgValue::Text(p.block.text.clone()))],
            ),
        };
        let size = p.block.style.size();
        for line in p.lines.iter().filter(|l| l.page == index) {
            let Some(target) = link_target(link, anchors, sheet) else {
                continue;
            };
            let Some(rect) = Rect::from_xywh(
                line.x,
                line.baseline - size,
                line.width.max(1.0),
                size * 1.3,
            ) else {
                continue;
            };
            let annotation =
                Annotation::new_link(LinkAnnotation::new(rect, target), Some(alt.clone()));
            ids[i]
                .annotations
                .push(page.add_tagged_annotation(annotation));
        }
    }
}

/// Draws every page; returns each block's identifiers for the tag tree.
fn draw_pages(
    document: &mut Document,
    placed: &[Placed],
    fonts: &Fonts,
    printable: &Printable,
    words: &Words,
) -> Vec<BlockIds> {
    let sheet = Sheet::of(printable.paper, fonts.direction());
    let anchors = anchors(placed);
    let pages = placed
        .iter()
        .flat_map(|p| p.lines.iter().map(|l| l.page))
        .max()
        .map_or(1, |last| last + 1);
    // The blocks with a line on each page, in order: drawing a page looks only at its own.
    let mut on_page: Vec<Vec<usize>> = vec![Vec::new(); pages];
    for (i, p) in placed.iter().enumerate() {
        let mut seen = p.lines.iter().map(|l| l.page).collect::<Vec<_>>();
        seen.dedup();
        seen.into_iter().for_each(|page| on_page[page].push(i));
    }
    let mut ids: Vec<BlockIds> = placed.iter().map(|_| BlockIds::default()).collect();
    for (index, blocks_on_page) in on_page.iter().enumerate() {
        let blocks = (placed, blocks_on_page.as_slice());
        let settings = PageSettings::from_wh(sheet.width, sheet.height).unwrap_or_default();
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let at = (index, sheet);
        draw_page_text(&mut surface, blocks, at, fonts, &anchors, &mut ids);
        draw_footer(
            &mut surface,
            fonts,
            sheet,
            &format!(
                "{}   {}",
                printable.title,
                words.t_with(
                    "pdf-page-of",
                    &[
                        ("page", ArgValue::Number((index + 1) as f64)),
                        ("pages", ArgValue::Number(pages as f64)),
                    ],
                )
            ),
        );
        surface.finish();
        add_links(&mut page, blocks, (at, words), &anchors, &mut ids);
        page.finish();
    }
    ids
}

fn tag_tree(placed: &[Placed], ids: Vec<BlockIds>, language: &str) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(language.to_owned()));
    for (p, ids) in placed.iter().zip(ids) {
        let tag: TagKind = match p.block.role {
            Role::Heading(level) => Tag::Hn(
                NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN),
                Some(p.block.text.clone()),
            )
            .into(),
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
        if let (Some(qr), Some(code)) = (ids.qr, &p.block.qr) {
            let alt = code.label.clone();
            tree.push(TagGroup::with_children(
                Tag::Figure(Some(alt)),
                vec![qr.into()],
            ));
        }
    }
    tree
}

/// The outline (bookmarks): every heading with an anchor, nested by level.
fn outline(placed: &[Placed], anchors: &Anchors, sheet: Sheet) -> Outline {
    let mut outline = Outline::new();
    let mut open: Vec<(u16, OutlineNode)> = Vec::new();
    let close = |open: &mut Vec<(u16, OutlineNode)>, outline: &mut Outline| {
        if let Some((_, node)) = open.pop() {
            match open.last_mut() {
                Some((_, parent)) => parent.push_child(node),
                None => outline.push_child(node),
            }
        }
    };
    for p in placed {
        let Role::Heading(level) = p.block.role else {
            continue;
        };
        let Some(&(page, y)) = p.block.anchor.as_ref().and_then(|key| anchors.get(key)) else {
            continue;
        };
        while open
            .last()
            .is_some_and(|(open_level, _)| *open_level >= level)
        {
            close(&mut open, &mut outline);
        }
        let destination = XyzDestination::new(page, Point::from_xy(sheet.margin, y));
        open.push((level, OutlineNode::new(p.block.text.clone(), destination)));
    }
    while !open.is_empty() {
        close(&mut open, &mut outline);
    }
    outline
}

fn metadata(printable: &Printable, language: &str, now: Timestamp) -> Metadata {
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
        .title(printable.title.clone())
        .language(language.to_owned())
        .authors(vec![printable.publisher.clone()])
        .creator("hubsite".to_owned())
        .description(printable.description.clone())
        .document_id(crate::model::slug::slugify(&format!(
            "{} {} {}",
            printable.publisher,
            printable.title,
            printable.paper.label()
        )))
        .creation_date(date)
}

/// A printed document: where it goes and its bytes.
pub struct PrintedPdf {
    /// Its path in the output folder: `sessions/2024/booklet.pdf`.
    pub path: String,
    /// The PDF.
    pub bytes: Vec<u8>,
    /// The week's file, for messages.
    pub origin: String,
}

/// Prints every booklet of the site as a PDF beside its page, across cores (each takes a
/// while), handing each to `then` as soon as it is printed (a build writes it at once rather
/// than holding every PDF until the last is made); a booklet that cannot be made is a
/// located problem on its week.
pub fn print_booklets<T: Send>(
    site: &Site,
    then: &(dyn Fn(PrintedPdf) -> T + Sync),
) -> Vec<Result<T, Diagnostic>> {
    site.booklets
        .par_iter()
        .map(|booklet| print_booklet(site, booklet).map(then))
        .collect()
}

/// Prints one booklet of `site` (`serve` prints again only the booklets of edited weeks).
pub fn print_booklet(
    site: &Site,
    booklet: &crate::model::booklet::Booklet,
) -> Result<PrintedPdf, Diagnostic> {
    let week = &site.weeks[booklet.week];
    let origin = week.source.to_string_lossy();
    let printable = booklet::printable(booklet, &site.words());
    print_pdf(site, &printable, &pdf_path(week), &origin)
}

/// Prints `printable` for `site` as the file at `site_path`; a PDF that cannot be made (a
/// fault of hubsite's) is a problem on `origin`, the file it was made from.
fn print_pdf(
    site: &Site,
    printable: &Printable,
    site_path: &str,
    origin: &str,
) -> Result<PrintedPdf, Diagnostic> {
    let bytes = render_pdf(printable, &site.words(), site.now).map_err(|error| {
        Diagnostic::file(
            origin,
            format!(
                "{} could not be made: {}",
                site_path.trim_start_matches('/'),
                crate::error::full_message(&error)
            ),
        )
        .code(Code::Internal)
    })?;
    Ok(PrintedPdf {
        path: site_path.trim_start_matches('/').to_owned(),
        bytes,
        origin: origin.to_owned(),
    })
}

/// Why a booklet's PDF could not be made: a fault of hubsite's, never of the site's files.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font the booklet uses is missing from the built-in theme.
    #[error("the theme has no font {0}")]
    NoFont(&'static str),
    /// A built-in font could not be read.
    #[error("{name}")]
    BadFont {
        /// The font's file name.
        name: &'static str,
        /// What the font parser said.
        #[source]
        source: ttf_parser::FaceParsingError,
    },
    /// krilla cannot draw with a built-in font.
    #[error("{0} is not a usable font")]
    UnusableFont(&'static str),
    /// krilla refused the configuration (its error has no `Display`).
    #[error("{0:?}")]
    Configuration(krilla::configure::ConfigurationError),
    /// krilla could not write the document. Shown as `Debug`, which lists each validation
    /// error where `Display` only counts them; so it is not also a `#[source]`, which would
    /// print it twice.
    #[error("{0:?}")]
    Write(krilla::error::KrillaError),
}

/// A document as PDF bytes, or why it could not be made.
fn render_pdf(printable: &Printable, words: &Words, now: Timestamp) -> Result<Vec<u8>, PdfError> {
    let language = words.language();
    let direction = Direction::of(language);
    let fonts = Fonts::shared(direction)?;
    let sheet = Sheet::of(printable.paper, direction);
    let placed = layout(&printable.items, &fonts, sheet);
    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::Ua(krilla::configure::Accessibility::UA1))
        .finish()
        .map_err(PdfError::Configuration)?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let ids = draw_pages(&mut document, &placed, &fonts, printable, words);
    document.set_outline(outline(&placed, &anchors(&placed), sheet));
    document.set_metadata(metadata(printable, language, now));
    document.set_tag_tree(tag_tree(&placed, ids, language));
    document.finish().map_err(PdfError::Write)
}
