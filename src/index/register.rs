//! The register and levels over time, answered from the index: every
//! action keyed by its session and stable id (never by position), with
//! status, owner, deadline, its log and what it carries forward; and each
//! session's level for each item with the participants' spread.
//!
//! The answers are the same as [`Scan`](crate::session::register::Scan)'s
//! (a test holds them side by side); `Scan` stays the fallback when the
//! index cannot be used.
//!
//! Long because the register screen's page, counts and filter steps are
//! answered here in SQL (with the carried fields resolved on each change),
//! beside the whole register the command line and exports read.

use crate::session::model::{
    ActionRef, IndividualLevel, PriorityStatus, ProgressUpdate, ScaleChoice, Session, SessionKind,
};
use crate::session::register::{
    ActionKind, ActionRow, LevelPoint, LevelsPage, LevelsQuery, LoggedUpdate, Register,
};
use rusqlite::{Connection, Transaction, params};
use std::collections::{HashMap, HashSet};

/// The tables this module adds to the index's schema.
pub const SCHEMA: &str = "
CREATE TABLE register_sessions (
    file TEXT PRIMARY KEY,
    session TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    framework TEXT NOT NULL,
    created INTEGER NOT NULL,
    locality TEXT,
    follows TEXT,
    scale TEXT NOT NULL,
    next_due TEXT,
    -- How many items the session covered: sessions with none have no
    -- levels over time.
    covered INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX register_sessions_framework ON register_sessions (framework, created);
-- Windows and counts of the sessions with levels, with and without a
-- locality, read from the index alone (`covered` is in them so that a
-- count need not visit the table).
CREATE INDEX register_sessions_levels
    ON register_sessions (framework, created, session, covered) WHERE covered > 0;
CREATE INDEX register_sessions_levels_at
    ON register_sessions (framework, locality, created, session, covered) WHERE covered > 0;
CREATE INDEX register_sessions_follows ON register_sessions (follows) WHERE follows IS NOT NULL;
CREATE INDEX register_sessions_next ON register_sessions (next_due) WHERE next_due IS NOT NULL;
CREATE TABLE register_actions (
    file TEXT NOT NULL,
    session TEXT NOT NULL,
    action TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent TEXT,
    position INTEGER NOT NULL,
    statement TEXT NOT NULL,
    owner TEXT NOT NULL,
    deadline TEXT,
    status TEXT NOT NULL,
    done_on TEXT,
    carries_session TEXT,
    carries_action TEXT,
    serves TEXT NOT NULL,
    log TEXT NOT NULL,
    measure TEXT,
    touched TEXT NOT NULL,
    framework TEXT NOT NULL,
    day TEXT NOT NULL,
    eff_text TEXT NOT NULL,
    eff_owner TEXT NOT NULL,
    eff_due TEXT,
    eff_items TEXT NOT NULL,
    PRIMARY KEY (file, position)
) WITHOUT ROWID;
CREATE INDEX register_actions_id ON register_actions (action);
CREATE INDEX register_actions_carries ON register_actions (file, position)
    WHERE carries_session IS NOT NULL AND parent IS NULL;
CREATE INDEX register_actions_order
    ON register_actions (eff_due IS NULL, eff_due, day, session, action);
-- An owner's actions in the register's order: a page is read in order,
-- not sorted (and the next owner is one step).
CREATE INDEX register_actions_owner
    ON register_actions (eff_owner, eff_due IS NULL, eff_due, day, session, action);
CREATE INDEX register_actions_session ON register_actions (session);
CREATE INDEX register_actions_framework ON register_actions (framework);
CREATE INDEX register_actions_touched ON register_actions (touched)
    WHERE kind = 'priority' AND status IN ('not-started', 'in-progress');
CREATE TABLE register_levels (
    file TEXT NOT NULL,
    position INTEGER NOT NULL,
    item TEXT NOT NULL,
    level INTEGER,
    spread TEXT NOT NULL,
    framework TEXT NOT NULL,
    locality TEXT,
    PRIMARY KEY (file, position)
) WITHOUT ROWID;
-- How many actions there are, kept by triggers: a count of every row
-- would visit all of them on each filter key.
INSERT INTO meta (key, value) VALUES ('register_actions', 0);
CREATE TRIGGER register_actions_counted AFTER INSERT ON register_actions BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'register_actions';
END;
CREATE TRIGGER register_actions_uncounted AFTER DELETE ON register_actions BEGIN
    UPDATE meta SET value = value - 1 WHERE key = 'register_actions';
END;
-- Each action's items (its own or, carried, its first priority's), kept
-- by triggers from `eff_items`, with the register's order: the item
-- filter, its count and its next value are index lookups, and a page of
-- an item's actions is read in order (not found by checking every action's
-- items along the whole register).
CREATE TABLE register_action_items (
    item TEXT NOT NULL,
    file TEXT NOT NULL,
    position INTEGER NOT NULL,
    undated INTEGER NOT NULL,
    due TEXT,
    day TEXT NOT NULL,
    session TEXT NOT NULL,
    action TEXT NOT NULL,
    PRIMARY KEY (item, file, position)
) WITHOUT ROWID;
CREATE INDEX register_action_items_order
    ON register_action_items (item, undated, due, day, session, action);
CREATE TRIGGER register_action_items_insert AFTER INSERT ON register_actions BEGIN
    INSERT OR IGNORE INTO register_action_items
        SELECT j.value, NEW.file, NEW.position, NEW.eff_due IS NULL, NEW.eff_due, NEW.day,
               NEW.session, NEW.action
        FROM json_each(NEW.eff_items) j WHERE trim(j.value) <> '';
END;
CREATE TRIGGER register_action_items_update
    AFTER UPDATE OF eff_items, eff_due, day, session, action ON register_actions BEGIN
    DELETE FROM register_action_items WHERE file = OLD.file AND position = OLD.position
        AND item IN (SELECT value FROM json_each(OLD.eff_items));
    INSERT OR IGNORE INTO register_action_items
        SELECT j.value, NEW.file, NEW.position, NEW.eff_due IS NULL, NEW.eff_due, NEW.day,
               NEW.session, NEW.action
        FROM json_each(NEW.eff_items) j WHERE trim(j.value) <> '';
END;
CREATE TRIGGER register_action_items_delete AFTER DELETE ON register_actions BEGIN
    DELETE FROM register_action_items WHERE file = OLD.file AND position = OLD.position
        AND item IN (SELECT value FROM json_each(OLD.eff_items));
END;
-- The items a framework's sessions cover, one step per item.
CREATE INDEX register_levels_items ON register_levels (framework, item);
CREATE INDEX register_levels_items_at ON register_levels (framework, locality, item);
";

/// The tables holding one file's rows, for forgetting it.
pub const TABLES: [&str; 3] = ["register_sessions", "register_actions", "register_levels"];

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

/// Put one session's actions and levels in the index.
pub fn insert(tx: &Transaction<'_>, file: &str, s: &Session) -> Result<(), rusqlite::Error> {
    tx.prepare_cached(
        "INSERT INTO register_sessions (file, session, title, kind, framework, created,
             locality, follows, scale, next_due, covered)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        file,
        s.id,
        s.title,
        super::extract::kind_name(s.kind),
        s.framework,
        s.created.as_nanosecond() as i64,
        s.locality,
        s.follows,
        json(&s.scale),
        s.next_due.map(|d| d.to_string()),
        s.items.len(),
    ])?;
    // When an action was last touched: its newest update, else the day of
    // the session that agreed it (what "no update for 90 days" counts from).
    let agreed = jiff::tz::TimeZone::UTC.to_datetime(s.created).date();
    let touched = |log: &[ProgressUpdate]| {
        log.iter()
            .map(|u| u.date)
            .max()
            .map_or(agreed, |d| d.max(agreed))
            .to_string()
    };
    let mut actions = tx.prepare_cached(
        "INSERT INTO register_actions (file, session, action, kind, parent, position, statement,
             owner, deadline, status, done_on, carries_session, carries_action, serves, log,
             measure, touched, framework, day, eff_text, eff_owner, eff_due, eff_items)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?7, ?8, ?9, ?14)",
    )?;
    let kind = match s.kind {
        SessionKind::Workshop => ActionKind::Priority,
        SessionKind::Supervision => ActionKind::AgreedAction,
        SessionKind::DailyReview => ActionKind::DailyAction,
    };
    let mut position = 0;
    for p in &s.priorities {
        actions.execute(params![
            file,
            s.id,
            p.id,
            kind.slug(),
            None::<String>,
            position,
            p.statement,
            p.owner,
            p.deadline.map(|d| d.to_string()),
            p.status.slug(),
            p.done_on.map(|d| d.to_string()),
            p.carries.as_ref().map(|c| c.session.clone()),
            p.carries.as_ref().map(|c| c.action.clone()),
            json(&p.serves),
            json(&p.log),
            p.measure,
            touched(&p.log),
            s.framework,
            agreed.to_string(),
        ])?;
        position += 1;
        for m in &p.milestones {
            actions.execute(params![
                file,
                s.id,
                m.id,
                ActionKind::Milestone.slug(),
                Some(p.id.clone()),
                position,
                m.text,
                p.owner,
                m.date.map(|d| d.to_string()),
                m.status.slug(),
                m.done_on.map(|d| d.to_string()),
                None::<String>,
                None::<String>,
                json(&p.serves),
                json(&m.log),
                None::<String>,
                touched(&m.log),
                s.framework,
                agreed.to_string(),
            ])?;
            position += 1;
        }
    }
    let mut levels = tx.prepare_cached(
        "INSERT INTO register_levels (file, position, item, level, spread, framework, locality)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (position, r) in s.items.iter().enumerate() {
        levels.execute(params![
            file,
            position,
            r.item,
            r.level,
            json(&r.individual_levels),
            s.framework,
            s.locality,
        ])?;
    }
    Ok(())
}

/// The register, answered by the index's connection.
pub struct IndexRegister<'a> {
    pub conn: &'a Connection,
}

/// One stored action, before carried chains are followed.
struct Stored {
    row: ActionRow,
    /// Its own statement, owner, due date and items (blank ones read
    /// through to the priority it carries).
    carries: Option<ActionRef>,
}

fn date(text: Option<String>) -> Option<jiff::civil::Date> {
    text.and_then(|t| t.parse().ok())
}

fn kind_of_slug(slug: &str) -> ActionKind {
    ActionKind::ALL
        .into_iter()
        .find(|k| k.slug() == slug)
        .unwrap_or(ActionKind::Priority)
}

impl IndexRegister<'_> {
    fn stored(&self) -> Result<Vec<Stored>, rusqlite::Error> {
        let mut stmt = self.conn.prepare(
            "SELECT a.session, a.action, a.kind, a.parent, a.statement, a.owner, a.deadline,
                    a.status, a.done_on, a.carries_session, a.carries_action, a.serves, a.log,
                    s.title, s.created, s.framework, a.measure
             FROM register_actions a JOIN register_sessions s ON s.file = a.file
             ORDER BY a.file, a.position",
        )?;
        let rows = stmt.query_map([], |r| {
            let created = jiff::Timestamp::from_nanosecond(i128::from(r.get::<_, i64>(14)?))
                .unwrap_or_default();
            let row = action_row(r, jiff::tz::TimeZone::UTC.to_datetime(created).date())?;
            Ok(Stored {
                carries: row.carries.clone(),
                row,
            })
        })?;
        rows.collect()
    }
}

/// Follow each carried priority back through the ones it carries: the
/// whole history, oldest first, and blank fields read through. Only rows
/// that carry something are rebuilt; the rest are moved as they are (at
/// 100,000 sessions the register holds more than 100,000 rows).
fn follow_chains(stored: Vec<Stored>) -> Vec<ActionRow> {
    let mut read_through: Vec<(usize, ActionRow)> = Vec::new();
    {
        let by_ref: HashMap<(&str, &str), usize> = stored
            .iter()
            .enumerate()
            .filter(|(_, s)| s.row.parent.is_none())
            .map(|(i, s)| ((s.row.session_id.as_str(), s.row.id.as_str()), i))
            .collect();
        for (i, s) in stored.iter().enumerate() {
            if s.carries.is_none() || s.row.parent.is_some() {
                continue;
            }
            let mut earlier: Vec<&ActionRow> = Vec::new();
            let mut seen = HashSet::new();
            let mut link = s.carries.as_ref();
            while let Some(r) = link {
                if !seen.insert((r.session.as_str(), r.action.as_str())) {
                    break;
                }
                let Some(&at) = by_ref.get(&(r.session.as_str(), r.action.as_str())) else {
                    break;
                };
                earlier.push(&stored[at].row);
                link = stored[at].carries.as_ref();
            }
            read_through.push((i, read_through_row(&s.row, &earlier)));
        }
    }
    let mut rows: Vec<ActionRow> = stored.into_iter().map(|s| s.row).collect();
    for (i, row) in read_through {
        rows[i] = row;
    }
    // A milestone shows its priority's (read-through) owner and items.
    let mut parents: HashMap<(&str, &str), usize> = HashMap::new();
    let mut milestones = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        match &r.parent {
            None => {
                parents.insert((r.session_id.as_str(), r.id.as_str()), i);
            }
            Some(parent) => milestones.push((i, (r.session_id.as_str(), parent.as_str()))),
        }
    }
    let inherited: Vec<(usize, String, Vec<String>)> = milestones
        .into_iter()
        .filter_map(|(i, key)| {
            let parent = &rows[*parents.get(&key)?];
            Some((i, parent.owner.clone(), parent.items.clone()))
        })
        .collect();
    for (i, owner, items) in inherited {
        rows[i].owner = owner;
        rows[i].items = items;
    }
    rows
}

/// A carried priority with blank fields read through from the ones it
/// carries (nearest first) and their logs before its own.
fn read_through_row(row: &ActionRow, earlier: &[&ActionRow]) -> ActionRow {
    let mut row = row.clone();
    for e in earlier {
        if row.text.is_empty() {
            row.text = e.text.clone();
        }
        if row.owner.is_empty() {
            row.owner = e.owner.clone();
        }
        if row.due.is_none() {
            row.due = e.due;
        }
        if row.items.is_empty() {
            row.items = e.items.clone();
        }
    }
    let mut history: Vec<LoggedUpdate> = earlier
        .iter()
        .rev()
        .flat_map(|e| e.history.iter().cloned())
        .collect();
    history.append(&mut row.history);
    row.history = history;
    row
}

impl IndexRegister<'_> {
    /// Every action, by due date, or why the index could not answer (then
    /// the caller reads the files instead).
    pub fn actions_checked(&self) -> Result<Vec<ActionRow>, rusqlite::Error> {
        let mut rows = follow_chains(self.stored()?);
        // Never two rows with the same session and id: no ties to keep.
        rows.sort_unstable_by(ActionRow::register_order);
        Ok(rows)
    }
}

impl Register for IndexRegister<'_> {
    fn actions(&self) -> Vec<ActionRow> {
        self.actions_checked().unwrap_or_default()
    }

    fn find_action(&self, action_id: &str) -> Vec<ActionRef> {
        let Ok(mut stmt) = self
            .conn
            .prepare("SELECT DISTINCT session FROM register_actions WHERE action = ?1")
        else {
            return Vec::new();
        };
        stmt.query_map([action_id], |r| r.get::<_, String>(0))
            .map(|rows| {
                rows.flatten()
                    .map(|session| ActionRef {
                        session,
                        action: action_id.to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn scales(&self, framework: &str) -> Vec<(String, ScaleChoice)> {
        let Ok(mut stmt) = self
            .conn
            .prepare("SELECT session, scale FROM register_sessions WHERE framework = ?1")
        else {
            return Vec::new();
        };
        stmt.query_map([framework], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .map(|rows| {
            rows.flatten()
                .filter_map(|(id, scale)| Some((id, serde_json::from_str(&scale).ok()?)))
                .collect()
        })
        .unwrap_or_default()
    }

    fn levels_page(&self, query: &LevelsQuery) -> LevelsPage {
        self.levels_page_checked(query).unwrap_or_default()
    }

    fn levels(&self, framework: &str, item: Option<&str>) -> Vec<LevelPoint> {
        let mut all = Vec::new();
        let _ = self.each_level(framework, item, &mut |p, _| all.push(p));
        all
    }
}

/// A level row (session, title, created, locality, item, level, spread).
fn level_point(r: &rusqlite::Row<'_>) -> Result<LevelPoint, rusqlite::Error> {
    let created =
        jiff::Timestamp::from_nanosecond(i128::from(r.get::<_, i64>(2)?)).unwrap_or_default();
    let spread: Vec<IndividualLevel> =
        serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or_default();
    Ok(LevelPoint {
        session_id: r.get(0)?,
        session_title: r.get(1)?,
        session_date: jiff::tz::TimeZone::UTC.to_datetime(created).date(),
        locality: r.get(3)?,
        item: r.get(4)?,
        level: r.get(5)?,
        spread,
    })
}

impl IndexRegister<'_> {
    /// Each level of a framework (or of one item), by session date, with
    /// its session's scale, handed over as read: nothing is held (`howgood
    /// trends` over 100,000 sessions).
    pub fn each_level(
        &self,
        framework: &str,
        item: Option<&str>,
        each: &mut dyn FnMut(LevelPoint, ScaleChoice),
    ) -> Result<(), rusqlite::Error> {
        // One item's rows come from the (framework, item) index.
        let only = match item {
            Some(_) => "l.framework = ?1 AND l.item = ?2",
            None => "s.framework = ?1 AND ?2 IS NULL",
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT s.session, s.title, s.created, s.locality, l.item, l.level, l.spread, s.scale
             FROM register_levels l JOIN register_sessions s ON s.file = l.file
             WHERE {only}
             ORDER BY s.created, s.session, l.position"
        ))?;
        let mut rows = stmt.query(params![framework, item])?;
        while let Some(row) = rows.next()? {
            let scale =
                serde_json::from_str(&row.get::<_, String>(7)?).unwrap_or(ScaleChoice::Framework);
            each(level_point(row)?, scale);
        }
        Ok(())
    }

    /// Each session of a framework with levels (of `item`, if given), by
    /// date: its point with no item, handed over as read.
    pub fn each_session_with_levels(
        &self,
        framework: &str,
        item: Option<&str>,
        each: &mut dyn FnMut(LevelPoint),
    ) -> Result<(), rusqlite::Error> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.session, s.title, s.created, s.locality, '', NULL, '[]'
             FROM register_sessions s
             WHERE s.framework = ?1 AND s.covered > 0 AND (?2 IS NULL OR EXISTS (
                 SELECT 1 FROM register_levels l WHERE l.file = s.file AND l.item = ?2))
             ORDER BY s.created, s.session",
        )?;
        let mut rows = stmt.query(params![framework, item])?;
        while let Some(row) = rows.next()? {
            each(level_point(row)?);
        }
        Ok(())
    }
}

impl IndexRegister<'_> {
    /// The trends window from a few rows: a count and the window from the
    /// partial indexes of sessions with levels, items and localities one
    /// `min()` step each, and the window's own levels.
    fn levels_page_checked(&self, q: &LevelsQuery) -> rusqlite::Result<LevelsPage> {
        let at = if q.locality.is_some() {
            "AND locality = ?2"
        } else {
            "AND ?2 IS NULL"
        };
        let sessions: i64 = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM register_sessions
                 WHERE framework = ?1 AND covered > 0 {at}"
            ),
            params![q.framework, q.locality],
            |r| r.get(0),
        )?;
        let items = self.steps(
            &format!(
                "SELECT min(item) FROM register_levels WHERE framework = ?1 {at} AND item > ?3"
            ),
            q,
        )?;
        let localities = self.steps(
            "SELECT min(locality) FROM register_sessions
             WHERE framework = ?1 AND covered > 0 AND ?2 IS NULL AND locality > ?3",
            &LevelsQuery {
                locality: None,
                ..q.clone()
            },
        )?;
        let mut window = self.conn.prepare(&format!(
            "SELECT file, session, title, created, locality, scale FROM register_sessions
             WHERE framework = ?1 AND covered > 0 {at}
             ORDER BY created DESC, session DESC LIMIT ?3 OFFSET ?4"
        ))?;
        let mut shown: Vec<(String, LevelPoint, String)> = window
            .query_map(params![q.framework, q.locality, q.take, q.skip], |r| {
                let created = jiff::Timestamp::from_nanosecond(i128::from(r.get::<_, i64>(3)?))
                    .unwrap_or_default();
                let session = LevelPoint {
                    session_id: r.get(1)?,
                    session_title: r.get(2)?,
                    session_date: jiff::tz::TimeZone::UTC.to_datetime(created).date(),
                    locality: r.get(4)?,
                    item: String::new(),
                    level: None,
                    spread: Vec::new(),
                };
                Ok((r.get(0)?, session, r.get(5)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        shown.reverse();
        let mut page = LevelsPage {
            sessions: usize::try_from(sessions).unwrap_or_default(),
            items,
            localities,
            ..LevelsPage::default()
        };
        let mut levels = self.conn.prepare_cached(
            "SELECT item, level, spread FROM register_levels WHERE file = ?1 ORDER BY position",
        )?;
        for (file, session, scale) in shown {
            if let Ok(choice) = serde_json::from_str(&scale) {
                page.scales.push((session.session_id.clone(), choice));
            }
            let rows = levels.query_map([&file], |r| {
                let spread: String = r.get(2)?;
                Ok(LevelPoint {
                    item: r.get(0)?,
                    level: r.get(1)?,
                    spread: serde_json::from_str(&spread).unwrap_or_default(),
                    ..session.clone()
                })
            })?;
            for point in rows {
                page.points.push(point?);
            }
        }
        Ok(page)
    }

    /// Each distinct value a `min(..) > ?3` query steps through, in order:
    /// one index seek per value, not a scan of every row.
    fn steps(&self, sql: &str, q: &LevelsQuery) -> rusqlite::Result<Vec<String>> {
        let mut stmt = self.conn.prepare(sql)?;
        let mut found = Vec::new();
        let mut after = String::new();
        while let Some(next) = stmt.query_row(params![q.framework, q.locality, after], |r| {
            r.get::<_, Option<String>>(0)
        })? {
            found.push(next.clone());
            after = next;
        }
        Ok(found)
    }
}

/// A series whose next session is due: the session that set the date and
/// has not yet been followed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NextDue {
    pub session_id: String,
    pub session_title: String,
    pub due: jiff::civil::Date,
}

/// An open priority with no update since `touched`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Quiet {
    pub session_id: String,
    pub session_title: String,
    pub statement: String,
    pub touched: jiff::civil::Date,
}

impl IndexRegister<'_> {
    /// Next sessions due, soonest first: sessions that set a next date and
    /// that no session follows yet (both answered by partial indexes).
    pub fn next_due(&self, limit: usize) -> Result<Vec<NextDue>, rusqlite::Error> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.session, s.title, s.next_due FROM register_sessions s
             WHERE s.next_due IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM register_sessions f WHERE f.follows = s.session)
             ORDER BY s.next_due, s.session LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![limit as i64], |r| {
            Ok(NextDue {
                session_id: r.get(0)?,
                session_title: r.get(1)?,
                due: date(r.get(2)?).unwrap_or(jiff::civil::Date::MIN),
            })
        })?;
        rows.collect()
    }

    /// Open workshop priorities last touched before `before`, longest
    /// quiet first, at most `limit`.
    pub fn quiet(
        &self,
        before: jiff::civil::Date,
        limit: usize,
    ) -> Result<Vec<Quiet>, rusqlite::Error> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.session, s.title, a.statement, a.touched
             FROM register_actions a JOIN register_sessions s ON s.file = a.file
             WHERE a.kind = 'priority' AND a.status IN ('not-started', 'in-progress')
               AND a.touched < ?1
             ORDER BY a.touched, a.session LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![before.to_string(), limit as i64], |r| {
            Ok(Quiet {
                session_id: r.get(0)?,
                session_title: r.get(1)?,
                statement: r.get(2)?,
                touched: date(r.get(3)?).unwrap_or(jiff::civil::Date::MIN),
            })
        })?;
        rows.collect()
    }
}

/// One link of a carried chain: what a priority says itself.
struct Link {
    on: ActionRef,
    text: String,
    owner: String,
    due: Option<String>,
    items: Vec<String>,
    log: Vec<ProgressUpdate>,
    carries: Option<ActionRef>,
}

fn link(conn: &Connection, at: &ActionRef) -> Result<Option<Link>, rusqlite::Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT statement, owner, deadline, serves, log, carries_session, carries_action
         FROM register_actions WHERE action = ?2 AND session = ?1 AND parent IS NULL LIMIT 1",
    )?;
    let mut rows = stmt.query(params![at.session, at.action])?;
    let Some(r) = rows.next()? else {
        return Ok(None);
    };
    let carries = match (
        r.get::<_, Option<String>>(5)?,
        r.get::<_, Option<String>>(6)?,
    ) {
        (Some(session), Some(action)) => Some(ActionRef { session, action }),
        _ => None,
    };
    Ok(Some(Link {
        on: at.clone(),
        text: r.get(0)?,
        owner: r.get(1)?,
        due: r.get(2)?,
        items: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or_default(),
        log: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default(),
        carries,
    }))
}

/// The priorities a carried one carries, nearest first (a loop stops).
fn chain(conn: &Connection, from: &ActionRef) -> Result<Vec<Link>, rusqlite::Error> {
    let mut earlier = Vec::new();
    let mut seen = HashSet::new();
    let mut next = link(conn, from)?.and_then(|l| l.carries);
    while let Some(at) = next {
        if !seen.insert((at.session.clone(), at.action.clone())) {
            break;
        }
        let Some(found) = link(conn, &at)? else {
            break;
        };
        next = found.carries.clone();
        earlier.push(found);
    }
    Ok(earlier)
}

/// Store each carried priority's fields as the register shows them: blank
/// ones read through the priorities it carries (nearest first), and its
/// milestones given its owner and items. Run after every change to the
/// index, so the register filters and sorts in SQL; only rows that carry
/// something are visited.
pub fn resolve(conn: &Connection) -> Result<(), rusqlite::Error> {
    let carrying: Vec<(String, i64, String, String)> = conn
        .prepare_cached(
            "SELECT file, position, session, action FROM register_actions
             WHERE carries_session IS NOT NULL AND parent IS NULL",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    for (file, position, session, action) in carrying {
        let at = ActionRef { session, action };
        let Some(mut own) = link(conn, &at)? else {
            continue;
        };
        for e in chain(conn, &at)? {
            if own.text.is_empty() {
                own.text = e.text;
            }
            if own.owner.is_empty() {
                own.owner = e.owner;
            }
            if own.due.is_none() {
                own.due = e.due;
            }
            if own.items.is_empty() {
                own.items = e.items;
            }
        }
        let items = json(&own.items);
        conn.prepare_cached(
            "UPDATE register_actions SET eff_text = ?3, eff_owner = ?4, eff_due = ?5,
                 eff_items = ?6 WHERE file = ?1 AND position = ?2",
        )?
        .execute(params![file, position, own.text, own.owner, own.due, items])?;
        conn.prepare_cached(
            "UPDATE register_actions SET eff_owner = ?3, eff_items = ?4
             WHERE file = ?1 AND parent = ?2",
        )?
        .execute(params![file, at.action, own.owner, items])?;
    }
    Ok(())
}

/// The register's filters as the index answers them; `None` is "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFilter {
    pub owner: Option<String>,
    pub status: Option<PriorityStatus>,
    /// Still open with a due date before this one (`true`: strictly).
    pub open_due_by: Option<(jiff::civil::Date, bool)>,
    /// Only actions without a due date.
    pub undated: bool,
    pub framework: Option<String>,
    pub item: Option<String>,
    pub session: Option<String>,
}

impl PageFilter {
    /// The SQL conditions on `register_actions a`, with their values: only
    /// those in force, so SQLite can use the column's index.
    fn conditions(&self) -> (String, Vec<String>) {
        let mut conds = vec!["1".to_owned()];
        let mut values = Vec::new();
        let mut add = |cond: &str, value: String| {
            values.push(value);
            conds.push(cond.replace('?', &format!("?{}", values.len())));
        };
        if let Some(o) = &self.owner {
            add("a.eff_owner = ?", o.clone());
        }
        if let Some(s) = self.status {
            add("a.status = ?", s.slug().to_owned());
        }
        if let Some((date, strict)) = self.open_due_by {
            let op = if strict { "<" } else { "<=" };
            add(
                &format!(
                    "a.status IN ('not-started', 'in-progress') AND a.eff_due IS NOT NULL
                     AND a.eff_due {op} ?"
                ),
                date.to_string(),
            );
        }
        if let Some(f) = &self.framework {
            add("a.framework = ?", f.clone());
        }
        if let Some(i) = &self.item {
            add(
                "EXISTS (SELECT 1 FROM register_action_items i
                 WHERE i.item = ? AND i.file = a.file AND i.position = a.position)",
                i.clone(),
            );
        }
        if let Some(s) = &self.session {
            add("a.session = ?", s.clone());
        }
        if self.undated {
            conds.push("a.eff_due IS NULL".to_owned());
        }
        (conds.join(" AND "), values)
    }
}

/// One page of the register as filtered: its rows, where they start, how
/// many rows the filters let through and how many there are in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub rows: Vec<ActionRow>,
    pub offset: usize,
    pub shown: usize,
    pub total: usize,
}

/// A column the register's filters step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Owner,
    Framework,
    Item,
    Session,
}

impl IndexRegister<'_> {
    /// How many actions the filter lets through.
    pub fn count(&self, filter: &PageFilter) -> Result<usize, rusqlite::Error> {
        // An item's actions are counted from the item table, unless an
        // owner or a session (indexed, and narrower) leads: checking the
        // item of every action instead took half the item filter's time.
        let only_item = PageFilter {
            item: None,
            ..filter.clone()
        } == PageFilter::default();
        let (sql, values) = match &filter.item {
            // Each (item, action) is one row of the item table.
            Some(item) if only_item => (
                "SELECT count(*) FROM register_action_items WHERE item = ?1".to_owned(),
                vec![item.clone()],
            ),
            Some(item) if filter.owner.is_none() && filter.session.is_none() => {
                let others = PageFilter {
                    item: None,
                    ..filter.clone()
                };
                let (conds, mut values) = others.conditions();
                values.push(item.clone());
                let sql = format!(
                    "SELECT count(*) FROM register_actions a
                     JOIN register_action_items i ON i.file = a.file AND i.position = a.position
                     WHERE {conds} AND i.item = ?{}",
                    values.len()
                );
                (sql, values)
            }
            _ => {
                let (conds, values) = filter.conditions();
                let sql = format!("SELECT count(*) FROM register_actions a WHERE {conds}");
                (sql, values)
            }
        };
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(values.iter()), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// The rows `offset..offset + limit` of those the filter lets through,
    /// in the register's order (due date, undated last, then session date,
    /// session and id), carried chains followed for these rows only.
    pub fn page(
        &self,
        filter: &PageFilter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ActionRow>, rusqlite::Error> {
        let mut rows = Vec::new();
        self.each_row(filter, offset, limit, &mut |row| rows.push(row))?;
        Ok(rows)
    }

    /// Hand each of the rows `page` would give to `each` as it is read:
    /// one statement stepped through, nothing held (for listing them all).
    pub fn each_row(
        &self,
        filter: &PageFilter,
        offset: usize,
        limit: usize,
        each: &mut dyn FnMut(ActionRow),
    ) -> Result<(), rusqlite::Error> {
        let (from, order, conds, mut values) = Self::page_source(filter);
        let sql = format!(
            "SELECT a.session, a.action, a.kind, a.parent, a.eff_text, a.eff_owner, a.eff_due,
                    a.status, a.done_on, a.carries_session, a.carries_action, a.eff_items,
                    a.log, s.title, a.day, a.framework, a.measure
             FROM {from} JOIN register_sessions s ON s.file = a.file
             WHERE {conds}
             ORDER BY {order}
             LIMIT ?{} OFFSET ?{}",
            values.len() + 1,
            values.len() + 2
        );
        values.push(limit.to_string());
        values.push(offset.to_string());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        for row in stmt.query_map(rusqlite::params_from_iter(values.iter()), page_row)? {
            let mut row = row?;
            if row.carries.is_some() && row.parent.is_none() {
                let mut history: Vec<LoggedUpdate> = chain(self.conn, &row.reference())?
                    .into_iter()
                    .rev()
                    .flat_map(|l| {
                        let on = l.on;
                        l.log.into_iter().map(move |update| LoggedUpdate {
                            on: on.clone(),
                            update,
                        })
                    })
                    .collect();
                history.append(&mut row.history);
                row.history = history;
            }
            each(row);
        }
        Ok(())
    }

    /// Where a page's rows come from, and their order. Read along the
    /// register's order, an item's rows are found by checking every
    /// action's items until the page is full (thousands of daily actions,
    /// which serve no item, come first); so when no owner or session leads,
    /// an item's own rows are read, in the same order, from the item table.
    fn page_source(filter: &PageFilter) -> (&'static str, &'static str, String, Vec<String>) {
        const IN_ORDER: &str = "register_actions a";
        const ORDER: &str = "a.eff_due IS NULL, a.eff_due, a.day, a.session, a.action";
        let Some(item) = filter
            .item
            .as_ref()
            .filter(|_| filter.owner.is_none() && filter.session.is_none())
        else {
            let (conds, values) = filter.conditions();
            return (IN_ORDER, ORDER, conds, values);
        };
        let others = PageFilter {
            item: None,
            ..filter.clone()
        };
        let (conds, mut values) = others.conditions();
        values.push(item.clone());
        let conds = format!("{conds} AND i.item = ?{}", values.len());
        (
            "register_action_items i CROSS JOIN register_actions a
                 ON a.file = i.file AND a.position = i.position",
            "i.undated, i.due, i.day, i.session, i.action",
            conds,
            values,
        )
    }

    /// How many actions there are in all.
    pub fn total(&self) -> Result<usize, rusqlite::Error> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = 'register_actions'")?
            .query_row([], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// The smallest value of a column after `current` (the first if none),
    /// blanks left out; `None` after the last.
    pub fn next_value(
        &self,
        column: Column,
        current: Option<&str>,
    ) -> Result<Option<String>, rusqlite::Error> {
        let sql = match column {
            Column::Owner => {
                "SELECT min(eff_owner) FROM register_actions
                 WHERE eff_owner > ?1 AND trim(eff_owner) <> ''"
            }
            Column::Framework => {
                "SELECT min(framework) FROM register_actions
                 WHERE framework > ?1 AND trim(framework) <> ''"
            }
            Column::Session => {
                "SELECT min(session) FROM register_actions
                 WHERE session > ?1 AND trim(session) <> ''"
            }
            Column::Item => "SELECT min(item) FROM register_action_items WHERE item > ?1",
        };
        self.conn
            .prepare_cached(sql)?
            .query_row([current.unwrap_or("")], |r| r.get(0))
    }
}

/// A register row as a page query reads it (its own log only).
fn page_row(r: &rusqlite::Row<'_>) -> Result<ActionRow, rusqlite::Error> {
    action_row(r, date(r.get(14)?).unwrap_or_default())
}

/// A register row from the columns both queries share (0 to 13, 15, 16);
/// the session's date is read by the caller, as each query holds it.
fn action_row(
    r: &rusqlite::Row<'_>,
    session_date: jiff::civil::Date,
) -> Result<ActionRow, rusqlite::Error> {
    let session: String = r.get(0)?;
    let id: String = r.get(1)?;
    let log: Vec<ProgressUpdate> =
        serde_json::from_str(&r.get::<_, String>(12)?).unwrap_or_default();
    let on = ActionRef {
        session: session.clone(),
        action: id.clone(),
    };
    let carries = match (
        r.get::<_, Option<String>>(9)?,
        r.get::<_, Option<String>>(10)?,
    ) {
        (Some(session), Some(action)) => Some(ActionRef { session, action }),
        _ => None,
    };
    Ok(ActionRow {
        id,
        session_id: session,
        session_title: r.get(13)?,
        session_date,
        kind: kind_of_slug(&r.get::<_, String>(2)?),
        framework: r.get(15)?,
        items: serde_json::from_str(&r.get::<_, String>(11)?).unwrap_or_default(),
        text: r.get(4)?,
        owner: r.get(5)?,
        due: date(r.get(6)?),
        status: PriorityStatus::from_slug(&r.get::<_, String>(7)?)
            .unwrap_or(PriorityStatus::NotStarted),
        done_on: date(r.get(8)?),
        parent: r.get(3)?,
        carries,
        measure: r.get(16)?,
        history: log
            .into_iter()
            .map(|update| LoggedUpdate {
                on: on.clone(),
                update,
            })
            .collect(),
    })
}
