//! The measures screens: the list, a measure's chart, recording a value,
//! Turning the Curve worksheets, and tracking a Module 5 measure from the
//! reader or the palette. Every change goes through `measures::edit` and
//! is saved by the edge with the register file's rules.

use super::*;
use crate::app::action::LoadedMeasures;
use crate::app::measures::{Ask, MeasuresView, Purpose};
use crate::measures::curve::Step;
use crate::measures::edit;
use crate::measures::model::{Better, Comparator, Figure};
use crate::measures::period::Period;
use crate::measures::reading;

/// Open the list of measures (from home, or leaving a session).
pub(super) fn show_measures(app: &mut App, effects: &mut Vec<Effect>) {
    if app.workspace().is_some() {
        close_editor_if_open(app, effects);
        save_now(app, effects);
        effects.push(Effect::Close);
    }
    app.screen = Screen::Measures;
    app.measures.view = MeasuresView::List;
    app.measures.borrowed = false;
    effects.push(Effect::LoadMeasures);
}

pub(super) fn on_loaded(
    app: &mut App,
    result: Result<Box<LoadedMeasures>, String>,
    effects: &mut Vec<Effect>,
) {
    match result {
        Ok(loaded) => {
            let LoadedMeasures {
                register,
                read_only,
            } = *loaded;
            app.measures.cursor = app
                .measures
                .cursor
                .min(register.measures.len().saturating_sub(1));
            app.measures.register = Some(register);
            app.measures.read_only = read_only;
            app.measures.problem = None;
            if let Some((module5, title)) = app.measures.pending.take() {
                add_tracked(app, &module5, title.as_deref(), effects);
            }
        }
        Err(problem) => {
            app.measures.pending = None;
            app.notice = Some(format!(
                "The measures register could not be opened: {problem}"
            ));
            app.measures.problem = Some(problem);
        }
    }
}

pub(super) fn on_saved(app: &mut App, result: Result<(), String>, effects: &mut Vec<Effect>) {
    if let Err(problem) = result {
        app.notice = Some(format!("Measures not saved: {problem}"));
    }
    if std::mem::take(&mut app.measures.borrowed) {
        effects.push(Effect::CloseMeasures);
    }
}

/// Save the register if it may be written; else say why not.
fn save(app: &mut App, effects: &mut Vec<Effect>) {
    if let Some(reason) = &app.measures.read_only {
        app.notice = Some(format!("Read-only: {reason}"));
        return;
    }
    if let Some(register) = &app.measures.register {
        effects.push(Effect::SaveMeasures(Box::new(register.clone())));
    }
}

fn writable(app: &mut App) -> bool {
    match &app.measures.read_only {
        Some(reason) => {
            app.notice = Some(format!("Read-only: {reason}"));
            false
        }
        None => app.measures.register.is_some(),
    }
}

pub(super) fn measures_command(app: &mut App, command: Command, effects: &mut Vec<Effect>) {
    let back = command == Command::Back;
    match app.measures.view {
        MeasuresView::List => list_command(app, command),
        MeasuresView::Chart {
            measure,
            breakdowns,
        } => chart_command(app, command, measure, breakdowns, effects),
        MeasuresView::Curve {
            measure,
            sheet,
            step,
            cursor,
        } => curve_command(app, command, (measure, sheet, step, cursor), effects),
    }
    if back && matches!(app.screen, Screen::Home) {
        effects.push(Effect::CloseMeasures);
        effects.push(Effect::LoadHome);
    }
}

fn list_command(app: &mut App, command: Command) {
    let count = app.measures.count();
    let state = &mut app.measures;
    match command {
        Command::Up => state.cursor = state.cursor.saturating_sub(1),
        Command::Down => state.cursor = (state.cursor + 1).min(count.saturating_sub(1)),
        Command::Top => state.cursor = 0,
        Command::Bottom => state.cursor = count.saturating_sub(1),
        Command::Activate if state.cursor < count => {
            state.view = MeasuresView::Chart {
                measure: state.cursor,
                breakdowns: false,
            };
        }
        Command::Back => app.screen = Screen::Home,
        _ => {}
    }
}

fn chart_command(
    app: &mut App,
    command: Command,
    measure: usize,
    breakdowns: bool,
    effects: &mut Vec<Effect>,
) {
    match command {
        Command::AddValue if writable(app) => {
            let Some(m) = app.measures.measure(measure) else {
                return;
            };
            let example = m.frequency.example();
            let ask = Ask::new(
                Purpose::Value { measure },
                format!("A value for {}", m.title),
                vec![
                    "Period (e.g. 2026-Q3, 2026-09 or 2026)",
                    "Value, or the numerator of a percentage",
                    "Denominator (leave empty for a plain value)",
                    "Compared with (optional): national 12, neighbours 14, target 10; several with ;",
                    "Note (optional)",
                ],
            )
            .with_context(format!(
                "Reported {}: a period looks like {example}.",
                m.frequency.slug()
            ));
            app.overlay = Some(Overlay::Ask(Box::new(ask)));
        }
        Command::ToggleBreakdowns => {
            app.measures.view = MeasuresView::Chart {
                measure,
                breakdowns: !breakdowns,
            };
        }
        Command::TurnTheCurve => open_worksheet(app, measure),
        Command::FlipBetter if writable(app) => {
            if let Some(m) = app.measures.measure_mut(measure) {
                m.better = match m.better {
                    Better::Higher => Better::Lower,
                    Better::Lower => Better::Higher,
                };
                app.notice = Some(format!("Now: {}", reading::better_words(m.better)));
            }
            save(app, effects);
        }
        Command::Back => app.measures.view = MeasuresView::List,
        _ => {}
    }
}

/// The latest worksheet, or a new one when there is none.
fn open_worksheet(app: &mut App, measure: usize) {
    let latest = app
        .measures
        .measure(measure)
        .and_then(|m| (0..m.worksheets.len()).max_by_key(|&i| m.worksheets[i].date));
    match latest {
        Some(sheet) => {
            app.measures.view = MeasuresView::Curve {
                measure,
                sheet,
                step: Step::HowAreWeDoing,
                cursor: 0,
            };
        }
        None => {
            app.notice = Some("No worksheet on this measure yet: N starts one dated today.".into());
            app.measures.view = MeasuresView::Curve {
                measure,
                sheet: usize::MAX,
                step: Step::HowAreWeDoing,
                cursor: 0,
            };
        }
    }
}

type At = (usize, usize, Step, usize);

fn curve_command(
    app: &mut App,
    command: Command,
    (measure, sheet, step, cursor): At,
    effects: &mut Vec<Effect>,
) {
    let sheets = app
        .measures
        .measure(measure)
        .map_or(0, |m| m.worksheets.len());
    let proposals = app
        .measures
        .measure(measure)
        .and_then(|m| m.worksheets.get(sheet))
        .map_or(0, |s| s.proposals.len());
    let mut at = (measure, sheet, step, cursor);
    match command {
        Command::NextPhase => at = (measure, sheet, step.next().unwrap_or(step), 0),
        Command::PreviousPhase => at = (measure, sheet, step.previous().unwrap_or(step), 0),
        Command::Up => at.3 = cursor.saturating_sub(1),
        Command::Down => at.3 = (cursor + 1).min(proposals.saturating_sub(1)),
        Command::OlderWorksheet if sheet < sheets => {
            at = (measure, sheet.saturating_sub(1), step, 0)
        }
        Command::NewerWorksheet if sheet < sheets => {
            at = (measure, (sheet + 1).min(sheets - 1), step, 0)
        }
        Command::NewWorksheet if writable(app) => {
            let today = app.today();
            let register = app.measures.register.as_ref().expect("writable");
            let id = edit::fresh_id(register, &mut app.ids);
            let Some(m) = app.measures.measure_mut(measure) else {
                return;
            };
            edit::start_worksheet(m, today, id);
            at = (measure, m.worksheets.len() - 1, Step::HowAreWeDoing, 0);
            save(app, effects);
        }
        Command::Activate if sheet < sheets && writable(app) => ask_step(app, measure, sheet, step),
        Command::Activate if sheet >= sheets => {
            app.notice = Some("Start a worksheet first: N.".into());
        }
        Command::AdoptProposal if step == Step::Proposals && writable(app) => {
            ask_adopt(app, measure, sheet, cursor)
        }
        Command::AdoptProposal => {
            app.notice = Some("Proposals are adopted at step 5, 'What we propose to do'.".into());
        }
        Command::Back => {
            app.measures.view = MeasuresView::Chart {
                measure,
                breakdowns: false,
            };
            return;
        }
        _ => {}
    }
    app.measures.view = MeasuresView::Curve {
        measure: at.0,
        sheet: at.1,
        step: at.2,
        cursor: at.3,
    };
}

fn ask_step(app: &mut App, measure: usize, sheet: usize, step: Step) {
    let Some(ws) = app
        .measures
        .measure(measure)
        .and_then(|m| m.worksheets.get(sheet))
    else {
        return;
    };
    let ask = match step {
        Step::HowAreWeDoing | Step::Story => {
            let text = if step == Step::Story {
                &ws.story
            } else {
                &ws.how_are_we_doing
            };
            Ask::new(
                Purpose::StepText {
                    measure,
                    sheet,
                    step,
                },
                step.title(),
                vec![step.prompt()],
            )
            .with_text(text)
        }
        Step::Partners => Ask::new(
            Purpose::Partner { measure, sheet },
            "A partner with a role to play",
            vec!["Partner (who)", "Their role in turning the curve"],
        ),
        Step::WhatWorks => Ask::new(
            Purpose::WhatWorks { measure, sheet },
            "What works",
            vec!["What would work", "The evidence that it works"],
        ),
        Step::Proposals => Ask::new(
            Purpose::Proposal { measure, sheet },
            "What we propose to do",
            vec!["The proposal"],
        ),
    };
    app.overlay = Some(Overlay::Ask(Box::new(ask)));
}

fn ask_adopt(app: &mut App, measure: usize, sheet: usize, cursor: usize) {
    let Some(m) = app.measures.measure(measure) else {
        return;
    };
    let Some(proposal) = m
        .worksheets
        .get(sheet)
        .and_then(|s| s.proposals.get(cursor))
    else {
        app.notice = Some("No proposal to adopt yet: Enter writes one.".into());
        return;
    };
    if proposal.priority.is_some() {
        app.notice = Some("That proposal is already a priority.".into());
        return;
    }
    let ask = Ask::new(
        Purpose::Adopt {
            measure,
            proposal: proposal.id.to_string(),
        },
        "Adopt as a priority",
        vec!["Owner (who will see it done)", "Due date (YYYY-MM-DD)"],
    )
    .with_context(proposal.text.clone())
    .with_text(&m.owner);
    app.overlay = Some(Overlay::Ask(Box::new(ask)));
}

/// A key in the questions: Enter takes the answer (and, after the last,
/// applies them all); Esc leaves with nothing changed.
pub(super) fn ask_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let Some(Overlay::Ask(ask)) = &mut app.overlay else {
        return;
    };
    match key.code {
        KeyCode::Esc => app.overlay = None,
        KeyCode::Enter => {
            let answer = ask.field.lines().join(" ").trim().to_owned();
            ask.answers.push(answer);
            if ask.answers.len() < ask.questions.len() {
                ask.field = ratatui_textarea::TextArea::default();
                return;
            }
            let Some(Overlay::Ask(ask)) = app.overlay.take() else {
                return;
            };
            if let Err(problem) = apply(app, &ask.purpose, &ask.answers, effects) {
                app.notice = Some(problem);
            }
        }
        _ => {
            ask.field.input(key);
        }
    }
}

pub(super) fn ask_paste(ask: &mut Ask, text: &str) {
    ask.field
        .insert_str(crate::app::editor::normalise_paste(text, true));
}

fn apply(
    app: &mut App,
    purpose: &Purpose,
    answers: &[String],
    effects: &mut Vec<Effect>,
) -> Result<(), String> {
    let answer = |i: usize| answers.get(i).map_or("", String::as_str);
    if let Some(effect) = super::own::answered(app, purpose, answers)? {
        effects.push(effect);
        return Ok(());
    }
    if let Purpose::Title { module5 } = purpose {
        if answer(0).is_empty() {
            return Err("Not tracked: the measure needs a title.".into());
        }
        let source = crate::content::module5::find(&app.library, module5);
        if source.is_some_and(|m| !edit::completes(m, answer(0))) {
            return Err(
                "Not tracked: this measure is broken in the source; complete its wording first."
                    .into(),
            );
        }
        track(app, module5, Some(answer(0).to_owned()), effects);
        return Ok(());
    }
    let register = app
        .measures
        .register
        .as_ref()
        .ok_or("The register is not loaded")?;
    let id = edit::fresh_id(register, &mut app.ids);
    let index = match purpose {
        Purpose::Value { measure }
        | Purpose::StepText { measure, .. }
        | Purpose::Partner { measure, .. }
        | Purpose::WhatWorks { measure, .. }
        | Purpose::Proposal { measure, .. }
        | Purpose::Adopt { measure, .. } => *measure,
        Purpose::Title { .. }
        | Purpose::OwnArea { .. }
        | Purpose::OwnQuestion { .. }
        | Purpose::OwnStatement { .. } => unreachable!("handled above"),
    };
    let m = app.measures.measure_mut(index).ok_or("No such measure")?;
    match purpose {
        Purpose::Value { .. } => {
            let period: Period = answer(0).parse()?;
            let figure = figure_from(answer(1), answer(2))?;
            let mut value = edit::value(period, figure);
            value.comparators = comparators_from(answer(3))?;
            value.note = answer(4).to_owned();
            edit::record(m, value).map_err(|p| p.join("; "))?;
        }
        Purpose::StepText { sheet, step, .. } => {
            let ws = m.worksheets.get_mut(*sheet).ok_or("No such worksheet")?;
            match step {
                Step::Story => ws.story = answer(0).to_owned(),
                _ => ws.how_are_we_doing = answer(0).to_owned(),
            }
        }
        Purpose::Partner { sheet, .. } | Purpose::WhatWorks { sheet, .. } => {
            if answer(0).is_empty() {
                return Err("Nothing added: the first answer was empty.".into());
            }
            let ws = m.worksheets.get_mut(*sheet).ok_or("No such worksheet")?;
            if matches!(purpose, Purpose::Partner { .. }) {
                edit::add_partner(ws, answer(0), answer(1));
            } else {
                edit::add_what_works(ws, answer(0), answer(1));
            }
        }
        Purpose::Proposal { sheet, .. } => {
            let ws = m.worksheets.get_mut(*sheet).ok_or("No such worksheet")?;
            edit::propose(ws, answer(0), id)?;
        }
        Purpose::Adopt { proposal, .. } => {
            let due = crate::app::fields::parse_date(answer(1))?
                .ok_or("A priority needs a due date (YYYY-MM-DD)")?;
            edit::adopt(m, proposal, answer(0), due, id)?;
            app.notice = Some(
                "Adopted: the priority is in the actions register (howgood actions), linked to this measure."
                    .into(),
            );
        }
        Purpose::Title { .. }
        | Purpose::OwnArea { .. }
        | Purpose::OwnQuestion { .. }
        | Purpose::OwnStatement { .. } => unreachable!("handled above"),
    }
    save(app, effects);
    Ok(())
}

/// Comparators as typed: `national 12; target 10`.
fn comparators_from(text: &str) -> Result<Vec<Comparator>, String> {
    let mut out = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (kind, value) = part.rsplit_once(' ').unwrap_or(("", part));
        let kind = reading::comparator_from_slug(kind).ok_or_else(|| {
            format!("Not recorded: {part:?}: say national, neighbours or target, then the figure")
        })?;
        let value = value
            .trim()
            .trim_end_matches('%')
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| format!("Not recorded: {part:?} has no figure"))?;
        out.push(Comparator { kind, value });
    }
    Ok(out)
}

/// A value from the questions: a number, or a numerator and denominator.
fn figure_from(value: &str, denominator: &str) -> Result<Figure, String> {
    let number = |text: &str, what: &str| {
        text.trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| format!("Not recorded: {what} {text:?} is not a number"))
    };
    let value = number(value, "the value")?;
    if denominator.trim().is_empty() {
        return Ok(Figure::Number(value));
    }
    Ok(Figure::Fraction {
        numerator: value,
        denominator: number(denominator, "the denominator")?,
    })
}

/// Track a Module 5 measure: its title asked first when the source is
/// damaged; the register loaded first when it is not yet.
pub(super) fn track_module5(app: &mut App, module5: &str, effects: &mut Vec<Effect>) {
    let Some(source) = crate::content::module5::find(&app.library, module5) else {
        app.notice = Some("That measure is not in Module 5.".into());
        return;
    };
    if let Some(note) = crate::content::module5::damaged_in_source(source) {
        let ask = Ask::new(
            Purpose::Title {
                module5: module5.to_owned(),
            },
            "Complete this measure's title",
            vec!["Title, in your own words"],
        )
        .with_context(format!(
            "This measure is broken in the source document, as printed: {:?}. {note}",
            source.text
        ))
        .with_text(&source.text);
        app.overlay = Some(Overlay::Ask(Box::new(ask)));
        return;
    }
    track(app, module5, None, effects);
}

fn track(app: &mut App, module5: &str, title: Option<String>, effects: &mut Vec<Effect>) {
    if app.measures.register.is_some() && matches!(app.screen, Screen::Measures) {
        return add_tracked(app, module5, title.as_deref(), effects);
    }
    // Fresh from the file: another howgood may have changed it.
    app.measures.pending = Some((module5.to_owned(), title));
    app.measures.borrowed = !matches!(app.screen, Screen::Measures);
    effects.push(Effect::LoadMeasures);
}

fn add_tracked(app: &mut App, module5: &str, title: Option<&str>, effects: &mut Vec<Effect>) {
    let Some(register) = &app.measures.register else {
        return;
    };
    if let Some(m) = register
        .measures
        .iter()
        .find(|m| m.module5.as_deref() == Some(module5))
    {
        app.notice = Some(format!("Already tracked: {}", m.title));
        return release(app, effects);
    }
    if let Some(reason) = &app.measures.read_only {
        app.notice = Some(format!("Not tracked (read-only: {reason})"));
        return release(app, effects);
    }
    let id = edit::fresh_id(register, &mut app.ids);
    match edit::from_module5(&app.library, module5, title, id, app.now) {
        Ok(measure) => {
            app.notice = Some(format!(
                "Now tracking: {} (m on the home screen lists your measures)",
                measure.title
            ));
            if let Some(register) = &mut app.measures.register {
                register.measures.push(measure);
            }
            save(app, effects);
        }
        Err(problem) => {
            app.notice = Some(problem);
            release(app, effects);
        }
    }
}

/// Let go of a register opened only to track a measure from a session.
fn release(app: &mut App, effects: &mut Vec<Effect>) {
    if std::mem::take(&mut app.measures.borrowed) {
        effects.push(Effect::CloseMeasures);
    }
}

/// The Module 5 id of a measure as the reader or the palette shows it:
/// its printed words, with any listed sub-points after them.
pub(super) fn module5_id_of(app: &App, shown: &str, area: Option<&str>) -> Option<String> {
    // The palette shows a damaged measure with its mark before the words.
    let mark = format!("{}: ", crate::app::text::DAMAGED_IN_SOURCE);
    let shown = shown.strip_prefix(&mark).unwrap_or(shown);
    crate::content::module5::measures(&app.library)
        .into_iter()
        .filter(|(_, m)| area.is_none_or(|a| a == m.area))
        .find(|(_, m)| shown == m.text || shown.starts_with(&format!("{}; ", m.text)))
        .map(|(id, _)| id)
}

/// `m` on a Module 5 measure in the reader (the walk's Measures tab).
pub(super) fn track_from_reference(app: &mut App, effects: &mut Vec<Effect>) {
    let Some(ws) = app.workspace() else {
        return;
    };
    let view = SessionView::of(app, ws);
    let entries = reference::entries(&app.library, ws, view.side_by_side);
    let chosen = entries
        .get(ws.reference_cursor)
        .and_then(|e| e.take.clone());
    let Some(Take::Measure(shown)) = chosen else {
        app.notice =
            Some("Choose a Module 5 measure (the Measures tab of phase 3) to track it.".into());
        return;
    };
    match module5_id_of(app, &shown, None) {
        Some(id) => track_module5(app, &id, effects),
        None => app.notice = Some("That measure is not one of Module 5's.".into()),
    }
}

/// Ctrl-T on a Module 5 measure in the find palette.
pub(super) fn track_from_palette(app: &mut App, effects: &mut Vec<Effect>) {
    let Some(Overlay::Palette(palette)) = &app.overlay else {
        return;
    };
    let Some(entry) = palette.selected().cloned() else {
        return;
    };
    let area = entry.place.rsplit(' ').next().unwrap_or("");
    let id = (entry.kind == crate::app::palette::Kind::Measure)
        .then(|| module5_id_of(app, &entry.text, Some(area)))
        .flatten();
    match id {
        Some(id) => {
            app.overlay = None;
            track_module5(app, &id, effects);
        }
        None => {
            app.notice = Some(
                "Ctrl-T tracks a Module 5 measure: choose one under 'Measures (Module 5)'.".into(),
            )
        }
    }
}
