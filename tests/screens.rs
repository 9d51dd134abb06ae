//! Every screen, drawn on ratatui's TestBackend at 80×24 and 160×45, plus
//! the too-small message at 40×12. Snapshots live in tests/snapshots/.

mod common;

use common::Harness;
use howgood::session::model::{
    Confidence, Evidence, EvidenceSource, IndividualLevel, InformationKind, ItemRecord, Milestone,
    Priority, PriorityStatus, QuestionNote, Session, SessionKind,
};
use ratatui::crossterm::event::KeyCode::{self, Char, Down, Enter, Esc, Tab};
use ratatui::crossterm::event::KeyModifiers;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

/// A workshop part way through: one indicator evaluated with evidence and
/// a priority, one not yet started.
fn workshop() -> Session {
    let mut session = common::session(
        "2026-11-24-neglect-workshop-0001",
        SessionKind::Workshop,
        "Neglect: multi-agency workshop",
        "hmie-cp-2009",
        &[],
    );
    session.participants = vec!["Police".into(), "Health".into(), "Education".into()];
    let mut first = ItemRecord::new("5.3");
    first.level = Some(4);
    first.rationale = "Assessments are timely and thorough.\nFathers are not always seen.".into();
    first.individual_levels = vec![
        IndividualLevel {
            participant: "Police".into(),
            level: 4,
        },
        IndividualLevel {
            participant: "Health".into(),
            level: 3,
        },
    ];
    first.strengths = "Strategy meetings are well attended".into();
    first.questions = vec![QuestionNote {
        area: "priority-service-areas".into(),
        question: "What are the safety and wellbeing outcomes for children and families that you are trying to deliver in this area?".into(),
        discussed: true,
        note: "Fewer repeat referrals".into(),
    }];
    first.evidence = vec![
        Evidence {
            id: String::new(),
            source: EvidenceSource::CaseRecords,
            information: InformationKind::Quality,
            description: "Audit of 20 case records".into(),
            date: Some("2026-10-31".parse().expect("date")),
            private: false,
        },
        Evidence {
            id: String::new(),
            source: EvidenceSource::ManagementInformation,
            information: InformationKind::Quantity,
            description: "Referrals dashboard".into(),
            date: None,
            private: true,
        },
    ];
    first.confidence = Some(Confidence::Reasonable);
    session.items.push(first);
    session.items.push(ItemRecord::new("8.1"));
    session.priorities.push(Priority {
        id: String::new(),
        statement: "Fathers are seen in every assessment".into(),
        owner: "Head of Safeguarding, Health".into(),
        deadline: Some("2027-03-31".parse().expect("date")),
        milestones: vec![Milestone::new(
            String::new(),
            "Audit tool updated",
            Some("2027-01-15".parse().expect("date")),
        )],
        measure_of_success: "90% of audited assessments record the father's view".into(),
        serves: vec!["5.3".into()],
        status: PriorityStatus::InProgress,
        done_on: None,
        log: Vec::new(),
        carries: None,
        measure: None,
    });
    session
}

fn opened(width: u16, height: u16) -> Harness {
    let mut h = Harness::new(width, height);
    h.open_session(&workshop());
    h
}

fn snap(name: &str, width: u16, height: u16, h: &Harness) {
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), h.screen());
}

#[test]
fn home_screen() {
    for (w, hgt) in SIZES {
        let mut h = Harness::new(w, hgt);
        snap("home_empty", w, hgt, &h);
        h.open_session(&workshop());
        h.key(Esc);
        snap("home_with_a_session", w, hgt, &h);
    }
}

#[test]
fn new_session_form() {
    for (w, hgt) in SIZES {
        let mut h = Harness::new(w, hgt);
        h.key(Char('n'));
        h.type_text("Neglect workshop");
        h.keys(&[Tab, Tab]);
        h.type_text("Police, Health");
        // Past facilitator, locality, "Follows" (no earlier session here)
        // and next due, to the items.
        h.keys(&[Tab; 5]);
        h.type_text("risk");
        h.key(Enter);
        snap("new_session", w, hgt, &h);
    }
}

#[test]
fn walk_phase_one_tabs() {
    for (w, hgt) in SIZES {
        let mut h = opened(w, hgt);
        snap("walk_now_indicator", w, hgt, &h);
        h.key(Char('t'));
        snap("walk_now_illustrations", w, hgt, &h);
        h.key(Tab);
        if w < howgood::app::view::WIDE_WIDTH {
            // One level at a time: → shows level 2. Wide screens show both
            // side by side (walk_now_illustrations), where → changes tab.
            h.key(KeyCode::Right);
            assert!(h.screen().contains("Level 2: weak"));
            snap("walk_now_illustrations_level2", w, hgt, &h);
        } else {
            let screen = h.screen();
            assert!(screen.contains("Level 5: very good") && screen.contains("Level 2: weak"));
        }
        h.key(Char('t'));
        assert!(h.screen().contains("▸Scale"));
        snap("walk_now_scale", w, hgt, &h);
    }
}

#[test]
fn walk_phase_two_and_three() {
    for (w, hgt) in SIZES {
        let mut h = opened(w, hgt);
        h.key(Char(']'));
        snap("walk_know", w, hgt, &h);
        h.key(Char(']'));
        snap("walk_can", w, hgt, &h);
        h.key(Char('t'));
        h.key(Tab);
        snap("walk_can_measures", w, hgt, &h);
    }
}

#[test]
fn writing_in_a_field() {
    for (w, hgt) in SIZES {
        let mut h = opened(w, hgt);
        h.keys(&[Down, Down, Down, Down]);
        h.key(Enter);
        h.type_text(" More to say.");
        snap("editor_open", w, hgt, &h);
    }
}

#[test]
fn summary_screen() {
    for (w, hgt) in SIZES {
        let mut h = opened(w, hgt);
        h.key(Char('s'));
        snap("summary", w, hgt, &h);
    }
}

#[test]
fn overlays() {
    for (w, hgt) in SIZES {
        let mut h = opened(w, hgt);
        h.key(Char('?'));
        snap("help", w, hgt, &h);
        h.key(Esc);
        h.key_with(Char('p'), KeyModifiers::CONTROL);
        h.type_text("fathers");
        snap("palette", w, hgt, &h);
        h.key(Esc);
        h.key(Char(']'));
        h.key(Down);
        h.key(Down);
        h.key(Down);
        h.key(Char('d'));
        snap("confirm_delete", w, hgt, &h);
    }
}

#[test]
fn a_tiny_terminal_gets_a_polite_message() {
    let mut h = opened(80, 24);
    h.resize(40, 12);
    let screen = h.screen();
    assert!(screen.contains("too small"), "{screen}");
    insta::assert_snapshot!("too_small_40x12", screen);
    // Growing the window brings the screen back, with nothing lost.
    h.resize(80, 24);
    assert!(
        h.screen()
            .contains("5.3 Recognising and assessing risks and needs")
    );
}

#[test]
fn the_reader_and_a_message() {
    for (w, hgt) in SIZES {
        let mut h = opened(w, hgt);
        h.key(Char('/'));
        h.type_text("Vision, values and aims");
        h.key(Enter);
        snap("reader", w, hgt, &h);
        h.key(Esc);
        h.key(Char('s'));
        h.key(Char('e'));
        let screen = h.screen();
        // The path is a fresh temporary folder each run, so this screen is
        // checked by its words rather than a snapshot.
        assert!(screen.contains("Exported"), "{screen}");
        assert!(
            screen.contains("The session is written as Markdown to"),
            "{screen}"
        );
        assert!(screen.contains("Any key to continue"), "{screen}");
    }
}
