//! The printed directory (issue 22, item 1): every build with services makes the directory as
//! an accessible PDF in A5 and A4 (`/directory/directory-a5.pdf`, `-a4.pdf`), linked from the
//! directory page with its size; `[directory.print]` chooses what goes in. Read back with
//! poppler's `pdfinfo`, `pdftotext`, `pdftohtml` and `pdftoppm` (poppler-utils, which
//! `scripts/test` installs), as tests/booklet.rs reads the booklet.

mod common;
mod pdf_tools;

use std::fs;
use std::path::Path;

use common::*;
use hubsite::load::load_site;
use hubsite::model::{ModelOptions, Site, build_site};
use hubsite::output::{Contents, Output};
use pdf_tools::{decoded_qr_codes, escaped, poppler, squeeze};

const A5: &str = "directory/directory-a5.pdf";
const A4: &str = "directory/directory-a4.pdf";

fn output_of(root: &Path) -> std::sync::Arc<Output> {
    common::check(&options(root))
        .expect("the site builds")
        .output
}

fn site_of(root: &Path) -> Site {
    let sources = load_site(root, &Default::default()).expect("loads");
    let options = ModelOptions {
        drafts: false,
        now: options(root).now,
    };
    build_site(&sources, &options).expect("models").0
}

fn bytes(output: &Output, path: &str) -> Vec<u8> {
    match output.get(path).map(|f| &f.contents) {
        Some(Contents::Bytes(bytes)) => bytes.to_vec(),
        _ => panic!("{path} is not in the output"),
    }
}

/// Both PDFs: the paper size pdfinfo names, tagged, titled, in the site's language, with an
/// outline entry and the text of every service and every 'Get help now' number.
fn check_printed_directory(root: &Path) -> usize {
    let site = site_of(root);
    let output = output_of(root);
    for (path, size) in [(A5, "420 x 595 pts (A5)"), (A4, "595.28 x 841.89 pts (A4)")] {
        let pdf = bytes(&output, path);
        let info = poppler("pdfinfo", &[], &pdf);
        assert!(info.contains(&format!("Page size:       {size}")), "{info}");
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(
            info.contains(&format!(
                "Title:           {}: directory of local support",
                site.config.title
            )),
            "{info}"
        );
        assert!(
            String::from_utf8_lossy(&pdf).contains(&format!("/Lang({})", site.config.language))
        );
        let text = squeeze(&poppler("pdftotext", &[], &pdf));
        let xml = poppler("pdftohtml", &["-xml", "-stdout", "-q"], &pdf);
        assert!(xml.contains("<outline>"), "the PDF has an outline");
        for service in &site.services {
            assert!(
                text.contains(&squeeze(&service.name)),
                "{} in {path}",
                service.name
            );
            assert!(
                xml.contains(&format!(">{}</item>", escaped(&service.name)))
                    || xml.contains(&format!(">{}</item>", service.name)),
                "an outline entry for {}",
                service.name
            );
            for detail in [&service.contact.phone, &service.contact.email]
                .into_iter()
                .flatten()
            {
                assert!(text.contains(detail.as_str()), "{detail} printed in full");
            }
        }
        for line in &site.config.help_now {
            let phone = line.phone.as_deref().expect("help lines have numbers");
            assert!(text.contains(phone), "Get help now: {phone} in {path}");
        }
        let back = text.rsplit("Get help now").next().unwrap_or_default();
        for service in site.services.iter().filter(|s| s.safety) {
            assert!(
                back.contains(&squeeze(&service.name)),
                "{} on the back cover",
                service.name
            );
        }
    }
    site.services.len()
}

#[test]
fn the_council_directory_prints_on_a5_and_a4_with_every_service_and_help_number() {
    // Every service, the practitioner-only one too: the printed directory is for key workers.
    let services = std::fs::read_dir(fixture("council").join("content/directory"))
        .unwrap()
        .count();
    assert_eq!(check_printed_directory(&fixture("council")), services);
}

#[test]
fn the_example_sites_directory_prints_every_service_and_help_number() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(check_printed_directory(root) > 3);
}

#[test]
fn a_directory_of_one_service_prints_on_a_few_pages() {
    assert_eq!(check_printed_directory(&fixture("one-service")), 1);
    let pdf = bytes(&output_of(&fixture("one-service")), A5);
    let info = poppler("pdfinfo", &[], &pdf);
    // Cover, the one level, the index and the back cover.
    assert!(info.contains("Pages:           4"), "{info}");
    let text = squeeze(&poppler("pdftotext", &[], &pdf));
    for fact in [
        "Who it is for: Ages 16 and over.",
        "How to get there: Self-referral.",
        "Cost: Free",
        "Email: talk@example.org",
        "Open: Thursday, 6pm to 7:30pm",
        "Last checked on 10 January 2024.",
    ] {
        assert!(text.contains(fact), "{fact} in {text}");
    }
}

#[test]
fn qr_codes_scan_to_each_services_page_under_the_sites_folder() {
    let output = output_of(&fixture("council"));
    let expected = [
        "https://council.example.gov.uk/familyhub/directory/couples-counselling/",
        "https://council.example.gov.uk/familyhub/directory/family-intensive-support/",
        "https://council.example.gov.uk/familyhub/directory/northmoor-domestic-abuse-service/",
        "https://council.example.gov.uk/familyhub/directory/northmoor-family-centre/",
    ];
    for path in [A5, A4] {
        let mut decoded = decoded_qr_codes(&bytes(&output, path));
        decoded.sort();
        assert_eq!(decoded, expected, "{path}");
    }
    let xml = poppler("pdftohtml", &["-xml", "-stdout", "-q"], &bytes(&output, A5));
    for url in expected {
        assert!(xml.contains(&format!("href=\"{url}\"")), "a link to {url}");
    }
}

#[test]
fn the_directory_page_offers_both_pdfs_with_their_sizes() {
    let output = output_of(&fixture("council"));
    let page = match output.get("directory/index.html").map(|f| &f.contents) {
        Some(Contents::Bytes(bytes)) => String::from_utf8(bytes.to_vec()).unwrap(),
        _ => panic!("no directory page"),
    };
    for (path, paper) in [(A5, "A5"), (A4, "A4")] {
        let size = bytes(&output, path).len().div_ceil(1024);
        let link =
            format!("<a href=\"/familyhub/{path}\" download>{paper} booklet (PDF, {size} KB)</a>");
        assert!(page.contains(&link), "{link} in the directory page");
    }
}

#[test]
fn the_printed_directory_is_byte_identical_across_builds() {
    let first = bytes(&output_of(&fixture("council")), A5);
    let second = bytes(&output_of(&fixture("council")), A5);
    assert!(
        first == second,
        "two builds at the same now give the same PDF"
    );
}

/// The council site with `print` as its `[directory.print]` and two online resources.
fn council_printing(print: &str) -> tempfile::TempDir {
    let site = scratch_copy("council");
    let config = site.path().join("hubsite.toml");
    let mut text = fs::read_to_string(&config).unwrap();
    text.push_str(&format!("\n[directory.print]\n{print}"));
    fs::write(&config, text).unwrap();
    fs::create_dir_all(site.path().join("content/resources")).unwrap();
    fs::write(
        site.path().join("content/resources/online.toml"),
        "[[resource]]\ntitle = \"Arguing better\"\nurl = \"https://example.org/arguing-better\"\n\
         kind = \"video\"\ntopics = [\"talking-together\"]\n\n[[resource]]\ntitle = \"Money worries\"\n\
         url = \"https://example.org/money\"\nkind = \"website\"\n",
    )
    .unwrap();
    site
}

#[test]
fn directory_print_chooses_services_by_id_and_category_and_resources_by_id_and_topic() {
    let site = council_printing(
        "services = [\"couples-counselling\"]\ncategories = [\"family-hub\"]\n\
         resources = [\"money-worries\"]\nresource_topics = [\"talking-together\"]\n",
    );
    let output = output_of(site.path());
    let text = squeeze(&poppler("pdftotext", &[], &bytes(&output, A5)));
    let inside = text.split("Get help now").nth(1).unwrap_or_default();
    assert!(text.contains("Couples counselling") && text.contains("Northmoor Family Centre"));
    assert!(
        !inside.contains("Northmoor Domestic Abuse Service"),
        "not chosen, so only on the back cover: {text}"
    );
    assert!(text.contains("Online resources") && text.contains("Arguing better"));
    assert!(text.contains("Money worries"));
    let back = text.rsplit("Get help now").next().unwrap_or_default();
    assert!(
        back.contains("Northmoor Domestic Abuse Service"),
        "safety services on the back"
    );
}

#[test]
fn directory_print_with_no_services_prints_nothing_and_links_nothing() {
    let site = council_printing("services = []\n");
    let output = output_of(site.path());
    assert!(output.get(A5).is_none() && output.get(A4).is_none());
    let page = match output.get("directory/index.html").map(|f| &f.contents) {
        Some(Contents::Bytes(bytes)) => String::from_utf8(bytes.to_vec()).unwrap(),
        _ => panic!("no directory page"),
    };
    assert!(!page.contains("directory-a5.pdf"));
}

#[test]
fn unknown_names_in_directory_print_are_located_with_a_hint() {
    let site = council_printing(
        "services = [\"couples-counseling\"]\ncategories = [\"parenting\"]\n\
         resources = [\"nothing-like-it\"]\nresource_topics = [\"talking\"]\n",
    );
    let report = match common::check(&options(site.path())) {
        Ok(_) => panic!("check found nothing"),
        Err(error) => error.to_string(),
    };
    let lines = fs::read_to_string(site.path().join("hubsite.toml"))
        .unwrap()
        .lines()
        .count();
    for (line, wanted) in [
        (lines - 3, "the service `couples-counseling`"),
        (lines - 2, "the category `parenting`"),
        (lines - 1, "the resource `nothing-like-it`"),
        (lines, "the topic `talking`"),
    ] {
        assert!(
            report.contains(&format!("hubsite.toml:{line}:")) && report.contains(wanted),
            "{wanted} at line {line}: {report}"
        );
    }
    assert!(
        report.contains("did you mean `couples-counselling`?"),
        "{report}"
    );
    assert!(report.contains("[E0105]"), "{report}");
}

/// A site of `count` services across the levels and categories, for sizes the examples lack.
fn many_services(count: usize) -> tempfile::TempDir {
    let site = scratch_copy("one-service");
    let dir = site.path().join("content/directory");
    fs::remove_file(dir.join("parent-talk.toml")).unwrap();
    fs::write(
        site.path().join("content/_index.md"),
        "+++\ntitle = \"Many services\"\n+++\nThe directory.\n",
    )
    .unwrap();
    let levels = ["universal", "targeted", "specialist"];
    let categories = [
        "counselling",
        "mediation",
        "parenting-programme",
        "money-advice",
        "peer-support",
    ];
    for n in 0..count {
        let summary = "Help for parents and carers, ".repeat(1 + n % 4);
        let text = format!(
            "name = \"Service {n:03} of the borough\"\norganisation = \"Organisation {n}\"\n\
             summary = \"{summary}in a line or two.\"\nlevel = \"{}\"\ncategories = [\"{}\"]\n\
             access = [\"self-referral\", \"professional-referral\"]\nreferral = \"Call to ask.\"\n\
             eligibility = \"Families in the borough.\"\nlanguages = [\"English\", \"Polish\"]\n\
             last_reviewed = 2024-01-10\n[cost]\nfree = true\n[contact]\nphone = \"0113 496 {:04}\"\n\
             email = \"service{n}@example.org\"\n[[schedule]]\ndays = [\"monday\", \"tuesday\", \"wednesday\"]\n\
             opens = \"09:00\"\ncloses = \"17:00\"\n",
            levels[n % 3],
            categories[(n / 3) % 5],
            n % 10000,
        );
        fs::write(dir.join(format!("service-{n:03}.toml")), text).unwrap();
    }
    site
}

#[test]
fn three_hundred_services_print_with_no_heading_left_at_the_foot_of_a_page() {
    let site = many_services(300);
    let output = output_of(site.path());
    for path in [A5, A4] {
        let raw = poppler("pdftotext", &["-layout"], &bytes(&output, path));
        let text = squeeze(&raw);
        for n in 0..300 {
            assert!(
                text.contains(&format!("Service {n:03} of the borough")),
                "{n} in {path}"
            );
        }
        // The last line of text on each page (above the footer) is never a heading: a
        // level, a category or a service's name.
        let headings = [
            "support",
            "Counselling",
            "Mediation",
            "Parenting programmes",
            "Money advice",
            "Peer support",
        ];
        for (number, page) in raw.split('\u{c}').enumerate() {
            let lines: Vec<&str> = page
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.contains("Page "))
                .collect();
            let Some(last) = lines.last() else { continue };
            assert!(
                !headings.iter().any(|h| last.ends_with(h)) && !last.ends_with("of the borough"),
                "page {} of {path} ends with a heading: {last}",
                number + 1
            );
        }
    }
    let info = poppler("pdfinfo", &[], &bytes(&output, A5));
    assert!(info.contains("Tagged:          yes"), "{info}");
}
