//! The reference pane's commands, and keeping both panes' cursors in view.

use super::*;

pub(super) fn reference_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let wide = layout::is_wide(app.size);
    let Some(ws) = app.workspace() else { return };
    let entries = reference::entries(&app.library, ws, wide);
    let tab_names = reference::tabs(&app.library, ws);
    let tab_count = tab_names.len().max(1);
    let tab = tab_names.get(ws.reference_tab).copied().unwrap_or_default();
    let height = layout::walk(app.size).reference.height.saturating_sub(3) as usize;
    let width = layout::walk(app.size).reference.width.saturating_sub(2);
    let heights: Vec<usize> = entries
        .iter()
        .map(|e| crate::app::lines::entry_lines(e, width, false, app.present).len())
        .collect();
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let top_of = |i: usize| heights[..i].iter().sum::<usize>();
    match command {
        Command::Down => {
            // Read a long entry to its end before moving to the next.
            let cursor = ws.reference_cursor.min(entries.len().saturating_sub(1));
            let entry_end = top_of(cursor) + heights.get(cursor).copied().unwrap_or(0);
            if entry_end > ws.reference_scroll + height {
                ws.reference_scroll += height.saturating_sub(2).max(1);
            } else if cursor + 1 < entries.len() {
                ws.reference_cursor = cursor + 1;
            }
        }
        Command::Up => {
            let cursor = ws.reference_cursor;
            if top_of(cursor) < ws.reference_scroll {
                ws.reference_scroll = ws
                    .reference_scroll
                    .saturating_sub(height.saturating_sub(2).max(1));
            } else if cursor > 0 {
                ws.reference_cursor = cursor - 1;
            }
        }
        Command::PageDown => {
            let total: usize = heights.iter().sum();
            ws.reference_scroll = (ws.reference_scroll + height.saturating_sub(1).max(1))
                .min(total.saturating_sub(1));
            ws.reference_cursor = (0..entries.len())
                .find(|&i| top_of(i) + heights[i] > ws.reference_scroll)
                .unwrap_or(0);
            return;
        }
        Command::PageUp => {
            ws.reference_scroll = ws
                .reference_scroll
                .saturating_sub(height.saturating_sub(1).max(1));
            ws.reference_cursor = (0..entries.len())
                .find(|&i| top_of(i) + heights[i] > ws.reference_scroll)
                .unwrap_or(0);
            return;
        }
        Command::Top => {
            ws.reference_cursor = 0;
            ws.reference_scroll = 0;
        }
        Command::Bottom => ws.reference_cursor = entries.len().saturating_sub(1),
        Command::Left | Command::Right if tab == reference::ILLUSTRATIONS && !wide => {
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
            let Some(take) = entries
                .get(ws.reference_cursor)
                .and_then(|e| e.take.clone())
            else {
                return;
            };
            match take {
                Take::Evidence {
                    information,
                    description,
                } => {
                    return add_evidence(app, Some((information, description)), effects);
                }
                Take::Priority(statement) => {
                    return add_priority(app, Some(statement), None, effects);
                }
                Take::Measure(measure) => {
                    let now = app.now;
                    let Some(ws) = app.workspace_mut() else {
                        return;
                    };
                    let item_id = ws.item_index().map(|i| ws.session.items[i].item.clone());
                    let target =
                        ws.session.priorities.iter().rposition(|p| {
                            item_id.as_ref().is_some_and(|id| p.serves.contains(id))
                        });
                    match target {
                        Some(p)
                            if ws.session.priorities[p]
                                .measure_of_success
                                .trim()
                                .is_empty() =>
                        {
                            ws.session.priorities[p].measure_of_success = measure;
                            touch(ws, now);
                            app.notice =
                                Some(format!("Measure of success set for priority {}", p + 1));
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
                        None => return add_priority(app, None, Some(measure), effects),
                    }
                }
            }
            return;
        }
        _ => {}
    }
    keep_cursor_visible(app);
}

/// Keep the record and reference cursors on screen, given the layout.
pub(super) fn keep_cursor_visible(app: &mut App) {
    let (reference_pane, record_pane) = layout::panes(app.size, app.present, app.hide_notes);
    let wide = layout::is_wide(app.size);
    let Some(ws) = app.workspace() else { return };
    let list = rows::rows(&app.library, ws, app.present);
    let width = record_pane.width.saturating_sub(2);
    let heights: Vec<usize> = list
        .iter()
        .map(|r| crate::app::lines::row_height(&app.library, ws, r, width))
        .collect();
    let view = record_pane.height.saturating_sub(2) as usize;
    let cursor = ws.record_cursor.min(heights.len().saturating_sub(1));
    let top: usize = heights[..cursor.min(heights.len())].iter().sum();
    let bottom = top + heights.get(cursor).copied().unwrap_or(1);
    // Show the heading above the cursor too, where there is one.
    let heading_top = if cursor > 0 && matches!(list.get(cursor - 1), Some(Row::Heading(_))) {
        top - heights[cursor - 1]
    } else {
        top
    };
    let entries = reference::entries(&app.library, ws, wide);
    let ref_width = reference_pane.width.saturating_sub(2);
    let ref_heights: Vec<usize> = entries
        .iter()
        .map(|e| crate::app::lines::entry_lines(e, ref_width, false, app.present).len())
        .collect();
    let ref_view = reference_pane.height.saturating_sub(3) as usize;
    let ref_cursor = ws.reference_cursor.min(ref_heights.len().saturating_sub(1));
    let ref_top: usize = ref_heights[..ref_cursor.min(ref_heights.len())]
        .iter()
        .sum();
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    if heading_top < ws.record_scroll {
        ws.record_scroll = heading_top;
    } else if bottom > ws.record_scroll + view {
        ws.record_scroll = bottom.saturating_sub(view).min(top);
    }
    if ref_top < ws.reference_scroll || ref_top >= ws.reference_scroll + ref_view {
        ws.reference_scroll = ref_top;
    }
}
