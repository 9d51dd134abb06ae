//! Session files as text: encoding that is verified by parsing it back, and
//! decoding that dispatches on the `version` field, reports unknown fields,
//! and never puts a word of the user's notes into an error message.

use super::migrate;
use super::model::{SESSION_FORMAT_VERSION, Session};
use crate::content::problem::line_col;
use serde::Deserialize;
use std::fmt;

/// Why a session file could not be read. Messages never quote note text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    NotUtf8 {
        line: usize,
        col: usize,
    },
    NulBytes {
        line: usize,
        col: usize,
    },
    /// RON syntax or shape error, with the parser's message (redacted).
    Invalid {
        line: usize,
        col: usize,
        message: String,
    },
    /// A version this howgood cannot read at all.
    UnreadableVersion {
        found: u32,
    },
}

impl DecodeError {
    /// Line and column, where the error has a place in the text.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            DecodeError::NotUtf8 { line, col }
            | DecodeError::NulBytes { line, col }
            | DecodeError::Invalid { line, col, .. } => Some((*line, *col)),
            DecodeError::Empty | DecodeError::UnreadableVersion { .. } => None,
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty"),
            DecodeError::NotUtf8 { .. } => write!(f, "the file is not UTF-8 text"),
            DecodeError::NulBytes { .. } => write!(f, "the file contains NUL bytes (damaged)"),
            DecodeError::Invalid { message, .. } => write!(f, "{message}"),
            DecodeError::UnreadableVersion { found } => write!(
                f,
                "session format version {found} cannot be read by this howgood (it reads up to version {SESSION_FORMAT_VERSION})"
            ),
        }
    }
}

/// A decoded session and anything that makes it unsafe to save over.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub session: Session,
    /// The version the file was written in (older ones were migrated).
    pub file_version: u32,
    /// Fields this howgood does not know, as paths like `items.0.colour`.
    pub unknown_fields: Vec<String>,
}

impl Decoded {
    /// Why this file must be opened read-only, if it must.
    pub fn read_only_reason(&self) -> Option<String> {
        read_only_reason(
            "format",
            self.file_version,
            SESSION_FORMAT_VERSION,
            &self.unknown_fields,
        )
    }
}

/// Why a durable file must be opened read-only, if it must: written by a
/// newer howgood, or holding fields this one would drop on saving.
pub fn read_only_reason(
    format: &str,
    file_version: u32,
    current: u32,
    unknown_fields: &[String],
) -> Option<String> {
    if file_version > current {
        return Some(format!(
            "written by a newer howgood ({format} version {file_version}); opened read-only so nothing it added is lost"
        ));
    }
    if !unknown_fields.is_empty() {
        return Some(format!(
            "has fields this howgood does not know ({}); opened read-only so they are not dropped",
            unknown_fields.join(", ")
        ));
    }
    None
}

fn ron_options() -> ron::Options {
    ron::Options::default()
}

/// Replace every double-quoted string in a parser message with `"…"`, and
/// every backquoted one with `` `…` ``: the parser quotes the offending
/// value or name, which may be a word from a user's note (a child's name).
/// Backquoted names after "expected" are howgood's own and are kept.
pub fn redact(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in message.chars() {
        if let Some(close) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' && close == '"' {
                escaped = true;
            } else if c == close {
                quote = None;
                out.push('…');
                out.push(close);
            }
            continue;
        }
        out.push(c);
        let ours = out.contains(" expected ");
        if c == '"' || (c == '`' && !ours) {
            quote = Some(c);
        }
    }
    if let Some(close) = quote {
        out.push('…');
        out.push(close);
    }
    out
}

/// A RON error as a `DecodeError` with its place, its words redacted.
pub fn invalid(error: &ron::error::SpannedError) -> DecodeError {
    DecodeError::Invalid {
        line: error.span.start.line,
        col: error.span.start.col,
        message: redact(&error.code.to_string()),
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// The text of a durable file's bytes: an empty, non-UTF-8 or NUL-holding
/// file is refused with the place where it goes wrong (shared by every
/// file howgood keeps).
pub fn checked_text(bytes: &[u8]) -> Result<&str, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let (line, col) = line_col(&valid, usize::MAX);
        DecodeError::NotUtf8 { line, col }
    })?;
    if let Some(at) = text.find('\0') {
        let (line, col) = line_col(text, at);
        return Err(DecodeError::NulBytes { line, col });
    }
    Ok(text)
}

/// Decode a session file's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let text = checked_text(bytes)?;
    let probe: VersionProbe = ron_options().from_str(text).map_err(|e| invalid(&e))?;
    if probe.version == 0 {
        return Err(DecodeError::UnreadableVersion { found: 0 });
    }
    if probe.version < SESSION_FORMAT_VERSION {
        return migrate::from_older(probe.version, text, |t| read_current(t, probe.version));
    }
    read_current(text, probe.version)
}

/// Read text as the current model: what we know, and a list of what we do
/// not. A newer file that no longer fits our model at all cannot be read.
fn read_current(text: &str, file_version: u32) -> Result<Decoded, DecodeError> {
    let mut unknown_fields = Vec::new();
    let mut deserializer =
        ron::Deserializer::from_str_with_options(text, &ron_options()).map_err(|e| invalid(&e))?;
    let parsed = serde_ignored::deserialize(&mut deserializer, |path| {
        unknown_fields.push(path.to_string());
    });
    let mut session: Session = match parsed.and_then(|s| deserializer.end().map(|()| s)) {
        Ok(session) => session,
        Err(_) if file_version > SESSION_FORMAT_VERSION => {
            return Err(DecodeError::UnreadableVersion {
                found: file_version,
            });
        }
        Err(error) => return Err(invalid(&deserializer.span_error(error))),
    };
    // Older files have no ids; a hand-edited one may have lost some.
    super::ids::derive_missing(&mut session);
    Ok(Decoded {
        session,
        file_version,
        unknown_fields,
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    Serialise(String),
    /// The text did not parse back to the same session: a bug, caught
    /// before anything reaches the disk.
    RoundTrip,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::Serialise(message) => write!(f, "could not write the session: {message}"),
            EncodeError::RoundTrip => write!(
                f,
                "the session did not read back as written; nothing was saved (please report this)"
            ),
        }
    }
}

/// Encode a session and check that it reads back as the same session.
///
/// Notes are written as they are typed, line breaks and all, so that a
/// diff (and git's merge) sees the lines that changed. Where a note holds
/// a control character other than a line break or tab (a carriage return
/// would be changed by git's line-ending rules), or the plain form would
/// not read back, the escaped one-line form is written instead.
pub fn encode(session: &Session) -> Result<String, EncodeError> {
    if let Ok(text) = encode_with(session, false)
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Ok(text);
    }
    encode_with(session, true)
}

fn encode_with(session: &Session, escape: bool) -> Result<String, EncodeError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_owned())
        .struct_names(false)
        .escape_strings(escape);
    let text = ron_options()
        .to_string_pretty(session, config)
        .map_err(|e| EncodeError::Serialise(redact(&e.to_string())))?;
    let text = format!("{text}\n");
    // A thing still without an id (the app gives ids at its next save; a
    // recovery copy may be written before that) reads back with a derived
    // one: that is the same session.
    let mut expected = session.clone();
    super::ids::derive_missing(&mut expected);
    match decode(text.as_bytes()) {
        Ok(decoded) if decoded.session == expected && decoded.unknown_fields.is_empty() => Ok(text),
        _ => Err(EncodeError::RoundTrip),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::model::{ItemRecord, ScaleChoice, SessionKind};

    fn sample() -> Session {
        let mut session = Session::new(
            "2026-11-24-test-0001".into(),
            SessionKind::Workshop,
            "Test \"quoted\" title".into(),
            "hmie-cp-2009".into(),
            ScaleChoice::Framework,
            "2026-11-24T09:00:00Z".parse().expect("timestamp"),
        );
        let mut item = ItemRecord::new("5.3");
        item.level = Some(4);
        item.rationale = "Line one\nLine two with \\ and \"quotes\" and émoji 👩‍👧".into();
        session.items.push(item);
        session
    }

    #[test]
    fn encode_round_trips_any_text() {
        let session = sample();
        let text = encode(&session).expect("encodes");
        assert!(text.starts_with("(\n  version: 3,"), "version comes first");
        assert_eq!(decode(text.as_bytes()).expect("decodes").session, session);
    }

    #[test]
    fn notes_are_written_line_by_line_unless_they_hold_a_carriage_return() {
        let mut session = sample();
        let text = encode(&session).expect("encodes");
        assert!(text.contains("Line one\nLine two"), "{text}");
        session.items[0].rationale = "one\r\ntwo".into();
        let text = encode(&session).expect("encodes");
        assert!(text.contains(r"one\r\ntwo"), "{text}");
        assert_eq!(decode(text.as_bytes()).expect("decodes").session, session);
    }

    #[test]
    fn bad_bytes_are_errors_not_defaults() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"(\n  version: 3,\xff"),
            Err(DecodeError::NotUtf8 { line: 2, col: 14 })
        );
        assert_eq!(
            decode(b"(\n\0\0\0"),
            Err(DecodeError::NulBytes { line: 2, col: 1 })
        );
        let text = encode(&sample()).expect("encodes");
        let truncated = &text.as_bytes()[..text.len() / 2];
        assert!(matches!(
            decode(truncated),
            Err(DecodeError::Invalid { .. })
        ));
    }

    #[test]
    fn errors_never_quote_the_users_words() {
        let text = encode(&sample()).expect("encodes");
        // A level that is a string: serde would quote the value.
        let broken = text.replace("level: Some(4)", "level: Some(\"my secret note\")");
        let error = decode(broken.as_bytes()).expect_err("invalid");
        let shown = error.to_string();
        assert!(!shown.contains("secret"), "{shown}");
        assert!(error.position().is_some());
    }

    #[test]
    fn unknown_fields_are_listed() {
        let text = encode(&sample()).expect("encodes");
        let extra = text.replace("  rationale:", "  colour: \"blue\",\n  rationale:");
        let decoded = decode(extra.as_bytes()).expect("decodes");
        assert_eq!(decoded.unknown_fields, ["items.0.colour"]);
        assert!(decoded.read_only_reason().is_some());
    }

    #[test]
    fn a_newer_version_reads_but_is_read_only() {
        let text = encode(&sample()).expect("encodes");
        let newer = text.replacen("version: 3,", "version: 99,", 1);
        let decoded = decode(newer.as_bytes()).expect("decodes");
        assert_eq!(decoded.file_version, 99);
        assert!(
            decoded
                .read_only_reason()
                .expect("read-only")
                .contains("newer howgood")
        );
        let unreadable = "(version: 99, everything: \"changed\")";
        assert_eq!(
            decode(unreadable.as_bytes()),
            Err(DecodeError::UnreadableVersion { found: 99 })
        );
    }

    #[test]
    fn redact_hides_every_quoted_string() {
        assert_eq!(
            redact(r#"invalid type: string "a \"b\" c", expected u8"#),
            r#"invalid type: string "…", expected u8"#
        );
        assert_eq!(
            redact("unknown field `Tommy`, expected one of `id`, `title`"),
            "unknown field `…`, expected one of `id`, `title`"
        );
    }
}
