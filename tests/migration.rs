//! Session format 3: older files migrate to the golden expected files,
//! keep a backup, and the ids they are given never change afterwards.

use howgood::content::library::{Library, embedded_files};
use howgood::export::markdown::session_markdown;
use howgood::session::codec;
use howgood::session::ids::{IdSource, fill_missing, is_stable_id};
use howgood::session::model::{
    ItemRecord, Milestone, Priority, ScaleChoice, Session, SessionKind, StableId,
};
use howgood::session::store::{Access, OpenSession, Saved, SessionStore};
use jiff::Timestamp;
use std::fs;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions")
        .join(name)
}

fn now() -> Timestamp {
    "2026-11-25T12:00:00Z".parse().expect("timestamp")
}

fn store() -> (tempfile::TempDir, SessionStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = SessionStore::open(dir.path().join("sessions")).expect("store");
    (dir, store)
}

/// Every stable id in a session, with what it names.
fn ids(session: &Session) -> Vec<(StableId, String)> {
    let mut out = Vec::new();
    for p in &session.priorities {
        out.push((p.id.clone(), p.statement.clone()));
        for m in &p.milestones {
            out.push((m.id.clone(), m.text.clone()));
        }
    }
    for i in &session.items {
        for e in &i.evidence {
            out.push((e.id.clone(), e.description.clone()));
        }
    }
    out.sort();
    out
}

#[test]
fn versions_one_and_two_migrate_to_their_golden_version_three() {
    for (old, expected, version) in [("v1.ron", "v1-as-v3.ron", 1), ("v2.ron", "v2-as-v3.ron", 2)] {
        let decoded = codec::decode(&fs::read(fixture(old)).expect("fixture")).expect("decodes");
        assert_eq!(decoded.file_version, version);
        assert!(decoded.unknown_fields.is_empty());
        assert_eq!(decoded.session.version, 3);
        let text = codec::encode(&decoded.session).expect("encodes");
        let golden = fs::read_to_string(fixture(expected)).expect("golden");
        assert_eq!(text, golden, "{old} migrates to {expected}");
        let all = ids(&decoded.session);
        assert!(!all.is_empty());
        assert!(all.iter().all(|(id, _)| is_stable_id(id)), "{all:?}");
        // Reading the old file again gives the very same ids.
        let again = codec::decode(&fs::read(fixture(old)).expect("fixture")).expect("decodes");
        assert_eq!(ids(&again.session), all);
    }
    // What version 2 recorded is all still there.
    let v2 = codec::decode(&fs::read(fixture("v2.ron")).expect("fixture"))
        .expect("decodes")
        .session;
    assert_eq!(v2.timers.now_minutes, 25);
    assert!(v2.items[0].revealed);
    assert_eq!(v2.priorities[1].status.label(), "dropped");
    assert_eq!(v2.priorities[0].milestones.len(), 2);
}

#[test]
fn opening_a_version_two_file_keeps_a_backup_and_the_ids_are_then_stored() {
    let (_dir, store) = store();
    let bytes = fs::read(fixture("v2.ron")).expect("fixture");
    let path = store.path_of("2026-11-25-golden-v2");
    fs::write(&path, &bytes).expect("copy");
    let mut open = OpenSession::open(&path, now()).expect("opens");
    assert_eq!(open.access, Access::ReadWrite);
    let backup = store.dir.join("2026-11-25-golden-v2.v2-backup.ron");
    assert_eq!(fs::read(&backup).expect("backup kept"), bytes);
    let migrated_ids = ids(&open.loaded);
    let loaded = open.loaded.clone();
    assert_eq!(open.save(&loaded, now()).expect("save"), Saved::Written);
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        fs::read_to_string(fixture("v2-as-v3.ron")).expect("golden")
    );
    drop(open);

    // From now on the ids are in the file: moving things does not move them.
    let mut open = OpenSession::open(&path, now()).expect("reopens");
    let mut session = open.loaded.clone();
    assert_eq!(ids(&session), migrated_ids);
    session.priorities.reverse();
    session.priorities[1].milestones.reverse();
    open.save(&session, now()).expect("save reordered");
    drop(open);
    let reread = OpenSession::open(&path, now()).expect("reopens").loaded;
    assert_eq!(ids(&reread), migrated_ids);
    assert_eq!(
        reread.priorities[0].statement,
        "Book the chronology training"
    );
    assert_eq!(
        store.entries().expect("sessions folder").len(),
        1,
        "the backup is not listed as a session"
    );
}

fn fresh_session(source: &mut IdSource) -> Session {
    let mut s = Session::new(
        "2026-03-10-march-0001".into(),
        SessionKind::Workshop,
        "March".into(),
        "hmie-cp-2009".into(),
        ScaleChoice::Framework,
        "2026-03-10T09:00:00Z".parse().expect("timestamp"),
    );
    s.items.push(ItemRecord::new("5.3"));
    for statement in ["First", "Second", "Third"] {
        let mut p = Priority::new(String::new());
        p.statement = statement.into();
        p.milestones.push(Milestone::new(
            String::new(),
            format!("{statement} milestone"),
            None,
        ));
        s.priorities.push(p);
    }
    fill_missing(&mut s, source);
    s
}

#[test]
fn ids_given_from_the_source_survive_save_load_reorder_and_export() {
    let mut source = IdSource::seeded(42);
    let session = fresh_session(&mut source);
    let given = ids(&session);
    assert_eq!(given.len(), 6);
    // The same seed gives the same ids: tests can name them.
    assert_eq!(ids(&fresh_session(&mut IdSource::seeded(42))), given);

    let (_dir, store) = store();
    let path = store.path_of(&session.id);
    let mut open = OpenSession::create(&path, &session, now()).expect("create");
    let mut moved = session.clone();
    moved.priorities.rotate_left(1);
    moved.priorities.remove(1);
    open.save(&moved, now()).expect("save");
    drop(open);
    let loaded = OpenSession::open(&path, now()).expect("open").loaded;
    let mut expected = given.clone();
    expected.retain(|(_, text)| !text.starts_with("Third"));
    assert_eq!(
        ids(&loaded),
        expected,
        "deleting one does not renumber the rest"
    );

    // Exporting reads the session and changes nothing.
    let before = fs::read(&path).expect("read");
    let library = Library::assemble(embedded_files(), Vec::new());
    let report = session_markdown(&loaded, &library, "2026-03-11".parse().expect("date"));
    assert!(report.contains("Second"));
    assert_eq!(fs::read(&path).expect("read"), before);
    assert_eq!(
        ids(&OpenSession::open(&path, now()).expect("open").loaded),
        expected
    );
}
