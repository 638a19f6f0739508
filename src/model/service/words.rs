//! A service's facts in words, as both the directory's pages (render) and the printed
//! directory (model) say them: ages, cost, days and opening times.

use crate::model::id::ById;
use crate::model::service::vocab::Day;
use crate::model::service::{Location, Opening, Service};
use crate::text::format::Dates;

/// 'Free', what it costs in the service's words, or 'There is a charge'.
pub fn cost_text(service: &Service) -> String {
    if service.cost.description.is_empty() {
        (if service.cost.free {
            "Free"
        } else {
            "There is a charge"
        })
        .to_owned()
    } else {
        service.cost.description.clone()
    }
}

/// 'Ages 0 to 18', 'Ages 16 and over', 'Up to age 5', or empty.
pub fn ages(min: Option<u8>, max: Option<u8>) -> String {
    match (min, max) {
        (Some(low), Some(high)) => format!("Ages {low} to {high}"),
        (Some(low), None) => format!("Ages {low} and over"),
        (None, Some(high)) => format!("Up to age {high}"),
        (None, None) => String::new(),
    }
}

/// 'Monday to Friday, 9am to 5pm (at Acton Family Hub; term time only)'.
pub fn opening_line(opening: &Opening, locations: &[Location], dates: &Dates) -> String {
    let mut line = format!(
        "{}, {} to {}",
        day_list(&opening.days),
        dates.time(opening.opens),
        dates.time(opening.closes)
    );
    let place = opening
        .location
        .and_then(|i| locations.by_id(i))
        .map(|l| format!("at {}", l.name));
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
pub fn day_list(days: &[Day]) -> String {
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
            parts.push(format!("{} to {}", sorted[i].label(), sorted[j].label()));
        } else {
            parts.extend(sorted[i..=j].iter().map(|d| d.label().to_owned()));
        }
        i = j + 1;
    }
    match parts.len() {
        0 => String::new(),
        1 => parts.remove(0),
        n => format!("{} and {}", parts[..n - 1].join(", "), parts[n - 1]),
    }
}

fn day_index(day: Day) -> usize {
    Day::ALL.iter().position(|d| *d == day).unwrap_or_default()
}
