//! Colours and emphasis. Meaning never rests on colour alone: every level,
//! warning and selection also has a word or a mark. The colours are from
//! the Okabe–Ito palette, which stays distinct for colour-blind readers.
//! `NO_COLOR` turns colour off entirely (the edge decides; rendering only
//! reads the choice).

use ratatui::style::{Color, Modifier, Style};

/// Okabe–Ito colours.
const SKY_BLUE: Color = Color::Rgb(86, 180, 233);
const ORANGE: Color = Color::Rgb(230, 159, 0);
const YELLOW: Color = Color::Rgb(240, 228, 66);
const VERMILLION: Color = Color::Rgb(213, 94, 0);
const BLUISH_GREEN: Color = Color::Rgb(0, 158, 115);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// Projector contrast: every word bold, so it carries to the back row.
    pub bold: bool,
}

impl Theme {
    pub const PLAIN: Theme = Theme {
        color: false,
        bold: false,
    };
    pub const COLOR: Theme = Theme {
        color: true,
        bold: false,
    };

    /// Colour unless the user asked for none (https://no-color.org).
    pub fn from_env(no_color: Option<&std::ffi::OsStr>) -> Theme {
        Theme {
            color: no_color.is_none_or(|v| v.is_empty()),
            bold: false,
        }
    }

    /// The same theme, for a projector.
    pub fn projector(self) -> Theme {
        Theme { bold: true, ..self }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::default().fg(color)
        } else {
            Style::default()
        }
    }

    pub fn text(self) -> Style {
        if self.bold {
            Style::default().add_modifier(Modifier::BOLD)
        } else {
            Style::default()
        }
    }

    pub fn heading(self) -> Style {
        self.fg(SKY_BLUE).add_modifier(Modifier::BOLD)
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
        self.fg(SKY_BLUE)
    }

    /// Warnings: orange-ish yellow, readable by colour-blind people, and
    /// always with a "!" mark.
    pub fn warning(self) -> Style {
        self.fg(YELLOW).add_modifier(Modifier::BOLD)
    }

    /// Time is up: a warm colour, bold, and always with words.
    pub fn warm(self) -> Style {
        self.fg(ORANGE).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(VERMILLION).add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(BLUISH_GREEN)
    }

    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn matched(self) -> Style {
        self.fg(YELLOW)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn key(self) -> Style {
        self.fg(SKY_BLUE).add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(SKY_BLUE).add_modifier(Modifier::BOLD)
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
