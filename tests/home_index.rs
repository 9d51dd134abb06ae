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

/// A first run: the folder holds 1,200 sessions and there is no index yet.
/// The first frame does not wait for the reindex; while it runs (on its own
/// thread and connection, as in the terminal program) the home screen shows
/// the sessions indexed so far and the progress, and keys work as usual.
#[test]
fn a_first_run_reindexes_in_the_background_while_the_home_screen_is_used() {
    use ratatui::crossterm::event::KeyCode;
    let mut h = common::Harness::new(100, 30);
    for n in 0..1200 {
        let mut s = session(&format!("s{n:04}"), &format!("Session {n:04}"));
        s.updated += jiff::SignedDuration::from_secs(n);
        write_outside(&h, &s);
    }
    h.runtime.background_reconcile = true;
    h.runtime.dispatch_effect(Effect::LoadHome);
    assert_eq!(h.app().home.data.session_total(), 0, "nothing indexed yet");
    assert!(h.runtime.reconcile_wanted, "the reindex follows the frame");

    // The comparing thread is held after each batch it commits until the
    // screen has taken in its progress, so what is indexed is known here.
    let (path, dir) = (h.runtime.index_path(), h.sessions_dir());
    let (progress, progressed) = std::sync::mpsc::sync_channel(0);
    let (resume, resumed) = std::sync::mpsc::channel::<()>();
    let worker = std::thread::spawn(move || {
        Index::open_current(&path, &dir, &mut |done, total| {
            let _ = progress.send((done, total));
            let _ = resumed.recv();
        })
        .map(|(_, done)| done)
    });

    let (done, total) = progressed.recv().expect("first batch");
    assert_eq!((done, total), (500, 1200));
    h.runtime.indexing(done, total);
    assert_eq!(h.app().home.data.session_total(), 500, "the first batch");
    let screen = h.screen();
    assert!(
        screen.contains("Indexing sessions: 500 of 1200"),
        "{screen}"
    );
    // Files are read in name order: s0000 to s0499 so far, newest first.
    assert!(screen.contains("Session 0499"), "{screen}");
    assert!(!screen.contains("Session 0500"), "{screen}");

    // Usable meanwhile: the cursor moves and a session opens.
    let chosen = |h: &common::Harness| {
        let home = &h.app().home;
        home.session_at(home.cursor).map(|s| s.title.clone())
    };
    for _ in 0..10 {
        if chosen(&h).is_some() {
            break;
        }
        h.key(KeyCode::Down);
    }
    assert_eq!(chosen(&h).as_deref(), Some("Session 0499"));
    h.key(KeyCode::Down);
    assert_eq!(chosen(&h).as_deref(), Some("Session 0498"));
    h.key(KeyCode::Enter);
    assert!(matches!(h.app().screen, Screen::Session(_)));
    assert!(h.screen().contains("Session 0498"));
    h.key(KeyCode::Esc);
    assert!(matches!(h.app().screen, Screen::Home), "{}", h.screen());

    resume.send(()).expect("worker waits");
    let (done, total) = progressed.recv().expect("second batch");
    assert_eq!((done, total), (1000, 1200));
    h.runtime.indexing(done, total);
    assert_eq!(h.app().home.data.session_total(), 1000);
    assert!(h.screen().contains("Indexing sessions: 1000 of 1200"));

    resume.send(()).expect("worker waits");
    assert_eq!(progressed.recv().expect("last batch"), (1200, 1200));
    resume.send(()).expect("worker waits");
    let finished = worker.join().expect("worker").expect("reindexed");
    assert_eq!(finished.read, 1200);
    h.runtime.indexing_finished();
    h.runtime.reconciled(finished);
    assert_eq!(h.app().home.data.session_total(), 1200);
    let screen = h.screen();
    assert!(!screen.contains("Indexing sessions"), "{screen}");
    assert!(screen.contains("Session 1199"), "{screen}");
}

/// The embedded frameworks are parsed when a screen first needs them, not
/// before the first frame: the home screen (with a workshop and a daily
/// review in the folder) draws from the index alone.
#[test]
fn the_first_frame_does_not_wait_for_the_embedded_content() {
    use howgood::app::App;
    use howgood::app::action::Action;
    use howgood::session::store::SessionStore;
    use howgood::tui::runtime::Runtime;
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = SessionStore::open(dir.path().join("sessions")).expect("store");
    let workshop = session("w1", "Spring workshop");
    std::fs::write(
        dir.path().join("sessions/w1.ron"),
        codec::encode(&workshop).expect("encode"),
    )
    .expect("write");
    let library = howgood::commands::content::load_library(&[]);
    assert!(!library.is_loaded(), "no user content: nothing parsed yet");
    let app = App::new(library, common::start_time(), (120, 40));
    let mut runtime = Runtime::new(
        app,
        store,
        dir.path().join("exports"),
        dir.path().join("settings.ron"),
    );
    runtime.start(None);
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("backend");
    let draw = |terminal: &mut ratatui::Terminal<_>, runtime: &Runtime| {
        terminal
            .draw(|f| howgood::ui::render(f, &runtime.app))
            .expect("draw");
        format!("{}", terminal.backend())
    };
    let first = draw(&mut terminal, &runtime);
    assert!(first.contains("Spring workshop"), "{first}");
    assert!(
        !runtime.app.library.is_loaded(),
        "the first frame parsed it"
    );

    // The new-session form lists the frameworks: parsed now, once.
    runtime.dispatch(Action::Key(KeyEvent::from(KeyCode::Char('n'))));
    let form = draw(&mut terminal, &runtime);
    assert!(runtime.app.library.is_loaded());
    let first_framework = format!("[{}]", runtime.app.library.frameworks[0].0.id);
    assert!(form.contains(&first_framework), "{form}");
}
