//! The measures screens through the runtime on a TestBackend: a Module 5
//! measure tracked from the find palette, eight quarters recorded on
//! screen, a Turning the Curve worksheet whose adopted proposal shows in
//! `howgood actions --json` linked to the measure; snapshots of the list
//! and the chart at two sizes, and with NO_COLOR.

mod common;

use assert_cmd::Command;
use common::Harness;
use howgood::app::{Overlay, Screen};
use howgood::measures::file::{measures_dir, read};
use howgood::measures::model::MeasureRegister;
use ratatui::crossterm::event::KeyCode::{Char, Down, Enter, Esc};
use ratatui::crossterm::event::KeyModifiers;

const CP_AGAIN: &str =
    "% of children subject to CP plan who had previously been subject to a CP plan.";

/// (period, numerator, denominator): eight quarters, worse then better.
const QUARTERS: [(&str, u32, u32); 8] = [
    ("2024-Q4", 6, 40),
    ("2025-Q1", 7, 42),
    ("2025-Q2", 9, 41),
    ("2025-Q3", 10, 44),
    ("2025-Q4", 11, 43),
    ("2026-Q1", 9, 45),
    ("2026-Q2", 8, 46),
    ("2026-Q3", 7, 44),
];

fn register(h: &Harness) -> MeasureRegister {
    read(&measures_dir(h.dir.path())).expect("the register reads")
}

/// Find `text` among Module 5's measures in the palette and track it
/// with Ctrl-T.
fn track_from_palette(h: &mut Harness, query: &str, text: &str) {
    h.key(Char('/'));
    h.type_text(query);
    for _ in 0..60 {
        let Some(Overlay::Palette(palette)) = &h.app().overlay else {
            panic!("the palette is open");
        };
        let entry = palette.selected().expect("a result");
        // A measure broken in the source is listed with its mark before it.
        if entry.text == text || entry.text.ends_with(&format!(": {text}")) {
            break;
        }
        h.key(Down);
    }
    h.key_with(Char('t'), KeyModifiers::CONTROL);
}

fn record(h: &mut Harness, period: &str, numerator: u32, denominator: u32, note: &str) {
    h.key(Char('v'));
    assert!(matches!(h.app().overlay, Some(Overlay::Ask(_))), "v asks");
    h.type_text(&format!(
        "{period}\n{numerator}\n{denominator}\nnational 17; target 12\n{note}\n"
    ));
}

/// Track CP_AGAIN from the palette and record eight quarters on screen;
/// leaves the chart open.
fn tracked_with_eight_quarters(width: u16, height: u16) -> Harness {
    let mut h = Harness::new(width, height);
    track_from_palette(&mut h, "previously been subject to a CP plan", CP_AGAIN);
    let reg = register(&h);
    assert_eq!(reg.measures.len(), 1, "tracked and saved at once");
    assert_eq!(reg.measures[0].title, CP_AGAIN);
    assert!(reg.measures[0].module5.is_some());
    h.key(Char('m'));
    assert!(matches!(h.app().screen, Screen::Measures));
    assert!(
        h.screen()
            .contains("% of children subject to CP plan who had"),
        "{}",
        h.screen()
    );
    h.key(Enter);
    // A repeat plan is worse: lower is better for this measure.
    h.key(Char('d'));
    for (i, (period, n, d)) in QUARTERS.iter().enumerate() {
        let note = if i == 4 { "staffing gaps" } else { "" };
        record(&mut h, period, *n, *d, note);
    }
    h
}

#[test]
fn track_record_eight_quarters_turn_the_curve_and_adopt_a_priority() {
    let mut h = tracked_with_eight_quarters(80, 24);
    let reg = register(&h);
    let m = &reg.measures[0];
    assert_eq!(m.values.len(), 8, "eight quarters saved");
    assert_eq!(m.values[4].note, "staffing gaps");
    assert_eq!(m.values[4].comparators.len(), 2);
    assert_eq!(m.better, howgood::measures::model::Better::Lower);
    let screen = h.screen();
    assert!(screen.contains("15.9% (7 of 44)"), "both figures: {screen}");

    // A value for a period already recorded is refused, not replaced.
    record(&mut h, "2026-Q3", 1, 2, "");
    assert!(
        h.app()
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("already has a value")
    );
    assert_eq!(
        register(&h).measures[0].values[7].figure.amount(),
        700.0 / 44.0
    );

    // Turning the Curve: a worksheet, every step, one proposal adopted.
    h.key(Char('c'));
    h.key(Char('N'));
    h.key(Enter);
    h.type_text("Up from 15% to 25%, now back to 16%\n");
    h.key(Char(']'));
    h.key(Enter);
    h.type_text("Plans ended before change was secure\n");
    h.key(Char(']'));
    h.key(Enter);
    h.type_text("Health visiting\nCore group attendance\n");
    h.key(Char(']'));
    h.key(Enter);
    h.type_text("Step-down to early help\nLocal audit 2025\n");
    h.key(Char(']'));
    h.key(Enter);
    h.type_text("Review every plan ended within six months\n");
    h.key(Char('o'));
    // The owner field starts from the measure's owner (empty here).
    h.type_text("Child protection chair\n2027-03-31\n");
    let screen = h.screen();
    assert!(screen.contains("ADOPTED as a priority"), "{screen}");

    let reg = register(&h);
    let sheet = &reg.measures[0].worksheets[0];
    assert_eq!(sheet.partners[0].name, "Health visiting");
    assert_eq!(sheet.what_works[0].evidence, "Local audit 2025");
    assert_eq!(sheet.priorities.len(), 1);
    let priority_id = sheet.priorities[0].id.to_string();

    let out = Command::cargo_bin("howgood")
        .expect("binary")
        .env("HOWGOOD_DATA_DIR", h.dir.path())
        .env("HOWGOOD_CONFIG_DIR", h.dir.path().join("config"))
        .args(["actions", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let actions: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let row = actions
        .as_array()
        .expect("a list")
        .iter()
        .find(|a| a["id"] == priority_id.as_str())
        .expect("the adopted priority is in the register");
    assert_eq!(row["measure"]["id"], reg.measures[0].id.as_str());
    assert_eq!(row["owner"], "Child protection chair");
    assert_eq!(row["due"], "2027-03-31");
    assert_eq!(row["text"], "Review every plan ended within six months");
}

#[test]
fn a_measure_damaged_in_the_source_asks_for_its_title_first() {
    let library = common::library();
    let (_, damaged) = howgood::content::module5::measures(&library)
        .into_iter()
        .find(|(_, m)| {
            howgood::content::module5::damaged_in_source(m).is_some() && m.text.len() > 12
        })
        .expect("Module 5 has a damaged measure");
    let text = damaged.text.clone();
    let mut h = Harness::new(100, 30);
    let query: String = text.chars().take(30).collect();
    track_from_palette(&mut h, &query, &text);
    let Some(Overlay::Ask(ask)) = &h.app().overlay else {
        panic!("the title is asked first");
    };
    assert!(ask.context.contains("broken in the source"));
    assert!(register(&h).measures.is_empty(), "nothing tracked yet");
    // Enter on the printed words as they stand tracks nothing.
    h.key(ratatui::crossterm::event::KeyCode::Enter);
    assert!(
        register(&h).measures.is_empty(),
        "the broken words are not a title"
    );
    assert!(
        h.app()
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("complete its wording")),
        "{:?}",
        h.app().notice
    );
    track_from_palette(&mut h, &query, &text);
    assert!(
        matches!(h.app().overlay, Some(Overlay::Ask(_))),
        "asked again"
    );
    // Replace the printed words with the completed title.
    for _ in 0..text.chars().count() {
        h.key(ratatui::crossterm::event::KeyCode::Backspace);
    }
    h.type_text("Completed title of the measure\n");
    let reg = register(&h);
    assert_eq!(reg.measures.len(), 1);
    assert_eq!(reg.measures[0].title, "Completed title of the measure");
    // Esc leaves a second try without tracking anything.
    track_from_palette(&mut h, &query, &text);
    assert!(
        h.app()
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("Already tracked")
            || matches!(h.app().overlay, Some(Overlay::Ask(_)))
    );
    h.key(Esc);
    assert_eq!(register(&h).measures.len(), 1);
}

fn snapshot_at(width: u16, height: u16) {
    let mut h = tracked_with_eight_quarters(width, height);
    insta::assert_snapshot!(format!("measure_chart_{width}x{height}"), h.screen());
    h.key(Esc);
    insta::assert_snapshot!(format!("measures_list_{width}x{height}"), h.screen());
}

#[test]
fn snapshots_80x24() {
    snapshot_at(80, 24);
}

#[test]
fn snapshots_240x67() {
    snapshot_at(240, 67);
}

#[test]
fn with_no_color_every_value_is_readable_in_words() {
    let mut h = tracked_with_eight_quarters(100, 40);
    h.runtime.app.theme = howgood::app::theme::Theme::from_env(Some(std::ffi::OsStr::new("1")));
    let screen = h.screen();
    // Every value in the table, both figures of each percentage.
    for (period, n, d) in &QUARTERS[QUARTERS.len() - 5..] {
        assert!(
            screen.contains(&format!("{period}: ")) && screen.contains(&format!("({n} of {d})")),
            "{period} {n}/{d} in words: {screen}"
        );
    }
    // Direction, change and baseline said in words, not by colour.
    assert!(screen.contains("lower is better"), "{screen}");
    assert!(
        screen.contains("national 17%"),
        "comparator in words: {screen}"
    );
    assert!(screen.contains("since 2024-Q4"), "{screen}");
    assert!(screen.contains("baseline 2024-Q4"), "{screen}");
    insta::assert_snapshot!("measure_chart_no_color_100x40", screen);
    h.key(Esc);
    let list = h.screen();
    assert!(list.contains("latest 2026-Q3: 15.9% (7 of 44)"), "{list}");
    assert!(list.contains("since 2024-Q4"), "{list}");
    assert!(!list.contains("OVERDUE"), "{list}");
    // Half a year on, with no new value, it is overdue: said in words.
    h.runtime.app.now += jiff::SignedDuration::from_hours(24 * 200);
    let later = h.screen();
    assert!(later.contains("OVERDUE: no value for 2027-Q1"), "{later}");
}

#[test]
fn m_on_a_module5_measure_in_the_reader_tracks_it() {
    use howgood::app::reference::{Take, entries};
    use howgood::app::view::SessionView;
    let mut h = Harness::new(120, 40);
    let s = common::session(
        "2026-11-24-walk-abcd",
        howgood::session::model::SessionKind::Workshop,
        "Walk",
        "hmie-cp-2009",
        &["5.3"],
    );
    h.open_session(&s);
    h.keys(&[
        Char(']'),
        Char(']'),
        Char('t'),
        ratatui::crossterm::event::KeyCode::Tab,
    ]);
    let chosen = |h: &Harness| {
        let ws = h.app().workspace().expect("open");
        let view = SessionView::of(h.app(), ws);
        entries(&h.app().library, ws, view.side_by_side)
            .get(ws.reference_cursor)
            .and_then(|e| e.take.clone())
    };
    for _ in 0..20 {
        if matches!(chosen(&h), Some(Take::Measure(_))) {
            break;
        }
        h.key(Down);
    }
    let Some(Take::Measure(shown)) = chosen(&h) else {
        panic!("a Module 5 measure in the reader: {}", h.screen());
    };
    h.key(Char('m'));
    if let Some(Overlay::Ask(_)) = &h.app().overlay {
        // Damaged in the source: its title is completed first.
        h.type_text(" (completed)\n");
    }
    let reg = register(&h);
    assert_eq!(reg.measures.len(), 1, "tracked from the reader");
    assert!(
        shown.starts_with(
            reg.measures[0]
                .definition
                .split("; ")
                .next()
                .expect("words")
        )
    );
    assert!(
        h.app().workspace().is_some(),
        "the session stays open while tracking"
    );
    // The register is released again: the command line can change it.
    assert!(h.runtime.measures.is_none());
}
