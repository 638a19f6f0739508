//! Dates and times as people type them in spreadsheets, read into the parts a session file
//! writes. Dates are day first, as in the UK (`17/06/2027`), or ISO (`2027-06-17`), or written
//! out (`Thursday 17 June 2027`, whose weekday must agree); times are `19:00`, `7pm`, `9.30am`,
//! `noon`. What could mean two things (`7`: a day? 7am or 7pm?) or names no real date is an
//! error whose hint shows how to write it. A pure module: text and cells in, values out.

use jiff::civil::{Date, Time, Weekday};

use crate::import::sheet::{Cell, When};
use crate::text::format::weekday_name;

/// A problem with a cell's date or time: what is wrong, and how to write it instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclear {
    /// What is wrong.
    pub message: String,
    /// How to write it.
    pub hint: String,
    /// True when the text could mean two things (a different code from a plain mistake).
    pub ambiguous: bool,
}

fn unclear(message: impl Into<String>, hint: impl Into<String>) -> Unclear {
    Unclear {
        message: message.into(),
        hint: hint.into(),
        ambiguous: false,
    }
}

fn ambiguous(message: impl Into<String>, hint: impl Into<String>) -> Unclear {
    Unclear {
        ambiguous: true,
        ..unclear(message, hint)
    }
}

const DATE_HINT: &str = "write the date day first with the year in full, 17/06/2027, or as 2027-06-17, or format the cell as a date";
const TIME_HINT: &str = "write the time with am or pm (7pm, 9.30am) or on the 24-hour clock (19:00), or format the cell as a time";

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A cell's date.
pub fn cell_date(cell: &Cell) -> Result<Date, Unclear> {
    match cell {
        Cell::When(When {
            date: Some((y, m, d)),
            ..
        }) => Date::new(*y, *m, *d)
            .map_err(|_| unclear("this date cell holds no real date", DATE_HINT)),
        Cell::When(When { date: None, .. }) => {
            Err(unclear("this cell holds a time, not a date", DATE_HINT))
        }
        Cell::Text(text) => parse_date(text),
        Cell::Number(n) => Err(ambiguous(
            format!("`{n}` is a number, not a date"),
            "a spreadsheet shows a date as a number when the cell is not formatted as a date: format the column as dates, or type the date as 17/06/2027",
        )),
        other => Err(unclear(
            format!("expected a date, found {}", shown(other)),
            DATE_HINT,
        )),
    }
}

/// A cell's time of day, and the date it also holds, if any.
pub fn cell_time(cell: &Cell) -> Result<(Option<Date>, Time), Unclear> {
    match cell {
        Cell::When(When {
            date,
            time: Some((h, m, s)),
        }) => {
            let time = Time::new(*h, *m, *s, 0)
                .map_err(|_| unclear("this time cell holds no real time", TIME_HINT))?;
            let date = date.and_then(|(y, mo, d)| Date::new(y, mo, d).ok());
            Ok((date, time))
        }
        Cell::When(When { time: None, .. }) => {
            Err(unclear("this cell holds a date without a time", TIME_HINT))
        }
        Cell::Text(text) => parse_date_and_time(text),
        Cell::Number(n) if *n > 0.0 && *n < 1.0 => Err(ambiguous(
            format!("`{n}` is a number, not a time"),
            "format the cell as a time (hh:mm), or type the time as 19:00",
        )),
        Cell::Number(n) => Err(ambiguous(
            format!("`{n}` alone could be a morning or an evening"),
            TIME_HINT,
        )),
        other => Err(unclear(
            format!("expected a time, found {}", shown(other)),
            TIME_HINT,
        )),
    }
}

fn shown(cell: &Cell) -> String {
    match cell {
        Cell::Empty => "nothing".into(),
        Cell::Text(t) => format!("`{t}`"),
        Cell::Number(n) => format!("`{n}`"),
        Cell::Bool(b) => format!("`{}`", if *b { "TRUE" } else { "FALSE" }),
        Cell::When(_) => "a date".into(),
        Cell::Error(e) => format!("the formula error {e}"),
    }
}

/// A time alone, or a date and a time (`24/03/2027 01:00`, `2027-03-24T01:00`).
pub fn parse_date_and_time(text: &str) -> Result<(Option<Date>, Time), Unclear> {
    let text = text.trim();
    if let Some((date, time)) = text.split_once('T').filter(|(d, _)| d.len() == 10) {
        return Ok((Some(parse_date(date)?), parse_time(time)?));
    }
    // The time is the last word (or the last two, for `7 pm`).
    let words: Vec<&str> = text.split_whitespace().collect();
    for split in [1, 2] {
        if words.len() > split {
            let (date, time) = words.split_at(words.len() - split);
            if let (Ok(date), Ok(time)) = (parse_date(&date.join(" ")), parse_time(&time.join(" ")))
            {
                return Ok((Some(date), time));
            }
        }
    }
    parse_time(text).map(|time| (None, time))
}

/// A date as typed: `17/06/2027`, `17-06-2027`, `17.06.2027`, `2027-06-17`,
/// `17 June 2027`, `Thu 17 Jun 2027`.
pub fn parse_date(text: &str) -> Result<Date, Unclear> {
    let text = text.trim().trim_end_matches(',');
    let cleaned: String = text.to_lowercase().replace(',', " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    if words.len() >= 3 {
        return parse_written_date(text, &words);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    let numbers: Option<Vec<i32>> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 4)
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    let Some(numbers) = numbers else {
        return Err(unclear(format!("`{text}` is not a date"), DATE_HINT));
    };
    match (numbers.as_slice(), parts.first().map(|p| p.len())) {
        ([_], _) => Err(ambiguous(
            format!("`{text}` alone is not a date: a day of which month?"),
            DATE_HINT,
        )),
        ([_, _], _) => Err(ambiguous(
            format!("`{text}` has no year"),
            "write the year in full: 17/06/2027",
        )),
        ([y, m, d], Some(4)) => checked_date(text, *y, *m, *d),
        ([d, m, y], _) if parts[2].len() == 4 => {
            if *m > 12 && *d <= 12 {
                Err(ambiguous(
                    format!(
                        "`{text}` reads month first; hubsite reads dates day first, as in the UK"
                    ),
                    format!("write {m:02}/{d:02}/{y} (day first), or {y}-{d:02}-{m:02}"),
                ))
            } else {
                checked_date(text, *y, *m, *d)
            }
        }
        ([_, _, y], _) => Err(ambiguous(
            format!("`{text}` has a two-digit year: 19{y:02} or 20{y:02}?"),
            "write the year in full: 17/06/2027",
        )),
        _ => Err(unclear(format!("`{text}` is not a date"), DATE_HINT)),
    }
}

fn checked_date(text: &str, y: i32, m: i32, d: i32) -> Result<Date, Unclear> {
    let bad = || unclear(format!("`{text}` is not a date that exists"), DATE_HINT);
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
        return Err(bad());
    };
    Date::new(y, m, d).map_err(|_| bad())
}

/// `17 June 2027`, `Thursday 17 June 2027`, `June 17 2027`: the weekday, if given, must agree.
fn parse_written_date(text: &str, words: &[&str]) -> Result<Date, Unclear> {
    let not_a_date = || unclear(format!("`{text}` is not a date"), DATE_HINT);
    let (weekday, rest) = match words.first().and_then(|w| weekday(w)) {
        Some(day) => (Some(day), &words[1..]),
        None => (None, words),
    };
    let [a, b, year] = rest else {
        return Err(not_a_date());
    };
    let day_of = |w: &str| {
        w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<i32>()
            .ok()
    };
    let (day, month) = match (day_of(a), month(b), month(a), day_of(b)) {
        (Some(d), Some(m), _, _) | (_, _, Some(m), Some(d)) => (d, m),
        _ => return Err(not_a_date()),
    };
    let year: i32 = year.parse().map_err(|_| not_a_date())?;
    if year < 1000 {
        return Err(ambiguous(
            format!("`{text}` has a short year"),
            "write the year in full: 17 June 2027",
        ));
    }
    let date = checked_date(text, year, month, day)?;
    match weekday {
        Some(named) if named != date.weekday() => Err(unclear(
            format!(
                "`{text}`: {} is a {}, not a {}",
                date.strftime("%-d %B %Y"),
                date.strftime("%A"),
                weekday_name(named)
            ),
            "check the day and the date: one of them is wrong",
        )),
        _ => Ok(date),
    }
}

fn month(word: &str) -> Option<i32> {
    let word = word.trim_end_matches('.');
    (word.len() >= 3)
        .then(|| MONTHS.iter().position(|m| m.starts_with(word)))
        .flatten()
        .map(|n| n as i32 + 1)
}

fn weekday(word: &str) -> Option<Weekday> {
    let word = word.trim_end_matches(['.', ',']);
    let days = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    (word.len() >= 3)
        .then(|| days.iter().find(|(name, _)| name.starts_with(word)))
        .flatten()
        .map(|(_, day)| *day)
}

/// A time of day as typed: `19:00`, `19.00`, `19:00:00`, `7pm`, `7 pm`, `9.30am`, `12pm`
/// (noon), `12am` (midnight), `noon`, `midday`, `midnight`.
pub fn parse_time(text: &str) -> Result<Time, Unclear> {
    let cleaned = text.trim().to_lowercase().replace(' ', "");
    let cleaned = cleaned.replace("a.m.", "am").replace("p.m.", "pm");
    match cleaned.as_str() {
        "noon" | "midday" | "12noon" => return Ok(Time::constant(12, 0, 0, 0)),
        "midnight" => return Ok(Time::constant(0, 0, 0, 0)),
        _ => {}
    }
    let not_a_time = || unclear(format!("`{}` is not a time", text.trim()), TIME_HINT);
    let (clock, half) = match (cleaned.strip_suffix("am"), cleaned.strip_suffix("pm")) {
        (Some(clock), _) => (clock, Some(false)),
        (_, Some(clock)) => (clock, Some(true)),
        _ => (cleaned.as_str(), None),
    };
    let parts: Vec<&str> = clock.split([':', '.']).collect();
    let numbers: Option<Vec<i8>> = parts
        .iter()
        .map(|p| {
            (p.len() <= 2 && !p.is_empty())
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    let numbers = numbers.ok_or_else(not_a_time)?;
    let (hour, minute, second) = match numbers.as_slice() {
        [h] if half.is_none() => {
            return Err(ambiguous(
                format!("`{}` alone could be a morning or an evening", text.trim()),
                format!("write {h}am or {h}pm, or {:02}:00 on the 24-hour clock", h),
            ));
        }
        [h] => (*h, 0, 0),
        [h, m] if parts[1].len() == 2 => (*h, *m, 0),
        [h, m, s] if parts[1].len() == 2 && parts[2].len() == 2 => (*h, *m, *s),
        _ => return Err(not_a_time()),
    };
    let hour = match half {
        Some(_) if !(1..=12).contains(&hour) => {
            return Err(unclear(
                format!("`{}`: with am or pm the hour is 1 to 12", text.trim()),
                TIME_HINT,
            ));
        }
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
        None => hour,
    };
    Time::new(hour, minute, second, 0).map_err(|_| not_a_time())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_as_people_type_them() {
        let june = date(2027, 6, 17);
        for text in [
            "17/06/2027",
            "17/6/2027",
            "17-06-2027",
            "17.06.2027",
            "2027-06-17",
            "17 June 2027",
            "Thursday 17 June 2027",
            "Thu, 17 Jun 2027",
            "17th June 2027",
            "June 17, 2027",
        ] {
            assert_eq!(parse_date(text), Ok(june), "{text}");
        }
        assert_eq!(parse_date("03/04/2027"), Ok(date(2027, 4, 3)), "day first");
    }

    #[test]
    fn dates_that_could_mean_two_things_are_errors_with_a_hint() {
        for text in ["7", "17/06", "06/17/2027", "17/06/27"] {
            let error = parse_date(text).unwrap_err();
            assert!(error.ambiguous, "{text}: {error:?}");
        }
        assert!(
            parse_date("06/17/2027")
                .unwrap_err()
                .hint
                .contains("17/06/2027")
        );
    }

    #[test]
    fn dates_that_do_not_exist_or_disagree_with_their_weekday_are_errors() {
        assert!(
            parse_date("30/02/2027")
                .unwrap_err()
                .message
                .contains("exists")
        );
        let error = parse_date("Friday 17 June 2027").unwrap_err();
        assert!(
            error.message.contains("is a Thursday, not a Friday"),
            "{error:?}"
        );
        assert!(parse_date("soon").is_err());
    }

    #[test]
    fn times_as_people_type_them() {
        let cases = [
            ("19:00", (19, 0)),
            ("19.00", (19, 0)),
            ("7pm", (19, 0)),
            ("7 PM", (19, 0)),
            ("9.30am", (9, 30)),
            ("9:30 a.m.", (9, 30)),
            ("12pm", (12, 0)),
            ("12am", (0, 0)),
            ("noon", (12, 0)),
            ("09:00:00", (9, 0)),
        ];
        for (text, (h, m)) in cases {
            assert_eq!(parse_time(text), Ok(Time::constant(h, m, 0, 0)), "{text}");
        }
    }

    #[test]
    fn a_number_alone_is_not_a_time() {
        let error = parse_time("7").unwrap_err();
        assert!(
            error.ambiguous && error.hint.contains("7am or 7pm"),
            "{error:?}"
        );
        for text in ["25:00", "13pm", "7:5", "soon", "0am"] {
            assert!(parse_time(text).is_err(), "{text}");
        }
    }

    #[test]
    fn an_end_may_carry_its_own_date() {
        let (date_, time) = parse_date_and_time("24/03/2027 01:00").unwrap();
        assert_eq!(
            (date_, time),
            (Some(date(2027, 3, 24)), Time::constant(1, 0, 0, 0))
        );
        let (date_, _) = parse_date_and_time("2027-03-24T01:00:00").unwrap();
        assert_eq!(date_, Some(date(2027, 3, 24)));
        assert_eq!(
            parse_date_and_time("7 pm").unwrap().1,
            Time::constant(19, 0, 0, 0)
        );
    }

    #[test]
    fn cells_formatted_as_dates_and_times_are_read_exactly() {
        let both = Cell::When(When {
            date: Some((2027, 3, 22)),
            time: Some((10, 0, 0)),
        });
        assert_eq!(cell_date(&both), Ok(date(2027, 3, 22)));
        assert_eq!(
            cell_time(&both),
            Ok((Some(date(2027, 3, 22)), Time::constant(10, 0, 0, 0)))
        );
        assert!(cell_date(&Cell::Number(46468.0)).unwrap_err().ambiguous);
        assert!(cell_time(&Cell::Number(7.0)).unwrap_err().ambiguous);
    }
}
