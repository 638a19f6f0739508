//! A leaf below every stage: how hubsite writes text and addresses. Dates and times the
//! GOV.UK way ([`format`]), XML escaping ([`escape`]) and query-value percent-encoding
//! ([`percent`]). It imports nothing from the crate, so any stage may use it.

pub mod escape;
pub mod format;
pub mod percent;
