//! Private evidence stays on this machine when the data folder is shared
//! through git: it is kept in a sidecar `<id>.private.ron` beside the
//! session (never committed: `sync init` lists it in `.gitignore`), joined
//! into the session when it is read and split out when it is saved.
//!
//! A folder is shared when the data folder (the sessions folder's parent)
//! is a git working tree. In a folder that is not shared, sessions are
//! written whole, as before.

use super::atomic::{self, read_regular, write_atomic};
use super::codec::{DecodeError, redact};
use super::model::{Evidence, Session};
use super::store::session_id_of;
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

const FORMAT: u32 = 1;

/// The sidecar file's contents.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PrivateFile {
    pub version: u32,
    #[serde(default)]
    pub evidence: Vec<PrivateEvidence>,
}

/// One private evidence item and where it sits in the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrivateEvidence {
    /// The item (indicator) it belongs to.
    pub item: String,
    /// Its place in that item's evidence list.
    pub position: usize,
    pub evidence: Evidence,
}

/// `<folder>/<id>.private.ron`.
pub fn sidecar_path(session_path: &Path) -> PathBuf {
    atomic::parent_dir(session_path).join(format!("{}.private.ron", session_id_of(session_path)))
}

/// Whether this session's data folder is shared through git.
pub fn is_shared(session_path: &Path) -> bool {
    atomic::parent_dir(session_path)
        .parent()
        .is_some_and(|data| data.join(".git").exists())
}

/// The session without its private evidence, and that evidence.
pub fn split(session: &Session) -> (Session, Vec<PrivateEvidence>) {
    let mut public = session.clone();
    let mut private = Vec::new();
    for item in &mut public.items {
        let mut position = 0;
        item.evidence.retain(|evidence| {
            let keep = !evidence.private;
            if !keep {
                private.push(PrivateEvidence {
                    item: item.item.clone(),
                    position,
                    evidence: evidence.clone(),
                });
            }
            position += 1;
            keep
        });
    }
    (public, private)
}

/// Put private evidence back where it was. Evidence whose id the session
/// already has is not added twice; evidence of an item the session no
/// longer has is kept under a new record for that item, not dropped.
pub fn join(session: &mut Session, private: Vec<PrivateEvidence>) {
    for entry in private {
        let present = session
            .items
            .iter()
            .any(|i| i.evidence.iter().any(|e| e.id == entry.evidence.id));
        if present {
            continue;
        }
        let index = match session.items.iter().position(|i| i.item == entry.item) {
            Some(index) => index,
            None => {
                session
                    .items
                    .push(super::model::ItemRecord::new(entry.item.clone()));
                session.items.len() - 1
            }
        };
        let list = &mut session.items[index].evidence;
        list.insert(entry.position.min(list.len()), entry.evidence);
    }
}

/// Read the sidecar of a session; none there is an empty list.
pub fn read(session_path: &Path) -> Result<Vec<PrivateEvidence>, ReadError> {
    let path = sidecar_path(session_path);
    let bytes = match read_regular(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(ReadError::Io(path, error)),
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ReadError::Decode(path.clone(), DecodeError::NotUtf8 { line: 1, col: 1 }))?;
    let file: PrivateFile = ron::from_str(text).map_err(|e| {
        ReadError::Decode(
            path.clone(),
            DecodeError::Invalid {
                line: e.span.start.line,
                col: e.span.start.col,
                message: redact(&e.code.to_string()),
            },
        )
    })?;
    Ok(file.evidence)
}

#[derive(Debug)]
pub enum ReadError {
    Io(PathBuf, io::Error),
    Decode(PathBuf, DecodeError),
}

/// Write the sidecar atomically and privately. An empty list is written
/// only over an existing sidecar (so stale entries do not come back).
pub fn write(session_path: &Path, private: &[PrivateEvidence]) -> io::Result<()> {
    let path = sidecar_path(session_path);
    if private.is_empty() && !path.exists() {
        return Ok(());
    }
    let file = PrivateFile {
        version: FORMAT,
        evidence: private.to_vec(),
    };
    let config = ron::ser::PrettyConfig::new().indentor("  ".to_owned());
    let text = ron::ser::to_string_pretty(&file, config)
        .map_err(|e| io::Error::other(redact(&e.to_string())))?;
    let back: PrivateFile = ron::from_str(&text)
        .map_err(|_| io::Error::other("private evidence did not read back as written"))?;
    if back != file {
        return Err(io::Error::other(
            "private evidence did not read back as written",
        ));
    }
    write_atomic(&path, format!("{text}\n").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::model::{
        EvidenceSource, InformationKind, ItemRecord, ScaleChoice, SessionKind,
    };

    fn evidence(id: &str, private: bool) -> Evidence {
        Evidence {
            id: id.into(),
            source: EvidenceSource::CaseRecords,
            information: InformationKind::Quality,
            description: format!("about {id}"),
            date: None,
            private,
        }
    }

    #[test]
    fn split_then_join_gives_the_session_back() {
        let mut session = Session::new(
            "2026-11-25-s-0001".into(),
            SessionKind::Workshop,
            "S".into(),
            "hmie-cp-2009".into(),
            ScaleChoice::Framework,
            "2026-11-25T09:00:00Z".parse().expect("time"),
        );
        let mut item = ItemRecord::new("5.3");
        item.evidence = vec![
            evidence("e1", false),
            evidence("e2", true),
            evidence("e3", false),
        ];
        session.items.push(item);
        let (public, private) = split(&session);
        assert_eq!(public.items[0].evidence.len(), 2);
        assert!(public.items[0].evidence.iter().all(|e| !e.private));
        let mut back = public.clone();
        join(&mut back, private.clone());
        assert_eq!(back, session);
        join(&mut back, private);
        assert_eq!(back, session, "joining twice adds nothing");
        let mut gone = public;
        gone.items.clear();
        join(&mut gone, split(&session).1);
        assert_eq!(gone.items[0].evidence, vec![evidence("e2", true)]);
    }
}
