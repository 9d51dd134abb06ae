//! Issue 8, "never lose a word, part two": each way found to lose text,
//! history or control, reproduced (items 3 to 11; 1, 2 and TERM=dumb are in
//! terminal_exits.rs).

mod common;

use assert_cmd::cargo::CommandCargoExt;
use common::Harness;
use howgood::session::codec;
use howgood::session::model::{ItemRecord, ScaleChoice, Session, SessionKind};
use howgood::session::store::{OpenSession, SessionStore, history_files, prune_history};
use jiff::Timestamp;
use ratatui::crossterm::event::KeyCode::{Down, Enter, Esc};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn session(id: &str) -> Session {
    let mut session = Session::new(
        id.to_owned(),
        SessionKind::Workshop,
        "Neglect workshop".to_owned(),
        "hmie-cp-2009".to_owned(),
        ScaleChoice::Framework,
        "2026-11-24T09:00:00Z".parse().expect("timestamp"),
    );
    session.items.push(ItemRecord::new("5.3"));
    session
}

fn howgood(data: &Path) -> Command {
    let mut command = Command::cargo_bin("howgood").expect("binary");
    command
        .arg("--data-dir")
        .arg(data)
        .env("HOWGOOD_CONFIG_DIR", data.join("config"));
    command
}

/// Run, failing (not hanging) after 20 seconds.
fn within_20s(command: Command) -> std::process::Output {
    assert_cmd::Command::from_std(command)
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run")
}

/// A session file written as howgood writes it; returns its path.
fn put(data: &Path, session: &Session, name: &str) -> PathBuf {
    let dir = data.join("sessions");
    howgood::session::atomic::create_private_dir(&dir).expect("mkdir");
    let path = dir.join(name);
    howgood::session::atomic::write_atomic(
        &path,
        codec::encode(session).expect("encode").as_bytes(),
    )
    .expect("write");
    path
}

/// A small tmpfs, unmounted on drop; `None` (with a visible notice) where
/// the machine does not let the test mount one.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, test: &str) -> Option<Tmpfs> {
        fs::create_dir_all(at).expect("mkdir");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=128k,mode=0700", "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("NOTICE: skipped {test}: cannot mount a tmpfs here (needs root)");
        }
        mounted.then(|| Tmpfs(at.to_owned()))
    }

    fn fill(&self) {
        let mut filler = fs::File::create(self.0.join("filler")).expect("filler");
        let block = [b'f'; 4096];
        while filler.write_all(&block).is_ok() {}
        let _ = filler.sync_all();
    }

    fn free(&self) {
        let _ = fs::remove_file(self.0.join("filler"));
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

// Item 3 ------------------------------------------------------------------

#[test]
fn typing_after_a_conflict_goes_on_being_saved_to_the_conflict_copy() {
    // Wide enough for the whole path of the copy on the status line.
    let mut h = Harness::new(240, 30);
    let s = session("2026-11-24-conflict-0001");
    h.open_session(&s);
    let path = h.runtime.store.path_of(&s.id);
    h.key(Down);
    h.key(Enter);
    h.type_text("before the edit");
    h.key(Esc);
    h.wait(2);
    assert!(h.saved_text().contains("before the edit"));

    let external = fs::read_to_string(&path)
        .expect("read")
        .replace("Neglect workshop", "Edited elsewhere");
    fs::write(&path, &external).expect("external edit");
    h.key(Enter);
    h.type_text(" / after the edit");
    h.key(Esc);
    h.wait(2);
    assert!(h.screen().contains(".conflict-"), "{}", h.screen());

    // Typing on without leaving the field: the autosave timers must save it.
    h.key(Enter);
    h.type_text(" / and later still");
    h.wait(2);
    let copies =
        howgood::session::store::sidecars_of(&path, howgood::session::store::Sidecar::Conflict);
    assert_eq!(copies.len(), 1, "{copies:?}");
    let copy = fs::read_to_string(&copies[0]).expect("copy");
    assert!(
        copy.contains("and later still"),
        "typing after the conflict is saved too:\n{copy}"
    );
    let copy_path = copies[0].display().to_string();
    assert!(
        h.screen().contains(&copy_path),
        "the status line says where:\n{}",
        h.screen()
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), external);
}

// Item 4 ------------------------------------------------------------------

#[cfg(target_os = "linux")]
#[test]
fn failed_saves_add_no_history_and_history_holds_distinct_versions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(disk) = Tmpfs::mount(
        &dir.path().join("small"),
        "failed_saves_add_no_history_and_history_holds_distinct_versions",
    ) else {
        return;
    };
    let (store, _) = SessionStore::open(disk.0.join("sessions")).expect("store");
    let path = store.path_of("s1");
    let mut open = OpenSession::create(&path, &session("s1"), Timestamp::now()).expect("create");
    let mut changed = open.loaded.clone();
    changed.title = "first change".into();
    open.save(&changed, Timestamp::now()).expect("save");
    let before = history_files(&path);
    assert_eq!(before.len(), 1);

    disk.fill();
    changed.items[0].rationale = "words that do not fit ".repeat(300);
    for _ in 0..5 {
        open.save(&changed, Timestamp::now())
            .expect_err("the disk is full");
    }
    assert_eq!(history_files(&path), before, "failed saves add no version");

    disk.free();
    open.save(&changed, Timestamp::now()).expect("room again");
    // Back and forth between two texts: no two history files are the same.
    for n in 0..6 {
        changed.title = if n % 2 == 0 { "A" } else { "B" }.into();
        open.save(&changed, Timestamp::now()).expect("save");
    }
    let files = history_files(&path);
    let mut contents: Vec<Vec<u8>> = files.iter().map(|f| fs::read(f).expect("read")).collect();
    let count = contents.len();
    contents.sort();
    contents.dedup();
    assert_eq!(contents.len(), count, "duplicates in history: {files:?}");
}

#[test]
fn pruning_keeps_twenty_and_one_a_day_for_ninety_calendar_days() {
    let dir = tempfile::tempdir().expect("tempdir");
    let history = dir.path().join("h");
    fs::create_dir(&history).expect("mkdir");
    let now: Timestamp = "2026-11-24T12:00:00Z".parse().expect("now");
    let today = jiff::tz::TimeZone::UTC.to_datetime(now).date();
    // Three versions every third day for 400 days.
    for back in (0..400).step_by(3) {
        let day = today
            .checked_sub(jiff::Span::new().days(back))
            .expect("day");
        for hour in [9, 12, 15] {
            let name = format!("{}T{hour:02}0000.000Z-0000.ron", day.strftime("%Y%m%d"));
            fs::write(history.join(name), back.to_string()).expect("write");
        }
    }
    prune_history(&history, now);
    let mut kept: Vec<String> = fs::read_dir(&history)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    let oldest_window_day = today.checked_sub(jiff::Span::new().days(89)).expect("day");
    let days_in_window = (0..90).step_by(3).count();
    // The 20 newest are 7 days' worth (3 a day); each other day in the
    // window keeps one; nothing older than 90 calendar days survives.
    assert_eq!(kept.len(), 20 + (days_in_window - 7), "{kept:?}");
    let oldest = &kept[0][..8];
    assert!(
        *oldest >= *oldest_window_day.strftime("%Y%m%d").to_string(),
        "kept {oldest}, older than 90 days"
    );
}

// Item 5 ------------------------------------------------------------------

/// The other writer's version must survive a save that races with it:
/// in place, or in a conflict copy. The test process is the other writer;
/// the saver is a real child process.
#[cfg(unix)]
#[test]
fn an_external_write_during_our_save_always_survives() {
    let trials: usize = std::env::var("HOWGOOD_RACE_TRIALS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
    for trial in 0..trials {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _) = SessionStore::open(dir.path().join("sessions")).expect("store");
        let path = store.path_of("s1");
        drop(OpenSession::create(&path, &session("s1"), Timestamp::now()).expect("create"));
        let mut child = Command::cargo_bin("howgood")
            .expect("binary")
            .args(["internal", "save-loop"])
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        // Let it get going, then write at a random moment of its cycle.
        for _ in 0..3 {
            lines.next();
        }
        std::thread::sleep(Duration::from_micros(rng % 3_000));
        let mut theirs = session("s1");
        theirs.title = format!("the other writer's version {trial}");
        let text = codec::encode(&theirs).expect("encode");
        let temp = dir.path().join("sessions").join("other-writer.tmp");
        fs::write(&temp, &text).expect("write");
        fs::rename(&temp, &path).expect("rename");
        for _ in 0..5 {
            lines.next();
        }
        child.kill().expect("kill");
        child.wait().expect("reaped");

        let survivors: Vec<PathBuf> = fs::read_dir(dir.path().join("sessions"))
            .expect("dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| fs::read_to_string(p).is_ok_and(|t| t == text))
            .collect();
        assert!(
            !survivors.is_empty(),
            "trial {trial}: the other writer's version vanished"
        );
    }
}

// Item 6 ------------------------------------------------------------------

#[test]
fn a_crafted_id_never_leads_a_write_outside_the_folders() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    for (name, id) in [
        ("evil.ron", "../../evil"),
        ("x.ron", "/tmp/howgood-crafted-x"),
        ("2026-11-24-other-0001.ron", "2026-11-24-stem-differs-0002"),
    ] {
        put(&data, &session(id), name);
        let stem = name.trim_end_matches(".ron");
        let output = howgood(&data)
            .args(["export", stem])
            .output()
            .expect("export");
        assert!(!output.status.success(), "{name}: {output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("id inside"), "{stderr}");
    }
    assert!(!dir.path().join("evil.md").exists());
    assert!(!data.join("evil.md").exists());
    assert!(!Path::new("/tmp/howgood-crafted-x.md").exists());
    // Only what howgood wrote itself is in the data folder.
    let exports = data.join("exports");
    assert!(!exports.exists() || fs::read_dir(&exports).expect("dir").count() == 0);
    // Opening is refused the same way.
    let (store, _) = SessionStore::open(data.join("sessions")).expect("store");
    let refused = OpenSession::open(&store.dir.join("evil.ron"), Timestamp::now());
    assert!(refused.is_err());
    // -o names the path: that is the user's choice.
    put(
        &data,
        &session("2026-11-24-fine-0003"),
        "2026-11-24-fine-0003.ron",
    );
    let out = dir.path().join("chosen.md");
    let status = howgood(&data)
        .args(["export", "2026-11-24-fine-0003", "-o"])
        .arg(&out)
        .status()
        .expect("export");
    assert!(status.success());
    assert!(out.exists());
}

// Item 7 ------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_hanging_or_eating_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let sessions = data.join("sessions");
    fs::create_dir_all(&sessions).expect("mkdir");
    nix::unistd::mkfifo(
        &sessions.join("2026-11-24-fifo-0001.ron"),
        nix::sys::stat::Mode::S_IRWXU,
    )
    .expect("fifo");
    std::os::unix::fs::symlink("/dev/zero", sessions.join("2026-11-24-zero-0002.ron"))
        .expect("link");
    let big = fs::File::create(sessions.join("2026-11-24-big-0003.ron")).expect("big");
    big.set_len(65 * 1024 * 1024).expect("sparse");
    let mut list = howgood(&data);
    list.args(["sessions", "list"]);
    let output = within_20s(list);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{output:?}");
    assert!(
        stderr.contains("2026-11-24-fifo-0001.ron: not a regular file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2026-11-24-zero-0002.ron: not a regular file"),
        "{stderr}"
    );
    assert!(stderr.contains("larger than 64 MiB"), "{stderr}");

    // A FIFO among the user's frameworks.
    let content = dir.path().join("content");
    fs::create_dir(&content).expect("mkdir");
    nix::unistd::mkfifo(&content.join("f.ron"), nix::sys::stat::Mode::S_IRWXU).expect("fifo");
    let mut list = howgood(&data);
    list.args(["content", "list", "--content-dir"])
        .arg(&content);
    let output = within_20s(list);
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a regular file"));
}

#[cfg(unix)]
#[test]
fn a_session_file_that_is_a_link_is_never_replaced_by_a_plain_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = SessionStore::open(dir.path().join("sessions")).expect("store");
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).expect("mkdir");
    let target = elsewhere.join("2026-11-24-linked-0001.ron");
    let s = session("2026-11-24-linked-0001");
    fs::write(&target, codec::encode(&s).expect("encode")).expect("write");
    let link = store.path_of(&s.id);
    std::os::unix::fs::symlink(&target, &link).expect("link");

    let mut open = OpenSession::open(&link, Timestamp::now()).expect("opens to read");
    let mut changed = s.clone();
    changed.title = "changed".into();
    let error = open
        .save(&changed, Timestamp::now())
        .expect_err("refused, with a reason");
    assert!(error.to_string().contains("symbolic link"), "{error}");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&target).expect("read"),
        codec::encode(&s).expect("encode")
    );
}

// Item 8 ------------------------------------------------------------------

#[test]
fn terminal_escapes_never_reach_the_terminal_or_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut s = session("2026-11-24-escapes-0001");
    s.title = "Board \x1b]2;owned\x07 report \x1bc".into();
    s.participants = vec!["Ann\x1b[2J".into()];
    s.items[0].rationale = "note \x1b[31mred\x1b[0m".into();
    put(&data, &s, "2026-11-24-escapes-0001.ron");
    for args in [
        vec!["sessions", "list"],
        vec!["sessions", "list", "--json"],
        vec!["export", "2026-11-24-escapes-0001", "-o", "-"],
        vec!["export", "Board"],
    ] {
        let output = howgood(&data).args(&args).output().expect("run");
        assert!(output.status.success(), "{args:?}: {output:?}");
        for stream in [&output.stdout, &output.stderr] {
            assert!(
                !stream.contains(&0x1b) && !stream.contains(&0x07),
                "{args:?}: {}",
                String::from_utf8_lossy(stream)
            );
        }
    }
    let report = fs::read(data.join("exports/2026-11-24-escapes-0001.md")).expect("report");
    assert!(!report.contains(&0x1b), "the Markdown report");
    for bad in [
        vec!["--title", "Title \x1b]2;x\x07"],
        vec!["--title", "Fine", "--participant", "Bob\x1bc"],
    ] {
        let output = howgood(&data)
            .args(["new", "--framework", "hmie-cp-2009"])
            .args(&bad)
            .output()
            .expect("new");
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("control character"), "{stderr}");
        assert!(!stderr.contains('\x1b'), "{stderr:?}");
    }
}

// Item 9 ------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_a_listing_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    for n in 0..40 {
        let id = format!("2026-11-24-pipe-{n:04}");
        put(&data, &session(&id), &format!("{id}.ron"));
    }
    for args in [["sessions", "list"], ["content", "list"]] {
        let mut child = howgood(&data)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // `| head -0`: the reader goes away before anything is read.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.signal(),
            Some(libc::SIGPIPE),
            "{args:?}: {stderr}"
        );
        assert!(stderr.is_empty(), "{args:?}: quiet, but said {stderr}");
    }
}

// Item 10 -----------------------------------------------------------------

#[test]
fn an_empty_data_dir_variable_means_unset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let work = dir.path().join("work");
    fs::create_dir(&work).expect("mkdir");
    let output = Command::cargo_bin("howgood")
        .expect("binary")
        .args(["new", "--framework", "hmie-cp-2009", "--title", "Empty var"])
        .env("HOWGOOD_DATA_DIR", "")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("xdg"))
        .env("HOWGOOD_CONFIG_DIR", dir.path().join("config"))
        .current_dir(&work)
        .output()
        .expect("new");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(&dir.path().join("xdg").display().to_string()),
        "saved in the platform's data folder: {stdout}"
    );
    assert_eq!(
        fs::read_dir(&work).expect("dir").count(),
        0,
        "nothing made in the current folder"
    );
}

// Item 11 -----------------------------------------------------------------

#[test]
fn a_session_file_deleted_while_open_is_written_again_and_said_so() {
    let mut h = Harness::new(100, 30);
    let s = session("2026-11-24-deleted-0001");
    h.open_session(&s);
    let path = h.runtime.store.path_of(&s.id);
    fs::remove_dir_all(h.sessions_dir()).expect("delete the whole folder");
    h.key(Down);
    h.key(Enter);
    h.type_text("still here");
    h.key(Esc);
    h.wait(2);
    assert!(
        fs::read_to_string(&path)
            .expect("written again")
            .contains("still here")
    );
    assert!(
        h.screen().contains("deleted from outside"),
        "{}",
        h.screen()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(h.sessions_dir())
            .expect("dir")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}

#[test]
fn damaged_file_messages_quote_no_words_from_inside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let sessions = data.join("sessions");
    fs::create_dir_all(&sessions).expect("mkdir");
    let good = codec::encode(&session("2026-11-24-damaged-0001")).expect("encode");
    // A damaged kind: the parser quotes the word it could not take.
    let damaged = good.replacen("kind: Workshop", "kind: TommyJonesAge7", 1);
    assert_ne!(damaged, good);
    fs::write(sessions.join("2026-11-24-damaged-0001.ron"), damaged).expect("write");
    let output = howgood(&data)
        .args(["sessions", "list"])
        .output()
        .expect("list");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2026-11-24-damaged-0001.ron"), "{stderr}");
    assert!(!stderr.contains("Tommy"), "{stderr}");
}

#[test]
fn small_command_line_faults_are_fixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");

    // `sessions list` reads: it makes no data folder.
    let output = howgood(&data)
        .args(["sessions", "list"])
        .output()
        .expect("list");
    assert!(output.status.success(), "{output:?}");
    assert!(!data.exists(), "sessions list made {}", data.display());

    // `content show nosuch` speaks as howgood.
    let output = howgood(&data)
        .args(["content", "show", "nosuch"])
        .output()
        .expect("show");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("howgood: "));

    // `sessions restore nosuch` says there is no such session.
    let output = howgood(&data)
        .args(["sessions", "restore", "nosuch"])
        .output()
        .expect("restore");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no such session"), "{stderr}");

    // An export folder that cannot be made is named.
    put(
        &data,
        &session("2026-11-24-export-0001"),
        "2026-11-24-export-0001.ron",
    );
    fs::write(data.join("exports"), "a file where the folder should be").expect("write");
    let output = howgood(&data)
        .args(["export", "2026-11-24-export-0001"])
        .output()
        .expect("export");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&data.join("exports").display().to_string()),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn emergency_copies_skip_folders_others_can_read_and_go_to_the_next() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    // Beside the session is impossible: its folder is a file.
    fs::write(dir.path().join("gone"), "not a folder").expect("write");
    let session_path = dir.path().join("gone/2026-11-24-s-0001.ron");
    let planted = dir.path().join("planted");
    fs::create_dir(&planted).expect("mkdir");
    fs::set_permissions(&planted, fs::Permissions::from_mode(0o755)).expect("chmod");
    let private = dir.path().join("private");
    let copy = howgood::session::store::write_emergency(
        &session_path,
        &session("2026-11-24-s-0001"),
        Timestamp::now(),
        &[planted.clone(), private.clone()],
    )
    .expect("a copy somewhere");
    assert!(copy.starts_with(&private), "{}", copy.display());
    assert_eq!(fs::read_dir(&planted).expect("dir").count(), 0);
    let mode = fs::metadata(&copy).expect("copy").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// Make every save of the session at `path` fail: a folder where the file
/// should be is not a regular file, and is never replaced.
fn block_saves(path: &Path) {
    fs::remove_file(path).expect("remove");
    fs::create_dir(path).expect("a folder in its place");
}

#[test]
fn a_failing_save_keeps_one_current_copy_and_never_removes_another_sessions() {
    let mut h = Harness::new(100, 30);
    let a = session("2026-11-24-first-0001");
    let b = session("2026-11-24-second-0002");
    h.open_session(&a);
    block_saves(&h.runtime.store.path_of(&a.id));
    h.key(Down);
    h.key(Enter);
    h.type_text("words of the first session");
    h.key(Esc);
    h.wait(2);
    h.wait(6); // a retry: the copy is replaced, not added to
    assert!(h.screen().contains("Not saved"), "{}", h.screen());
    let dir = h.sessions_dir();
    let copies_of = move |id: &str| -> Vec<PathBuf> {
        fs::read_dir(&dir)
            .expect("dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().expect("name").to_string_lossy().into_owned();
                name.starts_with(id) && name.contains(".recovery-")
            })
            .collect()
    };
    assert_eq!(copies_of(&a.id).len(), 1, "one current copy");

    h.open_session(&b);
    block_saves(&h.runtime.store.path_of(&b.id));
    h.key(Down);
    h.key(Enter);
    h.type_text("words of the second session");
    h.key(Esc);
    h.wait(2);
    let a_copies = copies_of(&a.id);
    assert_eq!(a_copies.len(), 1, "the first session's copy is kept");
    let a_copy = fs::read_to_string(&a_copies[0]).expect("copy");
    assert!(a_copy.contains("words of the first session"), "{a_copy}");
    assert_eq!(copies_of(&b.id).len(), 1);
}
