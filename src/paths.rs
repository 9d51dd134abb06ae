//! Where howgood keeps its files on this machine.

use directories::ProjectDirs;
use std::path::PathBuf;

/// The platform's folders for howgood, worked out once: a start asks for
/// them several times, and each asking builds every one of them.
fn project_dirs() -> Option<&'static ProjectDirs> {
    static DIRS: std::sync::OnceLock<Option<ProjectDirs>> = std::sync::OnceLock::new();
    DIRS.get_or_init(|| ProjectDirs::from("", "", "howgood"))
        .as_ref()
}

/// The data folder: `--data-dir`, else `HOWGOOD_DATA_DIR` (via clap), else
/// the platform's data folder.
pub fn data_dir(explicit: Option<&PathBuf>) -> Option<PathBuf> {
    // An empty `HOWGOOD_DATA_DIR=` means unset, as with most variables.
    explicit
        .filter(|dir| !dir.as_os_str().is_empty())
        .cloned()
        .or_else(|| project_dirs().map(|d| d.data_dir().to_owned()))
}

/// Where emergency copies go when the session's folder will not take
/// them, in order: `<data dir>/recovery/`, the state folder, and a private
/// folder of this user's in the temp folder.
pub fn emergency_dirs(data_dir: &std::path::Path) -> Vec<PathBuf> {
    let mut dirs = vec![data_dir.join("recovery")];
    if let Some(state) = project_dirs().and_then(|d| d.state_dir().map(|s| s.join("recovery"))) {
        dirs.push(state);
    }
    #[cfg(unix)]
    {
        // SAFETY: geteuid has no preconditions.
        let uid = unsafe { libc::geteuid() };
        dirs.push(std::env::temp_dir().join(format!("howgood-recovery-{uid}")));
    }
    #[cfg(not(unix))]
    dirs.push(std::env::temp_dir().join("howgood-recovery"));
    dirs
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

/// The user's own report templates (a council's branding):
/// `HOWGOOD_CONFIG_DIR/templates` when that variable is set, else
/// `<config dir>/templates/`.
pub fn user_templates_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("HOWGOOD_CONFIG_DIR") {
        return Some(PathBuf::from(dir).join("templates"));
    }
    project_dirs().map(|d| d.config_dir().join("templates"))
}
