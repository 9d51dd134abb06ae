//! `howgood export SESSION --format md|html|csv|ics|json` and `howgood
//! import FILE.json`; also where every export is written (shared with
//! `actions --format` and `trends --format`).

use crate::app::text::cli as words;
use crate::cli::{ExportArgs, ExportFormat, GlobalArgs, ImportArgs};
use crate::commands::content::{load_library, user_content_paths};
use crate::commands::sessions::open_store;
use crate::export::{self, common};
use crate::paths;
use crate::session::atomic::{create_private_dir, write_atomic};
use crate::session::ids::{is_valid_id, new_session_id};
use crate::session::model::Session;
use crate::session::register::{Register, Scan};
use crate::session::store::OpenSession;
use anyhow::{Context, bail};
use jiff::Timestamp;
use jiff::civil::Date;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn today() -> Date {
    Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date()
}

/// Write an export: to standard output for `-`, to the path `-o` names,
/// or else as `name` in `<data dir>/exports/` (a private folder). Always
/// atomic and private (0600). `name` is made by howgood from an id, so it
/// never leaves that folder.
pub fn write_output(
    global: &GlobalArgs,
    output: Option<&Path>,
    name: &str,
    bytes: &[u8],
) -> anyhow::Result<()> {
    let target: PathBuf = match output {
        Some(p) if p.as_os_str() == "-" => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            return Ok(());
        }
        Some(p) => p.to_owned(),
        None => {
            if name.contains(['/', '\\']) || name.starts_with('.') {
                bail!(words::not_a_file_name(name));
            }
            let dir = paths::data_dir(global.data_dir.as_ref())
                .context(words::NO_DATA_FOLDER_FOR_EXPORT)?
                .join("exports");
            create_private_dir(&dir).with_context(|| format!("creating {}", dir.display()))?;
            dir.join(name)
        }
    };
    write_atomic(&target, bytes).with_context(|| format!("writing {}", target.display()))?;
    println!("{}", target.display());
    Ok(())
}

/// Read the session named on the command line.
fn load(global: &GlobalArgs, name: &str) -> anyhow::Result<Session> {
    let store = open_store(global)?;
    let path = crate::session::resolve::resolve(&store, name).map_err(anyhow::Error::msg)?;
    let (_, decoded) = crate::session::store::read_session(&path)?;
    Ok(decoded.session)
}

pub fn run(global: &GlobalArgs, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let library = load_library(&user_content_paths(global));
    let session = load(global, &args.session)?;
    let (session, left_out) = common::without_private(&session, args.include_private);
    let bytes = match args.format {
        ExportFormat::Md => {
            export::session_markdown_noting(&session, &library, today(), left_out).into_bytes()
        }
        ExportFormat::Html => {
            let env = export::html::environment(paths::user_templates_dir().as_deref())?;
            export::html::session_html(&env, &session, &library, today(), left_out)?.into_bytes()
        }
        ExportFormat::Csv => export::csv::priorities_csv(&session),
        ExportFormat::Ics => {
            let rows = Scan::new(vec![session.clone()]).actions();
            export::ics::actions_calendar(&rows, &session.title).into_bytes()
        }
        ExportFormat::Json => export::json::session_json(&session, left_out).into_bytes(),
    };
    let name = format!("{}.{}", session.id, args.format.extension());
    write_output(global, args.output.as_deref(), &name, &bytes)?;
    if let Some(notice) = common::private_notice(left_out) {
        eprintln!("{}", words::left_out(&notice));
    }
    Ok(ExitCode::SUCCESS)
}

/// A session from a JSON export, saved as a new session file; a session
/// with the same id is never overwritten (the import gets a new id).
pub fn import(
    store: &crate::session::store::SessionStore,
    text: &str,
    now: Timestamp,
) -> anyhow::Result<(Session, usize, PathBuf)> {
    let (mut session, left_out) = export::json::read_session(text)?;
    let mut path = store.path_of(&session.id);
    while !is_valid_id(&session.id) || path.exists() {
        session.id = new_session_id(&session.title, now);
        path = store.path_of(&session.id);
    }
    OpenSession::create(&path, &session, now)?;
    Ok((session, left_out, path))
}

pub fn run_import(global: &GlobalArgs, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let store = open_store(global)?;
    let (session, left_out, path) = import(&store, &text, Timestamp::now())
        .with_context(|| format!("importing {}", args.file.display()))?;
    println!("{}\t{}", session.id, path.display());
    if let Some(notice) = common::private_notice(left_out) {
        eprintln!(
            "note: the export this came from left {notice}",
            notice = notice.replace(" not included", " out")
        );
    }
    Ok(ExitCode::SUCCESS)
}
