//! 'My sessions' (issue 19, item 6): each week publishes a page (`/sessions/<week>/mine/`) that
//! lists the sessions a reader chose (named only in the address's fragment) and the data its
//! script builds one calendar file from (`mine/events.json`). The events must be the ones the
//! per-session calendar files hold, so a later download replaces rather than duplicates; the
//! council site is hosted under a folder (`/familyhub/`). The browser suite ('my sessions')
//! checks the script itself in Chromium.

mod common;
mod tools;

use common::{read_output, scratch_copy};

/// The council site built at 1 March 2027 (booking open for the spring fortnight).
fn council() -> tempfile::TempDir {
    let site = scratch_copy("council");
    build_at(site.path(), "2027-03-01T09:00:00Z").unwrap_or_else(|e| panic!("{e}"));
    site
}

fn build_at(root: &std::path::Path, now: &str) -> Result<hubsite::pipeline::Run, hubsite::Error> {
    let options = hubsite::pipeline::BuildOptions {
        now: hubsite::model::time::parse_now(now).expect("valid now"),
        ..common::options(root)
    };
    hubsite::pipeline::run(&options, hubsite::pipeline::Sink::Folder, None, &|_| {})
}

/// A week's events.json: (calendar_start, calendar_end, [(slug, event)]).
fn events(site: &std::path::Path, week: &str) -> (String, String, Vec<(String, String)>) {
    let text = read_output(site, &format!("sessions/{week}/mine/events.json"));
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let field = |v: &serde_json::Value, key: &str| v[key].as_str().expect(key).to_owned();
    let sessions = json["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .map(|s| (field(s, "slug"), field(s, "event")))
        .collect();
    (
        field(&json, "calendar_start"),
        field(&json, "calendar_end"),
        sessions,
    )
}

#[test]
fn choosing_every_session_gives_the_weeks_calendar_byte_for_byte_and_each_event_is_its_own_files() {
    let site = council();
    for week in ["spring-2027", "autumn-2027"] {
        let (start, end, sessions) = events(site.path(), week);
        assert!(sessions.len() >= 3, "{week}: {sessions:?}");
        // What the script does with every session chosen: the week's own file, to the byte.
        let all: String = sessions.iter().map(|(_, event)| event.as_str()).collect();
        assert_eq!(
            format!("{start}{all}{end}"),
            read_output(site.path(), &format!("sessions/{week}/week.ics")),
            "{week}"
        );
        for (slug, event) in &sessions {
            assert!(event.starts_with("BEGIN:VEVENT\r\n") && event.ends_with("END:VEVENT\r\n"));
            assert_eq!(event.matches("BEGIN:VEVENT").count(), 1, "{slug}");
            let own = read_output(site.path(), &format!("sessions/{week}/{slug}/calendar.ics"));
            assert!(
                own.contains(event.as_str()),
                "{slug}'s own file holds the same event"
            );
        }
    }
}

#[test]
fn two_chosen_sessions_read_by_icalendar_equal_their_own_files_events() {
    if !tools::require(
        "two_chosen_sessions_read_by_icalendar_equal_their_own_files_events",
        &["python3"],
        &[],
    ) {
        return;
    }
    let site = council();
    let (start, end, sessions) = events(site.path(), "autumn-2027");
    // Two sessions, the second chosen first: the file keeps the week's order either way.
    let chosen = [&sessions[2], &sessions[0]];
    let mut text = start;
    for (_, event) in sessions.iter().filter(|s| chosen.contains(s)) {
        text.push_str(event);
    }
    text.push_str(&end);
    let mine = site.path().join("mine.ics");
    std::fs::write(&mine, &text).expect("write");
    let own: Vec<_> = chosen
        .iter()
        .map(|(slug, _)| {
            site.path()
                .join(format!("public/sessions/autumn-2027/{slug}/calendar.ics"))
        })
        .collect();
    let script = r#"
import sys
from icalendar import Calendar
def events(path):
    data = open(path, 'rb').read()
    assert b'\n' not in data.replace(b'\r\n', b''), f'{path}: lines must end with CRLF'
    assert all(len(line) <= 75 for line in data.split(b'\r\n')), f'{path}: a line over 75 octets'
    return {str(e['UID']): e.to_ical() for e in Calendar.from_ical(data).walk('VEVENT')}
mine = events(sys.argv[1])
own = {}
for path in sys.argv[2:]:
    own.update(events(path))
assert len(mine) == 2, mine.keys()
assert mine == own, (mine, own)
print('\n'.join(sorted(mine)))
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&mine)
        .args(&own)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "icalendar disagrees (pip install icalendar): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let uids = String::from_utf8_lossy(&out.stdout);
    assert_eq!(uids.lines().count(), 2, "{uids}");
    assert!(uids.contains("@council.example.gov.uk/familyhub"), "{uids}");
}

#[test]
fn the_mine_page_lists_the_week_under_the_folder_and_explains_itself_without_javascript() {
    let site = council();
    let page = read_output(site.path(), "sessions/spring-2027/mine/index.html");
    assert!(page.contains("<h1>My sessions: Talking Families fortnight, spring 2027</h1>"));
    // Without JavaScript: how to get each session's own file, from the week's programme.
    let fallback = &page[page
        .find("data-my-sessions-fallback>")
        .expect("the explanation")..];
    let fallback = &fallback[..fallback.find("</div>").expect("closed")];
    assert!(fallback.contains("<a href=\"/familyhub/sessions/spring-2027/\">"));
    assert!(fallback.contains("Download a calendar file (.ics)"));
    // With it: every session of the week as a card, hidden until the script shows the chosen.
    assert!(page.contains("data-my-sessions data-mine-page hidden"));
    for slug in [
        "bump-and-baby-drop-in",
        "talking-with-teenagers",
        "dads-breakfast",
    ] {
        assert!(
            page.contains(&format!(
                "<a href=\"/familyhub/sessions/spring-2027/{slug}/\">"
            )),
            "{slug}"
        );
    }
    assert!(page.contains(
        "href=\"/familyhub/sessions/spring-2027/mine/\" data-my-sessions-link>https://council.example.gov.uk/familyhub/sessions/spring-2027/mine/</a>"
    ));
    // Controls that need JavaScript are the script's to add: none is in the HTML.
    assert!(
        !page.contains("<button type=\"button\""),
        "no button that does nothing"
    );
    assert!(page.contains("<script src=\"/familyhub/js/my-sessions."));
}

#[test]
fn every_programme_page_of_a_week_offers_my_sessions_to_its_script() {
    let site = council();
    for (path, session) in [
        ("sessions/spring-2027/index.html", None),
        ("sessions/spring-2027/format/online/index.html", None),
        ("sessions/spring-2027/day/2027-03-28/index.html", None),
        (
            "sessions/spring-2027/dads-breakfast/index.html",
            Some("dads-breakfast"),
        ),
    ] {
        let page = read_output(site.path(), path);
        assert!(
            page.contains("<div class=\"my-sessions-bar\" data-my-sessions hidden"),
            "{path}"
        );
        assert!(
            page.contains(
                "<a href=\"/familyhub/sessions/spring-2027/mine/\" data-my-sessions-link>"
            ),
            "{path}"
        );
        assert!(
            page.contains("<script src=\"/familyhub/js/my-sessions."),
            "{path}"
        );
        assert_eq!(
            page.contains("data-session=\"dads-breakfast\""),
            session.is_some(),
            "{path}"
        );
        assert!(!page.contains("<button type=\"button\""), "{path}");
    }
}

#[test]
fn a_session_named_mine_is_reported_rather_than_hiding_the_my_sessions_page() {
    let site = scratch_copy("council");
    let week = site.path().join("sessions/spring-2027");
    std::fs::copy(week.join("dads-breakfast.toml"), week.join("mine.toml")).expect("copy");
    let error = build_at(site.path(), "2027-03-01T09:00:00Z")
        .expect_err("two pages at one address")
        .to_string();
    assert!(
        error.contains("sessions/spring-2027/mine/index.html"),
        "{error}"
    );
    assert!(error.contains("mine.toml"), "{error}");
}
