//! Supervision in its own form (issue 12, items 1 and 4): the new-session
//! form asks for the supervisee and supervisor; an area takes a level only
//! when the user asks to rate it (`r`), and turning that off asks before a
//! recorded level is cleared; the HTML record is the supervision's own,
//! read back with an XML parser we did not write (quick-xml).

mod common;

use common::Harness;
use howgood::session::model::{
    CaseDiscussion, Framing, Priority, QuestionNote, Session, SessionKind, SupervisionRecord,
};
use ratatui::crossterm::event::KeyCode::{BackTab, Char, Down, Enter, Tab};

/// The form for a supervision, filled in as a person would, up to (not
/// including) creating it.
fn fill_form(h: &mut Harness) {
    h.key(Char('v'));
    h.type_text("Supervision with AB");
    // The framework a supervision starts with: the LSCB framework.
    h.keys(&[Tab, Tab]);
    h.type_text("AB (social worker)");
    h.key(Tab);
    h.type_text("TL (team leader)");
    h.keys(&[Tab, Tab]); // follows, next due
    h.type_text("2026-12-08");
    h.key(Tab);
    h.type_text("wisdom");
    h.key(Down); // "Safeguarding wisdom" (the sub-area)
    h.key(Enter);
}

fn start_supervision(width: u16, height: u16) -> Harness {
    let mut h = Harness::new(width, height);
    fill_form(&mut h);
    h.key(Tab);
    h.key(Enter);
    h
}

#[test]
fn item4_the_form_asks_a_supervision_for_its_supervisee_and_supervisor() {
    for (w, hgt) in [(80, 24), (160, 45)] {
        let mut h = Harness::new(w, hgt);
        fill_form(&mut h);
        let screen = h.screen();
        for wanted in ["Supervisee", "Supervisor", "Initials or roles, not names"] {
            assert!(screen.contains(wanted), "{wanted}: {screen}");
        }
        for workshop in ["Facilitator", "Locality", "Participants"] {
            assert!(!screen.contains(workshop), "{workshop}: {screen}");
        }
        insta::assert_snapshot!(format!("supervision_form_{w}x{hgt}"), screen);
    }
    // A workshop's form keeps its own fields.
    let mut h = Harness::new(100, 30);
    h.key(Char('n'));
    let screen = h.screen();
    assert!(screen.contains("Facilitator") && screen.contains("Locality"));
    assert!(!screen.contains("Supervisee"), "{screen}");

    // What was typed is the supervision's own record.
    let mut h = start_supervision(100, 30);
    h.wait(5);
    let saved = h.saved();
    let record = saved.supervision.expect("its own record");
    assert_eq!(record.supervisee, "AB (social worker)");
    assert_eq!(record.supervisor, "TL (team leader)");
    assert_eq!(record.next_date, Some("2026-12-08".parse().unwrap()));
    assert_eq!(saved.next_due, Some("2026-12-08".parse().unwrap()));
    assert!(saved.participants.is_empty(), "{:?}", saved.participants);
    assert_eq!((saved.facilitator, saved.locality), (None, None));
    let screen = h.screen();
    assert!(screen.contains("AB (social worker)"), "{screen}");
}

#[test]
fn item4_going_back_over_the_form_passes_only_its_own_fields() {
    let mut h = Harness::new(100, 30);
    h.key(Char('v'));
    // From the title back to the kind, then forward through each field.
    h.key(BackTab);
    let mut seen = Vec::new();
    for _ in 0..8 {
        h.key(Tab);
        if let howgood::app::Screen::NewSession(form) = &h.app().screen {
            seen.push(form.field);
        }
    }
    use howgood::app::home::FormField as F;
    assert_eq!(
        seen,
        [
            F::Title,
            F::Framework,
            F::Supervisee,
            F::Supervisor,
            F::Follows,
            F::NextDue,
            F::Items,
            F::Create
        ]
    );
}

fn level_of(h: &Harness) -> Option<u8> {
    h.saved().items[0].level
}

#[test]
fn item1_an_area_takes_a_level_only_when_asked_to_rate_it() {
    let mut h = start_supervision(100, 30);
    h.key(Char(']'));
    // Not asked: a digit sets nothing and no level is shown, but says
    // which key rates the area.
    h.key(Char('4'));
    assert!(
        h.screen()
            .contains("Not rated: a supervision rates an area only when asked. r rates it."),
        "{}",
        h.screen()
    );
    h.wait(5);
    assert_eq!(level_of(&h), None);
    assert!(!h.screen().contains("Level"), "{}", h.screen());
    assert!(h.screen().contains("r rate area"), "the footer offers it");

    // Asked: the area takes its level, saved.
    h.key(Char('r'));
    let screen = h.screen();
    assert!(
        screen.contains("Level (rating this area was asked for"),
        "{screen}"
    );
    assert!(screen.contains("press 1-6 to set it"), "{screen}");
    h.key(Char('4'));
    h.wait(5);
    assert_eq!(level_of(&h), Some(4));
    let saved = h.saved();
    assert_eq!(
        saved.supervision.expect("record").rated,
        ["safeguarding-wisdom"]
    );
    // Only the level: no triangulation, capacity or timer came with it.
    let screen = h.screen();
    for workshop in ["riangulat", "apacity", "⏱", "sources"] {
        assert!(!screen.contains(workshop), "{workshop}: {screen}");
    }

    // The record screen shows it, on its own.
    h.key(Char('['));
    let screen = h.screen();
    assert!(screen.contains("Areas rated on request"), "{screen}");
    assert!(screen.contains("Safeguarding wisdom: 4"), "{screen}");

    // So does the Markdown export.
    h.key(Char('e'));
    let markdown = exported(&h, "md");
    assert!(
        markdown.contains("- **Safeguarding wisdom:** level 4"),
        "{markdown}"
    );
    assert!(!markdown.contains('|'), "never a table: {markdown}");
}

#[test]
fn item1_turning_rating_off_asks_before_a_recorded_level_is_cleared() {
    let mut h = start_supervision(100, 30);
    h.key(Char(']'));
    h.key(Char('r'));
    h.key(Char('5'));
    h.wait(5);
    assert_eq!(level_of(&h), Some(5));

    // Any key but y keeps rating, and the level.
    h.key(Char('r'));
    let screen = h.screen();
    assert!(
        screen.contains("Stop rating Safeguarding wisdom?"),
        "{screen}"
    );
    assert!(
        screen.contains("(5 very good)"),
        "the level named: {screen}"
    );
    h.key(Char('n'));
    h.wait(5);
    assert_eq!(level_of(&h), Some(5));
    assert!(h.screen().contains("Level: 5"), "{}", h.screen());

    // y stops rating and clears the level: nothing is kept hidden.
    h.key(Char('r'));
    h.key(Char('y'));
    h.wait(5);
    let saved = h.saved();
    assert_eq!(saved.items[0].level, None);
    assert!(saved.supervision.expect("record").rated.is_empty());
    assert!(!h.screen().contains("Level"), "{}", h.screen());
    h.key(Char('5'));
    h.wait(5);
    assert_eq!(level_of(&h), None, "digits do nothing again");

    // Opted in and out with no level set: nothing to ask.
    h.key(Char('r'));
    h.key(Char('r'));
    assert!(h.app().overlay.is_none());
    h.wait(5);
    assert!(h.saved().supervision.expect("record").rated.is_empty());
    assert!(!h.saved_text().contains("rated"), "{}", h.saved_text());
}

#[test]
fn item1_a_rated_area_on_screen() {
    for (w, hgt) in [(80, 24), (160, 45)] {
        let mut h = start_supervision(w, hgt);
        h.key(Char(']'));
        h.key(Char('r'));
        h.key(Char('3'));
        insta::assert_snapshot!(format!("supervision_rated_area_{w}x{hgt}"), h.screen());
        h.key(Char('['));
        insta::assert_snapshot!(format!("supervision_rated_record_{w}x{hgt}"), h.screen());
    }
}

/// The newest export of a format in the exports folder.
fn exported(h: &Harness, extension: &str) -> String {
    let exports = h.dir.path().join("exports");
    let file = std::fs::read_dir(&exports)
        .expect("exports")
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == extension))
        .expect("an export");
    std::fs::read_to_string(file.path()).expect("read")
}

// ---------------------------------------------------------------- HTML

/// A supervision of two areas, one rated at 5 on request, with a
/// check-in, two questions taken, a case and two actions.
fn supervision() -> Session {
    let mut s = common::session(
        "2026-11-24-sup",
        SessionKind::Supervision,
        "Supervision with AB",
        "lscb-qaf",
        &["safeguarding-wisdom", "supervision-and-support"],
    );
    s.scale = howgood::session::model::ScaleChoice::Borrowed("hmie-cp-2009".into());
    s.framing = Framing::You;
    s.supervision = Some(SupervisionRecord {
        supervisee: "AB".into(),
        supervisor: "TL".into(),
        date: Some("2026-11-24".parse().unwrap()),
        planned_minutes: Some(90),
        next_date: Some("2026-12-08".parse().unwrap()),
        wellbeing: "Tired after a hard week".into(),
        cases: vec![CaseDiscussion {
            id: "c-1".into(),
            reference: "CR-77".into(),
            discussion: "Drift in the plan".into(),
            decision: "Escalate to the IRO".into(),
            rationale: "Two reviews without progress".into(),
        }],
        rated: vec!["safeguarding-wisdom".into()],
        ..Default::default()
    });
    s.items[0].level = Some(5);
    let library = common::library();
    let asked = howgood::app::supervision::questions(&library, &s, 0);
    for (at, discussed, note) in [
        (2, true, "Only attendance is counted"),
        (0, false, "Not yet"),
    ] {
        let (_, area, question) = asked[at].clone();
        s.items[0].questions.push(QuestionNote {
            area,
            question,
            discussed,
            note: note.into(),
        });
    }
    for (id, statement, owner) in [
        ("p-1", "Shadow a strategy meeting", "AB"),
        ("p-2", "Book the IRO consultation", "TL"),
    ] {
        let mut p = Priority::new(id.into());
        p.statement = statement.into();
        p.owner = owner.into();
        p.deadline = Some("2026-12-05".parse().unwrap());
        s.priorities.push(p);
    }
    s
}

/// What a parser we did not write finds in the page: the h2 headings in
/// order, every element name, and the text.
struct Parsed {
    headings: Vec<String>,
    elements: Vec<String>,
    text: String,
}

fn parse(html: &str) -> Parsed {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(html);
    let mut parsed = Parsed {
        headings: Vec::new(),
        elements: Vec::new(),
        text: String::new(),
    };
    let mut in_h2 = false;
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                in_h2 = name == "h2";
                if in_h2 {
                    parsed.headings.push(String::new());
                }
                parsed.elements.push(name);
            }
            Event::Empty(e) => {
                parsed.elements.push(e.name().as_ref().to_owned());
            }
            Event::End(_) => in_h2 = false,
            Event::Text(t) => {
                let text = t.html_content().into_owned();
                if in_h2 && let Some(h) = parsed.headings.last_mut() {
                    h.push_str(&text);
                }
                parsed.text.push_str(&text);
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().expect("a character") {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r.clone().into_inner())
                        .expect("a known entity")
                        .to_owned(),
                };
                let text = text.as_str();
                if in_h2 && let Some(h) = parsed.headings.last_mut() {
                    h.push_str(text);
                }
                parsed.text.push_str(text);
            }
            _ => {}
        }
    }
    parsed
}

/// The supervision's HTML record with the built-in templates, or with a
/// user's own from `dir`.
fn html_of(session: &howgood::session::model::Session) -> String {
    html_with(session, None)
}

fn html_with(session: &howgood::session::model::Session, dir: Option<&std::path::Path>) -> String {
    let env = howgood::export::html::environment(dir).expect("templates");
    howgood::export::html::session_html(
        &env,
        session,
        &common::library(),
        "2026-11-24".parse().unwrap(),
        0,
    )
    .expect("render")
}

#[test]
fn item2_the_html_record_is_the_supervisions_own() {
    let session = supervision();
    let html = html_of(&session);
    let page = parse(&html);
    assert_eq!(
        page.headings,
        [
            "Wellbeing check-in",
            "Questions and reflections",
            "Also recorded for the areas",
            "Case discussions (by case reference only)",
            "Agreed actions",
            "Next supervision",
        ],
        "{html}"
    );
    // No workshop parts: no tables, triangulation, levels legend,
    // disclaimer, capacity statement or "Priority 1 … serves".
    assert!(!page.elements.iter().any(|e| e == "table" || e == "script"));
    for workshop in [
        "riangulat",
        "The levels used",
        "does not add these evaluations together",
        "apacity for improvement",
        "Priority 1",
        "Serves",
        "Facilitator",
        "Improvement plan",
        "Confidence",
    ] {
        assert!(!page.text.contains(workshop), "{workshop}: {}", page.text);
    }
    // The supervision's parts: who, the check-in, questions in order with
    // their discussed marks, the level asked for, the case by reference,
    // the actions with owner, date and status, the next date, signatures.
    let text = &page.text;
    for wanted in [
        "Supervision record",
        "Supervisee",
        "AB",
        "TL",
        "90 minutes",
        "Initials or roles, not names",
        "Tired after a hard week",
        "(discussed)",
        "(not discussed)",
        "Safeguarding wisdom: level 5 (very good)",
        "Case reference CR-77",
        "Escalate to the IRO",
        "Two reviews without progress",
        "Owner: AB · By: 2026-12-05 · Status: not started",
        "Owner: TL · By: 2026-12-05 · Status: not started",
        "2026-12-08",
        "Signed (supervisee)",
        "Signed (supervisor)",
    ] {
        assert!(text.contains(wanted), "{wanted}: {text}");
    }
    let first = text
        .find("Not yet")
        .expect("the framework's first question");
    let third = text.find("Only attendance").expect("its third");
    assert!(first < third, "in the framework's question order");
    // The area not asked to be rated has no level anywhere.
    assert!(
        !text.contains("Safeguarding supervision and support: level"),
        "{text}"
    );
    assert!(!text.contains("not yet evaluated"), "{text}");
}

#[test]
fn item2_the_html_record_escapes_what_was_typed_and_a_user_template_replaces_it() {
    let mut session = supervision();
    session.supervision.as_mut().unwrap().wellbeing = "<b>fine</b> & well".into();
    let html = html_of(&session);
    assert!(parse(&html).text.contains("<b>fine</b> & well"));
    assert!(!html.contains("<b>fine"), "escaped");

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("supervision.html"),
        "<p>Northshire: {{ r.supervisee }}</p>",
    )
    .expect("write");
    assert_eq!(
        html_with(&session, Some(dir.path())),
        "<p>Northshire: AB</p>"
    );
}

#[test]
fn item2_the_html_record_from_the_command_line() {
    let h = Harness::new(80, 24);
    let session = supervision();
    h.write_session(&session);
    let out = h.dir.path().join("record.html");
    assert_cmd::Command::cargo_bin("howgood")
        .expect("binary")
        .env("HOWGOOD_DATA_DIR", h.dir.path())
        .env("HOWGOOD_CONFIG_DIR", h.dir.path().join("config"))
        .args(["export", &session.id, "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .success();
    let page = parse(&std::fs::read_to_string(&out).expect("read"));
    assert!(page.headings.iter().any(|h| h == "Agreed actions"));
    assert!(!page.elements.iter().any(|e| e == "table"));
}
