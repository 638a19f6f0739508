//! The booklet PDF and the printed directory PDFs in the site's language (issue 20, items 3 and
//! 5): every heading and label from the theme's messages, dates in the language's own form,
//! and Arabic and Gurmukhi text drawn in fonts that have it, shaped and in reading order, read
//! back with poppler's `pdftotext` and `pdffonts` (poppler-utils, which `scripts/test`
//! installs; a missing tool fails the test). A site in Latin script embeds no other font.

mod common;
mod pdf_tools;

use std::fs;
use std::path::Path;

use common::{check, fixture, options};
use hubsite::output::{Contents, Output};
use pdf_tools::{poppler, squeeze};

const WELSH_BOOKLET: &str = "sessions/wythnos-teuluoedd-2024/booklet.pdf";
const ARABIC_BOOKLET: &str = "sessions/rabi/booklet.pdf";
const DIRECTORY_PDFS: [&str; 2] = ["directory/directory-a5.pdf", "directory/directory-a4.pdf"];

fn output_of(root: &Path) -> std::sync::Arc<Output> {
    check(&options(root)).expect("the site builds").output
}

fn bytes(output: &Output, path: &str) -> Vec<u8> {
    match output.get(path).map(|f| &f.contents) {
        Some(Contents::Bytes(bytes)) => bytes.to_vec(),
        _ => panic!("{path} is not in the output"),
    }
}

/// The PDF's text as pdftotext reads it, without the bidirectional controls it puts around
/// runs of the other direction, white space squeezed.
fn text_of(pdf: &[u8]) -> String {
    let text = poppler("pdftotext", &[], pdf);
    let text: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    squeeze(&text)
}

/// The fonts `pdffonts` lists in the PDF (it takes no `-` for its output, unlike pdftotext).
fn pdffonts(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("document.pdf");
    fs::write(&file, pdf).unwrap();
    let output = std::process::Command::new("pdffonts")
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("pdffonts did not run ({e}): install poppler-utils"));
    assert!(output.status.success(), "pdffonts failed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The theme's English messages: `(name, text)`, each message's words before its first
/// variable (`Published by `, `Page `), or the whole message when it has none.
fn english_words() -> Vec<(String, String)> {
    let file =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/hub/i18n/en-GB.ftl"))
            .expect("the theme's English translation");
    file.lines()
        .filter(|line| !line.starts_with([' ', '#']))
        .filter_map(|line| line.split_once(" = "))
        .map(|(name, text)| {
            let words = text.split('{').next().unwrap_or_default().trim();
            (name.trim().to_owned(), words.to_owned())
        })
        // Short words and names (PDF, 'Online') could be a Welsh word's part or a name.
        .filter(|(_, words)| words.len() >= 6 && words.contains(' '))
        .collect()
}

/// The theme's English messages with no variable, whole: a PDF line that is one of them (a
/// heading such as `Contents`) is English.
fn english_lines() -> Vec<String> {
    let file =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/hub/i18n/en-GB.ftl"))
            .expect("the theme's English translation");
    file.lines()
        .filter(|line| !line.starts_with([' ', '#']) && !line.contains('{'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(_, text)| text.trim().to_owned())
        .collect()
}

/// Fails on any English sentence, heading or label of the theme in `pdf`.
fn assert_no_english(pdf: &[u8], what: &str) {
    let lines = poppler("pdftotext", &[], pdf);
    let headings = english_lines();
    for line in lines.lines().map(str::trim) {
        assert!(
            !headings.iter().any(|h| h == line),
            "{what} has the English line `{line}`"
        );
    }
    let text = text_of(pdf);
    let english = english_words();
    assert!(
        english.len() > 100,
        "the English file lists the theme's words"
    );
    for (name, words) in english {
        assert!(
            !text.contains(&words),
            "{what} shows the English `{name}` ({words}) on a Welsh site"
        );
    }
    // Labels of one word, followed by their colon, and the footer.
    for label in [
        "Cost:",
        "Open:",
        "Phone:",
        "Email:",
        "Website:",
        "Where:",
        "Page 1 of",
    ] {
        assert!(!text.contains(label), "{what} shows the English `{label}`");
    }
}

#[test]
fn a_welsh_sites_booklet_pdf_has_welsh_headings_and_no_english_theme_words() {
    let output = output_of(&fixture("cymraeg"));
    let pdf = bytes(&output, WELSH_BOOKLET);
    let text = text_of(&pdf);
    for welsh in [
        "Wythnos Teuluoedd Cwm Tawel 2024: y llyfryn",
        // The week's dates in CLDR's Welsh form, joined by the date-range message.
        "Dydd Llun, 11 Mawrth 2024 i Dydd Gwener, 15 Mawrth 2024",
        "Thema: Siarad gyda'n gilydd",
        "Cyhoeddwyd gan Cyngor Cwm Tawel. Y rhaglen ar-lein:",
        "Cynnwys",
        "Dan arweiniad Siân Evans",
        "Adnoddau pellach",
        "Tudalen 1 o",
        "19:00–20:00. Ar-lein.",
    ] {
        assert!(
            text.contains(welsh),
            "the Welsh booklet lacks `{welsh}`: {text}"
        );
    }
    assert_no_english(&pdf, WELSH_BOOKLET);
    assert!(String::from_utf8_lossy(&pdf).contains("/Lang(cy)"));
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(
        info.contains("Title:           Wythnos Teuluoedd Cwm Tawel 2024: y llyfryn"),
        "{info}"
    );
}

#[test]
fn a_welsh_sites_printed_directory_is_in_welsh_on_both_papers() {
    let output = output_of(&fixture("cymraeg"));
    for path in DIRECTORY_PDFS {
        let pdf = bytes(&output, path);
        let text = text_of(&pdf);
        for welsh in [
            "Teuluoedd Cwm Tawel: cyfeiriadur cymorth lleol",
            "Cynnwys",
            "Cymorth cyffredinol",
            "Ar agor i bob teulu, heb fod angen atgyfeiriad.",
            "Cymorth arbenigol",
            "Ar gyfer pwy mae e: Oed 0 i 11.",
            "Sut i'w gyrraedd: Galw heibio neu hunangyfeirio.",
            "Faint mae'n ei gostio: Am ddim",
            "Ffôn: 029 2018 0001",
            "Ar agor: Dydd Llun i Dydd Gwener, 09:30 i 15:00",
            "Gwiriwyd ddiwethaf ar 1 Hydref 2026.",
            "Mynegai",
            "Cael help nawr",
            "Gwasanaethau diogelwch",
        ] {
            assert!(text.contains(welsh), "{path} lacks `{welsh}`: {text}");
        }
        assert_no_english(&pdf, path);
        assert!(String::from_utf8_lossy(&pdf).contains("/Lang(cy)"));
    }
}

#[test]
fn an_arabic_booklet_holds_arabic_and_gurmukhi_text_in_reading_order() {
    let output = output_of(&fixture("arabic"));
    let pdf = bytes(&output, ARABIC_BOOKLET);
    let text = text_of(&pdf);
    for words in [
        // Headings from the theme's Arabic messages: 'Contents', 'Further resources'.
        "المحتويات",
        "موارد إضافية",
        "مواد المتابعة",
        // The session's own title, written in Arabic, word by word in logical order.
        "فهم أبنائك المراهقين",
        "الحديث مع المراهقين",
        // Punjabi in Gurmukhi: the vowel sign before its consonant in the text, as written.
        "ਪਰਿਵਾਰ ਨਾਲ ਗੱਲਬਾਤ",
    ] {
        assert!(
            text.contains(words),
            "the Arabic booklet lacks `{words}`: {text}"
        );
    }
    assert!(String::from_utf8_lossy(&pdf).contains("/Lang(ar)"));
    let fonts = pdffonts(&pdf);
    for font in [
        "NotoNaskhArabic-Regular",
        "NotoNaskhArabic-Bold",
        "NotoSansGurmukhi-Regular",
    ] {
        let line = fonts
            .lines()
            .find(|l| l.contains(font))
            .unwrap_or_else(|| panic!("{font} is not in the booklet: {fonts}"));
        // Embedded, subset, with a Unicode map.
        assert!(line.contains("yes yes yes"), "{line}");
    }
}

#[test]
fn an_arabic_directory_prints_phone_numbers_and_addresses_in_their_own_order() {
    let output = output_of(&fixture("arabic"));
    for path in DIRECTORY_PDFS {
        let pdf = bytes(&output, path);
        let text = text_of(&pdf);
        for words in [
            "مركز الأسرة في نورثمور",
            "الدعم الشامل",
            // Left-to-right pieces inside right-to-left lines, each read as one.
            "0113 496 0001",
            "1 High Street, Northmoor, LS1 1AA",
            "markaz@example.org",
        ] {
            assert!(text.contains(words), "{path} lacks `{words}`: {text}");
        }
        assert!(String::from_utf8_lossy(&pdf).contains("/Lang(ar)"));
    }
}

#[test]
fn an_arabic_booklet_runs_right_to_left_from_the_right_margin() {
    let output = output_of(&fixture("arabic"));
    let pdf = bytes(&output, ARABIC_BOOKLET);
    let boxes = poppler("pdftotext", &["-bbox"], &pdf);
    // pdftotext's boxes give each word's characters in drawing order (right to left).
    let right_edge = |word: &str| -> f32 {
        let drawn: String = word.chars().rev().collect();
        let line = boxes
            .lines()
            .find(|l| {
                l.ends_with(&format!(">{word}</word>")) || l.ends_with(&format!(">{drawn}</word>"))
            })
            .unwrap_or_else(|| panic!("no box for {word}"));
        let at = line.find("xMax=\"").expect("xMax") + 6;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    // A4 is 595.28 points wide with 56-point margins: lines end at 539.28 on the right.
    let edge = right_edge("المحتويات");
    assert!((edge - 539.28).abs() < 1.5, "the heading ends at {edge}");
}

#[test]
fn an_arabic_booklet_is_byte_identical_across_builds() {
    let first = bytes(&output_of(&fixture("arabic")), ARABIC_BOOKLET);
    let second = bytes(&output_of(&fixture("arabic")), ARABIC_BOOKLET);
    assert!(first == second, "two builds of the Arabic booklet differ");
}

#[test]
fn a_latin_only_pdf_embeds_no_arabic_or_gurmukhi_font() {
    for (site, path) in [
        ("booklet", "sessions/spring/booklet.pdf"),
        ("cymraeg", WELSH_BOOKLET),
        ("cymraeg", DIRECTORY_PDFS[0]),
    ] {
        let pdf = bytes(&output_of(&fixture(site)), path);
        let fonts = pdffonts(&pdf);
        assert!(fonts.contains("DejaVuSans"), "{site}'s {path}: {fonts}");
        assert!(!fonts.contains("Noto"), "{site}'s {path} embeds {fonts}");
    }
}
