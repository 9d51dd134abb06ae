//! The register and levels over time, answered by scanning the store and
//! by the index: what they cost beside reading and decoding every session
//! file (the baseline, measured in the same run).

use criterion::{Criterion, criterion_group, criterion_main};
use howgood::index::Index;
use howgood::session::codec;
use howgood::session::ids::{IdSource, fill_missing};
use howgood::session::model::{
    IndividualLevel, ItemRecord, Milestone, Priority, ScaleChoice, Session, SessionKind,
};
use howgood::session::register::{Register, Scan};
use howgood::session::store::SessionStore;
use std::hint::black_box;

const SESSIONS: i64 = 1000;

fn workshop(n: i64, ids: &mut IdSource) -> Session {
    let start: jiff::Timestamp = "2023-01-02T09:00:00Z".parse().expect("time");
    let mut s = Session::new(
        format!("workshop-{n:05}"),
        SessionKind::Workshop,
        format!("Workshop {n}"),
        "hmie-cp-2009".into(),
        ScaleChoice::Framework,
        start + jiff::SignedDuration::from_hours(24 * n),
    );
    for (item, level) in [("5.3", 2 + (n % 4) as u8), ("8.1", 3)] {
        let mut r = ItemRecord::new(item);
        r.level = Some(level);
        r.individual_levels = ["Police", "Health", "Education"]
            .iter()
            .map(|p| IndividualLevel {
                participant: (*p).into(),
                level,
            })
            .collect();
        s.items.push(r);
    }
    for k in 0..3 {
        let mut p = Priority::new(String::new());
        p.statement = format!("Priority {k} of workshop {n}, written as people write them");
        p.owner = "Head of Safeguarding".into();
        p.deadline = Some("2027-03-31".parse().expect("date"));
        p.serves = vec!["5.3".into()];
        p.milestones
            .push(Milestone::new(String::new(), "Audit tool updated", None));
        s.priorities.push(p);
    }
    fill_missing(&mut s, ids);
    s
}

fn register(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = SessionStore::open(dir.path().join("sessions")).expect("store");
    let mut ids = IdSource::seeded(1);
    for n in 0..SESSIONS {
        let session = workshop(n, &mut ids);
        let path = store.path_of(&session.id);
        std::fs::write(&path, codec::encode(&session).expect("encode")).expect("write");
    }
    let mut group = c.benchmark_group("register over 1,000 workshops");
    group.bench_function("baseline: read and decode every file", |b| {
        b.iter(|| black_box(store.entries()))
    });
    group.bench_function("actions: every action, with logs", |b| {
        b.iter(|| black_box(Scan::of_store(&store).0.actions()))
    });
    group.bench_function("trends: levels of one framework", |b| {
        b.iter(|| black_box(Scan::of_store(&store).0.levels("hmie-cp-2009", None)))
    });
    // The same questions answered by the index (kept current; comparing
    // an unchanged folder is part of each answer, as on the screens).
    let mut index = Index::open(&Index::path_in(dir.path())).expect("index");
    index
        .reconcile(&store.dir, &mut |_, _| {})
        .expect("reconcile");
    group.bench_function("index: every action, with logs", |b| {
        b.iter(|| {
            index
                .reconcile(&store.dir, &mut |_, _| {})
                .expect("reconcile");
            black_box(index.register().actions_checked().expect("query"))
        })
    });
    group.bench_function("index: levels of one framework", |b| {
        b.iter(|| {
            index
                .reconcile(&store.dir, &mut |_, _| {})
                .expect("reconcile");
            black_box(index.register().levels("hmie-cp-2009", None))
        })
    });
    group.finish();
}

criterion_group!(benches, register);
criterion_main!(benches);
