//! The home screen's data and the new-session form.
//!
//! Long because the new-session form's fields (kind, framework, standard,
//! cover, participants, follow-up, locality, facilitator) each carry their
//! own rules of what may be chosen.

use crate::content::library::Library;
use crate::content::query;
use crate::session::model::SessionKind;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use jiff::Timestamp;
use jiff::civil::Date;
use ratatui_textarea::TextArea;
use serde::{Deserialize, Serialize};

/// A session as the home screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub id: String,
    pub kind: SessionKind,
    pub title: String,
    pub framework: String,
    pub updated: Timestamp,
    pub items: usize,
    pub evaluated: usize,
    pub priorities: usize,
    /// Recovery or conflict copies waiting beside the file.
    pub unsaved_copies: Vec<String>,
    pub read_only: Option<String>,
}

/// A priority that is due soon or overdue, across all sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuePriority {
    pub session_id: String,
    pub session_title: String,
    pub statement: String,
    pub owner: String,
    pub deadline: Date,
    /// The action's stable id (empty in files from before ids).
    pub action_id: String,
    /// A daily review's small action (marked done from home by a key).
    pub daily: bool,
}

impl DuePriority {
    /// Where a progress update for it goes, if it can take one.
    pub fn target(&self) -> Option<crate::session::model::ActionRef> {
        (!self.action_id.is_empty()).then(|| crate::session::model::ActionRef {
            session: self.session_id.clone(),
            action: self.action_id.clone(),
        })
    }
}

/// What the edge found in the sessions folder: counts, and one page of
/// each list around the cursor (the index is asked for a page, never for
/// years of sessions at once).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HomeData {
    /// A page of the sessions list (newest first, daily reviews left out),
    /// starting at `sessions_from`.
    pub sessions: Vec<SessionSummary>,
    pub sessions_from: usize,
    /// How many sessions the list has in all (at least what is held).
    pub session_count: usize,
    /// The most recently updated session (the Resume row; boxed to keep
    /// `Action` small).
    pub latest: Option<Box<SessionSummary>>,
    /// Files that could not be read: `path:line:col: message` and advice.
    pub damaged: Vec<String>,
    /// Soonest first.
    pub due: Vec<DuePriority>,
    /// The next sessions due and the quiet priorities (boxed to keep
    /// `Action` small).
    pub cycle: Box<HomeCycle>,
    pub warnings: Vec<String>,
    /// A page of daily reviews, newest first, starting at `daily_from`.
    pub daily: Vec<DailyEntry>,
    pub daily_from: usize,
    pub daily_count: usize,
    /// Days in a row with a daily review up to today or yesterday.
    pub streak: usize,
    /// The newest daily review's date and id (today's, if its date is
    /// today: the clock may have passed midnight since the load).
    pub newest_review: Option<(Date, String)>,
    /// The daily review of the same date a year before today, if any
    /// (boxed to keep `Action` small).
    pub year_ago: Option<Box<DailyEntry>>,
    /// The sessions folder could not be listed (said in `damaged`): the
    /// list is empty for that, not for having no sessions.
    pub folder_unreadable: bool,
}

/// What home shows of the improvement cycle beyond the due list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HomeCycle {
    /// Series whose next session is due, soonest first.
    pub next_due: Vec<crate::index::register::NextDue>,
    /// Open priorities with no update for `QUIET_DAYS`, longest quiet first.
    pub quiet: Vec<crate::index::register::Quiet>,
}

/// A page of each list, asked for when the cursor leaves the one held.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HomePage {
    pub sessions: Vec<SessionSummary>,
    pub sessions_from: usize,
    pub daily: Vec<DailyEntry>,
    pub daily_from: usize,
}

/// Rows asked of the index at once; the page is centred on the cursor.
pub const PAGE: usize = 400;
/// Rows either side of the cursor that must be held (more than any screen
/// shows), else a new page is asked for.
const MARGIN: usize = 150;

/// Where the page around `cursor` starts.
pub fn page_from(cursor: usize) -> usize {
    cursor.saturating_sub(PAGE / 2)
}

/// Whether a page from `from` holding `held` of `count` rows holds every
/// row within the margin of `cursor`.
fn covers(from: usize, held: usize, count: usize, cursor: usize) -> bool {
    let low = cursor.saturating_sub(MARGIN);
    let high = (cursor + MARGIN).min(count);
    from <= low && high <= from + held
}

impl HomeData {
    /// Sessions in all (a list handed over whole counts itself).
    pub fn session_total(&self) -> usize {
        self.session_count
            .max(self.sessions_from + self.sessions.len())
    }

    pub fn daily_total(&self) -> usize {
        self.daily_count.max(self.daily_from + self.daily.len())
    }

    /// The `n`th session of the list, if it is in the page held.
    pub fn session(&self, n: usize) -> Option<&SessionSummary> {
        self.sessions.get(n.checked_sub(self.sessions_from)?)
    }

    /// The `n`th daily review, newest first, if it is in the page held.
    pub fn daily_entry(&self, n: usize) -> Option<&DailyEntry> {
        self.daily.get(n.checked_sub(self.daily_from)?)
    }

    /// Today's daily review, if there is one.
    pub fn today_review(&self, today: Date) -> Option<&str> {
        match &self.newest_review {
            Some((date, id)) if *date == today => Some(id),
            _ => None,
        }
    }

    pub fn latest(&self) -> Option<&SessionSummary> {
        self.latest.as_deref().or_else(|| self.session(0))
    }

    /// Whether the page held covers the `n`th session's neighbourhood.
    pub fn holds_session(&self, n: usize) -> bool {
        covers(
            self.sessions_from,
            self.sessions.len(),
            self.session_total(),
            n,
        )
    }

    pub fn holds_daily(&self, n: usize) -> bool {
        covers(self.daily_from, self.daily.len(), self.daily_total(), n)
    }

    /// Take a newly fetched page.
    pub fn take_page(&mut self, page: HomePage) {
        self.sessions = page.sessions;
        self.sessions_from = page.sessions_from;
        self.daily = page.daily;
        self.daily_from = page.daily_from;
    }
}

/// One day's review, as the history shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DailyEntry {
    pub id: String,
    pub date: Date,
    pub question: String,
    pub reflection: String,
    pub action: String,
    /// Every question the day took, with its reflection, in order.
    pub questions: Vec<(String, String)>,
    /// The small action's stable id, if the day has one with an id.
    pub action_id: Option<String>,
    /// The small action's status.
    pub action_status: Option<crate::session::model::PriorityStatus>,
}

impl DailyEntry {
    /// The day's small action, if it is open and can be marked done.
    pub fn open_action(&self) -> Option<crate::session::model::ActionRef> {
        let open = self.action_status.is_some_and(|s| s.is_open());
        let id = self.action_id.as_ref().filter(|_| open)?;
        Some(crate::session::model::ActionRef {
            session: self.id.clone(),
            action: id.clone(),
        })
    }
}

/// Priorities due within this many days are listed as due soon.
pub const DUE_SOON_DAYS: i64 = 14;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeRow {
    /// A new workshop.
    New,
    NewSupervision,
    /// Today's daily review: start it, or continue it.
    Daily,
    History,
    Resume(String),
    Session(String),
}

#[derive(Debug, Clone, Default)]
pub struct HomeState {
    pub data: HomeData,
    pub cursor: usize,
    /// Days in a row with a daily review (worked out by the edge once per
    /// load, from the index; never per frame).
    pub streak: usize,
    /// Whether today's daily review exists, likewise.
    pub done_today: bool,
}

impl HomeState {
    /// Take newly loaded data.
    pub fn loaded(&mut self, data: HomeData, today: Date) {
        self.streak = data.streak;
        self.done_today = data.today_review(today).is_some();
        self.data = data;
        self.cursor = self.cursor.min(self.row_count().saturating_sub(1));
    }

    /// The rows above the sessions: new, daily, history, resume.
    fn fixed_rows(&self) -> Vec<HomeRow> {
        let mut rows = vec![HomeRow::New, HomeRow::NewSupervision, HomeRow::Daily];
        if self.data.daily_total() > 0 {
            rows.push(HomeRow::History);
        }
        if let Some(latest) = self.data.latest() {
            rows.push(HomeRow::Resume(latest.id.clone()));
        }
        rows
    }

    fn fixed_count(&self) -> usize {
        3 + usize::from(self.data.daily_total() > 0) + usize::from(self.data.latest().is_some())
    }

    pub fn row_count(&self) -> usize {
        self.fixed_count() + self.data.session_total()
    }

    /// Which session of the list a row shows, if it shows one.
    pub fn session_index(&self, row: usize) -> Option<usize> {
        let n = row.checked_sub(self.fixed_count())?;
        (n < self.data.session_total()).then_some(n)
    }

    /// The session listed at a row, without a search (`None` also while
    /// its page is being fetched).
    pub fn session_at(&self, index: usize) -> Option<&SessionSummary> {
        self.data.session(self.session_index(index)?)
    }

    /// Whether the page held covers the rows around the cursor.
    pub fn page_held(&self) -> bool {
        // On the rows above the list, its first sessions are on screen.
        let n = self.session_index(self.cursor).unwrap_or(0);
        self.data.holds_session(n)
    }

    /// One row, computed on its own: screens ask only for the rows they show.
    pub fn row(&self, index: usize) -> Option<HomeRow> {
        match self.session_at(index) {
            Some(s) => Some(HomeRow::Session(s.id.clone())),
            None => self.fixed_rows().get(index).cloned(),
        }
    }

    /// Every row (tests and small lists; screens use `row`).
    pub fn rows(&self) -> Vec<HomeRow> {
        (0..self.row_count()).filter_map(|i| self.row(i)).collect()
    }
}

/// The fields of the new-session form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Kind,
    Title,
    Framework,
    /// For a framework without a scale of its own (the LSCB framework):
    /// the borrowed scale, or its Module 2 statements as the standard.
    Standard,
    Participants,
    /// A supervision's people, by initials or roles (instead of the
    /// participants, facilitator and locality).
    Supervisee,
    Supervisor,
    /// Who runs the session (optional; shown in its reports).
    Facilitator,
    /// The locality or service a workshop evaluates (optional).
    Locality,
    /// The earlier session this one follows up (optional).
    Follows,
    /// When the next session of the series is due (optional).
    NextDue,
    Items,
    Create,
}

impl FormField {
    pub const ALL: [FormField; 13] = [
        FormField::Kind,
        FormField::Title,
        FormField::Framework,
        FormField::Standard,
        FormField::Participants,
        FormField::Supervisee,
        FormField::Supervisor,
        FormField::Facilitator,
        FormField::Locality,
        FormField::Follows,
        FormField::NextDue,
        FormField::Items,
        FormField::Create,
    ];

    /// Fields typed into (one line each).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            FormField::Title
                | FormField::Participants
                | FormField::Supervisee
                | FormField::Supervisor
                | FormField::Facilitator
                | FormField::Locality
                | FormField::NextDue
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            FormField::Kind => "Kind",
            FormField::Title => "Title",
            FormField::Framework => "Framework",
            FormField::Standard => "Evaluate by",
            FormField::Participants => "Participants",
            FormField::Supervisee => crate::app::text::supervision::SUPERVISEE,
            FormField::Supervisor => crate::app::text::supervision::SUPERVISOR,
            FormField::Facilitator => "Facilitator",
            FormField::Locality => "Locality",
            FormField::Follows => "Follows",
            FormField::NextDue => "Next due",
            FormField::Items => "Cover",
            FormField::Create => "",
        }
    }
}

/// A choosable item with its fuzzy match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub label: String,
    /// Character indices of `label` that matched the filter.
    pub matched: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct NewSessionForm {
    pub field: FormField,
    pub kind: SessionKind,
    pub title: TextArea<'static>,
    /// Index into the library's frameworks.
    pub framework: usize,
    pub participants: TextArea<'static>,
    /// A supervision's people (initials or roles).
    pub supervisee: TextArea<'static>,
    pub supervisor: TextArea<'static>,
    pub facilitator: TextArea<'static>,
    pub locality: TextArea<'static>,
    pub next_due: TextArea<'static>,
    pub filter: TextArea<'static>,
    /// Selected item ids, in the order chosen.
    pub chosen: Vec<String>,
    /// The earlier session (by id) this one follows up.
    pub follows: Option<String>,
    /// What an LSCB session is evaluated against.
    pub standard: crate::session::model::Standard,
    /// Cursor in the filtered candidates.
    pub cursor: usize,
    pub error: Option<String>,
}

fn single_line(placeholder: &str) -> TextArea<'static> {
    let mut area = TextArea::default();
    area.set_placeholder_text(placeholder);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area
}

impl NewSessionForm {
    pub fn new(library: &Library) -> Self {
        Self::of_kind(library, SessionKind::Workshop)
    }

    /// A form for a kind of session, with the framework that suits it.
    pub fn of_kind(library: &Library, kind: SessionKind) -> Self {
        let preferred = match kind {
            SessionKind::Workshop => "hmie-cp-2009",
            SessionKind::Supervision | SessionKind::DailyReview => "lscb-qaf",
        };
        let framework = library
            .frameworks
            .iter()
            .position(|(f, _)| f.id == preferred)
            .unwrap_or(0);
        NewSessionForm {
            field: FormField::Title,
            kind,
            title: single_line("e.g. Neglect: multi-agency self-evaluation"),
            framework,
            participants: single_line("names or roles, separated by commas: Police, Health"),
            supervisee: single_line(crate::app::text::supervision::PLACEHOLDER_PEOPLE),
            supervisor: single_line(crate::app::text::supervision::PLACEHOLDER_PEOPLE),
            facilitator: single_line(crate::app::text::PLACEHOLDER_FACILITATOR),
            locality: single_line(crate::app::text::PLACEHOLDER_LOCALITY),
            next_due: single_line(crate::app::text::PLACEHOLDER_DATE),
            filter: single_line("type to filter"),
            chosen: Vec::new(),
            follows: None,
            standard: crate::session::model::Standard::Scale,
            cursor: 0,
            error: None,
        }
    }

    /// Earlier sessions of the same framework and kind this one can
    /// follow, newest first: (id, title).
    pub fn follow_candidates<'a>(
        &self,
        library: &Library,
        sessions: &'a [SessionSummary],
    ) -> Vec<&'a SessionSummary> {
        let framework = library
            .frameworks
            .get(self.framework)
            .map(|(f, _)| f.id.as_str());
        sessions
            .iter()
            .filter(|s| Some(s.framework.as_str()) == framework && s.kind == self.kind)
            .collect()
    }

    /// Whether a workshop's standard can be chosen: its framework has no
    /// scale of its own. (Supervision and the daily review record no
    /// levels.)
    pub fn chooses_standard(&self, library: &Library) -> bool {
        self.kind == SessionKind::Workshop
            && library
                .frameworks
                .get(self.framework)
                .is_some_and(|(f, _)| f.scale.is_none() && f.content.is_some())
    }

    /// Whether the form asks for a field: the standard only where there
    /// is one to choose; a supervision asks for its supervisee and
    /// supervisor instead of participants, a facilitator and a locality.
    pub fn asks(&self, library: &Library, field: FormField) -> bool {
        let supervision = self.kind == SessionKind::Supervision;
        match field {
            FormField::Standard => self.chooses_standard(library),
            FormField::Participants | FormField::Facilitator | FormField::Locality => !supervision,
            FormField::Supervisee | FormField::Supervisor => supervision,
            _ => true,
        }
    }

    /// The field after (or before) this one, passing over those the form
    /// does not ask for.
    pub fn step_field(&self, library: &Library, forward: bool) -> FormField {
        let all = FormField::ALL;
        let mut at = all.iter().position(|f| *f == self.field).unwrap_or(0);
        loop {
            at = if forward {
                (at + 1).min(all.len() - 1)
            } else {
                at.saturating_sub(1)
            };
            if self.asks(library, all[at]) {
                return all[at];
            }
        }
    }

    pub fn is_typing(&self) -> bool {
        self.field.is_text() || self.field == FormField::Items
    }

    /// The one-line text field behind a form field, if it is one.
    pub fn text_field(&mut self) -> Option<&mut TextArea<'static>> {
        match self.field {
            FormField::Title => Some(&mut self.title),
            FormField::Participants => Some(&mut self.participants),
            FormField::Supervisee => Some(&mut self.supervisee),
            FormField::Supervisor => Some(&mut self.supervisor),
            FormField::Facilitator => Some(&mut self.facilitator),
            FormField::Locality => Some(&mut self.locality),
            FormField::NextDue => Some(&mut self.next_due),
            _ => None,
        }
    }

    /// A field's text, trimmed, or `None` when empty.
    pub fn optional(area: &TextArea<'_>) -> Option<String> {
        Some(Self::text(area).trim().to_owned()).filter(|t| !t.is_empty())
    }

    /// A field's text, trimmed, without control characters (a pasted
    /// terminal escape must not reach an export).
    pub fn plain(area: &TextArea<'_>) -> String {
        Self::text(area)
            .chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .trim()
            .to_owned()
    }

    pub fn text(area: &TextArea<'_>) -> String {
        area.lines().join(" ")
    }

    pub fn participants_list(&self) -> Vec<String> {
        Self::text(&self.participants)
            .split(',')
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// The framework's items matching the filter, best first (document
    /// order when the filter is empty).
    pub fn candidates(&self, library: &Library) -> Vec<Candidate> {
        let Some((framework, _)) = library.frameworks.get(self.framework) else {
            return Vec::new();
        };
        let filter = Self::text(&self.filter);
        let matcher = SkimMatcherV2::default();
        let mut found: Vec<(i64, usize, Candidate)> = query::evaluable_items(framework)
            .into_iter()
            .enumerate()
            .filter_map(|(order, (id, item))| {
                let label = item.title();
                if filter.trim().is_empty() {
                    return Some((
                        0,
                        order,
                        Candidate {
                            id,
                            label,
                            matched: Vec::new(),
                        },
                    ));
                }
                let (score, matched) = matcher.fuzzy_indices(&label, filter.trim())?;
                Some((score, order, Candidate { id, label, matched }))
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.into_iter().map(|(_, _, c)| c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str) -> SessionSummary {
        SessionSummary {
            id: id.to_owned(),
            kind: SessionKind::Workshop,
            title: id.to_owned(),
            framework: "hmie-cp-2009".to_owned(),
            updated: Timestamp::UNIX_EPOCH,
            items: 0,
            evaluated: 0,
            priorities: 0,
            unsaved_copies: Vec::new(),
            read_only: None,
        }
    }

    #[test]
    fn each_row_is_found_by_position_without_building_the_list() {
        let mut home = HomeState::default();
        let data = HomeData {
            sessions: (0..1000).map(|n| summary(&format!("s{n}"))).collect(),
            ..HomeData::default()
        };
        home.cursor = 5000;
        home.loaded(data, jiff::civil::date(2026, 11, 25));
        assert_eq!(home.row_count(), 1004);
        assert_eq!(home.cursor, 1003, "the cursor stays on the list");
        assert_eq!(home.row(3), Some(HomeRow::Resume("s0".to_owned())));
        assert_eq!(home.row(4), Some(HomeRow::Session("s0".to_owned())));
        assert_eq!(home.session_at(1003).map(|s| s.id.as_str()), Some("s999"));
        assert_eq!(home.row(1004), None);
        assert_eq!(home.rows().len(), home.row_count());
        assert!(
            home.rows()
                .iter()
                .enumerate()
                .all(|(i, r)| home.row(i).as_ref() == Some(r))
        );
    }
}
