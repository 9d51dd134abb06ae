//! New ids come from the app's own id source, so `update` is pure: the same
//! state and action give the same session id.

mod common;

use common::Harness;
use howgood::app::Screen;
use howgood::session::ids::IdSource;
use ratatui::crossterm::event::KeyCode;

fn daily_id(seed: u64) -> String {
    let mut h = Harness::new(80, 24);
    h.runtime.app.ids = IdSource::seeded(seed);
    h.key(KeyCode::Char('d'));
    match &h.app().screen {
        Screen::Session(ws) => ws.session.id.clone(),
        _ => panic!("the daily review opened"),
    }
}

#[test]
fn the_same_seed_gives_the_same_id_and_another_seed_another() {
    assert_eq!(daily_id(7), daily_id(7));
    assert_ne!(daily_id(7), daily_id(8));
    assert!(daily_id(7).starts_with("2026-11-24-daily-review-"));
}

#[test]
fn suffixes_do_not_repeat_soon() {
    let mut ids = IdSource::seeded(1);
    let drawn: std::collections::BTreeSet<u16> = (0..200).map(|_| ids.next_suffix()).collect();
    assert!(drawn.len() > 190, "{} distinct of 200", drawn.len());
}
