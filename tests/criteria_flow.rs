//! Frameworks used as their publishers meant, driven by key presses: the
//! criteria of a 2014 judgement with their states, ¶67's prompt beside
//! overall effectiveness, a narrative-only judgement with no grade, an
//! Ofsted statement with an audit proportion, and an LSCB session against
//! its Module 2 statements. Asserted in the saved file, on screen and in
//! the exports.

mod common;

use common::{Harness, library, session};
use howgood::app::rows::Row;
use howgood::session::model::{CriterionState, SessionKind, Standard};
use ratatui::crossterm::event::KeyCode::{self, Char, Down, Enter, Esc, Right, Tab};

/// Move the record cursor down until a row matches.
fn down_to(h: &mut Harness, wanted: impl Fn(&Row) -> bool) {
    for _ in 0..200 {
        let here = h.app().workspace().map(|ws| {
            howgood::app::rows::rows(&h.app().library, ws, false)
                .get(ws.record_cursor)
                .cloned()
        });
        if here.flatten().as_ref().is_some_and(&wanted) {
            return;
        }
        h.key(Down);
    }
    panic!("no such row\n{}", h.screen());
}

fn on_criterion(key: &'static str) -> impl Fn(&Row) -> bool {
    move |row| matches!(row, Row::Criterion(at) if at.key == key)
}

fn write(h: &mut Harness, open: KeyCode, text: &str) {
    h.key(open);
    h.type_text(text);
    h.key(Esc);
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 24)
}

#[test]
fn a_2014_health_workshop_records_criteria_and_p67_prompts_beside_overall_effectiveness() {
    let mut h = Harness::new(100, 32);
    let s = session(
        "2026-11-24-health-prep-0001",
        SessionKind::Workshop,
        "Health: preparing for the integrated inspection",
        "integrated-inspection-2014",
        &["health-help-and-protection", "health-overall-effectiveness"],
    );
    h.open_session(&s);
    let screen = h.screen();
    assert!(screen.contains("[not yet known] a."), "{screen}");
    assert!(screen.contains("Grade descriptors"), "{screen}");

    down_to(&mut h, on_criterion("a"));
    h.key(Char('y'));
    h.key(Down);
    h.key(Char('~'));
    write(&mut h, Char('e'), "Audit of 20 health visiting records");
    write(
        &mut h,
        Enter,
        "Early help offer not known in two GP practices",
    );
    h.key(Down);
    h.key(Char(' ')); // Space steps on: not yet known -> met
    h.key(Char('x')); // and x says not met
    h.key(Char('g'));
    h.key(Char('4'));
    h.wait(5);

    let saved = h.saved();
    let record = &saved.items[0];
    assert_eq!(record.level, Some(4));
    let states: Vec<(&str, CriterionState)> = record
        .criteria
        .iter()
        .map(|c| (c.criterion.as_str(), c.state))
        .collect();
    assert_eq!(
        states,
        [
            ("a", CriterionState::Met),
            ("b", CriterionState::PartlyMet),
            ("c", CriterionState::NotMet),
        ]
    );
    assert_eq!(
        record.criteria[1].evidence,
        "Audit of 20 health visiting records"
    );
    assert_eq!(
        record.criteria[1].note,
        "Early help offer not known in two GP practices"
    );

    // Overall effectiveness: the document's relation, quoted, beside the
    // level; nothing is set for the group.
    h.key(Char('n'));
    let screen = h.screen();
    assert!(screen.contains("¶67"), "{screen}");
    assert!(
        screen.contains("A judgement of inadequate is likely to"),
        "{screen}"
    );
    assert!(screen.contains("the group still decides"), "{screen}");
    h.wait(5);
    assert_eq!(h.saved().items[1].level, None, "a prompt, never a level");
    for (width, height) in [(80, 24), (240, 67)] {
        h.resize(width, height);
        insta::assert_snapshot!(format!("p67_prompt_{width}x{height}"), h.screen());
    }

    // Before anything is recorded inadequate, there is no prompt.
    let mut quiet = s.clone();
    quiet.items[0].level = Some(3);
    let library = library();
    assert!(
        howgood::app::criteria::prompts(&library, &quiet, "health-overall-effectiveness")
            .is_empty()
    );

    let markdown = howgood::export::markdown::session_markdown(&h.saved(), &library, today());
    assert!(
        markdown.contains("- **met** a. Children and their families"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- **partly met** b. Health professionals"),
        "{markdown}"
    );
    assert!(
        markdown.contains("  - Evidence: Audit of 20 health visiting records"),
        "{markdown}"
    );
    assert!(markdown.contains("- **not yet known** d."), "{markdown}");
}

#[test]
fn a_probation_judgement_takes_a_narrative_and_offers_no_grade() {
    let mut h = Harness::new(80, 24);
    let s = session(
        "2026-11-24-probation-0001",
        SessionKind::Workshop,
        "Probation: protecting children",
        "integrated-inspection-2014",
        &["probation-and-yot-nps-crc"],
    );
    h.open_session(&s);
    let screen = h.screen();
    assert!(!screen.contains("Level:"), "{screen}");
    assert!(screen.contains("No grade"), "{screen}");
    assert!(
        !screen.contains("1-4 level"),
        "no level key offered\n{screen}"
    );
    insta::assert_snapshot!("probation_narrative_80x24", screen);

    h.key(Char('3'));
    down_to(&mut h, |r| {
        matches!(r, Row::Text(howgood::app::fields::TextField::Narrative(_)))
    });
    write(
        &mut h,
        Enter,
        "Screening at the start of sentence is consistent.",
    );
    down_to(&mut h, on_criterion("85a"));
    h.key(Char('y'));
    h.wait(5);

    let saved = h.saved();
    let record = &saved.items[0];
    assert_eq!(record.level, None, "a digit gives no grade here");
    assert_eq!(
        record.narrative,
        "Screening at the start of sentence is consistent."
    );
    assert_eq!(record.criteria[0].criterion, "85a");
    assert_eq!(record.criteria[0].state, CriterionState::Met);

    let markdown = howgood::export::markdown::session_markdown(&saved, &library(), today());
    assert!(markdown.contains("**Narrative account**"), "{markdown}");
    assert!(
        markdown.contains("| no grade (narrative account) |"),
        "the summary table gives no level either\n{markdown}"
    );
    assert!(
        markdown.contains("No grade: the publisher gives no grade descriptors"),
        "{markdown}"
    );
    assert!(markdown.contains("- **met** 85a."), "{markdown}");
}

#[test]
fn an_ofsted_statement_keeps_its_audit_proportion_beside_its_own_word() {
    let mut h = Harness::new(100, 32);
    let s = session(
        "2026-11-24-recording-0001",
        SessionKind::Workshop,
        "Case recording",
        "ofsted-good-outcomes",
        &["3.18", "3.22"],
    );
    h.open_session(&s);
    down_to(&mut h, on_criterion("3.18"));
    h.key(Char('~'));
    h.key(Char('a'));
    h.type_text("16/15");
    h.key(Enter);
    assert!(h.screen().contains("is not a proportion"), "{}", h.screen());
    for _ in 0..5 {
        h.key(KeyCode::Backspace);
    }
    h.type_text("12/15");
    h.key(Enter);
    let screen = h.screen();
    assert!(
        screen.contains("Audit: 12 of 15 cases audited · the"),
        "{screen}"
    );
    assert!(screen.contains("statement says 'the majority'"), "{screen}");
    h.key(Char('n'));
    assert!(
        h.screen().contains("'almost all'"),
        "3.22 differs only by its word\n{}",
        h.screen()
    );
    h.wait(5);

    let saved = h.saved();
    let c = &saved.items[0].criteria[0];
    assert_eq!(c.state, CriterionState::PartlyMet);
    let audit = c.audit.expect("audit kept");
    assert_eq!((audit.numerator, audit.denominator), (12, 15));

    let json = howgood::export::json::session_json(&saved, 0);
    let (back, _) = howgood::export::json::read_session(&json).expect("reads back");
    assert_eq!(back, saved, "the criteria survive the JSON round trip");
    let library = library();
    let markdown = howgood::export::markdown::session_markdown(&saved, &library, today());
    assert!(
        markdown.contains("Audit: 12 of 15 cases audited · the statement says 'the majority'"),
        "{markdown}"
    );
    let env = howgood::export::html::environment(None).expect("templates");
    let html =
        howgood::export::html::session_html(&env, &saved, &library, today(), 0).expect("html");
    assert!(html.contains("12 of 15 cases audited"), "{html}");
    assert!(
        html.contains("<strong>partly met</strong> 3.18 The majority"),
        "{html}"
    );
}

#[test]
fn an_lscb_session_created_against_module_2_statements() {
    let mut h = Harness::new(100, 32);
    h.key(Char('n'));
    h.type_text("Workforce against Module 2");
    h.key(Tab); // the framework
    for _ in 0..10 {
        if h.screen().contains("[lscb-qaf]") {
            break;
        }
        h.key(Right);
    }
    assert!(h.screen().contains("Evaluate by"), "{}", h.screen());
    h.key(Tab); // the standard
    h.key(Right);
    assert!(
        h.screen().contains("Module 2 'good' statements"),
        "{}",
        h.screen()
    );
    // participants, facilitator, locality, follows, next due, items
    h.keys(&[Tab, Tab, Tab, Tab, Tab, Tab]);
    h.type_text("workforce");
    h.key(Enter);
    h.key(Tab);
    h.key(Enter);
    let screen = h.screen();
    assert!(!screen.contains("Level:"), "{screen}");
    assert!(
        screen.contains("Module 2: what 'good' looks like"),
        "{screen}"
    );

    // A digit says why no level, and what to do instead.
    h.key(Char('4'));
    let screen = h.screen();
    assert!(
        screen.contains("No level here: no level (Module 2 statements). Mark it with y / ~ / x."),
        "{screen}"
    );
    down_to(&mut h, |r| matches!(r, Row::Criterion(_)));
    h.key(Char('x'));
    h.wait(5);
    let saved = h.saved();
    assert_eq!(saved.standard, Standard::GoodStatements);
    assert_eq!(saved.items[0].level, None);
    let c = &saved.items[0].criteria[0];
    assert_eq!(c.area, "workforce");
    assert_eq!(c.state, CriterionState::NotMet);
    assert!(
        c.criterion.starts_with("Parents and children say"),
        "{}",
        c.criterion
    );
    assert!(h.saved_text().contains("standard: GoodStatements"));

    let markdown = howgood::export::markdown::session_markdown(&saved, &library(), today());
    assert!(
        markdown.contains("- **Evaluated against:** the area's Module 2 'good' statements"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- **not met** Outcome: Parents and children say"),
        "{markdown}"
    );
}

/// A session that records nothing new writes nothing new: format 3 files
/// stay as they were.
#[test]
fn untouched_sessions_write_no_new_fields() {
    let s = session(
        "2026-11-24-plain-0001",
        SessionKind::Workshop,
        "Plain",
        "hmie-cp-2009",
        &["5.3"],
    );
    let text = howgood::session::codec::encode(&s).expect("encode");
    assert!(!text.contains("criteria"), "{text}");
    assert!(!text.contains("narrative"), "{text}");
    assert!(!text.contains("standard"), "{text}");
}

#[test]
fn an_ofsted_workshop_records_statements_not_levels() {
    let mut h = Harness::new(80, 24);
    let s = session(
        "2026-11-25-statements-0001",
        SessionKind::Workshop,
        "Supervision and recording",
        "ofsted-good-outcomes",
        &["3.18"],
    );
    h.open_session(&s);
    assert!(
        h.screen().contains("Recorded as a statement"),
        "{}",
        h.screen()
    );
    // Digits set no level, wherever the cursor is.
    h.key(Char('2'));
    down_to(&mut h, on_criterion("3.18"));
    h.key(Char('3'));
    h.key(Char('y'));
    h.key(Char('a'));
    h.type_text("13/15");
    h.key(Enter);
    h.wait(5);

    let saved = h.saved();
    assert_eq!(saved.items[0].level, None, "no level from the digits");
    assert!(saved.items[0].individual_levels.is_empty());
    let c = &saved.items[0].criteria[0];
    assert_eq!(c.criterion, "3.18");
    assert_eq!(c.state, CriterionState::Met);
    let audit = c.audit.expect("audit kept");
    assert_eq!((audit.numerator, audit.denominator), (13, 15));
    let text = h.saved_text();
    assert!(!text.contains("level: Some"), "{text}");

    let library = library();
    let markdown = howgood::export::markdown::session_markdown(&saved, &library, today());
    assert!(markdown.contains("| statement: met |"), "{markdown}");
    assert!(
        markdown
            .contains("**Level:** none: recorded as a statement (met / partly met / not met): met"),
        "{markdown}"
    );
    let env = howgood::export::html::environment(None).expect("templates");
    let html =
        howgood::export::html::session_html(&env, &saved, &library, today(), 0).expect("html");
    assert!(html.contains("recorded as a statement"), "{html}");
}

#[test]
fn an_older_ofsted_file_keeps_and_exports_its_level() {
    let mut h = Harness::new(80, 24);
    let mut s = session(
        "2026-01-10-graded-0001",
        SessionKind::Workshop,
        "Graded before",
        "ofsted-good-outcomes",
        &["3.6"],
    );
    s.items[0].level = Some(2);
    h.open_session(&s);
    let screen = h.screen();
    assert!(
        screen.contains("Recorded earlier: level 2 good"),
        "{screen}"
    );
    assert!(
        !screen.contains("Scale"),
        "no scale tab for a statement\n{screen}"
    );
    for (width, height) in [(80, 24), (240, 67)] {
        h.resize(width, height);
        insta::assert_snapshot!(format!("ofsted_earlier_level_{width}x{height}"), h.screen());
    }
    h.resize(80, 24);
    // Read-only: a digit neither changes nor clears it.
    h.key(Char('1'));
    h.key(Char('0'));
    h.key(Char('y'));
    h.wait(5);
    assert_eq!(h.saved().items[0].level, Some(2), "never dropped");

    let saved = h.saved();
    let markdown = howgood::export::markdown::session_markdown(&saved, &library(), today());
    assert!(markdown.contains("| 2 (good) |"), "{markdown}");
    assert!(!markdown.contains("statement: "), "{markdown}");
}

/// A digit where no level is offered says why and what to do instead
/// (the table's words for the rule, the keys from the key map), and
/// still sets nothing.
#[test]
fn a_digit_on_a_statement_or_narrative_says_why_no_level() {
    let mut h = Harness::new(80, 24);
    let statement = session(
        "2026-11-25-statements-0002",
        SessionKind::Workshop,
        "Supervision and recording",
        "ofsted-good-outcomes",
        &["3.18"],
    );
    h.open_session(&statement);
    h.key(Char('3'));
    let screen = h.screen();
    assert!(
        screen.contains(
            "No level here: statement: met / partly met / not met. Mark it with y / ~ / x."
        ),
        "{screen}"
    );
    insta::assert_snapshot!("digit_on_statement_80x24", screen);
    // From the framework's pane too.
    h.key(Tab);
    h.key(Char('2'));
    assert!(h.screen().contains("No level here"), "{}", h.screen());
    h.wait(5);
    assert_eq!(h.saved().items[0].level, None);

    let mut h = Harness::new(160, 45);
    let narrative = session(
        "2026-11-24-probation-0002",
        SessionKind::Workshop,
        "Probation: protecting children",
        "integrated-inspection-2014",
        &["probation-and-yot-nps-crc"],
    );
    h.open_session(&narrative);
    h.key(Char('3'));
    let screen = h.screen();
    assert!(
        screen.contains(
            "No level here: no grade (narrative account). Enter on the account writes it."
        ),
        "{screen}"
    );
    insta::assert_snapshot!("digit_on_narrative_160x45", screen);
}

/// The same at the other sizes: the notice fits the status line.
#[test]
fn a_digit_where_no_level_is_offered_on_screen() {
    let statement = session(
        "2026-11-25-statements-0003",
        SessionKind::Workshop,
        "Supervision and recording",
        "ofsted-good-outcomes",
        &["3.18"],
    );
    let narrative = session(
        "2026-11-24-probation-0003",
        SessionKind::Workshop,
        "Probation: protecting children",
        "integrated-inspection-2014",
        &["probation-and-yot-nps-crc"],
    );
    for (s, name, (w, hgt)) in [
        (&statement, "digit_on_statement", (160, 45)),
        (&narrative, "digit_on_narrative", (80, 24)),
    ] {
        let mut h = Harness::new(w, hgt);
        h.open_session(s);
        h.key(Char('5'));
        assert!(h.screen().contains("No level here"), "{}", h.screen());
        insta::assert_snapshot!(format!("{name}_{w}x{hgt}"), h.screen());
    }
}
