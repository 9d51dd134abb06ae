//! Keys: what each key means where the user is, and the hints that tell
//! them. The same tables drive the footer, the help screen and dispatch.

use super::action::Command;
use super::home::FormField;
use super::{App, Overlay, Pane, Phase, Screen, Stage};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the keyboard is, for choosing key meanings and hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    History,
    Focus,
    /// The daily review's screen.
    Daily,
    Form(FormField),
    Walk(Phase, Pane),
    Summary,
    Editor,
    Palette,
    Help,
    Confirm,
    Reader,
    Message,
}

pub fn context(app: &App) -> Context {
    match &app.overlay {
        Some(Overlay::Help) => return Context::Help,
        Some(Overlay::Palette(_)) => return Context::Palette,
        Some(Overlay::Confirm { .. }) => return Context::Confirm,
        Some(Overlay::Reader { .. }) => return Context::Reader,
        Some(Overlay::Message { .. }) => return Context::Message,
        Some(Overlay::Focus { .. }) => return Context::Focus,
        None => {}
    }
    match &app.screen {
        Screen::Home => Context::Home,
        Screen::History { .. } => Context::History,
        Screen::NewSession(form) => Context::Form(form.field),
        Screen::Session(ws) if ws.editor.is_some() => Context::Editor,
        Screen::Session(ws)
            if ws.session.kind == crate::session::model::SessionKind::DailyReview =>
        {
            Context::Daily
        }
        Screen::Session(ws) => match ws.stage {
            Stage::Walk { phase, .. } => Context::Walk(phase, ws.focus),
            Stage::Summary => Context::Summary,
        },
    }
}

/// Keys that mean the same everywhere outside text fields.
fn common(key: KeyEvent) -> Option<Command> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Command::Quit,
        KeyCode::Char('p') if ctrl => Command::Palette,
        KeyCode::Char('q') => Command::Quit,
        KeyCode::Char('P') => Command::TogglePresent,
        KeyCode::Char('H') => Command::ToggleNotes,
        KeyCode::Char('?') | KeyCode::F(1) => Command::Help,
        KeyCode::Char('/') => Command::Palette,
        KeyCode::Esc => Command::Back,
        KeyCode::Up | KeyCode::Char('k') => Command::Up,
        KeyCode::Down | KeyCode::Char('j') => Command::Down,
        KeyCode::PageUp => Command::PageUp,
        KeyCode::PageDown => Command::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Command::Top,
        KeyCode::End | KeyCode::Char('G') => Command::Bottom,
        KeyCode::Left | KeyCode::Char('h') => Command::Left,
        KeyCode::Right | KeyCode::Char('l') => Command::Right,
        KeyCode::Enter => Command::Activate,
        KeyCode::Char(' ') => Command::Toggle,
        _ => return None,
    })
}

/// The command a key stands for where the user is. Text fields and the
/// palette's query take their keys directly and never reach here.
pub fn command_for(app: &App, key: KeyEvent) -> Option<Command> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let supervision = is_supervision(app);
    match context(app) {
        Context::Help | Context::Message => Some(Command::Back),
        Context::Confirm => match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => Some(Command::Activate),
            _ => Some(Command::Back),
        },
        Context::Reader => match key.code {
            KeyCode::Char('q') | KeyCode::Esc | KeyCode::Enter => Some(Command::Back),
            _ => common(key),
        },
        Context::Home => match key.code {
            KeyCode::Char('n') => Some(Command::NewSession),
            KeyCode::Char('v') => Some(Command::NewSupervision),
            KeyCode::Char('d') => Some(Command::StartDaily),
            KeyCode::Char('h') => Some(Command::ShowHistory),
            _ => common(key),
        },
        Context::History => match key.code {
            KeyCode::Char('d') => Some(Command::StartDaily),
            KeyCode::Char('c') => Some(Command::ChooseFocus),
            _ => common(key),
        },
        Context::Focus => match key.code {
            KeyCode::Esc | KeyCode::Char('q') => Some(Command::Back),
            KeyCode::Enter => Some(Command::Activate),
            KeyCode::Char(' ') => Some(Command::Toggle),
            KeyCode::Up | KeyCode::Char('k') => Some(Command::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Command::Down),
            _ => None,
        },
        Context::Daily => match key.code {
            KeyCode::Char('a') => Some(Command::AnotherQuestion),
            KeyCode::Char(' ') => Some(Command::ToggleTimer),
            KeyCode::Char('F') => Some(Command::FinishDaily),
            KeyCode::Char('h') => Some(Command::ShowHistory),
            KeyCode::Char('c') => Some(Command::ChooseFocus),
            KeyCode::Char('+' | '=') => Some(Command::AddMinute),
            KeyCode::Char('f') => Some(Command::CycleFraming),
            KeyCode::Tab | KeyCode::BackTab => None,
            _ => common(key),
        },
        Context::Form(_) => match key.code {
            KeyCode::Tab => Some(Command::NextField),
            KeyCode::BackTab => Some(Command::PreviousField),
            _ => common(key),
        },
        Context::Walk(phase, pane) => match key.code {
            KeyCode::Tab | KeyCode::BackTab => Some(Command::SwitchPane),
            KeyCode::Char(']') => Some(Command::NextPhase),
            KeyCode::Char('[') => Some(Command::PreviousPhase),
            KeyCode::Char('n') if !ctrl => Some(Command::NextItem),
            KeyCode::Char('p') if !ctrl => Some(Command::PreviousItem),
            KeyCode::Char('t') => Some(Command::NextTab),
            KeyCode::Char('+' | '=') => Some(Command::AddMinute),
            KeyCode::Char('T') => Some(Command::ToggleTimer),
            KeyCode::Char('R') if phase == Phase::Now => Some(Command::Reveal),
            KeyCode::Char('f') if phase == Phase::Now => Some(Command::CycleFraming),
            KeyCode::Char('s') => Some(Command::Summary),
            KeyCode::Char(c @ '1'..='9') if phase == Phase::Now && !supervision => {
                Some(Command::SetLevel(c as u8 - b'0'))
            }
            KeyCode::Char('0') | KeyCode::Backspace | KeyCode::Delete
                if phase == Phase::Now && pane == Pane::Record && !supervision =>
            {
                Some(Command::ClearLevel)
            }
            KeyCode::Char('a') if phase == Phase::Know => Some(Command::AddEvidence),
            KeyCode::Char('a') if phase == Phase::Can => Some(Command::AddPriority),
            KeyCode::Char('d') if pane == Pane::Record => Some(Command::DeleteSelected),
            _ => common(key),
        },
        Context::Summary => match key.code {
            KeyCode::Tab | KeyCode::BackTab => Some(Command::SwitchPane),
            KeyCode::Char('e') => Some(Command::Export),
            KeyCode::Char('[') => Some(Command::PreviousPhase),
            KeyCode::Char('d') => Some(Command::DeleteSelected),
            _ => common(key),
        },
        // Editors and the palette take keys themselves.
        Context::Editor | Context::Palette => None,
    }
}

fn is_supervision(app: &App) -> bool {
    app.workspace()
        .is_some_and(|ws| ws.session.kind == crate::session::model::SessionKind::Supervision)
}

/// Key hints for the footer: (keys, what they do), most useful first.
pub fn hints(app: &App) -> Vec<(&'static str, &'static str)> {
    match context(app) {
        Context::Walk(Phase::Now, Pane::Record) if is_supervision(app) => vec![
            ("n/p", "question"),
            ("Enter", "reflect"),
            ("f", "you/we"),
            ("]", "next phase"),
            ("Tab", "pane"),
            ("?", "all keys"),
            ("s", "summary"),
            ("q", "quit"),
        ],
        Context::Home => vec![
            ("↑↓", "choose"),
            ("Enter", "open"),
            ("n", "new workshop"),
            ("v", "supervision"),
            ("d", "daily review"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Context::History => vec![
            ("↑↓", "choose"),
            ("Enter", "open"),
            ("d", "today's review"),
            ("c", "focus areas"),
            ("Esc", "home"),
        ],
        Context::Focus => vec![
            ("↑↓", "choose"),
            ("Space", "include"),
            ("Enter", "save"),
            ("Esc", "cancel"),
        ],
        Context::Daily => vec![
            ("Enter", "write"),
            ("Space", "pause"),
            ("a", "another question"),
            ("F", "finish"),
            ("h", "history"),
            ("c", "focus"),
            ("q", "quit"),
        ],
        Context::Form(field) => {
            let mut hints = vec![("Tab", "next field")];
            match field {
                FormField::Kind | FormField::Framework => hints.push(("←→", "change")),
                FormField::Items => {
                    hints.push(("type", "filter"));
                    hints.push(("↑↓", "move"));
                    hints.push(("Enter", "choose"));
                }
                FormField::Create => hints.push(("Enter", "create")),
                FormField::Title | FormField::Participants => hints.push(("type", "write")),
            }
            hints.push(("Esc", "cancel"));
            hints
        }
        Context::Walk(phase, pane) => {
            let mut hints = vec![("]", "next phase"), ("Tab", "pane")];
            match (phase, pane) {
                (Phase::Now, Pane::Record) => {
                    hints.push(("1-6", "level"));
                    hints.push(("Enter", "write"));
                    hints.push(("Space", "discussed"));
                }
                (Phase::Know, Pane::Record) => {
                    hints.push(("a", "add evidence"));
                    hints.push(("Enter", "edit"));
                    hints.push(("Space", "change"));
                }
                (Phase::Can, Pane::Record) => {
                    hints.push(("a", "add priority"));
                    hints.push(("Enter", "edit"));
                }
                (Phase::Now, Pane::Reference) => {
                    hints.push(("t", "tab"));
                    hints.push(("←→", "level 5/2"));
                }
                (_, Pane::Reference) => {
                    hints.push(("t", "tab"));
                    hints.push(("Enter", "use"));
                }
            }
            hints.push(("?", "all keys"));
            hints.push(("[", "back"));
            hints.push(("n/p", "item"));
            hints.push(("s", "summary"));
            hints.push(("/", "find"));
            hints.push(("q", "quit"));
            hints
        }
        Context::Summary => vec![
            ("↑↓", "field"),
            ("Enter", "edit"),
            ("e", "export"),
            ("[", "back to walk"),
            ("/", "find"),
            ("?", "help"),
            ("Esc", "home"),
        ],
        Context::Editor => vec![
            ("Esc", "done"),
            ("Ctrl-U/Z", "undo"),
            ("Ctrl-R", "redo"),
            ("Ctrl-A/E", "line start/end"),
        ],
        Context::Palette => vec![
            ("type", "search"),
            ("↑↓", "choose"),
            ("Enter", "go"),
            ("Esc", "close"),
        ],
        Context::Help | Context::Message => vec![("any key", "close")],
        Context::Confirm => vec![("y", "yes"), ("any other key", "no")],
        Context::Reader => vec![("↑↓ PgUp PgDn", "scroll"), ("Esc", "close")],
    }
}

/// Everything `?` lists, by place.
pub fn help() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "Everywhere",
            vec![
                ("?  F1", "this help"),
                (
                    "/  Ctrl-P",
                    "find anything: indicators, illustrations, questions, notes",
                ),
                (
                    "Esc",
                    "back (closes a field, a popup, or leaves the session)",
                ),
                ("q  Ctrl-C", "quit (everything is already saved)"),
                ("P", "projector mode on or off (or start with --present)"),
                ("H", "in projector mode, hide or show the scribe's record"),
                ("↑↓ j k", "move"),
                ("PgUp PgDn g G", "page, top, bottom"),
                ("mouse", "click to choose, wheel to scroll"),
            ],
        ),
        (
            "Home",
            vec![
                ("n", "new workshop"),
                ("v", "new supervision"),
                ("d", "today's daily review (start or continue)"),
                ("h", "the history of daily reviews"),
                ("Enter", "open the chosen session"),
            ],
        ),
        (
            "Daily review",
            vec![
                ("Space", "pause or restart the twenty minutes"),
                ("a", "another question"),
                ("F", "finish (early or on time)"),
                ("c", "choose the focus areas the questions come from"),
                ("h", "history"),
            ],
        ),
        (
            "Walking through an indicator",
            vec![
                ("[  ]", "previous / next phase: now, know, can be"),
                ("n  p", "next / previous indicator"),
                ("Tab", "switch between the framework's text and your record"),
                ("t", "next tab of the framework's text"),
                (
                    "←→",
                    "level 5 / level 2 illustration (when not side by side)",
                ),
                (
                    "1-6",
                    "set the level (of the group, or of the chosen participant)",
                ),
                ("0  Backspace", "back to 'not yet evaluated'"),
                ("Enter", "write in a field; use a suggestion"),
                ("Space", "mark a question discussed; change a choice"),
                ("a", "add evidence (phase 2) or a priority (phase 3)"),
                ("d", "delete the chosen evidence or priority (asks first)"),
                ("s", "the summary and close of session"),
                ("+  =", "give this phase another minute"),
                ("T", "pause or restart the phase timer"),
            ],
        ),
        (
            "Writing",
            vec![
                ("Esc  Tab", "done (the text is saved as you type)"),
                ("Ctrl-U  Ctrl-Z", "undo"),
                ("Ctrl-R", "redo"),
                ("Ctrl-A  Ctrl-E", "start / end of line"),
                ("Ctrl-K", "delete to end of line"),
                ("paste", "pastes text; line breaks are kept"),
            ],
        ),
        (
            "Summary",
            vec![
                ("e", "export the session as Markdown"),
                ("[", "back to the last indicator"),
            ],
        ),
    ]
}
