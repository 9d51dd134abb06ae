//! The user's settings: which LSCB content areas the daily review draws its
//! questions from, and which questions it has offered in the current round.
//! Kept in `<data dir>/settings.ron`, private, written atomically like a
//! session; a damaged file is reported and never saved over.

use crate::session::atomic::write_atomic;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const SETTINGS_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub version: u32,
    #[serde(default)]
    pub daily: DailySettings,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DailySettings {
    /// Content area ids (of `lscb-qaf`); empty means every area.
    #[serde(default)]
    pub focus_areas: Vec<String>,
    /// Questions offered since the round began, as printed.
    #[serde(default)]
    pub offered: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: SETTINGS_FORMAT_VERSION,
            daily: DailySettings::default(),
        }
    }
}

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("settings.ron")
}

/// The settings, or why they could not be read. A missing file is the
/// defaults; a damaged one is an error (and must not be saved over).
pub fn load(path: &Path) -> Result<Settings, String> {
    let bytes = match crate::safe_io::read_regular(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let text =
        std::str::from_utf8(&bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
    let settings: Settings = ron::Options::default().from_str(text).map_err(|e| {
        format!(
            "{}:{}:{}: {}",
            path.display(),
            e.span.start.line,
            e.span.start.col,
            crate::session::codec::redact(&e.code.to_string())
        )
    })?;
    if settings.version > SETTINGS_FORMAT_VERSION {
        return Err(format!(
            "{}: written by a newer howgood (version {}); left as it is",
            path.display(),
            settings.version
        ));
    }
    Ok(settings)
}

pub fn save(path: &Path, settings: &Settings) -> Result<(), String> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_owned())
        .struct_names(false);
    let text = ron::Options::default()
        .to_string_pretty(settings, config)
        .map_err(|e| e.to_string())?;
    if let Some(dir) = path.parent() {
        crate::session::atomic::create_private_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    write_atomic(path, format!("{text}\n").as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_damage_is_reported_not_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = path(dir.path());
        assert_eq!(
            load(&file).expect("missing is default"),
            Settings::default()
        );
        let mut settings = Settings::default();
        settings.daily.focus_areas = vec!["workforce".into()];
        save(&file, &settings).expect("save");
        assert_eq!(load(&file).expect("load"), settings);
        std::fs::write(&file, "(version: 1, daily: (focus_areas: [\"workf").expect("damage");
        let error = load(&file).expect_err("damaged");
        assert!(error.contains("settings.ron:1:"), "{error}");
    }
}
