//! Finding a session by id, path or unique title prefix with the index's
//! titles, so naming a session reads only the files that changed.

use super::Index;
use crate::session::resolve::{by_path_or_id, pick};
use crate::session::store::SessionStore;
use std::path::PathBuf;

/// As `session::resolve::resolve`, with titles from the index; every file
/// is read only if the index cannot be used.
pub fn resolve(store: &SessionStore, query: &str) -> Result<PathBuf, String> {
    if let Some(path) = by_path_or_id(store, query) {
        return Ok(path);
    }
    let index_path = Index::path_in(crate::session::atomic::parent_dir(&store.dir));
    let indexed = Index::open_current(&index_path, &store.dir, &mut |_, _| {})
        .and_then(|(index, _)| index.titles_starting(query));
    match indexed {
        Ok(found) => pick(
            query,
            found
                .into_iter()
                .map(|(file, title)| (store.dir.join(file), title))
                .collect(),
        ),
        Err(_) => crate::session::resolve::resolve(store, query),
    }
}
