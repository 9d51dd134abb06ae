//! HTML reports: one self-contained, printable file (inline CSS, no
//! scripts, nothing fetched), rendered with minijinja from templates
//! compiled into the binary. A council can put its own `base.html`,
//! `style.css`, `session.html` or `supervision.html` in `<config dir>/templates/` to brand its
//! papers. Autoescape is on for every `.html` template, so nothing typed
//! into a session can become markup. The Report Book reuses `base.html`
//! and `style.css`.

use super::common::{self, item_number, item_title, level_words, scale_of};
use crate::content::library::Library;
use crate::session::model::{EvidenceSource, ItemRecord, Priority, Session, SessionKind};
use jiff::civil::Date;
use minijinja::Environment;
use serde::Serialize;
use std::path::Path;

/// The templates compiled in, by name.
const EMBEDDED: [(&str, &str); 5] = [
    ("base.html", include_str!("templates/base.html")),
    ("style.css", include_str!("templates/style.css")),
    ("session.html", include_str!("templates/session.html")),
    ("report.html", include_str!("templates/report.html")),
    (
        "supervision.html",
        include_str!("templates/supervision.html"),
    ),
];

/// The template environment: the embedded templates, each replaced by a
/// file of the same name in `user_dir` where there is one.
pub fn environment(user_dir: Option<&Path>) -> anyhow::Result<Environment<'static>> {
    let mut env = Environment::new();
    // Escape everything in .html templates (minijinja's default), and the
    // CSS too, which is only ever included into HTML.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    for (name, embedded) in EMBEDDED {
        let own = user_dir
            .map(|d| d.join(name))
            .filter(|p| p.is_file())
            .map(std::fs::read_to_string)
            .transpose()?;
        env.add_template_owned(name, own.unwrap_or_else(|| embedded.to_owned()))?;
    }
    Ok(env)
}

#[derive(Serialize)]
struct LevelMeaning {
    number: u8,
    word: String,
    summary: String,
}

#[derive(Serialize)]
struct Labelled {
    label: &'static str,
    text: String,
}

#[derive(Serialize)]
struct EvidenceView {
    source: &'static str,
    kind: &'static str,
    date: String,
    description: String,
    private: bool,
}

#[derive(Serialize)]
struct QuestionView {
    text: String,
    note: String,
}

#[derive(Serialize)]
struct ItemView {
    number: String,
    title: String,
    level: String,
    confidence: &'static str,
    sources: String,
    triangulation: String,
    individual: String,
    texts: Vec<Labelled>,
    questions: Vec<QuestionView>,
    evidence: Vec<EvidenceView>,
    narrative: String,
    criteria: Vec<common::CriterionLine>,
}

#[derive(Serialize)]
struct ActionView {
    number: usize,
    statement: String,
    owner: String,
    deadline: String,
    milestones: Vec<String>,
    measure: String,
    serves: String,
    status: &'static str,
}

#[derive(Serialize)]
struct SessionView {
    title: String,
    kind_heading: String,
    workshop: bool,
    supervision: bool,
    meeting_date: String,
    facilitator: Option<String>,
    participants: Vec<String>,
    locality: Option<String>,
    framework: String,
    scale: String,
    standard: Option<&'static str>,
    updated: String,
    exported: String,
    private_notice: Option<String>,
    levels: Vec<LevelMeaning>,
    items: Vec<ItemView>,
    not_a_score: Option<&'static str>,
    actions_heading: &'static str,
    action_noun: &'static str,
    no_actions: &'static str,
    actions: Vec<ActionView>,
    capacity: Vec<Labelled>,
    attribution: Vec<String>,
    conflict_mark: &'static str,
    conflicts: Vec<common::ConflictShown>,
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.trim().to_owned()
    }
}

fn level_label(scale: Option<&crate::content::model::Scale>, level: Option<u8>) -> String {
    match level {
        None => "not yet evaluated".to_owned(),
        Some(n) => match level_words(scale, n) {
            Some(word) => format!("{n} ({word})"),
            None => n.to_string(),
        },
    }
}

fn labelled(parts: [(&'static str, &str); 3]) -> Vec<Labelled> {
    parts
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(label, text)| Labelled {
            label,
            text: text.trim().to_owned(),
        })
        .collect()
}

fn item_view(
    session: &Session,
    library: &Library,
    position: usize,
    record: &ItemRecord,
) -> ItemView {
    let framework = library.framework(&session.framework);
    let scale = scale_of(session, library);
    let mut individual: Vec<String> = Vec::new();
    for i in &record.individual_levels {
        individual.push(format!(
            "{} {}",
            or_dash(&i.participant),
            level_label(scale, Some(i.level))
        ));
    }
    let evidence = EvidenceSource::ALL
        .iter()
        .chain(&[EvidenceSource::Unset])
        .flat_map(|source| record.evidence.iter().filter(move |e| e.source == *source))
        .map(|e| EvidenceView {
            source: e.source.label(),
            kind: e.information.label(),
            date: e.date.map_or_else(|| "—".to_owned(), |d| d.to_string()),
            description: or_dash(&e.description),
            private: e.private,
        })
        .collect();
    ItemView {
        number: item_number(framework, &record.item, position),
        title: framework
            .and_then(|f| item_title(f, &record.item))
            .unwrap_or_else(|| format!("{} (not found in the framework)", record.item)),
        level: common::no_level(session, library, record)
            .unwrap_or_else(|| level_label(scale, record.level)),
        narrative: record.narrative.trim().to_owned(),
        criteria: common::criteria_lines(session, library, record),
        confidence: record.confidence.map_or("—", |c| c.label()),
        sources: format!(
            "{} of {}",
            record.distinct_sources(),
            EvidenceSource::ALL.len()
        ),
        triangulation: common::triangulation(record),
        individual: individual.join("; "),
        texts: labelled([
            ("Rationale", &record.rationale),
            ("Strengths", &record.strengths),
            ("Areas for improvement", &record.improvements),
        ]),
        questions: record
            .questions
            .iter()
            .filter(|q| q.discussed || !q.note.trim().is_empty())
            .map(|q| QuestionView {
                text: crate::session::framing::reframe(&q.question, session.framing),
                note: q.note.trim().to_owned(),
            })
            .collect(),
        evidence,
    }
}

fn action_view(n: usize, p: &Priority) -> ActionView {
    ActionView {
        number: n + 1,
        statement: or_dash(&p.statement),
        owner: or_dash(&p.owner),
        deadline: p.deadline.map_or_else(|| "—".to_owned(), |d| d.to_string()),
        milestones: p
            .milestones
            .iter()
            .map(|m| match m.date {
                Some(d) => format!("{} ({d})", m.text.trim()),
                None => m.text.trim().to_owned(),
            })
            .collect(),
        measure: p.measure_of_success.trim().to_owned(),
        serves: p.serves.join(", "),
        status: p.status.label(),
    }
}

fn session_view(session: &Session, library: &Library, today: Date, left_out: usize) -> SessionView {
    let framework = library.framework(&session.framework);
    let scale = scale_of(session, library);
    let workshop = session.kind == SessionKind::Workshop;
    let c = &session.capacity;
    let mut attribution: Vec<String> = Vec::new();
    let lender = match &session.scale {
        crate::session::model::ScaleChoice::Borrowed(id) => library.framework(id),
        crate::session::model::ScaleChoice::Framework => None,
    };
    for f in framework.into_iter().chain(lender) {
        if !f.source.attribution.trim().is_empty() && !attribution.contains(&f.source.attribution) {
            attribution.push(f.source.attribution.clone());
        }
    }
    SessionView {
        conflict_mark: crate::app::text::sync::EXPORT_MARK,
        conflicts: common::conflicts_waiting(session),
        title: or_dash(&session.title),
        kind_heading: match session.kind {
            SessionKind::Workshop => "Self-evaluation workshop".to_owned(),
            SessionKind::Supervision => "Supervision record".to_owned(),
            SessionKind::DailyReview => "Daily review".to_owned(),
        },
        workshop,
        supervision: session.kind == SessionKind::Supervision,
        meeting_date: common::meeting_date(session).to_string(),
        participants: session
            .participants
            .iter()
            .filter(|p| !p.trim().is_empty())
            .cloned()
            .collect(),
        locality: session.locality.clone().filter(|l| !l.trim().is_empty()),
        facilitator: session.facilitator.clone().filter(|f| !f.trim().is_empty()),
        framework: framework.map_or_else(
            || format!("{} (not loaded)", session.framework),
            |f| format!("{} ({})", f.title, f.short_title),
        ),
        scale: scale.map_or_else(|| "not available".to_owned(), |s| s.name.clone()),
        standard: common::standard_line(session, library),
        updated: jiff::tz::TimeZone::UTC
            .to_datetime(session.updated)
            .date()
            .to_string(),
        exported: today.to_string(),
        private_notice: common::private_notice(left_out),
        levels: scale
            .map(|s| {
                s.levels
                    .iter()
                    .map(|l| LevelMeaning {
                        number: l.number,
                        word: l.word.clone(),
                        summary: l.summary.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        items: session
            .items
            .iter()
            .enumerate()
            .map(|(n, r)| item_view(session, library, n, r))
            .collect(),
        not_a_score: workshop.then_some(super::markdown::NOT_A_SCORE),
        actions_heading: match session.kind {
            SessionKind::Workshop => "Improvement plan",
            SessionKind::Supervision => "Agreed actions",
            SessionKind::DailyReview => "Actions",
        },
        action_noun: if workshop {
            "Priority"
        } else {
            "Agreed action"
        },
        no_actions: if workshop {
            "No improvement priorities have been recorded yet."
        } else {
            "No agreed actions have been recorded yet."
        },
        actions: session
            .priorities
            .iter()
            .enumerate()
            .map(|(n, p)| action_view(n, p))
            .collect(),
        capacity: labelled([
            ("Outcomes and impacts", &c.outcomes_and_impacts),
            ("Leadership and management", &c.leadership_and_management),
            ("Quality improvement arrangements", &c.quality_improvement),
        ]),
        attribution,
    }
}

/// One session as a self-contained HTML page. `left_out` is how many
/// private evidence items the caller removed (the page says so).
pub fn session_html(
    env: &Environment<'_>,
    session: &Session,
    library: &Library,
    today: Date,
    left_out: usize,
) -> anyhow::Result<String> {
    if session.kind == SessionKind::Supervision {
        // Its own record, as in Markdown: no workshop tables or scoring.
        return super::supervision::record_html(env, session, library, today, left_out);
    }
    let view = session_view(session, library, today, left_out);
    let template = env.get_template("session.html")?;
    Ok(template.render(minijinja::context! { s => minijinja::value::Serde(view) })?)
}
