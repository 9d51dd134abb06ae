//! The improvement cycle's screens: the register of every action across
//! sessions, and each framework's levels over time. State and pure
//! questions about it; the rows come from the edge as Actions.
//!
//! Long because the register and trends screens share their filters,
//! cursor and the rows the edge loads; about a fifth is unit tests.

use crate::content::library::Library;
use crate::session::model::{PriorityStatus, ProgressUpdate, ScaleChoice};
use crate::session::register::{ActionRow, LevelPoint, LevelsPage, LevelsQuery};
use jiff::civil::Date;
use ratatui_textarea::TextArea;

/// What the register can be narrowed by. Each key steps through the values
/// present in the rows (owners, frameworks, items, sessions), so nothing
/// has to be typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKey {
    Owner,
    Status,
    Due,
    Framework,
    Item,
    Session,
}

/// How far ahead the due filter looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DueWindow {
    #[default]
    Any,
    /// Still open and past its date.
    Overdue,
    /// Due within the next 30 days (or overdue).
    Within30,
    /// Due within the next 90 days (or overdue).
    Within90,
    /// No due date.
    Undated,
}

impl DueWindow {
    const ORDER: [DueWindow; 5] = [
        DueWindow::Any,
        DueWindow::Overdue,
        DueWindow::Within30,
        DueWindow::Within90,
        DueWindow::Undated,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DueWindow::Any => "any",
            DueWindow::Overdue => "overdue",
            DueWindow::Within30 => "due in 30 days",
            DueWindow::Within90 => "due in 90 days",
            DueWindow::Undated => "no due date",
        }
    }

    fn accepts(self, row: &ActionRow, today: Date) -> bool {
        let within = |days: i64| {
            row.status.is_open()
                && row
                    .due
                    .is_some_and(|d| d <= today.saturating_add(jiff::Span::new().days(days)))
        };
        match self {
            DueWindow::Any => true,
            DueWindow::Overdue => row.status.is_open() && row.due.is_some_and(|d| d < today),
            DueWindow::Within30 => within(30),
            DueWindow::Within90 => within(90),
            DueWindow::Undated => row.due.is_none(),
        }
    }
}

/// The register's filters; `None` is "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterFilter {
    pub owner: Option<String>,
    pub status: Option<PriorityStatus>,
    pub due: DueWindow,
    pub framework: Option<String>,
    pub item: Option<String>,
    /// A session id.
    pub session: Option<String>,
}

impl RegisterFilter {
    pub fn accepts(&self, row: &ActionRow, today: Date) -> bool {
        self.owner.as_ref().is_none_or(|o| row.owner == *o)
            && self.status.is_none_or(|s| row.status == s)
            && self.due.accepts(row, today)
            && self.framework.as_ref().is_none_or(|f| row.framework == *f)
            && self.item.as_ref().is_none_or(|i| row.items.contains(i))
            && self.session.as_ref().is_none_or(|s| row.session_id == *s)
    }

    pub fn is_empty(&self) -> bool {
        *self == RegisterFilter::default()
    }
}

/// Step through `None`, then each value, then back to `None`.
fn step<T: Clone + PartialEq>(current: &Option<T>, values: &[T]) -> Option<T> {
    match current {
        None => values.first().cloned(),
        Some(v) => values
            .iter()
            .position(|x| x == v)
            .and_then(|i| values.get(i + 1))
            .cloned(),
    }
}

/// Step a choice forward or back through `None` and each value.
pub fn step_choice(current: &Option<String>, values: &[String], forward: bool) -> Option<String> {
    if forward {
        return step(current, values);
    }
    match current {
        None => values.last().cloned(),
        Some(v) => values
            .iter()
            .position(|x| x == v)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| values.get(i))
            .cloned(),
    }
}

/// The fields of the progress update form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateField {
    Date,
    Status,
    Note,
    Save,
}

impl UpdateField {
    pub const ORDER: [UpdateField; 4] = [
        UpdateField::Date,
        UpdateField::Status,
        UpdateField::Note,
        UpdateField::Save,
    ];

    pub fn is_text(self) -> bool {
        matches!(self, UpdateField::Date | UpdateField::Note)
    }
}

/// A progress update being written for one action, in place.
#[derive(Debug, Clone)]
pub struct UpdateForm {
    pub field: UpdateField,
    pub date: TextArea<'static>,
    pub status: PriorityStatus,
    pub note: TextArea<'static>,
    pub error: Option<String>,
}

/// Statuses the filter steps through.
pub const STATUSES: [PriorityStatus; 5] = [
    PriorityStatus::NotStarted,
    PriorityStatus::InProgress,
    PriorityStatus::Done,
    PriorityStatus::Dropped,
    PriorityStatus::CarriedForward,
];

/// Statuses an update from the register can set, in the order ←/→ step
/// through them. Carrying forward links into a later session, so it is
/// done in that session's review, not here.
pub const UPDATE_STATUSES: [PriorityStatus; 4] = [
    PriorityStatus::NotStarted,
    PriorityStatus::InProgress,
    PriorityStatus::Done,
    PriorityStatus::Dropped,
];

impl UpdateForm {
    /// A form dated today, with the action's present status.
    pub fn new(today: Date, status: PriorityStatus) -> Self {
        let mut date = TextArea::from([today.to_string()]);
        date.move_cursor(ratatui_textarea::CursorMove::End);
        date.set_cursor_line_style(ratatui::style::Style::default());
        let mut note = TextArea::default();
        note.set_placeholder_text("what happened, and what difference it made");
        note.set_cursor_line_style(ratatui::style::Style::default());
        UpdateForm {
            field: UpdateField::Status,
            date,
            status,
            note,
            error: None,
        }
    }

    pub fn step_status(&mut self, forward: bool) {
        let order = UPDATE_STATUSES;
        let at = order.iter().position(|s| *s == self.status).unwrap_or(0);
        let n = order.len();
        let next = if forward { at + 1 } else { at + n - 1 } % n;
        self.status = order[next];
    }

    pub fn move_field(&mut self, forward: bool) {
        let order = UpdateField::ORDER;
        let at = order.iter().position(|f| *f == self.field).unwrap_or(0);
        let n = order.len();
        self.field = order[if forward { at + 1 } else { at + n - 1 } % n];
    }

    /// The update the form describes, or why it is not one yet.
    pub fn update(&self) -> Result<ProgressUpdate, String> {
        let text = self.date.lines().join("");
        let date: Date = text
            .trim()
            .parse()
            .map_err(|_| format!("'{}' is not a date: write YYYY-MM-DD", text.trim()))?;
        Ok(ProgressUpdate {
            date,
            status: self.status,
            note: self.note.lines().join("\n").trim().to_owned(),
            impact: None,
        })
    }
}

/// The register screen. It holds one page of the filtered rows around the
/// cursor; the edge filters, sorts and pages (in SQL when the index
/// answers), so the screen costs what it shows with 100,000 actions.
#[derive(Debug, Clone, Default)]
pub struct RegisterState {
    /// The page of rows the filters let through, by due date.
    pub rows: Vec<ActionRow>,
    /// Where `rows` starts among the rows the filters let through.
    pub offset: usize,
    /// How many rows the filters let through.
    pub shown: usize,
    /// How many actions there are in all.
    pub total: usize,
    pub loaded: bool,
    pub filter: RegisterFilter,
    /// Index into the filtered rows (all of them, not the page).
    pub cursor: usize,
    pub form: Option<UpdateForm>,
    /// Files the register could not read (never their words).
    pub problems: Vec<String>,
}

/// What the register asks the edge for: a page around `cursor` of the
/// rows `filter` lets through, after stepping the filter on `step`'s
/// column to its next value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterQuery {
    pub filter: RegisterFilter,
    pub step: Option<FilterKey>,
    pub cursor: usize,
}

/// Rows the edge reads around the cursor: more than a screen above and
/// below it, so moving within a screen asks for nothing.
pub const REGISTER_PAGE: usize = 240;

impl RegisterFilter {
    /// The filter as the index answers it, the due window fixed at `today`.
    pub fn page_filter(&self, today: Date) -> crate::index::register::PageFilter {
        let ahead = |days: i64| Some((today.saturating_add(jiff::Span::new().days(days)), false));
        crate::index::register::PageFilter {
            owner: self.owner.clone(),
            status: self.status,
            open_due_by: match self.due {
                DueWindow::Overdue => Some((today, true)),
                DueWindow::Within30 => ahead(30),
                DueWindow::Within90 => ahead(90),
                DueWindow::Any | DueWindow::Undated => None,
            },
            undated: self.due == DueWindow::Undated,
            framework: self.framework.clone(),
            item: self.item.clone(),
            session: self.session.clone(),
        }
    }
}

impl FilterKey {
    /// The index's column this key steps through, if it is one.
    pub fn column(self) -> Option<crate::index::register::Column> {
        use crate::index::register::Column;
        match self {
            FilterKey::Owner => Some(Column::Owner),
            FilterKey::Framework => Some(Column::Framework),
            FilterKey::Item => Some(Column::Item),
            FilterKey::Session => Some(Column::Session),
            FilterKey::Status | FilterKey::Due => None,
        }
    }
}

/// The first row of the page read for a cursor.
pub fn page_start(cursor: usize) -> usize {
    cursor.saturating_sub(REGISTER_PAGE / 2)
}

/// The next value of one column after `current` (the first if none), or
/// `None` after the last, over rows held in memory (when the index cannot
/// answer): one pass, nothing sorted or copied.
pub fn next_value(rows: &[ActionRow], key: FilterKey, current: &Option<String>) -> Option<String> {
    let column: Box<dyn Iterator<Item = &str>> = match key {
        FilterKey::Owner => Box::new(rows.iter().map(|r| r.owner.as_str())),
        FilterKey::Framework => Box::new(rows.iter().map(|r| r.framework.as_str())),
        FilterKey::Item => Box::new(rows.iter().flat_map(|r| r.items.iter().map(String::as_str))),
        FilterKey::Session => Box::new(rows.iter().map(|r| r.session_id.as_str())),
        FilterKey::Status | FilterKey::Due => Box::new(std::iter::empty()),
    };
    column
        .filter(|v| !v.trim().is_empty())
        .filter(|v| current.as_deref().is_none_or(|c| *v > c))
        .min()
        .map(str::to_owned)
}

impl FilterKey {
    /// The filter's value for this key, if it is a column's.
    pub fn value(self, filter: &mut RegisterFilter) -> Option<&mut Option<String>> {
        match self {
            FilterKey::Owner => Some(&mut filter.owner),
            FilterKey::Framework => Some(&mut filter.framework),
            FilterKey::Item => Some(&mut filter.item),
            FilterKey::Session => Some(&mut filter.session),
            FilterKey::Status | FilterKey::Due => None,
        }
    }
}

impl RegisterState {
    /// The rows of the page held (all let through by the filters), in order.
    pub fn visible(&self, _today: Date) -> Vec<&ActionRow> {
        self.rows.iter().collect()
    }

    pub fn selected(&self, _today: Date) -> Option<&ActionRow> {
        self.rows.get(self.cursor.checked_sub(self.offset)?)
    }

    /// Whether rows `from..to` of the filtered ones are all in the page held.
    pub fn holds(&self, from: usize, to: usize) -> bool {
        let to = to.min(self.shown);
        from >= self.offset && to <= self.offset + self.rows.len()
    }

    /// What to ask the edge for to show the register as it now stands.
    pub fn query(&self, step: Option<FilterKey>) -> RegisterQuery {
        RegisterQuery {
            filter: self.filter.clone(),
            step,
            cursor: self.cursor,
        }
    }

    /// Step one filter on to its next value: the status and due window
    /// here; a column's value is asked of the edge (the query returned).
    pub fn step_filter(&mut self, key: FilterKey) -> RegisterQuery {
        self.cursor = 0;
        match key {
            FilterKey::Status => self.filter.status = step(&self.filter.status, &STATUSES),
            FilterKey::Due => {
                let order = DueWindow::ORDER;
                let at = order
                    .iter()
                    .position(|d| *d == self.filter.due)
                    .unwrap_or(0);
                self.filter.due = order[(at + 1) % order.len()];
            }
            _ => return self.query(Some(key)),
        }
        self.query(None)
    }

    /// The filters in force, as words for the screen.
    pub fn filter_words(&self) -> Vec<(&'static str, String)> {
        let f = &self.filter;
        let any = |v: &Option<String>| v.clone().unwrap_or_else(|| "any".into());
        vec![
            ("owner", any(&f.owner)),
            (
                "status",
                f.status.map_or("any".into(), |s| s.label().into()),
            ),
            ("due", f.due.label().into()),
            ("framework", any(&f.framework)),
            ("item", any(&f.item)),
            ("session", any(&f.session)),
        ]
    }
}

/// One window of a framework's levels over time, as the edge read them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrendsData {
    /// What was asked: the framework, locality and window.
    pub query: LevelsQuery,
    pub page: LevelsPage,
}

/// How the trends screen shows the levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrendsView {
    /// Items down, sessions across, the agreed level in each cell.
    #[default]
    Grid,
    /// Each participant's level beside the agreed one.
    Spread,
    /// A bar chart per item.
    Bars,
}

/// The trends screen.
#[derive(Debug, Clone, Default)]
pub struct TrendsState {
    /// Index into the library's frameworks.
    pub framework: usize,
    pub data: Option<TrendsData>,
    pub view: TrendsView,
    /// Show only sessions recording this locality.
    pub locality: Option<String>,
    /// The item chosen (for the bar chart and spread), by row.
    pub cursor: usize,
}

impl TrendsState {
    /// The window's levels (already of the chosen locality).
    pub fn points(&self) -> Vec<&LevelPoint> {
        self.data
            .as_ref()
            .map_or_else(Vec::new, |d| d.page.points.iter().collect())
    }

    /// The window's sessions, oldest first: one point of each.
    pub fn sessions(&self) -> Vec<&LevelPoint> {
        let mut seen = std::collections::HashSet::new();
        self.points()
            .into_iter()
            .filter(|p| seen.insert(p.session_id.as_str()))
            .collect()
    }

    /// The items any session (of the locality) covered, in the framework's
    /// order; items it does not know come last.
    pub fn items(&self, library: &Library) -> Vec<String> {
        let Some(data) = &self.data else {
            return Vec::new();
        };
        let present: std::collections::HashSet<&str> =
            data.page.items.iter().map(String::as_str).collect();
        let mut order: Vec<String> = library
            .framework(&data.query.framework)
            .map(|f| {
                crate::content::query::evaluable_ids(f)
                    .filter(|id| present.contains(id))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let known: std::collections::HashSet<String> = order.iter().cloned().collect();
        order.extend(
            data.page
                .items
                .iter()
                .filter(|i| !known.contains(*i))
                .cloned(),
        );
        order
    }

    /// Localities recorded by the framework's sessions, sorted.
    pub fn localities(&self) -> Vec<String> {
        self.data
            .as_ref()
            .map(|d| d.page.localities.clone())
            .unwrap_or_default()
    }

    pub fn step_locality(&mut self) {
        self.locality = step(&self.locality, &self.localities());
    }

    /// Sessions with levels (of the locality) in all, and how many newer
    /// ones the window skips.
    pub fn counts(&self) -> (usize, usize) {
        self.data
            .as_ref()
            .map_or((0, 0), |d| (d.page.sessions, d.query.skip))
    }

    /// The question for the edge: this framework and locality, the window
    /// `skip` sessions back from the newest, as many as `take`.
    pub fn query(&self, library: &Library, skip: usize, take: usize) -> Option<LevelsQuery> {
        Some(LevelsQuery {
            framework: self.framework_id(library)?.to_owned(),
            locality: self.locality.clone(),
            skip,
            take,
        })
    }

    pub fn framework_id<'a>(&self, library: &'a Library) -> Option<&'a str> {
        library
            .frameworks
            .get(self.framework)
            .map(|(f, _)| f.id.as_str())
    }

    /// The word for a level on a session's scale ("weak", "good").
    pub fn word(&self, library: &Library, session: &str, level: u8) -> Option<String> {
        let data = self.data.as_ref()?;
        let choice = data
            .page
            .scales
            .iter()
            .find(|(id, _)| id == session)
            .map(|(_, c)| c)?;
        level_word(library, &data.query.framework, choice, level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_a_filter_goes_through_each_value_and_back_to_any() {
        assert_eq!(step(&None, &["a", "b"]), Some("a"));
        assert_eq!(step(&Some("a"), &["a", "b"]), Some("b"));
        assert_eq!(step(&Some("b"), &["a", "b"]), None);
    }

    #[test]
    fn the_update_form_needs_a_real_date() {
        let today: Date = "2026-04-02".parse().expect("date");
        let mut form = UpdateForm::new(today, PriorityStatus::NotStarted);
        form.step_status(true);
        let update = form.update().expect("today is a date");
        assert_eq!(update.date, today);
        assert_eq!(update.status, PriorityStatus::InProgress);
        form.date = TextArea::from(["2026-13-40"]);
        assert!(form.update().is_err());
    }
}

/// The word for a level on a scale: the framework's own, or a borrowed one.
pub fn level_word(
    library: &Library,
    framework: &str,
    scale: &ScaleChoice,
    level: u8,
) -> Option<String> {
    let id = match scale {
        ScaleChoice::Framework => framework,
        ScaleChoice::Borrowed(id) => id.as_str(),
    };
    let scale = library.framework(id)?.scale.as_ref()?;
    scale
        .levels
        .iter()
        .find(|l| l.number == level)
        .map(|l| l.word.clone())
}

/// The session a session follows, as its review and the walk show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Earlier {
    pub id: String,
    pub title: String,
    pub date: Date,
    pub framework: String,
    pub scale: ScaleChoice,
    /// Its priorities (not milestones), each with its whole log.
    pub priorities: Vec<ActionRow>,
    /// Its agreed level for each item it covered.
    pub levels: Vec<(String, Option<u8>)>,
    /// Its questions taken (as framed), reflections and whether each was
    /// discussed: a supervision's last time, one key away.
    pub reflections: Vec<(String, String, bool)>,
    /// A supervision's supervisee and supervisor, carried into the next of
    /// the series where it names nobody yet.
    pub people: Option<(String, String)>,
}

impl Earlier {
    /// "last time: 2 weak, March 2026" for an item, if it was covered.
    pub fn last_time(&self, library: &Library, item: &str) -> Option<String> {
        let (_, level) = self.levels.iter().find(|(i, _)| i == item)?;
        let when = self.date.strftime("%B %Y");
        Some(match level {
            Some(l) => match level_word(library, &self.framework, &self.scale, *l) {
                Some(word) => format!("last time: {l} {word}, {when}"),
                None => format!("last time: {l}, {when}"),
            },
            None => format!("last time: not evaluated, {when}"),
        })
    }
}

/// What a priority of the open session says: a carried-forward one with
/// blank fields reads them through its link to last time's action, as
/// the register does, so it never shows as an empty line.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorityShown {
    pub text: String,
    pub owner: String,
    pub due: Option<Date>,
}

impl PriorityShown {
    pub fn of(p: &crate::session::model::Priority, earlier: Option<&Earlier>) -> Self {
        let mut shown = PriorityShown {
            text: p.statement.clone(),
            owner: p.owner.clone(),
            due: p.deadline,
        };
        let Some(link) = &p.carries else {
            return shown;
        };
        let earlier = earlier.filter(|e| e.id == link.session);
        let row = earlier.and_then(|e| e.priorities.iter().find(|r| r.id == link.action));
        if let Some(row) = row {
            if shown.owner.is_empty() {
                shown.owner = row.owner.clone();
            }
            shown.due = shown.due.or(row.due);
            if shown.text.trim().is_empty() {
                shown.text = row.text.clone();
            }
        }
        if shown.text.trim().is_empty() {
            shown.text = crate::app::text::carried_from(earlier.map(|e| e.date));
        }
        shown
    }
}

/// The review before phase 1: last time's priorities, one by one.
#[derive(Debug, Clone)]
pub struct Review {
    pub cursor: usize,
    /// The note the next mark is made with.
    pub note: TextArea<'static>,
    /// Whether the note has the keyboard.
    pub writing: bool,
}

impl Review {
    pub fn new() -> Self {
        let mut note = TextArea::default();
        note.set_placeholder_text("a note for the mark (Tab to write)");
        note.set_cursor_line_style(ratatui::style::Style::default());
        Review {
            cursor: 0,
            note,
            writing: false,
        }
    }
}

impl Default for Review {
    fn default() -> Self {
        Review::new()
    }
}
