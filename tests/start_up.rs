//! A start as fast as a bare terminal program (issue 10, item 4): the
#![cfg(unix)]
//! command line that opens the screens is parsed without every subcommand,
//! and the first frame shows the home screen the last run kept beside the
//! index, used only while nothing it was made from has changed.

mod common;

use clap::Parser;
use howgood::app::Screen;
use howgood::app::action::Effect;
use howgood::app::home::HomeData;
use howgood::cli::{Cli, GlobalArgs};
use howgood::index::Index;
use howgood::session::codec;
use howgood::session::model::{Session, SessionKind};
use howgood::session::store::SessionStore;
use howgood::tui::home_snapshot;
use howgood::tui::runtime::Runtime;
use jiff::Timestamp;
use proptest::prelude::*;
use std::ffi::OsString;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

/// The screens' command line, read without clap, reads as clap reads it;
/// the forms a start uses are read that way, and anything else is left to
/// clap.
#[test]
fn the_screens_command_line_reads_as_clap_reads_it() {
    let quick = |argv: &[&str]| {
        let args: Vec<OsString> = argv.iter().map(OsString::from).collect();
        GlobalArgs::screens_only(&args, None, None)
    };
    for argv in [
        &[][..],
        &["--present"],
        &["--data-dir", "/tmp/x", "--theme=light"],
        &["--data-dir=new", "--content-dir", "c", "--present"],
    ] {
        let read = quick(argv).unwrap_or_else(|| panic!("{argv:?} is read quickly"));
        assert_eq!(format!("{read:?}"), clap_reading(argv), "{argv:?}");
    }
    for argv in [
        &["--help"][..],
        &["-V"],
        &["sessions", "list"],
        &["--present", "open", "abc"],
        &["--data-dir"],
        &["--data-dir="],
        &["--data-dir", "--present"],
        &["--present", "--present"],
        &["--theme", "dark", "--theme", "light"],
        &["--present=true"],
        &["--", "open"],
    ] {
        assert!(quick(argv).is_none(), "{argv:?} is left to clap");
    }
    let from_env =
        GlobalArgs::screens_only(&[], Some("/d".into()), Some("dark".into())).expect("read");
    assert_eq!(from_env.data_dir, Some("/d".into()));
    assert_eq!(from_env.theme.as_deref(), Some("dark"));
    let given =
        GlobalArgs::screens_only(&["--data-dir".into(), "/e".into()], Some("/d".into()), None)
            .expect("read");
    assert_eq!(
        given.data_dir,
        Some("/e".into()),
        "the option over the variable"
    );
    assert!(GlobalArgs::screens_only(&[], None, Some("".into())).is_none());
}

/// What clap makes of `argv` (with this process's environment, which the
/// quick reading is given too).
fn clap_reading(argv: &[&str]) -> String {
    let whole = Cli::try_parse_from(std::iter::once("howgood").chain(argv.iter().copied()));
    match whole {
        Ok(cli) if cli.command.is_none() => format!("{:?}", cli.global),
        Ok(cli) => format!("a command: {:?}", cli.command),
        Err(error) => format!("refused: {}", error.kind()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// Whatever the quick reading accepts, clap reads the same way.
    #[test]
    fn what_is_read_quickly_clap_reads_the_same(
        argv in proptest::collection::vec(
            proptest::sample::select(vec![
                "--present", "--data-dir", "--data-dir=d", "--content-dir", "--content-dir=",
                "--theme", "--theme=dark", "dark", "/x", "-p", "--", "open", "", "=",
                "--data-dir=-", "sessions", "--help", "--presents", "-", "--theme=",
            ]),
            0..6,
        )
    ) {
        let args: Vec<OsString> = argv.iter().map(OsString::from).collect();
        let env = |name| std::env::var_os(name);
        if let Some(read) =
            GlobalArgs::screens_only(&args, env("HOWGOOD_DATA_DIR"), env("HOWGOOD_THEME"))
        {
            prop_assert_eq!(format!("{read:?}"), clap_reading(&argv), "{:?}", argv);
        }
    }
}

fn session(id: &str, title: &str) -> Session {
    common::session(id, SessionKind::Workshop, title, "hmie-cp-2009", &[])
}

/// A data folder with sessions, used by one run after another.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn with_sessions(titles: &[&str]) -> Folder {
        let folder = Folder {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        std::fs::create_dir_all(folder.sessions()).expect("sessions");
        for (n, title) in titles.iter().enumerate() {
            folder.write(&session(&format!("s{n:03}"), title));
        }
        folder
    }

    fn data(&self) -> &Path {
        self.dir.path()
    }

    fn sessions(&self) -> PathBuf {
        self.data().join("sessions")
    }

    fn kept(&self) -> PathBuf {
        home_snapshot::path_in(self.data())
    }

    fn write(&self, s: &Session) {
        let path = self.sessions().join(format!("{}.ron", s.id));
        std::fs::write(&path, codec::encode(s).expect("encode")).expect("write");
        // Private, as howgood writes them: else the comparison warns of
        // loose permissions, and home is loaded again for that alone.
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .expect("private");
    }

    /// The terminal program's edge on this folder at `now`, not started.
    fn runtime(&self, now: Timestamp) -> Runtime {
        let (store, _) = SessionStore::open(self.sessions()).expect("store");
        let mut app = howgood::app::App::new(common::library(), now, (100, 30));
        app.theme = howgood::app::theme::Theme::PLAIN;
        let mut runtime = Runtime::new(
            app,
            store,
            self.data().join("exports"),
            self.data().join("settings.ron"),
        );
        runtime.background_reconcile = true;
        runtime
    }

    /// A run of the terminal program's edge, started at `now` on home.
    fn start(&self, now: Timestamp) -> Runtime {
        let mut runtime = self.runtime(now);
        runtime.start_from_kept_home();
        runtime
    }

    /// A whole run: start, the first frame, the folder compared, quit.
    fn run(&self, now: Timestamp) -> HomeData {
        let mut runtime = self.start(now);
        runtime.after_first_frame();
        compare(&mut runtime);
        let home = runtime.app.home.data.clone();
        runtime.close_index();
        home
    }
}

/// What the terminal program's comparing thread does, done here.
fn compare(runtime: &mut Runtime) {
    if !runtime.reconcile_wanted {
        return;
    }
    runtime.reconcile_wanted = false;
    let (_, done) = Index::open_current(&runtime.index_path(), &runtime.store.dir, &mut |_, _| {})
        .expect("compare");
    runtime.reconciled(done);
}

fn titles(home: &HomeData) -> Vec<String> {
    home.sessions.iter().map(|s| s.title.clone()).collect()
}

fn later(minutes: i64) -> Timestamp {
    common::start_time() + jiff::SignedDuration::from_mins(minutes)
}

#[test]
fn a_second_start_shows_the_kept_home_screen_without_opening_the_index() {
    let folder = Folder::with_sessions(&["Alpha", "Beta"]);
    let first = folder.run(later(0));
    assert_eq!(titles(&first), ["Alpha", "Beta"]);
    assert_eq!(
        howgood::session::atomic::mode(&folder.kept()),
        Some(0o600),
        "kept privately, as the index is"
    );

    let mut second = folder.start(later(5));
    assert!(
        second.index.is_none(),
        "the index is not opened before the frame"
    );
    let mut shown = second.app.home.data.clone();
    assert_eq!(titles(&shown), ["Alpha", "Beta"]);
    // The same screen the index gives, warnings and all.
    second.after_first_frame();
    assert!(second.index.is_some(), "opened just after the frame");
    second.dispatch_effect(Effect::LoadHome);
    let from_index = second.app.home.data.clone();
    shown.warnings.clone_from(&from_index.warnings);
    assert_eq!(shown, from_index);
}

#[test]
fn the_kept_screen_is_not_used_once_anything_it_was_made_from_changes() {
    let folder = Folder::with_sessions(&["Alpha"]);
    folder.run(later(0));
    let used = |now| folder.start(now).index.is_none();
    assert!(used(later(1)), "nothing changed");

    // A session saved into the folder.
    folder.write(&session("s100", "Gamma"));
    assert!(!used(later(2)), "the folder changed");
    folder.run(later(3));
    assert!(used(later(4)));

    // Another program wrote to the index. Its time is set apart from the
    // last run's too: on a coarse file clock two writes can share a tick
    // (the race the start's own comparison covers, in the test below).
    let path = Index::path_in(folder.data());
    rusqlite::Connection::open(&path)
        .and_then(|c| c.execute_batch("CREATE TABLE written_elsewhere (x)"))
        .expect("write");
    let file = std::fs::File::options()
        .append(true)
        .open(&path)
        .expect("open");
    file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(2))
        .expect("time");
    assert!(!used(later(5)), "the index changed");
    folder.run(later(6));
    assert!(used(later(7)));

    // Another day: the due list and the streak depend on it.
    assert!(!used(later(60 * 24)), "a new day");

    // The index open elsewhere (its write-ahead log beside it).
    folder.run(later(8));
    let other = Index::open(&Index::path_in(folder.data())).expect("index");
    assert!(!used(later(9)), "another program has the index open");
    drop(other);
}

#[test]
fn a_damaged_or_strange_kept_file_is_passed_over_and_a_link_left_alone() {
    let folder = Folder::with_sessions(&["Alpha"]);
    folder.run(later(0));

    for damage in [&b"{ not json"[..], b"", b"\x00\x01\x02"] {
        std::fs::write(folder.kept(), damage).expect("damage");
        let runtime = folder.start(later(1));
        assert!(runtime.index.is_some(), "the index is asked instead");
        assert_eq!(titles(&runtime.app.home.data), ["Alpha"]);
    }

    // A FIFO in its place is not opened for reading (that would wait for
    // a writer for ever) and not written over.
    std::fs::remove_file(folder.kept()).expect("remove");
    nix::unistd::mkfifo(&folder.kept(), nix::sys::stat::Mode::S_IRWXU).expect("fifo");
    folder.run(later(2));
    assert!(
        std::fs::symlink_metadata(folder.kept())
            .expect("meta")
            .file_type()
            .is_fifo(),
        "the FIFO is left as it was"
    );

    // A link in its place is neither followed nor replaced.
    std::fs::remove_file(folder.kept()).expect("remove");
    let target = folder.data().join("elsewhere.txt");
    std::fs::write(&target, b"someone else's").expect("target");
    std::os::unix::fs::symlink(&target, folder.kept()).expect("link");
    folder.run(later(3));
    assert_eq!(std::fs::read(&target).expect("read"), b"someone else's");
    assert!(
        std::fs::symlink_metadata(folder.kept())
            .expect("meta")
            .file_type()
            .is_symlink(),
        "the link is left as it was"
    );
}

/// A change the folder's and the index's times cannot show (a write
/// within the file clock's resolution) is shown only in the first frame:
/// home is loaded from the index as soon as it is drawn, before any key.
#[test]
fn the_kept_screen_gives_way_to_the_index_once_the_first_frame_is_drawn() {
    let folder = Folder::with_sessions(&["Alpha"]);
    folder.run(later(0));
    // Stand in for the change nothing could see: the kept copy says
    // "Stale" where the file says "Alpha", with its key unchanged.
    let kept = std::fs::read_to_string(folder.kept()).expect("kept");
    assert!(kept.contains("\"Alpha\""));
    std::fs::write(folder.kept(), kept.replace("\"Alpha\"", "\"Stale\"")).expect("edit");

    let mut runtime = folder.start(later(1));
    assert_eq!(titles(&runtime.app.home.data), ["Stale"], "the kept screen");
    assert!(runtime.after_first_frame(), "drawn again");
    assert_eq!(
        titles(&runtime.app.home.data),
        ["Alpha"],
        "replaced once the frame is drawn, though nothing changed"
    );
    compare(&mut runtime);
    runtime.close_index();
    let kept = std::fs::read_to_string(folder.kept()).expect("kept");
    assert!(
        kept.contains("\"Alpha\"") && !kept.contains("Stale"),
        "and put right on the way out"
    );
}

/// Only a start on home uses the kept screen: opening a session or the
/// daily review (which reads the days held) reads the index first.
#[test]
fn a_start_other_than_home_reads_the_index_first() {
    let folder = Folder::with_sessions(&["Alpha"]);
    folder.run(later(0));
    for open in [Some("Alpha".to_owned()), None] {
        let mut runtime = folder.runtime(later(1));
        runtime.start(open);
        assert!(runtime.index.is_some());
        runtime.close_index();
    }
}

/// A start that finds nothing new writes nothing to the index, so the
/// index file keeps its time, and the home screen read at the start is the
/// one kept (it need not be read again on the way out).
#[test]
fn a_run_that_changes_nothing_leaves_the_index_file_as_it_was() {
    let folder = Folder::with_sessions(&["Alpha"]);
    folder.run(later(0));
    let index = Index::path_in(folder.data());
    let before = std::fs::metadata(&index).expect("index");
    std::fs::remove_file(folder.kept()).expect("remove");
    // Past the file system clock's tick, so a write would show in the time.
    std::thread::sleep(std::time::Duration::from_millis(50));
    let home = folder.run(later(1));
    let after = std::fs::metadata(&index).expect("index");
    assert_eq!(
        (before.len(), before.modified().ok()),
        (after.len(), after.modified().ok()),
        "nothing was written to the index"
    );
    let kept = folder.start(later(2));
    assert!(kept.index.is_none(), "kept again on the way out");
    let mut shown = kept.app.home.data.clone();
    shown.warnings.clone_from(&home.warnings);
    assert_eq!(shown, home);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    /// A text that fits on one line is not handed to the line breaker,
    /// and comes out as the line breaker would give it.
    #[test]
    fn wrapping_gives_what_textwrap_gives(
        text in "[ a-zA-Zé—中🙂,.\\-/\t\n]{0,40}",
        width in 0usize..60,
        first in proptest::sample::select(vec!["", "  ", "! ", "• "]),
        rest in proptest::sample::select(vec!["", "  ", "    "]),
    ) {
        prop_assert_eq!(
            howgood::app::lines::wrap_text(&text, width, first, rest),
            howgood::app::lines::wrap_by_line_breaker(&text, width, first, rest)
        );
    }
}

#[test]
fn short_texts_are_one_line_and_long_ones_wrap() {
    use howgood::app::lines::wrap_text;
    for (text, width) in [
        ("No sessions yet. Press n to start one.", 80),
        ("Nothing due in the next two weeks.", 40),
        ("a — b, 中文 🙂", 20),
        ("No sessions yet. Press n to start one.", 20),
        ("ends with a space ", 80),
    ] {
        assert_eq!(
            wrap_text(text, width, "  ", "  "),
            howgood::app::lines::wrap_by_line_breaker(text, width, "  ", "  "),
            "{text:?} at {width}"
        );
    }
}

/// The kept screen holds no page of the daily history: opened before the
/// index is read again, the history asks the index for it.
#[test]
fn the_history_opened_from_the_kept_screen_shows_its_days() {
    use ratatui::crossterm::event::KeyCode::{Char, Down, Enter, Esc};
    let mut h = common::Harness::new(100, 30);
    h.key(Char('d'));
    h.key(Down);
    h.key(Enter);
    h.type_text("Visits went well today");
    h.key(Esc);
    h.key(Char('F'));
    let common::Harness { runtime, dir } = h;
    drop(runtime);
    let folder = Folder { dir };
    folder.run(later(0));

    let mut runtime = folder.start(later(1));
    assert!(runtime.index.is_none(), "the kept screen");
    assert!(runtime.app.home.data.daily.is_empty(), "no page kept");
    assert_eq!(runtime.app.home.data.daily_total(), 1);
    runtime.after_first_frame();
    runtime.dispatch(howgood::app::action::Action::Key(
        ratatui::crossterm::event::KeyEvent::from(Char('h')),
    ));
    assert!(matches!(runtime.app.screen, Screen::History { .. }));
    let days = &runtime.app.home.data.daily;
    assert_eq!(days.len(), 1, "the page was asked for");
    assert!(days[0].reflection.contains("Visits went well"));
}

/// The kept screen's shape, with every field filled. A change to it (a
/// field of the home data added, renamed or given another type) fails here
/// until `home_snapshot::FORMAT` is raised, which names a new snapshot:
/// a kept copy of the old shape is then passed over rather than misread.
#[test]
fn the_kept_home_has_the_shape_of_its_format() {
    use howgood::app::home::{DailyEntry, DuePriority, HomeCycle, SessionSummary};
    use howgood::index::register::{NextDue, Quiet};
    use howgood::session::model::PriorityStatus;
    let date = jiff::civil::date(2026, 11, 24);
    let day = DailyEntry {
        id: "d1".into(),
        date,
        question: "How do we know?".into(),
        reflection: "A reflection".into(),
        action: "An action".into(),
        questions: vec![("How do we know?".into(), "A reflection".into())],
        action_id: Some("a1".into()),
        action_status: Some(PriorityStatus::InProgress),
    };
    let summary = SessionSummary {
        id: "s1".into(),
        kind: SessionKind::Workshop,
        title: "Alpha".into(),
        framework: "hmie-cp-2009".into(),
        updated: common::start_time(),
        items: 3,
        evaluated: 2,
        priorities: 1,
        unsaved_copies: vec!["s1.recovery-1.ron".into()],
        read_only: Some("why".into()),
    };
    let home = HomeData {
        sessions: vec![summary.clone()],
        sessions_from: 0,
        session_count: 1,
        latest: Some(Box::new(summary)),
        damaged: vec!["s2.ron:1:1: broken".into()],
        due: vec![DuePriority {
            session_id: "s1".into(),
            session_title: "Alpha".into(),
            statement: "Audit chronologies".into(),
            owner: "QA lead".into(),
            deadline: date,
            action_id: "a2".into(),
            daily: false,
        }],
        cycle: Box::new(HomeCycle {
            next_due: vec![NextDue {
                session_id: "s1".into(),
                session_title: "Alpha".into(),
                due: date,
            }],
            quiet: vec![Quiet {
                session_id: "s1".into(),
                session_title: "Alpha".into(),
                statement: "Audit chronologies".into(),
                touched: date,
            }],
        }),
        warnings: Vec::new(),
        daily: vec![day.clone()],
        daily_from: 0,
        daily_count: 1,
        streak: 2,
        newest_review: Some((date, "d1".into())),
        year_ago: Some(Box::new(day)),
        folder_unreadable: true,
    };
    let shape = serde_json::to_string_pretty(&home).expect("json");
    insta::assert_snapshot!(format!("kept_home_format_{}", home_snapshot::FORMAT), shape);
}
