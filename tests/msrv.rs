//! `rust-version` in Cargo.toml is true: it is the highest `rust-version` any package in the
//! lock file declares (every platform's, dev-dependencies included), so a `cargo update` that
//! raises a dependency's minimum fails here until Cargo.toml says so. Our own code is held to
//! it by clippy's `incompatible_msrv` lint, which reads the same field (CI runs clippy with
//! `-D warnings`). Both are cheap: no second toolchain is installed.

use std::process::Command;

use serde_json::Value;

/// `1.92`, `1.85.0` → comparable numbers (a missing patch counts as 0).
fn version(text: &str) -> (u64, u64, u64) {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
    (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    )
}

#[test]
fn rust_version_is_the_highest_minimum_in_the_dependency_tree() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let ours = packages
        .iter()
        .find(|p| p["name"] == "hubsite")
        .and_then(|p| p["rust_version"].as_str())
        .expect("Cargo.toml sets rust-version");
    let (needed, by) = packages
        .iter()
        .filter(|p| p["name"] != "hubsite")
        .filter_map(|p| Some((p["rust_version"].as_str()?, p["name"].as_str()?)))
        .max_by_key(|(v, _)| version(v))
        .expect("some dependency declares a rust-version");
    assert_eq!(
        version(ours),
        version(needed),
        "Cargo.toml says rust-version = {ours:?}, but {by} needs {needed}: set it to {needed}"
    );
}
