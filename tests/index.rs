//! The index agrees with the session files through every change, reads
//! only what changed, and is rebuilt without loss when it is lost or damaged.

use howgood::index::{Index, SCHEMA_VERSION};
use howgood::session::codec;
use howgood::session::model::{
    ItemRecord, Priority, PriorityStatus, QuestionNote, ScaleChoice, Session, SessionKind,
};
use howgood::session::store::OpenSession;
use jiff::Timestamp;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn now() -> Timestamp {
    "2026-11-25T10:00:00Z".parse().expect("time")
}

fn session(id: &str, title: &str, kind: SessionKind) -> Session {
    let mut s = Session::new(
        id.to_owned(),
        kind,
        title.to_owned(),
        "hmie-cp-2009".to_owned(),
        ScaleChoice::Framework,
        now(),
    );
    let mut item = ItemRecord::new("5.3");
    item.level = Some(4);
    item.rationale = "Chronologies are kept in every neglect case".to_owned();
    item.questions.push(QuestionNote {
        area: "neglect".to_owned(),
        question: "How do you know?".to_owned(),
        discussed: true,
        note: "Reflection about supervision frequency".to_owned(),
    });
    s.items.push(item);
    s.priorities.push(Priority {
        statement: "Audit twenty case files".to_owned(),
        owner: "Head of Service".to_owned(),
        deadline: Some("2026-12-01".parse().expect("date")),
        serves: vec!["5.3".to_owned()],
        status: PriorityStatus::InProgress,
        ..Priority::new("aaaaaaaa".to_owned())
    });
    s
}

struct Setup {
    _tmp: TempDir,
    data: PathBuf,
    dir: PathBuf,
}

fn setup() -> Setup {
    let tmp = TempDir::new().expect("tempdir");
    let data = tmp.path().join("data");
    let dir = data.join("sessions");
    std::fs::create_dir_all(&dir).expect("dir");
    Setup {
        _tmp: tmp,
        data,
        dir,
    }
}

fn write(dir: &Path, s: &Session) {
    let text = codec::encode(s).expect("encode");
    howgood::session::atomic::write_atomic(&dir.join(format!("{}.ron", s.id)), text.as_bytes())
        .expect("write");
}

fn reconcile(setup: &Setup) -> (Index, howgood::index::Reconciled) {
    Index::open_current(&Index::path_in(&setup.data), &setup.dir, &mut |_, _| {}).expect("index")
}

fn titles(index: &Index) -> Vec<String> {
    let mut titles: Vec<String> = index
        .sessions()
        .expect("sessions")
        .into_iter()
        .map(|s| s.title)
        .collect();
    titles.sort();
    titles
}

#[test]
fn bundled_sqlite_has_fts5() {
    let conn = rusqlite::Connection::open_in_memory().expect("sqlite");
    conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(x); INSERT INTO t VALUES ('neglect');")
        .expect("FTS5 is compiled into the bundled SQLite");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM t WHERE t MATCH 'neglect'", [], |r| {
            r.get(0)
        })
        .expect("match");
    assert_eq!(n, 1);
}

#[test]
fn a_start_with_nothing_changed_reads_no_session_file() {
    let setup = setup();
    write(&setup.dir, &session("a", "Alpha", SessionKind::Workshop));
    write(&setup.dir, &session("b", "Beta", SessionKind::DailyReview));
    let (_, first) = reconcile(&setup);
    assert_eq!(first.read, 2);
    let (index, second) = reconcile(&setup);
    assert_eq!((second.read, second.unchanged, second.removed), (0, 2, 0));
    assert_eq!(titles(&index), ["Alpha", "Beta"]);
}

#[test]
fn the_index_follows_create_edit_external_edit_delete_rename_damage_and_restore() {
    let setup = setup();
    let path = setup.dir.join("a.ron");
    // Create, through the store.
    let mut open = OpenSession::create(&path, &session("a", "Alpha", SessionKind::Workshop), now())
        .expect("create");
    let (index, done) = reconcile(&setup);
    assert_eq!(done.read, 1);
    assert_eq!(titles(&index), ["Alpha"]);
    assert_eq!(index.level("a", "5.3").expect("level"), Some(4));

    // Edit through the store.
    let mut edited = open.loaded.clone();
    edited.title = "Alpha edited".to_owned();
    edited.items[0].level = Some(2);
    open.save(&edited, now()).expect("save");
    drop(open);
    let (index, done) = reconcile(&setup);
    assert_eq!(done.read, 1);
    assert_eq!(titles(&index), ["Alpha edited"]);
    assert_eq!(index.level("a", "5.3").expect("level"), Some(2));

    // Edit by another program, same size as before.
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("Alpha edited", "Alpha EDITED")).expect("external edit");
    let (index, _) = reconcile(&setup);
    assert_eq!(titles(&index), ["Alpha EDITED"]);

    // Rename: the id inside no longer matches the file name, so the file
    // is listed as damaged (never trusted to name a path), not dropped.
    std::fs::rename(&path, setup.dir.join("renamed.ron")).expect("rename");
    let (index, done) = reconcile(&setup);
    assert_eq!((done.read, done.removed), (1, 1));
    assert!(index.sessions().expect("list").is_empty());
    let damaged = index.damaged().expect("damaged");
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].file, "renamed.ron");
    assert!(damaged[0].error.contains("differs from the file name"));
    std::fs::rename(setup.dir.join("renamed.ron"), &path).expect("rename back");

    // Damage: listed as damaged, not dropped.
    let good = std::fs::read(&path).expect("read");
    std::fs::write(&path, b"(version: 2, id: \"a\", kind: Wor").expect("damage");
    let (index, _) = reconcile(&setup);
    assert!(titles(&index).is_empty());
    let damaged = index.damaged().expect("damaged");
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].file, "a.ron");
    assert!(
        damaged[0].error.contains("a.ron:1:"),
        "{}",
        damaged[0].error
    );

    // Restore.
    std::fs::write(&path, &good).expect("restore");
    let (index, _) = reconcile(&setup);
    assert_eq!(titles(&index), ["Alpha EDITED"]);
    assert!(index.damaged().expect("damaged").is_empty());

    // Delete.
    std::fs::remove_file(&path).expect("delete");
    let (index, done) = reconcile(&setup);
    assert_eq!(done.removed, 1);
    assert!(titles(&index).is_empty());
    assert!(index.search("chronologies", 10).expect("search").is_empty());
}

fn many(setup: &Setup) {
    for n in 0..30 {
        let kind = if n % 3 == 0 {
            SessionKind::DailyReview
        } else {
            SessionKind::Workshop
        };
        write(
            &setup.dir,
            &session(&format!("s{n:02}"), &format!("Session {n:02}"), kind),
        );
    }
}

#[test]
fn a_deleted_index_is_rebuilt_without_loss() {
    let setup = setup();
    many(&setup);
    let (index, _) = reconcile(&setup);
    let before = index.sessions().expect("list");
    drop(index);
    std::fs::remove_file(Index::path_in(&setup.data)).expect("delete index");
    let (index, done) = reconcile(&setup);
    assert_eq!(done.read, 30);
    assert_eq!(index.sessions().expect("list"), before);
    assert_eq!(index.daily().expect("daily").len(), 10);
}

#[test]
fn a_corrupted_index_is_rebuilt_without_loss() {
    let setup = setup();
    many(&setup);
    let (index, _) = reconcile(&setup);
    let before = index.sessions().expect("list");
    drop(index);
    let path = Index::path_in(&setup.data);
    let mut bytes = std::fs::read(&path).expect("read index");
    for byte in bytes.iter_mut().skip(100) {
        *byte = 0x5a;
    }
    std::fs::write(&path, bytes).expect("corrupt");
    let (index, done) = reconcile(&setup);
    assert!(index.rebuilt.is_some(), "the damage was noticed");
    assert_eq!(done.read, 30);
    assert_eq!(index.sessions().expect("list"), before);
}

#[test]
fn an_index_of_another_schema_version_is_rebuilt() {
    let setup = setup();
    many(&setup);
    drop(reconcile(&setup));
    let path = Index::path_in(&setup.data);
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.pragma_update(None, "user_version", SCHEMA_VERSION - 1)
        .expect("set version");
    drop(conn);
    let (index, done) = reconcile(&setup);
    assert!(
        index
            .rebuilt
            .as_deref()
            .is_some_and(|r| r.contains("schema"))
    );
    assert_eq!(done.read, 30);
}

#[cfg(unix)]
#[test]
fn the_index_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let setup = setup();
    many(&setup);
    drop(reconcile(&setup));
    for suffix in ["", "-wal", "-shm"] {
        let path = PathBuf::from(format!("{}{suffix}", Index::path_in(&setup.data).display()));
        if let Ok(meta) = std::fs::metadata(&path) {
            assert_eq!(
                meta.permissions().mode() & 0o777,
                0o600,
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn search_ranks_hits_across_all_sessions_with_session_and_field() {
    let setup = setup();
    many(&setup);
    let mut special = session("z", "Zeta", SessionKind::Supervision);
    special.items[0].strengths = "Supervision supervision supervision is regular".to_owned();
    write(&setup.dir, &special);
    let (index, _) = reconcile(&setup);
    let hits = index.search("supervision", 50).expect("search");
    assert_eq!(hits.len(), 32, "every session's note, and the special one");
    assert_eq!(hits[0].session_id, "z", "the densest match first");
    assert_eq!(hits[0].field, "5.3 strengths");
    assert!(
        hits[0].snippet.contains("[Supervision]"),
        "{}",
        hits[0].snippet
    );
    assert!(index.search("audit twen", 50).expect("prefix").len() >= 31);
    assert!(
        index
            .search("\"(*", 5)
            .expect("punctuation is safe")
            .is_empty()
    );
}

#[test]
fn due_priorities_and_daily_reviews_come_from_the_index() {
    let setup = setup();
    many(&setup);
    let (index, _) = reconcile(&setup);
    let due = index
        .due("2026-12-09".parse().expect("date"), 100)
        .expect("due");
    // Daily reviews' small actions are due too (issue 12, item 9).
    assert_eq!(due.len(), 30, "workshops and daily reviews alike");
    assert!(
        index
            .due("2026-11-30".parse().expect("date"), 100)
            .expect("due")
            .is_empty()
    );
}

#[test]
fn a_quick_open_trusts_a_settled_folder_and_compares_a_changed_one() {
    let setup = setup();
    many(&setup);
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let folder = std::fs::File::open(&setup.dir).expect("open folder");
    folder.set_modified(an_hour_ago).expect("set folder time");
    drop(reconcile(&setup));
    let path = Index::path_in(&setup.data);
    let (index, done) = Index::open_quick(&path, &setup.dir, &mut |_, _| {}).expect("quick");
    assert!(done.is_none(), "nothing was added, removed or replaced");
    assert_eq!(index.sessions().expect("list").len(), 30);
    write(
        &setup.dir,
        &session("new", "Newcomer", SessionKind::Workshop),
    );
    let (index, done) = Index::open_quick(&path, &setup.dir, &mut |_, _| {}).expect("quick");
    assert_eq!(done.expect("the folder changed").read, 1);
    assert!(titles(&index).contains(&"Newcomer".to_owned()));
}

/// A session whose only words are in a narrative and a criterion's
/// evidence and note (issue 13's records), so a hit can only come from them.
fn criteria_session() -> Session {
    let mut s = session("crit", "Probation", SessionKind::Workshop);
    s.items[0].rationale.clear();
    s.items[0].questions.clear();
    s.items[0].narrative = "Offender managers attend strategy meetings promptly".to_owned();
    let c = s.items[0].criterion_mut("", "b");
    c.evidence = "Chronology audit of twelve files".to_owned();
    c.note = "Escalation protocol unfamiliar to staff".to_owned();
    // A Module 2 statement is kept under its whole text: the hit is named
    // by what it is, not by that text again.
    s.items[0]
        .criterion_mut("neglect", "Neglect is recognised early")
        .note = "Thresholds discussed at panel".to_owned();
    s
}

#[test]
fn search_covers_narratives_and_criterion_evidence_and_notes() {
    let setup = setup();
    write(&setup.dir, &criteria_session());
    let (index, _) = reconcile(&setup);
    for (words, field) in [
        ("strategy meetings", "5.3 narrative"),
        ("chronology audit", "5.3 criterion b evidence"),
        ("escalation protocol", "5.3 criterion b note"),
        ("thresholds panel", "5.3 Module 2 statement note"),
    ] {
        let hits = index.search(words, 10).expect("search");
        assert_eq!(hits.len(), 1, "{words}");
        assert_eq!(hits[0].session_id, "crit");
        assert_eq!(hits[0].field, field);
    }
}

#[test]
fn the_find_palette_finds_narratives_and_criterion_notes_in_the_session() {
    let library = howgood::content::library::Library::assemble(
        howgood::content::library::embedded_files(),
        Vec::new(),
    );
    let s = criteria_session();
    let entries = howgood::app::palette::build_index(&library, Some(&s));
    for words in [
        "strategy meetings",
        "chronology audit",
        "escalation protocol",
    ] {
        let hits = howgood::app::palette::search(&entries, words);
        assert!(
            hits.iter()
                .any(|h| entries[h.entry].text.to_lowercase().contains(words)),
            "{words}"
        );
    }
}

/// A new index is made in one transaction and folded into its file: made
/// statement by statement its log held nearly 0.5 MiB, enough to fill a
/// nearly full disk (the full-disk test's 512 KiB) before any session
/// was saved.
#[test]
fn a_new_index_takes_little_room() {
    let dir = TempDir::new().expect("tempdir");
    let path = Index::path_in(dir.path());
    let index = Index::open(&path).expect("created");
    let on_disk: u64 = std::fs::read_dir(dir.path())
        .expect("listed")
        .filter_map(|e| e.ok()?.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    assert!(
        on_disk <= 240 * 1024,
        "the new index and its log take {on_disk} bytes"
    );
    drop(index);
}
