//! Large text for projectors and the daily timer (tui-big-text), at the
//! largest size that fits, falling back to ordinary bold text.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// The pixel size at which `chars` characters fit in `area`, if any.
pub fn fitting_size(chars: usize, area: Rect) -> Option<(PixelSize, u16)> {
    let chars = chars as u16;
    // (size, columns per character, rows)
    let sizes = [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ];
    sizes
        .into_iter()
        .find(|(_, width, height)| chars * width <= area.width && *height <= area.height)
        .map(|(size, _, height)| (size, height))
}

/// Draw `text` large, centred, in `area`; the number of rows used.
pub fn draw(frame: &mut Frame, text: &str, style: Style, area: Rect) -> u16 {
    let count = text.chars().count();
    match fitting_size(count, area) {
        Some((size, height)) => {
            let widget = BigText::builder()
                .pixel_size(size)
                .style(style)
                .alignment(Alignment::Center)
                .lines(vec![Line::from(text.to_owned())])
                .build();
            frame.render_widget(widget, Rect { height, ..area });
            height
        }
        None => {
            let line =
                Line::from(Span::styled(text.to_owned(), style)).alignment(Alignment::Center);
            frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
            1
        }
    }
}
