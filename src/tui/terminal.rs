//! The terminal's modes: entered once, undone by a guard on every exit,
//! by the panic hook, and around a suspend.

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{self, stdout};

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
