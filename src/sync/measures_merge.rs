//! The measures register (`measures/measures.ron`) merged as data, like
//! sessions: measures matched by id, values by their period, worksheets,
//! proposals and priorities by id; a field both sides changed differently
//! is recorded in the register's own list of conflicts.
//!
//! The register keeps no time of saving, so the side whose values stay in
//! a field both changed is the one whose text sorts last (a property of
//! the two copies, so both machines reach the same file), and a conflict's
//! time is the newest measure's creation on that side.

use super::merge::{Schema, Side, merge3};
use super::session_merge::{Authors, record};
use crate::measures::model::MeasureRegister;
use jiff::Timestamp;
use serde_json::Value;

/// The keys of the register's lists of records. Lists not named here
/// (a measure's breakdown names) merge as sets of whole values.
pub struct MeasuresSchema;

impl Schema for MeasuresSchema {
    fn key(&self, list: &str, element: &Value) -> Option<String> {
        let text = |name: &str| element.get(name).and_then(Value::as_str);
        let key = match list {
            "measures"
            | "measures.worksheets"
            | "measures.worksheets.proposals"
            | "measures.worksheets.priorities"
            | "measures.worksheets.priorities.milestones"
            | "conflicts" => text("id"),
            // A period is written as its name (`2026-Q1`): one value each.
            "measures.values" => text("period"),
            "measures.values.breakdowns" | "measures.worksheets.partners" => text("name"),
            "measures.worksheets.what_works" => text("idea"),
            "measures.values.comparators" => {
                return element.get("kind").map(Value::to_string);
            }
            _ => None,
        };
        key.filter(|k| !k.is_empty()).map(str::to_owned)
    }
}

fn to_value(register: &MeasureRegister) -> Value {
    serde_json::to_value(register).expect("a register is always a JSON value")
}

/// When a side last had anything new: its newest measure's creation.
fn stamp(register: &MeasureRegister) -> Timestamp {
    register
        .measures
        .iter()
        .map(|m| m.created)
        .max()
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Merge two registers descended from `base` (`None`: added on both
/// sides). Every value either side had ends in the result, in its place
/// or in a recorded conflict.
pub fn merge_registers(
    base: Option<&MeasureRegister>,
    ours: &MeasureRegister,
    theirs: &MeasureRegister,
    authors: &Authors,
) -> Result<MeasureRegister, serde_json::Error> {
    let version = ours.version.max(theirs.version);
    let normalise = |r: &MeasureRegister| {
        let mut r = r.clone();
        r.version = version;
        to_value(&r)
    };
    let (o, t) = (normalise(ours), normalise(theirs));
    let (o_text, t_text) = (o.to_string(), t.to_string());
    let winner = if o_text >= t_text {
        Side::Ours
    } else {
        Side::Theirs
    };
    let (merged, found) = merge3(
        &MeasuresSchema,
        base.map(normalise).as_ref(),
        &o,
        &t,
        winner,
    );
    let mut register: MeasureRegister = serde_json::from_value(merged)?;
    let at = [stamp(ours), stamp(theirs)];
    for found in found {
        let conflict = record(&found, at, authors);
        if !register.conflicts.iter().any(|c| c.id == conflict.id) {
            register.conflicts.push(conflict);
        }
    }
    register
        .conflicts
        .sort_by(|a, b| (&a.path, &a.id).cmp(&(&b.path, &b.id)));
    Ok(register)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::model::{Figure, Measure, Value as Reading};

    fn reading(period: &str, amount: f64) -> Reading {
        Reading {
            period: period.parse().expect("period"),
            figure: Figure::Number(amount),
            breakdowns: Vec::new(),
            comparators: Vec::new(),
            note: String::new(),
        }
    }

    fn base() -> MeasureRegister {
        let created = "2026-11-25T09:00:00Z".parse().expect("time");
        let mut m = Measure::new("m0000001".into(), "Plans on time".into(), created);
        m.values.push(reading("2026-Q1", 60.0));
        MeasureRegister {
            measures: vec![m],
            ..MeasureRegister::default()
        }
    }

    #[test]
    fn values_for_different_periods_both_arrive_and_the_same_period_conflicts() {
        let base = base();
        let mut ann = base.clone();
        ann.measures[0].values.push(reading("2026-Q2", 70.0));
        ann.measures[0].values.push(reading("2026-Q3", 75.0));
        let mut bob = base.clone();
        bob.measures[0].values.push(reading("2026-Q4", 80.0));
        bob.measures[0].values.push(reading("2026-Q3", 72.0));
        let authors = Authors::default();
        let one = merge_registers(Some(&base), &ann, &bob, &authors).expect("merges");
        let two = merge_registers(Some(&base), &bob, &ann, &authors).expect("merges");
        assert_eq!(one, two, "the same whichever side merges");
        let periods: Vec<String> = one.measures[0]
            .values
            .iter()
            .map(|v| v.period.to_string())
            .collect();
        for p in ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"] {
            assert!(periods.contains(&p.to_owned()), "{periods:?}");
        }
        assert_eq!(periods.len(), 4, "{periods:?}");
        assert_eq!(one.conflicts.len(), 1, "{:?}", one.conflicts);
        assert!(
            one.conflicts[0]
                .path
                .starts_with("measures[m0000001].values[2026-Q3]")
        );
        let kept_and_other = [&one.conflicts[0].kept.value, &one.conflicts[0].other.value];
        assert!(kept_and_other.iter().any(|v| v.contains("75")));
        assert!(kept_and_other.iter().any(|v| v.contains("72")));
    }

    #[test]
    fn a_figure_conflict_settles_to_either_side_but_never_to_a_text() {
        use crate::sync::conflicts::{Choice, ResolveError, resolve_register_conflict};
        let base = base();
        let mut ann = base.clone();
        ann.measures[0].values.push(reading("2026-Q3", 75.0));
        let mut bob = base.clone();
        bob.measures[0].values.push(reading("2026-Q3", 72.0));
        let merged = merge_registers(Some(&base), &ann, &bob, &Authors::default()).expect("merges");
        let id = merged.conflicts[0].id.clone();
        let q3 = |r: &MeasureRegister| {
            r.measures[0]
                .values
                .iter()
                .find(|v| v.period.to_string() == "2026-Q3")
                .map(|v| v.figure)
        };
        let mut refused = merged.clone();
        assert_eq!(
            resolve_register_conflict(&mut refused, &id, Choice::Text("74".into())),
            Err(ResolveError::DoesNotFit)
        );
        assert_eq!(refused, merged, "unchanged on refusal");
        let mut kept = merged.clone();
        resolve_register_conflict(&mut kept, &id, Choice::Kept).expect("resolves");
        let mut other = merged.clone();
        resolve_register_conflict(&mut other, &id, Choice::Other).expect("resolves");
        assert!(kept.conflicts.is_empty() && other.conflicts.is_empty());
        let mut both = [q3(&kept), q3(&other)];
        both.sort_by(|a, b| {
            a.map(Figure::amount)
                .partial_cmp(&b.map(Figure::amount))
                .expect("numbers")
        });
        assert_eq!(
            both,
            [Some(Figure::Number(72.0)), Some(Figure::Number(75.0))]
        );
    }
}
