use clap::Parser;
use howgood::cli::{Cli, Command};
use howgood::{commands, tui};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        None => tui::run(&cli.global, tui::Start::Home).map(|()| ExitCode::SUCCESS),
        Some(Command::Open { session }) => {
            tui::run(&cli.global, tui::Start::Open(session.clone())).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Daily { focus }) => {
            tui::run(&cli.global, tui::Start::Daily(focus.clone())).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Content(command)) => commands::content::run(&cli.global, command),
        Some(Command::New(args)) => commands::sessions::run_new(&cli.global, args),
        Some(Command::Export(args)) => commands::sessions::run_export(&cli.global, args),
        Some(Command::Sessions(command)) => commands::sessions::run(&cli.global, command),
        Some(Command::Actions(args)) => commands::actions::run(&cli.global, args),
        Some(Command::Trends(args)) => commands::trends::run(&cli.global, args),
        Some(Command::Measures(command)) => commands::measures::run(&cli.global, command),
        Some(Command::Internal(command)) => commands::internal::run(command),
    };
    result.unwrap_or_else(|error| {
        eprintln!("howgood: {error:#}");
        ExitCode::FAILURE
    })
}
