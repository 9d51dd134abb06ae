//! Sharing the data folder through git: a partnership's sessions (and
//! measures) in one repository on a network share or git host the
//! organisation already uses. `git` does the transport, history and
//! credentials; howgood supplies a merge of its files as data
//! ([`session_merge`], [`driver`]), the rules that keep private things on
//! this machine (`.gitignore`, [`crate::session::private`]), and the
//! recorded conflicts people settle later ([`conflicts`]).
//!
//! Long because one `Shared` type carries the whole sync cycle (init,
//! commit, fetch, merge, push with retry, status) and each step must fail
//! without losing a file; splitting it would scatter that order.

pub mod conflicts;
pub mod driver;
pub mod git;
pub mod measures_merge;
pub mod merge;
pub mod session_merge;

use crate::session::atomic::{create_private_dir, read_regular, write_atomic};
use crate::session::codec;
use crate::session::store::{OpenSession, read_session};
use git::{Git, GitError};
use jiff::Timestamp;
use std::fmt;
use std::path::{Path, PathBuf};

pub const REMOTE: &str = "origin";
pub const BRANCH: &str = "main";
/// Pushes tried when someone else pushed between our fetch and our push.
pub const PUSH_ATTEMPTS: usize = 4;

/// Only the shared records are committed; everything else stays here.
/// An allow-list, so a file kind added later is private until named.
pub const GITIGNORE: &str = "\
# Written by `howgood sync init`. Only shared records are committed:
# sessions and measures. Private evidence (<id>.private.ron), recovery,
# conflict and set-aside copies, locks, history, exports and the index
# stay on this machine.
/*
!/.gitignore
!/.gitattributes
!/sessions/
!/measures/
/sessions/*
/measures/*
!/sessions/*.ron
!/measures/*.ron
/sessions/*.*.ron
/measures/*.*.ron
.*
!/.gitignore
!/.gitattributes
index.sqlite*
";

pub const GITATTRIBUTES: &str = "*.ron text eol=lf merge=howgood\n";

const LAST_SYNC_FILE: &str = "howgood-last-sync";

#[derive(Debug)]
pub enum SyncError {
    Git(GitError),
    NotShared(PathBuf),
    /// The remote could not be reached; local changes are committed here.
    Unreachable(String),
    /// A merge git could not finish; it was undone, local work kept.
    MergeFailed(String),
    PushRejected,
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::Git(error) => write!(f, "{error}"),
            SyncError::NotShared(dir) => write!(
                f,
                "{} is not shared yet: run `howgood sync init <REMOTE>` first",
                dir.display()
            ),
            SyncError::Unreachable(said) => write!(
                f,
                "could not reach the shared repository ({said}). Nothing was lost: your changes are saved and committed on this machine and will go with the next sync"
            ),
            SyncError::MergeFailed(said) => write!(
                f,
                "could not merge the other copies ({said}). The merge was undone; your files are as they were"
            ),
            SyncError::PushRejected => write!(
                f,
                "others kept pushing while we merged; your changes are committed here; try `howgood sync` again"
            ),
            SyncError::Io(path, error) => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for SyncError {}

impl From<GitError> for SyncError {
    fn from(error: GitError) -> Self {
        SyncError::Git(error)
    }
}

/// What a sync did, in plain sentences.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub lines: Vec<String>,
    /// Session files not committed because they still held private evidence.
    pub held_back: Vec<String>,
}

pub use crate::app::sync::REGISTER;

/// A recorded conflict waiting in a session or in the measures register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictSummary {
    pub session: String,
    pub id: String,
    pub path: String,
}

/// Where a sync has got to, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Committing,
    Fetching,
    Merging,
    Sending,
}

/// Everything the status line and `sync status` show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncStatus {
    pub shared: bool,
    pub remote: Option<String>,
    pub last_sync: Option<Timestamp>,
    /// Commits here not yet pushed, and fetched ones not yet merged.
    pub ahead: usize,
    pub behind: usize,
    /// Files changed here since the last commit.
    pub changed: Vec<String>,
    pub conflicts: Vec<ConflictSummary>,
    /// Files and folders that never enter git.
    pub local_only: Vec<String>,
}

/// The data folder as a git working tree.
pub struct Shared {
    pub data: PathBuf,
    git: Git,
}

impl Shared {
    /// `howgood` is this program (git runs it as the merge driver).
    pub fn new(data: &Path, howgood: &Path) -> Result<Shared, SyncError> {
        let mut git = Git::new(data, howgood);
        // Commits need a name; use the user's own if git has one, else a
        // plain one for this run only.
        if !git.succeeds(&["config", "user.name"])? {
            let user = std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "howgood user".to_owned());
            git = git.with_setting(format!("user.name={user}"));
        }
        if !git.succeeds(&["config", "user.email"])? {
            git = git.with_setting("user.email=howgood@localhost".to_owned());
        }
        // ssh must not ask on the terminal either (keys from the agent and
        // ~/.ssh/config still apply); a user's own ssh command is left alone.
        let own_ssh = std::env::var_os("GIT_SSH_COMMAND").is_some()
            || std::env::var_os("GIT_SSH").is_some()
            || git.succeeds(&["config", "core.sshCommand"])?;
        if !own_ssh {
            git = git.with_env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        let name = git.run(&["config", "user.name"]).unwrap_or_default();
        let name = name.trim();
        let git = git
            .with_env(driver::OURS_BY_VAR, name)
            .with_env(driver::THEIRS_REF_VAR, &format!("{REMOTE}/{BRANCH}"));
        Ok(Shared {
            data: data.to_owned(),
            git,
        })
    }

    pub fn is_shared(&self) -> bool {
        self.data.join(".git").exists()
    }

    /// Make the data folder a working tree of `remote`, commit what is here,
    /// and sync. A remote not reachable now is kept for the next sync.
    pub fn init(&self, remote: &str, now: Timestamp) -> Result<Report, SyncError> {
        create_private_dir(&self.data).map_err(|e| SyncError::Io(self.data.clone(), e))?;
        if !self.is_shared() {
            self.git.run(&["init", "-q", "-b", BRANCH])?;
        }
        if self.git.succeeds(&["remote", "get-url", REMOTE])? {
            self.git.run(&["remote", "set-url", REMOTE, remote])?;
        } else {
            self.git.run(&["remote", "add", REMOTE, remote])?;
        }
        for (name, text) in [(".gitignore", GITIGNORE), (".gitattributes", GITATTRIBUTES)] {
            let path = self.data.join(name);
            write_atomic(&path, text.as_bytes()).map_err(|e| SyncError::Io(path, e))?;
        }
        self.sync(now)
    }

    /// Commit local changes, fetch, merge, push (again after a merge when
    /// someone pushed meanwhile).
    pub fn sync(&self, now: Timestamp) -> Result<Report, SyncError> {
        self.sync_telling(now, &mut |_| {})
    }

    /// [`Shared::sync`], saying each step as it starts (for a progress line).
    pub fn sync_telling(
        &self,
        now: Timestamp,
        tell: &mut dyn FnMut(Step),
    ) -> Result<Report, SyncError> {
        if !self.is_shared() {
            return Err(SyncError::NotShared(self.data.clone()));
        }
        let mut report = Report::default();
        tell(Step::Committing);
        self.split_private_evidence(now, &mut report);
        self.commit_local(&mut report)?;
        for _ in 0..PUSH_ATTEMPTS {
            tell(Step::Fetching);
            self.fetch()?;
            tell(Step::Merging);
            self.merge(&mut report)?;
            tell(Step::Sending);
            if self.push(&mut report)? {
                let stamp = self.data.join(".git").join(LAST_SYNC_FILE);
                write_atomic(&stamp, now.to_string().as_bytes())
                    .map_err(|e| SyncError::Io(stamp, e))?;
                return Ok(report);
            }
        }
        Err(SyncError::PushRejected)
    }

    /// Session files that still hold private evidence (written before the
    /// folder was shared) are saved again, which moves it to the sidecar.
    /// A session open elsewhere cannot be; the commit guard holds it back.
    fn split_private_evidence(&self, now: Timestamp, report: &mut Report) {
        for path in self.session_files() {
            let Ok(bytes) = read_regular(&path) else {
                continue;
            };
            let Ok(decoded) = codec::decode(&bytes) else {
                continue;
            };
            if !has_private(&decoded.session) {
                continue;
            }
            let saved = OpenSession::open(&path, now).and_then(|mut open| {
                let session = open.loaded.clone();
                open.save(&session, now)
            });
            if saved.is_ok() {
                report.lines.push(format!(
                    "private evidence of {} moved to its local-only file",
                    file_name(&path)
                ));
            }
        }
    }

    /// The session files (`sessions/<id>.ron`, not sidecars).
    fn session_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.data.join("sessions")) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let name = file_name(p);
                name.ends_with(".ron") && name.matches('.').count() == 1 && !name.starts_with('.')
            })
            .collect();
        files.sort();
        files
    }

    fn commit_local(&self, report: &mut Report) -> Result<(), SyncError> {
        self.git.run(&["add", "-A"])?;
        self.hold_back_private(report)?;
        let staged = self.git.run(&["diff", "--cached", "--name-only"])?;
        let count = staged.lines().count();
        if count == 0 {
            return Ok(());
        }
        self.git
            .run(&["commit", "-q", "-m", "Changes saved with howgood"])?;
        report
            .lines
            .push(format!("committed {count} changed file(s) here"));
        Ok(())
    }

    /// The guarantee that private evidence never enters git: every staged
    /// session file is read as git would commit it, and one holding any
    /// private evidence is unstaged.
    fn hold_back_private(&self, report: &mut Report) -> Result<(), SyncError> {
        let staged = self
            .git
            .run(&["diff", "--cached", "--name-only", "--diff-filter=AM"])?;
        for name in staged.lines().filter(|n| n.ends_with(".ron")) {
            let blob = self.git.output(&["show", &format!(":{name}")])?;
            let private = codec::decode(&blob.stdout).is_ok_and(|d| has_private(&d.session));
            if private {
                self.git.run(&["reset", "-q", "--", name])?;
                report.held_back.push(name.to_owned());
                report.lines.push(format!(
                    "{name} not shared: it still holds private evidence (close it in howgood and sync again)"
                ));
            }
        }
        Ok(())
    }

    fn fetch(&self) -> Result<(), SyncError> {
        let output = self.git.output(&["fetch", "-q", REMOTE])?;
        if !output.status.success() {
            return Err(SyncError::Unreachable(git::said(&output)));
        }
        Ok(())
    }

    fn remote_branch(&self) -> Result<Option<String>, SyncError> {
        let name = format!("{REMOTE}/{BRANCH}");
        let exists = self.git.succeeds(&[
            "rev-parse",
            "-q",
            "--verify",
            &format!("refs/remotes/{name}"),
        ])?;
        Ok(exists.then_some(name))
    }

    fn merge(&self, report: &mut Report) -> Result<(), SyncError> {
        let Some(theirs) = self.remote_branch()? else {
            return Ok(());
        };
        let has_head = self
            .git
            .succeeds(&["rev-parse", "-q", "--verify", "HEAD"])?;
        if !has_head {
            // Nothing committed here yet: take the shared history as it is.
            self.git.run(&["reset", "-q", &theirs])?;
            self.git.run(&["checkout", "-q", "--", "."])?;
            report.lines.push("took the shared records".to_owned());
            return self.make_private();
        }
        let before = self.git.run(&["rev-parse", "HEAD"])?;
        let output = self.git.output(&[
            "merge",
            "-q",
            "--no-edit",
            "--allow-unrelated-histories",
            "-m",
            "Merged with howgood",
            &theirs,
        ])?;
        if !output.status.success() {
            let _ = self.git.output(&["merge", "--abort"]);
            return Err(SyncError::MergeFailed(git::said(&output)));
        }
        if self.git.run(&["rev-parse", "HEAD"])? != before {
            report
                .lines
                .push("merged changes from the shared copy".to_owned());
        }
        self.make_private()
    }

    /// Git writes files with the user's umask; ours are private (0600).
    fn make_private(&self) -> Result<(), SyncError> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for dir in ["sessions", "measures"] {
                let path = self.data.join(dir);
                if path.is_dir() {
                    let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o700));
                }
            }
            let files = self.git.run(&["ls-files", "-z"])?;
            for name in files.split('\0').filter(|n| !n.is_empty()) {
                let path = self.data.join(name);
                let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
            }
        }
        Ok(())
    }

    /// `Ok(false)`: someone pushed first; fetch and merge again.
    fn push(&self, report: &mut Report) -> Result<bool, SyncError> {
        let has_head = self
            .git
            .succeeds(&["rev-parse", "-q", "--verify", "HEAD"])?;
        if !has_head {
            report.lines.push("nothing to share yet".to_owned());
            return Ok(true);
        }
        let output = self.git.output(&[
            "push",
            "-q",
            "--porcelain",
            REMOTE,
            &format!("HEAD:refs/heads/{BRANCH}"),
        ])?;
        if output.status.success() {
            report.lines.push("shared".to_owned());
            return Ok(true);
        }
        let text = String::from_utf8_lossy(&output.stdout).to_string()
            + &String::from_utf8_lossy(&output.stderr);
        // Someone pushed first: before our push began ([rejected], fetch
        // first), or while it ran (the share's ref moved: cannot lock ref).
        if [
            "[rejected]",
            "fetch first",
            "non-fast-forward",
            "cannot lock ref",
        ]
        .iter()
        .any(|sign| text.contains(sign))
        {
            return Ok(false);
        }
        Err(SyncError::Unreachable(git::said(&output)))
    }

    /// What `sync status` shows. Needs no network: ahead and behind are
    /// counted against the last fetch.
    pub fn status(&self) -> Result<SyncStatus, SyncError> {
        let mut status = SyncStatus {
            shared: self.is_shared(),
            ..SyncStatus::default()
        };
        if !status.shared {
            return Ok(status);
        }
        status.remote = self
            .git
            .run(&["remote", "get-url", REMOTE])
            .ok()
            .map(|r| r.trim().to_owned());
        status.last_sync = read_regular(&self.data.join(".git").join(LAST_SYNC_FILE))
            .ok()
            .and_then(|b| String::from_utf8_lossy(&b).trim().parse().ok());
        if let Some(theirs) = self.remote_branch()?
            && let Ok(counts) = self.git.run(&[
                "rev-list",
                "--left-right",
                "--count",
                &format!("HEAD...{theirs}"),
            ])
        {
            let mut numbers = counts.split_whitespace().map(|n| n.parse().unwrap_or(0));
            status.ahead = numbers.next().unwrap_or(0);
            status.behind = numbers.next().unwrap_or(0);
        }
        let porcelain = self
            .git
            // No index lock taken: a status may run beside a sync or the
            // user's own git in the folder.
            .run(&[
                "--no-optional-locks",
                "status",
                "--porcelain",
                "--ignored",
                "-z",
            ])?;
        for entry in porcelain.split('\0').filter(|e| e.len() > 3) {
            let (code, name) = entry.split_at(3);
            if code.starts_with("!!") {
                status.local_only.push(name.to_owned());
            } else {
                status.changed.push(name.to_owned());
            }
        }
        for path in self.conflicted_session_files()? {
            if let Ok((_, decoded)) = read_session(&path) {
                for conflict in decoded.session.conflicts {
                    status.conflicts.push(ConflictSummary {
                        session: decoded.session.id.clone(),
                        id: conflict.id,
                        path: conflict.path,
                    });
                }
            }
        }
        if let Some(register) = self.register_with_conflicts() {
            for conflict in &register.conflicts {
                status.conflicts.push(ConflictSummary {
                    session: REGISTER.to_owned(),
                    id: conflict.id.clone(),
                    path: crate::measures::conflicts::title(&register, conflict),
                });
            }
        }
        Ok(status)
    }
}

impl Shared {
    /// Session files that may hold recorded conflicts: only merges record
    /// them, so only committed files can, and `git grep` (fast, on many
    /// threads) picks those naming the field out of the folder without
    /// reading each one here. A note that happens to say `conflicts:` is
    /// a false hit, which decoding settles.
    pub fn conflicted_session_files(&self) -> Result<Vec<PathBuf>, SyncError> {
        if !self.is_shared() {
            return Ok(Vec::new());
        }
        let output = self.git.output(&[
            "grep",
            "-l",
            "-F",
            "-e",
            "conflicts:",
            "--",
            "sessions/*.ron",
        ])?;
        // Exit 1 is "no match"; anything else unsuccessful is a problem.
        if !output.status.success() && output.status.code() != Some(1) {
            return Err(SyncError::Git(GitError::Failed {
                step: "grep".to_owned(),
                said: git::said(&output),
            }));
        }
        let listed = String::from_utf8_lossy(&output.stdout).into_owned();
        let mut files: Vec<PathBuf> = listed
            .lines()
            .filter(|name| name.matches('.').count() == 1)
            .map(|name| self.data.join(name))
            .collect();
        files.sort();
        Ok(files)
    }
}

impl Shared {
    /// The measures register, if it holds recorded conflicts. A register
    /// that cannot be read is not listed here; the measures screen and
    /// commands say why it cannot be read.
    pub fn register_with_conflicts(&self) -> Option<crate::measures::model::MeasureRegister> {
        register_with_conflicts(&self.data)
    }
}

/// [`Shared::register_with_conflicts`] without running git: only the file
/// is read, never locked or written.
pub fn register_with_conflicts(data: &Path) -> Option<crate::measures::model::MeasureRegister> {
    use crate::measures::file::{FILE_NAME, decode, measures_dir};
    let bytes = read_regular(&measures_dir(data).join(FILE_NAME)).ok()?;
    let register = decode(&bytes).ok()?.register;
    (!register.conflicts.is_empty()).then_some(register)
}

fn has_private(session: &crate::session::model::Session) -> bool {
    session
        .items
        .iter()
        .any(|i| i.evidence.iter().any(|e| e.private))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
