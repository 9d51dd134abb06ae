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

/// A long reflection's result wraps inside the popup: its last words and
/// the marked one are on screen, not cut at the edge.
#[test]
fn a_long_result_wraps_instead_of_being_cut() {
    let note = "Supervision notes were behind again this week because the strategy meetings ran long and the chronologies for three families waited until Friday afternoon when everyone was tired";
    for (width, height) in [(80, 24), (160, 45)] {
        let mut h = Harness::new(width, height);
        write_day(&h, "2026-11-20-daily-a", note);
        h.runtime
            .dispatch_effect(howgood::app::action::Effect::LoadHome);
        h.key(Char('h'));
        h.key(Char('s'));
        h.type_text("chronologies");
        h.key(Enter);
        let screen = h.screen();
        assert!(screen.contains("[chronologies]"), "{screen}");
        assert!(screen.contains("Friday"), "the snippet's end: {screen}");
        insta::assert_snapshot!(format!("daily_search_long_result_{width}x{height}"), screen);
    }
}
