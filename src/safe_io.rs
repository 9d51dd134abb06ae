//! Reading files and printing strings safely, for every layer: only
//! regular files are read, never without end; control characters never
//! reach a terminal.

use std::borrow::Cow;
use std::fs::OpenOptions;
use std::io;
use std::path::Path;

/// The most howgood reads from one file: more is not a session or a
/// framework, and reading it could exhaust memory (a link to /dev/zero).
pub const MAX_READ: u64 = 64 * 1024 * 1024;

/// Read a regular file, never blocking and never reading without end: a
/// FIFO, a device or a folder is refused as `not a regular file` without
/// being read, a file over [`MAX_READ`] as too large.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading would wait for a writer without this.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    if metadata.len() > MAX_READ {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_READ + 1), &mut bytes)?;
    if bytes.len() as u64 > MAX_READ {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "larger than {} MiB, so not read (no session or framework is this big)",
            MAX_READ / 1024 / 1024
        ),
    )
}

/// Whether a string holds a control character other than newline and tab
/// (an escape sequence could rewrite the user's terminal).
pub fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// `text` with every control character except newline and tab shown as a
/// visible escape (`\u{1b}`), so it can be printed to a terminal or
/// written into a report without acting on the terminal.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !has_control(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`printable`], with newlines and tabs escaped too: for one-line places
/// such as a table cell or a file name in a message.
pub fn printable_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_made_visible_and_newlines_kept() {
        assert_eq!(
            printable("a\x1b]2;owned\x07b\nc\td"),
            "a\\u{1b}]2;owned\\u{7}b\nc\td"
        );
        assert_eq!(printable_line("a\nb\u{9b}"), "a\\u{a}b\\u{9b}");
        assert!(matches!(printable("plain"), Cow::Borrowed(_)));
        assert!(has_control("\x1bc"));
        assert!(!has_control("line\nnext\ttab"));
    }
}
