//! What every export shares: leaving private evidence out, the date of the
//! meeting, item titles (with their agency), and the scale in use.

use crate::app::criteria::NoLevel;
use crate::content::library::Library;
use crate::content::model::{Framework, Scale};
use crate::content::query;
use crate::session::model::{ScaleChoice, Session};
use jiff::civil::Date;

/// A session with its empty evidence items left out, and its private
/// ones (unless asked to keep them), and how many items were left out, so the output can say so.
pub fn without_private(session: &Session, include_private: bool) -> (Session, usize) {
    let mut copy = session.clone();
    // Empty evidence items say nothing, so no output carries them.
    for record in &mut copy.items {
        record.evidence.retain(|e| !e.is_empty());
    }
    if include_private {
        return (copy, 0);
    }
    let mut left_out = 0;
    for record in &mut copy.items {
        let before = record.evidence.len();
        record.evidence.retain(|e| !e.private);
        left_out += before - record.evidence.len();
    }
    (copy, left_out)
}

/// "2 private evidence items not included", or nothing when none were.
pub fn private_notice(left_out: usize) -> Option<String> {
    match left_out {
        0 => None,
        1 => Some("1 private evidence item not included".to_owned()),
        n => Some(format!("{n} private evidence items not included")),
    }
}

/// The date of the meeting: the day the session was created (UTC).
pub fn meeting_date(session: &Session) -> Date {
    jiff::tz::TimeZone::UTC.to_datetime(session.created).date()
}

/// The scale a session's levels are on, wherever it comes from.
pub fn scale_of<'a>(session: &Session, library: &'a Library) -> Option<&'a Scale> {
    let id = match &session.scale {
        ScaleChoice::Framework => session.framework.as_str(),
        ScaleChoice::Borrowed(id) => id.as_str(),
    };
    library.framework(id).and_then(|f| f.scale.as_ref())
}

/// The title of an indicator, the text of a numbered statement, the
/// agency and title of an integrated-inspection judgement, or the title of
/// a content area.
pub fn item_title(framework: &Framework, id: &str) -> Option<String> {
    if let Some(indicator) = query::indicators(framework).find(|i| i.id == id) {
        return Some(indicator.title.clone());
    }
    if let Some(statement) = query::section_statements(framework).find(|s| s.id == id) {
        return Some(statement.text.clone());
    }
    for agency in &framework.agencies {
        if let Some(judgement) = agency.judgements.iter().find(|j| j.id == id) {
            return Some(format!("{}: {}", agency.title, judgement.title));
        }
    }
    query::all_areas(framework)
        .into_iter()
        .find(|a| a.id == id)
        .map(|a| a.title.clone())
}

/// The number a reader sees for an item: its id, unless the id is a slug
/// (an integrated-inspection judgement or content area), when it is its
/// position in the session.
pub fn item_number(framework: Option<&Framework>, id: &str, position: usize) -> String {
    let is_judgement = framework.is_some_and(|f| {
        f.agencies
            .iter()
            .any(|a| a.judgements.iter().any(|j| j.id == id))
    });
    if is_judgement || id.chars().any(|c| c.is_ascii_alphabetic()) {
        (position + 1).to_string()
    } else {
        id.to_owned()
    }
}

/// "4 (good)", or the bare number when the scale does not know it.
pub fn level_words(scale: Option<&Scale>, level: u8) -> Option<String> {
    scale
        .and_then(|s| s.levels.iter().find(|l| l.number == level))
        .map(|l| l.word.clone())
}

/// What the evidence lacks for triangulation, or "ok".
pub fn triangulation(record: &crate::session::model::ItemRecord) -> String {
    let mut gaps = Vec::new();
    if record.distinct_sources() < 3 {
        gaps.push("fewer than three sources");
    }
    if !record.has_family_views() {
        gaps.push("no children's or families' views");
    }
    if gaps.is_empty() {
        "ok".to_owned()
    } else {
        gaps.join("; ")
    }
}

/// A conflict a sync recorded, as an export shows it while it waits: the
/// field, the value in it and the other value, each with who and when.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ConflictShown {
    pub path: String,
    pub kept: String,
    pub kept_by: String,
    pub other: String,
    pub other_by: String,
}

/// The session's conflicts waiting, both values readable.
pub fn conflicts_waiting(session: &Session) -> Vec<ConflictShown> {
    use crate::app::sync::readable;
    use crate::app::text::sync::{DELETED, by_at};
    let when = |t: jiff::Timestamp| t.strftime("%Y-%m-%d %H:%M UTC").to_string();
    session
        .conflicts
        .iter()
        .map(|c| ConflictShown {
            path: c.path.clone(),
            kept: readable(&c.kept.value),
            kept_by: by_at(&c.kept.by, &when(c.kept.at)),
            other: match c.kind {
                crate::session::model::ConflictKind::DeletedAndChanged => DELETED.to_owned(),
                crate::session::model::ConflictKind::BothChanged => readable(&c.other.value),
            },
            other_by: by_at(&c.other.by, &when(c.other.at)),
        })
        .collect()
}
/// One criterion or statement as the exports write it: its label and the
/// publisher's text, its state in words, and what was written for it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CriterionLine {
    pub tag: String,
    pub text: String,
    /// The points the document lists under the criterion.
    pub items: Vec<String>,
    pub state: &'static str,
    pub evidence: String,
    pub note: String,
    /// The audit proportion beside the statement's own words.
    pub audit: Option<String>,
}

/// An item's criteria with their states, when anything is recorded for
/// them (every criterion, so the record is whole); else none.
pub fn criteria_lines(
    session: &Session,
    library: &Library,
    record: &crate::session::model::ItemRecord,
) -> Vec<CriterionLine> {
    if record.criteria.iter().all(|c| c.is_empty()) {
        return Vec::new();
    }
    crate::app::criteria::criteria(library, session, &record.item)
        .into_iter()
        .map(|view| {
            let kept = record.criterion(&view.area, &view.key);
            let audit = view.audited.then(|| {
                let words = crate::app::criteria::quantity_words(&view.text);
                crate::app::text::audit_beside(kept.and_then(|c| c.audit), &words)
            });
            CriterionLine {
                tag: view.label(),
                text: view.text,
                items: view.items,
                state: crate::app::text::criterion_state(kept.map(|c| c.state).unwrap_or_default()),
                evidence: kept
                    .map(|c| c.evidence.trim().to_owned())
                    .unwrap_or_default(),
                note: kept.map(|c| c.note.trim().to_owned()).unwrap_or_default(),
                audit,
            }
        })
        .collect()
}

/// Why an item has no level, where none is offered (the app's reading of
/// the rule); a level an Ofsted statement was given earlier is exported as
/// it was.
fn why_no_level(
    session: &Session,
    library: &Library,
    record: &crate::session::model::ItemRecord,
) -> Option<NoLevel> {
    let why = crate::app::criteria::why_no_level(library, session, record)?;
    let kept = matches!(why, NoLevel::Statement(_)) && record.level.is_some();
    (!kept).then_some(why)
}

/// In place of a level, where none is offered: why.
pub fn no_level(
    session: &Session,
    library: &Library,
    record: &crate::session::model::ItemRecord,
) -> Option<String> {
    use crate::app::text;
    Some(match why_no_level(session, library, record)? {
        NoLevel::Statement(state) => text::statement_long(state),
        NoLevel::Narrative => text::NARRATIVE_ONLY.to_owned(),
        NoLevel::ByStatements => format!(
            "none: evaluated against {}",
            text::standard_label(session.standard)
        ),
    })
}

/// What an LSCB session was evaluated against, where that was chosen.
pub fn standard_line(session: &Session, library: &Library) -> Option<&'static str> {
    let framework = library.framework(&session.framework)?;
    (framework.scale.is_none() && framework.content.is_some())
        .then(|| crate::app::text::standard_label(session.standard))
}

/// In a level column built from the index, which holds no criterion
/// states: an Ofsted statement is named as one, not left blank.
pub fn statement_words(library: &Library, framework: &str, item: &str) -> Option<String> {
    let found = crate::content::query::find_item(library.framework(framework)?, item)?;
    matches!(found, crate::content::query::ItemRef::Statement { .. })
        .then(|| crate::app::text::STATEMENT_ANY_SHORT.to_owned())
}

/// In a table's level column, where no level is offered: a few words.
pub fn no_level_short(
    session: &Session,
    library: &Library,
    record: &crate::session::model::ItemRecord,
) -> Option<String> {
    use crate::app::text;
    Some(match why_no_level(session, library, record)? {
        NoLevel::Statement(state) => text::statement_short(state),
        NoLevel::Narrative => text::NO_GRADE_SHORT.to_owned(),
        NoLevel::ByStatements => text::BY_STATEMENTS_SHORT.to_owned(),
    })
}

/// How a table row names an item: its number, its own title and, for an
/// integrated-inspection judgement, its agency (never a slug).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemName {
    pub number: String,
    pub title: String,
    pub agency: String,
}

/// An item's name for rows that span sessions: the number is the item's id
/// where that is a number ("5.3"), else its place in the framework's own
/// order, which is the same in every session. An item the framework does
/// not know keeps its id as its title, so nothing is hidden.
pub fn item_name(framework: Option<&Framework>, id: &str) -> ItemName {
    let Some(framework) = framework else {
        return ItemName {
            title: id.to_owned(),
            ..ItemName::default()
        };
    };
    let position = query::evaluable_ids(framework).position(|i| i == id);
    let number =
        |position: Option<usize>| position.map_or_else(String::new, |p| (p + 1).to_string());
    match query::find_item(framework, id) {
        Some(query::ItemRef::Indicator { indicator, .. }) => ItemName {
            number: indicator.id.clone(),
            title: indicator.title.clone(),
            agency: String::new(),
        },
        Some(query::ItemRef::Statement { statement, .. }) => ItemName {
            number: statement.id.clone(),
            title: statement.text.clone(),
            agency: String::new(),
        },
        Some(query::ItemRef::Judgement { agency, judgement }) => ItemName {
            number: number(position),
            title: judgement.title.clone(),
            agency: agency.title.clone(),
        },
        Some(query::ItemRef::Area(area)) => ItemName {
            number: number(position),
            title: area.title.clone(),
            agency: String::new(),
        },
        None => ItemName {
            title: id.to_owned(),
            ..ItemName::default()
        },
    }
}
