//! The lines of reference entries and record rows at a width: what the
//! screen draws and what `update` measures to scroll, keep the cursor in
//! view and find mouse hits, so the two can never disagree.
//!
//! Long because every kind of row (levels, criteria, evidence, priorities,
//! questions) has its own lines, and they must all be measured here, in one
//! place, for update and ui to agree.

use super::Workspace;
use super::fields::{self, TextField};
use super::reference::{self, Entry, Style as EntryStyle};
use super::rows::{Button, Row};
use super::theme::Theme;
use crate::content::library::Library;
use crate::session::model::SessionKind;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Wrap `text` to `width` columns with a first-line lead and a hanging
/// indent for the rest. Never returns no lines.
pub fn wrap_text(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    match one_line(text, width.max(4), first) {
        Some(line) => vec![line],
        None => wrap_by_line_breaker(text, width, first, rest),
    }
}

/// `wrap_text` by textwrap's line breaker alone, whatever the text (the
/// measure a test holds the quick path to).
pub fn wrap_by_line_breaker(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(width.max(4))
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true);
    let lines: Vec<String> = textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.is_empty() {
        vec![first.to_owned()]
    } else {
        lines
    }
}

/// `text` as the one line it wraps to when it fits, found without the
/// line breaker (whose first use costs a start's first frame, and every
/// use a few microseconds); `None` when it may wrap or be changed by
/// wrapping (a space at either end, a line break, a control character).
/// A test holds it to what textwrap gives.
fn one_line(text: &str, width: usize, first: &str) -> Option<String> {
    let plain = |c: char| !c.is_control();
    let trimmed = !text.starts_with(char::is_whitespace) && !text.ends_with(char::is_whitespace);
    let fits = textwrap::core::display_width(first) + textwrap::core::display_width(text) <= width;
    (!text.is_empty() && trimmed && fits && text.chars().all(plain))
        .then(|| format!("{first}{text}"))
}

/// Lines of a reference entry at a width (the first two columns are kept
/// for the selection mark).
/// In projector mode (`spaced`) every entry is followed by a blank line.
pub fn entry_lines(entry: &Entry, width: u16, selected: bool, spaced: bool) -> Vec<Line<'static>> {
    entry_lines_themed(entry, width, selected, spaced, Theme::PLAIN)
}

pub fn entry_lines_themed(
    entry: &Entry,
    width: u16,
    selected: bool,
    spaced: bool,
    theme: Theme,
) -> Vec<Line<'static>> {
    let inner = usize::from(width.saturating_sub(2)).max(8);
    let mark = if selected { "▌ " } else { "  " };
    let mut out: Vec<Line<'static>> = Vec::new();
    let (style, first, rest, text) = match entry.style {
        EntryStyle::Heading => (
            theme.heading(),
            String::new(),
            String::new(),
            entry.text.clone(),
        ),
        EntryStyle::Paragraph => match &entry.tag {
            Some(tag) => (
                theme.text(),
                format!("{tag} "),
                " ".repeat(tag.chars().count() + 1),
                entry.text.clone(),
            ),
            None => (
                theme.text(),
                String::new(),
                String::new(),
                entry.text.clone(),
            ),
        },
        EntryStyle::Bullet => {
            let tag = entry.tag.clone().unwrap_or_else(|| "•".into());
            let lead = if tag == "·" {
                "   · ".to_owned()
            } else {
                format!("{tag} ")
            };
            let hang = " ".repeat(lead.chars().count());
            (theme.text(), lead, hang, entry.text.clone())
        }
        EntryStyle::Suggestion => {
            let lead = match &entry.tag {
                Some(tag) => format!("+ [{tag}] "),
                None => "+ ".to_owned(),
            };
            (theme.text(), lead, "  ".to_owned(), entry.text.clone())
        }
        EntryStyle::Note => (
            theme.dim(),
            String::new(),
            String::new(),
            entry.text.clone(),
        ),
    };
    if entry.style == EntryStyle::Heading {
        out.push(Line::from(""));
    }
    for line in wrap_text(&text, inner, &first, &rest) {
        out.push(Line::from(vec![
            Span::styled(mark, theme.key()),
            Span::styled(line, style),
        ]));
    }
    if matches!(entry.style, EntryStyle::Paragraph | EntryStyle::Note)
        || (spaced && matches!(entry.style, EntryStyle::Bullet | EntryStyle::Suggestion))
    {
        out.push(Line::from(""));
    }
    out
}

fn level_text(library: &Library, ws: &Workspace, level: Option<u8>) -> String {
    let Some(level) = level else {
        return "not yet evaluated".into();
    };
    let scale = reference::session_scale(library, &ws.session);
    match scale.and_then(|s| s.levels.iter().find(|l| l.number == level)) {
        Some(l) if l.summary.is_empty() => format!("{level} {}", l.word),
        Some(l) => format!("{level} {} – {}", l.word, l.summary),
        None => level.to_string(),
    }
}

pub fn level_word(library: &Library, ws: &Workspace, level: u8) -> String {
    reference::session_scale(library, &ws.session)
        .and_then(|s| s.levels.iter().find(|l| l.number == level))
        .map_or_else(|| level.to_string(), |l| format!("{level} {}", l.word))
}

/// The spread of participants' levels by name, best level first. Never an
/// average: the frameworks warn against turning evaluations into scores.
pub fn spread_text(library: &Library, ws: &Workspace, item: usize) -> String {
    let Some(record) = ws.session.items.get(item) else {
        return String::new();
    };
    if record.individual_levels.is_empty() {
        return "Spread: no individual levels yet".into();
    }
    // Who has not rated is as telling as the levels: say how many have.
    let recorded = format!(
        "{} of {} recorded",
        record.individual_levels.len(),
        ws.session.participants.len()
    );
    if !record.revealed {
        return format!("{recorded}, hidden until revealed (R reveals them together)");
    }
    let scale = reference::session_scale(library, &ws.session);
    let parts: Vec<String> = super::text::spread(scale, record)
        .into_iter()
        .map(|(level, names)| {
            format!(
                "{} {}: {}",
                level_word(library, ws, level),
                "■".repeat(names.len()),
                names.join(", ")
            )
        })
        .collect();
    format!("Spread ({recorded}): {}", parts.join(" · "))
}

/// Height of the editor when it is open on a field.
pub fn editor_height(ws: &Workspace, width: u16) -> usize {
    let Some(editor) = &ws.editor else { return 0 };
    let inner = usize::from(width.saturating_sub(2)).max(8);
    let lines: usize = editor
        .textarea
        .lines()
        .iter()
        .map(|l| (l.chars().count() / inner) + 1)
        .sum();
    let base = if editor.field.is_single_line() { 1 } else { 4 };
    (lines.max(base) + 3).min(14)
}

pub fn field_is_edited(ws: &Workspace, field: &TextField) -> bool {
    ws.editor.as_ref().is_some_and(|e| &e.field == field)
}

/// The lines of a record row (without the selection mark), one function
/// per kind of row where there is more than a line to say.
pub fn row_lines(
    library: &Library,
    ws: &Workspace,
    row: &Row,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let r = RowLines {
        library,
        ws,
        width,
        theme,
    };
    let item = ws.item_index();
    let session = &ws.session;
    match row {
        Row::Heading(text) => {
            let mut lines = vec![Line::from("")];
            lines.extend(r.plain(text.clone(), theme.heading(), "", ""));
            lines
        }
        Row::Info { text, warning } => {
            if *warning {
                r.plain(text.clone(), theme.warning(), "! ", "  ")
            } else if text.starts_with("  – ") {
                // A quoted list's item hangs under its dash.
                r.plain(text.clone(), theme.text(), "", "    ")
            } else {
                r.plain(text.clone(), theme.text(), "", "")
            }
        }
        Row::Level => level_row(&r),
        Row::ParticipantLevel(p) => participant_row(&r, *p),
        Row::Spread => r.plain(
            item.map(|i| spread_text(library, ws, i))
                .unwrap_or_default(),
            theme.text(),
            "",
            "  ",
        ),
        Row::Text(field) => text_row(&r, field),
        Row::Choice(choice) => r.plain(
            format!("{}: ‹ {} ›", choice.label(), choice.value(session)),
            theme.text(),
            "",
            "  ",
        ),
        Row::Toggle(toggle, label) => {
            let mark = if toggle.value(session) { "[x]" } else { "[ ]" };
            r.plain(format!("{mark} {label}"), theme.text(), "", "    ")
        }
        Row::Question { area, question } => question_row(&r, area, question),
        Row::Criterion(at) => criterion_row(&r, at),
        Row::Button(button) => button_row(&r, button),
    }
}

/// What every row's lines are made from.
struct RowLines<'a> {
    library: &'a Library,
    ws: &'a Workspace,
    width: u16,
    theme: Theme,
}

impl RowLines<'_> {
    /// Wrapped text in one style, with a first-line lead and a hanging indent.
    fn plain(&self, text: String, style: Style, first: &str, rest: &str) -> Vec<Line<'static>> {
        let inner = usize::from(self.width.saturating_sub(2)).max(8);
        wrap_text(&text, inner, first, rest)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, style)))
            .collect()
    }
}

fn level_row(r: &RowLines) -> Vec<Line<'static>> {
    let (library, ws) = (r.library, r.ws);
    let session = &ws.session;
    let item = ws.item_index();
    let level = item
        .and_then(|i| session.items.get(i))
        .and_then(|r| r.level);
    let value = level_text(library, ws, level);
    let mut lines = r.plain(format!("Level: {value}"), r.theme.title(), "", "       ");
    if level.is_none() {
        lines.extend(r.plain(
            format!("press {} to set it", level_range(library, ws)),
            r.theme.dim(),
            "       ",
            "       ",
        ));
    }
    lines
}

fn participant_row(r: &RowLines, p: usize) -> Vec<Line<'static>> {
    let (library, ws) = (r.library, r.ws);
    let session = &ws.session;
    let item = ws.item_index();
    let name = session.participants.get(p).cloned().unwrap_or_default();
    let record = item.and_then(|i| session.items.get(i));
    let revealed = record.is_some_and(|r| r.revealed);
    let given = record.and_then(|r| r.individual_levels.iter().find(|l| l.participant == name));
    // Silent until the reveal: the room sees that a level is in,
    // not what it is.
    let level = match given {
        Some(l) if revealed => level_word(library, ws, l.level),
        Some(_) => "● recorded".into(),
        None => "–".into(),
    };
    r.plain(format!("{name}: {level}"), r.theme.text(), "  ", "    ")
}

fn text_row(r: &RowLines, field: &TextField) -> Vec<Line<'static>> {
    let (ws, width) = (r.ws, r.width);
    let session = &ws.session;
    if field_is_edited(ws, field) {
        return vec![Line::from(""); editor_height(ws, width)];
    }
    let value = fields::get_text(session, field);
    let label = field_label(field, session.kind);
    let mut lines = r.plain(format!("{label}:"), r.theme.label(), "", "  ");
    if value.trim().is_empty() {
        let hint = carried_words(ws, field).map_or_else(
            || "  (empty – Enter to write)".to_owned(),
            |words| crate::app::text::carried_hint(&words),
        );
        lines.extend(r.plain(hint, r.theme.dim(), "", "  "));
    } else {
        for paragraph in value.split('\n') {
            lines.extend(r.plain(paragraph.to_owned(), r.theme.text(), "  ", "  "));
        }
    }
    lines
}

/// The words a carried priority (or agreed action) with none of its own
/// reads through its link to last time's.
fn carried_words(ws: &crate::app::Workspace, field: &TextField) -> Option<String> {
    let TextField::PriorityStatement(p) = field else {
        return None;
    };
    let priority = ws.session.priorities.get(*p)?;
    priority.carries.as_ref()?;
    Some(crate::app::cycle::PriorityShown::of(priority, ws.earlier.as_deref()).text)
}

fn question_row(r: &RowLines, area: &str, question: &str) -> Vec<Line<'static>> {
    let (ws, width) = (r.ws, r.width);
    let session = &ws.session;
    let item = ws.item_index();
    let note = item.and_then(|i| session.items.get(i)).and_then(|r| {
        r.questions
            .iter()
            .find(|q| q.area == area && q.question == question)
    });
    let discussed = note.is_some_and(|n| n.discussed);
    let mark = match (session.kind, discussed) {
        (SessionKind::DailyReview, _) => "",
        (_, true) => "[x] ",
        (_, false) => "[ ] ",
    };
    let field = TextField::QuestionNote {
        item: item.unwrap_or(0),
        area: area.to_owned(),
        question: question.to_owned(),
    };
    let shown = crate::session::framing::reframe(question, session.framing);
    let supervision = matches!(
        session.kind,
        crate::session::model::SessionKind::Supervision
            | crate::session::model::SessionKind::DailyReview
    );
    let hang = if mark.is_empty() { "" } else { "    " };
    let mut lines = r.plain(
        shown,
        if supervision {
            r.theme.title()
        } else {
            r.theme.text()
        },
        mark,
        hang,
    );
    if supervision {
        // The reflection is its own row below.
        return lines;
    }
    if field_is_edited(ws, &field) {
        lines.extend(vec![Line::from(""); editor_height(ws, width)]);
    } else if let Some(note) = note.filter(|n| !n.note.trim().is_empty()) {
        for paragraph in note.note.split('\n') {
            lines.extend(r.plain(
                paragraph.to_owned(),
                r.theme.dim(),
                "    Note: ",
                "          ",
            ));
        }
    }
    lines
}

/// The criterion's state in words (never colour alone), its text, and
/// what was written for it; the editor opens below it.
fn criterion_row(r: &RowLines, at: &fields::CriterionAt) -> Vec<Line<'static>> {
    let (library, ws, theme) = (r.library, r.ws, r.theme);
    let session = &ws.session;
    let Some(record) = session.items.get(at.item) else {
        return vec![Line::from("")];
    };
    let view = super::criteria::criteria(library, session, &record.item)
        .into_iter()
        .find(|c| c.area == at.area && c.key == at.key);
    let Some(view) = view else {
        return vec![Line::from("")];
    };
    let kept = record.criterion(&at.area, &at.key);
    let state = kept.map(|c| c.state).unwrap_or_default();
    let mark = format!("[{}] ", super::text::criterion_state(state));
    let lead = format!("{mark}{} ", view.label());
    let hang = "      ";
    let mut lines = r.plain(format!("{lead}{}", view.text), theme.text(), "", hang);
    for sub in &view.items {
        lines.extend(r.plain(sub.clone(), theme.text(), "        · ", "          "));
    }
    let written = |text: &str, label: &str, lines: &mut Vec<Line<'static>>| {
        for paragraph in text.split('\n').filter(|_| !text.trim().is_empty()) {
            lines.extend(r.plain(
                paragraph.to_owned(),
                theme.dim(),
                &format!("{hang}{label}: "),
                &format!("{hang}  "),
            ));
        }
    };
    // The field being written shows in the editor below, not twice.
    let editing = |field: TextField| ws.editor.as_ref().is_some_and(|e| e.field == field);
    if let Some(kept) = kept {
        if !editing(TextField::CriterionEvidence(at.clone())) {
            written(&kept.evidence, "Evidence", &mut lines);
        }
        if !editing(TextField::CriterionNote(at.clone())) {
            written(&kept.note, "Note", &mut lines);
        }
    }
    if view.audited {
        let words = super::criteria::quantity_words(&view.text);
        let audit = super::text::audit_beside(kept.and_then(|c| c.audit), &words);
        lines.extend(r.plain(audit, theme.text(), hang, hang));
    }
    if criterion_edited(ws, at) {
        lines.extend(vec![Line::from(""); editor_height(ws, r.width)]);
    }
    lines
}

/// Whether the editor is open on one of a criterion's fields.
pub fn criterion_edited(ws: &Workspace, at: &fields::CriterionAt) -> bool {
    ws.editor.as_ref().is_some_and(|e| {
        matches!(
            &e.field,
            TextField::CriterionEvidence(x) | TextField::CriterionNote(x) | TextField::CriterionAudit(x)
                if x == at
        )
    })
}

fn button_row(r: &RowLines, button: &Button) -> Vec<Line<'static>> {
    let ws = r.ws;
    let session = &ws.session;
    let label = match button {
        Button::AddEvidence => "+ Add evidence  (a)",
        Button::AddPriority => match session.kind {
            SessionKind::Supervision => "+ Add an agreed action  (a)",
            SessionKind::DailyReview => "+ Add one small action  (Enter)",
            SessionKind::Workshop => "+ Add an improvement priority  (a)",
        },
        Button::AddCase => crate::app::text::supervision::ADD_CASE,
        Button::Export if session.kind == SessionKind::Supervision => {
            crate::app::text::supervision::EXPORT
        }
        Button::Export => "Export the session as Markdown  (e)",
    };
    vec![Line::from(Span::styled(label, r.theme.key()))]
}

/// A field's label in this kind of session.
fn field_label(field: &TextField, kind: SessionKind) -> &'static str {
    match (field, kind) {
        (TextField::QuestionNote { .. }, SessionKind::Supervision | SessionKind::DailyReview) => {
            "Reflection"
        }
        (TextField::PriorityStatement(_), SessionKind::DailyReview) => "Action",
        (TextField::PriorityStatement(_), SessionKind::Supervision) => {
            crate::app::text::supervision::ACTION
        }
        (TextField::PriorityDeadline(_), SessionKind::DailyReview | SessionKind::Supervision) => {
            "By (date)"
        }
        _ => field.label(),
    }
}

/// Height of a row at a width: what `update` uses to scroll.
pub fn row_height(library: &Library, ws: &Workspace, row: &Row, width: u16) -> usize {
    row_lines(library, ws, row, width, Theme::PLAIN).len()
}

/// One line of the help screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    /// Keys (on the first line of a binding only) and words.
    Key(String, String),
    Blank,
}

/// The help screen's lines, wrapped at the width of its inside: what the
/// popup draws and what `update` scrolls through.
pub fn help_lines(app: &super::App, width: u16) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    let words = usize::from(width).saturating_sub(18).max(8);
    for (heading, entries) in super::keys::help(app) {
        lines.push(HelpLine::Heading(heading));
        for (keys, what) in entries {
            for (i, l) in wrap_text(&what, words, "", "").into_iter().enumerate() {
                let key = if i == 0 { keys.clone() } else { String::new() };
                lines.push(HelpLine::Key(key, l));
            }
        }
        lines.push(HelpLine::Blank);
    }
    lines
}

/// The keys that set a level on this session's scale: `1-4` or `1-6`.
pub fn level_range(library: &Library, ws: &Workspace) -> String {
    let numbers: Vec<u8> = reference::session_scale(library, &ws.session)
        .map(|s| s.levels.iter().map(|l| l.number).collect())
        .unwrap_or_default();
    match (numbers.iter().min(), numbers.iter().max()) {
        (Some(low), Some(high)) => format!("{low}-{high}"),
        _ => "1-6".into(),
    }
}
