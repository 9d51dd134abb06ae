//! `howgood new`, `howgood sessions list | restore`.

use crate::cli::{GlobalArgs, KindArg, NewArgs, SessionsCommand};
use crate::commands::content::load_library;
use crate::paths;
use crate::safe_io::{printable, printable_line};
use crate::session::create::build_session;
use crate::session::model::{Session, SessionKind};
use crate::session::store::{OpenSession, SessionStore, history_files};
use anyhow::{Context, bail};
use jiff::Timestamp;
use std::process::ExitCode;

/// Open the sessions folder and print any permission warnings.
pub fn open_store(global: &GlobalArgs) -> anyhow::Result<SessionStore> {
    let dir = paths::sessions_dir(global.data_dir.as_ref())
        .context("no data folder: pass --data-dir DIR or set HOWGOOD_DATA_DIR")?;
    let (store, warnings) = SessionStore::open(dir)?;
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
    Ok(store)
}

pub fn run_new(global: &GlobalArgs, args: &NewArgs) -> anyhow::Result<ExitCode> {
    let library = load_library(&crate::commands::content::user_content_paths(global));
    let kind = match args.kind {
        KindArg::Workshop => SessionKind::Workshop,
        KindArg::Supervision => SessionKind::Supervision,
        KindArg::Daily => SessionKind::DailyReview,
    };
    let now = Timestamp::now();
    let request = crate::session::create::Request {
        kind,
        framework: &args.framework,
        title: &args.title,
        items: &args.indicators,
        participants: &args.participants,
    };
    let suffix = (crate::session::ids::random_u64() & 0xffff) as u16;
    let session = build_session(&library, request, now, suffix)?;
    let store = open_store(global)?;
    let mut session = session;
    if let Some(earlier) = &args.follows {
        check_follows(&store, earlier, &session)?;
        session.follows = Some(earlier.clone());
    }
    session.locality = args
        .locality
        .as_ref()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());
    let path = store.path_of(&session.id);
    OpenSession::create(&path, &session, now)?;
    println!("{}\t{}", session.id, path.display());
    Ok(ExitCode::SUCCESS)
}

/// A session follows an earlier one of the same framework that exists.
fn check_follows(store: &SessionStore, earlier: &str, session: &Session) -> anyhow::Result<()> {
    if !crate::session::ids::is_valid_id(earlier) {
        bail!("'{earlier}' is not a session id; `howgood sessions list` lists them");
    }
    let path = store.path_of(earlier);
    let bytes = std::fs::read(&path)
        .with_context(|| format!("no session {earlier} to follow ({})", path.display()))?;
    let decoded = crate::session::codec::decode(&bytes)
        .map_err(|error| anyhow::anyhow!("{}: {error}", path.display()))?;
    if decoded.session.framework != session.framework {
        bail!(
            "{earlier} works through {}, not {}: a session follows one of the same framework",
            decoded.session.framework,
            session.framework
        );
    }
    Ok(())
}

pub fn run(global: &GlobalArgs, command: &SessionsCommand) -> anyhow::Result<ExitCode> {
    if let SessionsCommand::List { json } = command {
        // Listing reads: a data folder that is not there is not made.
        let dir = paths::sessions_dir(global.data_dir.as_ref())
            .context("no data folder: pass --data-dir DIR or set HOWGOOD_DATA_DIR")?;
        if !dir.exists() {
            return list(&SessionStore::at(dir), *json);
        }
    }
    let store = open_store(global)?;
    match command {
        SessionsCommand::List { json } => list(&store, *json),
        SessionsCommand::Restore { id } => {
            let known = crate::session::ids::is_valid_id(id)
                && (store.path_of(id).exists() || !history_files(&store.path_of(id)).is_empty());
            if !known {
                bail!(
                    "no such session '{}'; `howgood sessions list` shows them",
                    printable_line(id)
                );
            }
            let (aside, restored) = store.restore_from_history(id, Timestamp::now())?;
            println!(
                "restored {id} from {}\nthe damaged file is kept at {}",
                restored.display(),
                aside.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn list(store: &SessionStore, json: bool) -> anyhow::Result<ExitCode> {
    let mut rows = Vec::new();
    let mut listed = Vec::new();
    for entry in store.entries() {
        match &entry.state {
            Ok(decoded) => {
                let s = &decoded.session;
                listed.push(serde_json::json!({
                    "id": s.id,
                    "kind": s.kind.label(),
                    "title": s.title,
                    "framework": s.framework,
                    "created": s.created.to_string(),
                    "updated": s.updated.to_string(),
                    "items": s.items.len(),
                    "evaluated": s.evaluated_count(),
                    "priorities": s.priorities.len(),
                    "path": entry.path.display().to_string(),
                    "read_only": decoded.read_only_reason(),
                    "recovery_copies": entry.recovery.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
                    "conflict_copies": entry.conflicts.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
                }));
                rows.push([
                    printable_line(&s.id).into_owned(),
                    s.kind.label().to_owned(),
                    printable_line(&s.framework).into_owned(),
                    format!("{}/{}", s.evaluated_count(), s.items.len()),
                    s.priorities.len().to_string(),
                    s.updated.strftime("%Y-%m-%d %H:%M").to_string(),
                    printable_line(&s.title).into_owned(),
                ]);
                for copy in entry.recovery.iter().chain(&entry.conflicts) {
                    eprintln!(
                        "note: {} has an unsaved copy at {}",
                        printable_line(&s.id),
                        printable_line(&copy.display().to_string())
                    );
                }
            }
            Err(error) => {
                eprintln!("{}", printable(&error.to_string()));
                match store.newest_good_history(&entry.id) {
                    Some((path, _)) => eprintln!(
                        "  newest good version: {} (`howgood sessions restore {}` sets the damaged file aside and restores it)",
                        printable_line(&path.display().to_string()),
                        printable_line(&entry.id)
                    ),
                    None => eprintln!("  no earlier version in history; the file is left as it is"),
                }
            }
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&listed)?);
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        println!("no sessions yet in {}", store.dir.display());
        return Ok(ExitCode::SUCCESS);
    }
    let header = [
        "ID",
        "KIND",
        "FRAMEWORK",
        "EVALUATED",
        "PRIORITIES",
        "UPDATED (UTC)",
        "TITLE",
    ];
    let widths: Vec<usize> = (0..6)
        .map(|c| {
            rows.iter()
                .map(|r| r[c].chars().count())
                .chain([header[c].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; 7]| {
        let mut out = String::new();
        for (c, width) in widths.iter().enumerate() {
            out.push_str(&format!("{:<width$}  ", cells[c]));
        }
        out.push_str(cells[6]);
        out
    };
    println!("{}", line(header));
    for row in &rows {
        println!(
            "{}",
            line([
                &row[0], &row[1], &row[2], &row[3], &row[4], &row[5], &row[6]
            ])
        );
    }
    Ok(ExitCode::SUCCESS)
}
