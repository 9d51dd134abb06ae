//! Any bytes given to the measures register loader: an error or a
//! register, never a panic; and any register it accepts that is sound
//! re-encodes and reads back the same.
#![no_main]

use howgood::measures::file::{decode, encode};
use howgood::measures::model::MEASURES_FORMAT_VERSION;
use howgood::measures::validate::register_problems;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = decode(bytes)
        && decoded.unknown_fields.is_empty()
        && decoded.file_version == MEASURES_FORMAT_VERSION
        && register_problems(&decoded.register).is_empty()
    {
        let text = encode(&decoded.register).expect("an accepted register re-encodes");
        let again = decode(text.as_bytes()).expect("and reads back");
        assert_eq!(again.register, decoded.register);
    }
});
