//! `update`: state + action -> state, plus effects for the edge to perform.
//! Pure: no terminal, no disk, no clock but `app.now`.

use super::action::{Action, Command, Effect, Opened};
use super::editor::{Editor, EditorOutcome};
use super::fields::TextField;
use super::home::{FormField, HomeRow, NewSessionForm};
use super::keys::{self, Context};
use super::palette::{Palette, Target};
use super::reference::{self, Take};
use super::rows::{self, Button, Row};
use super::{App, Overlay, Pane, Phase, SaveStatus, Screen, Stage, Workspace};
use crate::content::text;
use crate::session::model::{
    Evidence, EvidenceSource, IndividualLevel, InformationKind, Priority, SessionKind,
};
use crate::ui::layout;
use jiff::{SignedDuration, Timestamp};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};

/// Save this long after typing stops...
pub const AUTOSAVE_PAUSE: SignedDuration = SignedDuration::from_secs(1);
/// ...and at least this often while typing goes on.
pub const AUTOSAVE_MAX_WAIT: SignedDuration = SignedDuration::from_secs(10);
/// After a failed save, try again this often.
pub const RETRY_EVERY: SignedDuration = SignedDuration::from_secs(5);

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
        }
        Action::Tick => on_tick(app, &mut effects),
        Action::Command(command) => run(app, command, &mut effects),
        Action::HomeLoaded(data) => {
            app.home.data = data;
            let rows = app.home.rows().len();
            app.home.cursor = app.home.cursor.min(rows.saturating_sub(1));
        }
        Action::Opened(Ok(opened)) => {
            let Opened {
                session,
                read_only,
                recovery,
            } = *opened;
            let offer = recovery.is_some() && read_only.is_none();
            let mut ws = Workspace::new(session, read_only, app.now);
            settle_record_cursor(app, &mut ws);
            app.overlay = None;
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

// ---------------------------------------------------------------- saving

/// Record that the session changed now.
fn touch(ws: &mut Workspace, now: Timestamp) {
    ws.session.updated = now;
    ws.last_change = Some(now);
    if let SaveStatus::Saved(_) = ws.save {
        ws.save = SaveStatus::Unsaved { since: now };
    }
}

/// Save now if there is anything to save.
fn save_now(app: &mut App, effects: &mut Vec<Effect>) {
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
        effects.push(Effect::Save(ws.session.clone()));
    }
}

fn on_saved(app: &mut App, result: Result<crate::session::store::Saved, String>) {
    use crate::session::store::Saved;
    let now = app.now;
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    ws.save = match result {
        Ok(Saved::Written | Saved::Unchanged) => SaveStatus::Saved(now),
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

// ---------------------------------------------------------------- input

fn on_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    match keys::context(app) {
        Context::Editor => return editor_key(app, key, effects),
        Context::Palette => return palette_key(app, key, effects),
        Context::Form(field) if form_takes_key(field, key) => return form_key(app, key),
        _ => {}
    }
    if let Some(command) = keys::command_for(app, key) {
        run(app, command, effects);
    }
}

fn editor_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let now = app.now;
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let Some(editor) = ws.editor.as_mut() else {
        return;
    };
    match editor.input(key) {
        // Dates are stored when the field is finished: half-typed dates
        // are not dates, and must not clear the one already there.
        EditorOutcome::Changed if editor.field.is_date() => {}
        EditorOutcome::Changed => {
            if editor.store(&mut ws.session) {
                touch(ws, now);
            }
        }
        EditorOutcome::Unchanged => {}
        EditorOutcome::Close => {
            close_editor(app, effects);
        }
    }
}

fn close_editor(app: &mut App, effects: &mut Vec<Effect>) {
    let now = app.now;
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    if let Some(mut editor) = ws.editor.take() {
        if editor.field.is_date() {
            let before = super::fields::get_text(&ws.session, &editor.field);
            if editor.store(&mut ws.session)
                && before != super::fields::get_text(&ws.session, &editor.field)
            {
                touch(ws, now);
            }
        }
        if let Some(error) = &editor.error {
            app.notice = Some(format!("{error}; the previous value is kept"));
        }
    }
    if let Some(ws) = app.workspace_mut() {
        ws.editor = None;
    }
    // A committed field is saved at once.
    save_now(app, effects);
    keep_cursor_visible(app);
}

fn on_paste(app: &mut App, text: &str) {
    let now = app.now;
    match &mut app.screen {
        Screen::Session(ws) => {
            if let Some(editor) = ws.editor.as_mut() {
                let (outcome, truncated) = editor.paste(text);
                if outcome == EditorOutcome::Changed
                    && !editor.field.is_date()
                    && editor.store(&mut ws.session)
                {
                    touch(ws, now);
                }
                if truncated {
                    app.notice = Some(format!(
                        "The paste was longer than {} characters; only the first part was inserted",
                        super::editor::MAX_PASTE_CHARS
                    ));
                }
            } else {
                app.notice = Some("To paste, open a field with Enter first".into());
            }
        }
        Screen::NewSession(form) => {
            let clean = super::editor::normalise_paste(text, true);
            match form.field {
                FormField::Title => {
                    form.title.insert_str(clean);
                }
                FormField::Participants => {
                    form.participants.insert_str(clean);
                }
                FormField::Items => {
                    form.filter.insert_str(clean);
                    form.cursor = 0;
                }
                _ => {}
            }
        }
        Screen::Home | Screen::History { .. } => {}
    }
    if let Some(Overlay::Palette(palette)) = &mut app.overlay {
        palette
            .query
            .insert_str(super::editor::normalise_paste(text, true));
        palette.refresh();
    }
}

fn on_mouse(
    app: &mut App,
    mouse: ratatui::crossterm::event::MouseEvent,
    effects: &mut Vec<Effect>,
) {
    if app.overlay.is_some() {
        match mouse.kind {
            MouseEventKind::ScrollDown => run(app, Command::Down, effects),
            MouseEventKind::ScrollUp => run(app, Command::Up, effects),
            _ => {}
        }
        return;
    }
    let (column, row) = (mouse.column, mouse.row);
    let (reference_pane, record_pane) = layout::panes(app.size, app.present, app.hide_notes);
    let over_reference = reference_pane.contains((column, row).into());
    let over_record = record_pane.contains((column, row).into());
    match &mut app.screen {
        Screen::Session(ws) if ws.editor.is_none() => match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = mouse.kind == MouseEventKind::ScrollDown;
                if over_reference {
                    ws.focus = Pane::Reference;
                } else if over_record {
                    ws.focus = Pane::Record;
                }
                run(app, if down { Command::Down } else { Command::Up }, effects);
            }
            MouseEventKind::Down(MouseButton::Left) if over_record => {
                ws.focus = Pane::Record;
                let width = record_pane.width.saturating_sub(2);
                let target = (row - record_pane.y).saturating_sub(1) as usize + ws.record_scroll;
                let row_list = rows::rows(&app.library, ws, app.present);
                let mut line = 0;
                for (index, r) in row_list.iter().enumerate() {
                    let height = crate::ui::walk::row_height(&app.library, ws, r, width);
                    if target < line + height {
                        if r.is_selectable() {
                            ws.record_cursor = index;
                        }
                        break;
                    }
                    line += height;
                }
            }
            MouseEventKind::Down(MouseButton::Left) if over_reference => {
                ws.focus = Pane::Reference;
            }
            _ => {}
        },
        Screen::Home => match mouse.kind {
            MouseEventKind::ScrollDown => run(app, Command::Down, effects),
            MouseEventKind::ScrollUp => run(app, Command::Up, effects),
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(index) = crate::ui::home::row_at(app, column, row) {
                    app.home.cursor = index;
                }
            }
            _ => {}
        },
        _ => {}
    }
}

// ---------------------------------------------------------------- commands

fn run(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    // Commands that work the same on every screen.
    match &command {
        Command::Quit => {
            close_editor_if_open(app, effects);
            save_now(app, effects);
            if app.workspace().is_some() {
                effects.push(Effect::Close);
            }
            effects.push(Effect::Quit);
            app.quit = true;
            return;
        }
        Command::SaveNow => {
            save_now(app, effects);
            return;
        }
        Command::StartDaily if app.overlay.is_none() => {
            start_daily(app, effects);
            return;
        }
        Command::ShowHistory if app.overlay.is_none() => {
            if app.workspace().is_some() {
                close_editor_if_open(app, effects);
                save_now(app, effects);
                effects.push(Effect::Close);
            }
            effects.push(Effect::LoadHome);
            app.screen = Screen::History { cursor: 0 };
            return;
        }
        Command::ChooseFocus if app.overlay.is_none() => {
            app.overlay = Some(Overlay::Focus {
                cursor: 0,
                chosen: app.settings.daily.focus_areas.clone(),
            });
            return;
        }
        Command::NewSupervision if app.overlay.is_none() => {
            app.screen = Screen::NewSession(Box::new(NewSessionForm::of_kind(
                &app.library,
                SessionKind::Supervision,
            )));
            return;
        }
        Command::TogglePresent if app.overlay.is_none() => {
            app.present = !app.present;
            app.hide_notes = false;
            keep_cursor_visible(app);
            return;
        }
        Command::ToggleNotes if app.overlay.is_none() && app.present => {
            app.hide_notes = !app.hide_notes;
            return;
        }
        Command::UseRecovery => {
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
            return;
        }
        Command::Help if app.overlay.is_none() => {
            app.overlay = Some(Overlay::Help);
            return;
        }
        Command::Palette if app.overlay.is_none() => {
            let palette = Palette::new(&app.library, app.workspace().map(|ws| &ws.session));
            app.overlay = Some(Overlay::Palette(Box::new(palette)));
            return;
        }
        _ => {}
    }
    if app.overlay.is_some() {
        return overlay_command(app, command, effects);
    }
    match &mut app.screen {
        Screen::Home => home_command(app, command, effects),
        Screen::History { .. } => history_command(app, command, effects),
        Screen::NewSession(_) => form_command(app, command, effects),
        Screen::Session(_) => session_command(app, command, effects),
    }
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
        Overlay::Help | Overlay::Message { .. } => {}
    }
}

/// The content areas a daily review can focus on, in document order.
pub fn focus_areas(app: &App) -> Vec<String> {
    app.library
        .framework(super::daily::DAILY_FRAMEWORK)
        .map(|f| {
            crate::content::query::all_areas(f)
                .into_iter()
                .map(|a| a.id.clone())
                .collect()
        })
        .unwrap_or_default()
}

fn save_settings(app: &mut App, effects: &mut Vec<Effect>) {
    match &app.settings_problem {
        Some(problem) => {
            app.notice = Some(format!("Settings not saved: {problem}"));
        }
        None => effects.push(Effect::SaveSettings(app.settings.clone())),
    }
}

/// Today's daily review: continue it if it exists, else start one with the
/// next question of the rotation.
fn start_daily(app: &mut App, effects: &mut Vec<Effect>) {
    if app.workspace().is_some() {
        close_editor_if_open(app, effects);
        save_now(app, effects);
        effects.push(Effect::Close);
    }
    let today = app.today();
    if let Some(entry) = app.home.data.daily.iter().find(|d| d.date == today) {
        effects.push(Effect::Open(entry.id.clone()));
        return;
    }
    let pool = super::daily::pool(&app.library, &app.settings.daily.focus_areas);
    let Some(question) = super::daily::next_question(&pool, &mut app.settings.daily) else {
        app.overlay = Some(Overlay::Message {
            title: "No questions".into(),
            text: "The LSCB framework is not loaded, so there are no questions to offer.".into(),
        });
        return;
    };
    let mut session = crate::session::model::Session::new(
        crate::session::ids::new_session_id("daily review", app.now),
        SessionKind::DailyReview,
        format!("Daily review {today}"),
        super::daily::DAILY_FRAMEWORK.to_owned(),
        crate::session::model::ScaleChoice::Borrowed(
            crate::commands::sessions::BORROWED_SCALE.to_owned(),
        ),
        app.now,
    );
    session.timers.now_minutes = super::daily::DAILY_MINUTES;
    let mut record = crate::session::model::ItemRecord::new(question.area.clone());
    record.questions.push(crate::session::model::QuestionNote {
        area: question.area,
        question: question.question,
        discussed: false,
        note: String::new(),
    });
    session.items.push(record);
    save_settings(app, effects);
    effects.push(Effect::Create(session));
}

fn history_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let Screen::History { cursor } = &mut app.screen else {
        return;
    };
    let count = app.home.data.daily.len();
    match command {
        Command::Up => *cursor = cursor.saturating_sub(1),
        Command::Down => *cursor = (*cursor + 1).min(count.saturating_sub(1)),
        Command::Top => *cursor = 0,
        Command::Bottom => *cursor = count.saturating_sub(1),
        Command::Activate => {
            if let Some(entry) = app.home.data.daily.get(*cursor) {
                effects.push(Effect::Open(entry.id.clone()));
            }
        }
        Command::Back => {
            app.screen = Screen::Home;
            effects.push(Effect::LoadHome);
        }
        _ => {}
    }
}

fn home_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let rows = app.home.rows();
    match command {
        Command::Up => app.home.cursor = app.home.cursor.saturating_sub(1),
        Command::Down => app.home.cursor = (app.home.cursor + 1).min(rows.len().saturating_sub(1)),
        Command::Top => app.home.cursor = 0,
        Command::Bottom => app.home.cursor = rows.len().saturating_sub(1),
        Command::NewSession => {
            app.screen = Screen::NewSession(Box::new(NewSessionForm::new(&app.library)))
        }
        Command::Activate => match rows.get(app.home.cursor) {
            Some(HomeRow::New) => {
                app.screen = Screen::NewSession(Box::new(NewSessionForm::new(&app.library)))
            }
            Some(HomeRow::NewSupervision) => {
                app.screen = Screen::NewSession(Box::new(NewSessionForm::of_kind(
                    &app.library,
                    SessionKind::Supervision,
                )))
            }
            Some(HomeRow::Daily) => start_daily(app, effects),
            Some(HomeRow::History) => {
                effects.push(Effect::LoadHome);
                app.screen = Screen::History { cursor: 0 };
            }
            Some(HomeRow::Resume(id) | HomeRow::Session(id)) => {
                effects.push(Effect::Open(id.clone()))
            }
            None => {}
        },
        Command::Back => {}
        _ => {}
    }
}

/// Keys a form field takes as typing rather than as commands.
fn form_takes_key(field: FormField, key: KeyEvent) -> bool {
    let typing = matches!(
        field,
        FormField::Title | FormField::Participants | FormField::Items
    );
    if !typing {
        return false;
    }
    match key.code {
        KeyCode::Tab
        | KeyCode::BackTab
        | KeyCode::Esc
        | KeyCode::Up
        | KeyCode::Down
        | KeyCode::PageUp
        | KeyCode::PageDown => false,
        KeyCode::Enter => false,
        KeyCode::Char('c' | 'p')
            if key
                .modifiers
                .contains(ratatui::crossterm::event::KeyModifiers::CONTROL) =>
        {
            false
        }
        _ => true,
    }
}

fn form_key(app: &mut App, key: KeyEvent) {
    let Screen::NewSession(form) = &mut app.screen else {
        return;
    };
    match form.field {
        FormField::Title => {
            form.title.input(key);
        }
        FormField::Participants => {
            form.participants.input(key);
        }
        FormField::Items if form.filter.input(key) => {
            form.cursor = 0;
        }
        _ => {}
    }
    form.error = None;
}

fn form_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let Screen::NewSession(form) = &mut app.screen else {
        return;
    };
    let at = FormField::ALL
        .iter()
        .position(|f| *f == form.field)
        .unwrap_or(0);
    let frameworks = app.library.frameworks.len().max(1);
    match command {
        Command::Back => {
            app.screen = Screen::Home;
            effects.push(Effect::LoadHome);
        }
        Command::Up if form.field == FormField::Items && form.cursor > 0 => form.cursor -= 1,
        Command::NextField if form.field == FormField::Create => form.field = FormField::Kind,
        Command::Down if form.field == FormField::Items => {
            let count = form.candidates(&app.library).len();
            if form.cursor + 1 < count {
                form.cursor += 1;
            } else {
                form.field = FormField::Create;
            }
        }
        Command::Up | Command::PreviousField => form.field = FormField::ALL[at.saturating_sub(1)],
        Command::Down | Command::NextField => {
            form.field = FormField::ALL[(at + 1).min(FormField::ALL.len() - 1)]
        }
        Command::Left | Command::Right | Command::Toggle => {
            let forward = command != Command::Left;
            match form.field {
                FormField::Kind => {
                    let kinds = [
                        SessionKind::Workshop,
                        SessionKind::Supervision,
                        SessionKind::DailyReview,
                    ];
                    let k = kinds.iter().position(|k| *k == form.kind).unwrap_or(0);
                    form.kind = kinds[if forward { (k + 1) % 3 } else { (k + 2) % 3 }];
                }
                FormField::Framework => {
                    form.framework = if forward {
                        (form.framework + 1) % frameworks
                    } else {
                        (form.framework + frameworks - 1) % frameworks
                    };
                    form.chosen.clear();
                    form.cursor = 0;
                }
                _ => {}
            }
        }
        Command::Activate => match form.field {
            FormField::Items => {
                if let Some(candidate) = form.candidates(&app.library).get(form.cursor) {
                    if let Some(pos) = form.chosen.iter().position(|c| c == &candidate.id) {
                        form.chosen.remove(pos);
                    } else {
                        form.chosen.push(candidate.id.clone());
                    }
                }
            }
            FormField::Create => {
                let Some((framework, _)) = app.library.frameworks.get(form.framework) else {
                    form.error = Some("No framework is loaded".into());
                    return;
                };
                match crate::commands::sessions::build_session(
                    &app.library,
                    form.kind,
                    &framework.id,
                    &NewSessionForm::text(&form.title),
                    &form.chosen,
                    &form.participants_list(),
                    app.now,
                ) {
                    Ok(_) if form.chosen.is_empty() => {
                        form.error = Some("Choose at least one item to cover (Cover: type to filter, Enter to choose)".into());
                    }
                    Ok(session) => effects.push(Effect::Create(session)),
                    Err(error) => form.error = Some(error.to_string()),
                }
            }
            _ => form.field = FormField::ALL[(at + 1).min(FormField::ALL.len() - 1)],
        },
        _ => {}
    }
}

fn session_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let now = app.now;
    let Screen::Session(ws) = &mut app.screen else {
        return;
    };
    let items = ws.session.items.len();
    match command {
        Command::Back => {
            save_now(app, effects);
            effects.push(Effect::Close);
            effects.push(Effect::LoadHome);
            app.screen = Screen::Home;
            return;
        }
        Command::SwitchPane => {
            ws.focus = match ws.focus {
                Pane::Reference => Pane::Record,
                Pane::Record => Pane::Reference,
            };
        }
        Command::NextItem | Command::PreviousItem
            if ws.session.kind == SessionKind::Supervision && ws.phase() == Some(Phase::Now) =>
        {
            let count = ws
                .item_index()
                .map(|i| {
                    reference::linked_questions(
                        &app.library,
                        &ws.session,
                        &ws.session.items[i].item,
                    )
                    .iter()
                    .map(|(_, _, qs)| qs.len())
                    .sum::<usize>()
                })
                .unwrap_or(0);
            ws.question_index = if command == Command::NextItem {
                (ws.question_index + 1).min(count.saturating_sub(1))
            } else {
                ws.question_index.saturating_sub(1)
            };
            ws.record_cursor = 0;
            ws.record_scroll = 0;
        }
        Command::NextPhase
        | Command::PreviousPhase
        | Command::NextItem
        | Command::PreviousItem
        | Command::Summary => {
            let stage = match (ws.stage, &command) {
                (Stage::Walk { item, phase }, Command::NextPhase) => match phase.next() {
                    Some(next) => Stage::Walk { item, phase: next },
                    None if item + 1 < items => Stage::Walk {
                        item: item + 1,
                        phase: Phase::Now,
                    },
                    None => Stage::Summary,
                },
                (Stage::Walk { item, phase }, Command::PreviousPhase) => match phase.previous() {
                    Some(previous) => Stage::Walk {
                        item,
                        phase: previous,
                    },
                    None if item > 0 => Stage::Walk {
                        item: item - 1,
                        phase: Phase::Can,
                    },
                    None => ws.stage,
                },
                (Stage::Summary, Command::PreviousPhase) if items > 0 => Stage::Walk {
                    item: items - 1,
                    phase: Phase::Can,
                },
                (Stage::Walk { item, phase }, Command::NextItem) if item + 1 < items => {
                    Stage::Walk {
                        item: item + 1,
                        phase,
                    }
                }
                (Stage::Walk { item, phase }, Command::PreviousItem) if item > 0 => Stage::Walk {
                    item: item - 1,
                    phase,
                },
                (_, Command::Summary) => Stage::Summary,
                (stage, _) => stage,
            };
            if stage != ws.stage {
                go_to(app, stage, effects);
            }
            return;
        }
        Command::GoTo { item, phase, row } => {
            go_to(app, Stage::Walk { item, phase }, effects);
            if let Some(ws) = app.workspace_mut() {
                ws.record_cursor = row;
            }
            settle(app);
            return;
        }
        Command::AddMinute => ws.timer.add_minute(),
        Command::AnotherQuestion => {
            if !writable(app) {
                return;
            }
            let pool = super::daily::pool(&app.library, &app.settings.daily.focus_areas);
            let Some(question) = super::daily::next_question(&pool, &mut app.settings.daily) else {
                return;
            };
            let Some(ws) = app.workspace_mut() else {
                return;
            };
            if let Some(record) = ws.session.items.first_mut() {
                // An unanswered question gives way; an answered one stays.
                if record
                    .questions
                    .last()
                    .is_some_and(|q| q.note.trim().is_empty())
                {
                    record.questions.pop();
                }
                record.item = question.area.clone();
                record.questions.push(crate::session::model::QuestionNote {
                    area: question.area,
                    question: question.question,
                    discussed: false,
                    note: String::new(),
                });
                touch(ws, now);
            }
            ws.record_cursor = 0;
            save_now(app, effects);
            save_settings(app, effects);
            settle(app);
            return;
        }
        Command::FinishDaily => {
            ws.timer.pause(now);
            if let Some(question) = ws
                .session
                .items
                .first_mut()
                .and_then(|r| r.questions.last_mut())
            {
                question.discussed = true;
            }
            if ws.read_only.is_none() {
                touch(ws, now);
            }
            save_now(app, effects);
            effects.push(Effect::Close);
            effects.push(Effect::LoadHome);
            app.screen = Screen::History { cursor: 0 };
            app.notice = Some("Saved. That is today's twenty minutes.".into());
            return;
        }
        Command::CycleFraming => {
            use crate::session::model::Framing;
            ws.session.framing = match ws.session.framing {
                Framing::AsWritten => Framing::You,
                Framing::You => Framing::We,
                Framing::We => Framing::AsWritten,
            };
            if ws.read_only.is_none() {
                touch(ws, now);
            }
        }
        Command::Reveal => {
            if !writable(app) {
                return;
            }
            let Some(ws) = app.workspace_mut() else {
                return;
            };
            if let Some(item) = ws.item_index() {
                let record = &mut ws.session.items[item];
                record.revealed = !record.revealed;
                touch(ws, now);
            }
        }
        Command::ToggleTimer => ws.timer.toggle(now),
        Command::NextTab => {
            let tabs = reference::tabs(&app.library, ws).len().max(1);
            ws.reference_tab = (ws.reference_tab + 1) % tabs;
            ws.reference_cursor = 0;
            ws.reference_scroll = 0;
        }
        Command::DeleteEvidence { item, index } => {
            if let Some(record) = ws.session.items.get_mut(item)
                && index < record.evidence.len()
            {
                record.evidence.remove(index);
                touch(ws, now);
                save_now(app, effects);
            }
            settle(app);
            return;
        }
        Command::DeletePriority { index } => {
            if index < ws.session.priorities.len() {
                ws.session.priorities.remove(index);
                touch(ws, now);
                save_now(app, effects);
            }
            settle(app);
            return;
        }
        Command::Export => {
            save_now(app, effects);
            if let Some(ws) = app.workspace() {
                effects.push(Effect::Export(ws.session.clone()));
            }
            return;
        }
        Command::AddEvidence => {
            add_evidence(app, None, effects);
            return;
        }
        Command::AddPriority => {
            add_priority(app, None, None, effects);
            return;
        }
        _ => match (ws.focus, ws.stage) {
            // The summary's overview scrolls a line at a time.
            (Pane::Reference, Stage::Summary) => {
                let page = usize::from(app.size.1 / 2);
                ws.reference_scroll = match command {
                    Command::Down => ws.reference_scroll + 1,
                    Command::Up => ws.reference_scroll.saturating_sub(1),
                    Command::PageDown => ws.reference_scroll + page,
                    Command::PageUp => ws.reference_scroll.saturating_sub(page),
                    Command::Top => 0,
                    _ => ws.reference_scroll,
                };
                return;
            }
            (Pane::Reference, _) => reference_command(app, command, effects),
            _ => record_command(app, command, effects),
        },
    }
    settle(app);
}

/// Move to a stage: save first (a screen change), reset the panes.
fn go_to(app: &mut App, stage: Stage, effects: &mut Vec<Effect>) {
    save_now(app, effects);
    let now = app.now;
    if let Some(ws) = app.workspace_mut() {
        ws.stage = stage;
        ws.timer = super::timer::Timer::start(super::phase_minutes(&ws.session.timers, stage), now);
        ws.reference_tab = 0;
        ws.reference_cursor = 0;
        ws.reference_scroll = 0;
        ws.record_cursor = 0;
        ws.record_scroll = 0;
        ws.illustration_level = 5;
        if stage == Stage::Summary {
            ws.focus = Pane::Record;
        }
    }
    settle(app);
}

/// After any change: put the record cursor on a selectable row and keep
/// both cursors in view.
fn settle(app: &mut App) {
    let target = app.workspace().map(|ws| {
        let list = rows::rows(&app.library, ws, app.present);
        rows::nearest_selectable(&list, ws.record_cursor, true).unwrap_or(0)
    });
    if let (Some(target), Some(ws)) = (target, app.workspace_mut()) {
        ws.record_cursor = target;
    }
    keep_cursor_visible(app);
}

fn settle_record_cursor(app: &App, ws: &mut Workspace) {
    let list = rows::rows(&app.library, ws, app.present);
    if let Some(at) = rows::nearest_selectable(&list, ws.record_cursor, true) {
        ws.record_cursor = at;
    } else {
        ws.record_cursor = 0;
    }
}

fn record_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let now = app.now;
    let list = match app.workspace() {
        Some(ws) => rows::rows(&app.library, ws, app.present),
        None => return,
    };
    let max_level = app
        .workspace()
        .and_then(|w| reference::session_scale(&app.library, &w.session))
        .map_or(6, |s| s.levels.len() as u8);
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let row = list.get(ws.record_cursor).cloned();
    let read_only = ws.read_only.clone();
    let item = ws.item_index();
    let changes_something = matches!(
        command,
        Command::Activate
            | Command::Toggle
            | Command::Left
            | Command::Right
            | Command::SetLevel(_)
            | Command::ClearLevel
            | Command::DeleteSelected
    );
    if changes_something && let Some(reason) = read_only {
        app.notice = Some(format!("Read-only: {reason}"));
        return;
    }
    match command {
        Command::Up => {
            if ws.record_cursor > 0
                && let Some(at) = (0..ws.record_cursor)
                    .rev()
                    .find(|&i| list[i].is_selectable())
            {
                ws.record_cursor = at;
            } else {
                ws.record_scroll = 0;
            }
        }
        Command::Down => {
            if let Some(at) = (ws.record_cursor + 1..list.len()).find(|&i| list[i].is_selectable())
            {
                ws.record_cursor = at;
            }
        }
        Command::PageDown | Command::Bottom => {
            let jump = if command == Command::Bottom {
                list.len()
            } else {
                8
            };
            let target = (ws.record_cursor + jump).min(list.len().saturating_sub(1));
            if let Some(at) = rows::nearest_selectable(&list, target, false) {
                ws.record_cursor = at;
            }
        }
        Command::PageUp | Command::Top => {
            let target = if command == Command::Top {
                0
            } else {
                ws.record_cursor.saturating_sub(8)
            };
            if let Some(at) = rows::nearest_selectable(&list, target, true) {
                ws.record_cursor = at;
            }
            if command == Command::Top {
                ws.record_scroll = 0;
            }
        }
        Command::SetLevel(level) => {
            if level == 0 || level > max_level {
                app.notice = Some(format!("Levels run from 1 to {max_level}"));
                return;
            }
            let Some(item) = item else { return };
            match row {
                Some(Row::ParticipantLevel(p)) => set_participant_level(ws, item, p, Some(level)),
                _ => ws.session.items[item].level = Some(level),
            }
            touch(ws, now);
        }
        Command::ClearLevel => {
            let Some(item) = item else { return };
            match row {
                Some(Row::ParticipantLevel(p)) => set_participant_level(ws, item, p, None),
                _ => ws.session.items[item].level = None,
            }
            touch(ws, now);
        }
        Command::Left | Command::Right => {
            let forward = command == Command::Right;
            match row {
                Some(Row::Choice(choice)) => {
                    choice.cycle(&mut ws.session, forward);
                    touch(ws, now);
                }
                Some(Row::Level) | Some(Row::ParticipantLevel(_)) => {
                    let Some(item) = item else { return };
                    let current = match &row {
                        Some(Row::ParticipantLevel(p)) => ws
                            .session
                            .participants
                            .get(*p)
                            .and_then(|name| {
                                ws.session.items[item]
                                    .individual_levels
                                    .iter()
                                    .find(|l| &l.participant == name)
                            })
                            .map(|l| l.level),
                        _ => ws.session.items[item].level,
                    };
                    let next = match (current, forward) {
                        (None, true) => Some(1),
                        (None, false) => Some(max_level),
                        (Some(l), true) if l < max_level => Some(l + 1),
                        (Some(l), false) if l > 1 => Some(l - 1),
                        (Some(l), _) => Some(l),
                    };
                    match row {
                        Some(Row::ParticipantLevel(p)) => set_participant_level(ws, item, p, next),
                        _ => ws.session.items[item].level = next,
                    }
                    touch(ws, now);
                }
                _ => {}
            }
        }
        Command::Toggle => match row {
            Some(Row::Choice(choice)) => {
                choice.cycle(&mut ws.session, true);
                touch(ws, now);
            }
            Some(Row::Toggle(toggle, _)) => {
                toggle.toggle(&mut ws.session);
                touch(ws, now);
            }
            Some(Row::Question { area, question }) => {
                if let Some(item) = item {
                    let note = super::fields::question_note_mut(
                        &mut ws.session.items[item].questions,
                        &area,
                        &question,
                    );
                    note.discussed = !note.discussed;
                    touch(ws, now);
                }
            }
            _ => {}
        },
        Command::Activate => match row {
            Some(Row::Text(field)) => open_editor(ws, field),
            Some(Row::Question { area, question }) => {
                if let Some(item) = item {
                    open_editor(
                        ws,
                        TextField::QuestionNote {
                            item,
                            area,
                            question,
                        },
                    );
                }
            }
            Some(Row::Choice(choice)) => {
                choice.cycle(&mut ws.session, true);
                touch(ws, now);
            }
            Some(Row::Toggle(toggle, _)) => {
                toggle.toggle(&mut ws.session);
                touch(ws, now);
            }
            Some(Row::Button(Button::AddEvidence)) => add_evidence(app, None, effects),
            Some(Row::Button(Button::AddPriority)) => add_priority(app, None, None, effects),
            Some(Row::Button(Button::Export)) => session_command(app, Command::Export, effects),
            _ => {}
        },
        Command::DeleteSelected => {
            let question = if let Some(row) = &row {
                if let Some((item, index)) = row.evidence() {
                    Some((
                        format!("Delete evidence {}? Its description goes too.", index + 1),
                        Command::DeleteEvidence { item, index },
                    ))
                } else {
                    row.priority().map(|index| {
                        (
                            format!(
                                "Delete priority {}? Its owner, dates and measure go too.",
                                index + 1
                            ),
                            Command::DeletePriority { index },
                        )
                    })
                }
            } else {
                None
            };
            if let Some((message, on_yes)) = question {
                app.overlay = Some(Overlay::Confirm {
                    message,
                    on_yes: Action::Command(on_yes),
                });
            } else {
                app.notice =
                    Some("Choose a row of an evidence item or a priority to delete it".into());
            }
        }
        _ => {}
    }
}

fn set_participant_level(ws: &mut Workspace, item: usize, participant: usize, level: Option<u8>) {
    let Some(name) = ws.session.participants.get(participant).cloned() else {
        return;
    };
    let levels = &mut ws.session.items[item].individual_levels;
    levels.retain(|l| l.participant != name);
    if let Some(level) = level {
        levels.push(IndividualLevel {
            participant: name,
            level,
        });
        // Keep the participants' order, not the order levels were given.
        let order = ws.session.participants.clone();
        levels.sort_by_key(|l| order.iter().position(|p| p == &l.participant));
    }
}

fn open_editor(ws: &mut Workspace, field: TextField) {
    ws.editor = Some(Editor::open(field, &ws.session));
}

fn add_evidence(
    app: &mut App,
    suggestion: Option<(InformationKind, String)>,
    effects: &mut Vec<Effect>,
) {
    let now = app.now;
    if !writable(app) {
        return;
    }
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let Some(item) = ws.item_index() else { return };
    let source = match &suggestion {
        Some((_, description)) => guess_source(description),
        // Nudge towards triangulation: the first source not yet used.
        None => EvidenceSource::ALL
            .into_iter()
            .find(|s| {
                !ws.session.items[item]
                    .evidence
                    .iter()
                    .any(|e| e.source == *s)
            })
            .unwrap_or(EvidenceSource::ChildrenParentsCarers),
    };
    let (information, description) =
        suggestion.unwrap_or((InformationKind::Quality, String::new()));
    ws.session.items[item].evidence.push(Evidence {
        source,
        information,
        description: description.clone(),
        date: None,
        private: false,
    });
    let index = ws.session.items[item].evidence.len() - 1;
    touch(ws, now);
    ws.focus = Pane::Record;
    ws.stage = Stage::Walk {
        item,
        phase: Phase::Know,
    };
    let list = rows::rows(
        &app.library,
        app.workspace().expect("workspace"),
        app.present,
    );
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let target = Row::Text(TextField::EvidenceDescription(item, index));
    ws.record_cursor = list.iter().position(|r| *r == target).unwrap_or(0);
    if description.is_empty() {
        open_editor(ws, TextField::EvidenceDescription(item, index));
    } else {
        app.notice = Some("Evidence added from the suggestion: set its source and date".into());
        save_now(app, effects);
    }
    keep_cursor_visible(app);
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

/// A Module 4 source usually names who it comes from.
fn guess_source(description: &str) -> EvidenceSource {
    let d = description.to_lowercase();
    if d.contains("child")
        || d.contains("parent")
        || d.contains("famil")
        || d.contains("young people")
    {
        EvidenceSource::ChildrenParentsCarers
    } else if d.contains("audit") || d.contains("case record") || d.contains("scr") {
        EvidenceSource::CaseRecords
    } else if d.contains("staff")
        || d.contains("professional")
        || d.contains("walking the floor")
        || d.contains("survey")
    {
        EvidenceSource::FrontlineStaffManagers
    } else {
        EvidenceSource::ManagementInformation
    }
}

fn add_priority(
    app: &mut App,
    statement: Option<String>,
    measure: Option<String>,
    effects: &mut Vec<Effect>,
) {
    let now = app.now;
    if !writable(app) {
        return;
    }
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let serves: Vec<String> = ws
        .item_index()
        .map(|i| vec![ws.session.items[i].item.clone()])
        .unwrap_or_default();
    ws.session.priorities.push(Priority {
        statement: statement.clone().unwrap_or_default(),
        owner: String::new(),
        deadline: None,
        milestones: Vec::new(),
        measure_of_success: measure.unwrap_or_default(),
        serves,
        status: Default::default(),
    });
    let index = ws.session.priorities.len() - 1;
    touch(ws, now);
    ws.focus = Pane::Record;
    let list = rows::rows(
        &app.library,
        app.workspace().expect("workspace"),
        app.present,
    );
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let (target, field) = if statement.is_some() {
        (
            Row::Text(TextField::PriorityOwner(index)),
            TextField::PriorityOwner(index),
        )
    } else {
        (
            Row::Text(TextField::PriorityStatement(index)),
            TextField::PriorityStatement(index),
        )
    };
    ws.record_cursor = list.iter().position(|r| *r == target).unwrap_or(0);
    open_editor(ws, field);
    if ws.session.priorities.len() > rows::PRIORITY_WARNING_OVER {
        app.notice =
            Some("More than five priorities: the frameworks ask for a small number".into());
    }
    let _ = effects;
    keep_cursor_visible(app);
}

fn reference_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let wide = layout::is_wide(app.size);
    let Some(ws) = app.workspace() else { return };
    let entries = reference::entries(&app.library, ws, wide);
    let tab_names = reference::tabs(&app.library, ws);
    let tab_count = tab_names.len().max(1);
    let tab = tab_names.get(ws.reference_tab).copied().unwrap_or_default();
    let height = layout::walk(app.size).reference.height.saturating_sub(3) as usize;
    let width = layout::walk(app.size).reference.width.saturating_sub(2);
    let heights: Vec<usize> = entries
        .iter()
        .map(|e| crate::ui::walk::entry_lines(e, width, false, app.present).len())
        .collect();
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let top_of = |i: usize| heights[..i].iter().sum::<usize>();
    match command {
        Command::Down => {
            // Read a long entry to its end before moving to the next.
            let cursor = ws.reference_cursor.min(entries.len().saturating_sub(1));
            let entry_end = top_of(cursor) + heights.get(cursor).copied().unwrap_or(0);
            if entry_end > ws.reference_scroll + height {
                ws.reference_scroll += height.saturating_sub(2).max(1);
            } else if cursor + 1 < entries.len() {
                ws.reference_cursor = cursor + 1;
            }
        }
        Command::Up => {
            let cursor = ws.reference_cursor;
            if top_of(cursor) < ws.reference_scroll {
                ws.reference_scroll = ws
                    .reference_scroll
                    .saturating_sub(height.saturating_sub(2).max(1));
            } else if cursor > 0 {
                ws.reference_cursor = cursor - 1;
            }
        }
        Command::PageDown => {
            let total: usize = heights.iter().sum();
            ws.reference_scroll = (ws.reference_scroll + height.saturating_sub(1).max(1))
                .min(total.saturating_sub(1));
            ws.reference_cursor = (0..entries.len())
                .find(|&i| top_of(i) + heights[i] > ws.reference_scroll)
                .unwrap_or(0);
            return;
        }
        Command::PageUp => {
            ws.reference_scroll = ws
                .reference_scroll
                .saturating_sub(height.saturating_sub(1).max(1));
            ws.reference_cursor = (0..entries.len())
                .find(|&i| top_of(i) + heights[i] > ws.reference_scroll)
                .unwrap_or(0);
            return;
        }
        Command::Top => {
            ws.reference_cursor = 0;
            ws.reference_scroll = 0;
        }
        Command::Bottom => ws.reference_cursor = entries.len().saturating_sub(1),
        Command::Left | Command::Right if tab == reference::ILLUSTRATIONS && !wide => {
            ws.illustration_level = if ws.illustration_level == 5 { 2 } else { 5 };
            ws.reference_cursor = 0;
            ws.reference_scroll = 0;
        }
        Command::Left | Command::Right => {
            let tabs = tab_count;
            ws.reference_tab = if command == Command::Right {
                (ws.reference_tab + 1) % tabs
            } else {
                (ws.reference_tab + tabs - 1) % tabs
            };
            ws.reference_cursor = 0;
            ws.reference_scroll = 0;
        }
        Command::SetLevel(_) | Command::ClearLevel => {
            ws.focus = Pane::Record;
            return record_command(app, command, effects);
        }
        Command::Activate => {
            let Some(take) = entries
                .get(ws.reference_cursor)
                .and_then(|e| e.take.clone())
            else {
                return;
            };
            match take {
                Take::Evidence {
                    information,
                    description,
                } => {
                    return add_evidence(app, Some((information, description)), effects);
                }
                Take::Priority(statement) => {
                    return add_priority(app, Some(statement), None, effects);
                }
                Take::Measure(measure) => {
                    let now = app.now;
                    let Some(ws) = app.workspace_mut() else {
                        return;
                    };
                    let item_id = ws.item_index().map(|i| ws.session.items[i].item.clone());
                    let target =
                        ws.session.priorities.iter().rposition(|p| {
                            item_id.as_ref().is_some_and(|id| p.serves.contains(id))
                        });
                    match target {
                        Some(p)
                            if ws.session.priorities[p]
                                .measure_of_success
                                .trim()
                                .is_empty() =>
                        {
                            ws.session.priorities[p].measure_of_success = measure;
                            touch(ws, now);
                            app.notice =
                                Some(format!("Measure of success set for priority {}", p + 1));
                            save_now(app, effects);
                        }
                        Some(p) => {
                            let existing = &mut ws.session.priorities[p].measure_of_success;
                            existing.push('\n');
                            existing.push_str(&measure);
                            touch(ws, now);
                            app.notice = Some(format!("Measure added to priority {}", p + 1));
                            save_now(app, effects);
                        }
                        None => return add_priority(app, None, Some(measure), effects),
                    }
                }
            }
            return;
        }
        _ => {}
    }
    keep_cursor_visible(app);
}

/// Keep the record and reference cursors on screen, given the layout.
fn keep_cursor_visible(app: &mut App) {
    let (reference_pane, record_pane) = layout::panes(app.size, app.present, app.hide_notes);
    let wide = layout::is_wide(app.size);
    let Some(ws) = app.workspace() else { return };
    let list = rows::rows(&app.library, ws, app.present);
    let width = record_pane.width.saturating_sub(2);
    let heights: Vec<usize> = list
        .iter()
        .map(|r| crate::ui::walk::row_height(&app.library, ws, r, width))
        .collect();
    let view = record_pane.height.saturating_sub(2) as usize;
    let cursor = ws.record_cursor.min(heights.len().saturating_sub(1));
    let top: usize = heights[..cursor.min(heights.len())].iter().sum();
    let bottom = top + heights.get(cursor).copied().unwrap_or(1);
    // Show the heading above the cursor too, where there is one.
    let heading_top = if cursor > 0 && matches!(list.get(cursor - 1), Some(Row::Heading(_))) {
        top - heights[cursor - 1]
    } else {
        top
    };
    let entries = reference::entries(&app.library, ws, wide);
    let ref_width = reference_pane.width.saturating_sub(2);
    let ref_heights: Vec<usize> = entries
        .iter()
        .map(|e| crate::ui::walk::entry_lines(e, ref_width, false, app.present).len())
        .collect();
    let ref_view = reference_pane.height.saturating_sub(3) as usize;
    let ref_cursor = ws.reference_cursor.min(ref_heights.len().saturating_sub(1));
    let ref_top: usize = ref_heights[..ref_cursor.min(ref_heights.len())]
        .iter()
        .sum();
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    if heading_top < ws.record_scroll {
        ws.record_scroll = heading_top;
    } else if bottom > ws.record_scroll + view {
        ws.record_scroll = bottom.saturating_sub(view).min(top);
    }
    if ref_top < ws.reference_scroll || ref_top >= ws.reference_scroll + ref_view {
        ws.reference_scroll = ref_top;
    }
}

// ---------------------------------------------------------------- palette

fn palette_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let Some(Overlay::Palette(palette)) = &mut app.overlay else {
        return;
    };
    match key.code {
        KeyCode::Esc => app.overlay = None,
        KeyCode::Up => palette.cursor = palette.cursor.saturating_sub(1),
        KeyCode::Down => {
            if palette.cursor + 1 < palette.hits.len() {
                palette.cursor += 1;
            }
        }
        KeyCode::Enter => {
            let Some(entry) = palette.selected().cloned() else {
                return;
            };
            app.overlay = None;
            match entry.target {
                Target::Session { item, phase } => {
                    session_command(
                        app,
                        Command::GoTo {
                            item,
                            phase,
                            row: 0,
                        },
                        effects,
                    );
                }
                Target::Summary => session_command(app, Command::Summary, effects),
                Target::Content { framework, item } => {
                    let shown = app
                        .library
                        .framework(&framework)
                        .and_then(|f| text::item(&app.library, f, &item, 76));
                    app.overlay = Some(Overlay::Reader {
                        title: format!("{framework} {item}"),
                        text: shown.unwrap_or_else(|| entry.text.clone()),
                        scroll: 0,
                    });
                }
            }
        }
        _ => {
            if palette.query.input(key) {
                palette.refresh();
            }
        }
    }
}
