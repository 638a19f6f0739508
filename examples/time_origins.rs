//! Times the origin check and the link scan over every HTML file of a built site, one core:
//! what `hubsite build` spends per page checking it (see docs/performance.md, '## Build').
//!
//! Usage: `cargo run --release --example time_origins -- PUBLIC_DIR [ROUNDS]`; with
//! `--compare` instead of ROUNDS, compares every page's start tags as the origin check reads
//! them with html5ever's reading (the check's before session 11), and times that reading, and
//! every page's links with the link scan's before session 11.

use std::path::PathBuf;
use std::time::Instant;

use hubsite::html_scan::start_tags;
use hubsite::output::links::site_paths_in_html;
use hubsite::output::origins::foreign_loads_in_html;

// The allocator `hubsite` itself uses (src/main.rs), so that times are the program's.
#[path = "../tests/common/html5ever_tags.rs"]
mod html5ever_tags;
#[path = "../tests/common/links_by_find.rs"]
mod links_by_find;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(
        args.next()
            .ok_or("usage: time_origins PUBLIC_DIR [ROUNDS]")?,
    );
    let rounds = args.next();
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry?;
        if entry.path().extension().is_some_and(|e| e == "html") {
            pages.push(std::fs::read_to_string(entry.path())?);
        }
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    println!("{} pages, {} MB", pages.len(), bytes / 1_000_000);
    if rounds.as_deref() == Some("--compare") {
        let t = Instant::now();
        let before: Vec<_> = pages
            .iter()
            .map(|page| html5ever_tags::start_tags(page))
            .collect();
        println!(
            "html5ever's reading: {:.0} ms",
            t.elapsed().as_secs_f64() * 1000.0
        );
        let t = Instant::now();
        let after: Vec<_> = pages.iter().map(|page| start_tags(page)).collect();
        println!("start_tags: {:.0} ms", t.elapsed().as_secs_f64() * 1000.0);
        let differ = before.iter().zip(&after).filter(|(b, a)| b != a).count();
        let tags: usize = after.iter().map(Vec::len).sum();
        println!(
            "{differ} of {} pages read differently ({tags} start tags)",
            pages.len()
        );
        let links_differ = pages
            .iter()
            .filter(|page| site_paths_in_html(page) != links_by_find::site_paths_by_find(page))
            .count();
        println!("{links_differ} pages whose links the scan with str::find reads differently");
        return Ok(());
    }
    let rounds: usize = rounds.map_or(Ok(3), |r| r.parse())?;
    let own = "https://hub.example.org";
    for round in 0..rounds {
        let (t, cpu) = (Instant::now(), thread_cpu_ns());
        let loads: usize = pages
            .iter()
            .map(|page| foreign_loads_in_html(page, own).len())
            .sum();
        let (origins, origins_cpu) = (t.elapsed(), thread_cpu_ns() - cpu);
        let (t, cpu) = (Instant::now(), thread_cpu_ns());
        let links: usize = pages
            .iter()
            .map(|page| site_paths_in_html(page).len())
            .sum();
        let (scan, scan_cpu) = (t.elapsed(), thread_cpu_ns() - cpu);
        println!(
            "round {round}: origin check {:.0} ms, {:.0} ms CPU ({loads} loads), link scan {:.0} ms, {:.0} ms CPU ({links} links)",
            origins.as_secs_f64() * 1000.0,
            origins_cpu as f64 / 1e6,
            scan.as_secs_f64() * 1000.0,
            scan_cpu as f64 / 1e6,
        );
    }
    Ok(())
}

/// The nanoseconds this thread has run on a core (Linux's schedstat; 0 elsewhere), so that a
/// busy machine's waiting is not counted.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
