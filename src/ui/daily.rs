//! The daily twenty minutes: a visible countdown, the question of the day,
//! a reflection and one small action.

use super::widgets::{footer, status_line};
use crate::app::theme::Theme;
use crate::app::view::{self, SessionView};
use crate::app::{App, Workspace};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(frame: &mut Frame, app: &App, ws: &Workspace, theme: Theme) {
    let [title, timer, hint, _, status, foot] = view::daily(app.size);
    let body = SessionView::of(app, ws).record;
    let today = app
        .local(ws.session.created)
        .strftime("%A %-d %B %Y")
        .to_string();
    let streak = app.home.streak;
    if ws.past_day {
        past_day(frame, app, ws, &today, theme);
        return;
    }
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

/// An earlier day's review: its date in the title, no countdown, and the
/// key that edits it named where the countdown would be.
fn past_day(frame: &mut Frame, app: &App, ws: &Workspace, day: &str, theme: Theme) {
    let [title, timer, hint, _, status, foot] = view::daily(app.size);
    let body = SessionView::of(app, ws).record;
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" Daily review of {day}"), theme.title()),
            Span::styled(" · a past day", theme.dim()),
        ])),
        title,
    );
    let words = if ws.read_only.is_some() {
        crate::app::text::PAST_DAY_HINT
    } else {
        crate::app::text::PAST_DAY_EDITING
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(words, theme.dim())).centered()),
        timer,
    );
    frame.render_widget(Paragraph::new(""), hint);
    super::walk::record_pane(frame, app, ws, body, theme);
    status_line(frame, app, Some(ws), status, theme);
    footer(frame, app, foot, theme);
}
