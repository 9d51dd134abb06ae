//! Sessions merged as data: the session [`Schema`], the canonical winner,
//! `updated` taking the later time, and conflicts recorded in the file.
//! Measures get the same merge by supplying their own schema and winner.

use super::merge::{Found, FoundKind, Schema, Side, merge3};
use crate::session::model::{ConflictKind, ConflictSide, RecordedConflict, Session};
use jiff::Timestamp;
use serde_json::Value;

/// The keys of a session's lists of records. Lists not named here
/// (participants, serves, progress logs) merge as sets of whole values.
pub struct SessionSchema;

impl Schema for SessionSchema {
    fn key(&self, list: &str, element: &Value) -> Option<String> {
        let text = |name: &str| element.get(name).and_then(Value::as_str);
        let key = match list {
            "items" => text("item"),
            "items.individual_levels" => text("participant"),
            "items.questions" => {
                return Some(format!("{}/{}", text("area")?, text("question")?));
            }
            "items.criteria" => {
                return Some(format!(
                    "{}/{}",
                    text("area").unwrap_or(""),
                    text("criterion")?
                ));
            }
            "items.evidence"
            | "priorities"
            | "priorities.milestones"
            | "conflicts"
            | "supervision.cases" => text("id"),
            "supervision.at" => text("item"),
            _ => None,
        };
        key.filter(|k| !k.is_empty()).map(str::to_owned)
    }
}

/// Who saved each side, where known (from git).
#[derive(Debug, Clone, Default)]
pub struct Authors {
    pub ours: String,
    pub theirs: String,
}

fn to_value(session: &Session) -> Value {
    serde_json::to_value(session).expect("a session is always a JSON value")
}

/// The side whose values stay in fields both changed: the later-saved one,
/// or on a tie the one whose text sorts last. It is the same whichever
/// copy git calls ours, so both machines reach the same file.
fn winner(ours: &Session, theirs: &Session) -> Side {
    let text = |s: &Session| to_value(s).to_string();
    match ours.updated.cmp(&theirs.updated) {
        std::cmp::Ordering::Greater => Side::Ours,
        std::cmp::Ordering::Less => Side::Theirs,
        std::cmp::Ordering::Equal if text(ours) >= text(theirs) => Side::Ours,
        std::cmp::Ordering::Equal => Side::Theirs,
    }
}

/// Merge two sessions descended from `base` (`None`: added on both sides).
/// Never fails to produce a session: every value either side had is in the
/// result, in a field or in a recorded conflict.
pub fn merge_sessions(
    base: Option<&Session>,
    ours: &Session,
    theirs: &Session,
    authors: &Authors,
) -> Result<Session, serde_json::Error> {
    let updated = ours.updated.max(theirs.updated);
    let version = ours.version.max(theirs.version);
    let normalise = |s: &Session| {
        let mut s = s.clone();
        s.updated = updated;
        s.version = version;
        to_value(&s)
    };
    let side = winner(ours, theirs);
    let base = base.map(normalise);
    let (merged, found) = merge3(
        &SessionSchema,
        base.as_ref(),
        &normalise(ours),
        &normalise(theirs),
        side,
    );
    let mut session: Session = serde_json::from_value(merged)?;
    for found in found {
        let conflict = record(&found, [ours.updated, theirs.updated], authors);
        if !session.conflicts.iter().any(|c| c.id == conflict.id) {
            session.conflicts.push(conflict);
        }
    }
    session
        .conflicts
        .sort_by(|a, b| (&a.path, &a.id).cmp(&(&b.path, &b.id)));
    Ok(session)
}

/// A true conflict as the file records it: both values, each with who
/// saved it and when (`at`: our copy's time, then theirs).
pub(super) fn record(found: &Found, at: [Timestamp; 2], authors: &Authors) -> RecordedConflict {
    let side = |s: Side, value: &Value| ConflictSide {
        value: value.to_string(),
        by: match s {
            Side::Ours => authors.ours.clone(),
            Side::Theirs => authors.theirs.clone(),
        },
        at: match s {
            Side::Ours => at[0],
            Side::Theirs => at[1],
        },
    };
    let other_side = match found.kept_side {
        Side::Ours => Side::Theirs,
        Side::Theirs => Side::Ours,
    };
    let kept = side(found.kept_side, &found.kept);
    let other = side(other_side, &found.other);
    RecordedConflict {
        id: conflict_id(&found.path, &kept.value, &other.value),
        path: found.path.clone(),
        kind: match found.kind {
            FoundKind::BothChanged => ConflictKind::BothChanged,
            FoundKind::DeletedAndChanged => ConflictKind::DeletedAndChanged,
        },
        kept,
        other,
    }
}

/// Eight hex digits from the place and both values (FNV-1a: stable across
/// Rust versions and machines, unlike the standard hasher). The values are
/// sorted, so the id does not depend on which one was kept.
pub(super) fn conflict_id(path: &str, a: &str, b: &str) -> String {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let mut hash: u32 = 0x811c_9dc5;
    for byte in [path, "\0", a, "\0", b].concat().bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("c{hash:08x}")
}
