//! CSV that Excel and LibreOffice open as they should: RFC 4180 with CRLF
//! line ends, UTF-8 with a byte-order mark (without it Excel reads accents
//! as the wrong characters), ISO dates, and any cell that a spreadsheet
//! would run as a formula neutralised.

use super::common::ItemName;
use crate::session::model::Session;
use crate::session::register::{ActionRow, LevelPoint};
use jiff::civil::Date;

const BOM: &[u8] = "\u{feff}".as_bytes();

/// A cell a spreadsheet would take for a formula (`= + - @`, or a tab or
/// carriage return in front of one) gets a leading apostrophe, which
/// spreadsheets show as text and do not run (OWASP's advice).
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// A table as CSV bytes: the header, then each row, every cell
/// neutralised. Measures (and anything else tabular) use this too.
pub fn table_csv(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut table = CsvRows::new(header);
    for row in rows {
        table.row(row);
    }
    table.finish()
}

/// A CSV table written into memory a row at a time (for rows read one by
/// one, so that they need not all be held first).
pub struct CsvRows(::csv::Writer<Vec<u8>>);

impl CsvRows {
    pub fn new(header: &[&str]) -> CsvRows {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(BOM.to_vec());
        // Writing into memory cannot fail; rows of a different length are
        // a bug in the caller, caught by the tests.
        writer.write_record(header).expect("csv header");
        CsvRows(writer)
    }

    pub fn row(&mut self, row: &[String]) {
        self.0
            .write_record(row.iter().map(|c| neutralise(c)))
            .expect("csv row");
    }

    pub fn finish(self) -> Vec<u8> {
        self.0.into_inner().expect("csv into memory")
    }
}

fn date(d: Option<Date>) -> String {
    d.map_or_else(String::new, |d| d.to_string())
}

pub const ACTION_HEADER: [&str; 14] = [
    "id",
    "session",
    "session title",
    "session date",
    "kind",
    "framework",
    "items",
    "action",
    "owner",
    "due",
    "status",
    "done on",
    "last update",
    "last note",
];

/// One row per action (priorities, milestones, agreed and daily actions).
pub fn action_rows(rows: &[ActionRow]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| {
            let last = row.last_update();
            vec![
                row.id.clone(),
                row.session_id.clone(),
                row.session_title.clone(),
                row.session_date.to_string(),
                row.kind.slug().to_owned(),
                row.framework.clone(),
                row.items.join(", "),
                row.text.clone(),
                row.owner.clone(),
                date(row.due),
                row.status.label().to_owned(),
                date(row.done_on),
                date(last.map(|l| l.update.date)),
                last.map_or_else(String::new, |l| l.update.note.clone()),
            ]
        })
        .collect()
}

pub fn actions_csv(rows: &[ActionRow]) -> Vec<u8> {
    table_csv(&ACTION_HEADER, &action_rows(rows))
}

pub const LEVEL_HEADER: [&str; 10] = [
    "number",
    "item",
    "agency",
    "session",
    "session title",
    "session date",
    "locality",
    "level",
    "level word",
    "each participant",
];

/// How the level rows name things: each item (number, own title, agency)
/// and each level's word on its session's scale.
pub struct LevelNames<'a> {
    pub item: &'a dyn Fn(&LevelPoint) -> ItemName,
    pub word: &'a dyn Fn(&LevelPoint, u8) -> Option<String>,
    /// Where the item takes no level (an Ofsted statement): what stands in
    /// the word column instead of a blank that would look like a gap.
    pub no_level: &'a dyn Fn(&LevelPoint) -> Option<String>,
}

impl LevelNames<'_> {
    /// The level's word, or what the item records in place of a level.
    pub fn level_word(&self, p: &LevelPoint) -> String {
        match p.level {
            Some(l) => (self.word)(p, l).unwrap_or_default(),
            None => (self.no_level)(p).unwrap_or_default(),
        }
    }
}

/// "participant: level; ..." for a row.
pub fn spread_text(point: &LevelPoint) -> String {
    let spread: Vec<String> = point
        .spread
        .iter()
        .map(|i| format!("{}: {}", i.participant, i.level))
        .collect();
    spread.join("; ")
}

/// One item's level in one session, as a row of `LEVEL_HEADER`: the level
/// as agreed, its word and the spread of individual levels. Never a total
/// or an average.
pub fn level_row(p: &LevelPoint, names: &LevelNames) -> Vec<String> {
    let item = (names.item)(p);
    vec![
        item.number,
        item.title,
        item.agency,
        p.session_id.clone(),
        p.session_title.clone(),
        p.session_date.to_string(),
        p.locality.clone().unwrap_or_default(),
        p.level.map_or_else(String::new, |l| l.to_string()),
        names.level_word(p),
        spread_text(p),
    ]
}

pub const PRIORITY_HEADER: [&str; 10] = [
    "number",
    "id",
    "statement",
    "owner",
    "deadline",
    "milestones",
    "measure of success",
    "serves",
    "status",
    "done on",
];

/// One session's priorities (agreed actions, daily actions).
pub fn priorities_csv(session: &Session) -> Vec<u8> {
    let rows: Vec<Vec<String>> = session
        .priorities
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let milestones: Vec<String> = p
                .milestones
                .iter()
                .map(|m| match m.date {
                    Some(d) => format!("{} ({d})", m.text),
                    None => m.text.clone(),
                })
                .collect();
            vec![
                (n + 1).to_string(),
                p.id.clone(),
                p.statement.clone(),
                p.owner.clone(),
                date(p.deadline),
                milestones.join("; "),
                p.measure_of_success.clone(),
                p.serves.join(", "),
                p.status.label().to_owned(),
                date(p.done_on),
            ]
        })
        .collect();
    table_csv(&PRIORITY_HEADER, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for cell in ["=1+1", "+1", "-2", "@SUM(A1)", "\t=x", "\r=x"] {
            assert!(neutralise(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(neutralise("Police"), "Police");
        assert_eq!(neutralise("2026-01-01"), "2026-01-01");
    }

    #[test]
    fn bom_and_crlf() {
        let bytes = table_csv(&["a", "b"], &[vec!["é".into(), "x\ny".into()]]);
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(text.contains("a,b\r\n"));
        assert!(text.ends_with("\"x\ny\"\r\n"));
    }
}
