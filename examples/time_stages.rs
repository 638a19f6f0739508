//! Times each stage of an in-memory build, to see where a rebuild's time goes; rounds after
//! the first reuse rendered pages through the render cache, as `hubsite serve` does.
//!
//! Usage: `cargo run --release --example time_stages -- DIR`

use std::path::PathBuf;
use std::time::Instant;

use hubsite::load::{LoadOptions, load_site};
use hubsite::model::{ModelOptions, build_site};
use hubsite::output::{build_outputs, model_files};
use hubsite::render::{Templates, render_site};

// The allocator `hubsite` itself uses (src/main.rs), so that times are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(std::env::args().nth(1).ok_or("usage: time_stages DIR")?);
    let now = hubsite::model::time::parse_now("2026-11-01T09:00:00Z")?;
    let cache = std::sync::Arc::new(hubsite::render::cache::RenderCache::default());
    let clean_pages = hubsite::output::origins::CleanPages::default();
    for round in 0..4 {
        cache.start_build();
        let t = Instant::now();
        let sources = load_site(&root, &LoadOptions::default()).map_err(|e| e.to_string())?;
        let load = t.elapsed();
        let t = Instant::now();
        let templates = Templates::parse(&sources.templates)
            .map_err(|e| e.to_string())?
            .with_cache(cache.clone());
        let parse = t.elapsed();
        let t = Instant::now();
        let (site, _warnings) = build_site(&sources, &ModelOptions { drafts: false, now })
            .map_err(|e| e.to_string())?;
        let model = t.elapsed();
        let templates = templates.with_messages(site.messages.clone());
        let t = Instant::now();
        let made = model_files(&site);
        let model_made = t.elapsed();
        let t = Instant::now();
        let rendered =
            render_site(&site, &templates, &made.downloads, None).map_err(|e| e.to_string())?;
        let render = t.elapsed();
        let t = Instant::now();
        let output = build_outputs(&site, &sources, rendered, made, Some(&clean_pages))
            .map_err(|e| e.to_string())?;
        let outputs = t.elapsed();
        println!(
            "round {round}: {} files; load {load:?}, templates {parse:?}, model {model:?}, render {render:?}, \
             files from the model {model_made:?}, outputs {outputs:?} (stages one after another; a build \
             runs render and files from the model side by side)",
            output.files.len()
        );
    }
    Ok(())
}
