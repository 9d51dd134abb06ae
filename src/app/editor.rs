//! The text editor for a field: a `ratatui-textarea` bound to one field of
//! the session. Every change is written straight into the session, so the
//! autosave covers text while it is being typed.

use super::fields::{self, TextField};
use crate::session::model::Session;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{TextArea, WrapMode};

/// Longest paste accepted in one go; longer pastes are cut with a notice
/// rather than freezing the screen (a note is not a document store).
pub const MAX_PASTE_CHARS: usize = 100_000;

#[derive(Debug, Clone)]
pub struct Editor {
    pub field: TextField,
    pub textarea: TextArea<'static>,
    /// Why the text could not be stored (a date that is not a date).
    pub error: Option<String>,
}

/// What a key did to the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorOutcome {
    /// The text changed.
    Changed,
    /// Nothing to store (cursor moves and the like).
    Unchanged,
    /// The user is done with the field.
    Close,
}

/// Normalise pasted text: Windows and old Mac line ends become `\n`, tabs
/// become spaces, other control characters are dropped.
pub fn normalise_paste(text: &str, single_line: bool) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .filter_map(|c| match c {
            '\n' if single_line => Some(' '),
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

impl Editor {
    pub fn open(field: TextField, session: &Session) -> Editor {
        let text = fields::get_text(session, &field);
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.split('\n').map(str::to_owned).collect()
        };
        let mut textarea = TextArea::new(lines);
        textarea.set_wrap_mode(WrapMode::WordOrGlyph);
        textarea.set_placeholder_text(field.placeholder());
        textarea.set_cursor_line_style(ratatui::style::Style::default());
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        Editor {
            field,
            textarea,
            error: None,
        }
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// Store the editor's text in the session; a refused date keeps the
    /// text in the editor and explains why.
    pub fn store(&mut self, session: &mut Session) -> bool {
        match fields::set_text(session, &self.field, &self.text()) {
            Ok(()) => {
                self.error = None;
                true
            }
            Err(message) => {
                self.error = Some(message);
                false
            }
        }
    }

    pub fn input(&mut self, key: KeyEvent) -> EditorOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab => return EditorOutcome::Close,
            KeyCode::Enter if self.field.is_single_line() => return EditorOutcome::Close,
            // Ctrl-S is what people press to save: the text is already
            // kept, so it simply finishes the field.
            KeyCode::Char('s') if ctrl => return EditorOutcome::Close,
            KeyCode::Char('z') if ctrl => {
                return changed(self.textarea.undo());
            }
            // As in readline and every shell: Ctrl-U clears to the start
            // of the line (undo is Ctrl-Z, listed in help).
            KeyCode::Char('u') if ctrl => {
                return changed(self.textarea.delete_line_by_head());
            }
            _ => {}
        }
        changed(self.textarea.input(key))
    }

    pub fn paste(&mut self, text: &str) -> (EditorOutcome, bool) {
        let mut clean = normalise_paste(text, self.field.is_single_line());
        let truncated = clean.chars().count() > MAX_PASTE_CHARS;
        if truncated {
            clean = clean.chars().take(MAX_PASTE_CHARS).collect();
        }
        (changed(self.textarea.insert_str(clean)), truncated)
    }
}

fn changed(did: bool) -> EditorOutcome {
    if did {
        EditorOutcome::Changed
    } else {
        EditorOutcome::Unchanged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pastes_are_normalised() {
        assert_eq!(normalise_paste("a\r\nb\rc\td\u{7}", false), "a\nb\nc d");
        assert_eq!(normalise_paste("a\r\nb", true), "a b");
    }
}
