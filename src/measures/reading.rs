//! Reading a measure: its figures in words, the change since the baseline,
//! whether a value is overdue, and the forecast if nothing changes. Pure:
//! today is always passed in.

use super::model::{Better, ComparatorKind, Figure, Measure, Unit, Value};
use super::period::Period;
use jiff::civil::Date;

/// Days after a period ends before its value is counted overdue: the
/// figures of a month or quarter take some weeks to come through.
pub const GRACE_DAYS: i64 = 30;

/// A number as people write it: at most one decimal place, no trailing
/// `.0`.
pub fn number(n: f64) -> String {
    let rounded = (n * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// A figure with its unit; a fraction always with both figures, e.g.
/// `37.5% (3 of 8)`.
pub fn figure(figure: Figure, unit: Unit) -> String {
    match figure {
        Figure::Fraction {
            numerator,
            denominator,
        } => format!(
            "{}% ({} of {})",
            number(figure.amount()),
            number(numerator),
            number(denominator)
        ),
        Figure::Number(n) => amount(n, unit),
    }
}

/// A plain amount in the measure's unit.
pub fn amount(n: f64, unit: Unit) -> String {
    match unit {
        Unit::Percentage => format!("{}%", number(n)),
        Unit::Days => format!("{} days", number(n)),
        Unit::Count | Unit::Rate => number(n),
    }
}

pub fn comparator_label(kind: ComparatorKind) -> &'static str {
    match kind {
        ComparatorKind::National => "national",
        ComparatorKind::StatisticalNeighbours => "statistical neighbours",
        ComparatorKind::Target => "target",
    }
}

pub fn comparator_slug(kind: ComparatorKind) -> &'static str {
    match kind {
        ComparatorKind::National => "national",
        ComparatorKind::StatisticalNeighbours => "statistical-neighbours",
        ComparatorKind::Target => "target",
    }
}

pub fn comparator_from_slug(text: &str) -> Option<ComparatorKind> {
    let text = text.trim().to_lowercase().replace([' ', '_'], "-");
    match text.as_str() {
        "national" => Some(ComparatorKind::National),
        "statistical-neighbours" | "stat-neighbours" | "neighbours" => {
            Some(ComparatorKind::StatisticalNeighbours)
        }
        "target" => Some(ComparatorKind::Target),
        _ => None,
    }
}

/// One value in a line: the figure, its comparators and its breakdowns.
pub fn value_line(value: &Value, unit: Unit) -> String {
    let mut line = format!("{}: {}", value.period, figure(value.figure, unit));
    for c in &value.comparators {
        let shown = amount(c.value, unit_of_comparison(value.figure, unit));
        line.push_str(&format!("; {} {shown}", comparator_label(c.kind)));
    }
    if !value.breakdowns.is_empty() {
        let parts: Vec<String> = value
            .breakdowns
            .iter()
            .map(|b| format!("{} {}", b.name, figure(b.figure, unit)))
            .collect();
        line.push_str(&format!(" [{}]", parts.join(", ")));
    }
    line
}

/// A fraction is compared as a percentage, whatever the unit says.
fn unit_of_comparison(figure: Figure, unit: Unit) -> Unit {
    match figure {
        Figure::Fraction { .. } => Unit::Percentage,
        Figure::Number(_) => unit,
    }
}

/// Which way a change went, for the children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Better,
    Worse,
    Same,
}

impl Verdict {
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Better => "better",
            Verdict::Worse => "worse",
            Verdict::Same => "no change",
        }
    }
}

/// The change from the baseline to the latest value.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub from: Period,
    pub to: Period,
    /// Latest minus baseline, in the unit plotted.
    pub difference: f64,
    pub verdict: Verdict,
}

pub fn change(measure: &Measure) -> Option<Change> {
    let base = measure.baseline_value()?;
    let latest = measure.latest()?;
    if latest.period <= base.period {
        return None;
    }
    let difference = latest.figure.amount() - base.figure.amount();
    // Differences too small to show are no change.
    let verdict = if number(difference.abs()) == "0" {
        Verdict::Same
    } else if (difference > 0.0) == (measure.better == Better::Higher) {
        Verdict::Better
    } else {
        Verdict::Worse
    };
    Some(Change {
        from: base.period,
        to: latest.period,
        difference,
        verdict,
    })
}

/// "up 12 points since 2025-Q1 (better)": percentages move in points.
pub fn change_words(measure: &Measure) -> Option<String> {
    let change = change(measure)?;
    if change.verdict == Verdict::Same {
        return Some(format!("no change since {}", change.from));
    }
    let direction = if change.difference > 0.0 {
        "up"
    } else {
        "down"
    };
    let size = number(change.difference.abs());
    let percent = measure.unit == Unit::Percentage
        || matches!(
            measure.latest().map(|v| v.figure),
            Some(Figure::Fraction { .. })
        );
    let unit = match measure.unit {
        _ if percent => {
            if size == "1" {
                " point"
            } else {
                " points"
            }
        }
        Unit::Days => {
            if size == "1" {
                " day"
            } else {
                " days"
            }
        }
        Unit::Count | Unit::Rate | Unit::Percentage => "",
    };
    Some(format!(
        "{direction} {size}{unit} since {} ({})",
        change.from,
        change.verdict.word()
    ))
}

/// The better direction in words.
pub fn better_words(better: Better) -> &'static str {
    match better {
        Better::Higher => "higher is better",
        Better::Lower => "lower is better",
    }
}

/// The period whose value is overdue on `today`, if one is: the latest
/// period that has ended more than [`GRACE_DAYS`] ago, when neither it nor
/// a later one has a value.
pub fn overdue(measure: &Measure, today: Date) -> Option<Period> {
    let grace_ago = today.checked_sub(jiff::Span::new().days(GRACE_DAYS)).ok()?;
    let due = Period::last_ended(measure.frequency, grace_ago)?;
    let covered = measure.latest().is_some_and(|v| v.period >= due);
    (!covered).then_some(due)
}

/// Forecast if nothing changes: a straight line fitted (least squares)
/// through the last `FORECAST_BASIS` values and carried on. Not a
/// prediction: it shows where the curve is heading.
pub const FORECAST_BASIS: usize = 4;

pub fn forecast(measure: &Measure, ahead: usize) -> Vec<(Period, f64)> {
    let mut values: Vec<&Value> = measure.values.iter().collect();
    values.sort_by_key(|v| v.period);
    let basis = &values[values.len().saturating_sub(FORECAST_BASIS)..];
    let Some(last) = basis.last() else {
        return Vec::new();
    };
    if basis.len() < 2 {
        return Vec::new();
    }
    let first = basis[0].period;
    let points: Vec<(f64, f64)> = basis
        .iter()
        .map(|v| (f64::from(first.steps_to(v.period)), v.figure.amount()))
        .collect();
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let spread: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let slope = points
        .iter()
        .map(|p| (p.0 - mean_x) * (p.1 - mean_y))
        .sum::<f64>()
        / spread;
    let mut out = Vec::new();
    let mut period = last.period;
    for _ in 0..ahead {
        let Some(next) = period.next() else { break };
        period = next;
        let x = f64::from(first.steps_to(period));
        let mut y = mean_y + slope * (x - mean_x);
        if measure.unit == Unit::Percentage || matches!(last.figure, Figure::Fraction { .. }) {
            y = y.clamp(0.0, 100.0);
        } else {
            y = y.max(0.0);
        }
        out.push((period, y));
    }
    out
}

/// The words that go with a forecast wherever it is shown.
pub const FORECAST_LABEL: &str = "forecast if nothing changes: a straight line through the last four values, carried on (not a prediction)";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::model::Comparator;

    fn measure(values: &[(&str, Figure)]) -> Measure {
        let mut m = Measure::new(
            "abcdefgh".into(),
            "Test".into(),
            "2026-01-01T00:00:00Z".parse().expect("ts"),
        );
        m.values = values
            .iter()
            .map(|(p, f)| Value {
                period: p.parse().expect("period"),
                figure: *f,
                breakdowns: Vec::new(),
                comparators: Vec::new(),
                note: String::new(),
            })
            .collect();
        m
    }

    fn frac(numerator: f64, denominator: f64) -> Figure {
        Figure::Fraction {
            numerator,
            denominator,
        }
    }

    #[test]
    fn a_fraction_shows_its_percentage_with_both_figures() {
        assert_eq!(figure(frac(3.0, 8.0), Unit::Percentage), "37.5% (3 of 8)");
        assert_eq!(figure(frac(12.0, 40.0), Unit::Count), "30% (12 of 40)");
        assert_eq!(figure(Figure::Number(14.25), Unit::Days), "14.3 days");
        let mut value = measure(&[("2026-Q1", frac(1.0, 3.0))]).values.remove(0);
        value.comparators.push(Comparator {
            kind: ComparatorKind::National,
            value: 22.0,
        });
        assert_eq!(
            value_line(&value, Unit::Percentage),
            "2026-Q1: 33.3% (1 of 3); national 22%"
        );
    }

    #[test]
    fn change_since_baseline_in_words_with_the_better_direction() {
        let mut m = measure(&[
            ("2025-Q1", frac(20.0, 100.0)),
            ("2025-Q2", frac(25.0, 100.0)),
            ("2025-Q3", frac(32.0, 100.0)),
        ]);
        assert_eq!(
            change_words(&m).as_deref(),
            Some("up 12 points since 2025-Q1 (better)")
        );
        m.better = Better::Lower;
        assert_eq!(
            change_words(&m).as_deref(),
            Some("up 12 points since 2025-Q1 (worse)")
        );
        m.baseline = Some("2025-Q2".parse().expect("period"));
        assert_eq!(
            change_words(&m).as_deref(),
            Some("up 7 points since 2025-Q2 (worse)")
        );
        let mut days = measure(&[
            ("2025", Figure::Number(30.0)),
            ("2026", Figure::Number(21.0)),
        ]);
        days.unit = Unit::Days;
        days.better = Better::Lower;
        assert_eq!(
            change_words(&days).as_deref(),
            Some("down 9 days since 2025 (better)")
        );
        assert_eq!(
            change_words(&measure(&[("2025", Figure::Number(1.0))])),
            None
        );
    }

    #[test]
    fn overdue_counts_from_the_last_ended_period_after_a_grace() {
        let m = measure(&[("2026-Q1", Figure::Number(1.0))]);
        let d = |s: &str| s.parse::<Date>().expect("date");
        assert_eq!(overdue(&m, d("2026-07-20")), None, "Q2 ended in the grace");
        assert_eq!(
            overdue(&m, d("2026-08-01"))
                .map(|p| p.to_string())
                .as_deref(),
            Some("2026-Q2")
        );
        assert_eq!(
            overdue(&measure(&[]), d("2026-08-01"))
                .map(|p| p.to_string())
                .as_deref(),
            Some("2026-Q2"),
            "a measure with no values is waiting for its first"
        );
    }

    #[test]
    fn the_forecast_carries_the_recent_line_on() {
        let m = measure(&[
            ("2025-Q1", Figure::Number(50.0)),
            ("2025-Q2", Figure::Number(10.0)),
            ("2025-Q3", Figure::Number(12.0)),
            ("2025-Q4", Figure::Number(14.0)),
            ("2026-Q1", Figure::Number(16.0)),
        ]);
        let f = forecast(&m, 2);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0.to_string(), "2026-Q2");
        assert!((f[0].1 - 18.0).abs() < 1e-9, "{f:?}");
        assert!((f[1].1 - 20.0).abs() < 1e-9, "{f:?}");
        assert!(forecast(&measure(&[("2025", Figure::Number(1.0))]), 2).is_empty());
    }
}
