//! The faces a printed document draws with, built into the theme (`themes/hub/fonts/`): DejaVu
//! Sans for Latin and most other scripts, Noto Naskh Arabic for Arabic script and Noto Sans
//! Gurmukhi for Punjabi, each regular and bold. A line is measured and drawn run by run (see
//! `runs`); krilla embeds a face, subset to the glyphs drawn, only in a document that draws
//! with it, so an English booklet carries no Arabic font.
//!
//! Runs are shaped here (rustybuzz, each face parsed once and one plan per direction, script and
//! language), and krilla is given the glyphs: its `draw_text` would parse the face and make a
//! plan again for every run it draws. [`FontFace::glyphs`] shapes exactly as `draw_text` does
//! (krilla's `naive_shape`), so the PDF is the same byte for byte.

use krilla::geom::Point;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph, TextDirection};
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use super::PdfError;
use super::layout::Style;
use super::runs::{Run, Script, is_plain, visual_runs};
use crate::model::i18n::Direction;

/// A font with its advance widths and its shaper.
pub(super) struct FontFace {
    pub(super) font: Font,
    face: ttf_parser::Face<'static>,
    /// The same font for rustybuzz, which shapes what the other faces draw.
    shaper: rustybuzz::Face<'static>,
    /// The advances of the ASCII characters, looked up once: most text is ASCII, and wrapping
    /// measures every character.
    ascii: [u16; 128],
    /// Shaping plans by the properties of the text they shape (direction, script, language):
    /// making a plan costs far more than shaping a word with it, and wrapping measures every
    /// word.
    plans: Mutex<Vec<PlanFor>>,
    /// Runs shaped left to right (`[0]`) and right to left (`[1]`), by their text: wrapping
    /// measures each word, and drawing shapes the same words again (in a right-to-left line
    /// each word is a run of its own, spaces being Latin), so a word is shaped once. `[2]`:
    /// plain Latin lines shaped in the direction guessed from them, as they are drawn: the
    /// documents sharing these faces ([`Fonts::shared`]: `serve` prints the directory again
    /// after each edit of a service or topic) draw mostly the same lines.
    shaped: Mutex<[FxHashMap<Box<str>, Arc<Shaped>>; 3]>,
}

/// How many runs a face remembers in each direction's memo before it starts again.
const SHAPED_KEPT: usize = 16_384;

/// A shaping plan and the text properties it was made for.
type PlanFor = (
    (
        rustybuzz::Direction,
        Option<rustybuzz::Script>,
        Option<rustybuzz::Language>,
    ),
    Arc<rustybuzz::ShapePlan>,
);

/// A run of text shaped, and the direction it was shaped in.
pub(super) struct Shaped {
    buffer: rustybuzz::GlyphBuffer,
    direction: rustybuzz::Direction,
}

impl FontFace {
    pub(super) fn load(name: &'static str) -> Result<FontFace, PdfError> {
        let bytes = crate::load::theme::built_in_font(name).ok_or(PdfError::NoFont(name))?;
        let face = ttf_parser::Face::parse(bytes, 0)
            .map_err(|source| PdfError::BadFont { name, source })?;
        let shaper = rustybuzz::Face::from_slice(bytes, 0).ok_or(PdfError::UnusableFont(name))?;
        let font = Font::new(bytes.into(), 0).ok_or(PdfError::UnusableFont(name))?;
        let mut ascii = [0; 128];
        for (c, advance) in (0u8..).zip(ascii.iter_mut()) {
            *advance = advance_of(&face, char::from(c));
        }
        Ok(FontFace {
            font,
            face,
            shaper,
            ascii,
            plans: Mutex::default(),
            shaped: Mutex::default(),
        })
    }

    /// The width of `text` at `size`: the sum of its characters' advances (no kerning, so
    /// the width of a line is the sum of its words' and spaces').
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                u32::from(match self.ascii.get(c as usize) {
                    Some(&advance) => advance,
                    None => advance_of(&self.face, c),
                })
            })
            .sum();
        self.points(units as f32, size)
    }

    /// The width of `text` shaped in direction `rtl` at `size` (joined forms and ligatures
    /// are narrower or wider than the letters alone), shaped as it is drawn.
    fn shaped_width(&self, text: &str, rtl: bool, size: f32) -> f32 {
        self.shaped_points(&self.shaped_run(text, rtl), size)
    }

    /// `text` shaped in direction `rtl`, shaped once for the document (see `shaped`).
    fn shaped_run(&self, text: &str, rtl: bool) -> Arc<Shaped> {
        let direction = if rtl {
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        };
        self.shaped_once(text, usize::from(rtl), direction)
    }

    /// A plain Latin line shaped as krilla's `draw_text` shapes it (the direction guessed),
    /// shaped once while these faces are shared (see `shaped`).
    fn shaped_plain(&self, text: &str) -> Arc<Shaped> {
        self.shaped_once(text, 2, TextDirection::Auto)
    }

    /// `text` shaped in `direction`, remembered in `shaped[slot]`: the shaping is a function
    /// of the text and the direction alone, so whoever shapes it first, it is the same.
    fn shaped_once(&self, text: &str, slot: usize, direction: TextDirection) -> Arc<Shaped> {
        let known = self.shaped.lock().unwrap_or_else(|e| e.into_inner())[slot]
            .get(text)
            .cloned();
        known.unwrap_or_else(|| {
            let shaped = Arc::new(self.shape(text, direction));
            let mut memo = self.shaped.lock().unwrap_or_else(|e| e.into_inner());
            // Bounded: faces shared for hours of `serve` forget what they shaped past the cap
            // (shaped again when next drawn: the same glyphs).
            if memo[slot].len() >= SHAPED_KEPT {
                memo[slot].clear();
            }
            memo[slot].insert(text.into(), Arc::clone(&shaped));
            shaped
        })
    }

    /// The sum of `shaped`'s advances at `size`.
    fn shaped_points(&self, shaped: &Shaped, size: f32) -> f32 {
        let units: i32 = shaped
            .buffer
            .glyph_positions()
            .iter()
            .map(|p| p.x_advance)
            .sum();
        self.points(units as f32, size)
    }

    /// `text` shaped as krilla's `draw_text` shapes it: rustybuzz, the script guessed from
    /// the text, the direction given (or guessed for `Auto`), no extra features.
    fn shape(&self, text: &str, direction: TextDirection) -> Shaped {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        match direction {
            TextDirection::LeftToRight => buffer.set_direction(rustybuzz::Direction::LeftToRight),
            TextDirection::RightToLeft => buffer.set_direction(rustybuzz::Direction::RightToLeft),
            TextDirection::TopToBottom => buffer.set_direction(rustybuzz::Direction::TopToBottom),
            TextDirection::BottomToTop => buffer.set_direction(rustybuzz::Direction::BottomToTop),
            TextDirection::Auto => {}
        }
        // What `rustybuzz::shape` does, with the plan made once for text of these properties.
        // A text with no letter of any script has none (`script()` says UNKNOWN, which guessing
        // never sets).
        let script = Some(buffer.script()).filter(|s| *s != rustybuzz::script::UNKNOWN);
        let direction = buffer.direction();
        let key = (direction, script, buffer.language());
        let plan = {
            let mut plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
            match plans.iter().find(|(k, _)| *k == key) {
                Some((_, plan)) => Arc::clone(plan),
                None => {
                    let plan = Arc::new(rustybuzz::ShapePlan::new(
                        &self.shaper,
                        key.0,
                        key.1,
                        key.2.as_ref(),
                        &[],
                    ));
                    plans.push((key, Arc::clone(&plan)));
                    plan
                }
            }
        };
        Shaped {
            direction,
            buffer: rustybuzz::shape_with_plan(&self.shaper, &plan, buffer),
        }
    }

    /// `shaped` (the shaping of `text`) as krilla's glyphs: advances and offsets in ems, each
    /// glyph with the bytes of `text` its cluster covers (for the PDF's text, copied and read
    /// aloud), as krilla's `naive_shape` makes them.
    fn glyphs(&self, text: &str, shaped: &Shaped) -> Vec<KrillaGlyph> {
        let em = self.font.units_per_em();
        let positions = shaped.buffer.glyph_positions();
        let infos = shaped.buffer.glyph_infos();
        let forward = matches!(
            shaped.direction,
            rustybuzz::Direction::LeftToRight | rustybuzz::Direction::TopToBottom
        );
        (0..infos.len())
            .map(|i| {
                let (position, info) = (positions[i], infos[i]);
                // The cluster ends where the next glyph in the text's order (after this
                // cluster's other glyphs) starts; the last ends with the text.
                let next = if forward {
                    (i + 1..infos.len()).find(|&j| infos[j].cluster != info.cluster)
                } else {
                    (0..i).rev().find(|&j| infos[j].cluster != info.cluster)
                };
                let end = next.map_or(text.len(), |j| infos[j].cluster as usize);
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    position.x_advance as f32 / em,
                    position.x_offset as f32 / em,
                    position.y_offset as f32 / em,
                    position.y_advance as f32 / em,
                    info.cluster as usize..end,
                    None,
                )
            })
            .collect()
    }

    fn points(&self, units: f32, size: f32) -> f32 {
        units * size / f32::from(self.face.units_per_em())
    }

    fn has_glyph(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }
}

/// A character's advance in font units; half an em for a character the font lacks.
fn advance_of(face: &ttf_parser::Face<'_>, c: char) -> u16 {
    face.glyph_index(c)
        .and_then(|g| face.glyph_hor_advance(g))
        .unwrap_or(face.units_per_em() / 2)
}

/// A regular and a bold face of one family.
struct Pair {
    regular: FontFace,
    bold: FontFace,
}

impl Pair {
    fn load(regular: &'static str, bold: &'static str) -> Result<Pair, PdfError> {
        Ok(Pair {
            regular: FontFace::load(regular)?,
            bold: FontFace::load(bold)?,
        })
    }

    fn of(&self, style: Style) -> &FontFace {
        if style.bold() {
            &self.bold
        } else {
            &self.regular
        }
    }
}

/// Every face a document may draw with, and the direction its paragraphs run.
pub(super) struct Fonts {
    latin: Pair,
    arabic: Pair,
    gurmukhi: Pair,
    direction: Direction,
    /// The widths of text other than plain Latin, by style (`Style as usize`) and text:
    /// wrapping and laying out pages measure the same words again and again, each time
    /// splitting them into runs (the bidirectional algorithm) and shaping them.
    widths: Mutex<[FxHashMap<Box<str>, f32>; STYLES]>,
}

/// How many documents share one [`Fonts`] ([`Fonts::shared`]): a site's booklets and printed
/// directory, several times over.
const DOCUMENTS_SHARING: usize = 64;

/// How many [`Style`]s there are.
const STYLES: usize = 7;

impl Fonts {
    /// The theme's faces, for a document whose paragraphs run `direction`.
    pub(super) fn load(direction: Direction) -> Result<Fonts, PdfError> {
        Ok(Fonts {
            latin: Pair::load("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")?,
            arabic: Pair::load("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")?,
            gurmukhi: Pair::load("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf")?,
            direction,
            widths: Mutex::default(),
        })
    }

    /// The theme's faces for `direction`, shared by the documents this process prints, with
    /// what they remember of widths and shaping (`serve` prints the directory again after each
    /// edit of a service or topic: most of its text is measured and shaped once). They are
    /// loaded again after [`DOCUMENTS_SHARING`] documents, so what they remember stays bounded.
    /// What they remember is a pure function of the text, so a document is the same whichever
    /// documents came before it.
    pub(super) fn shared(direction: Direction) -> Result<Arc<Fonts>, PdfError> {
        type Shared = Mutex<(usize, Option<Arc<Fonts>>)>;
        static SHARED: [Shared; 2] = [const { Mutex::new((0, None)) }; 2];
        let slot = match direction {
            Direction::Ltr => &SHARED[0],
            Direction::Rtl => &SHARED[1],
        };
        let mut slot = slot.lock().unwrap_or_else(|e| e.into_inner());
        let (uses, fonts) = &mut *slot;
        *uses += 1;
        if *uses > DOCUMENTS_SHARING {
            *uses = 1;
            *fonts = None;
        }
        match fonts {
            Some(fonts) => Ok(Arc::clone(fonts)),
            None => {
                let loaded = Arc::new(Fonts::load(direction)?);
                *fonts = Some(Arc::clone(&loaded));
                Ok(loaded)
            }
        }
    }

    /// Which way the document's paragraphs run.
    pub(super) fn direction(&self) -> Direction {
        self.direction
    }

    /// The face of `script` in `style`.
    pub(super) fn face(&self, script: Script, style: Style) -> &FontFace {
        match script {
            Script::Latin => self.latin.of(style),
            Script::Arabic => self.arabic.of(style),
            Script::Gurmukhi => self.gurmukhi.of(style),
        }
    }

    /// `text`'s runs, in drawing order.
    fn runs<'a>(&self, text: &'a str) -> Vec<Run<'a>> {
        let has_glyph = |script: Script, c: char| self.face(script, Style::Body).has_glyph(c);
        visual_runs(text, self.direction, &has_glyph)
    }

    /// The width of `run` in `style`: Latin text by its advances (as a Latin-only line always
    /// was), other scripts shaped.
    fn run_width(&self, run: &Run, style: Style) -> f32 {
        let face = self.face(run.script, style);
        match run.script {
            Script::Latin => face.width(run.text, style.size()),
            Script::Arabic | Script::Gurmukhi => face.shaped_width(run.text, run.rtl, style.size()),
        }
    }

    /// The width of `text` in `style`. It adds up over words and spaces, as wrapping needs.
    pub(super) fn width(&self, text: &str, style: Style) -> f32 {
        if is_plain(text) {
            return self.latin.of(style).width(text, style.size());
        }
        let widths = || self.widths.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&width) = widths()[style as usize].get(text) {
            return width;
        }
        let width = self
            .runs(text)
            .iter()
            .map(|run| self.run_width(run, style))
            .sum();
        widths()[style as usize].insert(text.into(), width);
        width
    }

    /// Draws `text` in `style` with its left end at `at`: a plain Latin line in one piece,
    /// any other run by run, each in its face and direction.
    pub(super) fn draw(&self, surface: &mut Surface, style: Style, at: Point, text: &str) {
        if is_plain(text) {
            let face = self.latin.of(style);
            let glyphs = face.glyphs(text, &face.shaped_plain(text));
            surface.draw_glyphs(at, &glyphs, face.font.clone(), text, style.size(), false);
            return;
        }
        let mut x = at.x;
        for run in self.runs(text) {
            let face = self.face(run.script, style);
            let shaped = face.shaped_run(run.text, run.rtl);
            let glyphs = face.glyphs(run.text, &shaped);
            let start = Point::from_xy(x, at.y);
            surface.draw_glyphs(
                start,
                &glyphs,
                face.font.clone(),
                run.text,
                style.size(),
                false,
            );
            // Latin text is placed by its advances (as a Latin-only line always was), other
            // scripts by the shaping just drawn.
            x += match run.script {
                Script::Latin => face.width(run.text, style.size()),
                Script::Arabic | Script::Gurmukhi => face.shaped_points(&shaped, style.size()),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_fonts_load_and_measure() {
        let fonts = Fonts::load(Direction::Ltr).unwrap();
        let narrow = fonts.width("iii", Style::Body);
        let wide = fonts.width("WWW", Style::Body);
        assert!(narrow > 0.0 && wide > narrow);
        assert!(fonts.width("WWW", Style::Strong) >= wide);
    }

    #[test]
    fn arabic_and_gurmukhi_are_measured_in_their_own_faces() {
        let fonts = Fonts::load(Direction::Rtl).unwrap();
        assert!(!fonts.face(Script::Latin, Style::Body).has_glyph('ਪ'));
        // Arabic, and Urdu's own letters (tteh, yeh barree, noon ghunna).
        for c in ['ع', 'ٹ', 'ے', 'ں'] {
            assert!(fonts.face(Script::Arabic, Style::Body).has_glyph(c), "{c}");
        }
        assert!(fonts.face(Script::Gurmukhi, Style::Body).has_glyph('ਪ'));
        // Joined forms are narrower than the letters standing alone.
        let word = "الكتيب";
        let joined = fonts.width(word, Style::Body);
        let alone: f32 = word
            .chars()
            .map(|c| fonts.width(c.encode_utf8(&mut [0; 4]), Style::Body))
            .sum();
        assert!(joined > 0.0 && joined < alone, "{joined} < {alone}");
        // A line is as wide as its words and spaces.
        let (one, two) = ("أسبوع", "الربيع");
        let line = fonts.width(&format!("{one} {two}"), Style::Body);
        let sum = fonts.width(one, Style::Body)
            + fonts.width(" ", Style::Body)
            + fonts.width(two, Style::Body);
        assert!((line - sum).abs() < 0.01, "{line} = {sum}");
    }

    /// A page with `lines` drawn by `draw`, as PDF bytes.
    fn page_with(lines: &[&str], draw: &dyn Fn(&mut Surface, Point, &str)) -> Vec<u8> {
        let mut document = krilla::Document::new();
        let mut page = document.start_page_with(krilla::page::PageSettings::new(
            krilla::geom::Size::from_wh(400.0, 400.0).unwrap(),
        ));
        let mut surface = page.surface();
        for (row, line) in (1u8..).zip(lines) {
            draw(
                &mut surface,
                Point::from_xy(20.0, f32::from(row) * 20.0),
                line,
            );
        }
        surface.finish();
        page.finish();
        document.finish().unwrap()
    }

    #[test]
    fn glyphs_shaped_here_draw_the_pdf_that_krilla_shaping_drew() {
        let lines = [
            "Wednesday 13 March 2024, 7:30pm – £2, ŵyr ac ŷd",
            "أسبوع 2024: الكتيّب",
            "الهاتف: 0113 496 0001، المكان: مركز، 1 High Street, LS1 1AA",
            "Session: فهم أبنائك",
            "ਪਰਿਵਾਰ ਨਾਲ (Punjabi)",
            "2024",
            "، ؟",
        ];
        for direction in [Direction::Ltr, Direction::Rtl] {
            for style in [Style::Body, Style::Heading2] {
                let fonts = Fonts::load(direction).unwrap();
                // Measured first, as layout does, so that drawing takes the runs it shaped.
                for line in lines {
                    fonts.width(line, style);
                }
                let ours = page_with(&lines, &|surface, at, line| {
                    fonts.draw(surface, style, at, line)
                });
                // What `draw` did before: krilla shaping each run itself.
                let theirs = page_with(&lines, &|surface, at, line| {
                    if is_plain(line) {
                        let font = fonts.latin.of(style).font.clone();
                        surface.draw_text(at, font, style.size(), line, false, TextDirection::Auto);
                        return;
                    }
                    let mut x = at.x;
                    for run in fonts.runs(line) {
                        let direction = if run.rtl {
                            TextDirection::RightToLeft
                        } else {
                            TextDirection::LeftToRight
                        };
                        let font = fonts.face(run.script, style).font.clone();
                        let start = Point::from_xy(x, at.y);
                        surface.draw_text(start, font, style.size(), run.text, false, direction);
                        x += fonts.run_width(&run, style);
                    }
                });
                assert!(ours == theirs, "{direction:?} {style:?}");
                // Drawn again, every line's shaping remembered: the same PDF.
                let again = page_with(&lines, &|surface, at, line| {
                    fonts.draw(surface, style, at, line)
                });
                assert!(again == ours, "{direction:?} {style:?}, shaped once");
            }
        }
    }
}
