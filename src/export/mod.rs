//! Exports of a session for readers outside the room, such as a Markdown report for a safeguarding board.

pub mod markdown;

pub use markdown::session_markdown;
