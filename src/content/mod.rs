//! Framework content: the model, loading and validation of RON files, the
//! embedded frameworks, and queries over them.

pub mod crosswalk;
pub mod embedded;
pub mod library;
pub mod load;
pub mod model;
pub mod module5;
pub mod own;
pub mod problem;
pub mod query;
pub mod text;
pub mod validate;
