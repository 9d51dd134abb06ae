//! Plain, wrapped text of frameworks and their items, for the command line
//! and exports. Only reads content.

use super::library::Library;
use super::model::{
    Block, ContentArea, Framework, GoodKind, Indicator, InformationType, Judgement, Passage,
    Statement,
};
use super::query;

/// A document being written: headings, paragraphs and bullets, wrapped at
/// `width` columns.
pub struct Doc {
    width: usize,
    out: String,
}

impl Doc {
    pub fn new(width: usize) -> Self {
        Self {
            width: width.max(20),
            out: String::new(),
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    pub fn heading(&mut self, text: &str) {
        self.blank();
        self.line(0, &text.to_uppercase());
    }

    pub fn title(&mut self, text: &str) {
        self.line(0, text);
    }

    /// A wrapped paragraph at `indent` columns.
    pub fn line(&mut self, indent: usize, text: &str) {
        let pad = " ".repeat(indent);
        let options = textwrap::Options::new(self.width)
            .initial_indent(&pad)
            .subsequent_indent(&pad);
        for line in textwrap::wrap(text, options) {
            self.out.push_str(line.trim_end());
            self.out.push('\n');
        }
    }

    pub fn paragraph(&mut self, indent: usize, text: &str) {
        self.line(indent, text);
        self.out.push('\n');
    }

    /// A wrapped bullet whose continuation lines hang under its text.
    pub fn bullet(&mut self, indent: usize, marker: &str, text: &str) {
        let first = format!("{}{marker} ", " ".repeat(indent));
        let rest = " ".repeat(first.chars().count());
        let options = textwrap::Options::new(self.width)
            .initial_indent(&first)
            .subsequent_indent(&rest);
        for line in textwrap::wrap(text, options) {
            self.out.push_str(line.trim_end());
            self.out.push('\n');
        }
    }

    pub fn blocks(&mut self, indent: usize, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Paragraph(text) => self.paragraph(indent, text),
                Block::List(items) => {
                    for item in items {
                        self.bullet(indent, "-", item);
                    }
                    self.out.push('\n');
                }
            }
        }
    }

    pub fn statement(&mut self, indent: usize, statement: &Statement) {
        let marker = if statement.id.is_empty() {
            "-".to_owned()
        } else {
            format!("{}.", statement.id.trim_end_matches('.'))
        };
        self.bullet(indent, &marker, &statement.text);
        for item in &statement.items {
            self.bullet(indent + marker.len() + 1, "-", item);
        }
    }
}

pub fn information_label(information: InformationType) -> &'static str {
    match information {
        InformationType::Quantity => "Quantity",
        InformationType::Quality => "Quality",
        InformationType::Outcome => "Outcome",
    }
}

pub fn good_kind_label(kind: GoodKind) -> &'static str {
    match kind {
        GoodKind::Outcome => "Outcome statements",
        GoodKind::Quality => "Quality statements",
        GoodKind::Unmarked => "Statements",
    }
}

/// The outline of a whole framework.
pub fn framework_outline(framework: &Framework, width: usize) -> String {
    let mut doc = Doc::new(width);
    doc.title(&format!("{} [{}]", framework.title, framework.id));
    let year = framework
        .year
        .map(|y| format!(" ({y})"))
        .unwrap_or_default();
    doc.paragraph(0, &format!("{}{year}", framework.publisher));
    doc.line(0, &format!("Source: {}", framework.source.document));
    doc.line(0, &format!("Copyright: {}", framework.source.copyright));
    doc.paragraph(0, &format!("Licence: {}", framework.source.licence));

    if let Some(scale) = &framework.scale {
        doc.heading(&scale.name);
        for level in &scale.levels {
            let summary = if level.summary.is_empty() {
                String::new()
            } else {
                format!(": {}", level.summary)
            };
            doc.bullet(
                2,
                &level.number.to_string(),
                &format!("{}{summary}", level.word),
            );
        }
    }
    if !framework.self_evaluation_questions.is_empty() {
        doc.heading("Self-evaluation questions");
        for question in &framework.self_evaluation_questions {
            doc.bullet(2, "-", question);
        }
    }
    for question in &framework.high_level_questions {
        doc.heading(&format!("{} {}", question.id, question.text));
        for area in &question.key_areas {
            doc.bullet(2, &format!("{}.", area.id), &area.title);
            for indicator in &area.indicators {
                doc.bullet(6, &indicator.id, &indicator.title);
            }
        }
    }
    for section in &framework.sections {
        doc.heading(&format!("{} ({})", section.title, section.id));
        for statement in &section.statements {
            doc.bullet(2, &statement.id, &statement.text);
        }
    }
    for agency in &framework.agencies {
        doc.heading(&agency.title);
        for judgement in &agency.judgements {
            doc.bullet(2, "-", &format!("{} [{}]", judgement.title, judgement.id));
        }
    }
    if let Some(content) = &framework.content {
        for group in &content.groups {
            doc.heading(&group.title);
            for area in &group.areas {
                area_outline(&mut doc, 2, area);
            }
        }
        doc.heading("Tips");
        for tip in &content.tips {
            doc.bullet(2, "-", &format!("{} [{}]", tip.title, tip.id));
        }
    }
    if !framework.guidance.is_empty() {
        doc.heading("Guidance");
        for passage in &framework.guidance {
            doc.bullet(2, "-", &format!("{} [{}]", passage.title, passage.id));
        }
    }
    doc.finish()
}

fn area_outline(doc: &mut Doc, indent: usize, area: &ContentArea) {
    doc.bullet(indent, "-", &format!("{} [{}]", area.title, area.id));
    for sub in &area.sub_areas {
        area_outline(doc, indent + 2, sub);
    }
}

/// One item of a framework in plain text, or `None` if no item has that id.
pub fn item(library: &Library, framework: &Framework, id: &str, width: usize) -> Option<String> {
    let mut doc = Doc::new(width);
    if let Some((area_title, indicator)) = framework
        .high_level_questions
        .iter()
        .flat_map(|q| &q.key_areas)
        .flat_map(|a| a.indicators.iter().map(move |i| (&a.title, i)))
        .find(|(_, i)| i.id == id)
    {
        indicator_text(&mut doc, framework, area_title, indicator);
        linked_areas_text(&mut doc, library, framework, id);
    } else if let Some(area) = framework
        .high_level_questions
        .iter()
        .flat_map(|q| &q.key_areas)
        .find(|a| a.id == id)
    {
        doc.title(&format!("Key area {}. {}", area.id, area.title));
        doc.blank();
        doc.blocks(0, &area.description);
        for indicator in &area.indicators {
            doc.bullet(2, &indicator.id, &indicator.title);
        }
    } else if let Some((section, statement)) = framework
        .sections
        .iter()
        .flat_map(|s| s.statements.iter().map(move |st| (s, st)))
        .find(|(_, st)| st.id == id)
    {
        doc.title(&format!("{} ({})", section.title, section.id));
        doc.blank();
        doc.statement(0, statement);
        linked_areas_text(&mut doc, library, framework, id);
    } else if let Some(judgement) = framework
        .agencies
        .iter()
        .flat_map(|a| &a.judgements)
        .find(|j| j.id == id)
    {
        judgement_text(&mut doc, framework, judgement);
    } else if let Some(area) = query::all_areas(framework).into_iter().find(|a| a.id == id) {
        area_text(&mut doc, framework, area, true);
        own_text(&mut doc, library, framework, &area.id);
    } else if let Some(passage) = passages(framework).find(|p| p.id == id) {
        doc.title(&passage.title);
        doc.blank();
        doc.blocks(0, &passage.body);
    } else {
        return None;
    }
    Some(doc.finish())
}

/// The organisation's own statements and questions for a publisher's area,
/// after the publisher's and headed as the organisation's.
fn own_text(doc: &mut Doc, library: &Library, framework: &Framework, area: &str) {
    let Some(own) = super::own::loaded(library).filter(|_| framework.id != super::own::ID) else {
        return;
    };
    let statements = super::own::statements_for(library, area);
    let questions = super::own::questions_for(library, area);
    if statements.is_empty() && questions.is_empty() {
        return;
    }
    doc.heading(&format!(
        "✎ {}'s own (written by the organisation, not the publisher)",
        own.publisher
    ));
    for statement in statements {
        doc.bullet(
            2,
            "-",
            &format!("[{}] {}", good_kind_label(statement.kind), statement.text),
        );
    }
    for question in questions {
        doc.bullet(2, "-", &question.text);
    }
}

/// Guidance, tips, and the types and sources of information.
pub fn passages(framework: &Framework) -> impl Iterator<Item = &Passage> {
    let content = framework.content.as_ref();
    framework
        .guidance
        .iter()
        .chain(content.into_iter().flat_map(|c| {
            c.tips
                .iter()
                .chain(&c.information_types)
                .chain(&c.information_sources)
        }))
}

fn level_word(framework: &Framework, level: u8) -> String {
    framework
        .scale
        .as_ref()
        .and_then(|s| s.levels.iter().find(|l| l.number == level))
        .map(|l| format!("level {level}: {}", l.word))
        .unwrap_or_else(|| format!("level {level}"))
}

fn indicator_text(doc: &mut Doc, framework: &Framework, key_area: &str, indicator: &Indicator) {
    doc.title(&format!("{} {}", indicator.id, indicator.title));
    doc.paragraph(0, &format!("{} · {}", framework.short_title, key_area));
    if !indicator.themes.is_empty() {
        doc.heading("Themes");
        for theme in &indicator.themes {
            doc.statement(2, theme);
        }
    }
    if !indicator.key_features.is_empty() {
        doc.heading("Key features");
        doc.blocks(0, &indicator.key_features);
    }
    for illustration in &indicator.illustrations {
        doc.heading(&format!(
            "Illustration, {}",
            level_word(framework, illustration.level)
        ));
        for paragraph in &illustration.paragraphs {
            doc.bullet(2, "-", paragraph);
            doc.out.push('\n');
        }
    }
}

fn linked_areas_text(doc: &mut Doc, library: &Library, framework: &Framework, id: &str) {
    if let Some((areas_framework, areas)) = library.linked_areas(&framework.id, id) {
        doc.heading(&format!(
            "Linked content areas ({})",
            areas_framework.short_title
        ));
        for area_id in areas {
            let title = query::all_areas(areas_framework)
                .into_iter()
                .find(|a| &a.id == area_id)
                .map_or(area_id.as_str(), |a| a.title.as_str());
            doc.bullet(2, "-", &format!("{title} [{area_id}]"));
        }
    }
}

fn judgement_text(doc: &mut Doc, framework: &Framework, judgement: &Judgement) {
    doc.title(&judgement.title);
    doc.blank();
    doc.blocks(0, &judgement.introduction);
    if !judgement.good.is_empty() {
        doc.heading(&level_word(framework, good_level(framework)));
        for group in &judgement.good {
            if !group.heading.is_empty() {
                doc.line(0, &group.heading);
            }
            for criterion in &group.criteria {
                doc.statement(2, criterion);
            }
            doc.blank();
        }
    }
    for descriptor in &judgement.descriptors {
        doc.heading(&level_word(framework, descriptor.level));
        doc.blocks(0, &descriptor.body);
    }
}

/// The scale number whose word is "good" (2 on Ofsted's scale).
fn good_level(framework: &Framework) -> u8 {
    framework
        .scale
        .as_ref()
        .and_then(|s| {
            s.levels
                .iter()
                .find(|l| l.word.eq_ignore_ascii_case("good"))
        })
        .map_or(2, |l| l.number)
}

fn area_text(doc: &mut Doc, framework: &Framework, area: &ContentArea, top: bool) {
    if top {
        doc.title(&area.title);
        doc.paragraph(
            0,
            &format!("{} · content area [{}]", framework.short_title, area.id),
        );
    } else {
        doc.heading(&area.title);
    }
    doc.blocks(0, &area.description);
    let Some(content) = &framework.content else {
        return;
    };
    let mut good = content.good.iter().filter(|g| g.area == area.id).peekable();
    if good.peek().is_some() {
        doc.heading("What 'good' could look like (Module 2)");
        let mut last: Option<(&str, GoodKind)> = None;
        for statement in good {
            if last != Some((statement.topic.as_str(), statement.kind)) {
                let label = good_kind_label(statement.kind);
                if statement.topic.is_empty() {
                    doc.line(0, label);
                } else {
                    doc.line(0, &format!("{}: {label}", statement.topic));
                }
                last = Some((statement.topic.as_str(), statement.kind));
            }
            doc.bullet(2, "-", &statement.text);
            for item in &statement.items {
                doc.bullet(4, "-", item);
            }
        }
    }
    let mut questions = content
        .questions
        .iter()
        .filter(|q| q.area == area.id)
        .peekable();
    if questions.peek().is_some() {
        doc.heading("Questions for leadership and scrutiny (Module 3)");
        for question in questions {
            doc.bullet(2, "-", &question.text);
        }
    }
    let sources: Vec<_> = content
        .sources
        .iter()
        .filter(|s| s.area == area.id)
        .collect();
    if !sources.is_empty() {
        doc.heading("Sources of information and methods (Module 4)");
        for source in sources {
            let label = information_label(source.information);
            let topic = if source.topic.is_empty() {
                String::new()
            } else {
                format!("{}, ", source.topic)
            };
            doc.bullet(2, "-", &format!("[{topic}{label}] {}", source.text));
            for item in &source.items {
                doc.bullet(4, "-", item);
            }
        }
    }
    let measures: Vec<_> = content
        .measures
        .iter()
        .filter(|m| m.area == area.id)
        .collect();
    if !measures.is_empty() {
        doc.heading("Example performance measures (Module 5)");
        for measure in measures {
            let label = information_label(measure.information);
            let topic = if measure.topic.is_empty() {
                String::new()
            } else {
                format!("{}, ", measure.topic)
            };
            doc.bullet(2, "-", &format!("[{topic}{label}] {}", measure.text));
            for item in &measure.items {
                doc.bullet(4, "-", item);
            }
            if let Some(note) = &measure.damaged_in_source {
                doc.bullet(4, super::module5::DAMAGED_MARK, note);
            }
        }
    }
    for sub in &area.sub_areas {
        area_text(doc, framework, sub, false);
    }
}
