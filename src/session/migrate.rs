//! Migration of session files written in older format versions.
//!
//! Version 2 only added fields (phase timers, the reveal of silent ratings,
//! the framing of questions), each with a default, so a version 1 file reads
//! into today's model as it is and gains the defaults. The original file is
//! kept as `<id>.v1-backup.ron` the first time it is opened for writing (see
//! `store`). `tests/fixtures/sessions/v1.ron` is the golden fixture.

use super::codec::{DecodeError, Decoded};
use super::model::SESSION_FORMAT_VERSION;

/// Convert the text of a file of an older format version to the current
/// model. `read` parses text as the current model, reporting unknown fields.
pub fn from_older(
    version: u32,
    text: &str,
    read: impl Fn(&str) -> Result<Decoded, DecodeError>,
) -> Result<Decoded, DecodeError> {
    match version {
        1 => {
            let mut decoded = read(text)?;
            decoded.session.version = SESSION_FORMAT_VERSION;
            decoded.file_version = 1;
            Ok(decoded)
        }
        _ => Err(DecodeError::UnreadableVersion { found: version }),
    }
}
