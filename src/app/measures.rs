//! The measures screens' state: the register as last loaded, where the
//! user is (the list, one measure's chart, or a Turning the Curve
//! worksheet), and the one-line questions asked to record a value or fill
//! a worksheet step. The register itself is read and written by the edge.

use crate::measures::curve::Step;
use crate::measures::model::{Measure, MeasureRegister};
use ratatui_textarea::TextArea;

/// Which measures screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasuresView {
    List,
    /// One measure: its chart and table, by breakdown or as a whole.
    Chart {
        measure: usize,
        breakdowns: bool,
    },
    /// A worksheet on a measure, at a step; `cursor` picks a proposal.
    Curve {
        measure: usize,
        sheet: usize,
        step: Step,
        cursor: usize,
    },
}

#[derive(Debug)]
pub struct MeasuresState {
    /// None until the edge has opened the register.
    pub register: Option<MeasureRegister>,
    pub read_only: Option<String>,
    /// Why the register could not be opened.
    pub problem: Option<String>,
    /// The list's chosen measure.
    pub cursor: usize,
    pub view: MeasuresView,
    /// A Module 5 measure to track once the register is loaded:
    /// (its id, the user's completed title if it was damaged).
    pub pending: Option<(String, Option<String>)>,
    /// Whether the register is open only for tracking from a session (so
    /// it is released once saved).
    pub borrowed: bool,
}

impl Default for MeasuresState {
    fn default() -> Self {
        MeasuresState {
            register: None,
            read_only: None,
            problem: None,
            cursor: 0,
            view: MeasuresView::List,
            pending: None,
            borrowed: false,
        }
    }
}

impl MeasuresState {
    pub fn measure(&self, index: usize) -> Option<&Measure> {
        self.register.as_ref()?.measures.get(index)
    }

    pub fn measure_mut(&mut self, index: usize) -> Option<&mut Measure> {
        self.register.as_mut()?.measures.get_mut(index)
    }

    pub fn count(&self) -> usize {
        self.register.as_ref().map_or(0, |r| r.measures.len())
    }
}

/// What a set of questions is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// A value for a period of the measure.
    Value {
        measure: usize,
    },
    /// The completed title of a Module 5 measure damaged in the source.
    Title {
        module5: String,
    },
    /// A worksheet step written as text (how are we doing, the story).
    StepText {
        measure: usize,
        sheet: usize,
        step: Step,
    },
    Partner {
        measure: usize,
        sheet: usize,
    },
    WhatWorks {
        measure: usize,
        sheet: usize,
    },
    Proposal {
        measure: usize,
        sheet: usize,
    },
    /// Agree a proposal as a priority: owner and date.
    Adopt {
        measure: usize,
        proposal: String,
    },
    /// The organisation's own content (`organisation`: its name is asked
    /// first, because no own content file exists yet).
    OwnArea {
        organisation: bool,
    },
    OwnQuestion {
        organisation: bool,
        area: String,
    },
    OwnStatement {
        organisation: bool,
        area: String,
    },
}

/// One or more one-line questions, answered in turn; Enter moves on,
/// Esc leaves without changing anything.
#[derive(Debug)]
pub struct Ask {
    pub purpose: Purpose,
    pub title: String,
    /// What the user is reminded of above the questions (e.g. the printed
    /// words of a damaged measure).
    pub context: String,
    pub questions: Vec<&'static str>,
    pub answers: Vec<String>,
    pub field: TextArea<'static>,
}

impl Ask {
    pub fn new(purpose: Purpose, title: impl Into<String>, questions: Vec<&'static str>) -> Ask {
        Ask {
            purpose,
            title: title.into(),
            context: String::new(),
            questions,
            answers: Vec::new(),
            field: TextArea::default(),
        }
    }

    /// Start the field with text to revise.
    pub fn with_text(mut self, text: &str) -> Ask {
        self.field = TextArea::new(vec![text.replace('\n', " ")]);
        self.field.move_cursor(ratatui_textarea::CursorMove::End);
        self
    }

    pub fn with_context(mut self, context: impl Into<String>) -> Ask {
        self.context = context.into();
        self
    }

    /// The question being answered now.
    pub fn question(&self) -> &'static str {
        self.questions
            .get(self.answers.len())
            .copied()
            .unwrap_or("")
    }
}
