//! The session screen: the walk through an item's three phases, and the
//! summary at the close. Reads state; draws.
//!
//! Long because the walk draws three kinds of session (workshop,
//! supervision, daily review) in one frame of header, panes and footer, and
//! the frame is kept in one place so the three stay alike.

use super::widgets::{footer, status_line};
use crate::app::cycle::PriorityShown;
use crate::app::fields::TextField;
use crate::app::lines::wrap_text;
use crate::app::lines::{
    editor_height, entry_lines_themed, field_is_edited, level_word, row_lines,
};
use crate::app::reference::{self, Entry};
use crate::app::rows::{self, Row};
use crate::app::text;
use crate::app::theme::Theme;
use crate::app::view::{self as layout, SessionView, WalkAreas};
use crate::app::{App, Pane, Phase, Stage, Workspace};
use crate::content::query;
use crate::session::model::SessionKind;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

fn pane_block(title: String, focused: bool, theme: Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(Span::styled(title, theme.border(focused)))
}

pub fn render(frame: &mut Frame, app: &App, ws: &Workspace, theme: Theme) {
    let areas = layout::walk(app.size);
    header(frame, app, ws, &areas, theme);
    steps(frame, app, ws, areas.steps, theme);
    match ws.stage {
        // A supervision's cases and actions keep what has been said so far
        // beside them, not the workshop's improvement-plan guidance.
        Stage::Walk {
            phase: Phase::Know | Phase::Can,
            ..
        } if ws.session.kind == SessionKind::Supervision => {
            supervision_overview(frame, ws, areas.reference, theme)
        }
        Stage::Walk { .. } => reference_pane(frame, app, ws, areas.reference, theme),
        Stage::Summary if ws.session.kind == SessionKind::Supervision => {
            supervision_overview(frame, ws, areas.reference, theme)
        }
        Stage::Summary => summary_pane(frame, app, ws, areas.reference, theme),
    }
    record_pane(frame, app, ws, areas.record, theme);
    status_line(frame, app, Some(ws), areas.status, theme);
    footer(frame, app, areas.footer, theme);
}

fn header(frame: &mut Frame, app: &App, ws: &Workspace, areas: &WalkAreas, theme: Theme) {
    let session = &ws.session;
    let position = match ws.stage {
        Stage::Walk { item, .. } => {
            let id = session
                .items
                .get(item)
                .map(|r| r.item.as_str())
                .unwrap_or_default();
            let title = app
                .library
                .framework(&session.framework)
                .and_then(|f| query::find_item(f, id))
                .map_or_else(|| id.to_owned(), |i| i.title());
            format!(" {title}  [{}/{}]", item + 1, session.items.len())
        }
        Stage::Summary if session.kind == SessionKind::Supervision => {
            format!(" {}", text::supervision::RECORD_HEADING)
        }
        Stage::Summary => " Close of session".into(),
    };
    let width = usize::from(areas.header.width);
    let used = position.chars().count();
    let mut spans = vec![Span::styled(position, theme.title())];
    // The session's own title, on the right, where there is room.
    let context = format!("{} · {} ", session.title, session.kind.label());
    if used + context.chars().count() + 2 <= width {
        spans.push(Span::raw(
            " ".repeat(width - used - context.chars().count()),
        ));
        spans.push(Span::styled(context, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), areas.header);
}

fn steps(frame: &mut Frame, app: &App, ws: &Workspace, area: Rect, theme: Theme) {
    if ws.session.kind == SessionKind::Supervision {
        return supervision_steps(frame, app, ws, area, theme);
    }
    // The whole questions when they fit; otherwise the current one in full
    // and the others by number.
    let full: usize = Phase::ALL
        .iter()
        .map(|p| p.question().len() + 6)
        .sum::<usize>()
        + 12;
    let roomy = usize::from(area.width) >= full;
    let mut spans = vec![Span::raw(" ")];
    for phase in Phase::ALL {
        let current = ws.phase() == Some(phase);
        let text = if current {
            format!("▶{} {} ", phase.number(), phase.question())
        } else if roomy {
            format!("{} {} ", phase.number(), phase.question())
        } else {
            format!("{} ", phase.number())
        };
        spans.push(Span::styled(text, theme.step(current)));
        spans.push(Span::styled("› ", theme.dim()));
    }
    let summary = ws.stage == Stage::Summary;
    spans.push(Span::styled(
        format!("{}Summary ", if summary { "▶" } else { "" }),
        theme.step(summary),
    ));
    if !summary {
        // The phase timer, on the right. Past zero it turns warm and says
        // so, gently; nothing is blocked.
        let (text, style) = timer_text(app, ws, theme);
        let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
        let room = usize::from(area.width).saturating_sub(used);
        let text = if text.chars().count() < room {
            text
        } else {
            ws.timer.shown(app.now)
        };
        if text.chars().count() < room {
            spans.push(Span::raw(" ".repeat(room - text.chars().count() - 1)));
            spans.push(Span::styled(text, style));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The timer as a short line: "⏱ 12:34", "⏸ 12:34 paused", or the prompt at zero.
pub fn timer_text(app: &App, ws: &Workspace, theme: Theme) -> (String, Style) {
    let time = ws.timer.shown(app.now);
    if ws.timer.is_up(app.now) {
        (
            format!("⏱ {time} Time is up: ] moves on, + adds a minute"),
            theme.warm(),
        )
    } else if ws.timer.is_running() {
        (format!("⏱ {time}"), theme.text())
    } else {
        (format!("⏸ {time} paused (T)"), theme.dim())
    }
}

fn reference_pane(frame: &mut Frame, app: &App, ws: &Workspace, area: Rect, theme: Theme) {
    let focused = ws.focus == Pane::Reference;
    let tabs = reference::tabs(&app.library, ws);
    let framework = app
        .library
        .framework(&ws.session.framework)
        .map_or("Framework", |f| f.short_title.as_str());
    let block = pane_block(format!(" {framework} "), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    let tab_line = Rect { height: 1, ..inner };
    let mut spans = Vec::new();
    for (i, tab) in tabs.iter().enumerate() {
        let current = i == ws.reference_tab;
        spans.push(Span::styled(
            format!(" {}{} ", if current { "▸" } else { "" }, tab.label()),
            theme.step(current),
        ));
    }
    let used: usize = tabs.iter().map(|t| t.label().chars().count() + 3).sum();
    // No tab, no hint: a step with nothing of the framework's has no tabs.
    if !tabs.is_empty() && used + 14 <= usize::from(tab_line.width) {
        spans.push(Span::styled("  t: next tab", theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), tab_line);

    draw_reference_entries(frame, app, ws, focused, theme);
}

/// The reference entries in the columns the view gives them.
pub(crate) fn draw_reference_entries(
    frame: &mut Frame,
    app: &App,
    ws: &Workspace,
    focused: bool,
    theme: Theme,
) {
    let view = SessionView::of(app, ws);
    let entries = reference::entries(&app.library, ws, view.side_by_side);
    for column in view.columns(&entries) {
        draw_entries(
            frame,
            &entries[column.entries.clone()],
            column.entries.start,
            ws.reference_cursor,
            focused,
            ws.reference_scroll,
            column.area,
            theme,
            view.spaced,
        );
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn draw_entries(
    frame: &mut Frame,
    entries: &[Entry],
    first_index: usize,
    cursor: usize,
    focused: bool,
    scroll: usize,
    area: Rect,
    theme: Theme,
    spaced: bool,
) {
    let mut lines: Vec<Line> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let selected = focused && first_index + i == cursor;
        lines.extend(entry_lines_themed(
            entry, area.width, selected, spaced, theme,
        ));
    }
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .collect();
    frame.render_widget(Paragraph::new(visible), area);
}

pub(crate) fn record_pane(frame: &mut Frame, app: &App, ws: &Workspace, area: Rect, theme: Theme) {
    let focused = ws.focus == Pane::Record;
    let title = match ws.stage {
        _ if ws.session.kind == SessionKind::DailyReview && ws.past_day => " That day ",
        _ if ws.session.kind == SessionKind::DailyReview => " Today ",
        Stage::Walk {
            phase: Phase::Now, ..
        } if ws.session.kind == SessionKind::Supervision => " Questions ",
        Stage::Walk {
            phase: Phase::Know, ..
        } if ws.session.kind == SessionKind::Supervision => " Cases ",
        Stage::Walk {
            phase: Phase::Can, ..
        } if ws.session.kind == SessionKind::Supervision => " Agreed actions ",
        Stage::Summary if ws.session.kind == SessionKind::Supervision => " Record ",
        Stage::Walk {
            phase: Phase::Now, ..
        } => " Evaluation ",
        Stage::Walk {
            phase: Phase::Know, ..
        } => " Evidence ",
        Stage::Walk {
            phase: Phase::Can, ..
        } => " Improvement ",
        Stage::Summary => " Close of session ",
    };
    let read_only = if ws.read_only.is_some() {
        " (read-only)"
    } else {
        ""
    };
    let block = pane_block(format!("{title}{read_only}"), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list = rows::rows(&app.library, ws, app.present);
    let mut y: i64 = -(ws.record_scroll as i64);
    let mut editor_at: Option<(Rect, bool)> = None;
    for (index, row) in list.iter().enumerate() {
        let lines = row_lines(&app.library, ws, row, inner.width, theme);
        let height = lines.len() as i64;
        // Headings start with a blank line; the mark goes on the text.
        let first_text_line = lines.iter().position(|l| l.width() > 0).unwrap_or(0);
        let selected = index == ws.record_cursor && focused;
        // Where the editor goes, if it is open on this row.
        let edited = match row {
            Row::Text(field) => field_is_edited(ws, field),
            Row::Question { area: a, question } => field_is_edited(
                ws,
                &TextField::QuestionNote {
                    item: ws.item_index().unwrap_or(0),
                    area: a.clone(),
                    question: question.clone(),
                },
            ),
            Row::Criterion(at) => crate::app::lines::criterion_edited(ws, at),
            _ => false,
        };
        for (offset, line) in lines.into_iter().enumerate() {
            let at = y + offset as i64;
            if at < 0 || at >= i64::from(inner.height) {
                continue;
            }
            let mark = if selected && ws.editor.is_none() && offset == first_text_line {
                "› "
            } else {
                "  "
            };
            let mut spans = vec![Span::styled(mark, theme.key())];
            spans.extend(line.spans);
            let style = if selected && ws.editor.is_none() {
                theme.selected()
            } else {
                Style::default()
            };
            let rect = Rect::new(inner.x, inner.y + at as u16, inner.width, 1);
            frame.render_widget(Paragraph::new(Line::from(spans)).style(style), rect);
        }
        if edited {
            let editor_lines = editor_height(ws, inner.width) as i64;
            let top = y + height - editor_lines;
            let visible_top = top.max(0);
            let bottom = (top + editor_lines).min(i64::from(inner.height));
            if bottom > visible_top {
                editor_at = Some((
                    Rect::new(
                        inner.x,
                        inner.y + visible_top as u16,
                        inner.width,
                        (bottom - visible_top) as u16,
                    ),
                    top >= 0,
                ));
            }
        }
        y += height;
    }
    if let (Some((rect, _)), Some(editor)) = (editor_at, &ws.editor) {
        let mut textarea = editor.textarea.clone();
        let title = match &editor.error {
            Some(error) => Span::styled(
                format!(" {}: {error} ", editor.field.label()),
                theme.error(),
            ),
            None => Span::styled(format!(" {} ", editor.field.label()), theme.heading()),
        };
        textarea.set_block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border(true))
                .title(title)
                .title_bottom(Span::styled(
                    {
                        let (long, short) = editor.field.reminder();
                        if rect.width as usize > long.chars().count() + 4 {
                            format!(" {long} ")
                        } else {
                            format!(" {short} ")
                        }
                    },
                    theme.dim(),
                )),
        );
        frame.render_widget(Clear, rect);
        frame.buffer_mut().set_style(rect, theme.base());
        frame.render_widget(&textarea, rect);
    }
}

/// The summary of the whole session, in the left pane at the close.
fn summary_pane(frame: &mut Frame, app: &App, ws: &Workspace, area: Rect, theme: Theme) {
    let focused = ws.focus == Pane::Reference;
    let block = pane_block(" Summary (Tab, ↑↓ to scroll) ".into(), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).max(10);
    let session = &ws.session;
    let framework = app.library.framework(&session.framework);
    let mut lines: Vec<Line> = vec![Line::from(Span::styled("Indicators", theme.heading()))];
    for (position, record) in session.items.iter().enumerate() {
        let title = framework
            .and_then(|f| query::find_item(f, &record.item))
            .map_or_else(|| record.item.clone(), |i| i.identity(position));
        for l in wrap_text(&title, width, "", "  ") {
            lines.push(Line::from(Span::styled(l, theme.title())));
        }
        let level = record.level.map_or_else(
            || "not yet evaluated".to_owned(),
            |l| level_word(&app.library, ws, l),
        );
        let confidence = record.confidence.map_or("–", |c| c.label());
        let sources = record.distinct_sources();
        let gaps = text::triangulation_gaps(record);
        // A mark as well as a colour, so the gap never rests on colour alone.
        let triangulation = match gaps.is_empty() {
            true => text::triangulation_summary(record),
            false => format!("! {}", text::triangulation_summary(record)),
        };
        let text = format!(
            "level {level} · confidence {confidence} · evidence {} · sources {sources}/4 · {triangulation}",
            record.evidence.len()
        );
        let style = if !gaps.is_empty() {
            theme.warning()
        } else {
            theme.text()
        };
        for l in wrap_text(&text, width, "  ", "  ") {
            lines.push(Line::from(Span::styled(l, style)));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!("Improvement priorities ({})", session.priorities.len()),
        theme.heading(),
    )));
    if session.priorities.is_empty() {
        lines.push(Line::from(Span::styled(
            "  none yet: add them in phase 3 of an indicator",
            theme.dim(),
        )));
    }
    for (i, priority) in session.priorities.iter().enumerate() {
        let shown = PriorityShown::of(priority, ws.earlier.as_deref());
        let statement = if shown.text.trim().is_empty() {
            "(no statement yet)"
        } else {
            shown.text.as_str()
        };
        for l in wrap_text(statement, width, &format!("{}. ", i + 1), "   ") {
            lines.push(Line::from(l));
        }
        let owner = if shown.owner.is_empty() {
            "no owner yet"
        } else {
            shown.owner.as_str()
        };
        let deadline = shown
            .due
            .map_or_else(|| "no deadline".to_owned(), |d| format!("due {d}"));
        for l in wrap_text(
            &format!("{owner} · {deadline} · {}", priority.status.label()),
            width,
            "   ",
            "   ",
        ) {
            lines.push(Line::from(Span::styled(l, theme.dim())));
        }
    }
    if session.priorities.len() > text::PRIORITIES_CAP {
        lines.push(Line::from(Span::styled(
            format!("! {}", text::too_many_priorities(session.priorities.len())),
            theme.warning(),
        )));
    }
    let view = usize::from(inner.height);
    let scroll = ws.reference_scroll.min(lines.len().saturating_sub(view));
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(view).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// A supervision's sections along the top: the record, each area, the
/// cases and the actions; the current one marked. No timer: supervision
/// is not timed by phase.
fn supervision_steps(frame: &mut Frame, app: &App, ws: &Workspace, area: Rect, theme: Theme) {
    let sections = crate::app::supervision::sections(&app.library, ws);
    let width = usize::from(area.width);
    let full: usize = sections.iter().map(|(t, _)| t.chars().count() + 4).sum();
    let mut spans = vec![Span::raw(" ")];
    for (n, (title, current)) in sections.iter().enumerate() {
        // Areas other than the current one shrink to their number when
        // the whole strip would not fit.
        let is_area = n > 0 && n + 2 < sections.len();
        let text = match (current, full < width || !is_area) {
            (true, _) => format!("▶{title} "),
            (false, true) => format!("{title} "),
            (false, false) => format!("{n} "),
        };
        spans.push(Span::styled(text, theme.step(*current)));
        if n + 1 < sections.len() {
            spans.push(Span::styled("› ", theme.dim()));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The left pane at a supervision's record: what has been taken so far,
/// question by question, with the cases and the agreed actions.
fn supervision_overview(frame: &mut Frame, ws: &Workspace, area: Rect, theme: Theme) {
    let focused = ws.focus == Pane::Reference;
    let block = pane_block(" So far (Tab, ↑↓ to scroll) ".into(), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).max(10);
    let session = &ws.session;
    let mut lines: Vec<Line> = Vec::new();
    let taken = crate::app::supervision::reflections_of(session);
    lines.push(Line::from(Span::styled(
        format!("Questions taken ({})", taken.len()),
        theme.heading(),
    )));
    for (question, _, discussed) in &taken {
        let mark = if *discussed { "[x] " } else { "[ ] " };
        for l in wrap_text(question, width, mark, "    ") {
            lines.push(Line::from(l));
        }
    }
    let cases = session.supervision.as_ref().map_or(0, |s| s.cases.len());
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!("{} ({cases})", text::supervision::SECTION_CASES),
        theme.heading(),
    )));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!(
            "{} ({})",
            text::supervision::ACTIONS_HEADING,
            session.priorities.len()
        ),
        theme.heading(),
    )));
    for (i, p) in session.priorities.iter().enumerate() {
        let shown = PriorityShown::of(p, ws.earlier.as_deref());
        for l in wrap_text(&shown.text, width, &format!("{}. ", i + 1), "   ") {
            lines.push(Line::from(l));
        }
        let due = shown.due.map(|d| format!(" · by {d}")).unwrap_or_default();
        let owner = if shown.owner.is_empty() {
            "–"
        } else {
            shown.owner.as_str()
        };
        lines.push(Line::from(Span::styled(
            format!("   {owner}{due} · {}", p.status.label()),
            theme.dim(),
        )));
    }
    let view = usize::from(inner.height);
    let scroll = ws.reference_scroll.min(lines.len().saturating_sub(view));
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(view).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
