//! Excel workbooks: a sheet per table, dates as real date cells (so they
//! sort and filter as dates), the header row frozen, an autofilter on it,
//! and columns wide enough to read.

use crate::measures::model::{ComparatorKind, Figure, MeasureRegister};
use crate::session::register::{ActionRow, LevelPoint};
use jiff::civil::Date;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Date(Date),
    Number(f64),
    Empty,
}

impl From<Option<Date>> for Cell {
    fn from(date: Option<Date>) -> Cell {
        date.map_or(Cell::Empty, Cell::Date)
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A named sheet: header and rows. Measures add their own sheets this way.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Text narrower than this is shown whole; longer text wraps in the cell.
const MAX_WIDTH: usize = 60;

fn width(cell: &Cell) -> usize {
    match cell {
        Cell::Text(t) => t.lines().map(|l| l.chars().count()).max().unwrap_or(0),
        Cell::Date(_) => 10,
        Cell::Number(n) => n.to_string().len(),
        Cell::Empty => 0,
    }
}

fn write_sheet(workbook: &mut Workbook, sheet: &Sheet) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap();
    let ws = workbook.add_worksheet();
    ws.set_name(&sheet.name)?;
    for (c, name) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, name, &bold)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) if t.chars().count() > MAX_WIDTH || t.contains('\n') => {
                    ws.write_string_with_format(r, c, t, &wrap)?;
                }
                Cell::Text(t) => {
                    ws.write_string(r, c, t)?;
                }
                Cell::Date(d) => {
                    let when =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(r, c, &when, &date)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Cell::Empty => {}
            }
        }
    }
    for c in 0..sheet.header.len() {
        let widest = sheet
            .rows
            .iter()
            .filter_map(|row| row.get(c))
            .map(width)
            .chain([sheet.header[c].chars().count() + 3])
            .max()
            .unwrap_or(8)
            .clamp(8, MAX_WIDTH);
        ws.set_column_width(c as u16, widest as f64 + 1.0)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = sheet.header.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, sheet.rows.len() as u32, last_col)?;
    Ok(())
}

/// A workbook of the given sheets, as bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    for sheet in sheets {
        write_sheet(&mut workbook, sheet)?;
    }
    workbook.save_to_buffer()
}

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

pub fn actions_sheet(rows: &[ActionRow]) -> Sheet {
    let rows = rows
        .iter()
        .map(|row| {
            let last = row.last_update();
            vec![
                text(&row.id),
                text(&row.session_id),
                text(&row.session_title),
                Cell::Date(row.session_date),
                text(row.kind.slug()),
                text(&row.framework),
                text(row.items.join(", ")),
                text(&row.text),
                text(&row.owner),
                row.due.into(),
                text(row.status.label()),
                row.done_on.into(),
                last.map(|l| l.update.date).into(),
                last.map_or(Cell::Empty, |l| text(&l.update.note)),
            ]
        })
        .collect();
    Sheet {
        name: "Actions".to_owned(),
        header: header(&super::csv::ACTION_HEADER),
        rows,
    }
}

/// Levels as agreed, one row per item per session, with the level word;
/// the level is a number cell so it sorts, never summed by us.
pub fn levels_sheet(points: &[LevelPoint], names: &super::csv::LevelNames) -> Sheet {
    let rows = points
        .iter()
        .map(|p| {
            let item = (names.item)(p);
            vec![
                text(item.number),
                text(item.title),
                text(item.agency),
                text(&p.session_id),
                text(&p.session_title),
                Cell::Date(p.session_date),
                text(p.locality.clone().unwrap_or_default()),
                p.level.map_or(Cell::Empty, |l| Cell::Number(f64::from(l))),
                text(names.level_word(p)),
                text(super::csv::spread_text(p)),
            ]
        })
        .collect();
    Sheet {
        name: "Levels".to_owned(),
        header: header(&super::csv::LEVEL_HEADER),
        rows,
    }
}

pub const MEASURE_VALUE_HEADER: [&str; 13] = [
    "measure",
    "title",
    "period",
    "period start",
    "period end",
    "value",
    "numerator",
    "denominator",
    "shown",
    "national",
    "statistical neighbours",
    "target",
    "note",
];

fn comparator(value: &crate::measures::model::Value, kind: ComparatorKind) -> Cell {
    value
        .comparators
        .iter()
        .find(|c| c.kind == kind)
        .map_or(Cell::Empty, |c| Cell::Number(c.value))
}

/// Every value of every measure, one row each, in period order: the
/// period's first and last days as date cells, the figure as numbers.
pub fn measure_values_sheet(register: &MeasureRegister) -> Sheet {
    let mut rows = Vec::new();
    for m in &register.measures {
        let mut values: Vec<_> = m.values.iter().collect();
        values.sort_by_key(|v| v.period);
        for v in values {
            let (numerator, denominator) = match v.figure {
                Figure::Fraction {
                    numerator,
                    denominator,
                } => (Cell::Number(numerator), Cell::Number(denominator)),
                Figure::Number(_) => (Cell::Empty, Cell::Empty),
            };
            rows.push(vec![
                text(&m.id),
                text(&m.title),
                text(v.period.to_string()),
                Cell::Date(v.period.first_day()),
                Cell::Date(v.period.last_day()),
                Cell::Number(v.figure.amount()),
                numerator,
                denominator,
                text(crate::measures::reading::figure(v.figure, m.unit)),
                comparator(v, ComparatorKind::National),
                comparator(v, ComparatorKind::StatisticalNeighbours),
                comparator(v, ComparatorKind::Target),
                text(v.note.trim()),
            ]);
        }
    }
    Sheet {
        name: "Measure values".to_owned(),
        header: header(&MEASURE_VALUE_HEADER),
        rows,
    }
}
