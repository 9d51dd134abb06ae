//! Sessions: the model, its file format, and durable private storage.

pub mod atomic;
pub mod codec;
pub mod create;
pub mod framing;
pub mod ids;
pub mod migrate;
pub mod model;
pub mod own_content;
pub mod private;
pub mod progress;
pub mod register;
pub mod resolve;
pub mod store;
