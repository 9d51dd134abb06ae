//! Creating a session: checked against the content, with the scale it records levels against.

use crate::content::library::{BORROWED_SCALE, Library};
use crate::content::query;
use crate::safe_io::has_control;
use crate::session::ids::session_id;
use crate::session::model::{ItemRecord, ScaleChoice, Session, SessionKind};
use anyhow::bail;
use jiff::Timestamp;

/// The scale a new session on this framework records levels against.
pub fn scale_for(library: &Library, framework: &str) -> ScaleChoice {
    match library.framework(framework) {
        Some(f) if f.scale.is_some() => ScaleChoice::Framework,
        _ => ScaleChoice::Borrowed(BORROWED_SCALE.to_owned()),
    }
}

/// What a new session is asked to be.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub kind: SessionKind,
    pub framework: &'a str,
    pub title: &'a str,
    pub items: &'a [String],
    pub participants: &'a [String],
}

/// A new session, checked against the content; its id ends in `id_suffix`.
pub fn build_session(
    library: &Library,
    request: Request,
    now: Timestamp,
    id_suffix: u16,
) -> anyhow::Result<Session> {
    let Request {
        kind,
        framework: framework_id,
        title,
        items,
        participants,
    } = request;
    let Some(framework) = library.framework(framework_id) else {
        let known: Vec<_> = library
            .frameworks
            .iter()
            .map(|(f, _)| f.id.as_str())
            .collect();
        bail!(
            "unknown framework '{framework_id}'; known: {}",
            known.join(", ")
        );
    };
    if title.trim().is_empty() {
        bail!("a session needs a title");
    }
    if has_control(title) || title.contains(['\n', '\t']) {
        bail!(
            "the title contains a control character (such as a terminal escape); type it as plain text"
        );
    }
    if participants.iter().any(|p| p.chars().any(char::is_control)) {
        bail!(
            "a participant name contains a control character (such as a terminal escape); type it as plain text"
        );
    }
    if kind == SessionKind::Supervision && items.is_empty() {
        // As the new-session screen refuses it: a supervision with no area
        // has no questions to take.
        bail!(
            "a supervision needs at least one content area to talk about: add --indicator AREA (`howgood content show {framework_id}` lists them)"
        );
    }
    for item in items {
        if !query::evaluable_ids(framework).any(|id| id == item) {
            bail!(
                "'{item}' is not an indicator, statement, judgement or content area of {framework_id}; `howgood content show {framework_id}` lists them"
            );
        }
    }
    let mut session = Session::new(
        session_id(title, now, id_suffix),
        kind,
        title.trim().to_owned(),
        framework_id.to_owned(),
        scale_for(library, framework_id),
        now,
    );
    session.items = items.iter().map(ItemRecord::new).collect();
    session.participants = participants
        .iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if kind == SessionKind::Supervision {
        // Its own record, dated the day it is created (in UTC here: the
        // screen can change it).
        session.supervision = Some(crate::session::model::SupervisionRecord {
            date: Some(jiff::tz::TimeZone::UTC.to_datetime(now).date()),
            ..Default::default()
        });
    }
    Ok(session)
}
