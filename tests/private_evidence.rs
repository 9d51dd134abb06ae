//! Private evidence in a data folder shared through git lives in a local
//! sidecar, never in the session file; outside a shared folder the session
//! file holds everything, as before.

use howgood::session::model::{
    Evidence, EvidenceSource, InformationKind, ItemRecord, ScaleChoice, Session, SessionKind,
};
use howgood::session::private::sidecar_path;
use howgood::session::store::{OpenSession, Saved, read_session};
use jiff::Timestamp;
use std::fs;

const ID: &str = "2026-11-25-private-0001";

fn now() -> Timestamp {
    "2026-11-25T09:00:00Z".parse().expect("time")
}

fn session() -> Session {
    let mut s = Session::new(
        ID.into(),
        SessionKind::Workshop,
        "Private".into(),
        "hmie-cp-2009".into(),
        ScaleChoice::Framework,
        now(),
    );
    let mut item = ItemRecord::new("5.3");
    for (id, private) in [("aaaaaaaa", false), ("bbbbbbbb", true)] {
        item.evidence.push(Evidence {
            id: id.into(),
            source: EvidenceSource::CaseRecords,
            information: InformationKind::Quality,
            description: format!("note {id}"),
            date: None,
            private,
        });
    }
    s.items.push(item);
    s
}

#[test]
fn in_a_shared_folder_private_evidence_goes_to_the_sidecar_and_comes_back() {
    let dir = tempfile::TempDir::new().expect("temp");
    fs::create_dir(dir.path().join(".git")).expect("marks the folder shared");
    let path = dir.path().join("sessions").join(format!("{ID}.ron"));
    let open = OpenSession::create(&path, &session(), now()).expect("creates");
    let file = fs::read_to_string(&path).expect("file");
    assert!(
        file.contains("note aaaaaaaa") && !file.contains("note bbbbbbbb"),
        "{file}"
    );
    let sidecar = fs::read_to_string(sidecar_path(&path)).expect("sidecar");
    assert!(sidecar.contains("note bbbbbbbb"));
    drop(open);
    let (_, decoded) = read_session(&path).expect("reads");
    assert_eq!(decoded.session, session(), "read whole again");
    // Saving what was read changes nothing on disk.
    let mut open = OpenSession::open(&path, now()).expect("opens");
    let loaded = open.loaded.clone();
    assert_eq!(open.save(&loaded, now()).expect("saves"), Saved::Unchanged);
}

#[test]
fn outside_a_shared_folder_the_session_file_holds_everything_and_a_stale_sidecar_is_emptied() {
    let dir = tempfile::TempDir::new().expect("temp");
    fs::create_dir(dir.path().join(".git")).expect("shared at first");
    let path = dir.path().join("sessions").join(format!("{ID}.ron"));
    drop(OpenSession::create(&path, &session(), now()).expect("creates"));
    fs::remove_dir(dir.path().join(".git")).expect("no longer shared");
    let mut open = OpenSession::open(&path, now()).expect("opens");
    let mut changed = open.loaded.clone();
    changed.items[0].evidence.retain(|e| e.id != "bbbbbbbb");
    changed.title = "Changed".into();
    assert_eq!(open.save(&changed, now()).expect("saves"), Saved::Written);
    drop(open);
    let (_, decoded) = read_session(&path).expect("reads");
    assert_eq!(
        decoded.session, changed,
        "the deleted private evidence stays deleted"
    );
    let mut whole = changed.clone();
    whole.items[0]
        .evidence
        .push(session().items[0].evidence[1].clone());
    let mut open = OpenSession::open(&path, now()).expect("opens");
    open.save(&whole, now()).expect("saves");
    assert!(
        fs::read_to_string(&path)
            .expect("file")
            .contains("note bbbbbbbb")
    );
}
