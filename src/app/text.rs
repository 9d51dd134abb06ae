//! The frameworks' rules as the user reads them, each worded once and used
//! by every screen and export that states it: triangulation, levels shown
//! as a spread of names (never an average), and the cap on priorities.

use crate::content::model::Scale;
use crate::session::model::ItemRecord;

/// Beside a Module 5 measure whose printed words are broken in the
/// published document itself (its `damaged_in_source` note follows).
pub const DAMAGED_IN_SOURCE: &str = crate::content::module5::DAMAGED_MARK;

/// Beside the organisation's own questions and 'good' statements, wherever
/// they stand with a publisher's, so the two are never taken for each other.
pub fn own_mark(organisation: &str) -> String {
    format!("✎ {organisation}'s own")
}

/// Under the own content screen's title.
pub const OWN_CONTENT_NOTE: &str = "Your organisation's own questions and 'good' statements: kept in your own file, never in a publisher's text, and marked ✎ beside the publisher's.";
/// When the chosen area has nothing of the organisation's own yet.
pub const OWN_CONTENT_NONE: &str =
    "Nothing of your own here yet: w writes a question, s a 'good' statement.";

/// Why a past day's review opens read-only (the status line says it).
pub const PAST_DAY_READ_ONLY: &str = "a past day (E edits it)";
/// Under a past day's title, while it is read-only.
pub const PAST_DAY_HINT: &str = "A past day, as it was written. E edits it · Esc goes back";
/// Under a past day's title, once E has been pressed.
pub const PAST_DAY_EDITING: &str = "Editing a past day · F when done";
/// When `a` or the timer is asked of a past day.
pub const PAST_DAY_NO_QUESTION: &str =
    "A past day keeps its own questions; d starts today's review";

/// An evaluation should rest on at least this many distinct sources.
pub const MIN_SOURCES: usize = 3;

/// More priorities than this and the frameworks' advice is shown.
pub const PRIORITIES_CAP: usize = 5;

/// The word for evidence that lacks nothing.
pub const TRIANGULATED: &str = "triangulated";

/// Said when an arrow lands on a level: levels change only by their digit,
/// so that no stray key alters a recorded judgement.
pub const LEVEL_BY_DIGIT: &str =
    "A level changes only with its digit key ({range}); 0 or Backspace clears it";

/// The reminder under a text field: what to write, privately. The owner
/// of a priority is a role or team, never a person's name, so that the
/// plan can be shared; the same words go in its placeholder.
pub const REMINDER_NAMES: (&str, &str) = (
    "Use initials or case references, not names",
    "Initials or case refs, not names",
);
pub const REMINDER_OWNER: (&str, &str) = (
    "A role or team (e.g. Designated Nurse), not a person's name",
    "A role or team, not a name",
);
pub const REMINDER_DATE: (&str, &str) = (
    "A date as 30/09/2024 or 2024-09-30; empty clears it",
    "30/09/2024 or 2024-09-30",
);
pub const PLACEHOLDER_OWNER: &str = "a role or team, not a person's name";
pub const PLACEHOLDER_DATE: &str = "DD/MM/YYYY";

/// Why a typed date was not taken (the text stays in the field).
pub fn not_a_date(text: &str) -> String {
    format!("'{text}' is not a date: write 30/09/2024 or 2024-09-30")
}

/// Said, without refusing, when a deadline is already past.
pub fn deadline_past(date: jiff::civil::Date) -> String {
    format!(
        "Deadline {} has already passed: kept as written",
        date.strftime("%-d %B %Y")
    )
}

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

/// The measures screens' words.
pub mod measures {
    use crate::measures::period::Period;

    pub const LIST_TITLE: &str = "Tracked measures";
    pub const COULD_NOT_OPEN: &str = "The measures register could not be opened:";
    pub const NO_MEASURES: &str = "No measures tracked yet. Track one from Module 5 with m on a measure in the walk's Measures tab, or Ctrl-T on a measure in the find palette (/); or use `howgood measures add` or `howgood measures import FILE.csv`.";
    pub const NO_VALUES: &str = "no values yet";
    pub const NO_CHANGE: &str = "no change to report yet";
    pub const CHART_TITLE: &str = "The curve";
    pub const BREAKDOWN_TITLE: &str = "By breakdown";
    pub const NO_VALUES_CHART: &str = " No values yet: v records one.";
    pub const NO_BREAKDOWNS: &str = " No breakdowns recorded for this measure (`howgood measures record … --breakdown NAME=VALUE`). b shows the whole curve again.";
    pub const VALUES_LEGEND: &str = "values";
    pub const FORECAST_LEGEND: &str = "forecast if nothing changes";
    pub const TABLE_TITLE: &str = "Values by period";
    pub const NO_VALUES_TABLE: &str = " No values yet: v records one.";
    pub const NO_WORKSHEET: &str = "No worksheet on this measure yet: N starts one dated today.";
    pub const HISTORY: &str = "Worksheets (< > to move)";
    pub const NONE_YET: &str = "None yet: Enter adds one.";
    pub const NOT_YET: &str = "(not written yet: Enter writes it)";

    pub fn list_summary(count: usize, overdue: usize) -> String {
        let measures = if count == 1 { "measure" } else { "measures" };
        match (count, overdue) {
            (0, _) => "none yet".to_owned(),
            (n, 0) => format!("{n} {measures}, none overdue"),
            (n, o) => format!("{n} {measures}, {o} overdue for a new value"),
        }
    }

    pub fn overdue(period: Period) -> String {
        format!("OVERDUE: no value for {period}")
    }

    pub fn worksheet_of(date: jiff::civil::Date, at: usize, of: usize, follows: bool) -> String {
        let from = if follows {
            ", started from the one before"
        } else {
            ""
        };
        format!("Worksheet of {date} ({at} of {of}{from})")
    }
}
/// Said once wherever levels over time are shown (the trends screen and
/// `howgood trends`).
pub const NEVER_AVERAGED: &str = "Levels are shown as each session agreed them. They are never averaged, added up or turned into a score: the frameworks do not allow it.";

/// The register screen's line when no action passes the filters.
pub const REGISTER_EMPTY: &str = "No actions here. Priorities agreed in phase 3 of a workshop, supervision's agreed actions and daily actions all appear in this register.";

/// The trends screen's line when the framework has no sessions.
pub const TRENDS_EMPTY: &str =
    "No session of this framework has recorded levels yet. ←/→ choose another framework.";
