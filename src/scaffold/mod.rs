//! `hubsite new DIR`: writes a small working site to start from.

use std::fs;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::error::Error;

/// The starter site, built into the binary.
static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/site");

/// Writes the starter site into `dir`, which must not exist or be empty.
pub fn create_site(dir: &Path) -> Result<usize, Error> {
    if dir.exists()
        && fs::read_dir(dir)
            .map_err(|e| Error::io("cannot read", dir, e))?
            .next()
            .is_some()
    {
        return Err(Error::UnsafeOutput {
            path: dir.to_path_buf(),
            reason: "it is not empty; choose a new folder".into(),
        });
    }
    let mut written = 0;
    write_dir(&STARTER, dir, &mut written)?;
    Ok(written)
}

fn write_dir(source: &Dir<'static>, target: &Path, written: &mut usize) -> Result<(), Error> {
    for file in source.files() {
        let path = target.join(file.path());
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io("cannot create", parent, e))?;
        }
        fs::write(&path, file.contents()).map_err(|e| Error::io("cannot write", &path, e))?;
        *written += 1;
    }
    for sub in source.dirs() {
        write_dir(sub, target, written)?;
    }
    Ok(())
}
