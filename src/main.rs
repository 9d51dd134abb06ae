use clap::Parser;
use howgood::cli::{Cli, Command};
use howgood::commands;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Content(command) => commands::content::run(&cli.global, command),
        Command::New(args) => commands::sessions::run_new(&cli.global, args),
        Command::Sessions(command) => commands::sessions::run(&cli.global, command),
        Command::Internal(command) => commands::internal::run(command),
    };
    result.unwrap_or_else(|error| {
        eprintln!("howgood: {error:#}");
        ExitCode::FAILURE
    })
}
