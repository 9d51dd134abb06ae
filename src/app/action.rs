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
    /// The edge read the register: every action, and files it could not read.
    RegisterLoaded {
        rows: Vec<crate::session::register::ActionRow>,
        problems: Vec<String>,
    },
    /// The edge read the session the open one follows.
    EarlierLoaded(Result<Box<super::cycle::Earlier>, String>),
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
    AddEvidence,
    AddPriority,
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
    /// Read every action across sessions; report `Action::RegisterLoaded`.
    LoadRegister,
    /// Read the session a session follows; report `Action::EarlierLoaded`.
    LoadEarlier(String),
    /// Read a framework's levels over time; report `Action::TrendsLoaded`.
    LoadTrends(String),
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
