//! Hidden test-support commands: storage operations in a child process, so
//! integration tests can kill it mid-save or compete with it for a lock.

use crate::cli::InternalCommand;
use crate::session::store::OpenSession;
use jiff::Timestamp;
use std::io::{BufRead, Write};
use std::process::ExitCode;

pub fn run(command: &InternalCommand) -> anyhow::Result<ExitCode> {
    match command {
        InternalCommand::SaveLoop { path } => {
            let mut open = OpenSession::open(path, Timestamp::now())?;
            let mut session = open.loaded.clone();
            let stdout = std::io::stdout();
            for n in 0u64.. {
                // A change that grows and shrinks the file, so a torn write
                // would show as a parse error or a wrong count.
                session.title = format!("save {n}");
                session.participants = (0..(n % 50))
                    .map(|i| format!("participant {i} of save {n}"))
                    .collect();
                open.save(&session, Timestamp::now())?;
                let mut out = stdout.lock();
                writeln!(out, "saved {n}")?;
                out.flush()?;
            }
            Ok(ExitCode::SUCCESS)
        }
        InternalCommand::MeasuresSaveLoop { dir } => measures_save_loop(dir),
        InternalCommand::Hold { path } => {
            let open = OpenSession::open(path, Timestamp::now())?;
            println!(
                "open {}",
                if open.is_read_only() {
                    "read-only"
                } else {
                    "read-write"
                }
            );
            std::io::stdout().flush()?;
            for _ in std::io::stdin().lock().lines() {}
            drop(open);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Save the measures register over and over: one measure whose title
/// counts the saves and whose values grow and shrink, so a torn write
/// would show as a parse error or a wrong count.
fn measures_save_loop(dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    use crate::measures::edit;
    use crate::measures::file::OpenRegister;
    use crate::measures::model::{Figure, Measure};
    let mut open = OpenRegister::open(dir, Timestamp::now())?;
    let mut register = open.loaded.clone();
    let stdout = std::io::stdout();
    for n in 0u64.. {
        let mut measure = Measure::new("savesave".into(), format!("save {n}"), Timestamp::now());
        for year in 0..(n % 40) {
            let period = format!("{}", 1990 + year)
                .parse()
                .map_err(anyhow::Error::msg)?;
            measure.frequency = crate::measures::period::Frequency::Annual;
            let value = edit::value(period, Figure::Number(n as f64));
            edit::record(&mut measure, value).map_err(|p| anyhow::anyhow!(p.join("; ")))?;
        }
        register.measures = vec![measure];
        open.save(&register, Timestamp::now())?;
        let mut out = stdout.lock();
        writeln!(out, "saved {n}")?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
