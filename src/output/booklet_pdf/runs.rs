//! Text in any script on a printed document's line: the line split into runs, each in one font
//! and one direction, in the order they are drawn from left to right (the Unicode
//! bidirectional algorithm, through `unicode-bidi`, with the document's language giving the
//! paragraph's direction). Arabic-script text (Arabic, Urdu) takes Noto Naskh Arabic and
//! Gurmukhi (Punjabi) Noto Sans Gurmukhi; everything else the Latin face. A run in Arabic or
//! Gurmukhi is shaped (joined letter forms, vowel signs) by rustybuzz, as krilla draws it, so
//! that wrapping measures what is drawn.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, Level};

use crate::model::i18n::Direction;

/// The family of faces a character is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    /// DejaVu Sans: Latin, Welsh, Polish, Greek, Cyrillic, digits and punctuation.
    Latin,
    /// Noto Naskh Arabic: Arabic, Urdu, Persian.
    Arabic,
    /// Noto Sans Gurmukhi: Punjabi.
    Gurmukhi,
}

impl Script {
    /// The script `c` asks for, or `None` for a character any face may draw (punctuation,
    /// digits, joiners), which keeps the run it is in when that face has it. Spaces are Latin:
    /// no letters join across them, and so a line is exactly as wide as its words and spaces.
    fn of(c: char) -> Option<Script> {
        match u32::from(c) {
            _ if c.is_whitespace() => Some(Script::Latin),
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x0870..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => Some(Script::Arabic),
            0x0A00..=0x0A7F => Some(Script::Gurmukhi),
            _ if c.is_alphabetic() => Some(Script::Latin),
            _ => None,
        }
    }
}

/// A run of a line: one face family, one direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Run<'a> {
    pub(super) text: &'a str,
    pub(super) script: Script,
    /// Drawn right to left (its glyphs in reverse order of the text).
    pub(super) rtl: bool,
}

/// Whether `text` needs no more than the Latin face, left to right: what every line of an
/// English or Welsh document is, drawn as it always was.
pub(super) fn is_plain(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| Script::of(c).is_none_or(|s| s == Script::Latin) && !is_rtl_char(c))
}

/// Characters that would start a right-to-left run outside the Arabic block (Hebrew, Syriac,
/// Thaana, N'Ko and the like): drawn in the Latin face, but still in their own direction.
fn is_rtl_char(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// The runs of `line` in drawing order (left to right on the page), in a paragraph running
/// `direction`; `has_glyph` says whether a face family draws a character, so that a space or a
/// comma stays in the Arabic run it belongs to but a dash the Gurmukhi face lacks does not.
pub(super) fn visual_runs<'a>(
    line: &'a str,
    direction: Direction,
    has_glyph: &dyn Fn(Script, char) -> bool,
) -> Vec<Run<'a>> {
    if line.is_empty() {
        return Vec::new();
    }
    let level = match direction {
        Direction::Rtl => Level::rtl(),
        Direction::Ltr => Level::ltr(),
    };
    let mut info = BidiInfo::new(line, Some(level));
    if direction == Direction::Rtl {
        keep_ltr_islands_whole(&mut info);
    }
    let Some(paragraph) = info.paragraphs.first() else {
        return Vec::new();
    };
    let (levels, ranges) = info.visual_runs(paragraph, paragraph.range.clone());
    let mut runs = Vec::new();
    for range in ranges {
        let rtl = levels.get(range.start).is_some_and(|l| l.is_rtl());
        let mut pieces = by_script(line, range, has_glyph);
        if rtl {
            pieces.reverse();
        }
        runs.extend(pieces.into_iter().map(|(range, script)| Run {
            text: &line[range],
            script,
            rtl,
        }));
    }
    runs
}

/// In a right-to-left paragraph, each stretch of text with no right-to-left letter that starts
/// and ends with a Latin letter or a digit (a phone number `0113 496 0001`, an address `1 High
/// Street, LS1 1AA`, a web address) reads left to right as one piece, as if isolated: the
/// algorithm alone would turn the spaces between a phone number's groups right to left and so
/// print its groups in reverse order.
fn keep_ltr_islands_whole(info: &mut BidiInfo) {
    let island_level = Level::new(2).unwrap_or_else(|_| Level::ltr());
    let classes = &info.original_classes;
    let mut island: Option<Range<usize>> = None;
    let mut islands = Vec::new();
    for (at, c) in info.text.char_indices() {
        match classes[at] {
            BidiClass::L | BidiClass::EN => {
                let end = at + c.len_utf8();
                island = Some(island.map_or(at..end, |i| i.start..end));
            }
            BidiClass::R | BidiClass::AL | BidiClass::AN => islands.extend(island.take()),
            _ => {}
        }
    }
    islands.extend(island);
    for range in islands {
        info.levels[range].fill(island_level);
    }
}

/// `range` of `line` split where the face family changes, in the text's order.
fn by_script(
    line: &str,
    range: Range<usize>,
    has_glyph: &dyn Fn(Script, char) -> bool,
) -> Vec<(Range<usize>, Script)> {
    let mut pieces: Vec<(Range<usize>, Script)> = Vec::new();
    for (at, c) in line[range.clone()].char_indices() {
        let at = range.start + at;
        let current = pieces.last().map(|(_, s)| *s);
        let script = match (Script::of(c), current) {
            (Some(script), _) => script,
            // Joiners shape the letters around them: they never end a run.
            (None, Some(current)) if matches!(c, '\u{200C}' | '\u{200D}') => current,
            (None, Some(current)) if has_glyph(current, c) => current,
            (None, _) => Script::Latin,
        };
        match pieces.last_mut() {
            Some((piece, s)) if *s == script => piece.end = at + c.len_utf8(),
            _ => pieces.push((at..at + c.len_utf8(), script)),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(line: &str, direction: Direction) -> Vec<(&str, Script, bool)> {
        visual_runs(line, direction, &|script, c| {
            script == Script::Latin || !c.is_ascii_punctuation()
        })
        .into_iter()
        .map(|r| (r.text, r.script, r.rtl))
        .collect()
    }

    #[test]
    fn english_and_welsh_lines_are_plain() {
        assert!(is_plain("Wednesday 13 March 2024, 7:30pm – £2"));
        assert!(is_plain("Dydd Mercher, 13 Mawrth 2024: ŵyr ac ŷd"));
        assert!(!is_plain("أسبوع الربيع"));
        assert!(!is_plain("ਪਰਿਵਾਰ"));
        assert!(!is_plain("שלום"));
    }

    #[test]
    fn an_arabic_line_runs_right_to_left_with_its_numbers_left_to_right() {
        // Logical order: week, space, year, colon, space, 'the booklet'.
        let line = "أسبوع 2024: الكتيّب";
        assert_eq!(
            runs(line, Direction::Rtl),
            vec![
                ("الكتيّب", Script::Arabic, true),
                (": ", Script::Latin, true),
                ("2024", Script::Latin, false),
                (" ", Script::Latin, true),
                ("أسبوع", Script::Arabic, true),
            ]
        );
    }

    #[test]
    fn an_arabic_title_in_an_english_line_keeps_the_english_first() {
        assert_eq!(
            runs("Session: فهم أبنائك", Direction::Ltr),
            vec![
                ("Session: ", Script::Latin, false),
                ("أبنائك", Script::Arabic, true),
                (" ", Script::Latin, true),
                ("فهم", Script::Arabic, true),
            ]
        );
    }

    #[test]
    fn gurmukhi_takes_its_own_face_and_stays_left_to_right() {
        assert_eq!(
            runs("ਪਰਿਵਾਰ ਨਾਲ (Punjabi)", Direction::Ltr),
            vec![
                ("ਪਰਿਵਾਰ", Script::Gurmukhi, false),
                (" ", Script::Latin, false),
                ("ਨਾਲ", Script::Gurmukhi, false),
                (" (Punjabi)", Script::Latin, false),
            ]
        );
    }

    #[test]
    fn a_phone_number_and_an_address_in_arabic_keep_their_order() {
        assert_eq!(
            runs("الهاتف: 0113 496 0001", Direction::Rtl),
            vec![
                ("0113 496 0001", Script::Latin, false),
                (": ", Script::Latin, true),
                ("الهاتف", Script::Arabic, true),
            ]
        );
        assert_eq!(
            runs("المكان: مركز، 1 High Street, LS1 1AA", Direction::Rtl)[0],
            ("1 High Street, LS1 1AA", Script::Latin, false)
        );
        // Numbers among Arabic words stay where the algorithm puts them.
        assert_eq!(
            runs("الصفحة 1 من 4", Direction::Rtl),
            vec![
                ("4", Script::Latin, false),
                (" ", Script::Latin, true),
                ("من", Script::Arabic, true),
                (" ", Script::Latin, true),
                ("1", Script::Latin, false),
                (" ", Script::Latin, true),
                ("الصفحة", Script::Arabic, true),
            ]
        );
    }

    #[test]
    fn an_empty_line_has_no_runs() {
        assert!(runs("", Direction::Rtl).is_empty());
    }
}
