//! A supervision's own record, in Markdown and HTML: one the supervisee
//! could sign.
//! Who and when, the check-in, each question taken in the order the
//! framework asks it (discussed or not, with the reflection), the case
//! discussions, the agreed actions and the next date. No levels, tables,
//! scoring or disclaimers: those belong to workshops.

use super::markdown::{heading_text, inline, paragraph};
use crate::app::text::supervision as words;
use crate::content::library::Library;
use crate::session::model::{QuestionNote, Session, SupervisionRecord};
use jiff::civil::Date;
use serde::Serialize;

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
    let taken = taken_by_area(session, library);
    if taken.is_empty() {
        blocks.push("No question was taken.".to_owned());
    }
    for (area, notes) in taken {
        blocks.push(format!("### {}", heading_text(&inline(&area))));
        let list: Vec<String> = notes
            .iter()
            .enumerate()
            .map(|(n, q)| question(n + 1, session, q))
            .collect();
        blocks.push(list.join("\n\n"));
    }
}

/// Each area with a question taken (discussed or reflected on): its title
/// and those questions, in the order the framework asks them.
fn taken_by_area<'a>(
    session: &'a Session,
    library: &Library,
) -> Vec<(String, Vec<&'a QuestionNote>)> {
    let mut out = Vec::new();
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
        let area = asked
            .first()
            .map_or_else(|| item.item.clone(), |(title, _, _)| title.clone());
        out.push((area, notes));
    }
    out
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

/// A level asked for (and anything recorded the workshop way, as in an
/// older file): listed plainly so no word is left out, never as a table,
/// a score or a triangulation count.
fn rated(blocks: &mut Vec<String>, session: &Session, library: &Library) {
    let lines: Vec<String> = rated_lines(session, library)
        .into_iter()
        .map(|(area, said)| format!("- **{}:** {}", inline(&area), inline(&said)))
        .collect();
    if !lines.is_empty() {
        blocks.push(format!("## {}", words::RATED_HEADING));
        blocks.push(lines.join("\n"));
    }
}

/// Per area (title, what was said): its level where rating it was asked
/// for, each level on its own; any rationale, strengths, areas to improve
/// and shareable evidence. Areas with nothing of the kind are left out.
fn rated_lines(session: &Session, library: &Library) -> Vec<(String, String)> {
    let framework = library.framework(&session.framework);
    let scale = super::markdown::resolve_scale(session, library, framework);
    let mut lines = Vec::new();
    for (i, item) in session.items.iter().enumerate() {
        let mut said = Vec::new();
        match item.level {
            Some(level) => said.push(format!(
                "level {}",
                super::markdown::level_label(scale.scale, level)
            )),
            None if crate::app::supervision::is_rated(session, i) => {
                said.push(words::RATED_NO_LEVEL.to_owned())
            }
            None => {}
        }
        for (label, text) in [
            ("rationale", &item.rationale),
            ("strengths", &item.strengths),
            ("to improve", &item.improvements),
        ] {
            if !text.trim().is_empty() {
                said.push(format!("{label}: {}", text.trim()));
            }
        }
        for e in item.evidence.iter().filter(|e| !e.is_empty() && !e.private) {
            said.push(format!("evidence: {}", e.description.trim()));
        }
        if !said.is_empty() {
            let title = crate::app::supervision::area_title(library, session, i);
            lines.push((title, said.join("; ")));
        }
    }
    lines
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

// ---------------------------------------------------------------- HTML

/// One question taken, as the HTML record shows it.
#[derive(Serialize)]
struct QuestionView {
    text: String,
    discussed: bool,
    mark: &'static str,
    note: String,
}

#[derive(Serialize)]
struct AreaView {
    title: String,
    questions: Vec<QuestionView>,
}

#[derive(Serialize)]
struct Said {
    area: String,
    said: String,
}

#[derive(Serialize)]
struct CaseView {
    reference: String,
    discussion: String,
    decision: String,
    rationale: String,
}

#[derive(Serialize)]
struct ActionView {
    number: usize,
    statement: String,
    owner: String,
    date: String,
    status: &'static str,
}

/// The record as the HTML template gets it: the same parts, in the same
/// order, as the Markdown record.
#[derive(Serialize)]
struct RecordView {
    title: String,
    kind_heading: &'static str,
    people_hint: &'static str,
    supervisee: String,
    supervisor: String,
    date: String,
    planned: String,
    framework: String,
    exported: String,
    private_notice: Option<String>,
    conflict_mark: &'static str,
    conflicts: Vec<super::common::ConflictShown>,
    wellbeing: String,
    areas: Vec<AreaView>,
    rated_heading: &'static str,
    rated: Vec<Said>,
    cases_heading: &'static str,
    cases: Vec<CaseView>,
    actions_heading: &'static str,
    actions: Vec<ActionView>,
    next_heading: &'static str,
    next_date: String,
    signed: Vec<&'static str>,
    attribution: Vec<String>,
}

fn dash(text: &str) -> String {
    or_dash(text.trim().to_owned())
}

fn record_view(session: &Session, library: &Library, today: Date, left_out: usize) -> RecordView {
    let empty = SupervisionRecord::default();
    let record = session.supervision.as_ref().unwrap_or(&empty);
    let framework = library.framework(&session.framework);
    let date = |d: Option<Date>| d.map_or_else(|| "—".to_owned(), |d| d.to_string());
    RecordView {
        title: if session.title.trim().is_empty() {
            "Supervision".to_owned()
        } else {
            session.title.trim().to_owned()
        },
        kind_heading: words::KIND_HEADING,
        people_hint: words::PEOPLE_HINT.0,
        supervisee: dash(&record.supervisee),
        supervisor: dash(&record.supervisor),
        date: date(record.date),
        planned: record
            .planned_minutes
            .map_or_else(|| "—".to_owned(), |m| format!("{m} minutes")),
        framework: framework.map_or_else(|| session.framework.clone(), |f| f.title.clone()),
        exported: today.to_string(),
        private_notice: super::common::private_notice(left_out),
        conflict_mark: crate::app::text::sync::EXPORT_MARK,
        conflicts: super::common::conflicts_waiting(session),
        wellbeing: record.wellbeing.trim().to_owned(),
        areas: taken_by_area(session, library)
            .into_iter()
            .map(|(title, notes)| AreaView {
                title,
                questions: notes
                    .into_iter()
                    .map(|q| question_view(session, q))
                    .collect(),
            })
            .collect(),
        rated_heading: words::RATED_HEADING,
        rated: rated_lines(session, library)
            .into_iter()
            .map(|(area, said)| Said { area, said })
            .collect(),
        cases_heading: words::CASES_HEADING,
        cases: record
            .cases
            .iter()
            .filter(|c| !(c.reference.trim().is_empty() && c.discussion.trim().is_empty()))
            .map(|c| CaseView {
                reference: dash(&c.reference),
                discussion: dash(&c.discussion),
                decision: dash(&c.decision),
                rationale: dash(&c.rationale),
            })
            .collect(),
        actions_heading: words::ACTIONS_HEADING,
        actions: session
            .priorities
            .iter()
            .enumerate()
            .map(|(n, p)| ActionView {
                number: n + 1,
                statement: match (p.statement.trim().is_empty(), &p.carries) {
                    (true, Some(from)) => format!("(carried forward from {from})"),
                    _ => dash(&p.statement),
                },
                owner: dash(&p.owner),
                date: date(p.deadline),
                status: p.status.label(),
            })
            .collect(),
        next_heading: words::NEXT_DATE,
        next_date: record
            .next_date
            .map_or_else(|| "Not set.".to_owned(), |d| d.to_string()),
        signed: words::SIGNED.split("\n\n").collect(),
        attribution: framework
            .map(|f| f.source.attribution.clone())
            .filter(|a| !a.trim().is_empty())
            .into_iter()
            .collect(),
    }
}

fn question_view(session: &Session, q: &QuestionNote) -> QuestionView {
    QuestionView {
        text: crate::session::framing::reframe(&q.question, session.framing),
        discussed: q.discussed,
        mark: if q.discussed {
            words::DISCUSSED
        } else {
            words::NOT_DISCUSSED
        },
        note: q.note.trim().to_owned(),
    }
}

/// The record as a self-contained HTML page, from the `supervision.html`
/// template (a user's own, where there is one). `left_out` is how many
/// private evidence items the caller removed (the page says so).
pub fn record_html(
    env: &minijinja::Environment<'_>,
    session: &Session,
    library: &Library,
    today: Date,
    left_out: usize,
) -> anyhow::Result<String> {
    let view = record_view(session, library, today, left_out);
    let template = env.get_template("supervision.html")?;
    Ok(template.render(minijinja::context! { r => minijinja::value::Serde(view) })?)
}
