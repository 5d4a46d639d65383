#!/usr/bin/env bash
# The simulator against aws-local-stepfunctions (the fastest peer), side by
# side in one run:
#   * in-process: the counter loop (a Pass with States.MathAdd and a Choice)
#     at 1,000 / 10,000 / 100,000 / 1,000,000 state transitions, and a Map
#     over 100,000 items (stepfn: `cargo bench --bench simulate_curve`, best
#     of five; the peer: one warm-up, then one timed run in the same node
#     process);
#   * whole process: `stepfn run --express` of a 100,000-iteration loop
#     against `node` running the same loop with the peer, start to exit;
#     and 10,000 inputs, one per line of standard input, each its own
#     execution: `stepfn run --jsonl` against the peer's own command,
#     `local-sfn -f`, which reads its inputs the same way.
#
#   bash crates/stepfn-bench/benches/simulate_vs_local_stepfunctions.sh [MAX_TRANSITIONS]
#
# MAX_TRANSITIONS (default 1000000) cuts the curve short for a quick look.
# Needs node and npm (the peer is installed with `npm ci` from the committed
# lock file in crates/stepfn-sim/peers); set CARGO to use another cargo command.
set -euo pipefail
cargo="${CARGO:-cargo}"
max="${1:-1000000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
peers="$root/crates/stepfn-sim/peers"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -d "$peers/node_modules/aws-local-stepfunctions" ] || (cd "$peers" && npm ci --silent --no-audit --no-fund >/dev/null)
"$cargo" build --quiet --release --manifest-path "$root/Cargo.toml" -p stepfn-cli
target="$("$cargo" metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
"$cargo" bench --quiet --manifest-path "$root/Cargo.toml" -p stepfn-bench --bench simulate_curve -- "$max" > "$work/stepfn.tsv"

for transitions in 1000 10000 100000 1000000; do
  [ "$transitions" -le "$max" ] || break
  printf 'counter\t' >> "$work/peer.tsv"
  (cd "$peers" && node local-stepfunctions.mjs bench counter $((transitions / 2))) >> "$work/peer.tsv"
done
printf 'map\t' >> "$work/peer.tsv"
(cd "$peers" && node local-stepfunctions.mjs bench map 100000) >> "$work/peer.tsv"

cat > "$work/loop.json" <<'JSON'
{"StartAt": "Add", "States": {
  "Add": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)", "limit.$": "$.limit"}, "Next": "Check"},
  "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThanPath": "$.limit", "Next": "Add"}],
            "Default": "Done"},
  "Done": {"Type": "Succeed"}}}
JSON

python3 - "$work" "$target/release/stepfn" "$peers" <<'PY'
import subprocess, sys, time
work, stepfn, peers = sys.argv[1:4]

def rows(path):
    out = {}
    for line in open(path):
        kind, count, seconds = line.split()
        out[(kind, int(count))] = float(seconds)
    return out

ours, theirs = rows(f"{work}/stepfn.tsv"), rows(f"{work}/peer.tsv")
print("| workload | aws-local-stepfunctions | stepfn-sim | speed-up |")
print("|---|---|---|---|")
for (kind, count), seconds in sorted(ours.items()):
    peer = theirs.get((kind, count))
    unit = "transitions" if kind == "counter" else "items"
    name = f"counter loop, {count:,} transitions" if kind == "counter" else f"Map over {count:,} items"
    rate = lambda s: f"{s * 1000:.1f} ms ({count / s:,.0f} {unit}/s)"
    print(f"| {name} | {rate(peer) if peer else '-'} | {rate(seconds)} | "
          + (f"**{peer / seconds:,.0f}x** |" if peer else "- |"))

def whole(command):
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=peers)
        best = min(best, time.perf_counter() - start)
        if '"SUCCEEDED"' not in done.stdout:
            sys.exit(f"{command[0]} did not succeed: {done.stdout} {done.stderr[-500:]}")
    return best

given = '{"n": 0, "limit": 100000}'
ours = whole([stepfn, "run", "--express", f"{work}/loop.json", "--input", given, "--format", "json"])
theirs = whole(["node", "local-stepfunctions.mjs", "once", f"{work}/loop.json", given])
print(f"| whole process, 100,000-iteration loop (200,001 transitions) | {theirs * 1000:.0f} ms | "
      f"{ours * 1000:.1f} ms | **{theirs / ours:,.0f}x** |")

# 10,000 executions of the counter (n from 0 to 2: 1 to 5 transitions each),
# one input per line, one result per line out.
counter = f"{work}/counter.json"
with open(counter, "w") as f:
    f.write(open(f"{work}/loop.json").read()
            .replace('"NumericLessThanPath": "$.limit"', '"NumericLessThan": 3')
            .replace(', "limit.$": "$.limit"', ""))
lines = "".join(f'{{"n": {i % 3}}}\n' for i in range(10000))

def each_line(command):
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run(command, input=lines, capture_output=True, text=True, cwd=peers)
        best = min(best, time.perf_counter() - start)
        results = done.stdout.splitlines()
        if done.returncode != 0 or len(results) != 10000:
            sys.exit(f"{command[0]} gave {len(results)} results: {done.stderr[-500:]}")
    return best

ours = each_line([stepfn, "run", counter, "--jsonl"])
theirs = each_line(["node_modules/.bin/local-sfn", "-f", counter])
print(f"| whole process, 10,000 inputs as lines, one execution each | {theirs * 1000:.0f} ms | "
      f"{ours * 1000:.1f} ms | **{theirs / ours:,.0f}x** |")
PY
