//! The session: everything a group, a supervision pair or one person records
//! while working through a framework. This is what is saved to disk.
//!
//! Unknown fields are not denied here: the loader collects them with
//! `serde_ignored` and opens such a file read-only, so nothing is dropped.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Version of the session file format written by this howgood.
/// 1: the first format. 2: adds phase timers, the reveal of silent
/// ratings, and the framing of questions (see `migrate`).
pub const SESSION_FORMAT_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Always first in the file, so any version can read it.
    pub version: u32,
    /// Unique and stable; also the file name (`<id>.ron`).
    pub id: String,
    pub kind: SessionKind,
    pub title: String,
    /// Id of the framework the session works through.
    pub framework: String,
    /// The scale levels are recorded against.
    pub scale: ScaleChoice,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// People or agencies taking part (names or roles).
    #[serde(default)]
    pub participants: Vec<String>,
    /// The indicators, statements, judgements or content areas covered, in
    /// the order the session takes them.
    #[serde(default)]
    pub items: Vec<ItemRecord>,
    #[serde(default)]
    pub priorities: Vec<Priority>,
    /// The closing 'capacity for improvement' statement.
    #[serde(default)]
    pub capacity: Capacity,
    /// How long each phase is given (version 2).
    #[serde(default)]
    pub timers: PhaseTimers,
    /// How questions are worded: 'you/your' or 'we/us/our' (version 2).
    #[serde(default)]
    pub framing: Framing,
}

/// Minutes given to each phase; the facilitator can add minutes as they go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseTimers {
    pub now_minutes: u32,
    pub know_minutes: u32,
    pub can_minutes: u32,
}

impl Default for PhaseTimers {
    /// Time for discussion, not a test: twenty minutes to evaluate, fifteen
    /// to look at the evidence, fifteen to agree priorities.
    fn default() -> Self {
        PhaseTimers {
            now_minutes: 20,
            know_minutes: 15,
            can_minutes: 15,
        }
    }
}

/// Who is asking the Module 3 questions: the document says they "can be
/// framed in terms of 'you/your' or 'we/us/our' depending on who or which
/// body is asking the question".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Framing {
    /// As the document prints each question.
    #[default]
    AsWritten,
    You,
    We,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SessionKind {
    Workshop,
    Supervision,
    DailyReview,
}

impl SessionKind {
    pub fn label(self) -> &'static str {
        match self {
            SessionKind::Workshop => "workshop",
            SessionKind::Supervision => "supervision",
            SessionKind::DailyReview => "daily review",
        }
    }
}

/// Which scale a session's levels are on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScaleChoice {
    /// The session framework's own scale.
    Framework,
    /// Another framework's scale, by framework id: a framework without a
    /// scale of its own (`lscb-qaf`) is evaluated on the HMIE six-point scale.
    Borrowed(String),
}

/// What was recorded for one indicator (or statement, judgement or area).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ItemRecord {
    /// The item's id in the session framework, e.g. "5.3".
    pub item: String,
    /// The group's agreed level; `None` is 'not yet evaluated'.
    #[serde(default)]
    pub level: Option<u8>,
    #[serde(default)]
    pub rationale: String,
    /// Each participant's own level, recorded before the group agrees.
    #[serde(default)]
    pub individual_levels: Vec<IndividualLevel>,
    /// Whether the participants' levels have been revealed to the room
    /// (version 2). Until then they are recorded silently.
    #[serde(default)]
    pub revealed: bool,
    #[serde(default)]
    pub strengths: String,
    #[serde(default)]
    pub improvements: String,
    /// Questions for leadership and scrutiny taken up in the discussion.
    #[serde(default)]
    pub questions: Vec<QuestionNote>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndividualLevel {
    pub participant: String,
    pub level: u8,
}

/// A question of Module 3, identified by its text and area so that notes
/// stay with the question even if the content is reordered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionNote {
    pub area: String,
    pub question: String,
    #[serde(default)]
    pub discussed: bool,
    #[serde(default)]
    pub note: String,
}

/// The LSCB framework's four sources of information. The HMIE kinds of
/// evidence map onto them (see `EvidenceSource::hmie_equivalent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvidenceSource {
    ChildrenParentsCarers,
    FrontlineStaffManagers,
    CaseRecords,
    ManagementInformation,
}

impl EvidenceSource {
    pub const ALL: [EvidenceSource; 4] = [
        EvidenceSource::ChildrenParentsCarers,
        EvidenceSource::FrontlineStaffManagers,
        EvidenceSource::CaseRecords,
        EvidenceSource::ManagementInformation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EvidenceSource::ChildrenParentsCarers => "Children, parents and carers",
            EvidenceSource::FrontlineStaffManagers => "Frontline staff and managers",
            EvidenceSource::CaseRecords => "Case records",
            EvidenceSource::ManagementInformation => "Other management information",
        }
    }

    /// The HMIE kind of evidence that corresponds to this source.
    pub fn hmie_equivalent(self) -> &'static str {
        match self {
            EvidenceSource::ChildrenParentsCarers => "stakeholders' views",
            EvidenceSource::FrontlineStaffManagers => "direct observation of practice",
            EvidenceSource::CaseRecords => "audit of practice and documentation",
            EvidenceSource::ManagementInformation => "performance data",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InformationKind {
    Quantity,
    Quality,
    Outcome,
}

impl InformationKind {
    pub const ALL: [InformationKind; 3] = [
        InformationKind::Quantity,
        InformationKind::Quality,
        InformationKind::Outcome,
    ];

    pub fn label(self) -> &'static str {
        match self {
            InformationKind::Quantity => "quantity",
            InformationKind::Quality => "quality",
            InformationKind::Outcome => "outcome",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub source: EvidenceSource,
    pub information: InformationKind,
    pub description: String,
    #[serde(default)]
    pub date: Option<Date>,
    /// Private evidence is never shown on a projected screen.
    #[serde(default)]
    pub private: bool,
}

/// Confidence in the evidence, as in the 2007 guide's 'capacity for
/// improvement'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Confidence {
    High,
    Reasonable,
    Limited,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [
        Confidence::High,
        Confidence::Reasonable,
        Confidence::Limited,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Reasonable => "reasonable",
            Confidence::Limited => "limited",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    /// An observable and measurable statement of the improvement.
    pub statement: String,
    /// A named person or team.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub deadline: Option<Date>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub measure_of_success: String,
    /// Ids of the items it serves.
    #[serde(default)]
    pub serves: Vec<String>,
    #[serde(default)]
    pub status: PriorityStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub text: String,
    #[serde(default)]
    pub date: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum PriorityStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

impl PriorityStatus {
    pub const ALL: [PriorityStatus; 4] = [
        PriorityStatus::NotStarted,
        PriorityStatus::InProgress,
        PriorityStatus::Done,
        PriorityStatus::Dropped,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PriorityStatus::NotStarted => "not started",
            PriorityStatus::InProgress => "in progress",
            PriorityStatus::Done => "done",
            PriorityStatus::Dropped => "dropped",
        }
    }

    /// Whether the priority still needs doing (for due-soon lists).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            PriorityStatus::NotStarted | PriorityStatus::InProgress
        )
    }
}

/// The 2007 guide's statement of capacity for improvement: three
/// components and a level of confidence.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Capacity {
    #[serde(default)]
    pub outcomes_and_impacts: String,
    #[serde(default)]
    pub leadership_and_management: String,
    #[serde(default)]
    pub quality_improvement: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
}

impl Session {
    pub fn new(
        id: String,
        kind: SessionKind,
        title: String,
        framework: String,
        scale: ScaleChoice,
        now: Timestamp,
    ) -> Self {
        Session {
            version: SESSION_FORMAT_VERSION,
            id,
            kind,
            title,
            framework,
            scale,
            created: now,
            updated: now,
            participants: Vec::new(),
            items: Vec::new(),
            priorities: Vec::new(),
            capacity: Capacity::default(),
            timers: PhaseTimers::default(),
            framing: Framing::default(),
        }
    }

    /// How many items have an agreed level.
    pub fn evaluated_count(&self) -> usize {
        self.items.iter().filter(|i| i.level.is_some()).count()
    }

    pub fn item(&self, id: &str) -> Option<&ItemRecord> {
        self.items.iter().find(|i| i.item == id)
    }
}

impl ItemRecord {
    pub fn new(item: impl Into<String>) -> Self {
        ItemRecord {
            item: item.into(),
            ..ItemRecord::default()
        }
    }

    /// Distinct sources the evidence draws on: the triangulation count.
    pub fn distinct_sources(&self) -> usize {
        EvidenceSource::ALL
            .iter()
            .filter(|s| self.evidence.iter().any(|e| e.source == **s))
            .count()
    }

    /// Whether any evidence records the views of children and families.
    pub fn has_family_views(&self) -> bool {
        self.evidence
            .iter()
            .any(|e| e.source == EvidenceSource::ChildrenParentsCarers)
    }
}
