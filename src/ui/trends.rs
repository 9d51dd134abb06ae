//! Levels over time: items down, sessions across by date, each cell the
//! agreed level as its number and word; the participants' spread or a bar
//! chart one key away. Never an average, a total or a score.

use super::widgets::{footer, status_line};
use crate::app::App;
use crate::app::cycle::{TrendsState, TrendsView};
use crate::app::text;
use crate::app::text::trends as words;
use crate::app::theme::Theme;
use crate::app::view;
use crate::session::register::LevelPoint;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Row, Table, Wrap};
use std::collections::{HashMap, HashSet};

pub fn render(frame: &mut Frame, app: &App, state: &TrendsState, theme: Theme) {
    let [title, note, body, status, foot] = view::trends_areas(app.size);
    let framework = state
        .framework_id(&app.library)
        .and_then(|id| app.library.framework(id))
        .map_or_else(String::new, |f| f.title.clone());
    let locality = state
        .locality
        .clone()
        .unwrap_or_else(|| words::EVERY_LOCALITY.into());
    let heading = Line::from(vec![
        Span::styled(words::TITLE, theme.title()),
        Span::styled(format!(" · {framework} · {locality}"), theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(heading), title);
    let said = Paragraph::new(Span::styled(
        format!(" {}", text::NEVER_AVERAGED),
        theme.dim(),
    ))
    .wrap(Wrap { trim: true });
    frame.render_widget(said, note);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(words::view_title(state.view));
    let (total, skip) = state.counts();
    let shown = view::trends_shown(app.size, state.view).min(total.saturating_sub(skip));
    let block = if total > 0 {
        block.title_top(Line::from(words::window(shown, skip, total)).right_aligned())
    } else {
        block
    };
    let inner = block.inner(body);
    frame.render_widget(block, body);
    if state.points().is_empty() {
        let said = if state.data.is_some() {
            text::TRENDS_EMPTY
        } else {
            text::READING_SESSIONS
        };
        frame.render_widget(
            Paragraph::new(Span::styled(said, theme.dim())).wrap(Wrap { trim: true }),
            inner,
        );
    } else {
        match state.view {
            TrendsView::Grid => grid(frame, app, state, inner, theme),
            TrendsView::Spread => spread(frame, app, state, inner, theme),
            TrendsView::Bars => bars(frame, app, state, inner, theme),
        }
    }
    status_line(frame, app, None, status, theme);
    footer(frame, app, foot, theme);
}

/// Each (item, session)'s point among those `keep` lets through, the first
/// where there are two: one pass, so a screen of cells does not search
/// every level of 100,000 sessions once per cell.
fn lookup(
    state: &TrendsState,
    keep: impl Fn(&LevelPoint) -> bool,
) -> HashMap<(&str, &str), &LevelPoint> {
    let mut at = HashMap::new();
    for p in state.points().into_iter().filter(|p| keep(p)) {
        at.entry((p.item.as_str(), p.session_id.as_str()))
            .or_insert(p);
    }
    at
}

fn point<'a>(
    at: &HashMap<(&'a str, &'a str), &'a LevelPoint>,
    item: &str,
    session: &str,
) -> Option<&'a LevelPoint> {
    at.get(&(item, session)).copied()
}

/// "2 weak", "—" (not yet agreed), or blank (not covered).
fn cell(app: &App, state: &TrendsState, p: Option<&LevelPoint>) -> String {
    match p {
        None => String::new(),
        Some(LevelPoint { level: None, .. }) => "—".into(),
        Some(LevelPoint {
            level: Some(level),
            session_id,
            ..
        }) => match state.word(&app.library, session_id, *level) {
            Some(word) => format!("{level} {word}"),
            None => level.to_string(),
        },
    }
}

fn grid(frame: &mut Frame, app: &App, state: &TrendsState, area: Rect, theme: Theme) {
    let sessions = state.sessions();
    // The latest sessions are kept when not all fit.
    let fit = view::trends_columns(app.size);
    let shown = &sessions[sessions.len().saturating_sub(fit)..];
    let items = state.items(&app.library);
    let wanted: HashSet<&str> = shown.iter().map(|s| s.session_id.as_str()).collect();
    let at = lookup(state, |p| wanted.contains(p.session_id.as_str()));
    let mut header = vec![Line::from("Item")];
    let mut dates = vec![Line::from("")];
    for s in shown {
        header.push(Line::from(s.session_date.strftime("%b %Y").to_string()));
        dates.push(Line::from(s.session_title.clone()));
    }
    let skip = view::register_scroll(state.cursor, area.height.saturating_sub(2));
    let rows: Vec<Row> = items
        .iter()
        .enumerate()
        .skip(skip)
        .map(|(i, item)| {
            let mut cells = vec![format!(
                "{} {item}",
                if i == state.cursor { "›" } else { " " }
            )];
            cells.extend(
                shown
                    .iter()
                    .map(|s| cell(app, state, point(&at, item, &s.session_id))),
            );
            let style = if i == state.cursor {
                theme.selected()
            } else {
                theme.text()
            };
            Row::new(cells).style(style)
        })
        .collect();
    let mut widths = vec![Constraint::Length(view::TRENDS_ITEM)];
    widths.extend(
        shown
            .iter()
            .map(|_| Constraint::Length(view::TRENDS_CELL - 1)),
    );
    let head = Row::new(header).style(theme.label());
    let titles = Row::new(dates).style(theme.dim());
    let mut all = vec![titles];
    all.extend(rows);
    let table = Table::new(all, widths).header(head).column_spacing(1);
    frame.render_widget(table, area);
}

/// The chosen item's levels, session by session, with each participant's.
fn spread(frame: &mut Frame, app: &App, state: &TrendsState, area: Rect, theme: Theme) {
    let items = state.items(&app.library);
    let Some(item) = items.get(state.cursor) else {
        return;
    };
    let mut lines = vec![Line::from(Span::styled(words::item(item), theme.title()))];
    let at = lookup(state, |p| p.item == *item);
    // Two lines each: the newest sessions the area can show.
    let sessions = state.sessions();
    let fit = view::trends_spread_rows(app.size);
    for s in &sessions[sessions.len().saturating_sub(fit)..] {
        let p = point(&at, item, &s.session_id);
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}  {:<24} ", s.session_date, s.session_title),
                theme.label(),
            ),
            Span::styled(words::agreed(&cell(app, state, p)), theme.text()),
        ]));
        let spread = p.map(|p| p.spread.as_slice()).unwrap_or_default();
        let words = if spread.is_empty() {
            words::NO_PARTICIPANT_LEVELS.to_owned()
        } else {
            spread
                .iter()
                .map(|l| format!("{} {}", l.participant, l.level))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        lines.push(Line::from(Span::styled(
            format!("            participants: {words}"),
            theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

/// The chosen item's agreed levels as bars, one per session, labelled "L4".
fn bars(frame: &mut Frame, app: &App, state: &TrendsState, area: Rect, theme: Theme) {
    let items = state.items(&app.library);
    let Some(item) = items.get(state.cursor) else {
        return;
    };
    let sessions = state.sessions();
    let fit = view::trends_bars(app.size);
    let shown = &sessions[sessions.len().saturating_sub(fit)..];
    let at = lookup(state, |p| p.item == *item);
    let bars: Vec<Bar> = shown
        .iter()
        .filter_map(|s| {
            let p = point(&at, item, &s.session_id)?;
            let level = p.level.unwrap_or(0);
            let shown = p.level.map_or_else(|| "—".into(), |l| format!("L{l}"));
            Some(
                Bar::default()
                    .value(u64::from(level))
                    .text_value(shown)
                    .label(Line::from(s.session_date.strftime("%b %Y").to_string())),
            )
        })
        .collect();
    let top = state
        .data
        .as_ref()
        .and_then(|d| {
            d.page.scales.first().and_then(|(id, _)| {
                (1..=9u8)
                    .rev()
                    .find(|l| state.word(&app.library, id, *l).is_some())
            })
        })
        .unwrap_or(6);
    let chart = BarChart::default()
        .block(Block::default().title(format!(" {} ", words::item(item))))
        .data(BarGroup::default().bars(&bars))
        .bar_width(8)
        .bar_gap(4)
        .max(u64::from(top))
        .bar_style(theme.title())
        .value_style(theme.selected());
    frame.render_widget(chart, area);
}
