//! The `hubsite` command: parses arguments, runs a command, prints errors, sets the exit code.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use hubsite::config::Overrides;
use hubsite::load::LoadOptions;
use hubsite::model::time::resolve_now;
use hubsite::pipeline::{BuildOptions, Stage, build_and_write, site_root};
use hubsite::{Error, check, scaffold, serve};

use cli::{Cli, Command, SiteArgs};

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

fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Build(args) => {
            let options = build_options(&args.site, args.output)?;
            let report = build_and_write(&options, &progress).map_err(|e| report_error(e, FAILED_BUILD))?;
            clear_progress();
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
            let pages = check::check_site(&options).map_err(|e| report_error(e, "error: check failed"))?;
            println!("No problems found in {pages} pages");
        }
        Command::New { dir } => {
            let files = scaffold::create_site(&dir).map_err(|e| report_error(e, "error: no site was created"))?;
            println!("Created a new site in {} ({files} files). Next: hubsite serve --root {}", dir.display(), dir.display());
        }
        Command::Serve(args) => {
            let build = build_options(&args.site, None)?;
            let options = serve::ServeOptions { build, interface: args.interface, port: args.port, open: args.open };
            serve::serve(options).map_err(anyhow::Error::msg)?;
        }
    }
    Ok(())
}

fn build_options(args: &SiteArgs, output: Option<std::path::PathBuf>) -> anyhow::Result<BuildOptions> {
    let now = resolve_now(args.now.as_deref()).map_err(anyhow::Error::msg)?;
    let overrides = Overrides { base_url: args.base_url.clone(), output_dir: output };
    Ok(BuildOptions {
        root: site_root(args.root.as_deref()),
        load: LoadOptions { overrides },
        drafts: args.drafts,
        now,
    })
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
