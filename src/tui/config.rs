//! The user's own colours and keys, read at start from the config folder:
//! `theme.ron` and `keys.ron` (docs/keys.md). A file that cannot be used is
//! reported on the home screen as file:line:col, what can be used still is,
//! and howgood always starts.

use crate::app::App;
use crate::app::keys;
use crate::app::theme;
use std::path::Path;

/// Set the app's theme and key map from `config_dir` and the chosen theme
/// name; problems are kept for the home screen.
pub fn load(
    app: &mut App,
    config_dir: Option<&Path>,
    theme_name: Option<&str>,
    no_color: Option<&std::ffi::OsStr>,
) {
    let mut problems = Vec::new();
    let theme_file = config_dir.and_then(|d| read(&d.join("theme.ron"), &mut problems));
    let (chosen, theme_problems) = theme::choose(
        theme_name,
        theme_file.as_ref().map(|(l, t)| (l.as_str(), t.as_str())),
        no_color,
    );
    app.theme = chosen;
    problems.extend(theme_problems);
    if let Some((label, text)) = config_dir.and_then(|d| read(&d.join("keys.ron"), &mut problems)) {
        problems.extend(keys::apply_overrides(&mut app.keymap, &text, &label));
    }
    app.startup_problems.extend(problems);
}

/// A config file's label and text; none when it does not exist.
fn read(path: &Path, problems: &mut Vec<String>) -> Option<(String, String)> {
    let label = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Some((label, text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            problems.push(format!("{label}: cannot be read ({})", e.kind()));
            None
        }
    }
}
