//! Supervision as a tool of its own (issue 12, items 1-4): its own record,
//! a series that reviews last time's actions, navigation that remembers
//! each area's question, and a Markdown record the supervisee could sign.

mod common;

use common::Harness;
use howgood::session::model::{
    CaseDiscussion, Framing, Priority, PriorityStatus, QuestionNote, Session, SessionKind,
    SupervisionRecord,
};
use ratatui::crossterm::event::KeyCode::{self, Char, Down, Enter, Esc, Right, Tab};

/// A new supervision of one area made through the form, as a person would.
fn start_supervision(width: u16, height: u16) -> Harness {
    let mut h = Harness::new(width, height);
    h.key(Char('n'));
    h.type_text("Supervision with AB");
    h.key(KeyCode::BackTab); // to Kind
    h.key(Right); // supervision
    h.keys(&[Tab, Tab]); // framework
    h.keys(&[Right, Right, Right]); // lscb-qaf
    // supervisee, supervisor, follows, next due, items
    h.keys(&[Tab, Tab, Tab, Tab, Tab]);
    h.type_text("wisdom");
    h.key(Down); // "Safeguarding wisdom" (the sub-area)
    h.key(Enter);
    h.key(Tab);
    h.key(Enter);
    h
}

/// Write into the field under the cursor and finish it.
fn write(h: &mut Harness, text: &str) {
    h.key(Enter);
    h.type_text(text);
    h.key(Esc);
}

#[test]
fn item1_its_own_record_with_people_check_in_questions_cases_and_actions() {
    let mut h = start_supervision(100, 30);
    let screen = h.screen();
    // It opens at its own record, without phases, timers or levels.
    assert!(screen.contains("Supervisee"), "{screen}");
    assert!(screen.contains("Record"), "{screen}");
    assert!(!screen.contains("⏱"), "no workshop timer: {screen}");
    assert!(!screen.contains("How good are we now"), "{screen}");
    assert!(
        screen.contains("Initials or roles, not names"),
        "the privacy hint: {screen}"
    );
    write(&mut h, "AB (social worker)");
    h.key(Down);
    write(&mut h, "TL");
    h.keys(&[Down, Down]);
    write(&mut h, "90");
    h.key(Down);
    write(&mut h, "Tired after a hard week; managing");
    h.key(Down);
    write(&mut h, "2026-12-22");

    // On to the area's questions: one at a time, a reflection, discussed.
    h.key(Char(']'));
    assert!(h.screen().contains("Question 1 of 10"), "{}", h.screen());
    h.key(Char(' '));
    h.key(Down);
    write(&mut h, "We ask families at closure only");
    // The cases, by reference only.
    h.key(Char(']'));
    assert!(h.screen().contains("Case discussions"), "{}", h.screen());
    h.key(Char('a'));
    h.type_text("CR-1042");
    h.key(Enter);
    h.key(Down);
    write(&mut h, "Drift in the plan");
    h.key(Down);
    write(&mut h, "Escalate to IRO");
    h.key(Down);
    write(&mut h, "Two reviews without progress");
    // The agreed actions: owner, date, status.
    h.key(Char(']'));
    h.key(Char('a'));
    h.type_text("Book the IRO consultation");
    h.key(Esc);
    h.key(Down);
    write(&mut h, "AB");
    h.key(Down);
    write(&mut h, "2026-12-05");
    h.key(Down);
    h.key(Char(' ')); // in progress
    h.wait(5);

    let saved = h.saved();
    let record = saved.supervision.clone().expect("its own record");
    assert_eq!(record.supervisee, "AB (social worker)");
    assert_eq!(record.supervisor, "TL");
    assert_eq!(record.date, Some("2026-11-24".parse().unwrap()));
    assert_eq!(record.planned_minutes, Some(90));
    assert_eq!(record.next_date, Some("2026-12-22".parse().unwrap()));
    assert_eq!(record.wellbeing, "Tired after a hard week; managing");
    assert_eq!(record.cases.len(), 1);
    let case = &record.cases[0];
    assert_eq!(
        (
            case.reference.as_str(),
            case.discussion.as_str(),
            case.decision.as_str(),
            case.rationale.as_str()
        ),
        (
            "CR-1042",
            "Drift in the plan",
            "Escalate to IRO",
            "Two reviews without progress"
        )
    );
    assert!(!case.id.is_empty(), "a case has a stable id");
    let question = &saved.items[0].questions[0];
    assert!(question.discussed);
    assert_eq!(question.note, "We ask families at closure only");
    assert!(saved.items[0].level.is_none(), "no level asked for");
    let action = &saved.priorities[0];
    assert_eq!(action.statement, "Book the IRO consultation");
    assert_eq!(action.owner, "AB");
    assert_eq!(action.deadline, Some("2026-12-05".parse().unwrap()));
    assert_eq!(action.status, PriorityStatus::InProgress);
    assert!(!action.id.is_empty(), "a stable id for the register");

    // The action feeds the register as an agreed action.
    use howgood::session::register::Register;
    let (scan, _) = howgood::session::register::Scan::of_store(&h.runtime.store);
    let rows = scan.actions();
    assert!(
        rows.iter().any(|r| r.id == action.id
            && r.text == "Book the IRO consultation"
            && r.kind == howgood::session::register::ActionKind::AgreedAction),
        "{rows:?}"
    );

    // The file says it: the record, versioned like every session file.
    let text = h.saved_text();
    assert!(text.contains("supervision: Some("), "{text}");
    assert!(text.starts_with("("), "{text}");
}

#[test]
fn item1_a_supervision_file_round_trips_and_workshops_stay_unchanged() {
    let mut s = supervision_with_history("2026-10-01-sup", "Supervision October");
    s.supervision.as_mut().unwrap().wellbeing = "Fine".into();
    let text = howgood::session::codec::encode(&s).expect("encode");
    let back = howgood::session::codec::decode(text.as_bytes())
        .expect("decode")
        .session;
    assert_eq!(back, s);
    let workshop = common::session("w", SessionKind::Workshop, "W", "hmie-2009", &["5.3"]);
    let text = howgood::session::codec::encode(&workshop).expect("encode");
    assert!(
        !text.contains("supervision"),
        "no field for workshops: {text}"
    );
}

/// An October supervision of the same supervisee, with reflections and
/// two open actions (and one done).
fn supervision_with_history(id: &str, title: &str) -> Session {
    let mut s = common::session(
        id,
        SessionKind::Supervision,
        title,
        "lscb-qaf",
        &["safeguarding-wisdom"],
    );
    s.framing = Framing::You;
    s.supervision = Some(SupervisionRecord {
        supervisee: "AB".into(),
        supervisor: "TL".into(),
        date: Some("2026-10-01".parse().unwrap()),
        next_date: Some("2026-11-24".parse().unwrap()),
        cases: vec![CaseDiscussion {
            id: "c-case1".into(),
            reference: "CR-77".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    s.items[0].questions.push(QuestionNote {
        area: "safeguarding-wisdom".into(),
        question: "Which elements of our learning and development strategy do you evaluate and to what level?".into(),
        discussed: true,
        note: "Only attendance is counted".into(),
    });
    for (id, statement) in [
        ("p-first", "Shadow a strategy meeting"),
        ("p-second", "Read the neglect toolkit"),
        ("p-third", "Update the genogram"),
    ] {
        let mut p = Priority::new(id.into());
        p.statement = statement.into();
        p.owner = "AB".into();
        p.deadline = Some("2026-11-20".parse().unwrap());
        s.priorities.push(p);
    }
    s
}

/// October written to disk, November (following it) opened.
fn series(width: u16, height: u16) -> (Harness, Session) {
    let mut h = Harness::new(width, height);
    let october = supervision_with_history("2026-10-01-sup", "Supervision October");
    howgood::session::atomic::write_atomic(
        &h.runtime.store.path_of(&october.id),
        howgood::session::codec::encode(&october)
            .expect("encode")
            .as_bytes(),
    )
    .expect("write");
    let mut november = common::session(
        "2026-11-24-sup",
        SessionKind::Supervision,
        "Supervision November",
        "lscb-qaf",
        &["safeguarding-wisdom"],
    );
    november.follows = Some(october.id.clone());
    november.supervision = Some(SupervisionRecord::default());
    h.open_session(&november);
    (h, november)
}

fn session_file(h: &Harness, id: &str) -> Session {
    h.runtime
        .store
        .entries()
        .expect("sessions folder read")
        .into_iter()
        .filter_map(|e| e.state.ok())
        .map(|d| d.session)
        .find(|s| s.id == id)
        .expect("session on disk")
}

#[test]
fn item2_a_series_opens_with_last_times_actions_and_reflections_one_key_away() {
    let (mut h, november) = series(100, 30);
    let screen = h.screen();
    assert!(screen.contains("Shadow a strategy meeting"), "{screen}");

    // Last time's reflections, one key away, as they were framed.
    h.key(Char('l'));
    let screen = h.screen();
    assert!(screen.contains("Last time's reflections"), "{screen}");
    assert!(screen.contains("Only attendance is counted"), "{screen}");
    assert!(
        screen.contains("Which elements of your learning"),
        "as framed last time: {screen}"
    );
    h.key(Esc);

    // Done with a note; carried forward; dropped.
    h.key(Tab);
    h.type_text("Went on 12 Nov");
    h.key(Tab);
    h.key(Char('d'));
    h.key(Char('c'));
    h.key(Char('x'));
    h.wait(5);

    let october = session_file(&h, "2026-10-01-sup");
    let status: Vec<PriorityStatus> = october.priorities.iter().map(|p| p.status).collect();
    assert_eq!(
        status,
        [
            PriorityStatus::Done,
            PriorityStatus::CarriedForward,
            PriorityStatus::Dropped
        ]
    );
    assert_eq!(october.priorities[0].log[0].note, "Went on 12 Nov");
    let now = session_file(&h, &november.id);
    assert_eq!(now.priorities.len(), 1, "the carried one, linked");
    let people = now.supervision.as_ref().expect("record");
    assert_eq!(
        (people.supervisee.as_str(), people.supervisor.as_str()),
        ("AB", "TL"),
        "the same supervisee as last time"
    );
    assert_eq!(
        now.priorities[0]
            .carries
            .as_ref()
            .map(|r| r.action.as_str()),
        Some("p-second")
    );
}

#[test]
fn item2_the_series_review_on_screen() {
    for (w, hgt) in [(80, 24), (160, 45)] {
        let (h, _) = series(w, hgt);
        insta::assert_snapshot!(format!("supervision_series_review_{w}x{hgt}"), h.screen());
    }
}

#[test]
fn item3_areas_remember_their_question_and_reopening_returns_there() {
    let mut h = Harness::new(100, 30);
    let mut s = common::session(
        "2026-11-24-two",
        SessionKind::Supervision,
        "Two areas",
        "lscb-qaf",
        &["safeguarding-wisdom", "supervision-and-support"],
    );
    s.supervision = Some(SupervisionRecord::default());
    h.open_session(&s);
    h.key(Char(']')); // record -> first area
    h.keys(&[Char('n'), Char('n')]);
    assert!(h.screen().contains("Question 3 of"), "{}", h.screen());
    h.key(Char(']')); // second area
    assert!(h.screen().contains("Question 1 of"), "{}", h.screen());
    h.key(Char('n'));
    h.key(Char('['));
    assert!(
        h.screen().contains("Question 3 of"),
        "the first area kept its question: {}",
        h.screen()
    );
    // The area's 'good' statements are one key away.
    h.key(Tab);
    assert!(h.screen().contains("'Good' looks like"), "{}", h.screen());
    h.key(Tab);
    h.key(Char(']'));
    h.key(Esc); // home, saved
    h.runtime
        .dispatch_effect(howgood::app::action::Effect::Open(s.id.clone()));
    let screen = h.screen();
    assert!(screen.contains("Question 2 of"), "{screen}");
    assert!(screen.contains("[2/2]"), "{screen}");
    // The help names the keys.
    h.key(Char('?'));
    let help = h.screen();
    assert!(help.contains("next area"), "{help}");
}

#[test]
fn item4_a_markdown_record_to_sign_in_question_order_without_workshop_tables() {
    let mut s = supervision_with_history("2026-10-01-sup", "Supervision October");
    // A second question, the framework's first, taken later.
    let (_, area, first) =
        howgood::app::supervision::questions(&common::library(), &s, 0).remove(0);
    s.items[0].questions.push(QuestionNote {
        area,
        question: first,
        discussed: false,
        note: "Not yet".into(),
    });
    let markdown =
        howgood::export::session_markdown(&s, &common::library(), "2026-11-24".parse().unwrap());
    assert!(markdown.contains("**Supervisee:** AB"), "{markdown}");
    assert!(
        markdown.contains("## Next supervision\n\n2026-11-24"),
        "{markdown}"
    );
    assert!(markdown.contains("Signed (supervisee)"), "{markdown}");
    assert!(markdown.contains("(discussed)"), "{markdown}");
    assert!(markdown.contains("(not discussed)"), "{markdown}");
    assert!(markdown.contains("Owner: AB · By: 2026-11-20 · Status: not started"));
    assert!(markdown.contains("CR-77"), "{markdown}");
    let first = markdown.find("Not yet").expect("first");
    let second = markdown.find("Only attendance").expect("second");
    assert!(first < second, "in the framework's question order");
    for workshop in ["|", "riangulat", "capacity", "score", "Level", "disclaim"] {
        assert!(!markdown.contains(workshop), "{workshop}: {markdown}");
    }

    // A level asked for (or one in an older file) is said plainly, never
    // tabled or scored.
    s.items[0].level = Some(5);
    s.scale = howgood::session::model::ScaleChoice::Borrowed("hmie-cp-2009".into());
    let markdown =
        howgood::export::session_markdown(&s, &common::library(), "2026-11-24".parse().unwrap());
    assert!(
        markdown.contains("- **Safeguarding wisdom:** level 5 (very good)"),
        "{markdown}"
    );
    assert!(!markdown.contains('|'), "{markdown}");
}

#[test]
fn item4_export_from_the_record_writes_the_record() {
    let mut h = start_supervision(100, 30);
    h.key(Char('e'));
    let exports = h.dir.path().join("exports");
    let file = std::fs::read_dir(&exports)
        .expect("exports")
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "md"))
        .expect("a markdown export");
    let text = std::fs::read_to_string(file.path()).expect("read");
    assert!(text.contains("Signed (supervisor)"), "{text}");
    assert!(!text.contains('|'), "{text}");
}

#[test]
fn the_supervision_record_on_screen() {
    for (w, hgt) in [(80, 24), (160, 45)] {
        let mut h = start_supervision(w, hgt);
        write(&mut h, "AB");
        h.key(Down);
        write(&mut h, "TL");
        insta::assert_snapshot!(format!("supervision_record_{w}x{hgt}"), h.screen());
        h.key(Char(']'));
        insta::assert_snapshot!(format!("supervision_question_{w}x{hgt}"), h.screen());
    }
}

#[test]
fn item1_two_copies_each_adding_a_case_merge_to_both() {
    let base = supervision_with_history("2026-10-01-sup", "Supervision October");
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let case = |id: &str, reference: &str| CaseDiscussion {
        id: id.into(),
        reference: reference.into(),
        ..Default::default()
    };
    ours.supervision
        .as_mut()
        .unwrap()
        .cases
        .push(case("c-ours", "CR-1"));
    theirs
        .supervision
        .as_mut()
        .unwrap()
        .cases
        .push(case("c-theirs", "CR-2"));
    let merged = howgood::sync::session_merge::merge_sessions(
        Some(&base),
        &ours,
        &theirs,
        &Default::default(),
    )
    .expect("merge");
    let mut references: Vec<&str> = merged
        .supervision
        .as_ref()
        .unwrap()
        .cases
        .iter()
        .map(|c| c.reference.as_str())
        .collect();
    references.sort();
    assert_eq!(references, ["CR-1", "CR-2", "CR-77"]);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);

    // The same case decided differently: one case, the other decision kept
    // as a conflict on that case's field (matched by its stable id).
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.supervision.as_mut().unwrap().cases[0].decision = "Escalate".into();
    theirs.supervision.as_mut().unwrap().cases[0].decision = "Monitor".into();
    let merged = howgood::sync::session_merge::merge_sessions(
        Some(&base),
        &ours,
        &theirs,
        &Default::default(),
    )
    .expect("merge");
    assert_eq!(merged.supervision.as_ref().unwrap().cases.len(), 1);
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert!(
        merged.conflicts[0].path.contains("cases[c-case1].decision"),
        "{:?}",
        merged.conflicts
    );
}

/// Last time's actions marked: done, carried forward, dropped.
fn review_last_time(h: &mut Harness) {
    h.key(Tab);
    h.type_text("Went on 12 Nov");
    h.key(Tab);
    h.key(Char('d'));
    h.key(Char('c'));
    h.key(Char('x'));
}

#[test]
fn a_carried_action_shows_last_times_words_in_so_far() {
    let (mut h, _) = series(100, 30);
    review_last_time(&mut h);
    let screen = h.screen();
    assert!(screen.contains("So far"), "{screen}");
    let so_far = screen
        .split_once("Agreed actions (1)")
        .map(|(_, rest)| rest.to_owned())
        .unwrap_or_else(|| panic!("the actions heading: {screen}"));
    assert!(
        so_far.contains("1. Read the neglect toolkit"),
        "carried text read through its link: {screen}"
    );
    assert!(so_far.contains("AB · by 2026-11-20"), "{screen}");
    assert!(!so_far.contains("1. –"), "{screen}");
}

#[test]
fn a_carried_action_whose_session_is_not_at_hand_says_where_it_came_from() {
    let (mut h, _) = series(100, 30);
    review_last_time(&mut h);
    // As if last time's file could not be read this time.
    h.runtime
        .app
        .workspace_mut()
        .expect("open")
        .earlier
        .as_mut()
        .expect("earlier")
        .priorities
        .clear();
    let screen = h.screen();
    assert!(screen.contains("1. (carried from 2026-10-01)"), "{screen}");
}

#[test]
fn a_carried_action_in_so_far_on_screen() {
    for (w, hgt) in [(80, 24), (160, 45)] {
        let (mut h, _) = series(w, hgt);
        review_last_time(&mut h);
        insta::assert_snapshot!(format!("supervision_so_far_carried_{w}x{hgt}"), h.screen());
    }
}

#[test]
fn a_carried_actions_empty_field_shows_the_words_it_carries() {
    let (mut h, _) = series(100, 30);
    review_last_time(&mut h);
    // To the Actions tab: the carried action's own words are empty.
    for _ in 0..3 {
        h.key(Char(']'));
    }
    let screen = h.screen();
    assert!(screen.contains("Agreed action 1"), "{screen}");
    assert!(
        screen.contains("carried: Read the neglect toolkit"),
        "{screen}"
    );
}
