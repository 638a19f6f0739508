//! Warnings about family safety that `hubsite check` gives but a build does not need to pass:
//! a sensitive page or session whose 'Services that can help' list has no specialist safety
//! service (for instance an organiser's own list that leaves it out, or a directory without one).

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::related::RelatedLists;
use crate::model::relations::{Subject, has_safety_service};
use crate::model::{PageKind, Site};

/// Every safety warning: pages first, then sessions, in the site's order.
pub fn safety_warnings(site: &Site) -> Diagnostics {
    let mut warnings = Diagnostics::default();
    let pages = site
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Page)
        .map(|p| (&site.raw(p).file.path, p.subject(), &p.related_lists));
    let sessions = site
        .sessions
        .iter()
        .map(|s| (&s.source, s.subject(), &s.related_lists));
    for (path, subject, lists) in pages.chain(sessions) {
        if subject.sensitivity.is_sensitive() && !lists_a_safety_service(site, lists) {
            warnings.push(
                Diagnostic::file(
                    path,
                    "this page is about a sensitive topic but lists no specialist safety service",
                )
                .code(Code::NoSafetyService)
                .hint(hint(site, subject)),
            );
        }
    }
    warnings
}

fn lists_a_safety_service(site: &Site, lists: &RelatedLists) -> bool {
    has_safety_service(&site.services, &lists.services)
}

fn hint(site: &Site, subject: Subject) -> String {
    let safety: Vec<&str> = site
        .services
        .iter()
        .filter(|s| s.safety)
        .map(|s| s.id.as_str())
        .collect();
    match (safety.is_empty(), subject.explicit.services.is_some()) {
        (true, _) => "add a specialist domestic abuse service to content/directory/ (category domestic-abuse, or safety = true)".to_owned(),
        (false, true) => format!("add one of these to related_services: {}", safety.join(", ")),
        (false, false) => format!("give one of these services this page's topics: {}", safety.join(", ")),
    }
}
