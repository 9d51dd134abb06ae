//! Addresses of the editable fields of a session, and reading and writing
//! them. Every text a user types lives in exactly one of these fields.
//!
//! Long because every editable field is addressed here, one case a
//! field, so that reading and writing cannot disagree about any of them.

use crate::app::text::supervision as sup;
use crate::session::model::{
    Confidence, CriterionRecord, EvidenceSource, InformationKind, Milestone, PhaseTimers,
    PriorityStatus, QuestionNote, Session,
};
use jiff::civil::Date;

/// A free-text or date field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextField {
    Rationale(usize),
    Strengths(usize),
    Improvements(usize),
    QuestionNote {
        item: usize,
        area: String,
        question: String,
    },
    EvidenceDescription(usize, usize),
    EvidenceDate(usize, usize),
    PriorityStatement(usize),
    PriorityOwner(usize),
    PriorityDeadline(usize),
    /// One milestone per line: an optional `YYYY-MM-DD` date, then the text.
    PriorityMilestones(usize),
    PriorityMeasure(usize),
    CapacityOutcomes,
    CapacityLeadership,
    CapacityQuality,
    /// The narrative account of a narrative-only judgement.
    Narrative(usize),
    /// A criterion's evidence, note or audit proportion, by its address.
    CriterionEvidence(CriterionAt),
    CriterionNote(CriterionAt),
    CriterionAudit(CriterionAt),
    /// A supervision's own record.
    Supervisee,
    Supervisor,
    SupervisionDate,
    PlannedMinutes,
    NextSupervision,
    Wellbeing,
    CaseReference(usize),
    CaseDiscussion(usize),
    CaseDecision(usize),
    CaseRationale(usize),
}

/// Where a criterion's record is: the item, and the criterion's area and
/// key (see `session::model::CriterionRecord`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionAt {
    pub item: usize,
    pub area: String,
    pub key: String,
}

impl TextField {
    pub fn label(&self) -> &'static str {
        match self {
            TextField::Rationale(_) => "Rationale",
            TextField::Strengths(_) => "Strengths",
            TextField::Improvements(_) => "Areas for improvement",
            TextField::QuestionNote { .. } => "Note",
            TextField::EvidenceDescription(..) => "Description",
            TextField::EvidenceDate(..) => "Date",
            TextField::PriorityStatement(_) => "Priority",
            TextField::PriorityOwner(_) => "Owner",
            TextField::PriorityDeadline(_) => "Deadline",
            TextField::PriorityMilestones(_) => "Milestones",
            TextField::PriorityMeasure(_) => "Measure of success",
            TextField::CapacityOutcomes => "Improvements to key outcomes and impacts",
            TextField::CapacityLeadership => "Effectiveness of leadership and management",
            TextField::CapacityQuality => {
                "Quality improvement arrangements and capacity to improve"
            }
            TextField::Narrative(_) => "Narrative account",
            TextField::CriterionEvidence(_) => "Evidence",
            TextField::CriterionNote(_) => "Note",
            TextField::CriterionAudit(_) => "Audit: cases that showed it / cases audited",
            TextField::Supervisee => sup::SUPERVISEE,
            TextField::Supervisor => sup::SUPERVISOR,
            TextField::SupervisionDate => sup::DATE,
            TextField::PlannedMinutes => sup::PLANNED,
            TextField::NextSupervision => sup::NEXT_DATE,
            TextField::Wellbeing => sup::WELLBEING,
            TextField::CaseReference(_) => sup::CASE_REFERENCE,
            TextField::CaseDiscussion(_) => sup::CASE_DISCUSSION,
            TextField::CaseDecision(_) => sup::CASE_DECISION,
            TextField::CaseRationale(_) => sup::CASE_RATIONALE,
        }
    }

    /// Fields holding a date, edited on one line.
    pub fn is_date(&self) -> bool {
        matches!(
            self,
            TextField::EvidenceDate(..)
                | TextField::PriorityDeadline(_)
                | TextField::SupervisionDate
                | TextField::NextSupervision
        )
    }

    /// Fields whose text is checked when closed: a refused value keeps the
    /// field open with what was typed (a date, an audit proportion).
    pub fn is_checked(&self) -> bool {
        self.is_date() || matches!(self, TextField::CriterionAudit(_))
    }

    /// Fields edited on one line (Enter finishes instead of a new line).
    pub fn is_single_line(&self) -> bool {
        self.is_date()
            || matches!(
                self,
                TextField::PriorityOwner(_)
                    | TextField::CriterionAudit(_)
                    | TextField::Supervisee
                    | TextField::Supervisor
                    | TextField::PlannedMinutes
                    | TextField::CaseReference(_)
            )
    }

    /// A hint shown in the empty editor.
    pub fn placeholder(&self) -> &'static str {
        match self {
            _ if self.is_date() => crate::app::text::PLACEHOLDER_DATE,
            TextField::Supervisee | TextField::Supervisor => sup::PLACEHOLDER_PEOPLE,
            TextField::PlannedMinutes => sup::PLACEHOLDER_MINUTES,
            TextField::PriorityMilestones(_) => "one per line: 2027-01-31 what will be done",
            TextField::PriorityStatement(_) => {
                "an observable, measurable improvement for children and families"
            }
            TextField::PriorityOwner(_) => crate::app::text::PLACEHOLDER_OWNER,
            TextField::PriorityMeasure(_) => "how you will know: data, quality indicators, views",
            TextField::CriterionAudit(_) => "12/15",
            _ => "",
        }
    }

    /// The reminder under the field, long and short: one wording per kind
    /// of field, the same as its placeholder.
    pub fn reminder(&self) -> (&'static str, &'static str) {
        use crate::app::text::{REMINDER_DATE, REMINDER_NAMES, REMINDER_OWNER};
        match self {
            _ if self.is_date() => REMINDER_DATE,
            TextField::PriorityOwner(_) => REMINDER_OWNER,
            TextField::Supervisee | TextField::Supervisor => sup::PEOPLE_HINT,
            TextField::CaseReference(_) => sup::CASE_HINT,
            _ => REMINDER_NAMES,
        }
    }
}

pub fn format_date(date: Option<Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// An empty text clears the date; otherwise day/month/year as UK forms
/// write it (`30/09/2024`, also with `-` or `.`), or ISO `2024-09-30`.
pub fn parse_date(text: &str) -> Result<Option<Date>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    one_date(text)
        .map(Some)
        .ok_or_else(|| crate::app::text::not_a_date(text))
}

/// One date in any of the accepted forms.
fn one_date(text: &str) -> Option<Date> {
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let uk = text.replace(['-', '.'], "/");
    Date::strptime("%d/%m/%Y", &uk).ok()
}

pub fn format_milestones(milestones: &[Milestone]) -> String {
    milestones
        .iter()
        .map(|m| match m.date {
            Some(date) if m.text.is_empty() => date.to_string(),
            Some(date) => format!("{date} {}", m.text),
            None => m.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every non-empty line is a milestone; a leading date is its date. Text
/// that is not a date stays in the milestone's text, so nothing is lost.
/// The milestones are new: without ids, status or log (see
/// `parse_milestones_keeping`).
pub fn parse_milestones(text: &str) -> Vec<Milestone> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let line = line.trim();
            let (first, rest) = line.split_once(' ').unwrap_or((line, ""));
            match one_date(first) {
                Some(date) => Milestone::new(String::new(), rest.trim(), Some(date)),
                None => Milestone::new(String::new(), line, None),
            }
        })
        .collect()
}

/// Parse milestone lines, keeping the id, status and log of the milestones
/// they were edited from: a line unchanged keeps its milestone wherever it
/// moved; changed lines take the milestones no line kept, in order (a line
/// edited in place keeps its id). Lines beyond those are new and have no id
/// until the next save gives one.
pub fn parse_milestones_keeping(text: &str, old: &[Milestone]) -> Vec<Milestone> {
    let mut parsed = parse_milestones(text);
    let mut taken = vec![false; old.len()];
    let keep = |new: &mut Milestone, from: &Milestone| {
        new.id = from.id.clone();
        new.status = from.status;
        new.done_on = from.done_on;
        new.log = from.log.clone();
    };
    let mut unmatched = Vec::new();
    for (i, new) in parsed.iter_mut().enumerate() {
        let same = old
            .iter()
            .enumerate()
            .position(|(o, m)| !taken[o] && m.text == new.text && m.date == new.date);
        match same {
            Some(o) => {
                taken[o] = true;
                keep(new, &old[o]);
            }
            None => unmatched.push(i),
        }
    }
    let untaken = (0..old.len()).filter(|o| !taken[*o]);
    for (i, o) in unmatched.into_iter().zip(untaken) {
        keep(&mut parsed[i], &old[o]);
    }
    parsed
}

/// The text of a field as the editor shows it.
pub fn get_text(session: &Session, field: &TextField) -> String {
    let item = |i: usize| session.items.get(i);
    let priority = |p: usize| session.priorities.get(p);
    match field {
        TextField::Rationale(i) => item(*i).map(|r| r.rationale.clone()),
        TextField::Strengths(i) => item(*i).map(|r| r.strengths.clone()),
        TextField::Improvements(i) => item(*i).map(|r| r.improvements.clone()),
        TextField::QuestionNote {
            item: i,
            area,
            question,
        } => item(*i).map(|r| {
            r.questions
                .iter()
                .find(|q| &q.area == area && &q.question == question)
                .map(|q| q.note.clone())
                .unwrap_or_default()
        }),
        TextField::EvidenceDescription(i, e) => item(*i)
            .and_then(|r| r.evidence.get(*e))
            .map(|e| e.description.clone()),
        TextField::EvidenceDate(i, e) => item(*i)
            .and_then(|r| r.evidence.get(*e))
            .map(|e| format_date(e.date)),
        TextField::PriorityStatement(p) => priority(*p).map(|p| p.statement.clone()),
        TextField::PriorityOwner(p) => priority(*p).map(|p| p.owner.clone()),
        TextField::PriorityDeadline(p) => priority(*p).map(|p| format_date(p.deadline)),
        TextField::PriorityMilestones(p) => priority(*p).map(|p| format_milestones(&p.milestones)),
        TextField::PriorityMeasure(p) => priority(*p).map(|p| p.measure_of_success.clone()),
        TextField::CapacityOutcomes => Some(session.capacity.outcomes_and_impacts.clone()),
        TextField::CapacityLeadership => Some(session.capacity.leadership_and_management.clone()),
        TextField::CapacityQuality => Some(session.capacity.quality_improvement.clone()),
        TextField::Narrative(i) => item(*i).map(|r| r.narrative.clone()),
        TextField::CriterionEvidence(at) => criterion(session, at).map(|c| c.evidence.clone()),
        TextField::CriterionNote(at) => criterion(session, at).map(|c| c.note.clone()),
        TextField::CriterionAudit(at) => criterion(session, at)
            .and_then(|c| c.audit)
            .map(|a| format!("{}/{}", a.numerator, a.denominator)),
        _ => supervision_text(session, field),
    }
    .unwrap_or_default()
}

/// Write a field. Dates that do not parse are refused with a message and
/// leave the session as it was.
pub fn set_text(session: &mut Session, field: &TextField, text: &str) -> Result<(), String> {
    match field {
        TextField::Rationale(i) => {
            if let Some(r) = session.items.get_mut(*i) {
                r.rationale = text.to_owned();
            }
        }
        TextField::Strengths(i) => {
            if let Some(r) = session.items.get_mut(*i) {
                r.strengths = text.to_owned();
            }
        }
        TextField::Improvements(i) => {
            if let Some(r) = session.items.get_mut(*i) {
                r.improvements = text.to_owned();
            }
        }
        TextField::QuestionNote {
            item,
            area,
            question,
        } => {
            if let Some(r) = session.items.get_mut(*item) {
                question_note_mut(&mut r.questions, area, question).note = text.to_owned();
            }
        }
        TextField::EvidenceDescription(i, e) => {
            if let Some(e) = session
                .items
                .get_mut(*i)
                .and_then(|r| r.evidence.get_mut(*e))
            {
                e.description = text.to_owned();
            }
        }
        TextField::EvidenceDate(i, e) => {
            let date = parse_date(text)?;
            if let Some(e) = session
                .items
                .get_mut(*i)
                .and_then(|r| r.evidence.get_mut(*e))
            {
                e.date = date;
            }
        }
        TextField::PriorityStatement(p) => {
            if let Some(p) = session.priorities.get_mut(*p) {
                p.statement = text.to_owned();
            }
        }
        TextField::PriorityOwner(p) => {
            if let Some(p) = session.priorities.get_mut(*p) {
                p.owner = text.to_owned();
            }
        }
        TextField::PriorityDeadline(p) => {
            let date = parse_date(text)?;
            if let Some(p) = session.priorities.get_mut(*p) {
                p.deadline = date;
            }
        }
        TextField::PriorityMilestones(p) => {
            if let Some(p) = session.priorities.get_mut(*p) {
                p.milestones = parse_milestones_keeping(text, &p.milestones);
            }
        }
        TextField::PriorityMeasure(p) => {
            if let Some(p) = session.priorities.get_mut(*p) {
                p.measure_of_success = text.to_owned();
            }
        }
        TextField::CapacityOutcomes => session.capacity.outcomes_and_impacts = text.to_owned(),
        TextField::CapacityLeadership => {
            session.capacity.leadership_and_management = text.to_owned();
        }
        TextField::CapacityQuality => session.capacity.quality_improvement = text.to_owned(),
        TextField::Narrative(i) => {
            if let Some(r) = session.items.get_mut(*i) {
                r.narrative = text.to_owned();
            }
        }
        TextField::CriterionEvidence(at) => {
            if let Some(c) = criterion_mut(session, at) {
                c.evidence = text.to_owned();
            }
        }
        TextField::CriterionNote(at) => {
            if let Some(c) = criterion_mut(session, at) {
                c.note = text.to_owned();
            }
        }
        TextField::CriterionAudit(at) => {
            let audit = crate::app::criteria::parse_audit(text)?;
            if let Some(c) = criterion_mut(session, at) {
                c.audit = audit;
            }
        }
        _ => set_supervision_text(session, field, text)?,
    }
    Ok(())
}

/// A supervision record's field as the editor shows it.
fn supervision_text(session: &Session, field: &TextField) -> Option<String> {
    let record = session.supervision.as_ref()?;
    let case = |c: &usize| record.cases.get(*c);
    match field {
        TextField::Supervisee => Some(record.supervisee.clone()),
        TextField::Supervisor => Some(record.supervisor.clone()),
        TextField::SupervisionDate => Some(format_date(record.date)),
        TextField::PlannedMinutes => Some(
            record
                .planned_minutes
                .map(|m| m.to_string())
                .unwrap_or_default(),
        ),
        TextField::NextSupervision => Some(format_date(record.next_date)),
        TextField::Wellbeing => Some(record.wellbeing.clone()),
        TextField::CaseReference(c) => case(c).map(|c| c.reference.clone()),
        TextField::CaseDiscussion(c) => case(c).map(|c| c.discussion.clone()),
        TextField::CaseDecision(c) => case(c).map(|c| c.decision.clone()),
        TextField::CaseRationale(c) => case(c).map(|c| c.rationale.clone()),
        _ => None,
    }
}

/// Write a supervision record's field, creating the record if an older
/// supervision had none. A length that is not a number is refused.
fn set_supervision_text(
    session: &mut Session,
    field: &TextField,
    text: &str,
) -> Result<(), String> {
    let record = session.supervision.get_or_insert_with(Default::default);
    let owned = text.to_owned();
    match field {
        TextField::Supervisee => record.supervisee = owned,
        TextField::Supervisor => record.supervisor = owned,
        TextField::SupervisionDate => record.date = parse_date(text)?,
        TextField::NextSupervision => record.next_date = parse_date(text)?,
        TextField::PlannedMinutes => {
            let text = text.trim();
            record.planned_minutes = if text.is_empty() {
                None
            } else {
                Some(text.parse().map_err(|_| sup::NOT_MINUTES.to_owned())?)
            };
        }
        TextField::Wellbeing => record.wellbeing = owned,
        TextField::CaseReference(c)
        | TextField::CaseDiscussion(c)
        | TextField::CaseDecision(c)
        | TextField::CaseRationale(c) => {
            if let Some(case) = record.cases.get_mut(*c) {
                let slot = match field {
                    TextField::CaseReference(_) => &mut case.reference,
                    TextField::CaseDiscussion(_) => &mut case.discussion,
                    TextField::CaseDecision(_) => &mut case.decision,
                    _ => &mut case.rationale,
                };
                *slot = owned;
            }
        }
        _ => {}
    }
    Ok(())
}

fn criterion<'a>(session: &'a Session, at: &CriterionAt) -> Option<&'a CriterionRecord> {
    session.items.get(at.item)?.criterion(&at.area, &at.key)
}

/// A criterion's record, created on first use.
pub fn criterion_mut<'a>(
    session: &'a mut Session,
    at: &CriterionAt,
) -> Option<&'a mut CriterionRecord> {
    Some(
        session
            .items
            .get_mut(at.item)?
            .criterion_mut(&at.area, &at.key),
    )
}

/// The note for a question, created on first use.
pub fn question_note_mut<'a>(
    notes: &'a mut Vec<QuestionNote>,
    area: &str,
    question: &str,
) -> &'a mut QuestionNote {
    let at = match notes
        .iter()
        .position(|q| q.area == area && q.question == question)
    {
        Some(at) => at,
        None => {
            notes.push(QuestionNote {
                area: area.to_owned(),
                question: question.to_owned(),
                discussed: false,
                note: String::new(),
            });
            notes.len() - 1
        }
    };
    &mut notes[at]
}

/// A field with a few fixed values, cycled with Space or the arrows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceField {
    Confidence(usize),
    EvidenceSource(usize, usize),
    EvidenceType(usize, usize),
    PriorityStatus(usize),
    CapacityConfidence,
    /// Minutes for phase 1, 2 or 3 (index 0 to 2).
    PhaseMinutes(usize),
}

/// Phase timers move in steps of five minutes, from five to two hours.
const MINUTE_STEP: u32 = 5;
const MAX_MINUTES: u32 = 120;

fn cycle<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let at = all.iter().position(|v| *v == current).unwrap_or(0);
    let n = all.len();
    all[if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    }]
}

fn cycle_option<T: Copy + PartialEq>(all: &[T], current: Option<T>, forward: bool) -> Option<T> {
    let mut options: Vec<Option<T>> = vec![None];
    options.extend(all.iter().copied().map(Some));
    cycle(&options, current, forward)
}

impl ChoiceField {
    pub fn label(&self) -> &'static str {
        match self {
            ChoiceField::Confidence(_) | ChoiceField::CapacityConfidence => {
                "Confidence in the evidence"
            }
            ChoiceField::EvidenceSource(..) => "Source",
            ChoiceField::EvidenceType(..) => "Type of information",
            ChoiceField::PriorityStatus(_) => "Status",
            ChoiceField::PhaseMinutes(0) => "Minutes for 'How good are we now?'",
            ChoiceField::PhaseMinutes(1) => "Minutes for 'How do we know?'",
            ChoiceField::PhaseMinutes(_) => "Minutes for 'How good can we be?'",
        }
    }

    /// The value as shown.
    pub fn value(&self, session: &Session) -> String {
        let confidence =
            |c: Option<Confidence>| c.map_or("not yet recorded", Confidence::label).to_owned();
        match self {
            ChoiceField::Confidence(i) => {
                confidence(session.items.get(*i).and_then(|r| r.confidence))
            }
            ChoiceField::CapacityConfidence => confidence(session.capacity.confidence),
            ChoiceField::EvidenceSource(i, e) => session
                .items
                .get(*i)
                .and_then(|r| r.evidence.get(*e))
                .map(|e| e.source.label().to_owned())
                .unwrap_or_default(),
            ChoiceField::EvidenceType(i, e) => session
                .items
                .get(*i)
                .and_then(|r| r.evidence.get(*e))
                .map(|e| e.information.label().to_owned())
                .unwrap_or_default(),
            ChoiceField::PriorityStatus(p) => session
                .priorities
                .get(*p)
                .map(|p| p.status.label().to_owned())
                .unwrap_or_default(),
            ChoiceField::PhaseMinutes(phase) => phase_minutes(&session.timers, *phase).to_string(),
        }
    }

    pub fn cycle(&self, session: &mut Session, forward: bool) {
        match self {
            ChoiceField::Confidence(i) => {
                if let Some(r) = session.items.get_mut(*i) {
                    r.confidence = cycle_option(&Confidence::ALL, r.confidence, forward);
                }
            }
            ChoiceField::CapacityConfidence => {
                let c = &mut session.capacity.confidence;
                *c = cycle_option(&Confidence::ALL, *c, forward);
            }
            ChoiceField::EvidenceSource(i, e) => {
                if let Some(e) = session
                    .items
                    .get_mut(*i)
                    .and_then(|r| r.evidence.get_mut(*e))
                {
                    e.source = match (e.source, forward) {
                        // From 'not chosen yet' to the first or last source.
                        (EvidenceSource::Unset, true) => EvidenceSource::ALL[0],
                        (EvidenceSource::Unset, false) => EvidenceSource::ALL[3],
                        (source, _) => cycle(&EvidenceSource::ALL, source, forward),
                    };
                }
            }
            ChoiceField::EvidenceType(i, e) => {
                if let Some(e) = session
                    .items
                    .get_mut(*i)
                    .and_then(|r| r.evidence.get_mut(*e))
                {
                    e.information = cycle(&InformationKind::ALL, e.information, forward);
                }
            }
            ChoiceField::PriorityStatus(p) => {
                if let Some(p) = session.priorities.get_mut(*p) {
                    p.status = cycle(&PriorityStatus::ALL, p.status, forward);
                }
            }
            ChoiceField::PhaseMinutes(phase) => {
                let minutes = phase_minutes_mut(&mut session.timers, *phase);
                *minutes = if forward {
                    (*minutes + MINUTE_STEP).min(MAX_MINUTES)
                } else {
                    minutes.saturating_sub(MINUTE_STEP).max(MINUTE_STEP)
                };
            }
        }
    }
}

fn phase_minutes(timers: &PhaseTimers, phase: usize) -> u32 {
    match phase {
        0 => timers.now_minutes,
        1 => timers.know_minutes,
        _ => timers.can_minutes,
    }
}

fn phase_minutes_mut(timers: &mut PhaseTimers, phase: usize) -> &mut u32 {
    match phase {
        0 => &mut timers.now_minutes,
        1 => &mut timers.know_minutes,
        _ => &mut timers.can_minutes,
    }
}

/// A yes/no field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToggleField {
    EvidencePrivate(usize, usize),
    /// Whether priority `p` serves item `item`.
    PriorityServes {
        priority: usize,
        item: String,
    },
}

impl ToggleField {
    pub fn value(&self, session: &Session) -> bool {
        match self {
            ToggleField::EvidencePrivate(i, e) => session
                .items
                .get(*i)
                .and_then(|r| r.evidence.get(*e))
                .is_some_and(|e| e.private),
            ToggleField::PriorityServes { priority, item } => session
                .priorities
                .get(*priority)
                .is_some_and(|p| p.serves.contains(item)),
        }
    }

    pub fn toggle(&self, session: &mut Session) {
        match self {
            ToggleField::EvidencePrivate(i, e) => {
                if let Some(e) = session
                    .items
                    .get_mut(*i)
                    .and_then(|r| r.evidence.get_mut(*e))
                {
                    e.private = !e.private;
                }
            }
            ToggleField::PriorityServes { priority, item } => {
                if let Some(p) = session.priorities.get_mut(*priority) {
                    if let Some(at) = p.serves.iter().position(|s| s == item) {
                        p.serves.remove(at);
                    } else {
                        p.serves.push(item.clone());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_round_trip_through_their_lines() {
        let text = "2027-01-15 Audit tool updated\nTraining for all teams\n\n2027-03-01";
        let milestones = parse_milestones(text);
        assert_eq!(milestones.len(), 3);
        assert_eq!(
            milestones[0].date,
            Some("2027-01-15".parse().expect("date"))
        );
        assert_eq!(milestones[0].text, "Audit tool updated");
        assert_eq!(milestones[1].date, None);
        assert_eq!(milestones[1].text, "Training for all teams");
        assert_eq!(milestones[2].text, "");
        assert_eq!(
            format_milestones(&milestones),
            "2027-01-15 Audit tool updated\nTraining for all teams\n2027-03-01"
        );
    }

    #[test]
    fn editing_milestones_keeps_their_ids() {
        let mut old = parse_milestones("2027-01-15 Audit\nTraining\nReview");
        for (m, id) in old.iter_mut().zip(["aaaaaaaa", "bbbbbbbb", "cccccccc"]) {
            m.id = id.into();
        }
        old[1].status = crate::session::model::PriorityStatus::Done;
        // Reordered, one edited in place, one new line.
        let new = parse_milestones_keeping("Training\n2027-01-15 Audit tool\nReview\nNew", &old);
        let ids: Vec<&str> = new.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["bbbbbbbb", "aaaaaaaa", "cccccccc", ""]);
        assert_eq!(new[0].status, crate::session::model::PriorityStatus::Done);
        assert_eq!(new[1].text, "Audit tool");
    }

    #[test]
    fn a_date_that_is_not_a_date_is_refused_not_lost() {
        assert_eq!(
            parse_date("31/01/2027").expect("day/month/year"),
            Some(Date::constant(2027, 1, 31))
        );
        assert!(parse_date("31/02/2027").is_err());
        assert_eq!(parse_date("  ").expect("empty clears"), None);
        assert!(parse_date("2027-02-30").is_err());
        // A milestone line with a bad date keeps all its text.
        let kept = parse_milestones("2027-02-30 Review");
        assert_eq!(kept[0].text, "2027-02-30 Review");
        assert_eq!(kept[0].date, None);
    }
}
