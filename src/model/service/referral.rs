//! A service's referral route for practitioners: `[referral_route]` in its file, as written
//! ([`RawReferralRoute`]) and as checked ([`ReferralRoute`]): who can refer, how, what to
//! include, how soon the service replies and what the family must agree to. No I/O.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::shapes::{ShapeError, check_email, check_phone, check_url};
use super::vocab::Consent;
use crate::diag::{Code, Diagnostic, SourceFile};

/// `[referral_route]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReferralRoute {
    #[serde(default)]
    who: String,
    #[serde(default)]
    how: String,
    form: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    response: String,
    consent: Option<Consent>,
}

/// How a practitioner refers a family to a service; every part optional but the way to
/// refer (`how`, a `form`, an `email` or a `phone`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReferralRoute {
    /// Who can refer: 'Any professional working with the family; GPs and schools'.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// How to refer, in a sentence or two.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub how: String,
    /// A referral form on the web (https).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// Where referrals are emailed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Where referrals are phoned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// What a referral should say, one item each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// How soon the service replies: 'Within five working days'.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub response: String,
    /// What the family must agree to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
}

/// Checks a written route: the form, email and phone by shape, each problem at its place, and
/// that it says how to refer at all (at the `[referral_route]` table).
pub fn check_referral_route(
    raw: Spanned<RawReferralRoute>,
    file: &SourceFile,
    report: &mut impl FnMut(Diagnostic),
) -> Option<ReferralRoute> {
    let span = raw.span();
    let raw = raw.into_inner();
    let mut checked = |value: Option<Spanned<String>>,
                       check: fn(&str) -> Result<(), ShapeError>,
                       hint: &str,
                       code: Code| {
        let value = value?;
        let text = value.get_ref().trim();
        match check(text) {
            Ok(()) => Some(text.to_owned()),
            Err(error) => {
                report(
                    file.error_at(value.span(), error.to_string())
                        .code(code)
                        .hint(hint.to_owned()),
                );
                None
            }
        }
    };
    let written_way = raw.form.is_some() || raw.email.is_some() || raw.phone.is_some();
    let route = ReferralRoute {
        form: checked(
            raw.form,
            check_url,
            "write the form's full address, starting with https://",
            Code::WebAddress,
        ),
        email: checked(
            raw.email,
            check_email,
            "write an address such as referrals@example.org",
            Code::Email,
        ),
        phone: checked(
            raw.phone,
            check_phone,
            "write the number as people dial it, such as 01632 960123",
            Code::Phone,
        ),
        who: raw.who.trim().to_owned(),
        how: raw.how.trim().to_owned(),
        include: raw
            .include
            .into_iter()
            .map(|i| i.trim().to_owned())
            .filter(|i| !i.is_empty())
            .collect(),
        response: raw.response.trim().to_owned(),
        consent: raw.consent,
    };
    if route.how.is_empty() && !written_way {
        report(
            file.error_at(span, "`[referral_route]` does not say how to refer")
                .code(Code::BadValue)
                .hint(
                    "add `how` (a sentence), or a `form`, `email` or `phone` that takes referrals",
                ),
        );
        return None;
    }
    Some(route)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;

    fn check(text: &str) -> (Option<ReferralRoute>, Vec<String>) {
        #[derive(Deserialize)]
        struct Wrapper {
            referral_route: Spanned<RawReferralRoute>,
        }
        let file = SourceFile::new("content/directory/x.toml", text.as_bytes().to_vec()).unwrap();
        let raw: Wrapper = toml::from_str(text).unwrap();
        let mut problems = Diagnostics::default();
        let route = check_referral_route(raw.referral_route, &file, &mut |d| problems.push(d));
        let shown = problems.0.iter().map(|d| d.to_string()).collect();
        (route, shown)
    }

    #[test]
    fn a_route_is_checked_field_by_field_at_its_place() {
        let (route, problems) = check(
            "[referral_route]\nhow = \"Send the form.\"\nemail = \"not an email\"\nphone = \"call us\"\nform = \"http://example.org/form\"\n",
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("x.toml:3:9"), "{}", problems[0]);
        assert!(problems[1].contains("x.toml:4:9"), "{}", problems[1]);
        let route = route.unwrap();
        assert_eq!(route.form.as_deref(), Some("http://example.org/form"));
        assert_eq!((route.email, route.phone), (None, None));
    }

    #[test]
    fn a_route_that_does_not_say_how_to_refer_is_an_error_at_its_table() {
        let (route, problems) = check("[referral_route]\nwho = \"Schools\"\n");
        assert!(route.is_none());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("x.toml:1:1"), "{}", problems[0]);
        assert!(problems[0].contains("how to refer"), "{}", problems[0]);
        let (route, problems) = check("[referral_route]\nphone = \"01632 960123\"\n");
        assert!(problems.is_empty() && route.is_some());
    }
}
