//! Durable, private session storage. A session file is only ever replaced
//! atomically, after the new text has been verified; the previous version
//! goes to a history folder; one process at a time may write, others read;
//! a file changed behind our back is never overwritten.
//!
//! Long because every rule for writing a session file (verify, history,
//! lock, conflict copy, recovery, sidecars) is kept where it can be
//! checked against the others.

use super::atomic::{
    self, create_private_dir, exchange, read_regular, remove_stale_temps, write_atomic, write_temp,
};
use super::codec::{self, DecodeError, Decoded, EncodeError};
use super::model::Session;
use super::private;
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

/// The copies waiting beside one session, by file name, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Copies {
    pub recovery: Vec<String>,
    pub conflicts: Vec<String>,
}

/// The sessions folder sorted in one pass: session file names, and the
/// recovery and conflict copies of each session id in a map (a search per
/// session made a folder of 10,000 sessions and their backups take 30 s).
#[derive(Debug, Clone, Default)]
pub struct Folder {
    /// `<id>.ron` names, in folder order.
    pub sessions: Vec<String>,
    pub sidecars: std::collections::HashMap<String, Copies>,
}

/// Whether a name in the sessions folder is a session file (`<id>.ron`),
/// not a sidecar, lock, temp file or history folder.
pub fn is_session_name(name: &str) -> bool {
    !name.starts_with('.') && name.ends_with(".ron") && name.matches('.').count() == 1
}

impl Folder {
    pub fn of_names(names: impl IntoIterator<Item = String>) -> Folder {
        let mut folder = Folder::default();
        for name in names {
            if name.starts_with('.') || !name.ends_with(".ron") {
                continue; // locks, history, temp files
            }
            let Some((id, rest)) = name.split_once('.') else {
                continue;
            };
            if rest == "ron" {
                folder.sessions.push(name);
                continue;
            }
            let recovery = rest.starts_with(&Sidecar::Recovery.infix()[1..]);
            if !recovery && !rest.starts_with(&Sidecar::Conflict.infix()[1..]) {
                continue; // backups, set-aside and recovered copies
            }
            let copies = folder.sidecars.entry(id.to_owned()).or_default();
            if recovery {
                copies.recovery.push(name);
            } else {
                copies.conflicts.push(name);
            }
        }
        for copies in folder.sidecars.values_mut() {
            copies.recovery.sort();
            copies.conflicts.sort();
        }
        folder
    }
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
    Io {
        path: PathBuf,
        error: io::Error,
    },
    Decode {
        path: PathBuf,
        error: DecodeError,
    },
    Encode(EncodeError),
    ReadOnly(String),
    Exists(PathBuf),
    /// The id inside a file is not one howgood makes, or not its file name.
    BadId(PathBuf),
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
            StoreError::BadId(path) => write!(
                f,
                "{}: the id inside is not a session id or differs from the file name; the file is left as it is",
                path.display()
            ),
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

/// Read and decode a session file: a regular file only, with an id that
/// `howgood new` could have made and that matches the file name, so no id
/// from a file can lead a later write outside its folder.
pub fn read_session(path: &Path) -> Result<(Vec<u8>, Decoded), StoreError> {
    let bytes = read_regular(path).map_err(io_error(path))?;
    let decoded = codec::decode(&bytes).map_err(|error| StoreError::Decode {
        path: path.to_owned(),
        error,
    })?;
    let id = &decoded.session.id;
    if !super::ids::is_valid_id(id) || *id != session_id_of(path) {
        return Err(StoreError::BadId(path.to_owned()));
    }
    let mut decoded = decoded;
    let private = private::read(path).map_err(|error| match error {
        private::ReadError::Io(path, error) => StoreError::Io { path, error },
        private::ReadError::Decode(path, error) => StoreError::Decode { path, error },
    })?;
    private::join(&mut decoded.session, private);
    Ok((bytes, decoded))
}

/// Why a session file that is a symbolic link is not written.
const LINK_REFUSED: &str = "the session file is a symbolic link, which howgood does not replace; open the file it points to instead";

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
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
    /// The file had been deleted from outside; it is written again.
    Recreated,
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
    match try_lock_briefly(&file) {
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

/// A lock in `dir` held by another process (another howgood, or this one
/// through a file not in `ours`): the id it locks and what its lock file
/// says of the holder. Only the small lock files are read; a lock taken
/// here to look is let go at once.
pub fn held_elsewhere(dir: &Path, ours: &[PathBuf]) -> Option<(String, String)> {
    let ours: Vec<PathBuf> = ours.iter().map(|p| lock_path(p)).collect();
    let mut locks: Vec<PathBuf> = fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.starts_with('.') && n.ends_with(".lock"))
        })
        .filter(|p| !ours.contains(p))
        .collect();
    locks.sort();
    locks.into_iter().find_map(|path| {
        let mut file = fs::OpenOptions::new().read(true).open(&path).ok()?;
        match try_lock_briefly(&file) {
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let name = path.file_name()?.to_string_lossy().into_owned();
                let id = name.trim_start_matches('.').trim_end_matches(".lock");
                Some((id.to_owned(), holder.trim().to_owned()))
            }
            _ => None,
        }
    })
}

/// Take the lock, trying again for a moment: a child process started
/// elsewhere in this program (git, a test's helper) holds a copy of every
/// open file between its fork and its exec, which looks like another holder.
fn try_lock_briefly(file: &File) -> Result<(), TryLockError> {
    let mut tries = 0;
    loop {
        match file.try_lock() {
            Err(TryLockError::WouldBlock) if tries < 5 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
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
        let (bytes, decoded) = read_session(path)?;
        let (lock, lock_refusal) = if is_symlink(path) {
            (None, Some(LINK_REFUSED.to_owned()))
        } else {
            match take_lock(path, now) {
                Ok(lock) => (Some(lock), None),
                Err(reason) => (None, Some(reason)),
            }
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

    /// Read the file again, keeping the lock: after a sync merged others'
    /// changes into it, so the next save builds on them instead of going
    /// to a conflict copy. On error nothing changes.
    pub fn reload(&mut self) -> Result<&Session, StoreError> {
        let (bytes, decoded) = read_session(&self.path)?;
        self.disk_hash = Some(hash(&bytes));
        self.loaded = decoded.session;
        Ok(&self.loaded)
    }

    /// Save the session: verified, atomic, private, never over a file that
    /// changed on disk since we last read or wrote it - not even when it
    /// changes while we save.
    pub fn save(&mut self, session: &Session, now: Timestamp) -> Result<Saved, StoreError> {
        if let Access::ReadOnly(reason) = &self.access {
            return Err(StoreError::ReadOnly(reason.clone()));
        }
        if let Some(copy) = &self.conflict_copy {
            let text = codec::encode(session).map_err(StoreError::Encode)?;
            write_atomic(copy, text.as_bytes()).map_err(io_error(copy))?;
            return Ok(Saved::ToConflictCopy(copy.clone()));
        }
        let text = self.shared_text(session)?;
        let saved = save_text(
            &self.path,
            &text,
            &mut self.disk_hash,
            &mut self.conflict_copy,
            now,
        )?;
        if matches!(saved, Saved::Written | Saved::Recreated) {
            self.clear_stale_sidecar()?;
        }
        Ok(saved)
    }

    /// The text for the session file. In a folder shared through git,
    /// private evidence goes to its local sidecar first (so it is on disk
    /// before the file that no longer holds it); elsewhere the file holds
    /// everything and a sidecar left from sharing is emptied once the
    /// session file holds its evidence.
    fn shared_text(&self, session: &Session) -> Result<String, StoreError> {
        let sidecar = private::sidecar_path(&self.path);
        if private::is_shared(&self.path) {
            let (public, private) = private::split(session);
            private::write(&self.path, &private).map_err(io_error(&sidecar))?;
            return codec::encode(&public).map_err(StoreError::Encode);
        }
        codec::encode(session).map_err(StoreError::Encode)
    }

    /// Outside a shared folder, once the session file holds everything, a
    /// sidecar left from sharing is emptied (else evidence deleted since
    /// would come back from it).
    fn clear_stale_sidecar(&self) -> Result<(), StoreError> {
        let sidecar = private::sidecar_path(&self.path);
        if private::is_shared(&self.path) || !sidecar.exists() {
            return Ok(());
        }
        private::write(&self.path, &[]).map_err(io_error(&sidecar))
    }
}

/// One durable file being saved by the session rules (see `save_text`).
struct Saver<'a> {
    path: &'a Path,
    disk_hash: &'a mut Option<u64>,
    conflict_copy: &'a mut Option<PathBuf>,
}

impl Saver<'_> {
    fn save(&mut self, text: &[u8], now: Timestamp) -> Result<Saved, StoreError> {
        if let Some(copy) = self.conflict_copy.as_ref() {
            write_atomic(copy, text).map_err(io_error(copy))?;
            return Ok(Saved::ToConflictCopy(copy.clone()));
        }
        if is_symlink(self.path) {
            return Err(StoreError::ReadOnly(LINK_REFUSED.to_owned()));
        }
        // A sessions folder deleted from outside is made again, privately.
        let dir = atomic::parent_dir(self.path).to_owned();
        if !dir.exists() {
            create_private_dir(&dir).map_err(io_error(&dir))?;
        }
        let on_disk = match read_regular(self.path) {
            Ok(bytes) => Some(bytes),
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(error) => return Err(io_error(self.path)(error)),
        };
        if let Some(bytes) = &on_disk {
            if bytes == text {
                *self.disk_hash = Some(hash(bytes));
                return Ok(Saved::Unchanged);
            }
            if *self.disk_hash != Some(hash(bytes)) {
                return self.divert(text, now);
            }
        }
        let temp = write_temp(self.path, text).map_err(io_error(self.path))?;
        let result = match on_disk {
            Some(_) => self.swap_in(&temp, text, now),
            None => self.put_new(&temp, text, now),
        };
        let _ = fs::remove_file(&temp);
        let saved = result?;
        atomic::sync_dir(&dir).map_err(io_error(&dir))?;
        Ok(saved)
    }

    /// Our text goes to a conflict copy; the file on disk stays as it is.
    fn divert(&mut self, text: &[u8], now: Timestamp) -> Result<Saved, StoreError> {
        let copy = Sidecar::Conflict.path(self.path, now);
        write_atomic(&copy, text).map_err(io_error(&copy))?;
        *self.conflict_copy = Some(copy.clone());
        Ok(Saved::ToConflictCopy(copy))
    }

    /// The file is not there (first save, or deleted from outside): link
    /// ours in, which fails rather than replace a file another writer has
    /// just created.
    fn put_new(&mut self, temp: &Path, text: &[u8], now: Timestamp) -> Result<Saved, StoreError> {
        match fs::hard_link(temp, self.path) {
            Ok(()) => {
                let recreated = self.disk_hash.is_some();
                *self.disk_hash = Some(hash(text));
                Ok(if recreated {
                    Saved::Recreated
                } else {
                    Saved::Written
                })
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => self.divert(text, now),
            Err(_) => {
                // File systems without hard links: a plain rename.
                fs::rename(temp, self.path).map_err(io_error(self.path))?;
                *self.disk_hash = Some(hash(text));
                Ok(Saved::Written)
            }
        }
    }

    /// Swap ours in and look at what came out. If it is not the version we
    /// last read, another writer replaced the file while we saved: swap
    /// back so theirs stays in place, and ours goes to a conflict copy.
    fn swap_in(&mut self, temp: &Path, text: &[u8], now: Timestamp) -> Result<Saved, StoreError> {
        match exchange(temp, self.path) {
            Ok(()) => {}
            Err(error) if error.kind() == io::ErrorKind::Unsupported => {
                return self.rename_over(temp, text, now);
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return self.put_new(temp, text, now);
            }
            Err(error) => return Err(io_error(self.path)(error)),
        }
        let displaced = read_regular(temp).ok();
        if displaced.as_deref().map(hash) == *self.disk_hash {
            *self.disk_hash = Some(hash(text));
            keep_displaced_in_history(self.path, temp, now);
            return Ok(Saved::Written);
        }
        exchange(temp, self.path).map_err(io_error(self.path))?;
        if read_regular(temp).ok().as_deref() != Some(text) {
            // A third writer came in between: keep what came out too.
            let theirs = Sidecar::Conflict.path(self.path, now);
            let theirs = theirs.with_extension("other.ron");
            fs::rename(temp, &theirs).map_err(io_error(&theirs))?;
        }
        self.divert(text, now)
    }

    /// Where files cannot be swapped: history first, then a plain rename
    /// (the window between the check and the rename stays open here).
    fn rename_over(
        &mut self,
        temp: &Path,
        text: &[u8],
        now: Timestamp,
    ) -> Result<Saved, StoreError> {
        let kept = keep_in_history(self.path, now)?;
        if let Err(error) = fs::rename(temp, self.path) {
            if let Some(kept) = kept {
                let _ = fs::remove_file(kept);
            }
            return Err(io_error(self.path)(error));
        }
        *self.disk_hash = Some(hash(text));
        Ok(Saved::Written)
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
    Saver {
        path,
        disk_hash,
        conflict_copy,
    }
    .save(text.as_bytes(), now)
}

/// `<folder>/.history/<id>/`.
pub fn history_dir(session_path: &Path) -> PathBuf {
    let dir = atomic::parent_dir(session_path);
    dir.join(HISTORY_DIR).join(session_id_of(session_path))
}

/// Remove history versions identical to `bytes`, which is about to become
/// the newest: history keeps distinct versions only.
fn drop_identical_history(session_path: &Path, bytes: &[u8]) {
    for old in history_files(session_path) {
        if read_regular(&old).is_ok_and(|old_bytes| old_bytes == bytes) {
            let _ = fs::remove_file(old);
        }
    }
}

fn new_history_path(session_path: &Path, now: Timestamp) -> Result<PathBuf, StoreError> {
    let dir = history_dir(session_path);
    create_private_dir(&dir).map_err(io_error(&dir))?;
    Ok(dir.join(format!(
        "{}-{:04x}.ron",
        stamp(now),
        super::ids::random_u64() & 0xffff
    )))
}

/// The version a save replaced (now at `displaced`) becomes history,
/// unless history already ends with exactly it. Best effort: the save
/// itself has succeeded.
fn keep_displaced_in_history(session_path: &Path, displaced: &Path, now: Timestamp) {
    let Ok(bytes) = read_regular(displaced) else {
        return;
    };
    drop_identical_history(session_path, &bytes);
    if let Ok(target) = new_history_path(session_path, now)
        && fs::rename(displaced, &target).is_ok()
    {
        let _ = atomic::sync_dir(atomic::parent_dir(&target));
        prune_history(&history_dir(session_path), now);
    }
}

/// Keep the file as it is now in the history folder (as the one copy of
/// these bytes there). A hard link costs no space and no write; where links
/// are impossible, a synced private copy. Returns the new history file.
fn keep_in_history(session_path: &Path, now: Timestamp) -> Result<Option<PathBuf>, StoreError> {
    let bytes = read_regular(session_path).map_err(io_error(session_path))?;
    drop_identical_history(session_path, &bytes);
    let target = new_history_path(session_path, now)?;
    if fs::hard_link(session_path, &target).is_err() {
        write_atomic(&target, &bytes).map_err(io_error(&target))?;
    }
    let dir = history_dir(session_path);
    atomic::sync_dir(&dir).map_err(io_error(&dir))?;
    prune_history(&dir, now);
    Ok(Some(target))
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

/// Keep the newest `HISTORY_KEEP_RECENT` versions, and the newest version
/// of each calendar day (UTC) of the last `HISTORY_KEEP_DAYS` days before
/// `now`; delete the rest.
pub fn prune_history(dir: &Path, now: Timestamp) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    files.reverse(); // newest first: names start with a sortable UTC stamp
    let today = jiff::tz::TimeZone::UTC.to_datetime(now).date();
    let first_day = today
        .checked_sub(jiff::Span::new().days(HISTORY_KEEP_DAYS as i64 - 1))
        .unwrap_or(today);
    let mut days_kept: Vec<String> = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let day_text = name.get(..8).unwrap_or_default().to_owned();
        let in_window = jiff::civil::Date::strptime("%Y%m%d", &day_text)
            .is_ok_and(|day| day >= first_day && day <= today);
        let first_of_day = !days_kept.contains(&day_text);
        if first_of_day {
            days_kept.push(day_text);
        }
        let keep = index < HISTORY_KEEP_RECENT || (first_of_day && in_window);
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
    write_emergency(session_path, session, now, &[])
}

/// Write an emergency copy of unsaved work in the first folder that takes
/// it: beside the session, else each of `fallbacks` in turn (made private
/// if missing). Never over another file. Returns where it went.
pub fn write_emergency(
    session_path: &Path,
    session: &Session,
    now: Timestamp,
    fallbacks: &[PathBuf],
) -> Result<PathBuf, StoreError> {
    let text = codec::encode(session).map_err(StoreError::Encode)?;
    let beside = Sidecar::Recovery.path(session_path, now);
    let name = beside.file_name().map(|n| n.to_owned()).unwrap_or_default();
    let mut last_error = None;
    let candidates =
        std::iter::once(beside.clone()).chain(fallbacks.iter().map(|dir| dir.join(&name)));
    for (index, path) in candidates.enumerate() {
        let dir = atomic::parent_dir(&path);
        let made = if index == 0 {
            Ok(())
        } else {
            create_private_dir(dir).and_then(|()| ours_alone(dir))
        };
        match made.and_then(|()| write_new(&path, text.as_bytes())) {
            Ok(()) => return Ok(path),
            Err(error) => last_error = Some(io_error(&path)(error)),
        }
    }
    Err(last_error.unwrap_or(StoreError::Io {
        path: beside,
        error: io::Error::other("nowhere to write"),
    }))
}

/// A fallback folder (some are in the shared temp folder) must be a real
/// folder of ours that nobody else can read, not one planted by another
/// user or a link to one.
fn ours_alone(dir: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(dir)?;
    let refuse = |why: &str| {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            why.to_owned(),
        ))
    };
    if !meta.is_dir() {
        return refuse("not a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions.
        if meta.uid() != unsafe { libc::geteuid() } {
            return refuse("owned by another user");
        }
        if meta.mode() & 0o077 != 0 {
            return refuse("readable by other users");
        }
    }
    Ok(())
}

/// Write atomically to a path that must not exist yet.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = write_temp(path, bytes)?;
    let result = fs::hard_link(&temp, path).or_else(|error| {
        if error.kind() == io::ErrorKind::AlreadyExists {
            Err(error)
        } else {
            fs::rename(&temp, path)
        }
    });
    let _ = fs::remove_file(&temp);
    result?;
    atomic::sync_dir(atomic::parent_dir(path))
}

/// Recovery copies of a session in its own folder and in `fallbacks`,
/// oldest first.
pub fn recovery_copies(session_path: &Path, fallbacks: &[PathBuf]) -> Vec<PathBuf> {
    let name = session_path
        .file_name()
        .map(|n| n.to_owned())
        .unwrap_or_default();
    let mut found = sidecars_of(session_path, Sidecar::Recovery);
    for dir in fallbacks {
        found.extend(sidecars_of(&dir.join(&name), Sidecar::Recovery));
    }
    found.sort_by_key(|p| p.file_name().map(|n| n.to_owned()));
    found
}

/// A warning if others than the owner can read this file or folder.
pub fn loose_warning(path: &Path, meta: &fs::Metadata) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let found = meta.permissions().mode() & 0o777;
        let expected = if meta.is_dir() { 0o700 } else { 0o600 };
        (found & 0o077 != 0).then(|| {
            format!(
                "{} can be read by other users (mode {found:o}; howgood expects {expected:o}); `chmod {expected:o}` it",
                path.display()
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = (path, meta);
        None
    }
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
        let store = Self::open_quietly(dir)?;
        let warnings = store.permission_warnings();
        Ok((store, warnings))
    }

    /// The sessions folder for reading only: nothing is created, and a
    /// missing folder simply has no sessions.
    pub fn at(dir: PathBuf) -> SessionStore {
        SessionStore { dir }
    }

    /// The same without the permission check, for callers that check as
    /// they go through the folder anyway (the index does).
    pub fn open_quietly(dir: PathBuf) -> Result<SessionStore, StoreError> {
        let store = Self::open_unswept(dir)?;
        store.sweep_temps();
        Ok(store)
    }

    /// The folder, created if missing, with stale temporary files left for
    /// [`sweep_temps`](Self::sweep_temps) to remove later: the terminal
    /// program sweeps after its first frame (a sweep lists the whole folder,
    /// which at 100,000 sessions costs more than drawing the home screen).
    pub fn open_unswept(dir: PathBuf) -> Result<SessionStore, StoreError> {
        create_private_dir(&dir).map_err(io_error(&dir))?;
        Ok(SessionStore { dir })
    }

    /// Remove temporary files left by writers that are gone.
    pub fn sweep_temps(&self) {
        remove_stale_temps(&self.dir, SystemTime::now());
    }

    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    /// Files and folders readable by others than their owner (one `stat`
    /// per entry).
    pub fn permission_warnings(&self) -> Vec<String> {
        let mut warnings = self.folder_permission_warning();
        if let Ok(entries) = fs::read_dir(&self.dir) {
            for entry in entries.flatten() {
                let Ok(meta) = entry.metadata() else {
                    continue;
                };
                warnings.extend(loose_warning(&entry.path(), &meta));
            }
        }
        warnings
    }

    /// The sessions folder itself, if others can read it.
    pub fn folder_permission_warning(&self) -> Vec<String> {
        fs::metadata(&self.dir)
            .ok()
            .and_then(|meta| loose_warning(&self.dir, &meta))
            .into_iter()
            .collect()
    }

    /// Every session file, decoded or with its error, with its sidecars.
    /// A missing folder has no sessions; a folder that cannot be read is
    /// an error, never "no sessions yet".
    pub fn entries(&self) -> Result<Vec<Entry>, StoreError> {
        let read = match fs::read_dir(&self.dir) {
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(io_error(&self.dir)(error)),
        };
        let names: Vec<String> = read
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let mut folder = Folder::of_names(names);
        folder.sessions.sort();
        let entries = folder
            .sessions
            .iter()
            .map(|name| {
                let path = self.dir.join(name);
                let id = session_id_of(&path);
                let state = read_session(&path).map(|(_, decoded)| decoded);
                let copies = folder.sidecars.remove(&id).unwrap_or_default();
                Entry {
                    recovery: copies.recovery.iter().map(|n| self.dir.join(n)).collect(),
                    conflicts: copies.conflicts.iter().map(|n| self.dir.join(n)).collect(),
                    id,
                    path,
                    state,
                }
            })
            .collect();
        Ok(entries)
    }

    /// The newest version in the session's history that decodes.
    pub fn newest_good_history(&self, id: &str) -> Option<(PathBuf, Decoded)> {
        history_files(&self.path_of(id))
            .into_iter()
            .rev()
            .find_map(|path| {
                let decoded = codec::decode(&read_regular(&path).ok()?).ok()?;
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
        let good = self.newest_good_history(id).map(|(good, _)| good);
        put_back_from_history(&self.path_of(id), good, now)
    }
}

/// Set the file at `path` aside (under its lock) and write `good`, the
/// newest readable version from its history, in its place. Returns where
/// the file went and which version was put back. Shared by sessions and
/// the measures register, which keep history by the same rules.
pub fn put_back_from_history(
    path: &Path,
    good: Option<PathBuf>,
    now: Timestamp,
) -> Result<(PathBuf, PathBuf), StoreError> {
    let good = good.ok_or_else(|| StoreError::Io {
        path: history_dir(path),
        error: io::Error::new(io::ErrorKind::NotFound, "no readable version in history"),
    })?;
    let _lock = take_lock(path, now).map_err(StoreError::ReadOnly)?;
    let aside = Sidecar::SetAside.path(path, now);
    if path.exists() {
        fs::rename(path, &aside).map_err(io_error(path))?;
    }
    let bytes = read_regular(&good).map_err(io_error(&good))?;
    write_atomic(path, &bytes).map_err(io_error(path))?;
    Ok((aside, good))
}
