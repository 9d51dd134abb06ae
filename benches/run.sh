#!/bin/sh
# What users wait for, against baselines measured in the same run:
#   start to first frame vs a bare ratatui app (examples/bare.rs) at 120x40
#   and 240x67, with the home screen the last run kept (index-home.json) and
#   without it (removed before each run: a first start, or one after a
#   change); for each size, a generated folder (examples/gen_sessions.rs:
#   two thirds daily reviews, workshops and supervisions, each with a v1
#   backup) and: reindex from scratch, home screen first frame, one key
#   press, `sessions list` vs `grep -r -m1 title`, search vs grep, peak memory;
#   the register and levels over time (issue 14): `actions` and `trends`
#   vs `grep -r -c owner` (reading every file, as a scan would), and the
#   register and trends screens' first frame and keys, in process.
#
#   benches/run.sh [RUNS] [SIZE...]      default: 10 runs, 1000 10000 100000
#   benches/run.sh RUNS startup          start to first frame alone
#
# Needs only a Linux machine with the Rust toolchain, `script` (util-linux)
# and `grep`. Generated folders are kept in $HOWGOOD_BENCH_DIR (default
# /tmp/howgood-bench; 100,000 sessions take about 1 GiB) and reused.
# The report goes to stdout; copy it into benches/RESULTS.md.
set -eu
cd "$(dirname "$0")/.."
runs=${1:-10}
[ $# -gt 0 ] && shift
sizes=${*:-1000 10000 100000}
work=${HOWGOOD_BENCH_DIR:-/tmp/howgood-bench}
mkdir -p "$work/empty"
cargo build --release --locked --bin howgood --example bare --example gen_sessions --example bench >&2
echo "# Run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores"
echo
[ "$sizes" = startup ] && sizes=
./target/release/examples/bench "$work" "$runs" $sizes
