#!/usr/bin/env bash
# `stepfn validate FOLDER` as one process over a folder of many files: the
# bundled examples, every JSON file of the ASL corpus and the SAM and CDK
# templates, copied COPIES times into a temporary folder (the copies keep
# their sub-folders). Prints the number of files, the median wall time of RUNS
# runs and the time per file.
#
#   bash crates/stepfn-bench/benches/validate_folder.sh [COPIES] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
copies="${1:-10}"
runs="${2:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p stepfn-cli
target="${CARGO_TARGET_DIR:-$root/target}"

for i in $(seq 1 "$copies"); do
  mkdir -p "$work/files/$i"
  cp -r "$root/examples/definitions" "$root/tests/fixtures/asl-corpus" "$root/tests/fixtures/templates" "$work/files/$i/"
done

python3 - "$runs" "$target/release/stepfn" "$work/files" <<'PY'
import statistics, subprocess, sys, time
runs, stepfn, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3]
command = [stepfn, "validate", "--format", "json", folder]
lines = subprocess.run(command, capture_output=True, text=True)
files = len(lines.stdout.splitlines())
print(lines.stderr.strip())
times = []
for _ in range(runs):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - start) * 1000)
    if done.returncode not in (0, 1):
        sys.exit(f"{command} failed with exit code {done.returncode}")
median = statistics.median(times)
print(f"{files} files checked: median {median:.1f} ms over {runs} runs, {median * 1000 / files:.0f} µs per file")
PY
