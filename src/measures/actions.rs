//! Priorities agreed in Turning the Curve worksheets, as rows of the
//! actions register, each linked to its measure.

use super::model::{Measure, MeasureRegister, Worksheet};
use super::reading;
use crate::content::module5::FRAMEWORK;
use crate::session::model::{ActionRef, Priority, ProgressUpdate};
use crate::session::register::{ActionKind, ActionRow, LoggedUpdate};

/// The owner named in a row's session column: `measures:<measure id>`.
pub fn owner_of(measure: &Measure) -> String {
    format!("measures:{}", measure.id)
}

fn history(owner: &str, id: &str, log: &[ProgressUpdate]) -> Vec<LoggedUpdate> {
    log.iter()
        .map(|update| LoggedUpdate {
            on: ActionRef {
                session: owner.to_owned(),
                action: id.to_owned(),
            },
            update: update.clone(),
        })
        .collect()
}

fn rows_of(measure: &Measure, sheet: &Worksheet, priority: &Priority) -> Vec<ActionRow> {
    let owner = owner_of(measure);
    let row = ActionRow {
        id: priority.id.clone(),
        session_id: owner.clone(),
        session_title: format!("Turning the Curve {}: {}", sheet.date, measure.title),
        session_date: sheet.date,
        kind: ActionKind::Priority,
        framework: FRAMEWORK.to_owned(),
        items: measure.area.iter().cloned().collect(),
        text: priority.statement.clone(),
        owner: priority.owner.clone(),
        due: priority.deadline,
        status: priority.status,
        done_on: priority.done_on,
        parent: None,
        carries: priority.carries.clone(),
        history: history(&owner, &priority.id, &priority.log),
        measure: Some(measure.id.clone()),
    };
    let milestones = priority.milestones.iter().map(|m| ActionRow {
        id: m.id.clone(),
        kind: ActionKind::Milestone,
        text: m.text.clone(),
        due: m.date,
        status: m.status,
        done_on: m.done_on,
        parent: Some(priority.id.clone()),
        carries: None,
        history: history(&owner, &m.id, &m.log),
        ..row.clone()
    });
    let mut rows = vec![row.clone()];
    rows.extend(milestones);
    rows
}

/// Every worksheet priority (and milestone) in the register.
pub fn action_rows(register: &MeasureRegister) -> Vec<ActionRow> {
    register
        .measures
        .iter()
        .flat_map(|m| {
            m.worksheets
                .iter()
                .flat_map(move |w| w.priorities.iter().flat_map(move |p| rows_of(m, w, p)))
        })
        .collect()
}

/// A linked measure as the actions register shows it: title, latest
/// value with its period, and the change since the baseline.
pub fn latest_words(register: &MeasureRegister, measure_id: &str) -> Option<String> {
    let m = register.measures.iter().find(|m| m.id == measure_id)?;
    let latest = m.latest().map_or_else(
        || "no value yet".to_owned(),
        |v| format!("{} {}", v.period, reading::figure(v.figure, m.unit)),
    );
    let change = reading::change_words(m).map_or_else(String::new, |c| format!(", {c}"));
    Some(format!("{}: {latest}{change}", m.title))
}
