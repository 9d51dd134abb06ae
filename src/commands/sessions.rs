//! `howgood new`, `howgood sessions list | restore`.

use crate::app::text::cli as words;
use crate::cli::{GlobalArgs, KindArg, NewArgs, SearchArgs, SessionsCommand};
use crate::commands::content::load_library;
use crate::index::{Index, Reconciled};
use crate::paths;
use crate::safe_io::{printable, printable_line};
use crate::session::create::build_session;
use crate::session::model::{Session, SessionKind};
use crate::session::store::{OpenSession, SessionStore, history_files};
use anyhow::{Context, bail};
use jiff::Timestamp;
use std::io::Write;
use std::process::ExitCode;

/// Open the sessions folder and print any permission warnings.
pub fn open_store(global: &GlobalArgs) -> anyhow::Result<SessionStore> {
    let dir = paths::sessions_dir(global.data_dir.as_ref()).context(words::NO_DATA_FOLDER)?;
    let (store, warnings) = SessionStore::open(dir)?;
    for warning in warnings {
        eprintln!("{}", words::warning(&warning));
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
    if args.standard == crate::cli::StandardArg::Statements {
        let scaled = library
            .framework(&args.framework)
            .is_some_and(|f| f.scale.is_some());
        if scaled {
            anyhow::bail!(
                "{} has a scale of its own: --standard statements is for a framework without one (lscb-qaf)",
                args.framework
            );
        }
        session.standard = crate::session::model::Standard::GoodStatements;
    }
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
        bail!(words::not_a_session_id(earlier));
    }
    let path = store.path_of(earlier);
    let bytes = std::fs::read(&path).with_context(|| words::nothing_to_follow(earlier, &path))?;
    let decoded = crate::session::codec::decode(&bytes)
        .map_err(|error| anyhow::anyhow!("{}: {error}", path.display()))?;
    if decoded.session.framework != session.framework {
        bail!(words::other_framework(
            earlier,
            &decoded.session.framework,
            &session.framework
        ));
    }
    Ok(())
}

pub fn run(global: &GlobalArgs, command: &SessionsCommand) -> anyhow::Result<ExitCode> {
    if let SessionsCommand::List { json } = command {
        // Listing reads: a data folder that is not there is not made.
        let dir = paths::sessions_dir(global.data_dir.as_ref()).context(words::NO_DATA_FOLDER)?;
        if !dir.exists() {
            return no_sessions(&dir, *json);
        }
    }
    match command {
        SessionsCommand::List { json } => list(global, &open_store_quietly(global)?, *json),
        SessionsCommand::Restore { id } => {
            let store = open_store(global)?;
            let known = crate::session::ids::is_valid_id(id)
                && (store.path_of(id).exists() || !history_files(&store.path_of(id)).is_empty());
            if !known {
                bail!(words::no_such_session(&printable_line(id)));
            }
            let (aside, restored) = store.restore_from_history(id, Timestamp::now())?;
            println!("{}", words::restored(id, &restored, &aside));
            Ok(ExitCode::SUCCESS)
        }
        SessionsCommand::Reindex => {
            let store = open_store(global)?;
            let path = index_path(global, &store);
            Index::recreate(&path, "asked for")?;
            let (index, done) = Index::open_current(&path, &store.dir, &mut progress(true))?;
            eprintln!(
                "{}",
                words::indexed(done.read, index.damaged()?.len(), &index.path)
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What `sessions list` says when there is no sessions folder (it is not
/// made by a read).
fn no_sessions(dir: &std::path::Path, json: bool) -> anyhow::Result<ExitCode> {
    if json {
        println!("[]");
    } else {
        println!(
            "{}",
            words::no_sessions_in(&printable_line(&dir.display().to_string()))
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `<data dir>/index.sqlite`.
pub(crate) fn index_path(global: &GlobalArgs, store: &SessionStore) -> std::path::PathBuf {
    let data_dir = paths::data_dir(global.data_dir.as_ref())
        .unwrap_or_else(|| crate::session::atomic::parent_dir(&store.dir).to_owned());
    Index::path_in(&data_dir)
}

/// Progress of a long (re)index on stderr; short ones stay quiet unless
/// `always`.
pub(crate) fn progress(always: bool) -> impl FnMut(usize, usize) {
    let mut last_tenth = usize::MAX;
    move |done, total| {
        if !always && total < 2000 {
            return;
        }
        let tenth = done * 10 / total.max(1);
        if tenth != last_tenth || done == total {
            last_tenth = tenth;
            eprintln!("{}", words::indexing(done, total));
        }
    }
}

/// Open the sessions folder without the permission pass: the index's
/// pass over the folder finds loosened session files on the way.
fn open_store_quietly(global: &GlobalArgs) -> anyhow::Result<SessionStore> {
    let dir = paths::sessions_dir(global.data_dir.as_ref()).context(words::NO_DATA_FOLDER)?;
    Ok(SessionStore::open_quietly(dir)?)
}

/// The index, brought up to date with the sessions folder (quickly when
/// the folder is as the index last saw it); permission warnings found on
/// the way go to stderr.
pub fn current_index(
    global: &GlobalArgs,
    store: &SessionStore,
) -> anyhow::Result<(Index, Reconciled)> {
    let path = index_path(global, store);
    let (index, done) = Index::open_quick(&path, &store.dir, &mut progress(false))?;
    let done = match done {
        Some(done) => done,
        None => Reconciled {
            folder: crate::session::store::Folder::of_names(
                std::fs::read_dir(&store.dir)?
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned()),
            ),
            ..Reconciled::default()
        },
    };
    for warning in store.folder_permission_warning().iter().chain(&done.loose) {
        eprintln!("{}", words::warning(warning));
    }
    if let Some(reason) = &index.rebuilt
        && done.read >= 2000
    {
        eprintln!("{}", words::index_rebuilt(reason));
    }
    Ok((index, done))
}

/// Advice for a damaged file: where its newest good version is.
fn damaged_advice(store: &SessionStore, file: &str) -> String {
    let id = file.trim_end_matches(".ron");
    match store.newest_good_history(id) {
        Some((path, _)) => words::newest_good_version(&path, id),
        None => words::NO_EARLIER_VERSION.to_owned(),
    }
}

fn list(global: &GlobalArgs, store: &SessionStore, json: bool) -> anyhow::Result<ExitCode> {
    let (index, done) = current_index(global, store)?;
    let sessions = index.sessions()?;
    let mut folder = done.folder;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut listed = Vec::new();
    for s in &sessions {
        let path = store.dir.join(&s.file);
        let copies = folder
            .sidecars
            .remove(&crate::session::store::session_id_of(&path))
            .unwrap_or_default();
        for copy in copies.recovery.iter().chain(&copies.conflicts) {
            eprintln!(
                "{}",
                words::unsaved_copy(
                    &printable_line(&s.id),
                    &printable_line(&store.dir.join(copy).display().to_string())
                )
            );
        }
        if json {
            let paths = |names: &[String]| -> Vec<String> {
                names
                    .iter()
                    .map(|n| store.dir.join(n).display().to_string())
                    .collect()
            };
            listed.push(serde_json::json!({
                "id": s.id,
                "kind": s.kind.label(),
                "title": s.title,
                "framework": s.framework,
                "created": s.created.to_string(),
                "updated": s.updated.to_string(),
                "items": s.items,
                "evaluated": s.evaluated,
                "priorities": s.priorities,
                "path": path.display().to_string(),
                "read_only": s.read_only,
                "recovery_copies": paths(&copies.recovery),
                "conflict_copies": paths(&copies.conflicts),
            }));
        }
    }
    for damaged in index.damaged()? {
        eprintln!("{}", printable(&damaged.error));
        eprintln!("{}", printable(&damaged_advice(store, &damaged.file)));
    }
    if json {
        serde_json::to_writer_pretty(&mut out, &listed)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if sessions.is_empty() {
        writeln!(
            out,
            "{}",
            words::no_sessions_in(&store.dir.display().to_string())
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    write_table(&mut out, &sessions)?;
    Ok(ExitCode::SUCCESS)
}

/// The cells of one row of the table.
fn cells(s: &crate::index::Listed) -> [String; 7] {
    [
        printable_line(&s.id).into_owned(),
        s.kind.label().to_owned(),
        printable_line(&s.framework).into_owned(),
        format!("{}/{}", s.evaluated, s.items),
        s.priorities.to_string(),
        s.updated.strftime("%Y-%m-%d %H:%M").to_string(),
        printable_line(&s.title).into_owned(),
    ]
}

/// Two passes over the sessions (widths, then lines), so the table's text
/// is never held in memory all at once.
fn write_table(out: &mut impl Write, sessions: &[crate::index::Listed]) -> std::io::Result<()> {
    let header = [
        "ID",
        "KIND",
        "FRAMEWORK",
        "EVALUATED",
        "PRIORITIES",
        "UPDATED (UTC)",
        "TITLE",
    ];
    let mut widths: Vec<usize> = header[..6].iter().map(|h| h.len()).collect();
    for s in sessions {
        for (c, cell) in cells(s)[..6].iter().enumerate() {
            widths[c] = widths[c].max(cell.chars().count());
        }
    }
    let mut line = |cells: [&str; 7]| -> std::io::Result<()> {
        for (c, width) in widths.iter().enumerate() {
            write!(out, "{:<width$}  ", cells[c])?;
        }
        writeln!(out, "{}", cells[6])
    };
    line(header)?;
    for s in sessions {
        let row = cells(s);
        line([
            &row[0], &row[1], &row[2], &row[3], &row[4], &row[5], &row[6],
        ])?;
    }
    Ok(())
}

/// `howgood search WORDS`: every session's notes, best match first.
pub fn run_search(global: &GlobalArgs, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    // Only the index is read (and the folder's time): no pass over the folder.
    let store = SessionStore {
        dir: paths::sessions_dir(global.data_dir.as_ref()).context(words::NO_DATA_FOLDER)?,
    };
    let path = index_path(global, &store);
    let (index, _) = Index::open_quick(&path, &store.dir, &mut progress(false))?;
    let hits = index.search(&args.words.join(" "), args.limit)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        let hits: Vec<_> = hits
            .iter()
            .map(|h| {
                serde_json::json!({
                    "session": h.session_id,
                    "title": h.title,
                    "kind": h.kind.label(),
                    "field": h.field,
                    "snippet": h.snippet,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &hits)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if hits.is_empty() {
        writeln!(out, "{}", words::NOTHING_FOUND)?;
        return Ok(ExitCode::from(1));
    }
    for h in &hits {
        writeln!(
            out,
            "{}  {} · {}\n    {}",
            h.session_id, h.title, h.field, h.snippet
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
