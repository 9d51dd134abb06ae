//! Session ids: the date, a slug of the title and a random suffix, e.g.
//! `2026-11-24-neglect-workshop-3fa2`. Readable in a file list, unique.

use jiff::Timestamp;
use std::hash::{BuildHasher, Hasher};

/// A random number from the standard library's OS-seeded hasher keys.
pub fn random_u64() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.finish()
}

/// Lower-case ASCII letters and digits of `title`, hyphen-separated, at most
/// `max` characters. Titles in other scripts give an empty slug.
pub fn slug(title: &str, max: usize) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        let extra = if out.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if out.len() + extra > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    out
}

/// A new id with a random suffix (the command line's; the app draws its
/// suffixes from its own [`IdSource`] so that `update` stays pure).
pub fn new_session_id(title: &str, now: Timestamp) -> String {
    session_id(title, now, (random_u64() & 0xffff) as u16)
}

/// The id for a title, a moment and a suffix.
pub fn session_id(title: &str, now: Timestamp, suffix: u16) -> String {
    let date = jiff::tz::TimeZone::UTC.to_datetime(now).date();
    let slug = slug(title, 32);
    let suffix = format!("{suffix:04x}");
    if slug.is_empty() {
        format!("{date}-{suffix}")
    } else {
        format!("{date}-{slug}-{suffix}")
    }
}

/// Whether a string can be a session id (and so a file name).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_well_and_are_unique() {
        let now: Timestamp = "2026-11-24T09:30:00Z".parse().expect("timestamp");
        let a = new_session_id("Neglect workshop: Police & Health!", now);
        let b = new_session_id("Neglect workshop: Police & Health!", now);
        assert!(
            a.starts_with("2026-11-24-neglect-workshop-police-health-"),
            "{a}"
        );
        assert_ne!(a, b);
        assert!(is_valid_id(&a));
        assert!(new_session_id("日本語", now).starts_with("2026-11-24-"));
        assert!(!is_valid_id("../etc/passwd"));
        assert!(!is_valid_id(".hidden"));
    }

    #[test]
    fn slugs_stop_at_a_word_boundary() {
        assert_eq!(slug("one two three", 7), "one-two");
        assert_eq!(slug("  --  ", 10), "");
    }
}

/// Where the app's new id suffixes come from: a splitmix64 sequence, seeded
/// at the edge from the OS (tests seed it themselves), so that `update`
/// draws ids without touching randomness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdSource {
    state: u64,
}

impl IdSource {
    pub fn seeded(seed: u64) -> IdSource {
        IdSource { state: seed }
    }

    /// The next 16-bit suffix.
    pub fn next_suffix(&mut self) -> u16 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) & 0xffff) as u16
    }
}
