//! `howgood trends FRAMEWORK`: each item's agreed levels over time, as
//! numbers and words with the participants' spread. Levels are listed side
//! by side and never averaged, added up or turned into a score.

use crate::cli::{GlobalArgs, LevelsFormat, TrendsArgs};
use crate::commands::content::{load_library, user_content_paths};
use crate::commands::sessions::open_store;
use crate::content::library::Library;
use crate::content::model::Scale;
use crate::content::query;
use crate::export::common::item_name;
use crate::export::csv::LevelNames;
use crate::session::model::ScaleChoice;
use crate::session::register::{LevelPoint, Register, Scan};
use anyhow::bail;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::process::ExitCode;

pub use crate::app::text::NEVER_AVERAGED;

fn scale_of<'a>(library: &'a Library, framework: &str, scale: &ScaleChoice) -> Option<&'a Scale> {
    let id = match scale {
        ScaleChoice::Framework => framework,
        ScaleChoice::Borrowed(id) => id.as_str(),
    };
    library.framework(id).and_then(|f| f.scale.as_ref())
}

/// Each session's scale, by session id.
type Scales<'a> = HashMap<String, Option<&'a Scale>>;

/// What the levels are read from: the index, or the files when the index
/// cannot be used.
enum Source<'a> {
    Index(crate::index::register::IndexRegister<'a>),
    Files(Scan),
}

impl Source<'_> {
    fn levels(&self, framework: &str, item: Option<&str>) -> Vec<LevelPoint> {
        match self {
            Source::Index(r) => r.levels(framework, item),
            Source::Files(r) => r.levels(framework, item),
        }
    }

    fn scales<'l>(&self, library: &'l Library, framework: &str) -> Scales<'l> {
        let choices: Vec<(String, ScaleChoice)> = match self {
            Source::Index(r) => r.scales(framework),
            Source::Files(r) => r.scales(framework),
        };
        choices
            .into_iter()
            .map(|(id, choice)| (id, scale_of(library, framework, &choice)))
            .collect()
    }
}

fn word(scale: Option<&Scale>, level: u8) -> Option<String> {
    scale
        .and_then(|s| s.levels.iter().find(|l| l.number == level))
        .map(|l| l.word.clone())
}

/// Items in the framework's own order; items it does not know come last.
fn item_order(library: &Library, framework: &str, points: &[LevelPoint]) -> Vec<String> {
    let mut order: Vec<String> = library
        .framework(framework)
        .map(|f| query::evaluable_ids(f).map(str::to_owned).collect())
        .unwrap_or_default();
    let present: HashSet<&str> = points.iter().map(|p| p.item.as_str()).collect();
    order.retain(|id| present.contains(id.as_str()));
    let mut listed: HashSet<String> = order.iter().cloned().collect();
    for point in points {
        if listed.insert(point.item.clone()) {
            order.push(point.item.clone());
        }
    }
    order
}

/// The whole trends answer as JSON.
fn trends_json(library: &Library, register: &Source, framework: &str, item: Option<&str>) -> Value {
    let points = register.levels(framework, item);
    let scales = register.scales(library, framework);
    // Sets and maps, not searches: 100,000 sessions' levels would
    // otherwise take billions of comparisons.
    let mut sessions: Vec<Value> = Vec::new();
    let mut seen = HashSet::new();
    for point in &points {
        if seen.insert(point.session_id.as_str()) {
            sessions.push(json!({
                "id": point.session_id,
                "title": point.session_title,
                "date": point.session_date.to_string(),
                "locality": point.locality,
            }));
        }
    }
    let mut by_item: HashMap<&str, Vec<&LevelPoint>> = HashMap::new();
    for point in &points {
        by_item.entry(point.item.as_str()).or_default().push(point);
    }
    let items: Vec<Value> = item_order(library, framework, &points)
        .into_iter()
        .map(|id| {
            let levels: Vec<Value> = by_item
                .get(id.as_str())
                .into_iter()
                .flatten()
                .map(|p| {
                    let scale = scales.get(p.session_id.as_str()).copied().flatten();
                    let spread: Vec<Value> = p
                        .spread
                        .iter()
                        .map(|i| json!({"participant": i.participant, "level": i.level, "word": word(scale, i.level)}))
                        .collect();
                    json!({
                        "session_id": p.session_id,
                        "date": p.session_date.to_string(),
                        "level": p.level,
                        "word": p.level.and_then(|l| word(scale, l)),
                        // An Ofsted statement takes no level: say so.
                        "recorded_as": p.level.is_none().then(|| {
                            crate::export::common::statement_words(library, framework, &id)
                        }).flatten(),
                        "spread": spread,
                    })
                })
                .collect();
            let name = item_name(library.framework(framework), &id);
            json!({
                "item": id,
                "number": name.number,
                "title": name.title,
                "agency": (!name.agency.is_empty()).then_some(name.agency),
                "levels": levels,
            })
        })
        .collect();
    json!({
        "framework": framework,
        "item": item,
        "note": NEVER_AVERAGED,
        "sessions": sessions,
        "items": items,
    })
}

fn level_text(level: &Value) -> String {
    match (level["level"].as_u64(), level["word"].as_str()) {
        (Some(n), Some(w)) => format!("{n} {w}"),
        (Some(n), None) => n.to_string(),
        _ => level["recorded_as"]
            .as_str()
            .unwrap_or("not yet evaluated")
            .to_owned(),
    }
}

/// "5.3 Recognising and assessing risks and needs", with the agency of a
/// judgement: "3 Health agencies: Help and protection".
fn item_heading(item: &Value) -> String {
    let field = |name: &str| item[name].as_str().unwrap_or_default();
    let title = match field("agency") {
        "" => field("title").to_owned(),
        agency => format!("{agency}: {}", field("title")),
    };
    format!("{} {title}", field("number")).trim().to_owned()
}

fn print_text(answer: &Value) {
    println!("{NEVER_AVERAGED}");
    let titles: HashMap<&str, &str> = answer["sessions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| Some((s["id"].as_str()?, s["title"].as_str()?)))
        .collect();
    let title_of = |id: &str| titles.get(id).copied().unwrap_or_default().to_owned();
    for item in answer["items"].as_array().into_iter().flatten() {
        println!("\n{}", item_heading(item));
        for level in item["levels"].as_array().into_iter().flatten() {
            let spread: Vec<String> = level["spread"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|i| {
                    format!(
                        "{} {}",
                        i["participant"].as_str().unwrap_or_default(),
                        i["level"]
                    )
                })
                .collect();
            let session = level["session_id"].as_str().unwrap_or_default();
            let mut line = format!(
                "  {}  {}  {}",
                level["date"].as_str().unwrap_or_default(),
                level_text(level),
                title_of(session).replace(['\n', '\t'], " ")
            );
            if !spread.is_empty() {
                line.push_str(&format!("  (each: {})", spread.join(", ")));
            }
            println!("{line}");
        }
    }
}

/// The levels as a CSV or Excel file: one row per item per session.
fn write_file(
    global: &GlobalArgs,
    library: &Library,
    register: &Source,
    args: &TrendsArgs,
    format: LevelsFormat,
) -> anyhow::Result<ExitCode> {
    let points = register.levels(&args.framework, args.item.as_deref());
    let scales = register.scales(library, &args.framework);
    let word = |p: &LevelPoint, level: u8| {
        word(scales.get(p.session_id.as_str()).copied().flatten(), level)
    };
    let framework = library.framework(&args.framework);
    let item = |p: &LevelPoint| item_name(framework, &p.item);
    let no_level =
        |p: &LevelPoint| crate::export::common::statement_words(library, &args.framework, &p.item);
    let names = LevelNames {
        item: &item,
        word: &word,
        no_level: &no_level,
    };
    let (bytes, extension) = match format {
        LevelsFormat::Csv => (crate::export::csv::levels_csv(&points, &names), "csv"),
        LevelsFormat::Xlsx => (
            crate::export::xlsx::workbook(&[crate::export::xlsx::levels_sheet(&points, &names)])?,
            "xlsx",
        ),
    };
    crate::commands::export::write_output(
        global,
        args.output.as_deref(),
        &format!("trends-{}.{extension}", args.framework),
        &bytes,
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn run(global: &GlobalArgs, args: &TrendsArgs) -> anyhow::Result<ExitCode> {
    let library = load_library(&user_content_paths(global));
    if library.framework(&args.framework).is_none() {
        bail!(
            "unknown framework '{}'; `howgood content list` lists them",
            args.framework
        );
    }
    let store = open_store(global)?;
    let index = crate::commands::sessions::current_index(global, &store).ok();
    let register = match &index {
        Some((index, _)) => Source::Index(index.register()),
        None => {
            let (register, problems) = Scan::of_store(&store);
            for problem in problems {
                eprintln!("warning: not read: {problem}");
            }
            Source::Files(register)
        }
    };
    if let Some(format) = args.format {
        return write_file(global, &library, &register, args, format);
    }
    let answer = trends_json(&library, &register, &args.framework, args.item.as_deref());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&answer)?);
    } else if answer["items"].as_array().is_none_or(|a| a.is_empty()) {
        eprintln!("no sessions of {} have recorded levels", args.framework);
    } else {
        print_text(&answer);
    }
    Ok(ExitCode::SUCCESS)
}
