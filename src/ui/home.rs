//! The home screen: new session, resume, recent sessions, due priorities.

use super::widgets::footer;
use crate::app::App;
use crate::app::home::HomeRow;
use crate::app::lines::wrap_text;
use crate::app::text;
use crate::app::theme::Theme;
use crate::app::view;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn render(frame: &mut Frame, app: &App, theme: Theme) {
    let [title, body, due, foot] = view::home_areas(app.size);
    // A notice (the first run's indexing progress, say) takes the motto's
    // place: the home screen has no status line of its own.
    let motto = match &app.notice {
        Some(notice) => Span::styled(format!("· {notice}"), theme.warning()),
        None => Span::styled(
            "· How good are we now? · How do we know? · How good can we be?",
            theme.dim(),
        ),
    };
    let heading = Line::from(vec![Span::styled(" howgood ", theme.title()), motto]);
    frame.render_widget(Paragraph::new(heading), title);
    if let Some(text) = super::conflicts::indicator(app) {
        let row = ratatui::layout::Rect {
            y: title.y + 1,
            height: 1,
            ..title
        };
        let style = if app.sync.summary.as_ref().is_some_and(|s| s.conflicts > 0) {
            theme.warning()
        } else {
            theme.dim()
        };
        frame.render_widget(Paragraph::new(Span::styled(format!(" {text}"), style)), row);
    }

    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(" Sessions ");
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let data = &app.home.data;
    let mut lines = Vec::new();
    // Only the rows that fit are built: the list may hold years of sessions.
    let skip = view::home_scroll(app.home.cursor, body);
    let shown = usize::from(inner.height);
    let end = app.home.row_count().min(skip + shown);
    for index in skip..end {
        let Some(row) = app.home.row(index) else {
            continue;
        };
        let selected = index == app.home.cursor;
        let text = match &row {
            HomeRow::New => "+ New workshop  (n)".to_owned(),
            HomeRow::NewSupervision => "+ New supervision  (v)".to_owned(),
            HomeRow::Daily => {
                if app.home.done_today {
                    "☀ Continue today's daily review  (d)".to_owned()
                } else {
                    "☀ Your daily twenty minutes  (d)".to_owned()
                }
            }
            HomeRow::History => match app.home.streak {
                0 | 1 => format!("  Past daily reviews ({})  (h)", data.daily_total()),
                n => format!(
                    "  Past daily reviews ({}, {n} days in a row)  (h)",
                    data.daily_total()
                ),
            },
            HomeRow::Resume(_) => {
                let title = data.latest().map_or("", |s| s.title.as_str());
                format!("↻ Resume: {title}")
            }
            HomeRow::Session(_) => {
                let Some(s) = app.home.session_at(index) else {
                    continue;
                };
                let updated = app.local(s.updated).strftime("%Y-%m-%d");
                let extra = if s.unsaved_copies.is_empty() {
                    ""
                } else {
                    "  ! unsaved copy waiting"
                };
                format!(
                    "{updated}  {:<12} {}  · {} · {}{extra}",
                    s.kind.label(),
                    s.title,
                    s.framework,
                    crate::app::text::session_counts(s.kind, s.items, s.evaluated, s.priorities)
                )
            }
        };
        let mark = if selected { "› " } else { "  " };
        let style = if selected {
            theme.selected()
        } else {
            theme.text()
        };
        lines.push(Line::from(vec![
            Span::styled(mark, theme.key()),
            Span::styled(text, style),
        ]));
    }
    if data.session_total() == 0 && !data.folder_unreadable {
        lines.push(Line::from(""));
        // Daily reviews are kept off this list: they are not "no sessions".
        let text = match data.daily_total() {
            0 => "No sessions yet. Press n to start one: a workshop, a supervision or a daily review.".to_owned(),
            n => format!(
                "No workshops or supervisions yet ({}, under Past daily reviews). Press n for a workshop, v for a supervision.",
                count_of(n, "daily review", "daily reviews")
            ),
        };
        for l in wrap_text(
            &text,
            usize::from(inner.width).saturating_sub(2),
            "  ",
            "  ",
        ) {
            lines.push(Line::from(Span::styled(l, theme.dim())));
        }
    }
    for message in data.damaged.iter().chain(&data.warnings) {
        for l in wrap_text(
            message,
            usize::from(inner.width).saturating_sub(2),
            "! ",
            "  ",
        ) {
            lines.push(Line::from(Span::styled(l, theme.warning())));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false))
        .title(" Priorities due soon or overdue ");
    let inner = block.inner(due);
    frame.render_widget(block, due);
    let today = app.today();
    let mut lines = Vec::new();
    if data.due.is_empty() {
        lines.push(Line::from(Span::styled(
            "  Nothing due in the next two weeks.",
            theme.dim(),
        )));
    }
    let soonest_daily = crate::app::update::soonest_daily_due(app);
    let mark = if crate::app::update::daily_due(app).nth(1).is_some() {
        crate::app::text::DAILY_ACTIONS_PICK_MARK
    } else {
        crate::app::text::DAILY_ACTION_DONE_MARK
    };
    for p in &data.due {
        if lines.len() >= usize::from(inner.height) {
            break; // the rest would not be seen
        }
        let tag = crate::app::text::due_tag(p.deadline, today);
        let style = if p.deadline < today {
            theme.warning()
        } else {
            theme.text()
        };
        let owner = if p.owner.is_empty() {
            "no owner"
        } else {
            p.owner.as_str()
        };
        let mut text = format!(
            "{tag} {} · {} · {owner} · {}",
            p.deadline, p.statement, p.session_title
        );
        if soonest_daily.is_some_and(|daily| std::ptr::eq(daily, p)) {
            text.push(' ');
            text.push_str(mark);
        }
        for l in wrap_text(
            &text,
            usize::from(inner.width).saturating_sub(2),
            "  ",
            "    ",
        ) {
            lines.push(Line::from(Span::styled(l, style)));
        }
    }
    cycle_lines(&mut lines, data, today, usize::from(inner.width), theme);
    frame.render_widget(Paragraph::new(lines), inner);
    footer(frame, app, foot, theme);
}

/// The next session due in each series and the priorities gone quiet,
/// under the due list.
fn cycle_lines(
    lines: &mut Vec<Line<'static>>,
    data: &crate::app::home::HomeData,
    today: jiff::civil::Date,
    width: usize,
    theme: Theme,
) {
    let mut add = |text: String, style| {
        for l in wrap_text(&text, width.saturating_sub(2), "  ", "    ") {
            lines.push(Line::from(Span::styled(l, style)));
        }
    };
    for next in &data.cycle.next_due {
        let style = if next.due < today {
            theme.warning()
        } else {
            theme.text()
        };
        add(
            text::next_session_due(next.due, today, &next.session_title),
            style,
        );
    }
    for quiet in &data.cycle.quiet {
        add(
            text::quiet_priority(&quiet.statement, quiet.touched, &quiet.session_title),
            theme.dim(),
        );
    }
}

/// "1 daily review", "2 daily reviews".
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
