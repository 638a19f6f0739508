//! Diagnostics: where a problem is in a user's file, and what to do about it.
//!
//! Every stage reports problems in a user's file as a [`Diagnostic`], printed as
//! `path:line:column: message` so that editors and CI can jump to it. Stages collect
//! diagnostics into a [`Diagnostics`] list rather than stopping at the first one.

mod codes;
pub mod hints;

pub use codes::Code;
pub use hints::{DATE_TO_FILL, closest_field};

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A problem in one of the site's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line and column (in characters), when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    /// Where the faulty text ends (line, column just after it), when known.
    pub end: Option<(usize, usize)>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// The kind of problem, whose page `hubsite explain CODE` prints. Every diagnostic
    /// hubsite makes has one (a test walks the source to prove it).
    pub code: Option<Code>,
    /// The cell of a workbook the problem is in (`Sessions!C7`), for spreadsheets, which
    /// have sheets and cells rather than lines. Boxed: most diagnostics have none, and a
    /// diagnostic is returned in many a `Result`.
    pub cell: Option<Box<SheetCell>>,
}

/// A cell of a workbook's sheet: `Sessions!C7`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SheetCell {
    /// The sheet's name, as its tab shows it.
    pub sheet: String,
    /// The cell, column letters then row number: `C7`.
    pub cell: String,
}

impl fmt::Display for SheetCell {
    /// As a formula names it: the sheet quoted when it has spaces or punctuation.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
            write!(f, "{}!{}", self.sheet, self.cell)
        } else {
            write!(f, "'{}'!{}", self.sheet.replace('\'', "''"), self.cell)
        }
    }
}

impl Diagnostic {
    /// A problem with a whole file.
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            position: None,
            end: None,
            message: message.into(),
            hint: None,
            code: None,
            cell: None,
        }
    }

    /// A problem at a cell of a workbook's sheet: shown as `FILE:Sheet!C7`.
    pub fn in_cell(mut self, sheet: impl Into<String>, cell: impl Into<String>) -> Self {
        self.cell = Some(Box::new(SheetCell {
            sheet: sheet.into(),
            cell: cell.into(),
        }));
        self
    }

    /// A problem at a line and column.
    pub fn at(
        path: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            position: Some((line, column)),
            ..Diagnostic::file(path, message)
        }
    }

    /// Sets the kind of problem.
    pub fn code(mut self, code: Code) -> Self {
        self.code = Some(code);
        self
    }

    /// Adds a hint: what the user can do to fix the problem.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(cell) = &self.cell {
            write!(f, ":{cell}")?;
        }
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(code) = self.code {
            write!(f, " [{code}]")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The build fails.
    Error,
    /// Worth a word; the build goes on.
    Warning,
}

impl Severity {
    /// Its name in machine-readable reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl Diagnostic {
    /// One JSON object on one line, for editors and CI: file, line, column, end_line,
    /// end_column (null where unknown), sheet and cell (a workbook's, such as `Sessions` and
    /// `C7`; null for text files), severity, code, message, hint.
    pub fn to_json_line(&self, severity: Severity) -> String {
        let (line, column) = self.position.unzip();
        let (end_line, end_column) = self.end.unzip();
        serde_json::json!({
            "file": self.path.to_string_lossy().replace('\\', "/"),
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "sheet": self.cell.as_ref().map(|c| &c.sheet),
            "cell": self.cell.as_ref().map(|c| &c.cell),
            "severity": severity.as_str(),
            "code": self.code.map(Code::as_str),
            "message": self.message,
            "hint": self.hint,
        })
        .to_string()
    }

    /// A GitHub Actions workflow command (`::error file=...,line=...::message`), which shows
    /// the problem on its line in a pull request.
    pub fn to_github_annotation(&self, severity: Severity) -> String {
        let mut properties = vec![format!(
            "file={}",
            escape_property(&self.path.to_string_lossy())
        )];
        if let Some((line, column)) = self.position {
            properties.push(format!("line={line}"));
            properties.push(format!("col={column}"));
        }
        if let Some((line, column)) = self.end {
            properties.push(format!("endLine={line}"));
            properties.push(format!("endColumn={column}"));
        }
        let title = match self.code {
            Some(code) => format!("hubsite {code}: {}", code.title()),
            None => "hubsite".to_owned(),
        };
        properties.push(format!("title={}", escape_property(&title)));
        // GitHub shows no place inside a workbook: the cell leads the message.
        let mut message = match &self.cell {
            Some(cell) => format!("{cell}: {}", self.message),
            None => self.message.clone(),
        };
        if let Some(hint) = &self.hint {
            message.push_str("\nhint: ");
            message.push_str(hint);
        }
        format!(
            "::{} {}::{}",
            severity.as_str(),
            properties.join(","),
            escape_data(&message)
        )
    }
}

/// Escapes a workflow command's message (GitHub's toolkit: `%`, CR and LF).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (also `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The diagnostics of a stage, kept in the order the files were read.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Records one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Takes over the problems of another list.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// True when nothing went wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorts by file and position so that reports are stable whatever the thread scheduling.
    pub fn sorted(mut self) -> Self {
        self.0
            .sort_by(|a, b| (&a.path, &a.cell, a.position).cmp(&(&b.path, &b.cell, b.position)));
        self.0.dedup();
        self
    }

    /// Each diagnostic on its own line(s), as a warning: `warning: path:line:column: ...`.
    pub fn as_warnings(&self) -> String {
        self.0
            .iter()
            .map(|warning| format!("warning: {warning}\n"))
            .collect()
    }

    /// The first `shown` as [`Diagnostics::as_warnings`] does, then one line that counts the
    /// rest, so a long list does not bury a build's summary.
    pub fn as_warnings_summary(&self, shown: usize) -> String {
        let mut text: String = self
            .0
            .iter()
            .take(shown)
            .map(|w| format!("warning: {w}\n"))
            .collect();
        let rest = self.0.len().saturating_sub(shown);
        if rest > 0 {
            let s = if rest == 1 { "" } else { "s" };
            text.push_str(&format!(
                "warning: and {rest} more warning{s} (`hubsite check` lists them all; --quiet hides them)\n"
            ));
        }
        text
    }

    /// `Ok(value)` if there were no problems, else the problems.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self.sorted())
        }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        let count = self.0.len();
        write!(
            f,
            "{count} problem{} found",
            if count == 1 { "" } else { "s" }
        )
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

/// The text of one of the site's files, kept so that byte offsets can become lines and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path as shown to the user (relative to the site root).
    pub path: PathBuf,
    /// The text, without any byte-order mark.
    pub text: String,
}

impl SourceFile {
    /// Reads the text of a file as UTF-8, dropping a byte-order mark.
    pub fn new(path: impl Into<PathBuf>, bytes: Vec<u8>) -> Result<Self, Diagnostic> {
        let path = path.into();
        let text = String::from_utf8(bytes).map_err(|error| {
            let offset = error.utf8_error().valid_up_to();
            let (line, column) = line_column(
                &String::from_utf8_lossy(&error.as_bytes()[..offset]),
                offset,
            );
            Diagnostic::at(&path, line, column, "this file is not valid UTF-8")
                .hint("save the file with UTF-8 encoding")
                .code(Code::NotUtf8)
        })?;
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        Ok(SourceFile { path, text })
    }

    /// A diagnostic at a byte range of this file's text.
    pub fn error_at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, column) = line_column(&self.text, span.start);
        Diagnostic {
            end: (span.end > span.start).then(|| line_column(&self.text, span.end)),
            ..Diagnostic::at(&self.path, line, column, message)
        }
    }

    /// The whole line that byte `offset` is on.
    fn line_at(&self, offset: usize) -> &str {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        self.text[start..end].trim_end_matches('\r')
    }

    /// A diagnostic about a TOML error, whose span is relative to `offset` in this file: a
    /// syntax error, or serde's unknown field, missing field, wrong type or unknown value.
    pub fn toml_error(&self, error: &toml::de::Error, offset: usize) -> Diagnostic {
        self.toml_diagnostic(error, offset, Code::TomlSyntax)
    }

    /// [`SourceFile::toml_error`] for an error met while reading TOML that is known to be
    /// valid into a typed value: what is not one of serde's own errors is a bad value.
    pub fn toml_value_error(&self, error: &toml::de::Error, offset: usize) -> Diagnostic {
        self.toml_diagnostic(error, offset, Code::BadValue)
    }

    fn toml_diagnostic(
        &self,
        error: &toml::de::Error,
        offset: usize,
        otherwise: Code,
    ) -> Diagnostic {
        let message = error.message().trim_end().to_owned();
        let code = if message.starts_with("unknown field") {
            Code::UnknownField
        } else if message.starts_with("missing field") {
            Code::MissingField
        } else if message.starts_with("invalid type") {
            Code::WrongType
        } else if message.starts_with("unknown variant") {
            Code::UnknownValue
        } else if message.starts_with("invalid date") || message.starts_with("invalid time") {
            Code::BadDate
        } else if message.starts_with("invalid value") || message.starts_with("invalid length") {
            Code::BadValue
        } else {
            otherwise
        };
        let span = error
            .span()
            .map_or(offset..offset, |s| s.start + offset..s.end + offset);
        let hint = hints::toml_hint(&message, self.line_at(span.start), &self.text);
        let diagnostic = self.error_at(span, message).code(code);
        match hint {
            Some(hint) => diagnostic.hint(hint),
            None => diagnostic,
        }
    }
}

/// The 1-based line and column (counted in characters) of a byte offset in `text`.
/// Offsets past the end or inside a character are clamped to a valid position.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].trim_end_matches('\r').chars().count() + 1;
    (line, column)
}

/// A path relative to `root` for messages, or the path itself when it is elsewhere.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_reports_carry_the_place_and_escape_what_they_must() {
        let file = SourceFile::new("content/a.md", b"title = 7pm\n".to_vec()).unwrap();
        let d = file
            .error_at(8..11, "bad, value: 100%")
            .hint("write it\nquoted");
        let json: serde_json::Value =
            serde_json::from_str(&d.to_json_line(Severity::Error)).unwrap();
        assert_eq!(json["file"], "content/a.md");
        assert_eq!(
            (json["line"].clone(), json["column"].clone()),
            (1.into(), 9.into())
        );
        assert_eq!(
            (json["end_line"].clone(), json["end_column"].clone()),
            (1.into(), 12.into())
        );
        assert_eq!(json["severity"], "error");
        assert_eq!(
            d.to_github_annotation(Severity::Warning),
            "::warning file=content/a.md,line=1,col=9,endLine=1,endColumn=12,title=hubsite::bad, value: 100%25%0Ahint: write it%0Aquoted"
        );
    }

    /// Every place in src/ that makes a diagnostic (`Diagnostic::file(..)`, `Diagnostic::at(..)`,
    /// `x.error_at(..)`) gives it a code in the same expression: `.code(..)` in its method
    /// chain (or it only borrows the position: `.position`). `toml_error` sets its own.
    #[test]
    fn every_diagnostic_made_in_the_source_has_a_code() {
        let mut missing = Vec::new();
        let mut seen = 0;
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for entry in walkdir::WalkDir::new(&root) {
            let path = entry.unwrap().into_path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            for pattern in ["Diagnostic::file(", "Diagnostic::at(", ".error_at("] {
                for (at, _) in text.match_indices(pattern) {
                    if text[..at].ends_with("..") {
                        continue; // `..Diagnostic::file(..)`: a constructor filling in another
                    }
                    seen += 1;
                    let chain = method_chain(&text[at + pattern.len() - 1..]);
                    if !chain.iter().any(|m| m == "code" || m == "position") {
                        let (line, _) = line_column(text, at);
                        missing.push(format!("{}:{line}", path.display()));
                    }
                }
            }
        }
        assert!(
            seen > 80,
            "only {seen} diagnostics found: is the walk right?"
        );
        assert!(
            missing.is_empty(),
            "diagnostics without a code:\n{}",
            missing.join("\n")
        );
    }

    /// The methods called on the value of the call whose `(` starts `text`.
    fn method_chain(text: &str) -> Vec<String> {
        let mut rest = skip_group(text);
        let mut methods = Vec::new();
        loop {
            let trimmed = rest.trim_start();
            let Some(after_dot) = trimmed.strip_prefix('.') else {
                return methods;
            };
            let name: String = after_dot
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.is_empty() {
                return methods;
            }
            rest = &after_dot[name.len()..];
            methods.push(name);
            if rest.trim_start().starts_with('(') {
                rest = skip_group(rest.trim_start());
            }
        }
    }

    /// What follows the parenthesised group that starts `text`, skipping strings and chars.
    fn skip_group(text: &str) -> &str {
        let bytes = text.as_bytes();
        let (mut depth, mut i) = (0usize, 0usize);
        while i < bytes.len() {
            match bytes[i] {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return &text[i + 1..];
                    }
                }
                b'"' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'\'' if bytes.get(i + 2) == Some(&b'\'') => i += 2,
                b'\'' if bytes.get(i + 1) == Some(&b'\\') => i += 3,
                _ => {}
            }
            i += 1;
        }
        ""
    }

    #[test]
    fn line_column_counts_lines_and_characters() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, 9), (2, 3));
    }

    #[test]
    fn line_column_ignores_crlf_carriage_returns() {
        let text = "a = 1\r\nb = 2\r\n";
        assert_eq!(line_column(text, 7), (2, 1));
        assert_eq!(line_column(text, 11), (2, 5));
    }

    #[test]
    fn line_column_clamps_offsets_past_the_end_or_inside_a_character() {
        assert_eq!(line_column("é", 1), (1, 1));
        assert_eq!(line_column("ab", 99), (1, 3));
    }

    #[test]
    fn source_file_drops_bom_and_reports_bad_utf8_with_position() {
        let file = SourceFile::new("a.md", b"\xef\xbb\xbfhello".to_vec()).unwrap();
        assert_eq!(file.text, "hello");
        let error = SourceFile::new("b.md", b"ok\nx\xffy".to_vec()).unwrap_err();
        assert_eq!(error.position, Some((2, 2)));
    }
}
