//! What a user waits for: starting up (content), a keystroke in the find
//! palette, a save, and drawing a screen. Results are kept in
//! benches/RESULTS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use howgood::app::App;
use howgood::app::action::{Action, Opened};
use howgood::app::palette;
use howgood::content::library::{Library, embedded_files};
use howgood::session::codec;
use howgood::session::store::OpenSession;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

fn example() -> howgood::session::model::Session {
    let bytes = include_bytes!("../sessions/2026-11-24-northshire-lscb-workshop-example.ron");
    codec::decode(bytes).expect("example decodes").session
}

fn content(c: &mut Criterion) {
    c.bench_function("load and validate all embedded content", |b| {
        b.iter(|| black_box(Library::assemble(embedded_files(), Vec::new())))
    });
}

fn search(c: &mut Criterion) {
    let library = Library::assemble(embedded_files(), Vec::new());
    let session = example();
    c.bench_function("build the find index", |b| {
        b.iter(|| black_box(palette::build_index(&library, Some(&session))))
    });
    let index = palette::build_index(&library, Some(&session));
    c.bench_function("search: a word ('supervision')", |b| {
        b.iter(|| black_box(palette::search(&index, "supervision")))
    });
    c.bench_function("search: a typo, fuzzy fallback ('supervison')", |b| {
        b.iter(|| black_box(palette::search(&index, "supervison")))
    });
}

fn storage(c: &mut Criterion) {
    let session = example();
    c.bench_function("encode, verify and decode a session", |b| {
        b.iter(|| {
            let text = codec::encode(&session).expect("encode");
            black_box(codec::decode(text.as_bytes()).expect("decode"))
        })
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let now = jiff::Timestamp::now();
    let mut open = OpenSession::create(&path, &session, now).expect("create");
    let mut changing = session.clone();
    let mut n = 0u64;
    c.bench_function("save a session atomically (fsync included)", |b| {
        b.iter(|| {
            n += 1;
            changing.title = format!("save {n}");
            black_box(open.save(&changing, now).expect("save"))
        })
    });
}

fn render(c: &mut Criterion) {
    let library = Library::assemble(embedded_files(), Vec::new());
    let mut app = App::new(library, jiff::Timestamp::now(), (160, 45));
    howgood::app::update::update(
        &mut app,
        Action::Opened(Ok(Box::new(Opened {
            session: example(),
            read_only: None,
            recovery: None,
        }))),
    );
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    c.bench_function("draw the walk screen at 160x45", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| howgood::ui::render(frame, &app))
                .expect("draw");
        })
    });
}

fn years_of_daily_reviews(c: &mut Criterion) {
    // Three years of daily reviews, one small file each.
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) =
        howgood::session::store::SessionStore::open(dir.path().join("sessions")).expect("store");
    let start: jiff::Timestamp = "2023-11-24T08:00:00Z".parse().expect("time");
    for day in 0..1095 {
        let now = start + jiff::SignedDuration::from_hours(24 * day);
        let mut session = howgood::session::model::Session::new(
            format!("daily-{day:04}"),
            howgood::session::model::SessionKind::DailyReview,
            "Daily review".into(),
            "lscb-qaf".into(),
            howgood::session::model::ScaleChoice::Borrowed("hmie-cp-2009".into()),
            now,
        );
        let mut record = howgood::session::model::ItemRecord::new("workforce");
        record
            .questions
            .push(howgood::session::model::QuestionNote {
                area: "workforce".into(),
                question: "Which are the most important professional groups to focus on?".into(),
                discussed: true,
                note: "A short reflection of a sentence or two, as people write them.".into(),
            });
        session.items.push(record);
        let path = store.path_of(&session.id);
        std::fs::write(&path, codec::encode(&session).expect("encode")).expect("write");
    }
    let today = "2026-11-24".parse().expect("date");
    c.bench_function(
        "list the home screen with 3 years of daily reviews (1,095 files)",
        |b| {
            b.iter(|| {
                black_box(howgood::tui::runtime::home_data(
                    &store,
                    today,
                    &jiff::tz::TimeZone::UTC,
                ))
            })
        },
    );
}

criterion_group!(
    benches,
    content,
    search,
    storage,
    render,
    years_of_daily_reviews
);
criterion_main!(benches);
