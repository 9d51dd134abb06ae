//! A whole session as versioned JSON (documented in docs/json-format.md),
//! and reading it back. The session is written exactly as howgood holds
//! it, so export then import gives an equal session.

use crate::session::model::{SESSION_FORMAT_VERSION, Session};
use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};

/// What the file says it is.
pub const FORMAT: &str = "howgood-session";
/// Version of the JSON wrapper (the session inside carries its own).
pub const JSON_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    format: String,
    version: u32,
    /// Private evidence items left out of this copy (0 for a full copy).
    #[serde(default)]
    private_evidence_left_out: usize,
    session: Session,
}

/// The session as pretty JSON, saying how many private evidence items the
/// caller left out of it.
pub fn session_json(session: &Session, private_left_out: usize) -> String {
    let envelope = Envelope {
        format: FORMAT.to_owned(),
        version: JSON_VERSION,
        private_evidence_left_out: private_left_out,
        session: session.clone(),
    };
    let mut text = serde_json::to_string_pretty(&envelope).expect("a session serialises");
    text.push('\n');
    text
}

/// A session read back from `session_json`, and how many private evidence
/// items its exporter left out. Refuses other files and newer versions.
pub fn read_session(text: &str) -> anyhow::Result<(Session, usize)> {
    let value: serde_json::Value = serde_json::from_str(text).context("not JSON")?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        bail!("not a howgood session export (its \"format\" is not \"{FORMAT}\")");
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version != u64::from(JSON_VERSION) {
        bail!("JSON version {version} is not one this howgood reads ({JSON_VERSION})");
    }
    // A field this howgood does not know would be dropped on import: refuse
    // rather than lose it silently.
    let mut unknown: Vec<String> = Vec::new();
    let envelope: Envelope = serde_ignored::deserialize(value, |path| {
        unknown.push(path.to_string());
    })
    .map_err(|error| {
        anyhow::anyhow!(
            "the session in this file does not read: {}",
            crate::session::codec::redact(&error.to_string())
        )
    })?;
    if !unknown.is_empty() {
        bail!(
            "this export has fields this howgood does not know, which an import would lose: {}",
            unknown.join(", ")
        );
    }
    if envelope.session.version != SESSION_FORMAT_VERSION {
        bail!(
            "this export holds a session in format {}; this howgood writes format {SESSION_FORMAT_VERSION}",
            envelope.session.version
        );
    }
    Ok((envelope.session, envelope.private_evidence_left_out))
}
