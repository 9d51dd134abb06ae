//! Any bytes given to the session loader: an error or a session, never a
//! panic; and any session it accepts re-encodes and reads back the same.
#![no_main]

use howgood::session::codec::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = decode(bytes)
        && decoded.unknown_fields.is_empty()
        && decoded.file_version == howgood::session::model::SESSION_FORMAT_VERSION
    {
        let text = encode(&decoded.session).expect("an accepted session re-encodes");
        let again = decode(text.as_bytes()).expect("and reads back");
        assert_eq!(again.session, decoded.session);
    }
});
