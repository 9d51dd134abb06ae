//! The review before phase 1 of a session that follows another: last
//! time's priorities one by one, each with its whole log, to mark done,
//! carried forward or dropped.

use super::widgets::{footer, status_line};
use crate::app::cycle::{Earlier, Review};
use crate::app::lines::wrap_text;
use crate::app::text;
use crate::app::theme::Theme;
use crate::app::{App, Workspace};
use crate::session::model::SessionKind;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn render(frame: &mut Frame, app: &App, ws: &Workspace, theme: Theme) {
    let (Some(earlier), Some(review)) = (&ws.earlier, &ws.review) else {
        return;
    };
    let supervision = ws.session.kind == SessionKind::Supervision;
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let list_height = u16::try_from(earlier.priorities.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height / 3)
        .max(3);
    let [title, list, detail, note, status, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(list_height),
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let heading = vec![
        Line::from(vec![
            Span::styled(format!(" {}", ws.session.title), theme.title()),
            Span::styled(
                if supervision {
                    text::supervision::REVIEW_HEADING
                } else {
                    " · Review before phase 1"
                },
                theme.heading(),
            ),
        ]),
        Line::from(Span::styled(
            format!(
                " Last time: {} ({}). Mark each of its {}.",
                earlier.title,
                earlier.date.strftime("%-d %B %Y"),
                if supervision { "actions" } else { "priorities" }
            ),
            theme.dim(),
        )),
    ];
    frame.render_widget(Paragraph::new(heading), title);
    list_box(frame, earlier, review, list, supervision, theme);
    detail_box(frame, earlier, review, detail, supervision, theme);
    note_box(frame, review, note, theme);
    status_line(frame, app, Some(ws), status, theme);
    footer(frame, app, foot, theme);
}

fn list_box(
    frame: &mut Frame,
    earlier: &Earlier,
    review: &Review,
    area: Rect,
    supervision: bool,
    theme: Theme,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(!review.writing))
        .title(format!(
            " Last time's {} ({}) ",
            if supervision { "actions" } else { "priorities" },
            earlier.priorities.len()
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let skip = review
        .cursor
        .saturating_sub(usize::from(inner.height).saturating_sub(1));
    let lines: Vec<Line> = earlier
        .priorities
        .iter()
        .enumerate()
        .skip(skip)
        .map(|(i, p)| {
            let selected = i == review.cursor;
            let text = p.text.lines().next().unwrap_or("(no statement)");
            let style = if selected {
                theme.selected()
            } else if p.status.is_open() {
                theme.text()
            } else {
                theme.dim()
            };
            Line::from(vec![
                Span::styled(if selected { "› " } else { "  " }, theme.key()),
                Span::styled(format!("{:<16}", p.status.label()), theme.label()),
                Span::styled(text.to_owned(), style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn detail_box(
    frame: &mut Frame,
    earlier: &Earlier,
    review: &Review,
    area: Rect,
    supervision: bool,
    theme: Theme,
) {
    let Some(p) = earlier.priorities.get(review.cursor) else {
        return;
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false))
        .title(" Its log ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for l in wrap_text(&p.text, width, "", "") {
        lines.push(Line::from(Span::styled(l, theme.title())));
    }
    let owner = if p.owner.is_empty() { "—" } else { &p.owner };
    let due = p.due.map_or_else(|| "—".to_owned(), |d| d.to_string());
    lines.push(Line::from(Span::styled(
        if p.items.is_empty() || supervision {
            format!("Owner {owner} · due {due}")
        } else {
            format!("Owner {owner} · due {due} · serves {}", p.items.join(", "))
        },
        theme.dim(),
    )));
    if p.history.is_empty() {
        lines.push(Line::from(Span::styled(
            "No updates were logged.",
            theme.dim(),
        )));
    }
    for logged in &p.history {
        let u = &logged.update;
        let note = if u.note.is_empty() { "—" } else { &u.note };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}  {:<15} ", u.date, u.status.label()),
                theme.label(),
            ),
            Span::styled(note.to_owned(), theme.text()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn note_box(frame: &mut Frame, review: &Review, area: Rect, theme: Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(review.writing))
        .title(" Note for the mark ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text = review.note.lines().join(" ");
    let line = if text.is_empty() {
        Line::from(vec![
            Span::styled(
                "Tab to write a note, then d done · c carry forward · x drop",
                theme.dim(),
            ),
            Span::styled(if review.writing { "▏" } else { "" }, theme.key()),
        ])
    } else {
        Line::from(vec![
            Span::raw(text),
            Span::styled(if review.writing { "▏" } else { "" }, theme.key()),
        ])
    };
    frame.render_widget(Paragraph::new(line), inner);
}
