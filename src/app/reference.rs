//! The reference pane: the framework's own words for the current item and
//! phase, as entries the user can scroll through and, for suggestions, act
//! on. Derived from content and state on demand.
//!
//! Long because each tab of each phase has its own entries; they share the
//! item lookup and are kept together so the tabs read side by side.

use super::{Phase, Stage, Workspace};
use crate::content::library::Library;
use crate::content::model::{
    Block, ContentArea, ContentAreas, Framework, GoodKind, InformationType, Scale,
};
use crate::content::own;
use crate::content::query::{self, ItemRef};
use crate::content::text::{good_kind_label, information_label};
use crate::session::model::{InformationKind, ItemRecord, ScaleChoice, Session};

/// How an entry is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    Heading,
    Paragraph,
    Bullet,
    /// A suggestion the user can take with Enter.
    Suggestion,
    /// Low-key explanatory text.
    Note,
}

/// What Enter does on a suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Take {
    /// Add evidence of this type, described by the Module 4 source.
    Evidence {
        information: InformationKind,
        description: String,
    },
    /// A new priority starting from a 'good' statement.
    Priority(String),
    /// Use a Module 5 measure as the measure of success of the newest
    /// priority serving this item (or a new one).
    Measure(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub style: Style,
    pub text: String,
    /// A short tag before the text, e.g. "Quality".
    pub tag: Option<String>,
    pub take: Option<Take>,
}

impl Entry {
    fn new(style: Style, text: impl Into<String>) -> Entry {
        Entry {
            style,
            text: text.into(),
            tag: None,
            take: None,
        }
    }
}

/// The scale a session records against.
pub fn session_scale<'a>(library: &'a Library, session: &Session) -> Option<&'a Scale> {
    let id = match &session.scale {
        ScaleChoice::Framework => session.framework.as_str(),
        ScaleChoice::Borrowed(id) => id.as_str(),
    };
    library.framework(id)?.scale.as_ref()
}

/// The LSCB content areas linked to an item: the area itself for a
/// content-area session, else the crosswalk's links. Sub-areas are included.
pub fn linked_areas<'a>(
    library: &'a Library,
    session: &Session,
    item: &str,
) -> Option<(&'a Framework, Vec<&'a ContentArea>)> {
    let framework = library.framework(&session.framework)?;
    if let Some(ItemRef::Area(area)) = query::find_item(framework, item) {
        let ids = query::area_and_descendants(area);
        let areas = query::all_areas(framework)
            .into_iter()
            .filter(|a| ids.contains(&a.id.as_str()))
            .collect();
        return Some((framework, areas));
    }
    let (areas_framework, ids) = library.linked_areas(&session.framework, item)?;
    let all = query::all_areas(areas_framework);
    let mut wanted: Vec<&str> = Vec::new();
    for id in ids {
        if let Some(area) = all.iter().find(|a| &a.id == id) {
            for d in query::area_and_descendants(area) {
                if !wanted.contains(&d) {
                    wanted.push(d);
                }
            }
        }
    }
    let areas = all
        .into_iter()
        .filter(|a| wanted.contains(&a.id.as_str()))
        .collect();
    Some((areas_framework, areas))
}

/// Module 3 questions for an item, grouped by area: (area title, area id, questions).
pub fn linked_questions(
    library: &Library,
    session: &Session,
    item: &str,
) -> Vec<(String, String, Vec<String>)> {
    let Some((framework, areas)) = linked_areas(library, session, item) else {
        return Vec::new();
    };
    let Some(content) = &framework.content else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for area in &areas {
        let questions: Vec<String> = content
            .questions
            .iter()
            .filter(|q| q.area == area.id)
            .map(|q| q.text.clone())
            .collect();
        if !questions.is_empty() {
            out.push((area.title.clone(), area.id.clone(), questions));
        }
        // The organisation's own questions for a publisher's area follow
        // the publisher's, under a heading of their own.
        if framework.id == own::ID {
            continue;
        }
        let theirs: Vec<String> = own::questions_for(library, &area.id)
            .into_iter()
            .map(|q| q.text.clone())
            .collect();
        if let (false, Some(org)) = (theirs.is_empty(), own::loaded(library)) {
            let title = format!("{} · {}", area.title, super::text::own_mark(&org.publisher));
            out.push((title, area.id.clone(), theirs));
        }
    }
    out
}

/// The tabs of the reference pane: which part of the framework's text it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Indicator,
    Illustrations,
    Scale,
    GoodLooksLike,
    Sources,
    Guidance,
    GoodStatements,
    Measures,
    Plan,
    Summary,
}

impl Tab {
    /// The tab's name, short enough to fit side by side in an 80-column pane.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Indicator => "Indicator",
            Tab::Illustrations => "Illustrations",
            Tab::Scale => "Scale",
            Tab::GoodLooksLike => "'Good' looks like",
            Tab::Sources => "Sources (M4)",
            Tab::Guidance => "Guidance",
            Tab::GoodStatements => "'Good' (M2)",
            Tab::Measures => "Measures (M5)",
            Tab::Plan => "Plan",
            Tab::Summary => "Summary",
        }
    }
}

/// The tab the reference pane shows now.
pub fn current_tab(library: &Library, ws: &Workspace) -> Option<Tab> {
    tabs(library, ws).get(ws.reference_tab).copied()
}

/// Tab names of the reference pane for a stage.
pub fn tabs(library: &Library, ws: &Workspace) -> Vec<Tab> {
    match ws.stage {
        Stage::Walk { item, phase } => {
            let is_area = ws
                .session
                .items
                .get(item)
                .and_then(|r| {
                    let framework = library.framework(&ws.session.framework)?;
                    query::find_item(framework, &r.item)
                })
                .is_some_and(|i| matches!(i, ItemRef::Area(_)));
            let supervision = ws.session.kind != crate::session::model::SessionKind::Workshop;
            match phase {
                // In supervision, the picture to aim for comes first.
                Phase::Now if supervision && is_area => vec![Tab::GoodLooksLike],
                Phase::Now if supervision => {
                    vec![Tab::GoodLooksLike, Tab::Indicator, Tab::Illustrations]
                }
                Phase::Now if is_area => vec![Tab::GoodLooksLike, Tab::Scale],
                Phase::Now => vec![Tab::Indicator, Tab::Illustrations, Tab::Scale],
                Phase::Know => vec![Tab::Sources, Tab::Guidance],
                Phase::Can => vec![Tab::GoodStatements, Tab::Measures, Tab::Plan],
            }
        }
        Stage::Summary => vec![Tab::Summary],
    }
}

fn blocks(out: &mut Vec<Entry>, body: &[Block]) {
    for block in body {
        match block {
            Block::Paragraph(text) => out.push(Entry::new(Style::Paragraph, text)),
            Block::List(items) => {
                out.extend(items.iter().map(|i| Entry::new(Style::Bullet, i)));
            }
        }
    }
}

fn level_word(scale: Option<&Scale>, level: u8) -> String {
    scale
        .and_then(|s| s.levels.iter().find(|l| l.number == level))
        .map_or_else(
            || format!("Level {level}"),
            |l| format!("Level {level}: {}", l.word),
        )
}

fn scale_entries(out: &mut Vec<Entry>, scale: Option<&Scale>, borrowed_from: Option<&str>) {
    let Some(scale) = scale else {
        out.push(Entry::new(
            Style::Note,
            "This framework has no scale of its own.",
        ));
        return;
    };
    out.push(Entry::new(Style::Heading, &scale.name));
    if let Some(from) = borrowed_from {
        out.push(Entry::new(
            Style::Note,
            format!("Borrowed from {from}: this framework has no scale of its own, so it is evaluated against its 'good' statements on this scale."),
        ));
    }
    for level in &scale.levels {
        let summary = if level.summary.is_empty() {
            String::new()
        } else {
            format!(" – {}", level.summary)
        };
        out.push(Entry {
            style: Style::Bullet,
            text: format!("{}{summary}", level.word),
            tag: Some(level.number.to_string()),
            take: None,
        });
        blocks(out, &level.description);
    }
    blocks(out, &scale.notes);
}

/// What every tab's entries are drawn from.
#[derive(Clone, Copy)]
struct Item<'a> {
    library: &'a Library,
    ws: &'a Workspace,
    session: &'a Session,
    record: &'a ItemRecord,
    found: Option<ItemRef<'a>>,
    scale: Option<&'a Scale>,
    /// Both illustration levels at once (side by side).
    wide: bool,
}

/// The entries of the reference pane for the workspace's stage and tab,
/// one function per tab.
pub fn entries(library: &Library, ws: &Workspace, wide: bool) -> Vec<Entry> {
    let mut out = Vec::new();
    let session = &ws.session;
    let Stage::Walk { item, phase } = ws.stage else {
        return out;
    };
    let Some(record) = session.items.get(item) else {
        return out;
    };
    let Some(framework) = library.framework(&session.framework) else {
        out.push(Entry::new(
            Style::Note,
            format!("The framework '{}' is not loaded, so its text cannot be shown. Everything recorded is kept.", session.framework),
        ));
        return out;
    };
    let found = query::find_item(framework, &record.item);
    let scale = session_scale(library, session);
    let Some(tab) = current_tab(library, ws) else {
        return out;
    };
    let item = Item {
        library,
        ws,
        session,
        record,
        found,
        scale,
        wide,
    };
    match (phase, tab) {
        (Phase::Now, Tab::Indicator) => indicator_tab(&item, &mut out),
        (Phase::Now, Tab::Illustrations) => illustrations_tab(&item, &mut out),
        (Phase::Now, Tab::GoodLooksLike) => good_looks_like_tab(&item, &mut out),
        (Phase::Now, Tab::Scale) => scale_tab(&item, &mut out),
        (Phase::Know, Tab::Sources) => sources_tab(&item, &mut out),
        (Phase::Know, _) => guidance_tab(&item, &mut out),
        (Phase::Can, Tab::GoodStatements) => good_statements_tab(&item, &mut out),
        (Phase::Can, Tab::Measures) => measures_tab(&item, &mut out),
        (Phase::Can, _) => plan_tab(&item, &mut out),
        _ => {}
    }
    out
}

fn indicator_tab(item: &Item, out: &mut Vec<Entry>) {
    let Item { found, .. } = *item;
    match found {
        Some(ItemRef::Indicator { indicator, .. }) => {
            out.push(Entry::new(Style::Heading, "Themes"));
            for theme in &indicator.themes {
                out.push(Entry::new(Style::Bullet, &theme.text));
                for sub in &theme.items {
                    out.push(Entry {
                        style: Style::Bullet,
                        text: sub.clone(),
                        tag: Some("·".into()),
                        take: None,
                    });
                }
            }
            out.push(Entry::new(Style::Heading, "Key features"));
            blocks(out, &indicator.key_features);
        }
        Some(ItemRef::Statement { section, statement }) => {
            out.push(Entry::new(Style::Heading, &section.title));
            out.push(Entry {
                style: Style::Paragraph,
                text: statement.text.clone(),
                tag: Some(statement.id.clone()),
                take: None,
            });
        }
        Some(ItemRef::Judgement { judgement, .. }) => {
            blocks(out, &judgement.introduction);
            out.push(Entry::new(Style::Heading, "The criteria for 'good'"));
            for group in &judgement.good {
                if !group.heading.is_empty() {
                    out.push(Entry::new(Style::Heading, &group.heading));
                }
                for criterion in &group.criteria {
                    out.push(Entry {
                        style: Style::Bullet,
                        text: criterion.text.clone(),
                        tag: (!criterion.id.is_empty()).then(|| criterion.id.clone()),
                        take: None,
                    });
                    out.extend(criterion.items.iter().map(|i| Entry {
                        style: Style::Bullet,
                        text: i.clone(),
                        tag: Some("·".into()),
                        take: None,
                    }));
                }
            }
        }
        _ => out.push(Entry::new(
            Style::Note,
            "This item is not in the loaded framework.",
        )),
    }
}

fn illustrations_tab(item: &Item, out: &mut Vec<Entry>) {
    let Item {
        ws,
        found,
        scale,
        wide,
        ..
    } = *item;
    if let Some(ItemRef::Indicator { indicator, .. }) = found {
        if indicator.illustrations.is_empty() {
            out.push(Entry::new(
                Style::Note,
                "The framework gives no illustrations for this indicator.",
            ));
        }
        // On a wide screen both levels are shown side by side by the
        // renderer; on a narrow one, one level at a time.
        for illustration in &indicator.illustrations {
            if !wide && illustration.level != ws.illustration_level {
                continue;
            }
            out.push(Entry::new(
                Style::Heading,
                level_word(scale, illustration.level),
            ));
            out.extend(
                illustration
                    .paragraphs
                    .iter()
                    .map(|p| Entry::new(Style::Paragraph, p)),
            );
        }
    } else if let Some(ItemRef::Judgement { judgement, .. }) = found {
        for descriptor in &judgement.descriptors {
            out.push(Entry::new(
                Style::Heading,
                level_word(scale, descriptor.level),
            ));
            blocks(out, &descriptor.body);
        }
    }
}

fn good_looks_like_tab(item: &Item, out: &mut Vec<Entry>) {
    let Item {
        library,
        session,
        record,
        found,
        ..
    } = *item;
    if let Some(ItemRef::Area(area)) = found {
        blocks(out, &area.description);
    }
    good_entries(out, library, session, &record.item, false);
}

fn scale_tab(item: &Item, out: &mut Vec<Entry>) {
    let Item {
        library,
        session,
        scale,
        ..
    } = *item;
    let borrowed = match &session.scale {
        ScaleChoice::Borrowed(id) => library.framework(id).map(|f| f.short_title.as_str()),
        ScaleChoice::Framework => None,
    };
    scale_entries(out, scale, borrowed);
}

fn sources_tab(item: &Item, out: &mut Vec<Entry>) {
    out.push(Entry::new(
        Style::Note,
        "Suggested sources for the linked content areas. Enter adds one as evidence.",
    ));
    let found = by_linked_area(
        item,
        out,
        |c| &c.sources,
        |s| &s.area,
        |source| {
            let text = with_items(&source.text, &source.items);
            Entry {
                style: Style::Suggestion,
                tag: Some(information_label(source.information).to_owned()),
                take: Some(Take::Evidence {
                    information: information_kind(source.information),
                    description: text.clone(),
                }),
                text,
            }
        },
    );
    if !found {
        out.push(Entry::new(
            Style::Note,
            "No content areas are linked to this item.",
        ));
    }
}

fn guidance_tab(item: &Item, out: &mut Vec<Entry>) {
    let Item {
        library, session, ..
    } = *item;
    for id in ["sources-of-evidence", "triangulation", "three-questions"] {
        if let Some(passage) = library
            .framework(&session.framework)
            .into_iter()
            .chain(library.framework(crate::content::library::BORROWED_SCALE))
            .flat_map(|f| &f.guidance)
            .find(|p| p.id == id)
        {
            out.push(Entry::new(Style::Heading, &passage.title));
            blocks(out, &passage.body);
        }
    }
    out.push(Entry::new(
        Style::Heading,
        "The four sources and the HMIE kinds of evidence",
    ));
    for source in crate::session::model::EvidenceSource::ALL {
        out.push(Entry::new(
            Style::Bullet,
            format!("{} – {}", source.label(), source.hmie_equivalent()),
        ));
    }
}

fn good_statements_tab(item: &Item, out: &mut Vec<Entry>) {
    let Item {
        library,
        session,
        record,
        ..
    } = *item;
    out.push(Entry::new(
        Style::Note,
        "What 'good' could look like. Enter starts a priority from a statement.",
    ));
    good_entries(out, library, session, &record.item, true);
}

fn measures_tab(item: &Item, out: &mut Vec<Entry>) {
    out.push(Entry::new(
        Style::Note,
        "Example measures. Enter uses one as the measure of success of the newest priority for this item.",
    ));
    by_linked_area(
        item,
        out,
        |c| &c.measures,
        |m| &m.area,
        |measure| {
            let text = with_items(&measure.text, &measure.items);
            let mut tag = if measure.topic.is_empty() {
                information_label(measure.information).to_owned()
            } else {
                format!(
                    "{}, {}",
                    information_label(measure.information),
                    measure.topic
                )
            };
            // The mark goes in the tag: the text stays the printed words,
            // which is how `m` finds the measure again.
            if measure.damaged_in_source.is_some() {
                tag = format!("{tag} · {}", super::text::DAMAGED_IN_SOURCE);
            }
            Entry {
                style: Style::Suggestion,
                tag: Some(tag),
                take: Some(Take::Measure(text.clone())),
                text,
            }
        },
    );
    note_damage(item, out);
}

/// Under each measure broken in the source, what is broken, in a line.
fn note_damage(item: &Item, out: &mut Vec<Entry>) {
    let Some(content) = item
        .library
        .framework(crate::content::module5::FRAMEWORK)
        .and_then(|f| f.content.as_ref())
    else {
        return;
    };
    let mut at = 0;
    while at < out.len() {
        let shown = match &out[at].take {
            Some(Take::Measure(shown)) => shown.clone(),
            _ => String::new(),
        };
        let note = content
            .measures
            .iter()
            .filter(|m| with_items(&m.text, &m.items) == shown)
            .find_map(|m| m.damaged_in_source.as_deref());
        if let Some(note) = note {
            out.insert(at + 1, Entry::new(Style::Note, note));
            at += 1;
        }
        at += 1;
    }
}

/// The suggestions `pick` gives for each content area linked to the item,
/// under the area's title. False when the item links to no area.
fn by_linked_area<'a, T: 'a>(
    item: &Item<'a>,
    out: &mut Vec<Entry>,
    pick: impl Fn(&'a ContentAreas) -> &'a Vec<T>,
    area_of: impl Fn(&T) -> &String,
    entry: impl Fn(&T) -> Entry,
) -> bool {
    let Some((framework, areas)) = linked_areas(item.library, item.session, &item.record.item)
    else {
        return false;
    };
    let Some(content) = &framework.content else {
        return false;
    };
    for area in areas {
        let suggestions: Vec<&T> = pick(content)
            .iter()
            .filter(|s| *area_of(s) == area.id)
            .collect();
        if suggestions.is_empty() {
            continue;
        }
        out.push(Entry::new(Style::Heading, &area.title));
        out.extend(suggestions.into_iter().map(&entry));
    }
    true
}

/// A suggestion's text with the sub-points the document lists under it.
fn with_items(text: &str, items: &[String]) -> String {
    let mut out = text.to_owned();
    for item in items {
        out.push_str(&format!("; {item}"));
    }
    out
}

fn plan_tab(item: &Item, out: &mut Vec<Entry>) {
    let Item {
        library, session, ..
    } = *item;
    if let Some(passage) = library
        .framework(&session.framework)
        .into_iter()
        .chain(library.framework(crate::content::library::BORROWED_SCALE))
        .flat_map(|f| &f.guidance)
        .find(|p| p.id == "improvement-plan")
    {
        out.push(Entry::new(Style::Heading, &passage.title));
        blocks(out, &passage.body);
    }
}

fn information_kind(information: InformationType) -> InformationKind {
    match information {
        InformationType::Quantity => InformationKind::Quantity,
        InformationType::Quality => InformationKind::Quality,
        InformationType::Outcome => InformationKind::Outcome,
    }
}

fn good_entries(
    out: &mut Vec<Entry>,
    library: &Library,
    session: &Session,
    item: &str,
    takeable: bool,
) {
    let Some((framework, areas)) = linked_areas(library, session, item) else {
        out.push(Entry::new(
            Style::Note,
            "No content areas are linked to this item.",
        ));
        return;
    };
    let Some(content) = &framework.content else {
        return;
    };
    let org = own::loaded(library).filter(|_| framework.id != own::ID);
    for area in areas {
        let statements: Vec<_> = content.good.iter().filter(|g| g.area == area.id).collect();
        // The organisation's own statements for a publisher's area follow
        // the publisher's, each marked as theirs.
        let theirs = org.map_or_else(Vec::new, |_| own::statements_for(library, &area.id));
        if statements.is_empty() && theirs.is_empty() {
            continue;
        }
        out.push(Entry::new(Style::Heading, &area.title));
        let count = statements.len();
        for (n, statement) in statements.into_iter().chain(theirs).enumerate() {
            let kind = match statement.kind {
                GoodKind::Outcome => "Outcome",
                GoodKind::Quality => "Quality",
                GoodKind::Unmarked => good_kind_label(statement.kind),
            };
            let mut tag = if statement.topic.is_empty() {
                kind.to_owned()
            } else {
                format!("{kind}, {}", statement.topic)
            };
            if let (true, Some(org)) = (n >= count, org) {
                tag = format!("{tag} · {}", super::text::own_mark(&org.publisher));
            }
            let mut text = statement.text.clone();
            for sub in &statement.items {
                text.push_str(&format!(" – {sub}"));
            }
            out.push(Entry {
                style: if takeable {
                    Style::Suggestion
                } else {
                    Style::Bullet
                },
                tag: Some(tag),
                take: takeable.then(|| Take::Priority(text.clone())),
                text,
            });
        }
    }
}
