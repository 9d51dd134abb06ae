//! The layers point one way. Every file under src/ is read and each
//! `crate::X` path it names is checked against the table below: a module may
//! import from its own layer's lower neighbours only, and the siblings at the
//! top (tui, commands, export, sync) never reach into one another, except that
//! the terminal edge (tui) may call commands and export.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The height of each top-level module; a module may import only from
/// modules strictly lower, plus itself. Future modules are listed so that
/// they land in the right place.
fn rank(module: &str) -> Option<u8> {
    Some(match module {
        "paths" | "safe_io" => 0,
        "content" => 1,
        "session" | "measures" => 2,
        // Settings are kept with the session folder's atomic writes.
        "settings" | "index" => 3,
        "app" => 4,
        "ui" => 5,
        "tui" | "commands" | "export" | "sync" | "cli" => 6,
        _ => return None,
    })
}

/// Sideways imports allowed at the same height.
fn allowed_sideways(from: &str, to: &str) -> bool {
    matches!(
        (from, to),
        ("tui", "commands" | "export" | "cli")
            | ("commands", "export" | "cli" | "sync")
            // Measures are kept by the same durable-file rules, ids and
            // action model as sessions; session never imports measures.
            | ("measures", "session")
    )
}

/// The top-level modules a source text names as `crate::X`, including
/// `use crate::{X, Y}` groups.
fn imported_modules(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or_default();
                for part in inner.split(',') {
                    let name: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        found.insert(name);
                    }
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.insert(name);
                }
            }
            rest = after;
        }
    }
    found
}

/// Why `from` may not import `to`, or None when it may.
fn violation(from: &str, to: &str) -> Option<String> {
    if from == to {
        return None;
    }
    let (Some(a), Some(b)) = (rank(from), rank(to)) else {
        return Some(format!(
            "'{from}' or '{to}' has no layer in tests/layers.rs; give it one"
        ));
    };
    if to == "ui" && from != "tui" {
        // Drawing is for the terminal edge only: commands, export and sync
        // sit beside ui, not above it.
        return Some(format!("{from} imports ui, which only tui may draw with"));
    }
    if b < a || (a == b && allowed_sideways(from, to)) {
        None
    } else {
        Some(format!("{from} imports {to}, which is not below it"))
    }
}

/// Every problem in one source file whose top-level module is `module`.
fn check(module: &str, text: &str) -> Vec<String> {
    imported_modules(text)
        .iter()
        .filter_map(|to| violation(module, to))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under src/ belongs to.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    match first.strip_suffix(".rs") {
        Some("lib" | "main") => None,
        Some(name) => Some(name.to_owned()),
        None => Some(first.to_owned()),
    }
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 40, "expected the whole source tree");
    let mut problems = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read file");
        for problem in check(&module, &text) {
            problems.push(format!("{}: {problem}", file.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_catches_planted_violations() {
    assert_eq!(
        check("app", "use crate::ui::walk::row_height;"),
        ["app imports ui, which only tui may draw with"]
    );
    assert_eq!(
        check("session", "let x = crate::app::framing::reframe(q, f);"),
        ["session imports app, which is not below it"]
    );
    assert_eq!(
        check("content", "use crate::{paths, session::model::Session};"),
        ["content imports session, which is not below it"]
    );
    assert_eq!(
        check("commands", "crate::tui::runtime::resolve(&store, q)"),
        ["commands imports tui, which is not below it"]
    );
    assert_eq!(
        check("export", "use crate::commands::sessions::open_store;"),
        ["export imports commands, which is not below it"]
    );
    assert_eq!(
        check("sync", "use crate::ui::walk;"),
        ["sync imports ui, which only tui may draw with"]
    );
    assert!(check("app", "// crate::ui::walk is drawn elsewhere").is_empty());
    assert!(check("tui", "use crate::{app::App, commands, export};").is_empty());
    assert!(check("ui", "use crate::app::view;").is_empty());
    assert!(check("index", "use crate::session::store::SessionStore;").is_empty());
    assert_eq!(
        check("app", "use crate::index::Index;"),
        Vec::<String>::new()
    );
    assert_eq!(check("app", "use crate::newthing::X;").len(), 1);
}

/// Files longer than this say at their top why they are long.
const LONG_FILE: usize = 500;

/// What a long file lacks: its top comment (the `//!` lines it opens with)
/// has no sentence beginning "Long because".
fn unexplained_length(text: &str) -> Option<String> {
    let lines = text.lines().count();
    if lines <= LONG_FILE {
        return None;
    }
    let explained = text
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .any(|l| l.contains("Long because"));
    (!explained).then(|| format!("{lines} lines and no \"Long because\" in its top comment"))
}

#[test]
fn every_long_source_file_says_at_its_top_why_it_is_long() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let problems: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let text = std::fs::read_to_string(file).expect("read file");
            unexplained_length(&text).map(|why| format!("{}: {why}", file.display()))
        })
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_length_check_catches_a_long_file_without_its_reason() {
    let body = "fn f() {}\n".repeat(LONG_FILE);
    let bare = format!("//! A module.\n{body}");
    assert!(unexplained_length(&bare).is_some());
    // The reason must be in the top comment, not further down.
    let buried = format!("//! A module.\n{body}//! Long because of f.\n");
    assert!(unexplained_length(&buried).is_some());
    let explained = format!("//! A module.\n//!\n//! Long because of f.\n{body}");
    assert_eq!(unexplained_length(&explained), None);
    assert_eq!(unexplained_length("//! Short.\nfn f() {}\n"), None);
}
