#!/usr/bin/env bash
# Clean-build time of the library with `default-features = false`, against a clean
# build of its dependencies alone (an empty crate with the same dependencies and
# the same Cargo.lock). Prints both times and their ratio.
#
#   bash crates/stepfn-bench/benches/build_time.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/deps-only/src"
: > "$work/deps-only/src/lib.rs"
# The [dependencies] table of stepfn, without the optional CLI ones.
deps="$(awk '/^\[dependencies\]/{on=1; next} /^\[/{on=0} on && NF && $0 !~ /optional = true/' "$root/Cargo.toml")"
cat > "$work/deps-only/Cargo.toml" <<TOML
[package]
name = "deps-only"
version = "0.0.0"
edition = "2021"

[dependencies]
$deps
TOML
cp "$root/Cargo.lock" "$work/deps-only/Cargo.lock"

seconds() { # runs "$@" and prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  python3 -c "print($end - $start)"
}

cargo fetch --manifest-path "$root/Cargo.toml" >/dev/null 2>&1
deps_time=$(seconds env CARGO_TARGET_DIR="$work/target-deps" cargo build --manifest-path "$work/deps-only/Cargo.toml")
lib_time=$(seconds env CARGO_TARGET_DIR="$work/target-lib" cargo build --manifest-path "$root/Cargo.toml" --lib --no-default-features)
python3 -c "print(f'dependencies alone: {$deps_time:.1f} s'); print(f'stepfn library (default-features = false): {$lib_time:.1f} s'); print(f'ratio: {$lib_time / $deps_time:.2f}')"
