//! Generates a deterministic hubsite site of N self-help style pages, for benchmarks (search
//! size, build speed): `cargo run --release --example gen_corpus -- --pages N --seed S --out DIR`.
//!
//! Each page has front matter (title, summary, topics, weight), about 650 words in ten `##`
//! sections with paragraphs, lists, a table and links to other generated pages. Words follow
//! a Zipf-like law: function words most often, then each page's topic words (so 'mediation'
//! is common on separation pages and rare elsewhere), then a long tail of made-up words, as
//! real text has. N/10 sessions spread over practice weeks (`sessions/<week>/`) and N/10
//! directory services (`content/directory/`) come with them (`--items M`: M of each instead;
//! `--items 0`, the pages alone, is the shape issue 23 measured Hugo's build time on). The same
//! pages and seed always give the same site, byte for byte.
//!
//! `--languages en-GB,cy,ar` makes a site in those languages (the first the default, written as
//! without the option): a translation of every Markdown page (`page.cy.md`: title, summary and
//! body), `[translations.<tag>]` for every week, session, service and topic, and the site's name,
//! so that each language has the same pages. A translation is the original's text with each word
//! replaced by a made-up word of the same length (its letters swapped for others, or for Arabic
//! letters for a tag starting `ar`, `ur`, `fa` or `ps`), the same word always by the same word: the same
//! sizes, the same structure, and words as often repeated. Without the option the site is the one
//! language site, byte for byte as before.
//!
//! `--hugo DIR` and `--zola DIR` also write the equivalent site for Hugo and for Zola, its search
//! index off (`scripts/bench-build`): the same Markdown pages (both read `+++` TOML front matter;
//! Zola's takes `description` and `[taxonomies]` for hubsite's `summary` and `topics`), one
//! Markdown page per session and per service, a `topics` taxonomy and minimal layouts (a base,
//! a page, a section list, the topics and each topic's pages).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "gen_corpus/directory.rs"]
mod directory;
#[path = "gen_corpus/programme.rs"]
mod programme;
#[path = "gen_corpus/twin.rs"]
mod twin;

use twin::Twin;

/// Pages per sub-section, so no section page lists thousands of links.
const PER_PART: usize = 500;
/// The file that marks a folder as made by this program.
const MARKER: &str = ".gen-corpus";
/// Made-up words in the long tail.
const TAIL: usize = 40_000;

const FUNCTION: &str = "the and to of a you in your is it for that with can be on are this if or not have they \
    we about when what how their at as from more some other our will do by all may us them there an one \
    so but these any who which also into out up just than then each both very often still only own";

/// Topics: slug, name, and the words a page on it uses most.
const TOPICS: &[(&str, &str, &str)] = &[
    (
        "separation",
        "Separating and divorce",
        "separation separating separated divorce mediation mediator mediators agreement arrangements court solicitor legal child maintenance contact home homes decisions ex-partner split ending break-up parenting plan",
    ),
    (
        "conflict",
        "Arguments and conflict",
        "argument arguments arguing conflict disagreement disagree row rows shouting calm calming repair sorry listening listen tension temper anger angry upset blame criticism resolve resolved",
    ),
    (
        "teenagers",
        "Teenagers",
        "teenager teenagers teen teens adolescent young people secondary school exams phone phones screen curfew friends independence moods rules boundaries trust respect homework",
    ),
    (
        "money",
        "Money worries",
        "money debt debts bills benefits budget budgeting cost costs rent council tax universal credit food bank energy savings income payments afford free advice",
    ),
    (
        "wellbeing",
        "Mental health and wellbeing",
        "wellbeing mental health anxiety anxious stress stressed low mood depression sleep tired counselling counsellor therapy therapist talking feelings support helpline",
    ),
    (
        "new-parents",
        "Becoming parents",
        "baby babies pregnancy pregnant birth newborn midwife health visitor feeding sleep crying postnatal antenatal partner parenthood nursery first weeks months",
    ),
    (
        "co-parenting",
        "Parenting apart",
        "co-parenting parenting apart handover handovers schedule weekends holidays contact messages communication consistency routines stepfamily grandparents both households",
    ),
    (
        "support",
        "Getting support",
        "support service services hub hubs family centre drop-in group groups course courses workshop webinar webinars session sessions booking book places free online in-person monday tuesday wednesday thursday friday saturday morning afternoon evening",
    ),
];

const HEADINGS: &[&str] = &[
    "What this means",
    "Why it matters",
    "Signs to look for",
    "What you can do",
    "Talking together",
    "When things are hard",
    "Looking after yourself",
    "Helping your children",
    "Where to get help",
    "Next steps",
    "Questions parents ask",
    "What other families say",
];

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Words with Zipf weights, sampled by binary search over the running totals.
struct Zipf {
    words: Vec<String>,
    totals: Vec<f64>,
}

impl Zipf {
    fn new(words: Vec<String>, exponent: f64) -> Zipf {
        let mut sum = 0.0;
        let totals = (0..words.len())
            .map(|rank| {
                sum += 1.0 / (rank as f64 + 2.7).powf(exponent);
                sum
            })
            .collect();
        Zipf { words, totals }
    }

    fn pick(&self, rng: &mut Rng) -> &str {
        let target = rng.unit() * self.totals.last().copied().unwrap_or(0.0);
        let i = self
            .totals
            .partition_point(|&t| t < target)
            .min(self.words.len() - 1);
        &self.words[i]
    }
}

/// A made-up word of two or more syllables: number `n` written in base 200, one syllable a digit.
fn made_up(n: usize) -> String {
    const ONSETS: &[&str] = &[
        "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cl",
        "dr", "gr", "pl", "st", "tr", "sh", "ch", "th",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou"];
    let base = ONSETS.len() * VOWELS.len();
    let mut n = n + base;
    let mut word = String::new();
    while n > 0 {
        let digit = n % base;
        word.push_str(ONSETS[digit / VOWELS.len()]);
        word.push_str(VOWELS[digit % VOWELS.len()]);
        n /= base;
    }
    word
}

struct Corpus {
    general: Zipf,
    topics: Vec<Zipf>,
    /// The script the words are written in: English as generated, or a translation.
    script: Script,
}

/// How a translation writes each generated word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    /// The generated English words as they are.
    Original,
    /// Letters swapped for other Latin letters (a Welsh page's stand-in).
    Latin,
    /// Each letter as an Arabic letter (right to left).
    Arabic,
}

impl Script {
    /// The script of a language tag's translation.
    fn of(tag: &str) -> Script {
        let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
        match primary.as_str() {
            "ar" | "ur" | "fa" | "ps" => Script::Arabic,
            _ => Script::Latin,
        }
    }

    /// `text` in this script: each letter for one letter (the same word always gives the same
    /// word), anything else kept.
    fn write(self, text: &str) -> String {
        const LATIN: &str = "ywdcofgnulbhrmpsqteaivxzjk";
        const ARABIC: &[char] = &[
            'ا', 'ب', 'ك', 'د', 'ع', 'ف', 'غ', 'ح', 'ي', 'ج', 'ق', 'ل', 'م', 'ن', 'و', 'ث', 'ص',
            'ر', 'س', 'ت', 'ؤ', 'ذ', 'ش', 'خ', 'ى', 'ز',
        ];
        if self == Script::Original {
            return text.to_owned();
        }
        text.chars()
            .map(|c| {
                let lower = c.to_ascii_lowercase();
                if !lower.is_ascii_lowercase() {
                    return c;
                }
                let i = usize::from(lower as u8 - b'a');
                match self {
                    Script::Arabic => ARABIC[i],
                    _ => {
                        let mapped = char::from(LATIN.as_bytes()[i]);
                        if c.is_ascii_uppercase() {
                            mapped.to_ascii_uppercase()
                        } else {
                            mapped
                        }
                    }
                }
            })
            .collect()
    }
}

impl Corpus {
    fn new() -> Corpus {
        Corpus::in_script(Script::Original)
    }

    /// The corpus whose words are written in `script` (the same words, so the same text).
    fn in_script(script: Script) -> Corpus {
        let mut general: Vec<String> = FUNCTION.split_whitespace().map(str::to_owned).collect();
        let mut seen: std::collections::BTreeSet<String> = general.iter().cloned().collect();
        general.extend((0..TAIL).map(made_up).filter(|w| seen.insert(w.clone())));
        let topics = TOPICS
            .iter()
            .map(|(_, _, words)| {
                Zipf::new(words.split_whitespace().map(str::to_owned).collect(), 0.8)
            })
            .collect();
        Corpus {
            general: Zipf::new(general, 1.0),
            topics,
            script,
        }
    }

    /// One word: mostly general text, one in six from one of the page's topics.
    fn word(&self, rng: &mut Rng, topics: &[usize]) -> String {
        if rng.below(6) == 0 {
            let topic = topics[rng.below(topics.len())];
            self.topics[topic].pick(rng).to_owned()
        } else {
            self.general.pick(rng).to_owned()
        }
    }

    fn words(&self, rng: &mut Rng, topics: &[usize], count: usize) -> String {
        let words: Vec<String> = (0..count).map(|_| self.word(rng, topics)).collect();
        capitalise(&self.script.write(&words.join(" ")))
    }

    /// Fixed text (a heading, a name) in this corpus's script.
    fn text(&self, text: &str) -> String {
        self.script.write(text)
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn page_path(i: usize) -> String {
    format!("self-help/part-{:02}/page-{i:05}.md", i / PER_PART)
}

fn page(corpus: &Corpus, rng: &mut Rng, i: usize, pages: usize) -> String {
    let mut topics = vec![rng.below(TOPICS.len())];
    if rng.below(2) == 0 {
        topics.push(rng.below(TOPICS.len()));
    }
    topics.dedup();
    let slugs: Vec<String> = topics
        .iter()
        .map(|&t| format!("\"{}\"", TOPICS[t].0))
        .collect();
    let mut out = String::new();
    let (title_words, summary_words) = (3 + rng.below(3), 12 + rng.below(8));
    let _ = writeln!(
        out,
        "+++\ntitle = \"{} {i}\"",
        corpus.words(rng, &topics, title_words)
    );
    let _ = writeln!(
        out,
        "summary = \"{}.\"",
        corpus.words(rng, &topics, summary_words)
    );
    if corpus.script == Script::Original {
        let _ = writeln!(out, "topics = [{}]\nweight = {i}\n+++", slugs.join(", "));
    } else {
        // A translation's front matter holds only its own text; the rest is the original's.
        out.push_str("+++\n");
    }
    for section in 0..10 {
        let heading = corpus.text(HEADINGS[(i + section) % HEADINGS.len()]);
        let _ = writeln!(out, "\n## {heading}\n");
        let _ = write!(out, "{}.", corpus.words(rng, &topics, 20));
        if section % 3 == 1 && pages > 1 {
            let other = (i + 1 + rng.below(pages - 1)) % pages;
            let link = relative(&page_path(i), &page_path(other));
            let read = corpus.text("Read");
            let _ = write!(out, " {read} [{}]({link}).", corpus.words(rng, &topics, 3));
        }
        let _ = writeln!(out, " {}.", corpus.words(rng, &topics, 20));
        match section % 4 {
            0 => {
                out.push('\n');
                for _ in 0..4 {
                    let _ = writeln!(out, "- {}", corpus.words(rng, &topics, 6));
                }
            }
            2 => {
                let _ = writeln!(out, "\n| What | When | Who |\n|---|---|---|");
                for _ in 0..3 {
                    let cells: Vec<String> =
                        (0..3).map(|_| corpus.words(rng, &topics, 2)).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
            }
            _ => {
                let _ = writeln!(out, "\n{}.", corpus.words(rng, &topics, 22));
            }
        }
    }
    out
}

/// A link from one content path to another, relative to the first one's folder.
fn relative(from: &str, to: &str) -> String {
    let from_dir = from.rsplit_once('/').map_or("", |(d, _)| d);
    let to_dir = to.rsplit_once('/').map_or("", |(d, _)| d);
    let file = to.rsplit('/').next().unwrap_or(to);
    if from_dir == to_dir {
        file.to_owned()
    } else {
        format!("../{}/{file}", to_dir.rsplit('/').next().unwrap_or(to_dir))
    }
}

fn write(path: PathBuf, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
    }
    fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// A language the site is translated into: its tag and its words.
pub struct Translation {
    tag: String,
    corpus: Corpus,
}

impl Translation {
    /// The `[translations.<tag>]` table (under `prefix`, e.g. `topic.`) with these text fields.
    fn table(&self, prefix: &str, fields: &[(&str, &str)]) -> String {
        let mut out = format!("\n[{prefix}translations.{}]\n", self.tag);
        for (field, value) in fields {
            if value.contains('\n') {
                let _ = writeln!(out, "{field} = \"\"\"\n{value}\n\"\"\"");
            } else {
                let _ = writeln!(out, "{field} = \"{value}\"");
            }
        }
        out
    }

    /// `path` (`dir/name.md`) as this translation's file, `dir/name.<tag>.md`.
    fn file(&self, path: &str) -> String {
        let stem = path.strip_suffix(".md").unwrap_or(path);
        format!("{stem}.{}.md", self.tag)
    }
}

fn generate(out: &Path, pages: usize, items: usize, seed: u64, languages: &[String]) {
    let corpus = Corpus::new();
    let translations: Vec<Translation> = languages
        .iter()
        .skip(1)
        .map(|tag| Translation {
            tag: tag.clone(),
            corpus: Corpus::in_script(Script::of(tag)),
        })
        .collect();
    let mut config =
        "title = \"Generated Hub\"\nbase_url = \"https://hub.example.org/\"\n".to_owned();
    if languages.len() > 1 {
        let tags: Vec<String> = languages.iter().map(|t| format!("\"{t}\"")).collect();
        let _ = writeln!(config, "languages = [{}]", tags.join(", "));
        for t in &translations {
            config.push_str(&t.table(
                "",
                &[
                    ("title", &t.corpus.text("Generated Hub")),
                    (
                        "description",
                        &t.corpus.text("A generated site for benchmarks."),
                    ),
                ],
            ));
        }
    }
    write(out.join("hubsite.toml"), &config);
    // A page and its translations: `text` writes the page in a corpus's words.
    let write_page = |path: &str, text: &dyn Fn(&Corpus) -> String| {
        write(out.join("content").join(path), &text(&corpus));
        for t in &translations {
            write(out.join("content").join(t.file(path)), &text(&t.corpus));
        }
    };
    write_page("_index.md", &|c| {
        format!(
            "+++\ntitle = \"{}\"\nsummary = \"{}\"\n+++\n{} [{}](self-help/_index.md).\n",
            c.text("Generated Hub"),
            c.text("A generated site for benchmarks."),
            c.text("See"),
            c.text("self-help"),
        )
    });
    let mut topics = String::new();
    for (slug, name, _) in TOPICS {
        let description = format!("About {}.", name.to_lowercase());
        let _ = writeln!(
            topics,
            "[[topic]]\nslug = \"{slug}\"\nname = \"{name}\"\ndescription = \"{description}\"\n",
        );
        for t in &translations {
            let table = t.table(
                "topic.",
                &[
                    ("name", &t.corpus.text(name)),
                    ("description", &t.corpus.text(&description)),
                ],
            );
            let _ = writeln!(topics, "{}", table.trim_start());
        }
    }
    write(out.join("content/topics.toml"), &topics);
    write_page("self-help/_index.md", &|c| {
        format!(
            "+++\ntitle = \"{}\"\nsummary = \"{}\"\n+++\n",
            c.text("Self-help"),
            c.text("Generated guides.")
        )
    });
    for part in 0..pages.div_ceil(PER_PART) {
        write_page(&format!("self-help/part-{part:02}/_index.md"), &|c| {
            format!(
                "+++\ntitle = \"{} {part}\"\nsummary = \"{} {part}.\"\n+++\n",
                c.text("Part"),
                c.text("Generated guides, part"),
            )
        });
    }
    for i in 0..pages {
        write_page(&page_path(i), &|c| {
            let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
            page(c, &mut rng, i, pages)
        });
    }
    programme::generate(out, &corpus, &translations, items, seed);
    directory::generate(out, &corpus, &translations, items, seed);
}

fn main() {
    let mut pages = 1000;
    let mut items = None;
    let mut seed = 1;
    let mut out = None;
    let mut hugo = None;
    let mut zola = None;
    let mut languages: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--pages" => pages = value.parse().expect("--pages takes a number"),
            "--items" => items = Some(value.parse().expect("--items takes a number")),
            "--seed" => seed = value.parse().expect("--seed takes a number"),
            "--out" => out = Some(PathBuf::from(value)),
            "--hugo" => hugo = Some(PathBuf::from(value)),
            "--zola" => zola = Some(PathBuf::from(value)),
            "--languages" => {
                languages = value.split(',').map(|t| t.trim().to_owned()).collect();
                languages.retain(|t| !t.is_empty());
            }
            other => {
                panic!(
                    "unknown argument {other}; use --pages N [--items M] --seed S --out DIR \
                     [--hugo DIR] [--zola DIR] [--languages en-GB,cy,ar]"
                )
            }
        }
    }
    let out = out.expect("--out DIR is required");
    let items = items.unwrap_or(pages / 10);
    clear(&out);
    generate(&out, pages, items, seed, &languages);
    write(out.join(MARKER), "made by gen_corpus\n");
    println!(
        "wrote {pages} pages, {items} sessions and {items} services into {}",
        out.display()
    );
    if languages.len() > 1 {
        println!(
            "in {} languages ({}), each page and item translated",
            languages.len(),
            languages.join(", ")
        );
    }
    for (dir, twin, name) in [(hugo, Twin::Hugo, "Hugo"), (zola, Twin::Zola, "Zola")] {
        if let Some(dir) = dir {
            clear(&dir);
            twin.generate(&out, &dir, items, seed);
            write(dir.join(MARKER), "made by gen_corpus\n");
            println!("wrote the equivalent {name} site into {}", dir.display());
        }
    }
}

/// Empties `dir`, but only a folder this program made (it leaves a marker) is ever cleared.
fn clear(dir: &Path) {
    if dir.join(MARKER).exists() {
        fs::remove_dir_all(dir).unwrap_or_else(|e| panic!("cannot clear {}: {e}", dir.display()));
    } else if fs::read_dir(dir)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false)
    {
        panic!(
            "{} is not empty and was not made by gen_corpus; choose another folder",
            dir.display()
        );
    }
}
