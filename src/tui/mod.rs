//! The terminal program: the event loop, signals, suspend and the panic
//! handler. Everything else lives in `app` (state) and `ui` (drawing).

pub mod runtime;
pub mod terminal;

use crate::app::App;
use crate::app::action::{Action, Command};
use crate::cli::GlobalArgs;
use crate::commands::content::{load_library, user_content_paths};
use crate::commands::sessions::open_store;
use crate::paths;
use crate::session::store::write_recovery;
use crate::ui;
use crate::ui::theme::Theme;
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use runtime::{RecoverySlot, Runtime};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// How often the clock ticks (autosave pauses, timers).
const TICK: Duration = Duration::from_millis(250);

/// On a panic: restore the terminal, then write any unsaved work beside
/// the session file (never over it), then report as usual.
fn install_panic_hook(recovery: RecoverySlot) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = terminal::leave();
        if let Ok(slot) = recovery.try_lock()
            && let Some((path, session)) = slot.as_ref()
        {
            match write_recovery(path, session, Timestamp::now()) {
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

/// Run the terminal program, optionally opening a session straight away.
pub fn run(global: &GlobalArgs, open: Option<String>) -> anyhow::Result<()> {
    let library = load_library(&user_content_paths(global));
    for problem in &library.problems {
        eprintln!("warning: {problem} (skipped)");
    }
    let store = open_store(global)?;
    let export_dir = paths::data_dir(global.data_dir.as_ref())
        .map(|d| d.join("exports"))
        .unwrap_or_else(|| store.dir.join("exports"));
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(library, Timestamp::now(), (width, height));
    app.theme = Theme::from_env(std::env::var_os("NO_COLOR").as_deref());
    app.time_zone = jiff::tz::TimeZone::system();
    let mut runtime = Runtime::new(app, store, export_dir);
    install_panic_hook(runtime.recovery.clone());

    runtime.start(open);
    let runtime = Arc::new(Mutex::new(runtime));
    save_on_signals(Arc::clone(&runtime))?;

    let guard = terminal::Guard::new()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let result = event_loop(&mut terminal, &runtime);
    drop(terminal);
    drop(guard);
    result
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
fn save_on_signals(runtime: Arc<Mutex<Runtime>>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let mut runtime = lock(&runtime);
            runtime.app.now = Timestamp::now();
            runtime.dispatch(Action::Command(Command::Quit));
            drop(runtime);
            let _ = terminal::leave();
            std::process::exit(0);
        }
    });
    Ok(())
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<std::io::Stdout>>,
    runtime: &Mutex<Runtime>,
) -> anyhow::Result<()> {
    loop {
        {
            let runtime = lock(runtime);
            terminal.draw(|frame| ui::render(frame, &runtime.app))?;
            if runtime.app.quit {
                return Ok(());
            }
        }
        // The lock is not held while waiting for input, so a signal can save.
        if event::poll(TICK)? {
            let event = event::read()?;
            let mut runtime = lock(runtime);
            runtime.app.now = Timestamp::now();
            match event {
                Event::Key(key)
                    if key.kind == KeyEventKind::Press
                        && key.code == KeyCode::Char('z')
                        && key.modifiers.contains(KeyModifiers::CONTROL)
                        && !runtime.app.is_typing() =>
                {
                    suspend(terminal, &mut runtime)?;
                }
                Event::Key(key) => runtime.dispatch(Action::Key(key)),
                Event::Paste(text) => runtime.dispatch(Action::Paste(text)),
                Event::Mouse(mouse) => runtime.dispatch(Action::Mouse(mouse)),
                Event::Resize(width, height) => runtime.dispatch(Action::Resize(width, height)),
                _ => {}
            }
        }
        let mut runtime = lock(runtime);
        runtime.app.now = Timestamp::now();
        runtime.dispatch(Action::Tick);
    }
}

/// Ctrl-Z: save, give the shell its terminal back, and carry on when resumed.
fn suspend(
    terminal: &mut Terminal<CrosstermBackend<std::io::Stdout>>,
    runtime: &mut Runtime,
) -> anyhow::Result<()> {
    runtime.dispatch(Action::Command(Command::SaveNow));
    terminal::leave()?;
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    terminal::enter()?;
    terminal.clear()?;
    Ok(())
}
