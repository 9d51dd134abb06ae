//! Sharing through git as the screens see it: the home indicator, a sync
//! in progress, and the conflicts waiting to be chosen. The edge runs git
//! (off the screen's thread) and reads the files; these are the answers.

use crate::session::model::Session;
use jiff::Timestamp;
use ratatui_textarea::TextArea;

/// What home's indicator shows; cheap for the edge to find (no network).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncSummary {
    pub shared: bool,
    pub last_sync: Option<Timestamp>,
    /// Commits here not yet pushed, and fetched ones not yet merged.
    pub ahead: usize,
    pub behind: usize,
    /// Files changed here since the last commit.
    pub changed: usize,
    pub conflicts: usize,
}

/// Where a running sync has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncStep {
    Starting,
    Committing,
    Fetching,
    Merging,
    Sending,
}

/// A finished sync.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncDone {
    /// What it did, in plain sentences (file names and counts, never notes).
    pub lines: Vec<String>,
    pub summary: Option<SyncSummary>,
    /// The open session as read again after the merge.
    pub reloaded: Option<Session>,
}

/// One side of a conflict, made readable by the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideView {
    /// The value as a person reads it (text as itself).
    pub text: String,
    pub by: String,
    pub at: Timestamp,
}

/// What a conflict names as its session when it is in the measures
/// register rather than a session (no session id can be this word).
pub const REGISTER: &str = "measures";

/// A recorded conflict waiting in a session or the measures register
/// (`session_id` is then [`REGISTER`], `session_title` the measure's title
/// and `path` its period and field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictEntry {
    pub session_id: String,
    pub session_title: String,
    pub id: String,
    /// Where in the session, e.g. `items[5.3].rationale`.
    pub path: String,
    /// One side deleted the record the other changed (`other` is the deletion).
    pub deleted: bool,
    /// Both values are text, so a combined text may replace them.
    pub text: bool,
    /// The value now in the field, and the one it replaced.
    pub kept: SideView,
    pub other: SideView,
}

/// How a conflict is settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictChoice {
    Kept,
    Other,
    Text(String),
}

/// Sync as the app knows it.
#[derive(Debug, Default)]
pub struct SyncState {
    /// The last status the edge found (`None` until it answers).
    pub summary: Option<SyncSummary>,
    /// A sync is running: since when, and its step.
    pub running: Option<(Timestamp, SyncStep)>,
}

/// The conflicts screen.
#[derive(Debug, Default)]
pub struct ConflictsState {
    pub entries: Vec<ConflictEntry>,
    pub cursor: usize,
    /// Still waiting for the edge's list.
    pub loading: bool,
    /// A combined text being written for the chosen conflict.
    pub combined: Option<TextArea<'static>>,
    /// Why the list could not be read.
    pub problem: Option<String>,
}

impl ConflictsState {
    pub fn chosen(&self) -> Option<&ConflictEntry> {
        self.entries.get(self.cursor)
    }

    /// A text area holding both values, to be edited into one.
    pub fn start_combined(&mut self) -> bool {
        let Some(entry) = self.chosen() else {
            return false;
        };
        if !entry.text {
            return false;
        }
        let both = format!("{}\n\n{}", entry.kept.text, entry.other.text);
        let mut area = TextArea::new(both.split('\n').map(str::to_owned).collect());
        area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        area.set_cursor_line_style(ratatui::style::Style::default());
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        self.combined = Some(area);
        true
    }
}

/// A value of a conflict as a person reads it: text as itself, a removed
/// record or empty value said so, anything else as compact data.
pub fn readable(value: &str) -> String {
    use serde_json::Value;
    match serde_json::from_str::<Value>(value) {
        Ok(Value::String(text)) => text,
        Ok(Value::Null) => "(deleted / empty)".to_owned(),
        Ok(other) => other.to_string(),
        Err(_) => value.to_owned(),
    }
}
