//! Colours and emphasis. Meaning never rests on colour alone: every level,
//! warning and selection also has a word or a mark. The colours are from
//! the Okabe–Ito palette, which stays distinct for colour-blind readers.
//! `NO_COLOR` turns colour off entirely (the edge decides; rendering only
//! reads the choice). Three presets: dark (the Okabe–Ito colours on the
//! terminal's own dark background), light (darker shades painted on white)
//! and high contrast (the terminal's own colours, with bold and reverse
//! video); a `theme.ron` may change any colour of a preset.

use ratatui::style::{Color, Modifier, Style};

/// Okabe–Ito colours.
const SKY_BLUE: Color = Color::Rgb(86, 180, 233);
const ORANGE: Color = Color::Rgb(230, 159, 0);
const YELLOW: Color = Color::Rgb(240, 228, 66);
const VERMILLION: Color = Color::Rgb(213, 94, 0);
const BLUISH_GREEN: Color = Color::Rgb(0, 158, 115);

/// The colours a theme paints with. `Reset` is the terminal's own colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub text: Color,
    /// Painted behind everything unless `Reset`.
    pub background: Color,
    /// Headings, labels, keys and the focused border.
    pub accent: Color,
    pub dim: Color,
    pub warning: Color,
    /// Time is up.
    pub warm: Color,
    pub error: Color,
    pub ok: Color,
    /// Search matches.
    pub matched: Color,
}

/// The presets by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Dark,
    Light,
    HighContrast,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Dark, Preset::Light, Preset::HighContrast];

    pub fn name(self) -> &'static str {
        match self {
            Preset::Dark => "dark",
            Preset::Light => "light",
            Preset::HighContrast => "high-contrast",
        }
    }

    pub fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }

    pub fn palette(self) -> Palette {
        match self {
            Preset::Dark => DARK,
            // Darker shades of the same hues, each at least 4.5:1 on white.
            Preset::Light => Palette {
                text: Color::Rgb(0, 0, 0),
                background: Color::Rgb(255, 255, 255),
                accent: Color::Rgb(0, 90, 156),
                dim: Color::Rgb(95, 95, 95),
                warning: Color::Rgb(138, 80, 0),
                warm: Color::Rgb(160, 70, 0),
                error: Color::Rgb(178, 34, 0),
                ok: Color::Rgb(0, 110, 75),
                matched: Color::Rgb(120, 70, 0),
            },
            Preset::HighContrast => Palette {
                text: Color::Reset,
                background: Color::Reset,
                accent: Color::Reset,
                dim: Color::Reset,
                warning: Color::Reset,
                warm: Color::Reset,
                error: Color::Reset,
                ok: Color::Reset,
                matched: Color::Reset,
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// Projector contrast: every word bold, so it carries to the back row.
    pub bold: bool,
    /// The terminal's own colours, with emphasis by bold and reverse video.
    pub high_contrast: bool,
    pub palette: Palette,
}

impl Theme {
    pub const PLAIN: Theme = Theme {
        color: false,
        bold: false,
        high_contrast: false,
        palette: DARK,
    };
    pub const COLOR: Theme = Theme {
        color: true,
        bold: false,
        high_contrast: false,
        palette: DARK,
    };

    /// Colour unless the user asked for none (https://no-color.org).
    pub fn from_env(no_color: Option<&std::ffi::OsStr>) -> Theme {
        Theme {
            color: no_color.is_none_or(|v| v.is_empty()),
            ..Theme::COLOR
        }
    }

    /// A preset with the given palette; colour off when `NO_COLOR` is set.
    pub fn preset(preset: Preset, palette: Palette, no_color: Option<&std::ffi::OsStr>) -> Theme {
        let color = no_color.is_none_or(|v| v.is_empty());
        Theme {
            color,
            bold: false,
            high_contrast: preset == Preset::HighContrast,
            palette,
        }
    }

    /// The same theme, for a projector.
    pub fn projector(self) -> Theme {
        Theme { bold: true, ..self }
    }

    fn fg(self, color: Color) -> Style {
        if self.color && !self.high_contrast {
            Style::default().fg(color)
        } else {
            Style::default()
        }
    }

    /// What every cell starts as: the palette's text on its background.
    pub fn base(self) -> Style {
        if self.color && !self.high_contrast {
            Style::default()
                .fg(self.palette.text)
                .bg(self.palette.background)
        } else {
            Style::default()
        }
    }

    /// Strong emphasis: bold, and reversed in high contrast.
    fn strong(self, color: Color) -> Style {
        let style = self.fg(color).add_modifier(Modifier::BOLD);
        if self.high_contrast {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        }
    }

    pub fn text(self) -> Style {
        if self.bold {
            self.fg(self.palette.text).add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.palette.text)
        }
    }

    pub fn heading(self) -> Style {
        let style = self.fg(self.palette.accent).add_modifier(Modifier::BOLD);
        if self.high_contrast {
            style.add_modifier(Modifier::UNDERLINED)
        } else {
            style
        }
    }

    pub fn title(self) -> Style {
        self.fg(self.palette.text).add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.high_contrast {
            Style::default()
        } else if self.color {
            Style::default().fg(self.palette.dim)
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }

    pub fn label(self) -> Style {
        if self.high_contrast {
            Style::default().add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.palette.accent)
        }
    }

    /// Warnings: orange-ish yellow, readable by colour-blind people, and
    /// always with a "!" mark.
    pub fn warning(self) -> Style {
        self.strong(self.palette.warning)
    }

    /// Time is up: a warm colour, bold, and always with words.
    pub fn warm(self) -> Style {
        self.strong(self.palette.warm)
    }

    pub fn error(self) -> Style {
        self.strong(self.palette.error)
    }

    pub fn ok(self) -> Style {
        self.fg(self.palette.ok)
    }

    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn matched(self) -> Style {
        self.fg(self.palette.matched)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn key(self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
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

const DARK: Palette = Palette {
    text: Color::Reset,
    background: Color::Reset,
    accent: SKY_BLUE,
    dim: Color::Gray,
    warning: YELLOW,
    warm: ORANGE,
    error: VERMILLION,
    ok: BLUISH_GREEN,
    matched: YELLOW,
};

/// A `theme.ron`: a preset to start from and any colours to change, as
/// `"#rrggbb"` or a colour name.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    preset: Option<String>,
    text: Option<String>,
    background: Option<String>,
    accent: Option<String>,
    dim: Option<String>,
    warning: Option<String>,
    warm: Option<String>,
    error: Option<String>,
    ok: Option<String>,
    matched: Option<String>,
}

/// The theme to draw with: the preset `name` (from `--theme` or
/// `HOWGOOD_THEME`), else the file's, else dark; then the file's colours.
/// `file` is the label and text of a `theme.ron`. Problems come back as
/// `label:line:col: …` and what can be used still is; `NO_COLOR` wins.
pub fn choose(
    name: Option<&str>,
    file: Option<(&str, &str)>,
    no_color: Option<&std::ffi::OsStr>,
) -> (Theme, Vec<String>) {
    let mut problems = Vec::new();
    let parsed: ThemeFile = match file {
        None => ThemeFile::default(),
        // Fields are written plainly, without `Some(…)`.
        Some((label, text)) => ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .unwrap_or_else(|e| {
                problems.push(format!(
                    "{label}:{}:{}: {} (the theme's colours are kept)",
                    e.span.start.line, e.span.start.col, e.code
                ));
                ThemeFile::default()
            }),
    };
    let wanted = name.map(str::to_owned).or(parsed.preset.clone());
    let preset = match wanted.as_deref() {
        None => Preset::Dark,
        Some(name) => Preset::from_name(name).unwrap_or_else(|| {
            problems.push(format!(
                "no theme is called '{name}'; there are dark, light and high-contrast"
            ));
            Preset::Dark
        }),
    };
    let mut palette = preset.palette();
    if let Some((label, text)) = file {
        let fields: [(&str, &Option<String>, &mut Color); 9] = [
            ("text", &parsed.text, &mut palette.text),
            ("background", &parsed.background, &mut palette.background),
            ("accent", &parsed.accent, &mut palette.accent),
            ("dim", &parsed.dim, &mut palette.dim),
            ("warning", &parsed.warning, &mut palette.warning),
            ("warm", &parsed.warm, &mut palette.warm),
            ("error", &parsed.error, &mut palette.error),
            ("ok", &parsed.ok, &mut palette.ok),
            ("matched", &parsed.matched, &mut palette.matched),
        ];
        for (field, value, slot) in fields {
            let Some(value) = value else { continue };
            match value.parse::<Color>() {
                Ok(color) => *slot = color,
                Err(_) => {
                    let (line, col) = crate::content::problem::find_field(text, field, value, 0)
                        .unwrap_or((1, 1));
                    problems.push(format!(
                        "{label}:{line}:{col}: '{value}' is not a colour for {field} (use \"#rrggbb\" or a name)"
                    ));
                }
            }
        }
    }
    (Theme::preset(preset, palette, no_color), problems)
}
