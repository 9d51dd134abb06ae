//! Any text given to the content loader and validator: problems with a
//! place, or a framework, never a panic.
#![no_main]

use howgood::content::library::{ContentFile, Library, Origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let user = ContentFile {
        label: "fuzz.ron".to_owned(),
        text: text.to_owned(),
        origin: Origin::User("fuzz.ron".into()),
    };
    let crosswalk = ContentFile {
        label: "fuzz-crosswalk.ron".to_owned(),
        text: text.to_owned(),
        origin: Origin::User("fuzz-crosswalk.ron".into()),
    };
    let library = Library::assemble(Vec::new(), vec![user, crosswalk]);
    for problem in &library.problems {
        let _ = problem.to_string();
    }
});
