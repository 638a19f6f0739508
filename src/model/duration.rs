//! Durations as organisers write them: `90m`, `1h`, `1h30m`, `2 hours`.

/// Minutes in a duration such as `90m`, `1h30m`, `1h 30m` or `2 hours`; at least one minute,
/// at most a week.
pub fn parse_duration_minutes(text: &str) -> Result<u32, String> {
    let invalid = || format!("`{text}` is not a duration");
    let mut total: u64 = 0;
    let mut number = String::new();
    let mut seen_unit = false;
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let mut rest = compact.as_str();
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            number.push(c);
            rest = &rest[1..];
            continue;
        }
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        let factor = match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" => 60,
            "m" | "min" | "mins" | "minute" | "minutes" => 1,
            _ => return Err(invalid()),
        };
        let value: u64 = number.parse().map_err(|_| invalid())?;
        total = total
            .checked_add(value.checked_mul(factor).ok_or_else(invalid)?)
            .ok_or_else(invalid)?;
        number.clear();
        seen_unit = true;
        rest = &rest[unit_len..];
    }
    if !number.is_empty() || !seen_unit || total == 0 || total > 7 * 24 * 60 {
        return Err(invalid());
    }
    Ok(total as u32)
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
