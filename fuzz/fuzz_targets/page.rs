//! Any bytes as `content/probe.md`, through load, model, render and outputs.
#![no_main]

use std::sync::LazyLock;

use hubsite::probe::Probe;
use libfuzzer_sys::fuzz_target;

static PROBE: LazyLock<Probe> = LazyLock::new(|| Probe::new().expect("the probe site builds"));

fuzz_target!(|bytes: &[u8]| {
    let _ = PROBE.page(bytes);
});
