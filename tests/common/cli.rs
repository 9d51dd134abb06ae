//! The binary as the command-line tests run it: a throwaway home with its
//! data and config folders.

use assert_cmd::Command;
use std::path::Path;

/// `howgood` with `<home>/data` and `<home>/config`.
pub fn howgood(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("howgood").expect("binary");
    cmd.env("HOWGOOD_DATA_DIR", home.join("data"))
        .env("HOWGOOD_CONFIG_DIR", home.join("config"));
    cmd
}

/// What a successful run prints.
pub fn stdout(home: &Path, args: &[&str]) -> String {
    let out = howgood(home)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

/// What a successful run prints, as JSON.
pub fn json(home: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(home, args)).expect("json")
}

/// Run with `args`, writing to `out`; returns (the file's bytes, stderr).
pub fn export(home: &Path, args: &[&str], out: &Path) -> (Vec<u8>, String) {
    let output = howgood(home)
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{args:?}: {stderr}");
    (std::fs::read(out).expect("written"), stderr)
}
