//! The rows of the record pane for the current stage: what the group can
//! set or write, in order. Derived from state on demand, never stored.

use super::criteria;
use super::fields::{ChoiceField, CriterionAt, TextField, ToggleField};
use super::reference::linked_questions;
use super::{Phase, Stage, Workspace};
use crate::content::library::Library;
use crate::session::model::{Framing, SessionKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    AddEvidence,
    AddPriority,
    /// A supervision's case discussion.
    AddCase,
    Export,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Not selectable: a heading.
    Heading(String),
    /// Not selectable: information, e.g. the triangulation count.
    Info {
        text: String,
        warning: bool,
    },
    /// The group's agreed level.
    Level,
    /// A participant's own level.
    ParticipantLevel(usize),
    /// The spread of participants' levels, by name (not selectable).
    Spread,
    Text(TextField),
    Choice(ChoiceField),
    Toggle(ToggleField, &'static str),
    /// A criterion or statement: Space (or its key) sets its state, Enter
    /// writes its note, `e` its evidence, `a` an audit proportion.
    Criterion(CriterionAt),
    /// A Module 3 question: Space marks it discussed, Enter edits its note.
    Question {
        area: String,
        question: String,
    },
    Button(Button),
}

impl Row {
    pub fn is_selectable(&self) -> bool {
        !matches!(self, Row::Heading(_) | Row::Info { .. } | Row::Spread)
    }

    /// The evidence item this row belongs to, if any.
    pub fn evidence(&self) -> Option<(usize, usize)> {
        match self {
            Row::Text(TextField::EvidenceDescription(i, e) | TextField::EvidenceDate(i, e))
            | Row::Choice(ChoiceField::EvidenceSource(i, e) | ChoiceField::EvidenceType(i, e))
            | Row::Toggle(ToggleField::EvidencePrivate(i, e), _) => Some((*i, *e)),
            _ => None,
        }
    }

    /// The priority this row belongs to, if any.
    pub fn priority(&self) -> Option<usize> {
        match self {
            Row::Text(
                TextField::PriorityStatement(p)
                | TextField::PriorityOwner(p)
                | TextField::PriorityDeadline(p)
                | TextField::PriorityMilestones(p)
                | TextField::PriorityMeasure(p),
            )
            | Row::Choice(ChoiceField::PriorityStatus(p)) => Some(*p),
            Row::Toggle(ToggleField::PriorityServes { priority, .. }, _) => Some(*priority),
            _ => None,
        }
    }
}

/// How the questions are worded, for the headings.
pub fn framing_label(framing: Framing) -> &'static str {
    match framing {
        Framing::AsWritten => "wording as printed",
        Framing::You => "worded 'you/your'",
        Framing::We => "worded 'we/us/our'",
    }
}

/// The words for the improvement priorities of a kind of session.
pub fn priorities_label(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Supervision => "Agreed actions",
        SessionKind::DailyReview => "A small action",
        SessionKind::Workshop => "Improvement priorities",
    }
}

/// The rows; in projector mode, private evidence is left out entirely.
pub fn rows(library: &Library, ws: &Workspace, present: bool) -> Vec<Row> {
    let session = &ws.session;
    if session.kind == SessionKind::Supervision {
        return super::supervision::rows(library, ws);
    }
    let mut rows = Vec::new();
    match ws.stage {
        Stage::Walk { item, .. } if session.items.get(item).is_none() => {}
        Stage::Walk { item, .. } if session.kind == SessionKind::DailyReview => {
            daily_rows(&mut rows, library, ws, item)
        }
        Stage::Walk {
            item,
            phase: Phase::Now,
        } => now_rows(&mut rows, library, ws, item),
        Stage::Walk {
            item,
            phase: Phase::Know,
        } => know_rows(&mut rows, ws, item, present),
        Stage::Walk {
            item,
            phase: Phase::Can,
        } => can_rows(&mut rows, ws, item),
        Stage::Summary => summary_rows(&mut rows, ws),
    }
    rows
}

/// A daily review: the day's questions and one small action.
fn daily_rows(rows: &mut Vec<Row>, library: &Library, ws: &Workspace, item: usize) {
    let session = &ws.session;
    let record = &session.items[item];
    // The day's questions, each with its reflection (another
    // question never hides what was written), and one small
    // action.
    for (n, question) in record.questions.iter().enumerate() {
        if crate::app::daily::is_free(&question.area) {
            rows.push(Row::Heading(crate::app::text::FREE_WRITING_HEADING.into()));
            rows.push(Row::Text(TextField::QuestionNote {
                item,
                area: question.area.clone(),
                question: question.question.clone(),
            }));
            continue;
        }
        let area = crate::app::daily::area_title(library, &question.area);
        rows.push(Row::Heading(if n == 0 {
            format!("Question of the day · {area}")
        } else {
            format!("Another question · {area}")
        }));
        rows.push(Row::Question {
            area: question.area.clone(),
            question: question.question.clone(),
        });
        rows.push(Row::Text(TextField::QuestionNote {
            item,
            area: question.area.clone(),
            question: question.question.clone(),
        }));
    }
    rows.push(Row::Heading("One small action (optional)".into()));
    if session.priorities.is_empty() {
        rows.push(Row::Button(Button::AddPriority));
    } else {
        rows.push(Row::Text(TextField::PriorityStatement(0)));
        rows.push(Row::Text(TextField::PriorityDeadline(0)));
    }
}

/// Phase 1: the group's level, each participant's, the reasons and the
/// linked questions.
fn now_rows(rows: &mut Vec<Row>, library: &Library, ws: &Workspace, item: usize) {
    let session = &ws.session;
    let record = &session.items[item];
    rows.push(Row::Heading("The group's evaluation".into()));
    if criteria::offers_level(library, session, &record.item) {
        level_rows(rows, library, ws, &record.item);
    } else {
        no_level_rows(rows, library, ws, item);
    }
    criterion_rows(rows, library, ws, item);
    rows.push(Row::Text(TextField::Rationale(item)));
    rows.push(Row::Text(TextField::Strengths(item)));
    rows.push(Row::Text(TextField::Improvements(item)));
    for (area_title, area, questions) in linked_questions(library, session, &record.item) {
        rows.push(Row::Heading(format!(
            "Questions: {area_title} (f: {})",
            framing_label(session.framing)
        )));
        for question in questions {
            rows.push(Row::Question {
                area: area.clone(),
                question,
            });
        }
    }
}

/// Phase 2: triangulation and the evidence (private evidence left out
/// when projecting).
fn know_rows(rows: &mut Vec<Row>, ws: &Workspace, item: usize, present: bool) {
    let session = &ws.session;
    let record = &session.items[item];
    rows.push(Row::Heading("Triangulation".into()));
    let sources = record.distinct_sources();
    rows.push(Row::Info {
        text: format!("{sources} of 4 sources of information support this evaluation"),
        warning: sources < super::text::MIN_SOURCES,
    });
    for gap in super::text::triangulation_gaps(record) {
        rows.push(Row::Info {
            text: gap.advice().into(),
            warning: true,
        });
    }
    rows.push(Row::Choice(ChoiceField::Confidence(item)));
    rows.push(Row::Heading(format!(
        "Evidence ({})",
        record.evidence.len()
    )));
    rows.push(Row::Button(Button::AddEvidence));
    for e in (0..record.evidence.len()).rev() {
        if present && record.evidence[e].private {
            continue;
        }
        rows.push(Row::Heading(format!("Evidence {}", e + 1)));
        rows.push(Row::Text(TextField::EvidenceDescription(item, e)));
        rows.push(Row::Choice(ChoiceField::EvidenceSource(item, e)));
        rows.push(Row::Choice(ChoiceField::EvidenceType(item, e)));
        rows.push(Row::Text(TextField::EvidenceDate(item, e)));
        rows.push(Row::Toggle(
            ToggleField::EvidencePrivate(item, e),
            "Private (never projected)",
        ));
    }
}

/// Phase 3: the session's priorities, newest first.
fn can_rows(rows: &mut Vec<Row>, ws: &Workspace, item: usize) {
    let session = &ws.session;
    let record = &session.items[item];
    let count = session.priorities.len();
    rows.push(Row::Heading(format!(
        "{} ({count} in this session)",
        priorities_label(session.kind)
    )));
    if count > super::text::PRIORITIES_CAP {
        rows.push(Row::Info {
            text: super::text::too_many_priorities(count),
            warning: true,
        });
    }
    rows.push(Row::Button(Button::AddPriority));
    for p in (0..count).rev() {
        priority_rows(rows, p, Some(&record.item));
    }
}

/// The summary: capacity for improvement, timers, export and the plan.
fn summary_rows(rows: &mut Vec<Row>, ws: &Workspace) {
    let session = &ws.session;
    rows.push(Row::Heading("Capacity for improvement".into()));
    rows.push(Row::Text(TextField::CapacityOutcomes));
    rows.push(Row::Text(TextField::CapacityLeadership));
    rows.push(Row::Text(TextField::CapacityQuality));
    rows.push(Row::Choice(ChoiceField::CapacityConfidence));
    rows.push(Row::Heading("Phase timers for this session".into()));
    for phase in 0..3 {
        rows.push(Row::Choice(ChoiceField::PhaseMinutes(phase)));
    }
    rows.push(Row::Heading("Export".into()));
    rows.push(Row::Button(Button::Export));
    if !session.priorities.is_empty() {
        rows.push(Row::Heading("Improvement plan".into()));
        for p in 0..session.priorities.len() {
            priority_rows(rows, p, None);
        }
    }
}

/// The level, the document's relations that apply to it, last time's
/// level and each participant's own.
fn level_rows(rows: &mut Vec<Row>, library: &Library, ws: &Workspace, item: &str) {
    let session = &ws.session;
    rows.push(Row::Level);
    for prompt in criteria::prompts(library, session, item) {
        rows.push(Row::Info {
            text: format!("¶{}: “{}”", prompt.quote.paragraph, prompt.quote.text),
            warning: true,
        });
        for line in &prompt.quote.items {
            rows.push(Row::Info {
                text: format!("  – {line}"),
                warning: false,
            });
        }
        let word = super::reference::session_scale(library, session)
            .and_then(|s| s.levels.iter().find(|l| l.number == prompt.judged))
            .map_or_else(|| prompt.judged.to_string(), |l| l.word.clone());
        rows.push(Row::Info {
            text: super::text::relation_applies(&prompt.recorded, &word),
            warning: false,
        });
    }
    // Last time's level, beside this time's (a follow-up).
    if let Some(said) = ws.earlier.as_ref().and_then(|e| e.last_time(library, item)) {
        rows.push(Row::Info {
            text: said,
            warning: false,
        });
    }
    if !session.participants.is_empty() {
        rows.push(Row::Heading(
            "Each participant's own level (optional)".into(),
        ));
        for p in 0..session.participants.len() {
            rows.push(Row::ParticipantLevel(p));
        }
        rows.push(Row::Spread);
    }
}

/// Where no level is offered: a narrative-only judgement's account, with
/// the paragraphs that say so, or the LSCB statements as the standard.
fn no_level_rows(rows: &mut Vec<Row>, library: &Library, ws: &Workspace, item: usize) {
    let session = &ws.session;
    let Some(record) = session.items.get(item) else {
        return;
    };
    if criteria::is_statement(library, session, &record.item) {
        statement_rows(rows, library, ws, item);
        return;
    }
    match criteria::narrative_basis(library, session, &record.item) {
        Some(basis) => {
            // The paragraphs' words stand in the framework's pane beside.
            let mut cited: Vec<String> =
                basis.iter().map(|c| format!("¶{}", c.paragraph)).collect();
            cited.dedup();
            rows.push(Row::Info {
                text: format!("{} ({})", super::text::NARRATIVE_ONLY, cited.join(", ")),
                warning: false,
            });
            rows.push(Row::Text(TextField::Narrative(item)));
        }
        None => rows.push(Row::Info {
            text: format!(
                "Evaluated against {}",
                super::text::standard_label(session.standard)
            ),
            warning: false,
        }),
    }
}

/// An Ofsted statement: why no level is offered, and a level recorded
/// before, read-only, so nothing in an older file is hidden.
fn statement_rows(rows: &mut Vec<Row>, library: &Library, ws: &Workspace, item: usize) {
    rows.push(Row::Info {
        text: super::text::STATEMENT_NO_LEVEL.into(),
        warning: false,
    });
    if let Some(level) = ws.session.items.get(item).and_then(|r| r.level) {
        rows.push(Row::Info {
            text: super::text::level_recorded_earlier(&super::lines::level_word(
                library, ws, level,
            )),
            warning: false,
        });
    }
}

/// One row per criterion or statement, under the document's headings.
fn criterion_rows(rows: &mut Vec<Row>, library: &Library, ws: &Workspace, item: usize) {
    let session = &ws.session;
    let Some(record) = session.items.get(item) else {
        return;
    };
    let list = criteria::criteria(library, session, &record.item);
    if list.is_empty() {
        return;
    }
    let heading = if list[0].audited {
        "The statement (Space: met / partly / not met)"
    } else if !list[0].area.is_empty() {
        "Module 2: what 'good' looks like (Space: met / partly / not met)"
    } else {
        "The criteria (Space: met / partly / not met)"
    };
    rows.push(Row::Heading(heading.into()));
    let mut group = String::new();
    for c in list {
        if !c.group.is_empty() && c.group != group {
            group = c.group.clone();
            rows.push(Row::Heading(group.clone()));
        }
        rows.push(Row::Criterion(CriterionAt {
            item,
            area: c.area,
            key: c.key,
        }));
    }
}

fn priority_rows(rows: &mut Vec<Row>, p: usize, item: Option<&str>) {
    rows.push(Row::Heading(format!("Priority {}", p + 1)));
    rows.push(Row::Text(TextField::PriorityStatement(p)));
    rows.push(Row::Text(TextField::PriorityOwner(p)));
    rows.push(Row::Text(TextField::PriorityDeadline(p)));
    rows.push(Row::Text(TextField::PriorityMilestones(p)));
    rows.push(Row::Text(TextField::PriorityMeasure(p)));
    rows.push(Row::Choice(ChoiceField::PriorityStatus(p)));
    if let Some(item) = item {
        rows.push(Row::Toggle(
            ToggleField::PriorityServes {
                priority: p,
                item: item.to_owned(),
            },
            "Serves this indicator",
        ));
    }
}

/// The selectable row at or after `from` (or before, going up).
pub fn nearest_selectable(rows: &[Row], from: usize, forward: bool) -> Option<usize> {
    if rows.is_empty() {
        return None;
    }
    let from = from.min(rows.len() - 1);
    if forward {
        (from..rows.len())
            .find(|&i| rows[i].is_selectable())
            .or_else(|| (0..from).rev().find(|&i| rows[i].is_selectable()))
    } else {
        (0..=from)
            .rev()
            .find(|&i| rows[i].is_selectable())
            .or_else(|| (from..rows.len()).find(|&i| rows[i].is_selectable()))
    }
}
