//! The terminal program: the event loop, signals, suspend and the panic
//! handler. Everything else lives in `app` (state) and `ui` (drawing).

pub mod config;
pub mod home_snapshot;
pub mod runtime;
pub mod terminal;

use crate::app::action::{Action, Command};
use crate::app::{App, Screen};
use crate::cli::GlobalArgs;
use crate::commands::content::{load_library, user_content_paths};
use crate::paths;
use crate::session::store::write_emergency;
use crate::ui;
use jiff::Timestamp;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use runtime::{RecoverySlot, Runtime};
use signal_hook::consts::{SIGHUP, SIGTERM};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// How often the clock ticks in a session (autosave pauses, timers).
const TICK: Duration = Duration::from_millis(250);
/// How often it ticks elsewhere, where nothing runs on the clock.
const IDLE_TICK: Duration = Duration::from_secs(1);
/// Most queued events handled between two frames.
const MAX_EVENTS_PER_FRAME: usize = 200;

/// On a panic: restore the terminal, then write any unsaved work beside
/// the session file (never over it), then report as usual.
pub fn install_panic_hook(recovery: RecoverySlot, fallbacks: Vec<PathBuf>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = terminal::leave();
        if let Ok(slot) = recovery.try_lock()
            && let Some((path, session)) = slot.as_ref()
        {
            match write_emergency(path, session, Timestamp::now(), &fallbacks) {
                Ok(copy) => eprintln!(
                    "howgood: your unsaved changes are kept in {}",
                    copy.display()
                ),
                Err(error) => eprintln!("howgood: could not write a recovery copy: {error}"),
            }
        }
        previous(info);
    }));
}

/// Where the terminal program starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Home,
    /// A session by id, path or title prefix.
    Open(String),
    /// Today's daily review, with these focus areas if any are given.
    Daily(Vec<String>),
}

/// Run the terminal program.
pub fn run(global: &GlobalArgs, start: Start) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        anyhow::bail!(
            "the screens need a terminal that can draw them, and TERM=dumb cannot; in scripts use `howgood new`, `howgood export`, `howgood sessions list` or `howgood content`"
        );
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the screens need a terminal; in scripts use `howgood new`, `howgood export`, `howgood sessions list` or `howgood content` (see `howgood --help`)"
        );
    }
    let runtime = Arc::new(Mutex::new(prepare(global, start)?));
    // Caught from here on; the thread that saves on them starts after the
    // first frame, which it would only delay.
    let signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;

    let guard = terminal::Guard::new()?;
    let mut terminal = terminal::open()?;
    let result = event_loop(&mut terminal, &runtime, signals);
    // However the loop ended (q, Ctrl-C, the terminal gone, an error):
    // one last save, and a copy of anything that could not be saved.
    let report = quit_anyway(&runtime);
    // The signal thread keeps the runtime alive to the end, so the index is
    // closed here: SQLite then folds its write-ahead log into the file and
    // removes it, and the next start need not read the log back page by page.
    lock(&runtime).close_index();
    // Not dropped: ratatui's drop prints to stderr when it cannot show the
    // cursor, which panics once the terminal has gone. The guard shows it.
    std::mem::forget(terminal);
    drop(guard);
    if let Some(report) = report {
        say(&report);
        std::process::exit(1);
    }
    result
}

/// Everything the screens need before their first frame, started where
/// `start` says.
fn prepare(global: &GlobalArgs, start: Start) -> anyhow::Result<Runtime> {
    let library = load_library(&user_content_paths(global));
    // Permission warnings are shown on the home screen, not printed here.
    let dir = paths::sessions_dir(global.data_dir.as_ref()).ok_or_else(|| {
        anyhow::anyhow!("no data folder: pass --data-dir DIR or set HOWGOOD_DATA_DIR")
    })?;
    // Stale temporary files are swept by the comparing thread, after the
    // first frame (`start_reconcile`).
    let store = crate::session::store::SessionStore::open_unswept(dir)?;
    let data_dir = paths::data_dir(global.data_dir.as_ref()).unwrap_or_else(|| store.dir.clone());
    let export_dir = data_dir.join("exports");
    let settings_path = crate::settings::path(&data_dir);
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    // Content problems are shown on the home screen, where they will be read.
    // A library not parsed yet holds only the embedded files, which the
    // tests validate: asking it for problems would parse it before the
    // first frame, for nothing.
    let content_problems: Vec<String> = if library.is_loaded() {
        library
            .problems
            .iter()
            .map(|p| format!("{p} (skipped)"))
            .collect()
    } else {
        Vec::new()
    };
    let mut app = App::new(library, Timestamp::now(), (width, height));
    app.startup_problems = content_problems;
    app.ids = crate::session::ids::IdSource::random();
    config::load(
        &mut app,
        paths::config_dir().as_deref(),
        global.theme.as_deref(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    app.time_zone = system_time_zone();
    let mut runtime = Runtime::new(app, store, export_dir, settings_path);
    runtime.emergency_dirs = paths::emergency_dirs(&data_dir);
    runtime.own_content_path =
        paths::user_content_dir().map(|d| crate::session::own_content::path_in(&d));
    runtime.background_reconcile = true;
    install_panic_hook(runtime.recovery.clone(), runtime.emergency_dirs.clone());

    runtime.app.present = global.present;
    match start {
        Start::Home => runtime.start_from_kept_home(),
        Start::Open(query) => runtime.start(Some(query)),
        Start::Daily(focus) => {
            if !focus.is_empty() {
                if let Some(problem) = &runtime.app.settings_problem {
                    anyhow::bail!("the settings file is damaged and is left as it is: {problem}");
                }
                let known = crate::app::update::focus_areas(&runtime.app);
                if let Some(unknown) = focus.iter().find(|a| !known.contains(a)) {
                    let is_area = runtime
                        .app
                        .library
                        .framework(crate::app::daily::DAILY_FRAMEWORK)
                        .is_some_and(|f| {
                            crate::content::query::all_area_ids(f).any(|id| id == unknown)
                        });
                    if is_area {
                        anyhow::bail!(
                            "the LSCB framework asks no questions under '{unknown}'; choose another area (`howgood content show lscb-qaf` lists them)"
                        );
                    }
                    anyhow::bail!(
                        "'{unknown}' is not an LSCB content area; `howgood content show lscb-qaf` lists them"
                    );
                }
                runtime.app.settings.daily.focus_areas = focus;
                runtime.app.settings.daily.offered.clear();
                crate::settings::save(&runtime.settings_path, &runtime.app.settings)
                    .map_err(anyhow::Error::msg)?;
            }
            runtime.start(None);
            runtime.dispatch(Action::Command(Command::StartDaily));
        }
    }
    Ok(runtime)
}

/// The system's time zone. jiff's `TimeZone::system()` first lists the
/// whole zoneinfo database (some 1,800 files in 60 folders) to recognise
/// the zone's name, which costs a start a good part of a bare terminal
/// program's whole run; so without `TZ`, `/etc/localtime` is read directly,
/// named by its link where it is one. Anything else is left to jiff.
fn system_time_zone() -> jiff::tz::TimeZone {
    const LOCALTIME: &str = "/etc/localtime";
    if cfg!(unix)
        && std::env::var_os("TZ").is_none()
        && let Ok(bytes) = std::fs::read(LOCALTIME)
    {
        let target = std::fs::read_link(LOCALTIME).unwrap_or_default();
        let name = target
            .to_str()
            .and_then(|t| t.split_once("zoneinfo/"))
            .map_or("Local", |(_, name)| name);
        if let Ok(zone) = jiff::tz::TimeZone::tzif(name, &bytes) {
            return zone;
        }
    }
    jiff::tz::TimeZone::system()
}

/// Quit if not already quitting, saving what can be saved; the report of
/// anything left unsaved and where its copy went.
fn quit_anyway(runtime: &Mutex<Runtime>) -> Option<String> {
    let mut runtime = lock(runtime);
    if !runtime.app.quit {
        runtime.app.now = Timestamp::now();
        runtime.dispatch(Action::Command(Command::QuitAnyway));
    }
    runtime.exit_report()
}

/// Print to stderr if it is still there (the terminal may have gone).
fn say(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// What standard input has for us.
#[derive(PartialEq)]
enum Input {
    Ready,
    Nothing,
    /// The terminal has gone (its other end closed): a hang-up or an error
    /// rather than keys.
    Gone,
}

/// Wait up to `timeout` for input. This is asked of the terminal itself,
/// not crossterm: crossterm's reader loops for ever on a closed terminal.
fn wait_for_input(timeout: Duration) -> Input {
    #[cfg(unix)]
    {
        let mut fd = libc::pollfd {
            fd: 0,
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&mut fd, 1, millis) };
        if ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            Input::Gone
        } else if ready > 0 {
            Input::Ready
        } else {
            Input::Nothing
        }
    }
    #[cfg(not(unix))]
    {
        match event::poll(timeout) {
            Ok(true) => Input::Ready,
            Ok(false) => Input::Nothing,
            Err(_) => Input::Gone,
        }
    }
}

/// Whether crossterm has an event for us now, without ever handing it a
/// closed terminal.
fn event_waiting() -> std::io::Result<bool> {
    if wait_for_input(Duration::ZERO) == Input::Gone {
        return Ok(false);
    }
    event::poll(Duration::ZERO)
}

fn lock(runtime: &Mutex<Runtime>) -> MutexGuard<'_, Runtime> {
    // A panic while holding the lock must not cost the save that follows.
    runtime
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Closing the window sends SIGHUP; a shutdown sends SIGTERM. On either,
/// save and leave. This runs on its own thread because the input reader
/// can block for good once the terminal has gone.
fn save_on_signals(mut signals: signal_hook::iterator::Signals, runtime: Arc<Mutex<Runtime>>) {
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let report = quit_anyway(&runtime);
            lock(&runtime).close_index();
            let _ = terminal::leave();
            if let Some(report) = report {
                say(&report);
                std::process::exit(1);
            }
            std::process::exit(0);
        }
    });
}

fn event_loop(
    terminal: &mut terminal::Tui,
    runtime: &Arc<Mutex<Runtime>>,
    signals: signal_hook::iterator::Signals,
) -> anyhow::Result<()> {
    let mut signals = Some(signals);
    let mut redraw = true;
    let mut drawn_second = None;
    // Benchmarks (benches/run.sh) time a start to its first frame.
    let first_frame_only = std::env::var_os("HOWGOOD_BENCH_FIRST_FRAME").is_some();
    // The folder is compared with the index on another thread, after the
    // frame is drawn; its answer arrives here.
    let (reconciled, answers) = std::sync::mpsc::channel();
    let mut reconciling = false;
    loop {
        let timer_screen;
        {
            let runtime = lock(runtime);
            // Sessions show a running clock: redraw when its second changes.
            // Other screens redraw only after an event or a tick that did
            // something, so an idle howgood costs nothing.
            timer_screen = matches!(runtime.app.screen, Screen::Session(_))
                || runtime.app.sync.running.is_some();
            let second = runtime.app.now.as_second();
            if redraw || (timer_screen && drawn_second != Some(second)) {
                terminal.draw(|frame| ui::render(frame, &runtime.app))?;
                drawn_second = Some(second);
            }
            redraw = false;
            if runtime.app.quit || first_frame_only {
                return Ok(());
            }
        }
        if let Some(signals) = signals.take() {
            save_on_signals(signals, Arc::clone(runtime));
            redraw = lock(runtime).after_first_frame();
            if redraw {
                continue;
            }
        }
        reconciling |= start_reconcile(&mut lock(runtime), &reconciled, reconciling);
        let wait = if timer_screen || reconciling || lock(runtime).busy() {
            TICK
        } else {
            IDLE_TICK
        };
        // The lock is not held while waiting for input, so a signal can save.
        let input = wait_for_input(wait);
        if input == Input::Gone {
            // The terminal went away without a hang-up signal: leave
            // through the saving exit rather than read for ever.
            return Ok(());
        }
        if input == Input::Ready && event_waiting()? {
            redraw = true;
            // Handle everything already typed before drawing again, so a
            // burst of keys (or a slow search) never leaves the screen behind.
            let mut handled = 0;
            loop {
                let event = event::read()?;
                let mut guard = lock(runtime);
                guard.app.now = Timestamp::now();
                match event {
                    Event::Key(key)
                        if key.kind == KeyEventKind::Press
                            && key.code == KeyCode::Char('z')
                            && key.modifiers.contains(KeyModifiers::CONTROL)
                            && !guard.app.is_typing() =>
                    {
                        suspend(terminal, &mut guard)?;
                    }
                    Event::Key(key) => guard.dispatch(Action::Key(key)),
                    Event::Paste(text) => guard.dispatch(Action::Paste(text)),
                    Event::Mouse(mouse) => guard.dispatch(Action::Mouse(mouse)),
                    Event::Resize(width, height) => guard.dispatch(Action::Resize(width, height)),
                    _ => {}
                }
                handled += 1;
                if guard.app.quit || handled >= MAX_EVENTS_PER_FRAME || !event_waiting()? {
                    break;
                }
            }
        }
        let mut runtime = lock(runtime);
        runtime.app.now = Timestamp::now();
        redraw |= runtime.tick();
        while let Ok(answer) = answers.try_recv() {
            redraw = true;
            match answer {
                Answer::Progress(done, total) => runtime.indexing(done, total),
                Answer::Done(result) => {
                    reconciling = false;
                    runtime.indexing_finished();
                    if let Ok(done) = result {
                        runtime.reconciled(done);
                    }
                }
            }
        }
    }
}

/// What the comparing thread says: how far it got (files read of those
/// to read), then its result.
enum Answer {
    Progress(usize, usize),
    Done(Result<crate::index::Reconciled, crate::index::IndexError>),
}

/// Start comparing the folder with the index on its own thread (with its
/// own connection), if the runtime wants it and none is running.
fn start_reconcile(
    runtime: &mut Runtime,
    answer: &std::sync::mpsc::Sender<Answer>,
    running: bool,
) -> bool {
    if running || !runtime.reconcile_wanted {
        return false;
    }
    runtime.reconcile_wanted = false;
    let (path, dir) = (runtime.index_path(), runtime.store.dir.clone());
    let answer = answer.clone();
    std::thread::spawn(move || {
        crate::session::store::SessionStore::at(dir.clone()).sweep_temps();
        let progress = answer.clone();
        let result = crate::index::Index::open_current(&path, &dir, &mut |done, total| {
            let _ = progress.send(Answer::Progress(done, total));
        });
        let _ = answer.send(Answer::Done(result.map(|(_, done)| done)));
    });
    true
}

/// Ctrl-Z: save, give the shell its terminal back, and carry on when resumed.
fn suspend(terminal: &mut terminal::Tui, runtime: &mut Runtime) -> anyhow::Result<()> {
    runtime.dispatch(Action::Command(Command::SaveNow));
    terminal::leave()?;
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    terminal::enter()?;
    terminal.clear()?;
    Ok(())
}
