//! The crosswalk: which LSCB content areas apply to each indicator of the
//! indicator-based frameworks.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crosswalk {
    pub version: u32,
    /// The framework whose content areas the links point to (`lscb-qaf`).
    pub areas_from: String,
    pub links: Vec<Link>,
    /// Indicators deliberately left without a link, and why.
    #[serde(default)]
    pub unmapped: Vec<Unmapped>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub framework: String,
    /// Indicator, numbered statement or judgement id, e.g. "7.3".
    pub indicator: String,
    /// A criterion of that judgement ("a"), when the link is for one
    /// criterion rather than the whole judgement; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub criterion: String,
    /// Content area or sub-area ids of `areas_from`.
    pub areas: Vec<String>,
    /// Why these areas apply, in a line.
    #[serde(default)]
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unmapped {
    pub framework: String,
    pub indicator: String,
    /// As in [`Link::criterion`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub criterion: String,
    pub reason: String,
}

impl Link {
    /// Whether this link is for the item (and criterion) asked about.
    pub fn is_for(&self, framework: &str, indicator: &str, criterion: &str) -> bool {
        self.framework == framework && self.indicator == indicator && self.criterion == criterion
    }
}
