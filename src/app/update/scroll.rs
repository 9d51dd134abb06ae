//! The reference pane's commands, and keeping both panes' cursors in view.

use super::*;

pub(super) fn reference_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let Some(ws) = app.workspace() else { return };
    let view = SessionView::of(app, ws);
    let entries = reference::entries(&app.library, ws, view.side_by_side);
    let places = view.places(&entries);
    let tab_count = reference::tabs(&app.library, ws).len().max(1);
    let tab = reference::current_tab(&app.library, ws);
    let height = view.reference_lines();
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let bottom_of = |i: usize| places[i].top + places[i].height;
    match command {
        Command::Down => {
            // Read a long entry to its end before moving to the next.
            let cursor = ws.reference_cursor.min(entries.len().saturating_sub(1));
            let entry_end = places.get(cursor).map_or(0, |p| p.top + p.height);
            if entry_end > ws.reference_scroll + height {
                ws.reference_scroll += height.saturating_sub(2).max(1);
            } else if cursor + 1 < entries.len() {
                ws.reference_cursor = cursor + 1;
            }
        }
        Command::Up => {
            let cursor = ws.reference_cursor;
            if places
                .get(cursor)
                .is_some_and(|p| p.top < ws.reference_scroll)
            {
                ws.reference_scroll = ws
                    .reference_scroll
                    .saturating_sub(height.saturating_sub(2).max(1));
            } else if cursor > 0 {
                ws.reference_cursor = cursor - 1;
            }
        }
        Command::PageDown => {
            let total = (0..places.len()).map(bottom_of).max().unwrap_or(0);
            ws.reference_scroll = (ws.reference_scroll + height.saturating_sub(1).max(1))
                .min(total.saturating_sub(1));
            ws.reference_cursor = (0..entries.len())
                .find(|&i| bottom_of(i) > ws.reference_scroll)
                .unwrap_or(0);
            return;
        }
        Command::PageUp => {
            ws.reference_scroll = ws
                .reference_scroll
                .saturating_sub(height.saturating_sub(1).max(1));
            ws.reference_cursor = (0..entries.len())
                .find(|&i| bottom_of(i) > ws.reference_scroll)
                .unwrap_or(0);
            return;
        }
        Command::Top => {
            ws.reference_cursor = 0;
            ws.reference_scroll = 0;
        }
        Command::Bottom => ws.reference_cursor = entries.len().saturating_sub(1),
        Command::Left | Command::Right
            if tab == Some(reference::Tab::Illustrations) && !view.side_by_side =>
        {
            ws.illustration_level = if ws.illustration_level == 5 { 2 } else { 5 };
            ws.reference_cursor = 0;
            ws.reference_scroll = 0;
        }
        Command::Left | Command::Right => {
            let tabs = tab_count;
            ws.reference_tab = if command == Command::Right {
                (ws.reference_tab + 1) % tabs
            } else {
                (ws.reference_tab + tabs - 1) % tabs
            };
            ws.reference_cursor = 0;
            ws.reference_scroll = 0;
        }
        Command::SetLevel(_) | Command::ClearLevel => {
            ws.focus = Pane::Record;
            return record_command(app, command, effects);
        }
        Command::Activate => {
            if let Some(take) = entries
                .get(ws.reference_cursor)
                .and_then(|e| e.take.clone())
            {
                take_entry(app, take, effects);
            }
            return;
        }
        _ => {}
    }
    keep_cursor_visible(app);
}

/// Enter on a suggestion: it becomes evidence, a priority or a measure.
fn take_entry(app: &mut App, take: Take, effects: &mut Vec<Effect>) {
    match take {
        Take::Evidence {
            information,
            description,
        } => add_evidence(app, Some((information, description)), effects),
        Take::Priority(statement) => add_priority(app, Some(statement), None, effects),
        Take::Measure(measure) => take_measure(app, measure, effects),
    }
}

/// A suggested measure goes to the newest priority serving this item (set
/// if it has none, added below if it has), or starts a priority.
fn take_measure(app: &mut App, measure: String, effects: &mut Vec<Effect>) {
    let now = app.now;
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let item_id = ws.item_index().map(|i| ws.session.items[i].item.clone());
    let target = ws
        .session
        .priorities
        .iter()
        .rposition(|p| item_id.as_ref().is_some_and(|id| p.serves.contains(id)));
    match target {
        Some(p)
            if ws.session.priorities[p]
                .measure_of_success
                .trim()
                .is_empty() =>
        {
            ws.session.priorities[p].measure_of_success = measure;
            touch(ws, now);
            app.notice = Some(format!("Measure of success set for priority {}", p + 1));
            save_now(app, effects);
        }
        Some(p) => {
            let existing = &mut ws.session.priorities[p].measure_of_success;
            existing.push('\n');
            existing.push_str(&measure);
            touch(ws, now);
            app.notice = Some(format!("Measure added to priority {}", p + 1));
            save_now(app, effects);
        }
        None => add_priority(app, None, Some(measure), effects),
    }
}

/// Keep the record and reference cursors on screen, given the layout.
pub(super) fn keep_cursor_visible(app: &mut App) {
    let Some(ws) = app.workspace() else { return };
    let view = SessionView::of(app, ws);
    let list = rows::rows(&app.library, ws, app.present);
    let heights = view.row_heights(&app.library, ws, &list);
    let record_lines = view.record_inner().height as usize;
    let cursor = ws.record_cursor.min(heights.len().saturating_sub(1));
    let top: usize = heights[..cursor.min(heights.len())].iter().sum();
    let bottom = top + heights.get(cursor).copied().unwrap_or(1);
    // Show the heading above the cursor too, where there is one.
    let heading_top = if cursor > 0 && matches!(list.get(cursor - 1), Some(Row::Heading(_))) {
        top - heights[cursor - 1]
    } else {
        top
    };
    let entries = reference::entries(&app.library, ws, view.side_by_side);
    let places = view.places(&entries);
    let ref_view = view.reference_lines();
    let (ref_top, ref_bottom) = places
        .get(ws.reference_cursor.min(places.len().saturating_sub(1)))
        .map_or((0, 0), |p| (p.top, p.top + p.height));
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    if heading_top < ws.record_scroll {
        ws.record_scroll = heading_top;
    } else if bottom > ws.record_scroll + record_lines {
        ws.record_scroll = bottom.saturating_sub(record_lines).min(top);
    }
    // An entry longer than the view is read by scrolling through it: only
    // an entry wholly out of view brings the view to its top.
    if ref_bottom <= ws.reference_scroll || ref_top >= ws.reference_scroll + ref_view {
        ws.reference_scroll = ref_top;
    }
}
