//! The edge between the pure app and the world: performs the effects that
//! `update` asks for (disk, exports) and feeds their results back in. Used
//! by the terminal loop and, with a test backend, by the flow tests.
//!
//! Long because every effect is performed here, in one `match`, so that
//! the one place that touches disk can be read whole; each answer is
//! handed back to `update` as an Action.

use super::home_snapshot;
use crate::app::action::{Action, Effect, Opened};
use crate::app::cycle::{Earlier, RegisterFilter, RegisterQuery, TrendsData};
use crate::app::home::{
    DUE_SOON_DAYS, DailyEntry, DuePriority, HomeData, HomePage, PAGE, SessionSummary, page_from,
};
use crate::app::update::update;
use crate::app::{App, Screen};
use crate::export;
use crate::index::register::Page;
use crate::index::{Index, IndexError, Reconciled};
use crate::session::atomic::{create_private_dir, write_atomic};
use crate::session::codec;
use crate::session::model::Session;
use crate::session::model::{ActionRef, ProgressUpdate};
use crate::session::progress::{ProgressError, apply_update};
use crate::session::register::{ActionRow, LevelsQuery, Register, Scan};
use crate::session::store::{
    Access, Folder, OpenSession, SessionStore, StoreError, recovery_copies, session_id_of,
    set_recovery_aside, write_emergency,
};
use crate::session::store::{Saved, read_session};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What the panic handler writes as a recovery copy: the open session's
/// path and its latest state.
pub type RecoverySlot = Arc<Mutex<Option<(PathBuf, Session)>>>;

pub struct Runtime {
    pub app: App,
    pub store: SessionStore,
    pub open: Option<OpenSession>,
    /// Where exports go by default.
    pub export_dir: PathBuf,
    /// Where the user's settings are kept.
    pub settings_path: PathBuf,
    pub recovery: RecoverySlot,
    /// Where emergency copies go when the session's own folder will not
    /// take them, in order (`<data dir>/recovery/`, state dir, temp dir).
    pub emergency_dirs: Vec<PathBuf>,
    /// The emergency copy of the open session's unsaved work, if saves
    /// are failing.
    pub emergency: Option<PathBuf>,
    /// The index, opened at the first home screen (`<data dir>/index.sqlite`).
    pub index: Option<Index>,
    /// Compare the folder with the index after drawing rather than before
    /// (the terminal program does; tests compare before).
    pub background_reconcile: bool,
    /// A comparison is wanted (background mode).
    pub reconcile_wanted: bool,
    /// The first frame showed the kept home screen (`home_snapshot`): home
    /// is loaded from the index as soon as it is drawn.
    home_kept: bool,
    /// The top of home as last read from the index, with the key taken
    /// just before: kept for the next start if the key still holds once
    /// the index is closed.
    home_read: Option<(home_snapshot::Key, HomeData)>,
    /// Recovery and conflict copies found by the last pass over the folder.
    folder: Folder,
    /// Loosened session file permissions found by the last pass.
    loose: Vec<String>,
    /// The measures register, open (and locked) while its screens are.
    pub measures: Option<crate::measures::file::OpenRegister>,
    /// The program git runs as the merge driver (this one; tests name the
    /// built binary).
    pub howgood: PathBuf,
    /// Work running on other threads (a sync, a status): their answers.
    jobs: Vec<std::sync::mpsc::Receiver<Job>>,
    /// The organisation's own content file (in the config content folder);
    /// `None` when there is no config folder to write it in.
    pub own_content_path: Option<PathBuf>,
}

/// What a job on another thread answers.
enum Job {
    Progress(crate::app::sync::SyncStep),
    Synced(Result<(Vec<String>, Option<crate::app::sync::SyncSummary>), String>),
    Status(Result<crate::app::sync::SyncSummary, String>),
}

/// Open priorities the home screen fetches at most (soonest first): the
/// pane shows a dozen.
const DUE_SHOWN: usize = 200;
/// Next sessions and quiet priorities on home: a few, the rest are in the
/// register.
const CYCLE_SHOWN: usize = 5;

/// Where the home screen's pages start: around the home cursor and the
/// history's cursor.
#[derive(Debug, Clone, Copy, Default)]
pub struct Around {
    /// Position in the sessions list (daily reviews left out).
    pub sessions: usize,
    /// Position in the daily history.
    pub daily: usize,
}

/// The home screen's data, from the index: counts, the pages around
/// `around`, the streak and what is due, with the recovery and conflict
/// copies of the last pass over the folder. Nothing is read that the
/// screens would not show.
pub fn home_data_indexed(
    store: &SessionStore,
    index: &Index,
    folder: &Folder,
    today: jiff::civil::Date,
    time_zone: &jiff::tz::TimeZone,
    around: Around,
) -> Result<HomeData, IndexError> {
    let until = today
        .checked_add(jiff::Span::new().days(DUE_SOON_DAYS))
        .unwrap_or(today);
    let page = home_page(store, index, folder, time_zone, around)?;
    let mut data = HomeData {
        session_count: index.count_but_daily()?,
        latest: index
            .page_but_daily(0, 1)?
            .into_iter()
            .next()
            .map(|s| Box::new(summary_of(store, folder, s))),
        daily_count: index.daily_count()?,
        ..HomeData::default()
    };
    data.take_page(page);
    data.streak = streak_of(index, today, time_zone)?;
    data.year_ago = year_ago(index, today, time_zone)?.map(Box::new);
    data.newest_review = index.daily_page(0, 1)?.into_iter().next().map(|d| {
        let date = d.created.to_zoned_datetime(time_zone.clone()).date();
        (date, d.id)
    });
    data.due = index
        .due(until, DUE_SHOWN)?
        .into_iter()
        .map(|d| DuePriority {
            session_id: d.session_id,
            session_title: d.session_title,
            statement: d.statement,
            owner: d.owner,
            deadline: d.deadline,
            action_id: d.action_id,
            daily: d.daily,
        })
        .collect();
    let register = index.register();
    data.cycle.next_due = register.next_due(CYCLE_SHOWN)?;
    let quiet_since = today
        .checked_sub(jiff::Span::new().days(crate::app::text::QUIET_DAYS))
        .unwrap_or(today);
    data.cycle.quiet = register.quiet(quiet_since, CYCLE_SHOWN)?;
    for damaged in index.damaged()? {
        let id = damaged.file.trim_end_matches(".ron");
        let advice = match store.newest_good_history(id) {
            Some((path, _)) => format!(
                "; newest good version: {} (`howgood sessions restore {id}`)",
                path.display()
            ),
            None => String::new(),
        };
        data.damaged.push(format!("{}{advice}", damaged.error));
    }
    Ok(data)
}

/// The pages of the home list and the daily history around `around`.
pub fn home_page(
    store: &SessionStore,
    index: &Index,
    folder: &Folder,
    time_zone: &jiff::tz::TimeZone,
    around: Around,
) -> Result<HomePage, IndexError> {
    let sessions_from = page_from(around.sessions);
    let daily_from = page_from(around.daily);
    Ok(HomePage {
        sessions: index
            .page_but_daily(sessions_from, PAGE)?
            .into_iter()
            .map(|s| summary_of(store, folder, s))
            .collect(),
        sessions_from,
        daily: index
            .daily_page(daily_from, PAGE)?
            .into_iter()
            .map(|d| entry_of(d, time_zone))
            .collect(),
        daily_from,
    })
}

/// The date a year before `today` (28 February for 29 February).
fn a_year_before(today: jiff::civil::Date) -> Option<jiff::civil::Date> {
    today.checked_sub(jiff::Span::new().years(1)).ok()
}

/// The daily review of the same date a year before `today`, if any.
fn year_ago(
    index: &Index,
    today: jiff::civil::Date,
    time_zone: &jiff::tz::TimeZone,
) -> Result<Option<DailyEntry>, IndexError> {
    let start = |d: jiff::civil::Date| {
        d.to_zoned_datetime(time_zone.clone())
            .ok()
            .map(|z| z.timestamp())
    };
    let Some(date) = a_year_before(today) else {
        return Ok(None);
    };
    let (Some(from), Some(until)) = (start(date), date.tomorrow().ok().and_then(start)) else {
        return Ok(None);
    };
    Ok(index
        .daily_between(from, until)?
        .map(|d| entry_of(d, time_zone)))
}

fn entry_of(d: crate::index::Daily, time_zone: &jiff::tz::TimeZone) -> DailyEntry {
    DailyEntry {
        id: d.id,
        date: d.created.to_zoned_datetime(time_zone.clone()).date(),
        question: d.question,
        reflection: d.reflection,
        action: d.action,
        questions: d.questions,
        action_id: d.action_id,
        action_status: d.action_status,
    }
}

/// Days in a row with a daily review: read newest first, only as far
/// back as the streak goes.
fn streak_of(
    index: &Index,
    today: jiff::civil::Date,
    time_zone: &jiff::tz::TimeZone,
) -> Result<usize, IndexError> {
    // Day by day back from today (or yesterday, if nothing yet today), as
    // `app::daily::streak` counts: one small query per day counted.
    let written = |date: jiff::civil::Date| -> Result<bool, IndexError> {
        let day = |d: jiff::civil::Date| {
            d.to_zoned_datetime(time_zone.clone())
                .map(|z| z.timestamp())
        };
        match (day(date), date.tomorrow().and_then(day)) {
            (Ok(from), Ok(until)) => index.daily_written_between(from, until),
            _ => Ok(false),
        }
    };
    let Ok(yesterday) = today.yesterday() else {
        return Ok(0);
    };
    let mut day = if written(today)? { today } else { yesterday };
    let mut count = 0;
    while written(day)? {
        count += 1;
        match day.yesterday() {
            Ok(previous) => day = previous,
            Err(_) => break,
        }
    }
    Ok(count)
}

fn summary_of(store: &SessionStore, folder: &Folder, s: crate::index::Listed) -> SessionSummary {
    let copies = folder
        .sidecars
        .get(&crate::session::store::session_id_of(Path::new(&s.file)))
        .cloned()
        .unwrap_or_default();
    SessionSummary {
        id: s.id,
        kind: s.kind,
        title: s.title,
        framework: s.framework,
        updated: s.updated,
        items: s.items,
        evaluated: s.evaluated,
        priorities: s.priorities,
        unsaved_copies: copies
            .recovery
            .iter()
            .chain(&copies.conflicts)
            .map(|n| store.dir.join(n).display().to_string())
            .collect(),
        read_only: s.read_only,
    }
}

/// The home screen's data, read from every file in the sessions folder:
/// used only when the index cannot be opened.
pub fn home_data(
    store: &SessionStore,
    today: jiff::civil::Date,
    time_zone: &jiff::tz::TimeZone,
) -> HomeData {
    let mut data = HomeData::default();
    let entries = store.entries().unwrap_or_else(|error| {
        data.folder_unreadable = true;
        data.damaged
            .push(crate::app::text::sessions_unreadable(&error.to_string()));
        Vec::new()
    });
    for entry in entries {
        match entry.state {
            Ok(decoded)
                if decoded.session.kind == crate::session::model::SessionKind::DailyReview =>
            {
                let s = &decoded.session;
                let day = crate::index::extract::daily_of(s);
                data.daily.push(crate::app::home::DailyEntry {
                    id: s.id.clone(),
                    date: s.created.to_zoned_datetime(time_zone.clone()).date(),
                    question: day.question,
                    reflection: day.reflection,
                    action: day.action,
                    questions: day.questions,
                    action_id: s.priorities.first().map(|p| p.id.clone()),
                    action_status: s.priorities.first().map(|p| p.status),
                });
            }
            Ok(decoded) => {
                let s = &decoded.session;
                for p in s.priorities.iter().filter(|p| p.status.is_open()) {
                    if let Some(deadline) = p.deadline
                        && today
                            .until(deadline)
                            .is_ok_and(|span| span.get_days() <= DUE_SOON_DAYS as i32)
                    {
                        data.due.push(DuePriority {
                            session_id: s.id.clone(),
                            session_title: s.title.clone(),
                            statement: p.statement.clone(),
                            owner: p.owner.clone(),
                            deadline,
                            action_id: p.id.clone(),
                            daily: false,
                        });
                    }
                }
                data.sessions.push(SessionSummary {
                    id: s.id.clone(),
                    kind: s.kind,
                    title: s.title.clone(),
                    framework: s.framework.clone(),
                    updated: s.updated,
                    items: s.items.len(),
                    evaluated: s.evaluated_count(),
                    priorities: s.priorities.len(),
                    unsaved_copies: entry
                        .recovery
                        .iter()
                        .chain(&entry.conflicts)
                        .map(|p| p.display().to_string())
                        .collect(),
                    read_only: decoded.read_only_reason(),
                });
            }
            Err(error) => {
                let advice = match store.newest_good_history(&entry.id) {
                    Some((path, _)) => format!(
                        "; newest good version: {} (`howgood sessions restore {}`)",
                        path.display(),
                        entry.id
                    ),
                    None => String::new(),
                };
                data.damaged.push(format!("{error}{advice}"));
            }
        }
    }
    data.sessions.sort_by_key(|s| std::cmp::Reverse(s.updated));
    data.due.sort_by_key(|d| d.deadline);
    data.daily
        .sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    let dates: Vec<jiff::civil::Date> = data.daily.iter().map(|d| d.date).collect();
    data.streak = crate::app::daily::streak(&dates, today);
    data.newest_review = data.daily.first().map(|d| (d.date, d.id.clone()));
    let year_before = a_year_before(today);
    data.year_ago = data
        .daily
        .iter()
        .rfind(|d| Some(d.date) == year_before)
        .cloned()
        .map(Box::new);
    data
}

/// Why a save failed, short enough for the status line: the session's own
/// path and the OS error number are left out (the user knows which
/// session is open; the number helps nobody).
fn short_reason(error: &StoreError) -> String {
    let text = match error {
        StoreError::Io { error, .. } => error.to_string(),
        other => other.to_string(),
    };
    match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_owned(),
        _ => text,
    }
}

impl Runtime {
    /// The runtime, with the settings read from `settings_path`.
    /// One change to the organisation's own content file, read fresh and
    /// written atomically; never over a file that could not be read.
    fn write_own_content(
        &self,
        organisation: Option<&str>,
        change: &crate::app::own::OwnChange,
    ) -> Result<Box<crate::app::action::OwnWritten>, String> {
        let path = self.own_content_path.clone().ok_or(
            "there is no config folder to keep your own content in (set HOWGOOD_CONFIG_DIR)",
        )?;
        let (id, framework) = crate::session::own_content::change(
            &path,
            organisation,
            &self.app.library,
            |library, framework| crate::app::own::apply(library, framework, change),
        )?;
        Ok(Box::new(crate::app::action::OwnWritten {
            framework,
            path,
            id,
        }))
    }

    pub fn new(
        mut app: App,
        store: SessionStore,
        export_dir: PathBuf,
        settings_path: PathBuf,
    ) -> Runtime {
        match crate::settings::load(&settings_path) {
            Ok(settings) => app.settings = settings,
            Err(problem) => app.settings_problem = Some(problem),
        }
        let emergency_dirs = vec![crate::session::atomic::parent_dir(&store.dir).join("recovery")];
        Runtime {
            app,
            store,
            open: None,
            export_dir,
            settings_path,
            recovery: Arc::new(Mutex::new(None)),
            emergency_dirs,
            emergency: None,
            index: None,
            background_reconcile: false,
            reconcile_wanted: false,
            home_kept: false,
            home_read: None,
            folder: Folder::default(),
            loose: Vec::new(),
            measures: None,
            howgood: std::env::current_exe().unwrap_or_else(|_| PathBuf::from("howgood")),
            jobs: Vec::new(),
            own_content_path: None,
        }
    }

    /// After the last save attempt on the way out: what the user must be
    /// told, if their latest changes are not in the session file.
    pub fn exit_report(&self) -> Option<String> {
        let ws = self.app.workspace()?;
        if !ws.is_dirty() {
            return None;
        }
        Some(match &self.emergency {
            Some(copy) => format!(
                "howgood: your latest changes could not be saved in the session file; a copy is kept at {} and is offered when you open the session again",
                copy.display()
            ),
            None => "howgood: your latest changes could not be saved anywhere (no folder would take a copy)".to_owned(),
        })
    }

    /// A save failed: keep the latest state in an emergency copy (the same
    /// file each time) and say where, so nothing lives only in memory.
    fn keep_emergency_copy(&mut self, path: &Path, session: &Session, error: String) -> String {
        let written = write_emergency(path, session, self.app.now, &self.emergency_dirs);
        match written {
            Ok(copy) => {
                // The previous copy of this same session is superseded; a
                // copy of another session is never touched.
                if let Some(old) = self.emergency.replace(copy.clone())
                    && session_id_of(&old) == session_id_of(&copy)
                {
                    let _ = std::fs::remove_file(old);
                }
                format!("{error}; a copy is kept at {}", copy.display())
            }
            Err(copy_error) => format!("{error}; no copy could be written either ({copy_error})"),
        }
    }

    /// Show the home screen, then open a session if one was asked for.
    pub fn start(&mut self, open: Option<String>) {
        self.dispatch_effect(Effect::LoadHome);
        self.dispatch_effect(Effect::LoadSyncStatus);
        if let Some(query) = open {
            self.dispatch_effect(Effect::Open(query));
        }
    }

    /// Perform an effect directly and apply its result.
    pub fn dispatch_effect(&mut self, effect: Effect) {
        if let Some(result) = self.perform(effect) {
            self.dispatch(result);
        }
    }

    /// Apply an action and every effect it leads to.
    pub fn dispatch(&mut self, action: Action) {
        let mut queue = vec![action];
        while let Some(action) = queue.pop() {
            let effects = update(&mut self.app, action);
            for effect in effects {
                if let Some(result) = self.perform(effect) {
                    queue.insert(0, result);
                }
            }
        }
        self.update_recovery_slot();
    }

    /// A clock tick. Returns whether it led to anything (a save, say), so
    /// the loop redraws only when something may have changed.
    pub fn tick(&mut self) -> bool {
        let answered = self.poll_jobs(false);
        let effects = update(&mut self.app, Action::Tick);
        let any = answered || !effects.is_empty();
        for effect in effects {
            if let Some(result) = self.perform(effect) {
                self.dispatch(result);
            }
        }
        self.update_recovery_slot();
        any
    }

    /// Keep the panic handler's copy of unsaved work current.
    fn update_recovery_slot(&mut self) {
        let (Screen::Session(ws), Some(open)) = (&self.app.screen, &self.open) else {
            if let Ok(mut slot) = self.recovery.lock() {
                *slot = None;
            }
            return;
        };
        if let Ok(mut slot) = self.recovery.lock() {
            *slot = ws
                .is_dirty()
                .then(|| (open.path.clone(), ws.session.clone()));
        }
    }

    /// The terminal program's start on home: the first frame shows the
    /// home screen the last run kept, if nothing it was made from has
    /// changed (`home_snapshot`), and home is loaded from the index as soon
    /// as that frame is drawn (`after_first_frame`), before any key is
    /// read; else as `start`.
    pub fn start_from_kept_home(&mut self) {
        let Some(home) = self.kept_home() else {
            return self.start(None);
        };
        self.home_kept = true;
        self.dispatch(Action::HomeLoaded(home));
        self.dispatch_effect(Effect::LoadSyncStatus);
    }

    /// The home screen kept by the last run, if nothing it was made from
    /// has changed.
    fn kept_home(&self) -> Option<HomeData> {
        if self.index.is_some() {
            return None;
        }
        let key = home_snapshot::key_if_closed(&self.index_path(), &self.store.dir, self.today())?;
        let mut home = home_snapshot::read(&home_snapshot::path_in(&self.data_dir()), &key)?;
        home.warnings = self.store.folder_permission_warning();
        self.add_home_warnings(&mut home);
        Some(home)
    }

    /// After the first frame: if it showed the kept home screen, home is
    /// loaded from the index now (which opens it, and in the terminal
    /// program asks for the folder to be compared after). Whether anything
    /// may have changed on screen.
    pub fn after_first_frame(&mut self) -> bool {
        if !std::mem::take(&mut self.home_kept) {
            return false;
        }
        if matches!(self.app.screen, Screen::Home) {
            self.dispatch_effect(Effect::LoadHome);
        }
        true
    }

    /// Close the index (SQLite then folds its write-ahead log into the
    /// file), then keep the top of home for the next start: the top as
    /// last read if nothing changed since, else what is kept if it still
    /// matches, else the top read again.
    pub fn close_index(&mut self) {
        if self.index.take().is_none() {
            return;
        }
        let today = self.today();
        let (index, kept) = (self.index_path(), home_snapshot::path_in(&self.data_dir()));
        let Some(key) = home_snapshot::key_if_closed(&index, &self.store.dir, today) else {
            return;
        };
        let home = match self.home_read.take() {
            // Written only if it differs: a kept copy that a change within
            // the file clock's resolution slipped past is put right here.
            Some((read_at, home)) if read_at == key => home,
            _ if home_snapshot::read(&kept, &key).is_some() => return,
            _ => {
                let Ok(index) = Index::open(&index) else {
                    return;
                };
                let home = home_data_indexed(
                    &self.store,
                    &index,
                    &self.folder,
                    today,
                    &self.app.time_zone,
                    Around::default(),
                );
                drop(index);
                let unchanged =
                    home_snapshot::key_if_closed(&self.index_path(), &self.store.dir, today)
                        .is_some_and(|now| now == key);
                match home {
                    Ok(home) if unchanged => home,
                    _ => return,
                }
            }
        };
        let _ = home_snapshot::write(&kept, &key, &home);
    }

    /// What home says beside its lists: content skipped at start, a
    /// settings file that is not being saved.
    fn add_home_warnings(&self, data: &mut HomeData) {
        data.warnings
            .extend(self.app.startup_problems.iter().cloned());
        if let Some(problem) = &self.app.settings_problem {
            data.warnings
                .push(format!("Settings are not being saved: {problem}"));
        }
    }

    /// The home data from the index, or from the files if the index
    /// cannot be used (the reason is shown on the home screen).
    fn load_home(&mut self) -> HomeData {
        let today = self.today();
        let fallback = |runtime: &Runtime, why: String| {
            let mut data = home_data(&runtime.store, today, &runtime.app.time_zone);
            data.warnings = runtime.store.permission_warnings();
            data.warnings.push(why);
            data
        };
        if self.index.is_none() {
            match Index::open(&self.index_path()) {
                Ok(index) => self.index = Some(index),
                Err(error) => return fallback(self, format!("The index is not in use: {error}")),
            }
        }
        match self.home_from_index() {
            Ok(data) => data,
            Err(error) => {
                // Damaged while open: rebuild it from the files next time.
                self.index = None;
                let _ = Index::recreate(&self.index_path(), "damaged");
                fallback(self, format!("The index is being rebuilt: {error}"))
            }
        }
    }

    /// `<data dir>/index.sqlite`.
    pub fn index_path(&self) -> PathBuf {
        Index::path_in(crate::session::atomic::parent_dir(&self.store.dir))
    }

    /// The home data from the index. In the foreground the folder is
    /// compared first; in the background mode (the terminal program) an
    /// index already filled is shown at once and compared after the frame
    /// is drawn (`reconcile_wanted`, then `reconciled`).
    fn home_from_index(&mut self) -> Result<HomeData, IndexError> {
        let today = self.today();
        let around = self.around();
        // The top of home may be kept for the next start: the key is taken
        // before reading, so a change made meanwhile shows in it.
        let at_top = around.sessions == 0 && around.daily == 0;
        let key = at_top
            .then(|| home_snapshot::key_of(&self.index_path(), &self.store.dir, today))
            .flatten();
        let Some(index) = self.index.as_mut() else {
            return Ok(HomeData::default());
        };
        // Even an empty index (a first run) is filled in the background:
        // the screen shows what is indexed so far and the progress.
        if self.background_reconcile {
            self.reconcile_wanted = true;
        } else {
            let done = index.reconcile(&self.store.dir, &mut |_, _| {})?;
            self.folder = done.folder;
            self.loose = done.loose;
        }
        let mut data = home_data_indexed(
            &self.store,
            index,
            &self.folder,
            today,
            &self.app.time_zone,
            around,
        )?;
        self.home_read = key.map(|key| (key, home_snapshot::top_of(&data)));
        data.warnings = self.store.folder_permission_warning();
        data.warnings.extend(self.loose.iter().cloned());
        Ok(data)
    }

    /// The comparing thread has read `done` of the `total` files it had
    /// to read: say so on the status line and show what is indexed so far.
    pub fn indexing(&mut self, done: usize, total: usize) {
        self.app.notice = Some(format!(
            "Indexing sessions: {done} of {total} read; the lists fill as it goes"
        ));
        if matches!(self.app.screen, Screen::Home | Screen::History { .. })
            && let Some(index) = self.index.as_ref()
        {
            let around = self.around();
            let today = self.today();
            let data = home_data_indexed(
                &self.store,
                index,
                &self.folder,
                today,
                &self.app.time_zone,
                around,
            );
            if let Ok(mut data) = data {
                data.warnings = self.app.home.data.warnings.clone();
                self.app.home.loaded(data, today);
            }
        }
    }

    /// The comparison finished: the progress notice goes.
    pub fn indexing_finished(&mut self) {
        if self
            .app
            .notice
            .as_deref()
            .is_some_and(|n| n.starts_with("Indexing sessions:"))
        {
            self.app.notice = None;
        }
    }

    /// Where the screens' cursors are in the two lists.
    fn around(&self) -> Around {
        let home = &self.app.home;
        Around {
            sessions: home.session_index(home.cursor).unwrap_or(0),
            daily: match self.app.screen {
                Screen::History { cursor } => cursor,
                _ => 0,
            },
        }
    }

    /// The pages around the cursors, from the index; the pages held are
    /// kept where they still cover their cursor (and whenever the index is
    /// not in use: the lists from the files are held whole).
    fn load_page(&mut self, sessions: usize, daily: usize) -> Option<Action> {
        let index = self.index.as_ref()?;
        let data = &self.app.home.data;
        let around = Around { sessions, daily };
        let fresh = home_page(
            &self.store,
            index,
            &self.folder,
            &self.app.time_zone,
            around,
        )
        .ok()?;
        let mut page = HomePage {
            sessions: data.sessions.clone(),
            sessions_from: data.sessions_from,
            daily: data.daily.clone(),
            daily_from: data.daily_from,
        };
        if !data.holds_session(sessions) {
            (page.sessions, page.sessions_from) = (fresh.sessions, fresh.sessions_from);
        }
        if !data.holds_daily(daily) {
            (page.daily, page.daily_from) = (fresh.daily, fresh.daily_from);
        }
        Some(Action::HomePage(page))
    }

    /// A comparison of the folder with the index finished in the
    /// background: show what changed, if anything did.
    pub fn reconciled(&mut self, done: Reconciled) {
        let changed = done.read > 0
            || done.removed > 0
            || self.folder.sidecars != done.folder.sidecars
            || self.loose != done.loose;
        self.folder = done.folder;
        self.loose = done.loose;
        if !changed {
            return;
        }
        match &self.app.screen {
            Screen::Home | Screen::History { .. } => self.dispatch_effect(Effect::LoadHome),
            Screen::Register(state) => {
                let query = Box::new(state.query(None));
                self.dispatch_effect(Effect::LoadRegister(query))
            }
            Screen::Trends(state) => {
                let query = state.data.as_ref().map(|d| Box::new(d.query.clone()));
                if let Some(query) = query {
                    self.dispatch_effect(Effect::LoadTrends(query));
                }
            }
            _ => {}
        }
    }

    /// After our own save, the index learns of it at once.
    fn reindex_file(&mut self, path: &Path) {
        if let (Some(index), Some(name)) = (self.index.as_mut(), path.file_name()) {
            let _ = index.refresh_file(&self.store.dir, &name.to_string_lossy());
        }
    }

    fn today(&self) -> jiff::civil::Date {
        self.app.today()
    }

    fn opened(&mut self, result: Result<OpenSession, StoreError>) -> Action {
        match result {
            Ok(open) => {
                let read_only = match &open.access {
                    Access::ReadOnly(reason) => Some(reason.clone()),
                    Access::ReadWrite => None,
                };
                let session = open.loaded.clone();
                let recovery = recovery_copies(&open.path, &self.emergency_dirs)
                    .into_iter()
                    .rev()
                    .find_map(|path| {
                        let bytes = crate::session::atomic::read_regular(&path).ok()?;
                        let decoded = codec::decode(&bytes).ok()?;
                        (decoded.session != session).then_some((path, decoded.session))
                    });
                self.open = Some(open);
                Action::Opened(Ok(Box::new(Opened {
                    session,
                    read_only,
                    recovery,
                })))
            }
            Err(error) => Action::Opened(Err(error.to_string())),
        }
    }

    fn perform(&mut self, effect: Effect) -> Option<Action> {
        match effect {
            Effect::LoadHome => {
                // Loosened permissions and a damaged settings file are said
                // where they will be read, not printed before the screen opens.
                let mut data = self.load_home();
                self.add_home_warnings(&mut data);
                Some(Action::HomeLoaded(data))
            }
            Effect::LoadHomePage { sessions, daily } => self.load_page(sessions, daily),
            Effect::Open(query) => {
                self.open = None;
                let result = crate::session::resolve::resolve(&self.store, &query)
                    .map_err(StoreError::ReadOnly)
                    .and_then(|path| OpenSession::open(&path, self.app.now));
                let action = match result {
                    Err(StoreError::ReadOnly(message)) => Action::Opened(Err(message)),
                    other => self.opened(other),
                };
                Some(action)
            }
            Effect::Create(session) => {
                self.open = None;
                let path = self.store.path_of(&session.id);
                let result = OpenSession::create(&path, &session, self.app.now);
                self.reindex_file(&path);
                Some(self.opened(result))
            }
            Effect::Save(session) => self.save(&session),
            Effect::Export(session) => Some(Action::Exported(self.export(&session))),
            Effect::Close => {
                self.open = None;
                if !self.app.workspace().is_some_and(|ws| ws.is_dirty()) {
                    self.emergency = None;
                }
                None
            }
            // Failures are told through `update`, like every other answer.
            Effect::SaveSettings(settings) => crate::settings::save(&self.settings_path, &settings)
                .err()
                .map(|problem| Action::EffectFailed(format!("Settings not saved: {problem}"))),
            Effect::SetRecoveryAside(path) => set_recovery_aside(&path)
                .err()
                .map(|error| Action::EffectFailed(format!("{}: {error}", path.display()))),
            Effect::LoadMeasures => Some(Action::MeasuresLoaded(self.load_measures())),
            Effect::WriteOwnContent {
                organisation,
                change,
            } => Some(Action::OwnContentWritten(
                self.write_own_content(organisation.as_deref(), &change),
            )),
            Effect::SaveMeasures(register) => {
                Some(Action::MeasuresSaved(self.save_measures(&register)))
            }
            Effect::CloseMeasures => {
                self.measures = None;
                None
            }
            Effect::LoadRegister(query) => Some(self.load_register(*query)),
            Effect::LoadTrends(query) => Some(self.load_trends(*query)),
            Effect::LoadEarlier(id) => Some(Action::EarlierLoaded(self.load_earlier(&id))),
            Effect::SearchDaily(words) => Some(Action::DailyFound {
                found: self.search_daily(&words),
                words,
            }),
            Effect::UpdateAction { target, update } => {
                Some(Action::ActionUpdated(self.update_action(&target, update)))
            }
            Effect::Sync => {
                self.start_sync();
                None
            }
            Effect::LoadSyncStatus => self.load_sync_status(),
            Effect::LoadConflicts => Some(Action::ConflictsLoaded(
                crate::commands::sync::screens::conflicts(&self.data_dir(), &self.howgood),
            )),
            Effect::ResolveConflict {
                session,
                conflict,
                choice,
            } => Some(Action::ConflictResolved(
                crate::commands::sync::screens::resolve(
                    &self.data_dir(),
                    &session,
                    &conflict,
                    choice,
                    self.app.now,
                ),
            )),
            Effect::Quit => None,
        }
    }

    /// Save the open session; on failure an emergency copy keeps the words.
    fn save(&mut self, session: &Session) -> Option<Action> {
        let open = self.open.as_mut()?;
        let path = open.path.clone();
        match open.save(session, self.app.now) {
            Ok(saved) => {
                self.reindex_file(&path);
                // The file has it all now: the emergency copy is spent.
                if let Some(copy) = self.emergency.take()
                    && session_id_of(&copy) == session_id_of(&path)
                {
                    let _ = std::fs::remove_file(copy);
                }
                Some(Action::Saved(Ok(saved)))
            }
            Err(error) => {
                let message = self.keep_emergency_copy(&path, session, short_reason(&error));
                Some(Action::Saved(Err(message)))
            }
        }
    }

    /// The session as Markdown in the exports folder.
    fn export(&self, session: &Session) -> Result<PathBuf, String> {
        // Private evidence stays out of the file, as in every export.
        let (session, left_out) = export::common::without_private(session, false);
        let markdown =
            export::session_markdown_noting(&session, &self.app.library, self.today(), left_out);
        let path = self.export_dir.join(format!("{}.md", session.id));
        create_private_dir(&self.export_dir)
            .and_then(|()| write_atomic(&path, markdown.as_bytes()))
            .map(|()| path.clone())
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// `<data dir>/measures/`, beside the sessions folder.
    fn measures_dir(&self) -> PathBuf {
        crate::measures::file::measures_dir(crate::session::atomic::parent_dir(&self.store.dir))
    }

    /// Open the register afresh (another howgood or the command line may
    /// have changed it since).
    fn load_measures(&mut self) -> Result<Box<crate::app::action::LoadedMeasures>, String> {
        self.measures = None;
        let open = crate::measures::file::OpenRegister::open(&self.measures_dir(), self.app.now)
            .map_err(|e| e.to_string())?;
        let loaded = crate::app::action::LoadedMeasures {
            register: open.loaded.clone(),
            read_only: match &open.access {
                Access::ReadOnly(reason) => Some(reason.clone()),
                Access::ReadWrite => None,
            },
        };
        self.measures = Some(open);
        Ok(Box::new(loaded))
    }

    fn save_measures(
        &mut self,
        register: &crate::measures::model::MeasureRegister,
    ) -> Result<(), String> {
        if self.measures.is_none() {
            self.load_measures()?;
        }
        let open = self.measures.as_mut().ok_or("the register is not open")?;
        match open.save(register, self.app.now) {
            Ok(crate::session::store::Saved::ToConflictCopy(copy)) => Err(format!(
                "the register changed on disk, so your changes went to {}",
                copy.display()
            )),
            Ok(_) => Ok(()),
            Err(error) => Err(short_reason(&error)),
        }
    }

    /// The index, brought up to date with the folder, if it can be used.
    fn current_index(&mut self) -> Option<&Index> {
        if self.index.is_none() {
            self.index = Index::open(&self.index_path()).ok();
        }
        let index = self.index.as_mut()?;
        // The terminal program answers from the index as it stands (the
        // folder was compared after the first frame, and howgood's own
        // saves are in it); a folder changed since by another program is
        // compared on the other thread, and the screen loaded again if
        // that finds anything (`reconciled`). Comparing 100,000 files here
        // would cost half a second on every visit.
        if self.background_reconcile {
            if !index.folder_unchanged(&self.store.dir).unwrap_or(false) {
                self.reconcile_wanted = true;
            }
            return self.index.as_ref();
        }
        match index.reconcile(&self.store.dir, &mut |_, _| {}) {
            Ok(done) => {
                self.folder = done.folder;
                self.loose = done.loose;
                self.index.as_ref()
            }
            Err(_) => {
                // Damaged while open: rebuilt from the files next time.
                self.index = None;
                let _ = Index::recreate(&self.index_path(), "damaged");
                None
            }
        }
    }

    /// One session's actions in the register's order: from the index (that
    /// session's rows only), or from the files when it cannot answer.
    fn session_actions(&mut self, id: &str) -> Vec<ActionRow> {
        let only = crate::index::register::PageFilter {
            session: Some(id.to_owned()),
            ..Default::default()
        };
        if let Some(index) = self.current_index()
            && let Ok(rows) = index.register().page(&only, 0, i64::MAX as usize)
        {
            return rows;
        }
        let (scan, _) = Scan::of_store(&self.store);
        scan.actions()
            .into_iter()
            .filter(|r| r.session_id == id)
            .collect()
    }

    /// A page of the register around the cursor: filtered, sorted and
    /// paged by the index, or from every file when the index cannot answer.
    fn load_register(&mut self, query: RegisterQuery) -> Action {
        let today = self.app.today();
        if let Some(index) = self.current_index()
            && let Ok((page, filter, cursor)) = register_page(&index.register(), &query, today)
        {
            let problems = index
                .damaged()
                .map(|d| d.into_iter().map(|d| d.error).collect())
                .unwrap_or_default();
            return Action::RegisterLoaded {
                page: Box::new(page),
                filter,
                cursor,
                problems,
            };
        }
        let (scan, problems) = Scan::of_store(&self.store);
        let all = scan.actions();
        let mut filter = query.filter;
        if let Some(key) = query.step
            && let Some(value) = key.value(&mut filter)
        {
            *value = crate::app::cycle::next_value(&all, key, value);
        }
        let total = all.len();
        let rows: Vec<ActionRow> = all
            .into_iter()
            .filter(|r| filter.accepts(r, today))
            .collect();
        let shown = rows.len();
        let cursor = query.cursor.min(shown.saturating_sub(1));
        let offset = crate::app::cycle::page_start(cursor);
        let rows = rows
            .into_iter()
            .skip(offset)
            .take(crate::app::cycle::REGISTER_PAGE)
            .collect();
        Action::RegisterLoaded {
            page: Box::new(Page {
                rows,
                offset,
                shown,
                total,
            }),
            filter,
            cursor,
            problems,
        }
    }

    /// Past daily reviews holding every word, newest matches first (the
    /// index's own ranking), as lines for the reader.
    fn search_daily(&mut self, words: &str) -> Result<Vec<(String, String)>, String> {
        let index = self
            .current_index()
            .ok_or_else(|| "the index could not be opened".to_owned())?;
        let hits = index.search(words, 10_000).map_err(|e| e.to_string())?;
        Ok(hits
            .into_iter()
            .filter(|h| h.kind == crate::session::model::SessionKind::DailyReview)
            .map(|h| {
                (
                    crate::safe_io::printable(&h.title).into_owned(),
                    crate::safe_io::printable(&h.snippet).into_owned(),
                )
            })
            .collect())
    }

    /// The session a session follows: its priorities with their whole
    /// logs, and its agreed levels.
    fn load_earlier(&mut self, id: &str) -> Result<Box<Earlier>, String> {
        let path = self.store.path_of(id);
        let (_, decoded) = read_session(&path).map_err(|e| short_reason(&e))?;
        let session = decoded.session;
        let priorities = self
            .session_actions(id)
            .into_iter()
            .filter(|r| r.session_id == id && r.parent.is_none())
            .collect();
        Ok(Box::new(Earlier {
            id: session.id.clone(),
            title: session.title.clone(),
            // A supervision's own date, where it has one.
            date: session
                .supervision
                .as_ref()
                .and_then(|s| s.date)
                .unwrap_or_else(|| self.app.time_zone.to_datetime(session.created).date()),
            framework: session.framework.clone(),
            scale: session.scale.clone(),
            priorities,
            levels: session
                .items
                .iter()
                .map(|r| (r.item.clone(), r.level))
                .collect(),
            reflections: crate::app::supervision::reflections_of(&session),
            people: session
                .supervision
                .as_ref()
                .map(|s| (s.supervisee.clone(), s.supervisor.clone())),
        }))
    }

    /// A window of a framework's levels over time, with each session's
    /// scale: from the index, else from every file.
    fn load_trends(&mut self, query: LevelsQuery) -> Action {
        let page = match self.current_index() {
            Some(index) => index.register().levels_page(&query),
            None => Scan::of_store(&self.store).0.levels_page(&query),
        };
        Action::TrendsLoaded(TrendsData { query, page })
    }

    /// Add one update to one action's log, in the file that owns it, with
    /// the rules of any save: the lock, and a conflict copy if the file
    /// changed on disk. Says what happened, never quoting the note.
    fn update_action(
        &mut self,
        target: &ActionRef,
        update: ProgressUpdate,
    ) -> Result<String, String> {
        let now = self.app.now;
        let path = self.store.path_of(&target.session);
        let mut open = OpenSession::open(&path, now).map_err(|e| e.to_string())?;
        if let Access::ReadOnly(reason) = &open.access {
            return Err(format!(
                "{} cannot be changed now: {reason}",
                target.session
            ));
        }
        let mut session = open.loaded.clone();
        let status = update.status;
        apply_update(&mut session, &target.action, update).map_err(|e| match e {
            ProgressError::NotFound(_) => crate::app::text::action_gone(&session.title),
            ambiguous => ambiguous.to_string(),
        })?;
        session.updated = now;
        let saved = open.save(&session, now).map_err(|e| short_reason(&e))?;
        self.reindex_file(&path);
        Ok(match saved {
            Saved::ToConflictCopy(copy) => format!(
                "{} changed on disk meanwhile; it is left as it is and the update is saved beside it in {}",
                target.session,
                copy.display()
            ),
            _ => {
                // A supervision's own date, where it has one (as its review says).
                let day = session
                    .supervision
                    .as_ref()
                    .and_then(|s| s.date)
                    .unwrap_or_else(|| self.app.local(session.created).date());
                let day = crate::app::text::day_label(day, self.app.today());
                crate::app::text::action_now(session.kind, &session.title, &day, status.label())
            }
        })
    }
}

/// Sync runs on its own thread: git may wait on a network share for a
/// while, and the screen goes on drawing its progress meanwhile.
impl Runtime {
    fn data_dir(&self) -> PathBuf {
        crate::session::atomic::parent_dir(&self.store.dir).to_owned()
    }

    /// Whether work is running on another thread.
    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    fn start_sync(&mut self) {
        // One git at a time in the folder: a status still running finishes first.
        self.finish_jobs();
        let (data, howgood, now) = (self.data_dir(), self.howgood.clone(), self.app.now);
        let open = self
            .open
            .as_ref()
            .filter(|o| !o.is_read_only())
            .map(|o| o.path.clone());
        let (answer, jobs) = std::sync::mpsc::channel();
        self.jobs.push(jobs);
        std::thread::spawn(move || {
            use crate::commands::sync::screens;
            let progress = answer.clone();
            let mut tell = |step| {
                let _ = progress.send(Job::Progress(step));
            };
            let result = screens::sync(&data, &howgood, open.as_deref(), now, &mut tell)
                .map(|lines| (lines, screens::summary(&data, &howgood).ok()));
            let _ = answer.send(Job::Synced(result));
        });
    }

    fn load_sync_status(&mut self) -> Option<Action> {
        let (data, howgood) = (self.data_dir(), self.howgood.clone());
        if !crate::commands::sync::screens::is_shared(&data) {
            return Some(Action::SyncStatus(Ok(Default::default())));
        }
        let (answer, jobs) = std::sync::mpsc::channel();
        self.jobs.push(jobs);
        std::thread::spawn(move || {
            let status = crate::commands::sync::screens::summary(&data, &howgood);
            let _ = answer.send(Job::Status(status));
        });
        None
    }

    /// Take the answers jobs have sent (waiting for them if `wait`);
    /// whether there were any.
    pub fn poll_jobs(&mut self, wait: bool) -> bool {
        let mut answers = Vec::new();
        self.jobs.retain(|jobs| {
            loop {
                let next = if wait {
                    jobs.recv()
                        .map_err(|_| std::sync::mpsc::TryRecvError::Disconnected)
                } else {
                    jobs.try_recv()
                };
                match next {
                    Ok(answer) => answers.push(answer),
                    Err(std::sync::mpsc::TryRecvError::Empty) => break true,
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => break false,
                }
            }
        });
        let any = !answers.is_empty();
        for answer in answers {
            let action = match answer {
                Job::Progress(step) => Action::SyncProgress(step),
                Job::Status(status) => Action::SyncStatus(status),
                Job::Synced(result) => Action::Synced(result.map(|(lines, summary)| {
                    Box::new(crate::app::sync::SyncDone {
                        lines,
                        summary,
                        reloaded: self.reload_open(),
                    })
                })),
            };
            self.dispatch(action);
        }
        any
    }

    /// The open session read again after a sync (git may have merged into
    /// it), so its next save builds on the merge. A session open read-only
    /// is read again too, to show what is there now. Not while the screen
    /// holds words the file lacks (a failed save, saves going to a conflict
    /// copy): those stay, and the next save keeps the merge by going to a
    /// conflict copy, as any save over a file changed on disk does.
    fn reload_open(&mut self) -> Option<Session> {
        let in_step = self.app.workspace().is_some_and(|ws| {
            matches!(
                ws.save,
                crate::app::SaveStatus::Saved(_) | crate::app::SaveStatus::ReadOnly(_)
            )
        });
        let open = self.open.as_mut()?;
        if !in_step || open.conflict_copy.is_some() {
            return None;
        }
        open.reload().ok().cloned()
    }

    /// Wait until every job has answered (tests; nothing else waits).
    pub fn finish_jobs(&mut self) {
        while self.busy() {
            self.poll_jobs(true);
        }
    }
}

/// A page of the register from the index: the filter stepped if asked,
/// the cursor kept within the rows let through, the page around it.
fn register_page(
    register: &crate::index::register::IndexRegister<'_>,
    query: &RegisterQuery,
    today: jiff::civil::Date,
) -> Result<(Page, RegisterFilter, usize), rusqlite::Error> {
    let mut filter = query.filter.clone();
    if let Some(key) = query.step
        && let Some(column) = key.column()
        && let Some(value) = key.value(&mut filter)
    {
        *value = register.next_value(column, value.as_deref())?;
    }
    let wanted = filter.page_filter(today);
    let shown = register.count(&wanted)?;
    let cursor = query.cursor.min(shown.saturating_sub(1));
    let offset = crate::app::cycle::page_start(cursor);
    let page = Page {
        rows: register.page(&wanted, offset, crate::app::cycle::REGISTER_PAGE)?,
        offset,
        shown,
        total: register.total()?,
    };
    Ok((page, filter, cursor))
}
