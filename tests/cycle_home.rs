//! Issues 14 and 16 leftovers, through the runtime: the new-session form
//! sets facilitator, locality and the date the next session is due; home
//! shows that next session until one follows, and the priorities nobody
//! has updated for 90 days; the facilitator heads the exports.

mod common;

use common::Harness;
use howgood::app::Screen;
use howgood::app::action::Effect;
use howgood::session::codec;
use howgood::session::model::{Priority, PriorityStatus, ProgressUpdate, Session, SessionKind};
use ratatui::crossterm::event::KeyCode::{Char, Down, Enter, Tab};

const SIZES: [(u16, u16); 2] = [(80, 24), (240, 67)];

fn write(h: &Harness, s: &Session) {
    let path = h.sessions_dir().join(format!("{}.ron", s.id));
    std::fs::write(path, codec::encode(s).expect("encode")).expect("write");
}

fn home(h: &mut Harness) -> String {
    h.runtime.app.screen = Screen::Home;
    h.runtime.dispatch_effect(Effect::LoadHome);
    h.screen()
}

#[test]
fn the_form_sets_facilitator_locality_and_next_date_and_exports_name_the_facilitator() {
    for (w, hgt) in SIZES {
        let mut h = Harness::new(w, hgt);
        h.key(Char('n'));
        assert!(matches!(h.app().screen, Screen::NewSession(_)));
        let screen = h.screen();
        for label in ["Facilitator", "Locality", "Next due"] {
            assert!(screen.contains(label), "{label} at {w}x{hgt}\n{screen}");
        }
        h.type_text("March neglect workshop");
        h.keys(&[Tab, Tab]);
        h.type_text("Police, Health");
        h.key(Tab);
        h.type_text("Sam Okoro");
        h.key(Tab);
        h.type_text("North locality");
        h.keys(&[Tab, Tab]);
        h.type_text("10/06/2027");
        h.key(Tab);
        h.type_text("5.3");
        h.key(Enter);
        // Down past the candidates to Create.
        for _ in 0..40 {
            if matches!(&h.app().screen, Screen::NewSession(f) if f.field == howgood::app::home::FormField::Create)
            {
                break;
            }
            h.key(Down);
        }
        h.key(Enter);
        let saved = h.saved();
        assert_eq!(saved.facilitator.as_deref(), Some("Sam Okoro"));
        assert_eq!(saved.locality.as_deref(), Some("North locality"));
        assert_eq!(saved.next_due, Some(jiff::civil::date(2027, 6, 10)));
        assert_eq!(saved.items.len(), 1);
        h.keys(&[Char('s'), Char('e')]);
        let dir = h.dir.path().join("exports");
        let md = std::fs::read_dir(&dir)
            .expect("exports")
            .map(|e| e.expect("entry").path())
            .find(|p| p.extension().is_some_and(|x| x == "md"))
            .expect("a Markdown export");
        let md = std::fs::read_to_string(md).expect("read");
        assert!(md.contains("- **Facilitator:** Sam Okoro"), "{md}");
        let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s}\n{md}"));
        assert!(at("Facilitator") < at("Participants"), "in the title block");
    }
}

#[test]
fn a_bad_next_date_is_kept_and_explained_not_created() {
    let mut h = Harness::new(80, 24);
    h.key(Char('n'));
    h.type_text("Neglect");
    h.keys(&[Tab, Tab, Tab, Tab, Tab, Tab]);
    h.type_text("31/02/2027");
    h.key(Tab);
    h.type_text("5.3");
    h.key(Enter);
    for _ in 0..40 {
        h.key(Down);
    }
    h.key(Enter);
    let Screen::NewSession(form) = &h.app().screen else {
        panic!("still on the form\n{}", h.screen());
    };
    assert_eq!(form.field, howgood::app::home::FormField::NextDue);
    assert!(form.error.is_some(), "{}", h.screen());
    assert_eq!(
        howgood::app::home::NewSessionForm::text(&form.next_due),
        "31/02/2027",
        "what was typed is kept"
    );
    assert!(
        h.runtime
            .store
            .entries()
            .expect("sessions folder read")
            .is_empty(),
        "nothing created"
    );
}

fn priority(id: &str, statement: &str, log: Vec<ProgressUpdate>) -> Priority {
    let mut p = Priority::new(id.to_owned());
    p.statement = statement.to_owned();
    p.status = log.last().map_or(PriorityStatus::NotStarted, |u| u.status);
    p.log = log;
    p
}

#[test]
fn home_shows_the_next_session_due_and_priorities_quiet_for_ninety_days() {
    for (w, hgt) in SIZES {
        let mut h = Harness::new(w, hgt);
        // March (the clock says 24 November 2026): two priorities, one
        // updated in October, one never since March; the next session was
        // set for June and has not happened.
        let mut march = common::session(
            "2026-03-10-march",
            SessionKind::Workshop,
            "March neglect workshop",
            "hmie-cp-2009",
            &["5.3"],
        );
        march.created = "2026-03-10T10:00:00Z".parse().expect("time");
        march.next_due = Some(jiff::civil::date(2026, 6, 10));
        let update = ProgressUpdate {
            date: jiff::civil::date(2026, 10, 1),
            status: PriorityStatus::InProgress,
            note: String::new(),
            impact: None,
        };
        march.priorities = vec![
            priority("p-quiet", "Chronologies in every case file", Vec::new()),
            priority("p-busy", "Core groups within ten days", vec![update]),
        ];
        write(&h, &march);
        let screen = home(&mut h);
        assert!(
            screen.contains("OVERDUE next session 2026-06-10"),
            "{w}x{hgt}\n{screen}"
        );
        assert!(screen.contains("no update since 2026-03-10"), "{screen}");
        assert!(screen.contains("Chronologies"), "{screen}");
        assert!(
            !screen.contains("Core groups"),
            "updated in October\n{screen}"
        );
        let data = &h.app().home.data;
        assert_eq!(data.cycle.quiet.len(), 1);
        assert_eq!(data.cycle.next_due.len(), 1);

        // A June session follows March: March's next date is met.
        let mut june = common::session(
            "2026-06-12-june",
            SessionKind::Workshop,
            "June neglect workshop",
            "hmie-cp-2009",
            &["5.3"],
        );
        june.follows = Some(march.id.clone());
        june.next_due = Some(jiff::civil::date(2026, 12, 1));
        write(&h, &june);
        let screen = home(&mut h);
        assert!(!screen.contains("2026-06-10"), "{screen}");
        assert!(
            screen.contains("next session 2026-12-01 · follows up June neglect workshop"),
            "{screen}"
        );
        // Done priorities are never quiet.
        march.priorities[0].status = PriorityStatus::Done;
        write(&h, &march);
        let screen = home(&mut h);
        assert!(!screen.contains("Chronologies"), "{screen}");
    }
}
