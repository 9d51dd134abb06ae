//! The home screen in the terminal program's mode: the index is shown at
//! once, the folder compared just after, and howgood's own saves are in the
//! index straight away.

mod common;

use howgood::app::Screen;
use howgood::app::action::Effect;
use howgood::index::Index;
use howgood::session::codec;
use howgood::session::model::{ScaleChoice, Session, SessionKind};

fn session(id: &str, title: &str) -> Session {
    Session::new(
        id.to_owned(),
        SessionKind::Workshop,
        title.to_owned(),
        "hmie-cp-2009".to_owned(),
        ScaleChoice::Framework,
        common::start_time(),
    )
}

fn write_outside(h: &common::Harness, s: &Session) {
    let path = h.sessions_dir().join(format!("{}.ron", s.id));
    std::fs::write(path, codec::encode(s).expect("encode")).expect("write");
}

fn titles(h: &common::Harness) -> Vec<String> {
    let mut titles: Vec<String> = h
        .app()
        .home
        .data
        .sessions
        .iter()
        .map(|s| s.title.clone())
        .collect();
    titles.sort();
    titles
}

#[test]
fn the_index_is_shown_at_once_and_the_folder_compared_after() {
    let mut h = common::Harness::new(100, 30);
    write_outside(&h, &session("a", "Alpha"));
    h.runtime.dispatch_effect(Effect::LoadHome);
    assert_eq!(titles(&h), ["Alpha"], "an empty index is filled first");

    h.runtime.background_reconcile = true;
    write_outside(&h, &session("b", "Beta"));
    h.runtime.dispatch_effect(Effect::LoadHome);
    assert_eq!(titles(&h), ["Alpha"], "shown from the index at once");
    assert!(h.runtime.reconcile_wanted, "and compared after the frame");

    // howgood's own new session is in the index without a comparison.
    h.runtime
        .dispatch_effect(Effect::Create(session("c", "Gamma")));
    h.runtime.app.screen = Screen::Home;
    h.runtime.dispatch_effect(Effect::LoadHome);
    assert_eq!(titles(&h), ["Alpha", "Gamma"]);

    // The comparison (on its own thread in the terminal program) finds Beta.
    let (_, done) = Index::open_current(&h.runtime.index_path(), &h.sessions_dir(), &mut |_, _| {})
        .expect("compare");
    assert_eq!(done.read, 1);
    h.runtime.reconciled(done);
    assert_eq!(titles(&h), ["Alpha", "Beta", "Gamma"]);
}

#[test]
fn the_home_list_holds_a_page_and_fetches_the_next_as_the_cursor_moves() {
    let mut h = common::Harness::new(100, 30);
    for n in 0..1000 {
        let mut s = session(&format!("s{n:04}"), &format!("Session {n:04}"));
        s.updated += jiff::SignedDuration::from_secs(n);
        write_outside(&h, &s);
    }
    h.runtime.dispatch_effect(Effect::LoadHome);
    let data = &h.app().home.data;
    assert_eq!(data.session_total(), 1000);
    assert_eq!(
        data.sessions.len(),
        howgood::app::home::PAGE,
        "one page held"
    );
    assert_eq!(
        data.latest().map(|s| s.title.as_str()),
        Some("Session 0999")
    );
    assert!(h.screen().contains("Session 0999"));

    h.key(ratatui::crossterm::event::KeyCode::End);
    let data = &h.app().home.data;
    assert!(
        data.sessions_from > 0,
        "the page around the end was fetched"
    );
    assert!(data.sessions.len() <= howgood::app::home::PAGE);
    let screen = h.screen();
    assert!(
        screen.contains("› ") && screen.contains("Session 0000"),
        "{screen}"
    );

    h.key(ratatui::crossterm::event::KeyCode::Home);
    assert_eq!(h.app().home.data.sessions_from, 0, "and back at the top");
    // Every row moved to by keys is shown, whichever page holds it.
    for _ in 0..450 {
        h.key(ratatui::crossterm::event::KeyCode::Down);
    }
    let cursor = h.app().home.cursor;
    let shown = h.app().home.session_at(cursor).map(|s| s.title.clone());
    assert!(shown.is_some(), "the cursor's session is held");
    assert!(h.screen().contains(&shown.unwrap_or_default()));
}

#[test]
fn home_says_an_unreadable_sessions_folder_instead_of_no_sessions() {
    let mut h = common::Harness::new(100, 30);
    // A file in the folder's place cannot be listed, even by root.
    std::fs::remove_dir_all(h.sessions_dir()).expect("remove");
    std::fs::write(h.sessions_dir(), b"not a folder").expect("file");
    h.runtime.start(None);
    let screen = h.screen();
    assert!(
        screen.contains("The sessions folder could not be read"),
        "{screen}"
    );
    assert!(!screen.contains("No sessions yet"), "{screen}");
}
