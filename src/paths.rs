//! Where howgood keeps its files on this machine.

use directories::ProjectDirs;
use std::path::PathBuf;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "howgood")
}

/// The data folder: `--data-dir`, else `HOWGOOD_DATA_DIR` (via clap), else
/// the platform's data folder.
pub fn data_dir(explicit: Option<&PathBuf>) -> Option<PathBuf> {
    explicit
        .cloned()
        .or_else(|| project_dirs().map(|d| d.data_dir().to_owned()))
}

/// Sessions live in `<data dir>/sessions/`.
pub fn sessions_dir(explicit: Option<&PathBuf>) -> Option<PathBuf> {
    data_dir(explicit).map(|d| d.join("sessions"))
}

/// The user's own content: `HOWGOOD_CONFIG_DIR/content` when that variable
/// is set (tests and portable installs), else `<config dir>/content/`.
pub fn user_content_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("content"))
}

/// The config folder: `HOWGOOD_CONFIG_DIR` when set, else the platform's.
/// It holds `content/`, `theme.ron` and `keys.ron`.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("HOWGOOD_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    project_dirs().map(|d| d.config_dir().to_owned())
}
