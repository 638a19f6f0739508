//! Sessions ready for families and next steps in every state (issue 19, items 4 and 5): the
//! family fields on pages, cards, JSON-LD and calendars, the time of day, weekend, free and
//! childcare filters, located errors (tests/sites/bad-family/), and what a full, hybrid or
//! finished session says. On the example site's 2027 week and the council site.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// A scratch copy of the example site (this repository's own content and sessions).
fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("scratch folder");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["content", "sessions"] {
        copy_tree(&repo.join(folder), &dir.path().join(folder));
    }
    fs::copy(repo.join("hubsite.toml"), dir.path().join("hubsite.toml")).expect("config");
    dir
}

/// Builds the site in `site` at `now`.
fn build_at(site: &Path, now: &str) {
    let mut options = options(site);
    options.now = hubsite::model::time::parse_now(now).unwrap();
    hubsite::pipeline::run(&options, hubsite::pipeline::Sink::Folder, None, &|_| {})
        .expect("site builds");
}

/// The example built at a moment when the 2027 week's booking is open.
fn example_built() -> tempfile::TempDir {
    let site = example_copy();
    build_at(site.path(), "2027-02-01T10:00:00Z");
    site
}

fn json_ld(html: &str) -> serde_json::Value {
    let start = html.find("application/ld+json\">").expect("JSON-LD") + 21;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

/// The cards of a programme page, as their opening `<li>` tags.
fn cards(html: &str) -> Vec<&str> {
    html.split("<li class=\"session-item\"")
        .skip(1)
        .map(|card| &card[..card.find("</li>").unwrap_or(card.len())])
        .collect()
}

#[test]
fn family_fields_show_on_the_session_page_the_card_and_in_the_calendar() {
    let site = example_built();
    let page = read_output(
        site.path(),
        "sessions/2027/saturday-stay-and-play-for-dads/index.html",
    );
    for row in [
        "<dt>Cost</dt><dd>£2. Free for families on Universal Credit",
        "<dt>Children</dt><dd>Children welcome</dd>",
        "<dt>Ages</dt><dd>2 to 8</dd>",
        "<dt>Refreshments</dt><dd>Breakfast rolls",
        "<dt>Help getting there</dt><dd>Bus fares paid back",
        "<dt>Parking</dt>",
        "<dt>Step-free route</dt><dd>From Southall station",
        "<li>Interpreters: Polish</li>",
    ] {
        assert!(page.contains(row), "{row}");
    }
    let week = read_output(site.path(), "sessions/2027/index.html");
    let card = cards(&week)
        .into_iter()
        .find(|c| c.contains("saturday-stay-and-play-for-dads/"))
        .unwrap();
    assert!(
        card.contains("£2. Children welcome. Ages 2 to 8.</p>"),
        "{card}"
    );
    let calendar = read_output(
        site.path(),
        "sessions/2027/couples-evening-with-creche/calendar.ics",
    );
    let unfolded = calendar.replace("\r\n ", "");
    for line in [
        "Cost: Free",
        "Children: Creche",
        "Ages: 0 to 10",
        "Interpreters: Somali\\, Arabic",
    ] {
        assert!(unfolded.contains(line), "{line} in {unfolded}");
    }
}

#[test]
fn json_ld_offers_the_real_price_and_no_price_when_none_is_given() {
    let site = example_built();
    let event = |slug: &str| {
        json_ld(&read_output(
            site.path(),
            &format!("sessions/2027/{slug}/index.html"),
        ))
    };
    let paid = event("saturday-stay-and-play-for-dads");
    assert_eq!(paid["offers"]["price"], "2.00");
    assert_eq!(paid["offers"]["priceCurrency"], "GBP");
    assert_eq!(paid["isAccessibleForFree"], false);
    let free = event("couples-evening-with-creche");
    assert_eq!(free["offers"]["price"], "0");
    assert_eq!(free["isAccessibleForFree"], true);
    // The price was always 0, whatever the session cost or whether anyone said.
    let unsaid = event("understanding-your-teenagers");
    assert!(unsaid["offers"].get("price").is_none(), "{unsaid}");
    assert!(unsaid.get("isAccessibleForFree").is_none(), "{unsaid}");
}

#[test]
fn time_of_day_weekend_free_and_childcare_have_pages_with_exact_lists() {
    let site = example_built();
    let week = read_output(site.path(), "sessions/2027/index.html");
    let all = cards(&week);
    for (key, value) in [
        ("time", "evening"),
        ("time", "morning"),
        ("when", "weekend"),
        ("cost", "free"),
        ("childcare", "creche"),
        ("childcare", "children-welcome"),
    ] {
        let attribute = format!("data-{key}=\"");
        let expected = all
            .iter()
            .filter(|card| {
                let start = card.find(&attribute).unwrap() + attribute.len();
                let values = &card[start..start + card[start..].find('"').unwrap()];
                values.split(' ').any(|v| v == value)
            })
            .count();
        assert!(expected > 0, "{key}={value}");
        let page = read_output(
            site.path(),
            &format!("sessions/2027/{key}/{value}/index.html"),
        );
        assert_eq!(cards(&page).len(), expected, "{key}={value}");
        let link = format!(
            "href=\"/sessions/2027/{key}/{value}/\" data-filter-value=\"{value}\" aria-current=\"page\""
        );
        assert!(page.contains(&link), "{key}={value} marks itself");
        assert!(
            week.contains(&format!("data-filter-count>({expected})</span>")),
            "{key}={value}"
        );
    }
    // Evenings start at 5pm: the 6pm creche evening is one, the 10am family morning is not.
    let evening = read_output(site.path(), "sessions/2027/time/evening/index.html");
    assert!(evening.contains("couples-evening-with-creche/"));
    assert!(!evening.contains("family-morning/"));
    // The script's data holds the new filters too.
    assert!(week.contains("\"time\":[\"evening\"]") && week.contains("\"when\":[\"weekend\"]"));
}

#[test]
fn a_filter_shows_only_when_the_weeks_sessions_differ_on_it() {
    let site = scratch_copy("council");
    let autumn = site.path().join("sessions/autumn-2027");
    for entry in fs::read_dir(&autumn).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") && !path.ends_with("week.toml") {
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, format!("cost = \"free\"\n{text}")).unwrap();
        }
    }
    build_at(site.path(), "2027-02-01T10:00:00Z");
    let autumn_week = read_output(site.path(), "sessions/autumn-2027/index.html");
    assert!(!autumn_week.contains("data-filter-key=\"cost\""));
    assert!(!autumn_week.contains("data-filter-key=\"childcare\""));
    assert!(
        !site
            .path()
            .join("public/sessions/autumn-2027/cost")
            .exists()
    );
    // Spring has one session with a creche and others without: the filter shows.
    let spring = read_output(site.path(), "sessions/spring-2027/index.html");
    assert!(spring.contains("data-filter-key=\"childcare\""));
    assert!(spring.contains("data-filter-key=\"time\""));
    assert!(
        !spring.contains("data-filter-key=\"cost\""),
        "no session is free"
    );
}

#[test]
fn bad_family_fields_are_all_located_with_a_code_and_a_hint() {
    let errors = build_errors("bad-family");
    for expected in [
        "sessions/spring/online-evening.toml:7:8: cost `five pounds` is neither free nor an amount in pounds [E0403]",
        "sessions/spring/online-evening.toml:8:13: unknown childcare `crèche` [E0105]",
        "sessions/spring/online-evening.toml:9:8: `toddlers` is not an age range [E0404]",
        "sessions/spring/online-evening.toml:10:16: an online session has no place to get to or eat at [E0405]",
        "sessions/spring/online-evening.toml:14:17: British Sign Language is bsl = true, not an interpreter's language [E0405]",
        "sessions/spring/online-evening.toml:14:24: Polish is in languages too",
        "sessions/spring/free-talk.toml:7:15: a free session has no concessions [E0405]",
        "sessions/spring/free-talk.toml:8:8: ages 5 to 2: the first age is more than the second [E0404]",
        "sessions/spring/no-cost.toml:6:15: concessions, but no cost [E0405]",
        "sessions/spring/no-cost.toml:7:8: ages, but no children come to this session [E0405]",
    ] {
        assert!(errors.contains(expected), "{expected}\nin\n{errors}");
    }
    assert!(errors.contains("hint: use creche, children-welcome or none"));
    assert!(errors.contains("10 problems found"), "{errors}");
}

/// The visible next step of a session page, as text.
fn visible_step(html: &str) -> String {
    let block = &html[html.find("class=\"next-steps\"").unwrap()..];
    let section = block
        .split("<section ")
        .skip(1)
        .find(|s| !s.split('>').next().unwrap_or("").contains(" hidden"))
        .unwrap();
    section[..section.find("</section>").unwrap()].to_owned()
}

#[test]
fn a_full_session_without_a_waiting_list_says_what_to_do_instead() {
    let site = scratch_copy("council");
    let file = site.path().join("sessions/spring-2027/dads-breakfast.toml");
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("[booking]\n", "[booking]\nstatus = \"full\"\n");
    fs::write(&file, text).unwrap();
    let open_but_none_left = site
        .path()
        .join("sessions/spring-2027/bump-and-baby-drop-in.toml");
    let text = fs::read_to_string(&open_but_none_left).unwrap();
    let text = if text.contains("[booking]") {
        text.replace("[booking]\n", "[booking]\nplaces_left = 0\n")
    } else {
        format!("{text}\n[booking]\nplaces_left = 0\n")
    };
    fs::write(&open_but_none_left, text).unwrap();
    build_at(site.path(), "2027-02-01T10:00:00Z");
    let step = visible_step(&read_output(
        site.path(),
        "sessions/spring-2027/dads-breakfast/index.html",
    ));
    assert!(step.contains("Fully booked"), "{step}");
    assert!(step.contains("<h3>Other dates with places</h3>"), "{step}");
    assert!(
        step.contains("/familyhub/sessions/spring-2027/talking-with-teenagers/"),
        "another session of the week on the same topic: {step}"
    );
    assert!(
        !step.contains("bump-and-baby-drop-in/"),
        "a full session is no other date: {step}"
    );
    assert!(
        step.contains("Email the organisers: talkingfamilies@example.org"),
        "{step}"
    );
    // The other date in Welsh: the theme's Welsh words around the day and time, and the
    // session's title marked when it has no Welsh.
    let welsh = visible_step(&read_output(
        site.path(),
        "cy/sessions/spring-2027/dads-breakfast/index.html",
    ));
    let other = welsh
        .split("/familyhub/cy/sessions/spring-2027/talking-with-teenagers/\">")
        .nth(1)
        .and_then(|rest| rest.split("</a>").next())
        .unwrap_or_else(|| panic!("the other date in Welsh: {welsh}"));
    assert!(other.contains(" am "), "{other}");
    assert!(!other.contains(" at "), "no English: {other}");
    assert!(
        other.starts_with("<span lang=\"en-GB\">Talking with teenagers</span>, "),
        "{other}"
    );
    // Open, but no places left: the same, never 'Book a place'.
    let none_left = visible_step(&read_output(
        site.path(),
        "sessions/spring-2027/bump-and-baby-drop-in/index.html",
    ));
    assert!(none_left.contains("Fully booked"), "{none_left}");
    assert!(!none_left.contains("Book a place"), "{none_left}");
}

#[test]
fn a_finished_online_session_never_speaks_of_joining_links() {
    let site = scratch_copy("council");
    build_at(site.path(), "2027-11-05T12:00:00Z");
    let page = read_output(
        site.path(),
        "sessions/autumn-2027/night-listening/index.html",
    );
    assert!(page.contains("This session has finished"));
    assert!(!page.contains("link is sent"), "{page}");
    assert!(!page.to_lowercase().contains("joining link"), "{page}");
}

#[test]
fn a_hybrid_session_names_its_venue_and_its_platform() {
    let site = example_built();
    let page = read_output(
        site.path(),
        "sessions/2027/becoming-parents-together/index.html",
    );
    let row = &page[page.find("<dt>Where</dt>").unwrap()..];
    let row = &row[..row.find("</div>").unwrap()];
    assert!(row.contains("; or online (Microsoft Teams)"), "{row}");
    assert!(
        row.contains("Family Hub") || row.contains("Centre"),
        "{row}"
    );
}

#[test]
fn the_spreadsheet_columns_carry_the_family_fields_both_ways() {
    let site = example_copy();
    let csv = site.path().join("2027.csv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(["export", "sessions", "--week", "2027"])
        .arg(&csv)
        .arg("--root")
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // The example's Welsh is not in the spreadsheet, and the export says which files have it.
    let notes = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        notes.contains("family-morning.toml: its translations are not in the spreadsheet"),
        "{notes}"
    );
    let text = fs::read_to_string(&csv).unwrap();
    let header = text.lines().next().unwrap();
    for column in [
        "interpreters",
        "cost",
        "concessions",
        "childcare",
        "ages",
        "refreshments",
        "transport_help",
        "parking",
        "step_free_route",
    ] {
        assert!(header.split(',').any(|h| h == column), "{column}");
    }
    assert!(text.contains("£2") && text.contains("children-welcome"));
    // Everything but the translations (which an import does not write) comes back as it was.
    let mut before = session_tables(&site.path().join("sessions/2027"));
    for (name, table) in &mut before {
        if name != "week.toml" {
            without_translations(table);
        }
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(["import", "sessions"])
        .arg(&csv)
        .args(["--week", "2027", "--force", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(session_tables(&site.path().join("sessions/2027")), before);
}

/// Every session file of a week folder, read as TOML (comments and order aside).
fn session_tables(dir: &Path) -> Vec<(String, toml::Table)> {
    read_tree(dir)
        .into_iter()
        .filter(|(name, _)| name.ends_with(".toml"))
        .map(|(name, bytes)| {
            let table = toml::from_str(&String::from_utf8(bytes).unwrap()).unwrap();
            (name, table)
        })
        .collect()
}
