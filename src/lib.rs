//! hubsite: a static site generator for UK family hubs and their practice weeks.
//!
//! The pipeline, in order (see [`pipeline::run`], the one entry):
//! [`load`] reads the site folder, [`model`] validates and links it, [`render`] turns it into
//! HTML, [`output`] adds the other files a site publishes, [`check`] gives the verdict, and
//! [`write`] puts it on disk. Leaf modules below them all: [`text`], [`qr`], [`diag`],
//! [`site_url`], [`html_scan`]; `tests/architecture.rs` fails on an import against this order.

pub mod check;
pub mod config;
pub mod css_scan;
pub mod diag;
pub mod error;
pub mod fingerprint;
pub mod html_scan;
pub mod import;
pub mod languages;
pub mod load;
pub mod model;
pub mod output;
pub mod parse;
pub mod pipeline;
pub mod probe;
pub mod qr;
pub mod reference;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod site_url;
pub mod text;
pub mod write;
pub mod written;

pub use error::Error;
