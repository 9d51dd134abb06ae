//! Rewording the Module 3 questions for who is asking: the LSCB framework
//! says they "can be framed in terms of 'you/your' or 'we/us/our' depending
//! on who or which body is asking the question". A board asks a partner
//! "you"; a team asks itself "we".

use crate::session::model::Framing;

/// Words after which "you" is an object ("us"), not a subject ("we").
const OBJECT_BEFORE: &[&str] = &[
    "to", "with", "for", "by", "about", "from", "of", "at", "on", "in", "into", "towards", "than",
    "like", "before", "after", "around", "between", "among", "against", "without", "through",
    "tell", "tells", "told", "telling", "give", "gives", "gave", "help", "helps", "helped", "show",
    "shows", "ask", "asks", "asked", "support", "supports", "let", "lets", "make", "makes", "made",
    "enable", "enables", "equip", "equips", "contact", "contacts", "inform", "informs", "treat",
    "treats",
];

/// Keep the first letter's case of the word replaced.
fn matching_case(original: &str, replacement: &str) -> String {
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        replacement.to_owned()
    }
}

/// The replacement for one word, given the word before it (lower case).
fn reword(word: &str, previous: Option<&str>, framing: Framing) -> Option<String> {
    let lower = word.to_lowercase();
    let replacement = match framing {
        Framing::AsWritten => return None,
        Framing::You => match lower.as_str() {
            "we" | "us" => "you",
            "our" => "your",
            "ours" => "yours",
            "ourselves" => "yourselves",
            "we're" => "you're",
            "we've" => "you've",
            "we'll" => "you'll",
            "we'd" => "you'd",
            _ => return None,
        },
        Framing::We => match lower.as_str() {
            "you" if previous.is_some_and(|p| OBJECT_BEFORE.contains(&p)) => "us",
            "you" => "we",
            "your" => "our",
            "yours" => "ours",
            "yourself" | "yourselves" => "ourselves",
            "you're" => "we're",
            "you've" => "we've",
            "you'll" => "we'll",
            "you'd" => "we'd",
            _ => return None,
        },
    };
    // "US" in capitals is a country, not a pronoun.
    if word.len() > 1 && word.chars().all(|c| c.is_uppercase() || c == '\'') {
        return None;
    }
    Some(matching_case(word, replacement))
}

/// The question worded for `framing`. Everything but the pronouns is left
/// exactly as the publisher wrote it.
pub fn reframe(text: &str, framing: Framing) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous: Option<String> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphabetic() {
            out.push(c);
            // Punctuation ends a phrase: "with you, we" is two phrases.
            if !c.is_whitespace() {
                previous = None;
            }
            continue;
        }
        // A word: letters, with an inner apostrophe ("we're", "don't").
        let mut end = start + c.len_utf8();
        while let Some(&(at, next)) = chars.peek() {
            let inner_apostrophe = (next == '\'' || next == '’')
                && text[at + next.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            if next.is_alphabetic() || inner_apostrophe {
                end = at + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let word = &text[start..end];
        let normalised = word.replace('’', "'");
        match reword(&normalised, previous.as_deref(), framing) {
            Some(replacement) => out.push_str(&replacement),
            None => out.push_str(word),
        }
        previous = Some(normalised.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_written_changes_nothing() {
        let text = "What kind of organisational culture do we want?";
        assert_eq!(reframe(text, Framing::AsWritten), text);
    }

    #[test]
    fn capitals_and_word_boundaries_are_respected() {
        assert_eq!(
            reframe("Do we? Usually our US partners trust us.", Framing::You),
            "Do you? Usually your US partners trust you."
        );
        assert_eq!(
            reframe("Your team, and yours.", Framing::We),
            "Our team, and ours."
        );
        assert_eq!(
            reframe("Young people tell you", Framing::We),
            "Young people tell us"
        );
    }
}
