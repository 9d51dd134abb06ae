//! `howgood content ...` as a script would use it.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;
use tempfile::TempDir;

/// The binary, isolated from the user's own config and data folders.
fn howgood(config: &Path) -> Command {
    let mut cmd = Command::cargo_bin("howgood").expect("binary builds");
    cmd.env("HOWGOOD_CONFIG_DIR", config)
        .env("HOWGOOD_DATA_DIR", config.join("data"))
        .env_remove("NO_COLOR");
    cmd
}

const MINIMAL: &str = r#"(
  version: 1,
  id: "our-own",
  title: "Our own framework",
  short_title: "Ours",
  publisher: "A test LSCB",
  year: 2026,
  source: (file: "none.txt", document: "Ours", copyright: "Ours", licence: "Ours", attribution: "Ours"),
  sections: [
    (id: "A", title: "Section A", statements: [(id: "A.1", text: "We know our children.")]),
  ],
)
"#;

#[test]
fn list_shows_all_five_frameworks_with_counts() {
    let home = TempDir::new().expect("temp dir");
    howgood(home.path())
        .args(["content", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("hmie-cp-2009"))
        .stdout(predicate::str::contains("ofsted-good-outcomes"))
        .stdout(predicate::str::contains("lscb-qaf"))
        .stdout(predicate::str::contains("hmie-generic-2007"))
        .stdout(predicate::str::contains("integrated-inspection-2014"))
        .stdout(predicate::str::is_match(r"hmie-cp-2009\s+25\s+124\s").expect("regex"));
}

#[test]
fn show_prints_an_indicator_with_its_illustrations_and_linked_areas() {
    let home = TempDir::new().expect("temp dir");
    howgood(home.path())
        .args(["content", "show", "hmie-cp-2009", "7.3", "--width", "60"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "7.3 Staff training, development and support",
        ))
        .stdout(predicate::str::contains("LEVEL 5: VERY GOOD"))
        .stdout(predicate::str::contains("LEVEL 2: WEAK"))
        .stdout(predicate::str::contains(
            "Safeguarding wisdom [safeguarding-wisdom]",
        ))
        .stdout(predicate::function(|out: &str| {
            out.lines().all(|l| l.chars().count() <= 60)
        }));
}

#[test]
fn show_prints_a_content_area_with_its_questions() {
    let home = TempDir::new().expect("temp dir");
    howgood(home.path())
        .args(["content", "show", "lscb-qaf", "safeguarding-wisdom"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "QUESTIONS FOR LEADERSHIP AND SCRUTINY (MODULE 3)",
        ))
        .stdout(predicate::str::contains(
            "What are the practice improvements that the learning",
        ));
}

#[test]
fn show_names_what_it_cannot_find() {
    let home = TempDir::new().expect("temp dir");
    howgood(home.path())
        .args(["content", "show", "no-such-framework"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown framework 'no-such-framework'",
        ))
        .stderr(predicate::str::contains("hmie-cp-2009"));
    howgood(home.path())
        .args(["content", "show", "hmie-cp-2009", "99.9"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no item '99.9'"));
}

#[test]
fn check_passes_the_embedded_content() {
    let home = TempDir::new().expect("temp dir");
    howgood(home.path())
        .args(["content", "check"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok:"));
}

#[test]
fn check_reports_a_syntax_error_with_file_line_and_column() {
    let home = TempDir::new().expect("temp dir");
    let file = home.path().join("broken.ron");
    // A missing comma after the title, on line 4.
    let broken = MINIMAL.replace("\"Our own framework\",", "\"Our own framework\"");
    std::fs::write(&file, broken).expect("write");
    let expected = format!("{}:5:3: ", file.display());
    howgood(home.path())
        .args(["content", "check"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(expected));
}

#[test]
fn check_reports_a_duplicate_id_where_it_stands() {
    let home = TempDir::new().expect("temp dir");
    let file = home.path().join("dup.ron");
    let duplicated = MINIMAL.replace(
        r#"statements: [(id: "A.1", text: "We know our children.")]"#,
        "statements: [\n      (id: \"A.1\", text: \"We know our children.\"),\n      (id: \"A.1\", text: \"Again.\"),\n    ]",
    );
    std::fs::write(&file, duplicated).expect("write");
    howgood(home.path())
        .args(["content", "check"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{}:12:12: duplicate statement id 'A.1'",
            file.display()
        )));
}

#[test]
fn check_reports_a_crosswalk_link_to_an_unknown_area() {
    let home = TempDir::new().expect("temp dir");
    let file = home.path().join("extra-crosswalk.ron");
    std::fs::write(
        &file,
        "(\n  version: 1,\n  areas_from: \"lscb-qaf\",\n  links: [\n    (framework: \"hmie-cp-2009\", indicator: \"7.3\", areas: [\"safeguarding-wisdom\", \"no-such-area\"]),\n  ],\n)\n",
    )
    .expect("write");
    howgood(home.path())
        .args(["content", "check"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{}:5:82: unknown content area 'no-such-area'",
            file.display()
        )));
}

#[test]
fn check_reports_a_file_that_is_not_utf8() {
    let home = TempDir::new().expect("temp dir");
    let file = home.path().join("latin1.ron");
    std::fs::write(&file, b"(\n  version: 1,\n  id: \"caf\xe9\",\n)").expect("write");
    howgood(home.path())
        .args(["content", "check"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{}:3:11: file is not valid UTF-8 text",
            file.display()
        )));
}

#[test]
fn a_user_framework_is_added_and_a_broken_one_never_stops_the_others() {
    let home = TempDir::new().expect("temp dir");
    let content = home.path().join("content");
    std::fs::create_dir_all(&content).expect("mkdir");
    std::fs::write(content.join("ours.ron"), MINIMAL).expect("write");
    std::fs::write(content.join("zz-broken.ron"), "(version: 1, id: ").expect("write");
    howgood(home.path())
        .args(["content", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("our-own"))
        .stdout(predicate::str::contains("hmie-cp-2009"))
        .stderr(predicate::str::contains("zz-broken.ron:1:"));
    howgood(home.path())
        .args(["content", "show", "our-own", "A.1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("We know our children."));
}

#[test]
fn a_user_framework_with_an_embedded_id_overrides_it() {
    let home = TempDir::new().expect("temp dir");
    let dir = home.path().join("elsewhere");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let override_text = MINIMAL.replace("\"our-own\"", "\"ofsted-good-outcomes\"");
    std::fs::write(dir.join("ofsted.ron"), override_text).expect("write");
    howgood(home.path())
        .args(["content", "list", "--content-dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(r"ofsted-good-outcomes\s+0\s+0\s+0\s+1\s+0\s+Ours \(from ")
                .expect("regex"),
        );
}

/// The organisation's own content file in a config folder.
fn own_file(config: &Path) -> std::path::PathBuf {
    config.join("content").join("own-content.ron")
}

#[test]
fn own_content_is_written_by_the_cli_attributed_validated_and_private() {
    let home = TempDir::new().expect("temp dir");
    let config = home.path();
    // The organisation's name is needed the first time.
    howgood(config)
        .args(["content", "new-area", "Transition to adult services"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--organisation"));
    assert!(!own_file(config).exists());
    howgood(config)
        .args([
            "content",
            "new-area",
            "Transition to adult services",
            "--organisation",
            "Northshire Community Health",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "own-transition-to-adult-services\t",
        ));
    howgood(config)
        .args([
            "content",
            "add-question",
            "own-transition-to-adult-services",
            "Who plans a young person's move to adult services by 16?",
        ])
        .assert()
        .success();
    howgood(config)
        .args([
            "content",
            "add-statement",
            "workforce",
            "--kind",
            "outcome",
            "Every school nurse can name the safeguarding lead.",
        ])
        .assert()
        .success();
    // An area that exists nowhere, and an empty text, are refused.
    howgood(config)
        .args(["content", "add-question", "no-such-area", "Why?"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no content area 'no-such-area'"));
    howgood(config)
        .args(["content", "add-statement", "workforce", "  "])
        .assert()
        .failure()
        .stderr(predicate::str::contains("empty"));
    let path = own_file(config);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("file").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let dir = std::fs::metadata(path.parent().expect("dir")).expect("dir");
        assert_eq!(dir.permissions().mode() & 0o777, 0o700);
    }
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("publisher: \"Northshire Community Health\""),
        "{text}"
    );
    assert!(text.contains("kind: Outcome"), "{text}");
    howgood(config)
        .args(["content", "check"])
        .assert()
        .success();
    howgood(config)
        .args(["content", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("own-content"))
        .stdout(predicate::str::contains(
            "Northshire Community Health (own)",
        ));
    howgood(config)
        .args(["content", "show", "own-content"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Transition to adult services"));
    // The reader shows them after the publisher's, headed as the organisation's.
    howgood(config)
        .args(["content", "show", "lscb-qaf", "workforce", "--width", "200"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "✎ NORTHSHIRE COMMUNITY HEALTH'S OWN (WRITTEN BY THE ORGANISATION, NOT THE PUBLISHER)",
        ))
        // A measure broken in the source is marked, with its note.
        .stdout(predicate::str::contains(
            "⚠ broken in the source The list of posts this heading introduces is not printed.",
        ))
        .stdout(predicate::str::contains(
            "Every school nurse can name the safeguarding lead.",
        ));
}

#[test]
fn own_content_is_never_written_over_a_file_that_cannot_be_read() {
    let home = TempDir::new().expect("temp dir");
    let config = home.path();
    let path = own_file(config);
    std::fs::create_dir_all(path.parent().expect("dir")).expect("dir");
    let damaged = "(version: 1, id: \"own-content\", title: ";
    std::fs::write(&path, damaged).expect("write");
    howgood(config)
        .args([
            "content",
            "new-area",
            "Anything",
            "--organisation",
            "Northshire Community Health",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("nothing was written"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), damaged);
    // A file holding another framework is not taken for the own file.
    std::fs::write(&path, MINIMAL).expect("write");
    howgood(config)
        .args(["content", "add-question", "workforce", "Why?"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "not the organisation's own content",
        ));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), MINIMAL);
}
