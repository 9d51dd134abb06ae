//! Changes to the register, pure: finding a measure, making one (from
//! Module 5 or from scratch), recording a value, and the Turning the Curve
//! steps. Ids come from an [`IdSource`]; dates are passed in.

use super::model::{
    Figure, Measure, MeasureRegister, Partner, Proposal, Unit, Value, WhatWorks, Worksheet,
};
use super::validate;
use crate::content::library::Library;
use crate::content::model::InformationType;
use crate::content::module5;
use crate::session::ids::IdSource;
use crate::session::model::{Priority, StableId};
use jiff::Timestamp;
use jiff::civil::Date;

/// A new id not used anywhere in the register.
pub fn fresh_id(register: &MeasureRegister, ids: &mut IdSource) -> StableId {
    let used = validate::all_ids(register);
    loop {
        let id = ids.next_id();
        if !used.contains(&id.as_str()) {
            return id;
        }
    }
}

/// A measure by id, else by title: exact, else a unique prefix (any case).
pub fn find(register: &MeasureRegister, reference: &str) -> Result<usize, String> {
    let measures = &register.measures;
    if let Some(i) = measures.iter().position(|m| m.id == reference) {
        return Ok(i);
    }
    let wanted = reference.trim().to_lowercase();
    if wanted.is_empty() {
        return Err("name a measure by its id or title".to_owned());
    }
    if let Some(i) = measures
        .iter()
        .position(|m| m.title.to_lowercase() == wanted)
    {
        return Ok(i);
    }
    let matches: Vec<usize> = (0..measures.len())
        .filter(|&i| measures[i].title.to_lowercase().starts_with(&wanted))
        .collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!(
            "no tracked measure is called {reference:?}; `howgood measures list` shows them"
        )),
        _ => Err(format!(
            "{reference:?} could be any of {}; give its id",
            matches
                .iter()
                .map(|&i| measures[i].id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Whether `title` will do for this Module 5 measure: any title for a whole
/// measure; for one broken in the source, only wording that differs from
/// the broken printed words, which cannot be tracked as they stand.
pub fn completes(source: &crate::content::model::Measure, title: &str) -> bool {
    let fold = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    module5::damaged_in_source(source).is_none()
        || (!title.trim().is_empty() && fold(title) != fold(&source.text))
}

/// A measure made from a Module 5 example. Its printed words become the
/// title (or `title` when given); a measure broken in the source needs
/// `title`, the user's completed wording.
pub fn from_module5(
    library: &Library,
    module5_id: &str,
    title: Option<&str>,
    id: StableId,
    now: Timestamp,
) -> Result<Measure, String> {
    let source = module5::find(library, module5_id).ok_or_else(|| {
        format!("no Module 5 measure has id {module5_id}; `howgood measures module5` lists them")
    })?;
    let title = match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) if !completes(source, title) => {
            return Err(format!(
                "Module 5 measure {module5_id} is broken in the source document; its title must complete the printed words, not repeat them"
            ));
        }
        Some(title) => title.to_owned(),
        None if let Some(note) = module5::damaged_in_source(source) => {
            return Err(format!(
                "Module 5 measure {module5_id} is broken in the source document ({:?}: {note}); complete it in your own words with --title",
                source.text
            ));
        }
        None => source.text.trim().to_owned(),
    };
    let mut measure = Measure::new(id, title, now);
    measure.kind = source.information;
    measure.definition = source.text.clone();
    if !source.items.is_empty() {
        measure.definition = format!("{} {}", source.text, source.items.join("; "));
    }
    measure.unit = if source.text.trim_start().starts_with('%') {
        Unit::Percentage
    } else {
        Unit::Count
    };
    measure.area = Some(source.area.clone());
    measure.module5 = Some(module5_id.to_owned());
    Ok(measure)
}

/// Add a value; a period that already has one is refused (never
/// silently replaced). Values stay in period order.
pub fn record(measure: &mut Measure, value: Value) -> Result<(), Vec<String>> {
    if measure.value_for(value.period).is_some() {
        return Err(vec![format!(
            "{} already has a value for {}; values are not replaced",
            measure.title, value.period
        )]);
    }
    let problems = validate::value_problems(measure, &value);
    if !problems.is_empty() {
        return Err(problems);
    }
    measure.values.push(value);
    measure.values.sort_by_key(|v| v.period);
    Ok(())
}

/// A new value with no breakdowns, comparators or note.
pub fn value(period: super::period::Period, figure: Figure) -> Value {
    Value {
        period,
        figure,
        breakdowns: Vec::new(),
        comparators: Vec::new(),
        note: String::new(),
    }
}

/// Start a worksheet dated `date`. Next year's starts from last year's:
/// the story, partners and what works are carried over to be revised;
/// proposals are not (those agreed live on as priorities).
pub fn start_worksheet(measure: &mut Measure, date: Date, id: StableId) -> &mut Worksheet {
    let previous = measure.latest_worksheet();
    let sheet = Worksheet {
        id,
        date,
        follows: previous.map(|w| w.id.clone()),
        how_are_we_doing: String::new(),
        story: previous.map(|w| w.story.clone()).unwrap_or_default(),
        partners: previous.map(|w| w.partners.clone()).unwrap_or_default(),
        what_works: previous.map(|w| w.what_works.clone()).unwrap_or_default(),
        proposals: Vec::new(),
        priorities: Vec::new(),
    };
    measure.worksheets.push(sheet);
    measure.worksheets.last_mut().expect("just pushed")
}

/// The worksheet with this id, else the latest.
pub fn worksheet_mut<'a>(
    measure: &'a mut Measure,
    id: Option<&str>,
) -> Result<&'a mut Worksheet, String> {
    let index = match id {
        Some(id) => measure.worksheets.iter().position(|w| w.id == id),
        None => (0..measure.worksheets.len()).max_by_key(|&i| measure.worksheets[i].date),
    };
    let title = measure.title.clone();
    index
        .map(|i| &mut measure.worksheets[i])
        .ok_or_else(|| match id {
            Some(id) => format!("{title} has no worksheet {id}"),
            None => format!(
                "{title} has no Turning the Curve worksheet yet; start one with `measures curve new`"
            ),
        })
}

pub fn add_partner(sheet: &mut Worksheet, name: &str, role: &str) {
    sheet.partners.push(Partner {
        name: name.trim().to_owned(),
        role: role.trim().to_owned(),
    });
}

pub fn add_what_works(sheet: &mut Worksheet, idea: &str, evidence: &str) {
    sheet.what_works.push(WhatWorks {
        idea: idea.trim().to_owned(),
        evidence: evidence.trim().to_owned(),
    });
}

pub fn propose(sheet: &mut Worksheet, text: &str, id: StableId) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("a proposal needs words".to_owned());
    }
    sheet.proposals.push(Proposal {
        id,
        text: text.trim().to_owned(),
        priority: None,
    });
    Ok(())
}

/// Agree a proposal as a priority with an owner and a date, linked back
/// to the measure. Returns the priority's id.
pub fn adopt(
    measure: &mut Measure,
    proposal_id: &str,
    owner: &str,
    due: Date,
    id: StableId,
) -> Result<StableId, String> {
    let measure_id = measure.id.clone();
    let title = measure.title.clone();
    let area = measure.area.clone();
    let sheet = measure
        .worksheets
        .iter_mut()
        .find(|w| w.proposals.iter().any(|p| p.id == proposal_id))
        .ok_or_else(|| format!("{title} has no proposal {proposal_id}"))?;
    let proposal = sheet
        .proposals
        .iter_mut()
        .find(|p| p.id == proposal_id)
        .expect("found above");
    if let Some(existing) = &proposal.priority {
        return Err(format!(
            "proposal {proposal_id} is already priority {existing}"
        ));
    }
    if owner.trim().is_empty() {
        return Err("a priority needs an owner".to_owned());
    }
    proposal.priority = Some(id.clone());
    let statement = proposal.text.clone();
    sheet.priorities.push(Priority {
        statement,
        owner: owner.trim().to_owned(),
        deadline: Some(due),
        measure_of_success: title,
        serves: area.into_iter().collect(),
        measure: Some(measure_id),
        ..Priority::new(id.clone())
    });
    Ok(id)
}

/// The kind of information, from a word on the command line or in a file.
pub fn information_from(text: &str) -> Option<InformationType> {
    match text.trim().to_lowercase().as_str() {
        "quantity" => Some(InformationType::Quantity),
        "quality" => Some(InformationType::Quality),
        "outcome" => Some(InformationType::Outcome),
        _ => None,
    }
}

/// Add a progress update to a worksheet priority or one of its milestones.
/// Returns the measure it belongs to.
pub fn update_action(
    register: &mut MeasureRegister,
    action_id: &str,
    update: crate::session::model::ProgressUpdate,
) -> Result<StableId, String> {
    use crate::session::progress::{ProgressMut, apply_to};
    for measure in &mut register.measures {
        for sheet in &mut measure.worksheets {
            for priority in &mut sheet.priorities {
                let action: Option<ProgressMut> = if priority.id == action_id {
                    Some(priority.into())
                } else {
                    priority
                        .milestones
                        .iter_mut()
                        .find(|m| m.id == action_id)
                        .map(Into::into)
                };
                if let Some(action) = action {
                    apply_to(action, update);
                    return Ok(measure.id.clone());
                }
            }
        }
    }
    Err(format!("no worksheet priority has id {action_id}"))
}
