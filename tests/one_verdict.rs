//! One verdict (issue 17): `build`, `check` and `serve` run the same checks. Whatever `check`
//! calls an error fails `build` with the same report and leaves `public/` as it was; warnings
//! are printed by every command.

mod common;

use std::fs;
use std::process::Command;

use common::*;

/// A site whose only faults are ones that the output checks find: a template that links to a
/// page that does not exist (`minimal`), and materials that cannot be followed (`bad-materials`).
fn output_faults() -> Vec<(&'static str, tempfile::TempDir)> {
    let broken_template = scratch_copy("minimal");
    fs::create_dir_all(broken_template.path().join("templates")).unwrap();
    fs::write(
        broken_template.path().join("templates/section.html"),
        "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1><a href=\"/nowhere/\">x</a>{% endblock main %}",
    )
    .unwrap();
    vec![
        ("a template's dead link", broken_template),
        (
            "materials that cannot be followed",
            scratch_copy("bad-materials"),
        ),
    ]
}

#[test]
fn build_fails_on_everything_check_fails_on_and_leaves_public_as_it_was() {
    for (fault, site) in output_faults() {
        let public = site.path().join("public");
        fs::create_dir_all(&public).unwrap();
        fs::write(public.join(hubsite::write::MARKER_FILE), "").unwrap();
        fs::write(public.join("index.html"), "the last good build").unwrap();
        let checked = common::check(&options(site.path()))
            .expect_err(fault)
            .to_string();
        let built = build(site.path()).expect_err(fault).to_string();
        assert_eq!(
            built, checked,
            "{fault}: build and check report the same problems"
        );
        assert_eq!(
            fs::read_to_string(public.join("index.html")).unwrap(),
            "the last good build",
            "{fault}: a failed build left public/ alone"
        );
    }
}

#[test]
fn the_command_line_build_and_check_agree_and_exit_1() {
    for (fault, site) in output_faults() {
        let run = |command: &str| {
            Command::new(env!("CARGO_BIN_EXE_hubsite"))
                .args([command, "--root"])
                .arg(site.path())
                .args(["--now", NOW])
                .output()
                .unwrap()
        };
        let (built, checked) = (run("build"), run("check"));
        assert_eq!(built.status.code(), Some(1), "{fault}: build fails");
        assert_eq!(checked.status.code(), Some(1), "{fault}: check fails");
        let problems = |out: &std::process::Output| {
            let text = String::from_utf8_lossy(&out.stderr).into_owned();
            text.lines()
                .filter(|l| !l.starts_with("error:"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(problems(&built), problems(&checked), "{fault}");
    }
}

#[test]
fn directory_warnings_are_printed_by_build_too() {
    let site = scratch_copy("directory");
    let config = site.path().join("hubsite.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        format!("{text}\n[directory]\nstale_after_months = 1\n"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(["build", "--root"])
        .arg(site.path())
        .args(["--now", NOW])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: content/directory/"), "{stderr}");
    assert!(stderr.contains("more than 1 months ago"), "{stderr}");
}

#[test]
fn machines_read_the_same_problems_as_json_lines_and_github_annotations() {
    let site = scratch_copy("bad-materials");
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_hubsite"))
            .args(["check", "--format", format, "--root"])
            .arg(site.path())
            .args(["--now", NOW])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}: the check fails");
        String::from_utf8(out.stdout).unwrap()
    };
    let human = common::check(&options(site.path()))
        .unwrap_err()
        .to_string();
    let json = run("json");
    let objects: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert!(
        human.ends_with(&format!("{} problems found", objects.len())),
        "{human}\n{json}"
    );
    for object in &objects {
        let place = format!(
            "{}:{}:{}",
            object["file"].as_str().unwrap(),
            object["line"],
            object["column"]
        );
        assert!(human.contains(&place), "{place} is in the human report");
        assert_eq!(object["severity"], "error");
        assert!(object["hint"].is_string());
    }
    let github = run("github");
    assert_eq!(github.lines().count(), objects.len());
    assert!(
        github
            .lines()
            .all(|l| l.starts_with("::error file=") && l.contains(",line=") && l.contains("::"))
    );
}

/// Replaces `from` with `to` in the site's file `path`; the text must be there.
fn edit(site: &tempfile::TempDir, path: &str, from: &str, to: &str) {
    let file = site.path().join(path);
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{path} holds {from}");
    fs::write(&file, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn faults_in_six_files_of_four_kinds_are_reported_together_without_follow_ons() {
    let site = scratch_copy("council");
    // Settings: a language tag that is no language.
    edit(
        &site,
        "hubsite.toml",
        "languages = [\"en-GB\", \"cy\"]",
        "languages = [\"en-GB\", \"cy\", \"fr-XX-bogus\"]",
    );
    // A page: a misspelt field and a quoted number where a date is wanted.
    edit(
        &site,
        "content/self-help/is-it-abuse.md",
        "summary =",
        "sumary =",
    );
    // A week that ends before it starts: one error, not one per session.
    edit(
        &site,
        "sessions/spring-2027/week.toml",
        "end_date = 2027-04-02",
        "end_date = 2027-03-02",
    );
    // A session with five faults, all reported in the one run: two misspelt fields, a time
    // without its date, a number where a format is wanted and text where a number is.
    fs::write(
        site.path().join("sessions/autumn-2027/five-faults.toml"),
        "title = \"Five faults\"\nsumary = \"x\"\nstart = 2027-10-28T18:00:00\nend = \"7.30pm\"\nformat = 7\naudiance = [\"parents\"]\nrevision = \"two\"\n",
    )
    .unwrap();
    // A service: a bad postcode (its opening hours there are not also reported).
    edit(
        &site,
        "content/directory/northmoor-family-centre.toml",
        "postcode = \"LS1 4AP\"",
        "postcode = \"LS1 4A\"",
    );
    let text = fs::read_to_string(
        site.path()
            .join("content/directory/northmoor-family-centre.toml"),
    )
    .unwrap();
    fs::write(
        site.path().join("content/directory/northmoor-family-centre.toml"),
        format!("{text}\n[[schedule]]\ndays = [\"friday\"]\nopens = \"09:00\"\ncloses = \"12:00\"\nlocation = \"Canolfan Gymunedol Pen-y-bryn\"\n"),
    )
    .unwrap();
    // Topics: an unknown field.
    edit(
        &site,
        "content/topics.toml",
        "name = \"Loss and grief\"",
        "name = \"Loss and grief\"\ncolour = \"blue\"",
    );
    let report = common::check(&options(site.path()))
        .unwrap_err()
        .to_string();
    insta::assert_snapshot!(report);
}

#[test]
fn a_time_written_alone_is_answered_with_the_weeks_date() {
    let site = scratch_copy("council");
    fs::write(
        site.path().join("sessions/autumn-2027/evening.toml"),
        "title = \"Evening\"\nstart = \"7pm\"\nduration = \"1h\"\nformat = \"online\"\n",
    )
    .unwrap();
    let report = common::check(&options(site.path()))
        .unwrap_err()
        .to_string();
    assert!(
        report.contains("start = 2027-10-27T19:00:00 (the week runs from 2027-10-27 to 2027-11-02: check the day)"),
        "{report}"
    );
}
