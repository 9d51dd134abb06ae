//! Issue 12's daily review: a day holds several questions, empty days give
//! their questions back and do not count, and the command line prints
//! today's question for paper and searches past reflections.

mod common;

use assert_cmd::Command;
use common::Harness;
use howgood::app::Screen;
use howgood::session::model::{Session, SessionKind};
use jiff::SignedDuration;
use ratatui::crossterm::event::KeyCode::{Char, Down, Enter, Esc};

fn daily_sessions(h: &Harness) -> Vec<Session> {
    let mut found: Vec<Session> = h
        .sessions()
        .into_iter()
        .filter(|s| s.kind == SessionKind::DailyReview)
        .collect();
    found.sort_by_key(|s| s.created);
    found
}

fn last_question(h: &Harness) -> String {
    match &h.app().screen {
        Screen::Session(ws) => ws.session.items[0]
            .questions
            .last()
            .expect("a question")
            .question
            .clone(),
        _ => panic!("the daily review is open"),
    }
}

/// Write a reflection for the question on screen.
fn reflect(h: &mut Harness, text: &str) {
    h.key(Down);
    h.key(Enter);
    h.type_text(text);
    h.key(Esc);
}

fn next_day(h: &mut Harness) {
    h.runtime.app.now += SignedDuration::from_hours(24);
}

/// A day with two questions, each with its reflection, finished.
fn two_question_day(h: &mut Harness) -> (String, String) {
    h.key(Char('d'));
    let first = last_question(h);
    reflect(h, "Two supervisions rushed this week");
    h.key(Char('a'));
    let second = last_question(h);
    reflect(h, "Case notes lag behind visits");
    h.key(Char('F'));
    (first, second)
}

#[test]
fn another_question_keeps_what_was_written_and_the_history_shows_both() {
    let mut h = Harness::new(80, 24);
    let (first, second) = two_question_day(&mut h);
    assert_ne!(first, second);
    let saved = daily_sessions(&h);
    assert_eq!(saved.len(), 1);
    let notes: Vec<(&str, &str)> = saved[0].items[0]
        .questions
        .iter()
        .map(|q| (q.question.as_str(), q.note.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            (first.as_str(), "Two supervisions rushed this week"),
            (second.as_str(), "Case notes lag behind visits")
        ]
    );
    assert!(matches!(h.app().screen, Screen::History { .. }));
    let screen = h.screen();
    assert!(
        screen.contains("Two supervisions rushed this week"),
        "{screen}"
    );
    assert!(screen.contains("Case notes lag behind visits"), "{screen}");
}

#[test]
fn history_with_several_questions_in_a_day_snapshots() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut h = Harness::new(width, height);
        two_question_day(&mut h);
        insta::assert_snapshot!(
            format!("daily_history_several_questions_{width}x{height}"),
            h.screen()
        );
    }
}

#[test]
fn an_empty_day_does_not_count_and_gives_its_question_back() {
    let mut h = Harness::new(80, 24);
    // Day one: written.
    h.key(Char('d'));
    reflect(&mut h, "Day one");
    h.key(Char('F'));
    h.key(Esc);
    next_day(&mut h);
    // Day two: opened, nothing written.
    h.key(Char('d'));
    let unanswered = last_question(&h);
    h.key(Char('F'));
    assert_eq!(h.app().home.streak, 1, "the empty day does not count");
    assert!(
        h.app().settings.daily.offered.contains(&unanswered),
        "offered while its day is open"
    );
    h.key(Esc);
    next_day(&mut h);
    // Day three: the empty day's question comes back first.
    h.key(Char('d'));
    assert_eq!(last_question(&h), unanswered);
    reflect(&mut h, "Day three");
    h.key(Char('F'));
    // Day one and day three with a gap between: the streak is today's one.
    assert_eq!(h.app().home.streak, 1);
    // Once answered, it is not given back again: day four moves on.
    h.key(Esc);
    next_day(&mut h);
    h.key(Char('d'));
    assert_ne!(last_question(&h), unanswered, "the rotation goes on");
    h.key(Esc);
    let days = daily_sessions(&h);
    assert_eq!(days.len(), 4, "the empty day is kept, not deleted");
}

#[test]
fn two_written_days_in_a_row_are_a_streak_of_two() {
    let mut h = Harness::new(80, 24);
    for text in ["one", "two"] {
        h.key(Char('d'));
        reflect(&mut h, text);
        h.key(Char('F'));
        h.key(Esc);
        next_day(&mut h);
    }
    h.runtime.app.now -= SignedDuration::from_hours(24);
    h.key(Char('h'));
    assert_eq!(h.app().home.streak, 2);
}

fn howgood(data: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("howgood").expect("binary");
    cmd.env("HOWGOOD_DATA_DIR", data)
        .env("HOWGOOD_CONFIG_DIR", data.join("config"));
    cmd
}

#[test]
fn daily_print_prints_todays_question_with_its_area_and_starts_the_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = howgood(dir.path())
        .args(["daily", "--print"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let today = jiff::tz::TimeZone::system()
        .to_datetime(jiff::Timestamp::now())
        .date();
    assert!(
        text.starts_with(&format!(
            "Daily review, {}\n",
            today.strftime("%A %-d %B %Y")
        )),
        "{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("Area: "), "{text}");
    assert!(lines[1].len() > "Area: ".len(), "{text}");
    let question = lines[3];
    assert!(question.ends_with('?'), "{text}");
    assert!(text.contains("away from the phone and computer"), "{text}");
    assert!(!text.contains('\u{1b}'), "plain text for paper");

    // Today's review now exists with that question, and printing again
    // gives the same question, not the next of the rotation.
    let files: Vec<_> = std::fs::read_dir(dir.path().join("sessions"))
        .expect("sessions")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
        .collect();
    assert_eq!(files.len(), 1);
    let bytes = std::fs::read(files[0].path()).expect("read");
    let session = howgood::session::codec::decode(&bytes)
        .expect("decode")
        .session;
    assert_eq!(session.kind, SessionKind::DailyReview);
    assert_eq!(session.items[0].questions[0].question, question);
    let again = howgood(dir.path())
        .args(["daily", "--print"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(again).expect("utf-8"), text);
}

#[test]
fn daily_search_finds_past_reflections_and_only_daily_reviews() {
    let mut h = Harness::new(80, 24);
    h.key(Char('d'));
    reflect(&mut h, "The chronology was missing from the transfer");
    h.key(Char('F'));
    h.key(Esc);
    next_day(&mut h);
    h.key(Char('d'));
    reflect(&mut h, "Quiet day, supervision went well");
    h.key(Char('F'));
    let out = howgood(h.dir.path())
        .args(["daily", "--search", "chronology", "transfer"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert_eq!(text.lines().count(), 2, "one hit: {text}");
    assert!(text.contains("[chronology]"), "{text}");
    assert!(text.contains("Daily review 2026-11-24"), "{text}");

    howgood(h.dir.path())
        .args(["daily", "--search", "nowhere-written"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("nothing found"));
}

#[test]
fn a_supervision_without_an_area_is_refused_on_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    howgood(dir.path())
        .args([
            "new",
            "--kind",
            "supervision",
            "--framework",
            "lscb-qaf",
            "--title",
            "Supervision with AB",
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("at least one content area"));
    assert!(
        std::fs::read_dir(dir.path().join("sessions"))
            .map(|d| d.count() == 0)
            .unwrap_or(true),
        "nothing created"
    );
}

#[test]
fn open_and_export_prefer_an_exact_title_over_a_prefix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ids = Vec::new();
    for title in ["Neglect", "Neglect follow-up"] {
        let out = howgood(dir.path())
            .args([
                "new",
                "--framework",
                "hmie-cp-2009",
                "--title",
                title,
                "--indicator",
                "5.3",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let line = String::from_utf8(out).expect("utf-8");
        ids.push(line.split('\t').next().expect("id").to_owned());
    }
    let out = dir.path().join("neglect.md");
    howgood(dir.path())
        .args(["export", "neglect", "--format", "md", "--output"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).expect("exported");
    assert!(text.contains("Neglect"), "{text}");
    assert!(!text.contains("Neglect follow-up"), "{text}");
    // A prefix of both still asks for more.
    howgood(dir.path())
        .args(["export", "negl", "--format", "md", "--output"])
        .arg(dir.path().join("x.md"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("begins several titles"));
}

/// Write on day one, then open it from the history on day two.
fn open_yesterday(h: &mut Harness) -> String {
    h.key(Char('d'));
    let question = last_question(h);
    reflect(h, "Written on the day");
    h.key(Char('F'));
    h.key(Esc);
    next_day(h);
    h.key(Char('h'));
    h.key(Enter);
    question
}

#[test]
fn a_past_day_opens_read_only_as_that_day_and_e_edits_it() {
    let mut h = Harness::new(80, 24);
    let question = open_yesterday(&mut h);
    let screen = h.screen();
    assert!(
        screen.contains("Daily review of Tuesday 24 November 2026"),
        "{screen}"
    );
    assert!(!screen.contains("20:00"), "no countdown: {screen}");
    assert!(screen.contains("E edits it"), "{screen}");
    // No new question, no writing, until E.
    h.key(Char('a'));
    assert_eq!(last_question(&h), question);
    h.key(Down);
    h.key(Enter);
    assert!(
        h.screen().contains("Read-only: a past day"),
        "writing is refused and says why"
    );
    let day = &daily_sessions(&h)[0];
    assert_eq!(day.items[0].questions.len(), 1);
    assert_eq!(day.items[0].questions[0].note, "Written on the day");
    // E makes it editable on purpose; the edit is saved to that day.
    h.key(Char('E'));
    assert!(h.screen().contains("Editing a past day"));
    h.key(Enter);
    h.type_text(" and a late addition");
    h.key(Esc);
    h.key(Char('F'));
    let days = daily_sessions(&h);
    assert_eq!(days.len(), 1, "no new day was started");
    assert_eq!(
        days[0].items[0].questions[0].note,
        "Written on the day and a late addition"
    );
}

#[test]
fn a_past_day_opened_read_only_snapshots() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut h = Harness::new(width, height);
        open_yesterday(&mut h);
        insta::assert_snapshot!(format!("daily_past_day_{width}x{height}"), h.screen());
    }
}

fn lscb_area_ids() -> Vec<String> {
    let library = common::library();
    let framework = library.framework("lscb-qaf").expect("lscb");
    howgood::content::query::all_area_ids(framework)
        .map(str::to_owned)
        .collect()
}

#[test]
fn areas_without_questions_are_not_focus_areas_and_a_stale_focus_is_explained() {
    let library = common::library();
    let empty: Vec<String> = lscb_area_ids()
        .into_iter()
        .filter(|id| howgood::app::daily::pool(&library, std::slice::from_ref(id)).is_empty())
        .collect();
    assert!(
        empty.iter().any(|id| id.contains("substance")),
        "parental substance misuse has no questions: {empty:?}"
    );
    let mut h = Harness::new(80, 24);
    let offered = howgood::app::update::focus_areas(h.app());
    assert!(!offered.is_empty());
    assert!(offered.iter().all(|id| !empty.contains(id)), "{offered:?}");

    // A focus kept from before on an area without questions.
    h.runtime.app.settings.daily.focus_areas = vec![empty[0].clone()];
    h.key(Char('d'));
    let screen = h.screen();
    assert!(
        screen.contains("asks no questions under your focus"),
        "{screen}"
    );
    assert!(!screen.contains("not loaded"), "{screen}");
}

#[test]
fn the_rotation_interleaves_the_areas_and_the_question_names_its_area() {
    let library = common::library();
    let framework = library.framework("lscb-qaf").expect("lscb");
    let content = framework.content.as_ref().expect("content");
    // The top-level area each question belongs to.
    let top_of = |area: &str| -> String {
        content
            .groups
            .iter()
            .flat_map(|g| &g.areas)
            .find(|a| howgood::content::query::area_and_descendants(a).contains(&area))
            .map(|a| a.id.clone())
            .expect("top-level area")
    };
    let pool = howgood::app::daily::pool(&library, &[]);
    let tops: Vec<String> = pool.iter().take(4).map(|q| top_of(&q.area)).collect();
    let mut distinct = tops.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        tops.len(),
        "four days, four areas: {tops:?}"
    );

    // Two chosen areas alternate.
    let focus = ["supervision-and-support".to_owned(), "workforce".to_owned()];
    let ids = lscb_area_ids();
    assert!(focus.iter().all(|f| ids.contains(f)), "{ids:?}");
    let two = howgood::app::daily::pool(&library, &focus);
    let firsts: Vec<String> = two.iter().take(4).map(|q| q.area.clone()).collect();
    assert_ne!(firsts[0], firsts[1], "{firsts:?}");

    let mut h = Harness::new(100, 30);
    h.key(Char('d'));
    let Screen::Session(ws) = &h.app().screen else {
        panic!("open")
    };
    let area = howgood::app::daily::area_title(&library, &ws.session.items[0].questions[0].area);
    let screen = h.screen();
    assert!(
        screen.contains(&format!("Question of the day · {area}")),
        "{screen}"
    );
}

/// `days` written days, one a day from the harness's first day.
fn written_days(h: &mut Harness, days: usize) {
    for n in 0..days {
        h.key(Char('d'));
        reflect(h, &format!("reflection on day {n}"));
        h.key(Char('F'));
        h.key(Esc);
        next_day(h);
    }
}

#[test]
fn page_keys_move_through_the_history_a_page_at_a_time() {
    use ratatui::crossterm::event::KeyCode::{PageDown, PageUp};
    let mut h = Harness::new(80, 24);
    written_days(&mut h, 14);
    h.key(Char('h'));
    let cursor = |h: &Harness| match h.app().screen {
        Screen::History { cursor } => cursor,
        _ => panic!("history"),
    };
    h.key(PageDown);
    let page = cursor(&h);
    assert!(page > 1, "more than one day: {page}");
    h.key(PageDown);
    assert_eq!(cursor(&h), (2 * page).min(13));
    for _ in 0..10 {
        h.key(PageDown);
    }
    assert_eq!(cursor(&h), 13, "stops at the oldest day");
    h.key(PageUp);
    assert_eq!(cursor(&h), 13 - page);
}

#[test]
fn daily_export_writes_a_date_range_as_markdown() {
    let mut h = Harness::new(80, 24);
    written_days(&mut h, 4); // 24 to 27 November
    let out = howgood(h.dir.path())
        .args([
            "daily",
            "--export",
            "--from",
            "2026-11-25",
            "--to",
            "2026-11-26",
            "-o",
            "-",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.starts_with("# Daily reviews\n"), "{text}");
    assert!(
        text.contains("From 2026-11-25 to 2026-11-26: 2 day(s)."),
        "{text}"
    );
    assert!(text.contains("## Wednesday 25 November 2026"), "{text}");
    assert!(text.contains("reflection on day 1"), "{text}");
    assert!(text.contains("reflection on day 2"), "{text}");
    assert!(!text.contains("reflection on day 0"), "{text}");
    assert!(!text.contains("reflection on day 3"), "{text}");
    assert!(!text.contains("triangulat"), "no workshop words: {text}");

    // The whole journal, to the exports folder by default, private.
    howgood(h.dir.path())
        .args(["daily", "--export"])
        .assert()
        .success();
    let file = h.dir.path().join("exports").join("daily-reviews.md");
    let whole = std::fs::read_to_string(&file).expect("written");
    assert!(whole.contains("The whole journal: 4 day(s)."), "{whole}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    howgood(h.dir.path())
        .args([
            "daily",
            "--export",
            "--from",
            "2026-11-27",
            "--to",
            "2026-11-25",
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("after --to"));
}

#[test]
fn ctrl_c_in_a_field_quits_as_outside_it_after_saving_the_words() {
    use ratatui::crossterm::event::KeyModifiers;
    let mut h = Harness::new(80, 24);
    h.key(Char('d'));
    h.key(Down);
    h.key(Enter);
    h.type_text("half a thought");
    h.key_with(Char('c'), KeyModifiers::CONTROL);
    assert!(h.app().quit, "Ctrl-C in a field quits");
    let day = &daily_sessions(&h)[0];
    assert_eq!(
        day.items[0].questions[0].note, "half a thought",
        "saved first"
    );
}

#[test]
fn esc_in_the_new_session_form_asks_before_discarding_a_typed_title() {
    use howgood::app::Overlay;
    let mut h = Harness::new(80, 24);
    // Nothing typed: Esc goes straight home.
    h.key(Char('n'));
    assert!(matches!(h.app().screen, Screen::NewSession(_)));
    h.key(Esc);
    assert!(matches!(h.app().screen, Screen::Home));
    // A title typed: Esc asks; any other key keeps it; y discards.
    h.key(Char('n'));
    h.type_text("Neglect audit");
    let Screen::NewSession(form) = &h.app().screen else {
        panic!("form")
    };
    assert_eq!(
        howgood::app::home::NewSessionForm::text(&form.title),
        "Neglect audit",
        "the title field took the words"
    );
    h.key(Esc);
    assert!(matches!(h.app().overlay, Some(Overlay::Confirm { .. })));
    assert!(
        h.screen()
            .contains("Discard the new session 'Neglect audit'?")
    );
    h.key(Char('x'));
    assert!(h.app().overlay.is_none());
    assert!(matches!(h.app().screen, Screen::NewSession(_)), "kept");
    h.key(Esc);
    h.key(Char('y'));
    assert!(matches!(h.app().screen, Screen::Home), "discarded on y");
}

#[test]
fn the_small_actions_date_puts_it_in_due_soon_on_home() {
    let mut h = Harness::new(80, 24);
    h.key(Char('d'));
    reflect(&mut h, "Supervision notes behind");
    h.key(Down);
    h.key(Enter); // add the action
    h.type_text("Catch up two supervision records");
    h.key(Esc);
    h.key(Down);
    h.key(Enter);
    h.type_text("2026-11-27");
    h.key(Enter);
    h.key(Char('F'));
    h.key(Esc);
    let due = &h.app().home.data.due;
    assert!(
        due.iter()
            .any(|d| d.statement == "Catch up two supervision records"
                && d.deadline == "2026-11-27".parse().expect("date")),
        "{due:?}"
    );
}
