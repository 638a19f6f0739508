//! The command line, declared with clap.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// hubsite: builds a family hub's website from TOML and Markdown.
#[derive(Debug, Parser)]
#[command(name = "hubsite", version, about, disable_help_subcommand = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into its output folder (public/ by default).
    Build(BuildArgs),
    /// Run every check a build runs, without writing: exactly the problems `build` would fail on,
    /// and every warning (build shows the first few). Nothing is slower or opt-in.
    Check(CheckArgs),
    /// Start a new site in DIR.
    New {
        /// The folder to create; it must not exist or be empty.
        dir: PathBuf,
    },
    /// Build the site into memory, serve it on this computer, rebuild and reload on changes.
    Serve(ServeArgs),
    /// Bring data from another system into the site.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write the site's data out for another tool.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Explain an error code (`hubsite explain E0102`): what it means, a wrong and a right
    /// example. Without a code, list every code. `hubsite explain content` is `help content`.
    Explain {
        /// A code from a report, such as E0102 or W0101.
        code: Option<String>,
        /// With `content`: one kind of file, as for `help content`.
        kind: Option<String>,
    },
    /// Help on a command (`hubsite help build`), or `hubsite help content [KIND]`: every field
    /// of every kind of file (config, page, topics, week, session, service, safety, resource).
    Help {
        /// A command, or `content`.
        topic: Option<String>,
        /// With `content`: one kind of file.
        kind: Option<String>,
    },
}

/// What `import` can read.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Turn an Open Referral UK services JSON (a page or a full dump), or a live ORUK API, into
    /// content/directory/ files.
    Oruk(ImportOrukArgs),
    /// Turn a spreadsheet (.xlsx, .ods, .xls or .csv) with one session a row into a week's
    /// session files; or, with --template, write an empty spreadsheet to fill in.
    Sessions(ImportSessionsArgs),
}

/// Options for `import sessions`.
#[derive(Debug, Args)]
pub struct ImportSessionsArgs {
    /// The spreadsheet to read.
    #[arg(required_unless_present = "template")]
    pub file: Option<PathBuf>,
    /// The week the sessions belong to: its folder under sessions/ (it must have a week.toml).
    #[arg(long, value_name = "SLUG", required_unless_present = "template")]
    pub week: Option<String>,
    /// Write a template (.xlsx with a sheet explaining each column, or .csv) instead of importing.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["file", "week", "force"])]
    pub template: Option<PathBuf>,
    /// The site folder (default: the current folder).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Replace session files even when they were edited by hand.
    #[arg(long)]
    pub force: bool,
    /// How problems are printed: human, json (one object a line, with the sheet and cell of a
    /// workbook's problem) or github (annotations).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// What `export` can write.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write a week's sessions as a spreadsheet (.xlsx or .csv) that `import sessions` reads back.
    Sessions(ExportSessionsArgs),
}

/// Options for `export sessions`.
#[derive(Debug, Args)]
pub struct ExportSessionsArgs {
    /// The spreadsheet to write (.xlsx or .csv).
    pub file: PathBuf,
    /// The week to export: its folder under sessions/.
    #[arg(long, value_name = "SLUG")]
    pub week: String,
    /// The site folder (default: the current folder).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

/// Options for `import oruk`.
#[derive(Debug, Args)]
pub struct ImportOrukArgs {
    /// The ORUK JSON file, or the address of a live ORUK API (https://.../api/v3, or its
    /// /services), which is read page by page with every service in full.
    #[arg(value_name = "FILE|URL")]
    pub source: String,
    /// The site folder (default: the current folder).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Replace service files even when they were edited by hand.
    #[arg(long)]
    pub force: bool,
    /// Read a feed over plain http (a council's internal network); https only otherwise.
    #[arg(long)]
    pub allow_http: bool,
    /// The longest a feed may take to answer one request, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
    /// How problems are printed: human, json (one object a line) or github (annotations).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Options shared by every command that reads a site.
#[derive(Debug, Args, Clone)]
pub struct SiteArgs {
    /// The site folder (default: the current folder).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// The moment the site describes: 2024-03-05T10:00:00Z or seconds since 1970
    /// (default: SOURCE_DATE_EPOCH, else the clock).
    #[arg(long, value_name = "TIMESTAMP")]
    pub now: Option<String>,
    /// Use this public address instead of base_url in hubsite.toml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include pages marked `draft = true`.
    #[arg(long)]
    pub drafts: bool,
}

/// How `build` and `check` print what they found.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// human: `path:line:column: message` with hints; json: one JSON object per line (file,
    /// line, column, end_line, end_column, severity, message, hint) for editors and CI;
    /// github: GitHub Actions annotations, shown on the lines of a pull request.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Do not print warnings (problems are always printed).
    #[arg(long)]
    pub quiet: bool,
}

/// Ways of printing problems and warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people.
    Human,
    /// JSON Lines.
    Json,
    /// GitHub Actions workflow commands.
    Github,
}

/// Options for `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site to check.
    #[command(flatten)]
    pub site: SiteArgs,
    /// How to print what was found.
    #[command(flatten)]
    pub report: ReportArgs,
}

/// Options for `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site to build.
    #[command(flatten)]
    pub site: SiteArgs,
    /// Write here instead of output_dir in hubsite.toml.
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// How to print what was found.
    #[command(flatten)]
    pub report: ReportArgs,
}

/// Options for `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site to serve.
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port to listen on.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; only this computer by default.
    #[arg(long, default_value = "127.0.0.1")]
    pub interface: IpAddr,
    /// Open the site in the default browser once it is served.
    #[arg(long)]
    pub open: bool,
}
