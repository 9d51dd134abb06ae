//! A daily review's small action marked done from home or the history:
//! the soonest when it is the only one due, else the one the user picks.

use super::*;

/// The daily action the home's due list offers to mark done.
pub fn soonest_daily_due(app: &App) -> Option<&crate::app::home::DuePriority> {
    daily_due(app).next()
}

/// The daily reviews' small actions in home's due list, soonest first.
pub fn daily_due(app: &App) -> impl Iterator<Item = &crate::app::home::DuePriority> {
    app.home.data.due.iter().filter(|due| due.daily)
}

/// The picker of several due daily actions: move, mark one done, or leave.
pub(super) fn pick_daily_command(
    app: &mut App,
    cursor: usize,
    command: Command,
    effects: &mut Vec<Effect>,
) {
    let count = daily_due(app).count();
    let cursor = match command {
        Command::Up => cursor.saturating_sub(1),
        Command::Down => (cursor + 1).min(count.saturating_sub(1)),
        Command::Back => return,
        Command::Activate => {
            let target = daily_due(app).nth(cursor).and_then(|due| due.target());
            let none = crate::app::text::DAILY_ACTION_NONE_DUE;
            return mark_daily_action_done(app, target, none, effects);
        }
        _ => cursor,
    };
    app.overlay = Some(Overlay::PickDaily { cursor });
}

/// Mark a daily review's small action done, in its own file, by the rules
/// of any save (the edge reports `Action::ActionUpdated`).
pub(super) fn mark_daily_action_done(
    app: &mut App,
    target: Option<crate::session::model::ActionRef>,
    none: &str,
    effects: &mut Vec<Effect>,
) {
    let Some(target) = target else {
        app.notice = Some(none.to_owned());
        return;
    };
    let update = crate::session::model::ProgressUpdate {
        date: app.today(),
        status: crate::session::model::PriorityStatus::Done,
        note: String::new(),
        impact: None,
    };
    effects.push(Effect::UpdateAction { target, update });
}
