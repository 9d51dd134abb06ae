//! Projector mode: read from the back of a meeting room. Big numbers for
//! the item and the timer, bold high-contrast text, generous spacing, one
//! idea at a time, and the scribe's record hideable. Private evidence is
//! never drawn here (see `rows`).

use super::walk;
use super::widgets::{footer, status_line};
use crate::app::lines::wrap_text;
use crate::app::reference;
use crate::app::theme::Theme;
use crate::app::view as layout;
use crate::app::{App, Pane, Stage, Workspace};
use crate::content::query;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn render(frame: &mut Frame, app: &App, ws: &Workspace, base: Theme) {
    let theme = base.projector();
    let areas = layout::present(app.size, app.hide_notes);
    let Stage::Walk { item, phase } = ws.stage else {
        // The summary reads well as it is.
        walk::render(frame, app, ws, theme);
        return;
    };
    let record = ws.session.items.get(item);
    let found = record.and_then(|r| {
        app.library
            .framework(&ws.session.framework)
            .and_then(|f| query::find_item(f, &r.item))
    });

    // Big: the item's number on the left, the timer on the right.
    let id = record.map(|r| r.item.clone()).unwrap_or_default();
    let big_id = if id.chars().count() <= 6 && id.is_ascii() {
        id
    } else {
        format!("{}/{}", item + 1, ws.session.items.len())
    };
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(areas.header);
    super::big::draw(frame, &big_id, theme.heading(), left);
    let timer_style = if ws.timer.is_up(app.now) {
        theme.warm()
    } else if ws.timer.is_running() {
        theme.title()
    } else {
        theme.dim()
    };
    super::big::draw(frame, &ws.timer.shown(app.now), timer_style, right);

    // The item's title and the phase question, in words.
    let width = usize::from(areas.title.width).max(10);
    let title = found.map_or_else(String::new, |f| f.title());
    let mut lines: Vec<Line> = wrap_text(&title, width.saturating_sub(1), " ", " ")
        .into_iter()
        .take(2)
        .map(|l| Line::from(Span::styled(l, theme.title())))
        .collect();
    let mut step = vec![Span::styled(
        format!(" ▶ {} of 3: {}", phase.number(), phase.question()),
        theme.heading(),
    )];
    if ws.timer.is_up(app.now) {
        step.push(Span::styled(
            "   Time is up: ] moves on, + adds a minute",
            theme.warm(),
        ));
    } else if !ws.timer.is_running() {
        step.push(Span::styled("   timer paused (T)", theme.dim()));
    }
    lines.push(Line::from(step));
    // Once revealed, the room's spread stands under the question, wrapped
    // so that no name is cut off on a small screen.
    if phase == crate::app::Phase::Now
        && record.is_some_and(|r| r.revealed && !r.individual_levels.is_empty())
    {
        let spread = crate::app::lines::spread_text(&app.library, ws, item);
        let wrapped = wrap_text(&spread, width.saturating_sub(1), " ", "   ");
        let height = usize::from(areas.title.height);
        let step = lines.pop();
        let spread_rows = wrapped.len().min(height.saturating_sub(1));
        // The title gives way to the spread: the room needs every name.
        lines.truncate(height.saturating_sub(1 + spread_rows));
        lines.extend(step);
        lines.extend(
            wrapped
                .into_iter()
                .take(spread_rows)
                .map(|l| Line::from(Span::styled(l, theme.warning()))),
        );
    }
    frame.render_widget(Paragraph::new(lines), areas.title);

    // One idea: the current tab of the framework's text, spaced out.
    let focused = ws.focus == Pane::Reference;
    let tab = reference::current_tab(&app.library, ws).map_or("", |t| t.label());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(Span::styled(
            format!(" {tab}   (t: next) "),
            theme.border(focused),
        ));
    frame.render_widget(block, areas.reference);
    walk::draw_reference_entries(frame, app, ws, focused, theme);

    if !app.hide_notes {
        walk::record_pane(frame, app, ws, areas.record, theme);
    }
    status_line(frame, app, Some(ws), areas.status, theme);
    footer(frame, app, areas.footer, theme);
}
