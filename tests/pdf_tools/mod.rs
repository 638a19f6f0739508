//! Reading PDFs back in tests, with poppler's tools (`poppler-utils`, which `scripts/test`
//! installs) and rqrr: the booklet's and the printed directory's tests share them.

#![allow(dead_code)]

use std::fs;
use std::process::Command;

/// Runs a poppler tool on `pdf` and returns what it prints.
pub fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("document.pdf");
    fs::write(&file, pdf).unwrap();
    let mut command = Command::new(tool);
    command.args(args).arg(&file);
    if tool != "pdfinfo" {
        command.arg("-");
    }
    let output = command.output().unwrap_or_else(|e| {
        panic!("{tool} did not run ({e}): install poppler-utils, or run ./scripts/test")
    });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Text with runs of white space made single spaces (PDF text comes out in wrapped lines).
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The same text as HTML escapes it.
pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&#x27;")
        .replace('"', "&quot;")
}

/// Every QR code on the PDF's pages, decoded from the pages as poppler rasterises them.
pub fn decoded_qr_codes(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("document.pdf"), pdf).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-gray", "-r", "300", "document.pdf", "page"])
        .current_dir(dir.path())
        .status();
    assert!(status.expect("pdftoppm runs (poppler-utils)").success());
    let mut pages: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
        .collect();
    pages.sort();
    let mut decoded = Vec::new();
    for page in pages {
        let pgm = fs::read(page).unwrap();
        // Binary PGM: "P5", width, height and maximum value, each followed by one white space.
        let fields: Vec<&[u8]> = pgm.splitn(5, |b| b.is_ascii_whitespace()).collect();
        let number = |i: usize| {
            std::str::from_utf8(fields[i])
                .unwrap()
                .parse::<usize>()
                .unwrap()
        };
        let (width, height, pixels) = (number(1), number(2), fields[4]);
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
            pixels[y * width + x]
        });
        decoded.extend(
            image
                .detect_grids()
                .iter()
                .filter_map(|grid| grid.decode().ok())
                .map(|(_, text)| text),
        );
    }
    decoded
}
