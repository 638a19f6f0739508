//! The directory in the Open Referral UK shape, as static JSON any static host can serve:
//! `/directory/oruk/index.json` (the API root document), `services.json` and
//! `services/page-<n>.json` (service lists in ORUK's page envelope), `services/<uuid>.json`
//! (each service fully nested), `services-full.json` (every service fully nested, in one page:
//! a full dump for `hubsite import oruk`) and `taxonomies.json`; plus `/directory/directory.csv` for
//! council staff. Empty optional fields are left out. Ids are stable UUIDs derived from the
//! service ids, so the same site always exports the same document.
//!
//! Fields ORUK has no place for (summary, eligibility, how to get referred, family hub) go in
//! a `hubsite` extension object on each full service, which ORUK consumers ignore and
//! `hubsite import oruk` reads back; categories, level, access routes, delivery and topics
//! are taxonomy attributes; a schedule at one location names its `service_at_location_id`.

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::config::Config;
use crate::model::i18n::Words;
use crate::model::service::vocab::{Access, Category, Delivery, Level};
use crate::model::slug::slugify;
use crate::model::{Service, Site, Topics};
use crate::output::oruk_envelope::{Envelope, MadeList};
use crate::render::untrusted::render_service_description;
use crate::text::format::iso_date;

/// The ORUK profile's OpenAPI definition, which this static export follows.
pub const OPENAPI_URL: &str =
    "https://raw.githubusercontent.com/openreferral/uk-profile/main/openapi.json";

/// Services per page of `services/page-<n>.json`.
pub const PAGE_SIZE: usize = 10;

/// The taxonomies the export uses, as (slug, name, description).
pub const TAXONOMIES: &[(&str, &str, &str)] = &[
    (
        "hubsite-category",
        "Category",
        "What kind of help a service gives.",
    ),
    (
        "hubsite-level",
        "Level of support",
        "Where a service sits on the pathway: universal, targeted, specialist.",
    ),
    (
        "hubsite-access",
        "How to access",
        "Self-referral, professional referral or drop-in.",
    ),
    (
        "hubsite-delivery",
        "How it is given",
        "In person, online or by phone.",
    ),
    (
        "hubsite-topic",
        "Topic",
        "The topics shared with the site's self-help pages.",
    ),
];

/// One exported file: where, and its text.
#[derive(Debug, Clone)]
pub struct ExportFile {
    /// Path in the output folder.
    pub path: String,
    /// Its contents.
    pub text: String,
}

/// Whether `path` (in the output folder) is a file of the export.
pub fn is_export(path: &str) -> bool {
    path.starts_with(EXPORT_FOLDER) || path == EXPORT_CSV
}

/// Where the export's JSON files go.
const EXPORT_FOLDER: &str = "directory/oruk/";
/// Where its spreadsheet goes.
const EXPORT_CSV: &str = "directory/directory.csv";

/// Every file of the export; nothing when the site has no services.
pub fn render_oruk_export(site: &Site) -> Vec<ExportFile> {
    let mut files = Vec::new();
    render_oruk_export_each(site, &mut |file| files.push(file));
    files
}

/// [`render_oruk_export`], each file handed to `each` as soon as it is made: the full dump is
/// written service by service, each service's value made once for its own file and the dump
/// and then dropped, so that the export never holds every service's value at once.
pub fn render_oruk_export_each(site: &Site, each: &mut dyn FnMut(ExportFile)) {
    let (config, services) = (&site.config, site.services.as_slice());
    if services.is_empty() {
        return;
    }
    each(file("directory/oruk/index.json", &api_root()));
    let pages: Vec<&[Service]> = services.chunks(PAGE_SIZE).collect();
    for (n, chunk) in pages.iter().enumerate() {
        let page = page_envelope(
            chunk.iter().map(|s| service_summary(config, s)).collect(),
            n + 1,
            pages.len(),
            services.len(),
            PAGE_SIZE,
        );
        if n == 0 {
            each(file("directory/oruk/services.json", &page));
        }
        each(file(
            &format!("directory/oruk/services/page-{}.json", n + 1),
            &page,
        ));
    }
    let words = site.english_words();
    let total = services.len();
    let full = {
        let dump = MadeList::new(services, |service: &Service| {
            let full = service_full(config, &site.topics, service, &words);
            each(file(
                &format!("directory/oruk/services/{}.json", service_uuid(service)),
                &full,
            ));
            full
        });
        let envelope = Envelope {
            contents: &dump,
            len: total,
            page: 1,
            pages: 1,
            total,
            size: total,
        };
        file("directory/oruk/services-full.json", &envelope)
    };
    each(full);
    let taxonomies: Vec<Value> = TAXONOMIES
        .iter()
        .map(|t| taxonomy(t, &site.topics))
        .collect();
    let count = taxonomies.len();
    each(file(
        "directory/oruk/taxonomies.json",
        &page_envelope(taxonomies, 1, 1, count, count.max(1)),
    ));
    each(ExportFile {
        path: EXPORT_CSV.into(),
        text: crate::output::oruk_csv::render_csv(config, services, &words),
    });
}

fn file(path: &str, value: &impl Serialize) -> ExportFile {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    ExportFile {
        path: path.to_owned(),
        text,
    }
}

/// The API root document: which version and profile this is.
fn api_root() -> Value {
    json!({
        "version": "3.0",
        "profile": "https://openreferraluk.org/",
        "openapi_url": OPENAPI_URL,
    })
}

/// ORUK's page envelope around `contents`.
pub fn page_envelope(
    contents: Vec<Value>,
    page: usize,
    pages: usize,
    total: usize,
    size: usize,
) -> Value {
    json!({
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": size,
        "first_page": page == 1,
        "last_page": page == pages,
        "empty": contents.is_empty(),
        "contents": contents,
    })
}

/// A stable UUID (version 8, RFC 9562) from a name: two FNV-1a 64-bit hashes, each mixed
/// with the MurmurHash3 finaliser so that similar names give unlike ids.
pub fn stable_uuid(name: &str) -> String {
    let mix = |mut h: u64| {
        h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h = (h ^ (h >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    };
    let hash = |seed: u64| {
        mix(name.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        }))
    };
    let (high, low) = (hash(0xcbf2_9ce4_8422_2325), hash(0x6c62_272e_07bb_0142));
    let high = (high & !0xf000) | 0x8000;
    let low = (low & !(0xc << 60)) | (0x8 << 60);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xffff,
        low >> 48,
        low & 0xffff_ffff_ffff
    )
}

/// The UUID of a service in the export.
pub fn service_uuid(service: &Service) -> String {
    stable_uuid(&format!("service/{}", service.id))
}

/// Adds `key: value` unless the value is empty (`""`, `[]`, null).
fn put(map: &mut Map<String, Value>, key: &str, value: Value) {
    let empty = match &value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    };
    if !empty {
        map.insert(key.to_owned(), value);
    }
}

/// The one-to-one fields of a service and its organisation: an item of the services list.
fn service_summary(config: &Config, service: &Service) -> Value {
    let mut map = Map::new();
    let organisation_id = stable_uuid(&format!("organization/{}", slugify(&service.organisation)));
    put(&mut map, "id", json!(service_uuid(service)));
    put(&mut map, "organization_id", json!(organisation_id));
    put(&mut map, "name", json!(service.name));
    put(&mut map, "description", json!(description(service)));
    put(
        &mut map,
        "url",
        json!(
            service
                .contact
                .website
                .clone()
                .unwrap_or_else(|| config.absolute_url(service.url.as_str()))
        ),
    );
    put(&mut map, "email", json!(service.contact.email));
    put(&mut map, "status", json!("active"));
    put(&mut map, "fees", json!(service.cost.description));
    put(&mut map, "alert", json!(service.notice));
    put(&mut map, "accreditations", json!(service.accreditations));
    put(&mut map, "minimum_age", json!(service.min_age));
    put(&mut map, "maximum_age", json!(service.max_age));
    put(
        &mut map,
        "assured_date",
        json!(iso_date(service.last_reviewed)),
    );
    put(
        &mut map,
        "last_modified",
        json!(format!("{}T00:00:00Z", iso_date(service.last_reviewed))),
    );
    map.insert(
        "organization".into(),
        json!({ "id": organisation_id, "name": service.organisation, "description": "" }),
    );
    Value::Object(map)
}

/// The summary, then the partner's description as sanitised HTML: consumers may render it.
fn description(service: &Service) -> String {
    match service.description.trim() {
        "" => service.summary.clone(),
        text => format!(
            "{}\n\n{}",
            service.summary,
            render_service_description(text).trim_end()
        ),
    }
}

/// A service with everything nested: schedules, areas, locations, languages, costs, contacts,
/// and taxonomy attributes for its categories, level and access routes.
/// `words`: the theme's English (the export is in the default language).
fn service_full(config: &Config, topics: &Topics, service: &Service, words: &Words) -> Value {
    let Value::Object(mut map) = service_summary(config, service) else {
        return Value::Null;
    };
    let sid = service_uuid(service);
    let key = |kind: &str, n: usize| stable_uuid(&format!("{kind}/{}/{n}", service.id));
    put(
        &mut map,
        "schedules",
        Value::Array(schedules(service, &sid, &key, words)),
    );
    if !service.area.is_empty() {
        put(
            &mut map,
            "service_areas",
            json!([{ "id": key("service_area", 0), "service_id": sid, "name": service.area, "extent_type": "text" }]),
        );
    }
    put(
        &mut map,
        "service_at_locations",
        Value::Array(locations(service, &sid, &key)),
    );
    let languages: Vec<Value> = service
        .languages
        .iter()
        .enumerate()
        .map(|(n, name)| json!({ "id": key("language", n), "service_id": sid, "name": name }))
        .collect();
    put(&mut map, "languages", Value::Array(languages));
    let mut cost = Map::new();
    put(&mut cost, "id", json!(key("cost_option", 0)));
    put(&mut cost, "service_id", json!(sid));
    put(
        &mut cost,
        "option",
        json!(if service.cost.free { "Free" } else { "Paid" }),
    );
    if service.cost.free {
        cost.insert("amount".into(), json!(0));
    }
    put(
        &mut cost,
        "amount_description",
        json!(service.cost.description),
    );
    put(&mut map, "cost_options", json!([cost]));
    put(
        &mut map,
        "contacts",
        Value::Array(contacts(service, &sid, &key)),
    );
    put(
        &mut map,
        "attributes",
        Value::Array(attributes(service, topics, &sid, &key)),
    );
    let mut extension = json!({
        "id": service.id.as_str(), "summary": service.summary, "description": service.description,
        "eligibility": service.eligibility, "referral": service.referral, "family_hub": service.family_hub,
        "audience": service.audience.slug(), "safety": service.safety, "joint_work": service.joint_work,
    });
    if let Some(route) = &service.referral_route {
        extension["referral_route"] = json!(route);
    }
    map.insert("hubsite".into(), extension);
    Value::Object(map)
}

fn schedules(
    service: &Service,
    sid: &str,
    key: &dyn Fn(&str, usize) -> String,
    words: &Words,
) -> Vec<Value> {
    service
        .schedule
        .iter()
        .enumerate()
        .map(|(n, opening)| {
            let mut map = Map::new();
            put(&mut map, "id", json!(key("schedule", n)));
            put(&mut map, "service_id", json!(sid));
            put(&mut map, "freq", json!("WEEKLY"));
            put(
                &mut map,
                "byday",
                json!(
                    opening
                        .days
                        .iter()
                        .map(|d| d.ical())
                        .collect::<Vec<_>>()
                        .join(",")
                ),
            );
            put(
                &mut map,
                "opens_at",
                json!(opening.opens.strftime("%H:%M").to_string()),
            );
            put(
                &mut map,
                "closes_at",
                json!(opening.closes.strftime("%H:%M").to_string()),
            );
            put(
                &mut map,
                "description",
                json!(crate::render::directory::views::opening_line(
                    opening,
                    &service.locations,
                    words
                )),
            );
            put(&mut map, "notes", json!(opening.note));
            if let Some(n) = opening.location {
                put(
                    &mut map,
                    "service_at_location_id",
                    json!(key("service_at_location", n.index())),
                );
                put(&mut map, "attending_type", json!("in-person"));
            }
            Value::Object(map)
        })
        .collect()
}

fn locations(service: &Service, sid: &str, key: &dyn Fn(&str, usize) -> String) -> Vec<Value> {
    service
        .locations
        .iter()
        .enumerate()
        .map(|(n, location)| {
            let lid = key("location", n);
            let mut loc = Map::new();
            put(&mut loc, "id", json!(lid));
            put(&mut loc, "location_type", json!("physical"));
            put(&mut loc, "name", json!(location.name));
            if let Some((lat, lon)) = location.coordinates {
                loc.insert("latitude".into(), json!(lat));
                loc.insert("longitude".into(), json!(lon));
            }
            let city = location.address.rsplit(',').next().unwrap_or_default().trim();
            loc.insert("addresses".into(), json!([{
                "id": key("address", n), "location_id": lid, "address_1": location.address, "city": city,
                "state_province": "", "postal_code": location.postcode, "country": "GB", "address_type": "physical",
            }]));
            let access: Vec<Value> = location
                .accessibility
                .iter()
                .enumerate()
                .map(|(m, text)| json!({ "id": stable_uuid(&format!("accessibility/{}/{n}/{m}", service.id)), "location_id": lid, "description": text }))
                .collect();
            put(&mut loc, "accessibility", Value::Array(access));
            json!({ "id": key("service_at_location", n), "service_id": sid, "location_id": lid, "location": loc })
        })
        .collect()
}

fn contacts(service: &Service, sid: &str, key: &dyn Fn(&str, usize) -> String) -> Vec<Value> {
    if !service.contact.is_reachable() {
        return Vec::new();
    }
    let mut map = Map::new();
    put(&mut map, "id", json!(key("contact", 0)));
    put(&mut map, "service_id", json!(sid));
    put(
        &mut map,
        "name",
        json!(service.contact.name.as_ref().unwrap_or(&service.name)),
    );
    put(&mut map, "title", json!(service.contact.role));
    if let Some(phone) = &service.contact.phone {
        put(
            &mut map,
            "phones",
            json!([{ "id": key("phone", 0), "contact_id": key("contact", 0), "number": phone }]),
        );
    }
    put(&mut map, "email", json!(service.contact.email));
    put(&mut map, "url", json!(service.contact.website));
    vec![Value::Object(map)]
}

fn attributes(
    service: &Service,
    topics: &Topics,
    sid: &str,
    key: &dyn Fn(&str, usize) -> String,
) -> Vec<Value> {
    let mut terms: Vec<(&str, &str, &str)> = Vec::new();
    terms.extend(
        service
            .categories
            .iter()
            .map(|c| ("hubsite-category", c.slug(), c.label())),
    );
    terms.push(("hubsite-level", service.level.slug(), service.level.label()));
    terms.extend(
        service
            .access
            .iter()
            .map(|a| ("hubsite-access", a.slug(), a.label())),
    );
    terms.extend(
        service
            .delivery
            .iter()
            .map(|d| ("hubsite-delivery", d.slug(), d.label())),
    );
    terms.extend(service.topics.iter().map(|&t| {
        (
            "hubsite-topic",
            topics.list[t].slug.as_str(),
            topics.list[t].name.as_str(),
        )
    }));
    terms
        .into_iter()
        .enumerate()
        .map(|(n, (taxonomy, term, label))| {
            let term_id = stable_uuid(&format!("taxonomy_term/{taxonomy}/{term}"));
            json!({
                "id": key("attribute", n), "link_id": sid, "link_type": "service", "taxonomy_term_id": term_id,
                "taxonomy_term": {
                    "id": term_id, "name": label, "description": label, "term": term,
                    "taxonomy": taxonomy, "taxonomy_id": stable_uuid(&format!("taxonomy/{taxonomy}")),
                },
            })
        })
        .collect()
}

/// A taxonomy with all its terms.
fn taxonomy(&(slug, name, description): &(&str, &str, &str), topics: &Topics) -> Value {
    let terms: Vec<(&str, &str)> = match slug {
        "hubsite-category" => Category::ALL
            .iter()
            .map(|c| (c.slug(), c.label()))
            .collect(),
        "hubsite-level" => Level::ALL.iter().map(|l| (l.slug(), l.label())).collect(),
        "hubsite-access" => Access::ALL.iter().map(|a| (a.slug(), a.label())).collect(),
        "hubsite-delivery" => Delivery::ALL
            .iter()
            .map(|d| (d.slug(), d.label()))
            .collect(),
        _ => topics
            .list
            .iter()
            .map(|t| (t.slug.as_str(), t.name.as_str()))
            .collect(),
    };
    let tid = stable_uuid(&format!("taxonomy/{slug}"));
    let terms: Vec<Value> = terms
        .into_iter()
        .map(|(term, label)| json!({ "id": stable_uuid(&format!("taxonomy_term/{slug}/{term}")), "name": label, "description": label, "term": term, "taxonomy_id": tid }))
        .collect();
    json!({ "id": tid, "name": name, "description": description, "taxonomy_terms": terms })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_stable_and_well_formed() {
        let a = stable_uuid("service/relate");
        assert_eq!(a, stable_uuid("service/relate"));
        assert_ne!(a, stable_uuid("service/relate2"));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "{a}");
    }

    #[test]
    fn empty_values_are_left_out() {
        let mut map = Map::new();
        put(&mut map, "a", json!(""));
        put(&mut map, "b", json!([]));
        put(&mut map, "c", json!(null));
        put(&mut map, "d", json!(0));
        assert_eq!(Value::Object(map), json!({"d": 0}));
    }
}
