//! `howgood measures ...`: the register of tracked measures from the
//! command line. Every change opens the register file under its lock,
//! changes it in memory, checks it and saves it by the session rules.

use crate::cli::{
    CurveCommand, GlobalArgs, LevelsFormat, MeasureAddArgs, MeasureRecordArgs, MeasuresCommand,
};
use crate::commands::content::{load_library, user_content_paths};
use crate::content::library::Library;
use crate::content::module5;
use crate::measures::curve::Step;
use crate::measures::file::{self, OpenRegister};
use crate::measures::model::{
    Better, Breakdown, Comparator, Coverage, Figure, Measure, MeasureRegister, Unit, Value,
    Worksheet,
};
use crate::measures::period::{Frequency, Period};
use crate::measures::reading::{self, FORECAST_LABEL};
use crate::measures::{edit, import};
use crate::paths;
use crate::session::ids::IdSource;
use crate::session::store::{Access, Saved, StoreError};
use anyhow::{Context, anyhow, bail};
use jiff::Timestamp;
use jiff::civil::Date;
use serde_json::{Value as Json, json};
use std::path::PathBuf;
use std::process::ExitCode;

/// The measures folder, with a warning for anything in it others can read.
pub fn measures_dir(global: &GlobalArgs) -> anyhow::Result<PathBuf> {
    let dir = paths::data_dir(global.data_dir.as_ref())
        .map(|d| file::measures_dir(&d))
        .context("no data folder: pass --data-dir DIR or set HOWGOOD_DATA_DIR")?;
    if dir.exists() {
        for warning in file::permission_warnings(&dir) {
            eprintln!("warning: {warning}");
        }
    }
    Ok(dir)
}

fn today() -> Date {
    jiff::tz::TimeZone::system()
        .to_datetime(Timestamp::now())
        .date()
}

/// The register as it is, read without a lock (for listing).
pub fn read_register(global: &GlobalArgs) -> anyhow::Result<MeasureRegister> {
    file::read(&measures_dir(global)?).map_err(with_restore_hint)
}

/// A damaged file's error, with the way back.
fn with_restore_hint(error: StoreError) -> anyhow::Error {
    match error {
        StoreError::Decode { .. } => anyhow!(
            "{error}\n`howgood measures restore` sets it aside and brings back the newest good version from its history"
        ),
        other => other.into(),
    }
}

pub fn run(global: &GlobalArgs, command: &MeasuresCommand) -> anyhow::Result<ExitCode> {
    match command {
        MeasuresCommand::List {
            today: day,
            format: Some(format),
            output,
            ..
        } => {
            let rows = list_rows(&read_register(global)?, day.unwrap_or_else(today));
            write_list(global, &rows, *format, output.as_deref())
        }
        MeasuresCommand::List {
            json, today: day, ..
        } => list(&read_register(global)?, *json, day.unwrap_or_else(today)),
        MeasuresCommand::Show { measure, json } => show(&read_register(global)?, measure, *json),
        MeasuresCommand::Module5 { area } => module5_list(global, area.as_deref()),
        MeasuresCommand::Add(args) => add(global, args),
        MeasuresCommand::Record(args) => record(global, args),
        MeasuresCommand::Import { file, map } => run_import(global, file, map),
        MeasuresCommand::Curve { measure, command } => curve(global, measure, command),
        MeasuresCommand::Baseline { measure, period } => baseline(global, measure, period),
        MeasuresCommand::Restore => {
            let (aside, restored) =
                file::restore_from_history(&measures_dir(global)?, Timestamp::now())?;
            println!(
                "restored the measures register from {}\nthe damaged file is kept at {}",
                restored.display(),
                aside.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Open the register, apply `change`, save; say where it went.
fn change<T>(
    global: &GlobalArgs,
    change: impl FnOnce(&mut MeasureRegister, &mut IdSource) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    change_in(&measures_dir(global)?, change)
}

/// [`change`] for the register in `dir`.
pub fn change_in<T>(
    dir: &std::path::Path,
    change: impl FnOnce(&mut MeasureRegister, &mut IdSource) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let now = Timestamp::now();
    let mut open = OpenRegister::open(dir, now).map_err(with_restore_hint)?;
    if let Access::ReadOnly(reason) = &open.access {
        bail!("the measures register cannot be changed now: {reason}");
    }
    let mut register = open.loaded.clone();
    let result = change(&mut register, &mut IdSource::random())?;
    match open.save(&register, now)? {
        Saved::Written | Saved::Unchanged | Saved::Recreated => Ok(result),
        Saved::ToConflictCopy(copy) => bail!(
            "{} changed on disk meanwhile; it is left as it is and this change is saved beside it in {}",
            open.path.display(),
            copy.display()
        ),
    }
}

/// One line of `measures list`: the figures as words, ready for any
/// output (text, JSON, CSV).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    pub id: String,
    pub title: String,
    pub frequency: String,
    pub better: String,
    pub owner: String,
    pub latest_period: String,
    pub latest: String,
    pub change: String,
    /// The period whose value is overdue, if one is.
    pub overdue: String,
}

pub fn list_rows(register: &MeasureRegister, today: Date) -> Vec<ListRow> {
    register
        .measures
        .iter()
        .map(|m| ListRow {
            id: m.id.clone(),
            title: m.title.clone(),
            frequency: m.frequency.slug().to_owned(),
            better: reading::better_words(m.better).to_owned(),
            owner: m.owner.clone(),
            latest_period: m
                .latest()
                .map_or_else(String::new, |v| v.period.to_string()),
            latest: m
                .latest()
                .map_or_else(String::new, |v| reading::figure(v.figure, m.unit)),
            change: reading::change_words(m).unwrap_or_default(),
            overdue: reading::overdue(m, today).map_or_else(String::new, |p| p.to_string()),
        })
        .collect()
}

pub const LIST_HEADER: [&str; 9] = [
    "id",
    "title",
    "frequency",
    "better",
    "owner",
    "latest period",
    "latest",
    "change",
    "overdue",
];

impl ListRow {
    fn cells(&self) -> Vec<String> {
        [
            &self.id,
            &self.title,
            &self.frequency,
            &self.better,
            &self.owner,
            &self.latest_period,
            &self.latest,
            &self.change,
            &self.overdue,
        ]
        .map(String::clone)
        .to_vec()
    }
}

/// `measures list --format csv|xlsx`: the list as a file.
fn write_list(
    global: &GlobalArgs,
    rows: &[ListRow],
    format: LevelsFormat,
    output: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    use crate::export::xlsx::{Cell, Sheet};
    let cells: Vec<Vec<String>> = rows.iter().map(ListRow::cells).collect();
    let (bytes, extension) = match format {
        LevelsFormat::Csv => (crate::export::csv::table_csv(&LIST_HEADER, &cells), "csv"),
        LevelsFormat::Xlsx => {
            let sheet = Sheet {
                name: "Measures".to_owned(),
                header: LIST_HEADER.map(str::to_owned).to_vec(),
                rows: cells
                    .into_iter()
                    .map(|row| row.into_iter().map(Cell::Text).collect())
                    .collect(),
            };
            (crate::export::xlsx::workbook(&[sheet])?, "xlsx")
        }
    };
    let name = format!("measures.{extension}");
    crate::commands::export::write_output(global, output, &name, &bytes)?;
    Ok(ExitCode::SUCCESS)
}

fn list(register: &MeasureRegister, as_json: bool, today: Date) -> anyhow::Result<ExitCode> {
    let rows = list_rows(register, today);
    if as_json {
        let listed: Vec<Json> = rows
            .iter()
            .map(|r| {
                json!({
                    "id": r.id, "title": r.title, "frequency": r.frequency,
                    "better": r.better, "owner": r.owner,
                    "latest_period": r.latest_period, "latest": r.latest,
                    "change": r.change,
                    "overdue": if r.overdue.is_empty() { Json::Null } else { Json::String(r.overdue.clone()) },
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&listed)?);
    } else if rows.is_empty() {
        eprintln!("no tracked measures: add one with `howgood measures add`");
    } else {
        println!("ID\tLATEST\tCHANGE\tOVERDUE\tTITLE");
        for r in &rows {
            let latest = format!("{} {}", r.latest_period, r.latest);
            let overdue = if r.overdue.is_empty() {
                String::new()
            } else {
                format!("{} overdue", r.overdue)
            };
            let cells = [
                r.id.clone(),
                latest.trim().to_owned(),
                r.change.clone(),
                overdue,
                r.title.clone(),
            ];
            println!(
                "{}",
                cells.map(|c| c.replace(['\t', '\n', '\r'], " ")).join("\t")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn figure_json(figure: Figure, unit: Unit) -> Json {
    match figure {
        Figure::Number(n) => json!({ "value": n, "shown": reading::figure(figure, unit) }),
        Figure::Fraction {
            numerator,
            denominator,
        } => json!({
            "numerator": numerator, "denominator": denominator,
            "percentage": figure.amount(), "shown": reading::figure(figure, unit),
        }),
    }
}

fn value_json(value: &Value, unit: Unit) -> Json {
    json!({
        "period": value.period.to_string(),
        "figure": figure_json(value.figure, unit),
        "breakdowns": value.breakdowns.iter().map(|b| json!({"name": b.name, "figure": figure_json(b.figure, unit)})).collect::<Vec<_>>(),
        "comparators": value.comparators.iter().map(|c| json!({"kind": reading::comparator_slug(c.kind), "value": c.value})).collect::<Vec<_>>(),
        "note": value.note,
    })
}

/// A measure as `show --json` gives it: the file's fields and the figures
/// in words.
pub fn measure_json(m: &Measure) -> anyhow::Result<Json> {
    let mut whole = serde_json::to_value(m)?;
    whole["values"] = m.values.iter().map(|v| value_json(v, m.unit)).collect();
    whole["change"] = reading::change_words(m).map_or(Json::Null, Json::String);
    whole["baseline_period"] = m
        .baseline_value()
        .map_or(Json::Null, |v| Json::String(v.period.to_string()));
    whole["forecast"] = json!({
        "label": FORECAST_LABEL,
        "values": reading::forecast(m, 4).iter().map(|(p, y)| json!({"period": p.to_string(), "value": y})).collect::<Vec<_>>(),
    });
    Ok(whole)
}

fn show(register: &MeasureRegister, reference: &str, as_json: bool) -> anyhow::Result<ExitCode> {
    let m = &register.measures[edit::find(register, reference).map_err(|e| anyhow!(e))?];
    if as_json {
        println!("{}", serde_json::to_string_pretty(&measure_json(m)?)?);
        return Ok(ExitCode::SUCCESS);
    }
    print!("{}", show_text(m));
    Ok(ExitCode::SUCCESS)
}

fn show_text(m: &Measure) -> String {
    let mut out = format!("{}  {}\n", m.id, m.title);
    let kind = format!("{:?}", m.kind).to_lowercase();
    out.push_str(
        &format!(
            "{kind}, {:?}, reported {}, {}\n",
            m.unit,
            m.frequency.slug(),
            reading::better_words(m.better)
        )
        .to_lowercase(),
    );
    for (label, text) in [
        ("Definition", &m.definition),
        ("Numerator", &m.numerator),
        ("Denominator", &m.denominator),
        ("Owner", &m.owner),
    ] {
        if !text.is_empty() {
            out.push_str(&format!("{label}: {text}\n"));
        }
    }
    for (label, text) in [
        ("Source", &m.source),
        ("Area", &m.area),
        ("Module 5", &m.module5),
    ] {
        if let Some(text) = text {
            out.push_str(&format!("{label}: {text}\n"));
        }
    }
    out.push_str("\nValues:\n");
    let baseline = m.baseline_value().map(|v| v.period);
    for v in &m.values {
        let line = reading::value_line(v, m.unit);
        let line = if Some(v.period) == baseline {
            line.replacen(':', " (baseline):", 1)
        } else {
            line
        };
        out.push_str(&format!("  {line}\n"));
    }
    if let Some(change) = reading::change_words(m) {
        out.push_str(&format!("Change: {change}\n"));
    }
    let forecast = reading::forecast(m, 4);
    if !forecast.is_empty() {
        out.push_str(&format!("\n{FORECAST_LABEL}:\n"));
        for (p, y) in forecast {
            out.push_str(&format!("  {p}: {}\n", reading::amount(y, m.unit)));
        }
    }
    for w in &m.worksheets {
        out.push_str(&worksheet_text(w));
    }
    out
}

/// A worksheet step by step, under the steps' own titles.
fn worksheet_text(w: &Worksheet) -> String {
    let mut out = format!("\nTurning the Curve {} ({})\n", w.date, w.id);
    let mut lines = |step: Step, items: Vec<String>| {
        out.push_str(&format!("  {}\n", step.title()));
        for item in items.iter().filter(|i| !i.trim().is_empty()) {
            out.push_str(&format!("    {item}\n"));
        }
    };
    lines(Step::HowAreWeDoing, vec![w.how_are_we_doing.clone()]);
    lines(Step::Story, vec![w.story.clone()]);
    let partners = w.partners.iter().map(|p| format!("{}: {}", p.name, p.role));
    lines(Step::Partners, partners.collect());
    let works = w
        .what_works
        .iter()
        .map(|x| format!("{} (evidence: {})", x.idea, x.evidence));
    lines(Step::WhatWorks, works.collect());
    let proposals = w.proposals.iter().map(|p| {
        let agreed = p
            .priority
            .as_ref()
            .map_or_else(String::new, |id| format!(" -> priority {id}"));
        format!("{}: {}{agreed}", p.id, p.text)
    });
    lines(Step::Proposals, proposals.collect());
    out
}

fn library(global: &GlobalArgs) -> Library {
    load_library(&user_content_paths(global))
}

fn module5_list(global: &GlobalArgs, area: Option<&str>) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let library = library(global);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (id, m) in module5::measures(&library) {
        if area.is_some_and(|a| a != m.area) {
            continue;
        }
        let mark = match module5::damaged_in_source(m) {
            Some(note) => {
                format!("\tbroken in the source ({note}): add it with --title in your own words")
            }
            None => String::new(),
        };
        let line = writeln!(
            out,
            "{id}\t{}\t{:?}\t{}{mark}",
            m.area, m.information, m.text
        );
        match line {
            // A reader that stopped early (`| head`) is not an error.
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => break,
            other => other?,
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn choice<T>(text: &Option<String>, what: &str, options: &[(&str, T)]) -> anyhow::Result<Option<T>>
where
    T: Copy,
{
    let Some(text) = text else { return Ok(None) };
    let wanted = text.trim().to_lowercase();
    options
        .iter()
        .find(|(name, _)| *name == wanted)
        .map(|(_, v)| Some(*v))
        .ok_or_else(|| {
            let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
            anyhow!("{what} {text:?}: expected {}", names.join(", "))
        })
}

fn apply_fields(m: &mut Measure, args: &MeasureAddArgs) -> anyhow::Result<()> {
    if let Some(kind) = &args.kind {
        m.kind = edit::information_from(kind)
            .ok_or_else(|| anyhow!("kind {kind:?}: expected quantity, quality or outcome"))?;
    }
    let units = [
        ("count", Unit::Count),
        ("percentage", Unit::Percentage),
        ("rate", Unit::Rate),
        ("days", Unit::Days),
    ];
    m.unit = choice(&args.unit, "unit", &units)?.unwrap_or(m.unit);
    m.better = choice(
        &args.better,
        "better",
        &[("higher", Better::Higher), ("lower", Better::Lower)],
    )?
    .unwrap_or(m.better);
    let frequencies = Frequency::ALL.map(|f| (f.slug(), f));
    m.frequency = choice(&args.frequency, "frequency", &frequencies)?.unwrap_or(m.frequency);
    let coverage = [
        ("whole-group", Coverage::WholeGroup),
        ("sample", Coverage::Sample),
    ];
    m.coverage = choice(&args.coverage, "coverage", &coverage)?.or(m.coverage);
    if let Some(source) = &args.source {
        const SOURCES: [&str; 4] = [
            "children-parents-carers",
            "frontline-staff-managers",
            "case-records",
            "management-information",
        ];
        if !SOURCES.contains(&source.as_str()) {
            bail!(
                "source {source:?}: expected one of the framework's four: {}",
                SOURCES.join(", ")
            );
        }
        m.source = Some(source.clone());
    }
    for (field, value) in [
        (&mut m.definition, &args.definition),
        (&mut m.numerator, &args.numerator),
        (&mut m.denominator, &args.denominator),
        (&mut m.owner, &args.owner),
    ] {
        if let Some(value) = value {
            *field = value.clone();
        }
    }
    m.breakdowns.extend(args.breakdowns.iter().cloned());
    if args.area.is_some() {
        m.area = args.area.clone();
    }
    Ok(())
}

fn add(global: &GlobalArgs, args: &MeasureAddArgs) -> anyhow::Result<ExitCode> {
    let library = library(global);
    let now = Timestamp::now();
    let (id, title) = change(global, |register, ids| {
        let id = edit::fresh_id(register, ids);
        let mut measure = match (&args.from_module5, &args.title) {
            (Some(source), title) => {
                edit::from_module5(&library, source, title.as_deref(), id, now)
                    .map_err(|e| anyhow!(e))?
            }
            (None, Some(title)) if !title.trim().is_empty() => {
                Measure::new(id, title.trim().to_owned(), now)
            }
            (None, _) => bail!(
                "give --from-module5 ID (see `howgood measures module5`) or --title for your own measure"
            ),
        };
        apply_fields(&mut measure, args)?;
        let shown = (measure.id.clone(), measure.title.clone());
        register.measures.push(measure);
        Ok(shown)
    })?;
    println!("{id}\t{title}");
    Ok(ExitCode::SUCCESS)
}

fn pair(text: &str, what: &str) -> anyhow::Result<(String, String)> {
    let (name, value) = text
        .rsplit_once('=')
        .ok_or_else(|| anyhow!("{what} {text:?}: expected NAME=VALUE"))?;
    Ok((name.trim().to_owned(), value.trim().to_owned()))
}

fn number(text: &str) -> anyhow::Result<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| anyhow!("{text:?} is not a number"))
}

fn record_value(args: &MeasureRecordArgs) -> anyhow::Result<Value> {
    let period: Period = args.period.parse().map_err(|e: String| anyhow!(e))?;
    let figure = match args.denominator {
        Some(denominator) => Figure::Fraction {
            numerator: args.value,
            denominator,
        },
        None => Figure::Number(args.value),
    };
    let mut value = edit::value(period, figure);
    for text in &args.breakdowns {
        let (name, n) = pair(text, "breakdown")?;
        value.breakdowns.push(Breakdown {
            name,
            figure: Figure::Number(number(&n)?),
        });
    }
    for text in &args.comparators {
        let (kind, n) = pair(text, "comparator")?;
        let kind = reading::comparator_from_slug(&kind).ok_or_else(|| {
            anyhow!("comparator {kind:?}: expected national, statistical-neighbours or target")
        })?;
        value.comparators.push(Comparator {
            kind,
            value: number(&n)?,
        });
    }
    value.note = args.note.clone();
    Ok(value)
}

fn record(global: &GlobalArgs, args: &MeasureRecordArgs) -> anyhow::Result<ExitCode> {
    let value = record_value(args)?;
    let line = change(global, |register, _| {
        let index = edit::find(register, &args.measure).map_err(|e| anyhow!(e))?;
        let measure = &mut register.measures[index];
        let period = value.period;
        edit::record(measure, value).map_err(|p| anyhow!(p.join("\n")))?;
        if args.baseline {
            measure.baseline = Some(period);
        }
        let shown = measure
            .value_for(period)
            .map(|v| reading::value_line(v, measure.unit));
        Ok(format!("{}\t{}", measure.id, shown.unwrap_or_default()))
    })?;
    println!("{line}");
    Ok(ExitCode::SUCCESS)
}

fn baseline(global: &GlobalArgs, reference: &str, period: &str) -> anyhow::Result<ExitCode> {
    let period: Period = period.parse().map_err(|e: String| anyhow!(e))?;
    let line = change(global, |register, _| {
        let index = edit::find(register, reference).map_err(|e| anyhow!(e))?;
        let measure = &mut register.measures[index];
        if measure.value_for(period).is_none() {
            bail!(
                "{} has no value for {period}: record it first",
                measure.title
            );
        }
        measure.baseline = Some(period);
        Ok(format!(
            "{}\tbaseline {period}\t{}",
            measure.id,
            reading::change_words(measure).unwrap_or_default()
        ))
    })?;
    println!("{line}");
    Ok(ExitCode::SUCCESS)
}

fn run_import(
    global: &GlobalArgs,
    path: &std::path::Path,
    map: &[String],
) -> anyhow::Result<ExitCode> {
    let map = map
        .iter()
        .map(|m| import::parse_map(m))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow!(e))?;
    let bytes = crate::session::atomic::read_regular(path)
        .with_context(|| format!("{}", path.display()))?;
    let outcome = change(global, |register, _| {
        match import::import(register, path, &bytes, &map) {
            Ok((updated, count)) => {
                *register = updated;
                Ok(Ok(count))
            }
            Err(problems) => Ok(Err(problems)),
        }
    });
    match outcome? {
        Ok(count) => {
            println!("imported {count} values from {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            let rows = if problems.len() == 1 { "row" } else { "rows" };
            eprintln!("nothing imported: {} bad {rows}", problems.len());
            Ok(ExitCode::FAILURE)
        }
    }
}

fn curve(global: &GlobalArgs, reference: &str, command: &CurveCommand) -> anyhow::Result<ExitCode> {
    let line = change(global, |register, ids| {
        let fresh = edit::fresh_id(register, ids);
        let index = edit::find(register, reference).map_err(|e| anyhow!(e))?;
        let measure = &mut register.measures[index];
        match command {
            CurveCommand::New { date } => {
                let sheet = edit::start_worksheet(measure, date.unwrap_or_else(today), fresh);
                Ok(sheet.id.clone())
            }
            CurveCommand::Write {
                worksheet,
                doing,
                story,
                partners,
                works,
            } => {
                let sheet =
                    edit::worksheet_mut(measure, worksheet.as_deref()).map_err(|e| anyhow!(e))?;
                if let Some(doing) = doing {
                    sheet.how_are_we_doing = doing.clone();
                }
                if let Some(story) = story {
                    sheet.story = story.clone();
                }
                for p in partners {
                    let (name, role) = p.split_once('=').unwrap_or((p, ""));
                    edit::add_partner(sheet, name, role);
                }
                for w in works {
                    let (idea, evidence) = w.split_once('=').unwrap_or((w, ""));
                    edit::add_what_works(sheet, idea, evidence);
                }
                Ok(sheet.id.clone())
            }
            CurveCommand::Propose { text, worksheet } => {
                let sheet =
                    edit::worksheet_mut(measure, worksheet.as_deref()).map_err(|e| anyhow!(e))?;
                edit::propose(sheet, text, fresh.clone()).map_err(|e| anyhow!(e))?;
                Ok(fresh)
            }
            CurveCommand::Adopt {
                proposal,
                owner,
                due,
            } => edit::adopt(measure, proposal, owner, *due, fresh).map_err(|e| anyhow!(e)),
        }
    })?;
    println!("{line}");
    Ok(ExitCode::SUCCESS)
}
