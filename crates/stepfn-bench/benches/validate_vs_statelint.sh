#!/usr/bin/env bash
# `stepfn validate FILE` as a whole process against statelint's Python port
# (PyPI `statelint`, command `statelint`) on the same two files, side by side
# in one run: a 10,000-state Pass chain and a 2,002-state definition nesting
# Choice, Parallel and Map states. Installs the peer in a virtual environment,
# runs the two commands in turn several times and prints the medians and the
# ratios, of wall-clock time and of CPU time (user + system, less moved by
# other load).
#
#   bash crates/stepfn-bench/benches/validate_vs_statelint.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
runs="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "statelint==3.1.0"

cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p stepfn-cli -p stepfn-bench
target="${CARGO_TARGET_DIR:-$root/target}"
"$target/release/bench-inputs" "$work"

python3 - "$runs" "$target/release/stepfn" "$work/venv/bin/statelint" "$work" <<'PY'
import os, statistics, subprocess, sys, time
runs, stepfn, statelint, work = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

def once_ms(command):
    """Wall-clock time and CPU time (user + system) of one run."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{command} failed with exit code {os.waitstatus_to_exitcode(status)}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000

def side_by_side(commands):
    """Median wall-clock and CPU times of each command, the commands taking
    turns run after run so that load from elsewhere falls on both alike."""
    for command in commands:
        once_ms(command)  # warm the caches
    times = [([], []) for _ in commands]
    for _ in range(runs):
        for command, (walls, cpus) in zip(commands, times):
            wall, cpu = once_ms(command)
            walls.append(wall)
            cpus.append(cpu)
    return [(statistics.median(walls), statistics.median(cpus)) for walls, cpus in times]

print(f"{'file':<22} {'size':>7} | {'wall: stepfn':>12} {'statelint':>10} {'ratio':>6} | {'cpu: stepfn':>11} {'statelint':>10} {'ratio':>6}")
for name in ["chain-10000.asl.json", "nested-2002.asl.json"]:
    path = os.path.join(work, name)
    (ours_wall, ours_cpu), (theirs_wall, theirs_cpu) = side_by_side([[stepfn, "validate", path], [statelint, path]])
    size = os.path.getsize(path) / 1e6
    print(f"{name:<22} {size:>5.2f}MB | {ours_wall:>9.1f} ms {theirs_wall:>7.1f} ms {theirs_wall / ours_wall:>5.1f}x"
          f" | {ours_cpu:>8.1f} ms {theirs_cpu:>7.1f} ms {theirs_cpu / ours_cpu:>5.1f}x")
print(f"(median of {runs} runs each, the two commands taking turns, after one warm-up run each)")
PY
