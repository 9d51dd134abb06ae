//! Any register of measures, with any Unicode text and any finite figures,
//! encodes and decodes to itself: a save is never refused for its words
//! or numbers.

use howgood::content::model::InformationType;
use howgood::measures::file::{decode, encode};
use howgood::measures::model::*;
use howgood::measures::period::{Frequency, Period};
use howgood::session::model::Priority;
use jiff::Timestamp;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

fn stable_id() -> impl Strategy<Value = String> {
    "[0-9a-hjkmnp-tv-z]{8}"
}

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |n| n.is_finite()),
        (0u32..100_000).prop_map(f64::from),
        (0u32..10_000).prop_map(|n| f64::from(n) / 10.0),
    ]
}

fn figure() -> impl Strategy<Value = Figure> {
    prop_oneof![
        finite().prop_map(Figure::Number),
        (finite(), finite()).prop_map(|(numerator, denominator)| Figure::Fraction {
            numerator,
            denominator
        }),
    ]
}

fn value(year: i16, quarter: i8) -> impl Strategy<Value = Value> {
    (
        figure(),
        vec((any::<String>(), figure()), 0..3),
        vec((0usize..3, finite()), 0..3),
        any::<String>(),
    )
        .prop_map(move |(figure, breakdowns, comparators, note)| Value {
            period: Period::Quarter { year, quarter },
            figure,
            breakdowns: breakdowns
                .into_iter()
                .map(|(name, figure)| Breakdown { name, figure })
                .collect(),
            comparators: comparators
                .into_iter()
                .map(|(k, value)| Comparator {
                    kind: [
                        ComparatorKind::National,
                        ComparatorKind::StatisticalNeighbours,
                        ComparatorKind::Target,
                    ][k],
                    value,
                })
                .collect(),
            note,
        })
}

fn worksheet() -> impl Strategy<Value = Worksheet> {
    (
        stable_id(),
        (any::<String>(), any::<String>()),
        vec((any::<String>(), any::<String>()), 0..3),
        vec(
            (stable_id(), any::<String>(), option::of(stable_id())),
            0..3,
        ),
        vec((stable_id(), any::<String>(), any::<String>()), 0..2),
    )
        .prop_map(
            |(id, (doing, story), pairs, proposals, priorities)| Worksheet {
                id,
                date: "2026-11-25".parse().expect("date"),
                follows: None,
                how_are_we_doing: doing,
                story,
                partners: pairs
                    .iter()
                    .map(|(name, role)| Partner {
                        name: name.clone(),
                        role: role.clone(),
                    })
                    .collect(),
                what_works: pairs
                    .into_iter()
                    .map(|(idea, evidence)| WhatWorks { idea, evidence })
                    .collect(),
                proposals: proposals
                    .into_iter()
                    .map(|(id, text, priority)| Proposal { id, text, priority })
                    .collect(),
                priorities: priorities
                    .into_iter()
                    .map(|(id, statement, owner)| Priority {
                        statement,
                        owner,
                        measure: Some("measure1".into()),
                        ..Priority::new(id)
                    })
                    .collect(),
            },
        )
}

fn measure() -> impl Strategy<Value = Measure> {
    (
        (
            stable_id(),
            any::<String>(),
            any::<String>(),
            any::<String>(),
        ),
        (
            0usize..3,
            0usize..4,
            any::<bool>(),
            option::of(any::<String>()),
        ),
        vec(value(2025, 1), 0..2),
        vec(worksheet(), 0..2),
        0i64..4_102_444_800,
    )
        .prop_map(
            |(
                (id, title, definition, owner),
                (kind, unit, higher, area),
                values,
                worksheets,
                secs,
            )| {
                let mut m = Measure::new(id, title, Timestamp::from_second(secs).expect("ts"));
                m.kind = [
                    InformationType::Quantity,
                    InformationType::Quality,
                    InformationType::Outcome,
                ][kind];
                m.unit = [Unit::Count, Unit::Percentage, Unit::Rate, Unit::Days][unit];
                m.better = if higher {
                    Better::Higher
                } else {
                    Better::Lower
                };
                m.frequency = Frequency::Quarterly;
                m.definition = definition;
                m.owner = owner;
                m.area = area;
                m.values = values;
                m.worksheets = worksheets;
                m
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_register_reads_back_as_written(measures in vec(measure(), 0..3)) {
        let register = MeasureRegister { measures, ..MeasureRegister::default() };
        let text = encode(&register).expect("encodes and verifies");
        prop_assert!(text.starts_with("(\n  version: 1,"), "version first");
        prop_assert_eq!(decode(text.as_bytes()).expect("decodes").register, register);
    }
}
