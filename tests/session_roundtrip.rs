//! Any session, with any Unicode text, encodes and decodes to itself.

use howgood::session::codec::{decode, encode};
use howgood::session::model::*;
use jiff::Timestamp;
use jiff::civil::Date;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Any Unicode scalar values, including control characters, quotes,
    // backslashes, NUL, combining marks and emoji.
    any::<String>()
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_102_444_800, 0i32..1_000_000_000)
        .prop_map(|(s, ns)| Timestamp::new(s, ns).expect("in range"))
}

fn date() -> impl Strategy<Value = Date> {
    (1900i16..2200, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid"))
}

fn confidence() -> impl Strategy<Value = Confidence> {
    prop_oneof![
        Just(Confidence::High),
        Just(Confidence::Reasonable),
        Just(Confidence::Limited)
    ]
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (
        0usize..4,
        0usize..3,
        text(),
        option::of(date()),
        any::<bool>(),
        stable_id(),
    )
        .prop_map(
            |(source, information, description, date, private, id)| Evidence {
                id,
                source: EvidenceSource::ALL[source],
                information: InformationKind::ALL[information],
                description,
                date,
                private,
            },
        )
}

fn criterion() -> impl Strategy<Value = CriterionRecord> {
    (
        (text(), text(), 0usize..4),
        (text(), text()),
        option::of((0u32..50, 1u32..60)),
    )
        .prop_map(
            |((criterion, area, state), (evidence, note), audit)| CriterionRecord {
                criterion,
                area,
                state: CriterionState::ALL[state],
                evidence,
                note,
                audit: audit.map(|(numerator, denominator)| AuditProportion {
                    numerator,
                    denominator,
                }),
            },
        )
}

fn item() -> impl Strategy<Value = ItemRecord> {
    (
        (text(), option::of(1u8..=6), text(), text(), text()),
        vec((text(), 1u8..=6), 0..4),
        vec((text(), text(), any::<bool>(), text()), 0..3),
        vec(evidence(), 0..4),
        option::of(confidence()),
        (vec(criterion(), 0..3), text()),
    )
        .prop_map(
            |(
                (item, level, rationale, strengths, improvements),
                levels,
                questions,
                evidence,
                confidence,
                (criteria, narrative),
            )| {
                ItemRecord {
                    item,
                    level,
                    rationale,
                    revealed: levels.len() % 2 == 1,
                    individual_levels: levels
                        .into_iter()
                        .map(|(participant, level)| IndividualLevel { participant, level })
                        .collect(),
                    strengths,
                    improvements,
                    questions: questions
                        .into_iter()
                        .map(|(area, question, discussed, note)| QuestionNote {
                            area,
                            question,
                            discussed,
                            note,
                        })
                        .collect(),
                    evidence,
                    confidence,
                    criteria,
                    narrative,
                }
            },
        )
}

/// Ids as howgood gives them (the file keeps whatever text is there).
fn stable_id() -> impl Strategy<Value = String> {
    "[0-9a-hjkmnp-tv-z]{8}"
}

fn progress() -> impl Strategy<Value = ProgressUpdate> {
    (date(), 0usize..5, text(), option::of(text())).prop_map(|(date, status, note, impact)| {
        ProgressUpdate {
            date,
            status: PriorityStatus::ALL[status],
            note,
            impact,
        }
    })
}

fn priority() -> impl Strategy<Value = Priority> {
    (
        (text(), text(), option::of(date()), text(), stable_id()),
        vec(
            (
                text(),
                option::of(date()),
                stable_id(),
                vec(progress(), 0..2),
            ),
            0..3,
        ),
        vec(text(), 0..3),
        (0usize..5, option::of(date()), vec(progress(), 0..3)),
        option::of((text(), stable_id())),
        option::of(stable_id()),
    )
        .prop_map(
            |(
                (statement, owner, deadline, measure_of_success, id),
                milestones,
                serves,
                (status, done_on, log),
                carries,
                measure,
            )| {
                Priority {
                    id,
                    statement,
                    owner,
                    deadline,
                    milestones: milestones
                        .into_iter()
                        .map(|(text, date, id, log)| Milestone {
                            log,
                            ..Milestone::new(id, text, date)
                        })
                        .collect(),
                    measure_of_success,
                    serves,
                    status: PriorityStatus::ALL[status],
                    done_on,
                    log,
                    carries: carries.map(|(session, action)| ActionRef { session, action }),
                    measure,
                }
            },
        )
}

fn session() -> impl Strategy<Value = Session> {
    (
        (
            text(),
            0usize..3,
            text(),
            text(),
            any::<bool>(),
            timestamp(),
            timestamp(),
        ),
        vec(text(), 0..4),
        vec(item(), 0..3),
        vec(priority(), 0..3),
        (text(), text(), text(), option::of(confidence())),
        (
            option::of(text()),
            option::of(text()),
            option::of(text()),
            option::of(date()),
        ),
    )
        .prop_map(
            |(
                (id, kind, title, framework, borrowed, created, updated),
                participants,
                items,
                priorities,
                capacity,
                (follows, locality, facilitator, next_due),
            )| {
                Session {
                    version: SESSION_FORMAT_VERSION,
                    id,
                    kind: [
                        SessionKind::Workshop,
                        SessionKind::Supervision,
                        SessionKind::DailyReview,
                    ][kind],
                    title,
                    scale: if borrowed {
                        ScaleChoice::Borrowed(framework.clone())
                    } else {
                        ScaleChoice::Framework
                    },
                    framework,
                    created,
                    updated,
                    participants,
                    items,
                    priorities,
                    timers: PhaseTimers {
                        now_minutes: created.as_second().unsigned_abs() as u32 % 90,
                        know_minutes: 15,
                        can_minutes: updated.subsec_nanosecond().unsigned_abs() % 60,
                    },
                    framing: [Framing::AsWritten, Framing::You, Framing::We][kind],
                    follows,
                    locality,
                    facilitator,
                    next_due,
                    conflicts: Vec::new(),
                    walk: Default::default(),
                    standard: if borrowed {
                        Standard::GoodStatements
                    } else {
                        Standard::Scale
                    },
                    supervision: None,
                    capacity: Capacity {
                        outcomes_and_impacts: capacity.0,
                        leadership_and_management: capacity.1,
                        quality_improvement: capacity.2,
                        confidence: capacity.3,
                    },
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_session_round_trips(session in session()) {
        let text = encode(&session).expect("encodes and verifies");
        let decoded = decode(text.as_bytes()).expect("decodes");
        prop_assert_eq!(decoded.session, session);
        prop_assert!(decoded.unknown_fields.is_empty());
    }
}
