//! The Markdown export of a session, on the real embedded content.

use howgood::content::library::{Library, embedded_files};
use howgood::export::session_markdown;
use howgood::session::model::*;
use jiff::Timestamp;
use jiff::civil::{Date, date};

const HOSTILE: &str = "| # <script> \n- x";

fn library() -> Library {
    let library = Library::assemble(embedded_files(), Vec::new());
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    library
}

fn today() -> Date {
    date(2024, 6, 30)
}

fn at(text: &str) -> Timestamp {
    text.parse().expect("valid timestamp")
}

fn evidence(source: EvidenceSource, information: InformationKind, description: &str) -> Evidence {
    Evidence {
        id: String::new(),
        source,
        information,
        description: description.to_owned(),
        date: None,
        private: false,
    }
}

fn individual(participant: &str, level: u8) -> IndividualLevel {
    IndividualLevel {
        participant: participant.to_owned(),
        level,
    }
}

/// A workshop on the HMIE child protection indicators 5.3 and 8.1.
fn hmie_session() -> Session {
    let mut session = Session::new(
        "2024-06-01-risk-workshop".to_owned(),
        SessionKind::Workshop,
        "Risk assessment workshop".to_owned(),
        "hmie-cp-2009".to_owned(),
        ScaleChoice::Framework,
        // Late in the evening UTC: the date is still the UTC date.
        at("2024-06-01T23:30:00Z"),
    );
    session.updated = at("2024-06-14T09:00:00Z");
    session.participants = vec![
        "Police".to_owned(),
        "Health".to_owned(),
        "Education".to_owned(),
    ];

    let mut risk = ItemRecord::new("5.3");
    risk.level = Some(4);
    risk.confidence = Some(Confidence::Reasonable);
    risk.individual_levels = vec![
        individual("Police", 4),
        individual("Education", 3),
        individual("Health", 4),
    ];
    risk.rationale = format!("Assessments are timely.\n{HOSTILE}");
    risk.strengths = "Chronologies are up to date in most cases.".to_owned();
    risk.improvements = "Risk assessments do not always record the child's own views.".to_owned();
    risk.questions = vec![
        QuestionNote {
            area: "priority-service-areas".to_owned(),
            question: "How do we know thresholds are understood?".to_owned(),
            discussed: true,
            note: "Audit of 20 referrals planned for July.".to_owned(),
        },
        QuestionNote {
            area: "priority-service-areas".to_owned(),
            question: "A question nobody took up".to_owned(),
            discussed: false,
            note: String::new(),
        },
    ];
    risk.evidence = vec![
        Evidence {
            date: Some(date(2024, 5, 2)),
            ..evidence(
                EvidenceSource::ChildrenParentsCarers,
                InformationKind::Quality,
                "Young people's survey",
            )
        },
        evidence(
            EvidenceSource::CaseRecords,
            InformationKind::Quality,
            "Audit of 30 case files",
        ),
        Evidence {
            private: true,
            ..evidence(
                EvidenceSource::CaseRecords,
                InformationKind::Outcome,
                "Case of child A",
            )
        },
        evidence(
            EvidenceSource::ManagementInformation,
            InformationKind::Quantity,
            HOSTILE,
        ),
    ];

    let partnership = ItemRecord::new("8.1");
    session.items = vec![risk, partnership];

    session.priorities = vec![
        Priority {
            id: String::new(),
            statement: "All risk assessments record the child's views".to_owned(),
            owner: "Head of safeguarding".to_owned(),
            deadline: Some(date(2024, 12, 31)),
            milestones: vec![
                Milestone::new(String::new(), "Template changed", Some(date(2024, 8, 1))),
                Milestone::new(String::new(), "Re-audit", Some(date(2024, 11, 30))),
            ],
            measure_of_success: "90% of audited assessments record the child's views".to_owned(),
            serves: vec!["5.3".to_owned()],
            status: PriorityStatus::InProgress,
            done_on: None,
            log: Vec::new(),
            carries: None,
            measure: None,
        },
        Priority {
            id: String::new(),
            statement: HOSTILE.to_owned(),
            owner: "Partnership manager".to_owned(),
            deadline: Some(date(2025, 3, 31)),
            milestones: vec![Milestone::new(String::new(), "Joint protocol agreed", None)],
            measure_of_success: String::new(),
            serves: vec!["8.1".to_owned(), "5.3".to_owned()],
            status: PriorityStatus::NotStarted,
            done_on: None,
            log: Vec::new(),
            carries: None,
            measure: None,
        },
    ];

    session.capacity = Capacity {
        outcomes_and_impacts: "Outcomes for children on plans are improving.".to_owned(),
        leadership_and_management: String::new(),
        quality_improvement: "Regular multi-agency audit.".to_owned(),
        confidence: Some(Confidence::Reasonable),
    };
    session
}

fn has_line(doc: &str, line: &str) {
    assert!(
        doc.lines().any(|l| l == line),
        "missing line:\n{line}\n--- in ---\n{doc}"
    );
}

fn words(doc: &str) -> Vec<String> {
    doc.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn hmie_workshop_reads_as_a_report() {
    let doc = session_markdown(&hmie_session(), &library(), today());

    // Title and metadata.
    assert!(doc.starts_with("# Risk assessment workshop\n\n"), "{doc}");
    has_line(&doc, "- **Kind:** workshop");
    has_line(
        &doc,
        "- **Framework:** How well do we protect children and meet their needs? (HMIE child protection QIs (2009))",
    );
    has_line(&doc, "- **Scale:** The six-point scale");
    has_line(&doc, "- **Date of the meeting:** 2024-06-01");
    has_line(&doc, "- **Last updated:** 2024-06-14");
    has_line(&doc, "- **Participants:** Police, Health, Education");
    has_line(&doc, "- **Exported:** 2024-06-30");
    // Title block first, then what the levels mean, then the summary;
    // the note on not adding levels up follows the summary table.
    let at = |s: &str| doc.find(s).unwrap_or_else(|| panic!("missing {s}"));
    assert!(at("- **Date of the meeting:**") < at("## The levels used"));
    has_line(
        &doc,
        "- **4 good**: important strengths with areas for improvement",
    );
    assert!(at("## The levels used") < at("## Summary"));
    assert!(at("| 8.1 | Partnership working") < at("not add these evaluations together"));
    assert!(at("not add these evaluations together") < at("## Evaluations"));

    // Summary.
    has_line(&doc, "## Summary");
    has_line(
        &doc,
        "| No. | Item | Level | Confidence | Evidence | Sources | Triangulation |",
    );
    has_line(
        &doc,
        "| 5.3 | Recognising and assessing risks and needs | 4 (good) | reasonable | 4 | 3 of 4 | ok |",
    );
    has_line(
        &doc,
        "| 8.1 | Partnership working | not yet evaluated | — | 0 | 0 of 4 | fewer than three sources; no children's or families' views |",
    );

    // Evaluations.
    has_line(&doc, "## Evaluations");
    has_line(&doc, "### 5.3 Recognising and assessing risks and needs");
    has_line(&doc, "### 8.1 Partnership working");
    has_line(&doc, "**Level:** 4 (good)");
    has_line(&doc, "**Level:** not yet evaluated");
    has_line(
        &doc,
        "**Individual levels:** 4 (good): Police, Health; 3 (satisfactory): Education",
    );
    has_line(&doc, "**Rationale**");
    has_line(&doc, "**Strengths**");
    has_line(&doc, "Chronologies are up to date in most cases.");
    has_line(&doc, "**Areas for improvement**");
    has_line(&doc, "**Questions discussed**");
    has_line(
        &doc,
        "- *How do we know thresholds are understood?* (Priority service areas)  ",
    );
    has_line(&doc, "  Audit of 20 referrals planned for July.");
    assert!(!doc.contains("A question nobody took up"));
    has_line(&doc, "**Evidence** (3 of 4 sources)");
    has_line(&doc, "- Children, parents and carers");
    has_line(
        &doc,
        "  - Young people's survey (type: quality, 2024-05-02)",
    );
    has_line(&doc, "- Case records");
    has_line(&doc, "  - Audit of 30 case files (type: quality)");
    has_line(&doc, "  - Case of child A (type: outcome) (private)");
    has_line(&doc, "**Confidence in the evidence:** reasonable");
    // 8.1 has nothing recorded: no empty headings follow its level line.
    let partnership = doc
        .split("### 8.1 Partnership working")
        .nth(1)
        .and_then(|rest| rest.split("## Improvement plan").next())
        .expect("8.1 section");
    assert_eq!(partnership.trim(), "**Level:** not yet evaluated");

    // Improvement plan.
    has_line(&doc, "## Improvement plan");
    has_line(&doc, "| # | Priority | Owner | Deadline | Status |");
    has_line(
        &doc,
        "| 1 | All risk assessments record the child's views<br>**Milestones:** Template changed (2024-08-01); Re-audit (2024-11-30)<br>**Measure of success:** 90% of audited assessments record the child's views<br>**Serves:** 5.3 | Head of safeguarding | 2024-12-31 | in progress |",
    );
    has_line(
        &doc,
        "| 2 | \\| # &lt;script><br>\\- x<br>**Milestones:** Joint protocol agreed<br>**Serves:** 8.1, 5.3 | Partnership manager | 2025-03-31 | not started |",
    );
    assert!(!doc.contains("small number of priorities"));

    // Capacity for improvement.
    has_line(&doc, "## Capacity for improvement");
    has_line(&doc, "**Outcomes and impacts**");
    has_line(&doc, "Outcomes for children on plans are improving.");
    assert!(!doc.contains("**Leadership and management**"));
    has_line(&doc, "**Quality improvement arrangements**");
    has_line(&doc, "**Confidence:** reasonable");

    // No aggregation of levels anywhere.
    let words = words(&doc);
    for word in ["average", "mean", "total", "sum", "score"] {
        let allowed = word == "score"; // only in the 'not a score' reminder
        let count = words.iter().filter(|w| *w == word).count();
        assert!(
            count == 0 || (allowed && count == 1),
            "'{word}' appears {count} times"
        );
    }
}

#[test]
fn hostile_text_is_escaped_not_dropped() {
    let doc = session_markdown(&hmie_session(), &library(), today());

    // In a paragraph: the second line of the rationale is escaped at its
    // start and kept as a line break.
    has_line(&doc, "Assessments are timely.  ");
    has_line(&doc, "\\| # &lt;script>  ");
    has_line(&doc, "\\- x");
    // In a list item, continuation lines stay indented inside the item.
    has_line(&doc, "  - \\| # &lt;script>  ");
    has_line(&doc, "    \\- x (type: quantity)");
    // In a table cell (priority 2, asserted above).
    assert!(doc.contains("| \\| # &lt;script><br>\\- x<br>**Milestones:**"));

    // Nothing user-typed opens HTML, a heading or a list.
    assert!(!doc.contains("<script"));
    for line in doc.lines() {
        let allowed_heading = line.starts_with("# Risk")
            || line.starts_with("## ")
            || line.starts_with("### 5.3 ")
            || line.starts_with("### 8.1 ");
        assert!(
            !line.starts_with('#') || allowed_heading,
            "unexpected heading: {line}"
        );
        assert!(!line.starts_with("- x"), "user text became a list: {line}");
    }
}

#[test]
fn any_text_survives_in_titles_cells_and_paragraphs() {
    let mut session = hmie_session();
    session.title = "Review #\n## of 子ども 👶 `code` *bold*".to_owned();
    session.participants = vec!["> Social care | 社会福祉".to_owned()];
    session.items[1].rationale = "1. first\n2) second\n+ third\n===\n<!-- hidden -->".to_owned();
    session.priorities[0].owner = "Ana & Bo &amp; co\r\n# lead".to_owned();
    let doc = session_markdown(&session, &library(), today());

    has_line(&doc, "# Review # \\## of 子ども 👶 \\`code\\` \\*bold\\*");
    has_line(&doc, "- **Participants:** \\> Social care \\| 社会福祉");
    has_line(&doc, "1\\. first  ");
    has_line(&doc, "2\\) second  ");
    has_line(&doc, "\\+ third  ");
    has_line(&doc, "\\===  ");
    has_line(&doc, "&lt;!-- hidden -->");
    assert!(doc.contains("| Ana & Bo &amp;amp; co<br>\\# lead |"));
}

#[test]
fn many_priorities_get_a_note() {
    let mut session = hmie_session();
    let extra = session.priorities[0].clone();
    session.priorities.extend(std::iter::repeat_n(extra, 4));
    let doc = session_markdown(&session, &library(), today());
    assert!(doc.contains(
        "6 priorities: the frameworks ask for a small number, so that each gets the attention it needs."
    ));

    session.priorities.clear();
    session.capacity = Capacity::default();
    let doc = session_markdown(&session, &library(), today());
    has_line(&doc, "No improvement priorities have been recorded yet.");
    assert!(!doc.contains("## Capacity for improvement"));
}

#[test]
fn lscb_session_uses_the_borrowed_scale() {
    let mut session = Session::new(
        "lscb".to_owned(),
        SessionKind::Workshop,
        "Learning and development".to_owned(),
        "lscb-qaf".to_owned(),
        ScaleChoice::Borrowed("hmie-cp-2009".to_owned()),
        at("2024-02-01T10:00:00Z"),
    );
    let mut wisdom = ItemRecord::new("safeguarding-wisdom");
    wisdom.level = Some(5);
    wisdom.individual_levels = vec![individual("Supervisor", 5), individual("Worker", 2)];
    wisdom.questions = vec![QuestionNote {
        area: "safeguarding-wisdom".to_owned(),
        question: "Do children and parents contribute to the shaping and delivery of learning and development inputs?".to_owned(),
        discussed: true,
        note: String::new(),
    }];
    wisdom.evidence = vec![
        evidence(
            EvidenceSource::ChildrenParentsCarers,
            InformationKind::Outcome,
            "Parents' panel feedback",
        ),
        evidence(
            EvidenceSource::FrontlineStaffManagers,
            InformationKind::Quality,
            "Training evaluations",
        ),
    ];
    session.items = vec![wisdom, ItemRecord::new("supervision-and-support")];
    let doc = session_markdown(&session, &library(), today());

    has_line(&doc, "- **Kind:** workshop");
    has_line(
        &doc,
        "- **Scale:** The six-point scale (borrowed: this framework has no scale of its own)",
    );
    assert!(!doc.contains("**Participants:**"));
    has_line(
        &doc,
        "| 1 | Safeguarding wisdom | 5 (very good) | — | 2 | 2 of 4 | fewer than three sources |",
    );
    assert!(doc.contains("| 2 | Safeguarding supervision and support | not yet evaluated | — |"));
    has_line(&doc, "### 1 Safeguarding wisdom");
    // (A supervision has its own record: tests/supervision_record.rs.)
    assert!(!doc.contains("safeguarding-wisdom"));
    has_line(&doc, "**Level:** 5 (very good)");
    has_line(
        &doc,
        "**Individual levels:** 5 (very good): Supervisor; 2 (weak): Worker",
    );
    // The question's area is the item itself, so it is not repeated.
    has_line(
        &doc,
        "- *Do children and parents contribute to the shaping and delivery of learning and development inputs?*",
    );
    has_line(&doc, "**Evidence** (2 of 4 sources)");
    // Both the LSCB framework and the lender of the scale are credited.
    assert!(doc.contains("David Worlock for Local Government Improvement and Development (2011)"));
    assert!(doc.contains("HM Inspectorate of Education (2009)"));
}

#[test]
fn ofsted_session_uses_the_four_point_scale() {
    let mut session = Session::new(
        "ofsted".to_owned(),
        SessionKind::DailyReview,
        "Supervision check".to_owned(),
        "ofsted-good-outcomes".to_owned(),
        ScaleChoice::Framework,
        at("2024-03-05T08:00:00Z"),
    );
    let mut supervision = ItemRecord::new("3.6");
    supervision.level = Some(2);
    supervision.confidence = Some(Confidence::High);
    supervision.individual_levels = vec![
        individual("Team manager", 3),
        individual("Practitioner", 2),
        individual("Principal social worker", 1),
    ];
    supervision.evidence = EvidenceSource::ALL
        .iter()
        .map(|s| evidence(*s, InformationKind::Quality, "Seen"))
        .collect();
    session.items = vec![supervision];
    let doc = session_markdown(&session, &library(), today());

    has_line(&doc, "- **Kind:** daily review");
    has_line(&doc, "- **Scale:** Ofsted four-point scale");
    let statement = "Social work staff receive regular and effective supervision that is focused on their work with children, young people and families";
    has_line(&doc, &format!("| 3.6 | {statement} | 2 (good) | high |"));
    has_line(&doc, &format!("### 3.6 {statement}"));
    // Best first in the scale's own order: 1 is 'outstanding'.
    has_line(
        &doc,
        "**Individual levels:** 1 (outstanding): Principal social worker; 2 (good): Practitioner; 3 (requires improvement): Team manager",
    );
}

#[test]
fn unknown_framework_falls_back_to_ids() {
    let mut session = hmie_session();
    session.framework = "not-installed".to_owned();
    let doc = session_markdown(&session, &library(), today());
    has_line(&doc, "- **Framework:** not-installed (not loaded)");
    has_line(
        &doc,
        "- **Scale:** the framework's own scale (not available)",
    );
    has_line(&doc, "### 5.3");
    has_line(&doc, "**Level:** 4");
    assert!(doc.contains("| 5.3 | (not found in the framework) | 4 | reasonable |"));
}
