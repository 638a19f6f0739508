//! QR codes, so that posters and printed booklets can be followed from paper. A leaf below
//! every stage: the model encodes each printed address once per build ([`QrCode::encode`]),
//! the pages show it as inline SVG ([`QrCode::svg`]) and the booklet PDF (output stage) draws
//! the same runs of dark modules. No memo outlives a build.

use std::fmt::Write;

use fast_qr::{ECL, QRBuilder};

use crate::text::escape::escape_xml;

/// Light modules kept around a code so that a reader can find it (the standard's quiet zone).
const QUIET_ZONE: usize = 4;

/// A QR code's modules: `width` rows of `width`, dark or light.
#[derive(Debug)]
pub struct QrCode {
    width: usize,
    dark: Vec<bool>,
}

impl QrCode {
    /// Modules per side, quiet zone not included.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Each horizontal run of dark modules as (row, first column, length): drawing one
    /// rectangle per run rather than per module keeps SVG and PDF small.
    pub fn dark_runs(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.dark
            .chunks(self.width)
            .enumerate()
            .flat_map(|(y, row)| {
                let mut x = 0;
                std::iter::from_fn(move || {
                    x += row[x..].iter().take_while(|d| !**d).count();
                    let run = row[x..].iter().take_while(|d| **d).count();
                    (run > 0).then(|| {
                        x += run;
                        (y, x - run, run)
                    })
                })
            })
    }
}

impl QrCode {
    /// The QR code of `url` (error correction level M, the best of the eight masks), or
    /// `None` if the text is too long to encode.
    pub fn encode(url: &str) -> Option<QrCode> {
        let code = QRBuilder::new(url.as_bytes()).ecl(ECL::M).build().ok()?;
        let dark = code.data[..code.size * code.size]
            .iter()
            .map(|module| module.value())
            .collect();
        Some(QrCode {
            width: code.size,
            dark,
        })
    }

    /// The code as inline SVG, labelled for screen readers, drawn in module units (so the
    /// path is short) on a white square with its quiet zone.
    pub fn svg(&self, label: &str) -> String {
        let side = self.width() + 2 * QUIET_ZONE;
        // At least 120 CSS pixels, in whole pixels per module so that edges stay crisp.
        let pixels = side * 120_usize.div_ceil(side);
        let label = escape_xml(label);
        let mut svg = format!(
            "<svg role=\"img\" aria-label=\"{label}\" class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{pixels}\" \
             height=\"{pixels}\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" \
             height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        );
        for (y, x, run) in self.dark_runs() {
            let _ = write!(
                svg,
                "M{} {}h{run}v1h-{run}z",
                x + QUIET_ZONE,
                y + QUIET_ZONE
            );
        }
        svg.push_str("\"/></svg>");
        svg
    }
}

/// An inline SVG QR code for `url`, labelled for screen readers; `None` if the text is too
/// long to encode.
pub fn render_qr_svg(url: &str, label: &str) -> Option<String> {
    QrCode::encode(url).map(|code| code.svg(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_codes_are_labelled_inline_svg() {
        let svg = render_qr_svg("https://example.org/book?session=a", "Book: A & B").unwrap();
        assert!(
            svg.starts_with("<svg role=\"img\" aria-label=\"Book: A &amp; B\""),
            "{svg}"
        );
        assert!(!svg.contains("<?xml"));
    }

    #[test]
    fn dark_runs_cover_exactly_the_dark_modules() {
        let code = QrCode::encode("https://example.org/a").unwrap();
        let mut drawn = vec![false; code.width() * code.width()];
        for (y, x, run) in code.dark_runs() {
            assert!(run > 0 && x + run <= code.width());
            drawn[y * code.width() + x..][..run]
                .iter_mut()
                .for_each(|d| *d = true);
        }
        assert_eq!(drawn, code.dark);
        // The finder pattern: the top-left corner is dark, seven modules wide.
        assert_eq!(code.dark_runs().next(), Some((0, 0, 7)));
    }

    #[test]
    fn codes_decode_back_to_their_address() {
        let url = "https://example.org/sessions/2024/welcome/?utm=none&x=1";
        let code = QrCode::encode(url).unwrap();
        // Rasterise the runs, three pixels per module, with the quiet zone, as a reader sees it.
        let side = (code.width() + 2 * QUIET_ZONE) * 3;
        let mut pixels = vec![255u8; side * side];
        for (y, x, run) in code.dark_runs() {
            for dy in 0..3 {
                let row = (y + QUIET_ZONE) * 3 + dy;
                pixels[row * side + (x + QUIET_ZONE) * 3..][..run * 3].fill(0);
            }
        }
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| pixels[y * side + x]);
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].decode().unwrap().1, url);
    }
}
