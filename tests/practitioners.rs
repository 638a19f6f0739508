//! The directory for practitioners (issue 22, items 2 to 4): the referral guide at
//! `/directory/for-practitioners/` in the site's words, services' referral routes and audience,
//! the family directory without practitioner-only services, pages marked for practitioners,
//! and feedback offered on finished sessions, the booklet and the guide. Tested against the
//! council site (hosted under /familyhub/), the one-service fixture and the example.

mod common;
mod pdf_tools;

use std::fs;
use std::path::Path;

use common::*;

const GUIDE: &str = "directory/for-practitioners/index.html";

/// The `<main>` of an output page.
fn main_of(root: &Path, path: &str) -> String {
    let html = read_output(root, path);
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    html[start..end].to_owned()
}

#[test]
fn the_guide_lists_every_service_with_its_referral_route_in_the_sites_words() {
    let site = scratch_copy("council");
    build(site.path()).expect("the council site builds");
    let guide = main_of(site.path(), GUIDE);
    for wording in [
        // Title, introduction and category words from hubsite.toml.
        "<h1>Making a referral in Northmoor</h1>",
        "For staff in schools, health and the council: where to send a family, and how.",
        "Talking therapy with a trained counsellor, for one person or a couple",
        // The pathway: level, category, service, under the site's folder.
        "<h3 id=\"level-specialist\">Specialist</h3>",
        "<a href=\"/familyhub/directory/family-intensive-support/\">Family Intensive Support Team</a> <span class=\"tag tag--plain\">By referral from practitioners</span>",
        // The practitioner-only service's route, field by field.
        "<dt>Who can refer</dt><dd>Any practitioner working with the family: schools, health visitors, GPs, social care.</dd>",
        "<a href=\"https://example.org/family-intensive-support/refer\">Referral form for Family Intensive Support Team</a>",
        "<a href=\"tel:01134960321\">0113 496 0321</a>",
        "<li>Any safety concerns, including domestic abuse</li>",
        "<dt>When they reply</dt><dd>We reply within five working days.</dd>",
        "<dt>Consent</dt><dd>The family&#39;s written consent is needed</dd>",
        // Feedback and the one 'report a change' mechanism.
        "<a href=\"https://example.org/feedback/referral-guide\">Give feedback</a>",
        "mailto:families@example.org?subject=Change%20to%20Making%20a%20referral%20in%20Northmoor",
    ] {
        assert!(guide.contains(wording), "missing `{wording}` in:\n{guide}");
    }
    for id in [
        "northmoor-family-centre",
        "northmoor-domestic-abuse-service",
        "couples-counselling",
        "family-intensive-support",
    ] {
        assert!(guide.contains(&format!("id=\"route-{id}\"")), "{id}");
    }
    // It lists a safety service, so it offers 'Get help now'.
    assert!(guide.contains("Get help now"));
    let service = main_of(site.path(), "directory/family-intensive-support/index.html");
    assert!(
        service.contains("<h2>For practitioners: how to refer</h2>"),
        "{service}"
    );
    assert!(service.contains("<span class=\"tag tag--plain\">For practitioners</span>"));
}

#[test]
fn the_family_directory_leaves_out_practitioner_only_services_unless_the_site_lists_them() {
    let site = scratch_copy("council");
    build(site.path()).unwrap();
    let name = "Family Intensive Support Team";
    for page in [
        "directory/index.html",
        "directory/a-z/index.html",
        "directory/level/specialist/index.html",
    ] {
        let html = main_of(site.path(), page);
        assert!(
            !html.contains(name),
            "{page} lists a practitioner-only service"
        );
    }
    // Its only categories have no family service, so they have no filter page, and its own
    // page names them without a link.
    assert!(
        !site
            .path()
            .join("public/directory/category/parenting-programme")
            .exists()
    );
    let service = main_of(site.path(), "directory/family-intensive-support/index.html");
    assert!(
        service.contains("<dd>Parenting programmes, Relationship support</dd>"),
        "{service}"
    );
    let home = read_output(site.path(), "index.html");
    assert!(home.contains("3 services near you"), "{home}");

    let config = fs::read_to_string(site.path().join("hubsite.toml")).unwrap();
    fs::write(
        site.path().join("hubsite.toml"),
        config.replace(
            "[directory.guide]",
            "[directory]\npractitioner_services = \"listed\"\n\n[directory.guide]",
        ),
    )
    .unwrap();
    build(site.path()).expect("listed builds");
    let listed = main_of(site.path(), "directory/index.html");
    assert!(listed.contains(name), "{listed}");
    assert!(listed.contains("<li>For practitioners</li>"), "{listed}");
    assert!(
        site.path()
            .join("public/directory/category/parenting-programme/index.html")
            .exists()
    );
}

#[test]
fn the_guide_never_puts_joint_work_under_domestic_abuse_support_and_warns_on_each() {
    let site = scratch_copy("council");
    // A mediation service that also (wrongly) calls itself domestic abuse support.
    fs::write(
        site.path().join("content/directory/mediation-and-support.toml"),
        "name = \"Mediation and support\"\norganisation = \"O\"\nsummary = \"S\"\nlevel = \"specialist\"\n\
         categories = [\"mediation\", \"domestic-abuse\"]\nsafety = false\naccess = [\"self-referral\"]\n\
         last_reviewed = 2026-10-01\n[cost]\nfree = true\n[contact]\nphone = \"0113 496 0555\"\n",
    )
    .unwrap();
    build(site.path()).unwrap();
    let guide = main_of(site.path(), GUIDE);
    let abuse = guide
        .split("<li><a href=\"#category-domestic-abuse\">")
        .nth(1)
        .and_then(|rest| rest.split("</ul>").next())
        .expect("a domestic abuse group in the pathway");
    assert!(
        abuse.contains("Northmoor Domestic Abuse Service"),
        "{abuse}"
    );
    assert!(!abuse.contains("Mediation and support"), "{abuse}");
    let which = guide
        .split("id=\"category-domestic-abuse\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap();
    assert!(!which.contains("Mediation and support"), "{which}");
    // Domestic abuse support comes first in 'which service when'.
    let first = guide.find("id=\"category-").unwrap();
    assert!(guide[first..].starts_with("id=\"category-domestic-abuse\""));
    // Every joint-work service's route names the safety service instead.
    for id in ["couples-counselling", "mediation-and-support"] {
        let route = guide
            .split(&format!("id=\"route-{id}\""))
            .nth(1)
            .and_then(|rest| rest.split("</section>").next())
            .unwrap();
        assert!(
            route.contains("<strong>Works with both partners together:</strong> not where there is domestic abuse. Refer to <a href=\"/familyhub/directory/northmoor-domestic-abuse-service/\">"),
            "{id}: {route}"
        );
    }
}

#[test]
fn bad_referral_routes_and_audiences_are_located_all_in_one_run() {
    let site = scratch_copy("council");
    fs::write(
        site.path().join("content/directory/bad-route.toml"),
        "name = \"B\"\norganisation = \"O\"\nsummary = \"S\"\nlevel = \"universal\"\n\
         categories = [\"helpline\"]\naccess = [\"self-referral\"]\nlast_reviewed = 2026-10-01\n\
         audience = \"parents\"\n[cost]\nfree = true\n[contact]\nphone = \"0113 496 0555\"\n\
         [referral_route]\nhow = \"Email us.\"\nemail = \"referrals at example.org\"\nform = \"forms.example.org\"\n",
    )
    .unwrap();
    fs::write(
        site.path().join("content/directory/no-way.toml"),
        "name = \"N\"\norganisation = \"O\"\nsummary = \"S\"\nlevel = \"universal\"\n\
         categories = [\"helpline\"]\naccess = [\"self-referral\"]\nlast_reviewed = 2026-10-01\n\
         [cost]\nfree = true\n[contact]\nphone = \"0113 496 0555\"\n\
         [referral_route]\nwho = \"Schools\"\nconsent = \"maybe\"\n",
    )
    .unwrap();
    // The guide's feedback address is checked too.
    let config = fs::read_to_string(site.path().join("hubsite.toml")).unwrap();
    fs::write(
        site.path().join("hubsite.toml"),
        config.replace(
            "https://example.org/feedback/referral-guide",
            "example.org/feedback",
        ),
    )
    .unwrap();
    let error = build(site.path()).expect_err("bad routes").to_string();
    for wording in [
        "content/directory/bad-route.toml:8:12: unknown variant `parents`, expected one of `families`, `practitioners`, `both`",
        "content/directory/no-way.toml:14:11: unknown variant `maybe`, expected one of `written`, `verbal`, `informed`",
        "hubsite.toml:",
        "`example.org/feedback` is not a web address",
    ] {
        assert!(error.contains(wording), "missing `{wording}` in:\n{error}");
    }
    // A file that reads is checked field by field: both shapes, at their places.
    fs::write(
        site.path().join("content/directory/bad-route.toml"),
        fs::read_to_string(site.path().join("content/directory/bad-route.toml"))
            .unwrap()
            .replace("audience = \"parents\"", "audience = \"practitioners\""),
    )
    .unwrap();
    fs::write(
        site.path().join("content/directory/no-way.toml"),
        fs::read_to_string(site.path().join("content/directory/no-way.toml"))
            .unwrap()
            .replace("consent = \"maybe\"", "consent = \"written\""),
    )
    .unwrap();
    let error = build(site.path()).expect_err("bad routes").to_string();
    for wording in [
        "content/directory/bad-route.toml:15:9: `referrals at example.org` is not an email address [E0303]",
        "content/directory/bad-route.toml:16:8: `forms.example.org` is not a web address starting with https:// [E0304]",
        "content/directory/no-way.toml:12:1: `[referral_route]` does not say how to refer",
    ] {
        assert!(error.contains(wording), "missing `{wording}` in:\n{error}");
    }
}

#[test]
fn a_directory_of_one_service_has_a_guide_in_the_themes_general_words() {
    let site = scratch_copy("one-service");
    build(site.path()).unwrap();
    let guide = read_output(site.path(), GUIDE);
    assert!(
        guide.contains("<h1>Referring a family: a guide for practitioners</h1>"),
        "{guide}"
    );
    for name in ["Ealing", "Relationships Matter"] {
        assert!(!guide.contains(name), "the default guide names {name}");
    }
    assert_eq!(guide.matches("class=\"guide__route\"").count(), 1);
    let directory = read_output(site.path(), "directory/index.html");
    assert!(directory.contains("href=\"/directory/for-practitioners/\""));
}

#[test]
fn a_section_lists_pages_for_practitioners_apart_and_marks_them() {
    let site = scratch_copy("council");
    build(site.path()).unwrap();
    let section = main_of(site.path(), "self-help/index.html");
    let families = section
        .find("<h2 id=\"for-families\">")
        .expect("families first");
    let practitioners = section
        .find("<h2 id=\"for-practitioners\">")
        .expect("then practitioners");
    assert!(families < practitioners);
    assert!(section.contains("<a href=\"#for-practitioners\">For practitioners</a> (1)"));
    let staff = section[practitioners..].split("</ul>").next().unwrap();
    assert!(staff.contains("Raising conflict between parents: notes for staff</a> <span class=\"tag tag--plain\">For practitioners</span>"), "{staff}");
    let page = main_of(
        site.path(),
        "self-help/raising-conflict-with-parents/index.html",
    );
    assert!(page.contains("<span class=\"tag tag--plain\">For practitioners</span>"));
    let parents = main_of(site.path(), "self-help/is-it-abuse/index.html");
    assert!(!parents.contains("For practitioners</span>"));
}

/// A week that finished before [`NOW`], with a feedback address, and two sessions: one with
/// its own.
fn add_finished_week(root: &Path) {
    let week = root.join("sessions/winter-2023");
    fs::create_dir_all(&week).unwrap();
    fs::write(
        week.join("week.toml"),
        "name = \"Winter week 2023\"\ntheme = \"Talking\"\nstart_date = 2023-12-04\nend_date = 2023-12-08\n\
         summary = \"S.\"\nfeedback_url = \"https://example.org/feedback/winter\"\n\
         [booking]\nemail = \"book@example.org\"\n[booklet]\npublished = true\n",
    )
    .unwrap();
    let session = |slug: &str, extra: &str| {
        fs::write(
            week.join(format!("{slug}.toml")),
            format!(
                "title = \"Session {slug}\"\nsummary = \"S.\"\nstart = 2023-12-05T10:00:00\nend = 2023-12-05T11:00:00\n\
                 format = \"online\"\naudience = [\"parents\"]\n{extra}[online]\nplatform = \"Teams\"\n"
            ),
        )
        .unwrap();
    };
    session("plain", "");
    session(
        "own",
        "feedback_url = \"https://example.org/feedback/own-session\"\n",
    );
}

#[test]
fn finished_sessions_and_the_booklet_offer_feedback() {
    let site = scratch_copy("council");
    add_finished_week(site.path());
    build(site.path()).expect("the finished week builds");
    let plain = main_of(site.path(), "sessions/winter-2023/plain/index.html");
    assert!(
        plain.contains("<a href=\"https://example.org/feedback/winter\">Tell us what you thought of Session plain</a>"),
        "{plain}"
    );
    let own = main_of(site.path(), "sessions/winter-2023/own/index.html");
    assert!(
        own.contains("<a href=\"https://example.org/feedback/own-session\">"),
        "{own}"
    );
    assert!(!own.contains("feedback/winter"), "the session's own wins");
    let booklet = main_of(site.path(), "sessions/winter-2023/booklet/index.html");
    assert!(
        booklet.contains("<h2 id=\"feedback\">Tell us what you thought</h2>"),
        "{booklet}"
    );
    assert!(booklet.contains("example.org/feedback/winter</p>"));
    assert!(booklet.contains("<svg"), "a QR code for print");
    // The printed booklet offers it too, with a QR code that scans to it.
    let pdf = fs::read(site.path().join("public/sessions/winter-2023/booklet.pdf")).unwrap();
    let text = pdf_tools::squeeze(&pdf_tools::poppler("pdftotext", &[], &pdf));
    assert!(text.contains("Tell us what you thought"), "{text}");
    assert!(text.contains("example.org/feedback/winter"), "{text}");
    assert!(
        pdf_tools::decoded_qr_codes(&pdf)
            .contains(&"https://example.org/feedback/winter".to_owned()),
        "the feedback QR code scans"
    );
    // A session that has not finished offers feedback only in its (hidden) finished step.
    let coming = read_output(
        site.path(),
        "sessions/spring-2027/dads-breakfast/index.html",
    );
    assert!(!coming.contains("Tell us what you thought"));
}

#[test]
fn the_oruk_export_carries_audience_and_referral_route() {
    let site = scratch_copy("council");
    build(site.path()).unwrap();
    let full = read_output(site.path(), "directory/oruk/services-full.json");
    let json: serde_json::Value = serde_json::from_str(&full).unwrap();
    let services = json["contents"].as_array().unwrap();
    let fis = services
        .iter()
        .find(|s| s["hubsite"]["id"] == "family-intensive-support")
        .unwrap();
    assert_eq!(fis["hubsite"]["audience"], "practitioners");
    assert_eq!(fis["hubsite"]["referral_route"]["consent"], "written");
    assert_eq!(
        fis["hubsite"]["referral_route"]["include"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let centre = services
        .iter()
        .find(|s| s["hubsite"]["id"] == "northmoor-family-centre")
        .unwrap();
    assert_eq!(centre["hubsite"]["audience"], "both");
    assert!(centre["hubsite"].get("referral_route").is_none());
}
