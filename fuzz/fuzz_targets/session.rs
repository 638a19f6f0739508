//! Any bytes as a session file, through load, model, render, calendars and JSON-LD.
#![no_main]

use std::sync::LazyLock;

use hubsite::probe::Probe;
use libfuzzer_sys::fuzz_target;

static PROBE: LazyLock<Probe> = LazyLock::new(|| Probe::new().expect("the probe site builds"));

fuzz_target!(|bytes: &[u8]| {
    let _ = PROBE.session(bytes);
});
