//! `update`: state + action -> state, plus effects for the edge to perform.
//! Pure: no terminal, no disk, no clock but `app.now`.
//!
//! Long because it is the one entry point: every action the edge returns
//! and every command that works on any screen is dispatched here; each
//! screen's own commands live in the files beside it.

use super::action::{Action, Command, Effect, Opened};
use super::editor::{Editor, EditorOutcome};
use super::fields::TextField;
use super::home::{FormField, HomeRow, NewSessionForm};
use super::keys::{self, Context};
use super::palette::{Palette, Target};
use super::reference::{self, Take};
use super::rows::{self, Button, Row};
use super::view::SessionView;
use super::{App, Overlay, Pane, Phase, SaveStatus, Screen, Stage, Workspace};
use crate::content::text;
use crate::session::model::{
    Evidence, EvidenceSource, IndividualLevel, InformationKind, Priority, SessionKind,
};
use jiff::{SignedDuration, Timestamp};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};

/// Save this long after typing stops...
pub const AUTOSAVE_PAUSE: SignedDuration = SignedDuration::from_secs(1);
/// ...and at least this often while typing goes on.
pub const AUTOSAVE_MAX_WAIT: SignedDuration = SignedDuration::from_secs(10);
/// After a failed save, try again this often.
pub const RETRY_EVERY: SignedDuration = SignedDuration::from_secs(5);

mod cycle;
mod daily_actions;
mod home;
pub use daily_actions::{daily_due, soonest_daily_due};
mod input;
mod measures;
mod own;
mod rating;
mod record;
mod scroll;
mod session;
mod sync;

use daily_actions::*;
pub use home::focus_areas;
use home::*;
use input::*;
use measures::*;
use record::*;
use scroll::*;
use session::*;
use sync::*;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    match action {
        Action::Key(key) => {
            // Act on presses only: Windows also reports releases.
            if key.kind == KeyEventKind::Press {
                app.notice = None;
                on_key(app, key, &mut effects);
            }
        }
        Action::Paste(text) => on_paste(app, &text),
        Action::Mouse(mouse) => on_mouse(app, mouse, &mut effects),
        Action::Resize(width, height) => {
            app.size = (width, height);
            keep_cursor_visible(app);
            cycle::trends_resized(app, &mut effects);
        }
        Action::Tick => on_tick(app, &mut effects),
        Action::Command(command) => run(app, command, &mut effects),
        Action::HomeLoaded(data) => {
            let today = app.today();
            app.home.loaded(data, today);
        }
        Action::HomePage(page) => app.home.data.take_page(page),
        Action::Opened(Ok(opened)) => {
            let Opened {
                session,
                read_only,
                recovery,
            } = *opened;
            let offer = recovery.is_some() && read_only.is_none();
            let mut ws = Workspace::new(session, read_only, app.now);
            open_past_day(app, &mut ws);
            settle_record_cursor(app, &mut ws);
            if let Some(id) = app.open_at.take() {
                cycle::land_on(app, &mut ws, &id);
            }
            if let Some(earlier) = &ws.session.follows {
                effects.push(Effect::LoadEarlier(earlier.clone()));
            }
            app.overlay = conflicts_in_session(&ws.session);
            if offer && let Some((path, recovered)) = recovery {
                let when = app.local(recovered.updated).strftime("%Y-%m-%d %H:%M");
                app.overlay = Some(Overlay::Confirm {
                    message: format!(
                        "howgood stopped unexpectedly while this session was open. A recovery copy from {when} holds changes that are not in the file. Use it? (The file's version is kept in history.)"
                    ),
                    on_yes: Action::Command(Command::UseRecovery),
                });
                ws.pending_recovery = Some((path, recovered));
            }
            app.screen = Screen::Session(Box::new(ws));
        }
        Action::Opened(Err(message)) => {
            app.overlay = Some(Overlay::Message {
                title: "Could not open the session".into(),
                text: message,
            });
        }
        Action::Saved(result) => on_saved(app, result),
        Action::MeasuresLoaded(result) => measures::on_loaded(app, result, &mut effects),
        Action::OwnContentWritten(result) => own::on_written(app, result),
        Action::MeasuresSaved(result) => measures::on_saved(app, result, &mut effects),
        Action::EffectFailed(message) => app.notice = Some(message),
        Action::RegisterLoaded {
            page,
            filter,
            cursor,
            problems,
        } => cycle::register_loaded(app, *page, filter, cursor, problems),
        Action::TrendsLoaded(data) => cycle::trends_loaded(app, data, &mut effects),
        Action::EarlierLoaded(result) => cycle::earlier_loaded(app, result),
        Action::DailyFound { words, found } => {
            app.overlay = Some(match found {
                Ok(hits) => Overlay::Reader {
                    title: super::text::daily_search_title(&words, hits.len()),
                    text: if hits.is_empty() {
                        super::text::DAILY_SEARCH_NONE.to_owned()
                    } else {
                        hits.iter()
                            .map(|(day, snippet)| format!("{day}\n    {snippet}\n"))
                            .collect::<Vec<_>>()
                            .join("\n")
                    },
                    scroll: 0,
                },
                Err(why) => Overlay::Message {
                    title: super::text::DAILY_SEARCH_FAILED.to_owned(),
                    text: why,
                },
            });
        }
        Action::ActionUpdated(result) => cycle::action_updated(app, result, &mut effects),
        Action::SyncProgress(step) => on_progress(app, step),
        Action::Synced(result) => on_synced(app, result, &mut effects),
        Action::SyncStatus(result) => {
            // Without a status the indicator stays as it was; a sync says why.
            if let Ok(summary) = result {
                app.sync.summary = Some(summary);
            }
        }
        Action::ConflictsLoaded(result) => conflicts_loaded(app, result),
        Action::ConflictResolved(result) => conflict_resolved(app, result, &mut effects),
        Action::Exported(result) => {
            app.overlay = Some(match result {
                Ok(path) => Overlay::Message {
                    title: "Exported".into(),
                    text: format!("The session is written as Markdown to\n{}", path.display()),
                },
                Err(message) => Overlay::Message {
                    title: "Export failed".into(),
                    text: message,
                },
            });
        }
    }
    effects
}

/// A daily review of an earlier day opens as that day, read-only, with no
/// countdown: looking back is not writing today.
fn open_past_day(app: &App, ws: &mut Workspace) {
    if ws.session.kind != SessionKind::DailyReview
        || app.local(ws.session.created).date() == app.today()
    {
        return;
    }
    ws.past_day = true;
    ws.timer.pause(app.now);
    if ws.read_only.is_none() {
        let reason = crate::app::text::PAST_DAY_READ_ONLY.to_owned();
        ws.save = SaveStatus::ReadOnly(reason.clone());
        ws.read_only = Some(reason);
    }
}

/// Record that the session changed now.
fn touch(ws: &mut Workspace, now: Timestamp) {
    ws.session.updated = now;
    ws.last_change = Some(now);
    // After a conflict, typing goes on being saved (to the conflict copy).
    if let SaveStatus::Saved(_) | SaveStatus::Conflict { .. } = ws.save {
        ws.save = SaveStatus::Unsaved { since: now };
    }
}

/// Save now if there is anything to save.
fn save_now(app: &mut App, effects: &mut Vec<Effect>) {
    app.give_ids();
    // Where the walk is and its clocks travel with every save; a change to
    // them alone is worth a save (without counting as an edit).
    let now = app.now;
    if let Some(ws) = app.workspace_mut()
        && ws.read_only.is_none()
        && ws.keep_walk_state(now)
        && matches!(ws.save, SaveStatus::Saved(_))
    {
        ws.save = SaveStatus::Unsaved { since: now };
    }
    if let Some(ws) = app.workspace()
        && ws.read_only.is_none()
        && (ws.is_dirty()
            || matches!(ws.save, SaveStatus::Conflict { .. }) && ws.last_change.is_some())
    {
        effects.push(Effect::Save(ws.session.clone()));
    }
}

fn on_tick(app: &mut App, effects: &mut Vec<Effect>) {
    let now = app.now;
    let Some(ws) = app.workspace() else {
        return;
    };
    if ws.read_only.is_some() {
        return;
    }
    let due = match &ws.save {
        SaveStatus::Unsaved { since } => {
            let paused = ws
                .last_change
                .is_some_and(|t| now.duration_since(t) >= AUTOSAVE_PAUSE);
            paused || now.duration_since(*since) >= AUTOSAVE_MAX_WAIT
        }
        SaveStatus::Failed { since, .. } => now.duration_since(*since) >= RETRY_EVERY,
        _ => false,
    };
    if due {
        app.give_ids();
        let Some(ws) = app.workspace_mut() else {
            return;
        };
        ws.keep_walk_state(now);
        effects.push(Effect::Save(ws.session.clone()));
    }
}

fn on_saved(app: &mut App, result: Result<crate::session::store::Saved, String>) {
    use crate::session::store::Saved;
    let now = app.now;
    if let Ok(Saved::Recreated) = result {
        app.notice =
            Some("The session file had been deleted from outside; howgood wrote it again.".into());
    }
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    ws.save = match result {
        Ok(Saved::Written | Saved::Unchanged | Saved::Recreated) => SaveStatus::Saved(now),
        Ok(Saved::ToConflictCopy(copy)) => SaveStatus::Conflict {
            copy: copy.display().to_string(),
            at: now,
        },
        Err(message) => SaveStatus::Failed {
            message,
            since: now,
        },
    };
    if matches!(ws.save, SaveStatus::Conflict { .. }) {
        ws.last_change = None;
    }
}

/// While saves fail, `q` asks first, saying what is unsaved and where its
/// copy is. Returns whether it asked.
fn ask_before_quitting(app: &mut App) -> bool {
    let Some(ws) = app.workspace() else {
        return false;
    };
    let SaveStatus::Failed { message, since } = &ws.save else {
        return false;
    };
    let since = app.local(*since).strftime("%H:%M:%S");
    let message = format!(
        "Your changes since {since} are not in the session file ({message}). Quit anyway? y: quit, and the copy is offered when you open this session again; any other key: stay."
    );
    app.overlay = Some(Overlay::Confirm {
        message,
        on_yes: Action::Command(Command::QuitAnyway),
    });
    true
}

fn run(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    if anywhere_command(app, &command, effects) {
        return;
    }
    if app.overlay.is_some() {
        return overlay_command(app, command, effects);
    }
    match &mut app.screen {
        Screen::Home => home_command(app, command, effects),
        Screen::History { .. } => history_command(app, command, effects),
        Screen::NewSession(_) => form_command(app, command, effects),
        Screen::Session(ws) if ws.review.is_some() => cycle::review_command(app, command, effects),
        Screen::Session(_) => session_command(app, command, effects),
        Screen::Measures => measures_command(app, command, effects),
        Screen::Register(_) => cycle::register_command(app, command, effects),
        Screen::Trends(_) => cycle::trends_command(app, command, effects),
        Screen::Conflicts(_) => conflicts_command(app, command, effects),
        Screen::OwnContent(_) => own::command(app, command, effects),
    }
}

/// Commands that work the same on every screen (most only while no popup
/// is open); false when the command is left to the popup or the screen.
fn anywhere_command(app: &mut App, command: &Command, effects: &mut Vec<Effect>) -> bool {
    let free = app.overlay.is_none();
    match command {
        // The question is asked by a popup, which then has the key.
        Command::Quit if free && ask_before_quitting(app) => return false,
        Command::Quit | Command::QuitAnyway => quit(app, effects),
        Command::SaveNow => save_now(app, effects),
        Command::StartDaily if free => start_daily(app, effects),
        Command::ShowHistory if free => show_history(app, effects),
        Command::ChooseFocus if free => {
            app.overlay = Some(Overlay::Focus {
                cursor: 0,
                chosen: app.settings.daily.focus_areas.clone(),
            });
        }
        Command::NewSupervision if free => {
            app.screen = Screen::NewSession(Box::new(NewSessionForm::of_kind(
                &app.library,
                SessionKind::Supervision,
            )));
        }
        Command::TogglePresent if free => {
            app.present = !app.present;
            app.hide_notes = false;
            keep_cursor_visible(app);
        }
        Command::ToggleNotes if free && app.present => app.hide_notes = !app.hide_notes,
        Command::UseRecovery => use_recovery(app, effects),
        Command::ShowRegister if free => cycle::show_register(app, effects),
        Command::ShowTrends if free => cycle::show_trends(app, effects),
        Command::ShowOwnContent if free => show_own_content(app, effects),
        Command::Sync if free => start_sync(app, effects),
        Command::ShowMeasures if free => show_measures(app, effects),
        Command::TrackMeasure if free => track_from_reference(app, effects),
        Command::Help if free => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Palette if free => open_palette(app),
        _ => return false,
    }
    true
}

fn show_own_content(app: &mut App, effects: &mut Vec<Effect>) {
    if app.workspace().is_some() {
        close_editor_if_open(app, effects);
        save_now(app, effects);
        effects.push(Effect::Close);
    }
    app.screen = Screen::OwnContent(Box::default());
}

fn quit(app: &mut App, effects: &mut Vec<Effect>) {
    close_editor_if_open(app, effects);
    save_now(app, effects);
    if app.workspace().is_some() {
        effects.push(Effect::Close);
    }
    effects.push(Effect::Quit);
    app.quit = true;
}

fn show_history(app: &mut App, effects: &mut Vec<Effect>) {
    if app.workspace().is_some() {
        close_editor_if_open(app, effects);
        save_now(app, effects);
        effects.push(Effect::Close);
    }
    effects.push(Effect::LoadHome);
    app.screen = Screen::History { cursor: 0 };
}

/// The recovered copy replaces the session (its id kept) and is saved.
fn use_recovery(app: &mut App, effects: &mut Vec<Effect>) {
    let now = app.now;
    if let Some(ws) = app.workspace_mut()
        && let Some((path, recovered)) = ws.pending_recovery.take()
    {
        let id = ws.session.id.clone();
        ws.session = recovered;
        ws.session.id = id;
        touch(ws, now);
        save_now(app, effects);
        effects.push(Effect::SetRecoveryAside(path));
        settle(app);
    }
}

/// The find palette; on the projector, private words stay out of it.
fn open_palette(app: &mut App) {
    let room = if app.present {
        super::palette::Room::Projector {
            record_hidden: app.hide_notes,
        }
    } else {
        super::palette::Room::Private
    };
    let palette = Palette::new(&app.library, app.workspace().map(|ws| &ws.session), room);
    app.overlay = Some(Overlay::Palette(Box::new(palette)));
}

fn close_editor_if_open(app: &mut App, effects: &mut Vec<Effect>) {
    if app.workspace().is_some_and(|ws| ws.editor.is_some()) {
        close_editor(app, effects);
    }
}

fn overlay_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let Some(overlay) = app.overlay.take() else {
        return;
    };
    match overlay {
        Overlay::Confirm { on_yes, message } => {
            if command == Command::Activate {
                let followups = update(app, on_yes);
                effects.extend(followups);
            } else if command != Command::Back {
                app.overlay = Some(Overlay::Confirm { on_yes, message });
            }
        }
        Overlay::Reader {
            title,
            text,
            scroll,
        } => {
            let scroll = match command {
                Command::Down => scroll + 1,
                Command::Up => scroll.saturating_sub(1),
                Command::PageDown => scroll + usize::from(app.size.1 / 2),
                Command::PageUp => scroll.saturating_sub(usize::from(app.size.1 / 2)),
                Command::Top => 0,
                Command::Back => return,
                _ => scroll,
            };
            let lines = text.lines().count();
            app.overlay = Some(Overlay::Reader {
                title,
                text,
                scroll: scroll.min(lines.saturating_sub(1)),
            });
        }
        Overlay::Palette(palette) => {
            if command != Command::Back {
                app.overlay = Some(Overlay::Palette(palette));
            }
        }
        Overlay::Focus { cursor, mut chosen } => {
            let areas: Vec<String> = focus_areas(app);
            let cursor = match command {
                Command::Up => cursor.saturating_sub(1),
                Command::Down => (cursor + 1).min(areas.len().saturating_sub(1)),
                _ => cursor,
            };
            match command {
                Command::Back => return,
                Command::Toggle => {
                    if let Some(area) = areas.get(cursor) {
                        if let Some(at) = chosen.iter().position(|a| a == area) {
                            chosen.remove(at);
                        } else {
                            chosen.push(area.clone());
                        }
                    }
                }
                Command::Activate => {
                    app.settings.daily.focus_areas = chosen;
                    // A new focus starts a new round of questions.
                    app.settings.daily.offered.clear();
                    save_settings(app, effects);
                    return;
                }
                _ => {}
            }
            app.overlay = Some(Overlay::Focus { cursor, chosen });
        }
        Overlay::Help { scroll } => {
            if command == Command::Back {
                return;
            }
            let inner = super::view::help(app.size).1;
            let total = super::lines::help_lines(app, inner.width).len();
            let page = super::view::help_lines_in_view(app.size);
            let last = total.saturating_sub(page);
            let scroll = match command {
                Command::Down => scroll + 1,
                Command::Up => scroll.saturating_sub(1),
                Command::PageDown => scroll + page.saturating_sub(1).max(1),
                Command::PageUp => scroll.saturating_sub(page.saturating_sub(1).max(1)),
                Command::Top => 0,
                Command::Bottom => last,
                _ => scroll,
            };
            app.overlay = Some(Overlay::Help {
                scroll: scroll.min(last),
            });
        }
        Overlay::Message { .. } => {}
        Overlay::PickDaily { cursor } => pick_daily_command(app, cursor, command, effects),
        // Its keys go to it directly; only a command from elsewhere
        // (a signal's quit) reaches here, and leaves it as it is.
        Overlay::Ask(ask) => app.overlay = Some(Overlay::Ask(ask)),
    }
}

/// Whether the open session may be changed; if not, say why.
fn writable(app: &mut App) -> bool {
    match app.workspace().and_then(|ws| ws.read_only.clone()) {
        Some(reason) => {
            app.notice = Some(format!("Read-only: {reason}"));
            false
        }
        None => true,
    }
}
