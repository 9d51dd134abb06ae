//! The user's keys.ron and theme.ron: overrides take effect, broken files
//! are reported as file:line:col and the defaults kept, and the light and
//! dark themes are readable (WCAG contrast of at least 4.5:1).

mod common;

use common::Harness;
use howgood::app::Stage;
use howgood::app::action::Command;
use howgood::app::keys;
use howgood::app::theme::{self, Palette, Preset};
use howgood::session::model::{ItemRecord, Session, SessionKind};
use howgood::tui::config;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

fn workshop() -> Session {
    let mut s = common::session(
        "2026-11-24-config-0001",
        SessionKind::Workshop,
        "Config",
        "hmie-cp-2009",
        &[],
    );
    s.items.push(ItemRecord::new("5.3"));
    s
}

fn with_config(keys: Option<&str>, theme: Option<&str>) -> (Harness, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    if let Some(text) = keys {
        std::fs::write(dir.path().join("keys.ron"), text).expect("write");
    }
    if let Some(text) = theme {
        std::fs::write(dir.path().join("theme.ron"), text).expect("write");
    }
    let mut h = Harness::new(80, 24);
    config::load(&mut h.runtime.app, Some(dir.path()), None, None);
    h.open_session(&workshop());
    (h, dir)
}

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn two_keys_and_a_colour_from_ron_files_take_effect() {
    let (mut h, _dir) = with_config(
        Some("{\n  \"walk.summary\": [\"S\"],\n  \"common.quit\": [\"Q\", \"Ctrl-q\"],\n}\n"),
        Some("(\n  accent: \"#112233\",\n)\n"),
    );
    assert!(h.app().startup_problems.is_empty(), "no problems");
    // The old keys are free, the new ones work, and the footer says so.
    assert_eq!(keys::command_for(h.app(), press(KeyCode::Char('q'))), None);
    assert_eq!(
        keys::command_for(h.app(), press(KeyCode::Char('Q'))),
        Some(Command::Quit)
    );
    let hints = keys::hints(h.app());
    assert!(
        hints.iter().any(|(k, w)| k == "S" && *w == "summary"),
        "{hints:?}"
    );
    assert!(
        hints.iter().any(|(k, w)| k == "Q" && *w == "quit"),
        "{hints:?}"
    );
    h.key(KeyCode::Char('s'));
    assert!(matches!(
        h.app().workspace().expect("open").stage,
        Stage::Walk { .. }
    ));
    h.key(KeyCode::Char('S'));
    assert_eq!(h.app().workspace().expect("open").stage, Stage::Summary);
    // Help lists the new keys.
    let help = keys::help(h.app());
    assert!(
        help.iter()
            .flat_map(|(_, l)| l)
            .any(|(k, w)| k == "Q Ctrl-Q" && w.starts_with("quit"))
    );
    // The colour.
    assert_eq!(
        h.app().theme.heading().fg,
        Some(Color::Rgb(0x11, 0x22, 0x33))
    );
    assert_eq!(
        h.app().theme.warning().fg,
        Preset::Dark.palette().warning.into()
    );
}

#[test]
fn a_broken_keys_file_is_placed_and_the_defaults_kept() {
    let (h, dir) = with_config(Some("{\n  \"walk.summary\": [\"S\"\n"), None);
    let notice = h.app().startup_problems.join("\n");
    let label = dir.path().join("keys.ron").display().to_string();
    assert!(notice.contains(&format!("{label}:2:23")), "{notice}");
    assert_eq!(
        keys::command_for(h.app(), press(KeyCode::Char('s'))),
        Some(Command::Summary)
    );
}

#[test]
fn unknown_names_keys_and_clashes_are_placed_and_the_rest_apply() {
    let text = "{\n  \"walk.nonsense\": [\"x\"],\n  \"walk.summary\": [\"]\"],\n  \"walk.next_tab\": [\"Hyper-t\"],\n  \"common.quit\": [\"Q\"],\n}\n";
    let (h, dir) = with_config(Some(text), None);
    let notice = h.app().startup_problems.join("\n");
    let label = dir.path().join("keys.ron").display().to_string();
    assert!(
        notice.contains(&format!(
            "{label}:2:3: no key binding is called 'walk.nonsense'"
        )),
        "{notice}"
    );
    assert!(
        notice.contains(&format!(
            "{label}:3:3: a key for 'walk.summary' is already walk.next_phase"
        )),
        "{notice}"
    );
    assert!(
        notice.contains(&format!("{label}:4:3: 'Hyper-t' is not a key name")),
        "{notice}"
    );
    // The clashing binding keeps its default; the good one applies.
    assert_eq!(
        keys::command_for(h.app(), press(KeyCode::Char(']'))),
        Some(Command::NextPhase)
    );
    assert_eq!(
        keys::command_for(h.app(), press(KeyCode::Char('s'))),
        Some(Command::Summary)
    );
    assert_eq!(
        keys::command_for(h.app(), press(KeyCode::Char('Q'))),
        Some(Command::Quit)
    );
}

#[test]
fn a_broken_theme_file_is_placed_and_the_app_still_draws() {
    let (h, dir) = with_config(None, Some("(\n  accent: \"#1122\",\n  bogus: 1,\n)\n"));
    let notice = h.app().startup_problems.join("\n");
    let label = dir.path().join("theme.ron").display().to_string();
    assert!(notice.contains(&format!("{label}:3:")), "{notice}");
    assert_eq!(
        h.app().theme.heading().fg,
        Preset::Dark.palette().accent.into()
    );
    assert!(h.screen().contains("Recognising and assessing"));

    let (h, dir) = with_config(None, Some("(\n  accent: \"#1122\",\n)\n"));
    let notice = h.app().startup_problems.join("\n");
    let label = dir.path().join("theme.ron").display().to_string();
    assert!(
        notice.contains(&format!("{label}:2:11: '#1122' is not a colour for accent")),
        "{notice}"
    );
}

#[test]
fn the_theme_is_chosen_by_name_and_no_color_wins() {
    let (light, problems) = theme::choose(Some("light"), None, None);
    assert!(problems.is_empty());
    assert_eq!(light.palette, Preset::Light.palette());
    assert_eq!(light.base().bg, Some(Color::Rgb(255, 255, 255)));
    let (plain, _) = theme::choose(Some("light"), None, Some(std::ffi::OsStr::new("1")));
    assert!(!plain.color);
    assert_eq!(plain.heading().fg, None);
    assert_eq!(plain.base().bg, None);
    let (fallback, problems) = theme::choose(Some("neon"), None, None);
    assert_eq!(fallback.palette, Preset::Dark.palette());
    assert!(
        problems[0].contains("no theme is called 'neon'"),
        "{problems:?}"
    );
    // The file's preset, unless a name is given.
    let file = Some(("theme.ron", "(preset: \"light\")"));
    assert_eq!(
        theme::choose(None, file, None).0.palette,
        Preset::Light.palette()
    );
    assert_eq!(
        theme::choose(Some("dark"), file, None).0.palette,
        Preset::Dark.palette()
    );
}

#[test]
fn high_contrast_uses_the_terminals_colours_with_bold_and_reverse() {
    let (hc, _) = theme::choose(Some("high-contrast"), None, None);
    for style in [
        hc.text(),
        hc.heading(),
        hc.key(),
        hc.warning(),
        hc.error(),
        hc.dim(),
        hc.base(),
    ] {
        assert_eq!(style.fg, None);
        assert_eq!(style.bg, None);
    }
    assert!(
        hc.warning()
            .add_modifier
            .contains(Modifier::BOLD | Modifier::REVERSED)
    );
    assert!(hc.heading().add_modifier.contains(Modifier::BOLD));
    assert!(
        !hc.dim().add_modifier.contains(Modifier::DIM),
        "nothing is faint"
    );
}

/// The xterm defaults for the named colours a palette may use.
fn rgb(color: Color, default: (u8, u8, u8)) -> (u8, u8, u8) {
    match color {
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Reset => default,
        Color::Gray => (192, 192, 192),
        Color::White => (255, 255, 255),
        Color::Black => (0, 0, 0),
        other => panic!("no measured value for {other:?}"),
    }
}

/// WCAG 2 relative luminance and contrast ratio.
fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let lum =
        |(r, g, b): (u8, u8, u8)| 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn pairs(p: &Palette) -> Vec<(&'static str, Color)> {
    vec![
        ("text", p.text),
        ("accent", p.accent),
        ("dim", p.dim),
        ("warning", p.warning),
        ("warm", p.warm),
        ("error", p.error),
        ("ok", p.ok),
        ("matched", p.matched),
    ]
}

#[test]
fn every_colour_of_the_light_and_dark_themes_reads_at_4_5_to_1() {
    // Dark leaves the terminal's background, measured as black with the
    // terminal's default text as xterm's light grey; light paints white.
    for (preset, background, text) in [
        (Preset::Dark, (0, 0, 0), (229, 229, 229)),
        (Preset::Light, (255, 255, 255), (0, 0, 0)),
    ] {
        let palette = preset.palette();
        let bg = rgb(palette.background, background);
        let mut low = Vec::new();
        for (name, color) in pairs(&palette) {
            let ratio = contrast(rgb(color, text), bg);
            if ratio < 4.5 {
                low.push(format!("{name} {ratio:.2}"));
            }
        }
        assert!(low.is_empty(), "{}: {low:?}", preset.name());
    }
    // The measure itself: black on white is 21:1, grey on grey 1:1.
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
    assert!((contrast((128, 128, 128), (128, 128, 128)) - 1.0).abs() < 1e-9);
    assert!(contrast((119, 119, 119), (255, 255, 255)) < 4.5);
}

#[test]
fn docs_name_every_binding_a_user_can_change() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md"))
        .expect("docs/keys.md");
    for binding in keys::BINDINGS {
        if let Some(name) = binding.name() {
            assert!(
                docs.contains(&format!("`{name}`")),
                "docs/keys.md lacks {name}"
            );
        }
    }
}

#[test]
fn problems_found_at_start_are_shown_on_the_home_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("keys.ron"),
        "{\n  \"walk.summary\": [\"S\"\n",
    )
    .expect("write");
    let mut h = Harness::new(100, 30);
    config::load(&mut h.runtime.app, Some(dir.path()), None, None);
    h.runtime
        .dispatch_effect(howgood::app::action::Effect::LoadHome);
    let screen = h.screen();
    assert!(screen.contains("keys.ron:2:23: Expected comma"), "{screen}");
    assert!(
        screen.contains("No sessions yet"),
        "the app works as usual:\n{screen}"
    );
}

#[test]
fn the_digit_bindings_keep_the_digits() {
    let text = "{\n  \"walk_now.set_level\": [\"z\"],\n  \"walk_now.no_level_here\": [\"z\"],\n  \"walk_now.rate_first\": [\"z\"],\n}\n";
    let (h, _dir) = with_config(Some(text), None);
    let notice = h.app().startup_problems.join("\n");
    for name in [
        "walk_now.set_level",
        "walk_now.no_level_here",
        "walk_now.rate_first",
    ] {
        assert!(
            notice.contains(&format!("'{name}' takes the digit keys of the scale")),
            "{notice}"
        );
    }
}
