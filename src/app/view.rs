//! The one measure of the screen: layout as a pure function of the terminal
//! size and mode, shared by the renderer and by `update` (scrolling, mouse
//! hits, keeping the cursor in view), so the two cannot measure differently.

use ratatui::layout::{Constraint, Layout, Rect};

/// Smallest terminal howgood draws in; below it, a polite message.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Wide enough to show level 5 and level 2 illustrations side by side.
pub const WIDE_WIDTH: u16 = 150;

pub fn is_too_small((width, height): (u16, u16)) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

pub fn is_wide((width, _): (u16, u16)) -> bool {
    width >= WIDE_WIDTH
}

/// The areas of the walk screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalkAreas {
    /// Session title, item and position.
    pub header: Rect,
    /// The three phases as a step indicator.
    pub steps: Rect,
    pub reference: Rect,
    pub record: Rect,
    /// Save status and notices.
    pub status: Rect,
    /// Key hints.
    pub footer: Rect,
}

pub fn walk((width, height): (u16, u16)) -> WalkAreas {
    let area = Rect::new(0, 0, width, height);
    let [header, steps, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    // The reference text gets more room on wide screens (side-by-side
    // illustrations); the record keeps a usable minimum on narrow ones.
    let reference_share = if is_wide((width, height)) { 62 } else { 50 };
    let [reference, record] = Layout::horizontal([
        Constraint::Percentage(reference_share),
        Constraint::Percentage(100 - reference_share),
    ])
    .areas(body);
    WalkAreas {
        header,
        steps,
        reference,
        record,
        status,
        footer,
    }
}

/// The areas of the projector screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentAreas {
    /// Big text: the item's number and the phase timer.
    pub header: Rect,
    /// The item's title and the phase question.
    pub title: Rect,
    pub reference: Rect,
    /// Empty when the scribe's record is hidden from the room.
    pub record: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// Rows of big text: full-size letters on a large screen, half height on
/// a small one.
pub fn big_rows((_, height): (u16, u16)) -> u16 {
    if height >= 40 { 8 } else { 4 }
}

pub fn present((width, height): (u16, u16), hide_notes: bool) -> PresentAreas {
    let area = Rect::new(0, 0, width, height);
    let [header, title, body, status, footer] = Layout::vertical([
        Constraint::Length(big_rows((width, height))),
        Constraint::Length(4),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let (reference, record) = if hide_notes {
        (body, Rect::new(body.x, body.y, 0, 0))
    } else {
        let [reference, record] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(body);
        (reference, record)
    };
    PresentAreas {
        header,
        title,
        reference,
        record,
        status,
        footer,
    }
}

/// The reference and record panes where they are now drawn.
pub fn panes(size: (u16, u16), present: bool, hide_notes: bool) -> (Rect, Rect) {
    if present {
        let areas = self::present(size, hide_notes);
        (areas.reference, areas.record)
    } else {
        let areas = walk(size);
        (areas.reference, areas.record)
    }
}

/// A centred rectangle of at most the given size.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The areas of the home screen: title, sessions, due priorities, footer.
pub fn home_areas(size: (u16, u16)) -> [Rect; 4] {
    let area = Rect::new(0, 0, size.0, size.1);
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(4),
        Constraint::Length((size.1 / 3).clamp(4, 12)),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The first home row shown in the sessions box, keeping the cursor in it.
pub fn home_scroll(cursor: usize, body: Rect) -> usize {
    let view = usize::from(body.height.saturating_sub(2)).max(1);
    cursor.saturating_sub(view - 1)
}

/// The home row under a mouse click on screen line `row`, if any.
pub fn home_row_at(size: (u16, u16), cursor: usize, row_count: usize, row: u16) -> Option<usize> {
    let [_, body, _, _] = home_areas(size);
    let first = body.y + 1;
    if row < first || row >= body.y + body.height.saturating_sub(1) {
        return None;
    }
    let index = usize::from(row - first) + home_scroll(cursor, body);
    (index < row_count).then_some(index)
}
