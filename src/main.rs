//! The `hubsite` command: parses arguments, runs a command, prints errors, sets the exit code.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use hubsite::config::Overrides;
use hubsite::load::LoadOptions;
use hubsite::model::time::resolve_now;
use hubsite::pipeline::{
    BuildOptions, Stage, build_and_write, check_site_with_warnings, site_root,
};
use hubsite::{Error, scaffold, serve};

use cli::{Cli, Command, ImportCommand, SiteArgs};

// A build allocates millions of small strings across threads; mimalloc does that faster than
// the system allocator and returns memory sooner (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error:#}");
            ExitCode::FAILURE
        }
    }
}

/// How many warnings `build` prints before it counts the rest (`check` prints them all).
const WARNINGS_SHOWN: usize = 5;

fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Build(args) => {
            let options = build_options(&args.site, args.output)?;
            let report =
                build_and_write(&options, &progress).map_err(|e| report_error(e, FAILED_BUILD))?;
            clear_progress();
            // Warnings go where errors go (stderr); stdout has only the summary.
            if !args.site.quiet {
                eprint!("{}", report.warnings.as_warnings_summary(WARNINGS_SHOWN));
            }
            println!(
                "Built {} pages ({} files) in {} ms into {}",
                report.pages,
                report.files,
                report.elapsed.as_millis(),
                report.output_dir.display()
            );
        }
        Command::Check(args) => {
            let options = build_options(&args, None)?;
            let report = check_site_with_warnings(&options)
                .map_err(|e| report_error(e, "error: check failed"))?;
            if !args.quiet {
                print!("{}", report.warnings.as_warnings());
            }
            let count = report.warnings.0.len();
            println!(
                "No problems found in {} pages ({count} warning{})",
                report.pages,
                if count == 1 { "" } else { "s" }
            );
        }
        Command::New { dir } => {
            let files = scaffold::create_site(&dir)
                .map_err(|e| report_error(e, "error: no site was created"))?;
            println!(
                "Created a new site in {} ({files} files). Next: hubsite serve --root {}",
                dir.display(),
                dir.display()
            );
        }
        Command::Serve(args) => {
            let build = build_options(&args.site, None)?;
            let options = serve::ServeOptions {
                build,
                interface: args.interface,
                port: args.port,
                open: args.open,
            };
            serve::serve(options).map_err(anyhow::Error::msg)?;
        }
        Command::Import(ImportCommand::Oruk(args)) => {
            let options = hubsite::import::ImportOptions {
                root: site_root(args.root.as_deref()),
                file: args.file,
                force: args.force,
            };
            let report = hubsite::import::import_oruk(&options)
                .map_err(|e| report_error(e, "error: nothing was imported"))?;
            print!("{}", render_import_report(&report));
        }
    }
    Ok(())
}

fn build_options(
    args: &SiteArgs,
    output: Option<std::path::PathBuf>,
) -> anyhow::Result<BuildOptions> {
    let now = resolve_now(args.now.as_deref()).map_err(anyhow::Error::msg)?;
    let overrides = Overrides {
        base_url: args.base_url.clone(),
        output_dir: output,
    };
    Ok(BuildOptions {
        root: site_root(args.root.as_deref()),
        load: LoadOptions { overrides },
        drafts: args.drafts,
        now,
    })
}

/// What an import did, one line per file, then a count.
fn render_import_report(report: &hubsite::import::ImportReport) -> String {
    let mut out = String::new();
    for (verb, files) in [
        ("created", &report.created),
        ("updated", &report.updated),
        ("unchanged", &report.unchanged),
    ] {
        files
            .iter()
            .for_each(|f| out.push_str(&format!("{verb} {f}\n")));
    }
    report
        .notes
        .iter()
        .for_each(|n| out.push_str(&format!("note: {n}\n")));
    report
        .skipped
        .iter()
        .for_each(|s| out.push_str(&format!("skipped {}: {}\n", s.name, s.reason)));
    out.push_str(&format!(
        "{} created, {} updated, {} unchanged, {} skipped\n",
        report.created.len(),
        report.updated.len(),
        report.unchanged.len(),
        report.skipped.len()
    ));
    out
}

const FAILED_BUILD: &str = "error: the build failed; the output folder was left as it was";

/// Content problems are printed as they are (already located), then `outcome`.
fn report_error(error: Error, outcome: &str) -> anyhow::Error {
    clear_progress();
    match error {
        Error::Content(problems) => anyhow::Error::msg(format!("{problems}\n{outcome}")),
        other => anyhow::Error::new(other),
    }
}

/// One line on a terminal that says what the build is doing; nothing when output is piped.
fn progress(stage: Stage) {
    let mut err = std::io::stderr();
    if !err.is_terminal() {
        return;
    }
    let text = match stage {
        Stage::Load => "Loading…".to_owned(),
        Stage::Model => "Checking content…".to_owned(),
        Stage::Render(pages) => format!("Rendering {pages} pages…"),
        Stage::Write(files) => format!("Writing {files} files…"),
    };
    let _ = write!(err, "\r\x1b[2K{text}");
    let _ = err.flush();
}

fn clear_progress() {
    let mut err = std::io::stderr();
    if err.is_terminal() {
        let _ = write!(err, "\r\x1b[2K");
    }
}
