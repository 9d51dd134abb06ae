//! Command-line interface definition (clap).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "howgood",
    version,
    about = "Self-evaluation for children's safeguarding services: How good are we now? How do we know? How good can we be?",
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
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
