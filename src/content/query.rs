//! Read-only queries over a framework: lookups and counts that the command
//! line and the screens share.

use super::model::{ContentArea, Framework, Indicator, Statement};

/// All indicators, in document order.
pub fn indicators(framework: &Framework) -> impl Iterator<Item = &Indicator> {
    framework
        .high_level_questions
        .iter()
        .flat_map(|q| &q.key_areas)
        .flat_map(|a| &a.indicators)
}

/// All numbered statements of the sections, in document order.
pub fn section_statements(framework: &Framework) -> impl Iterator<Item = &Statement> {
    framework.sections.iter().flat_map(|s| &s.statements)
}

/// Ids of everything a session can evaluate: indicators, numbered
/// statements, judgements and content areas.
pub fn evaluable_ids(framework: &Framework) -> impl Iterator<Item = &str> {
    indicators(framework)
        .map(|i| i.id.as_str())
        .chain(section_statements(framework).map(|s| s.id.as_str()))
        .chain(
            framework
                .agencies
                .iter()
                .flat_map(|a| &a.judgements)
                .map(|j| j.id.as_str()),
        )
        .chain(all_area_ids(framework))
}

/// Every content area and sub-area, depth first in document order.
pub fn all_areas(framework: &Framework) -> Vec<&ContentArea> {
    fn walk<'a>(areas: &'a [ContentArea], out: &mut Vec<&'a ContentArea>) {
        for area in areas {
            out.push(area);
            walk(&area.sub_areas, out);
        }
    }
    let mut out = Vec::new();
    if let Some(content) = &framework.content {
        for group in &content.groups {
            walk(&group.areas, &mut out);
        }
    }
    out
}

pub fn all_area_ids(framework: &Framework) -> impl Iterator<Item = &str> {
    all_areas(framework).into_iter().map(|a| a.id.as_str())
}

/// Counts shown by `howgood content list` and asserted by the tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub indicators: usize,
    /// Illustration paragraphs at any level.
    pub illustrations: usize,
    /// Module 3 questions plus high-level questions.
    pub questions: usize,
    /// Numbered 'good' statements, Module 2 statements and 'good' criteria.
    pub statements: usize,
    pub measures: usize,
}

pub fn counts(framework: &Framework) -> Counts {
    let content = framework.content.as_ref();
    Counts {
        indicators: indicators(framework).count(),
        illustrations: indicators(framework)
            .flat_map(|i| &i.illustrations)
            .map(|i| i.paragraphs.len())
            .sum(),
        questions: framework.high_level_questions.len() + content.map_or(0, |c| c.questions.len()),
        statements: section_statements(framework).count()
            + content.map_or(0, |c| c.good.len())
            + framework
                .agencies
                .iter()
                .flat_map(|a| &a.judgements)
                .flat_map(|j| &j.good)
                .map(|g| g.criteria.len())
                .sum::<usize>(),
        measures: content.map_or(0, |c| c.measures.len()),
    }
}

/// Any item a session can cover, found by id.
#[derive(Debug, Clone, Copy)]
pub enum ItemRef<'a> {
    Indicator {
        key_area: &'a super::model::KeyArea,
        indicator: &'a Indicator,
    },
    Statement {
        section: &'a super::model::Section,
        statement: &'a Statement,
    },
    Judgement {
        agency: &'a super::model::Agency,
        judgement: &'a super::model::Judgement,
    },
    Area(&'a ContentArea),
}

impl<'a> ItemRef<'a> {
    /// The item's heading: "5.3 Recognising and assessing risks and needs".
    pub fn title(&self) -> String {
        match self {
            ItemRef::Indicator { indicator, .. } => format!("{} {}", indicator.id, indicator.title),
            ItemRef::Statement { statement, .. } => format!("{} {}", statement.id, statement.text),
            ItemRef::Judgement { judgement, agency } => {
                format!("{}: {}", agency.title, judgement.title)
            }
            ItemRef::Area(area) => area.title.clone(),
        }
    }

    /// Who the item is, for a summary row: its number (the position in the
    /// session where its id is a slug), its own title and, for a judgement,
    /// its agency, so that two judgements of one title stay apart.
    pub fn identity(&self, position: usize) -> String {
        match self {
            ItemRef::Indicator { .. } | ItemRef::Statement { .. } => self.title(),
            ItemRef::Judgement { .. } | ItemRef::Area(_) => {
                format!("{}. {}", position + 1, self.title())
            }
        }
    }

    /// A short heading that fits a narrow column.
    pub fn short_title(&self) -> String {
        match self {
            ItemRef::Indicator { indicator, .. } => format!("{} {}", indicator.id, indicator.title),
            ItemRef::Statement { section, statement } => {
                format!("{} ({})", statement.id, section.id)
            }
            ItemRef::Judgement { judgement, .. } => judgement.title.clone(),
            ItemRef::Area(area) => area.title.clone(),
        }
    }

    pub fn kind_label(&self) -> &'static str {
        match self {
            ItemRef::Indicator { .. } => "quality indicator",
            ItemRef::Statement { .. } => "'good' statement",
            ItemRef::Judgement { .. } => "judgement",
            ItemRef::Area(_) => "content area",
        }
    }
}

pub fn find_item<'a>(framework: &'a Framework, id: &str) -> Option<ItemRef<'a>> {
    for question in &framework.high_level_questions {
        for key_area in &question.key_areas {
            if let Some(indicator) = key_area.indicators.iter().find(|i| i.id == id) {
                return Some(ItemRef::Indicator {
                    key_area,
                    indicator,
                });
            }
        }
    }
    for section in &framework.sections {
        if let Some(statement) = section.statements.iter().find(|s| s.id == id) {
            return Some(ItemRef::Statement { section, statement });
        }
    }
    for agency in &framework.agencies {
        if let Some(judgement) = agency.judgements.iter().find(|j| j.id == id) {
            return Some(ItemRef::Judgement { agency, judgement });
        }
    }
    all_areas(framework)
        .into_iter()
        .find(|a| a.id == id)
        .map(ItemRef::Area)
}

/// Every item a session can cover, in document order.
pub fn evaluable_items(framework: &Framework) -> Vec<(String, ItemRef<'_>)> {
    evaluable_ids(framework)
        .filter_map(|id| find_item(framework, id).map(|item| (id.to_owned(), item)))
        .collect()
}

/// Whether a judgement of the framework lists a 'good' criterion with this
/// letter under any of its headings.
pub fn has_criterion(framework: &Framework, judgement: &str, criterion: &str) -> bool {
    framework
        .agencies
        .iter()
        .flat_map(|a| &a.judgements)
        .filter(|j| j.id == judgement)
        .flat_map(|j| &j.good)
        .flat_map(|g| &g.criteria)
        .any(|c| c.id == criterion)
}

/// Whether an area, or one of its sub-areas, has any Module 2 statement,
/// Module 3 question, Module 4 source or Module 5 measure: a link to an
/// area without any would bring nothing to a workshop.
pub fn area_has_module_content(framework: &Framework, area: &str) -> bool {
    let Some(content) = &framework.content else {
        return false;
    };
    let Some(found) = all_areas(framework).into_iter().find(|a| a.id == area) else {
        return false;
    };
    let ids = area_and_descendants(found);
    let holds = |a: &String| ids.contains(&a.as_str());
    content.good.iter().any(|g| holds(&g.area))
        || content.questions.iter().any(|q| holds(&q.area))
        || content.sources.iter().any(|s| holds(&s.area))
        || content.measures.iter().any(|m| holds(&m.area))
}

/// An area and all its sub-areas' ids.
pub fn area_and_descendants(area: &ContentArea) -> Vec<&str> {
    let mut out = vec![area.id.as_str()];
    for sub in &area.sub_areas {
        out.extend(area_and_descendants(sub));
    }
    out
}
