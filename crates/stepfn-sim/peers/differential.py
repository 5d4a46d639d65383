"""The simulator against aws-local-stepfunctions and moto, case by case.

Each case of cases.json has a definition, an input and the result AWS gives
(decided by the behaviour the project documents for AWS, never by a peer).
`stepfn run` must give exactly that result; each peer must give it too,
unless the case notes under "wrong" that this peer is known to differ, and
why. A note that no longer holds (the peer now agrees) fails as well, so the
notes stay true.

    python differential.py STEPFN_BINARY [--peer NAME]...

Needs node with `npm ci` done in this directory (aws-local-stepfunctions) and
a Python with moto[server] and boto3 installed (the one running this file).
Results are compared on status, output (numbers by value) and error; the
cause only where the case gives one.
"""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = ["aws-local-stepfunctions", "moto"]


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def agrees(expected, got):
    """Why `got` differs from `expected`, or None."""
    if got.get("status") != expected["status"]:
        return f"status {got.get('status')} ({got.get('error')}: {got.get('cause')})"
    if "output" in expected and not same(expected["output"], got.get("output")):
        return f"output {json.dumps(got.get('output'))}"
    if "error" in expected and expected["error"] != got.get("error"):
        return f"error {got.get('error')} ({got.get('cause')})"
    if "cause" in expected and expected["cause"] != got.get("cause"):
        return f"cause {got.get('cause')!r}"
    return None


def stepfn(binary, case):
    done = subprocess.run(
        [binary, "run", "-", "--input", json.dumps(case["input"]), "--format", "json"],
        input=json.dumps(case["definition"]),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        return {"status": "INVALID", "error": "exit " + str(done.returncode), "cause": done.stderr.strip()}
    return json.loads(done.stdout)


def batch(command, cases):
    lines = "".join(json.dumps({"definition": c["definition"], "input": c["input"]}) + "\n" for c in cases)
    done = subprocess.run(command, input=lines, capture_output=True, text=True, cwd=HERE, check=False)
    results = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if len(results) != len(cases):
        sys.exit(f"{command[0]} gave {len(results)} results for {len(cases)} cases:\n{done.stderr[-2000:]}")
    return results


def main(argv):
    if not argv:
        sys.exit(__doc__)
    binary = argv[0]
    peers = [argv[i + 1] for i, a in enumerate(argv) if a == "--peer" and i + 1 < len(argv)] or PEERS
    with open(os.path.join(HERE, "cases.json"), encoding="utf-8") as f:
        cases = json.load(f)
    problems = []
    for case in cases:
        why = agrees(case["expected"], stepfn(binary, case))
        if why:
            problems.append(f"stepfn: {case['name']}: {why}")
    runners = {
        "aws-local-stepfunctions": ["node", "local-stepfunctions.mjs", "run"],
        "moto": [sys.executable, "moto_runner.py", "run"],
    }
    tally = {}
    for peer in peers:
        results = batch(runners[peer], cases)
        agreed = noted = 0
        for case, got in zip(cases, results):
            why = agrees(case["expected"], got)
            note = case.get("wrong", {}).get(peer)
            if why and not note:
                problems.append(f"{peer}: {case['name']}: {why} (unexpected: decide by AWS's behaviour, then fix stepfn or note the peer)")
            elif note and not why:
                problems.append(f"{peer}: {case['name']}: agrees now; remove the note {note!r}")
            elif note:
                noted += 1
            else:
                agreed += 1
        tally[peer] = (agreed, noted)
    for peer, (agreed, noted) in tally.items():
        print(f"{peer}: agrees on {agreed} of {len(cases)} cases; differs, as noted, on {noted}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"stepfn: gives AWS's result on all {len(cases)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
