//! Sync from the screens with the real `git` program: a bare repository
//! and two data folders (Ann's and Bob's) in a temp dir. Bob works in the
//! screens (the real edge, keys fed in); Ann on the command line. HOME
//! points into the temp dir and GIT_CONFIG_NOSYSTEM=1 for every git run,
//! so no one's own git configuration is read or touched. Without git, each
//! test prints a notice and stops.

mod common;

use assert_cmd::Command;
use common::sync_data::{edit_measures, git_missing, measures_of, reading};
use common::{Harness, library, start_time};
use howgood::app::action::Action;
use howgood::app::{App, Overlay, SaveStatus, Screen};
use howgood::measures::model::{Figure, Measure, MeasureRegister};
use howgood::session::model::{ItemRecord, Priority, ScaleChoice, Session, SessionKind};
use howgood::session::store::{OpenSession, SessionStore, read_session, take_lock};
use howgood::tui::runtime::Runtime;
use jiff::Timestamp;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use std::path::PathBuf;
use tempfile::TempDir;

const ID: &str = "2026-11-25-partnership-review-0001";

struct World {
    root: TempDir,
}

/// Git run by the screens (in this process) reads these; every test in
/// this file sets the same values, so running them in parallel is safe.
fn isolate_git() {
    static ONCE: std::sync::OnceLock<TempDir> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| {
        let home = TempDir::new().expect("home");
        // SAFETY: set once, before any thread of this test binary runs git
        // (every test passes through here first), always to the same values.
        unsafe {
            std::env::set_var("HOME", home.path());
            std::env::set_var("GIT_CONFIG_NOSYSTEM", "1");
            std::env::set_var("USER", "bob");
        }
        home
    });
}

impl World {
    fn new() -> World {
        let root = TempDir::new().expect("temp dir");
        isolate_git();
        let world = World { root };
        let status = std::process::Command::new("git")
            .args(["init", "-q", "--bare", "-b", "main"])
            .arg(world.bare())
            .status()
            .expect("git init");
        assert!(status.success());
        world
    }

    fn bare(&self) -> PathBuf {
        self.root.path().join("shared.git")
    }

    fn data(&self, who: &str) -> PathBuf {
        self.root.path().join(who)
    }

    fn session_path(&self, who: &str) -> PathBuf {
        self.data(who).join("sessions").join(format!("{ID}.ron"))
    }

    fn ok(&self, who: &str, args: &[&str]) -> String {
        let output = Command::cargo_bin("howgood")
            .expect("binary")
            .arg("--data-dir")
            .arg(self.data(who))
            .args(args)
            .env("USER", who)
            .env_remove("HOWGOOD_DATA_DIR")
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{who} {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn edit(&self, who: &str, at: &str, change: impl FnOnce(&mut Session)) {
        let now: Timestamp = at.parse().expect("time");
        let mut open = OpenSession::open(&self.session_path(who), now).expect("opens");
        let mut session = open.loaded.clone();
        change(&mut session);
        session.updated = now;
        open.save(&session, now).expect("saves");
    }

    fn read(&self, who: &str) -> Session {
        read_session(&self.session_path(who))
            .expect("reads")
            .1
            .session
    }

    /// Ann starts a session and shares it; Bob joins.
    fn started(&self) {
        let created: Timestamp = "2026-11-25T09:00:00Z".parse().expect("time");
        let mut session = Session::new(
            ID.into(),
            SessionKind::Workshop,
            "Partnership review".into(),
            "hmie-cp-2009".into(),
            ScaleChoice::Framework,
            created,
        );
        let mut item = ItemRecord::new("5.3");
        item.rationale = "First view".into();
        session.items.push(item);
        let mut priority = Priority::new("p0000000".into());
        priority.statement = "Audit every plan".into();
        session.priorities.push(priority);
        OpenSession::create(&self.session_path("ann"), &session, created).expect("create");
        let bare = self.bare().to_str().expect("utf8").to_owned();
        self.ok("ann", &["sync", "init", &bare]);
        self.ok("bob", &["sync", "init", &bare]);
        assert_eq!(self.read("bob"), self.read("ann"));
    }

    /// Bob's screens on his data folder, at home, on the fixed clock.
    fn screens(&self, who: &str) -> Harness {
        let store = SessionStore::open_quietly(self.data(who).join("sessions")).expect("store");
        let mut app = App::new(library(), start_time(), (80, 24));
        app.theme = howgood::app::theme::Theme::PLAIN;
        let mut runtime = Runtime::new(
            app,
            store,
            self.data(who).join("exports"),
            self.data(who).join("settings.ron"),
        );
        runtime.howgood = assert_cmd::cargo::cargo_bin("howgood");
        runtime.start(None);
        runtime.finish_jobs();
        Harness {
            runtime,
            dir: TempDir::new().expect("spare"),
        }
    }
}

fn press(h: &mut Harness, c: char) {
    h.key(KeyCode::Char(c));
}

/// S, then wait for git on its thread to answer.
fn sync_from_screens(h: &mut Harness) {
    press(h, 'S');
    assert!(h.app().sync.running.is_some(), "a sync runs");
    assert!(h.screen().contains("Syncing"), "{}", h.screen());
    h.runtime.finish_jobs();
    assert!(h.app().sync.running.is_none());
}

fn message(app: &App) -> (String, String) {
    match &app.overlay {
        Some(Overlay::Message { title, text }) => (title.clone(), text.clone()),
        other => panic!("expected a message, got {other:?}"),
    }
}

#[test]
fn a_conflict_resolved_on_the_screen_is_saved_synced_and_equal_on_both_sides() {
    if git_missing() {
        return;
    }
    let world = World::new();
    world.started();
    world.edit("ann", "2026-11-25T10:00:00Z", |s| {
        s.items[0].rationale = "Ann: audits show plans are late".into();
    });
    world.edit("bob", "2026-11-25T11:00:00Z", |s| {
        s.items[0].rationale = "Bob: the case sample says otherwise".into();
    });
    world.ok("ann", &["sync"]);
    world.ok("bob", &["sync"]);
    assert_eq!(world.read("bob").conflicts.len(), 1);

    let mut bob = world.screens("bob");
    let home = bob.screen();
    assert!(home.contains("Shared · synced"), "{home}");
    assert!(home.contains("1 conflict (c)"), "{home}");

    press(&mut bob, 'c');
    let screen = bob.screen();
    assert!(screen.contains("Conflicts waiting (1)"), "{screen}");
    assert!(
        screen.contains("Bob: the case sample says otherwise"),
        "{screen}"
    );
    assert!(
        screen.contains("Ann: audits show plans are late"),
        "{screen}"
    );
    assert!(
        screen.contains("by ann, saved 2026-11-25 10:00"),
        "{screen}"
    );

    // B: Ann's text (Bob's, saved later, is the one in the field).
    press(&mut bob, 'b');
    let saved = world.read("bob");
    assert!(saved.conflicts.is_empty(), "{:?}", saved.conflicts);
    assert_eq!(saved.items[0].rationale, "Ann: audits show plans are late");
    assert!(
        bob.screen().contains("No conflicts waiting"),
        "{}",
        bob.screen()
    );

    bob.key(KeyCode::Esc);
    sync_from_screens(&mut bob);
    let (title, text) = message(bob.app());
    assert_eq!(title, "Synced", "{text}");
    assert!(!text.contains("audits"), "no note text in messages: {text}");
    world.ok("ann", &["sync"]);
    assert_eq!(world.read("ann"), world.read("bob"));
    assert!(world.read("ann").conflicts.is_empty());
    let summary = bob.app().sync.summary.clone().expect("status");
    assert_eq!((summary.conflicts, summary.ahead), (0, 0), "{summary:?}");
}

#[test]
fn a_combined_text_resolves_a_conflict() {
    if git_missing() {
        return;
    }
    let world = World::new();
    world.started();
    world.edit("ann", "2026-11-25T10:00:00Z", |s| {
        s.items[0].rationale = "Ann's view".into();
    });
    world.edit("bob", "2026-11-25T11:00:00Z", |s| {
        s.items[0].rationale = "Bob's view".into();
    });
    world.ok("ann", &["sync"]);
    world.ok("bob", &["sync"]);
    let mut bob = world.screens("bob");
    press(&mut bob, 'c');
    press(&mut bob, 'e');
    assert!(bob.app().is_typing());
    // The text starts as both values; add a line and save with Ctrl-S.
    bob.type_text("\nAgreed together");
    bob.key_with(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let saved = world.read("bob");
    assert!(saved.conflicts.is_empty());
    assert_eq!(
        saved.items[0].rationale,
        "Bob's view\n\nAnn's view\nAgreed together"
    );
}

#[test]
fn syncing_with_a_session_open_saves_it_first_and_reads_the_merge_back() {
    if git_missing() {
        return;
    }
    let world = World::new();
    world.started();
    world.edit("ann", "2026-11-25T10:00:00Z", |s| {
        s.priorities[0].owner = "Designated Nurse".into();
    });
    world.ok("ann", &["sync"]);

    let mut bob = world.screens("bob");
    bob.runtime
        .dispatch_effect(howgood::app::action::Effect::Open(ID.into()));
    assert!(bob.app().workspace().is_some());
    // Bob changes the rationale and syncs before the autosave.
    {
        let now = bob.app().now;
        let ws = bob.runtime.app.workspace_mut().expect("open");
        ws.session.items[0].rationale = "Bob's words".into();
        ws.session.updated = now;
        ws.save = SaveStatus::Unsaved { since: now };
    }
    sync_from_screens(&mut bob);
    let (title, text) = message(bob.app());
    assert_eq!(title, "Synced", "{text}");
    assert!(text.contains("read again afterwards"), "{text}");
    let ws = bob.app().workspace().expect("still open");
    assert_eq!(ws.session.priorities[0].owner, "Designated Nurse");
    assert_eq!(ws.session.items[0].rationale, "Bob's words");

    // Typing goes on into the same file, not a conflict copy.
    bob.key(KeyCode::Esc);
    bob.send(Action::Paste(String::new()));
    {
        let now = bob.app().now;
        let ws = bob.runtime.app.workspace_mut().expect("open");
        ws.session.items[0].rationale = "Bob's words, later".into();
        ws.session.updated = now;
        ws.save = SaveStatus::Unsaved { since: now };
    }
    bob.wait(12);
    let ws = bob.app().workspace().expect("open");
    assert!(matches!(ws.save, SaveStatus::Saved(_)), "{:?}", ws.save);
    let saved = world.read("bob");
    assert_eq!(saved.items[0].rationale, "Bob's words, later");
    assert_eq!(saved.priorities[0].owner, "Designated Nurse");
    let copies: Vec<_> = std::fs::read_dir(world.data("bob").join("sessions"))
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("conflict"))
        .collect();
    assert!(copies.is_empty(), "no conflict copy: {copies:?}");
    // And the merge is shared: Ann gets Bob's words.
    world.ok("ann", &["sync"]);
    assert_eq!(world.read("ann").items[0].rationale, "Bob's words");
}

#[test]
fn a_session_open_in_another_howgood_stops_the_sync_with_a_clear_message() {
    if git_missing() {
        return;
    }
    let world = World::new();
    world.started();
    // Another copy of howgood (here: a lock this test holds) has it open.
    let _other = take_lock(&world.session_path("bob"), Timestamp::now()).expect("lock");
    let mut bob = world.screens("bob");
    sync_from_screens(&mut bob);
    let (title, text) = message(bob.app());
    assert_eq!(title, "Sync did not finish");
    assert!(
        text.contains(&format!("{ID} is open in another copy of howgood")),
        "{text}"
    );
    assert!(text.contains("close it there, then sync"), "{text}");
}

#[test]
fn sync_in_a_folder_not_shared_says_how_to_share_it() {
    let mut h = Harness::new(80, 24);
    assert_eq!(h.app().sync.summary.as_ref().map(|s| s.shared), Some(false));
    press(&mut h, 'S');
    let (title, text) = message(h.app());
    assert_eq!(title, "Sync did not finish");
    assert!(text.contains("howgood sync init <REMOTE>"), "{text}");
    assert!(matches!(h.app().screen, Screen::Home));
}

/// Two conflicts as the edge would list them: a text both changed, and a
/// priority one side deleted while the other changed it.
fn entries() -> Vec<howgood::app::sync::ConflictEntry> {
    use howgood::app::sync::{ConflictEntry, SideView};
    let at = |t: &str| t.parse::<Timestamp>().expect("time");
    vec![
        ConflictEntry {
            session_id: ID.into(),
            session_title: "Partnership review".into(),
            id: "c0000001".into(),
            path: "items[5.3].rationale".into(),
            deleted: false,
            text: true,
            kept: SideView {
                text: "Bob: the case sample says otherwise.\nThree of five plans were late."
                    .into(),
                by: "bob".into(),
                at: at("2026-11-25T11:00:00Z"),
            },
            other: SideView {
                text: "Ann: audits show plans are late".into(),
                by: "ann".into(),
                at: at("2026-11-25T10:00:00Z"),
            },
        },
        ConflictEntry {
            session_id: ID.into(),
            session_title: "Partnership review".into(),
            id: "c0000002".into(),
            path: "priorities[p0000000]".into(),
            deleted: true,
            text: false,
            kept: SideView {
                text: "{\"id\":\"p0000000\",\"statement\":\"Audit every plan\",\"owner\":\"Designated Nurse\"}".into(),
                by: "bob".into(),
                at: at("2026-11-25T11:00:00Z"),
            },
            other: SideView {
                text: "(deleted / empty)".into(),
                by: "ann".into(),
                at: at("2026-11-25T10:00:00Z"),
            },
        },
    ]
}

fn summary() -> howgood::app::sync::SyncSummary {
    howgood::app::sync::SyncSummary {
        shared: true,
        last_sync: Some(start_time()),
        ahead: 1,
        behind: 0,
        changed: 0,
        conflicts: 2,
    }
}

#[test]
fn snapshots_of_the_conflicts_screen_and_the_home_indicator() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut h = Harness::new(width, height);
        h.runtime.app.sync.summary = Some(summary());
        insta::assert_snapshot!(format!("home_shared_{width}x{height}"), h.screen());
        h.runtime.app.screen = Screen::Conflicts(Box::new(howgood::app::sync::ConflictsState {
            entries: entries(),
            ..Default::default()
        }));
        insta::assert_snapshot!(format!("conflicts_{width}x{height}"), h.screen());
        h.key(KeyCode::Char('j'));
        insta::assert_snapshot!(format!("conflicts_deleted_{width}x{height}"), h.screen());
        h.key(KeyCode::Char('e'));
        assert!(
            h.screen()
                .contains("Only a text field can take a combined text")
        );
        h.key(KeyCode::Char('k'));
        h.key(KeyCode::Char('e'));
        insta::assert_snapshot!(format!("conflicts_combined_{width}x{height}"), h.screen());
        h.key(KeyCode::Esc);
        h.runtime.app.screen = Screen::Home;
        h.runtime.app.sync.running = Some((
            start_time() - jiff::SignedDuration::from_secs(3),
            howgood::app::sync::SyncStep::Fetching,
        ));
        insta::assert_snapshot!(format!("syncing_{width}x{height}"), h.screen());
        // Keys wait while it runs.
        press(&mut h, 'n');
        assert!(matches!(h.app().screen, Screen::Home));
    }
}

fn conflicted() -> Session {
    let mut s = common::session(
        ID,
        SessionKind::Workshop,
        "Partnership review",
        "hmie-cp-2009",
        &["5.3"],
    );
    s.items[0].rationale = "Bob's view".into();
    let side = |value: &str, by: &str| howgood::session::model::ConflictSide {
        value: value.into(),
        by: by.into(),
        at: start_time(),
    };
    s.conflicts.push(howgood::session::model::RecordedConflict {
        id: "c0000001".into(),
        path: "items[5.3].rationale".into(),
        kind: howgood::session::model::ConflictKind::BothChanged,
        kept: side("\"Bob's view\"", "bob"),
        other: side("\"Ann's view\"", "ann"),
    });
    s
}

#[test]
fn exports_show_both_values_of_a_conflict_with_a_mark() {
    let s = conflicted();
    let today = jiff::civil::date(2026, 11, 25);
    let markdown = howgood::export::markdown::session_markdown(&s, &library(), today);
    assert!(
        markdown.contains("**CONFLICT WAITING: items\\[5.3\\].rationale**"),
        "{markdown}"
    );
    assert!(
        markdown.contains("In the field (by bob, saved 2026-11-24 09:30 UTC):\n\nBob's view"),
        "{markdown}"
    );
    assert!(
        markdown.contains("Also kept (by ann, saved 2026-11-24 09:30 UTC):\n\nAnn's view"),
        "{markdown}"
    );
    let env = howgood::export::html::environment(None).expect("templates");
    let html = howgood::export::html::session_html(&env, &s, &library(), today, 0).expect("html");
    assert!(
        html.contains("CONFLICT WAITING: items[5.3].rationale"),
        "{html}"
    );
    assert!(
        html.contains("<blockquote>Ann&#x27;s view</blockquote>"),
        "{html}"
    );
    let json = howgood::export::json::session_json(&s, 0);
    assert!(
        json.contains("\"conflicts\"") && json.contains("Ann's view"),
        "{json}"
    );
    // Resolved, the mark goes.
    let mut resolved = s.clone();
    resolved.conflicts.clear();
    let markdown = howgood::export::markdown::session_markdown(&resolved, &library(), today);
    assert!(!markdown.contains("CONFLICT WAITING"));
}

#[test]
fn a_session_with_conflicts_shows_both_values_when_opened() {
    let mut h = Harness::new(80, 24);
    let s = conflicted();
    h.open_session(&s);
    let screen = h.screen();
    assert!(screen.contains("Two values kept for a field"), "{screen}");
    assert!(screen.contains("in the field: Bob's view"), "{screen}");
    assert!(screen.contains("also kept: Ann's view"), "{screen}");
}

fn q3(register: &MeasureRegister) -> Figure {
    register.measures[0]
        .values
        .iter()
        .find(|v| v.period.to_string() == "2026-Q3")
        .expect("Q3")
        .figure
}

#[test]
fn a_measure_conflict_resolved_on_the_screen_is_saved_synced_and_equal_on_both_sides() {
    if git_missing() {
        return;
    }
    let world = World::new();
    world.started();
    edit_measures(&world.data("ann"), |r| {
        let created = "2026-11-25T09:00:00Z".parse().expect("time");
        let mut m = Measure::new("m0000001".into(), "Plans on time".into(), created);
        m.values.push(reading("2026-Q1", 60.0));
        r.measures.push(m);
    });
    world.ok("ann", &["sync"]);
    world.ok("bob", &["sync"]);
    edit_measures(&world.data("ann"), |r| {
        r.measures[0].values.push(reading("2026-Q3", 75.0))
    });
    edit_measures(&world.data("bob"), |r| {
        r.measures[0].values.push(reading("2026-Q3", 72.0))
    });
    world.ok("ann", &["sync"]);
    world.ok("bob", &["sync"]);
    let recorded = measures_of(&world.data("bob"));
    assert_eq!(recorded.conflicts.len(), 1, "{:?}", recorded.conflicts);
    let in_field = q3(&recorded);
    let other = if in_field == Figure::Number(75.0) {
        Figure::Number(72.0)
    } else {
        Figure::Number(75.0)
    };

    let mut bob = world.screens("bob");
    let home = bob.screen();
    assert!(home.contains("1 conflict (c)"), "{home}");
    // The measure's chart shows both values for the period, marked.
    press(&mut bob, 'm');
    bob.runtime.finish_jobs();
    bob.key(KeyCode::Enter);
    let chart = bob.screen();
    assert!(chart.contains("[CONFLICT WAITING: also "), "{chart}");
    bob.key(KeyCode::Esc);
    bob.key(KeyCode::Esc);
    assert!(bob.screen().contains("1 conflict (c)"), "{}", bob.screen());
    press(&mut bob, 'c');
    let screen = bob.screen();
    assert!(screen.contains("Conflicts waiting (1)"), "{screen}");
    assert!(
        screen.contains("Plans on time · 2026-Q3 · figure"),
        "{screen}"
    );
    assert!(screen.contains("75%") && screen.contains("72%"), "{screen}");
    assert!(
        screen.contains("by ann") && screen.contains("by bob"),
        "{screen}"
    );
    assert!(screen.contains("no save time"), "{screen}");
    // A number takes one side or the other, never a combined text.
    press(&mut bob, 'e');
    assert!(
        bob.screen()
            .contains("Only a text field can take a combined text"),
        "{}",
        bob.screen()
    );

    press(&mut bob, 'b');
    let saved = measures_of(&world.data("bob"));
    assert!(saved.conflicts.is_empty(), "{:?}", saved.conflicts);
    assert_eq!(q3(&saved), other, "the other value is now in the register");
    assert!(
        bob.screen().contains("No conflicts waiting"),
        "{}",
        bob.screen()
    );

    bob.key(KeyCode::Esc);
    sync_from_screens(&mut bob);
    let (title, text) = message(bob.app());
    assert_eq!(title, "Synced", "{text}");
    world.ok("ann", &["sync"]);
    assert_eq!(
        measures_of(&world.data("ann")),
        measures_of(&world.data("bob"))
    );
    assert_eq!(q3(&measures_of(&world.data("ann"))), other);
    let summary = bob.app().sync.summary.clone().expect("status");
    assert_eq!(summary.conflicts, 0, "{summary:?}");
}

/// A measure conflict as the edge lists it: Bob's 72% in the register,
/// Ann's 75% beside it.
fn measure_entry() -> howgood::app::sync::ConflictEntry {
    use howgood::app::sync::{ConflictEntry, REGISTER, SideView};
    let at = "2026-11-25T09:00:00Z".parse::<Timestamp>().expect("time");
    ConflictEntry {
        session_id: REGISTER.into(),
        session_title: "Child protection plans reviewed on time".into(),
        id: "c0000003".into(),
        path: "2026-Q3 · figure".into(),
        deleted: false,
        text: false,
        kept: SideView {
            text: "72%".into(),
            by: "bob".into(),
            at,
        },
        other: SideView {
            text: "75%".into(),
            by: "ann".into(),
            at,
        },
    }
}

#[test]
fn snapshots_of_the_conflicts_screen_with_a_measure_conflict() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut h = Harness::new(width, height);
        let mut entries = entries();
        entries.insert(0, measure_entry());
        h.runtime.app.screen = Screen::Conflicts(Box::new(howgood::app::sync::ConflictsState {
            entries,
            ..Default::default()
        }));
        insta::assert_snapshot!(format!("conflicts_measure_{width}x{height}"), h.screen());
    }
}
