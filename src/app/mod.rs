//! Application state and its pure transitions. Nothing here touches the
//! terminal or the disk: `update` returns effects for the edge to perform.
//!
//! Long because the state of every screen (home, walk, register, trends,
//! measures, conflicts, own content) and the workspace of an open session
//! are declared here together, so one read shows all the app holds.

pub mod action;
pub mod criteria;
pub mod cycle;
pub mod daily;
pub mod editor;
pub mod fields;
pub mod home;
pub mod keys;
pub mod lines;
pub mod measures;
pub mod own;
pub mod palette;
pub mod reference;
pub mod rows;
pub mod supervision;
pub mod sync;
pub mod text;
pub mod theme;
pub mod timer;
pub mod update;
pub mod view;

use crate::content::library::Library;
use crate::session::model::Session;
use editor::Editor;
use home::{HomeState, NewSessionForm};
use jiff::Timestamp;
use palette::Palette;

/// The three self-evaluation questions, one phase each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    Now,
    Know,
    Can,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Now, Phase::Know, Phase::Can];

    pub fn question(self) -> &'static str {
        match self {
            Phase::Now => "How good are we now?",
            Phase::Know => "How do we know?",
            Phase::Can => "How good can we be?",
        }
    }

    pub fn number(self) -> usize {
        match self {
            Phase::Now => 1,
            Phase::Know => 2,
            Phase::Can => 3,
        }
    }

    pub fn next(self) -> Option<Phase> {
        match self {
            Phase::Now => Some(Phase::Know),
            Phase::Know => Some(Phase::Can),
            Phase::Can => None,
        }
    }

    pub fn previous(self) -> Option<Phase> {
        match self {
            Phase::Now => None,
            Phase::Know => Some(Phase::Now),
            Phase::Can => Some(Phase::Know),
        }
    }
}

/// Where in a session the group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Item index into `session.items`, and the phase.
    Walk { item: usize, phase: Phase },
    /// The close of session.
    Summary,
}

/// Which half of the walk screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The framework's text: themes, illustrations, suggestions.
    Reference,
    /// What the group records.
    Record,
}

/// Whether the session file is in step with the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Saved at this time.
    Saved(Timestamp),
    /// Changes not yet written; `since` is the first unsaved change.
    Unsaved {
        since: Timestamp,
    },
    /// The last save failed; the changes are kept in memory and retried.
    Failed {
        message: String,
        since: Timestamp,
    },
    /// Saves go to a conflict copy because the file changed on disk.
    Conflict {
        copy: String,
        at: Timestamp,
    },
    ReadOnly(String),
}

/// Minutes given to a stage (the summary has no countdown of its own, so
/// it gets the improvement phase's time).
pub fn phase_minutes(timers: &crate::session::model::PhaseTimers, stage: Stage) -> u32 {
    match stage {
        Stage::Walk {
            phase: Phase::Now, ..
        } => timers.now_minutes,
        Stage::Walk {
            phase: Phase::Know, ..
        } => timers.know_minutes,
        Stage::Walk {
            phase: Phase::Can, ..
        }
        | Stage::Summary => timers.can_minutes,
    }
}

/// The phase as the session file numbers it: 1-3, 0 for the summary.
pub fn phase_number(stage: Stage) -> u8 {
    match stage {
        Stage::Walk { phase, .. } => phase.number() as u8,
        Stage::Summary => 0,
    }
}

/// The stage a kept place names, if its item is still in the session.
fn stage_of(session: &Session, place: &crate::session::model::Place) -> Option<Stage> {
    let phase = match place.phase {
        0 => return Some(Stage::Summary),
        1 => Phase::Now,
        2 => Phase::Know,
        3 => Phase::Can,
        _ => return None,
    };
    let item = session.items.iter().position(|r| r.item == place.item)?;
    Some(Stage::Walk { item, phase })
}

/// The stage's countdown, carried on from its kept clock: the time used
/// and the minutes added survive leaving the phase and the session.
pub fn carried_timer(session: &Session, stage: Stage, now: Timestamp) -> timer::Timer {
    let minutes = phase_minutes(&session.timers, stage);
    let clock = match stage {
        Stage::Walk { item, .. } => session
            .items
            .get(item)
            .and_then(|r| session.walk.clock(&r.item, phase_number(stage))),
        Stage::Summary => None,
    };
    match clock {
        Some(c) => timer::Timer::carried(
            minutes,
            c.added_minutes,
            jiff::SignedDuration::from_secs(c.used_seconds),
            now,
        ),
        None => timer::Timer::start(minutes, now),
    }
}

/// An open session and where the user is in it.
#[derive(Debug)]
pub struct Workspace {
    pub session: Session,
    pub stage: Stage,
    pub focus: Pane,
    /// Reference pane: selected entry and first visible line.
    pub reference_cursor: usize,
    pub reference_scroll: usize,
    /// Reference pane tab (per phase the tabs differ).
    pub reference_tab: usize,
    /// Record pane: selected row and first visible line.
    pub record_cursor: usize,
    pub record_scroll: usize,
    /// Illustration shown on a narrow screen: level 5 first, then level 2.
    pub illustration_level: u8,
    pub editor: Option<Editor>,
    pub save: SaveStatus,
    /// When the last change was made (for the autosave pause).
    pub last_change: Option<Timestamp>,
    pub read_only: Option<String>,
    /// The current phase's countdown.
    pub timer: timer::Timer,
    /// In supervision, the question being worked on (one at a time).
    pub question_index: usize,
    /// A daily review of an earlier day: no countdown, no new question.
    pub past_day: bool,
    /// A recovery copy offered when the session was opened.
    pub pending_recovery: Option<(std::path::PathBuf, crate::session::model::Session)>,
    /// The session this one follows, once the edge has read it.
    pub earlier: Option<Box<cycle::Earlier>>,
    /// The review of last time's priorities, shown before phase 1.
    pub review: Option<cycle::Review>,
}

/// Popups over any screen.
#[derive(Debug)]
pub enum Overlay {
    /// Every key, scrolled to a line.
    Help {
        scroll: usize,
    },
    Palette(Box<Palette>),
    /// A question that needs y or n, and what `y` does.
    Confirm {
        message: String,
        on_yes: action::Action,
    },
    /// Read-only text (a framework item not in the session), scrollable.
    Reader {
        title: String,
        text: String,
        scroll: usize,
    },
    /// A message that any key dismisses.
    Message {
        title: String,
        text: String,
    },
    /// Choosing the daily review's focus areas.
    Focus {
        cursor: usize,
        chosen: Vec<String>,
    },
    /// One-line questions answered in turn (a value, a worksheet step).
    Ask(Box<measures::Ask>),
    /// Home: which of several due or overdue daily actions to mark done
    /// (the cursor counts the daily ones of the due list).
    PickDaily {
        cursor: usize,
    },
}

#[derive(Debug)]
pub enum Screen {
    Home,
    /// Past daily reviews, newest first.
    History {
        cursor: usize,
    },
    NewSession(Box<NewSessionForm>),
    Session(Box<Workspace>),
    /// The tracked measures: list, chart or worksheet (see `measures`).
    Measures,
    /// Every action of every kind across sessions.
    Register(Box<cycle::RegisterState>),
    /// A framework's levels over time.
    Trends(Box<cycle::TrendsState>),
    /// Conflicts a sync recorded, waiting for someone to choose.
    Conflicts(Box<sync::ConflictsState>),
    /// The organisation's own content areas, questions and statements.
    OwnContent(Box<own::OwnContentState>),
}

/// The whole application state.
#[derive(Debug)]
pub struct App {
    pub library: Library,
    pub screen: Screen,
    pub home: HomeState,
    pub overlay: Option<Overlay>,
    /// The clock, set by the edge before each action.
    pub now: Timestamp,
    /// The terminal size, for layout-dependent scrolling and mouse hits.
    pub size: (u16, u16),
    /// A one-line notice shown in the status bar until the next key.
    pub notice: Option<String>,
    pub quit: bool,
    pub theme: theme::Theme,
    /// Where new session ids' suffixes and the stable ids of new
    /// priorities, milestones and evidence come from: seeded by the edge,
    /// so `update` never touches randomness.
    pub ids: crate::session::ids::IdSource,
    /// Problems found at start (content files, theme.ron, keys.ron), shown
    /// on the home screen rather than printed under it.
    pub startup_problems: Vec<String>,
    /// The key map: the defaults with the user's `keys.ron` applied.
    pub keymap: Vec<keys::Binding>,
    /// The time zone dates and times are shown in (the system's; UTC in tests).
    pub time_zone: jiff::tz::TimeZone,
    /// The user's settings (daily review focus and rotation).
    pub settings: crate::settings::Settings,
    /// Why the settings file could not be read; then it is never saved over.
    pub settings_problem: Option<String>,
    /// Projector mode: large, high-contrast, one idea per screen.
    pub present: bool,
    /// In projector mode, whether the scribe's record is hidden from the room.
    pub hide_notes: bool,
    /// The measures register and where the user is in it.
    pub measures: measures::MeasuresState,
    /// The action (by stable id) to show when the session being opened
    /// arrives: set when the register opens a session at a priority.
    pub open_at: Option<String>,
    /// Sharing through git: home's indicator and a sync in progress.
    pub sync: sync::SyncState,
}

impl App {
    /// Today's date where the user is.
    pub fn today(&self) -> jiff::civil::Date {
        self.time_zone.to_datetime(self.now).date()
    }

    /// A time as the user's clock shows it.
    pub fn local(&self, t: Timestamp) -> jiff::civil::DateTime {
        self.time_zone.to_datetime(t)
    }

    pub fn new(library: Library, now: Timestamp, size: (u16, u16)) -> Self {
        App {
            library,
            screen: Screen::Home,
            home: HomeState::default(),
            overlay: None,
            now,
            size,
            notice: None,
            quit: false,
            theme: theme::Theme::COLOR,
            keymap: keys::BINDINGS.to_vec(),
            startup_problems: Vec::new(),
            // Seeded from the clock here (pure: `now` is given); the edge
            // reseeds from the OS.
            ids: crate::session::ids::IdSource::seeded(now.as_nanosecond() as u64),
            time_zone: jiff::tz::TimeZone::UTC,
            settings: crate::settings::Settings::default(),
            settings_problem: None,
            present: false,
            hide_notes: false,
            measures: measures::MeasuresState::default(),
            open_at: None,
            sync: sync::SyncState::default(),
        }
    }

    /// A stable id for a new thing in the open session, unused in it.
    pub fn new_id(&mut self) -> crate::session::model::StableId {
        loop {
            let id = self.ids.next_id();
            let used = self
                .workspace()
                .is_some_and(|ws| crate::session::ids::contains_id(&ws.session, &id));
            if !used {
                return id;
            }
        }
    }

    /// Give every new thing in the open session its stable id (milestones
    /// typed as lines get theirs here), before the session is saved.
    pub fn give_ids(&mut self) {
        if let Screen::Session(ws) = &mut self.screen {
            crate::session::ids::fill_missing(&mut ws.session, &mut self.ids);
        }
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.screen {
            Screen::Session(ws) => Some(ws),
            _ => None,
        }
    }

    pub fn workspace_mut(&mut self) -> Option<&mut Workspace> {
        match &mut self.screen {
            Screen::Session(ws) => Some(ws),
            _ => None,
        }
    }

    /// Whether a text field has the keyboard (single-letter keys type).
    pub fn is_typing(&self) -> bool {
        let field = match &self.screen {
            Screen::Session(ws) => {
                ws.editor.is_some() || ws.review.as_ref().is_some_and(|r| r.writing)
            }
            Screen::NewSession(form) => form.is_typing(),
            Screen::Register(register) => register.form.as_ref().is_some_and(|f| f.field.is_text()),
            Screen::Conflicts(state) => state.combined.is_some(),
            Screen::Home
            | Screen::History { .. }
            | Screen::Trends(_)
            | Screen::Measures
            | Screen::OwnContent(_) => false,
        };
        field || matches!(self.overlay, Some(Overlay::Palette(_) | Overlay::Ask(_)))
    }
}

impl Workspace {
    /// Write where the walk is and the current phase's clock into the
    /// session, so the next save carries them; whether anything changed.
    /// The daily review keeps its own twenty minutes and is left alone.
    pub fn keep_walk_state(&mut self, now: Timestamp) -> bool {
        use crate::session::model::{PhaseClock, Place};
        if self.session.kind == crate::session::model::SessionKind::DailyReview {
            return false;
        }
        let before = self.session.walk.clone();
        let item = self
            .item_index()
            .and_then(|i| self.session.items.get(i))
            .map(|r| r.item.clone())
            .unwrap_or_default();
        let phase = phase_number(self.stage);
        self.session.walk.place = Some(Place {
            item: item.clone(),
            phase,
            tab: self.reference_tab,
            row: self.record_cursor,
            reference: self.focus == Pane::Reference,
        });
        if phase > 0 {
            let minutes = phase_minutes(&self.session.timers, self.stage);
            self.session.walk.keep(PhaseClock {
                item,
                phase,
                used_seconds: self.timer.elapsed(now).as_secs(),
                added_minutes: self.timer.added_minutes(minutes),
            });
        }
        self.session.walk != before
    }

    pub fn new(session: Session, read_only: Option<String>, now: Timestamp) -> Self {
        let save = match &read_only {
            Some(reason) => SaveStatus::ReadOnly(reason.clone()),
            None => SaveStatus::Saved(now),
        };
        let stage = if session.items.is_empty() {
            Stage::Summary
        } else {
            Stage::Walk {
                item: 0,
                phase: Phase::Now,
            }
        };
        // Resume where the walk was left, if the file says.
        let place = session.walk.place.clone();
        let stage = place
            .as_ref()
            .and_then(|p| stage_of(&session, p))
            .unwrap_or(stage);
        let stage = match (&place, session.kind) {
            // A new supervision opens at its record: who, when, the check-in.
            (None, crate::session::model::SessionKind::Supervision) => Stage::Summary,
            _ => stage,
        };
        let question_index = match (stage, &session.supervision) {
            (Stage::Walk { item, .. }, Some(record)) => session
                .items
                .get(item)
                .map_or(0, |r| record.question_at(&r.item)),
            _ => 0,
        };
        let timer = carried_timer(&session, stage, now);
        Workspace {
            session,
            stage,
            focus: match &place {
                Some(p) if p.reference => Pane::Reference,
                _ => Pane::Record,
            },
            reference_cursor: 0,
            reference_scroll: 0,
            reference_tab: place.as_ref().map_or(0, |p| p.tab),
            record_cursor: place.as_ref().map_or(0, |p| p.row),
            record_scroll: 0,
            illustration_level: 5,
            editor: None,
            save,
            last_change: None,
            read_only,
            pending_recovery: None,
            question_index,
            past_day: false,
            earlier: None,
            review: None,
            timer,
        }
    }

    /// Whether there are changes not yet on disk.
    pub fn is_dirty(&self) -> bool {
        matches!(
            self.save,
            SaveStatus::Unsaved { .. } | SaveStatus::Failed { .. }
        )
    }

    /// The item index being walked, if any.
    pub fn item_index(&self) -> Option<usize> {
        match self.stage {
            Stage::Walk { item, .. } => Some(item),
            Stage::Summary => None,
        }
    }

    pub fn phase(&self) -> Option<Phase> {
        match self.stage {
            Stage::Walk { phase, .. } => Some(phase),
            Stage::Summary => None,
        }
    }
}
