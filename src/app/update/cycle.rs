//! The register and trends screens: their commands, the form for a
//! progress update, and the answers the edge sends back.
//!
//! Long because two screens share it: the register (filters, paging, the
//! update form, opening an action's session) and the trends window.

use super::*;
use crate::app::cycle::{FilterKey, TrendsData, TrendsState, TrendsView, UpdateField, UpdateForm};
use crate::app::view;

/// Leave whatever is open (saving it) and show the register.
pub(super) fn show_register(app: &mut App, effects: &mut Vec<Effect>) {
    leave_session(app, effects);
    app.screen = Screen::Register(Box::default());
    effects.push(Effect::LoadRegister(Box::default()));
}

/// Leave whatever is open (saving it) and show a framework's trends: the
/// open session's framework, else the workshop framework.
pub(super) fn show_trends(app: &mut App, effects: &mut Vec<Effect>) {
    let wanted = app.workspace().map_or_else(
        || "hmie-cp-2009".to_owned(),
        |ws| ws.session.framework.clone(),
    );
    leave_session(app, effects);
    let framework = app
        .library
        .frameworks
        .iter()
        .position(|(f, _)| f.id == wanted)
        .unwrap_or(0);
    let state = TrendsState {
        framework,
        ..TrendsState::default()
    };
    load_trends(&app.library, app.size, &state, 0, effects);
    app.screen = Screen::Trends(Box::new(state));
}

/// Ask for the window of sessions `skip` back from the newest, as many as
/// the screen's widest view shows.
fn load_trends(
    library: &crate::content::library::Library,
    size: (u16, u16),
    state: &TrendsState,
    skip: usize,
    effects: &mut Vec<Effect>,
) {
    if let Some(query) = state.query(library, skip, view::trends_window(size)) {
        effects.push(Effect::LoadTrends(Box::new(query)));
    }
}

/// After a resize: read a window the new size fills.
pub(super) fn trends_resized(app: &App, effects: &mut Vec<Effect>) {
    if let Screen::Trends(state) = &app.screen
        && let Some(data) = &state.data
        && data.query.take != view::trends_window(app.size)
    {
        load_trends(&app.library, app.size, state, data.query.skip, effects);
    }
}

fn leave_session(app: &mut App, effects: &mut Vec<Effect>) {
    if app.workspace().is_some() {
        close_editor_if_open(app, effects);
        save_now(app, effects);
        effects.push(Effect::Close);
    }
}

fn go_home(app: &mut App, effects: &mut Vec<Effect>) {
    app.screen = Screen::Home;
    effects.push(Effect::LoadHome);
}

pub(super) fn register_loaded(
    app: &mut App,
    page: crate::index::register::Page,
    filter: crate::app::cycle::RegisterFilter,
    cursor: usize,
    problems: Vec<String>,
) {
    if let Screen::Register(state) = &mut app.screen {
        state.rows = page.rows;
        state.offset = page.offset;
        state.shown = page.shown;
        state.total = page.total;
        state.filter = filter;
        state.cursor = cursor;
        state.problems = problems;
        state.loaded = true;
    }
}

pub(super) fn trends_loaded(app: &mut App, data: TrendsData, effects: &mut Vec<Effect>) {
    let items = {
        let Screen::Trends(state) = &mut app.screen else {
            return;
        };
        // An answer to an older question (a key pressed since) is dropped.
        if state.framework_id(&app.library) != Some(data.query.framework.as_str())
            || state.locality != data.query.locality
        {
            return;
        }
        // A locality no session records any more: show every locality.
        let gone = state
            .locality
            .as_ref()
            .is_some_and(|l| !data.page.localities.contains(l));
        state.data = Some(data);
        if gone {
            state.locality = None;
            state.cursor = 0;
            load_trends(&app.library, app.size, state, 0, effects);
            return;
        }
        state.items(&app.library).len()
    };
    if let Screen::Trends(state) = &mut app.screen {
        state.cursor = state.cursor.min(items.saturating_sub(1));
    }
}

pub(super) fn action_updated(
    app: &mut App,
    result: Result<String, String>,
    effects: &mut Vec<Effect>,
) {
    let Screen::Register(state) = &mut app.screen else {
        // Home and the history show the action's status: read them again.
        if result.is_ok() && matches!(app.screen, Screen::Home | Screen::History { .. }) {
            effects.push(Effect::LoadHome);
        }
        app.notice = Some(result.unwrap_or_else(|e| e));
        return;
    };
    match result {
        Ok(said) => {
            state.form = None;
            app.notice = Some(said);
            effects.push(Effect::LoadRegister(Box::new(state.query(None))));
        }
        Err(why) => match state.form.as_mut() {
            Some(form) => form.error = Some(why),
            None => app.notice = Some(why),
        },
    }
}

/// Keys a text field of the update form takes as typing.
pub(super) fn update_form_takes_key(field: UpdateField, key: KeyEvent) -> bool {
    field.is_text()
        && !matches!(
            key.code,
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc | KeyCode::Enter
        )
        && !key
            .modifiers
            .contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
}

pub(super) fn update_form_key(app: &mut App, key: KeyEvent) {
    let Screen::Register(state) = &mut app.screen else {
        return;
    };
    let Some(form) = state.form.as_mut() else {
        return;
    };
    match form.field {
        UpdateField::Date => {
            form.date.input(key);
        }
        UpdateField::Note => {
            form.note.input(key);
        }
        UpdateField::Status | UpdateField::Save => {}
    }
    form.error = None;
}

pub(super) fn register_paste(app: &mut App, text: &str) {
    if let Screen::Register(state) = &mut app.screen
        && let Some(form) = state.form.as_mut()
    {
        let flat = text.replace("\r\n", "\n");
        match form.field {
            UpdateField::Date => {
                form.date.insert_str(flat.trim());
            }
            UpdateField::Note => {
                form.note.insert_str(flat);
            }
            UpdateField::Status | UpdateField::Save => {}
        }
    }
}

pub(super) fn register_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let today = app.today();
    let page = usize::from(app.size.1 / 2).max(1);
    let Screen::Register(state) = &mut app.screen else {
        return;
    };
    if state.form.is_some() {
        return form_command(app, command, effects);
    }
    let last = state.shown.saturating_sub(1);
    let height = view::register_list_height(app.size, false);
    match command {
        Command::Up => state.cursor = state.cursor.saturating_sub(1),
        Command::Down => state.cursor = (state.cursor + 1).min(last),
        Command::PageUp => state.cursor = state.cursor.saturating_sub(page),
        Command::PageDown => state.cursor = (state.cursor + page).min(last),
        Command::Top => state.cursor = 0,
        Command::Bottom => state.cursor = last,
        Command::FilterOwner => return step_filter(state, FilterKey::Owner, effects),
        Command::FilterStatus => return step_filter(state, FilterKey::Status, effects),
        Command::FilterDue => return step_filter(state, FilterKey::Due, effects),
        Command::FilterFramework => return step_filter(state, FilterKey::Framework, effects),
        Command::FilterItem => return step_filter(state, FilterKey::Item, effects),
        Command::FilterSession => return step_filter(state, FilterKey::Session, effects),
        Command::ClearFilters => {
            state.filter = Default::default();
            state.cursor = 0;
            effects.push(Effect::LoadRegister(Box::new(state.query(None))));
            return;
        }
        Command::AddUpdate => {
            if let Some(row) = state.selected(today) {
                state.form = Some(UpdateForm::new(today, row.status));
            }
        }
        Command::Activate => {
            if let Some(row) = state.selected(today) {
                // A milestone opens at the priority it belongs to.
                app.open_at = Some(row.parent.clone().unwrap_or_else(|| row.id.clone()));
                effects.push(Effect::Open(row.session_id.clone()));
            }
        }
        Command::Back => return go_home(app, effects),
        _ => {}
    }
    // The rows now in view: asked of the edge if the page held lacks them.
    if let Screen::Register(state) = &app.screen {
        let from = view::register_scroll(state.cursor, height);
        if !state.holds(from, from + usize::from(height)) {
            effects.push(Effect::LoadRegister(Box::new(state.query(None))));
        }
    }
}

fn step_filter(
    state: &mut crate::app::cycle::RegisterState,
    key: FilterKey,
    effects: &mut Vec<Effect>,
) {
    let query = state.step_filter(key);
    effects.push(Effect::LoadRegister(Box::new(query)));
}

fn form_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let today = app.today();
    let Screen::Register(state) = &mut app.screen else {
        return;
    };
    let target = state.selected(today).map(ActionRow::reference);
    let Some(form) = state.form.as_mut() else {
        return;
    };
    match command {
        Command::NextField | Command::Down => form.move_field(true),
        Command::PreviousField | Command::Up => form.move_field(false),
        Command::Left | Command::Right if form.field == UpdateField::Status => {
            form.step_status(command == Command::Right)
        }
        Command::Toggle if form.field == UpdateField::Status => form.step_status(true),
        Command::Back => state.form = None,
        Command::Activate => match (form.update(), target) {
            (Ok(update), Some(target)) => effects.push(Effect::UpdateAction { target, update }),
            (Err(why), _) => form.error = Some(why),
            (Ok(_), None) => state.form = None,
        },
        _ => {}
    }
}

pub(super) fn trends_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let items = match &app.screen {
        Screen::Trends(state) => state.items(&app.library).len(),
        _ => return,
    };
    let frameworks = app.library.frameworks.len().max(1);
    let Screen::Trends(state) = &mut app.screen else {
        return;
    };
    match command {
        Command::Up => state.cursor = state.cursor.saturating_sub(1),
        Command::Down => state.cursor = (state.cursor + 1).min(items.saturating_sub(1)),
        Command::Top => state.cursor = 0,
        Command::Bottom => state.cursor = items.saturating_sub(1),
        Command::Left | Command::Right => {
            let step = if command == Command::Right {
                1
            } else {
                frameworks - 1
            };
            state.framework = (state.framework + step) % frameworks;
            state.data = None;
            state.locality = None;
            state.cursor = 0;
            load_trends(&app.library, app.size, state, 0, effects);
        }
        Command::PageUp | Command::PageDown => {
            let (total, skip) = state.counts();
            let step = view::trends_shown(app.size, state.view);
            let skip = if command == Command::PageUp {
                if skip + step >= total {
                    return;
                }
                skip + step
            } else if skip == 0 {
                return;
            } else {
                skip.saturating_sub(step)
            };
            load_trends(&app.library, app.size, state, skip, effects);
        }
        Command::ShowSpread | Command::ShowBars => {
            let view = if command == Command::ShowSpread {
                TrendsView::Spread
            } else {
                TrendsView::Bars
            };
            state.view = if state.view == view {
                TrendsView::Grid
            } else {
                view
            };
        }
        Command::StepLocality => {
            state.step_locality();
            state.cursor = 0;
            load_trends(&app.library, app.size, state, 0, effects);
        }
        Command::Back => go_home(app, effects),
        _ => {}
    }
}

/// Show the action with this id in the session just opened: phase 3 of
/// the first item the priority serves, the cursor on its statement.
pub(super) fn land_on(app: &App, ws: &mut Workspace, id: &str) {
    let Some(p) = ws.session.priorities.iter().position(|p| p.id == id) else {
        return;
    };
    if ws.session.kind == SessionKind::DailyReview || ws.session.items.is_empty() {
        return;
    }
    let served = ws.session.priorities[p].serves.first();
    let item = served
        .and_then(|s| ws.session.items.iter().position(|r| r.item == *s))
        .unwrap_or(0);
    ws.stage = Stage::Walk {
        item,
        phase: Phase::Can,
    };
    ws.timer = crate::app::timer::Timer::start(
        crate::app::phase_minutes(&ws.session.timers, ws.stage),
        app.now,
    );
    let list = rows::rows(&app.library, ws, app.present);
    let statement = Row::Text(crate::app::fields::TextField::PriorityStatement(p));
    if let Some(at) = list.iter().position(|r| *r == statement) {
        ws.record_cursor = at;
    }
}

use crate::session::register::ActionRow;

pub(super) fn earlier_loaded(
    app: &mut App,
    result: Result<Box<crate::app::cycle::Earlier>, String>,
) {
    let now = app.now;
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    match result {
        Ok(earlier) => {
            // The review opens while any of last time's priorities is
            // still open; once each is marked it is not asked again.
            let open = earlier.priorities.iter().position(|p| p.status.is_open());
            if let Some(first) = open
                && ws.read_only.is_none()
            {
                let mut review = crate::app::cycle::Review::new();
                review.cursor = first;
                ws.review = Some(review);
            }
            carry_people(ws, &earlier, now);
            ws.earlier = Some(earlier);
        }
        Err(why) => {
            app.notice = Some(format!(
                "The session this one follows could not be read: {why}"
            ));
        }
    }
}

/// The same supervisee (and supervisor) as last time, where this
/// supervision of the series names nobody yet.
fn carry_people(ws: &mut Workspace, earlier: &crate::app::cycle::Earlier, now: jiff::Timestamp) {
    let (Some((supervisee, supervisor)), None) = (&earlier.people, &ws.read_only) else {
        return;
    };
    if ws.session.kind != SessionKind::Supervision {
        return;
    }
    let record = ws.session.supervision.get_or_insert_with(Default::default);
    if record.supervisee.is_empty() && record.supervisor.is_empty() {
        record.supervisee = supervisee.clone();
        record.supervisor = supervisor.clone();
        touch(ws, now);
    }
}

pub(super) fn review_takes_key(key: KeyEvent) -> bool {
    !matches!(key.code, KeyCode::Tab | KeyCode::Esc | KeyCode::Enter)
        && !key
            .modifiers
            .contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
}

pub(super) fn review_key(app: &mut App, key: KeyEvent) {
    if let Some(review) = app.workspace_mut().and_then(|ws| ws.review.as_mut()) {
        review.note.input(key);
    }
}

pub(super) fn review_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    if command == Command::LastReflections {
        return super::session::session_command(app, command, effects);
    }
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let count = ws.earlier.as_ref().map_or(0, |e| e.priorities.len());
    let Some(review) = ws.review.as_mut() else {
        return;
    };
    match command {
        Command::Up => review.cursor = review.cursor.saturating_sub(1),
        Command::Down => review.cursor = (review.cursor + 1).min(count.saturating_sub(1)),
        Command::SwitchPane => review.writing = !review.writing,
        Command::MarkDone => mark(app, PriorityStatus::Done, effects),
        Command::MarkDropped => mark(app, PriorityStatus::Dropped, effects),
        Command::MarkCarried => mark(app, PriorityStatus::CarriedForward, effects),
        Command::FinishReview => {
            ws.review = None;
            app.notice = Some(if ws.session.kind == SessionKind::Supervision {
                crate::app::text::supervision::REVIEW_FINISHED.into()
            } else {
                "Review finished: phase 1".into()
            });
        }
        Command::Back => {
            save_now(app, effects);
            effects.push(Effect::Close);
            go_home(app, effects);
        }
        _ => {}
    }
}

/// Mark last time's chosen priority. Done and dropped are saved into the
/// earlier session's file; carried forward also gives this session a new
/// priority that links to it (nothing copied, so the log stays whole).
fn mark(app: &mut App, status: PriorityStatus, effects: &mut Vec<Effect>) {
    let today = app.today();
    let now = app.now;
    let new_id = app.new_id();
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let (Some(earlier), Some(review)) = (ws.earlier.as_mut(), ws.review.as_mut()) else {
        return;
    };
    let Some(row) = earlier.priorities.get_mut(review.cursor) else {
        return;
    };
    if !row.status.is_open() {
        app.notice = Some(format!("Already marked {}", row.status.label()));
        return;
    }
    let update = ProgressUpdate {
        date: today,
        status,
        note: review.note.lines().join("\n").trim().to_owned(),
        impact: None,
    };
    review.note = crate::app::cycle::Review::new().note;
    review.writing = false;
    row.status = status;
    row.history.push(crate::session::register::LoggedUpdate {
        on: row.reference(),
        update: update.clone(),
    });
    let target = row.reference();
    let carried = (status == PriorityStatus::CarriedForward).then(|| {
        let mut linked = crate::session::model::Priority::new(new_id);
        linked.carries = Some(target.clone());
        linked.serves = row.items.clone();
        linked
    });
    let next = earlier.priorities.iter().position(|p| p.status.is_open());
    match next {
        Some(at) => review.cursor = at,
        None => ws.review = None,
    }
    if let Some(linked) = carried {
        ws.session.priorities.push(linked);
        touch(ws, now);
    }
    if next.is_none() {
        let supervision = app
            .workspace()
            .is_some_and(|ws| ws.session.kind == SessionKind::Supervision);
        app.notice = Some(if supervision {
            crate::app::text::supervision::REVIEW_FINISHED.into()
        } else {
            "Every priority from last time is marked: on to phase 1".into()
        });
    }
    effects.push(Effect::UpdateAction { target, update });
    save_now(app, effects);
}

use crate::session::model::{PriorityStatus, ProgressUpdate};
