//! The terminal's modes: entered once, undone by a guard on every exit,
//! by the panic hook, and around a suspend.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{self, BufWriter, Stdout, stdout};

/// The screens' terminal. Each frame goes out in one write: standard
/// output's own buffer is a line's worth, so a frame took several writes
/// to the terminal (a start's first frame alone, a few dozen).
pub type Tui = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Larger than most frames' changes (a whole 240×67 screen is about 30 KiB;
/// a larger frame goes out in more than one write). Kept under the size
/// the allocator would map from the system on its own.
const FRAME_BUFFER: usize = 64 * 1024;

pub fn open() -> io::Result<Tui> {
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        FRAME_BUFFER,
        stdout(),
    )))
}

/// Enter raw mode, the alternate screen, mouse capture and bracketed paste.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Undo every mode `enter` set. Safe to call more than once.
pub fn leave() -> io::Result<()> {
    let result = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    disable_raw_mode()?;
    result
}

/// Leaves the terminal as it found it when dropped, however the program ends.
pub struct Guard;

impl Guard {
    pub fn new() -> io::Result<Guard> {
        enter()?;
        Ok(Guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = leave();
    }
}
