//! The home screen, the new-session form, the daily review's start and
//! focus areas, and the history of daily reviews.

use super::*;
use crate::content::library::Library;
use crate::session::model::Session;

/// The content areas a daily review can focus on, in document order: those
/// with questions of their own or in their sub-areas (two LSCB areas, such
/// as parental substance misuse, have none to offer).
pub fn focus_areas(app: &App) -> Vec<String> {
    app.library
        .framework(crate::app::daily::DAILY_FRAMEWORK)
        .map(|f| {
            crate::content::query::all_areas(f)
                .into_iter()
                .map(|a| a.id.clone())
                .filter(|id| {
                    !crate::app::daily::pool(&app.library, std::slice::from_ref(id)).is_empty()
                })
                .collect()
        })
        .unwrap_or_default()
}

pub(super) fn save_settings(app: &mut App, effects: &mut Vec<Effect>) {
    match &app.settings_problem {
        Some(problem) => {
            app.notice = Some(format!("Settings not saved: {problem}"));
        }
        None => effects.push(Effect::SaveSettings(app.settings.clone())),
    }
}

/// Today's daily review: continue it if it exists, else start one with the
/// next question of the rotation.
pub(super) fn start_daily(app: &mut App, effects: &mut Vec<Effect>) {
    if app.workspace().is_some() {
        close_editor_if_open(app, effects);
        save_now(app, effects);
        effects.push(Effect::Close);
    }
    let today = app.today();
    if let Some(id) = app.home.data.today_review(today) {
        effects.push(Effect::Open(id.to_owned()));
        return;
    }
    give_back_unanswered(app);
    let pool = crate::app::daily::pool(&app.library, &app.settings.daily.focus_areas);
    let Some(question) = crate::app::daily::next_question(&pool, &mut app.settings.daily) else {
        app.overlay = Some(Overlay::Message {
            title: "No questions".into(),
            text: no_questions(app),
        });
        return;
    };
    let session = crate::app::daily::new_session(question, today, app.now, app.ids.next_suffix());
    save_settings(app, effects);
    effects.push(Effect::Create(session));
}

/// A day left with nothing written gives its questions back to the
/// rotation, unless a day with writing has taken them since.
fn give_back_unanswered(app: &mut App) {
    let daily = &app.home.data.daily;
    let (written, empty): (Vec<_>, Vec<_>) = daily
        .iter()
        .partition(|d| crate::app::daily::day_written(d));
    let answered: Vec<&String> = written
        .iter()
        .flat_map(|d| d.questions.iter().map(|(q, _)| q))
        .collect();
    let unanswered: Vec<&String> = empty
        .iter()
        .flat_map(|d| d.questions.iter().map(|(q, _)| q))
        .filter(|q| !answered.contains(q))
        .collect();
    let offered = &mut app.settings.daily.offered;
    offered.retain(|q| !unanswered.contains(&q));
}

/// Why there is no question to offer: a focus on areas without questions
/// is explained as that, not as missing content.
fn no_questions(app: &App) -> String {
    if app
        .library
        .framework(crate::app::daily::DAILY_FRAMEWORK)
        .is_none()
    {
        return "The LSCB framework is not loaded, so there are no questions to offer.".into();
    }
    let areas: Vec<String> = app
        .settings
        .daily
        .focus_areas
        .iter()
        .map(|a| crate::app::daily::area_title(&app.library, a))
        .collect();
    format!(
        "The LSCB framework asks no questions under your focus ({}). Press c to choose other areas.",
        areas.join(", ")
    )
}

fn history_page((_, height): (u16, u16)) -> usize {
    (usize::from(height).saturating_sub(5) / 3).max(1)
}

pub(super) fn history_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let Screen::History { cursor } = &mut app.screen else {
        return;
    };
    let count = app.home.data.daily_total();
    match command {
        Command::Up => *cursor = cursor.saturating_sub(1),
        Command::Down => *cursor = (*cursor + 1).min(count.saturating_sub(1)),
        Command::Top => *cursor = 0,
        Command::Bottom => *cursor = count.saturating_sub(1),
        // A page: as many days as fit if each takes its usual three lines.
        Command::PageUp => *cursor = cursor.saturating_sub(history_page(app.size)),
        Command::PageDown => {
            *cursor = (*cursor + history_page(app.size)).min(count.saturating_sub(1))
        }
        Command::Activate => {
            if let Some(entry) = app.home.data.daily_entry(*cursor) {
                effects.push(Effect::Open(entry.id.clone()));
            }
        }
        Command::Back => {
            app.screen = Screen::Home;
            effects.push(Effect::LoadHome);
        }
        Command::DailyActionDone => {
            let target = app
                .home
                .data
                .daily_entry(*cursor)
                .and_then(|entry| entry.open_action());
            mark_daily_action_done(
                app,
                target,
                crate::app::text::DAILY_ACTION_NONE_OPEN,
                effects,
            );
        }
        Command::OpenYearAgo => match &app.home.data.year_ago {
            Some(day) => effects.push(Effect::Open(day.id.clone())),
            None => app.notice = Some(crate::app::text::YEAR_AGO_NONE.to_owned()),
        },
        Command::SearchHistory => {
            let ask = crate::app::measures::Ask::new(
                crate::app::measures::Purpose::SearchDaily,
                crate::app::text::DAILY_SEARCH_ASK,
                vec![crate::app::text::DAILY_SEARCH_WORDS],
            );
            app.overlay = Some(crate::app::Overlay::Ask(Box::new(ask)));
        }
        _ => {}
    }
    if let Screen::History { cursor } = app.screen
        && !app.home.data.holds_daily(cursor)
    {
        effects.push(page_request(app, cursor));
    }
}

/// Ask for the pages around the home cursor and the history's `daily`.
fn page_request(app: &App, daily: usize) -> Effect {
    Effect::LoadHomePage {
        sessions: app.home.session_index(app.home.cursor).unwrap_or(0),
        daily,
    }
}

/// After the home cursor moved: the page around it, if not held.
pub(super) fn keep_home_page(app: &App, effects: &mut Vec<Effect>) {
    if matches!(app.screen, Screen::Home) && !app.home.page_held() {
        let daily = app.home.data.daily_from;
        effects.push(page_request(app, daily));
    }
}

pub(super) fn home_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let rows = app.home.row_count();
    match command {
        Command::Up => app.home.cursor = app.home.cursor.saturating_sub(1),
        Command::Down => app.home.cursor = (app.home.cursor + 1).min(rows.saturating_sub(1)),
        Command::Top => app.home.cursor = 0,
        Command::Bottom => app.home.cursor = rows.saturating_sub(1),
        Command::NewSession => {
            app.screen = Screen::NewSession(Box::new(NewSessionForm::new(&app.library)))
        }
        Command::Activate => match app.home.row(app.home.cursor).as_ref() {
            Some(HomeRow::New) => {
                app.screen = Screen::NewSession(Box::new(NewSessionForm::new(&app.library)))
            }
            Some(HomeRow::NewSupervision) => {
                app.screen = Screen::NewSession(Box::new(NewSessionForm::of_kind(
                    &app.library,
                    SessionKind::Supervision,
                )))
            }
            Some(HomeRow::Daily) => start_daily(app, effects),
            Some(HomeRow::History) => {
                effects.push(Effect::LoadHome);
                app.screen = Screen::History { cursor: 0 };
            }
            Some(HomeRow::Resume(id) | HomeRow::Session(id)) => {
                effects.push(Effect::Open(id.clone()))
            }
            None => {}
        },
        Command::ShowConflicts => return show_conflicts(app, effects),
        // With several due, the user chooses which one is done.
        Command::DailyActionDone if daily_due(app).nth(1).is_some() => {
            app.overlay = Some(Overlay::PickDaily { cursor: 0 });
        }
        Command::DailyActionDone => {
            // The only one: the one the due list marks with the key.
            let target = soonest_daily_due(app).and_then(|due| due.target());
            mark_daily_action_done(
                app,
                target,
                crate::app::text::DAILY_ACTION_NONE_DUE,
                effects,
            );
        }
        Command::Back => {}
        _ => {}
    }
    keep_home_page(app, effects);
}

/// Keys a form field takes as typing rather than as commands.
pub(super) fn form_takes_key(field: FormField, key: KeyEvent) -> bool {
    let typing = field.is_text() || field == FormField::Items;
    if !typing {
        return false;
    }
    match key.code {
        KeyCode::Tab
        | KeyCode::BackTab
        | KeyCode::Esc
        | KeyCode::Up
        | KeyCode::Down
        | KeyCode::PageUp
        | KeyCode::PageDown => false,
        KeyCode::Enter => false,
        KeyCode::Char('c' | 'p')
            if key
                .modifiers
                .contains(ratatui::crossterm::event::KeyModifiers::CONTROL) =>
        {
            false
        }
        _ => true,
    }
}

pub(super) fn form_key(app: &mut App, key: KeyEvent) {
    let Screen::NewSession(form) = &mut app.screen else {
        return;
    };
    if let Some(area) = form.text_field() {
        area.input(key);
    }
    match form.field {
        FormField::Items if form.filter.input(key) => {
            form.cursor = 0;
        }
        _ => {}
    }
    form.error = None;
}

pub(super) fn form_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let Screen::NewSession(form) = &mut app.screen else {
        return;
    };
    match command {
        // A typed title is not thrown away by one key: ask first.
        Command::Back if !NewSessionForm::text(&form.title).trim().is_empty() => {
            app.overlay = Some(Overlay::Confirm {
                message: format!(
                    "Discard the new session '{}'? y: discard; any other key: keep it.",
                    NewSessionForm::text(&form.title).trim()
                ),
                on_yes: Action::Command(Command::DiscardForm),
            });
        }
        Command::Back | Command::DiscardForm => {
            app.screen = Screen::Home;
            effects.push(Effect::LoadHome);
        }
        Command::Up if form.field == FormField::Items && form.cursor > 0 => form.cursor -= 1,
        Command::NextField if form.field == FormField::Create => form.field = FormField::Kind,
        Command::Down if form.field == FormField::Items => {
            let count = form.candidates(&app.library).len();
            if form.cursor + 1 < count {
                form.cursor += 1;
            } else {
                form.field = FormField::Create;
            }
        }
        Command::Up | Command::PreviousField => form.field = form.step_field(&app.library, false),
        Command::Down | Command::NextField => form.field = form.step_field(&app.library, true),
        Command::Left | Command::Right | Command::Toggle => {
            let forward = command != Command::Left;
            let sessions = &app.home.data.sessions;
            change_choice(form, &app.library, sessions, forward);
        }
        Command::Activate => match form.field {
            FormField::Items => toggle_item(form, &app.library),
            FormField::Create => {
                if let Some(session) = create(form, &app.library, app.now, &mut app.ids) {
                    effects.push(Effect::Create(session));
                }
            }
            _ => form.field = form.step_field(&app.library, true),
        },
        _ => {}
    }
}

/// ←/→ or Space on the form's kind, framework or follow-up choice.
fn change_choice(
    form: &mut NewSessionForm,
    library: &Library,
    sessions: &[crate::app::home::SessionSummary],
    forward: bool,
) {
    let frameworks = library.frameworks.len().max(1);
    match form.field {
        FormField::Kind => {
            let kinds = [
                SessionKind::Workshop,
                SessionKind::Supervision,
                SessionKind::DailyReview,
            ];
            let k = kinds.iter().position(|k| *k == form.kind).unwrap_or(0);
            form.kind = kinds[if forward { (k + 1) % 3 } else { (k + 2) % 3 }];
        }
        FormField::Framework => {
            form.framework = if forward {
                (form.framework + 1) % frameworks
            } else {
                (form.framework + frameworks - 1) % frameworks
            };
            form.chosen.clear();
            form.follows = None;
            form.standard = crate::session::model::Standard::Scale;
            form.cursor = 0;
        }
        FormField::Standard => {
            use crate::session::model::Standard;
            form.standard = match form.standard {
                Standard::Scale => Standard::GoodStatements,
                Standard::GoodStatements => Standard::Scale,
            };
        }
        FormField::Follows => {
            let ids: Vec<String> = form
                .follow_candidates(library, sessions)
                .iter()
                .map(|s| s.id.clone())
                .collect();
            form.follows = crate::app::cycle::step_choice(&form.follows, &ids, forward);
        }
        _ => {}
    }
}

/// Enter on an item to cover: chosen, or no longer chosen.
fn toggle_item(form: &mut NewSessionForm, library: &Library) {
    if let Some(candidate) = form.candidates(library).get(form.cursor) {
        if let Some(pos) = form.chosen.iter().position(|c| c == &candidate.id) {
            form.chosen.remove(pos);
        } else {
            form.chosen.push(candidate.id.clone());
        }
    }
}

/// The session the form describes, or why not (said on the form).
fn create(
    form: &mut NewSessionForm,
    library: &Library,
    now: Timestamp,
    ids: &mut crate::session::ids::IdSource,
) -> Option<Session> {
    let Some((framework, _)) = library.frameworks.get(form.framework) else {
        form.error = Some("No framework is loaded".into());
        return None;
    };
    let next_due = match NewSessionForm::optional(&form.next_due)
        .map(|t| crate::app::fields::parse_date(&t))
    {
        Some(Err(error)) => {
            form.field = FormField::NextDue;
            form.error = Some(error);
            return None;
        }
        Some(Ok(date)) => date,
        None => None,
    };
    let titled = !NewSessionForm::text(&form.title).trim().is_empty();
    if titled && form.chosen.is_empty() {
        // Said in the form's own words (the title is asked for first).
        form.error = Some(
            "Choose at least one item to cover (Cover: type to filter, Enter to choose)".into(),
        );
        return None;
    }
    let suffix = ids.next_suffix();
    let participants = if form.kind == SessionKind::Supervision {
        Vec::new()
    } else {
        form.participants_list()
    };
    let request = crate::session::create::Request {
        kind: form.kind,
        framework: &framework.id,
        title: &NewSessionForm::text(&form.title),
        items: &form.chosen,
        participants: &participants,
    };
    match crate::session::create::build_session(library, request, now, suffix) {
        Ok(mut session) => {
            session.follows = form.follows.clone();
            session.next_due = next_due;
            match session.supervision.as_mut() {
                // Its own people and next date, in its own record.
                Some(record) => {
                    record.supervisee = NewSessionForm::plain(&form.supervisee);
                    record.supervisor = NewSessionForm::plain(&form.supervisor);
                    record.next_date = next_due;
                }
                None => {
                    session.facilitator = NewSessionForm::optional(&form.facilitator);
                    session.locality = NewSessionForm::optional(&form.locality);
                }
            }
            if form.chooses_standard(library) {
                session.standard = form.standard;
            }
            Some(session)
        }
        Err(error) => {
            form.error = Some(error.to_string());
            None
        }
    }
}
