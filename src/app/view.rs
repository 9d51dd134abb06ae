//! The one measure of the screen: layout as a pure function of the terminal
//! size and mode, shared by the renderer and by `update` (scrolling, mouse
//! hits, keeping the cursor in view), so the two cannot measure differently.
//!
//! Long because every screen's areas are here, in one place, for that
//! reason: splitting it by screen would give each its own measure again.

use super::lines;
use super::reference::{self, Entry, Style as EntryStyle};
use super::rows::Row;
use super::{App, Stage, Workspace};
use crate::content::library::Library;
use crate::session::model::SessionKind;
use ratatui::layout::{Constraint, Layout, Rect};
use std::ops::Range;

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
    let (width, height) = size;
    let due = (height / 3).clamp(4, 12);
    let (title, least_body, footer) = (2, 4, 1);
    // Tall enough for every box: the sessions box takes what is left. Worked
    // out here rather than by the layout solver, because the home screen is
    // a start's first frame and the solver's first use costs it a twentieth
    // of a bare terminal program's whole run (a test holds the two equal).
    if height >= title + least_body + due + footer {
        let body = height - title - due - footer;
        return [
            Rect::new(0, 0, width, title),
            Rect::new(0, title, width, body),
            Rect::new(0, title + body, width, due),
            Rect::new(0, height - footer, width, footer),
        ];
    }
    Layout::vertical([
        Constraint::Length(title),
        Constraint::Min(least_body),
        Constraint::Length(due),
        Constraint::Length(footer),
    ])
    .areas(Rect::new(0, 0, width, height))
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

/// The areas of the daily screen: title, countdown, hint, the record,
/// status and footer.
pub fn daily((width, height): (u16, u16)) -> [Rect; 6] {
    let timer_rows = if height >= 40 { 8 } else { 4 };
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(timer_rows),
        Constraint::Length(1),
        Constraint::Min(6),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(Rect::new(0, 0, width, height))
}

/// Which of the session screens is drawn now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionLayout {
    /// The two-pane walk (and the summary, in any mode).
    Walk,
    /// Projector mode on an item: big text, one tab at a time.
    Projector,
    /// The daily twenty minutes: the record only.
    Daily,
}

/// One column of reference entries and the entries it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub area: Rect,
    pub entries: Range<usize>,
}

/// Where an entry sits: its column and its first line within that column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub column: usize,
    pub top: usize,
    pub height: usize,
}

/// The session screen as it is drawn now. `ui` draws into these areas and
/// `update` scrolls, keeps cursors in view and finds mouse hits with them,
/// so what is measured is what is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionView {
    pub layout: SessionLayout,
    /// The reference pane with its border (empty on the daily screen).
    pub reference: Rect,
    /// The record pane with its border (empty when hidden from the room).
    pub record: Rect,
    /// Where the reference entries are drawn: inside the border, below the
    /// tab line on the walk screen.
    pub entries: Rect,
    /// Level 5 and level 2 illustrations in two columns (a wide walk
    /// screen on the illustrations tab). Otherwise ←/→ switch levels.
    pub side_by_side: bool,
    /// Projector spacing: a blank line after every entry.
    pub spaced: bool,
}

impl SessionView {
    pub fn of(app: &App, ws: &Workspace) -> Self {
        let layout = if ws.session.kind == SessionKind::DailyReview {
            SessionLayout::Daily
        } else if app.present && matches!(ws.stage, Stage::Walk { .. }) {
            SessionLayout::Projector
        } else {
            SessionLayout::Walk
        };
        let on_illustrations =
            reference::current_tab(&app.library, ws) == Some(reference::Tab::Illustrations);
        Self::new(app.size, layout, app.hide_notes, on_illustrations)
    }

    pub fn new(
        size: (u16, u16),
        layout: SessionLayout,
        hide_notes: bool,
        on_illustrations: bool,
    ) -> Self {
        let (reference, record, entries) = match layout {
            SessionLayout::Walk => {
                let areas = walk(size);
                let inner = inside_border(areas.reference);
                let below_tabs = Rect {
                    y: inner.y + 1,
                    height: inner.height.saturating_sub(1),
                    ..inner
                };
                (areas.reference, areas.record, below_tabs)
            }
            SessionLayout::Projector => {
                let areas = present(size, hide_notes);
                let inner = inside_border(areas.reference);
                (areas.reference, areas.record, inner)
            }
            SessionLayout::Daily => {
                let [_, _, _, body, _, _] = daily(size);
                (Rect::default(), body, Rect::default())
            }
        };
        SessionView {
            layout,
            reference,
            record,
            entries,
            side_by_side: layout == SessionLayout::Walk && is_wide(size) && on_illustrations,
            spaced: layout == SessionLayout::Projector,
        }
    }

    /// The columns the entries are drawn in: one, or level 5 beside
    /// level 2 (split at the second heading).
    pub fn columns(&self, entries: &[Entry]) -> Vec<Column> {
        if !self.side_by_side {
            return vec![Column {
                area: self.entries,
                entries: 0..entries.len(),
            }];
        }
        let split = entries
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, e)| e.style == EntryStyle::Heading)
            .map_or(entries.len(), |(i, _)| i);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(self.entries);
        vec![
            Column {
                area: left,
                entries: 0..split,
            },
            Column {
                area: right,
                entries: split..entries.len(),
            },
        ]
    }

    /// Every entry's place, measured at the width of the column it is drawn in.
    pub fn places(&self, entries: &[Entry]) -> Vec<Place> {
        let mut places = Vec::with_capacity(entries.len());
        for (column, c) in self.columns(entries).iter().enumerate() {
            let mut top = 0;
            for entry in &entries[c.entries.clone()] {
                let height = lines::entry_lines(entry, c.area.width, false, self.spaced).len();
                places.push(Place {
                    column,
                    top,
                    height,
                });
                top += height;
            }
        }
        places
    }

    /// Lines of reference text that fit in view.
    pub fn reference_lines(&self) -> usize {
        usize::from(self.entries.height)
    }

    /// The record pane inside its border.
    pub fn record_inner(&self) -> Rect {
        inside_border(self.record)
    }

    /// Each record row's height, measured at the width it is drawn.
    pub fn row_heights(&self, library: &Library, ws: &Workspace, rows: &[Row]) -> Vec<usize> {
        let width = self.record_inner().width;
        rows.iter()
            .map(|r| lines::row_height(library, ws, r, width))
            .collect()
    }
}

/// A bordered block's inside.
fn inside_border(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// The help popup, and its inside where the key lines are drawn.
pub fn help((width, height): (u16, u16)) -> (Rect, Rect) {
    let area = centered(Rect::new(0, 0, width, height), 84, height.saturating_sub(2));
    (area, inside_border(area))
}

/// Lines of help in view: all but the last line of the inside, which says
/// how to scroll and close.
pub fn help_lines_in_view(size: (u16, u16)) -> usize {
    usize::from(help(size).1.height.saturating_sub(1)).max(1)
}

/// The measures screens: title (two lines), body, status and footer.
pub fn measures_areas(size: (u16, u16)) -> [Rect; 4] {
    let area = Rect::new(0, 0, size.0, size.1);
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(4),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The register screen: title, filters, the list, the chosen action's log
/// (or the update form), the status line and the footer.
pub fn register_areas(size: (u16, u16), form: bool) -> [Rect; 6] {
    let area = Rect::new(0, 0, size.0, size.1);
    let lower = if form { 7 } else { (size.1 / 3).clamp(5, 14) };
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(lower),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// A measure's screen body: the chart above, the table of values below
/// (a third of the body, at least four lines).
pub fn measure_chart_areas(body: Rect) -> [Rect; 2] {
    let table = (body.height / 3).max(4).min(body.height.saturating_sub(6));
    Layout::vertical([Constraint::Min(6), Constraint::Length(table)]).areas(body)
}

/// A worksheet's body: the steps on the left, the current step on the right.
pub fn curve_areas(body: Rect) -> [Rect; 2] {
    let steps = (body.width / 3).clamp(24, 40);
    Layout::horizontal([Constraint::Length(steps), Constraint::Min(20)]).areas(body)
}

/// The first list row shown, keeping the cursor (rows of `rows_each`
/// lines) in a view of `height` lines.
pub fn list_scroll(cursor: usize, height: u16, rows_each: usize) -> usize {
    let fits = (usize::from(height) / rows_each.max(1)).max(1);
    cursor.saturating_sub(fits - 1)
}

/// How many register rows the list shows (inside its border, under its
/// header).
pub fn register_list_height(size: (u16, u16), form: bool) -> u16 {
    register_areas(size, form)[2].height.saturating_sub(3)
}

/// The first register row shown, keeping the cursor in a list `height`
/// rows tall (inside its border).
pub fn register_scroll(cursor: usize, height: u16) -> usize {
    let view = usize::from(height).max(1);
    cursor.saturating_sub(view - 1)
}

/// Whether the register has room for its wider columns (framework, items,
/// session, last update).
pub fn register_is_wide((width, _): (u16, u16)) -> bool {
    width >= 140
}

/// The trends screen: title, the never-averaged line, the body, the
/// status line and the footer.
pub fn trends_areas(size: (u16, u16)) -> [Rect; 5] {
    let area = Rect::new(0, 0, size.0, size.1);
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The own content screen: the same shape as the trends screen (title, a
/// note, the body, the status line and the footer).
pub fn own_content_areas(size: (u16, u16)) -> [Rect; 5] {
    trends_areas(size)
}

/// Width of one session column in the trends grid (room for "1
/// unsatisfactory", the longest six-point level), and of the item column.
pub const TRENDS_CELL: u16 = 17;
pub const TRENDS_ITEM: u16 = 10;

/// How many session columns fit beside the item column: the latest are
/// kept when not all fit.
pub fn trends_columns((width, _): (u16, u16)) -> usize {
    usize::from(width.saturating_sub(TRENDS_ITEM + 2) / TRENDS_CELL).max(1)
}

/// Width of one bar of the trends bar chart, with its gap.
pub const TRENDS_BAR: u16 = 12;

/// How many sessions' bars fit in the trends bar chart.
pub fn trends_bars((width, _): (u16, u16)) -> usize {
    usize::from(width.saturating_sub(2) / TRENDS_BAR).max(1)
}

/// How many sessions fit in the trends spread: two lines each, under the
/// item's line, inside the border.
pub fn trends_spread_rows(size: (u16, u16)) -> usize {
    let [_, _, body, _, _] = trends_areas(size);
    usize::from(body.height.saturating_sub(3) / 2).max(1)
}

/// How many sessions one trends view shows at this size: the step of a
/// page to earlier or later sessions.
pub fn trends_shown(size: (u16, u16), view: crate::app::cycle::TrendsView) -> usize {
    use crate::app::cycle::TrendsView;
    match view {
        TrendsView::Grid => trends_columns(size),
        TrendsView::Bars => trends_bars(size),
        TrendsView::Spread => trends_spread_rows(size),
    }
}

/// How many sessions the trends screen reads at once: as many as its
/// widest view shows, so switching views needs no new read.
pub fn trends_window(size: (u16, u16)) -> usize {
    trends_columns(size)
        .max(trends_bars(size))
        .max(trends_spread_rows(size))
}
