//! Issue 12, item 10: a search key in the daily history, through the key
//! map, finding words in every past reflection.

mod common;

use common::Harness;
use howgood::app::Overlay;
use ratatui::crossterm::event::KeyCode::{Char, Enter, Esc};

fn write_day(h: &Harness, id: &str, note: &str) {
    h.write_session(&common::daily_with_reflection(id, note));
}

#[test]
fn s_in_history_searches_every_past_reflection() {
    let mut h = Harness::new(100, 30);
    write_day(&h, "2026-11-20-daily-a", "Chronologies were missing again");
    write_day(&h, "2026-11-21-daily-b", "A good strategy meeting");
    h.runtime
        .dispatch_effect(howgood::app::action::Effect::LoadHome);
    h.key(Char('h'));
    assert!(
        h.screen().contains("s search"),
        "the footer names it: {}",
        h.screen()
    );
    h.key(Char('s'));
    h.type_text("chronologies");
    h.key(Enter);
    let Some(Overlay::Reader { title, text, .. }) = &h.app().overlay else {
        panic!("results: {}", h.screen());
    };
    assert!(title.contains("1 match"), "{title}");
    assert!(text.contains("[Chronologies]"), "{text}");
    assert!(!text.contains("strategy"), "{text}");
    h.key(Esc);

    // Nothing found is said, not shown as an empty page.
    h.key(Char('s'));
    h.type_text("nowhere");
    h.key(Enter);
    let screen = h.screen();
    assert!(
        screen.contains("Nothing found in the daily reviews"),
        "{screen}"
    );
}
