//! TOML into typed values with every problem of a file at once (a leaf below load, model and
//! config). serde stops at the first problem it meets; an organiser fixing a file one error
//! per run would meet them in waves. So the text is parsed once into a table that keeps
//! spans (syntax errors all reported, with recovery), then deserialized into the typed value;
//! after each problem the faulty entry is taken out of the table (or, for a missing field, a
//! stand-in is put in) and deserialization is tried again, until it succeeds or nothing more
//! can be learnt. A field taken out for a bad value is not reported missing as well.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostics, SourceFile, closest_field};

/// The most problems looked for in one file: enough for any real file, and a bound on work.
const MOST_PROBLEMS: usize = 64;

/// Parses `text` (which starts at byte `offset` of `file`) as a `T`, or reports every problem.
pub fn parse_toml<T: DeserializeOwned>(
    file: &SourceFile,
    text: &str,
    offset: usize,
) -> Result<T, Diagnostics> {
    // The common case costs one parse, as toml::from_str does.
    let first = match toml::from_str::<T>(text) {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    let (mut root, syntax) = DeTable::parse_recoverable(text);
    let mut problems = Diagnostics::default();
    if !syntax.is_empty() {
        for error in &syntax {
            problems.push(file.toml_error(error, offset));
        }
        return Err(problems.sorted());
    }
    let mut taken_out: Vec<String> = Vec::new();
    let mut error = first;
    for _ in 0..MOST_PROBLEMS {
        let message = error.message().to_owned();
        let missing = missing_field(&message);
        let follow_on = missing
            .as_deref()
            .is_some_and(|name| taken_out.iter().any(|t| t == name));
        if !follow_on {
            problems.push(file.toml_value_error(&error, offset));
        }
        // A misspelt field stands for the one it was meant to be: that one is not also missing.
        if let Some(meant) = closest_field(&message) {
            taken_out.push(meant.to_owned());
        }
        let mended = match (&missing, error.span()) {
            (Some(name), span) => stand_in::<T>(&mut root, span, name),
            (None, Some(span)) => take_out(root.get_mut(), &span)
                .map(|key| taken_out.push(key))
                .is_some(),
            (None, None) => false,
        };
        if !mended {
            break;
        }
        error = match T::deserialize(toml::de::Deserializer::from(root.clone())) {
            Ok(_) => break,
            Err(error) => error,
        };
    }
    Err(problems.sorted())
}

/// The field named in serde's "missing field `x`".
fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest.split('`').next()?.to_owned())
}

/// Removes the entry whose key or value is at `span`, at any depth; its key, if found.
fn take_out(table: &mut DeTable<'_>, span: &Range<usize>) -> Option<String> {
    let hit = table.iter().find(|(k, v)| {
        within(&k.span(), span) || within(&v.span(), span) && !contains_deeper(v, span)
    });
    if let Some((key, _)) = hit {
        let key = key.get_ref().to_string();
        table.remove(key.as_str());
        return Some(key);
    }
    for (_, value) in table.iter_mut() {
        if let Some(key) = take_out_of_value(value.get_mut(), span) {
            return Some(key);
        }
    }
    None
}

fn take_out_of_value(value: &mut DeValue<'_>, span: &Range<usize>) -> Option<String> {
    match value {
        DeValue::Table(table) => take_out(table, span),
        DeValue::Array(items) => {
            if let Some(n) = items
                .iter()
                .position(|item| within(&item.span(), span) && !contains_deeper(item, span))
            {
                *items = items
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != n)
                    .map(|(_, item)| item.clone())
                    .collect();
                return Some(String::new());
            }
            items
                .iter_mut()
                .find_map(|item| take_out_of_value(item.get_mut(), span))
        }
        _ => None,
    }
}

/// Whether `value` holds a table or array entry that is at `span` (so the fault is deeper).
fn contains_deeper(value: &Spanned<DeValue<'_>>, span: &Range<usize>) -> bool {
    match value.get_ref() {
        DeValue::Table(table) => table
            .iter()
            .any(|(k, v)| within(&k.span(), span) || within(&v.span(), span)),
        DeValue::Array(items) => items.iter().any(|item| within(&item.span(), span)),
        _ => false,
    }
}

fn within(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && !outer.is_empty()
}

/// Puts a stand-in for missing field `name` into the table at `span` (the document when no
/// span): the first kind of value that the type takes there, tried in turn, so the rest of the
/// file can be checked. False when no kind would do.
fn stand_in<T: DeserializeOwned>(
    root: &mut Spanned<DeTable<'_>>,
    span: Option<Range<usize>>,
    name: &str,
) -> bool {
    let whole = root.span();
    for value in stand_in_values() {
        let mut tried = root.clone();
        let table = match &span {
            Some(span) if *span != whole => match find_table(tried.get_mut(), span) {
                Some(table) => table,
                None => return false,
            },
            _ => tried.get_mut(),
        };
        if table.contains_key(name) {
            return false;
        }
        table.insert(
            Spanned::new(STAND_IN, name.to_owned().into()),
            Spanned::new(STAND_IN, value),
        );
        let accepted = match T::deserialize(toml::de::Deserializer::from(tried.clone())) {
            Ok(_) => true,
            Err(error) => {
                error.span() != Some(STAND_IN)
                    && missing_field(error.message()).as_deref() != Some(name)
            }
        };
        if accepted {
            *root = tried;
            return true;
        }
    }
    false
}

/// Where stand-ins are said to be: nowhere in the file.
const STAND_IN: Range<usize> = 0..0;

/// Values of each kind a field may take.
fn stand_in_values() -> Vec<DeValue<'static>> {
    let datetime = "1970-01-01T00:00:00".parse().map(DeValue::Datetime);
    let date = "1970-01-01".parse().map(DeValue::Datetime);
    let mut values = vec![DeValue::String("".into())];
    values.extend(datetime.ok());
    values.extend(date.ok());
    values.extend([
        DeValue::Boolean(false),
        DeValue::Array(toml::de::DeArray::default()),
        DeValue::Table(DeTable::new()),
    ]);
    values
}

/// The table (at any depth, in arrays too) whose span is `span`.
fn find_table<'a, 'i>(
    table: &'a mut DeTable<'i>,
    span: &Range<usize>,
) -> Option<&'a mut DeTable<'i>> {
    let path = path_to_table(table, span)?;
    let mut here = table;
    for step in path {
        let value = match step {
            Step::Key(key) => here.get_mut(key.as_str())?,
            Step::Item(key, n) => match here.get_mut(key.as_str())?.get_mut() {
                DeValue::Array(items) => items.get_mut(n)?,
                _ => return None,
            },
        };
        here = match value.get_mut() {
            DeValue::Table(inner) => inner,
            _ => return None,
        };
    }
    Some(here)
}

/// One step down from a table: into the table under a key, or into an array's item.
enum Step {
    Key(String),
    Item(String, usize),
}

fn path_to_table(table: &DeTable<'_>, span: &Range<usize>) -> Option<Vec<Step>> {
    for (key, value) in table.iter() {
        let name = key.get_ref().to_string();
        match value.get_ref() {
            DeValue::Table(inner) => {
                if value.span() == *span {
                    return Some(vec![Step::Key(name)]);
                }
                if let Some(mut rest) = path_to_table(inner, span) {
                    rest.insert(0, Step::Key(name));
                    return Some(rest);
                }
            }
            DeValue::Array(items) => {
                for (n, item) in items.iter().enumerate() {
                    let DeValue::Table(inner) = item.get_ref() else {
                        continue;
                    };
                    if item.span() == *span {
                        return Some(vec![Step::Item(name, n)]);
                    }
                    if let Some(mut rest) = path_to_table(inner, span) {
                        rest.insert(0, Step::Item(name.clone(), n));
                        return Some(rest);
                    }
                }
            }
            _ => {}
        }
    }
    None
}
