//! A test harness: the app with its real edge (storage, exports) in a
//! temporary folder, driven by key events on a fake clock, drawn on
//! ratatui's `TestBackend`.
#![allow(dead_code)]

pub mod cli;
pub mod sync_data;

use howgood::app::App;
use howgood::app::action::Action;
use howgood::content::library::{Library, embedded_files};
use howgood::session::codec;
use howgood::session::model::{IndividualLevel, ItemRecord, ScaleChoice, Session, SessionKind};
use howgood::session::store::SessionStore;
use howgood::tui::runtime::Runtime;
use howgood::ui;
use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub struct Harness {
    pub runtime: Runtime,
    pub dir: tempfile::TempDir,
}

pub fn library() -> Library {
    Library::assemble(embedded_files(), Vec::new())
}

/// A fixed moment, so screens and files are the same on every run.
pub fn start_time() -> Timestamp {
    "2026-11-24T09:30:00Z".parse().expect("timestamp")
}

/// A moment written as text (`2026-03-10T10:00:00Z`).
pub fn at(text: &str) -> Timestamp {
    text.parse().expect("timestamp")
}

/// An item agreed at `level`, shown, with each participant's own level.
pub fn record(item: &str, level: u8, each: &[(&str, u8)]) -> ItemRecord {
    let mut r = ItemRecord::new(item);
    r.level = Some(level);
    r.revealed = true;
    r.individual_levels = each
        .iter()
        .map(|(p, l)| IndividualLevel {
            participant: (*p).to_owned(),
            level: *l,
        })
        .collect();
    r
}

/// Damaged or foreign copies of a good file, each of which must never be
/// loaded as a default or saved over: `version` is the good file's
/// version line (`version: 3,`) and `field` a line a new field can go
/// before (indent included).
pub fn damaged_copies(good: &str, version: &str, field: &str) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("empty", Vec::new()),
        ("truncated", good.as_bytes()[..good.len() / 2].to_vec()),
        ("nul-filled", vec![0u8; good.len()]),
        ("not-utf8", {
            let mut bytes = good.as_bytes().to_vec();
            bytes[20] = 0xff;
            bytes
        }),
        (
            "future-version",
            good.replacen(version, "version: 7,", 1).into_bytes(),
        ),
        (
            "unknown-field",
            good.replacen(
                field,
                &format!(
                    "{}mood: \"calm\",\n{field}",
                    &field[..field.len() - field.trim_start().len()]
                ),
                1,
            )
            .into_bytes(),
        ),
    ]
}

/// A session as the tests build them: on its framework's own scale,
/// created at [`start_time`], with the given items and nothing recorded.
pub fn session(
    id: &str,
    kind: SessionKind,
    title: &str,
    framework: &str,
    items: &[&str],
) -> Session {
    let mut s = Session::new(
        id.into(),
        kind,
        title.into(),
        framework.into(),
        ScaleChoice::Framework,
        start_time(),
    );
    s.items = items.iter().map(|i| ItemRecord::new(*i)).collect();
    s
}

impl Harness {
    pub fn new(width: u16, height: u16) -> Harness {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _) = SessionStore::open(dir.path().join("sessions")).expect("store");
        let mut app = App::new(library(), start_time(), (width, height));
        app.theme = howgood::app::theme::Theme::PLAIN;
        let mut runtime = Runtime::new(
            app,
            store,
            dir.path().join("exports"),
            dir.path().join("settings.ron"),
        );
        runtime.start(None);
        Harness { runtime, dir }
    }

    pub fn app(&self) -> &App {
        &self.runtime.app
    }

    pub fn send(&mut self, action: Action) {
        self.runtime.dispatch(action);
    }

    pub fn key(&mut self, code: KeyCode) {
        self.key_with(code, KeyModifiers::NONE);
    }

    pub fn key_with(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.send(Action::Key(KeyEvent::new(code, modifiers)));
    }

    /// A key release, which howgood must ignore.
    pub fn release(&mut self, code: KeyCode) {
        let mut event = KeyEvent::new(code, KeyModifiers::NONE);
        event.kind = KeyEventKind::Release;
        self.send(Action::Key(event));
    }

    /// Type text one key at a time, as a person would.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' {
                self.key(KeyCode::Enter);
            } else {
                self.key(KeyCode::Char(c));
            }
        }
    }

    pub fn keys(&mut self, codes: &[KeyCode]) {
        for code in codes {
            self.key(*code);
        }
    }

    /// Let time pass and the clock tick (autosave).
    pub fn wait(&mut self, seconds: i64) {
        let now = self.runtime.app.now + SignedDuration::from_secs(seconds);
        self.runtime.app.now = now;
        self.send(Action::Tick);
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.send(Action::Resize(width, height));
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        let (width, height) = self.runtime.app.size;
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| ui::render(frame, &self.runtime.app))
            .expect("draw");
        let buffer = terminal.backend().buffer().clone();
        let mut out = String::new();
        for y in 0..height {
            let mut line = String::new();
            for x in 0..width {
                line.push_str(buffer[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    pub fn sessions_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("sessions")
    }

    /// Every readable session on disk, decoded, in file-name order.
    pub fn sessions(&self) -> Vec<Session> {
        self.runtime
            .store
            .entries()
            .expect("sessions folder")
            .into_iter()
            .filter_map(|e| e.state.ok())
            .map(|d| d.session)
            .collect()
    }

    /// The one session file on disk, decoded.
    pub fn saved(&self) -> Session {
        let entries = self.runtime.store.entries().expect("sessions folder");
        assert_eq!(entries.len(), 1, "one session on disk");
        entries
            .into_iter()
            .next()
            .and_then(|e| e.state.ok())
            .expect("the session file decodes")
            .session
    }

    pub fn saved_text(&self) -> String {
        let session = self.saved();
        std::fs::read_to_string(self.runtime.store.path_of(&session.id)).expect("read")
    }

    /// A session file written as howgood writes: private, atomically.
    pub fn write_session(&self, session: &Session) {
        howgood::session::atomic::write_atomic(
            &self.runtime.store.path_of(&session.id),
            codec::encode(session).expect("encode").as_bytes(),
        )
        .expect("write");
    }

    pub fn open_session(&mut self, session: &Session) {
        self.write_session(session);
        self.runtime
            .dispatch_effect(howgood::app::action::Effect::Open(session.id.clone()));
    }
}

/// A daily review with one reflection on the LSCB's safeguarding-wisdom
/// question.
pub fn daily_with_reflection(id: &str, note: &str) -> Session {
    let mut day = session(
        id,
        SessionKind::DailyReview,
        "Daily review",
        "lscb-qaf",
        &["safeguarding-wisdom"],
    );
    day.items[0]
        .questions
        .push(howgood::session::model::QuestionNote {
            area: "safeguarding-wisdom".into(),
            question: "What range of methods are used?".into(),
            discussed: true,
            note: note.into(),
        });
    day
}

/// A CSV export read back strictly (RFC 4180) by the `csv` crate, after
/// checking what Excel needs: a byte-order mark and CRLF line ends.
pub fn strict_csv(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "no byte-order mark"
    );
    let body = &bytes[3..];
    // Every line ends CRLF: no bare LF outside quoted cells.
    let text = std::str::from_utf8(body).expect("utf-8");
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(body);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("strict RFC 4180");
    (header, records)
}
