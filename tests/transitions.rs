//! State transitions of the app, with no terminal and no disk: actions in,
//! state and effects out.

mod common;

use common::{library, start_time};
use howgood::app::action::{Action, Command, Effect, Opened};
use howgood::app::home::{FormField, HomeData, SessionSummary};
use howgood::app::rows::{self, Row};
use howgood::app::{App, Overlay, Pane, Phase, SaveStatus, Screen, Stage};
use howgood::session::model::{EvidenceSource, ItemRecord, ScaleChoice, Session, SessionKind};
use howgood::session::store::Saved;
use jiff::SignedDuration;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn session(framework: &str, items: &[&str]) -> Session {
    let mut s = Session::new(
        "2026-11-24-test-0001".into(),
        SessionKind::Workshop,
        "Test workshop".into(),
        framework.into(),
        if framework == "lscb-qaf" {
            ScaleChoice::Borrowed("hmie-cp-2009".into())
        } else {
            ScaleChoice::Framework
        },
        start_time(),
    );
    s.items = items.iter().map(|i| ItemRecord::new(*i)).collect();
    s.participants = vec!["Police".into(), "Health".into()];
    s
}

fn app_with(session: Session, read_only: Option<&str>) -> App {
    let mut app = App::new(library(), start_time(), (100, 30));
    let effects = howgood::app::update::update(
        &mut app,
        Action::Opened(Ok(Box::new(Opened {
            session,
            read_only: read_only.map(str::to_owned),
            recovery: None,
        }))),
    );
    assert!(effects.is_empty());
    app
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    howgood::app::update::update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    howgood::app::update::update(
        app,
        Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    howgood::app::update::update(app, action)
}

fn ws(app: &App) -> &howgood::app::Workspace {
    app.workspace().expect("a session is open")
}

fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Save(_)))
        .count()
}

fn later(app: &mut App, millis: i64) -> Vec<Effect> {
    app.now += SignedDuration::from_millis(millis);
    act(app, Action::Tick)
}

/// Move the record cursor to the first row matching `wanted`.
fn select(app: &mut App, wanted: impl Fn(&Row) -> bool) {
    for _ in 0..200 {
        let list = rows::rows(&app.library, ws(app), app.present);
        if wanted(&list[ws(app).record_cursor]) {
            return;
        }
        key(app, KeyCode::Down);
    }
    panic!("no such row");
}

/// In the reference pane, move to the first entry Enter can take.
fn select_first_suggestion(app: &mut App) {
    for _ in 0..10 {
        let entries = howgood::app::reference::entries(&app.library, ws(app), false);
        if entries[ws(app).reference_cursor].take.is_some() {
            return;
        }
        key(app, KeyCode::Down);
    }
    panic!("no suggestion in the first ten entries");
}

#[test]
fn key_releases_are_ignored() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    let mut release = KeyEvent::new(KeyCode::Char('4'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    act(&mut app, Action::Key(release));
    assert_eq!(ws(&app).session.items[0].level, None);
    key(&mut app, KeyCode::Char('4'));
    assert_eq!(ws(&app).session.items[0].level, Some(4));
}

#[test]
fn levels_are_set_cleared_and_kept_within_the_scale() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    key(&mut app, KeyCode::Char('6'));
    assert_eq!(ws(&app).session.items[0].level, Some(6));
    key(&mut app, KeyCode::Left);
    assert_eq!(
        ws(&app).session.items[0].level,
        Some(6),
        "arrows never change a level"
    );
    key(&mut app, KeyCode::Char('0'));
    assert_eq!(
        ws(&app).session.items[0].level,
        None,
        "back to not yet evaluated"
    );

    // The 2014 scale has four levels: 5 is refused with a notice.
    let mut app = app_with(
        session(
            "integrated-inspection-2014",
            &["health-help-and-protection"],
        ),
        None,
    );
    key(&mut app, KeyCode::Char('5'));
    assert_eq!(ws(&app).session.items[0].level, None);
    assert!(app.notice.as_deref().is_some_and(|n| n.contains("1 to 4")));
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(ws(&app).session.items[0].level, Some(2));

    // An Ofsted statement takes no level at all: a digit changes nothing.
    let mut app = app_with(session("ofsted-good-outcomes", &["3.6"]), None);
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(ws(&app).session.items[0].level, None);
}

#[test]
fn participants_levels_show_as_a_spread_by_name_never_an_average() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    select(&mut app, |r| *r == Row::ParticipantLevel(0));
    key(&mut app, KeyCode::Char('4'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('2'));
    let levels = &ws(&app).session.items[0].individual_levels;
    assert_eq!(levels.len(), 2);
    // Silent until revealed: the room sees how many, not which.
    let hidden = howgood::app::lines::spread_text(&app.library, ws(&app), 0);
    assert_eq!(
        hidden,
        "2 of 2 recorded, hidden until revealed (R reveals them together)"
    );
    assert!(!howgood::app::lines::spread_text(&app.library, ws(&app), 0).contains("Police"));
    key(&mut app, KeyCode::Char('R'));
    assert!(ws(&app).session.items[0].revealed);
    let spread = howgood::app::lines::spread_text(&app.library, ws(&app), 0);
    assert_eq!(
        spread,
        "Spread (2 of 2 recorded): 4 good ■: Police · 2 weak ■: Health"
    );
    assert_eq!(
        ws(&app).session.items[0].level,
        None,
        "the group's level is its own decision"
    );
}

#[test]
fn phases_and_items_move_in_order_and_end_at_the_summary() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3", "8.1"]), None);
    let stage = |app: &App| ws(app).stage;
    assert_eq!(
        stage(&app),
        Stage::Walk {
            item: 0,
            phase: Phase::Now
        }
    );
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(
        stage(&app),
        Stage::Walk {
            item: 0,
            phase: Phase::Know
        }
    );
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(
        stage(&app),
        Stage::Walk {
            item: 1,
            phase: Phase::Now
        }
    );
    key(&mut app, KeyCode::Char('['));
    assert_eq!(
        stage(&app),
        Stage::Walk {
            item: 0,
            phase: Phase::Can
        }
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        stage(&app),
        Stage::Walk {
            item: 1,
            phase: Phase::Can
        }
    );
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(stage(&app), Stage::Summary);
    key(&mut app, KeyCode::Char('['));
    assert_eq!(
        stage(&app),
        Stage::Walk {
            item: 1,
            phase: Phase::Can
        }
    );
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(stage(&app), Stage::Summary);
}

#[test]
fn typing_in_a_field_never_triggers_a_command() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    select(&mut app, |r| matches!(r, Row::Text(_)));
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "q]4 s/?[d a");
    assert!(!app.quit);
    assert_eq!(
        ws(&app).stage,
        Stage::Walk {
            item: 0,
            phase: Phase::Now
        }
    );
    assert_eq!(ws(&app).session.items[0].level, None);
    assert_eq!(ws(&app).session.items[0].rationale, "q]4 s/?[d a");
    assert!(app.overlay.is_none());
    // Undo is a key away (Ctrl-Z); Ctrl-U clears to the line's start, as
    // in readline.
    ctrl(&mut app, 'z');
    assert_eq!(ws(&app).session.items[0].rationale, "q]4 s/?[d ");
    ctrl(&mut app, 'u');
    assert_eq!(ws(&app).session.items[0].rationale, "");
    ctrl(&mut app, 'z');
    assert_eq!(ws(&app).session.items[0].rationale, "q]4 s/?[d ");
    let effects = key(&mut app, KeyCode::Esc);
    assert!(ws(&app).editor.is_none());
    assert_eq!(saves(&effects), 1, "a committed field is saved at once");
}

#[test]
fn a_paste_goes_into_the_field_with_line_ends_normalised() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    act(&mut app, Action::Paste("not in a field".into()));
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("Enter first"))
    );
    select(&mut app, |r| matches!(r, Row::Text(_)));
    key(&mut app, KeyCode::Enter);
    act(&mut app, Action::Paste("one\r\ntwo ]\rthree".into()));
    assert_eq!(ws(&app).session.items[0].rationale, "one\ntwo ]\nthree");
    assert_eq!(
        ws(&app).stage,
        Stage::Walk {
            item: 0,
            phase: Phase::Now
        }
    );
}

#[test]
fn a_huge_paste_is_cut_with_a_notice_not_lost_silently() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    select(&mut app, |r| matches!(r, Row::Text(_)));
    key(&mut app, KeyCode::Enter);
    let huge = "x".repeat(howgood::app::editor::MAX_PASTE_CHARS + 10);
    act(&mut app, Action::Paste(huge));
    assert_eq!(
        ws(&app).session.items[0].rationale.len(),
        howgood::app::editor::MAX_PASTE_CHARS
    );
    assert!(app.notice.is_some());
}

#[test]
fn autosave_waits_for_a_pause_but_never_longer_than_ten_seconds() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    key(&mut app, KeyCode::Char('4'));
    assert!(matches!(ws(&app).save, SaveStatus::Unsaved { .. }));
    assert_eq!(saves(&later(&mut app, 500)), 0, "still typing");
    assert_eq!(
        saves(&later(&mut app, 600)),
        1,
        "a second after the last change"
    );
    act(&mut app, Action::Saved(Ok(Saved::Written)));
    assert!(matches!(ws(&app).save, SaveStatus::Saved(_)));

    // Typing without a pause: saved within ten seconds all the same.
    select(&mut app, |r| matches!(r, Row::Text(_)));
    key(&mut app, KeyCode::Enter);
    let mut saved_at = None;
    for n in 0..40 {
        key(&mut app, KeyCode::Char('a'));
        if saves(&later(&mut app, 400)) > 0 {
            saved_at = Some(n);
            break;
        }
    }
    let n = saved_at.expect("saved while typing");
    assert!(n * 400 <= 10_000, "saved after {} ms", n * 400);
}

#[test]
fn a_failed_save_keeps_the_changes_and_retries() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    key(&mut app, KeyCode::Char('3'));
    later(&mut app, 1_100);
    act(
        &mut app,
        Action::Saved(Err("No space left on device".into())),
    );
    assert!(
        matches!(&ws(&app).save, SaveStatus::Failed { message, .. } if message.contains("No space"))
    );
    assert_eq!(ws(&app).session.items[0].level, Some(3), "kept in memory");
    assert_eq!(saves(&later(&mut app, 1_000)), 0);
    assert_eq!(saves(&later(&mut app, 5_000)), 1, "retried");
}

#[test]
fn a_conflict_is_shown_and_later_saves_continue() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    key(&mut app, KeyCode::Char('3'));
    later(&mut app, 1_100);
    act(
        &mut app,
        Action::Saved(Ok(Saved::ToConflictCopy("/x/s.conflict-1.ron".into()))),
    );
    assert!(
        matches!(&ws(&app).save, SaveStatus::Conflict { copy, .. } if copy.contains("conflict"))
    );
}

#[test]
fn a_read_only_session_refuses_every_change() {
    let mut app = app_with(
        session("hmie-cp-2009", &["5.3"]),
        Some("another copy has it open"),
    );
    key(&mut app, KeyCode::Char('4'));
    assert_eq!(ws(&app).session.items[0].level, None);
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("Read-only"))
    );
    select(&mut app, |r| matches!(r, Row::Text(_)));
    key(&mut app, KeyCode::Enter);
    assert!(
        ws(&app).editor.is_none(),
        "no editor on a read-only session"
    );
    key(&mut app, KeyCode::Char(']'));
    let effects = key(&mut app, KeyCode::Char('a'));
    assert!(ws(&app).session.items[0].evidence.is_empty());
    assert_eq!(saves(&effects), 0);
    assert_eq!(saves(&later(&mut app, 20_000)), 0, "never saved");
}

#[test]
fn evidence_is_added_with_no_source_and_deleted_only_after_asking() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    key(&mut app, KeyCode::Char(']'));
    for description in ["Parents' survey", "Staff focus group"] {
        key(&mut app, KeyCode::Char('a'));
        assert!(
            ws(&app).editor.is_some(),
            "the description is open for typing"
        );
        typing(&mut app, description);
        key(&mut app, KeyCode::Esc);
    }
    let evidence = &ws(&app).session.items[0].evidence;
    // No source until one is chosen: nothing passes for children's views.
    assert_eq!(evidence[0].source, EvidenceSource::Unset);
    assert_eq!(evidence[1].source, EvidenceSource::Unset);
    assert_eq!(evidence[1].description, "Staff focus group");

    key(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.overlay, Some(Overlay::Confirm { .. })));
    key(&mut app, KeyCode::Char('n'));
    assert!(app.overlay.is_none());
    assert_eq!(
        ws(&app).session.items[0].evidence.len(),
        2,
        "no: nothing deleted"
    );
    key(&mut app, KeyCode::Char('d'));
    let effects = key(&mut app, KeyCode::Char('y'));
    assert_eq!(ws(&app).session.items[0].evidence.len(), 1);
    assert_eq!(
        ws(&app).session.items[0].evidence[0].description,
        "Parents' survey"
    );
    assert_eq!(saves(&effects), 1);
}

#[test]
fn a_suggested_source_becomes_evidence_with_enter() {
    let mut app = app_with(session("hmie-cp-2009", &["7.3"]), None);
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Tab);
    assert_eq!(ws(&app).focus, Pane::Reference);
    // Move to the first suggestion and take it.
    select_first_suggestion(&mut app);
    key(&mut app, KeyCode::Enter);
    let evidence = &ws(&app).session.items[0].evidence;
    assert_eq!(evidence.len(), 1);
    assert!(!evidence[0].description.is_empty());
    assert_eq!(ws(&app).focus, Pane::Record);
}

#[test]
fn priorities_start_from_good_statements_and_warn_past_five() {
    let mut app = app_with(session("hmie-cp-2009", &["7.3"]), None);
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Tab);
    select_first_suggestion(&mut app);
    key(&mut app, KeyCode::Enter);
    let priority = &ws(&app).session.priorities[0];
    assert!(
        !priority.statement.is_empty(),
        "starts from the 'good' statement"
    );
    assert_eq!(priority.serves, ["7.3"]);
    assert!(ws(&app).editor.is_some(), "the owner is open for typing");
    key(&mut app, KeyCode::Esc);
    for _ in 0..5 {
        key(&mut app, KeyCode::Char('a'));
        key(&mut app, KeyCode::Esc);
    }
    assert_eq!(ws(&app).session.priorities.len(), 6);
    let list = rows::rows(&app.library, ws(&app), app.present);
    assert!(
        list.iter().any(
            |r| matches!(r, Row::Info { warning: true, text } if text.contains("small number"))
        )
    );
}

#[test]
fn questions_are_marked_discussed_and_given_notes() {
    let mut app = app_with(session("hmie-cp-2009", &["7.3"]), None);
    select(&mut app, |r| matches!(r, Row::Question { .. }));
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "We do not evaluate impact yet");
    key(&mut app, KeyCode::Esc);
    let notes = &ws(&app).session.items[0].questions;
    assert_eq!(notes.len(), 1);
    assert!(notes[0].discussed);
    assert_eq!(notes[0].note, "We do not evaluate impact yet");
    assert_eq!(notes[0].area, "safeguarding-wisdom");
}

#[test]
fn an_invalid_date_is_refused_and_the_old_one_kept() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Esc);
    select(&mut app, |r| {
        matches!(
            r,
            Row::Text(howgood::app::fields::TextField::PriorityDeadline(_))
        )
    });
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "2027-03-31");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "31/02/2027");
    key(&mut app, KeyCode::Enter);
    assert!(
        ws(&app).editor.is_some(),
        "the typed text stays to be put right"
    );
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("is not a date"))
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        ws(&app).session.priorities[0].deadline,
        Some("2027-03-31".parse().expect("date"))
    );
}

#[test]
fn quitting_saves_and_releases_the_session() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    key(&mut app, KeyCode::Char('4'));
    let effects = key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
    assert_eq!(saves(&effects), 1);
    assert!(effects.contains(&Effect::Close));
    assert_eq!(effects.last(), Some(&Effect::Quit));
}

#[test]
fn leaving_a_session_saves_and_goes_home() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    key(&mut app, KeyCode::Char('4'));
    let effects = key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
    assert_eq!(saves(&effects), 1);
    assert!(effects.contains(&Effect::Close));
    assert!(effects.contains(&Effect::LoadHome));
}

#[test]
fn help_opens_with_a_question_mark_and_closes_only_on_esc_question_mark_or_q() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    for close in [KeyCode::Esc, KeyCode::Char('?'), KeyCode::Char('q')] {
        key(&mut app, KeyCode::Char('?'));
        assert!(matches!(app.overlay, Some(Overlay::Help { scroll: 0 })));
        key(&mut app, KeyCode::Char('4'));
        key(&mut app, KeyCode::Enter);
        assert!(
            matches!(app.overlay, Some(Overlay::Help { .. })),
            "other keys keep help open"
        );
        key(&mut app, close);
        assert!(app.overlay.is_none(), "{close:?} closes help");
        assert!(
            matches!(app.screen, Screen::Session(_)),
            "and does nothing else"
        );
    }
    assert_eq!(
        ws(&app).session.items[0].level,
        None,
        "keys pressed over help do not reach the session"
    );
}

#[test]
fn the_palette_finds_notes_and_jumps_to_them() {
    let mut session = session("hmie-cp-2009", &["5.3", "8.1"]);
    session.items[1].strengths = "Joint training with the police".into();
    let mut app = app_with(session, None);
    ctrl(&mut app, 'p');
    typing(&mut app, "joint training");
    let Some(Overlay::Palette(palette)) = &app.overlay else {
        panic!("palette open");
    };
    let first = &palette.index[palette.hits[0].entry];
    assert_eq!(first.text, "Joint training with the police");
    key(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none());
    assert_eq!(
        ws(&app).stage,
        Stage::Walk {
            item: 1,
            phase: Phase::Now
        }
    );
}

#[test]
fn the_palette_opens_framework_text_outside_the_session_in_the_reader() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    key(&mut app, KeyCode::Char('/'));
    typing(&mut app, "Vision, values and aims");
    key(&mut app, KeyCode::Enter);
    let Some(Overlay::Reader { text, .. }) = &app.overlay else {
        panic!("reader open: {:?}", app.overlay.is_some());
    };
    assert!(text.contains("9.1 Vision, values and aims"));
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
}

#[test]
fn the_mouse_wheel_scrolls_and_a_click_chooses_a_row() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    let areas = howgood::app::view::walk(app.size);
    let wheel = |kind| MouseEvent {
        kind,
        column: areas.record.x + 5,
        row: areas.record.y + 5,
        modifiers: KeyModifiers::NONE,
    };
    let before = ws(&app).record_cursor;
    act(&mut app, Action::Mouse(wheel(MouseEventKind::ScrollDown)));
    assert!(ws(&app).record_cursor > before);
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: areas.reference.x + 3,
        row: areas.reference.y + 3,
        modifiers: KeyModifiers::NONE,
    };
    act(&mut app, Action::Mouse(click));
    assert_eq!(ws(&app).focus, Pane::Reference);
}

#[test]
fn the_new_session_form_checks_before_creating() {
    let mut app = App::new(library(), start_time(), (100, 30));
    act(&mut app, Action::HomeLoaded(HomeData::default()));
    key(&mut app, KeyCode::Char('n'));
    let Screen::NewSession(form) = &app.screen else {
        panic!("form open")
    };
    assert_eq!(form.field, FormField::Title);
    // Straight to Create with nothing filled in (past every optional field).
    for _ in 0..8 {
        key(&mut app, KeyCode::Tab);
    }
    let effects = key(&mut app, KeyCode::Enter);
    assert!(effects.is_empty());
    let Screen::NewSession(form) = &app.screen else {
        panic!("still the form")
    };
    assert!(
        form.error.as_deref().is_some_and(|e| e.contains("title")),
        "{:?}",
        form.error
    );
    // Esc leaves the form and shows home again.
    let effects = key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
    assert!(effects.contains(&Effect::LoadHome));
}

#[test]
fn home_opens_the_chosen_session() {
    let mut app = App::new(library(), start_time(), (100, 30));
    let summary = SessionSummary {
        id: "s1".into(),
        kind: SessionKind::Workshop,
        title: "One".into(),
        framework: "hmie-cp-2009".into(),
        updated: start_time(),
        items: 1,
        evaluated: 0,
        priorities: 0,
        unsaved_copies: Vec::new(),
        read_only: None,
    };
    act(
        &mut app,
        Action::HomeLoaded(HomeData {
            sessions: vec![summary],
            ..HomeData::default()
        }),
    );
    key(&mut app, KeyCode::End);
    let effects = key(&mut app, KeyCode::Enter);
    assert_eq!(effects, [Effect::Open("s1".into())]);
    let _ = act(&mut app, Action::Command(Command::Help));
}

#[test]
fn the_phase_timer_counts_down_takes_extra_minutes_pauses_and_restarts_per_phase() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    let display = |app: &App| ws(app).timer.display(app.now);
    assert_eq!(display(&app), "20:00");
    later(&mut app, 5 * 60_000);
    assert_eq!(display(&app), "15:00");
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(display(&app), "16:00");
    key(&mut app, KeyCode::Char('T'));
    later(&mut app, 10 * 60_000);
    assert_eq!(display(&app), "16:00", "paused");
    key(&mut app, KeyCode::Char('T'));
    later(&mut app, 17 * 60_000);
    assert!(ws(&app).timer.is_up(app.now));
    assert_eq!(display(&app), "00:00");
    // Time up never blocks: the group still records and moves on.
    key(&mut app, KeyCode::Char('3'));
    assert_eq!(ws(&app).session.items[0].level, Some(3));
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(display(&app), "15:00", "phase 2 has its own time");
}

#[test]
fn phase_timers_are_set_per_session_and_saved_with_it() {
    let mut app = app_with(session("hmie-cp-2009", &["5.3"]), None);
    key(&mut app, KeyCode::Char('s'));
    select(&mut app, |r| {
        *r == Row::Choice(howgood::app::fields::ChoiceField::PhaseMinutes(0))
    });
    key(&mut app, KeyCode::Right);
    assert_eq!(ws(&app).session.timers.now_minutes, 25);
    key(&mut app, KeyCode::Char('['));
    key(&mut app, KeyCode::Char('['));
    key(&mut app, KeyCode::Char('['));
    assert_eq!(ws(&app).timer.display(app.now), "25:00");
}

#[test]
fn the_summary_overview_scrolls_when_it_has_the_keyboard() {
    let mut app = app_with(
        session("hmie-cp-2009", &["5.3", "8.1", "7.3", "2.1", "9.4"]),
        None,
    );
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(ws(&app).focus, Pane::Record);
    key(&mut app, KeyCode::Tab);
    assert_eq!(ws(&app).focus, Pane::Reference);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(ws(&app).reference_scroll, 2);
    key(&mut app, KeyCode::Home);
    assert_eq!(ws(&app).reference_scroll, 0);
    key(&mut app, KeyCode::Tab);
    assert_eq!(ws(&app).focus, Pane::Record);
}
