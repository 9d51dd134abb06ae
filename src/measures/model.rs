//! Tracked performance measures: what each measures, its values period by
//! period, and the Turning the Curve worksheets on it. This is what the
//! measures register file holds.
//!
//! Unknown fields are not denied here: the loader lists them and opens such
//! a file read-only, as it does for sessions.

use super::period::{Frequency, Period};
use crate::content::model::InformationType;
use crate::session::model::{Priority, StableId};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Version of the measures file format written by this howgood.
/// 1: the first format.
pub const MEASURES_FORMAT_VERSION: u32 = 1;

/// Every tracked measure: the whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureRegister {
    /// Always first in the file, so any version can read it.
    pub version: u32,
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Both values of a field two people changed differently on two
    /// machines (written by the sync merge; absent from the file while
    /// empty, so format 1 is unchanged).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<crate::session::model::RecordedConflict>,
}

impl Default for MeasureRegister {
    fn default() -> Self {
        MeasureRegister {
            version: MEASURES_FORMAT_VERSION,
            measures: Vec::new(),
            conflicts: Vec::new(),
        }
    }
}

/// What a measure counts: the whole group it is about, or a sample of it
/// (an audit), as the LSCB framework distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Coverage {
    WholeGroup,
    Sample,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Count,
    Percentage,
    Rate,
    Days,
}

/// Which way is better for the children.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Better {
    Higher,
    Lower,
}

/// What a value is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ComparatorKind {
    National,
    StatisticalNeighbours,
    Target,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// Stable id: given once, never changed.
    pub id: StableId,
    pub title: String,
    /// Quantity, quality or outcome (Module 1, element two).
    pub kind: InformationType,
    #[serde(default)]
    pub definition: String,
    /// What is counted on top, and below, where the measure is a fraction.
    #[serde(default)]
    pub numerator: String,
    #[serde(default)]
    pub denominator: String,
    #[serde(default)]
    pub coverage: Option<Coverage>,
    pub unit: Unit,
    pub better: Better,
    pub frequency: Frequency,
    #[serde(default)]
    pub owner: String,
    /// One of the framework's four sources of information: the id of a
    /// passage in the LSCB framework's `information_sources`.
    #[serde(default)]
    pub source: Option<String>,
    /// What values are broken down by (team, locality, agency).
    #[serde(default)]
    pub breakdowns: Vec<String>,
    /// The LSCB content area (or sub-area) it serves.
    #[serde(default)]
    pub area: Option<String>,
    /// The Module 5 measure it was made from (see `content::module5`).
    #[serde(default)]
    pub module5: Option<String>,
    /// The period changes are counted from; the first value when unset.
    #[serde(default)]
    pub baseline: Option<Period>,
    /// One per period, in period order.
    #[serde(default)]
    pub values: Vec<Value>,
    /// Turning the Curve worksheets, oldest first.
    #[serde(default)]
    pub worksheets: Vec<Worksheet>,
    pub created: Timestamp,
}

/// The figure for one period: a number, or a fraction whose percentage is
/// computed and always shown with both figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Figure {
    Number(f64),
    Fraction { numerator: f64, denominator: f64 },
}

impl Figure {
    /// The number plotted and compared: a fraction as a percentage.
    pub fn amount(self) -> f64 {
        match self {
            Figure::Number(n) => n,
            Figure::Fraction {
                numerator,
                denominator,
            } => 100.0 * numerator / denominator,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// E.g. a team, a locality or an agency.
    pub name: String,
    pub figure: Figure,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Comparator {
    pub kind: ComparatorKind,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Value {
    pub period: Period,
    pub figure: Figure,
    #[serde(default)]
    pub breakdowns: Vec<Breakdown>,
    #[serde(default)]
    pub comparators: Vec<Comparator>,
    #[serde(default)]
    pub note: String,
}

/// Someone outside the owner with a role to play in turning the curve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub name: String,
    #[serde(default)]
    pub role: String,
}

/// Something that works, and the evidence that it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatWorks {
    pub idea: String,
    #[serde(default)]
    pub evidence: String,
}

/// What we propose to do. Once agreed, it becomes a priority (with an
/// owner and a date) kept in the worksheet and listed by `actions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub id: StableId,
    pub text: String,
    /// The priority it became.
    #[serde(default)]
    pub priority: Option<StableId>,
}

/// Turning the Curve (Outcomes-Based Accountability), one sitting, dated.
/// The curve, baseline and forecast come from the values; what the group
/// says about them is kept here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Worksheet {
    pub id: StableId,
    pub date: Date,
    /// The worksheet this one started from (last year's).
    #[serde(default)]
    pub follows: Option<StableId>,
    /// How are we doing: the group's reading of the curve.
    #[serde(default)]
    pub how_are_we_doing: String,
    /// The story behind the curve: causes and forces at work.
    #[serde(default)]
    pub story: String,
    #[serde(default)]
    pub partners: Vec<Partner>,
    #[serde(default)]
    pub what_works: Vec<WhatWorks>,
    #[serde(default)]
    pub proposals: Vec<Proposal>,
    /// Proposals agreed as priorities: each linked back to this measure.
    #[serde(default)]
    pub priorities: Vec<Priority>,
}

impl Measure {
    /// A new measure with its id; the rest as given by the caller.
    pub fn new(id: StableId, title: String, created: Timestamp) -> Measure {
        Measure {
            id,
            title,
            kind: InformationType::Outcome,
            definition: String::new(),
            numerator: String::new(),
            denominator: String::new(),
            coverage: None,
            unit: Unit::Percentage,
            better: Better::Higher,
            frequency: Frequency::Quarterly,
            owner: String::new(),
            source: None,
            breakdowns: Vec::new(),
            area: None,
            module5: None,
            baseline: None,
            values: Vec::new(),
            worksheets: Vec::new(),
            created,
        }
    }

    pub fn latest(&self) -> Option<&Value> {
        self.values.iter().max_by_key(|v| v.period)
    }

    /// The baseline value: the one set, else the first.
    pub fn baseline_value(&self) -> Option<&Value> {
        match self.baseline {
            Some(period) => self.values.iter().find(|v| v.period == period),
            None => self.values.iter().min_by_key(|v| v.period),
        }
    }

    pub fn value_for(&self, period: Period) -> Option<&Value> {
        self.values.iter().find(|v| v.period == period)
    }

    pub fn latest_worksheet(&self) -> Option<&Worksheet> {
        self.worksheets.iter().max_by_key(|w| w.date)
    }
}
