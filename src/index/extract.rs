//! What the index keeps of one session. Everything the index knows about a
//! session comes from `extract`, so a new column or searchable field is
//! added here and nowhere else.

use crate::session::model::{Session, SessionKind};
use jiff::civil::Date;

/// One row of `items`.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedItem {
    pub item: String,
    pub level: Option<u8>,
    pub confidence: Option<&'static str>,
}

/// One priority (workshops) or action (supervision, daily review).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedPriority {
    /// How the index names this priority: see `priority_key`.
    pub key: String,
    pub position: usize,
    pub statement: String,
    pub owner: String,
    pub deadline: Option<Date>,
    pub status: &'static str,
    pub open: bool,
}

/// A piece of text full-text search looks in, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedText {
    /// Where in the session: "title", "5.3 rationale", "priority 2", ...
    pub field: String,
    pub text: String,
}

/// What a daily review shows in its history.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndexedDaily {
    pub question: String,
    pub reflection: String,
    pub action: String,
    /// Every question the day took, with its reflection, in order.
    pub questions: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndexedSession {
    pub id: String,
    pub kind: SessionKind,
    pub title: String,
    pub framework: String,
    pub created: jiff::Timestamp,
    pub updated: jiff::Timestamp,
    pub evaluated: usize,
    pub items: Vec<IndexedItem>,
    pub priorities: Vec<IndexedPriority>,
    pub texts: Vec<IndexedText>,
    pub daily: Option<IndexedDaily>,
}

/// A priority is named by its session and stable id (format v3), never by
/// its position, so a reorder does not change which row is which.
pub fn priority_key(session_id: &str, id: &str) -> String {
    format!("{session_id}/{id}")
}

pub fn kind_name(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Workshop => "workshop",
        SessionKind::Supervision => "supervision",
        SessionKind::DailyReview => "daily",
    }
}

pub fn kind_of(name: &str) -> Option<SessionKind> {
    match name {
        "workshop" => Some(SessionKind::Workshop),
        "supervision" => Some(SessionKind::Supervision),
        "daily" => Some(SessionKind::DailyReview),
        _ => None,
    }
}

fn confidence_name(c: crate::session::model::Confidence) -> &'static str {
    c.label()
}

/// How a search hit names a criterion: a 2014 criterion by its letter; an
/// Ofsted statement (kept under its own id) and a Module 2 statement (kept
/// under its whole text) by what they are.
fn criterion_label(item: &str, c: &crate::session::model::CriterionRecord) -> String {
    if !c.area.is_empty() {
        format!("{item} Module 2 statement")
    } else if c.criterion == item {
        format!("{item} statement")
    } else {
        format!("{item} criterion {}", c.criterion)
    }
}

/// Everything the index holds about a session.
pub fn extract(s: &Session) -> IndexedSession {
    let mut texts = vec![IndexedText {
        field: "title".to_owned(),
        text: s.title.clone(),
    }];
    let mut push = |field: String, text: &str| {
        if !text.trim().is_empty() {
            texts.push(IndexedText {
                field,
                text: text.to_owned(),
            });
        }
    };
    for record in &s.items {
        let item = &record.item;
        push(format!("{item} rationale"), &record.rationale);
        push(format!("{item} strengths"), &record.strengths);
        push(
            format!("{item} areas for improvement"),
            &record.improvements,
        );
        for note in &record.questions {
            push(format!("{item} question note"), &note.note);
        }
        for (n, evidence) in record.evidence.iter().enumerate() {
            push(format!("{item} evidence {}", n + 1), &evidence.description);
        }
        push(format!("{item} narrative"), &record.narrative);
        for c in &record.criteria {
            let what = criterion_label(item, c);
            push(format!("{what} evidence"), &c.evidence);
            push(format!("{what} note"), &c.note);
        }
    }
    for (n, p) in s.priorities.iter().enumerate() {
        let label = format!("priority {}", n + 1);
        push(label.clone(), &p.statement);
        push(format!("{label} measure of success"), &p.measure_of_success);
        for m in &p.milestones {
            push(format!("{label} milestone"), &m.text);
        }
    }
    push(
        "capacity: outcomes and impacts".to_owned(),
        &s.capacity.outcomes_and_impacts,
    );
    push(
        "capacity: leadership and management".to_owned(),
        &s.capacity.leadership_and_management,
    );
    push(
        "capacity: quality improvement".to_owned(),
        &s.capacity.quality_improvement,
    );
    IndexedSession {
        id: s.id.clone(),
        kind: s.kind,
        title: s.title.clone(),
        framework: s.framework.clone(),
        created: s.created,
        updated: s.updated,
        evaluated: s.evaluated_count(),
        items: s
            .items
            .iter()
            .map(|r| IndexedItem {
                item: r.item.clone(),
                level: r.level,
                confidence: r.confidence.map(confidence_name),
            })
            .collect(),
        priorities: s
            .priorities
            .iter()
            .enumerate()
            .map(|(position, p)| IndexedPriority {
                key: priority_key(&s.id, &p.id),
                position,
                statement: p.statement.clone(),
                owner: p.owner.clone(),
                deadline: p.deadline,
                status: p.status.label(),
                open: p.status.is_open(),
            })
            .collect(),
        texts,
        daily: (s.kind == SessionKind::DailyReview).then(|| daily_of(s)),
    }
}

/// The daily review's question of the day, reflection and action.
pub fn daily_of(s: &Session) -> IndexedDaily {
    let question = s.items.first().and_then(|r| r.questions.last());
    IndexedDaily {
        question: question.map(|q| q.question.clone()).unwrap_or_default(),
        reflection: question.map(|q| q.note.clone()).unwrap_or_default(),
        action: s
            .priorities
            .first()
            .map(|p| p.statement.clone())
            .unwrap_or_default(),
        questions: s
            .items
            .iter()
            .flat_map(|r| &r.questions)
            .map(|q| (q.question.clone(), q.note.clone()))
            .collect(),
    }
}
