//! The directory's and the resource library's words in the site's language (issue 20): a
//! Welsh site's directory, service pages, practitioners' guide and library are in Welsh, with
//! Welsh plurals, while machine outputs (the ORUK export, the CSV) keep English.

mod common;

use common::{check, options, scratch_copy};

/// Page `path` of the Welsh fixture site, as built.
fn welsh_pages() -> Vec<(String, String)> {
    let site = scratch_copy("cymraeg");
    let run = check(&options(site.path())).expect("the Welsh site builds");
    run.output
        .files
        .iter()
        .filter_map(|f| match &f.contents {
            hubsite::output::Contents::Bytes(bytes) => {
                Some((f.path.clone(), String::from_utf8_lossy(bytes).into_owned()))
            }
            hubsite::output::Contents::Asset(_) | hubsite::output::Contents::Written(_) => None,
        })
        .collect()
}

fn page<'a>(pages: &'a [(String, String)], path: &str) -> &'a str {
    &pages
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("{path} is built"))
        .1
}

fn assert_has(text: &str, path: &str, expected: &[&str]) {
    for shown in expected {
        assert!(text.contains(shown), "{path} lacks {shown}");
    }
}

#[test]
fn a_welsh_directory_says_everything_in_welsh_with_welsh_plurals() {
    let pages = welsh_pages();
    let home = page(&pages, "directory/index.html");
    assert_has(
        home,
        "the directory",
        &[
            "<p class=\"lead\">Cymorth lleol i deuluoedd, o help sy&#39;n agored i bob teulu i gymorth dwysach, arbenigol. Mae canolfannau hybiau teulu wedi'u rhestru gyntaf.</p>",
            "(1 gwasanaeth): Ar agor i bob teulu, heb fod angen atgyfeiriad.",
            ">Cyffredinol</text>",
            "<label for=\"filter-level\">Lefel y cymorth</label>",
            "<option value=\"free\">Am ddim</option>",
            "<option value=\"monday\">Dydd Llun</option>",
            ">Oedolion <span class=\"count\">(1)</span>",
            // The filter script's words for each of Welsh's six plural categories: Welsh
            // mutates after 2.
            "data-plural-zero=\"{count} gwasanaeth\" data-plural-one=\"{count} gwasanaeth\" data-plural-two=\"{count} wasanaeth\" data-plural-few=\"{count} gwasanaeth\" data-plural-many=\"{count} gwasanaeth\" data-plural-other=\"{count} gwasanaeth\"",
            ">2 wasanaeth</p>",
            "aria-label=\"Ffeithiau allweddol\"",
            "<li>Hunangyfeirio</li>",
        ],
    );
    let hub = page(&pages, "directory/canolfan-deulu-cwm-tawel/index.html");
    assert_has(
        hub,
        "the family hub's page",
        &[
            "<dt>Faint mae'n ei gostio</dt><dd>Am ddim</dd>",
            "<dd>Oed 0 i 11. </dd>",
            "<dd>Wyneb yn wyneb</dd>",
            "09:30 i 15:00 (yn Canolfan Gymunedol Cwm Tawel)",
            "<li>Dydd Sadwrn, 10:00 i 12:00</li>",
            ">Map o Canolfan Gymunedol Cwm Tawel ar OpenStreetMap</a>",
            "Ffôn: <a href=\"tel:02920180001\">029 2018 0001</a>",
            "Gwiriwyd ddiwethaf ar <time datetime=\"2026-10-01\">1 Hydref 2026</time>.",
            "subject=Newid%20i%20cofnod%20y%20cyfeiriadur%20Canolfan%20Deulu%20Cwm%20Tawel",
        ],
    );
    let safety = page(&pages, "directory/gwasanaeth-cam-drin-domestig/index.html");
    assert_has(
        safety,
        "the safety service's page",
        &[
            "<dd>Oed 16 a hŷn. </dd>",
            "<dt>Caniatâd</dt><dd>Mae angen caniatâd ysgrifenedig y teulu</dd>",
            "<h2>I ymarferwyr: sut i atgyfeirio</h2>",
            "Fideo</span> <span class=\"meta\">1 awr 4 munud</span>",
        ],
    );
    let guide = page(&pages, "directory/for-practitioners/index.html");
    assert_has(
        guide,
        "the guide for practitioners",
        &[
            "<h1>Atgyfeirio teulu: canllaw i ymarferwyr</h1>",
            // The level's sentence from the theme, in the page's language.
            "<p>Ar agor i bob teulu, heb fod angen atgyfeiriad.</p>",
            "Cymorth i Fenywod Cwm Tawel. Cymorth Arbenigol. Ar gyfer: teuluoedd ac ymarferwyr.",
            "<h3 id=\"category-domestic-abuse\">Cymorth cam-drin domestig</h3>",
        ],
    );
    let filter = page(&pages, "directory/level/specialist/index.html");
    assert_has(
        filter,
        "a filter's page",
        &["<p class=\"lead\">1 gwasanaeth ar gyfer lefel y cymorth: Arbenigol.</p>"],
    );
    let library = page(&pages, "resources/index.html");
    assert_has(
        library,
        "the library",
        &[
            "<p class=\"meta\">2 adnodd. Mae'r dolenni'n mynd i wefannau eraill.</p>",
            ">Fideos</h2>",
            ">Erthygl</span>",
            "Gan Elusen Teuluoedd Enghreifftiol",
        ],
    );
    let home = page(&pages, "index.html");
    assert_has(
        home,
        "the home page's card for the directory",
        &[
            "2 wasanaeth yn agos atoch chi, gan gynnwys cymorth cam-drin domestig, hybiau teulu a sesiynau galw heibio.",
        ],
    );
    let kind = page(&pages, "resources/kind/video/index.html");
    assert!(kind.contains("<h1>Adnoddau: fideos</h1>"), "{kind}");
}

#[test]
fn machine_outputs_of_a_welsh_directory_keep_english() {
    let pages = welsh_pages();
    let csv = page(&pages, "directory/directory.csv");
    assert!(
        csv.contains("Monday to Friday, 09:30 to 15:00 (at Canolfan Gymunedol Cwm Tawel)"),
        "{csv}"
    );
}
