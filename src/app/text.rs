//! The frameworks' rules as the user reads them, each worded once and used
//! by every screen and export that states it: triangulation, levels shown
//! as a spread of names (never an average), and the cap on priorities.

use crate::content::model::Scale;
use crate::session::model::ItemRecord;

/// An evaluation should rest on at least this many distinct sources.
pub const MIN_SOURCES: usize = 3;

/// More priorities than this and the frameworks' advice is shown.
pub const PRIORITIES_CAP: usize = 5;

/// The word for evidence that lacks nothing.
pub const TRIANGULATED: &str = "triangulated";

/// What an item's evidence lacks for triangulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    FewSources,
    NoFamilyViews,
}

impl Gap {
    /// A few words, for a status line or a table cell.
    pub fn label(self) -> &'static str {
        match self {
            Gap::FewSources => "fewer than three sources",
            Gap::NoFamilyViews => "no children's or families' views",
        }
    }

    /// What it means and what to do, where there is room.
    pub fn advice(self) -> &'static str {
        match self {
            Gap::FewSources => "Rests on fewer than three sources: look for a second and third",
            Gap::NoFamilyViews => "No views of children and families recorded yet",
        }
    }
}

/// What the item's evidence lacks for triangulation: none when it draws on
/// three sources including the views of children and families.
pub fn triangulation_gaps(record: &ItemRecord) -> Vec<Gap> {
    let mut gaps = Vec::new();
    if record.distinct_sources() < MIN_SOURCES {
        gaps.push(Gap::FewSources);
    }
    if !record.has_family_views() {
        gaps.push(Gap::NoFamilyViews);
    }
    gaps
}

/// The gaps in a few words, or [`TRIANGULATED`].
pub fn triangulation_summary(record: &ItemRecord) -> String {
    let gaps = triangulation_gaps(record);
    if gaps.is_empty() {
        TRIANGULATED.to_owned()
    } else {
        gaps.iter()
            .map(|g| g.label())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The frameworks' advice when a plan holds more than [`PRIORITIES_CAP`].
pub fn too_many_priorities(count: usize) -> String {
    format!(
        "{count} priorities: the frameworks ask for a small number, so that each gets the attention it needs"
    )
}

/// Who gave which level, best level first in the scale's own order (levels
/// the scale does not know after, highest first): a distribution of names,
/// never a sum or an average, because the frameworks warn against turning
/// evaluations into scores.
pub fn spread<'a>(scale: Option<&Scale>, record: &'a ItemRecord) -> Vec<(u8, Vec<&'a str>)> {
    let mut levels: Vec<u8> = Vec::new();
    for individual in &record.individual_levels {
        if !levels.contains(&individual.level) {
            levels.push(individual.level);
        }
    }
    let rank = |level: u8| {
        let position = scale.and_then(|s| s.levels.iter().position(|l| l.number == level));
        (position.unwrap_or(usize::MAX), std::cmp::Reverse(level))
    };
    levels.sort_by_key(|l| rank(*l));
    levels
        .into_iter()
        .map(|level| {
            let names = record
                .individual_levels
                .iter()
                .filter(|i| i.level == level)
                .map(|i| i.participant.as_str())
                .collect();
            (level, names)
        })
        .collect()
}

/// Said once wherever levels over time are shown (the trends screen and
/// `howgood trends`).
pub const NEVER_AVERAGED: &str = "Levels are shown as each session agreed them. They are never averaged, added up or turned into a score: the frameworks do not allow it.";

/// The register screen's line when no action passes the filters.
pub const REGISTER_EMPTY: &str = "No actions here. Priorities agreed in phase 3 of a workshop, supervision's agreed actions and daily actions all appear in this register.";

/// The trends screen's line when the framework has no sessions.
pub const TRENDS_EMPTY: &str =
    "No session of this framework has recorded levels yet. ←/→ choose another framework.";
