//! Keys: one table of (where, key, command, hint, help) drives dispatch,
//! the footer and the help screen, so the three cannot drift apart. The
//! first binding in the table that applies where the user is and matches
//! the key wins; later bindings for the same key there are shadowed and
//! shown nowhere.
//!
//! Long because it is one table: splitting the bindings across files would
//! bring back the drift the table exists to prevent.

use super::action::Command;
use super::cycle::UpdateField;
use super::home::FormField;
use super::measures::MeasuresView;
use super::view::SessionView;
use super::{App, Overlay, Pane, Phase, Screen, Stage};
use crate::session::model::SessionKind;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::borrow::Cow;

/// Where the keyboard is, for choosing key meanings and hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    History,
    Focus,
    /// Choosing which daily action to mark done, from home.
    PickDaily,
    /// The daily review's screen.
    Daily,
    Form(FormField),
    /// The register of actions; with its update form open, the field.
    Register,
    RegisterUpdate(super::cycle::UpdateField),
    /// Levels over time.
    Trends,
    /// Reviewing last time's priorities; writing the note.
    Review,
    ReviewNote,
    Walk(Phase, Pane),
    Summary,
    Editor,
    Palette,
    Help,
    Confirm,
    Reader,
    Message,
    /// The tracked measures' list, one measure's chart, a worksheet.
    MeasureList,
    MeasureChart,
    Curve,
    /// One-line questions (a value, a worksheet step).
    Ask,
    /// The conflicts a sync recorded; writing a combined text for one.
    Conflicts,
    ConflictText,
    /// A sync is running: keys wait.
    Syncing,
    /// The organisation's own content.
    OwnContent,
}

pub fn context(app: &App) -> Context {
    if app.sync.running.is_some() {
        return Context::Syncing;
    }
    overlay_context(app).unwrap_or_else(|| screen_context(app))
}

fn overlay_context(app: &App) -> Option<Context> {
    match &app.overlay {
        Some(Overlay::Help { .. }) => Some(Context::Help),
        Some(Overlay::Palette(_)) => Some(Context::Palette),
        Some(Overlay::Confirm { .. }) => Some(Context::Confirm),
        Some(Overlay::Reader { .. }) => Some(Context::Reader),
        Some(Overlay::Message { .. }) => Some(Context::Message),
        Some(Overlay::Focus { .. }) => Some(Context::Focus),
        Some(Overlay::PickDaily { .. }) => Some(Context::PickDaily),
        Some(Overlay::Ask(_)) => Some(Context::Ask),
        None => None,
    }
}

/// Where the keyboard is under any popup.
fn screen_context(app: &App) -> Context {
    match &app.screen {
        Screen::Home => Context::Home,
        Screen::History { .. } => Context::History,
        Screen::Measures => match app.measures.view {
            MeasuresView::List => Context::MeasureList,
            MeasuresView::Chart { .. } => Context::MeasureChart,
            MeasuresView::Curve { .. } => Context::Curve,
        },
        Screen::NewSession(form) => Context::Form(form.field),
        Screen::Register(register) => match &register.form {
            Some(form) => Context::RegisterUpdate(form.field),
            None => Context::Register,
        },
        Screen::Trends(_) => Context::Trends,
        Screen::Conflicts(state) if state.combined.is_some() => Context::ConflictText,
        Screen::Conflicts(_) => Context::Conflicts,
        Screen::OwnContent(_) => Context::OwnContent,
        Screen::Session(ws) if ws.editor.is_some() => Context::Editor,
        Screen::Session(ws) if ws.review.as_ref().is_some_and(|r| r.writing) => Context::ReviewNote,
        Screen::Session(ws) if ws.review.is_some() => Context::Review,
        Screen::Session(ws) if ws.session.kind == SessionKind::DailyReview => Context::Daily,
        Screen::Session(ws) => match ws.stage {
            Stage::Walk { phase, .. } => Context::Walk(phase, ws.focus),
            Stage::Summary => Context::Summary,
        },
    }
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key without Ctrl (Shift is part of the character).
    Code(KeyCode),
    Ctrl(char),
    /// The digit keys that set a level, shown as the scale's own range.
    Level,
    /// Any key at all.
    Any,
    /// Keys a text field takes itself (typing, pasting, the mouse), named
    /// for the footer and help only.
    Named(&'static str),
}

use Key::{Code, Ctrl};
use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp,
    Right, Tab, Up,
};

impl Key {
    fn matches(self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Code(Char(c)) => !ctrl && key.code == Char(c),
            Code(code) => key.code == code,
            Ctrl(c) => ctrl && key.code == Char(c),
            Key::Level => !ctrl && matches!(key.code, Char('1'..='9')),
            Key::Any => true,
            Key::Named(_) => false,
        }
    }

    /// How the key is written in the footer and help, given what is valid now.
    pub fn label(self, app: &App) -> String {
        match self {
            Code(code) => code_label(code),
            Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Level => level_range(app),
            Key::Any => "any key".into(),
            Key::Named(name) => name.into(),
        }
    }
}

fn code_label(code: KeyCode) -> String {
    match code {
        Up => "↑".into(),
        Down => "↓".into(),
        Left => "←".into(),
        Right => "→".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        Home => "Home".into(),
        End => "End".into(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        Backspace => "Backspace".into(),
        Delete => "Del".into(),
        F(n) => format!("F{n}"),
        Char(' ') => "Space".into(),
        Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

/// The levels of the open session's scale, as keys: `1-4` or `1-6`.
pub fn level_range(app: &App) -> String {
    app.workspace().map_or_else(
        || "1-6".into(),
        |ws| super::lines::level_range(&app.library, ws),
    )
}

/// Where a binding applies. Each place is also a section of the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Outside text fields and the overlays that take every key.
    Common,
    Home,
    History,
    Focus,
    PickDaily,
    Daily,
    Form,
    /// The form's kind and framework choices.
    FormChoice,
    FormItems,
    FormText,
    FormCreate,
    /// The register, without and with its update form.
    Register,
    RegisterUpdate,
    RegisterUpdateStatus,
    RegisterUpdateText,
    Trends,
    Review,
    ReviewNote,
    /// The walk, in any phase or pane; or only in a phase, or a pane.
    Walk,
    WalkNow,
    WalkRecord,
    WalkReference,
    WalkNowRecord,
    WalkKnowRecord,
    WalkCanRecord,
    Summary,
    Editor,
    Palette,
    Help,
    Confirm,
    Reader,
    Message,
    MeasureList,
    MeasureChart,
    Curve,
    Ask,
    /// Where a sync may start: home and an open session (it is saved
    /// first and read again after).
    Syncable,
    Conflicts,
    ConflictText,
    Syncing,
    OwnContent,
}

/// Who a binding is for, beyond the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    Always,
    Supervision,
    /// Workshops and daily reviews (not supervision).
    Workshop,
    /// Where a level can be recorded: not supervision, and not a
    /// narrative-only judgement or a statement-standard session.
    Levels,
    /// A workshop's item that takes no level (a statement, a narrative
    /// account, an area against its Module 2 statements).
    NoLevel,
    /// A supervision's area that the user asked to rate (or that has a
    /// level recorded): only there do the digits set a level.
    RatedArea,
    /// A supervision's area nobody asked to rate: the digits say how.
    UnratedArea,
    /// Home, with a daily review's small action due soon or overdue.
    DailyDue,
    /// Illustrations shown one level at a time (not side by side).
    OneLevel,
    /// The record's cursor is on a criterion or statement.
    Criterion,
    /// ... on an Ofsted statement, which can take an audit proportion.
    Audited,
}

/// What a binding does.
#[derive(Debug, Clone, PartialEq)]
pub enum Does {
    Run(Command),
    /// Set the level of the digit pressed.
    SetLevel,
    /// Taken by the text field, editor or palette itself.
    Field,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub scope: Scope,
    pub only: Only,
    /// The default keys, or the user's from `keys.ron`.
    pub keys: Cow<'static, [Key]>,
    pub does: Does,
    /// The footer's word for it; none keeps it to the help screen.
    pub hint: Option<&'static str>,
    pub help: &'static str,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    does: Does,
    hint: Option<&'static str>,
    help: &'static str,
) -> Binding {
    bind_for(Only::Always, scope, keys, does, hint, help)
}

const fn bind_for(
    only: Only,
    scope: Scope,
    keys: &'static [Key],
    does: Does,
    hint: Option<&'static str>,
    help: &'static str,
) -> Binding {
    Binding {
        scope,
        only,
        keys: Cow::Borrowed(keys),
        does,
        hint,
        help,
    }
}

const fn run(command: Command) -> Does {
    Does::Run(command)
}

use Command as C;
use Scope as S;

/// Every key, most specific place first; the footer shows hints in this
/// order, so the most useful come first within a place. One binding a line
/// reads as a table, so rustfmt leaves it be.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Help: scrolls, and closes only on the keys that name it.
    bind(S::Help, &[Code(Esc), Code(Char('?')), Code(Char('q'))], run(C::Back), Some("close"), "close this help"),
    bind(S::Help, &[Code(Up), Code(Char('k'))], run(C::Up), Some("scroll"), "scroll up"),
    bind(S::Help, &[Code(Down), Code(Char('j'))], run(C::Down), Some("scroll"), "scroll down"),
    bind(S::Help, &[Code(PageUp)], run(C::PageUp), Some("page"), "page up"),
    bind(S::Help, &[Code(PageDown)], run(C::PageDown), Some("page"), "page down"),
    bind(S::Help, &[Code(Char('g')), Code(Home)], run(C::Top), Some("top"), "the top"),
    bind(S::Help, &[Code(Char('G')), Code(End)], run(C::Bottom), Some("end"), "the end"),
    bind(S::Message, &[Key::Any], run(C::Back), Some("close"), "close the message"),
    bind(S::Confirm, &[Code(Char('y')), Code(Char('Y'))], run(C::Activate), Some("yes"), "yes, do it"),
    bind(S::Confirm, &[Key::Any], run(C::Back), Some("no"), "any other key: no"),
    bind(S::Reader, &[Code(Esc), Code(Char('q')), Code(Enter)], run(C::Back), Some("close"), "close the text"),
    bind(S::Reader, &[Code(Up), Code(Char('k'))], run(C::Up), Some("scroll"), "scroll up"),
    bind(S::Reader, &[Code(Down), Code(Char('j'))], run(C::Down), Some("scroll"), "scroll down"),
    bind(S::Focus, &[Code(Up), Code(Char('k'))], run(C::Up), Some("choose"), "move up"),
    bind(S::Focus, &[Code(Down), Code(Char('j'))], run(C::Down), Some("choose"), "move down"),
    bind(S::Focus, &[Code(Char(' '))], run(C::Toggle), Some("include"), "include or leave out the area"),
    bind(S::Focus, &[Code(Enter)], run(C::Activate), Some("save"), "save the focus areas"),
    bind(S::Focus, &[Code(Esc), Code(Char('q'))], run(C::Back), Some("cancel"), "leave them as they were"),
    bind(S::PickDaily, &[Code(Up), Code(Char('k'))], run(C::Up), Some("choose"), "previous daily action"),
    bind(S::PickDaily, &[Code(Down), Code(Char('j'))], run(C::Down), Some("choose"), "next daily action"),
    bind(S::PickDaily, &[Code(Enter)], run(C::Activate), Some("mark done"), "mark the chosen daily action done (saved into its day's file)"),
    bind(S::PickDaily, &[Code(Esc), Code(Char('q'))], run(C::Back), Some("cancel"), "leave them all as they are"),
    // Home and history.
    bind(S::Home, &[Code(Up), Code(Char('k'))], run(C::Up), Some("choose"), "move up"),
    bind(S::Home, &[Code(Down), Code(Char('j'))], run(C::Down), Some("choose"), "move down"),
    bind(S::Home, &[Code(Enter)], run(C::Activate), Some("open"), "open the chosen session"),
    bind(S::Home, &[Code(Char('n'))], run(C::NewSession), Some("new workshop"), "new workshop"),
    bind(S::Home, &[Code(Char('v'))], run(C::NewSupervision), Some("supervision"), "new supervision"),
    bind(S::Home, &[Code(Char('d'))], run(C::StartDaily), Some("daily review"), "today's daily review (start or continue)"),
    bind(S::Home, &[Code(Char('h'))], run(C::ShowHistory), None, "the history of daily reviews"),
    bind(S::Home, &[Code(Char('m'))], run(C::ShowMeasures), Some("measures"), "tracked performance measures"),
    bind(S::Home, &[Code(Char('o'))], run(C::ShowOwnContent), Some("own content"), "your organisation's own content areas, questions and 'good' statements"),
    // The organisation's own content.
    bind(S::OwnContent, &[Code(Up), Code(Char('k'))], run(C::Up), Some("choose"), "previous area"),
    bind(S::OwnContent, &[Code(Down), Code(Char('j'))], run(C::Down), Some("choose"), "next area"),
    bind(S::OwnContent, &[Code(Char('a'))], run(C::NewOwnArea), Some("new area"), "write a content area of your own"),
    bind(S::OwnContent, &[Code(Char('w'))], run(C::AddOwnQuestion), Some("question"), "write your own question for the chosen area"),
    bind(S::OwnContent, &[Code(Char('s'))], run(C::AddOwnStatement), Some("'good' statement"), "write your own 'good' statement for the chosen area"),
    bind(S::OwnContent, &[Code(Esc)], run(C::Back), Some("home"), "back home"),
    // The register of actions, and levels over time.
    bind(S::ReviewNote, &[Key::Named("type")], Does::Field, Some("write"), "write the note the next mark is made with"),
    bind(S::ReviewNote, &[Code(Tab), Code(Esc), Code(Enter)], run(C::SwitchPane), Some("done"), "done writing the note"),
    bind(S::Review, &[Code(Up), Code(Char('k'))], run(C::Up), Some("choose"), "previous of last time's priorities"),
    bind(S::Review, &[Code(Down), Code(Char('j'))], run(C::Down), Some("choose"), "next of last time's priorities"),
    bind(S::Review, &[Code(Tab), Code(Enter)], run(C::SwitchPane), Some("note"), "write a note for the mark"),
    bind(S::Review, &[Code(Char('d'))], run(C::MarkDone), Some("done"), "mark it done (saved into last time's file)"),
    bind(S::Review, &[Code(Char('c'))], run(C::MarkCarried), Some("carry forward"), "carry it forward into this session (linked, its log kept whole)"),
    bind(S::Review, &[Code(Char('x'))], run(C::MarkDropped), Some("drop"), "mark it dropped"),
    bind_for(Only::Supervision, S::Review, &[Code(Char('l'))], run(C::LastReflections), Some("last time"), "last time's reflections"),
    bind_for(Only::Supervision, S::Review, &[Code(Char(']'))], run(C::FinishReview), Some("start"), "finish the review: on to this supervision"),
    bind_for(Only::Workshop, S::Review, &[Code(Char(']'))], run(C::FinishReview), Some("phase 1"), "finish the review: on to phase 1"),
    bind(S::Review, &[Code(Esc)], run(C::Back), Some("home"), "back home (the review waits)"),
    bind(S::RegisterUpdateText, &[Key::Named("type")], Does::Field, Some("write"), "write the date or the note"),
    bind(S::RegisterUpdate, &[Code(Tab), Code(Down)], run(C::NextField), Some("next field"), "next field"),
    bind(S::RegisterUpdate, &[Code(BackTab), Code(Up)], run(C::PreviousField), None, "previous field"),
    bind(S::RegisterUpdateStatus, &[Code(Left)], run(C::Left), Some("status"), "previous status"),
    bind(S::RegisterUpdateStatus, &[Code(Right), Code(Char(' '))], run(C::Right), Some("status"), "next status"),
    bind(S::RegisterUpdate, &[Code(Enter)], run(C::Activate), Some("save"), "save the update into the session's file"),
    bind(S::RegisterUpdate, &[Code(Esc)], run(C::Back), Some("cancel"), "cancel the update"),
    bind(S::Register, &[Code(Up), Code(Char('k'))], run(C::Up), Some("choose"), "move up"),
    bind(S::Register, &[Code(Down), Code(Char('j'))], run(C::Down), Some("choose"), "move down"),
    bind(S::Register, &[Code(Enter)], run(C::Activate), Some("open"), "open the owning session at that priority"),
    bind(S::Register, &[Code(Char('u'))], run(C::AddUpdate), Some("update"), "add a progress update (date, status, note)"),
    bind(S::Register, &[Code(Char('o'))], run(C::FilterOwner), Some("owner"), "filter: next owner"),
    bind(S::Register, &[Code(Char('s'))], run(C::FilterStatus), Some("status"), "filter: next status"),
    bind(S::Register, &[Code(Char('w'))], run(C::FilterDue), Some("due"), "filter: overdue, due in 30 or 90 days, undated"),
    bind(S::Register, &[Code(Char('f'))], run(C::FilterFramework), Some("framework"), "filter: next framework"),
    bind(S::Register, &[Code(Char('i'))], run(C::FilterItem), Some("item"), "filter: next item"),
    bind(S::Register, &[Code(Char('e'))], run(C::FilterSession), Some("session"), "filter: next session"),
    bind(S::Register, &[Code(Char('x'))], run(C::ClearFilters), Some("clear"), "clear the filters"),
    bind(S::Register, &[Code(Char('t'))], run(C::ShowTrends), None, "levels over time"),
    bind(S::Register, &[Code(Esc)], run(C::Back), Some("home"), "back home"),
    bind(S::Trends, &[Code(Left)], run(C::Left), Some("framework"), "previous framework"),
    bind(S::Trends, &[Code(Right)], run(C::Right), Some("framework"), "next framework"),
    bind(S::Trends, &[Code(Up), Code(Char('k'))], run(C::Up), Some("item"), "previous item"),
    bind(S::Trends, &[Code(Down), Code(Char('j'))], run(C::Down), Some("item"), "next item"),
    bind(S::Trends, &[Code(PageUp)], run(C::PageUp), None, "earlier sessions"),
    bind(S::Trends, &[Code(PageDown)], run(C::PageDown), None, "later sessions"),
    bind(S::Trends, &[Code(Char('s'))], run(C::ShowSpread), Some("spread"), "the participants' spread (again: the grid)"),
    bind(S::Trends, &[Code(Char('b'))], run(C::ShowBars), Some("bars"), "a bar chart for the chosen item (again: the grid)"),
    bind(S::Trends, &[Code(Char('l'))], run(C::StepLocality), Some("locality"), "only sessions of the next recorded locality"),
    bind(S::Trends, &[Code(Char('r'))], run(C::ShowRegister), None, "the register of actions"),
    bind(S::Trends, &[Code(Esc)], run(C::Back), Some("home"), "back home"),
    bind(S::History, &[Code(Up), Code(Char('k'))], run(C::Up), Some("choose"), "move up"),
    bind(S::History, &[Code(Down), Code(Char('j'))], run(C::Down), Some("choose"), "move down"),
    bind(S::History, &[Code(Enter)], run(C::Activate), Some("open"), "open the chosen review"),
    bind(S::History, &[Code(Char('d'))], run(C::StartDaily), Some("today's review"), "today's daily review"),
    bind(S::History, &[Code(Char('c'))], run(C::ChooseFocus), Some("focus areas"), "choose the focus areas"),
    bind(S::History, &[Code(Esc)], run(C::Back), Some("home"), "back home"),
    // The daily twenty minutes.
    bind(S::Daily, &[Code(Enter)], run(C::Activate), Some("write"), "write in the chosen field"),
    bind(S::Daily, &[Code(Char(' '))], run(C::ToggleTimer), Some("pause"), "pause or restart the twenty minutes"),
    bind(S::Daily, &[Code(Char('a'))], run(C::AnotherQuestion), Some("another question"), "another question"),
    bind(S::Daily, &[Code(Char('F'))], run(C::FinishDaily), Some("finish"), "finish (early or on time)"),
    bind(S::Daily, &[Code(Char('E'))], run(C::EditPastDay), None, "edit a past day (past days open read-only)"),
    bind(S::Daily, &[Code(Char('h'))], run(C::ShowHistory), Some("history"), "the history of daily reviews"),
    bind(S::Daily, &[Code(Char('c'))], run(C::ChooseFocus), Some("focus"), "choose the focus areas the questions come from"),
    bind(S::Daily, &[Code(Char('w'))], run(C::FreeWriting), Some("free writing"), "write freely, without a set question (#words are tags)"),
    bind(S::Daily, &[Code(Char('+')), Code(Char('='))], run(C::AddMinute), None, "another minute"),
    bind(S::Daily, &[Code(Char('f'))], run(C::CycleFraming), None, "wording of the question: you, we, or as printed"),
    // Tracked measures: the list, a measure's chart, a worksheet.
    bind(S::MeasureList, &[Code(Up), Code(Char('k'))], run(C::Up), Some("choose"), "move up"),
    bind(S::MeasureList, &[Code(Down), Code(Char('j'))], run(C::Down), Some("choose"), "move down"),
    bind(S::MeasureList, &[Code(Enter)], run(C::Activate), Some("chart"), "the chosen measure's chart and values"),
    bind(S::MeasureList, &[Code(Esc)], run(C::Back), Some("home"), "back home"),
    bind(S::MeasureChart, &[Code(Char('v'))], run(C::AddValue), Some("add value"), "record a value for a period (a number, or numerator and denominator)"),
    bind(S::MeasureChart, &[Code(Char('b'))], run(C::ToggleBreakdowns), Some("breakdowns"), "the chart by breakdown (team, locality, agency) or as a whole"),
    bind(S::MeasureChart, &[Code(Char('c'))], run(C::TurnTheCurve), Some("turn the curve"), "the Turning the Curve worksheet (the latest, or a new one)"),
    bind(S::MeasureChart, &[Code(Char('d'))], run(C::FlipBetter), Some("direction"), "which way is better: higher or lower"),
    bind(S::MeasureChart, &[Code(Esc)], run(C::Back), Some("list"), "back to the list of measures"),
    bind(S::Curve, &[Code(Char(']'))], run(C::NextPhase), Some("next step"), "next step of the worksheet"),
    bind(S::Curve, &[Code(Char('['))], run(C::PreviousPhase), Some("step back"), "previous step of the worksheet"),
    bind(S::Curve, &[Code(Enter)], run(C::Activate), Some("write"), "write this step (a partner, what works, a proposal: one more)"),
    bind(S::Curve, &[Code(Up), Code(Char('k'))], run(C::Up), Some("choose"), "previous proposal"),
    bind(S::Curve, &[Code(Down), Code(Char('j'))], run(C::Down), Some("choose"), "next proposal"),
    bind(S::Curve, &[Code(Char('o'))], run(C::AdoptProposal), Some("adopt"), "agree the chosen proposal as a priority, with an owner and a date"),
    bind(S::Curve, &[Code(Char('N'))], run(C::NewWorksheet), Some("new worksheet"), "a new worksheet dated today, starting from the last"),
    bind(S::Curve, &[Code(Char('<'))], run(C::OlderWorksheet), Some("older/newer"), "the worksheet before this one"),
    bind(S::Curve, &[Code(Char('>'))], run(C::NewerWorksheet), Some("older/newer"), "the worksheet after this one"),
    bind(S::Curve, &[Code(Esc)], run(C::Back), Some("chart"), "back to the measure's chart"),
    bind(S::Ask, &[Key::Named("type")], Does::Field, Some("write"), "write the answer"),
    bind(S::Ask, &[Code(Enter)], Does::Field, Some("next"), "next question, or done"),
    bind(S::Ask, &[Code(Esc)], Does::Field, Some("cancel"), "leave without changing anything"),
    // The new session form.
    bind(S::Form, &[Code(Tab)], run(C::NextField), Some("next field"), "next field"),
    bind(S::Form, &[Code(BackTab)], run(C::PreviousField), None, "previous field"),
    bind(S::FormChoice, &[Code(Left)], run(C::Left), Some("change"), "previous choice"),
    bind(S::FormChoice, &[Code(Right)], run(C::Right), Some("change"), "next choice"),
    bind(S::FormItems, &[Key::Named("type")], Does::Field, Some("filter"), "filter the indicators"),
    bind(S::FormItems, &[Code(Up)], run(C::Up), Some("move"), "move up"),
    bind(S::FormItems, &[Code(Down)], run(C::Down), Some("move"), "move down"),
    bind(S::FormItems, &[Code(Enter)], run(C::Activate), Some("choose"), "choose or unchoose the indicator"),
    bind(S::FormText, &[Key::Named("type")], Does::Field, Some("write"), "write the title, participants, facilitator, locality or next date (a supervision: supervisee and supervisor, by initials or roles)"),
    bind(S::FormCreate, &[Code(Enter)], run(C::Activate), Some("create"), "create the session"),
    bind(S::Form, &[Code(Esc)], run(C::Back), Some("cancel"), "cancel"),
    // Walking through an indicator.
    bind_for(Only::Supervision, S::WalkNow, &[Code(Char('n'))], run(C::NextItem), Some("question"), "next question"),
    bind_for(Only::Supervision, S::WalkNow, &[Code(Char('p'))], run(C::PreviousItem), Some("question"), "previous question"),
    bind_for(Only::Supervision, S::WalkNowRecord, &[Code(Enter)], run(C::Activate), Some("reflect"), "write a reflection"),
    bind_for(Only::Supervision, S::WalkNowRecord, &[Code(Char('f'))], run(C::CycleFraming), Some("you/we"), "wording of the questions: you, we, or as printed"),
    bind_for(Only::Supervision, S::Walk, &[Code(Char(']'))], run(C::NextPhase), Some("next area"), "next area, then the cases, then the actions"),
    bind_for(Only::Supervision, S::Walk, &[Code(Char('['))], run(C::PreviousPhase), Some("previous"), "previous area; before the first, the record"),
    bind_for(Only::Supervision, S::Walk, &[Code(Char('l'))], run(C::LastReflections), None, "last time's reflections"),
    bind_for(Only::Supervision, S::WalkNow, &[Code(Char('r'))], run(C::ToggleRating), Some("rate area"), "rate this area on the six-point scale, or stop rating it (asks before clearing a level)"),
    bind_for(Only::RatedArea, S::WalkNow, &[Key::Level], Does::SetLevel, Some("level"), "set the rated area's level (each area on its own: never averaged or added up)"),
    bind_for(Only::RatedArea, S::WalkNowRecord, &[Code(Char('0')), Code(Backspace), Code(Delete)], run(C::ClearLevel), None, "the rated area's level: back to not set"),
    bind_for(Only::UnratedArea, S::WalkNow, &[Key::Level], run(C::RateFirst), None, "in an area nobody asked to rate: say which key rates it"),
    bind_for(Only::Workshop, S::Walk, &[Code(Char(']'))], run(C::NextPhase), Some("next phase"), "next phase: now, know, can be"),
    bind(S::Walk, &[Code(Tab), Code(BackTab)], run(C::SwitchPane), Some("pane"), "switch between the framework's text and your record"),
    bind_for(Only::Levels, S::WalkNow, &[Key::Level], Does::SetLevel, Some("level"), "set the level (of the group, or of the chosen participant)"),
    bind_for(Only::Levels, S::WalkNowRecord, &[Code(Char('0')), Code(Backspace), Code(Delete)], run(C::ClearLevel), None, "back to 'not yet evaluated'"),
    bind_for(Only::NoLevel, S::WalkNow, &[Key::Level], run(C::NoLevelHere), None, "where an item takes no level (a statement, a narrative account): say why, and what to record instead"),
    bind_for(Only::Criterion, S::WalkNowRecord, &[Code(Char('y'))], run(C::CriterionMet), Some("met"), "the chosen criterion or statement: met"),
    bind_for(Only::Criterion, S::WalkNowRecord, &[Code(Char('~'))], run(C::CriterionPartlyMet), Some("partly"), "the chosen criterion or statement: partly met"),
    bind_for(Only::Criterion, S::WalkNowRecord, &[Code(Char('x'))], run(C::CriterionNotMet), Some("not met"), "the chosen criterion or statement: not met"),
    bind_for(Only::Criterion, S::WalkNowRecord, &[Code(Char('u'))], run(C::CriterionNotYetKnown), None, "the chosen criterion or statement: back to not yet known"),
    bind_for(Only::Criterion, S::WalkNowRecord, &[Code(Char('e'))], run(C::CriterionEvidence), Some("evidence"), "write the evidence for the chosen criterion or statement"),
    bind_for(Only::Audited, S::WalkNowRecord, &[Code(Char('a'))], run(C::CriterionAudit), Some("audit"), "record a case audit's proportion (12/15), shown beside the statement's own words"),
    bind(S::WalkNowRecord, &[Code(Enter)], run(C::Activate), Some("write"), "write in a field; on a criterion, its note"),
    bind(S::WalkNowRecord, &[Code(Char(' '))], run(C::Toggle), Some("discussed"), "mark a question discussed; change a choice; a criterion's next state (met, partly met, not met, not yet known)"),
    bind_for(Only::Supervision, S::WalkKnowRecord, &[Code(Char('a'))], run(C::AddCase), Some("add case"), "add a case discussion, by case reference only"),
    bind_for(Only::Supervision, S::WalkCanRecord, &[Code(Char('a'))], run(C::AddPriority), Some("add action"), "add an agreed action"),
    bind_for(Only::Workshop, S::WalkKnowRecord, &[Code(Char('a'))], run(C::AddEvidence), Some("add evidence"), "add evidence (phase 2)"),
    bind_for(Only::Workshop, S::WalkCanRecord, &[Code(Char('a'))], run(C::AddPriority), Some("add priority"), "add a priority (phase 3)"),
    bind(S::WalkRecord, &[Code(Enter)], run(C::Activate), Some("edit"), "edit the chosen field"),
    bind(S::WalkKnowRecord, &[Code(Char(' '))], run(C::Toggle), Some("change"), "change the chosen choice"),
    bind(S::WalkReference, &[Code(Char('t'))], run(C::NextTab), Some("tab"), "next tab of the framework's text"),
    bind_for(Only::OneLevel, S::WalkReference, &[Code(Left)], run(C::Left), Some("level 5/2"), "level 5 / level 2 illustration (when not side by side)"),
    bind_for(Only::OneLevel, S::WalkReference, &[Code(Right)], run(C::Right), Some("level 5/2"), "level 5 / level 2 illustration (when not side by side)"),
    bind(S::WalkReference, &[Code(Enter)], run(C::Activate), Some("use"), "use a suggestion"),
    bind(S::WalkReference, &[Code(Char('m'))], run(C::TrackMeasure), Some("track"), "track the chosen Module 5 measure over time"),
    bind(S::WalkReference, &[Code(Left)], run(C::Left), None, "previous tab of the framework's text"),
    bind(S::WalkReference, &[Code(Right)], run(C::Right), None, "next tab of the framework's text"),
    // The summary.
    bind(S::Summary, &[Code(Up)], run(C::Up), Some("field"), "previous field"),
    bind(S::Summary, &[Code(Down)], run(C::Down), Some("field"), "next field"),
    bind(S::Summary, &[Code(Enter)], run(C::Activate), Some("edit"), "edit the chosen field"),
    bind(S::Summary, &[Code(Char('e'))], run(C::Export), Some("export"), "export the session as Markdown"),
    bind_for(Only::Supervision, S::Summary, &[Code(Char(']'))], run(C::NextPhase), Some("questions"), "on to the first area's questions"),
    bind_for(Only::Supervision, S::Summary, &[Code(Char('l'))], run(C::LastReflections), Some("last time"), "last time's reflections"),
    bind_for(Only::Workshop, S::Summary, &[Code(Char('['))], run(C::PreviousPhase), Some("back to walk"), "back to the last indicator"),
    bind(S::Summary, &[Code(Tab), Code(BackTab)], run(C::SwitchPane), None, "switch between the overview and the record"),
    bind(S::Summary, &[Code(Char('d'))], run(C::DeleteSelected), None, "delete the chosen priority (asks first)"),
    bind(S::Summary, &[Code(Esc)], run(C::Back), Some("home"), "back home"),
    // Sharing through git, and the conflicts it records.
    bind(S::Syncing, &[Key::Named("any key")], Does::Field, Some("waits until the sync is done"), "keys wait while a sync runs (Ctrl-C still quits)"),
    bind(S::Conflicts, &[Code(Up), Code(Char('k'))], run(C::Up), Some("choose"), "previous conflict"),
    bind(S::Conflicts, &[Code(Down), Code(Char('j'))], run(C::Down), Some("choose"), "next conflict"),
    bind(S::Conflicts, &[Code(Char('a'))], run(C::TakeKept), Some("keep A"), "keep value A (the one in the field now) and save"),
    bind(S::Conflicts, &[Code(Char('b'))], run(C::TakeOther), Some("take B"), "take value B (for a deleted record: delete it) and save"),
    bind(S::Conflicts, &[Code(Char('e'))], run(C::CombineText), Some("combine"), "write one text from both (text fields)"),
    bind(S::Conflicts, &[Code(Esc)], run(C::Back), Some("home"), "back home"),
    bind(S::ConflictText, &[Key::Named("type")], Does::Field, Some("write"), "write the combined text"),
    bind(S::ConflictText, &[Ctrl('s')], Does::Field, Some("save"), "resolve with this text and save"),
    bind(S::ConflictText, &[Code(Esc)], Does::Field, Some("cancel"), "leave both values as they are"),
    // Help, offered in every footer after the place's own keys.
    bind(S::Common, &[Code(Char('?')), Code(F(1))], run(C::Help), Some(HELP_HINT), "this help"),
    // Home's keys for the cycle, offered after help (a narrow footer keeps help).
    bind(S::Home, &[Code(Char('r'))], run(C::ShowRegister), Some("register"), "the register: every action across sessions"),
    bind(S::Home, &[Code(Char('t'))], run(C::ShowTrends), Some("trends"), "levels over time for a framework"),
    bind(S::Home, &[Code(Char('S'))], run(C::Sync), Some("sync"), "sync with the shared copy (git); the indicator at the top says how it stands"),
    bind(S::Home, &[Code(Char('c'))], run(C::ShowConflicts), None, "the conflicts a sync recorded: choose a value, or combine"),
    bind(S::History, &[Code(Char('s'))], run(C::SearchHistory), Some("search"), "search every past reflection and action for words"),
    bind(S::History, &[Code(Char('x'))], run(C::DailyActionDone), Some("action done"), "mark the chosen day's small action done"),
    bind(S::History, &[Code(Char('o'))], run(C::OpenYearAgo), None, "open the daily review of this date a year ago, where there is one"),
    bind_for(Only::DailyDue, S::Home, &[Code(Char('x'))], run(C::DailyActionDone), Some("action done"), "mark a daily action in 'due soon or overdue' done (with several, choose which)"),
    bind(S::Home, &[Code(Char('x'))], run(C::DailyActionDone), None, "mark a daily action in 'due soon or overdue' done (with several, choose which)"),
    // The walk's keys for any phase or pane.
    bind(S::WalkNow, &[Code(Char('R'))], run(C::Reveal), None, "reveal the participants' levels together"),
    bind(S::WalkNow, &[Code(Char('f'))], run(C::CycleFraming), None, "wording of the questions: you, we, or as printed"),
    bind(S::Walk, &[Code(Char('t'))], run(C::NextTab), None, "next tab of the framework's text"),
    bind_for(Only::Workshop, S::Walk, &[Code(Char('['))], run(C::PreviousPhase), Some("back"), "previous phase"),
    bind_for(Only::Workshop, S::Walk, &[Code(Char('n'))], run(C::NextItem), Some("item"), "next indicator"),
    bind_for(Only::Workshop, S::Walk, &[Code(Char('p'))], run(C::PreviousItem), Some("item"), "previous indicator"),
    bind_for(Only::Workshop, S::Walk, &[Code(Char('s'))], run(C::Summary), Some("summary"), "the summary and close of session"),
    bind_for(Only::Workshop, S::Walk, &[Code(Char('+')), Code(Char('='))], run(C::AddMinute), None, "give this phase another minute"),
    bind_for(Only::Workshop, S::Walk, &[Code(Char('-'))], run(C::RemoveMinute), None, "take back a minute given to this phase"),
    bind_for(Only::Workshop, S::Walk, &[Code(Char('>'))], run(C::MorePhaseMinutes), None, "this phase's minutes, for every indicator: five more"),
    bind_for(Only::Workshop, S::Walk, &[Code(Char('<'))], run(C::FewerPhaseMinutes), None, "this phase's minutes, for every indicator: five fewer"),
    bind_for(Only::Workshop, S::Walk, &[Code(Char('T'))], run(C::ToggleTimer), None, "pause or restart the phase timer"),
    bind(S::WalkRecord, &[Code(Char('d'))], run(C::DeleteSelected), None, "delete the chosen evidence or priority (asks first)"),
    // Writing: the editor takes its own keys.
    bind(S::Editor, &[Code(Esc), Code(Tab)], Does::Field, Some("done"), "done (the text is saved as you type)"),
    bind(S::Editor, &[Ctrl('z')], Does::Field, Some("undo"), "undo"),
    bind(S::Editor, &[Ctrl('r')], Does::Field, Some("redo"), "redo"),
    bind(S::Editor, &[Ctrl('a'), Ctrl('e')], Does::Field, Some("line start/end"), "start / end of line"),
    bind(S::Editor, &[Ctrl('k')], Does::Field, None, "delete to end of line"),
    bind(S::Editor, &[Ctrl('u')], Does::Field, None, "delete to start of line"),
    bind(S::Editor, &[Key::Named("paste")], Does::Field, None, "pastes text; line breaks are kept"),
    // Finding: the palette takes its own keys.
    bind(S::Palette, &[Key::Named("type")], Does::Field, Some("search"), "search indicators, illustrations, questions and notes"),
    bind(S::Palette, &[Code(Up)], Does::Field, Some("choose"), "previous result"),
    bind(S::Palette, &[Code(Down)], Does::Field, Some("choose"), "next result"),
    bind(S::Palette, &[Code(Enter)], Does::Field, Some("go"), "go to the result"),
    bind(S::Palette, &[Ctrl('t')], Does::Field, Some("track"), "track the chosen Module 5 measure over time"),
    bind(S::Palette, &[Code(Esc)], Does::Field, Some("close"), "close"),
    // Everywhere else.
    bind(S::Common, &[Code(Char('/')), Ctrl('p')], run(C::Palette), Some("find"), "find anything: indicators, illustrations, questions, notes"),
    bind(S::Common, &[Code(Char('q')), Ctrl('c')], run(C::Quit), Some("quit"), "quit (everything is already saved)"),
    bind(S::Common, &[Code(Esc)], run(C::Back), None, "back (closes a field, a popup, or leaves the session)"),
    bind(S::Common, &[Code(Char('P'))], run(C::TogglePresent), None, "projector mode on or off (or start with --present)"),
    bind(S::Common, &[Code(Char('H'))], run(C::ToggleNotes), None, "in projector mode, hide or show the scribe's record"),
    bind(S::Common, &[Code(Up), Code(Char('k'))], run(C::Up), None, "move up"),
    bind(S::Common, &[Code(Down), Code(Char('j'))], run(C::Down), None, "move down"),
    bind(S::Common, &[Code(PageUp)], run(C::PageUp), None, "page up"),
    bind(S::Common, &[Code(PageDown)], run(C::PageDown), None, "page down"),
    bind(S::Common, &[Code(Home), Code(Char('g'))], run(C::Top), None, "the top"),
    bind(S::Common, &[Code(End), Code(Char('G'))], run(C::Bottom), None, "the end"),
    bind(S::Common, &[Code(Left), Code(Char('h'))], run(C::Left), None, "left: previous tab or choice"),
    bind(S::Common, &[Code(Right), Code(Char('l'))], run(C::Right), None, "right: next tab or choice"),
    bind(S::Common, &[Code(Enter)], run(C::Activate), None, "open, choose, write"),
    bind(S::Common, &[Code(Char(' '))], run(C::Toggle), None, "mark, include or change"),
    bind(S::Common, &[Key::Named("mouse")], Does::Field, None, "click to choose, wheel to scroll"),
    // Last, so that a key a user gives a place's own binding wins over it.
    bind(S::Syncable, &[Code(Char('S'))], run(C::Sync), None, "sync with the shared copy: the open session is saved first and read again after"),
];

impl Scope {
    /// Whether this place includes where the keyboard is.
    fn holds(self, context: Context) -> bool {
        use Context as X;
        match (self, context) {
            (S::Common, c) => matches!(
                c,
                X::Home
                    | X::History
                    | X::Daily
                    | X::Form(_)
                    | X::Walk(..)
                    | X::Summary
                    | X::Reader
                    | X::MeasureList
                    | X::MeasureChart
                    | X::Curve
                    | X::Register
                    | X::RegisterUpdate(_)
                    | X::Trends
                    | X::Review
                    | X::Conflicts
                    | X::OwnContent
            ),
            (S::Home, X::Home)
            | (S::History, X::History)
            | (S::Focus, X::Focus)
            | (S::PickDaily, X::PickDaily)
            | (S::Daily, X::Daily)
            | (S::Form, X::Form(_))
            | (S::Walk, X::Walk(..))
            | (S::WalkNow, X::Walk(Phase::Now, _))
            | (S::WalkRecord, X::Walk(_, Pane::Record))
            | (S::WalkReference, X::Walk(_, Pane::Reference))
            | (S::WalkNowRecord, X::Walk(Phase::Now, Pane::Record))
            | (S::WalkKnowRecord, X::Walk(Phase::Know, Pane::Record))
            | (S::WalkCanRecord, X::Walk(Phase::Can, Pane::Record))
            | (S::Summary, X::Summary)
            | (S::Editor, X::Editor)
            | (S::Palette, X::Palette)
            | (S::Help, X::Help)
            | (S::Confirm, X::Confirm)
            | (S::Reader, X::Reader)
            | (S::Message, X::Message)
            | (S::MeasureList, X::MeasureList)
            | (S::MeasureChart, X::MeasureChart)
            | (S::Curve, X::Curve)
            | (S::Ask, X::Ask)
            | (S::Conflicts, X::Conflicts)
            | (S::ConflictText, X::ConflictText)
            | (S::Syncing, X::Syncing)
            | (S::OwnContent, X::OwnContent) => true,
            (S::Syncable, c) => matches!(c, X::Home | X::Walk(..) | X::Summary | X::Daily),
            (S::FormChoice, X::Form(f)) => {
                matches!(
                    f,
                    FormField::Kind
                        | FormField::Framework
                        | FormField::Standard
                        | FormField::Follows
                )
            }
            (S::FormItems, X::Form(f)) => f == FormField::Items,
            (S::FormText, X::Form(f)) => f.is_text(),
            (S::FormCreate, X::Form(f)) => f == FormField::Create,
            (S::Register, X::Register)
            | (S::RegisterUpdate, X::RegisterUpdate(_))
            | (S::Trends, X::Trends)
            | (S::Review, X::Review)
            | (S::ReviewNote, X::ReviewNote) => true,
            (S::RegisterUpdateStatus, X::RegisterUpdate(f)) => f == UpdateField::Status,
            (S::RegisterUpdateText, X::RegisterUpdate(f)) => f.is_text(),
            _ => false,
        }
    }

    /// The help screen's heading for this place.
    pub fn section(self) -> Section {
        match self {
            S::Common => Section::Everywhere,
            S::Home | S::OwnContent | S::PickDaily => Section::Home,
            S::History | S::Focus => Section::History,
            S::Daily => Section::Daily,
            S::Form | S::FormChoice | S::FormItems | S::FormText | S::FormCreate => Section::Form,
            S::Walk
            | S::WalkNow
            | S::WalkRecord
            | S::WalkReference
            | S::WalkNowRecord
            | S::WalkKnowRecord
            | S::WalkCanRecord => Section::Walk,
            S::Summary => Section::Summary,
            S::Register
            | S::RegisterUpdate
            | S::RegisterUpdateStatus
            | S::RegisterUpdateText
            | S::Trends
            | S::Review
            | S::ReviewNote => Section::Cycle,
            S::Editor => Section::Writing,
            S::Palette => Section::Find,
            S::Help | S::Confirm | S::Reader | S::Message => Section::Popups,
            S::MeasureList | S::MeasureChart | S::Curve | S::Ask => Section::Measures,
            S::Syncable | S::Conflicts | S::ConflictText | S::Syncing => Section::Sharing,
        }
    }
}

/// The help screen's sections, in their usual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Everywhere,
    Home,
    Daily,
    History,
    Form,
    Walk,
    Writing,
    Summary,
    /// The register and levels over time.
    Cycle,
    Find,
    Popups,
    Measures,
    /// Sync and its conflicts.
    Sharing,
}

impl Section {
    pub const ALL: [Section; 13] = [
        Section::Everywhere,
        Section::Home,
        Section::Daily,
        Section::History,
        Section::Form,
        Section::Walk,
        Section::Writing,
        Section::Summary,
        Section::Cycle,
        Section::Find,
        Section::Popups,
        Section::Measures,
        Section::Sharing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Everywhere => "Everywhere",
            Section::Home => "Home",
            Section::Daily => "Daily review",
            Section::History => "History and focus areas",
            Section::Form => "A new session",
            Section::Walk => "Walking through an indicator",
            Section::Writing => "Writing",
            Section::Summary => "Summary",
            Section::Cycle => "Register and trends",
            Section::Find => "Finding",
            Section::Popups => "Help, questions and reading",
            Section::Measures => "Tracked measures and Turning the Curve",
            Section::Sharing => "Sharing and conflicts",
        }
    }

    /// The section for where the keyboard is.
    pub fn of(context: Context) -> Section {
        match context {
            Context::Home | Context::OwnContent | Context::PickDaily => Section::Home,
            Context::History | Context::Focus => Section::History,
            Context::Daily => Section::Daily,
            Context::Form(_) => Section::Form,
            Context::Walk(..) => Section::Walk,
            Context::Summary => Section::Summary,
            Context::Register
            | Context::RegisterUpdate(_)
            | Context::Trends
            | Context::Review
            | Context::ReviewNote => Section::Cycle,
            Context::Editor => Section::Writing,
            Context::Palette => Section::Find,
            Context::Help | Context::Confirm | Context::Reader | Context::Message => {
                Section::Popups
            }
            Context::MeasureList | Context::MeasureChart | Context::Curve | Context::Ask => {
                Section::Measures
            }
            Context::Conflicts | Context::ConflictText | Context::Syncing => Section::Sharing,
        }
    }
}

impl Binding {
    /// Whether the binding applies where the user is now.
    pub fn applies(&self, app: &App, context: Context) -> bool {
        self.scope.holds(context)
            && match self.only {
                Only::Always => true,
                Only::Supervision => is_supervision(app),
                Only::Workshop => !is_supervision(app),
                Only::Levels => !is_supervision(app) && offers_level_here(app),
                Only::NoLevel => !is_supervision(app) && !offers_level_here(app),
                Only::RatedArea => rated_here(app),
                Only::UnratedArea => in_supervision_area(app) && !rated_here(app),
                Only::DailyDue => super::update::soonest_daily_due(app).is_some(),
                Only::OneLevel => one_level_at_a_time(app),
                Only::Criterion => on_criterion(app).is_some(),
                Only::Audited => on_criterion(app).is_some_and(|c| c.audited),
            }
    }

    /// The command a matching key stands for.
    pub fn command(&self, key: KeyEvent) -> Option<Command> {
        match &self.does {
            Does::Run(command) => Some(command.clone()),
            Does::SetLevel => match key.code {
                Char(c @ '1'..='9') => Some(Command::SetLevel(c as u8 - b'0')),
                _ => None,
            },
            Does::Field => None,
        }
    }

    /// Its keys as written, joined.
    pub fn label(&self, app: &App) -> String {
        self.keys
            .iter()
            .map(|k| k.label(app))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Whether the supervision's area in view is rated (asked for, or with a
/// level recorded).
fn rated_here(app: &App) -> bool {
    in_supervision_area(app)
        && app.workspace().is_some_and(|ws| {
            ws.item_index()
                .is_some_and(|i| super::supervision::is_rated(&ws.session, i))
        })
}

/// On one of a supervision's areas (its questions), not its record,
/// cases or actions.
fn in_supervision_area(app: &App) -> bool {
    app.workspace().is_some_and(|ws| {
        ws.session.kind == SessionKind::Supervision && ws.phase() == Some(Phase::Now)
    })
}

fn is_supervision(app: &App) -> bool {
    app.workspace()
        .is_some_and(|ws| ws.session.kind == SessionKind::Supervision)
}

/// Whether ←/→ switch the illustration level here: on the illustrations tab
/// when the two levels are not drawn side by side.
/// Whether the item in the walk takes a level (not a narrative-only
/// judgement, nor an LSCB area against its Module 2 statements).
fn offers_level_here(app: &App) -> bool {
    app.workspace().is_none_or(|ws| {
        ws.item_index()
            .and_then(|i| ws.session.items.get(i))
            .is_none_or(|r| super::criteria::offers_level(&app.library, &ws.session, &r.item))
    })
}

/// The keys of the first binding in `scope` that runs `command`, as the
/// footer writes them: for notices that say which key to press.
pub fn keys_of(app: &App, scope: Scope, command: &Command) -> String {
    app.keymap
        .iter()
        .find(|b| b.scope == scope && b.does == Does::Run(command.clone()))
        .map_or_else(String::new, |b| b.label(app))
}

/// The criterion under the record's cursor, if it is on one.
fn on_criterion(app: &App) -> Option<super::criteria::CriterionView> {
    let ws = app.workspace()?;
    let rows = super::rows::rows(&app.library, ws, app.present);
    let Some(super::rows::Row::Criterion(at)) = rows.get(ws.record_cursor) else {
        return None;
    };
    let item = &ws.session.items.get(at.item)?.item;
    super::criteria::criteria(&app.library, &ws.session, item)
        .into_iter()
        .find(|c| c.area == at.area && c.key == at.key)
}

fn one_level_at_a_time(app: &App) -> bool {
    app.workspace().is_some_and(|ws| {
        let view = SessionView::of(app, ws);
        super::reference::current_tab(&app.library, ws)
            == Some(super::reference::Tab::Illustrations)
            && !view.side_by_side
    })
}

/// The binding a key reaches where the user is, if any.
pub fn binding_for(app: &App, key: KeyEvent) -> Option<&Binding> {
    let context = context(app);
    app.keymap
        .iter()
        .find(|b| b.applies(app, context) && b.keys.iter().any(|k| k.matches(key)))
}

/// The command a key stands for where the user is. Text fields and the
/// palette's query take their keys directly and never reach here.
pub fn command_for(app: &App, key: KeyEvent) -> Option<Command> {
    binding_for(app, key).and_then(|b| b.command(key))
}

/// While the screen is too small to show anything, the only keys that act:
/// quit, and help (opened, scrolled or closed); the rest would change what
/// nobody can see.
pub fn too_small_command(app: &App, key: KeyEvent) -> Option<Command> {
    if context(app) == Context::Help {
        return command_for(app, key);
    }
    app.keymap
        .iter()
        .filter(|b| b.scope == Scope::Common)
        .filter(|b| matches!(b.does, Does::Run(Command::Quit | Command::Help)))
        .find(|b| b.keys.iter().any(|k| k.matches(key)))
        .and_then(|b| b.command(key))
}

/// The bindings that apply now, each with the keys not claimed by an
/// earlier binding: what the footer offers and help lists first.
pub fn live(app: &App) -> Vec<(&Binding, Vec<Key>)> {
    let context = context(app);
    let mut claimed: Vec<Key> = Vec::new();
    let mut out = Vec::new();
    for binding in app.keymap.iter().filter(|b| b.applies(app, context)) {
        let free: Vec<Key> = binding
            .keys
            .iter()
            .copied()
            .filter(|k| !claimed.contains(k))
            .collect();
        claimed.extend(&free);
        if !free.is_empty() {
            out.push((binding, free));
        }
    }
    out
}

/// The help key's footer word: the footer always keeps it.
pub const HELP_HINT: &str = "help";

/// Key hints for the footer: (keys, what they do), most useful first.
/// Neighbours with the same word share it: `↑↓ choose`, `n/p item`.
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for (binding, keys) in live(app) {
        let Some(hint) = binding.hint else { continue };
        let label = match keys[0] {
            Key::Any if !out.is_empty() => "any other key".to_owned(),
            key => key.label(app),
        };
        match out.last_mut() {
            Some((keys, word)) if *word == hint => {
                let arrows = label.chars().all(|c| "↑↓←→".contains(c));
                if !arrows {
                    keys.push('/');
                }
                keys.push_str(&label);
            }
            _ => out.push((label, hint)),
        }
    }
    out
}

/// Everything `?` lists, by section, the section for where the user is
/// first: (heading, [(keys, what they do)]).
pub fn help(app: &App) -> Vec<(&'static str, Vec<(String, String)>)> {
    // Help is about the place under it, not about itself.
    let here = match context(app) {
        Context::Help => screen_context(app),
        other => other,
    };
    let current = Section::of(here);
    let order = std::iter::once(current).chain(Section::ALL.into_iter().filter(|s| *s != current));
    order
        .map(|section| {
            let mut lines: Vec<(String, String)> = Vec::new();
            for binding in app.keymap.iter().filter(|b| b.scope.section() == section) {
                let what = match binding.only {
                    Only::Supervision | Only::RatedArea | Only::UnratedArea => {
                        format!("{} (supervision)", binding.help)
                    }
                    _ => binding.help.to_owned(),
                };
                let line = (binding.label(app), what);
                if !lines.contains(&line) {
                    lines.push(line);
                }
            }
            (section.label(), lines)
        })
        .collect()
}

/// `WalkNowRecord` → `walk_now_record`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

impl Binding {
    /// The name `keys.ron` gives it: place and command, e.g.
    /// `walk.next_phase`. Keys a text field takes itself have none.
    pub fn name(&self) -> Option<String> {
        let command = match &self.does {
            Does::Run(command) => {
                let debug = format!("{command:?}");
                let variant: String = debug.chars().take_while(|c| c.is_alphanumeric()).collect();
                snake(&variant)
            }
            Does::SetLevel => "set_level".to_owned(),
            Does::Field => return None,
        };
        Some(format!("{}.{command}", snake(&format!("{:?}", self.scope))))
    }
}

/// A key as a user writes it in `keys.ron`: `q`, `Ctrl-n`, `Enter`, `PgDn`, `F1`.
pub fn parse_key(text: &str) -> Option<Key> {
    if let Some(c) = text.strip_prefix("Ctrl-") {
        let mut chars = c.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Some(Ctrl(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    let code = match text {
        "Up" | "↑" => Up,
        "Down" | "↓" => Down,
        "Left" | "←" => Left,
        "Right" | "→" => Right,
        "PgUp" | "PageUp" => PageUp,
        "PgDn" | "PageDown" => PageDown,
        "Home" => Home,
        "End" => End,
        "Enter" => Enter,
        "Esc" => Esc,
        "Tab" => Tab,
        "Shift-Tab" => BackTab,
        "Backspace" => Backspace,
        "Del" | "Delete" => Delete,
        "Space" => Char(' '),
        _ => {
            if let Some(n) = text.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
                F(n)
            } else {
                let mut chars = text.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Char(c),
                    _ => return None,
                }
            }
        }
    };
    Some(Code(code))
}

/// Apply a `keys.ron` (a map from binding names to lists of keys) to the
/// key map. Problems come back as `label:line:col: …`; a binding with a
/// problem keeps its default keys, and the rest still apply.
pub fn apply_overrides(keymap: &mut [Binding], text: &str, label: &str) -> Vec<String> {
    let wanted: std::collections::BTreeMap<String, Vec<String>> = match ron::from_str(text) {
        Ok(map) => map,
        Err(e) => {
            return vec![format!(
                "{label}:{}:{}: {} (the default keys are kept)",
                e.span.start.line, e.span.start.col, e.code
            )];
        }
    };
    let mut problems = Vec::new();
    for (name, keys) in &wanted {
        let at = text.find(&format!("\"{name}\"")).map_or((1, 1), |offset| {
            crate::content::problem::line_col(text, offset)
        });
        let place = format!("{label}:{}:{}", at.0, at.1);
        match override_one(keymap, name, keys) {
            Ok(()) => {}
            Err(why) => problems.push(format!("{place}: {why}")),
        }
    }
    problems
}

fn override_one(keymap: &mut [Binding], name: &str, keys: &[String]) -> Result<(), String> {
    let targets: Vec<usize> = (0..keymap.len())
        .filter(|&i| keymap[i].name().as_deref() == Some(name))
        .collect();
    if targets.is_empty() {
        return Err(format!(
            "no key binding is called '{name}'; docs/keys.md lists them"
        ));
    }
    // The digits are the scale's (or say why there is none): never others.
    if targets
        .iter()
        .any(|&i| keymap[i].keys.contains(&Key::Level))
    {
        return Err(format!("'{name}' takes the digit keys of the scale"));
    }
    let mut parsed = Vec::new();
    for key in keys {
        parsed.push(parse_key(key).ok_or_else(|| format!("'{key}' is not a key name"))?);
    }
    if parsed.is_empty() {
        return Err(format!("'{name}' needs at least one key"));
    }
    for &i in &targets {
        let scope = keymap[i].scope;
        let clash = keymap.iter().enumerate().find(|(j, other)| {
            !targets.contains(j)
                && other.scope == scope
                && other.keys.iter().any(|k| parsed.contains(k))
        });
        if let Some((_, other)) = clash {
            return Err(format!(
                "a key for '{name}' is already {}; the default keys are kept",
                other.name().unwrap_or_else(|| other.help.to_owned())
            ));
        }
    }
    for i in targets {
        keymap[i].keys = Cow::Owned(parsed.clone());
    }
    Ok(())
}
