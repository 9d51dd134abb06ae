//! A supervision: one content area's questions one at a time, worded for
//! who is asking, with a reflection each, ending with agreed actions.

mod common;

use common::Harness;
use ratatui::crossterm::event::KeyCode::{self, Char, Down, Enter, Esc, Right, Tab};

fn start_supervision(width: u16, height: u16) -> Harness {
    let mut h = Harness::new(width, height);
    h.key(Char('n'));
    h.type_text("Supervision with AB");
    h.key(KeyCode::BackTab); // to Kind
    h.key(Right); // supervision
    h.keys(&[Tab, Tab]); // framework
    h.keys(&[Right, Right, Right]); // lscb-qaf
    // Past supervisee, supervisor, follows and next due, to cover.
    h.keys(&[Tab; 5]);
    h.type_text("wisdom");
    h.key(Down); // "Safeguarding wisdom" (the sub-area), below the parent
    h.key(Enter);
    h.key(Tab);
    h.key(Enter);
    // A new supervision opens at its record; on to the area's questions.
    h.key(Char(']'));
    h
}

#[test]
fn questions_one_at_a_time_in_either_framing_with_reflections_and_actions() {
    let mut h = start_supervision(100, 30);
    let screen = h.screen();
    assert!(screen.contains("Question 1 of 10"), "{screen}");
    assert!(
        screen.contains("Do children and parents contribute"),
        "{screen}"
    );

    // The fourth question mixes nothing, the third asks "our ... do you".
    h.key(Char('n'));
    h.key(Char('n'));
    assert!(h.screen().contains("Question 3 of 10"), "{}", h.screen());
    assert!(
        h.screen().contains("Which elements of our learning"),
        "{}",
        h.screen()
    );
    h.key(Char('f')); // you/your
    assert!(
        h.screen().contains("Which elements of your learning"),
        "{}",
        h.screen()
    );
    h.key(Char('f')); // we/us/our
    assert!(
        h.screen().contains("Which elements of our learning"),
        "{}",
        h.screen()
    );
    assert!(
        h.screen().contains("f: worded 'we/us/our'"),
        "{}",
        h.screen()
    );

    // A reflection on this question.
    h.key(Down);
    h.key(Enter);
    h.type_text("We evaluate attendance only");
    h.key(Esc);
    h.key(Char('p'));
    h.key(Down);
    h.key(Enter);
    h.type_text("Not yet");
    h.key(Esc);

    // Agreed actions at the end, after the cases.
    h.keys(&[Char(']'), Char(']')]);
    assert!(h.screen().contains("Agreed actions"), "{}", h.screen());
    h.key(Char('a'));
    h.type_text("Evaluate the impact of one course");
    h.key(Esc);
    h.key(Down);
    h.key(Enter);
    h.type_text("AB");
    h.key(Enter);
    h.key(Down);
    h.key(Enter);
    h.type_text("2027-01-31");
    h.key(Enter);

    let saved = h.saved();
    assert_eq!(
        saved.kind,
        howgood::session::model::SessionKind::Supervision
    );
    assert_eq!(saved.framing, howgood::session::model::Framing::We);
    assert_eq!(saved.items[0].item, "safeguarding-wisdom");
    let reflections: Vec<(&str, &str)> = saved.items[0]
        .questions
        .iter()
        .map(|q| (q.question.as_str(), q.note.as_str()))
        .collect();
    assert_eq!(
        reflections,
        [
            (
                "Which elements of our learning and development strategy do you evaluate and to what level?",
                "We evaluate attendance only"
            ),
            (
                "What range of methods are used to achieve the desired learning outcomes in addition to classroom based training courses?",
                "Not yet"
            ),
        ],
        "stored as printed, whatever the wording on screen"
    );
    assert_eq!(saved.priorities[0].owner, "AB");
    assert_eq!(
        saved.priorities[0].deadline,
        Some("2027-01-31".parse().expect("date"))
    );

    let markdown = howgood::export::session_markdown(
        &saved,
        &common::library(),
        "2026-11-24".parse().expect("date"),
    );
    assert!(markdown.contains("## Agreed actions"), "{markdown}");
    assert!(markdown.contains("## Questions and reflections"));
    assert!(
        markdown.contains("Which elements of our learning and development strategy do we evaluate")
    );
    assert!(markdown.contains("We evaluate attendance only"));
}

#[test]
fn a_supervision_question_in_both_framings() {
    for (w, hgt) in [(80, 24), (160, 45)] {
        let mut h = start_supervision(w, hgt);
        h.keys(&[Char('n'), Char('n')]);
        h.key(Char('f'));
        insta::assert_snapshot!(format!("supervision_you_{w}x{hgt}"), h.screen());
        h.key(Char('f'));
        insta::assert_snapshot!(format!("supervision_we_{w}x{hgt}"), h.screen());
    }
}
