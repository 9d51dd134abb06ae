//! The measures register keeps every word as sessions do: private atomic
//! saves with history, one writer, external edits and damaged files never
//! written over, and nothing acknowledged lost to a kill.

mod common;
use assert_cmd::cargo::CommandCargoExt;
use howgood::measures::edit;
use howgood::measures::file::{self, FILE_NAME, OpenRegister};
use howgood::measures::model::{Figure, Measure, MeasureRegister};
use howgood::session::store::{Access, Saved, StoreError, history_files};
use jiff::Timestamp;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Tests here run one at a time: a child process spawned by one test
/// holds copies of every open file for a moment between fork and exec,
/// locks included, which would make another test's lock look taken.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn now() -> Timestamp {
    Timestamp::now()
}

fn register(title: &str) -> MeasureRegister {
    let mut measure = Measure::new(
        "k3j9x2ab".into(),
        title.into(),
        "2026-11-24T09:00:00Z".parse().expect("ts"),
    );
    let value = edit::value(
        "2026-Q1".parse().expect("period"),
        Figure::Fraction {
            numerator: 3.0,
            denominator: 8.0,
        },
    );
    edit::record(&mut measure, value).expect("record");
    MeasureRegister {
        measures: vec![measure],
        ..MeasureRegister::default()
    }
}

fn dir() -> (tempfile::TempDir, PathBuf) {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = file::measures_dir(temp.path());
    (temp, dir)
}

fn saved(dir: &Path, title: &str) -> PathBuf {
    let mut open = OpenRegister::open(dir, now()).expect("open");
    assert_eq!(
        open.save(&register(title), now()).expect("save"),
        Saved::Written
    );
    open.path.clone()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_register_is_private_and_keeps_its_history() {
    let _serial = serial();
    let (_temp, dir) = dir();
    let path = saved(&dir, "first");
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&path), 0o600);
    let mut open = OpenRegister::open(&dir, now()).expect("reopen");
    assert_eq!(open.loaded, register("first"), "reads back exactly");
    open.save(&register("second"), now()).expect("save");
    let history = history_files(&path);
    assert_eq!(history.len(), 1);
    let kept = file::decode(&fs::read(&history[0]).expect("read")).expect("decodes");
    assert_eq!(kept.register.measures[0].title, "first");
}

#[test]
fn a_second_writer_gets_read_only_access() {
    let _serial = serial();
    let (_temp, dir) = dir();
    saved(&dir, "first");
    let holder = OpenRegister::open(&dir, now()).expect("open");
    assert_eq!(holder.access, Access::ReadWrite);
    let mut second = OpenRegister::open(&dir, now()).expect("second");
    let Access::ReadOnly(reason) = &second.access else {
        panic!("the second copy must be read-only");
    };
    assert!(reason.contains("another copy"), "{reason}");
    assert!(matches!(
        second.save(&register("x"), now()),
        Err(StoreError::ReadOnly(_))
    ));
}

#[test]
fn an_external_edit_is_never_overwritten() {
    let _serial = serial();
    let (_temp, dir) = dir();
    let path = saved(&dir, "first");
    let mut open = OpenRegister::open(&dir, now()).expect("open");
    let edited = fs::read_to_string(&path)
        .expect("read")
        .replace("first", "edited by hand");
    fs::write(&path, &edited).expect("edit");
    let Saved::ToConflictCopy(copy) = open.save(&register("ours"), now()).expect("save") else {
        panic!("must go to a conflict copy");
    };
    assert_eq!(fs::read_to_string(&path).expect("read"), edited);
    let ours = file::decode(&fs::read(&copy).expect("copy")).expect("decodes");
    assert_eq!(ours.register.measures[0].title, "ours");
}

#[test]
fn an_unsound_register_is_never_saved() {
    let _serial = serial();
    let (_temp, dir) = dir();
    let path = saved(&dir, "first");
    let before = fs::read(&path).expect("read");
    let mut bad = register("first");
    let twice = bad.measures[0].values[0].clone();
    bad.measures[0].values.push(twice);
    let mut open = OpenRegister::open(&dir, now()).expect("open");
    let error = open.save(&bad, now()).expect_err("refused").to_string();
    assert!(error.contains("two values for this period"), "{error}");
    assert_eq!(fs::read(&path).expect("read"), before);
}

fn howgood(data: &Path) -> Command {
    let mut command = Command::cargo_bin("howgood").expect("binary");
    command.env("HOWGOOD_DATA_DIR", data);
    command
}

#[test]
fn damaged_and_foreign_files_are_never_overwritten() {
    let _serial = serial();
    let good = file::encode(&register("first")).expect("encode");
    for (name, bytes) in common::damaged_copies(&good, "version: 1,", "      title:") {
        let (temp, dir) = dir();
        fs::create_dir_all(&dir).expect("mkdir");
        let path = dir.join(FILE_NAME);
        fs::write(&path, &bytes).expect("fixture");
        match OpenRegister::open(&dir, now()) {
            Err(StoreError::Decode { error, .. }) => {
                assert!(
                    !matches!(name, "future-version" | "unknown-field"),
                    "{name}: {error}"
                );
            }
            Err(other) => panic!("{name}: unexpected {other}"),
            Ok(mut open) => {
                assert!(
                    matches!(name, "future-version" | "unknown-field"),
                    "{name} must not load"
                );
                assert!(matches!(open.access, Access::ReadOnly(_)), "{name}");
                let loaded = open.loaded.clone();
                assert!(open.save(&loaded, now()).is_err(), "{name}");
            }
        }
        // Through the binary: a change is refused, the file untouched.
        let output = howgood(temp.path())
            .args([
                "measures", "record", "k3j9x2ab", "--period", "2026-Q2", "--value", "4",
            ])
            .output()
            .expect("run");
        assert!(!output.status.success(), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&path.display().to_string()) || stderr.contains("read-only"),
            "{name}: {stderr}"
        );
        assert_eq!(
            fs::read(&path).expect("read"),
            bytes,
            "{name} is byte-identical"
        );
    }
}

#[test]
fn a_damaged_register_points_to_the_newest_good_version_and_is_restored_on_request() {
    let _serial = serial();
    let (_temp, dir) = dir();
    let path = saved(&dir, "first");
    let mut open = OpenRegister::open(&dir, now()).expect("open");
    open.save(&register("second"), now()).expect("save");
    drop(open);
    fs::write(&path, b"(\n  version: 1,\n  measures: [\n").expect("damage");
    let (found, decoded) = file::newest_good_history(&dir).expect("a good version");
    assert!(found.starts_with(dir.join(".history")));
    assert_eq!(decoded.register.measures[0].title, "first");
    // Through the binary: the error points the way; restore on request.
    let data = dir.parent().expect("data dir");
    let output = howgood(data)
        .args(["measures", "list"])
        .output()
        .expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("measures restore"), "{stderr}");
    let output = howgood(data)
        .args(["measures", "restore"])
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let restored = file::read(&dir).expect("readable again");
    assert_eq!(restored.measures[0].title, "first");
    let aside: Vec<_> = fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("measures.damaged-")
        })
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept");
}

/// Kill a process saving in a loop at random moments: the file always
/// parses, and holds the last acknowledged save or the one after it.
#[cfg(unix)]
#[test]
fn a_kill_mid_save_never_costs_an_acknowledged_change() {
    let _serial = serial();
    let (temp, dir) = dir();
    saved(&dir, "first");
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut last = None;
    for round in 0..100 {
        let mut child = howgood(temp.path())
            .args(["internal", "measures-save-loop"])
            .arg(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("saved ").and_then(|n| n.parse::<u64>().ok()))
                .last()
        });
        std::thread::sleep(Duration::from_micros(2_000 + next() % 25_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let acknowledged = reader.join().expect("reader");
        let bytes = fs::read(dir.join(FILE_NAME)).expect("file is there");
        let decoded = file::decode(&bytes)
            .unwrap_or_else(|e| panic!("round {round}: does not parse after a kill: {e}"));
        if let Some(n) = acknowledged {
            let title = &decoded.register.measures[0].title;
            let on_disk: u64 = title
                .strip_prefix("save ")
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("round {round}: unexpected title {title}"));
            assert!(
                on_disk == n || on_disk == n + 1,
                "round {round}: acknowledged {n}, file holds {on_disk}"
            );
            last = Some(n);
        }
    }
    assert!(last.is_some(), "the child never got to save");
}

#[cfg(unix)]
#[test]
fn loosened_permissions_are_warned_about() {
    let _serial = serial();
    use std::os::unix::fs::PermissionsExt;
    let (temp, dir) = dir();
    let path = saved(&dir, "first");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
    let output = howgood(temp.path())
        .args(["measures", "list"])
        .output()
        .expect("run");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("can be read by other users") && stderr.contains("measures.ron"),
        "{stderr}"
    );
}
