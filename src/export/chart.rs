//! A measure's curve as an inline SVG line chart: written here in Rust (no
//! script, nothing fetched), labelled for screen readers with `<title>`
//! and `<desc>`, and readable in black and white: every line differs by
//! its dash pattern and marker, and the legend names each in words.

use crate::measures::curve::Curve;
use crate::measures::reading::{self, FORECAST_LABEL, comparator_label};
use std::fmt::Write;

const WIDTH: f64 = 500.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 16.0;
const PLOT_BOTTOM: f64 = 200.0;

/// Text put into SVG markup safely.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A round number at or above `n`, for the top of the axis.
fn nice_ceiling(n: f64) -> f64 {
    if n <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(n.log10().floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(|step| step * magnitude)
        .find(|top| *top >= n)
        .unwrap_or(10.0 * magnitude)
}

/// Dash pattern and legend word of each comparator line, in order.
const COMPARATOR_DASHES: [&str; 3] = ["8 4", "2 3", "12 4 2 4"];

struct Frame {
    periods: Vec<String>,
    top: f64,
}

impl Frame {
    fn x(&self, period: &str) -> f64 {
        let at = self.periods.iter().position(|p| p == period).unwrap_or(0) as f64;
        let span = (self.periods.len().max(2) - 1) as f64;
        LEFT + at * (WIDTH - LEFT - RIGHT) / span
    }
    fn y(&self, value: f64) -> f64 {
        PLOT_BOTTOM - (value.max(0.0) / self.top) * (PLOT_BOTTOM - TOP)
    }
}

fn frame_of(curve: &Curve) -> Frame {
    let mut periods: Vec<String> = Vec::new();
    let mut all = curve.points.clone();
    all.extend(curve.forecast.iter().copied());
    all.extend(
        curve
            .comparators
            .iter()
            .flat_map(|(_, l)| l.iter().copied()),
    );
    all.sort_by_key(|(p, _)| *p);
    for (p, _) in &all {
        let p = p.to_string();
        if !periods.contains(&p) {
            periods.push(p);
        }
    }
    let highest = all
        .iter()
        .map(|(_, v)| *v)
        .chain(curve.baseline.map(|b| b.1))
        .fold(0.0, f64::max);
    // A percentage axis stops at 100% when nothing goes above it.
    let top = match curve.unit {
        crate::measures::model::Unit::Percentage if highest <= 100.0 => 100.0,
        _ => nice_ceiling(highest * 1.05),
    };
    Frame { periods, top }
}

fn polyline(out: &mut String, frame: &Frame, line: &[(String, f64)], style: &str) {
    let points: Vec<String> = line
        .iter()
        .map(|(p, v)| format!("{:.1},{:.1}", frame.x(p), frame.y(*v)))
        .collect();
    let _ = writeln!(
        out,
        r##"<polyline fill="none" stroke="#000" {style} points="{}" />"##,
        points.join(" ")
    );
}

fn axes(out: &mut String, frame: &Frame, curve: &Curve) {
    for step in 0..=4 {
        let value = frame.top * f64::from(step) / 4.0;
        let y = frame.y(value);
        let _ = writeln!(
            out,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#bbb" stroke-width="0.5" />"##,
            WIDTH - RIGHT
        );
        let _ = writeln!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="12">{}</text>"#,
            LEFT - 6.0,
            y + 3.5,
            escape(&reading::amount(value, curve.unit))
        );
    }
    let every = frame.periods.len().div_ceil(7).max(1);
    for (n, period) in frame.periods.iter().enumerate() {
        if n % every == 0 {
            let _ = writeln!(
                out,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="12">{}</text>"#,
                frame.x(period),
                PLOT_BOTTOM + 14.0,
                escape(period)
            );
        }
    }
    let _ = writeln!(
        out,
        r##"<line x1="{LEFT}" y1="{PLOT_BOTTOM}" x2="{:.1}" y2="{PLOT_BOTTOM}" stroke="#000" />"##,
        WIDTH - RIGHT
    );
}

fn legend(out: &mut String, entries: &[(String, String)]) {
    for (n, (style, word)) in entries.iter().enumerate() {
        let x = 8.0 + (n % 2) as f64 * 240.0;
        let y = PLOT_BOTTOM + 38.0 + (n / 2) as f64 * 18.0;
        let _ = writeln!(
            out,
            r##"<line x1="{x}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#000" {style} />"##,
            y - 4.0,
            x + 28.0,
            y - 4.0
        );
        let _ = writeln!(
            out,
            r#"<text x="{:.1}" y="{y:.1}" font-size="12">{}</text>"#,
            x + 34.0,
            escape(word)
        );
    }
}

fn labelled(line: &[(crate::measures::period::Period, f64)]) -> Vec<(String, f64)> {
    line.iter().map(|(p, v)| (p.to_string(), *v)).collect()
}

/// The words a screen reader gives for the chart.
pub fn description(title: &str, curve: &Curve) -> String {
    let values: Vec<String> = curve
        .points
        .iter()
        .map(|(p, v)| format!("{p} {}", reading::amount(*v, curve.unit)))
        .collect();
    let mut words = format!(
        "Line chart of {title}, {}: {}.",
        reading::better_words(curve.better),
        values.join(", ")
    );
    if let Some(change) = &curve.change {
        let _ = write!(words, " Change: {change}.");
    }
    words.push_str(" The same figures are in the table beside the chart.");
    words
}

/// The chart as SVG markup; `id` makes its title and description
/// referable (it must be unique in the page).
pub fn svg(id: &str, title: &str, curve: &Curve) -> String {
    let frame = frame_of(curve);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" aria-labelledby="{id}-title {id}-desc">"#
    );
    let _ = writeln!(
        out,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(&description(title, curve))
    );
    axes(&mut out, &frame, curve);
    let mut entries = vec![(r#"stroke-width="2.5""#.to_owned(), "our figures".to_owned())];
    if let Some((period, value)) = curve.baseline {
        let y = frame.y(value);
        let _ = writeln!(
            out,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#000" stroke-width="1" stroke-dasharray="1 5" />"##,
            WIDTH - RIGHT
        );
        entries.push((
            r#"stroke-width="1" stroke-dasharray="1 5""#.to_owned(),
            format!("baseline ({period})"),
        ));
    }
    for (n, (kind, line)) in curve.comparators.iter().enumerate() {
        let style = format!(
            r#"stroke-width="1.2" stroke-dasharray="{}""#,
            COMPARATOR_DASHES[n % COMPARATOR_DASHES.len()]
        );
        polyline(&mut out, &frame, &labelled(line), &style);
        entries.push((style, comparator_label(*kind).to_owned()));
    }
    if let (Some(last), false) = (curve.points.last(), curve.forecast.is_empty()) {
        let mut line = vec![(last.0.to_string(), last.1)];
        line.extend(labelled(&curve.forecast));
        let style = r#"stroke-width="1.5" stroke-dasharray="4 4""#;
        polyline(&mut out, &frame, &line, style);
        let word = FORECAST_LABEL.split(':').next().unwrap_or(FORECAST_LABEL);
        entries.push((style.to_owned(), word.to_owned()));
    }
    let ours = labelled(&curve.points);
    polyline(&mut out, &frame, &ours, r#"stroke-width="2.5""#);
    for (p, v) in &ours {
        let _ = writeln!(
            out,
            r##"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="#000" />"##,
            frame.x(p),
            frame.y(*v)
        );
    }
    legend(&mut out, &entries);
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(37.0), 40.0);
        assert_eq!(nice_ceiling(101.0), 120.0);
        assert_eq!(nice_ceiling(8.0), 8.0);
        assert_eq!(nice_ceiling(8.5), 10.0);
    }

    #[test]
    fn markup_in_a_title_is_escaped() {
        assert_eq!(escape("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    }
}
