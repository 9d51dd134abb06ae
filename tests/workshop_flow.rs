//! A whole workshop driven by key presses, as a facilitator's scribe would
//! type it, asserting what is saved and what is exported.

mod common;

use common::Harness;
use howgood::session::model::{Confidence, EvidenceSource, PriorityStatus};
use ratatui::crossterm::event::KeyCode::{self, BackTab, Backspace, Down, Enter, Esc, Tab};

fn enter_text(h: &mut Harness, text: &str) {
    h.key(Enter);
    h.type_text(text);
    h.key(Esc);
}

/// Add one evidence item: description, then its source chosen with Space
/// (none is chosen until then: `spaces` presses reach the source), then a
/// date.
fn add_evidence(h: &mut Harness, description: &str, spaces: usize, date: &str) {
    h.key(KeyCode::Char('a'));
    h.type_text(description);
    h.key(Esc);
    h.key(Down); // source
    for _ in 0..spaces {
        h.key(KeyCode::Char(' '));
    }
    h.keys(&[Down, Down]); // type, date
    h.key(Enter);
    h.type_text(date);
    h.key(Enter);
}

fn add_priority(
    h: &mut Harness,
    statement: &str,
    owner: &str,
    deadline: &str,
    milestones: &str,
    measure: &str,
) {
    h.key(KeyCode::Char('a'));
    h.type_text(statement);
    h.key(Esc);
    h.key(Down);
    enter_text_single(h, owner);
    h.key(Down);
    enter_text_single(h, deadline);
    h.key(Down);
    enter_text(h, milestones);
    h.key(Down);
    enter_text(h, measure);
}

fn enter_text_single(h: &mut Harness, text: &str) {
    h.key(Enter);
    h.type_text(text);
    h.key(Enter);
}

#[test]
fn a_whole_workshop_is_saved_and_exported() {
    let mut h = Harness::new(100, 32);

    // Create the session from the home screen.
    h.key(KeyCode::Char('n'));
    h.type_text("Neglect: multi-agency workshop");
    h.keys(&[Tab, Tab]); // framework stays HMIE 2009
    h.type_text("Police, Health, Education");
    // Past facilitator, locality, "Follows" and next due to the items.
    h.keys(&[Tab, Tab, Tab, Tab, Tab]);
    h.type_text("5.3");
    h.key(Enter);
    h.keys(&[Backspace, Backspace, Backspace]);
    h.type_text("8.1");
    h.key(Enter);
    h.key(Tab);
    h.key(Enter);
    assert!(
        h.screen()
            .contains("5.3 Recognising and assessing risks and needs"),
        "{}",
        h.screen()
    );

    // Indicator 5.3, phase 1: levels, rationale, strengths, improvements, a question.
    h.key(KeyCode::Char('4'));
    h.key(Down);
    h.key(KeyCode::Char('4')); // Police
    h.key(Down);
    h.key(KeyCode::Char('3')); // Health
    h.key(Down);
    h.key(KeyCode::Char('4')); // Education
    h.key(Down);
    enter_text(
        &mut h,
        "Assessments are timely.\nFathers are not always seen.",
    );
    h.key(Down);
    enter_text(&mut h, "Strategy meetings are well attended");
    h.key(Down);
    enter_text(&mut h, "Involving fathers");
    h.key(Down);
    h.key(KeyCode::Char(' ')); // first question discussed
    enter_text(&mut h, "Audits show fewer repeat referrals");
    // The participants' levels were recorded silently; the facilitator
    // reveals them together.
    assert!(
        h.screen()
            .contains("3 of 3 recorded, hidden until revealed"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Char('R'));
    assert!(
        h.screen()
            .contains("Spread (3 of 3 recorded): 4 good ■■: Police,")
            && h.screen().contains("Education · 3 satisfactory ■: Health"),
        "{}",
        h.screen()
    );

    // Phase 2: confidence and evidence from three sources.
    h.key(KeyCode::Char(']'));
    h.key(KeyCode::Char(' ')); // confidence: high
    h.key(KeyCode::Char(' ')); // reasonable
    add_evidence(&mut h, "Survey of parents at case closure", 1, "2026-10-15");
    add_evidence(&mut h, "Focus group with social workers", 2, "2026-10-20");
    add_evidence(&mut h, "Audit of 20 case records", 3, "2026-10-31");
    assert!(
        h.screen().contains("3 of 4 sources of information"),
        "{}",
        h.screen()
    );

    // Phase 3: a priority for 5.3.
    h.key(KeyCode::Char(']'));
    add_priority(
        &mut h,
        "Fathers are seen in every assessment",
        "Head of Safeguarding, Health",
        "2027-03-31",
        "2027-01-15 Audit tool updated",
        "90% of audited assessments record the father's view",
    );

    // Indicator 8.1: a level, one piece of evidence, a second priority.
    h.key(KeyCode::Char(']'));
    assert!(
        h.screen().contains("8.1 Partnership working"),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Char('3'));
    h.key(KeyCode::Char(']'));
    add_evidence(
        &mut h,
        "Partnership survey of frontline staff",
        2,
        "2026-09-30",
    );
    h.key(KeyCode::Char(']'));
    add_priority(
        &mut h,
        "Shared thresholds understood by every agency",
        "LSCB business manager",
        "2027-06-30",
        "",
        "All agencies use the threshold guide in audits",
    );

    // Close of session: capacity statement and export.
    h.key(KeyCode::Char(']'));
    assert!(h.screen().contains("Close of session"), "{}", h.screen());
    enter_text(&mut h, "Outcomes improving for children on plans");
    h.key(Down);
    enter_text(&mut h, "Stable leadership");
    h.key(Down);
    enter_text(&mut h, "Audit programme in place");
    h.key(Down);
    h.key(KeyCode::Char(' ')); // confidence: high
    h.key(KeyCode::Char('e'));
    assert!(h.screen().contains("Exported"), "{}", h.screen());
    h.key(Esc);

    // The saved file holds every word.
    let saved = h.saved();
    assert_eq!(saved.title, "Neglect: multi-agency workshop");
    assert_eq!(saved.participants, ["Police", "Health", "Education"]);
    let first = &saved.items[0];
    assert_eq!(first.item, "5.3");
    assert_eq!(first.level, Some(4));
    assert_eq!(
        first.rationale,
        "Assessments are timely.\nFathers are not always seen."
    );
    assert_eq!(first.strengths, "Strategy meetings are well attended");
    assert_eq!(first.improvements, "Involving fathers");
    let levels: Vec<(&str, u8)> = first
        .individual_levels
        .iter()
        .map(|l| (l.participant.as_str(), l.level))
        .collect();
    assert_eq!(levels, [("Police", 4), ("Health", 3), ("Education", 4)]);
    assert_eq!(first.questions.len(), 1);
    assert!(first.questions[0].discussed);
    assert_eq!(
        first.questions[0].note,
        "Audits show fewer repeat referrals"
    );
    assert_eq!(first.confidence, Some(Confidence::Reasonable));
    let sources: Vec<EvidenceSource> = first.evidence.iter().map(|e| e.source).collect();
    assert_eq!(
        sources,
        [
            EvidenceSource::ChildrenParentsCarers,
            EvidenceSource::FrontlineStaffManagers,
            EvidenceSource::CaseRecords
        ]
    );
    assert_eq!(first.evidence[2].description, "Audit of 20 case records");
    assert_eq!(
        first.evidence[2].date,
        Some("2026-10-31".parse().expect("date"))
    );
    assert_eq!(first.distinct_sources(), 3);
    assert_eq!(saved.items[1].level, Some(3));
    assert_eq!(saved.items[1].evidence.len(), 1);
    assert_eq!(saved.priorities.len(), 2);
    let p = &saved.priorities[0];
    assert_eq!(p.statement, "Fathers are seen in every assessment");
    assert_eq!(p.owner, "Head of Safeguarding, Health");
    assert_eq!(p.deadline, Some("2027-03-31".parse().expect("date")));
    assert_eq!(p.milestones.len(), 1);
    assert_eq!(p.milestones[0].text, "Audit tool updated");
    assert_eq!(p.serves, ["5.3"]);
    assert_eq!(p.status, PriorityStatus::NotStarted);
    assert_eq!(saved.priorities[1].owner, "LSCB business manager");
    assert_eq!(saved.priorities[1].serves, ["8.1"]);
    // Everything added on the screens was saved with its own stable id,
    // from the id source the app holds.
    let ids: Vec<&str> = saved
        .priorities
        .iter()
        .flat_map(|p| std::iter::once(&p.id).chain(p.milestones.iter().map(|m| &m.id)))
        .chain(
            saved
                .items
                .iter()
                .flat_map(|i| i.evidence.iter().map(|e| &e.id)),
        )
        .map(String::as_str)
        .collect();
    assert_eq!(ids.len(), 2 + 1 + 3 + 1);
    assert!(
        ids.iter().all(|id| howgood::session::ids::is_stable_id(id)),
        "{ids:?}"
    );
    let distinct: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len());
    assert_eq!(
        saved.capacity.leadership_and_management,
        "Stable leadership"
    );
    assert_eq!(saved.capacity.confidence, Some(Confidence::High));

    // The export reads well to a board.
    let export = std::fs::read_to_string(
        h.dir
            .path()
            .join("exports")
            .join(format!("{}.md", saved.id)),
    )
    .expect("the export is written");
    assert!(
        export.starts_with("# Neglect: multi-agency workshop"),
        "{export}"
    );
    assert!(export.contains("5.3 Recognising and assessing risks and needs"));
    assert!(export.contains("Fathers are seen in every assessment"));
    assert!(export.contains("Head of Safeguarding, Health"));
    assert!(export.contains("2027-03-31"));
    assert!(export.contains("Audit of 20 case records"));
    assert!(export.contains("Audits show fewer repeat referrals"));
    let _ = BackTab;
}
