//! Progress on actions: find an action (a priority, agreed action, daily
//! action or milestone) by its stable id and add a dated update to its log.
//! Pure operations on a `Session`; saving goes through `store` like any
//! other change.

use super::model::{
    ActionRef, Milestone, Priority, PriorityStatus, ProgressUpdate, Session, StableId,
};
use jiff::civil::Date;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressError {
    /// No action in the session has this id.
    NotFound(String),
    /// A hand-edited file gave two actions this id.
    Ambiguous(String),
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgressError::NotFound(id) => write!(f, "no action with id {id}"),
            ProgressError::Ambiguous(id) => write!(
                f,
                "more than one action has id {id} (the file was edited by hand); give one of them a new id"
            ),
        }
    }
}

impl std::error::Error for ProgressError {}

/// The progress fields an action has, whether a priority or a milestone.
pub struct ProgressMut<'a> {
    pub status: &'a mut PriorityStatus,
    pub done_on: &'a mut Option<Date>,
    pub log: &'a mut Vec<ProgressUpdate>,
}

impl<'a> From<&'a mut Priority> for ProgressMut<'a> {
    fn from(p: &'a mut Priority) -> Self {
        ProgressMut {
            status: &mut p.status,
            done_on: &mut p.done_on,
            log: &mut p.log,
        }
    }
}

impl<'a> From<&'a mut Milestone> for ProgressMut<'a> {
    fn from(m: &'a mut Milestone) -> Self {
        ProgressMut {
            status: &mut m.status,
            done_on: &mut m.done_on,
            log: &mut m.log,
        }
    }
}

/// The action with this id, or why there is none.
pub fn find_mut<'a>(
    session: &'a mut Session,
    action_id: &str,
) -> Result<ProgressMut<'a>, ProgressError> {
    let matches = session
        .priorities
        .iter()
        .flat_map(|p| std::iter::once(&p.id).chain(p.milestones.iter().map(|m| &m.id)))
        .filter(|id| *id == action_id)
        .count();
    match matches {
        0 => return Err(ProgressError::NotFound(action_id.to_owned())),
        1 => {}
        _ => return Err(ProgressError::Ambiguous(action_id.to_owned())),
    }
    for priority in &mut session.priorities {
        if priority.id == action_id {
            return Ok(priority.into());
        }
        if let Some(milestone) = priority.milestones.iter_mut().find(|m| m.id == action_id) {
            return Ok(milestone.into());
        }
    }
    Err(ProgressError::NotFound(action_id.to_owned()))
}

/// Whether the session holds an action with this id.
pub fn has_action(session: &Session, action_id: &str) -> bool {
    session
        .priorities
        .iter()
        .any(|p| p.id == action_id || p.milestones.iter().any(|m| m.id == action_id))
}

/// Append `update` to the action's log and set its status; `Done` records
/// the update's date as the date it was done, any other status clears it.
pub fn apply_update(
    session: &mut Session,
    action_id: &str,
    update: ProgressUpdate,
) -> Result<(), ProgressError> {
    apply_to(find_mut(session, action_id)?, update);
    Ok(())
}

/// Append `update` to one action's log and set its status (see
/// [`apply_update`]); for actions kept outside sessions too.
pub fn apply_to(action: ProgressMut, update: ProgressUpdate) {
    *action.status = update.status;
    *action.done_on = (update.status == PriorityStatus::Done).then_some(update.date);
    action.log.push(update);
}

/// Carry a priority of `from` forward into `into`: the earlier one is
/// marked carried forward with `update` (its status is set to that), and
/// `into` gains a new priority with id `new_id` that links to it. Nothing
/// is copied: the statement, owner and log stay with the earlier one.
/// Returns the new priority's id.
pub fn carry_forward(
    from: &mut Session,
    into: &mut Session,
    action_id: &str,
    mut update: ProgressUpdate,
    new_id: StableId,
) -> Result<StableId, ProgressError> {
    if !from.priorities.iter().any(|p| p.id == action_id) {
        return Err(ProgressError::NotFound(action_id.to_owned()));
    }
    update.status = PriorityStatus::CarriedForward;
    apply_update(from, action_id, update)?;
    let mut linked = Priority::new(new_id.clone());
    linked.carries = Some(ActionRef {
        session: from.id.clone(),
        action: action_id.to_owned(),
    });
    if let Some(earlier) = from.priorities.iter().find(|p| p.id == action_id) {
        linked.serves = earlier.serves.clone();
    }
    into.priorities.push(linked);
    Ok(new_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::model::{ScaleChoice, SessionKind};

    fn session(id: &str) -> Session {
        let mut s = Session::new(
            id.into(),
            SessionKind::Workshop,
            "t".into(),
            "hmie-cp-2009".into(),
            ScaleChoice::Framework,
            "2026-03-10T09:00:00Z".parse().expect("time"),
        );
        let mut p = Priority::new("aaaaaaaa".into());
        p.milestones
            .push(Milestone::new("bbbbbbbb".into(), "audit", None));
        s.priorities.push(p);
        s.priorities.push(Priority::new("cccccccc".into()));
        s
    }

    fn update(date: &str, status: PriorityStatus) -> ProgressUpdate {
        ProgressUpdate {
            date: date.parse().expect("date"),
            status,
            note: "n".into(),
            impact: None,
        }
    }

    #[test]
    fn updates_append_and_done_has_a_date() {
        let mut s = session("s");
        apply_update(
            &mut s,
            "cccccccc",
            update("2026-04-01", PriorityStatus::InProgress),
        )
        .expect("found");
        apply_update(
            &mut s,
            "cccccccc",
            update("2026-05-01", PriorityStatus::Done),
        )
        .expect("found");
        let p = &s.priorities[1];
        assert_eq!(p.log.len(), 2);
        assert_eq!(p.status, PriorityStatus::Done);
        assert_eq!(p.done_on, Some("2026-05-01".parse().expect("date")));
        assert_eq!(s.priorities[0].log.len(), 0, "only that action");
        apply_update(
            &mut s,
            "bbbbbbbb",
            update("2026-05-02", PriorityStatus::Done),
        )
        .expect("milestones too");
        assert_eq!(s.priorities[0].milestones[0].status, PriorityStatus::Done);
        assert_eq!(
            apply_update(
                &mut s,
                "zzzzzzzz",
                update("2026-05-02", PriorityStatus::Done)
            ),
            Err(ProgressError::NotFound("zzzzzzzz".into()))
        );
    }

    #[test]
    fn reordering_does_not_change_which_action_an_id_names() {
        let mut s = session("s");
        s.priorities.reverse();
        apply_update(
            &mut s,
            "cccccccc",
            update("2026-04-01", PriorityStatus::Dropped),
        )
        .expect("found");
        assert_eq!(s.priorities[0].status, PriorityStatus::Dropped);
    }

    #[test]
    fn a_duplicated_id_is_refused() {
        let mut s = session("s");
        s.priorities[1].id = "aaaaaaaa".into();
        assert!(matches!(
            apply_update(
                &mut s,
                "aaaaaaaa",
                update("2026-04-01", PriorityStatus::Done)
            ),
            Err(ProgressError::Ambiguous(_))
        ));
    }

    #[test]
    fn carrying_forward_links_and_does_not_copy() {
        let mut march = session("march");
        march.priorities[0].statement = "Fathers seen".into();
        let mut june = session("june");
        june.priorities.clear();
        let id = carry_forward(
            &mut march,
            &mut june,
            "aaaaaaaa",
            update("2026-06-10", PriorityStatus::InProgress),
            "dddddddd".into(),
        )
        .expect("carried");
        assert_eq!(march.priorities[0].status, PriorityStatus::CarriedForward);
        assert_eq!(june.priorities[0].id, id);
        assert_eq!(june.priorities[0].statement, "", "linked, not copied");
        assert_eq!(
            june.priorities[0].carries,
            Some(ActionRef {
                session: "march".into(),
                action: "aaaaaaaa".into()
            })
        );
    }
}
