//! The trends screen reads one window of sessions at a time: the newest
//! that fit, PgUp to earlier ones and PgDn back, the heading saying which;
//! a locality is chosen in the index's answer, not by reading every level.

mod common;
use common::{Harness, at, record};
use howgood::app::Screen;
use howgood::session::model::{ScaleChoice, Session, SessionKind};
use ratatui::crossterm::event::KeyCode;

/// Thirty monthly workshops from January 2024, alternately North and
/// South, each agreeing a level for 5.3.
fn thirty_months(h: &Harness) {
    for n in 0..30u8 {
        let (year, month) = (2024 + i32::from(n / 12), n % 12 + 1);
        let mut s = Session::new(
            format!("w{n:02}"),
            SessionKind::Workshop,
            format!("Workshop {n}"),
            "hmie-cp-2009".into(),
            ScaleChoice::Framework,
            at(&format!("{year}-{month:02}-10T09:00:00Z")),
        );
        s.locality = Some(if n % 2 == 0 { "North" } else { "South" }.into());
        s.items = vec![record("5.3", n % 6 + 1, &[])];
        h.write_session(&s);
    }
}

fn shown_titles(h: &Harness) -> Vec<String> {
    let Screen::Trends(state) = &h.app().screen else {
        panic!("not on the trends screen");
    };
    state
        .sessions()
        .iter()
        .map(|p| p.session_title.clone())
        .collect()
}

#[test]
fn pages_move_through_the_sessions_and_stop_at_either_end() {
    let mut h = Harness::new(80, 24);
    thirty_months(&h);
    h.key(KeyCode::Char('t'));
    let screen = h.screen();
    assert!(
        screen.contains("Jun 2026"),
        "the newest is shown:\n{screen}"
    );
    assert!(!screen.contains("Jan 2024"), "the oldest is not:\n{screen}");
    let newest = shown_titles(&h);
    assert_eq!(newest.last().map(String::as_str), Some("Workshop 29"));
    assert!(newest.len() < 30, "one window, not every session");

    h.key(KeyCode::PageDown);
    assert_eq!(shown_titles(&h), newest, "nothing later than the newest");
    h.key(KeyCode::PageUp);
    let earlier = shown_titles(&h);
    assert_ne!(earlier, newest);
    assert!(
        h.screen().contains("back of 30 · PgUp/PgDn"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::PageDown);
    assert_eq!(shown_titles(&h), newest, "PgDn comes back");

    for _ in 0..20 {
        h.key(KeyCode::PageUp);
    }
    let screen = h.screen();
    assert!(
        screen.contains("Jan 2024"),
        "the oldest is reached:\n{screen}"
    );
    assert!(!shown_titles(&h).is_empty(), "and never a window past it");
}

#[test]
fn a_locality_is_chosen_in_the_answer_and_the_window_starts_again() {
    let mut h = Harness::new(80, 24);
    thirty_months(&h);
    h.key(KeyCode::Char('t'));
    h.key(KeyCode::PageUp);
    h.key(KeyCode::Char('l'));
    let screen = h.screen();
    let Screen::Trends(state) = &h.app().screen else {
        panic!("not on the trends screen");
    };
    assert_eq!(state.locality.as_deref(), Some("North"));
    assert!(screen.contains("newest 4 of 15"), "{screen}");
    let titles = shown_titles(&h);
    assert_eq!(titles.last().map(String::as_str), Some("Workshop 28"));
    assert!(
        titles
            .iter()
            .all(|t| t.trim_start_matches("Workshop ").parse::<u8>().expect("n") % 2 == 0),
        "only North's sessions: {titles:?}"
    );
}

#[test]
fn the_window_at_two_sizes() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut h = Harness::new(width, height);
        thirty_months(&h);
        h.key(KeyCode::Char('t'));
        h.key(KeyCode::PageUp);
        insta::assert_snapshot!(format!("trends_earlier_{width}x{height}"), h.screen());
        h.resize(width, height + 10);
        let Screen::Trends(state) = &h.app().screen else {
            panic!("not on the trends screen");
        };
        assert_eq!(
            state.counts().1,
            howgood::app::view::trends_shown((width, height), state.view)
        );
    }
}
