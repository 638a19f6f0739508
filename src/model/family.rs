//! Stage 2, model: what a family needs to know before it comes to a session (what it costs,
//! whether children can come, their ages, refreshments, getting there, interpreters), read
//! from a session file and checked against the rest of the session; and when a session falls
//! (time of day, weekday or weekend), which the programme's filters use.

use jiff::civil::{Date, Time, Weekday};
use serde::Serialize;
use toml::Spanned;

use crate::diag::{Code, Diagnostics, SourceFile};
use crate::load::sessions::{RawAccessibility, RawSession, RawTransport};
use crate::model::audience::Audience;
use crate::model::session::Format;
use crate::model::translation::{TextField, Translation};

/// What a session costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Cost {
    /// Nothing.
    Free,
    /// An amount in pounds.
    Paid {
        /// The amount, in pence.
        pence: u32,
        /// Who pays less, and how much.
        concessions: Option<String>,
    },
}

impl Cost {
    /// 'Free', '£5', '£2.50'.
    pub fn label(&self) -> String {
        match self {
            Cost::Free => "Free".to_owned(),
            Cost::Paid { pence, .. } if pence % 100 == 0 => format!("£{}", pence / 100),
            Cost::Paid { pence, .. } => format!("£{}.{:02}", pence / 100, pence % 100),
        }
    }

    /// The price as schema.org writes it, in pounds: '0', '5.00', '2.50'.
    pub fn price(&self) -> String {
        match self {
            Cost::Free => "0".to_owned(),
            Cost::Paid { pence, .. } => format!("{}.{:02}", pence / 100, pence % 100),
        }
    }
}

/// Reads a cost: "free", or pounds and pence ("£5", "5", "£2.50"); £0 is free.
pub fn parse_cost(text: &str) -> Option<Cost> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("free") {
        return Some(Cost::Free);
    }
    let amount = text.strip_prefix('£').unwrap_or(text).trim();
    let (pounds, pence) = amount.split_once('.').unwrap_or((amount, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pounds) || (!pence.is_empty() && !digits(pence)) || pence.len() > 2 {
        return None;
    }
    let pence = match pence.len() {
        0 => 0,
        1 => pence.parse::<u32>().ok()? * 10,
        _ => pence.parse::<u32>().ok()?,
    };
    let total = pounds
        .parse::<u32>()
        .ok()?
        .checked_mul(100)?
        .checked_add(pence)?;
    Some(if total == 0 {
        Cost::Free
    } else {
        Cost::Paid {
            pence: total,
            concessions: None,
        }
    })
}

/// Whether children can come, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Childcare {
    /// Children are looked after in a creche while the adults take part.
    Creche,
    /// Children come along with their adults.
    ChildrenWelcome,
    /// No childcare: adults come without children.
    None,
}

impl Childcare {
    /// Every value with its identifier in files, addresses and spreadsheets.
    pub const ALL: [(Childcare, &'static str); 3] = [
        (Childcare::Creche, "creche"),
        (Childcare::ChildrenWelcome, "children-welcome"),
        (Childcare::None, "none"),
    ];

    /// The identifier.
    pub fn slug(self) -> &'static str {
        Childcare::ALL
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("none", |(_, s)| s)
    }

    /// The theme's message for its words on pages.
    pub fn message_key(self) -> &'static str {
        match self {
            Childcare::Creche => "childcare-creche",
            Childcare::ChildrenWelcome => "childcare-children-welcome",
            Childcare::None => "childcare-none",
        }
    }

    /// The words in English.
    pub fn label(self) -> &'static str {
        match self {
            Childcare::Creche => "Creche",
            Childcare::ChildrenWelcome => "Children welcome",
            Childcare::None => "No childcare",
        }
    }

    /// Whether children are there (in the session or its creche).
    pub fn children_there(self) -> bool {
        self != Childcare::None
    }
}

/// The unit of an age range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgeUnit {
    /// Months (babies).
    Months,
    /// Years.
    Years,
}

/// How old the children who come are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ages {
    /// The youngest.
    pub from: u8,
    /// The oldest, if there is a limit.
    pub to: Option<u8>,
    /// Months or years.
    pub unit: AgeUnit,
}

/// Why ages cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgesError {
    /// Not a range.
    #[error("`{0}` is not an age range")]
    Shape(String),
    /// The range runs backwards.
    #[error("ages {from} to {to}: the first age is more than the second")]
    Backwards {
        /// The first.
        from: u8,
        /// The second.
        to: u8,
    },
}

impl Ages {
    /// '0 to 5', '0 to 12 months', '11 and over'.
    pub fn range_text(&self) -> String {
        let unit = match self.unit {
            AgeUnit::Months => " months",
            AgeUnit::Years => "",
        };
        match self.to {
            Some(to) => format!("{} to {to}{unit}", self.from),
            None => format!("{}{unit} and over", self.from),
        }
    }

    /// 'Ages 0 to 5', 'Ages 0 to 12 months', 'Ages 11 and over'.
    pub fn label(&self) -> String {
        format!("Ages {}", self.range_text())
    }
}

/// Reads ages: "0-5", "0 to 5", "0-12 months", "11+", "16 and over".
pub fn parse_ages(text: &str) -> Result<Ages, AgesError> {
    let shape = || AgesError::Shape(text.trim().to_owned());
    let lower = text.trim().to_lowercase();
    let (range, unit) = match lower.strip_suffix("months") {
        Some(rest) => (rest.trim(), AgeUnit::Months),
        None => (
            lower.strip_suffix("years").unwrap_or(&lower).trim(),
            AgeUnit::Years,
        ),
    };
    let number = |s: &str| s.trim().parse::<u8>().map_err(|_| shape());
    let open = range
        .strip_suffix('+')
        .or_else(|| range.strip_suffix("and over"));
    let (from, to) = match open {
        Some(from) => (number(from)?, None),
        None => {
            let (from, to) = range
                .split_once('-')
                .or_else(|| range.split_once(" to "))
                .ok_or_else(shape)?;
            (number(from)?, Some(number(to)?))
        }
    };
    if let Some(to) = to.filter(|&to| to < from) {
        return Err(AgesError::Backwards { from, to });
    }
    Ok(Ages { from, to, unit })
}

/// Getting to an in-person session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Transport {
    /// Help offered: 'Bus fares paid back; ask when you book'.
    pub help: Option<String>,
    /// Parking.
    pub parking: Option<String>,
    /// A step-free route from the nearest stop or station.
    pub step_free_route: Option<String>,
}

/// What a family needs to know before it comes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Family {
    /// What it costs, when the organiser says.
    pub cost: Option<Cost>,
    /// Whether children can come.
    pub childcare: Option<Childcare>,
    /// How old the children are.
    pub ages: Option<Ages>,
    /// What there is to eat and drink.
    pub refreshments: Option<String>,
    /// Getting there.
    pub transport: Option<Transport>,
}

impl Family {
    /// The few words a card shows: 'Free', 'Creche', 'Ages 0 to 5'.
    pub fn card_words(&self) -> Vec<String> {
        let mut words: Vec<String> = self.cost.iter().map(Cost::label).collect();
        words.extend(self.childcare.map(|c| c.label().to_owned()));
        words.extend(self.ages.map(|a| a.label()));
        words
    }
}

/// The part of the day a session starts in, in its week's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeOfDay {
    /// Before 12 noon.
    Morning,
    /// From 12 noon to before 5pm.
    Afternoon,
    /// From 5pm.
    Evening,
}

impl TimeOfDay {
    /// Afternoons start at 12 noon: the one place the boundary is set.
    pub const AFTERNOON_FROM: Time = Time::constant(12, 0, 0, 0);
    /// Evenings start at 5pm, when many parents finish work.
    pub const EVENING_FROM: Time = Time::constant(17, 0, 0, 0);
    /// Every part of the day, in order.
    pub const ALL: [TimeOfDay; 3] = [TimeOfDay::Morning, TimeOfDay::Afternoon, TimeOfDay::Evening];

    /// The part of the day a local start time falls in.
    pub fn of(start: Time) -> TimeOfDay {
        if start >= Self::EVENING_FROM {
            TimeOfDay::Evening
        } else if start >= Self::AFTERNOON_FROM {
            TimeOfDay::Afternoon
        } else {
            TimeOfDay::Morning
        }
    }

    /// The identifier in addresses.
    pub fn slug(self) -> &'static str {
        match self {
            TimeOfDay::Morning => "morning",
            TimeOfDay::Afternoon => "afternoon",
            TimeOfDay::Evening => "evening",
        }
    }

    /// The theme's message for its name on pages.
    pub fn message_key(self) -> &'static str {
        match self {
            TimeOfDay::Morning => "time-of-day-morning",
            TimeOfDay::Afternoon => "time-of-day-afternoon",
            TimeOfDay::Evening => "time-of-day-evening",
        }
    }

    /// The name in English.
    pub fn label(self) -> &'static str {
        match self {
            TimeOfDay::Morning => "Morning",
            TimeOfDay::Afternoon => "Afternoon",
            TimeOfDay::Evening => "Evening",
        }
    }
}

/// Weekday or weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartOfWeek {
    /// Monday to Friday.
    Weekday,
    /// Saturday or Sunday.
    Weekend,
}

impl PartOfWeek {
    /// Both, in order.
    pub const ALL: [PartOfWeek; 2] = [PartOfWeek::Weekday, PartOfWeek::Weekend];

    /// The part of the week a local date falls in.
    pub fn of(date: Date) -> PartOfWeek {
        match date.weekday() {
            Weekday::Saturday | Weekday::Sunday => PartOfWeek::Weekend,
            _ => PartOfWeek::Weekday,
        }
    }

    /// The identifier in addresses.
    pub fn slug(self) -> &'static str {
        match self {
            PartOfWeek::Weekday => "weekday",
            PartOfWeek::Weekend => "weekend",
        }
    }

    /// The theme's message for its name on pages.
    pub fn message_key(self) -> &'static str {
        match self {
            PartOfWeek::Weekday => "part-of-week-weekday",
            PartOfWeek::Weekend => "part-of-week-weekend",
        }
    }

    /// The name in English.
    pub fn label(self) -> &'static str {
        match self {
            PartOfWeek::Weekday => "Weekdays",
            PartOfWeek::Weekend => "Weekend",
        }
    }
}

/// What the family fields are checked against.
pub struct SessionShape<'a> {
    /// The format, when it could be read.
    pub format: Option<Format>,
    /// Who it is for.
    pub audience: &'a [Audience],
}

/// Reads and checks a session's family fields; every problem is recorded, located.
pub fn build_family(
    raw: &RawSession,
    shape: &SessionShape,
    translation: &mut Translation,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Family {
    let childcare = raw
        .childcare
        .as_ref()
        .and_then(|c| childcare(c, file, problems));
    let family = Family {
        cost: cost(raw, file, problems).map(|cost| match cost {
            Cost::Paid {
                pence,
                concessions: Some(less),
            } => Cost::Paid {
                pence,
                concessions: Some(translation.text(TextField::Concessions, &less)),
            },
            other => other,
        }),
        childcare,
        ages: raw
            .ages
            .as_ref()
            .and_then(|a| ages(a, shape, childcare, file, problems)),
        refreshments: translation.optional(
            TextField::Refreshments,
            raw.refreshments.as_ref().map(|r| r.get_ref().trim()),
        ),
        transport: raw.transport.as_ref().map(|t| transport(t, translation)),
    };
    if shape.format == Some(Format::Online) {
        let in_person = [raw.refreshments.as_ref()]
            .into_iter()
            .chain(raw.transport.as_ref().map(first_transport_field))
            .flatten()
            .next();
        if let Some(field) = in_person {
            problems.push(
                file.error_at(field.span(), "an online session has no place to get to or eat at")
                    .code(Code::FamilyDetails)
                    .hint("remove refreshments and [transport], or set format = \"in-person\" or \"hybrid\""),
            );
        }
    }
    family
}

fn cost(raw: &RawSession, file: &SourceFile, problems: &mut Diagnostics) -> Option<Cost> {
    let parsed = raw.cost.as_ref().and_then(|value| {
        let cost = parse_cost(value.get_ref());
        if cost.is_none() {
            problems.push(
                file.error_at(value.span(), format!("cost `{}` is neither free nor an amount in pounds", value.get_ref().trim()))
                    .code(Code::Cost)
                    .hint("write cost = \"free\", or an amount such as \"£5\" or \"£2.50\"; who pays less goes in concessions"),
            );
        }
        cost
    });
    let Some(concessions) = &raw.concessions else {
        return parsed;
    };
    match parsed {
        Some(Cost::Paid { pence, .. }) => Some(Cost::Paid {
            pence,
            concessions: Some(concessions.get_ref().trim().to_owned()),
        }),
        Some(Cost::Free) => {
            problems.push(
                file.error_at(concessions.span(), "a free session has no concessions")
                    .code(Code::FamilyDetails)
                    .hint("remove concessions, or give the cost, such as cost = \"£5\""),
            );
            parsed
        }
        None => {
            if raw.cost.is_none() {
                problems.push(
                    file.error_at(concessions.span(), "concessions, but no cost")
                        .code(Code::FamilyDetails)
                        .hint("add the full cost, such as cost = \"£5\""),
                );
            }
            None
        }
    }
}

fn childcare(
    value: &Spanned<String>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<Childcare> {
    let found = Childcare::ALL
        .iter()
        .find(|(_, name)| *name == value.get_ref().trim())
        .map(|(c, _)| *c);
    if found.is_none() {
        problems.push(
            file.error_at(
                value.span(),
                format!("unknown childcare `{}`", value.get_ref()),
            )
            .code(Code::UnknownValue)
            .hint("use creche, children-welcome or none"),
        );
    }
    found
}

fn ages(
    value: &Spanned<String>,
    shape: &SessionShape,
    childcare: Option<Childcare>,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Option<Ages> {
    let ages = parse_ages(value.get_ref())
        .map_err(|error| {
            problems.push(
                file.error_at(value.span(), error.to_string())
                    .code(Code::Ages)
                    .hint("write ages as \"0-5\", \"11 to 16\", \"0-12 months\" or \"11+\""),
            )
        })
        .ok()?;
    let children = shape
        .audience
        .iter()
        .any(|a| matches!(a, Audience::Families | Audience::YoungPeople))
        || childcare.is_some_and(Childcare::children_there);
    if !children {
        problems.push(
            file.error_at(value.span(), "ages, but no children come to this session")
                .code(Code::FamilyDetails)
                .hint("add families or young-people to audience, or childcare = \"creche\" or \"children-welcome\"; or remove ages"),
        );
    }
    Some(ages)
}

fn transport(raw: &RawTransport, translation: &mut Translation) -> Transport {
    let mut text = |field, v: &Option<Spanned<String>>| {
        translation.optional(field, v.as_ref().map(|v| v.get_ref().trim()))
    };
    Transport {
        help: text(TextField::TransportHelp, &raw.help),
        parking: text(TextField::Parking, &raw.parking),
        step_free_route: text(TextField::StepFreeRoute, &raw.step_free_route),
    }
}

fn first_transport_field(raw: &RawTransport) -> Option<&Spanned<String>> {
    [&raw.help, &raw.parking, &raw.step_free_route]
        .into_iter()
        .flatten()
        .next()
}

/// The languages interpreters put the session into, checked: British Sign Language is `bsl`,
/// and a language the session is held in (`languages`) needs no interpreter, so each fact has
/// one place.
pub fn interpreters(
    raw: &RawAccessibility,
    file: &SourceFile,
    problems: &mut Diagnostics,
) -> Vec<String> {
    let mut kept = Vec::new();
    for value in &raw.interpreters {
        let language = value.get_ref().trim();
        let lower = language.to_lowercase();
        if lower == "bsl" || lower == "british sign language" {
            problems.push(
                file.error_at(
                    value.span(),
                    "British Sign Language is bsl = true, not an interpreter's language",
                )
                .code(Code::FamilyDetails)
                .hint("remove it from interpreters and write bsl = true under [accessibility]"),
            );
        } else if raw
            .languages
            .iter()
            .any(|l| l.trim().eq_ignore_ascii_case(language))
        {
            problems.push(
                file.error_at(value.span(), format!("{language} is in languages too: the session is held in it, so it needs no interpreter"))
                    .code(Code::FamilyDetails)
                    .hint("keep it in one list: languages for what the session is held in, interpreters for what it is interpreted into"),
            );
        } else {
            kept.push(language.to_owned());
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_are_free_or_pounds_and_pence() {
        assert_eq!(parse_cost("Free"), Some(Cost::Free));
        assert_eq!(parse_cost("£0"), Some(Cost::Free));
        let paid = |pence| {
            Some(Cost::Paid {
                pence,
                concessions: None,
            })
        };
        assert_eq!(parse_cost("£5"), paid(500));
        assert_eq!(parse_cost(" 2.5 "), paid(250));
        assert_eq!(parse_cost("£12.05"), paid(1205));
        for wrong in ["five", "£", "£5.505", "-3", "5p", "£1,000", ""] {
            assert_eq!(parse_cost(wrong), None, "{wrong}");
        }
        assert_eq!(parse_cost("£2.50").unwrap().label(), "£2.50");
        assert_eq!(parse_cost("£5").unwrap().label(), "£5");
        assert_eq!(parse_cost("£5").unwrap().price(), "5.00");
        assert_eq!(Cost::Free.price(), "0");
    }

    #[test]
    fn ages_are_ranges_in_years_or_months_or_a_lower_limit() {
        let ages = |from, to, unit| Ok(Ages { from, to, unit });
        assert_eq!(parse_ages("0-5"), ages(0, Some(5), AgeUnit::Years));
        assert_eq!(parse_ages("11 to 16"), ages(11, Some(16), AgeUnit::Years));
        assert_eq!(
            parse_ages("0-12 months"),
            ages(0, Some(12), AgeUnit::Months)
        );
        assert_eq!(parse_ages("11+"), ages(11, None, AgeUnit::Years));
        assert_eq!(parse_ages("16 and over"), ages(16, None, AgeUnit::Years));
        assert!(matches!(parse_ages("toddlers"), Err(AgesError::Shape(_))));
        assert_eq!(
            parse_ages("5-2"),
            Err(AgesError::Backwards { from: 5, to: 2 })
        );
        assert_eq!(parse_ages("0-5").unwrap().label(), "Ages 0 to 5");
        assert_eq!(parse_ages("11+").unwrap().label(), "Ages 11 and over");
        assert_eq!(
            parse_ages("0-12 months").unwrap().label(),
            "Ages 0 to 12 months"
        );
    }

    proptest::proptest! {
        #[test]
        fn cost_and_ages_parsers_never_panic_and_read_back_what_they_write(text in "\\PC{0,20}", pence in 1u32..10_000_000) {
            let _ = parse_cost(&text);
            let _ = parse_ages(&text);
            let cost = Cost::Paid { pence, concessions: None };
            proptest::prop_assert_eq!(parse_cost(&cost.label()), Some(cost));
        }
    }

    #[test]
    fn the_day_splits_at_noon_and_five() {
        let at = |h, m| TimeOfDay::of(Time::constant(h, m, 0, 0));
        assert_eq!(at(0, 0), TimeOfDay::Morning);
        assert_eq!(at(11, 59), TimeOfDay::Morning);
        assert_eq!(at(12, 0), TimeOfDay::Afternoon);
        assert_eq!(at(16, 59), TimeOfDay::Afternoon);
        assert_eq!(at(17, 0), TimeOfDay::Evening);
        assert_eq!(at(23, 30), TimeOfDay::Evening);
    }

    #[test]
    fn saturdays_and_sundays_are_the_weekend() {
        let day = |d| PartOfWeek::of(jiff::civil::date(2027, 3, d));
        assert_eq!(day(26), PartOfWeek::Weekday); // Friday
        assert_eq!(day(27), PartOfWeek::Weekend);
        assert_eq!(day(28), PartOfWeek::Weekend);
        assert_eq!(day(29), PartOfWeek::Weekday);
    }
}
