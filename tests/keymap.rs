//! One key map: dispatch, the footer and the help screen come from one
//! table. These tests walk the table through every place the keyboard can
//! be and check the three agree, and that help scrolls to every key.

mod common;

use common::Harness;
use howgood::app::keys::{self, BINDINGS, Binding, Does, Key};
use howgood::app::{Overlay, Screen};
use howgood::session::model::{Session, SessionKind};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeSet;

fn session(kind: SessionKind, framework: &str, item: &str) -> Session {
    let id = format!("2026-11-24-keys-{}", framework.len());
    let mut s = common::session(&id, kind, "Keys", framework, &[item]);
    s.participants = vec!["AB".into()];
    s
}

fn workshop() -> Harness {
    let mut h = Harness::new(80, 24);
    h.open_session(&session(SessionKind::Workshop, "hmie-cp-2009", "5.3"));
    h
}

/// A harness in each place the keyboard can be, with a name for messages.
fn places() -> Vec<(String, Harness)> {
    let mut out = Vec::new();
    let home = Harness::new(80, 24);
    out.push(("home".to_owned(), home));
    let mut history = Harness::new(80, 24);
    history.key(KeyCode::Char('h'));
    out.push(("history".into(), history));
    let mut focus = Harness::new(80, 24);
    focus.keys(&[KeyCode::Char('h'), KeyCode::Char('c')]);
    out.push(("focus".into(), focus));
    let mut daily = Harness::new(80, 24);
    daily.key(KeyCode::Char('d'));
    out.push(("daily".into(), daily));
    for tabs in 0..howgood::app::home::FormField::ALL.len() {
        let mut form = Harness::new(80, 24);
        form.key(KeyCode::Char('n'));
        for _ in 0..tabs {
            form.key(KeyCode::Tab);
        }
        out.push((format!("form after {tabs} tabs"), form));
    }
    for kind in [SessionKind::Workshop, SessionKind::Supervision] {
        // A supervision walks its record, its area, the cases and the actions.
        let stages = if kind == SessionKind::Supervision {
            4
        } else {
            3
        };
        for phase in 0..stages {
            for reference in [false, true] {
                let mut h = Harness::new(80, 24);
                let s = match kind {
                    SessionKind::Supervision => session(kind, "lscb-qaf", "safeguarding-wisdom"),
                    _ => session(kind, "hmie-cp-2009", "5.3"),
                };
                h.open_session(&s);
                for _ in 0..phase {
                    h.key(KeyCode::Char(']'));
                }
                if reference {
                    h.key(KeyCode::Tab);
                    // On to the illustrations tab, where ←/→ change level.
                    h.key(KeyCode::Char('t'));
                }
                out.push((format!("{kind:?} phase {phase} reference {reference}"), h));
            }
        }
    }
    // A supervision's area rated on request: its level keys.
    let mut rated = Harness::new(80, 24);
    let mut s = session(SessionKind::Supervision, "lscb-qaf", "safeguarding-wisdom");
    s.supervision = Some(howgood::session::model::SupervisionRecord {
        rated: vec!["safeguarding-wisdom".into()],
        ..Default::default()
    });
    rated.open_session(&s);
    rated.key(KeyCode::Char(']'));
    out.push(("a supervision's rated area".into(), rated));
    // Home with a daily action due: the footer offers to mark it done.
    let mut due = Harness::new(80, 24);
    due.runtime.app.home.data.due = vec![howgood::app::home::DuePriority {
        session_id: "2026-11-24-daily".into(),
        session_title: "Daily review".into(),
        statement: "Ring the health visitor".into(),
        owner: String::new(),
        deadline: "2026-11-25".parse().expect("date"),
        action_id: "a-1".into(),
        daily: true,
    }];
    out.push(("home with a daily action due".into(), due));
    // Home, choosing which of several daily actions is done.
    let mut pick = Harness::new(80, 24);
    pick.runtime.app.overlay = Some(Overlay::PickDaily { cursor: 0 });
    out.push(("choosing a daily action".into(), pick));
    // On an Ofsted statement's row: the criterion keys and the audit.
    let mut statement = Harness::new(80, 24);
    statement.open_session(&session(
        SessionKind::Workshop,
        "ofsted-good-outcomes",
        "3.18",
    ));
    for _ in 0..3 {
        let on = statement.app().workspace().is_some_and(|ws| {
            matches!(
                howgood::app::rows::rows(&statement.app().library, ws, false).get(ws.record_cursor),
                Some(howgood::app::rows::Row::Criterion(_))
            )
        });
        if on {
            break;
        }
        statement.key(KeyCode::Down);
    }
    out.push(("an Ofsted statement's row".into(), statement));
    out.extend(cycle_places());
    let mut summary = workshop();
    summary.key(KeyCode::Char('s'));
    out.push(("summary".into(), summary));
    let mut editor = workshop();
    let rows = howgood::app::rows::rows(
        &editor.app().library,
        editor.app().workspace().expect("open"),
        false,
    );
    let text = rows
        .iter()
        .position(|r| matches!(r, howgood::app::rows::Row::Text(_)))
        .expect("a text row");
    editor
        .runtime
        .app
        .workspace_mut()
        .expect("open")
        .record_cursor = text;
    editor.key(KeyCode::Enter);
    out.push(("editor".into(), editor));
    let mut palette = workshop();
    palette.key(KeyCode::Char('/'));
    out.push(("palette".into(), palette));
    let mut help = workshop();
    help.key(KeyCode::Char('?'));
    out.push(("help".into(), help));
    let mut confirm = workshop();
    confirm.runtime.app.overlay = Some(Overlay::Confirm {
        message: "Delete?".into(),
        on_yes: howgood::app::action::Action::Tick,
    });
    out.push(("confirm".into(), confirm));
    let mut reader = workshop();
    reader.runtime.app.overlay = Some(Overlay::Reader {
        title: "5.3".into(),
        text: "Text".into(),
        scroll: 0,
    });
    out.push(("reader".into(), reader));
    let mut message = workshop();
    message.runtime.app.overlay = Some(Overlay::Message {
        title: "Note".into(),
        text: "Text".into(),
    });
    out.push(("message".into(), message));
    out.extend(measure_places());
    let mut own = Harness::new(80, 24);
    own.key(KeyCode::Char('o'));
    out.push(("own content".into(), own));
    out.extend(sync_places());
    out
}

/// The conflicts screen, writing a combined text there, and a sync running.
fn sync_places() -> Vec<(String, Harness)> {
    let mut out = Vec::new();
    let mut conflicts = Harness::new(80, 24);
    conflicts.key(KeyCode::Char('c'));
    assert!(matches!(conflicts.app().screen, Screen::Conflicts(_)));
    out.push(("conflicts".to_owned(), conflicts));
    let mut combined = Harness::new(80, 24);
    combined.key(KeyCode::Char('c'));
    if let Screen::Conflicts(state) = &mut combined.runtime.app.screen {
        state.combined = Some(ratatui_textarea::TextArea::default());
    }
    out.push(("combined text".to_owned(), combined));
    let mut syncing = workshop();
    let now = syncing.app().now;
    syncing.runtime.app.sync.running = Some((now, howgood::app::sync::SyncStep::Fetching));
    out.push(("syncing".to_owned(), syncing));
    out
}

/// The measures list, a measure's chart, a worksheet, and the questions.
fn measure_places() -> Vec<(String, Harness)> {
    use howgood::app::measures::{Ask, MeasuresView, Purpose};
    use howgood::measures::curve::Step;
    let views = [
        ("measure list", MeasuresView::List),
        (
            "measure chart",
            MeasuresView::Chart {
                measure: 0,
                breakdowns: false,
            },
        ),
        (
            "worksheet",
            MeasuresView::Curve {
                measure: 0,
                sheet: 0,
                step: Step::Proposals,
                cursor: 0,
            },
        ),
    ];
    let mut out = Vec::new();
    for (name, view) in views {
        let mut h = Harness::new(80, 24);
        h.key(KeyCode::Char('m'));
        let mut register = howgood::measures::model::MeasureRegister::default();
        register
            .measures
            .push(howgood::measures::model::Measure::new(
                "abcdefgh".into(),
                "A measure".into(),
                h.app().now,
            ));
        h.runtime.app.measures.register = Some(register);
        h.runtime.app.measures.view = view;
        out.push((name.to_owned(), h));
    }
    let mut ask = Harness::new(80, 24);
    ask.runtime.app.overlay = Some(Overlay::Ask(Box::new(Ask::new(
        Purpose::Value { measure: 0 },
        "A value",
        vec!["Period"],
    ))));
    out.push(("questions".into(), ask));
    out
}

/// A key event a table key stands for (digits for levels).
fn events(key: Key) -> Vec<KeyEvent> {
    match key {
        Key::Code(code) => vec![KeyEvent::new(code, KeyModifiers::NONE)],
        Key::Ctrl(c) => vec![KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)],
        Key::Level => ('1'..='6')
            .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
            .collect(),
        Key::Any => vec![KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)],
        Key::Named(_) => Vec::new(),
    }
}

/// Where a binding of an app's key map stands in the table.
fn index_of(app: &howgood::app::App, binding: &Binding) -> usize {
    app.keymap
        .iter()
        .position(|b| std::ptr::eq(b, binding))
        .expect("in the key map")
}

#[test]
fn every_binding_is_reachable_explained_and_agrees_with_footer_and_help() {
    let mut reached = BTreeSet::new();
    for (name, h) in places() {
        let app = h.app();
        let help = keys::help(app);
        let help_lines: Vec<&(String, String)> =
            help.iter().flat_map(|(_, lines)| lines.iter()).collect();
        let live = keys::live(app);
        for (binding, free) in &live {
            reached.insert(index_of(app, binding));
            assert!(!binding.help.is_empty(), "{binding:?} has words");
            // Help lists it with its keys.
            let label = binding.label(app);
            assert!(
                help_lines
                    .iter()
                    .any(|(k, what)| *k == label && what.starts_with(binding.help)),
                "{name}: help lacks {label} {}",
                binding.help
            );
            // Dispatch gives the binding's command for each of its free keys.
            for key in free {
                for event in events(*key) {
                    let dispatched = keys::binding_for(app, event);
                    assert!(
                        dispatched.is_some_and(|b| std::ptr::eq(b, *binding)),
                        "{name}: {event:?} reaches {dispatched:?}, not {binding:?}"
                    );
                    let expected = match &binding.does {
                        Does::Run(command) => Some(command.clone()),
                        Does::SetLevel => binding.command(event),
                        Does::Field => None,
                    };
                    if !matches!(
                        keys::context(app),
                        keys::Context::Editor | keys::Context::Palette
                    ) {
                        assert_eq!(keys::command_for(app, event), expected, "{name}: {event:?}");
                    }
                }
            }
        }
        // Every footer hint is a live binding's key and word.
        for (label, word) in keys::hints(app) {
            let first = label.split('/').next().unwrap_or_default();
            assert!(
                live.iter().any(|(b, free)| b.hint == Some(word)
                    && free.iter().any(|k| label.starts_with(&k.label(app))
                        || (matches!(k, Key::Any) && label == "any other key"))),
                "{name}: footer offers {label} {word} ({first}), which no live binding has"
            );
        }
    }
    let dead: Vec<&Binding> = BINDINGS
        .iter()
        .enumerate()
        .filter(|(i, _)| !reached.contains(i))
        .map(|(_, b)| b)
        .collect();
    assert!(dead.is_empty(), "bindings no place reaches: {dead:#?}");
}

#[test]
fn hints_and_help_give_the_scales_own_range() {
    let mut six = workshop();
    assert!(
        keys::hints(six.app())
            .iter()
            .any(|(k, w)| k == "1-6" && *w == "level")
    );
    six.key(KeyCode::Char('?'));
    assert!(six.screen().contains("1-6"));

    // A framework whose scale has four levels.
    let library = howgood::content::library::Library::assemble(
        howgood::content::library::embedded_files(),
        Vec::new(),
    );
    let (four, item) = library
        .frameworks
        .iter()
        .find_map(|(f, _)| {
            let scale = f.scale.as_ref()?;
            (scale.levels.len() == 4).then(|| {
                let item = howgood::content::query::evaluable_ids(f)
                    .next()
                    .expect("an item")
                    .to_owned();
                (f.id.clone(), item)
            })
        })
        .expect("a four-level framework is embedded");
    let mut h = Harness::new(80, 24);
    h.open_session(&session(SessionKind::Workshop, &four, &item));
    let hints = keys::hints(h.app());
    assert!(
        hints.iter().any(|(k, w)| k == "1-4" && *w == "level"),
        "{hints:?}"
    );
    assert!(h.screen().contains("press 1-4 to set it"), "{}", h.screen());
}

#[test]
fn help_scrolls_to_every_key_at_80x24() {
    let mut h = workshop();
    h.key(KeyCode::Char('?'));
    let top = h.screen();
    assert!(
        top.contains("Walking through an indicator"),
        "the place's own keys first:\n{top}"
    );
    insta::assert_snapshot!("help_top_80x24", top);
    let mut seen = top.clone();
    let mut last = top;
    // Enough steps for the whole help, however long it grows.
    for _ in 0..1000 {
        h.key(KeyCode::Char('j'));
        let screen = h.screen();
        if screen == last {
            break;
        }
        seen.push_str(&screen);
        last = screen;
    }
    for binding in BINDINGS {
        let start: String = binding.help.chars().take(30).collect();
        let line = format!("  {:<16}{}", binding.label(h.app()), start.trim_end());
        assert!(
            seen.contains(&line),
            "help never shows {} {}",
            binding.label(h.app()),
            binding.help
        );
    }
    insta::assert_snapshot!("help_end_80x24", last.clone());
    // G goes to the same end; g and PgUp come back; other keys keep help open.
    h.key(KeyCode::Char('g'));
    h.key(KeyCode::Char('G'));
    assert_eq!(h.screen(), last);
    h.key(KeyCode::PageUp);
    assert_ne!(h.screen(), last);
    h.key(KeyCode::Char('g'));
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Enter);
    assert!(matches!(h.app().overlay, Some(Overlay::Help { scroll: 0 })));
    h.key(KeyCode::Char('q'));
    assert!(h.app().overlay.is_none());
    assert!(
        matches!(h.app().screen, Screen::Session(_)),
        "q closed help only"
    );
}

/// A March workshop with an open priority, on disk.
fn with_march() -> Harness {
    let h = Harness::new(80, 24);
    let mut march = session(SessionKind::Workshop, "hmie-cp-2009", "5.3");
    march.id = "march".into();
    let mut p = howgood::session::model::Priority::new("aaaaaaaa".into());
    p.statement = "Fathers seen".into();
    march.priorities.push(p);
    let path = h.runtime.store.path_of("march");
    howgood::session::atomic::write_atomic(
        &path,
        howgood::session::codec::encode(&march)
            .expect("encode")
            .as_bytes(),
    )
    .expect("write");
    h
}

/// The register (with its update form on each field), trends, and the
/// review of a session that follows another (and its note).
fn cycle_places() -> Vec<(String, Harness)> {
    let mut out = Vec::new();
    let mut register = with_march();
    register.key(KeyCode::Char('r'));
    out.push(("register".to_owned(), register));
    for tabs in 0..4 {
        let mut form = with_march();
        form.keys(&[KeyCode::Char('r'), KeyCode::Char('u')]);
        for _ in 0..tabs {
            form.key(KeyCode::Tab);
        }
        out.push((format!("register update after {tabs} tabs"), form));
    }
    let mut trends = Harness::new(80, 24);
    trends.key(KeyCode::Char('t'));
    out.push(("trends".to_owned(), trends));
    let mut june = session(SessionKind::Workshop, "hmie-cp-2009", "5.3");
    june.id = "june".into();
    june.follows = Some("march".into());
    let mut review = with_march();
    review.open_session(&june);
    assert!(
        review
            .app()
            .workspace()
            .is_some_and(|ws| ws.review.is_some()),
        "review"
    );
    out.push(("review".to_owned(), review));
    let mut supervision = session(SessionKind::Supervision, "lscb-qaf", "safeguarding-wisdom");
    supervision.id = "june-supervision".into();
    supervision.follows = Some("march".into());
    let mut series = with_march();
    series.open_session(&supervision);
    assert!(
        series
            .app()
            .workspace()
            .is_some_and(|ws| ws.review.is_some()),
        "a supervision's review"
    );
    out.push(("supervision review".to_owned(), series));
    let mut note = with_march();
    note.open_session(&june);
    note.key(KeyCode::Tab);
    out.push(("review note".to_owned(), note));
    out
}
