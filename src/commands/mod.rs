//! Command-line subcommands that run without the terminal UI.

pub mod actions;
pub mod content;
pub mod daily;
pub mod export;
pub mod internal;
pub mod measures;
pub mod report;
pub mod sessions;
pub mod sync;
pub mod trends;
