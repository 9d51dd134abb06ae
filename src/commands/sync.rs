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
            refuse_while_open(&shared.data, &[]).map_err(anyhow::Error::msg)?;
            print_report(shared.sync(now)?)
        }
        Some(SyncCommand::Init { remote }) => print_report(shared.init(remote, now)?),
        Some(SyncCommand::Status) => print_status(&shared.status()?),
        Some(SyncCommand::Conflicts) => list_conflicts(&shared.data)?,
        Some(SyncCommand::Resolve(args)) => resolve(&shared.data, args, now)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A merge into a session open in another howgood would send that copy's
/// next save to a conflict copy; better to ask for it to be closed first.
/// `ours`: files this process holds open (the screens' own session, which
/// they save before and read again after). Only the lock files are looked at.
fn refuse_while_open(data: &Path, ours: &[PathBuf]) -> Result<(), String> {
    let places = [
        (data.join("sessions"), ours.to_vec()),
        (data.join("measures"), Vec::new()),
    ];
    for (dir, ours) in places {
        if let Some((id, holder)) = crate::session::store::held_elsewhere(&dir, &ours) {
            let holder = if holder.is_empty() {
                String::new()
            } else {
                format!(" ({holder})")
            };
            return Err(format!(
                "{id} is open in another copy of howgood{holder}; close it there, then sync"
            ));
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
    if let Some(register) = register_with_conflicts(data) {
        any = true;
        print_register_conflicts(&register);
    }
    if !any {
        println!("no conflicts");
    }
    Ok(())
}

use crate::sync::register_with_conflicts;

/// The register's conflicts: the measure and period, each value as the
/// measure shows it. The register keeps no time of saving, so "when" is
/// the newest measure's creation on that side, and said so.
fn print_register_conflicts(register: &crate::measures::model::MeasureRegister) {
    use crate::measures::conflicts::{side_text, title};
    for c in &register.conflicts {
        println!(
            "{}  {}  {}  ({:?})",
            c.id,
            crate::sync::REGISTER,
            title(register, c),
            c.kind
        );
        for (label, side) in [("ours (in the register)", &c.kept), ("theirs", &c.other)] {
            println!(
                "  {label}, {}:",
                crate::app::text::sync::register_by_at(&side.by, &side.at.to_string())
            );
            for line in side_text(register, c, &side.value).lines() {
                println!("    {line}");
            }
        }
    }
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
    if register_with_conflicts(data)
        .is_some_and(|r| r.conflicts.iter().any(|c| c.id == args.conflict))
    {
        screens::resolve_in_register(data, &args.conflict, choice, now)
            .map_err(anyhow::Error::msg)?;
        println!("resolved {} in the measures register", args.conflict);
        return Ok(());
    }
    bail!(
        "no conflict {} in any session or the measures register",
        args.conflict
    )
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

/// The screens' side of sync, run by the terminal edge (`tui`): the same
/// sync and resolution as the command line, answered in the app's terms.
pub mod screens {
    use super::{refuse_while_open, session_paths};
    use crate::app::sync::{ConflictChoice, ConflictEntry, SideView, SyncStep, SyncSummary};
    use crate::measures::file::OpenRegister;
    use crate::session::model::{ConflictKind, ConflictSide};
    use crate::session::store::{Access, OpenSession, read_session};
    use crate::sync::conflicts::{Choice, readable, resolve_conflict, resolve_register_conflict};
    use crate::sync::{Shared, Step};
    use jiff::Timestamp;
    use std::path::{Path, PathBuf};

    /// Whether the data folder is a git working tree (no git run).
    pub fn is_shared(data: &Path) -> bool {
        data.join(".git").exists()
    }

    /// Home's indicator: no network, a few quick git commands.
    pub fn summary(data: &Path, howgood: &Path) -> Result<SyncSummary, String> {
        if !is_shared(data) {
            return Ok(SyncSummary::default());
        }
        let status = Shared::new(data, howgood)
            .and_then(|s| s.status())
            .map_err(|e| e.to_string())?;
        Ok(SyncSummary {
            shared: status.shared,
            last_sync: status.last_sync,
            ahead: status.ahead,
            behind: status.behind,
            changed: status.changed.len(),
            conflicts: status.conflicts.len(),
        })
    }

    /// Sync, unless another howgood has a file open; `open` is the session
    /// these screens hold (already saved). The report's lines name files
    /// and counts, never what a note says.
    pub fn sync(
        data: &Path,
        howgood: &Path,
        open: Option<&Path>,
        now: Timestamp,
        tell: &mut dyn FnMut(SyncStep),
    ) -> Result<Vec<String>, String> {
        let ours: Vec<PathBuf> = open.into_iter().map(Path::to_owned).collect();
        refuse_while_open(data, &ours)?;
        let shared = Shared::new(data, howgood).map_err(|e| e.to_string())?;
        let report = shared
            .sync_telling(now, &mut |step| {
                tell(match step {
                    Step::Committing => SyncStep::Committing,
                    Step::Fetching => SyncStep::Fetching,
                    Step::Merging => SyncStep::Merging,
                    Step::Sending => SyncStep::Sending,
                })
            })
            .map_err(|e| e.to_string())?;
        Ok(report.lines)
    }

    /// Every conflict waiting, by session.
    pub fn conflicts(data: &Path, howgood: &Path) -> Result<Vec<ConflictEntry>, String> {
        let files = if is_shared(data) {
            Shared::new(data, howgood)
                .and_then(|s| s.conflicted_session_files())
                .map_err(|e| e.to_string())?
        } else {
            Vec::new()
        };
        let mut out = Vec::new();
        for path in files {
            let Ok((_, decoded)) = read_session(&path) else {
                continue;
            };
            let session = decoded.session;
            for c in &session.conflicts {
                let text = |s: &ConflictSide| {
                    serde_json::from_str::<serde_json::Value>(&s.value).is_ok_and(|v| v.is_string())
                };
                let deleted = c.kind == ConflictKind::DeletedAndChanged;
                out.push(ConflictEntry {
                    session_id: session.id.clone(),
                    session_title: session.title.clone(),
                    id: c.id.clone(),
                    path: c.path.clone(),
                    deleted,
                    text: !deleted && text(&c.kept) && text(&c.other),
                    kept: view(&c.kept),
                    other: view(&c.other),
                });
            }
        }
        if is_shared(data) {
            out.extend(register_entries(data));
        }
        Ok(out)
    }

    /// The register's conflicts as entries: titled by measure and period,
    /// each value as the measure shows it.
    fn register_entries(data: &Path) -> Vec<ConflictEntry> {
        use crate::measures::conflicts::{is_text, place, side_text};
        let Some(register) = crate::sync::register_with_conflicts(data) else {
            return Vec::new();
        };
        let entries = register.conflicts.iter().map(|c| {
            let side = |s: &ConflictSide| SideView {
                text: side_text(&register, c, &s.value),
                by: s.by.clone(),
                at: s.at,
            };
            let place = place(c);
            let measure = place
                .as_ref()
                .and_then(|p| register.measures.iter().find(|m| m.id == p.measure_id));
            let where_in = place.as_ref().map_or_else(
                || c.path.clone(),
                |p| {
                    let mut parts: Vec<String> = p.period.iter().map(ToString::to_string).collect();
                    if !p.field.is_empty() {
                        parts.push(crate::measures::conflicts::field_name(&p.field).to_owned());
                    }
                    parts.join(" · ")
                },
            );
            ConflictEntry {
                session_id: crate::app::sync::REGISTER.to_owned(),
                session_title: measure.map_or_else(
                    || crate::app::text::sync::REGISTER_TITLE.to_owned(),
                    |m| m.title.clone(),
                ),
                id: c.id.clone(),
                path: where_in,
                deleted: c.kind == ConflictKind::DeletedAndChanged,
                text: is_text(c),
                kept: side(&c.kept),
                other: side(&c.other),
            }
        });
        entries.collect()
    }

    /// Settle one conflict in the measures register, saved by the
    /// register's own save (verified, atomic, history kept, never over a
    /// file changed meanwhile).
    pub fn resolve_in_register(
        data: &Path,
        conflict_id: &str,
        choice: Choice,
        now: Timestamp,
    ) -> Result<(), String> {
        let dir = crate::measures::file::measures_dir(data);
        let mut open = OpenRegister::open(&dir, now).map_err(|e| e.to_string())?;
        if let Access::ReadOnly(reason) = &open.access {
            return Err(format!(
                "{}: {reason}",
                crate::app::text::sync::REGISTER_TITLE
            ));
        }
        let mut register = open.loaded.clone();
        resolve_register_conflict(&mut register, conflict_id, choice).map_err(|e| e.to_string())?;
        match open.save(&register, now).map_err(|e| e.to_string())? {
            crate::session::store::Saved::ToConflictCopy(copy) => Err(format!(
                "the measures register changed on disk meanwhile; the choice went to {}",
                copy.display()
            )),
            _ => Ok(()),
        }
    }

    fn view(side: &ConflictSide) -> SideView {
        SideView {
            text: readable(&side.value),
            by: side.by.clone(),
            at: side.at,
        }
    }

    /// Settle one conflict in its session file, saved by the rules of any save.
    pub fn resolve(
        data: &Path,
        session_id: &str,
        conflict_id: &str,
        choice: ConflictChoice,
        now: Timestamp,
    ) -> Result<(), String> {
        let choice = match choice {
            ConflictChoice::Kept => Choice::Kept,
            ConflictChoice::Other => Choice::Other,
            ConflictChoice::Text(text) => Choice::Text(text),
        };
        if session_id == crate::app::sync::REGISTER {
            return resolve_in_register(data, conflict_id, choice, now);
        }
        let path = session_paths(data)
            .into_iter()
            .find(|p| crate::session::store::session_id_of(p) == session_id)
            .ok_or_else(|| format!("{session_id}: no such session file"))?;
        let mut open = OpenSession::open(&path, now).map_err(|e| e.to_string())?;
        if let Access::ReadOnly(reason) = &open.access {
            return Err(format!("{session_id}: {reason}"));
        }
        let mut session = open.loaded.clone();
        resolve_conflict(&mut session, conflict_id, choice).map_err(|e| e.to_string())?;
        session.updated = now;
        match open.save(&session, now).map_err(|e| e.to_string())? {
            crate::session::store::Saved::ToConflictCopy(copy) => Err(format!(
                "{session_id} changed on disk meanwhile; the choice went to {}",
                copy.display()
            )),
            _ => Ok(()),
        }
    }
}
