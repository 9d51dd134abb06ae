//! Never lose a word: storage under kills, failing disks, a second process,
//! external edits and damaged files.

mod common;
use assert_cmd::cargo::CommandCargoExt;
use howgood::session::codec;
use howgood::session::model::{ItemRecord, ScaleChoice, Session, SessionKind};
use howgood::session::store::{
    Access, OpenSession, Saved, SessionStore, StoreError, history_files, write_recovery,
};
use jiff::Timestamp;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn now() -> Timestamp {
    Timestamp::now()
}

fn session(id: &str) -> Session {
    let mut session = Session::new(
        id.to_owned(),
        SessionKind::Workshop,
        "Neglect workshop".to_owned(),
        "hmie-cp-2009".to_owned(),
        ScaleChoice::Framework,
        "2026-11-24T09:00:00Z".parse().expect("timestamp"),
    );
    let mut item = ItemRecord::new("5.3");
    item.rationale = "Audits show assessments are timely; the views of fathers are missing.".into();
    session.items.push(item);
    session
}

fn store() -> (tempfile::TempDir, SessionStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, warnings) = SessionStore::open(dir.path().join("sessions")).expect("store");
    assert!(warnings.is_empty(), "{warnings:?}");
    (dir, store)
}

fn create(store: &SessionStore, id: &str) -> (PathBuf, OpenSession) {
    let path = store.path_of(id);
    let open = OpenSession::create(&path, &session(id), now()).expect("create");
    (path, open)
}

fn howgood() -> Command {
    Command::cargo_bin("howgood").expect("binary")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn saved_files_and_folders_are_private() {
    let (_dir, store) = store();
    let (path, mut open) = create(&store, "s1");
    let mut changed = open.loaded.clone();
    changed.title = "Changed".into();
    assert_eq!(open.save(&changed, now()).expect("save"), Saved::Written);
    assert_eq!(mode(&store.dir), 0o700);
    assert_eq!(mode(&path), 0o600);
    let history = history_files(&path);
    assert_eq!(history.len(), 1, "the previous version is kept");
    assert_eq!(mode(history[0].parent().expect("dir")), 0o700);
    assert_eq!(mode(&history[0]), 0o600);
    assert_eq!(mode(&store.dir.join(".s1.lock")), 0o600);
    let recovery = write_recovery(&path, &changed, now()).expect("recovery");
    assert_eq!(mode(&recovery), 0o600);
}

#[cfg(unix)]
#[test]
fn loosened_permissions_are_warned_about() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = store();
    let (path, _open) = create(&store, "s1");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
    let (_, warnings) = SessionStore::open(store.dir.clone()).expect("reopen");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("s1.ron can be read by other users (mode 644"));
}

#[test]
fn reopening_shows_exactly_what_was_saved() {
    let (_dir, store) = store();
    let (path, mut open) = create(&store, "s1");
    let mut changed = open.loaded.clone();
    changed.items[0].level = Some(4);
    changed.items[0].strengths = "Line one\nLine two — with “quotes” and 👩‍👧‍👦".into();
    open.save(&changed, now()).expect("save");
    drop(open);
    let again = OpenSession::open(&path, now()).expect("open");
    assert_eq!(again.loaded, changed);
    assert_eq!(again.access, Access::ReadWrite);
}

#[test]
fn history_keeps_recent_versions_and_prunes_the_rest() {
    let (_dir, store) = store();
    let (path, mut open) = create(&store, "s1");
    let mut changed = open.loaded.clone();
    for n in 0..30 {
        changed.title = format!("version {n}");
        open.save(&changed, now()).expect("save");
    }
    let history = history_files(&path);
    // 20 newest kept; the older ones are all from today, which already has
    // a kept version, so they go.
    assert_eq!(history.len(), howgood::session::store::HISTORY_KEEP_RECENT);
    let newest = fs::read_to_string(history.last().expect("newest")).expect("read");
    assert!(
        newest.contains("title: \"version 28\""),
        "the version before the last save"
    );
}

/// Another howgood process holding the session open; returns it and the
/// line it printed once the session was open.
fn spawn_holder(path: &Path) -> (std::process::Child, String) {
    let mut holder = howgood()
        .args(["internal", "hold"])
        .arg(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    BufReader::new(holder.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read");
    (holder, line)
}

#[test]
fn a_second_process_gets_read_only_access() {
    let (_dir, store) = store();
    let (path, open) = create(&store, "s1");
    drop(open);
    let (mut holder, line) = spawn_holder(&path);
    assert_eq!(line.trim(), "open read-write");

    let mut second = OpenSession::open(&path, now()).expect("opens");
    match &second.access {
        Access::ReadOnly(reason) => {
            assert!(
                reason.contains("another copy of howgood has this session open"),
                "{reason}"
            );
            assert!(reason.contains(&format!("pid {}", holder.id())), "{reason}");
            assert!(reason.contains("since 20"), "says since when: {reason}");
        }
        Access::ReadWrite => panic!("the second process must not get write access"),
    }
    let before = fs::read(&path).expect("read");
    let mut changed = second.loaded.clone();
    changed.title = "Mine".into();
    assert!(matches!(
        second.save(&changed, now()),
        Err(StoreError::ReadOnly(_))
    ));
    assert_eq!(fs::read(&path).expect("read"), before);

    // Closing the first copy (or its crash) releases the lock.
    drop(holder.stdin.take());
    holder.wait().expect("holder exits");
    drop(second);
    let third = OpenSession::open(&path, now()).expect("opens");
    assert_eq!(third.access, Access::ReadWrite);
}

#[test]
fn a_killed_holder_leaves_no_stale_lock() {
    let (_dir, store) = store();
    let (path, open) = create(&store, "s1");
    drop(open);
    let (mut holder, _) = spawn_holder(&path);
    holder.kill().expect("SIGKILL");
    holder.wait().expect("reaped");
    let open = OpenSession::open(&path, now()).expect("opens");
    assert_eq!(open.access, Access::ReadWrite);
}

#[test]
fn an_external_edit_is_never_overwritten() {
    let (_dir, store) = store();
    let (path, mut open) = create(&store, "s1");
    let external = fs::read_to_string(&path)
        .expect("read")
        .replace("Neglect workshop", "Edited in another program");
    fs::write(&path, &external).expect("external edit");

    let mut ours = open.loaded.clone();
    ours.items[0].level = Some(5);
    let saved = open.save(&ours, now()).expect("save");
    let Saved::ToConflictCopy(copy) = saved else {
        panic!("expected a conflict copy, got {saved:?}");
    };
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        external,
        "original untouched"
    );
    let in_copy = codec::decode(&fs::read(&copy).expect("copy")).expect("decodes");
    assert_eq!(in_copy.session, ours);
    assert!(
        copy.file_name()
            .expect("name")
            .to_string_lossy()
            .starts_with("s1.conflict-")
    );

    // Later saves keep going to the copy, never to the original.
    ours.items[0].rationale = "More words".into();
    assert_eq!(
        open.save(&ours, now()).expect("save"),
        Saved::ToConflictCopy(copy.clone())
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), external);
    let entries = store.entries().expect("sessions folder");
    assert_eq!(
        entries.len(),
        1,
        "the conflict copy is not a session of its own"
    );
    assert_eq!(entries[0].conflicts, [copy]);
}

#[test]
fn damaged_and_foreign_files_are_never_overwritten() {
    let good = codec::encode(&session("s1")).expect("encode");
    for (name, bytes) in common::damaged_copies(&good, "version: 3,", "  title:") {
        let (_dir, store) = store();
        let path = store.path_of("s1");
        fs::write(&path, &bytes).expect("write fixture");
        match OpenSession::open(&path, now()) {
            Err(StoreError::Decode { error, .. }) => {
                assert!(
                    !matches!(name, "future-version" | "unknown-field"),
                    "{name}: {error}"
                );
                let listed = store.entries().expect("sessions folder");
                let shown = listed[0]
                    .state
                    .as_ref()
                    .expect_err("listed as an error")
                    .to_string();
                assert!(
                    shown.starts_with(&path.display().to_string()),
                    "{name}: {shown}"
                );
            }
            Err(other) => panic!("{name}: unexpected {other}"),
            Ok(mut open) => {
                assert!(
                    matches!(name, "future-version" | "unknown-field"),
                    "{name} must not load"
                );
                let Access::ReadOnly(reason) = &open.access else {
                    panic!("{name} must open read-only");
                };
                assert!(
                    reason.contains("newer howgood") || reason.contains("mood"),
                    "{name}: {reason}"
                );
                let loaded = open.loaded.clone();
                assert!(open.save(&loaded, now()).is_err());
            }
        }
        assert_eq!(
            fs::read(&path).expect("read"),
            bytes,
            "{name} is byte-identical"
        );
    }
}

#[test]
fn a_damaged_file_points_to_the_newest_good_version_and_is_restored_on_request() {
    let (_dir, store) = store();
    let (path, mut open) = create(&store, "s1");
    let mut changed = open.loaded.clone();
    changed.title = "Second".into();
    open.save(&changed, now()).expect("save");
    changed.title = "Third".into();
    open.save(&changed, now()).expect("save");
    drop(open);
    fs::write(&path, b"(version: 2, id: \"s1\", kind: Work").expect("damage");

    let error = store.entries().expect("sessions folder")[0]
        .state
        .as_ref()
        .expect_err("damaged")
        .to_string();
    assert!(error.contains("s1.ron:1:"), "{error}");
    let (newest, decoded) = store.newest_good_history("s1").expect("history");
    assert_eq!(decoded.session.title, "Second");
    // Nothing is set aside until the user asks.
    assert_eq!(
        fs::read(&path).expect("read"),
        b"(version: 2, id: \"s1\", kind: Work"
    );

    let (aside, restored) = store.restore_from_history("s1", now()).expect("restore");
    assert_eq!(restored, newest);
    assert_eq!(
        fs::read(&aside).expect("aside"),
        b"(version: 2, id: \"s1\", kind: Work"
    );
    let reopened = OpenSession::open(&path, now()).expect("opens");
    assert_eq!(reopened.loaded.title, "Second");
}

#[test]
fn the_first_format_version_migrates_from_its_golden_fixture() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions/v1.ron");
    let bytes = fs::read(&fixture).expect("fixture");
    let decoded = codec::decode(&bytes).expect("decodes");
    assert_eq!(decoded.file_version, 1);
    assert!(decoded.unknown_fields.is_empty());
    let session = decoded.session;
    assert_eq!(session.version, 3, "migrated to the current format");
    assert_eq!(session.id, "2026-11-24-golden-v1");
    assert_eq!(session.items.len(), 2);
    assert_eq!(session.items[0].level, Some(4));
    assert_eq!(
        session.items[0].rationale,
        "Assessments are timely and thorough.\nFathers are not always seen."
    );
    assert_eq!(session.items[0].evidence.len(), 3);
    assert_eq!(session.items[0].individual_levels.len(), 2);
    assert_eq!(session.priorities[0].owner, "Head of Safeguarding, Health");
    assert_eq!(
        session.capacity.confidence,
        Some(howgood::session::model::Confidence::High)
    );
    // What version 2 added comes with its defaults.
    assert_eq!(
        session.timers,
        howgood::session::model::PhaseTimers::default()
    );
    assert_eq!(session.framing, howgood::session::model::Framing::AsWritten);
    assert!(!session.items[0].revealed);

    // Opening it for writing keeps the original as a backup, byte for byte,
    // and the next save writes version 3.
    let (_dir, store) = store();
    let path = store.path_of("2026-11-24-golden-v1");
    fs::write(&path, &bytes).expect("copy fixture");
    let mut open = OpenSession::open(&path, now()).expect("opens");
    assert_eq!(open.access, Access::ReadWrite);
    let backup = store.dir.join("2026-11-24-golden-v1.v1-backup.ron");
    assert_eq!(fs::read(&backup).expect("backup kept"), bytes);
    let loaded = open.loaded.clone();
    open.save(&loaded, now()).expect("save");
    assert!(
        fs::read_to_string(&path)
            .expect("read")
            .starts_with("(\n  version: 3,")
    );
    assert_eq!(
        store.entries().expect("sessions folder").len(),
        1,
        "the backup is not listed as a session"
    );
}

#[test]
fn stale_temp_files_are_removed_at_the_next_start() {
    let (_dir, store) = store();
    let stale = store.dir.join(".howgood-tmp-999-abc-s1.ron");
    fs::write(&stale, b"sensitive words from a crash").expect("write");
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&stale)
        .expect("open")
        .set_modified(old)
        .expect("age it");
    SessionStore::open(store.dir.clone()).expect("reopen");
    assert!(!stale.exists());
}

/// Kills in the kill test: `HOWGOOD_KILLS` (the recorded full run in
/// docs/data-safety.md used 1,000 or more), else a short run for CI.
fn kill_rounds() -> u64 {
    std::env::var("HOWGOOD_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150)
}

/// Kill a saving process at random moments; every acknowledged save must
/// be on disk, whole, and the next start leaves no temp file behind.
#[cfg(unix)]
#[test]
fn a_kill_mid_save_never_costs_an_acknowledged_change() {
    let (_dir, store) = store();
    let (path, open) = create(&store, "s1");
    drop(open);
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut last_acknowledged: Option<u64> = None;
    let rounds = kill_rounds();
    let mut lost = 0u64;
    let mut killed_mid_write = 0usize;
    for round in 0..rounds {
        let mut child = howgood()
            .args(["internal", "save-loop"])
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            let mut acknowledged = None;
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("saved ") {
                    acknowledged = n.parse::<u64>().ok();
                }
            }
            acknowledged
        });
        // From start-up to well into the save loop, so kills land at every
        // step of the cycle (read, temp write, sync, swap, history, prune).
        std::thread::sleep(Duration::from_micros(2_000 + next() % 25_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let acknowledged = reader.join().expect("reader");

        let bytes = fs::read(&path).expect("file is there");
        let decoded = codec::decode(&bytes)
            .unwrap_or_else(|e| panic!("round {round}: the file does not parse after a kill: {e}"));
        let title = decoded.session.title;
        if let Some(n) = acknowledged {
            let on_disk: u64 = title
                .strip_prefix("save ")
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("round {round}: unexpected title {title}"));
            // The acknowledged save, or the one after it that the kill
            // interrupted after its rename.
            if on_disk != n && on_disk != n + 1 {
                lost += 1;
                eprintln!("round {round}: acknowledged save {n} but the file holds {on_disk}");
            }
            last_acknowledged = Some(n);
        }
        killed_mid_write += fs::read_dir(&store.dir)
            .expect("dir")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".howgood-tmp-"))
            .count();
        // The next start clears what the killed writer left.
        SessionStore::open(store.dir.clone()).expect("next start");
    }
    assert_eq!(lost, 0, "acknowledged changes lost");
    assert!(last_acknowledged.is_some(), "the child never got to save");
    let leftovers: Vec<_> = fs::read_dir(&store.dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".howgood-tmp-"))
        .collect();
    assert_eq!(
        leftovers,
        Vec::<String>::new(),
        "temp files after the next start"
    );
    eprintln!(
        "kill test: {rounds} SIGKILLs, {lost} acknowledged changes lost, {killed_mid_write} killed mid-write (temp file cleared at the next start), 0 temp files left"
    );
}

/// A real full disk: a 64 KiB tmpfs, where this machine lets us mount one.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_original_byte_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mount_point = dir.path().join("small");
    fs::create_dir(&mount_point).expect("mkdir");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs"])
        .arg(&mount_point)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: this machine does not let the test mount a tmpfs (needs root)");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(mount_point.clone());

    let (store, _) = SessionStore::open(mount_point.join("sessions")).expect("store");
    let (path, mut open) = create(&store, "s1");
    let original = fs::read(&path).expect("read");
    // Fill the disk.
    let mut filler = fs::File::create(mount_point.join("filler")).expect("filler");
    let block = [b'f'; 4096];
    while filler.write_all(&block).is_ok() {}
    let _ = filler.sync_all();

    let mut bigger = open.loaded.clone();
    bigger.items[0].rationale = "a long note ".repeat(4_000);
    let error = open.save(&bigger, now()).expect_err("the disk is full");
    assert!(error.to_string().contains("No space left"), "{error}");
    assert!(
        !error.to_string().contains("a long note"),
        "no note text in errors"
    );
    assert_eq!(fs::read(&path).expect("read"), original, "byte-identical");
    let temps = fs::read_dir(&store.dir)
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".howgood-tmp-"))
        .count();
    assert_eq!(temps, 0, "no temp file left holding note text");
}

/// A sessions "folder" that cannot be listed: a file in its place fails
/// for root too, where a folder with no permissions would still be read.
fn unlistable_store() -> (tempfile::TempDir, SessionStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("sessions");
    fs::write(&path, b"not a folder").expect("file");
    (dir, SessionStore::at(path))
}

#[test]
fn an_unreadable_sessions_folder_is_an_error_not_an_empty_list() {
    let (_dir, store) = unlistable_store();
    let error = store.entries().expect_err("a file is not a folder");
    assert!(
        matches!(&error, StoreError::Io { path, .. } if *path == store.dir),
        "{error}"
    );
    // A folder not made yet simply has no sessions.
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = SessionStore::at(dir.path().join("sessions"));
    assert!(missing.entries().expect("missing folder").is_empty());
}

#[test]
fn home_says_the_sessions_folder_could_not_be_read() {
    let (_dir, store) = unlistable_store();
    let today = jiff::civil::date(2026, 11, 24);
    let data = howgood::tui::runtime::home_data(&store, today, &jiff::tz::TimeZone::UTC);
    assert_eq!(data.damaged.len(), 1, "{:?}", data.damaged);
    assert!(
        data.damaged[0].starts_with("The sessions folder could not be read"),
        "{:?}",
        data.damaged
    );
}
