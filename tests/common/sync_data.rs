//! What the sync tests share: whether git is here to run them, and the
//! measures register of one data folder, read and changed by its rules.

use howgood::measures::file::OpenRegister;
use howgood::measures::model::{Figure, MeasureRegister, Value as MeasureValue};
use howgood::sync::git;
use jiff::Timestamp;
use std::path::Path;

/// Without git a sync test cannot run: it says so (never a quiet pass).
pub fn git_missing() -> bool {
    if git::available() {
        return false;
    }
    eprintln!("NOTICE: git is not installed here: this sync test did NOT run");
    true
}

/// The measures register in a data folder, changed and saved by its rules.
pub fn edit_measures(data: &Path, change: impl FnOnce(&mut MeasureRegister)) {
    let now = Timestamp::now();
    let mut open = OpenRegister::open(&data.join("measures"), now).expect("opens");
    let mut register = open.loaded.clone();
    change(&mut register);
    open.save(&register, now).expect("saves");
}

pub fn measures_of(data: &Path) -> MeasureRegister {
    howgood::measures::file::read(&data.join("measures")).expect("reads")
}

/// A plain number for a period.
pub fn reading(period: &str, amount: f64) -> MeasureValue {
    MeasureValue {
        period: period.parse().expect("period"),
        figure: Figure::Number(amount),
        breakdowns: Vec::new(),
        comparators: Vec::new(),
        note: String::new(),
    }
}
