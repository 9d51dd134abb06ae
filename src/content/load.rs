//! Parsing content files: RON text to model values, with errors placed at
//! file, line and column.

use super::crosswalk::Crosswalk;
use super::model::{CONTENT_FORMAT_VERSION, Framework};
use super::problem::{Problem, find_field};
use serde::de::DeserializeOwned;

/// RON options shared by every content file.
/// `implicit_some` lets files write `year: 2009` for `Some(2009)`.
fn options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Problem> {
    options().from_str(text).map_err(|e| {
        let start = e.span.start;
        Problem::new(file, (start.line, start.col), e.code.to_string())
    })
}

/// Parse one framework file and check its format version.
pub fn parse_framework(file: &str, text: &str) -> Result<Framework, Problem> {
    let framework: Framework = parse(file, text)?;
    if framework.version != CONTENT_FORMAT_VERSION {
        let at = version_position(text);
        return Err(Problem::new(
            file,
            at,
            format!(
                "framework '{}' has content format version {}; this howgood reads version {}",
                framework.id, framework.version, CONTENT_FORMAT_VERSION
            ),
        ));
    }
    Ok(framework)
}

/// Parse the crosswalk file and check its format version.
pub fn parse_crosswalk(file: &str, text: &str) -> Result<Crosswalk, Problem> {
    let crosswalk: Crosswalk = parse(file, text)?;
    if crosswalk.version != CONTENT_FORMAT_VERSION {
        return Err(Problem::new(
            file,
            version_position(text),
            format!(
                "crosswalk has content format version {}; this howgood reads version {}",
                crosswalk.version, CONTENT_FORMAT_VERSION
            ),
        ));
    }
    Ok(crosswalk)
}

fn version_position(text: &str) -> (usize, usize) {
    text.find("version")
        .map_or((1, 1), |at| super::problem::line_col(text, at))
}

/// Serialise a framework the way the shipped content files are written.
pub fn to_ron<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_owned())
        .struct_names(false);
    options().to_string_pretty(value, config)
}

/// Where an id field with this value stands, for problems found after parsing.
pub fn locate(file: &str, text: &str, key: &str, value: &str, nth: usize) -> Problem {
    let at = find_field(text, key, value, nth).unwrap_or((0, 0));
    Problem::new(file, at, String::new())
}
