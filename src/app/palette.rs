//! Find anything: a fuzzy search over every indicator, theme, illustration,
//! question, statement, measure and source of the loaded frameworks, and
//! the open session's notes and priorities.
//!
//! Long because each kind of text is indexed with where it lives (framework,
//! item, tab) and ranked by the session it serves; the rules of what a
//! projector may show sit beside the index so none can be missed.

use super::Phase;
use crate::content::library::Library;
use crate::content::query::{self, ItemRef};
use crate::session::model::Session;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui_textarea::TextArea;

/// Kinds of result, in the order the palette groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Note,
    Priority,
    Indicator,
    Theme,
    Illustration,
    Question,
    Statement,
    Measure,
    Source,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Note => "Notes in this session",
            Kind::Priority => "Priorities",
            Kind::Indicator => "Indicators and items",
            Kind::Theme => "Themes",
            Kind::Illustration => "Illustrations",
            Kind::Question => "Questions (Module 3)",
            Kind::Statement => "'Good' statements",
            Kind::Measure => "Measures (Module 5)",
            Kind::Source => "Sources (Module 4)",
        }
    }
}

/// Where Enter takes the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A place in the open session.
    Session { item: usize, phase: Phase },
    /// The summary (priorities, capacity).
    Summary,
    /// Framework text outside the session: shown in the reader.
    Content { framework: String, item: String },
}

/// How near a hit is to the open session: its own notes first, then its
/// framework (and the text linked to its items), then everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    Session,
    Framework,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchEntry {
    pub kind: Kind,
    /// Where it lives, for the reader: framework, item and tab, e.g.
    /// "HMIE child protection QIs (2009) · 5.3 Recognising… · Illustrations, level 5".
    pub place: String,
    pub text: String,
    pub target: Target,
    pub scope: Scope,
    /// The id of the framework item or content area it belongs to (empty
    /// for the session's priorities), for commands that act on it.
    pub item: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    /// Matched character indices in the entry's text.
    pub matched: Vec<usize>,
}

/// Most results shown; more would not be read.
pub const MAX_HITS: usize = 60;
/// Characters of each text that are searched: long illustrations are
/// matched on their opening, which keeps each keystroke fast.
pub const SEARCHED_CHARS: usize = 400;

#[derive(Debug, Clone)]
pub struct Palette {
    pub query: TextArea<'static>,
    pub index: Vec<SearchEntry>,
    pub hits: Vec<Hit>,
    pub cursor: usize,
}

fn prefix(text: &str) -> &str {
    match text.char_indices().nth(SEARCHED_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// Where a framework item's material goes in the session, if the session
/// covers it (directly, or through a content area linked to one of its items).
fn session_target(
    library: &Library,
    session: Option<&Session>,
    framework: &str,
    item: &str,
    phase: Phase,
) -> Target {
    if let Some(session) = session {
        if session.framework == framework
            && let Some(at) = session.items.iter().position(|r| r.item == item)
        {
            return Target::Session { item: at, phase };
        }
        for (at, record) in session.items.iter().enumerate() {
            if let Some((f, areas)) = super::reference::linked_areas(library, session, &record.item)
                && f.id == framework
                && areas.iter().any(|a| a.id == item)
            {
                return Target::Session { item: at, phase };
            }
        }
    }
    Target::Content {
        framework: framework.to_owned(),
        item: item.to_owned(),
    }
}

/// "5.3 Recognising and assessing risks and needs" for an item of the
/// session's framework, else its id.
fn item_heading(library: &Library, framework: &str, item: &str) -> String {
    library
        .framework(framework)
        .and_then(|f| query::find_item(f, item))
        .map_or_else(|| item.to_owned(), |i| i.title())
}

/// "framework · item · tab", the parts joined the same way everywhere.
fn place(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A hit in framework text is near the session when it is the session's
/// framework or the text is linked to one of the session's items.
fn scope_of(session: Option<&Session>, framework: &str, target: &Target) -> Scope {
    match session {
        Some(s) if s.framework == framework => Scope::Framework,
        Some(_) if matches!(target, Target::Session { .. }) => Scope::Framework,
        Some(_) => Scope::Other,
        None => Scope::Framework,
    }
}

/// Build the search index over the library and the open session.
pub fn build_index(library: &Library, session: Option<&Session>) -> Vec<SearchEntry> {
    let mut index = Vec::new();
    if let Some(session) = session {
        session_entries(library, session, &mut index);
    }
    for (framework, _) in &library.frameworks {
        framework_entries(library, session, framework, &mut index);
    }
    index
}

/// The open session's own notes, evidence and priorities.
fn session_entries(library: &Library, session: &Session, index: &mut Vec<SearchEntry>) {
    use super::reference::Tab;
    use super::text::{PALETTE_EVIDENCE, PALETTE_NOTES, PALETTE_PRIORITY, PALETTE_SESSION};
    let mut push = |kind, place: String, text: &str, target, item: &str| {
        index.push(SearchEntry {
            kind,
            place,
            text: text.to_owned(),
            target,
            scope: Scope::Session,
            item: item.to_owned(),
        });
    };
    {
        for (at, record) in session.items.iter().enumerate() {
            let heading = item_heading(library, &session.framework, &record.item);
            let notes_place = place(&[PALETTE_SESSION, &heading, PALETTE_NOTES]);
            let notes = [
                &record.rationale,
                &record.strengths,
                &record.improvements,
                &record.narrative,
            ];
            // A criterion's evidence and note are written on the Now phase.
            let criteria = record.criteria.iter().flat_map(|c| [&c.evidence, &c.note]);
            for text in notes
                .into_iter()
                .chain(record.questions.iter().map(|q| &q.note))
                .chain(criteria)
            {
                if !text.trim().is_empty() {
                    let target = Target::Session {
                        item: at,
                        phase: Phase::Now,
                    };
                    push(Kind::Note, notes_place.clone(), text, target, &record.item);
                }
            }
            let evidence_place = place(&[PALETTE_SESSION, &heading, PALETTE_EVIDENCE]);
            for evidence in &record.evidence {
                let target = Target::Session {
                    item: at,
                    phase: Phase::Know,
                };
                push(
                    Kind::Note,
                    evidence_place.clone(),
                    &evidence.description,
                    target,
                    &record.item,
                );
            }
        }
        for priority in &session.priorities {
            let target = priority
                .serves
                .first()
                .and_then(|id| session.items.iter().position(|r| &r.item == id))
                .map_or(Target::Summary, |item| Target::Session {
                    item,
                    phase: Phase::Can,
                });
            let serves = priority
                .serves
                .first()
                .map(|id| item_heading(library, &session.framework, id))
                .unwrap_or_else(|| Tab::Summary.label().to_owned());
            let owner = priority.owner.as_str();
            let where_ = place(&[PALETTE_SESSION, &serves, PALETTE_PRIORITY, owner]);
            push(Kind::Priority, where_, &priority.statement, target, "");
        }
    }
}

/// One framework's items, themes, illustrations and module material.
fn framework_entries(
    library: &Library,
    session: Option<&Session>,
    framework: &crate::content::model::Framework,
    index: &mut Vec<SearchEntry>,
) {
    use super::reference::Tab;
    let f = framework.id.as_str();
    let name = framework.short_title.as_str();
    let mut push = |kind, place: String, text: &str, target: Target, item: &str| {
        index.push(SearchEntry {
            kind,
            place,
            text: text.to_owned(),
            scope: scope_of(session, f, &target),
            target,
            item: item.to_owned(),
        });
    };
    {
        for (id, item) in query::evaluable_items(framework) {
            let target = |phase| session_target(library, session, f, &id, phase);
            let heading = item.title();
            let indicator_tab = Tab::Indicator.label();
            push(
                Kind::Indicator,
                place(&[name, indicator_tab]),
                &heading,
                target(Phase::Now),
                &id,
            );
            if let ItemRef::Indicator { indicator, .. } = item {
                for theme in &indicator.themes {
                    let at = place(&[name, &heading, indicator_tab]);
                    push(Kind::Theme, at, &theme.text, target(Phase::Now), &id);
                }
                for illustration in &indicator.illustrations {
                    let tab = format!(
                        "{}, {} {}",
                        Tab::Illustrations.label(),
                        super::text::PALETTE_LEVEL,
                        illustration.level
                    );
                    for paragraph in &illustration.paragraphs {
                        let at = place(&[name, &heading, &tab]);
                        push(Kind::Illustration, at, paragraph, target(Phase::Now), &id);
                    }
                }
            }
        }
        if let Some(content) = &framework.content {
            // The organisation's own words are marked as theirs.
            // First, so that a narrow palette's cut does not hide it.
            let mark = if framework.id == crate::content::own::ID {
                format!("{}: ", super::text::own_mark(&framework.publisher))
            } else {
                String::new()
            };
            let areas = query::all_areas(framework);
            let title = |area: &str| {
                areas
                    .iter()
                    .find(|a| a.id == area)
                    .map_or_else(|| area.to_owned(), |a| a.title.clone())
            };
            let mut add = |kind, area: &str, text: &str, phase, tab: Tab| {
                let target = session_target(library, session, f, area, phase);
                push(
                    kind,
                    place(&[name, &title(area), tab.label()]),
                    &format!("{mark}{text}"),
                    target,
                    area,
                );
            };
            for q in &content.questions {
                add(
                    Kind::Question,
                    &q.area,
                    &q.text,
                    Phase::Now,
                    Tab::GoodLooksLike,
                );
            }
            for g in &content.good {
                add(
                    Kind::Statement,
                    &g.area,
                    &g.text,
                    Phase::Can,
                    Tab::GoodStatements,
                );
            }
            for m in &content.measures {
                match &m.damaged_in_source {
                    Some(_) => {
                        let marked = format!("{}: {}", super::text::DAMAGED_IN_SOURCE, m.text);
                        add(Kind::Measure, &m.area, &marked, Phase::Can, Tab::Measures);
                    }
                    None => add(Kind::Measure, &m.area, &m.text, Phase::Can, Tab::Measures),
                }
            }
            for s in &content.sources {
                add(Kind::Source, &s.area, &s.text, Phase::Know, Tab::Sources);
            }
        }
    }
}

/// Character indices of the first case-insensitive occurrence of every
/// word of the query in `text`, or `None` if a word is missing.
fn word_matches(text: &str, words: &[String]) -> Option<Vec<usize>> {
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    // Lower-casing can change the length of a few characters; then fall
    // back to the fuzzy matcher rather than highlight the wrong letters.
    if lower.len() != text.chars().count() {
        return None;
    }
    let mut matched = Vec::new();
    for word in words {
        let w: Vec<char> = word.chars().collect();
        let at =
            (0..=lower.len().checked_sub(w.len())?).find(|&i| lower[i..i + w.len()] == w[..])?;
        matched.extend(at..at + w.len());
    }
    matched.sort_unstable();
    Some(matched)
}

/// The best hits for a query, grouped by kind, best first within a kind.
/// Texts that contain every word of the query come first; when there are
/// none, the fuzzy matcher finds near misses (typos, abbreviations).
pub fn search(index: &[SearchEntry], query: &str) -> Vec<Hit> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut hits: Vec<Hit> = index
        .iter()
        .enumerate()
        .filter_map(|(entry, e)| {
            let matched = word_matches(prefix(&e.text), &words)?;
            Some(Hit {
                entry,
                score: word_score(&e.text, &matched),
                matched,
            })
        })
        .collect();
    if hits.is_empty() {
        let matcher = SkimMatcherV2::default().smart_case();
        hits = index
            .iter()
            .enumerate()
            .filter_map(|(entry, e)| {
                let (score, matched) = matcher.fuzzy_indices(prefix(&e.text), query)?;
                Some(Hit {
                    entry,
                    score,
                    matched,
                })
            })
            .collect();
    }
    // Keep the best hits nearest the session (its notes, then its
    // framework, then the rest), whatever their kind; then group them:
    // nearest first, titles before passing mentions, best first.
    let order = |a: &Hit, b: &Hit, by_kind: bool| {
        let (x, y) = (&index[a.entry], &index[b.entry]);
        let kinds = if by_kind {
            x.kind.cmp(&y.kind)
        } else {
            std::cmp::Ordering::Equal
        };
        x.scope
            .cmp(&y.scope)
            .then(kinds)
            .then(b.score.cmp(&a.score))
            .then(a.entry.cmp(&b.entry))
    };
    hits.sort_by(|a, b| order(a, b, false));
    hits.truncate(MAX_HITS);
    hits.sort_by(|a, b| order(a, b, true));
    hits
}

/// A whole-word hit: earlier matches in shorter texts rank higher, and a
/// query that starts a word ("partner" in "Partnership") beats one inside a
/// word ("copartner").
fn word_score(text: &str, matched: &[usize]) -> i64 {
    let first = matched.first().copied().unwrap_or(0);
    let starts_word = first == 0
        || text
            .chars()
            .nth(first - 1)
            .is_some_and(|c| !c.is_alphanumeric());
    10_000 + if starts_word { 2_000 } else { 0 } - first as i64 - text.len().min(5_000) as i64 / 10
}

/// Who can see the palette: the facilitator alone, or a room through a
/// projector (with or without the scribe's record).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    Private,
    Projector { record_hidden: bool },
}

impl Room {
    /// The part of the session this room may see.
    fn shown(self, session: &Session) -> Session {
        let mut shown = session.clone();
        match self {
            Room::Private => {}
            Room::Projector { record_hidden } => {
                for record in &mut shown.items {
                    record.evidence.retain(|e| !e.private && !record_hidden);
                    if record_hidden {
                        record.rationale.clear();
                        record.strengths.clear();
                        record.improvements.clear();
                        record.questions.clear();
                    }
                }
                if record_hidden {
                    shown.priorities.clear();
                }
            }
        }
        shown
    }
}

impl Palette {
    /// The palette over the library and the open session. On a projector
    /// private evidence is never indexed, so it can never be drawn; with the
    /// record hidden, none of the session's notes or priorities are.
    pub fn new(library: &Library, session: Option<&Session>, room: Room) -> Palette {
        let shown = session.map(|s| room.shown(s));
        let mut query = TextArea::default();
        query.set_placeholder_text("search indicators, illustrations, questions, notes…");
        query.set_cursor_line_style(ratatui::style::Style::default());
        Palette {
            query,
            index: build_index(library, shown.as_ref()),
            hits: Vec::new(),
            cursor: 0,
        }
    }

    pub fn refresh(&mut self) {
        self.hits = search(&self.index, &self.query.lines().join(" "));
        self.cursor = 0;
    }

    pub fn selected(&self) -> Option<&SearchEntry> {
        self.hits.get(self.cursor).map(|h| &self.index[h.entry])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> SearchEntry {
        SearchEntry {
            kind: Kind::Question,
            place: String::new(),
            text: text.to_owned(),
            target: Target::Summary,
            scope: Scope::Framework,
            item: String::new(),
        }
    }

    #[test]
    fn whole_words_beat_scattered_letters_and_typos_still_find_something() {
        let index = vec![
            entry("Their families and others"),
            entry("Fathers are seen in every assessment"),
        ];
        let hits = search(&index, "fathers");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].entry, 1);
        assert_eq!(hits[0].matched, (0..7).collect::<Vec<_>>());
        let near = search(&index, "fathres");
        assert!(!near.is_empty(), "a typo still finds a match");
        assert!(
            search(&index, "every fathers").iter().any(|h| h.entry == 1),
            "words in any order"
        );
    }
}
