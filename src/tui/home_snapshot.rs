//! The home screen as the index last gave it, kept beside the index
//! (`<data dir>/index-home.json`), so that a start draws its first frame
//! without opening SQLite (issue 10: a start as fast as a bare app).
//!
//! It is derived, like the index: deleting it loses nothing, and it is
//! never synced (the sync allow-list leaves it out). It is used only while
//! everything it was made from is as it was: the index file (inode, size
//! and modification time, with no write-ahead log beside it, so no other
//! program has the index open), the sessions folder's entries (adding,
//! removing or saving a session, or a copy set beside one, changes the
//! folder's modification time), the day, the index schema and this
//! howgood. Even then it serves the first frame only: home is loaded from
//! the index as soon as that frame is drawn, before any key is read, so a
//! copy that a change within the file clock's resolution slipped past is
//! seen for one frame, and is put right on the way out.

use crate::app::home::HomeData;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "index-home.json";

/// Sessions kept: more than a tall screen shows, which is all a first
/// frame draws (the index gives the rest once it is open).
const ROWS_KEPT: usize = 100;

/// Bumped whenever `HomeData` changes shape or meaning; the test
/// `the_kept_home_has_the_shape_of_its_format` holds the shape.
pub const FORMAT: u32 = 1;

/// What a kept home screen was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    format: u32,
    howgood: String,
    schema: i64,
    today: jiff::civil::Date,
    index: Stamp,
    sessions: Stamp,
}

/// A file or folder as `stat` sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    inode: u64,
    len: u64,
    modified_ns: i128,
}

#[derive(Serialize, Deserialize)]
struct Kept {
    key: Key,
    home: HomeData,
}

/// `<data dir>/index-home.json`.
pub fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

/// The key of the index and the sessions folder as they are now, for a
/// start: `None` when either cannot be read or the index has a write-ahead
/// log beside it (another program has it open, or left it unfinished).
pub fn key_if_closed(index: &Path, sessions: &Path, today: jiff::civil::Date) -> Option<Key> {
    let mut wal = index.as_os_str().to_owned();
    wal.push("-wal");
    if std::fs::symlink_metadata(PathBuf::from(wal)).is_ok() {
        return None;
    }
    key_of(index, sessions, today)
}

/// The key as it is now, whoever has the index open (this run, taking it
/// before it reads home from the index).
pub fn key_of(index: &Path, sessions: &Path, today: jiff::civil::Date) -> Option<Key> {
    Some(Key {
        format: FORMAT,
        howgood: env!("CARGO_PKG_VERSION").to_owned(),
        schema: crate::index::SCHEMA_VERSION,
        today,
        index: stamp(index)?,
        sessions: stamp(sessions)?,
    })
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let modified = meta.modified().ok()?;
    let modified_ns = match modified.duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => i128::try_from(after.as_nanos()).ok()?,
        Err(before) => -i128::try_from(before.duration().as_nanos()).ok()?,
    };
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        inode,
        len: meta.len(),
        modified_ns,
    })
}

/// The kept home screen, if it was made from what `key` describes.
/// Anything else (no file, another key, a file that does not parse, a
/// FIFO) is `None`, and the start asks the index as before.
pub fn read(path: &Path, key: &Key) -> Option<HomeData> {
    let bytes = crate::safe_io::read_regular(path).ok()?;
    let kept: Kept = serde_json::from_slice(&bytes).ok()?;
    (kept.key == *key).then_some(kept.home)
}

/// What of `home` is kept: the first `ROWS_KEPT` sessions, and no page of
/// the daily history (home shows only its counts; the history asks the
/// index for its page when opened) nor warnings (a start finds its own).
pub fn top_of(home: &HomeData) -> HomeData {
    // Every field named, so a new one is a decision here (and a new FORMAT).
    HomeData {
        sessions: home.sessions.iter().take(ROWS_KEPT).cloned().collect(),
        sessions_from: home.sessions_from,
        session_count: home.session_count,
        latest: home.latest.clone(),
        damaged: home.damaged.clone(),
        due: home.due.clone(),
        cycle: home.cycle.clone(),
        warnings: Vec::new(),
        daily: Vec::new(),
        daily_from: home.daily_from,
        daily_count: home.daily_count,
        streak: home.streak,
        newest_review: home.newest_review.clone(),
        year_ago: home.year_ago.clone(),
        folder_unreadable: home.folder_unreadable,
    }
}

/// Keep `home` for the next start (its `top_of`). Written atomically and
/// privately, and only when it differs from what is kept; a path that holds something other than a regular
/// file (a link, a folder) is left alone.
pub fn write(path: &Path, key: &Key, home: &HomeData) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|meta| !meta.is_file()) {
        return Ok(());
    }
    let kept = Kept {
        key: key.clone(),
        home: top_of(home),
    };
    let bytes = serde_json::to_vec(&kept).map_err(std::io::Error::other)?;
    if crate::safe_io::read_regular(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    crate::session::atomic::write_atomic(path, &bytes)
}
