//! Practice weeks for the generated site: N sessions, twenty to a week, one week a month
//! from January 2024, each session on a weekday of its week, online or in person.

use std::fmt::Write as _;
use std::path::Path;

use super::{Corpus, Rng, TOPICS, Translation, write};

/// Sessions in one practice week.
pub const PER_WEEK: usize = 20;

/// The folder (and slug) of week `w`.
pub fn week_slug(w: usize) -> String {
    format!("week-{w:03}")
}

/// The Monday that starts week `w`: the first Monday of month `w` from January 2024.
pub fn week_start(w: usize) -> jiff::civil::Date {
    let first = jiff::civil::date(2024, 1, 1) + jiff::Span::new().months(w as i64);
    let to_monday = (8 - first.weekday().to_monday_one_offset()) % 7;
    first + jiff::Span::new().days(i64::from(to_monday))
}

/// One session's facts, shared by the hubsite file and the Hugo page.
pub struct Session {
    pub week: usize,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub start: jiff::civil::DateTime,
    pub end: jiff::civil::DateTime,
    pub online: bool,
    pub topic: usize,
}

/// Session `i` of `count`, deterministic from the seed.
pub fn session(corpus: &Corpus, seed: u64, i: usize) -> Session {
    let mut rng = Rng(seed ^ 0x5E55_1000 ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let topic = rng.below(TOPICS.len());
    let day = week_start(i / PER_WEEK) + jiff::Span::new().days(rng.below(5) as i64);
    let hour = 9 + rng.below(8) as i8;
    let start = day.at(hour, if rng.below(2) == 0 { 0 } else { 30 }, 0, 0);
    let end = start + jiff::Span::new().minutes(60 + 30 * rng.below(3) as i64);
    let count = 3 + rng.below(3);
    let title = format!("{} {i}", corpus.words(&mut rng, &[topic], count));
    let summary = format!("{}.", corpus.words(&mut rng, &[topic], 14));
    let description = (0..3)
        .map(|_| format!("{}.", corpus.words(&mut rng, &[topic], 40)))
        .collect::<Vec<_>>()
        .join("\n\n");
    Session {
        week: i / PER_WEEK,
        slug: format!("session-{i:05}"),
        title,
        summary,
        description,
        start,
        end,
        online: rng.below(2) == 0,
        topic,
    }
}

/// Writes `count` sessions into `out/sessions/`, with their text in each of `translations`.
pub fn generate(
    out: &Path,
    corpus: &Corpus,
    translations: &[Translation],
    count: usize,
    seed: u64,
) {
    for w in 0..count.div_ceil(PER_WEEK) {
        let start = week_start(w);
        let end = start + jiff::Span::new().days(4);
        let mut week = format!(
            "name = \"Relationships Matter week {w}\"\nstart_date = {start}\nend_date = {end}\n\
             summary = \"Generated practice week {w}.\"\naudience = [\"parents\", \"practitioners\"]\n\n\
             [booking]\nurl_template = \"https://example.org/book?session={{slug}}\"\n"
        );
        for t in translations {
            let c = &t.corpus;
            week.push_str(&t.table(
                "",
                &[
                    (
                        "name",
                        &format!("{} {w}", c.text("Relationships Matter week")),
                    ),
                    (
                        "summary",
                        &format!("{} {w}.", c.text("Generated practice week")),
                    ),
                ],
            ));
        }
        write(
            out.join("sessions").join(week_slug(w)).join("week.toml"),
            &week,
        );
    }
    for i in 0..count {
        let s = session(corpus, seed, i);
        let mut text = String::new();
        let _ = writeln!(text, "title = \"{}\"\nsummary = \"{}\"", s.title, s.summary);
        let _ = writeln!(text, "description = \"\"\"\n{}\n\"\"\"", s.description);
        let _ = writeln!(text, "start = {}\nend = {}", s.start, s.end);
        let _ = writeln!(
            text,
            "format = \"{}\"",
            if s.online { "online" } else { "in-person" }
        );
        let _ = writeln!(
            text,
            "audience = [\"parents\"]\ntopics = [\"{}\"]",
            TOPICS[s.topic].0
        );
        if s.online {
            text.push_str("\n[online]\nplatform = \"Microsoft Teams\"\n");
        } else {
            text.push_str("\n[venue]\nname = \"Generated Family Hub\"\naddress = \"1 Example Road, London\"\npostcode = \"W5 2HL\"\n");
        }
        text.push_str(
            "\n[[hosts]]\nname = \"The family hub team\"\norganisation = \"Generated Council\"\n",
        );
        for t in translations {
            let s = session(&t.corpus, seed, i);
            text.push_str(&t.table(
                "",
                &[
                    ("title", &s.title),
                    ("summary", &s.summary),
                    ("description", &s.description),
                ],
            ));
        }
        write(
            out.join("sessions")
                .join(week_slug(s.week))
                .join(format!("{}.toml", s.slug)),
            &text,
        );
    }
}
