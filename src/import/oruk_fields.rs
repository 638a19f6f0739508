//! Open Referral UK fields that need more than a copy to reach a directory file: how a
//! service is attended (in person, online, by phone) from its attending types, its fees with
//! their amounts and cost options, its schedules' notes, and the fields hubsite has no place
//! for (funding, a second named contact, further areas), so that the report names them rather
//! than drop them silently. Level and access are placed by [`super::rules`]. Pure: JSON in,
//! values and words out.

use serde_json::Value;

use crate::model::service::vocab::Delivery;

/// How a service is attended, from its `attending_type` texts (the service's and its
/// schedules') and its physical locations.
pub fn delivery(service: &Value) -> Vec<Delivery> {
    let mut texts: Vec<String> = vec![
        service["attending_type"]
            .as_str()
            .unwrap_or_default()
            .to_lowercase(),
    ];
    for schedule in service["schedules"].as_array().into_iter().flatten() {
        texts.push(
            schedule["attending_type"]
                .as_str()
                .unwrap_or_default()
                .to_lowercase(),
        );
    }
    let said = |words: &[&str]| texts.iter().any(|t| words.iter().any(|w| t.contains(w)));
    let physical = service["service_at_locations"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|sal| sal["location"]["location_type"].as_str() != Some("virtual"));
    let mut found = Vec::new();
    if said(&["in-person", "in person", "face to face", "face-to-face"])
        || (physical && said(&["attend"]))
    {
        found.push(Delivery::InPerson);
    }
    if said(&["remote", "video", "online", "virtual", "zoom", "teams"]) {
        found.push(Delivery::Online);
    }
    if said(&["phone", "telephone", "call us"]) {
        found.push(Delivery::Phone);
    }
    found
}

/// Whether a service is free, and its fees in words: each cost option with its amount
/// (`Under 18s and Over 60s: £35 per 1 hour session`), else the fees text.
pub fn cost(service: &Value) -> (bool, String) {
    let options: Vec<&Value> = service["cost_options"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    let fees = ["fees_description", "fees"]
        .iter()
        .find_map(|k| {
            service[*k]
                .as_str()
                .map(str::trim)
                .filter(|t| !t.is_empty())
        })
        .unwrap_or_default();
    if options.is_empty() {
        let free = fees.is_empty() || fees.to_lowercase().contains("free");
        return (free, fees.to_owned());
    }
    let mut free = true;
    let mut parts = Vec::new();
    for option in options {
        let amount = option["amount"].as_f64();
        let named = option["option"].as_str().map(str::trim).unwrap_or_default();
        let words = option["amount_description"]
            .as_str()
            .map(str::trim)
            .unwrap_or_default();
        let is_free = named.eq_ignore_ascii_case("free") || amount == Some(0.0);
        free &= is_free || (amount.is_none() && named.is_empty());
        let price = match amount {
            Some(a) if a > 0.0 => money(a, option["currency"].as_str()),
            Some(_) => "free".to_owned(),
            None => String::new(),
        };
        let price = [price.as_str(), words]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        parts.push(
            match (
                named.is_empty() || is_free && price == "free",
                price.is_empty(),
            ) {
                (true, _) => price,
                (false, true) => named.to_owned(),
                (false, false) => format!("{named}: {price}"),
            },
        );
    }
    (free, parts.join("; "))
}

fn money(amount: f64, currency: Option<&str>) -> String {
    let number = if amount.fract() == 0.0 {
        format!("{amount:.0}")
    } else {
        format!("{amount:.2}")
    };
    match currency.map(str::trim) {
        None | Some("") | Some("GBP") | Some("gbp") => format!("£{number}"),
        Some(code) => format!("{number} {code}"),
    }
}

/// A schedule's words for families: its description, then its notes.
pub fn schedule_note(schedule: &Value) -> String {
    ["description", "notes"]
        .iter()
        .filter_map(|k| schedule[*k].as_str().map(str::trim))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The fields of a service that a directory file has no place for, each with what it says,
/// for the report.
pub fn not_carried(service: &Value) -> Vec<String> {
    let text = |v: &Value| v.as_str().map(str::trim).unwrap_or_default().to_owned();
    let mut found = Vec::new();
    for contact in service["contacts"].as_array().into_iter().flatten().skip(1) {
        let person: Vec<String> = ["name", "title"]
            .iter()
            .map(|k| text(&contact[*k]))
            .filter(|t| !t.is_empty())
            .collect();
        if !person.is_empty() {
            found.push(format!("another named contact ({})", person.join(", ")));
        }
    }
    for funding in service["funding"].as_array().into_iter().flatten() {
        let source = text(&funding["source"]);
        if !source.is_empty() {
            found.push(format!("funding ({})", shorten(&source)));
        }
    }
    let areas = service["service_areas"].as_array().map_or(0, Vec::len);
    if areas > 1 {
        found.push(format!("{} service areas after the first", areas - 1));
    }
    found
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fees_keep_their_amounts_and_cost_options() {
        let service = json!({"fees": "fees_description", "cost_options": [
            {"option": "Under 18s and Over 60s", "amount": 35, "amount_description": "per 1 hour session"},
            {"option": "Free", "amount": 0}
        ]});
        assert_eq!(
            cost(&service),
            (
                false,
                "Under 18s and Over 60s: £35 per 1 hour session; free".into()
            )
        );
        assert_eq!(
            cost(&json!({"fees": "Free of charge"})),
            (true, "Free of charge".into())
        );
        assert_eq!(cost(&json!({})), (true, String::new()));
    }

    #[test]
    fn attending_types_say_how_a_service_is_delivered() {
        let service = json!({"schedules": [{"attending_type": "You can attend this service in-person or remotely via video conferencing"}]});
        assert_eq!(delivery(&service), [Delivery::InPerson, Delivery::Online]);
        assert_eq!(
            delivery(&json!({"attending_type": "Telephone"})),
            [Delivery::Phone]
        );
        assert!(delivery(&json!({})).is_empty());
    }

    #[test]
    fn what_has_no_place_is_named() {
        let service = json!({
            "contacts": [{"name": "Ann Persona"}, {"name": "Bo Persona", "title": "Manager"}],
            "funding": [{"source": "The council"}],
            "service_areas": [{"name": "North"}, {"name": "South"}]
        });
        assert_eq!(
            not_carried(&service),
            [
                "another named contact (Bo Persona, Manager)",
                "funding (The council)",
                "1 service areas after the first"
            ]
        );
    }
}
