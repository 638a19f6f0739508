//! The library's error type: what can stop a build.

use std::path::PathBuf;

use crate::diag::Diagnostics;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the site's files, all of them, located.
    #[error("{0}")]
    Content(Diagnostics),
    /// The disk refused a read or write outside the site's files.
    // What the system said is part of the message, not a `source`: a report that prints the
    // causes too (`{:#}`) would say it twice.
    #[error("{action} {path}: {cause}")]
    Io {
        /// What hubsite was doing.
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
    /// The output folder is one that hubsite must not replace.
    #[error("refusing to write to {path}: {reason}")]
    UnsafeOutput {
        /// The folder.
        path: PathBuf,
        /// Why it is refused.
        reason: String,
    },
}

impl Error {
    /// An I/O error with what was being done and where.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.into(),
            cause: source,
        }
    }
}
