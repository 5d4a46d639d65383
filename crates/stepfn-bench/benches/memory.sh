#!/usr/bin/env bash
# Peak memory of `stepfn validate FILE` as a whole process on a large
# definition (221,000 states nesting Choice, Parallel and Map, about 58 MB
# pretty-printed), against the size of the file: reading keeps the text, the
# model and one top-level state's tree at a time, and memory must stay within
# a few times the input.
#
#   bash crates/stepfn-bench/benches/memory.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p stepfn-cli -p stepfn-bench
target="${CARGO_TARGET_DIR:-$root/target}"
"$target/release/bench-inputs" "$work" --big

python3 - "$target/release/stepfn" "$work/nested-221000.asl.json" <<'PY'
import os, resource, subprocess, sys, time
stepfn, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
done = subprocess.run([stepfn, "validate", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
# The file is past AWS's 1 MiB limit, so validation ends with that error (exit 1).
if done.returncode not in (0, 1):
    sys.exit(f"stepfn validate failed with exit code {done.returncode}")
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
size = os.path.getsize(path)
print(f"file {size / 1e6:.1f} MB, peak resident memory {peak / 1e6:.0f} MB "
      f"({peak / size:.1f}x the file), {elapsed:.2f} s")
PY
