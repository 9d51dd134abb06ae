//! An organisation's own content: the content areas, questions and 'good'
//! statements it writes for itself, as the frameworks ask it to. They live
//! in one framework of their own (`own-content`, in the config content
//! folder), attributed to the organisation, so that nothing is ever written
//! into a publisher's text. A question or statement may belong to one of
//! the organisation's own areas or to an LSCB content area; then it is shown
//! beside the publisher's, marked as the organisation's.

use super::library::Library;
use super::model::{
    AreaQuestion, ContentArea, ContentAreas, ContentGroup, Framework, GoodKind, GoodStatement,
    Source,
};
use super::query;

/// The id of the organisation's own framework.
pub const ID: &str = "own-content";
/// Its file name in the config content folder.
pub const FILE: &str = "own-content.ron";
/// Prefix of the organisation's own area ids, so they never collide with a
/// publisher's.
pub const AREA_PREFIX: &str = "own-";
/// The framework whose areas own questions and statements may also join.
pub const PUBLISHER_AREAS: &str = "lscb-qaf";
/// The most characters a title, question or statement may have.
pub const MAX_TEXT: usize = 2_000;

/// A new, empty own framework for an organisation.
pub fn new(organisation: &str) -> Result<Framework, String> {
    let organisation = one_line("the organisation's name", organisation)?;
    Ok(Framework {
        version: super::model::CONTENT_FORMAT_VERSION,
        id: ID.to_owned(),
        title: format!("{organisation}: our own content"),
        short_title: format!("{organisation} (own)"),
        publisher: organisation.clone(),
        year: None,
        source: Source {
            file: String::new(),
            document: format!("Written by {organisation} for its own self-evaluation"),
            copyright: organisation.clone(),
            licence: "The organisation's own words, not a publisher's.".to_owned(),
            attribution: organisation.clone(),
        },
        scale: None,
        self_evaluation_questions: Vec::new(),
        high_level_questions: Vec::new(),
        sections: Vec::new(),
        agencies: Vec::new(),
        content: Some(ContentAreas {
            groups: vec![ContentGroup {
                id: "own".to_owned(),
                title: format!("{organisation}'s own content areas"),
                areas: Vec::new(),
            }],
            information_types: Vec::new(),
            information_sources: Vec::new(),
            good: Vec::new(),
            questions: Vec::new(),
            sources: Vec::new(),
            measures: Vec::new(),
            tips: Vec::new(),
        }),
        guidance: Vec::new(),
    })
}

/// Text as one trimmed line: not empty, no control characters, not too long.
fn one_line(what: &str, text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("{what} is empty"));
    }
    if crate::safe_io::has_control(text) || text.contains('\n') {
        return Err(format!("{what} must be one line of plain text"));
    }
    if text.chars().count() > MAX_TEXT {
        return Err(format!("{what} is longer than {MAX_TEXT} characters"));
    }
    Ok(text.to_owned())
}

/// An area id from its title: `own-` and the title's words in lower case.
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let body: String = words.join("-").chars().take(40).collect();
    format!("{AREA_PREFIX}{}", body.trim_end_matches('-'))
}

fn content_mut(own: &mut Framework) -> Result<&mut ContentAreas, String> {
    own.content
        .as_mut()
        .ok_or_else(|| "the own content file has no content areas".to_owned())
}

/// Add a content area; returns its id.
pub fn add_area(own: &mut Framework, title: &str, description: &str) -> Result<String, String> {
    let title = one_line("the area's title", title)?;
    let mut id = slug(&title);
    if id == AREA_PREFIX.trim_end_matches('-') || id == AREA_PREFIX {
        id = format!("{AREA_PREFIX}area");
    }
    let taken: Vec<String> = query::all_area_ids(own).map(str::to_owned).collect();
    if taken.contains(&id) {
        let n = (2..).find(|n| !taken.contains(&format!("{id}-{n}")));
        id = format!("{id}-{}", n.unwrap_or(2));
    }
    let mut area = ContentArea {
        id: id.clone(),
        title,
        description: Vec::new(),
        sub_areas: Vec::new(),
    };
    if !description.trim().is_empty() {
        let text = one_line("the description", description)?;
        area.description.push(super::model::Block::Paragraph(text));
    }
    let content = content_mut(own)?;
    match content.groups.first_mut() {
        Some(group) => group.areas.push(area),
        None => content.groups.push(ContentGroup {
            id: "own".to_owned(),
            title: "Own content areas".to_owned(),
            areas: vec![area],
        }),
    }
    Ok(id)
}

/// Whether an area id names one of the organisation's areas or an LSCB one.
pub fn area_known(library: &Library, own: &Framework, area: &str) -> bool {
    query::all_area_ids(own).any(|a| a == area)
        || library
            .framework(PUBLISHER_AREAS)
            .is_some_and(|f| query::all_area_ids(f).any(|a| a == area))
}

fn check_area(library: &Library, own: &Framework, area: &str) -> Result<(), String> {
    if area_known(library, own, area) {
        Ok(())
    } else {
        Err(format!(
            "no content area '{area}': use one of your own (`howgood content show {ID}`) or an LSCB area (`howgood content show {PUBLISHER_AREAS}`)"
        ))
    }
}

/// Add a question to an area.
pub fn add_question(
    library: &Library,
    own: &mut Framework,
    area: &str,
    text: &str,
) -> Result<(), String> {
    check_area(library, own, area)?;
    let text = one_line("the question", text)?;
    content_mut(own)?.questions.push(AreaQuestion {
        area: area.to_owned(),
        topic: String::new(),
        text,
    });
    Ok(())
}

/// Add a 'good' statement to an area.
pub fn add_statement(
    library: &Library,
    own: &mut Framework,
    area: &str,
    kind: GoodKind,
    text: &str,
) -> Result<(), String> {
    check_area(library, own, area)?;
    let text = one_line("the statement", text)?;
    content_mut(own)?.good.push(GoodStatement {
        area: area.to_owned(),
        topic: String::new(),
        kind,
        text,
        items: Vec::new(),
    });
    Ok(())
}

/// The file's text, checked by parsing it back before it goes to disk.
pub fn encode(own: &Framework) -> Result<String, String> {
    let text = super::load::to_ron(own).map_err(|e| e.to_string())?;
    let back = super::load::parse_framework(FILE, &text).map_err(|p| p.to_string())?;
    if &back != own {
        return Err("the own content did not read back as written".to_owned());
    }
    Ok(format!(
        "// {}'s own content, written by howgood. Not a publisher's text.\n{text}\n",
        own.publisher
    ))
}

/// The organisation's own framework in the library, if there is one.
pub fn loaded(library: &Library) -> Option<&Framework> {
    library.framework(ID)
}

/// The organisation's questions for an area (its own or an LSCB area).
pub fn questions_for<'a>(library: &'a Library, area: &str) -> Vec<&'a AreaQuestion> {
    loaded(library)
        .and_then(|f| f.content.as_ref())
        .map(|c| c.questions.iter().filter(|q| q.area == area).collect())
        .unwrap_or_default()
}

/// The organisation's 'good' statements for an area.
pub fn statements_for<'a>(library: &'a Library, area: &str) -> Vec<&'a GoodStatement> {
    loaded(library)
        .and_then(|f| f.content.as_ref())
        .map(|c| c.good.iter().filter(|g| g.area == area).collect())
        .unwrap_or_default()
}

/// References in the own file that name no area of it or of the LSCB
/// framework: (area id, what refers to it).
pub fn unknown_areas(library: &Library) -> Vec<String> {
    let Some(own) = loaded(library) else {
        return Vec::new();
    };
    let Some(content) = &own.content else {
        return Vec::new();
    };
    content
        .questions
        .iter()
        .map(|q| &q.area)
        .chain(content.good.iter().map(|g| &g.area))
        .filter(|a| !area_known(library, own, a))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::library::embedded_files;

    #[test]
    fn areas_questions_and_statements_are_added_and_read_back() {
        let library = Library::assemble(embedded_files(), Vec::new());
        let mut own = new("Northshire Health").expect("new");
        let id = add_area(&mut own, "Transition to adult services", "").expect("area");
        assert_eq!(id, "own-transition-to-adult-services");
        let again = add_area(&mut own, "Transition to adult services", "").expect("area");
        assert_eq!(again, "own-transition-to-adult-services-2");
        add_question(&library, &mut own, &id, "Who plans transition at 16?").expect("q");
        add_question(&library, &mut own, "workforce", "Do our nurses feel safe?").expect("q");
        add_statement(
            &library,
            &mut own,
            &id,
            GoodKind::Outcome,
            "Every 17-year-old has a plan.",
        )
        .expect("s");
        assert!(add_question(&library, &mut own, "no-such-area", "Q?").is_err());
        assert!(add_question(&library, &mut own, &id, "  ").is_err());
        assert!(add_question(&library, &mut own, &id, "two\nlines").is_err());
        let text = encode(&own).expect("encode");
        let back = crate::content::load::parse_framework(FILE, &text).expect("parses");
        assert_eq!(back, own);
        assert!(
            crate::content::validate::validate_framework(FILE, &text, &back).is_empty(),
            "{:?}",
            crate::content::validate::validate_framework(FILE, &text, &back)
        );
    }
}
