//! The worked example in sessions/ loads, fits the content, and exports.

use howgood::content::library::{Library, embedded_files};
use howgood::content::query;
use howgood::session::codec;
use std::path::Path;

#[test]
fn the_worked_example_is_a_complete_fictional_workshop() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let path = dir.join("2026-11-24-northshire-lscb-workshop-example.ron");
    let bytes = std::fs::read(&path).expect("example present");
    let decoded = codec::decode(&bytes).expect("decodes");
    assert!(decoded.unknown_fields.is_empty());
    assert_eq!(decoded.file_version, 3, "written in the current format");
    let session = decoded.session;
    // Written as howgood writes it, every id in the file (none derived).
    assert_eq!(
        codec::encode(&session).expect("encodes").as_bytes(),
        bytes.as_slice()
    );
    let text = String::from_utf8(bytes).expect("utf-8");
    // The session's own id is at the top level, indented by two.
    let stored_ids = text
        .lines()
        .filter(|l| l.trim_start().starts_with("id: \"") && l.starts_with("    "))
        .count();
    let expected_ids = session.priorities.len()
        + session
            .priorities
            .iter()
            .map(|p| p.milestones.len())
            .sum::<usize>()
        + session
            .items
            .iter()
            .map(|i| i.evidence.len())
            .sum::<usize>();
    assert_eq!(stored_ids, expected_ids, "every id is stored in the file");
    assert_eq!(
        format!("{}.ron", session.id),
        path.file_name().expect("name").to_string_lossy()
    );

    let library = Library::assemble(embedded_files(), Vec::new());
    let framework = library
        .framework(&session.framework)
        .expect("framework embedded");
    assert_eq!(session.items.len(), 2, "two indicators");
    for record in &session.items {
        assert!(
            query::find_item(framework, &record.item).is_some(),
            "{} exists",
            record.item
        );
        assert!(record.level.is_some(), "{} evaluated", record.item);
        assert!(!record.rationale.is_empty());
    }
    assert!(session.items[0].distinct_sources() >= 3, "triangulated");
    assert!(session.items[0].has_family_views());

    // Every question discussed is a real Module 3 question of its area.
    let lscb = library
        .framework("lscb-qaf")
        .and_then(|f| f.content.as_ref())
        .expect("lscb");
    let discussed: Vec<_> = session.items.iter().flat_map(|r| &r.questions).collect();
    assert!(discussed.iter().any(|q| q.discussed));
    for note in discussed {
        assert!(
            lscb.questions
                .iter()
                .any(|q| q.area == note.area && q.text == note.question),
            "not a Module 3 question of {}: {}",
            note.area,
            note.question
        );
    }

    assert_eq!(session.priorities.len(), 3, "three priorities");
    assert!(
        session.priorities.iter().any(|p| !p.log.is_empty()),
        "one priority shows its progress log"
    );
    for priority in &session.priorities {
        assert!(!priority.owner.is_empty() && priority.deadline.is_some());
        assert!(!priority.measure_of_success.is_empty());
    }
    let today = "2026-11-24".parse().expect("date");
    let markdown = howgood::export::session_markdown(&session, &library, today);
    assert!(
        markdown
            .contains("Police public protection officers receive monthly safeguarding supervision")
    );
}
