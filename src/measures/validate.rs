//! What makes a measure sound: a title, values in periods of its own
//! frequency with no period twice, finite figures, fractions with a
//! denominator above zero, a baseline that is one of its periods, ids
//! given once. Messages never quote a note.

use super::model::{Figure, Measure, MeasureRegister, Value};
use std::collections::HashSet;

fn figure_problem(figure: Figure) -> Option<String> {
    match figure {
        Figure::Number(n) if !n.is_finite() => Some("the value is not a number".into()),
        Figure::Number(_) => None,
        Figure::Fraction {
            numerator,
            denominator,
        } => {
            if !numerator.is_finite() || !denominator.is_finite() {
                Some("the numerator and denominator must be numbers".into())
            } else if denominator <= 0.0 {
                Some(format!(
                    "the denominator must be more than 0 (it is {denominator})"
                ))
            } else if numerator < 0.0 {
                Some(format!(
                    "the numerator cannot be negative (it is {numerator})"
                ))
            } else {
                None
            }
        }
    }
}

/// Problems with one value, as it would sit in `measure`.
pub fn value_problems(measure: &Measure, value: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if value.period.frequency() != measure.frequency {
        problems.push(format!(
            "{}: {} is reported {}, so each value is for {}",
            value.period,
            measure.title,
            measure.frequency.slug(),
            measure.frequency.example()
        ));
    }
    let figures = std::iter::once(value.figure).chain(value.breakdowns.iter().map(|b| b.figure));
    problems.extend(
        figures
            .filter_map(figure_problem)
            .map(|p| format!("{}: {p}", value.period)),
    );
    let mut names = HashSet::new();
    for b in &value.breakdowns {
        if b.name.trim().is_empty() {
            problems.push(format!("{}: a breakdown needs a name", value.period));
        } else if !names.insert(b.name.to_lowercase()) {
            problems.push(format!(
                "{}: breakdown {} is given twice",
                value.period, b.name
            ));
        }
    }
    let mut kinds = HashSet::new();
    for c in &value.comparators {
        if !c.value.is_finite() {
            problems.push(format!("{}: a comparator is not a number", value.period));
        }
        if !kinds.insert(c.kind) {
            problems.push(format!(
                "{}: the {} comparator is given twice",
                value.period,
                super::reading::comparator_label(c.kind)
            ));
        }
    }
    problems
}

/// Every problem with a measure, prefixed by its id.
pub fn measure_problems(measure: &Measure) -> Vec<String> {
    let mut problems = Vec::new();
    if measure.title.trim().is_empty() {
        problems.push("the title is empty".to_owned());
    }
    if !crate::session::ids::is_stable_id(&measure.id) {
        problems.push(format!("{:?} is not a stable id", measure.id));
    }
    let mut periods = HashSet::new();
    for value in &measure.values {
        if !periods.insert(value.period) {
            problems.push(format!(
                "{}: there are two values for this period",
                value.period
            ));
        }
        problems.extend(value_problems(measure, value));
    }
    if let Some(baseline) = measure.baseline
        && !periods.contains(&baseline)
    {
        problems.push(format!("the baseline {baseline} has no value"));
    }
    problems
        .into_iter()
        .map(|p| format!("measure {}: {p}", measure.id))
        .collect()
}

/// Every problem in the register, including an id used twice anywhere.
pub fn register_problems(register: &MeasureRegister) -> Vec<String> {
    let mut problems: Vec<String> = register
        .measures
        .iter()
        .flat_map(measure_problems)
        .collect();
    let mut seen = HashSet::new();
    for id in all_ids(register) {
        if !id.is_empty() && !seen.insert(id) {
            problems.push(format!("the id {id} is used twice"));
        }
    }
    problems
}

/// Every stable id in the register: measures, worksheets, proposals and
/// priorities with their milestones.
pub fn all_ids(register: &MeasureRegister) -> Vec<&str> {
    let mut ids = Vec::new();
    for m in &register.measures {
        ids.push(m.id.as_str());
        for w in &m.worksheets {
            ids.push(w.id.as_str());
            ids.extend(w.proposals.iter().map(|p| p.id.as_str()));
            for p in &w.priorities {
                ids.push(p.id.as_str());
                ids.extend(p.milestones.iter().map(|m| m.id.as_str()));
            }
        }
    }
    ids
}
