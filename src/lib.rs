//! howgood: self-evaluation for children's safeguarding services.

pub mod app;
pub mod cli;
pub mod commands;
pub mod content;
pub mod export;
pub mod measures;
pub mod paths;
pub mod session;
pub mod settings;
pub mod tui;
pub mod ui;
