//! Projector mode at 80×24 and 240×67 (a 1080p screen at a large font):
//! the timer before and at zero, the reveal of silent ratings, the scribe's
//! record hidden, and private evidence never shown.

mod common;

use common::Harness;
use howgood::session::model::{
    Evidence, EvidenceSource, IndividualLevel, InformationKind, ItemRecord, Session, SessionKind,
};
use ratatui::crossterm::event::KeyCode::Char;

const SIZES: [(u16, u16); 2] = [(80, 24), (240, 67)];

fn workshop() -> Session {
    let mut s = common::session(
        "2026-11-24-projected-0001",
        SessionKind::Workshop,
        "Neglect: multi-agency workshop",
        "hmie-cp-2009",
        &[],
    );
    s.participants = vec!["Police".into(), "Health".into(), "Education".into()];
    let mut item = ItemRecord::new("5.3");
    item.individual_levels = vec![
        IndividualLevel {
            participant: "Police".into(),
            level: 4,
        },
        IndividualLevel {
            participant: "Health".into(),
            level: 3,
        },
        IndividualLevel {
            participant: "Education".into(),
            level: 4,
        },
    ];
    item.evidence = vec![
        Evidence {
            id: String::new(),
            source: EvidenceSource::CaseRecords,
            information: InformationKind::Quality,
            description: "Audit of 20 case records".into(),
            date: None,
            private: false,
        },
        Evidence {
            id: String::new(),
            source: EvidenceSource::ChildrenParentsCarers,
            information: InformationKind::Outcome,
            description: "Complaint from the family of child R.T.".into(),
            date: None,
            private: true,
        },
    ];
    s.items.push(item);
    s
}

fn projected(width: u16, height: u16) -> Harness {
    let mut h = Harness::new(width, height);
    h.open_session(&workshop());
    h.key(Char('P'));
    assert!(h.app().present);
    h
}

#[test]
fn the_timer_before_and_at_zero() {
    for (w, hgt) in SIZES {
        let mut h = projected(w, hgt);
        h.wait(7 * 60 + 30);
        let screen = h.screen();
        assert!(!screen.contains("Time is up"), "{screen}");
        insta::assert_snapshot!(format!("projector_timer_running_{w}x{hgt}"), screen);
        h.wait(13 * 60);
        let screen = h.screen();
        assert!(screen.contains("Time is up"), "{screen}");
        insta::assert_snapshot!(format!("projector_timer_at_zero_{w}x{hgt}"), screen);
    }
}

#[test]
fn silent_ratings_are_revealed_together_as_a_distribution_by_name() {
    for (w, hgt) in SIZES {
        let mut h = projected(w, hgt);
        let before = h.screen();
        assert!(before.contains("3 of 3 recorded, hidden"), "{before}");
        assert!(
            !before.contains("4 good ■■"),
            "nothing shows before the reveal"
        );
        h.key(Char('R'));
        let after = h.screen();
        assert!(
            after.contains("Spread (3 of 3 recorded): 4 good ■■: Police,"),
            "{after}"
        );
        let Some(ws) = h.app().workspace() else {
            panic!("open")
        };
        let spread = howgood::app::lines::spread_text(&h.app().library, ws, 0);
        assert!(
            !spread.to_lowercase().contains("average") && !spread.to_lowercase().contains("mean")
        );
        insta::assert_snapshot!(format!("projector_reveal_{w}x{hgt}"), after);
    }
}

#[test]
fn the_scribes_record_can_be_hidden_and_private_evidence_is_never_shown() {
    for (w, hgt) in SIZES {
        let mut h = projected(w, hgt);
        h.key(Char(']'));
        // The projected rows hold the public evidence and not the private.
        let Some(ws) = h.app().workspace() else {
            panic!("open")
        };
        let projected_rows = howgood::app::rows::rows(&h.app().library, ws, true);
        let evidence: Vec<_> = projected_rows.iter().filter_map(|r| r.evidence()).collect();
        assert!(
            evidence.iter().all(|(_, e)| *e == 0),
            "only the public item: {evidence:?}"
        );
        let screen = h.screen();
        if hgt > 40 {
            assert!(screen.contains("Audit of 20 case records"), "{screen}");
        }
        assert!(
            !screen.contains("R.T."),
            "private evidence is not projected:\n{screen}"
        );
        h.key(Char('H'));
        let hidden = h.screen();
        assert!(!hidden.contains("Audit of 20 case records"), "{hidden}");
        assert!(!hidden.contains("Evidence (2)"), "{hidden}");
        insta::assert_snapshot!(format!("projector_notes_hidden_{w}x{hgt}"), hidden);
        // Leaving projector mode shows the scribe everything again.
        h.key(Char('P'));
        let Some(ws) = h.app().workspace() else {
            panic!("open")
        };
        let all = howgood::app::rows::rows(&h.app().library, ws, false);
        assert!(all.iter().filter_map(|r| r.evidence()).any(|(_, e)| e == 1));
    }
}

#[test]
fn no_color_turns_colour_off_and_meaning_stays_in_words() {
    let theme = howgood::app::theme::Theme::from_env(Some(std::ffi::OsStr::new("1")));
    assert!(!theme.color);
    assert_eq!(theme.warm().fg, None);
    assert!(howgood::app::theme::Theme::from_env(None).color);
    assert!(
        howgood::app::theme::Theme::from_env(Some(std::ffi::OsStr::new(""))).color,
        "an empty NO_COLOR is unset"
    );
}
