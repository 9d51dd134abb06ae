//! `howgood sync ...` and `howgood merge-driver` on the command line.

use crate::cli::{GlobalArgs, ResolveArgs, SyncArgs, SyncCommand, TakeArg};
use crate::paths;
use crate::session::store::OpenSession;
use crate::sync::conflicts::{Choice, readable, resolve_conflict};
use crate::sync::{Shared, SyncStatus};
use anyhow::{Context, bail};
use jiff::Timestamp;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn shared(global: &GlobalArgs, create: bool) -> anyhow::Result<Shared> {
    let data = paths::data_dir(global.data_dir.as_ref())
        .context("no data folder: pass --data-dir or set HOWGOOD_DATA_DIR")?;
    if create {
        // Git is asked about the user's settings from inside the folder.
        crate::session::atomic::create_private_dir(&data)
            .with_context(|| format!("cannot make {}", data.display()))?;
    }
    let me = std::env::current_exe().context("cannot find the howgood program for git")?;
    Ok(Shared::new(&data, &me)?)
}

pub fn run(global: &GlobalArgs, args: &SyncArgs) -> anyhow::Result<ExitCode> {
    let init = matches!(args.command, Some(SyncCommand::Init { .. }));
    let shared = shared(global, init)?;
    let now = Timestamp::now();
    match &args.command {
        None => {
            refuse_while_open(&shared.data, now)?;
            print_report(shared.sync(now)?)
        }
        Some(SyncCommand::Init { remote }) => print_report(shared.init(remote, now)?),
        Some(SyncCommand::Status) => print_status(&shared.status()?),
        Some(SyncCommand::Conflicts) => list_conflicts(&shared.data)?,
        Some(SyncCommand::Resolve(args)) => resolve(&shared.data, args, now)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A merge into a session open in howgood would send that copy's next
/// save to a conflict copy; better to ask for it to be closed first.
fn refuse_while_open(data: &Path, now: Timestamp) -> anyhow::Result<()> {
    for path in session_paths(data) {
        if let Ok(open) = OpenSession::open(&path, now)
            && let crate::session::store::Access::ReadOnly(reason) = &open.access
            && reason.contains("has this session open")
        {
            bail!(
                "{} is open in howgood ({reason}); close it, then sync",
                open.loaded.id
            );
        }
    }
    Ok(())
}

fn print_report(report: crate::sync::Report) {
    for line in &report.lines {
        println!("{line}");
    }
    if report.lines.is_empty() {
        println!("up to date");
    }
}

fn print_status(status: &SyncStatus) {
    if !status.shared {
        println!("not shared (run `howgood sync init <REMOTE>` to share this data folder)");
        return;
    }
    println!(
        "shared with: {}",
        status.remote.as_deref().unwrap_or("(no remote)")
    );
    match status.last_sync {
        Some(at) => println!("last synced: {at}"),
        None => println!("last synced: never"),
    }
    println!(
        "commits to send: {}; received, not yet merged: {} (as of the last sync)",
        status.ahead, status.behind
    );
    println!("changed here since the last sync: {}", status.changed.len());
    for name in &status.changed {
        println!("  {name}");
    }
    println!("conflicts waiting: {}", status.conflicts.len());
    for c in &status.conflicts {
        println!("  {} {} {}", c.id, c.session, c.path);
    }
    println!("on this machine only (never shared):");
    for name in &status.local_only {
        println!("  {name}");
    }
}

fn session_paths(data: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data.join("sessions")) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.ends_with(".ron") && n.matches('.').count() == 1 && !n.starts_with('.')
            })
        })
        .collect();
    paths.sort();
    paths
}

fn list_conflicts(data: &Path) -> anyhow::Result<()> {
    let mut any = false;
    for path in session_paths(data) {
        let Ok((_, decoded)) = crate::session::store::read_session(&path) else {
            continue;
        };
        for c in &decoded.session.conflicts {
            any = true;
            println!(
                "{}  {}  {}  ({:?})",
                c.id, decoded.session.id, c.path, c.kind
            );
            for (label, side) in [("ours (in the field)", &c.kept), ("theirs", &c.other)] {
                let by = if side.by.is_empty() {
                    "someone"
                } else {
                    &side.by
                };
                println!("  {label}, by {by} at {}:", side.at);
                for line in readable(&side.value).lines() {
                    println!("    {line}");
                }
            }
        }
    }
    if !any {
        println!("no conflicts");
    }
    Ok(())
}

fn resolve(data: &Path, args: &ResolveArgs, now: Timestamp) -> anyhow::Result<()> {
    let choice = match (&args.take, &args.text) {
        (_, Some(text)) => Choice::Text(text.clone()),
        (Some(TakeArg::Ours), None) => Choice::Kept,
        (Some(TakeArg::Theirs), None) => Choice::Other,
        (None, None) => bail!("say --take ours, --take theirs or --text TEXT"),
    };
    for path in session_paths(data) {
        let Ok((_, decoded)) = crate::session::store::read_session(&path) else {
            continue;
        };
        if !decoded
            .session
            .conflicts
            .iter()
            .any(|c| c.id == args.conflict)
        {
            continue;
        }
        let mut open = OpenSession::open(&path, now)?;
        if let crate::session::store::Access::ReadOnly(reason) = &open.access {
            bail!("{}: {reason}", decoded.session.id);
        }
        let mut session = open.loaded.clone();
        resolve_conflict(&mut session, &args.conflict, choice).map_err(anyhow::Error::msg)?;
        session.updated = now;
        open.save(&session, now)?;
        println!("resolved {} in {}", args.conflict, session.id);
        return Ok(());
    }
    bail!("no conflict {} in any session", args.conflict)
}

pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: &str,
) -> anyhow::Result<ExitCode> {
    match crate::sync::driver::run(base, ours, theirs, name) {
        Ok(0) => Ok(ExitCode::SUCCESS),
        Ok(n) => {
            eprintln!(
                "howgood: {name}: merged; {n} conflict(s) recorded in the session (see `howgood sync conflicts`)"
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(message) => {
            eprintln!("howgood: {message}");
            Ok(ExitCode::FAILURE)
        }
    }
}
