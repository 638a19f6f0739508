//! Dates and times written the GOV.UK way: 'Tuesday 5 March 2024', '10am to 11:30am'.

use jiff::civil::{Date, Time, Weekday};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// '5 March 2024'
pub fn format_date(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month() as usize - 1],
        date.year()
    )
}

/// 'Tuesday 5 March 2024'
pub fn format_day(date: Date) -> String {
    format!("{} {}", weekday_name(date.weekday()), format_date(date))
}

/// 'Tuesday'
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// '10am', '11:30am', '1:15pm', 'midday', 'midnight': GOV.UK style avoids '12am' and '12pm'.
pub fn format_time(time: Time) -> String {
    let (hour, minute) = (time.hour(), time.minute());
    match (hour, minute) {
        (12, 0) => return "midday".to_owned(),
        (0, 0) => return "midnight".to_owned(),
        _ => {}
    }
    let suffix = if hour < 12 { "am" } else { "pm" };
    let hour12 = match hour % 12 {
        0 => 12,
        h => h,
    };
    match minute {
        0 => format!("{hour12}{suffix}"),
        m => format!("{hour12}:{m:02}{suffix}"),
    }
}

/// '10am to 11:30am'
pub fn format_time_range(start: Time, end: Time) -> String {
    format!("{} to {}", format_time(start), format_time(end))
}

/// The ISO form, '2024-03-05', for `<time datetime>` and machine-readable outputs.
pub fn iso_date(date: Date) -> String {
    date.to_string()
}

/// '20 minutes', '1 hour 30 minutes'
pub fn minutes_text(minutes: u32) -> String {
    let plural = |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (minutes / 60, minutes % 60) {
        (0, m) => plural(m, "minute"),
        (h, 0) => plural(h, "hour"),
        (h, m) => format!("{} {}", plural(h, "hour"), plural(m, "minute")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    #[test]
    fn dates_follow_govuk_style() {
        assert_eq!(format_date(date(2024, 3, 5)), "5 March 2024");
        assert_eq!(format_day(date(2024, 3, 5)), "Tuesday 5 March 2024");
    }

    #[test]
    fn times_follow_govuk_style() {
        assert_eq!(format_time(time(10, 0, 0, 0)), "10am");
        assert_eq!(format_time(time(13, 15, 0, 0)), "1:15pm");
        assert_eq!(
            format_time_range(time(10, 0, 0, 0), time(11, 30, 0, 0)),
            "10am to 11:30am"
        );
        assert_eq!(
            format_time_range(time(11, 0, 0, 0), time(12, 0, 0, 0)),
            "11am to midday"
        );
    }
}
