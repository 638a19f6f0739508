//! Every output in the reader's language (issue 20, items 3 and 5): calendar files (.ics) say
//! in the site's language what they add to a session's own text and carry RFC 5545's
//! `LANGUAGE` parameter, JSON-LD carries `inLanguage`, and the scripts' live counts take the
//! language's plural forms (the build's `data-plural-<category>` chosen by
//! `themes/hub/static/js/plural.js`), the same words the build itself writes for each number.

mod common;
mod tools;

use std::path::Path;
use std::process::Command;

use common::{read_output, scratch_copy};
use hubsite::diag::SourceFile;
use hubsite::load::{MessageFile, MessageOrigin};
use hubsite::model::i18n::{ArgValue, Messages, fluent_args};

const WEEK: &str = "sessions/wythnos-teuluoedd-2024";

fn build_at(root: &Path, now: &str) {
    let options = hubsite::pipeline::BuildOptions {
        now: hubsite::model::time::parse_now(now).expect("valid now"),
        ..common::options(root)
    };
    hubsite::pipeline::run(&options, hubsite::pipeline::Sink::Folder, None, &|_| {})
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The Welsh site, with a third session that is booked by phone, online on no named platform
/// and welcomes children (ways the fixture's two sessions do not cover), built while booking
/// is open.
fn welsh_site() -> tempfile::TempDir {
    let site = scratch_copy("cymraeg");
    std::fs::write(
        site.path().join(WEEK).join("galwad-ffon.toml"),
        r#"title = "Sgwrs ar y ffôn"
summary = "Galwad fer gyda gweithiwr teulu."
start = 2024-03-13T13:00:00
end = 2024-03-13T13:30:00
format = "online"
audience = ["parents"]
cost = "£3"
childcare = "children-welcome"

[booking]
phone = "029 2018 0456"
"#,
    )
    .expect("write a session");
    build_at(site.path(), "2024-03-01T09:00:00Z");
    site
}

/// A calendar file's lines, unfolded (RFC 5545 3.1).
fn unfolded(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_owned)
        .collect()
}

/// The English words of the messages a calendar file writes: each message's text up to its
/// first variable ('Book by phone:', 'Details:', 'Online (', 'Cost'), from the theme's file.
fn english_calendar_words() -> Vec<String> {
    let keys = [
        "calendar-book-form",
        "calendar-details",
        "calendar-online-on",
        "book-email",
        "book-phone",
        "place-online",
        "session-interpreters",
        "cost-free",
        "family-cost",
        "family-children",
        "family-ages",
        "family-refreshments",
        "family-help-getting-there",
        "family-parking",
        "family-step-free-route",
        "childcare-creche",
        "childcare-children-welcome",
        "child-ages-range",
    ];
    let file = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/hub/i18n/en-GB.ftl"),
    )
    .expect("the theme's English file");
    let words: Vec<String> = file
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .filter(|(key, _)| keys.contains(&key.trim()))
        .map(|(_, text)| text.split('{').next().unwrap_or("").trim().to_owned())
        .filter(|words| !words.is_empty())
        .collect();
    assert!(words.len() >= 15, "{words:?}");
    words
}

#[test]
fn a_welsh_sites_calendars_are_welsh_and_say_so() {
    let site = welsh_site();
    let english = english_calendar_words();
    let mut files = vec![format!("{WEEK}/week.ics"), "sessions/all.ics".to_owned()];
    for slug in [
        "bore-coffi-teuluoedd",
        "siarad-gyda-phobl-ifanc",
        "galwad-ffon",
    ] {
        files.push(format!("{WEEK}/{slug}/calendar.ics"));
    }
    for path in &files {
        let text = read_output(site.path(), path);
        let lines = unfolded(&text);
        for line in &lines {
            let (name, value) = line.split_once(':').unwrap_or((line, ""));
            let key = name.split(';').next().unwrap_or(name);
            if ["SUMMARY", "DESCRIPTION", "LOCATION", "NAME", "X-WR-CALNAME"].contains(&key) {
                assert_eq!(name, format!("{key};LANGUAGE=cy"), "{path}: {line}");
                for word in &english {
                    assert!(
                        !value.contains(word.as_str()),
                        "{path} has the English `{word}`: {line}"
                    );
                }
            }
        }
        assert!(text.contains("X-WR-CALNAME;LANGUAGE=cy:"), "{path}");
    }
    // The Welsh words, in the week's file.
    let week = unfolded(&read_output(site.path(), &format!("{WEEK}/week.ics"))).join("\n");
    for welsh in [
        "\\n\\nPris: £2. Am ddim i deuluoedd ar Gredyd Cynhwysol\\nPlant: Crèche\\nOedrannau: 0 i 5",
        "\\nCyfieithwyr: Pwyleg",
        "\\n\\nArchebu: https://ffurflenni.example.org/wythnos?s=siarad-gyda-phobl-ifanc",
        "\\n\\nArchebu drwy e-bost: bore-coffi@example.org",
        "\\n\\nArchebu dros y ffôn: 029 2018 0456",
        "\\n\\nManylion: https://cyngor.example.gov.uk/teuluoedd/sessions/",
        "LOCATION;LANGUAGE=cy:Ar-lein (Microsoft Teams)",
        "LOCATION;LANGUAGE=cy:Ar-lein\n",
        "Plant: Croeso i blant",
    ] {
        assert!(
            week.contains(welsh),
            "the Welsh week.ics lacks {welsh}:\n{week}"
        );
    }
    // 'My sessions' puts the same events together: every session chosen is the week's file.
    let json: serde_json::Value = serde_json::from_str(&read_output(
        site.path(),
        &format!("{WEEK}/mine/events.json"),
    ))
    .expect("events.json");
    let events: String = json["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .map(|s| s["event"].as_str().expect("event"))
        .collect();
    assert_eq!(
        format!(
            "{}{events}{}",
            json["calendar_start"].as_str().expect("start"),
            json["calendar_end"].as_str().expect("end")
        ),
        read_output(site.path(), &format!("{WEEK}/week.ics"))
    );
}

#[test]
fn python_icalendar_reads_the_welsh_calendar_and_its_language() {
    if !tools::require(
        "python_icalendar_reads_the_welsh_calendar_and_its_language",
        &["python3"],
        &[],
    ) {
        return;
    }
    let site = welsh_site();
    let script = r#"
import sys
from icalendar import Calendar
data = open(sys.argv[1], 'rb').read()
assert b'\n' not in data.replace(b'\r\n', b''), 'lines must end with CRLF'
assert all(len(line) <= 75 for line in data.split(b'\r\n')), 'a line over 75 octets'
cal = Calendar.from_ical(data)
assert cal['X-WR-CALNAME'].params['LANGUAGE'] == 'cy', cal['X-WR-CALNAME'].params
assert str(cal['X-WR-CALNAME']) == 'Wythnos Teuluoedd Cwm Tawel 2024'
for event in cal.walk('VEVENT'):
    for key in ('SUMMARY', 'DESCRIPTION', 'LOCATION'):
        assert event[key].params['LANGUAGE'] == 'cy', (key, event[key].params)
    print(event['SUMMARY'], '|', str(event['DESCRIPTION']).split('\n')[-1])
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(site.path().join("public").join(WEEK).join("week.ics"))
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "icalendar disagrees (pip install icalendar): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = String::from_utf8_lossy(&out.stdout);
    assert_eq!(read.lines().count(), 3, "{read}");
    assert!(
        read.contains("Sgwrs ar y ffôn | Manylion: https://cyngor.example.gov.uk/teuluoedd/"),
        "{read}"
    );
}

#[test]
fn an_english_sites_calendars_say_they_are_in_british_english() {
    let site = scratch_copy("council");
    build_at(site.path(), "2027-03-01T09:00:00Z");
    let week = unfolded(&read_output(site.path(), "sessions/spring-2027/week.ics")).join("\n");
    for line in [
        "X-WR-CALNAME;LANGUAGE=en-GB:",
        "SUMMARY;LANGUAGE=en-GB:",
        "DESCRIPTION;LANGUAGE=en-GB:",
        "LOCATION;LANGUAGE=en-GB:",
        "\\n\\nDetails: https://council.example.gov.uk/familyhub/sessions/spring-2027/",
    ] {
        assert!(week.contains(line), "{line}:\n{week}");
    }
}

/// The JSON-LD block of a built page.
fn json_ld(site: &Path, path: &str) -> serde_json::Value {
    let html = read_output(site, path);
    let start = html
        .find("<script type=\"application/ld+json\">")
        .unwrap_or_else(|| panic!("{path} has JSON-LD"));
    let rest = &html[start..];
    let body = &rest[rest.find('>').expect("tag") + 1..rest.find("</script>").expect("end")];
    serde_json::from_str(body).expect("valid JSON-LD")
}

#[test]
fn json_ld_carries_the_pages_language() {
    let welsh = welsh_site();
    for slug in ["bore-coffi-teuluoedd", "galwad-ffon"] {
        let data = json_ld(welsh.path(), &format!("{WEEK}/{slug}/index.html"));
        assert_eq!(data["inLanguage"], "cy", "{slug}: {data}");
    }
    let english = scratch_copy("council");
    build_at(english.path(), "2027-03-01T09:00:00Z");
    let data = json_ld(
        english.path(),
        "sessions/spring-2027/dads-breakfast/index.html",
    );
    assert_eq!(data["inLanguage"], "en-GB", "{data}");
}

/// The theme's messages for `languages` (English is always read: the others fall back to it).
fn theme_messages(languages: &[&str]) -> Messages {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/hub/i18n");
    let mut tags = vec!["en-GB"];
    tags.extend(languages);
    let files: Vec<MessageFile> = tags
        .iter()
        .map(|tag| MessageFile {
            language: (*tag).to_owned(),
            origin: MessageOrigin::Theme,
            file: SourceFile::new(
                format!("themes/hub/i18n/{tag}.ftl"),
                std::fs::read(root.join(format!("{tag}.ftl"))).expect("a theme file"),
            )
            .expect("readable"),
        })
        .collect();
    let languages: Vec<String> = languages.iter().map(|&l| l.to_owned()).collect();
    Messages::parse(&files, &languages)
        .messages
        .unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn the_page_script_chooses_the_same_words_as_the_build_for_every_count() {
    if !tools::require(
        "the_page_script_chooses_the_same_words_as_the_build_for_every_count",
        &["node"],
        &[],
    ) {
        return;
    }
    let messages = theme_messages(&["cy", "ar"]);
    // For each language and count message: the forms the page gives the script, and what
    // Fluent writes for 0 to 102, which the script must write too. Not beyond: fluent-bundle's
    // plural rules (intl_pluralrules 7.0.2) test Arabic's `few` and `many` on the whole number
    // rather than on n % 100 as CLDR says, so the build writes 103 in the `other` form where
    // the browser (rightly) takes `few`; plural.test.js checks the script is right there.
    let mut cases = Vec::new();
    for language in ["en-GB", "cy", "ar"] {
        for key in [
            "sessions-count",
            "directory-service-count",
            "my-sessions-count",
            "mine-count",
        ] {
            let forms: serde_json::Map<String, serde_json::Value> = messages
                .plural_forms(language, key)
                .expect("the message exists")
                .into_iter()
                .map(|f| (f.category.name().to_owned(), f.text.into()))
                .collect();
            let expected: Vec<(u32, String)> = (0..=102)
                .map(|n| {
                    let args = fluent_args([("count", ArgValue::Number(f64::from(n)))]);
                    (n, messages.text(language, key, Some(&args)).expect("text"))
                })
                .collect();
            cases.push(serde_json::json!({
                "language": language, "key": key, "forms": forms, "expected": expected,
            }));
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("plural-cases.json");
    std::fs::write(&data, serde_json::json!(cases).to_string()).expect("write cases");
    tools::node_test(
        "tests/js/plural.test.js",
        &[("PLURAL_CASES", data.as_os_str())],
        3,
    );
}
