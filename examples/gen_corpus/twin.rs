//! The equivalent sites for Hugo and Zola (`scripts/bench-build`): the same Markdown pages,
//! one page per session and per service, a `topics` taxonomy and minimal layouts, so that each
//! generator does the same work: parse front matter, render Markdown, list sections and topics,
//! write HTML. Only the front matter's form and the layouts differ by generator.

use std::fs;
use std::path::Path;

use super::{Corpus, TOPICS, directory, programme, write};

/// The generator a twin site is for.
#[derive(Clone, Copy)]
pub enum Twin {
    /// Hugo: front matter keys as hubsite's (`summary` and `topics` are page parameters).
    Hugo,
    /// Zola, its search index off: front matter takes only Zola's own keys (`description`,
    /// `[taxonomies]`), so hubsite's are renamed. Hugo builds pages dated in the future too
    /// (`buildFuture`), as hubsite and Zola do, so that all three build every session.
    Zola,
}

/// What a twin page's front matter says.
#[derive(Default)]
struct Meta {
    title: String,
    summary: String,
    topics: Vec<String>,
    weight: Option<i64>,
    date: Option<String>,
}

impl Twin {
    /// The Markdown file of a page (or a section's `_index.md`) with `meta` and `body`.
    fn page(self, meta: &Meta, body: &str) -> String {
        let quoted = |s: &str| toml::Value::String(s.to_owned()).to_string();
        let list = |items: &[String]| {
            let items: Vec<String> = items.iter().map(|s| quoted(s)).collect();
            format!("[{}]", items.join(", "))
        };
        let mut text = format!("+++\ntitle = {}\n", quoted(&meta.title));
        if !meta.summary.is_empty() {
            let key = match self {
                Twin::Hugo => "summary",
                Twin::Zola => "description",
            };
            text += &format!("{key} = {}\n", quoted(&meta.summary));
        }
        if let Some(date) = &meta.date {
            text += &format!("date = {date}\n");
        }
        let topics = (!meta.topics.is_empty()).then(|| list(&meta.topics));
        if let (Twin::Hugo, Some(topics)) = (self, &topics) {
            text += &format!("topics = {topics}\n");
        }
        if let Some(weight) = meta.weight {
            text += &format!("weight = {weight}\n");
        }
        // A table comes after every plain key.
        if let (Twin::Zola, Some(topics)) = (self, &topics) {
            text += &format!("[taxonomies]\ntopics = {topics}\n");
        }
        text + "+++\n" + body
    }

    fn config(self) -> (&'static str, &'static str) {
        match self {
            Twin::Hugo => (
                "hugo.toml",
                "baseURL = \"https://hub.example.org/\"\ntitle = \"Generated Hub\"\nlanguageCode = \"en-gb\"\n\
                 disableKinds = []\nbuildFuture = true\n[taxonomies]\ntopic = \"topics\"\n",
            ),
            Twin::Zola => (
                "config.toml",
                "base_url = \"https://hub.example.org\"\ntitle = \"Generated Hub\"\ndefault_language = \"en\"\n\
                 compile_sass = false\nbuild_search_index = false\ntaxonomies = [{ name = \"topics\" }]\n",
            ),
        }
    }

    /// Each layout's path under the site and its text.
    fn layouts(self) -> Vec<(&'static str, String)> {
        match self {
            Twin::Hugo => {
                let list = "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}\
                    <li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}\n";
                vec![
                    ("layouts/_default/baseof.html", "<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{{ .Title }} - {{ .Site.Title }}</title>\
                        <link rel=\"stylesheet\" href=\"/css/site.css\"></head>\n<body><header><a href=\"/\">{{ .Site.Title }}</a></header>\n\
                        <main>{{ block \"main\" . }}{{ end }}</main></body></html>\n".to_owned()),
                    ("layouts/_default/single.html", "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>\
                        {{ with .Params.topics }}<ul>{{ range . }}<li><a href=\"/topics/{{ . | urlize }}/\">{{ . }}</a></li>{{ end }}</ul>{{ end }}\
                        <nav>{{ .TableOfContents }}</nav>{{ .Content }}{{ end }}\n".to_owned()),
                    ("layouts/_default/list.html", list.to_owned()),
                    ("layouts/_default/taxonomy.html", "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}\
                        <li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}\n".to_owned()),
                    ("layouts/_default/term.html", "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}\
                        <li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}\n".to_owned()),
                    ("layouts/index.html", list.replace("range .Pages", "range .Site.Sections")),
                ]
            }
            Twin::Zola => {
                // A section lists its sub-sections and its pages, as Hugo's `.Pages` does.
                let section = "{% extends \"base.html\" %}{% block title %}{{ section.title }}{% endblock title %}\
                    {% block main %}<h1>{{ section.title }}</h1>{{ section.content | safe }}<ul>\
                    {% for path in section.subsections %}{% set sub = get_section(path=path, metadata_only=true) %}\
                    <li><a href=\"{{ sub.permalink | safe }}\">{{ sub.title }}</a> {{ sub.description }}</li>{% endfor %}\
                    {% for p in section.pages %}<li><a href=\"{{ p.permalink | safe }}\">{{ p.title }}</a> {{ p.description }}</li>{% endfor %}\
                    </ul>{% endblock main %}\n";
                vec![
                    ("templates/base.html", "<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{% block title %}{% endblock title %} - {{ config.title }}</title>\
                        <link rel=\"stylesheet\" href=\"/css/site.css\"></head>\n<body><header><a href=\"/\">{{ config.title }}</a></header>\n\
                        <main>{% block main %}{% endblock main %}</main></body></html>\n".to_owned()),
                    ("templates/page.html", "{% extends \"base.html\" %}{% block title %}{{ page.title }}{% endblock title %}\
                        {% block main %}<h1>{{ page.title }}</h1><p>{{ page.description }}</p>\
                        {% if page.taxonomies.topics %}<ul>{% for topic in page.taxonomies.topics %}\
                        <li><a href=\"{{ get_taxonomy_url(kind=\"topics\", name=topic) | safe }}\">{{ topic }}</a></li>{% endfor %}</ul>{% endif %}\
                        <nav><ul>{% for h in page.toc %}<li><a href=\"{{ h.permalink | safe }}\">{{ h.title }}</a></li>{% endfor %}</ul></nav>\
                        {{ page.content | safe }}{% endblock main %}\n".to_owned()),
                    ("templates/section.html", section.to_owned()),
                    ("templates/index.html", section.to_owned()),
                    ("templates/topics/list.html", "{% extends \"base.html\" %}{% block title %}Topics{% endblock title %}\
                        {% block main %}<h1>Topics</h1><ul>{% for term in terms %}\
                        <li><a href=\"{{ term.permalink | safe }}\">{{ term.name }}</a> ({{ term.page_count }})</li>{% endfor %}</ul>{% endblock main %}\n".to_owned()),
                    ("templates/topics/single.html", "{% extends \"base.html\" %}{% block title %}{{ term.name }}{% endblock title %}\
                        {% block main %}<h1>{{ term.name }}</h1><ul>{% for p in term.pages %}\
                        <li><a href=\"{{ p.permalink | safe }}\">{{ p.title }}</a> {{ p.description }}</li>{% endfor %}</ul>{% endblock main %}\n".to_owned()),
                ]
            }
        }
    }

    /// Writes the twin site into `dir`, reading the Markdown pages already written into `out`.
    pub fn generate(self, out: &Path, dir: &Path, items: usize, seed: u64) {
        let (config, text) = self.config();
        write(dir.join(config), text);
        for (path, text) in self.layouts() {
            write(dir.join(path), &text);
        }
        write(
            dir.join("static/css/site.css"),
            "body { font-family: sans-serif; }\n",
        );
        self.copy_markdown(&out.join("content"), &dir.join("content"));
        let section = |title: &str| Meta {
            title: title.to_owned(),
            ..Meta::default()
        };
        let corpus = Corpus::new();
        for i in 0..items {
            let s = programme::session(&corpus, seed, i);
            let week = dir
                .join("content/sessions")
                .join(programme::week_slug(s.week));
            let index = week.join("_index.md");
            if !index.exists() {
                let title = format!("Relationships Matter week {}", s.week);
                write(index, &self.page(&section(&title), ""));
            }
            let meta = Meta {
                title: s.title,
                summary: s.summary,
                topics: vec![TOPICS[s.topic].0.to_owned()],
                date: Some(s.start.to_string()),
                ..Meta::default()
            };
            let body = format!("{}\n", s.description);
            write(
                week.join(format!("{}.md", s.slug)),
                &self.page(&meta, &body),
            );
        }
        for i in 0..items {
            let s = directory::service(&corpus, seed, i);
            let meta = Meta {
                title: s.name,
                summary: s.summary,
                topics: vec![TOPICS[s.topic].0.to_owned()],
                ..Meta::default()
            };
            let body = format!("{}\n", s.description);
            write(
                dir.join("content/directory").join(format!("{}.md", s.id)),
                &self.page(&meta, &body),
            );
        }
        for (folder, title) in [("directory", "Directory"), ("sessions", "Sessions")] {
            let index = dir.join("content").join(folder).join("_index.md");
            write(index, &self.page(&section(title), ""));
        }
    }

    /// Copies every `.md` file under `from` to the same place under `to`, its front matter
    /// written for this generator.
    fn copy_markdown(self, from: &Path, to: &Path) {
        let entries =
            fs::read_dir(from).unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display()));
        let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            let target = to.join(path.file_name().unwrap_or_default());
            if path.is_dir() {
                self.copy_markdown(&path, &target);
            } else if path.extension().is_some_and(|e| e == "md") {
                let text = fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                let (meta, body) = read_page(&text)
                    .unwrap_or_else(|| panic!("{}: no +++ front matter", path.display()));
                write(target, &self.page(&meta, body));
            }
        }
    }
}

/// A generated page's front matter (the keys gen_corpus writes) and body.
fn read_page(text: &str) -> Option<(Meta, &str)> {
    let rest = text.strip_prefix("+++\n")?;
    let end = rest.find("\n+++\n")?;
    let table: toml::Table = rest[..end].parse().ok()?;
    let string = |key: &str| table.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let meta = Meta {
        title: string("title")?,
        summary: string("summary").unwrap_or_default(),
        topics: table
            .get("topics")
            .and_then(|v| v.as_array())
            .map(|topics| {
                topics
                    .iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
        weight: table.get("weight").and_then(|v| v.as_integer()),
        date: None,
    };
    Some((meta, &rest[end + "\n+++\n".len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "+++\ntitle = \"Calm \\\"handovers\\\"\"\nsummary = \"What helps.\"\ntopics = [\"support\", \"teenagers\"]\nweight = 3\n+++\n\n## Body\n";

    /// Zola refuses front matter keys it does not know; Zola cannot run on this project's
    /// machines, so its page keys are checked here (its documentation's list).
    #[test]
    fn a_zola_page_has_only_zola_keys_and_hugo_keeps_hubsites() {
        let (meta, body) = read_page(PAGE).expect("a generated page");
        let split = |page: &str| -> (toml::Table, String) {
            let (front, body) = page
                .strip_prefix("+++\n")
                .and_then(|rest| rest.split_once("\n+++\n"))
                .expect("front matter");
            (front.parse().expect("TOML"), body.to_owned())
        };
        let (table, zola_body) = split(&Twin::Zola.page(&meta, body));
        let keys: Vec<&str> = table.keys().map(String::as_str).collect();
        assert_eq!(keys, ["description", "taxonomies", "title", "weight"]);
        assert_eq!(table["title"].as_str(), Some("Calm \"handovers\""));
        assert_eq!(
            table["taxonomies"]["topics"].as_array().map(Vec::len),
            Some(2)
        );
        assert_eq!(zola_body, "\n## Body\n");
        assert_eq!(split(&Twin::Hugo.page(&meta, body)), split(PAGE));
    }
}
