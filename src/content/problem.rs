//! A problem found in a content file, located by file, line and column.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it, or `embedded:<name>` for built-in content.
    pub file: String,
    /// 1-based line; 0 when the problem has no place in the text.
    pub line: usize,
    /// 1-based column (in characters).
    pub col: usize,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, (line, col): (usize, usize), message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line,
            col,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.col, self.message
            )
        }
    }
}

/// Line and column (both 1-based, column in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Where the `n`th (0-based) occurrence of `key: "value"` stands in `text`,
/// allowing any spacing around the colon. Used to place problems found after
/// parsing (a duplicate id, an unknown reference) back in the source.
pub fn find_field(text: &str, key: &str, value: &str, n: usize) -> Option<(usize, usize)> {
    find_field_offset(text, key, value, n).map(|at| line_col(text, at))
}

/// Byte offset of the `n`th occurrence of `key: "value"` (see [`find_field`]).
pub fn find_field_offset(text: &str, key: &str, value: &str, n: usize) -> Option<usize> {
    let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
    let mut seen = 0;
    let mut from = 0;
    while let Some(rel) = text[from..].find(&quoted) {
        let at = from + rel;
        let before = text[..at].trim_end();
        if let Some(rest) = before.strip_suffix(':')
            && rest.trim_end().ends_with(key)
            && rest.trim_end()[..rest.trim_end().len() - key.len()]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_')
        {
            if seen == n {
                return Some(at);
            }
            seen += 1;
        }
        from = at + quoted.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one_and_in_characters() {
        let text = "ab\nçd\"x\"";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'ç' is two bytes but one column.
        assert_eq!(line_col(text, 6), (2, 3));
    }

    #[test]
    fn find_field_locates_the_nth_occurrence_of_a_key() {
        let text = "(\n  id: \"a\",\n  area: \"a\",\n  id:\"a\",\n)";
        assert_eq!(find_field(text, "id", "a", 0), Some((2, 7)));
        assert_eq!(find_field(text, "id", "a", 1), Some((4, 6)));
        assert_eq!(find_field(text, "id", "a", 2), None);
        assert_eq!(find_field(text, "area", "a", 0), Some((3, 9)));
    }
}
