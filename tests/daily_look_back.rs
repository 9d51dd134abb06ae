//! Issue 12, items 8 to 10: free writing and #tags; a daily review's small
//! action marked done from home and from the history (saved into that
//! day's file, seen in the register); 'on this day' a year ago; and the
//! history over several days as a snapshot.

mod common;

use assert_cmd::Command;
use common::Harness;
use howgood::app::Screen;
use howgood::session::model::{PriorityStatus, Session, SessionKind};
use jiff::SignedDuration;
use ratatui::crossterm::event::KeyCode::{Char, Down, Enter, Esc};

fn daily_sessions(h: &Harness) -> Vec<Session> {
    let mut found: Vec<Session> = h
        .sessions()
        .into_iter()
        .filter(|s| s.kind == SessionKind::DailyReview)
        .collect();
    found.sort_by_key(|s| s.created);
    found
}

/// Write a reflection for the question on screen.
fn reflect(h: &mut Harness, text: &str) {
    h.key(Down);
    h.key(Enter);
    h.type_text(text);
    h.key(Esc);
}

/// Today's review with a reflection and a small action due on `date`,
/// finished; ends on the history.
fn day_with_action(h: &mut Harness, reflection: &str, action: &str, date: &str) {
    h.key(Char('d'));
    reflect(h, reflection);
    h.key(Down);
    h.key(Enter); // add the action
    h.type_text(action);
    h.key(Esc);
    h.key(Down);
    h.key(Enter);
    h.type_text(date);
    h.key(Enter);
    h.key(Char('F'));
}

fn next_day(h: &mut Harness) {
    h.runtime.app.now += SignedDuration::from_hours(24);
}

fn action_of(h: &Harness, statement: &str) -> howgood::session::model::Priority {
    daily_sessions(h)
        .into_iter()
        .flat_map(|s| s.priorities)
        .find(|p| p.statement == statement)
        .expect("the action is saved")
}

fn register(h: &Harness) -> String {
    let out = Command::cargo_bin("howgood")
        .expect("binary")
        .env("HOWGOOD_DATA_DIR", h.dir.path())
        .env("HOWGOOD_CONFIG_DIR", h.dir.path().join("config"))
        .arg("actions")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

fn register_row(register: &str, statement: &str) -> String {
    register
        .lines()
        .find(|l| l.contains(statement))
        .unwrap_or_else(|| panic!("{statement} in the register: {register}"))
        .to_owned()
}

#[test]
fn x_on_home_marks_the_soonest_daily_action_done_in_its_file() {
    let mut h = Harness::new(100, 30);
    day_with_action(
        &mut h,
        "Supervision notes behind",
        "Catch up two supervision records",
        "2026-11-27",
    );
    h.key(Esc);
    assert!(matches!(h.app().screen, Screen::Home));
    let row = register_row(&register(&h), "Catch up two supervision records");
    assert!(row.contains("not started"), "{row}");
    let screen = h.screen();
    assert!(
        screen.contains("marks it done)"),
        "home says which key: {screen}"
    );

    h.key(Char('x'));
    let action = action_of(&h, "Catch up two supervision records");
    assert_eq!(action.status, PriorityStatus::Done);
    assert_eq!(action.done_on, Some("2026-11-24".parse().expect("date")));
    assert!(
        h.app().home.data.due.is_empty(),
        "gone from due soon: {:?}",
        h.app().home.data.due
    );
    let row = register_row(&register(&h), "Catch up two supervision records");
    assert!(row.contains("done"), "the register sees it: {row}");
    // Said by the day it belongs to: neither its id nor its words.
    let screen = h.screen();
    assert!(
        screen.contains("The daily action from Tue 24 Nov is done."),
        "{screen}"
    );
    assert!(!screen.contains(&action.id), "no internal id: {screen}");

    // Nothing left to mark: said, and nothing is written.
    h.key(Char('x'));
    assert!(h.screen().contains("No daily action is due soon"));
}

#[test]
fn x_in_history_marks_the_chosen_days_action_done() {
    let mut h = Harness::new(100, 30);
    day_with_action(
        &mut h,
        "Chronologies late",
        "Update two chronologies",
        "2026-11-30",
    );
    h.key(Esc);
    next_day(&mut h);
    day_with_action(
        &mut h,
        "Visits on time",
        "Ring the health visitor",
        "2026-12-01",
    );
    assert!(matches!(h.app().screen, Screen::History { .. }));
    assert!(
        h.screen().contains("x action done"),
        "the footer names it: {}",
        h.screen()
    );
    // The older day, second in the list.
    h.key(Down);
    h.key(Char('x'));
    assert_eq!(
        action_of(&h, "Update two chronologies").status,
        PriorityStatus::Done
    );
    assert_eq!(
        action_of(&h, "Ring the health visitor").status,
        PriorityStatus::NotStarted,
        "only the chosen day's"
    );
    let screen = h.screen();
    assert!(
        screen.contains("Action: Update two chronologies (done)"),
        "{screen}"
    );
    assert!(
        screen.contains("The daily action from Tue 24 Nov is done."),
        "named by its day: {screen}"
    );
    let id = action_of(&h, "Update two chronologies").id;
    assert!(!screen.contains(&id), "no internal id: {screen}");
    assert!(
        !screen.contains("Ring the health visitor (done)"),
        "{screen}"
    );
    let csv = register(&h);
    assert!(register_row(&csv, "Update two chronologies").contains("done"));
    assert!(register_row(&csv, "Ring the health visitor").contains("not started"));

    // Done already: said, not written again.
    h.key(Char('x'));
    assert!(h.screen().contains("no open action"), "{}", h.screen());
    assert_eq!(action_of(&h, "Update two chronologies").log.len(), 1);
}

/// Three days, the middle one with two questions, one action done.
#[test]
fn history_over_several_days_snapshots() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut h = Harness::new(width, height);
        day_with_action(
            &mut h,
            "Chronologies late",
            "Update two chronologies",
            "2026-11-30",
        );
        h.key(Esc);
        next_day(&mut h);
        h.key(Char('d'));
        reflect(&mut h, "Two supervisions rushed this week");
        h.key(Char('a'));
        reflect(&mut h, "Case notes lag behind visits");
        h.key(Char('F'));
        h.key(Esc);
        next_day(&mut h);
        h.key(Char('d'));
        reflect(&mut h, "A calm day: the strategy meeting went well");
        h.key(Char('F'));
        h.keys(&[Down, Down]);
        h.key(Char('x'));
        h.keys(&[Char('g')]);
        insta::assert_snapshot!(
            format!("daily_history_several_days_{width}x{height}"),
            h.screen()
        );
    }
}

/// A daily review written on `when` with one reflection.
fn past_day(h: &Harness, id: &str, when: &str, note: &str) {
    let mut day = common::daily_with_reflection(id, note);
    day.created = common::at(when);
    day.updated = common::at(when);
    h.write_session(&day);
}

#[test]
fn on_this_day_a_year_ago_is_a_line_in_the_history_and_o_opens_it() {
    let mut h = Harness::new(100, 30);
    past_day(
        &h,
        "2025-11-23-daily",
        "2025-11-23T08:00:00Z",
        "The day before",
    );
    past_day(
        &h,
        "2025-11-24-daily",
        "2025-11-24T08:00:00Z",
        "Thresholds unclear to new staff",
    );
    h.runtime
        .dispatch_effect(howgood::app::action::Effect::LoadHome);
    h.key(Char('h'));
    let screen = h.screen();
    assert!(
        screen.contains(
            "On this day a year ago, Mon 24 Nov 2025: Thresholds unclear to new staff  (o opens it)"
        ),
        "{screen}"
    );
    h.key(Char('o'));
    match &h.app().screen {
        Screen::Session(ws) => assert_eq!(ws.session.id, "2025-11-24-daily"),
        _ => panic!("the year-ago day is open: {}", h.screen()),
    }
    assert!(
        h.screen().contains("a past day"),
        "read-only, as a past day"
    );

    // A day later on the injected clock, the line follows the date.
    h.key(Esc);
    next_day(&mut h);
    h.runtime
        .dispatch_effect(howgood::app::action::Effect::LoadHome);
    h.key(Char('h'));
    let screen = h.screen();
    assert!(!screen.contains("On this day a year ago"), "{screen}");
    h.key(Char('o'));
    assert!(
        h.screen()
            .contains("No daily review on this date a year ago"),
        "{}",
        h.screen()
    );
}

#[test]
fn free_writing_and_tags_are_kept_shown_and_found() {
    let mut h = Harness::new(100, 30);
    h.key(Char('d'));
    reflect(&mut h, "Thresholds again #thresholds");
    h.key(Char('w'));
    assert!(h.screen().contains("Free writing"), "{}", h.screen());
    h.key(Enter);
    h.type_text("Felt stretched after the strategy meeting #Workload #supervision");
    h.key(Esc);
    // w again goes back to the same entry: one free writing a day.
    h.key(Char('w'));
    h.key(Char('F'));
    let day = &daily_sessions(&h)[0];
    let free: Vec<_> = day.items[0]
        .questions
        .iter()
        .filter(|q| q.area == "free-writing")
        .collect();
    assert_eq!(free.len(), 1);
    assert_eq!(free[0].question, "");
    assert_eq!(
        free[0].note,
        "Felt stretched after the strategy meeting #Workload #supervision"
    );

    let screen = h.screen();
    assert!(screen.contains("Free writing"), "{screen}");
    assert!(
        screen.contains("Tags: #thresholds #workload #supervision"),
        "{screen}"
    );

    // Found by the history's search...
    h.key(Char('s'));
    h.type_text("#workload");
    h.key(Enter);
    let Some(howgood::app::Overlay::Reader { title, .. }) = &h.app().overlay else {
        panic!("results: {}", h.screen());
    };
    assert!(title.contains("1 match"), "{title}");
    h.key(Esc);
    // ...and by `howgood daily --search`.
    let out = Command::cargo_bin("howgood")
        .expect("binary")
        .env("HOWGOOD_DATA_DIR", h.dir.path())
        .env("HOWGOOD_CONFIG_DIR", h.dir.path().join("config"))
        .args(["daily", "--search", "workload"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.contains("Felt stretched"), "{out}");
}

/// Three days, each with a small action: 25 Nov (overdue by the third
/// day), 27 Nov and 30 Nov; ends on home on 26 Nov.
fn three_actions_due(width: u16, height: u16) -> Harness {
    let mut h = Harness::new(width, height);
    for (reflection, action, date) in [
        ("Chronologies late", "Update two chronologies", "2026-11-25"),
        ("Visits on time", "Ring the health visitor", "2026-11-27"),
        ("Notes behind", "Catch up two records", "2026-11-30"),
    ] {
        day_with_action(&mut h, reflection, action, date);
        h.key(Esc);
        next_day(&mut h);
    }
    h.runtime.app.now -= SignedDuration::from_hours(24);
    h.key(Esc);
    assert!(matches!(h.app().screen, Screen::Home));
    h
}

#[test]
fn x_on_home_with_several_daily_actions_asks_which_is_done() {
    let mut h = three_actions_due(100, 30);
    assert!(
        h.screen().contains("(x: choose"),
        "home says the key: {}",
        h.screen()
    );
    h.key(Char('x'));
    let screen = h.screen();
    assert!(screen.contains("Which daily action is done?"), "{screen}");
    for line in [
        "OVERDUE 2026-11-25 · Update two chronologies",
        "due 2026-11-27 · Ring the health visitor",
        "due 2026-11-30 · Catch up two records",
    ] {
        assert!(screen.contains(line), "{line}: {screen}");
    }
    assert!(screen.contains("Enter mark done"), "the footer: {screen}");

    // Esc leaves every one as it was.
    h.key(Esc);
    assert!(h.app().overlay.is_none());
    for statement in [
        "Update two chronologies",
        "Ring the health visitor",
        "Catch up two records",
    ] {
        assert_eq!(action_of(&h, statement).status, PriorityStatus::NotStarted);
    }

    // The second is chosen and marked done in its own day's file only.
    h.key(Char('x'));
    h.key(Down);
    h.key(Enter);
    let done = action_of(&h, "Ring the health visitor");
    assert_eq!(done.status, PriorityStatus::Done);
    assert_eq!(done.done_on, Some("2026-11-26".parse().expect("date")));
    for statement in ["Update two chronologies", "Catch up two records"] {
        assert_eq!(action_of(&h, statement).status, PriorityStatus::NotStarted);
    }
    let row = register_row(&register(&h), "Ring the health visitor");
    assert!(row.contains("done"), "the register sees it: {row}");

    // Two left: asked again; the later of them.
    h.key(Char('x'));
    assert!(
        !h.screen().contains("Ring the health visitor"),
        "{}",
        h.screen()
    );
    h.keys(&[Down, Down]);
    h.key(Enter);
    assert_eq!(
        action_of(&h, "Catch up two records").status,
        PriorityStatus::Done
    );
    // One left: x marks it, as before, without asking.
    assert!(h.screen().contains("(x marks"), "{}", h.screen());
    h.key(Char('x'));
    assert!(h.app().overlay.is_none());
    assert_eq!(
        action_of(&h, "Update two chronologies").status,
        PriorityStatus::Done
    );
}

#[test]
fn choosing_a_daily_action_on_screen() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut h = three_actions_due(width, height);
        h.key(Char('x'));
        h.key(Down);
        insta::assert_snapshot!(format!("daily_action_picker_{width}x{height}"), h.screen());
    }
}

/// Home just after `x`: the status line names the action by its day.
#[test]
fn home_after_x_names_the_day_snapshots() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut h = Harness::new(width, height);
        day_with_action(
            &mut h,
            "Supervision notes behind",
            "Catch up two supervision records",
            "2026-11-27",
        );
        h.key(Esc);
        h.key(Char('x'));
        insta::assert_snapshot!(format!("home_after_x_{width}x{height}"), h.screen());
    }
}
