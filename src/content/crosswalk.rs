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
    /// Indicator or numbered statement id, e.g. "7.3".
    pub indicator: String,
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
    pub reason: String,
}
