//! The register and levels over time from the index give the same answers
//! as reading every file (`Scan`), and name actions by stable id.

use howgood::index::Index;
use howgood::session::atomic::write_atomic;
use howgood::session::codec;
use howgood::session::model::{
    ActionRef, IndividualLevel, ItemRecord, Milestone, Priority, PriorityStatus, ProgressUpdate,
    ScaleChoice, Session, SessionKind,
};
use howgood::session::register::{Register, Scan};
use howgood::session::store::SessionStore;

fn session(id: &str, kind: SessionKind, framework: &str, created: &str) -> Session {
    Session::new(
        id.into(),
        kind,
        format!("{id} title"),
        framework.into(),
        ScaleChoice::Framework,
        created.parse().expect("time"),
    )
}

fn update(date: &str, status: PriorityStatus, note: &str) -> ProgressUpdate {
    ProgressUpdate {
        date: date.parse().expect("date"),
        status,
        note: note.into(),
        impact: None,
    }
}

fn sessions() -> Vec<Session> {
    let mut march = session(
        "march",
        SessionKind::Workshop,
        "hmie-cp-2009",
        "2026-03-10T09:00:00Z",
    );
    march.locality = Some("North".into());
    let mut r = ItemRecord::new("5.3");
    r.level = Some(2);
    r.individual_levels = vec![IndividualLevel {
        participant: "Police".into(),
        level: 3,
    }];
    march.items = vec![r, ItemRecord::new("8.1")];
    let mut fathers = Priority::new("aaaaaaaa".into());
    fathers.statement = "Fathers seen".into();
    fathers.owner = "Head".into();
    fathers.deadline = Some("2026-06-30".parse().expect("date"));
    fathers.serves = vec!["5.3".into()];
    fathers.status = PriorityStatus::CarriedForward;
    fathers.log = vec![
        update("2026-04-02", PriorityStatus::InProgress, "drafted"),
        update("2026-06-15", PriorityStatus::CarriedForward, "half"),
    ];
    let mut m = Milestone::new(
        "mmmmmmmm".into(),
        "audit tool",
        Some("2026-05-01".parse().expect("date")),
    );
    m.log = vec![update("2026-05-01", PriorityStatus::Done, "done")];
    m.status = PriorityStatus::Done;
    fathers.milestones.push(m);
    let mut chrono = Priority::new("bbbbbbbb".into());
    chrono.statement = "Chronologies".into();
    march.priorities = vec![fathers, chrono];

    let mut june = session(
        "june",
        SessionKind::Workshop,
        "hmie-cp-2009",
        "2026-06-15T09:00:00Z",
    );
    june.follows = Some("march".into());
    let mut r = ItemRecord::new("5.3");
    r.level = Some(4);
    june.items = vec![r];
    let mut carried = Priority::new("cccccccc".into());
    carried.carries = Some(ActionRef {
        session: "march".into(),
        action: "aaaaaaaa".into(),
    });
    carried.log = vec![update("2026-07-01", PriorityStatus::InProgress, "more")];
    june.priorities = vec![carried];

    let mut supervision = session(
        "sup",
        SessionKind::Supervision,
        "lscb-qaf",
        "2026-04-01T09:00:00Z",
    );
    let mut visit = Priority::new("dddddddd".into());
    visit.statement = "Visit weekly".into();
    supervision.priorities = vec![visit];
    let mut daily = session(
        "day",
        SessionKind::DailyReview,
        "lscb-qaf",
        "2026-04-02T09:00:00Z",
    );
    daily.priorities = vec![Priority::new("eeeeeeee".into())];
    vec![march, june, supervision, daily]
}

fn write(store: &SessionStore, s: &Session) {
    write_atomic(
        &store.path_of(&s.id),
        codec::encode(s).expect("encode").as_bytes(),
    )
    .expect("write");
}

/// These sessions written as howgood writes them, and an index that has
/// compared the folder: the store and the index.
fn indexed(dir: &std::path::Path, all: &[Session]) -> (SessionStore, Index) {
    let (store, _) = SessionStore::open(dir.join("sessions")).expect("store");
    for s in all {
        write(&store, s);
    }
    let mut index = Index::open(&Index::path_in(dir)).expect("index");
    index
        .reconcile(&store.dir, &mut |_, _| {})
        .expect("reconcile");
    (store, index)
}

#[test]
fn the_index_answers_as_reading_every_file_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, index) = indexed(dir.path(), &sessions());
    let (scan, problems) = Scan::of_store(&store);
    assert!(problems.is_empty());
    let from_index = index.register();

    let actions = from_index.actions_checked().expect("query");
    assert_eq!(
        actions.len(),
        6,
        "4 priorities and actions, a milestone... {actions:#?}"
    );
    assert_eq!(actions, scan.actions());
    let carried = actions
        .iter()
        .find(|r| r.id == "cccccccc")
        .expect("carried");
    assert_eq!(carried.text, "Fathers seen", "read through the link");
    assert_eq!(carried.history.len(), 3, "its whole log");

    for framework in ["hmie-cp-2009", "lscb-qaf"] {
        assert_eq!(
            from_index.levels(framework, None),
            scan.levels(framework, None)
        );
    }
    assert_eq!(
        from_index.levels("hmie-cp-2009", Some("5.3")),
        scan.levels("hmie-cp-2009", Some("5.3"))
    );
    assert_eq!(
        from_index.find_action("aaaaaaaa"),
        scan.find_action("aaaaaaaa")
    );
    assert_eq!(from_index.scales("hmie-cp-2009").len(), 2);
}

#[test]
fn actions_are_keyed_by_id_so_a_reorder_changes_nothing_but_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut all = sessions();
    let (store, mut index) = indexed(dir.path(), &all);
    let before = index.register().actions_checked().expect("query");
    all[0].priorities.reverse();
    write(&store, &all[0]);
    index
        .refresh_file(&store.dir, "march.ron")
        .expect("refresh");
    let after = index.register().actions_checked().expect("query");
    assert_eq!(before, after, "same rows, same ids, same logs");
    // An update lands on the action with that id, wherever it now is.
    let (scan, _) = Scan::of_store(&store);
    assert_eq!(after, scan.actions());
}

/// The register screen's filters answered in SQL a page at a time: the
/// same rows, in the same order, as filtering every file's actions.
#[test]
fn the_register_pages_and_filters_in_the_index_as_over_every_file() {
    use howgood::app::cycle::{DueWindow, RegisterFilter};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut all = sessions();
    let (store, mut index) = indexed(dir.path(), &all);
    let today: jiff::civil::Date = "2026-06-01".parse().expect("date");
    let some = |s: &str| Some(s.to_owned());
    let mut filters = vec![
        RegisterFilter::default(),
        RegisterFilter {
            owner: some("Head"),
            ..Default::default()
        },
        RegisterFilter {
            status: Some(PriorityStatus::NotStarted),
            ..Default::default()
        },
        RegisterFilter {
            framework: some("lscb-qaf"),
            ..Default::default()
        },
        RegisterFilter {
            item: some("5.3"),
            ..Default::default()
        },
        RegisterFilter {
            session: some("june"),
            ..Default::default()
        },
        // An item with another filter: counted from the item table, or,
        // behind an owner, by checking the owner's actions' items.
        RegisterFilter {
            item: some("5.3"),
            status: Some(PriorityStatus::NotStarted),
            ..Default::default()
        },
        RegisterFilter {
            item: some("5.3"),
            owner: some("Head"),
            ..Default::default()
        },
    ];
    for due in [
        DueWindow::Overdue,
        DueWindow::Within30,
        DueWindow::Within90,
        DueWindow::Undated,
    ] {
        filters.push(RegisterFilter {
            due,
            ..Default::default()
        });
    }
    let check = |index: &Index| {
        let (scan, _) = Scan::of_store(&store);
        let every = scan.actions();
        let register = index.register();
        assert_eq!(register.total().expect("total"), every.len());
        for filter in &filters {
            let wanted: Vec<_> = every
                .iter()
                .filter(|r| filter.accepts(r, today))
                .cloned()
                .collect();
            let sql = filter.page_filter(today);
            assert_eq!(register.count(&sql).expect("count"), wanted.len());
            assert_eq!(
                register.page(&sql, 0, 100).expect("page"),
                wanted,
                "{filter:?}"
            );
            let second = register.page(&sql, 1, 2).expect("page");
            assert_eq!(
                second,
                wanted.iter().skip(1).take(2).cloned().collect::<Vec<_>>()
            );
        }
    };
    check(&index);
    let carried = index
        .register()
        .page(&filters[1].page_filter(today), 0, 100)
        .expect("page");
    assert!(
        carried.iter().any(|r| r.id == "cccccccc"),
        "the owner is read through the carried priority"
    );

    // The carried priority's owner and date change: the one carrying it
    // follows (in the item filter's order too).
    all[0].priorities[0].owner = "Lead".into();
    all[0].priorities[0].deadline = Some("2027-01-31".parse().expect("date"));
    write(&store, &all[0]);
    let name = store.path_of("march");
    let name = name.file_name().expect("name").to_string_lossy();
    index.refresh_file(&store.dir, &name).expect("refresh");
    check(&index);
    let register = index.register();
    let lead = RegisterFilter {
        owner: some("Lead"),
        ..Default::default()
    };
    assert_eq!(register.count(&lead.page_filter(today)).expect("count"), 3);
    use howgood::index::register::Column;
    assert_eq!(
        register.next_value(Column::Owner, None).expect("owner"),
        some("Lead")
    );
    assert_eq!(
        register
            .next_value(Column::Owner, Some("Lead"))
            .expect("owner"),
        None
    );
    assert_eq!(
        register.next_value(Column::Item, None).expect("item"),
        some("5.3")
    );

    // A session gone from the folder takes its actions (and their count,
    // and their items) with it.
    std::fs::remove_file(store.path_of("june")).expect("remove");
    index
        .reconcile(&store.dir, &mut |_, _| {})
        .expect("reconcile");
    check(&index);
}

/// Nine sessions of one framework over nine months, three localities (one
/// session records none), one session covering no item: every window,
/// with and without a locality, is the same from the index as from the files.
#[test]
fn a_window_of_levels_from_the_index_matches_the_files() {
    use howgood::session::register::LevelsQuery;
    let dir = tempfile::tempdir().expect("tempdir");
    let places = [Some("North"), Some("South"), None, Some("East")];
    let mut all = Vec::new();
    for month in 1..=9 {
        let id = format!("s{month}");
        let created = format!("2026-{month:02}-05T09:00:00Z");
        let mut s = session(&id, SessionKind::Workshop, "hmie-cp-2009", &created);
        s.locality = places[month % places.len()].map(str::to_owned);
        if month != 4 {
            let mut r = ItemRecord::new(if month % 2 == 0 { "5.3" } else { "8.1" });
            r.level = Some(u8::try_from(month % 6 + 1).expect("level"));
            s.items = vec![r, ItemRecord::new("1.1")];
        }
        all.push(s);
    }
    let (_, index) = indexed(dir.path(), &all);
    let from_index = index.register();
    let scan = Scan::new(all);
    let mut compared = 0;
    for locality in [None, Some("North"), Some("East"), Some("West")] {
        for skip in 0..10 {
            for take in [1, 3, 20] {
                let query = LevelsQuery {
                    framework: "hmie-cp-2009".into(),
                    locality: locality.map(str::to_owned),
                    skip,
                    take,
                };
                let (a, b) = (from_index.levels_page(&query), scan.levels_page(&query));
                assert_eq!(a, b, "{query:?}");
                compared += usize::from(!a.points.is_empty());
            }
        }
    }
    assert!(
        compared > 30,
        "windows holding levels were compared: {compared}"
    );
    let whole = from_index.levels_page(&LevelsQuery {
        framework: "hmie-cp-2009".into(),
        take: 3,
        ..LevelsQuery::default()
    });
    assert_eq!(
        whole.sessions, 8,
        "the session covering nothing is not counted"
    );
    assert_eq!(whole.items, ["1.1", "5.3", "8.1"]);
    assert_eq!(whole.localities, ["East", "North", "South"]);
    let dates: Vec<String> = whole
        .points
        .iter()
        .map(|p| p.session_date.to_string())
        .collect();
    assert_eq!(dates.first().map(String::as_str), Some("2026-07-05"));
    assert_eq!(dates.last().map(String::as_str), Some("2026-09-05"));
}
