//! Durable, private session storage. A session file is only ever replaced
//! atomically, after the new text has been verified; the previous version
//! goes to a history folder; one process at a time may write, others read;
//! a file changed behind our back is never overwritten.

use super::atomic::{
    self, create_private, create_private_dir, mode, remove_stale_temps, write_atomic,
};
use super::codec::{self, DecodeError, Decoded, EncodeError};
use super::model::Session;
use jiff::Timestamp;
use std::collections::hash_map::DefaultHasher;
use std::fs::{self, File, TryLockError};
use std::hash::{Hash, Hasher};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Newest history versions always kept, per session.
pub const HISTORY_KEEP_RECENT: usize = 20;
/// Beyond those, the newest version of each day is kept for this many days.
pub const HISTORY_KEEP_DAYS: usize = 90;

const HISTORY_DIR: &str = ".history";

/// The hash a durable file remembers of the bytes it last read or wrote.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// A compact UTC time for file names, sortable as text.
fn stamp(now: Timestamp) -> String {
    now.strftime("%Y%m%dT%H%M%S%.3fZ").to_string()
}

/// What a sidecar file beside a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sidecar {
    /// Written by the panic handler; offered at the next start.
    Recovery,
    /// Our version, saved beside a file that changed on disk.
    Conflict,
    /// A damaged file the user asked to set aside.
    SetAside,
}

impl Sidecar {
    fn infix(self) -> &'static str {
        match self {
            Sidecar::Recovery => ".recovery-",
            Sidecar::Conflict => ".conflict-",
            Sidecar::SetAside => ".damaged-",
        }
    }

    pub fn path(self, session_path: &Path, now: Timestamp) -> PathBuf {
        let dir = atomic::parent_dir(session_path);
        let id = session_id_of(session_path);
        dir.join(format!("{id}{}{}.ron", self.infix(), stamp(now)))
    }
}

/// The id part of a session or sidecar file name (`<id>.ron`,
/// `<id>.conflict-<stamp>.ron`).
pub fn session_id_of(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.split('.').next().unwrap_or_default().to_owned()
}

/// The sidecar files of one kind beside a session file, oldest first.
pub fn sidecars_of(session_path: &Path, kind: Sidecar) -> Vec<PathBuf> {
    let dir = atomic::parent_dir(session_path);
    let prefix = format!("{}{}", session_id_of(session_path), kind.infix());
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy().starts_with(&prefix) && n.to_string_lossy().ends_with(".ron")
            })
        })
        .collect();
    found.sort();
    found
}

/// Mark a recovery copy as dealt with (its changes were taken into the
/// session): renamed, not deleted, so the words stay on disk.
pub fn set_recovery_aside(recovery: &Path) -> io::Result<PathBuf> {
    let name = recovery
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .replace(Sidecar::Recovery.infix(), ".recovered-")
        })
        .unwrap_or_default();
    let target = atomic::parent_dir(recovery).join(name);
    fs::rename(recovery, &target)?;
    Ok(target)
}

/// Errors a user can act on. None of them quotes note text.
#[derive(Debug)]
pub enum StoreError {
    Io { path: PathBuf, error: io::Error },
    Decode { path: PathBuf, error: DecodeError },
    Encode(EncodeError),
    ReadOnly(String),
    Exists(PathBuf),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            StoreError::Decode { path, error } => match error.position() {
                Some((line, col)) => write!(f, "{}:{line}:{col}: {error}", path.display()),
                None => write!(f, "{}: {error}", path.display()),
            },
            StoreError::Encode(error) => write!(f, "{error}"),
            StoreError::ReadOnly(reason) => write!(f, "read-only: {reason}"),
            StoreError::Exists(path) => write!(f, "{} already exists", path.display()),
        }
    }
}

impl std::error::Error for StoreError {}

pub fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |error| StoreError::Io {
        path: path.to_owned(),
        error,
    }
}

/// Whether the session may be written by this process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    ReadOnly(String),
}

/// The result of a save that did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Written,
    /// The file already held exactly this text.
    Unchanged,
    /// The file changed on disk since we read it: ours went to this copy.
    ToConflictCopy(PathBuf),
}

/// The lock held while a session is open, and what it says about its holder.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

fn lock_path(session_path: &Path) -> PathBuf {
    let dir = atomic::parent_dir(session_path);
    dir.join(format!(".{}.lock", session_id_of(session_path)))
}

/// Try to take the sidecar lock. `Err` holds a description of the holder.
pub fn take_lock(session_path: &Path, now: Timestamp) -> Result<Lock, String> {
    let path = lock_path(session_path);
    let file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path);
    let mut file = match file {
        Ok(file) => file,
        Err(error) => return Err(format!("cannot open lock file {}: {error}", path.display())),
    };
    match file.try_lock() {
        Ok(()) => {
            // Tell a second copy who holds the lock and since when.
            let holder = format!("pid {} since {}\n", std::process::id(), now);
            let written = file
                .set_len(0)
                .and_then(|()| file.rewind())
                .and_then(|()| file.write_all(holder.as_bytes()));
            if let Err(error) = written {
                return Err(format!(
                    "cannot write lock file {}: {error}",
                    path.display()
                ));
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o600));
            }
            Ok(Lock { _file: file })
        }
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            Err(if holder.is_empty() {
                "another copy of howgood has this session open".to_owned()
            } else {
                format!("another copy of howgood has this session open ({holder})")
            })
        }
        Err(TryLockError::Error(error)) => Err(format!("cannot lock {}: {error}", path.display())),
    }
}

/// A session open for editing (or, failing the lock, for reading).
#[derive(Debug)]
pub struct OpenSession {
    pub path: PathBuf,
    pub access: Access,
    /// The session as loaded.
    pub loaded: Session,
    /// Set once a conflict was found: every later save goes here.
    pub conflict_copy: Option<PathBuf>,
    /// Hash of the bytes we last read from or wrote to `path`.
    disk_hash: Option<u64>,
    _lock: Option<Lock>,
}

impl OpenSession {
    /// Open an existing session file. A file that does not decode is an
    /// error and is never loaded as anything else.
    pub fn open(path: &Path, now: Timestamp) -> Result<OpenSession, StoreError> {
        let bytes = fs::read(path).map_err(io_error(path))?;
        let decoded = codec::decode(&bytes).map_err(|error| StoreError::Decode {
            path: path.to_owned(),
            error,
        })?;
        let (lock, lock_refusal) = match take_lock(path, now) {
            Ok(lock) => (Some(lock), None),
            Err(reason) => (None, Some(reason)),
        };
        let access = match (lock_refusal, decoded.read_only_reason()) {
            (Some(reason), _) | (None, Some(reason)) => Access::ReadOnly(reason),
            (None, None) => Access::ReadWrite,
        };
        if decoded.file_version < super::model::SESSION_FORMAT_VERSION
            && access == Access::ReadWrite
        {
            keep_pre_migration_copy(path, &bytes, decoded.file_version)?;
        }
        Ok(OpenSession {
            path: path.to_owned(),
            access,
            loaded: decoded.session,
            conflict_copy: None,
            disk_hash: Some(hash(&bytes)),
            _lock: lock,
        })
    }

    /// Create a new session file at `path`; fails if one exists.
    pub fn create(
        path: &Path,
        session: &Session,
        now: Timestamp,
    ) -> Result<OpenSession, StoreError> {
        if path.exists() {
            return Err(StoreError::Exists(path.to_owned()));
        }
        if let Some(dir) = path.parent() {
            create_private_dir(dir).map_err(io_error(dir))?;
        }
        let lock = take_lock(path, now).map_err(StoreError::ReadOnly)?;
        let mut open = OpenSession {
            path: path.to_owned(),
            access: Access::ReadWrite,
            loaded: session.clone(),
            conflict_copy: None,
            disk_hash: None,
            _lock: Some(lock),
        };
        open.save(session, now)?;
        Ok(open)
    }

    pub fn is_read_only(&self) -> bool {
        matches!(self.access, Access::ReadOnly(_))
    }

    /// Save the session: verified, atomic, private, never over a file that
    /// changed on disk since we last read or wrote it.
    pub fn save(&mut self, session: &Session, now: Timestamp) -> Result<Saved, StoreError> {
        if let Access::ReadOnly(reason) = &self.access {
            return Err(StoreError::ReadOnly(reason.clone()));
        }
        let text = codec::encode(session).map_err(StoreError::Encode)?;
        save_text(
            &self.path,
            &text,
            &mut self.disk_hash,
            &mut self.conflict_copy,
            now,
        )
    }
}

/// Write verified `text` to `path` by the session rules: to the conflict
/// copy once there is one; never over a file whose bytes differ from
/// `disk_hash` (ours goes to a new conflict copy); the previous version
/// kept in history; atomic and private. Shared by every durable file
/// (sessions, the measures register).
pub fn save_text(
    path: &Path,
    text: &str,
    disk_hash: &mut Option<u64>,
    conflict_copy: &mut Option<PathBuf>,
    now: Timestamp,
) -> Result<Saved, StoreError> {
    if let Some(copy) = conflict_copy.as_ref() {
        write_atomic(copy, text.as_bytes()).map_err(io_error(copy))?;
        return Ok(Saved::ToConflictCopy(copy.clone()));
    }
    let on_disk = match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(io_error(path)(error)),
    };
    if let Some(bytes) = &on_disk {
        if bytes == text.as_bytes() {
            *disk_hash = Some(hash(bytes));
            return Ok(Saved::Unchanged);
        }
        if *disk_hash != Some(hash(bytes)) {
            let copy = Sidecar::Conflict.path(path, now);
            write_atomic(&copy, text.as_bytes()).map_err(io_error(&copy))?;
            *conflict_copy = Some(copy.clone());
            return Ok(Saved::ToConflictCopy(copy));
        }
        keep_in_history(path, now)?;
    }
    write_atomic(path, text.as_bytes()).map_err(io_error(path))?;
    *disk_hash = Some(hash(text.as_bytes()));
    prune_history(&history_dir(path), now);
    Ok(Saved::Written)
}

/// `<folder>/.history/<id>/`.
pub fn history_dir(session_path: &Path) -> PathBuf {
    let dir = atomic::parent_dir(session_path);
    dir.join(HISTORY_DIR).join(session_id_of(session_path))
}

/// Keep the file as it is now in the history folder. A hard link costs no
/// space and no write; where links are impossible, a synced private copy.
fn keep_in_history(session_path: &Path, now: Timestamp) -> Result<(), StoreError> {
    let dir = history_dir(session_path);
    create_private_dir(&dir).map_err(io_error(&dir))?;
    let target = dir.join(format!(
        "{}-{:04x}.ron",
        stamp(now),
        super::ids::random_u64() & 0xffff
    ));
    if fs::hard_link(session_path, &target).is_err() {
        let bytes = fs::read(session_path).map_err(io_error(session_path))?;
        write_atomic(&target, &bytes).map_err(io_error(&target))?;
    }
    atomic::sync_dir(&dir).map_err(io_error(&dir))
}

/// Before migrating an older file, keep it as it was.
fn keep_pre_migration_copy(path: &Path, bytes: &[u8], version: u32) -> Result<(), StoreError> {
    let dir = atomic::parent_dir(path);
    let backup = dir.join(format!("{}.v{version}-backup.ron", session_id_of(path)));
    if backup.exists() {
        return Ok(());
    }
    write_atomic(&backup, bytes).map_err(io_error(&backup))
}

/// History files of a session, oldest first.
pub fn history_files(session_path: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(history_dir(session_path)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// Keep the newest `HISTORY_KEEP_RECENT` versions and the newest version of
/// each of the last `HISTORY_KEEP_DAYS` days; delete the rest.
pub fn prune_history(dir: &Path, _now: Timestamp) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    files.reverse(); // newest first: names start with a sortable UTC stamp
    let mut days_kept: Vec<String> = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let day = name.get(..8).unwrap_or_default().to_owned();
        let keep = index < HISTORY_KEEP_RECENT
            || (!days_kept.contains(&day) && days_kept.len() < HISTORY_KEEP_DAYS);
        if !days_kept.contains(&day) {
            days_kept.push(day);
        }
        if !keep {
            let _ = fs::remove_file(file);
        }
    }
}

/// Write a recovery copy beside the session (never over it): used when the
/// program panics with unsaved changes.
pub fn write_recovery(
    session_path: &Path,
    session: &Session,
    now: Timestamp,
) -> Result<PathBuf, StoreError> {
    let text = codec::encode(session).map_err(StoreError::Encode)?;
    let path = Sidecar::Recovery.path(session_path, now);
    let mut file = create_private(&path).map_err(io_error(&path))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(io_error(&path))?;
    Ok(path)
}

/// One `.ron` file in the sessions folder, as `sessions list` shows it.
#[derive(Debug)]
pub struct Entry {
    pub id: String,
    pub path: PathBuf,
    pub state: Result<Decoded, StoreError>,
    pub recovery: Vec<PathBuf>,
    pub conflicts: Vec<PathBuf>,
}

/// The sessions folder.
#[derive(Debug, Clone)]
pub struct SessionStore {
    pub dir: PathBuf,
}

impl SessionStore {
    /// Open (creating, private) the sessions folder, remove temp files left
    /// by a crash, and return warnings about loosened permissions.
    pub fn open(dir: PathBuf) -> Result<(SessionStore, Vec<String>), StoreError> {
        create_private_dir(&dir).map_err(io_error(&dir))?;
        remove_stale_temps(&dir, SystemTime::now());
        let store = SessionStore { dir };
        let warnings = store.permission_warnings();
        Ok((store, warnings))
    }

    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    /// Files and folders readable by others than their owner.
    pub fn permission_warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        let mut check = |path: &Path, expected: u32| {
            if let Some(found) = mode(path)
                && found & 0o077 != 0
            {
                warnings.push(format!(
                    "{} can be read by other users (mode {found:o}; howgood expects {expected:o}); `chmod {expected:o}` it",
                    path.display()
                ));
            }
        };
        check(&self.dir, 0o700);
        if let Ok(entries) = fs::read_dir(&self.dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                let expected = if path.is_dir() { 0o700 } else { 0o600 };
                check(&path, expected);
            }
        }
        warnings
    }

    /// Every session file, decoded or with its error, with its sidecars.
    pub fn entries(&self) -> Vec<Entry> {
        let Ok(read) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = read
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "ron")
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        paths.sort();
        let (sessions, sidecars): (Vec<PathBuf>, Vec<PathBuf>) = paths.into_iter().partition(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().matches('.').count() == 1)
        });
        sessions
            .into_iter()
            .map(|path| {
                let id = session_id_of(&path);
                let attached = |sidecar: Sidecar| -> Vec<PathBuf> {
                    sidecars
                        .iter()
                        .filter(|p| {
                            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                            name.is_some_and(|n| n.starts_with(&format!("{id}{}", sidecar.infix())))
                        })
                        .cloned()
                        .collect()
                };
                let state = fs::read(&path).map_err(io_error(&path)).and_then(|bytes| {
                    codec::decode(&bytes).map_err(|error| StoreError::Decode {
                        path: path.clone(),
                        error,
                    })
                });
                Entry {
                    recovery: attached(Sidecar::Recovery),
                    conflicts: attached(Sidecar::Conflict),
                    id,
                    path,
                    state,
                }
            })
            .collect()
    }

    /// The newest version in the session's history that decodes.
    pub fn newest_good_history(&self, id: &str) -> Option<(PathBuf, Decoded)> {
        history_files(&self.path_of(id))
            .into_iter()
            .rev()
            .find_map(|path| {
                let decoded = codec::decode(&fs::read(&path).ok()?).ok()?;
                Some((path, decoded))
            })
    }

    /// At the user's request: set a damaged session file aside and put the
    /// newest good version from history in its place. Returns where the
    /// damaged file went and which version was restored.
    pub fn restore_from_history(
        &self,
        id: &str,
        now: Timestamp,
    ) -> Result<(PathBuf, PathBuf), StoreError> {
        let path = self.path_of(id);
        let (good, _) = self.newest_good_history(id).ok_or_else(|| StoreError::Io {
            path: history_dir(&path),
            error: io::Error::new(io::ErrorKind::NotFound, "no readable version in history"),
        })?;
        let _lock = take_lock(&path, now).map_err(StoreError::ReadOnly)?;
        let aside = Sidecar::SetAside.path(&path, now);
        if path.exists() {
            fs::rename(&path, &aside).map_err(io_error(&path))?;
        }
        let bytes = fs::read(&good).map_err(io_error(&good))?;
        write_atomic(&path, &bytes).map_err(io_error(&path))?;
        Ok((aside, good))
    }
}
