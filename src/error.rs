//! The library's error type: what can stop a build.
//!
//! Each variant prints as one sentence that carries its cause itself: what hubsite was doing,
//! where, why, and what to do. None of them also returns its cause from
//! [`std::error::Error::source`], so a report that prints the whole chain (`{:#}`, as the
//! command line does) says the cause once, not twice.

use std::io;
use std::path::PathBuf;

use crate::diag::Diagnostics;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the site's files, all of them, located.
    #[error("{0}")]
    Content(Diagnostics),
    /// The disk refused a read or write outside the site's files.
    #[error("{action} {}: {}", path.display(), IoCause(cause))]
    Io {
        /// What hubsite was doing.
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// What the system said. Not a `source`: the message already says it.
        cause: io::Error,
    },
    /// The output folder is one that hubsite must not replace.
    #[error("refusing to write to {}: {reason}", path.display())]
    UnsafeOutput {
        /// The folder.
        path: PathBuf,
        /// Why it is refused.
        reason: String,
    },
    /// Another build is writing the same output folder now.
    #[error(
        "another hubsite build is writing an output in {} now (one build at a time writes \
         there, whatever its output folder); wait for it to finish, then build {} again, or \
         give this build an output in another folder",
        folder.display(),
        path.display()
    )]
    OutputBusy {
        /// The output folder.
        path: PathBuf,
        /// The folder it is in, which one build at a time writes in.
        folder: PathBuf,
    },
}

impl Error {
    /// An I/O error with what was being done and where.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, cause: io::Error) -> Self {
        Error::Io {
            action,
            path: path.into(),
            cause,
        }
    }

    /// The kind of I/O error behind this one, if it is one.
    pub fn io_kind(&self) -> Option<io::ErrorKind> {
        match self {
            Error::Io { cause, .. } => Some(cause.kind()),
            _ => None,
        }
    }
}

/// An I/O error in words for people: what went wrong (with the system's number, for searching)
/// and what to do about it.
struct IoCause<'a>(&'a io::Error);

impl std::fmt::Display for IoCause<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let error = self.0;
        let (what, advice) = match error.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => (
                "the disk is full",
                "free some space, or build into a folder on another disk with --output",
            ),
            io::ErrorKind::PermissionDenied => (
                "permission denied",
                "check who owns the folder and may write to it, or choose another --output",
            ),
            io::ErrorKind::ReadOnlyFilesystem => (
                "the file system is read-only",
                "build into a folder you can write to with --output",
            ),
            io::ErrorKind::InvalidFilename => (
                "the name is too long for this file system",
                "shorten the file name or the title it is made from",
            ),
            io::ErrorKind::NotFound => ("it does not exist", "check the path"),
            io::ErrorKind::ResourceBusy => (
                "it is in use (a mount point, or open in another program)",
                "close what uses it, or choose another --output",
            ),
            io::ErrorKind::CrossesDevices => (
                "it is on another file system",
                "choose an --output on the same disk as its parent folder",
            ),
            _ => return write!(f, "{error}"),
        };
        match error.raw_os_error() {
            Some(code) => write!(f, "{what} (os error {code}); {advice}"),
            None => write!(f, "{what}; {advice}"),
        }
    }
}

/// An error and its causes on one line, `error: cause: cause`, as `hubsite` prints an error:
/// for a typed error whose message goes into a [`Diagnostic`](crate::diag::Diagnostic).
pub fn full_message(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut cause = error.source();
    while let Some(next) = cause {
        message.push_str(": ");
        message.push_str(&next.to_string());
        cause = next.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    /// What `main` prints: the error and its causes, as anyhow's `{:#}` does.
    fn printed(error: Error) -> String {
        format!("{:#}", anyhow::Error::new(error))
    }

    #[test]
    fn every_io_error_prints_its_cause_once() {
        // ENOSPC, EACCES, EROFS, ENAMETOOLONG, ENOENT, EBUSY, EXDEV, EIO.
        for code in [28, 13, 30, 36, 2, 16, 18, 5] {
            let cause = io::Error::from_raw_os_error(code);
            let error = Error::io("cannot write", "public/index.html", cause);
            assert!(error.source().is_none());
            let text = printed(error);
            let number = format!("os error {code}");
            assert_eq!(text.matches(&number).count(), 1, "{text}");
            assert!(
                text.starts_with("cannot write public/index.html: "),
                "{text}"
            );
        }
    }

    #[test]
    fn a_full_disk_says_what_to_do() {
        let error = Error::io(
            "cannot write",
            "public/a.html",
            io::Error::from_raw_os_error(28),
        );
        assert_eq!(
            printed(error),
            "cannot write public/a.html: the disk is full (os error 28); free some space, \
             or build into a folder on another disk with --output"
        );
    }

    #[test]
    fn other_variants_have_no_second_cause() {
        for error in [
            Error::OutputBusy {
                path: "public".into(),
                folder: ".".into(),
            },
            Error::UnsafeOutput {
                path: "public".into(),
                reason: "it is a file".into(),
            },
        ] {
            assert!(error.source().is_none());
        }
    }

    #[test]
    fn a_full_message_names_each_cause_once() {
        #[derive(Debug, thiserror::Error)]
        #[error("reading a.toml")]
        struct Reading(#[source] std::io::Error);
        let error = Reading(std::io::Error::other("no such file"));
        assert_eq!(full_message(&error), "reading a.toml: no such file");
    }
}
