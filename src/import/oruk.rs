//! Open Referral UK services JSON to directory files: a pure mapping, with no I/O.
//!
//! Accepts a page (`{"contents": [...]}`), a list of services or one service. Each service
//! becomes the text of `content/directory/<id>.toml`; what cannot be mapped is skipped with
//! a reason. Fields ORUK has no place for come from the `hubsite` extension object that
//! hubsite's own export writes, so importing an export gives back equivalent files.

use serde::Serialize;
use serde_json::Value;

use super::oruk_fields as fields;
use super::rules::Rules;
use crate::model::service::shapes::parse_postcode;
use crate::model::service::vocab::{Access, Category, Day, Delivery, Level};
use crate::model::slug::Slug;

/// The first line of every imported file.
pub const HEADER: &str = "# Imported from Open Referral UK by `hubsite import oruk`.";

/// A service ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Its id: the file name.
    pub id: String,
    /// The file's text, header included.
    pub text: String,
    /// The same without the header.
    pub body: String,
    /// Defaults that were filled in, to tell the user.
    pub notes: Vec<String>,
}

/// A service that was not imported, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// Its name, or its position in the file.
    pub name: String,
    /// Why.
    pub reason: String,
}

/// Reads every service in an ORUK JSON document: services, services at locations (each
/// service with its location) and organisations with their services; a file of
/// organisations without services, or of taxonomies, is refused as what it is.
pub fn parse_services(json: &str) -> Result<Vec<Value>, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(ref map) if map.get("contents").is_some_and(Value::is_array) => {
            map["contents"].as_array().cloned().unwrap_or_default()
        }
        Value::Object(ref map) if map.contains_key("name") || map.contains_key("service") => {
            vec![value]
        }
        _ => return Err("expected an ORUK services page ({\"contents\": [...]}), a list of services or one service".into()),
    };
    let mut services = Vec::new();
    let mut organisations = 0;
    for item in items {
        match Shape::of(&item) {
            Shape::Service => services.push(item),
            Shape::ServiceAtLocation => services.push(service_at_location(item)),
            Shape::Organisation => {
                organisations += 1;
                services.extend(organisation_services(&item));
            }
            Shape::Taxonomy => return Err("this is a taxonomy (or its terms), not services: hubsite imports services, and reads their categories from each service's attributes".into()),
        }
    }
    if services.is_empty() && organisations > 0 {
        return Err("this is a list of organisations without their services: import the services (/services), or an organisation with its `services`".into());
    }
    Ok(services)
}

/// What an item of an ORUK document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Service,
    ServiceAtLocation,
    Organisation,
    Taxonomy,
}

impl Shape {
    fn of(item: &Value) -> Shape {
        let has = |key: &str| item.get(key).is_some();
        if has("service") && has("location") {
            Shape::ServiceAtLocation
        } else if has("term") && has("taxonomy") || has("taxonomy_terms") || has("version") {
            Shape::Taxonomy
        } else if !has("status")
            && !has("organization")
            && (has("website") || has("logo") || has("parent_organization_id"))
        {
            Shape::Organisation
        } else {
            Shape::Service
        }
    }
}

/// A service at a location: the service, with that location among its own.
fn service_at_location(item: Value) -> Value {
    let mut service = item["service"].clone();
    if let Value::Object(map) = &mut service {
        let at = serde_json::json!({"id": item["id"], "location": item["location"]});
        match map.get_mut("service_at_locations") {
            Some(Value::Array(list)) => list.push(at),
            _ => {
                map.insert("service_at_locations".into(), Value::Array(vec![at]));
            }
        }
    }
    service
}

/// An organisation's services, each knowing its organisation.
fn organisation_services(organisation: &Value) -> Vec<Value> {
    let name = organisation["name"].clone();
    organisation["services"]
        .as_array()
        .into_iter()
        .flatten()
        .cloned()
        .map(|mut service| {
            if let Value::Object(map) = &mut service {
                map.entry("organization")
                    .or_insert_with(|| serde_json::json!({ "name": name }));
            }
            service
        })
        .collect()
}

/// Maps one ORUK service to a directory file; `topics` are the site's topic slugs.
pub fn import_service(
    service: &Value,
    topics: &[String],
    rules: &Rules,
) -> Result<Imported, String> {
    let text = |v: &Value| v.as_str().map(str::trim).unwrap_or_default().to_owned();
    let name = text(&service["name"]);
    if name.is_empty() {
        return Err("it has no name".into());
    }
    let ext = &service["hubsite"];
    let id = match ext["id"].as_str().map(Slug::parse) {
        Some(Ok(slug)) => slug.to_string(),
        _ => Slug::from_text(&name)
            .map(|s| s.to_string())
            .ok_or("its name cannot be made into a file name")?,
    };
    let mut notes = Vec::new();
    let terms = |taxonomy: &str| -> Vec<String> {
        service["attributes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|a| a["taxonomy_term"]["taxonomy"].as_str() == Some(taxonomy))
            .filter_map(|a| a["taxonomy_term"]["term"].as_str().map(str::to_owned))
            .collect()
    };
    let (summary, description) = summary_and_description(service, ext);
    let categories = match known(terms("hubsite-category"), Category::from_slug) {
        found if !found.is_empty() => found,
        _ => guess_categories(service).ok_or("no category: it has no hubsite-category attribute and none could be guessed from its text")?,
    };
    let placement = place(service, &categories, rules, &terms);
    notes.push(placement.note);
    let (level, access) = (placement.level, placement.access);
    let last_reviewed = [&service["assured_date"], &service["last_modified"]]
        .iter()
        .filter_map(|v| v.as_str())
        .find_map(|d| {
            d.get(..10)
                .and_then(|d| d.parse::<toml::value::Datetime>().ok())
        })
        .ok_or("no assured_date or last_modified: cannot say when it was last checked")?;
    let locations = locations(service, ext.is_object(), &mut notes);
    notes.extend(
        fields::not_carried(service)
            .into_iter()
            .map(|field| format!("not carried, hubsite has no field for it: {field}")),
    );
    let written = Written {
        name,
        organisation: text(&service["organization"]["name"]),
        summary,
        description,
        level: level.slug(),
        categories: categories.iter().map(|c| c.slug()).collect(),
        topics: terms("hubsite-topic")
            .into_iter()
            .filter(|t| topics.contains(t))
            .collect(),
        family_hub: ext["family_hub"]
            .as_bool()
            .unwrap_or(categories.contains(&Category::FamilyHub)),
        access: access.iter().map(|a| a.slug()).collect(),
        delivery: match known(terms("hubsite-delivery"), Delivery::from_slug) {
            found if !found.is_empty() => found,
            _ => fields::delivery(service),
        }
        .iter()
        .map(|d| d.slug())
        .collect(),
        referral: text(&ext["referral"]),
        audience: ext["audience"]
            .as_str()
            .and_then(crate::model::service::ServiceAudience::from_slug)
            .filter(|a| *a != crate::model::service::ServiceAudience::Both)
            .map(|a| a.slug()),
        referral_route: serde_json::from_value(ext["referral_route"].clone()).ok(),
        // Written only where they differ from what the categories imply, as organisers do.
        safety: ext["safety"]
            .as_bool()
            .filter(|&s| s != categories.contains(&Category::DomesticAbuse)),
        joint_work: ext["joint_work"]
            .as_bool()
            .filter(|&j| j != categories.contains(&Category::Mediation)),
        eligibility: text(&ext["eligibility"]),
        min_age: age(&service["minimum_age"]),
        max_age: age(&service["maximum_age"]),
        languages: service["languages"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|l| text(&l["name"]))
            .filter(|l| !l.is_empty())
            .collect(),
        area: text(&service["service_areas"][0]["name"]),
        notice: text(&service["alert"]),
        accreditations: text(&service["accreditations"]),
        last_reviewed,
        cost: cost(service, ext.is_object()),
        contact: contact(service, ext.is_object()),
        schedule: schedules(service, &locations, &mut notes),
        locations: locations.into_iter().map(|(_, l)| l).collect(),
    };
    let body =
        toml::to_string_pretty(&written).map_err(|e| format!("cannot be written as TOML: {e}"))?;
    Ok(Imported {
        id,
        text: with_header(&body),
        body,
        notes,
    })
}

/// A service's level and access, and the report's words on what placed it there.
struct Placed {
    level: Level,
    access: Vec<Access>,
    note: String,
}

/// hubsite's own attributes (`hubsite-level`, `hubsite-access`, which its export writes) win;
/// otherwise the site's rules, then the built-in ones, decide.
fn place(
    service: &Value,
    categories: &[Category],
    rules: &Rules,
    terms: &dyn Fn(&str) -> Vec<String>,
) -> Placed {
    let placement = rules.place(&super::rules::service_terms(service), categories);
    let attribute = |what: &str| format!("its hubsite-{what} attribute");
    let (level, level_from) = match known(terms("hubsite-level"), Level::from_slug).first() {
        Some(level) => (*level, attribute("level")),
        None => (placement.level.0, placement.level.1.to_string()),
    };
    let (access, access_from) = match known(terms("hubsite-access"), Access::from_slug) {
        found if !found.is_empty() => (found, attribute("access")),
        _ => (placement.access.0.clone(), placement.access.1.to_string()),
    };
    let slugs = access
        .iter()
        .map(|a| a.slug())
        .collect::<Vec<_>>()
        .join(", ");
    let note = if level_from == access_from {
        format!("level {} and access {slugs}: {level_from}", level.slug())
    } else {
        format!(
            "level {}: {level_from}; access {slugs}: {access_from}",
            level.slug()
        )
    };
    Placed {
        level,
        access,
        note,
    }
}

fn known<T>(slugs: Vec<String>, parse: fn(&str) -> Option<T>) -> Vec<T> {
    slugs.iter().filter_map(|s| parse(s)).collect()
}

/// The summary and Markdown description: from the extension, else the ORUK description's
/// first paragraph and the rest.
fn summary_and_description(service: &Value, ext: &Value) -> (String, String) {
    if let (Some(summary), Some(description)) =
        (ext["summary"].as_str(), ext["description"].as_str())
    {
        return (summary.to_owned(), description.to_owned());
    }
    let text = service["description"].as_str().unwrap_or_default().trim();
    match text.split_once("\n\n") {
        Some((first, rest)) => (first.trim().to_owned(), format!("{}\n", rest.trim())),
        None => (text.to_owned(), String::new()),
    }
}

/// Categories from words in a service's name, description and taxonomy terms.
fn guess_categories(service: &Value) -> Option<Vec<Category>> {
    let words = format!(
        "{} {} {}",
        service["name"], service["description"], service["attributes"]
    )
    .to_lowercase();
    let rules: &[(&str, Category)] = &[
        ("counsel", Category::Counselling),
        ("mediat", Category::Mediation),
        ("domestic", Category::DomesticAbuse),
        ("debt", Category::MoneyAdvice),
        ("money", Category::MoneyAdvice),
        ("parenting", Category::ParentingProgramme),
        ("family hub", Category::FamilyHub),
        ("helpline", Category::Helpline),
        ("relationship", Category::RelationshipSupport),
    ];
    let mut found: Vec<Category> = Vec::new();
    for (word, category) in rules {
        if words.contains(word) && !found.contains(category) {
            found.push(*category);
        }
    }
    (!found.is_empty()).then_some(found)
}

fn age(value: &Value) -> Option<u8> {
    value
        .as_f64()
        .filter(|a| a.fract() == 0.0 && (0.0..=120.0).contains(a))
        .map(|a| a as u8)
}

/// The cost; hubsite's own export keeps its words in one option ("Free" or "Paid").
fn cost(service: &Value, from_hubsite: bool) -> WrittenCost {
    let option = &service["cost_options"][0];
    if from_hubsite {
        return WrittenCost {
            free: option["option"].as_str() == Some("Free"),
            description: option["amount_description"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        };
    }
    let (free, description) = fields::cost(service);
    WrittenCost { free, description }
}

fn contact(service: &Value, from_hubsite: bool) -> WrittenContact {
    let first = &service["contacts"][0];
    let string = |v: &Value| {
        v.as_str()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    // hubsite's own export names the contact after the service when it names no one.
    let name = string(&first["name"]).filter(|n| Some(n.as_str()) != service["name"].as_str());
    WrittenContact {
        role: name.as_ref().and(string(&first["title"])),
        name,
        phone: string(&first["phones"][0]["number"]),
        email: string(&service["email"]).or_else(|| string(&first["email"])),
        // hubsite's export puts its own page in `url` when there is no website.
        website: string(&first["url"]).or_else(|| {
            if from_hubsite {
                None
            } else {
                string(&service["url"])
            }
        }),
    }
}

/// Locations with their service_at_location ids, to link schedules back to them.
/// A location whose postcode is not a UK one is left out (and said), not the whole service.
fn locations(
    service: &Value,
    from_hubsite: bool,
    notes: &mut Vec<String>,
) -> Vec<(String, WrittenLocation)> {
    let text = |v: &Value| v.as_str().map(str::trim).unwrap_or_default().to_owned();
    service["service_at_locations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|sal| {
            let location = &sal["location"];
            let address = &location["addresses"][0];
            let postcode = text(&address["postal_code"]);
            if postcode.is_empty() {
                return None;
            }
            if let Err(reason) = parse_postcode(&postcode) {
                let name = text(&location["name"]);
                notes.push(format!(
                    "left out the location {}: {reason}",
                    if name.is_empty() { &postcode } else { &name }
                ));
                return None;
            }
            let (line, city) = (text(&address["address_1"]), text(&address["city"]));
            let address_text = if from_hubsite || city.is_empty() || line.ends_with(&city) {
                line
            } else {
                format!("{line}, {city}")
            };
            let located = WrittenLocation {
                name: Some(text(&location["name"]))
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| address_text.clone()),
                address: address_text,
                postcode,
                latitude: location["latitude"].as_f64(),
                longitude: location["longitude"].as_f64(),
                accessibility: location["accessibility"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|a| text(&a["description"]))
                    .filter(|a| !a.is_empty())
                    .collect(),
            };
            Some((text(&sal["id"]), located))
        })
        .collect()
}

fn schedules(
    service: &Value,
    locations: &[(String, WrittenLocation)],
    notes: &mut Vec<String>,
) -> Vec<WrittenOpening> {
    let from_hubsite = service["hubsite"].is_object();
    let mut found = Vec::new();
    for schedule in service["schedules"].as_array().into_iter().flatten() {
        let days: Vec<&str> = schedule["byday"]
            .as_str()
            .unwrap_or_default()
            .split(',')
            .filter_map(Day::from_ical)
            .map(Day::slug)
            .collect();
        let time = |v: &Value| v.as_str().and_then(|t| t.get(..5)).map(str::to_owned);
        let (Some(opens), Some(closes)) =
            (time(&schedule["opens_at"]), time(&schedule["closes_at"]))
        else {
            notes.push("left out a schedule without opening and closing times".into());
            continue;
        };
        if days.is_empty() {
            notes.push("left out a schedule without weekly days (byday)".into());
            continue;
        }
        let at = schedule["service_at_location_id"].as_str();
        let location = at
            .and_then(|id| locations.iter().find(|(l, _)| l == id))
            .map(|(_, l)| l.name.clone());
        // hubsite's own export describes the hours in `description`; the note is `notes`.
        let note = if from_hubsite {
            schedule["notes"].as_str().unwrap_or_default().to_owned()
        } else {
            fields::schedule_note(schedule)
        };
        found.push(WrittenOpening {
            days,
            opens,
            closes,
            note,
            location,
        });
    }
    found
}

/// Puts the header, with the hash of the body, above the body.
pub fn with_header(body: &str) -> String {
    super::stamp::with_stamp(HEADER, "hubsite import oruk", body)
}

/// True when a file still holds exactly what an import wrote (its hash matches its body).
pub fn is_untouched_import(text: &str) -> bool {
    super::stamp::is_untouched(HEADER, text)
}

/// A directory file as written by the import, in the order of docs/content-model.md.
#[derive(Debug, Serialize)]
struct Written {
    name: String,
    organisation: String,
    summary: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
    level: &'static str,
    categories: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    topics: Vec<String>,
    family_hub: bool,
    access: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    delivery: Vec<&'static str>,
    #[serde(skip_serializing_if = "String::is_empty")]
    referral: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience: Option<&'static str>,
    #[serde(skip_serializing_if = "String::is_empty")]
    eligibility: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_age: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_age: Option<u8>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    languages: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    area: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    notice: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    accreditations: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    safety: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    joint_work: Option<bool>,
    last_reviewed: toml::value::Datetime,
    cost: WrittenCost,
    contact: WrittenContact,
    /// hubsite's own `[referral_route]`, carried in the extension object as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    referral_route: Option<toml::Table>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<WrittenLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    schedule: Vec<WrittenOpening>,
}

#[derive(Debug, Serialize)]
struct WrittenCost {
    free: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
}

#[derive(Debug, Serialize)]
struct WrittenContact {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    website: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct WrittenLocation {
    name: String,
    address: String,
    postcode: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    longitude: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    accessibility: Vec<String>,
}

#[derive(Debug, Serialize)]
struct WrittenOpening {
    days: Vec<&'static str>,
    opens: String,
    closes: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_edits_are_detected() {
        let text = with_header("name = \"A\"\n");
        assert!(is_untouched_import(&text));
        assert!(!is_untouched_import(&text.replace("\"A\"", "\"B\"")));
        assert!(!is_untouched_import("name = \"A\"\n"));
    }

    #[test]
    fn a_foreign_service_is_mapped_with_defaults_or_skipped_with_a_reason() {
        let service = serde_json::json!({
            "id": "ac148810-d857-441c-9679-408f346de14b", "name": "Community Counselling",
            "description": "Counselling services.", "url": "https://example.org/c", "status": "active",
            "assured_date": "2023-01-01", "minimum_age": 12, "maximum_age": 100
        });
        let imported = import_service(&service, &[], &Rules::default()).unwrap();
        assert_eq!(imported.id, "community-counselling");
        assert!(
            imported.text.contains("categories = [\"counselling\"]"),
            "{}",
            imported.text
        );
        assert!(
            imported
                .text
                .contains("website = \"https://example.org/c\"")
        );
        let mut undated = service.clone();
        undated.as_object_mut().unwrap().remove("assured_date");
        assert!(
            import_service(&undated, &[], &Rules::default())
                .unwrap_err()
                .contains("last checked")
        );
        assert!(import_service(&serde_json::json!({"name": ""}), &[], &Rules::default()).is_err());
    }

    #[test]
    fn documents_of_every_shape_are_read() {
        assert_eq!(
            parse_services(r#"{"contents": [{"name": "a"}]}"#)
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            parse_services(r#"[{"name": "a"}, {"name": "b"}]"#)
                .unwrap()
                .len(),
            2
        );
        assert_eq!(parse_services(r#"{"name": "a"}"#).unwrap().len(), 1);
        assert!(parse_services("{}").is_err());
    }
}
