//! Conflicts a sync recorded in the register, read in the register's own
//! terms: which measure and period, and each value as the measure shows it
//! (a figure with its unit, not the data it is stored as). Used by the sync
//! commands, the conflicts screen and the measures screen and exports.

use super::model::{Figure, Measure, MeasureRegister, Value as Reading};
use super::period::Period;
use super::reading;
use crate::session::model::{ConflictKind, RecordedConflict};
use serde_json::Value;

/// Where in the register a conflict is, from its path
/// (`measures[<id>].values[<period>].<field>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub measure_id: String,
    /// For a value's field: the period it belongs to.
    pub period: Option<Period>,
    /// The rest of the path after the value (`figure`, `note`), or after
    /// the measure when the conflict is on the measure itself; empty when
    /// the whole record is the conflict (one side deleted it).
    pub field: String,
}

/// `None` for a path not inside a measure (never written by the merge).
pub fn place(conflict: &RecordedConflict) -> Option<Place> {
    let rest = conflict.path.strip_prefix("measures[")?;
    let (measure_id, rest) = rest.split_once(']')?;
    let (period, field) = match rest.strip_prefix(".values[") {
        Some(value) => {
            let (period, field) = value.split_once(']')?;
            (Some(period.parse().ok()?), field)
        }
        None => (None, rest),
    };
    Some(Place {
        measure_id: measure_id.to_owned(),
        period,
        field: field.trim_start_matches('.').to_owned(),
    })
}

fn measure<'r>(register: &'r MeasureRegister, id: &str) -> Option<&'r Measure> {
    register.measures.iter().find(|m| m.id == id)
}

/// What the conflict is about, e.g. `Plans on time · 2026-Q3 · figure`.
pub fn title(register: &MeasureRegister, conflict: &RecordedConflict) -> String {
    let Some(place) = place(conflict) else {
        return conflict.path.clone();
    };
    let mut parts = vec![
        measure(register, &place.measure_id)
            .map_or_else(|| place.measure_id.clone(), |m| m.title.clone()),
    ];
    if let Some(period) = place.period {
        parts.push(period.to_string());
    }
    if !place.field.is_empty() {
        parts.push(field_name(&place.field).to_owned());
    }
    parts.join(" · ")
}

/// A field as a person names it: the merge reaches inside a figure
/// (`figure.Number`, `figure.Fraction.numerator`), which is still the figure.
pub fn field_name(field: &str) -> &str {
    if field.starts_with("figure") {
        "figure"
    } else {
        field
    }
}

/// One side's value as a person reads it: a figure with the measure's unit,
/// a text as itself, a deleted record said so, anything else as compact data.
pub fn side_text(register: &MeasureRegister, conflict: &RecordedConflict, value: &str) -> String {
    let parsed: Option<Value> = serde_json::from_str(value).ok();
    let place = place(conflict);
    let unit = place
        .as_ref()
        .and_then(|p| measure(register, &p.measure_id).map(|m| m.unit))
        .unwrap_or(super::model::Unit::Count);
    let Some(parsed) = parsed else {
        return value.to_owned();
    };
    let field = place.as_ref().map_or("", |p| p.field.as_str());
    if let Some(n) = parsed.as_f64() {
        // A plain number (`figure.Number`) in the measure's unit; one part
        // of a fraction as a count.
        return if field == "figure.Number" {
            reading::amount(n, unit)
        } else {
            reading::amount(n, super::model::Unit::Count)
        };
    }
    if let Ok(figure) = serde_json::from_value::<Figure>(parsed.clone()) {
        return reading::figure(figure, unit);
    }
    if let Ok(whole) = serde_json::from_value::<Reading>(parsed.clone()) {
        return reading::figure(whole.figure, unit);
    }
    match parsed {
        Value::String(text) if text.is_empty() => "(empty)".to_owned(),
        Value::String(text) => text,
        Value::Null => "(deleted / empty)".to_owned(),
        other => other.to_string(),
    }
}

/// Whether both sides hold text (so a combined text may replace them).
pub fn is_text(conflict: &RecordedConflict) -> bool {
    let text = |v: &str| serde_json::from_str::<Value>(v).is_ok_and(|v| v.is_string());
    conflict.kind == ConflictKind::BothChanged
        && text(&conflict.kept.value)
        && text(&conflict.other.value)
}

/// The conflicts waiting on one measure's value for `period`.
pub fn on_value<'r>(
    register: &'r MeasureRegister,
    measure_id: &str,
    period: Period,
) -> Vec<&'r RecordedConflict> {
    register
        .conflicts
        .iter()
        .filter(|c| {
            place(c).is_some_and(|p| p.measure_id == measure_id && p.period == Some(period))
        })
        .collect()
}

/// The other value of a figure conflict on this period, as the measure
/// shows it, for a screen or export to put beside the one in the field.
pub fn other_figure(
    register: &MeasureRegister,
    measure_id: &str,
    period: Period,
) -> Option<String> {
    on_value(register, measure_id, period)
        .into_iter()
        .find(|c| place(c).is_some_and(|p| p.field.starts_with("figure") || p.field.is_empty()))
        .map(|c| side_text(register, c, &c.other.value))
}

/// Whether a conflict waits on this period's value, and if it is on the
/// figure, the other figure: `None` none waits; `Some(None)` one waits on
/// another field (its note, a breakdown).
pub fn waiting(
    register: &MeasureRegister,
    measure_id: &str,
    period: Period,
) -> Option<Option<String>> {
    if on_value(register, measure_id, period).is_empty() {
        return None;
    }
    Some(other_figure(register, measure_id, period))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::model::ConflictSide;

    fn conflict(path: &str, kept: &str, other: &str) -> RecordedConflict {
        let side = |value: &str| ConflictSide {
            value: value.to_owned(),
            by: "Ann".into(),
            at: jiff::Timestamp::UNIX_EPOCH,
        };
        RecordedConflict {
            id: "c1".into(),
            path: path.into(),
            kind: ConflictKind::BothChanged,
            kept: side(kept),
            other: side(other),
        }
    }

    #[test]
    fn a_figure_conflict_reads_as_the_measure_shows_it() {
        let created = "2026-11-25T09:00:00Z".parse().expect("time");
        let mut m = Measure::new("m0000001".into(), "Plans on time".into(), created);
        m.unit = super::super::model::Unit::Percentage;
        let c = conflict(
            "measures[m0000001].values[2026-Q3].figure.Number",
            "75.0",
            "72.0",
        );
        let register = MeasureRegister {
            measures: vec![m],
            conflicts: vec![c.clone()],
            ..MeasureRegister::default()
        };
        assert_eq!(title(&register, &c), "Plans on time · 2026-Q3 · figure");
        assert_eq!(side_text(&register, &c, &c.kept.value), "75%");
        let q3 = "2026-Q3".parse().expect("period");
        assert_eq!(
            other_figure(&register, "m0000001", q3).as_deref(),
            Some("72%")
        );
        assert!(on_value(&register, "m0000001", "2026-Q2".parse().expect("p")).is_empty());
        assert!(!is_text(&c));
        assert!(is_text(&conflict(
            "measures[m0000001].values[2026-Q3].note",
            "\"a\"",
            "\"b\""
        )));
    }
}
