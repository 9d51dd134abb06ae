//! Reporting periods: a month (`2026-03`), a quarter (`2026-Q3`) or a year
//! (`2026`). Written in files and on the command line in exactly that form.
//! Quarters are calendar quarters (Q1 is January to March): a council that
//! reports by financial year writes the calendar quarter it means.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How often a measure is reported, and so which periods it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Frequency {
    Monthly,
    Quarterly,
    Annual,
}

impl Frequency {
    pub const ALL: [Frequency; 3] = [Frequency::Monthly, Frequency::Quarterly, Frequency::Annual];

    pub fn slug(self) -> &'static str {
        match self {
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Annual => "annual",
        }
    }

    pub fn from_slug(text: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|f| f.slug() == text)
    }

    /// How a period of this frequency is written, for error messages.
    pub fn example(self) -> &'static str {
        match self {
            Frequency::Monthly => "a month such as 2026-03",
            Frequency::Quarterly => "a quarter such as 2026-Q3",
            Frequency::Annual => "a year such as 2026",
        }
    }
}

/// One reporting period. Ordered by when it starts, then by length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Period {
    Month { year: i16, month: i8 },
    Quarter { year: i16, quarter: i8 },
    Year { year: i16 },
}

impl Period {
    pub fn frequency(self) -> Frequency {
        match self {
            Period::Month { .. } => Frequency::Monthly,
            Period::Quarter { .. } => Frequency::Quarterly,
            Period::Year { .. } => Frequency::Annual,
        }
    }

    /// Months since year 0 at the start, and the length in months.
    fn span(self) -> (i32, i32) {
        match self {
            Period::Month { year, month } => (i32::from(year) * 12 + i32::from(month) - 1, 1),
            Period::Quarter { year, quarter } => {
                (i32::from(year) * 12 + (i32::from(quarter) - 1) * 3, 3)
            }
            Period::Year { year } => (i32::from(year) * 12, 12),
        }
    }

    fn from_months(start: i32, frequency: Frequency) -> Option<Period> {
        let year = i16::try_from(start.div_euclid(12)).ok()?;
        let month = i8::try_from(start.rem_euclid(12) + 1).ok()?;
        let period = match frequency {
            Frequency::Monthly => Period::Month { year, month },
            Frequency::Quarterly => Period::Quarter {
                year,
                quarter: (month - 1) / 3 + 1,
            },
            Frequency::Annual => Period::Year { year },
        };
        period.validated().ok()
    }

    /// The period after this one, of the same kind.
    pub fn next(self) -> Option<Period> {
        let (start, length) = self.span();
        Period::from_months(start + length, self.frequency())
    }

    /// Periods from this one to `other`, counted in periods of this kind.
    pub fn steps_to(self, other: Period) -> i32 {
        let (a, length) = self.span();
        let (b, _) = other.span();
        (b - a) / length
    }

    pub fn first_day(self) -> Date {
        let (start, _) = self.span();
        Date::new(
            (start.div_euclid(12)) as i16,
            (start.rem_euclid(12) + 1) as i8,
            1,
        )
        .unwrap_or(Date::MIN)
    }

    pub fn last_day(self) -> Date {
        self.next()
            .map(|n| n.first_day().yesterday().unwrap_or(Date::MAX))
            .unwrap_or(Date::MAX)
    }

    /// The period of this frequency that holds `date`.
    pub fn containing(frequency: Frequency, date: Date) -> Option<Period> {
        let months = i32::from(date.year()) * 12 + i32::from(date.month()) - 1;
        Period::from_months(months, frequency)
    }

    /// A period as spreadsheets write it, for a measure of `frequency`:
    /// our own forms, a day inside it (`2025-04-30`, `30/04/2025`), or a
    /// month by name (`Apr 2025`, `April 2025`, `Apr-25`).
    pub fn from_spreadsheet(text: &str, frequency: Frequency) -> Result<Period, String> {
        if let Ok(period) = text.parse::<Period>() {
            return Ok(period);
        }
        let text = text.trim();
        // A space in a form also matches no space, so `Apr-26` would read
        // as the year -26 under `%b %Y`: only plausible years count.
        let forms = [
            ("%Y-%m-%d", ""),
            ("%d/%m/%Y", ""),
            ("%d %b %Y", "01 "),
            ("%d %B %Y", "01 "),
            ("%d-%b-%y", "01-"),
        ];
        let day = forms.iter().find_map(|(form, prefix)| {
            Date::strptime(form, format!("{prefix}{text}"))
                .ok()
                .filter(|d| (1900..=2999).contains(&d.year()))
        });
        day.and_then(|d| Period::containing(frequency, d))
            .ok_or_else(|| format!("{text:?}: {EXPECTED}, a date, or a month such as Apr 2025"))
    }

    /// The latest period of this frequency that has ended by `today`.
    pub fn last_ended(frequency: Frequency, today: Date) -> Option<Period> {
        let months = i32::from(today.year()) * 12 + i32::from(today.month()) - 1;
        let current = Period::from_months(months, frequency)?;
        let (start, _) = current.span();
        let length = current.span().1;
        Period::from_months(start - length, frequency)
    }

    fn validated(self) -> Result<Period, String> {
        let year = match self {
            Period::Month { year, month } if !(1..=12).contains(&month) => {
                return Err(format!("{year}-{month:02}: a month is 01 to 12"));
            }
            Period::Quarter { year, quarter } if !(1..=4).contains(&quarter) => {
                return Err(format!("{year}-Q{quarter}: a quarter is Q1 to Q4"));
            }
            Period::Month { year, .. } | Period::Quarter { year, .. } | Period::Year { year } => {
                year
            }
        };
        if !(1900..=2999).contains(&year) {
            return Err(format!("{year}: a year from 1900 to 2999"));
        }
        Ok(self)
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.span().cmp(&other.span())
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month { year, month } => write!(f, "{year}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year}-Q{quarter}"),
            Period::Year { year } => write!(f, "{year}"),
        }
    }
}

const EXPECTED: &str = "expected a month (2026-03), a quarter (2026-Q3) or a year (2026)";

fn number<T: FromStr>(text: &str, digits: usize) -> Option<T> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

impl FromStr for Period {
    type Err = String;

    fn from_str(text: &str) -> Result<Period, String> {
        let text = text.trim();
        let bad = || format!("{text:?}: {EXPECTED}");
        let period = match text.split_once('-') {
            None => Period::Year {
                year: number(text, 4).ok_or_else(bad)?,
            },
            Some((year, rest)) => {
                let year = number(year, 4).ok_or_else(bad)?;
                match rest.strip_prefix(['Q', 'q']) {
                    Some(q) => Period::Quarter {
                        year,
                        quarter: number(q, 1).ok_or_else(bad)?,
                    },
                    None => Period::Month {
                        year,
                        month: number(rest, 2).ok_or_else(bad)?,
                    },
                }
            }
        };
        period.validated()
    }
}

impl TryFrom<String> for Period {
    type Error = String;
    fn try_from(text: String) -> Result<Period, String> {
        text.parse()
    }
}

impl From<Period> for String {
    fn from(period: Period) -> String {
        period.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Period {
        text.parse().expect("period")
    }

    #[test]
    fn periods_read_and_write_the_same_text() {
        for text in ["2026-03", "2026-Q3", "2026", "1999-12", "2025-Q1"] {
            assert_eq!(p(text).to_string(), text);
        }
        assert_eq!(p("2026-q2").to_string(), "2026-Q2");
    }

    #[test]
    fn bad_periods_are_refused_with_the_accepted_forms() {
        for text in [
            "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-Q1", "2026-3", "Q3", "", "2026/03",
            "March", "2026-Q12", "0999",
        ] {
            let error = text.parse::<Period>().expect_err(text);
            assert!(
                error.contains("month") || error.contains("year") || error.contains("quarter"),
                "{text}: {error}"
            );
        }
    }

    #[test]
    fn periods_are_ordered_by_time() {
        let mut periods = [
            p("2026-Q1"),
            p("2025-12"),
            p("2025"),
            p("2026-01"),
            p("2025-Q4"),
        ];
        periods.sort();
        let shown: Vec<String> = periods.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2025", "2025-Q4", "2025-12", "2026-01", "2026-Q1"]);
        assert!(p("2025-Q4") < p("2026-Q1"));
        assert_eq!(p("2025-Q4").next(), Some(p("2026-Q1")));
        assert_eq!(p("2025-12").next(), Some(p("2026-01")));
        assert_eq!(p("2025-Q1").steps_to(p("2026-Q3")), 6);
    }

    #[test]
    fn days_and_the_last_ended_period() {
        assert_eq!(p("2026-Q1").last_day().to_string(), "2026-03-31");
        assert_eq!(p("2024-02").last_day().to_string(), "2024-02-29");
        let today: Date = "2026-05-10".parse().expect("date");
        let monthly = Frequency::Monthly;
        for text in [
            "2026-04",
            "2026-04-30",
            "30/04/2026",
            "Apr 2026",
            "April 2026",
            "Apr-26",
        ] {
            let period = Period::from_spreadsheet(text, monthly).expect(text);
            assert_eq!(period, p("2026-04"), "{text}");
        }
        let quarter = Period::from_spreadsheet("2026-05-10", Frequency::Quarterly).expect("date");
        assert_eq!(quarter, p("2026-Q2"));
        assert!(Period::from_spreadsheet("soon", monthly).is_err());
        assert_eq!(
            Period::last_ended(Frequency::Quarterly, today),
            Some(p("2026-Q1"))
        );
        assert_eq!(
            Period::last_ended(Frequency::Monthly, today),
            Some(p("2026-04"))
        );
        assert_eq!(
            Period::last_ended(Frequency::Annual, today),
            Some(p("2025"))
        );
    }
}
