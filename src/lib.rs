//! howgood: self-evaluation for children's safeguarding services.

pub mod cli;
pub mod commands;
pub mod content;
pub mod paths;
pub mod session;
