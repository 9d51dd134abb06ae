//! Random concurrent edits on two copies of a session, merged by the sync
//! merge in both orders: the same result, and no value either side wrote
//! is lost (it is in its field or in a recorded conflict).

use howgood::session::codec;
use howgood::session::model::{
    Evidence, EvidenceSource, InformationKind, ItemRecord, Priority, PriorityStatus,
    ProgressUpdate, ScaleChoice, Session, SessionKind,
};
use howgood::sync::session_merge::{Authors, merge_sessions};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Edit {
    Rationale(usize, String),
    Level(usize, Option<u8>),
    AddEvidence(usize, String),
    DeleteEvidence(usize),
    Statement(usize, String),
    DeletePriority(usize),
    AddUpdate(usize, String),
    AddPriority(String),
    AddParticipant(String),
    Capacity(String),
}

fn words() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["x", "y", "z", "two\nlines", "émoji 👩‍👧", ""]).prop_map(str::to_owned)
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..3usize, words()).prop_map(|(i, t)| Edit::Rationale(i, t)),
        (0..3usize, prop::option::of(1..7u8)).prop_map(|(i, l)| Edit::Level(i, l)),
        (0..3usize, words()).prop_map(|(i, t)| Edit::AddEvidence(i, t)),
        (0..3usize).prop_map(Edit::DeleteEvidence),
        (0..3usize, words()).prop_map(|(i, t)| Edit::Statement(i, t)),
        (0..3usize).prop_map(Edit::DeletePriority),
        (0..3usize, words()).prop_map(|(i, t)| Edit::AddUpdate(i, t)),
        words().prop_map(Edit::AddPriority),
        prop::sample::select(vec!["Ann", "Bob", "Cat"])
            .prop_map(|n| Edit::AddParticipant(n.into())),
        words().prop_map(Edit::Capacity),
    ]
}

fn evidence(id: String, text: &str) -> Evidence {
    Evidence {
        id,
        source: EvidenceSource::CaseRecords,
        information: InformationKind::Quantity,
        description: text.into(),
        date: None,
        private: false,
    }
}

fn update(note: &str) -> ProgressUpdate {
    ProgressUpdate {
        date: "2026-11-25".parse().expect("date"),
        status: PriorityStatus::InProgress,
        note: note.into(),
        impact: None,
    }
}

fn base() -> Session {
    let mut s = Session::new(
        "2026-11-25-prop-0001".into(),
        SessionKind::Workshop,
        "Prop".into(),
        "hmie-cp-2009".into(),
        ScaleChoice::Framework,
        "2026-11-25T09:00:00Z".parse().expect("time"),
    );
    for (n, id) in ["1.1", "2.1", "5.3"].into_iter().enumerate() {
        let mut item = ItemRecord::new(id);
        item.rationale = "base".into();
        item.evidence
            .push(evidence(format!("e000000{n}"), "base evidence"));
        s.items.push(item);
        let mut p = Priority::new(format!("p000000{n}"));
        p.statement = "base statement".into();
        p.log.push(update("base update"));
        s.priorities.push(p);
    }
    s.participants.push("Ann".into());
    s
}

fn apply(session: &mut Session, edits: &[Edit], side: char, seconds: i64) {
    for (n, edit) in edits.iter().enumerate() {
        let new_id = format!("{side}{n:07}");
        match edit.clone() {
            Edit::Rationale(i, t) => session.items[i].rationale = t,
            Edit::Level(i, l) => session.items[i].level = l,
            Edit::AddEvidence(i, t) => session.items[i].evidence.push(evidence(new_id, &t)),
            Edit::DeleteEvidence(i) => session.items[i].evidence.clear(),
            Edit::Statement(i, t) => {
                if let Some(p) = session.priorities.get_mut(i) {
                    p.statement = t;
                }
            }
            Edit::DeletePriority(i) => {
                if i < session.priorities.len() {
                    session.priorities.remove(i);
                }
            }
            Edit::AddUpdate(i, t) => {
                if let Some(p) = session.priorities.get_mut(i) {
                    p.log.push(update(&t));
                }
            }
            Edit::AddPriority(t) => {
                let mut p = Priority::new(new_id);
                p.statement = t;
                session.priorities.push(p);
            }
            Edit::AddParticipant(name) => {
                if !session.participants.contains(&name) {
                    session.participants.push(name);
                }
            }
            Edit::Capacity(t) => session.capacity.quality_improvement = t,
        }
    }
    if !edits.is_empty() {
        session.updated += SignedDuration::from_secs(seconds);
    }
}

/// Whether `value` is in the merged session's field or one of its conflicts.
fn kept(merged: &Session, field: &str, value: &str) -> bool {
    let json = serde_json::Value::String(value.to_owned()).to_string();
    field == value
        || merged
            .conflicts
            .iter()
            .any(|c| c.kept.value == json || c.other.value == json)
}

fn check_nothing_lost(base: &Session, side: &Session, merged: &Session) {
    for item in &side.items {
        let old = base.item(&item.item).expect("base item");
        let now = merged.item(&item.item).expect("merged item");
        if item.rationale != old.rationale {
            assert!(
                kept(merged, &now.rationale, &item.rationale),
                "rationale lost"
            );
        }
        for e in &item.evidence {
            if !old.evidence.contains(e) {
                assert!(
                    now.evidence.iter().any(|m| m.id == e.id),
                    "evidence {} lost",
                    e.id
                );
            }
        }
    }
    for p in &side.priorities {
        let old = base.priorities.iter().find(|b| b.id == p.id);
        if old == Some(p) {
            continue;
        }
        let now = merged
            .priorities
            .iter()
            .find(|m| m.id == p.id)
            .expect("changed priority kept");
        if old.is_none_or(|o| o.statement != p.statement) {
            assert!(kept(merged, &now.statement, &p.statement), "statement lost");
        }
        for u in &p.log {
            if old.is_none_or(|o| !o.log.contains(u)) {
                assert!(now.log.contains(u), "update lost");
            }
        }
    }
    for name in &side.participants {
        if !base.participants.contains(name) {
            assert!(merged.participants.contains(name), "participant lost");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn merging_in_either_order_gives_one_result_and_loses_nothing(
        ours_edits in prop::collection::vec(edit(), 0..6),
        theirs_edits in prop::collection::vec(edit(), 0..6),
        ours_secs in 0..3i64,
        theirs_secs in 0..3i64,
    ) {
        let base = base();
        let mut a = base.clone();
        apply(&mut a, &ours_edits, 'a', ours_secs);
        let mut b = base.clone();
        apply(&mut b, &theirs_edits, 'b', theirs_secs);
        let ab = merge_sessions(Some(&base), &a, &b, &Authors { ours: "Ann".into(), theirs: "Bob".into() }).expect("merges");
        let ba = merge_sessions(Some(&base), &b, &a, &Authors { ours: "Bob".into(), theirs: "Ann".into() }).expect("merges");
        prop_assert_eq!(&ab, &ba);
        check_nothing_lost(&base, &a, &ab);
        check_nothing_lost(&base, &b, &ab);
        prop_assert_eq!(ab.updated, a.updated.max(b.updated));
        let text = codec::encode(&ab).expect("encodes");
        prop_assert_eq!(codec::decode(text.as_bytes()).expect("decodes").session, ab);
    }
}

#[test]
fn a_merge_of_unchanged_copies_is_the_base() {
    let base = base();
    let merged = merge_sessions(Some(&base), &base, &base, &Authors::default()).expect("merges");
    assert_eq!(merged, base);
}

#[test]
fn updated_takes_the_later_time() {
    let base = base();
    let mut a = base.clone();
    a.title = "A".into();
    a.updated = Timestamp::from_second(base.updated.as_second() + 5).expect("time");
    let mut b = base.clone();
    b.locality = Some("North".into());
    b.updated = Timestamp::from_second(base.updated.as_second() + 9).expect("time");
    let merged = merge_sessions(Some(&base), &a, &b, &Authors::default()).expect("merges");
    assert_eq!(merged.updated, b.updated);
    assert_eq!(merged.title, "A");
    assert_eq!(merged.locality.as_deref(), Some("North"));
    assert!(merged.conflicts.is_empty());
}
