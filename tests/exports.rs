//! Every export format, read back by a parser this project did not write:
//! CSV by the `csv` crate (strict), iCalendar by `ical`, Excel by
//! `calamine`, HTML by `quick-xml`, JSON by importing it again.

mod common;
use common::cli::{export, howgood};
use common::strict_csv;
use howgood::session::codec;
use howgood::session::model::*;
use howgood::session::store::OpenSession;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const EXAMPLE: &str = "sessions/2026-11-24-northshire-lscb-workshop-example.ron";
const EXAMPLE_ID: &str = "2026-11-24-northshire-lscb-workshop-example";
const PRIVATE_TEXT: &str = "Percentage of children seen alone at each visit";

fn sessions_dir(home: &Path) -> PathBuf {
    home.join("data").join("sessions")
}

/// A data folder holding the worked example.
fn with_example() -> TempDir {
    let home = tempfile::tempdir().expect("tempdir");
    let session = read(Path::new(EXAMPLE));
    save(home.path(), &session);
    home
}

fn read(path: &Path) -> Session {
    codec::decode(&std::fs::read(path).expect("read"))
        .expect("decodes")
        .session
}

fn save(home: &Path, session: &Session) {
    let path = sessions_dir(home).join(format!("{}.ron", session.id));
    OpenSession::create(&path, session, session.updated).expect("saved");
}

fn actions_json(home: &Path) -> Vec<serde_json::Value> {
    let output = howgood(home)
        .args(["actions", "--json"])
        .output()
        .expect("runs");
    serde_json::from_slice(&output.stdout).expect("json")
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).expect("meta").permissions().mode() & 0o777
}

// ---------------------------------------------------------------- CSV

#[test]
fn actions_csv_reads_back_with_iso_dates_and_one_row_per_action() {
    let home = with_example();
    let out = home.path().join("actions.csv");
    let (bytes, _) = export(home.path(), &["actions", "--format", "csv"], &out);
    assert_eq!(mode(&out), 0o600);
    let (header, records) = strict_csv(&bytes);
    assert_eq!(records.len(), actions_json(home.path()).len());
    let due = header.iter().position(|h| h == "due").expect("due column");
    let dated: Vec<_> = records.iter().filter(|r| !r[due].is_empty()).collect();
    assert!(!dated.is_empty());
    for record in dated {
        record[due].parse::<jiff::civil::Date>().expect("ISO date");
    }
}

#[test]
fn csv_neutralises_formulas_and_keeps_accents() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = read(Path::new(EXAMPLE));
    session.priorities[0].statement = "=HYPERLINK(\"http://x\")".to_owned();
    session.priorities[0].owner = "@Zoë Müller".to_owned();
    session.priorities[1].owner = "Renée Côté".to_owned();
    save(home.path(), &session);
    let out = home.path().join("p.csv");
    let (bytes, _) = export(
        home.path(),
        &["export", EXAMPLE_ID, "--format", "csv"],
        &out,
    );
    let (header, records) = strict_csv(&bytes);
    assert_eq!(records.len(), session.priorities.len());
    let statement = header.iter().position(|h| h == "statement").expect("col");
    let owner = header.iter().position(|h| h == "owner").expect("col");
    assert_eq!(&records[0][statement], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&records[0][owner], "'@Zoë Müller");
    assert_eq!(&records[1][owner], "Renée Côté");
}

#[test]
fn trends_csv_lists_levels_with_words_never_a_total() {
    let home = with_example();
    let out = home.path().join("t.csv");
    let (bytes, _) = export(
        home.path(),
        &["trends", "hmie-cp-2009", "--format", "csv"],
        &out,
    );
    let (header, records) = strict_csv(&bytes);
    assert_eq!(records.len(), 2);
    let level = header.iter().position(|h| h == "level").expect("col");
    let word = header.iter().position(|h| h == "level word").expect("col");
    assert_eq!((&records[0][level], &records[0][word]), ("4", "good"));
    let number = header.iter().position(|h| h == "number").expect("col");
    let item = header.iter().position(|h| h == "item").expect("col");
    assert!(
        records[0][number].contains('.'),
        "an indicator's own number: {:?}",
        records[0]
    );
    assert!(!records[0][item].is_empty() && !records[0][item].starts_with(&records[0][number]));
    let text = String::from_utf8(bytes).expect("utf-8").to_lowercase();
    assert!(!text.contains("average") && !text.contains("total"));
}

#[test]
fn trends_csv_names_an_ofsted_statement_instead_of_a_blank_level() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = read(Path::new(EXAMPLE));
    session.framework = "ofsted-good-outcomes".to_owned();
    session.items = vec![howgood::session::model::ItemRecord::new("3.18")];
    save(home.path(), &session);
    let out = home.path().join("t.csv");
    let (bytes, _) = export(
        home.path(),
        &["trends", "ofsted-good-outcomes", "--format", "csv"],
        &out,
    );
    let (header, records) = strict_csv(&bytes);
    assert_eq!(records.len(), 1);
    let level = header.iter().position(|h| h == "level").expect("col");
    let word = header.iter().position(|h| h == "level word").expect("col");
    assert_eq!(
        (&records[0][level], &records[0][word]),
        ("", "statement: met / partly met / not met")
    );
    let text = common::cli::stdout(home.path(), &["trends", "ofsted-good-outcomes"]);
    assert!(
        text.contains("statement: met / partly met / not met"),
        "{text}"
    );
    assert!(!text.contains("not yet evaluated"), "{text}");
    // A search reaches the statement's own evidence and note.
    let mut noted = session.clone();
    noted.id = format!("{}-noted", session.id);
    let c = noted.items[0].criterion_mut("", "3.18");
    c.note = "Chronologies missing in sibling files".to_owned();
    save(home.path(), &noted);
    let found = common::cli::stdout(home.path(), &["search", "sibling", "chronologies"]);
    assert!(found.contains("3.18 statement note"), "{found}");
}

// ---------------------------------------------------------------- ICS

fn events(bytes: &[u8]) -> Vec<ical::parser::ical::component::IcalEvent> {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(bytes));
    let calendar = calendars.next().expect("a calendar").expect("parses");
    assert!(calendars.next().is_none());
    calendar.events
}

fn property(event: &ical::parser::ical::component::IcalEvent, name: &str) -> String {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn ics_one_all_day_event_per_deadline_with_stable_uids() {
    let home = with_example();
    let first = home.path().join("a.ics");
    let second = home.path().join("b.ics");
    let (a, _) = export(home.path(), &["actions", "--format", "ics"], &first);
    let (b, _) = export(home.path(), &["actions", "--format", "ics"], &second);
    assert_eq!(
        a, b,
        "the same data gives the same file (no clock, no random)"
    );
    let events = events(&a);
    let dated = actions_json(home.path())
        .into_iter()
        .filter(|a| !a["due"].is_null())
        .count();
    assert_eq!(events.len(), dated);
    let mut uids: Vec<String> = events.iter().map(|e| property(e, "UID")).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "one UID per event");
    for event in &events {
        let start = property(event, "DTSTART");
        let end = property(event, "DTEND");
        let day = |s: &str| jiff::civil::Date::strptime("%Y%m%d", s).expect("all-day date");
        assert_eq!(day(&end), day(&start).tomorrow().expect("next day"));
        assert!(property(event, "DTSTAMP").starts_with("2026112"));
    }
    // The session's own calendar gives its events the same UIDs.
    let own = home.path().join("s.ics");
    let (s, _) = export(
        home.path(),
        &["export", EXAMPLE_ID, "--format", "ics"],
        &own,
    );
    let mut own_uids: Vec<String> = self::events(&s)
        .iter()
        .map(|e| property(e, "UID"))
        .collect();
    own_uids.sort();
    assert_eq!(own_uids, uids);
}

// ---------------------------------------------------------------- XLSX

#[test]
fn xlsx_has_real_date_cells() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let home = with_example();
    let out = home.path().join("a.xlsx");
    export(home.path(), &["actions", "--format", "xlsx"], &out);
    assert_eq!(mode(&out), 0o600);
    let mut book: Xlsx<_> = open_workbook(&out).expect("opens");
    let range = book.worksheet_range("Actions").expect("sheet");
    let header: Vec<String> = range
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let due = header.iter().position(|h| h == "due").expect("due");
    let dated: Vec<&Data> = range
        .rows()
        .skip(1)
        .map(|r| &r[due])
        .filter(|c| !matches!(c, Data::Empty))
        .collect();
    assert!(!dated.is_empty());
    for cell in dated {
        assert!(
            matches!(cell, Data::DateTime(d) if d.is_datetime()),
            "{cell:?}"
        );
    }
    let trends = home.path().join("t.xlsx");
    export(
        home.path(),
        &["trends", "hmie-cp-2009", "--format", "xlsx"],
        &trends,
    );
    let mut book: Xlsx<_> = open_workbook(&trends).expect("opens");
    let range = book.worksheet_range("Levels").expect("sheet");
    let column = |name: &str| {
        range
            .rows()
            .next()
            .expect("header")
            .iter()
            .position(|c| *c == name)
            .expect(name)
    };
    let (date, level) = (column("session date"), column("level"));
    assert!(matches!(range.get((1, date)), Some(Data::DateTime(_))));
    assert_eq!(range.get((1, level)), Some(&Data::Float(4.0)));
}

// ---------------------------------------------------------------- HTML

/// Well-formed (every element closed, names matching), and every `img` or
/// `svg` carries a text alternative.
fn assert_well_formed(html: &str) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(html);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = e.name();
                if name.as_ref() == "img" || name.as_ref() == "svg" {
                    let labelled = e.attributes().flatten().any(|a| {
                        matches!(a.key.as_ref(), "alt" | "aria-label" | "aria-labelledby")
                    });
                    assert!(labelled, "no text alternative");
                }
                assert_ne!(name.as_ref(), "script");
            }
            Ok(_) => {}
            Err(error) => panic!("not well-formed at {}: {error}", reader.buffer_position()),
        }
    }
}

#[test]
fn html_report_is_well_formed_and_escapes_what_was_typed() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = read(Path::new(EXAMPLE));
    session.title = "<script>alert('x')</script> & co".to_owned();
    save(home.path(), &session);
    let out = home.path().join("r.html");
    let (bytes, stderr) = export(
        home.path(),
        &["export", EXAMPLE_ID, "--format", "html"],
        &out,
    );
    assert_eq!(mode(&out), 0o600);
    let html = String::from_utf8(bytes).expect("utf-8");
    assert_well_formed(&html);
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("http"), "nothing fetched from the network");
    // Title block, level meanings, then the summary, then the note.
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("missing {s}"));
    assert!(at("Date of the meeting") < at("The levels used"));
    assert!(at("The levels used") < at("<h2>Summary"));
    assert!(at("<h2>Summary") < at("does not add these evaluations together"));
    assert!(html.contains("important strengths with areas for improvement"));
    assert!(html.contains("1 private evidence item not included"));
    assert!(stderr.contains("1 private evidence item not included"));
    assert!(!html.contains(PRIVATE_TEXT));
}

#[test]
fn a_user_template_brands_the_report() {
    let home = with_example();
    let templates = home.path().join("config").join("templates");
    std::fs::create_dir_all(&templates).expect("dir");
    let base = include_str!("../src/export/templates/base.html")
        .replace("<main>", "<main><p>Northshire Council</p>");
    std::fs::write(templates.join("base.html"), base).expect("write");
    let out = home.path().join("r.html");
    let (bytes, _) = export(
        home.path(),
        &["export", EXAMPLE_ID, "--format", "html"],
        &out,
    );
    let html = String::from_utf8(bytes).expect("utf-8");
    assert!(html.contains("<p>Northshire Council</p>"));
    assert_well_formed(&html);
}

// ---------------------------------------------------------------- privacy

#[test]
fn private_evidence_is_left_out_of_every_export_unless_asked() {
    let home = with_example();
    for format in ["md", "html", "json"] {
        let out = home.path().join(format!("x.{format}"));
        let (bytes, stderr) = export(
            home.path(),
            &["export", EXAMPLE_ID, "--format", format],
            &out,
        );
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(!text.contains(PRIVATE_TEXT), "{format}");
        assert!(
            stderr.contains("1 private evidence item not included"),
            "{format}"
        );
        let (bytes, stderr) = export(
            home.path(),
            &[
                "export",
                EXAMPLE_ID,
                "--format",
                format,
                "--include-private",
            ],
            &out,
        );
        assert!(
            String::from_utf8(bytes)
                .expect("utf-8")
                .contains(PRIVATE_TEXT),
            "{format}"
        );
        assert!(!stderr.contains("not included"));
    }
}

#[test]
fn default_exports_stay_in_the_exports_folder() {
    let home = with_example();
    for format in ["md", "html", "csv", "ics", "json"] {
        let output = howgood(home.path())
            .args(["export", EXAMPLE_ID, "--format", format])
            .output()
            .expect("runs");
        assert!(output.status.success());
        let path = PathBuf::from(String::from_utf8(output.stdout).expect("utf-8").trim());
        assert_eq!(
            path,
            home.path()
                .join("data")
                .join("exports")
                .join(format!("{EXAMPLE_ID}.{format}"))
        );
        assert_eq!(mode(&path), 0o600);
    }
}

// ---------------------------------------------------------------- JSON

fn fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/sessions")
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.push(PathBuf::from(EXAMPLE));
    paths.sort();
    assert!(paths.len() >= 5);
    paths
}

#[test]
fn json_export_then_import_gives_an_equal_session_for_every_fixture() {
    for path in fixtures() {
        let home = tempfile::tempdir().expect("tempdir");
        let original = read(&path);
        save(home.path(), &original);
        let out = home.path().join("s.json");
        export(
            home.path(),
            &[
                "export",
                &original.id,
                "--format",
                "json",
                "--include-private",
            ],
            &out,
        );
        // Into a second, empty data folder: the same id, an equal session.
        let other = tempfile::tempdir().expect("tempdir");
        let output = howgood(other.path())
            .arg("import")
            .arg(&out)
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let imported = read(&sessions_dir(other.path()).join(format!("{}.ron", original.id)));
        assert_eq!(imported, original, "{}", path.display());
        assert_eq!(
            mode(&sessions_dir(other.path()).join(format!("{}.ron", original.id))),
            0o600
        );
    }
}

#[test]
fn import_over_an_existing_id_makes_a_new_session_and_overwrites_nothing() {
    let home = with_example();
    let file = sessions_dir(home.path()).join(format!("{EXAMPLE_ID}.ron"));
    let before = std::fs::read(&file).expect("read");
    let out = home.path().join("s.json");
    export(
        home.path(),
        &[
            "export",
            EXAMPLE_ID,
            "--format",
            "json",
            "--include-private",
        ],
        &out,
    );
    let output = howgood(home.path())
        .arg("import")
        .arg(&out)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let new_id = stdout.split('\t').next().expect("id");
    assert_ne!(new_id, EXAMPLE_ID);
    assert_eq!(std::fs::read(&file).expect("read"), before);
    let copy = read(&sessions_dir(home.path()).join(format!("{new_id}.ron")));
    let mut original = read(&file);
    original.id = new_id.to_owned();
    assert_eq!(copy, original);
}

#[test]
fn import_refuses_what_is_not_a_session_export() {
    let home = tempfile::tempdir().expect("tempdir");
    let bad = home.path().join("bad.json");
    std::fs::write(&bad, r#"{"format":"something-else","version":1}"#).expect("write");
    howgood(home.path())
        .arg("import")
        .arg(&bad)
        .assert()
        .failure();
    std::fs::write(
        &bad,
        r#"{"format":"howgood-session","version":99,"session":{}}"#,
    )
    .expect("write");
    howgood(home.path())
        .arg("import")
        .arg(&bad)
        .assert()
        .failure();
}

// ---------------------------------------------------------------- kinds

fn supervision() -> Session {
    let mut example = read(Path::new(EXAMPLE));
    example.id = "2026-11-25-supervision-ab12".to_owned();
    example.kind = SessionKind::Supervision;
    example.title = "Supervision with A".to_owned();
    example.participants = vec!["A (social worker)".into(), "B (manager)".into()];
    example
}

#[test]
fn supervision_exports_in_its_own_form() {
    let home = tempfile::tempdir().expect("tempdir");
    let session = supervision();
    save(home.path(), &session);
    for format in ["md", "html"] {
        let out = home.path().join(format!("s.{format}"));
        let (bytes, _) = export(
            home.path(),
            &["export", &session.id, "--format", format],
            &out,
        );
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(!text.contains("Triangulation"), "{format}");
        assert!(
            !text.contains("does not add these evaluations together"),
            "{format}"
        );
        assert!(!text.contains("Improvement plan"), "{format}");
        assert!(text.contains("Agreed actions"), "{format}");
        assert!(text.contains("Supervision") || text.contains("supervision"));
    }
}

#[test]
fn integrated_inspection_items_are_named_by_agency_and_title_never_a_slug() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = read(Path::new(EXAMPLE));
    session.framework = "integrated-inspection-2014".to_owned();
    session.scale = ScaleChoice::Borrowed("hmie-cp-2009".to_owned());
    session.items[0].item = "health-help-and-protection".to_owned();
    session.items[1].item = "police-overall-effectiveness".to_owned();
    save(home.path(), &session);
    for format in ["md", "html"] {
        let out = home.path().join(format!("s.{format}"));
        let (bytes, _) = export(
            home.path(),
            &["export", EXAMPLE_ID, "--format", format],
            &out,
        );
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(!text.contains("health-help-and-protection"), "{format}");
        assert!(!text.contains("police-overall-effectiveness"), "{format}");
        assert!(text.contains("Health agencies: "), "{format}");
        assert!(text.contains("1 Health agencies: "), "{format}: numbered");
    }
}

/// Trends rows across sessions name a judgement by its place in the
/// framework, its own title and its agency, in CSV and Excel alike.
#[test]
fn trends_rows_name_judgements_by_number_title_and_agency() {
    use calamine::{Reader, Xlsx, open_workbook};
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = read(Path::new(EXAMPLE));
    session.framework = "integrated-inspection-2014".to_owned();
    session.scale = ScaleChoice::Borrowed("hmie-cp-2009".to_owned());
    session.items[0].item = "health-help-and-protection".to_owned();
    session.items[1].item = "police-help-and-protection".to_owned();
    save(home.path(), &session);
    let out = home.path().join("t.csv");
    let args = ["trends", "integrated-inspection-2014", "--format"];
    let (bytes, _) = export(home.path(), &[&args[..], &["csv"]].concat(), &out);
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    assert!(!text.contains("-help-and-protection"), "no slugs: {text}");
    let (header, records) = strict_csv(&bytes);
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let row = |r: &csv::StringRecord| {
        (
            r[col("number")].to_owned(),
            r[col("item")].to_owned(),
            r[col("agency")].to_owned(),
        )
    };
    let title = "The experiences and progress of children who need help and protection";
    let rows: Vec<_> = records.iter().map(row).collect();
    assert!(
        rows.contains(&("2".into(), title.into(), "Health agencies".into())),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|(n, t, a)| t == title && a == "The police force" && n != "2"),
        "{rows:?}"
    );
    let xlsx = home.path().join("t.xlsx");
    export(home.path(), &[&args[..], &["xlsx"]].concat(), &xlsx);
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("opens");
    let range = book.worksheet_range("Levels").expect("sheet");
    let cells: Vec<String> = range.rows().flatten().map(|c| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == "Health agencies"));
    assert!(cells.iter().any(|c| c == "The police force"));
    assert!(
        !cells.iter().any(|c| c.contains("-help-and-protection")),
        "{cells:?}"
    );
}

#[test]
fn import_refuses_fields_it_would_lose() {
    let home = with_example();
    let out = home.path().join("s.json");
    export(
        home.path(),
        &["export", EXAMPLE_ID, "--format", "json"],
        &out,
    );
    let text = std::fs::read_to_string(&out).expect("read");
    let changed = text.replacen("\"title\":", "\"chairperson\": \"Sam\",\n    \"title\":", 1);
    assert_ne!(changed, text);
    std::fs::write(&out, changed).expect("write");
    let other = tempfile::tempdir().expect("tempdir");
    howgood(other.path())
        .arg("import")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicates::str::contains("session.chairperson"));
    assert!(
        !sessions_dir(other.path())
            .join(format!("{EXAMPLE_ID}.ron"))
            .exists()
    );
}
