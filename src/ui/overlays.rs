//! Popups: help, the find palette, confirmations, the reader, messages.

use crate::app::lines::{HelpLine, help_lines, wrap_text};
use crate::app::palette::{Palette, Scope};
use crate::app::text::overlays as words;
use crate::app::theme::Theme;
use crate::app::view::{self, centered};
use crate::app::{App, Overlay};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

fn popup(frame: &mut Frame, area: Rect, title: &str, theme: Theme) -> Rect {
    frame.render_widget(Clear, area);
    frame.buffer_mut().set_style(area, theme.base());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {title} "), theme.heading()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

pub fn render(frame: &mut Frame, app: &App, overlay: &Overlay, theme: Theme) {
    let screen = Rect::new(0, 0, app.size.0, app.size.1);
    match overlay {
        Overlay::Help { scroll } => help_popup(frame, app, *scroll, theme),
        Overlay::Palette(palette) => palette_popup(frame, screen, palette, theme),
        Overlay::Ask(ask) => super::measures::render_ask(frame, screen, ask, theme),
        Overlay::Focus { cursor, chosen } => {
            focus_popup(frame, app, screen, *cursor, chosen, theme)
        }
        Overlay::Confirm { message, .. } => confirm_popup(frame, screen, message, theme),
        Overlay::Reader {
            title,
            text,
            scroll,
        } => {
            let area = centered(screen, 84, screen.height.saturating_sub(2));
            let inner = popup(frame, area, title, theme);
            let width = usize::from(inner.width);
            // Scrolling counts the text's own lines; each is wrapped so
            // that nothing is cut at the edge (a search result's marked
            // word may sit anywhere in it).
            let lines: Vec<Line> = text
                .lines()
                .skip(*scroll)
                .flat_map(|l| reader_lines(l, width))
                .take(usize::from(inner.height))
                .map(Line::from)
                .collect();
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Overlay::Message { title, text } => message_popup(frame, screen, title, text, theme),
        Overlay::PickDaily { cursor } => pick_daily_popup(frame, app, screen, *cursor, theme),
    }
}

/// One line of a reader's text wrapped to `width`, its continuation
/// lines indented as far as the line itself is.
fn reader_lines(line: &str, width: usize) -> Vec<String> {
    let words = line.trim_start();
    let indent = &line[..line.len() - words.len()];
    crate::app::lines::wrap_text(words, width, indent, indent)
}

/// Several daily actions due or overdue: each with its date, one chosen.
fn pick_daily_popup(frame: &mut Frame, app: &App, screen: Rect, cursor: usize, theme: Theme) {
    let due: Vec<&crate::app::home::DuePriority> = crate::app::update::daily_due(app).collect();
    let height = (due.len() as u16).saturating_add(4).min(screen.height);
    let area = centered(screen, 76, height);
    let inner = popup(frame, area, words::PICK_DAILY_TITLE, theme);
    let width = usize::from(inner.width).saturating_sub(2).max(8);
    let mut lines = vec![
        Line::from(Span::styled(words::PICK_DAILY_EXPLAINED, theme.dim())),
        Line::from(""),
    ];
    let today = app.today();
    let view = usize::from(inner.height).saturating_sub(lines.len()).max(1);
    let skip = (cursor + 1).saturating_sub(view);
    for (index, p) in due.iter().enumerate().skip(skip).take(view) {
        let tag = crate::app::text::due_tag(p.deadline, today);
        let text = format!("{tag} {} · {}", p.deadline, p.statement);
        let text: String = wrap_text(&text, width, "", "")
            .into_iter()
            .next()
            .unwrap_or_default();
        let selected = index == cursor;
        let line = Line::from(vec![
            Span::styled(if selected { "› " } else { "  " }, theme.key()),
            Span::raw(text),
        ]);
        lines.push(if selected {
            line.style(theme.selected())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn help_popup(frame: &mut Frame, app: &App, scroll: usize, theme: Theme) {
    let (area, _) = view::help(app.size);
    let inner = popup(frame, area, words::HELP_TITLE, theme);
    let shown = view::help_lines_in_view(app.size);
    let mut lines: Vec<Line> = help_lines(app, inner.width)
        .into_iter()
        .skip(scroll)
        .take(shown)
        .map(|line| match line {
            HelpLine::Heading(text) => Line::from(Span::styled(text, theme.heading())),
            HelpLine::Key(key, what) => Line::from(vec![
                Span::styled(format!("  {key:<16}"), theme.key()),
                Span::raw(what),
            ]),
            HelpLine::Blank => Line::from(""),
        })
        .collect();
    lines.resize(shown, Line::from(""));
    lines.push(Line::from(Span::styled(words::HELP_KEYS, theme.dim())));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The daily review's focus areas: the areas questions are drawn from.
fn focus_popup(
    frame: &mut Frame,
    app: &App,
    screen: Rect,
    cursor: usize,
    chosen: &[String],
    theme: Theme,
) {
    let area = centered(screen, 72, screen.height.saturating_sub(2));
    let inner = popup(frame, area, words::FOCUS_TITLE, theme);
    let mut lines = Vec::new();
    for l in wrap_text(words::FOCUS_EXPLAINED, usize::from(inner.width), "", "") {
        lines.push(Line::from(Span::styled(l, theme.dim())));
    }
    lines.push(Line::from(""));
    let top = lines.len();
    let framework = app.library.framework(crate::app::daily::DAILY_FRAMEWORK);
    let areas = framework
        .map(crate::content::query::all_areas)
        .unwrap_or_default();
    for (index, area) in areas.iter().enumerate() {
        let depth = if framework.is_some_and(|f| {
            f.content.as_ref().is_some_and(|c| {
                c.groups
                    .iter()
                    .any(|g| g.areas.iter().any(|a| a.id == area.id))
            })
        }) {
            0
        } else {
            2
        };
        let mark = if chosen.contains(&area.id) {
            "[x] "
        } else {
            "[ ] "
        };
        let selected = index == cursor;
        let line = Line::from(vec![
            Span::styled(if selected { "› " } else { "  " }, theme.key()),
            Span::raw(format!("{}{mark}{}", " ".repeat(depth), area.title)),
        ]);
        lines.push(if selected {
            line.style(theme.selected())
        } else {
            line
        });
    }
    let view = usize::from(inner.height).saturating_sub(top).max(1);
    let skip = (top + cursor + 1).saturating_sub(top + view);
    let shown: Vec<Line> = lines[..top]
        .iter()
        .cloned()
        .chain(lines[top..].iter().skip(skip).cloned())
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

fn confirm_popup(frame: &mut Frame, screen: Rect, message: &str, theme: Theme) {
    let area = centered(screen, 60, 7);
    let inner = popup(frame, area, words::CONFIRM_TITLE, theme);
    let mut lines: Vec<Line> = wrap_text(message, usize::from(inner.width), "", "")
        .into_iter()
        .map(Line::from)
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(vec![
        Span::styled("y", theme.key()),
        Span::raw(words::YES),
        Span::styled(words::ANY_OTHER_KEY, theme.key()),
        Span::raw(words::NO),
    ]));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn message_popup(frame: &mut Frame, screen: Rect, title: &str, text: &str, theme: Theme) {
    let width = 70.min(screen.width);
    let body: Vec<String> = text
        .lines()
        .flat_map(|l| wrap_text(l, usize::from(width.saturating_sub(2)), "", ""))
        .collect();
    let area = centered(screen, width, body.len() as u16 + 4);
    let inner = popup(frame, area, title, theme);
    let mut lines: Vec<Line> = body.into_iter().map(Line::from).collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(words::ANY_KEY, theme.dim())));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "framework · item · tab" in `width` characters: the longest part is
/// shortened first, so the tab (and the level of an illustration) stays.
fn fit_place(place: &str, width: usize) -> String {
    let mut parts: Vec<String> = place.split(" · ").map(str::to_owned).collect();
    let len = |parts: &[String]| {
        parts.iter().map(|p| p.chars().count()).sum::<usize>() + 3 * parts.len().saturating_sub(1)
    };
    // Shorten the longest part, never below a readable stub, then the next.
    const STUB: usize = 12;
    while len(&parts) > width {
        let longest = (0..parts.len())
            .filter(|&i| parts[i].chars().count() > STUB)
            .max_by_key(|&i| parts[i].chars().count());
        let Some(longest) = longest else {
            let all = parts.join(" · ");
            return all
                .chars()
                .take(width.saturating_sub(1))
                .collect::<String>()
                + "…";
        };
        let count = parts[longest].chars().count();
        let keep = count.saturating_sub(len(&parts) - width + 1).max(STUB - 1);
        parts[longest] = parts[longest].chars().take(keep).collect::<String>() + "…";
    }
    parts.join(" · ")
}

fn palette_popup(frame: &mut Frame, screen: Rect, palette: &Palette, theme: Theme) {
    // The whole screen but a margin: results are long and a wide screen
    // should show them whole.
    let area = centered(
        screen,
        screen.width.saturating_sub(4),
        screen.height.saturating_sub(2),
    );
    let inner = popup(frame, area, words::FIND_TITLE, theme);
    let [query_line, list] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    let query = palette.query.lines().join(" ");
    let shown = if query.is_empty() {
        Span::styled(words::FIND_PLACEHOLDER, theme.dim())
    } else {
        Span::raw(query.clone())
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("/ ", theme.key()),
            shown,
            Span::styled("▏", theme.key()),
        ])),
        query_line,
    );
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    let mut last_group = None;
    let width = usize::from(list.width).saturating_sub(4).max(10);
    for (index, hit) in palette.hits.iter().enumerate() {
        let entry = &palette.index[hit.entry];
        if last_group != Some((entry.scope, entry.kind)) {
            let heading = match entry.scope {
                Scope::Other => format!(
                    "{} · {}",
                    entry.kind.label(),
                    crate::app::text::PALETTE_OTHER_FRAMEWORKS
                ),
                _ => entry.kind.label().to_owned(),
            };
            lines.push(Line::from(Span::styled(heading, theme.heading())));
            last_group = Some((entry.scope, entry.kind));
        }
        let selected = index == palette.cursor;
        let mut spans = vec![Span::styled(
            if selected { "› " } else { "  " },
            theme.key(),
        )];
        // The text has the whole line; where it lives goes beneath it.
        let room = width;
        // Start the excerpt near the first match so the match is visible.
        let first = hit.matched.first().copied().unwrap_or(0);
        let start = if first + 8 > room {
            first.saturating_sub(room / 3)
        } else {
            0
        };
        if start > 0 {
            spans.push(Span::raw("…"));
        }
        for (i, c) in entry.text.chars().enumerate().skip(start) {
            if i - start >= room {
                spans.push(Span::raw("…"));
                break;
            }
            let c = if c == '\n' { ' ' } else { c };
            let style = if hit.matched.contains(&i) {
                theme.matched()
            } else {
                theme.text()
            };
            spans.push(Span::styled(c.to_string(), style));
        }
        let line = Line::from(spans);
        let place = fit_place(&entry.place, width.saturating_sub(2));
        let place = Line::from(Span::styled(format!("    {place}"), theme.dim()));
        if selected {
            lines.push(line.style(theme.selected()));
            lines.push(place.style(theme.selected()));
            cursor_line = lines.len() - 1;
        } else {
            lines.push(line);
            lines.push(place);
        }
    }
    if palette.hits.is_empty() && !query.trim().is_empty() {
        lines.push(Line::from(Span::styled(
            words::NOTHING_MATCHES,
            theme.dim(),
        )));
    }
    let view = usize::from(list.height).max(1);
    let skip = cursor_line.saturating_sub(view - 1);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).take(view).collect::<Vec<_>>()),
        list,
    );
}
