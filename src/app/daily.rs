//! The daily twenty minutes: which question to offer today. Questions come
//! from Module 3 of the LSCB framework, for the chosen focus areas, in the
//! document's order, and none repeats until every one has been offered.

use crate::content::library::Library;
use crate::content::query;
use crate::session::model::{ItemRecord, QuestionNote, ScaleChoice, Session, SessionKind};
use crate::settings::DailySettings;

/// The framework the daily questions come from.
pub const DAILY_FRAMEWORK: &str = "lscb-qaf";
/// Twenty minutes, away from meetings and email.
pub const DAILY_MINUTES: u32 = 20;

/// The area of a day's free writing: an entry without a set question
/// (one a day; its question is empty).
pub const FREE_AREA: &str = "free-writing";

/// Whether a day's entry is free writing rather than a set question.
pub fn is_free(area: &str) -> bool {
    area == FREE_AREA
}

/// The tags written in `text`: words beginning with `#` (as jrnl takes
/// `@` words), lower case, each once, in the order first written.
pub fn tags(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let Some(rest) = word.strip_prefix('#') else {
            continue;
        };
        let tag: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
            .collect::<String>()
            .to_lowercase();
        if !tag.is_empty() && !found.contains(&tag) {
            found.push(tag);
        }
    }
    found
}

/// Every tag of a day as the history lists it.
pub fn day_tags(entry: &crate::app::home::DailyEntry) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    let notes = entry.questions.iter().map(|(_, note)| note.as_str());
    for note in notes.chain([entry.reflection.as_str(), entry.action.as_str()]) {
        for tag in tags(note) {
            if !all.contains(&tag) {
                all.push(tag);
            }
        }
    }
    all
}

/// A question with the area it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyQuestion {
    pub area: String,
    pub question: String,
}

/// Every question of the focus areas (and their sub-areas), each once,
/// interleaved: the first of each area, then the second of each, so a
/// fortnight visits every area rather than working through one. No focus
/// areas means every top-level area.
pub fn pool(library: &Library, focus: &[String]) -> Vec<DailyQuestion> {
    let Some(framework) = library.framework(DAILY_FRAMEWORK) else {
        return Vec::new();
    };
    let Some(content) = &framework.content else {
        return Vec::new();
    };
    let groups: Vec<Vec<&str>> = if focus.is_empty() {
        content
            .groups
            .iter()
            .flat_map(|g| &g.areas)
            .map(query::area_and_descendants)
            .collect()
    } else {
        query::all_areas(framework)
            .into_iter()
            .filter(|a| focus.contains(&a.id))
            .map(query::area_and_descendants)
            .collect()
    };
    let lists: Vec<Vec<&crate::content::model::AreaQuestion>> = groups
        .iter()
        .map(|ids| {
            content
                .questions
                .iter()
                .filter(|q| ids.contains(&q.area.as_str()))
                .collect()
        })
        .collect();
    let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
    let mut out: Vec<DailyQuestion> = Vec::new();
    for round in 0..longest {
        for q in lists.iter().filter_map(|list| list.get(round)) {
            // The same question stands under several areas ("What are the
            // safety and wellbeing outcomes..."): offer it once a round.
            if !out.iter().any(|o| o.question == q.text) {
                out.push(DailyQuestion {
                    area: q.area.clone(),
                    question: q.text.clone(),
                });
            }
        }
    }
    out
}

/// Offer the next question: the first of the pool not offered this round;
/// when all have been, a new round begins. Updates the settings' record.
pub fn next_question(
    pool: &[DailyQuestion],
    settings: &mut DailySettings,
) -> Option<DailyQuestion> {
    let fresh = |settings: &DailySettings| {
        pool.iter()
            .find(|q| !settings.offered.contains(&q.question))
            .cloned()
    };
    let question = match fresh(settings) {
        Some(q) => q,
        None => {
            settings.offered.clear();
            fresh(settings)?
        }
    };
    settings.offered.push(question.question.clone());
    Some(question)
}

/// The title of a content area of the daily framework, or its id when the
/// content does not name it.
pub fn area_title(library: &Library, area: &str) -> String {
    library
        .framework(DAILY_FRAMEWORK)
        .and_then(|f| {
            query::all_areas(f)
                .into_iter()
                .find(|a| a.id == area)
                .map(|a| a.title.clone())
        })
        .unwrap_or_else(|| area.to_owned())
}

/// A new day's review with its first question, created at `now` (the
/// screen and `howgood daily --print` start a day the same way).
pub fn new_session(
    question: DailyQuestion,
    today: jiff::civil::Date,
    now: jiff::Timestamp,
    suffix: u16,
) -> Session {
    let mut session = Session::new(
        crate::session::ids::session_id("daily review", now, suffix),
        SessionKind::DailyReview,
        format!("Daily review {today}"),
        DAILY_FRAMEWORK.to_owned(),
        ScaleChoice::Borrowed(crate::content::library::BORROWED_SCALE.to_owned()),
        now,
    );
    session.timers.now_minutes = DAILY_MINUTES;
    let mut record = ItemRecord::new(question.area.clone());
    record.questions.push(QuestionNote {
        area: question.area,
        question: question.question,
        discussed: false,
        note: String::new(),
    });
    session.items.push(record);
    session
}

/// Whether a day as the history lists it had anything written.
pub fn day_written(entry: &crate::app::home::DailyEntry) -> bool {
    !entry.action.trim().is_empty()
        || !entry.reflection.trim().is_empty()
        || entry
            .questions
            .iter()
            .any(|(_, note)| !note.trim().is_empty())
}

/// Consecutive days with a review, ending today or (if not yet today)
/// yesterday. Dates may come in any order and repeat.
pub fn streak(dates: &[jiff::civil::Date], today: jiff::civil::Date) -> usize {
    let dates: std::collections::HashSet<_> = dates.iter().collect();
    let has = |d: jiff::civil::Date| dates.contains(&d);
    let Ok(yesterday) = today.yesterday() else {
        return 0;
    };
    let mut day = if has(today) { today } else { yesterday };
    let mut count = 0;
    while has(day) {
        count += 1;
        match day.yesterday() {
            Ok(previous) => day = previous,
            Err(_) => break,
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::library::embedded_files;

    #[test]
    fn tags_are_hash_words_each_once_in_lower_case() {
        assert_eq!(
            tags("Calm day #Supervision, then #drift and #supervision again; # alone"),
            ["supervision", "drift"]
        );
        assert!(tags("no tags, an issue #").is_empty());
    }

    #[test]
    fn streaks_count_back_from_today_or_yesterday() {
        let d = |s: &str| s.parse::<jiff::civil::Date>().expect("date");
        let today = d("2026-11-24");
        assert_eq!(streak(&[], today), 0);
        assert_eq!(
            streak(&[d("2026-11-24"), d("2026-11-23"), d("2026-11-21")], today),
            2
        );
        assert_eq!(
            streak(&[d("2026-11-23"), d("2026-11-22")], today),
            2,
            "today not done yet"
        );
        assert_eq!(streak(&[d("2026-11-20")], today), 0);
    }

    #[test]
    fn the_pool_follows_the_focus_areas_and_their_sub_areas() {
        let library = Library::assemble(embedded_files(), Vec::new());
        let all = pool(&library, &[]);
        let wisdom = pool(&library, &["wisdom-supervision-support".into()]);
        assert_eq!(
            wisdom.len(),
            19,
            "10 safeguarding wisdom and 9 supervision questions"
        );
        assert!(
            wisdom
                .iter()
                .all(|q| q.area == "safeguarding-wisdom" || q.area == "supervision-and-support")
        );
        assert!(all.len() > wisdom.len());
        assert!(
            all.len() < 103,
            "questions repeated across areas are offered once"
        );
    }
}
