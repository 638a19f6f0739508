//! Booking that tells the truth (issue 16, items 2 to 5 and two checks of item 10), on the
//! second example site (tests/sites/council/): the session's own way to book beats its week's,
//! a session marked closed says when booking opens until it does, booking closes when the
//! session starts, search results show the state true when read, and bad booking details are
//! located errors (tests/sites/bad-booking/).

mod common;
mod tools;

use std::path::Path;

use common::*;

/// Builds the council site at `now` and returns its scratch folder.
fn council_at(now: &str) -> tempfile::TempDir {
    let site = scratch_copy("council");
    let mut options = options(site.path());
    options.now = hubsite::model::time::parse_now(now).unwrap();
    hubsite::pipeline::run(&options, hubsite::pipeline::Sink::Folder, None, &|_| {})
        .expect("council site builds");
    site
}

/// The session page's next-steps block, and its visible (not hidden) step as plain text.
fn next_steps(site: &Path, session: &str) -> (String, String) {
    let html = read_output(site, &format!("sessions/{session}/index.html"));
    let start = html
        .find("class=\"next-steps\"")
        .expect("a next-steps block");
    let block = &html[start..];
    let block = block[..block.find("</div>").unwrap_or(block.len())].to_owned();
    let visible = block
        .split("<section ")
        .skip(1)
        .filter(|s| !s.split('>').next().unwrap_or("").contains(" hidden"))
        .map(|s| text_of(&s[s.find('>').map_or(0, |i| i + 1)..]))
        .collect::<Vec<_>>()
        .join(" | ");
    (block, visible)
}

fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => {
                inside = false;
                out.push(' ');
            }
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn an_email_only_session_in_a_week_with_a_form_offers_its_email_not_the_form() {
    let site = council_at("2027-03-10T12:00:00Z");
    let (block, visible) = next_steps(site.path(), "spring-2027/dads-breakfast");
    assert!(
        visible.contains("Book by email: dads@example.org"),
        "{visible}"
    );
    assert!(
        block.contains("href=\"mailto:dads@example.org?subject=Booking%3A%20Dads%27%20breakfast"),
        "{block}"
    );
    assert!(
        !block.contains("forms.example.org"),
        "the week's form is not offered: {block}"
    );
    // A session that says nothing about booking still gets the week's form.
    let (block, _) = next_steps(site.path(), "spring-2027/talking-with-teenagers");
    assert!(
        block.contains(
            "href=\"https://forms.example.org/talking-families?s=talking-with-teenagers\""
        ),
        "{block}"
    );
}

#[test]
fn a_phone_only_session_offers_a_tel_link_and_nothing_else() {
    let site = council_at("2027-03-10T12:00:00Z");
    let (block, visible) = next_steps(site.path(), "spring-2027/bump-and-baby-drop-in");
    assert_eq!(
        visible,
        "Book a place Booking closes at 10am on Tuesday 23 March 2027. Book by phone: 0113 496 0321"
    );
    assert!(
        block.contains(
            "<a class=\"button\" href=\"tel:01134960321\">Book by phone: 0113 496 0321</a>"
        ),
        "{block}"
    );
    assert!(
        !block.contains("forms.example.org") && !block.contains("mailto:"),
        "{block}"
    );
    let calendar = read_output(
        site.path(),
        "sessions/spring-2027/bump-and-baby-drop-in/calendar.ics",
    );
    // Unfolded (RFC 5545 3.1): where a long line is folded depends on what comes before.
    assert!(
        calendar
            .replace("\r\n ", "")
            .contains("Book by phone: 0113 496 0321"),
        "{calendar}"
    );
}

#[test]
fn a_session_marked_closed_says_when_booking_opens_until_it_does() {
    let before = council_at("2027-08-01T12:00:00Z");
    let (_, visible) = next_steps(before.path(), "autumn-2027/kinship-carers-evening");
    assert_eq!(
        visible,
        "Booking is not open yet Booking opens at 9am on Wednesday 1 September 2027."
    );
    let page = read_output(
        before.path(),
        "sessions/autumn-2027/kinship-carers-evening/index.html",
    );
    assert!(
        page.contains("data-phase=\"not-yet-open\">Booking opens 1 September 2027</strong>"),
        "the tag too"
    );
    let after = council_at("2027-09-02T12:00:00Z");
    let (_, visible) = next_steps(after.path(), "autumn-2027/kinship-carers-evening");
    assert_eq!(
        visible,
        "Booking closed Booking for this session has closed."
    );
}

#[test]
fn booking_closes_when_the_session_starts_if_that_is_before_the_week_closes() {
    // The spring week's booking closes on Thursday 1 April; the breakfast is on Sunday 28 March.
    let site = council_at("2027-03-10T12:00:00Z");
    let (block, visible) = next_steps(site.path(), "spring-2027/dads-breakfast");
    assert!(
        visible.contains("Booking closes at 9:30am on Sunday 28 March 2027."),
        "{visible}"
    );
    assert!(
        block.contains("data-closes=\"2027-03-28T08:30:00Z\""),
        "{block}"
    );
    // The autumn week closes on Saturday 30 October at noon, before the night session starts.
    let (block, _) = next_steps(site.path(), "autumn-2027/night-listening");
    assert!(
        block.contains("data-closes=\"2027-10-30T11:00:00Z\""),
        "{block}"
    );
}

#[test]
fn bad_booking_details_are_located() {
    insta::assert_snapshot!(build_errors("bad-booking"));
}

#[test]
fn search_results_and_the_page_script_agree_with_the_build_on_every_phase() {
    if !tools::require("booking: phases", &["node"], &[]) {
        return;
    }
    let site = council_at("2027-03-10T12:00:00Z");
    tools::node_test(
        "tests/js/phases.test.js",
        &[("BOOKING_PUBLIC", site.path().join("public").as_os_str())],
        2,
    );
}
