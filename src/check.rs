//! `hubsite check`: a build without writing, plus checks over the rendered output that a build
//! does not need to pass (links the templates make to pages that do not exist).

use crate::diag::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::output::links::{resolves, site_paths_in_html};
use crate::output::{Contents, Output};
use crate::pipeline::{BuildOptions, Stage, build};

/// Builds in memory and reports every problem found.
pub fn check_site(options: &BuildOptions) -> Result<usize, Error> {
    let built = build(options, &|_: Stage| {})?;
    let mut problems = check_output_links(&built.output);
    problems.extend(check_site_materials(options)?);
    problems.into_result(built.output.page_count).map_err(Error::Content)
}

/// Follow-on materials and resources without a usable address, and duplicates. The build has
/// already loaded the site without error; loading it again here keeps `build` unchanged.
fn check_site_materials(options: &BuildOptions) -> Result<Diagnostics, Error> {
    let sources = crate::load::load_site(&options.root, &options.load)?;
    let model = crate::model::ModelOptions { drafts: options.drafts, now: options.now };
    let site = crate::model::build_site(&sources, &model)?;
    Ok(crate::model::material_checks::check_materials(&site))
}

/// Links in generated HTML that lead to no published file.
pub fn check_output_links(output: &Output) -> Diagnostics {
    let mut problems = Diagnostics::default();
    for file in output.files.iter().filter(|f| f.path.ends_with(".html")) {
        let Contents::Bytes(bytes) = &file.contents else { continue };
        let html = String::from_utf8_lossy(bytes);
        for path in site_paths_in_html(&html) {
            if !resolves(output, path) {
                problems.push(
                    Diagnostic::file(format!("public/{}", file.path), format!("links to {path}, which is not published"))
                        .hint("fix the template or content that makes this link"),
                );
            }
        }
    }
    problems
}
