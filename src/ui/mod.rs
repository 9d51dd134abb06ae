//! Drawing. Every function here reads state and draws; none changes state.

pub mod big;
pub mod conflicts;
pub mod daily;
pub mod history;
pub mod home;
pub mod measures;
pub mod new_session;
pub mod overlays;
pub mod own_content;
pub mod present;
pub mod register;
pub mod review;
pub mod trends;
pub mod walk;
pub mod widgets;

use crate::app::theme::Theme;
use crate::app::view as layout;
use crate::app::{App, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(frame: &mut Frame, app: &App) {
    let theme = app.theme;
    let area = frame.area();
    // A light theme paints its own background; the others leave the
    // terminal's (and need no pass over every cell to say so).
    if theme.base() != ratatui::style::Style::default() {
        frame.buffer_mut().set_style(area, theme.base());
    }
    if layout::is_too_small((area.width, area.height)) {
        too_small(frame, area, theme);
        return;
    }
    match &app.screen {
        Screen::Home => home::render(frame, app, theme),
        Screen::History { cursor } => history::render(frame, app, *cursor, theme),
        Screen::Session(ws)
            if ws.session.kind == crate::session::model::SessionKind::DailyReview =>
        {
            daily::render(frame, app, ws, theme)
        }
        Screen::NewSession(form) => new_session::render(frame, app, form, theme),
        Screen::Session(ws) if ws.review.is_some() => review::render(frame, app, ws, theme),
        Screen::Register(state) => register::render(frame, app, state, theme),
        Screen::Trends(state) => trends::render(frame, app, state, theme),
        Screen::Session(ws) if app.present => present::render(frame, app, ws, theme),
        Screen::Session(ws) => walk::render(frame, app, ws, theme),
        Screen::Measures => measures::render(frame, app, theme),
        Screen::Conflicts(state) => conflicts::render(frame, app, state, theme),
        Screen::OwnContent(state) => own_content::render(frame, app, state, theme),
    }
    if let Some(overlay) = &app.overlay {
        overlays::render(frame, app, overlay, theme);
    }
    conflicts::syncing(frame, app, theme);
}

/// A polite message instead of a broken layout. Nothing is lost: the
/// session goes on saving, and growing the window brings everything back.
fn too_small(frame: &mut Frame, area: Rect, theme: Theme) {
    let lines = vec![
        Line::from(Span::styled(
            "The window is too small for howgood.",
            theme.title(),
        )),
        Line::from(""),
        Line::from(format!(
            "It needs at least {}×{}; this one is {}×{}.",
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT,
            area.width,
            area.height
        )),
        Line::from("Make it larger (or the font smaller). Your work is kept."),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}
