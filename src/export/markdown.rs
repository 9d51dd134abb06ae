//! A session as a Markdown document for a safeguarding board: what was
//! evaluated, on what evidence, and the improvement plan that follows.
//!
//! Everything a user typed is escaped, so no text can turn into a heading,
//! a list, a table, a link or HTML, and no text is dropped: characters that
//! Markdown would treat as syntax are backslash-escaped, `<` becomes `&lt;`,
//! and line breaks are kept (`<br>` in table cells, hard breaks elsewhere).
//!
//! Long because a board report has many sections, each short; they share
//! the escaping rules, which must stay in one place.

use crate::content::library::Library;
use crate::content::model::{Framework, Scale};
use crate::content::query;
use crate::session::model::{
    EvidenceSource, ItemRecord, Priority, QuestionNote, ScaleChoice, Session, SessionKind,
};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// howgood's reminder about what the levels are for. The frameworks advise
/// against adding evaluations up; this says so in howgood's own words.
pub const NOT_A_SCORE: &str = "howgood does not add these evaluations together or turn them into a score or a percentage. Each level is a judgement about one aspect of practice, reached by weighing the evidence in discussion. The pattern of levels across items shows where practice is strong and where to look more closely; the frameworks advise against combining levels into a single figure.";

/// The session as a Markdown document. `today` is the export date.
pub fn session_markdown(session: &Session, library: &Library, today: Date) -> String {
    session_markdown_noting(session, library, today, 0)
}

/// The session as a Markdown document that says how many private
/// evidence items were left out of it (see `common::without_private`).
pub fn session_markdown_noting(
    session: &Session,
    library: &Library,
    today: Date,
    private_left_out: usize,
) -> String {
    // A title or note holding a terminal escape must not act on whoever
    // views the report with `cat` or a pager.
    crate::safe_io::printable(&markdown(session, library, today, private_left_out)).into_owned()
}

fn markdown(session: &Session, library: &Library, today: Date, private_left_out: usize) -> String {
    let workshop = session.kind == SessionKind::Workshop;
    let framework = library.framework(&session.framework);
    let scale = resolve_scale(session, library, framework);
    let mut blocks: Vec<String> = Vec::new();

    let title = inline(&session.title);
    blocks.push(format!(
        "# {}",
        heading_text(if title.is_empty() {
            "Untitled session"
        } else {
            &title
        })
    ));
    blocks.push(metadata(session, framework, &scale.name, today));
    if let Some(notice) = super::common::private_notice(private_left_out) {
        blocks.push(format!("*{notice}.*"));
    }
    level_meanings(&mut blocks, scale.scale);

    blocks.push("## Summary".to_owned());
    if session.items.is_empty() {
        blocks.push("This session does not cover any items yet.".to_owned());
    } else {
        blocks.push(summary_table(session, framework, scale.scale));
        if workshop {
            blocks.push(NOT_A_SCORE.to_owned());
        }
        blocks.push("## Evaluations".to_owned());
        for (position, record) in session.items.iter().enumerate() {
            item_section(
                &mut blocks,
                session,
                library,
                framework,
                scale.scale,
                (position, record),
            );
        }
    }

    blocks.push(match session.kind {
        SessionKind::Workshop => "## Improvement plan".to_owned(),
        kind => format!("## {}", crate::app::rows::priorities_label(kind)),
    });
    improvement_plan(&mut blocks, session.kind, &session.priorities);

    capacity(&mut blocks, session);

    let sources = quoted_sources(framework, scale.from);
    if !sources.is_empty() {
        blocks.push(format!(
            "Framework text quoted from: {}.",
            sources.join("; ")
        ));
    }

    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The scale a session's levels are on, how to name it, and the framework
/// it comes from (for attribution).
struct SessionScale<'a> {
    scale: Option<&'a Scale>,
    name: String,
    from: Option<&'a Framework>,
}

fn resolve_scale<'a>(
    session: &Session,
    library: &'a Library,
    framework: Option<&'a Framework>,
) -> SessionScale<'a> {
    match &session.scale {
        ScaleChoice::Framework => match framework.and_then(|f| f.scale.as_ref()) {
            Some(scale) => SessionScale {
                scale: Some(scale),
                name: inline(&scale.name),
                from: None,
            },
            None => SessionScale {
                scale: None,
                name: "the framework's own scale (not available)".to_owned(),
                from: None,
            },
        },
        ScaleChoice::Borrowed(id) => {
            let lender = library.framework(id);
            match lender.and_then(|f| f.scale.as_ref()) {
                Some(scale) => SessionScale {
                    scale: Some(scale),
                    name: format!(
                        "{} (borrowed: this framework has no scale of its own)",
                        inline(&scale.name)
                    ),
                    from: lender,
                },
                None => SessionScale {
                    scale: None,
                    name: format!(
                        "the scale of {} (borrowed: this framework has no scale of its own; {} is not loaded)",
                        inline(id),
                        inline(id)
                    ),
                    from: None,
                },
            }
        }
    }
}

fn metadata(
    session: &Session,
    framework: Option<&Framework>,
    scale_name: &str,
    today: Date,
) -> String {
    let framework_line = match framework {
        Some(f) => format!("{} ({})", inline(&f.title), inline(&f.short_title)),
        None => format!("{} (not loaded)", inline(&session.framework)),
    };
    let mut lines = vec![format!(
        "- **Date of the meeting:** {}",
        utc_date(session.created)
    )];
    let participants: Vec<String> = session
        .participants
        .iter()
        .map(|p| inline(p))
        .filter(|p| !p.is_empty())
        .collect();
    if !participants.is_empty() {
        lines.push(format!("- **Participants:** {}", participants.join(", ")));
    }
    if let Some(locality) = session.locality.as_deref().map(inline)
        && !locality.is_empty()
    {
        lines.push(format!("- **Locality:** {locality}"));
    }
    lines.extend([
        format!("- **Kind:** {}", session.kind.label()),
        format!("- **Framework:** {framework_line}"),
        format!("- **Scale:** {scale_name}"),
        format!("- **Last updated:** {}", utc_date(session.updated)),
        format!("- **Exported:** {today}"),
    ]);
    lines.join("\n")
}

fn utc_date(timestamp: Timestamp) -> Date {
    TimeZone::UTC.to_datetime(timestamp).date()
}

fn item_title(framework: &Framework, id: &str) -> Option<String> {
    super::common::item_title(framework, id)
}

/// What each level means, as the scale defines it, so a reader of the
/// paper needs nothing else beside it.
fn level_meanings(blocks: &mut Vec<String>, scale: Option<&Scale>) {
    let Some(scale) = scale else { return };
    if scale.levels.is_empty() {
        return;
    }
    blocks.push("## The levels used".to_owned());
    let lines: Vec<String> = scale
        .levels
        .iter()
        .map(|l| {
            let summary = inline(&l.summary);
            if summary.is_empty() {
                format!("- **{} {}**", l.number, inline(&l.word))
            } else {
                format!("- **{} {}**: {summary}", l.number, inline(&l.word))
            }
        })
        .collect();
    blocks.push(lines.join(
        "
",
    ));
}

/// "4 (good)" in the session's scale words, or the bare number when the
/// scale does not know it.
fn level_label(scale: Option<&Scale>, level: u8) -> String {
    match scale.and_then(|s| s.levels.iter().find(|l| l.number == level)) {
        Some(l) => format!("{level} ({})", inline(&l.word)),
        None => level.to_string(),
    }
}

fn agreed_level(scale: Option<&Scale>, record: &ItemRecord) -> String {
    record.level.map_or_else(
        || "not yet evaluated".to_owned(),
        |level| level_label(scale, level),
    )
}

/// What the evidence lacks for triangulation, or "ok".
fn triangulation(record: &ItemRecord) -> String {
    let gaps = crate::app::text::triangulation_gaps(record);
    if gaps.is_empty() {
        "ok".to_owned()
    } else {
        gaps.iter()
            .map(|g| g.label())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn sources_count(record: &ItemRecord) -> String {
    format!(
        "{} of {}",
        record.distinct_sources(),
        EvidenceSource::ALL.len()
    )
}

fn summary_table(
    session: &Session,
    framework: Option<&Framework>,
    scale: Option<&Scale>,
) -> String {
    // Triangulation is a workshop's test of its evidence; supervision and
    // the daily review are not tabled that way.
    let workshop = session.kind == SessionKind::Workshop;
    let mut lines = if workshop {
        vec![
            "| No. | Item | Level | Confidence | Evidence | Sources | Triangulation |".to_owned(),
            "|---|---|---|---|---|---|---|".to_owned(),
        ]
    } else {
        vec![
            "| No. | Item | Level | Confidence |".to_owned(),
            "|---|---|---|---|".to_owned(),
        ]
    };
    for (position, record) in session.items.iter().enumerate() {
        let title = framework
            .and_then(|f| item_title(f, &record.item))
            .map_or_else(|| "(not found in the framework)".to_owned(), |t| cell(&t));
        let number = super::common::item_number(framework, &record.item, position);
        let mut row = format!(
            "| {} | {} | {} | {} |",
            cell_or_dash(&number),
            title,
            agreed_level(scale, record),
            record.confidence.map_or("—", |c| c.label()),
        );
        if workshop {
            row.push_str(&format!(
                " {} | {} | {} |",
                record.evidence.len(),
                sources_count(record),
                triangulation(record),
            ));
        }
        lines.push(row);
    }
    lines.join("\n")
}

fn item_section(
    blocks: &mut Vec<String>,
    session: &Session,
    library: &Library,
    framework: Option<&Framework>,
    scale: Option<&Scale>,
    (position, record): (usize, &ItemRecord),
) {
    let id = inline(&super::common::item_number(
        framework,
        &record.item,
        position,
    ));
    match framework.and_then(|f| item_title(f, &record.item)) {
        Some(title) => blocks.push(format!(
            "### {}",
            heading_text(&format!("{id} {}", inline(&title)))
        )),
        None => blocks.push(format!("### {}", heading_text(&id))),
    }
    blocks.push(format!("**Level:** {}", agreed_level(scale, record)));

    if !record.individual_levels.is_empty() {
        blocks.push(format!(
            "**Individual levels:** {}",
            distribution(scale, record)
        ));
    }

    for (label, text) in [
        ("Rationale", &record.rationale),
        ("Strengths", &record.strengths),
        ("Areas for improvement", &record.improvements),
    ] {
        if !text.trim().is_empty() {
            blocks.push(format!("**{label}**"));
            blocks.push(paragraph(text, ""));
        }
    }

    let questions: Vec<&QuestionNote> = record
        .questions
        .iter()
        .filter(|q| q.discussed || !q.note.trim().is_empty())
        .collect();
    if !questions.is_empty() {
        blocks.push(if session.kind == SessionKind::Supervision {
            "**Questions and reflections**".to_owned()
        } else {
            "**Questions discussed**".to_owned()
        });
        let items: Vec<String> = questions
            .iter()
            .map(|q| question_item(session, library, &record.item, q))
            .collect();
        blocks.push(items.join("\n"));
    }

    if !record.evidence.is_empty() {
        blocks.push(if session.kind == SessionKind::Workshop {
            format!("**Evidence** ({} sources)", sources_count(record))
        } else {
            "**Evidence**".to_owned()
        });
        let mut lines = Vec::new();
        for source in EvidenceSource::ALL
            .into_iter()
            .chain([EvidenceSource::Unset])
        {
            let mut evidence = record
                .evidence
                .iter()
                .filter(|e| e.source == source)
                .peekable();
            if evidence.peek().is_none() {
                continue;
            }
            lines.push(format!("- {}", source.label()));
            for e in evidence {
                let description = if e.description.trim().is_empty() {
                    "(no description)".to_owned()
                } else {
                    paragraph(&e.description, "    ")
                };
                let date = e.date.map(|d| format!(", {d}")).unwrap_or_default();
                let private = if e.private { " (private)" } else { "" };
                lines.push(format!(
                    "  - {description} (type: {}{date}){private}",
                    e.information.label()
                ));
            }
        }
        blocks.push(lines.join("\n"));
    }

    if let Some(confidence) = record.confidence {
        blocks.push(format!(
            "**Confidence in the evidence:** {}",
            confidence.label()
        ));
    }
}

/// Who gave which level: the spread of names (see `app::text::spread`).
fn distribution(scale: Option<&Scale>, record: &ItemRecord) -> String {
    crate::app::text::spread(scale, record)
        .into_iter()
        .map(|(level, names)| {
            let names: Vec<String> = names.iter().map(|n| or_dash(inline(n))).collect();
            format!("{}: {}", level_label(scale, level), names.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn question_item(
    session: &Session,
    library: &Library,
    item: &str,
    question: &QuestionNote,
) -> String {
    let text = if question.question.trim().is_empty() {
        "(question not recorded)".to_owned()
    } else {
        let worded = crate::session::framing::reframe(&question.question, session.framing);
        format!("*{}*", paragraph(&worded, "  "))
    };
    let area = if question.area == item {
        String::new()
    } else {
        let title = area_title(session, library, item, &question.area)
            .map_or_else(|| inline(&question.area), inline);
        if title.is_empty() {
            String::new()
        } else {
            format!(" ({title})")
        }
    };
    // The organisation's own question, not the publisher's: say so.
    let own = crate::content::own::loaded(library)
        .filter(|_| {
            crate::content::own::questions_for(library, &question.area)
                .iter()
                .any(|q| q.text == question.question)
        })
        .map(|org| format!(" — {}", inline(&crate::app::text::own_mark(&org.publisher))))
        .unwrap_or_default();
    let mut out = format!("- {text}{area}{own}");
    if !question.note.trim().is_empty() {
        out.push_str("  \n  ");
        out.push_str(&paragraph(&question.note, "  "));
    }
    out
}

/// The title of the content area a question belongs to: from the areas the
/// crosswalk links to the item, or from the session's own framework.
fn area_title<'a>(
    session: &Session,
    library: &'a Library,
    item: &str,
    area: &str,
) -> Option<&'a str> {
    let linked = library
        .linked_areas(&session.framework, item)
        .map(|(f, _)| f);
    linked
        .into_iter()
        .chain(library.framework(&session.framework))
        .flat_map(query::all_areas)
        .find(|a| a.id == area)
        .map(|a| a.title.as_str())
}

fn improvement_plan(blocks: &mut Vec<String>, kind: SessionKind, priorities: &[Priority]) {
    if priorities.is_empty() {
        blocks.push(match kind {
            SessionKind::Workshop => "No improvement priorities have been recorded yet.".to_owned(),
            _ => "No agreed actions have been recorded yet.".to_owned(),
        });
        return;
    }
    let noun = if kind == SessionKind::Workshop {
        "Priority"
    } else {
        "Agreed action"
    };
    // Five columns, so that the statement has room to be read; the detail
    // of each priority follows its statement in the same cell.
    let mut lines = vec![
        format!("| # | {noun} | Owner | Deadline | Status |"),
        "|---|---|---|---|---|".to_owned(),
    ];
    for (n, priority) in priorities.iter().enumerate() {
        lines.push(format!(
            "| {} | {} | {} | {} | {} |",
            n + 1,
            priority_cell(priority),
            cell_or_dash(&priority.owner),
            priority
                .deadline
                .map_or_else(|| "—".to_owned(), |d| d.to_string()),
            priority.status.label(),
        ));
    }
    blocks.push(lines.join("\n"));
    if priorities.len() > crate::app::text::PRIORITIES_CAP {
        blocks.push(format!(
            "{}.",
            crate::app::text::too_many_priorities(priorities.len())
        ));
    }
}

/// A priority's statement, then its milestones, measure of success and
/// the items it serves, each on its own line of the cell.
fn priority_cell(priority: &Priority) -> String {
    let milestones: Vec<String> = priority
        .milestones
        .iter()
        .map(|m| {
            let text = cell(&m.text);
            match m.date {
                Some(date) if text.is_empty() => date.to_string(),
                Some(date) => format!("{text} ({date})"),
                None => text,
            }
        })
        .filter(|m| !m.is_empty())
        .collect();
    let serves: Vec<String> = priority
        .serves
        .iter()
        .map(|s| cell(s))
        .filter(|s| !s.is_empty())
        .collect();
    let mut parts = vec![cell_or_dash(&priority.statement)];
    if !milestones.is_empty() {
        parts.push(format!("**Milestones:** {}", milestones.join("; ")));
    }
    let measure = cell(&priority.measure_of_success);
    if !measure.is_empty() {
        parts.push(format!("**Measure of success:** {measure}"));
    }
    if !serves.is_empty() {
        parts.push(format!("**Serves:** {}", serves.join(", ")));
    }
    parts.join("<br>")
}

fn capacity(blocks: &mut Vec<String>, session: &Session) {
    let capacity = &session.capacity;
    let components = [
        ("Outcomes and impacts", &capacity.outcomes_and_impacts),
        (
            "Leadership and management",
            &capacity.leadership_and_management,
        ),
        (
            "Quality improvement arrangements",
            &capacity.quality_improvement,
        ),
    ];
    let filled = components.iter().any(|(_, text)| !text.trim().is_empty());
    if !filled && capacity.confidence.is_none() {
        return;
    }
    blocks.push("## Capacity for improvement".to_owned());
    for (label, text) in components {
        if !text.trim().is_empty() {
            blocks.push(format!("**{label}**"));
            blocks.push(paragraph(text, ""));
        }
    }
    if let Some(confidence) = capacity.confidence {
        blocks.push(format!("**Confidence:** {}", confidence.label()));
    }
}

/// Attributions of the frameworks whose words the document quotes.
fn quoted_sources(framework: Option<&Framework>, scale_from: Option<&Framework>) -> Vec<String> {
    let mut sources: Vec<String> = Vec::new();
    for f in framework.into_iter().chain(scale_from) {
        let attribution = inline(&f.source.attribution);
        if !attribution.is_empty() && !sources.contains(&attribution) {
            sources.push(attribution);
        }
    }
    sources
}

// ---------------------------------------------------------------------------
// Escaping.

/// The lines of user text: any of `\r\n`, `\r` and `\n` ends a line; each
/// line is trimmed (leading spaces would make an indented code block) and
/// blank lines at either end are left out.
fn lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text
        .split("\r\n")
        .flat_map(|l| l.split(['\r', '\n']))
        .map(str::trim)
        .collect();
    let start = lines.iter().position(|l| !l.is_empty());
    let end = lines.iter().rposition(|l| !l.is_empty());
    match (start, end) {
        (Some(start), Some(end)) => lines[start..=end].to_vec(),
        _ => Vec::new(),
    }
}

/// One line of user text, escaped so that it reads literally wherever it
/// stands: at the start of a line, inside a table cell or a list item.
///
/// Characters that open inline syntax (emphasis, code, links, strikethrough,
/// maths, table cells) are backslash-escaped everywhere; `<` becomes `&lt;`
/// so no HTML or autolink can form; an `&` that would start an entity becomes
/// `&amp;`. A first character that would start a block (`#`, `>`, `-`, `+`,
/// `=`) is backslash-escaped, and so is the `.` or `)` of a leading number
/// that would start an ordered list ("1. x" becomes "1\. x"; "5.3" stays).
fn escape_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let block_mark = if matches!(chars.first(), Some('#' | '>' | '-' | '+' | '=')) {
        Some(0)
    } else if (1..=9).contains(&digits)
        && matches!(chars.get(digits), Some('.' | ')'))
        && chars.get(digits + 1).is_none_or(|c| c.is_whitespace())
    {
        Some(digits)
    } else {
        None
    };
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '|' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' if starts_entity(&chars[i + 1..]) => out.push_str("&amp;"),
            _ if block_mark == Some(i) => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether the characters after an `&` would make it an entity or numeric
/// character reference (`&amp;`, `&#60;`, `&#x3C;`).
fn starts_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// User text on one line (headings, lists of names): line breaks become
/// spaces.
fn inline(text: &str) -> String {
    lines(text)
        .into_iter()
        .filter(|l| !l.is_empty())
        .map(escape_line)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A heading's text, with a trailing run of `#` escaped so that it is not
/// taken for the heading's optional closing sequence.
fn heading_text(text: &str) -> String {
    let trimmed = text.trim_end_matches('#');
    if trimmed.len() == text.len() || trimmed.ends_with('\\') {
        return text.to_owned();
    }
    format!("{trimmed}\\{}", &text[trimmed.len()..])
}

/// User text in a table cell: line breaks become `<br>`.
fn cell(text: &str) -> String {
    lines(text)
        .into_iter()
        .map(escape_line)
        .collect::<Vec<_>>()
        .join("<br>")
}

fn cell_or_dash(text: &str) -> String {
    or_dash(cell(text))
}

fn or_dash(text: String) -> String {
    if text.is_empty() {
        "—".to_owned()
    } else {
        text
    }
}

/// User text as a paragraph: each line break is kept as a hard line break
/// (two trailing spaces) and a blank line starts a new paragraph. Lines
/// after the first are indented by `indent`, so that the text stays inside
/// a list item.
fn paragraph(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut previous_blank = true;
    for (n, line) in lines(text).into_iter().enumerate() {
        if line.is_empty() {
            if !previous_blank {
                out.push_str("\n\n");
            }
            previous_blank = true;
            continue;
        }
        if n > 0 {
            if !previous_blank {
                out.push_str("  \n");
            }
            out.push_str(indent);
        }
        out.push_str(&escape_line(line));
        previous_blank = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_that_would_be_structure_are_escaped() {
        assert_eq!(escape_line("# heading"), "\\# heading");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("+ item"), "\\+ item");
        assert_eq!(escape_line("> quote"), "\\> quote");
        assert_eq!(escape_line("==="), "\\===");
        assert_eq!(escape_line("* item"), "\\* item");
        assert_eq!(escape_line("12. item"), "12\\. item");
        assert_eq!(escape_line("3) item"), "3\\) item");
        assert_eq!(escape_line("2024 was good"), "2024 was good");
        assert_eq!(escape_line("5.3"), "5.3");
        assert_eq!(escape_line("7."), "7\\.");
        assert_eq!(escape_line("<script>"), "&lt;script>");
        assert_eq!(escape_line("a | b"), "a \\| b");
        assert_eq!(escape_line("Police & Health"), "Police & Health");
        assert_eq!(escape_line("&lt;"), "&amp;lt;");
        assert_eq!(escape_line("`code`"), "\\`code\\`");
        assert_eq!(escape_line("C:\\path"), "C:\\\\path");
        assert_eq!(escape_line("子ども 👶"), "子ども 👶");
    }

    #[test]
    fn paragraphs_keep_line_breaks() {
        assert_eq!(paragraph("a\nb", ""), "a  \nb");
        assert_eq!(paragraph("a\r\n\r\n\nb\r- c", "  "), "a\n\n  b  \n  \\- c");
        assert_eq!(paragraph("\n\n  x  \n", ""), "x");
        assert_eq!(paragraph("   ", ""), "");
    }

    #[test]
    fn cells_use_br() {
        assert_eq!(cell("a\n\n# b|c"), "a<br><br>\\# b\\|c");
        assert_eq!(cell_or_dash(" \n "), "—");
    }

    #[test]
    fn heading_closing_hashes_are_escaped() {
        assert_eq!(heading_text("Session #"), "Session \\#");
        assert_eq!(heading_text("Session ##"), "Session \\##");
        assert_eq!(heading_text("C\\#"), "C\\#");
        assert_eq!(heading_text("Plain"), "Plain");
    }
}
