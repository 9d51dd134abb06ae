//! The system `git` program, run as a child process: the user's own
//! credential helpers and ssh settings apply as they do for git itself.
//! Our settings are passed with `git -c` for one run; nothing is written to
//! the user's git configuration. Git never asks for a password on the
//! terminal here (`GIT_TERMINAL_PROMPT=0`): it fails and says why.

use std::ffi::OsStr;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Why a git step failed.
#[derive(Debug)]
pub enum GitError {
    /// There is no `git` program on the PATH.
    Missing,
    /// Git could not be started for another reason.
    Start(io::Error),
    /// Git ran and failed: the step, and what git said.
    Failed { step: String, said: String },
}

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GitError::Missing => write!(
                f,
                "sync needs the git program, which was not found. Install git (Linux: your package manager, e.g. `sudo apt install git`; macOS: `xcode-select --install`; Windows: https://git-scm.com/download/win) and try again"
            ),
            GitError::Start(error) => write!(f, "could not run git: {error}"),
            GitError::Failed { step, said } => write!(f, "git {step} failed: {said}"),
        }
    }
}

impl std::error::Error for GitError {}

/// Git run in one working tree, with howgood's merge driver named.
#[derive(Debug, Clone)]
pub struct Git {
    pub dir: PathBuf,
    settings: Vec<String>,
    env: Vec<(String, String)>,
}

/// Quote for the shell git runs a merge driver through.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

impl Git {
    /// `howgood` is this program, run by git as the merge driver.
    pub fn new(dir: &Path, howgood: &Path) -> Git {
        let driver = format!(
            "{} merge-driver %O %A %B %P",
            shell_quote(&howgood.to_string_lossy())
        );
        Git {
            dir: dir.to_owned(),
            settings: vec![
                "merge.howgood.name=howgood: merge session records by id".to_owned(),
                format!("merge.howgood.driver={driver}"),
            ],
            env: Vec::new(),
        }
    }

    /// Add a `-c name=value` for every run.
    pub fn with_setting(mut self, setting: String) -> Git {
        self.settings.push(setting);
        self
    }

    /// Add an environment variable for every run (read by the merge driver).
    pub fn with_env(mut self, name: &str, value: &str) -> Git {
        self.env.push((name.to_owned(), value.to_owned()));
        self
    }

    fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = Command::new("git");
        command.arg("-C").arg(&self.dir);
        for setting in &self.settings {
            command.arg("-c").arg(setting);
        }
        command.args(args);
        command.env("GIT_TERMINAL_PROMPT", "0");
        command.envs(self.env.iter().map(|(k, v)| (k, v)));
        command
    }

    /// Run git; its output whatever the exit status.
    pub fn output(&self, args: &[&str]) -> Result<Output, GitError> {
        self.command(args).output().map_err(|error| {
            if error.kind() == io::ErrorKind::NotFound {
                GitError::Missing
            } else {
                GitError::Start(error)
            }
        })
    }

    /// Run git; its standard output, or an error with what it said.
    pub fn run(&self, args: &[&str]) -> Result<String, GitError> {
        let output = self.output(args)?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(GitError::Failed {
                step: args.first().copied().unwrap_or_default().to_owned(),
                said: said(&output),
            })
        }
    }

    /// Whether a run succeeds (for questions such as "is this set?").
    pub fn succeeds(&self, args: &[&str]) -> Result<bool, GitError> {
        Ok(self.output(args)?.status.success())
    }
}

/// What git printed on failure, trimmed to its last lines.
pub fn said(output: &Output) -> String {
    let text = String::from_utf8_lossy(&output.stderr);
    let text = if text.trim().is_empty() {
        String::from_utf8_lossy(&output.stdout)
    } else {
        text
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(4)..].join(" / ")
}

/// Whether a `git` program can be run at all.
pub fn available() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}
