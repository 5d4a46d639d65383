#!/usr/bin/env bash
# `stepfn validate FILE` as a whole process against statelint's Python port
# (PyPI `statelint`, command `statelint`) on the same two files, side by side
# in one run: a 10,000-state Pass chain and a 2,002-state definition nesting
# Choice, Parallel and Map states. Installs the peer in a virtual environment,
# runs each command several times and prints the medians and the ratios.
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

def median_ms(command):
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
        if done.returncode != 0:
            sys.exit(f"{command} failed with exit code {done.returncode}")
    return statistics.median(times)

print(f"{'file':<24} {'size':>9} {'stepfn validate':>16} {'statelint':>11} {'ratio':>8}")
for name in ["chain-10000.asl.json", "nested-2002.asl.json"]:
    path = os.path.join(work, name)
    ours = median_ms([stepfn, "validate", path])
    theirs = median_ms([statelint, path])
    size = os.path.getsize(path) / 1e6
    print(f"{name:<24} {size:>7.2f}MB {ours:>13.1f} ms {theirs:>8.1f} ms {theirs / ours:>7.1f}x")
print(f"(median of {runs} runs each, after one warm-up run)")
PY
