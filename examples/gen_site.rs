//! Writes a large site for benchmarks: the example site's configuration, topics, practice
//! weeks and directory of services, a home page, and N generated guides in shelves (sections)
//! of 100, each linking to its neighbour and tagged with a topic. The shelves sit in ten parts (`content/library/part-K/`,
//! sections themselves), so that at 10,000 pages a part holds ten shelves, 1,000 pages.
//!
//! Usage: `cargo run --example gen_site -- DIR PAGES`

use std::fs;
use std::path::{Path, PathBuf};

const TOPICS: [&str; 6] = [
    "parental-conflict",
    "separation",
    "co-parenting",
    "money-worries",
    "wellbeing",
    "becoming-parents",
];
const PER_SECTION: usize = 100;
/// How many parts the shelves are shared among.
const PARTS: usize = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(pages)) = (args.next(), args.next()) else {
        return Err("usage: gen_site DIR PAGES".into());
    };
    let dir = PathBuf::from(dir);
    let pages: usize = pages.parse()?;
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    copy_tree(&repo.join("sessions"), &dir.join("sessions"))?;
    fs::create_dir_all(dir.join("content"))?;
    fs::copy(repo.join("hubsite.toml"), dir.join("hubsite.toml"))?;
    // The example site's directory of services, for `bench_serve service`.
    copy_tree(
        &repo.join("content/directory"),
        &dir.join("content/directory"),
    )?;
    fs::copy(
        repo.join("content/topics.toml"),
        dir.join("content/topics.toml"),
    )?;
    fs::write(
        dir.join("content/_index.md"),
        "+++\ntitle = \"Generated Hub\"\n+++\nA large site for benchmarks.\n",
    )?;
    let library = dir.join("content/library");
    fs::create_dir_all(&library)?;
    fs::write(
        library.join("_index.md"),
        "+++\ntitle = \"Library\"\nsummary = \"Generated guides.\"\n+++\nEvery generated guide.\n",
    )?;
    let shelves = pages.div_ceil(PER_SECTION);
    let per_part = shelves.div_ceil(PARTS).max(1);
    for part in 0..shelves.div_ceil(per_part) {
        let folder = library.join(format!("part-{part}"));
        fs::create_dir_all(&folder)?;
        let index = format!(
            "+++\ntitle = \"Part {part}\"\nsummary = \"Shelves of part {part}.\"\n+++\nPart {part}.\n"
        );
        fs::write(folder.join("_index.md"), index)?;
    }
    for section in 0..shelves {
        let folder = library
            .join(format!("part-{}", section / per_part))
            .join(format!("s{section:03}"));
        fs::create_dir_all(&folder)?;
        let index = format!(
            "+++\ntitle = \"Shelf {section}\"\nsummary = \"Guides on shelf {section}.\"\n+++\nShelf {section}.\n"
        );
        fs::write(folder.join("_index.md"), index)?;
        let count = PER_SECTION.min(pages - section * PER_SECTION);
        for page in 0..count {
            fs::write(
                folder.join(format!("p{page:03}.md")),
                page_text(section, page, count),
            )?;
        }
    }
    println!("wrote {pages} generated pages into {}", dir.display());
    Ok(())
}

/// One generated page: front matter, a few paragraphs, a list, links to its neighbours.
pub fn page_text(section: usize, page: usize, count: usize) -> String {
    let topic = TOPICS[(section + page) % TOPICS.len()];
    let next = (page + 1) % count;
    let mut text = format!(
        "+++\ntitle = \"Guide {section}.{page}\"\nsummary = \"Generated guide {page} on shelf {section}.\"\n\
         topics = [\"{topic}\"]\naudience = [\"parents\"]\nweight = {page}\nlast_reviewed = 2026-10-19\n+++\n"
    );
    for paragraph in 0..4 {
        text.push_str(&format!(
            "## Part {paragraph}\n\nThis is paragraph {paragraph} of guide {page}. Talking calmly helps children \
             feel safe. Pick a quiet time, listen, and agree what to try next.\n\n- one thing\n- another thing\n\n"
        ));
    }
    text.push_str(&format!("Read [the next guide](p{next:03}.md).\n"));
    text
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
