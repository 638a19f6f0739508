//! A leaf below every stage: how hubsite writes text and addresses. Dates and times the
//! GOV.UK way ([`format`]), XML escaping ([`escape`]) and query-value percent-encoding
//! ([`percent`]), and the plural categories of a language's whole numbers ([`plural`]). It imports nothing from the crate, so any stage may use it.

pub mod escape;
pub mod format;
pub mod percent;
pub mod plural;
