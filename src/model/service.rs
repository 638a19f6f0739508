//! Services of the directory of local support: `content/directory/<id>.toml` as written
//! ([`RawService`]) and as validated ([`Service`]). Field names follow docs/content-model.md
//! and map onto Open Referral UK (see docs/directory.md). No I/O: files come from `Sources`.

pub mod referral;
pub mod shapes;
pub mod vocab;
pub mod words;

use std::fmt;
use std::path::PathBuf;

use jiff::civil::{Date, Time};
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::diag::{Code, Diagnostic, Diagnostics, SourceFile};
use crate::model::id::Id;
use crate::model::related::RelatedLists;
use crate::model::relations::{ExplicitRelations, WrittenRelations};
use crate::model::sensitivity::Sensitivity;
use crate::model::slug::{NotASlug, Slug, UrlPath};
use crate::model::time::parse_date;
use crate::model::topic::{TopicId, Topics};
use crate::model::translation::{
    Fallback, Languages, RawTranslations, TextField, TextKind, Translation,
};
pub use referral::ReferralRoute;
use referral::{RawReferralRoute, check_referral_route};
use shapes::{
    ShapeError, check_email, check_phone, check_url, parse_clock_time, parse_postcode,
    postcode_hint,
};
pub use vocab::{Access, Category, Consent, Day, Delivery, Level, ServiceAudience};

/// The folder of service files under the site root.
pub const DIRECTORY_DIR: &str = "content/directory/";

/// Names under `/directory/` that the directory's own pages use, so no service may have them.
pub const RESERVED_IDS: &[&str] = &[
    "a-z",
    "category",
    "level",
    "age",
    "cost",
    "access",
    "language",
    "open",
    "oruk",
    "for-practitioners",
];

/// A service's position in `Site::services` (its [`ServiceId`] is its file name).
pub type ServiceIndex = Id<Service>;

/// A location's position in its service's `locations`.
pub type LocationId = Id<Location>;

/// A service's identifier: its file name, a slug, stable and safe in a URL.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct ServiceId(Slug);

impl ServiceId {
    /// Accepts text that is already a slug.
    pub fn parse(text: &str) -> Result<ServiceId, NotASlug> {
        Slug::parse(text).map(ServiceId)
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The slug, to build URLs.
    pub fn slug(&self) -> &Slug {
        &self.0
    }
}

impl fmt::Display for ServiceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// `content/directory/<id>.toml` exactly as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    name: String,
    organisation: String,
    summary: String,
    #[serde(default)]
    description: String,
    level: Level,
    categories: Vec<Category>,
    #[serde(default)]
    topics: Vec<Spanned<String>>,
    #[serde(default)]
    family_hub: bool,
    access: Vec<Access>,
    #[serde(default)]
    delivery: Vec<Delivery>,
    #[serde(default)]
    referral: String,
    referral_route: Option<Spanned<RawReferralRoute>>,
    audience: Option<ServiceAudience>,
    #[serde(default)]
    eligibility: String,
    min_age: Option<Spanned<i64>>,
    max_age: Option<Spanned<i64>>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    area: String,
    #[serde(default)]
    notice: String,
    #[serde(default)]
    accreditations: String,
    last_reviewed: Spanned<Datetime>,
    cost: RawCost,
    #[serde(default)]
    contact: RawContact,
    #[serde(default)]
    locations: Vec<RawLocation>,
    #[serde(default)]
    schedule: Vec<RawOpening>,
    safety: Option<bool>,
    joint_work: Option<bool>,
    related_services: Option<Vec<Spanned<String>>>,
    related_pages: Option<Vec<Spanned<String>>>,
    related_resources: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    translations: RawTranslations,
}

/// `[cost]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCost {
    free: bool,
    #[serde(default)]
    description: String,
}

/// `[contact]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContact {
    name: Option<String>,
    role: Option<String>,
    phone: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    website: Option<Spanned<String>>,
}

/// One `[[locations]]` entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLocation {
    name: Spanned<String>,
    address: String,
    postcode: Spanned<String>,
    latitude: Option<Spanned<f64>>,
    longitude: Option<Spanned<f64>>,
    #[serde(default)]
    accessibility: Vec<String>,
}

/// One `[[schedule]]` entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOpening {
    days: Spanned<Vec<Day>>,
    opens: Spanned<String>,
    closes: Spanned<String>,
    #[serde(default)]
    note: String,
    location: Option<Spanned<String>>,
}

/// A service of the directory, validated.
#[derive(Debug, Clone)]
pub struct Service {
    /// Its identifier (the file name).
    pub id: ServiceId,
    /// Its page: `/directory/<id>/`.
    pub url: UrlPath,
    /// Its file, relative to the site root.
    pub path: PathBuf,
    /// Its name.
    pub name: String,
    /// Who runs it.
    pub organisation: String,
    /// One line about it.
    pub summary: String,
    /// What it offers: Markdown written by a partner, sanitised when rendered.
    pub description: String,
    /// Where it sits on the pathway of support.
    pub level: Level,
    /// What kind of help it gives.
    pub categories: Vec<Category>,
    /// Indexes into the site's topics.
    pub topics: Vec<TopicId>,
    /// A family hub centre (listed first).
    pub family_hub: bool,
    /// How families get to use it.
    pub access: Vec<Access>,
    /// How it is delivered.
    pub delivery: Vec<Delivery>,
    /// How to get referred, in a sentence.
    pub referral: String,
    /// How practitioners refer a family (`[referral_route]`), if the service says.
    pub referral_route: Option<ReferralRoute>,
    /// Who it takes families from: which directory lists it (default both).
    pub audience: ServiceAudience,
    /// Who can use it.
    pub eligibility: String,
    /// The youngest age it serves.
    pub min_age: Option<u8>,
    /// The oldest age it serves.
    pub max_age: Option<u8>,
    /// Languages spoken and written.
    pub languages: Vec<String>,
    /// The area served.
    pub area: String,
    /// A notice families should read first ('Sessions have moved online'): ORUK's `alert`.
    pub notice: String,
    /// Who accredits the service or its staff.
    pub accreditations: String,
    /// When someone last checked the entry.
    pub last_reviewed: Date,
    /// Where `last_reviewed` is written (line, column), for warnings about stale entries.
    pub last_reviewed_position: Option<(usize, usize)>,
    /// What it costs.
    pub cost: Cost,
    /// How to get in touch.
    pub contact: Contact,
    /// Where it is.
    pub locations: Vec<Location>,
    /// When it is open.
    pub schedule: Vec<Opening>,
    /// A specialist domestic abuse service: first in every list on a sensitive subject
    /// (`safety`; by default, when its categories include domestic-abuse).
    pub safety: bool,
    /// Works with both partners together (mediation, couple counselling, couples' courses):
    /// never suggested on a sensitive subject (`joint_work`; by default, for mediation).
    pub joint_work: bool,
    /// Sensitive when it is a safety service or has a sensitive topic.
    pub sensitivity: Sensitivity,
    /// Its `related_*` lists as written.
    pub written_relations: WrittenRelations,
    /// Its `related_*` lists, resolved once every page, service and resource is known.
    pub related: ExplicitRelations,
    /// The related lists it shows, chosen once everything is known.
    pub related_lists: RelatedLists,
    /// Its fields shown in the default language, on a translation.
    pub fallback: Fallback,
}

/// What a service costs.
#[derive(Debug, Clone, PartialEq)]
pub struct Cost {
    /// Free to families.
    pub free: bool,
    /// In words: 'Free', '£10 a session, reduced for low incomes'.
    pub description: String,
}

/// How to get in touch with a service; each shape checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contact {
    /// Someone to ask for, by name.
    pub name: Option<String>,
    /// Their role.
    pub role: Option<String>,
    /// A phone number.
    pub phone: Option<String>,
    /// An email address.
    pub email: Option<String>,
    /// A website (https).
    pub website: Option<String>,
}

impl Contact {
    /// True when there is at least one way to get in touch.
    pub fn is_reachable(&self) -> bool {
        self.phone.is_some() || self.email.is_some() || self.website.is_some()
    }
}

/// A place where a service is given.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// Its name.
    pub name: String,
    /// Its address, without the postcode.
    pub address: String,
    /// Its UK postcode, normalised (`W3 6NE`).
    pub postcode: String,
    /// Latitude and longitude, if known.
    pub coordinates: Option<(f64, f64)>,
    /// Access notes: step-free, hearing loop...
    pub accessibility: Vec<String>,
}

/// Opening hours on some days of the week.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    /// The days.
    pub days: Vec<Day>,
    /// Opening time.
    pub opens: Time,
    /// Closing time, after `opens`.
    pub closes: Time,
    /// 'Term time only'.
    pub note: String,
    /// One of the service's own locations, when these hours are for one place.
    pub location: Option<LocationId>,
}

/// Validates every service file under `content/directory/`; ids are unique by construction
/// (one file each) but nested folders could repeat a name, which the model reports with every
/// other address clash (see [`crate::model::address`]).
pub fn build_services(
    files: &[SourceFile],
    topics: &Topics,
    languages: &Languages,
    problems: &mut Diagnostics,
) -> Vec<Service> {
    let mut services: Vec<Service> = Vec::new();
    for file in files.iter().filter(|f| is_service_file(f)) {
        let Some(service) = build_service(file, topics, languages, problems) else {
            continue;
        };
        services.push(service);
    }
    services.sort_by(|a, b| a.id.cmp(&b.id));
    services
}

/// True for a TOML file under `content/directory/`.
pub fn is_service_file(file: &SourceFile) -> bool {
    let path = file.path.to_string_lossy().replace('\\', "/");
    path.starts_with(DIRECTORY_DIR) && path.ends_with(".toml")
}

fn build_service(
    file: &SourceFile,
    topics: &Topics,
    languages: &Languages,
    problems: &mut Diagnostics,
) -> Option<Service> {
    let stem = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = match ServiceId::parse(&stem) {
        Ok(id) => id,
        Err(error) => {
            problems.push(
                Diagnostic::file(&file.path, error.to_string())
                    .code(Code::BadName)
                    .hint("a service's id is its file name: rename the file"),
            );
            return None;
        }
    };
    if RESERVED_IDS.contains(&id.as_str()) {
        problems.push(
            Diagnostic::file(
                &file.path,
                format!("`{id}` is the name of one of the directory's own pages"),
            )
            .code(Code::AddressClash)
            .hint("rename the file: a service's id is its file name"),
        );
        return None;
    }
    let raw: RawService = match toml::from_str(&file.text) {
        Ok(raw) => raw,
        Err(error) => {
            problems.push(file.toml_error(&error, 0));
            return None;
        }
    };
    let before = problems.0.len();
    let service = validate(id, raw, file, (topics, languages), problems);
    (problems.0.len() == before).then_some(service)
}

/// Checks every field of a parsed service, recording each problem at its place in the file.
fn validate(
    id: ServiceId,
    raw: RawService,
    file: &SourceFile,
    (topics, site_languages): (&Topics, &Languages),
    problems: &mut Diagnostics,
) -> Service {
    // Destructure every field, so that a new key cannot be silently ignored.
    let RawService {
        name,
        organisation,
        summary,
        description,
        level,
        categories,
        topics: topic_names,
        family_hub,
        access,
        delivery,
        referral,
        referral_route,
        audience,
        eligibility,
        min_age,
        max_age,
        languages,
        area,
        notice,
        accreditations,
        last_reviewed,
        cost,
        contact,
        locations,
        schedule,
        safety,
        joint_work,
        related_services,
        related_pages,
        related_resources,
        translations,
    } = raw;
    let mut translation = Translation::check(
        &translations,
        TextKind::Service,
        file,
        site_languages,
        problems,
    );
    let last_reviewed_position = file.error_at(last_reviewed.span(), "").position;
    let mut report = |d: Diagnostic| problems.push(d);
    let (min_age, max_age) = check_ages(min_age.as_ref(), max_age.as_ref(), file, &mut report);
    let last_reviewed = parse_date(&last_reviewed, file, 0).unwrap_or_else(|d| {
        report(d);
        Date::constant(1970, 1, 1)
    });
    let contact = check_contact(contact, file, &mut report);
    let referral_route = referral_route.and_then(|r| check_referral_route(r, file, &mut report));
    // Names of every location written, those with a problem too: hours at a location whose
    // postcode is wrong are not also reported as at no location (the postcode is the cause).
    let written: Vec<String> = locations.iter().map(|l| l.name.get_ref().clone()).collect();
    let locations: Vec<Location> = locations
        .into_iter()
        .filter_map(|l| check_location(l, file, &mut report))
        .collect();
    let schedule = schedule
        .into_iter()
        .filter_map(|o| check_opening(o, &locations, &written, file, &mut report))
        .collect();
    let delivery = default_delivery(delivery, &locations);
    if access.is_empty() {
        report(
            Diagnostic::file(&file.path, "`access` is empty")
                .code(Code::EmptyList)
                .hint("list self-referral, professional-referral and/or drop-in"),
        );
    }
    if categories.is_empty() {
        report(
            Diagnostic::file(&file.path, "`categories` is empty")
                .code(Code::EmptyList)
                .hint("list at least one category"),
        );
    }
    let safety = safety.unwrap_or(categories.contains(&Category::DomesticAbuse));
    let joint_work = joint_work.unwrap_or(categories.contains(&Category::Mediation));
    let topic_ids = topics.resolve(&topic_names, file, 0, problems);
    let sensitivity = Sensitivity::when(safety).or(topics.sensitivity_of(&topic_ids));
    let url = UrlPath::root().join(&directory_slug()).join(id.slug());
    Service {
        path: file.path.clone(),
        url,
        id,
        name: translation.text(TextField::Name, &name),
        organisation,
        summary: translation.text(TextField::Summary, &summary),
        description: translation.text(TextField::Description, &description),
        level,
        categories: dedup(categories),
        topics: topic_ids,
        family_hub,
        access: dedup(access),
        delivery,
        referral: translation.text(TextField::Referral, &referral),
        referral_route,
        audience: audience.unwrap_or(ServiceAudience::Both),
        eligibility: translation.text(TextField::Eligibility, &eligibility),
        min_age,
        max_age,
        languages,
        area,
        notice: translation.text(TextField::Notice, notice.trim()),
        accreditations: translation.text(TextField::Accreditations, accreditations.trim()),
        last_reviewed,
        last_reviewed_position,
        cost: Cost {
            free: cost.free,
            description: cost.description,
        },
        contact,
        locations,
        schedule,
        safety,
        joint_work,
        sensitivity,
        written_relations: WrittenRelations {
            services: related_services,
            pages: related_pages,
            resources: related_resources,
        },
        related: ExplicitRelations::default(),
        related_lists: RelatedLists::default(),
        fallback: translation.into_fallback(),
    }
}

/// The `directory` segment of every directory URL.
pub fn directory_slug() -> Slug {
    Slug::from_text("directory").unwrap_or_else(|| unreachable!("`directory` is a slug"))
}

fn dedup<T: Ord + Copy>(mut values: Vec<T>) -> Vec<T> {
    let mut seen = Vec::new();
    values.retain(|v| {
        let new = !seen.contains(v);
        seen.push(*v);
        new
    });
    values
}

/// Without `delivery`, a service with locations is given in person.
fn default_delivery(delivery: Vec<Delivery>, locations: &[Location]) -> Vec<Delivery> {
    if delivery.is_empty() && !locations.is_empty() {
        vec![Delivery::InPerson]
    } else {
        dedup(delivery)
    }
}

fn check_ages(
    min: Option<&Spanned<i64>>,
    max: Option<&Spanned<i64>>,
    file: &SourceFile,
    report: &mut impl FnMut(Diagnostic),
) -> (Option<u8>, Option<u8>) {
    let mut age = |value: Option<&Spanned<i64>>| {
        let value = value?;
        match u8::try_from(*value.get_ref()).ok().filter(|a| *a <= 120) {
            Some(age) => Some(age),
            None => {
                report(
                    file.error_at(value.span(), format!("{} is not an age", value.get_ref()))
                        .code(Code::BadValue)
                        .hint("write an age from 0 to 120"),
                );
                None
            }
        }
    };
    let (min_age, max_age) = (age(min), age(max));
    if let (Some(low), Some(high), Some(at)) = (min_age, max_age, max)
        && low > high
    {
        report(
            file.error_at(at.span(), format!("max_age {high} is below min_age {low}"))
                .code(Code::WrongOrder)
                .hint("swap the two ages"),
        );
    }
    (min_age, max_age)
}

fn check_contact(
    raw: RawContact,
    file: &SourceFile,
    report: &mut impl FnMut(Diagnostic),
) -> Contact {
    let mut checked = |value: Option<Spanned<String>>,
                       check: fn(&str) -> Result<(), ShapeError>,
                       hint: &str,
                       code| {
        let value = value?;
        match check(value.get_ref().trim()) {
            Ok(()) => Some(value.get_ref().trim().to_owned()),
            Err(error) => {
                report(
                    file.error_at(value.span(), error.to_string())
                        .hint(hint.to_owned())
                        .code(code),
                );
                None
            }
        }
    };
    let text = |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    Contact {
        name: text(raw.name),
        role: text(raw.role),
        phone: checked(
            raw.phone,
            check_phone,
            "write the number as people dial it, such as 01632 960123",
            Code::Phone,
        ),
        email: checked(
            raw.email,
            check_email,
            "write an address such as name@example.org",
            Code::Email,
        ),
        website: checked(
            raw.website,
            check_url,
            "write the full address, starting with https://",
            Code::WebAddress,
        ),
    }
}

fn check_location(
    raw: RawLocation,
    file: &SourceFile,
    report: &mut impl FnMut(Diagnostic),
) -> Option<Location> {
    let postcode = parse_postcode(raw.postcode.get_ref())
        .map_err(|error| {
            report(
                file.error_at(raw.postcode.span(), error.to_string())
                    .code(Code::Postcode)
                    .hint(postcode_hint(raw.postcode.get_ref())),
            )
        })
        .ok();
    let mut coordinate = |value: &Option<Spanned<f64>>, limit: f64, what: &str| {
        let value = value.as_ref()?;
        let number = *value.get_ref();
        if number.is_finite() && number.abs() <= limit {
            Some(number)
        } else {
            report(
                file.error_at(value.span(), format!("{number} is not a {what}"))
                    .code(Code::BadValue)
                    .hint(format!("a {what} is between -{limit} and {limit}")),
            );
            None
        }
    };
    let latitude = coordinate(&raw.latitude, 90.0, "latitude");
    let longitude = coordinate(&raw.longitude, 180.0, "longitude");
    let coordinates = latitude.zip(longitude);
    Some(Location {
        name: raw.name.into_inner(),
        address: raw.address,
        postcode: postcode?,
        coordinates,
        accessibility: raw.accessibility,
    })
}

fn check_opening(
    raw: RawOpening,
    locations: &[Location],
    written: &[String],
    file: &SourceFile,
    report: &mut impl FnMut(Diagnostic),
) -> Option<Opening> {
    let mut time = |value: &Spanned<String>| {
        parse_clock_time(value.get_ref())
            .map_err(|error| {
                report(
                    file.error_at(value.span(), error.to_string())
                        .code(Code::BadDate)
                        .hint("use the 24-hour clock: 09:00, 17:30"),
                )
            })
            .ok()
    };
    let (opens, closes) = (time(&raw.opens), time(&raw.closes));
    if raw.days.get_ref().is_empty() {
        report(
            file.error_at(raw.days.span(), "no days given")
                .code(Code::EmptyList)
                .hint("list the days, such as [\"monday\", \"tuesday\"]"),
        );
    }
    let location = match &raw.location {
        None => None,
        Some(name) => match locations.iter().position(|l| &l.name == name.get_ref()) {
            Some(index) => Some(LocationId::new(index)),
            None if written.contains(name.get_ref()) => return None,
            None => {
                let known: Vec<_> = locations.iter().map(|l| l.name.as_str()).collect();
                let hint = if known.is_empty() {
                    "add a [[locations]] entry with this name".to_owned()
                } else {
                    format!("this service's locations: {}", known.join(", "))
                };
                report(
                    file.error_at(
                        name.span(),
                        format!("no location of this service is called `{}`", name.get_ref()),
                    )
                    .code(Code::UnknownLocation)
                    .hint(hint),
                );
                return None;
            }
        },
    };
    let (opens, closes) = (opens?, closes?);
    if closes <= opens {
        report(
            file.error_at(
                raw.closes.span(),
                format!(
                    "closes at {} but opens at {}",
                    raw.closes.get_ref(),
                    raw.opens.get_ref()
                ),
            )
            .code(Code::WrongOrder)
            .hint("the closing time must be after the opening time"),
        );
        return None;
    }
    Some(Opening {
        days: dedup(raw.days.into_inner()),
        opens,
        closes,
        note: raw.note,
        location,
    })
}

impl Service {
    /// What its related lists are chosen for.
    pub fn subject(&self) -> crate::model::relations::Subject<'_> {
        crate::model::relations::Subject {
            topics: &self.topics,
            sensitivity: self.sensitivity,
            explicit: &self.related,
        }
    }

    /// True when the service's ages overlap `youngest..=oldest`; no ages means all ages.
    pub fn serves_ages(&self, youngest: u8, oldest: u8) -> bool {
        self.min_age.unwrap_or(0) <= oldest && self.max_age.unwrap_or(u8::MAX) >= youngest
    }

    /// True when the family directory lists it: not a practitioners-only service, unless
    /// the site lists those too.
    pub fn in_family_directory(&self, listing: crate::config::PractitionerServices) -> bool {
        self.audience != ServiceAudience::Practitioners
            || listing == crate::config::PractitionerServices::Listed
    }

    /// True when some opening hours fall on `day`.
    pub fn open_on(&self, day: Day) -> bool {
        self.schedule.iter().any(|o| o.days.contains(&day))
    }
}
