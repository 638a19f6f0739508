//! The `hubsite` command: parses arguments, runs a command, prints errors, sets the exit code.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use hubsite::config::Overrides;
use hubsite::load::LoadOptions;
use hubsite::model::time::resolve_now;
use hubsite::pipeline::{self, BuildOptions, Sink, Stage, site_root};
use hubsite::{Error, scaffold, serve};

use cli::{Cli, Command, ExportCommand, Format, ImportCommand, ReportArgs, SiteArgs};
use hubsite::diag::{Code, Diagnostic, Diagnostics, Severity};

// A build allocates millions of small strings across threads; mimalloc does that faster than
// the system allocator and returns memory sooner (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its `mimalloc.h`; the bindings name no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long (ms) mimalloc keeps memory a build freed before giving it back to the system: 1
/// instead of its 10, so that what load, model and the search index free is given back before
/// the next stage fills memory again (peak at 10,000 pages about 45 MiB lower, no CPU cost
/// that could be measured: docs/performance.md). `MIMALLOC_PURGE_DELAY` still overrides it.
const PURGE_DELAY_MS: std::ffi::c_long = 1;

fn main() -> ExitCode {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: an integer option of mimalloc's, set before any other thread exists (the
        // function is not thread safe).
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    }
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
            let printer = Printer {
                args: &args.report,
                shown: Some(WARNINGS_SHOWN),
            };
            let progress: &dyn Fn(Stage) = match args.report.format {
                Format::Human => &progress,
                _ => &|_| {},
            };
            let report = pipeline::run(&options, Sink::Folder, None, progress)
                .map_err(|e| printer.failure(e, FAILED_BUILD))?;
            clear_progress();
            if let Some(note) = report.published.and_then(|p| p.note(&report.output_dir)) {
                eprintln!("{note}");
            }
            printer.warnings(&report.warnings);
            printer.summary(&format!(
                "Built {} pages ({} files) in {} ms into {}",
                report.pages(),
                report.output.files.len(),
                report.elapsed.as_millis(),
                report.output_dir.display()
            ));
        }
        Command::Check(args) => {
            let options = build_options(&args.site, None)?;
            let printer = Printer {
                args: &args.report,
                shown: None,
            };
            let report = pipeline::run(&options, Sink::Memory, None, &|_| {})
                .map_err(|e| printer.failure(e, "error: check failed"))?;
            printer.warnings(&report.warnings);
            let count = report.warnings.0.len();
            printer.summary(&format!(
                "No problems found in {} pages ({count} warning{})",
                report.pages(),
                if count == 1 { "" } else { "s" }
            ));
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
            serve::serve(options)?;
        }
        Command::Explain { code, kind } => match code.as_deref() {
            None => print!("{}", Code::list()),
            Some(word) if word.eq_ignore_ascii_case("content") => print_reference(kind.as_deref())?,
            Some(text) => print!("{}", explain(text)?),
        },
        Command::Help { topic, kind } => match topic.as_deref() {
            Some(word) if word.eq_ignore_ascii_case("content") => print_reference(kind.as_deref())?,
            Some(name) => {
                let mut command = <Cli as clap::CommandFactory>::command();
                command.build();
                match command.find_subcommand_mut(name) {
                    Some(sub) => sub.print_long_help()?,
                    None => anyhow::bail!(
                        "no command is called `{name}`; `hubsite help` lists them, and `hubsite help content` lists every field"
                    ),
                }
            }
            None => <Cli as clap::CommandFactory>::command().print_long_help()?,
        },
        Command::Import(ImportCommand::Oruk(args)) => {
            let root = site_root(args.root.as_deref());
            let report = if is_web_address(&args.source) {
                let limits = hubsite::import::feed::FeedLimits {
                    scheme: if args.allow_http {
                        hubsite::import::feed::Scheme::AllowHttp
                    } else {
                        hubsite::import::feed::Scheme::HttpsOnly
                    },
                    timeout: std::time::Duration::from_secs(args.timeout.max(1)),
                    ..Default::default()
                };
                let options = hubsite::import::FeedOptions {
                    root,
                    url: args.source,
                    force: args.force,
                    limits,
                };
                hubsite::import::import_oruk_feed(&options)
            } else {
                let options = hubsite::import::ImportOptions {
                    root,
                    file: args.source.into(),
                    force: args.force,
                };
                hubsite::import::import_oruk(&options)
            }
            .map_err(|e| import_failure(args.format, e, "error: nothing was imported"))?;
            print!("{}", render_import_report(&report));
        }
        Command::Import(ImportCommand::Sessions(args)) => {
            match (args.template, args.file, args.week) {
                (Some(template), _, _) => {
                    hubsite::import::write_template(&template)
                        .map_err(|e| report_error(e, "error: no template was written"))?;
                    println!(
                        "Wrote {}: fill in one row per session (its second sheet, if any, explains each column), then run hubsite import sessions {} --week WEEK",
                        template.display(),
                        template.display()
                    );
                }
                (None, Some(file), Some(week)) => {
                    let options = hubsite::import::SessionsOptions {
                        root: site_root(args.root.as_deref()),
                        file,
                        week,
                        force: args.force,
                    };
                    let report = hubsite::import::import_sessions(&options).map_err(|e| {
                        import_failure(
                            args.format,
                            e,
                            "error: nothing was imported (every row must be right first)",
                        )
                    })?;
                    print!("{}", render_sessions_report(&report));
                }
                _ => anyhow::bail!("error: give a spreadsheet and --week, or --template FILE"),
            }
        }
        Command::Export(ExportCommand::Sessions(args)) => {
            let options = hubsite::import::ExportOptions {
                root: site_root(args.root.as_deref()),
                week: args.week,
                file: args.file,
            };
            let report = hubsite::import::export_sessions(&options)
                .map_err(|e| report_error(e, "error: nothing was exported"))?;
            report.notes.iter().for_each(|n| println!("note: {n}"));
            println!(
                "Wrote {} sessions to {}",
                report.sessions,
                options.file.display()
            );
        }
    }
    Ok(())
}

/// An import's problems in the format asked for, then `outcome`.
fn import_failure(format: Format, error: Error, outcome: &str) -> anyhow::Error {
    let args = ReportArgs {
        format,
        quiet: false,
    };
    Printer {
        args: &args,
        shown: None,
    }
    .failure(error, outcome)
}

/// True for what `import oruk` reads as a live feed rather than a file.
fn is_web_address(source: &str) -> bool {
    let lower = source.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// What an import of sessions did, one line per file, then a count.
fn render_sessions_report(report: &hubsite::import::SessionsReport) -> String {
    let lists = ReportLists {
        created: &report.created,
        updated: &report.updated,
        unchanged: &report.unchanged,
        skipped: &report.skipped,
        notes: &report.notes,
        kept: Some(&report.kept),
    };
    render_report(&lists)
}

/// The page of a code, or an error that lists the codes near it.
fn explain(text: &str) -> anyhow::Result<String> {
    match Code::parse(text) {
        Some(code) => Ok(code.page()),
        None => {
            let near: Vec<String> = Code::near(text)
                .iter()
                .map(|c| format!("  {c}  {}", c.title()))
                .collect();
            anyhow::bail!(
                "error: `{text}` is not a hubsite code; codes near it:\n{}\n(`hubsite explain` lists every code)",
                near.join("\n")
            )
        }
    }
}

/// Prints docs/content-model.md, or its section for one kind of file.
fn print_reference(kind: Option<&str>) -> anyhow::Result<()> {
    let text = hubsite::reference::content_reference(kind)
        .map_err(|e| anyhow::Error::msg(format!("error: {e}")))?;
    print!("{text}");
    Ok(())
}

fn build_options(
    args: &SiteArgs,
    output: Option<std::path::PathBuf>,
) -> anyhow::Result<BuildOptions> {
    let now = resolve_now(args.now.as_deref())?;
    let overrides = Overrides {
        base_url: args.base_url.clone(),
        output_dir: output,
    };
    Ok(BuildOptions {
        root: site_root(args.root.as_deref()),
        load: LoadOptions {
            overrides,
            ..LoadOptions::default()
        },
        drafts: args.drafts,
        now,
    })
}

/// What an import did, one line per file, then a count.
fn render_import_report(report: &hubsite::import::ImportReport) -> String {
    let lists = ReportLists {
        created: &report.created,
        updated: &report.updated,
        unchanged: &report.unchanged,
        skipped: &report.skipped,
        notes: &report.notes,
        kept: None,
    };
    render_report(&lists)
}

/// The lists an import reports; `kept` only where files can be kept (a sessions import).
struct ReportLists<'a> {
    created: &'a [String],
    updated: &'a [String],
    unchanged: &'a [String],
    skipped: &'a [hubsite::import::oruk::Skipped],
    notes: &'a [String],
    kept: Option<&'a [String]>,
}

/// One line per file, then a count.
fn render_report(lists: &ReportLists) -> String {
    let mut out = String::new();
    for (verb, files) in [
        ("created", lists.created),
        ("updated", lists.updated),
        ("unchanged", lists.unchanged),
    ] {
        files
            .iter()
            .for_each(|f| out.push_str(&format!("{verb} {f}\n")));
    }
    let kept = lists.kept.unwrap_or_default();
    kept.iter().for_each(|f| {
        out.push_str(&format!(
            "kept {f}: no row names it (delete it if the session is dropped)\n"
        ))
    });
    lists
        .notes
        .iter()
        .for_each(|n| out.push_str(&format!("note: {n}\n")));
    lists
        .skipped
        .iter()
        .for_each(|s| out.push_str(&format!("skipped {}: {}\n", s.name, s.reason)));
    out.push_str(&format!(
        "{} created, {} updated, {} unchanged, {} skipped",
        lists.created.len(),
        lists.updated.len(),
        lists.unchanged.len(),
        lists.skipped.len(),
    ));
    if lists.kept.is_some() {
        out.push_str(&format!(", {} kept", kept.len()));
    }
    out.push('\n');
    out
}

const FAILED_BUILD: &str = "error: the build failed; the output folder was left as it was";

/// Prints what `build` and `check` found in the format asked for. For people, warnings go to
/// stderr beside errors and the summary to stdout; for machines (json, github), stdout has
/// only the problems and warnings, one per line, and the summary goes to stderr.
struct Printer<'a> {
    args: &'a ReportArgs,
    /// How many warnings people see before the rest are counted; `None`: all.
    shown: Option<usize>,
}

impl Printer<'_> {
    /// One line for machines: a GitHub annotation when asked for, JSON otherwise.
    fn line(&self, diagnostic: &Diagnostic, severity: Severity) -> String {
        match self.args.format {
            Format::Github => diagnostic.to_github_annotation(severity),
            Format::Json | Format::Human => diagnostic.to_json_line(severity),
        }
    }

    fn warnings(&self, warnings: &Diagnostics) {
        if self.args.quiet {
            return;
        }
        match (self.args.format, self.shown) {
            (Format::Human, Some(shown)) => eprint!("{}", warnings.as_warnings_summary(shown)),
            (Format::Human, None) => print!("{}", warnings.as_warnings()),
            _ => warnings
                .0
                .iter()
                .for_each(|w| println!("{}", self.line(w, Severity::Warning))),
        }
    }

    fn summary(&self, text: &str) {
        match self.args.format {
            Format::Human => println!("{text}"),
            _ => eprintln!("{text}"),
        }
    }

    /// The error to end with: for machines, the problems are printed here first.
    fn failure(&self, error: Error, outcome: &str) -> anyhow::Error {
        match (self.args.format, error) {
            (Format::Human, error) => report_error(error, outcome),
            (_, Error::Content(problems)) => {
                problems
                    .0
                    .iter()
                    .for_each(|p| println!("{}", self.line(p, Severity::Error)));
                anyhow::Error::msg(format!("{} problem(s) found\n{outcome}", problems.0.len()))
            }
            (_, other) => anyhow::Error::new(other),
        }
    }
}

/// Content problems are printed as they are (already located), then `outcome`.
fn report_error(error: Error, outcome: &str) -> anyhow::Error {
    clear_progress();
    match error {
        Error::Content(problems) => anyhow::Error::msg(format!("{problems}\n{outcome}")),
        other => anyhow::Error::msg(format!("{other}\n{outcome}")),
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
