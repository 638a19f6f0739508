//! Dates and times: turning TOML values into jiff values, and parsing the build's 'now'.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use toml::Spanned;
use toml::value::Datetime;

use crate::diag::{Code, Diagnostic, SourceFile};

/// A TOML date such as `2024-03-05`, checked to exist.
pub fn parse_date(
    value: &Spanned<Datetime>,
    file: &SourceFile,
    offset: usize,
) -> Result<Date, Diagnostic> {
    let at = |message: String| {
        let span = value.span();
        file.error_at(span.start + offset..span.end + offset, message)
            .code(Code::BadDate)
    };
    let raw = value.get_ref();
    match (raw.date, raw.time, raw.offset) {
        (Some(d), None, None) => Date::new(d.year as i16, d.month as i8, d.day as i8)
            .map_err(|_| at(format!("{raw} is not a date that exists"))),
        _ => Err(at(format!(
            "expected a date such as 2024-03-05, found {raw}"
        ))),
    }
}

/// A TOML local date-time such as `2024-03-05T10:00:00`, checked to exist.
pub fn parse_local_datetime(
    value: &Spanned<Datetime>,
    file: &SourceFile,
    offset: usize,
) -> Result<DateTime, Diagnostic> {
    let at = |message: String| {
        let span = value.span();
        file.error_at(span.start + offset..span.end + offset, message)
            .code(Code::BadDate)
    };
    let raw = value.get_ref();
    match (raw.date, raw.time, raw.offset) {
        (Some(d), Some(t), None) => {
            let date = Date::new(d.year as i16, d.month as i8, d.day as i8)
                .map_err(|_| at(format!("{raw} is not a date that exists")))?;
            let time = jiff::civil::Time::new(
                t.hour as i8,
                t.minute as i8,
                t.second.unwrap_or(0) as i8,
                0,
            )
            .map_err(|_| at(format!("{raw} is not a time that exists")))?;
            Ok(date.to_datetime(time))
        }
        _ => Err(at(format!(
            "expected a local date and time such as 2024-03-05T10:00:00, found {raw}"
        ))
        .hint("write the local time without an offset: the site's time zone applies")),
    }
}

/// A `--now` or SOURCE_DATE_EPOCH that holds no time.
#[derive(Debug, thiserror::Error)]
pub enum NowError {
    /// Neither an RFC 3339 timestamp nor seconds since 1970 (what the parser said adds
    /// nothing for a reader, so it is not kept).
    #[error("`{0}` is not a time: use 2024-03-05T10:00:00Z or seconds since 1970")]
    NotATime(String),
    /// Seconds since 1970 beyond the years a timestamp holds.
    #[error(transparent)]
    OutOfRange(jiff::Error),
    /// The environment's SOURCE_DATE_EPOCH is not a time.
    #[error("SOURCE_DATE_EPOCH")]
    SourceDateEpoch(#[source] Box<NowError>),
}

/// Parses `--now`: an RFC 3339 timestamp (`2024-03-05T10:00:00Z`) or seconds since 1970.
pub fn parse_now(text: &str) -> Result<Timestamp, NowError> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<i64>() {
        return Timestamp::from_second(seconds).map_err(NowError::OutOfRange);
    }
    text.parse::<Timestamp>()
        .map_err(|_| NowError::NotATime(text.to_owned()))
}

/// The build's 'now': `--now` if given, else SOURCE_DATE_EPOCH, else the clock.
pub fn resolve_now(flag: Option<&str>) -> Result<Timestamp, NowError> {
    if let Some(text) = flag {
        return parse_now(text);
    }
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) if !value.trim().is_empty() => {
            parse_now(&value).map_err(|e| NowError::SourceDateEpoch(Box::new(e)))
        }
        _ => Ok(Timestamp::now()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_accepts_rfc3339_and_epoch_seconds() {
        assert_eq!(parse_now("0").unwrap(), Timestamp::UNIX_EPOCH);
        assert_eq!(parse_now("1970-01-01T00:01:00Z").unwrap().as_second(), 60);
        assert!(parse_now("yesterday").is_err());
        assert_eq!(
            parse_now("yesterday").unwrap_err().to_string(),
            "`yesterday` is not a time: use 2024-03-05T10:00:00Z or seconds since 1970"
        );
        let too_late = NowError::SourceDateEpoch(Box::new(parse_now("1e99").unwrap_err()));
        assert_eq!(
            crate::error::full_message(&too_late),
            "SOURCE_DATE_EPOCH: `1e99` is not a time: use 2024-03-05T10:00:00Z or seconds since 1970"
        );
        let out_of_range = parse_now("99999999999999999").unwrap_err();
        assert!(matches!(out_of_range, NowError::OutOfRange(_)));
    }

    #[test]
    fn dates_that_do_not_exist_are_errors() {
        let file = SourceFile::new("a.toml", b"d = 2023-02-28".to_vec()).unwrap();
        #[derive(serde::Deserialize)]
        struct D {
            d: Spanned<Datetime>,
        }
        let d: D = toml::from_str(&file.text).unwrap();
        assert!(parse_date(&d.d, &file, 0).is_ok());
        assert!(parse_local_datetime(&d.d, &file, 0).is_err());
    }
}
