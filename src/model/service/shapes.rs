//! Shape checks for the contact details partners write: phone numbers, email addresses, web
//! addresses, UK postcodes and opening times. Pure functions returning a [`ShapeError`] on
//! failure, which the caller locates in the file.

use jiff::civil::Time;

/// Text that is not of the shape its field wants; each names the text as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShapeError {
    /// Not a phone number.
    #[error("`{0}` is not a phone number")]
    Phone(String),
    /// Not an email address.
    #[error("`{0}` is not an email address")]
    Email(String),
    /// Not an https:// or http:// address.
    #[error("`{0}` is not a web address starting with https://")]
    Url(String),
    /// Not a UK postcode.
    #[error("`{0}` is not a UK postcode")]
    Postcode(String),
    /// Not a time of day on the 24-hour clock.
    #[error("`{0}` is not a time: write it as 09:00 or 17:30")]
    ClockTime(String),
}

/// A phone number as people dial it: digits, spaces, brackets and hyphens, an optional
/// leading `+`, and 3 to 13 digits (999 and 111 are numbers too).
pub fn check_phone(text: &str) -> Result<(), ShapeError> {
    let trimmed = text.trim();
    let body = trimmed.strip_prefix('+').unwrap_or(trimmed);
    let allowed = body
        .chars()
        .all(|c| c.is_ascii_digit() || " ()-".contains(c));
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if allowed && (3..=13).contains(&digits) {
        Ok(())
    } else {
        Err(ShapeError::Phone(text.to_owned()))
    }
}

/// An email address: one `@`, something before it, a domain with a dot after it, no spaces.
pub fn check_email(text: &str) -> Result<(), ShapeError> {
    let ok = match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
                && !text.contains(['<', '>', '"', '(', ')', ',', ';'])
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(ShapeError::Email(text.to_owned()))
    }
}

/// A web address: `https://` or `http://`, then a host with a dot, and no spaces or quotes.
pub fn check_url(text: &str) -> Result<(), ShapeError> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    let ok = match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            host.contains('.')
                && !host.starts_with('.')
                && !text.contains(|c: char| c.is_whitespace() || "\"'<>\\`".contains(c))
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(ShapeError::Url(text.to_owned()))
    }
}

/// A UK postcode such as `W3 6NE` or `UB1 3AB` (any case, space optional); returns it
/// upper-cased with one space before the last three characters.
pub fn parse_postcode(text: &str) -> Result<String, ShapeError> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let fail = || Err(ShapeError::Postcode(text.to_owned()));
    if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
        return fail();
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    if inward_ok && outward_ok(outward) {
        Ok(format!("{outward} {inward}"))
    } else {
        fail()
    }
}

/// What to do about text that [`parse_postcode`] refused: the inward code (the last part) is
/// where a postcode is most often cut short or mistyped.
pub fn postcode_hint(text: &str) -> &'static str {
    let compact: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() > 7 || !compact.iter().all(char::is_ascii_alphanumeric) {
        return "write a UK postcode such as W3 6NE";
    }
    let inward_ok = compact.len() >= 5
        && matches!(compact[compact.len() - 3..], [d, a, b] if d.is_ascii_digit() && a.is_ascii_alphabetic() && b.is_ascii_alphabetic());
    if inward_ok {
        "the first part of a UK postcode is one or two letters and a number (W3, UB1, SW1A): check it"
    } else {
        "a UK postcode ends in a digit and two letters, such as W3 6NE: check the last part"
    }
}

/// The outward code: one or two letters, a digit, then an optional letter or digit.
fn outward_ok(outward: &str) -> bool {
    let letters = outward
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .count();
    let rest: Vec<char> = outward.chars().skip(letters).collect();
    (1..=2).contains(&letters)
        && match rest.as_slice() {
            [d] => d.is_ascii_digit(),
            [d, x] => d.is_ascii_digit() && x.is_ascii_alphanumeric(),
            _ => false,
        }
}

/// An opening time written `09:00` or `17:30` (24-hour clock).
pub fn parse_clock_time(text: &str) -> Result<Time, ShapeError> {
    let fail = || ShapeError::ClockTime(text.to_owned());
    let (hours, minutes) = text.split_once(':').ok_or_else(fail)?;
    if hours.len() != 2 || minutes.len() != 2 {
        return Err(fail());
    }
    let hour: i8 = hours.parse().map_err(|_| fail())?;
    let minute: i8 = minutes.parse().map_err(|_| fail())?;
    Time::new(hour, minute, 0, 0).map_err(|_| fail())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for ok in [
            "01632 960000",
            "999",
            "+44 1632 960000",
            "(01632) 960-000",
            "116 123",
        ] {
            assert!(check_phone(ok).is_ok(), "{ok}");
        }
        for bad in ["", "12", "call us", "0163296000012345", "01632+960000"] {
            assert!(check_phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(check_email("a.b@example.org").is_ok());
        for bad in [
            "",
            "a@b",
            "@example.org",
            "a@@example.org",
            "a b@example.org",
            "a@example.org.",
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls() {
        assert!(check_url("https://example.org/a?b=c").is_ok());
        for bad in [
            "example.org",
            "javascript:alert(1)",
            "https://",
            "https://exa mple.org",
            "ftp://example.org",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn postcodes() {
        assert_eq!(parse_postcode("w3 6ne").unwrap(), "W3 6NE");
        assert_eq!(parse_postcode("UB13AB").unwrap(), "UB1 3AB");
        assert_eq!(parse_postcode("EC1A 1BB").unwrap(), "EC1A 1BB");
        for bad in ["", "W3", "123 456", "W3 6N", "WWW1 1AA", "W3 ÉNE"] {
            assert!(parse_postcode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn clock_times() {
        assert_eq!(
            parse_clock_time("09:30").unwrap(),
            Time::constant(9, 30, 0, 0)
        );
        for bad in ["9:30", "24:00", "12:60", "noon", "09-30"] {
            assert!(parse_clock_time(bad).is_err(), "{bad}");
        }
    }
}
