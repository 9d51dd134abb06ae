//! The organisation's own content on screen: its own content areas and
//! the LSCB ones, with the questions and 'good' statements it has written
//! for each. Writing goes through the edge (`Effect::WriteOwnContent`);
//! this module only derives what to show and what to ask.

use crate::content::library::Library;
use crate::content::model::{Framework, GoodKind};
use crate::content::own;
use crate::content::query;

/// Where the screen's cursor is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnContentState {
    pub cursor: usize,
}

/// One area the organisation can write for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaRow {
    pub id: String,
    pub title: String,
    /// One of the organisation's own areas (else an LSCB one).
    pub own: bool,
    pub questions: usize,
    pub statements: usize,
}

/// The organisation's own areas first, then the LSCB framework's.
pub fn areas(library: &Library) -> Vec<AreaRow> {
    let row = |id: &str, title: &str, own: bool| AreaRow {
        id: id.to_owned(),
        title: title.to_owned(),
        own,
        questions: own::questions_for(library, id).len(),
        statements: own::statements_for(library, id).len(),
    };
    let mine = own::loaded(library)
        .map(|f| {
            query::all_areas(f)
                .into_iter()
                .map(|a| row(&a.id, &a.title, true))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let lscb = library
        .framework(own::PUBLISHER_AREAS)
        .map(|f| {
            query::all_areas(f)
                .into_iter()
                .map(|a| row(&a.id, &a.title, false))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    mine.into_iter().chain(lscb).collect()
}

/// A change the user asked for, to be written by the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnChange {
    Area {
        title: String,
        description: String,
    },
    Question {
        area: String,
        text: String,
    },
    Statement {
        area: String,
        kind: GoodKind,
        text: String,
    },
}

/// The change applied to the framework (the edge applies it again to the
/// file as read fresh); returns the id of what it made or joined.
pub fn apply(library: &Library, own: &mut Framework, change: &OwnChange) -> Result<String, String> {
    match change {
        OwnChange::Area { title, description } => own::add_area(own, title, description),
        OwnChange::Question { area, text } => {
            own::add_question(library, own, area, text).map(|()| area.clone())
        }
        OwnChange::Statement { area, kind, text } => {
            own::add_statement(library, own, area, *kind, text).map(|()| area.clone())
        }
    }
}

/// A statement's kind as typed: o, q or anything else for unmarked.
pub fn kind_from(answer: &str) -> GoodKind {
    match answer.trim().to_lowercase().chars().next() {
        Some('o') => GoodKind::Outcome,
        Some('q') => GoodKind::Quality,
        _ => GoodKind::Unmarked,
    }
}
