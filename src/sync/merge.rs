//! A three-way merge of records as data, not as lines: objects field by
//! field, lists of records matched by a stable key, other lists as sets.
//! Generic over any serde value tree: a file kind (sessions here, measures
//! later) supplies only a [`Schema`] naming the key of each list's records.
//!
//! The result does not depend on which copy is called "ours": the caller
//! names a `winner` (a property of the copies, e.g. the later-saved one),
//! whose value stays in a field both sides changed, and whose order a list
//! takes; the other value is reported as a [`Found`] conflict.

use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What a file kind tells the merge about its lists.
pub trait Schema {
    /// The key matching an element of the list at `list` (field names
    /// joined by dots, e.g. `items.evidence`) across copies. `None` merges
    /// the list as a set of whole values.
    fn key(&self, list: &str, element: &Value) -> Option<String>;
}

/// Which of the two sides wins a field both changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// Why a value could not simply be merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundKind {
    /// Both sides changed the value differently.
    BothChanged,
    /// One side removed a record the other changed; the changed record is kept.
    DeletedAndChanged,
}

/// A conflict found while merging: `kept` is in the result, `other` is not
/// (`Null` where the other side deleted the record).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Display path, e.g. `items[5.3].rationale`.
    pub path: String,
    pub kind: FoundKind,
    pub kept_side: Side,
    pub kept: Value,
    pub other: Value,
}

/// Merge `ours` and `theirs`, both descended from `base` (`None` when both
/// added the file independently).
pub fn merge3(
    schema: &dyn Schema,
    base: Option<&Value>,
    ours: &Value,
    theirs: &Value,
    winner: Side,
) -> (Value, Vec<Found>) {
    let mut merger = Merger {
        schema,
        winner,
        found: Vec::new(),
    };
    let merged = merger.value(base, ours, theirs, &Place::root());
    (merged, merger.found)
}

/// Where in the tree: the schema path (names only) and the display path.
struct Place {
    schema: String,
    display: String,
}

impl Place {
    fn root() -> Place {
        Place {
            schema: String::new(),
            display: String::new(),
        }
    }

    fn field(&self, name: &str) -> Place {
        let join = |p: &str| {
            if p.is_empty() {
                name.to_owned()
            } else {
                format!("{p}.{name}")
            }
        };
        Place {
            schema: join(&self.schema),
            display: join(&self.display),
        }
    }

    fn element(&self, key: &str) -> Place {
        Place {
            schema: self.schema.clone(),
            display: format!("{}[{key}]", self.display),
        }
    }
}

struct Merger<'a> {
    schema: &'a dyn Schema,
    winner: Side,
    found: Vec<Found>,
}

impl Merger<'_> {
    fn value(&mut self, base: Option<&Value>, ours: &Value, theirs: &Value, at: &Place) -> Value {
        if ours == theirs || base == Some(theirs) {
            return ours.clone();
        }
        if base == Some(ours) {
            return theirs.clone();
        }
        match (ours, theirs) {
            (Value::Object(o), Value::Object(t)) => {
                let b = base.and_then(Value::as_object);
                Value::Object(self.object(b, o, t, at))
            }
            (Value::Array(o), Value::Array(t)) => {
                let b = base.and_then(Value::as_array).map(Vec::as_slice);
                Value::Array(self.list(b, o, t, at))
            }
            _ => self.both_changed(ours, theirs, at),
        }
    }

    fn both_changed(&mut self, ours: &Value, theirs: &Value, at: &Place) -> Value {
        let (kept, other) = self.by_winner(ours, theirs);
        self.found.push(Found {
            path: at.display.clone(),
            kind: FoundKind::BothChanged,
            kept_side: self.winner,
            kept: kept.clone(),
            other: other.clone(),
        });
        kept.clone()
    }

    fn by_winner<'v>(&self, ours: &'v Value, theirs: &'v Value) -> (&'v Value, &'v Value) {
        match self.winner {
            Side::Ours => (ours, theirs),
            Side::Theirs => (theirs, ours),
        }
    }

    fn object(
        &mut self,
        base: Option<&Map<String, Value>>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
        at: &Place,
    ) -> Map<String, Value> {
        let mut names: Vec<&String> = ours.keys().collect();
        names.extend(theirs.keys().filter(|k| !ours.contains_key(*k)));
        // A field absent from a copy is one its file leaves out while
        // empty (serde's `skip_serializing_if`): absent from the base too,
        // the side that has it added it; otherwise it is merged as `Null`,
        // and a `Null` result is left out again, so the field reads as empty.
        let mut merged = Map::new();
        for name in names {
            let b = base.and_then(|b| b.get(name));
            let value = match (ours.get(name), theirs.get(name)) {
                (Some(one), None) | (None, Some(one)) if b.is_none() => one.clone(),
                (o, t) => {
                    let o = o.unwrap_or(&Value::Null);
                    let t = t.unwrap_or(&Value::Null);
                    self.value(b, o, t, &at.field(name))
                }
            };
            let absent_somewhere = !ours.contains_key(name) || !theirs.contains_key(name);
            if !(value.is_null() && absent_somewhere) {
                merged.insert(name.clone(), value);
            }
        }
        merged
    }

    /// Elements by key, in order; a repeated key gets `#n` so none is lost.
    fn keyed<'v>(&self, list: &'v [Value], at: &Place) -> Vec<(String, &'v Value)> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        list.iter()
            .map(|element| {
                let key = self
                    .schema
                    .key(&at.schema, element)
                    .unwrap_or_else(|| element.to_string());
                let n = seen.entry(key.clone()).or_default();
                *n += 1;
                let key = if *n > 1 { format!("{key}#{n}") } else { key };
                (key, element)
            })
            .collect()
    }

    fn list(
        &mut self,
        base: Option<&[Value]>,
        ours: &[Value],
        theirs: &[Value],
        at: &Place,
    ) -> Vec<Value> {
        let base: BTreeMap<String, &Value> =
            self.keyed(base.unwrap_or(&[]), at).into_iter().collect();
        let ours = self.keyed(ours, at);
        let theirs = self.keyed(theirs, at);
        let (first, second) = match self.winner {
            Side::Ours => (&ours, &theirs),
            Side::Theirs => (&theirs, &ours),
        };
        // The winner's order, then what only the other side has.
        let mut order: Vec<&String> = first.iter().map(|(k, _)| k).collect();
        order.extend(
            second
                .iter()
                .map(|(k, _)| k)
                .filter(|k| !first.iter().any(|(f, _)| f == *k)),
        );
        let find = |side: &[(String, &Value)], key: &str| {
            side.iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| (*v).clone())
        };
        let mut merged = Vec::new();
        for key in order {
            let b = base.get(key).copied();
            let place = at.element(key.split('#').next().unwrap_or(key));
            match (find(&ours, key), find(&theirs, key)) {
                (Some(o), Some(t)) => merged.push(self.value(b, &o, &t, &place)),
                (Some(one), None) | (None, Some(one)) => {
                    if let Some(kept) = self.one_sided(b, one, &place, key, &ours) {
                        merged.push(kept);
                    }
                }
                (None, None) => {}
            }
        }
        merged
    }

    /// A record only one side has: added there (kept), deleted by the other
    /// and unchanged here (gone), or deleted there and changed here (kept,
    /// and the deletion reported).
    fn one_sided(
        &mut self,
        base: Option<&Value>,
        element: Value,
        at: &Place,
        key: &str,
        ours: &[(String, &Value)],
    ) -> Option<Value> {
        let Some(base) = base else {
            return Some(element);
        };
        if *base == element {
            return None;
        }
        let kept_side = if ours.iter().any(|(k, _)| k == key) {
            Side::Ours
        } else {
            Side::Theirs
        };
        self.found.push(Found {
            path: at.display.clone(),
            kind: FoundKind::DeletedAndChanged,
            kept_side,
            kept: element.clone(),
            other: Value::Null,
        });
        Some(element)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    struct ById;
    impl Schema for ById {
        fn key(&self, _list: &str, element: &Value) -> Option<String> {
            element.get("id").and_then(Value::as_str).map(str::to_owned)
        }
    }

    fn merge(base: Value, ours: Value, theirs: Value, winner: Side) -> (Value, Vec<Found>) {
        merge3(&ById, Some(&base), &ours, &theirs, winner)
    }

    #[test]
    fn fields_changed_on_different_sides_both_arrive() {
        let base = json!({"a": 1, "b": "x"});
        let (merged, found) = merge(
            base,
            json!({"a": 2, "b": "x"}),
            json!({"a": 1, "b": "y"}),
            Side::Ours,
        );
        assert_eq!(merged, json!({"a": 2, "b": "y"}));
        assert!(found.is_empty());
    }

    #[test]
    fn the_same_field_changed_twice_keeps_the_winner_and_reports_the_other() {
        let base = json!({"r": "old"});
        for winner in [Side::Ours, Side::Theirs] {
            let (merged, found) = merge(base.clone(), json!({"r": "A"}), json!({"r": "B"}), winner);
            let (kept, other) = if winner == Side::Ours {
                ("A", "B")
            } else {
                ("B", "A")
            };
            assert_eq!(merged, json!({ "r": kept }));
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].path, "r");
            assert_eq!(found[0].other, json!(other));
        }
    }

    #[test]
    fn records_are_matched_by_id_and_sets_by_value() {
        let base = json!({"l": [{"id": "a", "t": 1}], "s": ["x"]});
        let ours = json!({"l": [{"id": "a", "t": 2}, {"id": "b", "t": 0}], "s": ["x", "y"]});
        let theirs = json!({"l": [{"id": "c", "t": 0}, {"id": "a", "t": 1}], "s": ["z"]});
        let (merged, found) = merge(base, ours, theirs, Side::Ours);
        assert_eq!(
            merged,
            json!({"l": [{"id": "a", "t": 2}, {"id": "b", "t": 0}, {"id": "c", "t": 0}], "s": ["y", "z"]})
        );
        assert!(found.is_empty());
    }

    #[test]
    fn a_field_left_out_while_empty_is_added_or_emptied_not_nulled() {
        // Ours wrote a field theirs and the base leave out: it arrives.
        let base = json!({"a": 1});
        let (merged, found) = merge(
            base.clone(),
            json!({"a": 1, "walk": {"x": 1}}),
            json!({"a": 2}),
            Side::Theirs,
        );
        assert_eq!(merged, json!({"a": 2, "walk": {"x": 1}}));
        assert!(found.is_empty());
        // Ours emptied a field (so left it out); theirs did not touch it.
        let (merged, found) = merge(
            json!({"a": 1, "c": [1]}),
            json!({"a": 1}),
            json!({"a": 1, "c": [1]}),
            Side::Theirs,
        );
        assert_eq!(merged, json!({"a": 1}));
        assert!(found.is_empty());
    }

    #[test]
    fn a_deleted_record_changed_on_the_other_side_is_kept_and_reported() {
        let base = json!({"l": [{"id": "a", "t": 1}, {"id": "b", "t": 1}]});
        let ours = json!({"l": [{"id": "b", "t": 1}]});
        let theirs = json!({"l": [{"id": "a", "t": 5}]});
        let (merged, found) = merge(base, ours, theirs, Side::Ours);
        assert_eq!(merged, json!({"l": [{"id": "a", "t": 5}]}));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, FoundKind::DeletedAndChanged);
        assert_eq!(found[0].path, "l[a]");
        assert_eq!(found[0].kept_side, Side::Theirs);
    }
}
