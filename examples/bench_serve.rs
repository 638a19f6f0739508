//! Edit-to-served time for `hubsite serve` on a generated site: starts the real watcher and
//! the rebuild machinery, edits one page again and again, and reports the time from just
//! before the file is written to the rebuilt output being published (what a browser is then
//! served), with the debounce included.
//!
//! Usage: `cargo run --release --example bench_serve -- DIR [EDITS] [text|title|part|section] [FILE]`
//! (DIR from gen_site): `text` (the default) edits a paragraph, which `serve` applies to the
//! last build; `title` edits the page's title, which its section list, topic page and related
//! lists show; `part` edits the title of one of the library's ten parts
//! (`content/library/part-0/_index.md`, 1,000 pages below it at 10,000 pages), which every page
//! below it shows (breadcrumbs) and every one of their search records holds; `section` edits
//! the title of the top section (`content/library/_index.md`), which every generated page
//! shows: the stress case. FILE (under
//! DIR) names another file to edit (`content/self-help/_index.md` on a site from gen_corpus; a
//! page without gen_site's paragraph gains a last paragraph in a text edit).
//!
//! Template and style edits (the site gets an override, a copy of the theme's file, before
//! the first build; it is removed at the end): `template-one` edits `templates/session.html`,
//! which only the practice weeks' session pages use; `template-shared` edits
//! `templates/partials/footer.html`, which every page includes; `style` edits
//! `static/css/site.css`.
//!
//! Data edits: `session` edits the title of a session of the 2027 week
//! (`sessions/2027/family-morning.toml`), `session-time` its start (a minute later each time),
//! `service` the name of a directory service (`content/directory/parenting-drop-in.toml`),
//! `topic` the name of the first topic in `content/topics.toml`.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use hubsite::load::LoadOptions;
use hubsite::pipeline::BuildOptions;
use hubsite::serve::LiveSite;
use hubsite::serve::watch::SiteWatcher;

// The allocator `hubsite` itself uses (src/main.rs), so that times are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What each edit changes.
#[derive(Clone, Copy)]
enum Edit {
    /// A paragraph of a page.
    Text,
    /// A page's title.
    Title,
    /// A part's title (a section a tenth of the pages sit in), in its `_index.md`.
    Part,
    /// A section's title, in its `_index.md`.
    Section,
    /// A template only session pages use (an override of the theme's `session.html`).
    TemplateOne,
    /// A partial every page includes (an override of the theme's footer).
    TemplateShared,
    /// The style sheet (an override of the theme's `css/site.css`).
    Style,
    /// A session's title (`sessions/2027/family-morning.toml`).
    Session,
    /// A session's start time, a minute later each edit (the same session).
    SessionTime,
    /// A directory service's name (`content/directory/parenting-drop-in.toml`).
    Service,
    /// A topic's name in `content/topics.toml` (the first topic).
    Topic,
}

impl Edit {
    /// The theme's file a template or style edit overrides (under `themes/hub/` and the site).
    fn overrides(self) -> Option<&'static str> {
        match self {
            Edit::TemplateOne => Some("templates/session.html"),
            Edit::TemplateShared => Some("templates/partials/footer.html"),
            Edit::Style => Some("static/css/site.css"),
            Edit::Text
            | Edit::Title
            | Edit::Part
            | Edit::Section
            | Edit::Session
            | Edit::SessionTime
            | Edit::Service
            | Edit::Topic => None,
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let root =
        PathBuf::from(args.next().ok_or("usage: bench_serve DIR [EDITS]")?).canonicalize()?;
    let edits: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(10);
    let kind = match args.next().as_deref() {
        None | Some("text") => Edit::Text,
        Some("title") => Edit::Title,
        Some("part") => Edit::Part,
        Some("section") => Edit::Section,
        Some("template-one") => Edit::TemplateOne,
        Some("template-shared") => Edit::TemplateShared,
        Some("style") => Edit::Style,
        Some("session") => Edit::Session,
        Some("session-time") => Edit::SessionTime,
        Some("service") => Edit::Service,
        Some("topic") => Edit::Topic,
        Some(other) => {
            return Err(format!(
                "unknown kind of edit {other:?}: text, title, part, section, template-one, template-shared, style, session, session-time, service or topic"
            )
            .into());
        }
    };
    if let Some(file) = kind.overrides() {
        let theme = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("themes/hub");
        let copy = root.join(file);
        fs::create_dir_all(copy.parent().ok_or("a folder")?)?;
        fs::copy(theme.join(file), copy)?;
    }
    let options = BuildOptions {
        root: root.clone(),
        load: LoadOptions::default(),
        drafts: false,
        now: hubsite::model::time::parse_now("2026-11-01T09:00:00Z")?,
    };
    let started = Instant::now();
    let mut live = LiveSite::start(options);
    println!("first build: {} ms", started.elapsed().as_millis());
    let mut watcher = SiteWatcher::new(&root)?;
    let page = root.join(args.next().as_deref().unwrap_or(match kind {
        Edit::Section => "content/library/_index.md",
        Edit::Part => "content/library/part-0/_index.md",
        Edit::Text | Edit::Title => "content/library/part-0/s000/p001.md",
        Edit::Session | Edit::SessionTime => "sessions/2027/family-morning.toml",
        Edit::Service => "content/directory/parenting-drop-in.toml",
        Edit::Topic => "content/topics.toml",
        Edit::TemplateOne | Edit::TemplateShared | Edit::Style => {
            kind.overrides().unwrap_or_default()
        }
    }));
    let original = fs::read_to_string(&page)?;
    let mut times = Vec::new();
    for edit in 0..edits {
        let text = match kind {
            Edit::Text if original.contains("This is paragraph 0") => original.replace(
                "This is paragraph 0",
                &format!("This is edit {edit}, paragraph 0"),
            ),
            // A page without gen_site's paragraph (gen_corpus's): a last paragraph added.
            Edit::Text => format!("{original}\nThis is edit {edit}.\n"),
            Edit::Title | Edit::Part | Edit::Section => {
                original.replacen("title = \"", &format!("title = \"Edit {edit} of "), 1)
            }
            Edit::TemplateOne => original.replacen(
                "{% block head %}",
                &format!("{{% block head %}}<!-- edit {edit} -->"),
                1,
            ),
            Edit::TemplateShared => original.replacen(
                "<div class=\"wrap\">",
                &format!("<div class=\"wrap\" data-edit=\"{edit}\">"),
                1,
            ),
            Edit::Style => format!("{original}\n/* edit {edit} */\n"),
            Edit::Session => {
                original.replacen("title = \"", &format!("title = \"Edit {edit} of "), 1)
            }
            // 10:00 becomes 10:01, 10:02, ... (the end stays at 12:00).
            Edit::SessionTime => original.replacen(
                "start = 2027-03-28T10:00:00",
                &format!("start = 2027-03-28T10:{:02}:00", edit % 59 + 1),
                1,
            ),
            Edit::Service | Edit::Topic => {
                original.replacen("name = \"", &format!("name = \"Edit {edit} of "), 1)
            }
        };
        let saved = Instant::now();
        fs::write(&page, text)?;
        let batch = watcher
            .next_batch(Duration::from_secs(30))
            .ok_or("the watcher saw no change")?;
        let snapshot = live.update(&batch);
        if snapshot.errors.is_some() {
            return Err("the rebuild failed".into());
        }
        times.push(saved.elapsed());
    }
    fs::write(&page, original)?;
    if kind.overrides().is_some() {
        fs::remove_file(&page)?;
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    // In order: the first edit of a kind may do what the next ones find done (a splice's
    // first proofs of where each page's piece is).
    let each: Vec<String> = times.iter().map(|t| format!("{:.1}", ms(*t))).collect();
    println!("each edit, in order (ms): {}", each.join(", "));
    times.sort();
    println!(
        "edit to served over {edits} one-page {} edits: median {:.1} ms, fastest {:.1} ms, slowest {:.1} ms",
        match kind {
            Edit::Text => "text",
            Edit::Title => "title",
            Edit::Part => "part title",
            Edit::Section => "section title",
            Edit::TemplateOne => "session template",
            Edit::TemplateShared => "shared partial",
            Edit::Style => "style sheet",
            Edit::Session => "session title",
            Edit::SessionTime => "session time",
            Edit::Service => "service name",
            Edit::Topic => "topic name",
        },
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
    // Which way the last edit was rebuilt: a shortcut's name, or `Full` (the whole pipeline).
    println!("rebuilt by: {:?}", live.last_rebuild());
    Ok(())
}
