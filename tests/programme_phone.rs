//! The programme on a phone (issue 19, items 1 to 3): sessions before the week's introduction,
//! filters as one disclosure with the current value marked, every programme page carrying the
//! whole week's filter values for the script's counts, and cards a reader can decide from.
//! The browser suite (tests/browser, 'the programme on a phone') checks the same in Chromium.

mod common;

use common::{build, read_output, scratch_copy};

/// The council site built at 1 March 2027 (booking open for the spring fortnight).
fn council() -> tempfile::TempDir {
    let site = scratch_copy("council");
    let options = hubsite::pipeline::BuildOptions {
        now: hubsite::model::time::parse_now("2027-03-01T09:00:00Z").expect("valid now"),
        ..common::options(site.path())
    };
    hubsite::pipeline::run(&options, hubsite::pipeline::Sink::Folder, None, &|_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    site
}

/// The JSON the page carries for the programme's script.
fn filter_data(html: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/json\" data-programme-sessions>";
    let start = html.find(open).expect("the week's filter data") + open.len();
    let end = start + html[start..].find("</script>").expect("a closed script");
    serde_json::from_str(&html[start..end]).expect("valid JSON")
}

fn cards(html: &str) -> usize {
    html.matches("<li class=\"session-item\"").count()
}

#[test]
fn a_filter_page_carries_the_whole_weeks_filter_values_not_only_its_own_sessions() {
    // The bug: a filter page's script counted the whole week but could filter only the sessions
    // on the page, so 'Families (4)' showed '0 sessions'. Now every page carries every session.
    let site = council();
    let online = read_output(site.path(), "sessions/spring-2027/format/online/index.html");
    assert_eq!(cards(&online), 1, "the filter page lists its own sessions");
    let data = filter_data(&online);
    // Others add sessions to the council site: the whole fortnight is what its week page lists.
    let week = read_output(site.path(), "sessions/spring-2027/index.html");
    assert!(cards(&week) > 2);
    assert_eq!(
        data.len(),
        cards(&week),
        "but carries the whole fortnight: {data:?}"
    );
    let formats: Vec<&str> = data
        .iter()
        .map(|s| s["format"][0].as_str().unwrap())
        .collect();
    assert_eq!(formats.iter().filter(|f| **f == "online").count(), 1);
    assert!(formats.contains(&"in-person"));
    for session in &data {
        for key in ["day", "audience", "format", "topic"] {
            assert!(session[key].is_array(), "{key} in {session}");
        }
    }
    let week = read_output(site.path(), "sessions/spring-2027/index.html");
    assert_eq!(filter_data(&week), data, "the week page carries the same");
}

#[test]
fn a_filter_page_marks_its_own_value_as_the_current_page_and_names_it_in_the_summary() {
    let site = council();
    let online = read_output(site.path(), "sessions/spring-2027/format/online/index.html");
    assert_eq!(online.matches("aria-current=\"page\"").count(), 1);
    assert!(online.contains(
        "data-filter-value=\"online\" aria-current=\"page\"><span class=\"filter-label\">Online</span>"
    ));
    assert!(online.contains("<span class=\"filters__chosen\" data-filter-chosen>: Online</span>"));
    let week = read_output(site.path(), "sessions/spring-2027/index.html");
    assert!(
        !week.contains("aria-current=\"page\""),
        "the week page has no current value"
    );
}

#[test]
fn sessions_come_before_the_weeks_introduction_and_the_filters_are_one_closed_disclosure() {
    let site = council();
    let week = read_output(site.path(), "sessions/spring-2027/index.html");
    let filters = week
        .find("<details class=\"filters\" data-programme-filters>")
        .expect("filters in a <details>, closed");
    let first_card = week.find("<li class=\"session-item\"").expect("a card");
    let about = week
        .find("id=\"about\"")
        .expect("an 'About this week' section");
    let introduction = week
        .find("Talking Families is Northmoor")
        .expect("the introduction in full");
    let jump = week.find("href=\"#about\"").expect("a link to it");
    assert!(jump < filters && filters < first_card && first_card < about && about < introduction);
    assert!(
        week[about..].contains("week.ics"),
        "the calendar links are in the section"
    );
}

#[test]
fn cards_say_when_where_who_for_who_leads_and_the_booking_state() {
    let site = council();
    let week = read_output(site.path(), "sessions/spring-2027/index.html");
    let card = |title: &str| {
        let at = week.find(title).expect("the card");
        let start = week[..at]
            .rfind("<li class=\"session-item\"")
            .expect("its item");
        let end = at + week[at..].find("</li>").expect("its end");
        week[start..end].to_owned()
    };
    let teenagers = card("Talking with teenagers</a></h3>");
    for fact in [
        "<span class=\"visually-hidden\">When: </span>7pm to 8:30pm",
        "<span class=\"visually-hidden\">Where: </span>Online: Zoom",
        "<span class=\"tag tag--plain\">Online</span> For parents and carers.",
        "With فاطمة حسن and 李明",
        "data-phase=\"booking\">Booking open</strong>",
    ] {
        assert!(teenagers.contains(fact), "{fact} in {teenagers}");
    }
    // The title comes first, so list and heading navigation name the session first.
    assert!(teenagers.find("session-item__title") < teenagers.find("session-item__when"));
    let breakfast = card("Dads&#39; breakfast</a></h3>");
    assert!(breakfast.contains("Where: </span>Canolfan Gymunedol Pen-y-bryn"));
    assert!(breakfast.contains("With محمد علي, Northmoor Borough Council"));
}

#[test]
fn a_hybrid_card_names_the_venue_and_a_few_places_left_are_counted() {
    let site = scratch_copy("programme");
    build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let week = read_output(site.path(), "sessions/spring/index.html");
    assert!(week.contains("Where: </span>Example Library, or online</p>"));
    assert!(week.contains("data-phase=\"booking\">3 places left</strong>"));
    assert!(week.contains("data-phase=\"booking\">Waiting list</strong>"));
}
