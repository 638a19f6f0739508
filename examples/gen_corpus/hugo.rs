//! The equivalent site for Hugo: the same Markdown pages, one page per session and per
//! service, a `topics` taxonomy and minimal layouts, so both generators do the same work:
//! parse front matter, render Markdown, list sections and topics, write HTML.

use std::fs;
use std::path::Path;

use super::{Corpus, TOPICS, directory, programme, write};

const CONFIG: &str = "baseURL = \"https://hub.example.org/\"\ntitle = \"Generated Hub\"\nlanguageCode = \"en-gb\"\n\
    disableKinds = []\n[taxonomies]\ntopic = \"topics\"\n";

const BASEOF: &str = "<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{{ .Title }} - {{ .Site.Title }}</title>\
    <link rel=\"stylesheet\" href=\"/css/site.css\"></head>\n<body><header><a href=\"/\">{{ .Site.Title }}</a></header>\n\
    <main>{{ block \"main\" . }}{{ end }}</main></body></html>\n";
const SINGLE: &str = "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>\
    {{ with .Params.topics }}<ul>{{ range . }}<li><a href=\"/topics/{{ . | urlize }}/\">{{ . }}</a></li>{{ end }}</ul>{{ end }}\
    <nav>{{ .TableOfContents }}</nav>{{ .Content }}{{ end }}\n";
const LIST: &str = "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}\
    <li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}\n";
const TAXONOMY: &str = "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}\
    <li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}\n";
const TERM: &str = "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}\
    <li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}\n";

/// Writes the Hugo site into `hugo`, reading the Markdown pages already written into `out`.
pub fn generate(out: &Path, hugo: &Path, items: usize, seed: u64) {
    write(hugo.join("hugo.toml"), CONFIG);
    for (name, text) in [
        ("baseof", BASEOF),
        ("single", SINGLE),
        ("list", LIST),
        ("taxonomy", TAXONOMY),
        ("term", TERM),
    ] {
        write(hugo.join(format!("layouts/_default/{name}.html")), text);
    }
    write(
        hugo.join("layouts/index.html"),
        &LIST.replace("range .Pages", "range .Site.Sections"),
    );
    write(
        hugo.join("static/css/site.css"),
        "body { font-family: sans-serif; }\n",
    );
    copy_markdown(&out.join("content"), &hugo.join("content"));
    let corpus = Corpus::new();
    for i in 0..items {
        let s = programme::session(&corpus, seed, i);
        let week = programme::week_slug(s.week);
        let index = hugo.join("content/sessions").join(&week).join("_index.md");
        if !index.exists() {
            write(
                index,
                &format!(
                    "+++\ntitle = \"Relationships Matter week {}\"\n+++\n",
                    s.week
                ),
            );
        }
        let text = format!(
            "+++\ntitle = \"{}\"\nsummary = \"{}\"\ndate = {}\ntopics = [\"{}\"]\n+++\n{}\n",
            s.title, s.summary, s.start, TOPICS[s.topic].0, s.description
        );
        write(
            hugo.join("content/sessions")
                .join(&week)
                .join(format!("{}.md", s.slug)),
            &text,
        );
    }
    for i in 0..items {
        let s = directory::service(&corpus, seed, i);
        let text = format!(
            "+++\ntitle = \"{}\"\nsummary = \"{}\"\ntopics = [\"{}\"]\n+++\n{}\n",
            s.name, s.summary, TOPICS[s.topic].0, s.description
        );
        write(
            hugo.join("content/directory").join(format!("{}.md", s.id)),
            &text,
        );
    }
    write(
        hugo.join("content/directory/_index.md"),
        "+++\ntitle = \"Directory\"\n+++\n",
    );
    write(
        hugo.join("content/sessions/_index.md"),
        "+++\ntitle = \"Sessions\"\n+++\n",
    );
}

/// Copies every `.md` file under `from` to the same place under `to`.
fn copy_markdown(from: &Path, to: &Path) {
    let entries =
        fs::read_dir(from).unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display()));
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_markdown(&path, &target);
        } else if path.extension().is_some_and(|e| e == "md") {
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            write(target, &text);
        }
    }
}
