//! Issue 11: a facilitator's expectations, each driven by keys through the
//! runtime on a `TestBackend` and checked on screen and in the saved file.

mod common;

use common::Harness;
use howgood::app::Overlay;
use howgood::app::palette::{Kind as PaletteKind, Scope};
use howgood::app::reference::{self, Tab};
use howgood::app::rows::Row;
use howgood::session::model::{Evidence, EvidenceSource, InformationKind, Session, SessionKind};
use ratatui::crossterm::event::KeyCode::{Char, Down, Esc, Left, Right, Tab as TabKey};

const SIZES: [(u16, u16); 2] = [(80, 24), (240, 67)];

fn workshop(framework: &str, item: &str) -> Session {
    let mut s = common::session(
        "2026-11-24-facilitated-0001",
        SessionKind::Workshop,
        "Neglect: multi-agency workshop",
        framework,
        &[item],
    );
    s.participants = vec!["Police".into(), "Health".into(), "Education".into()];
    s
}

fn opened(session: &Session, (w, hgt): (u16, u16)) -> Harness {
    let mut h = Harness::new(w, hgt);
    h.open_session(session);
    h
}

/// The record row under the cursor.
fn row(h: &Harness) -> Option<Row> {
    let ws = h.app().workspace().expect("open");
    howgood::app::rows::rows(&h.app().library, ws, h.app().present)
        .get(ws.record_cursor)
        .cloned()
}

/// Move the record cursor down until `wanted` holds.
fn down_to(h: &mut Harness, wanted: impl Fn(&Row) -> bool) {
    for _ in 0..40 {
        if row(h).as_ref().is_some_and(&wanted) {
            return;
        }
        h.key(Down);
    }
    panic!("no such row: {:?}", row(h));
}

// 1. Arrows never change a level.
#[test]
fn arrows_never_change_a_level_only_digits_do() {
    // Ofsted statements take no level (met / partly / not met instead), so
    // the four-point case is a graded 2014 judgement.
    for (framework, item) in [
        ("integrated-inspection-2014", "health-help-and-protection"),
        ("hmie-cp-2009", "5.3"),
    ] {
        for size in SIZES {
            let mut h = opened(&workshop(framework, item), size);
            down_to(&mut h, |r| *r == Row::Level);
            h.key(Char('3'));
            // Right and left on the level row, on every tab of the text.
            for _ in 0..4 {
                h.keys(&[Right, Right, Left, Right]);
                assert!(
                    h.screen().contains("only with its digit key"),
                    "the arrow says how a level changes\n{}",
                    h.screen()
                );
                h.key(Char('t'));
            }
            // And with the framework's text focused.
            h.key(TabKey);
            h.keys(&[Right, Right, Left]);
            h.key(TabKey);
            down_to(&mut h, |r| matches!(r, Row::ParticipantLevel(0)));
            h.key(Char('2'));
            h.keys(&[Right, Right, Left, Right]);
            h.wait(2);
            let saved = h.saved();
            assert_eq!(saved.items[0].level, Some(3), "{framework} {size:?}");
            let silent: Vec<_> = saved.items[0]
                .individual_levels
                .iter()
                .map(|l| (l.participant.as_str(), l.level))
                .collect();
            assert_eq!(silent, [("Police", 2)], "{framework} {size:?}");
        }
    }
}

fn with_private_evidence() -> Session {
    let mut s = workshop("hmie-cp-2009", "5.3");
    s.items[0].rationale = "Strong multi-agency chronology".into();
    s.items[0].evidence = vec![
        Evidence {
            id: String::new(),
            source: EvidenceSource::CaseRecords,
            information: InformationKind::Quality,
            description: "Audit of twenty chronology records".into(),
            date: None,
            private: false,
        },
        Evidence {
            id: String::new(),
            source: EvidenceSource::ChildrenParentsCarers,
            information: InformationKind::Outcome,
            description: "Complaint chronology from the family of child R.T.".into(),
            date: None,
            private: true,
        },
    ];
    s
}

// 2. Private evidence never reaches the projector.
#[test]
fn the_palette_on_a_projector_never_lists_private_evidence() {
    for size in SIZES {
        let mut h = opened(&with_private_evidence(), size);
        // The facilitator alone sees it.
        h.key(Char('/'));
        h.type_text("chronology");
        assert!(h.screen().contains("R.T."), "{}", h.screen());
        h.key(Esc);
        h.key(Char('P'));
        h.key(Char('/'));
        h.type_text("chronology");
        let projected = h.screen();
        assert!(!projected.contains("R.T."), "{projected}");
        assert!(projected.contains("Audit of twenty"), "{projected}");
        h.key(Esc);
        // With the record hidden, none of the session's notes are listed.
        h.key(Char('H'));
        h.key(Char('/'));
        h.type_text("chronology");
        let hidden = h.screen();
        assert!(!hidden.contains("R.T."), "{hidden}");
        assert!(!hidden.contains("Audit of twenty"), "{hidden}");
        assert!(!hidden.contains("Strong multi-agency"), "{hidden}");
        h.key(Esc);
        // The summary and the reveal on a projector show no private text.
        h.key(Char('s'));
        assert!(!h.screen().contains("R.T."), "{}", h.screen());
        // Nothing is lost: the file keeps the private item.
        assert!(h.saved().items[0].evidence[1].private);
    }
}

// 6. Behind the too-small notice only quit and help act.
#[test]
fn keys_do_nothing_behind_the_too_small_screen() {
    let mut h = opened(&workshop("hmie-cp-2009", "5.3"), (80, 24));
    h.resize(40, 12);
    assert!(h.screen().contains("too small"), "{}", h.screen());
    h.keys(&[
        Char(']'),
        Char('a'),
        Char('4'),
        Char('n'),
        Char('P'),
        Char('/'),
    ]);
    h.wait(2);
    let ws = h.app().workspace().expect("open");
    assert_eq!(
        ws.stage,
        howgood::app::Stage::Walk {
            item: 0,
            phase: howgood::app::Phase::Now
        }
    );
    assert!(h.app().overlay.is_none() && !h.app().present);
    let saved = h.saved();
    assert_eq!(saved.items[0].level, None);
    assert!(saved.items[0].evidence.is_empty(), "no evidence was opened");
    h.key(Char('?'));
    assert!(matches!(
        h.app().overlay,
        Some(howgood::app::Overlay::Help { .. })
    ));
    h.key(Char('?'));
    assert!(h.app().overlay.is_none());
    h.resize(80, 24);
    assert!(
        h.screen().contains("How good are we now?"),
        "{}",
        h.screen()
    );
    h.resize(40, 12);
    h.key(Char('q'));
    assert!(h.app().quit);
}

/// The one Markdown export, as written.
fn exported(h: &Harness) -> String {
    let dir = h.dir.path().join("exports");
    let file = std::fs::read_dir(&dir)
        .expect("exports")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .expect("a Markdown export");
    std::fs::read_to_string(file).expect("read")
}

// 4. An untouched item is no family view; empty items are not exported.
#[test]
fn new_evidence_has_no_source_until_chosen_and_empty_items_count_for_nothing() {
    for size in SIZES {
        let mut h = opened(&workshop("hmie-cp-2009", "5.3"), size);
        h.key(Char(']'));
        h.key(Char('a'));
        h.key(Esc); // an empty item
        h.key(Char('a'));
        h.type_text("Staff focus group notes");
        h.key(Esc);
        h.wait(2);
        let saved = h.saved();
        let sources: Vec<_> = saved.items[0].evidence.iter().map(|e| e.source).collect();
        assert_eq!(sources, [EvidenceSource::Unset, EvidenceSource::Unset]);
        assert_eq!(saved.items[0].distinct_sources(), 0);
        assert!(!saved.items[0].has_family_views());
        let screen = h.screen();
        assert!(screen.contains("not chosen yet"), "{screen}");
        // Choosing a source counts it.
        down_to(&mut h, |r| {
            matches!(
                r,
                Row::Choice(howgood::app::fields::ChoiceField::EvidenceSource(0, 1))
            )
        });
        h.key(Char(' '));
        h.wait(2);
        assert_eq!(
            h.saved().items[0].evidence[1].source,
            EvidenceSource::ChildrenParentsCarers
        );
        assert!(h.saved().items[0].has_family_views());
        h.key(Char('s'));
        h.key(Char('e'));
        let md = exported(&h);
        assert!(md.contains("Staff focus group notes"), "{md}");
        assert!(
            !md.contains("(no description)"),
            "empty items stay out\n{md}"
        );
        assert!(!md.contains("not chosen yet"), "{md}");
    }
}

// 5. Timers carry on across phases, find results and reopening.
#[test]
fn a_phase_keeps_its_time_and_added_minutes_for_the_session() {
    for size in SIZES {
        let mut h = opened(&workshop("hmie-cp-2009", "5.3"), size);
        h.wait(5 * 60);
        h.key(Char('+'));
        h.key(Char('+'));
        h.key(Char(']'));
        h.key(Char('['));
        // 20 + 2 - 5 minutes.
        assert!(h.screen().contains("17:00"), "{}", h.screen());
        // A find result in this phase does not restart it.
        h.key(Char('/'));
        h.type_text("Recognising and assessing");
        h.key(ratatui::crossterm::event::KeyCode::Enter);
        assert!(h.screen().contains("17:00"), "{}", h.screen());
        // Past zero it counts the minutes over, and blocks nothing.
        h.wait(20 * 60);
        assert!(h.screen().contains("3 min over"), "{}", h.screen());
        h.key(Char(']'));
        h.key(Char('['));
        assert!(h.screen().contains("3 min over"), "{}", h.screen());
        // Saved with the session.
        h.key(Char('q'));
        let saved = h.saved();
        let clock = saved.walk.clock("5.3", 1).expect("kept");
        assert_eq!((clock.used_seconds, clock.added_minutes), (25 * 60, 2));
        // Minutes per phase set from the walk.
        let mut h2 = opened(&saved, size);
        assert!(h2.screen().contains("3 min over"), "{}", h2.screen());
        h2.key(Char('>'));
        assert!(
            h2.screen()
                .contains("Minutes for 'How good are we now?': 25")
        );
        assert!(h2.screen().contains("02:00"), "{}", h2.screen());
        h2.wait(2);
        assert_eq!(h2.saved().timers.now_minutes, 25);
    }
}

// 7. Resume returns to the item, phase, tab and field.
#[test]
fn reopening_returns_to_where_the_session_was_left() {
    for size in SIZES {
        let mut s = workshop("hmie-cp-2009", "5.3");
        s.items
            .push(howgood::session::model::ItemRecord::new("8.1"));
        let mut h = opened(&s, size);
        h.key(Char('n'));
        h.key(Char(']'));
        h.key(Char('t'));
        h.key(Char('a'));
        h.type_text("Case audit");
        h.key(Esc);
        h.key(Down);
        let (tab, row) = {
            let ws = h.app().workspace().expect("open");
            (ws.reference_tab, ws.record_cursor)
        };
        h.key(Esc); // leave the session
        h.key(Esc);
        let saved = h.saved();
        let place = saved.walk.place.clone().expect("kept");
        assert_eq!((place.item.as_str(), place.phase), ("8.1", 2));
        let mut again = opened(&saved, size);
        let ws = again.app().workspace().expect("open");
        assert_eq!(
            ws.stage,
            howgood::app::Stage::Walk {
                item: 1,
                phase: howgood::app::Phase::Know
            }
        );
        assert_eq!((ws.reference_tab, ws.record_cursor), (tab, row));
        assert!(again.screen().contains("8.1"), "{}", again.screen());
        again.key(Char('q'));
    }
}

// 8. Prompts and hints follow the session's scale.
#[test]
fn prompts_and_hints_follow_the_sessions_scale() {
    for (framework, item, range, other) in [
        (
            "integrated-inspection-2014",
            "health-help-and-protection",
            "1-4",
            "1-6",
        ),
        ("hmie-cp-2009", "5.3", "1-6", "1-4"),
    ] {
        for size in SIZES {
            let mut h = opened(&workshop(framework, item), size);
            let screen = h.screen();
            assert!(screen.contains(range), "{framework}\n{screen}");
            assert!(!screen.contains(other), "{framework}\n{screen}");
            h.key(Char('9'));
            let max = &range[2..];
            assert!(
                h.screen().contains(&format!("Levels run from 1 to {max}")),
                "{}",
                h.screen()
            );
            h.key(Char('?'));
            let help = h.screen();
            assert!(help.contains(range), "{framework}\n{help}");
            assert!(!help.contains(other), "{framework}\n{help}");
            h.key(Esc);
            h.wait(2);
            assert_eq!(h.saved().items[0].level, None, "9 is no level here");
        }
    }
}

// 12. UK and ISO dates; typed text kept; a past deadline warned of.
#[test]
fn dates_are_taken_as_uk_forms_write_them_and_kept_when_they_do_not_parse() {
    use ratatui::crossterm::event::KeyCode::Enter;
    for size in SIZES {
        let mut h = opened(&workshop("hmie-cp-2009", "5.3"), size);
        h.keys(&[Char(']'), Char(']')]);
        h.key(Char('a'));
        h.type_text("Every child seen within five days");
        h.key(Esc);
        down_to(&mut h, |r| {
            matches!(
                r,
                Row::Text(howgood::app::fields::TextField::PriorityDeadline(0))
            )
        });
        h.key(Enter);
        assert!(h.screen().contains("DD/MM/YYYY"), "{}", h.screen());
        h.type_text("30/09/2024");
        h.key(Enter);
        let screen = h.screen();
        assert!(screen.contains("has already passed"), "{screen}");
        h.wait(2);
        assert_eq!(
            h.saved().priorities[0].deadline,
            Some("2024-09-30".parse().expect("date"))
        );
        // Not a date: the field stays open with the text, and says why.
        h.key(Enter);
        h.type_text("-ish");
        h.key(Enter);
        let ws = h.app().workspace().expect("open");
        let editor = ws.editor.as_ref().expect("still open");
        assert_eq!(editor.text(), "2024-09-30-ish");
        assert!(h.screen().contains("is not a date"), "{}", h.screen());
        // Leaving it anyway keeps the date there was.
        h.key(Esc);
        assert!(h.app().workspace().expect("open").editor.is_none());
        // ISO is taken too, and a future deadline is no warning.
        h.key(Enter);
        for _ in 0.."30/09/2024".len() {
            h.key(ratatui::crossterm::event::KeyCode::Backspace);
        }
        h.type_text("2027-03-31");
        h.key(Enter);
        assert!(!h.screen().contains("has already passed"));
        h.wait(2);
        assert_eq!(
            h.saved().priorities[0].deadline,
            Some("2027-03-31".parse().expect("date"))
        );
    }
}

// 13. One privacy-respecting wording for owner, date and deadline.
#[test]
fn owner_and_date_fields_say_one_consistent_thing() {
    use ratatui::crossterm::event::KeyCode::Enter;
    let mut h = opened(&workshop("hmie-cp-2009", "5.3"), (240, 67));
    h.keys(&[Char(']'), Char(']')]);
    h.key(Char('a'));
    h.type_text("Every child seen within five days");
    h.key(Esc);
    down_to(&mut h, |r| {
        matches!(
            r,
            Row::Text(howgood::app::fields::TextField::PriorityOwner(0))
        )
    });
    h.key(Enter);
    let screen = h.screen();
    assert!(
        screen.contains("a role or team, not a person's name"),
        "{screen}"
    );
    assert!(screen.contains("A role or team (e.g. Designated Nurse), not a person's name"));
    assert!(!screen.contains("named person"), "{screen}");
    h.type_text("Designated Nurse");
    h.key(Enter);
    h.wait(2);
    assert_eq!(h.saved().priorities[0].owner, "Designated Nurse");
}

// 14. How many have rated; the spread wrapped; Ctrl-U as in readline.
#[test]
fn the_reveal_says_who_has_rated_and_wraps_and_ctrl_u_clears_to_the_start() {
    use ratatui::crossterm::event::{KeyCode::Enter, KeyModifiers};
    for size in SIZES {
        let mut s = workshop("hmie-cp-2009", "5.3");
        s.participants.push("Children's Social Care".into());
        let mut h = opened(&s, size);
        down_to(&mut h, |r| matches!(r, Row::ParticipantLevel(0)));
        h.key(Char('4'));
        h.key(Down);
        h.key(Char('3'));
        assert!(
            h.screen().contains("2 of 4 recorded, hidden"),
            "{}",
            h.screen()
        );
        h.key(Char('P'));
        h.key(Char('R'));
        let screen = h.screen();
        assert!(screen.contains("Spread (2 of 4 recorded)"), "{screen}");
        // Every name is on the projected screen, wrapped rather than cut.
        assert!(
            screen.contains("Police") && screen.contains("Health"),
            "{screen}"
        );
        h.key(Char('P'));
        down_to(&mut h, |r| {
            matches!(r, Row::Text(howgood::app::fields::TextField::Rationale(0)))
        });
        h.key(Enter);
        h.type_text("Too hasty a first line");
        h.key(Enter);
        h.type_text("Kept");
        h.key_with(Char('u'), KeyModifiers::CONTROL);
        h.type_text("Second thoughts");
        h.key(Esc);
        h.wait(2);
        let saved = h.saved();
        assert_eq!(
            saved.items[0].rationale, "Too hasty a first line\nSecond thoughts",
            "Ctrl-U cleared only the line's start"
        );
        assert!(saved.items[0].revealed);
    }
}

// 3. The cursor stays on its field when a warning line comes or goes.
#[test]
fn the_cursor_stays_on_its_field_when_warnings_come_and_go() {
    use howgood::app::fields::ChoiceField;
    for size in SIZES {
        let mut h = opened(&workshop("hmie-cp-2009", "5.3"), size);
        h.key(Char(']'));
        h.key(Char('a'));
        h.type_text("What the families said at closure");
        h.key(Esc);
        let source = Row::Choice(ChoiceField::EvidenceSource(0, 0));
        down_to(&mut h, |r| *r == source);
        h.key(Char(' ')); // children's views: a warning goes
        assert!(
            !h.screen().contains("No views of children"),
            "{}",
            h.screen()
        );
        assert_eq!(row(&h), Some(source.clone()));
        h.key(Char(' ')); // staff: the warning comes back
        assert!(
            h.screen().contains("No views of children"),
            "{}",
            h.screen()
        );
        assert_eq!(row(&h), Some(source.clone()));
        h.keys(&[Char(' '), Char(' '), Char(' ')]);
        assert_eq!(row(&h), Some(source.clone()));
        h.wait(2);
        let saved = h.saved();
        let e = &saved.items[0].evidence[0];
        assert_eq!(e.source, EvidenceSource::ChildrenParentsCarers);
        assert_eq!(e.information, InformationKind::Quality, "type untouched");
    }
}

// 9. Every summary row and export says which item it is.
#[test]
fn summary_rows_and_exports_show_number_title_and_agency() {
    let mut ofsted = workshop("ofsted-good-outcomes", "1.3");
    ofsted.items[0].level = Some(2);
    let mut inspection = workshop("integrated-inspection-2014", "health-help-and-protection");
    inspection
        .items
        .push(howgood::session::model::ItemRecord::new(
            "police-help-and-protection",
        ));
    for size in SIZES {
        let mut h = opened(&ofsted, size);
        h.key(Char('s'));
        let screen = h.screen();
        assert!(!screen.contains("1.3 (OE)"), "{screen}");
        assert!(screen.contains("1.3 Children experience"), "{screen}");
        let mut h = opened(&inspection, size);
        h.key(Char('s'));
        let screen = h.screen();
        assert!(screen.contains("1. Health"), "{screen}");
        assert!(screen.contains("2. The police force"), "{screen}");
        h.key(Char('e'));
        let md = exported(&h);
        assert!(!md.contains("health-help-and-protection"), "{md}");
        assert!(md.contains("Health"), "{md}");
        assert_eq!(h.saved().items.len(), 2);
    }
}

/// The five frameworks, each with an item of its own.
const FRAMEWORKS: [(&str, &str); 5] = [
    ("hmie-cp-2009", "5.3"),
    ("hmie-generic-2007", "8.1"),
    ("integrated-inspection-2014", "health-help-and-protection"),
    ("lscb-qaf", "partnership-working"),
    ("ofsted-good-outcomes", "1.3"),
];

/// The reference tabs offered now, and each one's entries, visited with `t`.
fn visit_tabs(h: &mut Harness) -> Vec<(Tab, Vec<reference::Entry>, String)> {
    let tabs = reference::tabs(&h.app().library, h.app().workspace().expect("open"));
    let mut out = Vec::new();
    for _ in &tabs {
        let ws = h.app().workspace().expect("open");
        let tab = reference::current_tab(&h.app().library, ws).expect("a tab");
        let entries = reference::entries(&h.app().library, ws, true);
        out.push((tab, entries, h.screen()));
        h.key(Char('t'));
    }
    out
}

// 10. A tab with nothing of this framework's is not offered.
#[test]
fn no_tab_is_offered_empty_and_guidance_is_the_frameworks_own() {
    use reference::Style;
    for (framework, item) in FRAMEWORKS {
        for size in SIZES {
            let mut h = opened(&workshop(framework, item), size);
            for phase in 1..=3 {
                for (tab, entries, screen) in visit_tabs(&mut h) {
                    assert!(
                        entries.iter().any(|e| e.style != Style::Note),
                        "{framework} phase {phase} {tab:?} is offered empty:\n{screen}"
                    );
                    if tab == Tab::Plan {
                        assert_eq!(
                            framework, "hmie-cp-2009",
                            "only HMIE 2009 has its plan text"
                        );
                        assert!(screen.contains("not reproduced"), "{screen}");
                    }
                    if framework != "hmie-cp-2009" {
                        // HMIE 2009's words never stand in for another's.
                        assert!(!screen.contains("This diagram"), "{framework}\n{screen}");
                        assert!(
                            !screen.contains("The key sources of evidence should include"),
                            "{framework} shows HMIE 2009 guidance\n{screen}"
                        );
                    }
                }
                h.key(Char(']'));
            }
        }
    }
    // Ofsted's statements have no illustrations, so that tab is not there.
    let h = opened(&workshop("ofsted-good-outcomes", "1.3"), (240, 67));
    let ws = h.app().workspace().expect("open");
    let tabs = reference::tabs(&h.app().library, ws);
    assert!(!tabs.contains(&Tab::Illustrations), "{tabs:?}");
    assert!(!h.screen().contains("Illustrations"), "{}", h.screen());
    // HMIE 2009 keeps its illustrations and its plan.
    let mut h = opened(&workshop("hmie-cp-2009", "5.3"), (240, 67));
    let ws = h.app().workspace().expect("open");
    assert!(reference::tabs(&h.app().library, ws).contains(&Tab::Illustrations));
    h.keys(&[Char(']'), Char(']')]);
    let ws = h.app().workspace().expect("open");
    assert!(reference::tabs(&h.app().library, ws).contains(&Tab::Plan));
}

/// The hits the palette lists now, with where each lives.
fn hits(h: &Harness) -> Vec<(Scope, PaletteKind, String, String)> {
    let Some(Overlay::Palette(palette)) = &h.app().overlay else {
        panic!("the palette is open\n{}", h.screen());
    };
    palette
        .hits
        .iter()
        .map(|hit| {
            let e = &palette.index[hit.entry];
            (e.scope, e.kind, e.text.clone(), e.place.clone())
        })
        .collect()
}

// 11. Find uses the width, says where each hit lives and ranks the
// session's own framework and notes first, titles before passing mentions.
#[test]
fn find_uses_the_width_says_where_and_ranks_the_sessions_own_first() {
    let mut session = workshop("hmie-cp-2009", "8.1");
    session.items[0].rationale = "Partners agreed the escalation route".into();
    for (w, hgt) in SIZES {
        let mut h = opened(&session, (w, hgt));
        h.key(Char('/'));
        h.type_text("partner");
        let found = hits(&h);
        let screen = h.screen();
        assert!(
            screen.contains("This session · 8.1 Partnership working · Notes"),
            "{screen}"
        );
        // The session's own note first, then its framework's title.
        assert_eq!(found[0].0, Scope::Session, "{found:?}");
        assert!(found[0].2.starts_with("Partners agreed"), "{found:?}");
        assert!(
            found[0].3.contains("This session") && found[0].3.contains("8.1 Partnership working")
        );
        let title = found
            .iter()
            .position(|f| f.2 == "8.1 Partnership working")
            .expect("the title is found");
        assert_eq!(found[title].0, Scope::Framework);
        assert!(
            found[title].3.contains("HMIE child protection QIs (2009)"),
            "{found:?}"
        );
        let first_framework = found
            .iter()
            .position(|f| f.0 == Scope::Framework)
            .expect("own");
        assert_eq!(
            title, first_framework,
            "the title before passing mentions: {found:?}"
        );
        let other = found
            .iter()
            .position(|f| f.0 == Scope::Other)
            .expect("others too");
        assert!(
            found[..other].iter().all(|f| f.0 != Scope::Other)
                && found[other..].iter().all(|f| f.0 == Scope::Other),
            "other frameworks after the session's own: {found:?}"
        );
        // Illustration hits name their indicator and level.
        h.keys(&[Esc, Char('/')]);
        h.type_text("assessments");
        let found = hits(&h);
        let illustration = found
            .iter()
            .find(|f| f.1 == PaletteKind::Illustration)
            .expect("an illustration");
        assert!(
            illustration.3.contains(" · Illustrations, level "),
            "{illustration:?}"
        );
        let indicator = illustration.3.split(" · ").nth(1).expect("an indicator");
        assert!(
            indicator.chars().next().is_some_and(|c| c.is_ascii_digit()),
            "{illustration:?}"
        );
        // The popup spans the screen but a margin.
        let screen = h.screen();
        let lines: Vec<&str> = screen.lines().collect();
        let top = lines
            .iter()
            .find(|l| l.contains("Find anything"))
            .expect("the popup");
        let left = top
            .chars()
            .position(|c| c == '┌' || c == '╭')
            .expect("corner");
        assert!(left <= 2, "{top}");
        let shown = h.screen();
        let number = indicator.split(' ').next().expect("a number");
        assert!(
            shown.contains(&format!("{number} ")) && shown.contains("Illustrations, level"),
            "where it lives is on screen\n{shown}"
        );
        if w == 240 {
            // A long illustration is shown far beyond 100 columns.
            let widest = shown
                .lines()
                .filter(|l| l.contains("assessments"))
                .map(|l| l.trim_end().chars().count())
                .max()
                .unwrap_or(0);
            assert!(widest > 150, "{shown}");
        }
    }
}
