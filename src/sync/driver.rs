//! `howgood merge-driver %O %A %B %P`: git's merge of one file, as data.
//! Session files are merged by [`merge_sessions`]; the result is written
//! over `%A` and the driver exits 0, so git takes the file as merged even
//! when it holds recorded conflicts. A file that does not read as a
//! session exits 1 and git reports a conflict, with `%A` untouched: a RON
//! file never gets conflict markers.

use super::session_merge::{Authors, merge_sessions};
use crate::session::atomic::{read_regular, write_atomic};
use crate::session::codec;
use std::path::Path;
use std::process::Command;

/// Set by `sync` for the driver: the local user's name, and the ref being
/// merged in (to name who saved the other side).
pub const OURS_BY_VAR: &str = "HOWGOOD_SYNC_OURS_BY";
pub const THEIRS_REF_VAR: &str = "HOWGOOD_SYNC_THEIRS_REF";

/// Merge the three versions; `Err` says why git should see a conflict.
pub fn run(base: &Path, ours: &Path, theirs: &Path, name: &str) -> Result<usize, String> {
    let read =
        |path: &Path, which: &str| -> Result<Option<crate::session::model::Session>, String> {
            let bytes = read_regular(path).map_err(|e| format!("cannot read {which}: {e}"))?;
            if bytes.is_empty() && which == "base" {
                return Ok(None);
            }
            let decoded = codec::decode(&bytes).map_err(|e| {
                format!("{name}: {which} version is not a session file this howgood reads: {e}")
            })?;
            // Merging would drop what this howgood does not know.
            if let Some(reason) = decoded.read_only_reason() {
                return Err(format!(
                    "{name}: {which} version {reason}; update howgood to merge it"
                ));
            }
            Ok(Some(decoded.session))
        };
    let base = read(base, "base")?;
    let ours_session = read(ours, "our")?.ok_or("our version is empty")?;
    let theirs_session = read(theirs, "their")?.ok_or("their version is empty")?;
    let merged = merge_sessions(
        base.as_ref(),
        &ours_session,
        &theirs_session,
        &authors(name),
    )
    .map_err(|e| format!("{name}: the merged session does not fit the model: {e}"))?;
    let text = codec::encode(&merged).map_err(|e| format!("{name}: {e}"))?;
    write_atomic(ours, text.as_bytes()).map_err(|e| format!("cannot write the merge: {e}"))?;
    Ok(merged.conflicts.len())
}

fn authors(name: &str) -> Authors {
    let theirs = std::env::var(THEIRS_REF_VAR)
        .ok()
        .and_then(|reference| {
            let output = Command::new("git")
                .args(["log", "-1", "--format=%an", &reference, "--", name])
                .env("GIT_TERMINAL_PROMPT", "0")
                .output()
                .ok()?;
            output
                .status
                .success()
                .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        })
        .unwrap_or_default();
    Authors {
        ours: std::env::var(OURS_BY_VAR).unwrap_or_default(),
        theirs,
    }
}
