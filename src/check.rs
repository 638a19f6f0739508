//! `hubsite check`: a build without writing, plus checks over the rendered output that a build
//! does not need to pass (links the templates make to pages that do not exist), and warnings
//! that never fail it (stale or unreachable directory entries, see [`directory`]).

pub mod directory;

use crate::diag::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::model::material_checks;
use crate::output::links::{PageLink, page_links, resolves};
use crate::output::{Contents, Output};
use crate::pipeline::{BuildOptions, Stage, build_inspecting};

/// What a successful check found: pages checked, and warnings that do not fail it.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// HTML pages checked.
    pub pages: usize,
    /// Things to look at that do not stop a build.
    pub warnings: Diagnostics,
}

/// Builds in memory and reports every problem found.
pub fn check_site(options: &BuildOptions) -> Result<usize, Error> {
    check_site_with_warnings(options).map(|report| report.pages)
}

/// Builds in memory; fails on every problem found, and gathers warnings otherwise.
pub fn check_site_with_warnings(options: &BuildOptions) -> Result<CheckReport, Error> {
    let (built, (materials, warnings)) =
        build_inspecting(options, &|_: Stage| {}, |site, output| {
            let config = &site.sources.config;
            let today = config.time_zone.to_datetime(options.now).date();
            let stale_after = config.directory.stale_after_months;
            (
                material_checks::check_materials(site),
                directory::directory_warnings(&site.services, today, stale_after, output),
            )
        })?;
    let mut problems = check_output_links(&built.output);
    problems.extend(materials);
    let pages = problems
        .into_result(built.output.page_count)
        .map_err(Error::Content)?;
    let mut all_warnings = built.warnings;
    all_warnings.extend(warnings);
    Ok(CheckReport {
        pages,
        warnings: all_warnings.sorted(),
    })
}

/// Links in generated HTML that lead to no published file.
pub fn check_output_links(output: &Output) -> Diagnostics {
    let mut problems = Diagnostics::default();
    for file in output.files.iter().filter(|f| f.path.ends_with(".html")) {
        let Contents::Bytes(bytes) = &file.contents else {
            continue;
        };
        let html = String::from_utf8_lossy(bytes);
        for link in page_links(&html, &output.urls) {
            match link {
                PageLink::Site(path) if !resolves(output, path) => problems.push(
                    Diagnostic::file(format!("public/{}", file.path), format!("links to {path}, which is not published"))
                        .hint("fix the template or content that makes this link"),
                ),
                PageLink::Site(_) => {}
                PageLink::Outside(href) => problems.push(
                    Diagnostic::file(
                        format!("public/{}", file.path),
                        format!("links to {href}, outside {}/ where the site is published", output.urls.base_path()),
                    )
                    .hint("write links as site paths (/self-help/) and let the build add the folder; to link elsewhere on the host, give the full address"),
                ),
            }
        }
    }
    problems
}
