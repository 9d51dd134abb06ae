//! Find anything: a fuzzy search over every indicator, theme, illustration,
//! question, statement, measure and source of the loaded frameworks, and
//! the open session's notes and priorities.

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchEntry {
    pub kind: Kind,
    /// Where it comes from, e.g. "hmie-cp-2009 5.3".
    pub place: String,
    pub text: String,
    pub target: Target,
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

/// Build the search index over the library and the open session.
pub fn build_index(library: &Library, session: Option<&Session>) -> Vec<SearchEntry> {
    let mut index = Vec::new();
    if let Some(session) = session {
        for (at, record) in session.items.iter().enumerate() {
            let notes = [
                (&record.rationale, Phase::Now),
                (&record.strengths, Phase::Now),
                (&record.improvements, Phase::Now),
            ];
            for (text, phase) in notes {
                if !text.trim().is_empty() {
                    index.push(SearchEntry {
                        kind: Kind::Note,
                        place: record.item.clone(),
                        text: text.clone(),
                        target: Target::Session { item: at, phase },
                    });
                }
            }
            for note in record
                .questions
                .iter()
                .filter(|q| !q.note.trim().is_empty())
            {
                index.push(SearchEntry {
                    kind: Kind::Note,
                    place: format!("{} question", record.item),
                    text: note.note.clone(),
                    target: Target::Session {
                        item: at,
                        phase: Phase::Now,
                    },
                });
            }
            for evidence in &record.evidence {
                index.push(SearchEntry {
                    kind: Kind::Note,
                    place: format!("{} evidence", record.item),
                    text: evidence.description.clone(),
                    target: Target::Session {
                        item: at,
                        phase: Phase::Know,
                    },
                });
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
            index.push(SearchEntry {
                kind: Kind::Priority,
                place: priority.owner.clone(),
                text: priority.statement.clone(),
                target,
            });
        }
    }
    for (framework, _) in &library.frameworks {
        let f = framework.id.as_str();
        for (id, item) in query::evaluable_items(framework) {
            index.push(SearchEntry {
                kind: Kind::Indicator,
                place: format!("{} {}", framework.id, id),
                text: item.title(),
                target: session_target(library, session, f, &id, Phase::Now),
            });
            if let ItemRef::Indicator { indicator, .. } = item {
                for theme in &indicator.themes {
                    index.push(SearchEntry {
                        kind: Kind::Theme,
                        place: format!("{} {id}", framework.id),
                        text: theme.text.clone(),
                        target: session_target(library, session, f, &id, Phase::Now),
                    });
                }
                for illustration in &indicator.illustrations {
                    for paragraph in &illustration.paragraphs {
                        index.push(SearchEntry {
                            kind: Kind::Illustration,
                            place: format!(
                                "{} {id} level {}",
                                framework.short_title, illustration.level
                            ),
                            text: paragraph.clone(),
                            target: session_target(library, session, f, &id, Phase::Now),
                        });
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
            let mut add = |kind, area: &str, text: &str, phase| {
                index.push(SearchEntry {
                    kind,
                    place: format!("{} {area}", framework.id),
                    text: format!("{mark}{text}"),
                    target: session_target(library, session, f, area, phase),
                });
            };
            for q in &content.questions {
                add(Kind::Question, &q.area, &q.text, Phase::Now);
            }
            for g in &content.good {
                add(Kind::Statement, &g.area, &g.text, Phase::Can);
            }
            for m in &content.measures {
                match &m.damaged_in_source {
                    Some(_) => {
                        let marked = format!("{}: {}", super::text::DAMAGED_IN_SOURCE, m.text);
                        add(Kind::Measure, &m.area, &marked, Phase::Can);
                    }
                    None => add(Kind::Measure, &m.area, &m.text, Phase::Can),
                }
            }
            for s in &content.sources {
                add(Kind::Source, &s.area, &s.text, Phase::Know);
            }
        }
    }
    index
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
            // Earlier matches in shorter texts rank higher.
            let score = 10_000
                - matched.first().copied().unwrap_or(0) as i64
                - e.text.len().min(5_000) as i64 / 10;
            Some(Hit {
                entry,
                score,
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
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
    hits.truncate(MAX_HITS);
    hits.sort_by(|a, b| {
        index[a.entry]
            .kind
            .cmp(&index[b.entry].kind)
            .then(b.score.cmp(&a.score))
            .then(a.entry.cmp(&b.entry))
    });
    hits
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
