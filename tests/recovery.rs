//! A crash never costs a word: the panic handler writes a recovery copy
//! beside the session (never over it), and the next opening offers it.

mod common;

use common::Harness;
use howgood::app::Overlay;
use howgood::session::codec;
use howgood::session::model::{ItemRecord, Session, SessionKind};
use howgood::session::store::{OpenSession, Sidecar, sidecars_of, write_recovery};
use ratatui::crossterm::event::KeyCode;
use std::sync::{Arc, Mutex};

fn session() -> Session {
    let mut s = common::session(
        "2026-11-24-crash-0001",
        SessionKind::Workshop,
        "Crash test",
        "hmie-cp-2009",
        &[],
    );
    s.items.push(ItemRecord::new("5.3"));
    s
}

#[test]
fn a_panic_writes_a_recovery_copy_beside_the_file_and_never_over_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("2026-11-24-crash-0001.ron");
    let original = session();
    OpenSession::create(&path, &original, common::start_time()).expect("create");
    let on_disk = std::fs::read(&path).expect("read");

    let mut unsaved = original.clone();
    unsaved.items[0].rationale = "Typed just before the crash".into();
    let slot = Arc::new(Mutex::new(Some((path.clone(), unsaved.clone()))));
    howgood::tui::install_panic_hook(slot, Vec::new());
    let result = std::panic::catch_unwind(|| panic!("a bug"));
    let _ = std::panic::take_hook();
    assert!(result.is_err());

    assert_eq!(
        std::fs::read(&path).expect("read"),
        on_disk,
        "the file is untouched"
    );
    let copies = sidecars_of(&path, Sidecar::Recovery);
    assert_eq!(copies.len(), 1);
    let recovered = codec::decode(&std::fs::read(&copies[0]).expect("copy")).expect("decodes");
    assert_eq!(recovered.session, unsaved);
}

#[test]
fn opening_a_session_offers_its_recovery_copy() {
    let mut h = Harness::new(100, 30);
    let original = session();
    let path = h.runtime.store.path_of(&original.id);
    std::fs::write(&path, codec::encode(&original).expect("encode")).expect("write");
    let mut unsaved = original.clone();
    unsaved.items[0].rationale = "Typed just before the crash".into();
    let copy = write_recovery(&path, &unsaved, common::start_time()).expect("recovery");

    h.runtime
        .dispatch_effect(howgood::app::action::Effect::Open(original.id.clone()));
    assert!(
        matches!(h.app().overlay, Some(Overlay::Confirm { .. })),
        "the copy is offered"
    );
    assert!(h.screen().contains("recovery copy"));
    h.key(KeyCode::Char('y'));
    assert_eq!(h.saved().items[0].rationale, "Typed just before the crash");
    assert!(
        !copy.exists(),
        "the copy is set aside once its words are in the file"
    );
    assert!(sidecars_of(&path, Sidecar::Recovery).is_empty());
    let set_aside = std::fs::read_dir(h.sessions_dir())
        .expect("dir")
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains(".recovered-"));
    assert!(set_aside, "renamed, not deleted");
}

#[test]
fn declining_the_recovery_copy_keeps_it_for_later() {
    let mut h = Harness::new(100, 30);
    let original = session();
    let path = h.runtime.store.path_of(&original.id);
    std::fs::write(&path, codec::encode(&original).expect("encode")).expect("write");
    let mut unsaved = original.clone();
    unsaved.items[0].rationale = "Maybe later".into();
    let copy = write_recovery(&path, &unsaved, common::start_time()).expect("recovery");
    h.runtime
        .dispatch_effect(howgood::app::action::Effect::Open(original.id.clone()));
    h.key(KeyCode::Char('n'));
    assert!(h.app().overlay.is_none());
    assert!(copy.exists());
    assert_eq!(h.saved().items[0].rationale, "");
}
