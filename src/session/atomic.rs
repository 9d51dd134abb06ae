//! Private, atomic file writes: a temp file (mode 0600) in the same folder,
//! written and synced, then renamed over the target, then the folder synced.
//! The target is never truncated: it is either the old file or the new one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Prefix of temp files, so stale ones can be recognised and removed.
pub const TEMP_PREFIX: &str = ".howgood-tmp-";

/// A temp file is stale (left by a crash) when older than this: a real
/// write takes milliseconds.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

/// Where bytes go before the rename: a real file, or a test double that
/// fails part way.
pub trait TempFile: Write {
    fn sync(&mut self) -> io::Result<()>;
}

impl TempFile for File {
    fn sync(&mut self) -> io::Result<()> {
        self.sync_all()
    }
}

/// Opens the temp file at a path. Production code uses [`open_private`].
pub type Opener<'a> = &'a dyn Fn(&Path) -> io::Result<Box<dyn TempFile>>;

/// Create a new file readable by its owner only.
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

pub fn open_private(path: &Path) -> io::Result<Box<dyn TempFile>> {
    Ok(Box::new(create_private(path)?))
}

/// Create a folder (and its parents) readable by its owner only.
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)
}

/// The folder a path is in; `.` for a bare file name.
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A unique temp path beside `target`.
fn temp_path(target: &Path) -> PathBuf {
    let dir = parent_dir(target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!(
        "{TEMP_PREFIX}{}-{:016x}-{name}",
        std::process::id(),
        crate::session::ids::random_u64()
    ))
}

/// Sync a folder so a rename inside it survives a power cut.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Write `bytes` to `target` atomically through `opener`. On any error the
/// temp file is removed and `target` is untouched.
pub fn write_atomic_with(target: &Path, bytes: &[u8], opener: Opener) -> io::Result<()> {
    let temp = temp_path(target);
    let result = (|| {
        let mut file = opener(&temp)?;
        file.write_all(bytes)?;
        file.flush()?;
        file.sync()?;
        drop(file);
        fs::rename(&temp, target)?;
        sync_dir(parent_dir(target))
    })();
    if result.is_err() {
        // The temp file holds sensitive text: never leave it behind.
        let _ = fs::remove_file(&temp);
    }
    result
}

pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(target, bytes, &open_private)
}

pub use crate::safe_io::{MAX_READ, read_regular};

/// Swap two paths atomically (Linux `RENAME_EXCHANGE`). `Unsupported`
/// where the platform or file system cannot.
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let a = CString::new(a.as_os_str().as_bytes())?;
        let b = CString::new(b.as_os_str().as_bytes())?;
        // SAFETY: both are valid NUL-terminated strings that outlive the call.
        let result = unsafe {
            libc::syscall(
                libc::SYS_renameat2,
                libc::AT_FDCWD,
                a.as_ptr(),
                libc::AT_FDCWD,
                b.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if result == 0 {
            return Ok(());
        }
        let error = io::Error::last_os_error();
        match error.raw_os_error() {
            Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => {
                Err(io::Error::new(io::ErrorKind::Unsupported, error))
            }
            _ => Err(error),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        Err(io::Error::from(io::ErrorKind::Unsupported))
    }
}

/// Write `bytes` to a new synced private temp file beside `target` and
/// return its path; the caller puts it in place.
pub fn write_temp(target: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let temp = temp_path(target);
    let result = (|| {
        let mut file = create_private(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    match result {
        Ok(()) => Ok(temp),
        Err(error) => {
            let _ = fs::remove_file(&temp);
            Err(error)
        }
    }
}

/// Whether the process that wrote a temp file (its id is in the name) has
/// gone, so the file can only be left over from a crash.
fn writer_is_gone(name: &str) -> bool {
    let pid = name
        .strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.split('-').next())
        .and_then(|pid| pid.parse::<i32>().ok());
    #[cfg(unix)]
    {
        let Some(pid) = pid.filter(|&p| p > 0) else {
            return false;
        };
        if pid as u32 == std::process::id() {
            return false;
        }
        // SAFETY: signal 0 only asks whether the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0
            || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
        !alive
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// Remove temp files in `dir` left behind by a crash: those whose writer
/// has gone, and any older than [`STALE_AFTER`]. Returns how many.
pub fn remove_stale_temps(dir: &Path, now: SystemTime) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let old = writer_is_gone(&name.to_string_lossy())
            || entry
                .metadata()
                .and_then(|m| m.modified())
                .map(|modified| now.duration_since(modified).unwrap_or_default() >= STALE_AFTER)
                .unwrap_or(true);
        if old && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The permission bits of a path, where the platform has them.
pub fn mode(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A temp file that accepts `limit` bytes and then fails, like a full disk.
    struct FailsAfter {
        limit: usize,
        written: usize,
        inner: File,
    }

    impl Write for FailsAfter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.written >= self.limit {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "no space left"));
            }
            let n = buf.len().min(self.limit - self.written);
            self.inner.write_all(&buf[..n])?;
            self.written += n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }

    impl TempFile for FailsAfter {
        fn sync(&mut self) -> io::Result<()> {
            self.inner.sync_all()
        }
    }

    fn only_file(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_write_that_fails_part_way_leaves_the_original_byte_identical() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("s.ron");
        fs::write(&target, b"the original, every word").expect("seed");
        for limit in [0, 1, 7, 100] {
            let opener = move |p: &Path| -> io::Result<Box<dyn TempFile>> {
                Ok(Box::new(FailsAfter {
                    limit,
                    written: 0,
                    inner: create_private(p)?,
                }))
            };
            let error = write_atomic_with(&target, &[b'x'; 200], &opener).expect_err("fails");
            assert_eq!(error.kind(), io::ErrorKind::StorageFull);
            assert_eq!(
                fs::read(&target).expect("read"),
                b"the original, every word"
            );
            assert_eq!(only_file(dir.path()), ["s.ron"], "no temp file left behind");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_write_to_a_full_device_leaves_the_original_byte_identical() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("s.ron");
        fs::write(&target, b"the original").expect("seed");
        // Every write to /dev/full fails with ENOSPC, as on a full disk.
        let opener = |_: &Path| -> io::Result<Box<dyn TempFile>> {
            Ok(Box::new(OpenOptions::new().write(true).open("/dev/full")?))
        };
        let error = write_atomic_with(&target, &[b'x'; 10_000], &opener).expect_err("fails");
        assert_eq!(error.raw_os_error(), Some(28), "ENOSPC: {error}");
        assert_eq!(fs::read(&target).expect("read"), b"the original");
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_private() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("a/b");
        create_private_dir(&sub).expect("mkdir");
        assert_eq!(mode(&sub), Some(0o700));
        let target = sub.join("s.ron");
        write_atomic(&target, b"x").expect("write");
        assert_eq!(mode(&target), Some(0o600));
        write_atomic(&target, b"y").expect("overwrite");
        assert_eq!(mode(&target), Some(0o600));
        assert_eq!(fs::read(&target).expect("read"), b"y");
    }

    #[test]
    fn stale_temp_files_are_removed_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        // Written by this process, which is alive: only age makes it stale.
        let stale = dir
            .path()
            .join(format!("{TEMP_PREFIX}{}-abc-s.ron", std::process::id()));
        fs::write(&stale, b"secret").expect("write");
        fs::write(dir.path().join("s.ron"), b"keep").expect("write");
        assert_eq!(
            remove_stale_temps(dir.path(), SystemTime::now()),
            0,
            "fresh: maybe mid-write"
        );
        let later = SystemTime::now() + STALE_AFTER + Duration::from_secs(1);
        assert_eq!(remove_stale_temps(dir.path(), later), 1);
        assert_eq!(only_file(dir.path()), ["s.ron"]);
    }
}
