//! The frameworks' rules as the user reads them, each worded once and used
//! by every screen and export that states it: triangulation, levels shown
//! as a spread of names (never an average), and the cap on priorities.
//!
//! Long because it is the one home for the words users read, screen by
//! screen and then the command line, so that each is written once.

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

/// On home when the sessions folder cannot be listed: never "no sessions
/// yet", since the sessions may all be there.
pub fn sessions_unreadable(error: &str) -> String {
    format!(
        "The sessions folder could not be read, so no session is listed (none is lost): {error}"
    )
}

/// Why nothing can be changed here, wherever a change is refused.
pub fn read_only(reason: &str) -> String {
    format!("Read-only: {reason}")
}

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

    pub const START_WORKSHEET: &str = "Start a worksheet first: N.";
    pub const NO_PROPOSAL: &str = "No proposal to adopt yet: Enter writes one.";
    pub const ALREADY_ADOPTED: &str = "That proposal is already a priority.";
    pub const ADOPTED: &str = "Adopted: the priority is in the actions register (howgood actions), linked to this measure.";
    pub const NEEDS_TITLE: &str = "Not tracked: the measure needs a title.";
    pub const NOT_LOADED: &str = "The register is not loaded";
    pub const NO_SUCH_MEASURE: &str = "No such measure";
    pub const NO_SUCH_WORKSHEET: &str = "No such worksheet";
    pub const NOTHING_ADDED: &str = "Nothing added: the first answer was empty.";
    pub const NEEDS_DUE_DATE: &str = "A priority needs a due date (YYYY-MM-DD)";
    pub const NOT_IN_MODULE5: &str = "That measure is not one of Module 5's.";
    pub const CHOOSE_MODULE5: &str =
        "Choose a Module 5 measure (the Measures tab of phase 3) to track it.";
    pub const CTRL_T_MODULE5: &str =
        "Ctrl-T tracks a Module 5 measure: choose one under 'Measures (Module 5)'.";
    pub const THE_VALUE: &str = "the value";
    pub const THE_DENOMINATOR: &str = "the denominator";

    /// The questions that record a value, in the order they are asked.
    pub const VALUE_QUESTIONS: [&str; 5] = [
        "Period (e.g. 2026-Q3, 2026-09 or 2026)",
        "Value, or the numerator of a percentage",
        "Denominator (leave empty for a plain value)",
        "Compared with (optional): national 12, neighbours 14, target 10; several with ;",
        "Note (optional)",
    ];
    /// One partner at a time (the step's own title names them all).
    pub const PARTNER: &str = "A partner with a role to play";
    pub const PARTNER_QUESTIONS: [&str; 2] = ["Partner (who)", "Their role in turning the curve"];
    pub const WHAT_WORKS_QUESTIONS: [&str; 2] = ["What would work", "The evidence that it works"];
    pub const PROPOSAL_QUESTIONS: [&str; 1] = ["The proposal"];
    pub const ADOPT: &str = "Adopt as a priority";
    pub const ADOPT_QUESTIONS: [&str; 2] =
        ["Owner (who will see it done)", "Due date (YYYY-MM-DD)"];
    pub const COMPLETE_TITLE: &str = "Complete this measure's title";
    pub const TITLE_QUESTIONS: [&str; 1] = ["Title, in your own words"];

    pub fn not_saved(problem: &str) -> String {
        format!("Measures not saved: {problem}")
    }

    pub fn value_for(title: &str) -> String {
        format!("A value for {title}")
    }

    pub fn reported(frequency: &str, example: &str) -> String {
        format!("Reported {frequency}: a period looks like {example}.")
    }

    /// Where proposals are adopted, by the step's own number and title.
    pub fn adopt_at_step() -> String {
        let step = crate::measures::curve::Step::Proposals;
        let number = crate::measures::curve::Step::ALL
            .iter()
            .position(|s| *s == step)
            .map_or(0, |i| i + 1);
        format!(
            "Proposals are adopted at step {number}, '{}'.",
            step.title()
        )
    }

    pub fn unknown_comparator(part: &str) -> String {
        format!("Not recorded: {part:?}: say national, neighbours or target, then the figure")
    }

    pub fn no_figure(part: &str) -> String {
        format!("Not recorded: {part:?} has no figure")
    }

    pub fn not_a_number(what: &str, text: &str) -> String {
        format!("Not recorded: {what} {text:?} is not a number")
    }

    pub fn broken_in_source(printed: &str, note: &str) -> String {
        format!("This measure is broken in the source document, as printed: {printed:?}. {note}")
    }

    pub fn already_tracked(title: &str) -> String {
        format!("Already tracked: {title}")
    }

    pub fn not_tracked_read_only(reason: &str) -> String {
        format!("Not tracked (read-only: {reason})")
    }

    pub fn now_tracking(title: &str) -> String {
        format!("Now tracking: {title} (m on the home screen lists your measures)")
    }

    pub const OPENING: &str = "Opening the register…";
    pub const NO_BREAKDOWNS_MARK: &str = " (no breakdowns)";
    pub const WRITTEN: &str = "written";
    pub const NOT_WRITTEN: &str = "not yet";
    pub const NO_WORKSHEETS: &str = "  none yet";
    pub const STEPS_TITLE: &str = " Steps ";
    pub const PROPOSED: &str = "proposed (o adopts it)";

    pub fn latest(period: &Period, figure: &str) -> String {
        format!("latest {period}: {figure}")
    }

    pub fn baseline(period: &Period, amount: &str) -> String {
        format!("baseline {period}: {amount}")
    }

    pub fn baseline_line(period: &Period, amount: &str) -> String {
        format!("Baseline {period}: {amount}")
    }

    pub fn latest_line(period: &Period, figure: &str, change: &str) -> String {
        format!("Latest {period}: {figure} · {change}")
    }

    /// The forecast always says it is one, and on how many values it rests.
    pub fn forecast(basis: usize, ahead: &str) -> String {
        format!(
            "FORECAST if nothing changes (a straight line through the last {basis} values; not a prediction): {ahead}"
        )
    }

    pub fn turning_the_curve(title: &str) -> String {
        format!("Turning the Curve: {title}")
    }

    pub fn our_reading(reading: &str) -> String {
        format!("Our reading: {reading}")
    }

    pub fn what_works(idea: &str, evidence: &str) -> String {
        format!("• {idea} — evidence: {evidence}")
    }

    pub fn adopted_as(owner: &str, due: Option<jiff::civil::Date>) -> String {
        let due = due.map_or_else(|| "no date".to_owned(), |d| d.to_string());
        format!("ADOPTED as a priority: owner {owner}, due {due}")
    }

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
/// Said while the edge reads the sessions for a screen.
pub const READING_SESSIONS: &str = "Reading the sessions…";

/// The command line's words (messages on stdout and stderr).
pub mod cli {
    use std::path::Path;

    pub const NO_DATA_FOLDER: &str = "no data folder: pass --data-dir DIR or set HOWGOOD_DATA_DIR";
    pub const NO_DATA_FOLDER_FOR_EXPORT: &str = "no data folder: pass --data-dir DIR or -o FILE";
    pub const NO_EARLIER_VERSION: &str =
        "  no earlier version in history; the file is left as it is";
    pub const NOTHING_FOUND: &str = "nothing found";

    pub fn warning(warning: &str) -> String {
        format!("warning: {warning}")
    }

    /// A file left out of a listing or report, never its words.
    pub fn not_read(problem: &str) -> String {
        format!("warning: not read: {problem}")
    }

    /// What an export or report left out, and how to include it.
    pub fn left_out(notice: &str) -> String {
        format!("{notice} (--include-private includes them)")
    }

    pub fn not_a_session_id(text: &str) -> String {
        format!("'{text}' is not a session id; `howgood sessions list` lists them")
    }

    pub fn no_such_session(id: &str) -> String {
        format!("no such session '{id}'; `howgood sessions list` shows them")
    }

    pub fn nothing_to_follow(earlier: &str, path: &Path) -> String {
        format!("no session {earlier} to follow ({})", path.display())
    }

    pub fn other_framework(earlier: &str, theirs: &str, ours: &str) -> String {
        format!(
            "{earlier} works through {theirs}, not {ours}: a session follows one of the same framework"
        )
    }

    /// After `restore`: what came back and where the damaged file went.
    pub fn restored(what: &str, from: &Path, aside: &Path) -> String {
        format!(
            "restored {what} from {}\nthe damaged file is kept at {}",
            from.display(),
            aside.display()
        )
    }

    pub fn indexed(read: usize, damaged: usize, index: &Path) -> String {
        format!(
            "indexed {read} files ({damaged} damaged) in {}",
            index.display()
        )
    }

    pub fn indexing(done: usize, total: usize) -> String {
        format!("indexing: {done}/{total} session files read")
    }

    pub fn index_rebuilt(reason: &str) -> String {
        format!("the index was rebuilt: {reason}")
    }

    pub fn no_sessions_in(dir: &str) -> String {
        format!("no sessions yet in {dir}")
    }

    pub fn newest_good_version(path: &Path, id: &str) -> String {
        format!(
            "  newest good version: {} (`howgood sessions restore {id}` sets the damaged file aside and restores it)",
            path.display()
        )
    }

    pub fn unsaved_copy(id: &str, copy: &str) -> String {
        format!("note: {id} has an unsaved copy at {copy}")
    }

    pub fn unknown_framework(id: &str) -> String {
        format!("unknown framework '{id}'; `howgood content list` lists them")
    }

    pub const NO_ACTIONS: &str = "no actions";
    pub const INTO_NEEDS_CARRIED_FORWARD: &str = "--into is for --status carried-forward";
    pub const NOT_INTO_ITS_OWN: &str =
        "a priority is carried forward into a later session, not its own";

    pub fn no_action_in(session: &str, id: &str) -> String {
        format!("session {session} has no action {id}")
    }

    pub fn no_action(action: &str) -> String {
        format!("no action has id {action}; `howgood actions` lists them")
    }

    pub fn ambiguous_action(action: &str, candidates: &str) -> String {
        format!("more than one session has an action {action}; name one: {candidates}")
    }

    pub fn cannot_change(what: &str, reason: &str) -> String {
        format!("{what} cannot be changed now: {reason}")
    }

    /// A file changed by someone else is never written over: ours goes
    /// beside it (sessions and the measures register alike).
    pub fn saved_beside(path: &Path, copy: &Path) -> String {
        format!(
            "{} changed on disk meanwhile; it is left as it is and this change is saved beside it in {}",
            path.display(),
            copy.display()
        )
    }

    pub fn curve_priority(id: &str) -> String {
        format!(
            "{id} is a Turning the Curve priority: it stays with its measure; mark it done or dropped and propose the next step in a new worksheet"
        )
    }

    pub fn no_follower(from: &str) -> String {
        format!(
            "no session follows {from}: create one with `howgood new --follows {from} ...` or name it with --into SESSION"
        )
    }

    pub fn many_followers(from: &str) -> String {
        format!("more than one session follows {from}: name one with --into SESSION")
    }

    pub const NO_TRACKED_MEASURES: &str =
        "no tracked measures: add one with `howgood measures add`";
    /// After a Module 5 measure the source itself left broken.
    pub fn broken_in_source_line(note: &str) -> String {
        format!("\tbroken in the source ({note}): add it with --title in your own words")
    }
    pub const MODULE5_OR_TITLE: &str =
        "give --from-module5 ID (see `howgood measures module5`) or --title for your own measure";

    pub fn measures_restore_hint(error: &str) -> String {
        format!(
            "{error}\n`howgood measures restore` sets it aside and brings back the newest good version from its history"
        )
    }

    /// A word on the command line that is not one of its choices.
    pub fn expected_one_of(what: &str, text: &str, choices: &str) -> String {
        format!("{what} {text:?}: expected {choices}")
    }

    pub fn no_value_for(title: &str, period: &crate::measures::period::Period) -> String {
        format!("{title} has no value for {period}: record it first")
    }

    pub fn imported(count: usize, path: &Path) -> String {
        format!("imported {count} values from {}", path.display())
    }

    pub fn nothing_imported(bad: usize) -> String {
        let rows = if bad == 1 { "row" } else { "rows" };
        format!("nothing imported: {bad} bad {rows}")
    }

    pub fn from_after_to(from: &str, to: &str) -> String {
        format!("--from {from} is after --to {to}")
    }

    pub fn not_a_file_name(name: &str) -> String {
        format!("not a file name: {name}")
    }
}

/// The popups' words.
pub mod overlays {
    pub const HELP_TITLE: &str = "Keys";
    pub const HELP_KEYS: &str = "j k PgUp PgDn g G scroll · Esc ? q close";
    pub const FOCUS_TITLE: &str = "Daily review: focus areas";
    pub const FOCUS_EXPLAINED: &str = "Questions come from these LSCB content areas, in turn, with no repeat until all have been offered. None chosen means all of them.";
    pub const CONFIRM_TITLE: &str = "Are you sure?";
    pub const PICK_DAILY_TITLE: &str = "Which daily action is done?";
    pub const PICK_DAILY_EXPLAINED: &str =
        "Your daily reviews' small actions due soon or overdue, soonest first.";
    pub const YES: &str = " yes    ";
    pub const ANY_OTHER_KEY: &str = "any other key";
    pub const NO: &str = " no";
    pub const ANY_KEY: &str = "Any key to continue";
    pub const FIND_TITLE: &str = "Find anything";
    pub const FIND_PLACEHOLDER: &str =
        "type to search indicators, illustrations, questions, notes…";
    pub const NOTHING_MATCHES: &str = "Nothing matches.";
}

/// The register of actions' words.
pub mod register {
    pub const TITLE: &str = " Register of actions";
    pub const COLUMNS: [&str; 5] = ["", "Due", "Status", "Owner", "Action"];
    /// Added when the screen is wide enough.
    pub const WIDE_COLUMNS: [&str; 4] = ["Framework", "Items", "Session", "Last update"];
    pub const NO_STATEMENT: &str = "(no statement yet)";
    pub const NO_UPDATES: &str = "No updates yet. u adds one.";
    pub const DATE: &str = "Date";
    pub const DATE_PLACEHOLDER: &str = "YYYY-MM-DD";
    pub const STATUS: &str = "Status";
    pub const NOTE: &str = "Note";
    pub const NOTE_PLACEHOLDER: &str = "what happened, and what difference it made";
    pub const SAVE_BUTTON: &str = "[ Save into the session's file ]";

    pub fn showing(shown: usize, of: usize, today: jiff::civil::Date) -> String {
        format!(" · {shown} of {of} · by due date · today {today}")
    }

    pub fn carries_forward(from: &str) -> String {
        format!("Carries forward {from}: its log is shown here whole.")
    }

    pub fn update_title(action: &str, session: &str) -> String {
        format!(" Progress update · {action} ({session}) ")
    }
}

/// The levels-over-time screen's words.
pub mod trends {
    use crate::app::cycle::TrendsView;

    pub const TITLE: &str = " Levels over time";
    pub const EVERY_LOCALITY: &str = "every locality";
    pub const NO_PARTICIPANT_LEVELS: &str = "no participant levels recorded";

    pub fn view_title(view: TrendsView) -> &'static str {
        match view {
            TrendsView::Grid => " Agreed levels: items × sessions ",
            TrendsView::Spread => " The participants' spread ",
            TrendsView::Bars => " Bar chart of the chosen item ",
        }
    }

    pub fn item(item: &str) -> String {
        format!("Item {item} (↑/↓ another item)")
    }

    pub fn agreed(cell: &str) -> String {
        format!("agreed: {cell}")
    }

    /// Which sessions are shown, at the body's top right: "newest 4 of
    /// 30 · PgUp earlier" or "5–8 back of 30 · PgUp/PgDn".
    pub fn window(shown: usize, skip: usize, total: usize) -> String {
        if shown >= total {
            let sessions = if total == 1 { "session" } else { "sessions" };
            format!(" {total} {sessions} ")
        } else if skip == 0 {
            format!(" newest {shown} of {total} · PgUp earlier ")
        } else {
            format!(
                " {}–{} back of {total} · PgUp/PgDn ",
                skip + 1,
                skip + shown
            )
        }
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

/// Sharing through git: the sync key, the home indicator, the conflicts screen.
pub mod sync {
    use crate::app::sync::{SyncStep, SyncSummary};

    pub const SYNCING_TITLE: &str = "Syncing";
    pub const DONE_TITLE: &str = "Synced";
    pub const FAILED_TITLE: &str = "Sync did not finish";
    pub const NOT_SHARED: &str = "This data folder is not shared yet. To share it with colleagues, run `howgood sync init <REMOTE>` once (REMOTE: a git repository on a network share or your organisation's git host), then press S here to sync.";
    pub const ALREADY: &str = "A sync is already running";
    pub const UP_TO_DATE: &str = "Up to date: nothing to send or receive.";
    pub const RELOADED: &str = "The open session was saved first and read again afterwards, with any changes from the others.";
    pub const WAIT: &str = "Keys wait until the sync is done; your work is saved.";
    pub const CONFLICTS_TITLE: &str = "Conflicts waiting";
    pub const NO_CONFLICTS: &str = "No conflicts waiting. When two people change the same field differently on two machines, both values are kept here until someone chooses.";
    pub const COMBINED_TITLE: &str = "Write a combined text (Ctrl-S saves it, Esc cancels)";
    pub const NOT_TEXT: &str = "Only a text field can take a combined text; choose a or b";
    pub const DELETED: &str = "(deleted)";
    pub const RESOLVED: &str = "Resolved and saved; sync to share it";
    pub const IN_SESSION_TITLE: &str = "Two values kept for a field";
    /// The mark beside a value an export shows while its conflict waits.
    pub const EXPORT_MARK: &str = "CONFLICT WAITING";
    /// The mark after a measure's value while a conflict waits on it: the
    /// other copy's figure beside it, so neither is hidden until chosen.
    pub fn value_mark(other: Option<&str>) -> String {
        match other {
            Some(other) => format!(" [{EXPORT_MARK}: also {other}]"),
            None => format!(" [{EXPORT_MARK}]"),
        }
    }

    /// The mark in a list that shows only the latest value, for a conflict
    /// waiting on an earlier period: that period's value and the other.
    pub fn period_mark(period: &str, in_field: &str, other: Option<&str>) -> String {
        match other {
            Some(other) => format!(" [{EXPORT_MARK} in {period}: {in_field} or {other}]"),
            None => format!(" [{EXPORT_MARK} in {period}]"),
        }
    }

    /// Where a conflict in the measures register is, when its measure has gone.
    pub const REGISTER_TITLE: &str = "Measures register";

    /// Who saved one side of a register conflict, and when. The register
    /// keeps no time of saving, so the time said is what it really is.
    pub fn register_by_at(by: &str, newest_measure: &str) -> String {
        let by = if by.is_empty() { "someone" } else { by };
        format!(
            "by {by} (that copy's newest measure was added {newest_measure}; the register keeps no save time)"
        )
    }

    pub fn step(step: SyncStep) -> &'static str {
        match step {
            SyncStep::Starting => "saving and starting",
            SyncStep::Committing => "recording this machine's changes",
            SyncStep::Fetching => "receiving others' changes",
            SyncStep::Merging => "merging",
            SyncStep::Sending => "sending",
        }
    }

    /// The progress line while a sync runs.
    pub fn progress(step: SyncStep, seconds: i64) -> String {
        format!("Syncing: {} … {seconds} s", self::step(step))
    }

    /// Home's one-line indicator; `None` when the folder is not shared.
    pub fn indicator(summary: &SyncSummary, last: Option<String>) -> Option<String> {
        if !summary.shared {
            return None;
        }
        let mut parts = vec![match last {
            Some(when) => format!("synced {when}"),
            None => "never synced".to_owned(),
        }];
        if summary.ahead > 0 || summary.changed > 0 {
            parts.push("changes to send".to_owned());
        }
        if summary.behind > 0 {
            parts.push(format!("{} to merge", summary.behind));
        }
        if summary.conflicts > 0 {
            parts.push(format!(
                "{} conflict{} (c)",
                summary.conflicts,
                if summary.conflicts == 1 { "" } else { "s" }
            ));
        }
        Some(format!("Shared · {} · S sync", parts.join(" · ")))
    }

    /// Who saved a value and when, as the conflicts screen says it.
    pub fn by_at(by: &str, at: &str) -> String {
        let by = if by.is_empty() { "someone" } else { by };
        format!("by {by}, saved {at}")
    }

    /// After a sync that left conflicts to choose.
    pub fn waiting(count: usize) -> String {
        format!(
            "{count} conflict{} waiting: c on the home screen lists them, with both values, to choose.",
            if count == 1 { "" } else { "s" }
        )
    }

    /// Said on opening a session with conflicts waiting.
    pub fn in_session(count: usize) -> String {
        format!(
            "{count} field{} of this session were changed differently on two machines. The field shows one value; the other is kept. Both are listed below; on the home screen, c chooses.",
            if count == 1 { "" } else { "s" }
        )
    }
}
/// A criterion's state as the record pane and the exports write it.
pub fn criterion_state(state: crate::session::model::CriterionState) -> &'static str {
    use crate::session::model::CriterionState as S;
    match state {
        S::NotYetKnown => "not yet known",
        S::Met => "met",
        S::PartlyMet => "partly met",
        S::NotMet => "not met",
    }
}

/// Words of quantity a statement may turn on, longest first so that
/// 'almost all' is found before 'all'. They are the statements' own words;
/// howgood gives them no numbers.
pub const QUANTITY_WORDS: [&str; 7] = [
    "almost all",
    "nearly all",
    "the majority",
    "majority",
    "most",
    "some",
    "all",
];

/// Above a narrative-only judgement's record.
pub const NARRATIVE_ONLY: &str = "No grade: the publisher gives no grade descriptors here and asks for a narrative account of strengths and areas for improvement against the criteria.";

/// Under a stated relation, when it applies: the document's words come
/// first, quoted; the group decides.
pub fn relation_applies(recorded: &[String], word: &str) -> String {
    format!(
        "Recorded {word} in this session: {}. The document's relation is a prompt: the group still decides the overall judgement.",
        recorded.join("; ")
    )
}

/// An audit proportion beside the statement's own word(s): the figure and
/// the words, never a threshold between them.
pub fn audit_beside(
    audit: Option<crate::session::model::AuditProportion>,
    words: &[&str],
) -> String {
    let figure = match audit {
        Some(a) => format!("{} of {} cases audited", a.numerator, a.denominator),
        None => "no audit proportion yet (a records one)".to_owned(),
    };
    if words.is_empty() {
        return format!("Audit: {figure}");
    }
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    format!("Audit: {figure} · the statement says {}", quoted.join(", "))
}

/// Why a typed audit proportion was not taken (the text stays in the field).
pub fn not_an_audit(text: &str) -> String {
    format!(
        "'{text}' is not a proportion: write the cases that showed it and the cases audited, e.g. 12/15"
    )
}

/// The LSCB standards a new session can be evaluated against.
pub fn standard_label(standard: crate::session::model::Standard) -> &'static str {
    match standard {
        crate::session::model::Standard::Scale => "the HMIE six-point scale (borrowed)",
        crate::session::model::Standard::GoodStatements => {
            "the area's Module 2 'good' statements (met / partly / not met)"
        }
    }
}

/// When a criterion key is pressed away from a criterion.
pub const CHOOSE_A_CRITERION: &str = "Choose a criterion or statement first (↑/↓), then set it";

/// A table's level cell for a narrative-only judgement, and for an item
/// evaluated against Module 2 statements.
pub const NO_GRADE_SHORT: &str = "no grade (narrative account)";
pub const BY_STATEMENTS_SHORT: &str = "no level (Module 2 statements)";

/// A digit pressed where no level is offered: the table's short words for
/// why (each rule is explained once, above the record), then what to do.
pub fn no_level_here(why: crate::app::criteria::NoLevel, instead: &str) -> String {
    use crate::app::criteria::NoLevel;
    let short = match why {
        NoLevel::Statement(_) => STATEMENT_ANY_SHORT,
        NoLevel::Narrative => NO_GRADE_SHORT,
        NoLevel::ByStatements => BY_STATEMENTS_SHORT,
    };
    format!("No level here: {short}. {instead}")
}

/// What to do instead of a level on a statement: the keys that set it.
pub fn mark_with(met: &str, partly: &str, not_met: &str) -> String {
    format!("Mark it with {met} / {partly} / {not_met}.")
}

/// ... and on a narrative-only judgement: the key that writes it.
pub fn write_account_with(key: &str) -> String {
    format!("{key} on the account writes it.")
}

/// Above an Ofsted statement's record: why there is no level.
pub const STATEMENT_NO_LEVEL: &str = "Recorded as a statement: met / partly met / not met. The statement is itself the 'good' descriptor and the document supplies no scale, so no level is offered.";

/// A level an Ofsted statement was given before statements were recorded
/// as statements: kept and shown, not offered again.
pub fn level_recorded_earlier(level: &str) -> String {
    format!("Recorded earlier: level {level} (kept as it was; statements are no longer graded)")
}

/// A table's level cell for an Ofsted statement: its state, not a gap.
pub fn statement_short(state: crate::session::model::CriterionState) -> String {
    format!("statement: {}", criterion_state(state))
}

/// A level column's cell for an Ofsted statement when its state is not at
/// hand (trends from the index).
pub const STATEMENT_ANY_SHORT: &str = "statement: met / partly met / not met";

/// An export's level line for an Ofsted statement.
pub fn statement_long(state: crate::session::model::CriterionState) -> String {
    format!(
        "none: recorded as a statement (met / partly met / not met): {}",
        criterion_state(state)
    )
}
/// Supervision's own record: its words, in one place.
pub mod supervision {
    pub const SUPERVISEE: &str = "Supervisee";
    pub const SUPERVISOR: &str = "Supervisor";
    pub const DATE: &str = "Date";
    pub const PLANNED: &str = "Planned length (minutes)";
    pub const NEXT_DATE: &str = "Next supervision";
    pub const WELLBEING: &str = "Wellbeing check-in (optional)";
    pub const WELLBEING_HEADING: &str = "Wellbeing check-in";
    pub const CASE_REFERENCE: &str = "Case reference";
    pub const CASE_DISCUSSION: &str = "Discussion";
    pub const CASE_DECISION: &str = "Decision";
    pub const CASE_RATIONALE: &str = "Rationale";
    pub const ACTION: &str = "Agreed action";
    pub const STATUS: &str = "Status";
    /// The privacy hint beside the people: the record may be shared.
    pub const PEOPLE_HINT: (&str, &str) = (
        "Initials or roles, not names: the record may be shared",
        "Initials or roles, not names",
    );
    pub const CASE_HINT: (&str, &str) = (
        "A case reference only, never a child's or family's name",
        "Case reference only, no names",
    );
    pub const PLACEHOLDER_PEOPLE: &str = "initials or a role";
    pub const PLACEHOLDER_MINUTES: &str = "e.g. 90";
    pub const NOT_MINUTES: &str = "The planned length is a number of minutes, e.g. 90";
    pub const RECORD_HEADING: &str = "The supervision";
    /// The exports' kind line under the title.
    pub const KIND_HEADING: &str = "Supervision record";
    /// The export's list of anything rated or noted the workshop way.
    pub const RATED_HEADING: &str = "Also recorded for the areas";
    pub const REVIEW_HEADING: &str = " · Last time's actions, before this supervision";
    pub const REVIEW_FINISHED: &str = "Review finished: on to this supervision's record";
    pub const CASES_HEADING: &str = "Case discussions (by case reference only)";
    pub const ACTIONS_HEADING: &str = "Agreed actions";
    pub const ADD_CASE: &str = "+ Add a case discussion  (a)";
    pub const ADD_ACTION: &str = "+ Add an agreed action  (a)";
    pub const EXPORT: &str = "Export the record as Markdown  (e)";
    pub const NO_CASES: &str = "No case discussed (optional).";
    /// The strip of sections at the top of a supervision.
    pub const SECTION_CASES: &str = "Cases";
    pub const SECTION_ACTIONS: &str = "Actions";
    pub const SECTION_RECORD: &str = "Record";
    pub const LAST_TIME_TITLE: &str = "Last time's reflections";
    pub const LAST_TIME_NONE: &str = "Last time's supervision recorded no reflections.";
    pub const NO_EARLIER: &str = "This supervision follows no earlier one.";
    pub const DISCUSSED: &str = "discussed";
    pub const NOT_DISCUSSED: &str = "not discussed";
    pub const NO_REFLECTION: &str = "(no reflection written)";
    /// Rating an area, only when asked for.
    pub const RATING_HEADING: &str = "Level (rating this area was asked for; r: stop)";
    pub const RATED_AREAS_HEADING: &str =
        "Areas rated on request (each on its own, never averaged)";
    pub const NO_LEVEL_YET: &str = "no level set yet";
    pub const RATED_NO_LEVEL: &str = "rating asked for; no level set";
    pub const RATING_ON: &str =
        "Rating this area: press 1-6 for its level (never averaged or added up); r again stops";
    pub const RATING_OFF: &str = "This area is no longer rated";

    /// A digit in an area nobody asked to rate.
    pub fn rate_first(key: &str) -> String {
        format!("Not rated: a supervision rates an area only when asked. {key} rates it.")
    }

    /// Asked before a recorded level is cleared by turning rating off.
    pub fn stop_rating(area: &str, level: &str) -> String {
        format!(
            "Stop rating {area}? Its level ({level}) will be cleared from the record. y: stop and clear it; any other key: keep rating."
        )
    }
    pub const SIGNED: &str = "Signed (supervisee): ____________________   Date: __________\n\nSigned (supervisor): ____________________   Date: __________";

    /// "Question 2 of 9 · Safeguarding wisdom".
    pub fn question_of(at: usize, of: usize, area: &str) -> String {
        format!("Question {at} of {of} · {area}")
    }

    /// The heading of the section strip: which area of how many.
    pub fn area_of(at: usize, of: usize) -> String {
        format!("Area {at} of {of}")
    }
}

/// A session's counts on the home list, in its own kind's words: a
/// supervision has areas and agreed actions, never "evaluated".
pub fn session_counts(
    kind: crate::session::model::SessionKind,
    items: usize,
    evaluated: usize,
    priorities: usize,
) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match kind {
        crate::session::model::SessionKind::Supervision => format!(
            "{} · {}",
            plural(items, "area", "areas"),
            plural(priorities, "agreed action", "agreed actions")
        ),
        _ => format!(
            "{evaluated}/{items} evaluated · {}",
            plural(priorities, "priority", "priorities")
        ),
    }
}

/// Marking a daily review's small action done from home or history.
pub const DAILY_ACTION_NONE_DUE: &str = "No daily action is due soon or overdue.";
pub const DAILY_ACTION_NONE_OPEN: &str = "This day has no open action to mark done.";
pub const DAILY_ACTION_DONE_MARK: &str = "(x marks it done)";
/// Beside the first of several daily actions due: `x` asks which.
pub const DAILY_ACTIONS_PICK_MARK: &str = "(x: choose which is done)";

/// A day as notices name it: the weekday and date, with the year only
/// when it is not this year's.
pub fn day_label(day: jiff::civil::Date, today: jiff::civil::Date) -> String {
    let format = if day.year() == today.year() {
        "%a %-d %b"
    } else {
        "%a %-d %b %Y"
    };
    day.strftime(format).to_string()
}

/// After an action's progress is saved from a screen: named by the session
/// it belongs to and that session's day, never by its internal id nor by
/// its own (perhaps private) words, which the status line would show to
/// anyone looking.
pub fn action_now(
    kind: crate::session::model::SessionKind,
    title: &str,
    day: &str,
    status: &str,
) -> String {
    match kind {
        crate::session::model::SessionKind::DailyReview => {
            format!("The daily action from {day} is {status}.")
        }
        _ => format!("Saved: the action from {title} ({day}) is {status}."),
    }
}

/// When the action to update is no longer in its session's file (someone
/// removed it meanwhile): nothing is changed.
pub fn action_gone(title: &str) -> String {
    format!("That action is no longer in {title}; nothing was changed.")
}

/// In place of a carried-forward action's words where last time's
/// session is not at hand to read them from.
/// In place of an empty field: the words a carried action reads through
/// its link, and that Enter gives it words of its own.
pub fn carried_hint(words: &str) -> String {
    format!("  carried: {words} (Enter writes words of its own)")
}

pub fn carried_from(date: Option<jiff::civil::Date>) -> String {
    match date {
        Some(date) => format!("(carried from {date})"),
        None => "(carried from an earlier session)".to_owned(),
    }
}

/// A due list's tag for a date: overdue, or due.
pub fn due_tag(deadline: jiff::civil::Date, today: jiff::civil::Date) -> &'static str {
    if deadline < today { "OVERDUE" } else { "due" }
}

/// Free writing in the daily review: an entry without a set question.
pub const FREE_WRITING: &str = "Free writing";
pub const FREE_WRITING_HEADING: &str =
    "Free writing · no set question (#words are tags, found by search)";
pub const TAGS: &str = "Tags";

/// 'On this day' in the history: the review of the same date a year ago.
pub const YEAR_AGO_NONE: &str = "No daily review on this date a year ago.";

/// The history's line for the review of this date a year ago: what was
/// written first (or the question, if nothing was), and the key.
pub fn year_ago_line(date: jiff::civil::Date, written: &str) -> String {
    format!(
        "On this day a year ago, {}: {written}  (o opens it)",
        date.strftime("%a %-d %b %Y")
    )
}

/// The history's search: the question, the results' title, none found.
pub const DAILY_SEARCH_ASK: &str = "Search past daily reviews";
pub const DAILY_SEARCH_WORDS: &str = "Words to find (every one must appear)";
pub const DAILY_SEARCH_NONE: &str = "Nothing found in the daily reviews.";
pub const DAILY_SEARCH_FAILED: &str = "The search could not be made";

pub fn daily_search_title(words: &str, found: usize) -> String {
    let days = if found == 1 { "match" } else { "matches" };
    format!("'{words}': {found} {days} in the daily reviews")
}

/// In the reference pane when the session's framework has nothing of its
/// own for this step (no tab is offered rather than an empty one).
pub const NO_REFERENCE_HERE: &str = "This framework has no text of its own for this step.";

/// After a framework passage that points at a figure the published
/// document prints and howgood cannot.
pub const FIGURE_NOT_SHOWN: &str =
    "The published guide shows a diagram here; it is not reproduced.";

/// Where a find result lives, in the palette: the open session's parts.
pub const PALETTE_SESSION: &str = "This session";
pub const PALETTE_NOTES: &str = "Notes";
pub const PALETTE_EVIDENCE: &str = "Evidence";
pub const PALETTE_PRIORITY: &str = "Priority";
/// "Illustrations, level 5".
pub const PALETTE_LEVEL: &str = "level";
/// After a kind's heading when its hits come from frameworks the session
/// does not use.
pub const PALETTE_OTHER_FRAMEWORKS: &str = "other frameworks";

/// Placeholders of the new-session form's optional fields.
pub const PLACEHOLDER_FACILITATOR: &str = "optional: who runs it, for the reports";
pub const PLACEHOLDER_LOCALITY: &str = "optional: the locality or service evaluated";
/// Said beside the next-due field: what the date is for.
pub const NEXT_DUE_HINT: &str = "optional: when the group meets again (DD/MM/YYYY)";

/// A priority with no update for this many days is named on home.
pub const QUIET_DAYS: i64 = 90;

/// Home: the next session of a series, from the date its last session set.
pub fn next_session_due(due: jiff::civil::Date, today: jiff::civil::Date, after: &str) -> String {
    let when = if due < today {
        "OVERDUE next session"
    } else {
        "next session"
    };
    format!("{when} {due} · follows up {after}")
}

/// Home: an open priority nobody has updated for `QUIET_DAYS` days.
pub fn quiet_priority(statement: &str, touched: jiff::civil::Date, session: &str) -> String {
    format!("no update since {touched} · {statement} · {session}")
}
