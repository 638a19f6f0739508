//! Reading a live Open Referral UK API: the I/O edge of `hubsite import oruk URL`.
//!
//! Pages through the API's `/services` (ORUK's paged list: `page`, `total_pages`,
//! `last_page`, or a `next` link where a feed gives one) and fetches each listed service in
//! full from `/services/{id}`, since ORUK lists carry only a service's one-to-one fields.
//! Every response is bounded: a connect and a per-request timeout, a size limit, https only
//! unless allowed, no more than a set number of pages, and pages that lead round in a
//! circle are refused. Any failure ends the whole read, so the import writes nothing.

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::Value;
use url::Url;

/// Whether plain http is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// https only (the default): a feed's data is read over an encrypted connection.
    HttpsOnly,
    /// http too (`--allow-http`), for a feed on a council's internal network.
    AllowHttp,
}

/// The bounds on reading a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedLimits {
    /// https only, or http too.
    pub scheme: Scheme,
    /// How long to wait for a connection.
    pub connect_timeout: Duration,
    /// How long one request may take, from sending it to the last byte of its answer.
    pub timeout: Duration,
    /// The most bytes one response may hold.
    pub max_bytes: u64,
    /// The most pages of `/services` read.
    pub max_pages: usize,
}

/// 20 MB: far more than a page of services or one service in full needs.
pub const MAX_RESPONSE_BYTES: u64 = 20 * 1024 * 1024;

impl Default for FeedLimits {
    fn default() -> Self {
        FeedLimits {
            scheme: Scheme::HttpsOnly,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: MAX_RESPONSE_BYTES,
            max_pages: 1000,
        }
    }
}

/// Why a feed could not be read: the address it was reading and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedError {
    /// The address being read.
    pub url: String,
    /// What went wrong, in one sentence.
    pub message: String,
    /// What to do about it.
    pub hint: &'static str,
}

const HINT_ADDRESS: &str = "give the address of the ORUK API (the one whose /services lists services as JSON), such as https://example.org/api/v3";
const HINT_TRY_LATER: &str =
    "check the address, then try again later or ask the directory's supplier; nothing was written";

impl FeedError {
    fn new(url: &Url, message: impl Into<String>, hint: &'static str) -> Self {
        FeedError {
            url: url.to_string(),
            message: message.into(),
            hint,
        }
    }
}

/// Every service of the API at `address`, each in full.
pub fn fetch_services(address: &str, limits: &FeedLimits) -> Result<Vec<Value>, FeedError> {
    let list = services_endpoint(address, limits.scheme)?;
    let agent = agent(limits);
    let listed = list_services(&agent, &list, limits)?;
    listed
        .into_iter()
        .map(|item| full_service(&agent, &list, item, limits))
        .collect()
}

/// The `/services` address of the API at `address` (which may name it already).
fn services_endpoint(address: &str, scheme: Scheme) -> Result<Url, FeedError> {
    let unparsed = || FeedError {
        url: address.to_owned(),
        message: "this is not a web address".into(),
        hint: HINT_ADDRESS,
    };
    let mut url = Url::parse(address.trim()).map_err(|_| unparsed())?;
    check_scheme(&url, scheme)?;
    if !url.path().trim_end_matches('/').ends_with("/services") {
        let path = format!("{}/services", url.path().trim_end_matches('/'));
        url.set_path(&path);
    }
    Ok(url)
}

fn check_scheme(url: &Url, scheme: Scheme) -> Result<(), FeedError> {
    match (url.scheme(), scheme) {
        ("https", _) | ("http", Scheme::AllowHttp) => Ok(()),
        ("http", Scheme::HttpsOnly) => Err(FeedError::new(
            url,
            "the feed is plain http, which anyone on the way can read or change",
            "use its https address; for a feed on your own network, add --allow-http",
        )),
        _ => Err(FeedError::new(
            url,
            "this is not a web address (http or https)",
            HINT_ADDRESS,
        )),
    }
}

fn agent(limits: &FeedLimits) -> ureq::Agent {
    ureq::Agent::config_builder()
        .https_only(limits.scheme == Scheme::HttpsOnly)
        .http_status_as_error(false)
        .timeout_connect(Some(limits.connect_timeout))
        .timeout_per_call(Some(limits.timeout))
        .max_redirects(5)
        .accept("application/json")
        .user_agent(concat!("hubsite/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// Every item of every page of `/services`, in order.
fn list_services(
    agent: &ureq::Agent,
    list: &Url,
    limits: &FeedLimits,
) -> Result<Vec<Value>, FeedError> {
    let mut items = Vec::new();
    let mut read: BTreeSet<String> = BTreeSet::new();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut next = Some(with_page(list, 1));
    let mut number = 1;
    while let Some(url) = next.take() {
        if !read.insert(url.to_string()) {
            return Err(circle(
                &url,
                "its pages lead back to this page, which was already read",
            ));
        }
        if read.len() > limits.max_pages {
            return Err(FeedError::new(
                &url,
                format!(
                    "the feed has more than {} pages of services",
                    limits.max_pages
                ),
                "ask the directory's supplier whether its paging is right; nothing was written",
            ));
        }
        let page = get_json(agent, &url, limits)?;
        let Some(contents) = page["contents"].as_array().or(page.as_array()) else {
            return Err(FeedError::new(
                &url,
                "this is not a page of ORUK services: it has no `contents` list",
                HINT_ADDRESS,
            ));
        };
        let fresh: Vec<&Value> = contents
            .iter()
            .filter(|item| ids.insert(item_id(item).unwrap_or_else(|| item.to_string())))
            .collect();
        if fresh.is_empty() && !contents.is_empty() {
            return Err(circle(
                &url,
                format!("page {number} repeats services already read"),
            ));
        }
        items.extend(fresh.into_iter().cloned());
        next = next_page(&page, &url, list, number, contents.is_empty())?;
        number += 1;
    }
    Ok(items)
}

fn circle(url: &Url, message: impl Into<String>) -> FeedError {
    FeedError::new(
        url,
        format!("the feed goes round in a circle: {}", message.into()),
        "the feed's paging is broken (it may ignore `page`); ask the directory's supplier; nothing was written",
    )
}

/// The page after `page`: its `next` link (on the same site), else the next page number
/// unless this one is the last (`last_page`, `total_pages`, or an empty page).
fn next_page(
    page: &Value,
    url: &Url,
    list: &Url,
    number: usize,
    empty: bool,
) -> Result<Option<Url>, FeedError> {
    let link = ["next", "next_page", "next_page_url"]
        .iter()
        .find_map(|k| page[*k].as_str())
        .or_else(|| page["links"]["next"].as_str())
        .filter(|l| !l.trim().is_empty());
    if let Some(link) = link {
        let next = url.join(link.trim()).map_err(|_| {
            FeedError::new(
                url,
                format!("its next link `{link}` is not a web address"),
                HINT_TRY_LATER,
            )
        })?;
        if next.origin() != list.origin() {
            return Err(FeedError::new(
                url,
                format!("its next link leads to another site ({next})"),
                "ask the directory's supplier; hubsite reads a feed from one site only",
            ));
        }
        return Ok(Some(next));
    }
    let total = page["total_pages"]
        .as_u64()
        .and_then(|t| usize::try_from(t).ok());
    let last = page["last_page"].as_bool() == Some(true)
        || total.is_some_and(|t| number >= t)
        || empty
        || page.is_array()
        || (total.is_none() && page.get("last_page").is_none());
    Ok((!last).then(|| with_page(list, number + 1)))
}

/// `list` with `page=n` (other query parameters, such as a taxonomy filter, kept).
fn with_page(list: &Url, n: usize) -> Url {
    let mut url = list.clone();
    let kept: Vec<(String, String)> = list
        .query_pairs()
        .filter(|(k, _)| k != "page")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    url.query_pairs_mut()
        .clear()
        .extend_pairs(kept)
        .append_pair("page", &n.to_string());
    url
}

fn item_id(item: &Value) -> Option<String> {
    match &item["id"] {
        Value::String(id) if !id.trim().is_empty() => Some(id.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A listed service in full: as listed when the list already nests its related data, else
/// from `/services/{id}`.
fn full_service(
    agent: &ureq::Agent,
    list: &Url,
    item: Value,
    limits: &FeedLimits,
) -> Result<Value, FeedError> {
    const NESTED: &[&str] = &[
        "service_at_locations",
        "schedules",
        "contacts",
        "cost_options",
        "attributes",
    ];
    let Some(id) = item_id(&item) else {
        return Ok(item);
    };
    if NESTED.iter().any(|k| item.get(*k).is_some()) || item.get("hubsite").is_some() {
        return Ok(item);
    }
    let mut url = list.clone();
    url.set_query(None);
    url.path_segments_mut()
        .map_err(|_| FeedError::new(list, "this address cannot have a path", HINT_ADDRESS))?
        .pop_if_empty()
        .push(&id);
    let service = get_json(agent, &url, limits)?;
    if !service.is_object() {
        return Err(FeedError::new(
            &url,
            "this is not one ORUK service",
            HINT_TRY_LATER,
        ));
    }
    Ok(service)
}

/// One response, read as JSON within the limits.
fn get_json(agent: &ureq::Agent, url: &Url, limits: &FeedLimits) -> Result<Value, FeedError> {
    let failed = |e: ureq::Error| FeedError::new(url, describe(&e, limits), HINT_TRY_LATER);
    let mut response = agent.get(url.as_str()).call().map_err(failed)?;
    let status = response.status();
    if !status.is_success() {
        return Err(FeedError::new(
            url,
            format!("the feed answered {status}"),
            if status.as_u16() == 404 {
                HINT_ADDRESS
            } else {
                HINT_TRY_LATER
            },
        ));
    }
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_lowercase();
    let body = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(failed)?;
    let starts_as_html = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
    if kind.starts_with("text/html") || starts_as_html {
        return Err(FeedError::new(
            url,
            "the feed answered with a web page, not JSON",
            HINT_ADDRESS,
        ));
    }
    serde_json::from_slice(&body).map_err(|e| {
        FeedError::new(
            url,
            format!("the feed's answer is not JSON: {e}"),
            HINT_TRY_LATER,
        )
    })
}

fn describe(error: &ureq::Error, limits: &FeedLimits) -> String {
    match error {
        ureq::Error::Timeout(_) => format!(
            "the feed did not answer within {} seconds",
            limits.timeout.as_secs_f32()
        ),
        ureq::Error::BodyExceedsLimit(_) => format!(
            "the feed sent more than {} MB in one answer, the most hubsite reads",
            limits.max_bytes / (1024 * 1024)
        ),
        ureq::Error::RequireHttpsOnly(_) => {
            "the feed sent hubsite to a plain http address; add --allow-http if you trust it".into()
        }
        ureq::Error::TooManyRedirects => "the feed redirects too many times".into(),
        ureq::Error::HostNotFound => "no computer answers to this name".into(),
        ureq::Error::ConnectionFailed => "hubsite could not connect to the feed".into(),
        other => format!("the feed could not be read: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_services_endpoint_is_found_from_the_api_address() {
        let at = |a| services_endpoint(a, Scheme::HttpsOnly).map(|u| u.to_string());
        assert_eq!(
            at("https://example.org/api/v3").unwrap(),
            "https://example.org/api/v3/services"
        );
        assert_eq!(
            at("https://example.org/api/services").unwrap(),
            "https://example.org/api/services"
        );
        assert_eq!(
            at("https://example.org/").unwrap(),
            "https://example.org/services"
        );
        assert!(
            at("http://example.org/")
                .unwrap_err()
                .hint
                .contains("--allow-http")
        );
        assert!(services_endpoint("http://example.org/", Scheme::AllowHttp).is_ok());
        assert!(at("ftp://example.org/").is_err());
        assert!(at("example.org").is_err());
    }

    #[test]
    fn pages_follow_page_numbers_or_next_links() {
        let list = Url::parse("https://example.org/services?taxonomy_id=x").unwrap();
        let page = serde_json::json!({"total_pages": 3, "contents": [{}]});
        let next = next_page(&page, &list, &list, 1, false).unwrap().unwrap();
        assert_eq!(
            next.as_str(),
            "https://example.org/services?taxonomy_id=x&page=2"
        );
        assert_eq!(next_page(&page, &list, &list, 3, false).unwrap(), None);
        let linked = serde_json::json!({"next": "/services?cursor=abc", "contents": [{}]});
        assert_eq!(
            next_page(&linked, &list, &list, 1, false)
                .unwrap()
                .unwrap()
                .as_str(),
            "https://example.org/services?cursor=abc"
        );
        let away =
            serde_json::json!({"next": "https://elsewhere.example/services", "contents": []});
        assert!(next_page(&away, &list, &list, 1, false).is_err());
    }
}
