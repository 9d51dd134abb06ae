//! What a framework's item is evaluated against below its level: the
//! criteria of a 2014 judgement, an Ofsted statement itself, or an LSCB
//! area's Module 2 'good' statements; whether a level is offered at all;
//! and the relations the document states between judgements. Pure reads
//! of content and session.

use crate::content::library::Library;
use crate::content::model::{Cited, GoodKind, Grading, Judgement};
use crate::content::query::{self, ItemRef};
use crate::session::model::{AuditProportion, Session, Standard};

/// One thing to record met, partly met, not met or not yet known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionView {
    /// A Module 2 statement's area; empty for criteria and statements.
    pub area: String,
    /// The address the record is kept under.
    pub key: String,
    /// The label shown before the text ("b", "84a", "3.18", "Outcome").
    pub tag: String,
    pub text: String,
    pub items: Vec<String>,
    /// The document's sub-heading the criterion stands under, if any.
    pub group: String,
    /// Whether an audit proportion can be recorded (Ofsted statements).
    pub audited: bool,
}

impl CriterionView {
    /// The label as the document sets it before the text: "b.", "84a.",
    /// "3.18", or the kind of a Module 2 statement, "Outcome:".
    pub fn label(&self) -> String {
        if self.audited {
            self.tag.clone()
        } else if !self.area.is_empty() {
            format!("{}:", self.tag)
        } else {
            format!("{}.", self.tag)
        }
    }
}

fn judgement_of<'a>(library: &'a Library, session: &Session, item: &str) -> Option<&'a Judgement> {
    query::judgement(library.framework(&session.framework)?, item)
}

/// What the item's criteria are, in document order.
pub fn criteria(library: &Library, session: &Session, item: &str) -> Vec<CriterionView> {
    let Some(framework) = library.framework(&session.framework) else {
        return Vec::new();
    };
    match query::find_item(framework, item) {
        Some(ItemRef::Judgement { judgement, .. }) => query::criteria(judgement)
            .into_iter()
            .map(|c| CriterionView {
                area: String::new(),
                key: c.address(),
                tag: c.address(),
                text: c.statement.text.clone(),
                items: c.statement.items.clone(),
                group: c.group.heading.clone(),
                audited: false,
            })
            .collect(),
        Some(ItemRef::Statement { statement, .. }) => vec![CriterionView {
            area: String::new(),
            key: statement.id.clone(),
            tag: statement.id.clone(),
            text: statement.text.clone(),
            items: statement.items.clone(),
            group: String::new(),
            audited: true,
        }],
        Some(ItemRef::Area(area)) if session.standard == Standard::GoodStatements => {
            let ids = query::area_and_descendants(area);
            framework
                .content
                .iter()
                .flat_map(|c| &c.good)
                .filter(|g| ids.contains(&g.area.as_str()))
                .map(|g| CriterionView {
                    area: g.area.clone(),
                    key: g.text.clone(),
                    tag: match g.kind {
                        GoodKind::Outcome => "Outcome",
                        GoodKind::Quality => "Quality",
                        GoodKind::Unmarked => "Statement",
                    }
                    .to_owned(),
                    text: g.text.clone(),
                    items: g.items.clone(),
                    group: g.topic.clone(),
                    audited: false,
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Whether the item is an Ofsted 'good' statement: the statement is itself
/// the 'good' descriptor, so it is met, partly met or not met, not graded.
pub fn is_statement(library: &Library, session: &Session, item: &str) -> bool {
    library
        .framework(&session.framework)
        .and_then(|f| query::find_item(f, item))
        .is_some_and(|found| matches!(found, ItemRef::Statement { .. }))
}

/// Whether a level is recorded for the item: not where the publisher asks
/// for a narrative account, nor where an LSCB session's standard is the
/// Module 2 statements, nor for an Ofsted statement (the document supplies
/// no scale; a level recorded before is kept and shown, never offered).
pub fn offers_level(library: &Library, session: &Session, item: &str) -> bool {
    if session.standard == Standard::GoodStatements || is_statement(library, session, item) {
        return false;
    }
    !judgement_of(library, session, item).is_some_and(query::is_narrative)
}

/// Why an item takes no level, where none is offered: the one reading of
/// the rule, for the record pane's digits and every export alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoLevel {
    /// An Ofsted statement, recorded as met, partly met or not met.
    Statement(crate::session::model::CriterionState),
    /// A narrative-only judgement.
    Narrative,
    /// An LSCB area evaluated against its Module 2 statements.
    ByStatements,
}

pub fn why_no_level(
    library: &Library,
    session: &Session,
    record: &crate::session::model::ItemRecord,
) -> Option<NoLevel> {
    if offers_level(library, session, &record.item) {
        return None;
    }
    if is_statement(library, session, &record.item) {
        let state = statement_state(library, session, record).unwrap_or_default();
        return Some(NoLevel::Statement(state));
    }
    Some(
        if narrative_basis(library, session, &record.item).is_some() {
            NoLevel::Narrative
        } else {
            NoLevel::ByStatements
        },
    )
}

/// A statement's own state, as recorded (not yet known when nothing is).
pub fn statement_state(
    library: &Library,
    session: &Session,
    record: &crate::session::model::ItemRecord,
) -> Option<crate::session::model::CriterionState> {
    let view = criteria(library, session, &record.item)
        .into_iter()
        .find(|c| c.audited)?;
    Some(
        record
            .criterion(&view.area, &view.key)
            .map(|c| c.state)
            .unwrap_or_default(),
    )
}

/// The paragraphs that make a judgement narrative-only, if it is.
pub fn narrative_basis<'a>(
    library: &'a Library,
    session: &Session,
    item: &str,
) -> Option<&'a [Cited]> {
    let judgement = judgement_of(library, session, item)?;
    let grading = judgement.grading.as_ref()?;
    (grading.kind == Grading::Narrative).then_some(grading.basis.as_slice())
}

/// A relation the document states that applies now: its words, and the
/// titles of the judgements recorded at the level it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt<'a> {
    pub quote: &'a Cited,
    pub judged: u8,
    pub recorded: Vec<String>,
}

/// The relations of an item's judgement that apply to what this session
/// has recorded. A prompt only: nothing here sets a level.
pub fn prompts<'a>(library: &'a Library, session: &Session, item: &str) -> Vec<Prompt<'a>> {
    let Some(judgement) = judgement_of(library, session, item) else {
        return Vec::new();
    };
    let Some(grading) = &judgement.grading else {
        return Vec::new();
    };
    grading
        .relations
        .iter()
        .filter_map(|relation| {
            let recorded: Vec<String> = relation
                .judgements
                .iter()
                .filter(|id| {
                    session
                        .items
                        .iter()
                        .any(|r| &r.item == *id && r.level == Some(relation.judged))
                })
                .filter_map(|id| judgement_of(library, session, id))
                .map(|j| j.title.clone())
                .collect();
            (!recorded.is_empty()).then_some(Prompt {
                quote: &relation.quote,
                judged: relation.judged,
                recorded,
            })
        })
        .collect()
}

/// The quantity words a statement turns on, in the order they stand.
pub fn quantity_words(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    let mut taken = vec![false; lower.len()];
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    for word in super::text::QUANTITY_WORDS {
        for (at, _) in lower.match_indices(word) {
            let end = at + word.len();
            let bounded = !lower[..at].ends_with(char::is_alphanumeric)
                && !lower[end..].starts_with(char::is_alphanumeric);
            if bounded && !taken[at..end].iter().any(|t| *t) {
                taken[at..end].iter_mut().for_each(|t| *t = true);
                found.push((at, word));
            }
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, w)| w).collect()
}

/// An audit proportion as typed: "12/15" or "12 of 15"; empty clears it.
pub fn parse_audit(text: &str) -> Result<Option<AuditProportion>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let refuse = || super::text::not_an_audit(text);
    let (n, d) = text
        .split_once('/')
        .or_else(|| text.split_once(" of "))
        .ok_or_else(refuse)?;
    let numerator: u32 = n.trim().parse().map_err(|_| refuse())?;
    let denominator: u32 = d.trim().parse().map_err(|_| refuse())?;
    if denominator == 0 || numerator > denominator {
        return Err(refuse());
    }
    Ok(Some(AuditProportion {
        numerator,
        denominator,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_words_are_found_as_written_longest_first() {
        assert_eq!(
            quantity_words(
                "Children experience good quality of practice in most cases and adequate in nearly all"
            ),
            ["most", "nearly all"]
        );
        assert_eq!(
            quantity_words("Almost all case recording is coherent"),
            ["almost all"]
        );
        assert_eq!(
            quantity_words("The majority of case recording is coherent"),
            ["the majority"]
        );
        assert!(quantity_words("Leadership is visible; smallest allowance").is_empty());
    }

    #[test]
    fn an_audit_is_two_counts_never_a_percentage() {
        let a = parse_audit("12/15").expect("ok").expect("some");
        assert_eq!((a.numerator, a.denominator), (12, 15));
        assert_eq!(
            parse_audit(" 3 of 4 ").expect("ok").map(|a| a.numerator),
            Some(3)
        );
        assert_eq!(parse_audit("").expect("clears"), None);
        assert!(parse_audit("16/15").is_err());
        assert!(parse_audit("1/0").is_err());
        assert!(parse_audit("80%").is_err());
    }
}
