//! The merge driver's work on one session file: merging two edited copies
//! of the worked example by id, against the baseline of encoding, verifying
//! and decoding the same session (what every save already costs). Results
//! are kept in benches/RESULTS.md as ratios to that baseline.

use criterion::{Criterion, criterion_group, criterion_main};
use howgood::session::codec;
use howgood::session::model::Session;
use howgood::sync::session_merge::{Authors, merge_sessions};
use std::hint::black_box;

fn example() -> Session {
    let bytes = include_bytes!("../sessions/2026-11-24-northshire-lscb-workshop-example.ron");
    codec::decode(bytes).expect("example decodes").session
}

fn merge(c: &mut Criterion) {
    let base = example();
    let mut ours = base.clone();
    ours.items[0].rationale.push_str(" Ours.");
    ours.priorities[0].owner = "Ours".into();
    ours.updated += jiff::SignedDuration::from_secs(5);
    let mut theirs = base.clone();
    theirs.items[0].rationale.push_str(" Theirs.");
    theirs.participants.push("Theirs".into());
    theirs.updated += jiff::SignedDuration::from_secs(9);
    let text = codec::encode(&base).expect("encodes");
    c.bench_function(
        "baseline: encode, verify and decode the worked example",
        |b| {
            b.iter(|| {
                black_box(codec::decode(
                    codec::encode(black_box(&base)).expect("e").as_bytes(),
                ))
            })
        },
    );
    c.bench_function("merge two edited copies of the worked example by id", |b| {
        b.iter(|| {
            black_box(merge_sessions(
                Some(&base),
                &ours,
                &theirs,
                &Authors::default(),
            ))
        })
    });
    c.bench_function("the driver's whole job: decode three, merge, encode", |b| {
        b.iter(|| {
            let read = |t: &str| codec::decode(t.as_bytes()).expect("d").session;
            let (b0, o, t) = (read(&text), read(&text), read(&text));
            let merged = merge_sessions(Some(&b0), &o, &t, &Authors::default()).expect("m");
            black_box(codec::encode(&merged).expect("e"))
        })
    });
}

criterion_group!(benches, merge);
criterion_main!(benches);
