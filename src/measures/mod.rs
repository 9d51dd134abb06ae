//! Tracked performance measures: the model, its file and its validation,
//! values over time, Turning the Curve worksheets, and CSV import. Beside
//! `session`: it uses the content layer for Module 5 origins and the
//! session layer's storage rules and priorities.

pub mod actions;
pub mod conflicts;
pub mod curve;
pub mod edit;
pub mod file;
pub mod import;
pub mod model;
pub mod period;
pub mod reading;
pub mod validate;
