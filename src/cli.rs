//! Command-line interface definition (clap).
//!
//! Long because it is the whole command line as clap declarations, one
//! struct a subcommand, so `--help` and the parser come from one place.

use clap::{Args, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "howgood",
    version,
    about = "Self-evaluation for children's safeguarding services: How good are we now? How do we know? How good can we be?",
    long_about = "Self-evaluation for children's safeguarding services: How good are we now? How do we know? How good can we be?\n\nWith no command, howgood opens its terminal screens."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line of this process. Most starts open the screens with
    /// at most the global options; those are read without clap, which
    /// would first build all twenty subcommands (a sixth of a bare
    /// terminal program's whole run). Anything else (a subcommand,
    /// `--help`, a mistake) goes to clap, which answers as it always has;
    /// a test holds the two readings equal.
    pub fn parse_quickly() -> Cli {
        let args: Vec<OsString> = std::env::args_os().skip(1).collect();
        let env = |name| std::env::var_os(name);
        match GlobalArgs::screens_only(&args, env(DATA_DIR_ENV), env(THEME_ENV)) {
            Some(global) => Cli {
                global,
                command: None,
            },
            None => Cli::parse(),
        }
    }
}

const DATA_DIR_ENV: &str = "HOWGOOD_DATA_DIR";
const THEME_ENV: &str = "HOWGOOD_THEME";

impl GlobalArgs {
    /// The global options of a command line that only opens the screens,
    /// given the values of `HOWGOOD_DATA_DIR` and `HOWGOOD_THEME`; `None`
    /// for anything else, or anything unusual (a repeated option, a value
    /// that is empty or looks like an option, an empty variable), which is
    /// left to clap.
    pub fn screens_only(
        args: &[OsString],
        data_dir_env: Option<OsString>,
        theme_env: Option<OsString>,
    ) -> Option<GlobalArgs> {
        let mut global = GlobalArgs::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let arg = arg.to_str()?;
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value)),
                None => (arg, None),
            };
            if name == "--present" && inline.is_none() && !global.present {
                global.present = true;
                continue;
            }
            let value = match inline {
                Some(value) => value,
                None => args.next()?.to_str()?,
            };
            if value.is_empty() || value.starts_with('-') {
                return None;
            }
            let taken = match name {
                "--data-dir" => global.data_dir.replace(value.into()).is_some(),
                "--content-dir" => global.content_dir.replace(value.into()).is_some(),
                "--theme" => global.theme.replace(value.into()).is_some(),
                _ => return None,
            };
            if taken {
                return None;
            }
        }
        if global.data_dir.is_none()
            && let Some(dir) = data_dir_env
        {
            global.data_dir = Some(PathBuf::from(dir)).filter(|d| !d.as_os_str().is_empty());
            global.data_dir.as_ref()?;
        }
        if global.theme.is_none()
            && let Some(theme) = theme_env
        {
            global.theme = Some(theme.into_string().ok().filter(|t| !t.is_empty())?);
        }
        Some(global)
    }
}

#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Projector mode: large, high-contrast, one idea per screen.
    #[arg(long, global = true)]
    pub present: bool,
    /// Where sessions are kept (in <DIR>/sessions/). Defaults to the
    /// platform's data folder for howgood.
    #[arg(long, global = true, env = DATA_DIR_ENV, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// A folder of your own framework RON files, read after the embedded
    /// content and <config dir>/content/. A framework with an embedded id
    /// replaces it.
    #[arg(long, global = true, value_name = "DIR")]
    pub content_dir: Option<PathBuf>,
    /// Colours: dark, light or high-contrast (changed further by
    /// <config dir>/theme.ron). NO_COLOR turns colour off whatever is chosen.
    #[arg(long, global = true, env = THEME_ENV, value_name = "NAME")]
    pub theme: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, show and check framework content.
    #[command(subcommand)]
    Content(ContentCommand),
    /// Open a session in the terminal screens, by id, path or unique title prefix.
    Open { session: String },
    /// Your daily twenty minutes: today's review, started or continued.
    Daily {
        /// LSCB content areas to draw questions from (kept for next time);
        /// repeat for each, e.g. --focus workforce.
        #[arg(long = "focus", value_name = "AREA")]
        focus: Vec<String>,
        /// Print today's question, its area and the date as plain text, for
        /// paper: the twenty minutes are best spent away from the screen.
        /// The reflection can be typed later with `howgood daily`.
        #[arg(long, conflicts_with = "search")]
        print: bool,
        /// Search every past reflection and action for these words (all
        /// of them), best match first.
        #[arg(long, num_args = 1.., value_name = "WORDS")]
        search: Vec<String>,
        /// Export the journal (or the days from --from to --to) as Markdown.
        #[arg(long, conflicts_with_all = ["print", "search"])]
        export: bool,
        /// The first day to export (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", requires = "export")]
        from: Option<jiff::civil::Date>,
        /// The last day to export (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", requires = "export")]
        to: Option<jiff::civil::Date>,
        /// Where to write the export (`-` for standard output); by default
        /// <data dir>/exports/daily-reviews.md.
        #[arg(short, long, value_name = "FILE", requires = "export")]
        output: Option<PathBuf>,
    },
    /// Prepare a session without the terminal UI; prints its id and path.
    New(NewArgs),
    /// Export a session (by id, path or unique title prefix).
    Export(ExportArgs),
    /// List sessions, or restore a damaged one from its history.
    #[command(subcommand)]
    Sessions(SessionsCommand),
    /// Every action of every session: workshop priorities and milestones,
    /// supervision actions, daily actions. `actions update` records progress.
    Actions(ActionsArgs),
    /// A framework's agreed levels over time: items by sessions, each level
    /// as its number and word with the participants' spread. Never an
    /// average or a total.
    Trends(TrendsArgs),
    /// Create a session again from a JSON export (`export --format json`).
    /// It gets a new id if a session with its id exists; nothing is
    /// overwritten.
    Import(ImportArgs),
    /// Search the notes, reflections, evidence, narratives, criteria's
    /// evidence and notes, priorities and titles of every session, best
    /// match first.
    Search(SearchArgs),
    /// Tracked performance measures: values over time, change since the
    /// baseline, CSV import, Turning the Curve worksheets.
    #[command(subcommand)]
    Measures(MeasuresCommand),
    /// Share the data folder with partners through a git repository:
    /// `sync init <REMOTE>` once, then `sync` to send and receive changes.
    Sync(SyncArgs),
    /// Used by git during `howgood sync`: merge one session file as data.
    #[command(hide = true)]
    MergeDriver {
        /// The common ancestor (%O).
        base: PathBuf,
        /// Ours (%A); the merge is written here.
        ours: PathBuf,
        /// Theirs (%B).
        theirs: PathBuf,
        /// The file's path in the repository (%P).
        name: String,
    },
    /// The Safeguarding Children Report Book: one printable HTML file for
    /// the board (a section per content area or key area, with measures
    /// as charts, levels over the period, priorities and stories), or an
    /// Excel workbook of its tables with --format xlsx.
    Report(ReportArgs),
    /// Test support: not for people. Runs storage operations in a child
    /// process so tests can kill it or compete with it.
    #[command(subcommand, hide = true)]
    Internal(InternalCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    Workshop,
    Supervision,
    Daily,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[arg(long, value_enum, default_value_t = KindArg::Workshop)]
    pub kind: KindArg,
    /// Framework id, e.g. hmie-cp-2009 (see `howgood content list`).
    #[arg(long)]
    pub framework: String,
    #[arg(long)]
    pub title: String,
    /// An indicator, statement, judgement or content area to cover; repeat
    /// for each. A few well-chosen ones, not all of them.
    #[arg(long = "indicator", value_name = "ID")]
    pub indicators: Vec<String>,
    /// A participant or agency (name or role); repeat for each.
    #[arg(long = "participant", value_name = "NAME")]
    pub participants: Vec<String>,
    /// The earlier session (id) this one follows up.
    #[arg(long, value_name = "SESSION")]
    pub follows: Option<String>,
    /// For a workshop: the locality or service it evaluates.
    #[arg(long, value_name = "TEXT")]
    pub locality: Option<String>,
    /// For a framework without a scale of its own (lscb-qaf): evaluate on
    /// the borrowed HMIE six-point scale, or against each area's Module 2
    /// 'good' statements (met / partly met / not met).
    #[arg(long, value_enum, default_value_t = StandardArg::Scale)]
    pub standard: StandardArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StandardArg {
    Scale,
    Statements,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ActionsArgs {
    #[command(subcommand)]
    pub command: Option<ActionsCommand>,
    #[command(flatten)]
    pub list: ActionsList,
}

#[derive(Debug, Args, Default)]
pub struct ActionsList {
    /// Only actions whose owner contains TEXT (any case).
    #[arg(long, value_name = "TEXT")]
    pub owner: Option<String>,
    /// Only actions with this status: not-started, in-progress, done,
    /// dropped or carried-forward.
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    pub status: Option<crate::session::model::PriorityStatus>,
    /// Only actions due before DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub due_before: Option<jiff::civil::Date>,
    /// Only open actions whose due date has passed.
    #[arg(long)]
    pub overdue: bool,
    /// Only actions of sessions on this framework.
    #[arg(long, value_name = "ID")]
    pub framework: Option<String>,
    /// The date taken as today for --overdue (default: today).
    #[arg(long, value_name = "DATE")]
    pub today: Option<jiff::civil::Date>,
    /// One JSON object per action, in an array, each with its whole log.
    #[arg(long)]
    pub json: bool,
    /// Write the actions as a file instead: csv (for spreadsheets), ics
    /// (deadlines and milestones as all-day calendar events) or xlsx.
    #[arg(long, value_enum, conflicts_with = "json")]
    pub format: Option<ActionsFormat>,
    /// Where to write it (private, 0600); `-` for standard output.
    /// Default: `<data dir>/exports/actions.<format>`.
    #[arg(short, long, value_name = "FILE", requires = "format")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ActionsFormat {
    Csv,
    Ics,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LevelsFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Html,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// html (the Report Book) or xlsx (sheets of actions, levels and
    /// measure values).
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// The first day of the period (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<jiff::civil::Date>,
    /// The last day of the period (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<jiff::civil::Date>,
    /// Only sections of this framework (e.g. lscb-qaf or hmie-cp-2009).
    #[arg(long, value_name = "ID")]
    pub framework: Option<String>,
    /// The partnership named on the title page.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "Local Safeguarding Children Board"
    )]
    pub partnership: String,
    /// Include evidence marked private (the book then says so).
    #[arg(long)]
    pub include_private: bool,
    /// A Markdown or text file of stories: each `## AREA` heading (a
    /// content area's id or title, or a key area's number or title)
    /// starts the story printed in that area's section.
    #[arg(long, value_name = "FILE")]
    pub stories: Option<PathBuf>,
    /// Where to write it (private, 0600); `-` for standard output.
    /// Default: `<data dir>/exports/report.<format>`.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A file written by `howgood export SESSION --format json`.
    pub file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ActionsCommand {
    /// Record progress on one action: saved into the one session file that
    /// owns it, atomically, never over a file changed meanwhile.
    Update(ActionUpdateArgs),
}

#[derive(Debug, Args)]
pub struct ActionUpdateArgs {
    /// The action's id (as `howgood actions` lists it), or SESSION/ID.
    pub action: String,
    /// not-started, in-progress, done, dropped or carried-forward.
    #[arg(long, value_parser = parse_status)]
    pub status: crate::session::model::PriorityStatus,
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub note: String,
    /// Evidence of impact: what difference it made, and how we know.
    #[arg(long, value_name = "TEXT")]
    pub impact: Option<String>,
    /// The date of the update (default: today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<jiff::civil::Date>,
    /// With carried-forward: the later session (id) that takes the priority
    /// up; it gains a priority linked to this one. Default: the one session
    /// that follows this action's session.
    #[arg(long, value_name = "SESSION")]
    pub into: Option<String>,
}

#[derive(Debug, Args)]
pub struct TrendsArgs {
    /// Framework id, e.g. hmie-cp-2009.
    pub framework: String,
    /// Only this item (indicator, statement, judgement or area).
    #[arg(long, value_name = "ID")]
    pub item: Option<String>,
    /// As JSON: the sessions by date, and for each item every session's
    /// level with its word and the participants' spread.
    #[arg(long)]
    pub json: bool,
    /// Write the levels as a file instead: one row per item per session.
    #[arg(long, value_enum, conflicts_with = "json")]
    pub format: Option<LevelsFormat>,
    /// Where to write it (private, 0600); `-` for standard output.
    /// Default: `<data dir>/exports/trends-<framework>.<format>`.
    #[arg(short, long, value_name = "FILE", requires = "format")]
    pub output: Option<PathBuf>,
}

fn parse_status(text: &str) -> Result<crate::session::model::PriorityStatus, String> {
    crate::session::model::PriorityStatus::from_slug(text).ok_or_else(|| {
        "expected not-started, in-progress, done, dropped or carried-forward".to_owned()
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A report that reads well to a board.
    Md,
    /// The same report as one printable HTML page (no scripts).
    Html,
    /// The session's priorities or agreed actions, for spreadsheets.
    Csv,
    /// Deadlines and milestones as all-day calendar events.
    Ics,
    /// The whole session, to import elsewhere (docs/json-format.md).
    Json,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Md => "md",
            ExportFormat::Html => "html",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
            ExportFormat::Json => "json",
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    pub session: String,
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Where to write it (private, 0600); `-` for standard output. Default:
    /// `<data dir>/exports/<id>.<format>`.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Include evidence marked private (left out unless this is given).
    #[arg(long)]
    pub include_private: bool,
}

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// Every session with id, kind, title, framework, times and counts.
    /// Unreadable files are listed on stderr with their error.
    List {
        /// One JSON object per session, in an array.
        #[arg(long)]
        json: bool,
    },
    /// Set a damaged session file aside and restore the newest good
    /// version from its history.
    Restore {
        /// Session id.
        id: String,
    },
    /// Rebuild the index (`<data dir>/index.sqlite`) from the session
    /// files, with progress on stderr. Nothing is lost: the files are the
    /// truth and the index is only a cache of them.
    Reindex,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find, all of them; the last may be the start of a word.
    #[arg(required = true)]
    pub words: Vec<String>,
    /// One JSON object per hit, in an array.
    #[arg(long)]
    pub json: bool,
    /// At most this many hits.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SyncArgs {
    #[command(subcommand)]
    pub command: Option<SyncCommand>,
}

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Make the data folder a git working tree shared through REMOTE (a
    /// path, file:// address, or your git host's address), then sync.
    Init {
        /// The shared repository, e.g. /mnt/share/lscb.git or
        /// git@host:lscb/records.git. Your own git credentials are used.
        remote: String,
    },
    /// Whether the folder is shared, last sync, changes waiting, conflicts,
    /// and what stays on this machine only.
    Status,
    /// Conflicts recorded by merges: both values, who and when.
    Conflicts,
    /// Settle a recorded conflict: keep one value, or write a combined text.
    Resolve(ResolveArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("choice").required(true).args(["take", "text"])))]
pub struct ResolveArgs {
    /// The conflict's id, as `sync conflicts` lists it.
    pub conflict: String,
    /// ours: keep the value now in the field; theirs: the other value
    /// (for a deleted record: delete it after all).
    #[arg(long, value_enum)]
    pub take: Option<TakeArg>,
    /// A text combining both (text fields only).
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TakeArg {
    Ours,
    Theirs,
}

#[derive(Debug, Subcommand)]
pub enum InternalCommand {
    /// Save the session at PATH over and over, printing "saved N" after
    /// each save returns.
    SaveLoop { path: PathBuf },
    /// Open the session at PATH, print "open", and hold it until stdin closes.
    Hold { path: PathBuf },
    /// Save the measures register in DIR over and over, printing "saved N"
    /// after each save returns.
    MeasuresSaveLoop { dir: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Every framework with its id, title and counts.
    List,
    /// A framework's outline, or one item of it (an indicator, statement,
    /// judgement, content area, guidance passage or tip) in plain text.
    Show {
        /// Framework id, e.g. hmie-cp-2009.
        framework: String,
        /// Item id, e.g. 5.3 or safeguarding-wisdom.
        item: Option<String>,
        /// Wrap text at this many columns.
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..))]
        width: u16,
    },
    /// Check content files: exit 0 when valid, 1 with one
    /// `file:line:col: message` line per problem. With no paths, checks
    /// everything howgood would load.
    Check {
        /// RON files or folders of them, checked on top of the embedded content.
        paths: Vec<PathBuf>,
    },
    /// Write one of your organisation's own content areas into your own
    /// content file (`own-content.ron` in the config content folder); prints
    /// its id. Never written into a publisher's text.
    NewArea {
        /// The area's title, e.g. "Transition to adult services".
        title: String,
        /// A line on what the area covers.
        #[arg(long, default_value = "")]
        description: String,
        #[command(flatten)]
        owner: OwnerArgs,
    },
    /// Add your own question (as Module 3's are) to one of your areas or an
    /// LSCB content area.
    AddQuestion {
        /// Area id: one of yours (`own-…`) or an LSCB area, e.g. workforce.
        area: String,
        /// The question, one line.
        text: String,
        #[command(flatten)]
        owner: OwnerArgs,
    },
    /// Add your own 'good' statement (as Module 2's are) to one of your
    /// areas or an LSCB content area.
    AddStatement {
        /// Area id: one of yours (`own-…`) or an LSCB area, e.g. workforce.
        area: String,
        /// The statement, one line.
        text: String,
        /// Whether it describes an outcome or the quality of a service.
        #[arg(long, value_enum, default_value_t = StatementKind::Unmarked)]
        kind: StatementKind,
        #[command(flatten)]
        owner: OwnerArgs,
    },
}

/// Whose content it is: asked the first time, kept in the file after.
#[derive(Debug, Args)]
pub struct OwnerArgs {
    /// Your organisation's name, needed when the own content file is created.
    #[arg(long, value_name = "NAME")]
    pub organisation: Option<String>,
}

/// The kinds of 'good' statement Module 2 marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatementKind {
    Outcome,
    Quality,
    Unmarked,
}

#[derive(Debug, Subcommand)]
pub enum MeasuresCommand {
    /// Every tracked measure with its latest value, the change since its
    /// baseline in words, and whether a value is overdue.
    List {
        #[arg(long)]
        json: bool,
        /// The date taken as today for overdue values (default: today).
        #[arg(long, value_name = "DATE")]
        today: Option<jiff::civil::Date>,
        /// Write the list as a file instead: csv or xlsx.
        #[arg(long, value_enum, conflicts_with = "json")]
        format: Option<LevelsFormat>,
        /// Where to write it (private, 0600); `-` for standard output.
        /// Default: `<data dir>/exports/measures.<format>`.
        #[arg(short, long, value_name = "FILE", requires = "format")]
        output: Option<PathBuf>,
    },
    /// One measure: what it measures, every value with both figures, the
    /// forecast if nothing changes, and its worksheets.
    Show {
        /// Its id, or its title (a unique beginning is enough).
        measure: String,
        #[arg(long)]
        json: bool,
    },
    /// Module 5's example measures with the ids `measures add
    /// --from-module5` takes.
    Module5 {
        /// Only this LSCB content area.
        #[arg(long, value_name = "AREA")]
        area: Option<String>,
    },
    /// Track a measure: from Module 5 by its id, or your own with --title.
    Add(MeasureAddArgs),
    /// Record a value for one period.
    Record(MeasureRecordArgs),
    /// Import values from a CSV file: all rows or none.
    Import {
        file: PathBuf,
        /// Which field a column holds, e.g. --map "Quarter=period";
        /// fields: measure, period, value, numerator, denominator,
        /// national, statistical-neighbours, target, note, breakdown:NAME,
        /// ignore.
        #[arg(long = "map", value_name = "COLUMN=FIELD")]
        map: Vec<String>,
    },
    /// Count changes from this period (it must have a value).
    Baseline {
        /// The measure's id or title.
        measure: String,
        /// 2026-03, 2026-Q3 or 2026.
        period: String,
    },
    /// Set a damaged measures file aside and restore the newest good
    /// version from its history.
    Restore,
    /// Turning the Curve worksheets on a measure.
    Curve {
        /// The measure's id or title.
        measure: String,
        #[command(subcommand)]
        command: CurveCommand,
    },
}

#[derive(Debug, Args)]
pub struct MeasureAddArgs {
    /// A Module 5 measure's id (see `howgood measures module5`).
    #[arg(long, value_name = "ID")]
    pub from_module5: Option<String>,
    /// The title; needed for your own measure, and for a Module 5 measure
    /// that is broken in the source.
    #[arg(long)]
    pub title: Option<String>,
    /// quantity, quality or outcome.
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub definition: Option<String>,
    /// What is counted on top of the fraction.
    #[arg(long)]
    pub numerator: Option<String>,
    /// What the fraction is of.
    #[arg(long)]
    pub denominator: Option<String>,
    /// whole-group or sample.
    #[arg(long)]
    pub coverage: Option<String>,
    /// count, percentage, rate or days.
    #[arg(long)]
    pub unit: Option<String>,
    /// higher or lower: which is better for children.
    #[arg(long)]
    pub better: Option<String>,
    /// monthly, quarterly or annual (default quarterly).
    #[arg(long)]
    pub frequency: Option<String>,
    #[arg(long)]
    pub owner: Option<String>,
    /// One of the framework's four sources: children-parents-carers,
    /// frontline-staff-managers, case-records, management-information.
    #[arg(long)]
    pub source: Option<String>,
    /// What values are broken down by (team, locality, agency); repeat.
    #[arg(long = "breakdown", value_name = "NAME")]
    pub breakdowns: Vec<String>,
    /// The LSCB content area it serves.
    #[arg(long)]
    pub area: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeasureRecordArgs {
    /// The measure's id or title.
    pub measure: String,
    /// 2026-03, 2026-Q3 or 2026, as the measure's frequency.
    #[arg(long)]
    pub period: String,
    /// The value; with --denominator, the numerator.
    #[arg(long)]
    pub value: f64,
    #[arg(long)]
    pub denominator: Option<f64>,
    /// A breakdown's value, e.g. --breakdown North=12; repeat.
    #[arg(long = "breakdown", value_name = "NAME=VALUE")]
    pub breakdowns: Vec<String>,
    /// national, statistical-neighbours or target, e.g. --comparator
    /// national=22.5; repeat.
    #[arg(long = "comparator", value_name = "KIND=VALUE")]
    pub comparators: Vec<String>,
    #[arg(long, default_value = "")]
    pub note: String,
    /// Make this period the baseline changes are counted from.
    #[arg(long)]
    pub baseline: bool,
}

#[derive(Debug, Subcommand)]
pub enum CurveCommand {
    /// Start a worksheet (today's, or --date); it starts from the last
    /// one's story, partners and what works.
    New {
        #[arg(long, value_name = "DATE")]
        date: Option<jiff::civil::Date>,
    },
    /// Write the steps of the latest (or --worksheet) worksheet.
    Write {
        #[arg(long, value_name = "ID")]
        worksheet: Option<String>,
        /// How are we doing: your reading of the curve.
        #[arg(long)]
        doing: Option<String>,
        /// The story behind the curve.
        #[arg(long)]
        story: Option<String>,
        /// A partner with a role to play, NAME=ROLE; repeat.
        #[arg(long = "partner", value_name = "NAME=ROLE")]
        partners: Vec<String>,
        /// What works, IDEA=EVIDENCE; repeat.
        #[arg(long = "works", value_name = "IDEA=EVIDENCE")]
        works: Vec<String>,
    },
    /// What we propose to do; prints the proposal's id.
    Propose {
        text: String,
        #[arg(long, value_name = "ID")]
        worksheet: Option<String>,
    },
    /// Agree a proposal as a priority with an owner and a date, linked to
    /// the measure and listed by `howgood actions`.
    Adopt {
        proposal: String,
        #[arg(long)]
        owner: String,
        #[arg(long, value_name = "DATE")]
        due: jiff::civil::Date,
    },
}
