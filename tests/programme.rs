//! The practice-week programme: pages, booking states over time, calendars, JSON-LD, errors.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Builds the programme fixture at `now` and returns its scratch folder.
fn build_at(now: &str) -> tempfile::TempDir {
    let site = scratch_copy("programme");
    let mut options = options(site.path());
    options.now = hubsite::model::time::parse_now(now).unwrap();
    hubsite::pipeline::run(&options, hubsite::pipeline::Sink::Folder, None, &|_| {})
        .expect("programme fixture builds");
    site
}

/// The visible (not hidden) phase texts of the first `data-phases` group on a page.
fn visible_state(html: &str) -> String {
    let start = html
        .find("class=\"next-steps\"")
        .expect("a next-steps block");
    let block = &html[start..];
    let block = &block[..block.find("</div>\n").unwrap_or(block.len())];
    block
        .split("<section ")
        .skip(1)
        .filter(|s| !s.split('>').next().unwrap_or("").contains(" hidden"))
        .map(|s| {
            strip_tags(&s[s.find('>').map_or(0, |i| i + 1)..])
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn strip_tags(html: &str) -> String {
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
    out
}

#[test]
fn session_pages_tell_the_truth_at_each_moment() {
    let moments = [
        ("before booking opens", "2024-02-20T12:00:00Z"),
        ("while booking is open", "2024-03-10T12:00:00Z"),
        ("after booking closes", "2024-03-25T12:00:00Z"),
        ("during the session", "2024-03-26T10:15:00Z"),
        ("after it ends", "2024-03-26T12:00:00Z"),
    ];
    let mut report = String::new();
    for (label, now) in moments {
        let site = build_at(now);
        report.push_str(&format!("## {label} ({now})\n"));
        for slug in ["teenagers", "evening", "family-day", "cancelled"] {
            let html = read_output(site.path(), &format!("sessions/spring/{slug}/index.html"));
            report.push_str(&format!("{slug}: {}\n", visible_state(&html)));
        }
    }
    insta::assert_snapshot!(report);
}

#[test]
fn every_session_has_a_page_a_calendar_and_json_ld_and_is_on_its_week_page() {
    let site = build_at("2024-03-10T12:00:00Z");
    let week = read_output(site.path(), "sessions/spring/index.html");
    for slug in ["teenagers", "evening", "family-day", "cancelled"] {
        assert!(
            week.contains(&format!("href=\"/sessions/spring/{slug}/\"")),
            "{slug} on the week page"
        );
        let page = read_output(site.path(), &format!("sessions/spring/{slug}/index.html"));
        let json = page
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .and_then(|s| s.split("</script>").next())
            .unwrap();
        let event: serde_json::Value = serde_json::from_str(json).expect("valid JSON-LD");
        assert_eq!(event["@type"], "Event");
        assert!(
            site.path()
                .join(format!("public/sessions/spring/{slug}/calendar.ics"))
                .exists()
        );
    }
    let cancelled = read_output(site.path(), "sessions/spring/cancelled/index.html");
    assert!(cancelled.contains("\"eventStatus\": \"https://schema.org/EventCancelled\""));
    let hybrid = read_output(site.path(), "sessions/spring/evening/index.html");
    assert!(
        hybrid.contains("MixedEventAttendanceMode")
            && hybrid.contains("VirtualLocation")
            && hybrid.contains("\"Place\"")
    );
}

#[test]
fn json_ld_start_dates_carry_the_uk_offset_across_the_clock_change() {
    let site = build_at("2024-03-10T12:00:00Z");
    let before = read_output(site.path(), "sessions/spring/teenagers/index.html");
    assert!(before.contains("\"startDate\": \"2024-03-26T10:00:00+00:00\""));
    let after = read_output(site.path(), "sessions/spring/family-day/index.html");
    assert!(
        after.contains("\"startDate\": \"2024-03-31T10:00:00+01:00\""),
        "BST after the change"
    );
}

#[test]
fn filter_pages_work_without_javascript() {
    let site = build_at("2024-03-10T12:00:00Z");
    let online = read_output(site.path(), "sessions/spring/format/online/index.html");
    assert!(
        online.contains("/sessions/spring/teenagers/")
            && !online.contains("href=\"/sessions/spring/family-day/\"")
    );
    let day = read_output(site.path(), "sessions/spring/day/2024-03-31/index.html");
    assert!(day.contains("1 session<"));
    assert!(
        read_output(site.path(), "sessions/spring/audience/families/index.html")
            .contains("Family day")
    );
    assert!(
        read_output(site.path(), "sessions/spring/topic/teenagers/index.html")
            .contains("Understanding your teenagers")
    );
}

#[test]
fn booking_links_come_from_the_session_the_week_template_or_email() {
    let site = build_at("2024-03-10T12:00:00Z");
    let teenagers = read_output(site.path(), "sessions/spring/teenagers/index.html");
    assert!(teenagers.contains("href=\"https://example.org/book?session=teenagers\""));
    assert!(teenagers.contains("3 places left"));
    let evening = read_output(site.path(), "sessions/spring/evening/index.html");
    assert!(
        evening.contains("Join the waiting list") && evening.contains("mailto:book@example.org")
    );
}

#[test]
fn calendars_parse_with_an_independent_parser_and_have_the_right_instants() {
    let site = build_at("2024-03-10T12:00:00Z");
    let script = r#"
import sys, pathlib
from icalendar import Calendar
for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.ics')):
    data = path.read_bytes()
    assert b'\r\n' in data and b'\n' not in data.replace(b'\r\n', b''), f'{path}: lines must end with CRLF'
    for line in data.split(b'\r\n'):
        assert len(line) <= 75, f'{path}: line longer than 75 octets'
    cal = Calendar.from_ical(data)
    for event in cal.walk('VEVENT'):
        print(path.relative_to(sys.argv[1]), event['UID'], event['DTSTART'].dt.isoformat(), event['DTEND'].dt.isoformat(), event.get('STATUS'), event.get('SEQUENCE'))
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(site.path().join("public"))
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "independent parser failed (pip install icalendar): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn two_programme_builds_are_byte_identical() {
    let a = build_at("2024-03-10T12:00:00Z");
    let b = build_at("2024-03-10T12:00:00Z");
    assert_eq!(
        read_tree(&a.path().join("public")),
        read_tree(&b.path().join("public"))
    );
}

#[test]
fn broken_session_files_are_all_located() {
    insta::assert_snapshot!(build_errors("bad-sessions"));
}

#[test]
fn a_broken_session_leaves_the_previous_output_as_it_was() {
    let site = build_at("2024-03-10T12:00:00Z");
    let before = read_tree(&site.path().join("public"));
    fs::write(
        site.path().join("sessions/spring/teenagers.toml"),
        "title = \"x\"\nstart = 2024-03-26T10:00:00\nformat = \"online\"\n",
    )
    .unwrap();
    let error = build(site.path()).unwrap_err().to_string();
    assert!(
        error.contains("sessions/spring/teenagers.toml:2:9: this session has a start but no end"),
        "{error}"
    );
    assert_eq!(read_tree(&site.path().join("public")), before);
    assert!(
        Path::new(
            &site
                .path()
                .join("public/sessions/spring/teenagers/index.html")
        )
        .exists()
    );
}

#[test]
fn home_page_lists_sessions_coming_up_and_nothing_stale_after_the_week() {
    let during = build_at("2024-03-26T10:15:00Z");
    let home = read_output(during.path(), "index.html");
    assert!(
        home.contains("<h2>Happening now</h2>") && home.contains("Understanding your teenagers")
    );
    assert!(home.contains("<h2>Coming up</h2>") && home.contains("Family day"));
    assert!(
        !home.contains("Cancelled workshop"),
        "cancelled sessions are not promoted"
    );
    let after = build_at("2024-05-01T10:00:00Z");
    let home = read_output(after.path(), "index.html");
    assert!(!home.contains("Coming up") && !home.contains("Happening now"));
}
