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

/// How a child is run: plain (output discarded), or on a fresh
/// pseudo-terminal of this size, as its controlling terminal.
#[derive(Clone, Copy)]
enum Tty {
    None,
    Pty(u16, u16),
}

/// A pseudo-terminal pair: (master, slave).
fn open_pty(cols: u16, rows: u16) -> (std::fs::File, std::fs::File) {
    use std::os::fd::FromRawFd;
    let mut master = 0;
    let mut slave = 0;
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty fills in two descriptors we then own.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both descriptors were just opened and are owned here only.
    unsafe {
        (
            std::fs::File::from_raw_fd(master),
            std::fs::File::from_raw_fd(slave),
        )
    }
}

/// One timed run of a child process: wall time, peak resident set and CPU
/// time, user and system (of the child and anything it waited for, from
/// `wait4`). On a machine shared with other work the wall time waits for
/// the CPU; the CPU time does not.
///
/// The child is started by a fresh copy of this program (`--measure`),
/// which times it and writes the figures to a file: Linux counts a child's
/// peak memory from the memory of the process it was forked from, so a
/// child forked from this (by then large) benchmark reported the
/// benchmark's own size.
fn run_once(argv: &[String], env: &[(&str, &str)], tty: Tty) -> (Duration, u64, f64) {
    use std::os::unix::process::CommandExt;
    let report = std::env::temp_dir().join(format!("howgood-bench-{}.txt", std::process::id()));
    let mut cmd = Command::new(std::env::current_exe().expect("exe"));
    cmd.arg("--measure").arg(&report).args(argv);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut reader = None;
    match tty {
        Tty::None => {
            cmd.stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
        }
        Tty::Pty(cols, rows) => {
            let (master, slave) = open_pty(cols, rows);
            cmd.stdin(slave.try_clone().expect("dup"))
                .stdout(slave.try_clone().expect("dup"))
                .stderr(slave);
            cmd.env("TERM", "xterm-256color");
            // SAFETY: only async-signal-safe calls between fork and exec.
            unsafe {
                cmd.pre_exec(|| {
                    libc::setsid();
                    libc::ioctl(0, libc::TIOCSCTTY, 0);
                    Ok(())
                });
            }
            // Drain what the child draws so it never blocks on a full pty.
            reader = Some(std::thread::spawn(move || {
                let mut master = master;
                let mut sink = Vec::new();
                let _ = std::io::Read::read_to_end(&mut master, &mut sink);
            }));
        }
    }
    let status = cmd.status().unwrap_or_else(|e| panic!("{}: {e}", argv[0]));
    drop(cmd);
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "{argv:?} failed with {status}"
    );
    if let Some(reader) = reader {
        let _ = reader.join();
    }
    let figures = std::fs::read_to_string(&report).expect("the measuring run's report");
    let _ = std::fs::remove_file(&report);
    let mut numbers = figures
        .split_whitespace()
        .map(|n| n.parse::<f64>().expect("a figure"));
    let mut next = || numbers.next().expect("three figures");
    let (nanos, rss_kib, cpu_ms) = (next(), next(), next());
    (Duration::from_nanos(nanos as u64), rss_kib as u64, cpu_ms)
}

/// CPU time (ms) a command on a terminal spends in 10 s of idling after a
/// 3 s settle (the home screen drawn, the folder compared): read from
/// `/proc/PID/stat` (user and system ticks), then the command is ended
/// with SIGTERM (howgood saves and leaves).
fn idle_cpu_ms(argv: &[String]) -> f64 {
    use std::os::unix::process::CommandExt;
    let (master, slave) = open_pty(120, 40);
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..])
        .stdin(slave.try_clone().expect("dup"))
        .stdout(slave.try_clone().expect("dup"))
        .stderr(slave)
        .env("TERM", "xterm-256color");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("{}: {e}", argv[0]));
    drop(cmd);
    let reader = std::thread::spawn(move || {
        let mut master = master;
        let mut sink = [0u8; 4096];
        while std::io::Read::read(&mut master, &mut sink).is_ok_and(|n| n > 0) {}
    });
    let ticks = |pid: u32| -> f64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
        // After the command name in parentheses: utime and stime are the
        // 12th and 13th fields.
        let after = &stat[stat.rfind(')').expect("comm") + 2..];
        let fields: Vec<&str> = after.split_whitespace().collect();
        fields[11].parse::<f64>().expect("utime") + fields[12].parse::<f64>().expect("stime")
    };
    // SAFETY: sysconf only reads a constant.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    std::thread::sleep(Duration::from_secs(3));
    let before = ticks(child.id());
    std::thread::sleep(Duration::from_secs(10));
    let after = ticks(child.id());
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let _ = child.wait();
    let _ = reader.join();
    (after - before) * 1000.0 / per_second
}

/// `bench --measure REPORT COMMAND...`: run COMMAND on this process's
/// terminal, then write its wall time (ns), peak memory (KiB) and CPU time
/// (ms) to REPORT; exit as it did.
fn measure(report: &Path, argv: &[String]) -> ! {
    let start = Instant::now();
    // Reaped below with wait4, which also gives its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(&argv[0])
        .args(&argv[1..])
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", argv[0]));
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting for our own child with valid pointers.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert!(pid > 0, "wait4 failed");
    let cpu = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    std::fs::write(
        report,
        format!(
            "{} {} {}",
            elapsed.as_nanos(),
            usage.ru_maxrss,
            cpu(usage.ru_utime) + cpu(usage.ru_stime)
        ),
    )
    .expect("report");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        101
    };
    std::process::exit(code)
}

fn words(command: &str) -> Vec<String> {
    command.split_whitespace().map(str::to_owned).collect()
}

fn sh(command: &str) -> Vec<String> {
    vec!["sh".into(), "-c".into(), command.into()]
}

struct Measured {
    median_ms: f64,
    max_rss_mib: f64,
    cpu_ms: f64,
}

/// Run the commands interleaved `runs` times (after one warm-up each).
type Run<'a> = (Vec<String>, Vec<(&'a str, &'a str)>, Tty);

fn compare(runs: usize, commands: &[Run<'_>]) -> Vec<Measured> {
    compare_prepared(runs, commands, &|_| {})
}

/// `compare`, with `prepare(n)` done before each run of the `n`th command
/// (untimed).
fn compare_prepared(runs: usize, commands: &[Run<'_>], prepare: &dyn Fn(usize)) -> Vec<Measured> {
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); commands.len()];
    let mut cpus: Vec<Vec<f64>> = vec![Vec::new(); commands.len()];
    let mut rss = vec![0u64; commands.len()];
    for round in 0..=runs {
        for (n, (argv, env, tty)) in commands.iter().enumerate() {
            prepare(n);
            let (elapsed, max_rss, cpu) = run_once(argv, env, *tty);
            if round > 0 {
                times[n].push(elapsed.as_secs_f64() * 1000.0);
                cpus[n].push(cpu);
                rss[n] = rss[n].max(max_rss);
            }
        }
    }
    times
        .into_iter()
        .zip(cpus)
        .zip(rss)
        .map(|((t, c), rss)| Measured {
            median_ms: median(t),
            max_rss_mib: rss as f64 / 1024.0,
            cpu_ms: median(c),
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
    let mut runtime = Runtime::new(app, store, data.join("exports"), data.join("settings.ron"));
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

/// Time one key (update, the effects it asks for, and the draw).
fn timed_key(runtime: &mut Runtime, terminal: &mut Terminal<TestBackend>, code: KeyCode) -> f64 {
    let start = Instant::now();
    runtime.dispatch(Action::Key(KeyEvent::from(code)));
    terminal
        .draw(|f| howgood::ui::render(f, &runtime.app))
        .expect("draw");
    start.elapsed().as_secs_f64() * 1000.0
}

/// In-process, as the terminal program runs (the index as it stands, the
/// folder compared in the background): the register's and the trends
/// grid's first frame after their key on the home screen, and keys there.
struct CycleTimes {
    register_first: f64,
    register_move: f64,
    register_filter: f64,
    register_item: f64,
    trends_first: f64,
    trends_move: f64,
    trends_page: f64,
    trends_framework: f64,
}

fn cycle_screens(data: &Path, size: (u16, u16), runs: usize) -> CycleTimes {
    let (store, _) = SessionStore::open(data.join("sessions")).expect("store");
    let app = App::new(load_library(&[]), Timestamp::now(), size);
    let mut runtime = Runtime::new(app, store, data.join("exports"), data.join("settings.ron"));
    runtime.background_reconcile = true;
    runtime.start(None);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("backend");
    terminal
        .draw(|f| howgood::ui::render(f, &runtime.app))
        .expect("draw");
    let mut firsts = (Vec::new(), Vec::new());
    let (mut moves, mut filters, mut grid_moves, mut frameworks) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut items, mut pages) = (Vec::new(), Vec::new());
    for _ in 0..runs.max(1) {
        firsts
            .0
            .push(timed_key(&mut runtime, &mut terminal, KeyCode::Char('r')));
        for n in 0..40 {
            let code = if n % 20 < 10 { 'j' } else { 'k' };
            moves.push(timed_key(&mut runtime, &mut terminal, KeyCode::Char(code)));
        }
        for _ in 0..8 {
            filters.push(timed_key(&mut runtime, &mut terminal, KeyCode::Char('o')));
        }
        timed_key(&mut runtime, &mut terminal, KeyCode::Char('x'));
        for _ in 0..8 {
            items.push(timed_key(&mut runtime, &mut terminal, KeyCode::Char('i')));
        }
        timed_key(&mut runtime, &mut terminal, KeyCode::Char('x'));
        firsts
            .1
            .push(timed_key(&mut runtime, &mut terminal, KeyCode::Char('t')));
        for n in 0..20 {
            let code = if n % 10 < 5 { 'j' } else { 'k' };
            grid_moves.push(timed_key(&mut runtime, &mut terminal, KeyCode::Char(code)));
        }
        for n in 0..8 {
            let code = if n % 4 < 2 {
                KeyCode::PageUp
            } else {
                KeyCode::PageDown
            };
            pages.push(timed_key(&mut runtime, &mut terminal, code));
        }
        for n in 0..4 {
            let code = if n % 2 == 0 {
                KeyCode::Right
            } else {
                KeyCode::Left
            };
            frameworks.push(timed_key(&mut runtime, &mut terminal, code));
        }
        timed_key(&mut runtime, &mut terminal, KeyCode::Esc);
    }
    CycleTimes {
        register_first: median(firsts.0),
        register_move: median(moves),
        register_filter: median(filters),
        register_item: median(items),
        trends_first: median(firsts.1),
        trends_move: median(grid_moves),
        trends_page: median(pages),
        trends_framework: median(frameworks),
    }
}

/// CPU time of the baseline and of howgood, and their ratio.
fn cpu(m: &[Measured]) -> String {
    format!(
        "{:.1} / {:.1} ms ({})",
        m[0].cpu_ms,
        m[1].cpu_ms,
        ratio(m[1].cpu_ms, m[0].cpu_ms)
    )
}

fn ratio(a: f64, b: f64) -> String {
    format!("{:.2}×", a / b)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, report, command @ ..] = args.as_slice()
        && flag == "--measure"
    {
        measure(Path::new(report), command);
    }
    let (work, runs, sizes) = match args.as_slice() {
        [work, runs, sizes @ ..] => (
            PathBuf::from(work),
            runs.parse::<usize>().expect("RUNS is a number"),
            sizes
                .iter()
                .map(|s| s.parse::<usize>().expect("SIZE is a number"))
                .collect::<Vec<_>>(),
        ),
        _ => {
            eprintln!("usage: bench WORK_DIR RUNS [SIZE...] (no size: start-up alone)");
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
    println!(
        "A start draws its first frame from the home screen the last run kept beside the index \
         (`index-home.json`) when nothing it was made from has changed, and opens the index after \
         the frame; the first start, and a start after anything changed, read the index first \
         (\"no kept home\": the copy removed before each run).\n"
    );
    println!(
        "| terminal | start | bare ratatui app | howgood | ratio (target ≤ 1.5×) | CPU time, bare / howgood (ratio) |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    let empty = work.join("empty");
    let forget_kept = |dir: &Path| {
        let kept = dir.join(howgood::tui::home_snapshot::FILE_NAME);
        move |n: usize| {
            if n == 1 {
                let _ = std::fs::remove_file(&kept);
            }
        }
    };
    for size in [(120u16, 40u16), (240, 67)] {
        let home = format!("{howgood} --data-dir {}", empty.display());
        let pair = [
            (words(&bare), first.to_vec(), Tty::Pty(size.0, size.1)),
            (words(&home), first.to_vec(), Tty::Pty(size.0, size.1)),
        ];
        for (start, m) in [
            ("home kept", compare(runs, &pair)),
            (
                "no kept home",
                compare_prepared(runs, &pair, &forget_kept(&empty)),
            ),
        ] {
            println!(
                "| {}×{} | {start} | {:.1} ms | {:.1} ms | {} | {} |",
                size.0,
                size.1,
                m[0].median_ms,
                m[1].median_ms,
                ratio(m[1].median_ms, m[0].median_ms),
                cpu(&m)
            );
        }
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
                Tty::None,
            );
        }
        let dir = data.join("sessions").display().to_string();
        let with_data = format!("{howgood} --data-dir {}", data.display());
        println!("\n## {n} sessions (two thirds daily reviews; each with a v1 backup)\n");
        // HOWGOOD_BENCH_REUSE_INDEX=1 re-runs the other figures on the
        // index a previous run built (a reindex of 100,000 takes minutes).
        let reuse = std::env::var_os("HOWGOOD_BENCH_REUSE_INDEX").is_some()
            && data.join("index.sqlite").exists();
        if reuse {
            println!("Reindex: not run (the index of an earlier run reused).\n");
        } else {
            eprintln!("reindexing {n} sessions");
            let (reindex, reindex_rss, _) = run_once(
                &sh(&format!("{with_data} sessions reindex")),
                &[],
                Tty::None,
            );
            println!(
                "Reindex from scratch: {:.2} s ({:.1} µs per session), peak {:.1} MiB.\n",
                reindex.as_secs_f64(),
                reindex.as_secs_f64() * 1e6 / n as f64,
                reindex_rss as f64 / 1024.0
            );
        }
        println!(
            "| what | baseline | howgood | ratio | CPU time, baseline / howgood (ratio) | peak memory | target |"
        );
        println!("| --- | --- | --- | --- | --- | --- | --- |");
        let pair = [
            (words(&bare), first.to_vec(), Tty::Pty(120, 40)),
            (words(&with_data), first.to_vec(), Tty::Pty(120, 40)),
        ];
        for (start, m) in [
            ("home kept", compare(runs, &pair)),
            (
                "no kept home: the index read first",
                compare_prepared(runs, &pair, &forget_kept(&data)),
            ),
        ] {
            println!(
                "| home screen, start to first frame (120×40, index current; {start}) | bare app {:.1} ms | {:.1} ms | {} | {} | {:.1} MiB | ≤ 100 ms at 100k |",
                m[0].median_ms,
                m[1].median_ms,
                ratio(m[1].median_ms, m[0].median_ms),
                cpu(&m),
                m[1].max_rss_mib
            );
        }
        let m = compare(
            runs,
            &[
                (
                    sh(&format!("grep -r -m1 title {dir}")),
                    Vec::new(),
                    Tty::None,
                ),
                (
                    sh(&format!("{with_data} sessions list")),
                    Vec::new(),
                    Tty::None,
                ),
            ],
        );
        println!(
            "| `sessions list` | `grep -r -m1 title` {:.1} ms | {:.1} ms | {} | {} | {:.1} MiB | ≤ 1.0× grep |",
            m[0].median_ms,
            m[1].median_ms,
            ratio(m[1].median_ms, m[0].median_ms),
            cpu(&m),
            m[1].max_rss_mib
        );
        for word in ["interpreter", "chronology"] {
            let m = compare(
                runs,
                &[
                    (
                        sh(&format!("grep -r -l -m1 {word} {dir}")),
                        Vec::new(),
                        Tty::None,
                    ),
                    (
                        sh(&format!("{with_data} search {word} --limit 20")),
                        Vec::new(),
                        Tty::None,
                    ),
                ],
            );
            println!(
                "| `search {word}` (20 best of all sessions) | `grep -r -l -m1 {word}` {:.1} ms | {:.1} ms | {} | {} | {:.1} MiB | ≤ 50 ms |",
                m[0].median_ms,
                m[1].median_ms,
                ratio(m[1].median_ms, m[0].median_ms),
                cpu(&m),
                m[1].max_rss_mib
            );
        }
        let (bare_idle, idle) = (idle_cpu_ms(&words(&bare)), idle_cpu_ms(&words(&with_data)));
        println!(
            "| idle on the home screen: CPU time in 10 s, after 3 s to settle | bare app {bare_idle:.0} ms | {idle:.0} ms | | | | 0% (no work while idle) |"
        );
        let (load, press, paragraph) = key_press(&data, (120, 40));
        println!(
            "| one `j`/`k` on the home screen: update and draw (in process, 120×40) | one paragraph drawn {:.3} ms | {:.3} ms | {} | | | ≤ 5 ms |",
            paragraph,
            press,
            ratio(press, paragraph)
        );
        println!(
            "| home data, folder compared with the index first (in process, as after a return to the home screen in tests) | | {load:.1} ms | | | | |"
        );
        register_and_trends(runs, &dir, &with_data, &data, paragraph);
    }
}

/// The register and levels over time (issue 14): the command line against
/// reading every file (`grep -c` reads each to its end, as a scan would),
/// and the screens in process.
fn register_and_trends(runs: usize, dir: &str, with_data: &str, data: &Path, paragraph: f64) {
    let read_all = format!("grep -r -c owner {dir}");
    for (what, command) in [
        ("`actions` (every action)", "actions"),
        (
            "`actions --overdue --owner 'Owner 7'`",
            "actions --overdue --owner 'Owner 7'",
        ),
        ("`trends hmie-cp-2009` (every level)", "trends hmie-cp-2009"),
        (
            "`trends hmie-cp-2009 --item 1.1`",
            "trends hmie-cp-2009 --item 1.1",
        ),
    ] {
        let m = compare(
            runs,
            &[
                (
                    sh(&format!("{read_all} > /dev/null")),
                    Vec::new(),
                    Tty::None,
                ),
                (
                    sh(&format!("{with_data} {command} > /dev/null")),
                    Vec::new(),
                    Tty::None,
                ),
            ],
        );
        println!(
            "| {what} | `grep -r -c owner` {:.1} ms | {:.1} ms | {} | {} | {:.1} MiB | ≤ 1.0× reading every file |",
            m[0].median_ms,
            m[1].median_ms,
            ratio(m[1].median_ms, m[0].median_ms),
            cpu(&m),
            m[1].max_rss_mib
        );
    }
    let t = cycle_screens(data, (120, 40), runs);
    for (what, ms, target) in [
        (
            "register: `r` on home to its first frame",
            t.register_first,
            "≤ 100 ms",
        ),
        ("register: one `j`/`k`", t.register_move, "≤ 5 ms"),
        (
            "register: `o` (next owner filter)",
            t.register_filter,
            "≤ 5 ms",
        ),
        (
            "register: `i` (next item filter)",
            t.register_item,
            "≤ 5 ms",
        ),
        (
            "trends: `t` to the grid's first frame",
            t.trends_first,
            "≤ 100 ms",
        ),
        ("trends: one `j`/`k`", t.trends_move, "≤ 5 ms"),
        (
            "trends: `PgUp`/`PgDn` (earlier or later sessions)",
            t.trends_page,
            "≤ 100 ms",
        ),
        (
            "trends: `→`/`←` (another framework)",
            t.trends_framework,
            "≤ 100 ms",
        ),
    ] {
        println!(
            "| {what} (in process, 120×40, update and draw) | one paragraph drawn {paragraph:.3} ms | {ms:.2} ms | {} | | | {target} |",
            ratio(ms, paragraph)
        );
    }
}
