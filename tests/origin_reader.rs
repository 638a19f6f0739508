//! The origin check reads pages with html5gum's tokenizer since session 11 (four times cheaper
//! than html5ever's, which it read with before). A browser's reading is what makes the check
//! worth having, so the new reading is compared with the old, start tag by start tag: on every
//! page of the example site and of the council site, on markup chosen to trip a tokenizer up,
//! and on random pages made of such pieces. (`examples/time_origins.rs --compare` does the
//! same over a generated corpus: 13,072 pages of `gen_corpus --pages 10000`, none different.)
//! The link scan, on memchr since then, is compared with its `str::find` scan the same way.
//! The quick reading of plain pages (`html_scan::read_plain_start_tags`, session 15) is held
//! to html5gum's: wherever it does not refuse a text, it gives a reader the same start tags,
//! style sheets and end tags, whether the reader keeps every attribute or a few.

mod common;
#[path = "common/html5ever_tags.rs"]
mod html5ever_tags;
#[path = "common/links_by_find.rs"]
mod links_by_find;

use common::*;
use hubsite::html_scan::{
    Attributes, StartTagReader, read_plain_start_tags, read_start_tags, start_tags,
};
use hubsite::output::links::site_paths_in_html;
use hubsite::output::origins::{foreign_loads_in_html, foreign_loads_read_whole};
use proptest::prelude::*;

/// Fails with the first start tag that the two readings see differently.
fn assert_read_alike(name: &str, html: &str) {
    let before = html5ever_tags::start_tags(html);
    let after = start_tags(html);
    if let Some((i, (b, a))) = before
        .iter()
        .zip(&after)
        .enumerate()
        .find(|(_, (b, a))| b != a)
    {
        panic!("{name}: start tag {i} read as {a:?}, html5ever read {b:?}");
    }
    assert_eq!(
        before.len(),
        after.len(),
        "{name}: {} start tags, html5ever read {}",
        after.len(),
        before.len()
    );
}

#[test]
fn every_page_of_the_example_and_council_sites_is_read_as_html5ever_reads_it() {
    let example = example_site();
    for root in [example.path().to_path_buf(), fixture("council")] {
        let pages = html_pages(&root);
        assert!(pages.len() > 20, "{} has pages", root.display());
        for (path, html) in &pages {
            assert_read_alike(path, html);
        }
    }
}

/// Markup where tokenizers go wrong: character references, comments and their odd ends, raw
/// text and its end tags, SVG, duplicate and odd attributes, NUL, carriage returns, and text
/// that ends inside a tag.
const PIECES: &[&str] = &[
    "<img alt=\"\" src=\"https&#58;//a.example/x.png\">",
    "<img src=&#47;&#47;b.example/y.png>",
    "<img src=\"https&colon;&sol;&sol;c.example/\">",
    "<img src='//d.example/?a=1&amp;b=2&ampc=3&notit;&notin;&#x3A;&#0;&#xD800;&#1114112;'>",
    "<a href=\"/x?a&lt=1\" title=\"&AMP;&amp &am\">",
    "<!--><img src=//e.example/>-->",
    "<!---><img src=//f.example/>",
    "<!-- a --!><img src=//g.example/>",
    "<!-- <img src=//no.example/> -->",
    "<!x><?php echo 1 ?><![CDATA[<img src=//h.example/>]]>",
    "<!DOCTYPE html><!doctype html public \"x\" 'y'>",
    "<script>var s = '<img src=\"//no.example/\">';</script>",
    "<script><!--<script>x</script>y</script>--></script><img src=//i.example/>",
    "<SCRIPT src=//j.example/a.js></script >",
    "<script/>alert(1)</script><img src=/k>",
    "<style>@import 'https://l.example/a.css'; p{background:url(//m.example/b.png)}</style>",
    "<style media=print>a</stylex>b</STYLE><p>",
    "<style></style><style>c</style >",
    "<textarea><img src=//no.example/></textarea><title>&amp;<b></title>",
    "<xmp><img src=//no.example/></xmp><iframe src=//n.example/><img></iframe>",
    "<noembed><img></noembed><noframes><img></noframes><noscript><img src=//o.example/></noscript>",
    "<plaintext><img src=/p>",
    "<svg viewBox=\"0 0 1 1\"><image xlink:href=\"https://q.example/a.png\"/><use href=#i /></svg>",
    "<feImage XLINK:HREF=//r.example/ HREF=/s>",
    "<img src=/first src=//second.example/ SRC=//third.example/>",
    "<p style=\"background:url('//t.example/u.png')\" style=\"x\">",
    "<IMG\tSRC\n=\r\n\"//u.example/\"\u{c}alt>",
    "<a/b/c/><br/ ><img / src=//v.example/ / >",
    "<img src=\"a\"alt='b'title=c/>",
    "<img\0src=\0//w.example/\0>",
    "<é src=x><a-b c-d=e><1 src=//no.example/><:x>",
    "</p class=x><img src=/y></ img src=//no.example/>",
    "<input type=IMAGE src=//x.example/><link rel=\"Preload StyleSheet\" href=//y.example/>",
    "<base href=\"https://z.example/\"><body background=//za.example/>",
    "<object data=//zb.example/></object><embed src=//zc.example/>",
    "<video poster=//zd.example/><source srcset=\"/a 1x, //ze.example/b 2x\"></video>",
    "<form action=https://zf.example/send>",
    "text & more &lt; <",
    "\r\n",
    "\u{feff}",
    "é’ Welsh: Ŵ ŷ, Arabic: مرحبا",
    "<",
    "<img src=",
    "<img src=\"//zg.example/",
    "<!--",
    "<style>url(",
    "<script>",
    "<a ",
    "&#",
    "</",
];

/// What a [`StartTagReader`] was given, in order.
#[derive(Debug, PartialEq, Eq)]
enum Read {
    Start(String, Vec<(String, String)>),
    Style(String),
    End(String),
}

/// Records what it is given; keeps every attribute, or (`few`) those the origin check keeps
/// of a few elements, and `style`.
struct Recorder {
    few: bool,
    read: Vec<Read>,
}

impl StartTagReader for Recorder {
    fn wants_element(&self, name: &str) -> bool {
        !self.few || matches!(name, "img" | "link" | "script" | "meta" | "a")
    }
    fn wants_attribute(&self, name: &str) -> bool {
        !self.few || name == "style"
    }
    fn start_tag(&mut self, name: &str, attributes: Attributes<'_>) {
        let kept = attributes
            .iter()
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect();
        self.read.push(Read::Start(name.to_owned(), kept));
    }
    fn style_sheet(&mut self, css: &str) {
        self.read.push(Read::Style(css.to_owned()));
    }
    fn end_tag(&mut self, name: &str) {
        self.read.push(Read::End(name.to_owned()));
    }
}

/// Fails if the quick reading of `html`, where it does not refuse it, differs from
/// html5gum's; whether it read it.
fn assert_plain_read_alike(name: &str, html: &str) -> bool {
    let mut read = false;
    for few in [false, true] {
        let mut plain = Recorder {
            few,
            read: Vec::new(),
        };
        if read_plain_start_tags(html, &mut plain).is_err() {
            continue;
        }
        let mut full = Recorder {
            few,
            read: Vec::new(),
        };
        read_start_tags(html, &mut full);
        assert_eq!(
            plain.read, full.read,
            "{name}: read otherwise than html5gum reads it"
        );
        read = true;
    }
    read
}

#[test]
fn the_quick_reading_of_plain_pages_is_html5gums_on_every_page_of_both_sites() {
    let example = example_site();
    let mut read = 0;
    let mut pages = 0;
    for root in [example.path().to_path_buf(), fixture("council")] {
        for (path, html) in &html_pages(&root) {
            pages += 1;
            read += usize::from(assert_plain_read_alike(path, html));
            assert_origin_check_alike(html);
        }
    }
    // Rendered pages are plain: nearly all are read quickly.
    assert!(
        read * 10 >= pages * 9,
        "{read} of {pages} pages read quickly"
    );
}

#[test]
fn the_quick_reading_reads_plain_markup_as_html5gum_and_refuses_the_rest() {
    for piece in PIECES {
        assert_plain_read_alike(piece, piece);
    }
    let plain = "<!DOCTYPE html>\n<html lang=en><head><title>A &amp; B</title>\
                 <link rel=\"stylesheet\" href=\"/a.css\"><script src=/s.js defer></script>\
                 <style>p{color:red}</style></head><body><!-- note -->\
                 <p class='x' style=\"margin:0\">T &lt; <a href=\"https://x.example/?a&amp;b\">x</a>\
                 <img src=\"/i.png\" alt=\"a > b\" src=/second><br/><noscript>n</noscript>\
                 <svg viewBox=\"0 0 1 1\"><use href=\"#i\"/></svg></p></body></html>";
    assert!(assert_plain_read_alike("plain", plain));
    // Refused: read by html5gum instead.
    for html in [
        "<P>",
        "<img src=\"https&colon;//x.example/\">",
        "<img src=\"&#128;\">",
        "<img src=\"&ampx\">",
        "<script>a < b</script>",
        "<xmp><p></xmp>",
        "<noembed></noembed x>",
        "<title>a</title >",
        "<!-- a -- b -->",
        "<!--->",
        "</p class=x>",
        "a < b",
        "<img src=x\r\n>",
        "<p",
    ] {
        let mut reader = Recorder {
            few: true,
            read: Vec::new(),
        };
        assert!(read_plain_start_tags(html, &mut reader).is_err(), "{html}");
    }
}

/// Pieces of plain and nearly plain markup, for random pages the quick reading reads.
const PLAIN_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "text ",
    "&amp; &lt;",
    "<a href=\"/x/\" class=c>",
    "<img src=\"//x.example/a.png\" alt='x > y'>",
    "<img src=/b.png alt=z>",
    "<link rel=stylesheet href=/s.css>",
    "<link rel=\"canonical\" href=\"https://hub.example.org/\">",
    "<script src=/a.js defer></script>",
    "<script>",
    "</script>",
    "<style>a{b:url(/c)}</style>",
    "<style></style>",
    "<title>T &amp; U</title>",
    "<textarea>x</textarea>",
    "<xmp>x</xmp>",
    "<iframe srcdoc=\"<img src=//x.example/f>\"></iframe>",
    "<noembed><img src=//x.example/n></noembed>",
    "<noframes>y</noframes>",
    "<plaintext>",
    "<!-- c -->",
    "<!---->",
    "<!-- <!-->",
    "<!DOCTYPE html>",
    "<br/>",
    "<p style=\"color:red\" style=x>",
    "<noscript>",
    "</noscript>",
    "<svg><use href=#i /></svg>",
    "<svg viewBox=\"0 0 1 1\" ViewBox=x>",
    "<a title=\"&quot;\" href=/q>",
    "<meta http-equiv=refresh content=\"0; url=/x\">",
    "<input type=image src=/i>",
    "<a href=\"/x?a&amp;b&#39;&#x27;&#X3a;&lt;&gt;&quot;&apos;&#0039;\" title='&#233;&#x1F600;'>",
    "<meta name=description content=\"Dads&#39; group &amp; more\">",
    "<img src=\"&#58;&#128;&#0;&ampx;&amp&#xD800;&#1114112;&#x;&#;\">",
    "&",
    ";",
    "#",
    "<",
    "\"",
    "'",
    "=",
    " ",
    "\n",
    "-",
    ">",
];

/// Pieces the quick reading must read (not refuse), in any order: what rendered pages hold.
const ALWAYS_PLAIN: &[&str] = &[
    "<p>",
    "</p>",
    "text ",
    "&amp; &lt; &#233;",
    "<a href=\"/x/?a&amp;b\" class=c>",
    "<img src=\"//x.example/a.png\" alt='x > y'>",
    "<link rel=stylesheet href=/s.css>",
    "<script src=/a.js defer></script>",
    "<style>a{b:url(//x.example/c)}</style>",
    "<title>T &amp; U</title>",
    "<textarea>x</textarea>",
    "<xmp>x</xmp>",
    "<!-- c -->",
    "<!DOCTYPE html>",
    "<br/>",
    "<noscript>",
    "</noscript>",
    "<svg viewBox=\"0 0 1 1\"><use href=#i /></svg>",
    "<meta http-equiv=refresh content=\"0; url=https://x.example/\">",
    "<a title=\"Dads&#39; group &quot;here&quot;\" href=/q>",
    "<iframe src=\"https://x.example/\"></iframe>",
    "\n",
];

/// The origin check on `html` (own origin `https://hub.example.org`) as it runs, and read by
/// html5gum alone: equal, or the quick reading found a page clean that is not.
fn assert_origin_check_alike(html: &str) {
    let own = "https://hub.example.org";
    assert_eq!(
        foreign_loads_in_html(html, own),
        foreign_loads_read_whole(html, own),
        "{html:?}"
    );
}

#[test]
fn markup_that_trips_tokenizers_up_is_read_as_html5ever_reads_it() {
    for piece in PIECES {
        assert_read_alike(piece, piece);
    }
    let all = PIECES.concat();
    assert_read_alike("all pieces", &all);
    // A reading that saw none of it would pass the comparisons above only if html5ever did too.
    assert!(start_tags(&all).len() > 40);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn pages_made_of_those_pieces_are_read_as_html5ever_reads_them(
        parts in proptest::collection::vec(0..PIECES.len(), 1..24)
    ) {
        let html: String = parts.iter().map(|&i| PIECES[i]).collect();
        let before = html5ever_tags::start_tags(&html);
        let after = start_tags(&html);
        prop_assert_eq!(before, after, "{:?}", html);
    }

    #[test]
    fn plain_pages_made_of_those_pieces_are_read_as_html5gum_reads_them(
        parts in proptest::collection::vec(0..PLAIN_PIECES.len(), 1..24)
    ) {
        let html: String = parts.iter().map(|&i| PLAIN_PIECES[i]).collect();
        assert_plain_read_alike(&html, &html);
        assert_origin_check_alike(&html);
    }

    #[test]
    fn pages_of_plain_pieces_are_read_quickly_and_as_html5gum_reads_them(
        parts in proptest::collection::vec(0..ALWAYS_PLAIN.len(), 1..24)
    ) {
        let html: String = parts.iter().map(|&i| ALWAYS_PLAIN[i]).collect();
        prop_assert!(assert_plain_read_alike(&html, &html), "refused: {:?}", html);
        assert_origin_check_alike(&html);
    }

    #[test]
    fn any_text_is_read_quickly_as_html5gum_reads_it(
        html in "[<>/!?='\" a-zA-Z0-9&#;:\\-\t\n\u{c}é]{0,80}"
    ) {
        assert_plain_read_alike(&html, &html);
        assert_origin_check_alike(&html);
    }

    #[test]
    fn any_text_is_read_as_html5ever_reads_it(
        html in "[<>/!?='\" a-zA-Z0-9&#;:\\-\t\n\r\u{0}é]{0,80}"
    ) {
        let before = html5ever_tags::start_tags(&html);
        let after = start_tags(&html);
        prop_assert_eq!(before, after, "{:?}", html);
    }
}

/// The link scan (memchr since session 11) finds what the scan with `str::find` found.
#[test]
fn the_link_scan_finds_what_the_scan_with_str_find_found() {
    for html in [
        "",
        "href=\"",
        "src=\"/a",
        r#"<a href="/xhref="/y">"#,
        r#"<a href="/a/" data-href="/b/"><img data-src="/c.png" src="/d.png">"#,
        r#"<a href=/no><a href='/no'><a href="/é/ü">é</a><img src="/ŵ.png"src="/e">"#,
        r#"<!-- <a href="/in-a-comment/"> --><script>x = 'src="/in-a-script/"'</script>"#,
        r#"href="href="href="/z"src=""src="//cdn/"href="/last"#,
    ] {
        assert_eq!(
            site_paths_in_html(html),
            links_by_find::site_paths_by_find(html),
            "{html}"
        );
    }
}
