//! Durations as organisers write them: `90m`, `1h`, `1h30m`, `2 hours`, parsed by jiff's
//! friendly span parser; hubsite adds only the limits (whole minutes, a minute to a week).

use jiff::fmt::friendly::SpanParser;
use jiff::{SpanTotal, Unit};

/// The longest duration a session or material may have: a week, in minutes.
const MAX_MINUTES: f64 = 7.0 * 24.0 * 60.0;

/// Why a text is not a duration hubsite takes, with the text as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a duration{}", self.why.words())]
pub struct NotADuration {
    /// The text as written.
    pub text: String,
    /// What is wrong with it.
    pub why: Why,
}

/// What is wrong with a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Not in the friendly span format at all.
    Unreadable,
    /// Below zero.
    Negative,
    /// In months or years, which have no fixed length.
    Calendar,
    /// Not a whole number of minutes.
    PartMinute,
    /// Under a minute.
    TooShort,
    /// Over a week.
    TooLong,
}

impl Why {
    fn words(self) -> &'static str {
        match self {
            Why::Unreadable => "",
            Why::Negative => ": it is negative",
            Why::Calendar => ": months and years have no fixed length",
            Why::PartMinute => ": give whole minutes",
            Why::TooShort => ": it must be at least a minute",
            Why::TooLong => ": it must be a week or less",
        }
    }
}

/// Minutes in a duration such as `90m`, `1h30m`, `1h 30m`, `1.5h` or `2 hours` (jiff's
/// 'friendly' span format, any case); whole minutes, at least one, at most a week.
pub fn parse_duration_minutes(text: &str) -> Result<u32, NotADuration> {
    static PARSER: SpanParser = SpanParser::new();
    let invalid = |why: Why| NotADuration {
        text: text.to_owned(),
        why,
    };
    let span = PARSER
        .parse_span(text.trim().to_lowercase())
        .map_err(|_| invalid(Why::Unreadable))?;
    if span.is_negative() {
        return Err(invalid(Why::Negative));
    }
    // Days and weeks are 24 hours and 7 of them here; months and years have no fixed length.
    let minutes = span
        .total(SpanTotal::from(Unit::Minute).days_are_24_hours())
        .map_err(|_| invalid(Why::Calendar))?;
    if minutes.fract() != 0.0 {
        return Err(invalid(Why::PartMinute));
    }
    if minutes < 1.0 {
        return Err(invalid(Why::TooShort));
    }
    if minutes > MAX_MINUTES {
        return Err(invalid(Why::TooLong));
    }
    Ok(minutes as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(parse_duration_minutes("90m"), Ok(90));
        assert_eq!(parse_duration_minutes("1h30m"), Ok(90));
        assert_eq!(parse_duration_minutes("1h 30m"), Ok(90));
        assert_eq!(parse_duration_minutes("2 hours"), Ok(120));
        assert_eq!(parse_duration_minutes("20 mins"), Ok(20));
        // What jiff's friendly format adds to the forms written by hand before.
        assert_eq!(parse_duration_minutes("1.5h"), Ok(90));
        assert_eq!(parse_duration_minutes("1 hour, 30 minutes"), Ok(90));
        assert_eq!(parse_duration_minutes("2 Hours"), Ok(120));
        assert_eq!(parse_duration_minutes("1d"), Ok(24 * 60));
    }

    #[test]
    fn says_why_a_duration_is_out_of_range() {
        for (text, why) in [
            ("0m", "at least a minute"),
            ("90s", "whole minutes"),
            ("8d", "a week or less"),
            ("-1h", "negative"),
            ("1 month", "no fixed length"),
        ] {
            let error = parse_duration_minutes(text).unwrap_err().to_string();
            assert!(error.contains(why), "{text}: {error}");
        }
        assert_eq!(
            parse_duration_minutes("ninety minutes")
                .unwrap_err()
                .to_string(),
            "`ninety minutes` is not a duration"
        );
    }

    #[test]
    fn rejects_nonsense_without_panicking() {
        for bad in [
            "",
            "90",
            "m",
            "1x",
            "0m",
            "99999999999999999999h",
            "8d",
            "1h30",
            "é",
        ] {
            assert!(parse_duration_minutes(bad).is_err(), "{bad}");
        }
    }
}
