//! Any bytes as a directory service file, through load, model, render (the cleaner of partner
//! descriptions included), the ORUK export, the CSV and the search index.
#![no_main]

use std::sync::LazyLock;

use hubsite::probe::Probe;
use libfuzzer_sys::fuzz_target;

static PROBE: LazyLock<Probe> = LazyLock::new(|| Probe::new().expect("the probe site builds"));

fuzz_target!(|bytes: &[u8]| {
    let _ = PROBE.service(bytes);
});
