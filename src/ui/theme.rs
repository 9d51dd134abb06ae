//! Colours and emphasis. Meaning never rests on colour alone: every level,
//! warning and selection also has a word or a mark. `NO_COLOR` turns colour
//! off entirely (the edge decides; rendering only reads the choice).

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub const PLAIN: Theme = Theme { color: false };
    pub const COLOR: Theme = Theme { color: true };

    /// Colour unless the user asked for none (https://no-color.org).
    pub fn from_env(no_color: Option<&std::ffi::OsStr>) -> Theme {
        Theme {
            color: no_color.is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::default().fg(color)
        } else {
            Style::default()
        }
    }

    pub fn text(self) -> Style {
        Style::default()
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn title(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::default().fg(Color::Gray)
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }

    pub fn label(self) -> Style {
        self.fg(Color::Cyan)
    }

    /// Warnings: orange-ish yellow, readable by colour-blind people, and
    /// always with a "!" mark.
    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn matched(self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    pub fn step(self, current: bool) -> Style {
        if current {
            Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            self.dim()
        }
    }
}
