//! Session ids: the date, a slug of the title and a random suffix, e.g.
//! `2026-11-24-neglect-workshop-3fa2`. Readable in a file list, unique.
//!
//! Stable ids of things inside a session (priorities, milestones, evidence):
//! eight base32 characters, e.g. `k3j9x2ab`, from an [`IdSource`] that the
//! edge seeds randomly and tests seed with a fixed number, so `update`
//! stays pure. Files written before format version 3 get theirs derived from
//! the session id and the place the thing had when migrated (see
//! [`derive_missing`]): the same file reads with the same ids every time
//! until it is saved, and from then on they are simply stored.

use super::model::{Session, StableId};
use jiff::Timestamp;
use std::collections::HashSet;
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

/// Crockford's base32 alphabet in lower case: no i, l, o or u to misread.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// Length of a stable id: 40 bits.
pub const STABLE_ID_LEN: usize = 8;

fn encode_id(bits: u64) -> StableId {
    (0..STABLE_ID_LEN)
        .map(|i| ALPHABET[((bits >> (5 * i)) & 31) as usize] as char)
        .collect()
}

/// Whether a string has the shape of a stable id.
pub fn is_stable_id(id: &str) -> bool {
    id.len() == STABLE_ID_LEN && id.bytes().all(|b| ALPHABET.contains(&b))
}

/// SplitMix64's output function: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Where stable ids come from: a SplitMix64 sequence. The edge seeds it
/// from the operating system ([`IdSource::random`]); tests seed it with a
/// number, so the same test always gives the same ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdSource {
    state: u64,
}

impl IdSource {
    pub fn seeded(seed: u64) -> Self {
        IdSource { state: seed }
    }

    /// Seeded from the operating system: for the edge only.
    pub fn random() -> Self {
        IdSource::seeded(random_u64())
    }

    pub fn next_id(&mut self) -> StableId {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        encode_id(mix(self.state))
    }

    /// The next 16-bit suffix for a session id (see [`session_id`]).
    pub fn next_suffix(&mut self) -> u16 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        (mix(self.state) & 0xffff) as u16
    }
}

/// FNV-1a: a hash fixed by its definition, so derived ids do not change
/// with the Rust version (the standard hasher may).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Visit every stable id slot of a session with a name for its place
/// (`p0`, `p0.m1`, `i2.e0`).
fn for_each_slot(session: &mut Session, mut visit: impl FnMut(&str, &mut StableId)) {
    for (p, priority) in session.priorities.iter_mut().enumerate() {
        visit(&format!("p{p}"), &mut priority.id);
        for (m, milestone) in priority.milestones.iter_mut().enumerate() {
            visit(&format!("p{p}.m{m}"), &mut milestone.id);
        }
    }
    for (i, item) in session.items.iter_mut().enumerate() {
        for (e, evidence) in item.evidence.iter_mut().enumerate() {
            visit(&format!("i{i}.e{e}"), &mut evidence.id);
        }
    }
    if let Some(record) = session.supervision.as_mut() {
        for (c, case) in record.cases.iter_mut().enumerate() {
            visit(&format!("c{c}"), &mut case.id);
        }
    }
}

/// Whether anything in the session has this stable id.
pub fn contains_id(session: &Session, id: &str) -> bool {
    session
        .priorities
        .iter()
        .any(|p| p.id == id || p.milestones.iter().any(|m| m.id == id))
        || session
            .items
            .iter()
            .any(|i| i.evidence.iter().any(|e| e.id == id))
        || session
            .supervision
            .as_ref()
            .is_some_and(|s| s.cases.iter().any(|c| c.id == id))
}

fn used_ids(session: &mut Session) -> HashSet<StableId> {
    let mut used = HashSet::new();
    for_each_slot(session, |_, id| {
        if !id.is_empty() {
            used.insert(id.clone());
        }
    });
    used
}

/// Give every thing without an id one from `source`, unique in the
/// session. Things that have an id keep it. Returns how many were given.
pub fn fill_missing(session: &mut Session, source: &mut IdSource) -> usize {
    let mut used = used_ids(session);
    let mut given = 0;
    for_each_slot(session, |_, id| {
        if id.is_empty() {
            let mut fresh = source.next_id();
            while used.contains(&fresh) {
                fresh = source.next_id();
            }
            used.insert(fresh.clone());
            *id = fresh;
            given += 1;
        }
    });
    given
}

/// Give every thing without an id one derived from the session id and its
/// place now: for files from before version 3 (and hand-written ones),
/// so that reading the same file twice gives the same ids. Once saved, the
/// ids are stored and no longer follow the place.
pub fn derive_missing(session: &mut Session) -> usize {
    let mut used = used_ids(session);
    let session_id = session.id.clone();
    let mut given = 0;
    for_each_slot(session, |place, id| {
        if id.is_empty() {
            let mut salt = 0u32;
            let mut fresh = encode_id(mix(fnv1a(&format!("{session_id}\0{place}"))));
            while used.contains(&fresh) {
                salt += 1;
                fresh = encode_id(mix(fnv1a(&format!("{session_id}\0{place}\0{salt}"))));
            }
            used.insert(fresh.clone());
            *id = fresh;
            given += 1;
        }
    });
    given
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
    fn stable_ids_are_short_distinct_and_repeatable_from_a_seed() {
        let mut a = IdSource::seeded(7);
        let mut b = IdSource::seeded(7);
        let first: Vec<_> = (0..1000).map(|_| a.next_id()).collect();
        let again: Vec<_> = (0..1000).map(|_| b.next_id()).collect();
        assert_eq!(first, again);
        assert!(first.iter().all(|id| is_stable_id(id)), "{first:?}");
        let distinct: HashSet<_> = first.iter().collect();
        assert_eq!(distinct.len(), first.len());
        assert_ne!(IdSource::seeded(8).next_id(), first[0]);
    }

    #[test]
    fn derived_ids_depend_on_the_session_and_place_only() {
        use crate::session::model::{Priority, ScaleChoice, SessionKind};
        let now: Timestamp = "2026-11-24T09:30:00Z".parse().expect("timestamp");
        let mut s = Session::new(
            "s1".into(),
            SessionKind::Workshop,
            "t".into(),
            "f".into(),
            ScaleChoice::Framework,
            now,
        );
        s.priorities = vec![Priority::new(String::new()), Priority::new(String::new())];
        let mut t = s.clone();
        assert_eq!(derive_missing(&mut s), 2);
        assert_eq!(derive_missing(&mut t), 2);
        assert_eq!(s, t);
        assert_ne!(s.priorities[0].id, s.priorities[1].id);
        // Known values: a change here would change every migrated id.
        assert_eq!(s.priorities[0].id, "r84qv5jm");
        assert_eq!(derive_missing(&mut s), 0, "ids once given stay");
        let mut fresh = IdSource::seeded(1);
        assert_eq!(fill_missing(&mut t, &mut fresh), 0);
    }

    #[test]
    fn slugs_stop_at_a_word_boundary() {
        assert_eq!(slug("one two three", 7), "one-two");
        assert_eq!(slug("  --  ", 10), "");
    }
}
