//! Dates and times in the reader's language. English is written the GOV.UK way ('Tuesday 5
//! March 2024', '10am to 11:30am', 'midday'); every other language in its own form from CLDR
//! through ICU4X ('Dydd Mawrth, 5 Mawrth 2024', '19:30'; Arabic '7:30 م'). [`Dates`] chooses
//! once per language; the free functions are the English forms.

use std::sync::Arc;

use icu_datetime::fieldsets::{E, T, YMD, YMDE};
use icu_datetime::{DateTimeFormatter, NoCalendarFormatter};
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

/// How dates and times are written in one language.
#[derive(Clone)]
pub struct Dates {
    style: Style,
}

#[derive(Clone)]
enum Style {
    /// English: GOV.UK's style, which CLDR's English does not follow ('10am', no comma).
    GovUk,
    /// Any other language: CLDR's forms for it.
    Cldr(Arc<Cldr>),
}

/// ICU4X formatters for one language.
struct Cldr {
    date: DateTimeFormatter<YMD>,
    day: DateTimeFormatter<YMDE>,
    weekday: DateTimeFormatter<E>,
    time: NoCalendarFormatter<T>,
}

impl std::fmt::Debug for Dates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let style = match self.style {
            Style::GovUk => "GOV.UK English",
            Style::Cldr(_) => "CLDR",
        };
        f.debug_struct("Dates").field("style", &style).finish()
    }
}

impl Default for Dates {
    fn default() -> Self {
        Dates {
            style: Style::GovUk,
        }
    }
}

impl Dates {
    /// The forms of `language`, a BCP 47 tag: GOV.UK's for English (and for a tag ICU4X cannot
    /// read, which hubsite.toml's check has already refused), CLDR's for any other.
    pub fn for_language(language: &str) -> Dates {
        let primary = language.split(['-', '_']).next().unwrap_or(language);
        if primary.eq_ignore_ascii_case("en") {
            return Dates::default();
        }
        match Cldr::new(language) {
            Some(cldr) => Dates {
                style: Style::Cldr(Arc::new(cldr)),
            },
            None => Dates::default(),
        }
    }

    /// '5 March 2024', '5 Mawrth 2024'
    pub fn date(&self, date: Date) -> String {
        match &self.style {
            Style::GovUk => format_date(date),
            Style::Cldr(cldr) => match icu_date(date) {
                Some(d) => cldr.date.format(&d).to_string(),
                None => format_date(date),
            },
        }
    }

    /// 'Tuesday 5 March 2024', 'Dydd Mawrth, 5 Mawrth 2024'
    pub fn day(&self, date: Date) -> String {
        match &self.style {
            Style::GovUk => format_day(date),
            Style::Cldr(cldr) => match icu_date(date) {
                Some(d) => cldr.day.format(&d).to_string(),
                None => format_day(date),
            },
        }
    }

    /// 'Tuesday', 'Dydd Mawrth': the day of the week `date` falls on.
    pub fn weekday(&self, date: Date) -> String {
        match &self.style {
            Style::GovUk => weekday_name(date.weekday()).to_owned(),
            Style::Cldr(cldr) => match icu_date(date) {
                Some(d) => cldr.weekday.format(&d).to_string(),
                None => weekday_name(date.weekday()).to_owned(),
            },
        }
    }

    /// '7:30pm', '19:30'
    pub fn time(&self, time: Time) -> String {
        match &self.style {
            Style::GovUk => format_time(time),
            Style::Cldr(cldr) => match icu_time(time) {
                Some(t) => cldr.time.format(&t).to_string(),
                None => format_time(time),
            },
        }
    }

    /// '10am to 11:30am', '10:00–11:30'
    pub fn time_range(&self, start: Time, end: Time) -> String {
        match &self.style {
            Style::GovUk => format_time_range(start, end),
            Style::Cldr(_) => format!("{}–{}", self.time(start), self.time(end)),
        }
    }
}

impl Cldr {
    fn new(language: &str) -> Option<Cldr> {
        let locale: icu_locale_core::Locale = language.parse().ok()?;
        let prefs = || locale.clone().into();
        Some(Cldr {
            date: DateTimeFormatter::try_new(prefs(), YMD::long()).ok()?,
            day: DateTimeFormatter::try_new(prefs(), YMDE::long()).ok()?,
            weekday: DateTimeFormatter::try_new(prefs(), E::long()).ok()?,
            time: NoCalendarFormatter::try_new(prefs(), T::hm()).ok()?,
        })
    }
}

fn icu_date(date: Date) -> Option<icu_datetime::input::Date<icu_calendar::Iso>> {
    icu_datetime::input::Date::try_new_iso(
        i32::from(date.year()),
        date.month().unsigned_abs(),
        date.day().unsigned_abs(),
    )
    .ok()
}

fn icu_time(time: Time) -> Option<icu_datetime::input::Time> {
    icu_datetime::input::Time::try_new(
        time.hour().unsigned_abs(),
        time.minute().unsigned_abs(),
        0,
        0,
    )
    .ok()
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

    #[test]
    fn english_keeps_govuk_style_and_other_languages_take_their_own() {
        let (day, evening) = (date(2027, 6, 17), time(19, 30, 0, 0));
        let english = Dates::for_language("en-GB");
        assert_eq!(english.day(day), "Thursday 17 June 2027");
        assert_eq!(english.time(evening), "7:30pm");
        let welsh = Dates::for_language("cy");
        assert_eq!(welsh.date(day), "17 Mehefin 2027");
        assert_eq!(welsh.day(day), "Dydd Iau, 17 Mehefin 2027");
        assert_eq!(welsh.weekday(day), "Dydd Iau");
        assert_eq!(welsh.time(evening), "19:30");
        assert_eq!(welsh.time_range(time(10, 0, 0, 0), evening), "10:00–19:30");
        assert_eq!(Dates::for_language("pl").date(day), "17 czerwca 2027");
        assert_eq!(Dates::for_language("ar").weekday(day), "الخميس");
        assert_eq!(Dates::for_language("pa").weekday(day), "ਵੀਰਵਾਰ");
    }
}
