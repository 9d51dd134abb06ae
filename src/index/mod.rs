//! The index: a SQLite cache of what lists, the register, trends and
//! search need from every session file, kept in `<data dir>/index.sqlite`.
//!
//! The session files stay the truth. The index is compared with them by
//! file name, size and modification time, and only files that changed are
//! read again; it can be deleted at any time and is rebuilt from the files
//! (also when it is damaged or from another schema version).
//!
//! Long because the schema, reconciling with the folder and the queries
//! share one connection and its schema version; the extraction and the
//! register queries live in their own files already.

pub mod extract;
pub mod register;
pub mod resolve;

use crate::session::atomic::{create_private, create_private_dir};
use crate::session::model::SessionKind;
use crate::session::store::{Folder, is_session_name, loose_warning};
use extract::{IndexedSession, extract, kind_name, kind_of};
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Bumped whenever the tables change: an index with another version is
/// rebuilt from the files.
pub const SCHEMA_VERSION: i64 = 12;
/// The index file's name in the data folder.
pub const FILE_NAME: &str = "index.sqlite";
/// Files decoded per transaction: what is done stays done (and visible to
/// another copy of howgood) if a long rebuild is interrupted.
const BATCH: usize = 500;
/// Matches a search ranks at most, newest first (see `Index::search`).
pub const RANKED: usize = 2000;

const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE files (
    name TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    error TEXT
) WITHOUT ROWID;
-- The damaged files, listed on home and the register at every visit.
CREATE INDEX files_damaged ON files (name) WHERE error IS NOT NULL;
CREATE TABLE sessions (
    file TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    framework TEXT NOT NULL,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    items INTEGER NOT NULL,
    evaluated INTEGER NOT NULL,
    priorities INTEGER NOT NULL,
    read_only TEXT,
    question TEXT,
    reflection TEXT,
    action TEXT,
    day TEXT
);
CREATE INDEX sessions_updated ON sessions (updated);
-- Pages of one kind, newest first, and their counts (home and history).
CREATE INDEX sessions_kind_updated ON sessions (kind, updated);
CREATE INDEX sessions_kind_created ON sessions (kind, created);
CREATE TABLE items (
    file TEXT NOT NULL,
    position INTEGER NOT NULL,
    item TEXT NOT NULL,
    level INTEGER,
    confidence TEXT,
    PRIMARY KEY (file, position)
) WITHOUT ROWID;
CREATE TABLE priorities (
    file TEXT NOT NULL,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    statement TEXT NOT NULL,
    owner TEXT NOT NULL,
    deadline TEXT,
    status TEXT NOT NULL,
    open INTEGER NOT NULL,
    PRIMARY KEY (file, position)
) WITHOUT ROWID;
CREATE INDEX priorities_due ON priorities (deadline) WHERE open AND deadline IS NOT NULL;
CREATE TABLE texts (
    rowid INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    field TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX texts_file ON texts (file);
CREATE VIRTUAL TABLE texts_fts USING fts5 (
    text, content = 'texts', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER texts_insert AFTER INSERT ON texts BEGIN
    INSERT INTO texts_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER texts_delete AFTER DELETE ON texts BEGIN
    INSERT INTO texts_fts (texts_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
";

/// Why the index could not be used. It never holds the only copy of
/// anything, so every one of these is answered by rebuilding it.
#[derive(Debug)]
pub enum IndexError {
    Sqlite(rusqlite::Error),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndexError::Sqlite(e) => write!(f, "index: {e}"),
            IndexError::Io(path, e) => write!(f, "{}: {e}", path.display()),
        }
    }
}

impl std::error::Error for IndexError {}

impl From<rusqlite::Error> for IndexError {
    fn from(e: rusqlite::Error) -> Self {
        IndexError::Sqlite(e)
    }
}

/// A session as lists show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub file: String,
    pub id: String,
    pub kind: SessionKind,
    pub title: String,
    pub framework: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub items: usize,
    pub evaluated: usize,
    pub priorities: usize,
    pub read_only: Option<String>,
}

/// A file the index could not read as a session, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    pub file: String,
    /// `path:line:col: message`; never note text.
    pub error: String,
}

/// An open priority with a deadline, across all sessions but daily reviews.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    pub session_id: String,
    pub session_title: String,
    pub statement: String,
    pub owner: String,
    pub deadline: Date,
    /// The action's stable id (empty in files from before ids).
    pub action_id: String,
    /// Whether it is a daily review's small action.
    pub daily: bool,
}

/// A daily review from a row of `id, created, question, reflection,
/// action, day, priority key, priority status`.
fn daily_row(r: &rusqlite::Row) -> rusqlite::Result<Daily> {
    Ok(Daily {
        id: r.get(0)?,
        created: timestamp(r.get(1)?),
        question: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
        reflection: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
        action: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        questions: r
            .get::<_, Option<String>>(5)?
            .and_then(|day| serde_json::from_str(&day).ok())
            .unwrap_or_default(),
        action_id: r
            .get::<_, Option<String>>(6)?
            .and_then(|key| action_of_key(&key)),
        action_status: r
            .get::<_, Option<String>>(7)?
            .and_then(|s| crate::session::model::PriorityStatus::from_slug(&s)),
    })
}

/// The action's stable id from a priority's key (`session/id`).
fn action_of_key(key: &str) -> Option<String> {
    key.rsplit_once('/')
        .map(|(_, id)| id.to_owned())
        .filter(|id| !id.is_empty())
}

/// One daily review.
#[derive(Debug, Clone, PartialEq)]
pub struct Daily {
    pub id: String,
    pub created: Timestamp,
    pub question: String,
    pub reflection: String,
    pub action: String,
    /// Every question of the day with its reflection, in order.
    pub questions: Vec<(String, String)>,
    /// The small action's stable id and whether it is still open.
    pub action_id: Option<String>,
    pub action_status: Option<crate::session::model::PriorityStatus>,
}

/// One search hit: which session, which field, and the words around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub session_id: String,
    pub title: String,
    pub kind: SessionKind,
    pub field: String,
    /// The matching words in `[` `]`, with a little text either side.
    pub snippet: String,
}

/// What a reconcile did.
#[derive(Debug, Clone, Default)]
pub struct Reconciled {
    /// Session files read (new or changed since the index saw them).
    pub read: usize,
    /// Files gone from the folder, dropped from the index.
    pub removed: usize,
    pub unchanged: usize,
    /// The folder's recovery and conflict copies, by session id.
    pub folder: Folder,
    /// Warnings about session files others can read (found on the way).
    pub loose: Vec<String>,
}

pub struct Index {
    conn: Connection,
    pub path: PathBuf,
    /// Why the index was rebuilt when opened, if it was.
    pub rebuilt: Option<String>,
}

fn remove_index_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

fn nanos(t: Timestamp) -> i64 {
    i64::try_from(t.as_nanosecond()).unwrap_or(i64::MAX)
}

fn timestamp(n: i64) -> Timestamp {
    Timestamp::from_nanosecond(i128::from(n)).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Size and modification time (nanoseconds) as the index compares them.
fn stamp_of(meta: &std::fs::Metadata) -> (i64, i64) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    (i64::try_from(meta.len()).unwrap_or(i64::MAX), mtime)
}

impl Index {
    /// The index of a data folder: `<data dir>/index.sqlite`.
    pub fn path_in(data_dir: &Path) -> PathBuf {
        data_dir.join(FILE_NAME)
    }

    /// Open the index, creating it (0600) if missing and rebuilding it
    /// empty if it is damaged or from another schema version. The next
    /// `reconcile` fills it from the files.
    pub fn open(path: &Path) -> Result<Index, IndexError> {
        match Self::try_open(path) {
            Ok(Ok(index)) => Ok(index),
            Ok(Err(reason)) => Self::create(path, Some(reason)),
            Err(error) => Self::create(path, Some(format!("the index was damaged ({error})"))),
        }
    }

    /// `Ok(Err(reason))`: the file is sound but must be rebuilt.
    fn try_open(path: &Path) -> Result<Result<Index, String>, IndexError> {
        if !path.exists() {
            return Ok(Err("there was no index yet".to_owned()));
        }
        let conn = Connection::open(path)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version != SCHEMA_VERSION {
            return Ok(Err(format!(
                "the index had schema version {version}, this howgood uses {SCHEMA_VERSION}"
            )));
        }
        let index = Index {
            conn,
            path: path.to_owned(),
            rebuilt: None,
        };
        index.configure()?;
        Ok(Ok(index))
    }

    fn create(path: &Path, reason: Option<String>) -> Result<Index, IndexError> {
        remove_index_files(path);
        if let Some(dir) = path.parent() {
            create_private_dir(dir).map_err(|e| IndexError::Io(dir.to_owned(), e))?;
        }
        // Created private before SQLite opens it; SQLite gives its -wal and
        // -shm files the same permissions.
        create_private(path).map_err(|e| IndexError::Io(path.to_owned(), e))?;
        let conn = Connection::open(path)?;
        let index = Index {
            conn,
            path: path.to_owned(),
            rebuilt: reason,
        };
        index.configure()?;
        // One transaction, then folded into the file: statement by
        // statement the log held each page many times over (nearly 0.5 MiB
        // for an empty index, more than a nearly full disk has).
        let tx = index.conn.unchecked_transaction()?;
        tx.execute_batch(SCHEMA)?;
        tx.execute_batch(register::SCHEMA)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()?;
        index
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(index)
    }

    fn configure(&self) -> Result<(), rusqlite::Error> {
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        // A cache: losing the last transaction on power loss costs a re-read.
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        // After a reindex the log would otherwise keep its largest size.
        self.conn
            .pragma_update(None, "journal_size_limit", 4 * 1024 * 1024)?;
        Ok(())
    }

    /// Delete the index and make a new empty one (`sessions reindex`).
    pub fn recreate(path: &Path, reason: &str) -> Result<Index, IndexError> {
        Self::create(path, Some(reason.to_owned()))
    }

    /// Open and bring up to date with the folder; if the index turns out to
    /// be damaged on the way, rebuild it from scratch once.
    pub fn open_current(
        path: &Path,
        sessions_dir: &Path,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(Index, Reconciled), IndexError> {
        let mut index = Self::open(path)?;
        match index.reconcile(sessions_dir, progress) {
            Ok(done) => Ok((index, done)),
            Err(IndexError::Sqlite(error)) => {
                drop(index);
                let mut index =
                    Self::create(path, Some(format!("the index was damaged ({error})")))?;
                let done = index.reconcile(sessions_dir, progress)?;
                Ok((index, done))
            }
            Err(other) => Err(other),
        }
    }

    /// Open the index and, unless the folder is as the last full
    /// comparison left it, compare it. `None`: nothing was compared because
    /// no file was added, removed or replaced since (the folder's own
    /// modification time says so; howgood and most editors replace files by
    /// renaming). A file rewritten in place by another program is seen by
    /// the next full comparison (the home screen, `open_current`, `reindex`).
    pub fn open_quick(
        path: &Path,
        sessions_dir: &Path,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(Index, Option<Reconciled>), IndexError> {
        let index = Self::open(path)?;
        if index.folder_unchanged(sessions_dir).unwrap_or(false) {
            return Ok((index, None));
        }
        drop(index);
        let (index, done) = Self::open_current(path, sessions_dir, progress)?;
        Ok((index, Some(done)))
    }

    /// Whether the folder's modification time is the one recorded by the
    /// last full comparison, and old enough that a change in the same
    /// clock tick cannot hide behind it.
    pub fn folder_unchanged(&self, dir: &Path) -> Result<bool, IndexError> {
        let meta = std::fs::metadata(dir).map_err(|e| IndexError::Io(dir.to_owned(), e))?;
        let (_, mtime) = stamp_of(&meta);
        let recorded: Option<i64> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'folder_mtime'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let settled = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age >= std::time::Duration::from_secs(2));
        Ok(recorded == Some(mtime) && settled)
    }

    /// Compare the folder with the index by name, size and modification
    /// time; read only the files that are new or changed, drop the ones
    /// that are gone. `progress(done, total)` is called as files are read.
    pub fn reconcile(
        &mut self,
        dir: &Path,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Reconciled, IndexError> {
        // The folder's time before reading it: a change while we read
        // leaves it different from what we record.
        let folder_mtime = std::fs::metadata(dir)
            .map(|m| stamp_of(&m).1)
            .map_err(|e| IndexError::Io(dir.to_owned(), e))?;
        let read = std::fs::read_dir(dir).map_err(|e| IndexError::Io(dir.to_owned(), e))?;
        let mut names = Vec::new();
        let mut loose = Vec::new();
        let mut on_disk: HashMap<String, (i64, i64)> = HashMap::new();
        for entry in read.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_session_name(&name)
                && let Ok(meta) = entry.metadata()
                && !meta.is_dir()
            {
                // Not only regular files: a FIFO or a link is recorded as
                // damaged by the store's reader (`not a regular file`),
                // never opened, and so listed rather than silently dropped.
                on_disk.insert(name.clone(), stamp_of(&meta));
                loose.extend(loose_warning(&entry.path(), &meta));
            }
            names.push(name);
        }
        let folder = Folder::of_names(names);
        let mut known: HashMap<String, (i64, i64)> = HashMap::with_capacity(on_disk.len());
        {
            let mut stmt = self.conn.prepare("SELECT name, size, mtime FROM files")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
            for row in rows {
                let (name, stamp): (String, (i64, i64)) = row?;
                known.insert(name, stamp);
            }
        }
        let removed: Vec<&String> = known.keys().filter(|n| !on_disk.contains_key(*n)).collect();
        let mut changed: Vec<(&String, (i64, i64))> = on_disk
            .iter()
            .filter(|(name, stamp)| known.get(*name) != Some(stamp))
            .map(|(name, stamp)| (name, *stamp))
            .collect();
        changed.sort();
        let tx = self.conn.transaction()?;
        for name in &removed {
            forget(&tx, name)?;
        }
        tx.commit()?;
        let total = changed.len();
        for (done, batch) in changed.chunks(BATCH).enumerate() {
            let tx = self.conn.transaction()?;
            for (name, stamp) in batch {
                index_file(&tx, dir, name, *stamp)?;
            }
            tx.commit()?;
            progress((done * BATCH + batch.len()).min(total), total);
        }
        if total > 0 || !removed.is_empty() {
            let tx = self.conn.transaction()?;
            register::resolve(&tx)?;
            tx.commit()?;
        }
        self.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('folder_mtime', ?1)",
            [folder_mtime],
        )?;
        Ok(Reconciled {
            read: total,
            removed: removed.len(),
            unchanged: on_disk.len() - total,
            folder,
            loose,
        })
    }

    /// Bring one file's entry up to date (after howgood itself saved it).
    pub fn refresh_file(&mut self, dir: &Path, name: &str) -> Result<(), IndexError> {
        let tx = self.conn.transaction()?;
        match std::fs::metadata(dir.join(name)) {
            Ok(meta) if is_session_name(name) => index_file(&tx, dir, name, stamp_of(&meta))?,
            _ => forget(&tx, name)?,
        }
        register::resolve(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Every readable session, most recently updated first.
    pub fn sessions(&self) -> Result<Vec<Listed>, IndexError> {
        self.listed("")
    }

    /// Every readable session but daily reviews (the home screen's list).
    pub fn sessions_but_daily(&self) -> Result<Vec<Listed>, IndexError> {
        self.listed("WHERE kind != 'daily'")
    }

    /// How many readable sessions there are but daily reviews.
    pub fn count_but_daily(&self) -> Result<usize, IndexError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM sessions WHERE kind != 'daily'",
            [],
            |r| r.get(0),
        )?)
    }

    /// One page of the home screen's list: sessions but daily reviews,
    /// most recently updated first, `limit` of them from `offset`.
    pub fn page_but_daily(&self, offset: usize, limit: usize) -> Result<Vec<Listed>, IndexError> {
        self.listed_page("WHERE kind != 'daily'", offset, limit)
    }

    fn listed(&self, filter: &str) -> Result<Vec<Listed>, IndexError> {
        self.listed_page(filter, 0, usize::MAX >> 1)
    }

    fn listed_page(
        &self,
        filter: &str,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Listed>, IndexError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT file, id, kind, title, framework, created, updated, items, evaluated,
                    priorities, read_only
             FROM sessions {filter} ORDER BY updated DESC, file LIMIT ?1 OFFSET ?2"
        ))?;
        let rows = stmt.query_map(params![limit as i64, offset as i64], |r| {
            Ok(Listed {
                file: r.get(0)?,
                id: r.get(1)?,
                kind: kind_of(&r.get::<_, String>(2)?).unwrap_or(SessionKind::Workshop),
                title: r.get(3)?,
                framework: r.get(4)?,
                created: timestamp(r.get(5)?),
                updated: timestamp(r.get(6)?),
                items: r.get(7)?,
                evaluated: r.get(8)?,
                priorities: r.get(9)?,
                read_only: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Files that are not readable sessions, by name.
    pub fn damaged(&self) -> Result<Vec<Damaged>, IndexError> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, error FROM files WHERE error IS NOT NULL ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(Damaged {
                file: r.get(0)?,
                error: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Open priorities and actions of every session, the daily review's
    /// small action included, due on or before `until` (overdue ones
    /// included), soonest first, at most `limit`.
    pub fn due(&self, until: Date, limit: usize) -> Result<Vec<Due>, IndexError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.title, p.statement, p.owner, p.deadline, p.key, s.kind
             FROM priorities p JOIN sessions s ON s.file = p.file
             WHERE p.open AND p.deadline IS NOT NULL AND p.deadline <= ?1
             ORDER BY p.deadline, s.id, p.position
             LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![until.to_string(), limit as i64], |r| {
            let deadline: String = r.get(4)?;
            Ok(Due {
                session_id: r.get(0)?,
                session_title: r.get(1)?,
                statement: r.get(2)?,
                owner: r.get(3)?,
                deadline: deadline.parse().unwrap_or(Date::MIN),
                action_id: action_of_key(&r.get::<_, String>(5)?).unwrap_or_default(),
                daily: r.get::<_, String>(6)? == "daily",
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every daily review, newest first.
    pub fn daily(&self) -> Result<Vec<Daily>, IndexError> {
        self.daily_page(0, usize::MAX >> 1)
    }

    /// How many daily reviews there are.
    pub fn daily_count(&self) -> Result<usize, IndexError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM sessions WHERE kind = 'daily'",
            [],
            |r| r.get(0),
        )?)
    }

    /// The first daily review started in `[from, until)`, if any (the
    /// history's 'on this day' a year ago).
    pub fn daily_between(
        &self,
        from: Timestamp,
        until: Timestamp,
    ) -> Result<Option<Daily>, IndexError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.created, s.question, s.reflection, s.action, s.day, p.key, p.status
             FROM sessions s LEFT JOIN priorities p ON p.file = s.file AND p.position = 0
             WHERE s.kind = 'daily' AND s.created >= ?1 AND s.created < ?2
             ORDER BY s.created LIMIT 1",
        )?;
        let mut rows = stmt.query_map(params![nanos(from), nanos(until)], daily_row)?;
        Ok(rows.next().transpose()?)
    }

    /// Whether a daily review started in `[from, until)` has anything
    /// written (a day opened and left empty does not count for a streak).
    /// A streak asks this once per day it counts, so it reads about one row
    /// a day rather than every review back to the streak's start.
    pub fn daily_written_between(
        &self,
        from: Timestamp,
        until: Timestamp,
    ) -> Result<bool, IndexError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT reflection, action, day FROM sessions
             WHERE kind = 'daily' AND created >= ?1 AND created < ?2",
        )?;
        let mut rows = stmt.query(params![nanos(from), nanos(until)])?;
        let filled = |text: Option<String>| text.is_some_and(|t| !t.trim().is_empty());
        while let Some(row) = rows.next()? {
            let day: Vec<(String, String)> = row
                .get::<_, Option<String>>(2)?
                .and_then(|day| serde_json::from_str(&day).ok())
                .unwrap_or_default();
            if filled(row.get(0)?)
                || filled(row.get(1)?)
                || day.iter().any(|(_, note)| !note.trim().is_empty())
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// One page of daily reviews, newest first.
    pub fn daily_page(&self, offset: usize, limit: usize) -> Result<Vec<Daily>, IndexError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.created, s.question, s.reflection, s.action, s.day, p.key, p.status
             FROM sessions s LEFT JOIN priorities p ON p.file = s.file AND p.position = 0
             WHERE s.kind = 'daily' ORDER BY s.created DESC, s.id DESC LIMIT ?1 OFFSET ?2",
        )?;
        let rows = stmt.query_map(params![limit as i64, offset as i64], daily_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The files of sessions whose title begins with `prefix` (any case).
    pub fn titles_starting(&self, prefix: &str) -> Result<Vec<(String, String)>, IndexError> {
        let wanted = prefix.to_lowercase();
        let mut stmt = self
            .conn
            .prepare("SELECT file, title FROM sessions ORDER BY file")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut found = Vec::new();
        for row in rows {
            let (file, title) = row?;
            if title.to_lowercase().starts_with(&wanted) {
                found.push((file, title));
            }
        }
        Ok(found)
    }

    /// Sessions whose notes, reflections, evidence, priorities or titles
    /// hold every one of `words`, best match first (FTS5 bm25).
    pub fn search(&self, words: &str, limit: usize) -> Result<Vec<Hit>, IndexError> {
        let Some(query) = fts_query(words) else {
            return Ok(Vec::new());
        };
        // Ranking every match costs a bm25 per match (a word in a fifth of
        // 300,000 texts took 0.4 s), so only the newest `RANKED` matches
        // are ranked: FTS5 walks its rowids newest first and stops there,
        // then the best of those by bm25 are kept; then the session, field
        // and snippet of those few only.
        let mut top = self.conn.prepare_cached(
            "SELECT rowid FROM (
                 SELECT rowid, bm25(texts_fts) AS score FROM texts_fts
                 WHERE texts_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?3
             ) ORDER BY score, rowid DESC LIMIT ?2",
        )?;
        let rowids: Vec<i64> = top
            .query_map(params![query, limit as i64, RANKED as i64], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let (Some(first), Some(last)) = (rowids.iter().min(), rowids.iter().max()) else {
            return Ok(Vec::new());
        };
        // Session, field and snippet of the chosen few in one query: asked
        // one by one, FTS5 would gather a common word's every match again
        // for each (a prefix query is expanded in full each time). The
        // rowid range lets FTS5 walk only the newest matches; the `+` keeps
        // the list of rowids a plain filter rather than one lookup each.
        let mut detail = self.conn.prepare_cached(
            "SELECT texts_fts.rowid, s.id, s.title, s.kind, t.field,
                    snippet(texts_fts, 0, '[', ']', '…', 12)
             FROM texts_fts
             JOIN texts t ON t.rowid = texts_fts.rowid
             JOIN sessions s ON s.file = t.file
             WHERE texts_fts MATCH ?1 AND texts_fts.rowid BETWEEN ?2 AND ?3
               AND +texts_fts.rowid IN (SELECT value FROM json_each(?4))",
        )?;
        let wanted = serde_json::to_string(&rowids).unwrap_or_else(|_| "[]".into());
        let mut found: HashMap<i64, Hit> = detail
            .query_map(params![query, first, last, wanted], |r| {
                Ok((
                    r.get(0)?,
                    Hit {
                        session_id: r.get(1)?,
                        title: r.get(2)?,
                        kind: kind_of(&r.get::<_, String>(3)?).unwrap_or(SessionKind::Workshop),
                        field: r.get(4)?,
                        snippet: r.get(5)?,
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        // In the order of the ranking.
        Ok(rowids.iter().filter_map(|r| found.remove(r)).collect())
    }

    /// How many files the index knows (sessions and damaged ones).
    pub fn file_count(&self) -> Result<usize, IndexError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM files", [], |r| r.get(0))?)
    }

    /// The level recorded for an item of a session, as the index has it.
    /// The register and levels over time, answered from the index.
    pub fn register(&self) -> register::IndexRegister<'_> {
        register::IndexRegister { conn: &self.conn }
    }

    pub fn level(&self, session_id: &str, item: &str) -> Result<Option<u8>, IndexError> {
        Ok(self
            .conn
            .query_row(
                "SELECT i.level FROM items i JOIN sessions s ON s.file = i.file
                 WHERE s.id = ?1 AND i.item = ?2",
                [session_id, item],
                |r| r.get::<_, Option<u8>>(0),
            )
            .optional()?
            .flatten())
    }
}

/// Each word quoted (so punctuation is never FTS5 syntax) and all required;
/// the last may be the start of a word, for search as you type.
fn fts_query(words: &str) -> Option<String> {
    let terms: Vec<String> = words
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    let last = terms.len().checked_sub(1)?;
    Some(
        terms
            .iter()
            .enumerate()
            .map(|(n, t)| {
                if n == last {
                    format!("{t}*")
                } else {
                    t.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Drop everything the index holds about a file.
fn forget(tx: &Transaction<'_>, name: &str) -> Result<(), rusqlite::Error> {
    for table in ["sessions", "items", "priorities", "texts"]
        .into_iter()
        .chain(register::TABLES)
    {
        tx.execute(&format!("DELETE FROM {table} WHERE file = ?1"), [name])?;
    }
    tx.execute("DELETE FROM files WHERE name = ?1", [name])?;
    Ok(())
}

/// Read one session file and put what it holds in the index, or record it
/// as damaged (never dropped: `sessions list` and the home screen show it).
fn index_file(
    tx: &Transaction<'_>,
    dir: &Path,
    name: &str,
    stamp: (i64, i64),
) -> Result<(), rusqlite::Error> {
    forget(tx, name)?;
    let path = dir.join(name);
    // The store's reader: regular files only, size capped, id checked.
    let decoded = crate::session::store::read_session(&path).map(|(_, decoded)| decoded);
    let error = decoded.as_ref().err().map(ToString::to_string);
    tx.execute(
        "INSERT INTO files (name, size, mtime, error) VALUES (?1, ?2, ?3, ?4)",
        params![name, stamp.0, stamp.1, error],
    )?;
    if let Ok(decoded) = decoded {
        let read_only = decoded.read_only_reason();
        insert_session(tx, name, &extract(&decoded.session), read_only)?;
        register::insert(tx, name, &decoded.session)?;
    }
    Ok(())
}

fn insert_session(
    tx: &Transaction<'_>,
    file: &str,
    s: &IndexedSession,
    read_only: Option<String>,
) -> Result<(), rusqlite::Error> {
    let daily = s.daily.clone();
    tx.prepare_cached(
        "INSERT INTO sessions (file, id, kind, title, framework, created, updated, items,
             evaluated, priorities, read_only, question, reflection, action, day)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        file,
        s.id,
        kind_name(s.kind),
        s.title,
        s.framework,
        nanos(s.created),
        nanos(s.updated),
        s.items.len(),
        s.evaluated,
        s.priorities.len(),
        read_only,
        daily.as_ref().map(|d| &d.question),
        daily.as_ref().map(|d| &d.reflection),
        daily.as_ref().map(|d| &d.action),
        daily
            .as_ref()
            .map(|d| serde_json::to_string(&d.questions).unwrap_or_default()),
    ])?;
    let mut items = tx.prepare_cached(
        "INSERT INTO items (file, position, item, level, confidence) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, item) in s.items.iter().enumerate() {
        items.execute(params![
            file,
            position,
            item.item,
            item.level,
            item.confidence
        ])?;
    }
    let mut priorities = tx.prepare_cached(
        "INSERT INTO priorities (file, position, key, statement, owner, deadline, status, open)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for p in &s.priorities {
        priorities.execute(params![
            file,
            p.position,
            p.key,
            p.statement,
            p.owner,
            p.deadline.map(|d| d.to_string()),
            p.status,
            p.open
        ])?;
    }
    let mut texts =
        tx.prepare_cached("INSERT INTO texts (file, field, text) VALUES (?1, ?2, ?3)")?;
    for t in &s.texts {
        texts.execute(params![file, t.field, t.text])?;
    }
    Ok(())
}
