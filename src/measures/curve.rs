//! The pure state a Turning the Curve screen (or a chart) draws from: the
//! worksheet's steps in the order of Outcomes-Based Accountability, with
//! their questions, whether each has been answered, and the curve itself
//! (values, baseline, comparators, forecast) as numbers by period. No
//! drawing and no files here.

use super::model::{Better, ComparatorKind, Measure, Unit, Worksheet};
use super::period::Period;
use super::reading;

/// The steps of a worksheet, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    HowAreWeDoing,
    Story,
    Partners,
    WhatWorks,
    Proposals,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::HowAreWeDoing,
        Step::Story,
        Step::Partners,
        Step::WhatWorks,
        Step::Proposals,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Step::HowAreWeDoing => "How are we doing?",
            Step::Story => "The story behind the curve",
            Step::Partners => "Partners with a role to play",
            Step::WhatWorks => "What works",
            Step::Proposals => "What we propose to do",
        }
    }

    /// The question the step asks of the group.
    pub fn prompt(self) -> &'static str {
        match self {
            Step::HowAreWeDoing => {
                "Read the curve: where it has been since the baseline, how it compares, and where it is heading if nothing changes."
            }
            Step::Story => {
                "Why does the curve look like this? The causes and forces at work, positive and negative."
            }
            Step::Partners => "Who else has a role to play in turning the curve, and what is it?",
            Step::WhatWorks => {
                "What would work to turn the curve, and what is the evidence that it works?"
            }
            Step::Proposals => {
                "What do we propose to do? Agreed proposals become priorities with an owner and a date."
            }
        }
    }

    pub fn next(self) -> Option<Step> {
        let at = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL.get(at + 1).copied()
    }

    pub fn previous(self) -> Option<Step> {
        let at = Step::ALL.iter().position(|s| *s == self)?;
        at.checked_sub(1).map(|i| Step::ALL[i])
    }

    /// Whether the worksheet has something written for this step.
    pub fn answered(self, sheet: &Worksheet) -> bool {
        match self {
            Step::HowAreWeDoing => !sheet.how_are_we_doing.trim().is_empty(),
            Step::Story => !sheet.story.trim().is_empty(),
            Step::Partners => !sheet.partners.is_empty(),
            Step::WhatWorks => !sheet.what_works.is_empty(),
            Step::Proposals => !sheet.proposals.is_empty(),
        }
    }
}

/// A measure's curve as numbers: everything a chart needs, and the words
/// that must go with it (never colour alone).
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    pub unit: Unit,
    pub better: Better,
    /// Values in period order, as plotted (a fraction as its percentage).
    pub points: Vec<(Period, f64)>,
    pub baseline: Option<(Period, f64)>,
    /// Each comparator's values by period.
    pub comparators: Vec<(ComparatorKind, Vec<(Period, f64)>)>,
    /// The forecast if nothing changes (see [`reading::FORECAST_LABEL`]).
    pub forecast: Vec<(Period, f64)>,
    /// "up 10 points since 2024-Q3 (worse)", when there is a change.
    pub change: Option<String>,
}

impl Curve {
    pub fn of(measure: &Measure, ahead: usize) -> Curve {
        let mut values: Vec<_> = measure.values.iter().collect();
        values.sort_by_key(|v| v.period);
        let comparators = [
            ComparatorKind::National,
            ComparatorKind::StatisticalNeighbours,
            ComparatorKind::Target,
        ]
        .into_iter()
        .filter_map(|kind| {
            let line: Vec<(Period, f64)> = values
                .iter()
                .filter_map(|v| {
                    let c = v.comparators.iter().find(|c| c.kind == kind)?;
                    Some((v.period, c.value))
                })
                .collect();
            (!line.is_empty()).then_some((kind, line))
        })
        .collect();
        Curve {
            unit: measure.unit,
            better: measure.better,
            points: values
                .iter()
                .map(|v| (v.period, v.figure.amount()))
                .collect(),
            baseline: measure
                .baseline_value()
                .map(|v| (v.period, v.figure.amount())),
            comparators,
            forecast: reading::forecast(measure, ahead),
            change: reading::change_words(measure),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::edit;
    use crate::measures::model::{Comparator, Figure};

    #[test]
    fn steps_run_in_order_and_know_when_they_are_answered() {
        assert_eq!(Step::HowAreWeDoing.next(), Some(Step::Story));
        assert_eq!(Step::Proposals.next(), None);
        assert_eq!(Step::HowAreWeDoing.previous(), None);
        let mut m = Measure::new(
            "abcdefgh".into(),
            "T".into(),
            "2026-01-01T00:00:00Z".parse().expect("ts"),
        );
        let sheet = edit::start_worksheet(
            &mut m,
            "2026-11-25".parse().expect("date"),
            "sheet001".into(),
        );
        assert!(Step::ALL.iter().all(|s| !s.answered(sheet)));
        sheet.story = "Plans ended early".into();
        edit::propose(sheet, "Review closures", "prop0001".into()).expect("propose");
        let answered: Vec<Step> = Step::ALL
            .into_iter()
            .filter(|s| s.answered(sheet))
            .collect();
        assert_eq!(answered, [Step::Story, Step::Proposals]);
    }

    #[test]
    fn the_curve_has_values_baseline_comparators_and_forecast() {
        let mut m = Measure::new(
            "abcdefgh".into(),
            "T".into(),
            "2026-01-01T00:00:00Z".parse().expect("ts"),
        );
        for (q, n) in [("2025-Q2", 10.0), ("2025-Q1", 8.0), ("2025-Q3", 12.0)] {
            let mut v = edit::value(
                q.parse().expect("period"),
                Figure::Fraction {
                    numerator: n,
                    denominator: 40.0,
                },
            );
            v.comparators.push(Comparator {
                kind: ComparatorKind::Target,
                value: 15.0,
            });
            edit::record(&mut m, v).expect("record");
        }
        let curve = Curve::of(&m, 2);
        let periods: Vec<String> = curve.points.iter().map(|p| p.0.to_string()).collect();
        assert_eq!(periods, ["2025-Q1", "2025-Q2", "2025-Q3"]);
        assert_eq!(curve.points[0].1, 20.0);
        assert_eq!(
            curve.baseline.map(|b| b.0.to_string()).as_deref(),
            Some("2025-Q1")
        );
        assert_eq!(curve.comparators.len(), 1);
        assert_eq!(curve.comparators[0].1.len(), 3);
        assert_eq!(curve.forecast.len(), 2);
        assert_eq!(
            curve.change.as_deref(),
            Some("up 10 points since 2025-Q1 (better)")
        );
    }
}
