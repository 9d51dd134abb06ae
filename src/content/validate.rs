//! Validation of loaded content: unique ids, complete scales, illustrated
//! indicators that really carry their illustrations, and references that
//! resolve. Every problem is placed in the file where it was found.

use super::crosswalk::Crosswalk;
use super::load::locate;
use super::model::{Framework, Scale};
use super::problem::{Problem, find_field_offset, line_col};
use super::query;
use std::collections::{HashMap, HashSet};

/// Ids must be usable on a command line and in file names.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

/// Collects problems for one file, placing each at the field it concerns.
struct Report<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
    /// How many times each (key, value) has been seen, to place the nth.
    seen: HashMap<(&'static str, String), usize>,
}

impl<'a> Report<'a> {
    fn new(file: &'a str, text: &'a str) -> Self {
        Self {
            file,
            text,
            problems: Vec::new(),
            seen: HashMap::new(),
        }
    }

    /// Note one more occurrence of `key: "value"` and return its index.
    fn occurrence(&mut self, key: &'static str, value: &str) -> usize {
        let n = self.seen.entry((key, value.to_owned())).or_insert(0);
        *n += 1;
        *n - 1
    }

    fn at(&mut self, key: &'static str, value: &str, nth: usize, message: String) {
        let mut problem = locate(self.file, self.text, key, value, nth);
        problem.message = message;
        self.problems.push(problem);
    }

    /// Record an id, reporting it if it is malformed or seen before in `scope`.
    fn id(&mut self, key: &'static str, scope: &mut HashSet<String>, what: &str, id: &str) {
        let nth = self.occurrence(key, id);
        if !is_valid_id(id) {
            self.at(
                key,
                id,
                nth,
                format!("{what} id '{id}' must be letters, digits, '-', '.' or '_'"),
            );
        }
        if !scope.insert(id.to_owned()) {
            self.at(key, id, nth, format!("duplicate {what} id '{id}'"));
        }
    }
}

/// Check one framework. `text` is the RON source it was parsed from.
pub fn validate_framework(file: &str, text: &str, framework: &Framework) -> Vec<Problem> {
    let mut report = Report::new(file, text);
    let mut top = HashSet::new();
    report.id("id", &mut top, "framework", &framework.id);

    if let Some(scale) = &framework.scale {
        check_scale(&mut report, &framework.id, scale);
    }

    let mut indicator_ids = HashSet::new();
    let mut question_ids = HashSet::new();
    let mut key_area_ids = HashSet::new();
    for question in &framework.high_level_questions {
        report.id("id", &mut question_ids, "high-level question", &question.id);
        for area in &question.key_areas {
            report.id("id", &mut key_area_ids, "key area", &area.id);
            for indicator in &area.indicators {
                report.id("id", &mut indicator_ids, "indicator", &indicator.id);
                if !area.illustrated {
                    continue;
                }
                let nth = report.seen[&("id", indicator.id.clone())] - 1;
                if indicator.themes.is_empty() {
                    report.at(
                        "id",
                        &indicator.id,
                        nth,
                        format!(
                            "indicator '{}' is in illustrated key area '{}' but has no themes",
                            indicator.id, area.id
                        ),
                    );
                }
                for level in [5, 2] {
                    let present = indicator.illustrations.iter().any(|i| {
                        i.level == level && i.paragraphs.iter().any(|p| !p.trim().is_empty())
                    });
                    if !present {
                        report.at(
                            "id",
                            &indicator.id,
                            nth,
                            format!(
                                "indicator '{}' is in illustrated key area '{}' but has no level {level} illustration",
                                indicator.id, area.id
                            ),
                        );
                    }
                }
                if let Some(scale) = &framework.scale {
                    for illustration in &indicator.illustrations {
                        if !scale.levels.iter().any(|l| l.number == illustration.level) {
                            report.at(
                                "id",
                                &indicator.id,
                                nth,
                                format!(
                                    "indicator '{}' illustrates level {}, which the scale does not have",
                                    indicator.id, illustration.level
                                ),
                            );
                        }
                    }
                }
            }
        }
    }

    let mut section_ids = HashSet::new();
    for section in &framework.sections {
        report.id("id", &mut section_ids, "section", &section.id);
        for statement in &section.statements {
            report.id("id", &mut indicator_ids, "statement", &statement.id);
        }
    }

    let mut agency_ids = HashSet::new();
    let mut judgement_ids = HashSet::new();
    for agency in &framework.agencies {
        report.id("id", &mut agency_ids, "agency", &agency.id);
        for judgement in &agency.judgements {
            report.id("id", &mut judgement_ids, "judgement", &judgement.id);
            let nth = report.seen[&("id", judgement.id.clone())] - 1;
            for descriptor in &judgement.descriptors {
                let known = framework
                    .scale
                    .as_ref()
                    .is_some_and(|s| s.levels.iter().any(|l| l.number == descriptor.level));
                if !known {
                    report.at(
                        "id",
                        &judgement.id,
                        nth,
                        format!(
                            "judgement '{}' has a descriptor for level {}, which the scale does not have",
                            judgement.id, descriptor.level
                        ),
                    );
                }
            }
        }
    }

    let mut passage_ids = HashSet::new();
    for passage in &framework.guidance {
        report.id("id", &mut passage_ids, "guidance", &passage.id);
    }

    if let Some(content) = &framework.content {
        let mut area_ids = HashSet::new();
        let mut group_ids = HashSet::new();
        for group in &content.groups {
            report.id("id", &mut group_ids, "content group", &group.id);
            let mut stack: Vec<_> = group.areas.iter().collect();
            while let Some(area) = stack.pop() {
                report.id("id", &mut area_ids, "content area", &area.id);
                stack.extend(area.sub_areas.iter());
            }
        }
        for passage in content
            .information_types
            .iter()
            .chain(&content.information_sources)
            .chain(&content.tips)
        {
            report.id("id", &mut passage_ids, "passage", &passage.id);
        }
        let references = content
            .good
            .iter()
            .map(|g| &g.area)
            .chain(content.questions.iter().map(|q| &q.area))
            .chain(content.sources.iter().map(|s| &s.area))
            .chain(content.measures.iter().map(|m| &m.area));
        // The organisation's own file may also name LSCB areas; the library
        // checks those once every framework is loaded.
        let own = framework.id == super::own::ID;
        for area in references {
            let nth = report.occurrence("area", area);
            if !area_ids.contains(area) && !own {
                report.at("area", area, nth, format!("unknown content area '{area}'"));
            }
        }
    }

    report.problems
}

fn check_scale(report: &mut Report, framework: &str, scale: &Scale) {
    let place = |report: &mut Report, message: String| {
        let mut problem = locate(report.file, report.text, "name", &scale.name, 0);
        problem.message = message;
        report.problems.push(problem);
    };
    if scale.levels.is_empty() {
        place(report, format!("scale of '{framework}' has no levels"));
        return;
    }
    let mut numbers: Vec<u8> = scale.levels.iter().map(|l| l.number).collect();
    numbers.sort_unstable();
    let expected: Vec<u8> = (1..=scale.levels.len() as u8).collect();
    if numbers != expected {
        place(
            report,
            format!(
                "scale of '{framework}' must number its levels 1 to {} once each; found {numbers:?}",
                scale.levels.len()
            ),
        );
    }
    let mut words = HashSet::new();
    for level in &scale.levels {
        if level.word.trim().is_empty() {
            place(
                report,
                format!("scale of '{framework}': level {} has no word", level.number),
            );
        } else if !words.insert(level.word.to_lowercase()) {
            place(
                report,
                format!(
                    "scale of '{framework}': the word '{}' is used twice",
                    level.word
                ),
            );
        }
    }
}

/// Check that every crosswalk reference resolves in the loaded frameworks.
pub fn validate_crosswalk(
    file: &str,
    text: &str,
    crosswalk: &Crosswalk,
    frameworks: &[Framework],
) -> Vec<Problem> {
    let mut report = Report::new(file, text);
    let find = |id: &str| frameworks.iter().find(|f| f.id == id);
    let area_ids: HashSet<String> = find(&crosswalk.areas_from)
        .map(|f| query::all_area_ids(f).map(str::to_owned).collect())
        .unwrap_or_default();
    if find(&crosswalk.areas_from).is_none() {
        let nth = report.occurrence("areas_from", &crosswalk.areas_from);
        report.at(
            "areas_from",
            &crosswalk.areas_from.clone(),
            nth,
            format!("unknown framework '{}'", crosswalk.areas_from),
        );
    }
    let areas_known = find(&crosswalk.areas_from).is_some();
    let mut linked = HashSet::new();
    for link in &crosswalk.links {
        let nth = report.occurrence("indicator", &link.indicator);
        let link_at = find_field_offset(text, "indicator", &link.indicator, nth);
        let mut problems = Vec::new();
        match find(&link.framework) {
            None => problems.push((None, format!("unknown framework '{}'", link.framework))),
            Some(framework) => {
                if query::evaluable_ids(framework).all(|id| id != link.indicator) {
                    problems.push((
                        None,
                        format!(
                            "unknown indicator '{}' in framework '{}'",
                            link.indicator, link.framework
                        ),
                    ));
                }
            }
        }
        if let Some(framework) = find(&link.framework)
            && !link.criterion.is_empty()
            && !query::has_criterion(framework, &link.indicator, &link.criterion)
        {
            problems.push((
                None,
                format!(
                    "unknown criterion '{}' of '{}' in framework '{}'",
                    link.criterion, link.indicator, link.framework
                ),
            ));
        }
        let key = (
            link.framework.clone(),
            link.indicator.clone(),
            link.criterion.clone(),
        );
        if !linked.insert(key) {
            problems.push((
                None,
                format!(
                    "indicator '{}' of '{}' is linked twice",
                    link.indicator, link.framework
                ),
            ));
        }
        if link.areas.is_empty() {
            problems.push((
                None,
                format!(
                    "indicator '{}' of '{}' links to no area; list it under 'unmapped' with a reason instead",
                    link.indicator, link.framework
                ),
            ));
        }
        for area in &link.areas {
            if areas_known && !area_ids.contains(area) {
                problems.push((
                    Some(area),
                    format!(
                        "unknown content area '{area}' of '{}' (linked from indicator '{}' of '{}')",
                        crosswalk.areas_from, link.indicator, link.framework
                    ),
                ));
            }
        }
        for (area, message) in problems {
            // Point at the offending area string when there is one, else at the indicator.
            let at = link_at.map(|start| {
                let area_at = area.and_then(|a| text[start..].find(&format!("\"{a}\"")));
                start + area_at.unwrap_or(0)
            });
            let position = at.map_or((0, 0), |at| line_col(text, at));
            report.problems.push(Problem::new(file, position, message));
        }
    }
    for unmapped in &crosswalk.unmapped {
        let nth = report.occurrence("indicator", &unmapped.indicator);
        if unmapped.reason.trim().is_empty() {
            report.at(
                "indicator",
                &unmapped.indicator,
                nth,
                format!("unmapped indicator '{}' needs a reason", unmapped.indicator),
            );
        }
    }
    report.problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::parse_framework;

    const SCALE_AND_INDICATOR: &str = r#"(
  version: 1,
  id: "t",
  title: "T",
  short_title: "T",
  publisher: "P",
  source: (file: "f.txt", document: "D", copyright: "C", licence: "L", attribution: "A"),
  scale: Some((name: "Scale", levels: [
    (number: 2, word: "high"),
    (number: 1, word: "low"),
  ])),
  high_level_questions: [(id: "1", text: "Q?", key_areas: [(id: "1", title: "K", illustrated: true, indicators: [
    (id: "1.1", title: "I", themes: [(text: "Theme")], illustrations: [(level: 2, paragraphs: ["Good."]), (level: 1, paragraphs: ["Weak."])]),
  ])])],
)"#;

    fn problems(text: &str) -> Vec<String> {
        let framework = parse_framework("t.ron", text).expect("parses");
        validate_framework("t.ron", text, &framework)
            .into_iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn an_illustrated_indicator_needs_level_5_and_level_2() {
        // Level 2 is illustrated, level 5 is not.
        let found = problems(SCALE_AND_INDICATOR);
        assert_eq!(
            found,
            [
                "t.ron:13:10: indicator '1.1' is in illustrated key area '1' but has no level 5 illustration"
            ]
        );
        let without_2 = SCALE_AND_INDICATOR.replace("(level: 2, paragraphs: [\"Good.\"]), ", "");
        let found = problems(&without_2);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].ends_with("has no level 2 illustration"));
    }

    #[test]
    fn an_indicator_outside_illustrated_areas_needs_neither() {
        let text = SCALE_AND_INDICATOR.replace("illustrated: true", "illustrated: false");
        assert!(problems(&text).is_empty());
    }

    #[test]
    fn a_scale_must_number_its_levels_once_each() {
        let text = SCALE_AND_INDICATOR
            .replace("illustrated: true", "illustrated: false")
            .replace("(number: 1, word: \"low\")", "(number: 3, word: \"high\")");
        let found = problems(&text);
        assert!(
            found
                .iter()
                .any(|p| p.contains("must number its levels 1 to 2 once each")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.contains("the word 'high' is used twice")),
            "{found:?}"
        );
    }

    #[test]
    fn ids_must_be_usable_on_a_command_line() {
        let text = SCALE_AND_INDICATOR
            .replace("illustrated: true", "illustrated: false")
            .replace("id: \"1.1\"", "id: \"1 1\"");
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("indicator id '1 1' must be letters, digits"));
    }

    #[test]
    fn module_material_must_name_a_known_area() {
        let text = r#"(
  version: 1, id: "t", title: "T", short_title: "T", publisher: "P",
  source: (file: "f.txt", document: "D", copyright: "C", licence: "L", attribution: "A"),
  content: Some((
    groups: [(id: "g", title: "G", areas: [(id: "a", title: "A", sub_areas: [(id: "b", title: "B")])])],
    information_types: [], information_sources: [], good: [], sources: [], measures: [], tips: [],
    questions: [(area: "b", text: "Fine?"), (area: "nowhere", text: "Lost?")],
  )),
)"#;
        let found = problems(text);
        assert_eq!(found, ["t.ron:7:52: unknown content area 'nowhere'"]);
    }
}
