//! `howgood actions` (the register of every action) and `howgood actions
//! update` (progress on one action, saved into the one file that owns it).

use crate::app::text::cli as words;
use crate::cli::{
    ActionUpdateArgs, ActionsArgs, ActionsCommand, ActionsFormat, ActionsList, GlobalArgs,
};
use crate::commands::sessions::open_store;
use crate::measures::model::MeasureRegister;
use crate::session::ids::{IdSource, contains_id};
use crate::session::model::{ActionRef, PriorityStatus, ProgressUpdate, Session};
use crate::session::progress::{apply_update, carry_forward};
use crate::session::register::{ActionFilter, ActionRow, LoggedUpdate, Register, Scan};
use crate::session::store::{OpenSession, Saved, SessionStore};
use anyhow::{Context, bail};
use jiff::Timestamp;
use jiff::civil::Date;
use serde_json::{Value, json};
use std::io::Write;
use std::process::ExitCode;

pub fn run(global: &GlobalArgs, args: &ActionsArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(global)?;
    match &args.command {
        None => match args.list.format {
            Some(format) => write_file(global, &store, &args.list, format),
            None => list(global, &store, &args.list),
        },
        Some(ActionsCommand::Update(update)) => run_update(&store, update),
    }
}

fn today() -> Date {
    jiff::tz::TimeZone::system()
        .to_datetime(Timestamp::now())
        .date()
}

/// The register, and a line on stderr for each file it could not read.
fn scan(store: &SessionStore) -> Scan {
    let (scan, problems) = Scan::of_store(store);
    for problem in problems {
        eprintln!("{}", words::not_read(&problem));
    }
    scan.with_outside(crate::measures::actions::action_rows(&measures(store)))
}

/// The measures folder beside the sessions folder.
fn measures_dir(store: &SessionStore) -> std::path::PathBuf {
    crate::measures::file::measures_dir(crate::session::atomic::parent_dir(&store.dir))
}

/// The measures register (worksheet priorities and the measures
/// priorities link to); empty if it cannot be read.
fn measures(store: &SessionStore) -> MeasureRegister {
    crate::measures::file::read(&measures_dir(store)).unwrap_or_else(|error| {
        eprintln!("{}", words::not_read(&error.to_string()));
        MeasureRegister::default()
    })
}

/// The register as a CSV, iCalendar or Excel file.
fn write_file(
    global: &GlobalArgs,
    store: &SessionStore,
    args: &ActionsList,
    format: ActionsFormat,
) -> anyhow::Result<ExitCode> {
    let rows = listed(global, store, args);
    let (bytes, extension) = match format {
        ActionsFormat::Csv => (crate::export::csv::actions_csv(&rows), "csv"),
        ActionsFormat::Ics => (
            crate::export::ics::actions_calendar(&rows, "howgood actions").into_bytes(),
            "ics",
        ),
        ActionsFormat::Xlsx => (
            crate::export::xlsx::workbook(&[crate::export::xlsx::actions_sheet(&rows)])?,
            "xlsx",
        ),
    };
    crate::commands::export::write_output(
        global,
        args.output.as_deref(),
        &format!("actions.{extension}"),
        &bytes,
    )?;
    Ok(ExitCode::SUCCESS)
}

fn filter_of(args: &ActionsList) -> ActionFilter {
    ActionFilter {
        owner: args.owner.clone(),
        status: args.status,
        due_before: args.due_before,
        overdue_on: args.overdue.then(|| args.today.unwrap_or_else(today)),
        framework: args.framework.clone(),
        kind: None,
    }
}

/// The register's rows that pass the filter: from the index, or from the
/// files when the index cannot be used.
fn listed(global: &GlobalArgs, store: &SessionStore, args: &ActionsList) -> Vec<ActionRow> {
    let filter = filter_of(args);
    let from_index = crate::commands::sessions::current_index(global, store)
        .ok()
        .and_then(|(index, _)| index.register().actions_checked().ok());
    match from_index {
        // Worksheet priorities live in the measures register, not in
        // session files, so the index has not seen them.
        Some(rows) => rows
            .into_iter()
            .chain(crate::measures::actions::action_rows(&measures(store)))
            .filter(|r| filter.accepts(r))
            .collect(),
        None => scan(store).filtered(&filter),
    }
}

fn list(global: &GlobalArgs, store: &SessionStore, args: &ActionsList) -> anyhow::Result<ExitCode> {
    let measures = measures(store);
    if args.json {
        let rows = listed(global, store, args);
        let listed: Vec<Value> = rows
            .iter()
            .map(|r| with_measure(row_json(r), r, &measures))
            .collect();
        println!("{}", serde_json::to_string_pretty(&listed)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut written = 0usize;
    let mut line = |row: &ActionRow| -> std::io::Result<()> {
        if written == 0 {
            writeln!(
                out,
                "ID\tSESSION\tKIND\tFRAMEWORK\tITEMS\tOWNER\tDUE\tSTATUS\tLAST UPDATE\tACTION"
            )?;
        }
        written += 1;
        writeln!(out, "{}", row_line(row))?;
        if let Some(words) = row
            .measure
            .as_deref()
            .and_then(|id| crate::measures::actions::latest_words(&measures, id))
        {
            writeln!(out, "\tmeasure: {}", words.replace(['\t', '\n', '\r'], " "))?;
        }
        Ok(())
    };
    each_listed(global, store, args, &measures, &mut line)?;
    out.flush()?;
    if written == 0 {
        eprintln!("{}", words::NO_ACTIONS);
    }
    Ok(ExitCode::SUCCESS)
}

/// Hand each row that passes the filter to `each`, in the order `listed`
/// gives them, as the index's one query steps through them (or every
/// file when the index cannot be used).
fn each_listed(
    global: &GlobalArgs,
    store: &SessionStore,
    args: &ActionsList,
    measures: &MeasureRegister,
    each: &mut dyn FnMut(&ActionRow) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let filter = filter_of(args);
    let Ok((index, _)) = crate::commands::sessions::current_index(global, store) else {
        for row in scan(store).filtered(&filter) {
            each(&row)?;
        }
        return Ok(());
    };
    let register = index.register();
    let everything = crate::index::register::PageFilter::default();
    let mut failed = None;
    let mut read = 0usize;
    let streamed = register.each_row(&everything, 0, i64::MAX as usize, &mut |row| {
        read += 1;
        if failed.is_none() && filter.accepts(&row) {
            failed = each(&row).err();
        }
    });
    match streamed {
        Ok(()) => {}
        // Nothing read yet: the files answer instead.
        Err(_) if read == 0 => {
            for row in scan(store).filtered(&filter) {
                each(&row)?;
            }
            return Ok(());
        }
        Err(e) => return Err(e.into()),
    }
    if let Some(e) = failed {
        return Err(e.into());
    }
    // Worksheet priorities live in the measures register, not in session
    // files, so the index has not seen them: after the sessions' rows.
    for row in crate::measures::actions::action_rows(measures) {
        if filter.accepts(&row) {
            each(&row)?;
        }
    }
    Ok(())
}

fn optional_date(date: Option<Date>) -> Value {
    date.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn logged_json(logged: &LoggedUpdate) -> Value {
    json!({
        "on": logged.on.to_string(),
        "date": logged.update.date.to_string(),
        "status": logged.update.status.slug(),
        "note": logged.update.note,
        "impact": logged.update.impact,
    })
}

/// One action as `--json` shows it.
pub fn row_json(row: &ActionRow) -> Value {
    json!({
        "id": row.id,
        "ref": row.reference().to_string(),
        "session_id": row.session_id,
        "session_title": row.session_title,
        "session_date": row.session_date.to_string(),
        "kind": row.kind.slug(),
        "framework": row.framework,
        "items": row.items,
        "text": row.text,
        "owner": row.owner,
        "due": optional_date(row.due),
        "status": row.status.slug(),
        "done_on": optional_date(row.done_on),
        "parent": row.parent,
        "carries": row.carries.as_ref().map(ToString::to_string),
        "last_update": row.last_update().map_or(Value::Null, logged_json),
        "log": row.history.iter().map(logged_json).collect::<Vec<_>>(),
    })
}

/// The row's linked measure with its latest value, when it has one.
fn with_measure(mut listed: Value, row: &ActionRow, measures: &MeasureRegister) -> Value {
    if let Some(id) = &row.measure {
        listed["measure"] = json!({
            "id": id,
            "latest": crate::measures::actions::latest_words(measures, id),
        });
    }
    listed
}

fn row_line(row: &ActionRow) -> String {
    let last = row.last_update().map_or_else(String::new, |l| {
        format!("{} {}", l.update.date, l.update.status.label())
    });
    let cells = [
        row.id.clone(),
        row.session_id.clone(),
        row.kind.slug().to_owned(),
        row.framework.clone(),
        row.items.join(","),
        row.owner.clone(),
        row.due.map_or_else(String::new, |d| d.to_string()),
        row.status.label().to_owned(),
        last,
        row.text.clone(),
    ];
    // One line per action, whatever was typed into it.
    cells.map(|c| c.replace(['\t', '\n', '\r'], " ")).join("\t")
}

/// Which session owns the action: `SESSION/ID` names it; a bare id must
/// belong to exactly one session.
pub fn locate(register: &impl Register, action: &str) -> anyhow::Result<ActionRef> {
    if let Some((session, id)) = action.rsplit_once('/') {
        let found = register.find_action(id);
        return found
            .into_iter()
            .find(|r| r.session == session)
            .with_context(|| words::no_action_in(session, id));
    }
    let mut found = register.find_action(action);
    match found.len() {
        0 => bail!(words::no_action(action)),
        1 => Ok(found.remove(0)),
        _ => bail!(words::ambiguous_action(
            action,
            &found
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Open the session that owns `target` for writing, or say why not.
pub fn open_for_update(
    store: &SessionStore,
    session_id: &str,
    now: Timestamp,
) -> anyhow::Result<OpenSession> {
    let open = OpenSession::open(&store.path_of(session_id), now)?;
    if let crate::session::store::Access::ReadOnly(reason) = &open.access {
        bail!(words::cannot_change(session_id, reason));
    }
    Ok(open)
}

/// Save a changed session and say where it went; a file changed on disk
/// since it was read is left alone and ours goes to a conflict copy.
pub fn save_reporting(
    open: &mut OpenSession,
    session: &Session,
    now: Timestamp,
) -> anyhow::Result<bool> {
    match open.save(session, now)? {
        Saved::Written | Saved::Unchanged | Saved::Recreated => Ok(true),
        Saved::ToConflictCopy(copy) => {
            eprintln!("{}", words::saved_beside(&open.path, &copy));
            Ok(false)
        }
    }
}

/// Apply one update to one action in its session: the change made in
/// memory, ready for `save_reporting`.
pub fn prepare_update(
    store: &SessionStore,
    target: &ActionRef,
    update: ProgressUpdate,
    now: Timestamp,
) -> anyhow::Result<(OpenSession, Session)> {
    let open = open_for_update(store, &target.session, now)?;
    let mut session = open.loaded.clone();
    apply_update(&mut session, &target.action, update)?;
    session.updated = now;
    Ok((open, session))
}

fn run_update(store: &SessionStore, args: &ActionUpdateArgs) -> anyhow::Result<ExitCode> {
    let now = Timestamp::now();
    let register = scan(store);
    let update = ProgressUpdate {
        date: args.date.unwrap_or_else(today),
        status: args.status,
        note: args.note.clone(),
        impact: args.impact.clone().filter(|i| !i.trim().is_empty()),
    };
    if let Some(id) = worksheet_action(&register, &args.action) {
        return update_worksheet_action(store, &id, args, update);
    }
    let target = locate(&register, &args.action)?;
    if args.status == PriorityStatus::CarriedForward {
        return carry(store, &register, &target, args.into.as_deref(), update, now);
    }
    if args.into.is_some() {
        bail!(words::INTO_NEEDS_CARRIED_FORWARD);
    }
    let (mut open, session) = prepare_update(store, &target, update, now)?;
    if !save_reporting(&mut open, &session, now)? {
        return Ok(ExitCode::FAILURE);
    }
    println!("{target}\t{}", args.status.slug());
    Ok(ExitCode::SUCCESS)
}

/// The id of a worksheet priority (or milestone) named by `action`
/// (`ID` or `measures:MEASURE/ID`) that no session also holds.
fn worksheet_action(register: &Scan, action: &str) -> Option<String> {
    let (owner, id) = match action.rsplit_once('/') {
        Some((owner, id)) => (Some(owner), id),
        None => (None, action),
    };
    let listed = register
        .outside
        .iter()
        .any(|r| r.id == id && owner.is_none_or(|o| o == r.session_id));
    (listed && (owner.is_some() || register.find_action(id).is_empty())).then(|| id.to_owned())
}

/// Progress on a Turning the Curve priority, saved in the measures file.
fn update_worksheet_action(
    store: &SessionStore,
    id: &str,
    args: &ActionUpdateArgs,
    update: ProgressUpdate,
) -> anyhow::Result<ExitCode> {
    if args.status == PriorityStatus::CarriedForward || args.into.is_some() {
        bail!(words::curve_priority(id));
    }
    let measure = crate::commands::measures::change_in(&measures_dir(store), |register, _| {
        crate::measures::edit::update_action(register, id, update).map_err(anyhow::Error::msg)
    })?;
    println!("measures:{measure}/{id}\t{}", args.status.slug());
    Ok(ExitCode::SUCCESS)
}

/// The session a carried priority goes into: named, or the one session
/// that follows the priority's own.
fn later_session(register: &Scan, from: &str, into: Option<&str>) -> anyhow::Result<String> {
    if let Some(into) = into {
        return Ok(into.to_owned());
    }
    let followers: Vec<&Session> = register
        .sessions
        .iter()
        .filter(|s| s.follows.as_deref() == Some(from))
        .collect();
    match followers.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => bail!(words::no_follower(from)),
        _ => bail!(words::many_followers(from)),
    }
}

/// Carry a priority forward: the earlier file records the update, the
/// later one gains a priority linked to it. The earlier file is saved
/// first; if it cannot be, the later one is not touched.
fn carry(
    store: &SessionStore,
    register: &Scan,
    target: &ActionRef,
    into: Option<&str>,
    update: ProgressUpdate,
    now: Timestamp,
) -> anyhow::Result<ExitCode> {
    let into = later_session(register, &target.session, into)?;
    if into == target.session {
        bail!(words::NOT_INTO_ITS_OWN);
    }
    let mut from_open = open_for_update(store, &target.session, now)?;
    let mut into_open = open_for_update(store, &into, now)?;
    let mut from = from_open.loaded.clone();
    let mut later = into_open.loaded.clone();
    let mut ids = IdSource::random();
    let mut new_id = ids.next_id();
    while contains_id(&later, &new_id) {
        new_id = ids.next_id();
    }
    let new_id = carry_forward(&mut from, &mut later, &target.action, update, new_id)?;
    from.updated = now;
    later.updated = now;
    if !save_reporting(&mut from_open, &from, now)? {
        return Ok(ExitCode::FAILURE);
    }
    if !save_reporting(&mut into_open, &later, now)? {
        return Ok(ExitCode::FAILURE);
    }
    println!("{target}\tcarried-forward\t{into}/{new_id}");
    Ok(ExitCode::SUCCESS)
}
