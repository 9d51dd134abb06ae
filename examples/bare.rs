//! The baseline for start-up benchmarks (benches/run.sh): a bare ratatui
//! 0.30 app that draws one paragraph and waits for a key. With
//! `HOWGOOD_BENCH_FIRST_FRAME` set it leaves after the first frame, as
//! howgood does.

use ratatui::crossterm::event::{self, Event};
use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let once = std::env::var_os("HOWGOOD_BENCH_FIRST_FRAME").is_some();
    let result = loop {
        if let Err(error) = terminal.draw(|frame| {
            frame.render_widget(
                Paragraph::new("Hello from a bare ratatui app"),
                frame.area(),
            )
        }) {
            break Err(error);
        }
        if once {
            break Ok(());
        }
        match event::read() {
            Ok(Event::Key(_)) => break Ok(()),
            Ok(_) => {}
            Err(error) => break Err(error),
        }
    };
    ratatui::restore();
    result
}
