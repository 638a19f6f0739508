//! Hints that fit the mistake, for the TOML errors organisers meet most: a misspelt field
//! ('did you mean `summary`?'), and a time written where a date and time are wanted ('7pm',
//! '19:00', '2027-06-17 14:00', `15:30:00`), answered with the exact line to write.

/// Stands for the date in a hint's line when the file gives none; the loader of a week's
/// sessions fills in the week's date (`load::sessions`).
pub const DATE_TO_FILL: &str = "YYYY-MM-DD";

/// The hint for a TOML error `message` about the text `line` (the whole line it is on), in a
/// file whose `text` may hold another date to borrow.
pub fn toml_hint(message: &str, line: &str, text: &str) -> Option<String> {
    if let Some(hint) = datetime_hint(message, line, text) {
        return Some(hint);
    }
    if message.starts_with("unknown field") {
        return Some(match closest_field(message) {
            Some(field) => format!(
                "did you mean `{field}`? Check the spelling against the fields listed above"
            ),
            None => {
                "check the spelling against the fields listed above, or remove the line (`hubsite help content` lists every field)".to_owned()
            }
        });
    }
    let hint = if message.starts_with("missing field") {
        "add the field: this kind of file needs it (`hubsite help content` lists every field)"
    } else if message.contains("invalid type") {
        "check the value's type: text needs quotes, lists need [ ], dates are written 2024-03-05 and times with their date, 2024-03-05T19:00:00"
    } else if message.contains("unknown variant") {
        "use one of the values listed above"
    } else {
        return None;
    };
    Some(hint.to_owned())
}

/// For a `[translations.<tag>]` table in a language the site does not declare: the
/// `languages` line that declares it.
pub fn undeclared_language(tag: &str, declared: &[String]) -> String {
    let quoted: Vec<String> = declared
        .iter()
        .map(String::as_str)
        .chain([tag])
        .map(|l| format!("\"{l}\""))
        .collect();
    format!(
        "add it to `languages` in hubsite.toml: languages = [{}] (the default first); or remove the table",
        quoted.join(", ")
    )
}

/// For a `[translations.<tag>]` table in the site's default language.
pub fn default_language_translation(declared: &[String]) -> String {
    match declared {
        [_, others @ ..] if !others.is_empty() => format!(
            "write this text in the item's own fields; translations are for the site's other languages ({})",
            others.join(", ")
        ),
        _ => "write this text in the item's own fields, and remove the table; or, for a site in several languages, list them in `languages` in hubsite.toml, the default first".to_owned(),
    }
}

/// For a field that a translation table cannot hold: what to do with it.
pub fn untranslatable_field(field: &str, tag: &str, fields: &[&str]) -> String {
    match fields
        .iter()
        .map(|f| (strsim::jaro_winkler(field, f), *f))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
    {
        Some((_, meant)) => format!("did you mean `{meant}`?"),
        None => format!(
            "ids, dates, places, numbers and web addresses are the same in every language: keep `{field}` outside [translations.{tag}]"
        ),
    }
}

/// `a, b and c`.
pub fn list_in_words(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// 'did you mean': the expected field closest to the unknown one, if it is close enough to be
/// a slip (serde's message: "unknown field `sumary`, expected one of `title`, `summary`").
pub fn closest_field(message: &str) -> Option<&str> {
    let mut quoted = message.split('`').skip(1).step_by(2);
    let unknown = quoted.next()?;
    quoted
        .map(|field| (strsim::jaro_winkler(unknown, field), field))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, field)| field)
}

/// For `key = <a time>` where a date and time are wanted: the line to write instead.
fn datetime_hint(message: &str, line: &str, text: &str) -> Option<String> {
    let wants_datetime = message.contains("datetime") || message.contains("date-time");
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    let raw = value.split('#').next()?.trim();
    let quoted = raw.len() >= 2
        && (raw.starts_with('"') && raw.ends_with('"')
            || raw.starts_with('\'') && raw.ends_with('\''));
    let value = if quoted { &raw[1..raw.len() - 1] } else { raw };
    let (date, time) = parse_loose_datetime(value)?;
    // Only where the field wants a date-time, or a bare time broke the TOML's syntax.
    if !wants_datetime && (quoted || message.contains("invalid type")) {
        return None;
    }
    let date = date
        .or_else(|| date_in(text))
        .unwrap_or_else(|| DATE_TO_FILL.to_owned());
    let what = if quoted { "without quotes, " } else { "" };
    Some(format!(
        "write the date and the time together, {what}24-hour clock: {key} = {date}T{time}"
    ))
}

/// A time people write ('7pm', '7.30pm', '19:00', '19:00:00'), with a date before it
/// ('2027-06-17 14:00', '2027-06-17T14:00') if any: (date, 'HH:MM:SS').
fn parse_loose_datetime(value: &str) -> Option<(Option<String>, String)> {
    let value = value.trim();
    let (date, time) = match value.get(..10) {
        Some(head) if is_iso_date(head) => (
            Some(head.to_owned()),
            value[10..].trim_start_matches(['T', 't', ' ']),
        ),
        _ => (None, value),
    };
    Some((date, parse_loose_time(time)?))
}

fn parse_loose_time(time: &str) -> Option<String> {
    let lower = time.trim().to_ascii_lowercase().replace(' ', "");
    // A number alone is not a time ('3' may be anything); '3pm' and '15:00' are.
    if !lower.contains([':', '.', 'a', 'p']) {
        return None;
    }
    let (clock, afternoon) = match (lower.strip_suffix("pm"), lower.strip_suffix("am")) {
        (Some(clock), _) => (clock.to_owned(), Some(true)),
        (None, Some(clock)) => (clock.to_owned(), Some(false)),
        (None, None) => (lower, None),
    };
    let mut parts = clock.split([':', '.']);
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    let second: u32 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
    let hour = match afternoon {
        Some(true) if (1..12).contains(&hour) => hour + 12,
        Some(false) if hour == 12 => 0,
        Some(_) if !(1..=12).contains(&hour) => return None,
        _ => hour,
    };
    (hour < 24 && minute < 60 && second < 60 && parts.next().is_none())
        .then(|| format!("{hour:02}:{minute:02}:{second:02}"))
}

/// A real calendar date written `YYYY-MM-DD` (so 2024-02-30 is not one).
fn is_iso_date(text: &str) -> bool {
    text.len() == 10 && text.parse::<jiff::civil::Date>().is_ok()
}

/// The first date-time's date written in the file (`start = 2027-06-17T10:00:00`), to fill in
/// a time written alone on another line of it.
fn date_in(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (_, value) = line.split_once('=')?;
        let value = value.trim();
        let date = value.get(..10)?;
        (is_iso_date(date) && value[10..].starts_with('T')).then(|| date.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_time_gets_the_line_to_write_with_the_files_own_date() {
        let text = "start = 2027-06-17T18:00:00\nend = \"7pm\"\n";
        let hint = toml_hint(
            "invalid type: string \"7pm\", expected a TOML datetime",
            "end = \"7pm\"",
            text,
        );
        assert_eq!(
            hint.as_deref(),
            Some(
                "write the date and the time together, without quotes, 24-hour clock: end = 2027-06-17T19:00:00"
            )
        );
    }

    #[test]
    fn times_people_write_are_read() {
        for (written, read) in [
            ("7pm", "19:00:00"),
            ("7.30pm", "19:30:00"),
            ("12am", "00:00:00"),
            ("12pm", "12:00:00"),
            ("19:00", "19:00:00"),
            ("15:30:00", "15:30:00"),
        ] {
            assert_eq!(
                parse_loose_time(written).as_deref(),
                Some(read),
                "{written}"
            );
        }
        for nonsense in ["13pm", "25:00", "soon", "7:75", "3"] {
            assert_eq!(parse_loose_time(nonsense), None, "{nonsense}");
        }
        assert_eq!(
            parse_loose_datetime("2027-06-17 14:00"),
            Some((Some("2027-06-17".to_owned()), "14:00:00".to_owned()))
        );
    }

    #[test]
    fn a_bare_time_or_a_time_without_its_date_is_answered_too() {
        let hint = toml_hint("invalid string", "start = 7pm", "").unwrap();
        assert_eq!(
            hint,
            "write the date and the time together, 24-hour clock: start = YYYY-MM-DDT19:00:00"
        );
        let hint = toml_hint(
            "invalid type: local time, expected a local date-time",
            "end = 15:30:00",
            "",
        )
        .unwrap();
        assert!(hint.ends_with("end = YYYY-MM-DDT15:30:00"), "{hint}");
    }

    #[test]
    fn a_misspelt_field_is_named() {
        let message = "unknown field `sumary`, expected one of `title`, `summary`, `start`";
        assert!(
            toml_hint(message, "sumary = \"x\"", "")
                .unwrap()
                .starts_with("did you mean `summary`?")
        );
        let far = "unknown field `colour`, expected one of `title`, `summary`";
        assert!(
            !toml_hint(far, "colour = 1", "")
                .unwrap()
                .contains("did you mean")
        );
    }

    #[test]
    fn a_number_or_an_impossible_date_is_not_taken_for_a_time() {
        let hint = toml_hint(
            "invalid type: integer `3`, expected a string",
            "title = 3",
            "",
        );
        assert!(hint.unwrap().starts_with("check the value's type"));
        assert_eq!(
            toml_hint("invalid date", "start = 2024-02-30T10:00:00", ""),
            None
        );
    }

    #[test]
    fn quoted_text_that_is_not_a_time_keeps_the_general_hint() {
        let hint = toml_hint(
            "invalid type: string \"x\", expected a TOML datetime",
            "start = \"x\"",
            "",
        )
        .unwrap();
        assert!(hint.starts_with("check the value's type"));
    }
}
