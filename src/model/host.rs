//! Hosts, part of the model stage: each host (their organisation, or else their name) has one
//! page of sessions at `/sessions/hosts/<slug>/`. Sessions that name the same host share its
//! page; two different names whose slugs are alike are a located error, never one page.

use std::collections::BTreeSet;

use crate::diag::{Code, Diagnostics, SourceFile};
use crate::load::sessions::{RawPerson, WeekSource};
use crate::model::address::{Addresses, Claim, Claimant};
use crate::model::slug::{Slug, UrlPath};
use crate::model::week::PROGRAMME_PATH;

/// The folder of host pages under the programme.
pub const HOSTS_PATH: &str = "hosts";

/// The name a host's page is for: their organisation, or else their own name.
pub fn page_name(organisation: Option<&str>, name: &str) -> String {
    organisation.unwrap_or(name).trim().to_owned()
}

/// The page of the host or organisation called `name`; `None` when the name has no letter or
/// digit to make an address from (the model reports that, see [`claim_hosts`]).
pub fn host_url(name: &str) -> Option<UrlPath> {
    let (programme, hosts) = (
        Slug::from_text(PROGRAMME_PATH)?,
        Slug::from_text(HOSTS_PATH)?,
    );
    Some(UrlPath::from_slugs([
        &programme,
        &hosts,
        &Slug::from_text(name)?,
    ]))
}

/// Claims the page of every host that sessions name; reports names that make no address and
/// different names that make the same one.
pub fn claim_hosts(weeks: &[WeekSource], addresses: &mut Addresses, problems: &mut Diagnostics) {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for session in weeks.iter().flat_map(|w| &w.sessions) {
        for host in &session.raw.hosts {
            let name = page_name(
                host.organisation.as_ref().map(|o| o.get_ref().as_str()),
                host.name.get_ref(),
            );
            if !seen.insert(name.clone()) {
                continue;
            }
            claim_host(&session.file, host, name, addresses, problems);
        }
    }
}

fn claim_host(
    file: &SourceFile,
    host: &RawPerson,
    name: String,
    addresses: &mut Addresses,
    problems: &mut Diagnostics,
) {
    let span = host
        .organisation
        .as_ref()
        .map_or(host.name.span(), |o| o.span());
    let Some(url) = host_url(&name) else {
        problems.push(
            file.error_at(span, format!("`{name}` cannot be made into a web address")).code(Code::BadName)
                .hint("a host's page address is made from their organisation or name: write it with at least one letter or digit"),
        );
        return;
    };
    let position = file.error_at(span, "").position;
    let claim = Claim {
        label: Some(name),
        position,
        ..Claim::file(Claimant::Host, &file.path)
    };
    addresses.claim_or_report(url.as_str(), claim, problems);
}
