//! `/directory/directory.csv`: the directory as one spreadsheet row per service, for council
//! staff who check and update entries. RFC 4180 quoting; columns in a fixed order.

use crate::config::Config;
use crate::model::Service;
use crate::model::i18n::Words;
use crate::render::directory::views::opening_line;
use crate::text::format::iso_date;

/// What a spreadsheet may read as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The column headings.
const HEADINGS: &[&str] = &[
    "id",
    "name",
    "organisation",
    "summary",
    "level",
    "categories",
    "access",
    "delivery",
    "eligibility",
    "min_age",
    "max_age",
    "free",
    "cost",
    "languages",
    "area",
    "phone",
    "email",
    "website",
    "locations",
    "opening_times",
    "last_reviewed",
    "page",
];

/// The directory as CSV, one row per service in id order.
pub fn render_csv(config: &Config, services: &[Service], words: &Words) -> String {
    let mut out = row(HEADINGS.iter().map(|h| (*h).to_owned()));
    for s in services {
        let join = |items: Vec<&str>| items.join("; ");
        let age = |a: Option<u8>| a.map(|a| a.to_string()).unwrap_or_default();
        out.push_str(&row([
            s.id.to_string(),
            s.name.clone(),
            s.organisation.clone(),
            s.summary.clone(),
            s.level.slug().to_owned(),
            join(s.categories.iter().map(|c| c.slug()).collect()),
            join(s.access.iter().map(|a| a.slug()).collect()),
            join(s.delivery.iter().map(|d| d.slug()).collect()),
            s.eligibility.clone(),
            age(s.min_age),
            age(s.max_age),
            if s.cost.free { "yes" } else { "no" }.to_owned(),
            s.cost.description.clone(),
            s.languages.join("; "),
            s.area.clone(),
            s.contact.phone.clone().unwrap_or_default(),
            s.contact.email.clone().unwrap_or_default(),
            s.contact.website.clone().unwrap_or_default(),
            s.locations
                .iter()
                .map(|l| format!("{}, {}, {}", l.name, l.address, l.postcode))
                .collect::<Vec<_>>()
                .join("; "),
            s.schedule
                .iter()
                .map(|o| opening_line(o, &s.locations, words))
                .collect::<Vec<_>>()
                .join("; "),
            iso_date(s.last_reviewed),
            config.absolute_url(s.url.as_str()),
        ]));
    }
    out
}

/// One CSV line, each field quoted when it needs to be.
fn row(fields: impl IntoIterator<Item = String>) -> String {
    let quoted: Vec<String> = fields.into_iter().map(|f| quote(&f)).collect();
    format!("{}\r\n", quoted.join(","))
}

/// Quotes a field that holds a comma, quote or line break; a field starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return (OWASP's list: spreadsheets skip the last two and read a
/// formula after them) is prefixed with `'` so that it is not run as a formula.
fn quote(field: &str) -> String {
    let safe = if field.starts_with(FORMULA_STARTS) {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }

    #[test]
    fn formulas_after_a_leading_tab_or_carriage_return_are_defused() {
        assert_eq!(quote("\t=1+2"), "'\t=1+2");
        assert_eq!(quote("\r=1+2"), "\"'\r=1+2\"");
    }
}
