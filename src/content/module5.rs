//! Addresses for Module 5's example measures, which the document does not
//! number. An id is derived from the measure's content area and its printed
//! words (`m5-` and seven base32 characters): the same words always give the
//! same id, whatever is added or reordered around them, and nothing is
//! written into the publisher's text. Measures broken in the document
//! itself carry `damaged_in_source` in the content file.

use super::library::Library;
use super::model::Measure;
use std::collections::HashMap;

/// The framework that holds Module 5.
pub const FRAMEWORK: &str = "lscb-qaf";

/// The mark beside a measure broken in the source, worded once for the
/// screens (`app::text`) and the plain-text reader alike.
pub const DAMAGED_MARK: &str = "⚠ broken in the source";

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

/// What is broken in the source document about this measure's printed
/// words, as the content file records it; `None` for a whole measure. Such a
/// measure is shown as printed, marked, and is not tracked until someone
/// completes its wording.
pub fn damaged_in_source(measure: &Measure) -> Option<&str> {
    measure.damaged_in_source.as_deref()
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
    fn the_seven_measures_broken_in_the_source_are_flagged_with_a_note() {
        let library = library();
        let damaged: Vec<(&str, &str)> = measures(&library)
            .into_iter()
            .filter_map(|(_, m)| damaged_in_source(m).map(|note| (m.text.as_str(), note)))
            .collect();
        assert_eq!(damaged.len(), 7, "{damaged:#?}");
        let texts: Vec<&str> = damaged.iter().map(|(t, _)| *t).collect();
        assert!(
            texts.contains(&"where, at point of closure, DV had ceased to be a cause of concern.")
        );
        assert!(texts.contains(&"Number of Whole Time Equivalent (WTE) posts:"));
        assert!(texts.contains(&"three years post-qualifying experience."));
        assert!(damaged.iter().all(|(_, note)| note.trim().len() > 20));
    }
}
