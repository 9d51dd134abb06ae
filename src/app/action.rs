//! What can happen to the app (actions) and what the app asks the outside
//! world to do (effects).

use super::home::{HomeData, HomePage};
use crate::session::model::Session;
use crate::session::store::Saved;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use std::path::PathBuf;

/// Everything that changes state: input, the clock, and results of effects.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// The clock moved on (autosave pauses, timers).
    Tick,
    Command(Command),
    /// The edge listed the sessions folder.
    HomeLoaded(HomeData),
    /// The edge fetched the page of the lists around the cursor.
    HomePage(HomePage),
    /// The edge wrote the organisation's own content file: the framework
    /// as written, the file, and the id of what was made; or why not.
    OwnContentWritten(Result<Box<OwnWritten>, String>),
    /// The edge opened or created a session.
    Opened(Result<Box<Opened>, String>),
    Saved(Result<Saved, String>),
    Exported(Result<PathBuf, String>),
    /// The edge read a page of the register (with the filter it used, a
    /// stepped value in place, and the cursor kept within the rows), and
    /// files it could not read.
    RegisterLoaded {
        page: Box<crate::index::register::Page>,
        filter: super::cycle::RegisterFilter,
        cursor: usize,
        problems: Vec<String>,
    },
    /// The edge read the session the open one follows.
    EarlierLoaded(Result<Box<super::cycle::Earlier>, String>),
    /// Past daily reviews holding the words searched for: each day's
    /// title and the matching text (or why the search could not be made).
    DailyFound {
        words: String,
        found: Result<Vec<(String, String)>, String>,
    },
    /// The edge read a framework's levels over time.
    TrendsLoaded(super::cycle::TrendsData),
    /// A progress update was saved into its session's file (what to say),
    /// or why not.
    ActionUpdated(Result<String, String>),
    /// An effect with no answer of its own failed: what to tell the user.
    EffectFailed(String),
    /// The edge opened the measures register.
    MeasuresLoaded(Result<Box<LoadedMeasures>, String>),
    /// The edge saved the measures register (or says why not).
    MeasuresSaved(Result<(), String>),
    /// A running sync reached this step.
    SyncProgress(super::sync::SyncStep),
    /// The sync finished (or why not: never note text).
    Synced(Result<Box<super::sync::SyncDone>, String>),
    /// The edge found the sharing status for home's indicator.
    SyncStatus(Result<super::sync::SyncSummary, String>),
    /// The edge listed the conflicts waiting in sessions.
    ConflictsLoaded(Result<Vec<super::sync::ConflictEntry>, String>),
    /// A conflict was resolved and its session saved (or why not).
    ConflictResolved(Result<(), String>),
}

/// The measures register as the edge opened it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedMeasures {
    pub register: crate::measures::model::MeasureRegister,
    /// Why it may only be read (another howgood holds it, or a newer format).
    pub read_only: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub session: Session,
    /// Why it is read-only, if it is.
    pub read_only: Option<String>,
    /// A recovery copy written when howgood last stopped unexpectedly,
    /// holding changes that are not in the file.
    pub recovery: Option<(PathBuf, Session)>,
}

/// Named commands: what keys, mouse clicks and the palette map to.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Quit,
    /// Quit without asking, even with unsaved changes (confirmed, or a
    /// signal, or the terminal gone): the edge writes a last copy.
    QuitAnyway,
    Help,
    Back,
    Palette,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Left,
    Right,
    /// Enter: open, edit, choose.
    Activate,
    /// Space: toggle or cycle.
    Toggle,
    SwitchPane,
    /// Tab and Shift-Tab in a form.
    NextField,
    PreviousField,
    NextPhase,
    PreviousPhase,
    NextItem,
    PreviousItem,
    NextTab,
    /// Set the selected level (group or participant): 1 to 6.
    SetLevel(u8),
    ClearLevel,
    /// A digit where the item takes no level: say why, and what instead.
    NoLevelHere,
    /// A digit in a supervision area nobody asked to rate: say how.
    RateFirst,
    /// Set the chosen criterion's state (see `CriterionState`).
    CriterionMet,
    CriterionPartlyMet,
    CriterionNotMet,
    CriterionNotYetKnown,
    /// Write the chosen criterion's evidence, or its audit proportion.
    CriterionEvidence,
    CriterionAudit,
    AddEvidence,
    AddPriority,
    /// A supervision's case discussion.
    AddCase,
    /// A supervision: rate the current area (or stop rating it).
    ToggleRating,
    /// After a confirmation: stop rating an area, clearing its level.
    StopRating {
        item: usize,
    },
    /// Search past daily reviews (from the history).
    SearchHistory,
    /// Last time's reflections, in a supervision that follows another.
    LastReflections,
    DeleteSelected,
    Summary,
    Export,
    /// Go to an item and phase (from the palette).
    GoTo {
        item: usize,
        phase: super::Phase,
        row: usize,
    },
    /// Start a new session / open one from home.
    NewSession,
    /// Carried out after a confirmation.
    DeleteEvidence {
        item: usize,
        index: usize,
    },
    DeletePriority {
        index: usize,
    },
    /// Save now if anything is unsaved (before a suspend).
    SaveNow,
    /// Take the offered recovery copy's changes into the session.
    UseRecovery,
    /// Give the current phase another minute.
    AddMinute,
    /// Take back a minute given to the current phase.
    RemoveMinute,
    /// The current phase's minutes, for every indicator: five more.
    MorePhaseMinutes,
    /// The current phase's minutes, for every indicator: five fewer.
    FewerPhaseMinutes,
    /// Pause or resume the phase timer.
    ToggleTimer,
    /// Show (or hide again) the participants' silent levels, all together.
    Reveal,
    /// Word the questions 'you/your', 'we/us/our', or as printed.
    CycleFraming,
    /// Start (or continue) today's daily review.
    StartDaily,
    /// The daily review: offer the next question in the rotation.
    AnotherQuestion,
    /// The daily review: done for today.
    FinishDaily,
    /// The daily review: edit a past day (which opens read-only).
    EditPastDay,
    /// Leave the new-session form, letting go of what was typed.
    DiscardForm,
    /// The history of daily reviews.
    ShowHistory,
    /// Choose the daily review's focus areas.
    ChooseFocus,
    /// A new supervision.
    NewSupervision,
    /// Projector mode on or off.
    TogglePresent,
    /// The register of every action across sessions.
    ShowRegister,
    /// Levels over time for a framework.
    ShowTrends,
    /// Step one of the register's filters on to its next value.
    FilterOwner,
    FilterStatus,
    FilterDue,
    FilterFramework,
    FilterItem,
    FilterSession,
    /// Clear the register's filters.
    ClearFilters,
    /// Add a progress update to the chosen action.
    AddUpdate,
    /// Review: last time's chosen priority is done, carried forward into
    /// this session (linked, not copied), or dropped, with the note.
    MarkDone,
    /// Home and history: a daily review's small action is done (saved
    /// into that day's file).
    DailyActionDone,
    /// Daily review: write freely, without a set question.
    FreeWriting,
    /// History: open the daily review of the same date a year ago.
    OpenYearAgo,
    MarkCarried,
    MarkDropped,
    /// Review: on to phase 1.
    FinishReview,
    /// Trends: the participants' spread (or back to the grid).
    ShowSpread,
    /// Trends: a bar chart of the chosen item (or back to the grid).
    ShowBars,
    /// Trends: only sessions of the next recorded locality.
    StepLocality,
    /// In projector mode, hide or show the scribe's record.
    ToggleNotes,
    /// The list of tracked measures.
    ShowMeasures,
    /// The organisation's own content screen.
    ShowOwnContent,
    /// Own content: a new area, a question or a 'good' statement.
    NewOwnArea,
    AddOwnQuestion,
    AddOwnStatement,
    /// Track the Module 5 measure chosen in the reader or the palette.
    TrackMeasure,
    /// Record a value for a period on the measure screen.
    AddValue,
    /// The chart by breakdown (team, locality, agency) or as a whole.
    ToggleBreakdowns,
    /// Which way is better for the measure: higher or lower.
    FlipBetter,
    /// Open the measure's latest Turning the Curve worksheet (or start one).
    TurnTheCurve,
    /// Start a new worksheet dated today, from the last one.
    NewWorksheet,
    /// Agree the chosen proposal as a priority (owner and date asked).
    AdoptProposal,
    /// An older or a newer worksheet in the measure's dated history.
    OlderWorksheet,
    NewerWorksheet,
    /// Share through git now: save, sync, read the open session again.
    Sync,
    /// The conflicts a sync recorded.
    ShowConflicts,
    /// On the conflicts screen: keep the value in the field, take the
    /// other one, or write a combined text.
    TakeKept,
    TakeOther,
    CombineText,
}

/// Work for the edge: disk and process, never done in `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// List the sessions folder and report `Action::HomeLoaded`.
    LoadHome,
    /// Fetch the page of the home list around `sessions` and of the daily
    /// history around `daily` (row numbers in each list); report
    /// `Action::HomePage`.
    LoadHomePage {
        sessions: usize,
        daily: usize,
    },
    /// Open a session by id, path or title prefix; report `Action::Opened`.
    Open(String),
    /// Create a new session file; report `Action::Opened`.
    Create(Session),
    /// Save the session; report `Action::Saved`.
    Save(Session),
    /// Write the Markdown export; report `Action::Exported`.
    Export(Session),
    /// Release the open session (its lock).
    Close,
    /// A recovery copy's changes are in the session: set the copy aside.
    SetRecoveryAside(PathBuf),
    /// Read one page of the register, filtered; report `Action::RegisterLoaded`.
    LoadRegister(Box<super::cycle::RegisterQuery>),
    /// Read the session a session follows; report `Action::EarlierLoaded`.
    LoadEarlier(String),
    /// Search the past daily reviews; report `Action::DailyFound`.
    SearchDaily(String),
    /// Read a framework's levels over time; report `Action::TrendsLoaded`.
    LoadTrends(Box<crate::session::register::LevelsQuery>),
    /// Add an update to one action's log in the file that owns it (lock,
    /// conflict copy: the rules of any save); report `Action::ActionUpdated`.
    UpdateAction {
        target: crate::session::model::ActionRef,
        update: crate::session::model::ProgressUpdate,
    },
    /// Write the user's settings.
    SaveSettings(crate::settings::Settings),
    /// Open (and lock) the measures register; report `Action::MeasuresLoaded`.
    LoadMeasures,
    /// Apply one change to the organisation's own content file (read
    /// fresh, written atomically); report `Action::OwnContentWritten`.
    /// `organisation` names it when the file does not exist yet.
    WriteOwnContent {
        organisation: Option<String>,
        change: super::own::OwnChange,
    },
    /// Save the measures register by its file's rules; report `Action::MeasuresSaved`.
    SaveMeasures(Box<crate::measures::model::MeasureRegister>),
    /// Release the measures register (its lock).
    CloseMeasures,
    /// Sync through git off the screen's thread (the open session is
    /// already saved; it is read again after); report `Action::SyncProgress`
    /// then `Action::Synced`.
    Sync,
    /// Find the sharing status (no network); report `Action::SyncStatus`.
    LoadSyncStatus,
    /// List the conflicts waiting; report `Action::ConflictsLoaded`.
    LoadConflicts,
    /// Settle one conflict in its session file by the rules of any save;
    /// report `Action::ConflictResolved`.
    ResolveConflict {
        session: String,
        conflict: String,
        choice: super::sync::ConflictChoice,
    },
    Quit,
}

/// What the edge reports after writing the organisation's own content.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnWritten {
    pub framework: crate::content::model::Framework,
    pub path: std::path::PathBuf,
    /// The area made or written for.
    pub id: String,
}
