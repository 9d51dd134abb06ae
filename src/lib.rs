//! howgood: self-evaluation for children's safeguarding services.

pub mod app;
pub mod cli;
pub mod commands;
pub mod content;
pub mod export;
pub mod index;
pub mod measures;
pub mod paths;
pub mod safe_io;
pub mod session;
pub mod settings;
pub mod sync;
pub mod tui;
pub mod ui;
