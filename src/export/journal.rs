//! The daily reviews as one Markdown journal: each day's questions with
//! their areas and reflections, and its small action.

use crate::content::library::Library;
use crate::session::model::Session;
use jiff::civil::Date;
use std::fmt::Write;

/// Days from `from` to `to` (either open), oldest first. `days` are the
/// daily reviews with the date each was written on.
pub fn journal_markdown(
    library: &Library,
    days: &[(Date, Session)],
    from: Option<Date>,
    to: Option<Date>,
) -> String {
    let mut chosen: Vec<&(Date, Session)> = days
        .iter()
        .filter(|(d, _)| from.is_none_or(|f| *d >= f) && to.is_none_or(|t| *d <= t))
        .collect();
    chosen.sort_by_key(|(d, s)| (*d, s.created));
    let mut out = String::from("# Daily reviews\n\n");
    let range = match (from, to) {
        (Some(f), Some(t)) => format!("From {f} to {t}"),
        (Some(f), None) => format!("From {f}"),
        (None, Some(t)) => format!("Up to {t}"),
        (None, None) => "The whole journal".to_owned(),
    };
    let _ = writeln!(out, "{range}: {} day(s).\n", chosen.len());
    for (date, session) in chosen {
        day(&mut out, library, *date, session);
    }
    out
}

fn day(out: &mut String, library: &Library, date: Date, session: &Session) {
    let _ = writeln!(out, "## {}\n", date.strftime("%A %-d %B %Y"));
    for q in session.items.iter().flat_map(|r| &r.questions) {
        if crate::app::daily::is_free(&q.area) {
            let _ = writeln!(out, "**{}**\n", crate::app::text::FREE_WRITING);
        } else {
            let area = crate::app::daily::area_title(library, &q.area);
            let _ = writeln!(out, "**{}** ({area})\n", q.question.trim());
        }
        if q.note.trim().is_empty() {
            out.push_str("_Nothing written._\n\n");
        } else {
            let _ = writeln!(out, "{}\n", q.note.trim());
        }
    }
    for action in session
        .priorities
        .iter()
        .filter(|p| !p.statement.trim().is_empty())
    {
        let by = action
            .deadline
            .map(|d| format!(", by {d}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "Action: {}{by} ({})\n",
            action.statement.trim(),
            action.status.label()
        );
    }
}
