//! Warnings about the directory, which every command prints and which never fail a build:
//! entries not reviewed for too long, entries with no way to make contact, and services that
//! no page of the site links to (the directory's own lists aside).

use std::collections::HashSet;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::Service;
use crate::model::service::ServiceAudience;

/// Every directory warning, in service order.
pub fn directory_warnings(
    services: &[Service],
    today: Date,
    stale_after_months: u16,
    linked: &HashSet<String>,
) -> Diagnostics {
    let mut warnings = Diagnostics::default();
    let cutoff = today
        .checked_sub(i64::from(stale_after_months).months())
        .unwrap_or(today);
    for service in services {
        if service.last_reviewed < cutoff {
            warnings.push(stale(service, stale_after_months));
        }
        if !service.contact.is_reachable() {
            warnings.push(
                Diagnostic::file(&service.path, "this service has no way to make contact")
                    .code(Code::NoContact)
                    .hint("add a phone number, email address or website under [contact]"),
            );
        }
        // A practitioner-only service belongs in the practitioners' guide, which lists it:
        // families are never pointed to it, so no other page needs to.
        let for_families = service.audience != ServiceAudience::Practitioners;
        if for_families && !linked.contains(service.url.as_str()) {
            warnings.push(
                Diagnostic::file(
                    &service.path,
                    format!(
                        "no page links to {}, apart from the directory's own lists",
                        service.url
                    ),
                )
                .code(Code::Unlinked)
                .hint("give it topics shared with self-help pages, or link to it from a page"),
            );
        }
    }
    warnings
}

fn stale(service: &Service, months: u16) -> Diagnostic {
    let message = format!(
        "last reviewed on {}, more than {months} months ago",
        service.last_reviewed
    );
    let hint = "check the entry with the service, then update last_reviewed (the limit is [directory] stale_after_months in hubsite.toml)";
    match service.last_reviewed_position {
        Some((line, column)) => Diagnostic::at(&service.path, line, column, message)
            .code(Code::StaleEntry)
            .hint(hint),
        None => Diagnostic::file(&service.path, message)
            .code(Code::StaleEntry)
            .hint(hint),
    }
}
