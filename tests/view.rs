//! One measure of the screen: what `update` scrolls by is what `ui` draws,
//! at 80×24, 160×45 and 240×67, in normal and projector mode.

mod common;

use common::Harness;
use howgood::app::keys;
use howgood::app::reference;
use howgood::app::view::{SessionLayout, SessionView};
use howgood::app::{Pane, Workspace};
use howgood::session::model::{ItemRecord, Session, SessionKind};
use ratatui::crossterm::event::KeyCode::{self, Char};

const SIZES: [(u16, u16); 3] = [(80, 24), (160, 45), (240, 67)];

fn workshop() -> Session {
    let mut s = common::session(
        "2026-11-24-view-0001",
        SessionKind::Workshop,
        "Neglect: multi-agency workshop",
        "hmie-cp-2009",
        &[],
    );
    s.participants = vec!["Police".into(), "Health".into()];
    s.items.push(ItemRecord::new("5.3"));
    s
}

fn ws(h: &Harness) -> &Workspace {
    h.app().workspace().expect("a session is open")
}

/// A harness on the illustrations tab with the reference pane focused.
fn on_illustrations(width: u16, height: u16, present: bool) -> Harness {
    let mut h = Harness::new(width, height);
    h.open_session(&workshop());
    if present {
        h.key(Char('P'));
        assert!(h.app().present);
    }
    h.key(KeyCode::Tab);
    assert_eq!(ws(&h).focus, Pane::Reference);
    for _ in 0..10 {
        if reference::current_tab(&h.app().library, ws(&h)) == Some(reference::Tab::Illustrations) {
            return h;
        }
        h.key(Char('t'));
    }
    panic!("no illustrations tab");
}

fn view(h: &Harness) -> SessionView {
    SessionView::of(h.app(), ws(h))
}

#[test]
fn the_layout_is_the_one_drawn_in_each_mode_and_size() {
    for (w, hgt) in SIZES {
        for present in [false, true] {
            let h = on_illustrations(w, hgt, present);
            let v = view(&h);
            let expected = if present {
                SessionLayout::Projector
            } else {
                SessionLayout::Walk
            };
            assert_eq!(v.layout, expected, "{w}x{hgt}");
            assert_eq!(v.side_by_side, !present && w >= 150, "{w}x{hgt} {present}");
            assert_eq!(v.spaced, present);
            let entries = reference::entries(&h.app().library, ws(&h), v.side_by_side);
            let columns = v.columns(&entries);
            assert_eq!(columns.len(), if v.side_by_side { 2 } else { 1 });
            // Side by side, each column is measured at its own (half) width.
            for c in &columns {
                assert!(c.area.width <= v.entries.width);
                assert!(v.entries.contains(c.area.as_position()));
            }
            if v.side_by_side {
                assert_eq!(
                    columns[0].area.width + columns[1].area.width,
                    v.entries.width
                );
                assert!(columns[1].area.width < v.entries.width * 2 / 3);
                let places = v.places(&entries);
                let first_right = columns[1].entries.start;
                assert_eq!(places[first_right].column, 1);
                assert_eq!(
                    places[first_right].top, 0,
                    "the right column starts at its top"
                );
            }
        }
    }
}

/// Moving down through every entry keeps the chosen one's mark on screen.
#[test]
fn the_cursor_stays_in_view_through_every_entry() {
    for (w, hgt) in SIZES {
        for present in [false, true] {
            let mut h = on_illustrations(w, hgt, present);
            let v = view(&h);
            let count = reference::entries(&h.app().library, ws(&h), v.side_by_side).len();
            let mut guard = 0;
            while ws(&h).reference_cursor + 1 < count && guard < 400 {
                h.key(Char('j'));
                guard += 1;
                let screen = h.screen();
                assert!(
                    screen.contains('▌'),
                    "{w}x{hgt} present={present}: the chosen entry {} is off screen:\n{screen}",
                    ws(&h).reference_cursor
                );
            }
            assert_eq!(
                ws(&h).reference_cursor + 1,
                count,
                "{w}x{hgt}: reached the end"
            );
        }
    }
}

/// ←/→ switch between level 5 and level 2 illustrations whenever they are
/// not side by side, in projector mode on a wide screen too.
#[test]
fn level_two_illustrations_are_reachable_in_every_mode_and_size() {
    for (w, hgt) in SIZES {
        for present in [false, true] {
            let mut h = on_illustrations(w, hgt, present);
            if view(&h).side_by_side {
                let screen = h.screen();
                assert!(
                    screen.contains("Level 5: very good") && screen.contains("Level 2: weak"),
                    "{screen}"
                );
                continue;
            }
            assert_eq!(ws(&h).illustration_level, 5);
            h.key(KeyCode::Right);
            assert_eq!(ws(&h).illustration_level, 2, "{w}x{hgt} present={present}");
            assert_eq!(
                reference::current_tab(&h.app().library, ws(&h)),
                Some(reference::Tab::Illustrations)
            );
            let screen = h.screen();
            assert!(
                screen.contains("Level 2: weak"),
                "{w}x{hgt} present={present}:\n{screen}"
            );
            assert!(!screen.contains("Level 5: very good"), "{screen}");
        }
    }
}

/// The flow the issue names: at 240×67 in projector mode, the keys the help
/// screen gives for illustrations reach level 2.
#[test]
fn projector_at_240x67_reaches_level_two_with_the_keys_help_names() {
    let mut h = on_illustrations(240, 67, true);
    let help = keys::help(h.app());
    let named: Vec<&String> = help
        .iter()
        .flat_map(|(_, lines)| lines.iter())
        .filter(|(_, what)| what.contains("level 2"))
        .map(|(key, _)| key)
        .collect();
    assert!(
        named.iter().any(|k| k.contains('→')),
        "help names → for level 2 illustrations: {named:?}"
    );
    // The footer offers the same key here and now.
    let hints = keys::hints(h.app());
    assert!(
        hints
            .iter()
            .any(|(k, what)| k.contains('→') && what.contains("level")),
        "{hints:?}"
    );
    h.key(KeyCode::Right);
    let screen = h.screen();
    assert!(screen.contains("Level 2: weak"), "{screen}");
    assert!(!screen.contains("Level 5: very good"), "{screen}");
    insta::assert_snapshot!("projector_level_2_illustrations_240x67", screen);
    h.key(KeyCode::Left);
    assert!(h.screen().contains("Level 5: very good"));
}

/// The home screen's areas are worked out by hand (the layout solver's
/// first use would cost a start's first frame); they are the solver's.
#[test]
fn the_home_areas_are_the_layout_solvers() {
    use ratatui::layout::{Constraint, Layout, Rect};
    for width in [0, 60, 120, 500] {
        for height in 0..=300u16 {
            let solved: [Rect; 4] = Layout::vertical([
                Constraint::Length(2),
                Constraint::Min(4),
                Constraint::Length((height / 3).clamp(4, 12)),
                Constraint::Length(1),
            ])
            .areas(Rect::new(0, 0, width, height));
            assert_eq!(
                howgood::app::view::home_areas((width, height)),
                solved,
                "{width}×{height}"
            );
        }
    }
}
