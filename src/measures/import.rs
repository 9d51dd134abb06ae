//! Values from a CSV file as a council performance team exports it: one
//! row per measure and period, a header row naming the columns. Columns
//! are matched by their header (any case) or mapped by the user. Every row
//! is checked against the register as it would be after the rows before
//! it; any bad row means nothing is imported, and each is named
//! `file:line: message`.

use super::edit;
use super::model::{Breakdown, Comparator, ComparatorKind, Figure, MeasureRegister};
use super::period::Period;
use super::reading::comparator_from_slug;
use std::collections::HashMap;
use std::path::Path;

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The measure's id or title.
    Measure,
    Period,
    Value,
    Numerator,
    Denominator,
    Comparator(ComparatorKind),
    Breakdown(String),
    Note,
    Ignore,
}

pub const FIELDS: &str = "measure, period, value, numerator, denominator, national, statistical-neighbours, target, note, breakdown:NAME or ignore";

impl std::str::FromStr for Field {
    type Err = String;
    fn from_str(text: &str) -> Result<Field, String> {
        let lower = text.trim().to_lowercase();
        if let Some(name) = text.trim().strip_prefix("breakdown:") {
            return Ok(Field::Breakdown(name.trim().to_owned()));
        }
        if let Some(kind) = comparator_from_slug(&lower) {
            return Ok(Field::Comparator(kind));
        }
        Ok(match lower.as_str() {
            "measure" | "measure id" | "measure title" | "measure name" | "indicator"
            | "indicator name" | "kpi" => Field::Measure,
            "period" | "month" | "quarter" | "year" | "date" | "period ending" => Field::Period,
            "value" | "actual" | "result" => Field::Value,
            "numerator" => Field::Numerator,
            "denominator" => Field::Denominator,
            "note" | "commentary" | "comment" => Field::Note,
            "ignore" => Field::Ignore,
            _ => return Err(format!("{text:?} is not a field; fields are {FIELDS}")),
        })
    }
}

/// A `COLUMN=FIELD` mapping from the command line.
pub fn parse_map(text: &str) -> Result<(String, Field), String> {
    let (column, field) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("{text:?}: expected COLUMN=FIELD"))?;
    Ok((column.trim().to_lowercase(), field.parse()?))
}

/// The register with the file's values added, and how many were added;
/// or every problem, each as `file:line: message`.
pub fn import(
    register: &MeasureRegister,
    path: &Path,
    bytes: &[u8],
    map: &[(String, Field)],
) -> Result<(MeasureRegister, usize), Vec<String>> {
    let name = path.display().to_string();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| vec![format!("{name}:1: {e}")])?
        .clone();
    let fields = column_fields(&headers, map).map_err(|e| vec![format!("{name}:1: {e}")])?;
    let mut updated = register.clone();
    let mut problems = Vec::new();
    let mut added = 0;
    for record in reader.records() {
        let outcome = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            (line, e.to_string())
        });
        let outcome = outcome.and_then(|r| {
            let line = r.position().map_or(0, |p| p.line());
            apply_row(&mut updated, &fields, &r).map_err(|m| (line, m))
        });
        match outcome {
            Ok(()) => added += 1,
            Err((line, message)) => problems.push(format!("{name}:{line}: {message}")),
        }
    }
    if problems.is_empty() {
        Ok((updated, added))
    } else {
        Err(problems)
    }
}

/// Each column's field, from the user's map or its header.
fn column_fields(
    headers: &csv::StringRecord,
    map: &[(String, Field)],
) -> Result<Vec<Field>, String> {
    let mapped: HashMap<&str, &Field> = map.iter().map(|(c, f)| (c.as_str(), f)).collect();
    let fields: Vec<Field> = headers
        .iter()
        .map(|h| match mapped.get(h.to_lowercase().as_str()) {
            Some(field) => Ok((*field).clone()),
            None => h.parse().map_err(|_| {
                format!("column {h:?} is not a field howgood knows: map it with --map {h:?}=FIELD ({FIELDS})")
            }),
        })
        .collect::<Result<_, _>>()?;
    for needed in [Field::Measure, Field::Period] {
        if !fields.contains(&needed) {
            return Err(
                format!("no {needed:?} column; map one with --map COLUMN={needed:?}")
                    .to_lowercase(),
            );
        }
    }
    if !fields.contains(&Field::Value) && !fields.contains(&Field::Numerator) {
        return Err("no value (or numerator) column; map one with --map COLUMN=value".to_owned());
    }
    Ok(fields)
}

/// A number as exported: `12`, `12.5`, `1,204`, `37.5%`.
fn number(text: &str, what: &str) -> Result<f64, String> {
    let cleaned = text.trim().trim_end_matches('%').replace(',', "");
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| format!("{what} {text:?} is not a number"))
}

fn apply_row(
    register: &mut MeasureRegister,
    fields: &[Field],
    record: &csv::StringRecord,
) -> Result<(), String> {
    let cell = |wanted: &Field| {
        fields
            .iter()
            .zip(record.iter())
            .find(|(f, c)| *f == wanted && !c.is_empty())
            .map(|(_, c)| c)
    };
    let reference = cell(&Field::Measure).ok_or("the measure is empty")?;
    let index = edit::find(register, reference)?;
    let period_text = cell(&Field::Period).ok_or("the period is empty")?;
    let frequency = register.measures[index].frequency;
    let period = Period::from_spreadsheet(period_text, frequency)?;
    let value = cell(&Field::Value)
        .map(|v| number(v, "value"))
        .transpose()?;
    let numerator = cell(&Field::Numerator)
        .map(|v| number(v, "numerator"))
        .transpose()?;
    let denominator = cell(&Field::Denominator)
        .map(|v| number(v, "denominator"))
        .transpose()?;
    let figure = match (numerator.or(value), denominator) {
        (Some(numerator), Some(denominator)) => Figure::Fraction {
            numerator,
            denominator,
        },
        (Some(n), None) if numerator.is_none() => Figure::Number(n),
        (Some(_), None) => return Err("a numerator needs a denominator".to_owned()),
        (None, _) => return Err("the value is empty".to_owned()),
    };
    let mut entry = edit::value(period, figure);
    for (field, text) in fields.iter().zip(record.iter()) {
        if text.is_empty() {
            continue;
        }
        match field {
            Field::Comparator(kind) => entry.comparators.push(Comparator {
                kind: *kind,
                value: number(text, "comparator")?,
            }),
            Field::Breakdown(name) => entry.breakdowns.push(Breakdown {
                name: name.clone(),
                figure: Figure::Number(number(text, name)?),
            }),
            Field::Note => entry.note = text.to_owned(),
            _ => {}
        }
    }
    edit::record(&mut register.measures[index], entry).map_err(|p| p.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_map_to_fields_by_header_or_by_the_users_map() {
        assert_eq!(
            "Statistical neighbours".parse(),
            Ok(Field::Comparator(ComparatorKind::StatisticalNeighbours))
        );
        assert_eq!("Month".parse(), Ok(Field::Period));
        assert_eq!(
            parse_map("Team North=breakdown:North"),
            Ok(("team north".to_owned(), Field::Breakdown("North".into())))
        );
        assert!(parse_map("Team North").is_err());
        assert!(
            "colour"
                .parse::<Field>()
                .expect_err("unknown")
                .contains("breakdown:NAME")
        );
        assert_eq!(number("1,204", "value"), Ok(1204.0));
        assert_eq!(number("37.5%", "value"), Ok(37.5));
        assert!(number("n/a", "value").is_err());
    }
}
