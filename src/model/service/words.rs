//! A service's facts in words, as both the directory's pages (render) and the printed
//! directory (model) say them: ages, cost, days and opening times, in the theme's words of the
//! language asked for.

use crate::model::i18n::{ArgValue, Words};
use crate::model::id::ById;
use crate::model::service::vocab::Day;
use crate::model::service::{Location, Opening, Service};

fn text(value: impl Into<String>) -> ArgValue {
    ArgValue::Text(value.into())
}

/// 'Free', what it costs in the service's words, or 'There is a charge'.
pub fn cost_text(service: &Service, words: &Words) -> String {
    if service.cost.description.is_empty() {
        words.t(if service.cost.free {
            "cost-free"
        } else {
            "cost-charge"
        })
    } else {
        service.cost.description.clone()
    }
}

/// 'Ages 0 to 18', 'Ages 16 and over', 'Up to age 5', or empty.
pub fn ages(min: Option<u8>, max: Option<u8>, words: &Words) -> String {
    match (min, max) {
        (Some(low), Some(high)) => words.t_with(
            "ages-range",
            &[
                ("youngest", text(low.to_string())),
                ("oldest", text(high.to_string())),
            ],
        ),
        (Some(low), None) => words.t_with("ages-from", &[("youngest", text(low.to_string()))]),
        (None, Some(high)) => words.t_with("ages-up-to", &[("oldest", text(high.to_string()))]),
        (None, None) => String::new(),
    }
}

/// 'Monday to Friday, 9am to 5pm (at Acton Family Hub; term time only)'.
pub fn opening_line(opening: &Opening, locations: &[Location], words: &Words) -> String {
    let mut line = words.t_with(
        "opening-hours",
        &[
            ("days", text(day_list(&opening.days, words))),
            ("opens", text(words.dates.time(opening.opens))),
            ("closes", text(words.dates.time(opening.closes))),
        ],
    );
    let place = opening
        .location
        .and_then(|i| locations.by_id(i))
        .map(|l| words.t_with("opening-at", &[("place", text(l.name.clone()))]));
    let notes: Vec<String> = place
        .into_iter()
        .chain((!opening.note.is_empty()).then(|| opening.note.clone()))
        .collect();
    if !notes.is_empty() {
        line.push_str(&format!(" ({})", notes.join("; ")));
    }
    line
}

/// Days as readers say them: runs of three or more become 'Monday to Friday'.
pub fn day_list(days: &[Day], words: &Words) -> String {
    let mut sorted = days.to_vec();
    sorted.sort();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && day_index(sorted[j + 1]) == day_index(sorted[j]) + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(words.t_with(
                "days-range",
                &[
                    ("first", text(words.t(sorted[i].key()))),
                    ("last", text(words.t(sorted[j].key()))),
                ],
            ));
        } else {
            parts.extend(sorted[i..=j].iter().map(|d| words.t(d.key())));
        }
        i = j + 1;
    }
    match parts.len() {
        0 => String::new(),
        1 => parts.remove(0),
        n => words.t_with(
            "days-and",
            &[
                ("list", text(parts[..n - 1].join(", "))),
                ("last", text(parts[n - 1].clone())),
            ],
        ),
    }
}

fn day_index(day: Day) -> usize {
    Day::ALL.iter().position(|d| *d == day).unwrap_or_default()
}
