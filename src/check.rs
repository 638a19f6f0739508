//! Stage 5, the verdict: checks over the model and the finished output that every command
//! runs (`build`, `check` and `serve` agree, so anything `check` calls an error also fails a
//! build and shows in `serve`'s banner). Errors: links the templates make to pages that do not
//! exist or that leave the site's folder, and follow-on materials or resources that cannot be
//! followed. Warnings, which never fail a build: directory entries to review (see
//! [`directory`]) and sensitive pages that list no safety service (see [`safety`]).

pub mod directory;
pub mod safety;

use jiff::Timestamp;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Site, material_checks};
use crate::output::links::{PageLink, page_links, resolves};
use crate::output::{Contents, Output};

/// What the verdict found: problems that stop a build, and warnings that do not.
#[derive(Debug, Default)]
pub struct Verdict {
    /// Problems: the build fails and `public/` is left as it was.
    pub problems: Diagnostics,
    /// Things worth a word.
    pub warnings: Diagnostics,
}

/// Every check over the model and the output of a build at `now`.
pub fn verify(site: &Site, output: &Output, now: Timestamp) -> Verdict {
    let config = &site.sources.config;
    let today = config.time_zone.to_datetime(now).date();
    let stale_after = config.directory.stale_after_months;
    let mut problems = check_output_links(output);
    problems.extend(material_checks::check_materials(site));
    let mut warnings = directory::directory_warnings(&site.services, today, stale_after, output);
    warnings.extend(safety::safety_warnings(site));
    Verdict { problems, warnings }
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
                    Diagnostic::file(format!("public/{}", file.path), format!("links to {path}, which is not published")).code(Code::DeadLink)
                        .hint("fix the template or content that makes this link"),
                ),
                PageLink::Site(_) => {}
                PageLink::Outside(href) => problems.push(
                    Diagnostic::file(
                        format!("public/{}", file.path),
                        format!("links to {href}, outside {}/ where the site is published", output.urls.base_path()),
                    ).code(Code::LinkOutsideFolder)
                    .hint("write links as site paths (/self-help/) and let the build add the folder; to link elsewhere on the host, give the full address"),
                ),
            }
        }
    }
    problems
}
