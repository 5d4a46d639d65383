#!/usr/bin/env bash
# JSONata evaluation, stepfn-jsonata against jsonata-js 2.0.6, side by side in
# one run: installs jsonata@2.0.6 with npm into a temporary directory, writes
# the cases (the reference suite's performance group and typical Step
# Functions expressions, with their inputs), measures each case with both
# (expression compiled once, median time per evaluation), checks that both
# give the same result, and prints the times and the ratio.
#
#   bash crates/stepfn-bench/benches/jsonata_vs_js.sh
#
# Needs node and npm; set CARGO to use another cargo command.
set -euo pipefail
cargo="${CARGO:-cargo}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund jsonata@2.0.6 >/dev/null)
"$cargo" bench --manifest-path "$root/Cargo.toml" -p stepfn-bench --bench jsonata -- --write-cases "$work/cases.json" >/dev/null
NODE_PATH="$work/node_modules" node "$here/jsonata_vs_js.js" "$work/cases.json" > "$work/js.tsv"
"$cargo" bench --manifest-path "$root/Cargo.toml" -p stepfn-bench --bench jsonata -- --measure "$work/cases.json" > "$work/rs.tsv"

python3 - "$work/js.tsv" "$work/rs.tsv" <<'PY'
import json, sys
def read(path):
    rows = {}
    for line in open(path):
        name, ns, result = line.rstrip("\n").split("\t", 2)
        rows[name] = (float(ns), result)
    return rows
def same(a, b):
    if a == b:
        return True
    try:
        x, y = json.loads(a), json.loads(b)
    except ValueError:
        return False
    def eq(x, y):
        if isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool):
            return x == y or abs(x - y) <= 1e-15 * max(abs(x), abs(y))
        if isinstance(x, list) and isinstance(y, list):
            return len(x) == len(y) and all(eq(p, q) for p, q in zip(x, y))
        if isinstance(x, dict) and isinstance(y, dict):
            return x.keys() == y.keys() and all(eq(x[k], y[k]) for k in x)
        return x == y
    return eq(x, y)
def show(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1000:.1f} µs" if ns >= 1000 else f"{ns:.0f} ns"
js, rs = read(sys.argv[1]), read(sys.argv[2])
print(f"| case | jsonata-js 2.0.6 | stepfn-jsonata | speed-up |")
print(f"|---|---|---|---|")
for name, (js_ns, js_result) in js.items():
    rs_ns, rs_result = rs[name]
    flag = "" if same(js_result, rs_result) else "  (RESULTS DIFFER)"
    print(f"| {name} | {show(js_ns)} | {show(rs_ns)} | **{js_ns / rs_ns:.1f}x**{flag} |")
PY
