//! Issue 13, item 6: Module 5 measures broken in the published document
//! keep their printed words, carry a note, and are marked on screen; the
//! Report Book tip is checked against the seed.

mod common;

use common::Harness;
use howgood::app::reference::{self, Tab};
use howgood::content::model::Block;
use howgood::session::model::SessionKind;
use ratatui::crossterm::event::KeyCode::{Char, Tab as TabKey};

#[test]
fn a_measure_broken_in_the_source_is_marked_in_the_walk() {
    for (w, hgt) in [(80, 24), (240, 67)] {
        let session = common::session(
            "2026-11-24-workforce-0001",
            SessionKind::Workshop,
            "Workforce",
            "lscb-qaf",
            &["workforce"],
        );
        let mut h = Harness::new(w, hgt);
        h.open_session(&session);
        h.keys(&[Char(']'), Char(']'), TabKey, Char('t')]);
        let ws = h.app().workspace().expect("open");
        assert_eq!(
            reference::current_tab(&h.app().library, ws),
            Some(Tab::Measures)
        );
        let entries = reference::entries(&h.app().library, ws, w > 100);
        let wte = entries
            .iter()
            .position(|e| e.text == "Number of Whole Time Equivalent (WTE) posts:")
            .expect("the printed words are shown as printed");
        let tag = entries[wte].tag.as_deref().unwrap_or("");
        assert!(tag.contains("⚠ broken in the source"), "{tag}");
        // The note on what is broken stands under it.
        assert!(
            entries[wte + 1].text.contains("list of posts"),
            "{:?}",
            entries[wte + 1]
        );
        let whole = entries
            .iter()
            .find(|e| e.text.starts_with("Number of staff in post"))
            .expect("a whole measure");
        assert!(!whole.tag.as_deref().unwrap_or("").contains("broken"));
        let screen = h.screen();
        assert!(screen.contains("⚠ broken in the"), "{screen}");
        insta::assert_snapshot!(format!("workforce_measures_{w}x{hgt}"), screen);
    }
}

#[test]
fn the_report_book_list_item_is_transcribed_as_the_seed_prints_it() {
    // The seed prints "- The story explaining the information", a blank
    // line, then " the analysis." with no dash between them (the item
    // before it has "information – with"). Checked, so nothing is added.
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/seeds/002_3cf0af86d46e0f6b.txt"
    ))
    .expect("seed");
    let at = seed
        .find("- The story explaining the information")
        .expect("in the seed");
    let tail = &seed[at..at + 60];
    assert!(tail.contains("information\n\n the analysis."), "{tail:?}");
    assert!(!tail.contains('–') && !tail.contains('—'), "{tail:?}");
    let library = common::library();
    let content = library
        .framework("lscb-qaf")
        .and_then(|f| f.content.as_ref())
        .expect("content");
    let items: Vec<&String> = content
        .tips
        .iter()
        .flat_map(|t| &t.body)
        .filter_map(|b| match b {
            Block::List(items) => Some(items),
            Block::Paragraph(_) => None,
        })
        .flatten()
        .collect();
    assert!(
        items
            .iter()
            .any(|i| *i == "The story explaining the information the analysis.")
    );
}

#[test]
fn the_find_palette_marks_a_measure_broken_in_the_source_first() {
    let mut h = Harness::new(80, 24);
    h.key(Char('/'));
    h.type_text("Whole Time Equivalent");
    let Some(howgood::app::Overlay::Palette(palette)) = &h.app().overlay else {
        panic!("the palette is open");
    };
    let entry = palette.selected().expect("found");
    assert!(
        entry
            .text
            .starts_with("⚠ broken in the source: Number of Whole Time"),
        "{entry:?}"
    );
    // Shown at 80 columns, the mark is not cut off.
    assert!(
        h.screen().contains("⚠ broken in the source"),
        "{}",
        h.screen()
    );
}
