//! The small parsers that read organisers' text: 'now', durations, slugs, dates, positions,
//! content paths. None may panic; slugs stay slugs; positions stay inside the text.
#![no_main]

use hubsite::diag::{SourceFile, line_column};
use hubsite::model::duration::parse_duration_minutes;
use hubsite::model::slug::{Slug, slugify};
use hubsite::model::time::{parse_date, parse_local_datetime, parse_now};
use hubsite::model::page::join_content_path;
use libfuzzer_sys::fuzz_target;

#[derive(serde::Deserialize)]
struct D {
    d: toml::Spanned<toml::value::Datetime>,
}

fuzz_target!(|text: &str| {
    let _ = parse_now(text);
    let _ = parse_duration_minutes(text);
    let slug = slugify(text);
    assert_eq!(slugify(&slug), slug);
    assert!(slug.is_empty() || Slug::parse(&slug).is_ok());
    let (line, column) = line_column(text, text.len() / 2);
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(line >= 1 && line <= lines.len() && column >= 1 && column <= lines[line - 1].chars().count() + 1);
    if let Some((dir, path)) = text.split_once('|') {
        if let Some(joined) = join_content_path(dir, path) {
            assert!(!joined.starts_with('/') && joined.split('/').all(|s| s != ".." && s != "."));
        }
    }
    if let Ok(file) = SourceFile::new("a.toml", format!("d = {text}").into_bytes()) {
        if let Ok(parsed) = toml::from_str::<D>(&file.text) {
            let _ = parse_date(&parsed.d, &file, 0);
            let _ = parse_local_datetime(&parsed.d, &file, 0);
        }
    }
});
