#!/usr/bin/env bash
# `stepfn validate FILE` as a whole process against statelint's Python port
# (PyPI `statelint`, command `statelint`) on the same two files, side by side
# in one run: a 10,000-state Pass chain and a 2,002-state definition nesting
# Choice, Parallel and Map states. Installs the peer in a virtual environment,
# runs each command several times and prints the medians and the ratios, of
# wall-clock time and of CPU time (user + system, less moved by other load).
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

def medians_ms(command):
    """Median wall-clock time and median CPU time (user + system) of one run."""
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the caches
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{command} failed with exit code {os.waitstatus_to_exitcode(status)}")
    return statistics.median(walls), statistics.median(cpus)

print(f"{'file':<22} {'size':>7} | {'wall: stepfn':>12} {'statelint':>10} {'ratio':>6} | {'cpu: stepfn':>11} {'statelint':>10} {'ratio':>6}")
for name in ["chain-10000.asl.json", "nested-2002.asl.json"]:
    path = os.path.join(work, name)
    ours_wall, ours_cpu = medians_ms([stepfn, "validate", path])
    theirs_wall, theirs_cpu = medians_ms([statelint, path])
    size = os.path.getsize(path) / 1e6
    print(f"{name:<22} {size:>5.2f}MB | {ours_wall:>9.1f} ms {theirs_wall:>7.1f} ms {theirs_wall / ours_wall:>5.1f}x"
          f" | {ours_cpu:>8.1f} ms {theirs_cpu:>7.1f} ms {theirs_cpu / ours_cpu:>5.1f}x")
print(f"(median of {runs} runs each, after one warm-up run)")
PY
