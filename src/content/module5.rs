//! Addresses for Module 5's example measures, which the document does not
//! number. An id is derived from the measure's content area and its printed
//! words (`m5-` and seven base32 characters): the same words always give the
//! same id, whatever is added or reordered around them, and nothing is
//! written into the publisher's text. (Issue 13 may give these items ids
//! and a `damaged_in_source` flag in the content file; then those win.)

use super::library::Library;
use super::model::Measure;
use std::collections::HashMap;

/// The framework that holds Module 5.
pub const FRAMEWORK: &str = "lscb-qaf";

/// Crockford's base32 in lower case, as stable ids use.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// FNV-1a: fixed by its definition, so ids do not move with Rust versions.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The measure's id, e.g. `m5-3kx9v2a`. The document prints a few
/// measures twice in one area: a repeat (`occurrence` 1 and up) has the
/// count in its key.
fn id(measure: &Measure, occurrence: usize) -> String {
    let mut key = format!("{}\n{}", measure.area, measure.text);
    if occurrence > 0 {
        key.push_str(&format!("\n{occurrence}"));
    }
    let bits = fnv1a(&key);
    let code: String = (0..7)
        .map(|i| ALPHABET[((bits >> (5 * i)) & 31) as usize] as char)
        .collect();
    format!("m5-{code}")
}

/// Module 5's measures with their ids, in document order.
pub fn measures(library: &Library) -> Vec<(String, &Measure)> {
    library
        .framework(FRAMEWORK)
        .and_then(|f| f.content.as_ref())
        .map(|c| {
            let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
            c.measures
                .iter()
                .map(|m| {
                    let count = seen.entry((&m.area, &m.text)).or_default();
                    let found = (id(m, *count), m);
                    *count += 1;
                    found
                })
                .collect()
        })
        .unwrap_or_default()
}

pub fn find<'a>(library: &'a Library, wanted: &str) -> Option<&'a Measure> {
    measures(library)
        .into_iter()
        .find(|(id, _)| id == wanted)
        .map(|(_, m)| m)
}

/// Whether the printed words are visibly broken in the source: a fragment
/// starting in lower case (the tail of a line split from its measure), a
/// heading ending in a colon with nothing listed under it, or a sentence
/// cut off without its full stop. Such a measure is kept as printed but is
/// not tracked until someone completes its title.
pub fn looks_damaged(measure: &Measure) -> bool {
    let text = measure.text.trim();
    let starts_lower = text.chars().next().is_some_and(char::is_lowercase);
    let empty_heading = text.ends_with(':') && measure.items.is_empty();
    let unfinished = !text.ends_with(['.', ':', '?', ')']);
    starts_lower || empty_heading || unfinished
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::library::embedded_files;
    use std::collections::HashSet;

    fn library() -> Library {
        Library::assemble(embedded_files(), Vec::new())
    }

    #[test]
    fn every_module5_measure_has_a_distinct_id() {
        let library = library();
        let all = measures(&library);
        let listed = library
            .framework(FRAMEWORK)
            .and_then(|f| f.content.as_ref())
            .map_or(0, |c| c.measures.len());
        assert!(all.len() > 200 && all.len() == listed, "{}", all.len());
        let ids: HashSet<&str> = all.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids.len(), all.len());
        let (id, measure) = &all[0];
        assert_eq!(find(&library, id), Some(*measure));
    }

    #[test]
    fn damaged_measures_are_recognised_and_whole_ones_are_not() {
        let library = library();
        let damaged: Vec<&str> = measures(&library)
            .into_iter()
            .filter(|(_, m)| looks_damaged(m))
            .map(|(_, m)| m.text.as_str())
            .collect();
        assert!(
            damaged
                .contains(&"where, at point of closure, DV had ceased to be a cause of concern.")
        );
        assert!(damaged.contains(&"Number of Whole Time Equivalent (WTE) posts:"));
        assert!(!damaged.contains(
            &"% of children subject to CP plan who had previously been subject to a CP plan."
        ));
        assert!(damaged.len() <= 10, "{damaged:#?}");
    }
}
