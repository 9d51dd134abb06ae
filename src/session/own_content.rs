//! The organisation's own content file (`own-content.ron` in the config
//! content folder) on disk: read fresh before every change, written as
//! every durable file is (private, atomic), and never written over a file
//! that could not be read or understood.

use super::atomic::{create_private_dir, read_regular, write_atomic};
use crate::content::library::Library;
use crate::content::model::Framework;
use crate::content::own;
use std::path::{Path, PathBuf};

/// Where the file lives in a content folder.
pub fn path_in(content_dir: &Path) -> PathBuf {
    content_dir.join(own::FILE)
}

/// The file as it is now: `None` when there is none yet. An unreadable or
/// invalid file is an error, so that nothing is written over it.
pub fn load(path: &Path) -> Result<Option<Framework>, String> {
    let bytes = match read_regular(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(format!(
                "{} could not be read ({e}); nothing was written",
                path.display()
            ));
        }
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{} is not UTF-8 text; nothing was written", path.display()))?;
    let label = path.display().to_string();
    let framework = crate::content::load::parse_framework(&label, &text)
        .map_err(|p| format!("{p}; nothing was written"))?;
    if framework.id != own::ID {
        return Err(format!(
            "{} holds framework '{}', not the organisation's own content; nothing was written",
            path.display(),
            framework.id
        ));
    }
    Ok(Some(framework))
}

/// Apply one change to the file: read it fresh (or start it for
/// `organisation` when there is none), change it, write it back.
pub fn change<T>(
    path: &Path,
    organisation: Option<&str>,
    library: &Library,
    edit: impl FnOnce(&Library, &mut Framework) -> Result<T, String>,
) -> Result<(T, Framework), String> {
    let mut framework = match load(path)? {
        Some(framework) => framework,
        None => match organisation.map(str::trim).filter(|o| !o.is_empty()) {
            Some(name) => own::new(name)?,
            None => {
                return Err(
                    "your organisation's name is needed the first time (--organisation NAME)"
                        .to_owned(),
                );
            }
        },
    };
    let made = edit(library, &mut framework)?;
    let text = own::encode(&framework)?;
    create_private_dir(super::atomic::parent_dir(path))
        .and_then(|()| write_atomic(path, text.as_bytes()))
        .map_err(|e| format!("{} could not be written ({e})", path.display()))?;
    Ok((made, framework))
}
