//! Issue 13, item 5: a workshop on the 2014 integrated inspection framework
//! gets the LSCB framework's Module 3 questions, Module 4 sources and
//! Module 5 measures through the crosswalk, on the screens every workshop
//! uses, driven by keys through the runtime.

mod common;

use common::Harness;
use howgood::app::reference::{self, Tab};
use howgood::app::rows::{self, Row};
use howgood::session::model::SessionKind;
use ratatui::crossterm::event::KeyCode::{Char, Tab as TabKey};

const SIZES: [(u16, u16); 2] = [(80, 24), (240, 67)];

fn health_workshop(size: (u16, u16)) -> Harness {
    let session = common::session(
        "2026-11-24-health-2014-0001",
        SessionKind::Workshop,
        "Health: preparing for the 2014 inspection",
        "integrated-inspection-2014",
        &["health-help-and-protection"],
    );
    let mut h = Harness::new(size.0, size.1);
    h.open_session(&session);
    h
}

/// The reference pane's entries as text, and the tab they are on.
fn reference_text(h: &Harness) -> (Option<Tab>, String) {
    let ws = h.app().workspace().expect("open");
    let entries = reference::entries(&h.app().library, ws, true);
    let text = entries
        .iter()
        .map(|e| e.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    (reference::current_tab(&h.app().library, ws), text)
}

#[test]
fn a_2014_health_workshop_gets_module_3_4_and_5_material() {
    for size in SIZES {
        let mut h = health_workshop(size);
        // Now: the Module 3 questions of the linked areas, as record rows.
        let ws = h.app().workspace().expect("open");
        let questions: Vec<String> = rows::rows(&h.app().library, ws, h.app().present)
            .into_iter()
            .filter_map(|r| match r {
                Row::Question { question, .. } => Some(question),
                _ => None,
            })
            .collect();
        assert!(
            questions
                .iter()
                .any(|q| q.contains("domestic violence") || q.contains("front door")),
            "{questions:#?}"
        );
        assert!(questions.len() > 20, "{}", questions.len());
        // Know: Module 4 sources.
        h.key(Char(']'));
        let (tab, text) = reference_text(&h);
        assert_eq!(tab, Some(Tab::Sources));
        assert!(text.contains("Management information reports"), "{text}");
        // Can be: Module 2 statements, then Module 5 measures on the next tab.
        h.key(Char(']'));
        assert_eq!(reference_text(&h).0, Some(Tab::GoodStatements));
        h.key(TabKey);
        h.key(Char('t'));
        let (tab, text) = reference_text(&h);
        assert_eq!(tab, Some(Tab::Measures), "{}", h.screen());
        assert!(
            text.contains("Number of staff carrying CP/CIN cases."),
            "{text}"
        );
        let screen = h.screen();
        assert!(screen.contains("Measures (M5)"), "{screen}");
        insta::assert_snapshot!(
            format!("health_2014_measures_{}x{}", size.0, size.1),
            screen
        );
    }
}
