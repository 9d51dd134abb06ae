//! Embeds every RON file in `content/` into the binary, so a fresh build
//! runs on the published frameworks with nothing installed.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=content");
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let content = Path::new(&manifest).join("content");
    let mut names: Vec<String> = fs::read_dir(&content)
        .expect("content/ folder exists")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        // Dot files are work in progress, never shipped.
        .filter(|name| name.ends_with(".ron") && !name.starts_with('.'))
        .collect();
    names.sort();
    let mut code =
        String::from("/// (file name, text) of every embedded content file, sorted by name.\n");
    code.push_str("pub const FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = content.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_content.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
