//! A supervision's own Markdown record: one the supervisee could sign.
//! Who and when, the check-in, each question taken in the order the
//! framework asks it (discussed or not, with the reflection), the case
//! discussions, the agreed actions and the next date. No levels, tables,
//! scoring or disclaimers: those belong to workshops.

use super::markdown::{heading_text, inline, paragraph};
use crate::app::text::supervision as words;
use crate::content::library::Library;
use crate::session::model::{QuestionNote, Session, SupervisionRecord};
use jiff::civil::Date;

/// The record as Markdown (made printable by the caller).
pub fn record(session: &Session, library: &Library, today: Date) -> String {
    let empty = SupervisionRecord::default();
    let record = session.supervision.as_ref().unwrap_or(&empty);
    let title = inline(&session.title);
    let mut blocks = vec![format!(
        "# {}",
        heading_text(if title.is_empty() {
            "Supervision"
        } else {
            &title
        })
    )];
    blocks.push(details(session, library, record, today));
    if !record.wellbeing.trim().is_empty() {
        blocks.push(format!("## {}", words::WELLBEING_HEADING));
        blocks.push(paragraph(&record.wellbeing, ""));
    }
    questions(&mut blocks, session, library);
    rated(&mut blocks, session, library);
    cases(&mut blocks, record);
    actions(&mut blocks, session);
    blocks.push(format!(
        "## {}\n\n{}",
        words::NEXT_DATE,
        record
            .next_date
            .map_or_else(|| "Not set.".to_owned(), |d| d.to_string())
    ));
    blocks.push(words::SIGNED.to_owned());
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

fn or_dash(text: String) -> String {
    if text.is_empty() {
        "—".to_owned()
    } else {
        text
    }
}

fn details(
    session: &Session,
    library: &Library,
    record: &SupervisionRecord,
    today: Date,
) -> String {
    let date = record
        .date
        .map_or_else(|| "—".to_owned(), |d| d.to_string());
    let planned = record
        .planned_minutes
        .map_or_else(|| "—".to_owned(), |m| format!("{m} minutes"));
    [
        format!(
            "- **{}:** {}",
            words::SUPERVISEE,
            or_dash(inline(&record.supervisee))
        ),
        format!(
            "- **{}:** {}",
            words::SUPERVISOR,
            or_dash(inline(&record.supervisor))
        ),
        format!("- **{}:** {date}", words::DATE),
        format!("- **Planned length:** {planned}"),
        format!(
            "- **Framework:** {}",
            library
                .framework(&session.framework)
                .map_or_else(|| inline(&session.framework), |f| inline(&f.title))
        ),
        format!("- **Exported:** {today}"),
    ]
    .join("\n")
}

/// The questions taken, area by area in the framework's order; a note
/// whose question the content no longer has follows its area's others.
fn questions(blocks: &mut Vec<String>, session: &Session, library: &Library) {
    blocks.push("## Questions and reflections".to_owned());
    let mut any = false;
    for (i, item) in session.items.iter().enumerate() {
        let asked = crate::app::supervision::questions(library, session, i);
        let taken = |q: &QuestionNote| q.discussed || !q.note.trim().is_empty();
        let mut notes: Vec<&QuestionNote> = asked
            .iter()
            .filter_map(|(_, area, question)| {
                item.questions
                    .iter()
                    .find(|q| &q.area == area && &q.question == question)
            })
            .filter(|q| taken(q))
            .collect();
        for q in item.questions.iter().filter(|q| taken(q)) {
            if !notes.iter().any(|n| std::ptr::eq(*n, q)) {
                notes.push(q);
            }
        }
        if notes.is_empty() {
            continue;
        }
        any = true;
        let area = asked
            .first()
            .map_or_else(|| inline(&item.item), |(title, _, _)| inline(title));
        blocks.push(format!("### {}", heading_text(&area)));
        let list: Vec<String> = notes
            .iter()
            .enumerate()
            .map(|(n, q)| question(n + 1, session, q))
            .collect();
        blocks.push(list.join("\n\n"));
    }
    if !any {
        blocks.push("No question was taken.".to_owned());
    }
}

fn question(n: usize, session: &Session, q: &QuestionNote) -> String {
    let worded = crate::session::framing::reframe(&q.question, session.framing);
    let mark = if q.discussed {
        words::DISCUSSED
    } else {
        words::NOT_DISCUSSED
    };
    let note = if q.note.trim().is_empty() {
        words::NO_REFLECTION.to_owned()
    } else {
        paragraph(&q.note, "   ")
    };
    format!("{n}. *{}* ({mark})  \n   {note}", paragraph(&worded, "   "))
}

/// Anything recorded the workshop way (a level asked for, evidence, or
/// notes in an older file): listed plainly so no word is left out, never
/// as a table, a score or a triangulation count.
fn rated(blocks: &mut Vec<String>, session: &Session, library: &Library) {
    let framework = library.framework(&session.framework);
    let scale = super::markdown::resolve_scale(session, library, framework);
    let mut lines = Vec::new();
    for item in &session.items {
        let title = framework
            .and_then(|f| crate::content::query::find_item(f, &item.item))
            .map_or_else(|| item.item.clone(), |i| i.title());
        let mut said = Vec::new();
        if let Some(level) = item.level {
            said.push(format!(
                "level {}",
                super::markdown::level_label(scale.scale, level)
            ));
        }
        for (label, text) in [
            ("rationale", &item.rationale),
            ("strengths", &item.strengths),
            ("to improve", &item.improvements),
        ] {
            if !text.trim().is_empty() {
                said.push(format!("{label}: {}", inline(text)));
            }
        }
        for e in item.evidence.iter().filter(|e| !e.is_empty() && !e.private) {
            said.push(format!("evidence: {}", inline(&e.description)));
        }
        if !said.is_empty() {
            lines.push(format!("- **{}:** {}", inline(&title), said.join("; ")));
        }
    }
    if !lines.is_empty() {
        blocks.push(format!("## {}", words::RATED_HEADING));
        blocks.push(lines.join("\n"));
    }
}

fn cases(blocks: &mut Vec<String>, record: &SupervisionRecord) {
    let cases: Vec<_> = record
        .cases
        .iter()
        .filter(|c| !(c.reference.trim().is_empty() && c.discussion.trim().is_empty()))
        .collect();
    if cases.is_empty() {
        return;
    }
    blocks.push(format!("## {}", words::CASES_HEADING));
    for case in cases {
        blocks.push(format!(
            "### {} {}",
            words::CASE_REFERENCE,
            heading_text(&or_dash(inline(&case.reference)))
        ));
        let mut lines = Vec::new();
        for (label, text) in [
            (words::CASE_DISCUSSION, &case.discussion),
            (words::CASE_DECISION, &case.decision),
            (words::CASE_RATIONALE, &case.rationale),
        ] {
            lines.push(format!("- **{label}:** {}", or_dash(paragraph(text, "  "))));
        }
        blocks.push(lines.join("\n"));
    }
}

/// The agreed actions as a list, each with owner, date and status.
fn actions(blocks: &mut Vec<String>, session: &Session) {
    blocks.push(format!("## {}", words::ACTIONS_HEADING));
    if session.priorities.is_empty() {
        blocks.push("No actions were agreed.".to_owned());
        return;
    }
    let list: Vec<String> = session
        .priorities
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let owner = or_dash(inline(&p.owner));
            let by = p.deadline.map_or_else(|| "—".to_owned(), |d| d.to_string());
            format!(
                "{}. {}  \n   Owner: {owner} · By: {by} · Status: {}",
                n + 1,
                match (p.statement.trim().is_empty(), &p.carries) {
                    (true, Some(from)) => format!("(carried forward from {from})"),
                    _ => or_dash(paragraph(&p.statement, "   ")),
                },
                p.status.label()
            )
        })
        .collect();
    blocks.push(list.join("\n"));
}
