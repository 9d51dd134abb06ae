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
use crate::export::csv::{CsvRows, LEVEL_HEADER, LevelNames, level_row};
use crate::session::model::ScaleChoice;
use crate::session::register::{LevelPoint, LevelsQuery, Register, Scan};
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

    /// The items with levels (only `item`, if given), in the framework's
    /// order; items it does not know come last.
    fn items(&self, library: &Library, framework: &str, item: Option<&str>) -> Vec<String> {
        let present = match self {
            Source::Index(r) => {
                r.levels_page(&LevelsQuery {
                    framework: framework.to_owned(),
                    ..LevelsQuery::default()
                })
                .items
            }
            Source::Files(r) => {
                let mut all: Vec<String> = r
                    .levels(framework, None)
                    .into_iter()
                    .map(|p| p.item)
                    .collect();
                all.sort();
                all.dedup();
                all
            }
        };
        item_order(library, framework, present)
            .into_iter()
            .filter(|id| item.is_none_or(|i| i == id))
            .collect()
    }

    /// Each session with levels (of `item`), by date, as read.
    fn each_session(
        &self,
        framework: &str,
        item: Option<&str>,
        each: &mut dyn FnMut(LevelPoint),
    ) -> rusqlite::Result<()> {
        match self {
            Source::Index(r) => r.each_session_with_levels(framework, item, each),
            Source::Files(r) => {
                let mut seen = HashSet::new();
                for point in r.levels(framework, item) {
                    if seen.insert(point.session_id.clone()) {
                        each(point);
                    }
                }
                Ok(())
            }
        }
    }

    /// Each level (of `item`, if given), by session date, as read.
    fn each_level_by_date(
        &self,
        framework: &str,
        item: Option<&str>,
        each: &mut dyn FnMut(LevelPoint),
    ) -> rusqlite::Result<()> {
        match self {
            Source::Index(r) => r.each_level(framework, item, &mut |p, _| each(p)),
            Source::Files(r) => {
                r.levels(framework, item).into_iter().for_each(each);
                Ok(())
            }
        }
    }

    /// Each level of one item, by session date, with its session's scale,
    /// as read: from the index nothing is held.
    fn each_level(
        &self,
        framework: &str,
        item: &str,
        each: &mut dyn FnMut(LevelPoint, ScaleChoice),
    ) -> rusqlite::Result<()> {
        match self {
            Source::Index(r) => r.each_level(framework, Some(item), each),
            Source::Files(r) => {
                let scales: HashMap<String, ScaleChoice> =
                    r.scales(framework).into_iter().collect();
                for point in r.levels(framework, Some(item)) {
                    let scale = scales
                        .get(&point.session_id)
                        .cloned()
                        .unwrap_or(ScaleChoice::Framework);
                    each(point, scale);
                }
                Ok(())
            }
        }
    }
}

fn word(scale: Option<&Scale>, level: u8) -> Option<String> {
    scale
        .and_then(|s| s.levels.iter().find(|l| l.number == level))
        .map(|l| l.word.clone())
}

/// Items in the framework's own order; items it does not know come last.
fn item_order(library: &Library, framework: &str, present: Vec<String>) -> Vec<String> {
    let known: HashSet<&str> = present.iter().map(String::as_str).collect();
    let mut order: Vec<String> = library
        .framework(framework)
        .map(|f| {
            query::evaluable_ids(f)
                .filter(|id| known.contains(id))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let listed: HashSet<String> = order.iter().cloned().collect();
    order.extend(present.into_iter().filter(|id| !listed.contains(id)));
    order
}

/// The whole trends answer, written as it is read: sessions, then each
/// item's levels. Nothing is held but one row at a time.
struct Answer<'a> {
    library: &'a Library,
    source: &'a Source<'a>,
    framework: &'a str,
    item: Option<&'a str>,
}

impl serde::Serialize for Answer<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("framework", self.framework)?;
        map.serialize_entry("item", &self.item)?;
        map.serialize_entry("note", NEVER_AVERAGED)?;
        map.serialize_entry("sessions", &Sessions(self))?;
        map.serialize_entry("items", &Items(self))?;
        map.end()
    }
}

/// Serialize each value a reader hands over as one sequence, keeping the
/// first error of either side.
fn stream<S: serde::Serializer>(
    serializer: S,
    read: impl FnOnce(&mut dyn FnMut(Value)) -> rusqlite::Result<()>,
) -> Result<S::Ok, S::Error> {
    use serde::ser::{Error, SerializeSeq};
    let mut seq = serializer.serialize_seq(None)?;
    let mut failed = None;
    read(&mut |value| {
        if failed.is_none()
            && let Err(e) = seq.serialize_element(&value)
        {
            failed = Some(e);
        }
    })
    .map_err(S::Error::custom)?;
    if let Some(e) = failed {
        return Err(e);
    }
    seq.end()
}

struct Sessions<'a>(&'a Answer<'a>);

impl serde::Serialize for Sessions<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        stream(serializer, |put| {
            a.source.each_session(a.framework, a.item, &mut |p| {
                put(json!({
                    "id": p.session_id,
                    "title": p.session_title,
                    "date": p.session_date.to_string(),
                    "locality": p.locality,
                }))
            })
        })
    }
}

struct Items<'a>(&'a Answer<'a>);

impl serde::Serialize for Items<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let a = self.0;
        let items = a.source.items(a.library, a.framework, a.item);
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for id in &items {
            seq.serialize_element(&Item(a, id))?;
        }
        seq.end()
    }
}

struct Item<'a>(&'a Answer<'a>, &'a str);

impl serde::Serialize for Item<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let Item(a, id) = *self;
        let name = item_name(a.library.framework(a.framework), id);
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("item", id)?;
        map.serialize_entry("number", &name.number)?;
        map.serialize_entry("title", &name.title)?;
        map.serialize_entry("agency", &(!name.agency.is_empty()).then_some(&name.agency))?;
        map.serialize_entry("levels", &Levels(a, id))?;
        map.end()
    }
}

struct Levels<'a>(&'a Answer<'a>, &'a str);

impl serde::Serialize for Levels<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Levels(a, id) = *self;
        // An Ofsted statement takes no level: its rows say so.
        let statement = crate::export::common::statement_words(a.library, a.framework, id);
        stream(serializer, |put| {
            a.source.each_level(a.framework, id, &mut |p, choice| {
                put(level_json(
                    a.library,
                    a.framework,
                    &p,
                    &choice,
                    statement.as_deref(),
                ))
            })
        })
    }
}

fn level_json(
    library: &Library,
    framework: &str,
    p: &LevelPoint,
    choice: &ScaleChoice,
    statement: Option<&str>,
) -> Value {
    let scale = scale_of(library, framework, choice);
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
        "recorded_as": if p.level.is_none() { statement } else { None },
        "spread": spread,
        "session_title": p.session_title,
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
fn item_heading(name: &crate::export::common::ItemName) -> String {
    let title = match name.agency.as_str() {
        "" => name.title.clone(),
        agency => format!("{agency}: {}", name.title),
    };
    format!("{} {title}", name.number).trim().to_owned()
}

/// The levels as text, item by item, written as they are read.
fn print_text(a: &Answer) -> anyhow::Result<bool> {
    use std::io::Write;
    let items = a.source.items(a.library, a.framework, a.item);
    if items.is_empty() {
        return Ok(false);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "{NEVER_AVERAGED}")?;
    for id in &items {
        let name = item_name(a.library.framework(a.framework), id);
        writeln!(out, "\n{}", item_heading(&name))?;
        let statement = crate::export::common::statement_words(a.library, a.framework, id);
        let mut failed = Ok(());
        a.source.each_level(a.framework, id, &mut |p, choice| {
            let level = level_json(a.library, a.framework, &p, &choice, statement.as_deref());
            if failed.is_ok() {
                failed = writeln!(out, "{}", level_line(&level));
            }
        })?;
        failed?;
    }
    out.flush()?;
    Ok(true)
}

/// "  2026-03-10  2 weak  March workshop  (each: Police 3, Health 2)".
fn level_line(level: &Value) -> String {
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
    let mut line = format!(
        "  {}  {}  {}",
        level["date"].as_str().unwrap_or_default(),
        level_text(level),
        level["session_title"]
            .as_str()
            .unwrap_or_default()
            .replace(['\n', '\t'], " ")
    );
    if !spread.is_empty() {
        line.push_str(&format!("  (each: {})", spread.join(", ")));
    }
    line
}

/// The levels as a CSV or Excel file: one row per item per session.
fn write_file(
    global: &GlobalArgs,
    library: &Library,
    register: &Source,
    args: &TrendsArgs,
    format: LevelsFormat,
) -> anyhow::Result<ExitCode> {
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
    let (framework, only) = (&args.framework, args.item.as_deref());
    let (bytes, extension) = match format {
        // Row by row as read: 100,000 sessions' levels are never all held.
        LevelsFormat::Csv => {
            let mut table = CsvRows::new(&LEVEL_HEADER);
            register
                .each_level_by_date(framework, only, &mut |p| table.row(&level_row(&p, &names)))?;
            (table.finish(), "csv")
        }
        LevelsFormat::Xlsx => {
            let points = register.levels(framework, only);
            let sheet = crate::export::xlsx::levels_sheet(&points, &names);
            (crate::export::xlsx::workbook(&[sheet])?, "xlsx")
        }
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
    let answer = Answer {
        library: &library,
        source: &register,
        framework: &args.framework,
        item: args.item.as_deref(),
    };
    if args.json {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        serde_json::to_writer_pretty(&mut out, &answer)?;
        std::io::Write::write_all(&mut out, b"\n")?;
        std::io::Write::flush(&mut out)?;
    } else if !print_text(&answer)? {
        eprintln!("no sessions of {} have recorded levels", args.framework);
    }
    Ok(ExitCode::SUCCESS)
}
