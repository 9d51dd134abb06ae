//! The daily twenty minutes: a visible countdown, the question of the day,
//! a reflection and one small action.

use super::theme::Theme;
use super::widgets::{footer, status_line};
use crate::app::{App, Workspace};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(frame: &mut Frame, app: &App, ws: &Workspace, theme: Theme) {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let timer_rows = if app.size.1 >= 40 { 8 } else { 4 };
    let [title, timer, hint, body, status, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(timer_rows),
        Constraint::Length(1),
        Constraint::Min(6),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let today = app
        .local(ws.session.created)
        .strftime("%A %-d %B %Y")
        .to_string();
    let streak = app.home.streak;
    let mut spans = vec![
        Span::styled(" Your daily twenty minutes", theme.title()),
        Span::styled(format!(" · {today}"), theme.dim()),
    ];
    if streak > 1 {
        spans.push(Span::styled(
            format!(" · {streak} days in a row"),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), title);

    let (time_style, prompt) = if ws.timer.is_up(app.now) {
        (
            theme.warm(),
            "Twenty minutes are up. Finish with F when you are ready; nothing is lost.",
        )
    } else if ws.timer.is_running() {
        (
            theme.title(),
            "Space pauses · F finishes early · a: another question",
        )
    } else {
        (theme.dim(), "Paused · Space goes on · F finishes")
    };
    super::big::draw(frame, &ws.timer.display(app.now), time_style, timer);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(prompt, time_style)).centered()),
        hint,
    );
    super::walk::record_pane(frame, app, ws, body, theme);
    status_line(frame, app, Some(ws), status, theme);
    footer(frame, app, foot, theme);
}
