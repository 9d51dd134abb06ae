//! The improvement cycle through the screens, on a test terminal with the
//! clock injected: a March workshop's two priorities, a register update in
//! April, a June workshop that follows March and reviews its priorities,
//! and the register, the trends grid and `howgood trends --json` after.

mod common;
use assert_cmd::Command;
use common::Harness;
use common::{at, record};
use howgood::app::Screen;
use howgood::session::atomic::write_atomic;
use howgood::session::codec;
use howgood::session::model::{Priority, PriorityStatus, ScaleChoice, Session, SessionKind};
use ratatui::crossterm::event::KeyCode;
use serde_json::Value;

const FATHERS: &str = "ffffffff";
const CHRONO: &str = "cccccccc";

fn priority(id: &str, statement: &str, owner: &str, due: &str, serves: &str) -> Priority {
    let mut p = Priority::new(id.into());
    p.statement = statement.into();
    p.owner = owner.into();
    p.deadline = Some(due.parse().expect("date"));
    p.serves = vec![serves.into()];
    p
}

/// The March workshop as it was agreed: two priorities, levels for two
/// indicators, written as howgood writes files.
fn march(h: &Harness) {
    let mut march = Session::new(
        "2026-03-10-march".into(),
        SessionKind::Workshop,
        "March multi-agency workshop".into(),
        "hmie-cp-2009".into(),
        ScaleChoice::Framework,
        at("2026-03-10T09:00:00Z"),
    );
    march.participants = vec!["Police".into(), "Health".into()];
    march.locality = Some("North".into());
    march.items = vec![
        record("5.3", 2, &[("Police", 2), ("Health", 3)]),
        record("8.1", 3, &[("Police", 3), ("Health", 3)]),
    ];
    march.priorities = vec![
        priority(
            FATHERS,
            "Fathers are seen in every assessment",
            "Head of Safeguarding",
            "2026-06-30",
            "5.3",
        ),
        priority(
            CHRONO,
            "Chronologies in every case file",
            "Audit lead",
            "2026-05-31",
            "8.1",
        ),
    ];
    let path = h.runtime.store.path_of(&march.id);
    write_atomic(&path, codec::encode(&march).expect("encode").as_bytes()).expect("write");
}

fn load(h: &Harness, id: &str) -> Session {
    let bytes = std::fs::read(h.runtime.store.path_of(id)).expect("read");
    codec::decode(&bytes).expect("decode").session
}

fn set_clock(h: &mut Harness, when: &str) {
    h.runtime.app.now = at(when);
}

/// The June session's id (the only other workshop file).
fn june_id(h: &Harness) -> String {
    h.sessions()
        .into_iter()
        .find(|s| s.follows.is_some())
        .expect("june")
        .id
}

/// April: the register marks the fathers priority in progress.
fn april_update(h: &mut Harness) {
    set_clock(h, "2026-04-02T10:00:00Z");
    h.key(KeyCode::Char('r'));
    let Screen::Register(state) = &h.app().screen else {
        panic!("register");
    };
    // By due date: chronologies (31 May) before fathers (30 June).
    assert_eq!(state.rows[0].id, CHRONO);
    h.key(KeyCode::Down);
    h.key(KeyCode::Char('u'));
    h.key(KeyCode::Right);
    h.key(KeyCode::Tab);
    h.type_text("Audit tool drafted");
    h.key(KeyCode::Enter);
}

/// June: a workshop that follows March, made through the form.
fn june_form(h: &mut Harness) {
    set_clock(h, "2026-06-15T09:00:00Z");
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('n'));
    h.type_text("June follow-up");
    // Framework, participants, facilitator, locality, to "Follows".
    h.keys(&[KeyCode::Tab; 5]);
    h.key(KeyCode::Right);
    let Screen::NewSession(form) = &h.app().screen else {
        panic!("form");
    };
    assert_eq!(form.follows.as_deref(), Some("2026-03-10-march"));
    h.keys(&[KeyCode::Tab, KeyCode::Tab]); // past next due to the items
    h.type_text("5.3");
    h.key(KeyCode::Enter);
    let Screen::NewSession(form) = &h.app().screen else {
        panic!("form");
    };
    assert_eq!(form.chosen, vec!["5.3".to_owned()]);
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
}

/// The review: chronologies done, fathers carried forward, each with a note.
fn review(h: &mut Harness) {
    let ws = h.app().workspace().expect("june open");
    assert!(ws.review.is_some(), "the review comes before phase 1");
    h.key(KeyCode::Tab);
    h.type_text("In every file audited");
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Tab);
    h.type_text("Half of assessments so far");
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char('c'));
    let ws = h.app().workspace().expect("june open");
    assert!(ws.review.is_none(), "every priority marked: on to phase 1");
}

fn run_cycle(width: u16, height: u16) -> Harness {
    let mut h = Harness::new(width, height);
    march(&h);
    april_update(&mut h);
    june_form(&mut h);
    review(&mut h);
    h
}

#[test]
fn the_cycle_through_the_screens_saves_every_step_in_the_right_file() {
    let mut h = run_cycle(80, 24);
    // Last time's level shows beside this time's, and a new level is agreed.
    assert!(
        h.screen().contains("last time: 2 weak, March 2026"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Char('4'));
    h.wait(2);

    let march = load(&h, "2026-03-10-march");
    let fathers = march
        .priorities
        .iter()
        .find(|p| p.id == FATHERS)
        .expect("fathers");
    let chrono = march
        .priorities
        .iter()
        .find(|p| p.id == CHRONO)
        .expect("chrono");
    assert_eq!(fathers.status, PriorityStatus::CarriedForward);
    let statuses: Vec<_> = fathers
        .log
        .iter()
        .map(|u| (u.date.to_string(), u.status))
        .collect();
    assert_eq!(
        statuses,
        vec![
            ("2026-04-02".into(), PriorityStatus::InProgress),
            ("2026-06-15".into(), PriorityStatus::CarriedForward),
        ]
    );
    assert_eq!(fathers.log[0].note, "Audit tool drafted");
    assert_eq!(chrono.status, PriorityStatus::Done);
    assert_eq!(chrono.done_on, Some("2026-06-15".parse().expect("date")));
    assert_eq!(chrono.log[0].note, "In every file audited");

    let june = load(&h, &june_id(&h));
    assert_eq!(june.follows.as_deref(), Some("2026-03-10-march"));
    assert_eq!(june.items[0].level, Some(4));
    assert_eq!(june.priorities.len(), 1, "linked, one new priority");
    let carried = &june.priorities[0];
    assert_eq!(carried.statement, "", "linked, not copied");
    assert_eq!(
        carried
            .carries
            .as_ref()
            .map(|r| (r.session.as_str(), r.action.as_str())),
        Some(("2026-03-10-march", FATHERS))
    );

    // The register: the carried priority with its whole log.
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('r'));
    let Screen::Register(state) = &h.app().screen else {
        panic!("register");
    };
    let row = state
        .rows
        .iter()
        .find(|r| r.id == carried.id)
        .expect("the carried priority is in the register");
    assert_eq!(row.text, "Fathers are seen in every assessment");
    assert_eq!(row.history.len(), 2, "its whole log, through the link");

    // The trends grid: both sessions' levels as number and word.
    h.key(KeyCode::Char('t'));
    let screen = h.screen();
    assert!(
        screen.contains("Mar 2026") && screen.contains("Jun 2026"),
        "{screen}"
    );
    assert!(
        screen.contains("2 weak") && screen.contains("4 good"),
        "{screen}"
    );
    assert!(screen.contains("never averaged"), "{screen}");

    // The command line reads the same files.
    let out = Command::cargo_bin("howgood")
        .expect("binary")
        .env("HOWGOOD_DATA_DIR", h.dir.path())
        .env("HOWGOOD_CONFIG_DIR", h.dir.path().join("config"))
        .args(["trends", "hmie-cp-2009", "--json"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let text = json.to_string();
    assert!(
        text.contains("2026-03-10-march") && text.contains(&june.id),
        "{text}"
    );
    let actions = Command::cargo_bin("howgood")
        .expect("binary")
        .env("HOWGOOD_DATA_DIR", h.dir.path())
        .env("HOWGOOD_CONFIG_DIR", h.dir.path().join("config"))
        .args(["actions", "--json"])
        .output()
        .expect("run");
    let actions: Value = serde_json::from_slice(&actions.stdout).expect("json");
    let text = actions.to_string();
    assert!(
        text.contains(&carried.id) && text.contains("Audit tool drafted"),
        "{text}"
    );
}

#[test]
fn register_filters_and_a_bad_date_is_refused_in_place() {
    let mut h = Harness::new(80, 24);
    march(&h);
    set_clock(&mut h, "2026-06-05T10:00:00Z");
    h.key(KeyCode::Char('r'));
    let today = h.app().today();
    let visible = |h: &Harness| match &h.app().screen {
        Screen::Register(s) => s
            .visible(today)
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>(),
        _ => panic!("register"),
    };
    assert_eq!(visible(&h).len(), 2);
    h.key(KeyCode::Char('w'));
    assert_eq!(visible(&h), vec![CHRONO.to_owned()], "overdue only");
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Char('o'));
    assert_eq!(visible(&h), vec![CHRONO.to_owned()], "owner: Audit lead");
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Char('i'));
    assert_eq!(visible(&h), vec![FATHERS.to_owned()], "item 5.3");
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Char('u'));
    h.key(KeyCode::BackTab);
    for _ in 0..10 {
        h.key(KeyCode::Backspace);
    }
    h.type_text("June 5th");
    h.key(KeyCode::Enter);
    let before = std::fs::read(h.runtime.store.path_of("2026-03-10-march")).expect("read");
    assert!(h.screen().contains("is not a date"), "{}", h.screen());
    assert_eq!(
        load(&h, "2026-03-10-march").priorities[1].log.len(),
        0,
        "nothing saved"
    );
    // Enter opens the owning session at that priority, in phase 3.
    h.key(KeyCode::Esc);
    h.key(KeyCode::Enter);
    let ws = h.app().workspace().expect("opened");
    assert_eq!(ws.session.id, "2026-03-10-march");
    assert_eq!(ws.phase(), Some(howgood::app::Phase::Can));
    let rows = howgood::app::rows::rows(&h.app().library, ws, false);
    assert_eq!(
        rows.get(ws.record_cursor),
        Some(&howgood::app::rows::Row::Text(
            howgood::app::fields::TextField::PriorityStatement(1)
        ))
    );
    drop(before);
}

#[test]
fn an_update_builds_on_an_edit_made_while_the_form_was_open() {
    let mut h = Harness::new(80, 24);
    march(&h);
    set_clock(&mut h, "2026-04-02T10:00:00Z");
    h.key(KeyCode::Char('r'));
    h.key(KeyCode::Char('u'));
    h.key(KeyCode::Right);
    // Someone else's edit lands while the form is open: the update opens
    // the file afresh, so it builds on that edit rather than losing it.
    let path = h.runtime.store.path_of("2026-03-10-march");
    let mut edited = load(&h, "2026-03-10-march");
    edited.title = "Edited elsewhere".into();
    write_atomic(&path, codec::encode(&edited).expect("encode").as_bytes()).expect("write");
    h.key(KeyCode::Enter);
    let now = load(&h, "2026-03-10-march");
    assert_eq!(now.title, "Edited elsewhere", "the other edit is kept");
    assert_eq!(now.priorities[1].log.len(), 1, "and the update is added");
}

mod snapshots {
    use super::*;

    fn snap(name: &str, h: &Harness) {
        insta::assert_snapshot!(name, h.screen());
    }

    #[test]
    fn register_review_and_trends_at_two_sizes() {
        for (width, height) in [(80, 24), (240, 67)] {
            let mut h = Harness::new(width, height);
            march(&h);
            april_update(&mut h);
            snap(&format!("register_{width}x{height}"), &h);
            h.key(KeyCode::Char('u'));
            snap(&format!("register_update_{width}x{height}"), &h);
            h.key(KeyCode::Esc);
            june_form(&mut h);
            snap(&format!("review_{width}x{height}"), &h);
            review(&mut h);
            h.key(KeyCode::Char('4'));
            h.wait(2);
            h.key(KeyCode::Esc);
            h.key(KeyCode::Char('t'));
            snap(&format!("trends_grid_{width}x{height}"), &h);
            h.key(KeyCode::Char('s'));
            snap(&format!("trends_spread_{width}x{height}"), &h);
            h.key(KeyCode::Char('b'));
            snap(&format!("trends_bars_{width}x{height}"), &h);
        }
    }
}
