//! The improvement cycle at the data and command-line level: a March
//! workshop agrees priorities, the register records progress, a June
//! workshop follows it up, and `actions` and `trends` show it all.

mod common;
use common::cli::{howgood, json, stdout};
use common::{at, record};
use howgood::commands::actions::{locate, prepare_update, save_reporting};
use howgood::session::ids::{IdSource, fill_missing};
use howgood::session::model::{
    Priority, PriorityStatus, ProgressUpdate, ScaleChoice, Session, SessionKind,
};
use howgood::session::register::Scan;
use howgood::session::store::{OpenSession, SessionStore, Sidecar, sidecars_of};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn store(home: &Path) -> SessionStore {
    SessionStore::open(home.join("data/sessions"))
        .expect("store")
        .0
}

fn priority(statement: &str, owner: &str, due: &str) -> Priority {
    let mut p = Priority::new(String::new());
    p.statement = statement.into();
    p.owner = owner.into();
    p.deadline = Some(due.parse().expect("date"));
    p.serves = vec!["5.3".into()];
    p
}

fn session(id: &str, kind: SessionKind, framework: &str, created: &str) -> Session {
    let scale = if framework == "hmie-cp-2009" {
        ScaleChoice::Framework
    } else {
        ScaleChoice::Borrowed("hmie-cp-2009".into())
    };
    Session::new(
        id.into(),
        kind,
        id.into(),
        framework.into(),
        scale,
        at(created),
    )
}

fn create(store: &SessionStore, session: &mut Session, seed: u64) -> PathBuf {
    fill_missing(session, &mut IdSource::seeded(seed));
    let path = store.path_of(&session.id);
    OpenSession::create(&path, session, at("2026-11-25T09:00:00Z")).expect("create");
    path
}

fn by_id(actions: &Value) -> BTreeMap<String, Value> {
    actions
        .as_array()
        .expect("array")
        .iter()
        .map(|a| (a["id"].as_str().expect("id").to_owned(), a.clone()))
        .collect()
}

fn bytes_of(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .filter(|e| e.path().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (e.path(), fs::read(e.path()).expect("read")))
        .collect()
}

/// A March workshop with two priorities, and a supervision and a daily
/// review with an action each. Returns the two priorities' ids.
fn march(home: &Path) -> (String, String) {
    let store = store(home);
    let mut march = session(
        "2026-03-10-march",
        SessionKind::Workshop,
        "hmie-cp-2009",
        "2026-03-10T09:00:00Z",
    );
    march.locality = Some("North".into());
    march.items = vec![
        record("5.3", 2, &[("Police", 2), ("Health", 3)]),
        record("8.1", 3, &[("Police", 3), ("Health", 3)]),
    ];
    march.priorities = vec![
        priority(
            "Fathers are seen in every assessment",
            "Head of Safeguarding",
            "2026-06-30",
        ),
        priority(
            "Chronologies in every case file",
            "Audit lead",
            "2026-05-31",
        ),
    ];
    create(&store, &mut march, 1);
    let mut supervision = session(
        "2026-04-01-supervision",
        SessionKind::Supervision,
        "lscb-qaf",
        "2026-04-01T09:00:00Z",
    );
    supervision.priorities = vec![priority("Visit the family weekly", "Sam", "2026-04-15")];
    create(&store, &mut supervision, 2);
    let mut daily = session(
        "2026-04-02-daily",
        SessionKind::DailyReview,
        "lscb-qaf",
        "2026-04-02T09:00:00Z",
    );
    daily.priorities = vec![priority("Ring the school", "me", "2026-04-03")];
    create(&store, &mut daily, 3);
    (
        march.priorities[0].id.clone(),
        march.priorities[1].id.clone(),
    )
}

#[test]
fn actions_lists_every_kind_with_its_fields_and_filters() {
    let home = TempDir::new().expect("tempdir");
    let (first, _) = march(home.path());
    let all = json(home.path(), &["actions", "--json"]);
    let kinds: Vec<&str> = all
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds.len(), 4);
    for kind in ["priority", "agreed-action", "daily-action"] {
        assert!(kinds.contains(&kind), "{kinds:?}");
    }
    let row = &by_id(&all)[&first];
    for field in [
        "id",
        "session_id",
        "kind",
        "framework",
        "items",
        "owner",
        "due",
        "status",
        "last_update",
    ] {
        assert!(row.get(field).is_some(), "{field} missing in {row}");
    }
    assert_eq!(row["session_id"], "2026-03-10-march");
    assert_eq!(row["framework"], "hmie-cp-2009");
    assert_eq!(row["items"][0], "5.3");
    assert_eq!(row["due"], "2026-06-30");
    assert_eq!(row["status"], "not-started");
    assert_eq!(row["last_update"], Value::Null);

    let count = |args: &[&str]| {
        let mut all = vec!["actions", "--json"];
        all.extend_from_slice(args);
        json(home.path(), &all).as_array().expect("array").len()
    };
    assert_eq!(count(&["--owner", "head of"]), 1);
    assert_eq!(count(&["--framework", "lscb-qaf"]), 2);
    assert_eq!(count(&["--due-before", "2026-05-01"]), 2);
    assert_eq!(count(&["--overdue", "--today", "2026-06-01"]), 3);
    assert_eq!(count(&["--status", "done"]), 0);
    howgood(home.path())
        .args(["actions", "--status", "finished"])
        .assert()
        .failure();
}

#[test]
fn an_update_changes_one_action_in_one_file() {
    let home = TempDir::new().expect("tempdir");
    let (first, second) = march(home.path());
    let dir = home.path().join("data/sessions");
    let before = bytes_of(&dir);
    howgood(home.path())
        .args([
            "actions",
            "update",
            &first,
            "--status",
            "in-progress",
            "--note",
            "Audit tool drafted",
            "--date",
            "2026-04-02",
        ])
        .assert()
        .success();
    let after = bytes_of(&dir);
    assert_eq!(before.len(), after.len(), "no file added or removed");
    let changed: Vec<_> = before.keys().filter(|p| before[*p] != after[*p]).collect();
    assert_eq!(changed, [&dir.join("2026-03-10-march.ron")]);
    let march = OpenSession::open(
        &dir.join("2026-03-10-march.ron"),
        at("2026-11-25T10:00:00Z"),
    )
    .expect("open")
    .loaded;
    let p = march
        .priorities
        .iter()
        .find(|p| p.id == first)
        .expect("first");
    assert_eq!(p.status, PriorityStatus::InProgress);
    assert_eq!(p.log.len(), 1);
    assert_eq!(p.log[0].note, "Audit tool drafted");
    let other = march
        .priorities
        .iter()
        .find(|p| p.id == second)
        .expect("second");
    assert!(other.log.is_empty(), "only the one action");
    howgood(home.path())
        .args(["actions", "update", "zzzzzzzz", "--status", "done"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("no action has id zzzzzzzz"));
}

#[test]
fn an_update_over_an_external_edit_goes_to_a_conflict_copy() {
    let home = TempDir::new().expect("tempdir");
    let (first, _) = march(home.path());
    let store = store(home.path());
    let (register, _) = Scan::of_store(&store);
    let target = locate(&register, &first).expect("found");
    let update = ProgressUpdate {
        date: "2026-04-02".parse().expect("date"),
        status: PriorityStatus::Done,
        note: String::new(),
        impact: None,
    };
    let (mut open, session) =
        prepare_update(&store, &target, update, at("2026-11-25T10:00:00Z")).expect("prepared");
    // Someone edits the file between our reading and our saving.
    let path = store.path_of(&target.session);
    let edited = fs::read_to_string(&path)
        .expect("read")
        .replace("Audit lead", "Audit team");
    fs::write(&path, &edited).expect("external edit");
    let saved = save_reporting(&mut open, &session, at("2026-11-25T10:00:01Z")).expect("saves");
    assert!(!saved, "reported as a conflict");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        edited,
        "original untouched"
    );
    let copies = sidecars_of(&path, Sidecar::Conflict);
    assert_eq!(copies.len(), 1);
    assert!(
        fs::read_to_string(&copies[0])
            .expect("copy")
            .contains("status: Done")
    );
}

#[test]
fn a_june_workshop_follows_march_and_the_cycle_shows_in_actions_and_trends() {
    let home = TempDir::new().expect("tempdir");
    let (first, second) = march(home.path());
    let update = |id: &str, status: &str, date: &str, note: &str| {
        howgood(home.path())
            .args([
                "actions", "update", id, "--status", status, "--date", date, "--note", note,
            ])
            .assert()
            .success();
    };
    update(&first, "in-progress", "2026-04-02", "Audit tool drafted");
    update(&second, "in-progress", "2026-04-20", "Template agreed");

    // June follows March, on the same framework, and records new levels.
    let store = store(home.path());
    let mut june = session(
        "2026-06-15-june",
        SessionKind::Workshop,
        "hmie-cp-2009",
        "2026-06-15T09:00:00Z",
    );
    june.follows = Some("2026-03-10-march".into());
    june.locality = Some("North".into());
    june.items = vec![record("5.3", 4, &[("Police", 4), ("Health", 5)])];
    create(&store, &mut june, 4);

    howgood(home.path())
        .args([
            "actions",
            "update",
            &first,
            "--status",
            "done",
            "--date",
            "2026-06-15",
            "--note",
            "Every assessment audited",
            "--impact",
            "Fathers seen in 18 of 20",
        ])
        .assert()
        .success();
    let carried = howgood(home.path())
        .args([
            "actions",
            "update",
            &second,
            "--status",
            "carried-forward",
            "--date",
            "2026-06-15",
            "--note",
            "Half the files done",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let carried = String::from_utf8(carried).expect("utf-8");
    let new_ref = carried
        .trim()
        .rsplit('\t')
        .next()
        .expect("new ref")
        .to_owned();
    let (into, new_id) = new_ref.split_once('/').expect("session/id");
    assert_eq!(into, "2026-06-15-june", "the session that follows");

    let actions = by_id(&json(home.path(), &["actions", "--json"]));
    let done = &actions[&first];
    assert_eq!(done["status"], "done");
    assert_eq!(done["done_on"], "2026-06-15");
    assert_eq!(done["last_update"]["note"], "Every assessment audited");
    assert_eq!(done["last_update"]["impact"], "Fathers seen in 18 of 20");
    assert_eq!(actions[&second]["status"], "carried-forward");

    let linked = &actions[new_id];
    assert_eq!(linked["session_id"], "2026-06-15-june");
    assert_eq!(linked["carries"], format!("2026-03-10-march/{second}"));
    assert_eq!(
        linked["text"], "Chronologies in every case file",
        "read through the link"
    );
    assert_eq!(linked["owner"], "Audit lead");
    let log: Vec<(&str, &str)> = linked["log"]
        .as_array()
        .expect("log")
        .iter()
        .map(|u| {
            (
                u["date"].as_str().expect("date"),
                u["status"].as_str().expect("status"),
            )
        })
        .collect();
    assert_eq!(
        log,
        [
            ("2026-04-20", "in-progress"),
            ("2026-06-15", "carried-forward")
        ],
        "the whole history"
    );
    // Linked, not copied: June's file holds no copy of the statement.
    let june_text = fs::read_to_string(store.path_of("2026-06-15-june")).expect("june");
    assert!(!june_text.contains("Chronologies"));

    let trends = json(home.path(), &["trends", "hmie-cp-2009", "--json"]);
    let dates: Vec<&str> = trends["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .map(|s| s["date"].as_str().expect("date"))
        .collect();
    assert_eq!(dates, ["2026-03-10", "2026-06-15"]);
    let item = &trends["items"][0];
    assert_eq!(item["item"], "5.3");
    let levels: Vec<(u64, &str)> = item["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .map(|l| {
            (
                l["level"].as_u64().expect("n"),
                l["word"].as_str().expect("word"),
            )
        })
        .collect();
    assert_eq!(levels, [(2, "weak"), (4, "good")]);
    assert_eq!(item["levels"][1]["spread"][1]["participant"], "Health");
    assert_eq!(item["levels"][1]["spread"][1]["level"], 5);
    let text = trends.to_string().to_lowercase();
    for word in ["average", "mean", "total", "score\""] {
        assert!(!text.contains(&format!("\"{word}")), "no {word} in {text}");
    }
    let only = json(
        home.path(),
        &["trends", "hmie-cp-2009", "--item", "8.1", "--json"],
    );
    assert_eq!(only["items"].as_array().expect("items").len(), 1);
    assert_eq!(
        only["items"][0]["levels"].as_array().expect("levels").len(),
        1
    );

    let plain = stdout(home.path(), &["trends", "hmie-cp-2009"]);
    assert!(plain.contains("never averaged"), "{plain}");
    assert!(plain.contains("2026-06-15  4 good"), "{plain}");

    // Without a usable index the files are read: the same answer.
    let index = home.path().join("data").join("index.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", index.display()));
    }
    fs::create_dir(&index).expect("a folder where the index goes");
    assert_eq!(
        json(home.path(), &["trends", "hmie-cp-2009", "--json"]),
        trends
    );
    assert_eq!(
        json(
            home.path(),
            &["trends", "hmie-cp-2009", "--item", "8.1", "--json"]
        ),
        only
    );
    assert_eq!(stdout(home.path(), &["trends", "hmie-cp-2009"]), plain);
}

#[test]
fn new_sessions_can_follow_an_earlier_one_of_the_same_framework() {
    let home = TempDir::new().expect("tempdir");
    march(home.path());
    let out = howgood(home.path())
        .args([
            "new",
            "--framework",
            "hmie-cp-2009",
            "--title",
            "June",
            "--indicator",
            "5.3",
            "--follows",
            "2026-03-10-march",
            "--locality",
            "North",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let line = String::from_utf8(out).expect("utf-8");
    let (_, path) = line.trim().split_once('\t').expect("id<TAB>path");
    let text = fs::read_to_string(path).expect("file");
    assert!(
        text.contains("follows: Some(\"2026-03-10-march\")"),
        "{text}"
    );
    assert!(text.contains("locality: Some(\"North\")"), "{text}");
    howgood(home.path())
        .args([
            "new",
            "--framework",
            "lscb-qaf",
            "--title",
            "X",
            "--follows",
            "2026-03-10-march",
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("same framework"));
    howgood(home.path())
        .args([
            "new",
            "--framework",
            "hmie-cp-2009",
            "--title",
            "X",
            "--follows",
            "2026-01-01-none",
        ])
        .assert()
        .failure();
}

#[test]
fn a_session_open_elsewhere_is_not_changed_and_a_shared_id_must_be_named() {
    let home = TempDir::new().expect("tempdir");
    let (first, _) = march(home.path());
    let store = store(home.path());
    let path = store.path_of("2026-03-10-march");
    let before = fs::read(&path).expect("read");
    // This test process holds the session open, as the terminal screens do.
    let held = OpenSession::open(&path, at("2026-11-25T10:00:00Z")).expect("open");
    howgood(home.path())
        .args(["actions", "update", &first, "--status", "done"])
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "another copy of howgood has this session open",
        ));
    assert_eq!(fs::read(&path).expect("read"), before, "untouched");
    drop(held);

    // A second session whose ids came from the same seed: a bare id is
    // ambiguous, SESSION/ID is not.
    let mut twin = session(
        "2026-03-11-twin",
        SessionKind::Workshop,
        "hmie-cp-2009",
        "2026-03-11T09:00:00Z",
    );
    twin.priorities = vec![
        priority("Twin one", "A", "2026-06-30"),
        priority("Twin two", "B", "2026-06-30"),
    ];
    create(&store, &mut twin, 1);
    assert_eq!(twin.priorities[0].id, first);
    howgood(home.path())
        .args(["actions", "update", &first, "--status", "done"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("more than one session"));
    let named = format!("2026-03-11-twin/{first}");
    howgood(home.path())
        .args([
            "actions",
            "update",
            &named,
            "--status",
            "done",
            "--date",
            "2026-04-01",
        ])
        .assert()
        .success();
    assert_eq!(fs::read(&path).expect("read"), before, "march untouched");
    let actions = json(home.path(), &["actions", "--json", "--status", "done"]);
    assert_eq!(actions[0]["ref"], named.as_str());
}
