//! Issue 13, item 7: an organisation's own content areas, questions and
//! 'good' statements, written from the screen (keys through the runtime)
//! and read wherever the publisher's are, marked as the organisation's.

mod common;

use common::Harness;
use howgood::app::Screen;
use howgood::app::own::areas;
use howgood::app::reference::{self, Tab};
use howgood::app::rows::{self, Row};
use howgood::content::model::GoodKind;
use howgood::content::own;
use howgood::session::model::SessionKind;
use ratatui::crossterm::event::KeyCode::{Char, Down, Enter, Esc, Tab as TabKey};
use std::path::PathBuf;

const ORG: &str = "Northshire Community Health";

fn harness(size: (u16, u16)) -> (Harness, PathBuf) {
    let mut h = Harness::new(size.0, size.1);
    let path = h.dir.path().join("config/content").join(own::FILE);
    h.runtime.own_content_path = Some(path.clone());
    (h, path)
}

/// Move down the own content screen to an area.
fn to_area(h: &mut Harness, id: &str) {
    for _ in 0..60 {
        let Screen::OwnContent(state) = &h.app().screen else {
            panic!("on the own content screen");
        };
        if areas(&h.app().library)[state.cursor].id == id {
            return;
        }
        h.key(Down);
    }
    panic!("no area {id}");
}

fn written(path: &PathBuf) -> howgood::content::model::Framework {
    let text = std::fs::read_to_string(path).expect("written");
    howgood::content::load::parse_framework("own", &text).expect("parses")
}

#[test]
fn own_content_is_written_from_the_screen_attributed_and_private() {
    for size in [(80, 24), (240, 67)] {
        let (mut h, path) = harness(size);
        h.key(Char('o'));
        assert!(h.screen().contains("Your own content"), "{}", h.screen());
        // A new area: the organisation's name is asked first, once.
        h.key(Char('a'));
        h.type_text(&format!(
            "{ORG}\nTransition to adult services\nYoung people moving to adult health services\n"
        ));
        let file = written(&path);
        assert_eq!(file.id, own::ID);
        assert_eq!(file.publisher, ORG);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // A question for it, then a statement for an LSCB area.
        to_area(&mut h, "own-transition-to-adult-services");
        assert!(
            h.screen().contains("Young people moving to"),
            "{}",
            h.screen()
        );
        h.key(Char('w'));
        h.type_text("Who plans a young person's move to adult services by 16?\n");
        to_area(&mut h, "workforce");
        h.key(Char('s'));
        h.type_text("Every school nurse has safeguarding supervision each month.\nq\n");
        let file = written(&path);
        let content = file.content.as_ref().expect("content");
        assert_eq!(content.questions.len(), 1);
        assert_eq!(
            content.questions[0].area,
            "own-transition-to-adult-services"
        );
        assert_eq!(content.good.len(), 1);
        assert_eq!(content.good[0].area, "workforce");
        assert_eq!(content.good[0].kind, GoodKind::Quality);
        // Nothing was written into the publisher's framework.
        let lscb = h.app().library.framework("lscb-qaf").expect("lscb");
        assert!(
            !lscb
                .content
                .as_ref()
                .expect("c")
                .good
                .iter()
                .any(|g| g.text.contains("school nurse"))
        );
        let screen = h.screen();
        assert!(screen.contains("Every school nurse"), "{screen}");
        assert!(screen.contains(&format!("{ORG}'s own")), "{screen}");
        insta::assert_snapshot!(format!("own_content_{}x{}", size.0, size.1), screen);
        h.key(Esc);
        assert!(matches!(h.app().screen, Screen::Home));
    }
}

#[test]
fn a_bad_answer_writes_nothing_and_an_unreadable_file_is_never_written_over() {
    let (mut h, path) = harness((100, 30));
    h.key(Char('o'));
    // An empty title is refused before anything is written.
    h.key(Char('a'));
    h.type_text(&format!("{ORG}\n\n\n"));
    assert!(!path.exists());
    assert!(
        h.app()
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("Not written")
    );
    // A file that does not parse is left exactly as it is.
    std::fs::create_dir_all(path.parent().expect("dir")).expect("dir");
    std::fs::write(&path, "(version: 1, id: \"own-content\", broken").expect("write");
    h.key(Char('a'));
    h.type_text(&format!("{ORG}\nA new area\n\n"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "(version: 1, id: \"own-content\", broken"
    );
    let notice = h.app().notice.clone().unwrap_or_default();
    assert!(notice.contains("nothing was written"), "{notice}");
}

#[test]
fn own_questions_and_statements_stand_beside_the_publishers_with_a_mark() {
    let (mut h, _) = harness((240, 67));
    h.key(Char('o'));
    to_area(&mut h, "workforce");
    h.key(Char('w'));
    h.type_text(&format!(
        "{ORG}\nDo our school nurses know who their named nurse is?\n"
    ));
    h.key(Char('s'));
    h.type_text("Every school nurse has safeguarding supervision each month.\n\n");
    h.key(Esc);
    let session = common::session(
        "2026-11-24-workforce-0001",
        SessionKind::Workshop,
        "Workforce",
        "lscb-qaf",
        &["workforce"],
    );
    h.open_session(&session);
    // Phase 1: the organisation's question under its own heading.
    let ws = h.app().workspace().expect("open");
    let shown = rows::rows(&h.app().library, ws, false);
    let heading = shown
        .iter()
        .position(|r| matches!(r, Row::Heading(t) if t.contains(&format!("{ORG}'s own"))));
    let heading = heading.expect("a heading for the organisation's questions");
    assert!(matches!(
        &shown[heading + 1],
        Row::Question { question, .. } if question.contains("named nurse")
    ));
    // Phase 3: the statement among Module 2's, marked.
    h.keys(&[Char(']'), Char(']')]);
    let ws = h.app().workspace().expect("open");
    assert_eq!(
        reference::current_tab(&h.app().library, ws),
        Some(Tab::GoodStatements)
    );
    let entries = reference::entries(&h.app().library, ws, true);
    let mine = entries
        .iter()
        .find(|e| e.text.contains("safeguarding supervision each month"))
        .expect("the organisation's statement");
    assert!(
        mine.tag
            .as_deref()
            .unwrap_or("")
            .contains(&format!("✎ {ORG}'s own"))
    );
    let screen = h.screen();
    assert!(screen.contains(&format!("✎ {ORG}'s own")), "{screen}");
    // The find palette lists it, marked.
    h.key(TabKey);
    h.key(Char('/'));
    h.type_text("named nurse");
    let Some(howgood::app::Overlay::Palette(palette)) = &h.app().overlay else {
        panic!("palette");
    };
    let entry = palette.selected().expect("found");
    assert!(entry.text.contains(&format!("✎ {ORG}'s own")), "{entry:?}");
    h.key(Enter);
}

#[test]
fn an_export_marks_the_organisations_own_question() {
    let (mut h, _) = harness((100, 30));
    h.key(Char('o'));
    to_area(&mut h, "workforce");
    h.key(Char('w'));
    h.type_text(&format!(
        "{ORG}\nDo our school nurses know who their named nurse is?\n"
    ));
    let mut session = common::session(
        "2026-11-24-workforce-0002",
        SessionKind::Workshop,
        "Workforce",
        "lscb-qaf",
        &["workforce"],
    );
    let publisher_question = reference::linked_questions(&h.app().library, &session, "workforce")
        .into_iter()
        .next()
        .and_then(|(_, _, qs)| qs.into_iter().next())
        .expect("a Module 3 question");
    for question in [
        "Do our school nurses know who their named nurse is?".to_owned(),
        publisher_question.clone(),
    ] {
        session.items[0]
            .questions
            .push(howgood::session::model::QuestionNote {
                area: "workforce".into(),
                question,
                discussed: true,
                note: "Talked through.".into(),
            });
    }
    let today = "2026-11-24".parse().expect("date");
    let doc = howgood::export::markdown::session_markdown(&session, &h.app().library, today);
    let line = |words: &str| {
        doc.lines()
            .find(|l| l.contains(words))
            .unwrap_or_else(|| panic!("{words} in\n{doc}"))
            .to_owned()
    };
    assert!(
        line("named nurse").contains(&format!("✎ {ORG}'s own")),
        "{doc}"
    );
    let first_words: String = publisher_question.chars().take(30).collect();
    assert!(!line(&first_words).contains("✎"), "{doc}");
}
