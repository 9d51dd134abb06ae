//! The content model: one `Framework` type that holds any of the five
//! published frameworks without loss. Fields a framework does not use stay
//! empty, so each RON file only spells out what its document contains.

use serde::{Deserialize, Serialize};

/// Version of the content file format. Bumped when the model changes shape.
pub const CONTENT_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Format version of this file; loading refuses versions it does not know.
    pub version: u32,
    /// Stable identifier, e.g. `hmie-cp-2009`. User files override by id.
    pub id: String,
    pub title: String,
    /// A short name for narrow screens and lists.
    pub short_title: String,
    pub publisher: String,
    /// Year of publication; `None` where the document does not say.
    #[serde(default)]
    pub year: Option<u16>,
    pub source: Source,
    /// The framework's own rating scale. `None` for frameworks without one.
    #[serde(default)]
    pub scale: Option<Scale>,
    /// The document's self-evaluation questions ("How good are we now?" ...).
    #[serde(default)]
    pub self_evaluation_questions: Vec<String>,
    /// High-level questions, each holding its key areas and their indicators.
    #[serde(default)]
    pub high_level_questions: Vec<HighLevelQuestion>,
    /// Sections of numbered statements (Ofsted 'good' outcome measures).
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Judgements per agency with grade descriptors (integrated inspection).
    #[serde(default)]
    pub agencies: Vec<Agency>,
    /// Content areas with their Module 2-5 material (LSCB framework).
    #[serde(default)]
    pub content: Option<ContentAreas>,
    /// Named passages of guidance: improvement planning, sources of
    /// evidence, triangulation, capacity for improvement, tips and so on.
    #[serde(default)]
    pub guidance: Vec<Passage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// File name of the plain-text conversion in `shared/seeds/`.
    pub file: String,
    /// Full bibliographic title of the published document.
    pub document: String,
    /// Copyright line as printed in the document.
    pub copyright: String,
    /// Under what terms it may be copied, in the publisher's words.
    pub licence: String,
    /// How to attribute it when quoting.
    pub attribution: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub name: String,
    /// Levels listed best first. `number` is the publisher's own label.
    pub levels: Vec<Level>,
    /// What the document says about using the scale.
    #[serde(default)]
    pub notes: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub number: u8,
    /// The word for the level, e.g. "very good".
    pub word: String,
    /// The one-line summary, e.g. "major strengths". May be empty.
    #[serde(default)]
    pub summary: String,
    /// The long description of the level, where the document gives one.
    #[serde(default)]
    pub description: Vec<Block>,
}

/// A piece of prose: a paragraph, or a bulleted list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HighLevelQuestion {
    /// "1" to "6".
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub key_areas: Vec<KeyArea>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyArea {
    /// "1" to "10".
    pub id: String,
    pub title: String,
    /// Whether the document gives level 5 and level 2 illustrations for the
    /// indicators of this key area. Validation holds illustrated areas to it.
    pub illustrated: bool,
    /// Prose about the key area itself (e.g. 'capacity for improvement').
    #[serde(default)]
    pub description: Vec<Block>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// e.g. "5.3".
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub themes: Vec<Statement>,
    #[serde(default)]
    pub key_features: Vec<Block>,
    #[serde(default)]
    pub illustrations: Vec<Illustration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Illustration {
    /// The scale level illustrated: 5 (very good) or 2 (weak).
    pub level: u8,
    pub paragraphs: Vec<String>,
}

/// A line of text, optionally numbered or lettered, with sub-items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The document's own number or letter ("1.1", "a"); empty when none.
    #[serde(default)]
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The document's abbreviation, e.g. "OE".
    pub id: String,
    pub title: String,
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// e.g. "health", "police", "lscb".
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub introduction: Vec<Block>,
    pub judgements: Vec<Judgement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    /// Unique within the framework, e.g. "health-help-and-protection".
    pub id: String,
    pub title: String,
    /// Prose before the criteria (how the judgement is made).
    #[serde(default)]
    pub introduction: Vec<Block>,
    /// The criteria for 'good', grouped under the document's sub-headings.
    #[serde(default)]
    pub good: Vec<CriteriaGroup>,
    /// Descriptors for the other grades, keyed by scale level number.
    #[serde(default)]
    pub descriptors: Vec<Descriptor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaGroup {
    /// The sub-heading; empty when the criteria stand under none.
    #[serde(default)]
    pub heading: String,
    pub criteria: Vec<Statement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Descriptor {
    pub level: u8,
    pub body: Vec<Block>,
}

/// A titled passage of prose: guidance, a tip, a type or source of information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub id: String,
    pub title: String,
    pub body: Vec<Block>,
}

/// The LSCB framework's content areas and the examples of Modules 2 to 5.
/// Module material is kept in flat lists, in document order, each item
/// naming the content area (or sub-area) it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentAreas {
    pub groups: Vec<ContentGroup>,
    /// The three types of performance information (Module 1, element two).
    pub information_types: Vec<Passage>,
    /// The four sources of information (Module 1, element three).
    pub information_sources: Vec<Passage>,
    /// Module 2: what 'good' looks like.
    pub good: Vec<GoodStatement>,
    /// Module 3: questions for leadership and scrutiny.
    pub questions: Vec<AreaQuestion>,
    /// Module 4: sources of information and methods.
    pub sources: Vec<AreaSource>,
    /// Module 5: example performance measures.
    pub measures: Vec<Measure>,
    /// Tips, in document order.
    pub tips: Vec<Passage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentGroup {
    pub id: String,
    pub title: String,
    pub areas: Vec<ContentArea>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentArea {
    pub id: String,
    pub title: String,
    /// Module 1's description of the area.
    #[serde(default)]
    pub description: Vec<Block>,
    #[serde(default)]
    pub sub_areas: Vec<ContentArea>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoodKind {
    Outcome,
    Quality,
    /// Statements the document lists without marking them either way.
    Unmarked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InformationType {
    Quantity,
    Quality,
    Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoodStatement {
    /// Content area or sub-area id.
    pub area: String,
    /// A heading inside the area, e.g. "Gangs"; empty when none.
    #[serde(default)]
    pub topic: String,
    pub kind: GoodKind,
    pub text: String,
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaQuestion {
    pub area: String,
    #[serde(default)]
    pub topic: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaSource {
    pub area: String,
    #[serde(default)]
    pub topic: String,
    pub information: InformationType,
    pub text: String,
    /// Sub-points the document lists under the text.
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub area: String,
    #[serde(default)]
    pub topic: String,
    pub information: InformationType,
    pub text: String,
    /// Sub-points the document lists under the text.
    #[serde(default)]
    pub items: Vec<String>,
    /// Set when the printed words are broken in the published document
    /// itself (not by the conversion): what is wrong, in a line, written by
    /// howgood's developers. The printed words stay as they are; such a
    /// measure is tracked only once the user completes its wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub damaged_in_source: Option<String>,
}
