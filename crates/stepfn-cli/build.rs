//! Links the `stepfn` command as a position-dependent executable on Linux with
//! the GNU toolchain.
//!
//! A position-independent executable has every pointer in its read-only data
//! patched by the dynamic loader at start: about 16,700 relocations over some
//! 80 pages, each page copied on its first write. `stepfn validate` on a small
//! file then spends more time starting than validating. Linked at a fixed
//! address, the binary needs none of that, and a run on a one-state file takes
//! about 0.7 ms less (see BENCHMARKS.md). The price is that the executable's
//! own code is not moved by address-space randomisation (its libraries, stack
//! and heap still are), which suits a local developer tool.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
