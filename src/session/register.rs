//! The register: every action of every kind across sessions, and each
//! item's agreed levels over time. The questions are asked through the
//! [`Register`] trait; today [`Scan`] answers them by reading every session
//! in the store, and an index can answer the same questions later without
//! its callers changing.
//!
//! Levels are listed, never combined: no average, total or score.

use super::model::{
    ActionRef, IndividualLevel, Milestone, Priority, PriorityStatus, ProgressUpdate, ScaleChoice,
    Session, SessionId, SessionKind, StableId,
};
use super::store::SessionStore;
use jiff::civil::Date;
use std::collections::{BTreeSet, HashMap, HashSet};

/// What sort of action a register row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionKind {
    /// A workshop's priority for improvement.
    Priority,
    /// A milestone of a priority.
    Milestone,
    /// An action agreed in supervision.
    AgreedAction,
    /// A daily review's small action.
    DailyAction,
}

impl ActionKind {
    pub const ALL: [ActionKind; 4] = [
        ActionKind::Priority,
        ActionKind::Milestone,
        ActionKind::AgreedAction,
        ActionKind::DailyAction,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ActionKind::Priority => "priority",
            ActionKind::Milestone => "milestone",
            ActionKind::AgreedAction => "agreed-action",
            ActionKind::DailyAction => "daily-action",
        }
    }

    fn of_priority(kind: SessionKind) -> ActionKind {
        match kind {
            SessionKind::Workshop => ActionKind::Priority,
            SessionKind::Supervision => ActionKind::AgreedAction,
            SessionKind::DailyReview => ActionKind::DailyAction,
        }
    }
}

/// One update in an action's whole history, with the action it was made
/// on (a carried-forward priority's history includes the earlier one's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedUpdate {
    pub on: ActionRef,
    pub update: ProgressUpdate,
}

/// One action as the register lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    pub id: StableId,
    pub session_id: SessionId,
    pub session_title: String,
    /// The day the owning session was created (UTC).
    pub session_date: Date,
    pub kind: ActionKind,
    pub framework: String,
    /// The items (indicators, statements, areas) it serves.
    pub items: Vec<String>,
    /// The statement (of a milestone: its text). A carried-forward
    /// priority shows the statement of the one it carries.
    pub text: String,
    pub owner: String,
    pub due: Option<Date>,
    pub status: PriorityStatus,
    pub done_on: Option<Date>,
    /// For a milestone, the priority it belongs to.
    pub parent: Option<StableId>,
    /// The earlier priority this one carries forward.
    pub carries: Option<ActionRef>,
    /// Every update, oldest first, through the chain of carried priorities.
    pub history: Vec<LoggedUpdate>,
    /// The tracked measure (id) that shows whether it is working.
    pub measure: Option<StableId>,
}

impl ActionRow {
    /// The register's order, whichever reader made the rows: by due date
    /// (none last), then the session's date, its id and the action's id.
    pub fn register_order(a: &ActionRow, b: &ActionRow) -> std::cmp::Ordering {
        (a.due.is_none(), a.due, a.session_date, &a.session_id, &a.id).cmp(&(
            b.due.is_none(),
            b.due,
            b.session_date,
            &b.session_id,
            &b.id,
        ))
    }
}

impl ActionRow {
    pub fn last_update(&self) -> Option<&LoggedUpdate> {
        self.history.last()
    }

    pub fn reference(&self) -> ActionRef {
        ActionRef {
            session: self.session_id.clone(),
            action: self.id.clone(),
        }
    }
}

/// Which actions to list. Every condition given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    /// Part of the owner's name, any case.
    pub owner: Option<String>,
    pub status: Option<PriorityStatus>,
    /// Due strictly before this date.
    pub due_before: Option<Date>,
    /// Still open and due before this date (today).
    pub overdue_on: Option<Date>,
    pub framework: Option<String>,
    pub kind: Option<ActionKind>,
}

impl ActionFilter {
    pub fn accepts(&self, row: &ActionRow) -> bool {
        let owner = self
            .owner
            .as_ref()
            .is_none_or(|o| row.owner.to_lowercase().contains(&o.trim().to_lowercase()));
        let due_before = self
            .due_before
            .is_none_or(|d| row.due.is_some_and(|due| due < d));
        let overdue = self
            .overdue_on
            .is_none_or(|d| row.status.is_open() && row.due.is_some_and(|due| due < d));
        owner
            && due_before
            && overdue
            && self.status.is_none_or(|s| row.status == s)
            && self.framework.as_ref().is_none_or(|f| row.framework == *f)
            && self.kind.is_none_or(|k| row.kind == k)
    }
}

/// One session's agreed level for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelPoint {
    pub session_id: SessionId,
    pub session_title: String,
    pub session_date: Date,
    pub locality: Option<String>,
    pub item: String,
    /// `None`: the session covered the item but has not agreed a level.
    pub level: Option<u8>,
    /// Each participant's own level, as recorded: the spread of views.
    pub spread: Vec<IndividualLevel>,
}

/// Which of a framework's sessions the trends screen shows: sessions with
/// levels (of one locality, if given), newest first, `skip` then `take`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LevelsQuery {
    pub framework: String,
    pub locality: Option<String>,
    pub skip: usize,
    pub take: usize,
}

/// A window of a framework's levels, with what the whole framework has.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LevelsPage {
    /// The window's sessions' levels, oldest session first.
    pub points: Vec<LevelPoint>,
    /// The window's sessions' scales, by session id.
    pub scales: Vec<(String, ScaleChoice)>,
    /// Sessions with levels that pass the locality, in all.
    pub sessions: usize,
    /// Items with a level row in those sessions, sorted.
    pub items: Vec<String>,
    /// Localities recorded by the framework's sessions with levels, sorted.
    pub localities: Vec<String>,
}

impl LevelsPage {
    /// The page cut from every level of the framework (by session date).
    pub fn of(
        all: Vec<LevelPoint>,
        scales: Vec<(String, ScaleChoice)>,
        query: &LevelsQuery,
    ) -> LevelsPage {
        let localities: BTreeSet<String> = all.iter().filter_map(|p| p.locality.clone()).collect();
        let points: Vec<LevelPoint> = all
            .into_iter()
            .filter(|p| query.locality.is_none() || p.locality == query.locality)
            .collect();
        let items: BTreeSet<String> = points.iter().map(|p| p.item.clone()).collect();
        let mut seen = HashSet::new();
        let order: Vec<&str> = points
            .iter()
            .map(|p| p.session_id.as_str())
            .filter(|id| seen.insert(*id))
            .collect();
        let end = order.len().saturating_sub(query.skip);
        let window: HashSet<&str> = order[end.saturating_sub(query.take)..end]
            .iter()
            .copied()
            .collect();
        let sessions = order.len();
        let scales = scales
            .into_iter()
            .filter(|(id, _)| window.contains(id.as_str()))
            .collect();
        let points = points
            .iter()
            .filter(|p| window.contains(p.session_id.as_str()))
            .cloned()
            .collect();
        LevelsPage {
            points,
            scales,
            sessions,
            items: items.into_iter().collect(),
            localities: localities.into_iter().collect(),
        }
    }
}

/// The questions the register answers, whatever answers them.
pub trait Register {
    /// Every action of every kind, sorted by due date (undated last), then
    /// session date, session and id.
    fn actions(&self) -> Vec<ActionRow>;
    /// The sessions (and their session ids) holding an action with this id.
    fn find_action(&self, action_id: &str) -> Vec<ActionRef>;
    /// For a framework, every session's level for each item it covered
    /// (or only `item`), by session date.
    fn levels(&self, framework: &str, item: Option<&str>) -> Vec<LevelPoint>;
    /// Each session of a framework with its scale, by session id.
    fn scales(&self, framework: &str) -> Vec<(String, ScaleChoice)>;

    /// One window of a framework's sessions with levels (newest last),
    /// with what the whole framework has: items, localities and the count.
    /// This reads every level; the index answers it from a few rows.
    fn levels_page(&self, query: &LevelsQuery) -> LevelsPage {
        let all = self.levels(&query.framework, None);
        LevelsPage::of(all, self.scales(&query.framework), query)
    }

    fn filtered(&self, filter: &ActionFilter) -> Vec<ActionRow> {
        self.actions()
            .into_iter()
            .filter(|r| filter.accepts(r))
            .collect()
    }
}

/// A register that reads every session each time it is asked.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub sessions: Vec<Session>,
    /// Actions kept outside sessions (priorities agreed in a measure's
    /// Turning the Curve worksheet), as their owner lists them: the
    /// session layer does not read other files.
    pub outside: Vec<ActionRow>,
}

impl Scan {
    pub fn new(sessions: Vec<Session>) -> Self {
        Scan {
            sessions,
            outside: Vec::new(),
        }
    }

    /// The same register with actions from outside sessions added.
    pub fn with_outside(mut self, rows: Vec<ActionRow>) -> Self {
        self.outside.extend(rows);
        self
    }

    /// Every readable session in the store, and one line for each file
    /// that could not be read (never quoting its words).
    pub fn of_store(store: &SessionStore) -> (Scan, Vec<String>) {
        let mut sessions = Vec::new();
        let mut problems = Vec::new();
        let entries = store.entries().unwrap_or_else(|error| {
            problems.push(error.to_string());
            Vec::new()
        });
        for entry in entries {
            match entry.state {
                Ok(decoded) => sessions.push(decoded.session),
                Err(error) => problems.push(error.to_string()),
            }
        }
        (Scan::new(sessions), problems)
    }
}

fn session_date(session: &Session) -> Date {
    jiff::tz::TimeZone::UTC.to_datetime(session.created).date()
}

fn own_history(session: &Session, id: &str, log: &[ProgressUpdate]) -> Vec<LoggedUpdate> {
    log.iter()
        .map(|update| LoggedUpdate {
            on: ActionRef {
                session: session.id.clone(),
                action: id.to_owned(),
            },
            update: update.clone(),
        })
        .collect()
}

type Priorities<'a> = HashMap<(&'a str, &'a str), (&'a Session, &'a Priority)>;

/// Follow `carries` back to the first priority, oldest first (a chain
/// that loops is cut where it meets itself).
fn chain<'a>(start: &'a Priority, by_ref: &Priorities<'a>) -> Vec<(&'a Session, &'a Priority)> {
    let mut earlier = Vec::new();
    let mut seen = HashSet::new();
    let mut link = start.carries.as_ref();
    while let Some(r) = link {
        if !seen.insert((r.session.as_str(), r.action.as_str())) {
            break;
        }
        let Some(&(session, priority)) = by_ref.get(&(r.session.as_str(), r.action.as_str()))
        else {
            break;
        };
        earlier.push((session, priority));
        link = priority.carries.as_ref();
    }
    earlier.reverse();
    earlier
}

fn priority_row(session: &Session, priority: &Priority, by_ref: &Priorities) -> ActionRow {
    let earlier = chain(priority, by_ref);
    let mut history: Vec<LoggedUpdate> = earlier
        .iter()
        .flat_map(|(s, p)| own_history(s, &p.id, &p.log))
        .collect();
    history.extend(own_history(session, &priority.id, &priority.log));
    // Blank fields of a carried priority read through to the earlier one.
    let inherited = |get: &dyn Fn(&Priority) -> bool| {
        std::iter::once(priority)
            .chain(earlier.iter().rev().map(|(_, p)| *p))
            .find(|p| get(p))
    };
    let text =
        inherited(&|p| !p.statement.is_empty()).map_or_else(String::new, |p| p.statement.clone());
    let owner = inherited(&|p| !p.owner.is_empty()).map_or_else(String::new, |p| p.owner.clone());
    let due = inherited(&|p| p.deadline.is_some()).and_then(|p| p.deadline);
    let items = inherited(&|p| !p.serves.is_empty()).map_or_else(Vec::new, |p| p.serves.clone());
    ActionRow {
        id: priority.id.clone(),
        session_id: session.id.clone(),
        session_title: session.title.clone(),
        session_date: session_date(session),
        kind: ActionKind::of_priority(session.kind),
        framework: session.framework.clone(),
        items,
        text,
        owner,
        due,
        status: priority.status,
        done_on: priority.done_on,
        parent: None,
        carries: priority.carries.clone(),
        history,
        measure: priority.measure.clone(),
    }
}

fn milestone_row(session: &Session, parent: &ActionRow, milestone: &Milestone) -> ActionRow {
    ActionRow {
        id: milestone.id.clone(),
        kind: ActionKind::Milestone,
        text: milestone.text.clone(),
        due: milestone.date,
        status: milestone.status,
        done_on: milestone.done_on,
        parent: Some(parent.id.clone()),
        carries: None,
        history: own_history(session, &milestone.id, &milestone.log),
        ..parent.clone()
    }
}

impl Register for Scan {
    fn actions(&self) -> Vec<ActionRow> {
        let by_ref: Priorities = self
            .sessions
            .iter()
            .flat_map(|s| {
                s.priorities
                    .iter()
                    .map(move |p| ((s.id.as_str(), p.id.as_str()), (s, p)))
            })
            .collect();
        let mut rows = Vec::new();
        for session in &self.sessions {
            for priority in &session.priorities {
                let row = priority_row(session, priority, &by_ref);
                let milestones: Vec<ActionRow> = priority
                    .milestones
                    .iter()
                    .map(|m| milestone_row(session, &row, m))
                    .collect();
                rows.push(row);
                rows.extend(milestones);
            }
        }
        rows.extend(self.outside.iter().cloned());
        rows.sort_by(ActionRow::register_order);
        rows
    }

    fn find_action(&self, action_id: &str) -> Vec<ActionRef> {
        self.sessions
            .iter()
            .filter(|s| super::progress::has_action(s, action_id))
            .map(|s| ActionRef {
                session: s.id.clone(),
                action: action_id.to_owned(),
            })
            .collect()
    }

    fn scales(&self, framework: &str) -> Vec<(String, ScaleChoice)> {
        self.sessions
            .iter()
            .filter(|s| s.framework == framework)
            .map(|s| (s.id.clone(), s.scale.clone()))
            .collect()
    }

    fn levels(&self, framework: &str, item: Option<&str>) -> Vec<LevelPoint> {
        let mut sessions: Vec<&Session> = self
            .sessions
            .iter()
            .filter(|s| s.framework == framework)
            .collect();
        sessions.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        sessions
            .into_iter()
            .flat_map(|s| {
                s.items
                    .iter()
                    .filter(|r| item.is_none_or(|i| r.item == i))
                    .map(move |r| LevelPoint {
                        session_id: s.id.clone(),
                        session_title: s.title.clone(),
                        session_date: session_date(s),
                        locality: s.locality.clone(),
                        item: r.item.clone(),
                        level: r.level,
                        spread: r.individual_levels.clone(),
                    })
            })
            .collect()
    }
}
