//! The measures screens: the list (latest value, change since the
//! baseline, overdue in words), one measure's chart with its table of
//! values, and a Turning the Curve worksheet. Words and numbers always go
//! with the lines: colour is never the only carrier.
//!
//! Long because the three measures screens share one theme, one
//! chart and one table layout; apart they would each repeat them.

use super::widgets::{footer, status_line};
use crate::app::App;
use crate::app::lines::wrap_text;
use crate::app::measures::{Ask, MeasuresView};
use crate::app::text::measures as words;
use crate::app::theme::Theme;
use crate::app::view;
use crate::measures::conflicts;
use crate::measures::curve::{Curve, Step};
use crate::measures::model::{ComparatorKind, Measure, MeasureRegister, Unit};
use crate::measures::period::Period;
use crate::measures::reading;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Wrap};

/// One line on a chart: its name in the legend, its points, its mark.
type Series = (String, Vec<(f64, f64)>, Marker, GraphType);

/// Periods of forecast drawn after the last value.
const FORECAST_AHEAD: usize = 2;

pub fn render(frame: &mut Frame, app: &App, theme: Theme) {
    let [title, body, status, foot] = view::measures_areas(app.size);
    let state = &app.measures;
    match state.view {
        MeasuresView::List => list(frame, app, title, body, theme),
        MeasuresView::Chart {
            measure,
            breakdowns,
        } => match state.measure(measure) {
            Some(m) => {
                let register = state.register.as_ref();
                chart_screen(frame, (m, register), breakdowns, title, body, theme);
            }
            None => list(frame, app, title, body, theme),
        },
        MeasuresView::Curve {
            measure,
            sheet,
            step,
            cursor,
        } => match state.measure(measure) {
            Some(m) => curve_screen(frame, m, (sheet, step, cursor), title, body, theme),
            None => list(frame, app, title, body, theme),
        },
    }
    status_line(frame, app, None, status, theme);
    if app.notice.is_none()
        && let Some(reason) = &state.read_only
    {
        let line = Line::from(Span::styled(
            format!(" {}", crate::app::text::read_only(reason)),
            theme.warning(),
        ));
        frame.render_widget(Paragraph::new(line), status);
    }
    footer(frame, app, foot, theme);
}

fn heading(frame: &mut Frame, area: Rect, first: String, second: String, theme: Theme) {
    let lines = vec![
        Line::from(Span::styled(format!(" {first}"), theme.title())),
        Line::from(Span::styled(format!(" {second}"), theme.dim())),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

fn list(frame: &mut Frame, app: &App, title: Rect, body: Rect, theme: Theme) {
    let state = &app.measures;
    let today = app.today();
    let measures = state.register.as_ref().map_or(&[][..], |r| &r.measures[..]);
    let overdue = measures
        .iter()
        .filter(|m| reading::overdue(m, today).is_some())
        .count();
    heading(
        frame,
        title,
        words::LIST_TITLE.into(),
        words::list_summary(measures.len(), overdue),
        theme,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    if let Some(problem) = &state.problem {
        let text = format!("{}\n\n{problem}", words::COULD_NOT_OPEN);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
        return;
    }
    if measures.is_empty() {
        let text = if state.register.is_none() {
            words::OPENING
        } else {
            words::NO_MEASURES
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
        return;
    }
    let width = usize::from(inner.width).max(10);
    let mut lines: Vec<Line> = Vec::new();
    let first = view::list_scroll(state.cursor, inner.height, 2);
    for (index, m) in measures.iter().enumerate().skip(first) {
        let selected = index == state.cursor;
        let mark = if selected { "› " } else { "  " };
        let head_style = if selected {
            theme.selected()
        } else {
            theme.heading()
        };
        lines.push(Line::from(Span::styled(
            clip(&format!("{mark}{}", m.title), width),
            head_style,
        )));
        // Overdue first on the second line, so a narrow screen still says it.
        let mut second = vec![Span::raw("    ")];
        let mut used = 4;
        if let Some(period) = reading::overdue(m, today) {
            let said = words::overdue(period);
            used += said.chars().count() + 3;
            second.push(Span::styled(said, theme.warning()));
            second.push(Span::raw(" · "));
        }
        second.push(Span::styled(
            clip(&summary(m), width.saturating_sub(used)),
            theme.text(),
        ));
        lines.push(Line::from(second));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Latest value, change since the baseline and direction of better.
fn summary(m: &Measure) -> String {
    let latest = m.latest().map_or_else(
        || words::NO_VALUES.to_owned(),
        |v| words::latest(&v.period, &reading::figure(v.figure, m.unit)),
    );
    let change = reading::change_words(m).unwrap_or_else(|| words::NO_CHANGE.to_owned());
    format!("{latest} · {change} · {}", reading::better_words(m.better))
}

fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn chart_screen(
    frame: &mut Frame,
    (m, register): (&Measure, Option<&MeasureRegister>),
    breakdowns: bool,
    title: Rect,
    body: Rect,
    theme: Theme,
) {
    let change = reading::change_words(m).unwrap_or_else(|| words::NO_CHANGE.to_owned());
    heading(
        frame,
        title,
        m.title.clone(),
        format!(
            "{} · {change} · reported {}",
            reading::better_words(m.better),
            m.frequency.slug()
        ),
        theme,
    );
    let [chart_area, table_area] = view::measure_chart_areas(body);
    let curve = Curve::of(m, FORECAST_AHEAD);
    if breakdowns {
        breakdown_chart(frame, m, chart_area, theme);
    } else {
        curve_chart(frame, &curve, chart_area, theme);
    }
    values_table(frame, m, register, breakdowns, table_area, theme);
}

/// Where a period sits on the x axis: steps from the first value.
fn x_of(first: Period, period: Period) -> f64 {
    f64::from(first.steps_to(period))
}

fn curve_chart(frame: &mut Frame, curve: &Curve, area: Rect, theme: Theme) {
    let Some(&(first, _)) = curve.points.first() else {
        let block = chart_block(words::CHART_TITLE, theme);
        frame.render_widget(Paragraph::new(words::NO_VALUES_CHART).block(block), area);
        return;
    };
    let last = curve
        .forecast
        .last()
        .or(curve.points.last())
        .map_or(first, |p| p.0);
    let end = x_of(first, last).max(1.0);
    let line = |points: &[(Period, f64)]| -> Vec<(f64, f64)> {
        points.iter().map(|(p, v)| (x_of(first, *p), *v)).collect()
    };
    let values = line(&curve.points);
    let mut series: Vec<Series> = vec![(
        words::VALUES_LEGEND.into(),
        values.clone(),
        Marker::Braille,
        GraphType::Line,
    )];
    if let Some((period, v)) = curve.baseline {
        series.push((
            words::baseline(&period, &reading::amount(v, curve.unit)),
            vec![(0.0, v), (end, v)],
            Marker::Dot,
            GraphType::Line,
        ));
    }
    for (kind, points) in &curve.comparators {
        // Each comparator its own mark: the legend tells them apart
        // without colour.
        let marker = match kind {
            ComparatorKind::National => Marker::Bar,
            ComparatorKind::StatisticalNeighbours => Marker::HalfBlock,
            ComparatorKind::Target => Marker::Block,
        };
        series.push((
            reading::comparator_label(*kind).to_owned(),
            line(points),
            marker,
            GraphType::Scatter,
        ));
    }
    if !curve.forecast.is_empty() {
        let mut points = vec![*values.last().expect("a value")];
        points.extend(line(&curve.forecast));
        series.push((
            words::FORECAST_LEGEND.to_owned(),
            points,
            Marker::Quadrant,
            GraphType::Scatter,
        ));
    }
    let x_labels = vec![Span::raw(first.to_string()), Span::raw(last.to_string())];
    draw_chart(frame, area, &series, end, x_labels, curve.unit, theme);
}

fn breakdown_chart(frame: &mut Frame, m: &Measure, area: Rect, theme: Theme) {
    let mut names: Vec<&str> = Vec::new();
    for v in &m.values {
        for b in &v.breakdowns {
            if !names.contains(&b.name.as_str()) {
                names.push(&b.name);
            }
        }
    }
    let Some(first) = m.values.iter().map(|v| v.period).min() else {
        let block = chart_block(words::CHART_TITLE, theme);
        frame.render_widget(Paragraph::new(words::NO_VALUES_CHART).block(block), area);
        return;
    };
    if names.is_empty() {
        let block = chart_block(words::BREAKDOWN_TITLE, theme);
        frame.render_widget(
            Paragraph::new(words::NO_BREAKDOWNS)
                .wrap(Wrap { trim: false })
                .block(block),
            area,
        );
        return;
    }
    let last = m.values.iter().map(|v| v.period).max().unwrap_or(first);
    let markers = [
        Marker::Braille,
        Marker::Dot,
        Marker::Block,
        Marker::HalfBlock,
    ];
    let series: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let points = m
                .values
                .iter()
                .filter_map(|v| {
                    let b = v.breakdowns.iter().find(|b| b.name == *name)?;
                    Some((x_of(first, v.period), b.figure.amount()))
                })
                .collect();
            (
                (*name).to_owned(),
                points,
                markers[i % markers.len()],
                GraphType::Line,
            )
        })
        .collect();
    let labels = vec![Span::raw(first.to_string()), Span::raw(last.to_string())];
    draw_chart(
        frame,
        area,
        &series,
        x_of(first, last).max(1.0),
        labels,
        m.unit,
        theme,
    );
}

fn chart_block(title: &str, theme: Theme) -> Block<'_> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false))
        .title(format!(" {title} "))
}

/// The chart itself: every series named in the legend, the y axis in the
/// measure's unit.
fn draw_chart(
    frame: &mut Frame,
    area: Rect,
    series: &[Series],
    end: f64,
    x_labels: Vec<Span>,
    unit: Unit,
    theme: Theme,
) {
    let all = series.iter().flat_map(|s| s.1.iter().map(|p| p.1));
    let (low, high) = all.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = ((high - low) * 0.1).max(1.0);
    let (low, high) = (
        (low - pad).max(if low >= 0.0 { 0.0 } else { f64::MIN }),
        high + pad,
    );
    let styles = [theme.text(), theme.warning(), theme.ok(), theme.dim()];
    let datasets: Vec<Dataset> = series
        .iter()
        .enumerate()
        .map(|(i, (name, points, marker, kind))| {
            Dataset::default()
                .name(name.clone())
                .marker(*marker)
                .graph_type(*kind)
                .style(styles[i % styles.len()])
                .data(points)
        })
        .collect();
    let y_labels = [low, (low + high) / 2.0, high]
        .iter()
        .map(|v| Span::raw(reading::amount(*v, unit)))
        .collect::<Vec<_>>();
    // The legend in words under the chart, each series with the mark it
    // is drawn in: it never hides the curve, and needs no colour.
    let legend: Vec<String> = series
        .iter()
        .map(|(name, _, marker, _)| format!("{} {name}", mark_of(*marker)))
        .collect();
    let block = chart_block(words::CHART_TITLE, theme)
        .title_bottom(Line::from(format!(" {} ", legend.join("  "))));
    let chart = Chart::new(datasets)
        .block(block)
        .x_axis(
            Axis::default()
                .bounds([0.0, end])
                .labels(x_labels)
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([low, high])
                .labels(y_labels)
                .style(theme.dim()),
        )
        .legend_position(None);
    frame.render_widget(chart, area);
}

/// The character a marker draws, for the legend.
fn mark_of(marker: Marker) -> &'static str {
    match marker {
        Marker::Braille => "⠒⠒",
        Marker::Dot => "••",
        Marker::Bar => "▄",
        Marker::Block => "█",
        Marker::Quadrant => "▘",
        _ => "▀",
    }
}

/// Every value as words, newest last, as many as fit.
/// A value a sync conflict waits on shows the other copy's figure beside
/// it, marked, until someone chooses on the conflicts screen.
fn values_table(
    frame: &mut Frame,
    m: &Measure,
    register: Option<&MeasureRegister>,
    breakdowns: bool,
    area: Rect,
    theme: Theme,
) {
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border(false))
        .title(format!(" {} ", words::TABLE_TITLE));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for v in &m.values {
        let mut text = reading::value_line(v, m.unit);
        // Before the note, so a narrow screen still shows it.
        let waiting = register.and_then(|r| conflicts::waiting(r, &m.id, v.period));
        if let Some(other) = &waiting {
            text.push_str(&crate::app::text::sync::value_mark(other.as_deref()));
        }
        if !breakdowns && !v.note.is_empty() {
            text.push_str(&format!(" — {}", v.note));
        }
        if breakdowns && v.breakdowns.is_empty() {
            text.push_str(words::NO_BREAKDOWNS_MARK);
        }
        let style = if waiting.is_some() {
            theme.warning()
        } else {
            theme.text()
        };
        lines.push(Line::from(Span::styled(
            clip(&format!(" {text}"), width),
            style,
        )));
    }
    if lines.is_empty() {
        lines.push(Line::from(words::NO_VALUES_TABLE));
    }
    let skip = lines.len().saturating_sub(usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines.split_off(skip)), inner);
}

fn curve_screen(
    frame: &mut Frame,
    m: &Measure,
    (sheet, step, cursor): (usize, Step, usize),
    title: Rect,
    body: Rect,
    theme: Theme,
) {
    let ws = m.worksheets.get(sheet);
    let second = match ws {
        Some(ws) => {
            words::worksheet_of(ws.date, sheet + 1, m.worksheets.len(), ws.follows.is_some())
        }
        None => words::NO_WORKSHEET.to_owned(),
    };
    heading(
        frame,
        title,
        words::turning_the_curve(&m.title),
        second,
        theme,
    );
    let [steps_area, step_area] = view::curve_areas(body);
    let mut lines: Vec<Line> = Vec::new();
    for (i, s) in Step::ALL.iter().enumerate() {
        let here = *s == step;
        let done = ws.is_some_and(|w| s.answered(w));
        let mark = if here { "›" } else { " " };
        let state = if done {
            words::WRITTEN
        } else {
            words::NOT_WRITTEN
        };
        let style = if here { theme.selected() } else { theme.text() };
        lines.push(Line::from(Span::styled(
            format!("{mark} {}. {}", i + 1, s.title()),
            style,
        )));
        lines.push(Line::from(Span::styled(
            format!("     ({state})"),
            theme.dim(),
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(words::HISTORY, theme.label())));
    for (i, w) in m.worksheets.iter().enumerate() {
        let mark = if i == sheet { "› " } else { "  " };
        lines.push(Line::from(format!("{mark}{}", w.date)));
    }
    if m.worksheets.is_empty() {
        lines.push(Line::from(words::NO_WORKSHEETS));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false))
        .title(words::STEPS_TITLE);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        steps_area,
    );
    step_panel(frame, m, ws, step, cursor, step_area, theme);
}

fn step_panel(
    frame: &mut Frame,
    m: &Measure,
    ws: Option<&crate::measures::model::Worksheet>,
    step: Step,
    cursor: usize,
    area: Rect,
    theme: Theme,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(format!(" {} ", step.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).saturating_sub(1).max(10);
    let mut lines: Vec<Line> = wrap_text(step.prompt(), width, "", "")
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.dim())))
        .collect();
    lines.push(Line::from(""));
    let mut text_area = inner;
    if step == Step::HowAreWeDoing {
        let curve = Curve::of(m, FORECAST_AHEAD);
        let chart_height = (inner.height / 2).clamp(6, 16).min(inner.height);
        let chart = Rect::new(inner.x, inner.y, inner.width, chart_height);
        curve_chart(frame, &curve, chart, theme);
        text_area = Rect::new(
            inner.x,
            inner.y + chart_height,
            inner.width,
            inner.height.saturating_sub(chart_height),
        );
        lines = Vec::new();
        if let Some(ws) = ws {
            lines.push(Line::from(Span::styled(
                words::our_reading(&or_not_yet(&ws.how_are_we_doing)),
                theme.text(),
            )));
        }
        lines.extend(reading_lines(m, &curve));
    }
    let mut add = |text: String, style: Style| {
        for l in wrap_text(&text, width, "", "  ") {
            lines.push(Line::from(Span::styled(l, style)));
        }
    };
    match ws {
        None => add(words::NO_WORKSHEET.to_owned(), theme.warning()),
        Some(ws) => match step {
            Step::HowAreWeDoing => {}
            Step::Story => add(or_not_yet(&ws.story), theme.text()),
            Step::Partners => {
                for p in &ws.partners {
                    add(format!("• {} — {}", p.name, p.role), theme.text());
                }
                if ws.partners.is_empty() {
                    add(words::NONE_YET.into(), theme.dim());
                }
            }
            Step::WhatWorks => {
                for w in &ws.what_works {
                    add(
                        words::what_works(&w.idea, &or_not_yet(&w.evidence)),
                        theme.text(),
                    );
                }
                if ws.what_works.is_empty() {
                    add(words::NONE_YET.into(), theme.dim());
                }
            }
            Step::Proposals => proposals(ws, cursor, &mut add, theme),
        },
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text_area);
}

fn proposals(
    ws: &crate::measures::model::Worksheet,
    cursor: usize,
    add: &mut impl FnMut(String, Style),
    theme: Theme,
) {
    for (i, p) in ws.proposals.iter().enumerate() {
        let mark = if i == cursor { "›" } else { " " };
        let state = match p
            .priority
            .as_ref()
            .and_then(|id| ws.priorities.iter().find(|q| &q.id == id))
        {
            Some(q) => words::adopted_as(&q.owner, q.deadline),
            None => words::PROPOSED.to_owned(),
        };
        let style = if i == cursor {
            theme.selected()
        } else {
            theme.text()
        };
        add(format!("{mark} {}. {}", i + 1, p.text), style);
        add(format!("     {state}"), theme.dim());
    }
    if ws.proposals.is_empty() {
        add(words::NONE_YET.into(), theme.dim());
    }
}

fn or_not_yet(text: &str) -> String {
    if text.trim().is_empty() {
        words::NOT_YET.to_owned()
    } else {
        text.to_owned()
    }
}

/// The curve in words beside the chart: baseline, latest, change, and the
/// forecast clearly labelled as one.
fn reading_lines(m: &Measure, curve: &Curve) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some((period, v)) = curve.baseline {
        out.push(Line::from(words::baseline_line(
            &period,
            &reading::amount(v, m.unit),
        )));
    }
    if let Some(v) = m.latest() {
        out.push(Line::from(words::latest_line(
            &v.period,
            &reading::figure(v.figure, m.unit),
            &reading::change_words(m).unwrap_or_default(),
        )));
    }
    if !curve.forecast.is_empty() {
        let ahead: Vec<String> = curve
            .forecast
            .iter()
            .map(|(p, v)| format!("{p} {}", reading::amount(*v, m.unit)))
            .collect();
        out.push(Line::from(words::forecast(
            reading::FORECAST_BASIS,
            &ahead.join(", "),
        )));
    }
    out.push(Line::from(reading::better_words(m.better)));
    out
}

/// The questions popup: what it is for, answers so far, the field.
pub fn render_ask(frame: &mut Frame, screen: Rect, ask: &Ask, theme: Theme) {
    let width = screen.width.saturating_sub(4).min(76);
    let inner_width = usize::from(width.saturating_sub(2)).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for l in wrap_text(&ask.context, inner_width, "", "") {
        lines.push(Line::from(Span::styled(l, theme.dim())));
    }
    for (q, a) in ask.questions.iter().zip(&ask.answers) {
        lines.push(Line::from(format!("{q}: {a}")));
    }
    let question = format!(
        "{} ({} of {})",
        ask.question(),
        ask.answers.len() + 1,
        ask.questions.len()
    );
    for l in wrap_text(&question, inner_width, "", "") {
        lines.push(Line::from(Span::styled(l, theme.label())));
    }
    let height = (lines.len() as u16 + 5).min(screen.height);
    let area = view::centered(screen, width, height);
    frame.render_widget(ratatui::widgets::Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(format!(" {} ", ask.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text_height = inner.height.saturating_sub(2);
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(inner.x, inner.y, inner.width, text_height),
    );
    let field = Rect::new(
        inner.x,
        inner.y + text_height,
        inner.width,
        2.min(inner.height),
    );
    let mut shown = ask.field.clone();
    shown.set_block(
        Block::default()
            .borders(Borders::BOTTOM)
            .border_style(theme.dim()),
    );
    frame.render_widget(&shown, field);
}
