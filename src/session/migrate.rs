//! Migration of session files written in older format versions.
//!
//! Version 2 only added fields (phase timers, the reveal of silent ratings,
//! the framing of questions), each with a default. Version 3 added stable
//! ids, progress logs, `follows` and `locality`, also with defaults; the
//! ids a version 1 or 2 file lacks are derived from its session id and each
//! thing's place (`ids::derive_missing`), so reading the same old file
//! twice gives the same ids, and the first save stores them for good.
//! The original file is kept as `<id>.v1-backup.ron` or `<id>.v2-backup.ron`
//! the first time it is opened for writing (see `store`).
//! `tests/fixtures/sessions/v1.ron` and `v2.ron` are the golden fixtures,
//! `v1-as-v3.ron` and `v2-as-v3.ron` what they become.

use super::codec::{DecodeError, Decoded};
use super::model::SESSION_FORMAT_VERSION;

/// Convert the text of a file of an older format version to the current
/// model. `read` parses text as the current model, reporting unknown fields
/// (and derives missing ids).
pub fn from_older(
    version: u32,
    text: &str,
    read: impl Fn(&str) -> Result<Decoded, DecodeError>,
) -> Result<Decoded, DecodeError> {
    match version {
        1 | 2 => {
            let mut decoded = read(text)?;
            decoded.session.version = SESSION_FORMAT_VERSION;
            decoded.file_version = version;
            Ok(decoded)
        }
        _ => Err(DecodeError::UnreadableVersion { found: version }),
    }
}
