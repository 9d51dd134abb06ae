//! The organisation's own content: its areas and the LSCB ones down the
//! left, the questions and 'good' statements it has written for the chosen
//! area on the right, each marked as its own.

use super::widgets::{footer, status_line};
use crate::app::App;
use crate::app::own::{OwnContentState, areas};
use crate::app::text;
use crate::app::theme::Theme;
use crate::app::view;
use crate::content::own;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

pub fn render(frame: &mut Frame, app: &App, state: &OwnContentState, theme: Theme) {
    let [title, note, body, status, foot] = view::own_content_areas(app.size);
    let organisation = own::loaded(&app.library).map(|f| f.publisher.clone());
    let heading = match &organisation {
        Some(name) => format!(" Your own content · {name}"),
        None => " Your own content".to_owned(),
    };
    frame.render_widget(Paragraph::new(Span::styled(heading, theme.title())), title);
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" {}", text::OWN_CONTENT_NOTE),
            theme.dim(),
        ))
        .wrap(Wrap { trim: true }),
        note,
    );
    let rows = areas(&app.library);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
    let items: Vec<ListItem> = rows
        .iter()
        .map(|row| {
            let counts = if row.questions + row.statements > 0 {
                format!("  ({} q, {} s)", row.questions, row.statements)
            } else {
                String::new()
            };
            let mark = if row.own { "✎ " } else { "  " };
            ListItem::new(Line::from(vec![
                Span::styled(mark, theme.key()),
                Span::styled(row.title.clone(), theme.text()),
                Span::styled(counts, theme.dim()),
            ]))
        })
        .collect();
    let list = List::new(items)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border(true))
                .title(" Areas: ✎ yours, then the LSCB framework's "),
        )
        .highlight_style(theme.selected())
        // Never colour alone: the chosen area is marked in text too.
        .highlight_symbol("▶");
    let mut list_state = ListState::default().with_selected(Some(state.cursor));
    frame.render_stateful_widget(list, left, &mut list_state);
    let detail = rows
        .get(state.cursor)
        .map(|row| detail(app, row, organisation.as_deref(), theme))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(detail).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border(false))
                .title(" Written for this area "),
        ),
        right,
    );
    status_line(frame, app, None, status, theme);
    footer(frame, app, foot, theme);
}

fn detail<'a>(
    app: &App,
    row: &crate::app::own::AreaRow,
    organisation: Option<&str>,
    theme: Theme,
) -> Vec<Line<'a>> {
    let mut lines = vec![Line::from(Span::styled(row.title.clone(), theme.heading()))];
    // What one of the organisation's own areas covers, as it wrote it.
    let described = own::loaded(&app.library)
        .filter(|_| row.own)
        .and_then(|f| {
            crate::content::query::all_areas(f)
                .into_iter()
                .find(|a| a.id == row.id)
        })
        .map(|a| {
            a.description
                .iter()
                .map(|b| match b {
                    crate::content::model::Block::Paragraph(p) => p.clone(),
                    crate::content::model::Block::List(items) => items.join("; "),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    if !described.is_empty() {
        lines.push(Line::from(Span::styled(described, theme.dim())));
    }
    let questions = own::questions_for(&app.library, &row.id);
    let statements = own::statements_for(&app.library, &row.id);
    if questions.is_empty() && statements.is_empty() {
        lines.push(Line::from(Span::styled(
            text::OWN_CONTENT_NONE,
            theme.dim(),
        )));
        return lines;
    }
    let mark = organisation.map(text::own_mark).unwrap_or_default();
    if !questions.is_empty() {
        lines.push(Line::from(Span::styled("Questions", theme.label())));
        for q in questions {
            lines.push(Line::from(format!("• {} ({mark})", q.text)));
        }
    }
    if !statements.is_empty() {
        lines.push(Line::from(Span::styled("'Good' statements", theme.label())));
        for s in statements {
            let kind = crate::content::text::good_kind_label(s.kind);
            lines.push(Line::from(format!("• [{kind}] {} ({mark})", s.text)));
        }
    }
    lines
}
