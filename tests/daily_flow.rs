//! The daily twenty minutes: a question a day in rotation, a reflection, a
//! small action, and a history to look back on.

mod common;

use common::Harness;
use howgood::app::{Overlay, Screen};
use howgood::session::model::SessionKind;
use jiff::SignedDuration;
use ratatui::crossterm::event::KeyCode::{self, Char, Down, Enter, Esc};

fn daily_sessions(h: &Harness) -> Vec<howgood::session::model::Session> {
    h.sessions()
        .into_iter()
        .filter(|s| s.kind == SessionKind::DailyReview)
        .collect()
}

/// Start today's review from home, write a reflection, finish.
fn one_day(h: &mut Harness, reflection: &str) -> String {
    h.key(Char('d'));
    let question = match &h.app().screen {
        Screen::Session(ws) => ws.session.items[0]
            .questions
            .last()
            .expect("a question")
            .question
            .clone(),
        _ => panic!("the daily review opens"),
    };
    h.key(Down); // to the reflection
    h.key(Enter);
    h.type_text(reflection);
    h.key(Esc);
    h.key(Char('F'));
    assert!(matches!(h.app().screen, Screen::History { .. }));
    h.key(Esc);
    question
}

fn next_day(h: &mut Harness) {
    h.runtime.app.now += SignedDuration::from_hours(24);
}

#[test]
fn a_daily_review_counts_down_offers_a_question_and_keeps_the_reflection() {
    let mut h = Harness::new(80, 24);
    h.key(Char('d'));
    let screen = h.screen();
    assert!(screen.contains("Your daily twenty minutes"), "{screen}");
    assert!(screen.contains("Question of the day"), "{screen}");
    let Screen::Session(ws) = &h.app().screen else {
        panic!("open")
    };
    assert_eq!(ws.timer.display(h.app().now), "20:00");

    // Pause, then go on.
    h.key(Char(' '));
    h.wait(300);
    let Screen::Session(ws) = &h.app().screen else {
        panic!("open")
    };
    assert_eq!(ws.timer.display(h.app().now), "20:00", "paused");
    h.key(Char(' '));
    h.wait(300);
    let Screen::Session(ws) = &h.app().screen else {
        panic!("open")
    };
    assert_eq!(ws.timer.display(h.app().now), "15:00");

    // Another question is one key away; an unanswered one gives way.
    let first = ws.session.items[0].questions[0].question.clone();
    h.key(Char('a'));
    let Screen::Session(ws) = &h.app().screen else {
        panic!("open")
    };
    assert_eq!(ws.session.items[0].questions.len(), 1);
    assert_ne!(ws.session.items[0].questions[0].question, first);

    // A reflection and one small action with a date.
    h.key(Down);
    h.key(Enter);
    h.type_text("I rushed two supervisions this week");
    h.key(Esc);
    h.key(Down);
    h.key(Enter); // add the action
    h.type_text("Book protected time on Fridays");
    h.key(Esc);
    h.key(Down);
    h.key(Enter);
    h.type_text("2026-11-27");
    h.key(Enter);
    h.key(Char('F'));

    let saved = daily_sessions(&h);
    assert_eq!(saved.len(), 1, "one small session file for the day");
    let review = &saved[0];
    assert_eq!(review.framework, "lscb-qaf");
    let question = review.items[0].questions.last().expect("question");
    assert_eq!(question.note, "I rushed two supervisions this week");
    assert!(question.discussed, "finished");
    assert_eq!(
        review.priorities[0].statement,
        "Book protected time on Fridays"
    );
    assert_eq!(
        review.priorities[0].deadline,
        Some("2026-11-27".parse().expect("date"))
    );

    // The history lists it by date with its question and reflection.
    let screen = h.screen();
    assert!(screen.contains("Tue 24 Nov 2026"), "{screen}");
    assert!(
        screen.contains("I rushed two supervisions this week"),
        "{screen}"
    );

    // Coming back the same day continues the same review.
    h.key(Esc);
    h.key(Char('d'));
    assert_eq!(daily_sessions(&h).len(), 1);
    let Screen::Session(ws) = &h.app().screen else {
        panic!("open")
    };
    assert_eq!(ws.session.id, review.id);
}

#[test]
fn questions_rotate_without_repeats_across_days_within_the_focus_areas() {
    let mut h = Harness::new(100, 30);
    // Choose one focus area: supervision and support (9 questions).
    h.key(Char('h'));
    h.key(Char('c'));
    let areas = howgood::app::update::focus_areas(h.app());
    let at = areas
        .iter()
        .position(|a| a == "supervision-and-support")
        .expect("area");
    for _ in 0..at {
        h.key(Down);
    }
    h.key(Char(' '));
    h.key(Enter);
    assert!(h.app().overlay.is_none());
    assert_eq!(
        h.app().settings.daily.focus_areas,
        ["supervision-and-support"]
    );
    h.key(Esc);

    let mut asked = Vec::new();
    for day in 0..9 {
        asked.push(one_day(&mut h, &format!("day {day}")));
        next_day(&mut h);
    }
    let lscb = common::library();
    let content = lscb
        .framework("lscb-qaf")
        .and_then(|f| f.content.as_ref())
        .expect("lscb");
    let pool: Vec<&str> = content
        .questions
        .iter()
        .filter(|q| q.area == "supervision-and-support")
        .map(|q| q.text.as_str())
        .collect();
    let mut sorted = asked.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        9,
        "no question repeated before all nine were offered"
    );
    assert!(
        asked.iter().all(|q| pool.contains(&q.as_str())),
        "only the focus area's questions"
    );
    // The tenth day starts a new round.
    let tenth = one_day(&mut h, "day 9");
    assert_eq!(tenth, asked[0]);

    // The settings file keeps the focus and the round for next time.
    let kept = howgood::settings::load(&h.dir.path().join("settings.ron")).expect("settings saved");
    assert_eq!(kept.daily.focus_areas, ["supervision-and-support"]);
    assert_eq!(kept.daily.offered.len(), 1);
}

#[test]
fn the_history_shows_a_streak_without_nagging() {
    let mut h = Harness::new(80, 24);
    for day in 0..3 {
        one_day(&mut h, &format!("reflection {day}"));
        next_day(&mut h);
    }
    h.key(Char('h'));
    let screen = h.screen();
    assert!(
        screen.contains("3 daily reviews · 3 days in a row"),
        "{screen}"
    );
    insta::assert_snapshot!("history_80x24", screen);
}

#[test]
fn daily_review_screens() {
    for (w, hgt) in [(80, 24), (160, 45)] {
        let mut h = Harness::new(w, hgt);
        h.key(Char('d'));
        h.wait(65);
        insta::assert_snapshot!(format!("daily_{w}x{hgt}"), h.screen());
    }
    let _ = (KeyCode::Null, Overlay::Help { scroll: 0 });
}
