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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::edit;
    use crate::measures::model::Breakdown;

    fn measure() -> Measure {
        Measure::new(
            "abcdefgh".into(),
            "Visits".into(),
            "2026-01-01T00:00:00Z".parse().expect("ts"),
        )
    }

    fn value(period: &str, figure: Figure) -> Value {
        edit::value(period.parse().expect("period"), figure)
    }

    #[test]
    fn values_must_fit_the_frequency_and_be_numbers() {
        let m = measure();
        assert!(value_problems(&m, &value("2026-Q1", Figure::Number(3.0))).is_empty());
        let monthly = value_problems(&m, &value("2026-03", Figure::Number(3.0)));
        assert!(monthly[0].contains("reported quarterly"), "{monthly:?}");
        let zero = Figure::Fraction {
            numerator: 1.0,
            denominator: 0.0,
        };
        assert!(value_problems(&m, &value("2026-Q1", zero))[0].contains("denominator"));
        assert!(!value_problems(&m, &value("2026-Q1", Figure::Number(f64::NAN))).is_empty());
        let mut twice = value("2026-Q1", Figure::Number(1.0));
        for _ in 0..2 {
            twice.breakdowns.push(Breakdown {
                name: "North".into(),
                figure: Figure::Number(1.0),
            });
        }
        assert!(value_problems(&m, &twice)[0].contains("given twice"));
    }

    #[test]
    fn a_period_twice_a_missing_baseline_and_a_shared_id_are_problems() {
        let mut m = measure();
        edit::record(&mut m, value("2026-Q1", Figure::Number(1.0))).expect("first");
        let again = edit::record(&mut m, value("2026-Q1", Figure::Number(2.0)));
        assert!(again.expect_err("refused")[0].contains("not replaced"));
        m.values.push(value("2026-Q1", Figure::Number(2.0)));
        m.baseline = Some("2025-Q1".parse().expect("period"));
        let problems = measure_problems(&m);
        assert!(
            problems.iter().any(|p| p.contains("two values")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("baseline 2025-Q1")),
            "{problems:?}"
        );
        let register = MeasureRegister {
            measures: vec![measure(), measure()],
            ..MeasureRegister::default()
        };
        let problems = register_problems(&register);
        assert!(
            problems.iter().any(|p| p.contains("used twice")),
            "{problems:?}"
        );
    }
}
