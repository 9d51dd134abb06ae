//! The record pane: levels, choices, toggles, text fields, evidence and
//! priorities.
//!
//! Long because every kind of record row (levels, criteria, choices,
//! evidence, priorities, cases) answers the same keys, and one file keeps
//! the read-only and private rules the same for all of them.

use super::*;
use crate::session::model::CriterionState;

pub(super) fn record_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let before = app.workspace().and_then(|ws| {
        rows::rows(&app.library, ws, app.present)
            .get(ws.record_cursor)
            .cloned()
    });
    let changes_choice = matches!(
        command,
        Command::Toggle | Command::Activate | Command::Left | Command::Right
    ) && matches!(before, Some(Row::Choice(_) | Row::Toggle(..)));
    change_record(app, command, effects);
    // A choice can add or remove a warning line above it: the cursor
    // stays on its field, wherever that field now is.
    if changes_choice && let Some(row) = before {
        let list = app
            .workspace()
            .map(|ws| rows::rows(&app.library, ws, app.present))
            .unwrap_or_default();
        if let Some(at) = list.iter().position(|r| *r == row)
            && let Some(ws) = app.workspace_mut()
        {
            ws.record_cursor = at;
        }
        keep_cursor_visible(app);
    }
}

fn change_record(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
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
            | Command::CriterionMet
            | Command::CriterionPartlyMet
            | Command::CriterionNotMet
            | Command::CriterionNotYetKnown
            | Command::CriterionEvidence
            | Command::CriterionAudit
    );
    if changes_something && let Some(reason) = read_only {
        app.notice = Some(format!("Read-only: {reason}"));
        return;
    }
    match command {
        Command::Up
        | Command::Down
        | Command::PageDown
        | Command::Bottom
        | Command::PageUp
        | Command::Top => move_cursor(ws, &list, &command),
        Command::SetLevel(level) => {
            if level == 0 || level > max_level {
                app.notice = Some(format!("Levels run from 1 to {max_level}"));
                return;
            }
            set_level(ws, item, row, Some(level), now);
        }
        Command::ClearLevel => set_level(ws, item, row, None, now),
        Command::Left | Command::Right => {
            if let Some(notice) = arrow(ws, row, command == Command::Right, max_level, now) {
                app.notice = Some(notice);
            }
        }
        Command::CriterionMet
        | Command::CriterionPartlyMet
        | Command::CriterionNotMet
        | Command::CriterionNotYetKnown
        | Command::CriterionEvidence
        | Command::CriterionAudit => {
            let Some(Row::Criterion(at)) = row else {
                app.notice = Some(crate::app::text::CHOOSE_A_CRITERION.into());
                return;
            };
            criterion_command(ws, command, at, now);
        }
        Command::Toggle => toggle_row(ws, item, row, now),
        Command::Activate => match row {
            Some(Row::Text(field)) => open_editor(ws, field),
            Some(Row::Criterion(at)) => open_editor(ws, TextField::CriterionNote(at)),
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
            Some(Row::Choice(_) | Row::Toggle(..)) => toggle_row(ws, item, row, now),
            Some(Row::Button(button)) => press(app, button, effects),
            _ => {}
        },
        Command::DeleteSelected => ask_delete(app, row.as_ref()),
        _ => {}
    }
}

/// A digit sets the group's level, or a participant's on their row; with
/// `None`, clears it.
fn set_level(
    ws: &mut Workspace,
    item: Option<usize>,
    row: Option<Row>,
    level: Option<u8>,
    now: Timestamp,
) {
    let Some(item) = item else { return };
    match row {
        Some(Row::ParticipantLevel(p)) => set_participant_level(ws, item, p, level),
        // Clearing on a criterion's row clears the criterion, not the level.
        Some(Row::Criterion(at)) if level.is_none() => {
            set_criterion(ws, &at, CriterionState::NotYetKnown)
        }
        _ => ws.session.items[item].level = level,
    }
    touch(ws, now);
}

/// ←/→ on a row: a choice moves; on a level, the notice (returned) says
/// levels change only by their digit, so a stray arrow cannot alter a
/// judgement.
fn arrow(
    ws: &mut Workspace,
    row: Option<Row>,
    forward: bool,
    max_level: u8,
    now: Timestamp,
) -> Option<String> {
    match row {
        Some(Row::Choice(choice)) => {
            choice.cycle(&mut ws.session, forward);
            touch(ws, now);
            None
        }
        Some(Row::Level) | Some(Row::ParticipantLevel(_)) => {
            Some(crate::app::text::LEVEL_BY_DIGIT.replace("{range}", &format!("1-{max_level}")))
        }
        _ => None,
    }
}

/// Space: a choice moves on, a toggle flips, a question is marked
/// discussed (or not).
/// A criterion's own keys: its state, or its evidence and audit fields.
fn criterion_command(
    ws: &mut Workspace,
    command: Command,
    at: crate::app::fields::CriterionAt,
    now: Timestamp,
) {
    match command {
        Command::CriterionMet => set_criterion(ws, &at, CriterionState::Met),
        Command::CriterionPartlyMet => set_criterion(ws, &at, CriterionState::PartlyMet),
        Command::CriterionNotMet => set_criterion(ws, &at, CriterionState::NotMet),
        Command::CriterionNotYetKnown => set_criterion(ws, &at, CriterionState::NotYetKnown),
        Command::CriterionEvidence => open_editor(ws, TextField::CriterionEvidence(at)),
        _ => open_editor(ws, TextField::CriterionAudit(at)),
    }
    touch(ws, now);
}

fn toggle_row(ws: &mut Workspace, item: Option<usize>, row: Option<Row>, now: Timestamp) {
    match row {
        Some(Row::Criterion(at)) => {
            let kept = crate::app::fields::criterion_mut(&mut ws.session, &at)
                .map(|c| c.state)
                .unwrap_or_default();
            let all = CriterionState::ALL;
            let at_state = all.iter().position(|s| *s == kept).unwrap_or(0);
            set_criterion(ws, &at, all[(at_state + 1) % all.len()]);
            touch(ws, now);
        }
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
                let note = crate::app::fields::question_note_mut(
                    &mut ws.session.items[item].questions,
                    &area,
                    &question,
                );
                note.discussed = !note.discussed;
                touch(ws, now);
            }
        }
        _ => {}
    }
}

fn press(app: &mut App, button: Button, effects: &mut Vec<Effect>) {
    match button {
        Button::AddEvidence => add_evidence(app, None, effects),
        Button::AddPriority => add_priority(app, None, None, effects),
        Button::AddCase => add_case(app, effects),
        Button::Export => session_command(app, Command::Export, effects),
    }
}

/// Delete asks first, naming what goes with the evidence or priority.
fn ask_delete(app: &mut App, row: Option<&Row>) {
    let question = if let Some(row) = row {
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
        app.notice = Some("Choose a row of an evidence item or a priority to delete it".into());
    }
}

/// Move the record cursor between selectable rows.
fn move_cursor(ws: &mut Workspace, list: &[Row], command: &Command) {
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
            let jump = if *command == Command::Bottom {
                list.len()
            } else {
                8
            };
            let target = (ws.record_cursor + jump).min(list.len().saturating_sub(1));
            if let Some(at) = rows::nearest_selectable(list, target, false) {
                ws.record_cursor = at;
            }
        }
        Command::PageUp | Command::Top => {
            let target = if *command == Command::Top {
                0
            } else {
                ws.record_cursor.saturating_sub(8)
            };
            if let Some(at) = rows::nearest_selectable(list, target, true) {
                ws.record_cursor = at;
            }
            if *command == Command::Top {
                ws.record_scroll = 0;
            }
        }
        _ => {}
    }
}

pub(super) fn set_participant_level(
    ws: &mut Workspace,
    item: usize,
    participant: usize,
    level: Option<u8>,
) {
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

fn set_criterion(ws: &mut Workspace, at: &crate::app::fields::CriterionAt, state: CriterionState) {
    if let Some(c) = crate::app::fields::criterion_mut(&mut ws.session, at) {
        c.state = state;
    }
}

pub(super) fn open_editor(ws: &mut Workspace, field: TextField) {
    ws.editor = Some(Editor::open(field, &ws.session));
}

pub(super) fn add_evidence(
    app: &mut App,
    suggestion: Option<(InformationKind, String)>,
    effects: &mut Vec<Effect>,
) {
    let now = app.now;
    if !writable(app) {
        return;
    }
    let evidence_id = app.new_id();
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let Some(item) = ws.item_index() else { return };
    // No source until one is chosen (or the suggestion names one): an
    // untouched item must not pass for children's views.
    let source = suggestion
        .as_ref()
        .map_or(EvidenceSource::Unset, |(_, d)| guess_source(d));
    let (information, description) =
        suggestion.unwrap_or((InformationKind::Quality, String::new()));
    ws.session.items[item].evidence.push(Evidence {
        id: evidence_id,
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
    let Some(ws) = cursor_to_field(app, TextField::EvidenceDescription(item, index)) else {
        return;
    };
    if description.is_empty() {
        open_editor(ws, TextField::EvidenceDescription(item, index));
    } else {
        app.notice = Some("Evidence added from the suggestion: set its source and date".into());
        save_now(app, effects);
    }
    keep_cursor_visible(app);
}

/// Put the record cursor on a text field's row (the first row if it is not
/// shown), for the field just added.
fn cursor_to_field(app: &mut App, field: TextField) -> Option<&mut Workspace> {
    let list = rows::rows(&app.library, app.workspace()?, app.present);
    let target = Row::Text(field);
    let ws = app.workspace_mut()?;
    ws.record_cursor = list.iter().position(|r| *r == target).unwrap_or(0);
    Some(ws)
}

/// A Module 4 source usually names who it comes from.
pub(super) fn guess_source(description: &str) -> EvidenceSource {
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
    } else if d.contains("data")
        || d.contains("performance")
        || d.contains("management information")
    {
        EvidenceSource::ManagementInformation
    } else {
        EvidenceSource::Unset
    }
}

/// A new case discussion in a supervision, its reference being written.
pub(super) fn add_case(app: &mut App, effects: &mut Vec<Effect>) {
    let now = app.now;
    if !writable(app) {
        return;
    }
    let id = app.new_id();
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let record = ws.session.supervision.get_or_insert_with(Default::default);
    record.cases.push(crate::session::model::CaseDiscussion {
        id,
        ..Default::default()
    });
    let field = TextField::CaseReference(record.cases.len() - 1);
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
    ws.record_cursor = list
        .iter()
        .position(|r| *r == Row::Text(field.clone()))
        .unwrap_or(0);
    open_editor(ws, field);
    save_now(app, effects);
}

pub(super) fn add_priority(
    app: &mut App,
    statement: Option<String>,
    measure: Option<String>,
    effects: &mut Vec<Effect>,
) {
    let now = app.now;
    if !writable(app) {
        return;
    }
    let priority_id = app.new_id();
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let serves: Vec<String> = ws
        .item_index()
        .map(|i| vec![ws.session.items[i].item.clone()])
        .unwrap_or_default();
    ws.session.priorities.push(Priority {
        statement: statement.clone().unwrap_or_default(),
        measure_of_success: measure.unwrap_or_default(),
        serves,
        ..Priority::new(priority_id)
    });
    let index = ws.session.priorities.len() - 1;
    touch(ws, now);
    ws.focus = Pane::Record;
    let field = if statement.is_some() {
        TextField::PriorityOwner(index)
    } else {
        TextField::PriorityStatement(index)
    };
    let Some(ws) = cursor_to_field(app, field.clone()) else {
        return;
    };
    open_editor(ws, field);
    let count = ws.session.priorities.len();
    if count > crate::app::text::PRIORITIES_CAP {
        app.notice = Some(crate::app::text::too_many_priorities(count));
    }
    let _ = effects;
    keep_cursor_visible(app);
}
