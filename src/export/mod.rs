//! Exports for readers outside the room: a Markdown or HTML report for a
//! safeguarding board, CSV and Excel for spreadsheets, iCalendar for
//! deadlines, and a JSON copy of a whole session that can be imported back.
//! One file per format; what they share is in `common`.

pub mod chart;
pub mod common;
pub mod csv;
pub mod html;
pub mod ics;
pub mod journal;
pub mod json;
pub mod markdown;
pub mod report;
pub mod supervision;
pub mod xlsx;

pub use markdown::{session_markdown, session_markdown_noting};
