//! The origin check reads pages with html5gum's tokenizer since session 11 (four times cheaper
//! than html5ever's, which it read with before). A browser's reading is what makes the check
//! worth having, so the new reading is compared with the old, start tag by start tag: on every
//! page of the example site and of the council site, on markup chosen to trip a tokenizer up,
//! and on random pages made of such pieces. (`examples/time_origins.rs --compare` does the
//! same over a generated corpus: 13,072 pages of `gen_corpus --pages 10000`, none different.)
//! The link scan, on memchr since then, is compared with its `str::find` scan the same way.

mod common;
#[path = "common/html5ever_tags.rs"]
mod html5ever_tags;
#[path = "common/links_by_find.rs"]
mod links_by_find;

use common::*;
use hubsite::html_scan::start_tags;
use hubsite::output::links::site_paths_in_html;
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
