//! Supervision as a tool of its own: the record (who, when, the check-in),
//! each area's questions one at a time, case discussions and agreed
//! actions. No triangulation, capacity statement or timers, and no levels
//! unless the user asks to rate an area (`r`): then that area alone takes
//! a level on the six-point scale, never averaged or added up.
//!
//! It walks the session's stages in its own order: the record first
//! (`Stage::Summary`), then each area's questions (`Walk { item, Now }`),
//! then the cases (`Know`) and the actions (`Can`); `]` and `[` step
//! through them.

use super::fields::{ChoiceField, TextField};
use super::reference::linked_questions;
use super::rows::{Button, Row, framing_label};
use super::text::supervision as words;
use super::{Phase, Stage, Workspace};
use crate::content::library::Library;
use crate::session::model::Session;

/// The stage `]` (forward) or `[` leads to from `stage`.
pub fn step(stage: Stage, forward: bool, areas: usize) -> Stage {
    let last = areas.saturating_sub(1);
    let area = |item| Stage::Walk {
        item,
        phase: Phase::Now,
    };
    let section = |phase| Stage::Walk { item: last, phase };
    match (stage, forward) {
        (Stage::Summary, true) if areas > 0 => area(0),
        (
            Stage::Walk {
                item,
                phase: Phase::Now,
            },
            true,
        ) if item < last => area(item + 1),
        (
            Stage::Walk {
                phase: Phase::Now, ..
            },
            true,
        ) => section(Phase::Know),
        (
            Stage::Walk {
                phase: Phase::Know, ..
            },
            true,
        ) => section(Phase::Can),
        (
            Stage::Walk {
                phase: Phase::Can, ..
            },
            false,
        ) => section(Phase::Know),
        (
            Stage::Walk {
                phase: Phase::Know, ..
            },
            false,
        ) => area(last),
        (
            Stage::Walk {
                item,
                phase: Phase::Now,
            },
            false,
        ) if item > 0 => area(item - 1),
        (
            Stage::Walk {
                phase: Phase::Now, ..
            },
            false,
        ) => Stage::Summary,
        (stage, _) => stage,
    }
}

/// The questions of an area in order: (area title, area id, question).
pub fn questions(
    library: &Library,
    session: &Session,
    item: usize,
) -> Vec<(String, String, String)> {
    let Some(record) = session.items.get(item) else {
        return Vec::new();
    };
    linked_questions(library, session, &record.item)
        .into_iter()
        .flat_map(|(title, area, qs)| {
            qs.into_iter()
                .map(move |q| (title.clone(), area.clone(), q))
        })
        .collect()
}

/// The rows of the record pane at a supervision's stage.
pub fn rows(library: &Library, ws: &Workspace) -> Vec<Row> {
    let session = &ws.session;
    let mut rows = Vec::new();
    match ws.stage {
        Stage::Summary => {
            rows.push(Row::Heading(words::RECORD_HEADING.into()));
            rows.push(Row::Info {
                text: words::PEOPLE_HINT.0.into(),
                warning: false,
            });
            for field in [
                TextField::Supervisee,
                TextField::Supervisor,
                TextField::SupervisionDate,
                TextField::PlannedMinutes,
                TextField::Wellbeing,
                TextField::NextSupervision,
            ] {
                rows.push(Row::Text(field));
            }
            rated_rows(library, ws, &mut rows);
            rows.push(Row::Button(Button::Export));
        }
        Stage::Walk {
            item,
            phase: Phase::Now,
        } => question_rows(library, ws, item, &mut rows),
        Stage::Walk {
            phase: Phase::Know, ..
        } => {
            rows.push(Row::Heading(words::CASES_HEADING.into()));
            rows.push(Row::Info {
                text: words::CASE_HINT.0.into(),
                warning: false,
            });
            let cases = session.supervision.as_ref().map_or(0, |s| s.cases.len());
            if cases == 0 {
                rows.push(Row::Info {
                    text: words::NO_CASES.into(),
                    warning: false,
                });
            }
            rows.push(Row::Button(Button::AddCase));
            for c in 0..cases {
                rows.push(Row::Heading(format!("Case {}", c + 1)));
                rows.push(Row::Text(TextField::CaseReference(c)));
                rows.push(Row::Text(TextField::CaseDiscussion(c)));
                rows.push(Row::Text(TextField::CaseDecision(c)));
                rows.push(Row::Text(TextField::CaseRationale(c)));
            }
        }
        Stage::Walk {
            phase: Phase::Can, ..
        } => {
            rows.push(Row::Heading(words::ACTIONS_HEADING.into()));
            rows.push(Row::Button(Button::AddPriority));
            for p in 0..session.priorities.len() {
                rows.push(Row::Heading(format!("{} {}", words::ACTION, p + 1)));
                rows.push(Row::Text(TextField::PriorityStatement(p)));
                rows.push(Row::Text(TextField::PriorityOwner(p)));
                rows.push(Row::Text(TextField::PriorityDeadline(p)));
                rows.push(Row::Choice(ChoiceField::PriorityStatus(p)));
            }
        }
    }
    rows
}

/// One question at a time, with its reflection; Space marks it discussed.
fn question_rows(library: &Library, ws: &Workspace, item: usize, rows: &mut Vec<Row>) {
    let session = &ws.session;
    let questions = questions(library, session, item);
    if questions.is_empty() {
        rows.push(Row::Info {
            text: "No Module 3 questions are linked to this area.".into(),
            warning: false,
        });
    } else {
        one_question(ws, item, &questions, rows);
    }
    if is_rated(session, item) {
        rows.push(Row::Heading(words::RATING_HEADING.into()));
        rows.push(Row::Level);
    }
}

/// Whether an area takes a level: rating it was asked for, or a level is
/// already recorded (one from an older file is shown, never hidden).
pub fn is_rated(session: &Session, item: usize) -> bool {
    let Some(record) = session.items.get(item) else {
        return false;
    };
    record.level.is_some()
        || session
            .supervision
            .as_ref()
            .is_some_and(|s| s.asked_to_rate(&record.item))
}

/// The rated areas on the record, each with its own level (never summed).
fn rated_rows(library: &Library, ws: &Workspace, rows: &mut Vec<Row>) {
    let session = &ws.session;
    let rated: Vec<usize> = (0..session.items.len())
        .filter(|&i| is_rated(session, i))
        .collect();
    if rated.is_empty() {
        return;
    }
    rows.push(Row::Heading(words::RATED_AREAS_HEADING.into()));
    for i in rated {
        let level = session.items[i].level.map_or_else(
            || words::NO_LEVEL_YET.to_owned(),
            |l| super::lines::level_word(library, ws, l),
        );
        rows.push(Row::Info {
            text: format!("{}: {level}", area_title(library, session, i)),
            warning: false,
        });
    }
}

/// An area's title as the framework gives it.
pub fn area_title(library: &Library, session: &Session, item: usize) -> String {
    let Some(record) = session.items.get(item) else {
        return String::new();
    };
    library
        .framework(&session.framework)
        .and_then(|f| crate::content::query::find_item(f, &record.item))
        .map_or_else(|| record.item.clone(), |it| it.title())
}

fn one_question(
    ws: &Workspace,
    item: usize,
    questions: &[(String, String, String)],
    rows: &mut Vec<Row>,
) {
    let session = &ws.session;
    let at = ws.question_index.min(questions.len() - 1);
    let (title, area, question) = &questions[at];
    rows.push(Row::Heading(format!(
        "{} · n/p: next/previous · f: {}",
        words::question_of(at + 1, questions.len(), title),
        framing_label(session.framing)
    )));
    rows.push(Row::Question {
        area: area.clone(),
        question: question.clone(),
    });
    rows.push(Row::Text(TextField::QuestionNote {
        item,
        area: area.clone(),
        question: question.clone(),
    }));
}

/// The sections along the top: the record, each area, cases, actions;
/// with which one is current.
pub fn sections(library: &Library, ws: &Workspace) -> Vec<(String, bool)> {
    let session = &ws.session;
    let mut out = vec![(words::SECTION_RECORD.to_owned(), ws.stage == Stage::Summary)];
    for i in 0..session.items.len() {
        let title = area_title(library, session, i);
        let current = ws.stage
            == Stage::Walk {
                item: i,
                phase: Phase::Now,
            };
        out.push((title, current));
    }
    out.push((
        words::SECTION_CASES.to_owned(),
        ws.phase() == Some(Phase::Know),
    ));
    out.push((
        words::SECTION_ACTIONS.to_owned(),
        ws.phase() == Some(Phase::Can),
    ));
    out
}

/// A session's questions taken, as its framing words them, with their
/// reflections and whether each was discussed, in the order recorded.
pub fn reflections_of(session: &Session) -> Vec<(String, String, bool)> {
    session
        .items
        .iter()
        .flat_map(|r| r.questions.iter())
        .filter(|q| q.discussed || !q.note.trim().is_empty())
        .map(|q| {
            (
                crate::session::framing::reframe(&q.question, session.framing),
                q.note.clone(),
                q.discussed,
            )
        })
        .collect()
}

/// Last time's reflections as text for the reader, wrapped to fit its
/// popup (which shows lines as given): each question as framed, discussed
/// or not, and what was written.
pub fn reflections_text(reflections: &[(String, String, bool)]) -> String {
    const WIDTH: usize = 78;
    if reflections.is_empty() {
        return words::LAST_TIME_NONE.to_owned();
    }
    let wrap = super::lines::wrap_text;
    let mut out = Vec::new();
    for (question, note, discussed) in reflections {
        let mark = if *discussed { "[x] " } else { "[ ] " };
        out.extend(wrap(question, WIDTH, mark, "    "));
        let note = if note.trim().is_empty() {
            words::NO_REFLECTION
        } else {
            note.as_str()
        };
        for paragraph in note.lines() {
            out.extend(wrap(paragraph, WIDTH, "    ", "    "));
        }
        out.push(String::new());
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_walk_record_areas_cases_actions_and_back() {
        let mut stage = Stage::Summary;
        let mut seen = vec![stage];
        for _ in 0..6 {
            stage = step(stage, true, 2);
            seen.push(stage);
        }
        let now = |item| Stage::Walk {
            item,
            phase: Phase::Now,
        };
        let at = |phase| Stage::Walk { item: 1, phase };
        assert_eq!(
            seen,
            [
                Stage::Summary,
                now(0),
                now(1),
                at(Phase::Know),
                at(Phase::Can),
                at(Phase::Can),
                at(Phase::Can)
            ]
        );
        for expected in [
            at(Phase::Know),
            now(1),
            now(0),
            Stage::Summary,
            Stage::Summary,
        ] {
            stage = step(stage, false, 2);
            assert_eq!(stage, expected);
        }
    }
}
