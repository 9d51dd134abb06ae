//! Small pieces shared by the screens: wrapping, the status line, the key
//! hints footer.

use crate::app::keys;
use crate::app::theme::Theme;
use crate::app::{App, SaveStatus, Workspace};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The save state, or a notice, on one line.
pub fn status_line(frame: &mut Frame, app: &App, ws: Option<&Workspace>, area: Rect, theme: Theme) {
    let line = if let Some(notice) = &app.notice {
        Line::from(Span::styled(format!(" {notice}"), theme.warning()))
    } else if let Some(ws) = ws {
        match &ws.save {
            SaveStatus::Saved(at) => Line::from(Span::styled(
                format!(" Saved {}", app.local(*at).strftime("%H:%M:%S")),
                theme.ok(),
            )),
            SaveStatus::Unsaved { .. } => Line::from(Span::styled(" Saving…", theme.dim())),
            SaveStatus::Failed { message, .. } => Line::from(Span::styled(
                format!(" ! Not saved: {message}. Your changes are kept here and retried."),
                theme.error(),
            )),
            SaveStatus::Conflict { copy, .. } => Line::from(Span::styled(
                format!(" ! The file changed on disk, so your changes are saved to {copy}"),
                theme.warning(),
            )),
            SaveStatus::ReadOnly(reason) => Line::from(Span::styled(
                format!(" Read-only: {reason}"),
                theme.warning(),
            )),
        }
    } else {
        Line::from("")
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// Key hints for where the user is, as many as fit. The help key is never
/// the one cut: it leads to every key that did not fit.
pub fn footer(frame: &mut Frame, app: &App, area: Rect, theme: Theme) {
    let hints = keys::hints(app);
    let width_of =
        |(keys, label): &(String, &str)| keys.chars().count() + label.chars().count() + 3;
    let room = usize::from(area.width).saturating_sub(1);
    let all_fit = hints.iter().map(width_of).sum::<usize>() <= room;
    let help = hints
        .iter()
        .position(|(_, label)| *label == keys::HELP_HINT);
    let reserved = match help {
        Some(at) if !all_fit => width_of(&hints[at]),
        _ => 0,
    };
    let mut shown = Vec::new();
    let mut used = reserved;
    for (at, hint) in hints.iter().enumerate() {
        if Some(at) == help && !all_fit {
            continue;
        }
        if used + width_of(hint) > room {
            break;
        }
        used += width_of(hint);
        shown.push(hint);
    }
    if let Some(at) = help.filter(|_| !all_fit && reserved <= room) {
        shown.push(&hints[at]);
    }
    let mut spans = vec![Span::raw(" ")];
    for (keys, label) in shown {
        spans.push(Span::styled(keys.clone(), theme.key()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
