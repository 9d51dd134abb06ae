//! Sharing through git with the real `git` program: a bare repository and
//! two data folders (Ann's and Bob's) in a temp dir. HOME points into the
//! temp dir and GIT_CONFIG_NOSYSTEM=1, so no one's own git configuration is
//! read or touched. Without git, each test prints a notice and stops.

mod common;

use assert_cmd::Command;
use common::sync_data::{edit_measures, git_missing, measures_of, reading};
use howgood::measures::model::{Figure, Measure};
use howgood::session::ids::IdSource;
use howgood::session::model::{
    ConflictKind, Evidence, EvidenceSource, InformationKind, ItemRecord, Priority, PriorityStatus,
    ProgressUpdate, ScaleChoice, Session, SessionKind,
};
use howgood::session::store::{OpenSession, read_session};
use jiff::Timestamp;
use std::collections::HashSet;
use std::path::PathBuf;
use tempfile::TempDir;

const ID: &str = "2026-11-25-partnership-review-0001";

struct World {
    root: TempDir,
}

impl World {
    fn new() -> World {
        let root = TempDir::new().expect("temp dir");
        std::fs::create_dir(root.path().join("home")).expect("home");
        let world = World { root };
        let status = std::process::Command::new("git")
            .args(["init", "-q", "--bare", "-b", "main"])
            .arg(world.bare())
            .env("HOME", world.root.path().join("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
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

    fn howgood(&self, who: &str, args: &[&str]) -> std::process::Output {
        Command::cargo_bin("howgood")
            .expect("binary")
            .arg("--data-dir")
            .arg(self.data(who))
            .args(args)
            .env("HOME", self.root.path().join("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("USER", who)
            .env_remove("HOWGOOD_DATA_DIR")
            .output()
            .expect("runs")
    }

    fn ok(&self, who: &str, args: &[&str]) -> String {
        let output = self.howgood(who, args);
        assert!(
            output.status.success(),
            "{who} {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn edit(&self, who: &str, change: impl FnOnce(&mut Session)) {
        let now = Timestamp::now();
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

    fn file(&self, who: &str) -> String {
        std::fs::read_to_string(self.session_path(who)).expect("file")
    }

    /// Ann starts a session with one priority and shares it; Bob joins.
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
        let path = self.session_path("ann");
        OpenSession::create(&path, &session, created).expect("create");
        self.ok(
            "ann",
            &["sync", "init", self.bare().to_str().expect("utf8")],
        );
        self.ok(
            "bob",
            &["sync", "init", self.bare().to_str().expect("utf8")],
        );
        assert_eq!(self.read("bob"), self.read("ann"));
    }
}

fn evidence(text: &str, private: bool) -> Evidence {
    Evidence {
        id: IdSource::random().next_id(),
        source: EvidenceSource::CaseRecords,
        information: InformationKind::Quality,
        description: text.into(),
        date: None,
        private,
    }
}

fn update(note: &str) -> ProgressUpdate {
    ProgressUpdate {
        date: "2026-11-26".parse().expect("date"),
        status: PriorityStatus::InProgress,
        note: note.into(),
        impact: None,
    }
}

fn new_priority(statement: &str) -> Priority {
    let mut priority = Priority::new(IdSource::random().next_id());
    priority.statement = statement.into();
    priority
}

#[test]
fn a_both_add_different_records_and_both_end_with_all_of_them() {
    if git_missing() {
        return;
    }
    let world = World::new();
    world.started();
    world.edit("ann", |s| {
        s.items[0].evidence.push(evidence("Ann's audit", false));
        s.priorities.push(new_priority("Ann's priority"));
        s.priorities[0].log.push(update("Ann: started"));
    });
    world.edit("bob", |s| {
        s.items[0].evidence.push(evidence("Bob's survey", false));
        s.priorities.push(new_priority("Bob's priority"));
        s.priorities[0].log.push(update("Bob: half done"));
    });
    world.ok("ann", &["sync"]);
    world.ok("bob", &["sync"]);
    world.ok("ann", &["sync"]);
    assert_eq!(
        world.file("ann"),
        world.file("bob"),
        "the same file on both sides"
    );
    let session = world.read("ann");
    let texts: Vec<&str> = session.items[0]
        .evidence
        .iter()
        .map(|e| e.description.as_str())
        .collect();
    assert!(
        texts.contains(&"Ann's audit") && texts.contains(&"Bob's survey"),
        "{texts:?}"
    );
    let statements: Vec<&str> = session
        .priorities
        .iter()
        .map(|p| p.statement.as_str())
        .collect();
    assert_eq!(statements.len(), 3, "{statements:?}");
    assert!(statements.contains(&"Ann's priority") && statements.contains(&"Bob's priority"));
    let p0 = session
        .priorities
        .iter()
        .find(|p| p.id == "p0000000")
        .expect("p0");
    let notes: Vec<&str> = p0.log.iter().map(|u| u.note.as_str()).collect();
    assert!(
        notes.contains(&"Ann: started") && notes.contains(&"Bob: half done"),
        "{notes:?} {}",
        world.file("ann")
    );
    assert!(
        session.conflicts.is_empty(),
        "no conflict: {:?}",
        session.conflicts
    );
    let mut ids = HashSet::new();
    for id in session
        .priorities
        .iter()
        .map(|p| &p.id)
        .chain(session.items[0].evidence.iter().map(|e| &e.id))
    {
        assert!(ids.insert(id.clone()), "duplicate id {id}");
    }
    assert!(!world.file("ann").contains("<<<<<<<"));
}

#[test]
fn b_the_same_rationale_changed_twice_is_kept_as_a_conflict_and_resolved() {
    if git_missing() {
        return;
    }
    let world = World::new();
    world.started();
    world.edit("ann", |s| {
        s.items[0].rationale = "Ann: strong, audits show it".into()
    });
    world.edit("bob", |s| {
        s.items[0].rationale = "Bob: weak, families disagree".into()
    });
    world.ok("ann", &["sync"]);
    world.ok("bob", &["sync"]);
    let session = world.read("bob");
    assert_eq!(session.conflicts.len(), 1, "{:?}", session.conflicts);
    let conflict = &session.conflicts[0];
    assert_eq!(conflict.path, "items[5.3].rationale");
    let both = [&conflict.kept.value, &conflict.other.value];
    assert!(both.iter().any(|v| v.contains("Ann: strong")), "{both:?}");
    assert!(both.iter().any(|v| v.contains("Bob: weak")), "{both:?}");
    assert!(!world.file("bob").contains("<<<<<<<"));
    let listed = world.ok("bob", &["sync", "conflicts"]);
    assert!(
        listed.contains(&conflict.id)
            && listed.contains("Ann: strong")
            && listed.contains("Bob: weak"),
        "{listed}"
    );
    let status = world.ok("bob", &["sync", "status"]);
    assert!(status.contains("conflicts waiting: 1"), "{status}");
    world.ok(
        "bob",
        &[
            "sync",
            "resolve",
            &conflict.id,
            "--text",
            "Agreed: strong audits, weak family voice",
        ],
    );
    world.ok("bob", &["sync"]);
    world.ok("ann", &["sync"]);
    assert_eq!(world.file("ann"), world.file("bob"));
    let session = world.read("ann");
    assert!(session.conflicts.is_empty());
    assert_eq!(
        session.items[0].rationale,
        "Agreed: strong audits, weak family voice"
    );
}

#[test]
fn c_a_priority_deleted_on_one_side_and_updated_on_the_other_is_kept_and_reported() {
    if git_missing() {
        return;
    }
    let world = World::new();
    world.started();
    world.edit("ann", |s| s.priorities.clear());
    world.edit("bob", |s| {
        s.priorities[0].log.push(update("Bob: three audits done"))
    });
    world.ok("ann", &["sync"]);
    world.ok("bob", &["sync"]);
    world.ok("ann", &["sync"]);
    assert_eq!(world.file("ann"), world.file("bob"));
    let session = world.read("ann");
    assert_eq!(session.priorities.len(), 1, "the update is kept");
    assert_eq!(session.priorities[0].log[0].note, "Bob: three audits done");
    assert_eq!(session.conflicts.len(), 1);
    assert_eq!(session.conflicts[0].kind, ConflictKind::DeletedAndChanged);
    assert_eq!(session.conflicts[0].path, "priorities[p0000000]");
    let listed = world.ok("ann", &["sync", "conflicts"]);
    assert!(
        listed.contains("DeletedAndChanged") && listed.contains("deleted"),
        "{listed}"
    );
}

#[test]
fn d_private_evidence_never_enters_the_shared_history() {
    if git_missing() {
        return;
    }
    let world = World::new();
    // Private evidence written before the folder was shared, and after.
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
    item.evidence
        .push(evidence("Case of SECRET-BEFORE-SHARING", true));
    item.evidence.push(evidence("Public audit summary", false));
    session.items.push(item);
    OpenSession::create(&world.session_path("ann"), &session, created).expect("create");
    world.ok(
        "ann",
        &["sync", "init", world.bare().to_str().expect("utf8")],
    );
    world.edit("ann", |s| {
        s.items[0]
            .evidence
            .push(evidence("SECRET-AFTER-SHARING child", true))
    });
    world.ok("ann", &["sync"]);
    world.ok(
        "bob",
        &["sync", "init", world.bare().to_str().expect("utf8")],
    );
    let log = std::process::Command::new("git")
        .arg("-C")
        .arg(world.bare())
        .args(["log", "-p", "--all"])
        .env("HOME", world.root.path().join("home"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git log");
    let log = String::from_utf8_lossy(&log.stdout);
    assert!(
        log.contains("Public audit summary"),
        "the shared part is there"
    );
    assert!(
        !log.contains("SECRET"),
        "private evidence in the shared history"
    );
    // Ann still sees hers; Bob never gets it.
    let ann: Vec<String> = world.read("ann").items[0]
        .evidence
        .iter()
        .map(|e| e.description.clone())
        .collect();
    assert_eq!(ann.len(), 3, "{ann:?}");
    let bob = world.read("bob");
    assert_eq!(bob.items[0].evidence.len(), 1);
    let status = world.ok("ann", &["sync", "status"]);
    assert!(status.contains(&format!("{ID}.private.ron")), "{status}");
}

#[test]
fn e_an_unreachable_remote_fails_clearly_and_loses_nothing() {
    if git_missing() {
        return;
    }
    let world = World::new();
    let created: Timestamp = "2026-11-25T09:00:00Z".parse().expect("time");
    let session = Session::new(
        ID.into(),
        SessionKind::Workshop,
        "Partnership review".into(),
        "hmie-cp-2009".into(),
        ScaleChoice::Framework,
        created,
    );
    OpenSession::create(&world.session_path("ann"), &session, created).expect("create");
    let missing = world.root.path().join("no-such-share").join("records.git");
    let output = world.howgood("ann", &["sync", "init", missing.to_str().expect("utf8")]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("could not reach the shared repository") && said.contains("Nothing was lost"),
        "{said}"
    );
    world.edit("ann", |s| s.title = "Renamed while away".into());
    let before = world.file("ann");
    let output = world.howgood("ann", &["sync"]);
    assert!(!output.status.success());
    assert_eq!(world.file("ann"), before, "the session is as it was");
    assert_eq!(world.read("ann").title, "Renamed while away");
    let status = world.ok("ann", &["sync", "status"]);
    assert!(status.contains("last synced: never"), "{status}");
}

#[test]
fn sync_before_init_says_what_to_do() {
    let world_root = TempDir::new().expect("temp");
    let output = Command::cargo_bin("howgood")
        .expect("binary")
        .arg("--data-dir")
        .arg(world_root.path())
        .arg("sync")
        .env("HOME", world_root.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("sync init") || said.contains("git program"),
        "{said}"
    );
}

#[test]
fn sync_waits_for_a_session_open_in_howgood_to_be_closed() {
    if git_missing() {
        return;
    }
    use std::io::{BufRead, BufReader};
    let world = World::new();
    world.started();
    let mut holder = std::process::Command::new(env!("CARGO_BIN_EXE_howgood"))
        .args(["internal", "hold"])
        .arg(world.session_path("bob"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("holder");
    let mut line = String::new();
    BufReader::new(holder.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("reads");
    assert_eq!(line.trim(), "open read-write");
    let output = world.howgood("bob", &["sync"]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("is open in another copy of howgood")
            && said.contains("close it there, then sync"),
        "{said}"
    );
    drop(holder.stdin.take());
    holder.wait().expect("holder ends");
    world.ok("bob", &["sync"]);
}

#[test]
fn the_merge_driver_refuses_a_file_from_a_newer_howgood_and_leaves_ours_untouched() {
    let dir = TempDir::new().expect("temp");
    let session = Session::new(
        ID.into(),
        SessionKind::Workshop,
        "Partnership review".into(),
        "hmie-cp-2009".into(),
        ScaleChoice::Framework,
        "2026-11-25T09:00:00Z".parse().expect("time"),
    );
    let text = howgood::session::codec::encode(&session).expect("encodes");
    let newer = text.replacen("version: 3,", "version: 4,", 1).replacen(
        "title:",
        "colour: \"blue\",\n  title:",
        1,
    );
    let paths: Vec<PathBuf> = ["base", "ours", "theirs"]
        .iter()
        .map(|n| dir.path().join(n))
        .collect();
    std::fs::write(&paths[0], &text).expect("base");
    std::fs::write(&paths[1], text.replace("Partnership review", "Ours")).expect("ours");
    std::fs::write(&paths[2], &newer).expect("theirs");
    let output = Command::cargo_bin("howgood")
        .expect("binary")
        .arg("merge-driver")
        .args(&paths)
        .arg(format!("sessions/{ID}.ron"))
        .output()
        .expect("runs");
    assert!(!output.status.success(), "git must see a conflict");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("newer howgood"), "{said}");
    assert!(
        !said.contains("blue"),
        "no file content in messages: {said}"
    );
    let ours = std::fs::read_to_string(&paths[1]).expect("ours");
    assert!(ours.contains("Ours") && !ours.contains("<<<<"));
}

#[test]
fn the_users_git_settings_are_used_and_nothing_is_written_into_them() {
    if git_missing() {
        return;
    }
    let world = World::new();
    let global = world.root.path().join("home").join(".gitconfig");
    let settings = "[user]\n\tname = Ann Example\n\temail = ann@example.org\n";
    std::fs::write(&global, settings).expect("global config");
    world.started();
    assert_eq!(std::fs::read_to_string(&global).expect("global"), settings);
    let local = std::fs::read_to_string(world.data("ann").join(".git").join("config"))
        .expect("repo config");
    assert!(
        !local.contains("howgood") && !local.contains("[user]"),
        "{local}"
    );
    let author = std::process::Command::new("git")
        .arg("-C")
        .arg(world.bare())
        .args(["log", "-1", "--format=%an <%ae>"])
        .env("HOME", world.root.path().join("home"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git log");
    assert_eq!(
        String::from_utf8_lossy(&author.stdout).trim(),
        "Ann Example <ann@example.org>"
    );
}

#[cfg(unix)]
#[test]
fn a_push_rejected_because_someone_pushed_first_is_merged_and_pushed_again() {
    if git_missing() {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let world = World::new();
    world.started();
    let carl = world.root.path().join("carl");
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git")
            .args(args)
            .env("HOME", world.root.path().join("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git");
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    git(&[
        "clone",
        "-q",
        world.bare().to_str().expect("utf8"),
        carl.to_str().expect("utf8"),
    ]);
    std::fs::create_dir_all(carl.join("measures")).expect("dir");
    std::fs::write(carl.join("measures").join("carl.ron"), "(version: 1)\n").expect("file");
    let c = carl.to_str().expect("utf8");
    git(&["-C", c, "add", "-A"]);
    git(&[
        "-C",
        c,
        "-c",
        "user.name=Carl",
        "-c",
        "user.email=c@example.org",
        "commit",
        "-qm",
        "Carl's",
    ]);
    // Carl pushes just as Ann is about to: her first push is rejected.
    let mark = world.root.path().join("pushed-once");
    let hook = world
        .data("ann")
        .join(".git")
        .join("hooks")
        .join("pre-push");
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\nif [ ! -e '{m}' ]; then touch '{m}'; env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE git -C '{c}' push -q origin HEAD:main; fi\nexit 0\n",
            m = mark.display()
        ),
    )
    .expect("hook");
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).expect("mode");
    world.edit("ann", |s| s.title = "Ann's title".into());
    world.ok("ann", &["sync"]);
    assert!(mark.exists(), "the race happened");
    assert!(
        world.data("ann").join("measures").join("carl.ron").exists(),
        "Carl's file merged in"
    );
    world.ok("bob", &["sync"]);
    assert_eq!(
        world.read("bob").title,
        "Ann's title",
        "Ann's change reached the share"
    );
}

#[test]
fn a_file_howgood_cannot_merge_yet_stops_the_merge_and_loses_nothing() {
    if git_missing() {
        return;
    }
    let world = World::new();
    world.started();
    for who in ["ann", "bob"] {
        std::fs::create_dir_all(world.data(who).join("measures")).expect("dir");
    }
    let measure = |who: &str| world.data(who).join("measures").join("m.ron");
    std::fs::write(measure("ann"), "(value: 1)\n").expect("write");
    world.ok("ann", &["sync"]);
    world.ok("bob", &["sync"]);
    std::fs::write(measure("ann"), "(value: 2)\n").expect("write");
    std::fs::write(measure("bob"), "(value: 3)\n").expect("write");
    world.edit("bob", |s| s.title = "Bob's title".into());
    world.ok("ann", &["sync"]);
    let output = world.howgood("bob", &["sync"]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("could not merge") && said.contains("undone"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(measure("bob")).expect("read"),
        "(value: 3)\n"
    );
    assert_eq!(world.read("bob").title, "Bob's title");
    assert!(
        !world.data("bob").join(".git").join("MERGE_HEAD").exists(),
        "no merge left half-done"
    );
    assert!(
        !std::fs::read_to_string(measure("bob"))
            .expect("read")
            .contains("<<<<")
    );
}

/// Ann and Bob share one measure, then record different values for the
/// same period (2026-Q3: Ann 75, Bob 72) and sync in turn.
fn same_period_recorded_twice(world: &World) {
    world.started();
    edit_measures(&world.data("ann"), |r| {
        let created = "2026-11-25T09:00:00Z".parse().expect("time");
        let mut m = Measure::new("m0000001".into(), "Plans on time".into(), created);
        // An LSCB content area, so the Report Book shows it.
        m.area = Some("workforce".into());
        m.values.push(reading("2026-Q1", 60.0));
        r.measures.push(m);
    });
    world.ok("ann", &["sync"]);
    world.ok("bob", &["sync"]);
    assert_eq!(
        measures_of(&world.data("bob")),
        measures_of(&world.data("ann"))
    );

    edit_measures(&world.data("ann"), |r| {
        r.measures[0].values.push(reading("2026-Q2", 70.0));
        r.measures[0].values.push(reading("2026-Q3", 75.0));
    });
    edit_measures(&world.data("bob"), |r| {
        r.measures[0].values.push(reading("2026-Q4", 80.0));
        r.measures[0].values.push(reading("2026-Q3", 72.0));
    });
    world.ok("ann", &["sync"]);
    world.ok("bob", &["sync"]);
    world.ok("ann", &["sync"]);
}

#[test]
fn measure_values_from_two_folders_all_arrive_and_the_same_period_is_a_recorded_conflict() {
    if git_missing() {
        return;
    }
    let world = World::new();
    same_period_recorded_twice(&world);
    let (ann, bob) = (
        measures_of(&world.data("ann")),
        measures_of(&world.data("bob")),
    );
    assert_eq!(ann, bob, "both folders end with the same register");
    let mut periods: Vec<String> = ann.measures[0]
        .values
        .iter()
        .map(|v| v.period.to_string())
        .collect();
    periods.sort();
    assert_eq!(periods, ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    assert_eq!(ann.conflicts.len(), 1, "{:?}", ann.conflicts);
    let conflict = &ann.conflicts[0];
    assert!(
        conflict
            .path
            .starts_with("measures[m0000001].values[2026-Q3]"),
        "{}",
        conflict.path
    );
    let values = format!("{} {}", conflict.kept.value, conflict.other.value);
    assert!(values.contains("75") && values.contains("72"), "{values}");
    let file =
        std::fs::read_to_string(world.data("ann").join("measures/measures.ron")).expect("file");
    assert!(
        !file.contains("<<<<<<<") && !file.contains(">>>>>>>"),
        "no conflict markers"
    );
}

#[test]
fn a_measure_conflict_is_listed_and_resolved_on_the_command_line() {
    if git_missing() {
        return;
    }
    let world = World::new();
    same_period_recorded_twice(&world);
    let recorded = measures_of(&world.data("bob")).conflicts;
    assert_eq!(recorded.len(), 1, "{recorded:?}");
    let id = recorded[0].id.clone();
    let other_was_75 = recorded[0].other.value.contains("75");

    let listed = world.ok("bob", &["sync", "conflicts"]);
    assert!(listed.contains(&id), "{listed}");
    assert!(
        listed.contains("Plans on time · 2026-Q3 · figure"),
        "{listed}"
    );
    assert!(
        listed.contains("    75%\n") && listed.contains("    72%\n"),
        "{listed}"
    );
    assert!(
        listed.contains("the register keeps no save time"),
        "{listed}"
    );
    assert!(
        listed.contains("by ann") && listed.contains("by bob"),
        "{listed}"
    );
    let status = world.ok("bob", &["sync", "status"]);
    assert!(status.contains("conflicts waiting: 1"), "{status}");
    assert!(
        status.contains("measures Plans on time · 2026-Q3"),
        "{status}"
    );

    // Until resolved, the list and the Report Book show both, marked.
    let csv = world.ok(
        "bob",
        &["measures", "list", "--format", "csv", "--output", "-"],
    );
    assert!(csv.contains("[CONFLICT WAITING in 2026-Q3: 7"), "{csv}");
    assert!(csv.contains("% or 7"), "{csv}");
    let shown = world.ok("bob", &["measures", "show", "m0000001"]);
    assert!(shown.contains("2026-Q3: 7"), "{shown}");
    assert!(shown.contains("% [CONFLICT WAITING: also 7"), "{shown}");
    let book = world.root.path().join("book.html");
    let book_arg = book.to_str().expect("utf8");
    let range = [
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--output",
        book_arg,
    ];
    world.ok("bob", &[&["report"][..], &range[..]].concat());
    let html = std::fs::read_to_string(&book).expect("book");
    assert!(
        html.contains("[CONFLICT WAITING: also "),
        "the Report Book marks it"
    );

    let said = world.ok("bob", &["sync", "resolve", &id, "--take", "theirs"]);
    assert!(said.contains("measures register"), "{said}");
    let saved = measures_of(&world.data("bob"));
    assert!(saved.conflicts.is_empty(), "{:?}", saved.conflicts);
    let q3 = saved.measures[0]
        .values
        .iter()
        .find(|v| v.period.to_string() == "2026-Q3")
        .expect("Q3 kept");
    let expected = if other_was_75 { 75.0 } else { 72.0 };
    assert_eq!(q3.figure, Figure::Number(expected));
    assert!(
        world
            .ok("bob", &["sync", "conflicts"])
            .contains("no conflicts"),
        "resolved"
    );
    let csv = world.ok(
        "bob",
        &["measures", "list", "--format", "csv", "--output", "-"],
    );
    assert!(!csv.contains("CONFLICT WAITING"), "{csv}");
    let again = world.howgood("bob", &["sync", "resolve", &id, "--take", "ours"]);
    assert!(!again.status.success(), "a settled conflict is gone");

    world.ok("bob", &["sync"]);
    world.ok("ann", &["sync"]);
    assert_eq!(
        measures_of(&world.data("ann")),
        measures_of(&world.data("bob"))
    );
    assert!(measures_of(&world.data("ann")).conflicts.is_empty());
}

#[test]
fn a_measure_figure_takes_no_combined_text() {
    if git_missing() {
        return;
    }
    let world = World::new();
    same_period_recorded_twice(&world);
    let id = measures_of(&world.data("bob")).conflicts[0].id.clone();
    let before = std::fs::read(world.data("bob").join("measures/measures.ron")).expect("file");
    let output = world.howgood("bob", &["sync", "resolve", &id, "--text", "74"]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("does not fit"), "{said}");
    let after = std::fs::read(world.data("bob").join("measures/measures.ron")).expect("file");
    assert_eq!(before, after, "nothing written");
}
