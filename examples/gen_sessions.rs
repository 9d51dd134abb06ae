//! Generate a data folder of N sessions for the benchmarks (benches/run.sh):
//! two thirds daily reviews (fifty people over the years), one third
//! workshops and supervisions with levels, evidence and priorities, each
//! with the `.v1-backup.ron` sidecar howgood writes when it migrates a file.
//! Deterministic: the same N gives the same files.
//!
//! cargo run --release --example gen_sessions -- DATA_DIR N

use howgood::session::codec;
use howgood::session::model::{
    Evidence, EvidenceSource, InformationKind, ItemRecord, Priority, PriorityStatus, QuestionNote,
    ScaleChoice, Session, SessionKind,
};
use jiff::{Timestamp, ToSpan};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

const WORDS: &[&str] = &[
    "the",
    "child",
    "family",
    "plan",
    "review",
    "meeting",
    "school",
    "health",
    "police",
    "social",
    "worker",
    "visit",
    "record",
    "case",
    "risk",
    "assessment",
    "chronology",
    "referral",
    "strategy",
    "discussion",
    "conference",
    "core",
    "group",
    "agency",
    "partner",
    "audit",
    "supervision",
    "training",
    "manager",
    "practice",
    "neglect",
    "domestic",
    "abuse",
    "exploitation",
    "missing",
    "education",
    "housing",
    "parent",
    "carer",
    "voice",
    "views",
    "wishes",
    "feelings",
    "outcome",
    "progress",
    "delay",
    "drift",
    "escalation",
    "threshold",
    "information",
    "sharing",
    "consent",
    "timely",
    "quality",
    "evidence",
    "learning",
    "lesson",
    "improvement",
    "action",
    "owner",
    "deadline",
    "measure",
    "success",
    "data",
    "performance",
    "caseload",
    "capacity",
    "recruitment",
    "retention",
    "leadership",
    "scrutiny",
    "board",
    "partnership",
    "early",
    "help",
    "universal",
    "targeted",
    "specialist",
    "service",
    "team",
    "duty",
    "triage",
    "front",
    "door",
    "mash",
    "contact",
    "decision",
    "hours",
    "weekend",
    "transition",
    "adolescent",
    "infant",
    "sleep",
    "safe",
    "bruising",
    "injury",
    "medical",
    "paediatric",
    "nurse",
    "midwife",
    "gp",
    "dentist",
    "nursery",
    "college",
    "youth",
    "offending",
    "substance",
    "misuse",
    "mental",
    "wellbeing",
    "disability",
    "interpreter",
    "language",
    "culture",
    "faith",
    "community",
    "fathers",
    "grandparents",
    "kinship",
    "care",
];

const AREAS: &[&str] = &[
    "practice",
    "priority-service-areas",
    "vulnerable-groups",
    "specific-risk-issues",
];
const INDICATORS: &[&str] = &["1.1", "2.1", "5.3", "6.2", "7.3", "8.1"];

/// A small deterministic generator (xorshift), enough for varied text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A stable id as howgood makes them.
    fn id(&mut self) -> String {
        howgood::session::ids::IdSource::seeded(self.next()).next_id()
    }

    /// Words drawn with a skew towards the start of the list, as in real text.
    fn words(&mut self, count: usize) -> String {
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            let a = self.below(WORDS.len());
            let b = self.below(WORDS.len());
            out.push(WORDS[a.min(b)]);
        }
        out.join(" ")
    }
}

fn daily(n: usize, rng: &mut Rng, start: Timestamp) -> Session {
    let person = n % 50;
    let day = (n / 50) as i64;
    let created = start + (day * 24).hours() + (person as i64).minutes();
    let mut s = Session::new(
        format!("gen-daily-{n:07}"),
        SessionKind::DailyReview,
        format!("Daily review {}", created.strftime("%Y-%m-%d")),
        "lscb-qaf".to_owned(),
        ScaleChoice::Borrowed("hmie-cp-2009".to_owned()),
        created,
    );
    s.updated = created + 20.minutes();
    let area = AREAS[rng.below(AREAS.len())];
    let mut record = ItemRecord::new(area);
    record.questions.push(QuestionNote {
        area: area.to_owned(),
        question: format!("How do we know {}?", rng.words(8)),
        discussed: true,
        note: rng.words(40),
    });
    s.items.push(record);
    s.priorities.push(Priority {
        statement: rng.words(10),
        owner: format!("Person {person}"),
        deadline: Some(
            (created + (7 * 24).hours())
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .date(),
        ),
        serves: vec![area.to_owned()],
        status: PriorityStatus::Done,
        ..Priority::new(rng.id())
    });
    s
}

fn workshop(n: usize, count: usize, rng: &mut Rng, start: Timestamp) -> Session {
    let days = (count * 2 / 3 / 50 + 1) as i64;
    let created = start + ((n as i64) * days * 24 / count as i64).hours();
    let kind = if n.is_multiple_of(4) {
        SessionKind::Supervision
    } else {
        SessionKind::Workshop
    };
    let mut s = Session::new(
        format!("gen-workshop-{n:07}"),
        kind,
        format!("Workshop {n}: {}", rng.words(4)),
        "hmie-cp-2009".to_owned(),
        ScaleChoice::Framework,
        created,
    );
    s.updated = created + 2.hours();
    s.participants = vec!["Police".into(), "Health".into(), "Education".into()];
    for indicator in INDICATORS.iter().take(2 + rng.below(3)) {
        let mut record = ItemRecord::new(*indicator);
        record.level = Some(1 + rng.below(6) as u8);
        record.rationale = rng.words(30);
        record.strengths = rng.words(20);
        record.improvements = rng.words(20);
        record.evidence.push(Evidence {
            id: rng.id(),
            source: EvidenceSource::ALL[rng.below(4)],
            information: InformationKind::ALL[rng.below(3)],
            description: rng.words(15),
            date: None,
            private: false,
        });
        s.items.push(record);
    }
    for p in 0..(1 + rng.below(3)) {
        let deadline = (created + ((30 + rng.below(300)) as i64 * 24).hours())
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date();
        s.priorities.push(Priority {
            statement: rng.words(12),
            owner: format!("Owner {}", rng.below(40)),
            deadline: Some(deadline),
            measure_of_success: rng.words(10),
            serves: vec![INDICATORS[p % INDICATORS.len()].to_owned()],
            status: PriorityStatus::ALL[rng.below(4)],
            ..Priority::new(rng.id())
        });
    }
    s
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(data), Some(count)) = (args.next(), args.next()) else {
        return Err("usage: gen_sessions DATA_DIR N".into());
    };
    let count: usize = count.parse()?;
    let dir = Path::new(&data).join("sessions");
    std::fs::create_dir_all(&dir)?;
    for d in [Path::new(&data), dir.as_path()] {
        std::fs::set_permissions(d, std::os::unix::fs::PermissionsExt::from_mode(0o700))?;
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // Fifty people's daily reviews end about today; workshops are spread
    // over the same years.
    let days = (count * 2 / 3 / 50 + 1) as i64;
    let start = Timestamp::now() - (days * 24).hours();
    for n in 0..count {
        let session = if n % 3 == 2 {
            workshop(n, count, &mut rng, start)
        } else {
            daily(n - n / 3, &mut rng, start)
        };
        let text = codec::encode(&session).map_err(|e| format!("{e}"))?;
        write_private(&dir.join(format!("{}.ron", session.id)), text.as_bytes())?;
        // The pre-migration copy howgood keeps beside a migrated file.
        let v1 = text.replacen("version: 2", "version: 1", 1);
        write_private(
            &dir.join(format!("{}.v1-backup.ron", session.id)),
            v1.as_bytes(),
        )?;
    }
    println!(
        "{count} sessions (and as many v1 backups) in {}",
        dir.display()
    );
    Ok(())
}
