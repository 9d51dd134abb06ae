//! Sharing through git: the sync key, its answers, and the conflicts screen.

use super::*;
use crate::app::sync::{ConflictChoice, ConflictEntry, ConflictsState, SyncDone, SyncStep};
use crate::app::text::sync as words;

/// Save what is open, then ask the edge to sync. Keys wait until it is done
/// (a save while git merges the same file would go to a conflict copy).
pub(super) fn start_sync(app: &mut App, effects: &mut Vec<Effect>) {
    if app.sync.running.is_some() {
        app.notice = Some(words::ALREADY.into());
        return;
    }
    if app.sync.summary.as_ref().is_some_and(|s| !s.shared) {
        app.overlay = Some(Overlay::Message {
            title: words::FAILED_TITLE.into(),
            text: words::NOT_SHARED.into(),
        });
        return;
    }
    close_editor_if_open(app, effects);
    save_now(app, effects);
    app.sync.running = Some((app.now, SyncStep::Starting));
    effects.push(Effect::Sync);
}

pub(super) fn on_progress(app: &mut App, step: SyncStep) {
    if let Some((since, _)) = app.sync.running {
        app.sync.running = Some((since, step));
    }
}

pub(super) fn on_synced(
    app: &mut App,
    result: Result<Box<SyncDone>, String>,
    effects: &mut Vec<Effect>,
) {
    app.sync.running = None;
    let done = match result {
        Ok(done) => *done,
        Err(message) => {
            app.overlay = Some(Overlay::Message {
                title: words::FAILED_TITLE.into(),
                text: message,
            });
            return;
        }
    };
    if let Some(summary) = done.summary {
        app.sync.summary = Some(summary);
    }
    let mut text = if done.lines.is_empty() {
        words::UP_TO_DATE.to_owned()
    } else {
        done.lines.join("\n")
    };
    if let Some(session) = done.reloaded {
        take_reloaded(app, session);
        text.push_str("\n\n");
        text.push_str(words::RELOADED);
    }
    let waiting = app.sync.summary.as_ref().map_or(0, |s| s.conflicts);
    if waiting > 0 {
        text.push_str("\n\n");
        text.push_str(&words::waiting(waiting));
    }
    app.overlay = Some(Overlay::Message {
        title: words::DONE_TITLE.into(),
        text,
    });
    if matches!(app.screen, Screen::Home | Screen::History { .. }) {
        effects.push(Effect::LoadHome);
    }
}

/// The open session as the merge left it: the place in the walk is kept
/// where it still exists.
fn take_reloaded(app: &mut App, session: crate::session::model::Session) {
    let now = app.now;
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    if ws.session.id != session.id {
        return;
    }
    ws.session = session;
    ws.save = SaveStatus::Saved(now);
    ws.last_change = None;
    if let Stage::Walk { item, .. } = ws.stage
        && item >= ws.session.items.len()
    {
        ws.stage = Stage::Summary;
    }
    settle(app);
}

pub(super) fn show_conflicts(app: &mut App, effects: &mut Vec<Effect>) {
    app.screen = Screen::Conflicts(Box::new(ConflictsState {
        loading: true,
        ..ConflictsState::default()
    }));
    effects.push(Effect::LoadConflicts);
}

pub(super) fn conflicts_loaded(app: &mut App, result: Result<Vec<ConflictEntry>, String>) {
    let Screen::Conflicts(state) = &mut app.screen else {
        return;
    };
    state.loading = false;
    match result {
        Ok(entries) => {
            state.entries = entries;
            state.problem = None;
        }
        Err(problem) => state.problem = Some(problem),
    }
    state.cursor = state.cursor.min(state.entries.len().saturating_sub(1));
}

pub(super) fn conflict_resolved(
    app: &mut App,
    result: Result<(), String>,
    effects: &mut Vec<Effect>,
) {
    match result {
        Ok(()) => app.notice = Some(words::RESOLVED.into()),
        Err(message) => {
            app.overlay = Some(Overlay::Message {
                title: words::FAILED_TITLE.into(),
                text: message,
            })
        }
    }
    effects.push(Effect::LoadConflicts);
    effects.push(Effect::LoadSyncStatus);
}

pub(super) fn conflicts_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let Screen::Conflicts(state) = &mut app.screen else {
        return;
    };
    let last = state.entries.len().saturating_sub(1);
    let choice = match command {
        Command::Up => {
            state.cursor = state.cursor.saturating_sub(1);
            None
        }
        Command::Down => {
            state.cursor = (state.cursor + 1).min(last);
            None
        }
        Command::Top => {
            state.cursor = 0;
            None
        }
        Command::Bottom => {
            state.cursor = last;
            None
        }
        Command::TakeKept => Some(ConflictChoice::Kept),
        Command::TakeOther => Some(ConflictChoice::Other),
        Command::CombineText => {
            if state.chosen().is_some() && !state.start_combined() {
                app.notice = Some(words::NOT_TEXT.into());
            }
            None
        }
        Command::Back => {
            app.screen = Screen::Home;
            effects.push(Effect::LoadHome);
            effects.push(Effect::LoadSyncStatus);
            None
        }
        _ => None,
    };
    if let Some(choice) = choice {
        resolve(app, choice, effects);
    }
}

fn resolve(app: &mut App, choice: ConflictChoice, effects: &mut Vec<Effect>) {
    let Screen::Conflicts(state) = &mut app.screen else {
        return;
    };
    let Some(entry) = state.chosen() else {
        return;
    };
    effects.push(Effect::ResolveConflict {
        session: entry.session_id.clone(),
        conflict: entry.id.clone(),
        choice,
    });
}

/// Keys while a combined text is written: Ctrl-S resolves with it, Esc
/// leaves it, the rest type.
pub(super) fn combined_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let Screen::Conflicts(state) = &mut app.screen else {
        return;
    };
    let Some(area) = state.combined.as_mut() else {
        return;
    };
    let ctrl = key
        .modifiers
        .contains(ratatui::crossterm::event::KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => state.combined = None,
        KeyCode::Char('s') if ctrl => {
            let text = area.lines().join("\n");
            state.combined = None;
            resolve(app, ConflictChoice::Text(text), effects);
        }
        _ => {
            area.input(key);
        }
    }
}

pub(super) fn combined_paste(state: &mut ConflictsState, text: &str) {
    if let Some(area) = state.combined.as_mut() {
        area.insert_str(crate::app::editor::normalise_paste(text, false));
    }
}

/// On opening a session with conflicts waiting: both values, read-only.
pub(super) fn conflicts_in_session(session: &crate::session::model::Session) -> Option<Overlay> {
    if session.conflicts.is_empty() {
        return None;
    }
    let mut text = words::in_session(session.conflicts.len());
    for c in &session.conflicts {
        let other = match c.kind {
            crate::session::model::ConflictKind::DeletedAndChanged => words::DELETED.to_owned(),
            crate::session::model::ConflictKind::BothChanged => {
                crate::app::sync::readable(&c.other.value)
            }
        };
        text.push_str(&format!(
            "\n\n{}\n  in the field: {}\n  also kept: {}",
            c.path,
            crate::app::sync::readable(&c.kept.value),
            other
        ));
    }
    Some(Overlay::Reader {
        title: words::IN_SESSION_TITLE.into(),
        text,
        scroll: 0,
    })
}
