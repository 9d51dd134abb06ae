//! Past daily reviews, by date, with the question and the reflection.

use super::widgets::footer;
use crate::app::App;
use crate::app::lines::wrap_text;
use crate::app::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn render(frame: &mut Frame, app: &App, cursor: usize, theme: Theme) {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let year_ago = app.home.data.year_ago.as_deref();
    let [title, look_back, body, status, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(year_ago.is_some())),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let data = &app.home.data;
    let streak = app.home.streak;
    // A plain count, never a reproach.
    let reviews = |n| super::home::count_of(n, "daily review", "daily reviews");
    let summary = match (data.daily_total(), streak) {
        (0, _) => "No daily reviews yet.".to_owned(),
        (n, 0 | 1) => reviews(n),
        (n, s) => format!("{} · {s} days in a row", reviews(n)),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" Daily reviews", theme.title()),
            Span::styled(format!(" · {summary}"), theme.dim()),
        ])),
        title,
    );
    if let Some(day) = year_ago {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(
                    " {}",
                    crate::app::text::year_ago_line(day.date, first_written(day))
                ),
                theme.text(),
            )),
            look_back,
        );
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(" By date, newest first ");
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let width = usize::from(inner.width).saturating_sub(2).max(10);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    let view = usize::from(inner.height).max(1);
    // Only entries near the cursor are built: every entry takes at least
    // one line, so none before `cursor - view` can be on screen.
    let end = data.daily_total().min(cursor + view + 1);
    for index in cursor.saturating_sub(view)..end {
        if index > cursor && lines.len() >= cursor_line + view {
            break;
        }
        let Some(entry) = data.daily_entry(index) else {
            continue; // its page is on its way
        };
        let selected = index == cursor;
        if selected {
            cursor_line = lines.len();
        }
        let mark = if selected { "› " } else { "  " };
        let style = if selected {
            theme.selected()
        } else {
            theme.title()
        };
        let indent = "                 ";
        let fallback = [(entry.question.clone(), entry.reflection.clone())];
        let questions = if entry.questions.is_empty() {
            &fallback[..]
        } else {
            &entry.questions[..]
        };
        // Every question the day took, each with its reflection.
        for (n, (question, reflection)) in questions.iter().enumerate() {
            let question = if question.is_empty() {
                crate::app::text::FREE_WRITING
            } else {
                question.as_str()
            };
            let head = if n == 0 {
                format!(
                    "{:<15}  {question}",
                    entry.date.strftime("%a %-d %b %Y").to_string()
                )
            } else {
                format!("{indent}{question}")
            };
            for (i, l) in wrap_text(&head, width, "", indent).into_iter().enumerate() {
                let first = n == 0 && i == 0;
                lines.push(Line::from(vec![
                    Span::styled(if first { mark } else { "  " }, theme.key()),
                    Span::styled(l, style),
                ]));
            }
            let reflection = if reflection.trim().is_empty() {
                "(no reflection written)".to_owned()
            } else {
                reflection.replace('\n', " ")
            };
            for l in wrap_text(&reflection, width, indent, indent) {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(l, theme.text()),
                ]));
            }
        }
        let tags = crate::app::daily::day_tags(entry);
        if !tags.is_empty() {
            let tags: Vec<String> = tags.iter().map(|t| format!("#{t}")).collect();
            for l in wrap_text(
                &format!("{}: {}", crate::app::text::TAGS, tags.join(" ")),
                width,
                indent,
                indent,
            ) {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(l, theme.dim()),
                ]));
            }
        }
        if !entry.action.trim().is_empty() {
            for l in wrap_text(
                &action_line(entry),
                width,
                "                 ",
                "                 ",
            ) {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(l, theme.dim()),
                ]));
            }
        }
    }
    let skip = cursor_line.saturating_sub(view / 2);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).take(view).collect::<Vec<_>>()),
        inner,
    );
    if let Some(notice) = &app.notice {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {notice}"), theme.ok())),
            status,
        );
    }
    footer(frame, app, foot, theme);
}

/// What a day wrote first, or its question if it wrote nothing, on one line.
fn first_written(day: &crate::app::home::DailyEntry) -> &str {
    day.questions
        .iter()
        .map(|(_, note)| note.as_str())
        .chain([day.reflection.as_str()])
        .find(|note| !note.trim().is_empty())
        .unwrap_or(&day.question)
        .lines()
        .next()
        .unwrap_or("")
}

/// The day's small action, and whether it is done (or dropped) since.
fn action_line(entry: &crate::app::home::DailyEntry) -> String {
    match entry.action_status {
        Some(status) if !status.is_open() => {
            format!("Action: {} ({})", entry.action, status.label())
        }
        _ => format!("Action: {}", entry.action),
    }
}
