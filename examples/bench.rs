//! The benchmarks of benches/run.sh: what users wait for, each measured
//! against a baseline in the same run (interleaved, medians), printed as a
//! Markdown report. Needs only what a Linux machine has: `script` (util-linux)
//! for a pseudo-terminal and `grep`.
//!
//! cargo run --release --example bench -- WORK_DIR RUNS SIZE...

use howgood::app::App;
use howgood::app::action::Action;
use howgood::commands::content::load_library;
use howgood::session::store::SessionStore;
use howgood::tui::runtime::Runtime;
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::widgets::Paragraph;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One timed run of a child process: wall time and peak resident set
/// (of the child and anything it waited for, from `wait4`).
fn run_once(argv: &[String], env: &[(&str, &str)]) -> (Duration, u64) {
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let child = cmd.spawn().unwrap_or_else(|e| panic!("{}: {e}", argv[0]));
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting for our own child with valid pointers.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert!(pid > 0, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) <= 1,
        "{argv:?} failed with status {status}"
    );
    (elapsed, usage.ru_maxrss as u64)
}

/// A command run in a pseudo-terminal of this size (via `script`).
fn in_pty(size: (u16, u16), command: &str) -> Vec<String> {
    vec![
        "script".into(),
        "-qec".into(),
        format!("stty cols {} rows {}; exec {command}", size.0, size.1),
        "/dev/null".into(),
    ]
}

fn sh(command: &str) -> Vec<String> {
    vec!["sh".into(), "-c".into(), command.into()]
}

struct Measured {
    median_ms: f64,
    max_rss_mib: f64,
}

/// Run the commands interleaved `runs` times (after one warm-up each).
fn compare(runs: usize, commands: &[(Vec<String>, Vec<(&str, &str)>)]) -> Vec<Measured> {
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); commands.len()];
    let mut rss = vec![0u64; commands.len()];
    for round in 0..=runs {
        for (n, (argv, env)) in commands.iter().enumerate() {
            let (elapsed, max_rss) = run_once(argv, env);
            if round > 0 {
                times[n].push(elapsed.as_secs_f64() * 1000.0);
                rss[n] = rss[n].max(max_rss);
            }
        }
    }
    times
        .into_iter()
        .zip(rss)
        .map(|(mut t, rss)| {
            t.sort_by(f64::total_cmp);
            Measured {
                median_ms: t[t.len() / 2],
                max_rss_mib: rss as f64 / 1024.0,
            }
        })
        .collect()
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// In-process: the home screen's data load, and one `j` press (update and
/// draw), against drawing one paragraph on the same test backend.
fn key_press(data: &Path, size: (u16, u16)) -> (f64, f64, f64) {
    let (store, _) = SessionStore::open(data.join("sessions")).expect("store");
    let app = App::new(load_library(&[]), Timestamp::now(), size);
    let mut runtime = Runtime::new(
        app,
        store,
        data.join("exports"),
        data.join("settings.ron"),
    );
    let start = Instant::now();
    runtime.start(None);
    let load_ms = start.elapsed().as_secs_f64() * 1000.0;
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("backend");
    terminal
        .draw(|f| howgood::ui::render(f, &runtime.app))
        .expect("draw");
    let mut presses = Vec::new();
    for n in 0..200 {
        let code = if n % 50 < 25 {
            KeyCode::Char('j')
        } else {
            KeyCode::Char('k')
        };
        let start = Instant::now();
        runtime.dispatch(Action::Key(KeyEvent::from(code)));
        terminal
            .draw(|f| howgood::ui::render(f, &runtime.app))
            .expect("draw");
        presses.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let mut bare = Terminal::new(TestBackend::new(size.0, size.1)).expect("backend");
    let mut baseline = Vec::new();
    for n in 0..200 {
        let start = Instant::now();
        bare.draw(|f| f.render_widget(Paragraph::new(format!("paragraph {n}")), f.area()))
            .expect("draw");
        baseline.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    (load_ms, median(presses), median(baseline))
}

fn ratio(a: f64, b: f64) -> String {
    format!("{:.2}×", a / b)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (work, runs, sizes) = match args.as_slice() {
        [work, runs, sizes @ ..] if !sizes.is_empty() => (
            PathBuf::from(work),
            runs.parse::<usize>().expect("RUNS is a number"),
            sizes
                .iter()
                .map(|s| s.parse::<usize>().expect("SIZE is a number"))
                .collect::<Vec<_>>(),
        ),
        _ => {
            eprintln!("usage: bench WORK_DIR RUNS SIZE...");
            std::process::exit(2);
        }
    };
    let exe = std::env::current_exe().expect("exe");
    let bin_dir = exe.parent().and_then(Path::parent).expect("target dir");
    let howgood = bin_dir.join("howgood").display().to_string();
    let bare = bin_dir.join("examples/bare").display().to_string();
    let gen_sessions = bin_dir.join("examples/gen_sessions").display().to_string();
    let first = [("HOWGOOD_BENCH_FIRST_FRAME", "1")];

    println!("## Start to first frame (empty data folder), {runs} interleaved runs, medians\n");
    println!("| terminal | bare ratatui app | howgood | ratio (target ≤ 1.5×) |");
    println!("| --- | --- | --- | --- |");
    let empty = work.join("empty");
    for size in [(120u16, 40u16), (240, 67)] {
        let home = format!("{howgood} --data-dir {}", empty.display());
        let m = compare(
            runs,
            &[
                (in_pty(size, &bare), first.to_vec()),
                (in_pty(size, &home), first.to_vec()),
            ],
        );
        println!(
            "| {}×{} | {:.1} ms | {:.1} ms | {} |",
            size.0,
            size.1,
            m[0].median_ms,
            m[1].median_ms,
            ratio(m[1].median_ms, m[0].median_ms)
        );
    }

    for &n in &sizes {
        let data = work.join(format!("data-{n}"));
        if !data.join("sessions").exists() {
            eprintln!("generating {n} sessions");
            run_once(
                &[
                    gen_sessions.clone(),
                    data.display().to_string(),
                    n.to_string(),
                ],
                &[],
            );
        }
        let dir = data.join("sessions").display().to_string();
        let with_data = format!("{howgood} --data-dir {}", data.display());
        eprintln!("reindexing {n} sessions");
        let (reindex, reindex_rss) = run_once(&sh(&format!("{with_data} sessions reindex")), &[]);
        println!("\n## {n} sessions (two thirds daily reviews; each with a v1 backup)\n");
        println!(
            "Reindex from scratch: {:.2} s ({:.1} µs per session), peak {:.1} MiB.\n",
            reindex.as_secs_f64(),
            reindex.as_secs_f64() * 1e6 / n as f64,
            reindex_rss as f64 / 1024.0
        );
        println!("| what | baseline | howgood | ratio | peak memory | target |");
        println!("| --- | --- | --- | --- | --- | --- |");
        let m = compare(
            runs,
            &[
                (in_pty((120, 40), &bare), first.to_vec()),
                (in_pty((120, 40), &with_data), first.to_vec()),
            ],
        );
        println!(
            "| home screen, start to first frame (120×40, index current) | bare app {:.1} ms | {:.1} ms | {} | {:.1} MiB | ≤ 100 ms at 100k |",
            m[0].median_ms,
            m[1].median_ms,
            ratio(m[1].median_ms, m[0].median_ms),
            m[1].max_rss_mib
        );
        let m = compare(
            runs,
            &[
                (sh(&format!("grep -r -m1 title {dir}")), Vec::new()),
                (sh(&format!("{with_data} sessions list")), Vec::new()),
            ],
        );
        println!(
            "| `sessions list` | `grep -r -m1 title` {:.1} ms | {:.1} ms | {} | {:.1} MiB | ≤ 1.0× grep |",
            m[0].median_ms,
            m[1].median_ms,
            ratio(m[1].median_ms, m[0].median_ms),
            m[1].max_rss_mib
        );
        for word in ["chronology", "neglect"] {
            let m = compare(
                runs,
                &[
                    (sh(&format!("grep -r -l -m1 {word} {dir}")), Vec::new()),
                    (
                        sh(&format!("{with_data} search {word} --limit 20")),
                        Vec::new(),
                    ),
                ],
            );
            println!(
                "| `search {word}` (20 best of all sessions) | `grep -r -l -m1 {word}` {:.1} ms | {:.1} ms | {} | {:.1} MiB | ≤ 50 ms |",
                m[0].median_ms,
                m[1].median_ms,
                ratio(m[1].median_ms, m[0].median_ms),
                m[1].max_rss_mib
            );
        }
        let (load, press, paragraph) = key_press(&data, (120, 40));
        println!(
            "| one `j`/`k` on the home screen: update and draw (in process, 120×40) | one paragraph drawn {:.3} ms | {:.3} ms | {} | | ≤ 5 ms |",
            paragraph,
            press,
            ratio(press, paragraph)
        );
        println!("| home data from the index (in process, index current) | | {load:.1} ms | | | |");
    }
}
