//! Directory services for the generated site (`content/directory/<id>.toml`).

use std::fmt::Write as _;
use std::path::Path;

use super::{Corpus, Rng, TOPICS, Translation, write};

/// One service's facts, shared by the hubsite file and the Hugo page.
pub struct Service {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub topic: usize,
}

/// Service `i`, deterministic from the seed.
pub fn service(corpus: &Corpus, seed: u64, i: usize) -> Service {
    let mut rng = Rng(seed ^ 0xD1EC_7000 ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let topic = rng.below(TOPICS.len());
    let count = 2 + rng.below(2);
    let name = format!(
        "{} {} {i}",
        corpus.words(&mut rng, &[topic], count),
        corpus.text("service")
    );
    let summary = format!("{}.", corpus.words(&mut rng, &[topic], 14));
    let description = (0..2)
        .map(|_| format!("{}.", corpus.words(&mut rng, &[topic], 40)))
        .collect::<Vec<_>>()
        .join("\n\n");
    Service {
        id: format!("service-{i:05}"),
        name,
        summary,
        description,
        topic,
    }
}

/// Writes `count` services into `out/content/directory/`, with their text in each of
/// `translations`.
pub fn generate(
    out: &Path,
    corpus: &Corpus,
    translations: &[Translation],
    count: usize,
    seed: u64,
) {
    for i in 0..count {
        let s = service(corpus, seed, i);
        let mut text = String::new();
        let _ = writeln!(
            text,
            "name = \"{}\"\norganisation = \"Generated Council\"\nsummary = \"{}\"",
            s.name, s.summary
        );
        let _ = writeln!(text, "description = \"\"\"\n{}\n\"\"\"", s.description);
        let _ = writeln!(
            text,
            "level = \"universal\"\ncategories = [\"drop-in\"]\ntopics = [\"{}\"]",
            TOPICS[s.topic].0
        );
        let _ = writeln!(
            text,
            "access = [\"drop-in\", \"self-referral\"]\nlast_reviewed = 2026-10-12"
        );
        let _ = writeln!(
            text,
            "\n[cost]\nfree = true\n\n[contact]\nphone = \"01632 960{:03}\"",
            i % 1000
        );
        let _ = writeln!(
            text,
            "\n[[schedule]]\ndays = [\"monday\", \"wednesday\"]\nopens = \"09:00\"\ncloses = \"12:00\""
        );
        for t in translations {
            let s = service(&t.corpus, seed, i);
            text.push_str(&t.table(
                "",
                &[
                    ("name", &s.name),
                    ("summary", &s.summary),
                    ("description", &s.description),
                ],
            ));
        }
        write(
            out.join("content/directory").join(format!("{}.toml", s.id)),
            &text,
        );
    }
}
