//! The measures register on disk: one file, `<data dir>/measures/measures.ron`,
//! kept by the same rules as a session (see `session::store`): verified
//! before writing, atomic, private, the previous version in history, one
//! writer at a time, never written over a file that changed behind our back
//! or that this howgood cannot fully read.
//!
//! One file rather than one per measure: an import of many measures' values
//! then lands in one atomic rename, all or nothing; and a register of a few
//! hundred measures with their values is small.

use super::model::{MEASURES_FORMAT_VERSION, MeasureRegister};
use crate::session::atomic::{create_private_dir, remove_stale_temps};
use crate::session::codec::{DecodeError, EncodeError, checked_text, invalid, redact};
use crate::session::store::{
    Access, Lock, Saved, StoreError, hash, history_files, io_error, save_text, take_lock,
};
use jiff::Timestamp;
use serde::Deserialize;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub const FILE_NAME: &str = "measures.ron";

/// `<data dir>/measures/`.
pub fn measures_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("measures")
}

/// A decoded register and what makes it unsafe to save over.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub register: MeasureRegister,
    pub file_version: u32,
    pub unknown_fields: Vec<String>,
}

impl Decoded {
    pub fn read_only_reason(&self) -> Option<String> {
        crate::session::codec::read_only_reason(
            "measures format",
            self.file_version,
            MEASURES_FORMAT_VERSION,
            &self.unknown_fields,
        )
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Decode the register's bytes: never a default in place of a bad file.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let text = checked_text(bytes)?;
    let probe: VersionProbe = ron::Options::default()
        .from_str(text)
        .map_err(|e| invalid(&e))?;
    if probe.version == 0 {
        return Err(DecodeError::UnreadableVersion { found: 0 });
    }
    let mut unknown_fields = Vec::new();
    let mut deserializer = ron::Deserializer::from_str(text).map_err(|e| invalid(&e))?;
    let parsed = serde_ignored::deserialize(&mut deserializer, |path| {
        unknown_fields.push(path.to_string());
    });
    match parsed.and_then(|r| deserializer.end().map(|()| r)) {
        Ok(register) => Ok(Decoded {
            register,
            file_version: probe.version,
            unknown_fields,
        }),
        Err(_) if probe.version > MEASURES_FORMAT_VERSION => Err(DecodeError::UnreadableVersion {
            found: probe.version,
        }),
        Err(error) => Err(invalid(&deserializer.span_error(error))),
    }
}

/// Encode the register and check that it reads back the same.
pub fn encode(register: &MeasureRegister) -> Result<String, EncodeError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_owned())
        .struct_names(false);
    let text = ron::Options::default()
        .to_string_pretty(register, config)
        .map_err(|e| EncodeError::Serialise(redact(&e.to_string())))?;
    let text = format!("{text}\n");
    match decode(text.as_bytes()) {
        Ok(decoded) if decoded.register == *register && decoded.unknown_fields.is_empty() => {
            Ok(text)
        }
        _ => Err(EncodeError::RoundTrip),
    }
}

/// The register open for changing (or, failing the lock or on a file this
/// howgood cannot fully read, for reading).
#[derive(Debug)]
pub struct OpenRegister {
    pub path: PathBuf,
    pub access: Access,
    pub loaded: MeasureRegister,
    pub conflict_copy: Option<PathBuf>,
    disk_hash: Option<u64>,
    _lock: Option<Lock>,
}

impl OpenRegister {
    /// Open `<dir>/measures.ron`, or an empty register if there is no file
    /// yet (written at the first save). The folder is made private.
    pub fn open(dir: &Path, now: Timestamp) -> Result<OpenRegister, StoreError> {
        create_private_dir(dir).map_err(io_error(dir))?;
        remove_stale_temps(dir, SystemTime::now());
        let path = dir.join(FILE_NAME);
        let (loaded, disk_hash, reason) = match crate::session::atomic::read_regular(&path) {
            Ok(bytes) => {
                let decoded = decode(&bytes).map_err(|error| StoreError::Decode {
                    path: path.clone(),
                    error,
                })?;
                let reason = decoded.read_only_reason();
                (decoded.register, Some(hash(&bytes)), reason)
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                (MeasureRegister::default(), None, None)
            }
            Err(error) => return Err(io_error(&path)(error)),
        };
        let (lock, access) = match (take_lock(&path, now), reason) {
            (Err(holder), _) => (None, Access::ReadOnly(holder)),
            (Ok(lock), Some(reason)) => (Some(lock), Access::ReadOnly(reason)),
            (Ok(lock), None) => (Some(lock), Access::ReadWrite),
        };
        Ok(OpenRegister {
            path,
            access,
            loaded,
            conflict_copy: None,
            disk_hash,
            _lock: lock,
        })
    }

    /// Save: verified, atomic, private, history kept, never over a file
    /// changed on disk since it was read (ours then goes beside it).
    pub fn save(
        &mut self,
        register: &MeasureRegister,
        now: Timestamp,
    ) -> Result<Saved, StoreError> {
        if let Access::ReadOnly(reason) = &self.access {
            return Err(StoreError::ReadOnly(reason.clone()));
        }
        let problems = super::validate::register_problems(register);
        if let Some(first) = problems.first() {
            // Refused before anything is written; said against the file.
            let error = io::Error::new(io::ErrorKind::InvalidData, first.clone());
            return Err(io_error(&self.path)(error));
        }
        let text = encode(register).map_err(StoreError::Encode)?;
        save_text(
            &self.path,
            &text,
            &mut self.disk_hash,
            &mut self.conflict_copy,
            now,
        )
    }
}

/// The newest version in the register's history that decodes.
pub fn newest_good_history(dir: &Path) -> Option<(PathBuf, Decoded)> {
    history_files(&dir.join(FILE_NAME))
        .into_iter()
        .rev()
        .find_map(|path| {
            let decoded = decode(&crate::session::atomic::read_regular(&path).ok()?).ok()?;
            Some((path, decoded))
        })
}

/// Files in the measures folder readable by others than their owner (the
/// session store's check, on this folder).
pub fn permission_warnings(dir: &Path) -> Vec<String> {
    crate::session::store::SessionStore {
        dir: dir.to_owned(),
    }
    .permission_warnings()
}

/// At the user's request: set a damaged register aside and put the newest
/// good version from history in its place, under the lock, by the session
/// store's helpers. Returns where the damaged file went and what was
/// restored.
pub fn restore_from_history(dir: &Path, now: Timestamp) -> Result<(PathBuf, PathBuf), StoreError> {
    let good = newest_good_history(dir).map(|(good, _)| good);
    crate::session::store::put_back_from_history(&dir.join(FILE_NAME), good, now)
}

/// Read the register without locking it: for listing and for the actions
/// register. No file yet is an empty register.
pub fn read(dir: &Path) -> Result<MeasureRegister, StoreError> {
    let path = dir.join(FILE_NAME);
    match crate::session::atomic::read_regular(&path) {
        Ok(bytes) => decode(&bytes)
            .map(|d| d.register)
            .map_err(|error| StoreError::Decode { path, error }),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(MeasureRegister::default()),
        Err(error) => Err(io_error(&path)(error)),
    }
}
