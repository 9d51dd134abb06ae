//! Moving through a session: phases, items, the summary, and the
//! commands that apply to the whole session.

use super::*;
use crate::content::library::Library;

pub(super) fn session_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
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
            if ws.session.kind == SessionKind::Supervision =>
        {
            return next_question(app, command == Command::NextItem);
        }
        Command::NextPhase | Command::PreviousPhase
            if ws.session.kind == SessionKind::Supervision =>
        {
            let forward = command == Command::NextPhase;
            let stage = crate::app::supervision::step(ws.stage, forward, items);
            if stage != ws.stage {
                go_to(app, stage, effects);
            }
            return;
        }
        Command::AddCase => {
            add_case(app, effects);
            return;
        }
        Command::ToggleRating => return super::rating::toggle_rating(app, effects),
        Command::StopRating { item } => return super::rating::stop_rating(app, item, effects),
        Command::LastReflections => {
            app.overlay = Some(crate::app::Overlay::Reader {
                title: crate::app::text::supervision::LAST_TIME_TITLE.into(),
                text: match &ws.earlier {
                    Some(earlier) => {
                        crate::app::supervision::reflections_text(&earlier.reflections)
                    }
                    None => crate::app::text::supervision::NO_EARLIER.into(),
                },
                scroll: 0,
            });
            return;
        }
        Command::NextPhase
        | Command::PreviousPhase
        | Command::NextItem
        | Command::PreviousItem
        | Command::Summary => {
            let stage = next_stage(ws.stage, &command, items);
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
        Command::AnotherQuestion
        | Command::FreeWriting
        | Command::ToggleTimer
        | Command::AddMinute
            if ws.past_day =>
        {
            app.notice = Some(crate::app::text::PAST_DAY_NO_QUESTION.into());
            return;
        }
        Command::AddMinute => ws.timer.add_minute(),
        Command::EditPastDay => edit_past_day(ws, now),
        Command::RemoveMinute => ws.timer.remove_minute(),
        Command::MorePhaseMinutes => return phase_minutes(app, true, effects),
        Command::FewerPhaseMinutes => return phase_minutes(app, false, effects),
        Command::AnotherQuestion => return another_question(app, effects),
        Command::FreeWriting => return free_writing(app, effects),
        Command::FinishDaily => return finish_daily(app, effects),
        Command::CycleFraming => cycle_framing(ws, now),
        Command::Reveal => return reveal(app),
        Command::ToggleTimer => ws.timer.toggle(now),
        Command::NextTab => next_tab(&app.library, ws),
        Command::NoLevelHere => app.notice = no_level_notice(app),
        Command::RateFirst => super::rating::rate_first(app),
        Command::DeleteEvidence { item, index } => {
            if let Some(record) = ws.session.items.get_mut(item)
                && index < record.evidence.len()
            {
                record.evidence.remove(index);
                changed_and_saved(app, effects);
            }
        }
        Command::DeletePriority { index } => {
            if index < ws.session.priorities.len() {
                ws.session.priorities.remove(index);
                changed_and_saved(app, effects);
            }
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
        // The summary's overview scrolls a line at a time.
        _ if (ws.focus, ws.stage) == (Pane::Reference, Stage::Summary) => {
            let page = usize::from(app.size.1 / 2);
            return scroll_summary(ws, command, page);
        }
        _ if ws.focus == Pane::Reference => reference_command(app, command, effects),
        _ => record_command(app, command, effects),
    }
    settle(app);
}

/// A supervision's next or previous question in the area, remembered in
/// the session so that coming back to the area (or reopening) returns to it.
fn next_question(app: &mut App, forward: bool) {
    let now = app.now;
    let library = &app.library;
    let Screen::Session(ws) = &mut app.screen else {
        return;
    };
    let Some(item) = ws.item_index().filter(|_| ws.phase() == Some(Phase::Now)) else {
        return;
    };
    let count = crate::app::supervision::questions(library, &ws.session, item).len();
    ws.question_index = if forward {
        (ws.question_index + 1).min(count.saturating_sub(1))
    } else {
        ws.question_index.saturating_sub(1)
    };
    ws.record_cursor = 0;
    ws.record_scroll = 0;
    remember_question(ws, now);
    settle(app);
}

/// Keep the area's question in the session (not in a read-only one).
fn remember_question(ws: &mut Workspace, now: jiff::Timestamp) {
    let (Some(item), None) = (ws.item_index(), &ws.read_only) else {
        return;
    };
    let Some(area) = ws.session.items.get(item).map(|r| r.item.clone()) else {
        return;
    };
    let record = ws.session.supervision.get_or_insert_with(Default::default);
    if record.question_at(&area) != ws.question_index {
        record.keep_question(&area, ws.question_index);
        touch(ws, now);
    }
}

fn edit_past_day(ws: &mut Workspace, now: Timestamp) {
    // Only the past-day lock lifts: a lock for any other reason
    // (another copy open, a newer format) stays.
    if ws.past_day && ws.read_only.as_deref() == Some(crate::app::text::PAST_DAY_READ_ONLY) {
        ws.read_only = None;
        ws.save = SaveStatus::Saved(now);
    }
}

fn cycle_framing(ws: &mut Workspace, now: Timestamp) {
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

/// R: show or hide the item's recorded level (nothing when read-only).
fn reveal(app: &mut App) {
    let now = app.now;
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
    settle(app);
}

fn next_tab(library: &Library, ws: &mut Workspace) {
    let tabs = reference::tabs(library, ws).len().max(1);
    ws.reference_tab = (ws.reference_tab + 1) % tabs;
    ws.reference_cursor = 0;
    ws.reference_scroll = 0;
}

/// After a deletion: the session changed, and is saved at once.
pub(super) fn changed_and_saved(app: &mut App, effects: &mut Vec<Effect>) {
    let now = app.now;
    if let Some(ws) = app.workspace_mut() {
        touch(ws, now);
    }
    save_now(app, effects);
}

fn scroll_summary(ws: &mut Workspace, command: Command, page: usize) {
    ws.reference_scroll = match command {
        Command::Down => ws.reference_scroll + 1,
        Command::Up => ws.reference_scroll.saturating_sub(1),
        Command::PageDown => ws.reference_scroll + page,
        Command::PageUp => ws.reference_scroll.saturating_sub(page),
        Command::Top => 0,
        _ => ws.reference_scroll,
    };
}

/// Where the phase, item and summary keys lead from a stage.
fn next_stage(stage: Stage, command: &Command, items: usize) -> Stage {
    match (stage, command) {
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
            None => stage,
        },
        (Stage::Summary, Command::PreviousPhase) if items > 0 => Stage::Walk {
            item: items - 1,
            phase: Phase::Can,
        },
        (Stage::Walk { item, phase }, Command::NextItem) if item + 1 < items => Stage::Walk {
            item: item + 1,
            phase,
        },
        (Stage::Walk { item, phase }, Command::PreviousItem) if item > 0 => Stage::Walk {
            item: item - 1,
            phase,
        },
        (_, Command::Summary) => Stage::Summary,
        (stage, _) => stage,
    }
}

/// The daily review's next question in place of an unanswered one.
fn another_question(app: &mut App, effects: &mut Vec<Effect>) {
    let now = app.now;
    if !writable(app) {
        return;
    }
    let pool = crate::app::daily::pool(&app.library, &app.settings.daily.focus_areas);
    let Some(question) = crate::app::daily::next_question(&pool, &mut app.settings.daily) else {
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
    save_now(app, effects);
    save_settings(app, effects);
    // The cursor on the new question, with the earlier ones above it.
    let at = app.workspace().and_then(|ws| {
        crate::app::rows::rows(&app.library, ws, app.present)
            .iter()
            .rposition(|r| matches!(r, crate::app::rows::Row::Question { .. }))
    });
    if let Some(ws) = app.workspace_mut() {
        ws.record_cursor = at.unwrap_or(0);
    }
    settle(app);
}

/// The day's free writing (one a day): made if it is not there yet, and
/// the cursor put on it, ready for Enter.
fn free_writing(app: &mut App, effects: &mut Vec<Effect>) {
    let now = app.now;
    if !writable(app) {
        return;
    }
    let free = crate::app::daily::FREE_AREA;
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let Some(record) = ws.session.items.first_mut() else {
        return;
    };
    if !record.questions.iter().any(|q| q.area == free) {
        record.questions.push(crate::session::model::QuestionNote {
            area: free.to_owned(),
            question: String::new(),
            discussed: false,
            note: String::new(),
        });
        touch(ws, now);
        save_now(app, effects);
    }
    let at = app.workspace().and_then(|ws| {
        crate::app::rows::rows(&app.library, ws, app.present)
            .iter()
            .position(|r| {
                matches!(r, crate::app::rows::Row::Text(TextField::QuestionNote { area, .. }) if area == free)
            })
    });
    if let Some(ws) = app.workspace_mut() {
        ws.record_cursor = at.unwrap_or(0);
    }
    settle(app);
}

/// The end of the daily twenty minutes: saved, and on to the history.
fn finish_daily(app: &mut App, effects: &mut Vec<Effect>) {
    let now = app.now;
    let Some(ws) = app.workspace_mut() else {
        return;
    };
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
}

/// The current phase's minutes for every indicator, five more or fewer,
/// set from the walk; the running countdown keeps its time used.
fn phase_minutes(app: &mut App, more: bool, effects: &mut Vec<Effect>) {
    let now = app.now;
    if !writable(app) {
        return;
    }
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let Some(phase) = ws.phase() else { return };
    let index = phase.number() - 1;
    let field = crate::app::fields::ChoiceField::PhaseMinutes(index);
    let before = crate::app::phase_minutes(&ws.session.timers, ws.stage);
    let added = ws.timer.added_minutes(before);
    field.cycle(&mut ws.session, more);
    let minutes = crate::app::phase_minutes(&ws.session.timers, ws.stage);
    let used = ws.timer.elapsed(now);
    let running = ws.timer.is_running();
    ws.timer = crate::app::timer::Timer::carried(minutes, added, used, now);
    if !running {
        ws.timer.pause(now);
    }
    touch(ws, now);
    app.notice = Some(format!("{}: {minutes}", field.label()));
    save_now(app, effects);
}

/// Move to a stage: save first (a screen change), reset the panes.
pub(super) fn go_to(app: &mut App, stage: Stage, effects: &mut Vec<Effect>) {
    let now = app.now;
    if let Some(ws) = app.workspace_mut() {
        // Keep the phase's clock even if the session is read-only: the
        // countdown must not restart on coming back.
        ws.keep_walk_state(now);
    }
    save_now(app, effects);
    if let Some(ws) = app.workspace_mut() {
        let same_phase = ws.stage == stage;
        ws.stage = stage;
        if !same_phase {
            ws.timer = crate::app::carried_timer(&ws.session, stage, now);
        }
        ws.reference_tab = 0;
        ws.reference_cursor = 0;
        ws.reference_scroll = 0;
        ws.record_cursor = 0;
        ws.record_scroll = 0;
        ws.illustration_level = 5;
        // A supervision's area comes back at the question it was left at.
        if let (Stage::Walk { item, .. }, Some(record)) = (stage, &ws.session.supervision) {
            ws.question_index = ws
                .session
                .items
                .get(item)
                .map_or(0, |r| record.question_at(&r.item));
        }
        if stage == Stage::Summary {
            ws.focus = Pane::Record;
        }
    }
    settle(app);
}

/// After any change: put the record cursor on a selectable row and keep
/// both cursors in view.
pub(super) fn settle(app: &mut App) {
    let target = app.workspace().map(|ws| {
        let list = rows::rows(&app.library, ws, app.present);
        rows::nearest_selectable(&list, ws.record_cursor, true).unwrap_or(0)
    });
    if let (Some(target), Some(ws)) = (target, app.workspace_mut()) {
        ws.record_cursor = target;
    }
    keep_cursor_visible(app);
}

pub(super) fn settle_record_cursor(app: &App, ws: &mut Workspace) {
    let list = rows::rows(&app.library, ws, app.present);
    if let Some(at) = rows::nearest_selectable(&list, ws.record_cursor, true) {
        ws.record_cursor = at;
    } else {
        ws.record_cursor = 0;
    }
}

/// Why the item in view takes no level, and what to record instead, with
/// the keys as the key map has them.
fn no_level_notice(app: &App) -> Option<String> {
    use crate::app::criteria::NoLevel;
    use crate::app::keys::{Scope, keys_of};
    let ws = app.workspace()?;
    let record = ws.session.items.get(ws.item_index()?)?;
    let why = crate::app::criteria::why_no_level(&app.library, &ws.session, record)?;
    let key = |command: Command| keys_of(app, Scope::WalkNowRecord, &command);
    let instead = match why {
        NoLevel::Narrative => crate::app::text::write_account_with(&key(Command::Activate)),
        NoLevel::Statement(_) | NoLevel::ByStatements => crate::app::text::mark_with(
            &key(Command::CriterionMet),
            &key(Command::CriterionPartlyMet),
            &key(Command::CriterionNotMet),
        ),
    };
    Some(crate::app::text::no_level_here(why, &instead))
}
