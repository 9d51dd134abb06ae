//! Measures through the binary: a real Module 5 measure tracked over eight
//! quarters, a Turning the Curve worksheet whose proposal becomes a
//! priority in the actions register, linked back to the measure; CSV
//! import all or nothing; a workshop priority pointing at a measure.

use assert_cmd::Command;
use howgood::session::ids::{IdSource, fill_missing};
use howgood::session::model::{Priority, ScaleChoice, Session, SessionKind};
use howgood::session::store::{OpenSession, SessionStore};
use serde_json::Value;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const CP_AGAIN: &str =
    "% of children subject to CP plan who had previously been subject to a CP plan.";

fn howgood(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("howgood").expect("binary");
    cmd.env("HOWGOOD_DATA_DIR", home.join("data"))
        .env("HOWGOOD_CONFIG_DIR", home.join("config"));
    cmd
}

fn stdout(home: &Path, args: &[&str]) -> String {
    let out = howgood(home)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

fn json(home: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&stdout(home, args)).expect("json")
}

/// The Module 5 id of a measure, by its printed words.
fn module5_id(home: &Path, words: &str) -> String {
    stdout(home, &["measures", "module5"])
        .lines()
        .find(|l| l.split('\t').nth(3) == Some(words))
        .and_then(|l| l.split('\t').next())
        .expect("listed")
        .to_owned()
}

fn first_field(text: &str) -> String {
    text.split('\t').next().expect("field").trim().to_owned()
}

fn add_cp_again(home: &Path) -> String {
    let source = module5_id(home, CP_AGAIN);
    first_field(&stdout(
        home,
        &[
            "measures",
            "add",
            "--from-module5",
            &source,
            "--better",
            "lower",
            "--owner",
            "Head of CP",
        ],
    ))
}

const QUARTERS: [(&str, &str, &str); 8] = [
    ("2024-Q3", "9", "50"),
    ("2024-Q4", "8", "48"),
    ("2025-Q1", "10", "52"),
    ("2025-Q2", "11", "50"),
    ("2025-Q3", "12", "49"),
    ("2025-Q4", "10", "47"),
    ("2026-Q1", "13", "51"),
    ("2026-Q2", "14", "50"),
];

#[test]
fn a_module5_measure_over_eight_quarters_turns_the_curve_into_a_linked_priority() {
    let home = TempDir::new().expect("tempdir");
    let home = home.path();
    let measure = add_cp_again(home);
    for (period, numerator, denominator) in QUARTERS {
        let line = stdout(
            home,
            &[
                "measures",
                "record",
                &measure,
                "--period",
                period,
                "--value",
                numerator,
                "--denominator",
                denominator,
                "--comparator",
                "national=21",
            ],
        );
        assert!(
            line.contains(&format!("({numerator} of {denominator})")),
            "{line}"
        );
    }
    // The same period twice is refused, and nothing changes.
    let before = fs::read(home.join("data/measures/measures.ron")).expect("file");
    howgood(home)
        .args([
            "measures",
            "record",
            &measure,
            "--period",
            "2026-Q2",
            "--value",
            "1",
            "--denominator",
            "2",
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("already has a value for 2026-Q2"));
    assert_eq!(
        fs::read(home.join("data/measures/measures.ron")).expect("file"),
        before
    );

    let shown = json(home, &["measures", "show", &measure, "--json"]);
    assert_eq!(
        shown["module5"].as_str().map(|s| s.starts_with("m5-")),
        Some(true)
    );
    assert_eq!(shown["values"].as_array().expect("values").len(), 8);
    assert_eq!(shown["values"][7]["figure"]["shown"], "28% (14 of 50)");
    assert_eq!(shown["change"], "up 10 points since 2024-Q3 (worse)");
    let listed = json(
        home,
        &["measures", "list", "--json", "--today", "2026-08-15"],
    );
    assert_eq!(listed[0]["overdue"], Value::Null, "Q3 has not ended");
    let listed = json(
        home,
        &["measures", "list", "--json", "--today", "2026-11-25"],
    );
    assert_eq!(listed[0]["overdue"], "2026-Q3");

    // Turning the Curve.
    let sheet = first_field(&stdout(
        home,
        &["measures", "curve", &measure, "new", "--date", "2026-11-25"],
    ));
    stdout(
        home,
        &[
            "measures",
            "curve",
            &measure,
            "write",
            "--doing",
            "Rising since 2024-Q4, above national",
            "--story",
            "Plans ended before change was sustained",
            "--partner",
            "Police=joint visits",
            "--works",
            "Step-down reviews=2025 audit of 40 cases",
        ],
    );
    let proposal = first_field(&stdout(
        home,
        &[
            "measures",
            "curve",
            &measure,
            "propose",
            "Review every plan ended within six months",
        ],
    ));
    let priority = first_field(&stdout(
        home,
        &[
            "measures",
            "curve",
            &measure,
            "adopt",
            &proposal,
            "--owner",
            "Head of CP",
            "--due",
            "2027-03-31",
        ],
    ));
    let text = stdout(home, &["measures", "show", &measure]);
    assert!(
        text.contains(&format!("Turning the Curve 2026-11-25 ({sheet})")),
        "{text}"
    );
    assert!(text.contains(&format!("-> priority {priority}")), "{text}");
    assert!(text.contains("forecast if nothing changes"), "{text}");

    let actions = json(home, &["actions", "--json"]);
    let row = actions
        .as_array()
        .expect("array")
        .iter()
        .find(|a| a["id"] == priority.as_str())
        .expect("the priority is in the register");
    assert_eq!(row["text"], "Review every plan ended within six months");
    assert_eq!(row["owner"], "Head of CP");
    assert_eq!(row["due"], "2027-03-31");
    assert_eq!(row["measure"]["id"], measure.as_str());
    let latest = row["measure"]["latest"].as_str().expect("latest");
    assert!(latest.contains("2026-Q2 28% (14 of 50)"), "{latest}");

    // Progress on it is recorded like any action's, in the measures file.
    stdout(
        home,
        &[
            "actions",
            "update",
            &priority,
            "--status",
            "in-progress",
            "--note",
            "First ten plans reviewed",
            "--date",
            "2027-01-10",
        ],
    );
    let actions = json(home, &["actions", "--json"]);
    let row = actions
        .as_array()
        .expect("array")
        .iter()
        .find(|a| a["id"] == priority.as_str())
        .expect("still listed");
    assert_eq!(row["status"], "in-progress");
    assert_eq!(row["log"][0]["note"], "First ten plans reviewed");
    howgood(home)
        .args([
            "actions",
            "update",
            &priority,
            "--status",
            "carried-forward",
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("stays with its measure"));

    // Next year's worksheet starts from this one.
    stdout(
        home,
        &["measures", "curve", &measure, "new", "--date", "2027-11-20"],
    );
    let shown = json(home, &["measures", "show", &measure, "--json"]);
    let next = &shown["worksheets"][1];
    assert_eq!(next["follows"], sheet.as_str());
    assert_eq!(next["story"], "Plans ended before change was sustained");
    assert_eq!(next["proposals"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_measure_broken_in_the_source_needs_the_users_title() {
    let home = TempDir::new().expect("tempdir");
    let home = home.path();
    let words = "where, at point of closure, DV had ceased to be a cause of concern.";
    let source = module5_id(home, words);
    howgood(home)
        .args(["measures", "add", "--from-module5", &source])
        .assert()
        .failure()
        .stderr(predicates::str::contains("--title"));
    assert!(
        !home.join("data/measures/measures.ron").exists()
            || stdout(home, &["measures", "list", "--json"]).trim() == "[]"
    );
    // Repeating the broken words is not completing them.
    howgood(home)
        .args([
            "measures",
            "add",
            "--from-module5",
            &source,
            "--title",
            &format!("  {words} "),
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("complete the printed words"));
    let title = "% of DV cases where, at point of closure, DV had ceased to be a cause of concern";
    let added = stdout(
        home,
        &[
            "measures",
            "add",
            "--from-module5",
            &source,
            "--title",
            title,
        ],
    );
    assert!(added.contains(title), "{added}");
    let shown = json(home, &["measures", "show", title, "--json"]);
    assert_eq!(shown["definition"], words, "the printed words are kept");
}

#[test]
fn the_module5_list_marks_the_seven_measures_broken_in_the_source_with_their_notes() {
    let home = TempDir::new().expect("tempdir");
    let listed = stdout(home.path(), &["measures", "module5"]);
    let marked: Vec<&str> = listed
        .lines()
        .filter(|l| l.contains("broken in the source"))
        .collect();
    assert_eq!(marked.len(), 7, "{marked:#?}");
    assert!(marked.iter().any(|l| l.contains(
        "Number of Whole Time Equivalent (WTE) posts:\tbroken in the source (The list of posts"
    )));
}

fn three_measures(home: &Path) {
    for title in ["Re-referrals", "Visits on time", "Days to conference"] {
        stdout(
            home,
            &[
                "measures",
                "add",
                "--title",
                title,
                "--frequency",
                "monthly",
                "--unit",
                "percentage",
            ],
        );
    }
}

fn register_bytes(home: &Path) -> Vec<u8> {
    fs::read(home.join("data/measures/measures.ron")).expect("register")
}

#[test]
fn a_good_csv_imports_every_row() {
    let home = TempDir::new().expect("tempdir");
    let home = home.path();
    three_measures(home);
    let mut csv =
        String::from("Indicator,Month,Numerator,Denominator,Target,Team North,Commentary\n");
    for month in 1..=12 {
        csv.push_str(&format!(
            "Re-referrals,2025-{month:02},{month},40,15,{month},\"a note, with a comma\"\n"
        ));
        csv.push_str(&format!("Visits on time,2025-{month:02},3{month},40,,,\n"));
    }
    let path = home.join("export.csv");
    fs::write(&path, csv).expect("csv");
    let out = stdout(
        home,
        &[
            "measures",
            "import",
            path.to_str().expect("path"),
            "--map",
            "Month=period",
            "--map",
            "Team North=breakdown:North",
        ],
    );
    assert!(out.contains("imported 24 values"), "{out}");
    let shown = json(home, &["measures", "show", "Re-referrals", "--json"]);
    assert_eq!(shown["values"].as_array().map(Vec::len), Some(12));
    assert_eq!(shown["values"][2]["figure"]["shown"], "7.5% (3 of 40)");
    assert_eq!(shown["values"][2]["comparators"][0]["kind"], "target");
    assert_eq!(shown["values"][2]["breakdowns"][0]["name"], "North");
    assert_eq!(shown["values"][2]["note"], "a note, with a comma");
}

#[test]
fn a_csv_with_bad_rows_imports_nothing_and_names_each_bad_row() {
    let home = TempDir::new().expect("tempdir");
    let home = home.path();
    three_measures(home);
    let before = register_bytes(home);
    let csv = "Measure,Period,Value,Denominator\n\
               Re-referrals,2025-01,4,40\n\
               Re-referrals,2025-Q1,4,40\n\
               Unknown measure,2025-02,1,2\n\
               Visits on time,2025-13,1,2\n\
               Visits on time,2025-02,lots,2\n\
               Re-referrals,2025-01,5,40\n\
               Days to conference,2025-03,3,0\n";
    let path = home.join("bad.csv");
    fs::write(&path, csv).expect("csv");
    let output = howgood(home)
        .args(["measures", "import", path.to_str().expect("path")])
        .output()
        .expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let name = path.display().to_string();
    for line in [3, 4, 5, 6, 7, 8] {
        assert!(
            stderr.contains(&format!("{name}:{line}: ")),
            "line {line} named:\n{stderr}"
        );
    }
    assert!(!stderr.contains(&format!("{name}:2: ")), "{stderr}");
    assert!(stderr.contains("nothing imported: 6 bad rows"), "{stderr}");
    assert!(
        stderr.contains("already has a value for 2025-01"),
        "{stderr}"
    );
    assert_eq!(register_bytes(home), before, "nothing half-imported");
}

#[test]
fn a_workshop_priority_pointing_at_a_measure_shows_its_latest_value() {
    let home = TempDir::new().expect("tempdir");
    let home = home.path();
    let measure = add_cp_again(home);
    stdout(
        home,
        &[
            "measures",
            "record",
            &measure,
            "--period",
            "2026-Q1",
            "--value",
            "13",
            "--denominator",
            "51",
        ],
    );
    let store = SessionStore::open(home.join("data/sessions"))
        .expect("store")
        .0;
    let mut session = Session::new(
        "2026-03-01-cp-0001".into(),
        SessionKind::Workshop,
        "CP".into(),
        "hmie-cp-2009".into(),
        ScaleChoice::Framework,
        "2026-03-01T09:00:00Z".parse().expect("ts"),
    );
    session.priorities.push(Priority {
        statement: "Fewer children return to a plan".into(),
        measure: Some(measure.clone()),
        ..Priority::new(String::new())
    });
    fill_missing(&mut session, &mut IdSource::seeded(7));
    OpenSession::create(
        &store.path_of(&session.id),
        &session,
        "2026-03-01T09:00:00Z".parse().expect("ts"),
    )
    .expect("create");
    let actions = json(home, &["actions", "--json"]);
    assert_eq!(actions[0]["measure"]["id"], measure.as_str());
    let latest = actions[0]["measure"]["latest"].as_str().expect("latest");
    assert!(latest.contains("2026-Q1 25.5% (13 of 51)"), "{latest}");
    let text = stdout(home, &["actions"]);
    assert!(
        text.contains("measure: ") && text.contains("25.5% (13 of 51)"),
        "{text}"
    );
}
