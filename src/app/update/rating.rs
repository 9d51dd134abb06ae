//! Rating an area in a supervision, only when asked: `r` opts the area in
//! (its level then set by digit) or out. Turning it off never silently
//! drops a recorded level: it asks first, and clears the level on yes.

use super::*;

/// `r` on an area: start rating it, or stop (asking if a level is set).
pub(super) fn toggle_rating(app: &mut App, effects: &mut Vec<Effect>) {
    if !writable(app) {
        return;
    }
    let library = &app.library;
    let Screen::Session(ws) = &mut app.screen else {
        return;
    };
    let Some(item) = ws.item_index().filter(|_| ws.phase() == Some(Phase::Now)) else {
        return;
    };
    let Some(record) = ws.session.items.get(item) else {
        return;
    };
    let area = record.item.clone();
    if let Some(level) = record.level {
        let title = crate::app::supervision::area_title(library, &ws.session, item);
        let level = crate::app::lines::level_word(library, ws, level);
        app.overlay = Some(Overlay::Confirm {
            message: crate::app::text::supervision::stop_rating(&title, &level),
            on_yes: Action::Command(Command::StopRating { item }),
        });
        return;
    }
    let sup = ws.session.supervision.get_or_insert_with(Default::default);
    let notice = if sup.asked_to_rate(&area) {
        sup.rated.retain(|r| *r != area);
        crate::app::text::supervision::RATING_OFF
    } else {
        sup.rated.push(area);
        crate::app::text::supervision::RATING_ON
    };
    app.notice = Some(notice.to_owned());
    changed_and_saved(app, effects);
    show_level_row(app);
}

/// After the question: the area is no longer rated and its level is gone.
pub(super) fn stop_rating(app: &mut App, item: usize, effects: &mut Vec<Effect>) {
    if !writable(app) {
        return;
    }
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let Some(record) = ws.session.items.get_mut(item) else {
        return;
    };
    record.level = None;
    let area = record.item.clone();
    if let Some(sup) = ws.session.supervision.as_mut() {
        sup.rated.retain(|r| *r != area);
    }
    app.notice = Some(crate::app::text::supervision::RATING_OFF.to_owned());
    changed_and_saved(app, effects);
    settle(app);
}

/// The cursor on the level row once rating starts, so the digit's effect
/// is in view; elsewhere it settles on the nearest row.
fn show_level_row(app: &mut App) {
    let at = app.workspace().and_then(|ws| {
        rows::rows(&app.library, ws, app.present)
            .iter()
            .position(|r| *r == Row::Level)
    });
    if let (Some(at), Some(ws)) = (at, app.workspace_mut()) {
        ws.record_cursor = at;
        ws.focus = Pane::Record;
    }
    settle(app);
}

/// A digit in an area nobody asked to rate: say which key rates it.
pub(super) fn rate_first(app: &mut App) {
    use crate::app::keys::{Scope, keys_of};
    let key = keys_of(app, Scope::WalkNow, &Command::ToggleRating);
    app.notice = Some(crate::app::text::supervision::rate_first(&key));
}
