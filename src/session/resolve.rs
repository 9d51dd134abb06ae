//! Finding a session by id, path, or unique title prefix: how the command
//! line and the open-by-name prompt name a session.

use crate::session::store::SessionStore;
use std::path::{Path, PathBuf};

/// Find a session by id, path, or unique title prefix, reading every
/// session file for titles (the index offers a quicker way: `index::resolve`).
pub fn resolve(store: &SessionStore, query: &str) -> Result<PathBuf, String> {
    if let Some(path) = by_path_or_id(store, query) {
        return Ok(path);
    }
    let wanted = query.to_lowercase();
    let matches: Vec<_> = store
        .entries()
        .map_err(|error| error.to_string())?
        .into_iter()
        .filter_map(|e| {
            let decoded = e.state.ok()?;
            decoded
                .session
                .title
                .to_lowercase()
                .starts_with(&wanted)
                .then_some((e.path, decoded.session.title))
        })
        .collect();
    pick(query, matches)
}

/// The session a query names by its path or its id, if it does.
pub fn by_path_or_id(store: &SessionStore, query: &str) -> Option<PathBuf> {
    let as_path = Path::new(query);
    if (query.contains(std::path::MAIN_SEPARATOR) || query.ends_with(".ron")) && as_path.exists() {
        return Some(as_path.to_owned());
    }
    if crate::session::ids::is_valid_id(query) && store.path_of(query).exists() {
        return Some(store.path_of(query));
    }
    None
}

/// The one session whose title begins with the query, or why there is not
/// one. A title that is the query exactly wins over titles it only begins
/// ("Supervision" names that session even when "Supervision 2" exists).
pub fn pick(query: &str, matches: Vec<(PathBuf, String)>) -> Result<PathBuf, String> {
    let wanted = query.trim().to_lowercase();
    let exact: Vec<_> = matches
        .iter()
        .filter(|(_, title)| title.trim().to_lowercase() == wanted)
        .collect();
    if let [(path, _)] = exact.as_slice() {
        return Ok(path.clone());
    }
    match matches.len() {
        1 => Ok(matches[0].0.clone()),
        0 => Err(format!(
            "no session has the id, path or title '{query}'; `howgood sessions list` shows them"
        )),
        _ => Err(format!(
            "'{query}' begins several titles ({}); give more of the title or the id",
            matches
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }
}
