//! The register: every action of every kind across sessions, by due date,
//! with the chosen action's whole log (or the form for a new update).

use super::widgets::{footer, status_line};
use crate::app::App;
use crate::app::cycle::{RegisterState, UpdateField, UpdateForm};
use crate::app::lines::wrap_text;
use crate::app::text;
use crate::app::text::register as words;
use crate::app::theme::Theme;
use crate::app::view;
use crate::session::register::ActionRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Wrap};

pub fn render(frame: &mut Frame, app: &App, state: &RegisterState, theme: Theme) {
    let [title, filters, body, lower, status, foot] =
        view::register_areas(app.size, state.form.is_some());
    let today = app.today();
    let visible = state.visible(today);
    let heading = Line::from(vec![
        Span::styled(words::TITLE, theme.title()),
        Span::styled(words::showing(state.shown, state.total, today), theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(heading), title);
    frame.render_widget(Paragraph::new(filter_line(state, theme)), filters);
    list(frame, app, state, &visible, body, theme);
    let chosen = state.selected(today);
    match (&state.form, chosen) {
        (Some(form), Some(row)) => form_box(frame, form, row, lower, theme),
        (_, Some(row)) => log_box(frame, row, lower, theme),
        (_, None) => frame.render_widget(Block::default(), lower),
    }
    status_line(frame, app, None, status, theme);
    footer(frame, app, foot, theme);
}

fn filter_line(state: &RegisterState, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (i, (name, value)) in state.filter_words().into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        let style = if value == "any" {
            theme.dim()
        } else {
            theme.warm()
        };
        spans.push(Span::styled(format!("{name} "), theme.dim()));
        spans.push(Span::styled(value, style));
    }
    Line::from(spans)
}

fn list(
    frame: &mut Frame,
    app: &App,
    state: &RegisterState,
    visible: &[&ActionRow],
    area: Rect,
    theme: Theme,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(state.form.is_none()))
        .title(" Actions ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if visible.is_empty() {
        let said = if state.loaded {
            text::REGISTER_EMPTY
        } else {
            text::READING_SESSIONS
        };
        let para = Paragraph::new(Span::styled(said, theme.dim())).wrap(Wrap { trim: true });
        frame.render_widget(para, inner);
        return;
    }
    let wide = view::register_is_wide(app.size);
    let today = app.today();
    // Only the rows in view are built: the register spans every session.
    let height = inner.height.saturating_sub(1);
    let skip = view::register_scroll(state.cursor, height);
    let rows: Vec<Row> = visible
        .iter()
        .enumerate()
        .map(|(i, row)| (state.offset + i, row))
        .skip_while(|(i, _)| *i < skip)
        .take(usize::from(height))
        .map(|(i, row)| table_row(row, i == state.cursor, wide, today, theme))
        .collect();
    let widths = if wide {
        vec![
            Constraint::Length(2),
            Constraint::Length(10),
            Constraint::Length(15),
            Constraint::Length(22),
            Constraint::Min(20),
            Constraint::Length(13),
            Constraint::Length(10),
            Constraint::Length(24),
            Constraint::Length(26),
        ]
    } else {
        vec![
            Constraint::Length(2),
            Constraint::Length(10),
            Constraint::Length(15),
            Constraint::Length(12),
            Constraint::Min(10),
        ]
    };
    let mut header = words::COLUMNS.to_vec();
    if wide {
        header.extend(words::WIDE_COLUMNS);
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.label()))
        .column_spacing(1);
    frame.render_widget(table, inner);
}

fn table_row<'a>(
    row: &'a ActionRow,
    selected: bool,
    wide: bool,
    today: jiff::civil::Date,
    theme: Theme,
) -> Row<'a> {
    let overdue = row.status.is_open() && row.due.is_some_and(|d| d < today);
    let due = row.due.map_or_else(|| "—".to_owned(), |d| d.to_string());
    let due = if overdue { format!("{due}!") } else { due };
    let what = if row.text.trim().is_empty() {
        words::NO_STATEMENT.to_owned()
    } else {
        let first = row.text.lines().next().unwrap_or_default();
        match row.kind {
            crate::session::register::ActionKind::Milestone => format!("  ↳ {first}"),
            _ => first.to_owned(),
        }
    };
    let mut cells = vec![
        if selected { "› " } else { "  " }.to_owned(),
        due,
        row.status.label().to_owned(),
        if row.owner.is_empty() {
            "—".into()
        } else {
            row.owner.clone()
        },
        what,
    ];
    if wide {
        cells.push(row.framework.clone());
        cells.push(row.items.join(" "));
        cells.push(format!("{} {}", row.session_date, row.session_title));
        cells.push(row.last_update().map_or_else(
            || "—".to_owned(),
            |u| format!("{} {}", u.update.date, u.update.status.label()),
        ));
    }
    let style = if selected {
        theme.selected()
    } else if overdue {
        theme.warning()
    } else {
        theme.text()
    };
    Row::new(cells).style(style)
}

/// The chosen action: where it lives, and its whole log (through the
/// priorities it carries forward).
fn log_box(frame: &mut Frame, row: &ActionRow, area: Rect, theme: Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false))
        .title(format!(
            " {} · {} {} · {} ",
            row.kind.slug(),
            row.session_date,
            row.session_title,
            row.id
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for l in wrap_text(&row.text, width, "", "") {
        lines.push(Line::from(Span::styled(l, theme.title())));
    }
    if let Some(from) = &row.carries {
        let said = words::carries_forward(&from.to_string());
        for l in wrap_text(&said, width, "", "") {
            lines.push(Line::from(Span::styled(l, theme.dim())));
        }
    }
    if row.history.is_empty() {
        lines.push(Line::from(Span::styled(words::NO_UPDATES, theme.dim())));
    }
    for logged in &row.history {
        let u = &logged.update;
        let head = format!("{}  {:<15} ", u.date, u.status.label());
        let note = if u.note.is_empty() { "—" } else { &u.note };
        for (i, l) in wrap_text(note, width.saturating_sub(head.len()).max(10), "", "")
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                head.clone()
            } else {
                " ".repeat(head.chars().count())
            };
            lines.push(Line::from(vec![
                Span::styled(lead, theme.label()),
                Span::styled(l, theme.text()),
            ]));
        }
    }
    // The newest updates matter most: show the end of a long log.
    let extra = lines.len().saturating_sub(usize::from(inner.height));
    let para = Paragraph::new(lines).scroll((u16::try_from(extra).unwrap_or(u16::MAX), 0));
    frame.render_widget(para, inner);
}

fn form_box(frame: &mut Frame, form: &UpdateForm, row: &ActionRow, area: Rect, theme: Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(words::update_title(&row.id, &row.session_id));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mark = |field: UpdateField| {
        if form.field == field {
            ("› ", theme.selected())
        } else {
            ("  ", theme.label())
        }
    };
    let field_line = |field: UpdateField, label: &str, value: String, placeholder: &str| {
        let (m, style) = mark(field);
        let shown = if value.is_empty() {
            Span::styled(placeholder.to_owned(), theme.dim())
        } else {
            Span::styled(value, theme.text())
        };
        let cursor = if form.field == field && field.is_text() {
            "▏"
        } else {
            ""
        };
        Line::from(vec![
            Span::styled(format!("{m}{label:<8}"), style),
            shown,
            Span::styled(cursor, theme.key()),
        ])
    };
    let status = format!("‹ {} ›", form.status.label());
    let mut lines = vec![
        field_line(
            UpdateField::Date,
            words::DATE,
            form.date.lines().join(""),
            words::DATE_PLACEHOLDER,
        ),
        field_line(UpdateField::Status, words::STATUS, status, ""),
        field_line(
            UpdateField::Note,
            words::NOTE,
            form.note.lines().join(" "),
            words::NOTE_PLACEHOLDER,
        ),
    ];
    let (m, style) = mark(UpdateField::Save);
    lines.push(Line::from(Span::styled(
        format!("{m}{}", words::SAVE_BUTTON),
        style,
    )));
    if let Some(error) = &form.error {
        lines.push(Line::from(Span::styled(error.clone(), theme.error())));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
