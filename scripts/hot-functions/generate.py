#!/usr/bin/env python3
"""Writes crates/stepfn-cli/hot-functions.txt: the functions of the `stepfn`
binary that `stepfn validate` runs, sorted by name, for the linker to lay
out together at the start of the code (see the CLI's build.rs).

    python3 scripts/hot-functions/generate.py

Builds the binary, validates a one-state file and the two benchmark files
(`bench-inputs`) under valgrind's callgrind, which records the address of
every instruction that runs, and names each address by the binary's symbol
table. Needs valgrind and binutils' `nm`. Run it again when a new Rust
release or a new version number renames the symbols (each name carries a
hash of the crate's version and the compiler's); until then a stale list
only leaves the functions it no longer names where the linker puts them.
"""

import bisect
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "crates", "stepfn-cli", "hot-functions.txt")
ONE_STATE = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}\n'


def run(*command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def functions(binary):
    """The binary's functions as (start, size, name), by address."""
    listing = run("nm", "--defined-only", "-S", binary, capture_output=True, text=True).stdout
    found = []
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in "tTwW":
            found.append((int(parts[0], 16), int(parts[1], 16), parts[3]))
    return sorted(found)


def executed(binary, inputs, work):
    """Names of the binary's functions that validating any input runs."""
    table = functions(binary)
    starts = [start for start, _, _ in table]
    names = set()
    for i, path in enumerate(inputs):
        profile = os.path.join(work, f"callgrind.{i}")
        run("valgrind", "--tool=callgrind", "--dump-instr=yes",
            f"--callgrind-out-file={profile}", binary, "validate", path,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Each cost line starts with the address of an instruction: written
        # out (`0x4861a0`), relative to the line before (`+3`, `-12`) or the
        # same again (`*`).
        address = 0
        with open(profile) as lines:
            for line in lines:
                match = re.match(r"^(0x[0-9a-f]+|[+-][0-9]+|\*) ", line)
                if not match:
                    continue
                position = match.group(1)
                if position.startswith("0x"):
                    address = int(position, 16)
                elif position != "*":
                    address += int(position)
                at = bisect.bisect_right(starts, address) - 1
                if at >= 0 and address < starts[at] + table[at][1]:
                    names.add(table[at][2])
    return sorted(names)


def main():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    run("cargo", "build", "--quiet", "--release", "--manifest-path",
        os.path.join(ROOT, "Cargo.toml"), "-p", "stepfn-cli", "-p", "stepfn-bench")
    binary = os.path.join(target, "release", "stepfn")
    with tempfile.TemporaryDirectory() as work:
        run(os.path.join(target, "release", "bench-inputs"), work, stdout=subprocess.DEVNULL)
        one = os.path.join(work, "one.asl.json")
        with open(one, "w") as f:
            f.write(ONE_STATE)
        inputs = [one] + [os.path.join(work, name)
                          for name in ("nested-2002.asl.json", "chain-10000.asl.json")]
        names = executed(binary, inputs, work)
    with open(OUT, "w") as f:
        f.write("".join(name + "\n" for name in names))
    print(f"{len(names)} functions written to {os.path.relpath(OUT, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
