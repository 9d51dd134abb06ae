//! The Safeguarding Children Report Book: one printable HTML file with a
//! section per LSCB content area (or framework key area) holding the
//! framework's own words on why it matters and what 'good' looks like
//! (quoted, never paraphrased), each tracked measure as a chart with its
//! figures in a table, the story behind the curve, the levels agreed over
//! the period (never averaged), the priorities, and the stories people
//! wrote. Pure: everything is passed in, nothing is read here.
//!
//! Long because the report book is one document: its sections share the
//! chart, the escaping and the period, and read in the order they print.

use super::chart;
use super::common::{self, level_words, scale_of};
use crate::content::library::Library;
use crate::content::model::{Block, ContentArea, Framework};
use crate::content::query;
use crate::measures::curve::Curve;
use crate::measures::model::{ComparatorKind, Figure, Measure, MeasureRegister, Unit};
use crate::measures::reading;
use crate::session::model::{EvidenceSource, Session};
use crate::session::register::{ActionKind, ActionRow, LevelPoint, Register, Scan};
use jiff::civil::Date;
use minijinja::Environment;
use serde::Serialize;

/// The LSCB framework, whose content areas measures serve.
const LSCB: &str = "lscb-qaf";

/// Said beside every grid of levels (as `trends` says it).
pub const NEVER_AVERAGED: &str = "Levels are shown as each session agreed them. They are never averaged, added up or turned into a score: the frameworks do not allow it.";

/// Said once, near the start: whose words are whose.
pub const WHOSE_WORDS: &str = "Headings, tables and charts are ours. Text set apart as a quotation is the framework's own, word for word, with its source named; it is not our summary.";

/// What the book covers and where its material comes from.
pub struct BookInput<'a> {
    pub library: &'a Library,
    /// Every session read (the book picks those in the period).
    pub sessions: Vec<Session>,
    pub measures: &'a MeasureRegister,
    /// Every action of the register, worksheet priorities included.
    pub actions: Vec<ActionRow>,
    pub partnership: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Only this framework's sections, when given.
    pub framework: Option<String>,
    pub include_private: bool,
    /// Stories from `--stories`: the heading (an area id or title) and text.
    pub stories: Vec<(String, String)>,
    pub today: Date,
}

#[derive(Serialize)]
struct Quote {
    label: String,
    topic: String,
    paragraphs: Vec<String>,
    items: Vec<String>,
}

#[derive(Serialize)]
struct ValueRow {
    period: String,
    figure: String,
    comparators: Vec<String>,
    note: String,
}

#[derive(Serialize)]
struct MeasureView {
    id: String,
    title: String,
    definition: String,
    better: String,
    svg: String,
    comparator_names: Vec<&'static str>,
    values: Vec<ValueRow>,
    baseline: String,
    change: String,
    forecast: Vec<String>,
    forecast_label: &'static str,
    worksheet_date: String,
    how_are_we_doing: String,
    story: String,
}

#[derive(Serialize)]
struct GridRow {
    item: String,
    cells: Vec<String>,
}

#[derive(Serialize)]
struct Grid {
    sessions: Vec<String>,
    rows: Vec<GridRow>,
}

#[derive(Serialize)]
struct PriorityView {
    text: String,
    owner: String,
    due: String,
    status: &'static str,
    last_update: String,
    from: String,
}

#[derive(Serialize)]
struct EvidenceView {
    item: String,
    source: &'static str,
    kind: &'static str,
    date: String,
    description: String,
}

#[derive(Serialize)]
struct SectionView {
    anchor: String,
    title: String,
    framework: String,
    why: Vec<Quote>,
    good: Vec<Quote>,
    quoted_from: String,
    measures: Vec<MeasureView>,
    grid: Option<Grid>,
    evidence: Vec<EvidenceView>,
    priorities: Vec<PriorityView>,
    stories: Vec<String>,
}

#[derive(Serialize)]
struct BookView {
    partnership: String,
    period: String,
    produced: String,
    whose_words: &'static str,
    never_averaged: &'static str,
    private_notice: Option<String>,
    included_private: bool,
    sections: Vec<SectionView>,
    unplaced_stories: Vec<(String, String)>,
    attribution: Vec<String>,
}

/// The sessions the book covers: met in the period, on the framework
/// asked for (any, when none was).
pub fn period_sessions<'a>(input: &'a BookInput) -> impl Iterator<Item = &'a Session> {
    input.sessions.iter().filter(|s| {
        in_period(input, common::meeting_date(s))
            && input.framework.as_ref().is_none_or(|f| s.framework == *f)
    })
}

/// How many private evidence items the book leaves out.
pub fn private_left_out(input: &BookInput) -> usize {
    period_sessions(input)
        .map(|s| common::without_private(s, input.include_private).1)
        .sum()
}

fn in_period(input: &BookInput, date: Date) -> bool {
    input.from.is_none_or(|f| date >= f) && input.to.is_none_or(|t| date <= t)
}

fn blocks(blocks: &[Block]) -> (Vec<String>, Vec<String>) {
    let mut paragraphs = Vec::new();
    let mut items = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => paragraphs.push(p.clone()),
            Block::List(list) => items.extend(list.iter().cloned()),
        }
    }
    (paragraphs, items)
}

fn period_words(input: &BookInput) -> String {
    match (input.from, input.to) {
        (Some(f), Some(t)) => format!("{f} to {t}"),
        (Some(f), None) => format!("from {f} to {}", input.today),
        (None, Some(t)) => format!("up to {t}"),
        (None, None) => format!("everything recorded up to {}", input.today),
    }
}

/// A measure with only its values in the period (its baseline kept).
fn measure_in_period(input: &BookInput, measure: &Measure) -> Measure {
    let mut copy = measure.clone();
    copy.values.retain(|v| {
        input.from.is_none_or(|f| v.period.last_day() >= f)
            && input.to.is_none_or(|t| v.period.first_day() <= t)
    });
    copy
}

const COMPARATORS: [ComparatorKind; 3] = [
    ComparatorKind::National,
    ComparatorKind::StatisticalNeighbours,
    ComparatorKind::Target,
];

/// A fraction's comparators are percentages, whatever the unit says.
fn comparison_unit(figure: Figure, unit: Unit) -> Unit {
    match figure {
        Figure::Fraction { .. } => Unit::Percentage,
        Figure::Number(_) => unit,
    }
}

fn measure_view(input: &BookInput, measure: &Measure) -> MeasureView {
    let shown = measure_in_period(input, measure);
    let mut curve = Curve::of(&shown, 2);
    curve.baseline = measure
        .baseline_value()
        .map(|v| (v.period, v.figure.amount()));
    let used: Vec<ComparatorKind> = COMPARATORS
        .into_iter()
        .filter(|k| {
            shown
                .values
                .iter()
                .any(|v| v.comparators.iter().any(|c| c.kind == *k))
        })
        .collect();
    let mut values: Vec<_> = shown.values.iter().collect();
    values.sort_by_key(|v| v.period);
    let sheet = measure.latest_worksheet();
    let id = format!("chart-{}", measure.id);
    MeasureView {
        svg: chart::svg(&id, &measure.title, &curve),
        id,
        title: measure.title.clone(),
        definition: measure.definition.trim().to_owned(),
        better: reading::better_words(measure.better).to_owned(),
        comparator_names: used.iter().map(|k| reading::comparator_label(*k)).collect(),
        values: values
            .iter()
            .map(|v| ValueRow {
                period: v.period.to_string(),
                figure: reading::figure(v.figure, measure.unit)
                    + &crate::measures::conflicts::waiting(input.measures, &measure.id, v.period)
                        .map(|other| crate::app::text::sync::value_mark(other.as_deref()))
                        .unwrap_or_default(),
                comparators: used
                    .iter()
                    .map(|k| {
                        v.comparators.iter().find(|c| c.kind == *k).map_or_else(
                            || "—".to_owned(),
                            |c| reading::amount(c.value, comparison_unit(v.figure, measure.unit)),
                        )
                    })
                    .collect(),
                note: v.note.trim().to_owned(),
            })
            .collect(),
        baseline: measure.baseline_value().map_or_else(
            || "none yet".to_owned(),
            |v| format!("{}: {}", v.period, reading::figure(v.figure, measure.unit)),
        ),
        change: reading::change_words(&shown).unwrap_or_default(),
        forecast: curve
            .forecast
            .iter()
            .map(|(p, v)| format!("{p}: {}", reading::amount(*v, measure.unit)))
            .collect(),
        forecast_label: reading::FORECAST_LABEL,
        worksheet_date: sheet.map_or_else(String::new, |s| s.date.to_string()),
        how_are_we_doing: sheet.map_or_else(String::new, |s| s.how_are_we_doing.trim().to_owned()),
        story: sheet.map_or_else(String::new, |s| s.story.trim().to_owned()),
    }
}

fn priority_view(row: &ActionRow) -> PriorityView {
    let last = row.last_update();
    PriorityView {
        text: row.text.trim().to_owned(),
        owner: row.owner.trim().to_owned(),
        due: row.due.map_or_else(|| "—".to_owned(), |d| d.to_string()),
        status: row.status.label(),
        last_update: last.map_or_else(
            || "none yet".to_owned(),
            |l| format!("{}: {}", l.update.date, l.update.note.trim()),
        ),
        from: format!("{} ({})", row.session_title, row.session_date),
    }
}

/// Whether a later priority carries this one forward: the book shows the
/// latest of the chain, whose history holds the earlier updates.
fn carried_on(input: &BookInput, row: &ActionRow) -> bool {
    input.actions.iter().any(|other| {
        other
            .carries
            .as_ref()
            .is_some_and(|c| c.session == row.session_id && c.action == row.id)
    })
}

/// Priorities serving any of `items`: agreed by the end of the period and
/// not finished before it began. Milestones appear under their priority's
/// last update, not as rows of their own.
fn priorities_for(input: &BookInput, items: &[&str]) -> Vec<PriorityView> {
    input
        .actions
        .iter()
        .filter(|r| r.kind != ActionKind::Milestone)
        .filter(|r| r.items.iter().any(|i| items.contains(&i.as_str())))
        .filter(|r| !carried_on(input, r))
        .filter(|r| input.to.is_none_or(|t| r.session_date <= t))
        .filter(|r| match (r.done_on, input.from) {
            (Some(done), Some(from)) => done >= from,
            _ => true,
        })
        .map(priority_view)
        .collect()
}

fn stories_for(input: &BookInput, id: &str, title: &str) -> Vec<String> {
    input
        .stories
        .iter()
        .filter(|(h, _)| h.eq_ignore_ascii_case(id) || h.eq_ignore_ascii_case(title))
        .map(|(_, t)| t.clone())
        .collect()
}

/// The agreed levels of `items` across the period's sessions, as words,
/// side by side: a grid, never a total.
fn grid(input: &BookInput, scan: &Scan, framework: &Framework, items: &[&str]) -> Option<Grid> {
    let points: Vec<LevelPoint> = scan
        .levels(&framework.id, None)
        .into_iter()
        .filter(|p| items.contains(&p.item.as_str()))
        .collect();
    if points.is_empty() {
        return None;
    }
    let mut sessions: Vec<(String, String)> = Vec::new();
    for p in &points {
        if !sessions.iter().any(|(id, _)| *id == p.session_id) {
            let heading = format!("{} ({})", p.session_title, p.session_date);
            sessions.push((p.session_id.clone(), heading));
        }
    }
    let rows = items
        .iter()
        .filter(|item| points.iter().any(|p| p.item == **item))
        .map(|item| GridRow {
            item: item_label(framework, item),
            cells: sessions
                .iter()
                .map(|(sid, _)| level_cell(input, scan, &points, sid, item))
                .collect(),
        })
        .collect();
    Some(Grid {
        sessions: sessions.into_iter().map(|(_, h)| h).collect(),
        rows,
    })
}

fn item_label(framework: &Framework, item: &str) -> String {
    match common::item_title(framework, item) {
        Some(title) if item.chars().any(|c| c.is_ascii_digit()) => format!("{item} {title}"),
        Some(title) => title,
        None => item.to_owned(),
    }
}

fn level_cell(
    input: &BookInput,
    scan: &Scan,
    points: &[LevelPoint],
    session_id: &str,
    item: &str,
) -> String {
    let Some(point) = points
        .iter()
        .find(|p| p.session_id == session_id && p.item == item)
    else {
        return "not covered".to_owned();
    };
    let session = scan.sessions.iter().find(|s| s.id == session_id);
    let scale = session.and_then(|s| scale_of(s, input.library));
    // An Ofsted statement says its state where a level would stand.
    let statement = session.and_then(|s| {
        let record = s.items.iter().find(|r| r.item == item)?;
        common::no_level_short(s, input.library, record)
    });
    match point.level {
        None => statement.unwrap_or_else(|| "not yet evaluated".to_owned()),
        Some(n) => match level_words(scale, n) {
            Some(word) => format!("{n} {word}"),
            None => n.to_string(),
        },
    }
}

/// The evidence behind each item's latest level in the period (private
/// evidence already left out by the caller unless asked for).
fn evidence_for(scan: &Scan, framework: &Framework, items: &[&str]) -> Vec<EvidenceView> {
    let mut out = Vec::new();
    for item in items {
        let latest = scan
            .sessions
            .iter()
            .filter(|s| s.framework == framework.id)
            .filter(|s| s.items.iter().any(|r| r.item == *item))
            .max_by_key(|s| s.created);
        let Some(record) = latest.and_then(|s| s.items.iter().find(|r| r.item == *item)) else {
            continue;
        };
        for source in EvidenceSource::ALL {
            for e in record.evidence.iter().filter(|e| e.source == source) {
                out.push(EvidenceView {
                    item: (*item).to_owned(),
                    source: e.source.label(),
                    kind: e.information.label(),
                    date: e.date.map_or_else(|| "—".to_owned(), |d| d.to_string()),
                    description: e.description.trim().to_owned(),
                });
            }
        }
    }
    out
}

/// A section for an LSCB content area: Module 1's description (why it
/// matters) and Module 2's statements (what good looks like), quoted.
fn area_section(
    input: &BookInput,
    scan: &Scan,
    lscb: &Framework,
    area: &ContentArea,
) -> Option<SectionView> {
    let id = area.id.as_str();
    let measures: Vec<MeasureView> = input
        .measures
        .measures
        .iter()
        .filter(|m| m.area.as_deref() == Some(id))
        .filter(|m| !measure_in_period(input, m).values.is_empty())
        .map(|m| measure_view(input, m))
        .collect();
    let grid = grid(input, scan, lscb, &[id]);
    let priorities = priorities_for(input, &[id]);
    let stories = stories_for(input, id, &area.title);
    if measures.is_empty() && grid.is_none() && priorities.is_empty() && stories.is_empty() {
        return None;
    }
    let (paragraphs, items) = blocks(&area.description);
    let why = vec![Quote {
        label: "Why it matters: the framework's description of this area (Module 1)".to_owned(),
        topic: String::new(),
        paragraphs,
        items,
    }];
    let good = lscb
        .content
        .iter()
        .flat_map(|c| &c.good)
        .filter(|g| g.area == id)
        .map(|g| Quote {
            label: "What 'good' looks like (Module 2)".to_owned(),
            topic: g.topic.clone(),
            paragraphs: vec![g.text.clone()],
            items: g.items.clone(),
        })
        .collect();
    Some(SectionView {
        anchor: format!("area-{id}"),
        title: area.title.clone(),
        framework: lscb.short_title.clone(),
        why,
        good,
        quoted_from: lscb.source.attribution.clone(),
        measures,
        evidence: evidence_for(scan, lscb, &[id]),
        grid,
        priorities,
        stories,
    })
}

/// A section for a key area of an indicator framework: each covered
/// indicator's key features (why it matters) and its level 5 illustration
/// (what good looks like), quoted.
fn key_area_sections(input: &BookInput, scan: &Scan, framework: &Framework) -> Vec<SectionView> {
    let mut out = Vec::new();
    for key_area in framework
        .high_level_questions
        .iter()
        .flat_map(|q| &q.key_areas)
    {
        let ids: Vec<&str> = key_area.indicators.iter().map(|i| i.id.as_str()).collect();
        let grid = grid(input, scan, framework, &ids);
        let priorities = priorities_for(input, &ids);
        let stories = stories_for(input, &key_area.id, &key_area.title);
        if grid.is_none() && priorities.is_empty() && stories.is_empty() {
            continue;
        }
        let covered: Vec<_> = key_area
            .indicators
            .iter()
            .filter(|i| {
                scan.sessions
                    .iter()
                    .any(|s| s.framework == framework.id && s.items.iter().any(|r| r.item == i.id))
            })
            .collect();
        let mut why = Vec::new();
        let mut good = Vec::new();
        for indicator in &covered {
            let (paragraphs, items) = blocks(&indicator.key_features);
            why.push(Quote {
                label: format!(
                    "Why it matters: key features of {} {}",
                    indicator.id, indicator.title
                ),
                topic: String::new(),
                paragraphs,
                items,
            });
            for illustration in indicator.illustrations.iter().filter(|i| i.level == 5) {
                good.push(Quote {
                    label: "What 'good' looks like: the framework's illustration of a level 5 evaluation".to_owned(),
                    topic: format!("{} {}", indicator.id, indicator.title),
                    paragraphs: illustration.paragraphs.clone(),
                    items: Vec::new(),
                });
            }
        }
        let covered_ids: Vec<&str> = covered.iter().map(|i| i.id.as_str()).collect();
        out.push(SectionView {
            anchor: format!("{}-{}", framework.id, key_area.id),
            title: format!("Key area {}: {}", key_area.id, key_area.title),
            framework: framework.short_title.clone(),
            why,
            good,
            quoted_from: framework.source.attribution.clone(),
            measures: Vec::new(),
            evidence: evidence_for(scan, framework, &covered_ids),
            grid,
            priorities,
            stories,
        });
    }
    out
}

/// The frameworks the book has sections for: the one asked for, or every
/// framework of the period's sessions, and the LSCB framework where
/// measures serve its areas.
fn frameworks<'a>(input: &BookInput<'a>, scan: &Scan) -> Vec<&'a Framework> {
    if let Some(id) = &input.framework {
        return input.library.framework(id).into_iter().collect();
    }
    let mut ids: Vec<&str> = Vec::new();
    for s in &scan.sessions {
        if !ids.contains(&s.framework.as_str()) {
            ids.push(&s.framework);
        }
    }
    if input.measures.measures.iter().any(|m| m.area.is_some()) && !ids.contains(&LSCB) {
        ids.push(LSCB);
    }
    ids.into_iter()
        .filter_map(|id| input.library.framework(id))
        .collect()
}

fn sections(input: &BookInput, scan: &Scan) -> Vec<SectionView> {
    let mut out = Vec::new();
    for framework in frameworks(input, scan) {
        if framework.content.is_some() {
            for area in query::all_areas(framework) {
                out.extend(area_section(input, scan, framework, area));
            }
        } else {
            out.extend(key_area_sections(input, scan, framework));
        }
    }
    out
}

/// The book's view: the period's sessions with private evidence left out
/// (unless asked), and how many items were left out.
fn book_view(input: &BookInput) -> BookView {
    let mut left_out = 0;
    let sessions: Vec<Session> = period_sessions(input)
        .map(|s| {
            let (copy, n) = common::without_private(s, input.include_private);
            left_out += n;
            copy
        })
        .collect();
    let scan = Scan::new(sessions);
    let sections = sections(input, &scan);
    let unplaced_stories = input
        .stories
        .iter()
        .filter(|(_, text)| !sections.iter().any(|s| s.stories.contains(text)))
        .cloned()
        .collect();
    let mut attribution: Vec<String> = Vec::new();
    for f in frameworks(input, &scan) {
        if !attribution.contains(&f.source.attribution) {
            attribution.push(f.source.attribution.clone());
        }
    }
    BookView {
        partnership: input.partnership.clone(),
        period: period_words(input),
        produced: input.today.to_string(),
        whose_words: WHOSE_WORDS,
        never_averaged: NEVER_AVERAGED,
        private_notice: common::private_notice(left_out),
        included_private: input.include_private,
        sections,
        unplaced_stories,
        attribution,
    }
}

/// The Report Book as one self-contained HTML page.
pub fn report_html(env: &Environment<'_>, input: &BookInput) -> anyhow::Result<String> {
    let view = book_view(input);
    let template = env.get_template("report.html")?;
    Ok(template.render(minijinja::context! { b => minijinja::value::Serde(view) })?)
}

/// Split a stories file into (heading, text) pairs: each `## HEADING`
/// (an area id or title) starts a story; text before any heading is kept
/// under the heading "Stories".
pub fn parse_stories(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut heading = "Stories".to_owned();
    let mut body = String::new();
    let mut flush = |heading: &str, body: &mut String| {
        if !body.trim().is_empty() {
            out.push((heading.to_owned(), body.trim().to_owned()));
        }
        body.clear();
    };
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            flush(&heading, &mut body);
            heading = h.trim().to_owned();
        } else {
            body.push_str(line);
            body.push('\n');
        }
    }
    flush(&heading, &mut body);
    out
}
