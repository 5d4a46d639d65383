//! Links the `stepfn` command for a fast start on Linux with the GNU
//! toolchain: as a position-dependent executable, and with the unwinder
//! built in rather than loaded from `libgcc_s.so`.
//!
//! A position-independent executable has every pointer in its read-only data
//! patched by the dynamic loader at start: about 16,700 relocations over some
//! 80 pages, each page copied on its first write. `stepfn validate` on a small
//! file then spends more time starting than validating. Linked at a fixed
//! address, the binary needs none of that, and a run on a one-state file takes
//! about 0.7 ms less (see BENCHMARKS.md). The price is that the executable's
//! own code is not moved by address-space randomisation (its libraries, stack
//! and heap still are), which suits a local developer tool.
//!
//! The unwinder (what `panic` and backtraces use) comes from GCC's static
//! `libgcc_eh.a` when the C compiler has one: the shared `libgcc_s.so` it
//! replaces is one library less to find, map and relocate at every start,
//! and its start-up code probes the processor with `cpuid`, which a virtual
//! machine traps. Without `libgcc_eh.a`, the shared library is linked as usual.

use std::process::Command;

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
        if has_static_unwinder() {
            println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// Whether the C compiler that links the binary finds `libgcc_eh.a`: asked
/// for a file it cannot find, it prints the bare name back.
fn has_static_unwinder() -> bool {
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    Command::new(compiler)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .is_some_and(|path| !matches!(path.trim(), "" | "libgcc_eh.a"))
}
