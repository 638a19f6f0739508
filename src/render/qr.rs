//! QR codes as inline SVG, so that posters and printed booklets can be followed from paper.

use qrcode::QrCode;
use qrcode::render::svg;

/// An inline SVG QR code for `url`, labelled for screen readers; `None` if the text is too
/// long to encode.
pub fn render_qr_svg(url: &str, label: &str) -> Option<String> {
    let code = QrCode::new(url.as_bytes()).ok()?;
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
