//! The conflicts screen: what a sync kept from two machines, both values
//! side by side with who saved them and when, and the choice.

use super::widgets::{footer, status_line};
use crate::app::App;
use crate::app::lines::wrap_text;
use crate::app::sync::{ConflictEntry, ConflictsState, SideView};
use crate::app::text::sync as words;
use crate::app::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn render(frame: &mut Frame, app: &App, state: &ConflictsState, theme: Theme) {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let list_rows = (state.entries.len().max(1) as u16 + 2).min(area.height / 3);
    let [title, list, detail, status, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(list_rows),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let heading = format!(" {} ({}) ", words::CONFLICTS_TITLE, state.entries.len());
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(heading, theme.title()))),
        title,
    );
    draw_list(frame, app, state, list, theme);
    match (&state.combined, state.chosen()) {
        (Some(area_text), _) => {
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border(true))
                .title(format!(" {} ", words::COMBINED_TITLE));
            let inner = block.inner(detail);
            frame.render_widget(block, detail);
            frame.render_widget(area_text, inner);
        }
        (None, Some(entry)) => draw_detail(frame, app, entry, detail, theme),
        (None, None) => {
            let text = state.problem.as_deref().unwrap_or(words::NO_CONFLICTS);
            frame.render_widget(
                Paragraph::new(Span::styled(text, theme.dim())).wrap(Wrap { trim: true }),
                detail,
            );
        }
    }
    status_line(frame, app, None, status, theme);
    footer(frame, app, foot, theme);
}

fn draw_list(frame: &mut Frame, app: &App, state: &ConflictsState, area: Rect, theme: Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(state.combined.is_none()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let shown = usize::from(inner.height).max(1);
    let skip = state.cursor.saturating_sub(shown - 1);
    let lines: Vec<Line> = state
        .entries
        .iter()
        .enumerate()
        .skip(skip)
        .take(shown)
        .map(|(i, e)| {
            let selected = i == state.cursor;
            let style = if selected {
                theme.selected()
            } else {
                theme.text()
            };
            let when = app.local(e.kept.at.max(e.other.at)).strftime("%Y-%m-%d");
            Line::from(vec![
                Span::styled(if selected { "› " } else { "  " }, theme.key()),
                Span::styled(format!("{}  {} · {}", when, e.session_title, e.path), style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_detail(frame: &mut Frame, app: &App, entry: &ConflictEntry, area: Rect, theme: Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false))
        .title(format!(" {} · {} ", entry.session_title, entry.path));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).saturating_sub(2);
    let mut lines = Vec::new();
    let other_text = if entry.deleted {
        words::DELETED.to_owned()
    } else {
        entry.other.text.clone()
    };
    for (label, side, text) in [
        ("A (in the field now)", &entry.kept, entry.kept.text.clone()),
        ("B", &entry.other, other_text),
    ] {
        if entry.session_id == crate::app::sync::REGISTER {
            // The register keeps no save time: who on the label's line,
            // and what "when" really is, wrapped beneath it.
            let when = app.local(side.at).strftime("%Y-%m-%d %H:%M").to_string();
            let said = words::register_by_at(&side.by, &when);
            lines.push(Line::from(Span::styled(label, theme.heading())));
            for l in wrap_text(&said, width, "  ", "  ") {
                lines.push(Line::from(Span::styled(l, theme.dim())));
            }
        } else {
            lines.push(Line::from(vec![
                Span::styled(format!("{label} "), theme.heading()),
                Span::styled(by_at(app, side), theme.dim()),
            ]));
        }
        for part in text.split('\n') {
            for l in wrap_text(part, width, "  ", "  ") {
                lines.push(Line::from(Span::styled(l, theme.text())));
            }
        }
        lines.push(Line::from(""));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn by_at(app: &App, side: &SideView) -> String {
    words::by_at(
        &side.by,
        &app.local(side.at).strftime("%Y-%m-%d %H:%M").to_string(),
    )
}

/// Home's indicator line, if the folder is shared.
pub fn indicator(app: &App) -> Option<String> {
    let summary = app.sync.summary.as_ref()?;
    let last = summary
        .last_sync
        .map(|t| app.local(t).strftime("%Y-%m-%d %H:%M").to_string());
    words::indicator(summary, last)
}

/// While a sync runs: a small box saying how far it is.
pub fn syncing(frame: &mut Frame, app: &App, theme: Theme) {
    let Some((since, step)) = app.sync.running else {
        return;
    };
    let seconds = app.now.duration_since(since).as_secs().max(0);
    let text = words::progress(step, seconds);
    let screen = Rect::new(0, 0, app.size.0, app.size.1);
    let width = (text.chars().count() as u16 + 4)
        .max(words::WAIT.len() as u16 + 4)
        .min(screen.width);
    let area = crate::app::view::centered(screen, width, 4);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.buffer_mut().set_style(area, theme.base());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", words::SYNCING_TITLE),
            theme.heading(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(text, theme.text())),
            Line::from(Span::styled(words::WAIT, theme.dim())),
        ])
        .wrap(Wrap { trim: true }),
        inner,
    );
}
