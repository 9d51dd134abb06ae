//! `howgood content list | show | check`, and the organisation's own
//! content: `content new-area | add-question | add-statement`.

use crate::cli::{ContentCommand, GlobalArgs, StatementKind};
use crate::content::library::{ContentFile, Library, Origin, embedded_files, read_user_files};
use crate::content::model::GoodKind;
use crate::content::own;
use crate::content::problem::Problem;
use crate::content::{query, text};
use crate::paths;
use crate::safe_io::{printable, printable_line};
use crate::session::own_content;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The folders of user content, in the order they are read.
pub fn user_content_paths(global: &GlobalArgs) -> Vec<PathBuf> {
    paths::user_content_dir()
        .into_iter()
        .chain(global.content_dir.clone())
        .collect()
}

/// Load the library from the embedded content and the given user paths.
/// The library as a start needs it: user files validated, the embedded
/// ones trusted (the tests validate them).
pub fn load_library(user_paths: &[PathBuf]) -> Library {
    load(user_paths, Library::assemble_trusting_embedded)
}

/// The library with every file validated, embedded ones too (`content check`).
pub fn load_library_checked(user_paths: &[PathBuf]) -> Library {
    load(user_paths, Library::assemble)
}

fn load(
    user_paths: &[PathBuf],
    assemble: fn(Vec<ContentFile>, Vec<ContentFile>) -> Library,
) -> Library {
    let mut files = Vec::new();
    let mut read_problems = Vec::new();
    for path in user_paths {
        let (found, problems) = read_user_files(path);
        files.extend(found);
        read_problems.extend(problems);
    }
    let mut library = assemble(embedded_files(), files);
    read_problems.append(&mut library.problems);
    library.problems = read_problems;
    library
}

pub fn run(global: &GlobalArgs, command: &ContentCommand) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match command {
        ContentCommand::List => {
            let library = load_library(&user_content_paths(global));
            warn(&library.problems);
            writeln!(out, "{}", list(&library))?;
            Ok(ExitCode::SUCCESS)
        }
        ContentCommand::Show {
            framework,
            item,
            width,
        } => {
            let library = load_library(&user_content_paths(global));
            warn(&library.problems);
            let Some(found) = library.framework(framework) else {
                let known: Vec<_> = library
                    .frameworks
                    .iter()
                    .map(|(f, _)| f.id.as_str())
                    .collect();
                eprintln!(
                    "howgood: unknown framework '{}'; known: {}",
                    printable_line(framework),
                    printable_line(&known.join(", "))
                );
                return Ok(ExitCode::FAILURE);
            };
            let width = usize::from(*width);
            match item {
                None => write!(out, "{}", printable(&text::framework_outline(found, width)))?,
                Some(id) => match text::item(&library, found, id, width) {
                    Some(shown) => write!(out, "{}", printable(&shown))?,
                    None => {
                        eprintln!(
                            "howgood: no item '{}' in framework '{}'; `howgood content show {}` lists its items",
                            printable_line(id),
                            printable_line(framework),
                            printable_line(framework)
                        );
                        return Ok(ExitCode::FAILURE);
                    }
                },
            }
            Ok(ExitCode::SUCCESS)
        }
        ContentCommand::NewArea { .. }
        | ContentCommand::AddQuestion { .. }
        | ContentCommand::AddStatement { .. } => own_change(global, command),
        ContentCommand::Check { paths } => {
            let checked = if paths.is_empty() {
                user_content_paths(global)
            } else {
                paths.clone()
            };
            for path in paths {
                if !path.exists() {
                    eprintln!(
                        "howgood: {}: no such file or folder",
                        printable_line(&path.display().to_string())
                    );
                    return Ok(ExitCode::FAILURE);
                }
            }
            let library = load_library_checked(&checked);
            for problem in &library.problems {
                writeln!(out, "{}", printable(&problem.to_string()))?;
            }
            if library.problems.is_empty() {
                writeln!(
                    out,
                    "ok: {} frameworks and the crosswalk are valid",
                    library.frameworks.len()
                )?;
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("{} problem(s) found", library.problems.len());
                Ok(ExitCode::FAILURE)
            }
        }
    }
}

/// `content new-area`, `add-question`, `add-statement`: one change to the
/// organisation's own content file.
fn own_change(global: &GlobalArgs, command: &ContentCommand) -> anyhow::Result<ExitCode> {
    let Some(dir) = paths::user_content_dir() else {
        eprintln!("howgood: no config folder for your own content (set HOWGOOD_CONFIG_DIR)");
        return Ok(ExitCode::FAILURE);
    };
    let path = own_content::path_in(&dir);
    let library = load_library(&user_content_paths(global));
    let result = match command {
        ContentCommand::NewArea {
            title,
            description,
            owner,
        } => own_content::change(&path, owner.organisation.as_deref(), &library, |_, f| {
            own::add_area(f, title, description)
        }),
        ContentCommand::AddQuestion { area, text, owner } => {
            own_content::change(&path, owner.organisation.as_deref(), &library, |l, f| {
                own::add_question(l, f, area, text).map(|()| area.clone())
            })
        }
        ContentCommand::AddStatement {
            area,
            text,
            kind,
            owner,
        } => {
            let kind = match kind {
                StatementKind::Outcome => GoodKind::Outcome,
                StatementKind::Quality => GoodKind::Quality,
                StatementKind::Unmarked => GoodKind::Unmarked,
            };
            own_content::change(&path, owner.organisation.as_deref(), &library, |l, f| {
                own::add_statement(l, f, area, kind, text).map(|()| area.clone())
            })
        }
        _ => unreachable!("only the own-content commands come here"),
    };
    match result {
        Ok((id, framework)) => {
            println!(
                "{}\t{} (written to {})",
                printable_line(&id),
                printable_line(&framework.publisher),
                printable_line(&path.display().to_string())
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(message) => {
            eprintln!("howgood: {}", printable_line(&message));
            Ok(ExitCode::FAILURE)
        }
    }
}

fn warn(problems: &[Problem]) {
    for problem in problems {
        eprintln!(
            "warning: {} (file skipped or item ignored)",
            printable(&problem.to_string())
        );
    }
}

/// The table printed by `content list`.
pub fn list(library: &Library) -> String {
    let mut rows = vec![[
        "ID".to_owned(),
        "INDICATORS".to_owned(),
        "ILLUSTRATIONS".to_owned(),
        "QUESTIONS".to_owned(),
        "STATEMENTS".to_owned(),
        "MEASURES".to_owned(),
        "TITLE".to_owned(),
    ]];
    for (framework, origin) in &library.frameworks {
        let counts = query::counts(framework);
        let title = match origin {
            Origin::Embedded => framework.short_title.clone(),
            Origin::User(path) => format!("{} (from {})", framework.short_title, path.display()),
        };
        rows.push([
            printable_line(&framework.id).into_owned(),
            counts.indicators.to_string(),
            counts.illustrations.to_string(),
            counts.questions.to_string(),
            counts.statements.to_string(),
            counts.measures.to_string(),
            printable_line(&title).into_owned(),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    rows.iter()
        .map(|row| {
            let mut line = format!("{:<w$}", row[0], w = widths[0]);
            for c in 1..6 {
                line.push_str(&format!("  {:>w$}", row[c], w = widths[c]));
            }
            line.push_str("  ");
            line.push_str(&row[6]);
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}
