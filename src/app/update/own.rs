//! The organisation's own content screen: moving between areas, asking for
//! a new area, question or statement, and taking the written file back.

use super::*;
use crate::app::action::OwnWritten;
use crate::app::measures::{Ask, Purpose};
use crate::app::own::{self as own_view, OwnChange};
use crate::content::library::Origin;
use crate::content::own;

pub(super) fn command(app: &mut App, command: Command, _effects: &mut [Effect]) {
    let count = own_view::areas(&app.library).len();
    let Screen::OwnContent(state) = &mut app.screen else {
        return;
    };
    match command {
        Command::Up => state.cursor = state.cursor.saturating_sub(1),
        Command::Down => state.cursor = (state.cursor + 1).min(count.saturating_sub(1)),
        Command::Top => state.cursor = 0,
        Command::Bottom => state.cursor = count.saturating_sub(1),
        Command::Back => app.screen = Screen::Home,
        Command::NewOwnArea => ask(app, None),
        Command::AddOwnQuestion | Command::AddOwnStatement => {
            let cursor = state.cursor;
            let Some(area) = own_view::areas(&app.library).into_iter().nth(cursor) else {
                return;
            };
            ask(app, Some((command == Command::AddOwnQuestion, area)));
        }
        _ => {}
    }
}

/// Open the questions for a new area (`None`), or a question or statement
/// for an area; the organisation's name first when there is no file yet.
fn ask(app: &mut App, about: Option<(bool, own_view::AreaRow)>) {
    let organisation = own::loaded(&app.library).is_none();
    let mut questions = Vec::new();
    if organisation {
        questions.push("Your organisation's name (your own content is attributed to it)");
    }
    let (purpose, title, context) = match about {
        None => {
            questions.extend(["Title of the area", "What it covers, in a line (optional)"]);
            (
                Purpose::OwnArea { organisation },
                "A content area of your own".to_owned(),
                String::new(),
            )
        }
        Some((true, area)) => {
            questions.push("Your question");
            (
                Purpose::OwnQuestion {
                    organisation,
                    area: area.id,
                },
                "Your own question".to_owned(),
                format!("For: {}", area.title),
            )
        }
        Some((false, area)) => {
            questions.extend([
                "Your 'good' statement",
                "Outcome (o), quality (q) or unmarked (Enter)",
            ]);
            (
                Purpose::OwnStatement {
                    organisation,
                    area: area.id,
                },
                "Your own 'good' statement".to_owned(),
                format!("For: {}", area.title),
            )
        }
    };
    let ask = Ask::new(purpose, title, questions).with_context(context);
    app.overlay = Some(Overlay::Ask(Box::new(ask)));
}

/// The answers to own-content questions become a write for the edge, once
/// they pass the same checks the file will. `None` for other purposes.
pub(super) fn answered(
    app: &App,
    purpose: &Purpose,
    answers: &[String],
) -> Result<Option<Effect>, String> {
    let (asked_name, change) = match purpose {
        Purpose::OwnArea { organisation } => {
            let at = usize::from(*organisation);
            (
                *organisation,
                OwnChange::Area {
                    title: answer(answers, at),
                    description: answer(answers, at + 1),
                },
            )
        }
        Purpose::OwnQuestion { organisation, area } => (
            *organisation,
            OwnChange::Question {
                area: area.clone(),
                text: answer(answers, usize::from(*organisation)),
            },
        ),
        Purpose::OwnStatement { organisation, area } => {
            let at = usize::from(*organisation);
            (
                *organisation,
                OwnChange::Statement {
                    area: area.clone(),
                    text: answer(answers, at),
                    kind: own_view::kind_from(&answer(answers, at + 1)),
                },
            )
        }
        _ => return Ok(None),
    };
    let organisation = asked_name.then(|| answer(answers, 0));
    // Checked here for a prompt answer; the edge checks again on the file.
    let mut trial = match (own::loaded(&app.library), &organisation) {
        (Some(framework), _) => framework.clone(),
        (None, Some(name)) => own::new(name).map_err(|e| format!("Not written: {e}."))?,
        (None, None) => return Err("Not written: your organisation's name is needed.".into()),
    };
    own_view::apply(&app.library, &mut trial, &change).map_err(|e| format!("Not written: {e}."))?;
    Ok(Some(Effect::WriteOwnContent {
        organisation,
        change,
    }))
}

fn answer(answers: &[String], at: usize) -> String {
    answers.get(at).cloned().unwrap_or_default()
}

/// The file was written: the library shows the new content at once.
pub(super) fn on_written(app: &mut App, result: Result<Box<OwnWritten>, String>) {
    match result {
        Ok(written) => {
            let written = *written;
            let origin = Origin::User(written.path);
            match app
                .library
                .frameworks
                .iter_mut()
                .find(|(f, _)| f.id == own::ID)
            {
                Some(slot) => *slot = (written.framework, origin),
                None => app.library.frameworks.push((written.framework, origin)),
            }
            app.notice = Some(format!("Written to your own content ({}).", written.id));
            // The new area is listed first among yours: keep the cursor on it.
            if let Screen::OwnContent(state) = &mut app.screen {
                let areas = own_view::areas(&app.library);
                if let Some(at) = areas.iter().position(|a| a.id == written.id) {
                    state.cursor = at;
                }
            }
        }
        Err(problem) => app.notice = Some(format!("Not written: {problem}")),
    }
}
