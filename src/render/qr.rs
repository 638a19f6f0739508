//! QR codes as inline SVG, so that posters and printed booklets can be followed from paper.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use qrcode::QrCode;
use qrcode::render::svg;

/// The QR code of `url`, or `None` if the text is too long to encode. Codes are remembered
/// for the life of the process: the same address is drawn on the poster, the booklet page and
/// the booklet PDF, `serve` rebuilds draw them again, and choosing a code's mask (trying all
/// eight) is the costly part.
pub fn qr_code(url: &str) -> Option<Arc<QrCode>> {
    static CODES: OnceLock<Mutex<HashMap<String, Option<Arc<QrCode>>>>> = OnceLock::new();
    let codes = CODES.get_or_init(Mutex::default);
    if let Some(code) = codes.lock().ok()?.get(url) {
        return code.clone();
    }
    // Made outside the lock, so that codes are made across cores.
    let code = QrCode::new(url.as_bytes()).ok().map(Arc::new);
    codes.lock().ok()?.insert(url.to_owned(), code.clone());
    code
}

/// An inline SVG QR code for `url`, labelled for screen readers; `None` if the text is too
/// long to encode.
pub fn render_qr_svg(url: &str, label: &str) -> Option<String> {
    let code = qr_code(url)?;
    let svg = code.render::<svg::Color>().min_dimensions(120, 120).quiet_zone(true).build();
    let svg = svg.split_once("?>").map_or(svg.as_str(), |(_, rest)| rest);
    let label = crate::output::sitemap::escape_xml(label);
    Some(svg.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{label}\" class=\"qr\" "), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_codes_are_labelled_inline_svg() {
        let svg = render_qr_svg("https://example.org/book?session=a", "Book: A & B").unwrap();
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"Book: A &amp; B\""), "{svg}");
        assert!(!svg.contains("<?xml"));
    }
}
