//! Property tests for the parsers and path builders that meet untrusted text: they never
//! panic, they round-trip where that applies, the locations they report fall inside the file,
//! and the paths they build never leave their folder.

use std::path::Path;

use hubsite::Error;
use hubsite::diag::{SourceFile, line_column};
use hubsite::load::front_matter::split_front_matter;
use hubsite::model::duration::parse_duration_minutes;
use hubsite::model::page::join_content_path;
use hubsite::model::slug::{Slug, UrlPath, slugify};
use hubsite::model::time::{parse_date, parse_local_datetime, parse_now};
use hubsite::output::{Contents, Output, OutputFile};
use hubsite::probe::Probe;
use hubsite::serve::server::{Resolved, resolve};
use proptest::prelude::*;

/// Text that looks like what people type, with the characters that trip parsers up.
fn texty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 +=\"'\\[\\]\r\n./\\\\%#:é’-]{0,60}",
        proptest::collection::vec(
            prop_oneof![
                Just("+++"),
                Just("\n"),
                Just("\r\n"),
                Just("\u{feff}"),
                Just("title = 'a'"),
                Just("x"),
                Just(" ")
            ],
            0..12
        )
        .prop_map(|parts| parts.concat()),
    ]
}

/// A front matter line that is not a fence.
fn front_line() -> impl Strategy<Value = String> {
    "[a-z =\"'+0-9]{0,20}".prop_filter("not a fence", |line| line.trim_end() != "+++")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn front_matter_splitter_never_panics_and_its_parts_are_the_file(text in texty()) {
        if let Ok(split) = split_front_matter(&text) {
            prop_assert!(split.front_offset <= split.body_offset && split.body_offset <= text.len());
            prop_assert_eq!(&text[split.front_offset..split.front_offset + split.front.len()], split.front);
            prop_assert_eq!(&text[split.body_offset..], split.body);
        }
    }

    #[test]
    fn front_matter_round_trips(lines in proptest::collection::vec(front_line(), 0..6), body in texty(), crlf in any::<bool>()) {
        let eol = if crlf { "\r\n" } else { "\n" };
        let front: String = lines.iter().map(|line| format!("{line}{eol}")).collect();
        let text = format!("+++{eol}{front}+++{eol}{body}");
        let split = split_front_matter(&text).expect("a fenced file splits");
        prop_assert_eq!(split.front, front.as_str());
        prop_assert_eq!(split.body, body.as_str());
    }

    #[test]
    fn now_never_panics(text in texty()) {
        let _ = parse_now(&text);
    }

    #[test]
    fn now_round_trips_seconds_and_rfc3339(seconds in jiff::Timestamp::MIN.as_second()..=jiff::Timestamp::MAX.as_second()) {
        let parsed = parse_now(&seconds.to_string()).expect("seconds in jiff's range");
        prop_assert_eq!(parsed.as_second(), seconds);
        prop_assert_eq!(parse_now(&parsed.to_string()).ok(), Some(parsed));
    }

    #[test]
    fn dates_exist_or_are_located_inside_the_file(
        year in 0u16..=9999, month in 1u8..=12, day in 1u8..=31, hour in 0u8..=23, minute in 0u8..=59,
        padding in "[ \n]{0,4}", with_time in any::<bool>(),
    ) {
        let value = if with_time {
            format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:00")
        } else {
            format!("{year:04}-{month:02}-{day:02}")
        };
        let file = SourceFile::new("a.toml", format!("{padding}d = {value}\n").into_bytes()).expect("utf-8");
        #[derive(serde::Deserialize)]
        struct D { d: toml::Spanned<toml::value::Datetime> }
        // The TOML parser refuses some dates itself; those never reach ours.
        if let Ok(parsed) = toml::from_str::<D>(&file.text) {
            let exists = jiff::civil::Date::new(year as i16, month as i8, day as i8).is_ok();
            let results = [
                parse_date(&parsed.d, &file, 0).map(|d| d.to_string()),
                parse_local_datetime(&parsed.d, &file, 0).map(|d| d.date().to_string()),
            ];
            for (index, result) in results.into_iter().enumerate() {
                match result {
                    Ok(date) => {
                        prop_assert!(exists && (index == 0) != with_time);
                        prop_assert_eq!(date, format!("{year:04}-{month:02}-{day:02}"));
                    }
                    Err(problem) => {
                        let (line, column) = problem.position.expect("located");
                        prop_assert_eq!(line, padding.matches('\n').count() + 1);
                        prop_assert!(column >= 1 && column <= file.text.lines().nth(line - 1).map_or(1, |l| l.chars().count() + 1));
                    }
                }
            }
        }
    }

    #[test]
    fn durations_never_panic(text in texty()) {
        let _ = parse_duration_minutes(&text);
    }

    #[test]
    fn durations_round_trip(hours in 0u32..=168, minutes in 0u32..=59, spaced in any::<bool>()) {
        let total = hours * 60 + minutes;
        prop_assume!((1..=7 * 24 * 60).contains(&total));
        let gap = if spaced { " " } else { "" };
        prop_assert_eq!(parse_duration_minutes(&format!("{hours}h{gap}{minutes}m")), Ok(total));
        prop_assert_eq!(parse_duration_minutes(&format!("{total}{gap}minutes")), Ok(total));
    }

    #[test]
    fn slugify_output_is_a_slug_and_idempotent(text in texty()) {
        let slug = slugify(&text);
        prop_assert_eq!(slugify(&slug), slug.clone());
        prop_assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        if !slug.is_empty() {
            prop_assert!(Slug::parse(&slug).is_ok());
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        }
        prop_assert_eq!(Slug::parse(&text).is_ok(), !text.is_empty() && slug == text);
    }

    #[test]
    fn url_paths_stay_inside_the_output_folder(segments in proptest::collection::vec(texty(), 0..5)) {
        let slugs: Vec<Slug> = segments.iter().filter_map(|s| Slug::from_text(s)).collect();
        let path = UrlPath::from_slugs(&slugs);
        let text = path.as_str();
        prop_assert!(text.starts_with('/') && text.ends_with('/'));
        prop_assert!(text == "/" || !text.contains("//"));
        let file = path.output_file();
        prop_assert!(!file.starts_with('/') && file.ends_with("index.html"));
        prop_assert!(Path::new(&file).components().all(|c| matches!(c, std::path::Component::Normal(_))));
        let joined = slugs.iter().fold(UrlPath::root(), |path, slug| path.join(slug));
        prop_assert_eq!(joined, path);
    }

    #[test]
    fn line_column_is_inside_the_text(text in texty(), offset in 0usize..200) {
        let (line, column) = line_column(&text, offset);
        let lines: Vec<&str> = text.split('\n').collect();
        prop_assert!(line >= 1 && line <= lines.len());
        prop_assert!(column >= 1 && column <= lines[line - 1].chars().count() + 1);
    }

    #[test]
    fn content_paths_never_climb_out(
        dir in proptest::collection::vec(prop_oneof![Just(".."), Just("."), Just(""), Just("a"), Just("b")], 0..4),
        path in proptest::collection::vec(prop_oneof![Just(".."), Just("."), Just(""), Just("x.md"), Just("c"), Just("/")], 0..6),
    ) {
        if let Some(joined) = join_content_path(&dir.join("/"), &path.concat()) {
            prop_assert!(!joined.starts_with('/'));
            prop_assert!(joined.split('/').all(|segment| segment != ".." && segment != "."));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn serve_never_resolves_outside_its_folder(url in prop_oneof![
        any::<String>(),
        proptest::collection::vec(prop_oneof![
            Just("/"), Just(".."), Just("%2e%2e"), Just("%2E"), Just("%2f"), Just("%5c"), Just("\\"), Just("."),
            Just("secret.txt"), Just("site"), Just("index.html"), Just("%00"), Just("?"), Just("#"), Just("//"),
        ], 0..8).prop_map(|parts| parts.concat()),
    ]) {
        let output = served_output();
        match resolve(&output, &url) {
            None => {}
            // Only files the site publishes are served: never a path that climbs out of it.
            Some(Resolved::File(path)) => prop_assert!(output.get(&path).is_some(), "{url} resolved to {path}"),
            Some(Resolved::Redirect(to)) => prop_assert!(to.starts_with('/') && !to.contains(".."), "{url} redirected to {to}"),
        }
    }
}

/// A site holding `index.html` and `site/index.html`; `secret.txt` exists nowhere in it.
fn served_output() -> Output {
    let file = |path: &str| OutputFile {
        path: path.to_owned(),
        contents: Contents::Bytes(b"page".to_vec().into()),
    };
    Output {
        files: vec![file("index.html"), file("site/index.html")],
        page_count: 2,
        urls: Default::default(),
    }
}

/// Every located problem of a probe build of `path` lies inside `text`.
fn assert_located_inside(
    result: Result<usize, Error>,
    path: &str,
    text: &[u8],
) -> Result<(), TestCaseError> {
    let Err(Error::Content(problems)) = result else {
        return Ok(());
    };
    let text = String::from_utf8_lossy(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let lines: Vec<&str> = text.split('\n').collect();
    for problem in problems.0.iter().filter(|p| p.path == Path::new(path)) {
        if let Some((line, column)) = problem.position {
            prop_assert!(line >= 1 && line <= lines.len(), "{problem}");
            prop_assert!(
                column >= 1 && column <= lines[line - 1].chars().count() + 1,
                "{problem}"
            );
        }
    }
    Ok(())
}

/// Bytes that are often almost a page: a fence, some front matter, some Markdown.
fn page_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        any::<Vec<u8>>(),
        (texty(), texty())
            .prop_map(
                |(front, body)| format!("+++\ntitle = \"T\"\n{front}\n+++\n{body}").into_bytes()
            ),
        proptest::collection::vec(
            prop_oneof![
                Just("+++\n"),
                Just("title = \"A\"\n"),
                Just("weight = 'x'\n"),
                Just("template = \"../x\"\n"),
                Just("[link](nowhere.md)\n"),
                Just("> "),
                Just("- "),
                Just("<script>alert(1)</script>\n"),
                Just("date = 2024-02-30\n"),
                Just("\r\n"),
                Just("\u{feff}"),
                Just("# h\n"),
                Just("[^1]\n\n[^1]: x\n"),
            ],
            0..16
        )
        .prop_map(|parts| parts.concat().into_bytes()),
    ]
}

/// Bytes that are often almost a session file.
fn session_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        any::<Vec<u8>>(),
        proptest::collection::vec(
            prop_oneof![
                Just("title = \"S\"\n"),
                Just("start = 2024-03-26T10:00:00\n"),
                Just("start = 2024-03-31T01:30:00\n"),
                Just("end = 2024-03-26T09:00:00\n"),
                Just("duration = \"1h\"\n"),
                Just("duration = \"99999h\"\n"),
                Just("format = \"online\"\n"),
                Just("format = \"in-person\"\n"),
                Just("[venue]\nname = \"V\"\n"),
                Just("[booking]\nstatus = \"open\"\n"),
                Just("url = \"javascript:alert(1)\"\n"),
                Just("description = \"<b>x</b>\"\n"),
                Just("[[hosts]]\nname = \"H\"\n"),
                Just("summary = 3\n"),
                Just("\r\n"),
            ],
            0..14
        )
        .prop_map(|parts| parts.concat().into_bytes()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_page_builds_or_is_located_inside_the_file(bytes in page_bytes()) {
        let probe = probe();
        assert_located_inside(probe.page(&bytes), "content/probe.md", &bytes)?;
    }

    #[test]
    fn any_session_file_builds_or_is_located_inside_the_file(bytes in session_bytes()) {
        let probe = probe();
        assert_located_inside(probe.session(&bytes), "sessions/probe/session.toml", &bytes)?;
    }
}

fn probe() -> &'static Probe {
    static PROBE: std::sync::OnceLock<Probe> = std::sync::OnceLock::new();
    PROBE.get_or_init(|| Probe::new().expect("the probe site builds"))
}

#[test]
fn serve_listens_only_on_this_computer_unless_told() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(["serve", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("[default: 127.0.0.1]"), "{help}");
}
