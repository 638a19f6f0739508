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
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic};
use crate::model::Site;
use crate::model::booklet::{Booklet, pdf_path};
use crate::qr::QrCode;
use layout::{
    Fonts, LinkTarget, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, Placed, QR_SIZE, Role, Style,
    document_items, layout,
};

mod layout;

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

/// Draws one text run, tagged as a span or as an artifact.
fn draw_run(
    surface: &mut Surface,
    fonts: &Fonts,
    style: Style,
    at: Point,
    text: &str,
    tag: ContentTag,
) -> Identifier {
    let id = surface.start_tagged(tag);
    surface.draw_text(
        at,
        fonts.face(style).font.clone(),
        style.size(),
        text,
        false,
        TextDirection::Auto,
    );
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

fn link_target(link: &LinkTarget, anchors: &Anchors) -> Option<Target> {
    match link {
        LinkTarget::Uri(uri) => Some(Target::Action(LinkAction::new(uri.clone()).into())),
        LinkTarget::Internal(key) => {
            let &(page, y) = anchors.get(key)?;
            Some(Target::Destination(Destination::Xyz(XyzDestination::new(
                page,
                Point::from_xy(MARGIN, y),
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
    placed: &[Placed],
    index: usize,
    fonts: &Fonts,
    anchors: &Anchors,
    ids: &mut [BlockIds],
) {
    for (i, p) in placed.iter().enumerate() {
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
                PAGE_WIDTH - MARGIN,
                first.baseline - p.block.style.size(),
            );
        }
        let target = p.block.page_of.as_ref().and_then(|key| anchors.get(key));
        if let (Some(first), Some(&(target, _))) = (first, target) {
            let number = (target + 1).to_string();
            let at = Point::from_xy(
                PAGE_WIDTH - MARGIN - fonts.face(style).width(&number, style.size()),
                first.baseline,
            );
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
fn draw_footer(surface: &mut Surface, fonts: &Fonts, text: &str) {
    surface.set_fill(Some(fill((80, 90, 95))));
    surface.start_tagged(ContentTag::Artifact(Artifact::new(
        ArtifactType::Footer,
        None,
    )));
    let at = Point::from_xy(MARGIN, PAGE_HEIGHT - MARGIN + 12.0);
    surface.draw_text(
        at,
        fonts.regular.font.clone(),
        Style::Small.size(),
        text,
        false,
        TextDirection::Auto,
    );
    surface.end_tagged();
}

/// A link annotation over every line of a linked block on page `index`.
fn add_links(
    page: &mut krilla::page::Page,
    placed: &[Placed],
    index: usize,
    anchors: &Anchors,
    ids: &mut [BlockIds],
) {
    for (i, p) in placed.iter().enumerate() {
        let Some(link) = &p.block.link else { continue };
        let alt = match link {
            LinkTarget::Uri(uri) => format!("{} ({uri})", p.block.text),
            LinkTarget::Internal(_) => format!("Go to {}", p.block.text),
        };
        let size = p.block.style.size();
        for line in p.lines.iter().filter(|l| l.page == index) {
            let Some(target) = link_target(link, anchors) else {
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
    booklet: &Booklet,
) -> Vec<BlockIds> {
    let anchors = anchors(placed);
    let pages = placed
        .iter()
        .flat_map(|p| p.lines.iter().map(|l| l.page))
        .max()
        .map_or(1, |last| last + 1);
    let mut ids: Vec<BlockIds> = placed.iter().map(|_| BlockIds::default()).collect();
    for index in 0..pages {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).unwrap_or_default();
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        draw_page_text(&mut surface, placed, index, fonts, &anchors, &mut ids);
        draw_footer(
            &mut surface,
            fonts,
            &format!("{}   Page {} of {}", booklet.title, index + 1, pages),
        );
        surface.finish();
        add_links(&mut page, placed, index, &anchors, &mut ids);
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
        if let Some(qr) = ids.qr {
            let alt = format!("QR code for {}", p.block.text);
            tree.push(TagGroup::with_children(
                Tag::Figure(Some(alt)),
                vec![qr.into()],
            ));
        }
    }
    tree
}

fn outline(booklet: &Booklet, anchors: &Anchors) -> Outline {
    let node = |title: &str, key: &str| {
        let &(page, y) = anchors.get(key)?;
        Some(OutlineNode::new(
            title.to_owned(),
            XyzDestination::new(page, Point::from_xy(MARGIN, y)),
        ))
    };
    let mut outline = Outline::new();
    outline.extend_nodes(node("Contents", "contents"));
    for day in &booklet.days {
        let Some(mut day_node) = node(&day.title, &day.id) else {
            continue;
        };
        day.sessions
            .iter()
            .filter_map(|s| node(&s.title, &s.id))
            .for_each(|n| day_node.push_child(n));
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
        .document_id(crate::model::slug::slugify(&format!(
            "{} {}",
            booklet.publisher, booklet.title
        )))
        .creation_date(date)
}

/// A printed booklet: where it goes and its bytes.
pub struct PrintedBooklet {
    /// Its path in the output folder: `sessions/2024/booklet.pdf`.
    pub path: String,
    /// The PDF.
    pub bytes: Vec<u8>,
    /// The week's file, for messages.
    pub origin: String,
}

/// Prints every booklet of the site as a PDF beside its page, across cores (each takes a
/// while); a booklet that cannot be made is a located problem on its week.
pub fn print_booklets(site: &Site) -> Vec<Result<PrintedBooklet, Diagnostic>> {
    let language = &site.config.language;
    site.booklets
        .par_iter()
        .map(|booklet| {
            let week = &site.weeks[booklet.week];
            let bytes = render_booklet_pdf(booklet, language, site.now).map_err(|error| {
                Diagnostic::file(
                    &week.source,
                    format!(
                        "the booklet PDF could not be made: {}",
                        crate::error::full_message(&error)
                    ),
                )
                .code(Code::Internal)
            })?;
            Ok(PrintedBooklet {
                path: pdf_path(week).trim_start_matches('/').to_owned(),
                bytes,
                origin: week.source.to_string_lossy().into_owned(),
            })
        })
        .collect()
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

/// The booklet as PDF bytes, or why it could not be made.
pub fn render_booklet_pdf(
    booklet: &Booklet,
    language: &str,
    now: Timestamp,
) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load()?;
    let placed = layout(&document_items(booklet), &fonts);
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
    let ids = draw_pages(&mut document, &placed, &fonts, booklet);
    document.set_outline(outline(booklet, &anchors(&placed)));
    document.set_metadata(metadata(booklet, language, now));
    document.set_tag_tree(tag_tree(&placed, ids, language));
    document.finish().map_err(PdfError::Write)
}
