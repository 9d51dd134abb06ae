//! Recorded conflicts: what the list and resolve commands (and, later, the
//! conflict screen) show and do.

use super::measures_merge::MeasuresSchema;
use super::merge::Schema;
use super::session_merge::SessionSchema;
use crate::measures::model::MeasureRegister;
use crate::session::model::{ConflictKind, RecordedConflict, Session};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;
use std::fmt;

/// How a conflict is settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The value now in the field (`ours` on the command line).
    Kept,
    /// The value it replaced, or for a deleted record: delete it after all
    /// (`theirs` on the command line).
    Other,
    /// A text written from both (text fields only).
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    NoSuchConflict,
    /// The record or field has gone since (changed by a later merge).
    PlaceGone,
    /// The chosen value does not fit the field (e.g. text for a level).
    DoesNotFit,
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ResolveError::NoSuchConflict => "no conflict with that id in this session",
            ResolveError::PlaceGone => "the field of this conflict is no longer in the session",
            ResolveError::DoesNotFit => {
                "that value does not fit this field (combined text is for text fields)"
            }
        })
    }
}

pub use crate::app::sync::readable;

/// Settle one recorded conflict. On error the session is unchanged.
/// The caller marks the session changed (its `updated`).
pub fn resolve_conflict(
    session: &mut Session,
    conflict_id: &str,
    choice: Choice,
) -> Result<(), ResolveError> {
    fn conflicts(s: &mut Session) -> &mut Vec<RecordedConflict> {
        &mut s.conflicts
    }
    resolve_in(session, conflicts, &SessionSchema, conflict_id, choice)
}

/// Settle one conflict recorded in the measures register. Numbers take
/// one side or the other: a combined text only fits a text field (a note).
/// On error the register is unchanged.
pub fn resolve_register_conflict(
    register: &mut MeasureRegister,
    conflict_id: &str,
    choice: Choice,
) -> Result<(), ResolveError> {
    fn conflicts(r: &mut MeasureRegister) -> &mut Vec<RecordedConflict> {
        &mut r.conflicts
    }
    resolve_in(register, conflicts, &MeasuresSchema, conflict_id, choice)
}

/// The one way a record (session or register) settles a conflict: the
/// field changed in a copy, which replaces the record only if it all fits.
fn resolve_in<T: Clone + Serialize + DeserializeOwned>(
    record: &mut T,
    conflicts: fn(&mut T) -> &mut Vec<RecordedConflict>,
    schema: &dyn Schema,
    conflict_id: &str,
    choice: Choice,
) -> Result<(), ResolveError> {
    let list = conflicts(record);
    let at = list
        .iter()
        .position(|c| c.id == conflict_id)
        .ok_or(ResolveError::NoSuchConflict)?;
    let conflict = list[at].clone();
    let mut changed = match choice {
        Choice::Kept => record.clone(),
        Choice::Other => apply(record, schema, &conflict, Replacement::Other)?,
        Choice::Text(text) => apply(record, schema, &conflict, Replacement::Text(text))?,
    };
    conflicts(&mut changed).retain(|c| c.id != conflict_id);
    *record = changed;
    Ok(())
}

enum Replacement {
    Other,
    Text(String),
}

fn apply<T: Serialize + DeserializeOwned>(
    record: &T,
    schema: &dyn Schema,
    conflict: &RecordedConflict,
    replacement: Replacement,
) -> Result<T, ResolveError> {
    let mut tree = serde_json::to_value(record).map_err(|_| ResolveError::DoesNotFit)?;
    let steps = parse_path(&conflict.path);
    let (last, parents) = steps.split_last().ok_or(ResolveError::PlaceGone)?;
    let (parent, schema_path) = walk(&mut tree, schema, parents)?;
    match (replacement, conflict.kind, last) {
        (Replacement::Other, ConflictKind::DeletedAndChanged, Step::Element(key)) => {
            let list = parent.as_array_mut().ok_or(ResolveError::PlaceGone)?;
            let index = find(list, schema, &schema_path, key).ok_or(ResolveError::PlaceGone)?;
            list.remove(index);
        }
        (replacement, _, step) => {
            let value = match replacement {
                Replacement::Other => serde_json::from_str(&conflict.other.value)
                    .map_err(|_| ResolveError::DoesNotFit)?,
                Replacement::Text(text) => Value::String(text),
            };
            let target = step_into(parent, schema, &schema_path, step)
                .ok_or(ResolveError::PlaceGone)?
                .0;
            *target = value;
        }
    }
    serde_json::from_value(tree).map_err(|_| ResolveError::DoesNotFit)
}

#[derive(Debug, PartialEq)]
enum Step {
    Field(String),
    Element(String),
}

/// `items[5.3].rationale` -> field items, element 5.3, field rationale. A
/// key ends at a `]` followed by `.`, `[` or the end (keys may hold dots).
fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let end = (0..after.len())
                .find(|&i| {
                    after[i..].starts_with(']')
                        && matches!(after[i + 1..].chars().next(), None | Some('.' | '['))
                })
                .unwrap_or(after.len());
            steps.push(Step::Element(after[..end].to_owned()));
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let rest_trimmed = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_trimmed.find(['.', '[']).unwrap_or(rest_trimmed.len());
            steps.push(Step::Field(rest_trimmed[..end].to_owned()));
            rest = &rest_trimmed[end..];
        }
    }
    steps
}

fn find(list: &[Value], schema: &dyn Schema, schema_path: &str, key: &str) -> Option<usize> {
    list.iter().position(|element| {
        schema
            .key(schema_path, element)
            .unwrap_or_else(|| element.to_string())
            == key
    })
}

fn step_into<'v>(
    value: &'v mut Value,
    schema: &dyn Schema,
    schema_path: &str,
    step: &Step,
) -> Option<(&'v mut Value, String)> {
    match step {
        Step::Field(name) => {
            let path = if schema_path.is_empty() {
                name.clone()
            } else {
                format!("{schema_path}.{name}")
            };
            Some((value.as_object_mut()?.get_mut(name)?, path))
        }
        Step::Element(key) => {
            let list = value.as_array_mut()?;
            let index = find(list, schema, schema_path, key)?;
            Some((&mut list[index], schema_path.to_owned()))
        }
    }
}

fn walk<'v>(
    tree: &'v mut Value,
    schema: &dyn Schema,
    steps: &[Step],
) -> Result<(&'v mut Value, String), ResolveError> {
    let mut here = tree;
    let mut schema_path = String::new();
    for step in steps {
        let (next, path) =
            step_into(here, schema, &schema_path, step).ok_or(ResolveError::PlaceGone)?;
        here = next;
        schema_path = path;
    }
    Ok((here, schema_path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::model::{ItemRecord, Priority, ScaleChoice, SessionKind};
    use crate::sync::session_merge::{Authors, merge_sessions};

    fn base() -> Session {
        let mut s = Session::new(
            "2026-11-25-c-0001".into(),
            SessionKind::Workshop,
            "C".into(),
            "hmie-cp-2009".into(),
            ScaleChoice::Framework,
            "2026-11-25T09:00:00Z".parse().expect("time"),
        );
        let mut item = ItemRecord::new("5.3");
        item.rationale = "base".into();
        item.level = Some(3);
        s.items.push(item);
        let mut p = Priority::new("p1111111".into());
        p.statement = "base".into();
        s.priorities.push(p);
        s
    }

    /// Ann changes the rationale and level and deletes the priority; Bob,
    /// later, changes them too and updates the priority.
    fn merged() -> Session {
        let base = base();
        let mut ann = base.clone();
        ann.items[0].rationale = "Ann's".into();
        ann.items[0].level = Some(4);
        ann.priorities.clear();
        ann.updated = "2026-11-25T10:00:00Z".parse().expect("time");
        let mut bob = base.clone();
        bob.items[0].rationale = "Bob's".into();
        bob.items[0].level = Some(2);
        bob.priorities[0].owner = "Bob".into();
        bob.updated = "2026-11-25T11:00:00Z".parse().expect("time");
        merge_sessions(Some(&base), &ann, &bob, &Authors::default()).expect("merges")
    }

    fn id_of(session: &Session, path: &str) -> String {
        session
            .conflicts
            .iter()
            .find(|c| c.path == path)
            .expect("conflict")
            .id
            .clone()
    }

    #[test]
    fn each_choice_settles_its_conflict() {
        let mut s = merged();
        assert_eq!(s.conflicts.len(), 3, "{:?}", s.conflicts);
        assert_eq!(
            s.items[0].rationale, "Bob's",
            "the later save stays in the field"
        );
        let rationale = id_of(&s, "items[5.3].rationale");
        resolve_conflict(&mut s, &rationale, Choice::Other).expect("resolves");
        assert_eq!(s.items[0].rationale, "Ann's");
        let level = id_of(&s, "items[5.3].level");
        assert_eq!(
            resolve_conflict(&mut s, &level, Choice::Text("four".into())),
            Err(ResolveError::DoesNotFit)
        );
        resolve_conflict(&mut s, &level, Choice::Kept).expect("resolves");
        assert_eq!(s.items[0].level, Some(2));
        let deleted = id_of(&s, "priorities[p1111111]");
        resolve_conflict(&mut s, &deleted, Choice::Other).expect("resolves");
        assert!(s.priorities.is_empty(), "deleted after all");
        assert!(s.conflicts.is_empty());
        assert_eq!(
            resolve_conflict(&mut s, &deleted, Choice::Kept),
            Err(ResolveError::NoSuchConflict)
        );
    }

    #[test]
    fn a_combined_text_replaces_both() {
        let mut s = merged();
        let rationale = id_of(&s, "items[5.3].rationale");
        resolve_conflict(&mut s, &rationale, Choice::Text("Both: A and B".into()))
            .expect("resolves");
        assert_eq!(s.items[0].rationale, "Both: A and B");
        assert_eq!(s.conflicts.len(), 2);
        assert_eq!(readable("\"two\\nlines\""), "two\nlines");
    }

    #[test]
    fn paths_keep_dots_inside_keys() {
        assert_eq!(
            parse_path("items[5.3].rationale"),
            vec![
                Step::Field("items".into()),
                Step::Element("5.3".into()),
                Step::Field("rationale".into())
            ]
        );
        assert_eq!(
            parse_path("capacity.confidence"),
            vec![
                Step::Field("capacity".into()),
                Step::Field("confidence".into())
            ]
        );
    }
}
