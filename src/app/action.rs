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
    /// The edge opened or created a session.
    Opened(Result<Box<Opened>, String>),
    Saved(Result<Saved, String>),
    Exported(Result<PathBuf, String>),
    /// An effect with no answer of its own failed: what to tell the user.
    EffectFailed(String),
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
    /// The history of daily reviews.
    ShowHistory,
    /// Choose the daily review's focus areas.
    ChooseFocus,
    /// A new supervision.
    NewSupervision,
    /// Projector mode on or off.
    TogglePresent,
    /// In projector mode, hide or show the scribe's record.
    ToggleNotes,
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
    /// Write the user's settings.
    SaveSettings(crate::settings::Settings),
    Quit,
}
