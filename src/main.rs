use howgood::cli::{Cli, Command};
use howgood::{commands, tui};
use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::var_os("HOWGOOD_DATA_DIR").is_some_and(|dir| dir.is_empty()) {
        // An empty `HOWGOOD_DATA_DIR=` means unset, as with most variables
        // (clap would refuse it as a missing value).
        // SAFETY: no other thread has started yet.
        unsafe { std::env::remove_var("HOWGOOD_DATA_DIR") };
    }
    let cli = Cli::parse_quickly();
    if !matches!(
        cli.command,
        None | Some(
            Command::Open { .. }
                | Command::Daily {
                    print: false,
                    export: false,
                    ..
                }
        )
    ) {
        restore_default_sigpipe();
    }
    let result = match &cli.command {
        None => tui::run(&cli.global, tui::Start::Home).map(|()| ExitCode::SUCCESS),
        Some(Command::Open { session }) => {
            tui::run(&cli.global, tui::Start::Open(session.clone())).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Daily { print: true, .. }) => commands::daily::run_print(&cli.global),
        Some(Command::Daily {
            export: true,
            from,
            to,
            output,
            ..
        }) => commands::daily::run_export(&cli.global, *from, *to, output.as_deref()),
        Some(Command::Daily { search, .. }) if !search.is_empty() => {
            commands::daily::run_search(&cli.global, search)
        }
        Some(Command::Daily { focus, .. }) => {
            tui::run(&cli.global, tui::Start::Daily(focus.clone())).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Content(command)) => commands::content::run(&cli.global, command),
        Some(Command::New(args)) => commands::sessions::run_new(&cli.global, args),
        Some(Command::Export(args)) => commands::export::run(&cli.global, args),
        Some(Command::Sessions(command)) => commands::sessions::run(&cli.global, command),
        Some(Command::Actions(args)) => commands::actions::run(&cli.global, args),
        Some(Command::Trends(args)) => commands::trends::run(&cli.global, args),
        Some(Command::Import(args)) => commands::export::run_import(&cli.global, args),
        Some(Command::Search(args)) => commands::sessions::run_search(&cli.global, args),
        Some(Command::Measures(command)) => commands::measures::run(&cli.global, command),
        Some(Command::Sync(args)) => howgood::commands::sync::run(&cli.global, args),
        Some(Command::MergeDriver {
            base,
            ours,
            theirs,
            name,
        }) => howgood::commands::sync::merge_driver(base, ours, theirs, name),
        Some(Command::Report(args)) => commands::report::run(&cli.global, args),
        Some(Command::Internal(command)) => commands::internal::run(command),
    };
    result.unwrap_or_else(|error| {
        eprintln!(
            "howgood: {}",
            howgood::safe_io::printable(&format!("{error:#}"))
        );
        ExitCode::FAILURE
    })
}

/// A command whose output is piped into `head` ends quietly when the pipe
/// closes, as other command-line tools do (Rust ignores SIGPIPE, which
/// would make every print fail instead). The screens keep it ignored.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal to its default action, before any threads.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
