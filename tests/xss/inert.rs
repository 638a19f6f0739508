//! What "inert" means for each kind of output file: the checks `tests/xss.rs` runs over every
//! file the XSS fixture builds, by extension, each returning the problems it found.

/// Every tag of a page, as (name, attributes) with lowercased names.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        found.push(parse_tag(&rest[..end]));
        rest = &rest[end..];
    }
    found
}

/// `a href="x" class="y"` → ("a", [("href", "x"), ("class", "y")]). Values are quoted with `"`
/// by the theme and by pulldown-cmark; anything else shows up as a strange attribute name.
fn parse_tag(tag: &str) -> (String, Vec<(String, String)>) {
    let name_end = tag
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(tag.len());
    let mut attributes = Vec::new();
    let mut rest = tag[name_end..].trim_start_matches(['/', ' ', '\n', '\t']);
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace() || c == '/')
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = &rest[key_end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix("=\"") {
            let close = after.find('"').unwrap_or(after.len());
            value = after[..close].to_owned();
            rest = after.get(close + 1..).unwrap_or("");
        } else if let Some(after) = rest.strip_prefix('=') {
            let close = after.find(char::is_whitespace).unwrap_or(after.len());
            value = after[..close].to_owned();
            rest = &after[close..];
        }
        if !key.is_empty() {
            attributes.push((key, value));
        }
        rest = rest.trim_start_matches(['/', ' ', '\n', '\t']);
    }
    (tag[..name_end].to_ascii_lowercase(), attributes)
}

/// A URL that stays on this site (a path, absolute or relative), or a data: image (allowed
/// by the pages' CSP). Read as browsers read it: tabs and line breaks are dropped, spaces
/// trimmed, and `\` counts as `/`, so `/\evil.example` leaves the site.
fn loads_from_this_site(url: &str) -> bool {
    let url: String = url
        .trim()
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .replace('\\', "/");
    let scheme_end = url
        .find(':')
        .filter(|&colon| url.find(['/', '?', '#']).is_none_or(|path| colon < path));
    match scheme_end {
        Some(_) => url.starts_with("data:image/png"),
        None => !url.starts_with("//"),
    }
}

/// The forms the theme writes: (action, its `data-` attribute).
const THEME_FORMS: &[(&str, &str)] = &[
    ("/search/", "data-site-search"),
    ("/search/", "data-search-form"),
    ("/directory/", "data-directory-filter"),
];

fn theme_marker(attributes: &[(String, String)]) -> &str {
    attributes
        .iter()
        .map(|(k, _)| k.as_str())
        .find(|k| k.starts_with("data-"))
        .unwrap_or("")
}

pub fn html_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, attributes) in tags(html) {
        let attribute = |key: &str| {
            attributes
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        match name.as_str() {
            // The theme's own forms (search box, search page, directory filters), marked as such.
            "form"
                if THEME_FORMS
                    .contains(&(attribute("action").unwrap_or(""), theme_marker(&attributes))) => {}
            "iframe" | "object" | "embed" | "base" | "style" | "form" | "math" | "frame" => {
                problems.push(format!("a <{name}> element"));
            }
            "script" => match (attribute("src"), attribute("type")) {
                (Some(src), None) if loads_from_this_site(src) => {}
                (None, Some("application/ld+json")) => {}
                // The programme's data for its filter script: JSON, checked below like JSON-LD.
                (None, Some("application/json"))
                    if attribute("data-programme-sessions").is_some() => {}
                _ => problems.push(format!("a script that is not the theme's: {attributes:?}")),
            },
            "meta" if attribute("http-equiv").is_some() => {
                let strict = attribute("content")
                    .is_some_and(|c| c.contains("script-src 'self';") && !c.contains("unsafe"));
                if attribute("http-equiv") != Some("Content-Security-Policy") || !strict {
                    problems.push(format!(
                        "a <meta http-equiv> that is not the strict policy: {attributes:?}"
                    ));
                }
            }
            // Canonical and alternate links name addresses; they load nothing.
            "link"
                if !attribute("href").is_some_and(loads_from_this_site)
                    && !matches!(attribute("rel"), Some("alternate" | "canonical")) =>
            {
                problems.push(format!("a <link> to another site: {attributes:?}"))
            }
            "img" | "source" | "video" | "audio"
                if !attribute("src").is_none_or(loads_from_this_site) =>
            {
                problems.push(format!("<{name}> loads from another site: {attributes:?}"))
            }
            _ => {}
        }
        for (key, value) in &attributes {
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if key.starts_with("on")
                || key == "style"
                || key == "srcdoc"
                || key.contains(['"', '\'', '<', '='])
            {
                problems.push(format!("attribute `{key}` on <{name}>"));
            }
            if ["javascript:", "vbscript:", "data:text"]
                .iter()
                .any(|s| squeezed.starts_with(s))
            {
                problems.push(format!("a script URL in `{key}` on <{name}>: {value}"));
            }
        }
    }
    problems.extend(json_ld_problems(html));
    problems
}

/// JSON-LD blocks and the programme's data block parse as JSON and hold no `<`, so nothing
/// can close the script element.
fn json_ld_problems(html: &str) -> Vec<String> {
    let openings = [
        "<script type=\"application/ld+json\">",
        "<script type=\"application/json\" data-programme-sessions>",
    ];
    let mut problems = Vec::new();
    for opening in openings {
        for block in html.split(opening).skip(1) {
            let json = &block[..block.find("</script>").unwrap_or(block.len())];
            if json.contains('<') {
                problems.push(format!("a `<` inside {opening}"));
            }
            problems.extend(json_problems(json));
        }
    }
    problems
}

pub fn json_problems(json: &str) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(_) => Vec::new(),
        Err(error) => vec![format!("JSON that does not parse: {error}")],
    }
}

/// A search record file (what search.js shows for hits) parses, and every record's address
/// stays on the site.
pub fn search_record_problems(json: &str) -> Vec<String> {
    // A record file holds several records, as an array.
    match serde_json::from_str::<Vec<serde_json::Value>>(json) {
        Ok(records) if records.is_empty() => vec!["an empty search record file".to_owned()],
        Ok(records) => records
            .iter()
            .filter_map(|record| match record["u"].as_str() {
                Some(url) if loads_from_this_site(url) && !url.is_empty() => None,
                other => Some(format!(
                    "a search record whose address is not on this site: {other:?}"
                )),
            })
            .collect(),
        Err(error) => vec![format!("JSON that does not parse: {error}")],
    }
}

/// Every row has the heading's number of fields, and no field starts the way a spreadsheet
/// formula does (OWASP's list: `=`, `+`, `-`, `@`, tab, carriage return).
pub fn csv_problems(csv: &str) -> Vec<String> {
    let rows = match parse_csv(csv) {
        Ok(rows) => rows,
        Err(problem) => return vec![problem],
    };
    let mut problems = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        if row.len() != rows[0].len() {
            problems.push(format!(
                "row {} has {} fields, the heading {}",
                n + 1,
                row.len(),
                rows[0].len()
            ));
        }
        for field in row
            .iter()
            .filter(|f| f.starts_with(['=', '+', '-', '@', '\t', '\r']))
        {
            problems.push(format!(
                "row {}: a field a spreadsheet would run as a formula: {field:?}",
                n + 1
            ));
        }
    }
    problems
}

/// RFC 4180: rows end with CRLF; a field in quotes may hold commas, quotes (doubled) and line
/// breaks; a quote anywhere else is an error.
fn parse_csv(csv: &str) -> Result<Vec<Vec<String>>, String> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = csv.chars().peekable();
    let (mut quoted, mut at_field_start) = (false, true);
    while let Some(c) = chars.next() {
        let field_start = std::mem::replace(&mut at_field_start, false);
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => field.push(chars.next().unwrap_or('"')),
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field_start => quoted = true,
            (false, '"') => {
                return Err(format!(
                    "a quote inside an unquoted field, row {}",
                    rows.len() + 1
                ));
            }
            (false, ',') => {
                row.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_field_start = true;
            }
            (false, '\r' | '\n') => {
                return Err(format!(
                    "a bare line break in an unquoted field, row {}",
                    rows.len() + 1
                ));
            }
            (false, c) => field.push(c),
        }
    }
    if quoted || !field.is_empty() || !row.is_empty() {
        return Err("the last row is not ended by CRLF".into());
    }
    Ok(rows)
}

/// Sitemaps and Atom feeds: no markup but their own, no text a feed reader would render as
/// HTML (`type="html"` or `"xhtml"`), and every address a web address.
pub fn xml_problems(xml: &str) -> Vec<String> {
    let lower = xml.to_ascii_lowercase();
    let mut problems: Vec<String> = [
        "<script",
        "<img",
        "<svg",
        "<iframe",
        "type=\"html\"",
        "type=\"xhtml\"",
    ]
    .iter()
    .filter(|needle| lower.contains(*needle))
    .map(|needle| format!("`{needle}` in XML"))
    .collect();
    for (open, close) in [("href=\"", "\""), ("<loc>", "</loc>"), ("<id>", "</id>")] {
        for value in lower
            .split(open)
            .skip(1)
            .map(|rest| &rest[..rest.find(close).unwrap_or(rest.len())])
        {
            if !value.starts_with("https://") && !value.starts_with("http://") {
                problems.push(format!(
                    "an address that is not a web address in XML: {value}"
                ));
            }
        }
    }
    problems
}

/// Properties a calendar of this fixture may hold; a payload that adds a line adds another.
const ICS_PROPERTIES: &[&str] = &[
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "NAME",
    "X-WR-CALNAME",
    "UID",
    "DTSTAMP",
    "SEQUENCE",
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "URL",
    "DESCRIPTION",
    "LOCATION",
    "STATUS",
];

pub fn ics_problems(ics: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let bytes = ics.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let bare_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        let bare_lf = b == b'\n' && (i == 0 || bytes[i - 1] != b'\r');
        if bare_cr || bare_lf {
            problems.push(format!(
                "a bare {} at byte {i}",
                if bare_cr { "CR" } else { "LF" }
            ));
        }
    }
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    let mut starts_in_event = 0;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let name = line.split([':', ';']).next().unwrap_or("");
        if !ICS_PROPERTIES.contains(&name) {
            problems.push(format!("an unexpected calendar line: {line}"));
        }
        if line.starts_with("BEGIN:") && line != "BEGIN:VEVENT" && line != "BEGIN:VCALENDAR" {
            problems.push(format!("an unexpected component: {line}"));
        }
        match name {
            "BEGIN" => starts_in_event = 0,
            "DTSTART" => {
                starts_in_event += 1;
                if starts_in_event > 1 {
                    problems.push("a second DTSTART in one event".into());
                }
            }
            _ => {}
        }
    }
    problems
}

#[test]
fn the_checks_catch_what_they_look_for() {
    assert!(!html_problems("<p><img src=x onerror=alert(1)></p>").is_empty());
    assert!(!html_problems("<a href=\"javascript:alert(1)\">x</a>").is_empty());
    assert!(!html_problems("<a href=\" java script:x\">x</a>").is_empty());
    assert!(!html_problems("<script>alert(1)</script>").is_empty());
    assert!(!html_problems("<form action=\"https://evil.example/\">").is_empty());
    assert!(!html_problems("<div style=\"display:none\">").is_empty());
    assert!(!html_problems("<img src=\"https://tracker.example/p.gif\">").is_empty());
    assert!(!html_problems("<img src=\"/\\tracker.example/p.gif\">").is_empty());
    assert!(!html_problems("<img src=\" //tracker.example/p.gif\">").is_empty());
    assert!(
        html_problems("<img src=\"x\"><img src=\"../a.png\"><img src=\"/b.png?c=d:e\">").is_empty()
    );
    assert!(
        !html_problems(
            "<script type=\"application/ld+json\">{\"a\": \"</script><script>\"}</script>"
        )
        .is_empty()
    );
    assert!(
        html_problems("<p>&lt;script&gt;</p><script src=\"/js/site.js\" defer></script>")
            .is_empty()
    );
    assert!(!ics_problems("BEGIN:VEVENT\r\nSUMMARY:a\nATTACH:x\r\nEND:VEVENT\r\n").is_empty());
    assert!(!ics_problems("BEGIN:VEVENT\r\nSUMMARY:a\r\nATTACH:x\r\nEND:VEVENT\r\n").is_empty());
    assert!(
        ics_problems("BEGIN:VEVENT\r\nSUMMARY:a\\nATTACH:x\r\n  folded\r\nEND:VEVENT\r\n")
            .is_empty()
    );
    assert!(!xml_problems("<feed><link href=\"javascript:alert(1)\"/></feed>").is_empty());
    assert!(!xml_problems("<feed><summary type=\"html\">&lt;b&gt;</summary></feed>").is_empty());
    assert!(xml_problems("<feed><title>javascript:&lt;script&gt;</title><link href=\"https://a.example/\"/></feed>").is_empty());
    assert!(!csv_problems("a,b\r\n=1+1,x\r\n").is_empty());
    assert!(!csv_problems("a,b\r\n\"\t=1\",x\r\n").is_empty());
    assert!(
        !csv_problems("a,b\r\nx,y\nz\r\n").is_empty(),
        "a bare line feed adds a row"
    );
    assert!(!csv_problems("a,b\r\nx\r\n").is_empty(), "a short row");
    assert!(csv_problems("a,b\r\n\"'=1, \"\"q\"\"\r\nz\",'@x\r\n").is_empty());
    assert!(
        !search_record_problems(r#"[{"u":"/a/","t":"x"},{"u":"javascript:alert(1)","t":"x"}]"#)
            .is_empty()
    );
    assert!(search_record_problems(r#"[{"u":"/directory/x/","t":"<script>"}]"#).is_empty());
}
