//! Migration of session files written in older format versions.
//!
//! Version 1 is the first format, so there is nothing older to migrate yet.
//! When the format changes, the previous version's types are kept here
//! (frozen), `from_older` converts them, and the golden fixture of each old
//! version in `tests/fixtures/sessions/` proves the conversion.

use super::codec::DecodeError;
use super::model::Session;

/// Convert a file of an older format version to the current model.
pub fn from_older(version: u32, _text: &str) -> Result<Session, DecodeError> {
    Err(DecodeError::UnreadableVersion { found: version })
}
