//! Command-line interface definition (clap).

use clap::{Args, Parser, Subcommand};
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

#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Projector mode: large, high-contrast, one idea per screen.
    #[arg(long, global = true)]
    pub present: bool,
    /// Where sessions are kept (in <DIR>/sessions/). Defaults to the
    /// platform's data folder for howgood.
    #[arg(long, global = true, env = "HOWGOOD_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// A folder of your own framework RON files, read after the embedded
    /// content and <config dir>/content/. A framework with an embedded id
    /// replaces it.
    #[arg(long, global = true, value_name = "DIR")]
    pub content_dir: Option<PathBuf>,
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
    },
    /// Prepare a session without the terminal UI; prints its id and path.
    New(NewArgs),
    /// Export a session (by id, path or unique title prefix).
    Export(ExportArgs),
    /// List sessions, or restore a damaged one from its history.
    #[command(subcommand)]
    Sessions(SessionsCommand),
    /// Search the notes, reflections, evidence, priorities and titles of
    /// every session, best match first.
    Search(SearchArgs),
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A report that reads well to a board.
    Md,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    pub session: String,
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Where to write it (private, 0600); `-` for standard output. Default:
    /// `<data dir>/exports/<id>.md`.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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

#[derive(Debug, Subcommand)]
pub enum InternalCommand {
    /// Save the session at PATH over and over, printing "saved N" after
    /// each save returns.
    SaveLoop { path: PathBuf },
    /// Open the session at PATH, print "open", and hold it until stdin closes.
    Hold { path: PathBuf },
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
}
