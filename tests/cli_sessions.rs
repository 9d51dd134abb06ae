//! Sessions from the command line, without a terminal: prepare, list, export.

mod common;
use common::cli::howgood;
use predicates::prelude::*;
use std::path::Path;
use tempfile::TempDir;

/// `howgood new ...` and the id it printed.
fn new_session(home: &Path) -> (String, String) {
    let output = howgood(home)
        .args([
            "new",
            "--kind",
            "workshop",
            "--framework",
            "hmie-cp-2009",
            "--title",
            "Neglect workshop",
            "--indicator",
            "5.3",
            "--indicator",
            "8.1",
            "--participant",
            "Police",
            "--participant",
            "Health",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let line = String::from_utf8(output).expect("utf-8");
    let (id, path) = line.trim().split_once('\t').expect("id<TAB>path");
    (id.to_owned(), path.to_owned())
}

#[test]
fn new_prints_the_id_and_path_of_a_private_session_file() {
    let home = TempDir::new().expect("tempdir");
    let (id, path) = new_session(home.path());
    assert!(id.contains("neglect-workshop"), "{id}");
    let text = std::fs::read_to_string(&path).expect("the file exists");
    assert!(text.starts_with("(\n  version: 3,"));
    assert!(text.contains("item: \"5.3\""));
    assert!(text.contains("\"Police\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn new_refuses_an_unknown_framework_or_indicator() {
    let home = TempDir::new().expect("tempdir");
    howgood(home.path())
        .args([
            "new",
            "--framework",
            "nope",
            "--title",
            "x",
            "--indicator",
            "1.1",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown framework 'nope'"));
    howgood(home.path())
        .args([
            "new",
            "--framework",
            "hmie-cp-2009",
            "--title",
            "x",
            "--indicator",
            "99.9",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("'99.9' is not an indicator"));
}

#[test]
fn new_then_export_works_without_a_terminal() {
    let home = TempDir::new().expect("tempdir");
    let (id, _) = new_session(home.path());
    let out = home.path().join("report.md");
    howgood(home.path())
        .args(["export", &id, "--format", "md", "-o"])
        .arg(&out)
        .assert()
        .success();
    let markdown = std::fs::read_to_string(&out).expect("written");
    assert!(markdown.starts_with("# Neglect workshop"), "{markdown}");
    assert!(markdown.contains("5.3 Recognising and assessing risks and needs"));
    assert!(markdown.contains("8.1 Partnership working"));
    // By title prefix, to standard output.
    howgood(home.path())
        .args(["export", "Neglect", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Neglect workshop"));
    // With no -o: a private file in the data folder.
    howgood(home.path())
        .args(["export", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("exports/{id}.md")));
}

#[test]
fn export_names_a_session_it_cannot_find() {
    let home = TempDir::new().expect("tempdir");
    howgood(home.path())
        .args(["export", "nothing-like-this"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no session has the id, path or title 'nothing-like-this'",
        ));
}

#[test]
fn sessions_list_shows_sessions_and_reports_damaged_files_on_stderr() {
    let home = TempDir::new().expect("tempdir");
    let (id, _) = new_session(home.path());
    let damaged = home.path().join("data/sessions/2026-01-01-broken-0000.ron");
    std::fs::write(&damaged, "(version: 1, id: ").expect("write");
    howgood(home.path())
        .args(["sessions", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&id))
        .stdout(predicate::str::contains("0/2"))
        .stderr(predicate::str::contains(format!(
            "{}:1:",
            damaged.display()
        )));
    let json = howgood(home.path())
        .args(["sessions", "list", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed: serde_json::Value = serde_json::from_slice(&json).expect("json");
    assert_eq!(listed.as_array().expect("array").len(), 1);
    assert_eq!(listed[0]["id"], id.as_str());
    assert_eq!(listed[0]["kind"], "workshop");
    assert_eq!(listed[0]["items"], 2);
    // The damaged file is never touched.
    assert_eq!(
        std::fs::read_to_string(&damaged).expect("read"),
        "(version: 1, id: "
    );
}

#[test]
fn the_screens_say_clearly_when_there_is_no_terminal() {
    let home = TempDir::new().expect("tempdir");
    howgood(home.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the screens need a terminal"));
}

#[test]
fn search_finds_words_in_every_session_with_its_field() {
    let home = TempDir::new().expect("tempdir");
    let (id, path) = new_session(home.path());
    let text = std::fs::read_to_string(&path).expect("read");
    let text = text.replacen(
        "rationale: \"\"",
        "rationale: \"Chronologies are patchy\"",
        1,
    );
    std::fs::write(&path, text).expect("edit");
    howgood(home.path())
        .args(["search", "chronolog"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&id).and(predicate::str::contains("5.3 rationale")));
    let output = howgood(home.path())
        .args(["search", "--json", "patchy"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let hits: serde_json::Value = serde_json::from_slice(&output).expect("json");
    assert_eq!(hits[0]["session"], id.as_str());
    assert_eq!(hits[0]["snippet"], "Chronologies are [patchy]");
    howgood(home.path())
        .args(["search", "absent"])
        .assert()
        .code(1)
        .stdout("nothing found\n");
}

#[test]
fn reindex_rebuilds_the_index_with_progress_and_loses_nothing() {
    let home = TempDir::new().expect("tempdir");
    let (id, _) = new_session(home.path());
    howgood(home.path())
        .args(["sessions", "reindex"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("indexing: 1/1")
                .and(predicate::str::contains("indexed 1 files")),
        );
    let index = home.path().join("data/index.sqlite");
    std::fs::write(&index, b"not a database at all, just bytes").expect("damage index");
    howgood(home.path())
        .args(["sessions", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&id));
}
