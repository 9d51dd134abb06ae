//! `howgood merge-driver %O %A %B %P`: git's merge of one file, as data.
//! Session files are merged by [`merge_sessions`] (other kinds of record
//! file plug in through [`RecordFile`]); the result is written
//! over `%A` and the driver exits 0, so git takes the file as merged even
//! when it holds recorded conflicts. A file that does not read as a
//! session exits 1 and git reports a conflict, with `%A` untouched: a RON
//! file never gets conflict markers.

use super::session_merge::{Authors, merge_sessions};
use crate::session::atomic::{read_regular, write_atomic};
use crate::session::codec;
use crate::session::model::Session;
use std::path::Path;
use std::process::Command;

/// Set by `sync` for the driver: the local user's name, and the ref being
/// merged in (to name who saved the other side).
pub const OURS_BY_VAR: &str = "HOWGOOD_SYNC_OURS_BY";
pub const THEIRS_REF_VAR: &str = "HOWGOOD_SYNC_THEIRS_REF";

/// A kind of record file the driver can merge: it reads the three
/// versions, merges them as data and gives the text to write, with the
/// number of conflicts now recorded in it. Measures get one beside
/// [`SessionFile`] (their own `Schema` for `merge3`, and a list of
/// recorded conflicts in the measure file).
pub trait RecordFile {
    fn merge(
        &self,
        base: Option<&[u8]>,
        ours: &[u8],
        theirs: &[u8],
        authors: &Authors,
    ) -> Result<(String, usize), String>;
}

/// The merge for a file by its path in the repository, if howgood has one.
pub fn kind_for(name: &str) -> Option<&'static dyn RecordFile> {
    if name == "measures/measures.ron" {
        return Some(&MeasuresFile);
    }
    let file = name.rsplit('/').next().unwrap_or(name);
    let in_sessions = name.strip_suffix(file) == Some("sessions/");
    (in_sessions && file.ends_with(".ron")).then_some(&SessionFile as &dyn RecordFile)
}

/// The measures register: `measures/measures.ron`.
pub struct MeasuresFile;

impl RecordFile for MeasuresFile {
    fn merge(
        &self,
        base: Option<&[u8]>,
        ours: &[u8],
        theirs: &[u8],
        authors: &Authors,
    ) -> Result<(String, usize), String> {
        use crate::measures::file;
        let read = |bytes: &[u8], which: &str| {
            let decoded = file::decode(bytes);
            mergeable(which, "a measures file", decoded, |d| d.read_only_reason())
                .map(|d| d.register)
        };
        let base = base.map(|b| read(b, "base")).transpose()?;
        let merged = super::measures_merge::merge_registers(
            base.as_ref(),
            &read(ours, "our")?,
            &read(theirs, "their")?,
            authors,
        )
        .map_err(|e| format!("the merged register does not fit the model: {e}"))?;
        let text = file::encode(&merged).map_err(|e| e.to_string())?;
        Ok((text, merged.conflicts.len()))
    }
}

/// One version (`which`: base, our, their) decoded for merging. A version
/// this howgood would open read-only is refused: merging would drop what
/// it does not know.
fn mergeable<T, E: std::fmt::Display>(
    which: &str,
    kind: &str,
    decoded: Result<T, E>,
    read_only: impl FnOnce(&T) -> Option<String>,
) -> Result<T, String> {
    let decoded =
        decoded.map_err(|e| format!("{which} version is not {kind} this howgood reads: {e}"))?;
    match read_only(&decoded) {
        Some(reason) => Err(format!(
            "{which} version {reason}; update howgood to merge it"
        )),
        None => Ok(decoded),
    }
}

/// Session files: `sessions/<id>.ron`.
pub struct SessionFile;

impl RecordFile for SessionFile {
    fn merge(
        &self,
        base: Option<&[u8]>,
        ours: &[u8],
        theirs: &[u8],
        authors: &Authors,
    ) -> Result<(String, usize), String> {
        let read = |bytes: &[u8], which: &str| -> Result<Session, String> {
            let decoded = codec::decode(bytes);
            mergeable(which, "a session file", decoded, |d| d.read_only_reason()).map(|d| d.session)
        };
        let base = base.map(|b| read(b, "base")).transpose()?;
        let ours = read(ours, "our")?;
        let theirs = read(theirs, "their")?;
        let merged = merge_sessions(base.as_ref(), &ours, &theirs, authors)
            .map_err(|e| format!("the merged session does not fit the model: {e}"))?;
        let text = codec::encode(&merged).map_err(|e| e.to_string())?;
        Ok((text, merged.conflicts.len()))
    }
}

/// Merge the three versions; `Err` says why git should see a conflict.
pub fn run(base: &Path, ours: &Path, theirs: &Path, name: &str) -> Result<usize, String> {
    let kind = kind_for(name).ok_or_else(|| {
        format!("{name}: howgood has no merge for this kind of file; it is left to you")
    })?;
    let read = |path: &Path, which: &str| {
        read_regular(path).map_err(|e| format!("{name}: cannot read the {which} version: {e}"))
    };
    let base = read(base, "base")?;
    // An empty base: both sides added the file.
    let base = (!base.is_empty()).then_some(base.as_slice());
    let (text, conflicts) = kind
        .merge(
            base,
            &read(ours, "our")?,
            &read(theirs, "their")?,
            &authors(name),
        )
        .map_err(|e| format!("{name}: {e}"))?;
    write_atomic(ours, text.as_bytes())
        .map_err(|e| format!("{name}: cannot write the merge: {e}"))?;
    Ok(conflicts)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_files_and_the_measures_register_have_a_merge() {
        assert!(kind_for("sessions/2026-11-25-x-0001.ron").is_some());
        assert!(kind_for("measures/measures.ron").is_some());
        assert!(kind_for("measures/m.ron").is_none());
        assert!(kind_for("sessions/sub/x.ron").is_none());
        assert!(kind_for("x.ron").is_none());
    }
}
