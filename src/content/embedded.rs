//! The content files compiled into the binary (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/embedded_content.rs"));

/// The file name of the crosswalk among the embedded files.
pub const CROSSWALK_FILE: &str = "crosswalk.ron";

/// How problems in embedded files are labelled: their path in the repository.
pub fn label(name: &str) -> String {
    format!("content/{name}")
}
