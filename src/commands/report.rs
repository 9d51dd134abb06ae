//! `howgood report`: the Safeguarding Children Report Book as one HTML
//! file, or its tables (actions, levels, measure values) as a workbook.

use crate::app::text::cli as words;
use crate::cli::{GlobalArgs, ReportArgs, ReportFormat};
use crate::commands::content::{load_library, user_content_paths};
use crate::commands::export::write_output;
use crate::commands::measures::read_register;
use crate::commands::sessions::open_store;
use crate::content::library::Library;
use crate::export::common;
use crate::export::report::{
    BookInput, parse_stories, period_sessions, private_left_out, report_html,
};
use crate::export::xlsx::{self, Sheet};
use crate::paths;
use crate::session::model::{ScaleChoice, Session};
use crate::session::register::{LevelPoint, Register, Scan};
use anyhow::{Context, bail};
use jiff::Timestamp;
use jiff::civil::Date;
use std::process::ExitCode;

fn today() -> Date {
    jiff::tz::TimeZone::system()
        .to_datetime(Timestamp::now())
        .date()
}

pub fn run(global: &GlobalArgs, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        bail!(words::from_after_to(&from.to_string(), &to.to_string()));
    }
    let library = load_library(&user_content_paths(global));
    if let Some(id) = &args.framework
        && library.framework(id).is_none()
    {
        bail!(words::unknown_framework(id));
    }
    let store = open_store(global)?;
    let (scan, problems) = Scan::of_store(&store);
    for problem in problems {
        eprintln!("{}", words::not_read(&problem));
    }
    let measures = read_register(global)?;
    let actions = scan
        .clone()
        .with_outside(crate::measures::actions::action_rows(&measures))
        .actions();
    let stories = match &args.stories {
        Some(path) => parse_stories(
            &std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?,
        ),
        None => Vec::new(),
    };
    let input = BookInput {
        library: &library,
        sessions: scan.sessions,
        measures: &measures,
        actions,
        partnership: args.partnership.clone(),
        from: args.from,
        to: args.to,
        framework: args.framework.clone(),
        include_private: args.include_private,
        stories,
        today: today(),
    };
    let (bytes, extension) = match args.format {
        ReportFormat::Html => {
            let env = crate::export::html::environment(paths::user_templates_dir().as_deref())?;
            (report_html(&env, &input)?.into_bytes(), "html")
        }
        ReportFormat::Xlsx => (xlsx::workbook(&sheets(&input))?, "xlsx"),
    };
    write_output(
        global,
        args.output.as_deref(),
        &format!("report.{extension}"),
        &bytes,
    )?;
    if args.format == ReportFormat::Html
        && let Some(notice) = common::private_notice(private_left_out(&input))
    {
        eprintln!("{}", words::left_out(&notice));
    }
    Ok(ExitCode::SUCCESS)
}

fn word(library: &Library, session: Option<&Session>, level: u8) -> Option<String> {
    let session = session?;
    let id = match &session.scale {
        ScaleChoice::Framework => session.framework.as_str(),
        ScaleChoice::Borrowed(id) => id.as_str(),
    };
    let scale = library.framework(id)?.scale.as_ref()?;
    common::level_words(Some(scale), level)
}

/// The workbook's sheets: the actions of the period, the levels of the
/// period's sessions, and every measure's values.
fn sheets(input: &BookInput) -> Vec<Sheet> {
    let scan = Scan::new(period_sessions(input).cloned().collect());
    let mut frameworks: Vec<&str> = scan.sessions.iter().map(|s| s.framework.as_str()).collect();
    frameworks.sort_unstable();
    frameworks.dedup();
    let points: Vec<LevelPoint> = frameworks
        .iter()
        .flat_map(|f| scan.levels(f, None))
        .collect();
    let word = |p: &LevelPoint, level: u8| {
        let session = scan.sessions.iter().find(|s| s.id == p.session_id);
        word(input.library, session, level)
    };
    let item = |p: &LevelPoint| {
        let session = scan.sessions.iter().find(|s| s.id == p.session_id);
        let framework = session.and_then(|s| input.library.framework(&s.framework));
        crate::export::common::item_name(framework, &p.item)
    };
    // Each session is at hand here, so a statement gives its own state.
    let no_level = |p: &LevelPoint| {
        let session = scan.sessions.iter().find(|s| s.id == p.session_id)?;
        let record = session.items.iter().find(|r| r.item == p.item)?;
        crate::export::common::no_level_short(session, input.library, record)
    };
    let names = crate::export::csv::LevelNames {
        item: &item,
        word: &word,
        no_level: &no_level,
    };
    let actions: Vec<_> = input
        .actions
        .iter()
        .filter(|r| input.to.is_none_or(|t| r.session_date <= t))
        .filter(|r| input.framework.as_ref().is_none_or(|f| r.framework == *f))
        .filter(|r| match (r.done_on, input.from) {
            (Some(done), Some(from)) => done >= from,
            _ => true,
        })
        .cloned()
        .collect();
    vec![
        xlsx::actions_sheet(&actions),
        xlsx::levels_sheet(&points, &names),
        xlsx::measure_values_sheet(input.measures),
    ]
}
