//! Faithfulness: every piece of publisher text in the content files must be
//! found, word for word, in the plain-text source it was transcribed from
//! (after folding away conversion noise: bullet glyphs, emphasis markers,
//! footnote markers and line breaks). A paraphrase, a typo introduced in
//! transcription or text from the wrong document fails here.

use howgood::content::library::{Library, embedded_files};
use howgood::content::model::{Block, Framework};

/// The embedded content (its validity is asserted in `content_counts.rs`).
fn library() -> Library {
    Library::assemble(embedded_files(), Vec::new())
}

/// Fold a text so that conversion noise does not count: markdown emphasis,
/// HTML italics, bullet glyphs, footnote markers and all runs of white space.
fn fold(text: &str) -> String {
    let text = text
        .replace("**", "")
        .replace("<i>", "")
        .replace("</i>", "");
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars() {
        let c = match c {
            '✦' | '⊕' | '■' | '•' | '·' => ' ',
            // Emphasis markers hug the words they mark.
            '*' => continue,
            '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    // Bullets in the conversion are "- " at line starts; folded, they are " - ".
    out.replace(" - ", " ").trim().to_owned()
}

fn seed(file: &str) -> String {
    let path = format!("{}/tests/seeds/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    fold(&text)
}

fn blocks<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => out.push(text),
            Block::List(items) => out.extend(items.iter().map(String::as_str)),
        }
    }
}

/// Every string of publisher text in a framework (not ids or metadata).
fn publisher_text(framework: &Framework) -> Vec<&str> {
    let mut out = Vec::new();
    if let Some(scale) = &framework.scale {
        for level in &scale.levels {
            if !level.summary.is_empty() {
                out.push(level.summary.as_str());
            }
            blocks(&level.description, &mut out);
        }
        blocks(&scale.notes, &mut out);
    }
    out.extend(
        framework
            .self_evaluation_questions
            .iter()
            .map(String::as_str),
    );
    for question in &framework.high_level_questions {
        out.push(&question.text);
        for area in &question.key_areas {
            blocks(&area.description, &mut out);
            for indicator in &area.indicators {
                out.push(&indicator.title);
                for theme in &indicator.themes {
                    out.push(&theme.text);
                    out.extend(theme.items.iter().map(String::as_str));
                }
                blocks(&indicator.key_features, &mut out);
                for illustration in &indicator.illustrations {
                    out.extend(illustration.paragraphs.iter().map(String::as_str));
                }
            }
        }
    }
    for section in &framework.sections {
        out.push(&section.title);
        for statement in &section.statements {
            out.push(&statement.text);
        }
    }
    for agency in &framework.agencies {
        blocks(&agency.introduction, &mut out);
        for judgement in &agency.judgements {
            blocks(&judgement.introduction, &mut out);
            for group in &judgement.good {
                if !group.heading.is_empty() {
                    out.push(&group.heading);
                }
                for criterion in &group.criteria {
                    out.push(&criterion.text);
                    out.extend(criterion.items.iter().map(String::as_str));
                }
            }
            for descriptor in &judgement.descriptors {
                blocks(&descriptor.body, &mut out);
            }
            if let Some(grading) = &judgement.grading {
                let quotes = grading
                    .basis
                    .iter()
                    .chain(grading.relations.iter().map(|r| &r.quote));
                for cited in quotes {
                    out.push(&cited.text);
                    out.extend(cited.items.iter().map(String::as_str));
                }
            }
        }
    }
    for passage in &framework.guidance {
        blocks(&passage.body, &mut out);
    }
    if let Some(content) = &framework.content {
        for passage in content
            .tips
            .iter()
            .chain(&content.information_types)
            .chain(&content.information_sources)
        {
            blocks(&passage.body, &mut out);
        }
        for good in &content.good {
            out.push(&good.text);
            out.extend(good.items.iter().map(String::as_str));
        }
        out.extend(content.questions.iter().map(|q| q.text.as_str()));
        for source in &content.sources {
            out.push(&source.text);
            out.extend(source.items.iter().map(String::as_str));
        }
        for measure in &content.measures {
            out.push(&measure.text);
            out.extend(measure.items.iter().map(String::as_str));
        }
        let mut areas = howgood::content::query::all_areas(framework);
        areas.retain(|a| !a.description.is_empty());
        for area in areas {
            blocks(&area.description, &mut out);
        }
    }
    out
}

/// The smallest number of words a piece of a rejoined string may have: a
/// changed word leaves a piece shorter than this, a page break does not.
const MIN_PIECE_WORDS: usize = 4;
/// How far apart (in characters of folded source) two pieces of one string
/// may stand: a page break with its running footer and footnotes.
const MAX_GAP: usize = 3_000;

/// Whether `text` is in the folded `source`, either whole or as pieces of at
/// least `MIN_PIECE_WORDS` words standing in order, close together: what a
/// sentence broken by a page break or an interleaved table column becomes.
fn found(source: &str, text: &str) -> bool {
    if source.contains(text) {
        return true;
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut start = 0;
    let mut from: Option<usize> = None;
    while start < words.len() {
        // The longest run of words from `start` found after the last piece.
        let window = |end: usize| -> Option<usize> {
            let piece = words[start..end].join(" ");
            let haystack_start = from.unwrap_or(0);
            source[haystack_start..]
                .find(&piece)
                .map(|at| haystack_start + at)
        };
        let mut end = start + 1;
        let mut at = match window(end) {
            Some(at) => at,
            None => return false,
        };
        while end < words.len() {
            match window(end + 1) {
                Some(next) => {
                    end += 1;
                    at = next;
                }
                None => break,
            }
        }
        let is_last = end == words.len();
        if end - start < MIN_PIECE_WORDS && !(is_last && start > 0 && end - start >= 2) {
            return false;
        }
        if let Some(previous_end) = from
            && at - previous_end > MAX_GAP
        {
            return false;
        }
        from = Some(at + words[start..end].join(" ").len());
        start = end;
    }
    true
}

/// Strings not found in the folded source.
fn missing(framework_id: &str) -> (usize, Vec<String>) {
    let library = library();
    let framework = library
        .framework(framework_id)
        .unwrap_or_else(|| panic!("{framework_id} is embedded"));
    let source = seed(&framework.source.file);
    let texts = publisher_text(framework);
    let missing = texts
        .iter()
        .map(|t| fold(t))
        .filter(|t| !found(&source, t))
        .collect();
    (texts.len(), missing)
}

#[test]
fn a_changed_word_is_caught_but_a_page_break_is_not() {
    let source = fold(
        "Children and families benefit from very effective communication with staff.\n\n12\n\nThey confirm that we know them very well and they feel we understand their needs.",
    );
    let rejoined = "Children and families benefit from very effective communication with staff. They confirm that we know them very well and they feel we understand their needs.";
    assert!(found(&source, &fold(rejoined)));
    let changed = "Children and families benefit from very good communication with staff. They confirm that we know them very well and they feel we understand their needs.";
    assert!(!found(&source, &fold(changed)));
    let shortened = "Children and families benefit from effective communication.";
    assert!(!found(&source, &fold(shortened)));
}

/// Assert that every string is found, except the listed ones, which were
/// rebuilt from fragments too short for `found` to accept (words a table
/// cell split across lines). Each listed string must still be in the content.
fn assert_faithful(framework_id: &str, rebuilt: &[&str]) {
    let (total, missing) = missing(framework_id);
    assert!(total > 0);
    let unexplained: Vec<&String> = missing
        .iter()
        .filter(|m| !rebuilt.contains(&m.as_str()))
        .collect();
    assert!(
        unexplained.is_empty(),
        "{} of {total} strings of {framework_id} are not in the source:\n{}",
        unexplained.len(),
        unexplained
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n---\n")
    );
    for text in rebuilt {
        assert!(
            missing.iter().any(|m| m == text),
            "'{text}' is listed as rebuilt but is no longer missing: remove it from the list"
        );
    }
}

#[test]
fn hmie_2009_text_is_the_publishers() {
    assert_faithful("hmie-cp-2009", &[]);
}

#[test]
fn ofsted_good_outcomes_text_is_the_publishers() {
    assert_faithful("ofsted-good-outcomes", &[]);
}

#[test]
fn lscb_text_is_the_publishers() {
    // Module 5's table cells, rejoined where the conversion split them.
    assert_faithful(
        "lscb-qaf",
        &[
            // "Number of referrals" / "to the service." on two lines.
            "Number of referrals to the service.",
            // "Number of cases" / "which are open to both ..." on two lines.
            "Number of cases which are open to both children's social care and adults' mental health services.",
            // "face- to-face" split across the line.
            "% of staff time spent in face-to-face contact with families/ children.",
            // "multi- agency" split across the line.
            "Number of multi-agency safeguarding training courses.",
        ],
    );
}

#[test]
fn hmie_2007_text_is_the_publishers() {
    assert_faithful("hmie-generic-2007", &[]);
}

#[test]
fn integrated_inspection_text_is_the_publishers() {
    assert_faithful("integrated-inspection-2014", &[]);
}
