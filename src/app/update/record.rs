//! The record pane: levels, choices, toggles, text fields, evidence and
//! priorities.

use super::*;

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
                // Arrows never change a level: a level changes only by
                // its digit, so a stray arrow cannot alter a judgement.
                Some(Row::Level) | Some(Row::ParticipantLevel(_)) => {
                    app.notice = Some(
                        crate::app::text::LEVEL_BY_DIGIT
                            .replace("{range}", &format!("1-{max_level}")),
                    );
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
            Some(Row::Button(Button::AddCase)) => add_case(app, effects),
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
    let count = ws.session.priorities.len();
    if count > crate::app::text::PRIORITIES_CAP {
        app.notice = Some(crate::app::text::too_many_priorities(count));
    }
    let _ = effects;
    keep_cursor_visible(app);
}
