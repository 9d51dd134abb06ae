//! The Report Book (`howgood report`) and `measures list --format`: the
//! HTML checked by `quick-xml` (well-formed, every chart labelled, no
//! script, every contents link resolving), the workbook by `calamine`
//! (dates as dates), the CSV by the `csv` crate in strict mode. Built
//! from the worked example in sessions/: two workshops and two measures.

mod common;
use common::cli::{export as run, howgood};
use common::strict_csv;
use howgood::measures::file as measures_file;
use howgood::session::codec;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const EXAMPLES: [&str; 2] = [
    "sessions/2026-11-24-northshire-lscb-workshop-example.ron",
    "sessions/2027-05-18-northshire-lscb-follow-up-example.ron",
];
const MEASURES: &str = "sessions/measures.ron";
/// Words of the private evidence item in the follow-up.
const PRIVATE_TEXT: &str = "account of one family";

fn private_dir(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(path).expect("dir");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700)).expect("mode");
}

fn install(from: &Path, to: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::copy(from, to).expect("copy");
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o600)).expect("mode");
}

/// A data folder holding the worked example: both sessions and the
/// measures register, installed as the README says.
fn with_example() -> TempDir {
    let home = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = home.path().join("data");
    private_dir(&data);
    private_dir(&data.join("sessions"));
    private_dir(&data.join("measures"));
    for example in EXAMPLES {
        let from = root.join(example);
        install(
            &from,
            &data.join("sessions").join(from.file_name().expect("name")),
        );
    }
    install(
        &root.join(MEASURES),
        &data.join("measures").join("measures.ron"),
    );
    home
}

fn book(home: &Path, extra: &[&str]) -> (String, String) {
    let out: PathBuf = home.join("book.html");
    let mut args = vec!["report", "--partnership", "Northshire LSCB"];
    args.extend_from_slice(extra);
    let (bytes, stderr) = run(home, &args, &out);
    (String::from_utf8(bytes).expect("utf-8"), stderr)
}

/// Well-formed, every svg/img labelled, no script; returns every id and
/// every in-page link target.
fn check_html(html: &str) -> (Vec<String>, Vec<String>, usize) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(html);
    let (mut ids, mut links, mut charts) = (Vec::new(), Vec::new(), 0);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = e.name().as_ref().to_owned();
                assert_ne!(name, "script", "no scripts");
                let attributes: Vec<(String, String)> = e
                    .attributes()
                    .flatten()
                    .map(|a| {
                        let value = a.value.to_string();
                        (a.key.as_ref().to_owned(), value)
                    })
                    .collect();
                if name == "img" || name == "svg" {
                    charts += 1;
                    assert!(
                        attributes.iter().any(|(k, _)| matches!(
                            k.as_str(),
                            "alt" | "aria-label" | "aria-labelledby"
                        )),
                        "no text alternative"
                    );
                }
                for (key, value) in attributes {
                    assert!(!key.starts_with("on"), "no event handlers");
                    match key.as_str() {
                        "id" => ids.push(value),
                        "href" => {
                            assert!(value.starts_with('#'), "nothing fetched: {value}");
                            links.push(value[1..].to_owned());
                        }
                        "src" => panic!("nothing fetched: {value}"),
                        _ => {}
                    }
                }
            }
            Ok(_) => {}
            Err(error) => panic!("not well-formed at {}: {error}", reader.buffer_position()),
        }
    }
    (ids, links, charts)
}

#[test]
fn the_report_book_is_well_formed_labelled_and_its_contents_resolve() {
    let home = with_example();
    let (html, stderr) = book(home.path(), &["--from", "2026-01-01", "--to", "2027-12-31"]);
    let (ids, links, charts) = check_html(&html);
    assert_eq!(charts, 2, "one chart per measure");
    assert!(links.len() >= 4, "a contents page: {links:?}");
    for link in &links {
        assert!(ids.contains(link), "contents link #{link} has no target");
    }
    for (n, id) in ids.iter().enumerate() {
        assert!(!ids[n + 1..].contains(id), "id {id} used twice");
    }
    // Title page, period, the framework's words and whose they are.
    assert!(html.contains("Northshire LSCB"));
    assert!(html.contains("2026-01-01 to 2027-12-31"));
    assert!(html.contains("David Worlock for Local Government Improvement"));
    assert!(html.contains("HM Inspectorate of Education (2009)"));
    // Both workshops' levels side by side, never averaged.
    assert!(html.contains("Levels agreed in workshops"));
    assert!(html.contains("never averaged"));
    assert!(html.contains("2027-05-18"));
    // A priority carried forward is shown once, as its latest link.
    assert_eq!(
        html.matches("The views of every child under five").count(),
        1,
        "carried priority listed once"
    );
    // The story behind the curve, from the latest worksheet.
    assert!(html.contains("The story behind the curve"));
    // Private evidence left out, and the book and the terminal say so.
    assert!(!html.contains(PRIVATE_TEXT));
    assert!(html.contains("2 private evidence items not included"));
    assert!(stderr.contains("2 private evidence items not included"));
    // Only the follow-up (and its one private item) in a later period.
    let (html, _) = book(home.path(), &["--from", "2027-01-01"]);
    assert!(html.contains("1 private evidence item not included"));
    assert!(
        !html.contains("(2026-11-20)</th>"),
        "the first workshop's levels are outside"
    );
}

/// Text as minijinja's HTML escaping writes it.
fn html_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

#[test]
fn module_two_is_quoted_word_for_word_and_attributed() {
    use howgood::content::library::{Library, embedded_files};
    let home = with_example();
    let (html, _) = book(home.path(), &["--framework", "lscb-qaf"]);
    let library = Library::assemble(embedded_files(), Vec::new());
    let lscb = library
        .framework("lscb-qaf")
        .and_then(|f| f.content.as_ref())
        .expect("lscb");
    let register = measures_file::read(&home.path().join("data/measures")).expect("measures");
    for measure in &register.measures {
        let area = measure
            .area
            .as_deref()
            .expect("each example measure serves an area");
        let good: Vec<_> = lscb.good.iter().filter(|g| g.area == area).collect();
        assert!(!good.is_empty(), "{area} has Module 2 statements");
        for statement in good {
            let escaped = html_escaped(&statement.text);
            assert!(
                html.contains(&escaped),
                "not quoted whole: {}",
                statement.text
            );
        }
        assert!(html.contains(&format!("id=\"area-{area}\"")));
    }
    assert!(html.contains("What &#x27;good&#x27; looks like (Module 2)"));
    assert!(html.contains("Quoted from David Worlock"));
}

#[test]
fn private_evidence_comes_in_only_when_asked_and_the_book_says_so() {
    let home = with_example();
    let (html, stderr) = book(home.path(), &["--include-private"]);
    check_html(&html);
    assert!(html.contains(PRIVATE_TEXT), "private item shown");
    assert!(html.contains("includes evidence marked private"));
    assert!(!stderr.contains("not included"));
}

#[test]
fn stories_from_a_file_land_in_their_area_and_markup_stays_text() {
    let home = with_example();
    let stories = home.path().join("stories.md");
    std::fs::write(
        &stories,
        "## workforce\nA newly qualified worker: <b>supervision</b> kept me going.\n\n## Somewhere else\nA parent's letter.\n",
    )
    .expect("write");
    let (html, _) = book(
        home.path(),
        &["--stories", stories.to_str().expect("utf-8")],
    );
    check_html(&html);
    let workforce = html
        .find("id=\"area-workforce\"")
        .expect("workforce section");
    let story = html
        .find("A newly qualified worker: &lt;b&gt;supervision&lt;&#x2f;b&gt;")
        .expect("story escaped");
    assert!(story > workforce);
    assert!(html.contains("id=\"stories\""), "unplaced stories kept");
    assert!(html.contains("A parent&#x27;s letter."));
}

#[test]
fn a_period_with_nothing_in_it_says_so() {
    let home = with_example();
    let (html, _) = book(home.path(), &["--from", "2020-01-01", "--to", "2020-12-31"]);
    check_html(&html);
    assert!(html.contains("Nothing was recorded in this period"));
    let output = howgood(home.path())
        .args([
            "report",
            "--from",
            "2021-01-01",
            "--to",
            "2020-01-01",
            "-o",
            "-",
        ])
        .output()
        .expect("runs");
    assert!(!output.status.success(), "--from after --to is refused");
}

#[test]
fn the_report_workbook_has_actions_levels_and_values_with_real_dates() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let home = with_example();
    let out = home.path().join("book.xlsx");
    run(home.path(), &["report", "--format", "xlsx"], &out);
    let mut workbook: Xlsx<_> = open_workbook(&out).expect("opens");
    assert_eq!(
        workbook.sheet_names(),
        ["Actions", "Levels", "Measure values"]
    );
    for (sheet, column) in [
        ("Actions", "due"),
        ("Levels", "session date"),
        ("Measure values", "period start"),
    ] {
        let range = workbook.worksheet_range(sheet).expect("sheet");
        let header: Vec<String> = range
            .rows()
            .next()
            .expect("header")
            .iter()
            .map(|c| c.to_string())
            .collect();
        let at = header.iter().position(|h| h == column).expect(column);
        let dated: Vec<&Data> = range
            .rows()
            .skip(1)
            .map(|r| &r[at])
            .filter(|c| !matches!(c, Data::Empty))
            .collect();
        assert!(!dated.is_empty(), "{sheet} has {column}");
        for cell in dated {
            assert!(
                matches!(cell, Data::DateTime(d) if d.is_datetime()),
                "{sheet}: {cell:?}"
            );
        }
    }
    let levels = workbook.worksheet_range("Levels").expect("levels");
    assert_eq!(levels.rows().count(), 1 + 4, "two items in two sessions");
    let values = workbook.worksheet_range("Measure values").expect("values");
    assert!(values.rows().count() > 8);
}

#[test]
fn measures_list_as_csv_and_xlsx() {
    use calamine::{Reader, Xlsx, open_workbook};
    let home = with_example();
    let out = home.path().join("m.csv");
    let (bytes, _) = run(
        home.path(),
        &[
            "measures",
            "list",
            "--today",
            "2027-06-01",
            "--format",
            "csv",
        ],
        &out,
    );
    let (header, records) = strict_csv(&bytes);
    assert_eq!(header[0], "id");
    assert!(header.contains(&"change".to_owned()));
    let register = measures_file::read(&home.path().join("data/measures")).expect("measures");
    assert_eq!(records.len(), register.measures.len());
    for (record, measure) in records.iter().zip(&register.measures) {
        assert_eq!(&record[0], measure.id.as_str());
        assert_eq!(&record[1], measure.title.as_str());
    }
    let out = home.path().join("m.xlsx");
    run(home.path(), &["measures", "list", "--format", "xlsx"], &out);
    let mut workbook: Xlsx<_> = open_workbook(&out).expect("opens");
    let range = workbook.worksheet_range("Measures").expect("sheet");
    assert_eq!(range.rows().count(), 1 + register.measures.len());
}

#[test]
fn the_worked_example_follow_up_and_measures_are_read_by_howgood() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let first = codec::decode(&std::fs::read(root.join(EXAMPLES[0])).expect("read"))
        .expect("decodes")
        .session;
    let bytes = std::fs::read(root.join(EXAMPLES[1])).expect("read");
    let decoded = codec::decode(&bytes).expect("decodes");
    assert!(decoded.unknown_fields.is_empty());
    let follow_up = decoded.session;
    assert_eq!(
        codec::encode(&follow_up).expect("encodes").as_bytes(),
        bytes.as_slice(),
        "written as howgood writes it"
    );
    assert_eq!(follow_up.follows.as_deref(), Some(first.id.as_str()));
    assert!(follow_up.created > first.created);
    let carried = follow_up
        .priorities
        .iter()
        .filter_map(|p| p.carries.as_ref())
        .collect::<Vec<_>>();
    assert!(
        carried
            .iter()
            .all(|c| c.session == first.id && first.priorities.iter().any(|p| p.id == c.action))
    );
    let register = measures_file::decode(&std::fs::read(root.join(MEASURES)).expect("read"))
        .expect("measures decode");
    assert!(register.read_only_reason().is_none());
    assert_eq!(register.register.measures.len(), 2, "two measures");
    for measure in &register.register.measures {
        assert!(measure.values.len() >= 4, "a curve to draw");
        assert!(measure.latest_worksheet().is_some(), "a story behind it");
    }
}

#[test]
fn stories_files_split_at_second_level_headings() {
    let parsed = howgood::export::report::parse_stories(
        "Before any heading.\n## workforce\nOne.\nTwo.\n## 7\n\n## neglect\nThree.\n",
    );
    assert_eq!(
        parsed,
        [
            ("Stories".to_owned(), "Before any heading.".to_owned()),
            ("workforce".to_owned(), "One.\nTwo.".to_owned()),
            ("neglect".to_owned(), "Three.".to_owned()),
        ]
    );
}

#[test]
fn a_council_template_in_the_config_folder_replaces_the_book() {
    let home = with_example();
    let templates = home.path().join("config").join("templates");
    std::fs::create_dir_all(&templates).expect("dir");
    std::fs::write(
        templates.join("report.html"),
        "{% extends \"base.html\" %}{% block body %}<h1>Northshire Council: {{ b.partnership }}</h1>{% for s in b.sections %}<h2 id=\"{{ s.anchor }}\">{{ s.title }}</h2>{% endfor %}{% endblock %}",
    )
    .expect("write");
    let (html, _) = book(home.path(), &[]);
    check_html(&html);
    assert!(html.contains("<h1>Northshire Council: Northshire LSCB</h1>"));
    assert!(!html.contains("Contents"), "the embedded book is replaced");
}
