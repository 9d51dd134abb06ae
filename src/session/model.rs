//! The session: everything a group, a supervision pair or one person records
//! while working through a framework. This is what is saved to disk.
//!
//! Unknown fields are not denied here: the loader collects them with
//! `serde_ignored` and opens such a file read-only, so nothing is dropped.
//!
//! Long because it is the whole saved format: every type a session file
//! holds is declared here, so the format can be read in one place.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Version of the session file format written by this howgood.
/// 1: the first format. 2: adds phase timers, the reveal of silent
/// ratings, and the framing of questions. 3: stable ids for priorities,
/// milestones and evidence, a dated log of progress on each action, the
/// session a session follows, and a workshop's locality (see `migrate`).
pub const SESSION_FORMAT_VERSION: u32 = 3;

/// A session's id (also its file name without `.ron`).
pub type SessionId = String;

/// A stable id of something inside a session: a priority (or agreed or
/// daily action), a milestone or an evidence item. Given once, never
/// changed, never derived from position after it is given (see `ids`).
/// Unique within its session; across sessions an action is named by
/// [`ActionRef`].
pub type StableId = String;

/// An action in another (or this) session: how a carried-forward priority
/// points at the one it carries, so its history stays whole in one place.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActionRef {
    pub session: SessionId,
    pub action: StableId,
}

impl std::fmt::Display for ActionRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.session, self.action)
    }
}

/// One dated entry in an action's progress log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressUpdate {
    pub date: Date,
    pub status: PriorityStatus,
    #[serde(default)]
    pub note: String,
    /// What difference it made, and how we know (optional).
    #[serde(default)]
    pub impact: Option<String>,
}

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
    /// The earlier session of the same framework or series this one
    /// follows up (version 3).
    #[serde(default)]
    pub follows: Option<SessionId>,
    /// For a workshop: the locality or service it evaluates, where one is
    /// recorded, to compare like with like over time (version 3).
    #[serde(default)]
    pub locality: Option<String>,
    /// Who ran the session, for the title block of its reports
    /// (additive in version 3: absent from the file while unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<String>,
    /// When the group means to meet again: the next session of the
    /// series is due then, until one follows this one (additive in
    /// version 3: absent from the file while unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_due: Option<Date>,
    /// Both values of a field two people changed differently on two
    /// machines, kept until someone chooses (written by the sync merge;
    /// absent from the file while empty, so format 3 is unchanged).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<RecordedConflict>,
    /// Where the walk was left and each phase's time so far, so that
    /// resuming returns to the same place and no countdown restarts
    /// (additive in version 3; kept in the session, not beside it, so it
    /// travels and is written atomically with the work it belongs to).
    #[serde(default, skip_serializing_if = "WalkState::is_empty")]
    pub walk: WalkState,
    /// What an LSCB session evaluates against, chosen when it is created
    /// (absent from the file while it is the scale, so format 3 stands).
    #[serde(default, skip_serializing_if = "Standard::is_scale")]
    pub standard: Standard,
    /// A supervision's own record: who, when, the check-in, case
    /// discussions and where each area was left (additive in version 3,
    /// absent for workshops and daily reviews, so their files are
    /// unchanged and an older howgood opens a supervision read-only
    /// rather than dropping it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervision: Option<SupervisionRecord>,
}

/// What a supervision records beyond its questions and agreed actions.
/// People are named by initials or roles: the file may be shared.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SupervisionRecord {
    #[serde(default)]
    pub supervisee: String,
    #[serde(default)]
    pub supervisor: String,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub planned_minutes: Option<u32>,
    #[serde(default)]
    pub next_date: Option<Date>,
    /// A short wellbeing check-in (optional, free text).
    #[serde(default)]
    pub wellbeing: String,
    /// Cases discussed, by case reference only.
    #[serde(default)]
    pub cases: Vec<CaseDiscussion>,
    /// The question each area was left at, by area id, so moving between
    /// areas and reopening return to it.
    #[serde(default)]
    pub at: Vec<AreaQuestion>,
    /// The areas the supervisee and supervisor asked to rate, by area id:
    /// only these take a level (absent from the file while empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rated: Vec<String>,
}

impl SupervisionRecord {
    /// Whether rating an area was asked for.
    pub fn asked_to_rate(&self, item: &str) -> bool {
        self.rated.iter().any(|r| r == item)
    }

    /// The question an area was left at (0 if never visited).
    pub fn question_at(&self, item: &str) -> usize {
        self.at
            .iter()
            .find(|a| a.item == item)
            .map_or(0, |a| a.question)
    }

    /// Remember the question an area is at.
    pub fn keep_question(&mut self, item: &str, question: usize) {
        match self.at.iter_mut().find(|a| a.item == item) {
            Some(a) => a.question = question,
            None => self.at.push(AreaQuestion {
                item: item.to_owned(),
                question,
            }),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaQuestion {
    pub item: String,
    pub question: usize,
}

/// A case talked about in supervision: a reference, never a name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CaseDiscussion {
    /// Stable id; empty only until first assigned.
    #[serde(default)]
    pub id: StableId,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub discussion: String,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub rationale: String,
}

/// What a session's items are evaluated against: a scale's levels, or (for
/// the LSCB framework, which has no scale of its own) the area's Module 2
/// 'good' statements, each recorded as met, partly met or not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Standard {
    #[default]
    Scale,
    GoodStatements,
}

impl Standard {
    pub fn is_scale(&self) -> bool {
        *self == Standard::Scale
    }
}

/// How far a criterion or statement is met, as the group finds it. Never
/// counted into a level or a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum CriterionState {
    #[default]
    NotYetKnown,
    Met,
    PartlyMet,
    NotMet,
}

impl CriterionState {
    /// In the order Space steps through them.
    pub const ALL: [CriterionState; 4] = [
        CriterionState::NotYetKnown,
        CriterionState::Met,
        CriterionState::PartlyMet,
        CriterionState::NotMet,
    ];
}

/// A case audit's count: of `denominator` cases looked at, `numerator`
/// showed what the statement describes. Shown as the two numbers, never
/// turned into a percentage or a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditProportion {
    pub numerator: u32,
    pub denominator: u32,
}

/// What was found for one criterion of a judgement, one Ofsted statement or
/// one Module 2 'good' statement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CriterionRecord {
    /// The criterion's address in its judgement ("b", "84a"), the
    /// statement's number ("3.18"), or a Module 2 statement's text.
    pub criterion: String,
    /// A Module 2 statement's content area; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    #[serde(default)]
    pub state: CriterionState,
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<AuditProportion>,
}

impl CriterionRecord {
    /// Whether anything has been recorded.
    pub fn is_empty(&self) -> bool {
        self.state == CriterionState::NotYetKnown
            && self.evidence.trim().is_empty()
            && self.note.trim().is_empty()
            && self.audit.is_none()
    }
}

/// A field two copies changed differently, found when they were merged.
/// The field keeps the `kept` value so the session stays usable; `other`
/// is the value it replaced. Which side is `kept` does not depend on who
/// merged: the later-saved side, or on a tie the larger value (see
/// `sync::merge`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedConflict {
    /// Short and stable: the same conflict has the same id on every machine.
    pub id: String,
    /// Where, e.g. `items[5.3].rationale` or `priorities[p-x2k9]`.
    pub path: String,
    #[serde(default)]
    pub kind: ConflictKind,
    pub kept: ConflictSide,
    pub other: ConflictSide,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ConflictKind {
    /// Both changed the field to different values.
    #[default]
    BothChanged,
    /// One side removed a record the other changed; the change was kept.
    DeletedAndChanged,
}

/// One side of a conflict: its value as RON text (or `deleted`), who saved
/// it (from git, where known) and when (the side's `updated`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictSide {
    pub value: String,
    #[serde(default)]
    pub by: String,
    pub at: Timestamp,
}

/// Where the facilitator was, and how each item's phases stand in time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkState {
    #[serde(default)]
    pub place: Option<Place>,
    #[serde(default)]
    pub clocks: Vec<PhaseClock>,
}

impl WalkState {
    pub fn is_empty(&self) -> bool {
        self.place.is_none() && self.clocks.is_empty()
    }

    /// The clock of an item's phase, if it has run.
    pub fn clock(&self, item: &str, phase: u8) -> Option<&PhaseClock> {
        self.clocks
            .iter()
            .find(|c| c.item == item && c.phase == phase)
    }

    /// Keep an item's phase clock, replacing the one before.
    pub fn keep(&mut self, clock: PhaseClock) {
        match self
            .clocks
            .iter_mut()
            .find(|c| c.item == clock.item && c.phase == clock.phase)
        {
            Some(old) => *old = clock,
            None => self.clocks.push(clock),
        }
    }
}

/// A place in the walk: the item (by its id, so reordering keeps it), the
/// phase (1-3; 0 is the summary), the tab of the framework's text, the
/// record row and which pane had the keyboard.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub item: String,
    pub phase: u8,
    #[serde(default)]
    pub tab: usize,
    #[serde(default)]
    pub row: usize,
    #[serde(default)]
    pub reference: bool,
}

/// Time used on one item's phase, and the minutes added to (or taken
/// from) it, so a countdown survives leaving the phase and the session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseClock {
    pub item: String,
    pub phase: u8,
    pub used_seconds: i64,
    #[serde(default)]
    pub added_minutes: i64,
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
    /// Each criterion or statement as the group finds it (absent from the
    /// file while empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<CriterionRecord>,
    /// The narrative account where the publisher asks for one instead of a
    /// grade (absent from the file while empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub narrative: String,
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
/// A new item's source is `Unset` until the user chooses one, so that an
/// untouched item never passes for children's views.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvidenceSource {
    #[default]
    Unset,
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
            EvidenceSource::Unset => "not chosen yet",
            EvidenceSource::ChildrenParentsCarers => "Children, parents and carers",
            EvidenceSource::FrontlineStaffManagers => "Frontline staff and managers",
            EvidenceSource::CaseRecords => "Case records",
            EvidenceSource::ManagementInformation => "Other management information",
        }
    }

    /// The HMIE kind of evidence that corresponds to this source.
    pub fn hmie_equivalent(self) -> &'static str {
        match self {
            EvidenceSource::Unset => "not chosen yet",
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
    /// Stable id (version 3); empty only until first assigned.
    #[serde(default)]
    pub id: StableId,
    /// `Unset` in files written before a source could be left unchosen
    /// never occurs: they always named one, and keep it.
    #[serde(default)]
    pub source: EvidenceSource,
    pub information: InformationKind,
    pub description: String,
    #[serde(default)]
    pub date: Option<Date>,
    /// Private evidence is never shown on a projected screen.
    #[serde(default)]
    pub private: bool,
}

impl Evidence {
    /// Whether the item says anything: an empty one counts for nothing
    /// and is not exported.
    pub fn is_empty(&self) -> bool {
        self.description.trim().is_empty()
    }

    /// Whether it counts towards triangulation: written, with a source.
    pub fn counts(&self) -> bool {
        !self.is_empty() && self.source != EvidenceSource::Unset
    }
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

/// A priority for improvement; in supervision an agreed action, in the
/// daily review a small action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    /// Stable id (version 3); empty only until first assigned.
    #[serde(default)]
    pub id: StableId,
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
    /// When it was done (set by an update to `Done`).
    #[serde(default)]
    pub done_on: Option<Date>,
    /// Progress, oldest first (version 3).
    #[serde(default)]
    pub log: Vec<ProgressUpdate>,
    /// The earlier priority this one carries forward: linked, not copied,
    /// so the earlier one's statement and log are read from its session.
    #[serde(default)]
    pub carries: Option<ActionRef>,
    /// The tracked measure (its stable id in the measures register) that
    /// shows whether this priority is working. Absent in older files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<StableId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// Stable id (version 3); empty only until first assigned.
    #[serde(default)]
    pub id: StableId,
    pub text: String,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub status: PriorityStatus,
    #[serde(default)]
    pub done_on: Option<Date>,
    #[serde(default)]
    pub log: Vec<ProgressUpdate>,
}

impl Priority {
    /// A new, empty priority with its id.
    pub fn new(id: StableId) -> Self {
        Priority {
            id,
            statement: String::new(),
            owner: String::new(),
            deadline: None,
            milestones: Vec::new(),
            measure_of_success: String::new(),
            serves: Vec::new(),
            status: PriorityStatus::NotStarted,
            done_on: None,
            log: Vec::new(),
            carries: None,
            measure: None,
        }
    }
}

impl Milestone {
    pub fn new(id: StableId, text: impl Into<String>, date: Option<Date>) -> Self {
        Milestone {
            id,
            text: text.into(),
            date,
            status: PriorityStatus::NotStarted,
            done_on: None,
            log: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum PriorityStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Dropped,
    /// Taken up again by a later session (version 3).
    CarriedForward,
}

impl PriorityStatus {
    pub const ALL: [PriorityStatus; 5] = [
        PriorityStatus::NotStarted,
        PriorityStatus::InProgress,
        PriorityStatus::Done,
        PriorityStatus::Dropped,
        PriorityStatus::CarriedForward,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PriorityStatus::NotStarted => "not started",
            PriorityStatus::InProgress => "in progress",
            PriorityStatus::Done => "done",
            PriorityStatus::Dropped => "dropped",
            PriorityStatus::CarriedForward => "carried forward",
        }
    }

    /// The word used on the command line and in JSON: `not-started`,
    /// `in-progress`, `done`, `dropped`, `carried-forward`.
    pub fn slug(self) -> &'static str {
        match self {
            PriorityStatus::NotStarted => "not-started",
            PriorityStatus::InProgress => "in-progress",
            PriorityStatus::Done => "done",
            PriorityStatus::Dropped => "dropped",
            PriorityStatus::CarriedForward => "carried-forward",
        }
    }

    /// Read a status as `slug` writes it (or as `label` does).
    pub fn from_slug(text: &str) -> Option<PriorityStatus> {
        let text = text.trim().to_ascii_lowercase().replace([' ', '_'], "-");
        PriorityStatus::ALL.into_iter().find(|s| s.slug() == text)
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
            follows: None,
            locality: None,
            facilitator: None,
            next_due: None,
            conflicts: Vec::new(),
            walk: WalkState::default(),
            standard: Standard::Scale,
            supervision: None,
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
    /// The record of a criterion, if anything was recorded for it.
    pub fn criterion(&self, area: &str, criterion: &str) -> Option<&CriterionRecord> {
        self.criteria
            .iter()
            .find(|c| c.area == area && c.criterion == criterion)
    }

    /// The record of a criterion, created on first use.
    pub fn criterion_mut(&mut self, area: &str, criterion: &str) -> &mut CriterionRecord {
        let at = match self
            .criteria
            .iter()
            .position(|c| c.area == area && c.criterion == criterion)
        {
            Some(at) => at,
            None => {
                self.criteria.push(CriterionRecord {
                    criterion: criterion.to_owned(),
                    area: area.to_owned(),
                    ..CriterionRecord::default()
                });
                self.criteria.len() - 1
            }
        };
        &mut self.criteria[at]
    }

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
            .filter(|s| self.evidence.iter().any(|e| e.counts() && e.source == **s))
            .count()
    }

    /// Whether any evidence records the views of children and families.
    pub fn has_family_views(&self) -> bool {
        self.evidence
            .iter()
            .any(|e| e.counts() && e.source == EvidenceSource::ChildrenParentsCarers)
    }
}
